/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-context"

#include "config.h"

#include <glib/gi18n.h>

#include "awd-context.h"
#include "awd-edit-util.h"

/* What every page needs and nothing else: the open store, the application's
 * settings and the round being shown. Handed to the window and the pages as
 * a construct-only property, so there are no globals. */
struct _AwdContext
{
  GObject    parent_instance;

  AwdStore  *store;
  GSettings *settings;
  AwdRound  *round;
};

G_DEFINE_FINAL_TYPE (AwdContext, awd_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SETTINGS,
  PROP_ROUND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SHOW_REQUESTED,
  DATA_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
settings_changed_operator_cb (GSettings  *settings,
                              const char *key,
                              AwdContext *self)
{
  g_autofree char *name = awd_context_dup_operator (self);

  /* The audit log names whoever is set now, from the next change on. */
  awd_store_set_operator (self->store, name);
}

static void
awd_context_constructed (GObject *object)
{
  AwdContext *self = AWD_CONTEXT (object);

  G_OBJECT_CLASS (awd_context_parent_class)->constructed (object);

  if (self->settings != NULL && self->store != NULL)
    g_signal_connect_object (self->settings, "changed::operator-name",
                             G_CALLBACK (settings_changed_operator_cb), self, 0);
}

static void
awd_context_dispose (GObject *object)
{
  AwdContext *self = AWD_CONTEXT (object);

  g_clear_object (&self->round);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (awd_context_parent_class)->dispose (object);
}

static void
awd_context_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  AwdContext *self = AWD_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_ROUND:
      g_value_set_object (value, self->round);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awd_context_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  AwdContext *self = AWD_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_ROUND:
      awd_context_set_round (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awd_context_class_init (AwdContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = awd_context_constructed;
  object_class->dispose = awd_context_dispose;
  object_class->get_property = awd_context_get_property;
  object_class->set_property = awd_context_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, AWD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROUND] =
    g_param_spec_object ("round", NULL, NULL, AWD_TYPE_ROUND,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AwdContext::show-requested:
   * @page: the page to show: "setup", "nominations", "scoring", "results", …
   * @target: (nullable): what to show on it, as the page understands it
   *   (for "scoring", a `(xx)` of juror id and nomination id)
   *
   * A page asks for another to be shown ("jump to the missing score"); the
   * round view switches pages, and the page named reacts to @target.
   */
  signals[SHOW_REQUESTED] =
    g_signal_new ("show-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_VARIANT);

  /**
   * AwdContext::data-changed:
   * @what: the kind of data that changed: "nominations", "scores", "setup", …
   *
   * Emitted by a page after it changed the current round's data through the
   * store, so other pages showing derived figures (progress, results) can
   * reload when next shown.
   */
  signals[DATA_CHANGED] =
    g_signal_new ("data-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
awd_context_init (AwdContext *self)
{
}

AwdContext *
awd_context_new (AwdStore  *store,
                 GSettings *settings)
{
  g_return_val_if_fail (AWD_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (AWD_TYPE_CONTEXT, "store", store, "settings", settings, NULL);
}

AwdStore *
awd_context_get_store (AwdContext *self)
{
  g_return_val_if_fail (AWD_IS_CONTEXT (self), NULL);
  return self->store;
}

GSettings *
awd_context_get_settings (AwdContext *self)
{
  g_return_val_if_fail (AWD_IS_CONTEXT (self), NULL);
  return self->settings;
}

AwdRound *
awd_context_get_round (AwdContext *self)
{
  g_return_val_if_fail (AWD_IS_CONTEXT (self), NULL);
  return self->round;
}

void
awd_context_set_round (AwdContext *self,
                       AwdRound   *round)
{
  g_return_if_fail (AWD_IS_CONTEXT (self));
  g_return_if_fail (round == NULL || AWD_IS_ROUND (round));

  if (g_set_object (&self->round, round))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROUND]);
}

gboolean
awd_context_is_read_only (AwdContext *self)
{
  g_return_val_if_fail (AWD_IS_CONTEXT (self), TRUE);
  return self->store == NULL || awd_store_is_read_only (self->store);
}

/* The operator recorded in the audit log: the name set in Preferences, or
 * the account's real name when none is set. */
char *
awd_context_dup_operator (AwdContext *self)
{
  g_return_val_if_fail (AWD_IS_CONTEXT (self), NULL);

  return awd_operator_name_from_settings (self->settings);
}

void
awd_context_request_show (AwdContext *self,
                          const char *page,
                          GVariant   *target)
{
  g_autoptr(GVariant) sunk = target != NULL ? g_variant_ref_sink (target) : NULL;

  g_return_if_fail (AWD_IS_CONTEXT (self));
  g_return_if_fail (page != NULL);

  g_signal_emit (self, signals[SHOW_REQUESTED], 0, page, sunk);
}

void
awd_context_data_changed (AwdContext *self,
                          const char *what)
{
  g_return_if_fail (AWD_IS_CONTEXT (self));

  g_signal_emit (self, signals[DATA_CHANGED], 0, what);
}
