/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <pango/pango.h>

G_BEGIN_DECLS

/* A printable document: blocks (paragraphs, tables, signature lines, …)
 * added in reading order, laid out with Pango at 72 dpi (one unit is one
 * point) and paginated in two passes: the flow is cut into pages first, then
 * every page gets its header and footer with «стр. X из Y». The pages hold
 * drawing operations that draw_page() replays on any cairo_t: a PDF surface
 * in the CLI and the tests, GtkPrintOperation's context in the GUI.
 *
 * draw_page() draws in points with the origin at the page's top left
 * corner; a caller whose cairo_t has other units scales it first (a
 * GtkPrintOperation with GTK_UNIT_POINTS needs nothing).
 *
 * A document is built once and then only read: draw_page() may be called
 * for any page, in any order, any number of times. */

#define AWD_REPORT_ERROR (awd_report_error_quark ())

typedef enum {
  AWD_REPORT_ERROR_FAILED,     /* cairo could not draw or write */
  AWD_REPORT_ERROR_INVALID,    /* the data does not allow that document */
} AwdReportError;

GQuark awd_report_error_quark (void);

/* A4 portrait: 595.276 × 841.89 pt. */
#define AWD_REPORT_A4_WIDTH   595.276
#define AWD_REPORT_A4_HEIGHT  841.89

typedef struct {
  double width;               /* points */
  double height;
  double margin_top;          /* the body's box; header and footer sit in the margins */
  double margin_bottom;
  double margin_left;
  double margin_right;
} AwdReportPageSetup;

/* A4 with the margins of a Russian office document (left 25 mm, right
 * 15 mm, top and bottom 22 mm), portrait or landscape. */
void awd_report_page_setup_init_a4 (AwdReportPageSetup *setup,
                                    gboolean            landscape);

typedef enum {
  AWD_REPORT_STYLE_BODY,       /* serif 10.5 pt */
  AWD_REPORT_STYLE_SMALL,      /* serif 8.5 pt */
  AWD_REPORT_STYLE_TITLE,      /* serif bold 15 pt */
  AWD_REPORT_STYLE_SUBTITLE,   /* serif 12 pt */
  AWD_REPORT_STYLE_HEADING,    /* sans bold 11 pt */
  AWD_REPORT_STYLE_MONO,       /* monospace 8.5 pt (checksums) */
  AWD_REPORT_STYLE_DISPLAY,    /* serif bold 34 pt (diplomas) */
  AWD_REPORT_STYLE_LARGE,      /* serif 17 pt (diplomas) */
} AwdReportStyle;

typedef enum {
  AWD_REPORT_PARA_LEFT           = 0,
  AWD_REPORT_PARA_CENTER         = 1 << 0,
  AWD_REPORT_PARA_RIGHT          = 1 << 1,
  AWD_REPORT_PARA_JUSTIFY        = 1 << 2,
  AWD_REPORT_PARA_MARKUP         = 1 << 3,  /* the text is Pango markup */
  AWD_REPORT_PARA_KEEP_WITH_NEXT = 1 << 4,  /* never the last thing on a page */
  AWD_REPORT_PARA_BOLD           = 1 << 5,
  AWD_REPORT_PARA_ITALIC         = 1 << 6,
  AWD_REPORT_PARA_UPPERCASE      = 1 << 7,
  AWD_REPORT_PARA_NO_TYPOGRAPHY  = 1 << 8,  /* keep the text as given (checksums, refs) */
} AwdReportParaFlags;

/* Tables: a header row repeated on every page the table runs over; rows are
 * never cut. Cells are plain text unless the row is MARKUP; "\n" breaks a
 * line inside a cell. */
typedef struct _AwdReportTable AwdReportTable;

typedef enum {
  AWD_REPORT_ROW_NORMAL = 0,
  AWD_REPORT_ROW_BOLD   = 1 << 0,
  AWD_REPORT_ROW_SHADED = 1 << 1,
  AWD_REPORT_ROW_SPAN   = 1 << 2,  /* one cell across the table: a group heading
                                      kept with the row after it */
  AWD_REPORT_ROW_MARKUP = 1 << 3,
  AWD_REPORT_ROW_TALL   = 1 << 4,  /* room to write by hand (score forms) */
} AwdReportRowFlags;

AwdReportTable *awd_report_table_new         (guint               n_columns);
void            awd_report_table_free        (AwdReportTable     *table);
/* @width: a share of the body's width (the shares are scaled to fill it). */
void            awd_report_table_set_column  (AwdReportTable     *table,
                                              guint               column,
                                              const char         *title,
                                              double              width,
                                              PangoAlignment      alignment);
