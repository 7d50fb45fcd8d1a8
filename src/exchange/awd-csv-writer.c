/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-csv-writer"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "awd-csv-writer.h"

/* Why this form:
 * - UTF-8 with a BOM: Excel reads a CSV without a BOM in the system's ANSI
 *   code page (Windows-1251 in Russia) and garbles every Cyrillic letter;
 *   the BOM makes it read UTF-8. LibreOffice recognises the BOM too.
 * - `;` between fields: in a Russian locale the decimal separator is a
 *   comma, so Excel's list separator is `;`, and Excel splits a file it
 *   opens by double-click on the list separator only. LibreOffice's import
 *   dialog detects `;`. (A "sep=;" first line would also tell Excel, but
 *   then Excel ignores the BOM, so it is not written.)
 * - CRLF line ends and RFC 4180 quoting (a field holding `;`, `"`, a line
 *   break or edge spaces is quoted, `"` doubled): what both programs
 *   write and expect; a line break inside a summary stays in its cell.
 * - Values are written as they are stored, never altered: dates as
 *   2024-10-31 and countries as ISO codes, so the file reads back into
 *   import-csv field for field. (A spreadsheet may show such a date as
 *   31.10.2024 and save it that way; import-csv accepts both forms.) */

static const char * const columns[] = {
  "ref", "title", "title-en", "institution", "city", "region", "country", "summary",
  "contact", "email", "phone", "url", "received", "status", "category",
};

void
awd_csv_append_field (GString    *out,
                      const char *value,
                      gboolean    first)
{
  gsize len;

  if (!first)
    g_string_append_c (out, ';');
  if (value == NULL || *value == '\0')
    return;

  len = strlen (value);
  if (strpbrk (value, ";\",\r\n") == NULL && value[0] != ' ' && value[len - 1] != ' ')
    {
      g_string_append (out, value);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      /* Line breaks inside a cell are written as CRLF too, as Excel does. */
      if (*p == '\n' && (p == value || p[-1] != '\r'))
        g_string_append_c (out, '\r');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static const char *
category_name (GListModel *categories,
               gint64      category_id)
{
  if (categories == NULL || category_id <= 0)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(AwdCategory) c = g_list_model_get_item (categories, i);

      /* The model keeps the category alive after this reference goes. */
      if (awd_category_get_id (c) == category_id)
        return awd_category_get_name (c);
    }
  return NULL;
}

GBytes *
awd_csv_format_nominations (GListModel *nominations,
                            GListModel *categories)
{
  GString *out = g_string_new ("\xEF\xBB\xBF");

  g_return_val_if_fail (G_IS_LIST_MODEL (nominations), NULL);

  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    awd_csv_append_field (out, columns[c], c == 0);
  g_string_append (out, "\r\n");

  for (guint i = 0; i < g_list_model_get_n_items (nominations); i++)
    {
      g_autoptr(AwdNomination) n = g_list_model_get_item (nominations, i);
      const char *values[] = {
        awd_nomination_get_ref (n),
        awd_nomination_get_title (n),
        awd_nomination_get_title_en (n),
        awd_nomination_get_institution (n),
        awd_nomination_get_city (n),
        awd_nomination_get_region (n),
        awd_nomination_get_country (n),
        awd_nomination_get_summary (n),
        awd_nomination_get_contact_name (n),
        awd_nomination_get_contact_email (n),
        awd_nomination_get_contact_phone (n),
        awd_nomination_get_url (n),
        awd_nomination_get_received (n),
        awd_nomination_status_to_string (awd_nomination_get_status (n)),
        category_name (categories, awd_nomination_get_category_id (n)),
      };

      G_STATIC_ASSERT (G_N_ELEMENTS (values) == G_N_ELEMENTS (columns));
      for (guint c = 0; c < G_N_ELEMENTS (values); c++)
        awd_csv_append_field (out, values[c], c == 0);
      g_string_append (out, "\r\n");
    }

  return g_string_free_to_bytes (out);
}

gboolean
awd_csv_write_nominations (GListModel  *nominations,
                           GListModel  *categories,
                           const char  *path,
                           GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (G_IS_LIST_MODEL (nominations), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  bytes = awd_csv_format_nominations (nominations, categories);
  data = g_bytes_get_data (bytes, &size);
  return g_file_set_contents_full (path, data, (gssize) size,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0644, error);
}

gboolean
awd_csv_export_round (AwdStore    *store,
                      gint64       round_id,
                      const char  *path,
                      GError     **error)
{
  g_autoptr(GListModel) nominations = NULL;
  g_autoptr(GListModel) categories = NULL;

  g_return_val_if_fail (AWD_IS_STORE (store), FALSE);

  nominations = awd_store_list_nominations (store, round_id, error);
  if (nominations == NULL)
    return FALSE;
  categories = awd_store_list_categories (store, round_id, error);
  if (categories == NULL)
    return FALSE;
  return awd_csv_write_nominations (nominations, categories, path, error);
}
