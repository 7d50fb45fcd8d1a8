/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define AWD_TYPE_NOMINATION_ROW (awd_nomination_row_get_type ())

G_DECLARE_FINAL_TYPE (AwdNominationRow, awd_nomination_row, AWD, NOMINATION_ROW, GObject)

/* A light, read-only view of one nomination for lists: only what a list
 * shows, sorts and filters on (see awd-store-nomination-rows.h, which makes
 * them). A list of 100,000 rows stays cheap: the texts of a whole listing
 * share one string arena, and the collation keys are computed on first use
 * and kept. */

typedef enum {
  AWD_NOMINATION_ROW_KEY_REF,
  AWD_NOMINATION_ROW_KEY_TITLE,
  AWD_NOMINATION_ROW_KEY_INSTITUTION,
  AWD_NOMINATION_ROW_KEY_PLACE,
  AWD_NOMINATION_ROW_KEY_CATEGORY,
  AWD_NOMINATION_ROW_N_KEYS
} AwdNominationRowKey;

gint64      awd_nomination_row_get_id            (AwdNominationRow *self);
gint64      awd_nomination_row_get_category_id   (AwdNominationRow *self);
const char *awd_nomination_row_get_ref           (AwdNominationRow *self);
const char *awd_nomination_row_get_title         (AwdNominationRow *self);
const char *awd_nomination_row_get_institution   (AwdNominationRow *self);
const char *awd_nomination_row_get_city          (AwdNominationRow *self);
const char *awd_nomination_row_get_region        (AwdNominationRow *self);
/* "city, region" (either may be missing). */
const char *awd_nomination_row_get_place         (AwdNominationRow *self);
const char *awd_nomination_row_get_category_name (AwdNominationRow *self);
int         awd_nomination_row_get_status        (AwdNominationRow *self);
/* yyyy-mm-dd or "" */
const char *awd_nomination_row_get_received      (AwdNominationRow *self);
/* The locale's collation key of a text column (g_utf8_collate_key; the ref
 * with g_utf8_collate_key_for_filename, so 2024-9 sorts before 2024-10). */
const char *awd_nomination_row_get_collate_key   (AwdNominationRow    *self,
                                                  AwdNominationRowKey  key);

/* For the store (awd-store-nomination-rows.c). The texts are copied into
 * @arena, a GStringChunk that the row keeps alive through @arena_ref
 * (an atomic rc box of a GStringChunk *). */
typedef struct _AwdRowArena AwdRowArena;
AwdRowArena      *awd_row_arena_new                (void);
AwdRowArena      *awd_row_arena_ref                (AwdRowArena *arena);
void              awd_row_arena_unref              (AwdRowArena *arena);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwdRowArena, awd_row_arena_unref)

AwdNominationRow *awd_nomination_row_new           (AwdRowArena *arena,
                                                    gint64       id,
                                                    gint64       category_id,
                                                    const char  *ref,
                                                    const char  *title,
                                                    const char  *institution,
                                                    const char  *city,
                                                    const char  *region,
                                                    const char  *category_name,
                                                    int          status,
                                                    const char  *received);

G_END_DECLS
