/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* An RFC 4180 reader for the CSV files that spreadsheets write: the
 * delimiter (`,` or `;`) and the encoding (UTF-8 with or without BOM,
 * UTF-16 with BOM, else Windows-1251) are detected; quoted fields may hold
 * doubled quotes and line breaks; lines end in CRLF, LF or CR. Each record
 * keeps the line its first field starts on, for messages. */

#define AWD_CSV_ERROR (awd_csv_error_quark ())

typedef enum {
  AWD_CSV_ERROR_READ,       /* the file cannot be read */
  AWD_CSV_ERROR_TOO_LARGE,  /* the file or a record is beyond the limits */
  AWD_CSV_ERROR_ENCODING,   /* not text in an encoding we know */
  AWD_CSV_ERROR_SYNTAX,     /* an unclosed quote, text after a closing quote */
  AWD_CSV_ERROR_EMPTY,      /* no header row */
  AWD_CSV_ERROR_HEADER,     /* a needed column is missing or given twice */
  AWD_CSV_ERROR_INVALID,    /* rows refused: the problems list says which */
} AwdCsvError;

typedef enum {
  AWD_CSV_ENCODING_UTF8,
  AWD_CSV_ENCODING_UTF8_BOM,
  AWD_CSV_ENCODING_UTF16,
  AWD_CSV_ENCODING_WINDOWS_1251,
} AwdCsvEncoding;

/* Limits that keep a hostile file from exhausting memory. */
#define AWD_CSV_MAX_FILE_SIZE  (64 * 1024 * 1024)
#define AWD_CSV_MAX_COLUMNS    256

typedef struct {
  guint   line;      /* 1-based line on which the record starts */
  guint   n_fields;
  char  **fields;    /* n_fields UTF-8 strings, NULL-terminated */
} AwdCsvRecord;

typedef struct {
  char            delimiter;  /* ',' or ';' */
  AwdCsvEncoding  encoding;
  GPtrArray      *records;    /* AwdCsvRecord; blank records are dropped;
                                 records[0], when present, is the header */
} AwdCsvTable;

/* A problem found in a file: its line (0 when it concerns the whole file)
 * and a translated message. Importers return lists of them. */
typedef struct {
  guint  line;
  char  *message;
} AwdCsvProblem;

GQuark         awd_csv_error_quark      (void);

/* @error_line: (out) (optional): the line of a syntax error, else 0. */
AwdCsvTable   *awd_csv_table_parse      (const char     *data,
                                         gsize           length,
                                         guint          *error_line,
                                         GError        **error);
AwdCsvTable   *awd_csv_table_read_file  (const char     *path,
                                         guint          *error_line,
                                         GError        **error);
void           awd_csv_table_free       (AwdCsvTable    *table);

/* The field at @column, "" beyond the end of a short record. */
const char    *awd_csv_record_get       (const AwdCsvRecord *record,
                                         guint               column);

/* The key a header, a category or a status word is compared by: folded
 * (case, ё/е, NFKC), runs of white space made one space, ends trimmed. */
char          *awd_csv_fold_key         (const char     *text);

const char    *awd_csv_encoding_name    (AwdCsvEncoding  encoding);

AwdCsvProblem *awd_csv_problem_new      (guint           line,
                                         const char     *message);
void           awd_csv_problem_free     (AwdCsvProblem  *problem);
/* "NAME:LINE: message", or "NAME: message" for a problem of the whole file. */
char          *awd_csv_problem_format   (const AwdCsvProblem *problem,
                                         const char          *file_name);
/* Appends a problem with a printf-style message to @problems. */
void           awd_csv_add_problem      (GPtrArray      *problems,
                                         guint           line,
                                         const char     *format,
                                         ...) G_GNUC_PRINTF (3, 4);
/* Sets AWD_CSV_ERROR_INVALID with the first of @problems (not empty),
 * formatted for @file_name; returns FALSE. */
gboolean       awd_csv_fail_with_first  (GPtrArray      *problems,
                                         const char     *file_name,
                                         GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwdCsvTable, awd_csv_table_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwdCsvProblem, awd_csv_problem_free)

G_END_DECLS
