/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-csv-nominations"

#include "config.h"

#include <glib/gi18n.h>

#include <stdlib.h>
#include <string.h>

#include "awd-countries.h"
#include "awd-csv-nominations.h"

struct _AwdCsvNominations
{
  GObject       parent_instance;

  char         *name;
  AwdCsvTable  *table;
  AwdCsvField  *mapping;      /* one per column of the header */
  guint         n_columns;
  GPtrArray    *problems;     /* AwdCsvProblem */
  GListStore   *nominations;  /* AwdNomination, after a check that passed */
};

G_DEFINE_FINAL_TYPE (AwdCsvNominations, awd_csv_nominations, G_TYPE_OBJECT)

static const char * const field_names[AWD_CSV_N_FIELDS] = {
  NULL, "ref", "title", "title-en", "institution", "city", "region", "country", "summary",
  "contact", "email", "phone", "url", "received", "status", "category",
};

static const char * const field_labels[AWD_CSV_N_FIELDS] = {
  N_("(ignore)"),
  N_("Reference number"),
  N_("Title"),
  N_("Title in English"),
  N_("Institution"),
  N_("City"),
  N_("Region"),
  N_("Country"),
  N_("Summary"),
  N_("Contact person"),
  N_("E-mail"),
  N_("Phone"),
  N_("Web address"),
  N_("Date received"),
  N_("Status"),
  N_("Category"),
};

/* Headings Russian spreadsheets use, compared folded (case, ё/е, spaces).
 * «Номинация» is the award's *category*, not a nomination. */
static const struct { const char *header; AwdCsvField field; } header_aliases[] = {
  { "номер", AWD_CSV_FIELD_REF },
  { "номер заявки", AWD_CSV_FIELD_REF },
  { "№", AWD_CSV_FIELD_REF },
  { "название проекта", AWD_CSV_FIELD_TITLE },
  { "название", AWD_CSV_FIELD_TITLE },
  { "название (англ.)", AWD_CSV_FIELD_TITLE_EN },
  { "название (англ)", AWD_CSV_FIELD_TITLE_EN },
  { "название на английском", AWD_CSV_FIELD_TITLE_EN },
  { "учреждение", AWD_CSV_FIELD_INSTITUTION },
  { "организация", AWD_CSV_FIELD_INSTITUTION },
  { "город", AWD_CSV_FIELD_CITY },
  { "регион", AWD_CSV_FIELD_REGION },
  { "страна", AWD_CSV_FIELD_COUNTRY },
  { "аннотация", AWD_CSV_FIELD_SUMMARY },
  { "описание", AWD_CSV_FIELD_SUMMARY },
  { "контактное лицо", AWD_CSV_FIELD_CONTACT },
  { "эл. почта", AWD_CSV_FIELD_EMAIL },
  { "электронная почта", AWD_CSV_FIELD_EMAIL },
  { "e-mail", AWD_CSV_FIELD_EMAIL },
  { "телефон", AWD_CSV_FIELD_PHONE },
  { "сайт", AWD_CSV_FIELD_URL },
  { "дата получения", AWD_CSV_FIELD_RECEIVED },
  { "статус", AWD_CSV_FIELD_STATUS },
  { "номинация", AWD_CSV_FIELD_CATEGORY },
};

/* Status words in Russian (folded), besides the XML names. */
static const struct { const char *word; AwdNominationStatus status; } status_words[] = {
  { "получена", AWD_NOMINATION_STATUS_RECEIVED },
  { "допущена", AWD_NOMINATION_STATUS_ELIGIBLE },
  { "не допущена", AWD_NOMINATION_STATUS_INELIGIBLE },
  { "отозвана", AWD_NOMINATION_STATUS_WITHDRAWN },
};

/* Fields -------------------------------------------------------------- */

const char *
awd_csv_field_to_string (AwdCsvField field)
{
  g_return_val_if_fail ((guint) field < AWD_CSV_N_FIELDS, NULL);

  return field_names[field];
}

const char *
awd_csv_field_label (AwdCsvField field)
{
  g_return_val_if_fail ((guint) field < AWD_CSV_N_FIELDS, NULL);

  return _(field_labels[field]);
}

