/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define AWD_TYPE_PARTNER (awd_partner_get_type ())

G_DECLARE_FINAL_TYPE (AwdPartner, awd_partner, AWD, PARTNER, GObject)

/* A partner institution of a nomination, with its ISO 3166-1 alpha-2
 * country (or NULL). Partners keep the order in which they were given. */
AwdPartner *awd_partner_new          (const char *name,
                                      const char *country);
const char *awd_partner_get_name     (AwdPartner *self);
void        awd_partner_set_name     (AwdPartner *self,
                                      const char *name);
const char *awd_partner_get_country  (AwdPartner *self);
void        awd_partner_set_country  (AwdPartner *self,
                                      const char *country);

G_END_DECLS
