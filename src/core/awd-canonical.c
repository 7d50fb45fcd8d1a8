/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-canonical"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "awd-canonical.h"

#define SEP "|"

static void add_line (GPtrArray *lines, ...) G_GNUC_NULL_TERMINATED;

char *
awd_canonical_escape_field (const char *field)
{
  GString *out;

  g_return_val_if_fail (field != NULL, NULL);

  out = g_string_sized_new (strlen (field));
  for (const char *p = field; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '|':  g_string_append (out, "\\|"); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        default:   g_string_append_c (out, *p); break;
        }
    }
  return g_string_free (out, FALSE);
}

char *
awd_canonical_format_decimal (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  const char *text;

  /* %.6f of a huge value does not fit the buffer; no score, weight or
   * count of a round comes near it. */
  g_return_val_if_fail (value > -1e15 && value < 1e15, g_strdup ("0.000000"));

  text = g_ascii_formatd (buf, sizeof buf, "%.6f", value);
  /* -0.0 and tiny negatives (a z-score mean of -1e-17) print as
   * "-0.000000"; the checksum must not depend on the sign of nothing. */
  if (strcmp (text, "-0.000000") == 0)
    text = "0.000000";
  return g_strdup (text);
}

static void
add_line (GPtrArray *lines,
          ...)
{
  GString *line = g_string_new (NULL);
  const char *field;
  gboolean first = TRUE;
  va_list args;

  /* Fields are given already formatted; NULL ends the list. Each field is
   * escaped here so that no caller can forget it. */
  va_start (args, lines);
  while ((field = va_arg (args, const char *)) != NULL)
    {
      g_autofree char *escaped = awd_canonical_escape_field (field);

      if (!first)
        g_string_append (line, SEP);
      g_string_append (line, escaped);
      first = FALSE;
    }
  va_end (args);

  g_ptr_array_add (lines, g_string_free (line, FALSE));
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
append_sorted (GString   *text,
               GPtrArray *lines)
{
  g_ptr_array_sort (lines, compare_lines);
  for (guint i = 0; i < lines->len; i++)
    {
      g_string_append (text, g_ptr_array_index (lines, i));
      g_string_append_c (text, '\n');
    }
  g_ptr_array_set_size (lines, 0);
}

static const char *
get_category_name (const AwdResultsInput *in,
                   int                    category)
{
  if (category < 0)
    return "";
  return g_array_index (in->categories, AwdResultsCategory, category).name;
}

static char *
format_int (gint64 value)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

char *
awd_canonical_results_text (const AwdResultsInput *in,
                            const AwdResults      *res)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  GString *text;

  g_return_val_if_fail (in != NULL, NULL);
  g_return_val_if_fail (res != NULL, NULL);

  text = g_string_new ("award-desk-results" SEP "1\n");

  {
    g_autofree char *number = format_int (in->number);
    g_autofree char *year = format_int (in->year);
    g_autofree char *trim = format_int (in->trim);
    g_autofree char *min = awd_canonical_format_decimal (in->scale_min);
    g_autofree char *max = awd_canonical_format_decimal (in->scale_max);
    g_autofree char *step = awd_canonical_format_decimal (in->scale_step);

    add_line (lines, "round", in->award, number, year,
              awd_method_to_string (res->method), trim, min, max, step,
              awd_tie_break_to_string (in->tie_break), NULL);
    append_sorted (text, lines);
  }

  for (guint c = 0; c < in->criteria->len; c++)
    {
      const AwdResultsCriterion *crit = &g_array_index (in->criteria, AwdResultsCriterion, c);
      g_autofree char *position = format_int (c + 1);
      g_autofree char *weight = awd_canonical_format_decimal (crit->weight);

      add_line (lines, "criterion", position, weight, crit->name, NULL);
    }
  append_sorted (text, lines);

  for (guint k = 0; k < in->categories->len; k++)
    {
      const AwdResultsCategory *cat = &g_array_index (in->categories, AwdResultsCategory, k);

      add_line (lines, "category", cat->name, awd_category_kind_to_string (cat->kind), NULL);
    }
  append_sorted (text, lines);

  for (guint j = 0; j < in->jurors->len; j++)
    {
      const AwdResultsJuror *juror = &g_array_index (in->jurors, AwdResultsJuror, j);

      add_line (lines, "juror", juror->name, juror->withdrawn ? "1" : "0", NULL);
    }
  append_sorted (text, lines);

  for (guint n = 0; n < in->nominations->len; n++)
    {
      const AwdResultsNomination *nom = &g_array_index (in->nominations, AwdResultsNomination, n);

      add_line (lines, "nomination", nom->ref, get_category_name (in, nom->category),
                awd_nomination_status_to_string (nom->status), NULL);
    }
  append_sorted (text, lines);

  for (guint i = 0; i < in->conflicts->len; i++)
    {
      const AwdResultsConflict *c = &g_array_index (in->conflicts, AwdResultsConflict, i);

      add_line (lines, "conflict",
                g_array_index (in->jurors, AwdResultsJuror, c->juror).name,
                g_array_index (in->nominations, AwdResultsNomination, c->nomination).ref,
                NULL);
    }
  append_sorted (text, lines);

  for (guint i = 0; i < in->scores->len; i++)
    {
      const AwdResultsScore *s = &g_array_index (in->scores, AwdResultsScore, i);
      g_autofree char *position = format_int (s->criterion + 1);
      g_autofree char *value = awd_canonical_format_decimal (s->value);

      add_line (lines, "score",
                g_array_index (in->jurors, AwdResultsJuror, s->juror).name,
                g_array_index (in->nominations, AwdResultsNomination, s->nomination).ref,
                position, value, NULL);
    }
  append_sorted (text, lines);

  for (guint n = 0; n < in->nominations->len; n++)
    {
      const AwdResultsNomination *nom = &g_array_index (in->nominations, AwdResultsNomination, n);
      g_autofree char *count = NULL;

      if (!nom->has_votes)
        continue;
      count = format_int (nom->votes);
      add_line (lines, "vote", nom->ref, count, NULL);
    }
  append_sorted (text, lines);

  /* Only ranked entries: a nomination that no juror counts for (rank 0)
   * has no result to freeze. */
  for (guint k = 0; k < res->categories->len; k++)
    {
      const AwdResultCategory *rc = &g_array_index (res->categories, AwdResultCategory, k);

      for (guint i = 0; i < rc->entries->len; i++)
        {
          const AwdResultEntry *e = &g_array_index (rc->entries, AwdResultEntry, i);
          const AwdResultsNomination *nom;
          g_autofree char *rank = NULL;
          g_autofree char *score = NULL;

          if (e->rank == 0)
            continue;
          nom = &g_array_index (in->nominations, AwdResultsNomination, e->nomination);
          rank = format_int (e->rank);
          score = awd_canonical_format_decimal (e->score);
          add_line (lines, "result", get_category_name (in, rc->category), rank,
                    nom->ref, score, awd_award_mark_to_string (nom->mark), NULL);
        }
    }
  append_sorted (text, lines);

  return g_string_free (text, FALSE);
}

char *
awd_canonical_checksum (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
}
