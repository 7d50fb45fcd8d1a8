/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-xml-import"

#include "config.h"

#include <glib/gi18n.h>

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "awd-canonical.h"
#include "awd-results.h"
#include "awd-store-results.h"
#include "awd-xml-import-private.h"

/* The importer: one pass of libxml2's streaming reader with the schema
 * validator attached, writing into the store as it goes inside a single
 * transaction that is rolled back on the first error. See BUILD-NOTES.md
 * for why every libxml2 option here is what it is. */

#define CHECK_EVERY 4096

typedef struct {
  char         *key;
  int           line;
  int           rank;
  double        score;
  AwdAwardMark  mark;
  char         *note;
} PendingResult;

typedef struct {
  gint64  category_id;
  char   *key;
  int     line;
} PendingWinner;

/* A recorded award mark and/or note, its nomination already resolved. */
typedef struct {
  gint64        nomination_id;
  AwdAwardMark  mark;
  char         *note;
  int           line;
} PendingDecision;

/* Errors ------------------------------------------------------------------ */

static int
current_line (ImportContext *ctx)
{
  xmlNodePtr node = ctx->reader != NULL ? xmlTextReaderCurrentNode (ctx->reader) : NULL;
  long line = node != NULL ? xmlGetLineNo (node) : -1;

  if (line <= 0 && ctx->reader != NULL)
    line = xmlTextReaderGetParserLineNumber (ctx->reader);
  return line > 0 ? (int) line : 1;
}

/* For the other files: the function above stays static, so that the
 * per-score path calls it as it always has. */
int
awd_xml_import_current_line (ImportContext *ctx)
{
  return current_line (ctx);
}

gboolean
awd_xml_import_fail_at (ImportContext *ctx,
                        int            line,
                        AwdXmlError    code,
                        const char    *message)
{
  g_autofree char *one_line = g_strdup (message);

  if (ctx->error != NULL)
    return FALSE;
  g_strdelimit (one_line, "\r\n", ' ');
  g_strstrip (one_line);
  if (line > 0)
    ctx->error = g_error_new (AWD_XML_ERROR, code, "%s:%d: %s", ctx->path, line, one_line);
  else
    ctx->error = g_error_new (AWD_XML_ERROR, code, "%s: %s", ctx->path, one_line);
  return FALSE;
}

static gboolean G_GNUC_PRINTF (3, 4)
fail (ImportContext *ctx,
      AwdXmlError    code,
      const char    *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  return awd_xml_import_fail_at (ctx, current_line (ctx), code, message);
}

/* A store or engine error, with the line of the element that caused it. */
gboolean
awd_xml_import_fail_with (ImportContext *ctx,
                          GError        *error)
{
  gboolean cancelled = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  if (cancelled && ctx->error == NULL)
    {
      ctx->error = g_error_copy (error);
      g_error_free (error);
      return FALSE;
    }
  awd_xml_import_fail_at (ctx, current_line (ctx), AWD_XML_ERROR_INVALID, error->message);
  g_error_free (error);
  return FALSE;
}

/* The attribute's value (owned by the caller), or NULL. */
static char *
get_attribute (ImportContext *ctx,
               const char    *name)
{
  xmlChar *value = xmlTextReaderGetAttribute (ctx->reader, BAD_CAST name);
  char *copy;

  if (value == NULL)
    return NULL;
  copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

static gboolean
get_int_attribute (ImportContext *ctx,
                   const char    *name,
                   gint64         fallback,
                   gint64        *out_value)
{
  g_autofree char *text = get_attribute (ctx, name);
  char *end = NULL;

  if (text == NULL)
    {
      *out_value = fallback;
      return TRUE;
    }
  g_strstrip (text);
  errno = 0;
  *out_value = g_ascii_strtoll (text, &end, 10);
  if (errno != 0 || end == text || *end != '\0' || *out_value < G_MININT || *out_value > G_MAXINT)
    return fail (ctx, AWD_XML_ERROR_INVALID, _("The attribute “%s” is not a whole number: “%s”"),
                 name, text);
  return TRUE;
}

/* xs:decimal: digits with an optional sign and dot, never an exponent,
 * with white space around. A number of at most 15 digits and 22 decimals
 * is m / 10^k with both exact in a double, and one division rounds it
 * correctly, as strtod does; anything longer goes through strtod. */
static gboolean
parse_decimal (const char *raw,
               double     *out_value)
{
  static const double powers_of_10[] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
  };
  const char *start = raw;
  const char *end;
  const char *p;
  gboolean negative = FALSE, digit = FALSE, dot = FALSE;
  guint64 mantissa = 0;
  int significant = 0, decimals = 0;

  while (g_ascii_isspace (*start))
    start++;
  end = start + strlen (start);
  while (end > start && g_ascii_isspace (end[-1]))
    end--;

  p = start;
  if (p < end && (*p == '-' || *p == '+'))
    negative = *p++ == '-';
  for (; p < end; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          digit = TRUE;
          if (mantissa > 0 || *p != '0')
            significant++;
          if (significant <= 15)
            mantissa = mantissa * 10 + (guint64) (*p - '0');
          if (dot)
            decimals++;
        }
      else if (*p == '.' && !dot)
        dot = TRUE;
      else if (*p == '.' || *p == '-' || *p == '+')
        return FALSE;  /* a second dot or sign: strtod would stop short */
      else
        return FALSE;
    }
  if (!digit)
    return FALSE;

  if (significant <= 15 && decimals <= 22)
    {
      *out_value = (double) mantissa / powers_of_10[decimals];
      if (negative)
        *out_value = -*out_value;
      return TRUE;
    }
  else
    {
      g_autofree char *text = g_strndup (start, (gsize) (end - start));
      char *stop = NULL;

      *out_value = g_ascii_strtod (text, &stop);
      return stop != text && *stop == '\0' && isfinite (*out_value);
    }
}

static gboolean
get_decimal_attribute (ImportContext *ctx,
                       const char    *name,
                       double        *out_value)
{
  g_autofree char *text = get_attribute (ctx, name);

  if (text == NULL)
    return fail (ctx, AWD_XML_ERROR_INVALID, _("The attribute “%s” is missing"), name);
  if (!parse_decimal (text, out_value))
    return fail (ctx, AWD_XML_ERROR_INVALID, _("The attribute “%s” is not a decimal number: “%s”"),
                 name, text);
  return TRUE;
}

static gboolean
get_bool_attribute (ImportContext *ctx,
                    const char    *name)
{
  g_autofree char *text = get_attribute (ctx, name);

  if (text == NULL)
    return FALSE;
  g_strstrip (text);
  return g_str_equal (text, "true") || g_str_equal (text, "1");
}

/* Keys -------------------------------------------------------------------- */

