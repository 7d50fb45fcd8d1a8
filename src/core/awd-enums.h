/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The enumerations of DESIGN.md. Their string forms are the exact lowercase
 * names used in the database CHECK constraints, the XML format and the CLI. */

typedef enum {
  AWD_ROUND_STATUS_DRAFT,
  AWD_ROUND_STATUS_NOMINATING,
  AWD_ROUND_STATUS_SCORING,
  AWD_ROUND_STATUS_FINAL,
} AwdRoundStatus;

typedef enum {
  AWD_METHOD_MEAN,
  AWD_METHOD_MEDIAN,
  AWD_METHOD_TRIMMED,
  AWD_METHOD_ZSCORE,
} AwdMethod;

typedef enum {
  AWD_TIE_BREAK_NONE,
  AWD_TIE_BREAK_CRITERIA,
} AwdTieBreak;

typedef enum {
  AWD_CATEGORY_KIND_JURY,
  AWD_CATEGORY_KIND_VOTE,
  AWD_CATEGORY_KIND_DIRECT,
} AwdCategoryKind;

typedef enum {
  AWD_NOMINATION_STATUS_RECEIVED,
  AWD_NOMINATION_STATUS_ELIGIBLE,
  AWD_NOMINATION_STATUS_INELIGIBLE,
  AWD_NOMINATION_STATUS_WITHDRAWN,
} AwdNominationStatus;

typedef enum {
  AWD_AWARD_MARK_NONE,
  AWD_AWARD_MARK_LAUREATE,
  AWD_AWARD_MARK_DIPLOMA,
} AwdAwardMark;

#define AWD_DECLARE_ENUM_STRINGS(Type, prefix) \
  const char *prefix##_to_string (Type value); \
  gboolean    prefix##_from_string (const char *text, Type *out_value);

AWD_DECLARE_ENUM_STRINGS (AwdRoundStatus, awd_round_status)
AWD_DECLARE_ENUM_STRINGS (AwdMethod, awd_method)
AWD_DECLARE_ENUM_STRINGS (AwdTieBreak, awd_tie_break)
AWD_DECLARE_ENUM_STRINGS (AwdCategoryKind, awd_category_kind)
AWD_DECLARE_ENUM_STRINGS (AwdNominationStatus, awd_nomination_status)
AWD_DECLARE_ENUM_STRINGS (AwdAwardMark, awd_award_mark)

/* Translated names for people (Russian in the UI). */
const char *awd_round_status_label (AwdRoundStatus value);
const char *awd_method_label (AwdMethod value);
const char *awd_category_kind_label (AwdCategoryKind value);
const char *awd_nomination_status_label (AwdNominationStatus value);

G_END_DECLS
