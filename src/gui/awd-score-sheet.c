/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-score-sheet"

#include "config.h"

#include <glib/gi18n.h>

#include <math.h>

#include "awd-edit-util.h"
#include "awd-score-sheet-private.h"

/* One juror's score sheet: their eligible nominations of the jury
 * categories (a header row per category) against the round's criteria. A
 * GtkGrid of entries that validate, because a spin button clamps silently
 * and a column view cannot focus a cell on GTK 4.8. Every cell is saved on
 * its own, in its own transaction, when the person leaves it or presses
 * Enter; a refused value stays in the cell, marked, with the store's reason,
 * and the stored value is untouched.
 *
 * A sheet of more than SHEET_PAGE_ROWS nominations is shown a page at a
 * time (awd-score-sheet-navigation.c); this file loads the sheet and saves
 * its cells, awd-score-sheet-cells.c builds the page shown. */

G_DEFINE_FINAL_TYPE (AwdScoreSheet, awd_score_sheet, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SCORE_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
clear_criterion (gpointer data)
{
  SheetCriterion *c = data;

  g_clear_pointer (&c->name, g_free);
}

static void
free_row (gpointer data)
{
  SheetRow *row = data;

  g_free (row->conflict_reason);
  g_free (row->comment);
  g_free (row->stored);
  g_free (row->cells);
  g_free (row);
}

/* ---- confirmation before editing a submitted sheet ---- */

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     AwdScoreSheet    *self)
{
  GtkWidget *cell = self->pending_cell;

  g_clear_weak_pointer (&self->pending_cell);
  self->confirm_dialog = NULL;

  if (g_strcmp0 (response, "edit") == 0)
    {
      AwdStore *store = awd_context_get_store (self->context);
      g_autoptr(GError) error = NULL;

      self->edit_confirmed = TRUE;
      /* The audit log says that the sheet was reopened on purpose. */
      if (!awd_store_begin (store, &error) ||
          !awd_store_audit (store, self->round_id, "update", "juror", self->juror_id,
                            "submitted: true", "edited after submission", &error) ||
          !awd_store_commit (store, &error))
        {
          awd_store_rollback (store);
          g_warning ("Cannot record the edit of a submitted sheet: %s", error->message);
        }
      if (cell != NULL)
        awd_entry_commit_now (cell);
    }
  else if (cell != NULL)
    {
      SheetRow *row = awd_score_sheet_row_of_cell (self, cell);
      g_autofree char *text = row != NULL ? awd_score_sheet_format_score (row->stored[awd_score_sheet_column_of_cell (cell)]) : NULL;

      awd_entry_set_committed_text (cell, text);
      awd_score_sheet_mark_cell (cell, NULL);
      if (row != NULL)
        awd_score_sheet_update_total (self, row);
    }
}

