/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-country-item"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "awd-country-item.h"

#ifndef ISO_CODES_PREFIX
#define ISO_CODES_PREFIX "/usr"
#endif
#define ISO_3166_1_JSON ISO_CODES_PREFIX "/share/iso-codes/json/iso_3166-1.json"
#define ISO_3166_2_JSON ISO_CODES_PREFIX "/share/iso-codes/json/iso_3166-2.json"

/* iso-codes' JSON files are a dictionary of one array of dictionaries of
 * strings, which GVariant's text format reads as a{saa{ss}}: GLib parses
 * them without a JSON library (2 ms and 25 ms here). */
#define ISO_VARIANT_TYPE "a{saa{ss}}"

struct _AwdCountryItem
{
  GObject  parent_instance;

  char    *code;
  char    *name;
  char    *collate_key;
};

G_DEFINE_FINAL_TYPE (AwdCountryItem, awd_country_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CODE,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
awd_country_item_finalize (GObject *object)
{
  AwdCountryItem *self = AWD_COUNTRY_ITEM (object);

  g_free (self->code);
  g_free (self->name);
  g_free (self->collate_key);

  G_OBJECT_CLASS (awd_country_item_parent_class)->finalize (object);
}

static void
awd_country_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AwdCountryItem *self = AWD_COUNTRY_ITEM (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awd_country_item_class_init (AwdCountryItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = awd_country_item_finalize;
  object_class->get_property = awd_country_item_get_property;

  properties[PROP_CODE] = g_param_spec_string ("code", NULL, NULL, NULL,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
awd_country_item_init (AwdCountryItem *self)
{
}

static AwdCountryItem *
country_item_new (const char *code,
                  const char *name)
{
  AwdCountryItem *self = g_object_new (AWD_TYPE_COUNTRY_ITEM, NULL);

  self->code = g_strdup (code);
  self->name = g_strdup (name);
  self->collate_key = g_utf8_collate_key (name, -1);
  return self;
}

const char *
awd_country_item_get_code (AwdCountryItem *self)
{
  g_return_val_if_fail (AWD_IS_COUNTRY_ITEM (self), NULL);
  return self->code;
}

const char *
awd_country_item_get_name (AwdCountryItem *self)
{
  g_return_val_if_fail (AWD_IS_COUNTRY_ITEM (self), NULL);
  return self->name;
}

static GVariant *
load_iso_file (const char *path,
               const char *key)
{
  g_autofree char *text = NULL;
  g_autoptr(GVariant) all = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_file_get_contents (path, &text, NULL, &error) ||
      (all = g_variant_parse (G_VARIANT_TYPE (ISO_VARIANT_TYPE), text, NULL, NULL, &error)) == NULL)
    {
      g_warning ("Cannot read %s (iso-codes): %s", path, error->message);
      return NULL;
    }
  return g_variant_lookup_value (all, key, G_VARIANT_TYPE ("aa{ss}"));
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  AwdCountryItem *x = *(AwdCountryItem **) a;
  AwdCountryItem *y = *(AwdCountryItem **) b;

  return strcmp (x->collate_key, y->collate_key);
}

static gpointer
load_countries (gpointer data)
{
  g_autoptr(GVariant) entries = load_iso_file (ISO_3166_1_JSON, "3166-1");
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GListStore *store = g_list_store_new (AWD_TYPE_COUNTRY_ITEM);
  g_autoptr(AwdCountryItem) none = country_item_new ("", _("Not given"));
  GVariantIter iter;
  GVariant *entry;

  g_list_store_append (store, none);
  if (entries == NULL)
    return store;

  bind_textdomain_codeset ("iso_3166-1", "UTF-8");
  g_variant_iter_init (&iter, entries);
  while ((entry = g_variant_iter_next_value (&iter)) != NULL)
    {
      const char *code = NULL, *name = NULL, *common = NULL;

      g_variant_lookup (entry, "alpha_2", "&s", &code);
      g_variant_lookup (entry, "name", "&s", &name);
      g_variant_lookup (entry, "common_name", "&s", &common);
      /* The common name ("Bolivia", not "Bolivia, Plurinational State
       * of") is what people look for; iso-codes translates both. */
      if (code != NULL && name != NULL)
        g_ptr_array_add (items, country_item_new (code, g_dgettext ("iso_3166-1", common != NULL ? common : name)));
      g_variant_unref (entry);
    }
  g_ptr_array_sort (items, compare_items);
  g_list_store_splice (store, 1, 0, items->pdata, items->len);
  return store;
}

GListModel *
awd_country_items_get (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, load_countries, NULL);
  return once.retval;
}

guint
awd_country_items_find (const char *code)
{
  GListModel *items = awd_country_items_get ();

  if (code == NULL || *code == '\0')
    return 0;
  for (guint i = 1; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(AwdCountryItem) item = g_list_model_get_item (items, i);
      if (g_ascii_strcasecmp (item->code, code) == 0)
        return i;
    }
  return 0;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(const char **) a, *(const char **) b);
}

GStrv
awd_country_dup_subdivisions (const char *code)
{
  static GVariant *entries;   /* read once, kept: 5,000 subdivisions */
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *prefix = NULL;
  GVariantIter iter;
  GVariant *entry;

  if (code == NULL || strlen (code) != 2)
    return g_new0 (char *, 1);
  if (entries == NULL)
    entries = load_iso_file (ISO_3166_2_JSON, "3166-2");
  if (entries == NULL)
    return g_new0 (char *, 1);

  bind_textdomain_codeset ("iso_3166-2", "UTF-8");
  prefix = g_strdup_printf ("%s-", code);
  g_variant_iter_init (&iter, entries);
  while ((entry = g_variant_iter_next_value (&iter)) != NULL)
    {
      const char *sub = NULL, *name = NULL, *parent = NULL;

      g_variant_lookup (entry, "code", "&s", &sub);
      g_variant_lookup (entry, "name", "&s", &name);
      g_variant_lookup (entry, "parent", "&s", &parent);
      /* Top-level subdivisions only (regions, not their districts). */
      if (sub != NULL && name != NULL && parent == NULL && g_str_has_prefix (sub, prefix))
        g_ptr_array_add (names, g_strdup (g_dgettext ("iso_3166-2", name)));
      g_variant_unref (entry);
    }
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}
