/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-report-document"

#include "config.h"

#include <glib/gi18n.h>

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "awd-report-document.h"
#include "awd-report-typography.h"

/* Sizes in points. */
#define CELL_PAD_X        3.5
#define CELL_PAD_Y        2.5
#define TALL_ROW          30.0
#define SIGNATURE_HEIGHT  40.0
#define WRITING_LINE      20.0
#define PARA_SPACE        4.0

typedef enum {
  BLOCK_PARAGRAPH,
  BLOCK_SPACE,
  BLOCK_FILL,
  BLOCK_RULE,
  BLOCK_LINES,
  BLOCK_TABLE,
  BLOCK_SIGNATURE,
  BLOCK_PAGE_BREAK,
} BlockKind;

typedef struct {
  BlockKind       kind;
  PangoLayout    *layout;          /* PARAGRAPH */
  gboolean        keep_with_next;
  double          amount;          /* SPACE: points; LINES: number of lines */
  AwdReportTable *table;           /* TABLE */
  char           *role;            /* SIGNATURE */
  char           *name;
} Block;

typedef struct {
  AwdReportRowFlags  flags;
  GStrv              cells;
} Row;

struct _AwdReportTable {
  guint           n_columns;
  char          **titles;
  double         *widths;
  PangoAlignment *alignments;
  gboolean        show_header;
  AwdReportStyle  style;
  GArray         *rows;            /* Row */
};

typedef enum {
  OP_TEXT,
  OP_LINE,
  OP_FILL_RECT,
  OP_STROKE_RECT,
} OpKind;

typedef struct {
  OpKind       kind;
  double       x, y;
  double       x2, y2;             /* LINE: the end point; RECT: width and height */
  double       line_width;
  double       rgb[3];
  double       angle;              /* TEXT: rotation about (x, y), radians */
  PangoLayout *layout;             /* TEXT */
  double       clip_top;           /* TEXT: the part of the layout shown, in points */
  double       clip_bottom;        /*       (clip_bottom < 0: all of it) */
} Op;

typedef struct {
  guint  op_index;
} Fill;

typedef struct {
  GArray *ops;                     /* Op */
  GArray *fills;                   /* Fill */
} Page;

struct _AwdReportDocument
{
  GObject             parent_instance;

  AwdReportPageSetup  setup;
  PangoFontMap       *font_map;
  PangoContext       *context;

  char               *title;
  char               *header_left;
  char               *header_right;
  char               *notice;
  char               *footer_left;
  gboolean            plain_pages;
  gboolean            framed;

  GArray             *blocks;      /* Block */
  GPtrArray          *pages;       /* Page */
  gboolean            paginated;

  /* The flow's position while paginating. */
  Page               *page;
  double              y;
};

G_DEFINE_FINAL_TYPE (AwdReportDocument, awd_report_document, G_TYPE_OBJECT)

G_DEFINE_QUARK (awd-report-error-quark, awd_report_error)

static const double BLACK[3] = { 0, 0, 0 };
static const double RULE_GREY[3] = { 0.55, 0.55, 0.55 };
static const double TEXT_GREY[3] = { 0.3, 0.3, 0.3 };
static const double SHADE[3] = { 0.9, 0.9, 0.9 };
static const double LIGHT_SHADE[3] = { 0.95, 0.95, 0.95 };
static const double NOTICE_RED[3] = { 0.62, 0.08, 0.08 };
static const double WATERMARK[3] = { 0.93, 0.85, 0.85 };
static const double FRAME[3] = { 0.18, 0.22, 0.4 };

/* Page set-up ------------------------------------------------------------- */

void
awd_report_page_setup_init_a4 (AwdReportPageSetup *setup,
                               gboolean            landscape)
{
  g_return_if_fail (setup != NULL);

  setup->width = landscape ? AWD_REPORT_A4_HEIGHT : AWD_REPORT_A4_WIDTH;
  setup->height = landscape ? AWD_REPORT_A4_WIDTH : AWD_REPORT_A4_HEIGHT;
  setup->margin_left = 70.87;    /* 25 mm */
  setup->margin_right = 42.52;   /* 15 mm */
  setup->margin_top = 62.36;     /* 22 mm */
  setup->margin_bottom = 62.36;
}

/* Tables ------------------------------------------------------------------- */

AwdReportTable *
awd_report_table_new (guint n_columns)
{
  AwdReportTable *table;

  g_return_val_if_fail (n_columns > 0, NULL);

  table = g_new0 (AwdReportTable, 1);
  table->n_columns = n_columns;
  table->titles = g_new0 (char *, n_columns + 1);
  table->widths = g_new (double, n_columns);
  table->alignments = g_new (PangoAlignment, n_columns);
  for (guint i = 0; i < n_columns; i++)
    {
      table->widths[i] = 1.0;
      table->alignments[i] = PANGO_ALIGN_LEFT;
    }
  table->show_header = TRUE;
  table->style = AWD_REPORT_STYLE_SMALL;
  table->rows = g_array_new (FALSE, FALSE, sizeof (Row));
  return table;
}

void
awd_report_table_free (AwdReportTable *table)
{
  if (table == NULL)
    return;
  for (guint i = 0; i < table->rows->len; i++)
    g_strfreev (g_array_index (table->rows, Row, i).cells);
  g_array_unref (table->rows);
  g_strfreev (table->titles);
  g_free (table->widths);
  g_free (table->alignments);
  g_free (table);
}

