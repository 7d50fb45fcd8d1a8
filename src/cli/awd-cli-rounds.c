/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-cli-rounds"

#include "config.h"

#include <glib/gi18n.h>

#include "awd-cli.h"

/* `rounds`: id<TAB>year<TAB>number<TAB>status<TAB>title, one round a line,
 * ascending id (the store lists them so), no header. */

static int
run_rounds (AwdCliContext  *ctx,
            int             argc,
            char          **argv)
{
  g_autoptr(AwdStore) store = NULL;
  g_autoptr(GListModel) rounds = NULL;
  g_autoptr(AwdCliRecord) record = awd_cli_record_new ();
  g_autoptr(GError) error = NULL;
  guint n;

  if (!awd_cli_parse_args (ctx, NULL, 0, 0, &argc, &argv))
    return AWD_CLI_EXIT_USAGE;

  store = awd_cli_open_store (ctx, &error);
  if (store == NULL)
    return awd_cli_fail (error);

  rounds = awd_store_list_rounds (store, &error);
  if (rounds == NULL)
    return awd_cli_fail (error);

  n = g_list_model_get_n_items (rounds);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AwdRound) round = g_list_model_get_item (rounds, i);

      awd_cli_record_add_int (record, awd_round_get_id (round));
      awd_cli_record_add_int (record, awd_round_get_year (round));
      awd_cli_record_add_int (record, awd_round_get_number (round));
      awd_cli_record_add_text (record, awd_round_status_to_string (awd_round_get_status (round)));
      awd_cli_record_add_text (record, awd_round_get_title (round));
      awd_cli_record_write (record, ctx->out);
    }

  return AWD_CLI_EXIT_OK;
}

const AwdCliCommand awd_cli_command_rounds = {
  .name = "rounds",
  .usage = "",
  .summary = N_("List the rounds: id, year, number, status, title"),
  .needs_write = FALSE,
  .run = run_rounds,
};
