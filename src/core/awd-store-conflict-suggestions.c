/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-store-conflict-suggestions"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "awd-enums.h"
#include "awd-fold.h"
#include "awd-store-conflict-suggestions.h"

/* Names of institutions are typed by different people in different ways:
 * «Российская государственная библиотека» and "РОССИЙСКАЯ государственная
 * библиотека," must compare equal, and a juror's "Национальная библиотека
 * Республики Татарстан, отдел ..." must find the nominating institution
 * inside it. Suggestions only: the secretariat confirms each one. */

#define MIN_CONTAINED_CHARS 4

static void
clear_suggestion (gpointer data)
{
  AwdConflictSuggestion *s = data;

  g_clear_pointer (&s->matched, g_free);
  g_clear_pointer (&s->reason, g_free);
}

char *
awd_institution_key (const char *name)
{
  g_autofree char *folded = awd_fold (name);
  GString *key = g_string_sized_new (strlen (folded));
  gboolean pending_space = FALSE;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        {
          if (pending_space && key->len > 0)
            g_string_append_c (key, ' ');
          pending_space = FALSE;
          g_string_append_unichar (key, c);
        }
      else
        pending_space = TRUE;
    }
  return g_string_free (key, FALSE);
}

/* Whole words: " key " inside " text ", so "ран" does not match inside
 * "иностранной". */
static gboolean
contains_words (const char *text,
                const char *words)
{
  g_autofree char *padded_text = g_strconcat (" ", text, " ", NULL);
  g_autofree char *padded_words = g_strconcat (" ", words, " ", NULL);

  return strstr (padded_text, padded_words) != NULL;
}

static gboolean
keys_match (const char *a,
            const char *b)
{
  const char *shorter, *longer;

  if (*a == '\0' || *b == '\0')
    return FALSE;
  if (strcmp (a, b) == 0)
    return TRUE;

  if (g_utf8_strlen (a, -1) <= g_utf8_strlen (b, -1))
    shorter = a, longer = b;
  else
    shorter = b, longer = a;
  /* A single word ("библиотека") would be found in every name. */
  if (g_utf8_strlen (shorter, -1) < MIN_CONTAINED_CHARS || strchr (shorter, ' ') == NULL)
    return FALSE;
  return contains_words (longer, shorter);
}

gboolean
awd_institutions_match (const char *a,
                        const char *b)
{
  g_autofree char *ka = NULL;
  g_autofree char *kb = NULL;

  if (a == NULL || b == NULL)
    return FALSE;
  ka = awd_institution_key (a);
  kb = awd_institution_key (b);
  return keys_match (ka, kb);
}

static gboolean
has_conflict (GArray *conflicts,
              gint64  juror_id,
              gint64  nomination_id)
{
  for (guint i = 0; i < conflicts->len; i++)
    {
      const AwdConflictRow *row = &g_array_index (conflicts, AwdConflictRow, i);

      if (row->juror_id == juror_id && row->nomination_id == nomination_id)
        return TRUE;
    }
  return FALSE;
}

static void
add_suggestion (GArray     *out,
                gint64      juror_id,
                gint64      nomination_id,
                gboolean    partner,
                const char *matched)
{
  AwdConflictSuggestion s = { 0 };

  s.juror_id = juror_id;
  s.nomination_id = nomination_id;
  s.partner = partner;
  s.matched = g_strdup (matched);
  s.reason = g_strdup (partner
                       ? _("The juror works at a partner institution of the nomination")
                       : _("The juror works at the nominating institution"));
  g_array_append_val (out, s);
}

GArray *
awd_store_suggest_conflicts (AwdStore  *self,
                             gint64     round_id,
                             GError   **error)
{
  g_autoptr(GListModel) jurors = NULL;
  g_autoptr(GListModel) nominations = NULL;
  g_autoptr(GArray) conflicts = NULL;
  g_autoptr(GPtrArray) juror_keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) out = g_array_new (FALSE, TRUE, sizeof (AwdConflictSuggestion));
  guint n_jurors, n_nominations;

  g_return_val_if_fail (AWD_IS_STORE (self), NULL);

  g_array_set_clear_func (out, clear_suggestion);
  if ((jurors = awd_store_list_jurors (self, round_id, error)) == NULL ||
      (nominations = awd_store_list_nominations (self, round_id, error)) == NULL ||
      (conflicts = awd_store_list_conflicts (self, round_id, error)) == NULL)
    return NULL;

  n_jurors = g_list_model_get_n_items (jurors);
  n_nominations = g_list_model_get_n_items (nominations);
  for (guint j = 0; j < n_jurors; j++)
    {
      g_autoptr(AwdJuror) juror = g_list_model_get_item (jurors, j);
      g_ptr_array_add (juror_keys, awd_institution_key (awd_juror_get_affiliation (juror)));
    }

  /* Jurors outside, nominations inside: the result comes out by juror
   * position, then ref (the nominations' own order). Partners are read
   * once per nomination and kept for the following jurors. */
  {
    g_autoptr(GPtrArray) institution_keys = g_ptr_array_new_with_free_func (g_free);
    g_autoptr(GPtrArray) partner_names = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

    for (guint n = 0; n < n_nominations; n++)
      {
        g_autoptr(AwdNomination) nomination = g_list_model_get_item (nominations, n);
        g_autoptr(GListModel) partners = NULL;
        g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

        g_ptr_array_add (institution_keys, awd_institution_key (awd_nomination_get_institution (nomination)));
        partners = awd_store_list_partners (self, awd_nomination_get_id (nomination), error);
        if (partners == NULL)
          return NULL;
        for (guint p = 0; p < g_list_model_get_n_items (partners); p++)
          {
            g_autoptr(AwdPartner) partner = g_list_model_get_item (partners, p);
            g_strv_builder_add (names, awd_partner_get_name (partner));
          }
        g_ptr_array_add (partner_names, g_strv_builder_end (names));
      }

    for (guint j = 0; j < n_jurors; j++)
      {
        g_autoptr(AwdJuror) juror = g_list_model_get_item (jurors, j);
        const char *juror_key = g_ptr_array_index (juror_keys, j);

        if (awd_juror_get_withdrawn (juror) || *juror_key == '\0')
          continue;
        for (guint n = 0; n < n_nominations; n++)
          {
            g_autoptr(AwdNomination) nomination = g_list_model_get_item (nominations, n);
            gint64 nomination_id = awd_nomination_get_id (nomination);
            char **partners = g_ptr_array_index (partner_names, n);

            if (awd_nomination_get_status (nomination) == AWD_NOMINATION_STATUS_WITHDRAWN ||
                has_conflict (conflicts, awd_juror_get_id (juror), nomination_id))
              continue;

            if (keys_match (juror_key, g_ptr_array_index (institution_keys, n)))
              {
                add_suggestion (out, awd_juror_get_id (juror), nomination_id, FALSE,
                                awd_nomination_get_institution (nomination));
                continue;
              }
            for (guint p = 0; partners[p] != NULL; p++)
              {
                g_autofree char *partner_key = awd_institution_key (partners[p]);

                if (keys_match (juror_key, partner_key))
                  {
                    add_suggestion (out, awd_juror_get_id (juror), nomination_id, TRUE, partners[p]);
                    break;
                  }
              }
          }
      }
  }

  return g_steal_pointer (&out);
}
