/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-criteria-group"

#include "config.h"

#include <glib/gi18n.h>

#include "awd-criteria-group.h"
#include "awd-edit-util.h"

/* The round's criteria in order: name, weight and description edited in
 * place, moved with buttons or Alt+Up / Alt+Down, deleted, added. */
struct _AwdCriteriaGroup
{
  AdwPreferencesGroup parent_instance;

  AwdContext *context;
  GListStore *criteria;

  GtkWidget  *list;
  GtkWidget  *add_box;
  GtkWidget  *add_entry;
  GtkWidget  *add_weight;
  GtkWidget  *add_button;
  GtkWidget  *add_error;
};

G_DEFINE_FINAL_TYPE (AwdCriteriaGroup, awd_criteria_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  AwdCriteriaGroup *group;
  AwdCriterion     *criterion;
  GtkWidget        *name;
  GtkWidget        *weight;
  GtkWidget        *description;
  GtkWidget        *up;
  GtkWidget        *down;
  GtkWidget        *error;
} CriterionCell;

static void
free_cell (gpointer data)
{
  CriterionCell *cell = data;

  g_clear_object (&cell->criterion);
  g_free (cell);
}

static gboolean
is_editable (AwdCriteriaGroup *self)
{
  AwdRound *round = awd_context_get_round (self->context);

  return round != NULL && !awd_context_is_read_only (self->context) &&
         awd_round_get_status (round) != AWD_ROUND_STATUS_FINAL;
}

static gboolean
save_criterion (CriterionCell *cell,
                AwdCriterion  *copy,
                GtkWidget     *marked)
{
  g_autoptr(GError) error = NULL;

  if (!awd_store_save_criterion (awd_context_get_store (cell->group->context), copy, &error))
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
  CriterionCell *cell = user_data;
  g_autoptr(AwdCriterion) copy = awd_criterion_copy (cell->criterion);
  g_autofree char *name = g_strstrip (g_strdup (text));

  awd_criterion_set_name (copy, name);
  if (!save_criterion (cell, copy, entry))
    return FALSE;
  awd_criterion_set_name (cell->criterion, name);
  return TRUE;
}

static gboolean
commit_description (GtkWidget  *entry,
                    const char *text,
                    gpointer    user_data)
{
  CriterionCell *cell = user_data;
  g_autoptr(AwdCriterion) copy = awd_criterion_copy (cell->criterion);
  g_autofree char *description = g_strstrip (g_strdup (text));

  awd_criterion_set_description (copy, description);
  if (!save_criterion (cell, copy, entry))
    return FALSE;
  awd_criterion_set_description (cell->criterion, description);
  return TRUE;
}

static gboolean
parse_weight (const char *text,
              double     *weight,
              char      **message)
{
  if (!awd_parse_decimal (text, weight))
    {
      *message = g_strdup (_("Enter the weight as a number, such as 1 or 0,5"));
      return FALSE;
    }
  if (!(*weight > 0))
    {
      *message = g_strdup (_("The weight must be a number greater than zero"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
commit_weight (GtkWidget  *entry,
               const char *text,
               gpointer    user_data)
{
  CriterionCell *cell = user_data;
  g_autoptr(AwdCriterion) copy = NULL;
  g_autofree char *message = NULL;
  double weight;

  /* Refused here, not clamped: the person's text stays for them to fix. */
  if (!parse_weight (text, &weight, &message))
    {
      awd_label_set_error (cell->error, entry, message);
      return FALSE;
    }

  copy = awd_criterion_copy (cell->criterion);
  awd_criterion_set_weight (copy, weight);
  if (!save_criterion (cell, copy, entry))
    return FALSE;
  awd_criterion_set_weight (cell->criterion, weight);
  return TRUE;
}

static void
focus_cell_widget (AwdCriteriaGroup *self,
                   guint             index,
                   const char       *which)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->list), (int) index);
  CriterionCell *cell;
  GtkWidget *target;

  if (row == NULL)
    return;
  cell = g_object_get_data (G_OBJECT (row), "awd-cell");
  if (g_strcmp0 (which, "up") == 0)
    target = gtk_widget_get_sensitive (cell->up) ? cell->up : cell->down;
  else if (g_strcmp0 (which, "down") == 0)
    target = gtk_widget_get_sensitive (cell->down) ? cell->down : cell->up;
  else
    target = cell->name;
  gtk_widget_grab_focus (target);
}

static void
move_cell (CriterionCell *cell,
           int            delta,
           const char    *refocus)
{
  AwdCriteriaGroup *self = cell->group;
  g_autoptr(GError) error = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->criteria));
  guint index;
  int target;

  if (!g_list_store_find (self->criteria, cell->criterion, &index))
    return;
  target = (int) index + delta;
  if (target < 0 || target >= (int) n)
    return;

  /* Save what is typed in the row before it is rebuilt in its new place. */
  awd_entry_commit_now (cell->name);
  awd_entry_commit_now (cell->weight);
  awd_entry_commit_now (cell->description);

  if (!awd_store_move_criterion (awd_context_get_store (self->context),
                                 awd_criterion_get_id (cell->criterion), target + 1, &error))
    {
      awd_label_set_error (cell->error, NULL, error->message);
      return;
    }
  awd_criteria_group_reload (self);
  focus_cell_widget (self, (guint) target, refocus);
}

