/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define AWD_TYPE_NOMINATION (awd_nomination_get_type ())

G_DECLARE_FINAL_TYPE (AwdNomination, awd_nomination, AWD, NOMINATION, GObject)

AwdNomination *awd_nomination_new (void);
AwdNomination *awd_nomination_copy (AwdNomination *self);
gint64 awd_nomination_get_id (AwdNomination *self);
void awd_nomination_set_id (AwdNomination *self, gint64 id);
gint64 awd_nomination_get_round_id (AwdNomination *self);
void awd_nomination_set_round_id (AwdNomination *self, gint64 round_id);
gint64 awd_nomination_get_category_id (AwdNomination *self);
void awd_nomination_set_category_id (AwdNomination *self, gint64 category_id);
const char *awd_nomination_get_ref (AwdNomination *self);
void awd_nomination_set_ref (AwdNomination *self, const char *ref);
const char *awd_nomination_get_title (AwdNomination *self);
void awd_nomination_set_title (AwdNomination *self, const char *title);
const char *awd_nomination_get_title_en (AwdNomination *self);
void awd_nomination_set_title_en (AwdNomination *self, const char *title_en);
const char *awd_nomination_get_institution (AwdNomination *self);
void awd_nomination_set_institution (AwdNomination *self, const char *institution);
const char *awd_nomination_get_city (AwdNomination *self);
void awd_nomination_set_city (AwdNomination *self, const char *city);
const char *awd_nomination_get_region (AwdNomination *self);
void awd_nomination_set_region (AwdNomination *self, const char *region);
const char *awd_nomination_get_country (AwdNomination *self);
void awd_nomination_set_country (AwdNomination *self, const char *country);
const char *awd_nomination_get_period_start (AwdNomination *self);
void awd_nomination_set_period_start (AwdNomination *self, const char *period_start);
const char *awd_nomination_get_period_end (AwdNomination *self);
void awd_nomination_set_period_end (AwdNomination *self, const char *period_end);
const char *awd_nomination_get_summary (AwdNomination *self);
void awd_nomination_set_summary (AwdNomination *self, const char *summary);
const char *awd_nomination_get_contact_name (AwdNomination *self);
void awd_nomination_set_contact_name (AwdNomination *self, const char *contact_name);
const char *awd_nomination_get_contact_email (AwdNomination *self);
void awd_nomination_set_contact_email (AwdNomination *self, const char *contact_email);
const char *awd_nomination_get_contact_phone (AwdNomination *self);
void awd_nomination_set_contact_phone (AwdNomination *self, const char *contact_phone);
const char *awd_nomination_get_url (AwdNomination *self);
void awd_nomination_set_url (AwdNomination *self, const char *url);
const char *awd_nomination_get_received (AwdNomination *self);
void awd_nomination_set_received (AwdNomination *self, const char *received);
int awd_nomination_get_status (AwdNomination *self);
void awd_nomination_set_status (AwdNomination *self, int status);
const char *awd_nomination_get_status_reason (AwdNomination *self);
void awd_nomination_set_status_reason (AwdNomination *self, const char *status_reason);

G_END_DECLS