void
awd_report_table_set_column (AwdReportTable *table,
                             guint           column,
                             const char     *title,
                             double          width,
                             PangoAlignment  alignment)
{
  g_return_if_fail (table != NULL);
  g_return_if_fail (column < table->n_columns);
  g_return_if_fail (width > 0);

  g_free (table->titles[column]);
  table->titles[column] = g_strdup (title);
  table->widths[column] = width;
  table->alignments[column] = alignment;
}

void
awd_report_table_hide_header (AwdReportTable *table)
{
  g_return_if_fail (table != NULL);
  table->show_header = FALSE;
}

void
awd_report_table_set_style (AwdReportTable *table,
                            AwdReportStyle  style)
{
  g_return_if_fail (table != NULL);
  table->style = style;
}

void
awd_report_table_add_row (AwdReportTable     *table,
                          AwdReportRowFlags   flags,
                          const char * const *cells)
{
  guint n;
  Row row;

  g_return_if_fail (table != NULL);
  g_return_if_fail (cells != NULL);

  n = (flags & AWD_REPORT_ROW_SPAN) ? 1 : table->n_columns;
  row.flags = flags;
  row.cells = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    row.cells[i] = g_strdup (cells[i] != NULL ? cells[i] : "");
  g_array_append_val (table->rows, row);
}

void
awd_report_table_add (AwdReportTable    *table,
                      AwdReportRowFlags  flags,
                      ...)
{
  g_autofree const char **cells = NULL;
  guint n;
  va_list args;

  g_return_if_fail (table != NULL);

  n = (flags & AWD_REPORT_ROW_SPAN) ? 1 : table->n_columns;
  cells = g_new0 (const char *, n + 1);
  va_start (args, flags);
  for (guint i = 0; i < n; i++)
    cells[i] = va_arg (args, const char *);
  va_end (args);
  awd_report_table_add_row (table, flags, cells);
}

guint
awd_report_table_get_n_rows (AwdReportTable *table)
{
  g_return_val_if_fail (table != NULL, 0);
  return table->rows->len;
}

/* Blocks and pages ---------------------------------------------------------- */

static void
clear_block (gpointer data)
{
  Block *block = data;

  g_clear_object (&block->layout);
  g_clear_pointer (&block->table, awd_report_table_free);
  g_clear_pointer (&block->role, g_free);
  g_clear_pointer (&block->name, g_free);
}

static void
clear_op (gpointer data)
{
  Op *op = data;

  g_clear_object (&op->layout);
}

static void
free_page (gpointer data)
{
  Page *page = data;

  g_array_unref (page->ops);
  g_array_unref (page->fills);
  g_free (page);
}

static double
body_width (AwdReportDocument *self)
{
  return self->setup.width - self->setup.margin_left - self->setup.margin_right;
}

static double
body_top (AwdReportDocument *self)
{
  return self->setup.margin_top;
}

static double
body_bottom (AwdReportDocument *self)
{
  return self->setup.height - self->setup.margin_bottom;
}

static const char *
style_font (AwdReportStyle style)
{
  /* Noto first, DejaVu when Noto is missing: both carry Cyrillic. */
  switch (style)
    {
    case AWD_REPORT_STYLE_BODY:     return "Noto Serif, DejaVu Serif 10.5";
    case AWD_REPORT_STYLE_SMALL:    return "Noto Sans, DejaVu Sans 8.5";
    case AWD_REPORT_STYLE_TITLE:    return "Noto Serif, DejaVu Serif Bold 15";
    case AWD_REPORT_STYLE_SUBTITLE: return "Noto Serif, DejaVu Serif 12";
    case AWD_REPORT_STYLE_HEADING:  return "Noto Sans, DejaVu Sans Bold 11";
    case AWD_REPORT_STYLE_MONO:     return "Noto Sans Mono, DejaVu Sans Mono 8.5";
    case AWD_REPORT_STYLE_DISPLAY:  return "Noto Serif, DejaVu Serif Bold 34";
    case AWD_REPORT_STYLE_LARGE:    return "Noto Serif, DejaVu Serif 17";
    default:                        g_assert_not_reached ();
    }
}

