/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-audit-csv"

#include "config.h"

#include <glib/gi18n.h>

#include "awd-audit-csv.h"
#include "awd-csv-writer.h"

/* Read from the store a page at a time, so a long log never sits in memory
 * twice over as objects. */
#define PAGE_SIZE 1000

static void
append_id (GString *out,
           gint64   id)
{
  g_string_append_c (out, ';');
  if (id > 0)
    g_string_append_printf (out, "%" G_GINT64_FORMAT, id);
}

GBytes *
awd_audit_format_csv (AwdStore             *store,
                      const AwdAuditQuery  *query,
                      GError              **error)
{
  g_autoptr(GString) out = g_string_new ("\xEF\xBB\xBF");

  g_return_val_if_fail (AWD_IS_STORE (store), NULL);

  g_string_append (out, "id;at;operator;round;action;entity;entity_id;before;after\r\n");
  for (guint offset = 0;; offset += PAGE_SIZE)
    {
      g_autoptr(GListModel) page = awd_store_list_audit (store, query, offset, PAGE_SIZE, error);
      guint n;

      if (page == NULL)
        return NULL;
      n = g_list_model_get_n_items (page);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(AwdAuditEntry) entry = g_list_model_get_item (page, i);

          g_string_append_printf (out, "%" G_GINT64_FORMAT, awd_audit_entry_get_id (entry));
          awd_csv_append_field (out, awd_audit_entry_get_at (entry), FALSE);
          awd_csv_append_field (out, awd_audit_entry_get_operator (entry), FALSE);
          append_id (out, awd_audit_entry_get_round_id (entry));
          awd_csv_append_field (out, awd_audit_entry_get_action (entry), FALSE);
          awd_csv_append_field (out, awd_audit_entry_get_entity (entry), FALSE);
          append_id (out, awd_audit_entry_get_entity_id (entry));
          awd_csv_append_field (out, awd_audit_entry_get_before (entry), FALSE);
          awd_csv_append_field (out, awd_audit_entry_get_after (entry), FALSE);
          g_string_append (out, "\r\n");
        }
      if (n < PAGE_SIZE)
        break;
    }

  return g_string_free_to_bytes (g_steal_pointer (&out));
}

gboolean
awd_audit_export_csv (AwdStore             *store,
                      const AwdAuditQuery  *query,
                      const char           *path,
                      GError              **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) file = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (AWD_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  bytes = awd_audit_format_csv (store, query, error);
  if (bytes == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &size);
  file = g_file_new_for_path (path);
  if (!g_file_replace_contents (file, data, size, NULL, FALSE, G_FILE_CREATE_NONE,
                                NULL, NULL, error))
    {
      g_prefix_error (error, _("Could not write %s: "), path);
      return FALSE;
    }
  return TRUE;
}