static GHashTable *
new_key_map (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static gboolean
add_key (ImportContext *ctx,
         GHashTable    *map,
         const char    *key,
         gint64         id)
{
  if (key == NULL || *key == '\0')
    return fail (ctx, AWD_XML_ERROR_INVALID, _("An item has no key"));
  if (g_hash_table_contains (map, key))
    return fail (ctx, AWD_XML_ERROR_INVALID, _("The key “%s” is used twice in this round"), key);
  g_hash_table_insert (map, g_strdup (key), g_memdup2 (&id, sizeof id));
  return TRUE;
}

typedef enum {
  NOT_A_JUROR,
  NOT_A_NOMINATION,
  NOT_A_CRITERION,
  NOT_A_CATEGORY,
} KeyKind;

static char *
describe_bad_key (const char *key,
                  KeyKind     kind)
{
  key = key != NULL ? key : "";
  switch (kind)
    {
    case NOT_A_JUROR:
      return g_strdup_printf (_("“%s” is not the key of a juror of this round"), key);
    case NOT_A_NOMINATION:
      return g_strdup_printf (_("“%s” is not the key of a nomination of this round"), key);
    case NOT_A_CRITERION:
      return g_strdup_printf (_("“%s” is not the key of a criterion of this round"), key);
    case NOT_A_CATEGORY:
    default:
      return g_strdup_printf (_("“%s” is not the key of a category of this round"), key);
    }
}

/* The id of @key, or 0 with an error naming what it should have been. */
static gint64
resolve (ImportContext *ctx,
         GHashTable    *map,
         const char    *key,
         KeyKind        kind)
{
  const gint64 *id = key != NULL ? g_hash_table_lookup (map, key) : NULL;

  if (id == NULL)
    {
      g_autofree char *text = describe_bad_key (key, kind);
      awd_xml_import_fail_at (ctx, current_line (ctx), AWD_XML_ERROR_INVALID, text);
      return 0;
    }
  return *id;
}

/* The id of @key, or 0; no error. */
static inline gint64
lookup_id (GHashTable *map,
           const char *key)
{
  const gint64 *id = g_hash_table_lookup (map, key);

  return id != NULL ? *id : 0;
}

/* Round -------------------------------------------------------------------- */

static void
clear_pending_result (gpointer data)
{
  PendingResult *r = data;

  g_free (r->key);
  g_free (r->note);
}

static void
clear_pending_winner (gpointer data)
{
  PendingWinner *w = data;

  g_free (w->key);
}

static void
clear_pending_decision (gpointer data)
{
  PendingDecision *d = data;

  g_free (d->note);
}

static void
reset_round (ImportContext *ctx)
{
  g_clear_object (&ctx->round);
  g_clear_pointer (&ctx->criteria, g_hash_table_unref);
  g_clear_pointer (&ctx->categories, g_hash_table_unref);
  g_clear_pointer (&ctx->jurors, g_hash_table_unref);
  g_clear_pointer (&ctx->nominations, g_hash_table_unref);
  g_clear_pointer (&ctx->winners, g_array_unref);
  g_clear_pointer (&ctx->results, g_array_unref);
  g_clear_pointer (&ctx->results_checksum, g_free);
  g_clear_pointer (&ctx->results_finalized, g_free);
  g_clear_pointer (&ctx->decisions, g_array_unref);
  ctx->round_final = FALSE;
  ctx->has_results = FALSE;
  ctx->has_decisions = FALSE;
  ctx->n_criteria = ctx->n_categories = ctx->n_jurors = 0;
  g_clear_pointer (&ctx->last_juror_key, g_free);
  ctx->last_juror_id = 0;
}

static gboolean
start_round (ImportContext *ctx)
{
  g_autofree char *award = get_attribute (ctx, "award");
  g_autofree char *status_text = get_attribute (ctx, "status");
  g_autofree char *method_text = get_attribute (ctx, "method");
  g_autofree char *tie_text = get_attribute (ctx, "tie-break");
  AwdRoundStatus status;
  AwdMethod method = AWD_METHOD_MEAN;
  AwdTieBreak tie_break = AWD_TIE_BREAK_NONE;
  gint64 number, year, trim, quorum;

  reset_round (ctx);
  ctx->round = awd_round_new ();
  ctx->round_line = current_line (ctx);
  ctx->criteria = new_key_map ();
  ctx->categories = new_key_map ();
  ctx->jurors = new_key_map ();
  ctx->nominations = new_key_map ();
  ctx->winners = g_array_new (FALSE, TRUE, sizeof (PendingWinner));
  g_array_set_clear_func (ctx->winners, clear_pending_winner);
  ctx->results = g_array_new (FALSE, TRUE, sizeof (PendingResult));
  g_array_set_clear_func (ctx->results, clear_pending_result);
  ctx->decisions = g_array_new (FALSE, TRUE, sizeof (PendingDecision));
  g_array_set_clear_func (ctx->decisions, clear_pending_decision);

  if (status_text == NULL || !awd_round_status_from_string (g_strstrip (status_text), &status))
    return fail (ctx, AWD_XML_ERROR_INVALID, _("The round's status is not known"));
  if (method_text != NULL && !awd_method_from_string (g_strstrip (method_text), &method))
    return fail (ctx, AWD_XML_ERROR_INVALID, _("The round's method is not known"));
  if (tie_text != NULL && !awd_tie_break_from_string (g_strstrip (tie_text), &tie_break))
    return fail (ctx, AWD_XML_ERROR_INVALID, _("The round's tie-break rule is not known"));
  if (!get_int_attribute (ctx, "number", 0, &number) ||
      !get_int_attribute (ctx, "year", 0, &year) ||
      !get_int_attribute (ctx, "trim", 1, &trim) ||
      !get_int_attribute (ctx, "quorum", 1, &quorum))
    return FALSE;

  /* A final round goes in as scoring; it becomes final at its end, once
   * its results are recomputed and match the file. */
  ctx->round_final = status == AWD_ROUND_STATUS_FINAL;
  awd_round_set_award (ctx->round, award);
  awd_round_set_number (ctx->round, (int) number);
  awd_round_set_year (ctx->round, (int) year);
  awd_round_set_status (ctx->round, ctx->round_final ? AWD_ROUND_STATUS_SCORING : status);
  awd_round_set_method (ctx->round, method);
  awd_round_set_trim (ctx->round, (int) trim);
  awd_round_set_tie_break (ctx->round, tie_break);
  awd_round_set_quorum (ctx->round, (int) quorum);
  return TRUE;
}

static gboolean
read_scale (ImportContext *ctx)
{
  g_autoptr(GError) error = NULL;
  double min, max, step;
  gint64 id;

  if (!get_decimal_attribute (ctx, "min", &min) ||
      !get_decimal_attribute (ctx, "max", &max) ||
      !get_decimal_attribute (ctx, "step", &step))
    return FALSE;
  awd_round_set_scale_min (ctx->round, min);
  awd_round_set_scale_max (ctx->round, max);
  awd_round_set_scale_step (ctx->round, step);

  /* Title and scale are the round's first children: it can go in now. */
  if (!awd_store_bulk_insert_round (ctx->store, ctx->round, &error))
    return awd_xml_import_fail_with (ctx, g_steal_pointer (&error));
  id = awd_round_get_id (ctx->round);
  g_array_append_val (ctx->round_ids, id);
  return TRUE;
}

static gboolean
require_round (ImportContext *ctx)
{
  if (ctx->round != NULL && awd_round_get_id (ctx->round) > 0)
    return TRUE;
  return fail (ctx, AWD_XML_ERROR_INVALID, _("The round needs its title and scale first"));
}

/* Stores the decisions read from <decisions>; an error names the line of
 * the decision refused. */
static gboolean
store_decisions (ImportContext *ctx)
{
  for (guint i = 0; i < ctx->decisions->len; i++)
    {
      PendingDecision *d = &g_array_index (ctx->decisions, PendingDecision, i);
      g_autoptr(GError) error = NULL;

      if (!awd_store_bulk_insert_award (ctx->store, d->nomination_id, d->mark, d->note, &error))
        return awd_xml_import_fail_at (ctx, d->line, AWD_XML_ERROR_INVALID, error->message);
    }
  return TRUE;
}

/* Final rounds ------------------------------------------------------------ */

static const AwdResultEntry *
find_entry (const AwdResults *res,
            guint             nomination,
            int              *out_category)
{
  for (guint k = 0; k < res->categories->len; k++)
    {
      const AwdResultCategory *rc = &g_array_index (res->categories, AwdResultCategory, k);

      for (guint i = 0; i < rc->entries->len; i++)
        {
          const AwdResultEntry *e = &g_array_index (rc->entries, AwdResultEntry, i);

          if (e->nomination == nomination && e->rank > 0)
            {
              *out_category = rc->category;
              return e;
            }
        }
    }
  return NULL;
}

static void
clear_result_row (gpointer data)
{
  AwdResultRow *row = data;
  g_free (row->note);
}

/* Recomputes the round's results from what was imported and checks them
 * and the checksum against the file, then freezes them. */
static gboolean
finish_final_round (ImportContext *ctx)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwdResultsSnapshot) snapshot = NULL;
  g_autoptr(AwdResults) res = NULL;
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (AwdResultRow));
  g_autoptr(GHashTable) by_nomination = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autofree char *text = NULL;
  g_autofree char *checksum = NULL;
  g_autofree char *stated = NULL;
  gint64 round_id = awd_round_get_id (ctx->round);
  guint n_ranked = 0;

  g_array_set_clear_func (rows, clear_result_row);

  /* Award marks and notes are part of what the checksum covers. */
  for (guint i = 0; i < ctx->results->len; i++)
    {
      PendingResult *r = &g_array_index (ctx->results, PendingResult, i);
      const gint64 *found = r->key != NULL ? g_hash_table_lookup (ctx->nominations, r->key) : NULL;
      gint64 id;

      if (found == NULL)
        {
          g_autofree char *message =
            describe_bad_key (r->key, NOT_A_NOMINATION);
          return awd_xml_import_fail_at (ctx, r->line, AWD_XML_ERROR_INVALID, message);
        }
      id = *found;
      if (g_hash_table_contains (by_nomination, &id))
        return awd_xml_import_fail_at (ctx, r->line, AWD_XML_ERROR_INVALID, _("A nomination has two results"));
      g_hash_table_insert (by_nomination, g_memdup2 (&id, sizeof id), r);
      if ((r->mark != AWD_AWARD_MARK_NONE || r->note != NULL) &&
          !awd_store_bulk_insert_award (ctx->store, id, r->mark, r->note, &error))
        return awd_xml_import_fail_at (ctx, r->line, AWD_XML_ERROR_INVALID, error->message);
    }

  snapshot = awd_store_load_results (ctx->store, round_id, &error);
  if (snapshot == NULL)
    return awd_xml_import_fail_at (ctx, ctx->results_line, AWD_XML_ERROR_INVALID, error->message);
  res = awd_results_compute (snapshot->input, ctx->results_method, &error);
  if (res == NULL)
    return awd_xml_import_fail_at (ctx, ctx->results_line, AWD_XML_ERROR_INVALID, error->message);

  for (guint n = 0; n < snapshot->nomination_ids->len; n++)
    {
      gint64 id = g_array_index (snapshot->nomination_ids, gint64, n);
      const AwdResultsNomination *nom = &g_array_index (snapshot->input->nominations, AwdResultsNomination, n);
      PendingResult *stated_result = g_hash_table_lookup (by_nomination, &id);
      int category = -1;
      const AwdResultEntry *e = find_entry (res, n, &category);
      AwdResultRow row = { 0 };

      if (e == NULL && stated_result == NULL)
        continue;
      if (e == NULL)
        {
          g_autofree char *message =
            g_strdup_printf (_("The results of the final round do not follow from its scores: “%s” is not ranked when recomputed"),
                             nom->ref);
          return awd_xml_import_fail_at (ctx, stated_result->line, AWD_XML_ERROR_INVALID, message);
        }
      if (stated_result == NULL)
        {
          g_autofree char *message =
            g_strdup_printf (_("The results of the final round are incomplete: “%s” is ranked when recomputed but has no result"),
                             nom->ref);
          return awd_xml_import_fail_at (ctx, ctx->results_line, AWD_XML_ERROR_INVALID, message);
        }
      if ((guint) stated_result->rank != e->rank || fabs (stated_result->score - e->score) > 5e-7)
        {
          g_autofree char *want = awd_canonical_format_decimal (e->score);
          g_autofree char *have = awd_canonical_format_decimal (stated_result->score);
          g_autofree char *message =
            g_strdup_printf (_("The results of the final round do not follow from its scores: “%s” is stated with rank %d and score %s, recomputed it has rank %u and score %s"),
                             nom->ref, stated_result->rank, have, e->rank, want);
          return awd_xml_import_fail_at (ctx, stated_result->line, AWD_XML_ERROR_INVALID, message);
        }

      row.nomination_id = id;
      row.category_id = category >= 0 ? g_array_index (snapshot->category_ids, gint64, category) : 0;
      row.rank = (int) e->rank;
      row.score = e->score;
      row.mark = stated_result->mark;
      row.note = g_strdup (stated_result->note);
      g_array_append_val (rows, row);
      n_ranked++;
    }
  g_assert (n_ranked == ctx->results->len);

  text = awd_canonical_results_text (snapshot->input, res);
  checksum = awd_canonical_checksum (text);
  stated = g_strdup (ctx->results_checksum != NULL ? ctx->results_checksum : "");
  g_strstrip (stated);
  if (!g_str_has_prefix (stated, "sha256:") || g_ascii_strcasecmp (stated + 7, checksum) != 0)
    {
      g_autofree char *message =
        g_strdup_printf (_("The checksum of the final round does not match its content: the file states %s, the content gives sha256:%s"),
                         stated, checksum);
      return awd_xml_import_fail_at (ctx, ctx->results_line, AWD_XML_ERROR_INVALID, message);
    }

  /* The results' marks went into the award table above so that the
   * recomputation sees them. A file that states its decisions gets exactly
   * those back (what was recorded before finalizing, which may differ from
   * the frozen marks); an older file keeps the results' marks as its
   * decisions. The round is not final yet, so the award rows may change. */
  if (ctx->has_decisions)
    {
      for (guint i = 0; i < ctx->results->len; i++)
        {
          PendingResult *r = &g_array_index (ctx->results, PendingResult, i);

          if ((r->mark != AWD_AWARD_MARK_NONE || r->note != NULL) &&
              !awd_store_bulk_insert_award (ctx->store, lookup_id (ctx->nominations, r->key),
                                            AWD_AWARD_MARK_NONE, NULL, &error))
            return awd_xml_import_fail_at (ctx, r->line, AWD_XML_ERROR_INVALID, error->message);
        }
      if (!store_decisions (ctx))
        return FALSE;
    }

  if (!awd_store_bulk_finalize_round (ctx->store, round_id, ctx->results_method, checksum,
                                      ctx->results_finalized, rows, &error))
    return awd_xml_import_fail_at (ctx, ctx->results_line, AWD_XML_ERROR_INVALID, error->message);
  return TRUE;
}

