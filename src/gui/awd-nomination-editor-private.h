/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "awd-nomination-editor.h"

G_BEGIN_DECLS

/* Shared by awd-nomination-editor.c (the nomination's own fields, loading,
 * the GObject), awd-nomination-editor-partners.c (the partner institutions)
 * and awd-nomination-editor-attachments.c (adding, opening, saving a copy
 * of and removing attachments). */

/* Every field of a nomination, saved at once through a copy (the shown
 * nomination changes only when the store accepted the copy), refusals shown
 * in the field's row. A new nomination lives in the editor until it has a
 * title; from then on it is stored and every change saves. */
struct _AwdNominationEditor
{
  AdwWindow      parent_instance;

  AwdContext    *context;
  AwdNomination *nomination;
  GListModel    *categories;
  gint64         default_category_id;
  gint64         initial_id;
  gboolean       editable;
  gboolean       loading;
  gboolean       asking;            /* the duplicate question is open */
  char          *confirmed_pair;    /* folded title + institution already accepted */
  guint          summary_timeout;
  char          *summary_committed;

  GtkWidget     *toast_overlay;
  GtkWidget     *window_title;
  GtkWidget     *info_strip;
  GtkWidget     *page;
  GtkWidget     *nomination_group;
  GtkWidget     *institution_group;
  GtkWidget     *partners_group;
  GtkWidget     *project_group;
  GtkWidget     *contact_group;
  GtkWidget     *attachments_group;
  GtkWidget     *ref_entry;
  GtkWidget     *title_entry;
  GtkWidget     *title_en_entry;
  GtkWidget     *category_row;
  GtkWidget     *status_row;
  GtkWidget     *reason_row;
  GtkWidget     *reason_entry;
  GtkWidget     *received_row;
  GtkWidget     *received_entry;
  GtkWidget     *institution_entry;
  GtkWidget     *city_entry;
  GtkWidget     *country_row;
  GtkWidget     *country_dropdown;
  GtkWidget     *region_entry;
  GtkWidget     *partners_list;
  GtkWidget     *add_partner_button;
  GtkWidget     *start_row;
  GtkWidget     *start_entry;
  GtkWidget     *end_row;
  GtkWidget     *end_entry;
  GtkWidget     *summary_view;
  GtkWidget     *summary_label;
  GtkWidget     *contact_entry;
  GtkWidget     *email_entry;
  GtkWidget     *phone_entry;
  GtkWidget     *url_entry;
  GtkWidget     *attachments_list;
  GtkWidget     *add_attachment_button;
};

/* awd-nomination-editor.c */
AwdStore *awd_nomination_editor_get_store           (AwdNominationEditor *self);
void      awd_nomination_editor_show_toast          (AwdNominationEditor *self,
                                                     const char          *message);
void      awd_nomination_editor_emit_saved          (AwdNominationEditor *self);

/* awd-nomination-editor-partners.c */
void      awd_nomination_editor_load_partners       (AwdNominationEditor *self);
void      awd_nomination_editor_install_partners    (GtkWidgetClass      *widget_class);

/* awd-nomination-editor-attachments.c */
void      awd_nomination_editor_load_attachments    (AwdNominationEditor *self);
void      awd_nomination_editor_install_attachments (GtkWidgetClass      *widget_class);

G_END_DECLS
