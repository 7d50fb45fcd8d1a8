/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-scoring-page"

#include "config.h"

#include <glib/gi18n.h>

#include "awd-conflicts-panel.h"
#include "awd-progress-panel.h"
#include "awd-score-sheet.h"
#include "awd-scoring-page.h"
#include "awd-votes-panel.h"

/* The jury's work on the season the context shows: one juror's score sheet
 * at a time (chosen above it, with the sheet's submitted mark and the
 * juror's withdrawal), the progress of every sheet, the conflicts of
 * interest and the public vote, each an inner page. */
struct _AwdScoringPage
{
  AdwBin      parent_instance;

  AwdContext *context;
  GArray     *juror_ids;        /* gint64, by dropdown position */
  gboolean    loading;
  gboolean    emitting;         /* a change notice of our own is on its way */

  GtkWidget  *sheet;
  GtkWidget  *progress;
  GtkWidget  *conflicts;
  GtkWidget  *votes;

  GtkWidget  *final_strip;
  GtkWidget  *stack;
  GtkWidget  *juror_bar;
  GtkWidget  *juror_separator;
  GtkWidget  *no_jurors_page;
  GtkWidget  *juror_dropdown;
  GtkWidget  *juror_status;
  GtkWidget  *submitted_check;
  GtkWidget  *withdraw_button;
  GtkWidget  *sheet_bin;
  GtkWidget  *progress_bin;
  GtkWidget  *conflicts_bin;
  GtkWidget  *votes_bin;
};

G_DEFINE_FINAL_TYPE (AwdScoringPage, awd_scoring_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
round_is_final (AwdScoringPage *self)
{
  AwdRound *round = awd_context_get_round (self->context);

  return round != NULL && awd_round_get_status (round) == AWD_ROUND_STATUS_FINAL;
}

static gboolean
can_edit (AwdScoringPage *self)
{
  return awd_context_get_round (self->context) != NULL && !round_is_final (self) &&
         !awd_context_is_read_only (self->context);
}

static void
notify_changed (AwdScoringPage *self,
                const char     *what)
{
  self->emitting = TRUE;
  awd_context_data_changed (self->context, what);
  self->emitting = FALSE;
}

static gint64
selected_juror_id (AwdScoringPage *self)
{
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->juror_dropdown));

  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->juror_ids->len)
    return 0;
  return g_array_index (self->juror_ids, gint64, selected);
}

static AwdJuror *
get_juror (AwdScoringPage *self,
           gint64          juror_id)
{
  AwdRound *round = awd_context_get_round (self->context);
  g_autoptr(GListModel) jurors = NULL;

  if (round == NULL || juror_id <= 0)
    return NULL;
  jurors = awd_store_list_jurors (awd_context_get_store (self->context), awd_round_get_id (round), NULL);
  for (guint i = 0; jurors != NULL && i < g_list_model_get_n_items (jurors); i++)
    {
      g_autoptr(AwdJuror) juror = g_list_model_get_item (jurors, i);
      if (awd_juror_get_id (juror) == juror_id)
        return g_steal_pointer (&juror);
    }
  return NULL;
}

static void
update_strip (AwdScoringPage *self)
{
  const char *text = NULL;

  if (round_is_final (self))
    text = _("This season is final: its scores are frozen.");
  else if (awd_context_is_read_only (self->context))
    text = _("The database is open read-only: scores can be read but not changed.");
  gtk_label_set_text (GTK_LABEL (self->final_strip), text != NULL ? text : "");
  gtk_widget_set_visible (self->final_strip, text != NULL);
}

