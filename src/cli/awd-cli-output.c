/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-cli-output"

#include "config.h"

#include <glib/gi18n.h>

#include "awd-cli.h"

/* Machine output of award-desk-cli. Scripts split our lines on TAB and
 * newline, so no field may contain either; nothing here is translated and
 * numbers never take the locale's decimal comma. */

struct _AwdCliRecord
{
  GString *line;
  guint    n_fields;
};

static void
start_field (AwdCliRecord *record)
{
  if (record->n_fields++ > 0)
    g_string_append_c (record->line, '\t');
}

AwdCliRecord *
awd_cli_record_new (void)
{
  AwdCliRecord *record = g_new0 (AwdCliRecord, 1);

  record->line = g_string_new (NULL);
  return record;
}

void
awd_cli_record_free (AwdCliRecord *record)
{
  if (record == NULL)
    return;

  g_string_free (record->line, TRUE);
  g_free (record);
}

/* A TAB, CR or LF becomes a space (CR too: a lone CR ends a line for many
 * spreadsheet tools); text that is not UTF-8 is repaired, so the output is
 * always valid UTF-8. */
void
awd_cli_record_add_text (AwdCliRecord *record,
                         const char   *text)
{
  g_autofree char *valid = NULL;
  gsize start;

  g_return_if_fail (record != NULL);

  start_field (record);
  if (text == NULL)
    return;

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  start = record->line->len;
  g_string_append (record->line, text);
  for (gsize i = start; i < record->line->len; i++)
    {
      char c = record->line->str[i];
      if (c == '\t' || c == '\n' || c == '\r')
        record->line->str[i] = ' ';
    }
}

void
awd_cli_record_add_int (AwdCliRecord *record,
                        gint64        value)
{
  g_return_if_fail (record != NULL);

  start_field (record);
  g_string_append_printf (record->line, "%" G_GINT64_FORMAT, value);
}

/* Always a dot: g_ascii_formatd ignores LC_NUMERIC, which under ru_RU
 * would make printf write "8,250000". */
void
awd_cli_record_add_double (AwdCliRecord *record,
                           double        value,
                           int           decimals)
{
  char format[16];
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_if_fail (record != NULL);

  g_snprintf (format, sizeof format, "%%.%df", CLAMP (decimals, 0, 17));
  start_field (record);
  g_string_append (record->line, g_ascii_formatd (buffer, sizeof buffer, format, value));
}

/* The line built so far, without its newline (for tests). */
const char *
awd_cli_record_peek (AwdCliRecord *record)
{
  g_return_val_if_fail (record != NULL, NULL);
  return record->line->str;
}

/* Write errors (a full disk, a closed pipe) are caught once, when main()
 * flushes the stream, so commands need not check every line. */
void
awd_cli_record_write (AwdCliRecord *record,
                      FILE         *out)
{
  g_return_if_fail (record != NULL);
  g_return_if_fail (out != NULL);

  g_string_append_c (record->line, '\n');
  fwrite (record->line->str, 1, record->line->len, out);
  g_string_truncate (record->line, 0);
  record->n_fields = 0;
}
