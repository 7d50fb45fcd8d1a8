/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-nominations-page"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "awd-date-entry.h"
#include "awd-nominations-page-private.h"
#include "awd-store-nomination-rows.h"

G_DEFINE_FINAL_TYPE (AwdNominationsPage, awd_nominations_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What a column shows. */
typedef enum {
  CELL_REF,
  CELL_TITLE,
  CELL_INSTITUTION,
  CELL_PLACE,
  CELL_CATEGORY,
  CELL_STATUS,
  CELL_RECEIVED,
} CellKind;

/* Cells ---------------------------------------------------------------- */

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  data)
{
  CellKind kind = GPOINTER_TO_INT (data);
  AwdNominationRow *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *date = NULL;
  const char *text = "";

  switch (kind)
    {
    case CELL_REF:
      text = awd_nomination_row_get_ref (row);
      break;
    case CELL_TITLE:
      text = awd_nomination_row_get_title (row);
      break;
    case CELL_INSTITUTION:
      text = awd_nomination_row_get_institution (row);
      break;
    case CELL_PLACE:
      text = awd_nomination_row_get_place (row);
      break;
    case CELL_CATEGORY:
      text = awd_nomination_row_get_category_name (row);
      break;
    case CELL_STATUS:
      text = awd_nomination_status_label (awd_nomination_row_get_status (row));
      if (awd_nomination_row_get_status (row) == AWD_NOMINATION_STATUS_INELIGIBLE ||
          awd_nomination_row_get_status (row) == AWD_NOMINATION_STATUS_WITHDRAWN)
        gtk_widget_add_css_class (label, "dim-label");
      else
        gtk_widget_remove_css_class (label, "dim-label");
      break;
    case CELL_RECEIVED:
      date = awd_date_format_display (awd_nomination_row_get_received (row));
      text = date;
      break;
    default:
      g_assert_not_reached ();
    }
  gtk_label_set_text (GTK_LABEL (label), text);
  /* Long titles are cut: the whole text on hover. */
  if (kind == CELL_TITLE || kind == CELL_INSTITUTION)
    gtk_widget_set_tooltip_text (label, text);
}

/* Sorting -------------------------------------------------------------- */

static int
compare_rows_cb (gconstpointer a,
                 gconstpointer b,
                 gpointer      data)
{
  CellKind kind = GPOINTER_TO_INT (data);
  AwdNominationRow *x = (AwdNominationRow *) a;
  AwdNominationRow *y = (AwdNominationRow *) b;
  AwdNominationRowKey key;
  int result;

  switch (kind)
    {
    case CELL_STATUS:
      result = awd_nomination_row_get_status (x) - awd_nomination_row_get_status (y);
      break;
    case CELL_RECEIVED:
      /* ISO dates sort as text; the undated last. */
      if (*awd_nomination_row_get_received (x) == '\0' || *awd_nomination_row_get_received (y) == '\0')
        result = (*awd_nomination_row_get_received (x) == '\0') - (*awd_nomination_row_get_received (y) == '\0');
      else
        result = strcmp (awd_nomination_row_get_received (x), awd_nomination_row_get_received (y));
      break;
    default:
      key = kind == CELL_REF ? AWD_NOMINATION_ROW_KEY_REF
          : kind == CELL_TITLE ? AWD_NOMINATION_ROW_KEY_TITLE
          : kind == CELL_INSTITUTION ? AWD_NOMINATION_ROW_KEY_INSTITUTION
          : kind == CELL_PLACE ? AWD_NOMINATION_ROW_KEY_PLACE
          : AWD_NOMINATION_ROW_KEY_CATEGORY;
      result = strcmp (awd_nomination_row_get_collate_key (x, key),
                       awd_nomination_row_get_collate_key (y, key));
      break;
    }
  if (result == 0)
    result = strcmp (awd_nomination_row_get_collate_key (x, AWD_NOMINATION_ROW_KEY_REF),
                     awd_nomination_row_get_collate_key (y, AWD_NOMINATION_ROW_KEY_REF));
  return result < 0 ? GTK_ORDERING_SMALLER : result > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static void
set_up_column (GtkColumnViewColumn *column,
               CellKind             kind)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkSorter) sorter = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (kind));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (kind));
  gtk_column_view_column_set_factory (column, factory);

  sorter = GTK_SORTER (gtk_custom_sorter_new (compare_rows_cb, GINT_TO_POINTER (kind), NULL));
  gtk_column_view_column_set_sorter (column, sorter);
}

