/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-jury-group"

#include "config.h"

#include <glib/gi18n.h>

#include "awd-edit-util.h"
#include "awd-jury-group.h"

/* The round's jury panel: name, affiliation, e-mail and chair edited in
 * place, deleted, added. The store keeps one chair per panel: making a
 * member chair relieves the previous one, and the rows follow. */
struct _AwdJuryGroup
{
  AdwPreferencesGroup parent_instance;

  AwdContext *context;
  GListStore *jurors;

  GtkWidget  *list;
  GtkWidget  *add_box;
  GtkWidget  *add_entry;
  GtkWidget  *add_affiliation;
  GtkWidget  *add_button;
  GtkWidget  *add_error;
};

G_DEFINE_FINAL_TYPE (AwdJuryGroup, awd_jury_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  AwdJuryGroup *group;
  AwdJuror     *juror;
  GtkWidget    *name;
  GtkWidget    *affiliation;
  GtkWidget    *email;
  GtkWidget    *chair;
  GtkWidget    *error;
} JurorCell;

static void
free_cell (gpointer data)
{
  JurorCell *cell = data;

  g_clear_object (&cell->juror);
  g_free (cell);
}

static gboolean
is_editable (AwdJuryGroup *self)
{
  AwdRound *round = awd_context_get_round (self->context);

  return round != NULL && !awd_context_is_read_only (self->context) &&
         awd_round_get_status (round) != AWD_ROUND_STATUS_FINAL;
}

static gboolean
save_juror (JurorCell *cell,
            AwdJuror  *copy,
            GtkWidget *marked)
{
  g_autoptr(GError) error = NULL;

  if (!awd_store_save_juror (awd_context_get_store (cell->group->context), copy, &error))
    {
      awd_label_set_error (cell->error, marked, error->message);
      return FALSE;
    }
  awd_label_set_error (cell->error, marked, NULL);
  return TRUE;
}

static gboolean
commit_text (GtkWidget  *entry,
             const char *text,
             gpointer    user_data)
{
  JurorCell *cell = user_data;
  const char *property = g_object_get_data (G_OBJECT (entry), "awd-property");
  g_autoptr(AwdJuror) copy = awd_juror_copy (cell->juror);
  g_autofree char *value = g_strstrip (g_strdup (text));

  g_object_set (copy, property, value, NULL);
  if (!save_juror (cell, copy, entry))
    return FALSE;
  g_object_set (cell->juror, property, value, NULL);
  return TRUE;
}

static gboolean
commit_email (GtkWidget  *entry,
              const char *text,
              gpointer    user_data)
{
  JurorCell *cell = user_data;
  g_autofree char *email = g_strstrip (g_strdup (text));

  /* Checked here too, so the message comes before any write is tried. */
  if (*email != '\0' && !awd_email_is_valid (email))
    {
      awd_label_set_error (cell->error, entry,
                           _("The e-mail address is not valid; it should look like name@example.org"));
      return FALSE;
    }
  return commit_text (entry, text, user_data);
}

static void
chair_toggled_cb (GtkCheckButton *check,
                  JurorCell      *cell)
{
  AwdJuryGroup *self = cell->group;
  gboolean chair = gtk_check_button_get_active (check);
  g_autoptr(AwdJuror) copy = NULL;
  guint n;

  /* A change made to follow the store, not by the person. */
  if (chair == awd_juror_get_chair (cell->juror))
    return;

  copy = awd_juror_copy (cell->juror);
  awd_juror_set_chair (copy, chair);
  if (!save_juror (cell, copy, GTK_WIDGET (check)))
    {
      gtk_check_button_set_active (check, awd_juror_get_chair (cell->juror));
      return;
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->jurors));
  for (guint i = 0; chair && i < n; i++)
    {
      g_autoptr(AwdJuror) other = g_list_model_get_item (G_LIST_MODEL (self->jurors), i);
      if (other != cell->juror)
        awd_juror_set_chair (other, FALSE);
    }
  awd_juror_set_chair (cell->juror, chair);
}

