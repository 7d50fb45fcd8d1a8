/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-score-sheet"

#include "config.h"

#include <glib/gi18n.h>

#include <math.h>

#include "awd-edit-util.h"
#include "awd-score-sheet.h"
#include "awd-store-results.h"

/* One juror's score sheet: their eligible nominations of the jury
 * categories (a header row per category) against the round's criteria. A
 * GtkGrid of entries that validate, because a spin button clamps silently
 * and a column view cannot focus a cell on GTK 4.8. Every cell is saved on
 * its own, in its own transaction, when the person leaves it or presses
 * Enter; a refused value stays in the cell, marked, with the store's reason,
 * and the stored value is untouched.
 *
 * Rows past the first screenfuls are built in idle chunks so a sheet of
 * hundreds of nominations shows at once and keeps taking keys. */

#define FIRST_CHUNK_ROWS 60
#define CHUNK_ROWS 20

/* Grid columns: ref, title, criteria…, total, [jury], comment. */
#define COL_REF 0
#define COL_TITLE 1
#define COL_FIRST_CRITERION 2

typedef struct
{
  gint64     id;
  double     weight;
  char      *name;
} SheetCriterion;

typedef struct
{
  guint      index;           /* in self->rows */
  gint64     nomination_id;
  guint      snapshot_index;
  int        category;        /* snapshot category index, -1 for none */
  gboolean   conflicted;
  char      *conflict_reason;
  char      *comment;
  double    *stored;          /* per criterion; NAN when empty */
  GtkWidget **cells;          /* per criterion; NULL until built */
  GtkWidget *total_label;
  GtkWidget *comment_button;
  gboolean   built;
} SheetRow;

struct _AwdScoreSheet
{
  AdwBin      parent_instance;

  AwdContext *context;
  gint64      round_id;
  gint64      juror_id;
  char       *juror_name;
  gboolean    editable;
  gboolean    submitted;
  gboolean    edit_confirmed;   /* the person agreed to edit a submitted sheet */
  gboolean    show_jury;        /* blind mode off, or the round is final */
  double      scale_min, scale_max, scale_step;

  GArray     *criteria;         /* SheetCriterion */
  GPtrArray  *rows;             /* SheetRow*, display order */
  GPtrArray  *headers;          /* category name per header, by grid row (NULL for a nomination row) */
  GHashTable *row_by_nomination;  /* gint64* → SheetRow* */
  double     *jury_scores;      /* per row; NAN when none (only with show_jury) */
  int         next_grid_row;
  guint       next_row_to_build;
  int         last_category;
  guint       build_idle_id;

  GtkWidget  *confirm_dialog;
  GtkWidget  *pending_cell;     /* weak: the cell waiting on the dialog */
  gulong      close_handler;
  GtkWidget  *close_window;

  GtkWidget  *message_label;
  GtkWidget  *empty_label;
  GtkWidget  *scroller;
  GtkWidget  *grid;
};

G_DEFINE_FINAL_TYPE (AwdScoreSheet, awd_score_sheet, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SCORE_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean commit_cell (GtkWidget *entry, const char *text, gpointer user_data);

static void
clear_criterion (gpointer data)
{
  SheetCriterion *c = data;

  g_clear_pointer (&c->name, g_free);
}

static void
free_row (gpointer data)
{
  SheetRow *row = data;

  g_free (row->conflict_reason);
  g_free (row->comment);
  g_free (row->stored);
  g_free (row->cells);
  g_free (row);
}

static SheetRow *
row_of_cell (AwdScoreSheet *self,
             GtkWidget     *cell)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "awd-row")) - 1;

  return index < self->rows->len ? g_ptr_array_index (self->rows, index) : NULL;
}

static guint
column_of_cell (GtkWidget *cell)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "awd-column"));
}

static char *
format_score (double value)
{
  return isnan (value) ? g_strdup ("") : awd_format_decimal (value);
}

/* Σ w·s / Σ w over what is typed now, when every criterion holds a valid
 * score; else a dash. The person sees the total move as they type. */
