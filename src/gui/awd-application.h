/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define AWD_TYPE_APPLICATION (awd_application_get_type ())

G_DECLARE_FINAL_TYPE (AwdApplication, awd_application, AWD, APPLICATION, AdwApplication)

AwdApplication *awd_application_new (void);

G_END_DECLS
