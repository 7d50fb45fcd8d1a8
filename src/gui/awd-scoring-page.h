/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "awd-context.h"

G_BEGIN_DECLS

#define AWD_TYPE_SCORING_PAGE (awd_scoring_page_get_type ())

G_DECLARE_FINAL_TYPE (AwdScoringPage, awd_scoring_page, AWD, SCORING_PAGE, AdwBin)

GtkWidget *awd_scoring_page_new          (AwdContext     *context);
void       awd_scoring_page_reload       (AwdScoringPage *self);
/* Shows the sheet of @juror_id (the juror chooser follows). */
gboolean   awd_scoring_page_select_juror (AwdScoringPage *self,
                                          gint64          juror_id);
/* The inner pages: "sheet", "progress", "conflicts", "votes". */
void       awd_scoring_page_show         (AwdScoringPage *self,
                                          const char     *name);
GtkWidget *awd_scoring_page_get_sheet    (AwdScoringPage *self);

G_END_DECLS
