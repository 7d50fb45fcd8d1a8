/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-cli"

#include "config.h"

#include <glib/gi18n.h>

#include <errno.h>
#include <locale.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "awd-cli.h"
#include "awd-csv-reader.h"

/* award-desk-cli: reads the global options, finds the command in the table
 * of awd-cli-commands.h and runs it. The helpers below are what every
 * command shares: argument parsing that reads UTF-8 under any locale, the
 * one-line messages on stderr, and opening the store the right way. */

#define GLOBAL_USAGE "award-desk-cli [--db PATH] [--operator NAME]"

static const AwdCliCommand * const commands[] = {
#define AWD_CLI_COMMAND(id) &awd_cli_command_##id,
#include "awd-cli-commands.h"
#undef AWD_CLI_COMMAND
};

/* Messages ----------------------------------------------------------------- */

/* Messages are written as UTF-8 bytes, not through g_printerr(): under the
 * C locale g_printerr() would turn a Cyrillic file name into question marks,
 * and the name of the file is the one thing the person needs to see. */
static void
print_line (const char *text)
{
  g_autoptr(GString) line = g_string_new (g_get_prgname ());

  g_string_append (line, ": ");
  g_string_append (line, text);
  g_strchomp (line->str);
  line->len = strlen (line->str);
  for (gsize i = 0; i < line->len; i++)
    if (line->str[i] == '\n' || line->str[i] == '\r' || line->str[i] == '\t')
      line->str[i] = ' ';
  g_string_append_c (line, '\n');

  fwrite (line->str, 1, line->len, stderr);
  fflush (stderr);
}

void
awd_cli_message (const char *format,
                 ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  print_line (text);
}

int
awd_cli_fail (const GError *error)
{
  print_line (error != NULL ? error->message : _("Unknown error"));
  return AWD_CLI_EXIT_FAILURE;
}

int
awd_cli_fail_import (GPtrArray    *problems,
                     const char   *shown,
                     const GError *error)
{
  g_autofree char *line = NULL;

  if (problems == NULL || problems->len == 0)
    return awd_cli_fail (error);
  line = awd_csv_problem_format (g_ptr_array_index (problems, 0), shown);
  print_line (line);
  return AWD_CLI_EXIT_FAILURE;
}

static void
print_usage (const AwdCliCommand *command)
{
  g_autofree char *line = NULL;

  if (command == NULL)
    line = g_strdup_printf (_("Usage: %s COMMAND …\nRun “%s --help” to see the commands."),
                            GLOBAL_USAGE, g_get_prgname ());
  else
    line = g_strdup_printf (_("Usage: %s %s%s%s"), GLOBAL_USAGE, command->name,
                            *command->usage != '\0' ? " " : "", command->usage);

  fputs (line, stderr);
  fputc ('\n', stderr);
  fflush (stderr);
}

int
awd_cli_usage_error (AwdCliContext *ctx,
                     const char    *format,
                     ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  print_line (text);
  print_usage (ctx != NULL ? ctx->command : NULL);
  return AWD_CLI_EXIT_USAGE;
}

/* Library diagnostics: a refused input must give one clear line, not the
 * warnings of the layers underneath. Without AWARD_DESK_DEBUG, debug, info
 * and g_message() are dropped and warnings and criticals shrink to one
 * line; with it, everything is shown, still one line each. */
static GLogWriterOutput
write_log_cb (GLogLevelFlags   log_level,
              const GLogField *fields,
              gsize            n_fields,
              gpointer         user_data)
{
  gboolean debug = GPOINTER_TO_INT (user_data);
  g_autofree char *message = NULL;
  const char *domain = NULL;
  const char *level;

  if (!debug && (log_level & (G_LOG_LEVEL_MESSAGE | G_LOG_LEVEL_INFO | G_LOG_LEVEL_DEBUG)) != 0)
    return G_LOG_WRITER_HANDLED;

  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_strcmp0 (fields[i].key, "MESSAGE") == 0 && message == NULL)
        message = fields[i].length < 0 ? g_strdup (fields[i].value)
                                       : g_strndup (fields[i].value, fields[i].length);
      else if (g_strcmp0 (fields[i].key, "GLIB_DOMAIN") == 0 && fields[i].length < 0)
        domain = fields[i].value;
    }

  if (log_level & G_LOG_LEVEL_ERROR)
    level = "error";
  else if (log_level & G_LOG_LEVEL_CRITICAL)
    level = "critical";
  else if (log_level & G_LOG_LEVEL_WARNING)
    level = "warning";
  else if (log_level & G_LOG_LEVEL_MESSAGE)
    level = "message";
  else if (log_level & G_LOG_LEVEL_INFO)
    level = "info";
  else
    level = "debug";

  awd_cli_message ("%s (%s): %s", level, domain != NULL ? domain : "?",
                   message != NULL ? message : "");
  return G_LOG_WRITER_HANDLED;
}

