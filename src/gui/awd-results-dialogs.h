/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The results page's questions: confirm finalization, the reason for
 * reopening, the chair's decision on a shared first place. Each is an
 * AdwMessageDialog over the page's window; the callback runs only on the
 * affirmative answer, with the page (user_data) kept alive meanwhile.
 * Widgets that tests drive carry names: "reopen-reason", "tie-choice",
 * "tie-note". Responses: "finalize", "reopen", "decide"; "cancel". */

typedef void (*AwdConfirmedFunc)  (gpointer    user_data);
typedef void (*AwdReasonFunc)     (gpointer    user_data,
                                   const char *reason);
typedef void (*AwdTieDecidedFunc) (gpointer    user_data,
                                   gint64      nomination_id,
                                   const char *note);

GtkWidget *awd_results_finalize_dialog_present (GtkWidget          *parent,
                                                const char         *body,
                                                AwdConfirmedFunc    func,
                                                gpointer            user_data);
GtkWidget *awd_results_reopen_dialog_present   (GtkWidget          *parent,
                                                AwdReasonFunc       func,
                                                gpointer            user_data);
/* @ids: nomination ids (gint64) of the tied first places, @labels theirs. */
GtkWidget *awd_results_tie_dialog_present      (GtkWidget          *parent,
                                                const char         *category,
                                                GArray             *ids,
                                                const char * const *labels,
                                                AwdTieDecidedFunc   func,
                                                gpointer            user_data);
GtkWidget *awd_results_error_dialog_present    (GtkWidget          *parent,
                                                const char         *heading,
                                                const char         *body);

G_END_DECLS
