/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "awd-context.h"

G_BEGIN_DECLS

#define AWD_TYPE_CRITERIA_GROUP (awd_criteria_group_get_type ())

G_DECLARE_FINAL_TYPE (AwdCriteriaGroup, awd_criteria_group, AWD, CRITERIA_GROUP, AdwPreferencesGroup)

GtkWidget *awd_criteria_group_new    (AwdContext         *context);
void       awd_criteria_group_reload (AwdCriteriaGroup *self);

G_END_DECLS
