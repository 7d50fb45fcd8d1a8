/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-cli-report"

#include "config.h"

#include <glib/gi18n.h>

#include "awd-cli.h"
#include "awd-report-document.h"
#include "awd-report-load.h"
#include "awd-report-protocol.h"

/* `report ROUND OUT.pdf`: the results protocol of a round as a PDF, drawn
 * through a cairo PDF surface (no display, no GTK). The file appears whole
 * or not at all: the report library writes a temporary file and renames it. */

static int
run_report (AwdCliContext  *ctx,
            int             argc,
            char          **argv)
{
  g_autoptr(AwdStore) store = NULL;
  g_autoptr(AwdReportRound) round = NULL;
  g_autoptr(AwdReportDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  gint64 round_id;

  if (!awd_cli_parse_args (ctx, NULL, 2, 2, &argc, &argv))
    return AWD_CLI_EXIT_USAGE;
  if (!awd_cli_parse_round_id (argv[1], &round_id, &error))
    return awd_cli_usage_error (ctx, "%s", error->message);

  path = g_filename_from_utf8 (argv[2], -1, NULL, NULL, &error);
  if (path == NULL)
    return awd_cli_fail (error);

  store = awd_cli_open_store (ctx, &error);
  if (store == NULL)
    return awd_cli_fail (error);

  round = awd_report_round_load (store, round_id, &error);
  if (round == NULL)
    return awd_cli_fail (error);

  doc = awd_report_protocol_new (round, NULL, &error);
  if (doc == NULL)
    return awd_cli_fail (error);

  if (!awd_report_write_pdf (doc, path, &error))
    return awd_cli_fail (error);

  return AWD_CLI_EXIT_OK;
}

const AwdCliCommand awd_cli_command_report = {
  .name = "report",
  .usage = "ROUND OUT.pdf",
  .summary = N_("Write the results protocol of a round as PDF"),
  .needs_write = FALSE,
  .run = run_report,
};
