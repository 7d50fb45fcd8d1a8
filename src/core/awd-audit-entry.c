/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-audit-entry"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "awd-audit-entry.h"

/* Properties are read-only and exist so that list views can bind to them
 * with expressions. */
struct _AwdAuditEntry
{
  GObject  parent_instance;

  gint64   id;
  char    *at;
  char    *operator_name;
  gint64   round_id;
  char    *action;
  char    *entity;
  gint64   entity_id;
  char    *before;
  char    *after;
  char    *summary;
};

G_DEFINE_FINAL_TYPE (AwdAuditEntry, awd_audit_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_AT,
  PROP_OPERATOR,
  PROP_ROUND_ID,
  PROP_ACTION,
  PROP_ENTITY,
  PROP_ENTITY_ID,
  PROP_BEFORE,
  PROP_AFTER,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define SUMMARY_MAX_CHARS 120

/* "name: value" lines → "name, name"; other text → its first line. */
static char *
field_names (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *colon = strstr (lines[i], ": ");
      if (colon == NULL || colon == lines[i] || memchr (lines[i], ' ', (gsize) (colon - lines[i])) != NULL)
        return NULL;
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append_len (names, lines[i], colon - lines[i]);
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static char *
first_line (const char *text)
{
  const char *end = strchr (text, '\n');
  g_autofree char *line = end != NULL ? g_strndup (text, (gsize) (end - text)) : g_strdup (text);

  if (g_utf8_strlen (line, -1) > SUMMARY_MAX_CHARS)
    {
      g_autofree char *cut = g_utf8_substring (line, 0, SUMMARY_MAX_CHARS);
      return g_strconcat (cut, "…", NULL);
    }
  return g_steal_pointer (&line);
}

static char *
make_summary (AwdAuditEntry *self)
{
  const char *text = self->after != NULL && *self->after != '\0' ? self->after : self->before;

  if (text == NULL || *text == '\0')
    return g_strdup ("");
  if (self->before != NULL && *self->before != '\0' && self->after != NULL && *self->after != '\0')
    {
      /* A change: which fields it touched says the most in one line. */
      g_autofree char *names = field_names (self->after);
      if (names != NULL)
        return first_line (names);
    }
  return first_line (text);
}

static void
awd_audit_entry_finalize (GObject *object)
{
  AwdAuditEntry *self = AWD_AUDIT_ENTRY (object);

  g_free (self->at);
  g_free (self->operator_name);
  g_free (self->action);
  g_free (self->entity);
  g_free (self->before);
  g_free (self->after);
  g_free (self->summary);

  G_OBJECT_CLASS (awd_audit_entry_parent_class)->finalize (object);
}

static void
awd_audit_entry_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AwdAuditEntry *self = AWD_AUDIT_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_AT:
      g_value_set_string (value, self->at);
      break;
    case PROP_OPERATOR:
      g_value_set_string (value, self->operator_name);
      break;
    case PROP_ROUND_ID:
      g_value_set_int64 (value, self->round_id);
      break;
    case PROP_ACTION:
      g_value_set_string (value, self->action);
      break;
    case PROP_ENTITY:
      g_value_set_string (value, self->entity);
      break;
    case PROP_ENTITY_ID:
      g_value_set_int64 (value, self->entity_id);
      break;
    case PROP_BEFORE:
      g_value_set_string (value, self->before);
      break;
    case PROP_AFTER:
      g_value_set_string (value, self->after);
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awd_audit_entry_class_init (AwdAuditEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = awd_audit_entry_finalize;
  object_class->get_property = awd_audit_entry_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_AT] = g_param_spec_string ("at", NULL, NULL, NULL, flags);
  properties[PROP_OPERATOR] = g_param_spec_string ("operator", NULL, NULL, NULL, flags);
  properties[PROP_ROUND_ID] = g_param_spec_int64 ("round-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_ACTION] = g_param_spec_string ("action", NULL, NULL, NULL, flags);
  properties[PROP_ENTITY] = g_param_spec_string ("entity", NULL, NULL, NULL, flags);
  properties[PROP_ENTITY_ID] = g_param_spec_int64 ("entity-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_BEFORE] = g_param_spec_string ("before", NULL, NULL, NULL, flags);
  properties[PROP_AFTER] = g_param_spec_string ("after", NULL, NULL, NULL, flags);
  properties[PROP_SUMMARY] = g_param_spec_string ("summary", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
awd_audit_entry_init (AwdAuditEntry *self)
{
}

AwdAuditEntry *
awd_audit_entry_new (gint64      id,
                     const char *at,
                     const char *operator_name,
                     gint64      round_id,
                     const char *action,
                     const char *entity,
                     gint64      entity_id,
                     const char *before,
                     const char *after)
{
  AwdAuditEntry *self = g_object_new (AWD_TYPE_AUDIT_ENTRY, NULL);

  self->id = id;
  self->at = g_strdup (at);
  self->operator_name = g_strdup (operator_name);
  self->round_id = round_id;
  self->action = g_strdup (action);
  self->entity = g_strdup (entity);
  self->entity_id = entity_id;
  self->before = g_strdup (before);
  self->after = g_strdup (after);
  self->summary = make_summary (self);
  return self;
}

gint64
awd_audit_entry_get_id (AwdAuditEntry *self)
{
  g_return_val_if_fail (AWD_IS_AUDIT_ENTRY (self), 0);
  return self->id;
}

const char *
awd_audit_entry_get_at (AwdAuditEntry *self)
{
  g_return_val_if_fail (AWD_IS_AUDIT_ENTRY (self), NULL);
  return self->at;
}

GDateTime *
awd_audit_entry_dup_local_time (AwdAuditEntry *self)
{
  g_autoptr(GDateTime) utc = NULL;

  g_return_val_if_fail (AWD_IS_AUDIT_ENTRY (self), NULL);

  utc = self->at != NULL ? g_date_time_new_from_iso8601 (self->at, NULL) : NULL;
  return utc != NULL ? g_date_time_to_local (utc) : NULL;
}

const char *
awd_audit_entry_get_operator (AwdAuditEntry *self)
{
  g_return_val_if_fail (AWD_IS_AUDIT_ENTRY (self), NULL);
  return self->operator_name;
}

gint64
awd_audit_entry_get_round_id (AwdAuditEntry *self)
{
  g_return_val_if_fail (AWD_IS_AUDIT_ENTRY (self), 0);
  return self->round_id;
}

const char *
awd_audit_entry_get_action (AwdAuditEntry *self)
{
  g_return_val_if_fail (AWD_IS_AUDIT_ENTRY (self), NULL);
  return self->action;
}

const char *
awd_audit_entry_get_entity (AwdAuditEntry *self)
{
  g_return_val_if_fail (AWD_IS_AUDIT_ENTRY (self), NULL);
  return self->entity;
}

gint64
awd_audit_entry_get_entity_id (AwdAuditEntry *self)
{
  g_return_val_if_fail (AWD_IS_AUDIT_ENTRY (self), 0);
  return self->entity_id;
}

const char *
awd_audit_entry_get_before (AwdAuditEntry *self)
{
  g_return_val_if_fail (AWD_IS_AUDIT_ENTRY (self), NULL);
  return self->before;
}

const char *
awd_audit_entry_get_after (AwdAuditEntry *self)
{
  g_return_val_if_fail (AWD_IS_AUDIT_ENTRY (self), NULL);
  return self->after;
}

const char *
awd_audit_entry_get_summary (AwdAuditEntry *self)
{
  g_return_val_if_fail (AWD_IS_AUDIT_ENTRY (self), NULL);
  return self->summary;
}
