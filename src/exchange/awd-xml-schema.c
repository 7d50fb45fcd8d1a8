/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-xml-schema"

#include "config.h"

#include <glib/gi18n.h>

#include <math.h>

#include "awd-exchange-resources.h"
#include "awd-xml-schema.h"

G_DEFINE_QUARK (awd-xml-error-quark, awd_xml_error)

GBytes *
awd_xml_get_schema_bytes (void)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  /* Looked up in our own GResource by its handle (not through the global
   * registry), which also keeps the linker from dropping it. */
  bytes = g_resource_lookup_data (awd_exchange_get_resource (),
                                  "/ru/libfl/AwardDesk/exchange/award-desk.xsd",
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    g_error ("The exchange schema is missing from the program: %s", error->message);
  return bytes;
}

char *
awd_xml_format_decimal (double value)
{
  /* Room for "%.340f" of a value below 1e16 (the only ones with decimals). */
  char buffer[400];

  g_return_val_if_fail (isfinite (value), g_strdup ("0"));

  if (value == 0)
    return g_strdup ("0");  /* also for -0 */

  if (value == nearbyint (value))
    {
      g_ascii_formatd (buffer, sizeof buffer, "%.0f", value);
      return g_strdup (buffer);
    }

  /* The fewest decimals that read back as the same double; %f never
   * writes an exponent, which xs:decimal does not allow. */
  for (int decimals = 1; decimals <= 340; decimals++)
    {
      char format[16];

      g_snprintf (format, sizeof format, "%%.%df", decimals);
      g_ascii_formatd (buffer, sizeof buffer, format, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }
  return g_strdup (buffer);
}
