/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-csv-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "awd-csv-import-dialog.h"
#include "awd-csv-nominations.h"

/* The preview of a spreadsheet import. The file is read and checked
 * against the round when the dialog opens and again after every change of
 * a column's field, so the problems listed are always those Import would
 * meet; nothing is written before Import, and Import writes all or nothing
 * (awd_csv_nominations_import). */

#define PREVIEW_ROWS 5

struct _AwdCsvImportDialog
{
  AdwWindow          parent_instance;

  AwdContext        *context;
  GFile             *file;
  AwdCsvNominations *csv;
  gboolean           checked_ok;
  gboolean           loading;

  GtkWidget         *import_button;
  GtkWidget         *file_row;
  GtkWidget         *format_row;
  GtkWidget         *problems_group;
  GtkWidget         *problems_list;
  GtkWidget         *columns_group;
  GtkWidget         *columns_list;
  GtkWidget         *preview_group;
  GtkWidget         *preview_grid;
};

G_DEFINE_FINAL_TYPE (AwdCsvImportDialog, awd_csv_import_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_FILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
clear_list (GtkWidget *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (list), child);
}

static void
add_problem_row (AwdCsvImportDialog *self,
                 guint               line,
                 const char         *message)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = NULL;

  if (line > 0)
    /* Translators: a problem in a spreadsheet: "Line 4" */
    title = g_strdup_printf (_("Line %u"), line);
  else
    title = g_strdup (_("The whole file"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), message);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
  gtk_list_box_append (GTK_LIST_BOX (self->problems_list), row);
}

/* Checks the rows against the round with the current mapping and shows the
 * problems; Import follows the outcome. */
static void
run_check (AwdCsvImportDialog *self)
{
  AwdRound *round = awd_context_get_round (self->context);
  g_autoptr(GError) error = NULL;
  GPtrArray *problems;

  clear_list (self->problems_list);
  self->checked_ok = FALSE;
  if (self->csv != NULL && round != NULL)
    {
      self->checked_ok = awd_csv_nominations_check (self->csv, awd_context_get_store (self->context),
                                                    awd_round_get_id (round), &error);
      problems = awd_csv_nominations_get_problems (self->csv);
      for (guint i = 0; problems != NULL && i < problems->len; i++)
        {
          AwdCsvProblem *problem = g_ptr_array_index (problems, i);
          add_problem_row (self, problem->line, problem->message);
        }
      if (!self->checked_ok && (problems == NULL || problems->len == 0) && error != NULL)
        add_problem_row (self, 0, error->message);
    }
  else if (round == NULL)
    add_problem_row (self, 0, _("Select a season first"));

  gtk_widget_set_visible (self->problems_group, !self->checked_ok);
  gtk_widget_set_sensitive (self->import_button,
                            self->checked_ok && !awd_context_is_read_only (self->context));
}

static void
field_selected_cb (AdwComboRow        *row,
                   GParamSpec         *pspec,
                   AwdCsvImportDialog *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "awd-column"));

  if (self->loading)
    return;
  awd_csv_nominations_set_column_field (self->csv, column, (AwdCsvField) adw_combo_row_get_selected (row));
  run_check (self);
}

