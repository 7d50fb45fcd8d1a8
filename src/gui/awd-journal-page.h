/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "awd-context.h"

G_BEGIN_DECLS

/* The audit log of the season (or of all seasons): who changed what and
 * when, newest first, read from the store a page at a time; filters by kind
 * of change and dates; the selected change before and after; Export to
 * CSV… (action journal.export-csv); and a status line with the result of
 * verifying the log's hash chain. */

#define AWD_TYPE_JOURNAL_PAGE (awd_journal_page_get_type ())

G_DECLARE_FINAL_TYPE (AwdJournalPage, awd_journal_page, AWD, JOURNAL_PAGE, AdwBin)

GtkWidget  *awd_journal_page_new             (AwdContext     *context);
/* Reads the rows again and verifies the chain again. */
void        awd_journal_page_reload          (AwdJournalPage *self);
/* The rows shown (AwdAuditEntry), as loaded so far. */
GListModel *awd_journal_page_get_rows        (AwdJournalPage *self);
/* How many rows match the filters (loaded or not). */
gint64      awd_journal_page_get_n_matching  (AwdJournalPage *self);
void        awd_journal_page_set_all_rounds  (AwdJournalPage *self,
                                              gboolean        all);
/* @action: "update", … or NULL for every kind. FALSE if not offered. */
gboolean    awd_journal_page_set_action      (AwdJournalPage *self,
                                              const char     *action);
/* Selects the row at @position and shows it in the detail pane. */
gboolean    awd_journal_page_select          (AwdJournalPage *self,
                                              guint           position);
/* The status line's text; *@verifying (nullable) TRUE while the chain is
 * being checked, *@broken TRUE when the check found a break. */
const char *awd_journal_page_get_status      (AwdJournalPage *self,
                                              gboolean       *verifying,
                                              gboolean       *broken);

/* Labels for the log's codes, shared with other views. */
const char *awd_journal_action_label         (const char     *action);
const char *awd_journal_entity_label         (const char     *entity);

G_END_DECLS
