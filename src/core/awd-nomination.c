/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-nomination"

#include "config.h"

#include "awd-nomination.h"

/* A project nominated in a round («заявка»): a plain value object mirroring one database row. The store
 * creates, saves and lists these; widgets bind to their properties. */
struct _AwdNomination
{
  GObject parent_instance;

  gint64 id;
  gint64 round_id;
  gint64 category_id;
  char *ref;
  char *title;
  char *title_en;
  char *institution;
  char *city;
  char *region;
  char *country;
  char *period_start;
  char *period_end;
  char *summary;
  char *contact_name;
  char *contact_email;
  char *contact_phone;
  char *url;
  char *received;
  int status;
  char *status_reason;
};

G_DEFINE_FINAL_TYPE (AwdNomination, awd_nomination, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ROUND_ID,
  PROP_CATEGORY_ID,
  PROP_REF,
  PROP_TITLE,
  PROP_TITLE_EN,
  PROP_INSTITUTION,
  PROP_CITY,
  PROP_REGION,
  PROP_COUNTRY,
  PROP_PERIOD_START,
  PROP_PERIOD_END,
  PROP_SUMMARY,
  PROP_CONTACT_NAME,
  PROP_CONTACT_EMAIL,
  PROP_CONTACT_PHONE,
  PROP_URL,
  PROP_RECEIVED,
  PROP_STATUS,
  PROP_STATUS_REASON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
awd_nomination_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AwdNomination *self = AWD_NOMINATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_ROUND_ID:
      g_value_set_int64 (value, self->round_id);
      break;

    case PROP_CATEGORY_ID:
      g_value_set_int64 (value, self->category_id);
      break;

    case PROP_REF:
      g_value_set_string (value, self->ref);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_TITLE_EN:
      g_value_set_string (value, self->title_en);
      break;

    case PROP_INSTITUTION:
      g_value_set_string (value, self->institution);
      break;

    case PROP_CITY:
      g_value_set_string (value, self->city);
      break;

    case PROP_REGION:
      g_value_set_string (value, self->region);
      break;

    case PROP_COUNTRY:
      g_value_set_string (value, self->country);
      break;

    case PROP_PERIOD_START:
      g_value_set_string (value, self->period_start);
      break;

    case PROP_PERIOD_END:
      g_value_set_string (value, self->period_end);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    case PROP_CONTACT_NAME:
      g_value_set_string (value, self->contact_name);
      break;

    case PROP_CONTACT_EMAIL:
      g_value_set_string (value, self->contact_email);
      break;

    case PROP_CONTACT_PHONE:
      g_value_set_string (value, self->contact_phone);
      break;

    case PROP_URL:
      g_value_set_string (value, self->url);
      break;

    case PROP_RECEIVED:
      g_value_set_string (value, self->received);
      break;

    case PROP_STATUS:
      g_value_set_int (value, self->status);
      break;

    case PROP_STATUS_REASON:
      g_value_set_string (value, self->status_reason);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awd_nomination_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  AwdNomination *self = AWD_NOMINATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      awd_nomination_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_ROUND_ID:
      awd_nomination_set_round_id (self, g_value_get_int64 (value));
      break;

    case PROP_CATEGORY_ID:
      awd_nomination_set_category_id (self, g_value_get_int64 (value));
      break;

    case PROP_REF:
      awd_nomination_set_ref (self, g_value_get_string (value));
      break;

    case PROP_TITLE:
      awd_nomination_set_title (self, g_value_get_string (value));
      break;

    case PROP_TITLE_EN:
      awd_nomination_set_title_en (self, g_value_get_string (value));
      break;

    case PROP_INSTITUTION:
      awd_nomination_set_institution (self, g_value_get_string (value));
      break;

    case PROP_CITY:
      awd_nomination_set_city (self, g_value_get_string (value));
      break;

    case PROP_REGION:
      awd_nomination_set_region (self, g_value_get_string (value));
      break;

    case PROP_COUNTRY:
      awd_nomination_set_country (self, g_value_get_string (value));
      break;

    case PROP_PERIOD_START:
      awd_nomination_set_period_start (self, g_value_get_string (value));
      break;

    case PROP_PERIOD_END:
      awd_nomination_set_period_end (self, g_value_get_string (value));
      break;

    case PROP_SUMMARY:
      awd_nomination_set_summary (self, g_value_get_string (value));
      break;

    case PROP_CONTACT_NAME:
      awd_nomination_set_contact_name (self, g_value_get_string (value));
      break;

    case PROP_CONTACT_EMAIL:
      awd_nomination_set_contact_email (self, g_value_get_string (value));
      break;

    case PROP_CONTACT_PHONE:
      awd_nomination_set_contact_phone (self, g_value_get_string (value));
      break;

    case PROP_URL:
      awd_nomination_set_url (self, g_value_get_string (value));
      break;

    case PROP_RECEIVED:
      awd_nomination_set_received (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      awd_nomination_set_status (self, g_value_get_int (value));
      break;

    case PROP_STATUS_REASON:
      awd_nomination_set_status_reason (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awd_nomination_finalize (GObject *object)
{
  AwdNomination *self = AWD_NOMINATION (object);

  g_clear_pointer (&self->ref, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->title_en, g_free);
  g_clear_pointer (&self->institution, g_free);
  g_clear_pointer (&self->city, g_free);
  g_clear_pointer (&self->region, g_free);
  g_clear_pointer (&self->country, g_free);
  g_clear_pointer (&self->period_start, g_free);
  g_clear_pointer (&self->period_end, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->contact_name, g_free);
  g_clear_pointer (&self->contact_email, g_free);
  g_clear_pointer (&self->contact_phone, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->received, g_free);
  g_clear_pointer (&self->status_reason, g_free);

  G_OBJECT_CLASS (awd_nomination_parent_class)->finalize (object);
}

static void
awd_nomination_class_init (AwdNominationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = awd_nomination_get_property;
  object_class->set_property = awd_nomination_set_property;
  object_class->finalize = awd_nomination_finalize;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, "Database id",
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROUND_ID] =
    g_param_spec_int64 ("round-id", NULL, "Round",
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CATEGORY_ID] =
    g_param_spec_int64 ("category-id", NULL, "Category, 0 for none",
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REF] =
    g_param_spec_string ("ref", NULL, "Reference number",
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, "Title",
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE_EN] =
    g_param_spec_string ("title-en", NULL, "Title in English",
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INSTITUTION] =
    g_param_spec_string ("institution", NULL, "Nominating institution",
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CITY] =
    g_param_spec_string ("city", NULL, "City",
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REGION] =
    g_param_spec_string ("region", NULL, "Region",
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COUNTRY] =
    g_param_spec_string ("country", NULL, "Country (ISO 3166-1 alpha-2)",
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERIOD_START] =
    g_param_spec_string ("period-start", NULL, "Project start (ISO date)",
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERIOD_END] =
    g_param_spec_string ("period-end", NULL, "Project end (ISO date)",
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, "Summary",
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTACT_NAME] =
    g_param_spec_string ("contact-name", NULL, "Contact person",
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTACT_EMAIL] =
    g_param_spec_string ("contact-email", NULL, "Contact e-mail",
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTACT_PHONE] =
    g_param_spec_string ("contact-phone", NULL, "Contact phone",
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, "Web address",
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECEIVED] =
    g_param_spec_string ("received", NULL, "Date received (ISO date)",
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_int ("status", NULL, "Status (AwdNominationStatus)",
                      0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS_REASON] =
    g_param_spec_string ("status-reason", NULL, "Reason for the status",
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
awd_nomination_init (AwdNomination *self)
{
}

AwdNomination *
awd_nomination_new (void)
{
  return g_object_new (AWD_TYPE_NOMINATION, NULL);
}

/* A detached copy, so an editor can change fields and hand the copy to the
 * store without touching the object that lists show until the save succeeds. */
AwdNomination *
awd_nomination_copy (AwdNomination *self)
{
  AwdNomination *copy;

  g_return_val_if_fail (AWD_IS_NOMINATION (self), NULL);

  copy = awd_nomination_new ();
  copy->id = self->id;
  copy->round_id = self->round_id;
  copy->category_id = self->category_id;
  copy->ref = g_strdup (self->ref);
  copy->title = g_strdup (self->title);
  copy->title_en = g_strdup (self->title_en);
  copy->institution = g_strdup (self->institution);
  copy->city = g_strdup (self->city);
  copy->region = g_strdup (self->region);
  copy->country = g_strdup (self->country);
  copy->period_start = g_strdup (self->period_start);
  copy->period_end = g_strdup (self->period_end);
  copy->summary = g_strdup (self->summary);
  copy->contact_name = g_strdup (self->contact_name);
  copy->contact_email = g_strdup (self->contact_email);
  copy->contact_phone = g_strdup (self->contact_phone);
  copy->url = g_strdup (self->url);
  copy->received = g_strdup (self->received);
  copy->status = self->status;
  copy->status_reason = g_strdup (self->status_reason);

  return copy;
}

gint64
awd_nomination_get_id (AwdNomination *self)
{
  g_return_val_if_fail (AWD_IS_NOMINATION (self), 0);

  return self->id;
}

void
awd_nomination_set_id (AwdNomination *self,
                      gint64 id)
{
  g_return_if_fail (AWD_IS_NOMINATION (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
awd_nomination_get_round_id (AwdNomination *self)
{
  g_return_val_if_fail (AWD_IS_NOMINATION (self), 0);

  return self->round_id;
}

void
awd_nomination_set_round_id (AwdNomination *self,
                            gint64 round_id)
{
  g_return_if_fail (AWD_IS_NOMINATION (self));

  if (self->round_id == round_id)
    return;

  self->round_id = round_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROUND_ID]);
}

gint64
awd_nomination_get_category_id (AwdNomination *self)
{
  g_return_val_if_fail (AWD_IS_NOMINATION (self), 0);

  return self->category_id;
}

void
awd_nomination_set_category_id (AwdNomination *self,
                               gint64 category_id)
{
  g_return_if_fail (AWD_IS_NOMINATION (self));

  if (self->category_id == category_id)
    return;

  self->category_id = category_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATEGORY_ID]);
}

const char *
awd_nomination_get_ref (AwdNomination *self)
{
  g_return_val_if_fail (AWD_IS_NOMINATION (self), NULL);

  return self->ref;
}

void
awd_nomination_set_ref (AwdNomination *self,
                       const char *ref)
{
  g_return_if_fail (AWD_IS_NOMINATION (self));

  if (g_strcmp0 (self->ref, ref) == 0)
    return;

  g_free (self->ref);
  self->ref = g_strdup (ref);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REF]);
}

const char *
awd_nomination_get_title (AwdNomination *self)
{
  g_return_val_if_fail (AWD_IS_NOMINATION (self), NULL);

  return self->title;
}

void
awd_nomination_set_title (AwdNomination *self,
                         const char *title)
{
  g_return_if_fail (AWD_IS_NOMINATION (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
awd_nomination_get_title_en (AwdNomination *self)
{
  g_return_val_if_fail (AWD_IS_NOMINATION (self), NULL);

  return self->title_en;
}

void
awd_nomination_set_title_en (AwdNomination *self,
                            const char *title_en)
{
  g_return_if_fail (AWD_IS_NOMINATION (self));

  if (g_strcmp0 (self->title_en, title_en) == 0)
    return;

  g_free (self->title_en);
  self->title_en = g_strdup (title_en);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE_EN]);
}

const char *
awd_nomination_get_institution (AwdNomination *self)
{
  g_return_val_if_fail (AWD_IS_NOMINATION (self), NULL);

  return self->institution;
}

void
awd_nomination_set_institution (AwdNomination *self,
                               const char *institution)
{
  g_return_if_fail (AWD_IS_NOMINATION (self));

  if (g_strcmp0 (self->institution, institution) == 0)
    return;

  g_free (self->institution);
  self->institution = g_strdup (institution);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INSTITUTION]);
}

const char *
awd_nomination_get_city (AwdNomination *self)
{
  g_return_val_if_fail (AWD_IS_NOMINATION (self), NULL);

  return self->city;
}

void
awd_nomination_set_city (AwdNomination *self,
                        const char *city)
{
  g_return_if_fail (AWD_IS_NOMINATION (self));

  if (g_strcmp0 (self->city, city) == 0)
    return;

  g_free (self->city);
  self->city = g_strdup (city);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CITY]);
}

