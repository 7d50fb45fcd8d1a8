/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-cli-xml"

#include "config.h"

#include <glib/gi18n.h>

#include "awd-cli.h"
#include "awd-xml-export.h"
#include "awd-xml-import.h"

/* `import-xml FILE.xml` adds the round(s) of an exchange file: nothing on
 * stdout, one message on stderr naming the new round ids. A refused file
 * exits 1 with one line "FILE:LINE: message" and changes nothing.
 * `export-xml ROUND FILE.xml` / `export-xml --all FILE.xml` write one round
 * or every round; export only reads, so it runs beside a writer. */

static int
run_import_xml (AwdCliContext  *ctx,
                int             argc,
                char          **argv)
{
  g_autoptr(AwdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GString) list = g_string_new (NULL);

  if (!awd_cli_parse_args (ctx, NULL, 1, 1, &argc, &argv))
    return AWD_CLI_EXIT_USAGE;

  store = awd_cli_open_store (ctx, &error);
  if (store == NULL)
    return awd_cli_fail (error);

  ids = awd_xml_import (store, argv[1], NULL, NULL, NULL, &error);
  if (ids == NULL)
    return awd_cli_fail (error);

  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (list, "%s%" G_GINT64_FORMAT, i > 0 ? ", " : "",
                            g_array_index (ids, gint64, i));
  awd_cli_message (g_dngettext (GETTEXT_PACKAGE, "Imported round %s", "Imported rounds %s", ids->len),
                   list->str);
  return AWD_CLI_EXIT_OK;
}

static int
run_export_xml (AwdCliContext  *ctx,
                int             argc,
                char          **argv)
{
  g_autoptr(AwdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean all = FALSE;
  gint64 round_id = 0;
  const char *path;
  const GOptionEntry entries[] = {
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("Export every round"), NULL },
    { NULL }
  };

  if (!awd_cli_parse_args (ctx, entries, 1, 2, &argc, &argv))
    return AWD_CLI_EXIT_USAGE;
  if (all && argc != 2)
    return awd_cli_usage_error (ctx, _("With --all, give only the file to write"));
  if (!all && argc != 3)
    return awd_cli_usage_error (ctx, _("Give the round and the file to write, or --all and the file"));
  if (!all && !awd_cli_parse_round_id (argv[1], &round_id, &error))
    return awd_cli_usage_error (ctx, "%s", error->message);
  path = argv[argc - 1];

  store = awd_cli_open_store (ctx, &error);
  if (store == NULL)
    return awd_cli_fail (error);

  if (!awd_xml_export (store, all ? NULL : &round_id, all ? 0 : 1, path, NULL, NULL, NULL, &error))
    return awd_cli_fail (error);
  return AWD_CLI_EXIT_OK;
}

const AwdCliCommand awd_cli_command_import_xml = {
  .name = "import-xml",
  .usage = "FILE.xml",
  .summary = N_("Add the round(s) of an exchange file"),
  .needs_write = TRUE,
  .run = run_import_xml,
};

const AwdCliCommand awd_cli_command_export_xml = {
  .name = "export-xml",
  .usage = "ROUND FILE.xml | --all FILE.xml",
  .summary = N_("Write one round, or every round, to an exchange file"),
  .needs_write = FALSE,
  .run = run_export_xml,
};