/* Arguments ---------------------------------------------------------------- */

/* GOption converts G_OPTION_ARG_STRING values from the locale's charset,
 * which refuses any Cyrillic under LC_ALL=C. We read every argument as
 * UTF-8 instead: string entries are parsed as file names (bytes, no
 * conversion) and then validated here. */
static gboolean
parse_strv (GOptionContext      *context,
            const GOptionEntry  *entries,
            char              ***strv,
            GError             **error)
{
  g_autofree GOptionEntry *copy = NULL;
  gsize n = 0;

  if (entries != NULL)
    {
      while (entries[n].long_name != NULL)
        n++;
      copy = g_new0 (GOptionEntry, n + 1);
      memcpy (copy, entries, n * sizeof (GOptionEntry));
      for (gsize i = 0; i < n; i++)
        {
          if (copy[i].arg == G_OPTION_ARG_STRING)
            copy[i].arg = G_OPTION_ARG_FILENAME;
          else if (copy[i].arg == G_OPTION_ARG_STRING_ARRAY)
            copy[i].arg = G_OPTION_ARG_FILENAME_ARRAY;
        }
      g_option_context_add_main_entries (context, copy, GETTEXT_PACKAGE);
    }

  if (!g_option_context_parse_strv (context, strv, error))
    return FALSE;

  for (gsize i = 0; i < n; i++)
    {
      gboolean valid = TRUE;

      if (entries[i].arg == G_OPTION_ARG_STRING)
        {
          char *value = *(char **) entries[i].arg_data;
          valid = value == NULL || g_utf8_validate (value, -1, NULL);
        }
      else if (entries[i].arg == G_OPTION_ARG_STRING_ARRAY)
        {
          char **values = *(char ***) entries[i].arg_data;
          for (gsize j = 0; values != NULL && values[j] != NULL; j++)
            valid = valid && g_utf8_validate (values[j], -1, NULL);
        }

      if (!valid)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("The value of --%s is not valid UTF-8"), entries[i].long_name);
          return FALSE;
        }
    }

  return TRUE;
}

gboolean
awd_cli_parse_args (AwdCliContext       *ctx,
                    const GOptionEntry  *entries,
                    int                  min_args,
                    int                  max_args,
                    int                 *argc,
                    char              ***argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *parameters = NULL;
  char **strv;
  int n_args;

  g_return_val_if_fail (ctx != NULL && ctx->command != NULL, FALSE);
  g_return_val_if_fail (argc != NULL && argv != NULL && *argv != NULL, FALSE);

  /* parse_strv frees what it removes, so it gets a copy we own. */
  strv = g_strdupv (*argv);
  g_ptr_array_add (ctx->owned_args, strv);

  parameters = g_strdup_printf ("%s%s%s", ctx->command->name,
                                *ctx->command->usage != '\0' ? " " : "", ctx->command->usage);
  context = g_option_context_new (parameters);
  g_option_context_set_summary (context, _(ctx->command->summary));
  if (ctx->command->description != NULL)
    g_option_context_set_description (context, _(ctx->command->description));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!parse_strv (context, entries, &strv, &error))
    {
      /* parse_strv may have replaced the vector. */
      g_ptr_array_index (ctx->owned_args, ctx->owned_args->len - 1) = strv;
      awd_cli_usage_error (ctx, "%s", error->message);
      return FALSE;
    }
  g_ptr_array_index (ctx->owned_args, ctx->owned_args->len - 1) = strv;

  n_args = (int) g_strv_length (strv) - 1;
  if (n_args < min_args)
    {
      awd_cli_usage_error (ctx, _("“%s” needs more arguments"), ctx->command->name);
      return FALSE;
    }
  if (max_args >= 0 && n_args > max_args)
    {
      g_autofree char *shown = g_utf8_make_valid (strv[max_args + 1], -1);
      awd_cli_usage_error (ctx, _("Unexpected argument “%s”"), shown);
      return FALSE;
    }

  *argc = n_args + 1;
  *argv = strv;
  return TRUE;
}

gboolean
awd_cli_parse_round_id (const char  *text,
                        gint64      *out_id,
                        GError     **error)
{
  guint64 value = 0;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    {
      g_autofree char *shown = g_utf8_make_valid (text, -1);
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” is not a round id; “award-desk-cli rounds” lists them"), shown);
      return FALSE;
    }

  *out_id = (gint64) value;
  return TRUE;
}

/* The store ---------------------------------------------------------------- */

AwdStore *
awd_cli_open_store (AwdCliContext  *ctx,
                    GError        **error)
{
  AwdStoreOpenFlags flags = AWD_STORE_OPEN_READ_ONLY;

  g_return_val_if_fail (ctx != NULL && ctx->command != NULL, NULL);

  if (ctx->command->needs_write)
    flags = AWD_STORE_OPEN_READ_WRITE;

  /* Without AWD_STORE_OPEN_CREATE the store refuses a missing file with a
   * message that names it and points at `init`. */
  return awd_store_open (ctx->db_path, flags, ctx->operator_name, error);
}

