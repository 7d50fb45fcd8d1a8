/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "award-desk"

#include "config.h"

#include <glib/gi18n.h>

#include <locale.h>

#include "awd-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AwdApplication) app = NULL;
  const char *localedir = g_getenv ("AWARD_DESK_LOCALEDIR");

  /* AWARD_DESK_LOCALEDIR lets an uninstalled build find its own .mo files. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = awd_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
