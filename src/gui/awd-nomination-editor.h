/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "awd-context.h"

G_BEGIN_DECLS

#define AWD_TYPE_NOMINATION_EDITOR (awd_nomination_editor_get_type ())

G_DECLARE_FINAL_TYPE (AwdNominationEditor, awd_nomination_editor, AWD, NOMINATION_EDITOR, AdwWindow)

/* Edits one nomination, saving every field as soon as it is left (like the
 * set-up page). @nomination_id 0 opens a new one: a reference number is
 * proposed, and it is stored once it has a title. "saved" (gint64 id) is
 * emitted after every change the store accepted. */
GtkWidget *awd_nomination_editor_new               (AwdContext          *context,
                                                    gint64               nomination_id,
                                                    gint64               default_category_id);
/* 0 while a new nomination is not stored yet. */
gint64     awd_nomination_editor_get_nomination_id (AwdNominationEditor *self);
/* Adds @file as an attachment (what the "Add…" button does after its file
 * chooser). FALSE with a message for the person (too big, unreadable). */
gboolean   awd_nomination_editor_add_attachment    (AwdNominationEditor *self,
                                                    GFile               *file,
                                                    GError             **error);

G_END_DECLS