AwdCsvField
awd_csv_field_for_header (const char *header)
{
  g_autofree char *key = awd_csv_fold_key (header);

  for (guint f = 1; f < AWD_CSV_N_FIELDS; f++)
    if (strcmp (key, field_names[f]) == 0)
      return f;
  for (guint i = 0; i < G_N_ELEMENTS (header_aliases); i++)
    if (strcmp (key, header_aliases[i].header) == 0)
      return header_aliases[i].field;
  return AWD_CSV_FIELD_IGNORE;
}

char *
awd_csv_parse_date (const char *text)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *iso = NULL;
  gboolean digits = TRUE;

  if (text == NULL)
    return NULL;
  if (awd_iso_date_is_valid (text))
    return g_strdup (text);

  /* d.m.yyyy or dd.mm.yyyy, as a Russian-locale spreadsheet writes dates. */
  parts = g_strsplit (text, ".", -1);
  if (g_strv_length (parts) != 3 ||
      strlen (parts[0]) < 1 || strlen (parts[0]) > 2 ||
      strlen (parts[1]) < 1 || strlen (parts[1]) > 2 || strlen (parts[2]) != 4)
    return NULL;
  for (guint i = 0; i < 3; i++)
    for (const char *p = parts[i]; *p != '\0'; p++)
      digits = digits && g_ascii_isdigit (*p);
  if (!digits)
    return NULL;

  iso = g_strdup_printf ("%s-%02d-%02d", parts[2], atoi (parts[1]), atoi (parts[0]));
  return awd_iso_date_is_valid (iso) ? g_steal_pointer (&iso) : NULL;
}

static gboolean
parse_status (const char          *text,
              AwdNominationStatus *out_status)
{
  g_autofree char *key = awd_csv_fold_key (text);

  if (awd_nomination_status_from_string (key, out_status))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (status_words); i++)
    if (strcmp (key, status_words[i].word) == 0)
      {
        *out_status = status_words[i].status;
        return TRUE;
      }
  return FALSE;
}

/* Object --------------------------------------------------------------- */

static void
awd_csv_nominations_finalize (GObject *object)
{
  AwdCsvNominations *self = AWD_CSV_NOMINATIONS (object);

  g_free (self->name);
  g_clear_pointer (&self->table, awd_csv_table_free);
  g_free (self->mapping);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_object (&self->nominations);

  G_OBJECT_CLASS (awd_csv_nominations_parent_class)->finalize (object);
}

static void
awd_csv_nominations_class_init (AwdCsvNominationsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = awd_csv_nominations_finalize;
}

static void
awd_csv_nominations_init (AwdCsvNominations *self)
{
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) awd_csv_problem_free);
  self->nominations = g_list_store_new (AWD_TYPE_NOMINATION);
}

static AwdCsvNominations *
new_for_table (AwdCsvTable *table,
               const char  *name)
{
  AwdCsvNominations *self = g_object_new (AWD_TYPE_CSV_NOMINATIONS, NULL);
  const AwdCsvRecord *header = g_ptr_array_index (table->records, 0);

  self->name = g_strdup (name);
  self->table = table;
  self->n_columns = header->n_fields;
  self->mapping = g_new0 (AwdCsvField, self->n_columns);
  for (guint c = 0; c < self->n_columns; c++)
    self->mapping[c] = awd_csv_field_for_header (header->fields[c]);
  return self;
}

AwdCsvNominations *
awd_csv_nominations_new_for_data (const char  *data,
                                  gsize        length,
                                  const char  *name,
                                  guint       *error_line,
                                  GError     **error)
{
  AwdCsvTable *table = awd_csv_table_parse (data, length, error_line, error);

  if (table == NULL)
    return NULL;
  return new_for_table (table, name != NULL ? name : "");
}

AwdCsvNominations *
awd_csv_nominations_new_for_file (const char  *path,
                                  guint       *error_line,
                                  GError     **error)
{
  AwdCsvTable *table;
  g_autofree char *base = NULL;
  g_autofree char *display = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  table = awd_csv_table_read_file (path, error_line, error);
  if (table == NULL)
    return NULL;
  base = g_path_get_basename (path);
  display = g_filename_display_name (base);
  return new_for_table (table, display);
}

const char *
awd_csv_nominations_get_name (AwdCsvNominations *self)
{
  g_return_val_if_fail (AWD_IS_CSV_NOMINATIONS (self), NULL);
  return self->name;
}

const AwdCsvTable *
awd_csv_nominations_get_table (AwdCsvNominations *self)
{
  g_return_val_if_fail (AWD_IS_CSV_NOMINATIONS (self), NULL);
  return self->table;
}

