/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-countries"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "awd-fold.h"
#include "awd-countries.h"

/* Why read the files directly:
 * - iso-codes deprecates its XML files in favour of the JSON ones, and
 *   GLib has no JSON parser (json-glib is not a dependency): the JSON file
 *   is a flat list of objects of strings, which the small reader below
 *   parses strictly, with a depth limit, ignoring members it does not know.
 * - The Russian names come from the `iso_3166-1` catalogue. Asking gettext
 *   would depend on the process's locale, on LANGUAGE and on ru_RU being
 *   generated; reading the .mo file (a documented, simple binary format)
 *   gives the same strings under any locale, which an import needs.
 * The tables are immutable once built (g_once), so sharing them between
 * threads is safe. */

#define ISO_JSON  ISO_CODES_PREFIX "/share/iso-codes/json/iso_3166-1.json"
#define ISO_MO_RU ISO_CODES_PREFIX "/share/locale/ru/LC_MESSAGES/iso_3166-1.mo"

#define MAX_JSON_DEPTH 16

typedef struct {
  GHashTable *alpha2;     /* "RU" → interned "RU" */
  GHashTable *alpha3;     /* "RUS" → interned "RU" */
  GHashTable *names;      /* folded name → interned code, "" when ambiguous */
  GHashTable *ru;         /* English msgid → Russian msgstr (the .mo file) */
  gboolean    available;
} Countries;

typedef struct {
  const char *p;
  const char *end;
  int         depth;
  Countries  *countries;
} JsonReader;

/* Names people use that iso-codes does not list (it has «Российская
 * Федерация», not «Россия»). */
static const struct { const char *code; const char *name; } customary_names[] = {
  { "RU", "Россия" }, { "RU", "Russia" },
  { "GB", "Великобритания" }, { "GB", "Great Britain" }, { "GB", "UK" },
  { "US", "США" }, { "US", "USA" },
  { "BY", "Белоруссия" },
  { "MD", "Молдова" },
  { "KG", "Кыргызстан" },
  { "KR", "Южная Корея" }, { "KP", "КНДР" },
  { "CZ", "Чешская Республика" },
};

/* The folded key of a name: awd_fold (case, ё/е, NFKC), stress marks
 * dropped, runs of white space made one space, ends trimmed. */
static char *
make_key (const char *text)
{
  g_autofree char *folded = awd_fold (text);
  GString *key = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x0301)
        continue;
      if (g_unichar_isspace (c))
        {
          space = key->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (key, ' ');
      space = FALSE;
      g_string_append_unichar (key, c);
    }
  return g_string_free (key, FALSE);
}

static void
add_name (Countries  *countries,
          const char *name,
          const char *code)
{
  char *key;
  const char *known;

  if (name == NULL || *name == '\0')
    return;
  key = make_key (name);
  known = g_hash_table_lookup (countries->names, key);
  if (known != NULL && strcmp (known, code) != 0)
    g_hash_table_replace (countries->names, key, (gpointer) "");
  else
    g_hash_table_replace (countries->names, key, (gpointer) code);
}

/* .mo reading ---------------------------------------------------------- */

static gboolean
read_u32 (const guint8 *data,
          gsize         size,
          gsize         offset,
          gboolean      swap,
          guint32      *out)
{
  guint32 v;

  if (offset > size || size - offset < 4)
    return FALSE;
  memcpy (&v, data + offset, 4);
  *out = swap ? GUINT32_SWAP_LE_BE (v) : v;
  return TRUE;
}

/* The string at table entry @i: a length and an offset, NUL-terminated
 * within the file. */
static const char *
mo_string (const guint8 *data,
           gsize         size,
           guint32       table,
           guint32       i,
           gboolean      swap)
{
  guint32 len, off;

  if (!read_u32 (data, size, (gsize) table + 8 * (gsize) i, swap, &len) ||
      !read_u32 (data, size, (gsize) table + 8 * (gsize) i + 4, swap, &off))
    return NULL;
  if ((gsize) off > size || (gsize) len >= size - off || data[off + len] != '\0')
    return NULL;
  return (const char *) data + off;
}

