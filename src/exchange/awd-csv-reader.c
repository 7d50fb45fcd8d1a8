/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-csv-reader"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include <string.h>

#include "awd-fold.h"
#include "awd-csv-reader.h"

/* The parser works on bytes of UTF-8: the delimiter, the quote and the
 * line breaks are ASCII, and no byte of a multi-byte UTF-8 sequence is
 * ASCII, so a byte scan never cuts a character in two. Any other encoding
 * is converted to UTF-8 first. */

G_DEFINE_QUARK (awd-csv-error-quark, awd_csv_error)

static void
free_record (gpointer data)
{
  AwdCsvRecord *record = data;

  g_strfreev (record->fields);
  g_free (record);
}

static gboolean
record_is_blank (GPtrArray *fields)
{
  for (guint i = 0; i < fields->len; i++)
    {
      const char *f = g_ptr_array_index (fields, i);
      if (f[strspn (f, " \t")] != '\0')
        return FALSE;
    }
  return TRUE;
}

/* Turns the raw bytes into UTF-8 text: a UTF-8 BOM is dropped, a UTF-16
 * BOM (Excel's "Unicode text") converts, valid UTF-8 stays, anything else
 * is read as Windows-1251, which Russian-locale spreadsheets write. */
static char *
decode_text (const char      *data,
             gsize            length,
             AwdCsvEncoding  *out_encoding,
             gsize           *out_length,
             GError         **error)
{
  const char *from = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize written = 0;
  char *text;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
      *out_encoding = AWD_CSV_ENCODING_UTF8_BOM;
    }
  else if (length >= 2 && (memcmp (data, "\xFF\xFE", 2) == 0 || memcmp (data, "\xFE\xFF", 2) == 0))
    {
      from = data[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
      data += 2;
      length -= 2;
      *out_encoding = AWD_CSV_ENCODING_UTF16;
    }
  else if (g_utf8_validate_len (data, length, NULL))
    *out_encoding = AWD_CSV_ENCODING_UTF8;
  else
    {
      from = "WINDOWS-1251";
      *out_encoding = AWD_CSV_ENCODING_WINDOWS_1251;
    }

  if (from == NULL)
    {
      if (!g_utf8_validate_len (data, length, NULL))
        {
          g_set_error_literal (error, AWD_CSV_ERROR, AWD_CSV_ERROR_ENCODING,
                               _("The file starts like UTF-8 text but holds bytes that are not UTF-8"));
          return NULL;
        }
      text = g_strndup (data, length);
      written = length;
    }
  else
    {
      text = g_convert (data, (gssize) length, "UTF-8", from, NULL, &written, &local_error);
      if (text == NULL)
        {
          g_set_error_literal (error, AWD_CSV_ERROR, AWD_CSV_ERROR_ENCODING,
                               _("The file is not text in UTF-8 or Windows-1251; save it from the "
                                 "spreadsheet as “CSV (UTF-8)”"));
          return NULL;
        }
    }

  /* A NUL byte means a binary file (or UTF-16 without a BOM); fields are C
   * strings and would be cut short silently. */
  if (memchr (text, '\0', written) != NULL)
    {
      g_free (text);
      g_set_error_literal (error, AWD_CSV_ERROR, AWD_CSV_ERROR_ENCODING,
                           _("The file holds binary data, not CSV text"));
      return NULL;
    }

  *out_length = written;
  return text;
}

/* The delimiter is the one of `;` and `,` that occurs more often outside
 * quotes on the header's line; `,` when neither does (one column). */
static char
detect_delimiter (const char *text,
                  gsize       length)
{
  gboolean quoted = FALSE;
  guint commas = 0, semicolons = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      if (c == '"')
        quoted = !quoted;
      else if (!quoted && (c == '\n' || c == '\r'))
        break;
      else if (!quoted && c == ',')
        commas++;
      else if (!quoted && c == ';')
        semicolons++;
    }
  return semicolons > 0 && semicolons >= commas ? ';' : ',';
}

