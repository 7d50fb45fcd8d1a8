/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* award-desk-cli: the dispatcher (awd-cli.c), the command table
 * (awd-cli-commands.h) and the helpers every command shares.
 *
 * Adding a command takes one file and two lines:
 *   1. src/cli/awd-cli-NAME.c defines
 *        const AwdCliCommand awd_cli_command_NAME = { "name", "ARGS", summary, needs_write, run };
 *      with the summary marked for translation by N_
 *   2. one line `AWD_CLI_COMMAND (NAME)` in awd-cli-commands.h (the order there is the
 *      order of `--help`);
 *   3. one line in `cli_sources` of src/cli/meson.build (and po/POTFILES.in).
 */

#include <stdio.h>

#include <gio/gio.h>

#include "awd-store.h"

G_BEGIN_DECLS

typedef enum {
  AWD_CLI_EXIT_OK      = 0,  /* done */
  AWD_CLI_EXIT_FAILURE = 1,  /* bad input, a refusal, a problem found by `check` */
  AWD_CLI_EXIT_USAGE   = 2,  /* wrong usage: unknown command or option, missing argument */
} AwdCliExit;

typedef struct _AwdCliContext AwdCliContext;
typedef struct _AwdCliCommand AwdCliCommand;

struct _AwdCliCommand
{
  const char *name;         /* as typed: "import-xml" */
  const char *usage;        /* what follows the name: "ROUND FILE.xml", "" for nothing */
  const char *summary;      /* one line for `--help`, marked with N_, translated when shown */
  gboolean    needs_write;  /* TRUE: awd_cli_open_store() opens read-write (takes the
                               writers' lock); FALSE: read-only, runs beside a writer */

  /* argv[0] is the command's name, argv[argc] is NULL. Returns an AwdCliExit. */
  int       (*run)          (AwdCliContext  *ctx,
                             int             argc,
                             char          **argv);

  /* Optional: more text for the command's `--help`, after the options;
   * marked with N_, translated when shown. */
  const char *description;
};

struct _AwdCliContext
{
  const AwdCliCommand *command;
  char                *db_path;        /* --db, else awd_store_default_path(); file name bytes */
  char                *operator_name;  /* --operator, else the account's name; UTF-8 */
  FILE                *out;            /* machine output (stdout) */

  /*< private >*/
  GPtrArray           *owned_args;     /* argument vectors handed out by awd_cli_parse_args() */
};

/* The command table: `extern const AwdCliCommand awd_cli_command_<id>;` for each. */
#define AWD_CLI_COMMAND(id) extern const AwdCliCommand awd_cli_command_##id;
#include "awd-cli-commands.h"
#undef AWD_CLI_COMMAND

/* Arguments ---------------------------------------------------------------- */

/* Parses the command's own options (@entries may be NULL) out of *argv,
 * leaves the positional arguments in argc and argv (argv[0] stays the
 * command's name) and checks that there are between @min_args and @max_args
 * of them (-1: no upper bound). Every argument is read as UTF-8 whatever the
 * locale: G_OPTION_ARG_STRING(_ARRAY) entries are taken as bytes and then
 * validated, so write them as usual. Positional arguments are left as given
 * (a FILE is a file name, bytes); check a text one with g_utf8_validate().
 * `--help` prints the command's help and exits 0. On wrong usage it prints the error and the command's usage line
 * on stderr and returns FALSE: the command then returns AWD_CLI_EXIT_USAGE. */
gboolean    awd_cli_parse_args       (AwdCliContext       *ctx,
                                      const GOptionEntry  *entries,
                                      int                  min_args,
                                      int                  max_args,
                                      int                 *argc,
                                      char              ***argv);

/* Parses a round id ("12"): a positive integer. */
gboolean    awd_cli_parse_round_id   (const char          *text,
                                      gint64              *out_id,
                                      GError             **error);

/* Opens the existing database of ctx->db_path: read-only unless the command
 * needs_write; a missing file is refused (only `init` creates one). */
AwdStore   *awd_cli_open_store       (AwdCliContext       *ctx,
                                      GError             **error);

/* Messages (stderr, translated, UTF-8, one line each) ---------------------- */

/* "award-desk-cli: <message>"; newlines in @message become spaces. */
void        awd_cli_message          (const char          *format,
                                      ...) G_GNUC_PRINTF (1, 2);

/* Prints @error as one line and returns AWD_CLI_EXIT_FAILURE. */
int         awd_cli_fail             (const GError        *error);
/* The end of a failed CSV import: the first of @problems with the file
 * named as the person typed it (@shown), or else @error. */
int         awd_cli_fail_import      (GPtrArray           *problems,
                                      const char          *shown,
                                      const GError        *error);

/* Prints the message and the command's usage line; returns AWD_CLI_EXIT_USAGE. */
int         awd_cli_usage_error      (AwdCliContext       *ctx,
                                      const char          *format,
                                      ...) G_GNUC_PRINTF (2, 3);

/* Machine output (awd-cli-output.c) ---------------------------------------- */

/* One record of machine output: TAB-separated fields, no translation,
 * UTF-8, a TAB, CR or LF inside a field written as a space, numbers with a
 * dot whatever the locale. Write with awd_cli_record_write(), which ends the
 * line and empties the record for the next one. */
typedef struct _AwdCliRecord AwdCliRecord;

AwdCliRecord *awd_cli_record_new        (void);
void          awd_cli_record_free       (AwdCliRecord  *record);
void          awd_cli_record_add_text   (AwdCliRecord  *record,
                                         const char    *text);
void          awd_cli_record_add_int    (AwdCliRecord  *record,
                                         gint64         value);
void          awd_cli_record_add_double (AwdCliRecord  *record,
                                         double         value,
                                         int            decimals);
const char   *awd_cli_record_peek       (AwdCliRecord  *record);
void          awd_cli_record_write      (AwdCliRecord  *record,
                                         FILE          *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwdCliRecord, awd_cli_record_free)

G_END_DECLS
