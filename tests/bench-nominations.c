/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-nominations"

#include "config.h"

#include <gtk/gtk.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "awd-bench-util.h"
#include "awd-fold.h"
#include "awd-store-nomination-rows.h"
#include "awd-store-nominations.h"
#include "awd-test-util.h"

/* Benchmark (not a test): the nominations page's model pipeline at 100,000
 * nominations, as the page builds it (rows → GtkSortListModel →
 * GtkFilterListModel over a GtkBitset of FTS5 ids), against doing the same
 * in SQL. No widgets, so it runs without a display. Prints figures only:
 *   - time to first rows (light rows and the pipeline; full objects and a
 *     LIMIT page for comparison);
 *   - sorting by title with collation keys, plain and incremental;
 *   - search latency per keystroke, p50 and p95;
 * `meson test --benchmark bench-nominations`; the first argument sets the
 * number of nominations. */

/* Typed one letter at a time, as a person searches. */
static const char * const typed[] = {
  "библио", "ёлка", "книжный мост", "казань", "Сибирь", "переводчики",
};

static double
percentile (GArray *values,
            double  p)
{
  guint i;

  g_array_sort (values, awd_bench_compare_doubles);
  i = (guint) (p * (values->len - 1) + 0.5);
  return g_array_index (values, double, MIN (i, values->len - 1));
}

static void
print_ms (const char *what,
          double      ms)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_print ("%-58s %8s ms\n", what, g_ascii_formatd (buf, sizeof buf, "%.1f", ms));
}

static void
print_percentiles (const char *what,
                   GArray     *values)
{
  char p50[G_ASCII_DTOSTR_BUF_SIZE], p95[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (p50, sizeof p50, "%.1f", percentile (values, 0.50));
  g_ascii_formatd (p95, sizeof p95, "%.1f", percentile (values, 0.95));
  g_print ("%-58s p50 %s ms, p95 %s ms (%u keystrokes)\n", what, p50, p95, values->len);
}

static int
compare_titles_cb (gconstpointer a,
                   gconstpointer b,
                   gpointer      data)
{
  int r = strcmp (awd_nomination_row_get_collate_key ((AwdNominationRow *) a, AWD_NOMINATION_ROW_KEY_TITLE),
                  awd_nomination_row_get_collate_key ((AwdNominationRow *) b, AWD_NOMINATION_ROW_KEY_TITLE));
  return r < 0 ? GTK_ORDERING_SMALLER : r > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static GtkBitset *matches;

static gboolean
filter_cb (gpointer item,
           gpointer data)
{
  return matches == NULL || gtk_bitset_contains (matches, (guint) awd_nomination_row_get_id (item));
}

static void
run_until_idle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Keystroke latency of the in-memory pipeline: FTS5 ids → bitset →
 * filter over the sorted rows, until the filtered model knows its size. */
static void
time_search_in_memory (AwdStore           *store,
                       gint64              round_id,
                       GtkFilter          *filter,
                       GtkFilterListModel *filtered,
                       GArray             *latencies)
{
  for (guint w = 0; w < G_N_ELEMENTS (typed); w++)
    for (glong len = 1; len <= g_utf8_strlen (typed[w], -1); len++)
      {
        g_autofree char *prefix = g_utf8_substring (typed[w], 0, len);
        g_autoptr(GArray) ids = NULL;
        GtkBitset *before = matches;
        double t0 = awd_bench_now_ms (), dt;
        guint n;

        ids = awd_store_search_nomination_ids (store, round_id, prefix, NULL);
        matches = ids != NULL ? gtk_bitset_new_empty () : NULL;
        for (guint i = 0; ids != NULL && i < ids->len; i++)
          gtk_bitset_add (matches, (guint) g_array_index (ids, gint64, i));
        gtk_filter_changed (filter, GTK_FILTER_CHANGE_DIFFERENT);
        n = g_list_model_get_n_items (G_LIST_MODEL (filtered));
        if (n > 0)
          g_object_unref (g_list_model_get_item (G_LIST_MODEL (filtered), 0));
        dt = awd_bench_now_ms () - t0;
        g_array_append_val (latencies, dt);
        g_clear_pointer (&before, gtk_bitset_unref);
      }
}

/* The same keystrokes answered by SQL: the first 200 matches in ref order
 * (what a paged list would fetch), on a raw read-only connection. */
static void
time_search_in_sql (const char *db_path,
                    gint64      round_id,
                    GArray     *latencies)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "SELECT n.id, n.ref, n.title, n.institution, n.city, n.region, n.status, n.received"
                          " FROM nomination n WHERE n.round_id = ?1 AND n.id IN"
                          " (SELECT rowid FROM nomination_fts WHERE nomination_fts MATCH ?2)"
                          " ORDER BY n.ref LIMIT 200", -1, &stmt, NULL) != SQLITE_OK)
    g_error ("raw connection: %s", sqlite3_errmsg (db));
  for (guint w = 0; w < G_N_ELEMENTS (typed); w++)
    for (glong len = 1; len <= g_utf8_strlen (typed[w], -1); len++)
      {
        g_autofree char *prefix = g_utf8_substring (typed[w], 0, len);
        g_autofree char *folded = awd_fold (prefix);
        g_auto(GStrv) parts = g_strsplit (folded, " ", -1);
        g_autoptr(GString) match = g_string_new (NULL);
        double t0, dt;

        for (guint i = 0; parts[i] != NULL; i++)
          if (*parts[i] != '\0')
            g_string_append_printf (match, "%s\"%s\"*", match->len > 0 ? " " : "", parts[i]);
        t0 = awd_bench_now_ms ();
        sqlite3_bind_int64 (stmt, 1, round_id);
        sqlite3_bind_text (stmt, 2, match->str, -1, SQLITE_TRANSIENT);
        while (sqlite3_step (stmt) == SQLITE_ROW)
          ;
        sqlite3_reset (stmt);
        dt = awd_bench_now_ms () - t0;
        g_array_append_val (latencies, dt);
      }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