static void
update_juror_controls (AwdScoringPage *self)
{
  g_autoptr(AwdJuror) juror = get_juror (self, selected_juror_id (self));
  gboolean editable = can_edit (self) && juror != NULL;
  g_autofree char *status = NULL;

  self->loading = TRUE;
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->submitted_check),
                               juror != NULL && awd_juror_get_submitted (juror));
  self->loading = FALSE;

  /* A season without jurors has no sheet: a greyed chooser saying «(None)»
   * is replaced by what to do. A sheet with nothing to score cannot be
   * handed in (a mark already set stays shown). */
  gtk_widget_set_visible (self->juror_bar, self->juror_ids->len > 0);
  gtk_widget_set_visible (self->juror_separator, self->juror_ids->len > 0);
  gtk_widget_set_visible (self->sheet_bin, self->juror_ids->len > 0);
  gtk_widget_set_visible (self->no_jurors_page, self->juror_ids->len == 0);
  gtk_widget_set_visible (self->submitted_check,
                          juror != NULL && (awd_score_sheet_get_n_rows (AWD_SCORE_SHEET (self->sheet)) > 0 ||
                                            awd_juror_get_submitted (juror)));
  gtk_widget_set_sensitive (self->submitted_check, editable && !awd_juror_get_withdrawn (juror));
  gtk_widget_set_sensitive (self->withdraw_button, editable);
  gtk_button_set_label (GTK_BUTTON (self->withdraw_button),
                        juror != NULL && awd_juror_get_withdrawn (juror)
                        ? _("_Reinstate") : _("_Withdraw…"));

  if (juror == NULL)
    status = NULL;
  else if (awd_juror_get_withdrawn (juror))
    {
      const char *reason = awd_juror_get_withdrawn_reason (juror);
      status = reason != NULL && *reason != '\0'
        ? g_strdup_printf (_("Withdrawn from the season: %s. These scores do not count."), reason)
        : g_strdup (_("Withdrawn from the season. These scores do not count."));
    }
  else if (awd_juror_get_submitted (juror))
    status = g_strdup (_("Sheet submitted"));
  gtk_label_set_text (GTK_LABEL (self->juror_status), status != NULL ? status : "");
  gtk_widget_set_tooltip_text (self->juror_status, status);
}

static void
open_setup_clicked_cb (AwdScoringPage *self)
{
  awd_context_request_show (self->context, "setup", NULL);
}

static void
load_jurors (AwdScoringPage *self)
{
  AwdRound *round = awd_context_get_round (self->context);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GListModel) jurors = NULL;
  gint64 keep = selected_juror_id (self);
  guint select = GTK_INVALID_LIST_POSITION;

  g_array_set_size (self->juror_ids, 0);
  if (round != NULL)
    jurors = awd_store_list_jurors (awd_context_get_store (self->context), awd_round_get_id (round), NULL);
  for (guint i = 0; jurors != NULL && i < g_list_model_get_n_items (jurors); i++)
    {
      g_autoptr(AwdJuror) juror = g_list_model_get_item (jurors, i);
      gint64 id = awd_juror_get_id (juror);
      g_autofree char *label = awd_juror_get_withdrawn (juror)
        /* Translators: a withdrawn juror in the juror chooser */
        ? g_strdup_printf (_("%s (withdrawn)"), awd_juror_get_name (juror))
        : g_strdup (awd_juror_get_name (juror));

      gtk_string_list_append (names, label);
      g_array_append_val (self->juror_ids, id);
      if (id == keep)
        select = i;
    }
  if (select == GTK_INVALID_LIST_POSITION && self->juror_ids->len > 0)
    select = 0;

  self->loading = TRUE;
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->juror_dropdown), G_LIST_MODEL (names));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->juror_dropdown), select);
  self->loading = FALSE;
}

static void
load_sheet (AwdScoringPage *self)
{
  awd_score_sheet_load (AWD_SCORE_SHEET (self->sheet), selected_juror_id (self));
  update_juror_controls (self);
}

static void
save_juror (AwdScoringPage *self,
            AwdJuror       *juror)
{
  g_autoptr(GError) error = NULL;

  if (!awd_store_save_juror (awd_context_get_store (self->context), juror, &error))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                  _("The Juror Cannot Be Changed"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      update_juror_controls (self);
      return;
    }
  load_jurors (self);
  load_sheet (self);
  notify_changed (self, "setup");
  awd_progress_panel_reload (AWD_PROGRESS_PANEL (self->progress));
}

static void
juror_selected_cb (GtkDropDown    *dropdown,
                   GParamSpec     *pspec,
                   AwdScoringPage *self)
{
  if (self->loading)
    return;
  /* What was typed in the sheet being left is saved first. */
  awd_score_sheet_commit_pending (AWD_SCORE_SHEET (self->sheet));
  load_sheet (self);
}

static void
submitted_toggled_cb (GtkCheckButton *check,
                      AwdScoringPage *self)
{
  g_autoptr(AwdJuror) juror = NULL;

  if (self->loading)
    return;
  juror = get_juror (self, selected_juror_id (self));
  if (juror == NULL || awd_juror_get_submitted (juror) == gtk_check_button_get_active (check))
    return;
  awd_score_sheet_commit_pending (AWD_SCORE_SHEET (self->sheet));
  awd_juror_set_submitted (juror, gtk_check_button_get_active (check));
  save_juror (self, juror);
}

static void
withdraw_reason_changed_cb (GtkEditable      *editable,
                            AdwMessageDialog *dialog)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  adw_message_dialog_set_response_enabled (dialog, "withdraw", *reason != '\0');
}

