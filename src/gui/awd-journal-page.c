/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-journal-page"

#include "config.h"

#include <glib/gi18n.h>

#include <stdio.h>

#include "awd-audit-csv.h"
#include "awd-audit-labels.h"
#include "awd-gui-errors.h"
#include "awd-journal-page.h"
#include "awd-store-audit-list.h"

/* Rows come from the store PAGE_SIZE at a time ("Show more" reads the
 * next page), so a log of years opens as fast as a new one. The chain is
 * verified in a worker thread (it hashes every row); a generation number
 * drops the answer of a check that a newer one has replaced. */

#define PAGE_SIZE 200

struct _AwdJournalPage
{
  AdwBin        parent_instance;

  AwdContext   *context;
  GListStore   *rows;
  GPtrArray    *action_codes;     /* char *, parallel to the dropdown; [0] NULL */
  GHashTable   *round_names;      /* round id → "№ 4 (2024)" */
  gint64        n_matching;
  guint         generation;
  gboolean      verifying;
  gboolean      broken;
  char         *status;
  GCancellable *cancellable;

  GtkWidget    *all_rounds_check;
  GtkWidget    *action_dropdown;
  GtkWidget    *from_entry;
  GtkWidget    *to_entry;
  GtkWidget    *status_icon;
  GtkWidget    *status_label;
  GtkWidget    *list_stack;
  GtkWidget    *column_view;
  GtkColumnViewColumn *when_column;
  GtkColumnViewColumn *round_column;
  GtkColumnViewColumn *who_column;
  GtkColumnViewColumn *action_column;
  GtkColumnViewColumn *entity_column;
  GtkColumnViewColumn *summary_column;
  GtkWidget    *more_button;
  GtkWidget    *detail_heading;
  GtkWidget    *detail_meta;
  GtkWidget    *before_label;
  GtkWidget    *after_label;
};

G_DEFINE_FINAL_TYPE (AwdJournalPage, awd_journal_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef enum {
  COLUMN_WHEN,
  COLUMN_ROUND,
  COLUMN_WHO,
  COLUMN_ACTION,
  COLUMN_ENTITY,
  COLUMN_SUMMARY,
} Column;

const char *
awd_journal_action_label (const char *action)
{
  static const struct { const char *code; const char *label; } labels[] = {
    { "insert", N_("Added") },
    { "update", N_("Changed") },
    { "delete", N_("Deleted") },
    { "move", N_("Moved") },
    { "import", N_("Imported") },
    { "finalize", N_("Results finalized") },
    { "reopen", N_("Season reopened") },
    { "copy-setup", N_("Set-up copied") },
    { "migrate", N_("Database upgraded") },
    { "restore", N_("Backup restored") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].code, action) == 0)
      return _(labels[i].label);
  return action;
}

const char *
awd_journal_entity_label (const char *entity)
{
  static const struct { const char *code; const char *label; } labels[] = {
    { "round", N_("season") },
    { "category", N_("category") },
    { "criterion", N_("criterion") },
    { "juror", N_("juror") },
    { "nomination", N_("nomination") },
    { "nominations", N_("nominations") },
    { "partners", N_("partners") },
    { "attachment", N_("attachment") },
    { "conflict", N_("conflict of interest") },
    { "score", N_("score") },
    { "comment", N_("comment") },
    { "vote", N_("vote count") },
    { "votes", N_("vote counts") },
    { "award", N_("award mark") },
    { "schema", N_("database schema") },
    { "database", N_("database") },
    { "xml", N_("exchange file") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].code, entity) == 0)
      return _(labels[i].label);
  return entity;
}

