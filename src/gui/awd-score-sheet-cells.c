/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-score-sheet"

#include "config.h"

#include <glib/gi18n.h>

#include <math.h>

#include "awd-edit-util.h"
#include "awd-score-sheet-private.h"

/* The widgets of the page shown: the column headers, a header per
 * category, and per nomination its ref, title, one validating entry per
 * criterion, the weighted total, the jury's result (when not blind) and a
 * comment button. Only the page shown has widgets; turning the page
 * destroys them and builds the next page's. */

static void
cell_changed_cb (GtkEditable   *editable,
                 AwdScoreSheet *self)
{
  SheetRow *row = awd_score_sheet_row_of_cell (self, GTK_WIDGET (editable));

  if (row != NULL)
    awd_score_sheet_update_total (self, row);
}

/* ---- tooltips ---- */

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    data)
{
  const char *text = g_object_get_data (G_OBJECT (widget), "awd-tooltip");

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* gtk_widget_set_tooltip_text() asks the X server where the pointer is,
 * every time: two tooltips a row were 80 round trips a page. These are
 * answered when the tooltip is asked for. */
static void
set_tooltip_quietly (GtkWidget  *widget,
                     const char *text)
{
  g_object_set_data_full (G_OBJECT (widget), "awd-tooltip", g_strdup (text), g_free);
  if (!gtk_widget_get_has_tooltip (widget))
    {
      gtk_widget_set_has_tooltip (widget, TRUE);
      g_signal_connect (widget, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
    }
}

/* ---- comments ---- */

static void
update_comment_button (SheetRow *row)
{
  gboolean has = row->comment != NULL && *row->comment != '\0';

  if (row->comment_button == NULL)
    return;
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (row->comment_button),
                                 has ? "document-edit-symbolic" : "chat-message-new-symbolic");
  set_tooltip_quietly (row->comment_button, has ? row->comment : _("Add a comment"));
}

static void
comment_closed_cb (GtkPopover    *popover,
                   AwdScoreSheet *self)
{
  GtkTextView *view = g_object_get_data (G_OBJECT (popover), "awd-view");
  SheetRow *row = g_object_get_data (G_OBJECT (popover), "awd-sheet-row");
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  if (g_strcmp0 (text, row->comment != NULL ? row->comment : "") == 0 || !self->editable)
    return;

  if (!awd_store_set_comment (awd_context_get_store (self->context), self->juror_id,
                              row->nomination_id, text, &error))
    {
      awd_score_sheet_show_message (self, error->message);
      return;
    }
  g_free (row->comment);
  row->comment = *text != '\0' ? g_steal_pointer (&text) : NULL;
  update_comment_button (row);
  awd_score_sheet_show_message (self, NULL);
}

/* The popover is made when first opened: a page of 40 rows would otherwise
 * carry 40 text views. */
static void
create_comment_popover (GtkMenuButton *button,
                        gpointer       user_data)
{
  AwdScoreSheet *self = user_data;
  SheetRow *row = g_object_get_data (G_OBJECT (button), "awd-sheet-row");
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (_("Comment"));
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();

  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), self->editable);
  gtk_widget_set_name (view, "score-comment-text");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)),
                            row->comment != NULL ? row->comment : "", -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 120);
  gtk_widget_add_css_class (scroller, "card");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_popover_set_child (GTK_POPOVER (popover), box);

  g_object_set_data (G_OBJECT (popover), "awd-view", view);
  g_object_set_data (G_OBJECT (popover), "awd-sheet-row", row);
  g_signal_connect (popover, "closed", G_CALLBACK (comment_closed_cb), self);
  gtk_menu_button_set_popover (button, popover);
  gtk_widget_grab_focus (view);
}

/* ---- building ---- */

static GtkWidget *
make_label (const char *text,
            float       xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  return label;
}

static PangoAttrList *
struck_attributes (void)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_strikethrough_new (TRUE));
  return attrs;
}

