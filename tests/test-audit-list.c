/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-audit-list"

#include "config.h"

#include <glib/gi18n.h>

#include <locale.h>
#include <string.h>

#include "awd-audit-csv.h"
#include "awd-store-audit-list.h"
#include "awd-test-util.h"

/* Reading the audit log back: filters, paging, the chain's verification
 * and the CSV export. */

typedef struct
{
  char     *dir;
  char     *path;
  AwdStore *store;
  gint64    round_a;
  gint64    round_b;
} Fixture;

static void
rename_round (AwdStore   *store,
              gint64      round_id,
              const char *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwdRound) round = awd_store_get_round (store, round_id, &error);

  g_assert_no_error (error);
  awd_round_set_title (round, title);
  awd_store_save_round (store, round, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = awd_test_make_dir ();
  f->store = awd_test_open_store (f->dir, "awards.db");
  f->path = g_strdup (awd_store_get_path (f->store));
  f->round_a = awd_test_add_round (f->store, "Сезон А");
  f->round_b = awd_test_add_round (f->store, "Сезон Б");
  rename_round (f->store, f->round_a, "Сезон А; «новое» название");
  rename_round (f->store, f->round_a, "Сезон А, ещё раз");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  awd_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static guint
count_listed (Fixture             *f,
              const AwdAuditQuery *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) rows = awd_store_list_audit (f->store, query, 0, 0, &error);

  g_assert_no_error (error);
  return rows != NULL ? g_list_model_get_n_items (rows) : 0;
}

static void
test_filter_round (Fixture       *f,
                   gconstpointer  data)
{
  AwdAuditQuery a = { .round_id = f->round_a };
  AwdAuditQuery b = { .round_id = f->round_b };
  gint64 all = awd_store_count_audit (f->store, NULL);

  /* Round A: inserted and renamed twice; round B: inserted. */
  g_assert_cmpuint (count_listed (f, &a), ==, 3);
  g_assert_cmpuint (count_listed (f, &b), ==, 1);
  g_assert_cmpint (awd_store_count_audit_matching (f->store, &a, NULL), ==, 3);
  g_assert_cmpuint (count_listed (f, NULL), ==, (guint) all);
  g_assert_cmpint (all, >=, 4);
}

static void
test_filter_action (Fixture       *f,
                    gconstpointer  data)
{
  AwdAuditQuery q = { .action = "update" };
  g_autoptr(GListModel) rows = awd_store_list_audit (f->store, &q, 0, 0, NULL);
  g_auto(GStrv) actions = awd_store_list_audit_actions (f->store, NULL);
  g_autoptr(AwdAuditEntry) newest = NULL;

  g_assert_nonnull (rows);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 2);
  newest = g_list_model_get_item (rows, 0);
  /* Newest first, with before and after. */
  g_assert_nonnull (strstr (awd_audit_entry_get_after (newest), "ещё раз"));
  g_assert_nonnull (strstr (awd_audit_entry_get_before (newest), "«новое»"));
  g_assert_cmpstr (awd_audit_entry_get_summary (newest), ==, "title");
  g_assert_cmpstr (awd_audit_entry_get_action (newest), ==, "update");
  g_assert_cmpint (awd_audit_entry_get_round_id (newest), ==, f->round_a);

  g_assert_nonnull (actions);
  g_assert_true (g_strv_contains ((const char * const *) actions, "insert"));
  g_assert_true (g_strv_contains ((const char * const *) actions, "update"));
  g_assert_false (g_strv_contains ((const char * const *) actions, "delete"));
}

static void
test_filter_dates (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
  g_autofree char *today_text = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *tomorrow_text = g_date_time_format (tomorrow, "%Y-%m-%d");
  g_autofree char *yesterday_text = g_date_time_format (yesterday, "%Y-%m-%d");
  AwdAuditQuery today = { .from_date = today_text, .to_date = today_text };
  AwdAuditQuery later = { .from_date = tomorrow_text };
  AwdAuditQuery earlier = { .to_date = yesterday_text };
  AwdAuditQuery bad = { .from_date = "31.12.2024" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) none = NULL;

  g_assert_cmpuint (count_listed (f, &today), ==, (guint) awd_store_count_audit (f->store, NULL));
  g_assert_cmpuint (count_listed (f, &later), ==, 0);
  g_assert_cmpuint (count_listed (f, &earlier), ==, 0);

  none = awd_store_list_audit (f->store, &bad, 0, 0, &error);
  g_assert_null (none);
  g_assert_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_INVALID);
}

static void
test_paging (Fixture       *f,
             gconstpointer  data)
{
  gint64 total = awd_store_count_audit (f->store, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gint64 previous = G_MAXINT64;
  guint listed = 0;

  for (guint offset = 0;; offset += 2)
    {
      g_autoptr(GListModel) page = awd_store_list_audit (f->store, NULL, offset, 2, NULL);
      guint n;

      g_assert_nonnull (page);
      if (page == NULL)
        break;
      n = g_list_model_get_n_items (page);
      g_assert_cmpuint (n, <=, 2);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(AwdAuditEntry) entry = g_list_model_get_item (page, i);
          gint64 *id = g_new (gint64, 1);

          *id = awd_audit_entry_get_id (entry);
          g_assert_cmpint (*id, <, previous);
          previous = *id;
          g_assert_false (g_hash_table_contains (seen, id));
          g_hash_table_add (seen, id);
          listed++;
        }
      if (n < 2)
        break;
    }
  g_assert_cmpuint (listed, ==, (guint) total);
}

static void
test_chain_break (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;
  gint64 rows = 0;

  g_assert_true (awd_store_verify_audit (f->store, &problem, &rows, &error));
  g_assert_no_error (error);
  g_assert_null (problem);
  g_assert_cmpint (rows, ==, awd_store_count_audit (f->store, NULL));

  /* Someone with sqlite3 in hand rewrites history. */
  awd_test_raw_sql (f->path,
                    "DROP TRIGGER audit_no_update;"
                    "UPDATE audit SET after = 'title: подделка' WHERE action = 'update';");
  g_assert_true (awd_store_verify_audit (f->store, &problem, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (problem);
  g_test_message ("problem: %s", problem);
}

static void
test_csv (Fixture       *f,
          gconstpointer  data)
{
  AwdAuditQuery q = { .round_id = f->round_a, .action = "update" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = awd_audit_format_csv (f->store, &q, &error);
  g_autofree char *file = g_build_filename (f->dir, "audit.csv", NULL);
  g_autofree char *read_back = NULL;
  g_auto(GStrv) lines = NULL;
  const char *text;
  gsize size;

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  text = g_bytes_get_data (bytes, &size);
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBFid;at;operator;round;action;entity;entity_id;before;after\r\n"));
  /* A title holding `;` and quotes is quoted; the round's id is there. */
  g_assert_nonnull (strstr (text, "\"title: Сезон А; «новое» название\""));
  lines = g_strsplit (text, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);   /* header, 2 rows, "" */

  g_assert_true (awd_audit_export_csv (f->store, &q, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (file, &read_back, NULL, NULL));
  g_assert_cmpstr (read_back, ==, text);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/audit-list/filter/round", test_filter_round);
  ADD ("/audit-list/filter/action", test_filter_action);
  ADD ("/audit-list/filter/dates", test_filter_dates);
  ADD ("/audit-list/paging", test_paging);
  ADD ("/audit-list/chain/break", test_chain_break);
  ADD ("/audit-list/csv", test_csv);
#undef ADD

  return g_test_run ();
}