const char *
awd_nomination_get_region (AwdNomination *self)
{
  g_return_val_if_fail (AWD_IS_NOMINATION (self), NULL);

  return self->region;
}

void
awd_nomination_set_region (AwdNomination *self,
                          const char *region)
{
  g_return_if_fail (AWD_IS_NOMINATION (self));

  if (g_strcmp0 (self->region, region) == 0)
    return;

  g_free (self->region);
  self->region = g_strdup (region);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGION]);
}

const char *
awd_nomination_get_country (AwdNomination *self)
{
  g_return_val_if_fail (AWD_IS_NOMINATION (self), NULL);

  return self->country;
}

void
awd_nomination_set_country (AwdNomination *self,
                           const char *country)
{
  g_return_if_fail (AWD_IS_NOMINATION (self));

  if (g_strcmp0 (self->country, country) == 0)
    return;

  g_free (self->country);
  self->country = g_strdup (country);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTRY]);
}

const char *
awd_nomination_get_period_start (AwdNomination *self)
{
  g_return_val_if_fail (AWD_IS_NOMINATION (self), NULL);

  return self->period_start;
}

void
awd_nomination_set_period_start (AwdNomination *self,
                                const char *period_start)
{
  g_return_if_fail (AWD_IS_NOMINATION (self));

  if (g_strcmp0 (self->period_start, period_start) == 0)
    return;

  g_free (self->period_start);
  self->period_start = g_strdup (period_start);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD_START]);
}

