/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-recovery"

#include "config.h"

#include <glib/gi18n.h>

#include "awd-backups-dialog.h"
#include "awd-recovery.h"
#include "awd-store.h"

typedef struct {
  GtkApplication  *application;
  char            *db_path;
  char            *snapshot_path;
  AwdRecoveryDone  done;
  gpointer         user_data;
} Offer;

static void
offer_free (Offer *offer)
{
  g_application_release (G_APPLICATION (offer->application));
  g_object_unref (offer->application);
  g_free (offer->db_path);
  g_free (offer->snapshot_path);
  g_free (offer);
}

static void
recovery_failed (Offer        *offer,
                 const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (NULL, _("The Backup Could Not Be Restored"), error->message);

  g_warning ("Recovery of %s failed: %s", offer->db_path, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "quit", _("_Quit"));
  gtk_window_set_application (GTK_WINDOW (dialog), offer->application);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
offer_answered_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   Offer            *offer)
{
  if (g_strcmp0 (response, "restore") == 0)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *from = NULL;
      g_autofree char *aside = NULL;

      if (awd_store_recover (offer->db_path, offer->snapshot_path, &from, &aside, &error))
        {
          g_message ("Recovered %s from %s; moved aside: %s", offer->db_path,
                     from != NULL ? from : "(none needed)", aside != NULL ? aside : "(nothing)");
          offer->done (TRUE, offer->user_data);
        }
      else
        recovery_failed (offer, error);
    }
  else if (g_strcmp0 (response, "empty") == 0)
    offer->done (FALSE, offer->user_data);

  offer_free (offer);
}

gboolean
awd_recovery_offer (GtkApplication  *application,
                    const char      *db_path,
                    const GError    *error,
                    AwdRecoveryDone  done,
                    gpointer         user_data)
{
  g_autoptr(AwdSnapshot) snapshot = NULL;
  g_autoptr(GError) find_error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *size = NULL;
  g_autofree char *choice = NULL;
  GtkWidget *dialog;
  Offer *offer;
  gboolean missing = error == NULL;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), FALSE);
  g_return_val_if_fail (db_path != NULL, FALSE);

  if (!missing && !g_error_matches (error, AWD_STORE_ERROR, AWD_STORE_ERROR_CORRUPT))
    return FALSE;
  snapshot = awd_store_find_good_snapshot (db_path, &find_error);
  if (snapshot == NULL)
    {
      g_debug ("No backup to offer for %s: %s", db_path, find_error->message);
      return FALSE;
    }

  date = awd_backups_format_date (snapshot->created);
  size = g_format_size ((guint64) snapshot->size);
  /* Translators: the date and the size of a backup */
  choice = g_strdup_printf (_("The newest good backup is from %s (%s)."), date, size);

  dialog = adw_message_dialog_new (NULL, missing ? _("The Database Is Missing") : _("The Database Is Damaged"),
                                   NULL);
  if (missing)
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s\n\n%s %s",
                                    db_path, choice,
                                    _("Restore it, or start with an empty database?"));
  else
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s\n\n%s %s",
                                    error->message, choice,
                                    _("Restore it? The damaged file is not deleted: it is kept aside."));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "quit", _("_Quit"));
  if (missing)
    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "empty", _("Start _Empty"));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "restore", _("_Restore the Backup"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "quit");
  gtk_window_set_title (GTK_WINDOW (dialog), _("Award Desk"));
  gtk_window_set_application (GTK_WINDOW (dialog), application);

  offer = g_new0 (Offer, 1);
  offer->application = g_object_ref (application);
  offer->db_path = g_strdup (db_path);
  offer->snapshot_path = g_strdup (snapshot->path);
  offer->done = done;
  offer->user_data = user_data;
  g_application_hold (G_APPLICATION (application));
  g_signal_connect (dialog, "response", G_CALLBACK (offer_answered_cb), offer);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}
