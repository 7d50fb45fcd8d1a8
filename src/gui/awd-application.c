/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-application"

#include "config.h"

#include <glib/gi18n.h>

#include "awd-application.h"
#include "awd-context.h"
#include "awd-edit-util.h"
#include "awd-preferences-window.h"
#include "awd-recovery.h"
#include "awd-window.h"

/* Opens the database (the default one or --db PATH) with the operator from
 * the settings, and shows the window. A database another copy is changing
 * can still be opened read-only, if the person says so. */
struct _AwdApplication
{
  AdwApplication  parent_instance;

  char           *db_path;
  GSettings      *settings;
  gboolean        recovery_answered;  /* do not offer a backup twice */
  AwdContext     *context;
};

G_DEFINE_FINAL_TYPE (AwdApplication, awd_application, ADW_TYPE_APPLICATION)

static GtkWindow *
get_main_window (AwdApplication *self)
{
  return gtk_application_get_active_window (GTK_APPLICATION (self));
}

static void
show_main_window (AwdApplication *self,
                  AwdStore       *store)
{
  AwdWindow *window;
  gboolean read_only = awd_store_is_read_only (store);

  self->context = awd_context_new (store, self->settings);
  window = awd_window_new (GTK_APPLICATION (self), self->context);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "new-round")),
                               !read_only);
  gtk_window_present (GTK_WINDOW (window));
}

static void
open_failed_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         AwdApplication   *self)
{
  if (g_strcmp0 (response, "read-only") == 0)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AwdStore) store = NULL;
      g_autofree char *operator_name = awd_operator_name_from_settings (self->settings);

      store = awd_store_open (self->db_path, AWD_STORE_OPEN_READ_ONLY, operator_name, &error);
      if (store != NULL)
        show_main_window (self, store);
      else
        {
          GtkWidget *failure = adw_message_dialog_new (NULL, _("The Database Cannot Be Opened"), error->message);
          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (failure), "quit", _("_Quit"));
          gtk_window_set_application (GTK_WINDOW (failure), GTK_APPLICATION (self));
          gtk_window_present (GTK_WINDOW (failure));
        }
    }
  g_application_release (G_APPLICATION (self));
}

/* Says why the database cannot be opened for writing; when another copy of
 * Award Desk holds it, offers to look at it read-only. */
