/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "awd-store.h"

G_BEGIN_DECLS

#define AWD_TYPE_CONTEXT (awd_context_get_type ())

G_DECLARE_FINAL_TYPE (AwdContext, awd_context, AWD, CONTEXT, GObject)

AwdContext *awd_context_new          (AwdStore   *store,
                                      GSettings  *settings);
AwdStore   *awd_context_get_store    (AwdContext *self);
GSettings  *awd_context_get_settings (AwdContext *self);
AwdRound   *awd_context_get_round    (AwdContext *self);
void        awd_context_set_round    (AwdContext *self,
                                      AwdRound   *round);
gboolean    awd_context_is_read_only (AwdContext *self);
char       *awd_context_dup_operator (AwdContext *self);

/* Cross-page navigation and change notices (see the signals' docs). */
void        awd_context_request_show (AwdContext *self,
                                      const char *page,
                                      GVariant   *target);
void        awd_context_data_changed (AwdContext *self,
                                      const char *what);

G_END_DECLS