static gboolean
confirm_edit (AwdScoreSheet *self,
              GtkWidget     *cell)
{
  GtkWidget *dialog;
  GtkRoot *root;

  if (!self->submitted || self->edit_confirmed)
    return TRUE;
  if (self->confirm_dialog != NULL)
    return FALSE;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Change a Submitted Sheet?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("%s’s sheet is marked submitted. The change will be recorded in the journal."),
                                  self->juror_name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Keep the Stored Score"),
                                    "edit", _("_Change"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "edit",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_widget_set_name (dialog, "confirm-submitted-edit");
  g_signal_connect (dialog, "response", G_CALLBACK (confirm_response_cb), self);

  self->confirm_dialog = dialog;
  g_set_weak_pointer (&self->pending_cell, cell);
  gtk_window_present (GTK_WINDOW (dialog));
  return FALSE;
}

/* ---- saving a cell ---- */

gboolean
awd_score_sheet_commit_cell (GtkWidget  *entry,
                             const char *text,
                             gpointer    user_data)
{
  AwdScoreSheet *self = user_data;
  AwdStore *store = awd_context_get_store (self->context);
  SheetRow *row = awd_score_sheet_row_of_cell (self, entry);
  guint column = awd_score_sheet_column_of_cell (entry);
  const SheetCriterion *crit;
  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  double value = NAN;

  if (row == NULL || !self->editable || row->conflicted)
    return FALSE;
  crit = &g_array_index (self->criteria, SheetCriterion, column);

  if (*stripped != '\0' && !awd_parse_decimal (stripped, &value))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a number: enter a score such as 7 or 7,5"),
                                                  stripped);
      awd_score_sheet_mark_cell (entry, message);
      awd_score_sheet_show_message (self, message);
      return FALSE;
    }
  /* Nothing to store: an empty cell left empty. */
  if (isnan (value) && isnan (row->stored[column]))
    {
      awd_score_sheet_mark_cell (entry, NULL);
      awd_score_sheet_show_message (self, NULL);
      return TRUE;
    }
  if (!confirm_edit (self, entry))
    return FALSE;

  if (isnan (value))
    awd_store_clear_score (store, self->juror_id, row->nomination_id, crit->id, &error);
  else
    awd_store_set_score (store, self->juror_id, row->nomination_id, crit->id, value, &error);

  if (error != NULL)
    {
      awd_score_sheet_mark_cell (entry, error->message);
      awd_score_sheet_show_message (self, error->message);
      return FALSE;
    }

  row->stored[column] = value;
  awd_score_sheet_mark_cell (entry, NULL);
  awd_score_sheet_show_message (self, NULL);
  awd_score_sheet_update_total (self, row);
  g_signal_emit (self, signals[SCORE_SAVED], 0, row->nomination_id);
  return TRUE;
}

/* Forgets the juror's sheet: its page's widgets, then its data. */
static void
clear_sheet (AwdScoreSheet *self)
{
  awd_score_sheet_clear_page (self);
  g_ptr_array_set_size (self->rows, 0);
  g_array_set_size (self->criteria, 0);
  g_hash_table_remove_all (self->row_by_nomination);
  g_clear_pointer (&self->juror_name, g_free);
  g_clear_pointer (&self->snapshot, awd_results_snapshot_free);
  self->n_pages = 0;
  self->page = 0;
  self->edit_confirmed = FALSE;
  awd_score_sheet_show_message (self, NULL);
  /* No rows: builds nothing and hides the pager. */
  awd_score_sheet_show_page (self, 0);
}

static int
find_index (GArray *ids,
            gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return (int) i;
  return -1;
}

static gboolean
is_jury_category (const AwdResultsInput *in,
                  int                    category)
{
  if (category < 0)
    return in->categories->len == 0;
  return g_array_index (in->categories, AwdResultsCategory, category).kind == AWD_CATEGORY_KIND_JURY;
}

/* Rows in category order, then ref order within a category. */
static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const SheetRow *ra = *(SheetRow * const *) a;
  const SheetRow *rb = *(SheetRow * const *) b;

  if (ra->category != rb->category)
    return ra->category < rb->category ? -1 : 1;
  return ra->snapshot_index < rb->snapshot_index ? -1 : ra->snapshot_index > rb->snapshot_index;
}