static void
attach_header (AwdScoreSheet *self)
{
  GtkGrid *grid = GTK_GRID (self->grid);
  guint n = self->criteria->len;
  GtkWidget *label;

  label = make_label (_("No."), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_grid_attach (grid, label, COL_REF, 0, 1, 1);
  label = make_label (_("Nomination"), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_grid_attach (grid, label, COL_TITLE, 0, 1, 1);

  for (guint c = 0; c < n; c++)
    {
      const SheetCriterion *crit = &g_array_index (self->criteria, SheetCriterion, c);
      g_autofree char *weight = awd_format_decimal (crit->weight);
      /* Translators: a criterion's column header: name, then its weight */
      g_autofree char *text = g_strdup_printf (_("%s\n× %s"), crit->name, weight);

      label = make_label (text, 0.5);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 14);
      gtk_widget_add_css_class (label, "heading");
      gtk_widget_set_tooltip_text (label, crit->name);
      gtk_grid_attach (grid, label, COL_FIRST_CRITERION + (int) c, 0, 1, 1);
    }
  label = make_label (_("Total"), 0.5);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_tooltip_text (label, _("The juror’s weighted total: Σ weight × score / Σ weight, once every criterion is scored"));
  gtk_grid_attach (grid, label, COL_FIRST_CRITERION + (int) n, 0, 1, 1);
  if (self->show_jury)
    {
      label = make_label (_("Jury"), 0.5);
      gtk_widget_add_css_class (label, "heading");
      gtk_widget_set_tooltip_text (label, _("The season’s result for the nomination, by its method"));
      gtk_grid_attach (grid, label, COL_FIRST_CRITERION + (int) n + 1, 0, 1, 1);
    }
}

static void
attach_category_header (AwdScoreSheet *self,
                        const char    *name,
                        int            grid_row)
{
  GtkWidget *label = make_label (name, 0);
  int width = COL_FIRST_CRITERION + (int) self->criteria->len + 2 + (self->show_jury ? 1 : 0);

  gtk_widget_add_css_class (label, "title-4");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 4);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_grid_attach (GTK_GRID (self->grid), label, 0, grid_row, width, 1);
}

