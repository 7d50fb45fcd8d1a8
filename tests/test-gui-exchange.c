/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-gui-exchange"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "awd-backups-dialog.h"
#include "awd-exchange-actions.h"
#include "awd-gui-errors.h"
#include "awd-gui-test-util.h"
#include "awd-progress-dialog.h"
#include "awd-recovery.h"
#include "awd-test-util.h"

/* Seasons exported and imported through the window's actions (the file
 * chooser answered by the test hook), and the backups dialog. */

typedef AwdGuiFixture Fixture;

static guint
count_rounds (Fixture *f)
{
  g_autoptr(GListModel) rounds = awd_store_list_rounds (f->store, NULL);
  return rounds != NULL ? g_list_model_get_n_items (rounds) : 0;
}

static gboolean
wait_idle (Fixture *f)
{
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (awd_exchange_is_busy (GTK_WIDGET (f->window)) && g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  awd_gui_pump ();
  return !awd_exchange_is_busy (GTK_WIDGET (f->window));
}

static GtkWidget *
wait_toplevel (GType type)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  GtkWidget *found = NULL;

  while (found == NULL && g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
      found = awd_gui_find_toplevel (type);
    }
  return found;
}

static GtkWidget *
find_primary_menu_button (GtkWidget *root)
{
  if (GTK_IS_MENU_BUTTON (root) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (root)))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_primary_menu_button (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The main menu offers the exchange and backup actions, enabled. */
static void
test_primary_menu (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *button = find_primary_menu_button (GTK_WIDGET (f->window));
  GMenuModel *model;
  gboolean found_import = FALSE, found_backups = FALSE;

  g_assert_nonnull (button);
  if (button == NULL)
    return;
  model = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
  for (int s = 0; s < g_menu_model_get_n_items (model); s++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, s, G_MENU_LINK_SECTION);
      for (int i = 0; section != NULL && i < g_menu_model_get_n_items (section); i++)
        {
          g_autofree char *action = NULL;
          if (g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_ACTION, "s", &action))
            {
              found_import |= g_strcmp0 (action, "data.import") == 0;
              found_backups |= g_strcmp0 (action, "data.backups") == 0;
            }
        }
    }
  g_assert_true (found_import);
  g_assert_true (found_backups);

  if (g_getenv ("AWD_TEST_SCREENSHOT_DIR") != NULL)
    {
      /* Only to look at (see test-gui-print.c). */
      GLogLevelFlags fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK);
      gtk_menu_button_popup (GTK_MENU_BUTTON (button));
      awd_gui_pump ();
      awd_gui_screenshot_screen ("primary-menu");
      gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
      awd_gui_pump ();
      g_log_set_always_fatal (fatal);
    }
}

static void
test_export_then_import (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *xml = g_build_filename (f->dir, "season", NULL);
  g_autofree char *xml_file = g_strconcat (xml, ".xml", NULL);
  g_autofree char *contents = NULL;
  GtkWidget *dialog;
  GtkWidget *progress;

  /* Export Season…, the chooser answering "season" (.xml is added). */
  awd_gui_set_test_file (xml);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "data.export", NULL));
  awd_gui_pump ();
  g_assert_true (wait_idle (f));
  g_assert_true (g_file_get_contents (xml_file, &contents, NULL, NULL));
  g_assert_nonnull (contents != NULL ? strstr (contents, "<award-desk") : NULL);
  g_assert_nonnull (contents != NULL ? strstr (contents, "сезон 2024 года") : NULL);
  awd_gui_screenshot (GTK_WIDGET (f->window), "exchange-exported");

  /* Import Season… of the same file: the window warns first. */
  awd_gui_set_test_file (xml_file);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "data.import", NULL));
  dialog = wait_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  if (dialog == NULL)
    return;
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "№ 4 (2024)"));
  g_assert_cmpuint (count_rounds (f), ==, 1);
  awd_gui_screenshot (dialog, "exchange-duplicate-warning");

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "import");
  /* While it runs, a modal progress window keeps the person out. */
  g_assert_true (awd_exchange_is_busy (GTK_WIDGET (f->window)));
  progress = awd_gui_find_toplevel (AWD_TYPE_PROGRESS_DIALOG);
  g_assert_nonnull (progress);
  if (progress != NULL)
    {
      g_assert_true (gtk_window_get_modal (GTK_WINDOW (progress)));
      awd_gui_screenshot (progress, "exchange-import-progress");
    }
  g_assert_true (wait_idle (f));
  g_assert_cmpuint (count_rounds (f), ==, 2);
  g_assert_null (awd_gui_find_toplevel (AWD_TYPE_PROGRESS_DIALOG));
  awd_gui_screenshot (GTK_WIDGET (f->window), "exchange-imported");
}

