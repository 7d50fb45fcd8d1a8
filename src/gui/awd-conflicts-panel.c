/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-conflicts-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "awd-conflicts-panel.h"
#include "awd-store-conflict-suggestions.h"

/* Conflicts of interest of the season: the suggestions the store finds
 * (affiliation against institution and partners) for the secretariat to
 * confirm with a prefilled reason, the declared conflicts with their reasons
 * (each removable), and a form to declare one by hand. Each change is one
 * audited store call. */
struct _AwdConflictsPanel
{
  AdwBin      parent_instance;

  AwdContext *context;
  GArray     *juror_ids;        /* gint64, by add_juror position */
  GArray     *nomination_ids;   /* gint64, by add_nomination position */
  GHashTable *dismissed;        /* "juror:nomination" of suggestions set aside this session */
  gboolean    emitting;
  gboolean    dirty;

  GtkWidget  *content;
  GtkWidget  *suggestions_group;
  GtkWidget  *suggestions_list;
  GtkWidget  *conflicts_list;
  GtkWidget  *add_group;
  GtkWidget  *add_juror;
  GtkWidget  *add_nomination;
  GtkWidget  *add_reason;
  GtkWidget  *add_button;
  GtkWidget  *add_error;
};

G_DEFINE_FINAL_TYPE (AwdConflictsPanel, awd_conflicts_panel, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gint64
juror_of (GtkWidget *widget)
{
  return *(gint64 *) g_object_get_data (G_OBJECT (widget), "awd-juror");
}

static gint64
nomination_of (GtkWidget *widget)
{
  return *(gint64 *) g_object_get_data (G_OBJECT (widget), "awd-nomination");
}

static void
set_pair (GtkWidget *widget,
          gint64     juror_id,
          gint64     nomination_id)
{
  gint64 *j = g_new (gint64, 1), *n = g_new (gint64, 1);

  *j = juror_id;
  *n = nomination_id;
  g_object_set_data_full (G_OBJECT (widget), "awd-juror", j, g_free);
  g_object_set_data_full (G_OBJECT (widget), "awd-nomination", n, g_free);
}

static char *
pair_key (gint64 juror_id,
          gint64 nomination_id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, juror_id, nomination_id);
}

static void
clear_list (GtkWidget *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (list)) != NULL)
    {
      if (GTK_IS_LIST_BOX_ROW (child))
        gtk_list_box_remove (GTK_LIST_BOX (list), child);
      else
        break;
    }
}

static void
show_error (AwdConflictsPanel *self,
            const char        *message)
{
  gtk_label_set_text (GTK_LABEL (self->add_error), message != NULL ? message : "");
  gtk_widget_set_visible (self->add_error, message != NULL);
}

static void
changed (AwdConflictsPanel *self)
{
  self->emitting = TRUE;
  awd_context_data_changed (self->context, "scores");
  self->emitting = FALSE;
  awd_conflicts_panel_reload (self);
}

static gboolean
declare (AwdConflictsPanel *self,
         gint64             juror_id,
         gint64             nomination_id,
         const char        *reason)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (reason != NULL ? reason : ""));

  if (!awd_store_set_conflict (awd_context_get_store (self->context), juror_id, nomination_id,
                               *stripped != '\0' ? stripped : NULL, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }
  show_error (self, NULL);
  changed (self);
  return TRUE;
}

static void
confirm_clicked_cb (GtkButton         *button,
                    AwdConflictsPanel *self)
{
  GtkWidget *entry = g_object_get_data (G_OBJECT (button), "awd-reason");

  declare (self, juror_of (GTK_WIDGET (button)), nomination_of (GTK_WIDGET (button)),
           gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
dismiss_clicked_cb (GtkButton         *button,
                    AwdConflictsPanel *self)
{
  g_hash_table_add (self->dismissed, pair_key (juror_of (GTK_WIDGET (button)),
                                               nomination_of (GTK_WIDGET (button))));
  awd_conflicts_panel_reload (self);
}

static void
remove_clicked_cb (GtkButton         *button,
                   AwdConflictsPanel *self)
{
  g_autoptr(GError) error = NULL;

  if (!awd_store_remove_conflict (awd_context_get_store (self->context), juror_of (GTK_WIDGET (button)),
                                  nomination_of (GTK_WIDGET (button)), &error))
    {
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
  changed (self);
}

static void
add_clicked_cb (AwdConflictsPanel *self)
{
  guint j = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->add_juror));
  guint n = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->add_nomination));

  if (j >= self->juror_ids->len || n >= self->nomination_ids->len)
    {
      show_error (self, _("Choose a juror and a nomination"));
      return;
    }
  if (declare (self, g_array_index (self->juror_ids, gint64, j), g_array_index (self->nomination_ids, gint64, n),
               gtk_editable_get_text (GTK_EDITABLE (self->add_reason))))
    gtk_editable_set_text (GTK_EDITABLE (self->add_reason), "");
}

