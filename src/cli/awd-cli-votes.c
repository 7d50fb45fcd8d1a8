/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-cli-votes"

#include "config.h"

#include <glib/gi18n.h>

#include "awd-csv-votes.h"
#include "awd-cli.h"

/* `import-votes ROUND FILE.csv`: the public-vote counts of a round's vote
 * categories, all or nothing (see awd-csv-votes.h). */

static int
run_import_votes (AwdCliContext  *ctx,
                  int             argc,
                  char          **argv)
{
  g_autoptr(AwdStore) store = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) awd_csv_problem_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  gint64 round_id;
  guint n_counts = 0;

  if (!awd_cli_parse_args (ctx, NULL, 2, 2, &argc, &argv))
    return AWD_CLI_EXIT_USAGE;
  if (!awd_cli_parse_round_id (argv[1], &round_id, &error))
    return awd_cli_usage_error (ctx, "%s", error->message);
  shown = g_filename_display_name (argv[2]);

  store = awd_cli_open_store (ctx, &error);
  if (store == NULL)
    return awd_cli_fail (error);

  /* Name the file as it was typed, not only its base name. */
  if (!awd_csv_votes_import_file (store, round_id, argv[2], problems, &n_counts, &error))
    return awd_cli_fail_import (problems, shown, error);

  awd_cli_message (g_dngettext (GETTEXT_PACKAGE, "Set %u vote count from %s",
                                "Set %u vote counts from %s", n_counts),
                   n_counts, shown);
  return AWD_CLI_EXIT_OK;
}

const AwdCliCommand awd_cli_command_import_votes = {
  .name = "import-votes",
  .usage = "ROUND FILE.csv",
  .summary = N_("Set the public-vote counts of a round from a spreadsheet (CSV)"),
  .description = N_("The first row names the columns ref and count (or «Номер» and «Голоса»). Each\n"
                    "ref must be a nomination of a category decided by public vote. Every row is\n"
                    "checked first; any problem is reported with its line and nothing changes."),
  .needs_write = TRUE,
  .run = run_import_votes,
};
