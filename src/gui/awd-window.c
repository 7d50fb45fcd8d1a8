/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-window"

#include "config.h"

#include <glib/gi18n.h>

#include "awd-backups-dialog.h"
#include "awd-edit-util.h"
#include "awd-exchange-actions.h"
#include "awd-new-round-dialog.h"
#include "awd-print-actions.h"
#include "awd-round-view.h"
#include "awd-window.h"
#include "awd-xml-import.h"

/* The main window: the seasons in a sidebar, the selected season's set-up
 * beside it; on a narrow screen the leaflet folds and shows one at a time.
 *
 * Deleting a season can be undone: the season disappears from the list at
 * once, and the store deletes it only when the toast goes away without
 * "Undo", when another season is deleted, or when the window closes. */
struct _AwdWindow
{
  AdwApplicationWindow parent_instance;

  AwdContext         *context;
  GListStore         *rounds;
  GtkFilterListModel *visible_rounds;
  GtkCustomFilter    *filter;
  GtkWidget          *round_page;

  AwdRound           *pending_delete;
  AdwToast           *pending_toast;
  AdwToast           *info_toast;      /* weak: the last plain message */
  gboolean            restoring;
  gboolean            importing;
  GCancellable       *cancellable;

  GtkWidget          *toast_overlay;
  GtkWidget          *leaflet;
  GtkWidget          *sidebar;
  GtkWidget          *content;
  GtkWidget          *rounds_list;
  GtkWidget          *content_title;
  GtkWidget          *content_stack;
  GtkWidget          *back_button;
  GtkWidget          *round_menu_button;
  GtkWidget          *read_only_badge;
  GtkWidget          *read_only_strip;
  GtkWidget          *empty_actions;
};

G_DEFINE_FINAL_TYPE (AwdWindow, awd_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
filter_pending_cb (gpointer item,
                   gpointer user_data)
{
  AwdWindow *self = user_data;

  return self->pending_delete == NULL ||
         awd_round_get_id (item) != awd_round_get_id (self->pending_delete);
}

/* libadwaita 1.2 frees a toast twice when it is dismissed while its show
 * animation still runs (then unmapped): dismiss only once it has been up
 * for longer than that animation. */
#define TOAST_SHOW_MS 600

static gboolean
dismiss_toast_later_cb (gpointer data)
{
  adw_toast_dismiss (ADW_TOAST (data));
  return G_SOURCE_REMOVE;
}

/* libadwaita 1.2 frees a toast twice when it is dismissed while still
 * sliding in: dismiss only once it has been up for TOAST_SHOW_MS. */
void
awd_window_dismiss_toast (AdwToast *toast)
{
  gint64 *shown_at = g_object_get_data (G_OBJECT (toast), "awd-shown-at");
  gint64 elapsed_ms = shown_at != NULL ? (g_get_monotonic_time () - *shown_at) / 1000 : G_MAXINT64;

  if (elapsed_ms >= TOAST_SHOW_MS)
    adw_toast_dismiss (toast);
  else
    g_timeout_add_full (G_PRIORITY_DEFAULT, (guint) (TOAST_SHOW_MS - elapsed_ms),
                        dismiss_toast_later_cb, g_object_ref (toast), g_object_unref);
}

static void
show_toast (AwdWindow *self,
            AdwToast  *toast)
{
  gint64 *shown_at = g_new (gint64, 1);

  *shown_at = g_get_monotonic_time ();
  g_object_set_data_full (G_OBJECT (toast), "awd-shown-at", shown_at, g_free);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (self->toast_overlay), toast);
}

static void
update_row_labels (GtkWidget *row)
{
  AwdRound *round = g_object_get_data (G_OBJECT (row), "awd-round");
  GtkWidget *title = g_object_get_data (G_OBJECT (row), "awd-title");
  GtkWidget *status = g_object_get_data (G_OBJECT (row), "awd-status");
  g_autofree char *text = awd_round_describe (round);

  gtk_label_set_text (GTK_LABEL (title), text);
  gtk_widget_set_tooltip_text (title, text);
  gtk_label_set_text (GTK_LABEL (status), awd_round_status_label (awd_round_get_status (round)));
}