/* main --------------------------------------------------------------------- */

static char *
default_operator (void)
{
  const char *name = g_get_real_name ();

  /* GLib answers "Unknown" when the account has no real name. */
  if (name == NULL || *name == '\0' || g_strcmp0 (name, "Unknown") == 0)
    name = g_get_user_name ();

  return g_utf8_make_valid (name, -1);
}

static char *
describe_commands (void)
{
  g_autoptr(GString) text = g_string_new (_("Commands:"));
  int width = 0;

  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    width = MAX (width, (int) (strlen (commands[i]->name) + 1 + strlen (commands[i]->usage)));

  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *synopsis = g_strdup_printf ("%s %s", commands[i]->name, commands[i]->usage);
      g_string_append_printf (text, "\n  %-*s  %s", width, synopsis, _(commands[i]->summary));
    }

  g_string_append (text, "\n\n");
  g_string_append (text, _("Machine output on stdout is TAB-separated UTF-8; messages go to stderr.\n"
                           "Exit status: 0 done, 1 refused or a problem found, 2 wrong usage."));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static const AwdCliCommand *
find_command (const char *name)
{
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i]->name, name) == 0)
      return commands[i];
  return NULL;
}

static void
free_context (AwdCliContext *ctx)
{
  g_clear_pointer (&ctx->db_path, g_free);
  g_clear_pointer (&ctx->operator_name, g_free);
  g_clear_pointer (&ctx->owned_args, g_ptr_array_unref);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  g_autofree char *opt_db = NULL;
  g_autofree char *opt_operator = NULL;
  g_autofree char *description = NULL;
  g_autofree char *default_db = awd_store_default_path ();
  g_autofree char *db_help = NULL;
  gboolean opt_version = FALSE;
  const char *localedir;
  AwdCliContext ctx = { 0 };
  int status;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &opt_db, NULL, N_("PATH") },
    { "operator", 0, 0, G_OPTION_ARG_STRING, &opt_operator,
      N_("Who is recorded in the audit log (default: the account’s name)"), N_("NAME") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &opt_version,
      N_("Show the version and exit"), NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");
  localedir = g_getenv ("AWARD_DESK_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_prgname ("award-desk-cli");
  g_log_set_writer_func (write_log_cb,
                         GINT_TO_POINTER (g_getenv ("AWARD_DESK_DEBUG") != NULL),
                         NULL);

  /* GOption translates descriptions itself; this one is already translated. */
  db_help = g_strdup_printf (_("The database file (default: %s)"), default_db);
  entries[0].description = db_help;

  /* Global options come before the command; strict POSIX stops at the
   * command's name and leaves the rest to the command. */
  args = g_strdupv (argv);
  context = g_option_context_new (_("COMMAND [ARGUMENTS…]"));
  g_option_context_set_strict_posix (context, TRUE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Runs an award: the command-line face of Award Desk."));
  description = describe_commands ();
  g_option_context_set_description (context, description);

  if (!parse_strv (context, entries, &args, &error))
    return awd_cli_usage_error (NULL, "%s", error->message);

  if (opt_version)
    {
      fputs ("award-desk-cli " PACKAGE_VERSION "\n", stdout);
      return fflush (stdout) == 0 ? AWD_CLI_EXIT_OK : AWD_CLI_EXIT_FAILURE;
    }

  if (g_strv_length (args) < 2)
    return awd_cli_usage_error (NULL, _("No command given"));

  ctx.command = find_command (args[1]);
  if (ctx.command == NULL)
    {
      g_autofree char *shown = g_utf8_make_valid (args[1], -1);
      return awd_cli_usage_error (NULL, _("Unknown command “%s”"), shown);
    }

  if (opt_db != NULL && *opt_db == '\0')
    return awd_cli_usage_error (&ctx, _("--db needs a file name"));
  if (opt_operator != NULL && g_strstrip (opt_operator)[0] == '\0')
    return awd_cli_usage_error (&ctx, _("--operator needs a name"));

  ctx.db_path = opt_db != NULL ? g_steal_pointer (&opt_db) : awd_store_default_path ();
  ctx.operator_name = opt_operator != NULL ? g_steal_pointer (&opt_operator) : default_operator ();
  ctx.out = stdout;
  ctx.owned_args = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  status = ctx.command->run (&ctx, (int) g_strv_length (args) - 1, args + 1);

  /* One check for every write of machine output: a full disk or a closed
   * pipe must not pass for success. */
  if (fflush (ctx.out) != 0 || ferror (ctx.out))
    {
      int saved_errno = errno;
      awd_cli_message (_("Could not write the output: %s"), g_strerror (saved_errno));
      if (status == AWD_CLI_EXIT_OK)
        status = AWD_CLI_EXIT_FAILURE;
    }

  free_context (&ctx);
  return status;
}
