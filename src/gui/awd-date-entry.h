/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define AWD_TYPE_DATE_ENTRY (awd_date_entry_get_type ())

G_DECLARE_FINAL_TYPE (AwdDateEntry, awd_date_entry, AWD, DATE_ENTRY, GtkBox)

/* A date field: an entry that shows the date as the locale writes it
 * (31.10.2024 in Russian) and accepts typing in that form or as
 * 2024-10-31, next to a button that opens a calendar. The value is the ISO
 * text (yyyy-mm-dd) or "" for none. "committed" is emitted when the person
 * changes the date (pick on the calendar, Enter, leaving the entry); the
 * owner saves it and calls set_error() with the store's refusal. */

GtkWidget  *awd_date_entry_new           (void);
/* The ISO date, "" for none, NULL when the typed text is not a date. */
char       *awd_date_entry_dup_iso       (AwdDateEntry *self);
void        awd_date_entry_set_iso       (AwdDateEntry *self,
                                          const char   *iso);
GtkWidget  *awd_date_entry_get_entry     (AwdDateEntry *self);

/* A stored date (yyyy-mm-dd) as the locale writes it; "" for NULL or "". */
char       *awd_date_format_display      (const char   *iso);
/* What a person typed (31.10.2024, 31/10/2024 or 2024-10-31) as yyyy-mm-dd;
 * "" for blank text, NULL when it is not a calendar date. */
char       *awd_date_parse_display       (const char   *text);

G_END_DECLS