static void
round_notified_cb (AwdRound   *round,
                   GParamSpec *pspec,
                   GtkWidget  *row)
{
  update_row_labels (row);
}

static GtkWidget *
create_round_row (gpointer item,
                  gpointer user_data)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *status = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (status), 0);
  gtk_widget_add_css_class (status, "dim-label");
  gtk_widget_add_css_class (status, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), status);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_object_set_data_full (G_OBJECT (row), "awd-round", g_object_ref (item), g_object_unref);
  g_object_set_data (G_OBJECT (row), "awd-title", title);
  g_object_set_data (G_OBJECT (row), "awd-status", status);
  update_row_labels (row);
  g_signal_connect_object (item, "notify", G_CALLBACK (round_notified_cb), row, 0);

  return row;
}

static void
update_content (AwdWindow *self)
{
  AwdRound *round = awd_context_get_round (self->context);
  gboolean read_only = awd_context_is_read_only (self->context);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->visible_rounds));

  if (round != NULL)
    {
      g_autofree char *subtitle = g_strdup_printf ("№ %d · %d · %s",
                                                   awd_round_get_number (round),
                                                   awd_round_get_year (round),
                                                   awd_round_status_label (awd_round_get_status (round)));
      adw_window_title_set_title (ADW_WINDOW_TITLE (self->content_title), awd_round_get_title (round));
      adw_window_title_set_subtitle (ADW_WINDOW_TITLE (self->content_title), subtitle);
      gtk_stack_set_visible_child_name (GTK_STACK (self->content_stack), "round");
    }
  else
    {
      adw_window_title_set_title (ADW_WINDOW_TITLE (self->content_title), _("Award Desk"));
      adw_window_title_set_subtitle (ADW_WINDOW_TITLE (self->content_title), NULL);
      gtk_stack_set_visible_child_name (GTK_STACK (self->content_stack), n == 0 ? "empty" : "none");
    }

  gtk_widget_set_visible (self->empty_actions, !read_only);
  gtk_widget_set_visible (self->round_menu_button, round != NULL);
  /* While an import runs it holds the store's transaction: no other writes. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "round.delete",
                                 round != NULL && !read_only && !self->importing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-round", !read_only && !self->importing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.load-sample", !read_only && !self->importing);
}

static void
context_round_notified_cb (AwdRound   *round,
                           GParamSpec *pspec,
                           AwdWindow  *self)
{
  if (round == awd_context_get_round (self->context))
    update_content (self);
}

static AwdRound *
find_round (GListModel *model,
            gint64      round_id,
            guint      *position)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AwdRound) round = g_list_model_get_item (model, i);
      if (awd_round_get_id (round) == round_id)
        {
          if (position != NULL)
            *position = i;
          return g_steal_pointer (&round);
        }
    }
  return NULL;
}

static void
show_round (AwdWindow *self,
            AwdRound  *round)
{
  AwdRound *previous = awd_context_get_round (self->context);

  if (previous == round)
    {
      update_content (self);
      return;
    }
  if (previous != NULL)
    g_signal_handlers_disconnect_by_func (previous, context_round_notified_cb, self);

  awd_context_set_round (self->context, round);
  if (round != NULL)
    {
      g_signal_connect_object (round, "notify", G_CALLBACK (context_round_notified_cb), self, 0);
      if (!self->restoring)
        g_settings_set_int64 (awd_context_get_settings (self->context), "last-round",
                              awd_round_get_id (round));
    }
  update_content (self);
}

static void
round_row_selected_cb (AwdWindow     *self,
                       GtkListBoxRow *row)
{
  g_autoptr(AwdRound) round = NULL;

  if (row != NULL)
    round = g_list_model_get_item (G_LIST_MODEL (self->visible_rounds),
                                   (guint) gtk_list_box_row_get_index (row));
  show_round (self, round);
}

static void
round_row_activated_cb (AwdWindow     *self,
                        GtkListBoxRow *row)
{
  adw_leaflet_set_visible_child (ADW_LEAFLET (self->leaflet), self->content);
}

static void
back_clicked_cb (AwdWindow *self)
{
  adw_leaflet_navigate (ADW_LEAFLET (self->leaflet), ADW_NAVIGATION_DIRECTION_BACK);
}

static void
leaflet_folded_cb (AwdWindow *self)
{
  /* Folded with nothing to show on the right: stay on the list. */
  if (adw_leaflet_get_folded (ADW_LEAFLET (self->leaflet)) &&
      awd_context_get_round (self->context) == NULL &&
      g_list_model_get_n_items (G_LIST_MODEL (self->visible_rounds)) > 0)
    adw_leaflet_set_visible_child (ADW_LEAFLET (self->leaflet), self->sidebar);
}

