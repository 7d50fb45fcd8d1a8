/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-cli-init"

#include "config.h"

#include <glib/gi18n.h>

#include "awd-cli.h"

/* `init`: creates the database, or brings an older one up to the current
 * schema (the store backs it up first). Adds no round and prints nothing on
 * stdout; the one line on stderr says which of the three happened. */

static int
run_init (AwdCliContext  *ctx,
          int             argc,
          char          **argv)
{
  g_autoptr(AwdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  gboolean existed;
  gboolean needs_upgrade = FALSE;

  if (!awd_cli_parse_args (ctx, NULL, 0, 0, &argc, &argv))
    return AWD_CLI_EXIT_USAGE;

  display = g_filename_display_name (ctx->db_path);
  existed = g_file_test (ctx->db_path, G_FILE_TEST_EXISTS);

  /* A read-only look first, to tell "upgraded" from "up to date" and to
   * refuse someone else's file before taking the writers' lock on it. */
  if (existed)
    {
      g_autoptr(AwdStore) probe = awd_store_open (ctx->db_path, AWD_STORE_OPEN_READ_ONLY,
                                                  ctx->operator_name, &error);

      if (probe == NULL && g_error_matches (error, AWD_STORE_ERROR, AWD_STORE_ERROR_NEEDS_UPGRADE))
        {
          needs_upgrade = TRUE;
          g_clear_error (&error);
        }
      else if (probe == NULL)
        return awd_cli_fail (error);
    }

  store = awd_store_open (ctx->db_path, AWD_STORE_OPEN_CREATE, ctx->operator_name, &error);
  if (store == NULL)
    return awd_cli_fail (error);

  if (!existed)
    awd_cli_message (_("Created the database “%s”"), display);
  else if (needs_upgrade)
    awd_cli_message (_("Upgraded the database “%s” to schema %d"),
                     display, awd_store_get_schema_version (store));
  else
    awd_cli_message (_("The database “%s” is up to date (schema %d)"),
                     display, awd_store_get_schema_version (store));

  return AWD_CLI_EXIT_OK;
}

const AwdCliCommand awd_cli_command_init = {
  .name = "init",
  .usage = "",
  .summary = N_("Create (or upgrade) the database; adds no round"),
  .needs_write = TRUE,
  .run = run_init,
};
