/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-backups-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "awd-backups-dialog.h"
#include "awd-gui-errors.h"
#include "awd-window.h"

struct _AwdBackupsDialog
{
  AdwWindow   parent_instance;

  AwdContext *context;
  GPtrArray  *snapshots;   /* AwdSnapshot, newest first */

  GtkWidget  *stack;
  GtkWidget  *list;
  GtkWidget  *explanation_label;
  GtkWidget  *folder_label;
};

G_DEFINE_FINAL_TYPE (AwdBackupsDialog, awd_backups_dialog, ADW_TYPE_WINDOW)

static const char *
reason_label (const char *reason)
{
  if (g_strcmp0 (reason, AWD_SNAPSHOT_REASON_CLOSE) == 0)
    return _("taken when the application closed");
  if (g_strcmp0 (reason, AWD_SNAPSHOT_REASON_DAILY) == 0)
    return _("the daily backup");
  if (g_strcmp0 (reason, AWD_SNAPSHOT_REASON_MIGRATE) == 0)
    return _("taken before an upgrade of the database");
  if (g_strcmp0 (reason, AWD_SNAPSHOT_REASON_RESTORE) == 0)
    return _("taken before a restore");
  if (g_strcmp0 (reason, AWD_SNAPSHOT_REASON_MANUAL) == 0)
    return _("taken by hand");
  return reason;
}

char *
awd_backups_format_date (GDateTime *utc)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (utc);

  /* Translators: a backup's date, see g_date_time_format(); %B is the
   * month's name in the form used with a day number */
  return g_date_time_format (local, _("%-d %B %Y, %H:%M:%S"));
}

static void
restore_clicked_cb (GtkButton        *button,
                    AwdBackupsDialog *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "awd-index"));

  awd_backups_dialog_restore (self, index);
}

static GtkWidget *
create_row (AwdBackupsDialog *self,
            AwdSnapshot      *snapshot,
            guint             index)
{
  g_autofree char *date = awd_backups_format_date (snapshot->created);
  g_autofree char *size = g_format_size ((guint64) snapshot->size);
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", size, reason_label (snapshot->reason));
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore…"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), date);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_tooltip_text (row, snapshot->path);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (button, !awd_context_is_read_only (self->context));
  g_object_set_data (G_OBJECT (button), "awd-index", GUINT_TO_POINTER (index));
  g_signal_connect (button, "clicked", G_CALLBACK (restore_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
reload (AwdBackupsDialog *self)
{
  const char *db_path = awd_store_get_path (awd_context_get_store (self->context));
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = awd_store_backups_dir (db_path);
  g_autofree char *folder_text = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->list), child);
  g_clear_pointer (&self->snapshots, g_ptr_array_unref);

  self->snapshots = awd_store_list_snapshots (db_path, &error);
  if (self->snapshots == NULL)
    {
      g_warning ("Could not list the backups: %s", error->message);
      self->snapshots = g_ptr_array_new ();
    }
  for (guint i = 0; i < self->snapshots->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (self->list),
                         create_row (self, g_ptr_array_index (self->snapshots, i), i));

  folder_text = g_strdup_printf (_("Folder: %s"), folder);
  gtk_label_set_text (GTK_LABEL (self->folder_label), folder_text);
  if (awd_context_is_read_only (self->context))
    gtk_label_set_text (GTK_LABEL (self->explanation_label),
                        _("The database is open read-only: another copy of Award Desk is changing it, "
                          "so a backup cannot be restored from here."));
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), self->snapshots->len > 0 ? "list" : "empty");
}

typedef struct {
  AwdBackupsDialog *self;
  char             *path;
  char             *date;
} Confirm;

static void
confirm_free (Confirm *confirm)
{
  g_object_unref (confirm->self);
  g_free (confirm->path);
  g_free (confirm->date);
  g_free (confirm);
}