/* No header row (a two-column record, for instance). */
void            awd_report_table_hide_header (AwdReportTable     *table);
void            awd_report_table_set_style   (AwdReportTable     *table,
                                              AwdReportStyle      style);
/* @cells: n_columns strings (NULL for an empty cell); one for a SPAN row. */
void            awd_report_table_add_row     (AwdReportTable     *table,
                                              AwdReportRowFlags   flags,
                                              const char * const *cells);
/* The same, the cells given as arguments (n_columns of them, or one for a SPAN row). */
void            awd_report_table_add         (AwdReportTable     *table,
                                              AwdReportRowFlags   flags,
                                              ...);
guint           awd_report_table_get_n_rows  (AwdReportTable     *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwdReportTable, awd_report_table_free)

#define AWD_TYPE_REPORT_DOCUMENT (awd_report_document_get_type ())

G_DECLARE_FINAL_TYPE (AwdReportDocument, awd_report_document, AWD, REPORT_DOCUMENT, GObject)

/* @setup: (nullable): NULL for A4 portrait. */
AwdReportDocument        *awd_report_document_new             (const AwdReportPageSetup *setup);
const AwdReportPageSetup *awd_report_document_get_page_setup  (AwdReportDocument *self);

/* The PDF's title metadata and the print job's name. */
void        awd_report_document_set_title         (AwdReportDocument  *self,
                                                   const char         *title);
const char *awd_report_document_get_title         (AwdReportDocument  *self);
/* (transfer full): the award and the season for a running header, once
 * each: the season's @title alone when it already names the @award
 * ("Премия имени М. И. Рудомино — сезон 2024 года"), else "award — title". */
char       *awd_report_compose_header_text        (const char         *award,
                                                   const char         *title);
/* The running header: @left (the award and the round, say) and @right. */
void        awd_report_document_set_header        (AwdReportDocument  *self,
                                                   const char         *left,
                                                   const char         *right);
/* A notice printed bold in every page's header («ПРЕДВАРИТЕЛЬНЫЕ
 * РЕЗУЛЬТАТЫ») and as a light diagonal watermark. */
void        awd_report_document_set_notice        (AwdReportDocument  *self,
                                                   const char         *notice);
/* The footer's left part; the right part is «стр. X из Y». */
void        awd_report_document_set_footer        (AwdReportDocument  *self,
                                                   const char         *left);
/* No header or footer at all (diplomas); a double frame instead when
 * @framed. */
void        awd_report_document_set_plain_pages   (AwdReportDocument  *self,
                                                   gboolean            framed);

void        awd_report_document_add_paragraph     (AwdReportDocument  *self,
                                                   AwdReportStyle      style,
                                                   AwdReportParaFlags  flags,
                                                   const char         *text);
void        awd_report_document_add_paragraph_printf (AwdReportDocument  *self,
                                                   AwdReportStyle      style,
                                                   AwdReportParaFlags  flags,
                                                   const char         *format,
                                                   ...) G_GNUC_PRINTF (4, 5);
void        awd_report_document_add_space         (AwdReportDocument  *self,
                                                   double              points);
/* Flexible space: what a page leaves empty is shared out between its fills
 * (centres a diploma's text on its page). */
void        awd_report_document_add_fill          (AwdReportDocument  *self);
void        awd_report_document_add_rule          (AwdReportDocument  *self);
/* @n_lines ruled lines to write on (comments on a score form). */
void        awd_report_document_add_writing_lines (AwdReportDocument  *self,
                                                   guint               n_lines);
/* Takes @table. */
void        awd_report_document_add_table         (AwdReportDocument  *self,
                                                   AwdReportTable     *table);
/* One line per signatory: «Role  _____________ / И. О. Фамилия /», the name
 * left blank to write in when NULL. Kept together on one page. */
void        awd_report_document_add_signature     (AwdReportDocument  *self,
                                                   const char         *role,
                                                   const char         *name);
void        awd_report_document_break_page        (AwdReportDocument  *self);

/* Pagination happens on the first of these calls; nothing may be added
 * after it. */
guint       awd_report_document_get_n_pages       (AwdReportDocument  *self);
/* @page_nr: 0-based. */
void        awd_report_document_draw_page         (AwdReportDocument  *self,
                                                   cairo_t            *cr,
                                                   guint               page_nr);

/* Writes every page to a PDF file: a temporary file next to @path, renamed
 * over it when complete, so a failed write never leaves half a document. */
gboolean    awd_report_write_pdf                  (AwdReportDocument  *self,
                                                   const char         *path,
                                                   GError            **error);

G_END_DECLS