/* The progress window on its own, half-way, with Cancel working. */
static void
test_progress_dialog (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  AwdProgressDialog *progress = awd_progress_dialog_new (GTK_WINDOW (f->window), "Importing the Season",
                                                         "season.xml", cancellable);

  gtk_window_present (GTK_WINDOW (progress));
  awd_progress_dialog_report (progress, 40, 100);
  g_assert_cmpfloat_with_epsilon (awd_progress_dialog_get_fraction (progress), 0.4, 1e-9);
  awd_gui_screenshot (GTK_WIDGET (progress), "exchange-import-progress");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (progress), "progress.cancel", NULL));
  g_assert_true (g_cancellable_is_cancelled (cancellable));
  gtk_window_destroy (GTK_WINDOW (progress));
}

static void
test_import_refused (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *bad = g_build_filename (f->dir, "bad.xml", NULL);
  GtkWidget *dialog;
  const char *body;

  g_assert_true (g_file_set_contents (bad,
                                      "<?xml version=\"1.0\"?>\n"
                                      "<award-desk xmlns=\"urn:award-desk:exchange:1\" version=\"1\">\n"
                                      "  <round key=\"r1\" award=\"Премия\" number=\"9\" year=\"2030\" status=\"draft\">\n"
                                      "    <scale min=\"0\" max=\"10\" step=\"1\"/>\n"
                                      "  </round>\n"
                                      "</award-desk>\n", -1, NULL));
  awd_gui_set_test_file (bad);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "data.import", NULL));
  awd_gui_pump ();
  g_assert_true (wait_idle (f));
  dialog = wait_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  if (dialog == NULL)
    return;
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));
  g_test_message ("refusal: %s", body);
  /* "FILE:LINE: …": the line at fault is named. */
  g_assert_nonnull (strstr (body, "bad.xml:"));
  g_assert_cmpuint (count_rounds (f), ==, 1);
  awd_gui_screenshot (dialog, "exchange-refused");
}

static void
rename_round (Fixture    *f,
              const char *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwdRound) round = awd_store_get_round (f->store, f->round_id, &error);

  g_assert_no_error (error);
  awd_round_set_title (round, title);
  awd_store_save_round (f->store, round, &error);
  g_assert_no_error (error);
}

static char *
stored_title (Fixture *f)
{
  g_autoptr(GListModel) rounds = awd_store_list_rounds (f->store, NULL);
  g_autoptr(AwdRound) round = rounds != NULL && g_list_model_get_n_items (rounds) > 0
                              ? g_list_model_get_item (rounds, 0) : NULL;

  return round != NULL ? g_strdup (awd_round_get_title (round)) : NULL;
}

static void
test_backups_restore (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = stored_title (f);
  g_autofree char *after = NULL;
  g_autofree char *restored = NULL;
  GtkWidget *dialog;
  GtkWidget *confirm;

  g_assert_true (awd_store_snapshot (f->store, AWD_SNAPSHOT_REASON_MANUAL, &error));
  g_assert_no_error (error);
  rename_round (f, "Переименованный сезон");
  after = stored_title (f);
  g_assert_cmpstr (after, ==, "Переименованный сезон");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "data.backups", NULL));
  dialog = wait_toplevel (AWD_TYPE_BACKUPS_DIALOG);
  g_assert_nonnull (dialog);
  if (dialog == NULL)
    return;
  g_assert_cmpuint (awd_backups_dialog_get_n_backups (AWD_BACKUPS_DIALOG (dialog)), >=, 1);
  awd_gui_screenshot (dialog, "backups-dialog");

  /* The newest is the one taken above. */
  confirm = awd_backups_dialog_restore (AWD_BACKUPS_DIALOG (dialog), 0);
  g_assert_nonnull (confirm);
  if (confirm == NULL)
    return;
  awd_gui_screenshot (confirm, "backups-confirm");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (confirm), "restore");
  awd_gui_pump ();

  restored = stored_title (f);
  g_assert_cmpstr (restored, ==, before);
  /* The window shows the restored season. */
  g_assert_cmpstr (awd_round_get_title (awd_context_get_round (f->context)), ==, before);
  g_assert_null (awd_gui_find_toplevel (AWD_TYPE_BACKUPS_DIALOG));
}

