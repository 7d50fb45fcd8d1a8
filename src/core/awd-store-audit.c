/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-store-audit"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "awd-store-private.h"

/* The audit log. Every change writes a row (when, who, what, before →
 * after); each row's hash is the SHA-256 of the previous row's hash and its
 * own fields, so editing or removing a row anywhere breaks the chain from
 * there on, and `award-desk-cli check` names the first broken row. */

#define GENESIS_HASH "0000000000000000000000000000000000000000000000000000000000000000"

/* Length-prefixed fields: no separator inside a field can shift another. */
static void
hash_field (GChecksum  *checksum,
            const char *value)
{
  g_autofree char *prefix = NULL;

  if (value == NULL)
    {
      g_checksum_update (checksum, (const guchar *) "-;", 2);
      return;
    }

  prefix = g_strdup_printf ("%zu:", strlen (value));
  g_checksum_update (checksum, (const guchar *) prefix, -1);
  g_checksum_update (checksum, (const guchar *) value, -1);
  g_checksum_update (checksum, (const guchar *) ";", 1);
}

static char *
hash_row (const char *prev_hash,
          const char *at,
          const char *operator_name,
          const char *round_id,
          const char *action,
          const char *entity,
          const char *entity_id,
          const char *before,
          const char *after)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  hash_field (checksum, prev_hash);
  hash_field (checksum, at);
  hash_field (checksum, operator_name);
  hash_field (checksum, round_id);
  hash_field (checksum, action);
  hash_field (checksum, entity);
  hash_field (checksum, entity_id);
  hash_field (checksum, before);
  hash_field (checksum, after);

  return g_strdup (g_checksum_get_string (checksum));
}

static char *
id_text (gint64 id)
{
  return id > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, id) : NULL;
}

/**
 * awd_store_audit:
 * @round_id: the round concerned, or 0
 * @action: what happened: "insert", "update", "delete", "import", …
 * @entity: the kind of thing: "round", "juror", …
 * @before: (nullable): the state before, as text
 * @after: (nullable): the state after, as text
 *
 * Appends one row to the audit log. Call it inside the transaction of the
 * change it records, so both commit together or neither does.
 */
gboolean
awd_store_audit (AwdStore    *self,
                 gint64       round_id,
                 const char  *action,
                 const char  *entity,
                 gint64       entity_id,
                 const char  *before,
                 const char  *after,
                 GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *at = g_date_time_format_iso8601 (now);
  g_autofree char *prev_hash = NULL;
  g_autofree char *round_text = id_text (round_id);
  g_autofree char *entity_text = id_text (entity_id);
  g_autofree char *hash = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (AWD_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->transaction_depth > 0, FALSE);

  stmt = awd_store_prepare (self, "SELECT hash FROM audit ORDER BY id DESC LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    prev_hash = awd_store_column_text (stmt, 0);
  else if (rc == SQLITE_DONE)
    prev_hash = g_strdup (GENESIS_HASH);
  sqlite3_reset (stmt);
  if (prev_hash == NULL)
    return awd_store_set_error (self, rc, error);

  hash = hash_row (prev_hash, at, self->operator_name, round_text, action, entity,
                   entity_text, before, after);

  stmt = awd_store_prepare (self,
                            "INSERT INTO audit (at, operator, round_id, action, entity, entity_id,"
                            " before, after, prev_hash, hash)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, self->operator_name, -1, SQLITE_TRANSIENT);
  awd_store_bind_id (stmt, 3, round_id);
  sqlite3_bind_text (stmt, 4, action, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, entity, -1, SQLITE_TRANSIENT);
  awd_store_bind_id (stmt, 6, entity_id);
  if (before != NULL)
    sqlite3_bind_text (stmt, 7, before, -1, SQLITE_TRANSIENT);
  if (after != NULL)
    sqlite3_bind_text (stmt, 8, after, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 9, prev_hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 10, hash, -1, SQLITE_TRANSIENT);

  return awd_store_step_done (self, stmt, error);
}

gint64
awd_store_count_audit (AwdStore  *self,
                       GError   **error)
{
  sqlite3_stmt *stmt = awd_store_prepare (self, "SELECT count(*) FROM audit", error);
  gint64 count;

  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      awd_store_set_error (self, sqlite3_errcode (self->db), error);
      sqlite3_reset (stmt);
      return -1;
    }
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return count;
}

gboolean
awd_store_verify_audit_chain (AwdStore   *self,
                              GPtrArray  *problems,
                              GError    **error)
{
  g_autofree char *expected_prev = g_strdup (GENESIS_HASH);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db,
                           "SELECT id, at, operator, round_id, action, entity, entity_id,"
                           " before, after, prev_hash, hash FROM audit ORDER BY id",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return awd_store_set_error (self, rc, error);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *f[11];
      g_autofree char *hash = NULL;

      for (int i = 0; i < 11; i++)
        f[i] = (const char *) sqlite3_column_text (stmt, i);

      hash = hash_row (f[9], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8]);
      if (g_strcmp0 (f[9], expected_prev) != 0 || g_strcmp0 (f[10], hash) != 0)
        {
          g_ptr_array_add (problems,
                           g_strdup_printf (_("audit: the chain breaks at row %s (%s %s %s)"),
                                            f[0], f[1], f[4], f[5]));
          break;
        }
      g_free (expected_prev);
      expected_prev = g_strdup (f[10]);
    }

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      sqlite3_finalize (stmt);
      return awd_store_set_error (self, rc, error);
    }

  sqlite3_finalize (stmt);
  return TRUE;
}

static char *
value_to_text (const GValue *value)
{
  if (G_VALUE_HOLDS_STRING (value))
    return g_strdup (g_value_get_string (value) != NULL ? g_value_get_string (value) : "");
  if (G_VALUE_HOLDS_DOUBLE (value))
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.6g", g_value_get_double (value)));
    }
  return g_strdup_value_contents (value);
}

/**
 * awd_store_describe_object:
 * @object: a domain object
 * @other: (nullable): the same object in another state
 *
 * Returns: "name: value" lines of @object's properties (all of them, or
 * those that differ from @other), for the before/after of an audit row.
 */
char *
awd_store_describe_object (GObject *object,
                           GObject *other)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;
      g_autofree char *value_text = NULL;

      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (object, pspecs[i]->name, &value);
      value_text = value_to_text (&value);

      if (other != NULL)
        {
          g_auto(GValue) other_value = G_VALUE_INIT;
          g_autofree char *other_text = NULL;

          g_value_init (&other_value, pspecs[i]->value_type);
          g_object_get_property (other, pspecs[i]->name, &other_value);
          other_text = value_to_text (&other_value);
          if (g_strcmp0 (value_text, other_text) == 0)
            continue;
        }

      g_string_append_printf (text, "%s%s: %s", text->len > 0 ? "\n" : "",
                              pspecs[i]->name, value_text);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}