static void
build_row (AwdScoreSheet *self,
           SheetRow      *row,
           int            grid_row)
{
  const AwdResultsNomination *nom = &g_array_index (self->snapshot->input->nominations,
                                                    AwdResultsNomination, row->snapshot_index);
  GtkGrid *grid = GTK_GRID (self->grid);
  guint n = self->criteria->len;
  g_autoptr(PangoAttrList) struck = row->conflicted ? struck_attributes () : NULL;
  g_autofree char *tooltip = NULL;
  g_autofree char *conflict_text = NULL;
  GtkWidget *ref, *title;

  if (row->conflicted)
    conflict_text = row->conflict_reason != NULL && *row->conflict_reason != '\0'
      ? g_strdup_printf (_("Conflict of interest: %s. These scores do not count and cannot be changed."),
                         row->conflict_reason)
      : g_strdup (_("Conflict of interest. These scores do not count and cannot be changed."));

  ref = make_label (nom->ref, 0);
  gtk_widget_add_css_class (ref, "numeric");
  title = make_label (nom->title, 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (title), 24);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 48);
  gtk_widget_set_hexpand (title, TRUE);
  tooltip = nom->institution != NULL && *nom->institution != '\0'
    ? g_strdup_printf ("%s\n%s", nom->title, nom->institution) : g_strdup (nom->title);
  set_tooltip_quietly (title, conflict_text != NULL ? conflict_text : tooltip);
  if (row->conflicted)
    {
      gtk_label_set_attributes (GTK_LABEL (ref), struck);
      gtk_label_set_attributes (GTK_LABEL (title), struck);
      gtk_widget_add_css_class (ref, "dim-label");
      gtk_widget_add_css_class (title, "dim-label");
    }
  gtk_grid_attach (grid, ref, COL_REF, grid_row, 1, 1);
  gtk_grid_attach (grid, title, COL_TITLE, grid_row, 1, 1);

  for (guint c = 0; c < n; c++)
    {
      const SheetCriterion *crit = &g_array_index (self->criteria, SheetCriterion, c);
      GtkWidget *cell = gtk_entry_new ();
      g_autofree char *text = awd_score_sheet_format_score (row->stored[c]);
      /* Translators: the accessible name of a score cell: ref, criterion */
      g_autofree char *label = g_strdup_printf (_("%s, %s"), nom->ref, crit->name);

      gtk_widget_set_name (cell, "score-cell");
      gtk_editable_set_width_chars (GTK_EDITABLE (cell), 4);
      gtk_editable_set_max_width_chars (GTK_EDITABLE (cell), 5);
      gtk_editable_set_alignment (GTK_EDITABLE (cell), 0.5);
      gtk_entry_set_input_purpose (GTK_ENTRY (cell), GTK_INPUT_PURPOSE_NUMBER);
      gtk_editable_set_text (GTK_EDITABLE (cell), text);
      g_object_set_data (G_OBJECT (cell), "awd-row", GUINT_TO_POINTER (row->index + 1));
      g_object_set_data (G_OBJECT (cell), "awd-column", GUINT_TO_POINTER (c));
      gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

      if (row->conflicted)
        {
          gtk_editable_set_editable (GTK_EDITABLE (cell), FALSE);
          gtk_widget_set_focusable (cell, FALSE);
          gtk_widget_set_can_focus (cell, FALSE);
          gtk_entry_set_attributes (GTK_ENTRY (cell), struck);
          gtk_widget_add_css_class (cell, "dim-label");
          gtk_widget_set_tooltip_text (cell, conflict_text);
        }
      else
        {
          gtk_editable_set_editable (GTK_EDITABLE (cell), self->editable);
          awd_entry_watch_commit (cell, FALSE, awd_score_sheet_commit_cell, self);
          g_signal_connect (cell, "changed", G_CALLBACK (cell_changed_cb), self);
          awd_score_sheet_watch_cell_keys (self, cell);
        }
      row->cells[c] = cell;
      gtk_grid_attach (grid, cell, COL_FIRST_CRITERION + (int) c, grid_row, 1, 1);
    }

  row->total_label = make_label ("—", 0.5);
  gtk_widget_set_name (row->total_label, "score-total");
  gtk_widget_add_css_class (row->total_label, "numeric");
  gtk_widget_set_size_request (row->total_label, 56, -1);
  if (row->conflicted)
    {
      gtk_widget_add_css_class (row->total_label, "dim-label");
      gtk_label_set_attributes (GTK_LABEL (row->total_label), struck);
    }
  gtk_grid_attach (grid, row->total_label, COL_FIRST_CRITERION + (int) n, grid_row, 1, 1);
  awd_score_sheet_update_total (self, row);

  if (self->show_jury)
    {
      g_autofree char *text = isnan (row->jury) ? g_strdup ("—") : g_strdup_printf ("%.2f", row->jury);
      GtkWidget *jury = make_label (text, 0.5);

      gtk_widget_add_css_class (jury, "numeric");
      gtk_widget_add_css_class (jury, "dim-label");
      gtk_grid_attach (grid, jury, COL_FIRST_CRITERION + (int) n + 1, grid_row, 1, 1);
    }

  row->comment_button = gtk_menu_button_new ();
  gtk_widget_set_name (row->comment_button, "score-comment");
  gtk_widget_add_css_class (row->comment_button, "flat");
  gtk_widget_set_valign (row->comment_button, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (row->comment_button), "awd-sheet-row", row);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (row->comment_button),
                                         create_comment_popover, self, NULL);
  update_comment_button (row);
  gtk_grid_attach (grid, row->comment_button,
                   COL_FIRST_CRITERION + (int) n + 1 + (self->show_jury ? 1 : 0), grid_row, 1, 1);
}