const char *
awd_nomination_get_period_end (AwdNomination *self)
{
  g_return_val_if_fail (AWD_IS_NOMINATION (self), NULL);

  return self->period_end;
}

void
awd_nomination_set_period_end (AwdNomination *self,
                              const char *period_end)
{
  g_return_if_fail (AWD_IS_NOMINATION (self));

  if (g_strcmp0 (self->period_end, period_end) == 0)
    return;

  g_free (self->period_end);
  self->period_end = g_strdup (period_end);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD_END]);
}

const char *
awd_nomination_get_summary (AwdNomination *self)
{
  g_return_val_if_fail (AWD_IS_NOMINATION (self), NULL);

  return self->summary;
}

void
awd_nomination_set_summary (AwdNomination *self,
                           const char *summary)
{
  g_return_if_fail (AWD_IS_NOMINATION (self));

  if (g_strcmp0 (self->summary, summary) == 0)
    return;

  g_free (self->summary);
  self->summary = g_strdup (summary);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}

const char *
awd_nomination_get_contact_name (AwdNomination *self)
{
  g_return_val_if_fail (AWD_IS_NOMINATION (self), NULL);

  return self->contact_name;
}

void
awd_nomination_set_contact_name (AwdNomination *self,
                                const char *contact_name)
{
  g_return_if_fail (AWD_IS_NOMINATION (self));

  if (g_strcmp0 (self->contact_name, contact_name) == 0)
    return;

  g_free (self->contact_name);
  self->contact_name = g_strdup (contact_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTACT_NAME]);
}

