/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-store-nominations"

#include "config.h"

#include <glib/gi18n.h>

#include <stdlib.h>
#include <string.h>

#include "awd-store-private.h"
#include "awd-store-nominations.h"

/* Nominations, partners and attachments. Each user action is one
 * transaction with one audit row; the bulk_* variants are the same checks
 * without the audit row, for an import that writes one row for all. */

#define NOMINATION_COLUMNS \
  "id, round_id, category_id, ref, title, title_en, institution, city, region, country," \
  " period_start, period_end, summary, contact_name, contact_email, contact_phone, url," \
  " received, status, status_reason"

static AwdNomination *
nomination_from_row (sqlite3_stmt *stmt)
{
  AwdNomination *n = awd_nomination_new ();
  AwdNominationStatus status = AWD_NOMINATION_STATUS_RECEIVED;

  awd_nomination_set_id (n, sqlite3_column_int64 (stmt, 0));
  awd_nomination_set_round_id (n, sqlite3_column_int64 (stmt, 1));
  awd_nomination_set_category_id (n, sqlite3_column_int64 (stmt, 2));
  awd_nomination_set_ref (n, (const char *) sqlite3_column_text (stmt, 3));
  awd_nomination_set_title (n, (const char *) sqlite3_column_text (stmt, 4));
  awd_nomination_set_title_en (n, (const char *) sqlite3_column_text (stmt, 5));
  awd_nomination_set_institution (n, (const char *) sqlite3_column_text (stmt, 6));
  awd_nomination_set_city (n, (const char *) sqlite3_column_text (stmt, 7));
  awd_nomination_set_region (n, (const char *) sqlite3_column_text (stmt, 8));
  awd_nomination_set_country (n, (const char *) sqlite3_column_text (stmt, 9));
  awd_nomination_set_period_start (n, (const char *) sqlite3_column_text (stmt, 10));
  awd_nomination_set_period_end (n, (const char *) sqlite3_column_text (stmt, 11));
  awd_nomination_set_summary (n, (const char *) sqlite3_column_text (stmt, 12));
  awd_nomination_set_contact_name (n, (const char *) sqlite3_column_text (stmt, 13));
  awd_nomination_set_contact_email (n, (const char *) sqlite3_column_text (stmt, 14));
  awd_nomination_set_contact_phone (n, (const char *) sqlite3_column_text (stmt, 15));
  awd_nomination_set_url (n, (const char *) sqlite3_column_text (stmt, 16));
  awd_nomination_set_received (n, (const char *) sqlite3_column_text (stmt, 17));
  awd_nomination_status_from_string ((const char *) sqlite3_column_text (stmt, 18), &status);
  awd_nomination_set_status (n, status);
  awd_nomination_set_status_reason (n, (const char *) sqlite3_column_text (stmt, 19));
  return n;
}

static GListModel *
list_nominations_with (AwdStore    *self,
                       const char  *sql,
                       gint64       round_id,
                       const char  *match,
                       GError     **error)
{
  sqlite3_stmt *stmt = awd_store_prepare (self, sql, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, round_id);
  if (match != NULL)
    sqlite3_bind_text (stmt, 2, match, -1, SQLITE_TRANSIENT);
  return awd_store_list_objects (self, stmt, AWD_TYPE_NOMINATION,
                                 (AwdStoreObjectFunc) nomination_from_row, error);
}

GListModel *
awd_store_list_nominations (AwdStore  *self,
                            gint64     round_id,
                            GError   **error)
{
  g_return_val_if_fail (AWD_IS_STORE (self), NULL);

  return list_nominations_with (self,
                                "SELECT " NOMINATION_COLUMNS " FROM nomination"
                                " WHERE round_id = ?1 ORDER BY ref, id",
                                round_id, NULL, error);
}

