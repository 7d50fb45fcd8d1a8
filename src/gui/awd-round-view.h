/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "awd-context.h"

G_BEGIN_DECLS

#define AWD_TYPE_ROUND_VIEW (awd_round_view_get_type ())

G_DECLARE_FINAL_TYPE (AwdRoundView, awd_round_view, AWD, ROUND_VIEW, AdwBin)

GtkWidget *awd_round_view_new          (AwdContext   *context);

/* Shows the page named @name ("setup", "nominations", …); FALSE if there
 * is no such page. */
gboolean   awd_round_view_show_page    (AwdRoundView *self,
                                        const char   *name);

G_END_DECLS
