/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "awd-context.h"

G_BEGIN_DECLS

#define AWD_TYPE_JURY_GROUP (awd_jury_group_get_type ())

G_DECLARE_FINAL_TYPE (AwdJuryGroup, awd_jury_group, AWD, JURY_GROUP, AdwPreferencesGroup)

GtkWidget *awd_jury_group_new    (AwdContext         *context);
void       awd_jury_group_reload (AwdJuryGroup *self);

G_END_DECLS