AwdNomination *
awd_store_get_nomination (AwdStore  *self,
                          gint64     nomination_id,
                          GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (AWD_IS_STORE (self), NULL);

  stmt = awd_store_prepare (self, "SELECT " NOMINATION_COLUMNS " FROM nomination WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, nomination_id);
  return awd_store_get_object (self, stmt, (AwdStoreObjectFunc) nomination_from_row,
                               _("The nomination no longer exists"), error);
}

/* Search --------------------------------------------------------------- */

char *
awd_nomination_search_text (AwdNomination *nomination)
{
  const char *fields[] = {
    awd_nomination_get_title (nomination),
    awd_nomination_get_title_en (nomination),
    awd_nomination_get_institution (nomination),
    awd_nomination_get_city (nomination),
    awd_nomination_get_region (nomination),
    awd_nomination_get_summary (nomination),
    awd_nomination_get_contact_name (nomination),
  };
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (awd_store_is_blank (fields[i]))
        continue;
      if (joined->len > 0)
        g_string_append_c (joined, ' ');
      g_string_append (joined, fields[i]);
    }
  return awd_fold (joined->str);
}

GListModel *
awd_store_search_nominations (AwdStore    *self,
                              gint64       round_id,
                              const char  *query,
                              GError     **error)
{
  g_autofree char *match = NULL;

  g_return_val_if_fail (AWD_IS_STORE (self), NULL);

  match = awd_fold_match_query (query);
  if (match == NULL)
    return awd_store_list_nominations (self, round_id, error);

  return list_nominations_with (self,
                                "SELECT " NOMINATION_COLUMNS " FROM nomination"
                                " WHERE round_id = ?1 AND id IN"
                                " (SELECT rowid FROM nomination_fts WHERE nomination_fts MATCH ?2)"
                                " ORDER BY ref, id",
                                round_id, match, error);
}

/* Validation ----------------------------------------------------------- */

gboolean
awd_country_code_is_valid (const char *code)
{
  return code != NULL && strlen (code) == 2 &&
         g_ascii_isupper (code[0]) && g_ascii_isupper (code[1]);
}

/* yyyy-mm-dd, a real calendar date. */
gboolean
awd_iso_date_is_valid (const char *date)
{
  int y, m, d;

  if (date == NULL || strlen (date) != 10 || date[4] != '-' || date[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (date[i]))
      return FALSE;
  y = atoi (date);
  m = atoi (date + 5);
  d = atoi (date + 8);
  return y >= 1 && g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

/* Answers how many categories the round has and whether @category_id is one
 * of them. */
static gboolean
check_category (AwdStore  *self,
                gint64     round_id,
                gint64     category_id,
                gint64    *out_n_categories,
                gboolean  *out_belongs,
                GError   **error)
{
  sqlite3_stmt *stmt = awd_store_prepare (self,
                                          "SELECT count(*), coalesce(sum(id = ?2), 0)"
                                          " FROM category WHERE round_id = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, round_id);
  sqlite3_bind_int64 (stmt, 2, category_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out_n_categories = sqlite3_column_int64 (stmt, 0);
      *out_belongs = sqlite3_column_int64 (stmt, 1) > 0;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return awd_store_set_error (self, rc, error);
  return TRUE;
}

static gboolean
check_optional_date (const char  *date,
                     const char  *what,
                     GError     **error)
{
  if (date == NULL || *date == '\0' || awd_iso_date_is_valid (date))
    return TRUE;
  g_set_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_INVALID,
               /* TRANSLATORS: %s is a field such as "date received", then the value */
               _("The %s “%s” is not a date; write it as 2024-10-31"), what, date);
  return FALSE;
}

gboolean
awd_store_validate_nomination (AwdStore       *self,
                               AwdNomination  *nomination,
                               GError        **error)
{
  const char *country = awd_nomination_get_country (nomination);
  const char *start = awd_nomination_get_period_start (nomination);
  const char *end = awd_nomination_get_period_end (nomination);
  gint64 category_id = awd_nomination_get_category_id (nomination);
  gint64 n_categories = 0;
  gboolean belongs = FALSE;

  g_return_val_if_fail (AWD_IS_STORE (self), FALSE);
  g_return_val_if_fail (AWD_IS_NOMINATION (nomination), FALSE);

  if (awd_store_is_blank (awd_nomination_get_ref (nomination)))
    return awd_store_refuse (error, _("The nomination needs a reference number"));
  if (awd_store_is_blank (awd_nomination_get_title (nomination)))
    {
      g_set_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_INVALID,
                   _("The nomination “%s” needs a title"), awd_nomination_get_ref (nomination));
      return FALSE;
    }
  if ((guint) awd_nomination_get_status (nomination) > AWD_NOMINATION_STATUS_WITHDRAWN)
    return awd_store_refuse (error, _("The nomination's status is not known"));
  if (country != NULL && *country != '\0' && !awd_country_code_is_valid (country))
    {
      g_set_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_INVALID,
                   _("The country “%s” is not an ISO 3166-1 code of two capital letters, such as RU"),
                   country);
      return FALSE;
    }
  if (!check_optional_date (start, _("project start"), error) ||
      !check_optional_date (end, _("project end"), error) ||
      !check_optional_date (awd_nomination_get_received (nomination), _("date received"), error))
    return FALSE;
  if (start != NULL && *start != '\0' && end != NULL && *end != '\0' && strcmp (start, end) > 0)
    return awd_store_refuse (error, _("The project cannot end before it starts"));
  if (!awd_email_is_valid (awd_nomination_get_contact_email (nomination)))
    {
      g_set_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_INVALID,
                   _("The e-mail address “%s” is not valid; it should look like name@example.org"),
                   awd_nomination_get_contact_email (nomination));
      return FALSE;
    }

  if (!check_category (self, awd_nomination_get_round_id (nomination), category_id,
                       &n_categories, &belongs, error))
    return FALSE;
  if (category_id > 0 && !belongs)
    return awd_store_refuse (error, _("The category does not belong to this round"));
  if (category_id <= 0 && n_categories > 0)
    {
      g_set_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_INVALID,
                   _("The nomination “%s” needs a category: the round has categories"),
                   awd_nomination_get_ref (nomination));
      return FALSE;
    }

  return TRUE;
}

