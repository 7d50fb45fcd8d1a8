/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define AWD_TYPE_CRITERION (awd_criterion_get_type ())

G_DECLARE_FINAL_TYPE (AwdCriterion, awd_criterion, AWD, CRITERION, GObject)

AwdCriterion *awd_criterion_new (void);
AwdCriterion *awd_criterion_copy (AwdCriterion *self);
gint64 awd_criterion_get_id (AwdCriterion *self);
void awd_criterion_set_id (AwdCriterion *self, gint64 id);
gint64 awd_criterion_get_round_id (AwdCriterion *self);
void awd_criterion_set_round_id (AwdCriterion *self, gint64 round_id);
int awd_criterion_get_position (AwdCriterion *self);
void awd_criterion_set_position (AwdCriterion *self, int position);
const char *awd_criterion_get_name (AwdCriterion *self);
void awd_criterion_set_name (AwdCriterion *self, const char *name);
const char *awd_criterion_get_description (AwdCriterion *self);
void awd_criterion_set_description (AwdCriterion *self, const char *description);
double awd_criterion_get_weight (AwdCriterion *self);
void awd_criterion_set_weight (AwdCriterion *self, double weight);

G_END_DECLS
