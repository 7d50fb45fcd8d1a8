/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-round-page"

#include "config.h"

#include <glib/gi18n.h>

#include "awd-categories-group.h"
#include "awd-criteria-group.h"
#include "awd-edit-util.h"
#include "awd-jury-group.h"
#include "awd-round-page.h"

/* The set-up of the round the context shows: its own fields, then its
 * categories, criteria and jury. Every edit is saved at once through a copy
 * of the round, so the object that the sidebar shows changes only once the
 * store has accepted the change. */
struct _AwdRoundPage
{
  AdwBin      parent_instance;

  AwdContext *context;
  AwdRound   *round;
  gboolean    loading;

  GtkWidget  *final_strip;
  GtkWidget  *page;
  GtkWidget  *season_group;
  GtkWidget  *scoring_group;
  GtkWidget  *title_entry;
  GtkWidget  *award_entry;
  GtkWidget  *number_entry;
  GtkWidget  *year_entry;
  GtkWidget  *status_row;
  GtkWidget  *scale_min_entry;
  GtkWidget  *scale_max_entry;
  GtkWidget  *scale_step_entry;
  GtkWidget  *method_row;
  GtkWidget  *trim_row;
  GtkWidget  *trim_entry;
  GtkWidget  *tie_break_row;
  GtkWidget  *quorum_entry;

  GtkWidget  *categories_group;
  GtkWidget  *criteria_group;
  GtkWidget  *jury_group;
};

G_DEFINE_FINAL_TYPE (AwdRoundPage, awd_round_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef enum {
  FIELD_TEXT,
  FIELD_INTEGER,
  FIELD_DECIMAL,
} FieldKind;

/* The statuses a person may pick; "final" comes from finalizing results. */
static const AwdRoundStatus selectable_statuses[] = {
  AWD_ROUND_STATUS_DRAFT,
  AWD_ROUND_STATUS_NOMINATING,
  AWD_ROUND_STATUS_SCORING,
};

static GtkWidget *
row_of (GtkWidget *widget)
{
  return gtk_widget_get_ancestor (widget, ADW_TYPE_ACTION_ROW);
}

static const char *
tie_break_label (AwdTieBreak value)
{
  switch (value)
    {
    case AWD_TIE_BREAK_NONE:
      return _("None");
    case AWD_TIE_BREAK_CRITERIA:
      return _("By the criteria");
    default:
      g_assert_not_reached ();
    }
}

/* Copies the round, changes one property, saves the copy; only when the store
 * accepts it does the shown round change. */
static gboolean
save_round_value (AwdRoundPage *self,
                  GtkWidget    *row,
                  const char   *property,
                  const GValue *value)
{
  g_autoptr(AwdRound) copy = NULL;
  g_autoptr(GError) error = NULL;

  if (self->round == NULL)
    return FALSE;

  copy = awd_round_copy (self->round);
  g_object_set_property (G_OBJECT (copy), property, value);
  if (!awd_store_save_round (awd_context_get_store (self->context), copy, &error))
    {
      g_debug ("Round %s refused: %s", property, error->message);
      awd_row_set_error (row, error->message);
      return FALSE;
    }

  g_object_set_property (G_OBJECT (self->round), property, value);
  awd_row_set_error (row, NULL);
  return TRUE;
}

static gboolean
commit_field (GtkWidget  *entry,
              const char *text,
              gpointer    user_data)
{
  AwdRoundPage *self = user_data;
  const char *property = g_object_get_data (G_OBJECT (entry), "awd-property");
  FieldKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (entry), "awd-field-kind"));
  GtkWidget *row = row_of (entry);
  g_auto(GValue) value = G_VALUE_INIT;

  if (self->loading)
    return FALSE;

  switch (kind)
    {
    case FIELD_TEXT:
      {
        g_autofree char *stripped = g_strstrip (g_strdup (text));
        g_value_init (&value, G_TYPE_STRING);
        g_value_set_string (&value, stripped);
      }
      break;

    case FIELD_INTEGER:
      {
        int number;
        if (!awd_parse_integer (text, &number))
          {
            awd_row_set_error (row, _("Enter a whole number, such as 3"));
            return FALSE;
          }
        g_value_init (&value, G_TYPE_INT);
        g_value_set_int (&value, number);
      }
      break;

    case FIELD_DECIMAL:
      {
        double number;
        if (!awd_parse_decimal (text, &number))
          {
            awd_row_set_error (row, _("Enter a number, such as 10 or 0,5"));
            return FALSE;
          }
        g_value_init (&value, G_TYPE_DOUBLE);
        g_value_set_double (&value, number);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  return save_round_value (self, row, property, &value);
}

static void
watch_field (AwdRoundPage *self,
             GtkWidget    *entry,
             const char   *property,
             FieldKind     kind)
{
  g_object_set_data (G_OBJECT (entry), "awd-property", (gpointer) property);
  g_object_set_data (G_OBJECT (entry), "awd-field-kind", GINT_TO_POINTER (kind));
  awd_entry_watch_commit (entry, kind == FIELD_TEXT, commit_field, self);
}

static void
show_decimal (GtkWidget *entry,
              double     value)
{
  g_autofree char *text = awd_format_decimal (value);
  awd_entry_set_committed_text (entry, text);
}

static void
show_integer (GtkWidget *entry,
              int        value)
{
  g_autofree char *text = g_strdup_printf ("%d", value);
  awd_entry_set_committed_text (entry, text);
}

static void
fill_status_model (AwdRoundPage *self,
                   gboolean      final)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (selectable_statuses); i++)
    gtk_string_list_append (model, awd_round_status_label (selectable_statuses[i]));
  if (final)
    gtk_string_list_append (model, awd_round_status_label (AWD_ROUND_STATUS_FINAL));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->status_row), G_LIST_MODEL (model));
}

