/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-csv"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include <string.h>

#include "awd-countries.h"
#include "awd-csv-nominations.h"
#include "awd-csv-reader.h"
#include "awd-csv-votes.h"
#include "awd-csv-writer.h"
#include "awd-store.h"
#include "awd-test-util.h"

/* CSV import and export: the reader (encodings, delimiters, quoting, line
 * numbers), the nominations import (mapping, checks, all or nothing), the
 * votes import, the export's round trip, the search, and the CLI commands
 * from the outside (AWD_CLI). */

#define JURY_CATEGORY "Лучший международный библиотечный проект в России"
#define VOTE_CATEGORY "Выбор профессионального сообщества"

typedef struct
{
  char     *dir;
  char     *db;
  AwdStore *store;
  gint64    round_id;      /* year 2024, a jury and a vote category */
  gint64    plain_round;   /* no categories */
  gint64    jury_id;
  gint64    vote_id;
} Fixture;

static char *cli_path;

static gint64
add_category (AwdStore   *store,
              gint64      round_id,
              const char *name,
              int         kind)
{
  g_autoptr(AwdCategory) c = awd_category_new ();
  g_autoptr(GError) error = NULL;

  awd_category_set_round_id (c, round_id);
  awd_category_set_name (c, name);
  awd_category_set_kind (c, kind);
  g_assert_true (awd_store_insert_category (store, c, &error));
  g_assert_no_error (error);
  return awd_category_get_id (c);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = awd_test_make_dir ();
  f->db = g_build_filename (f->dir, "awards.db", NULL);
  f->store = awd_test_open_store (f->dir, "awards.db");
  f->round_id = awd_test_add_round (f->store, "Сезон 2024");
  f->plain_round = awd_test_add_round (f->store, "Без номинаций");
  f->jury_id = add_category (f->store, f->round_id, JURY_CATEGORY, AWD_CATEGORY_KIND_JURY);
  f->vote_id = add_category (f->store, f->round_id, VOTE_CATEGORY, AWD_CATEGORY_KIND_VOTE);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  awd_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->db);
}

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "csv", name, NULL);
}

static AwdCsvNominations *
load_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  AwdCsvNominations *import = awd_csv_nominations_new_for_data (text, strlen (text), "test.csv",
                                                                NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (import);
  return import;
}

static AwdCsvNominations *
load_file (const char *name)
{
  g_autofree char *path = data_path (name);
  g_autoptr(GError) error = NULL;
  AwdCsvNominations *import = awd_csv_nominations_new_for_file (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);
  return import;
}

/* Imports @text into @round_id and expects success; returns the count. */
static guint
import_ok (Fixture    *f,
           gint64      round_id,
           const char *text)
{
  g_autoptr(AwdCsvNominations) import = load_text (text);
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_assert_true (awd_csv_nominations_import (import, f->store, round_id, &n, &error));
  g_assert_no_error (error);
  return n;
}

/* Imports @text and expects a refusal whose first problem is on @line and
 * mentions @fragment; checks that nothing was written. */
static void
import_refused (Fixture    *f,
                gint64      round_id,
                const char *text,
                guint       line,
                const char *fragment)
{
  g_autoptr(AwdCsvNominations) import = load_text (text);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) before = awd_store_list_nominations (f->store, round_id, NULL);
  g_autoptr(GListModel) after = NULL;
  gint64 audit_before = awd_store_count_audit (f->store, NULL);
  GPtrArray *problems;
  guint n = 99;

  g_assert_false (awd_csv_nominations_import (import, f->store, round_id, &n, &error));
  g_assert_error (error, AWD_CSV_ERROR, AWD_CSV_ERROR_INVALID);
  g_assert_cmpuint (n, ==, 0);
  problems = awd_csv_nominations_get_problems (import);
  g_assert_cmpuint (problems->len, >, 0);
  if (problems->len > 0)
    {
      const AwdCsvProblem *p = g_ptr_array_index (problems, 0);

      g_assert_cmpuint (p->line, ==, line);
      if (strstr (p->message, fragment) == NULL)
        g_test_message ("problem: %s", p->message);
      g_assert_nonnull (strstr (p->message, fragment));
    }
  after = awd_store_list_nominations (f->store, round_id, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, g_list_model_get_n_items (before));
  g_assert_cmpint (awd_store_count_audit (f->store, NULL), ==, audit_before);
}

static AwdNomination *
find_nomination (Fixture    *f,
                 gint64      round_id,
                 const char *ref)
{
  g_autoptr(GListModel) list = awd_store_list_nominations (f->store, round_id, NULL);

  for (guint i = 0; list != NULL && i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(AwdNomination) n = g_list_model_get_item (list, i);
      if (g_strcmp0 (awd_nomination_get_ref (n), ref) == 0)
        return g_steal_pointer (&n);
    }
  return NULL;
}

static char *
refs_of (GListModel *list)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; list != NULL && i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(AwdNomination) n = g_list_model_get_item (list, i);
      g_string_append_printf (out, "%s%s", i > 0 ? " " : "", awd_nomination_get_ref (n));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Reader --------------------------------------------------------------- */

