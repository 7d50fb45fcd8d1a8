/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-new-round-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "awd-edit-util.h"
#include "awd-new-round-dialog.h"

/* Asks for a new season's own fields and, optionally, an earlier season
 * whose set-up (categories, criteria, scale, jury) it starts from. Emits
 * "created" with the new round's id and closes. */
struct _AwdNewRoundDialog
{
  AdwWindow   parent_instance;

  AwdContext *context;
  GArray     *source_ids;   /* gint64 per dropdown item; 0 = start empty */

  GtkWidget  *title_entry;
  GtkWidget  *award_entry;
  GtkWidget  *number_entry;
  GtkWidget  *year_entry;
  GtkWidget  *setup_dropdown;
  GtkWidget  *create_button;
  GtkWidget  *error_label;
};

G_DEFINE_FINAL_TYPE (AwdNewRoundDialog, awd_new_round_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

enum {
  CREATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
show_error (AwdNewRoundDialog *self,
            GtkWidget         *entry,
            const char        *message)
{
  GtkWidget *entries[] = { self->title_entry, self->award_entry, self->number_entry, self->year_entry };

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    gtk_widget_remove_css_class (entries[i], "error");
  awd_label_set_error (self->error_label, entry, message);
  if (entry != NULL)
    gtk_widget_grab_focus (entry);
}

/* Defaults: the award's usual name, the next number, this year, and the
 * set-up of the latest season. */
static void
fill_defaults (AwdNewRoundDialog *self)
{
  g_autoptr(GListModel) rounds = NULL;
  g_autoptr(GtkStringList) sources = gtk_string_list_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  g_autofree char *number_text = NULL;
  g_autofree char *year_text = NULL;
  const char *award = _("Rudomino Award");
  int next_number = 1;
  guint n = 0;

  rounds = awd_store_list_rounds (awd_context_get_store (self->context), &error);
  if (rounds == NULL)
    g_warning ("Could not list the seasons: %s", error->message);
  else
    n = g_list_model_get_n_items (rounds);

  gtk_string_list_append (sources, _("None: start empty"));
  g_array_append_val (self->source_ids, (gint64) { 0 });

  /* Newest first: the latest season is the one most often copied. */
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(AwdRound) round = g_list_model_get_item (rounds, i - 1);
      g_autofree char *label = awd_round_describe (round);
      gint64 id = awd_round_get_id (round);

      next_number = MAX (next_number, awd_round_get_number (round) + 1);
      if (i == n && awd_round_get_award (round) != NULL)
        award = awd_round_get_award (round);
      gtk_string_list_append (sources, label);
      g_array_append_val (self->source_ids, id);
    }

  gtk_editable_set_text (GTK_EDITABLE (self->award_entry), award);
  number_text = g_strdup_printf ("%d", next_number);
  gtk_editable_set_text (GTK_EDITABLE (self->number_entry), number_text);
  year_text = g_strdup_printf ("%d", g_date_time_get_year (now));
  gtk_editable_set_text (GTK_EDITABLE (self->year_entry), year_text);

  gtk_drop_down_set_model (GTK_DROP_DOWN (self->setup_dropdown), G_LIST_MODEL (sources));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->setup_dropdown), n > 0 ? 1 : 0);
}

static void
create_clicked_cb (AwdNewRoundDialog *self)
{
  awd_new_round_dialog_create (self);
}

static void
awd_new_round_dialog_constructed (GObject *object)
{
  AwdNewRoundDialog *self = AWD_NEW_ROUND_DIALOG (object);

  G_OBJECT_CLASS (awd_new_round_dialog_parent_class)->constructed (object);

  fill_defaults (self);
  gtk_widget_grab_focus (self->title_entry);
}

static void
awd_new_round_dialog_dispose (GObject *object)
{
  AwdNewRoundDialog *self = AWD_NEW_ROUND_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), AWD_TYPE_NEW_ROUND_DIALOG);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (awd_new_round_dialog_parent_class)->dispose (object);
}

