/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-nomination-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include <errno.h>
#include <string.h>

#include "awd-nomination-editor-private.h"
#include "awd-store-nominations.h"

/* The attachments of a stored nomination: a row each with its size and
 * checksum, opened with the default application, saved as a copy or
 * removed (after asking); files are added from a chooser or by
 * awd_nomination_editor_add_attachment(). */

static AwdAttachment *
attachment_of (GtkWidget *button)
{
  GtkWidget *row = gtk_widget_get_ancestor (button, ADW_TYPE_ACTION_ROW);
  return g_object_get_data (G_OBJECT (row), "awd-attachment");
}

/* A safe file name for writing the attachment out: no folders. */
static char *
safe_file_name (AwdAttachment *attachment)
{
  g_autofree char *base = g_path_get_basename (awd_attachment_get_name (attachment));

  g_strdelimit (base, "/\\", '_');
  if (*base == '\0' || strcmp (base, ".") == 0 || strcmp (base, "..") == 0)
    {
      g_free (base);
      base = g_strdup ("attachment");
    }
  return g_steal_pointer (&base);
}

static void
open_attachment_clicked_cb (GtkButton           *button,
                            AwdNominationEditor *self)
{
  AwdAttachment *attachment = attachment_of (GTK_WIDGET (button));
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;
  gconstpointer bytes;
  gsize size;

  data = awd_store_get_attachment_data (awd_nomination_editor_get_store (self), awd_attachment_get_id (attachment), &error);
  if (data == NULL)
    {
      awd_nomination_editor_show_toast (self, error->message);
      return;
    }
  /* A private copy to hand to the default application, named after the
   * attachment so the application shows a sensible title. */
  dir = g_build_filename (g_get_user_cache_dir (), "award-desk", "attachments",
                          awd_attachment_get_sha256 (attachment), NULL);
  name = safe_file_name (attachment);
  path = g_build_filename (dir, name, NULL);
  bytes = g_bytes_get_data (data, &size);
  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      !g_file_set_contents_full (path, bytes, (gssize) size, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The attachment could not be opened: %s"),
                                                  error != NULL ? error->message : g_strerror (errno));
      awd_nomination_editor_show_toast (self, message);
      return;
    }
  uri = g_filename_to_uri (path, NULL, NULL);
  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

static void
save_copy_chosen_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         data)
{
  AwdNominationEditor *self = g_object_get_data (G_OBJECT (chooser), "awd-editor");
  AwdAttachment *attachment = data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  if (file != NULL)
    {
      bytes = awd_store_get_attachment_data (awd_nomination_editor_get_store (self), awd_attachment_get_id (attachment), &error);
      if (bytes == NULL ||
          !g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                    NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error))
        {
          g_autofree char *message = g_strdup_printf (_("The copy could not be saved: %s"), error->message);
          awd_nomination_editor_show_toast (self, message);
        }
      else
        awd_nomination_editor_show_toast (self, _("Copy saved"));
    }
  g_object_unref (attachment);
  g_object_unref (chooser);
}

static void
save_attachment_clicked_cb (GtkButton           *button,
                            AwdNominationEditor *self)
{
  AwdAttachment *attachment = attachment_of (GTK_WIDGET (button));
  g_autofree char *name = safe_file_name (attachment);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Save a Copy of the Attachment"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "awd-editor", self);
  g_signal_connect (chooser, "response", G_CALLBACK (save_copy_chosen_cb), g_object_ref (attachment));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
remove_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    gpointer          data)
{
  AwdNominationEditor *self = g_object_get_data (G_OBJECT (dialog), "awd-editor");
  AwdAttachment *attachment = data;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "remove") == 0)
    {
      if (!awd_store_remove_attachment (awd_nomination_editor_get_store (self), awd_attachment_get_id (attachment), &error))
        awd_nomination_editor_show_toast (self, error->message);
      else
        {
          awd_nomination_editor_load_attachments (self);
          awd_nomination_editor_emit_saved (self);
        }
    }
  g_object_unref (attachment);
}

static void
remove_attachment_clicked_cb (GtkButton           *button,
                              AwdNominationEditor *self)
{
  AwdAttachment *attachment = attachment_of (GTK_WIDGET (button));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Remove the Attachment?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” will be removed from the database. Save a copy first if you may need it."),
                                  awd_attachment_get_name (attachment));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"), "remove", _("_Remove"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "awd-editor", self);
  g_signal_connect (dialog, "response", G_CALLBACK (remove_response_cb), g_object_ref (attachment));
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
make_icon_button (const char *icon,
                  const char *tooltip,
                  GCallback   callback,
                  gpointer    data)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect (button, "clicked", callback, data);
  return button;
}

