/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "awd-context.h"

G_BEGIN_DECLS

#define AWD_TYPE_CATEGORIES_GROUP (awd_categories_group_get_type ())

G_DECLARE_FINAL_TYPE (AwdCategoriesGroup, awd_categories_group, AWD, CATEGORIES_GROUP, AdwPreferencesGroup)

GtkWidget *awd_categories_group_new    (AwdContext         *context);
void       awd_categories_group_reload (AwdCategoriesGroup *self);

G_END_DECLS