static gboolean
end_round (ImportContext *ctx)
{
  g_autoptr(GError) error = NULL;

  if (!require_round (ctx))
    return FALSE;

  for (guint i = 0; i < ctx->winners->len; i++)
    {
      PendingWinner *w = &g_array_index (ctx->winners, PendingWinner, i);
      const gint64 *id = g_hash_table_lookup (ctx->nominations, w->key);

      if (id == NULL)
        {
          g_autofree char *message =
            g_strdup_printf (_("The winner “%s” is not the key of a nomination of this round"), w->key);
          return awd_xml_import_fail_at (ctx, w->line, AWD_XML_ERROR_INVALID, message);
        }
      if (!awd_store_bulk_set_winner (ctx->store, w->category_id, *id, &error))
        return awd_xml_import_fail_at (ctx, w->line, AWD_XML_ERROR_INVALID, error->message);
    }

  if (ctx->has_results && !ctx->round_final)
    return awd_xml_import_fail_at (ctx, ctx->results_line, AWD_XML_ERROR_INVALID,
                                   _("Only a final round carries results"));
  if (ctx->round_final && !ctx->has_results)
    return awd_xml_import_fail_at (ctx, ctx->round_line, AWD_XML_ERROR_INVALID,
                                   _("The final round has no results"));
  if (ctx->round_final && !finish_final_round (ctx))
    return FALSE;
  if (!ctx->round_final && !store_decisions (ctx))
    return FALSE;

  reset_round (ctx);
  return TRUE;
}