static void
bind_nomination (sqlite3_stmt  *stmt,
                 AwdNomination *n)
{
  g_autofree char *search_text = awd_nomination_search_text (n);

  sqlite3_bind_int64 (stmt, 1, awd_nomination_get_round_id (n));
  awd_store_bind_id (stmt, 2, awd_nomination_get_category_id (n));
  sqlite3_bind_text (stmt, 3, awd_nomination_get_ref (n), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, awd_nomination_get_title (n), -1, SQLITE_TRANSIENT);
  awd_store_bind_text (stmt, 5, awd_nomination_get_title_en (n));
  awd_store_bind_text (stmt, 6, awd_nomination_get_institution (n));
  awd_store_bind_text (stmt, 7, awd_nomination_get_city (n));
  awd_store_bind_text (stmt, 8, awd_nomination_get_region (n));
  awd_store_bind_text (stmt, 9, awd_nomination_get_country (n));
  awd_store_bind_text (stmt, 10, awd_nomination_get_period_start (n));
  awd_store_bind_text (stmt, 11, awd_nomination_get_period_end (n));
  awd_store_bind_text (stmt, 12, awd_nomination_get_summary (n));
  awd_store_bind_text (stmt, 13, awd_nomination_get_contact_name (n));
  awd_store_bind_text (stmt, 14, awd_nomination_get_contact_email (n));
  awd_store_bind_text (stmt, 15, awd_nomination_get_contact_phone (n));
  awd_store_bind_text (stmt, 16, awd_nomination_get_url (n));
  awd_store_bind_text (stmt, 17, awd_nomination_get_received (n));
  sqlite3_bind_text (stmt, 18, awd_nomination_status_to_string (awd_nomination_get_status (n)),
                     -1, SQLITE_STATIC);
  awd_store_bind_text (stmt, 19, awd_nomination_get_status_reason (n));
  sqlite3_bind_text (stmt, 20, search_text, -1, SQLITE_TRANSIENT);
}