static void
test_reader_cp1251_semicolon_crlf (void)
{
  const char *utf8 = "Номер;Название проекта\r\n1;Ёлкино «Книга»\r\n2;Щука\r\n";
  g_autofree char *bytes = NULL;
  g_autoptr(AwdCsvTable) table = NULL;
  g_autoptr(GError) error = NULL;
  gsize len = 0;
  const AwdCsvRecord *r;

  /* The bytes a Russian-locale Excel writes, made here from UTF-8. */
  bytes = g_convert (utf8, -1, "WINDOWS-1251", "UTF-8", NULL, &len, &error);
  g_assert_no_error (error);
  g_assert_false (g_utf8_validate_len (bytes, len, NULL));

  table = awd_csv_table_parse (bytes, len, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (table);
  g_assert_cmpint (table->delimiter, ==, ';');
  g_assert_cmpint (table->encoding, ==, AWD_CSV_ENCODING_WINDOWS_1251);
  g_assert_cmpuint (table->records->len, ==, 3);
  r = g_ptr_array_index (table->records, 1);
  g_assert_cmpuint (r->n_fields, ==, 2);
  g_assert_cmpstr (r->fields[1], ==, "Ёлкино «Книга»");
  g_assert_cmpuint (r->line, ==, 2);
  r = g_ptr_array_index (table->records, 2);
  g_assert_cmpstr (r->fields[1], ==, "Щука");
  g_assert_cmpuint (r->line, ==, 3);
}

static void
test_reader_utf8_bom_comma (void)
{
  g_autofree char *path = data_path ("utf8-bom-comma.csv");
  g_autoptr(AwdCsvTable) table = NULL;
  g_autoptr(GError) error = NULL;
  const AwdCsvRecord *r;

  table = awd_csv_table_read_file (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (table);
  g_assert_cmpint (table->delimiter, ==, ',');
  g_assert_cmpint (table->encoding, ==, AWD_CSV_ENCODING_UTF8_BOM);
  r = g_ptr_array_index (table->records, 0);
  /* The BOM is not part of the first heading. */
  g_assert_cmpstr (r->fields[0], ==, "ref");
  r = g_ptr_array_index (table->records, 2);
  g_assert_cmpstr (r->fields[1], ==, "Немецкий, и не только");
  g_assert_cmpuint (r->n_fields, ==, 5);
}

static void
test_reader_quoted_newlines (void)
{
  const char *text = "a;b;c\n"
                     "1;\"x\r\ny\";\"he said \"\"hi\"\"\"\n"
                     "2;\"\";\"one\ntwo\nthree\"\r\n"
                     "\n"
                     ";;\n"
                     "3;last;\"q;r\"";
  g_autoptr(AwdCsvTable) table = NULL;
  g_autoptr(GError) error = NULL;
  const AwdCsvRecord *r;

  table = awd_csv_table_parse (text, strlen (text), NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (table);
  /* Blank lines and rows of empty fields are dropped. */
  g_assert_cmpuint (table->records->len, ==, 4);
  r = g_ptr_array_index (table->records, 1);
  g_assert_cmpstr (r->fields[1], ==, "x\ny");
  g_assert_cmpstr (r->fields[2], ==, "he said \"hi\"");
  g_assert_cmpuint (r->line, ==, 2);
  r = g_ptr_array_index (table->records, 2);
  g_assert_cmpstr (r->fields[1], ==, "");
  g_assert_cmpstr (r->fields[2], ==, "one\ntwo\nthree");
  g_assert_cmpuint (r->line, ==, 4);
  r = g_ptr_array_index (table->records, 3);
  g_assert_cmpuint (r->line, ==, 9);
  g_assert_cmpstr (r->fields[2], ==, "q;r");
}

static void
test_reader_syntax_errors (void)
{
  const struct { const char *text; guint line; int code; } cases[] = {
    { "a;b\n1;\"open\n2;3\n", 2, AWD_CSV_ERROR_SYNTAX },
    { "a;b\n1;2\n3;\"x\"y\n", 3, AWD_CSV_ERROR_SYNTAX },
    { "", 0, AWD_CSV_ERROR_EMPTY },
    { "\r\n\r\n", 0, AWD_CSV_ERROR_EMPTY },
    { "a;b\n1;\0;2\n", 0, AWD_CSV_ERROR_ENCODING },
    { "\xEF\xBB\xBF" "a;\xC3\n", 0, AWD_CSV_ERROR_ENCODING },
  };
  const gsize lengths[] = { 0, 0, 0, 0, 10, 6 };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AwdCsvTable) table = NULL;
      guint line = 99;
      gsize len = lengths[i] > 0 ? lengths[i] : strlen (cases[i].text);

      table = awd_csv_table_parse (cases[i].text, len, &line, &error);
      g_assert_null (table);
      g_assert_error (error, AWD_CSV_ERROR, cases[i].code);
      g_assert_cmpuint (line, ==, cases[i].line);
    }
}

static void
test_reader_too_many_columns (void)
{
  g_autoptr(GString) text = g_string_new ("a");
  g_autoptr(AwdCsvTable) table = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < AWD_CSV_MAX_COLUMNS + 5; i++)
    g_string_append (text, ";x");
  table = awd_csv_table_parse (text->str, text->len, NULL, &error);
  g_assert_null (table);
  g_assert_error (error, AWD_CSV_ERROR, AWD_CSV_ERROR_TOO_LARGE);
}

/* Nominations ---------------------------------------------------------- */

