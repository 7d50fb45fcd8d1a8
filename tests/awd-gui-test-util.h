/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "awd-context.h"
#include "awd-window.h"

G_BEGIN_DECLS

/* A window over a temporary database holding the sample season, for the
 * GUI tests of printing, exchange, backups and the journal. */
typedef struct
{
  char       *dir;
  char       *path;
  GSettings  *settings;
  AwdStore   *store;
  AwdContext *context;
  AwdWindow  *window;
  gint64      round_id;     /* the sample season */
} AwdGuiFixture;

void        awd_gui_fixture_set_up    (AwdGuiFixture *f,
                                       gconstpointer  data);
void        awd_gui_fixture_tear_down (AwdGuiFixture *f,
                                       gconstpointer  data);
/* Imports the sample season (data/sample-round.xml), returns its id. */
gint64      awd_gui_import_sample     (AwdStore      *store);
void        awd_gui_open_window       (AwdGuiFixture *f);
void        awd_gui_close_window      (AwdGuiFixture *f);

/* Runs the main loop a little. */
void        awd_gui_pump              (void);
/* Runs the main loop until @done (read each turn) is TRUE or @seconds pass. */
gboolean    awd_gui_pump_until        (const gboolean *done,
                                       double          seconds);
/* The first visible toplevel of @type, or NULL. */
GtkWidget  *awd_gui_find_toplevel     (GType          type);
/* The first widget named @name under @root (itself included), or NULL. */
GtkWidget  *awd_gui_find_named        (GtkWidget     *root,
                                       const char    *name);
/* The @nth (0-based) widget named @name under @root, in the same order;
 * NULL, with a test message saying so, when there is none. */
GtkWidget  *awd_gui_find_nth_named    (GtkWidget     *root,
                                       const char    *name,
                                       int            nth);
/* The first widget of @type under @root (itself included), or NULL. */
GtkWidget  *awd_gui_find_type         (GtkWidget     *root,
                                       GType          type);
/* With AWD_TEST_SCREENSHOT_DIR set, saves @widget's window as DIR/NAME.png. */
void        awd_gui_screenshot        (GtkWidget     *widget,
                                       const char    *name);
/* With AWD_TEST_SCREENSHOT_DIR set, the whole X screen (popovers
 * included) as DIR/NAME.png, through ImageMagick's import. */
void        awd_gui_screenshot_screen (const char    *name);
/* The text of a PDF (pdftotext -layout), or NULL. */
char       *awd_gui_pdf_text          (const char    *pdf);
gboolean    awd_gui_has_display       (void);
/* setlocale, gettext, g_test_init; FALSE (after printing the TAP skip)
 * without a display. */
gboolean    awd_gui_test_init         (int           *argc,
                                       char        ***argv);

G_END_DECLS
