/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-round"

#include "config.h"

#include "awd-round.h"

/* A round (one season) of an award: a plain value object mirroring one database row. The store
 * creates, saves and lists these; widgets bind to their properties. */
struct _AwdRound
{
  GObject parent_instance;

  gint64 id;
  char *award;
  int number;
  int year;
  char *title;
  int status;
  double scale_min;
  double scale_max;
  double scale_step;
  int method;
  int trim;
  int tie_break;
  int quorum;
  char *results_checksum;
  char *finalized_at;
};

G_DEFINE_FINAL_TYPE (AwdRound, awd_round, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_AWARD,
  PROP_NUMBER,
  PROP_YEAR,
  PROP_TITLE,
  PROP_STATUS,
  PROP_SCALE_MIN,
  PROP_SCALE_MAX,
  PROP_SCALE_STEP,
  PROP_METHOD,
  PROP_TRIM,
  PROP_TIE_BREAK,
  PROP_QUORUM,
  PROP_RESULTS_CHECKSUM,
  PROP_FINALIZED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
awd_round_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  AwdRound *self = AWD_ROUND (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_AWARD:
      g_value_set_string (value, self->award);
      break;

    case PROP_NUMBER:
      g_value_set_int (value, self->number);
      break;

    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_STATUS:
      g_value_set_int (value, self->status);
      break;

    case PROP_SCALE_MIN:
      g_value_set_double (value, self->scale_min);
      break;

    case PROP_SCALE_MAX:
      g_value_set_double (value, self->scale_max);
      break;

    case PROP_SCALE_STEP:
      g_value_set_double (value, self->scale_step);
      break;

    case PROP_METHOD:
      g_value_set_int (value, self->method);
      break;

    case PROP_TRIM:
      g_value_set_int (value, self->trim);
      break;

    case PROP_TIE_BREAK:
      g_value_set_int (value, self->tie_break);
      break;

    case PROP_QUORUM:
      g_value_set_int (value, self->quorum);
      break;

    case PROP_RESULTS_CHECKSUM:
      g_value_set_string (value, self->results_checksum);
      break;

    case PROP_FINALIZED_AT:
      g_value_set_string (value, self->finalized_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awd_round_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  AwdRound *self = AWD_ROUND (object);

  switch (prop_id)
    {
    case PROP_ID:
      awd_round_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_AWARD:
      awd_round_set_award (self, g_value_get_string (value));
      break;

    case PROP_NUMBER:
      awd_round_set_number (self, g_value_get_int (value));
      break;

    case PROP_YEAR:
      awd_round_set_year (self, g_value_get_int (value));
      break;

    case PROP_TITLE:
      awd_round_set_title (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      awd_round_set_status (self, g_value_get_int (value));
      break;

    case PROP_SCALE_MIN:
      awd_round_set_scale_min (self, g_value_get_double (value));
      break;

    case PROP_SCALE_MAX:
      awd_round_set_scale_max (self, g_value_get_double (value));
      break;

    case PROP_SCALE_STEP:
      awd_round_set_scale_step (self, g_value_get_double (value));
      break;

    case PROP_METHOD:
      awd_round_set_method (self, g_value_get_int (value));
      break;

    case PROP_TRIM:
      awd_round_set_trim (self, g_value_get_int (value));
      break;

    case PROP_TIE_BREAK:
      awd_round_set_tie_break (self, g_value_get_int (value));
      break;

    case PROP_QUORUM:
      awd_round_set_quorum (self, g_value_get_int (value));
      break;

    case PROP_RESULTS_CHECKSUM:
      awd_round_set_results_checksum (self, g_value_get_string (value));
      break;

    case PROP_FINALIZED_AT:
      awd_round_set_finalized_at (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awd_round_finalize (GObject *object)
{
  AwdRound *self = AWD_ROUND (object);

  g_clear_pointer (&self->award, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->results_checksum, g_free);
  g_clear_pointer (&self->finalized_at, g_free);

  G_OBJECT_CLASS (awd_round_parent_class)->finalize (object);
}

static void
awd_round_class_init (AwdRoundClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = awd_round_get_property;
  object_class->set_property = awd_round_set_property;
  object_class->finalize = awd_round_finalize;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, "Database id",
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AWARD] =
    g_param_spec_string ("award", NULL, "Award name",
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NUMBER] =
    g_param_spec_int ("number", NULL, "Season number",
                      0, G_MAXINT, 1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, "Year",
                      0, G_MAXINT, 2024,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, "Title",
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_int ("status", NULL, "Status (AwdRoundStatus)",
                      0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCALE_MIN] =
    g_param_spec_double ("scale-min", NULL, "Lowest score",
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCALE_MAX] =
    g_param_spec_double ("scale-max", NULL, "Highest score",
                         -G_MAXDOUBLE, G_MAXDOUBLE, 10,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCALE_STEP] =
    g_param_spec_double ("scale-step", NULL, "Score step",
                         -G_MAXDOUBLE, G_MAXDOUBLE, 1,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_METHOD] =
    g_param_spec_int ("method", NULL, "Aggregation method (AwdMethod)",
                      0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TRIM] =
    g_param_spec_int ("trim", NULL, "Jurors trimmed at each end",
                      0, G_MAXINT, 1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TIE_BREAK] =
    g_param_spec_int ("tie-break", NULL, "Tie-break rule (AwdTieBreak)",
                      0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_QUORUM] =
    g_param_spec_int ("quorum", NULL, "Minimum counting jurors",
                      0, G_MAXINT, 1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RESULTS_CHECKSUM] =
    g_param_spec_string ("results-checksum", NULL, "Checksum of the frozen results",
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FINALIZED_AT] =
    g_param_spec_string ("finalized-at", NULL, "When the round was finalized (ISO 8601)",
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
awd_round_init (AwdRound *self)
{
  self->number = 1;
  self->year = 2024;
  self->scale_max = 10;
  self->scale_step = 1;
  self->trim = 1;
  self->quorum = 1;
}

AwdRound *
awd_round_new (void)
{
  return g_object_new (AWD_TYPE_ROUND, NULL);
}

/* A detached copy, so an editor can change fields and hand the copy to the
 * store without touching the object that lists show until the save succeeds. */
AwdRound *
awd_round_copy (AwdRound *self)
{
  AwdRound *copy;

  g_return_val_if_fail (AWD_IS_ROUND (self), NULL);

  copy = awd_round_new ();
  copy->id = self->id;
  copy->award = g_strdup (self->award);
  copy->number = self->number;
  copy->year = self->year;
  copy->title = g_strdup (self->title);
  copy->status = self->status;
  copy->scale_min = self->scale_min;
  copy->scale_max = self->scale_max;
  copy->scale_step = self->scale_step;
  copy->method = self->method;
  copy->trim = self->trim;
  copy->tie_break = self->tie_break;
  copy->quorum = self->quorum;
  copy->results_checksum = g_strdup (self->results_checksum);
  copy->finalized_at = g_strdup (self->finalized_at);

  return copy;
}

gint64
awd_round_get_id (AwdRound *self)
{
  g_return_val_if_fail (AWD_IS_ROUND (self), 0);

  return self->id;
}

void
awd_round_set_id (AwdRound *self,
                 gint64 id)
{
  g_return_if_fail (AWD_IS_ROUND (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
awd_round_get_award (AwdRound *self)
{
  g_return_val_if_fail (AWD_IS_ROUND (self), NULL);

  return self->award;
}

void
awd_round_set_award (AwdRound *self,
                    const char *award)
{
  g_return_if_fail (AWD_IS_ROUND (self));

  if (g_strcmp0 (self->award, award) == 0)
    return;

  g_free (self->award);
  self->award = g_strdup (award);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AWARD]);
}

int
awd_round_get_number (AwdRound *self)
{
  g_return_val_if_fail (AWD_IS_ROUND (self), 0);

  return self->number;
}

void
awd_round_set_number (AwdRound *self,
                     int number)
{
  g_return_if_fail (AWD_IS_ROUND (self));

  if (self->number == number)
    return;

  self->number = number;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUMBER]);
}

int
awd_round_get_year (AwdRound *self)
{
  g_return_val_if_fail (AWD_IS_ROUND (self), 0);

  return self->year;
}

void
awd_round_set_year (AwdRound *self,
                   int year)
{
  g_return_if_fail (AWD_IS_ROUND (self));

  if (self->year == year)
    return;

  self->year = year;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

const char *
awd_round_get_title (AwdRound *self)
{
  g_return_val_if_fail (AWD_IS_ROUND (self), NULL);

  return self->title;
}

void
awd_round_set_title (AwdRound *self,
                    const char *title)
{
  g_return_if_fail (AWD_IS_ROUND (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

int
awd_round_get_status (AwdRound *self)
{
  g_return_val_if_fail (AWD_IS_ROUND (self), 0);

  return self->status;
}

void
awd_round_set_status (AwdRound *self,
                     int status)
{
  g_return_if_fail (AWD_IS_ROUND (self));

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

double
awd_round_get_scale_min (AwdRound *self)
{
  g_return_val_if_fail (AWD_IS_ROUND (self), 0);

  return self->scale_min;
}

void
awd_round_set_scale_min (AwdRound *self,
                        double scale_min)
{
  g_return_if_fail (AWD_IS_ROUND (self));

  if (self->scale_min == scale_min)
    return;

  self->scale_min = scale_min;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCALE_MIN]);
}

double
awd_round_get_scale_max (AwdRound *self)
{
  g_return_val_if_fail (AWD_IS_ROUND (self), 0);

  return self->scale_max;
}

void
awd_round_set_scale_max (AwdRound *self,
                        double scale_max)
{
  g_return_if_fail (AWD_IS_ROUND (self));

  if (self->scale_max == scale_max)
    return;

  self->scale_max = scale_max;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCALE_MAX]);
}

double
awd_round_get_scale_step (AwdRound *self)
{
  g_return_val_if_fail (AWD_IS_ROUND (self), 0);

  return self->scale_step;
}

void
awd_round_set_scale_step (AwdRound *self,
                         double scale_step)
{
  g_return_if_fail (AWD_IS_ROUND (self));

  if (self->scale_step == scale_step)
    return;

  self->scale_step = scale_step;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCALE_STEP]);
}

int
awd_round_get_method (AwdRound *self)
{
  g_return_val_if_fail (AWD_IS_ROUND (self), 0);

  return self->method;
}

void
awd_round_set_method (AwdRound *self,
                     int method)
{
  g_return_if_fail (AWD_IS_ROUND (self));

  if (self->method == method)
    return;

  self->method = method;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_METHOD]);
}

int
awd_round_get_trim (AwdRound *self)
{
  g_return_val_if_fail (AWD_IS_ROUND (self), 0);

  return self->trim;
}

void
awd_round_set_trim (AwdRound *self,
                   int trim)
{
  g_return_if_fail (AWD_IS_ROUND (self));

  if (self->trim == trim)
    return;

  self->trim = trim;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRIM]);
}

int
awd_round_get_tie_break (AwdRound *self)
{
  g_return_val_if_fail (AWD_IS_ROUND (self), 0);

  return self->tie_break;
}

void
awd_round_set_tie_break (AwdRound *self,
                        int tie_break)
{
  g_return_if_fail (AWD_IS_ROUND (self));

  if (self->tie_break == tie_break)
    return;

  self->tie_break = tie_break;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIE_BREAK]);
}