static PangoLayout *
make_layout (AwdReportDocument  *self,
             AwdReportStyle      style,
             AwdReportParaFlags  flags,
             const char         *text,
             double              width)
{
  PangoLayout *layout = pango_layout_new (self->context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (style_font (style));
  g_autofree char *fixed = NULL;
  g_autofree char *upper = NULL;

  if (flags & AWD_REPORT_PARA_BOLD)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  if (flags & AWD_REPORT_PARA_ITALIC)
    pango_font_description_set_style (font, PANGO_STYLE_ITALIC);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) floor (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (flags & AWD_REPORT_PARA_CENTER)
    pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  else if (flags & AWD_REPORT_PARA_RIGHT)
    pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  pango_layout_set_justify (layout, (flags & AWD_REPORT_PARA_JUSTIFY) != 0);

  if (text == NULL)
    text = "";
  if (!(flags & (AWD_REPORT_PARA_NO_TYPOGRAPHY | AWD_REPORT_PARA_MARKUP)))
    text = fixed = awd_report_typography (text);
  if (flags & AWD_REPORT_PARA_UPPERCASE)
    text = upper = g_utf8_strup (text, -1);

  if (flags & AWD_REPORT_PARA_MARKUP)
    pango_layout_set_markup (layout, text, -1);
  else
    pango_layout_set_text (layout, text, -1);

  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

static Block *
append_block (AwdReportDocument *self,
              BlockKind          kind)
{
  Block block = { .kind = kind };

  g_return_val_if_fail (!self->paginated, NULL);
  g_array_append_val (self->blocks, block);
  return &g_array_index (self->blocks, Block, self->blocks->len - 1);
}

/* Drawing operations --------------------------------------------------------- */

static Op *
add_op (Page   *page,
        OpKind  kind,
        double  x,
        double  y)
{
  Op op = { .kind = kind, .x = x, .y = y, .line_width = 0.5, .clip_bottom = -1 };

  memcpy (op.rgb, BLACK, sizeof op.rgb);
  g_array_append_val (page->ops, op);
  return &g_array_index (page->ops, Op, page->ops->len - 1);
}

static void
add_text (Page              *page,
          PangoLayout       *layout,
          double             x,
          double             y,
          const double       rgb[3])
{
  Op *op = add_op (page, OP_TEXT, x, y);

  op->layout = g_object_ref (layout);
  memcpy (op->rgb, rgb, sizeof op->rgb);
}

static void
add_line (Page         *page,
          double        x1,
          double        y1,
          double        x2,
          double        y2,
          double        width,
          const double  rgb[3])
{
  Op *op = add_op (page, OP_LINE, x1, y1);

  op->x2 = x2;
  op->y2 = y2;
  op->line_width = width;
  memcpy (op->rgb, rgb, sizeof op->rgb);
}

static void
add_rect (Page         *page,
          OpKind        kind,
          double        x,
          double        y,
          double        width,
          double        height,
          double        line_width,
          const double  rgb[3])
{
  Op *op = add_op (page, kind, x, y);

  op->x2 = width;
  op->y2 = height;
  op->line_width = line_width;
  memcpy (op->rgb, rgb, sizeof op->rgb);
}

/* Pagination: first pass ----------------------------------------------------- */

static void
shift_ops (Page   *page,
           guint   from,
           double  dy)
{
  for (guint i = from; i < page->ops->len; i++)
    {
      Op *op = &g_array_index (page->ops, Op, i);

      op->y += dy;
      if (op->kind == OP_LINE)
        op->y2 += dy;
    }
}

static void
finish_page (AwdReportDocument *self)
{
  Page *page = self->page;
  double left = body_bottom (self) - self->y;

  if (page == NULL)
    return;

  /* Share what the page leaves empty between its fills. */
  if (page->fills->len > 0 && left > 0)
    {
      double share = left / page->fills->len;

      for (guint i = 0; i < page->fills->len; i++)
        shift_ops (page, g_array_index (page->fills, Fill, i).op_index, share);
    }
  self->page = NULL;
}

static void
start_page (AwdReportDocument *self)
{
  Page *page;

  finish_page (self);
  page = g_new0 (Page, 1);
  page->ops = g_array_new (FALSE, TRUE, sizeof (Op));
  g_array_set_clear_func (page->ops, clear_op);
  page->fills = g_array_new (FALSE, TRUE, sizeof (Fill));
  g_ptr_array_add (self->pages, page);
  self->page = page;
  self->y = body_top (self);
}

static gboolean
at_page_top (AwdReportDocument *self)
{
  return self->y <= body_top (self) + 0.01;
}

static double
room_left (AwdReportDocument *self)
{
  return body_bottom (self) - self->y;
}

/* Tables: cell layouts are made once per table, header included, and the
 * header's are replayed on every page the table runs over. */
typedef struct {
  GPtrArray *layouts;              /* PangoLayout per cell */
  double     height;
  double     offset;               /* a span row's text sits on the left edge */
} RowLayout;

static double *
column_widths (AwdReportDocument *self,
               AwdReportTable    *table)
{
  double *widths = g_new (double, table->n_columns);
  double total = 0;

  for (guint i = 0; i < table->n_columns; i++)
    total += table->widths[i];
  for (guint i = 0; i < table->n_columns; i++)
    widths[i] = body_width (self) * table->widths[i] / total;
  return widths;
}

static RowLayout
lay_out_row (AwdReportDocument  *self,
             AwdReportTable     *table,
             const double       *widths,
             const char * const *cells,
             AwdReportRowFlags   flags,
             gboolean            header)
{
  RowLayout row = { g_ptr_array_new_with_free_func (g_object_unref), 0, 0 };
  AwdReportParaFlags para = AWD_REPORT_PARA_LEFT;
  guint n = (flags & AWD_REPORT_ROW_SPAN) ? 1 : table->n_columns;

  if ((flags & AWD_REPORT_ROW_BOLD) || (flags & AWD_REPORT_ROW_SPAN) || header)
    para |= AWD_REPORT_PARA_BOLD;
  if (flags & AWD_REPORT_ROW_MARKUP)
    para |= AWD_REPORT_PARA_MARKUP;

  for (guint i = 0; i < n; i++)
    {
      double width = (flags & AWD_REPORT_ROW_SPAN) ? body_width (self) : widths[i];
      PangoLayout *layout = make_layout (self, table->style, para, cells[i],
                                         width - 2 * CELL_PAD_X);

      if (!(flags & AWD_REPORT_ROW_SPAN))
        pango_layout_set_alignment (layout, header ? PANGO_ALIGN_CENTER : table->alignments[i]);
      row.height = MAX (row.height, layout_height (layout));
      g_ptr_array_add (row.layouts, layout);
    }
  row.height += 2 * CELL_PAD_Y;
  if (flags & AWD_REPORT_ROW_TALL)
    row.height = MAX (row.height, TALL_ROW);
  return row;
}

static void
draw_row (AwdReportDocument *self,
          AwdReportTable    *table,
          const double      *widths,
          const RowLayout   *row,
          AwdReportRowFlags  flags,
          gboolean           header)
{
  Page *page = self->page;
  double x = self->setup.margin_left;
  double y = self->y;
  gboolean span = (flags & AWD_REPORT_ROW_SPAN) != 0;

  if (header)
    add_rect (page, OP_FILL_RECT, x, y, body_width (self), row->height, 0, SHADE);
  else if (span)
    add_rect (page, OP_FILL_RECT, x, y, body_width (self), row->height, 0, LIGHT_SHADE);
  else if (flags & AWD_REPORT_ROW_SHADED)
    add_rect (page, OP_FILL_RECT, x, y, body_width (self), row->height, 0, LIGHT_SHADE);

  for (guint i = 0; i < row->layouts->len; i++)
    {
      add_text (page, g_ptr_array_index (row->layouts, i), x + CELL_PAD_X, y + CELL_PAD_Y, BLACK);
      if (!span)
        {
          /* Column rules, drawn row by row so that span rows stay open. */
          if (i > 0)
            add_line (page, x, y, x, y + row->height, 0.4, RULE_GREY);
          x += widths[i];
        }
    }

  /* Outer edges. */
  add_line (page, self->setup.margin_left, y, self->setup.margin_left, y + row->height, 0.7, BLACK);
  add_line (page, self->setup.margin_left + body_width (self), y,
            self->setup.margin_left + body_width (self), y + row->height, 0.7, BLACK);

  self->y += row->height;
  if (header)
    add_line (page, self->setup.margin_left, self->y,
              self->setup.margin_left + body_width (self), self->y, 0.7, BLACK);
  else
    add_line (page, self->setup.margin_left, self->y,
              self->setup.margin_left + body_width (self), self->y, 0.35, RULE_GREY);
}

static void
open_table_fragment (AwdReportDocument *self,
                     AwdReportTable    *table,
                     const double      *widths,
                     const RowLayout   *header)
{
  add_line (self->page, self->setup.margin_left, self->y,
            self->setup.margin_left + body_width (self), self->y, 0.7, BLACK);
  if (header != NULL)
    draw_row (self, table, widths, header, AWD_REPORT_ROW_NORMAL, TRUE);
}

static void
close_table_fragment (AwdReportDocument *self)
{
  add_line (self->page, self->setup.margin_left, self->y,
            self->setup.margin_left + body_width (self), self->y, 0.7, BLACK);
}

static void
free_row_layout (RowLayout *row)
{
  g_ptr_array_unref (row->layouts);
}

/* The least height a table needs on a page: its header and first row (two
 * when the first is a group heading). */
static double
table_min_height (AwdReportDocument *self,
                  AwdReportTable    *table)
{
  g_autofree double *widths = column_widths (self, table);
  double height = 0;

  if (table->show_header)
    {
      RowLayout header = lay_out_row (self, table, widths, (const char * const *) table->titles,
                                      AWD_REPORT_ROW_NORMAL, TRUE);
      height += header.height;
      free_row_layout (&header);
    }
  for (guint i = 0; i < MIN (table->rows->len, 2); i++)
    {
      Row *r = &g_array_index (table->rows, Row, i);
      RowLayout row = lay_out_row (self, table, widths, (const char * const *) r->cells, r->flags, FALSE);

      height += row.height;
      free_row_layout (&row);
      if (!(r->flags & AWD_REPORT_ROW_SPAN))
        break;
    }
  return height;
}

static void
paginate_table (AwdReportDocument *self,
                AwdReportTable    *table)
{
  g_autofree double *widths = column_widths (self, table);
  RowLayout header = { NULL, 0, 0 };
  const RowLayout *header_p = NULL;
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (RowLayout));

  if (table->show_header)
    {
      header = lay_out_row (self, table, widths, (const char * const *) table->titles,
                            AWD_REPORT_ROW_NORMAL, TRUE);
      header_p = &header;
    }
  for (guint i = 0; i < table->rows->len; i++)
    {
      Row *r = &g_array_index (table->rows, Row, i);
      RowLayout row = lay_out_row (self, table, widths, (const char * const *) r->cells, r->flags, FALSE);

      g_array_append_val (rows, row);
    }

  if (!at_page_top (self) && room_left (self) < table_min_height (self, table))
    start_page (self);
  open_table_fragment (self, table, widths, header_p);

  for (guint i = 0; i < rows->len; i++)
    {
      RowLayout *row = &g_array_index (rows, RowLayout, i);
      AwdReportRowFlags flags = g_array_index (table->rows, Row, i).flags;
      double needed = row->height;

      /* A group heading never ends a page. */
      if ((flags & AWD_REPORT_ROW_SPAN) && i + 1 < rows->len)
        needed += g_array_index (rows, RowLayout, i + 1).height;

      if (needed > room_left (self) + 0.01
          && self->y > body_top (self) + header.height + 0.01)
        {
          close_table_fragment (self);
          start_page (self);
          open_table_fragment (self, table, widths, header_p);
        }
      draw_row (self, table, widths, row, flags, FALSE);
    }
  close_table_fragment (self);

  for (guint i = 0; i < rows->len; i++)
    free_row_layout (&g_array_index (rows, RowLayout, i));
  g_array_unref (rows);
  if (header_p != NULL)
    free_row_layout (&header);
}

/* Paragraphs are cut between lines when they do not fit: each part is the
 * same layout drawn with a clip. */
static void
paginate_paragraph (AwdReportDocument *self,
                    Block             *block)
{
  PangoLayout *layout = block->layout;
  double height = layout_height (layout);
  g_autoptr(GArray) bottoms = g_array_new (FALSE, FALSE, sizeof (double));
  PangoLayoutIter *iter;
  double shown = 0;

  if (height <= room_left (self) + 0.01)
    {
      add_text (self->page, layout, self->setup.margin_left, self->y, BLACK);
      self->y += height;
      return;
    }

  iter = pango_layout_get_iter (layout);
  do
    {
      PangoRectangle logical;
      double bottom;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      bottom = (double) (logical.y + logical.height) / PANGO_SCALE;
      g_array_append_val (bottoms, bottom);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  for (guint line = 0; line < bottoms->len;)
    {
      guint last = line;
      Op *op;

      /* As many lines as fit; at least one on a fresh page. */
      while (last + 1 < bottoms->len
             && g_array_index (bottoms, double, last + 1) - shown <= room_left (self) + 0.01)
        last++;
      if (g_array_index (bottoms, double, last) - shown > room_left (self) + 0.01
          && !at_page_top (self))
        {
          start_page (self);
          continue;
        }

      op = add_op (self->page, OP_TEXT, self->setup.margin_left, self->y - shown);
      op->layout = g_object_ref (layout);
      op->clip_top = shown;
      op->clip_bottom = g_array_index (bottoms, double, last);
      self->y += op->clip_bottom - shown;
      shown = op->clip_bottom;
      line = last + 1;
      if (line < bottoms->len)
        start_page (self);
    }
}

static double
block_min_height (AwdReportDocument *self,
                  guint              index)
{
  Block *block;

  if (index >= self->blocks->len)
    return 0;
  block = &g_array_index (self->blocks, Block, index);

  switch (block->kind)
    {
    case BLOCK_PARAGRAPH:
      {
        double height = layout_height (block->layout);

        /* A heading drags what follows it along. */
        if (block->keep_with_next)
          return height + PARA_SPACE + block_min_height (self, index + 1);
        if (pango_layout_get_line_count (block->layout) > 3)
          return MIN (height, 3 * height / pango_layout_get_line_count (block->layout));
        return height;
      }
    case BLOCK_TABLE:
      return table_min_height (self, block->table);
    case BLOCK_SIGNATURE:
      {
        double height = 0;

        for (guint i = index; i < self->blocks->len; i++)
          {
            if (g_array_index (self->blocks, Block, i).kind != BLOCK_SIGNATURE)
              break;
            height += SIGNATURE_HEIGHT;
          }
        return height;
      }
    case BLOCK_LINES:
      return MIN (block->amount, 2) * WRITING_LINE;
    case BLOCK_RULE:
    case BLOCK_SPACE:
      return block_min_height (self, index + 1);
    case BLOCK_FILL:
    case BLOCK_PAGE_BREAK:
    default:
      return 0;
    }
}

static void
paginate_signature (AwdReportDocument *self,
                    Block             *block,
                    gboolean           first)
{
  Page *page = self->page;
  double x = self->setup.margin_left;
  double width = body_width (self);
  g_autoptr(PangoLayout) role = NULL;
  g_autoptr(PangoLayout) name = NULL;
  g_autoptr(PangoLayout) caption = NULL;
  g_autofree char *name_text = NULL;
  double line_x1 = x + width * 0.44;
  double line_x2 = x + width * 0.66;
  double base;

  role = make_layout (self, AWD_REPORT_STYLE_BODY, AWD_REPORT_PARA_LEFT, block->role, width * 0.42);
  if (block->name != NULL && *block->name != '\0')
    {
      g_autofree char *short_name = awd_report_short_name (block->name);
      name_text = g_strdup_printf ("/ %s /", short_name);
    }
  else
    name_text = g_strdup ("/ ______________________ /");
  name = make_layout (self, AWD_REPORT_STYLE_BODY, AWD_REPORT_PARA_NO_TYPOGRAPHY, name_text,
                      width * 0.33);
  caption = make_layout (self, AWD_REPORT_STYLE_SMALL, AWD_REPORT_PARA_CENTER,
                         C_("signature line", "signature"), line_x2 - line_x1);

  base = self->y + 18;
  add_text (page, role, x, base - layout_height (role) + 3, BLACK);
  add_line (page, line_x1, base + 3, line_x2, base + 3, 0.6, BLACK);
  add_text (page, name, line_x2 + 6, base - layout_height (name) + 3, BLACK);
  add_text (page, caption, line_x1, base + 4, TEXT_GREY);
  self->y += SIGNATURE_HEIGHT;
}

static void
paginate_flow (AwdReportDocument *self)
{
  start_page (self);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = &g_array_index (self->blocks, Block, i);
      Block *previous = i > 0 ? &g_array_index (self->blocks, Block, i - 1) : NULL;

      switch (block->kind)
        {
        case BLOCK_PAGE_BREAK:
          start_page (self);
          break;

        case BLOCK_SPACE:
          /* Space at the top of a page is lost, as in any word processor. */
          if (!at_page_top (self))
            self->y = MIN (self->y + block->amount, body_bottom (self));
          break;

        case BLOCK_FILL:
          {
            Fill fill = { self->page->ops->len };
            g_array_append_val (self->page->fills, fill);
          }
          break;

        case BLOCK_RULE:
          if (room_left (self) < 6 + block_min_height (self, i + 1) && !at_page_top (self))
            start_page (self);
          add_line (self->page, self->setup.margin_left, self->y + 3,
                    self->setup.margin_left + body_width (self), self->y + 3, 0.5, BLACK);
          self->y += 6;
          break;

        case BLOCK_LINES:
          for (guint k = 0; k < (guint) block->amount; k++)
            {
              if (room_left (self) < WRITING_LINE)
                start_page (self);
              self->y += WRITING_LINE;
              add_line (self->page, self->setup.margin_left, self->y,
                        self->setup.margin_left + body_width (self), self->y, 0.4, RULE_GREY);
            }
          break;

        case BLOCK_PARAGRAPH:
          {
            double needed = block_min_height (self, i);

            if (!at_page_top (self) && needed > room_left (self) + 0.01)
              start_page (self);
            paginate_paragraph (self, block);
            self->y += PARA_SPACE;
          }
          break;

        case BLOCK_TABLE:
          paginate_table (self, block->table);
          self->y += PARA_SPACE * 2;
          break;

        case BLOCK_SIGNATURE:
          {
            gboolean first = previous == NULL || previous->kind != BLOCK_SIGNATURE;

            if (first && !at_page_top (self) && block_min_height (self, i) > room_left (self))
              start_page (self);
            paginate_signature (self, block, first);
          }
          break;

        default:
          g_assert_not_reached ();
        }
    }

  finish_page (self);
}

/* Pagination: second pass, when the number of pages is known --------------- */

static void
decorate_page (AwdReportDocument *self,
               Page              *page,
               guint              page_nr,
               guint              n_pages)
{
  const AwdReportPageSetup *s = &self->setup;
  double width = body_width (self);
  g_autoptr(GArray) under = g_array_new (FALSE, TRUE, sizeof (Op));
  Page back = { under, NULL };

  if (self->plain_pages)
    {
      if (self->framed)
        {
          add_rect (page, OP_STROKE_RECT, 24, 24, s->width - 48, s->height - 48, 2.2, FRAME);
          add_rect (page, OP_STROKE_RECT, 30, 30, s->width - 60, s->height - 60, 0.6, FRAME);
        }
      return;
    }

  /* The watermark goes under everything else on the page. */
  if (self->notice != NULL)
    {
      g_autoptr(PangoLayout) mark = make_layout (self, AWD_REPORT_STYLE_DISPLAY,
                                                 AWD_REPORT_PARA_CENTER | AWD_REPORT_PARA_NO_TYPOGRAPHY,
                                                 self->notice, s->height);
      double angle = -atan2 (s->height, s->width);
      double w = s->height, h = layout_height (mark);
      Op *op;

      /* Rotate about the page's centre: the layout's own centre lands there. */
      op = add_op (&back, OP_TEXT, s->width / 2, s->height / 2);
      op->layout = g_object_ref (mark);
      op->angle = angle;
      op->x2 = -w / 2;
      op->y2 = -h / 2;
      memcpy (op->rgb, WATERMARK, sizeof op->rgb);
      g_array_prepend_vals (page->ops, under->data, under->len);
      g_array_set_size (under, 0);
    }

  {
    double y = s->margin_top - 16;
    g_autoptr(PangoLayout) left = make_layout (self, AWD_REPORT_STYLE_SMALL, AWD_REPORT_PARA_LEFT,
                                               self->header_left, width * 0.64);
    g_autoptr(PangoLayout) right = make_layout (self, AWD_REPORT_STYLE_SMALL, AWD_REPORT_PARA_RIGHT,
                                                self->header_right, width * 0.34);

    pango_layout_set_ellipsize (left, PANGO_ELLIPSIZE_END);
    pango_layout_set_ellipsize (right, PANGO_ELLIPSIZE_END);
    add_text (page, left, s->margin_left, y - layout_height (left) - 2, TEXT_GREY);
    add_text (page, right, s->margin_left + width * 0.66, y - layout_height (right) - 2, TEXT_GREY);
    add_line (page, s->margin_left, y, s->margin_left + width, y, 0.5, BLACK);

    if (self->notice != NULL)
      {
        g_autoptr(PangoLayout) notice = make_layout (self, AWD_REPORT_STYLE_HEADING,
                                                     AWD_REPORT_PARA_CENTER | AWD_REPORT_PARA_NO_TYPOGRAPHY,
                                                     self->notice, width);
        add_text (page, notice, s->margin_left,
                  y - layout_height (left) - layout_height (notice) - 3, NOTICE_RED);
      }
  }

  {
    double y = s->height - s->margin_bottom + 14;
    g_autofree char *number = g_strdup_printf (_("page %u of %u"), page_nr + 1, n_pages);
    g_autoptr(PangoLayout) left = make_layout (self, AWD_REPORT_STYLE_SMALL, AWD_REPORT_PARA_LEFT,
                                               self->footer_left, width * 0.74);
    g_autoptr(PangoLayout) right = make_layout (self, AWD_REPORT_STYLE_SMALL,
                                                AWD_REPORT_PARA_RIGHT | AWD_REPORT_PARA_NO_TYPOGRAPHY,
                                                number, width * 0.25);

    pango_layout_set_ellipsize (left, PANGO_ELLIPSIZE_MIDDLE);
    add_line (page, s->margin_left, y, s->margin_left + width, y, 0.5, BLACK);
    add_text (page, left, s->margin_left, y + 3, TEXT_GREY);
    add_text (page, right, s->margin_left + width * 0.75, y + 3, BLACK);
  }
}

static void
paginate (AwdReportDocument *self)
{
  if (self->paginated)
    return;
  self->paginated = TRUE;

  paginate_flow (self);
  for (guint i = 0; i < self->pages->len; i++)
    decorate_page (self, g_ptr_array_index (self->pages, i), i, self->pages->len);

  /* The flow is laid out: its blocks only hold references now. */
  g_array_set_size (self->blocks, 0);
}

/* GObject ------------------------------------------------------------------- */

static void
awd_report_document_finalize (GObject *object)
{
  AwdReportDocument *self = AWD_REPORT_DOCUMENT (object);

  g_array_unref (self->blocks);
  g_ptr_array_unref (self->pages);
  g_clear_object (&self->context);
  g_clear_object (&self->font_map);
  g_free (self->title);
  g_free (self->header_left);
  g_free (self->header_right);
  g_free (self->notice);
  g_free (self->footer_left);

  G_OBJECT_CLASS (awd_report_document_parent_class)->finalize (object);
}

static void
awd_report_document_class_init (AwdReportDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = awd_report_document_finalize;
}

static void
awd_report_document_init (AwdReportDocument *self)
{
  cairo_font_options_t *options;

  self->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_array_set_clear_func (self->blocks, clear_block);
  self->pages = g_ptr_array_new_with_free_func (free_page);

  /* A font map of its own: a document may be built in a worker thread and
   * drawn in the main one. Metrics are unhinted, so that what fits on a
   * page of the PDF fits on the printer's page too. */
  self->font_map = pango_cairo_font_map_new ();
  self->context = pango_font_map_create_context (self->font_map);
  pango_cairo_context_set_resolution (self->context, 72);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  if (awd_report_is_russian ())
    pango_context_set_language (self->context, pango_language_from_string ("ru"));
}

/* Public API ----------------------------------------------------------------- */

AwdReportDocument *
awd_report_document_new (const AwdReportPageSetup *setup)
{
  AwdReportDocument *self = g_object_new (AWD_TYPE_REPORT_DOCUMENT, NULL);

  if (setup != NULL)
    self->setup = *setup;
  else
    awd_report_page_setup_init_a4 (&self->setup, FALSE);
  return self;
}

const AwdReportPageSetup *
awd_report_document_get_page_setup (AwdReportDocument *self)
{
  g_return_val_if_fail (AWD_IS_REPORT_DOCUMENT (self), NULL);
  return &self->setup;
}

void
awd_report_document_set_title (AwdReportDocument *self,
                               const char        *title)
{
  g_return_if_fail (AWD_IS_REPORT_DOCUMENT (self));
  g_free (self->title);
  self->title = g_strdup (title);
}

const char *
awd_report_document_get_title (AwdReportDocument *self)
{
  g_return_val_if_fail (AWD_IS_REPORT_DOCUMENT (self), NULL);
  return self->title;
}

char *
awd_report_compose_header_text (const char *award,
                                const char *title)
{
  g_autofree char *award_key = NULL;
  g_autofree char *title_key = NULL;

  award = award != NULL ? award : "";
  title = title != NULL ? title : "";
  if (*award == '\0' || *title == '\0')
    return g_strdup (*title != '\0' ? title : award);

  /* Case aside: «Премия …» and «премия …» are the same award. */
  award_key = g_utf8_casefold (award, -1);
  title_key = g_utf8_casefold (title, -1);
  if (g_str_has_prefix (title_key, award_key))
    return g_strdup (title);
  return g_strdup_printf ("%s — %s", award, title);
}

void
awd_report_document_set_header (AwdReportDocument *self,
                                const char        *left,
                                const char        *right)
{
  g_return_if_fail (AWD_IS_REPORT_DOCUMENT (self));
  g_free (self->header_left);
  g_free (self->header_right);
  self->header_left = g_strdup (left);
  self->header_right = g_strdup (right);
}

void
awd_report_document_set_notice (AwdReportDocument *self,
                                const char        *notice)
{
  g_return_if_fail (AWD_IS_REPORT_DOCUMENT (self));
  g_free (self->notice);
  self->notice = g_strdup (notice);
}

void
awd_report_document_set_footer (AwdReportDocument *self,
                                const char        *left)
{
  g_return_if_fail (AWD_IS_REPORT_DOCUMENT (self));
  g_free (self->footer_left);
  self->footer_left = g_strdup (left);
}

void
awd_report_document_set_plain_pages (AwdReportDocument *self,
                                     gboolean           framed)
{
  g_return_if_fail (AWD_IS_REPORT_DOCUMENT (self));
  self->plain_pages = TRUE;
  self->framed = framed;
}

void
awd_report_document_add_paragraph (AwdReportDocument  *self,
                                   AwdReportStyle      style,
                                   AwdReportParaFlags  flags,
                                   const char         *text)
{
  Block *block;

  g_return_if_fail (AWD_IS_REPORT_DOCUMENT (self));
  g_return_if_fail (!self->paginated);

  block = append_block (self, BLOCK_PARAGRAPH);
  block->layout = make_layout (self, style, flags, text, body_width (self));
  block->keep_with_next = (flags & AWD_REPORT_PARA_KEEP_WITH_NEXT) != 0;
}

void
awd_report_document_add_paragraph_printf (AwdReportDocument  *self,
                                          AwdReportStyle      style,
                                          AwdReportParaFlags  flags,
                                          const char         *format,
                                          ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  awd_report_document_add_paragraph (self, style, flags, text);
}

void
awd_report_document_add_space (AwdReportDocument *self,
                               double             points)
{
  g_return_if_fail (AWD_IS_REPORT_DOCUMENT (self));
  g_return_if_fail (!self->paginated);
  append_block (self, BLOCK_SPACE)->amount = points;
}

void
awd_report_document_add_fill (AwdReportDocument *self)
{
  g_return_if_fail (AWD_IS_REPORT_DOCUMENT (self));
  g_return_if_fail (!self->paginated);
  append_block (self, BLOCK_FILL);
}

void
awd_report_document_add_rule (AwdReportDocument *self)
{
  g_return_if_fail (AWD_IS_REPORT_DOCUMENT (self));
  g_return_if_fail (!self->paginated);
  append_block (self, BLOCK_RULE);
}

void
awd_report_document_add_writing_lines (AwdReportDocument *self,
                                       guint              n_lines)
{
  g_return_if_fail (AWD_IS_REPORT_DOCUMENT (self));
  g_return_if_fail (!self->paginated);
  append_block (self, BLOCK_LINES)->amount = n_lines;
}

void
awd_report_document_add_table (AwdReportDocument *self,
                               AwdReportTable    *table)
{
  g_return_if_fail (AWD_IS_REPORT_DOCUMENT (self));
  g_return_if_fail (table != NULL);
  g_return_if_fail (!self->paginated);
  append_block (self, BLOCK_TABLE)->table = table;
}

void
awd_report_document_add_signature (AwdReportDocument *self,
                                   const char        *role,
                                   const char        *name)
{
  Block *block;

  g_return_if_fail (AWD_IS_REPORT_DOCUMENT (self));
  g_return_if_fail (!self->paginated);

  block = append_block (self, BLOCK_SIGNATURE);
  block->role = g_strdup (role);
  block->name = g_strdup (name);
}

void
awd_report_document_break_page (AwdReportDocument *self)
{
  g_return_if_fail (AWD_IS_REPORT_DOCUMENT (self));
  g_return_if_fail (!self->paginated);
  append_block (self, BLOCK_PAGE_BREAK);
}

guint
awd_report_document_get_n_pages (AwdReportDocument *self)
{
  g_return_val_if_fail (AWD_IS_REPORT_DOCUMENT (self), 0);
  paginate (self);
  return self->pages->len;
}

void
awd_report_document_draw_page (AwdReportDocument *self,
                               cairo_t           *cr,
                               guint              page_nr)
{
  Page *page;

  g_return_if_fail (AWD_IS_REPORT_DOCUMENT (self));
  g_return_if_fail (cr != NULL);

  paginate (self);
  g_return_if_fail (page_nr < self->pages->len);
  page = g_ptr_array_index (self->pages, page_nr);

  cairo_save (cr);
  for (guint i = 0; i < page->ops->len; i++)
    {
      const Op *op = &g_array_index (page->ops, Op, i);

      cairo_save (cr);
      cairo_set_source_rgb (cr, op->rgb[0], op->rgb[1], op->rgb[2]);
      switch (op->kind)
        {
        case OP_TEXT:
          cairo_translate (cr, op->x, op->y);
          if (op->angle != 0)
            {
              cairo_rotate (cr, op->angle);
              cairo_translate (cr, op->x2, op->y2);
            }
          if (op->clip_bottom >= 0)
            {
              /* Generous sideways: the clip cuts between lines only. */
              cairo_rectangle (cr, -50, op->clip_top, self->setup.width + 100,
                               op->clip_bottom - op->clip_top);
              cairo_clip (cr);
            }
          pango_cairo_show_layout (cr, op->layout);
          break;

        case OP_LINE:
          cairo_set_line_width (cr, op->line_width);
          cairo_set_line_cap (cr, CAIRO_LINE_CAP_SQUARE);
          cairo_move_to (cr, op->x, op->y);
          cairo_line_to (cr, op->x2, op->y2);
          cairo_stroke (cr);
          break;

        case OP_FILL_RECT:
          cairo_rectangle (cr, op->x, op->y, op->x2, op->y2);
          cairo_fill (cr);
          break;

        case OP_STROKE_RECT:
          cairo_set_line_width (cr, op->line_width);
          cairo_rectangle (cr, op->x, op->y, op->x2, op->y2);
          cairo_stroke (cr);
          break;

        default:
          g_assert_not_reached ();
        }
      cairo_restore (cr);
    }
  cairo_restore (cr);
}

gboolean
awd_report_write_pdf (AwdReportDocument  *self,
                      const char         *path,
                      GError            **error)
{
  g_autofree char *tmp_path = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  guint n_pages;
  int fd;

  g_return_val_if_fail (AWD_IS_REPORT_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  n_pages = awd_report_document_get_n_pages (self);

  tmp_path = g_strconcat (path, ".XXXXXX", NULL);
  /* 0666 less the umask, as any file the person saves. */
  fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot write “%s”: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  surface = cairo_pdf_surface_create (tmp_path, self->setup.width, self->setup.height);
  if (self->title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Award Desk " PACKAGE_VERSION);

  for (guint i = 0; i < n_pages; i++)
    {
      cairo_t *cr = cairo_create (surface);

      awd_report_document_draw_page (self, cr, i);
      cairo_show_page (cr);
      status = cairo_status (cr);
      cairo_destroy (cr);
      if (status != CAIRO_STATUS_SUCCESS)
        break;
    }
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_unlink (tmp_path);
      g_set_error (error, AWD_REPORT_ERROR, AWD_REPORT_ERROR_FAILED,
                   _("Cannot write “%s”: %s"), display, cairo_status_to_string (status));
      return FALSE;
    }

  if (g_rename (tmp_path, path) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (path);

      g_unlink (tmp_path);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot write “%s”: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}