static void
withdraw_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      AwdScoringPage   *self)
{
  GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);
  g_autoptr(AwdJuror) juror = NULL;
  g_autofree char *reason = NULL;

  if (g_strcmp0 (response, "withdraw") != 0)
    return;
  juror = get_juror (self, *(gint64 *) g_object_get_data (G_OBJECT (dialog), "awd-juror"));
  if (juror == NULL)
    return;
  reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  awd_juror_set_withdrawn (juror, TRUE);
  awd_juror_set_withdrawn_reason (juror, reason);
  save_juror (self, juror);
}

static void
withdraw_clicked_cb (GtkButton      *button,
                     AwdScoringPage *self)
{
  g_autoptr(AwdJuror) juror = get_juror (self, selected_juror_id (self));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog, *entry;
  gint64 *id;

  if (juror == NULL)
    return;
  awd_score_sheet_commit_pending (AWD_SCORE_SHEET (self->sheet));

  if (awd_juror_get_withdrawn (juror))
    {
      awd_juror_set_withdrawn (juror, FALSE);
      awd_juror_set_withdrawn_reason (juror, NULL);
      save_juror (self, juror);
      return;
    }

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Withdraw the Juror?"), NULL);
  gtk_widget_set_name (dialog, "withdraw-dialog");
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("%s’s scores will stop counting and their cells will stop being required. The scores stay stored; the juror can be reinstated."),
                                  awd_juror_get_name (juror));
  entry = gtk_entry_new ();
  gtk_widget_set_name (entry, "withdraw-reason");
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason, such as illness or a late conflict"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "withdraw", _("_Withdraw"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "withdraw",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "withdraw", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "withdraw");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  id = g_new (gint64, 1);
  *id = awd_juror_get_id (juror);
  g_object_set_data_full (G_OBJECT (dialog), "awd-juror", id, g_free);
  g_signal_connect (entry, "changed", G_CALLBACK (withdraw_reason_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (withdraw_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
sheet_score_saved_cb (AwdScoreSheet  *sheet,
                      gint64          nomination_id,
                      AwdScoringPage *self)
{
  notify_changed (self, "scores");
}

static void
context_round_changed_cb (AwdContext     *context,
                          GParamSpec     *pspec,
                          AwdScoringPage *self)
{
  awd_scoring_page_reload (self);
}

static void
context_data_changed_cb (AwdContext     *context,
                         const char     *what,
                         AwdScoringPage *self)
{
  /* The sheet already shows what it saved; other pages' changes (a
   * conflict, a juror, a nomination's status) reshape the sheet. */
  if (self->emitting)
    return;
  if (g_strcmp0 (what, "votes") == 0)
    return;
  load_jurors (self);
  load_sheet (self);
}

/* "Jump to the missing score": the progress panel (or another page) asks
 * for the scoring page with a (juror, nomination) target. */
static void
context_show_requested_cb (AwdContext     *context,
                           const char     *page,
                           GVariant       *target,
                           AwdScoringPage *self)
{
  gint64 juror_id, nomination_id;

  if (g_strcmp0 (page, "scoring") != 0 || target == NULL ||
      !g_variant_is_of_type (target, G_VARIANT_TYPE ("(xx)")))
    return;
  g_variant_get (target, "(xx)", &juror_id, &nomination_id);
  awd_scoring_page_show (self, "sheet");
  if (awd_scoring_page_select_juror (self, juror_id))
    {
      awd_score_sheet_focus_cell (AWD_SCORE_SHEET (self->sheet), nomination_id, 0);
    }
}

static void
awd_scoring_page_constructed (GObject *object)
{
  AwdScoringPage *self = AWD_SCORING_PAGE (object);

  G_OBJECT_CLASS (awd_scoring_page_parent_class)->constructed (object);

  self->sheet = awd_score_sheet_new (self->context);
  adw_bin_set_child (ADW_BIN (self->sheet_bin), self->sheet);
  g_signal_connect (self->sheet, "score-saved", G_CALLBACK (sheet_score_saved_cb), self);
  self->progress = awd_progress_panel_new (self->context);
  adw_bin_set_child (ADW_BIN (self->progress_bin), self->progress);
  self->conflicts = awd_conflicts_panel_new (self->context);
  adw_bin_set_child (ADW_BIN (self->conflicts_bin), self->conflicts);
  self->votes = awd_votes_panel_new (self->context);
  adw_bin_set_child (ADW_BIN (self->votes_bin), self->votes);

  g_signal_connect_object (self->context, "notify::round",
                           G_CALLBACK (context_round_changed_cb), self, 0);
  g_signal_connect_object (self->context, "data-changed",
                           G_CALLBACK (context_data_changed_cb), self, 0);
  g_signal_connect_object (self->context, "show-requested",
                           G_CALLBACK (context_show_requested_cb), self, 0);
  awd_scoring_page_reload (self);
}

static void
awd_scoring_page_dispose (GObject *object)
{
  AwdScoringPage *self = AWD_SCORING_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), AWD_TYPE_SCORING_PAGE);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (awd_scoring_page_parent_class)->dispose (object);
}

static void
awd_scoring_page_finalize (GObject *object)
{
  AwdScoringPage *self = AWD_SCORING_PAGE (object);

  g_clear_pointer (&self->juror_ids, g_array_unref);

  G_OBJECT_CLASS (awd_scoring_page_parent_class)->finalize (object);
}

static void
awd_scoring_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AwdScoringPage *self = AWD_SCORING_PAGE (object);

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
awd_scoring_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AwdScoringPage *self = AWD_SCORING_PAGE (object);

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
awd_scoring_page_class_init (AwdScoringPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = awd_scoring_page_constructed;
  object_class->dispose = awd_scoring_page_dispose;
  object_class->finalize = awd_scoring_page_finalize;
  object_class->get_property = awd_scoring_page_get_property;
  object_class->set_property = awd_scoring_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, AWD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/ru/libfl/AwardDesk/awd-scoring-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AwdScoringPage, final_strip);
  gtk_widget_class_bind_template_child (widget_class, AwdScoringPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AwdScoringPage, juror_bar);
  gtk_widget_class_bind_template_child (widget_class, AwdScoringPage, juror_separator);
  gtk_widget_class_bind_template_child (widget_class, AwdScoringPage, no_jurors_page);
  gtk_widget_class_bind_template_child (widget_class, AwdScoringPage, juror_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AwdScoringPage, juror_status);
  gtk_widget_class_bind_template_child (widget_class, AwdScoringPage, submitted_check);
  gtk_widget_class_bind_template_child (widget_class, AwdScoringPage, withdraw_button);
  gtk_widget_class_bind_template_child (widget_class, AwdScoringPage, sheet_bin);
  gtk_widget_class_bind_template_child (widget_class, AwdScoringPage, progress_bin);
  gtk_widget_class_bind_template_child (widget_class, AwdScoringPage, conflicts_bin);
  gtk_widget_class_bind_template_child (widget_class, AwdScoringPage, votes_bin);
  gtk_widget_class_bind_template_callback (widget_class, juror_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, submitted_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, withdraw_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_setup_clicked_cb);
}

