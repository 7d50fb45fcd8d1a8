/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-score-sheet"

#include "config.h"

#include <glib/gi18n.h>

#include "awd-edit-util.h"
#include "awd-score-sheet-private.h"

/* Moving on the sheet: arrows, Enter and Page Up/Page Down between cells,
 * and between the pages of a long sheet. The keys do not stop at a page's
 * edge: Down on its last row turns the page and lands on the next page's
 * first row. A page is left only when nothing typed on it would be lost:
 * the cell being edited is saved first, and a refused value keeps the
 * page (and the focus) until it is fixed or cleared. */

/* How many frames to wait for a new page's cell to be laid out. */
#define MAX_LAYOUT_TRIES 5

static SheetRow *
neighbour_row (AwdScoreSheet *self,
               SheetRow      *row,
               int            direction)
{
  for (int i = (int) row->index + direction; i >= 0 && i < (int) self->rows->len; i += direction)
    {
      SheetRow *other = g_ptr_array_index (self->rows, i);

      if (!other->conflicted)
        return other;
    }
  return NULL;
}

/* Page Up/Page Down: the row at the same place on the page before or after
 * (the first or last row at the ends), or the nearest one that can be
 * edited. NULL when none on that page can. */
static SheetRow *
row_a_page_away (AwdScoreSheet *self,
                 SheetRow      *row,
                 int            direction,
                 guint         *out_page)
{
  guint page = row->index / SHEET_PAGE_ROWS;
  guint first, end, target;

  if (direction < 0 && page == 0)
    target = 0;
  else if (direction > 0 && page + 1 >= self->n_pages)
    target = self->rows->len - 1;
  else
    {
      page = direction < 0 ? page - 1 : page + 1;
      target = MIN (page * SHEET_PAGE_ROWS + row->index % SHEET_PAGE_ROWS, self->rows->len - 1);
    }
  *out_page = page;
  first = page * SHEET_PAGE_ROWS;
  end = MIN (first + SHEET_PAGE_ROWS, self->rows->len);

  for (guint i = target; i < end; i++)
    if (!((SheetRow *) g_ptr_array_index (self->rows, i))->conflicted)
      return g_ptr_array_index (self->rows, i);
  for (guint i = target; i-- > first;)
    if (!((SheetRow *) g_ptr_array_index (self->rows, i))->conflicted)
      return g_ptr_array_index (self->rows, i);
  return NULL;
}

/* Everything typed on the page shown is stored, or the page stays. */
static gboolean
can_leave_page (AwdScoreSheet *self)
{
  GtkWidget *focus = awd_score_sheet_focused_cell (self);
  guint first, end;

  if (!self->page_built)
    return TRUE;
  if (focus != NULL)
    awd_entry_commit_now (focus);
  /* The person is being asked whether to change a submitted sheet. */
  if (self->confirm_dialog != NULL)
    return FALSE;

  first = self->page * SHEET_PAGE_ROWS;
  end = MIN (first + SHEET_PAGE_ROWS, self->rows->len);
  for (guint i = first; i < end; i++)
    {
      SheetRow *row = g_ptr_array_index (self->rows, i);

      for (guint c = 0; c < self->criteria->len; c++)
        if (row->cells[c] != NULL && gtk_widget_has_css_class (row->cells[c], "error"))
          {
            g_autofree char *message =
              g_strdup_printf (_("Correct or clear the marked score before turning the page: %s"),
                               gtk_widget_get_tooltip_text (row->cells[c]));

            awd_score_sheet_show_message (self, message);
            gtk_widget_grab_focus (row->cells[c]);
            return FALSE;
          }
    }
  return TRUE;
}

static void
update_pager (AwdScoreSheet *self)
{
  guint first = self->page * SHEET_PAGE_ROWS;
  guint last = MIN (first + SHEET_PAGE_ROWS, self->rows->len);
  g_autofree char *text = NULL;

  gtk_widget_set_visible (self->pager, self->n_pages > 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sheet.previous-page", self->page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sheet.next-page", self->page + 1 < self->n_pages);
  if (self->n_pages <= 1)
    return;
  /* Translators: the pager of a long score sheet: first and last
   * nomination shown, then how many there are */
  text = g_strdup_printf (_("Nominations %u–%u of %u"), first + 1, last, self->rows->len);
  gtk_label_set_text (GTK_LABEL (self->pager_label), text);
}

