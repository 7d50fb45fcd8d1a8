/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "awd-context.h"

G_BEGIN_DECLS

#define AWD_TYPE_PREFERENCES_WINDOW (awd_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (AwdPreferencesWindow, awd_preferences_window, AWD, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *awd_preferences_window_new (AwdContext *context,
                                       GtkWindow  *parent);

G_END_DECLS
