/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "awd-csv-reader.h"
#include "awd-store.h"

G_BEGIN_DECLS

/* Import of nominations from a spreadsheet's CSV (DESIGN, `import-csv`).
 *
 * The header row names the columns with the XML names (`ref`, `title`, …)
 * or common Russian headings («Название проекта», «Номинация», …); the
 * columns are mapped to fields on load, and the mapping can be changed
 * (the GUI's preview lets a person map what was not recognised). check()
 * validates every row against the round and lists every problem with its
 * line; import() inserts all rows in one transaction with one audit row,
 * or nothing at all. */

typedef enum {
  AWD_CSV_FIELD_IGNORE = 0,
  AWD_CSV_FIELD_REF,
  AWD_CSV_FIELD_TITLE,
  AWD_CSV_FIELD_TITLE_EN,
  AWD_CSV_FIELD_INSTITUTION,
  AWD_CSV_FIELD_CITY,
  AWD_CSV_FIELD_REGION,
  AWD_CSV_FIELD_COUNTRY,
  AWD_CSV_FIELD_SUMMARY,
  AWD_CSV_FIELD_CONTACT,
  AWD_CSV_FIELD_EMAIL,
  AWD_CSV_FIELD_PHONE,
  AWD_CSV_FIELD_URL,
  AWD_CSV_FIELD_RECEIVED,
  AWD_CSV_FIELD_STATUS,
  AWD_CSV_FIELD_CATEGORY,
  AWD_CSV_N_FIELDS
} AwdCsvField;

/* The XML name of @field ("title-en"); NULL for IGNORE. */
const char  *awd_csv_field_to_string      (AwdCsvField  field);
/* The field a header names (XML name or a known Russian heading, any
 * case); IGNORE when it is not known. */
AwdCsvField  awd_csv_field_for_header     (const char  *header);
/* A translated label for choosing a field in the GUI. */
const char  *awd_csv_field_label          (AwdCsvField  field);

/* The parsed text of a date cell: 2024-10-31 or 31.10.2024 → "2024-10-31";
 * NULL when it is not a calendar date. */
char        *awd_csv_parse_date           (const char  *text);

#define AWD_TYPE_CSV_NOMINATIONS (awd_csv_nominations_get_type ())

G_DECLARE_FINAL_TYPE (AwdCsvNominations, awd_csv_nominations, AWD, CSV_NOMINATIONS, GObject)

/* @error_line: (out) (optional): the line of a syntax error, else 0. */
AwdCsvNominations *awd_csv_nominations_new_for_file     (const char          *path,
                                                         guint               *error_line,
                                                         GError             **error);
/* @name names the data in the audit row and in messages. */
AwdCsvNominations *awd_csv_nominations_new_for_data     (const char          *data,
                                                         gsize                length,
                                                         const char          *name,
                                                         guint               *error_line,
                                                         GError             **error);

const char        *awd_csv_nominations_get_name         (AwdCsvNominations   *self);
const AwdCsvTable *awd_csv_nominations_get_table        (AwdCsvNominations   *self);
guint              awd_csv_nominations_get_n_columns    (AwdCsvNominations   *self);
const char        *awd_csv_nominations_get_header       (AwdCsvNominations   *self,
                                                         guint                column);
AwdCsvField        awd_csv_nominations_get_column_field (AwdCsvNominations   *self,
                                                         guint                column);
void               awd_csv_nominations_set_column_field (AwdCsvNominations   *self,
                                                         guint                column,
                                                         AwdCsvField          field);
/* The headers of the columns that were not recognised (and are ignored
 * unless mapped), in column order. */
GStrv              awd_csv_nominations_dup_unknown_headers (AwdCsvNominations *self);

/* Validates every row against the round. FALSE with AWD_CSV_ERROR_INVALID
 * when a row (or the header) has a problem: get_problems() lists them all,
 * the error's message is the first one. Other errors come from the store. */
gboolean           awd_csv_nominations_check            (AwdCsvNominations   *self,
                                                         AwdStore            *store,
                                                         gint64               round_id,
                                                         GError             **error);
/* AwdCsvProblem, by line; from the last check. */
GPtrArray         *awd_csv_nominations_get_problems     (AwdCsvNominations   *self);
/* AwdNomination, one per row, refs assigned; from the last check that
 * passed (empty otherwise). */
GListModel        *awd_csv_nominations_get_nominations  (AwdCsvNominations   *self);

/* check(), then every row in one transaction with one audit row. */
gboolean           awd_csv_nominations_import           (AwdCsvNominations   *self,
                                                         AwdStore            *store,
                                                         gint64               round_id,
                                                         guint               *out_n_added,
                                                         GError             **error);

G_END_DECLS
