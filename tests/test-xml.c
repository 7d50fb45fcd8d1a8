/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-xml"

#include "config.h"

#include <glib/gstdio.h>

#include <string.h>

#include "awd-store-results.h"
#include "awd-test-util.h"
#include "awd-xml-export.h"
#include "awd-xml-import.h"

/* The XML exchange: round trips give identical bytes, every export is valid
 * against the schema (checked by xmllint, an outside validator), hostile
 * and broken files are refused with one line and leave the database as it
 * was, and nothing of a local file reaches the database or the message.
 * The same refusals are checked through award-desk-cli. */

#define MARKER "AWD-LEAK-MARKER-5f1c0e7a"

typedef struct {
  char     *dir;
  char     *db_path;
  AwdStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = awd_test_make_dir ();
  f->store = awd_test_open_store (f->dir, "a.db");
  f->db_path = g_build_filename (f->dir, "a.db", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  awd_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->db_path);
}

static char *
data_file (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "xml", name, NULL);
}

static char *
sample_file (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "sample-round.xml", NULL);
}

static char *
schema_file (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "award-desk.xsd", NULL);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

static gint64
import_ok (AwdStore   *store,
           const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = awd_xml_import (store, path, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ids);
  if (ids == NULL || ids->len == 0)
    return 0;
  return g_array_index (ids, gint64, 0);
}

