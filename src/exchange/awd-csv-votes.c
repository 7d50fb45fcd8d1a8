/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-csv-votes"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include <string.h>

#include "awd-csv-votes.h"

typedef struct {
  gint64  nomination_id;
  gint64  count;
  char   *ref;
} VoteRow;

static void
clear_vote_row (gpointer data)
{
  g_free (((VoteRow *) data)->ref);
}

/* Column headings, compared folded. */
static const char * const ref_headers[] = { "ref", "номер", "номер заявки", "№" };
static const char * const count_headers[] = { "count", "votes", "голоса", "голосов", "число голосов" };

static gboolean
header_is (const char          *header,
           const char * const  *names,
           gsize                n_names)
{
  g_autofree char *key = awd_csv_fold_key (header);

  for (gsize i = 0; i < n_names; i++)
    if (strcmp (key, names[i]) == 0)
      return TRUE;
  return FALSE;
}

/* A count: digits, with spaces (or no-break spaces) allowed between groups
 * as Russian spreadsheets write thousands; at most 15 digits. */
static gboolean
parse_count (const char *text,
             gint64     *out_count)
{
  g_autoptr(GString) digits = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == ' ' || c == 0x00A0 || c == 0x202F)
        continue;
      if (c > 0x7F || !g_ascii_isdigit ((char) c))
        return FALSE;
      g_string_append_c (digits, (char) c);
    }
  if (digits->len == 0 || digits->len > 15)
    return FALSE;
  *out_count = g_ascii_strtoll (digits->str, NULL, 10);
  return TRUE;
}

static gboolean
check_rows (AwdStore     *store,
            gint64        round_id,
            AwdCsvTable  *table,
            GPtrArray    *problems,
            GArray       *rows,
            GError      **error)
{
  g_autoptr(GListModel) categories = NULL;
  g_autoptr(GListModel) nominations = NULL;
  g_autoptr(GHashTable) vote_categories = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) by_ref = g_hash_table_new (g_str_hash, g_str_equal);  /* ref → AwdNomination */
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const AwdCsvRecord *header = g_ptr_array_index (table->records, 0);
  int ref_column = -1, count_column = -1;

  categories = awd_store_list_categories (store, round_id, error);
  if (categories == NULL)
    return FALSE;
  nominations = awd_store_list_nominations (store, round_id, error);
  if (nominations == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(AwdCategory) c = g_list_model_get_item (categories, i);
      gint64 id = awd_category_get_id (c);

      if (awd_category_get_kind (c) == AWD_CATEGORY_KIND_VOTE)
        g_hash_table_add (vote_categories, g_memdup2 (&id, sizeof id));
    }
  for (guint i = 0; i < g_list_model_get_n_items (nominations); i++)
    {
      AwdNomination *n = g_list_model_get_item (nominations, i);

      /* The list holds a reference too; the table borrows it. */
      g_hash_table_insert (by_ref, (gpointer) awd_nomination_get_ref (n), n);
      g_object_unref (n);
    }

  for (guint c = 0; c < header->n_fields; c++)
    {
      if (header_is (header->fields[c], ref_headers, G_N_ELEMENTS (ref_headers)) && ref_column < 0)
        ref_column = (int) c;
      else if (header_is (header->fields[c], count_headers, G_N_ELEMENTS (count_headers)) &&
               count_column < 0)
        count_column = (int) c;
    }
  if (ref_column < 0 || count_column < 0)
    {
      awd_csv_add_problem (problems, header->line,
                           _("The header must name the columns “ref” and “count” (or «Номер» and «Голоса»)"));
      return TRUE;
    }
  if (g_hash_table_size (vote_categories) == 0)
    {
      awd_csv_add_problem (problems, 0, _("The round has no category decided by public vote"));
      return TRUE;
    }

  for (guint r = 1; r < table->records->len; r++)
    {
      const AwdCsvRecord *record = g_ptr_array_index (table->records, r);
      g_autofree char *ref = g_strstrip (g_strdup (awd_csv_record_get (record, (guint) ref_column)));
      g_autofree char *count_text = g_strstrip (g_strdup (awd_csv_record_get (record, (guint) count_column)));
      AwdNomination *n;
      VoteRow row = { 0, 0, NULL };
      gpointer first_line;
      gint64 category_id;

      if (*ref == '\0')
        {
          awd_csv_add_problem (problems, record->line, _("The row has no reference number"));
          continue;
        }
      if (g_hash_table_lookup_extended (seen, ref, NULL, &first_line))
        {
          awd_csv_add_problem (problems, record->line,
                               _("The reference number “%s” is given twice (first on line %u)"),
                               ref, GPOINTER_TO_UINT (first_line));
          continue;
        }
      g_hash_table_insert (seen, g_strdup (ref), GUINT_TO_POINTER (record->line));

      n = g_hash_table_lookup (by_ref, ref);
      category_id = n != NULL ? awd_nomination_get_category_id (n) : 0;
      if (n == NULL)
        awd_csv_add_problem (problems, record->line, _("The round has no nomination “%s”"), ref);
      else if (!g_hash_table_contains (vote_categories, &category_id))
        awd_csv_add_problem (problems, record->line,
                             _("The nomination “%s” is not in a category decided by public vote"), ref);

      if (!parse_count (count_text, &row.count))
        awd_csv_add_problem (problems, record->line,
                             _("The count “%s” is not a whole number of votes (0 or more)"), count_text);
      else if (n != NULL)
        {
          row.nomination_id = awd_nomination_get_id (n);
          row.ref = g_steal_pointer (&ref);
          g_array_append_val (rows, row);
        }
    }

  return TRUE;
}

