/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-audit-labels"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "awd-audit-labels.h"
#include "awd-enums.h"

/* The log keeps the raw names (they are hashed, exported and compared by
 * machines); a person reading the journal gets these words instead. Rows
 * with an entity come first: "name" of a juror is a person's name, of a
 * category its title. */

#define SUMMARY_MAX_CHARS 120

typedef enum {
  VALUE_TEXT,
  VALUE_BOOLEAN,
  VALUE_ROUND_STATUS,
  VALUE_METHOD,
  VALUE_TIE_BREAK,
  VALUE_CATEGORY_KIND,
  VALUE_NOMINATION_STATUS,
  VALUE_AWARD_MARK,
  VALUE_IMPORT_NOMINATIONS,
  VALUE_IMPORT_VOTES,
} ValueKind;

typedef struct {
  const char *entity;   /* NULL: any */
  const char *field;
  const char *label;    /* NC_("audit field", …) */
  ValueKind   kind;
} FieldLabel;

static const FieldLabel field_labels[] = {
  /* AwdRound's properties and the keys of finalize, reopen and copy-setup. */
  { "round", "award", NC_("audit field", "Award"), VALUE_TEXT },
  { "round", "number", NC_("audit field", "Number"), VALUE_TEXT },
  { "round", "year", NC_("audit field", "Year"), VALUE_TEXT },
  { "round", "title", NC_("audit field", "Title"), VALUE_TEXT },
  { "round", "status", NC_("audit field", "Season status"), VALUE_ROUND_STATUS },
  { "round", "scale-min", NC_("audit field", "Lowest score"), VALUE_TEXT },
  { "round", "scale-max", NC_("audit field", "Highest score"), VALUE_TEXT },
  { "round", "scale-step", NC_("audit field", "Score step"), VALUE_TEXT },
  { "round", "method", NC_("audit field", "Counting method"), VALUE_METHOD },
  { "round", "trim", NC_("audit field", "Dropped at each end"), VALUE_TEXT },
  { "round", "tie-break", NC_("audit field", "Tie-break"), VALUE_TIE_BREAK },
  { "round", "quorum", NC_("audit field", "Quorum"), VALUE_TEXT },
  { "round", "results-checksum", NC_("audit field", "Results checksum"), VALUE_TEXT },
  { "round", "checksum", NC_("audit field", "Results checksum"), VALUE_TEXT },
  { "round", "finalized-at", NC_("audit field", "Finalized at"), VALUE_TEXT },
  { "round", "reason", NC_("audit field", "Reason"), VALUE_TEXT },
  { "round", "source", NC_("audit field", "Copied from season (ID)"), VALUE_TEXT },
  /* AwdCategory, and the winner of a direct award. */
  { "category", "name", NC_("audit field", "Name"), VALUE_TEXT },
  { "category", "kind", NC_("audit field", "Kind"), VALUE_CATEGORY_KIND },
  { "category", "winner", NC_("audit field", "Winner (nomination ID)"), VALUE_TEXT },
  /* AwdCriterion. */
  { "criterion", "name", NC_("audit field", "Name"), VALUE_TEXT },
  { "criterion", "description", NC_("audit field", "Description"), VALUE_TEXT },
  { "criterion", "weight", NC_("audit field", "Weight"), VALUE_TEXT },
  /* AwdJuror. */
  { "juror", "name", NC_("audit field", "Full name"), VALUE_TEXT },
  { "juror", "affiliation", NC_("audit field", "Affiliation"), VALUE_TEXT },
  { "juror", "email", NC_("audit field", "E-mail"), VALUE_TEXT },
  { "juror", "chair", NC_("audit field", "Chair"), VALUE_BOOLEAN },
  { "juror", "withdrawn", NC_("audit field", "Withdrawn"), VALUE_BOOLEAN },
  { "juror", "withdrawn-reason", NC_("audit field", "Reason for withdrawal"), VALUE_TEXT },
  { "juror", "submitted", NC_("audit field", "Scores submitted"), VALUE_BOOLEAN },
  /* AwdNomination. */
  { "nomination", "ref", NC_("audit field", "Ref. no."), VALUE_TEXT },
  { "nomination", "title", NC_("audit field", "Title"), VALUE_TEXT },
  { "nomination", "title-en", NC_("audit field", "Title in English"), VALUE_TEXT },
  { "nomination", "institution", NC_("audit field", "Institution"), VALUE_TEXT },
  { "nomination", "city", NC_("audit field", "City"), VALUE_TEXT },
  { "nomination", "region", NC_("audit field", "Region"), VALUE_TEXT },
  { "nomination", "country", NC_("audit field", "Country"), VALUE_TEXT },
  { "nomination", "period-start", NC_("audit field", "Project start"), VALUE_TEXT },
  { "nomination", "period-end", NC_("audit field", "Project end"), VALUE_TEXT },
  { "nomination", "summary", NC_("audit field", "Summary"), VALUE_TEXT },
  { "nomination", "contact-name", NC_("audit field", "Contact person"), VALUE_TEXT },
  { "nomination", "contact-email", NC_("audit field", "Contact e-mail"), VALUE_TEXT },
  { "nomination", "contact-phone", NC_("audit field", "Contact phone"), VALUE_TEXT },
  { "nomination", "url", NC_("audit field", "Web site"), VALUE_TEXT },
  { "nomination", "received", NC_("audit field", "Received on"), VALUE_TEXT },
  { "nomination", "status", NC_("audit field", "Nomination status"), VALUE_NOMINATION_STATUS },
  { "nomination", "status-reason", NC_("audit field", "Reason for the status"), VALUE_TEXT },
  /* AwdAttachment. */
  { "attachment", "name", NC_("audit field", "File"), VALUE_TEXT },
  { "attachment", "size", NC_("audit field", "Size, bytes"), VALUE_TEXT },
  { "attachment", "mime-type", NC_("audit field", "File type"), VALUE_TEXT },
  { "attachment", "sha256", NC_("audit field", "SHA-256"), VALUE_TEXT },
  /* Scores, conflicts, comments, vote counts, award marks. */
  { NULL, "juror", NC_("audit field", "Juror (ID)"), VALUE_TEXT },
  { NULL, "nomination", NC_("audit field", "Nomination (ID)"), VALUE_TEXT },
  { NULL, "criterion", NC_("audit field", "Criterion (ID)"), VALUE_TEXT },
  { "score", "value", NC_("audit field", "Score"), VALUE_TEXT },
  { "comment", "text", NC_("audit field", "Text"), VALUE_TEXT },
  { "vote", "count", NC_("audit field", "Votes"), VALUE_TEXT },
  { "award", "mark", NC_("audit field", "Award"), VALUE_AWARD_MARK },
  { "award", "note", NC_("audit field", "Note"), VALUE_TEXT },
  /* Imports: the XML exchange file and the CSV lists. */
  { "xml", "file", NC_("audit field", "File"), VALUE_TEXT },
  { "xml", "rounds", NC_("audit field", "Seasons (ID)"), VALUE_TEXT },
  { "xml", "nominations", NC_("audit field", "Nominations"), VALUE_TEXT },
  { "xml", "scores", NC_("audit field", "Scores"), VALUE_TEXT },
  { "nominations", "import-csv", NC_("audit field", "Imported"), VALUE_IMPORT_NOMINATIONS },
  { "votes", "import-votes", NC_("audit field", "Imported"), VALUE_IMPORT_VOTES },
  /* Any entity. */
  { NULL, "position", NC_("audit field", "Place in the list"), VALUE_TEXT },
  { NULL, "name", NC_("audit field", "Name"), VALUE_TEXT },
  { NULL, "country", NC_("audit field", "Country"), VALUE_TEXT },
  { NULL, "reason", NC_("audit field", "Reason"), VALUE_TEXT },
  { NULL, "title", NC_("audit field", "Title"), VALUE_TEXT },
};