/* ---- bringing a new page's cell into view ---- */

/* The viewport scrolls to the focus when it is grabbed, but a cell of a
 * page just built has no place yet: once the frame is laid out, scroll the
 * least that shows it. Runs after GTK's own layout handler (connected when
 * the surface was made), and the frame clock lays out again when the
 * adjustment moves. */
static void
frame_laid_out_cb (GdkFrameClock *clock,
                   AwdScoreSheet *self)
{
  GtkWidget *viewport = gtk_widget_get_parent (self->grid);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  graphene_rect_t bounds;
  double value, page_size, top, bottom;

  if (self->scroll_target == NULL ||
      !gtk_widget_compute_bounds (self->scroll_target, viewport, &bounds) ||
      gtk_widget_get_height (self->scroll_target) <= 0)
    {
      if (self->scroll_target == NULL || ++self->layout_tries >= MAX_LAYOUT_TRIES)
        awd_score_sheet_stop_scrolling (self);
      else
        gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_LAYOUT);
      return;
    }

  value = gtk_adjustment_get_value (adjustment);
  page_size = gtk_adjustment_get_page_size (adjustment);
  /* In the adjustment's terms, with a row's worth of context either side. */
  top = value + bounds.origin.y - bounds.size.height;
  bottom = value + bounds.origin.y + 2 * bounds.size.height;
  /* Near the top of the page, its headers stay in sight. */
  if (bottom <= page_size)
    gtk_adjustment_set_value (adjustment, 0);
  else if (top < value)
    gtk_adjustment_set_value (adjustment, top);
  else if (bottom > value + page_size)
    gtk_adjustment_set_value (adjustment, bottom - page_size);
  awd_score_sheet_stop_scrolling (self);
}

static void
scroll_into_view (AwdScoreSheet *self,
                  GtkWidget     *cell)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  awd_score_sheet_stop_scrolling (self);
  if (clock == NULL)
    return;
  g_set_weak_pointer (&self->scroll_target, cell);
  self->layout_clock = g_object_ref (clock);
  self->layout_tries = 0;
  self->layout_handler = g_signal_connect (clock, "layout", G_CALLBACK (frame_laid_out_cb), self);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_LAYOUT);
}

/* ---- keys ---- */

static gboolean
cell_key_pressed_cb (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     AwdScoreSheet         *self)
{
  GtkWidget *cell = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  SheetRow *row = awd_score_sheet_row_of_cell (self, cell);
  guint column = awd_score_sheet_column_of_cell (cell);
  int position, length, start, end;
  SheetRow *target;
  guint page;

  if (row == NULL || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;

  position = gtk_editable_get_position (GTK_EDITABLE (cell));
  length = (int) g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (cell)), -1);
  gtk_editable_get_selection_bounds (GTK_EDITABLE (cell), &start, &end);

  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      target = neighbour_row (self, row, (keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up) ? -1 : 1);
      if (target != NULL)
        awd_score_sheet_focus_row_cell (self, target, column);
      return TRUE;

    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      /* A sheet of one page scrolls, as a scrolled window does. */
      if (self->n_pages <= 1)
        return FALSE;
      target = row_a_page_away (self, row,
                                (keyval == GDK_KEY_Page_Up || keyval == GDK_KEY_KP_Page_Up) ? -1 : 1,
                                &page);
      if (target != NULL)
        awd_score_sheet_focus_row_cell (self, target, column);
      else
        awd_score_sheet_show_page (self, page);
      return TRUE;

    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      /* At the start of the text (or with all of it selected): the previous criterion. */
      if ((position == 0 || (start == 0 && end == length)) && column > 0)
        {
          awd_score_sheet_focus_row_cell (self, row, column - 1);
          return TRUE;
        }
      return FALSE;

    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      if ((position == length || (start == 0 && end == length)) && column + 1 < self->criteria->len)
        {
          awd_score_sheet_focus_row_cell (self, row, column + 1);
          return TRUE;
        }
      return FALSE;

    default:
      return FALSE;
    }
}

