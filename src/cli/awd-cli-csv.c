/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-cli-csv"

#include "config.h"

#include <glib/gi18n.h>

#include "awd-csv-nominations.h"
#include "awd-cli.h"

/* `import-csv ROUND FILE.csv` and `nominations ROUND [--search TEXT]`. */

static int
run_import_csv (AwdCliContext  *ctx,
                int             argc,
                char          **argv)
{
  g_autoptr(AwdStore) store = NULL;
  g_autoptr(AwdCsvNominations) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  g_auto(GStrv) unknown = NULL;
  gint64 round_id;
  guint error_line = 0;
  guint n_added = 0;

  if (!awd_cli_parse_args (ctx, NULL, 2, 2, &argc, &argv))
    return AWD_CLI_EXIT_USAGE;
  if (!awd_cli_parse_round_id (argv[1], &round_id, &error))
    return awd_cli_usage_error (ctx, "%s", error->message);
  /* The file as the person typed it, for messages (a file name may be any
   * bytes; the message must be UTF-8). */
  shown = g_filename_display_name (argv[2]);

  store = awd_cli_open_store (ctx, &error);
  if (store == NULL)
    return awd_cli_fail (error);

  import = awd_csv_nominations_new_for_file (argv[2], &error_line, &error);
  if (import == NULL)
    {
      if (error_line > 0)
        awd_cli_message ("%s:%u: %s", shown, error_line, error->message);
      else if (g_error_matches (error, AWD_CSV_ERROR, AWD_CSV_ERROR_READ))
        awd_cli_message ("%s", error->message);
      else
        awd_cli_message ("%s: %s", shown, error->message);
      return AWD_CLI_EXIT_FAILURE;
    }

  /* Columns nobody asked for are not an error: the spreadsheet may hold
   * working notes. Say which are skipped so that a misspelt heading shows. */
  unknown = awd_csv_nominations_dup_unknown_headers (import);
  if (unknown[0] != NULL)
    {
      g_autofree char *list = g_strjoinv ("», «", unknown);
      awd_cli_message (_("%s: columns not imported: «%s»"), shown, list);
    }

  if (!awd_csv_nominations_import (import, store, round_id, &n_added, &error))
    return awd_cli_fail_import (awd_csv_nominations_get_problems (import), shown, error);

  awd_cli_message (g_dngettext (GETTEXT_PACKAGE, "Added %u nomination from %s",
                                "Added %u nominations from %s", n_added),
                   n_added, shown);
  return AWD_CLI_EXIT_OK;
}

const AwdCliCommand awd_cli_command_import_csv = {
  .name = "import-csv",
  .usage = "ROUND FILE.csv",
  .summary = N_("Add the nominations of a spreadsheet (CSV) to a round"),
  .description = N_("The first row names the columns: ref, title, title-en, institution, city, region,\n"
                    "country, summary, contact, email, phone, url, received, status, category\n"
                    "(or their usual Russian headings). Every row is checked first; any problem\n"
                    "is reported with its line and nothing is added."),
  .needs_write = TRUE,
  .run = run_import_csv,
};

static int
run_nominations (AwdCliContext  *ctx,
                 int             argc,
                 char          **argv)
{
  g_autofree char *search = NULL;
  const GOptionEntry entries[] = {
    { "search", 0, 0, G_OPTION_ARG_STRING, &search, N_("only the nominations whose text has every word"), "TEXT" },
    { NULL }
  };
  g_autoptr(AwdStore) store = NULL;
  g_autoptr(AwdRound) round = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(AwdCliRecord) record = awd_cli_record_new ();
  g_autoptr(GError) error = NULL;
  gint64 round_id;

  if (!awd_cli_parse_args (ctx, entries, 1, 1, &argc, &argv))
    return AWD_CLI_EXIT_USAGE;
  if (!awd_cli_parse_round_id (argv[1], &round_id, &error))
    return awd_cli_usage_error (ctx, "%s", error->message);

  store = awd_cli_open_store (ctx, &error);
  if (store == NULL)
    return awd_cli_fail (error);
  /* A round that does not exist is an error, not an empty list. */
  round = awd_store_get_round (store, round_id, &error);
  if (round == NULL)
    return awd_cli_fail (error);

  if (search != NULL)
    list = awd_store_search_nominations (store, round_id, search, &error);
  else
    list = awd_store_list_nominations (store, round_id, &error);
  if (list == NULL)
    return awd_cli_fail (error);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(AwdNomination) n = g_list_model_get_item (list, i);

      awd_cli_record_add_text (record, awd_nomination_get_ref (n));
      awd_cli_record_add_text (record, awd_nomination_get_title (n));
      awd_cli_record_write (record, ctx->out);
    }

  return AWD_CLI_EXIT_OK;
}

const AwdCliCommand awd_cli_command_nominations = {
  .name = "nominations",
  .usage = "ROUND",
  .summary = N_("List a round’s nominations: reference number and title"),
  .description = N_("With --search, only the nominations whose title, institution, city, region,\n"
                    "summary or contact contain every word given (as the start of a word; case\n"
                    "and ё/е do not matter)."),
  .needs_write = FALSE,
  .run = run_nominations,
};