static const FieldLabel *
find_field (const char *entity,
            const char *field)
{
  const FieldLabel *any = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (field_labels); i++)
    {
      if (g_strcmp0 (field_labels[i].field, field) != 0)
        continue;
      if (field_labels[i].entity == NULL)
        {
          if (any == NULL)
            any = &field_labels[i];
        }
      else if (g_strcmp0 (field_labels[i].entity, entity) == 0)
        return &field_labels[i];
    }
  return any;
}

/* An enumeration's value as the store writes it: its string name, or the
 * integer of an int property (awd_store_describe_object). */
static gboolean
read_enum (const char *value,
           const char * const *names,
           guint       n_names,
           int        *out)
{
  guint64 number;

  for (guint i = 0; i < n_names; i++)
    if (g_strcmp0 (names[i], value) == 0)
      {
        *out = (int) i;
        return TRUE;
      }
  if (!g_ascii_string_to_unsigned (value, 10, 0, n_names - 1, &number, NULL))
    return FALSE;
  *out = (int) number;
  return TRUE;
}

/* "12 nominations from list.csv" → translated; NULL when it does not read. */
static char *
translate_import (const char *value,
                  ValueKind   kind)
{
  const char *middle = kind == VALUE_IMPORT_NOMINATIONS ? " nominations from " : " vote counts from ";
  const char *found = strstr (value, middle);
  g_autofree char *count_text = NULL;
  guint64 count;

  if (found == NULL)
    return NULL;
  count_text = g_strndup (value, (gsize) (found - value));
  if (!g_ascii_string_to_unsigned (count_text, 10, 0, G_MAXUINT, &count, NULL))
    return NULL;
  if (kind == VALUE_IMPORT_NOMINATIONS)
    /* Translators: an import in the audit log: "12 nominations from list.csv" */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u nomination from %s", "%u nominations from %s",
                                         (gulong) count),
                            (guint) count, found + strlen (middle));
  /* Translators: an import in the audit log: "12 vote counts from votes.csv" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u vote count from %s", "%u vote counts from %s",
                                       (gulong) count),
                          (guint) count, found + strlen (middle));
}

static char *
translate_value (ValueKind   kind,
                 const char *value)
{
  static const char * const round_status[] = { "draft", "nominating", "scoring", "final" };
  static const char * const methods[] = { "mean", "median", "trimmed", "zscore" };
  static const char * const tie_breaks[] = { "none", "criteria" };
  static const char * const kinds[] = { "jury", "vote", "direct" };
  static const char * const nomination_status[] = { "received", "eligible", "ineligible", "withdrawn" };
  static const char * const marks[] = { "", "laureate", "diploma" };
  int n;

  switch (kind)
    {
    case VALUE_BOOLEAN:
      if (g_ascii_strcasecmp (value, "true") == 0)
        return g_strdup (C_("audit value", "yes"));
      if (g_ascii_strcasecmp (value, "false") == 0)
        return g_strdup (C_("audit value", "no"));
      break;
    case VALUE_ROUND_STATUS:
      if (read_enum (value, round_status, G_N_ELEMENTS (round_status), &n))
        return g_strdup (awd_round_status_label ((AwdRoundStatus) n));
      break;
    case VALUE_METHOD:
      if (read_enum (value, methods, G_N_ELEMENTS (methods), &n))
        return g_strdup (awd_method_label ((AwdMethod) n));
      break;
    case VALUE_TIE_BREAK:
      if (read_enum (value, tie_breaks, G_N_ELEMENTS (tie_breaks), &n))
        return g_strdup (n == AWD_TIE_BREAK_CRITERIA ? C_("audit value", "by the criteria in order")
                                                     : C_("audit value", "none"));
      break;
    case VALUE_CATEGORY_KIND:
      if (read_enum (value, kinds, G_N_ELEMENTS (kinds), &n))
        return g_strdup (awd_category_kind_label ((AwdCategoryKind) n));
      break;
    case VALUE_NOMINATION_STATUS:
      if (read_enum (value, nomination_status, G_N_ELEMENTS (nomination_status), &n))
        return g_strdup (awd_nomination_status_label ((AwdNominationStatus) n));
      break;
    case VALUE_AWARD_MARK:
      if (read_enum (value, marks, G_N_ELEMENTS (marks), &n))
        return g_strdup (n == AWD_AWARD_MARK_LAUREATE ? C_("audit value", "laureate")
                         : n == AWD_AWARD_MARK_DIPLOMA ? C_("audit value", "diploma")
                         : C_("audit value", "none"));
      break;
    case VALUE_IMPORT_NOMINATIONS:
    case VALUE_IMPORT_VOTES:
      return translate_import (value, kind);
    case VALUE_TEXT:
    default:
      break;
    }
  return NULL;
}

/* Splits "name: value" (or "name:" with no value); FALSE for other text. */
static gboolean
split_line (const char  *line,
            char       **out_name,
            const char **out_value)
{
  const char *colon = strstr (line, ": ");
  gsize len = strlen (line);

  if (colon == NULL && len > 1 && line[len - 1] == ':')
    colon = line + len - 1;
  if (colon == NULL || colon == line || memchr (line, ' ', (gsize) (colon - line)) != NULL)
    return FALSE;
  *out_name = g_strndup (line, (gsize) (colon - line));
  *out_value = colon[1] == ' ' ? colon + 2 : colon + 1;
  return TRUE;
}

