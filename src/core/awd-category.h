/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define AWD_TYPE_CATEGORY (awd_category_get_type ())

G_DECLARE_FINAL_TYPE (AwdCategory, awd_category, AWD, CATEGORY, GObject)

AwdCategory *awd_category_new (void);
AwdCategory *awd_category_copy (AwdCategory *self);
gint64 awd_category_get_id (AwdCategory *self);
void awd_category_set_id (AwdCategory *self, gint64 id);
gint64 awd_category_get_round_id (AwdCategory *self);
void awd_category_set_round_id (AwdCategory *self, gint64 round_id);
int awd_category_get_position (AwdCategory *self);
void awd_category_set_position (AwdCategory *self, int position);
const char *awd_category_get_name (AwdCategory *self);
void awd_category_set_name (AwdCategory *self, const char *name);
int awd_category_get_kind (AwdCategory *self);
void awd_category_set_kind (AwdCategory *self, int kind);
gint64 awd_category_get_winner_id (AwdCategory *self);
void awd_category_set_winner_id (AwdCategory *self, gint64 winner_id);

G_END_DECLS