static void
up_clicked_cb (GtkButton     *button,
               CriterionCell *cell)
{
  move_cell (cell, -1, "up");
}

static void
down_clicked_cb (GtkButton     *button,
                 CriterionCell *cell)
{
  move_cell (cell, +1, "down");
}

static gboolean
move_shortcut_cb (GtkWidget *row,
                  GVariant  *args,
                  gpointer   user_data)
{
  CriterionCell *cell = g_object_get_data (G_OBJECT (row), "awd-cell");

  move_cell (cell, g_variant_get_int32 (args), "name");
  return TRUE;
}

static void
delete_clicked_cb (GtkButton     *button,
                   CriterionCell *cell)
{
  AwdCriteriaGroup *self = cell->group;
  g_autoptr(GError) error = NULL;

  if (!awd_store_delete_criterion (awd_context_get_store (self->context),
                                   awd_criterion_get_id (cell->criterion), &error))
    {
      awd_label_set_error (cell->error, NULL, error->message);
      return;
    }
  awd_criteria_group_reload (self);
  gtk_widget_grab_focus (self->add_entry);
}

static GtkWidget *
create_icon_button (const char *icon,
                    const char *name,
                    const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_name (button, name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  return button;
}

static void
add_move_shortcut (GtkShortcutController *controller,
                   guint                  key,
                   int                    delta)
{
  gtk_shortcut_controller_add_shortcut (controller,
    gtk_shortcut_new_with_arguments (gtk_keyval_trigger_new (key, GDK_ALT_MASK),
                                     gtk_callback_action_new (move_shortcut_cb, NULL, NULL),
                                     "i", delta));
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  AwdCriteriaGroup *self = user_data;
  CriterionCell *cell = g_new0 (CriterionCell, 1);
  guint index = 0, n = g_list_model_get_n_items (G_LIST_MODEL (self->criteria));
  g_autofree char *weight = awd_format_decimal (awd_criterion_get_weight (item));
  g_autofree char *position = NULL;
  GtkWidget *row, *box, *line, *number, *remove;
  GtkEventController *shortcuts;

  cell->group = self;
  cell->criterion = g_object_ref (item);
  g_list_store_find (self->criteria, item, &index);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  g_object_set_data_full (G_OBJECT (row), "awd-cell", cell, free_cell);

  shortcuts = gtk_shortcut_controller_new ();
  add_move_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Up, -1);
  add_move_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Down, +1);
  gtk_widget_add_controller (row, shortcuts);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_add_css_class (box, "awd-cell");
  line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  position = g_strdup_printf ("%u.", index + 1);
  number = gtk_label_new (position);
  gtk_widget_add_css_class (number, "dim-label");
  gtk_widget_add_css_class (number, "numeric");

  cell->name = gtk_entry_new ();
  gtk_widget_set_name (cell->name, "criterion-name");
  gtk_widget_set_hexpand (cell->name, TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (cell->name), 8);
  gtk_editable_set_text (GTK_EDITABLE (cell->name), awd_criterion_get_name (item));
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell->name),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Criterion name"), -1);
  awd_entry_watch_commit (cell->name, TRUE, commit_name, cell);

  cell->weight = gtk_entry_new ();
  gtk_widget_set_name (cell->weight, "criterion-weight");
  gtk_editable_set_width_chars (GTK_EDITABLE (cell->weight), 5);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (cell->weight), 6);
  gtk_entry_set_input_purpose (GTK_ENTRY (cell->weight), GTK_INPUT_PURPOSE_NUMBER);
  gtk_editable_set_text (GTK_EDITABLE (cell->weight), weight);
  gtk_widget_set_tooltip_text (cell->weight, _("Weight: a number greater than zero, such as 1 or 0,5"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell->weight),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Weight"), -1);
  awd_entry_watch_commit (cell->weight, FALSE, commit_weight, cell);

  cell->up = create_icon_button ("go-up-symbolic", "criterion-up", _("Move up (Alt+↑)"));
  gtk_widget_set_sensitive (cell->up, index > 0);
  g_signal_connect (cell->up, "clicked", G_CALLBACK (up_clicked_cb), cell);
  cell->down = create_icon_button ("go-down-symbolic", "criterion-down", _("Move down (Alt+↓)"));
  gtk_widget_set_sensitive (cell->down, index + 1 < n);
  g_signal_connect (cell->down, "clicked", G_CALLBACK (down_clicked_cb), cell);
  remove = create_icon_button ("user-trash-symbolic", "criterion-delete", _("Delete the criterion"));
  g_signal_connect (remove, "clicked", G_CALLBACK (delete_clicked_cb), cell);

  cell->description = gtk_entry_new ();
  gtk_widget_set_name (cell->description, "criterion-description");
  gtk_widget_set_hexpand (cell->description, TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (cell->description), 8);
  gtk_entry_set_placeholder_text (GTK_ENTRY (cell->description), _("Description for the jury (optional)"));
  gtk_editable_set_text (GTK_EDITABLE (cell->description),
                         awd_criterion_get_description (item) ? awd_criterion_get_description (item) : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell->description),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Criterion description"), -1);
  awd_entry_watch_commit (cell->description, TRUE, commit_description, cell);

  cell->error = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (cell->error), TRUE);
  gtk_label_set_xalign (GTK_LABEL (cell->error), 0);
  gtk_widget_add_css_class (cell->error, "error");
  gtk_widget_add_css_class (cell->error, "caption");
  gtk_widget_set_visible (cell->error, FALSE);

  gtk_box_append (GTK_BOX (line), number);
  gtk_box_append (GTK_BOX (line), cell->name);
  gtk_box_append (GTK_BOX (line), cell->weight);
  gtk_box_append (GTK_BOX (line), cell->up);
  gtk_box_append (GTK_BOX (line), cell->down);
  gtk_box_append (GTK_BOX (line), remove);
  gtk_box_append (GTK_BOX (box), line);
  gtk_box_append (GTK_BOX (box), cell->description);
  gtk_box_append (GTK_BOX (box), cell->error);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  gtk_widget_set_sensitive (box, is_editable (self));
  return row;
}

