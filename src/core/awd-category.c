/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-category"

#include "config.h"

#include "awd-category.h"

/* A category («номинация») of a round: a plain value object mirroring one database row. The store
 * creates, saves and lists these; widgets bind to their properties. */
struct _AwdCategory
{
  GObject parent_instance;

  gint64 id;
  gint64 round_id;
  int position;
  char *name;
  int kind;
  gint64 winner_id;
};

G_DEFINE_FINAL_TYPE (AwdCategory, awd_category, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ROUND_ID,
  PROP_POSITION,
  PROP_NAME,
  PROP_KIND,
  PROP_WINNER_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
awd_category_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  AwdCategory *self = AWD_CATEGORY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_ROUND_ID:
      g_value_set_int64 (value, self->round_id);
      break;

    case PROP_POSITION:
      g_value_set_int (value, self->position);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;

    case PROP_WINNER_ID:
      g_value_set_int64 (value, self->winner_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awd_category_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  AwdCategory *self = AWD_CATEGORY (object);

  switch (prop_id)
    {
    case PROP_ID:
      awd_category_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_ROUND_ID:
      awd_category_set_round_id (self, g_value_get_int64 (value));
      break;

    case PROP_POSITION:
      awd_category_set_position (self, g_value_get_int (value));
      break;

    case PROP_NAME:
      awd_category_set_name (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      awd_category_set_kind (self, g_value_get_int (value));
      break;

    case PROP_WINNER_ID:
      awd_category_set_winner_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awd_category_finalize (GObject *object)
{
  AwdCategory *self = AWD_CATEGORY (object);

  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (awd_category_parent_class)->finalize (object);
}

static void
awd_category_class_init (AwdCategoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = awd_category_get_property;
  object_class->set_property = awd_category_set_property;
  object_class->finalize = awd_category_finalize;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, "Database id",
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROUND_ID] =
    g_param_spec_int64 ("round-id", NULL, "Round",
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_POSITION] =
    g_param_spec_int ("position", NULL, "Position in the round",
                      0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, "Name",
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, "Kind (AwdCategoryKind)",
                      0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WINNER_ID] =
    g_param_spec_int64 ("winner-id", NULL, "Winner of a direct-prize category",
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
awd_category_init (AwdCategory *self)
{
}

AwdCategory *
awd_category_new (void)
{
  return g_object_new (AWD_TYPE_CATEGORY, NULL);
}

/* A detached copy, so an editor can change fields and hand the copy to the
 * store without touching the object that lists show until the save succeeds. */
AwdCategory *
awd_category_copy (AwdCategory *self)
{
  AwdCategory *copy;

  g_return_val_if_fail (AWD_IS_CATEGORY (self), NULL);

  copy = awd_category_new ();
  copy->id = self->id;
  copy->round_id = self->round_id;
  copy->position = self->position;
  copy->name = g_strdup (self->name);
  copy->kind = self->kind;
  copy->winner_id = self->winner_id;

  return copy;
}

gint64
awd_category_get_id (AwdCategory *self)
{
  g_return_val_if_fail (AWD_IS_CATEGORY (self), 0);

  return self->id;
}

void
awd_category_set_id (AwdCategory *self,
                    gint64 id)
{
  g_return_if_fail (AWD_IS_CATEGORY (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
awd_category_get_round_id (AwdCategory *self)
{
  g_return_val_if_fail (AWD_IS_CATEGORY (self), 0);

  return self->round_id;
}

void
awd_category_set_round_id (AwdCategory *self,
                          gint64 round_id)
{
  g_return_if_fail (AWD_IS_CATEGORY (self));

  if (self->round_id == round_id)
    return;

  self->round_id = round_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROUND_ID]);
}

int
awd_category_get_position (AwdCategory *self)
{
  g_return_val_if_fail (AWD_IS_CATEGORY (self), 0);

  return self->position;
}

void
awd_category_set_position (AwdCategory *self,
                          int position)
{
  g_return_if_fail (AWD_IS_CATEGORY (self));

  if (self->position == position)
    return;

  self->position = position;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

const char *
awd_category_get_name (AwdCategory *self)
{
  g_return_val_if_fail (AWD_IS_CATEGORY (self), NULL);

  return self->name;
}

void
awd_category_set_name (AwdCategory *self,
                      const char *name)
{
  g_return_if_fail (AWD_IS_CATEGORY (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

int
awd_category_get_kind (AwdCategory *self)
{
  g_return_val_if_fail (AWD_IS_CATEGORY (self), 0);

  return self->kind;
}

void
awd_category_set_kind (AwdCategory *self,
                      int kind)
{
  g_return_if_fail (AWD_IS_CATEGORY (self));

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

gint64
awd_category_get_winner_id (AwdCategory *self)
{
  g_return_val_if_fail (AWD_IS_CATEGORY (self), 0);

  return self->winner_id;
}

void
awd_category_set_winner_id (AwdCategory *self,
                           gint64 winner_id)
{
  g_return_if_fail (AWD_IS_CATEGORY (self));

  if (self->winner_id == winner_id)
    return;

  self->winner_id = winner_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WINNER_ID]);
}
