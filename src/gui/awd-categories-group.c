/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-categories-group"

#include "config.h"

#include <glib/gi18n.h>

#include "awd-categories-group.h"
#include "awd-edit-util.h"

/* The round's categories: rename in place, change the kind, delete, add.
 * Each change is saved at once through a copy of the category. */
struct _AwdCategoriesGroup
{
  AdwPreferencesGroup parent_instance;

  AwdContext *context;
  GListStore *categories;

  GtkWidget  *list;
  GtkWidget  *add_box;
  GtkWidget  *add_entry;
  GtkWidget  *add_kind;
  GtkWidget  *add_button;
  GtkWidget  *add_error;
};

G_DEFINE_FINAL_TYPE (AwdCategoriesGroup, awd_categories_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* One list cell: the widgets of a category's row and the object it shows. */
typedef struct
{
  AwdCategoriesGroup *group;
  AwdCategory        *category;
  GtkWidget          *name;
  GtkWidget          *kind;
  GtkWidget          *error;
  gboolean            loading;
} CategoryCell;

static void
free_cell (gpointer data)
{
  CategoryCell *cell = data;

  g_clear_object (&cell->category);
  g_free (cell);
}

static GtkStringList *
create_kind_model (void)
{
  GtkStringList *model = gtk_string_list_new (NULL);

  for (AwdCategoryKind k = AWD_CATEGORY_KIND_JURY; k <= AWD_CATEGORY_KIND_DIRECT; k++)
    gtk_string_list_append (model, awd_category_kind_label (k));
  return model;
}

static gboolean
is_editable (AwdCategoriesGroup *self)
{
  AwdRound *round = awd_context_get_round (self->context);

  return round != NULL && !awd_context_is_read_only (self->context) &&
         awd_round_get_status (round) != AWD_ROUND_STATUS_FINAL;
}

static gboolean
save_category (CategoryCell  *cell,
               AwdCategory   *copy,
               GtkWidget     *marked)
{
  g_autoptr(GError) error = NULL;

  if (!awd_store_save_category (awd_context_get_store (cell->group->context), copy, &error))
    {
      awd_label_set_error (cell->error, marked, error->message);
      return FALSE;
    }
  awd_label_set_error (cell->error, marked, NULL);
  return TRUE;
}

static gboolean
commit_name (GtkWidget  *entry,
             const char *text,
             gpointer    user_data)
{
  CategoryCell *cell = user_data;
  g_autoptr(AwdCategory) copy = awd_category_copy (cell->category);
  g_autofree char *name = g_strstrip (g_strdup (text));

  awd_category_set_name (copy, name);
  if (!save_category (cell, copy, entry))
    return FALSE;
  awd_category_set_name (cell->category, name);
  return TRUE;
}

static void
kind_selected_cb (GtkDropDown  *dropdown,
                  GParamSpec   *pspec,
                  CategoryCell *cell)
{
  guint selected = gtk_drop_down_get_selected (dropdown);
  g_autoptr(AwdCategory) copy = NULL;

  if (cell->loading || (int) selected == awd_category_get_kind (cell->category))
    return;

  copy = awd_category_copy (cell->category);
  awd_category_set_kind (copy, (int) selected);
  if (!save_category (cell, copy, GTK_WIDGET (dropdown)))
    {
      cell->loading = TRUE;
      gtk_drop_down_set_selected (dropdown, awd_category_get_kind (cell->category));
      cell->loading = FALSE;
      return;
    }
  awd_category_set_kind (cell->category, (int) selected);
}

static void
delete_clicked_cb (GtkButton    *button,
                   CategoryCell *cell)
{
  g_autoptr(GError) error = NULL;
  AwdCategoriesGroup *self = cell->group;

  if (!awd_store_delete_category (awd_context_get_store (self->context),
                                  awd_category_get_id (cell->category), &error))
    {
      awd_label_set_error (cell->error, NULL, error->message);
      return;
    }
  awd_categories_group_reload (self);
  gtk_widget_grab_focus (self->add_entry);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  AwdCategoriesGroup *self = user_data;
  CategoryCell *cell = g_new0 (CategoryCell, 1);
  g_autoptr(GtkStringList) kinds = create_kind_model ();
  g_autofree char *delete_label = NULL;
  GtkWidget *row, *box, *line, *remove;

  cell->group = self;
  cell->category = g_object_ref (item);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  g_object_set_data_full (G_OBJECT (row), "awd-cell", cell, free_cell);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_add_css_class (box, "awd-cell");
  line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  cell->name = gtk_entry_new ();
  gtk_widget_set_name (cell->name, "category-name");
  gtk_widget_set_hexpand (cell->name, TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (cell->name), 8);
  gtk_editable_set_text (GTK_EDITABLE (cell->name), awd_category_get_name (item));
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell->name),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Category name"), -1);
  awd_entry_watch_commit (cell->name, TRUE, commit_name, cell);

  cell->kind = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&kinds)), NULL);
  gtk_widget_set_name (cell->kind, "category-kind");
  gtk_widget_set_valign (cell->kind, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (cell->kind, _("How the category is decided"));
  cell->loading = TRUE;
  gtk_drop_down_set_selected (GTK_DROP_DOWN (cell->kind), awd_category_get_kind (item));
  cell->loading = FALSE;
  g_signal_connect (cell->kind, "notify::selected", G_CALLBACK (kind_selected_cb), cell);

  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_name (remove, "category-delete");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  delete_label = g_strdup_printf (_("Delete the category “%s”"), awd_category_get_name (item));
  gtk_widget_set_tooltip_text (remove, delete_label);
  g_signal_connect (remove, "clicked", G_CALLBACK (delete_clicked_cb), cell);

  cell->error = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (cell->error), TRUE);
  gtk_label_set_xalign (GTK_LABEL (cell->error), 0);
  gtk_widget_add_css_class (cell->error, "error");
  gtk_widget_add_css_class (cell->error, "caption");
  gtk_widget_set_visible (cell->error, FALSE);

  gtk_box_append (GTK_BOX (line), cell->name);
  gtk_box_append (GTK_BOX (line), cell->kind);
  gtk_box_append (GTK_BOX (line), remove);
  gtk_box_append (GTK_BOX (box), line);
  gtk_box_append (GTK_BOX (box), cell->error);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  gtk_widget_set_sensitive (box, is_editable (self));
  return row;
}

