/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-cli-check"

#include "config.h"

#include <glib/gi18n.h>

#include "awd-cli.h"

/* `check`: SQLite's integrity and foreign-key checks, the schema version and
 * the audit chain. Every problem is a message, so each goes to stderr as one
 * line starting with the file's name; stdout stays empty. A file that cannot
 * be opened at all (damaged, not ours, missing) is one problem too. */

static int
run_check (AwdCliContext  *ctx,
           int             argc,
           char          **argv)
{
  g_autoptr(AwdStore) store = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;

  if (!awd_cli_parse_args (ctx, NULL, 0, 0, &argc, &argv))
    return AWD_CLI_EXIT_USAGE;

  store = awd_cli_open_store (ctx, &error);
  if (store == NULL)
    return awd_cli_fail (error);

  if (!awd_store_check (store, problems, &error))
    return awd_cli_fail (error);

  display = g_filename_display_name (ctx->db_path);
  for (guint i = 0; i < problems->len; i++)
    awd_cli_message ("%s: %s", display, (const char *) g_ptr_array_index (problems, i));

  if (problems->len > 0)
    return AWD_CLI_EXIT_FAILURE;

  awd_cli_message (_("No problems found in “%s”"), display);
  return AWD_CLI_EXIT_OK;
}

const AwdCliCommand awd_cli_command_check = {
  .name = "check",
  .usage = "",
  .summary = N_("Check integrity, foreign keys, schema version and the audit chain"),
  .needs_write = FALSE,
  .run = run_check,
};
