/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-exchange-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "awd-backups-dialog.h"
#include "awd-exchange-actions.h"
#include "awd-gui-errors.h"
#include "awd-progress-dialog.h"
#include "awd-window.h"
#include "awd-xml-export.h"
#include "awd-xml-import.h"
#include "awd-xml-peek.h"

#define DATA_KEY "awd-exchange-actions"

typedef struct {
  GtkWidget          *window;     /* owns us */
  AwdContext         *context;
  GSimpleActionGroup *group;
  GCancellable       *cancellable;
  AwdProgressDialog  *progress;
  char               *path;       /* of the running import or export */
  gboolean            busy;
} Exchange;

static Exchange *
exchange_of (GtkWidget *window)
{
  return g_object_get_data (G_OBJECT (window), DATA_KEY);
}

static void
set_enabled (Exchange   *self,
             const char *name,
             gboolean    enabled)
{
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->group), name)),
                               enabled);
}

static void
update_actions (Exchange *self)
{
  gboolean read_only = awd_context_is_read_only (self->context);
  gboolean has_round = awd_context_get_round (self->context) != NULL;

  set_enabled (self, "import", !read_only && !self->busy);
  set_enabled (self, "export", has_round && !self->busy);
  set_enabled (self, "export-all", !self->busy);
  set_enabled (self, "backups", !self->busy);
}

static void
begin_work (Exchange   *self,
            const char *heading,
            const char *path)
{
  g_autofree char *name = g_path_get_basename (path);

  self->busy = TRUE;
  g_free (self->path);
  self->path = g_strdup (path);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->progress = g_object_ref_sink (awd_progress_dialog_new (GTK_WINDOW (self->window), heading, name,
                                                               self->cancellable));
  gtk_window_present (GTK_WINDOW (self->progress));
  update_actions (self);
}

static void
end_work (Exchange *self)
{
  self->busy = FALSE;
  if (self->progress != NULL)
    gtk_window_destroy (GTK_WINDOW (self->progress));
  g_clear_object (&self->progress);
  update_actions (self);
}

/* Called on the worker thread. */
static void
progress_cb (guint64  done,
             guint64  total,
             gpointer user_data)
{
  awd_progress_dialog_report (AWD_PROGRESS_DIALOG (user_data), done, total);
}

/* Import. */

static void
imported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GtkWidget) window = user_data;
  Exchange *self = exchange_of (window);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = awd_xml_import_finish (AWD_STORE (source), result, &error);

  if (self == NULL)
    return;
  end_work (self);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      awd_gui_show_toast (window, _("Import cancelled; nothing was changed"));
      return;
    }
  if (ids == NULL)
    {
      GtkWidget *dialog;

      g_message ("Import of %s refused: %s", self->path, error->message);
      if (error->domain == AWD_STORE_ERROR)
        {
          awd_gui_show_store_error (window, _("The Season Was Not Imported"), error);
          return;
        }
      /* The message names the file and the line: "FILE:LINE: what". */
      dialog = adw_message_dialog_new (GTK_WINDOW (window), _("The File Was Refused"), NULL);
      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s\n\n%s", error->message,
                                      _("Nothing was imported; the database is unchanged."));
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  if (AWD_IS_WINDOW (window))
    {
      awd_window_reload_rounds (AWD_WINDOW (window));
      if (ids->len > 0)
        awd_window_select_round (AWD_WINDOW (window), g_array_index (ids, gint64, 0));
    }
  {
    g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u season imported",
                                                          "%u seasons imported", ids->len), ids->len);
    awd_gui_show_toast (window, text);
  }
}

static void
start_import (Exchange   *self,
              const char *path)
{
  begin_work (self, _("Importing the Season"), path);
  awd_xml_import_async (awd_context_get_store (self->context), path, self->cancellable,
                        progress_cb, self->progress, imported_cb, g_object_ref (self->window));
}

typedef struct {
  GtkWidget *window;
  char      *path;
} Pending;

static void
pending_free (Pending *pending)
{
  g_object_unref (pending->window);
  g_free (pending->path);
  g_free (pending);
}