static void
test_import_russian_headers_1251 (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(AwdCsvNominations) import = load_file ("ru-headers-1251.csv");
  g_autoptr(AwdNomination) a = NULL;
  g_autoptr(AwdNomination) b = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_assert_cmpint (awd_csv_nominations_get_table (import)->encoding, ==, AWD_CSV_ENCODING_WINDOWS_1251);
  for (guint c = 0; c < awd_csv_nominations_get_n_columns (import); c++)
    g_assert_cmpint (awd_csv_nominations_get_column_field (import, c), !=, AWD_CSV_FIELD_IGNORE);
  /* «Номинация» is the category, not a nomination. */
  g_assert_cmpint (awd_csv_nominations_get_column_field (import, 13), ==, AWD_CSV_FIELD_CATEGORY);

  g_assert_true (awd_csv_nominations_import (import, f->store, f->round_id, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);

  a = find_nomination (f, f->round_id, "2024-101");
  g_assert_nonnull (a);
  if (a != NULL)
    {
      g_assert_cmpstr (awd_nomination_get_title (a), ==, "Ёлкинские чтения");
      g_assert_cmpstr (awd_nomination_get_title_en (a), ==, "Yolkino Readings");
      g_assert_cmpstr (awd_nomination_get_city (a), ==, "Екатеринбург");
      g_assert_cmpstr (awd_nomination_get_country (a), ==, "RU");
      g_assert_cmpstr (awd_nomination_get_summary (a), ==, "Чтения; обмен \"книгами\"");
      g_assert_cmpstr (awd_nomination_get_contact_email (a), ==, "ivanova@example.org");
      g_assert_cmpstr (awd_nomination_get_received (a), ==, "2024-10-31");
      g_assert_cmpint (awd_nomination_get_status (a), ==, AWD_NOMINATION_STATUS_ELIGIBLE);
      g_assert_cmpint (awd_nomination_get_category_id (a), ==, f->jury_id);
    }
  b = find_nomination (f, f->round_id, "2024-102");
  g_assert_nonnull (b);
  if (b != NULL)
    {
      g_assert_cmpstr (awd_nomination_get_country (b), ==, "BY");
      /* The category's name matched regardless of case. */
      g_assert_cmpint (awd_nomination_get_category_id (b), ==, f->vote_id);
      g_assert_cmpint (awd_nomination_get_status (b), ==, AWD_NOMINATION_STATUS_RECEIVED);
    }
}

static void
test_import_utf8_bom_comma (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(AwdCsvNominations) import = load_file ("utf8-bom-comma.csv");
  g_autoptr(AwdNomination) b = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_assert_true (awd_csv_nominations_import (import, f->store, f->round_id, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  b = find_nomination (f, f->round_id, "2024-202");
  g_assert_nonnull (b);
  if (b != NULL)
    {
      g_assert_cmpstr (awd_nomination_get_title (b), ==, "Немецкий, и не только");
      g_assert_cmpstr (awd_nomination_get_country (b), ==, "DE");
      g_assert_cmpstr (awd_nomination_get_received (b), ==, "2024-09-30");
    }
}

static void
test_import_quoted (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(AwdCsvNominations) import = load_file ("quoted.csv");
  g_autoptr(AwdNomination) a = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (awd_csv_nominations_import (import, f->store, f->round_id, NULL, &error));
  g_assert_no_error (error);
  a = find_nomination (f, f->round_id, "2024-301");
  g_assert_nonnull (a);
  if (a != NULL)
    {
      g_assert_cmpstr (awd_nomination_get_title (a), ==, "Проект \"Калевала\"");
      g_assert_cmpstr (awd_nomination_get_summary (a), ==, "Первая строка\nвторая строка\nтретья");
    }
}

static void
test_import_broken_row (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(AwdCsvNominations) import = load_file ("broken-row.csv");
  g_autoptr(GError) error = NULL;
  gint64 rounds, nominations, audit;
  GPtrArray *problems;

  g_clear_object (&f->store);
  rounds = awd_test_raw_count (f->db, "SELECT count(*) FROM round");
  nominations = awd_test_raw_count (f->db, "SELECT count(*) FROM nomination");
  audit = awd_test_raw_count (f->db, "SELECT count(*) FROM audit");
  f->store = awd_test_open_store (f->dir, "awards.db");

  g_assert_false (awd_csv_nominations_import (import, f->store, f->round_id, NULL, &error));
  g_assert_error (error, AWD_CSV_ERROR, AWD_CSV_ERROR_INVALID);
  /* The message names the file and the line of the row without a title. */
  g_assert_nonnull (error != NULL ? strstr (error->message, "broken-row.csv:4:") : NULL);
  problems = awd_csv_nominations_get_problems (import);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpuint (((AwdCsvProblem *) g_ptr_array_index (problems, 0))->line, ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (awd_csv_nominations_get_nominations (import)), ==, 0);

  g_clear_object (&f->store);
  g_assert_cmpint (awd_test_raw_count (f->db, "SELECT count(*) FROM round"), ==, rounds);
  g_assert_cmpint (awd_test_raw_count (f->db, "SELECT count(*) FROM nomination"), ==, nominations);
  g_assert_cmpint (awd_test_raw_count (f->db, "SELECT count(*) FROM audit"), ==, audit);
  f->store = awd_test_open_store (f->dir, "awards.db");
}

static void
test_import_every_problem_listed (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(AwdCsvNominations) import =
    load_text ("ref;title;received;email;status;country;category\n"
               "A-1;Один;2024-02-30;;;;" VOTE_CATEGORY "\n"
               "A-2;Два;;not-an-address;;;" VOTE_CATEGORY "\n"
               "A-3;Три;;;maybe;;" VOTE_CATEGORY "\n"
               "A-4;Четыре;;;;Атлантида;" VOTE_CATEGORY "\n"
               "A-5;Пять;;;;;Нет такой\n"
               "A-6;Шесть;;;;;\n");
  g_autoptr(GError) error = NULL;
  GPtrArray *problems;
  const guint lines[] = { 2, 3, 4, 5, 6, 7 };

  g_assert_false (awd_csv_nominations_check (import, f->store, f->round_id, &error));
  g_assert_error (error, AWD_CSV_ERROR, AWD_CSV_ERROR_INVALID);
  problems = awd_csv_nominations_get_problems (import);
  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (lines));
  for (guint i = 0; i < MIN (problems->len, G_N_ELEMENTS (lines)); i++)
    g_assert_cmpuint (((AwdCsvProblem *) g_ptr_array_index (problems, i))->line, ==, lines[i]);
}

static void
test_import_unknown_headers (Fixture       *f,
                             gconstpointer  data)
{
  const char *text = "ref;title;Заметки секретаря;Бюджет;category\n"
                     "2024-501;Проект;позвонить;100;" VOTE_CATEGORY "\n";
  g_autoptr(AwdCsvNominations) import = load_text (text);
  g_auto(GStrv) unknown = awd_csv_nominations_dup_unknown_headers (import);
  g_autoptr(AwdNomination) n = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (g_strv_length (unknown), ==, 2);
  g_assert_cmpstr (unknown[0], ==, "Заметки секретаря");
  g_assert_cmpstr (unknown[1], ==, "Бюджет");
  g_assert_cmpint (awd_csv_nominations_get_column_field (import, 2), ==, AWD_CSV_FIELD_IGNORE);

  /* The preview maps a column by hand. */
  awd_csv_nominations_set_column_field (import, 2, AWD_CSV_FIELD_SUMMARY);
  g_assert_true (awd_csv_nominations_import (import, f->store, f->round_id, NULL, &error));
  g_assert_no_error (error);
  n = find_nomination (f, f->round_id, "2024-501");
  g_assert_nonnull (n);
  if (n != NULL)
    g_assert_cmpstr (awd_nomination_get_summary (n), ==, "позвонить");
}

static void
test_import_header_problems (Fixture       *f,
                             gconstpointer  data)
{
  /* No title column at all. */
  import_refused (f, f->plain_round, "ref;Наименование\n1;Проект\n", 1, "title");
  /* Two columns for one field. */
  import_refused (f, f->plain_round, "title;Название проекта\nА;Б\n", 1, "2");
}

static void
test_import_auto_ref (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GListModel) list = NULL;
  g_autofree char *refs = NULL;

  g_assert_cmpuint (import_ok (f, f->plain_round, "ref;title\n2024-007;Есть\n2024-xyz;Чужой\n"), ==, 2);
  /* Missing refs continue after the highest <year>-NNN, counting the refs
   * further down the file too. */
  g_assert_cmpuint (import_ok (f, f->plain_round,
                               "Номер;Название\n;Первый\n2024-012;Явный\n;Второй\n"), ==, 3);
  list = awd_store_list_nominations (f->store, f->plain_round, NULL);
  refs = refs_of (list);
  g_assert_cmpstr (refs, ==, "2024-007 2024-012 2024-013 2024-014 2024-xyz");
  {
    g_autoptr(AwdNomination) first = find_nomination (f, f->plain_round, "2024-013");
    g_assert_nonnull (first);
    if (first != NULL)
      g_assert_cmpstr (awd_nomination_get_title (first), ==, "Первый");
  }
}

static void
test_import_duplicate_ref (Fixture       *f,
                           gconstpointer  data)
{
  import_ok (f, f->plain_round, "ref;title\n2024-001;Есть\n");
  /* Twice in the file. */
  import_refused (f, f->plain_round, "ref;title\n2024-002;А\n2024-002;Б\n", 3, "2024-002");
  /* Already in the round. */
  import_refused (f, f->plain_round, "ref;title\n2024-003;А\n2024-001;Б\n", 3, "2024-001");
}

static void
test_import_dates (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(AwdNomination) a = NULL;
  g_autoptr(AwdNomination) b = NULL;
  g_autoptr(AwdNomination) c = NULL;

  import_ok (f, f->plain_round, "ref;title;received\nd1;А;2024-10-31\nd2;Б;31.10.2024\nd3;В;1.2.2024\n");
  a = find_nomination (f, f->plain_round, "d1");
  b = find_nomination (f, f->plain_round, "d2");
  c = find_nomination (f, f->plain_round, "d3");
  g_assert_true (a != NULL && b != NULL && c != NULL);
  if (a == NULL || b == NULL || c == NULL)
    return;
  g_assert_cmpstr (awd_nomination_get_received (a), ==, "2024-10-31");
  g_assert_cmpstr (awd_nomination_get_received (b), ==, "2024-10-31");
  g_assert_cmpstr (awd_nomination_get_received (c), ==, "2024-02-01");

  import_refused (f, f->plain_round, "ref;title;received\nd4;А;31.02.2024\n", 2, "31.02.2024");
  import_refused (f, f->plain_round, "ref;title;received\nd5;А;10/31/2024\n", 2, "10/31/2024");
  g_assert_null (awd_csv_parse_date ("2024-13-01"));
  g_assert_null (awd_csv_parse_date ("31.10.24"));
}

static void
test_import_countries (Fixture       *f,
                       gconstpointer  data)
{
  const struct { const char *given; const char *code; } cases[] = {
    { "ru", "RU" }, { "DE", "DE" }, { "Germany", "DE" }, { "  united   KINGDOM ", "GB" },
    { "Российская Федерация", "RU" }, { "Россия", "RU" }, { "германия", "DE" },
    { "Французская Республика", "FR" }, { "FRA", "FR" },
  };

  if (!awd_countries_available ())
    {
      g_test_skip ("iso-codes is not installed");
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpstr (awd_country_lookup (cases[i].given), ==, cases[i].code);
  g_assert_null (awd_country_lookup ("Атлантида"));
  g_assert_null (awd_country_lookup ("XX"));

  import_ok (f, f->plain_round, "ref;title;Страна\nc1;А;Казахстан\nc2;Б;italy\nc3;В;by\n");
  {
    g_autoptr(AwdNomination) c1 = find_nomination (f, f->plain_round, "c1");
    g_autoptr(AwdNomination) c2 = find_nomination (f, f->plain_round, "c2");
    g_autoptr(AwdNomination) c3 = find_nomination (f, f->plain_round, "c3");

    g_assert_true (c1 != NULL && c2 != NULL && c3 != NULL);
    if (c1 != NULL && c2 != NULL && c3 != NULL)
      {
        g_assert_cmpstr (awd_nomination_get_country (c1), ==, "KZ");
        g_assert_cmpstr (awd_nomination_get_country (c2), ==, "IT");
        g_assert_cmpstr (awd_nomination_get_country (c3), ==, "BY");
      }
  }
  import_refused (f, f->plain_round, "ref;title;country\nc4;А;RU\nc5;Б;Нарния\n", 3, "Нарния");
}

static void
test_import_categories (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(AwdNomination) n = NULL;

  import_ok (f, f->round_id, "ref;title;category\nk1;А;  " JURY_CATEGORY "  \n");
  n = find_nomination (f, f->round_id, "k1");
  g_assert_nonnull (n);
  if (n != NULL)
    g_assert_cmpint (awd_nomination_get_category_id (n), ==, f->jury_id);

  import_refused (f, f->round_id, "ref;title;category\nk2;А;Лучший перевод\n", 2, "Лучший перевод");
  /* A round with categories needs one on every row. */
  import_refused (f, f->round_id, "ref;title;category\nk3;А;" JURY_CATEGORY "\nk4;Б;\n", 3,
                  JURY_CATEGORY);
  import_refused (f, f->round_id, "ref;title\nk5;А\n", 2, JURY_CATEGORY);
  /* A round without categories refuses a named one. */
  import_refused (f, f->plain_round, "ref;title;category\nk6;А;" JURY_CATEGORY "\n", 2, JURY_CATEGORY);
}

static void
test_import_status_and_email (Fixture       *f,
                              gconstpointer  data)
{
  const struct { const char *word; AwdNominationStatus status; } cases[] = {
    { "ПОЛУЧЕНА", AWD_NOMINATION_STATUS_RECEIVED },
    { "Допущена", AWD_NOMINATION_STATUS_ELIGIBLE },
    { "не  допущена", AWD_NOMINATION_STATUS_INELIGIBLE },
    { "отозвана", AWD_NOMINATION_STATUS_WITHDRAWN },
    { "Withdrawn", AWD_NOMINATION_STATUS_WITHDRAWN },
    { "eligible", AWD_NOMINATION_STATUS_ELIGIBLE },
  };
  g_autoptr(GString) text = g_string_new ("ref;title;status;E-mail\n");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_string_append_printf (text, "s%u;Заявка;%s;a%u@example.org\n", i, cases[i].word, i);
  import_ok (f, f->plain_round, text->str);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *ref = g_strdup_printf ("s%u", i);
      g_autoptr(AwdNomination) n = find_nomination (f, f->plain_round, ref);

      g_assert_nonnull (n);
      if (n != NULL)
        g_assert_cmpint (awd_nomination_get_status (n), ==, cases[i].status);
    }

  import_refused (f, f->plain_round, "ref;title;status\nx1;А;на рассмотрении\n", 2, "на рассмотрении");
  import_refused (f, f->plain_round, "ref;title;email\nx2;А;ivanova.example.org\n", 2,
                  "ivanova.example.org");
}

static void
test_import_one_audit_row (Fixture       *f,
                           gconstpointer  data)
{
  gint64 before = awd_store_count_audit (f->store, NULL);
  g_autofree char *after_text = NULL;

  g_assert_cmpuint (import_ok (f, f->plain_round, "ref;title\na1;А\na2;Б\na3;В\n"), ==, 3);
  g_assert_cmpint (awd_store_count_audit (f->store, NULL), ==, before + 1);

  g_clear_object (&f->store);
  g_assert_cmpint (awd_test_raw_count (f->db, "SELECT count(*) FROM audit WHERE action = 'import'"
                                       " AND entity = 'nominations'"
                                       " AND after LIKE 'import-csv: 3 nominations from test.csv%'"),
                   ==, 1);
  f->store = awd_test_open_store (f->dir, "awards.db");
}

static void
test_import_final_round_refused (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(AwdCsvNominations) import = load_text ("ref;title\nf1;А\n");
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->store);
  awd_test_raw_sql (f->db, "UPDATE round SET status = 'final', finalized_at = '2024-12-01T00:00:00Z',"
                    " results_checksum = printf ('%064d', 0) WHERE id = 2");
  f->store = awd_test_open_store (f->dir, "awards.db");
  g_assert_cmpint (f->plain_round, ==, 2);
  g_assert_false (awd_csv_nominations_import (import, f->store, f->plain_round, NULL, &error));
  g_assert_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_FINAL);
}

