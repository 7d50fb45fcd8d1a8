/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Called when a watched entry's text should be saved. Returns TRUE when the
 * text was stored, FALSE when it was refused (the callback shows why). */
typedef gboolean (*AwdCommitFunc) (GtkWidget  *entry,
                                   const char *text,
                                   gpointer    user_data);

void      awd_entry_watch_commit          (GtkWidget     *entry,
                                           gboolean       debounce,
                                           AwdCommitFunc  func,
                                           gpointer       user_data);
void      awd_entry_set_committed_text    (GtkWidget     *entry,
                                           const char    *text);
void      awd_entry_commit_now            (GtkWidget     *entry);

gboolean  awd_parse_decimal               (const char    *text,
                                           double        *out_value);
gboolean  awd_parse_integer               (const char    *text,
                                           int           *out_value);
char     *awd_format_decimal              (double         value);

void      awd_row_set_error               (GtkWidget     *row,
                                           const char    *message);
void      awd_label_set_error             (GtkWidget     *label,
                                           GtkWidget     *marked,
                                           const char    *message);

char     *awd_operator_name_from_settings (GSettings     *settings);
char     *awd_round_describe              (gpointer       round);

G_END_DECLS