static void
update_total (AwdScoreSheet *self,
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

static void
show_message (AwdScoreSheet *self,
              const char    *message)
{
  gtk_label_set_text (GTK_LABEL (self->message_label), message != NULL ? message : "");
  gtk_widget_set_visible (self->message_label, message != NULL);
}

static void
mark_cell (GtkWidget  *cell,
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

/* ---- confirmation before editing a submitted sheet ---- */

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     AwdScoreSheet    *self)
{
  GtkWidget *cell = self->pending_cell;

  g_clear_weak_pointer (&self->pending_cell);
  self->confirm_dialog = NULL;

  if (g_strcmp0 (response, "edit") == 0)
    {
      AwdStore *store = awd_context_get_store (self->context);
      g_autoptr(GError) error = NULL;

      self->edit_confirmed = TRUE;
      /* The audit log says that the sheet was reopened on purpose. */
      if (!awd_store_begin (store, &error) ||
          !awd_store_audit (store, self->round_id, "update", "juror", self->juror_id,
                            "submitted: true", "edited after submission", &error) ||
          !awd_store_commit (store, &error))
        {
          awd_store_rollback (store);
          g_warning ("Cannot record the edit of a submitted sheet: %s", error->message);
        }
      if (cell != NULL)
        awd_entry_commit_now (cell);
    }
  else if (cell != NULL)
    {
      SheetRow *row = row_of_cell (self, cell);
      g_autofree char *text = row != NULL ? format_score (row->stored[column_of_cell (cell)]) : NULL;

      awd_entry_set_committed_text (cell, text);
      mark_cell (cell, NULL);
      if (row != NULL)
        update_total (self, row);
    }
}

static gboolean
confirm_edit (AwdScoreSheet *self,
              GtkWidget     *cell)
{
  GtkWidget *dialog;
  GtkRoot *root;

  if (!self->submitted || self->edit_confirmed)
    return TRUE;
  if (self->confirm_dialog != NULL)
    return FALSE;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Change a Submitted Sheet?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("%s’s sheet is marked submitted. The change will be recorded in the journal."),
                                  self->juror_name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Keep the Stored Score"),
                                    "edit", _("_Change"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "edit",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_widget_set_name (dialog, "confirm-submitted-edit");
  g_signal_connect (dialog, "response", G_CALLBACK (confirm_response_cb), self);

  self->confirm_dialog = dialog;
  g_set_weak_pointer (&self->pending_cell, cell);
  gtk_window_present (GTK_WINDOW (dialog));
  return FALSE;
}

/* ---- saving a cell ---- */

static gboolean
commit_cell (GtkWidget  *entry,
             const char *text,
             gpointer    user_data)
{
  AwdScoreSheet *self = user_data;
  AwdStore *store = awd_context_get_store (self->context);
  SheetRow *row = row_of_cell (self, entry);
  guint column = column_of_cell (entry);
  const SheetCriterion *crit;
  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  double value = NAN;

  if (row == NULL || !self->editable || row->conflicted)
    return FALSE;
  crit = &g_array_index (self->criteria, SheetCriterion, column);

  if (*stripped != '\0' && !awd_parse_decimal (stripped, &value))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a number: enter a score such as 7 or 7,5"),
                                                  stripped);
      mark_cell (entry, message);
      show_message (self, message);
      return FALSE;
    }
  /* Nothing to store: an empty cell left empty. */
  if (isnan (value) && isnan (row->stored[column]))
    {
      mark_cell (entry, NULL);
      show_message (self, NULL);
      return TRUE;
    }
  if (!confirm_edit (self, entry))
    return FALSE;

  if (isnan (value))
    awd_store_clear_score (store, self->juror_id, row->nomination_id, crit->id, &error);
  else
    awd_store_set_score (store, self->juror_id, row->nomination_id, crit->id, value, &error);

  if (error != NULL)
    {
      mark_cell (entry, error->message);
      show_message (self, error->message);
      return FALSE;
    }

  row->stored[column] = value;
  mark_cell (entry, NULL);
  show_message (self, NULL);
  update_total (self, row);
  g_signal_emit (self, signals[SCORE_SAVED], 0, row->nomination_id);
  return TRUE;
}

/* ---- moving around ---- */

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

static void
ensure_built (AwdScoreSheet *self,
              SheetRow      *row);

static void
focus_row_cell (AwdScoreSheet *self,
                SheetRow      *row,
                guint          column)
{
  ensure_built (self, row);
  gtk_widget_grab_focus (row->cells[column]);
}