static void
new_round_created_cb (AwdNewRoundDialog *dialog,
                      gint64             round_id,
                      AwdWindow         *self)
{
  g_autoptr(AdwToast) toast = adw_toast_new (_("Season created"));

  awd_window_reload_rounds (self);
  awd_window_select_round (self, round_id);
  adw_leaflet_set_visible_child (ADW_LEAFLET (self->leaflet), self->content);
  awd_window_add_toast (self, g_steal_pointer (&toast));
}

static void
new_round_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  awd_window_show_new_round_dialog (AWD_WINDOW (widget));
}

static void
sample_imported_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(AwdWindow) self = user_data;
  g_autoptr(GFile) file = g_object_steal_data (G_OBJECT (self), "awd-sample-file");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(AdwToast) toast = NULL;

  ids = awd_xml_import_finish (AWD_STORE (source), result, &error);
  if (file != NULL)
    g_file_delete (file, NULL, NULL);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->importing = FALSE;
  if (ids == NULL)
    {
      g_warning ("Could not load the sample season: %s", error->message);
      toast = adw_toast_new (error->message);
      adw_toast_set_timeout (toast, 0);
      awd_window_add_toast (self, g_steal_pointer (&toast));
      update_content (self);
      return;
    }

  awd_window_reload_rounds (self);
  if (ids->len > 0)
    awd_window_select_round (self, g_array_index (ids, gint64, 0));
  update_content (self);
  toast = adw_toast_new (_("Sample season loaded"));
  awd_window_add_toast (self, g_steal_pointer (&toast));
}

/* Imports the sample season compiled into the program, through the same
 * XML import as any exchange file. */
static void
load_sample_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AwdWindow *self = AWD_WINDOW (widget);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileIOStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  gsize size;
  const char *data;

  if (self->importing || awd_context_is_read_only (self->context))
    return;

  bytes = g_resources_lookup_data ("/ru/libfl/AwardDesk/sample-round.xml", 0, &error);
  if (bytes != NULL)
    file = g_file_new_tmp ("award-desk-sample-XXXXXX.xml", &stream, &error);
  data = bytes != NULL ? g_bytes_get_data (bytes, &size) : NULL;
  if (file == NULL ||
      !g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (stream)),
                                  data, size, NULL, NULL, &error) ||
      !g_io_stream_close (G_IO_STREAM (stream), NULL, &error))
    {
      g_autoptr(AdwToast) toast = adw_toast_new (error->message);
      g_warning ("Could not prepare the sample season: %s", error->message);
      if (file != NULL)
        g_file_delete (file, NULL, NULL);
      awd_window_add_toast (self, g_steal_pointer (&toast));
      return;
    }

  self->importing = TRUE;
  update_content (self);
  path = g_file_get_path (file);
  g_object_set_data_full (G_OBJECT (self), "awd-sample-file", g_steal_pointer (&file), g_object_unref);
  awd_xml_import_async (awd_context_get_store (self->context), path, self->cancellable,
                        NULL, NULL, sample_imported_cb, g_object_ref (self));
}

