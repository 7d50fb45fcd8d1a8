/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define AWD_TYPE_ATTACHMENT (awd_attachment_get_type ())

G_DECLARE_FINAL_TYPE (AwdAttachment, awd_attachment, AWD, ATTACHMENT, GObject)

/* A file attached to a nomination, as the store lists it: its bytes stay
 * in the database (awd_store_get_attachment_data() reads them). */
AwdAttachment *awd_attachment_new                  (gint64      id,
                                                    gint64      nomination_id,
                                                    const char *name,
                                                    const char *mime_type,
                                                    gint64      size,
                                                    const char *sha256);
gint64         awd_attachment_get_id               (AwdAttachment *self);
gint64         awd_attachment_get_nomination_id    (AwdAttachment *self);
const char    *awd_attachment_get_name             (AwdAttachment *self);
const char    *awd_attachment_get_mime_type        (AwdAttachment *self);
gint64         awd_attachment_get_size             (AwdAttachment *self);
/* Lowercase hex SHA-256 of the bytes. */
const char    *awd_attachment_get_sha256           (AwdAttachment *self);

G_END_DECLS