/* Set-up ------------------------------------------------------------------ */

static gboolean
start_criterion (ImportContext *ctx)
{
  g_autofree char *key = get_attribute (ctx, "key");
  double weight;

  if (!require_round (ctx) || !get_decimal_attribute (ctx, "weight", &weight))
    return FALSE;
  g_clear_object (&ctx->criterion);
  ctx->criterion = awd_criterion_new ();
  awd_criterion_set_round_id (ctx->criterion, awd_round_get_id (ctx->round));
  awd_criterion_set_position (ctx->criterion, ++ctx->n_criteria);
  awd_criterion_set_weight (ctx->criterion, weight);
  /* The key rides along on the object until the criterion is stored. */
  g_object_set_data_full (G_OBJECT (ctx->criterion), "key", g_steal_pointer (&key), g_free);
  return TRUE;
}

static gboolean
end_criterion (ImportContext *ctx)
{
  g_autoptr(GError) error = NULL;

  if (!awd_store_bulk_insert_criterion (ctx->store, ctx->criterion, &error))
    return awd_xml_import_fail_with (ctx, g_steal_pointer (&error));
  return add_key (ctx, ctx->criteria, g_object_get_data (G_OBJECT (ctx->criterion), "key"),
                  awd_criterion_get_id (ctx->criterion));
}

static gboolean
start_category (ImportContext *ctx)
{
  g_autofree char *kind_text = get_attribute (ctx, "kind");
  AwdCategoryKind kind;

  if (!require_round (ctx))
    return FALSE;
  if (kind_text == NULL || !awd_category_kind_from_string (g_strstrip (kind_text), &kind))
    return fail (ctx, AWD_XML_ERROR_INVALID, _("The category's kind is not known"));
  g_clear_object (&ctx->category);
  ctx->category = awd_category_new ();
  awd_category_set_round_id (ctx->category, awd_round_get_id (ctx->round));
  awd_category_set_position (ctx->category, ++ctx->n_categories);
  awd_category_set_kind (ctx->category, kind);
  g_object_set_data_full (G_OBJECT (ctx->category), "key", get_attribute (ctx, "key"), g_free);
  g_free (ctx->category_winner);
  ctx->category_winner = get_attribute (ctx, "winner");
  return TRUE;
}

static gboolean
end_category (ImportContext *ctx)
{
  g_autoptr(GError) error = NULL;

  if (!awd_store_bulk_insert_category (ctx->store, ctx->category, &error))
    return awd_xml_import_fail_with (ctx, g_steal_pointer (&error));
  if (ctx->category_winner != NULL)
    {
      PendingWinner w = {
        awd_category_get_id (ctx->category),
        g_strstrip (g_steal_pointer (&ctx->category_winner)),
        current_line (ctx),
      };
      g_array_append_val (ctx->winners, w);
    }
  return add_key (ctx, ctx->categories, g_object_get_data (G_OBJECT (ctx->category), "key"),
                  awd_category_get_id (ctx->category));
}

static gboolean
start_juror (ImportContext *ctx)
{
  if (!require_round (ctx))
    return FALSE;
  g_clear_object (&ctx->juror);
  ctx->juror = awd_juror_new ();
  awd_juror_set_round_id (ctx->juror, awd_round_get_id (ctx->round));
  awd_juror_set_position (ctx->juror, ++ctx->n_jurors);
  awd_juror_set_chair (ctx->juror, get_bool_attribute (ctx, "chair"));
  awd_juror_set_withdrawn (ctx->juror, get_bool_attribute (ctx, "withdrawn"));
  {
    /* Kept for a withdrawn juror only (awd_store_bulk_insert_juror). */
    g_autofree char *reason = get_attribute (ctx, "reason");
    awd_juror_set_withdrawn_reason (ctx->juror, reason);
  }
  awd_juror_set_submitted (ctx->juror, get_bool_attribute (ctx, "submitted"));
  g_object_set_data_full (G_OBJECT (ctx->juror), "key", get_attribute (ctx, "key"), g_free);
  return TRUE;
}

static gboolean
end_juror (ImportContext *ctx)
{
  g_autoptr(GError) error = NULL;

  if (!awd_store_bulk_insert_juror (ctx->store, ctx->juror, &error))
    return awd_xml_import_fail_with (ctx, g_steal_pointer (&error));
  return add_key (ctx, ctx->jurors, g_object_get_data (G_OBJECT (ctx->juror), "key"),
                  awd_juror_get_id (ctx->juror));
}

/* Nominations -------------------------------------------------------------- */

static gboolean
start_nomination (ImportContext *ctx)
{
  g_autofree char *category = get_attribute (ctx, "category");
  g_autofree char *status_text = get_attribute (ctx, "status");
  g_autofree char *reason = get_attribute (ctx, "reason");
  g_autofree char *received = get_attribute (ctx, "received");
  g_autofree char *ref = get_attribute (ctx, "ref");
  AwdNominationStatus status;

  if (!require_round (ctx))
    return FALSE;

  g_clear_object (&ctx->nomination);
  g_ptr_array_set_size (ctx->partners, 0);
  ctx->nomination_inserted = FALSE;
  ctx->n_partners = 0;
  g_free (ctx->nomination_key);
  ctx->nomination_key = get_attribute (ctx, "key");

  if (status_text == NULL || !awd_nomination_status_from_string (g_strstrip (status_text), &status))
    return fail (ctx, AWD_XML_ERROR_INVALID, _("The nomination's status is not known"));

  ctx->nomination = awd_nomination_new ();
  awd_nomination_set_round_id (ctx->nomination, awd_round_get_id (ctx->round));
  awd_nomination_set_ref (ctx->nomination, ref != NULL ? g_strstrip (ref) : NULL);
  awd_nomination_set_status (ctx->nomination, status);
  awd_nomination_set_status_reason (ctx->nomination, reason);
  awd_nomination_set_received (ctx->nomination, received != NULL ? g_strstrip (received) : NULL);
  if (category != NULL)
    {
      gint64 id = resolve (ctx, ctx->categories, g_strstrip (category), NOT_A_CATEGORY);

      if (id == 0)
        return FALSE;
      awd_nomination_set_category_id (ctx->nomination, id);
    }
  return TRUE;
}