/* "31.10.2024" or "2024-10-31" → "2024-10-31"; "" → ""; else NULL. */
static char *
parse_date (const char *text)
{
  int d, m, y;
  char tail;
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  if (*stripped == '\0')
    return g_strdup ("");
  if (sscanf (stripped, "%d.%d.%d%c", &d, &m, &y, &tail) != 3 &&
      sscanf (stripped, "%d-%d-%d%c", &y, &m, &d, &tail) != 3)
    return NULL;
  if (y < 1000 || y > 9999 || !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
}

static char *
format_when (AwdAuditEntry *entry)
{
  g_autoptr(GDateTime) local = awd_audit_entry_dup_local_time (entry);

  return local != NULL ? g_date_time_format (local, "%x %X") : g_strdup (awd_audit_entry_get_at (entry));
}

static const char *
round_name (AwdJournalPage *self,
            gint64          round_id)
{
  if (round_id <= 0)
    return "";
  if (self->round_names == NULL)
    {
      g_autoptr(GListModel) rounds = awd_store_list_rounds (awd_context_get_store (self->context), NULL);

      self->round_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
      for (guint i = 0; rounds != NULL && i < g_list_model_get_n_items (rounds); i++)
        {
          g_autoptr(AwdRound) round = g_list_model_get_item (rounds, i);
          gint64 *id = g_new (gint64, 1);

          *id = awd_round_get_id (round);
          g_hash_table_insert (self->round_names, id,
                               g_strdup_printf ("№ %d (%d)", awd_round_get_number (round),
                                                awd_round_get_year (round)));
        }
    }
  {
    const char *name = g_hash_table_lookup (self->round_names, &round_id);
    /* A deleted season keeps its rows: the log outlives it. */
    return name != NULL ? name : _("deleted");
  }
}

/* Cells. */

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  /* Only the summary gives way; the short columns are read whole. */
  if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "awd-column")) == COLUMN_SUMMARY)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              AwdJournalPage           *self)
{
  AwdAuditEntry *entry = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "awd-column"));
  g_autofree char *owned = NULL;
  const char *text = NULL;

  switch (column)
    {
    case COLUMN_WHEN:
      text = owned = format_when (entry);
      break;
    case COLUMN_ROUND:
      text = round_name (self, awd_audit_entry_get_round_id (entry));
      break;
    case COLUMN_WHO:
      text = awd_audit_entry_get_operator (entry);
      break;
    case COLUMN_ACTION:
      text = awd_journal_action_label (awd_audit_entry_get_action (entry));
      break;
    case COLUMN_ENTITY:
      text = awd_journal_entity_label (awd_audit_entry_get_entity (entry));
      break;
    case COLUMN_SUMMARY:
      /* The log keeps the store's English names; people read words. */
      text = owned = awd_audit_entry_dup_display_summary (entry);
      break;
    default:
      g_assert_not_reached ();
    }
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, column == COLUMN_SUMMARY ? text : NULL);
}

static void
set_factory (AwdJournalPage      *self,
             GtkColumnViewColumn *column,
             Column               kind)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_object_set_data (G_OBJECT (factory), "awd-column", GINT_TO_POINTER (kind));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), self);
  gtk_column_view_column_set_factory (column, factory);
}

/* The filters as a query; FALSE when a date cannot be read. */
static gboolean
read_filters (AwdJournalPage *self,
              AwdAuditQuery  *query,
              char          **from,
              char          **to)
{
  AwdRound *round = awd_context_get_round (self->context);
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->action_dropdown));
  gboolean all = gtk_check_button_get_active (GTK_CHECK_BUTTON (self->all_rounds_check));

  *from = parse_date (gtk_editable_get_text (GTK_EDITABLE (self->from_entry)));
  *to = parse_date (gtk_editable_get_text (GTK_EDITABLE (self->to_entry)));
  if (*from == NULL || *to == NULL)
    return FALSE;

  query->round_id = !all && round != NULL ? awd_round_get_id (round) : 0;
  query->action = selected != GTK_INVALID_LIST_POSITION && selected < self->action_codes->len
                    ? g_ptr_array_index (self->action_codes, selected) : NULL;
  query->from_date = **from != '\0' ? *from : NULL;
  query->to_date = **to != '\0' ? *to : NULL;
  return TRUE;
}

