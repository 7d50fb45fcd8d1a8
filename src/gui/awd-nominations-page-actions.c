/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-nominations-page"

#include "config.h"

#include <glib/gi18n.h>

#include "awd-csv-import-dialog.h"
#include "awd-csv-writer.h"
#include "awd-nomination-editor.h"
#include "awd-nominations-page-private.h"
#include "awd-store-nomination-rows.h"
#include "awd-window.h"

/* What a person does with the list: open a nomination in the editor (new or
 * chosen) and list it again when the editor saves, delete with an undo
 * toast (the store deletes when the toast goes away), import from and
 * export to CSV. */

static guint
find_row (AwdNominationsPage *self,
          gint64              nomination_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AwdNominationRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);
      if (awd_nomination_row_get_id (row) == nomination_id)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
notify_changed (AwdNominationsPage *self)
{
  self->notifying = TRUE;
  awd_context_data_changed (self->context, "nominations");
  self->notifying = FALSE;
}

/* The editor saved: list the nomination again (one row, not the round). */
static void
editor_saved_cb (AwdNominationEditor *editor,
                 gint64               nomination_id,
                 AwdNominationsPage  *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwdNominationRow) row = awd_store_get_nomination_row (awd_context_get_store (self->context),
                                                                  nomination_id, &error);
  guint position = find_row (self, nomination_id);

  if (row == NULL)
    {
      g_warning ("Cannot list nomination %" G_GINT64_FORMAT ": %s", nomination_id, error->message);
      return;
    }
  if (position != GTK_INVALID_LIST_POSITION)
    g_list_store_splice (self->rows, position, 1, (gpointer *) &row, 1);
  else
    g_list_store_append (self->rows, row);
  /* The search text changed too: ask the index again. */
  awd_nominations_page_run_search (self);
  notify_changed (self);
}

/* Actions -------------------------------------------------------------- */

static AwdNominationRow *
selected_row (AwdNominationsPage *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
open_editor (AwdNominationsPage *self,
             gint64              nomination_id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  guint category = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->category_dropdown));
  gint64 default_category = 0;
  GtkWidget *editor;

  if (self->round_id <= 0)
    return;
  /* A new nomination goes into the category the list shows, else the first. */
  if (category != GTK_INVALID_LIST_POSITION && category > 0 && category < self->category_ids->len)
    default_category = g_array_index (self->category_ids, gint64, category);
  else if (self->category_ids->len > 1)
    default_category = g_array_index (self->category_ids, gint64, 1);

  if (self->editor != NULL)
    gtk_window_destroy (GTK_WINDOW (self->editor));
  editor = awd_nomination_editor_new (self->context, nomination_id, default_category);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, 0);
  g_set_weak_pointer (&self->editor, editor);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  AwdNominationsPage *self = AWD_NOMINATIONS_PAGE (widget);

  if (self->editable)
    open_editor (self, 0);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AwdNominationsPage *self = AWD_NOMINATIONS_PAGE (widget);
  AwdNominationRow *row = selected_row (self);

  if (row != NULL)
    open_editor (self, awd_nomination_row_get_id (row));
}

static void
column_view_activated_cb (GtkColumnView      *view,
                          guint               position,
                          AwdNominationsPage *self)
{
  g_autoptr(AwdNominationRow) row = g_list_model_get_item (G_LIST_MODEL (self->filter_model), position);

  if (row != NULL)
    open_editor (self, awd_nomination_row_get_id (row));
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AwdNominationsPage *self = AWD_NOMINATIONS_PAGE (widget);

  gtk_widget_grab_focus (self->search_entry);
}

void
awd_nominations_page_flush_pending_delete (AwdNominationsPage *self)
{
  g_autoptr(AwdNominationRow) row = g_steal_pointer (&self->pending_delete);
  g_autoptr(GError) error = NULL;
  guint position;

  g_clear_weak_pointer (&self->pending_toast);
  if (row == NULL)
    return;

  position = find_row (self, awd_nomination_row_get_id (row));
  if (!awd_store_delete_nomination (awd_context_get_store (self->context),
                                    awd_nomination_row_get_id (row), &error))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      /* Not deleted: show it again, and say why. */
      g_warning ("Cannot delete nomination %s: %s", awd_nomination_row_get_ref (row), error->message);
      awd_nominations_page_refilter (self, GTK_FILTER_CHANGE_LESS_STRICT);
      if (AWD_IS_WINDOW (root))
        {
          g_autoptr(AdwToast) toast = adw_toast_new (error->message);
          adw_toast_set_timeout (toast, 0);
          awd_window_add_toast (AWD_WINDOW (root), g_steal_pointer (&toast));
        }
      return;
    }
  if (position != GTK_INVALID_LIST_POSITION)
    g_list_store_remove (self->rows, position);
  notify_changed (self);
}

static void
undo_delete (AwdNominationsPage *self)
{
  g_autoptr(AwdNominationRow) row = g_steal_pointer (&self->pending_delete);

  g_clear_weak_pointer (&self->pending_toast);
  if (row == NULL)
    return;
  awd_nominations_page_refilter (self, GTK_FILTER_CHANGE_LESS_STRICT);
  awd_nominations_page_select (self, awd_nomination_row_get_id (row));
}

static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AwdNominationsPage *self = AWD_NOMINATIONS_PAGE (widget);
  AdwToast *toast = self->pending_toast;

  undo_delete (self);
  if (toast != NULL)
    awd_window_dismiss_toast (toast);
}

static void
toast_button_clicked_cb (AdwToast           *toast,
                         AwdNominationsPage *self)
{
  if (toast == self->pending_toast)
    undo_delete (self);
}

