/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What an exchange file holds, read before importing it (so the GUI can
 * warn that importing it adds a second copy of a season already there).
 * Only the attributes of each <round> are read; the file is not validated
 * (the import does that). Streamed, no DTD, no entities, no network. */

typedef struct {
  char   *award;
  gint64  number;
  gint64  year;
  char   *title;   /* may be NULL */
} AwdXmlRoundInfo;

void       awd_xml_round_info_free (AwdXmlRoundInfo *info);

/* AwdXmlRoundInfo items in file order, or NULL when the file cannot be read
 * as XML (one line saying why). */
GPtrArray *awd_xml_peek_rounds     (const char      *path,
                                    GError         **error);

G_END_DECLS