static void
load_russian (Countries *countries)
{
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GError) error = NULL;
  const guint8 *data;
  gsize size;
  guint32 magic = 0, n = 0, originals = 0, translations = 0;
  gboolean swap;

  file = g_mapped_file_new (ISO_MO_RU, FALSE, &error);
  if (file == NULL)
    {
      g_debug ("No Russian country names: %s", error->message);
      return;
    }
  data = (const guint8 *) g_mapped_file_get_contents (file);
  size = g_mapped_file_get_length (file);
  if (!read_u32 (data, size, 0, FALSE, &magic))
    return;
  if (magic != 0x950412de && GUINT32_SWAP_LE_BE (magic) != 0x950412de)
    {
      g_debug ("%s is not a gettext catalogue", ISO_MO_RU);
      return;
    }
  swap = magic != 0x950412de;
  if (!read_u32 (data, size, 8, swap, &n) ||
      !read_u32 (data, size, 12, swap, &originals) ||
      !read_u32 (data, size, 16, swap, &translations))
    return;

  for (guint32 i = 0; i < n; i++)
    {
      const char *id = mo_string (data, size, originals, i, swap);
      const char *str = mo_string (data, size, translations, i, swap);

      /* Skip the header (empty msgid), contexts (\004) and broken entries. */
      if (id == NULL || str == NULL || *id == '\0' || *str == '\0' || strchr (id, '\004') != NULL ||
          !g_utf8_validate (id, -1, NULL) || !g_utf8_validate (str, -1, NULL))
        continue;
      g_hash_table_replace (countries->ru, g_strdup (id), g_strdup (str));
    }
}

/* JSON reading --------------------------------------------------------- */

static void
skip_space (JsonReader *r)
{
  while (r->p < r->end && (*r->p == ' ' || *r->p == '\t' || *r->p == '\n' || *r->p == '\r'))
    r->p++;
}

static gboolean
expect (JsonReader *r,
        char        c)
{
  skip_space (r);
  if (r->p >= r->end || *r->p != c)
    return FALSE;
  r->p++;
  return TRUE;
}

static int
hex_value (char c)
{
  return g_ascii_xdigit_value (c);
}

static gboolean
read_hex4 (JsonReader *r,
           gunichar   *out)
{
  gunichar v = 0;

  if (r->end - r->p < 4)
    return FALSE;
  for (int i = 0; i < 4; i++)
    {
      int d = hex_value (r->p[i]);
      if (d < 0)
        return FALSE;
      v = v * 16 + (gunichar) d;
    }
  r->p += 4;
  *out = v;
  return TRUE;
}

static char *
parse_string (JsonReader *r)
{
  g_autoptr(GString) s = g_string_new (NULL);

  if (!expect (r, '"'))
    return NULL;
  while (r->p < r->end && *r->p != '"')
    {
      char c = *r->p++;

      if ((guchar) c < 0x20)
        return NULL;
      if (c != '\\')
        {
          g_string_append_c (s, c);
          continue;
        }
      if (r->p >= r->end)
        return NULL;
      c = *r->p++;
      switch (c)
        {
        case '"': case '\\': case '/':
          g_string_append_c (s, c);
          break;
        case 'b': g_string_append_c (s, '\b'); break;
        case 'f': g_string_append_c (s, '\f'); break;
        case 'n': g_string_append_c (s, '\n'); break;
        case 'r': g_string_append_c (s, '\r'); break;
        case 't': g_string_append_c (s, '\t'); break;
        case 'u':
          {
            gunichar u, low;

            if (!read_hex4 (r, &u))
              return NULL;
            if (u >= 0xD800 && u < 0xDC00)
              {
                if (r->end - r->p < 2 || r->p[0] != '\\' || r->p[1] != 'u')
                  return NULL;
                r->p += 2;
                if (!read_hex4 (r, &low) || low < 0xDC00 || low > 0xDFFF)
                  return NULL;
                u = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00);
              }
            else if (u >= 0xDC00 && u <= 0xDFFF)
              return NULL;
            if (u == 0)
              return NULL;
            g_string_append_unichar (s, u);
          }
          break;
        default:
          return NULL;
        }
    }
  if (r->p >= r->end)
    return NULL;
  r->p++;
  if (!g_utf8_validate_len (s->str, s->len, NULL))
    return NULL;
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static gboolean parse_value (JsonReader *r, char **out_string);

static void
add_country (Countries  *countries,
             GHashTable *members)
{
  const char *alpha2 = g_hash_table_lookup (members, "alpha_2");
  const char *alpha3 = g_hash_table_lookup (members, "alpha_3");
  const char *name_keys[] = { "name", "official_name", "common_name" };
  const char *code;

  if (alpha2 == NULL || strlen (alpha2) != 2 ||
      !g_ascii_isupper (alpha2[0]) || !g_ascii_isupper (alpha2[1]))
    return;
  code = g_intern_string (alpha2);
  g_hash_table_replace (countries->alpha2, g_strdup (code), (gpointer) code);
  if (alpha3 != NULL && strlen (alpha3) == 3)
    g_hash_table_replace (countries->alpha3, g_ascii_strup (alpha3, -1), (gpointer) code);

  for (guint i = 0; i < G_N_ELEMENTS (name_keys); i++)
    {
      const char *name = g_hash_table_lookup (members, name_keys[i]);

      if (name == NULL)
        continue;
      add_name (countries, name, code);
      add_name (countries, g_hash_table_lookup (countries->ru, name), code);
    }
}