static void
duplicate_answered_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       Pending          *pending)
{
  Exchange *self = exchange_of (pending->window);

  if (self != NULL && g_strcmp0 (response, "import") == 0 && !self->busy)
    start_import (self, pending->path);
  pending_free (pending);
}

/* The seasons of the file that the database already has (same award,
 * number and year), described for the warning; NULL when none. */
static char *
describe_duplicates (Exchange  *self,
                     GPtrArray *infos)
{
  g_autoptr(GListModel) rounds = awd_store_list_rounds (awd_context_get_store (self->context), NULL);
  g_autoptr(GString) text = g_string_new (NULL);

  if (rounds == NULL)
    return NULL;
  for (guint i = 0; i < infos->len; i++)
    {
      AwdXmlRoundInfo *info = g_ptr_array_index (infos, i);

      for (guint r = 0; r < g_list_model_get_n_items (rounds); r++)
        {
          g_autoptr(AwdRound) round = g_list_model_get_item (rounds, r);

          if (g_strcmp0 (awd_round_get_award (round), info->award) == 0 &&
              awd_round_get_number (round) == info->number &&
              awd_round_get_year (round) == info->year)
            {
              if (text->len > 0)
                g_string_append_c (text, '\n');
              /* Translators: a season in a list: award, number, year */
              g_string_append_printf (text, _("“%s”, season № %d (%d)"),
                                      info->award, (int) info->number, (int) info->year);
              break;
            }
        }
    }
  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

void
awd_exchange_import_file (GtkWidget  *window,
                          const char *path)
{
  Exchange *self = exchange_of (window);
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *duplicates = NULL;
  GtkWidget *dialog;
  Pending *pending;

  g_return_if_fail (self != NULL);
  if (self->busy || awd_context_is_read_only (self->context))
    return;

  /* A file that is not XML at all is refused by the import itself, with
   * the same dialog; only a readable file is checked for duplicates. */
  infos = awd_xml_peek_rounds (path, &error);
  if (infos != NULL)
    duplicates = describe_duplicates (self, infos);
  if (duplicates == NULL)
    {
      start_import (self, path);
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (window), _("Import a Second Copy?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s\n%s\n\n%s",
                                  _("The database already has a season with the same award, number and year:"),
                                  duplicates,
                                  _("Importing the file adds another season beside it; the one there is not "
                                    "replaced. Import anyway?"));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "import", _("_Import Anyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  pending = g_new0 (Pending, 1);
  pending->window = g_object_ref (window);
  pending->path = g_strdup (path);
  g_signal_connect (dialog, "response", G_CALLBACK (duplicate_answered_cb), pending);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_file_chosen_cb (const char *path,
                       gpointer    user_data)
{
  g_autoptr(GtkWidget) window = user_data;

  if (path != NULL && exchange_of (window) != NULL)
    awd_exchange_import_file (window, path);
}

static void
import_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  Exchange *self = user_data;

  awd_gui_choose_file (GTK_WINDOW (self->window), FALSE, _("Import Season"), _("_Import"), NULL,
                       _("Award Desk exchange files"), "*.xml",
                       import_file_chosen_cb, g_object_ref (self->window));
}

/* Export. */

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GtkWidget) window = user_data;
  Exchange *self = exchange_of (window);
  g_autoptr(GError) error = NULL;
  gboolean ok = awd_xml_export_finish (AWD_STORE (source), result, &error);

  if (self == NULL)
    return;
  end_work (self);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    awd_gui_show_toast (window, _("Export cancelled"));
  else if (!ok)
    awd_gui_show_store_error (window, _("The Seasons Were Not Exported"), error);
  else
    {
      g_autofree char *name = g_path_get_basename (self->path);
      g_autofree char *text = g_strdup_printf (_("Exported to “%s”"), name);
      awd_gui_show_toast (window, text);
    }
}

void
awd_exchange_export_file (GtkWidget  *window,
                          gint64      round_id,
                          const char *path)
{
  Exchange *self = exchange_of (window);
  g_autofree char *with_ext = NULL;

  g_return_if_fail (self != NULL);
  if (self->busy)
    return;

  with_ext = g_str_has_suffix (path, ".xml") ? g_strdup (path) : g_strconcat (path, ".xml", NULL);
  begin_work (self, round_id > 0 ? _("Exporting the Season") : _("Exporting All Seasons"), with_ext);
  awd_xml_export_async (awd_context_get_store (self->context), round_id > 0 ? &round_id : NULL,
                        round_id > 0 ? 1 : 0, with_ext, self->cancellable, progress_cb, self->progress,
                        exported_cb, g_object_ref (window));
}

typedef struct {
  GtkWidget *window;
  gint64     round_id;
} ExportRequest;

static void
export_file_chosen_cb (const char *path,
                       gpointer    user_data)
{
  ExportRequest *request = user_data;

  if (path != NULL && exchange_of (request->window) != NULL)
    awd_exchange_export_file (request->window, request->round_id, path);
  g_object_unref (request->window);
  g_free (request);
}

static void
choose_export_file (Exchange *self,
                    gint64    round_id)
{
  ExportRequest *request = g_new0 (ExportRequest, 1);
  AwdRound *round = awd_context_get_round (self->context);
  g_autofree char *name = NULL;

  request->window = g_object_ref (self->window);
  request->round_id = round_id;
  if (round_id > 0 && round != NULL)
    /* Translators: the file name an export suggests: season-4-2024.xml */
    name = g_strdup_printf (_("season-%d-%d.xml"), awd_round_get_number (round), awd_round_get_year (round));
  else
    name = g_strdup (_("all-seasons.xml"));
  awd_gui_choose_file (GTK_WINDOW (self->window), TRUE,
                       round_id > 0 ? _("Export Season") : _("Export All Seasons"), _("_Export"), name,
                       _("Award Desk exchange files"), "*.xml", export_file_chosen_cb, request);
}

static void
export_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  Exchange *self = user_data;
  AwdRound *round = awd_context_get_round (self->context);

  if (round != NULL)
    choose_export_file (self, awd_round_get_id (round));
}