static void
fill_columns (AwdCsvImportDialog *self)
{
  const AwdCsvTable *table = awd_csv_nominations_get_table (self->csv);
  guint n_columns = awd_csv_nominations_get_n_columns (self->csv);
  g_autoptr(GtkStringList) fields = gtk_string_list_new (NULL);

  for (AwdCsvField f = AWD_CSV_FIELD_IGNORE; f < AWD_CSV_N_FIELDS; f++)
    gtk_string_list_append (fields, awd_csv_field_label (f));

  self->loading = TRUE;
  clear_list (self->columns_list);
  for (guint c = 0; c < n_columns; c++)
    {
      GtkWidget *row = adw_combo_row_new ();
      const char *sample = table->records->len > 1
                           ? awd_csv_record_get (g_ptr_array_index (table->records, 1), c) : "";
      const char *header = awd_csv_nominations_get_header (self->csv, c);
      g_autofree char *title = NULL;

      /* Translators: a column of a spreadsheet: its number and heading */
      title = g_strdup_printf (_("%u. %s"), c + 1, header != NULL && *header != '\0' ? header : _("(no heading)"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sample);
      gtk_widget_set_name (row, "csv-column");
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (fields));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), awd_csv_nominations_get_column_field (self->csv, c));
      if (awd_csv_nominations_get_column_field (self->csv, c) == AWD_CSV_FIELD_IGNORE)
        gtk_widget_add_css_class (row, "awd-unmapped");
      g_object_set_data (G_OBJECT (row), "awd-column", GUINT_TO_POINTER (c));
      g_signal_connect (row, "notify::selected", G_CALLBACK (field_selected_cb), self);
      gtk_list_box_append (GTK_LIST_BOX (self->columns_list), row);
    }
  self->loading = FALSE;
}

static GtkWidget *
make_cell (const char *text,
           gboolean    heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_widget_set_tooltip_text (label, text);
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  return label;
}

static void
fill_preview (AwdCsvImportDialog *self)
{
  const AwdCsvTable *table = awd_csv_nominations_get_table (self->csv);
  guint n_columns = awd_csv_nominations_get_n_columns (self->csv);
  guint n_rows = MIN (table->records->len, PREVIEW_ROWS + 1);
  g_autofree char *title = NULL;

  gtk_grid_attach (GTK_GRID (self->preview_grid), make_cell (_("Line"), TRUE), 0, 0, 1, 1);
  for (guint r = 0; r < n_rows; r++)
    {
      AwdCsvRecord *record = g_ptr_array_index (table->records, r);
      g_autofree char *line = g_strdup_printf ("%u", record->line);

      if (r > 0)
        gtk_grid_attach (GTK_GRID (self->preview_grid), make_cell (line, FALSE), 0, (int) r, 1, 1);
      for (guint c = 0; c < n_columns; c++)
        gtk_grid_attach (GTK_GRID (self->preview_grid),
                         make_cell (awd_csv_record_get (record, c), r == 0), (int) c + 1, (int) r, 1, 1);
    }
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "First Rows (of %u row)", "First Rows (of %u rows)",
                                        table->records->len > 0 ? table->records->len - 1 : 0),
                           table->records->len > 0 ? table->records->len - 1 : 0);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->preview_group), title);
}

static void
load_file (AwdCsvImportDialog *self)
{
  g_autofree char *path = g_file_get_path (self->file);
  g_autofree char *name = g_file_get_basename (self->file);
  g_autoptr(GError) error = NULL;
  guint error_line = 0;

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->file_row), name);
  self->csv = path != NULL ? awd_csv_nominations_new_for_file (path, &error_line, &error) : NULL;
  if (self->csv == NULL)
    {
      gtk_widget_set_visible (self->problems_group, TRUE);
      add_problem_row (self, error_line, error != NULL ? error->message : _("The file cannot be read"));
      gtk_widget_set_visible (self->columns_group, FALSE);
      gtk_widget_set_visible (self->preview_group, FALSE);
      gtk_widget_set_visible (self->format_row, FALSE);
      return;
    }

  {
    const AwdCsvTable *table = awd_csv_nominations_get_table (self->csv);
    g_autofree char *format = NULL;

    /* Translators: the detected encoding, then the delimiter between fields */
    format = g_strdup_printf (_("%s, fields separated by “%c”"),
                              awd_csv_encoding_name (table->encoding), table->delimiter);
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->format_row), format);
  }
  fill_columns (self);
  fill_preview (self);
  run_check (self);
}

static void
import_clicked_cb (GtkButton          *button,
                   AwdCsvImportDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (!awd_csv_import_dialog_run_import (self, &error))
    {
      clear_list (self->problems_list);
      add_problem_row (self, 0, error->message);
      gtk_widget_set_visible (self->problems_group, TRUE);
    }
}