static void
awd_scoring_page_init (AwdScoringPage *self)
{
  self->juror_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
awd_scoring_page_new (AwdContext *context)
{
  g_return_val_if_fail (AWD_IS_CONTEXT (context), NULL);

  return g_object_new (AWD_TYPE_SCORING_PAGE, "context", context, NULL);
}

void
awd_scoring_page_reload (AwdScoringPage *self)
{
  g_return_if_fail (AWD_IS_SCORING_PAGE (self));

  update_strip (self);
  load_jurors (self);
  load_sheet (self);
  awd_progress_panel_reload (AWD_PROGRESS_PANEL (self->progress));
  awd_conflicts_panel_reload (AWD_CONFLICTS_PANEL (self->conflicts));
  awd_votes_panel_reload (AWD_VOTES_PANEL (self->votes));
}

gboolean
awd_scoring_page_select_juror (AwdScoringPage *self,
                               gint64          juror_id)
{
  g_return_val_if_fail (AWD_IS_SCORING_PAGE (self), FALSE);

  for (guint i = 0; i < self->juror_ids->len; i++)
    if (g_array_index (self->juror_ids, gint64, i) == juror_id)
      {
        if (gtk_drop_down_get_selected (GTK_DROP_DOWN (self->juror_dropdown)) != i)
          gtk_drop_down_set_selected (GTK_DROP_DOWN (self->juror_dropdown), i);
        return TRUE;
      }
  return FALSE;
}

void
awd_scoring_page_show (AwdScoringPage *self,
                       const char     *name)
{
  g_return_if_fail (AWD_IS_SCORING_PAGE (self));

  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), name);
}

GtkWidget *
awd_scoring_page_get_sheet (AwdScoringPage *self)
{
  g_return_val_if_fail (AWD_IS_SCORING_PAGE (self), NULL);

  return self->sheet;
}
