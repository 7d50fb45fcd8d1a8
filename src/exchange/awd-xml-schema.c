/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-xml-schema"

#include "config.h"

#include <glib/gi18n.h>

#include <math.h>
#include <string.h>

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

/* Writes the decimal digits of @value (>= 0) into the end of @end's buffer,
 * backwards; returns the first character. */
static char *
write_digits (guint64  value,
              char    *end)
{
  do
    {
      *--end = (char) ('0' + value % 10);
      value /= 10;
    }
  while (value > 0);
  return end;
}

/* The exact decimal text of a value that is a whole number or a multiple of
 * 2^-k (k ≤ 10) below 10^6 in size: scores on any usual scale (steps of 1,
 * 0.5, 0.25, …). Its k decimals are then the shortest text that reads back
 * as the same double, since any shorter decimal lies at least 10^-k away,
 * more than half a unit in the last place of a double below 2^20; so this
 * gives the very bytes of the general loop below, without printf and
 * strtod. FALSE for anything else. */
static gboolean
format_exact_decimal (double  value,
                      char   *buffer,
                      gsize   size)
{
  static const guint64 powers_of_5[] = { 1, 5, 25, 125, 625, 3125, 15625, 78125, 390625,
                                         1953125, 9765625 };
  double magnitude = fabs (value);
  char digits[48];
  char *end = digits + sizeof digits;
  char *p = end;
  guint64 scaled;
  int k;

  if (magnitude < 1e15 && value == nearbyint (value))
    {
      p = write_digits ((guint64) magnitude, end);
      if (value < 0)
        *--p = '-';
    }
  else if (magnitude < 1e6)
    {
      /* Multiplying by a power of two is exact; below 10^6 × 2^10 × 5^10
       * the product fits in 64 bits. */
      double twice = magnitude;

      for (k = 1; k <= 10; k++)
        {
          twice *= 2;
          if (twice == (double) (guint64) twice)
            break;
        }
      if (k > 10)
        return FALSE;
      scaled = (guint64) twice * powers_of_5[k];   /* = magnitude × 10^k */
      for (int i = 0; i < k; i++)
        {
          *--p = (char) ('0' + scaled % 10);
          scaled /= 10;
        }
      *--p = '.';
      p = write_digits (scaled, p);
      if (value < 0)
        *--p = '-';
    }
  else
    return FALSE;

  if ((gsize) (end - p) >= size)
    return FALSE;
  memcpy (buffer, p, end - p);
  buffer[end - p] = '\0';
  return TRUE;
}

gsize
awd_xml_format_decimal_into (double  value,
                             char   *buffer,
                             gsize   size)
{
  g_return_val_if_fail (size >= AWD_XML_DECIMAL_SIZE, 0);

  buffer[0] = '0';
  buffer[1] = '\0';
  g_return_val_if_fail (isfinite (value), 1);

  if (value == 0)
    {
      strcpy (buffer, "0");  /* also for -0 */
      return 1;
    }
  if (format_exact_decimal (value, buffer, size))
    return strlen (buffer);

  if (value == nearbyint (value))
    {
      g_ascii_formatd (buffer, size, "%.0f", value);
      return strlen (buffer);
    }

  /* The fewest decimals that read back as the same double; %f never
   * writes an exponent, which xs:decimal does not allow. */
  for (int decimals = 1; decimals <= 340; decimals++)
    {
      char format[16];

      g_snprintf (format, sizeof format, "%%.%df", decimals);
      g_ascii_formatd (buffer, size, format, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }
  return strlen (buffer);
}

char *
awd_xml_format_decimal (double value)
{
  char buffer[AWD_XML_DECIMAL_SIZE];

  g_return_val_if_fail (isfinite (value), g_strdup ("0"));

  awd_xml_format_decimal_into (value, buffer, sizeof buffer);
  return g_strdup (buffer);
}
