/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-nomination-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "awd-country-item.h"
#include "awd-edit-util.h"
#include "awd-nomination-editor-private.h"
#include "awd-store-nominations.h"

/* The partner institutions of a stored nomination: one row each (name,
 * country, remove), the whole list saved at once whenever a row changes. */

static void
save_partners (AwdNominationEditor *self)
{
  g_autoptr(GListStore) partners = g_list_store_new (AWD_TYPE_PARTNER);
  g_autoptr(GError) error = NULL;

  if (self->loading || !self->editable || awd_nomination_get_id (self->nomination) == 0)
    return;
  for (GtkWidget *row = gtk_widget_get_first_child (self->partners_list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *entry = g_object_get_data (G_OBJECT (row), "awd-name");
      GtkWidget *dropdown = g_object_get_data (G_OBJECT (row), "awd-country");
      AwdCountryItem *item;
      g_autofree char *name = NULL;
      g_autoptr(AwdPartner) partner = NULL;

      if (entry == NULL)
        continue;
      name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
      if (*name == '\0')
        continue;   /* a row still being filled in */
      item = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (dropdown));
      partner = awd_partner_new (name, item != NULL && *awd_country_item_get_code (item) != '\0'
                                       ? awd_country_item_get_code (item) : NULL);
      g_list_store_append (partners, partner);
    }
  if (!awd_store_set_partners (awd_nomination_editor_get_store (self), awd_nomination_get_id (self->nomination),
                               G_LIST_MODEL (partners), &error))
    {
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->partners_group), error->message);
      gtk_widget_add_css_class (self->partners_group, "error");
      return;
    }
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->partners_group), NULL);
  gtk_widget_remove_css_class (self->partners_group, "error");
  awd_nomination_editor_emit_saved (self);
}

static gboolean
commit_partner_name_cb (GtkWidget  *entry,
                        const char *text,
                        gpointer    user_data)
{
  save_partners (user_data);
  return TRUE;
}

static void
partner_country_selected_cb (GtkDropDown         *dropdown,
                             GParamSpec          *pspec,
                             AwdNominationEditor *self)
{
  save_partners (self);
}

static void
remove_partner_clicked_cb (GtkButton           *button,
                           AwdNominationEditor *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  gtk_list_box_remove (GTK_LIST_BOX (self->partners_list), row);
  gtk_widget_set_visible (self->partners_list, gtk_widget_get_first_child (self->partners_list) != NULL);
  save_partners (self);
}

static GtkWidget *
add_partner_row (AwdNominationEditor *self,
                 const char          *name,
                 const char          *country)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *dropdown = gtk_drop_down_new (g_object_ref (awd_country_items_get ()),
                                           gtk_property_expression_new (AWD_TYPE_COUNTRY_ITEM, NULL, "name"));
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  gtk_widget_set_hexpand (entry, TRUE);
  gtk_widget_set_name (entry, "partner-name");
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Partner institution"));
  gtk_editable_set_text (GTK_EDITABLE (entry), name != NULL ? name : "");
  awd_entry_watch_commit (entry, FALSE, commit_partner_name_cb, self);

  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (dropdown), TRUE);
  gtk_widget_set_name (dropdown, "partner-country");
  gtk_widget_set_tooltip_text (dropdown, _("The partner's country"));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), awd_country_items_find (country));
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (partner_country_selected_cb), self);

  gtk_widget_set_tooltip_text (remove, _("Remove the partner"));
  gtk_widget_add_css_class (remove, "flat");
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_partner_clicked_cb), self);

  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), dropdown);
  gtk_box_append (GTK_BOX (box), remove);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "awd-name", entry);
  g_object_set_data (G_OBJECT (row), "awd-country", dropdown);
  gtk_list_box_append (GTK_LIST_BOX (self->partners_list), row);
  gtk_widget_set_visible (self->partners_list, TRUE);
  return entry;
}

static void
add_partner_clicked_cb (GtkButton           *button,
                        AwdNominationEditor *self)
{
  GtkWidget *entry = add_partner_row (self, NULL, NULL);

  gtk_widget_grab_focus (entry);
}

void
awd_nomination_editor_load_partners (AwdNominationEditor *self)
{
  g_autoptr(GListModel) partners = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->partners_list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->partners_list), child);
  /* An empty boxed list would show as a stray line. */
  gtk_widget_set_visible (self->partners_list, FALSE);
  if (awd_nomination_get_id (self->nomination) == 0)
    return;
  partners = awd_store_list_partners (awd_nomination_editor_get_store (self), awd_nomination_get_id (self->nomination), NULL);
  for (guint i = 0; partners != NULL && i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(AwdPartner) partner = g_list_model_get_item (partners, i);
      add_partner_row (self, awd_partner_get_name (partner), awd_partner_get_country (partner));
    }
}

void
awd_nomination_editor_install_partners (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, add_partner_clicked_cb);
}