static void
export_ok (AwdStore   *store,
           gint64      round_id,
           const char *path)
{
  g_autoptr(GError) error = NULL;

  awd_xml_export (store, round_id > 0 ? &round_id : NULL, round_id > 0 ? 1 : 0, path,
                  NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

/* xmllint, not libxml2 in this process: an outside judge of validity. */
static void
assert_valid_by_xmllint (const char *path)
{
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");
  g_autofree char *schema = schema_file ();
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = -1;
  const char *argv[] = { xmllint, "--noout", "--nonet", "--schema", schema, path, NULL };

  if (xmllint == NULL)
    {
      g_test_skip ("xmllint is not installed");
      return;
    }
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err,
                &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_test_message ("xmllint: %s", err);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

static gint64
count (Fixture    *f,
       const char *sql)
{
  return awd_test_raw_count (f->db_path, sql);
}

static void check_refused (Fixture    *f,
                           const char *path,
                           const char *expected);

/* Round trips ------------------------------------------------------------- */

static void
check_round_trip (Fixture    *f,
                  const char *source)
{
  g_autofree char *e1 = g_build_filename (f->dir, "e1.xml", NULL);
  g_autofree char *e1b = g_build_filename (f->dir, "e1b.xml", NULL);
  g_autofree char *e2 = g_build_filename (f->dir, "e2.xml", NULL);
  g_autoptr(AwdStore) other = awd_test_open_store (f->dir, "b.db");
  g_autoptr(GBytes) b1 = NULL;
  g_autoptr(GBytes) b1b = NULL;
  g_autoptr(GBytes) b2 = NULL;
  gint64 id1, id2;

  id1 = import_ok (f->store, source);
  export_ok (f->store, id1, e1);
  export_ok (f->store, id1, e1b);
  id2 = import_ok (other, e1);
  export_ok (other, id2, e2);

  b1 = read_bytes (e1);
  b1b = read_bytes (e1b);
  b2 = read_bytes (e2);
  g_assert_cmpuint (g_bytes_get_size (b1), >, 500);
  g_assert_true (g_bytes_equal (b1, b1b));
  g_assert_true (g_bytes_equal (b1, b2));

  assert_valid_by_xmllint (e1);
}

static void
test_round_trip_sample (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *sample = sample_file ();
  g_autofree char *e1 = g_build_filename (f->dir, "e1.xml", NULL);
  g_autofree char *text = NULL;

  check_round_trip (f, sample);

  /* What the sample holds arrived: 19 nominations, 328 scores, an
   * attachment with its checksum, partners, conflicts, votes, a winner. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM nomination"), ==, 19);
  g_assert_cmpint (count (f, "SELECT count(*) FROM score"), ==, 328);
  g_assert_cmpint (count (f, "SELECT count(*) FROM attachment WHERE sha256 ="
                             " '16df6d84d18f3acaf986ee9041a09a932d86effdd6403dac42d6c0b4b37fd560'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM conflict"), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM vote"), ==, 3);
  g_assert_cmpint (count (f, "SELECT count(*) FROM category WHERE winner_id IS NOT NULL"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM partner"), >, 20);

  g_file_get_contents (e1, &text, NULL, NULL);
  g_assert_nonnull (strstr (text, "<score juror=\"j1\" nomination=\"n1\" criterion=\"c1\" value=\""));
  g_assert_nonnull (strstr (text, "winner=\"n15\""));
}

static void
test_round_trip_final (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *source = data_file ("checksum-small.xml");
  g_autofree char *e1 = g_build_filename (f->dir, "e1.xml", NULL);
  g_autofree char *text = NULL;

  check_round_trip (f, source);
  g_assert_cmpint (count (f, "SELECT count(*) FROM round WHERE status = 'final' AND results_checksum ="
                             " '09605b2326008d262777557b7db9d4a9cb0e1cc859057d7cb1e43502917c9378'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM result"), >, 0);

  g_file_get_contents (e1, &text, NULL, NULL);
  g_assert_nonnull (strstr (text, "checksum=\"sha256:09605b2326008d262777557b7db9d4a9cb0e1cc859057d7cb1e43502917c9378\""));
}

static const char *
or_dash (const char *text)
{
  return text != NULL ? text : "-";
}

/* What a round holds besides its set-up and scores, as text: the jurors'
 * withdrawal reasons, the recorded decisions by nomination ref, and the
 * finalization date. Two stores holding the same round give the same text. */
static char *
describe_decisions (AwdStore *store,
                    gint64    round_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) jurors = awd_store_list_jurors (store, round_id, &error);
  g_autoptr(GListModel) nominations = awd_store_list_nominations (store, round_id, &error);
  g_autoptr(GArray) awards = awd_store_list_awards (store, round_id, &error);
  g_autoptr(AwdRound) round = awd_store_get_round (store, round_id, &error);
  g_autoptr(GHashTable) refs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  if (jurors == NULL || nominations == NULL || awards == NULL || round == NULL)
    return g_string_free (text, FALSE);

  for (guint i = 0; i < g_list_model_get_n_items (jurors); i++)
    {
      g_autoptr(AwdJuror) j = g_list_model_get_item (jurors, i);
      g_string_append_printf (text, "juror|%s|%d|%s\n", awd_juror_get_name (j),
                              awd_juror_get_withdrawn (j), or_dash (awd_juror_get_withdrawn_reason (j)));
    }
  for (guint i = 0; i < g_list_model_get_n_items (nominations); i++)
    {
      g_autoptr(AwdNomination) n = g_list_model_get_item (nominations, i);
      gint64 id = awd_nomination_get_id (n);
      g_hash_table_insert (refs, g_memdup2 (&id, sizeof id), g_strdup (awd_nomination_get_ref (n)));
    }
  for (guint i = 0; i < awards->len; i++)
    {
      const AwdAwardRow *row = &g_array_index (awards, AwdAwardRow, i);
      g_string_append_printf (text, "award|%s|%s|%s\n",
                              (const char *) g_hash_table_lookup (refs, &row->nomination_id),
                              row->mark != AWD_AWARD_MARK_NONE ? awd_award_mark_to_string (row->mark) : "-",
                              or_dash (row->note));
    }
  g_string_append_printf (text, "finalized|%s\n", or_dash (awd_round_get_finalized_at (round)));
  return g_string_free (text, FALSE);
}

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text != NULL && strstr (text, needle) != NULL;
}

/* A round that is not final: a withdrawn juror's reason and the recorded
 * decisions (a mark with a note, a mark alone, a note alone) go out and
 * come back, byte for byte and row for row. */
static void
test_round_trip_decisions (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *sample = sample_file ();
  g_autofree char *e1 = g_build_filename (f->dir, "e1.xml", NULL);
  g_autofree char *e2 = g_build_filename (f->dir, "e2.xml", NULL);
  g_autoptr(AwdStore) other = awd_test_open_store (f->dir, "b.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) jurors = NULL;
  g_autoptr(GListModel) nominations = NULL;
  g_autoptr(AwdJuror) j2 = NULL;
  g_autoptr(AwdNomination) n1 = NULL;
  g_autoptr(AwdNomination) n2 = NULL;
  g_autoptr(AwdNomination) n3 = NULL;
  g_autoptr(GBytes) b1 = NULL;
  g_autoptr(GBytes) b2 = NULL;
  g_autoptr(GArray) awards = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 round_id = import_ok (f->store, sample);
  gint64 other_id;

  jurors = awd_store_list_jurors (f->store, round_id, NULL);
  nominations = awd_store_list_nominations (f->store, round_id, NULL);
  j2 = g_list_model_get_item (jurors, 1);
  n1 = g_list_model_get_item (nominations, 0);
  n2 = g_list_model_get_item (nominations, 1);
  n3 = g_list_model_get_item (nominations, 2);

  awd_juror_set_withdrawn (j2, TRUE);
  awd_juror_set_withdrawn_reason (j2, "Заболела; «вернётся» в следующем сезоне & <позже>");
  g_assert_true (awd_store_save_juror (f->store, j2, &error));
  g_assert_no_error (error);
  g_assert_true (awd_store_set_award (f->store, awd_nomination_get_id (n1), AWD_AWARD_MARK_LAUREATE,
                                      "Единогласно", &error));
  g_assert_true (awd_store_set_award (f->store, awd_nomination_get_id (n2), AWD_AWARD_MARK_DIPLOMA,
                                      NULL, &error));
  g_assert_true (awd_store_set_award (f->store, awd_nomination_get_id (n3), AWD_AWARD_MARK_NONE,
                                      "Ничья решена председателем:\nпо новизне", &error));
  g_assert_no_error (error);

  export_ok (f->store, round_id, e1);
  assert_valid_by_xmllint (e1);
  g_assert_true (file_contains (e1, " withdrawn=\"true\" reason=\"Заболела; «вернётся» в следующем сезоне &amp; &lt;позже&gt;\""));
  g_assert_true (file_contains (e1, "<decision nomination=\"n1\" award=\"laureate\" note=\"Единогласно\"/>"));
  g_assert_true (file_contains (e1, "<decision nomination=\"n2\" award=\"diploma\"/>"));
  g_assert_true (file_contains (e1, "<decision nomination=\"n3\" note=\"Ничья решена председателем:&#10;по новизне\"/>"));
  g_assert_false (file_contains (e1, "<results"));

  other_id = import_ok (other, e1);
  export_ok (other, other_id, e2);
  b1 = read_bytes (e1);
  b2 = read_bytes (e2);
  g_assert_true (g_bytes_equal (b1, b2));

  before = describe_decisions (f->store, round_id);
  after = describe_decisions (other, other_id);
  g_assert_cmpstr (before, ==, after);
  g_assert_nonnull (strstr (after, "|1|Заболела; «вернётся» в следующем сезоне & <позже>\n"));
  g_assert_nonnull (strstr (after, "award|2024-001|laureate|Единогласно\n"));
  g_assert_nonnull (strstr (after, "award|2024-003|-|Ничья решена председателем:\nпо новизне\n"));
  awards = awd_store_list_awards (other, other_id, &error);
  g_assert_cmpuint (awards->len, ==, 3);
}

/* A round finalized here: its date and its recorded decisions (a note
 * alone, not the laureates the finalization proposed) survive the trip. */
static void
test_round_trip_final_decisions (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *sample = sample_file ();
  g_autofree char *e1 = g_build_filename (f->dir, "e1.xml", NULL);
  g_autofree char *e2 = g_build_filename (f->dir, "e2.xml", NULL);
  g_autofree char *attribute = NULL;
  g_autoptr(AwdStore) other = awd_test_open_store (f->dir, "b.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) nominations = NULL;
  g_autoptr(AwdNomination) n3 = NULL;
  g_autoptr(AwdRound) round = NULL;
  g_autoptr(AwdRound) imported = NULL;
  g_autoptr(GBytes) b1 = NULL;
  g_autoptr(GBytes) b2 = NULL;
  g_autoptr(GArray) awards = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 round_id = import_ok (f->store, sample);
  gint64 other_id;

  nominations = awd_store_list_nominations (f->store, round_id, NULL);
  n3 = g_list_model_get_item (nominations, 2);
  g_assert_true (awd_store_set_award (f->store, awd_nomination_get_id (n3), AWD_AWARD_MARK_NONE,
                                      "Отмечена жюри", &error));
  g_assert_true (awd_store_finalize_round (f->store, round_id, &error));
  g_assert_no_error (error);
  round = awd_store_get_round (f->store, round_id, NULL);
  g_assert_nonnull (awd_round_get_finalized_at (round));

  export_ok (f->store, round_id, e1);
  assert_valid_by_xmllint (e1);
  attribute = g_strdup_printf (" finalized=\"%s\"", awd_round_get_finalized_at (round));
  g_assert_true (file_contains (e1, attribute));
  g_assert_true (file_contains (e1, "<decisions>"));
  g_assert_true (file_contains (e1, "<decision nomination=\"n3\" note=\"Отмечена жюри\"/>"));
  g_assert_true (file_contains (e1, "award=\"laureate\""));

  other_id = import_ok (other, e1);
  imported = awd_store_get_round (other, other_id, NULL);
  g_assert_cmpint (awd_round_get_status (imported), ==, AWD_ROUND_STATUS_FINAL);
  g_assert_cmpstr (awd_round_get_finalized_at (imported), ==, awd_round_get_finalized_at (round));
  /* The recorded decision only: the proposed laureates are in the results. */
  awards = awd_store_list_awards (other, other_id, &error);
  g_assert_cmpuint (awards->len, ==, 1);
  before = describe_decisions (f->store, round_id);
  after = describe_decisions (other, other_id);
  g_assert_cmpstr (before, ==, after);

  export_ok (other, other_id, e2);
  b1 = read_bytes (e1);
  b2 = read_bytes (e2);
  g_assert_true (g_bytes_equal (b1, b2));
}

/* A final round finalized with nothing recorded: an empty <decisions/> says
 * so, and the import records nothing. */
static void
test_round_trip_final_no_decisions (Fixture       *f,
                                    gconstpointer  data)
{
  g_autofree char *sample = sample_file ();
  g_autofree char *e1 = g_build_filename (f->dir, "e1.xml", NULL);
  g_autoptr(AwdStore) other = awd_test_open_store (f->dir, "b.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) awards = NULL;
  gint64 round_id = import_ok (f->store, sample);
  gint64 other_id;

  g_assert_true (awd_store_finalize_round (f->store, round_id, &error));
  g_assert_no_error (error);
  export_ok (f->store, round_id, e1);
  g_assert_true (file_contains (e1, "<decisions/>"));
  other_id = import_ok (other, e1);
  awards = awd_store_list_awards (other, other_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (awards->len, ==, 0);
}

/* The finalization date of a file: kept in UTC; a file without one (written
 * before the attribute existed) imports as before, without a date and with
 * its results' marks as the recorded decisions; a date the program cannot
 * keep is refused at the line of <results>. */
static void
test_final_finalized_date (Fixture       *f,
                           gconstpointer  data)
{
  static const char checksum[] =
    "checksum=\"sha256:09605b2326008d262777557b7db9d4a9cb0e1cc859057d7cb1e43502917c9378\"";
  g_autofree char *source = data_file ("checksum-small.xml");
  g_autofree char *dated = g_build_filename (f->dir, "dated.xml", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "bad.xml", NULL);
  g_autofree char *e1 = g_build_filename (f->dir, "e1.xml", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GString) edited = NULL;
  g_autoptr(AwdRound) old_round = NULL;
  g_autoptr(AwdRound) dated_round = NULL;
  g_autoptr(GArray) awards = NULL;
  g_autoptr(GError) error = NULL;
  gint64 old_id, dated_id;

  old_id = import_ok (f->store, source);
  old_round = awd_store_get_round (f->store, old_id, NULL);
  g_assert_null (awd_round_get_finalized_at (old_round));
  awards = awd_store_list_awards (f->store, old_id, &error);
  g_assert_cmpuint (awards->len, ==, 4);

  g_assert_true (g_file_get_contents (source, &text, NULL, NULL));
  edited = g_string_new (text);
  g_assert_cmpuint (g_string_replace (edited, checksum, "finalized=\"2024-12-01T13:00:00+03:00\" checksum=\"sha256:"
                                      "09605b2326008d262777557b7db9d4a9cb0e1cc859057d7cb1e43502917c9378\"", 1), ==, 1);
  g_file_set_contents (dated, edited->str, -1, NULL);
  dated_id = import_ok (f->store, dated);
  dated_round = awd_store_get_round (f->store, dated_id, NULL);
  g_assert_cmpstr (awd_round_get_finalized_at (dated_round), ==, "2024-12-01T10:00:00Z");
  export_ok (f->store, dated_id, e1);
  g_assert_true (file_contains (e1, " finalized=\"2024-12-01T10:00:00Z\""));
  assert_valid_by_xmllint (e1);

  g_string_replace (edited, "2024-12-01T13:00:00+03:00", "2024-12-01T24:00:00Z", 1);
  g_file_set_contents (bad, edited->str, -1, NULL);
  check_refused (f, bad, ":50: ");
}

/* A finalized round whose export is altered afterwards: one score changed
 * is caught by the recomputation. */
static void
test_final_tampered (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *source = data_file ("checksum-small.xml");
  g_autofree char *text = NULL;
  g_autofree char *tampered = g_build_filename (f->dir, "t.xml", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  char *score;

  g_file_get_contents (source, &text, NULL, NULL);
  score = strstr (text, "value=\"");
  g_assert_nonnull (score);
  score[7] = score[7] == '1' ? '2' : '1';
  g_file_set_contents (tampered, text, -1, NULL);

  ids = awd_xml_import (f->store, tampered, NULL, NULL, NULL, &error);
  g_assert_null (ids);
  g_assert_error (error, AWD_XML_ERROR, AWD_XML_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, tampered));
  g_assert_cmpint (count (f, "SELECT count(*) FROM round"), ==, 0);
}

static void
test_import_twice (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *sample = sample_file ();
  gint64 a = import_ok (f->store, sample);
  gint64 b = import_ok (f->store, sample);

  g_assert_cmpint (a, >, 0);
  g_assert_cmpint (b, >, a);
  g_assert_cmpint (count (f, "SELECT count(*) FROM round"), ==, 2);
  /* One audit row per import. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit WHERE action = 'import'"), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit WHERE action <> 'migrate'"), ==, 2);
}

static void
test_export_all (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *sample = sample_file ();
  g_autofree char *minimal = data_file ("minimal.xml");
  g_autofree char *all = g_build_filename (f->dir, "all.xml", NULL);
  g_autoptr(AwdStore) other = awd_test_open_store (f->dir, "b.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *text = NULL;

  import_ok (f->store, sample);
  import_ok (f->store, minimal);
  export_ok (f->store, 0, all);
  assert_valid_by_xmllint (all);
  g_file_get_contents (all, &text, NULL, NULL);
  g_assert_nonnull (strstr (text, "<round key=\"r2\""));

  ids = awd_xml_import (other, all, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 2);
}

static void
test_export_decimals (Fixture       *f,
                      gconstpointer  data)
{
  static const struct { double value; const char *text; } cases[] = {
    { 0.5, "0.5" }, { 2, "2" }, { 7.25, "7.25" }, { 0.1, "0.1" }, { -1.125, "-1.125" },
    { 1e-7, "0.0000001" }, { 10, "10" }, { -0.0, "0" }, { 1e20, "100000000000000000000" },
    { 1.0 / 3.0, "0.3333333333333333" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = awd_xml_format_decimal (cases[i].value);
      g_assert_cmpstr (text, ==, cases[i].text);
    }

  /* Every value reads back exactly, without an exponent. */
  for (guint i = 0; i < 2000; i++)
    {
      double v = g_test_rand_double_range (-1000, 1000);
      g_autofree char *text = awd_xml_format_decimal (v);

      g_assert_null (strpbrk (text, "eE,"));
      g_assert_cmpfloat (g_ascii_strtod (text, NULL), ==, v);
    }
}

/* Refusals ------------------------------------------------------------------ */

static gboolean
bytes_contain (GBytes     *bytes,
               const char *needle)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  gsize n = strlen (needle);

  for (gsize i = 0; data != NULL && i + n <= size; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

/* Nothing of the marker file in the database file or its journal. */
static void
assert_not_in_database (Fixture    *f,
                        const char *needle)
{
  const char *suffixes[] = { "", "-wal", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (f->db_path, suffixes[i], NULL);
      g_autoptr(GBytes) bytes = NULL;

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        continue;
      bytes = read_bytes (path);
      g_assert_false (bytes_contain (bytes, needle));
    }
}

static void
check_refused (Fixture    *f,
               const char *path,
               const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  gint64 rounds = count (f, "SELECT count(*) FROM round");
  gint64 audit = count (f, "SELECT count(*) FROM audit");
  gint64 nominations = count (f, "SELECT count(*) FROM nomination");

  ids = awd_xml_import (f->store, path, NULL, NULL, NULL, &error);
  g_assert_null (ids);
  g_assert_nonnull (error);
  if (error == NULL)
    return;
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_true (g_str_has_prefix (error->message + strlen (path), ":"));
  g_assert_null (strchr (error->message, '\n'));
  if (expected != NULL)
    g_assert_nonnull (strstr (error->message, expected));
  g_assert_null (strstr (error->message, MARKER));
  g_assert_null (strstr (error->message, "root:"));

  g_assert_cmpint (count (f, "SELECT count(*) FROM round"), ==, rounds);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit"), ==, audit);
  g_assert_cmpint (count (f, "SELECT count(*) FROM nomination"), ==, nominations);
  assert_not_in_database (f, MARKER);
  assert_not_in_database (f, "root:x:0:0");
}

typedef struct {
  const char *file;
  const char *expected;   /* part of the message, or NULL */
} Refusal;

static const Refusal refusals[] = {
  { "billion-laughs.xml", "DOCTYPE" },
  { "xxe-passwd.xml", "DOCTYPE" },
  { "external-dtd.xml", "DOCTYPE" },
  { "xinclude.xml", NULL },
  { "wrong-namespace.xml", NULL },
  { "bad-status.xml", "closed" },
  { "missing-title.xml", NULL },
  { "duplicate-nomination-key.xml", NULL },
  { "truncated.xml", NULL },
  { "score-out-of-scale.xml", "11" },
  { "score-off-step.xml", "7.25" },
  { "score-unknown-juror.xml", "j9" },
  { "score-unknown-nomination.xml", "n9" },
  { "score-unknown-criterion.xml", "c9" },
  { "duplicate-score.xml", NULL },
  { "duplicate-ref.xml", NULL },
  { "results-not-final.xml", NULL },
  { "final-without-results.xml", NULL },
  { "final-bad-checksum.xml", "checksum" },
  { "final-wrong-score.xml", "2021-001" },
  { "decision-unknown-nomination.xml", ".xml:19: “n9” is not the key of a nomination" },
  { "decision-empty.xml", ".xml:14: A decision needs an award mark, a note or both" },
};

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  const Refusal *r = data;
  g_autofree char *path = data_file (r->file);
  g_autofree char *minimal = data_file ("minimal.xml");

  /* Some content first, so "unchanged" means something. */
  import_ok (f->store, minimal);
  check_refused (f, path, r->expected);
}

/* External entities and DTDs pointing at a file whose content must never
 * show up anywhere. */
static void
test_refused_marker (Fixture       *f,
                     gconstpointer  data)
{
  const char *kind = data;
  g_autofree char *secret = g_build_filename (f->dir, "secret.txt", NULL);
  g_autofree char *doc = g_build_filename (f->dir, "hostile.xml", NULL);
  g_autofree char *text = NULL;
  g_autofree char *body = NULL;

  /* The entity's reference goes into the title. */
  body = g_strdup_printf ("<award-desk xmlns=\"urn:award-desk:exchange:1\" version=\"1\">\n"
                          "  <round key=\"r1\" award=\"A\" number=\"1\" year=\"2021\" status=\"draft\">\n"
                          "    <title>%s</title>\n"
                          "    <scale min=\"0\" max=\"10\" step=\"1\"/>\n"
                          "  </round>\n"
                          "</award-desk>\n", g_str_equal (kind, "entity") ? "&x;" : "T");

  g_file_set_contents (secret, MARKER "\n", -1, NULL);
  if (g_str_equal (kind, "entity"))
    text = g_strdup_printf ("<?xml version=\"1.0\"?>\n<!DOCTYPE award-desk [<!ENTITY x SYSTEM \"file://%s\">]>\n%s",
                            secret, body);
  else if (g_str_equal (kind, "parameter"))
    text = g_strdup_printf ("<?xml version=\"1.0\"?>\n<!DOCTYPE award-desk [<!ENTITY %% p SYSTEM \"file://%s\"> %%p;]>\n%s",
                            secret, body);
  else
    text = g_strdup_printf ("<?xml version=\"1.0\"?>\n<!DOCTYPE award-desk SYSTEM \"file://%s\">\n%s",
                            secret, body);
  g_file_set_contents (doc, text, -1, NULL);
  check_refused (f, doc, NULL);
}

static void
test_too_large (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *sample = sample_file ();

  g_setenv ("AWARD_DESK_XML_MAX_SIZE", "4096", TRUE);
  check_refused (f, sample, NULL);
  g_unsetenv ("AWARD_DESK_XML_MAX_SIZE");
  g_assert_cmpint (import_ok (f->store, sample), >, 0);
}

static void
test_cancelled (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *sample = sample_file ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;

  g_cancellable_cancel (cancellable);
  ids = awd_xml_import (f->store, sample, cancellable, NULL, NULL, &error);
  g_assert_null (ids);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (count (f, "SELECT count(*) FROM round"), ==, 0);
}

static void
progress_cb (guint64  done,
             guint64  total,
             gpointer user_data)
{
  guint64 *last = user_data;

  g_assert_cmpuint (done, >=, *last);
  *last = done;
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GArray **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = awd_xml_import_finish (AWD_STORE (source), result, &error);
  g_assert_no_error (error);
}

static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *sample = sample_file ();
  GArray *ids = NULL;
  guint64 last = 0;
  struct stat st;

  awd_xml_import_async (f->store, sample, NULL, progress_cb, &last, import_done_cb, &ids);
  while (ids == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (ids->len, ==, 1);
  g_stat (sample, &st);
  g_assert_cmpuint (last, ==, (guint64) st.st_size);
  g_array_unref (ids);
}

/* The store API used by the importer, through its interactive calls ------------ */

static void
test_store_rules (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *sample = sample_file ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) jurors = NULL;
  g_autoptr(GListModel) criteria = NULL;
  g_autoptr(GListModel) nominations = NULL;
  g_autoptr(GListModel) found = NULL;
  g_autoptr(AwdJuror) j4 = NULL;
  g_autoptr(AwdCriterion) c1 = NULL;
  g_autoptr(AwdNomination) n1 = NULL;
  g_autoptr(AwdNomination) n2 = NULL;
  g_autoptr(AwdNomination) dup = NULL;
  gint64 round_id = import_ok (f->store, sample);
  gint64 audit;
  double value = 0;

  jurors = awd_store_list_jurors (f->store, round_id, NULL);
  criteria = awd_store_list_criteria (f->store, round_id, NULL);
  nominations = awd_store_list_nominations (f->store, round_id, NULL);
  j4 = g_list_model_get_item (jurors, 3);
  c1 = g_list_model_get_item (criteria, 0);
  n1 = g_list_model_get_item (nominations, 0);
  n2 = g_list_model_get_item (nominations, 1);
  g_assert_cmpstr (awd_nomination_get_ref (n1), ==, "2024-001");

  audit = count (f, "SELECT count(*) FROM audit");
  g_assert_true (awd_store_set_score (f->store, awd_juror_get_id (j4), awd_nomination_get_id (n1),
                                      awd_criterion_get_id (c1), 3, &error));
  g_assert_no_error (error);
  g_assert_true (awd_store_get_score (f->store, awd_juror_get_id (j4), awd_nomination_get_id (n1),
                                      awd_criterion_get_id (c1), &value, NULL));
  g_assert_cmpfloat (value, ==, 3);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit"), ==, audit + 1);

  g_assert_false (awd_store_set_score (f->store, awd_juror_get_id (j4), awd_nomination_get_id (n1),
                                       awd_criterion_get_id (c1), 10.5, &error));
  g_assert_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (awd_store_set_score (f->store, awd_juror_get_id (j4), awd_nomination_get_id (n1),
                                       awd_criterion_get_id (c1), 3.5, &error));
  g_assert_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* j4 has a conflict with 2024-002 in the sample. */
  g_assert_false (awd_store_set_score (f->store, awd_juror_get_id (j4), awd_nomination_get_id (n2),
                                       awd_criterion_get_id (c1), 3, &error));
  g_assert_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "conflict"));
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit"), ==, audit + 1);

  /* A duplicate ref is refused with a message naming it. */
  dup = awd_nomination_copy (n1);
  awd_nomination_set_id (dup, 0);
  g_assert_false (awd_store_insert_nomination (f->store, dup, &error));
  g_assert_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2024-001"));
  g_clear_error (&error);
  awd_nomination_set_ref (dup, "2024-100");
  awd_nomination_set_country (dup, "ru");
  g_assert_false (awd_store_insert_nomination (f->store, dup, &error));
  g_assert_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  awd_nomination_set_country (dup, "RU");
  awd_nomination_set_received (dup, "2024-02-30");
  g_assert_false (awd_store_insert_nomination (f->store, dup, &error));
  g_clear_error (&error);
  awd_nomination_set_received (dup, "2024-02-29");
  awd_nomination_set_category_id (dup, 0);
  g_assert_false (awd_store_insert_nomination (f->store, dup, &error));
  g_clear_error (&error);
  awd_nomination_set_category_id (dup, awd_nomination_get_category_id (n1));
  awd_nomination_set_title (dup, "Ёлочная игрушка — Новая ЗАЯВКА");
  g_assert_true (awd_store_insert_nomination (f->store, dup, &error));
  g_assert_no_error (error);

  /* Search: folded, prefix, ё = е, several words ANDed, quotes harmless. */
  found = awd_store_search_nominations (f->store, round_id, "елочн заяв", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
  g_clear_object (&found);
  found = awd_store_search_nominations (f->store, round_id, "КАЗАНСК", &error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
  g_clear_object (&found);
  found = awd_store_search_nominations (f->store, round_id, "\"OR* NEAR(", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 0);
  g_clear_object (&found);
  found = awd_store_search_nominations (f->store, round_id, "  ", &error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 20);
}

static void
test_attachments (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *sample = sample_file ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) nominations = NULL;
  g_autoptr(AwdNomination) n2 = NULL;
  g_autoptr(AwdAttachment) a = NULL;
  g_autoptr(GBytes) data_in = g_bytes_new_static ("hello", 5);
  g_autoptr(GBytes) data_out = NULL;
  g_autoptr(GBytes) big = NULL;
  gint64 round_id = import_ok (f->store, sample);

  nominations = awd_store_list_nominations (f->store, round_id, NULL);
  n2 = g_list_model_get_item (nominations, 1);
  a = awd_store_add_attachment (f->store, awd_nomination_get_id (n2), "a.txt", "text/plain", data_in, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (awd_attachment_get_sha256 (a), ==,
                   "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
  data_out = awd_store_get_attachment_data (f->store, awd_attachment_get_id (a), &error);
  g_assert_true (g_bytes_equal (data_in, data_out));

  big = g_bytes_new_take (g_malloc0 (AWD_ATTACHMENT_MAX_SIZE + 1), AWD_ATTACHMENT_MAX_SIZE + 1);
  g_assert_null (awd_store_add_attachment (f->store, awd_nomination_get_id (n2), "big.bin", NULL, big, &error));
  g_assert_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (awd_store_remove_attachment (f->store, awd_attachment_get_id (a), &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM attachment"), ==, 1);
}

/* Through award-desk-cli ---------------------------------------------------- */

static int
run_cli (Fixture     *f,
         char       **out,
         char       **err,
         ...)
{
  const char *cli = g_getenv ("AWD_CLI");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  int status = -1;
  va_list args;

  g_ptr_array_add (argv, (gpointer) cli);
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, f->db_path);
  va_start (args, err);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err,
                &status, &error);
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *sample = sample_file ();
  g_autofree char *e1 = g_build_filename (f->dir, "e1.xml", NULL);
  g_autofree char *e2 = g_build_filename (f->dir, "e2.xml", NULL);
  g_autoptr(GBytes) b1 = NULL;
  g_autoptr(GBytes) b2 = NULL;

  if (g_getenv ("AWD_CLI") == NULL)
    {
      g_test_skip ("AWD_CLI is not set");
      return;
    }
  /* The CLI needs the lock: let go of ours. */
  g_clear_object (&f->store);

  {
    g_autofree char *out = NULL, *err = NULL;
    g_assert_cmpint (run_cli (f, &out, &err, "import-xml", sample, NULL), ==, 0);
    g_assert_cmpstr (out, ==, "");
  }
  {
    g_autofree char *out = NULL, *err = NULL;
    g_assert_cmpint (run_cli (f, &out, &err, "export-xml", "1", e1, NULL), ==, 0);
    g_assert_cmpstr (out, ==, "");
  }
  {
    g_autofree char *out = NULL, *err = NULL;
    g_assert_cmpint (run_cli (f, &out, &err, "export-xml", "--all", e2, NULL), ==, 0);
  }
  b1 = read_bytes (e1);
  b2 = read_bytes (e2);
  g_assert_true (g_bytes_equal (b1, b2));
  assert_valid_by_xmllint (e1);

  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      g_autofree char *path = data_file (refusals[i].file);
      g_autofree char *out = NULL, *err = NULL;
      gint64 rounds = count (f, "SELECT count(*) FROM round");
      gint64 audit = count (f, "SELECT count(*) FROM audit");

      g_assert_cmpint (run_cli (f, &out, &err, "import-xml", path, NULL), ==, 1);
      g_assert_cmpstr (out, ==, "");
      g_test_message ("%s", err);
      /* One line, naming the file and a line. */
      g_assert_nonnull (strstr (err, path));
      g_assert_true (g_str_has_suffix (err, "\n"));
      g_assert_null (strchr (err, '\n') == err + strlen (err) - 1 ? NULL : "more than one line");
      g_assert_null (strstr (err, "root:x:0:0"));
      g_assert_cmpint (count (f, "SELECT count(*) FROM round"), ==, rounds);
      g_assert_cmpint (count (f, "SELECT count(*) FROM audit"), ==, audit);
    }

  {
    g_autofree char *out = NULL, *err = NULL;

    g_setenv ("AWARD_DESK_XML_MAX_SIZE", "1000", TRUE);
    g_assert_cmpint (run_cli (f, &out, &err, "import-xml", sample, NULL), ==, 1);
    g_unsetenv ("AWARD_DESK_XML_MAX_SIZE");
    g_assert_nonnull (strstr (err, sample));
    g_assert_cmpint (count (f, "SELECT count(*) FROM round"), ==, 1);
  }
  {
    g_autofree char *out = NULL, *err = NULL;
    g_assert_cmpint (run_cli (f, &out, &err, "export-xml", e1, NULL), ==, 2);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

#define ADD(path, func, data) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  ADD ("/xml/round-trip/sample", test_round_trip_sample, NULL);
  ADD ("/xml/round-trip/final", test_round_trip_final, NULL);
  ADD ("/xml/round-trip/decisions", test_round_trip_decisions, NULL);
  ADD ("/xml/round-trip/final-decisions", test_round_trip_final_decisions, NULL);
  ADD ("/xml/round-trip/final-no-decisions", test_round_trip_final_no_decisions, NULL);
  ADD ("/xml/import/finalized-date", test_final_finalized_date, NULL);
  ADD ("/xml/import/final-tampered", test_final_tampered, NULL);
  ADD ("/xml/import/twice", test_import_twice, NULL);
  ADD ("/xml/export/all", test_export_all, NULL);
  ADD ("/xml/export/decimals", test_export_decimals, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      g_autofree char *path = g_strdup_printf ("/xml/import/refused/%s", refusals[i].file);
      ADD (path, test_refused, &refusals[i]);
    }
  ADD ("/xml/import/refused/marker-entity", test_refused_marker, "entity");
  ADD ("/xml/import/refused/marker-parameter-entity", test_refused_marker, "parameter");
  ADD ("/xml/import/refused/marker-dtd", test_refused_marker, "dtd");
  ADD ("/xml/import/refused/too-large", test_too_large, NULL);
  ADD ("/xml/import/cancelled", test_cancelled, NULL);
  ADD ("/xml/import/async", test_async, NULL);
  ADD ("/xml/store/rules", test_store_rules, NULL);
  ADD ("/xml/store/attachments", test_attachments, NULL);
  ADD ("/xml/cli", test_cli, NULL);

  return g_test_run ();
}