static void
show_detail (AwdJournalPage *self,
             AwdAuditEntry  *entry)
{
  g_autofree char *when = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *meta = NULL;
  g_autofree char *id_text = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  if (entry == NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->detail_heading), _("Choose a change to see it before and after."));
      gtk_label_set_text (GTK_LABEL (self->detail_meta), "");
      gtk_label_set_text (GTK_LABEL (self->before_label), "");
      gtk_label_set_text (GTK_LABEL (self->after_label), "");
      return;
    }

  when = format_when (entry);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, awd_audit_entry_get_id (entry));
  /* Translators: the detail's heading: "Changed: season" */
  heading = g_strdup_printf (_("%s: %s"), awd_journal_action_label (awd_audit_entry_get_action (entry)),
                             awd_journal_entity_label (awd_audit_entry_get_entity (entry)));
  /* Translators: when, who, the season, the log's row number */
  meta = g_strdup_printf (_("%s · %s · season %s · entry %s"), when,
                          awd_audit_entry_get_operator (entry),
                          awd_audit_entry_get_round_id (entry) > 0
                            ? round_name (self, awd_audit_entry_get_round_id (entry)) : "—",
                          id_text);
  before = awd_audit_translate_text (awd_audit_entry_get_entity (entry), awd_audit_entry_get_before (entry));
  after = awd_audit_translate_text (awd_audit_entry_get_entity (entry), awd_audit_entry_get_after (entry));
  gtk_label_set_text (GTK_LABEL (self->detail_heading), heading);
  gtk_label_set_text (GTK_LABEL (self->detail_meta), meta);
  gtk_label_set_text (GTK_LABEL (self->before_label), before != NULL && *before != '\0' ? before : _("(nothing)"));
  gtk_label_set_text (GTK_LABEL (self->after_label), after != NULL && *after != '\0' ? after : _("(nothing)"));
}

static void
selection_changed_cb (GtkSingleSelection *selection,
                      GParamSpec         *pspec,
                      AwdJournalPage     *self)
{
  show_detail (self, gtk_single_selection_get_selected_item (selection));
}

static void
update_more_button (AwdJournalPage *self)
{
  guint loaded = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  g_autofree char *label = NULL;

  gtk_widget_set_visible (self->more_button, (gint64) loaded < self->n_matching);
  /* Translators: a button under the list: "Show More (200 of 1 532 shown)" */
  label = g_strdup_printf (_("Show More (%u of %u shown)"), loaded, (guint) self->n_matching);
  gtk_button_set_label (GTK_BUTTON (self->more_button), label);
}

/* Appends the next page of rows; @restart clears the list first. */
static void
load_rows (AwdJournalPage *self,
           gboolean        restart)
{
  AwdAuditQuery query = { 0 };
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autoptr(GListModel) page = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  AwdStore *store = awd_context_get_store (self->context);

  if (!read_filters (self, &query, &from, &to))
    return;   /* the entry shows what is wrong */

  if (restart)
    {
      g_list_store_remove_all (self->rows);
      g_clear_pointer (&self->round_names, g_hash_table_unref);
      self->n_matching = awd_store_count_audit_matching (store, &query, &error);
      if (self->n_matching < 0)
        {
          g_warning ("Could not count the audit log: %s", error->message);
          self->n_matching = 0;
          return;
        }
    }

  page = awd_store_list_audit (store, &query, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                               PAGE_SIZE, &error);
  if (page == NULL)
    {
      g_warning ("Could not read the audit log: %s", error->message);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (page); i++)
    g_ptr_array_add (items, g_list_model_get_item (page, i));
  g_list_store_splice (self->rows, g_list_model_get_n_items (G_LIST_MODEL (self->rows)), 0,
                       items->pdata, items->len);

  gtk_column_view_column_set_visible (self->round_column, query.round_id == 0);
  gtk_stack_set_visible_child_name (GTK_STACK (self->list_stack),
                                    g_list_model_get_n_items (G_LIST_MODEL (self->rows)) > 0 ? "list" : "empty");
  update_more_button (self);
}

/* Verification. */

static void
set_status (AwdJournalPage *self,
            const char     *text,
            const char     *icon_name,
            gboolean        error)
{
  g_free (self->status);
  self->status = g_strdup (text);
  gtk_label_set_text (GTK_LABEL (self->status_label), text);
  gtk_image_set_from_icon_name (GTK_IMAGE (self->status_icon), icon_name);
  if (error)
    {
      gtk_widget_add_css_class (self->status_label, "error");
      gtk_widget_add_css_class (self->status_icon, "error");
    }
  else
    {
      gtk_widget_remove_css_class (self->status_label, "error");
      gtk_widget_remove_css_class (self->status_icon, "error");
    }
}

