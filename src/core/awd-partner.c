/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-partner"

#include "config.h"

#include "awd-partner.h"

/* A partner institution of a nomination: a plain value object. */
struct _AwdPartner
{
  GObject parent_instance;

  char *name;
  char *country;
};

G_DEFINE_FINAL_TYPE (AwdPartner, awd_partner, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_COUNTRY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
awd_partner_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  AwdPartner *self = AWD_PARTNER (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_COUNTRY:
      g_value_set_string (value, self->country);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awd_partner_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  AwdPartner *self = AWD_PARTNER (object);

  switch (prop_id)
    {
    case PROP_NAME:
      awd_partner_set_name (self, g_value_get_string (value));
      break;

    case PROP_COUNTRY:
      awd_partner_set_country (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awd_partner_finalize (GObject *object)
{
  AwdPartner *self = AWD_PARTNER (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->country, g_free);

  G_OBJECT_CLASS (awd_partner_parent_class)->finalize (object);
}

static void
awd_partner_class_init (AwdPartnerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = awd_partner_get_property;
  object_class->set_property = awd_partner_set_property;
  object_class->finalize = awd_partner_finalize;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, "The partner institution", NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_COUNTRY] =
    g_param_spec_string ("country", NULL, "ISO 3166-1 alpha-2 code", NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
awd_partner_init (AwdPartner *self)
{
}

AwdPartner *
awd_partner_new (const char *name,
                 const char *country)
{
  return g_object_new (AWD_TYPE_PARTNER, "name", name, "country", country, NULL);
}

const char *
awd_partner_get_name (AwdPartner *self)
{
  g_return_val_if_fail (AWD_IS_PARTNER (self), NULL);
  return self->name;
}

void
awd_partner_set_name (AwdPartner *self,
                      const char *name)
{
  g_return_if_fail (AWD_IS_PARTNER (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;
  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
awd_partner_get_country (AwdPartner *self)
{
  g_return_val_if_fail (AWD_IS_PARTNER (self), NULL);
  return self->country;
}

void
awd_partner_set_country (AwdPartner *self,
                         const char *country)
{
  g_return_if_fail (AWD_IS_PARTNER (self));

  if (g_strcmp0 (self->country, country) == 0)
    return;
  g_free (self->country);
  self->country = g_strdup (country);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTRY]);
}