/* The nomination goes in once its own fields are read: before its
 * attachments (so each can be stored as soon as it is decoded), or at its
 * end. */
static gboolean
flush_nomination (ImportContext *ctx)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (ctx->nomination_inserted)
    return TRUE;
  ctx->nomination_inserted = TRUE;

  if (!awd_store_bulk_insert_nomination (ctx->store, ctx->nomination, &error))
    return awd_xml_import_fail_with (ctx, g_steal_pointer (&error));
  id = awd_nomination_get_id (ctx->nomination);
  if (!add_key (ctx, ctx->nominations, ctx->nomination_key, id))
    return FALSE;

  for (guint i = 0; i < ctx->partners->len; i++)
    {
      AwdPartner *p = g_ptr_array_index (ctx->partners, i);

      if (!awd_store_bulk_insert_partner (ctx->store, id, (int) i + 1, awd_partner_get_name (p),
                                          awd_partner_get_country (p), &error))
        return awd_xml_import_fail_with (ctx, g_steal_pointer (&error));
    }
  ctx->n_nominations++;
  return TRUE;
}

static gboolean
end_attachment (ImportContext *ctx)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) data = NULL;
  guchar *bytes;
  gsize size = 0;
  int state = 0;
  guint save = 0;

  /* g_base64_decode_step skips white space and stops at nothing: the
   * schema has already checked the alphabet. */
  bytes = g_malloc (ctx->text->len * 3 / 4 + 4);
  size = g_base64_decode_step (ctx->text->str, ctx->text->len, bytes, &state, &save);
  data = g_bytes_new_take (bytes, size);

  if (awd_store_bulk_insert_attachment (ctx->store, awd_nomination_get_id (ctx->nomination),
                                        ctx->attachment_name, ctx->attachment_type, data,
                                        ctx->attachment_sha256, &error) == 0)
    return awd_xml_import_fail_with (ctx, g_steal_pointer (&error));
  return TRUE;
}

/* Scores, conflicts, comments, votes, results -------------------------------- */

/* Reads a score's four attributes without copying them: a file may hold a
 * million scores. */
static gboolean
read_score (ImportContext *ctx)
{
  g_autoptr(GError) error = NULL;
  const char *juror = NULL, *nomination = NULL, *criterion = NULL, *value_text = NULL;
  gint64 juror_id, nomination_id, criterion_id;
  double value;
  int rc;

  if (!require_round (ctx))
    return FALSE;

  while ((rc = xmlTextReaderMoveToNextAttribute (ctx->reader)) == 1)
    {
      const char *name = (const char *) xmlTextReaderConstLocalName (ctx->reader);
      const char *value_attr = (const char *) xmlTextReaderConstValue (ctx->reader);

      switch (name[0])
        {
        case 'j':
          if (g_str_equal (name, "juror"))
            juror = value_attr;
          break;
        case 'n':
          if (g_str_equal (name, "nomination"))
            nomination = value_attr;
          break;
        case 'c':
          if (g_str_equal (name, "criterion"))
            criterion = value_attr;
          break;
        case 'v':
          if (g_str_equal (name, "value"))
            value_text = value_attr;
          break;
        default:
          break;
        }
    }

  /* The values stay valid while the reader is on this element's attributes;
   * resolve them before moving back. An error here comes after the scores
   * still waiting, which go in (or fail) first. */
  if (juror == NULL || nomination == NULL || criterion == NULL || value_text == NULL)
    {
      xmlTextReaderMoveToElement (ctx->reader);
      if (!awd_xml_import_flush_scores (ctx))
        return FALSE;
      return fail (ctx, AWD_XML_ERROR_INVALID, _("A score needs a juror, a nomination, a criterion and a value"));
    }

  /* A file lists a juror's scores together: one lookup per juror. */
  if (ctx->last_juror_key != NULL && strcmp (juror, ctx->last_juror_key) == 0)
    juror_id = ctx->last_juror_id;
  else
    {
      const gint64 *id = g_hash_table_lookup (ctx->jurors, juror);

      juror_id = id != NULL ? *id : 0;
      if (juror_id != 0)
        {
          g_free (ctx->last_juror_key);
          ctx->last_juror_key = g_strdup (juror);
          ctx->last_juror_id = juror_id;
        }
    }
  nomination_id = juror_id != 0 ? lookup_id (ctx->nominations, nomination) : 0;
  criterion_id = nomination_id != 0 ? lookup_id (ctx->criteria, criterion) : 0;
  if (juror_id == 0 || nomination_id == 0 || criterion_id == 0 || !parse_decimal (value_text, &value) ||
      !awd_score_value_check (awd_round_get_scale_min (ctx->round), awd_round_get_scale_max (ctx->round),
                              awd_round_get_scale_step (ctx->round), value, &error))
    {
      g_autofree char *juror_copy = g_strdup (juror);
      g_autofree char *nomination_copy = g_strdup (nomination);
      g_autofree char *criterion_copy = g_strdup (criterion);
      g_autofree char *value_copy = g_strdup (value_text);

      xmlTextReaderMoveToElement (ctx->reader);
      if (!awd_xml_import_flush_scores (ctx))
        return FALSE;
      if (juror_id == 0)
        resolve (ctx, ctx->jurors, juror_copy, NOT_A_JUROR);
      else if (nomination_id == 0)
        resolve (ctx, ctx->nominations, nomination_copy, NOT_A_NOMINATION);
      else if (criterion_id == 0)
        resolve (ctx, ctx->criteria, criterion_copy, NOT_A_CRITERION);
      else if (error == NULL)
        fail (ctx, AWD_XML_ERROR_INVALID, _("The score “%s” is not a decimal number"), value_copy);
      else
        awd_xml_import_fail_with (ctx, g_steal_pointer (&error));
      return FALSE;
    }
  xmlTextReaderMoveToElement (ctx->reader);

  ctx->batch->round = ctx->round;
  ctx->batch->cells[ctx->batch->n] = (AwdScoreCell) { juror_id, nomination_id, criterion_id, value };
  ctx->batch->lines[ctx->batch->n] = current_line (ctx);
  ctx->n_scores++;
  if (++ctx->batch->n == PENDING_SCORES)
    return awd_xml_import_send_scores (ctx);
  return TRUE;
}

static gboolean
read_conflict (ImportContext *ctx)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *juror = get_attribute (ctx, "juror");
  g_autofree char *nomination = get_attribute (ctx, "nomination");
  g_autofree char *reason = get_attribute (ctx, "reason");
  gint64 juror_id, nomination_id;

  if (!require_round (ctx) ||
      (juror_id = resolve (ctx, ctx->jurors, juror, NOT_A_JUROR)) == 0 ||
      (nomination_id = resolve (ctx, ctx->nominations, nomination, NOT_A_NOMINATION)) == 0)
    return FALSE;
  if (!awd_store_bulk_insert_conflict (ctx->store, awd_round_get_id (ctx->round), juror_id,
                                       nomination_id, reason, &error))
    return awd_xml_import_fail_with (ctx, g_steal_pointer (&error));
  return TRUE;
}