static void
load_sheet (AwdScoreSheet *self,
            gint64         juror_id)
{
  AwdStore *store = awd_context_get_store (self->context);
  AwdRound *round = awd_context_get_round (self->context);
  g_autoptr(AwdResultsSnapshot) snap = NULL;
  g_autoptr(GArray) conflicts = NULL;
  g_autoptr(GArray) comments = NULL;
  g_autoptr(GError) error = NULL;
  const AwdResultsInput *in;
  g_autoptr(GListModel) jurors = NULL;
  int juror;
  gboolean final, blind;
  /* The same juror's sheet read again keeps its page. */
  guint keep_page = juror_id == self->juror_id ? self->page : 0;

  clear_sheet (self);
  self->juror_id = juror_id;
  if (round == NULL || juror_id <= 0)
    {
      gtk_widget_set_visible (self->empty_label, TRUE);
      gtk_widget_set_visible (self->scroller, FALSE);
      return;
    }

  self->round_id = awd_round_get_id (round);
  snap = awd_store_load_results (store, self->round_id, &error);
  if (snap == NULL ||
      (conflicts = awd_store_list_conflicts (store, self->round_id, &error)) == NULL ||
      (comments = awd_store_list_comments (store, self->round_id, &error)) == NULL ||
      (jurors = awd_store_list_jurors (store, self->round_id, &error)) == NULL)
    {
      g_warning ("Cannot load the score sheet: %s", error->message);
      awd_score_sheet_show_message (self, error->message);
      return;
    }
  in = snap->input;
  juror = find_index (snap->juror_ids, juror_id);
  if (juror < 0)
    {
      self->juror_id = 0;
      gtk_widget_set_visible (self->empty_label, TRUE);
      gtk_widget_set_visible (self->scroller, FALSE);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (jurors); i++)
    {
      g_autoptr(AwdJuror) j = g_list_model_get_item (jurors, i);
      if (awd_juror_get_id (j) == juror_id)
        {
          self->submitted = awd_juror_get_submitted (j);
          self->juror_name = g_strdup (awd_juror_get_name (j));
          self->editable = !awd_juror_get_withdrawn (j);
        }
    }

  final = awd_round_get_status (round) == AWD_ROUND_STATUS_FINAL;
  blind = g_settings_get_boolean (awd_context_get_settings (self->context), "blind-mode");
  self->show_jury = final || !blind;
  self->editable = self->editable && !final && !awd_context_is_read_only (self->context);
  self->scale_min = in->scale_min;
  self->scale_max = in->scale_max;
  self->scale_step = in->scale_step;

  for (guint c = 0; c < in->criteria->len; c++)
    {
      const AwdResultsCriterion *rc = &g_array_index (in->criteria, AwdResultsCriterion, c);
      SheetCriterion crit = { g_array_index (snap->criterion_ids, gint64, c), rc->weight, g_strdup (rc->name) };

      g_array_append_val (self->criteria, crit);
    }

  for (guint n = 0; n < in->nominations->len; n++)
    {
      const AwdResultsNomination *nom = &g_array_index (in->nominations, AwdResultsNomination, n);
      SheetRow *row;

      if (nom->status != AWD_NOMINATION_STATUS_ELIGIBLE || !is_jury_category (in, nom->category))
        continue;
      row = g_new0 (SheetRow, 1);
      row->nomination_id = g_array_index (snap->nomination_ids, gint64, n);
      row->snapshot_index = n;
      row->category = nom->category;
      row->stored = g_new (double, MAX (in->criteria->len, 1));
      for (guint c = 0; c < in->criteria->len; c++)
        row->stored[c] = NAN;
      row->jury = NAN;
      row->cells = g_new0 (GtkWidget *, MAX (in->criteria->len, 1));
      g_ptr_array_add (self->rows, row);
    }
  g_ptr_array_sort (self->rows, compare_rows);
  for (guint i = 0; i < self->rows->len; i++)
    {
      SheetRow *row = g_ptr_array_index (self->rows, i);
      row->index = i;
      g_hash_table_insert (self->row_by_nomination, &row->nomination_id, row);
    }

  for (guint s = 0; s < in->scores->len; s++)
    {
      const AwdResultsScore *score = &g_array_index (in->scores, AwdResultsScore, s);
      gint64 nomination_id;
      SheetRow *row;

      if ((int) score->juror != juror)
        continue;
      nomination_id = g_array_index (snap->nomination_ids, gint64, score->nomination);
      row = g_hash_table_lookup (self->row_by_nomination, &nomination_id);
      if (row != NULL)
        row->stored[score->criterion] = score->value;
    }
  for (guint i = 0; i < conflicts->len; i++)
    {
      const AwdConflictRow *c = &g_array_index (conflicts, AwdConflictRow, i);
      SheetRow *row;

      if (c->juror_id != juror_id)
        continue;
      row = g_hash_table_lookup (self->row_by_nomination, &c->nomination_id);
      if (row != NULL)
        {
          row->conflicted = TRUE;
          row->conflict_reason = g_strdup (c->reason);
        }
    }
  for (guint i = 0; i < comments->len; i++)
    {
      const AwdCommentRow *c = &g_array_index (comments, AwdCommentRow, i);
      SheetRow *row;

      if (c->juror_id != juror_id)
        continue;
      row = g_hash_table_lookup (self->row_by_nomination, &c->nomination_id);
      if (row != NULL)
        row->comment = g_strdup (c->text);
    }

  if (self->show_jury)
    {
      g_autoptr(AwdResults) res = awd_results_compute (in, in->method, NULL);

      for (guint i = 0; i < self->rows->len; i++)
        {
          SheetRow *row = g_ptr_array_index (self->rows, i);
          const AwdResultEntry *entry = res != NULL ? awd_results_lookup (res, row->snapshot_index) : NULL;

          row->jury = entry != NULL && entry->has_score ? entry->score : NAN;
        }
    }

  gtk_widget_set_visible (self->empty_label, self->rows->len == 0 || self->criteria->len == 0);
  gtk_widget_set_visible (self->scroller, self->rows->len > 0 && self->criteria->len > 0);
  if (self->rows->len == 0 || self->criteria->len == 0)
    return;

  self->snapshot = g_steal_pointer (&snap);
  self->n_pages = (self->rows->len + SHEET_PAGE_ROWS - 1) / SHEET_PAGE_ROWS;
  awd_score_sheet_show_page (self, MIN (keep_page, self->n_pages - 1));
}