static void
toast_dismissed_cb (AdwToast           *toast,
                    AwdNominationsPage *self)
{
  if (toast == self->pending_toast)
    awd_nominations_page_flush_pending_delete (self);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AwdNominationsPage *self = AWD_NOMINATIONS_PAGE (widget);
  AwdNominationRow *row = selected_row (self);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *message = NULL;
  AdwToast *toast;
  guint position;

  if (row == NULL || !self->editable)
    return;

  /* One pending deletion at a time: the earlier one happens now. */
  awd_nominations_page_flush_pending_delete (self);
  position = gtk_single_selection_get_selected (self->selection);
  self->pending_delete = g_object_ref (row);
  awd_nominations_page_refilter (self, GTK_FILTER_CHANGE_MORE_STRICT);
  /* Keep the place in the list: the next row (or the last) is selected. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) > 0)
    gtk_single_selection_set_selected (self->selection,
                                       MIN (position, g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) - 1));

  if (!AWD_IS_WINDOW (root))
    {
      /* No window to offer an undo: delete now. */
      awd_nominations_page_flush_pending_delete (self);
      return;
    }
  message = g_strdup_printf (_("Nomination %s deleted"), awd_nomination_row_get_ref (row));
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (toast_button_clicked_cb), self, 0);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), self, 0);
  g_set_weak_pointer (&self->pending_toast, toast);
  awd_window_add_toast (AWD_WINDOW (root), toast);
}

static void
import_dialog_imported_cb (GtkWidget          *dialog,
                           guint               n_added,
                           AwdNominationsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  /* The dialog announced the change; the page has listed them again. */
  if (AWD_IS_WINDOW (root))
    {
      g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "%u nomination imported",
                                                               "%u nominations imported", n_added),
                                                  n_added);
      awd_window_add_toast (AWD_WINDOW (root), adw_toast_new (message));
    }
}

static void
import_file_chosen_cb (GtkNativeDialog    *chooser,
                       int                 response,
                       AwdNominationsPage *self)
{
  g_autoptr(GFile) file = NULL;
  GtkWidget *dialog;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  if (file == NULL)
    return;

  dialog = awd_csv_import_dialog_new (self->context, file);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  g_signal_connect_object (dialog, "imported", G_CALLBACK (import_dialog_imported_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkFileFilter *
make_csv_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Spreadsheet as CSV (*.csv)"));
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_pattern (filter, "*.CSV");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  return filter;
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AwdNominationsPage *self = AWD_NOMINATIONS_PAGE (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = make_csv_filter ();

  if (!self->editable)
    return;
  chooser = gtk_file_chooser_native_new (_("Import Nominations from a Spreadsheet"),
                                         GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (import_file_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The rows the list shows, as full nominations for the CSV writer: one
 * query for the round, kept when the row is shown. */
static GListModel *
collect_shown_nominations (AwdNominationsPage  *self,
                           GError             **error)
{
  g_autoptr(GListModel) all = awd_store_list_nominations (awd_context_get_store (self->context),
                                                          self->round_id, error);
  g_autoptr(GHashTable) by_id = NULL;
  GListStore *shown;
  guint n;

  if (all == NULL)
    return NULL;
  by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      AwdNomination *nomination = g_list_model_get_item (all, i);
      gint64 *key = g_new (gint64, 1);

      *key = awd_nomination_get_id (nomination);
      g_object_set_data_full (G_OBJECT (nomination), "awd-key", key, g_free);
      g_hash_table_insert (by_id, key, nomination);
    }

  /* In the order the list shows them. */
  shown = g_list_store_new (AWD_TYPE_NOMINATION);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AwdNominationRow) row = g_list_model_get_item (G_LIST_MODEL (self->filter_model), i);
      gint64 id = awd_nomination_row_get_id (row);
      AwdNomination *nomination = g_hash_table_lookup (by_id, &id);

      if (nomination != NULL)
        g_list_store_append (shown, nomination);
    }
  return G_LIST_MODEL (shown);
}

static void
export_file_chosen_cb (GtkNativeDialog    *chooser,
                       int                 response,
                       AwdNominationsPage *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GListModel) shown = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;

  shown = collect_shown_nominations (self, &error);
  if (shown == NULL || !awd_csv_write_nominations (shown, self->categories, path, &error))
    {
      g_warning ("CSV export to %s failed: %s", path, error->message);
      message = g_strdup_printf (_("The list could not be exported: %s"), error->message);
    }
  else
    {
      g_autofree char *name = g_file_get_basename (file);
      guint n = g_list_model_get_n_items (shown);
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%u nomination exported to “%s”",
                                              "%u nominations exported to “%s”", n), n, name);
    }
  if (AWD_IS_WINDOW (root))
    awd_window_add_toast (AWD_WINDOW (root), adw_toast_new (message));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AwdNominationsPage *self = AWD_NOMINATIONS_PAGE (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = make_csv_filter ();
  AwdRound *round = awd_context_get_round (self->context);
  g_autofree char *name = NULL;

  if (round == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Export the List to CSV"),
                                         GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* Translators: the proposed file name of an export; %d is the season's year */
  name = g_strdup_printf (_("nominations-%d.csv"), awd_round_get_year (round));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (export_file_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
awd_nominations_page_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, column_view_activated_cb);

  gtk_widget_class_install_action (widget_class, "nominations.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "nominations.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "nominations.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "nominations.undo-delete", NULL, undo_delete_action);
  gtk_widget_class_install_action (widget_class, "nominations.search", NULL, focus_search_action);
  gtk_widget_class_install_action (widget_class, "nominations.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "nominations.export", NULL, export_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "nominations.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Insert, 0, "nominations.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Insert, 0, "nominations.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "nominations.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "nominations.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "nominations.delete", NULL);
}