static gboolean
start_comment (ImportContext *ctx)
{
  g_autofree char *juror = get_attribute (ctx, "juror");
  g_autofree char *nomination = get_attribute (ctx, "nomination");

  return require_round (ctx) &&
         (ctx->comment_juror = resolve (ctx, ctx->jurors, juror, NOT_A_JUROR)) != 0 &&
         (ctx->comment_nomination = resolve (ctx, ctx->nominations, nomination, NOT_A_NOMINATION)) != 0;
}

static gboolean
end_comment (ImportContext *ctx)
{
  g_autoptr(GError) error = NULL;

  if (!awd_store_bulk_insert_comment (ctx->store, awd_round_get_id (ctx->round), ctx->comment_juror,
                                      ctx->comment_nomination, ctx->text->str, &error))
    return awd_xml_import_fail_with (ctx, g_steal_pointer (&error));
  return TRUE;
}

static gboolean
read_vote (ImportContext *ctx)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *nomination = get_attribute (ctx, "nomination");
  gint64 nomination_id, count;

  if (!require_round (ctx) ||
      (nomination_id = resolve (ctx, ctx->nominations, nomination, NOT_A_NOMINATION)) == 0 ||
      !get_int_attribute (ctx, "count", -1, &count))
    return FALSE;
  if (count < 0)
    return fail (ctx, AWD_XML_ERROR_INVALID, _("A vote count cannot be negative"));
  if (!awd_store_bulk_insert_votes (ctx->store, nomination_id, count, &error))
    return awd_xml_import_fail_with (ctx, g_steal_pointer (&error));
  return TRUE;
}

/* A decision: few per round, so read like a vote, and stored at the end of
 * the round (see store_decisions and finish_final_round). */
static gboolean
read_decision (ImportContext *ctx)
{
  g_autofree char *nomination = get_attribute (ctx, "nomination");
  g_autofree char *mark_text = get_attribute (ctx, "award");
  g_autofree char *note = get_attribute (ctx, "note");
  PendingDecision d = { 0 };

  if (!require_round (ctx) ||
      (d.nomination_id = resolve (ctx, ctx->nominations, nomination != NULL ? g_strstrip (nomination) : NULL,
                                  NOT_A_NOMINATION)) == 0)
    return FALSE;
  if (mark_text != NULL && (!awd_award_mark_from_string (g_strstrip (mark_text), &d.mark) ||
                            d.mark == AWD_AWARD_MARK_NONE))
    return fail (ctx, AWD_XML_ERROR_INVALID, _("The award mark “%s” is not known"), mark_text);
  if (note != NULL && *note == '\0')
    g_clear_pointer (&note, g_free);
  if (d.mark == AWD_AWARD_MARK_NONE && note == NULL)
    return fail (ctx, AWD_XML_ERROR_INVALID, _("A decision needs an award mark, a note or both"));
  d.note = g_steal_pointer (&note);
  d.line = current_line (ctx);
  g_array_append_val (ctx->decisions, d);
  return TRUE;
}

/* xs:dateTime (the schema checked its form), kept in UTC as the store
 * writes a finalization time; a value without a time zone is taken as UTC. */
static gboolean
read_finalized (ImportContext *ctx)
{
  g_autofree char *text = get_attribute (ctx, "finalized");
  g_autoptr(GTimeZone) utc = NULL;
  g_autoptr(GDateTime) parsed = NULL;
  g_autoptr(GDateTime) in_utc = NULL;

  g_clear_pointer (&ctx->results_finalized, g_free);
  if (text == NULL)
    return TRUE;
  g_strstrip (text);
  utc = g_time_zone_new_utc ();
  parsed = g_date_time_new_from_iso8601 (text, utc);
  in_utc = parsed != NULL ? g_date_time_to_utc (parsed) : NULL;
  if (in_utc == NULL)
    return fail (ctx, AWD_XML_ERROR_INVALID,
                 _("The finalization date “%s” is not a date and time between the years 1 and 9999"), text);
  ctx->results_finalized = g_date_time_format_iso8601 (in_utc);
  return TRUE;
}

static gboolean
start_results (ImportContext *ctx)
{
  g_autofree char *method = get_attribute (ctx, "method");

  if (!require_round (ctx))
    return FALSE;
  if (method == NULL || !awd_method_from_string (g_strstrip (method), &ctx->results_method))
    return fail (ctx, AWD_XML_ERROR_INVALID, _("The results' method is not known"));
  ctx->has_results = TRUE;
  ctx->results_line = current_line (ctx);
  g_free (ctx->results_checksum);
  ctx->results_checksum = get_attribute (ctx, "checksum");
  return read_finalized (ctx);
}

static gboolean
read_result (ImportContext *ctx)
{
  g_autofree char *mark = get_attribute (ctx, "award");
  PendingResult r = { 0 };
  gint64 rank;

  if (!get_int_attribute (ctx, "rank", 0, &rank) || !get_decimal_attribute (ctx, "score", &r.score))
    return FALSE;
  if (mark != NULL && (!awd_award_mark_from_string (g_strstrip (mark), &r.mark) ||
                       r.mark == AWD_AWARD_MARK_NONE))
    return fail (ctx, AWD_XML_ERROR_INVALID, _("The award mark “%s” is not known"), mark);
  r.key = get_attribute (ctx, "nomination");
  if (r.key != NULL)
    g_strstrip (r.key);
  r.rank = (int) rank;
  r.note = get_attribute (ctx, "note");
  r.line = current_line (ctx);
  g_array_append_val (ctx->results, r);
  return TRUE;
}

/* Dispatch ------------------------------------------------------------------ */

static gboolean
is_text_element (const char *name,
                 const char *parent)
{
  static const char * const names[] = {
    "title", "name", "description", "affiliation", "email", "title-en", "institution",
    "city", "region", "country", "summary", "url", "partner", "attachment", "comment",
  };

  if (g_str_equal (name, "email") && !g_str_equal (parent, "juror"))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (name, names[i]))
      return TRUE;
  return FALSE;
}

