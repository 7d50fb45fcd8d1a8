/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-xml-import"

#include "config.h"

#include <glib/gstdio.h>

#include <string.h>

#include "awd-xml-import.h"

/* libFuzzer target: each input is written to a file and imported into a
 * store created once per process. A refusal is the normal outcome; what
 * the fuzzer hunts is a crash, a leak or a sanitizer report. Inputs that
 * import are kept (the next import adds rounds), which exercises the store
 * with varied content too. */

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static AwdStore *store;
static char *input_path;

static void
set_up (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fuzz-xml-XXXXXX", &error);
  g_autofree char *db = NULL;

  g_assert_no_error (error);
  db = g_build_filename (dir, "fuzz.db", NULL);
  input_path = g_build_filename (dir, "input.xml", NULL);
  store = awd_store_open (db, AWD_STORE_OPEN_CREATE, "fuzz", &error);
  g_assert_no_error (error);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;

  if (store == NULL)
    set_up ();

  if (!g_file_set_contents (input_path, (const char *) data, (gssize) size, &error))
    g_error ("%s", error->message);
  ids = awd_xml_import (store, input_path, NULL, NULL, NULL, &error);
  /* One line, always, for a refusal. */
  if (ids == NULL)
    g_assert (error != NULL && strchr (error->message, '\n') == NULL);
  return 0;
}
