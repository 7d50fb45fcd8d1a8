/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "awd-store.h"

G_BEGIN_DECLS

/* A fresh temporary folder per test, removed with everything in it. */
char     *awd_test_make_dir      (void);
void      awd_test_remove_dir    (const char *dir);

/* A new read-write store in @dir, failing the test on error. */
AwdStore *awd_test_open_store    (const char *dir,
                                  const char *name);

/* The fixture of the tests that need only a fresh store: DIR/awards.db,
 * opened read-write; tear-down closes it and removes the folder. */
typedef struct {
  char     *dir;
  char     *path;
  AwdStore *store;
} AwdTestStoreFixture;

void      awd_test_store_fixture_set_up    (AwdTestStoreFixture *f,
                                            gconstpointer        data);
void      awd_test_store_fixture_tear_down (AwdTestStoreFixture *f,
                                            gconstpointer        data);

/* A round with sensible defaults, inserted; returns its id. */
gint64    awd_test_add_round     (AwdStore   *store,
                                  const char *title);

/* Runs SQL on the file with a separate raw connection (to tamper). */
void      awd_test_raw_sql       (const char *path,
                                  const char *sql);
gint64    awd_test_raw_count     (const char *path,
                                  const char *sql);

G_END_DECLS