static void
update_sensitivity (AwdRoundPage *self)
{
  gboolean final = self->round != NULL &&
                   awd_round_get_status (self->round) == AWD_ROUND_STATUS_FINAL;
  gboolean editable = !final && !awd_context_is_read_only (self->context);

  gtk_widget_set_visible (self->final_strip, final);
  gtk_widget_set_sensitive (self->season_group, editable);
  gtk_widget_set_sensitive (self->scoring_group, editable);
  gtk_widget_set_sensitive (self->trim_row,
                            self->round != NULL &&
                            awd_round_get_method (self->round) == AWD_METHOD_TRIMMED);
}

static void
clear_errors (AwdRoundPage *self)
{
  GtkWidget *entries[] = {
    self->title_entry, self->award_entry, self->number_entry, self->year_entry,
    self->scale_min_entry, self->scale_max_entry, self->scale_step_entry,
    self->trim_entry, self->quorum_entry,
  };

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    awd_row_set_error (row_of (entries[i]), NULL);
  awd_row_set_error (self->status_row, NULL);
  awd_row_set_error (self->method_row, NULL);
  awd_row_set_error (self->tie_break_row, NULL);
}

static void
load_round (AwdRoundPage *self)
{
  AwdRound *round = self->round;
  gboolean final;

  if (round == NULL)
    return;

  self->loading = TRUE;
  clear_errors (self);

  awd_entry_set_committed_text (self->title_entry, awd_round_get_title (round));
  awd_entry_set_committed_text (self->award_entry, awd_round_get_award (round));
  show_integer (self->number_entry, awd_round_get_number (round));
  show_integer (self->year_entry, awd_round_get_year (round));
  show_decimal (self->scale_min_entry, awd_round_get_scale_min (round));
  show_decimal (self->scale_max_entry, awd_round_get_scale_max (round));
  show_decimal (self->scale_step_entry, awd_round_get_scale_step (round));
  show_integer (self->trim_entry, awd_round_get_trim (round));
  show_integer (self->quorum_entry, awd_round_get_quorum (round));

  final = awd_round_get_status (round) == AWD_ROUND_STATUS_FINAL;
  fill_status_model (self, final);
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->status_row), awd_round_get_status (round));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->method_row), awd_round_get_method (round));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->tie_break_row), awd_round_get_tie_break (round));

  update_sensitivity (self);
  self->loading = FALSE;
}

static void
combo_selected_cb (AdwComboRow  *row,
                   GParamSpec   *pspec,
                   AwdRoundPage *self)
{
  const char *property = g_object_get_data (G_OBJECT (row), "awd-property");
  guint selected = adw_combo_row_get_selected (row);
  g_auto(GValue) value = G_VALUE_INIT;
  int current;

  if (self->loading || self->round == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;

  g_object_get (self->round, property, &current, NULL);
  if ((guint) current == selected)
    return;

  g_value_init (&value, G_TYPE_INT);
  g_value_set_int (&value, (int) selected);
  if (!save_round_value (self, GTK_WIDGET (row), property, &value))
    {
      /* Show what is stored, with the store's reason in the subtitle. */
      self->loading = TRUE;
      adw_combo_row_set_selected (row, (guint) current);
      self->loading = FALSE;
      return;
    }
  update_sensitivity (self);
}

static void
context_round_changed_cb (AwdContext   *context,
                          GParamSpec   *pspec,
                          AwdRoundPage *self)
{
  awd_round_page_reload (self);
}

static void
awd_round_page_constructed (GObject *object)
{
  AwdRoundPage *self = AWD_ROUND_PAGE (object);

  G_OBJECT_CLASS (awd_round_page_parent_class)->constructed (object);

  self->categories_group = awd_categories_group_new (self->context);
  self->criteria_group = awd_criteria_group_new (self->context);
  self->jury_group = awd_jury_group_new (self->context);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->page), ADW_PREFERENCES_GROUP (self->categories_group));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->page), ADW_PREFERENCES_GROUP (self->criteria_group));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->page), ADW_PREFERENCES_GROUP (self->jury_group));

  g_signal_connect_object (self->context, "notify::round",
                           G_CALLBACK (context_round_changed_cb), self, 0);
  awd_round_page_reload (self);
}