static void
test_snapshot_on_close (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) snapshots = NULL;
  gboolean has_close = FALSE;

  g_settings_set_int (f->settings, "backups-kept", 3);
  awd_gui_close_window (f);
  snapshots = awd_store_list_snapshots (f->path, NULL);
  g_assert_nonnull (snapshots);
  for (guint i = 0; snapshots != NULL && i < snapshots->len; i++)
    {
      AwdSnapshot *snapshot = g_ptr_array_index (snapshots, i);
      if (g_strcmp0 (snapshot->reason, AWD_SNAPSHOT_REASON_CLOSE) == 0)
        has_close = TRUE;
    }
  g_assert_true (has_close);
  g_assert_cmpuint (snapshots != NULL ? snapshots->len : 0, <=, 3);
}

static void
recovered_cb (gboolean restored,
              gpointer user_data)
{
  *(int *) user_data = restored ? 1 : 2;
}

/* A damaged file at start-up: the newest good backup is offered and, when
 * accepted, put in its place; the file then opens with the season. */
static void
test_recovery_offer (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GtkApplication) app = gtk_application_new (NULL, G_APPLICATION_NON_UNIQUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(AwdStore) store = NULL;
  g_autoptr(GListModel) rounds = NULL;
  g_autoptr(GFile) file = NULL;
  GtkWidget *dialog;
  int answer = 0;

  g_assert_true (awd_store_snapshot (f->store, AWD_SNAPSHOT_REASON_MANUAL, &error));
  g_assert_no_error (error);
  awd_gui_close_window (f);

  /* Pages past the header overwritten: quick_check fails at open. */
  {
    g_autofree char *bytes = NULL;
    gsize size = 0;
    g_assert_true (g_file_get_contents (f->path, &bytes, &size, NULL));
    for (gsize i = 4096 * 2; i < size && i < 4096 * 10; i++)
      bytes[i] = 0x5a;
    g_assert_true (g_file_set_contents (f->path, bytes, (gssize) size, NULL));
  }
  store = awd_store_open (f->path, AWD_STORE_OPEN_READ_WRITE, "Test", &error);
  g_assert_null (store);
  g_assert_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_CORRUPT);

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_assert_true (awd_recovery_offer (app, f->path, error, recovered_cb, &answer));
  dialog = awd_gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  if (dialog == NULL)
    return;
  awd_gui_screenshot (dialog, "recovery-offer");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  awd_gui_pump ();
  g_assert_cmpint (answer, ==, 1);

  g_clear_error (&error);
  store = awd_store_open (f->path, AWD_STORE_OPEN_READ_WRITE, "Test", &error);
  g_assert_no_error (error);
  rounds = store != NULL ? awd_store_list_rounds (store, NULL) : NULL;
  g_assert_cmpuint (rounds != NULL ? g_list_model_get_n_items (rounds) : 0, ==, 1);

  /* Any other error is not offered a backup. */
  {
    g_autoptr(GError) locked = g_error_new_literal (AWD_STORE_ERROR, AWD_STORE_ERROR_LOCKED, "held");
    g_assert_false (awd_recovery_offer (app, f->path, locked, recovered_cb, &answer));
  }
}

/* A full disk: the dialog says that earlier work is safe. */
static void
test_disk_full_dialog (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = g_error_new_literal (AWD_STORE_ERROR, AWD_STORE_ERROR_DISK_FULL,
                                                 "The disk is full");
  GtkWidget *dialog;

  /* The log gets the detail as a warning. */
  g_test_expect_message ("awd-gui-errors", G_LOG_LEVEL_WARNING, "Not saved: The disk is full");
  dialog = awd_gui_show_store_error (GTK_WIDGET (f->window), "Not saved", error);
  g_test_assert_expected_messages ();

  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "The disk is full"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            _("Everything saved before is safe in the database. Free some space "
                              "on the disk (or fix the drive), then repeat the last step.")));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (f->window));
  awd_gui_screenshot (dialog, "disk-full");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  if (!awd_gui_test_init (&argc, &argv))
    return 0;

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, awd_gui_fixture_set_up, func, awd_gui_fixture_tear_down)
  ADD ("/gui/exchange/primary-menu", test_primary_menu);
  ADD ("/gui/exchange/export-then-import", test_export_then_import);
  ADD ("/gui/exchange/import-refused", test_import_refused);
  ADD ("/gui/exchange/progress-dialog", test_progress_dialog);
  ADD ("/gui/backups/restore", test_backups_restore);
  ADD ("/gui/backups/snapshot-on-close", test_snapshot_on_close);
  ADD ("/gui/backups/recovery-offer", test_recovery_offer);
  ADD ("/gui/errors/disk-full", test_disk_full_dialog);
#undef ADD

  return g_test_run ();
}