/* Export ---------------------------------------------------------------- */

static void
test_export_round_trip (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(AwdNomination) n = awd_nomination_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "export.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(AwdCsvNominations) import = NULL;
  g_autoptr(GListModel) a = NULL;
  g_autoptr(GListModel) b = NULL;
  gint64 other_round, other_jury;
  gsize len = 0;

  awd_nomination_set_round_id (n, f->round_id);
  awd_nomination_set_category_id (n, f->jury_id);
  awd_nomination_set_ref (n, "2024-001");
  awd_nomination_set_title (n, "Проект; с \"кавычками\"");
  awd_nomination_set_title_en (n, "Project, with commas");
  awd_nomination_set_institution (n, "Библиотека");
  awd_nomination_set_city (n, "Ёлкино");
  awd_nomination_set_region (n, "Свердловская область");
  awd_nomination_set_country (n, "RU");
  awd_nomination_set_summary (n, "Строка 1\nСтрока 2");
  awd_nomination_set_contact_name (n, "Иванова Е. П.");
  awd_nomination_set_contact_email (n, "ivanova@example.org");
  awd_nomination_set_contact_phone (n, "+7 343 000-00-00");
  awd_nomination_set_url (n, "https://example.org/a?b=c;d");
  awd_nomination_set_received (n, "2024-10-31");
  awd_nomination_set_status (n, AWD_NOMINATION_STATUS_INELIGIBLE);
  g_assert_true (awd_store_insert_nomination (f->store, n, &error));
  g_assert_no_error (error);
  import_ok (f, f->round_id, "ref;title;category\n2024-002;Второй;" VOTE_CATEGORY "\n");

  g_assert_true (awd_csv_export_round (f->store, f->round_id, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  /* BOM, `;`, CRLF, quoting. */
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBFref;title;title-en;"));
  g_assert_nonnull (strstr (contents, "\r\n2024-001;\"Проект; с \"\"кавычками\"\"\";\"Project, with commas\";"));
  g_assert_nonnull (strstr (contents, "\"Строка 1\r\nСтрока 2\""));
  g_assert_null (strstr (contents, "\n2024-002;Второй;;;;;;;;;;;;received;" VOTE_CATEGORY "\n"));
  g_assert_nonnull (strstr (contents, "\r\n2024-002;Второй;;;;;;;;;;;;received;" VOTE_CATEGORY "\r\n"));

  /* Into another round with categories of the same names. */
  other_round = awd_test_add_round (f->store, "Другой сезон");
  other_jury = add_category (f->store, other_round, JURY_CATEGORY, AWD_CATEGORY_KIND_JURY);
  add_category (f->store, other_round, VOTE_CATEGORY, AWD_CATEGORY_KIND_VOTE);
  import = awd_csv_nominations_new_for_file (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (import != NULL &&
                 awd_csv_nominations_import (import, f->store, other_round, NULL, &error));
  g_assert_no_error (error);

  a = awd_store_list_nominations (f->store, f->round_id, NULL);
  b = awd_store_list_nominations (f->store, other_round, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (a), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (b), ==, 2);
  for (guint i = 0; i < MIN (g_list_model_get_n_items (a), g_list_model_get_n_items (b)); i++)
    {
      g_autoptr(AwdNomination) x = g_list_model_get_item (a, i);
      g_autoptr(AwdNomination) y = g_list_model_get_item (b, i);
      g_autofree char *tx = awd_nomination_search_text (x);
      g_autofree char *ty = awd_nomination_search_text (y);

      g_assert_cmpstr (awd_nomination_get_ref (x), ==, awd_nomination_get_ref (y));
      g_assert_cmpstr (awd_nomination_get_title (x), ==, awd_nomination_get_title (y));
      g_assert_cmpstr (awd_nomination_get_title_en (x), ==, awd_nomination_get_title_en (y));
      g_assert_cmpstr (awd_nomination_get_institution (x), ==, awd_nomination_get_institution (y));
      g_assert_cmpstr (awd_nomination_get_city (x), ==, awd_nomination_get_city (y));
      g_assert_cmpstr (awd_nomination_get_region (x), ==, awd_nomination_get_region (y));
      g_assert_cmpstr (awd_nomination_get_country (x), ==, awd_nomination_get_country (y));
      g_assert_cmpstr (awd_nomination_get_summary (x), ==, awd_nomination_get_summary (y));
      g_assert_cmpstr (awd_nomination_get_contact_name (x), ==, awd_nomination_get_contact_name (y));
      g_assert_cmpstr (awd_nomination_get_contact_email (x), ==, awd_nomination_get_contact_email (y));
      g_assert_cmpstr (awd_nomination_get_contact_phone (x), ==, awd_nomination_get_contact_phone (y));
      g_assert_cmpstr (awd_nomination_get_url (x), ==, awd_nomination_get_url (y));
      g_assert_cmpstr (awd_nomination_get_received (x), ==, awd_nomination_get_received (y));
      g_assert_cmpint (awd_nomination_get_status (x), ==, awd_nomination_get_status (y));
      g_assert_cmpstr (tx, ==, ty);
      if (i == 0)
        g_assert_cmpint (awd_nomination_get_category_id (y), ==, other_jury);
    }
}

/* Votes ------------------------------------------------------------------ */

static void
add_vote_nominations (Fixture *f)
{
  g_autoptr(AwdCsvNominations) import = load_file ("quoted.csv");
  g_autoptr(GError) error = NULL;

  g_assert_true (awd_csv_nominations_import (import, f->store, f->round_id, NULL, &error));
  g_assert_no_error (error);
  import_ok (f, f->round_id, "ref;title;category\n2024-303;Жюри;" JURY_CATEGORY "\n");
}

static gint64
votes_of (Fixture    *f,
          const char *ref)
{
  g_autoptr(GArray) votes = awd_store_list_votes (f->store, f->round_id, NULL);
  g_autoptr(AwdNomination) n = find_nomination (f, f->round_id, ref);

  for (guint i = 0; n != NULL && votes != NULL && i < votes->len; i++)
    if (g_array_index (votes, AwdVoteRow, i).nomination_id == awd_nomination_get_id (n))
      return g_array_index (votes, AwdVoteRow, i).count;
  return -1;
}

static void
test_votes_good (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = data_path ("votes-good.csv");
  g_autoptr(GError) error = NULL;
  gint64 audit;
  guint n = 0;

  add_vote_nominations (f);
  audit = awd_store_count_audit (f->store, NULL);
  g_assert_true (awd_csv_votes_import_file (f->store, f->round_id, path, NULL, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (votes_of (f, "2024-301"), ==, 312);
  g_assert_cmpint (votes_of (f, "2024-302"), ==, 1024);
  g_assert_cmpint (awd_store_count_audit (f->store, NULL), ==, audit + 1);

  /* A second file replaces a count. */
  g_assert_true (awd_csv_votes_import_data (f->store, f->round_id, "Номер,Голоса\n2024-301,7\n",
                                            strlen ("Номер,Голоса\n2024-301,7\n"),
                                            "again.csv", NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (votes_of (f, "2024-301"), ==, 7);
  g_assert_cmpint (votes_of (f, "2024-302"), ==, 1024);
}

static void
expect_votes_refused (Fixture    *f,
                      const char *text,
                      guint       line,
                      const char *fragment)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) awd_csv_problem_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) before = awd_store_list_votes (f->store, f->round_id, NULL);
  g_autoptr(GArray) after = NULL;
  gint64 audit = awd_store_count_audit (f->store, NULL);

  g_assert_false (awd_csv_votes_import_data (f->store, f->round_id, text, strlen (text), "v.csv",
                                             problems, NULL, &error));
  g_assert_error (error, AWD_CSV_ERROR, AWD_CSV_ERROR_INVALID);
  g_assert_cmpuint (problems->len, >, 0);
  if (problems->len > 0)
    {
      const AwdCsvProblem *p = g_ptr_array_index (problems, 0);
      g_assert_cmpuint (p->line, ==, line);
      g_assert_nonnull (strstr (p->message, fragment));
    }
  after = awd_store_list_votes (f->store, f->round_id, NULL);
  g_assert_cmpuint (after->len, ==, before->len);
  g_assert_cmpint (awd_store_count_audit (f->store, NULL), ==, audit);
}

static void
test_votes_refused (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = data_path ("votes-negative.csv");
  g_autoptr(GError) error = NULL;

  add_vote_nominations (f);
  /* The fixture: a good row, then a negative count; nothing is written. */
  g_assert_false (awd_csv_votes_import_file (f->store, f->round_id, path, NULL, NULL, &error));
  g_assert_error (error, AWD_CSV_ERROR, AWD_CSV_ERROR_INVALID);
  g_assert_nonnull (error != NULL ? strstr (error->message, "votes-negative.csv:3:") : NULL);
  g_assert_cmpint (votes_of (f, "2024-301"), ==, -1);

  expect_votes_refused (f, "ref;count\n2024-301;5\n2024-999;6\n", 3, "2024-999");
  expect_votes_refused (f, "ref;count\n2024-303;5\n", 2, "2024-303");
  expect_votes_refused (f, "ref;count\n2024-301;5\n2024-301;6\n", 3, "2024-301");
  expect_votes_refused (f, "ref;count\n2024-301;1.5\n", 2, "1.5");
  expect_votes_refused (f, "ref;total\n2024-301;1\n", 1, "count");
}

/* Search ------------------------------------------------------------------ */

static void
test_search_folded (Fixture       *f,
                    gconstpointer  data)
{
  const struct { const char *query; const char *refs; } cases[] = {
    { "елкино", "q1" },          /* е finds ё */
    { "ЁЛКИНО", "q1" },          /* case, both ways */
    { "ёжик", "q2" },            /* ё finds е */
    { "ЕЖИК", "q2" },
    { "чтения ёлк", "q1" },      /* several words, prefixes */
    { "чтения ежик", "" },       /* AND, not OR */
    { "«Чтения», ёлкино!", "q1" }, /* punctuation ignored */
    { "международн", "q2 q3" },
    { "", "q1 q2 q3" },
    { "—", "q1 q2 q3" },
  };

  import_ok (f, f->plain_round, "ref;title;city\n"
             "q1;ЧТЕНИЯ в Ёлкино;Екатеринбург\n"
             "q2;Международный клуб «Ежик»;Москва\n"
             "q3;Международная неделя;Санкт-Петербург\n");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GListModel) list = awd_store_search_nominations (f->store, f->plain_round,
                                                                 cases[i].query, &error);
      g_autofree char *refs = NULL;

      g_assert_no_error (error);
      refs = refs_of (list);
      if (g_strcmp0 (refs, cases[i].refs) != 0)
        g_test_message ("query «%s»", cases[i].query);
      g_assert_cmpstr (refs, ==, cases[i].refs);
    }
}

/* CLI ---------------------------------------------------------------------- */

typedef struct
{
  int   status;
  char *out;
  char *err;
} CliRun;

static void
cli_run_free (CliRun *run)
{
  g_free (run->out);
  g_free (run->err);
  g_free (run);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CliRun, cli_run_free)

static CliRun *
run_cli (Fixture *f,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  CliRun *run = g_new0 (CliRun, 1);
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, cli_path);
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, f->db);
  va_start (args, f);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  if (process == NULL)
    {
      run->status = -1;
      return run;
    }
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  run->status = g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
  return run;
}