static gboolean
close_later_cb (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
confirmed_cb (AdwMessageDialog *dialog,
              const char       *response,
              Confirm          *confirm)
{
  AwdBackupsDialog *self = confirm->self;
  AwdStore *store = awd_context_get_store (self->context);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *moved_aside = NULL;

  if (g_strcmp0 (response, "restore") != 0)
    {
      confirm_free (confirm);
      return;
    }

  if (!awd_store_restore (store, confirm->path, &moved_aside, &error))
    {
      awd_gui_show_store_error (GTK_WIDGET (self), _("The Backup Was Not Restored"), error);
      reload (self);
      confirm_free (confirm);
      return;
    }

  g_message ("Restored %s; the replaced file is %s", confirm->path, moved_aside);
  if (AWD_IS_WINDOW (parent))
    {
      g_autofree char *text = g_strdup_printf (_("Restored the backup of %s"), confirm->date);
      awd_window_reload_rounds (AWD_WINDOW (parent));
      awd_window_add_toast (AWD_WINDOW (parent), adw_toast_new (text));
    }
  /* Closed once the confirmation (transient for it) has gone away. */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_later_cb, g_object_ref (self), g_object_unref);
  confirm_free (confirm);
}

static void
awd_backups_dialog_dispose (GObject *object)
{
  AwdBackupsDialog *self = AWD_BACKUPS_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), AWD_TYPE_BACKUPS_DIALOG);
  g_clear_pointer (&self->snapshots, g_ptr_array_unref);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (awd_backups_dialog_parent_class)->dispose (object);
}

static void
awd_backups_dialog_class_init (AwdBackupsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = awd_backups_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/ru/libfl/AwardDesk/awd-backups-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AwdBackupsDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, AwdBackupsDialog, list);
  gtk_widget_class_bind_template_child (widget_class, AwdBackupsDialog, explanation_label);
  gtk_widget_class_bind_template_child (widget_class, AwdBackupsDialog, folder_label);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
awd_backups_dialog_init (AwdBackupsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
awd_backups_dialog_new (GtkWindow  *parent,
                        AwdContext *context)
{
  AwdBackupsDialog *self;

  g_return_val_if_fail (AWD_IS_CONTEXT (context), NULL);

  self = g_object_new (AWD_TYPE_BACKUPS_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  reload (self);
  return GTK_WIDGET (self);
}

guint
awd_backups_dialog_get_n_backups (AwdBackupsDialog *self)
{
  g_return_val_if_fail (AWD_IS_BACKUPS_DIALOG (self), 0);
  return self->snapshots->len;
}

GtkWidget *
awd_backups_dialog_restore (AwdBackupsDialog *self,
                            guint             index)
{
  AwdSnapshot *snapshot;
  Confirm *confirm;
  GtkWidget *dialog;

  g_return_val_if_fail (AWD_IS_BACKUPS_DIALOG (self), NULL);
  g_return_val_if_fail (index < self->snapshots->len, NULL);

  if (awd_context_is_read_only (self->context))
    return NULL;

  snapshot = g_ptr_array_index (self->snapshots, index);
  confirm = g_new0 (Confirm, 1);
  confirm->self = g_object_ref (self);
  confirm->path = g_strdup (snapshot->path);
  confirm->date = awd_backups_format_date (snapshot->created);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL);
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Restore the Backup of %s?"), confirm->date);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                               _("The database goes back to the state of that moment: changes made since "
                                 "then will not be in it. The current file is not deleted: it is kept "
                                 "aside, and a backup of it is taken first."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (confirmed_cb), confirm);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

void
awd_backups_snapshot_on_close (AwdContext *context)
{
  AwdStore *store;
  g_autoptr(GError) error = NULL;
  int kept;

  g_return_if_fail (AWD_IS_CONTEXT (context));

  store = awd_context_get_store (context);
  if (awd_store_is_read_only (store))
    return;
  kept = g_settings_get_int (awd_context_get_settings (context), "backups-kept");
  awd_store_set_backups_kept (store, (guint) MAX (kept, 1));
  if (!awd_store_snapshot (store, AWD_SNAPSHOT_REASON_CLOSE, &error))
    g_warning ("Could not take a backup on closing: %s", error->message);
}