static void
delete_clicked_cb (GtkButton *button,
                   JurorCell *cell)
{
  AwdJuryGroup *self = cell->group;
  g_autoptr(GError) error = NULL;

  if (!awd_store_delete_juror (awd_context_get_store (self->context),
                               awd_juror_get_id (cell->juror), &error))
    {
      awd_label_set_error (cell->error, NULL, error->message);
      return;
    }
  awd_jury_group_reload (self);
  gtk_widget_grab_focus (self->add_entry);
}

static GtkWidget *
create_entry (const char *name,
              const char *text,
              const char *label,
              const char *placeholder)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_widget_set_name (entry, name);
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 8);
  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  if (placeholder != NULL)
    gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return entry;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  AwdJuryGroup *self = user_data;
  JurorCell *cell = g_new0 (JurorCell, 1);
  GtkWidget *row, *box, *line, *second, *remove;

  cell->group = self;
  cell->juror = g_object_ref (item);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  g_object_set_data_full (G_OBJECT (row), "awd-cell", cell, free_cell);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_add_css_class (box, "awd-cell");
  line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  second = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  cell->name = create_entry ("juror-name", awd_juror_get_name (item), _("Name"), NULL);
  g_object_set_data (G_OBJECT (cell->name), "awd-property", (gpointer) "name");
  awd_entry_watch_commit (cell->name, TRUE, commit_text, cell);

  cell->chair = gtk_check_button_new_with_label (_("Chair"));
  gtk_widget_set_name (cell->chair, "juror-chair");
  gtk_widget_set_tooltip_text (cell->chair, _("Chairs the jury; one member at most"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (cell->chair), awd_juror_get_chair (item));
  g_object_bind_property (item, "chair", cell->chair, "active", G_BINDING_DEFAULT);
  g_signal_connect (cell->chair, "toggled", G_CALLBACK (chair_toggled_cb), cell);

  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_name (remove, "juror-delete");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove from the jury"));
  g_signal_connect (remove, "clicked", G_CALLBACK (delete_clicked_cb), cell);

  cell->affiliation = create_entry ("juror-affiliation", awd_juror_get_affiliation (item),
                                    _("Affiliation"), _("Affiliation"));
  g_object_set_data (G_OBJECT (cell->affiliation), "awd-property", (gpointer) "affiliation");
  awd_entry_watch_commit (cell->affiliation, TRUE, commit_text, cell);

  cell->email = create_entry ("juror-email", awd_juror_get_email (item), _("E-mail"), _("E-mail"));
  gtk_entry_set_input_purpose (GTK_ENTRY (cell->email), GTK_INPUT_PURPOSE_EMAIL);
  g_object_set_data (G_OBJECT (cell->email), "awd-property", (gpointer) "email");
  awd_entry_watch_commit (cell->email, FALSE, commit_email, cell);

  cell->error = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (cell->error), TRUE);
  gtk_label_set_xalign (GTK_LABEL (cell->error), 0);
  gtk_widget_add_css_class (cell->error, "error");
  gtk_widget_add_css_class (cell->error, "caption");
  gtk_widget_set_visible (cell->error, FALSE);

  gtk_box_append (GTK_BOX (line), cell->name);
  gtk_box_append (GTK_BOX (line), cell->chair);
  gtk_box_append (GTK_BOX (line), remove);
  gtk_box_append (GTK_BOX (second), cell->affiliation);
  gtk_box_append (GTK_BOX (second), cell->email);
  gtk_box_append (GTK_BOX (box), line);
  gtk_box_append (GTK_BOX (box), second);
  gtk_box_append (GTK_BOX (box), cell->error);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  gtk_widget_set_sensitive (box, is_editable (self));
  return row;
}

