/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-csv-import"

#include "config.h"

#include <string.h>

#include "awd-csv-nominations.h"
#include "awd-csv-votes.h"

/* libFuzzer target for the CSV reader and the nominations and votes
 * imports. Each input is imported into a round that has a jury and a vote
 * category, in a store created once per process; a refusal is the normal
 * outcome. The fuzzer hunts crashes, leaks and sanitizer reports, and
 * checks that a refusal always says why in one line. */

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static AwdStore *store;
static gint64 round_id;

static void
add_category (const char *name,
              int         kind)
{
  g_autoptr(AwdCategory) c = awd_category_new ();
  g_autoptr(GError) error = NULL;

  awd_category_set_round_id (c, round_id);
  awd_category_set_name (c, name);
  awd_category_set_kind (c, kind);
  if (!awd_store_insert_category (store, c, &error))
    g_error ("%s", error->message);
}

static void
set_up (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fuzz-csv-XXXXXX", &error);
  g_autofree char *db = NULL;
  g_autoptr(AwdRound) round = awd_round_new ();

  g_assert_no_error (error);
  db = g_build_filename (dir, "fuzz.db", NULL);
  store = awd_store_open (db, AWD_STORE_OPEN_CREATE, "fuzz", &error);
  g_assert_no_error (error);

  awd_round_set_award (round, "Премия");
  awd_round_set_title (round, "Сезон");
  awd_round_set_number (round, 1);
  awd_round_set_year (round, 2024);
  awd_round_set_scale_min (round, 0);
  awd_round_set_scale_max (round, 10);
  awd_round_set_scale_step (round, 1);
  if (!awd_store_insert_round (store, round, &error))
    g_error ("%s", error->message);
  round_id = awd_round_get_id (round);
  add_category ("Жюри", AWD_CATEGORY_KIND_JURY);
  add_category ("Голосование", AWD_CATEGORY_KIND_VOTE);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(AwdCsvNominations) import = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) awd_csv_problem_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) votes_error = NULL;
  guint line = 0;

  if (store == NULL)
    set_up ();

  import = awd_csv_nominations_new_for_data ((const char *) data, size, "fuzz.csv", &line, &error);
  if (import == NULL)
    g_assert (error != NULL && g_utf8_validate (error->message, -1, NULL));
  else
    {
      g_auto(GStrv) unknown = awd_csv_nominations_dup_unknown_headers (import);

      g_assert (unknown != NULL);

      if (!awd_csv_nominations_import (import, store, round_id, NULL, &error))
        g_assert (error != NULL);
    }

  if (!awd_csv_votes_import_data (store, round_id, (const char *) data, size, "fuzz.csv",
                                  problems, NULL, &votes_error))
    g_assert (votes_error != NULL);
  return 0;
}
