/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-juror"

#include "config.h"

#include "awd-juror.h"

/* A member of the jury of a round: a plain value object mirroring one database row. The store
 * creates, saves and lists these; widgets bind to their properties. */
struct _AwdJuror
{
  GObject parent_instance;

  gint64 id;
  gint64 round_id;
  int position;
  char *name;
  char *affiliation;
  char *email;
  gboolean chair;
  gboolean withdrawn;
  char *withdrawn_reason;
  gboolean submitted;
};

G_DEFINE_FINAL_TYPE (AwdJuror, awd_juror, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ROUND_ID,
  PROP_POSITION,
  PROP_NAME,
  PROP_AFFILIATION,
  PROP_EMAIL,
  PROP_CHAIR,
  PROP_WITHDRAWN,
  PROP_WITHDRAWN_REASON,
  PROP_SUBMITTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
awd_juror_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  AwdJuror *self = AWD_JUROR (object);

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

    case PROP_AFFILIATION:
      g_value_set_string (value, self->affiliation);
      break;

    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;

    case PROP_CHAIR:
      g_value_set_boolean (value, self->chair);
      break;

    case PROP_WITHDRAWN:
      g_value_set_boolean (value, self->withdrawn);
      break;

    case PROP_WITHDRAWN_REASON:
      g_value_set_string (value, self->withdrawn_reason);
      break;

    case PROP_SUBMITTED:
      g_value_set_boolean (value, self->submitted);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awd_juror_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  AwdJuror *self = AWD_JUROR (object);

  switch (prop_id)
    {
    case PROP_ID:
      awd_juror_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_ROUND_ID:
      awd_juror_set_round_id (self, g_value_get_int64 (value));
      break;

    case PROP_POSITION:
      awd_juror_set_position (self, g_value_get_int (value));
      break;

    case PROP_NAME:
      awd_juror_set_name (self, g_value_get_string (value));
      break;

    case PROP_AFFILIATION:
      awd_juror_set_affiliation (self, g_value_get_string (value));
      break;

    case PROP_EMAIL:
      awd_juror_set_email (self, g_value_get_string (value));
      break;

    case PROP_CHAIR:
      awd_juror_set_chair (self, g_value_get_boolean (value));
      break;

    case PROP_WITHDRAWN:
      awd_juror_set_withdrawn (self, g_value_get_boolean (value));
      break;

    case PROP_WITHDRAWN_REASON:
      awd_juror_set_withdrawn_reason (self, g_value_get_string (value));
      break;

    case PROP_SUBMITTED:
      awd_juror_set_submitted (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awd_juror_finalize (GObject *object)
{
  AwdJuror *self = AWD_JUROR (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->affiliation, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->withdrawn_reason, g_free);

  G_OBJECT_CLASS (awd_juror_parent_class)->finalize (object);
}

static void
awd_juror_class_init (AwdJurorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = awd_juror_get_property;
  object_class->set_property = awd_juror_set_property;
  object_class->finalize = awd_juror_finalize;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, "Database id",
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROUND_ID] =
    g_param_spec_int64 ("round-id", NULL, "Round",
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_POSITION] =
    g_param_spec_int ("position", NULL, "Position on the panel",
                      0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, "Name",
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AFFILIATION] =
    g_param_spec_string ("affiliation", NULL, "Affiliation",
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, "E-mail",
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHAIR] =
    g_param_spec_boolean ("chair", NULL, "Chairs the jury",
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WITHDRAWN] =
    g_param_spec_boolean ("withdrawn", NULL, "Withdrawn from the round",
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WITHDRAWN_REASON] =
    g_param_spec_string ("withdrawn-reason", NULL, "Why the juror was withdrawn",
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBMITTED] =
    g_param_spec_boolean ("submitted", NULL, "Score sheet submitted",
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
awd_juror_init (AwdJuror *self)
{
}

AwdJuror *
awd_juror_new (void)
{
  return g_object_new (AWD_TYPE_JUROR, NULL);
}

/* A detached copy, so an editor can change fields and hand the copy to the
 * store without touching the object that lists show until the save succeeds. */
AwdJuror *
awd_juror_copy (AwdJuror *self)
{
  AwdJuror *copy;

  g_return_val_if_fail (AWD_IS_JUROR (self), NULL);

  copy = awd_juror_new ();
  copy->id = self->id;
  copy->round_id = self->round_id;
  copy->position = self->position;
  copy->name = g_strdup (self->name);
  copy->affiliation = g_strdup (self->affiliation);
  copy->email = g_strdup (self->email);
  copy->chair = self->chair;
  copy->withdrawn = self->withdrawn;
  copy->withdrawn_reason = g_strdup (self->withdrawn_reason);
  copy->submitted = self->submitted;

  return copy;
}

gint64
awd_juror_get_id (AwdJuror *self)
{
  g_return_val_if_fail (AWD_IS_JUROR (self), 0);

  return self->id;
}

void
awd_juror_set_id (AwdJuror *self,
                 gint64 id)
{
  g_return_if_fail (AWD_IS_JUROR (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
awd_juror_get_round_id (AwdJuror *self)
{
  g_return_val_if_fail (AWD_IS_JUROR (self), 0);

  return self->round_id;
}

void
awd_juror_set_round_id (AwdJuror *self,
                       gint64 round_id)
{
  g_return_if_fail (AWD_IS_JUROR (self));

  if (self->round_id == round_id)
    return;

  self->round_id = round_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROUND_ID]);
}

int
awd_juror_get_position (AwdJuror *self)
{
  g_return_val_if_fail (AWD_IS_JUROR (self), 0);

  return self->position;
}

void
awd_juror_set_position (AwdJuror *self,
                       int position)
{
  g_return_if_fail (AWD_IS_JUROR (self));

  if (self->position == position)
    return;

  self->position = position;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

const char *
awd_juror_get_name (AwdJuror *self)
{
  g_return_val_if_fail (AWD_IS_JUROR (self), NULL);

  return self->name;
}

void
awd_juror_set_name (AwdJuror *self,
                   const char *name)
{
  g_return_if_fail (AWD_IS_JUROR (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
awd_juror_get_affiliation (AwdJuror *self)
{
  g_return_val_if_fail (AWD_IS_JUROR (self), NULL);

  return self->affiliation;
}

void
awd_juror_set_affiliation (AwdJuror *self,
                          const char *affiliation)
{
  g_return_if_fail (AWD_IS_JUROR (self));

  if (g_strcmp0 (self->affiliation, affiliation) == 0)
    return;

  g_free (self->affiliation);
  self->affiliation = g_strdup (affiliation);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AFFILIATION]);
}

const char *
awd_juror_get_email (AwdJuror *self)
{
  g_return_val_if_fail (AWD_IS_JUROR (self), NULL);

  return self->email;
}

void
awd_juror_set_email (AwdJuror *self,
                    const char *email)
{
  g_return_if_fail (AWD_IS_JUROR (self));

  if (g_strcmp0 (self->email, email) == 0)
    return;

  g_free (self->email);
  self->email = g_strdup (email);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMAIL]);
}

gboolean
awd_juror_get_chair (AwdJuror *self)
{
  g_return_val_if_fail (AWD_IS_JUROR (self), FALSE);

  return self->chair;
}

void
awd_juror_set_chair (AwdJuror *self,
                    gboolean chair)
{
  g_return_if_fail (AWD_IS_JUROR (self));

  chair = !!chair;
  if (self->chair == chair)
    return;

  self->chair = chair;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHAIR]);
}

gboolean
awd_juror_get_withdrawn (AwdJuror *self)
{
  g_return_val_if_fail (AWD_IS_JUROR (self), FALSE);

  return self->withdrawn;
}

void
awd_juror_set_withdrawn (AwdJuror *self,
                        gboolean withdrawn)
{
  g_return_if_fail (AWD_IS_JUROR (self));

  withdrawn = !!withdrawn;
  if (self->withdrawn == withdrawn)
    return;

  self->withdrawn = withdrawn;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WITHDRAWN]);
}

const char *
awd_juror_get_withdrawn_reason (AwdJuror *self)
{
  g_return_val_if_fail (AWD_IS_JUROR (self), NULL);

  return self->withdrawn_reason;
}

void
awd_juror_set_withdrawn_reason (AwdJuror *self,
                               const char *withdrawn_reason)
{
  g_return_if_fail (AWD_IS_JUROR (self));

  if (g_strcmp0 (self->withdrawn_reason, withdrawn_reason) == 0)
    return;

  g_free (self->withdrawn_reason);
  self->withdrawn_reason = g_strdup (withdrawn_reason);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WITHDRAWN_REASON]);
}

gboolean
awd_juror_get_submitted (AwdJuror *self)
{
  g_return_val_if_fail (AWD_IS_JUROR (self), FALSE);

  return self->submitted;
}

void
awd_juror_set_submitted (AwdJuror *self,
                        gboolean submitted)
{
  g_return_if_fail (AWD_IS_JUROR (self));

  submitted = !!submitted;
  if (self->submitted == submitted)
    return;

  self->submitted = submitted;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBMITTED]);
}