static void
verify_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;
  char *problem = NULL;

  /* Only the chain: its statements are its own, not the store's cache,
   * which the main thread keeps using meanwhile. */
  if (!awd_store_verify_audit (AWD_STORE (source), &problem, NULL, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, problem != NULL ? problem : g_strdup (""), g_free);
}

static void
verified_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(AwdJournalPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = g_task_propagate_pointer (G_TASK (result), &error);
  guint generation = GPOINTER_TO_UINT (g_task_get_task_data (G_TASK (result)));
  g_autofree char *text = NULL;
  gint64 total;

  if (generation != self->generation || self->context == NULL)
    return;
  self->verifying = FALSE;

  if (problem == NULL)
    {
      self->broken = FALSE;
      text = g_strdup_printf (_("The audit log could not be checked: %s"), error->message);
      set_status (self, text, "dialog-warning-symbolic", TRUE);
      return;
    }

  total = awd_store_count_audit (AWD_STORE (source), NULL);
  self->broken = *problem != '\0';
  if (self->broken)
    {
      text = g_strdup_printf (_("The audit log has been altered outside the application: %s. "
                                "Entries from there on cannot be trusted."), problem);
      set_status (self, text, "dialog-error-symbolic", TRUE);
    }
  else
    {
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "The audit log is intact: %u entry, its hash chain verified",
                                           "The audit log is intact: %u entries, their hash chain verified",
                                           (gulong) total), (guint) total);
      set_status (self, text, "emblem-ok-symbolic", FALSE);
    }
}

static void
verify_chain (AwdJournalPage *self)
{
  g_autoptr(GTask) task = NULL;

  self->generation++;
  self->verifying = TRUE;
  set_status (self, _("Checking the audit log…"), "content-loading-symbolic", FALSE);
  task = g_task_new (awd_context_get_store (self->context), self->cancellable, verified_cb, g_object_ref (self));
  g_task_set_task_data (task, GUINT_TO_POINTER (self->generation), NULL);
  g_task_run_in_thread (task, verify_thread);
}

/* Filters. */

static void
fill_actions (AwdJournalPage *self)
{
  g_auto(GStrv) actions = awd_store_list_audit_actions (awd_context_get_store (self->context), NULL);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  const char *current = NULL;
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->action_dropdown));
  g_autofree char *keep = NULL;
  guint keep_index = 0;

  if (self->action_codes != NULL && selected != GTK_INVALID_LIST_POSITION && selected < self->action_codes->len)
    current = g_ptr_array_index (self->action_codes, selected);
  keep = g_strdup (current);

  g_clear_pointer (&self->action_codes, g_ptr_array_unref);
  self->action_codes = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->action_codes, NULL);
  gtk_string_list_append (labels, _("All changes"));
  for (guint i = 0; actions != NULL && actions[i] != NULL; i++)
    {
      g_ptr_array_add (self->action_codes, g_strdup (actions[i]));
      gtk_string_list_append (labels, awd_journal_action_label (actions[i]));
      if (g_strcmp0 (actions[i], keep) == 0)
        keep_index = i + 1;
    }
  g_signal_handlers_block_matched (self->action_dropdown, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->action_dropdown), G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->action_dropdown), keep_index);
  g_signal_handlers_unblock_matched (self->action_dropdown, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
}

static void
filter_changed_cb (AwdJournalPage *self)
{
  if (self->context == NULL || self->action_codes == NULL)
    return;
  load_rows (self, TRUE);
}

static void
date_changed_cb (AwdJournalPage *self,
                 GtkEditable    *entry)
{
  g_autofree char *date = parse_date (gtk_editable_get_text (entry));

  if (date == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (entry), _("A date such as 31.10.2024"));
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (entry), NULL);
  /* A complete date (or none) filters at once. */
  filter_changed_cb (self);
}

static void
more_clicked_cb (AwdJournalPage *self)
{
  load_rows (self, FALSE);
}

/* Export. */