/* Filtering ------------------------------------------------------------ */

static gboolean
filter_row_cb (gpointer item,
               gpointer data)
{
  AwdNominationsPage *self = data;
  AwdNominationRow *row = item;
  guint category = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->category_dropdown));
  guint status = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->status_dropdown));

  if (self->pending_delete != NULL && row == self->pending_delete)
    return FALSE;
  if (self->matches != NULL && !gtk_bitset_contains (self->matches, (guint) awd_nomination_row_get_id (row)))
    return FALSE;
  if (category != GTK_INVALID_LIST_POSITION && category > 0 && self->category_ids != NULL &&
      category < self->category_ids->len &&
      awd_nomination_row_get_category_id (row) != g_array_index (self->category_ids, gint64, category))
    return FALSE;
  if (status != GTK_INVALID_LIST_POSITION && status > 0 &&
      awd_nomination_row_get_status (row) != (int) status - 1)
    return FALSE;
  return TRUE;
}

static void
update_state (AwdNominationsPage *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->rows)) - (self->pending_delete != NULL);
  g_autofree char *count = NULL;

  if (self->round_id <= 0)
    gtk_stack_set_visible_child_name (GTK_STACK (self->list_stack), "empty");
  else if (total == 0)
    gtk_stack_set_visible_child_name (GTK_STACK (self->list_stack), "empty");
  else if (shown == 0)
    gtk_stack_set_visible_child_name (GTK_STACK (self->list_stack), "no-match");
  else
    gtk_stack_set_visible_child_name (GTK_STACK (self->list_stack), "list");

  if (shown == total)
    /* Translators: under the list of nominations */
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u nomination", "%u nominations", total), total);
  else
    /* Translators: under the list of nominations, when a search or a filter hides some */
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u nomination shown",
                                          "%u of %u nominations shown", total), shown, total);
  gtk_label_set_text (GTK_LABEL (self->count_label), count);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "nominations.delete",
                                 self->editable && shown > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "nominations.open", shown > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "nominations.export", shown > 0);
}

void
awd_nominations_page_refilter (AwdNominationsPage *self,
                               GtkFilterChange     change)
{
  gtk_filter_changed (self->filter, change);
  update_state (self);
}

static void
filter_items_changed_cb (GListModel         *model,
                         guint               position,
                         guint               removed,
                         guint               added,
                         AwdNominationsPage *self)
{
  update_state (self);
}

/* Runs the search in the store's FTS5 index (folded: case, ё/е) and keeps
 * the matching ids; the filter then shows only those. */
void
awd_nominations_page_run_search (AwdNominationsPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  GtkBitset *before = self->matches;

  if (self->round_id > 0)
    ids = awd_store_search_nomination_ids (awd_context_get_store (self->context),
                                           self->round_id, text, &error);
  if (error != NULL)
    {
      g_warning ("Search failed: %s", error->message);
      return;
    }

  if (ids == NULL)
    self->matches = NULL;
  else
    {
      self->matches = gtk_bitset_new_empty ();
      for (guint i = 0; i < ids->len; i++)
        gtk_bitset_add (self->matches, (guint) g_array_index (ids, gint64, i));
    }

  if (before == NULL && self->matches == NULL)
    return;
  awd_nominations_page_refilter (self, before == NULL ? GTK_FILTER_CHANGE_MORE_STRICT
                  : self->matches == NULL ? GTK_FILTER_CHANGE_LESS_STRICT
                  : GTK_FILTER_CHANGE_DIFFERENT);
  g_clear_pointer (&before, gtk_bitset_unref);
}

static void
search_changed_cb (GtkSearchEntry     *entry,
                   AwdNominationsPage *self)
{
  awd_nominations_page_run_search (self);
}

