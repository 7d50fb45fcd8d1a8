/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-store-changes"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "awd-store-private.h"

/* The shape every writing call of the awd-store-*.c files shares: refuse
 * bad input with a message a person can act on, and end a change with its
 * audit row and commit, or roll it back whole. */

gboolean
awd_store_is_blank (const char *text)
{
  return text == NULL || text[strspn (text, " \t\r\n")] == '\0';
}

gboolean
awd_store_refuse (GError     **error,
                  const char  *message)
{
  g_set_error_literal (error, AWD_STORE_ERROR, AWD_STORE_ERROR_INVALID, message);
  return FALSE;
}

gboolean
awd_store_explain_unique (GError     **error,
                          const char  *message)
{
  if (error != NULL && *error != NULL &&
      g_error_matches (*error, AWD_STORE_ERROR, AWD_STORE_ERROR_INVALID) &&
      strstr ((*error)->message, "UNIQUE") != NULL)
    {
      g_clear_error (error);
      awd_store_refuse (error, message);
    }
  return FALSE;
}

gboolean
awd_store_finish_change (AwdStore    *self,
                         gboolean     ok,
                         gint64       round_id,
                         const char  *action,
                         const char  *entity,
                         gint64       entity_id,
                         const char  *before,
                         const char  *after,
                         GError     **error)
{
  if (ok)
    ok = awd_store_audit (self, round_id, action, entity, entity_id, before, after, error);
  if (!ok)
    {
      awd_store_rollback (self);
      return FALSE;
    }
  return awd_store_commit (self, error);
}
