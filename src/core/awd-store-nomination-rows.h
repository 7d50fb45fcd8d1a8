/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "awd-nomination-row.h"
#include "awd-store.h"

G_BEGIN_DECLS

/* Light listings of a round's nominations for the GUI's list, which must
 * stay fluid at 100,000 nominations: one query, one AwdNominationRow per
 * nomination (no full AwdNomination), texts in a shared arena. */

/* Every nomination of the round as an AwdNominationRow, ordered by ref. */
GListModel       *awd_store_list_nomination_rows   (AwdStore    *self,
                                                    gint64       round_id,
                                                    GError     **error);
/* The same rows from @offset, at most @limit of them (a page). */
GListModel       *awd_store_list_nomination_page   (AwdStore    *self,
                                                    gint64       round_id,
                                                    guint        offset,
                                                    guint        limit,
                                                    GError     **error);
/* One row, for a list that updates a changed nomination in place. */
AwdNominationRow *awd_store_get_nomination_row     (AwdStore    *self,
                                                    gint64       nomination_id,
                                                    GError     **error);
/* The ids (gint64, ascending) of the round's nominations that match
 * @query as awd_store_search_nominations() matches it (folded, every word
 * a prefix). NULL with no error when @query holds no word: everything
 * matches. */
GArray           *awd_store_search_nomination_ids  (AwdStore    *self,
                                                    gint64       round_id,
                                                    const char  *query,
                                                    GError     **error);
/* The next free reference number of the form <year>-NNN (at least three
 * digits) for the round, after the highest such number in use. */
char             *awd_store_propose_nomination_ref (AwdStore    *self,
                                                    gint64       round_id,
                                                    int          year,
                                                    GError     **error);
/* The id of another nomination of the round with the same title and
 * institution, compared folded (case, ё/е); 0 when there is none.
 * @except_id is the nomination being edited. */
gint64            awd_store_find_nomination_duplicate (AwdStore   *self,
                                                       gint64      round_id,
                                                       gint64      except_id,
                                                       const char *title,
                                                       const char *institution,
                                                       GError    **error);

G_END_DECLS
