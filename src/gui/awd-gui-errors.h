/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Small helpers shared by window-level operations (print, exchange,
 * backups, journal) and any page that wants them. */

/* A dialog for an error that stopped an operation: @heading says what
 * failed, the body is the error's message. The store's messages already say
 * what to do; for a full disk (AWD_STORE_ERROR_DISK_FULL) and an I/O error
 * the dialog adds that the work saved before is safe. Returns the dialog
 * (already presented, destroyed when answered). */
GtkWidget *awd_gui_show_store_error (GtkWidget    *widget,
                                     const char   *heading,
                                     const GError *error);

/* A toast on the application window that holds @widget (or is the parent of
 * the dialog holding it); logs @text when there is none. */
void       awd_gui_show_toast       (GtkWidget    *widget,
                                     const char   *text);

/* Called with the chosen file's path, or NULL when cancelled. */
typedef void (*AwdFileChosenFunc) (const char *path,
                                   gpointer    user_data);

/* A GtkFileChooserNative to open (@save FALSE) or save a file; @pattern
 * ("*.xml") and @filter_name (nullable) filter it. */
void       awd_gui_choose_file      (GtkWindow         *parent,
                                     gboolean           save,
                                     const char        *title,
                                     const char        *accept_label,
                                     const char        *suggested_name,
                                     const char        *filter_name,
                                     const char        *pattern,
                                     AwdFileChosenFunc  callback,
                                     gpointer           user_data);

/* TEST ONLY: with a path set, awd_gui_choose_file() shows no chooser and
 * answers with that path (once; NULL clears it). */
void       awd_gui_set_test_file    (const char        *path);

G_END_DECLS