static void
export_all_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  choose_export_file (user_data, 0);
}

static void
backups_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  Exchange *self = user_data;
  GtkWidget *dialog = awd_backups_dialog_new (GTK_WINDOW (self->window), self->context);

  gtk_window_present (GTK_WINDOW (dialog));
}

static const GActionEntry data_entries[] = {
  { .name = "import", .activate = import_activated },
  { .name = "export", .activate = export_activated },
  { .name = "export-all", .activate = export_all_activated },
  { .name = "backups", .activate = backups_activated },
};

static void
context_round_notified_cb (AwdContext *context,
                           GParamSpec *pspec,
                           Exchange   *self)
{
  update_actions (self);
}

static void
exchange_free (gpointer data)
{
  Exchange *self = data;

  g_cancellable_cancel (self->cancellable);
  g_signal_handlers_disconnect_by_data (self->context, self);
  if (self->progress != NULL)
    gtk_window_destroy (GTK_WINDOW (self->progress));
  g_clear_object (&self->progress);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->context);
  g_clear_object (&self->group);
  g_free (self->path);
  g_free (self);
}

void
awd_exchange_actions_install (GtkWidget  *window,
                              AwdContext *context)
{
  Exchange *self;

  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (AWD_IS_CONTEXT (context));

  self = g_new0 (Exchange, 1);
  self->window = window;
  self->context = g_object_ref (context);
  self->group = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->group), data_entries,
                                   G_N_ELEMENTS (data_entries), self);
  gtk_widget_insert_action_group (window, "data", G_ACTION_GROUP (self->group));
  g_object_set_data_full (G_OBJECT (window), DATA_KEY, self, exchange_free);

  g_signal_connect (context, "notify::round", G_CALLBACK (context_round_notified_cb), self);
  update_actions (self);
}

gboolean
awd_exchange_is_busy (GtkWidget *window)
{
  Exchange *self = exchange_of (window);

  return self != NULL && self->busy;
}
