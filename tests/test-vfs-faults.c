/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-vfs-faults"

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "awd-fault-vfs.h"
#include "awd-store-private.h"
#include "awd-store-results.h"
#include "awd-test-util.h"
#include "awd-xml-import.h"

/* Every write path of the store under injected I/O faults. For each
 * operation, a clean run counts its reads, writes and syncs; then, for
 * every N up to that count and each kind, a fresh copy of the same
 * database runs the operation with the Nth call failing (once, then
 * persistently). Each time: a clear GError (IO or DISK_FULL) when it
 * fails, and after reopening with the plain unix VFS an intact file
 * (integrity_check, foreign keys, audit chain) in which the operation is
 * either whole or absent, never half there. Figures are TAP comments. */

typedef struct {
  char   *dir;
  char   *template_path;
  char   *path;
  char   *sample_xml;
  gint64  round_id;        /* a scoring round with everything in it */
  gint64  final_round_id;  /* complete, ready to finalize */
  gint64  category_id;     /* an extra, empty category */
  gint64  criterion_id;    /* scored */
  gint64  spare_criterion_id;
  gint64  juror_id;
  gint64  spare_juror_id;
  gint64  nomination_id;
} World;

static World world;

/* Totals for the README. */
static guint total_runs;
static guint total_faults;
static guint total_failed_ops;
static guint total_committed_despite_error;

typedef struct {
  const char *name;
  gboolean  (*run)   (AwdStore *store, GError **error);
  /* 1 whole, 0 absent, -1 half there; read from the file with plain SQLite. */
  int       (*state) (sqlite3 *db);
} Operation;

/* Plain SQLite, unix VFS ------------------------------------------------------ */

static sqlite3 *
open_plain (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, "unix"), ==, SQLITE_OK);
  return db;
}