static char *
write_temp (Fixture    *f,
            const char *name,
            const char *text)
{
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

static void
test_cli_import_and_list (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *csv = write_temp (f, "заявки.csv",
                                     "Номер;Название проекта;Заметки;Город\n"
                                     ";Ёлкинские чтения;x;Екатеринбург\n"
                                     "2024-005;Книжный\tмост;;Минск\n");
  g_autoptr(CliRun) import = NULL;
  g_autoptr(CliRun) list = NULL;
  g_autoptr(CliRun) search = NULL;
  g_autoptr(CliRun) search_words = NULL;

  g_clear_object (&f->store);
  import = run_cli (f, "import-csv", "2", csv, NULL);
  g_assert_cmpint (import->status, ==, 0);
  /* The unknown column is named on stderr. */
  g_assert_nonnull (strstr (import->err, "Заметки"));
  g_assert_cmpstr (import->out, ==, "");

  list = run_cli (f, "nominations", "2", NULL);
  g_assert_cmpint (list->status, ==, 0);
  /* Ordered by ref; a TAB inside a field is written as a space. */
  g_assert_cmpstr (list->out, ==, "2024-005\tКнижный мост\n2024-006\tЁлкинские чтения\n");

  search = run_cli (f, "nominations", "2", "--search", "елкинские", NULL);
  g_assert_cmpint (search->status, ==, 0);
  g_assert_cmpstr (search->out, ==, "2024-006\tЁлкинские чтения\n");
  search_words = run_cli (f, "nominations", "2", "--search", "мост, МИН", NULL);
  g_assert_cmpstr (search_words->out, ==, "2024-005\tКнижный мост\n");
  f->store = awd_test_open_store (f->dir, "awards.db");
}

static void
test_cli_import_refused (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *path = data_path ("broken-row.csv");
  g_autofree char *expected = g_strdup_printf ("%s:4: ", path);
  g_autoptr(CliRun) run = NULL;
  g_autoptr(CliRun) no_title = NULL;
  g_autoptr(CliRun) missing_round = NULL;
  g_autofree char *no_title_csv = write_temp (f, "no-title.csv", "ref;name\n1;x\n");
  gint64 nominations, audit;

  g_clear_object (&f->store);
  nominations = awd_test_raw_count (f->db, "SELECT count(*) FROM nomination");
  audit = awd_test_raw_count (f->db, "SELECT count(*) FROM audit");

  run = run_cli (f, "import-csv", "1", path, NULL);
  g_assert_cmpint (run->status, ==, 1);
  g_assert_nonnull (strstr (run->err, expected));
  /* One line. */
  g_assert_true (g_str_has_suffix (run->err, "\n"));
  g_assert_null (strchr (run->err, '\n') != NULL && strchr (run->err, '\n')[1] != '\0' ?
                 strchr (run->err, '\n') : NULL);

  no_title = run_cli (f, "import-csv", "2", no_title_csv, NULL);
  g_assert_cmpint (no_title->status, ==, 1);
  g_assert_nonnull (strstr (no_title->err, "no-title.csv:1: "));

  missing_round = run_cli (f, "import-csv", "77", path, NULL);
  g_assert_cmpint (missing_round->status, ==, 1);

  g_assert_cmpint (awd_test_raw_count (f->db, "SELECT count(*) FROM nomination"), ==, nominations);
  g_assert_cmpint (awd_test_raw_count (f->db, "SELECT count(*) FROM audit"), ==, audit);
  f->store = awd_test_open_store (f->dir, "awards.db");
}

static void
test_cli_import_votes (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *good = data_path ("votes-good.csv");
  g_autofree char *bad = data_path ("votes-negative.csv");
  g_autoptr(CliRun) ok = NULL;
  g_autoptr(CliRun) refused = NULL;
  g_autoptr(CliRun) usage = NULL;

  add_vote_nominations (f);
  g_clear_object (&f->store);

  refused = run_cli (f, "import-votes", "1", bad, NULL);
  g_assert_cmpint (refused->status, ==, 1);
  g_assert_nonnull (strstr (refused->err, "votes-negative.csv:3: "));
  g_assert_cmpint (awd_test_raw_count (f->db, "SELECT count(*) FROM vote"), ==, 0);

  ok = run_cli (f, "import-votes", "1", good, NULL);
  g_assert_cmpint (ok->status, ==, 0);
  g_assert_cmpint (awd_test_raw_count (f->db, "SELECT sum(count) FROM vote"), ==, 312 + 1024);

  usage = run_cli (f, "import-votes", "1", NULL);
  g_assert_cmpint (usage->status, ==, 2);
  f->store = awd_test_open_store (f->dir, "awards.db");
}

/* Fuzz corpus: every seed parses or is refused cleanly. ------------------- */

static void
test_fuzz_corpus (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "fuzz", "corpus-csv", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autofree char *contents = NULL;
      g_autoptr(AwdCsvNominations) import = NULL;
      g_autoptr(GError) error = NULL;
      gsize len = 0;

      g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
      import = awd_csv_nominations_new_for_data (contents, len, name, NULL, &error);
      g_assert_true ((import == NULL) == (error != NULL));
      n++;
    }
  g_assert_cmpuint (n, >=, 5);
}