static gboolean
cell_key_pressed_cb (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     AwdScoreSheet         *self)
{
  GtkWidget *cell = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  SheetRow *row = row_of_cell (self, cell);
  guint column = column_of_cell (cell);
  int position, length, start, end;
  SheetRow *target;

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
        focus_row_cell (self, target, column);
      return TRUE;

    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      /* At the start of the text (or with all of it selected): the previous criterion. */
      if ((position == 0 || (start == 0 && end == length)) && column > 0)
        {
          focus_row_cell (self, row, column - 1);
          return TRUE;
        }
      return FALSE;

    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      if ((position == length || (start == 0 && end == length)) && column + 1 < self->criteria->len)
        {
          focus_row_cell (self, row, column + 1);
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
  SheetRow *row = row_of_cell (self, GTK_WIDGET (entry));
  SheetRow *target;

  if (row == NULL || gtk_widget_has_css_class (GTK_WIDGET (entry), "error") || self->confirm_dialog != NULL)
    return;
  target = neighbour_row (self, row, 1);
  if (target != NULL)
    focus_row_cell (self, target, column_of_cell (GTK_WIDGET (entry)));
}

static void
cell_changed_cb (GtkEditable   *editable,
                 AwdScoreSheet *self)
{
  SheetRow *row = row_of_cell (self, GTK_WIDGET (editable));

  if (row != NULL)
    update_total (self, row);
}

/* ---- comments ---- */

static void
update_comment_button (SheetRow *row)
{
  gboolean has = row->comment != NULL && *row->comment != '\0';

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (row->comment_button),
                                 has ? "document-edit-symbolic" : "chat-message-new-symbolic");
  gtk_widget_set_tooltip_text (row->comment_button, has ? row->comment : _("Add a comment"));
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
      show_message (self, error->message);
      return;
    }
  g_free (row->comment);
  row->comment = *text != '\0' ? g_steal_pointer (&text) : NULL;
  update_comment_button (row);
  show_message (self, NULL);
}

/* The popover is made when first opened: a sheet of hundreds of rows
 * would otherwise carry hundreds of text views. */
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
  self->next_grid_row = 1;
}

static void
attach_category_header (AwdScoreSheet *self,
                        const char    *name)
{
  GtkWidget *label = make_label (name, 0);
  int width = COL_FIRST_CRITERION + (int) self->criteria->len + 2 + (self->show_jury ? 1 : 0);

  gtk_widget_add_css_class (label, "title-4");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 4);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_grid_attach (GTK_GRID (self->grid), label, 0, self->next_grid_row++, width, 1);
}