static void
csv_file_chosen_cb (const char *path,
                    gpointer    user_data)
{
  g_autoptr(AwdJournalPage) self = user_data;
  AwdAuditQuery query = { 0 };
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *file = NULL;
  g_autoptr(GError) error = NULL;

  if (path == NULL || self->context == NULL || !read_filters (self, &query, &from, &to))
    return;

  file = g_str_has_suffix (path, ".csv") ? g_strdup (path) : g_strconcat (path, ".csv", NULL);
  if (!awd_audit_export_csv (awd_context_get_store (self->context), &query, file, &error))
    awd_gui_show_store_error (GTK_WIDGET (self), _("The Audit Log Was Not Exported"), error);
  else
    {
      g_autofree char *name = g_path_get_basename (file);
      g_autofree char *text = g_strdup_printf (_("Exported to “%s”"), name);
      awd_gui_show_toast (GTK_WIDGET (self), text);
    }
}

static void
export_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AwdJournalPage *self = AWD_JOURNAL_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  awd_gui_choose_file (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, TRUE, _("Export the Audit Log"),
                       _("_Export"), _("audit-log.csv"), _("CSV files"), "*.csv",
                       csv_file_chosen_cb, g_object_ref (self));
}

/* Following the context. */

static void
context_round_notified_cb (AwdContext     *context,
                           GParamSpec     *pspec,
                           AwdJournalPage *self)
{
  /* Back to the season's own log when another season is chosen. */
  g_signal_handlers_block_matched (self->all_rounds_check, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->all_rounds_check),
                               awd_context_get_round (context) == NULL);
  g_signal_handlers_unblock_matched (self->all_rounds_check, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    awd_journal_page_reload (self);
}

static void
context_data_changed_cb (AwdContext     *context,
                         const char     *what,
                         AwdJournalPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    awd_journal_page_reload (self);
}

static void
awd_journal_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (awd_journal_page_parent_class)->map (widget);

  /* The log grows with every edit elsewhere: read it when shown. */
  awd_journal_page_reload (AWD_JOURNAL_PAGE (widget));
}

static void
awd_journal_page_constructed (GObject *object)
{
  AwdJournalPage *self = AWD_JOURNAL_PAGE (object);
  g_autoptr(GtkSingleSelection) selection = NULL;

  G_OBJECT_CLASS (awd_journal_page_parent_class)->constructed (object);

  selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->rows)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  g_signal_connect (selection, "notify::selected-item", G_CALLBACK (selection_changed_cb), self);
  gtk_column_view_set_model (GTK_COLUMN_VIEW (self->column_view), GTK_SELECTION_MODEL (selection));

  g_signal_connect_object (self->context, "notify::round", G_CALLBACK (context_round_notified_cb), self, 0);
  g_signal_connect_object (self->context, "data-changed", G_CALLBACK (context_data_changed_cb), self, 0);
  fill_actions (self);
}

static void
awd_journal_page_dispose (GObject *object)
{
  AwdJournalPage *self = AWD_JOURNAL_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), AWD_TYPE_JOURNAL_PAGE);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->rows);
  g_clear_object (&self->context);
  g_clear_pointer (&self->action_codes, g_ptr_array_unref);
  g_clear_pointer (&self->round_names, g_hash_table_unref);

  G_OBJECT_CLASS (awd_journal_page_parent_class)->dispose (object);
}

static void
awd_journal_page_finalize (GObject *object)
{
  g_free (AWD_JOURNAL_PAGE (object)->status);

  G_OBJECT_CLASS (awd_journal_page_parent_class)->finalize (object);
}

