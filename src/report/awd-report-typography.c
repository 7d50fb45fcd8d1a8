/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-report-typography"

#include "config.h"

#include <glib/gi18n.h>

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "awd-report-typography.h"

static gboolean
locale_is_russian (const char *name)
{
  return name != NULL && g_str_has_prefix (name, "ru");
}

gboolean
awd_report_is_russian (void)
{
  /* The document's words come from LC_MESSAGES; its dates and numbers must
   * match them, or a Russian protocol would print 10/31/24 under an English
   * LC_TIME. */
  return locale_is_russian (setlocale (LC_MESSAGES, NULL))
         || locale_is_russian (setlocale (LC_TIME, NULL));
}

/* A quote opens at the start, after a space or after an opening bracket
 * or another opening quote. */
static gboolean
quote_opens (gunichar previous)
{
  return previous == 0 || g_unichar_isspace (previous)
         || previous == '(' || previous == '[' || previous == 0x00AB
         || previous == 0x201E || previous == 0x201C || previous == '-'
         || previous == 0x2014;
}

static char *
replace_straight_quotes (const char *text,
                         gboolean    russian)
{
  GString *out = g_string_sized_new (strlen (text) + 8);
  gunichar previous = 0;
  int depth = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '"')
        {
          gboolean opens = quote_opens (previous) && depth < 2;

          /* Nested quotes are „…“ in Russian, ‘…’ in English. */
          if (opens)
            {
              depth++;
              if (russian)
                g_string_append (out, depth == 1 ? "«" : "„");
              else
                g_string_append (out, depth == 1 ? "“" : "‘");
            }
          else
            {
              if (russian)
                g_string_append (out, depth >= 2 ? "“" : "»");
              else
                g_string_append (out, depth >= 2 ? "’" : "”");
              if (depth > 0)
                depth--;
            }
          c = opens ? 0x00AB : 0x00BB;
        }
      else
        {
          g_string_append_unichar (out, c);
        }
      previous = c;
    }

  return g_string_free (out, FALSE);
}

static GRegex *
compile_once (GRegex     **cache,
              const char  *pattern)
{
  if (g_once_init_enter (cache))
    {
      GRegex *regex = g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, NULL);

      g_assert (regex != NULL);
      g_once_init_leave (cache, regex);
    }
  return *cache;
}

char *
awd_report_typography (const char *text)
{
  static GRegex *number_sign;
  static GRegex *initials;
  static GRegex *surname_first;
  g_autofree char *quoted = NULL;
  g_autofree char *step1 = NULL;
  g_autofree char *step2 = NULL;

  if (text == NULL)
    return NULL;

  quoted = replace_straight_quotes (text, awd_report_is_russian ());

  /* № 12, №12 → №\u00A012 */
  step1 = g_regex_replace (compile_once (&number_sign, "№[ \\t]*(?=\\S)"),
                           quoted, -1, 0, "№\u00A0", 0, NULL);
  /* An initial (one capital and a dot, not inside a word) joined to the
   * next initial or the surname that follows. */
  step2 = g_regex_replace (compile_once (&initials,
                                         "(?<!\\pL)(\\p{Lu}\\.)[ \\t]*(?=\\p{Lu})"),
                           step1, -1, 0, "\\1\u00A0", 0, NULL);
  /* "Рудомино М. И.": the surname joined to the initials after it. */
  return g_regex_replace (compile_once (&surname_first,
                                        "(\\p{Lu}\\p{Ll}+)[ \\t]+(?=\\p{Lu}\\.(?!\\pL))"),
                          step2, -1, 0, "\\1\u00A0", 0, NULL);
}

char *
awd_report_quote (const char *text)
{
  g_autofree char *straight = g_strconcat ("\"", text != NULL ? text : "", "\"", NULL);

  /* Through the same rules as any text, so that quotes inside the quoted
   * text become the inner kind: «Проект „Открытая библиотека“». */
  return awd_report_typography (straight);
}

