/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The command table of award-desk-cli, in the order `--help` lists them.
 * Included twice (no include guard on purpose): once by awd-cli.h to declare
 * `awd_cli_command_<id>`, once by awd-cli.c to build the table. Add one line
 * per command; <id> is the command's name with '-' written as '_'. */

AWD_CLI_COMMAND (init)
AWD_CLI_COMMAND (rounds)
AWD_CLI_COMMAND (import_xml)
AWD_CLI_COMMAND (export_xml)
AWD_CLI_COMMAND (import_csv)
AWD_CLI_COMMAND (nominations)
AWD_CLI_COMMAND (import_votes)
AWD_CLI_COMMAND (progress)
AWD_CLI_COMMAND (results)
AWD_CLI_COMMAND (report)
AWD_CLI_COMMAND (check)
AWD_CLI_COMMAND (backups)
AWD_CLI_COMMAND (restore)