static void
search_stopped_cb (GtkSearchEntry     *entry,
                   AwdNominationsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_widget_grab_focus (self->column_view);
}

/* Enter in the search moves to the list, on the first match. */
static void
search_activated_cb (GtkSearchEntry     *entry,
                     AwdNominationsPage *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) > 0)
    {
      gtk_single_selection_set_selected (self->selection, 0);
      gtk_widget_grab_focus (self->column_view);
    }
}

static void
dropdown_selected_cb (GtkDropDown        *dropdown,
                      GParamSpec         *pspec,
                      AwdNominationsPage *self)
{
  awd_nominations_page_refilter (self, GTK_FILTER_CHANGE_DIFFERENT);
}

/* Loading -------------------------------------------------------------- */

static void
fill_category_filter (AwdNominationsPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 none = 0;

  g_array_set_size (self->category_ids, 0);
  g_array_append_val (self->category_ids, none);
  gtk_string_list_append (names, _("All categories"));
  for (guint i = 0; self->categories != NULL && i < g_list_model_get_n_items (self->categories); i++)
    {
      g_autoptr(AwdCategory) category = g_list_model_get_item (self->categories, i);
      gint64 id = awd_category_get_id (category);

      g_array_append_val (self->category_ids, id);
      gtk_string_list_append (names, awd_category_get_name (category));
    }
  g_signal_handlers_block_by_func (self->category_dropdown, dropdown_selected_cb, self);
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->category_dropdown), G_LIST_MODEL (names));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->category_dropdown), 0);
  g_signal_handlers_unblock_by_func (self->category_dropdown, dropdown_selected_cb, self);
  gtk_widget_set_visible (self->category_dropdown, self->category_ids->len > 1);
  gtk_column_view_column_set_visible (self->category_column, self->category_ids->len > 1);
}

static void
update_editable (AwdNominationsPage *self)
{
  AwdRound *round = awd_context_get_round (self->context);
  gboolean final = round != NULL && awd_round_get_status (round) == AWD_ROUND_STATUS_FINAL;
  gboolean read_only = awd_context_is_read_only (self->context);

  self->editable = round != NULL && !final && !read_only;
  gtk_widget_set_visible (self->final_strip, round != NULL && (final || read_only));
  gtk_label_set_text (GTK_LABEL (self->final_strip),
                      final ? _("This season is final: its nominations can no longer change.")
                            : _("The database is open read-only: nominations can be viewed, not changed."));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "nominations.new", self->editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "nominations.import", self->editable);
}

void
awd_nominations_page_reload (AwdNominationsPage *self)
{
  AwdRound *round;
  AwdStore *store;
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;

  g_return_if_fail (AWD_IS_NOMINATIONS_PAGE (self));

  awd_nominations_page_flush_pending_delete (self);
  round = awd_context_get_round (self->context);
  store = awd_context_get_store (self->context);
  self->round_id = round != NULL ? awd_round_get_id (round) : 0;
  update_editable (self);

  g_clear_object (&self->categories);
  if (round != NULL)
    {
      self->categories = awd_store_list_categories (store, self->round_id, &error);
      if (self->categories == NULL)
        {
          g_warning ("Cannot list categories: %s", error->message);
          g_clear_error (&error);
        }
      rows = awd_store_list_nomination_rows (store, self->round_id, &error);
      if (rows == NULL)
        g_warning ("Cannot list nominations: %s", error->message);
    }
  fill_category_filter (self);

  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; rows != NULL && i < g_list_model_get_n_items (rows); i++)
    g_ptr_array_add (items, g_list_model_get_item (rows, i));
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       items->pdata, items->len);
  awd_nominations_page_run_search (self);
  update_state (self);
}

/* Context -------------------------------------------------------------- */