/* A UNIQUE failure on (round_id, ref) becomes a message naming the ref. */
static gboolean
explain_duplicate_ref (GError        **error,
                       AwdNomination  *n)
{
  g_autofree char *message = g_strdup_printf (_("The round already has a nomination with the reference number “%s”"),
                                              awd_nomination_get_ref (n));

  return awd_store_explain_unique (error, message);
}

static gboolean
insert_nomination_row (AwdStore       *self,
                       AwdNomination  *n,
                       GError        **error)
{
  sqlite3_stmt *stmt;

  if (!awd_store_validate_nomination (self, n, error))
    return FALSE;

  stmt = awd_store_prepare (self,
                            "INSERT INTO nomination (round_id, category_id, ref, title, title_en,"
                            " institution, city, region, country, period_start, period_end, summary,"
                            " contact_name, contact_email, contact_phone, url, received, status,"
                            " status_reason, search_text) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
                            " ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)", error);
  if (stmt == NULL)
    return FALSE;
  bind_nomination (stmt, n);
  if (!awd_store_step_done (self, stmt, error))
    return explain_duplicate_ref (error, n);

  awd_nomination_set_id (n, sqlite3_last_insert_rowid (self->db));
  return TRUE;
}

gboolean
awd_store_bulk_insert_nomination (AwdStore       *self,
                                  AwdNomination  *nomination,
                                  GError        **error)
{
  g_return_val_if_fail (AWD_IS_STORE (self), FALSE);
  g_return_val_if_fail (AWD_IS_NOMINATION (nomination), FALSE);
  g_return_val_if_fail (self->transaction_depth > 0, FALSE);

  return insert_nomination_row (self, nomination, error);
}

gboolean
awd_store_insert_nomination (AwdStore       *self,
                             AwdNomination  *nomination,
                             GError        **error)
{
  g_autofree char *after = NULL;
  gint64 round_id;
  gboolean ok;

  g_return_val_if_fail (AWD_IS_STORE (self), FALSE);
  g_return_val_if_fail (AWD_IS_NOMINATION (nomination), FALSE);

  round_id = awd_nomination_get_round_id (nomination);
  if (!awd_store_begin (self, error))
    return FALSE;

  ok = awd_store_require_writable (self, round_id, error) &&
       insert_nomination_row (self, nomination, error);
  if (ok)
    after = awd_store_describe_object (G_OBJECT (nomination), NULL);
  else
    awd_nomination_set_id (nomination, 0);

  return awd_store_finish_change (self, ok, round_id, "insert", "nomination",
                                  awd_nomination_get_id (nomination), NULL, after, error);
}

gboolean
awd_store_save_nomination (AwdStore       *self,
                           AwdNomination  *nomination,
                           GError        **error)
{
  g_autoptr(AwdNomination) before = NULL;
  g_autofree char *before_text = NULL;
  g_autofree char *after_text = NULL;
  gint64 id;
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (AWD_IS_STORE (self), FALSE);
  g_return_val_if_fail (AWD_IS_NOMINATION (nomination), FALSE);

  id = awd_nomination_get_id (nomination);
  if (!awd_store_begin (self, error))
    return FALSE;

  before = awd_store_get_nomination (self, id, error);
  /* A nomination stays in its round: the round id comes from the row. */
  if (before != NULL)
    awd_nomination_set_round_id (nomination, awd_nomination_get_round_id (before));
  ok = before != NULL &&
       awd_store_require_writable (self, awd_nomination_get_round_id (before), error) &&
       awd_store_validate_nomination (self, nomination, error) &&
       (stmt = awd_store_prepare (self,
                                  "UPDATE nomination SET round_id = ?1, category_id = ?2, ref = ?3,"
                                  " title = ?4, title_en = ?5, institution = ?6, city = ?7, region = ?8,"
                                  " country = ?9, period_start = ?10, period_end = ?11, summary = ?12,"
                                  " contact_name = ?13, contact_email = ?14, contact_phone = ?15,"
                                  " url = ?16, received = ?17, status = ?18, status_reason = ?19,"
                                  " search_text = ?20 WHERE id = ?21", error)) != NULL;
  if (ok)
    {
      bind_nomination (stmt, nomination);
      sqlite3_bind_int64 (stmt, 21, id);
      ok = awd_store_step_done (self, stmt, error);
      if (!ok)
        explain_duplicate_ref (error, nomination);
    }
  if (ok)
    {
      before_text = awd_store_describe_object (G_OBJECT (before), G_OBJECT (nomination));
      after_text = awd_store_describe_object (G_OBJECT (nomination), G_OBJECT (before));
    }

  return awd_store_finish_change (self, ok, before != NULL ? awd_nomination_get_round_id (before) : 0,
                                  "update", "nomination", id, before_text, after_text, error);
}

