/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define AWD_TYPE_ROUND (awd_round_get_type ())

G_DECLARE_FINAL_TYPE (AwdRound, awd_round, AWD, ROUND, GObject)

AwdRound *awd_round_new (void);
AwdRound *awd_round_copy (AwdRound *self);
gint64 awd_round_get_id (AwdRound *self);
void awd_round_set_id (AwdRound *self, gint64 id);
const char *awd_round_get_award (AwdRound *self);
void awd_round_set_award (AwdRound *self, const char *award);
int awd_round_get_number (AwdRound *self);
void awd_round_set_number (AwdRound *self, int number);
int awd_round_get_year (AwdRound *self);
void awd_round_set_year (AwdRound *self, int year);
const char *awd_round_get_title (AwdRound *self);
void awd_round_set_title (AwdRound *self, const char *title);
int awd_round_get_status (AwdRound *self);
void awd_round_set_status (AwdRound *self, int status);
double awd_round_get_scale_min (AwdRound *self);
void awd_round_set_scale_min (AwdRound *self, double scale_min);
double awd_round_get_scale_max (AwdRound *self);
void awd_round_set_scale_max (AwdRound *self, double scale_max);
double awd_round_get_scale_step (AwdRound *self);
void awd_round_set_scale_step (AwdRound *self, double scale_step);
int awd_round_get_method (AwdRound *self);
void awd_round_set_method (AwdRound *self, int method);
int awd_round_get_trim (AwdRound *self);
void awd_round_set_trim (AwdRound *self, int trim);
int awd_round_get_tie_break (AwdRound *self);
void awd_round_set_tie_break (AwdRound *self, int tie_break);
int awd_round_get_quorum (AwdRound *self);
void awd_round_set_quorum (AwdRound *self, int quorum);
const char *awd_round_get_results_checksum (AwdRound *self);
void awd_round_set_results_checksum (AwdRound *self, const char *results_checksum);
const char *awd_round_get_finalized_at (AwdRound *self);
void awd_round_set_finalized_at (AwdRound *self, const char *finalized_at);

G_END_DECLS