static void
build_row (AwdScoreSheet            *self,
           SheetRow                 *row,
           const AwdResultsSnapshot *snap)
{
  const AwdResultsNomination *nom = &g_array_index (snap->input->nominations, AwdResultsNomination,
                                                    row->snapshot_index);
  GtkGrid *grid = GTK_GRID (self->grid);
  int grid_row = self->next_grid_row++;
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
  gtk_widget_set_tooltip_text (title, conflict_text != NULL ? conflict_text : tooltip);
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
      GtkWidget *cell = gtk_entry_new ();
      g_autofree char *text = format_score (row->stored[c]);
      GtkEventController *keys;

      gtk_widget_set_name (cell, "score-cell");
      gtk_editable_set_width_chars (GTK_EDITABLE (cell), 4);
      gtk_editable_set_max_width_chars (GTK_EDITABLE (cell), 5);
      gtk_editable_set_alignment (GTK_EDITABLE (cell), 0.5);
      gtk_entry_set_input_purpose (GTK_ENTRY (cell), GTK_INPUT_PURPOSE_NUMBER);
      gtk_editable_set_text (GTK_EDITABLE (cell), text);
      g_object_set_data (G_OBJECT (cell), "awd-row", GUINT_TO_POINTER (row->index + 1));
      g_object_set_data (G_OBJECT (cell), "awd-column", GUINT_TO_POINTER (c));
      {
        const SheetCriterion *crit = &g_array_index (self->criteria, SheetCriterion, c);
        /* Translators: the accessible name of a score cell: ref, criterion */
        g_autofree char *label = g_strdup_printf (_("%s, %s"), nom->ref, crit->name);
        gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      }

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
          awd_entry_watch_commit (cell, FALSE, commit_cell, self);
          g_signal_connect (cell, "activate", G_CALLBACK (cell_activated_cb), self);
          g_signal_connect (cell, "changed", G_CALLBACK (cell_changed_cb), self);
          keys = gtk_event_controller_key_new ();
          gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
          g_signal_connect (keys, "key-pressed", G_CALLBACK (cell_key_pressed_cb), self);
          gtk_widget_add_controller (cell, keys);
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
  row->built = TRUE;
  update_total (self, row);

  if (self->show_jury)
    {
      double jury = self->jury_scores[row->index];
      g_autofree char *text = isnan (jury) ? g_strdup ("—") : g_strdup_printf ("%.2f", jury);
      GtkWidget *label = make_label (text, 0.5);

      gtk_widget_add_css_class (label, "numeric");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (grid, label, COL_FIRST_CRITERION + (int) n + 1, grid_row, 1, 1);
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

/* The snapshot (names, titles) is kept only while rows are being built. */
static AwdResultsSnapshot *
sheet_snapshot (AwdScoreSheet *self)
{
  return g_object_get_data (G_OBJECT (self), "awd-snapshot");
}

static void
build_rows (AwdScoreSheet *self,
            guint          count)
{
  AwdResultsSnapshot *snap = sheet_snapshot (self);

  for (guint i = 0; i < count && self->next_row_to_build < self->rows->len; i++)
    {
      SheetRow *row = g_ptr_array_index (self->rows, self->next_row_to_build++);

      if (row->category != self->last_category)
        {
          const AwdResultsCategory *cat = row->category >= 0
            ? &g_array_index (snap->input->categories, AwdResultsCategory, row->category) : NULL;

          self->last_category = row->category;
          if (cat != NULL)
            attach_category_header (self, cat->name);
        }
      build_row (self, row, snap);
    }
  if (self->next_row_to_build >= self->rows->len)
    g_object_set_data (G_OBJECT (self), "awd-snapshot", NULL);
}

static gboolean
build_chunk_cb (gpointer data)
{
  AwdScoreSheet *self = data;

  build_rows (self, CHUNK_ROWS);
  if (self->next_row_to_build < self->rows->len)
    return G_SOURCE_CONTINUE;
  self->build_idle_id = 0;
  return G_SOURCE_REMOVE;
}

static void
ensure_built (AwdScoreSheet *self,
              SheetRow      *row)
{
  if (!row->built)
    build_rows (self, row->index + 1 - self->next_row_to_build);
}

static void
clear_sheet (AwdScoreSheet *self)
{
  GtkWidget *child;

  g_clear_handle_id (&self->build_idle_id, g_source_remove);
  while ((child = gtk_widget_get_first_child (self->grid)) != NULL)
    gtk_grid_remove (GTK_GRID (self->grid), child);
  g_ptr_array_set_size (self->rows, 0);
  g_array_set_size (self->criteria, 0);
  g_hash_table_remove_all (self->row_by_nomination);
  g_clear_pointer (&self->jury_scores, g_free);
  g_clear_pointer (&self->juror_name, g_free);
  g_object_set_data (G_OBJECT (self), "awd-snapshot", NULL);
  self->next_row_to_build = 0;
  self->last_category = -2;
  self->edit_confirmed = FALSE;
  show_message (self, NULL);
}

static int
find_index (GArray *ids,
            gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return (int) i;
  return -1;
}

static gboolean
is_jury_category (const AwdResultsInput *in,
                  int                    category)
{
  if (category < 0)
    return in->categories->len == 0;
  return g_array_index (in->categories, AwdResultsCategory, category).kind == AWD_CATEGORY_KIND_JURY;
}

/* Rows in category order, then ref order within a category. */
static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const SheetRow *ra = *(SheetRow * const *) a;
  const SheetRow *rb = *(SheetRow * const *) b;

  if (ra->category != rb->category)
    return ra->category < rb->category ? -1 : 1;
  return ra->snapshot_index < rb->snapshot_index ? -1 : ra->snapshot_index > rb->snapshot_index;
}

static void
load_sheet (AwdScoreSheet *self,
            gint64         juror_id)
{
  AwdStore *store = awd_context_get_store (self->context);
  AwdRound *round = awd_context_get_round (self->context);
  g_autoptr(AwdResultsSnapshot) snap = NULL;
  g_autoptr(GArray) conflicts = NULL;
  g_autoptr(GArray) comments = NULL;
  g_autoptr(GError) error = NULL;
  const AwdResultsInput *in;
  g_autoptr(GListModel) jurors = NULL;
  int juror;
  gboolean final, blind;

  clear_sheet (self);
  self->juror_id = juror_id;
  if (round == NULL || juror_id <= 0)
    {
      gtk_widget_set_visible (self->empty_label, TRUE);
      gtk_widget_set_visible (self->scroller, FALSE);
      return;
    }

  self->round_id = awd_round_get_id (round);
  snap = awd_store_load_results (store, self->round_id, &error);
  if (snap == NULL ||
      (conflicts = awd_store_list_conflicts (store, self->round_id, &error)) == NULL ||
      (comments = awd_store_list_comments (store, self->round_id, &error)) == NULL ||
      (jurors = awd_store_list_jurors (store, self->round_id, &error)) == NULL)
    {
      g_warning ("Cannot load the score sheet: %s", error->message);
      show_message (self, error->message);
      return;
    }
  in = snap->input;
  juror = find_index (snap->juror_ids, juror_id);
  if (juror < 0)
    {
      self->juror_id = 0;
      gtk_widget_set_visible (self->empty_label, TRUE);
      gtk_widget_set_visible (self->scroller, FALSE);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (jurors); i++)
    {
      g_autoptr(AwdJuror) j = g_list_model_get_item (jurors, i);
      if (awd_juror_get_id (j) == juror_id)
        {
          self->submitted = awd_juror_get_submitted (j);
          self->juror_name = g_strdup (awd_juror_get_name (j));
          self->editable = !awd_juror_get_withdrawn (j);
        }
    }

  final = awd_round_get_status (round) == AWD_ROUND_STATUS_FINAL;
  blind = g_settings_get_boolean (awd_context_get_settings (self->context), "blind-mode");
  self->show_jury = final || !blind;
  self->editable = self->editable && !final && !awd_context_is_read_only (self->context);
  self->scale_min = in->scale_min;
  self->scale_max = in->scale_max;
  self->scale_step = in->scale_step;

  for (guint c = 0; c < in->criteria->len; c++)
    {
      const AwdResultsCriterion *rc = &g_array_index (in->criteria, AwdResultsCriterion, c);
      SheetCriterion crit = { g_array_index (snap->criterion_ids, gint64, c), rc->weight, g_strdup (rc->name) };

      g_array_append_val (self->criteria, crit);
    }

  for (guint n = 0; n < in->nominations->len; n++)
    {
      const AwdResultsNomination *nom = &g_array_index (in->nominations, AwdResultsNomination, n);
      SheetRow *row;

      if (nom->status != AWD_NOMINATION_STATUS_ELIGIBLE || !is_jury_category (in, nom->category))
        continue;
      row = g_new0 (SheetRow, 1);
      row->nomination_id = g_array_index (snap->nomination_ids, gint64, n);
      row->snapshot_index = n;
      row->category = nom->category;
      row->stored = g_new (double, MAX (in->criteria->len, 1));
      for (guint c = 0; c < in->criteria->len; c++)
        row->stored[c] = NAN;
      row->cells = g_new0 (GtkWidget *, MAX (in->criteria->len, 1));
      g_ptr_array_add (self->rows, row);
    }
  g_ptr_array_sort (self->rows, compare_rows);
  for (guint i = 0; i < self->rows->len; i++)
    {
      SheetRow *row = g_ptr_array_index (self->rows, i);
      row->index = i;
      g_hash_table_insert (self->row_by_nomination, &row->nomination_id, row);
    }

  for (guint s = 0; s < in->scores->len; s++)
    {
      const AwdResultsScore *score = &g_array_index (in->scores, AwdResultsScore, s);
      gint64 nomination_id;
      SheetRow *row;

      if ((int) score->juror != juror)
        continue;
      nomination_id = g_array_index (snap->nomination_ids, gint64, score->nomination);
      row = g_hash_table_lookup (self->row_by_nomination, &nomination_id);
      if (row != NULL)
        row->stored[score->criterion] = score->value;
    }
  for (guint i = 0; i < conflicts->len; i++)
    {
      const AwdConflictRow *c = &g_array_index (conflicts, AwdConflictRow, i);
      SheetRow *row;

      if (c->juror_id != juror_id)
        continue;
      row = g_hash_table_lookup (self->row_by_nomination, &c->nomination_id);
      if (row != NULL)
        {
          row->conflicted = TRUE;
          row->conflict_reason = g_strdup (c->reason);
        }
    }
  for (guint i = 0; i < comments->len; i++)
    {
      const AwdCommentRow *c = &g_array_index (comments, AwdCommentRow, i);
      SheetRow *row;

      if (c->juror_id != juror_id)
        continue;
      row = g_hash_table_lookup (self->row_by_nomination, &c->nomination_id);
      if (row != NULL)
        row->comment = g_strdup (c->text);
    }

  if (self->show_jury)
    {
      g_autoptr(AwdResults) res = awd_results_compute (in, in->method, NULL);

      self->jury_scores = g_new (double, MAX (self->rows->len, 1));
      for (guint i = 0; i < self->rows->len; i++)
        {
          SheetRow *row = g_ptr_array_index (self->rows, i);
          const AwdResultEntry *entry = res != NULL ? awd_results_lookup (res, row->snapshot_index) : NULL;

          self->jury_scores[i] = entry != NULL && entry->has_score ? entry->score : NAN;
        }
    }

  gtk_widget_set_visible (self->empty_label, self->rows->len == 0 || self->criteria->len == 0);
  gtk_widget_set_visible (self->scroller, self->rows->len > 0 && self->criteria->len > 0);
  if (self->rows->len == 0 || self->criteria->len == 0)
    return;

  g_object_set_data_full (G_OBJECT (self), "awd-snapshot", g_steal_pointer (&snap),
                          (GDestroyNotify) awd_results_snapshot_free);
  attach_header (self);
  build_rows (self, FIRST_CHUNK_ROWS);
  if (self->next_row_to_build < self->rows->len)
    self->build_idle_id = g_idle_add_full (G_PRIORITY_LOW, build_chunk_cb, self, NULL);
}

/* The cell being edited, if it belongs to this sheet. */
static GtkWidget *
focused_cell (AwdScoreSheet *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *entry = focus != NULL ? gtk_widget_get_ancestor (focus, GTK_TYPE_ENTRY) : NULL;

  if (entry != NULL && gtk_widget_is_ancestor (entry, self->grid) &&
      g_strcmp0 (gtk_widget_get_name (entry), "score-cell") == 0)
    return entry;
  return NULL;
}

static gboolean
window_close_request_cb (GtkWindow     *window,
                         AwdScoreSheet *self)
{
  awd_score_sheet_commit_pending (self);
  return FALSE;
}

static void
awd_score_sheet_root (GtkWidget *widget)
{
  AwdScoreSheet *self = AWD_SCORE_SHEET (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (awd_score_sheet_parent_class)->root (widget);

  /* Closing the window mid-cell must not lose what was typed. */
  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    {
      self->close_window = GTK_WIDGET (root);
      self->close_handler = g_signal_connect (root, "close-request",
                                              G_CALLBACK (window_close_request_cb), self);
    }
}

static void
awd_score_sheet_unroot (GtkWidget *widget)
{
  AwdScoreSheet *self = AWD_SCORE_SHEET (widget);

  if (self->close_window != NULL)
    g_clear_signal_handler (&self->close_handler, self->close_window);
  self->close_window = NULL;

  GTK_WIDGET_CLASS (awd_score_sheet_parent_class)->unroot (widget);
}

static void
settings_blind_changed_cb (GSettings     *settings,
                           const char    *key,
                           AwdScoreSheet *self)
{
  if (self->juror_id > 0)
    load_sheet (self, self->juror_id);
}

static void
awd_score_sheet_constructed (GObject *object)
{
  AwdScoreSheet *self = AWD_SCORE_SHEET (object);

  G_OBJECT_CLASS (awd_score_sheet_parent_class)->constructed (object);

  g_signal_connect_object (awd_context_get_settings (self->context), "changed::blind-mode",
                           G_CALLBACK (settings_blind_changed_cb), self, 0);
}

static void
awd_score_sheet_dispose (GObject *object)
{
  AwdScoreSheet *self = AWD_SCORE_SHEET (object);

  g_clear_handle_id (&self->build_idle_id, g_source_remove);
  g_clear_weak_pointer (&self->pending_cell);
  if (self->confirm_dialog != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->confirm_dialog, self);
      gtk_window_destroy (GTK_WINDOW (self->confirm_dialog));
      self->confirm_dialog = NULL;
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), AWD_TYPE_SCORE_SHEET);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (awd_score_sheet_parent_class)->dispose (object);
}

