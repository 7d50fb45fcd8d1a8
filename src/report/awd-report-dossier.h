/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "awd-nomination.h"
#include "awd-report-document.h"

G_BEGIN_DECLS

/* One nomination's full record: its fields, partners, summary and the list
 * of its attachments (name, type, size, SHA-256). The domain objects are
 * read only; the caller loads them (the store's list_partners and
 * list_attachments).
 *
 * @partners: (nullable): AwdPartner items. @attachments: (nullable):
 * AwdAttachment items. @category: (nullable): the category's name.
 * @setup: (nullable). */
AwdReportDocument *awd_report_dossier_new (AwdNomination             *nomination,
                                           GListModel                *partners,
                                           GListModel                *attachments,
                                           const char                *award,
                                           const char                *round_title,
                                           const char                *category,
                                           const AwdReportPageSetup  *setup);

G_END_DECLS
