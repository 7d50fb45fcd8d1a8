/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-gui-errors"

#include "config.h"

#include <glib/gi18n.h>

#include "awd-gui-errors.h"
#include "awd-store.h"
#include "awd-window.h"

static char *test_file;

static AwdWindow *
find_app_window (GtkWidget *widget)
{
  GtkRoot *root = widget != NULL ? gtk_widget_get_root (widget) : NULL;
  GtkWindow *parent;

  if (AWD_IS_WINDOW (root))
    return AWD_WINDOW (root);
  parent = GTK_IS_WINDOW (root) ? gtk_window_get_transient_for (GTK_WINDOW (root)) : NULL;
  return AWD_IS_WINDOW (parent) ? AWD_WINDOW (parent) : NULL;
}

GtkWidget *
awd_gui_show_store_error (GtkWidget    *widget,
                          const char   *heading,
                          const GError *error)
{
  GtkRoot *root = widget != NULL ? gtk_widget_get_root (widget) : NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  g_return_val_if_fail (error != NULL, NULL);

  if (g_error_matches (error, AWD_STORE_ERROR, AWD_STORE_ERROR_DISK_FULL) ||
      g_error_matches (error, AWD_STORE_ERROR, AWD_STORE_ERROR_IO))
    body = g_strdup_printf ("%s\n\n%s", error->message,
                            _("Everything saved before is safe in the database. Free some space "
                              "on the disk (or fix the drive), then repeat the last step."));
  else
    body = g_strdup (error->message);

  g_warning ("%s: %s", heading, error->message);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

void
awd_gui_show_toast (GtkWidget  *widget,
                    const char *text)
{
  AwdWindow *window = find_app_window (widget);

  if (window != NULL)
    awd_window_add_toast (window, adw_toast_new (text));
  else
    g_message ("%s", text);
}

typedef struct {
  AwdFileChosenFunc callback;
  gpointer          user_data;
  char             *path;
} Chosen;

static gboolean
answer_test_file_cb (gpointer data)
{
  Chosen *chosen = data;

  chosen->callback (chosen->path, chosen->user_data);
  g_free (chosen->path);
  g_free (chosen);
  return G_SOURCE_REMOVE;
}

static void
chooser_responded_cb (GtkNativeDialog *native,
                      int              response,
                      Chosen          *chosen)
{
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      path = file != NULL ? g_file_get_path (file) : NULL;
    }
  chosen->callback (path, chosen->user_data);
  g_free (chosen);
  g_object_unref (native);
}

void
awd_gui_choose_file (GtkWindow         *parent,
                     gboolean           save,
                     const char        *title,
                     const char        *accept_label,
                     const char        *suggested_name,
                     const char        *filter_name,
                     const char        *pattern,
                     AwdFileChosenFunc  callback,
                     gpointer           user_data)
{
  Chosen *chosen = g_new0 (Chosen, 1);
  GtkFileChooserNative *native;

  chosen->callback = callback;
  chosen->user_data = user_data;

  if (test_file != NULL)
    {
      chosen->path = g_steal_pointer (&test_file);
      g_idle_add (answer_test_file_cb, chosen);
      return;
    }

  native = gtk_file_chooser_native_new (title, parent,
                                        save ? GTK_FILE_CHOOSER_ACTION_SAVE : GTK_FILE_CHOOSER_ACTION_OPEN,
                                        accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  if (save && suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), suggested_name);
  if (pattern != NULL)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
      g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, filter_name);
      gtk_file_filter_add_pattern (filter, pattern);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
      gtk_file_filter_set_name (all, _("All files"));
      gtk_file_filter_add_pattern (all, "*");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);
    }
  g_signal_connect (native, "response", G_CALLBACK (chooser_responded_cb), chosen);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

void
awd_gui_set_test_file (const char *path)
{
  g_free (test_file);
  test_file = g_strdup (path);
}