static gboolean
parse_records (const char  *text,
               gsize        length,
               char         delimiter,
               GPtrArray   *records,
               guint       *error_line,
               GError     **error)
{
  gsize pos = 0;
  guint line = 1;

  while (pos < length)
    {
      g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
      guint record_line = line;
      gboolean end_of_record = FALSE;

      while (!end_of_record)
        {
          g_autoptr(GString) field = g_string_new (NULL);

          if (fields->len >= AWD_CSV_MAX_COLUMNS)
            {
              *error_line = record_line;
              g_set_error (error, AWD_CSV_ERROR, AWD_CSV_ERROR_TOO_LARGE,
                           _("The row has more than %d columns"), AWD_CSV_MAX_COLUMNS);
              return FALSE;
            }

          if (pos < length && text[pos] == '"')
            {
              guint quote_line = line;
              gboolean closed = FALSE;

              pos++;
              while (pos < length && !closed)
                {
                  char c = text[pos];

                  if (c == '"' && pos + 1 < length && text[pos + 1] == '"')
                    {
                      g_string_append_c (field, '"');
                      pos += 2;
                    }
                  else if (c == '"')
                    {
                      closed = TRUE;
                      pos++;
                    }
                  else if (c == '\r' || c == '\n')
                    {
                      /* A line break inside quotes is part of the field;
                       * store it as LF whatever the file used. */
                      g_string_append_c (field, '\n');
                      line++;
                      pos += (c == '\r' && pos + 1 < length && text[pos + 1] == '\n') ? 2 : 1;
                    }
                  else
                    {
                      g_string_append_c (field, c);
                      pos++;
                    }
                }
              if (!closed)
                {
                  *error_line = quote_line;
                  g_set_error_literal (error, AWD_CSV_ERROR, AWD_CSV_ERROR_SYNTAX,
                                       _("A quoted field is never closed: a closing quote (\") is missing"));
                  return FALSE;
                }
              if (pos < length && text[pos] != delimiter && text[pos] != '\r' && text[pos] != '\n')
                {
                  *error_line = line;
                  g_set_error_literal (error, AWD_CSV_ERROR, AWD_CSV_ERROR_SYNTAX,
                                       _("Text follows the closing quote of a field; a quote inside a "
                                         "quoted field is written twice (\"\")"));
                  return FALSE;
                }
            }
          else
            {
              /* An unquoted field runs to the delimiter or the line's end; a
               * stray quote inside it is kept as it is (RFC 4180 forbids it,
               * hand-made files have it). */
              gsize start = pos;

              while (pos < length && text[pos] != delimiter && text[pos] != '\r' && text[pos] != '\n')
                pos++;
              g_string_append_len (field, text + start, (gssize) (pos - start));
            }

          g_ptr_array_add (fields, g_string_free (g_steal_pointer (&field), FALSE));

          if (pos < length && text[pos] == delimiter)
            pos++;
          else
            {
              end_of_record = TRUE;
              if (pos < length)
                {
                  pos += (text[pos] == '\r' && pos + 1 < length && text[pos + 1] == '\n') ? 2 : 1;
                  line++;
                }
            }
        }

      if (!record_is_blank (fields))
        {
          AwdCsvRecord *record = g_new0 (AwdCsvRecord, 1);

          record->line = record_line;
          record->n_fields = fields->len;
          g_ptr_array_add (fields, NULL);
          record->fields = (char **) g_ptr_array_steal (fields, NULL);
          g_ptr_array_add (records, record);
        }
    }

  return TRUE;
}

static void
set_too_large (GError **error)
{
  g_autofree char *limit = g_format_size (AWD_CSV_MAX_FILE_SIZE);

  g_set_error (error, AWD_CSV_ERROR, AWD_CSV_ERROR_TOO_LARGE,
               _("The file is too large for a table of nominations (more than %s)"), limit);
}