int
main (int   argc,
      char *argv[])
{
  const char *env_cli;

  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  env_cli = g_getenv ("AWD_CLI");
  cli_path = env_cli != NULL ? g_strdup (env_cli)
                             : g_build_filename (g_test_get_dir (G_TEST_BUILT), "..", "src", "cli",
                                                 "award-desk-cli", NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  g_test_add_func ("/csv/reader/cp1251-semicolon-crlf", test_reader_cp1251_semicolon_crlf);
  g_test_add_func ("/csv/reader/utf8-bom-comma", test_reader_utf8_bom_comma);
  g_test_add_func ("/csv/reader/quoted-newlines", test_reader_quoted_newlines);
  g_test_add_func ("/csv/reader/syntax-errors", test_reader_syntax_errors);
  g_test_add_func ("/csv/reader/too-many-columns", test_reader_too_many_columns);
  ADD ("/csv/import/russian-headers-1251", test_import_russian_headers_1251);
  ADD ("/csv/import/utf8-bom-comma", test_import_utf8_bom_comma);
  ADD ("/csv/import/quoted", test_import_quoted);
  ADD ("/csv/import/broken-row", test_import_broken_row);
  ADD ("/csv/import/every-problem-listed", test_import_every_problem_listed);
  ADD ("/csv/import/unknown-headers", test_import_unknown_headers);
  ADD ("/csv/import/header-problems", test_import_header_problems);
  ADD ("/csv/import/auto-ref", test_import_auto_ref);
  ADD ("/csv/import/duplicate-ref", test_import_duplicate_ref);
  ADD ("/csv/import/dates", test_import_dates);
  ADD ("/csv/import/countries", test_import_countries);
  ADD ("/csv/import/categories", test_import_categories);
  ADD ("/csv/import/status-and-email", test_import_status_and_email);
  ADD ("/csv/import/one-audit-row", test_import_one_audit_row);
  ADD ("/csv/import/final-round-refused", test_import_final_round_refused);
  ADD ("/csv/export/round-trip", test_export_round_trip);
  ADD ("/csv/votes/good", test_votes_good);
  ADD ("/csv/votes/refused", test_votes_refused);
  ADD ("/csv/search/folded", test_search_folded);
  ADD ("/csv/cli/import-and-list", test_cli_import_and_list);
  ADD ("/csv/cli/import-refused", test_cli_import_refused);
  ADD ("/csv/cli/import-votes", test_cli_import_votes);
  g_test_add_func ("/csv/fuzz/corpus", test_fuzz_corpus);
#undef ADD

  return g_test_run ();
}