/* Enter saves (the commit watch ran first) and moves down the column,
 * unless the value was refused: then the person fixes it in place. */
static void
cell_activated_cb (GtkEntry      *entry,
                   AwdScoreSheet *self)
{
  SheetRow *row = awd_score_sheet_row_of_cell (self, GTK_WIDGET (entry));
  SheetRow *target;

  if (row == NULL || gtk_widget_has_css_class (GTK_WIDGET (entry), "error") || self->confirm_dialog != NULL)
    return;
  target = neighbour_row (self, row, 1);
  if (target != NULL)
    awd_score_sheet_focus_row_cell (self, target, awd_score_sheet_column_of_cell (GTK_WIDGET (entry)));
}

/* The pager's buttons: the new page from its top. */
static void
turn_page_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AwdScoreSheet *self = AWD_SCORE_SHEET (widget);
  gboolean next = g_str_equal (action_name, "sheet.next-page");

  if ((next && self->page + 1 >= self->n_pages) || (!next && self->page == 0))
    return;
  if (awd_score_sheet_show_page (self, next ? self->page + 1 : self->page - 1))
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)), 0);
}

SheetRow *
awd_score_sheet_row_of_cell (AwdScoreSheet *self,
                             GtkWidget     *cell)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "awd-row")) - 1;

  return index < self->rows->len ? g_ptr_array_index (self->rows, index) : NULL;
}

guint
awd_score_sheet_column_of_cell (GtkWidget *cell)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "awd-column"));
}

/* The cell being edited, if it belongs to this sheet. */
GtkWidget *
awd_score_sheet_focused_cell (AwdScoreSheet *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *entry = focus != NULL ? gtk_widget_get_ancestor (focus, GTK_TYPE_ENTRY) : NULL;

  if (entry != NULL && gtk_widget_is_ancestor (entry, self->grid) &&
      g_strcmp0 (gtk_widget_get_name (entry), "score-cell") == 0)
    return entry;
  return NULL;
}

void
awd_score_sheet_watch_cell_keys (AwdScoreSheet *self,
                                 GtkWidget     *cell)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  g_signal_connect (cell, "activate", G_CALLBACK (cell_activated_cb), self);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (cell_key_pressed_cb), self);
  gtk_widget_add_controller (cell, keys);
}

/* Shows @page, building its widgets; FALSE (and the page stays) when what
 * was typed on the page shown cannot be stored yet. */
gboolean
awd_score_sheet_show_page (AwdScoreSheet *self,
                           guint          page)
{
  g_return_val_if_fail (page < MAX (self->n_pages, 1), FALSE);

  if (self->page_built && page == self->page)
    return TRUE;
  if (!can_leave_page (self))
    return FALSE;
  awd_score_sheet_clear_page (self);
  self->page = page;
  if (self->rows->len > 0 && self->criteria->len > 0)
    awd_score_sheet_build_page (self);
  update_pager (self);
  return TRUE;
}

gboolean
awd_score_sheet_focus_row_cell (AwdScoreSheet *self,
                                SheetRow      *row,
                                guint          column)
{
  if (!awd_score_sheet_show_page (self, row->index / SHEET_PAGE_ROWS))
    return FALSE;
  gtk_widget_grab_focus (row->cells[column]);
  /* A cell not laid out yet (a page just built) is scrolled to later. */
  if (gtk_widget_get_height (row->cells[column]) <= 0)
    scroll_into_view (self, row->cells[column]);
  return TRUE;
}

void
awd_score_sheet_stop_scrolling (AwdScoreSheet *self)
{
  if (self->layout_clock != NULL)
    g_clear_signal_handler (&self->layout_handler, self->layout_clock);
  g_clear_object (&self->layout_clock);
  g_clear_weak_pointer (&self->scroll_target);
}

void
awd_score_sheet_install_navigation (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "sheet.previous-page", NULL, turn_page_cb);
  gtk_widget_class_install_action (widget_class, "sheet.next-page", NULL, turn_page_cb);
}