static void
awd_score_sheet_finalize (GObject *object)
{
  AwdScoreSheet *self = AWD_SCORE_SHEET (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->criteria, g_array_unref);
  g_clear_pointer (&self->row_by_nomination, g_hash_table_unref);
  g_clear_pointer (&self->jury_scores, g_free);
  g_clear_pointer (&self->juror_name, g_free);

  G_OBJECT_CLASS (awd_score_sheet_parent_class)->finalize (object);
}

static void
awd_score_sheet_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AwdScoreSheet *self = AWD_SCORE_SHEET (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awd_score_sheet_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AwdScoreSheet *self = AWD_SCORE_SHEET (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awd_score_sheet_class_init (AwdScoreSheetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = awd_score_sheet_constructed;
  object_class->dispose = awd_score_sheet_dispose;
  object_class->finalize = awd_score_sheet_finalize;
  object_class->get_property = awd_score_sheet_get_property;
  object_class->set_property = awd_score_sheet_set_property;
  widget_class->root = awd_score_sheet_root;
  widget_class->unroot = awd_score_sheet_unroot;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, AWD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AwdScoreSheet::score-saved:
   * @nomination_id: the nomination whose score was stored or cleared
   *
   * A cell was saved; the page tells the other pages (progress, results).
   */
  signals[SCORE_SAVED] =
    g_signal_new ("score-saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/ru/libfl/AwardDesk/awd-score-sheet.ui");
  gtk_widget_class_bind_template_child (widget_class, AwdScoreSheet, message_label);
  gtk_widget_class_bind_template_child (widget_class, AwdScoreSheet, empty_label);
  gtk_widget_class_bind_template_child (widget_class, AwdScoreSheet, scroller);
  gtk_widget_class_bind_template_child (widget_class, AwdScoreSheet, grid);
}

static void
awd_score_sheet_init (AwdScoreSheet *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->criteria = g_array_new (FALSE, TRUE, sizeof (SheetCriterion));
  g_array_set_clear_func (self->criteria, clear_criterion);
  self->rows = g_ptr_array_new_with_free_func (free_row);
  self->row_by_nomination = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->last_category = -2;
}

GtkWidget *
awd_score_sheet_new (AwdContext *context)
{
  g_return_val_if_fail (AWD_IS_CONTEXT (context), NULL);

  return g_object_new (AWD_TYPE_SCORE_SHEET, "context", context, NULL);
}

void
awd_score_sheet_load (AwdScoreSheet *self,
                      gint64         juror_id)
{
  g_return_if_fail (AWD_IS_SCORE_SHEET (self));

  load_sheet (self, juror_id);
}

gint64
awd_score_sheet_get_juror (AwdScoreSheet *self)
{
  g_return_val_if_fail (AWD_IS_SCORE_SHEET (self), 0);

  return self->juror_id;
}

void
awd_score_sheet_finish_building (AwdScoreSheet *self)
{
  g_return_if_fail (AWD_IS_SCORE_SHEET (self));

  build_rows (self, G_MAXUINT);
  g_clear_handle_id (&self->build_idle_id, g_source_remove);
}

gboolean
awd_score_sheet_focus_cell (AwdScoreSheet *self,
                            gint64         nomination_id,
                            gint64         criterion_id)
{
  SheetRow *row;
  guint column = 0;

  g_return_val_if_fail (AWD_IS_SCORE_SHEET (self), FALSE);

  row = g_hash_table_lookup (self->row_by_nomination, &nomination_id);
  if (row == NULL || row->conflicted || self->criteria->len == 0)
    return FALSE;

  if (criterion_id > 0)
    {
      for (guint c = 0; c < self->criteria->len; c++)
        if (g_array_index (self->criteria, SheetCriterion, c).id == criterion_id)
          column = c;
    }
  else
    {
      for (guint c = self->criteria->len; c-- > 0;)
        if (isnan (row->stored[c]))
          column = c;
    }
  focus_row_cell (self, row, column);
  return TRUE;
}

void
awd_score_sheet_commit_pending (AwdScoreSheet *self)
{
  GtkWidget *cell;

  g_return_if_fail (AWD_IS_SCORE_SHEET (self));

  cell = focused_cell (self);
  if (cell != NULL)
    awd_entry_commit_now (cell);
}

guint
awd_score_sheet_get_n_rows (AwdScoreSheet *self)
{
  g_return_val_if_fail (AWD_IS_SCORE_SHEET (self), 0);

  return self->rows->len;
}
