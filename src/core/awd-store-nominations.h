/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "awd-attachment.h"
#include "awd-nomination.h"
#include "awd-partner.h"
#include "awd-store.h"

G_BEGIN_DECLS

/* The store's API for a round's nominations, their partners and their
 * attachments (included by awd-store.h; the functions take an AwdStore).
 * Every change is one transaction with one audit row; a final round
 * refuses all of them. */

/* The largest attachment the store keeps (20 MiB). */
#define AWD_ATTACHMENT_MAX_SIZE (20 * 1024 * 1024)

/* Nominations, ordered by ref (bytewise). */
GListModel    *awd_store_list_nominations     (AwdStore       *self,
                                               gint64          round_id,
                                               GError        **error);
AwdNomination *awd_store_get_nomination       (AwdStore       *self,
                                               gint64          nomination_id,
                                               GError        **error);
/* The checks insert and save run, for editors that want to check early:
 * ref and title present, category given when the round has categories and
 * belonging to the round, country an ISO 3166-1 alpha-2 code in capitals,
 * dates as yyyy-mm-dd (start not after end), a valid contact e-mail. The
 * ref's uniqueness is checked on insert/save. */
gboolean       awd_store_validate_nomination  (AwdStore       *self,
                                               AwdNomination  *nomination,
                                               GError        **error);
/* Sets the nomination's id on success. */
gboolean       awd_store_insert_nomination    (AwdStore       *self,
                                               AwdNomination  *nomination,
                                               GError        **error);
gboolean       awd_store_save_nomination      (AwdStore       *self,
                                               AwdNomination  *nomination,
                                               GError        **error);
gboolean       awd_store_delete_nomination    (AwdStore       *self,
                                               gint64          nomination_id,
                                               GError        **error);
/* Full-text search over title, English title, institution, city, region,
 * summary and contact name, folded (case, ё/е, NFKC); every word of @query
 * matches as a prefix. An empty query lists every nomination. Ordered by ref. */
GListModel    *awd_store_search_nominations   (AwdStore       *self,
                                               gint64          round_id,
                                               const char     *query,
                                               GError        **error);
/* The folded text the search index holds for @nomination. */
char          *awd_nomination_search_text     (AwdNomination  *nomination);

/* Partners (AwdPartner), in their order; set replaces the whole list. */
GListModel    *awd_store_list_partners        (AwdStore       *self,
                                               gint64          nomination_id,
                                               GError        **error);
gboolean       awd_store_set_partners         (AwdStore       *self,
                                               gint64          nomination_id,
                                               GListModel     *partners,
                                               GError        **error);

/* Attachments (AwdAttachment), ordered by id. */
GListModel    *awd_store_list_attachments     (AwdStore       *self,
                                               gint64          nomination_id,
                                               GError        **error);
/* Returns the new attachment, or NULL (too big, no name, …). */
AwdAttachment *awd_store_add_attachment       (AwdStore       *self,
                                               gint64          nomination_id,
                                               const char     *name,
                                               const char     *mime_type,
                                               GBytes         *data,
                                               GError        **error);
GBytes        *awd_store_get_attachment_data  (AwdStore       *self,
                                               gint64          attachment_id,
                                               GError        **error);
gboolean       awd_store_remove_attachment    (AwdStore       *self,
                                               gint64          attachment_id,
                                               GError        **error);

/* Bulk entry points for an import: the same validation, no audit row of
 * their own (the import writes one). They must run inside an
 * awd_store_begin()/commit() pair that the caller rolls back on error, and
 * the caller checks once that the round is writable. */
gboolean       awd_store_bulk_insert_nomination (AwdStore      *self,
                                                 AwdNomination *nomination,
                                                 GError       **error);
gboolean       awd_store_bulk_insert_partner    (AwdStore      *self,
                                                 gint64         nomination_id,
                                                 int            position,
                                                 const char    *name,
                                                 const char    *country,
                                                 GError       **error);
/* @expected_sha256: (nullable): refuse the data when its SHA-256 differs. */
gint64         awd_store_bulk_insert_attachment (AwdStore      *self,
                                                 gint64         nomination_id,
                                                 const char    *name,
                                                 const char    *mime_type,
                                                 GBytes        *data,
                                                 const char    *expected_sha256,
                                                 GError       **error);

/* Value checks shared with the importer and the editors. */
gboolean       awd_country_code_is_valid      (const char     *code);
gboolean       awd_iso_date_is_valid          (const char     *date);

G_END_DECLS