char *
awd_score_sheet_format_score (double value)
{
  return isnan (value) ? g_strdup ("") : awd_format_decimal (value);
}

/* Σ w·s / Σ w over what is typed now, when every criterion holds a valid
 * score; else a dash. The person sees the total move as they type. */
void
awd_score_sheet_update_total (AwdScoreSheet *self,
                              SheetRow      *row)
{
  double sum = 0, weights = 0;
  gboolean complete = TRUE;

  if (row->total_label == NULL)
    return;
  for (guint c = 0; c < self->criteria->len && complete; c++)
    {
      const SheetCriterion *crit = &g_array_index (self->criteria, SheetCriterion, c);
      double value;

      if (!awd_parse_decimal (gtk_editable_get_text (GTK_EDITABLE (row->cells[c])), &value) ||
          !awd_score_value_check (self->scale_min, self->scale_max, self->scale_step, value, NULL))
        complete = FALSE;
      else
        {
          sum += crit->weight * value;
          weights += crit->weight;
        }
    }

  if (complete && weights > 0)
    {
      g_autofree char *text = g_strdup_printf ("%.2f", sum / weights);
      gtk_label_set_text (GTK_LABEL (row->total_label), text);
    }
  else
    gtk_label_set_text (GTK_LABEL (row->total_label), "—");
}

void
awd_score_sheet_show_message (AwdScoreSheet *self,
                              const char    *message)
{
  gtk_label_set_text (GTK_LABEL (self->message_label), message != NULL ? message : "");
  gtk_widget_set_visible (self->message_label, message != NULL);
}

void
awd_score_sheet_mark_cell (GtkWidget  *cell,
                           const char *message)
{
  if (message != NULL)
    {
      gtk_widget_add_css_class (cell, "error");
      gtk_widget_set_tooltip_text (cell, message);
    }
  else
    {
      gtk_widget_remove_css_class (cell, "error");
      gtk_widget_set_tooltip_text (cell, NULL);
    }
}

/* The column headers, then the page's rows, each category's name above its
 * first row on the page (so a page that starts mid-category names it too). */
void
awd_score_sheet_build_page (AwdScoreSheet *self)
{
  guint first = self->page * SHEET_PAGE_ROWS;
  guint end = MIN (first + SHEET_PAGE_ROWS, self->rows->len);
  int last_category = -2;
  int grid_row = 1;

  g_assert (!self->page_built);

  attach_header (self);
  for (guint i = first; i < end; i++)
    {
      SheetRow *row = g_ptr_array_index (self->rows, i);

      if (row->category != last_category)
        {
          last_category = row->category;
          if (row->category >= 0)
            attach_category_header (self,
                                    g_array_index (self->snapshot->input->categories,
                                                   AwdResultsCategory, row->category).name,
                                    grid_row++);
        }
      build_row (self, row, grid_row++);
    }
  self->page_built = TRUE;
}

/* Forgets the page's widgets before destroying them: a comment popover
 * closing on the way out must not reach a button being disposed. */
void
awd_score_sheet_clear_page (AwdScoreSheet *self)
{
  GtkWidget *child;

  if (self->page_built)
    {
      guint first = self->page * SHEET_PAGE_ROWS;
      guint end = MIN (first + SHEET_PAGE_ROWS, self->rows->len);

      for (guint i = first; i < end; i++)
        {
          SheetRow *row = g_ptr_array_index (self->rows, i);

          for (guint c = 0; c < self->criteria->len; c++)
            row->cells[c] = NULL;
          row->total_label = NULL;
          row->comment_button = NULL;
        }
    }
  self->page_built = FALSE;
  awd_score_sheet_stop_scrolling (self);
  while ((child = gtk_widget_get_first_child (self->grid)) != NULL)
    gtk_grid_remove (GTK_GRID (self->grid), child);
}