static void
awd_journal_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AwdJournalPage *self = AWD_JOURNAL_PAGE (object);

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
awd_journal_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AwdJournalPage *self = AWD_JOURNAL_PAGE (object);

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
awd_journal_page_class_init (AwdJournalPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = awd_journal_page_constructed;
  object_class->dispose = awd_journal_page_dispose;
  object_class->finalize = awd_journal_page_finalize;
  object_class->get_property = awd_journal_page_get_property;
  object_class->set_property = awd_journal_page_set_property;
  widget_class->map = awd_journal_page_map;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, "The store, settings and current round",
                         AWD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/ru/libfl/AwardDesk/awd-journal-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AwdJournalPage, all_rounds_check);
  gtk_widget_class_bind_template_child (widget_class, AwdJournalPage, action_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AwdJournalPage, from_entry);
  gtk_widget_class_bind_template_child (widget_class, AwdJournalPage, to_entry);
  gtk_widget_class_bind_template_child (widget_class, AwdJournalPage, status_icon);
  gtk_widget_class_bind_template_child (widget_class, AwdJournalPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, AwdJournalPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, AwdJournalPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, AwdJournalPage, when_column);
  gtk_widget_class_bind_template_child (widget_class, AwdJournalPage, round_column);
  gtk_widget_class_bind_template_child (widget_class, AwdJournalPage, who_column);
  gtk_widget_class_bind_template_child (widget_class, AwdJournalPage, action_column);
  gtk_widget_class_bind_template_child (widget_class, AwdJournalPage, entity_column);
  gtk_widget_class_bind_template_child (widget_class, AwdJournalPage, summary_column);
  gtk_widget_class_bind_template_child (widget_class, AwdJournalPage, more_button);
  gtk_widget_class_bind_template_child (widget_class, AwdJournalPage, detail_heading);
  gtk_widget_class_bind_template_child (widget_class, AwdJournalPage, detail_meta);
  gtk_widget_class_bind_template_child (widget_class, AwdJournalPage, before_label);
  gtk_widget_class_bind_template_child (widget_class, AwdJournalPage, after_label);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, more_clicked_cb);

  gtk_widget_class_install_action (widget_class, "journal.export-csv", NULL, export_csv_action);
}

static void
awd_journal_page_init (AwdJournalPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_list_store_new (AWD_TYPE_AUDIT_ENTRY);
  self->cancellable = g_cancellable_new ();
  set_factory (self, self->when_column, COLUMN_WHEN);
  set_factory (self, self->round_column, COLUMN_ROUND);
  set_factory (self, self->who_column, COLUMN_WHO);
  set_factory (self, self->action_column, COLUMN_ACTION);
  set_factory (self, self->entity_column, COLUMN_ENTITY);
  set_factory (self, self->summary_column, COLUMN_SUMMARY);
}

GtkWidget *
awd_journal_page_new (AwdContext *context)
{
  return g_object_new (AWD_TYPE_JOURNAL_PAGE, "context", context, NULL);
}

void
awd_journal_page_reload (AwdJournalPage *self)
{
  g_return_if_fail (AWD_IS_JOURNAL_PAGE (self));

  fill_actions (self);
  load_rows (self, TRUE);
  verify_chain (self);
}

GListModel *
awd_journal_page_get_rows (AwdJournalPage *self)
{
  g_return_val_if_fail (AWD_IS_JOURNAL_PAGE (self), NULL);
  return G_LIST_MODEL (self->rows);
}

gint64
awd_journal_page_get_n_matching (AwdJournalPage *self)
{
  g_return_val_if_fail (AWD_IS_JOURNAL_PAGE (self), 0);
  return self->n_matching;
}

void
awd_journal_page_set_all_rounds (AwdJournalPage *self,
                                 gboolean        all)
{
  g_return_if_fail (AWD_IS_JOURNAL_PAGE (self));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->all_rounds_check), all);
}

gboolean
awd_journal_page_set_action (AwdJournalPage *self,
                             const char     *action)
{
  g_return_val_if_fail (AWD_IS_JOURNAL_PAGE (self), FALSE);

  for (guint i = 0; i < self->action_codes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->action_codes, i), action) == 0)
      {
        gtk_drop_down_set_selected (GTK_DROP_DOWN (self->action_dropdown), i);
        return TRUE;
      }
  return FALSE;
}

gboolean
awd_journal_page_select (AwdJournalPage *self,
                         guint           position)
{
  GtkSelectionModel *selection;

  g_return_val_if_fail (AWD_IS_JOURNAL_PAGE (self), FALSE);

  if (position >= g_list_model_get_n_items (G_LIST_MODEL (self->rows)))
    return FALSE;
  selection = gtk_column_view_get_model (GTK_COLUMN_VIEW (self->column_view));
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (selection), position);
  return TRUE;
}

const char *
awd_journal_page_get_status (AwdJournalPage *self,
                             gboolean       *verifying,
                             gboolean       *broken)
{
  g_return_val_if_fail (AWD_IS_JOURNAL_PAGE (self), NULL);

  if (verifying != NULL)
    *verifying = self->verifying;
  if (broken != NULL)
    *broken = self->broken;
  return self->status;
}
