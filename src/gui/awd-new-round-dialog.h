/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "awd-context.h"

G_BEGIN_DECLS

#define AWD_TYPE_NEW_ROUND_DIALOG (awd_new_round_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AwdNewRoundDialog, awd_new_round_dialog, AWD, NEW_ROUND_DIALOG, AdwWindow)

GtkWidget *awd_new_round_dialog_new    (AwdContext        *context,
                                        GtkWindow         *parent);
gboolean   awd_new_round_dialog_create (AwdNewRoundDialog *self);

G_END_DECLS