gboolean
awd_store_delete_nomination (AwdStore  *self,
                             gint64     nomination_id,
                             GError   **error)
{
  g_autoptr(AwdNomination) before = NULL;
  g_autofree char *before_text = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (AWD_IS_STORE (self), FALSE);

  if (!awd_store_begin (self, error))
    return FALSE;

  before = awd_store_get_nomination (self, nomination_id, error);
  ok = before != NULL &&
       awd_store_require_writable (self, awd_nomination_get_round_id (before), error) &&
       (stmt = awd_store_prepare (self, "DELETE FROM nomination WHERE id = ?1", error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, nomination_id);
      ok = awd_store_step_done (self, stmt, error);
      before_text = awd_store_describe_object (G_OBJECT (before), NULL);
    }

  return awd_store_finish_change (self, ok, before != NULL ? awd_nomination_get_round_id (before) : 0,
                                  "delete", "nomination", nomination_id, before_text, NULL, error);
}

/* Partners ------------------------------------------------------------- */

static AwdPartner *
partner_from_row (sqlite3_stmt *stmt)
{
  return awd_partner_new ((const char *) sqlite3_column_text (stmt, 0),
                          (const char *) sqlite3_column_text (stmt, 1));
}

GListModel *
awd_store_list_partners (AwdStore  *self,
                         gint64     nomination_id,
                         GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (AWD_IS_STORE (self), NULL);

  stmt = awd_store_prepare (self, "SELECT name, country FROM partner WHERE nomination_id = ?1"
                            " ORDER BY position, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, nomination_id);
  return awd_store_list_objects (self, stmt, AWD_TYPE_PARTNER,
                                 (AwdStoreObjectFunc) partner_from_row, error);
}

gboolean
awd_store_bulk_insert_partner (AwdStore    *self,
                               gint64       nomination_id,
                               int          position,
                               const char  *name,
                               const char  *country,
                               GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (AWD_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->transaction_depth > 0, FALSE);

  if (awd_store_is_blank (name))
    return awd_store_refuse (error, _("A partner institution needs a name"));
  if (country != NULL && *country != '\0' && !awd_country_code_is_valid (country))
    {
      g_set_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_INVALID,
                   _("The country “%s” is not an ISO 3166-1 code of two capital letters, such as RU"),
                   country);
      return FALSE;
    }

  stmt = awd_store_prepare (self, "INSERT INTO partner (nomination_id, position, name, country)"
                            " VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, nomination_id);
  sqlite3_bind_int (stmt, 2, position);
  sqlite3_bind_text (stmt, 3, name, -1, SQLITE_TRANSIENT);
  awd_store_bind_text (stmt, 4, country);
  return awd_store_step_done (self, stmt, error);
}

gboolean
awd_store_set_partners (AwdStore    *self,
                        gint64       nomination_id,
                        GListModel  *partners,
                        GError     **error)
{
  g_autoptr(GString) after = g_string_new (NULL);
  gint64 round_id;
  sqlite3_stmt *stmt = NULL;
  gboolean ok;
  guint n;

  g_return_val_if_fail (AWD_IS_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_LIST_MODEL (partners), FALSE);

  if (!awd_store_begin (self, error))
    return FALSE;

  round_id = awd_store_round_of (self, "nomination", nomination_id, error);
  ok = round_id > 0 && awd_store_require_writable (self, round_id, error) &&
       (stmt = awd_store_prepare (self, "DELETE FROM partner WHERE nomination_id = ?1", error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, nomination_id);
      ok = awd_store_step_done (self, stmt, error);
    }

  n = g_list_model_get_n_items (partners);
  for (guint i = 0; ok && i < n; i++)
    {
      g_autoptr(AwdPartner) p = g_list_model_get_item (partners, i);

      ok = awd_store_bulk_insert_partner (self, nomination_id, (int) i + 1,
                                          awd_partner_get_name (p), awd_partner_get_country (p), error);
      g_string_append_printf (after, "%s%s (%s)", i > 0 ? "; " : "", awd_partner_get_name (p),
                              awd_partner_get_country (p) != NULL ? awd_partner_get_country (p) : "");
    }

  return awd_store_finish_change (self, ok, round_id, "update", "partners", nomination_id,
                                  NULL, after->str, error);
}

/* Attachments ---------------------------------------------------------- */

static AwdAttachment *
attachment_from_row (sqlite3_stmt *stmt)
{
  return awd_attachment_new (sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
                             (const char *) sqlite3_column_text (stmt, 2),
                             (const char *) sqlite3_column_text (stmt, 3),
                             sqlite3_column_int64 (stmt, 4),
                             (const char *) sqlite3_column_text (stmt, 5));
}

GListModel *
awd_store_list_attachments (AwdStore  *self,
                            gint64     nomination_id,
                            GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (AWD_IS_STORE (self), NULL);

  stmt = awd_store_prepare (self, "SELECT id, nomination_id, name, mime_type, size, sha256"
                            " FROM attachment WHERE nomination_id = ?1 ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, nomination_id);
  return awd_store_list_objects (self, stmt, AWD_TYPE_ATTACHMENT,
                                 (AwdStoreObjectFunc) attachment_from_row, error);
}

gint64
awd_store_bulk_insert_attachment (AwdStore    *self,
                                  gint64       nomination_id,
                                  const char  *name,
                                  const char  *mime_type,
                                  GBytes      *data,
                                  const char  *expected_sha256,
                                  GError     **error)
{
  g_autofree char *sha256 = NULL;
  sqlite3_stmt *stmt;
  gsize size;
  gconstpointer bytes;

  g_return_val_if_fail (AWD_IS_STORE (self), 0);
  g_return_val_if_fail (data != NULL, 0);
  g_return_val_if_fail (self->transaction_depth > 0, 0);

  bytes = g_bytes_get_data (data, &size);
  if (awd_store_is_blank (name))
    {
      awd_store_refuse (error, _("The attachment needs a file name"));
      return 0;
    }
  if (size > AWD_ATTACHMENT_MAX_SIZE)
    {
      g_autofree char *limit = g_format_size_full (AWD_ATTACHMENT_MAX_SIZE, G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *actual = g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_INVALID,
                   _("The file “%s” is too large (%s); attachments may be at most %s"),
                   name, actual, limit);
      return 0;
    }

  sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, bytes, size);
  if (expected_sha256 != NULL && g_ascii_strcasecmp (expected_sha256, sha256) != 0)
    {
      g_set_error (error, AWD_STORE_ERROR, AWD_STORE_ERROR_INVALID,
                   _("The contents of the attachment “%s” do not match its SHA-256 checksum"), name);
      return 0;
    }

  stmt = awd_store_prepare (self, "INSERT INTO attachment (nomination_id, name, mime_type, size,"
                            " sha256, data) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, nomination_id);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, mime_type != NULL && *mime_type != '\0' ? mime_type : "application/octet-stream",
                     -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, (sqlite3_int64) size);
  sqlite3_bind_text (stmt, 5, sha256, -1, SQLITE_TRANSIENT);
  /* A zero-length blob must still be a blob, not NULL (NOT NULL column). */
  sqlite3_bind_blob64 (stmt, 6, size > 0 ? bytes : "", size, SQLITE_STATIC);
  if (!awd_store_step_done (self, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (self->db);
}

AwdAttachment *
awd_store_add_attachment (AwdStore    *self,
                          gint64       nomination_id,
                          const char  *name,
                          const char  *mime_type,
                          GBytes      *data,
                          GError     **error)
{
  g_autoptr(AwdAttachment) attachment = NULL;
  g_autofree char *after = NULL;
  gint64 round_id;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (AWD_IS_STORE (self), NULL);
  g_return_val_if_fail (data != NULL, NULL);

  if (!awd_store_begin (self, error))
    return NULL;

  round_id = awd_store_round_of (self, "nomination", nomination_id, error);
  ok = round_id > 0 && awd_store_require_writable (self, round_id, error) &&
       (id = awd_store_bulk_insert_attachment (self, nomination_id, name, mime_type, data,
                                               NULL, error)) > 0;
  if (ok)
    {
      g_autoptr(GListModel) list = awd_store_list_attachments (self, nomination_id, error);

      ok = list != NULL;
      for (guint i = 0; ok && i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(AwdAttachment) a = g_list_model_get_item (list, i);
          if (awd_attachment_get_id (a) == id)
            attachment = g_steal_pointer (&a);
        }
      if (attachment != NULL)
        after = g_strdup_printf ("name: %s\nsize: %" G_GINT64_FORMAT "\nsha256: %s",
                                 awd_attachment_get_name (attachment),
                                 awd_attachment_get_size (attachment),
                                 awd_attachment_get_sha256 (attachment));
    }

  if (!awd_store_finish_change (self, ok, round_id, "insert", "attachment", id, NULL, after, error))
    return NULL;
  return g_steal_pointer (&attachment);
}

static GBytes *
data_from_row (sqlite3_stmt *stmt)
{
  return g_bytes_new (sqlite3_column_blob (stmt, 0), (gsize) sqlite3_column_bytes (stmt, 0));
}

GBytes *
awd_store_get_attachment_data (AwdStore  *self,
                               gint64     attachment_id,
                               GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (AWD_IS_STORE (self), NULL);

  stmt = awd_store_prepare (self, "SELECT data FROM attachment WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, attachment_id);
  return awd_store_get_object (self, stmt, (AwdStoreObjectFunc) data_from_row,
                               _("The attachment no longer exists"), error);
}

gboolean
awd_store_remove_attachment (AwdStore  *self,
                             gint64     attachment_id,
                             GError   **error)
{
  g_autofree char *before = NULL;
  sqlite3_stmt *stmt;
  gint64 round_id = 0;
  gboolean ok;
  int rc;

  g_return_val_if_fail (AWD_IS_STORE (self), FALSE);

  if (!awd_store_begin (self, error))
    return FALSE;

  stmt = awd_store_prepare (self, "SELECT n.round_id, a.name, a.size, a.sha256 FROM attachment a"
                            " JOIN nomination n ON n.id = a.nomination_id WHERE a.id = ?1", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, attachment_id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          round_id = sqlite3_column_int64 (stmt, 0);
          before = g_strdup_printf ("name: %s\nsize: %" G_GINT64_FORMAT "\nsha256: %s",
                                    sqlite3_column_text (stmt, 1),
                                    (gint64) sqlite3_column_int64 (stmt, 2),
                                    sqlite3_column_text (stmt, 3));
        }
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        ok = awd_store_refuse (error, _("The attachment no longer exists"));
      else if (rc != SQLITE_ROW)
        ok = awd_store_set_error (self, rc, error);
    }
  ok = ok && awd_store_require_writable (self, round_id, error) &&
       (stmt = awd_store_prepare (self, "DELETE FROM attachment WHERE id = ?1", error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, attachment_id);
      ok = awd_store_step_done (self, stmt, error);
    }

  return awd_store_finish_change (self, ok, round_id, "delete", "attachment", attachment_id,
                                  before, NULL, error);
}
