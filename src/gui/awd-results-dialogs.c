/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-results-dialogs"

#include "config.h"

#include <glib/gi18n.h>

#include "awd-results-dialogs.h"

typedef struct {
  GObject    *owner;       /* the page, kept alive while the dialog is up */
  GCallback   func;
  gpointer    user_data;
  GtkWidget  *entry;
  GtkWidget  *choice;
  GArray     *ids;
} DialogData;

static void
dialog_data_free (gpointer data)
{
  DialogData *d = data;

  g_clear_object (&d->owner);
  g_clear_pointer (&d->ids, g_array_unref);
  g_free (d);
}

static GtkWidget *
new_dialog (GtkWidget  *parent,
            const char *heading,
            const char *body)
{
  GtkRoot *root = gtk_widget_get_root (parent);

  return adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
}

static DialogData *
attach_data (GtkWidget *dialog,
             gpointer   user_data,
             GCallback  func)
{
  DialogData *d = g_new0 (DialogData, 1);

  d->owner = G_IS_OBJECT (user_data) ? g_object_ref (G_OBJECT (user_data)) : NULL;
  d->user_data = user_data;
  d->func = func;
  g_object_set_data_full (G_OBJECT (dialog), "awd-dialog-data", d, dialog_data_free);
  return d;
}

static gboolean
has_text (GtkWidget *entry)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  return *text != '\0';
}

static void
finalize_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      DialogData       *d)
{
  if (g_strcmp0 (response, "finalize") == 0)
    ((AwdConfirmedFunc) d->func) (d->user_data);
}

GtkWidget *
awd_results_finalize_dialog_present (GtkWidget        *parent,
                                     const char       *body,
                                     AwdConfirmedFunc  func,
                                     gpointer          user_data)
{
  GtkWidget *dialog = new_dialog (parent, _("Finalize the Results?"),
                                  _("What is listed below is frozen, and the season becomes read-only."));
  DialogData *d = attach_data (dialog, user_data, G_CALLBACK (func));
  GtkWidget *details = gtk_label_new (body);

  /* A list reads better left-aligned than in the dialog's centred body. */
  gtk_label_set_xalign (GTK_LABEL (details), 0);
  gtk_label_set_wrap (GTK_LABEL (details), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (details), 60);
  gtk_label_set_width_chars (GTK_LABEL (details), 48);
  gtk_widget_set_name (details, "results-finalize-details");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), details);

  gtk_widget_set_name (dialog, "results-finalize-dialog");
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "finalize", _("_Finalize"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "finalize",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (finalize_response_cb), d);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
reason_changed_cb (GtkEditable      *entry,
                   AdwMessageDialog *dialog)
{
  const char *response = g_object_get_data (G_OBJECT (entry), "awd-response");

  adw_message_dialog_set_response_enabled (dialog, response, has_text (GTK_WIDGET (entry)));
}

static void
reopen_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    DialogData       *d)
{
  if (g_strcmp0 (response, "reopen") == 0)
    ((AwdReasonFunc) d->func) (d->user_data, gtk_editable_get_text (GTK_EDITABLE (d->entry)));
}

GtkWidget *
awd_results_reopen_dialog_present (GtkWidget     *parent,
                                   AwdReasonFunc  func,
                                   gpointer       user_data)
{
  GtkWidget *dialog = new_dialog (parent, _("Reopen the Season?"),
                                  _("The frozen results and their checksum are dropped: the season can be edited again and must be finalized anew. The reason is kept in the audit log."));
  DialogData *d = attach_data (dialog, user_data, G_CALLBACK (func));

  d->entry = gtk_entry_new ();
  gtk_widget_set_name (d->entry, "reopen-reason");
  gtk_entry_set_placeholder_text (GTK_ENTRY (d->entry), _("Why is the season reopened?"));
  gtk_entry_set_activates_default (GTK_ENTRY (d->entry), TRUE);
  g_object_set_data (G_OBJECT (d->entry), "awd-response", (gpointer) "reopen");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), d->entry);

  gtk_widget_set_name (dialog, "results-reopen-dialog");
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "reopen", _("_Reopen"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reopen",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "reopen", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "reopen");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (d->entry, "changed", G_CALLBACK (reason_changed_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (reopen_response_cb), d);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (d->entry);
  return dialog;
}

static void
tie_response_cb (AdwMessageDialog *dialog,
                 const char       *response,
                 DialogData       *d)
{
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (d->choice));

  if (g_strcmp0 (response, "decide") == 0 && selected < d->ids->len)
    ((AwdTieDecidedFunc) d->func) (d->user_data, g_array_index (d->ids, gint64, selected),
                                   gtk_editable_get_text (GTK_EDITABLE (d->entry)));
}

GtkWidget *
awd_results_tie_dialog_present (GtkWidget          *parent,
                                const char         *category,
                                GArray             *ids,
                                const char * const *labels,
                                AwdTieDecidedFunc   func,
                                gpointer            user_data)
{
  g_autofree char *body = g_strdup_printf (ngettext ("In “%s” %u nomination shares first place. The chair chooses the laureate and records why; the note is printed in the protocol.",
                                                     "In “%s” %u nominations share first place. The chair chooses the laureate and records why; the note is printed in the protocol.",
                                                     ids->len),
                                           category, ids->len);
  GtkWidget *dialog = new_dialog (parent, _("Decide the Tie for First Place"), body);
  DialogData *d = attach_data (dialog, user_data, G_CALLBACK (func));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label;

  d->ids = g_array_ref (ids);
  d->choice = gtk_drop_down_new_from_strings (labels);
  gtk_widget_set_name (d->choice, "tie-choice");
  d->entry = gtk_entry_new ();
  gtk_widget_set_name (d->entry, "tie-note");
  gtk_entry_set_placeholder_text (GTK_ENTRY (d->entry), _("The chair’s reasoning"));
  g_object_set_data (G_OBJECT (d->entry), "awd-response", (gpointer) "decide");

  label = gtk_label_new_with_mnemonic (_("_Laureate"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), d->choice);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), d->choice);
  label = gtk_label_new_with_mnemonic (_("_Note"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), d->entry);
  gtk_widget_set_margin_top (label, 6);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), d->entry);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  gtk_widget_set_name (dialog, "results-tie-dialog");
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "decide", _("_Record Decision"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "decide",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "decide", FALSE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (d->entry, "changed", G_CALLBACK (reason_changed_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (tie_response_cb), d);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

GtkWidget *
awd_results_error_dialog_present (GtkWidget  *parent,
                                  const char *heading,
                                  const char *body)
{
  GtkWidget *dialog = new_dialog (parent, heading, body);

  gtk_widget_set_name (dialog, "results-error-dialog");
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}
