/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "awd-context.h"

G_BEGIN_DECLS

#define AWD_TYPE_VOTES_PANEL (awd_votes_panel_get_type ())

G_DECLARE_FINAL_TYPE (AwdVotesPanel, awd_votes_panel, AWD, VOTES_PANEL, AdwBin)

GtkWidget *awd_votes_panel_new          (AwdContext    *context);
void       awd_votes_panel_reload       (AwdVotesPanel *self);
/* Checks @path as an import would and shows the preview dialog (the tests
 * call it in place of the file chooser). */
void       awd_votes_panel_preview_file (AwdVotesPanel *self,
                                         const char    *path);

G_END_DECLS