static void
add_activated_cb (AwdCriteriaGroup *self)
{
  AwdRound *round = awd_context_get_round (self->context);
  g_autoptr(AwdCriterion) criterion = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  double weight;

  if (round == NULL)
    return;

  if (!parse_weight (gtk_editable_get_text (GTK_EDITABLE (self->add_weight)), &weight, &message))
    {
      awd_label_set_error (self->add_error, self->add_weight, message);
      gtk_widget_grab_focus (self->add_weight);
      return;
    }
  gtk_widget_remove_css_class (self->add_weight, "error");

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->add_entry))));
  criterion = awd_criterion_new ();
  awd_criterion_set_round_id (criterion, awd_round_get_id (round));
  awd_criterion_set_name (criterion, name);
  awd_criterion_set_weight (criterion, weight);

  if (!awd_store_insert_criterion (awd_context_get_store (self->context), criterion, &error))
    {
      awd_label_set_error (self->add_error, self->add_entry, error->message);
      gtk_widget_grab_focus (self->add_entry);
      return;
    }

  awd_label_set_error (self->add_error, self->add_entry, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->add_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->add_weight), "1");
  awd_criteria_group_reload (self);
  gtk_widget_grab_focus (self->add_entry);
}

static void
awd_criteria_group_constructed (GObject *object)
{
  AwdCriteriaGroup *self = AWD_CRITERIA_GROUP (object);

  G_OBJECT_CLASS (awd_criteria_group_parent_class)->constructed (object);

  gtk_list_box_bind_model (GTK_LIST_BOX (self->list), G_LIST_MODEL (self->criteria),
                           create_row, self, NULL);
}

