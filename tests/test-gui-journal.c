/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-gui-journal"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "awd-gui-errors.h"
#include "awd-gui-test-util.h"
#include "awd-journal-page.h"
#include "awd-store-audit-list.h"
#include "awd-test-util.h"

/* The journal page: the season's audit rows, the filters, before and
 * after, the CSV export and the chain's status after tampering. */

typedef AwdGuiFixture Fixture;

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

static gboolean
wait_verified (AwdJournalPage *page)
{
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  gboolean verifying = TRUE;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      awd_journal_page_get_status (page, &verifying, NULL);
      if (!verifying)
        break;
      g_usleep (1000);
    }
  awd_gui_pump ();
  return !verifying;
}

/* Shows the journal page the way another page would ask for it. */
static AwdJournalPage *
show_journal (Fixture *f)
{
  GtkWidget *page;

  awd_context_request_show (f->context, "journal", NULL);
  awd_gui_pump ();
  page = awd_gui_find_type (GTK_WIDGET (f->window), AWD_TYPE_JOURNAL_PAGE);
  g_assert_nonnull (page);
  if (page != NULL)
    g_assert_true (gtk_widget_get_mapped (page));
  return page != NULL ? AWD_JOURNAL_PAGE (page) : NULL;
}

static const char *
label_text (AwdJournalPage *page,
            const char     *child)
{
  GtkWidget *label = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page), AWD_TYPE_JOURNAL_PAGE, child));
  return gtk_label_get_text (GTK_LABEL (label));
}

static void
test_lists_and_filters (Fixture       *f,
                        gconstpointer  data)
{
  AwdJournalPage *page;
  GListModel *rows;
  gint64 season_rows;

  rename_round (f, "Сезон, первое название");
  rename_round (f, "Сезон, второе название");
  page = show_journal (f);
  if (page == NULL)
    return;
  rows = awd_journal_page_get_rows (page);
  season_rows = awd_journal_page_get_n_matching (page);
  g_assert_cmpint (season_rows, >=, 2);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, (guint) season_rows);
  g_assert_true (wait_verified (page));
  awd_gui_screenshot (GTK_WIDGET (page), "journal-page");

  /* Only changes ("update"), newest first, with before and after. */
  g_assert_true (awd_journal_page_set_action (page, "update"));
  awd_gui_pump ();
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 2);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(AwdAuditEntry) entry = g_list_model_get_item (rows, i);
      g_assert_cmpstr (awd_audit_entry_get_action (entry), ==, "update");
    }
  g_assert_true (awd_journal_page_select (page, 0));
  awd_gui_pump ();
  g_assert_nonnull (strstr (label_text (page, "before_label"), "первое название"));
  g_assert_nonnull (strstr (label_text (page, "after_label"), "второе название"));
  awd_gui_screenshot (GTK_WIDGET (page), "journal-detail");

  /* A kind of change the log does not hold is not offered. */
  g_assert_false (awd_journal_page_set_action (page, "no-such-action"));

  /* Dates: nothing before the log began; the bad date leaves the rows. */
  {
    GtkWidget *to = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page), AWD_TYPE_JOURNAL_PAGE, "to_entry"));
    gtk_editable_set_text (GTK_EDITABLE (to), "31.12.2000");
    awd_gui_pump ();
    g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 0);
    gtk_editable_set_text (GTK_EDITABLE (to), "31.13.2000");
    awd_gui_pump ();
    g_assert_true (gtk_widget_has_css_class (to, "error"));
    gtk_editable_set_text (GTK_EDITABLE (to), "");
    awd_gui_pump ();
    g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 2);
  }

  /* Every season: the other season's rows come too. */
  awd_test_add_round (f->store, "Другой сезон");
  g_assert_true (awd_journal_page_set_action (page, NULL));
  awd_journal_page_set_all_rounds (page, TRUE);
  awd_gui_pump ();
  g_assert_cmpint (awd_journal_page_get_n_matching (page), >, season_rows);
}

