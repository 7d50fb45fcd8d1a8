/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "awd-context.h"

G_BEGIN_DECLS

#define AWD_TYPE_CONFLICTS_PANEL (awd_conflicts_panel_get_type ())

G_DECLARE_FINAL_TYPE (AwdConflictsPanel, awd_conflicts_panel, AWD, CONFLICTS_PANEL, AdwBin)

GtkWidget *awd_conflicts_panel_new    (AwdContext        *context);
void       awd_conflicts_panel_reload (AwdConflictsPanel *self);

G_END_DECLS
