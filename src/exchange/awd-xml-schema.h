/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What the XML import and export share: the error domain, the progress
 * callback, the namespace and the exchange schema compiled into the
 * program (data/award-desk.xsd, as a GResource). */

#define AWD_XML_NAMESPACE "urn:award-desk:exchange:1"

#define AWD_XML_ERROR (awd_xml_error_quark ())

typedef enum {
  AWD_XML_ERROR_INVALID,     /* not well-formed, not valid, or a rule of meaning broken */
  AWD_XML_ERROR_TOO_LARGE,   /* the file is larger than the import accepts */
  AWD_XML_ERROR_FORBIDDEN,   /* a DOCTYPE, an entity or another construct never accepted */
  AWD_XML_ERROR_IO,          /* the file could not be read or written */
} AwdXmlError;

GQuark      awd_xml_error_quark      (void);

/* Progress of an import (bytes read of @total bytes) or an export (rows
 * written of @total rows). Called on the thread doing the work: an
 * _async caller gets it on the worker thread and must hop to the main
 * context itself (g_main_context_invoke). */
typedef void (*AwdXmlProgressFunc) (guint64   done,
                                    guint64   total,
                                    gpointer  user_data);

/* The exchange schema's bytes (compiled into the program). */
GBytes     *awd_xml_get_schema_bytes (void);

/* The shortest decimal text (a dot, no exponent) that reads back as
 * exactly @value: 2, 0.5, 7.25, -1.125. */
char       *awd_xml_format_decimal   (double value);
/* The same text written into @buffer, of at least AWD_XML_DECIMAL_SIZE
 * bytes, without an allocation; returns its length. */
#define AWD_XML_DECIMAL_SIZE 400
gsize       awd_xml_format_decimal_into (double  value,
                                         char   *buffer,
                                         gsize   size);

G_END_DECLS