static void
awd_new_round_dialog_finalize (GObject *object)
{
  AwdNewRoundDialog *self = AWD_NEW_ROUND_DIALOG (object);

  g_array_unref (self->source_ids);

  G_OBJECT_CLASS (awd_new_round_dialog_parent_class)->finalize (object);
}

static void
awd_new_round_dialog_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AwdNewRoundDialog *self = AWD_NEW_ROUND_DIALOG (object);

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
awd_new_round_dialog_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  AwdNewRoundDialog *self = AWD_NEW_ROUND_DIALOG (object);

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
awd_new_round_dialog_class_init (AwdNewRoundDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = awd_new_round_dialog_constructed;
  object_class->dispose = awd_new_round_dialog_dispose;
  object_class->finalize = awd_new_round_dialog_finalize;
  object_class->get_property = awd_new_round_dialog_get_property;
  object_class->set_property = awd_new_round_dialog_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, AWD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AwdNewRoundDialog::created:
   * @round_id: the new round's id
   */
  signals[CREATED] =
    g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/ru/libfl/AwardDesk/awd-new-round-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AwdNewRoundDialog, title_entry);
  gtk_widget_class_bind_template_child (widget_class, AwdNewRoundDialog, award_entry);
  gtk_widget_class_bind_template_child (widget_class, AwdNewRoundDialog, number_entry);
  gtk_widget_class_bind_template_child (widget_class, AwdNewRoundDialog, year_entry);
  gtk_widget_class_bind_template_child (widget_class, AwdNewRoundDialog, setup_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AwdNewRoundDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, AwdNewRoundDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, create_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
awd_new_round_dialog_init (AwdNewRoundDialog *self)
{
  self->source_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
awd_new_round_dialog_new (AwdContext *context,
                          GtkWindow  *parent)
{
  g_return_val_if_fail (AWD_IS_CONTEXT (context), NULL);

  return g_object_new (AWD_TYPE_NEW_ROUND_DIALOG,
                       "context", context,
                       "transient-for", parent,
                       NULL);
}

/**
 * awd_new_round_dialog_create:
 *
 * Creates the season as filled in (what the Create button does). On a
 * refusal the dialog stays open and says why next to the fields.
 *
 * Returns: whether the season was created
 */
gboolean
awd_new_round_dialog_create (AwdNewRoundDialog *self)
{
  g_autoptr(AwdRound) round = awd_round_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *award = NULL;
  AwdStore *store;
  guint selected;
  gint64 source_id = 0, new_id;
  int number, year;

  g_return_val_if_fail (AWD_IS_NEW_ROUND_DIALOG (self), FALSE);

  store = awd_context_get_store (self->context);
  title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_entry))));
  award = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->award_entry))));

  if (*title == '\0')
    {
      show_error (self, self->title_entry, _("Give the season a title"));
      return FALSE;
    }
  if (!awd_parse_integer (gtk_editable_get_text (GTK_EDITABLE (self->number_entry)), &number))
    {
      show_error (self, self->number_entry, _("The number must be a whole number, such as 5"));
      return FALSE;
    }
  if (!awd_parse_integer (gtk_editable_get_text (GTK_EDITABLE (self->year_entry)), &year))
    {
      show_error (self, self->year_entry, _("The year must be a whole number, such as 2025"));
      return FALSE;
    }

  awd_round_set_title (round, title);
  awd_round_set_award (round, award);
  awd_round_set_number (round, number);
  awd_round_set_year (round, year);

  selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->setup_dropdown));
  if (selected != GTK_INVALID_LIST_POSITION && selected < self->source_ids->len)
    source_id = g_array_index (self->source_ids, gint64, selected);

  if (source_id > 0)
    new_id = awd_store_copy_round_setup (store, source_id, round, &error);
  else
    new_id = awd_store_insert_round (store, round, &error) ? awd_round_get_id (round) : 0;

  if (new_id <= 0)
    {
      show_error (self, NULL, error != NULL ? error->message : _("The season could not be created"));
      return FALSE;
    }

  g_signal_emit (self, signals[CREATED], 0, new_id);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}