static void
test_export_csv (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (f->dir, "journal", NULL);
  g_autofree char *csv_file = g_strconcat (csv, ".csv", NULL);
  g_autofree char *contents = NULL;
  gboolean exists = FALSE;
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  AwdJournalPage *page;

  rename_round (f, "Сезон для выгрузки");
  page = show_journal (f);
  if (page == NULL)
    return;
  g_assert_true (awd_journal_page_set_action (page, "update"));
  awd_gui_set_test_file (csv);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "journal.export-csv", NULL));
  while (!exists && g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      exists = g_file_test (csv_file, G_FILE_TEST_EXISTS);
    }
  awd_gui_pump ();
  g_assert_true (exists);
  g_assert_true (g_file_get_contents (csv_file, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBFid;at;operator;round;action;"));
  g_assert_nonnull (strstr (contents, "Сезон для выгрузки"));
  /* The filter applies: no import row. */
  g_assert_null (strstr (contents, ";import;"));
}

static void
test_chain_break_shown (Fixture       *f,
                        gconstpointer  data)
{
  AwdJournalPage *page;
  gboolean broken = TRUE;
  const char *status;

  rename_round (f, "Честное название");
  page = show_journal (f);
  if (page == NULL)
    return;
  g_assert_true (wait_verified (page));
  awd_journal_page_get_status (page, NULL, &broken);
  g_assert_false (broken);

  /* Someone with sqlite3 rewrites a row behind the application's back. */
  awd_test_raw_sql (f->path,
                    "DROP TRIGGER audit_no_update;"
                    "UPDATE audit SET after = 'title: Подделка' WHERE action = 'update';");
  awd_journal_page_reload (page);
  g_assert_true (wait_verified (page));
  status = awd_journal_page_get_status (page, NULL, &broken);
  g_assert_true (broken);
  g_test_message ("status: %s", status);
  /* It names the row where the chain breaks: the rewritten one. */
  {
    AwdAuditQuery query = { .action = "update" };
    g_autoptr(GListModel) updates = awd_store_list_audit (f->store, &query, 0, 0, NULL);
    g_autoptr(AwdAuditEntry) first = g_list_model_get_item (updates, g_list_model_get_n_items (updates) - 1);
    g_autofree char *row = g_strdup_printf (" %" G_GINT64_FORMAT " ", awd_audit_entry_get_id (first));

    g_assert_nonnull (status != NULL ? strstr (status, row) : NULL);
  }
  awd_gui_screenshot (GTK_WIDGET (page), "journal-chain-broken");
}

static void
test_paging (Fixture       *f,
             gconstpointer  data)
{
  AwdJournalPage *page;
  GtkWidget *more;
  gint64 total;

  for (int i = 0; i < 230; i++)
    {
      g_autofree char *title = g_strdup_printf ("Название %d", i);
      rename_round (f, title);
    }
  page = show_journal (f);
  if (page == NULL)
    return;
  total = awd_journal_page_get_n_matching (page);
  g_assert_cmpint (total, >=, 231);
  /* One page read, not the whole log. */
  g_assert_cmpuint (g_list_model_get_n_items (awd_journal_page_get_rows (page)), ==, 200);
  more = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page), AWD_TYPE_JOURNAL_PAGE, "more_button"));
  g_assert_true (gtk_widget_get_visible (more));
  g_signal_emit_by_name (more, "clicked");
  awd_gui_pump ();
  g_assert_cmpuint (g_list_model_get_n_items (awd_journal_page_get_rows (page)), ==, (guint) total);
  g_assert_false (gtk_widget_get_visible (more));
}

int
main (int   argc,
      char *argv[])
{
  if (!awd_gui_test_init (&argc, &argv))
    return 0;

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, awd_gui_fixture_set_up, func, awd_gui_fixture_tear_down)
  ADD ("/gui/journal/lists-and-filters", test_lists_and_filters);
  ADD ("/gui/journal/export-csv", test_export_csv);
  ADD ("/gui/journal/chain-break-shown", test_chain_break_shown);
  ADD ("/gui/journal/paging", test_paging);
#undef ADD

  return g_test_run ();
}
