/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "awd-preferences-window.h"

/* Only what the application really honours: the operator named in the
 * audit log and blind scoring. Both are GSettings keys bound directly, so
 * a change applies at once. */
struct _AwdPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  AwdContext *context;

  GtkWidget  *operator_entry;
  GtkWidget  *blind_switch;
  GtkWidget  *backups_spin;
};

G_DEFINE_FINAL_TYPE (AwdPreferencesWindow, awd_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
awd_preferences_window_constructed (GObject *object)
{
  AwdPreferencesWindow *self = AWD_PREFERENCES_WINDOW (object);
  GSettings *settings = awd_context_get_settings (self->context);

  G_OBJECT_CLASS (awd_preferences_window_parent_class)->constructed (object);

  g_settings_bind (settings, "operator-name", self->operator_entry, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "blind-mode", self->blind_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "backups-kept", self->backups_spin, "value", G_SETTINGS_BIND_DEFAULT);
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->operator_entry), g_get_real_name ());
}

static void
awd_preferences_window_dispose (GObject *object)
{
  AwdPreferencesWindow *self = AWD_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), AWD_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (awd_preferences_window_parent_class)->dispose (object);
}

static void
awd_preferences_window_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  AwdPreferencesWindow *self = AWD_PREFERENCES_WINDOW (object);

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
awd_preferences_window_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  AwdPreferencesWindow *self = AWD_PREFERENCES_WINDOW (object);

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
awd_preferences_window_class_init (AwdPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = awd_preferences_window_constructed;
  object_class->dispose = awd_preferences_window_dispose;
  object_class->get_property = awd_preferences_window_get_property;
  object_class->set_property = awd_preferences_window_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, AWD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/ru/libfl/AwardDesk/awd-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AwdPreferencesWindow, operator_entry);
  gtk_widget_class_bind_template_child (widget_class, AwdPreferencesWindow, blind_switch);
  gtk_widget_class_bind_template_child (widget_class, AwdPreferencesWindow, backups_spin);
}

static void
awd_preferences_window_init (AwdPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
awd_preferences_window_new (AwdContext *context,
                            GtkWindow  *parent)
{
  g_return_val_if_fail (AWD_IS_CONTEXT (context), NULL);

  return g_object_new (AWD_TYPE_PREFERENCES_WINDOW,
                       "context", context,
                       "transient-for", parent,
                       NULL);
}
