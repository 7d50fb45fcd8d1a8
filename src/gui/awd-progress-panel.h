/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "awd-context.h"

G_BEGIN_DECLS

#define AWD_TYPE_PROGRESS_PANEL (awd_progress_panel_get_type ())

G_DECLARE_FINAL_TYPE (AwdProgressPanel, awd_progress_panel, AWD, PROGRESS_PANEL, AdwBin)

GtkWidget *awd_progress_panel_new    (AwdContext       *context);
/* Recomputes the figures now when shown, else when next shown. */
void       awd_progress_panel_reload (AwdProgressPanel *self);

G_END_DECLS
