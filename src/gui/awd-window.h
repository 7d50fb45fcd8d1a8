/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "awd-context.h"

G_BEGIN_DECLS

#define AWD_TYPE_WINDOW (awd_window_get_type ())

G_DECLARE_FINAL_TYPE (AwdWindow, awd_window, AWD, WINDOW, AdwApplicationWindow)

AwdWindow  *awd_window_new                   (GtkApplication *application,
                                              AwdContext     *context);
AwdContext *awd_window_get_context           (AwdWindow      *self);
GtkWidget  *awd_window_show_new_round_dialog (AwdWindow      *self);
gboolean    awd_window_select_round          (AwdWindow      *self,
                                              gint64          round_id);
void        awd_window_reload_rounds         (AwdWindow      *self);
void        awd_window_flush_pending_delete  (AwdWindow      *self);
void        awd_window_dismiss_toast         (AdwToast       *toast);
void        awd_window_add_toast             (AwdWindow      *self,
                                              AdwToast       *toast);

G_END_DECLS