static const char *
name_of (GHashTable *names,
         gint64      id)
{
  const char *name = g_hash_table_lookup (names, &id);

  return name != NULL ? name : "?";
}

static void
fill (AwdConflictsPanel *self)
{
  AwdRound *round = awd_context_get_round (self->context);
  AwdStore *store = awd_context_get_store (self->context);
  g_autoptr(GListModel) jurors = NULL;
  g_autoptr(GListModel) nominations = NULL;
  g_autoptr(GArray) conflicts = NULL;
  g_autoptr(GArray) suggestions = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) juror_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) nomination_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GtkStringList) juror_model = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) nomination_model = gtk_string_list_new (NULL);
  gboolean editable;
  guint shown = 0;

  self->dirty = FALSE;
  clear_list (self->suggestions_list);
  clear_list (self->conflicts_list);
  g_array_set_size (self->juror_ids, 0);
  g_array_set_size (self->nomination_ids, 0);
  if (round == NULL)
    return;

  editable = awd_round_get_status (round) != AWD_ROUND_STATUS_FINAL && !awd_context_is_read_only (self->context);
  if ((jurors = awd_store_list_jurors (store, awd_round_get_id (round), &error)) == NULL ||
      (nominations = awd_store_list_nominations (store, awd_round_get_id (round), &error)) == NULL ||
      (conflicts = awd_store_list_conflicts (store, awd_round_get_id (round), &error)) == NULL ||
      (suggestions = awd_store_suggest_conflicts (store, awd_round_get_id (round), &error)) == NULL)
    {
      g_warning ("Cannot list conflicts: %s", error->message);
      show_error (self, error->message);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (jurors); i++)
    {
      g_autoptr(AwdJuror) juror = g_list_model_get_item (jurors, i);
      gint64 id = awd_juror_get_id (juror);

      g_hash_table_insert (juror_names, g_memdup2 (&id, sizeof id), g_strdup (awd_juror_get_name (juror)));
      gtk_string_list_append (juror_model, awd_juror_get_name (juror));
      g_array_append_val (self->juror_ids, id);
    }
  for (guint i = 0; i < g_list_model_get_n_items (nominations); i++)
    {
      g_autoptr(AwdNomination) nomination = g_list_model_get_item (nominations, i);
      gint64 id = awd_nomination_get_id (nomination);
      g_autofree char *label = g_strdup_printf ("%s · %s", awd_nomination_get_ref (nomination),
                                                awd_nomination_get_title (nomination));

      gtk_string_list_append (nomination_model, label);
      g_hash_table_insert (nomination_names, g_memdup2 (&id, sizeof id), g_steal_pointer (&label));
      g_array_append_val (self->nomination_ids, id);
    }
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->add_juror), G_LIST_MODEL (juror_model));
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->add_nomination), G_LIST_MODEL (nomination_model));

  for (guint i = 0; i < suggestions->len; i++)
    {
      const AwdConflictSuggestion *s = &g_array_index (suggestions, AwdConflictSuggestion, i);
      g_autofree char *key = pair_key (s->juror_id, s->nomination_id);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row, *entry, *confirm, *dismiss;

      if (g_hash_table_contains (self->dismissed, key))
        continue;
      row = adw_action_row_new ();
      title = g_strdup_printf ("%s — %s", name_of (juror_names, s->juror_id),
                               name_of (nomination_names, s->nomination_id));
      subtitle = g_strdup_printf (s->partner ? _("Partner: %s") : _("Nominating institution: %s"), s->matched);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_name (row, "conflict-suggestion");

      entry = gtk_entry_new ();
      gtk_widget_set_name (entry, "conflict-suggestion-reason");
      gtk_editable_set_text (GTK_EDITABLE (entry), s->reason);
      gtk_editable_set_width_chars (GTK_EDITABLE (entry), 40);
      gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reason"), -1);
      confirm = gtk_button_new_with_mnemonic (_("_Confirm"));
      gtk_widget_set_name (confirm, "conflict-suggestion-confirm");
      gtk_widget_set_valign (confirm, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (confirm), "awd-reason", entry);
      set_pair (confirm, s->juror_id, s->nomination_id);
      g_signal_connect (confirm, "clicked", G_CALLBACK (confirm_clicked_cb), self);
      dismiss = gtk_button_new_from_icon_name ("window-close-symbolic");
      gtk_widget_add_css_class (dismiss, "flat");
      gtk_widget_set_valign (dismiss, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (dismiss, _("Not a conflict: hide this suggestion"));
      set_pair (dismiss, s->juror_id, s->nomination_id);
      g_signal_connect (dismiss, "clicked", G_CALLBACK (dismiss_clicked_cb), self);
      gtk_widget_set_sensitive (entry, editable);
      gtk_widget_set_sensitive (confirm, editable);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), entry);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), confirm);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), dismiss);
      gtk_list_box_append (GTK_LIST_BOX (self->suggestions_list), row);
      shown++;
    }
  gtk_widget_set_visible (self->suggestions_group, shown > 0);

  for (guint i = 0; i < conflicts->len; i++)
    {
      const AwdConflictRow *c = &g_array_index (conflicts, AwdConflictRow, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *title = g_strdup_printf ("%s — %s", name_of (juror_names, c->juror_id),
                                                name_of (nomination_names, c->nomination_id));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), c->reason != NULL && *c->reason != '\0'
                                   ? c->reason : _("No reason given"));
      gtk_widget_set_name (row, "conflict");
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_set_name (remove, "conflict-remove");
      gtk_widget_set_tooltip_text (remove, _("Remove the conflict: the juror’s scores for this nomination count again"));
      gtk_widget_set_sensitive (remove, editable);
      set_pair (remove, c->juror_id, c->nomination_id);
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_append (GTK_LIST_BOX (self->conflicts_list), row);
    }

  gtk_widget_set_sensitive (self->add_group, editable);
}

