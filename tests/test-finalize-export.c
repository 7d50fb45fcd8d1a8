/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-finalize-export"

#include "config.h"

#include <string.h>

#include "awd-store-results.h"
#include "awd-test-util.h"
#include "awd-xml-export.h"
#include "awd-xml-import.h"

/* The checksum of a finalized round is reproducible outside the
 * application: finalize the sample season, export it, and the reference
 * script tests/recompute-checksum.py (stdlib Python, reading only the XML)
 * gives the checksum the store froze; importing the export elsewhere
 * recomputes and accepts the same checksum. */

static char *
run_script (const char *xml_path)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "recompute-checksum.py", NULL);
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "python3", script, xml_path, NULL };
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_strdup (g_strstrip (out));
}

static void
test_checksum_reproducible (void)
{
  g_autofree char *dir = awd_test_make_dir ();
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "..", "data", "sample-round.xml", NULL);
  g_autofree char *export_path = g_build_filename (dir, "final.xml", NULL);
  g_autofree char *again_path = g_build_filename (dir, "again.xml", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *from_script = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(AwdStore) store = awd_test_open_store (dir, "a.db");
  g_autoptr(AwdStore) other = awd_test_open_store (dir, "b.db");
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) other_ids = NULL;
  g_autoptr(AwdRound) round = NULL;
  g_autoptr(AwdRound) imported = NULL;
  g_autoptr(GError) error = NULL;
  gint64 round_id;

  ids = awd_xml_import (store, sample, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  round_id = g_array_index (ids, gint64, 0);

  /* The sample's tie for third place is broken by the criteria, and its
   * first places are clear: nothing stands in the way. */
  g_assert_true (awd_store_finalize_round (store, round_id, &error));
  g_assert_no_error (error);
  round = awd_store_get_round (store, round_id, NULL);
  expected = g_strconcat ("sha256:", awd_round_get_results_checksum (round), NULL);

  g_assert_true (awd_xml_export (store, &round_id, 1, export_path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  from_script = run_script (export_path);
  g_assert_cmpstr (from_script, ==, expected);

  /* Import elsewhere: recomputed from the content, accepted, same checksum,
   * and exported again byte for byte. */
  other_ids = awd_xml_import (other, export_path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  imported = awd_store_get_round (other, g_array_index (other_ids, gint64, 0), NULL);
  g_assert_cmpint (awd_round_get_status (imported), ==, AWD_ROUND_STATUS_FINAL);
  g_assert_cmpstr (awd_round_get_results_checksum (imported), ==, awd_round_get_results_checksum (round));
  {
    gint64 imported_id = awd_round_get_id (imported);
    g_assert_true (awd_xml_export (other, &imported_id, 1, again_path, NULL, NULL, NULL, &error));
  }
  g_assert_true (g_file_get_contents (export_path, &first, NULL, NULL));
  g_assert_true (g_file_get_contents (again_path, &second, NULL, NULL));
  g_assert_cmpstr (first, ==, second);

  g_clear_object (&store);
  g_clear_object (&other);
  awd_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/finalize/export/checksum-reproducible", test_checksum_reproducible);

  return g_test_run ();
}
