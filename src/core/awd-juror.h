/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define AWD_TYPE_JUROR (awd_juror_get_type ())

G_DECLARE_FINAL_TYPE (AwdJuror, awd_juror, AWD, JUROR, GObject)

AwdJuror *awd_juror_new (void);
AwdJuror *awd_juror_copy (AwdJuror *self);
gint64 awd_juror_get_id (AwdJuror *self);
void awd_juror_set_id (AwdJuror *self, gint64 id);
gint64 awd_juror_get_round_id (AwdJuror *self);
void awd_juror_set_round_id (AwdJuror *self, gint64 round_id);
int awd_juror_get_position (AwdJuror *self);
void awd_juror_set_position (AwdJuror *self, int position);
const char *awd_juror_get_name (AwdJuror *self);
void awd_juror_set_name (AwdJuror *self, const char *name);
const char *awd_juror_get_affiliation (AwdJuror *self);
void awd_juror_set_affiliation (AwdJuror *self, const char *affiliation);
const char *awd_juror_get_email (AwdJuror *self);
void awd_juror_set_email (AwdJuror *self, const char *email);
gboolean awd_juror_get_chair (AwdJuror *self);
void awd_juror_set_chair (AwdJuror *self, gboolean chair);
gboolean awd_juror_get_withdrawn (AwdJuror *self);
void awd_juror_set_withdrawn (AwdJuror *self, gboolean withdrawn);
const char *awd_juror_get_withdrawn_reason (AwdJuror *self);
void awd_juror_set_withdrawn_reason (AwdJuror *self, const char *withdrawn_reason);
gboolean awd_juror_get_submitted (AwdJuror *self);
void awd_juror_set_submitted (AwdJuror *self, gboolean submitted);

G_END_DECLS