static void
context_data_changed_cb (AwdContext        *context,
                         const char        *what,
                         AwdConflictsPanel *self)
{
  /* Conflicts and suggestions follow the jury and the nominations, not
   * the scores typed on a sheet. */
  if (!self->emitting && g_strcmp0 (what, "votes") != 0 && g_strcmp0 (what, "scores") != 0)
    awd_conflicts_panel_reload (self);
}

static void
awd_conflicts_panel_map (GtkWidget *widget)
{
  AwdConflictsPanel *self = AWD_CONFLICTS_PANEL (widget);

  GTK_WIDGET_CLASS (awd_conflicts_panel_parent_class)->map (widget);
  if (self->dirty)
    fill (self);
}

static void
awd_conflicts_panel_constructed (GObject *object)
{
  AwdConflictsPanel *self = AWD_CONFLICTS_PANEL (object);

  G_OBJECT_CLASS (awd_conflicts_panel_parent_class)->constructed (object);

  g_signal_connect_object (self->context, "data-changed",
                           G_CALLBACK (context_data_changed_cb), self, 0);
}

static void
awd_conflicts_panel_dispose (GObject *object)
{
  AwdConflictsPanel *self = AWD_CONFLICTS_PANEL (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), AWD_TYPE_CONFLICTS_PANEL);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (awd_conflicts_panel_parent_class)->dispose (object);
}

static void
awd_conflicts_panel_finalize (GObject *object)
{
  AwdConflictsPanel *self = AWD_CONFLICTS_PANEL (object);

  g_clear_pointer (&self->juror_ids, g_array_unref);
  g_clear_pointer (&self->nomination_ids, g_array_unref);
  g_clear_pointer (&self->dismissed, g_hash_table_unref);

  G_OBJECT_CLASS (awd_conflicts_panel_parent_class)->finalize (object);
}

static void
awd_conflicts_panel_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AwdConflictsPanel *self = AWD_CONFLICTS_PANEL (object);

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
awd_conflicts_panel_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AwdConflictsPanel *self = AWD_CONFLICTS_PANEL (object);

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
awd_conflicts_panel_class_init (AwdConflictsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = awd_conflicts_panel_constructed;
  object_class->dispose = awd_conflicts_panel_dispose;
  object_class->finalize = awd_conflicts_panel_finalize;
  object_class->get_property = awd_conflicts_panel_get_property;
  object_class->set_property = awd_conflicts_panel_set_property;
  widget_class->map = awd_conflicts_panel_map;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, AWD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/ru/libfl/AwardDesk/awd-conflicts-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, AwdConflictsPanel, content);
  gtk_widget_class_bind_template_child (widget_class, AwdConflictsPanel, suggestions_group);
  gtk_widget_class_bind_template_child (widget_class, AwdConflictsPanel, suggestions_list);
  gtk_widget_class_bind_template_child (widget_class, AwdConflictsPanel, conflicts_list);
  gtk_widget_class_bind_template_child (widget_class, AwdConflictsPanel, add_group);
  gtk_widget_class_bind_template_child (widget_class, AwdConflictsPanel, add_juror);
  gtk_widget_class_bind_template_child (widget_class, AwdConflictsPanel, add_nomination);
  gtk_widget_class_bind_template_child (widget_class, AwdConflictsPanel, add_reason);
  gtk_widget_class_bind_template_child (widget_class, AwdConflictsPanel, add_button);
  gtk_widget_class_bind_template_child (widget_class, AwdConflictsPanel, add_error);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
}

static void
awd_conflicts_panel_init (AwdConflictsPanel *self)
{
  self->juror_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->nomination_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->dismissed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
awd_conflicts_panel_new (AwdContext *context)
{
  g_return_val_if_fail (AWD_IS_CONTEXT (context), NULL);

  return g_object_new (AWD_TYPE_CONFLICTS_PANEL, "context", context, NULL);
}

void
awd_conflicts_panel_reload (AwdConflictsPanel *self)
{
  g_return_if_fail (AWD_IS_CONFLICTS_PANEL (self));

  /* Suggestions compare every juror with every nomination: only when shown. */
  self->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    fill (self);
}
