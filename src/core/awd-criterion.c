/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-criterion"

#include "config.h"

#include "awd-criterion.h"

/* A scoring criterion of a round: a plain value object mirroring one database row. The store
 * creates, saves and lists these; widgets bind to their properties. */
struct _AwdCriterion
{
  GObject parent_instance;

  gint64 id;
  gint64 round_id;
  int position;
  char *name;
  char *description;
  double weight;
};

G_DEFINE_FINAL_TYPE (AwdCriterion, awd_criterion, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ROUND_ID,
  PROP_POSITION,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_WEIGHT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
awd_criterion_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  AwdCriterion *self = AWD_CRITERION (object);

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

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_WEIGHT:
      g_value_set_double (value, self->weight);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awd_criterion_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  AwdCriterion *self = AWD_CRITERION (object);

  switch (prop_id)
    {
    case PROP_ID:
      awd_criterion_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_ROUND_ID:
      awd_criterion_set_round_id (self, g_value_get_int64 (value));
      break;

    case PROP_POSITION:
      awd_criterion_set_position (self, g_value_get_int (value));
      break;

    case PROP_NAME:
      awd_criterion_set_name (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      awd_criterion_set_description (self, g_value_get_string (value));
      break;

    case PROP_WEIGHT:
      awd_criterion_set_weight (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awd_criterion_finalize (GObject *object)
{
  AwdCriterion *self = AWD_CRITERION (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (awd_criterion_parent_class)->finalize (object);
}

static void
awd_criterion_class_init (AwdCriterionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = awd_criterion_get_property;
  object_class->set_property = awd_criterion_set_property;
  object_class->finalize = awd_criterion_finalize;

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
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, "Description",
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WEIGHT] =
    g_param_spec_double ("weight", NULL, "Weight",
                         -G_MAXDOUBLE, G_MAXDOUBLE, 1,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
awd_criterion_init (AwdCriterion *self)
{
  self->weight = 1;
}

AwdCriterion *
awd_criterion_new (void)
{
  return g_object_new (AWD_TYPE_CRITERION, NULL);
}

/* A detached copy, so an editor can change fields and hand the copy to the
 * store without touching the object that lists show until the save succeeds. */
AwdCriterion *
awd_criterion_copy (AwdCriterion *self)
{
  AwdCriterion *copy;

  g_return_val_if_fail (AWD_IS_CRITERION (self), NULL);

  copy = awd_criterion_new ();
  copy->id = self->id;
  copy->round_id = self->round_id;
  copy->position = self->position;
  copy->name = g_strdup (self->name);
  copy->description = g_strdup (self->description);
  copy->weight = self->weight;

  return copy;
}

gint64
awd_criterion_get_id (AwdCriterion *self)
{
  g_return_val_if_fail (AWD_IS_CRITERION (self), 0);

  return self->id;
}

void
awd_criterion_set_id (AwdCriterion *self,
                     gint64 id)
{
  g_return_if_fail (AWD_IS_CRITERION (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
awd_criterion_get_round_id (AwdCriterion *self)
{
  g_return_val_if_fail (AWD_IS_CRITERION (self), 0);

  return self->round_id;
}

void
awd_criterion_set_round_id (AwdCriterion *self,
                           gint64 round_id)
{
  g_return_if_fail (AWD_IS_CRITERION (self));

  if (self->round_id == round_id)
    return;

  self->round_id = round_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROUND_ID]);
}

int
awd_criterion_get_position (AwdCriterion *self)
{
  g_return_val_if_fail (AWD_IS_CRITERION (self), 0);

  return self->position;
}

void
awd_criterion_set_position (AwdCriterion *self,
                           int position)
{
  g_return_if_fail (AWD_IS_CRITERION (self));

  if (self->position == position)
    return;

  self->position = position;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

const char *
awd_criterion_get_name (AwdCriterion *self)
{
  g_return_val_if_fail (AWD_IS_CRITERION (self), NULL);

  return self->name;
}

void
awd_criterion_set_name (AwdCriterion *self,
                       const char *name)
{
  g_return_if_fail (AWD_IS_CRITERION (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
awd_criterion_get_description (AwdCriterion *self)
{
  g_return_val_if_fail (AWD_IS_CRITERION (self), NULL);

  return self->description;
}

void
awd_criterion_set_description (AwdCriterion *self,
                              const char *description)
{
  g_return_if_fail (AWD_IS_CRITERION (self));

  if (g_strcmp0 (self->description, description) == 0)
    return;

  g_free (self->description);
  self->description = g_strdup (description);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

double
awd_criterion_get_weight (AwdCriterion *self)
{
  g_return_val_if_fail (AWD_IS_CRITERION (self), 0);

  return self->weight;
}

void
awd_criterion_set_weight (AwdCriterion *self,
                         double weight)
{
  g_return_if_fail (AWD_IS_CRITERION (self));

  if (self->weight == weight)
    return;

  self->weight = weight;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WEIGHT]);
}
