/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-nomination-row"

#include "config.h"

#include <string.h>

#include "awd-enums.h"
#include "awd-nomination-row.h"

/* The strings of a whole listing live in one GStringChunk, shared by every
 * row of it and freed with the last row: a listing of 100,000 rows makes
 * 100,000 objects and a few large blocks, not 700,000 small strings. */
struct _AwdRowArena
{
  GStringChunk *chunk;
  GString      *scratch;
};

struct _AwdNominationRow
{
  GObject      parent_instance;

  AwdRowArena *arena;
  gint64       id;
  gint64       category_id;
  const char  *ref;            /* all texts: in the arena, never NULL */
  const char  *title;
  const char  *institution;
  const char  *city;
  const char  *region;
  const char  *place;
  const char  *category_name;
  const char  *received;
  int          status;
  char        *keys[AWD_NOMINATION_ROW_N_KEYS];   /* computed on first use */
};

G_DEFINE_FINAL_TYPE (AwdNominationRow, awd_nomination_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_REF,
  PROP_TITLE,
  PROP_INSTITUTION,
  PROP_CITY,
  PROP_REGION,
  PROP_PLACE,
  PROP_CATEGORY_NAME,
  PROP_STATUS,
  PROP_STATUS_LABEL,
  PROP_RECEIVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_arena (gpointer data)
{
  AwdRowArena *arena = data;

  g_string_chunk_free (arena->chunk);
  g_string_free (arena->scratch, TRUE);
}

AwdRowArena *
awd_row_arena_new (void)
{
  AwdRowArena *arena = g_atomic_rc_box_new0 (AwdRowArena);

  arena->chunk = g_string_chunk_new (64 * 1024);
  arena->scratch = g_string_new (NULL);
  return arena;
}

AwdRowArena *
awd_row_arena_ref (AwdRowArena *arena)
{
  return g_atomic_rc_box_acquire (arena);
}

void
awd_row_arena_unref (AwdRowArena *arena)
{
  g_atomic_rc_box_release_full (arena, clear_arena);
}

static void
awd_nomination_row_finalize (GObject *object)
{
  AwdNominationRow *self = AWD_NOMINATION_ROW (object);

  for (guint i = 0; i < AWD_NOMINATION_ROW_N_KEYS; i++)
    g_free (self->keys[i]);
  g_clear_pointer (&self->arena, awd_row_arena_unref);

  G_OBJECT_CLASS (awd_nomination_row_parent_class)->finalize (object);
}

static void
awd_nomination_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AwdNominationRow *self = AWD_NOMINATION_ROW (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_REF:
      g_value_set_static_string (value, self->ref);
      break;
    case PROP_TITLE:
      g_value_set_static_string (value, self->title);
      break;
    case PROP_INSTITUTION:
      g_value_set_static_string (value, self->institution);
      break;
    case PROP_CITY:
      g_value_set_static_string (value, self->city);
      break;
    case PROP_REGION:
      g_value_set_static_string (value, self->region);
      break;
    case PROP_PLACE:
      g_value_set_static_string (value, self->place);
      break;
    case PROP_CATEGORY_NAME:
      g_value_set_static_string (value, self->category_name);
      break;
    case PROP_STATUS:
      g_value_set_int (value, self->status);
      break;
    case PROP_STATUS_LABEL:
      g_value_set_static_string (value, awd_nomination_status_label (self->status));
      break;
    case PROP_RECEIVED:
      g_value_set_static_string (value, self->received);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awd_nomination_row_class_init (AwdNominationRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = awd_nomination_row_finalize;
  object_class->get_property = awd_nomination_row_get_property;

  /* Read-only: a changed nomination is listed again as a new row. The
   * values are static strings of the row's arena, valid while the row is. */
  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_REF] = g_param_spec_string ("ref", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_INSTITUTION] = g_param_spec_string ("institution", NULL, NULL, NULL, flags);
  properties[PROP_CITY] = g_param_spec_string ("city", NULL, NULL, NULL, flags);
  properties[PROP_REGION] = g_param_spec_string ("region", NULL, NULL, NULL, flags);
  properties[PROP_PLACE] = g_param_spec_string ("place", NULL, NULL, NULL, flags);
  properties[PROP_CATEGORY_NAME] = g_param_spec_string ("category-name", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] = g_param_spec_int ("status", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_STATUS_LABEL] = g_param_spec_string ("status-label", NULL, NULL, NULL, flags);
  properties[PROP_RECEIVED] = g_param_spec_string ("received", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
awd_nomination_row_init (AwdNominationRow *self)
{
}

static const char *
keep (AwdRowArena *arena,
      const char  *text)
{
  /* An empty text is the static "" and costs nothing. */
  return text == NULL || *text == '\0' ? "" : g_string_chunk_insert (arena->chunk, text);
}

AwdNominationRow *
awd_nomination_row_new (AwdRowArena *arena,
                        gint64       id,
                        gint64       category_id,
                        const char  *ref,
                        const char  *title,
                        const char  *institution,
                        const char  *city,
                        const char  *region,
                        const char  *category_name,
                        int          status,
                        const char  *received)
{
  AwdNominationRow *self = g_object_new (AWD_TYPE_NOMINATION_ROW, NULL);

  self->arena = awd_row_arena_ref (arena);
  self->id = id;
  self->category_id = category_id;
  self->ref = keep (arena, ref);
  self->title = keep (arena, title);
  self->institution = keep (arena, institution);
  self->city = keep (arena, city);
  self->region = keep (arena, region);
  /* Category names repeat on every row: keep one copy of each. */
  self->category_name = category_name != NULL && *category_name != '\0'
                        ? g_string_chunk_insert_const (arena->chunk, category_name) : "";
  self->received = keep (arena, received);
  self->status = status;

  if (*self->city != '\0' && *self->region != '\0' && strcmp (self->city, self->region) != 0)
    {
      g_string_assign (arena->scratch, self->city);
      g_string_append (arena->scratch, ", ");
      g_string_append (arena->scratch, self->region);
      self->place = g_string_chunk_insert_len (arena->chunk, arena->scratch->str,
                                               (gssize) arena->scratch->len);
    }
  else
    self->place = *self->city != '\0' ? self->city : self->region;

  return self;
}

gint64
awd_nomination_row_get_id (AwdNominationRow *self)
{
  g_return_val_if_fail (AWD_IS_NOMINATION_ROW (self), 0);
  return self->id;
}

gint64
awd_nomination_row_get_category_id (AwdNominationRow *self)
{
  g_return_val_if_fail (AWD_IS_NOMINATION_ROW (self), 0);
  return self->category_id;
}

const char *
awd_nomination_row_get_ref (AwdNominationRow *self)
{
  g_return_val_if_fail (AWD_IS_NOMINATION_ROW (self), NULL);
  return self->ref;
}

const char *
awd_nomination_row_get_title (AwdNominationRow *self)
{
  g_return_val_if_fail (AWD_IS_NOMINATION_ROW (self), NULL);
  return self->title;
}

const char *
awd_nomination_row_get_institution (AwdNominationRow *self)
{
  g_return_val_if_fail (AWD_IS_NOMINATION_ROW (self), NULL);
  return self->institution;
}

const char *
awd_nomination_row_get_city (AwdNominationRow *self)
{
  g_return_val_if_fail (AWD_IS_NOMINATION_ROW (self), NULL);
  return self->city;
}

const char *
awd_nomination_row_get_region (AwdNominationRow *self)
{
  g_return_val_if_fail (AWD_IS_NOMINATION_ROW (self), NULL);
  return self->region;
}

const char *
awd_nomination_row_get_place (AwdNominationRow *self)
{
  g_return_val_if_fail (AWD_IS_NOMINATION_ROW (self), NULL);
  return self->place;
}

const char *
awd_nomination_row_get_category_name (AwdNominationRow *self)
{
  g_return_val_if_fail (AWD_IS_NOMINATION_ROW (self), NULL);
  return self->category_name;
}

int
awd_nomination_row_get_status (AwdNominationRow *self)
{
  g_return_val_if_fail (AWD_IS_NOMINATION_ROW (self), 0);
  return self->status;
}

const char *
awd_nomination_row_get_received (AwdNominationRow *self)
{
  g_return_val_if_fail (AWD_IS_NOMINATION_ROW (self), NULL);
  return self->received;
}

const char *
awd_nomination_row_get_collate_key (AwdNominationRow    *self,
                                    AwdNominationRowKey  key)
{
  g_return_val_if_fail (AWD_IS_NOMINATION_ROW (self), NULL);
  g_return_val_if_fail (key < AWD_NOMINATION_ROW_N_KEYS, NULL);

  if (self->keys[key] == NULL)
    {
      switch (key)
        {
        case AWD_NOMINATION_ROW_KEY_REF:
          self->keys[key] = g_utf8_collate_key_for_filename (self->ref, -1);
          break;
        case AWD_NOMINATION_ROW_KEY_TITLE:
          self->keys[key] = g_utf8_collate_key (self->title, -1);
          break;
        case AWD_NOMINATION_ROW_KEY_INSTITUTION:
          self->keys[key] = g_utf8_collate_key (self->institution, -1);
          break;
        case AWD_NOMINATION_ROW_KEY_PLACE:
          self->keys[key] = g_utf8_collate_key (self->place, -1);
          break;
        case AWD_NOMINATION_ROW_KEY_CATEGORY:
          self->keys[key] = g_utf8_collate_key (self->category_name, -1);
          break;
        case AWD_NOMINATION_ROW_N_KEYS:
        default:
          g_assert_not_reached ();
        }
    }
  return self->keys[key];
}