static void
add_activated_cb (AwdJuryGroup *self)
{
  AwdRound *round = awd_context_get_round (self->context);
  g_autoptr(AwdJuror) juror = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *affiliation = NULL;

  if (round == NULL)
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->add_entry))));
  affiliation = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->add_affiliation))));
  juror = awd_juror_new ();
  awd_juror_set_round_id (juror, awd_round_get_id (round));
  awd_juror_set_name (juror, name);
  if (*affiliation != '\0')
    awd_juror_set_affiliation (juror, affiliation);

  if (!awd_store_insert_juror (awd_context_get_store (self->context), juror, &error))
    {
      awd_label_set_error (self->add_error, self->add_entry, error->message);
      gtk_widget_grab_focus (self->add_entry);
      return;
    }

  awd_label_set_error (self->add_error, self->add_entry, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->add_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->add_affiliation), "");
  awd_jury_group_reload (self);
  gtk_widget_grab_focus (self->add_entry);
}

static void
awd_jury_group_constructed (GObject *object)
{
  AwdJuryGroup *self = AWD_JURY_GROUP (object);

  G_OBJECT_CLASS (awd_jury_group_parent_class)->constructed (object);

  gtk_list_box_bind_model (GTK_LIST_BOX (self->list), G_LIST_MODEL (self->jurors),
                           create_row, self, NULL);
}

static void
awd_jury_group_dispose (GObject *object)
{
  AwdJuryGroup *self = AWD_JURY_GROUP (object);

  if (self->list != NULL)
    gtk_list_box_bind_model (GTK_LIST_BOX (self->list), NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), AWD_TYPE_JURY_GROUP);
  g_clear_object (&self->jurors);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (awd_jury_group_parent_class)->dispose (object);
}

static void
awd_jury_group_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AwdJuryGroup *self = AWD_JURY_GROUP (object);

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
awd_jury_group_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  AwdJuryGroup *self = AWD_JURY_GROUP (object);

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
awd_jury_group_class_init (AwdJuryGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = awd_jury_group_constructed;
  object_class->dispose = awd_jury_group_dispose;
  object_class->get_property = awd_jury_group_get_property;
  object_class->set_property = awd_jury_group_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, AWD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/ru/libfl/AwardDesk/awd-jury-group.ui");
  gtk_widget_class_bind_template_child (widget_class, AwdJuryGroup, list);
  gtk_widget_class_bind_template_child (widget_class, AwdJuryGroup, add_box);
  gtk_widget_class_bind_template_child (widget_class, AwdJuryGroup, add_entry);
  gtk_widget_class_bind_template_child (widget_class, AwdJuryGroup, add_affiliation);
  gtk_widget_class_bind_template_child (widget_class, AwdJuryGroup, add_button);
  gtk_widget_class_bind_template_child (widget_class, AwdJuryGroup, add_error);
  gtk_widget_class_bind_template_callback (widget_class, add_activated_cb);
}

static void
awd_jury_group_init (AwdJuryGroup *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->jurors = g_list_store_new (AWD_TYPE_JUROR);

  placeholder = gtk_label_new (_("No jury members yet"));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_add_css_class (placeholder, "awd-placeholder");
  gtk_list_box_set_placeholder (GTK_LIST_BOX (self->list), placeholder);
}

GtkWidget *
awd_jury_group_new (AwdContext *context)
{
  g_return_val_if_fail (AWD_IS_CONTEXT (context), NULL);

  return g_object_new (AWD_TYPE_JURY_GROUP, "context", context, NULL);
}

/* Lists the context round's jury again, in panel order. */
void
awd_jury_group_reload (AwdJuryGroup *self)
{
  AwdRound *round;
  g_autoptr(GListModel) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (AWD_IS_JURY_GROUP (self));

  round = awd_context_get_round (self->context);
  if (round != NULL)
    {
      stored = awd_store_list_jurors (awd_context_get_store (self->context),
                                      awd_round_get_id (round), &error);
      if (stored == NULL)
        g_warning ("Could not list the jury: %s", error->message);
    }
  for (guint i = 0; stored != NULL && i < g_list_model_get_n_items (stored); i++)
    g_ptr_array_add (items, g_list_model_get_item (stored, i));

  g_list_store_splice (self->jurors, 0, g_list_model_get_n_items (G_LIST_MODEL (self->jurors)),
                       items->pdata, items->len);
  gtk_widget_set_visible (self->add_box, is_editable (self));
  awd_label_set_error (self->add_error, self->add_entry, NULL);
}