static void
show_open_error (AwdApplication *self,
                 const GError   *error)
{
  gboolean locked = g_error_matches (error, AWD_STORE_ERROR, AWD_STORE_ERROR_LOCKED);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (NULL,
                                   locked ? _("The Database Is in Use")
                                          : _("The Database Cannot Be Opened"),
                                   error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "quit", _("_Quit"));
  if (locked)
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "read-only", _("_Open Read-Only"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "read-only",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "read-only");
    }
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "quit");
  gtk_window_set_title (GTK_WINDOW (dialog), _("Award Desk"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));

  /* The dialog is the only window for now; hold the application until the
   * person has answered. */
  g_application_hold (G_APPLICATION (self));
  g_signal_connect (dialog, "response", G_CALLBACK (open_failed_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  AwdApplication *self = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Closing (not destroying) lets each window finish pending deletions and
   * save its size. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
}

static void
new_round_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  GtkWindow *window = get_main_window (user_data);

  if (AWD_IS_WINDOW (window))
    awd_window_show_new_round_dialog (AWD_WINDOW (window));
  else if (window != NULL && AWD_IS_WINDOW (gtk_window_get_transient_for (window)))
    awd_window_show_new_round_dialog (AWD_WINDOW (gtk_window_get_transient_for (window)));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  AwdApplication *self = user_data;
  GtkWidget *preferences;

  if (self->context == NULL)
    return;
  preferences = awd_preferences_window_new (self->context, get_main_window (self));
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  AwdApplication *self = user_data;
  const char *developers[] = { _("The Award Desk developers"), NULL };

  adw_show_about_window (get_main_window (self),
                         "application-name", _("Award Desk"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("Library for Foreign Literature"),
                         "comments", _("The secretariat’s desk for the Rudomino Award for the best "
                                       "international library project: nominations, jury scores, "
                                       "results and protocols, season after season."),
                         "website", "https://libfl.ru/",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "copyright", _("© The Award Desk developers"),
                         "developers", developers,
                         /* Translators: your names, one per line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static const GActionEntry app_actions[] = {
  { .name = "quit", .activate = quit_action },
  { .name = "new-round", .activate = new_round_action },
  { .name = "preferences", .activate = preferences_action },
  { .name = "about", .activate = about_action },
};

static gint
awd_application_handle_local_options (GApplication *application,
                                      GVariantDict *options)
{
  AwdApplication *self = AWD_APPLICATION (application);
  g_autofree char *path = NULL;

  if (g_variant_dict_lookup (options, "db", "^ay", &path))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
      g_free (self->db_path);
      self->db_path = g_file_get_path (file);
    }

  return -1;
}

static void
awd_application_startup (GApplication *application)
{
  AwdApplication *self = AWD_APPLICATION (application);
  const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.new-round", { "<Control>n", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
  };

  G_APPLICATION_CLASS (awd_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action, accels[i].accels);

  self->settings = g_settings_new (APP_ID);
}

static void
recovery_done_cb (gboolean restored,
                  gpointer user_data)
{
  AwdApplication *self = user_data;

  self->recovery_answered = TRUE;
  g_application_activate (G_APPLICATION (self));
}

static void
awd_application_activate (GApplication *application)
{
  AwdApplication *self = AWD_APPLICATION (application);
  g_autoptr(AwdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *operator_name = NULL;
  GtkWindow *window = get_main_window (self);

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  if (self->db_path == NULL)
    self->db_path = awd_store_default_path ();

  /* A missing file with backups beside it: restore rather than start empty. */
  if (!self->recovery_answered && !g_file_test (self->db_path, G_FILE_TEST_EXISTS) &&
      awd_recovery_offer (GTK_APPLICATION (self), self->db_path, NULL, recovery_done_cb, self))
    return;

  operator_name = awd_operator_name_from_settings (self->settings);
  store = awd_store_open (self->db_path, AWD_STORE_OPEN_CREATE, operator_name, &error);
  if (store == NULL)
    {
      /* A damaged file: offer the newest good backup. */
      if (!self->recovery_answered &&
          awd_recovery_offer (GTK_APPLICATION (self), self->db_path, error, recovery_done_cb, self))
        return;
      /* Another copy holding the lock is a normal situation, not a fault. */
      if (g_error_matches (error, AWD_STORE_ERROR, AWD_STORE_ERROR_LOCKED))
        g_debug ("Could not open %s: %s", self->db_path, error->message);
      else
        g_warning ("Could not open %s: %s", self->db_path, error->message);
      show_open_error (self, error);
      return;
    }

  show_main_window (self, store);
}

static void
awd_application_dispose (GObject *object)
{
  AwdApplication *self = AWD_APPLICATION (object);

  g_clear_object (&self->context);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (awd_application_parent_class)->dispose (object);
}

static void
awd_application_finalize (GObject *object)
{
  AwdApplication *self = AWD_APPLICATION (object);

  g_free (self->db_path);

  G_OBJECT_CLASS (awd_application_parent_class)->finalize (object);
}

static void
awd_application_class_init (AwdApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = awd_application_dispose;
  object_class->finalize = awd_application_finalize;
  app_class->handle_local_options = awd_application_handle_local_options;
  app_class->startup = awd_application_startup;
  app_class->activate = awd_application_activate;
}

static void
awd_application_init (AwdApplication *self)
{
  const GOptionEntry options[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("The database to open (default: $XDG_DATA_HOME/award-desk/awards.db)"), N_("PATH") },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
}

AwdApplication *
awd_application_new (void)
{
  return g_object_new (AWD_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/ru/libfl/AwardDesk",
                       NULL);
}