static gboolean
window_close_request_cb (GtkWindow     *window,
                         AwdScoreSheet *self)
{
  awd_score_sheet_commit_pending (self);
  return FALSE;
}

static void
awd_score_sheet_root (GtkWidget *widget)
{
  AwdScoreSheet *self = AWD_SCORE_SHEET (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (awd_score_sheet_parent_class)->root (widget);

  /* Closing the window mid-cell must not lose what was typed. */
  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    {
      self->close_window = GTK_WIDGET (root);
      self->close_handler = g_signal_connect (root, "close-request",
                                              G_CALLBACK (window_close_request_cb), self);
    }
}

static void
awd_score_sheet_unroot (GtkWidget *widget)
{
  AwdScoreSheet *self = AWD_SCORE_SHEET (widget);

  if (self->close_window != NULL)
    g_clear_signal_handler (&self->close_handler, self->close_window);
  self->close_window = NULL;

  GTK_WIDGET_CLASS (awd_score_sheet_parent_class)->unroot (widget);
}

static void
settings_blind_changed_cb (GSettings     *settings,
                           const char    *key,
                           AwdScoreSheet *self)
{
  if (self->juror_id > 0)
    {
      /* What is being typed is stored before the sheet is read again. */
      awd_score_sheet_commit_pending (self);
      load_sheet (self, self->juror_id);
    }
}

static void
awd_score_sheet_constructed (GObject *object)
{
  AwdScoreSheet *self = AWD_SCORE_SHEET (object);

  G_OBJECT_CLASS (awd_score_sheet_parent_class)->constructed (object);

  g_signal_connect_object (awd_context_get_settings (self->context), "changed::blind-mode",
                           G_CALLBACK (settings_blind_changed_cb), self, 0);
}

static void
awd_score_sheet_dispose (GObject *object)
{
  AwdScoreSheet *self = AWD_SCORE_SHEET (object);

  awd_score_sheet_stop_scrolling (self);
  g_clear_weak_pointer (&self->pending_cell);
  if (self->confirm_dialog != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->confirm_dialog, self);
      gtk_window_destroy (GTK_WINDOW (self->confirm_dialog));
      self->confirm_dialog = NULL;
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), AWD_TYPE_SCORE_SHEET);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (awd_score_sheet_parent_class)->dispose (object);
}

static void
awd_score_sheet_finalize (GObject *object)
{
  AwdScoreSheet *self = AWD_SCORE_SHEET (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->criteria, g_array_unref);
  g_clear_pointer (&self->row_by_nomination, g_hash_table_unref);
  g_clear_pointer (&self->snapshot, awd_results_snapshot_free);
  g_clear_pointer (&self->juror_name, g_free);

  G_OBJECT_CLASS (awd_score_sheet_parent_class)->finalize (object);
}