static void
toast_dismissed_cb (AdwToast  *toast,
                    AwdWindow *self)
{
  if (toast == self->pending_toast)
    awd_window_flush_pending_delete (self);
}

/* Tries the deletion inside a transaction that is rolled back, so that a
 * refusal (a final season) is shown now, not after the undo toast. */
static gboolean
check_deletable (AwdWindow  *self,
                 AwdRound   *round,
                 GError    **error)
{
  AwdStore *store = awd_context_get_store (self->context);
  gboolean ok;

  if (!awd_store_begin (store, error))
    return FALSE;
  ok = awd_store_delete_round (store, awd_round_get_id (round), error);
  awd_store_rollback (store);
  return ok;
}

static void
delete_round_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AwdWindow *self = AWD_WINDOW (widget);
  AwdRound *round = awd_context_get_round (self->context);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (round == NULL)
    return;

  /* One pending deletion at a time: the earlier one happens now. */
  awd_window_flush_pending_delete (self);

  if (!check_deletable (self, round, &error))
    {
      g_autoptr(AdwToast) refusal = adw_toast_new (error->message);
      adw_toast_set_timeout (refusal, 0);
      awd_window_add_toast (self, g_steal_pointer (&refusal));
      return;
    }

  self->pending_delete = g_object_ref (round);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_MORE_STRICT);
  gtk_list_box_unselect_all (GTK_LIST_BOX (self->rounds_list));
  show_round (self, NULL);
  if (adw_leaflet_get_folded (ADW_LEAFLET (self->leaflet)))
    adw_leaflet_set_visible_child (ADW_LEAFLET (self->leaflet), self->sidebar);

  message = g_strdup_printf (_("Season “%s” deleted"), awd_round_get_title (round));
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-delete");
  /* libadwaita 1.2 trips an assertion when a high-priority toast pushes a
   * shown one back into the queue: dismiss the plain message instead, so
   * the undo toast shows at once. */
  if (self->info_toast != NULL)
    awd_window_dismiss_toast (self->info_toast);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), self, 0);
  self->pending_toast = toast;
  show_toast (self, toast);
}

static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AwdWindow *self = AWD_WINDOW (widget);
  g_autoptr(AwdRound) round = g_steal_pointer (&self->pending_delete);
  AdwToast *toast = g_steal_pointer (&self->pending_toast);

  if (round == NULL)
    return;

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_LESS_STRICT);
  awd_window_select_round (self, awd_round_get_id (round));
  if (toast != NULL)
    awd_window_dismiss_toast (toast);
}

static void
save_window_state (AwdWindow *self)
{
  GSettings *settings = awd_context_get_settings (self->context);
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
    {
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
    }
}

static gboolean
awd_window_close_request (GtkWindow *window)
{
  AwdWindow *self = AWD_WINDOW (window);

  /* Never lose the intent: a deletion waiting on its toast happens now. */
  awd_window_flush_pending_delete (self);
  save_window_state (self);
  /* A backup of what the person leaves, unless an import still holds the store. */
  if (!self->importing && !awd_exchange_is_busy (GTK_WIDGET (self)))
    awd_backups_snapshot_on_close (self->context);

  return GTK_WINDOW_CLASS (awd_window_parent_class)->close_request (window);
}

static void
awd_window_constructed (GObject *object)
{
  AwdWindow *self = AWD_WINDOW (object);
  GSettings *settings = awd_context_get_settings (self->context);
  gboolean read_only = awd_context_is_read_only (self->context);
  gint64 last;

  G_OBJECT_CLASS (awd_window_parent_class)->constructed (object);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  self->round_page = awd_round_view_new (self->context);
  gtk_stack_add_named (GTK_STACK (self->content_stack), self->round_page, "round");

  gtk_widget_set_visible (self->read_only_badge, read_only);
  gtk_widget_set_visible (self->read_only_strip, read_only);
  if (read_only)
    gtk_widget_add_css_class (GTK_WIDGET (self), "awd-read-only");

  awd_window_reload_rounds (self);

  /* Show the season shown last; else the newest one. */
  self->restoring = TRUE;
  last = g_settings_get_int64 (settings, "last-round");
  if (!awd_window_select_round (self, last))
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->visible_rounds));
      if (n > 0)
        {
          g_autoptr(AwdRound) newest = g_list_model_get_item (G_LIST_MODEL (self->visible_rounds), n - 1);
          awd_window_select_round (self, awd_round_get_id (newest));
        }
    }
  self->restoring = FALSE;
  update_content (self);

  awd_print_actions_install (GTK_WIDGET (self), self->context);
  awd_exchange_actions_install (GTK_WIDGET (self), self->context);
}