guint
awd_csv_nominations_get_n_columns (AwdCsvNominations *self)
{
  g_return_val_if_fail (AWD_IS_CSV_NOMINATIONS (self), 0);
  return self->n_columns;
}

const char *
awd_csv_nominations_get_header (AwdCsvNominations *self,
                                guint              column)
{
  g_return_val_if_fail (AWD_IS_CSV_NOMINATIONS (self), NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);

  return awd_csv_record_get (g_ptr_array_index (self->table->records, 0), column);
}

AwdCsvField
awd_csv_nominations_get_column_field (AwdCsvNominations *self,
                                      guint              column)
{
  g_return_val_if_fail (AWD_IS_CSV_NOMINATIONS (self), AWD_CSV_FIELD_IGNORE);
  g_return_val_if_fail (column < self->n_columns, AWD_CSV_FIELD_IGNORE);

  return self->mapping[column];
}

void
awd_csv_nominations_set_column_field (AwdCsvNominations *self,
                                      guint              column,
                                      AwdCsvField        field)
{
  g_return_if_fail (AWD_IS_CSV_NOMINATIONS (self));
  g_return_if_fail (column < self->n_columns);
  g_return_if_fail ((guint) field < AWD_CSV_N_FIELDS);

  self->mapping[column] = field;
}

GStrv
awd_csv_nominations_dup_unknown_headers (AwdCsvNominations *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const AwdCsvRecord *header;

  g_return_val_if_fail (AWD_IS_CSV_NOMINATIONS (self), NULL);

  header = g_ptr_array_index (self->table->records, 0);
  for (guint c = 0; c < self->n_columns; c++)
    if (awd_csv_field_for_header (header->fields[c]) == AWD_CSV_FIELD_IGNORE)
      g_strv_builder_add (builder, header->fields[c]);
  return g_strv_builder_end (builder);
}

GPtrArray *
awd_csv_nominations_get_problems (AwdCsvNominations *self)
{
  g_return_val_if_fail (AWD_IS_CSV_NOMINATIONS (self), NULL);
  return self->problems;
}

GListModel *
awd_csv_nominations_get_nominations (AwdCsvNominations *self)
{
  g_return_val_if_fail (AWD_IS_CSV_NOMINATIONS (self), NULL);
  return G_LIST_MODEL (self->nominations);
}

/* Checking ------------------------------------------------------------- */

/* The cell of @field in @record, trimmed; NULL when empty or unmapped. */
static char *
dup_cell (AwdCsvNominations  *self,
          const AwdCsvRecord *record,
          AwdCsvField         field)
{
  for (guint c = 0; c < self->n_columns; c++)
    if (self->mapping[c] == field)
      {
        char *value = g_strstrip (g_strdup (awd_csv_record_get (record, c)));

        if (*value == '\0')
          g_clear_pointer (&value, g_free);
        return value;
      }
  return NULL;
}

/* The number of "<year>-NNN" refs, or 0 when @ref is not of that form. */
static guint
auto_ref_number (const char *ref,
                 const char *prefix)
{
  gsize n = strlen (prefix);
  const char *digits;

  if (ref == NULL || strncmp (ref, prefix, n) != 0)
    return 0;
  digits = ref + n;
  if (*digits == '\0' || strlen (digits) > 9 || digits[strspn (digits, "0123456789")] != '\0')
    return 0;
  return (guint) strtoul (digits, NULL, 10);
}

static gboolean
check_header (AwdCsvNominations *self,
              guint              header_line)
{
  int seen[AWD_CSV_N_FIELDS];
  gboolean ok = TRUE;

  for (guint f = 0; f < AWD_CSV_N_FIELDS; f++)
    seen[f] = -1;
  for (guint c = 0; c < self->n_columns; c++)
    {
      AwdCsvField f = self->mapping[c];

      if (f == AWD_CSV_FIELD_IGNORE)
        continue;
      if (seen[f] >= 0)
        {
          awd_csv_add_problem (self->problems, header_line,
                               /* TRANSLATORS: the columns are numbered from 1; %s is a field name such as title */
                               _("Columns %d and %u are both “%s”; keep one of them"),
                               seen[f] + 1, c + 1, field_names[f]);
          ok = FALSE;
        }
      else
        seen[f] = (int) c;
    }
  if (seen[AWD_CSV_FIELD_TITLE] < 0)
    {
      awd_csv_add_problem (self->problems, header_line,
                           _("No column holds the title: name one “title” or «Название проекта»"));
      ok = FALSE;
    }
  return ok;
}

