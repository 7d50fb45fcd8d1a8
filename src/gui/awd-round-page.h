/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "awd-context.h"

G_BEGIN_DECLS

#define AWD_TYPE_ROUND_PAGE (awd_round_page_get_type ())

G_DECLARE_FINAL_TYPE (AwdRoundPage, awd_round_page, AWD, ROUND_PAGE, AdwBin)

GtkWidget *awd_round_page_new    (AwdContext   *context);
void       awd_round_page_reload (AwdRoundPage *self);

G_END_DECLS
