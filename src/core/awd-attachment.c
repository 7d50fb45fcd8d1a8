/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-attachment"

#include "config.h"

#include "awd-attachment.h"

/* An attachment's description; immutable once listed (an attachment is
 * replaced by removing it and adding the new file). */
struct _AwdAttachment
{
  GObject parent_instance;

  gint64  id;
  gint64  nomination_id;
  char   *name;
  char   *mime_type;
  gint64  size;
  char   *sha256;
};

G_DEFINE_FINAL_TYPE (AwdAttachment, awd_attachment, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NOMINATION_ID,
  PROP_NAME,
  PROP_MIME_TYPE,
  PROP_SIZE,
  PROP_SHA256,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
awd_attachment_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AwdAttachment *self = AWD_ATTACHMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NOMINATION_ID:
      g_value_set_int64 (value, self->nomination_id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_MIME_TYPE:
      g_value_set_string (value, self->mime_type);
      break;
    case PROP_SIZE:
      g_value_set_int64 (value, self->size);
      break;
    case PROP_SHA256:
      g_value_set_string (value, self->sha256);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awd_attachment_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  AwdAttachment *self = AWD_ATTACHMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;
    case PROP_NOMINATION_ID:
      self->nomination_id = g_value_get_int64 (value);
      break;
    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;
    case PROP_MIME_TYPE:
      self->mime_type = g_value_dup_string (value);
      break;
    case PROP_SIZE:
      self->size = g_value_get_int64 (value);
      break;
    case PROP_SHA256:
      self->sha256 = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awd_attachment_finalize (GObject *object)
{
  AwdAttachment *self = AWD_ATTACHMENT (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->mime_type, g_free);
  g_clear_pointer (&self->sha256, g_free);

  G_OBJECT_CLASS (awd_attachment_parent_class)->finalize (object);
}

static void
awd_attachment_class_init (AwdAttachmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = awd_attachment_get_property;
  object_class->set_property = awd_attachment_set_property;
  object_class->finalize = awd_attachment_finalize;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, "Database id", 0, G_MAXINT64, 0, flags);
  properties[PROP_NOMINATION_ID] = g_param_spec_int64 ("nomination-id", NULL, "Nomination", 0, G_MAXINT64, 0, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, "File name", NULL, flags);
  properties[PROP_MIME_TYPE] = g_param_spec_string ("mime-type", NULL, "Media type", NULL, flags);
  properties[PROP_SIZE] = g_param_spec_int64 ("size", NULL, "Size in bytes", 0, G_MAXINT64, 0, flags);
  properties[PROP_SHA256] = g_param_spec_string ("sha256", NULL, "SHA-256, lowercase hex", NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
awd_attachment_init (AwdAttachment *self)
{
}

AwdAttachment *
awd_attachment_new (gint64      id,
                    gint64      nomination_id,
                    const char *name,
                    const char *mime_type,
                    gint64      size,
                    const char *sha256)
{
  return g_object_new (AWD_TYPE_ATTACHMENT,
                       "id", id, "nomination-id", nomination_id, "name", name,
                       "mime-type", mime_type, "size", size, "sha256", sha256, NULL);
}

gint64
awd_attachment_get_id (AwdAttachment *self)
{
  g_return_val_if_fail (AWD_IS_ATTACHMENT (self), 0);
  return self->id;
}

gint64
awd_attachment_get_nomination_id (AwdAttachment *self)
{
  g_return_val_if_fail (AWD_IS_ATTACHMENT (self), 0);
  return self->nomination_id;
}

const char *
awd_attachment_get_name (AwdAttachment *self)
{
  g_return_val_if_fail (AWD_IS_ATTACHMENT (self), NULL);
  return self->name;
}

const char *
awd_attachment_get_mime_type (AwdAttachment *self)
{
  g_return_val_if_fail (AWD_IS_ATTACHMENT (self), NULL);
  return self->mime_type;
}

gint64
awd_attachment_get_size (AwdAttachment *self)
{
  g_return_val_if_fail (AWD_IS_ATTACHMENT (self), 0);
  return self->size;
}

const char *
awd_attachment_get_sha256 (AwdAttachment *self)
{
  g_return_val_if_fail (AWD_IS_ATTACHMENT (self), NULL);
  return self->sha256;
}
