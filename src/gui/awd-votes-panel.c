/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-votes-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "awd-csv-votes.h"
#include "awd-edit-util.h"
#include "awd-votes-panel.h"
#include "awd-window.h"

/* Public-vote counts of the categories decided by open vote: a count entry
 * per nomination, saved as typed (one audited store call each), or a CSV of
 * `ref,count` imported all or nothing after a preview that lists every
 * problem. Counts never mix with the jury's scores. */
struct _AwdVotesPanel
{
  AdwBin      parent_instance;

  AwdContext *context;
  gboolean    emitting;

  GtkFileChooserNative *chooser;

  GtkWidget  *stack;
  GtkWidget  *import_button;
  GtkWidget  *message_label;
  GtkWidget  *groups_box;
};

G_DEFINE_FINAL_TYPE (AwdVotesPanel, awd_votes_panel, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
changed (AwdVotesPanel *self)
{
  self->emitting = TRUE;
  awd_context_data_changed (self->context, "votes");
  self->emitting = FALSE;
}

static void
show_message (AwdVotesPanel *self,
              const char    *message)
{
  gtk_label_set_text (GTK_LABEL (self->message_label), message != NULL ? message : "");
  gtk_widget_set_visible (self->message_label, message != NULL);
}

static gboolean
commit_count (GtkWidget  *entry,
              const char *text,
              gpointer    user_data)
{
  AwdVotesPanel *self = user_data;
  gint64 nomination_id = *(gint64 *) g_object_get_data (G_OBJECT (entry), "awd-nomination");
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autoptr(GError) error = NULL;
  gint64 count = -1;

  if (*stripped != '\0' &&
      !g_ascii_string_to_signed (stripped, 10, 0, G_MAXINT64, &count, NULL))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a vote count: enter a whole number, 0 or more"),
                                                  stripped);
      gtk_widget_add_css_class (entry, "error");
      gtk_widget_set_tooltip_text (entry, message);
      show_message (self, message);
      return FALSE;
    }
  if (!awd_store_set_votes (awd_context_get_store (self->context), nomination_id, count, &error))
    {
      gtk_widget_add_css_class (entry, "error");
      gtk_widget_set_tooltip_text (entry, error->message);
      show_message (self, error->message);
      return FALSE;
    }
  gtk_widget_remove_css_class (entry, "error");
  gtk_widget_set_tooltip_text (entry, NULL);
  show_message (self, NULL);
  changed (self);
  return TRUE;
}

