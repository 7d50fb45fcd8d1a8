/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "awd-category.h"
#include "awd-criterion.h"
#include "awd-enums.h"
#include "awd-juror.h"
#include "awd-nomination.h"
#include "awd-round.h"

G_BEGIN_DECLS

#define AWD_STORE_ERROR (awd_store_error_quark ())

typedef enum {
  AWD_STORE_ERROR_OPEN,          /* cannot open or create the file */
  AWD_STORE_ERROR_NOT_FOUND,     /* the file, or a row, does not exist */
  AWD_STORE_ERROR_FOREIGN,       /* the file is not an Award Desk database */
  AWD_STORE_ERROR_CORRUPT,       /* quick_check or integrity_check failed */
  AWD_STORE_ERROR_TOO_NEW,       /* made by a newer version of the application */
  AWD_STORE_ERROR_NEEDS_UPGRADE, /* an older schema opened read-only */
  AWD_STORE_ERROR_LOCKED,        /* another process holds the writers' lock */
  AWD_STORE_ERROR_READ_ONLY,     /* this connection was opened read-only */
  AWD_STORE_ERROR_FINAL,         /* the round is finalized and cannot change */
  AWD_STORE_ERROR_INVALID,       /* a value breaks a rule (range, uniqueness, …) */
  AWD_STORE_ERROR_DISK_FULL,     /* no room left on the disk or in the file */
  AWD_STORE_ERROR_IO,            /* the operating system failed a read or write */
  AWD_STORE_ERROR_FAILED,        /* any other SQLite failure */
} AwdStoreError;

typedef enum {
  AWD_STORE_OPEN_READ_WRITE = 0,
  AWD_STORE_OPEN_READ_ONLY  = 1 << 0,  /* no lock, no migration, no writes */
  AWD_STORE_OPEN_CREATE     = 1 << 1,  /* create the file when missing */
} AwdStoreOpenFlags;

#define AWD_STORE_SCHEMA_VERSION 1

#define AWD_TYPE_STORE (awd_store_get_type ())

G_DECLARE_FINAL_TYPE (AwdStore, awd_store, AWD, STORE, GObject)

GQuark      awd_store_error_quark          (void);

char       *awd_store_default_path         (void);
AwdStore   *awd_store_open                 (const char         *path,
                                            AwdStoreOpenFlags   flags,
                                            const char         *operator_name,
                                            GError            **error);
const char *awd_store_get_path             (AwdStore           *self);
gboolean    awd_store_is_read_only         (AwdStore           *self);
const char *awd_store_get_operator         (AwdStore           *self);
void        awd_store_set_operator         (AwdStore           *self,
                                            const char         *operator_name);
int         awd_store_get_schema_version   (AwdStore           *self);
gboolean    awd_store_backup_to            (AwdStore           *self,
                                            const char         *dest_path,
                                            GError            **error);

/* Checks of `award-desk-cli check`: each problem found is appended to
 * @problems as one line; returns FALSE only when the checks could not run. */
gboolean    awd_store_check                (AwdStore           *self,
                                            GPtrArray          *problems,
                                            GError            **error);

/* Rounds */
GListModel *awd_store_list_rounds          (AwdStore           *self,
                                            GError            **error);
AwdRound   *awd_store_get_round            (AwdStore           *self,
                                            gint64              round_id,
                                            GError            **error);
gboolean    awd_store_insert_round         (AwdStore           *self,
                                            AwdRound           *round,
                                            GError            **error);
gboolean    awd_store_save_round           (AwdStore           *self,
                                            AwdRound           *round,
                                            GError            **error);
gboolean    awd_store_delete_round         (AwdStore           *self,
                                            gint64              round_id,
                                            GError            **error);
gint64      awd_store_copy_round_setup     (AwdStore           *self,
                                            gint64              source_round_id,
                                            AwdRound           *new_round,
                                            GError            **error);
gboolean    awd_store_round_is_final       (AwdStore           *self,
                                            gint64              round_id,
                                            GError            **error);

/* Set-up of a round: categories, criteria and the jury panel, each listed
 * in position order. Positions are assigned by the store on insert. */
GListModel *awd_store_list_categories      (AwdStore           *self,
                                            gint64              round_id,
                                            GError            **error);
gboolean    awd_store_insert_category      (AwdStore           *self,
                                            AwdCategory        *category,
                                            GError            **error);
gboolean    awd_store_save_category        (AwdStore           *self,
                                            AwdCategory        *category,
                                            GError            **error);
gboolean    awd_store_delete_category      (AwdStore           *self,
                                            gint64              category_id,
                                            GError            **error);

GListModel *awd_store_list_criteria        (AwdStore           *self,
                                            gint64              round_id,
                                            GError            **error);
gboolean    awd_store_insert_criterion     (AwdStore           *self,
                                            AwdCriterion       *criterion,
                                            GError            **error);
gboolean    awd_store_save_criterion       (AwdStore           *self,
                                            AwdCriterion       *criterion,
                                            GError            **error);
gboolean    awd_store_delete_criterion     (AwdStore           *self,
                                            gint64              criterion_id,
                                            GError            **error);
gboolean    awd_store_move_criterion       (AwdStore           *self,
                                            gint64              criterion_id,
                                            int                 new_position,
                                            GError            **error);

GListModel *awd_store_list_jurors          (AwdStore           *self,
                                            gint64              round_id,
                                            GError            **error);
gboolean    awd_store_insert_juror         (AwdStore           *self,
                                            AwdJuror           *juror,
                                            GError            **error);
gboolean    awd_store_save_juror           (AwdStore           *self,
                                            AwdJuror           *juror,
                                            GError            **error);
gboolean    awd_store_delete_juror         (AwdStore           *self,
                                            gint64              juror_id,
                                            GError            **error);

/* Validation shared by the store and the editors. */
gboolean    awd_email_is_valid             (const char         *email);

/* Transactions. A user action that changes data runs between begin and
 * commit; nested begin/commit pairs join the outer transaction, so a bulk
 * operation (an import) is all or nothing. */
gboolean    awd_store_begin                (AwdStore           *self,
                                            GError            **error);
gboolean    awd_store_commit               (AwdStore           *self,
                                            GError            **error);
void        awd_store_rollback             (AwdStore           *self);

/* The audit log: one row per change, chained by SHA-256. */
gboolean    awd_store_audit                (AwdStore           *self,
                                            gint64              round_id,
                                            const char         *action,
                                            const char         *entity,
                                            gint64              entity_id,
                                            const char         *before,
                                            const char         *after,
                                            GError            **error);
gint64      awd_store_count_audit          (AwdStore           *self,
                                            GError            **error);

G_END_DECLS

/* The API for a round's content (nominations, scoring, bulk import). */
#include "awd-store-nominations.h"
#include "awd-store-scoring.h"
#include "awd-store-import.h"
#include "awd-store-backups.h"
