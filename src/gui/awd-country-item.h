/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define AWD_TYPE_COUNTRY_ITEM (awd_country_item_get_type ())

G_DECLARE_FINAL_TYPE (AwdCountryItem, awd_country_item, AWD, COUNTRY_ITEM, GObject)

/* A country for choosing in a searchable drop-down: its ISO 3166-1 alpha-2
 * code ("" for "no country") and its name in the person's language, from
 * iso-codes (the JSON list, names translated by iso-codes' own `iso_3166-1`
 * gettext domain). */
const char *awd_country_item_get_code (AwdCountryItem *self);
const char *awd_country_item_get_name (AwdCountryItem *self);

/* Every country sorted by name (the locale's collation), after one item
 * without a code for "not given". Loaded once; transfer none. */
GListModel *awd_country_items_get      (void);
/* The position of @code in awd_country_items_get(); 0 ("not given") for
 * NULL, "" or an unknown code. */
guint       awd_country_items_find     (const char *code);
/* The names of @code's subdivisions (regions) in the person's language
 * (iso-codes' iso_3166-2, domain `iso_3166-2`), sorted; empty when none. */
GStrv       awd_country_dup_subdivisions (const char *code);

G_END_DECLS