/* A refused row is a NULL slot. */
static void
unref_row (gpointer row)
{
  if (row != NULL)
    g_object_unref (row);
}

/* g_ptr_array_sort() is stable: problems of one line keep their order. */
static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const AwdCsvProblem *pa = *(AwdCsvProblem * const *) a;
  const AwdCsvProblem *pb = *(AwdCsvProblem * const *) b;

  return pa->line < pb->line ? -1 : pa->line > pb->line ? 1 : 0;
}

static char *
list_category_names (GListModel *categories)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(AwdCategory) category = g_list_model_get_item (categories, i);

      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append_printf (names, "«%s»", awd_category_get_name (category));
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

gboolean
awd_csv_nominations_check (AwdCsvNominations  *self,
                           AwdStore           *store,
                           gint64              round_id,
                           GError            **error)
{
  g_autoptr(AwdRound) round = NULL;
  g_autoptr(GListModel) categories = NULL;
  g_autoptr(GListModel) existing = NULL;
  g_autoptr(GHashTable) category_ids = NULL;   /* folded name → id */
  g_autoptr(GHashTable) round_refs = NULL;     /* refs of the round */
  g_autoptr(GHashTable) file_refs = NULL;      /* ref → first line */
  g_autoptr(GPtrArray) rows = NULL;            /* AwdNomination, NULL for a refused row */
  g_autoptr(GArray) lines = NULL;
  g_autofree char *category_list = NULL;
  g_autofree char *prefix = NULL;
  const AwdCsvRecord *header;
  guint n_categories;
  guint next_number = 0;

  g_return_val_if_fail (AWD_IS_CSV_NOMINATIONS (self), FALSE);
  g_return_val_if_fail (AWD_IS_STORE (store), FALSE);

  g_ptr_array_set_size (self->problems, 0);
  g_list_store_remove_all (self->nominations);

  round = awd_store_get_round (store, round_id, error);
  if (round == NULL)
    return FALSE;
  categories = awd_store_list_categories (store, round_id, error);
  if (categories == NULL)
    return FALSE;
  existing = awd_store_list_nominations (store, round_id, error);
  if (existing == NULL)
    return FALSE;

  prefix = g_strdup_printf ("%d-", awd_round_get_year (round));
  category_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  n_categories = g_list_model_get_n_items (categories);
  for (guint i = 0; i < n_categories; i++)
    {
      g_autoptr(AwdCategory) category = g_list_model_get_item (categories, i);

      g_hash_table_replace (category_ids, awd_csv_fold_key (awd_category_get_name (category)),
                            GSIZE_TO_POINTER ((gsize) awd_category_get_id (category)));
    }
  category_list = list_category_names (categories);

  round_refs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (existing); i++)
    {
      g_autoptr(AwdNomination) n = g_list_model_get_item (existing, i);
      const char *ref = awd_nomination_get_ref (n);

      g_hash_table_add (round_refs, g_strdup (ref));
      next_number = MAX (next_number, auto_ref_number (ref, prefix));
    }

  header = g_ptr_array_index (self->table->records, 0);
  if (!check_header (self, header->line))
    goto out;

  file_refs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  rows = g_ptr_array_new_with_free_func (unref_row);
  lines = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint r = 1; r < self->table->records->len; r++)
    {
      const AwdCsvRecord *record = g_ptr_array_index (self->table->records, r);
      guint line = record->line;
      guint problems_before = self->problems->len;
      g_autoptr(AwdNomination) n = awd_nomination_new ();
      g_autofree char *ref = dup_cell (self, record, AWD_CSV_FIELD_REF);
      g_autofree char *title = dup_cell (self, record, AWD_CSV_FIELD_TITLE);
      g_autofree char *country = dup_cell (self, record, AWD_CSV_FIELD_COUNTRY);
      g_autofree char *email = dup_cell (self, record, AWD_CSV_FIELD_EMAIL);
      g_autofree char *received = dup_cell (self, record, AWD_CSV_FIELD_RECEIVED);
      g_autofree char *status = dup_cell (self, record, AWD_CSV_FIELD_STATUS);
      g_autofree char *category = dup_cell (self, record, AWD_CSV_FIELD_CATEGORY);
      g_autofree char *value = NULL;

      awd_nomination_set_round_id (n, round_id);

      if (record->n_fields > self->n_columns)
        for (guint c = self->n_columns; c < record->n_fields; c++)
          if (record->fields[c][strspn (record->fields[c], " \t")] != '\0')
            {
              awd_csv_add_problem (self->problems, line, _("The row has %u fields but the header names %u columns"),
                                   record->n_fields, self->n_columns);
              break;
            }

      if (ref != NULL)
        {
          gpointer first_line;

          if (g_hash_table_lookup_extended (file_refs, ref, NULL, &first_line))
            awd_csv_add_problem (self->problems, line, _("The reference number “%s” is given twice (first on line %u)"),
                                 ref, GPOINTER_TO_UINT (first_line));
          else if (g_hash_table_contains (round_refs, ref))
            awd_csv_add_problem (self->problems, line, _("The round already has a nomination with the reference number “%s”"),
                                 ref);
          else
            g_hash_table_insert (file_refs, g_strdup (ref), GUINT_TO_POINTER (line));
          next_number = MAX (next_number, auto_ref_number (ref, prefix));
          awd_nomination_set_ref (n, ref);
        }

      if (title == NULL)
        awd_csv_add_problem (self->problems, line, _("The nomination has no title"));
      awd_nomination_set_title (n, title);

      value = dup_cell (self, record, AWD_CSV_FIELD_TITLE_EN);
      awd_nomination_set_title_en (n, value);
      g_clear_pointer (&value, g_free);
      value = dup_cell (self, record, AWD_CSV_FIELD_INSTITUTION);
      awd_nomination_set_institution (n, value);
      g_clear_pointer (&value, g_free);
      value = dup_cell (self, record, AWD_CSV_FIELD_CITY);
      awd_nomination_set_city (n, value);
      g_clear_pointer (&value, g_free);
      value = dup_cell (self, record, AWD_CSV_FIELD_REGION);
      awd_nomination_set_region (n, value);
      g_clear_pointer (&value, g_free);
      value = dup_cell (self, record, AWD_CSV_FIELD_SUMMARY);
      awd_nomination_set_summary (n, value);
      g_clear_pointer (&value, g_free);
      value = dup_cell (self, record, AWD_CSV_FIELD_CONTACT);
      awd_nomination_set_contact_name (n, value);
      g_clear_pointer (&value, g_free);
      value = dup_cell (self, record, AWD_CSV_FIELD_PHONE);
      awd_nomination_set_contact_phone (n, value);
      g_clear_pointer (&value, g_free);
      value = dup_cell (self, record, AWD_CSV_FIELD_URL);
      awd_nomination_set_url (n, value);
      g_clear_pointer (&value, g_free);

      if (country != NULL)
        {
          const char *code = awd_country_lookup (country);

          if (code == NULL)
            awd_csv_add_problem (self->problems, line,
                                 _("The country “%s” is not known; write its ISO 3166-1 code, such as RU, or its name"),
                                 country);
          awd_nomination_set_country (n, code);
        }

      if (email != NULL && !awd_email_is_valid (email))
        awd_csv_add_problem (self->problems, line,
                             _("The e-mail address “%s” is not valid; it should look like name@example.org"),
                             email);
      awd_nomination_set_contact_email (n, email);

      if (received != NULL)
        {
          g_autofree char *date = awd_csv_parse_date (received);

          if (date == NULL)
            awd_csv_add_problem (self->problems, line,
                                 _("The date received “%s” is not a date; write it as 2024-10-31 or 31.10.2024"),
                                 received);
          awd_nomination_set_received (n, date);
        }

      if (status != NULL)
        {
          AwdNominationStatus s = AWD_NOMINATION_STATUS_RECEIVED;

          if (!parse_status (status, &s))
            awd_csv_add_problem (self->problems, line,
                                 _("The status “%s” is not known; write received, eligible, ineligible or "
                                   "withdrawn (or «получена», «допущена», «не допущена», «отозвана»)"),
                                 status);
          awd_nomination_set_status (n, s);
        }

      if (category != NULL && n_categories == 0)
        awd_csv_add_problem (self->problems, line, _("The round has no categories, but the row names the category “%s”"),
                             category);
      else if (category != NULL)
        {
          g_autofree char *key = awd_csv_fold_key (category);
          gpointer id;

          if (g_hash_table_lookup_extended (category_ids, key, NULL, &id))
            awd_nomination_set_category_id (n, (gint64) GPOINTER_TO_SIZE (id));
          else
            awd_csv_add_problem (self->problems, line, _("The round has no category “%s”; its categories are %s"),
                                 category, category_list);
        }
      else if (n_categories > 0)
        awd_csv_add_problem (self->problems, line, _("The nomination has no category; the round’s categories are %s"),
                             category_list);

      g_ptr_array_add (rows, self->problems->len == problems_before ? g_object_ref (n) : NULL);
      g_array_append_val (lines, line);
    }

  /* Refs are given out once every row is read, so that a ref written
   * further down the file is never handed to an earlier row. */
  for (guint i = 0; i < rows->len; i++)
    {
      AwdNomination *n = g_ptr_array_index (rows, i);
      g_autoptr(GError) local_error = NULL;

      if (n == NULL)
        continue;
      if (awd_nomination_get_ref (n) == NULL || *awd_nomination_get_ref (n) == '\0')
        {
          g_autofree char *ref = NULL;

          if (next_number >= 999999999)
            {
              awd_csv_add_problem (self->problems, g_array_index (lines, guint, i),
                                   _("No reference number is left to give this nomination"));
              continue;
            }
          ref = g_strdup_printf ("%s%03u", prefix, ++next_number);
          awd_nomination_set_ref (n, ref);
        }
      /* The store's own checks, so that the import cannot fail later. */
      if (!awd_store_validate_nomination (store, n, &local_error))
        {
          if (!g_error_matches (local_error, AWD_STORE_ERROR, AWD_STORE_ERROR_INVALID))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          awd_csv_add_problem (self->problems, g_array_index (lines, guint, i), "%s", local_error->message);
        }
    }

  /* The problems were found row by row, but the store's checks come last:
   * order them by line for the person reading them. */
  g_ptr_array_sort (self->problems, compare_problems);