gboolean
awd_csv_votes_import_data (AwdStore    *store,
                           gint64       round_id,
                           const char  *data,
                           gsize        length,
                           const char  *name,
                           GPtrArray   *problems,
                           guint       *out_n_counts,
                           GError     **error)
{
  g_autoptr(GPtrArray) own_problems = NULL;
  g_autoptr(AwdCsvTable) table = NULL;
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (VoteRow));
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(GString) after = NULL;
  g_autoptr(AwdRound) round = NULL;
  guint error_line = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (AWD_IS_STORE (store), FALSE);

  if (out_n_counts != NULL)
    *out_n_counts = 0;
  if (name == NULL)
    name = "";
  if (problems == NULL)
    problems = own_problems = g_ptr_array_new_with_free_func ((GDestroyNotify) awd_csv_problem_free);
  g_array_set_clear_func (rows, clear_vote_row);

  round = awd_store_get_round (store, round_id, error);
  if (round == NULL)
    return FALSE;

  table = awd_csv_table_parse (data, length, &error_line, &parse_error);
  if (table == NULL)
    {
      g_ptr_array_add (problems, awd_csv_problem_new (error_line, parse_error->message));
      return awd_csv_fail_with_first (problems, name, error);
    }

  if (!check_rows (store, round_id, table, problems, rows, error))
    return FALSE;
  if (problems->len > 0)
    return awd_csv_fail_with_first (problems, name, error);
  if (rows->len == 0)
    {
      g_set_error (error, AWD_CSV_ERROR, AWD_CSV_ERROR_EMPTY,
                   _("%s: the file has a header but no vote counts"), name);
      return FALSE;
    }

  if (awd_store_is_read_only (store))
    {
      g_set_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_READ_ONLY,
                   _("“%s” is open read-only; close the other copy of Award Desk to make changes"),
                   awd_store_get_path (store));
      return FALSE;
    }
  if (awd_round_get_status (round) == AWD_ROUND_STATUS_FINAL)
    {
      g_set_error_literal (error, AWD_STORE_ERROR, AWD_STORE_ERROR_FINAL,
                           _("The round is final: its vote counts cannot change"));
      return FALSE;
    }

  if (!awd_store_begin (store, error))
    return FALSE;
  after = g_string_new (NULL);
  g_string_append_printf (after, "import-votes: %u vote counts from %s", rows->len, name);
  for (guint i = 0; ok && i < rows->len; i++)
    {
      const VoteRow *row = &g_array_index (rows, VoteRow, i);

      ok = awd_store_bulk_insert_votes (store, row->nomination_id, row->count, error);
      g_string_append_printf (after, "\n%s: %" G_GINT64_FORMAT, row->ref, row->count);
    }
  ok = ok && awd_store_audit (store, round_id, "import", "votes", round_id, NULL, after->str, error);
  if (!ok)
    {
      awd_store_rollback (store);
      return FALSE;
    }
  if (!awd_store_commit (store, error))
    return FALSE;

  if (out_n_counts != NULL)
    *out_n_counts = rows->len;
  return TRUE;
}

gboolean
awd_csv_votes_import_file (AwdStore    *store,
                           gint64       round_id,
                           const char  *path,
                           GPtrArray   *problems,
                           guint       *out_n_counts,
                           GError     **error)
{
  g_autoptr(GError) read_error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *base = NULL;
  g_autofree char *display = NULL;
  gsize length = 0;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, FALSE);

  base = g_path_get_basename (path);
  display = g_filename_display_name (base);
  if (g_stat (path, &st) == 0 && st.st_size > AWD_CSV_MAX_FILE_SIZE)
    {
      g_set_error (error, AWD_CSV_ERROR, AWD_CSV_ERROR_TOO_LARGE,
                   _("%s: the file is too large for a table of vote counts"), display);
      return FALSE;
    }
  if (!g_file_get_contents (path, &contents, &length, &read_error))
    {
      g_set_error_literal (error, AWD_CSV_ERROR, AWD_CSV_ERROR_READ, read_error->message);
      return FALSE;
    }
  return awd_csv_votes_import_data (store, round_id, contents, length, display,
                                    problems, out_n_counts, error);
}