AwdCsvTable *
awd_csv_table_parse (const char  *data,
                     gsize        length,
                     guint       *error_line,
                     GError     **error)
{
  g_autoptr(AwdCsvTable) table = g_new0 (AwdCsvTable, 1);
  g_autofree char *text = NULL;
  gsize text_length = 0;
  guint dummy_line = 0;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (error_line == NULL)
    error_line = &dummy_line;
  *error_line = 0;

  if (length > AWD_CSV_MAX_FILE_SIZE)
    {
      set_too_large (error);
      return NULL;
    }

  table->records = g_ptr_array_new_with_free_func (free_record);
  text = decode_text (data != NULL ? data : "", length, &table->encoding, &text_length, error);
  if (text == NULL)
    return NULL;

  table->delimiter = detect_delimiter (text, text_length);
  if (!parse_records (text, text_length, table->delimiter, table->records, error_line, error))
    return NULL;

  if (table->records->len == 0)
    {
      g_set_error_literal (error, AWD_CSV_ERROR, AWD_CSV_ERROR_EMPTY,
                           _("The file is empty: it needs a header row naming the columns"));
      return NULL;
    }

  return g_steal_pointer (&table);
}

AwdCsvTable *
awd_csv_table_read_file (const char  *path,
                         guint       *error_line,
                         GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);

  if (error_line != NULL)
    *error_line = 0;

  /* Check the size before reading it all into memory. */
  if (g_stat (path, &st) == 0 && st.st_size > AWD_CSV_MAX_FILE_SIZE)
    {
      set_too_large (error);
      return NULL;
    }

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      /* GFileError's message already names the file and the reason. */
      g_set_error_literal (error, AWD_CSV_ERROR, AWD_CSV_ERROR_READ, local_error->message);
      return NULL;
    }

  return awd_csv_table_parse (contents, length, error_line, error);
}

void
awd_csv_table_free (AwdCsvTable *table)
{
  if (table == NULL)
    return;
  g_clear_pointer (&table->records, g_ptr_array_unref);
  g_free (table);
}

const char *
awd_csv_record_get (const AwdCsvRecord *record,
                    guint               column)
{
  g_return_val_if_fail (record != NULL, "");

  return column < record->n_fields ? record->fields[column] : "";
}

char *
awd_csv_fold_key (const char *text)
{
  g_autofree char *folded = awd_fold (text);
  GString *key = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x00A0)
        {
          space = key->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (key, ' ');
      space = FALSE;
      g_string_append_unichar (key, c);
    }
  return g_string_free (key, FALSE);
}

const char *
awd_csv_encoding_name (AwdCsvEncoding encoding)
{
  switch (encoding)
    {
    case AWD_CSV_ENCODING_UTF8:
      return "UTF-8";
    case AWD_CSV_ENCODING_UTF8_BOM:
      return "UTF-8 (BOM)";
    case AWD_CSV_ENCODING_UTF16:
      return "UTF-16";
    case AWD_CSV_ENCODING_WINDOWS_1251:
      return "Windows-1251";
    default:
      return "?";
    }
}

AwdCsvProblem *
awd_csv_problem_new (guint       line,
                     const char *message)
{
  AwdCsvProblem *problem = g_new0 (AwdCsvProblem, 1);

  problem->line = line;
  problem->message = g_strdup (message);
  return problem;
}

void
awd_csv_problem_free (AwdCsvProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->message);
  g_free (problem);
}

char *
awd_csv_problem_format (const AwdCsvProblem *problem,
                        const char          *file_name)
{
  g_return_val_if_fail (problem != NULL, NULL);

  if (problem->line > 0)
    return g_strdup_printf ("%s:%u: %s", file_name, problem->line, problem->message);
  return g_strdup_printf ("%s: %s", file_name, problem->message);
}

void
awd_csv_add_problem (GPtrArray  *problems,
                     guint       line,
                     const char *format,
                     ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (problems, awd_csv_problem_new (line, message));
}

gboolean
awd_csv_fail_with_first (GPtrArray   *problems,
                         const char  *file_name,
                         GError     **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (problems != NULL && problems->len > 0, FALSE);

  text = awd_csv_problem_format (g_ptr_array_index (problems, 0), file_name);
  g_set_error_literal (error, AWD_CSV_ERROR, AWD_CSV_ERROR_INVALID, text);
  return FALSE;
}