static void
awd_csv_import_dialog_constructed (GObject *object)
{
  AwdCsvImportDialog *self = AWD_CSV_IMPORT_DIALOG (object);

  G_OBJECT_CLASS (awd_csv_import_dialog_parent_class)->constructed (object);
  load_file (self);
}

static void
awd_csv_import_dialog_dispose (GObject *object)
{
  AwdCsvImportDialog *self = AWD_CSV_IMPORT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), AWD_TYPE_CSV_IMPORT_DIALOG);
  g_clear_object (&self->csv);
  g_clear_object (&self->file);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (awd_csv_import_dialog_parent_class)->dispose (object);
}

static void
awd_csv_import_dialog_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  AwdCsvImportDialog *self = AWD_CSV_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awd_csv_import_dialog_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  AwdCsvImportDialog *self = AWD_CSV_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awd_csv_import_dialog_class_init (AwdCsvImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = awd_csv_import_dialog_constructed;
  object_class->dispose = awd_csv_import_dialog_dispose;
  object_class->get_property = awd_csv_import_dialog_get_property;
  object_class->set_property = awd_csv_import_dialog_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, AWD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[IMPORTED] =
    g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, "/ru/libfl/AwardDesk/awd-csv-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AwdCsvImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, AwdCsvImportDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, AwdCsvImportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, AwdCsvImportDialog, problems_group);
  gtk_widget_class_bind_template_child (widget_class, AwdCsvImportDialog, problems_list);
  gtk_widget_class_bind_template_child (widget_class, AwdCsvImportDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, AwdCsvImportDialog, columns_list);
  gtk_widget_class_bind_template_child (widget_class, AwdCsvImportDialog, preview_group);
  gtk_widget_class_bind_template_child (widget_class, AwdCsvImportDialog, preview_grid);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
awd_csv_import_dialog_init (AwdCsvImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
awd_csv_import_dialog_new (AwdContext *context,
                           GFile      *file)
{
  g_return_val_if_fail (AWD_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return g_object_new (AWD_TYPE_CSV_IMPORT_DIALOG, "context", context, "file", file, NULL);
}

GPtrArray *
awd_csv_import_dialog_get_problems (AwdCsvImportDialog *self)
{
  g_return_val_if_fail (AWD_IS_CSV_IMPORT_DIALOG (self), NULL);

  return self->csv != NULL ? awd_csv_nominations_get_problems (self->csv) : NULL;
}

void
awd_csv_import_dialog_map_column (AwdCsvImportDialog *self,
                                  guint               column,
                                  int                 field)
{
  GtkWidget *row;
  guint i = 0;

  g_return_if_fail (AWD_IS_CSV_IMPORT_DIALOG (self));

  /* Through the column's drop-down, as a person would. */
  for (row = gtk_widget_get_first_child (self->columns_list); row != NULL && i < column;
       row = gtk_widget_get_next_sibling (row))
    i++;
  if (row != NULL)
    adw_combo_row_set_selected (ADW_COMBO_ROW (row), (guint) field);
}

gboolean
awd_csv_import_dialog_can_import (AwdCsvImportDialog *self)
{
  g_return_val_if_fail (AWD_IS_CSV_IMPORT_DIALOG (self), FALSE);

  return gtk_widget_get_sensitive (self->import_button);
}

gboolean
awd_csv_import_dialog_run_import (AwdCsvImportDialog  *self,
                                  GError             **error)
{
  AwdRound *round = awd_context_get_round (self->context);
  guint n_added = 0;

  g_return_val_if_fail (AWD_IS_CSV_IMPORT_DIALOG (self), FALSE);

  if (!self->checked_ok || round == NULL)
    {
      g_set_error_literal (error, AWD_CSV_ERROR, AWD_CSV_ERROR_INVALID,
                           _("The file has problems: nothing was imported"));
      return FALSE;
    }
  if (!awd_csv_nominations_import (self->csv, awd_context_get_store (self->context),
                                   awd_round_get_id (round), &n_added, error))
    return FALSE;
  /* Every page that shows nominations lists them again. */
  awd_context_data_changed (self->context, "nominations");
  g_signal_emit (self, signals[IMPORTED], 0, n_added);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}