static void
context_round_changed_cb (AwdContext         *context,
                          GParamSpec         *pspec,
                          AwdNominationsPage *self)
{
  AwdRound *round = awd_context_get_round (context);

  /* The same round saved again (a renamed title): no need to list again. */
  if (round != NULL && awd_round_get_id (round) == self->round_id)
    {
      update_editable (self);
      update_state (self);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  awd_nominations_page_reload (self);
}

static void
context_data_changed_cb (AwdContext         *context,
                         const char         *what,
                         AwdNominationsPage *self)
{
  if (self->notifying)
    return;
  /* Categories are named in the rows; other pages may import. */
  if (g_strcmp0 (what, "nominations") == 0 || g_strcmp0 (what, "setup") == 0)
    awd_nominations_page_reload (self);
}

static void
context_show_requested_cb (AwdContext         *context,
                           const char         *page,
                           GVariant           *target,
                           AwdNominationsPage *self)
{
  if (g_strcmp0 (page, "nominations") != 0 || target == NULL)
    return;
  if (g_variant_is_of_type (target, G_VARIANT_TYPE_INT64))
    awd_nominations_page_select (self, g_variant_get_int64 (target));
  else if (g_variant_is_of_type (target, G_VARIANT_TYPE ("(xx)")))
    {
      gint64 juror, nomination;
      g_variant_get (target, "(xx)", &juror, &nomination);
      awd_nominations_page_select (self, nomination);
    }
}

/* GObject -------------------------------------------------------------- */

static void
awd_nominations_page_constructed (GObject *object)
{
  AwdNominationsPage *self = AWD_NOMINATIONS_PAGE (object);

  G_OBJECT_CLASS (awd_nominations_page_parent_class)->constructed (object);

  g_signal_connect_object (self->context, "notify::round",
                           G_CALLBACK (context_round_changed_cb), self, 0);
  g_signal_connect_object (self->context, "data-changed",
                           G_CALLBACK (context_data_changed_cb), self, 0);
  g_signal_connect_object (self->context, "show-requested",
                           G_CALLBACK (context_show_requested_cb), self, 0);
  awd_nominations_page_reload (self);
}

static void
awd_nominations_page_dispose (GObject *object)
{
  AwdNominationsPage *self = AWD_NOMINATIONS_PAGE (object);

  /* Nothing waits for a toast that will not come. */
  if (self->context != NULL)
    awd_nominations_page_flush_pending_delete (self);
  if (self->editor != NULL)
    gtk_window_destroy (GTK_WINDOW (self->editor));
  g_clear_weak_pointer (&self->editor);
  g_clear_weak_pointer (&self->pending_toast);

  gtk_widget_dispose_template (GTK_WIDGET (self), AWD_TYPE_NOMINATIONS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->rows);
  g_clear_object (&self->categories);
  g_clear_pointer (&self->matches, gtk_bitset_unref);
  g_clear_pointer (&self->category_ids, g_array_unref);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (awd_nominations_page_parent_class)->dispose (object);
}

static void
awd_nominations_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AwdNominationsPage *self = AWD_NOMINATIONS_PAGE (object);

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
awd_nominations_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  AwdNominationsPage *self = AWD_NOMINATIONS_PAGE (object);

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
awd_nominations_page_class_init (AwdNominationsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = awd_nominations_page_constructed;
  object_class->dispose = awd_nominations_page_dispose;
  object_class->get_property = awd_nominations_page_get_property;
  object_class->set_property = awd_nominations_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, AWD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/ru/libfl/AwardDesk/awd-nominations-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AwdNominationsPage, final_strip);
  gtk_widget_class_bind_template_child (widget_class, AwdNominationsPage, toolbar);
  gtk_widget_class_bind_template_child (widget_class, AwdNominationsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AwdNominationsPage, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AwdNominationsPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AwdNominationsPage, new_button);
  gtk_widget_class_bind_template_child (widget_class, AwdNominationsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, AwdNominationsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, AwdNominationsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, AwdNominationsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, AwdNominationsPage, ref_column);
  gtk_widget_class_bind_template_child (widget_class, AwdNominationsPage, title_column);
  gtk_widget_class_bind_template_child (widget_class, AwdNominationsPage, institution_column);
  gtk_widget_class_bind_template_child (widget_class, AwdNominationsPage, place_column);
  gtk_widget_class_bind_template_child (widget_class, AwdNominationsPage, category_column);
  gtk_widget_class_bind_template_child (widget_class, AwdNominationsPage, status_column);
  gtk_widget_class_bind_template_child (widget_class, AwdNominationsPage, received_column);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stopped_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activated_cb);

  awd_nominations_page_install_actions (widget_class);
}