static char *
translate_line (const char *entity,
                const char *line)
{
  g_autofree char *name = NULL;
  g_autofree char *value_text = NULL;
  const char *value;
  const FieldLabel *field;

  /* Lines that are not fields but sentences of their own. */
  if (g_strcmp0 (line, "edited after submission") == 0)
    return g_strdup (C_("audit value", "edited after submission"));
  if (g_strcmp0 (entity, "schema") == 0 && g_str_has_prefix (line, "user_version = "))
    /* Translators: the audit log's row of a database upgrade */
    return g_strdup_printf (_("schema version %s"), line + strlen ("user_version = "));

  if (!split_line (line, &name, &value) || (field = find_field (entity, name)) == NULL)
    return g_strdup (line);
  value_text = translate_value (field->kind, value);
  return g_strdup_printf ("%s: %s", g_dpgettext2 (GETTEXT_PACKAGE, "audit field", field->label),
                          value_text != NULL ? value_text : value);
}

const char *
awd_audit_field_label (const char *entity,
                       const char *field)
{
  const FieldLabel *found;

  g_return_val_if_fail (field != NULL, NULL);

  found = find_field (entity, field);
  return found != NULL ? g_dpgettext2 (GETTEXT_PACKAGE, "audit field", found->label) : field;
}

char *
awd_audit_translate_text (const char *entity,
                          const char *text)
{
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) out = NULL;

  if (text == NULL)
    return NULL;

  lines = g_strsplit (text, "\n", -1);
  out = g_string_new (NULL);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = translate_line (entity, lines[i]);

      if (i > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, line);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