const char *
awd_nomination_get_contact_email (AwdNomination *self)
{
  g_return_val_if_fail (AWD_IS_NOMINATION (self), NULL);

  return self->contact_email;
}

void
awd_nomination_set_contact_email (AwdNomination *self,
                                 const char *contact_email)
{
  g_return_if_fail (AWD_IS_NOMINATION (self));

  if (g_strcmp0 (self->contact_email, contact_email) == 0)
    return;

  g_free (self->contact_email);
  self->contact_email = g_strdup (contact_email);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTACT_EMAIL]);
}

const char *
awd_nomination_get_contact_phone (AwdNomination *self)
{
  g_return_val_if_fail (AWD_IS_NOMINATION (self), NULL);

  return self->contact_phone;
}

void
awd_nomination_set_contact_phone (AwdNomination *self,
                                 const char *contact_phone)
{
  g_return_if_fail (AWD_IS_NOMINATION (self));

  if (g_strcmp0 (self->contact_phone, contact_phone) == 0)
    return;

  g_free (self->contact_phone);
  self->contact_phone = g_strdup (contact_phone);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTACT_PHONE]);
}

const char *
awd_nomination_get_url (AwdNomination *self)
{
  g_return_val_if_fail (AWD_IS_NOMINATION (self), NULL);

  return self->url;
}

void
awd_nomination_set_url (AwdNomination *self,
                       const char *url)
{
  g_return_if_fail (AWD_IS_NOMINATION (self));

  if (g_strcmp0 (self->url, url) == 0)
    return;

  g_free (self->url);
  self->url = g_strdup (url);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URL]);
}

const char *
awd_nomination_get_received (AwdNomination *self)
{
  g_return_val_if_fail (AWD_IS_NOMINATION (self), NULL);

  return self->received;
}

void
awd_nomination_set_received (AwdNomination *self,
                            const char *received)
{
  g_return_if_fail (AWD_IS_NOMINATION (self));

  if (g_strcmp0 (self->received, received) == 0)
    return;

  g_free (self->received);
  self->received = g_strdup (received);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECEIVED]);
}

int
awd_nomination_get_status (AwdNomination *self)
{
  g_return_val_if_fail (AWD_IS_NOMINATION (self), 0);

  return self->status;
}

void
awd_nomination_set_status (AwdNomination *self,
                          int status)
{
  g_return_if_fail (AWD_IS_NOMINATION (self));

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

const char *
awd_nomination_get_status_reason (AwdNomination *self)
{
  g_return_val_if_fail (AWD_IS_NOMINATION (self), NULL);

  return self->status_reason;
}

void
awd_nomination_set_status_reason (AwdNomination *self,
                                 const char *status_reason)
{
  g_return_if_fail (AWD_IS_NOMINATION (self));

  if (g_strcmp0 (self->status_reason, status_reason) == 0)
    return;

  g_free (self->status_reason);
  self->status_reason = g_strdup (status_reason);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_REASON]);
}
