/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-cli-results"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "awd-store-results.h"
#include "awd-cli.h"

/* `results ROUND [--method M] [--format text|csv]`: the ranking of every
 * category. `text` (the default) is for people: translated, with ties and
 * incompleteness spelled out. `csv` is for scripts: RFC 4180 with the header
 * category,rank,ref,title,score, one line per ranked nomination of the jury
 * categories, in category then rank order, the score with six decimals. */

static char *
csv_field (const char *text)
{
  g_autoptr(GString) out = NULL;

  if (text == NULL)
    return g_strdup ("");
  if (strpbrk (text, ",\"\r\n") == NULL)
    return g_strdup (text);

  out = g_string_new ("\"");
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static const char *
category_name (const AwdResultsInput *in,
               int                    category)
{
  return category >= 0 ? g_array_index (in->categories, AwdResultsCategory, category).name : "";
}

static void
write_csv (FILE                  *out,
           const AwdResultsInput *in,
           const AwdResults      *res)
{
  fputs ("category,rank,ref,title,score\r\n", out);

  for (guint i = 0; i < res->categories->len; i++)
    {
      const AwdResultCategory *c = &g_array_index (res->categories, AwdResultCategory, i);
      g_autofree char *name = csv_field (category_name (in, c->category));

      if (c->kind != AWD_CATEGORY_KIND_JURY)
        continue;

      for (guint k = 0; k < c->entries->len; k++)
        {
          const AwdResultEntry *e = &g_array_index (c->entries, AwdResultEntry, k);
          const AwdResultsNomination *n = &g_array_index (in->nominations, AwdResultsNomination, e->nomination);
          g_autofree char *ref = csv_field (n->ref);
          g_autofree char *title = csv_field (n->title);
          char score[G_ASCII_DTOSTR_BUF_SIZE];

          if (e->rank == 0)
            continue;
          g_ascii_formatd (score, sizeof score, "%.6f", e->score);
          fprintf (out, "%s,%u,%s,%s,%s\r\n", name, e->rank, ref, title, score);
        }
    }
}

static void
write_text (FILE                  *out,
            const AwdResultsInput *in,
            const AwdResults      *res,
            AwdRound              *round)
{
  fprintf (out, "%s\n", awd_round_get_title (round));
  fprintf (out, _("Season %d, %d. Method: %s\n"), awd_round_get_number (round),
           awd_round_get_year (round), awd_method_label (res->method));
  if (awd_round_get_status (round) == AWD_ROUND_STATUS_FINAL)
    fprintf (out, _("Final results, checksum sha256:%s\n"), awd_round_get_results_checksum (round));
  else
    fprintf (out, "%s\n", _("PRELIMINARY RESULTS"));

  if (!res->complete)
    fprintf (out, _("Incomplete: %u scores missing, %u vote categories without counts, %u direct awards without a winner\n"),
             res->missing->len, res->vote_without_counts->len, res->direct_without_winner->len);

  for (guint i = 0; i < res->categories->len; i++)
    {
      const AwdResultCategory *c = &g_array_index (res->categories, AwdResultCategory, i);

      fputc ('\n', out);
      if (c->category >= 0)
        fprintf (out, "%s (%s)\n", category_name (in, c->category), awd_category_kind_label (c->kind));

      for (guint k = 0; k < c->entries->len; k++)
        {
          const AwdResultEntry *e = &g_array_index (c->entries, AwdResultEntry, k);
          const AwdResultsNomination *n = &g_array_index (in->nominations, AwdResultsNomination, e->nomination);
          g_autofree char *detail = NULL;

          /* "=" after the rank marks a shared place. */
          if (e->rank == 0)
            detail = g_strdup (_("no counting juror"));
          else if (c->kind == AWD_CATEGORY_KIND_JURY)
            detail = g_strdup_printf (_("%.3f, jurors: %u"), e->score, e->n_counting);
          else if (c->kind == AWD_CATEGORY_KIND_VOTE)
            detail = g_strdup_printf (_("votes: %lld"), (long long) n->votes);
          else
            detail = g_strdup (_("awarded directly"));

          if (e->rank == 0)
            fprintf (out, "  —  %s  %s — %s\n", n->ref, n->title, detail);
          else
            fprintf (out, "%3u%s %s  %s — %s\n", e->rank, e->tied ? "=" : " ", n->ref, n->title, detail);
        }
    }
}

static int
run_results (AwdCliContext  *ctx,
             int             argc,
             char          **argv)
{
  g_autofree char *method_text = NULL;
  g_autofree char *format = NULL;
  const GOptionEntry entries[] = {
    { "method", 0, 0, G_OPTION_ARG_STRING, &method_text, N_("mean, median, trimmed or zscore (default: the round’s)"), "M" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("text (default) or csv"), "FORMAT" },
    { NULL }
  };
  g_autoptr(AwdStore) store = NULL;
  g_autoptr(AwdRound) round = NULL;
  g_autoptr(AwdResultsInput) in = NULL;
  g_autoptr(AwdResults) res = NULL;
  g_autoptr(GError) error = NULL;
  AwdMethod method;
  gint64 round_id;

  if (!awd_cli_parse_args (ctx, entries, 1, 1, &argc, &argv))
    return AWD_CLI_EXIT_USAGE;
  if (!awd_cli_parse_round_id (argv[1], &round_id, &error))
    return awd_cli_usage_error (ctx, "%s", error->message);
  if (method_text != NULL && !awd_method_from_string (method_text, &method))
    return awd_cli_usage_error (ctx, _("Unknown method “%s”; use mean, median, trimmed or zscore"), method_text);
  if (format != NULL && g_strcmp0 (format, "text") != 0 && g_strcmp0 (format, "csv") != 0)
    return awd_cli_usage_error (ctx, _("Unknown format “%s”; use text or csv"), format);

  store = awd_cli_open_store (ctx, &error);
  if (store == NULL)
    return awd_cli_fail (error);
  round = awd_store_get_round (store, round_id, &error);
  if (round == NULL)
    return awd_cli_fail (error);
  in = awd_store_load_results_input (store, round_id, &error);
  if (in == NULL)
    return awd_cli_fail (error);
  if (method_text == NULL)
    method = in->method;

  res = awd_results_compute (in, method, &error);
  if (res == NULL)
    return awd_cli_fail (error);

  if (g_strcmp0 (format, "csv") == 0)
    write_csv (ctx->out, in, res);
  else
    write_text (ctx->out, in, res, round);

  return AWD_CLI_EXIT_OK;
}

const AwdCliCommand awd_cli_command_results = {
  .name = "results",
  .usage = "ROUND [--method M] [--format text|csv]",
  .summary = N_("Show the ranking of every category of a round"),
  .needs_write = FALSE,
  .run = run_results,
};