int
main (int   argc,
      char *argv[])
{
  guint n = argc > 1 ? (guint) strtoul (argv[1], NULL, 10) : 100000;
  g_autofree char *dir = awd_test_make_dir ();
  g_autofree char *db_path = g_build_filename (dir, "bench.db", NULL);
  g_autoptr(AwdStore) store = awd_test_open_store (dir, "bench.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) memory_latencies = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) incremental_latencies = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) sql_latencies = g_array_new (FALSE, FALSE, sizeof (double));
  gint64 round_id = awd_test_add_round (store, "Сезон для замеров");
  double t0;

  g_set_prgname ("bench-nominations");
  setlocale (LC_ALL, "");
  /* GTK's list models need no display; gtk_init_check() is only tried so
   * that a run under xvfb-run sets GTK up as the application does. */
  (void) gtk_init_check ();

  g_print ("# %u nominations, locale %s\n", n, setlocale (LC_COLLATE, NULL));
  t0 = awd_bench_now_ms ();
  awd_bench_add_nominations (store, round_id, n);
  print_ms ("generate (one transaction)", awd_bench_now_ms () - t0);

  /* Time to first rows ---------------------------------------------------- */
  {
    g_autoptr(GListModel) full = NULL;
    g_autoptr(GListModel) page = NULL;

    t0 = awd_bench_now_ms ();
    full = awd_store_list_nominations (store, round_id, &error);
    print_ms ("for comparison: every full AwdNomination", awd_bench_now_ms () - t0);
    g_clear_object (&full);

    t0 = awd_bench_now_ms ();
    page = awd_store_list_nomination_page (store, round_id, 0, 200, &error);
    print_ms ("for comparison: one SQL page of 200 light rows", awd_bench_now_ms () - t0);
  }

  {
    g_autoptr(GListModel) rows = NULL;
    g_autoptr(GListStore) store_rows = g_list_store_new (AWD_TYPE_NOMINATION_ROW);
    g_autoptr(GtkSortListModel) sorted = NULL;
    g_autoptr(GtkFilterListModel) filtered = NULL;
    g_autoptr(GtkSorter) sorter = NULL;
    g_autoptr(GtkFilter) filter = NULL;
    g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
    double t_rows, t_first;

    t0 = awd_bench_now_ms ();
    rows = awd_store_list_nomination_rows (store, round_id, &error);
    if (rows == NULL)
      g_error ("%s", error->message);
    t_rows = awd_bench_now_ms () - t0;
    for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
      g_ptr_array_add (items, g_list_model_get_item (rows, i));
    g_list_store_splice (store_rows, 0, 0, items->pdata, items->len);
    sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (store_rows)), NULL);
    filter = GTK_FILTER (gtk_custom_filter_new (filter_cb, NULL, NULL));
    filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (sorted)), g_object_ref (filter));
    for (guint i = 0; i < 50; i++)
      g_object_unref (g_list_model_get_item (G_LIST_MODEL (filtered), i));
    t_first = awd_bench_now_ms () - t0;
    print_ms ("light rows, all of the round (one query)", t_rows);
    print_ms ("TIME TO FIRST ROWS: rows + sort/filter models + 50 items", t_first);

    /* Sorting by title: collation keys computed on the first sort, kept. */
    sorter = GTK_SORTER (gtk_custom_sorter_new (compare_titles_cb, NULL, NULL));
    t0 = awd_bench_now_ms ();
    gtk_sort_list_model_set_sorter (sorted, sorter);
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (filtered), 0));
    print_ms ("sort by title, first time (computes collation keys)", awd_bench_now_ms () - t0);
    gtk_sort_list_model_set_sorter (sorted, NULL);
    t0 = awd_bench_now_ms ();
    gtk_sort_list_model_set_sorter (sorted, sorter);
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (filtered), 0));
    print_ms ("sort by title again (keys kept)", awd_bench_now_ms () - t0);
    gtk_sort_list_model_set_sorter (sorted, NULL);
    gtk_sort_list_model_set_incremental (sorted, TRUE);
    t0 = awd_bench_now_ms ();
    gtk_sort_list_model_set_sorter (sorted, sorter);
    print_ms ("incremental sort: until the call returns", awd_bench_now_ms () - t0);
    while (gtk_sort_list_model_get_pending (sorted) > 0)
      g_main_context_iteration (NULL, TRUE);
    print_ms ("incremental sort: until every row is in place", awd_bench_now_ms () - t0);
    gtk_sort_list_model_set_incremental (sorted, FALSE);

    /* Search per keystroke over the sorted list. */
    time_search_in_memory (store, round_id, filter, filtered, memory_latencies);
    g_clear_pointer (&matches, gtk_bitset_unref);
    gtk_filter_changed (filter, GTK_FILTER_CHANGE_LESS_STRICT);

    gtk_filter_list_model_set_incremental (filtered, TRUE);
    time_search_in_memory (store, round_id, filter, filtered, incremental_latencies);
    run_until_idle ();
    g_clear_pointer (&matches, gtk_bitset_unref);
  }

  /* The SQL alternative: each keystroke fetches the first page. */
  time_search_in_sql (db_path, round_id, sql_latencies);

  print_percentiles ("SEARCH per keystroke, FTS5 ids + bitset filter", memory_latencies);
  print_percentiles ("search per keystroke, incremental filter (first batch)", incremental_latencies);
  print_percentiles ("for comparison: SQL FTS5 + ORDER BY ref LIMIT 200", sql_latencies);

  g_clear_object (&store);
  awd_test_remove_dir (dir);
  return 0;
}
