/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-gui-test-util"

#include "config.h"

#include <glib/gi18n.h>

#include <locale.h>

#include "awd-gui-test-util.h"
#include "awd-test-util.h"
#include "awd-xml-import.h"

void
awd_gui_pump (void)
{
  for (int i = 0; i < 5; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (2000);
    }
}

gboolean
awd_gui_pump_until (const gboolean *done,
                    double          seconds)
{
  gint64 end = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);

  while (!*done && g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  awd_gui_pump ();
  return *done;
}

gint64
awd_gui_import_sample (AwdStore *store)
{
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "..", "data", "sample-round.xml", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = awd_xml_import (store, sample, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  if (ids == NULL || ids->len == 0)
    return 0;
  return g_array_index (ids, gint64, 0);
}

void
awd_gui_open_window (AwdGuiFixture *f)
{
  g_autoptr(GError) error = NULL;

  if (f->store == NULL)
    f->store = awd_store_open (f->path, AWD_STORE_OPEN_CREATE, "Test Operator", &error);
  g_assert_no_error (error);
  f->context = awd_context_new (f->store, f->settings);
  f->window = awd_window_new (NULL, f->context);
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *) &f->window);
  gtk_window_present (GTK_WINDOW (f->window));
  awd_gui_pump ();
}

void
awd_gui_close_window (AwdGuiFixture *f)
{
  if (f->window != NULL)
    {
      /* libadwaita 1.2 trips over a toast destroyed while it animates in. */
      gboolean never = FALSE;
      awd_gui_pump_until (&never, 0.8);
      gtk_window_close (GTK_WINDOW (f->window));
      awd_gui_pump ();
      if (f->window != NULL)
        gtk_window_destroy (GTK_WINDOW (f->window));
      awd_gui_pump ();
    }
  g_clear_object (&f->context);
  g_clear_object (&f->store);
}

void
awd_gui_fixture_set_up (AwdGuiFixture *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = awd_test_make_dir ();
  f->path = g_build_filename (f->dir, "awards.db", NULL);
  f->settings = g_settings_new (APP_ID);
  f->store = awd_store_open (f->path, AWD_STORE_OPEN_CREATE, "Test Operator", &error);
  g_assert_no_error (error);
  f->round_id = awd_gui_import_sample (f->store);
  g_settings_set_int64 (f->settings, "last-round", f->round_id);
  awd_gui_open_window (f);
}

void
awd_gui_fixture_tear_down (AwdGuiFixture *f,
                           gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  /* Dialogs and previews a test left open. */
  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i - 1);
      if (window != GTK_WINDOW (f->window))
        gtk_window_destroy (window);
    }
  awd_gui_close_window (f);
  g_clear_object (&f->settings);
  awd_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

GtkWidget *
awd_gui_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WIDGET (window);
    }
  return NULL;
}

GtkWidget *
awd_gui_find_named (GtkWidget  *root,
                    const char *name)
{
  if (root == NULL)
    return NULL;
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = awd_gui_find_named (child, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_nth (GtkWidget  *root,
          const char *name,
          int        *nth)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0 && (*nth)-- == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_nth (child, name, nth);
      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
awd_gui_find_nth_named (GtkWidget  *root,
                        const char *name,
                        int         nth)
{
  GtkWidget *found = root != NULL ? find_nth (root, name, &nth) : NULL;

  if (found == NULL)
    g_test_message ("no widget named %s", name);
  return found;
}

GtkWidget *
awd_gui_find_type (GtkWidget *root,
                   GType      type)
{
  if (root == NULL)
    return NULL;
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = awd_gui_find_type (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

void
awd_gui_screenshot (GtkWidget  *widget,
                    const char *name)
{
  const char *dir = g_getenv ("AWD_TEST_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  GskRenderer *renderer;
  GtkWidget *window;
  int width, height;

  if (dir == NULL || widget == NULL)
    return;

  /* The widget may go away while the loop runs (a progress window whose
   * work finishes): hold it, and give up when it is no longer shown. */
  g_object_ref (widget);
  awd_gui_pump ();
  window = gtk_widget_get_mapped (widget) ? GTK_WIDGET (gtk_widget_get_root (widget)) : NULL;
  g_object_unref (widget);
  if (window == NULL)
    {
      g_test_message ("%s: nothing shown to take a picture of", name);
      return;
    }
  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  if (node == NULL || renderer == NULL)
    return;
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  file = g_strdup_printf ("%s/%s.png", dir, name);
  gdk_texture_save_to_png (texture, file);
}

void
awd_gui_screenshot_screen (const char *name)
{
  const char *dir = g_getenv ("AWD_TEST_SCREENSHOT_DIR");
  g_autofree char *file = NULL;
  g_autoptr(GError) error = NULL;

  if (dir == NULL)
    return;
  awd_gui_pump ();
  file = g_strdup_printf ("%s/%s.png", dir, name);
  {
    const char *argv[] = { "import", "-window", "root", file, NULL };
    if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                       G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, NULL, &error))
      g_test_message ("no screenshot: %s", error->message);
  }
}

char *
awd_gui_pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, &error) || status != 0)
    {
      g_test_message ("pdftotext failed: %s", error != NULL ? error->message : "exit status");
      return NULL;
    }
  return g_steal_pointer (&out);
}

gboolean
awd_gui_has_display (void)
{
  return g_getenv ("DISPLAY") != NULL || g_getenv ("WAYLAND_DISPLAY") != NULL;
}

gboolean
awd_gui_test_init (int    *argc,
                   char ***argv)
{
  setlocale (LC_ALL, "");
  if (g_getenv ("AWARD_DESK_LOCALEDIR") != NULL)
    bindtextdomain (GETTEXT_PACKAGE, g_getenv ("AWARD_DESK_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_test_init (argc, argv, NULL);
  g_test_set_nonfatal_assertions ();

  if (!awd_gui_has_display () || !gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return FALSE;
    }
  adw_init ();
  return TRUE;
}
