/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-cli-restore"

#include "config.h"

#include <glib/gi18n.h>

#include "awd-cli.h"

/* `restore [SNAPSHOT]`: puts a snapshot in place of the database (the
 * newest good one when none is named). Nothing is deleted: the replaced
 * file is renamed `.replaced-…` (a damaged one `.damaged-…`) and a
 * snapshot of the current state is taken first when it can still be read.
 * A database that no longer opens (damaged, truncated, a -wal from another
 * file, missing) goes through awd_store_recover(), which also handles the
 * case where only the -wal is at fault by putting the -wal aside. Messages
 * only, on stderr; stdout stays empty. */

static int
restore_open_store (AwdCliContext *ctx,
                    AwdStore      *store,
                    const char    *snapshot_path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *db_display = g_filename_display_name (ctx->db_path);
  g_autofree char *from_display = g_filename_display_name (snapshot_path);
  g_autofree char *aside_display = NULL;

  if (!awd_store_restore (store, snapshot_path, &aside, &error))
    return awd_cli_fail (error);

  aside_display = g_filename_display_name (aside);
  awd_cli_message (_("Restored “%s” from “%s”; the replaced file is kept as “%s”"),
                   db_display, from_display, aside_display);
  return AWD_CLI_EXIT_OK;
}

static int
recover_closed_file (AwdCliContext *ctx,
                     const char    *snapshot_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwdStore) check = NULL;
  g_autofree char *from = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *db_display = g_filename_display_name (ctx->db_path);

  if (!awd_store_recover (ctx->db_path, snapshot_path, &from, &aside, &error))
    return awd_cli_fail (error);

  /* The proof: the file opens for writing and passes the open's checks. */
  check = awd_store_open (ctx->db_path, AWD_STORE_OPEN_READ_WRITE, ctx->operator_name, &error);
  if (check == NULL)
    return awd_cli_fail (error);

  if (from != NULL && aside != NULL)
    {
      g_autofree char *from_display = g_filename_display_name (from);
      g_autofree char *aside_display = g_filename_display_name (aside);
      awd_cli_message (_("Restored “%s” from “%s”; the damaged file is kept as “%s”"),
                       db_display, from_display, aside_display);
    }
  else if (from != NULL)
    {
      g_autofree char *from_display = g_filename_display_name (from);
      awd_cli_message (_("Restored “%s” from “%s”"), db_display, from_display);
    }
  else if (aside != NULL)
    {
      g_autofree char *aside_display = g_filename_display_name (aside);
      awd_cli_message (_("“%s” opens again: its -wal came from another database and is kept as “%s”"),
                       db_display, aside_display);
    }
  else
    awd_cli_message (_("“%s” opens without problems; nothing was restored"), db_display);

  return AWD_CLI_EXIT_OK;
}

static int
run_restore (AwdCliContext  *ctx,
             int             argc,
             char          **argv)
{
  g_autoptr(AwdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AwdSnapshot) newest = NULL;
  const char *snapshot_path = NULL;

  if (!awd_cli_parse_args (ctx, NULL, 0, 1, &argc, &argv))
    return AWD_CLI_EXIT_USAGE;

  if (argc > 1)
    {
      snapshot_path = argv[1];
      if (!g_file_test (snapshot_path, G_FILE_TEST_IS_REGULAR))
        {
          g_autofree char *shown = g_filename_display_name (snapshot_path);
          awd_cli_message (_("There is no backup “%s”; “award-desk-cli backups” lists them"), shown);
          return AWD_CLI_EXIT_FAILURE;
        }
    }
  else
    {
      /* Chosen before opening: opening may take the day's snapshot, which
       * would be the current state again. */
      newest = awd_store_find_good_snapshot (ctx->db_path, &error);
      if (newest == NULL)
        return awd_cli_fail (error);
      snapshot_path = newest->path;
    }

  store = awd_store_open (ctx->db_path, AWD_STORE_OPEN_READ_WRITE, ctx->operator_name, &error);
  if (store != NULL)
    return restore_open_store (ctx, store, snapshot_path);

  if (!g_error_matches (error, AWD_STORE_ERROR, AWD_STORE_ERROR_CORRUPT) &&
      !g_error_matches (error, AWD_STORE_ERROR, AWD_STORE_ERROR_NOT_FOUND) &&
      !g_error_matches (error, AWD_STORE_ERROR, AWD_STORE_ERROR_FOREIGN))
    return awd_cli_fail (error);

  awd_cli_message ("%s", error->message);
  /* Automatic recovery picks its own snapshot: with only the -wal at fault
   * it keeps the newer main file instead. */
  return recover_closed_file (ctx, argc > 1 ? snapshot_path : NULL);
}

const AwdCliCommand awd_cli_command_restore = {
  .name = "restore",
  .usage = "[SNAPSHOT]",
  .summary = N_("Put a backup in place of the database (the newest good one by default)"),
  .needs_write = TRUE,
  .run = run_restore,
  .description = N_("SNAPSHOT is a path printed by “award-desk-cli backups”; without it the newest\n"
                    "snapshot that passes SQLite’s checks is used. Nothing is deleted: the current\n"
                    "file is renamed “<file>.replaced-YYYYmmdd-HHMMSS” (a damaged one\n"
                    "“<file>.damaged-YYYYmmdd-HHMMSS”) and, when it can still be read, a snapshot\n"
                    "of it is taken first. A database that no longer opens (damaged, cut short,\n"
                    "missing, or with a -wal file from another database) is recovered the same\n"
                    "way; when only the -wal is at fault, the -wal is put aside and the database\n"
                    "itself kept. Needs the writers’ lock: close Award Desk first."),
};
