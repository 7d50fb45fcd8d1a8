/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-cli-backup"

#include "config.h"

#include <glib/gi18n.h>

#include "awd-cli.h"

/* `backups`: lists the snapshots of the database, newest first, as
 * path<TAB>created<TAB>size<TAB>reason (created in UTC, ISO 8601; size in
 * bytes). It reads only the backups folder, never the database itself, so
 * it works when the database is damaged or missing: that is when someone
 * needs to choose a snapshot for `restore`. */

static int
run_backups (AwdCliContext  *ctx,
             int             argc,
             char          **argv)
{
  g_autoptr(GPtrArray) snapshots = NULL;
  g_autoptr(AwdCliRecord) record = awd_cli_record_new ();
  g_autoptr(GError) error = NULL;

  if (!awd_cli_parse_args (ctx, NULL, 0, 0, &argc, &argv))
    return AWD_CLI_EXIT_USAGE;

  snapshots = awd_store_list_snapshots (ctx->db_path, &error);
  if (snapshots == NULL)
    return awd_cli_fail (error);

  for (guint i = 0; i < snapshots->len; i++)
    {
      const AwdSnapshot *snapshot = g_ptr_array_index (snapshots, i);
      g_autofree char *created = g_date_time_format (snapshot->created, "%Y-%m-%dT%H:%M:%SZ");
      g_autofree char *path = g_filename_display_name (snapshot->path);

      awd_cli_record_add_text (record, path);
      awd_cli_record_add_text (record, created);
      awd_cli_record_add_int (record, snapshot->size);
      awd_cli_record_add_text (record, snapshot->reason);
      awd_cli_record_write (record, ctx->out);
    }

  return AWD_CLI_EXIT_OK;
}

const AwdCliCommand awd_cli_command_backups = {
  .name = "backups",
  .usage = "",
  .summary = N_("List the backups of the database, newest first"),
  .needs_write = FALSE,
  .run = run_backups,
  .description = N_("Prints one line per snapshot: path, time taken (UTC), size in bytes and reason,\n"
                    "separated by TABs. Snapshots live in the “backups” folder next to the database:\n"
                    "one a day (the first change of the day), one before every upgrade and every\n"
                    "restore, and one when the application closes. Works when the database is\n"
                    "damaged or missing."),
};