int
awd_round_get_quorum (AwdRound *self)
{
  g_return_val_if_fail (AWD_IS_ROUND (self), 0);

  return self->quorum;
}

void
awd_round_set_quorum (AwdRound *self,
                     int quorum)
{
  g_return_if_fail (AWD_IS_ROUND (self));

  if (self->quorum == quorum)
    return;

  self->quorum = quorum;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUORUM]);
}

const char *
awd_round_get_results_checksum (AwdRound *self)
{
  g_return_val_if_fail (AWD_IS_ROUND (self), NULL);

  return self->results_checksum;
}

void
awd_round_set_results_checksum (AwdRound *self,
                               const char *results_checksum)
{
  g_return_if_fail (AWD_IS_ROUND (self));

  if (g_strcmp0 (self->results_checksum, results_checksum) == 0)
    return;

  g_free (self->results_checksum);
  self->results_checksum = g_strdup (results_checksum);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESULTS_CHECKSUM]);
}

const char *
awd_round_get_finalized_at (AwdRound *self)
{
  g_return_val_if_fail (AWD_IS_ROUND (self), NULL);

  return self->finalized_at;
}

void
awd_round_set_finalized_at (AwdRound *self,
                           const char *finalized_at)
{
  g_return_if_fail (AWD_IS_ROUND (self));

  if (g_strcmp0 (self->finalized_at, finalized_at) == 0)
    return;

  g_free (self->finalized_at);
  self->finalized_at = g_strdup (finalized_at);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FINALIZED_AT]);
}