static void
awd_round_page_dispose (GObject *object)
{
  AwdRoundPage *self = AWD_ROUND_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), AWD_TYPE_ROUND_PAGE);
  g_clear_object (&self->round);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (awd_round_page_parent_class)->dispose (object);
}

static void
awd_round_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AwdRoundPage *self = AWD_ROUND_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awd_round_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  AwdRoundPage *self = AWD_ROUND_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awd_round_page_class_init (AwdRoundPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = awd_round_page_constructed;
  object_class->dispose = awd_round_page_dispose;
  object_class->get_property = awd_round_page_get_property;
  object_class->set_property = awd_round_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, AWD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/ru/libfl/AwardDesk/awd-round-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AwdRoundPage, final_strip);
  gtk_widget_class_bind_template_child (widget_class, AwdRoundPage, page);
  gtk_widget_class_bind_template_child (widget_class, AwdRoundPage, season_group);
  gtk_widget_class_bind_template_child (widget_class, AwdRoundPage, scoring_group);
  gtk_widget_class_bind_template_child (widget_class, AwdRoundPage, title_entry);
  gtk_widget_class_bind_template_child (widget_class, AwdRoundPage, award_entry);
  gtk_widget_class_bind_template_child (widget_class, AwdRoundPage, number_entry);
  gtk_widget_class_bind_template_child (widget_class, AwdRoundPage, year_entry);
  gtk_widget_class_bind_template_child (widget_class, AwdRoundPage, status_row);
  gtk_widget_class_bind_template_child (widget_class, AwdRoundPage, scale_min_entry);
  gtk_widget_class_bind_template_child (widget_class, AwdRoundPage, scale_max_entry);
  gtk_widget_class_bind_template_child (widget_class, AwdRoundPage, scale_step_entry);
  gtk_widget_class_bind_template_child (widget_class, AwdRoundPage, method_row);
  gtk_widget_class_bind_template_child (widget_class, AwdRoundPage, trim_row);
  gtk_widget_class_bind_template_child (widget_class, AwdRoundPage, trim_entry);
  gtk_widget_class_bind_template_child (widget_class, AwdRoundPage, tie_break_row);
  gtk_widget_class_bind_template_child (widget_class, AwdRoundPage, quorum_entry);
}

static void
awd_round_page_init (AwdRoundPage *self)
{
  g_autoptr(GtkStringList) methods = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) tie_breaks = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  watch_field (self, self->title_entry, "title", FIELD_TEXT);
  watch_field (self, self->award_entry, "award", FIELD_TEXT);
  watch_field (self, self->number_entry, "number", FIELD_INTEGER);
  watch_field (self, self->year_entry, "year", FIELD_INTEGER);
  watch_field (self, self->scale_min_entry, "scale-min", FIELD_DECIMAL);
  watch_field (self, self->scale_max_entry, "scale-max", FIELD_DECIMAL);
  watch_field (self, self->scale_step_entry, "scale-step", FIELD_DECIMAL);
  watch_field (self, self->trim_entry, "trim", FIELD_INTEGER);
  watch_field (self, self->quorum_entry, "quorum", FIELD_INTEGER);

  for (AwdMethod m = AWD_METHOD_MEAN; m <= AWD_METHOD_ZSCORE; m++)
    gtk_string_list_append (methods, awd_method_label (m));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->method_row), G_LIST_MODEL (methods));
  for (AwdTieBreak t = AWD_TIE_BREAK_NONE; t <= AWD_TIE_BREAK_CRITERIA; t++)
    gtk_string_list_append (tie_breaks, tie_break_label (t));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->tie_break_row), G_LIST_MODEL (tie_breaks));
  fill_status_model (self, FALSE);

  g_object_set_data (G_OBJECT (self->status_row), "awd-property", (gpointer) "status");
  g_object_set_data (G_OBJECT (self->method_row), "awd-property", (gpointer) "method");
  g_object_set_data (G_OBJECT (self->tie_break_row), "awd-property", (gpointer) "tie-break");
  g_signal_connect (self->status_row, "notify::selected", G_CALLBACK (combo_selected_cb), self);
  g_signal_connect (self->method_row, "notify::selected", G_CALLBACK (combo_selected_cb), self);
  g_signal_connect (self->tie_break_row, "notify::selected", G_CALLBACK (combo_selected_cb), self);
}

GtkWidget *
awd_round_page_new (AwdContext *context)
{
  g_return_val_if_fail (AWD_IS_CONTEXT (context), NULL);

  return g_object_new (AWD_TYPE_ROUND_PAGE, "context", context, NULL);
}

/* Shows the context's round again, as stored: called when another round is
 * selected and after the round was changed elsewhere. */
void
awd_round_page_reload (AwdRoundPage *self)
{
  AwdRound *round;

  g_return_if_fail (AWD_IS_ROUND_PAGE (self));

  round = awd_context_get_round (self->context);
  g_set_object (&self->round, round);
  load_round (self);
  awd_categories_group_reload (AWD_CATEGORIES_GROUP (self->categories_group));
  awd_criteria_group_reload (AWD_CRITERIA_GROUP (self->criteria_group));
  awd_jury_group_reload (AWD_JURY_GROUP (self->jury_group));
}