void
awd_nomination_editor_load_attachments (AwdNominationEditor *self)
{
  g_autoptr(GListModel) attachments = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->attachments_list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->attachments_list), child);
  if (awd_nomination_get_id (self->nomination) == 0)
    {
      gtk_widget_set_visible (self->attachments_list, FALSE);
      return;
    }
  attachments = awd_store_list_attachments (awd_nomination_editor_get_store (self), awd_nomination_get_id (self->nomination), NULL);
  for (guint i = 0; attachments != NULL && i < g_list_model_get_n_items (attachments); i++)
    {
      g_autoptr(AwdAttachment) attachment = g_list_model_get_item (attachments, i);
      g_autofree char *size = g_format_size ((guint64) awd_attachment_get_size (attachment));
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();

      /* Translators: an attachment's size and the start of its SHA-256 */
      subtitle = g_strdup_printf (_("%s · SHA-256 %.16s…"), size, awd_attachment_get_sha256 (attachment));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), awd_attachment_get_name (attachment));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_tooltip_text (row, awd_attachment_get_sha256 (attachment));
      g_object_set_data_full (G_OBJECT (row), "awd-attachment", g_object_ref (attachment), g_object_unref);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 make_icon_button ("document-open-symbolic", _("Open with the default application"),
                                                   G_CALLBACK (open_attachment_clicked_cb), self));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 make_icon_button ("document-save-as-symbolic", _("Save a copy…"),
                                                   G_CALLBACK (save_attachment_clicked_cb), self));
      if (self->editable)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                   make_icon_button ("user-trash-symbolic", _("Remove"),
                                                     G_CALLBACK (remove_attachment_clicked_cb), self));
      gtk_list_box_append (GTK_LIST_BOX (self->attachments_list), row);
    }
  gtk_widget_set_visible (self->attachments_list,
                          attachments != NULL && g_list_model_get_n_items (attachments) > 0);
}

static void
attachment_chosen_cb (GtkNativeDialog     *chooser,
                      int                  response,
                      AwdNominationEditor *self)
{
  g_autoptr(GListModel) files = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  for (guint i = 0; files != NULL && i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      g_autoptr(GError) error = NULL;

      if (!awd_nomination_editor_add_attachment (self, file, &error))
        awd_nomination_editor_show_toast (self, error->message);
    }
  g_object_unref (chooser);
}

static void
add_attachment_clicked_cb (GtkButton           *button,
                           AwdNominationEditor *self)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Attach Files"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (attachment_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
awd_nomination_editor_install_attachments (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, add_attachment_clicked_cb);
}

gboolean
awd_nomination_editor_add_attachment (AwdNominationEditor  *self,
                                      GFile                *file,
                                      GError              **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autoptr(AwdAttachment) attachment = NULL;
  g_autofree char *mime = NULL;
  const char *name;
  const char *content_type;

  g_return_val_if_fail (AWD_IS_NOMINATION_EDITOR (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (awd_nomination_get_id (self->nomination) == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("Give the nomination a title first: attachments belong to a stored nomination"));
      return FALSE;
    }
  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return FALSE;
  name = g_file_info_get_display_name (info);
  /* Refuse a file that is too big before reading it into memory. */
  if (g_file_info_get_size (info) > AWD_ATTACHMENT_MAX_SIZE)
    {
      g_autofree char *size = g_format_size ((guint64) g_file_info_get_size (info));
      g_autofree char *limit = g_format_size (AWD_ATTACHMENT_MAX_SIZE);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("“%s” is %s: an attachment can be at most %s. Attach a smaller copy (a PDF at a lower resolution, for instance)."),
                   name, size, limit);
      return FALSE;
    }
  data = g_file_load_bytes (file, NULL, NULL, error);
  if (data == NULL)
    return FALSE;
  content_type = g_file_info_get_content_type (info);
  mime = content_type != NULL ? g_content_type_get_mime_type (content_type) : NULL;
  attachment = awd_store_add_attachment (awd_nomination_editor_get_store (self), awd_nomination_get_id (self->nomination), name,
                                         mime != NULL ? mime : "application/octet-stream", data, error);
  if (attachment == NULL)
    return FALSE;
  awd_nomination_editor_load_attachments (self);
  awd_nomination_editor_emit_saved (self);
  return TRUE;
}