static void
fill (AwdVotesPanel *self)
{
  AwdRound *round = awd_context_get_round (self->context);
  AwdStore *store = awd_context_get_store (self->context);
  g_autoptr(GListModel) categories = NULL;
  g_autoptr(GListModel) nominations = NULL;
  g_autoptr(GArray) votes = NULL;
  g_autoptr(GHashTable) counts = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  gboolean editable, any = FALSE;

  while ((child = gtk_widget_get_first_child (self->groups_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->groups_box), child);
  show_message (self, NULL);
  if (round == NULL)
    {
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "empty");
      return;
    }

  editable = awd_round_get_status (round) != AWD_ROUND_STATUS_FINAL && !awd_context_is_read_only (self->context);
  if ((categories = awd_store_list_categories (store, awd_round_get_id (round), &error)) == NULL ||
      (nominations = awd_store_list_nominations (store, awd_round_get_id (round), &error)) == NULL ||
      (votes = awd_store_list_votes (store, awd_round_get_id (round), &error)) == NULL)
    {
      g_warning ("Cannot list the votes: %s", error->message);
      show_message (self, error->message);
      return;
    }
  for (guint i = 0; i < votes->len; i++)
    {
      AwdVoteRow *v = &g_array_index (votes, AwdVoteRow, i);
      g_hash_table_insert (counts, &v->nomination_id, &v->count);
    }

  for (guint k = 0; k < g_list_model_get_n_items (categories); k++)
    {
      g_autoptr(AwdCategory) category = g_list_model_get_item (categories, k);
      GtkWidget *group, *list;

      if (awd_category_get_kind (category) != AWD_CATEGORY_KIND_VOTE)
        continue;
      any = TRUE;
      group = adw_preferences_group_new ();
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), awd_category_get_name (category));
      list = gtk_list_box_new ();
      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);

      for (guint n = 0; n < g_list_model_get_n_items (nominations); n++)
        {
          g_autoptr(AwdNomination) nomination = g_list_model_get_item (nominations, n);
          gint64 id = awd_nomination_get_id (nomination);
          const gint64 *count;
          GtkWidget *row, *entry;
          g_autofree char *title = NULL;
          g_autofree char *text = NULL;
          gint64 *data;

          if (awd_nomination_get_category_id (nomination) != awd_category_get_id (category))
            continue;
          count = g_hash_table_lookup (counts, &id);
          row = adw_action_row_new ();
          title = g_strdup_printf ("%s · %s", awd_nomination_get_ref (nomination), awd_nomination_get_title (nomination));
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          if (awd_nomination_get_status (nomination) != AWD_NOMINATION_STATUS_ELIGIBLE)
            adw_action_row_set_subtitle (ADW_ACTION_ROW (row), awd_nomination_status_label (awd_nomination_get_status (nomination)));

          entry = gtk_entry_new ();
          gtk_widget_set_name (entry, "vote-count");
          gtk_editable_set_width_chars (GTK_EDITABLE (entry), 8);
          gtk_editable_set_alignment (GTK_EDITABLE (entry), 1);
          gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_DIGITS);
          gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
          gtk_editable_set_editable (GTK_EDITABLE (entry), editable);
          gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
          text = count != NULL ? g_strdup_printf ("%" G_GINT64_FORMAT, *count) : g_strdup ("");
          gtk_editable_set_text (GTK_EDITABLE (entry), text);
          data = g_new (gint64, 1);
          *data = id;
          g_object_set_data_full (G_OBJECT (entry), "awd-nomination", data, g_free);
          awd_entry_watch_commit (entry, FALSE, commit_count, self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), entry);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), entry);
          gtk_list_box_append (GTK_LIST_BOX (list), row);
        }
      gtk_box_append (GTK_BOX (self->groups_box), group);
    }

  gtk_widget_set_sensitive (self->import_button, editable);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), any ? "votes" : "empty");
}

/* ---- import ---- */

typedef struct
{
  AwdVotesPanel *self;
  GBytes        *data;
  char          *name;
} ImportData;

static void
free_import_data (gpointer data)
{
  ImportData *import = data;

  g_object_unref (import->self);
  g_bytes_unref (import->data);
  g_free (import->name);
  g_free (import);
}

static void
import_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    ImportData       *import)
{
  AwdVotesPanel *self = import->self;
  AwdRound *round = awd_context_get_round (self->context);
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data;
  guint n = 0;

  if (g_strcmp0 (response, "import") != 0 || round == NULL)
    return;
  data = g_bytes_get_data (import->data, &length);
  if (!awd_csv_votes_import_data (awd_context_get_store (self->context), awd_round_get_id (round),
                                  data, length, import->name, NULL, &n, &error))
    {
      show_message (self, error->message);
      return;
    }
  changed (self);
  fill (self);
  {
    GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
    g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u vote count imported",
                                                          "%u vote counts imported", n), n);
    if (AWD_IS_WINDOW (root))
      awd_window_add_toast (AWD_WINDOW (root), adw_toast_new (text));
  }
}