static gboolean
handle_start (ImportContext *ctx,
              const char    *name,
              const char    *parent)
{
  if (g_str_equal (name, "score"))
    return read_score (ctx);

  if (is_text_element (name, parent))
    {
      g_string_truncate (ctx->text, 0);
      ctx->collect = TRUE;
    }

  if (g_str_equal (name, "round"))
    return start_round (ctx);
  if (g_str_equal (name, "scale"))
    return read_scale (ctx);
  if (g_str_equal (name, "criterion"))
    return start_criterion (ctx);
  if (g_str_equal (name, "category"))
    return start_category (ctx);
  if (g_str_equal (name, "juror"))
    return start_juror (ctx);
  if (g_str_equal (name, "nomination"))
    return start_nomination (ctx);
  if (g_str_equal (name, "partner"))
    {
      g_free (ctx->partner_country);
      ctx->partner_country = get_attribute (ctx, "country");
      return TRUE;
    }
  if (g_str_equal (name, "period"))
    {
      g_autofree char *start = get_attribute (ctx, "start");
      g_autofree char *end = get_attribute (ctx, "end");

      awd_nomination_set_period_start (ctx->nomination, start != NULL ? g_strstrip (start) : NULL);
      awd_nomination_set_period_end (ctx->nomination, end != NULL ? g_strstrip (end) : NULL);
      return TRUE;
    }
  if (g_str_equal (name, "contact"))
    {
      g_autofree char *contact_name = get_attribute (ctx, "name");
      g_autofree char *email = get_attribute (ctx, "email");
      g_autofree char *phone = get_attribute (ctx, "phone");

      awd_nomination_set_contact_name (ctx->nomination, contact_name);
      awd_nomination_set_contact_email (ctx->nomination, email != NULL ? g_strstrip (email) : NULL);
      awd_nomination_set_contact_phone (ctx->nomination, phone);
      return TRUE;
    }
  if (g_str_equal (name, "attachments"))
    return flush_nomination (ctx);
  if (g_str_equal (name, "attachment"))
    {
      g_free (ctx->attachment_name);
      g_free (ctx->attachment_type);
      g_free (ctx->attachment_sha256);
      ctx->attachment_name = get_attribute (ctx, "name");
      ctx->attachment_type = get_attribute (ctx, "type");
      ctx->attachment_sha256 = get_attribute (ctx, "sha256");
      if (ctx->attachment_type != NULL)
        g_strstrip (ctx->attachment_type);
      if (ctx->attachment_sha256 != NULL)
        g_strstrip (ctx->attachment_sha256);
      return TRUE;
    }
  if (g_str_equal (name, "conflict"))
    return read_conflict (ctx);
  if (g_str_equal (name, "comment"))
    return start_comment (ctx);
  if (g_str_equal (name, "vote"))
    return read_vote (ctx);
  if (g_str_equal (name, "decisions"))
    {
      ctx->has_decisions = TRUE;
      return require_round (ctx);
    }
  if (g_str_equal (name, "decision"))
    return read_decision (ctx);
  if (g_str_equal (name, "results"))
    return start_results (ctx);
  if (g_str_equal (name, "result"))
    return read_result (ctx);

  return TRUE;
}

static gboolean
handle_end (ImportContext *ctx,
            const char    *name,
            const char    *parent)
{
  const char *text = ctx->text->str;

  ctx->collect = FALSE;

  if (g_str_equal (name, "round"))
    return end_round (ctx);

  if (g_str_equal (parent, "round"))
    {
      if (g_str_equal (name, "title"))
        awd_round_set_title (ctx->round, text);
      return TRUE;
    }
  if (g_str_equal (parent, "criterion"))
    {
      if (g_str_equal (name, "name"))
        awd_criterion_set_name (ctx->criterion, text);
      else if (g_str_equal (name, "description"))
        awd_criterion_set_description (ctx->criterion, text);
      return TRUE;
    }
  if (g_str_equal (parent, "category"))
    {
      if (g_str_equal (name, "name"))
        awd_category_set_name (ctx->category, text);
      return TRUE;
    }
  if (g_str_equal (parent, "juror"))
    {
      if (g_str_equal (name, "name"))
        awd_juror_set_name (ctx->juror, text);
      else if (g_str_equal (name, "affiliation"))
        awd_juror_set_affiliation (ctx->juror, text);
      else if (g_str_equal (name, "email"))
        awd_juror_set_email (ctx->juror, g_strstrip (ctx->text->str));
      return TRUE;
    }
  if (g_str_equal (parent, "nomination"))
    {
      if (g_str_equal (name, "title"))
        awd_nomination_set_title (ctx->nomination, text);
      else if (g_str_equal (name, "title-en"))
        awd_nomination_set_title_en (ctx->nomination, text);
      else if (g_str_equal (name, "institution"))
        awd_nomination_set_institution (ctx->nomination, text);
      else if (g_str_equal (name, "city"))
        awd_nomination_set_city (ctx->nomination, text);
      else if (g_str_equal (name, "region"))
        awd_nomination_set_region (ctx->nomination, text);
      else if (g_str_equal (name, "country"))
        awd_nomination_set_country (ctx->nomination, g_strstrip (ctx->text->str));
      else if (g_str_equal (name, "summary"))
        awd_nomination_set_summary (ctx->nomination, text);
      else if (g_str_equal (name, "url"))
        awd_nomination_set_url (ctx->nomination, g_strstrip (ctx->text->str));
      return TRUE;
    }

  if (g_str_equal (name, "criterion"))
    return end_criterion (ctx);
  if (g_str_equal (name, "category"))
    return end_category (ctx);
  if (g_str_equal (name, "juror"))
    return end_juror (ctx);
  if (g_str_equal (name, "nomination"))
    return flush_nomination (ctx);
  if (g_str_equal (name, "partner"))
    {
      g_autoptr(AwdPartner) p = awd_partner_new (text, ctx->partner_country != NULL
                                                       ? g_strstrip (ctx->partner_country) : NULL);
      g_ptr_array_add (ctx->partners, g_steal_pointer (&p));
      return TRUE;
    }
  if (g_str_equal (name, "attachment"))
    return end_attachment (ctx);
  if (g_str_equal (name, "comment"))
    return end_comment (ctx);

  return TRUE;
}

static gboolean
handle_node (ImportContext *ctx)
{
  int type = xmlTextReaderNodeType (ctx->reader);
  int depth;
  const char *name;
  const char *uri;
  gboolean is_score;

  if (saw_doctype (ctx))
    return awd_xml_import_fail_doctype (ctx);

  switch (type)
    {
    case XML_READER_TYPE_DOCUMENT_TYPE:
      return awd_xml_import_fail_doctype (ctx);

    case XML_READER_TYPE_ENTITY_REFERENCE:
    case XML_READER_TYPE_ENTITY:
      return fail (ctx, AWD_XML_ERROR_FORBIDDEN, _("The file uses an entity; exchange files never do"));

    case XML_READER_TYPE_TEXT:
    case XML_READER_TYPE_CDATA:
    case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
    case XML_READER_TYPE_WHITESPACE:
      if (ctx->collect)
        g_string_append (ctx->text, (const char *) xmlTextReaderConstValue (ctx->reader));
      return TRUE;

    case XML_READER_TYPE_ELEMENT:
    case XML_READER_TYPE_END_ELEMENT:
      break;

    default:
      return TRUE;
    }

  /* The reader hands out names from its dictionary, so a name seen once
   * is known again by its pointer: a million <score> elements are not
   * compared letter by letter. */
  name = (const char *) xmlTextReaderConstLocalName (ctx->reader);
  is_score = name != NULL && (name == ctx->score_name || g_str_equal (name, "score"));
  if (is_score)
    ctx->score_name = name;

  /* Scores wait in a batch; anything else is written or refused after
   * them. */
  if (!is_score && scores_waiting (ctx) && !awd_xml_import_flush_scores (ctx))
    return FALSE;

  depth = xmlTextReaderDepth (ctx->reader);
  if (depth < 0 || depth >= MAX_DEPTH)
    return fail (ctx, AWD_XML_ERROR_INVALID, _("The elements are nested deeper than the format allows"));
  uri = (const char *) xmlTextReaderConstNamespaceUri (ctx->reader);
  if (uri == NULL || (uri != ctx->namespace_uri && !g_str_equal (uri, AWD_XML_NAMESPACE)))
    return fail (ctx, AWD_XML_ERROR_INVALID,
                 _("The element is not in the Award Desk namespace %s"), AWD_XML_NAMESPACE);
  ctx->namespace_uri = uri;

  if (type == XML_READER_TYPE_ELEMENT)
    {
      gboolean empty;

      ctx->stack[depth] = name;
      /* A score is all attributes: nothing happens at its end. */
      if (is_score)
        return read_score (ctx);
      empty = xmlTextReaderIsEmptyElement (ctx->reader) == 1;
      if (!handle_start (ctx, name, depth > 0 ? ctx->stack[depth - 1] : ""))
        return FALSE;
      if (empty)
        return handle_end (ctx, name, depth > 0 ? ctx->stack[depth - 1] : "");
      return TRUE;
    }

  return handle_end (ctx, name, depth > 0 ? ctx->stack[depth - 1] : "");
}