out:
  if (self->problems->len > 0)
    return awd_csv_fail_with_first (self->problems, self->name, error);

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    g_list_store_append (self->nominations, g_ptr_array_index (rows, i));
  return TRUE;
}

gboolean
awd_csv_nominations_import (AwdCsvNominations  *self,
                            AwdStore           *store,
                            gint64              round_id,
                            guint              *out_n_added,
                            GError            **error)
{
  g_autoptr(GString) after = NULL;
  GListModel *list;
  guint n;
  gboolean ok = TRUE;

  g_return_val_if_fail (AWD_IS_CSV_NOMINATIONS (self), FALSE);
  g_return_val_if_fail (AWD_IS_STORE (store), FALSE);

  if (out_n_added != NULL)
    *out_n_added = 0;
  if (!awd_csv_nominations_check (self, store, round_id, error))
    return FALSE;

  list = G_LIST_MODEL (self->nominations);
  n = g_list_model_get_n_items (list);
  if (n == 0)
    {
      g_set_error (error, AWD_CSV_ERROR, AWD_CSV_ERROR_EMPTY,
                   _("%s: the file has a header but no nominations"), self->name);
      return FALSE;
    }

  if (awd_store_is_read_only (store))
    {
      g_set_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_READ_ONLY,
                   _("“%s” is open read-only; close the other copy of Award Desk to make changes"),
                   awd_store_get_path (store));
      return FALSE;
    }
  if (awd_store_round_is_final (store, round_id, NULL))
    {
      g_set_error_literal (error, AWD_STORE_ERROR, AWD_STORE_ERROR_FINAL,
                           _("The round is final: its nominations cannot change"));
      return FALSE;
    }

  if (!awd_store_begin (store, error))
    return FALSE;

  /* One audit row names everything added. */
  after = g_string_new (NULL);
  g_string_append_printf (after, "import-csv: %u nominations from %s", n, self->name);
  for (guint i = 0; ok && i < n; i++)
    {
      g_autoptr(AwdNomination) nomination = g_list_model_get_item (list, i);

      ok = awd_store_bulk_insert_nomination (store, nomination, error);
      g_string_append_printf (after, "\n%s: %s", awd_nomination_get_ref (nomination),
                              awd_nomination_get_title (nomination));
    }
  ok = ok && awd_store_audit (store, round_id, "import", "nominations", round_id, NULL, after->str, error);
  if (!ok)
    {
      awd_store_rollback (store);
      return FALSE;
    }
  if (!awd_store_commit (store, error))
    return FALSE;

  if (out_n_added != NULL)
    *out_n_added = n;
  return TRUE;
}