static void
awd_nominations_page_init (AwdNominationsPage *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  GtkSorter *sorter;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->category_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_string_list_append (statuses, _("All statuses"));
  for (AwdNominationStatus s = AWD_NOMINATION_STATUS_RECEIVED; s <= AWD_NOMINATION_STATUS_WITHDRAWN; s++)
    gtk_string_list_append (statuses, awd_nomination_status_label (s));
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->status_dropdown), G_LIST_MODEL (statuses));
  g_signal_connect (self->status_dropdown, "notify::selected", G_CALLBACK (dropdown_selected_cb), self);
  g_signal_connect (self->category_dropdown, "notify::selected", G_CALLBACK (dropdown_selected_cb), self);

  set_up_column (self->ref_column, CELL_REF);
  set_up_column (self->title_column, CELL_TITLE);
  set_up_column (self->institution_column, CELL_INSTITUTION);
  set_up_column (self->place_column, CELL_PLACE);
  set_up_column (self->category_column, CELL_CATEGORY);
  set_up_column (self->status_column, CELL_STATUS);
  set_up_column (self->received_column, CELL_RECEIVED);

  self->rows = g_list_store_new (AWD_TYPE_NOMINATION_ROW);
  sorter = gtk_column_view_get_sorter (GTK_COLUMN_VIEW (self->column_view));
  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->rows)),
                                              g_object_ref (sorter));
  self->filter = GTK_FILTER (gtk_custom_filter_new (filter_row_cb, self, NULL));
  self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->sort_model)),
                                                  g_object_ref (self->filter));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filter_model)));
  /* Measured at 100,000 (bench-nominations): a keystroke's first matches
   * show in p95 36 ms with an incremental filter against 218 ms for the
   * whole refilter, and the first sort by a text column (collation keys,
   * ~0.5 s in Russian) no longer freezes the window. */
  gtk_sort_list_model_set_incremental (self->sort_model, TRUE);
  gtk_filter_list_model_set_incremental (self->filter_model, TRUE);
  gtk_column_view_set_model (GTK_COLUMN_VIEW (self->column_view), GTK_SELECTION_MODEL (self->selection));
  g_signal_connect (self->filter_model, "items-changed", G_CALLBACK (filter_items_changed_cb), self);

  gtk_search_entry_set_key_capture_widget (GTK_SEARCH_ENTRY (self->search_entry), self->column_view);
}

GtkWidget *
awd_nominations_page_new (AwdContext *context)
{
  g_return_val_if_fail (AWD_IS_CONTEXT (context), NULL);

  return g_object_new (AWD_TYPE_NOMINATIONS_PAGE, "context", context, NULL);
}

GListModel *
awd_nominations_page_get_model (AwdNominationsPage *self)
{
  g_return_val_if_fail (AWD_IS_NOMINATIONS_PAGE (self), NULL);

  return G_LIST_MODEL (self->filter_model);
}

/* GtkColumnView keeps the list.scroll-to-item action on its inner list view. */
static GtkWidget *
find_list_view (GtkWidget *widget)
{
  if (GTK_IS_LIST_VIEW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_list_view (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

gboolean
awd_nominations_page_select (AwdNominationsPage *self,
                             gint64              nomination_id)
{
  guint n;

  g_return_val_if_fail (AWD_IS_NOMINATIONS_PAGE (self), FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AwdNominationRow) row = g_list_model_get_item (G_LIST_MODEL (self->filter_model), i);
      if (awd_nomination_row_get_id (row) == nomination_id)
        {
          GtkWidget *list = find_list_view (self->column_view);

          gtk_single_selection_set_selected (self->selection, i);
          if (list != NULL)
            gtk_widget_activate_action (list, "list.scroll-to-item", "u", i);
          gtk_widget_grab_focus (self->column_view);
          return TRUE;
        }
    }
  return FALSE;
}

GtkWidget *
awd_nominations_page_get_editor (AwdNominationsPage *self)
{
  g_return_val_if_fail (AWD_IS_NOMINATIONS_PAGE (self), NULL);

  return self->editor;
}