static char *
describe_import (ImportContext *ctx)
{
  g_autofree char *base = g_path_get_basename (ctx->path);
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "file: %s\nrounds:", base);
  for (guint i = 0; i < ctx->round_ids->len; i++)
    g_string_append_printf (text, " %" G_GINT64_FORMAT, g_array_index (ctx->round_ids, gint64, i));
  g_string_append_printf (text, "\nnominations: %" G_GUINT64_FORMAT "\nscores: %" G_GUINT64_FORMAT,
                          ctx->n_nominations, ctx->n_scores);
  return g_string_free (text, FALSE);
}

static gboolean
run_reader (ImportContext *ctx)
{
  xmlSchemaValidCtxtPtr validator;
  guint64 nodes = 0;
  int rc;

  validator = awd_xml_import_start_reader (ctx);
  if (validator == NULL)
    return FALSE;

  while (ctx->error == NULL && (rc = xmlTextReaderRead (ctx->reader)) == 1)
    {
      if (ctx->error != NULL)
        break;
      if (++nodes % CHECK_EVERY == 0 && g_cancellable_is_cancelled (ctx->cancellable))
        {
          g_cancellable_set_error_if_cancelled (ctx->cancellable, &ctx->error);
          break;
        }
      if (!handle_node (ctx))
        break;
    }

  if (ctx->error == NULL && rc == 0)
    awd_xml_import_flush_scores (ctx);
  if (ctx->error == NULL && rc != 0)
    {
      if (ctx->too_large)
        {
          g_autofree char *message = awd_xml_import_size_limit_message (ctx);
          awd_xml_import_fail_at (ctx, 0, AWD_XML_ERROR_TOO_LARGE, message);
        }
      else
        fail (ctx, AWD_XML_ERROR_INVALID, _("The file is not well-formed XML"));
    }
  if (ctx->error == NULL && xmlTextReaderIsValid (ctx->reader) != 1)
    fail (ctx, AWD_XML_ERROR_INVALID, _("The file does not follow the exchange schema"));
  if (ctx->error == NULL && ctx->round_ids->len == 0)
    fail (ctx, AWD_XML_ERROR_INVALID, _("The file holds no round"));

  xmlFreeTextReader (ctx->reader);  /* closes the file through close_cb */
  ctx->reader = NULL;
  xmlSchemaFreeValidCtxt (validator);
  return ctx->error == NULL;
}

GArray *
awd_xml_import (AwdStore            *store,
                const char          *path,
                GCancellable        *cancellable,
                AwdXmlProgressFunc   progress,
                gpointer             progress_data,
                GError             **error)
{
  ImportContext ctx = { 0 };
  g_autoptr(GError) store_error = NULL;
  g_autofree char *summary = NULL;
  gboolean ok;

  g_return_val_if_fail (AWD_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  awd_xml_import_get_schema ();  /* also installs the deny-all entity loader */

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  ctx.store = store;
  ctx.path = path;
  ctx.cancellable = cancellable;
  ctx.progress = progress;
  ctx.progress_data = progress_data;
  ctx.prolog_line = 1;

  if (!awd_xml_import_open_file (&ctx, error))
    return NULL;

  if (!awd_store_begin (store, &store_error))
    {
      close (ctx.fd);
      g_set_error (error, AWD_XML_ERROR, AWD_XML_ERROR_IO, "%s: %s", path, store_error->message);
      return NULL;
    }

  ctx.text = g_string_new (NULL);
  ctx.partners = g_ptr_array_new_with_free_func (g_object_unref);
  ctx.round_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  ctx.writer = awd_xml_import_score_writer_new (store);
  ctx.batch = g_new0 (ScoreBatch, 1);

  /* libxml2 reports through our handlers only, on this thread; a few of
   * its messages ("Unimplemented block") go to the generic handler. */
  awd_xml_import_catch_errors (&ctx);
  ok = run_reader (&ctx);
  /* Nothing touches the store while the score writer may. */
  g_clear_pointer (&ctx.writer, awd_xml_import_score_writer_free);
  awd_xml_import_release_errors ();

  if (ok)
    {
      summary = describe_import (&ctx);
      ok = awd_store_audit (store, g_array_index (ctx.round_ids, gint64, 0), "import", "xml", 0,
                            NULL, summary, &store_error) &&
           awd_store_commit (store, &store_error);
      if (!ok)
        awd_xml_import_fail_at (&ctx, 0, AWD_XML_ERROR_IO, store_error->message);
    }
  else
    awd_store_rollback (store);

  reset_round (&ctx);
  g_clear_object (&ctx.criterion);
  g_clear_object (&ctx.category);
  g_clear_object (&ctx.juror);
  g_clear_object (&ctx.nomination);
  g_free (ctx.category_winner);
  g_free (ctx.nomination_key);
  g_free (ctx.partner_country);
  g_free (ctx.attachment_name);
  g_free (ctx.attachment_type);
  g_free (ctx.attachment_sha256);
  g_ptr_array_unref (ctx.partners);
  g_string_free (ctx.text, TRUE);
  g_free (ctx.batch);
  g_free (ctx.last_juror_key);
  if (ctx.fd >= 0)
    close (ctx.fd);

  if (!ok)
    {
      g_array_unref (ctx.round_ids);
      g_propagate_error (error, ctx.error);
      return NULL;
    }
  if (progress != NULL)
    progress (ctx.bytes_read, ctx.total, progress_data);
  return ctx.round_ids;
}

/* Async ------------------------------------------------------------------ */

typedef struct {
  char               *path;
  AwdXmlProgressFunc  progress;
  gpointer            progress_data;
} ImportTaskData;

static void
import_task_data_free (gpointer data)
{
  ImportTaskData *d = data;

  g_free (d->path);
  g_free (d);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportTaskData *d = task_data;
  GError *error = NULL;
  GArray *ids;

  ids = awd_xml_import (AWD_STORE (source_object), d->path, cancellable, d->progress,
                        d->progress_data, &error);
  if (ids != NULL)
    g_task_return_pointer (task, ids, (GDestroyNotify) g_array_unref);
  else
    g_task_return_error (task, error);
}

void
awd_xml_import_async (AwdStore            *store,
                      const char          *path,
                      GCancellable        *cancellable,
                      AwdXmlProgressFunc   progress,
                      gpointer             progress_data,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportTaskData *d;

  g_return_if_fail (AWD_IS_STORE (store));
  g_return_if_fail (path != NULL);

  d = g_new0 (ImportTaskData, 1);
  d->path = g_strdup (path);
  d->progress = progress;
  d->progress_data = progress_data;

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, awd_xml_import_async);
  g_task_set_task_data (task, d, import_task_data_free);
  g_task_run_in_thread (task, import_thread);
}

GArray *
awd_xml_import_finish (AwdStore      *store,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