static gint64
query (sqlite3    *db,
       const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  else
    g_test_message ("query failed: %s: %s", sql, sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  return value;
}

static char *
query_text (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

static gint64 query_id (sqlite3 *db, const char *format, ...) G_GNUC_PRINTF (2, 3);

static gint64
query_id (sqlite3    *db,
          const char *format,
          ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  return query (db, sql);
}

/* Operations ------------------------------------------------------------------ */

static gboolean
insert_round_titled (AwdStore *store, const char *title, GError **error)
{
  g_autoptr(AwdRound) round = awd_round_new ();

  awd_round_set_award (round, "Премия имени М. И. Рудомино");
  awd_round_set_title (round, title);
  awd_round_set_number (round, 9);
  awd_round_set_year (round, 2030);
  return awd_store_insert_round (store, round, error);
}

static gboolean
run_insert_round (AwdStore *store, GError **error)
{
  return insert_round_titled (store, "Вставленный сезон", error);
}

static int
state_insert_round (sqlite3 *db)
{
  return (int) query (db, "SELECT count(*) FROM round WHERE title = 'Вставленный сезон'");
}

static gboolean
run_save_round (AwdStore *store, GError **error)
{
  g_autoptr(AwdRound) round = awd_store_get_round (store, world.round_id, error);

  if (round == NULL)
    return FALSE;
  awd_round_set_title (round, "Переименованный сезон");
  awd_round_set_year (round, 2031);
  return awd_store_save_round (store, round, error);
}

static int
state_save_round (sqlite3 *db)
{
  g_autofree char *title = NULL;
  gint64 year = query_id (db, "SELECT year FROM round WHERE id = %" G_GINT64_FORMAT, world.round_id);
  g_autofree char *sql = g_strdup_printf ("SELECT title FROM round WHERE id = %" G_GINT64_FORMAT, world.round_id);

  title = query_text (db, sql);
  if (g_strcmp0 (title, "Переименованный сезон") == 0 && year == 2031)
    return 1;
  if (g_strcmp0 (title, "Сезон под нагрузкой") == 0 && year == 2024)
    return 0;
  return -1;
}

static gboolean
run_insert_category (AwdStore *store, GError **error)
{
  g_autoptr(AwdCategory) category = awd_category_new ();

  awd_category_set_round_id (category, world.round_id);
  awd_category_set_name (category, "Вставленная номинация");
  return awd_store_insert_category (store, category, error);
}

static int
state_insert_category (sqlite3 *db)
{
  return (int) query (db, "SELECT count(*) FROM category WHERE name = 'Вставленная номинация'");
}

static gboolean
run_save_category (AwdStore *store, GError **error)
{
  g_autoptr(GListModel) list = awd_store_list_categories (store, world.round_id, error);

  if (list == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(AwdCategory) category = g_list_model_get_item (list, i);
      if (awd_category_get_id (category) == world.category_id)
        {
          awd_category_set_name (category, "Переименованная номинация");
          return awd_store_save_category (store, category, error);
        }
    }
  g_assert_not_reached ();
  return FALSE;
}

static int
state_save_category (sqlite3 *db)
{
  gint64 renamed = query (db, "SELECT count(*) FROM category WHERE name = 'Переименованная номинация'");
  gint64 old = query (db, "SELECT count(*) FROM category WHERE name = 'Запасная номинация'");
  return renamed == 1 && old == 0 ? 1 : renamed == 0 && old == 1 ? 0 : -1;
}

static gboolean
run_delete_category (AwdStore *store, GError **error)
{
  return awd_store_delete_category (store, world.category_id, error);
}

static int
state_delete_category (sqlite3 *db)
{
  return query_id (db, "SELECT count(*) FROM category WHERE id = %" G_GINT64_FORMAT,
                   world.category_id) == 0;
}

static gboolean
run_insert_criterion (AwdStore *store, GError **error)
{
  g_autoptr(AwdCriterion) criterion = awd_criterion_new ();

  awd_criterion_set_round_id (criterion, world.round_id);
  awd_criterion_set_name (criterion, "Вставленный критерий");
  awd_criterion_set_weight (criterion, 1.5);
  return awd_store_insert_criterion (store, criterion, error);
}

static int
state_insert_criterion (sqlite3 *db)
{
  return (int) query (db, "SELECT count(*) FROM criterion WHERE name = 'Вставленный критерий'");
}

static gboolean
run_save_criterion (AwdStore *store, GError **error)
{
  g_autoptr(GListModel) list = awd_store_list_criteria (store, world.round_id, error);

  if (list == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(AwdCriterion) criterion = g_list_model_get_item (list, i);
      if (awd_criterion_get_id (criterion) == world.criterion_id)
        {
          awd_criterion_set_name (criterion, "Переименованный критерий");
          awd_criterion_set_weight (criterion, 4);
          return awd_store_save_criterion (store, criterion, error);
        }
    }
  g_assert_not_reached ();
  return FALSE;
}

static int
state_save_criterion (sqlite3 *db)
{
  gint64 renamed = query (db, "SELECT count(*) FROM criterion WHERE name = 'Переименованный критерий' AND weight = 4");
  gint64 old = query (db, "SELECT count(*) FROM criterion WHERE name = 'Значение' AND weight = 2");
  return renamed == 1 && old == 0 ? 1 : renamed == 0 && old == 1 ? 0 : -1;
}

static gboolean
run_delete_criterion (AwdStore *store, GError **error)
{
  return awd_store_delete_criterion (store, world.spare_criterion_id, error);
}

static int
state_delete_criterion (sqlite3 *db)
{
  return query_id (db, "SELECT count(*) FROM criterion WHERE id = %" G_GINT64_FORMAT,
                   world.spare_criterion_id) == 0;
}

static gboolean
run_insert_juror (AwdStore *store, GError **error)
{
  g_autoptr(AwdJuror) juror = awd_juror_new ();

  awd_juror_set_round_id (juror, world.round_id);
  awd_juror_set_name (juror, "Вставленный Член Жюри");
  return awd_store_insert_juror (store, juror, error);
}

static int
state_insert_juror (sqlite3 *db)
{
  return (int) query (db, "SELECT count(*) FROM juror WHERE name = 'Вставленный Член Жюри'");
}

static gboolean
run_save_juror (AwdStore *store, GError **error)
{
  g_autoptr(GListModel) list = awd_store_list_jurors (store, world.round_id, error);

  if (list == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(AwdJuror) juror = g_list_model_get_item (list, i);
      if (awd_juror_get_id (juror) == world.juror_id)
        {
          awd_juror_set_name (juror, "Переименованный Член Жюри");
          awd_juror_set_affiliation (juror, "Новое место работы");
          return awd_store_save_juror (store, juror, error);
        }
    }
  g_assert_not_reached ();
  return FALSE;
}

static int
state_save_juror (sqlite3 *db)
{
  gint64 renamed = query (db, "SELECT count(*) FROM juror WHERE name = 'Переименованный Член Жюри' AND affiliation = 'Новое место работы'");
  gint64 old = query (db, "SELECT count(*) FROM juror WHERE name = 'Иванова Анна' AND affiliation IS NULL");
  return renamed == 1 && old == 0 ? 1 : renamed == 0 && old == 1 ? 0 : -1;
}

static gboolean
run_delete_juror (AwdStore *store, GError **error)
{
  return awd_store_delete_juror (store, world.spare_juror_id, error);
}

static int
state_delete_juror (sqlite3 *db)
{
  return query_id (db, "SELECT count(*) FROM juror WHERE id = %" G_GINT64_FORMAT,
                   world.spare_juror_id) == 0;
}

static gboolean
run_copy_setup (AwdStore *store, GError **error)
{
  g_autoptr(AwdRound) round = awd_round_new ();

  awd_round_set_award (round, "Премия имени М. И. Рудомино");
  awd_round_set_title (round, "Скопированный сезон");
  awd_round_set_number (round, 10);
  awd_round_set_year (round, 2032);
  return awd_store_copy_round_setup (store, world.round_id, round, error) > 0;
}

static int
state_copy_setup (sqlite3 *db)
{
  gint64 id = query (db, "SELECT coalesce(max(id), 0) FROM round WHERE title = 'Скопированный сезон'");
  gint64 rounds = query (db, "SELECT count(*) FROM round WHERE title = 'Скопированный сезон'");
  const char *tables[] = { "category", "criterion", "juror" };

  if (rounds == 0)
    return 0;
  if (rounds != 1)
    return -1;
  for (gsize i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql_new = g_strdup_printf ("SELECT count(*) FROM %s WHERE round_id = %" G_GINT64_FORMAT, tables[i], id);
      g_autofree char *sql_old = g_strdup_printf ("SELECT count(*) FROM %s WHERE round_id = %" G_GINT64_FORMAT, tables[i], world.round_id);
      if (query (db, sql_new) != query (db, sql_old) || query (db, sql_new) == 0)
        return -1;
    }
  return 1;
}

static gboolean
run_finalize (AwdStore *store, GError **error)
{
  return awd_store_finalize_round (store, world.final_round_id, error);
}

static int
state_finalize (sqlite3 *db)
{
  gint64 final = query_id (db, "SELECT count(*) FROM round WHERE id = %" G_GINT64_FORMAT
                               " AND status = 'final' AND results_checksum IS NOT NULL", world.final_round_id);
  gint64 results = query_id (db, "SELECT count(*) FROM result WHERE round_id = %" G_GINT64_FORMAT,
                             world.final_round_id);
  return final == 1 && results > 0 ? 1 : final == 0 && results == 0 ? 0 : -1;
}

static gboolean
run_score_edit (AwdStore *store, GError **error)
{
  return awd_store_set_score (store, world.juror_id, world.nomination_id, world.criterion_id, 7, error);
}

static int
state_score_edit (sqlite3 *db)
{
  g_autofree char *sql = g_strdup_printf ("SELECT value FROM score WHERE juror_id = %" G_GINT64_FORMAT
                                          " AND nomination_id = %" G_GINT64_FORMAT
                                          " AND criterion_id = %" G_GINT64_FORMAT,
                                          world.juror_id, world.nomination_id, world.criterion_id);
  gint64 value = query (db, sql);
  return value == 7 ? 1 : value == 3 ? 0 : -1;
}

/* The sample's counts, taken by a clean import into the world. */
static gint64 sample_nominations;
static gint64 sample_scores;

static gboolean
run_import_xml (AwdStore *store, GError **error)
{
  g_autoptr(GArray) ids = awd_xml_import (store, world.sample_xml, NULL, NULL, NULL, error);
  return ids != NULL;
}

static int
state_import_xml (sqlite3 *db)
{
  gint64 rounds = query (db, "SELECT count(*) FROM round WHERE number = 4 AND year = 2024 "
                             "AND title LIKE '%сезон 2024 года'");
  gint64 id = query (db, "SELECT coalesce(max(id), 0) FROM round WHERE number = 4 AND year = 2024 "
                         "AND title LIKE '%сезон 2024 года'");
  gint64 nominations = query_id (db, "SELECT count(*) FROM nomination WHERE round_id = %" G_GINT64_FORMAT, id);
  gint64 scores = query_id (db, "SELECT count(*) FROM score s JOIN nomination n ON n.id = s.nomination_id "
                                "WHERE n.round_id = %" G_GINT64_FORMAT, id);

  if (rounds == 0)
    return nominations == 0 && scores == 0 ? 0 : -1;
  return rounds == 1 && nominations == sample_nominations && scores == sample_scores ? 1 : -1;
}

static const Operation operations[] = {
  { "insert-round", run_insert_round, state_insert_round },
  { "save-round", run_save_round, state_save_round },
  { "insert-category", run_insert_category, state_insert_category },
  { "save-category", run_save_category, state_save_category },
  { "delete-category", run_delete_category, state_delete_category },
  { "insert-criterion", run_insert_criterion, state_insert_criterion },
  { "save-criterion", run_save_criterion, state_save_criterion },
  { "delete-criterion", run_delete_criterion, state_delete_criterion },
  { "insert-juror", run_insert_juror, state_insert_juror },
  { "save-juror", run_save_juror, state_save_juror },
  { "delete-juror", run_delete_juror, state_delete_juror },
  { "copy-setup", run_copy_setup, state_copy_setup },
  { "finalize", run_finalize, state_finalize },
  { "score-edit", run_score_edit, state_score_edit },
  { "import-xml", run_import_xml, state_import_xml },
};

/* The world ------------------------------------------------------------------- */

static gint64
add_criterion (AwdStore *store, gint64 round_id, const char *name, double weight)
{
  g_autoptr(AwdCriterion) criterion = awd_criterion_new ();
  g_autoptr(GError) error = NULL;

  awd_criterion_set_round_id (criterion, round_id);
  awd_criterion_set_name (criterion, name);
  awd_criterion_set_weight (criterion, weight);
  g_assert_true (awd_store_insert_criterion (store, criterion, &error));
  g_assert_no_error (error);
  return awd_criterion_get_id (criterion);
}

static gint64
add_juror (AwdStore *store, gint64 round_id, const char *name)
{
  g_autoptr(AwdJuror) juror = awd_juror_new ();
  g_autoptr(GError) error = NULL;

  awd_juror_set_round_id (juror, round_id);
  awd_juror_set_name (juror, name);
  g_assert_true (awd_store_insert_juror (store, juror, &error));
  g_assert_no_error (error);
  return awd_juror_get_id (juror);
}

static gint64
add_nomination (AwdStore *store, gint64 round_id, gint64 category_id, const char *ref)
{
  g_autoptr(AwdNomination) nomination = awd_nomination_new ();
  g_autoptr(GError) error = NULL;

  awd_nomination_set_round_id (nomination, round_id);
  awd_nomination_set_category_id (nomination, category_id);
  awd_nomination_set_ref (nomination, ref);
  awd_nomination_set_title (nomination, "Проект международного сотрудничества");
  awd_nomination_set_status (nomination, AWD_NOMINATION_STATUS_ELIGIBLE);
  g_assert_true (awd_store_insert_nomination (store, nomination, &error));
  g_assert_no_error (error);
  return awd_nomination_get_id (nomination);
}

static void
build_world (void)
{
  g_autoptr(AwdStore) store = NULL;
  g_autoptr(AwdCategory) category = awd_category_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  gint64 final_criterion, final_juror, final_nomination, main_category_id;
  g_autofree char *scratch_dir = NULL;

  world.dir = awd_test_make_dir ();
  world.template_path = g_build_filename (world.dir, "template.db", NULL);
  world.path = g_build_filename (world.dir, "awards.db", NULL);
  world.sample_xml = g_test_build_filename (G_TEST_DIST, "..", "data", "sample-round.xml", NULL);

  store = awd_test_open_store (world.dir, "template.db");
  world.round_id = awd_test_add_round (store, "Сезон под нагрузкой");
  awd_category_set_round_id (category, world.round_id);
  awd_category_set_name (category, "Запасная номинация");
  g_assert_true (awd_store_insert_category (store, category, &error));
  g_assert_no_error (error);
  world.category_id = awd_category_get_id (category);
  {
    g_autoptr(AwdCategory) main_category = awd_category_new ();
    awd_category_set_round_id (main_category, world.round_id);
    awd_category_set_name (main_category, "Основная номинация");
    g_assert_true (awd_store_insert_category (store, main_category, &error));
    g_assert_no_error (error);
    main_category_id = awd_category_get_id (main_category);
  }
  world.criterion_id = add_criterion (store, world.round_id, "Значение", 2);
  world.spare_criterion_id = add_criterion (store, world.round_id, "Запасной критерий", 1);
  world.juror_id = add_juror (store, world.round_id, "Иванова Анна");
  world.spare_juror_id = add_juror (store, world.round_id, "Запасной Член Жюри");
  world.nomination_id = add_nomination (store, world.round_id, main_category_id, "2024-001");
  add_nomination (store, world.round_id, main_category_id, "2024-002");
  g_assert_true (awd_store_set_score (store, world.juror_id, world.nomination_id, world.criterion_id, 3, &error));
  g_assert_no_error (error);

  /* A small complete round to finalize. */
  world.final_round_id = awd_test_add_round (store, "Сезон к итогам");
  final_criterion = add_criterion (store, world.final_round_id, "Единственный критерий", 1);
  final_juror = add_juror (store, world.final_round_id, "Петров Пётр");
  final_nomination = add_nomination (store, world.final_round_id, 0, "2024-101");
  g_assert_true (awd_store_set_score (store, final_juror, final_nomination, final_criterion, 8, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) problems = awd_store_list_finalize_problems (store, world.final_round_id, &error);
    g_assert_no_error (error);
    for (guint i = 0; problems != NULL && i < problems->len; i++)
      g_test_message ("finalize problem: %s", (const char *) g_ptr_array_index (problems, i));
    g_assert_cmpuint (problems->len, ==, 0);
  }
  g_clear_object (&store);

  /* The sample's figures, from a clean import elsewhere. */
  scratch_dir = awd_test_make_dir ();
  store = awd_test_open_store (scratch_dir, "sample.db");
  ids = awd_xml_import (store, world.sample_xml, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ids);
  sample_nominations = awd_test_raw_count (awd_store_get_path (store), "SELECT count(*) FROM nomination");
  sample_scores = awd_test_raw_count (awd_store_get_path (store), "SELECT count(*) FROM score");
  g_clear_object (&store);
  awd_test_remove_dir (scratch_dir);
  g_assert_cmpint (sample_nominations, >, 0);
  g_assert_cmpint (sample_scores, >, 0);
}

static void
copy_template (void)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autofree char *wal = g_strconcat (world.path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (world.path, "-shm", NULL);

  g_unlink (wal);
  g_unlink (shm);
  g_assert_true (g_file_get_contents (world.template_path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (world.path, contents, length, NULL));
}

static AwdStore *
open_world (void)
{
  g_autoptr(GError) error = NULL;
  AwdStore *store = awd_store_open (world.path, AWD_STORE_OPEN_READ_WRITE, "Тест сбоев", &error);

  g_assert_no_error (error);
  return store;
}

/* The open has read the whole file (quick_check); without this the
 * operation would find every page in the cache and make no reads. */
static void
drop_page_cache (AwdStore *store)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (awd_store_exec_for_testing (store, "PRAGMA shrink_memory", &error));
  g_assert_no_error (error);
}

/* The store's errors, or another layer's error that carries the store's
 * message (the XML import reports them with the file and line). */
static gboolean
is_clear_io_error (const GError *error)
{
  if (g_error_matches (error, AWD_STORE_ERROR, AWD_STORE_ERROR_IO) ||
      g_error_matches (error, AWD_STORE_ERROR, AWD_STORE_ERROR_DISK_FULL))
    return TRUE;
  return strstr (error->message, "Could not read or write") != NULL ||
         strstr (error->message, "earlier work is safe") != NULL;
}

/* After the store is closed: the file's checks, and the operation's state. */
static int
verify_file (const Operation *op,
             gint64          *out_audit_rows,
             const char      *what)
{
  g_autoptr(AwdStore) store = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = open_plain (world.path);
  g_autofree char *integrity = query_text (db, "PRAGMA integrity_check");
  int state = op->state (db);

  *out_audit_rows = query (db, "SELECT count(*) FROM audit");
  sqlite3_close (db);
  if (g_strcmp0 (integrity, "ok") != 0)
    g_test_fail_printf ("%s: integrity_check says %s", what, integrity);

  /* The store's own check: foreign keys, schema, audit chain, final rounds. */
  store = awd_store_open (world.path, AWD_STORE_OPEN_READ_ONLY, NULL, &error);
  if (store == NULL)
    g_test_fail_printf ("%s: reopening failed: %s", what, error->message);
  else if (!awd_store_check (store, problems, &error))
    g_test_fail_printf ("%s: check failed: %s", what, error->message);
  for (guint i = 0; i < problems->len; i++)
    g_test_fail_printf ("%s: %s", what, (const char *) g_ptr_array_index (problems, i));
  return state;
}

static void
test_operation (gconstpointer data)
{
  const Operation *op = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AwdStore) store = NULL;
  gint64 audit_before, audit_after;
  guint max_calls[AWD_FAULT_N_KINDS];
  guint runs = 0, faults = 0, failed = 0, committed_despite_error = 0, kept_working = 0;
  int state;

  /* A clean run: the operation works, and how many calls of each kind it makes. */
  copy_template ();
  {
    sqlite3 *db = open_plain (world.path);
    audit_before = query (db, "SELECT count(*) FROM audit");
    g_assert_cmpint (op->state (db), ==, 0);
    sqlite3_close (db);
  }
  store = open_world ();
  drop_page_cache (store);
  awd_fault_vfs_arm (AWD_FAULT_WRITE, G_MAXUINT, FALSE);
  g_assert_true (op->run (store, &error));
  g_assert_no_error (error);
  for (int k = 0; k < AWD_FAULT_N_KINDS; k++)
    max_calls[k] = awd_fault_vfs_count (k);
  awd_fault_vfs_disarm ();
  g_clear_object (&store);
  g_assert_cmpint (verify_file (op, &audit_after, "clean run"), ==, 1);
  g_assert_cmpint (audit_after, >, audit_before);
  g_test_message ("%s: %u writes, %u syncs, %u reads", op->name,
                  max_calls[AWD_FAULT_WRITE], max_calls[AWD_FAULT_SYNC], max_calls[AWD_FAULT_READ]);
  g_assert_cmpuint (max_calls[AWD_FAULT_WRITE], >, 0);
  g_assert_cmpuint (max_calls[AWD_FAULT_SYNC], >, 0);

  for (int k = 0; k < AWD_FAULT_N_KINDS; k++)
    for (int persistent = 0; persistent <= 1; persistent++)
      for (guint n = 1; n <= max_calls[k]; n++)
        {
          g_autofree char *what = g_strdup_printf ("%s, %s %u%s", op->name, awd_fault_kind_name (k),
                                                   n, persistent ? " and after" : "");
          g_autoptr(GError) op_error = NULL;
          g_autoptr(GError) later_error = NULL;
          gboolean ok;
          gint64 audit_rows;

          copy_template ();
          store = open_world ();
          drop_page_cache (store);
          awd_fault_vfs_arm (k, n, persistent);
          ok = op->run (store, &op_error);
          if (awd_fault_vfs_fired () > 0)
            faults++;
          awd_fault_vfs_disarm ();
          runs++;

          if (!ok)
            {
              failed++;
              if (op_error == NULL)
                g_test_fail_printf ("%s: failed without an error", what);
              else if (!is_clear_io_error (op_error))
                g_test_fail_printf ("%s: unexpected error %s %d: %s", what,
                                    g_quark_to_string (op_error->domain), op_error->code,
                                    op_error->message);
            }

          /* Once the disk behaves again, the same store goes on working. */
          if (insert_round_titled (store, "После сбоя", &later_error))
            kept_working++;
          else
            g_test_message ("%s: the store did not recover: %s", what, later_error->message);
          g_clear_object (&store);

          state = verify_file (op, &audit_rows, what);
          if (state == -1)
            g_test_fail_printf ("%s: the operation is half there", what);
          else if (ok && state != 1)
            g_test_fail_printf ("%s: reported done but absent", what);
          else if (!ok && state == 1)
            committed_despite_error++;
        }

  g_test_message ("%s: %u runs, %u with a fault injected, %u failed cleanly, "
                  "%u committed although an fsync failed, %u kept working, 0 half done",
                  op->name, runs, faults, failed, committed_despite_error, kept_working);
  total_runs += runs;
  total_faults += faults;
  total_failed_ops += failed;
  total_committed_despite_error += committed_despite_error;
}

/* A full disk: PRAGMA max_page_count on the store's own connection. */
static void
test_disk_full (void)
{
  g_autoptr(AwdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AwdNomination) nomination = awd_nomination_new ();
  g_autofree char *pragma = NULL;
  g_autofree char *big = g_strnfill (200000, 'x');
  gint64 pages, audit_rows;
  int state;

  copy_template ();
  store = open_world ();
  pages = awd_test_raw_count (world.path, "PRAGMA page_count");
  g_assert_cmpint (pages, >, 0);
  pragma = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT, pages + 2);
  g_assert_true (awd_store_exec_for_testing (store, pragma, &error));
  g_assert_no_error (error);

  awd_nomination_set_round_id (nomination, world.round_id);
  awd_nomination_set_category_id (nomination, awd_test_raw_count (world.template_path,
      "SELECT id FROM category WHERE name = 'Основная номинация'"));
  awd_nomination_set_ref (nomination, "2024-999");
  awd_nomination_set_title (nomination, "Очень длинная заявка");
  awd_nomination_set_summary (nomination, big);
  g_assert_false (awd_store_insert_nomination (store, nomination, &error));
  g_assert_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_DISK_FULL);
  if (error != NULL)
    {
      g_assert_nonnull (strstr (error->message, "earlier work is safe"));
      g_test_message ("disk full: %s", error->message);
    }
  g_clear_error (&error);

  /* The import of a whole round, the same. */
  g_assert_false (run_import_xml (store, &error));
  g_assert_nonnull (error);
  if (error != NULL)
    {
      g_test_message ("disk full, import: %s %d: %s", g_quark_to_string (error->domain), error->code, error->message);
      g_assert_nonnull (strstr (error->message, "earlier work is safe"));
    }
  g_clear_error (&error);

  /* Small changes still fit, and with room again the big one goes in. */
  g_assert_true (run_score_edit (store, &error));
  g_assert_no_error (error);
  g_assert_true (awd_store_exec_for_testing (store, "PRAGMA max_page_count = 1073741823", &error));
  g_assert_true (awd_store_insert_nomination (store, nomination, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  state = verify_file (&operations[13] /* score-edit */, &audit_rows, "disk full");
  g_assert_cmpint (state, ==, 1);
  g_assert_cmpint (awd_test_raw_count (world.path, "SELECT count(*) FROM nomination WHERE ref = '2024-999'"), ==, 1);
  g_assert_cmpint (awd_test_raw_count (world.path, "SELECT count(*) FROM round"), ==, 2);
}

static guint logged_warnings;

static void
count_warning_cb (const char     *domain,
                  GLogLevelFlags  level,
                  const char     *message,
                  gpointer        user_data)
{
  logged_warnings++;
}

static void
test_totals (void)
{
  g_test_message ("warnings logged by the store beside its errors: %u", logged_warnings);
  g_test_message ("TOTAL: %u runs over %zu operations, %u faults injected, %u operations failed "
                  "with a clear error, %u committed although an fsync failed, 0 half done, 0 lost",
                  total_runs, G_N_ELEMENTS (operations), total_faults, total_failed_ops,
                  total_committed_despite_error);
  g_assert_cmpuint (total_faults, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();
  /* An injected fault may make the store log a warning (a statement that
   * could not be prepared because the schema could not be read) beside its
   * GError; that is the log doing its job, not a failure of the test. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  g_log_set_handler ("awd-store", G_LOG_LEVEL_WARNING, count_warning_cb, NULL);

  awd_fault_vfs_install ();
  build_world ();

  for (gsize i = 0; i < G_N_ELEMENTS (operations); i++)
    {
      g_autofree char *path = g_strdup_printf ("/vfs-faults/%s", operations[i].name);
      g_test_add_data_func (path, &operations[i], test_operation);
    }
  g_test_add_func ("/vfs-faults/disk-full", test_disk_full);
  g_test_add_func ("/vfs-faults/totals", test_totals);

  status = g_test_run ();
  awd_test_remove_dir (world.dir);
  return status;
}
