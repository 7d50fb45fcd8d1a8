/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-search"

#include "config.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "awd-bench-util.h"
#include "awd-store.h"
#include "awd-test-util.h"

/* Benchmark (not a test): listing and searching a round of 100,000
 * nominations through the store's API, as the nominations page would.
 *   - time to first rows: the first page of 200 ordered by ref;
 *   - search latency per keystroke: a 6-letter Cyrillic word typed one
 *     letter at a time, p50 and p95 over 200 queries.
 * For comparison it also times the same first page read with LIMIT on a
 * raw connection, which is what a paged store API would cost.
 * `meson test --benchmark search` or run it directly; the first argument
 * overrides the number of nominations. */

static double
percentile (GArray *sorted,
            double  p)
{
  guint i = (guint) (p * (sorted->len - 1) + 0.5);
  return g_array_index (sorted, double, MIN (i, sorted->len - 1));
}

static char *
format_ms (double ms)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.1f", ms));
}

int
main (int   argc,
      char *argv[])
{
  guint n_nominations = argc > 1 ? (guint) strtoul (argv[1], NULL, 10) : 100000;
  g_autofree char *dir = awd_test_make_dir ();
  g_autofree char *db_path = g_build_filename (dir, "bench.db", NULL);
  g_autoptr(AwdStore) store = awd_test_open_store (dir, "bench.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) latencies = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) paged = g_array_new (FALSE, FALSE, sizeof (double));
  const char *typed = "библио";      /* 6 letters, typed one at a time */
  gint64 round_id = awd_test_add_round (store, "Сезон для замеров");
  double t0, t_insert, t_list, t_page, t_raw = 0;
  guint first_page = 0;
  guint64 hits = 0;

  g_set_prgname ("bench-search");

  /* Generate --------------------------------------------------------- */
  t0 = awd_bench_now_ms ();
  awd_bench_add_nominations (store, round_id, n_nominations);
  t_insert = awd_bench_now_ms () - t0;

  /* Time to first rows: the store lists the whole round, the page is
   * the first 200 of it. */
  t0 = awd_bench_now_ms ();
  {
    g_autoptr(GListModel) list = awd_store_list_nominations (store, round_id, &error);

    if (list == NULL)
      g_error ("%s", error->message);
    t_list = awd_bench_now_ms () - t0;
    for (guint i = 0; i < MIN (200, g_list_model_get_n_items (list)); i++)
      {
        g_autoptr(AwdNomination) n = g_list_model_get_item (list, i);
        first_page += awd_nomination_get_ref (n) != NULL;
      }
    t_page = awd_bench_now_ms () - t0;
  }

  /* The same page with LIMIT on a raw read-only connection. */
  {
    sqlite3 *raw = NULL;
    sqlite3_stmt *stmt = NULL;

    if (sqlite3_open_v2 (db_path, &raw, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
        sqlite3_prepare_v2 (raw, "SELECT id, ref, title FROM nomination WHERE round_id = ?1"
                            " ORDER BY ref, id LIMIT 200", -1, &stmt, NULL) == SQLITE_OK)
      {
        t0 = awd_bench_now_ms ();
        sqlite3_bind_int64 (stmt, 1, round_id);
        while (sqlite3_step (stmt) == SQLITE_ROW)
          ;
        t_raw = awd_bench_now_ms () - t0;
      }
    sqlite3_finalize (stmt);
    sqlite3_close (raw);
  }

  /* Search per keystroke --------------------------------------------- */
  for (guint q = 0; q < 200; q++)
    {
      glong letters = (glong) (q % 6) + 1;
      g_autofree char *prefix = g_utf8_substring (typed, 0, letters);
      g_autoptr(GListModel) found = NULL;
      double ms;

      t0 = awd_bench_now_ms ();
      found = awd_store_search_nominations (store, round_id, prefix, &error);
      ms = awd_bench_now_ms () - t0;
      if (found == NULL)
        g_error ("%s", error->message);
      hits += g_list_model_get_n_items (found);
      g_array_append_val (latencies, ms);
    }
  g_array_sort (latencies, awd_bench_compare_doubles);

  /* The same keystrokes as a page of 200 (LIMIT) on a raw connection: what
   * a paged search API would cost. The query text is what the store builds
   * for a one-word prefix. */
  {
    sqlite3 *raw = NULL;
    sqlite3_stmt *stmt = NULL;

    if (sqlite3_open_v2 (db_path, &raw, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
        sqlite3_prepare_v2 (raw, "SELECT id, ref, title FROM nomination WHERE round_id = ?1 AND id IN"
                            " (SELECT rowid FROM nomination_fts WHERE nomination_fts MATCH ?2)"
                            " ORDER BY ref, id LIMIT 200", -1, &stmt, NULL) == SQLITE_OK)
      for (guint q = 0; q < 200; q++)
        {
          g_autofree char *prefix = g_utf8_substring (typed, 0, (glong) (q % 6) + 1);
          g_autofree char *match = g_strdup_printf ("\"%s\"*", prefix);
          double ms;

          t0 = awd_bench_now_ms ();
          sqlite3_bind_int64 (stmt, 1, round_id);
          sqlite3_bind_text (stmt, 2, match, -1, SQLITE_TRANSIENT);
          while (sqlite3_step (stmt) == SQLITE_ROW)
            ;
          sqlite3_reset (stmt);
          ms = awd_bench_now_ms () - t0;
          g_array_append_val (paged, ms);
        }
    sqlite3_finalize (stmt);
    sqlite3_close (raw);
    g_array_sort (paged, awd_bench_compare_doubles);
  }

  {
    g_autofree char *s_insert = format_ms (t_insert);
    g_autofree char *s_list = format_ms (t_list);
    g_autofree char *s_page = format_ms (t_page);
    g_autofree char *s_raw = format_ms (t_raw);
    g_autofree char *s_p50 = format_ms (percentile (latencies, 0.50));
    g_autofree char *s_p95 = format_ms (percentile (latencies, 0.95));
    g_autofree char *s_max = format_ms (percentile (latencies, 1.0));

    printf ("nominations: %u\n", n_nominations);
    printf ("generate (one transaction): %s ms\n", s_insert);
    printf ("first page of %u by ref via awd_store_list_nominations: %s ms (whole list %s ms)\n",
            first_page, s_page, s_list);
    printf ("first page of 200 with LIMIT on a raw connection: %s ms\n", s_raw);
    printf ("search per keystroke (\"%s\" typed letter by letter, 200 queries): "
            "p50 %s ms, p95 %s ms, max %s ms, mean hits %" G_GUINT64_FORMAT "\n",
            typed, s_p50, s_p95, s_max, hits / 200);
    if (paged->len > 0)
      {
        g_autofree char *r_p50 = format_ms (percentile (paged, 0.50));
        g_autofree char *r_p95 = format_ms (percentile (paged, 0.95));

        printf ("search per keystroke, first page of 200 with LIMIT on a raw connection: "
                "p50 %s ms, p95 %s ms\n", r_p50, r_p95);
      }
  }

  g_clear_object (&store);
  awd_test_remove_dir (dir);
  return 0;
}
