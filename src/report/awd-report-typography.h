/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Typography of printed documents. A printed document is for people, so it
 * follows the conventions of the language it is printed in; for Russian:
 * «ёлочки», a non-breaking space after № and between initials and the
 * surname, dates as 31.10.2024 and decimals with a comma. */

#define AWD_REPORT_NBSP "\xc2\xa0"

/* TRUE when documents are printed in Russian (LC_MESSAGES or LC_TIME is a
 * Russian locale). */
gboolean  awd_report_is_russian          (void);

/* Straight double quotes become «…» (Russian) or “…” (otherwise); a
 * non-breaking space follows № and joins initials to each other and to the
 * surname ("М. И. Рудомино", "М.И. Рудомино", "Рудомино М. И."). */
char     *awd_report_typography          (const char *text);

/* @text in «…» (Russian) or “…”, quotes inside it made the inner kind
 * („…“ or ‘…’), with the rest of awd_report_typography(). */
char     *awd_report_quote               (const char *text);

/* A decimal for people: @decimals digits, a comma in Russian, the locale's
 * decimal point otherwise; "−" (U+2212) for negative values. */
char     *awd_report_format_decimal      (double      value,
                                          int         decimals);

/* An integer with thin grouping of thousands (a non-breaking space in
 * Russian: 12 345). */
char     *awd_report_format_integer      (gint64      value);

/* dd.mm.yyyy in Russian, the locale's own date (%x) otherwise. */
char     *awd_report_format_date         (GDateTime  *date);

/* A date given as ISO 8601 (2024-10-31, or a date-time such as
 * 2024-10-31T12:00:00Z) formatted as above; the text itself when it is not
 * a date, NULL for NULL or "". */
char     *awd_report_format_iso_date     (const char *iso);

/* A person's name written "И. О. Фамилия" from "Фамилия Имя Отчество"
 * (three words, as Russian lists write names) or kept as written
 * otherwise; with non-breaking spaces. */
char     *awd_report_short_name          (const char *name);

G_END_DECLS