static void
awd_score_sheet_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AwdScoreSheet *self = AWD_SCORE_SHEET (object);

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
awd_score_sheet_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AwdScoreSheet *self = AWD_SCORE_SHEET (object);

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
awd_score_sheet_class_init (AwdScoreSheetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = awd_score_sheet_constructed;
  object_class->dispose = awd_score_sheet_dispose;
  object_class->finalize = awd_score_sheet_finalize;
  object_class->get_property = awd_score_sheet_get_property;
  object_class->set_property = awd_score_sheet_set_property;
  widget_class->root = awd_score_sheet_root;
  widget_class->unroot = awd_score_sheet_unroot;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, AWD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AwdScoreSheet::score-saved:
   * @nomination_id: the nomination whose score was stored or cleared
   *
   * A cell was saved; the page tells the other pages (progress, results).
   */
  signals[SCORE_SAVED] =
    g_signal_new ("score-saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/ru/libfl/AwardDesk/awd-score-sheet.ui");
  gtk_widget_class_bind_template_child (widget_class, AwdScoreSheet, message_label);
  gtk_widget_class_bind_template_child (widget_class, AwdScoreSheet, empty_label);
  gtk_widget_class_bind_template_child (widget_class, AwdScoreSheet, scroller);
  gtk_widget_class_bind_template_child (widget_class, AwdScoreSheet, grid);
  gtk_widget_class_bind_template_child (widget_class, AwdScoreSheet, pager);
  gtk_widget_class_bind_template_child (widget_class, AwdScoreSheet, pager_label);

  awd_score_sheet_install_navigation (widget_class);
}

static void
awd_score_sheet_init (AwdScoreSheet *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->criteria = g_array_new (FALSE, TRUE, sizeof (SheetCriterion));
  g_array_set_clear_func (self->criteria, clear_criterion);
  self->rows = g_ptr_array_new_with_free_func (free_row);
  self->row_by_nomination = g_hash_table_new (g_int64_hash, g_int64_equal);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sheet.previous-page", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sheet.next-page", FALSE);
}

GtkWidget *
awd_score_sheet_new (AwdContext *context)
{
  g_return_val_if_fail (AWD_IS_CONTEXT (context), NULL);

  return g_object_new (AWD_TYPE_SCORE_SHEET, "context", context, NULL);
}

void
awd_score_sheet_load (AwdScoreSheet *self,
                      gint64         juror_id)
{
  g_return_if_fail (AWD_IS_SCORE_SHEET (self));

  load_sheet (self, juror_id);
}

gint64
awd_score_sheet_get_juror (AwdScoreSheet *self)
{
  g_return_val_if_fail (AWD_IS_SCORE_SHEET (self), 0);

  return self->juror_id;
}

gboolean
awd_score_sheet_focus_cell (AwdScoreSheet *self,
                            gint64         nomination_id,
                            gint64         criterion_id)
{
  SheetRow *row;
  guint column = 0;

  g_return_val_if_fail (AWD_IS_SCORE_SHEET (self), FALSE);

  row = g_hash_table_lookup (self->row_by_nomination, &nomination_id);
  if (row == NULL || row->conflicted || self->criteria->len == 0)
    return FALSE;

  if (criterion_id > 0)
    {
      for (guint c = 0; c < self->criteria->len; c++)
        if (g_array_index (self->criteria, SheetCriterion, c).id == criterion_id)
          column = c;
    }
  else
    {
      for (guint c = self->criteria->len; c-- > 0;)
        if (isnan (row->stored[c]))
          column = c;
    }
  return awd_score_sheet_focus_row_cell (self, row, column);
}

void
awd_score_sheet_commit_pending (AwdScoreSheet *self)
{
  GtkWidget *cell;

  g_return_if_fail (AWD_IS_SCORE_SHEET (self));

  cell = awd_score_sheet_focused_cell (self);
  if (cell != NULL)
    awd_entry_commit_now (cell);
}

guint
awd_score_sheet_get_n_rows (AwdScoreSheet *self)
{
  g_return_val_if_fail (AWD_IS_SCORE_SHEET (self), 0);

  return self->rows->len;
}

guint
awd_score_sheet_get_n_pages (AwdScoreSheet *self)
{
  g_return_val_if_fail (AWD_IS_SCORE_SHEET (self), 0);

  return self->n_pages;
}

guint
awd_score_sheet_get_page (AwdScoreSheet *self)
{
  g_return_val_if_fail (AWD_IS_SCORE_SHEET (self), 0);

  return self->page;
}