static void
awd_window_dispose (GObject *object)
{
  AwdWindow *self = AWD_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_weak_pointer (&self->info_toast);
  awd_window_flush_pending_delete (self);
  if (self->rounds_list != NULL)
    gtk_list_box_bind_model (GTK_LIST_BOX (self->rounds_list), NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), AWD_TYPE_WINDOW);
  g_clear_object (&self->visible_rounds);
  g_clear_object (&self->rounds);
  if (self->context != NULL && awd_context_get_round (self->context) != NULL)
    g_signal_handlers_disconnect_by_func (awd_context_get_round (self->context),
                                          context_round_notified_cb, self);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (awd_window_parent_class)->dispose (object);
}

static void
awd_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  AwdWindow *self = AWD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awd_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  AwdWindow *self = AWD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awd_window_class_init (AwdWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = awd_window_constructed;
  object_class->dispose = awd_window_dispose;
  object_class->get_property = awd_window_get_property;
  object_class->set_property = awd_window_set_property;
  window_class->close_request = awd_window_close_request;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, AWD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "win.new-round", NULL, new_round_action);
  gtk_widget_class_install_action (widget_class, "round.delete", NULL, delete_round_action);
  gtk_widget_class_install_action (widget_class, "win.undo-delete", NULL, undo_delete_action);
  gtk_widget_class_install_action (widget_class, "win.load-sample", NULL, load_sample_action);

  gtk_widget_class_set_template_from_resource (widget_class, "/ru/libfl/AwardDesk/awd-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AwdWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AwdWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, AwdWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, AwdWindow, content);
  gtk_widget_class_bind_template_child (widget_class, AwdWindow, rounds_list);
  gtk_widget_class_bind_template_child (widget_class, AwdWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, AwdWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, AwdWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, AwdWindow, round_menu_button);
  gtk_widget_class_bind_template_child (widget_class, AwdWindow, read_only_badge);
  gtk_widget_class_bind_template_child (widget_class, AwdWindow, read_only_strip);
  gtk_widget_class_bind_template_child (widget_class, AwdWindow, empty_actions);
  gtk_widget_class_bind_template_callback (widget_class, round_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, round_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_folded_cb);
}

static void
awd_window_init (AwdWindow *self)
{
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->rounds = g_list_store_new (AWD_TYPE_ROUND);
  self->filter = gtk_custom_filter_new (filter_pending_cb, self, NULL);
  self->visible_rounds = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->rounds)),
                                                    GTK_FILTER (self->filter));
  gtk_list_box_bind_model (GTK_LIST_BOX (self->rounds_list), G_LIST_MODEL (self->visible_rounds),
                           create_round_row, self, NULL);

  /* Delete in the list deletes the selected season (with undo). */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                      gtk_named_action_new ("round.delete")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_KP_Delete, 0),
                      gtk_named_action_new ("round.delete")));
  gtk_widget_add_controller (self->rounds_list, shortcuts);
}

AwdWindow *
awd_window_new (GtkApplication *application,
                AwdContext     *context)
{
  g_return_val_if_fail (AWD_IS_CONTEXT (context), NULL);

  return g_object_new (AWD_TYPE_WINDOW,
                       "application", application,
                       "context", context,
                       NULL);
}

AwdContext *
awd_window_get_context (AwdWindow *self)
{
  g_return_val_if_fail (AWD_IS_WINDOW (self), NULL);
  return self->context;
}