void
awd_votes_panel_preview_file (AwdVotesPanel *self,
                              const char    *path)
{
  AwdRound *round = awd_context_get_round (self->context);
  AwdStore *store = awd_context_get_store (self->context);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) awd_csv_problem_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = g_path_get_basename (path);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;
  ImportData *import;
  gsize length = 0;
  guint n = 0;
  gboolean ok;

  g_return_if_fail (AWD_IS_VOTES_PANEL (self));

  if (round == NULL)
    return;
  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      show_message (self, error->message);
      return;
    }

  /* A dry run: the import checks every row and writes inside our
   * transaction, which is then rolled back. */
  ok = awd_store_begin (store, &error);
  if (ok)
    {
      ok = awd_csv_votes_import_data (store, awd_round_get_id (round), contents, length, name,
                                      problems, &n, &error);
      awd_store_rollback (store);
    }

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Import Vote Counts?"), NULL);
  gtk_widget_set_name (dialog, "votes-preview");
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  if (ok)
    {
      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                      g_dngettext (GETTEXT_PACKAGE,
                                                   "%s holds %u vote count. It replaces the count stored for its nomination.",
                                                   "%s holds %u vote counts. They replace the counts stored for their nominations.",
                                                   n),
                                      name, n);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "import", _("_Import"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "import");
    }
  else
    {
      GString *list = g_string_new (NULL);

      adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (dialog), _("The Vote Counts Cannot Be Imported"));
      for (guint i = 0; i < problems->len; i++)
        {
          g_autofree char *line = awd_csv_problem_format (g_ptr_array_index (problems, i), name);
          g_string_append_printf (list, "%s%s", i > 0 ? "\n" : "", line);
        }
      if (problems->len == 0 && error != NULL)
        g_string_append (list, error->message);
      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                                   _("Nothing was imported. Correct the file and import it again:"));
      {
        GtkWidget *scroller = gtk_scrolled_window_new ();
        GtkWidget *label = gtk_label_new (list->str);

        gtk_label_set_wrap (GTK_LABEL (label), TRUE);
        gtk_label_set_xalign (GTK_LABEL (label), 0);
        gtk_label_set_selectable (GTK_LABEL (label), TRUE);
        gtk_widget_set_name (label, "votes-problems");
        gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
        gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 240);
        gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
        adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
      }
      g_string_free (list, TRUE);
    }
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  import = g_new0 (ImportData, 1);
  import->self = g_object_ref (self);
  import->data = g_bytes_new_take (g_steal_pointer (&contents), length);
  import->name = g_steal_pointer (&name);
  g_signal_connect_data (dialog, "response", G_CALLBACK (import_response_cb), import,
                         (GClosureNotify) (void (*) (void)) free_import_data, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     AwdVotesPanel   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        awd_votes_panel_preview_file (self, path);
    }
  g_clear_object (&self->chooser);
}

static void
import_clicked_cb (AwdVotesPanel *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Import Vote Counts"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("CSV spreadsheets"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
context_data_changed_cb (AwdContext    *context,
                         const char    *what,
                         AwdVotesPanel *self)
{
  if (!self->emitting && g_strcmp0 (what, "scores") != 0)
    fill (self);
}

static void
awd_votes_panel_constructed (GObject *object)
{
  AwdVotesPanel *self = AWD_VOTES_PANEL (object);

  G_OBJECT_CLASS (awd_votes_panel_parent_class)->constructed (object);

  g_signal_connect_object (self->context, "data-changed",
                           G_CALLBACK (context_data_changed_cb), self, 0);
}

static void
awd_votes_panel_dispose (GObject *object)
{
  AwdVotesPanel *self = AWD_VOTES_PANEL (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), AWD_TYPE_VOTES_PANEL);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (awd_votes_panel_parent_class)->dispose (object);
}

static void
awd_votes_panel_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AwdVotesPanel *self = AWD_VOTES_PANEL (object);

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
awd_votes_panel_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AwdVotesPanel *self = AWD_VOTES_PANEL (object);

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
awd_votes_panel_class_init (AwdVotesPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = awd_votes_panel_constructed;
  object_class->dispose = awd_votes_panel_dispose;
  object_class->get_property = awd_votes_panel_get_property;
  object_class->set_property = awd_votes_panel_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, AWD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/ru/libfl/AwardDesk/awd-votes-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, AwdVotesPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, AwdVotesPanel, import_button);
  gtk_widget_class_bind_template_child (widget_class, AwdVotesPanel, message_label);
  gtk_widget_class_bind_template_child (widget_class, AwdVotesPanel, groups_box);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
}

static void
awd_votes_panel_init (AwdVotesPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
awd_votes_panel_new (AwdContext *context)
{
  g_return_val_if_fail (AWD_IS_CONTEXT (context), NULL);

  return g_object_new (AWD_TYPE_VOTES_PANEL, "context", context, NULL);
}

void
awd_votes_panel_reload (AwdVotesPanel *self)
{
  g_return_if_fail (AWD_IS_VOTES_PANEL (self));

  fill (self);
}