static void
add_activated_cb (AwdCategoriesGroup *self)
{
  AwdRound *round = awd_context_get_round (self->context);
  g_autoptr(AwdCategory) category = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  if (round == NULL)
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->add_entry))));
  category = awd_category_new ();
  awd_category_set_round_id (category, awd_round_get_id (round));
  awd_category_set_name (category, name);
  awd_category_set_kind (category, (int) gtk_drop_down_get_selected (GTK_DROP_DOWN (self->add_kind)));

  if (!awd_store_insert_category (awd_context_get_store (self->context), category, &error))
    {
      awd_label_set_error (self->add_error, self->add_entry, error->message);
      gtk_widget_grab_focus (self->add_entry);
      return;
    }

  awd_label_set_error (self->add_error, self->add_entry, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->add_entry), "");
  awd_categories_group_reload (self);
  gtk_widget_grab_focus (self->add_entry);
}

static void
awd_categories_group_constructed (GObject *object)
{
  AwdCategoriesGroup *self = AWD_CATEGORIES_GROUP (object);

  G_OBJECT_CLASS (awd_categories_group_parent_class)->constructed (object);

  gtk_list_box_bind_model (GTK_LIST_BOX (self->list), G_LIST_MODEL (self->categories),
                           create_row, self, NULL);
}

static void
awd_categories_group_dispose (GObject *object)
{
  AwdCategoriesGroup *self = AWD_CATEGORIES_GROUP (object);

  if (self->list != NULL)
    gtk_list_box_bind_model (GTK_LIST_BOX (self->list), NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), AWD_TYPE_CATEGORIES_GROUP);
  g_clear_object (&self->categories);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (awd_categories_group_parent_class)->dispose (object);
}

static void
awd_categories_group_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AwdCategoriesGroup *self = AWD_CATEGORIES_GROUP (object);

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
awd_categories_group_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  AwdCategoriesGroup *self = AWD_CATEGORIES_GROUP (object);

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
awd_categories_group_class_init (AwdCategoriesGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = awd_categories_group_constructed;
  object_class->dispose = awd_categories_group_dispose;
  object_class->get_property = awd_categories_group_get_property;
  object_class->set_property = awd_categories_group_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, AWD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/ru/libfl/AwardDesk/awd-categories-group.ui");
  gtk_widget_class_bind_template_child (widget_class, AwdCategoriesGroup, list);
  gtk_widget_class_bind_template_child (widget_class, AwdCategoriesGroup, add_box);
  gtk_widget_class_bind_template_child (widget_class, AwdCategoriesGroup, add_entry);
  gtk_widget_class_bind_template_child (widget_class, AwdCategoriesGroup, add_kind);
  gtk_widget_class_bind_template_child (widget_class, AwdCategoriesGroup, add_button);
  gtk_widget_class_bind_template_child (widget_class, AwdCategoriesGroup, add_error);
  gtk_widget_class_bind_template_callback (widget_class, add_activated_cb);
}

static void
awd_categories_group_init (AwdCategoriesGroup *self)
{
  g_autoptr(GtkStringList) kinds = create_kind_model ();
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->categories = g_list_store_new (AWD_TYPE_CATEGORY);
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->add_kind), G_LIST_MODEL (kinds));

  placeholder = gtk_label_new (_("No categories: the season is scored as one jury category"));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_add_css_class (placeholder, "awd-placeholder");
  gtk_list_box_set_placeholder (GTK_LIST_BOX (self->list), placeholder);
}

GtkWidget *
awd_categories_group_new (AwdContext *context)
{
  g_return_val_if_fail (AWD_IS_CONTEXT (context), NULL);

  return g_object_new (AWD_TYPE_CATEGORIES_GROUP, "context", context, NULL);
}

/* Lists the context round's categories again, as stored. */
void
awd_categories_group_reload (AwdCategoriesGroup *self)
{
  AwdRound *round;
  g_autoptr(GListModel) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (AWD_IS_CATEGORIES_GROUP (self));

  round = awd_context_get_round (self->context);
  if (round != NULL)
    {
      stored = awd_store_list_categories (awd_context_get_store (self->context),
                                          awd_round_get_id (round), &error);
      if (stored == NULL)
        g_warning ("Could not list the categories: %s", error->message);
    }
  for (guint i = 0; stored != NULL && i < g_list_model_get_n_items (stored); i++)
    g_ptr_array_add (items, g_list_model_get_item (stored, i));

  g_list_store_splice (self->categories, 0, g_list_model_get_n_items (G_LIST_MODEL (self->categories)),
                       items->pdata, items->len);
  gtk_widget_set_visible (self->add_box, is_editable (self));
  awd_label_set_error (self->add_error, self->add_entry, NULL);
}