cut_first_line (const char *text)
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

/* The labels of a change's fields, "Title, Highest score"; NULL when
 * @text is not all "name: value" lines. */
static char *
changed_labels (const char *entity,
                const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GString) labels = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *name = NULL;
      const char *value;

      if (!split_line (lines[i], &name, &value))
        return NULL;
      if (labels->len > 0)
        g_string_append (labels, ", ");
      g_string_append (labels, awd_audit_field_label (entity, name));
    }
  return g_string_free (g_steal_pointer (&labels), FALSE);
}

char *
awd_audit_entry_dup_display_summary (AwdAuditEntry *entry)
{
  const char *entity, *before, *after, *text;
  g_autofree char *translated = NULL;

  g_return_val_if_fail (AWD_IS_AUDIT_ENTRY (entry), NULL);

  entity = awd_audit_entry_get_entity (entry);
  before = awd_audit_entry_get_before (entry);
  after = awd_audit_entry_get_after (entry);
  /* The same choice as awd_audit_entry_get_summary(), in words. */
  text = after != NULL && *after != '\0' ? after : before;
  if (text == NULL || *text == '\0')
    return g_strdup ("");
  if (before != NULL && *before != '\0' && after != NULL && *after != '\0')
    {
      g_autofree char *labels = changed_labels (entity, after);
      if (labels != NULL)
        return cut_first_line (labels);
    }
  translated = awd_audit_translate_text (entity, text);
  return cut_first_line (translated);
}