static const char *
decimal_mark (void)
{
  const char *point;

  if (awd_report_is_russian ())
    return ",";
  point = localeconv ()->decimal_point;
  return point != NULL && *point != '\0' ? point : ".";
}

char *
awd_report_format_decimal (double value,
                           int    decimals)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *format = g_strdup_printf ("%%.%df", CLAMP (decimals, 0, 12));
  GString *out = g_string_new (NULL);
  double rounded;

  /* Never print "-0,00". */
  rounded = round (value * pow (10, decimals)) / pow (10, decimals);
  if (rounded == 0.0)
    value = 0.0;

  g_ascii_formatd (buffer, sizeof buffer, format, fabs (value));
  if (value < 0)
    g_string_append (out, "−");
  for (const char *p = buffer; *p != '\0'; p++)
    {
      if (*p == '.')
        g_string_append (out, decimal_mark ());
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

char *
awd_report_format_integer (gint64 value)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT,
                                             value < 0 ? (guint64) -(value + 1) + 1 : (guint64) value);
  GString *out = g_string_new (value < 0 ? "−" : NULL);
  gsize len = strlen (digits);

  /* Russian groups thousands with a (non-breaking) space from 10 000 on;
   * four-digit numbers stay whole. */
  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0 && len > 4)
        g_string_append (out, awd_report_is_russian () ? AWD_REPORT_NBSP : ",");
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

char *
awd_report_format_date (GDateTime *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  if (awd_report_is_russian ())
    return g_date_time_format (date, "%d.%m.%Y");
  return g_date_time_format (date, "%x");
}

char *
awd_report_format_iso_date (const char *iso)
{
  g_autoptr(GDateTime) date = NULL;
  int year, month, day;

  if (iso == NULL || *iso == '\0')
    return NULL;

  /* Only the calendar date matters on paper; a time zone must not move it
   * to the day before. */
  if (sscanf (iso, "%4d-%2d-%2d", &year, &month, &day) == 3
      && g_date_valid_dmy (day, month, year))
    date = g_date_time_new_utc (year, month, day, 12, 0, 0);

  if (date == NULL)
    return g_strdup (iso);
  return awd_report_format_date (date);
}

static gboolean
is_patronymic (const char *word)
{
  static const char * const endings[] = {
    "вич", "вна", "чна", "ична", "инична", "оглы", "кызы", "ич",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (endings); i++)
    if (g_str_has_suffix (word, endings[i]))
      return TRUE;
  return FALSE;
}

static void
append_initial (GString    *out,
                const char *word)
{
  gunichar first = g_utf8_get_char (word);

  g_string_append_unichar (out, g_unichar_toupper (first));
  g_string_append (out, "." AWD_REPORT_NBSP);
}

char *
awd_report_short_name (const char *name)
{
  g_auto(GStrv) words = NULL;
  g_autofree char *stripped = NULL;
  GString *out;

  if (name == NULL)
    return NULL;

  stripped = g_strstrip (g_strdup (name));
  words = g_regex_split_simple ("\\s+", stripped, 0, 0);

  /* Only a full "Surname Name Patronymic" (or "Name Patronymic Surname")
   * can be shortened safely: a foreign name stays as written. */
  if (g_strv_length (words) != 3 || g_utf8_strlen (words[1], -1) < 2)
    return awd_report_typography (stripped);

  out = g_string_new (NULL);
  if (is_patronymic (words[2]))
    {
      append_initial (out, words[1]);
      append_initial (out, words[2]);
      g_string_append (out, words[0]);
    }
  else if (is_patronymic (words[1]))
    {
      append_initial (out, words[0]);
      append_initial (out, words[1]);
      g_string_append (out, words[2]);
    }
  else
    {
      g_string_free (out, TRUE);
      return awd_report_typography (stripped);
    }
  return g_string_free (out, FALSE);
}
