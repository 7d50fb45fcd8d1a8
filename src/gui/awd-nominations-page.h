/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "awd-context.h"

G_BEGIN_DECLS

#define AWD_TYPE_NOMINATIONS_PAGE (awd_nominations_page_get_type ())

G_DECLARE_FINAL_TYPE (AwdNominationsPage, awd_nominations_page, AWD, NOMINATIONS_PAGE, AdwBin)

GtkWidget  *awd_nominations_page_new            (AwdContext         *context);
/* Lists the context's round again from the store. */
void        awd_nominations_page_reload         (AwdNominationsPage *self);
/* What the list shows now (after search and filters, in display order):
 * AwdNominationRow items. */
GListModel *awd_nominations_page_get_model      (AwdNominationsPage *self);
/* Selects (and scrolls to) the nomination; FALSE when it is not shown. */
gboolean    awd_nominations_page_select         (AwdNominationsPage *self,
                                                 gint64              nomination_id);
/* The editor window open on the nomination, if any (for tests). */
GtkWidget  *awd_nominations_page_get_editor     (AwdNominationsPage *self);

G_END_DECLS