static gboolean
parse_object (JsonReader *r)
{
  g_autoptr(GHashTable) members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (!expect (r, '{'))
    return FALSE;
  skip_space (r);
  if (r->p < r->end && *r->p == '}')
    {
      r->p++;
      return TRUE;
    }
  for (;;)
    {
      g_autofree char *key = parse_string (r);
      char *value = NULL;

      if (key == NULL || !expect (r, ':') || !parse_value (r, &value))
        return FALSE;
      if (value != NULL)
        g_hash_table_replace (members, g_steal_pointer (&key), value);
      skip_space (r);
      if (r->p < r->end && *r->p == ',')
        {
          r->p++;
          continue;
        }
      if (!expect (r, '}'))
        return FALSE;
      break;
    }

  add_country (r->countries, members);
  return TRUE;
}

static gboolean
parse_array (JsonReader *r)
{
  if (!expect (r, '['))
    return FALSE;
  skip_space (r);
  if (r->p < r->end && *r->p == ']')
    {
      r->p++;
      return TRUE;
    }
  for (;;)
    {
      if (!parse_value (r, NULL))
        return FALSE;
      skip_space (r);
      if (r->p < r->end && *r->p == ',')
        {
          r->p++;
          continue;
        }
      return expect (r, ']');
    }
}

/* A value; a string is handed back through @out_string when asked for. */
static gboolean
parse_value (JsonReader  *r,
             char       **out_string)
{
  gboolean ok;

  skip_space (r);
  if (r->p >= r->end)
    return FALSE;

  switch (*r->p)
    {
    case '"':
      {
        char *s = parse_string (r);

        if (s == NULL)
          return FALSE;
        if (out_string != NULL)
          *out_string = s;
        else
          g_free (s);
        return TRUE;
      }
    case '{':
    case '[':
      if (++r->depth > MAX_JSON_DEPTH)
        return FALSE;
      ok = *r->p == '{' ? parse_object (r) : parse_array (r);
      r->depth--;
      return ok;
    default:
      /* Numbers, true, false, null: not needed, skipped whole. */
      if (!(g_ascii_isalnum (*r->p) || *r->p == '-'))
        return FALSE;
      while (r->p < r->end && (g_ascii_isalnum (*r->p) || strchr ("+-.", *r->p) != NULL))
        r->p++;
      return TRUE;
    }
}

static gpointer
load_countries (gpointer data)
{
  Countries *countries = g_new0 (Countries, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  gsize length = 0;

  countries->alpha2 = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  countries->alpha3 = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  countries->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  countries->ru = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  load_russian (countries);

  if (!g_file_get_contents (ISO_JSON, &json, &length, &error))
    g_debug ("No country names: %s", error->message);
  else
    {
      JsonReader r = { json, json + length, 0, countries };

      if (parse_value (&r, NULL) && g_hash_table_size (countries->alpha2) > 0)
        countries->available = TRUE;
      else
        {
          g_debug ("%s could not be read as iso-codes JSON", ISO_JSON);
          g_hash_table_remove_all (countries->alpha2);
          g_hash_table_remove_all (countries->alpha3);
          g_hash_table_remove_all (countries->names);
        }
    }

  if (countries->available)
    for (guint i = 0; i < G_N_ELEMENTS (customary_names); i++)
      {
        const char *code = g_hash_table_lookup (countries->alpha2, customary_names[i].code);

        if (code != NULL)
          add_name (countries, customary_names[i].name, code);
      }

  return countries;
}

static Countries *
get_countries (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, load_countries, NULL);
}

gboolean
awd_countries_available (void)
{
  return get_countries ()->available;
}

const char *
awd_country_lookup (const char *text)
{
  Countries *countries = get_countries ();
  g_autofree char *trimmed = NULL;
  g_autofree char *key = NULL;
  const char *code;
  gsize len;

  if (text == NULL)
    return NULL;
  trimmed = g_strstrip (g_strdup (text));
  len = strlen (trimmed);

  if (len == 2 && g_ascii_isalpha (trimmed[0]) && g_ascii_isalpha (trimmed[1]))
    {
      g_autofree char *upper = g_ascii_strup (trimmed, -1);

      if (!countries->available)
        return g_intern_string (upper);
      code = g_hash_table_lookup (countries->alpha2, upper);
      if (code != NULL)
        return code;
    }
  if (len == 3 && g_ascii_isalpha (trimmed[0]) && g_ascii_isalpha (trimmed[1]) &&
      g_ascii_isalpha (trimmed[2]))
    {
      g_autofree char *upper = g_ascii_strup (trimmed, -1);

      code = g_hash_table_lookup (countries->alpha3, upper);
      if (code != NULL)
        return code;
    }

  key = make_key (trimmed);
  code = g_hash_table_lookup (countries->names, key);
  return code != NULL && *code != '\0' ? code : NULL;
}
