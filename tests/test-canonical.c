/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-canonical"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "awd-canonical.h"

/* ---- pieces ------------------------------------------------------------ */

static void
test_escape (void)
{
  struct { const char *in, *out; } cases[] = {
    { "plain", "plain" },
    { "", "" },
    { "a|b", "a\\|b" },
    { "back\\slash", "back\\\\slash" },
    { "two\nlines", "two\\nlines" },
    { "|\\\n", "\\|\\\\\\n" },
    { "Выбор|сообщества", "Выбор\\|сообщества" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = awd_canonical_escape_field (cases[i].in);

      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

static void
check_decimal (double      value,
               const char *expected)
{
  g_autofree char *out = awd_canonical_format_decimal (value);

  g_assert_cmpstr (out, ==, expected);
}

static void
test_decimal (void)
{
  check_decimal (8, "8.000000");
  check_decimal (0.5, "0.500000");
  check_decimal (1.0 / 3, "0.333333");
  check_decimal (2.0 / 3, "0.666667");
  check_decimal (312, "312.000000");
  check_decimal (-0.5, "-0.500000");
  check_decimal (-1.25, "-1.250000");
}

static void
test_negative_zero (void)
{
  check_decimal (0.0, "0.000000");
  check_decimal (-0.0, "0.000000");
  /* A z-score mean that should be 0 but came out as rounding noise. */
  check_decimal (-1e-17, "0.000000");
  check_decimal (-4e-7, "0.000000");
  /* Rounds to -0.000001: a real negative, kept. */
  check_decimal (-6e-7, "-0.000001");
}

/* A Russian locale writes a decimal comma with printf; the canonical text
 * must not notice. */
static void
test_decimal_locale (void)
{
  g_autofree char *saved = g_strdup (setlocale (LC_NUMERIC, NULL));

  if (setlocale (LC_NUMERIC, "ru_RU.UTF-8") == NULL)
    {
      g_test_skip ("ru_RU.UTF-8 is not available");
      return;
    }
  check_decimal (7.65, "7.650000");
  check_decimal (-0.0, "0.000000");
  setlocale (LC_NUMERIC, saved);
}

static void
test_checksum_known (void)
{
  g_autofree char *empty = awd_canonical_checksum ("");
  g_autofree char *abc = awd_canonical_checksum ("abc");

  /* FIPS 180-2 test vectors. */
  g_assert_cmpstr (empty, ==, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  g_assert_cmpstr (abc, ==, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

/* Lines of one kind are sorted bytewise, whatever the order of the input
 * and whatever the locale's collation: "A" < "B" < "a" < "b" < "Я". */
static void
test_sorting (void)
{
  g_autoptr(AwdResultsInput) in = awd_results_input_new ("X", 1, 2024);
  g_autoptr(AwdResults) res = NULL;
  g_autofree char *text = NULL;
  const char *names[] = { "b", "Я", "a", "B", "A" };
  const char *order[] = { "juror|A|0\n", "juror|B|0\n", "juror|a|0\n", "juror|b|0\n", "juror|Я|0\n" };
  const char *last = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    awd_results_input_add_juror (in, names[i], FALSE);
  res = awd_results_compute (in, AWD_METHOD_MEAN, NULL);
  g_assert_nonnull (res);
  text = awd_canonical_results_text (in, res);

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      const char *at = strstr (text, order[i]);

      g_assert_nonnull (at);
      if (last != NULL && at != NULL)
        g_assert_true (at > last);
      last = at;
    }
}

/* ---- the small full example -------------------------------------------- */

/* The same round as tests/data/xml/checksum-small.xml. Criteria weights 2
 * and 0.5, so T = (2·c1 + 0.5·c2)/2.5:
 *   Иванова: 2023-01 (8, 6.5) = 7.7, 2023-02 (9, 7) = 8.6, 2023-03 ineligible
 *   Petrov:  2023-01 (7, 10) = 7.6, conflict on 2023-02
 *   Sidorov (withdrawn): 2023-01 (10, 10), not counted
 * Mean: 2023-02 = 8.6 (rank 1), 2023-01 = (7.7 + 7.6)/2 = 7.65 (rank 2).
 * Vote: 2023-04 312 (1), 2023-06 40 (2). Direct: 2023-05. */
static AwdResultsInput *
make_small_round (void)
{
  AwdResultsInput *in = awd_results_input_new ("Премия Рудомино", 2, 2023);
  int k_ru, k_vote, k_special, iv, pe, si;
  int n1, n2, n3, n4, n5, n6;

  awd_results_input_set_scale (in, 0, 10, 0.5);
  awd_results_input_add_criterion (in, "Новизна", 2);
  awd_results_input_add_criterion (in, "Охват \\ партнёры", 0.5);
  k_ru = awd_results_input_add_category (in, "Россия", AWD_CATEGORY_KIND_JURY);
  k_vote = awd_results_input_add_category (in, "Выбор|сообщества", AWD_CATEGORY_KIND_VOTE);
  k_special = awd_results_input_add_category (in, "Спецприз", AWD_CATEGORY_KIND_DIRECT);
  iv = awd_results_input_add_juror (in, "Иванова А. А.", FALSE);
  pe = awd_results_input_add_juror (in, "Petrov", FALSE);
  si = awd_results_input_add_juror (in, "Sidorov", TRUE);
  n1 = awd_results_input_add_nomination (in, "2023-01", "Первый", NULL, k_ru, AWD_NOMINATION_STATUS_ELIGIBLE);
  n2 = awd_results_input_add_nomination (in, "2023-02", "Второй", NULL, k_ru, AWD_NOMINATION_STATUS_ELIGIBLE);
  n3 = awd_results_input_add_nomination (in, "2023-03", "Третий", NULL, k_ru, AWD_NOMINATION_STATUS_INELIGIBLE);
  n4 = awd_results_input_add_nomination (in, "2023-04", "Четвёртый", NULL, k_vote, AWD_NOMINATION_STATUS_ELIGIBLE);
  n5 = awd_results_input_add_nomination (in, "2023-05", "Пятый", NULL, k_special, AWD_NOMINATION_STATUS_ELIGIBLE);
  n6 = awd_results_input_add_nomination (in, "2023-06", "Шестой", NULL, k_vote, AWD_NOMINATION_STATUS_ELIGIBLE);
  awd_results_input_add_conflict (in, pe, n2);
  awd_results_input_add_score (in, iv, n1, 0, 8);
  awd_results_input_add_score (in, iv, n1, 1, 6.5);
  awd_results_input_add_score (in, iv, n2, 0, 9);
  awd_results_input_add_score (in, iv, n2, 1, 7);
  awd_results_input_add_score (in, iv, n3, 0, 3);
  awd_results_input_add_score (in, iv, n3, 1, 3);
  awd_results_input_add_score (in, pe, n1, 0, 7);
  awd_results_input_add_score (in, pe, n1, 1, 10);
  awd_results_input_add_score (in, si, n1, 0, 10);
  awd_results_input_add_score (in, si, n1, 1, 10);
  awd_results_input_set_votes (in, n4, 312);
  awd_results_input_set_votes (in, n6, 40);
  awd_results_input_set_winner (in, k_special, n5);
  awd_results_input_set_award_mark (in, n2, AWD_AWARD_MARK_LAUREATE, NULL);
  awd_results_input_set_award_mark (in, n1, AWD_AWARD_MARK_DIPLOMA, "Решение председателя");
  awd_results_input_set_award_mark (in, n4, AWD_AWARD_MARK_LAUREATE, NULL);
  awd_results_input_set_award_mark (in, n5, AWD_AWARD_MARK_LAUREATE, NULL);

  return in;
}

static const char small_text[] =
  "award-desk-results|1\n"
  "round|Премия Рудомино|2|2023|mean|1|0.000000|10.000000|0.500000|none\n"
  "criterion|1|2.000000|Новизна\n"
  "criterion|2|0.500000|Охват \\\\ партнёры\n"
  "category|Выбор\\|сообщества|vote\n"
  "category|Россия|jury\n"
  "category|Спецприз|direct\n"
  "juror|Petrov|0\n"
  "juror|Sidorov|1\n"
  "juror|Иванова А. А.|0\n"
  "nomination|2023-01|Россия|eligible\n"
  "nomination|2023-02|Россия|eligible\n"
  "nomination|2023-03|Россия|ineligible\n"
  "nomination|2023-04|Выбор\\|сообщества|eligible\n"
  "nomination|2023-05|Спецприз|eligible\n"
  "nomination|2023-06|Выбор\\|сообщества|eligible\n"
  "conflict|Petrov|2023-02\n"
  "score|Petrov|2023-01|1|7.000000\n"
  "score|Petrov|2023-01|2|10.000000\n"
  "score|Sidorov|2023-01|1|10.000000\n"
  "score|Sidorov|2023-01|2|10.000000\n"
  "score|Иванова А. А.|2023-01|1|8.000000\n"
  "score|Иванова А. А.|2023-01|2|6.500000\n"
  "score|Иванова А. А.|2023-02|1|9.000000\n"
  "score|Иванова А. А.|2023-02|2|7.000000\n"
  "score|Иванова А. А.|2023-03|1|3.000000\n"
  "score|Иванова А. А.|2023-03|2|3.000000\n"
  "vote|2023-04|312\n"
  "vote|2023-06|40\n"
  "result|Выбор\\|сообщества|1|2023-04|312.000000|laureate\n"
  "result|Выбор\\|сообщества|2|2023-06|40.000000|\n"
  "result|Россия|1|2023-02|8.600000|laureate\n"
  "result|Россия|2|2023-01|7.650000|diploma\n"
  "result|Спецприз|1|2023-05|0.000000|laureate\n";

/* sha256sum of small_text (written to a file with printf '%s'). */
#define SMALL_CHECKSUM "09605b2326008d262777557b7db9d4a9cb0e1cc859057d7cb1e43502917c9378"

static void
test_full_text (void)
{
  g_autoptr(AwdResultsInput) in = make_small_round ();
  g_autoptr(AwdResults) res = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *sum = NULL;

  res = awd_results_compute (in, AWD_METHOD_MEAN, &error);
  g_assert_no_error (error);
  g_assert_nonnull (res);
  g_assert_true (res->complete);

  text = awd_canonical_results_text (in, res);
  g_assert_cmpstr (text, ==, small_text);

  sum = awd_canonical_checksum (text);
  g_assert_cmpstr (sum, ==, SMALL_CHECKSUM);
}

/* The round line names the method of the results, not the round's. */
static void
test_results_method (void)
{
  g_autoptr(AwdResultsInput) in = make_small_round ();
  g_autoptr(AwdResults) res = awd_results_compute (in, AWD_METHOD_MEDIAN, NULL);
  g_autofree char *text = NULL;

  g_assert_nonnull (res);
  text = awd_canonical_results_text (in, res);
  g_assert_nonnull (strstr (text, "\nround|Премия Рудомино|2|2023|median|1|"));
  g_assert_null (strstr (text, "|mean|"));
}

/* Negative zero in stored data (a scale minimum, a score) prints as zero. */
static void
test_negative_zero_text (void)
{
  g_autoptr(AwdResultsInput) in = awd_results_input_new ("Z", 1, 2024);
  g_autoptr(AwdResults) res = NULL;
  g_autofree char *text = NULL;
  int j, n;

  awd_results_input_set_scale (in, -0.0, 1, 1);
  awd_results_input_add_criterion (in, "C", 1);
  j = awd_results_input_add_juror (in, "J", FALSE);
  n = awd_results_input_add_nomination (in, "N", NULL, NULL, -1, AWD_NOMINATION_STATUS_ELIGIBLE);
  awd_results_input_add_score (in, j, n, 0, -0.0);
  res = awd_results_compute (in, AWD_METHOD_ZSCORE, NULL);
  g_assert_nonnull (res);
  text = awd_canonical_results_text (in, res);

  g_assert_null (strstr (text, "-0.000000"));
  g_assert_nonnull (strstr (text, "\nscore|J|N|1|0.000000\n"));
  g_assert_nonnull (strstr (text, "\nresult||1|N|0.000000|\n"));
  g_assert_nonnull (strstr (text, "|zscore|1|0.000000|1.000000|1.000000|none\n"));
}

/* The XML file states the checksum that tests/recompute-checksum.py
 * recomputes from the file (a separate meson test); the engine must agree
 * with it for the same data. */
static void
test_xml_small (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "xml", "checksum-small.xml", NULL);
  g_autoptr(AwdResultsInput) in = make_small_round ();
  g_autoptr(AwdResults) res = awd_results_compute (in, AWD_METHOD_MEAN, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *text = NULL;
  g_autofree char *sum = NULL;
  g_autofree char *stated = NULL;
  const char *at;

  g_assert_true (g_file_get_contents (path, &xml, NULL, &error));
  g_assert_no_error (error);
  if (xml == NULL)
    return;

  at = strstr (xml, "checksum=\"sha256:");
  g_assert_nonnull (at);
  if (at == NULL)
    return;
  at += strlen ("checksum=\"sha256:");
  stated = g_strndup (at, 64);

  g_assert_nonnull (res);
  text = awd_canonical_results_text (in, res);
  sum = awd_canonical_checksum (text);
  g_assert_cmpstr (sum, ==, stated);
  g_assert_cmpstr (stated, ==, SMALL_CHECKSUM);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/canonical/escape", test_escape);
  g_test_add_func ("/canonical/decimal/six-places", test_decimal);
  g_test_add_func ("/canonical/decimal/negative-zero", test_negative_zero);
  g_test_add_func ("/canonical/decimal/russian-locale", test_decimal_locale);
  g_test_add_func ("/canonical/checksum/known", test_checksum_known);
  g_test_add_func ("/canonical/text/sorting", test_sorting);
  g_test_add_func ("/canonical/text/full", test_full_text);
  g_test_add_func ("/canonical/text/results-method", test_results_method);
  g_test_add_func ("/canonical/text/negative-zero", test_negative_zero_text);
  g_test_add_func ("/canonical/xml-small", test_xml_small);

  return g_test_run ();
}
