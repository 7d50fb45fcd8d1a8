/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-cli-progress"

#include "config.h"

#include <glib/gi18n.h>

#include "awd-store-results.h"
#include "awd-cli.h"

/* `progress ROUND`: juror<TAB>scored<TAB>required, one juror a line in panel
 * order. Required cells are the criteria × the eligible jury-category
 * nominations the juror has no conflict with (none for a withdrawn juror);
 * scored counts the required cells that hold a score. */

static int
run_progress (AwdCliContext  *ctx,
              int             argc,
              char          **argv)
{
  g_autoptr(AwdStore) store = NULL;
  g_autoptr(AwdResultsInput) in = NULL;
  g_autoptr(AwdResults) res = NULL;
  g_autoptr(AwdCliRecord) record = awd_cli_record_new ();
  g_autoptr(GError) error = NULL;
  gint64 round_id;

  if (!awd_cli_parse_args (ctx, NULL, 1, 1, &argc, &argv))
    return AWD_CLI_EXIT_USAGE;
  if (!awd_cli_parse_round_id (argv[1], &round_id, &error))
    return awd_cli_usage_error (ctx, "%s", error->message);

  store = awd_cli_open_store (ctx, &error);
  if (store == NULL)
    return awd_cli_fail (error);
  in = awd_store_load_results_input (store, round_id, &error);
  if (in == NULL)
    return awd_cli_fail (error);
  res = awd_results_compute (in, in->method, &error);
  if (res == NULL)
    return awd_cli_fail (error);

  for (guint j = 0; j < in->jurors->len; j++)
    {
      const AwdJurorProgress *p = &g_array_index (res->progress, AwdJurorProgress, j);

      awd_cli_record_add_text (record, g_array_index (in->jurors, AwdResultsJuror, j).name);
      awd_cli_record_add_int (record, p->scored);
      awd_cli_record_add_int (record, p->required);
      awd_cli_record_write (record, ctx->out);
    }

  return AWD_CLI_EXIT_OK;
}

const AwdCliCommand awd_cli_command_progress = {
  .name = "progress",
  .usage = "ROUND",
  .summary = N_("Show each juror’s scored and required cells"),
  .needs_write = FALSE,
  .run = run_progress,
};
