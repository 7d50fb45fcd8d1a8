/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-enums"

#include "config.h"

#include <glib/gi18n.h>

#include "awd-enums.h"

/* One table per enumeration: index = value, string = its name in the
 * database, the XML format and the CLI. AWD_AWARD_MARK_NONE is "" so that
 * an empty field reads back as no mark. */
static const char * const round_status_names[] = { "draft", "nominating", "scoring", "final" };
static const char * const method_names[] = { "mean", "median", "trimmed", "zscore" };
static const char * const tie_break_names[] = { "none", "criteria" };
static const char * const category_kind_names[] = { "jury", "vote", "direct" };
static const char * const nomination_status_names[] = { "received", "eligible", "ineligible", "withdrawn" };
static const char * const award_mark_names[] = { "", "laureate", "diploma" };

static gboolean
lookup_name (const char * const *names,
             guint               n_names,
             const char         *text,
             int                *out_value)
{
  if (text == NULL)
    return FALSE;

  for (guint i = 0; i < n_names; i++)
    {
      if (g_strcmp0 (names[i], text) == 0)
        {
          *out_value = (int) i;
          return TRUE;
        }
    }

  return FALSE;
}

#define AWD_DEFINE_ENUM_STRINGS(Type, prefix, table) \
  const char * \
  prefix##_to_string (Type value) \
  { \
    g_return_val_if_fail ((guint) value < G_N_ELEMENTS (table), NULL); \
    return table[value]; \
  } \
  gboolean \
  prefix##_from_string (const char *text, Type *out_value) \
  { \
    int value; \
    if (!lookup_name (table, G_N_ELEMENTS (table), text, &value)) \
      return FALSE; \
    if (out_value != NULL) \
      *out_value = (Type) value; \
    return TRUE; \
  }

AWD_DEFINE_ENUM_STRINGS (AwdRoundStatus, awd_round_status, round_status_names)
AWD_DEFINE_ENUM_STRINGS (AwdMethod, awd_method, method_names)
AWD_DEFINE_ENUM_STRINGS (AwdTieBreak, awd_tie_break, tie_break_names)
AWD_DEFINE_ENUM_STRINGS (AwdCategoryKind, awd_category_kind, category_kind_names)
AWD_DEFINE_ENUM_STRINGS (AwdNominationStatus, awd_nomination_status, nomination_status_names)
AWD_DEFINE_ENUM_STRINGS (AwdAwardMark, awd_award_mark, award_mark_names)

const char *
awd_round_status_label (AwdRoundStatus value)
{
  switch (value)
    {
    case AWD_ROUND_STATUS_DRAFT: return _("Draft");
    case AWD_ROUND_STATUS_NOMINATING: return _("Accepting nominations");
    case AWD_ROUND_STATUS_SCORING: return _("Scoring");
    case AWD_ROUND_STATUS_FINAL: return _("Final");
    default: g_return_val_if_reached (NULL);
    }
}

const char *
awd_method_label (AwdMethod value)
{
  switch (value)
    {
    case AWD_METHOD_MEAN: return _("Mean");
    case AWD_METHOD_MEDIAN: return _("Median");
    case AWD_METHOD_TRIMMED: return _("Trimmed mean");
    case AWD_METHOD_ZSCORE: return _("Standardized (z-score)");
    default: g_return_val_if_reached (NULL);
    }
}

const char *
awd_category_kind_label (AwdCategoryKind value)
{
  switch (value)
    {
    case AWD_CATEGORY_KIND_JURY: return _("Jury scoring");
    case AWD_CATEGORY_KIND_VOTE: return _("Public vote");
    case AWD_CATEGORY_KIND_DIRECT: return _("Direct award");
    default: g_return_val_if_reached (NULL);
    }
}

const char *
awd_nomination_status_label (AwdNominationStatus value)
{
  switch (value)
    {
    case AWD_NOMINATION_STATUS_RECEIVED: return _("Received");
    case AWD_NOMINATION_STATUS_ELIGIBLE: return _("Eligible");
    case AWD_NOMINATION_STATUS_INELIGIBLE: return _("Ineligible");
    case AWD_NOMINATION_STATUS_WITHDRAWN: return _("Withdrawn");
    default: g_return_val_if_reached (NULL);
    }
}