static void
awd_criteria_group_dispose (GObject *object)
{
  AwdCriteriaGroup *self = AWD_CRITERIA_GROUP (object);

  if (self->list != NULL)
    gtk_list_box_bind_model (GTK_LIST_BOX (self->list), NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), AWD_TYPE_CRITERIA_GROUP);
  g_clear_object (&self->criteria);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (awd_criteria_group_parent_class)->dispose (object);
}

static void
awd_criteria_group_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AwdCriteriaGroup *self = AWD_CRITERIA_GROUP (object);

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
awd_criteria_group_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  AwdCriteriaGroup *self = AWD_CRITERIA_GROUP (object);

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
awd_criteria_group_class_init (AwdCriteriaGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = awd_criteria_group_constructed;
  object_class->dispose = awd_criteria_group_dispose;
  object_class->get_property = awd_criteria_group_get_property;
  object_class->set_property = awd_criteria_group_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, AWD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/ru/libfl/AwardDesk/awd-criteria-group.ui");
  gtk_widget_class_bind_template_child (widget_class, AwdCriteriaGroup, list);
  gtk_widget_class_bind_template_child (widget_class, AwdCriteriaGroup, add_box);
  gtk_widget_class_bind_template_child (widget_class, AwdCriteriaGroup, add_entry);
  gtk_widget_class_bind_template_child (widget_class, AwdCriteriaGroup, add_weight);
  gtk_widget_class_bind_template_child (widget_class, AwdCriteriaGroup, add_button);
  gtk_widget_class_bind_template_child (widget_class, AwdCriteriaGroup, add_error);
  gtk_widget_class_bind_template_callback (widget_class, add_activated_cb);
}

static void
awd_criteria_group_init (AwdCriteriaGroup *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->criteria = g_list_store_new (AWD_TYPE_CRITERION);

  placeholder = gtk_label_new (_("No criteria yet: add the first one below"));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_add_css_class (placeholder, "awd-placeholder");
  gtk_list_box_set_placeholder (GTK_LIST_BOX (self->list), placeholder);
}

GtkWidget *
awd_criteria_group_new (AwdContext *context)
{
  g_return_val_if_fail (AWD_IS_CONTEXT (context), NULL);

  return g_object_new (AWD_TYPE_CRITERIA_GROUP, "context", context, NULL);
}

/* Lists the context round's criteria again, in their stored order. */
void
awd_criteria_group_reload (AwdCriteriaGroup *self)
{
  AwdRound *round;
  g_autoptr(GListModel) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (AWD_IS_CRITERIA_GROUP (self));

  round = awd_context_get_round (self->context);
  if (round != NULL)
    {
      stored = awd_store_list_criteria (awd_context_get_store (self->context),
                                        awd_round_get_id (round), &error);
      if (stored == NULL)
        g_warning ("Could not list the criteria: %s", error->message);
    }
  for (guint i = 0; stored != NULL && i < g_list_model_get_n_items (stored); i++)
    g_ptr_array_add (items, g_list_model_get_item (stored, i));

  /* Empty first, so every row is built again and knows its new neighbours. */
  g_list_store_remove_all (self->criteria);
  g_list_store_splice (self->criteria, 0, 0, items->pdata, items->len);
  gtk_widget_set_visible (self->add_box, is_editable (self));
  awd_label_set_error (self->add_error, self->add_entry, NULL);
}