/* Opens the new-season dialog (app.new-round, Ctrl+N) and returns it. */
GtkWidget *
awd_window_show_new_round_dialog (AwdWindow *self)
{
  GtkWidget *dialog;

  g_return_val_if_fail (AWD_IS_WINDOW (self), NULL);

  if (awd_context_is_read_only (self->context))
    return NULL;

  dialog = awd_new_round_dialog_new (self->context, GTK_WINDOW (self));
  g_signal_connect_object (dialog, "created", G_CALLBACK (new_round_created_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/* Reads the seasons from the store again, keeping the selection. */
void
awd_window_reload_rounds (AwdWindow *self)
{
  g_autoptr(GListModel) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  AwdRound *current;
  gint64 current_id = 0;

  g_return_if_fail (AWD_IS_WINDOW (self));

  current = awd_context_get_round (self->context);
  if (current != NULL)
    current_id = awd_round_get_id (current);

  stored = awd_store_list_rounds (awd_context_get_store (self->context), &error);
  if (stored == NULL)
    {
      g_autoptr(AdwToast) toast = adw_toast_new (error->message);
      g_warning ("Could not list the seasons: %s", error->message);
      awd_window_add_toast (self, g_steal_pointer (&toast));
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (stored); i++)
    g_ptr_array_add (items, g_list_model_get_item (stored, i));

  g_list_store_splice (self->rounds, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rounds)),
                       items->pdata, items->len);
  if (current_id == 0 || !awd_window_select_round (self, current_id))
    show_round (self, NULL);
}

/* Selects the season with @round_id in the list and shows it. */
gboolean
awd_window_select_round (AwdWindow *self,
                         gint64     round_id)
{
  g_autoptr(AwdRound) round = NULL;
  GtkListBoxRow *row;
  guint position;

  g_return_val_if_fail (AWD_IS_WINDOW (self), FALSE);

  if (round_id <= 0)
    return FALSE;
  round = find_round (G_LIST_MODEL (self->visible_rounds), round_id, &position);
  if (round == NULL)
    return FALSE;

  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->rounds_list), (int) position);
  gtk_list_box_select_row (GTK_LIST_BOX (self->rounds_list), row);
  show_round (self, round);
  return TRUE;
}

/* Carries out a deletion that waits on its undo toast. */
void
awd_window_flush_pending_delete (AwdWindow *self)
{
  g_autoptr(AwdRound) round = NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;
  guint position;

  g_return_if_fail (AWD_IS_WINDOW (self));

  round = g_steal_pointer (&self->pending_delete);
  toast = g_steal_pointer (&self->pending_toast);
  if (round == NULL)
    return;
  if (toast != NULL)
    awd_window_dismiss_toast (toast);

  if (!awd_store_delete_round (awd_context_get_store (self->context),
                               awd_round_get_id (round), &error))
    {
      g_autoptr(AdwToast) refusal = NULL;

      g_warning ("Could not delete season %" G_GINT64_FORMAT ": %s",
                 awd_round_get_id (round), error->message);
      if (self->filter != NULL)
        gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_LESS_STRICT);
      if (self->toast_overlay != NULL)
        {
          refusal = adw_toast_new (error->message);
          adw_toast_set_timeout (refusal, 0);
          awd_window_add_toast (self, g_steal_pointer (&refusal));
        }
      return;
    }

  if (self->rounds != NULL && g_list_store_find (self->rounds, round, &position))
    g_list_store_remove (self->rounds, position);
  if (self->content_stack != NULL)
    update_content (self);
}

void
awd_window_add_toast (AwdWindow *self,
                      AdwToast  *toast)
{
  g_return_if_fail (AWD_IS_WINDOW (self));

  /* A new message replaces the previous one rather than queueing behind it. */
  if (self->info_toast != NULL)
    {
      awd_window_dismiss_toast (self->info_toast);
      g_clear_weak_pointer (&self->info_toast);
    }
  g_set_weak_pointer (&self->info_toast, toast);
  show_toast (self, toast);
}
