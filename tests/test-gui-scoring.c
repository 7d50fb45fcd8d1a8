/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-gui-scoring"

#include "config.h"

#include <glib/gi18n.h>

#include <adwaita.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "awd-context.h"
#include "awd-progress-panel.h"
#include "awd-results-page.h"
#include "awd-round-view.h"
#include "awd-score-sheet.h"
#include "awd-scoring-page.h"
#include "awd-test-util.h"
#include "awd-votes-panel.h"
#include "awd-window.h"

/* The scoring page driven through its widgets (text set in the cells,
 * Enter and arrow keys emitted on them) and checked against the store. */

typedef struct
{
  char       *dir;
  char       *path;
  GSettings  *settings;
  AwdStore   *store;
  AwdContext *context;
  AwdWindow  *window;
  gint64      round_id;
  gint64      crit[5];        /* weights 3, 1, 1…; two on the small sheet */
  gint64      juror[2];
  gint64      nom[4];         /* 01, 02, 03 jury eligible; 04 vote */
  GArray     *noms;           /* every jury nomination's id, in sheet order */
  gint64      vote_cat;
} Fixture;

static void
pump (void)
{
  for (int i = 0; i < 5; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (2000);
    }
}

static gint64
add_object_criterion (AwdStore *store, gint64 round_id, const char *name, double weight)
{
  g_autoptr(AwdCriterion) c = awd_criterion_new ();
  awd_criterion_set_round_id (c, round_id);
  awd_criterion_set_name (c, name);
  awd_criterion_set_weight (c, weight);
  g_assert_true (awd_store_insert_criterion (store, c, NULL));
  return awd_criterion_get_id (c);
}

static gint64
add_object_category (AwdStore *store, gint64 round_id, const char *name, AwdCategoryKind kind)
{
  g_autoptr(AwdCategory) c = awd_category_new ();
  awd_category_set_round_id (c, round_id);
  awd_category_set_name (c, name);
  awd_category_set_kind (c, kind);
  g_assert_true (awd_store_insert_category (store, c, NULL));
  return awd_category_get_id (c);
}

static gint64
add_object_juror (AwdStore *store, gint64 round_id, const char *name, const char *affiliation)
{
  g_autoptr(AwdJuror) j = awd_juror_new ();
  awd_juror_set_round_id (j, round_id);
  awd_juror_set_name (j, name);
  awd_juror_set_affiliation (j, affiliation);
  g_assert_true (awd_store_insert_juror (store, j, NULL));
  return awd_juror_get_id (j);
}

static gint64
add_object_nomination (AwdStore *store, gint64 round_id, const char *ref, gint64 category,
                       const char *institution)
{
  g_autoptr(AwdNomination) n = awd_nomination_new ();
  g_autofree char *title = g_strdup_printf ("Проект %s", ref);
  g_autoptr(GError) error = NULL;

  awd_nomination_set_round_id (n, round_id);
  awd_nomination_set_ref (n, ref);
  awd_nomination_set_title (n, title);
  awd_nomination_set_category_id (n, category);
  awd_nomination_set_status (n, AWD_NOMINATION_STATUS_ELIGIBLE);
  awd_nomination_set_institution (n, institution);
  g_assert_true (awd_store_insert_nomination (store, n, &error));
  g_assert_no_error (error);
  return awd_nomination_get_id (n);
}

/* A season in scoring with a 0–10 scale in steps of 0.5. */
static gint64
make_round (AwdStore *store,
            Fixture  *f,
            guint     n_nominations,
            guint     n_criteria)
{
  g_autoptr(AwdRound) round = NULL;
  gint64 round_id = awd_test_add_round (store, "Сезон");
  gint64 jury;

  round = awd_store_get_round (store, round_id, NULL);
  awd_round_set_scale_step (round, 0.5);
  awd_round_set_status (round, AWD_ROUND_STATUS_SCORING);
  g_assert_true (awd_store_save_round (store, round, NULL));

  jury = add_object_category (store, round_id, "Лучший проект", AWD_CATEGORY_KIND_JURY);
  f->vote_cat = add_object_category (store, round_id, "Выбор сообщества", AWD_CATEGORY_KIND_VOTE);
  for (guint c = 0; c < n_criteria; c++)
    {
      g_autofree char *name = g_strdup_printf ("Критерий %u", c + 1);
      gint64 id = add_object_criterion (store, round_id, name, c == 0 ? 3 : 1);
      if (c < G_N_ELEMENTS (f->crit))
        f->crit[c] = id;
    }
  f->juror[0] = add_object_juror (store, round_id, "Анна", "Национальная библиотека Татарстана");
  f->juror[1] = add_object_juror (store, round_id, "Борис", NULL);
  for (guint n = 0; n < n_nominations; n++)
    {
      g_autofree char *ref = g_strdup_printf ("2024-%03u", n + 1);
      gint64 id = add_object_nomination (store, round_id, ref, jury,
                                         n == 0 ? "Национальная библиотека Татарстана" : "Областная библиотека");
      if (n < 3)
        f->nom[n] = id;
      g_array_append_val (f->noms, id);
    }
  f->nom[3] = add_object_nomination (store, round_id, "2024-V01", f->vote_cat, "Библиотека");
  return round_id;
}

static void
open_window (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  f->store = awd_store_open (f->path, AWD_STORE_OPEN_CREATE, "Test Operator", &error);
  g_assert_no_error (error);
  f->context = awd_context_new (f->store, f->settings);
  f->window = awd_window_new (NULL, f->context);
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *) &f->window);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  pump ();
  g_assert_true (awd_window_select_round (f->window, f->round_id));
  pump ();
  awd_context_request_show (f->context, "scoring", NULL);
  pump ();
}

static void
close_window (Fixture *f)
{
  if (f->window != NULL)
    {
      gtk_window_close (GTK_WINDOW (f->window));
      pump ();
      if (f->window != NULL)
        gtk_window_destroy (GTK_WINDOW (f->window));
      pump ();
    }
  g_clear_object (&f->context);
  g_clear_object (&f->store);
}

static void
set_up_with (Fixture *f,
             guint    n_nominations,
             guint    n_criteria)
{
  f->dir = awd_test_make_dir ();
  f->path = g_build_filename (f->dir, "awards.db", NULL);
  f->noms = g_array_new (FALSE, FALSE, sizeof (gint64));
  f->settings = g_settings_new (APP_ID);
  g_settings_set_int64 (f->settings, "last-round", 0);
  g_settings_set_boolean (f->settings, "blind-mode", TRUE);
  {
    g_autoptr(AwdStore) store = awd_store_open (f->path, AWD_STORE_OPEN_CREATE, "Test", NULL);
    f->round_id = make_round (store, f, n_nominations, n_criteria);
  }
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  set_up_with (f, 3, 2);
}

static void
fixture_set_up_large (Fixture       *f,
                      gconstpointer  data)
{
  set_up_with (f, g_getenv ("AWD_TEST_SHEET_ROWS") ? (guint) atoi (g_getenv ("AWD_TEST_SHEET_ROWS")) : 500, 5);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  close_window (f);
  g_clear_object (&f->settings);
  awd_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_clear_pointer (&f->noms, g_array_unref);
}

static GtkWidget *
find_in (GtkWidget  *root,
         const char *name,
         GType       type,
         int        *nth)
{
  if ((name == NULL || g_strcmp0 (gtk_widget_get_name (root), name) == 0) &&
      (type == G_TYPE_NONE || G_TYPE_CHECK_INSTANCE_TYPE (root, type)) && (*nth)-- == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_in (child, name, type, nth);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_widget (Fixture    *f,
             const char *name,
             int         nth)
{
  GtkWidget *found = find_in (GTK_WIDGET (f->window), name, G_TYPE_NONE, &nth);

  if (found == NULL)
    g_test_message ("no widget named %s", name);
  return found;
}

static AwdScoringPage *
scoring_page (Fixture *f)
{
  int nth = 0;
  return AWD_SCORING_PAGE (find_in (GTK_WIDGET (f->window), NULL, AWD_TYPE_SCORING_PAGE, &nth));
}

static AwdScoreSheet *
sheet (Fixture *f)
{
  return AWD_SCORE_SHEET (awd_scoring_page_get_sheet (scoring_page (f)));
}

/* The cell of nomination row @row (0-based, display order) and criterion @col. */
static GtkWidget *
cell (Fixture *f,
      guint    row,
      guint    col,
      guint    n_criteria)
{
  return find_widget (f, "score-cell", (int) (row * n_criteria + col));
}

static GtkWidget *
focus_widget (Fixture *f)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

  return focus != NULL ? gtk_widget_get_ancestor (focus, GTK_TYPE_ENTRY) : NULL;
}

static void
type_into (GtkWidget  *entry,
           const char *text)
{
  g_assert_nonnull (entry);
  if (entry == NULL)
    return;
  gtk_widget_grab_focus (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  pump ();
}

static void
press_enter (GtkWidget *entry)
{
  g_signal_emit_by_name (entry, "activate");
  pump ();
}

/* A key press as the cell's own key controller receives it. */
static gboolean
press_key (GtkWidget *entry,
           guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (entry);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        {
          g_signal_emit_by_name (controller, "key-pressed", keyval, 0, (GdkModifierType) 0, &handled);
          if (handled)
            break;
        }
    }
  pump ();
  return handled;
}

static gboolean
stored (Fixture *f,
        guint    juror,
        guint    nom,
        guint    crit,
        double  *value)
{
  return awd_store_get_score (f->store, f->juror[juror], f->nom[nom], f->crit[crit], value, NULL);
}

static void
save_screenshot (Fixture    *f,
                 const char *name)
{
  const char *dir = g_getenv ("AWD_TEST_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  GskRenderer *renderer;
  int width, height;

  if (dir == NULL || f->window == NULL)
    return;
  pump ();
  width = gtk_widget_get_width (GTK_WIDGET (f->window));
  height = gtk_widget_get_height (GTK_WIDGET (f->window));
  paintable = gtk_widget_paintable_new (GTK_WIDGET (f->window));
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  renderer = gtk_native_get_renderer (GTK_NATIVE (f->window));
  if (node == NULL || renderer == NULL)
    return;
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  file = g_strdup_printf ("%s/%s.png", dir, name);
  gdk_texture_save_to_png (texture, file);
}

static GtkWidget *
find_dialog (const char *name)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);
      if (g_strcmp0 (gtk_widget_get_name (window), name) == 0 && gtk_widget_get_visible (window))
        return window;
    }
  return NULL;
}

/* Answers a message dialog as a click would, and makes sure it is gone
 * before the next one is looked for. */
static void
respond (GtkWidget  *dialog,
         const char *response)
{
  if (dialog == NULL)
    return;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  pump ();
  if (dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
  pump ();
}

/* ---- tests ---- */

static void
test_type_with_keyboard (Fixture       *f,
                         gconstpointer  data)
{
  GtkWidget *c00, *c01, *c10, *total;
  double value = -1;

  open_window (f);
  g_assert_nonnull (scoring_page (f));
  g_assert_cmpint (awd_score_sheet_get_juror (sheet (f)), ==, f->juror[0]);
  g_assert_cmpuint (awd_score_sheet_get_n_rows (sheet (f)), ==, 3);  /* the vote nomination is not on it */

  c00 = cell (f, 0, 0, 2);
  c01 = cell (f, 0, 1, 2);
  c10 = cell (f, 1, 0, 2);

  /* A decimal comma, Enter: stored, and the focus moves down the column. */
  type_into (c00, "7,5");
  press_enter (c00);
  g_assert_true (stored (f, 0, 0, 0, &value));
  g_assert_cmpfloat (value, ==, 7.5);
  g_assert_true (focus_widget (f) == c10);

  /* Up goes back, Right at the end of the text goes to the next criterion. */
  g_assert_true (press_key (c10, GDK_KEY_Up));
  g_assert_true (focus_widget (f) == c00);
  gtk_editable_set_position (GTK_EDITABLE (c00), -1);
  g_assert_true (press_key (c00, GDK_KEY_Right));
  g_assert_true (focus_widget (f) == c01);

  /* A decimal point, and leaving the cell (Left at its start) saves it. */
  type_into (c01, "9.5");
  gtk_editable_set_position (GTK_EDITABLE (c01), 0);
  g_assert_true (press_key (c01, GDK_KEY_Left));
  g_assert_true (focus_widget (f) == c00);
  g_assert_true (stored (f, 0, 0, 1, &value));
  g_assert_cmpfloat (value, ==, 9.5);

  /* The weighted total: (3·7.5 + 1·9.5) / 4 = 8. */
  total = find_widget (f, "score-total", 0);
  g_assert_true (g_str_equal (gtk_label_get_text (GTK_LABEL (total)), "8.00") ||
                 g_str_equal (gtk_label_get_text (GTK_LABEL (total)), "8,00"));
  /* Incomplete rows show a dash. */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_widget (f, "score-total", 1))), ==, "—");

  /* Down at the last row stays put; Down from 01 reaches 02. */
  g_assert_true (press_key (c00, GDK_KEY_Down));
  g_assert_true (focus_widget (f) == c10);

  /* A sheet of one page has no pager; Page Down is left to the scroller. */
  g_assert_false (gtk_widget_get_visible (find_widget (f, "score-pager", 0)));
  g_assert_cmpuint (awd_score_sheet_get_n_pages (sheet (f)), ==, 1);
  g_assert_false (press_key (c10, GDK_KEY_Page_Down));
  g_assert_true (focus_widget (f) == c10);
  save_screenshot (f, "scoring-sheet-typed");
}

static void
test_refused_in_place (Fixture       *f,
                       gconstpointer  data)
{
  const char *refused[] = { "11", "-1", "7,25", "abc", "10.1" };
  GtkWidget *c00, *message;
  double value = -1;
  gint64 audit;

  open_window (f);
  c00 = cell (f, 0, 0, 2);
  type_into (c00, "6");
  press_enter (c00);
  audit = awd_store_count_audit (f->store, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      type_into (c00, refused[i]);
      press_enter (c00);
      g_assert_true (gtk_widget_has_css_class (c00, "error"));
      g_assert_nonnull (gtk_widget_get_tooltip_text (c00));
      /* The person's text stays in the cell, the focus too; nothing stored. */
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (c00)), ==, refused[i]);
      g_assert_true (focus_widget (f) == c00);
      g_assert_true (stored (f, 0, 0, 0, &value));
      g_assert_cmpfloat (value, ==, 6);
    }
  message = find_widget (f, "score-message", 0);
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_cmpint (awd_store_count_audit (f->store, NULL), ==, audit);
  save_screenshot (f, "scoring-refused");

  /* The bounds are fine; clearing the cell clears the score (audited). */
  type_into (c00, "10");
  press_enter (c00);
  g_assert_false (gtk_widget_has_css_class (c00, "error"));
  g_assert_false (gtk_widget_get_visible (message));
  g_assert_true (stored (f, 0, 0, 0, &value));
  g_assert_cmpfloat (value, ==, 10);
  type_into (c00, "");
  press_enter (c00);
  g_assert_false (stored (f, 0, 0, 0, NULL));
  g_assert_cmpint (awd_store_count_audit (f->store, NULL), ==, audit + 2);
}

static void
test_survives_restart (Fixture       *f,
                       gconstpointer  data)
{
  GtkWidget *c;

  open_window (f);
  type_into (cell (f, 0, 0, 2), "4");
  press_enter (cell (f, 0, 0, 2));
  /* The last value is typed and the window closed without leaving the cell. */
  type_into (cell (f, 2, 1, 2), "3,5");
  close_window (f);

  open_window (f);
  c = cell (f, 0, 0, 2);
  g_assert_nonnull (c);
  if (c != NULL)
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (c)), ==, "4");
  c = cell (f, 2, 1, 2);
  if (c != NULL)
    g_assert_true (g_str_equal (gtk_editable_get_text (GTK_EDITABLE (c)), "3,5") ||
                   g_str_equal (gtk_editable_get_text (GTK_EDITABLE (c)), "3.5"));
  {
    double value = -1;
    g_assert_true (stored (f, 0, 2, 1, &value));
    g_assert_cmpfloat (value, ==, 3.5);
  }

  /* Typed, then another page of the season shown (Alt+2 mid-cell): stored too. */
  type_into (cell (f, 1, 1, 2), "2");
  awd_context_request_show (f->context, "nominations", NULL);
  pump ();
  {
    double value = -1;
    g_assert_true (stored (f, 0, 1, 1, &value));
    g_assert_cmpfloat (value, ==, 2);
  }
}

/* A cell typed and left by showing the results page: saving it makes the
 * results stale while the focus moves into them (this used to rebuild the
 * page under GTK's focus change: a critical, fatal here). */
static void
test_typed_then_results (Fixture       *f,
                         gconstpointer  data)
{
  GtkWidget *results;
  double value = -1;
  int nth = 0;

  open_window (f);
  type_into (cell (f, 0, 0, 2), "7");
  /* Alt+4 as the focused cell sees it. */
  g_assert_true (gtk_widget_activate_action (gtk_root_get_focus (GTK_ROOT (f->window)),
                                             "view.show-page", "i", 4));
  pump ();
  g_assert_true (stored (f, 0, 0, 0, &value));
  g_assert_cmpfloat (value, ==, 7);
  results = find_in (GTK_WIDGET (f->window), NULL, AWD_TYPE_RESULTS_PAGE, &nth);
  g_assert_nonnull (results);
  if (results != NULL)
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

      g_assert_true (gtk_widget_get_mapped (results));
      /* The keyboard is on the results page, on a live widget. */
      g_assert_nonnull (focus);
      g_assert_true (focus != NULL && gtk_widget_is_ancestor (focus, results));
    }

  /* And again, through the context's page request, with another cell. */
  awd_context_request_show (f->context, "scoring", NULL);
  pump ();
  type_into (cell (f, 1, 1, 2), "5");
  awd_context_request_show (f->context, "results", NULL);
  pump ();
  g_assert_true (stored (f, 0, 1, 1, &value));
  g_assert_cmpfloat (value, ==, 5);
}

/* A season without jurors shows what to do instead of a greyed chooser
 * saying «(None)»; a juror with nothing to score has no «submitted» mark. */
static void
test_empty_season (Fixture       *f,
                   gconstpointer  data)
{
  gint64 round_id;

  open_window (f);
  round_id = awd_test_add_round (f->store, "Пустой сезон");
  awd_window_reload_rounds (f->window);
  pump ();
  g_assert_true (awd_window_select_round (f->window, round_id));
  awd_context_request_show (f->context, "scoring", NULL);
  pump ();
  g_assert_false (gtk_widget_get_visible (find_widget (f, "scoring-juror-bar", 0)));
  g_assert_true (gtk_widget_get_mapped (find_widget (f, "scoring-no-jurors", 0)));
  save_screenshot (f, "scoring-no-jurors");

  /* The button leads to the set-up page, where the jury is entered. */
  g_signal_emit_by_name (find_widget (f, "scoring-open-setup", 0), "clicked");
  pump ();
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (scoring_page (f))));

  /* A juror, but no nomination to score: the chooser, no «submitted». */
  add_object_juror (f->store, round_id, "Вера", NULL);
  awd_context_data_changed (f->context, "setup");
  awd_context_request_show (f->context, "scoring", NULL);
  pump ();
  g_assert_true (gtk_widget_get_mapped (find_widget (f, "scoring-juror-bar", 0)));
  g_assert_false (gtk_widget_get_visible (find_widget (f, "scoring-no-jurors", 0)));
  g_assert_true (gtk_widget_get_mapped (find_widget (f, "scoring-juror", 0)));
  g_assert_false (gtk_widget_get_visible (find_widget (f, "sheet-submitted", 0)));
  g_assert_true (gtk_widget_get_mapped (find_widget (f, "juror-withdraw", 0)));
  save_screenshot (f, "scoring-nothing-to-score");

  /* The full season: every control is there. */
  g_assert_true (awd_window_select_round (f->window, f->round_id));
  awd_context_request_show (f->context, "scoring", NULL);
  pump ();
  g_assert_true (gtk_widget_get_mapped (find_widget (f, "sheet-submitted", 0)));
  g_assert_true (gtk_widget_is_sensitive (find_widget (f, "sheet-submitted", 0)));
}

static void
test_conflict_excluded (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *c00, *c10;
  PangoAttrList *attrs;
  g_autoptr(GError) error = NULL;
  double value;

  /* Anna scored 01 before the conflict was known. */
  {
    g_autoptr(AwdStore) store = awd_store_open (f->path, AWD_STORE_OPEN_READ_WRITE, "Test", NULL);
    g_assert_true (awd_store_set_score (store, f->juror[0], f->nom[0], f->crit[0], 8, NULL));
  }
  open_window (f);

  /* The suggestion (same institution) is confirmed on the conflicts page. */
  awd_scoring_page_show (scoring_page (f), "conflicts");
  pump ();
  save_screenshot (f, "scoring-conflict-suggested");
  g_assert_nonnull (find_widget (f, "conflict-suggestion", 0));
  g_signal_emit_by_name (find_widget (f, "conflict-suggestion-confirm", 0), "clicked");
  pump ();
  g_assert_null (find_widget (f, "conflict-suggestion", 0));
  g_assert_nonnull (find_widget (f, "conflict", 0));
  {
    g_autoptr(GArray) conflicts = awd_store_list_conflicts (f->store, f->round_id, NULL);
    g_assert_cmpuint (conflicts->len, ==, 1);
    g_assert_nonnull (g_array_index (conflicts, AwdConflictRow, 0).reason);
  }
  save_screenshot (f, "scoring-conflict-declared");

  awd_scoring_page_show (scoring_page (f), "sheet");
  pump ();
  c00 = cell (f, 0, 0, 2);
  c10 = cell (f, 1, 0, 2);
  /* Visible, struck through, not editable, not focusable; the score stays. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (c00)), ==, "8");
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (c00)));
  g_assert_false (gtk_widget_get_focusable (c00));
  g_assert_true (gtk_widget_has_css_class (c00, "dim-label"));
  attrs = gtk_entry_get_attributes (GTK_ENTRY (c00));
  g_assert_nonnull (attrs);
  g_assert_nonnull (gtk_widget_get_tooltip_text (c00));
  g_assert_false (awd_store_set_score (f->store, f->juror[0], f->nom[0], f->crit[0], 9, &error));
  g_assert_true (stored (f, 0, 0, 0, &value));
  g_assert_cmpfloat (value, ==, 8);
  /* Up from 02 skips nothing above it but the conflicted row: stays. */
  gtk_widget_grab_focus (c10);
  press_key (c10, GDK_KEY_Up);
  g_assert_true (focus_widget (f) == c10);
  save_screenshot (f, "scoring-conflict-sheet");
}

static void
test_submitted_asks (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *check, *dialog, *c00;
  double value = -1;
  gint64 audit;

  open_window (f);
  check = find_widget (f, "sheet-submitted", 0);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  pump ();
  {
    g_autoptr(GListModel) jurors = awd_store_list_jurors (f->store, f->round_id, NULL);
    g_autoptr(AwdJuror) anna = g_list_model_get_item (jurors, 0);
    g_assert_true (awd_juror_get_submitted (anna));
  }

  /* An edit asks first; "keep" puts the stored (empty) value back. */
  c00 = cell (f, 0, 0, 2);
  type_into (c00, "5");
  press_enter (c00);
  dialog = find_dialog ("confirm-submitted-edit");
  g_assert_nonnull (dialog);
  save_screenshot (f, "scoring-submitted-confirm");
  respond (dialog, "cancel");
  g_assert_false (stored (f, 0, 0, 0, NULL));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (c00)), ==, "");

  /* Confirmed: stored, with an audit row for the reopening and one for the score. */
  audit = awd_store_count_audit (f->store, NULL);
  type_into (c00, "5");
  press_enter (c00);
  dialog = find_dialog ("confirm-submitted-edit");
  g_assert_nonnull (dialog);
  respond (dialog, "edit");
  g_assert_true (stored (f, 0, 0, 0, &value));
  g_assert_cmpfloat (value, ==, 5);
  g_assert_cmpint (awd_store_count_audit (f->store, NULL), ==, audit + 2);
  /* Asked once per sheet. */
  type_into (cell (f, 0, 1, 2), "6");
  press_enter (cell (f, 0, 1, 2));
  g_assert_null (find_dialog ("confirm-submitted-edit"));
  g_assert_true (stored (f, 0, 0, 1, &value));
}

static void
test_withdraw_juror (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *dialog;

  open_window (f);
  g_signal_emit_by_name (find_widget (f, "juror-withdraw", 0), "clicked");
  pump ();
  dialog = find_dialog ("withdraw-dialog");
  g_assert_nonnull (dialog);
  if (dialog == NULL)
    return;
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog))),
                         "Болезнь");
  respond (dialog, "withdraw");
  {
    g_autoptr(GListModel) jurors = awd_store_list_jurors (f->store, f->round_id, NULL);
    g_autoptr(AwdJuror) anna = g_list_model_get_item (jurors, 0);
    g_assert_true (awd_juror_get_withdrawn (anna));
    g_assert_cmpstr (awd_juror_get_withdrawn_reason (anna), ==, "Болезнь");
  }
  /* The sheet is read-only now. */
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (cell (f, 0, 0, 2))));
  save_screenshot (f, "scoring-withdrawn");
}

static void
test_progress_jump (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *row;
  g_autofree char *summary = NULL;

  {
    g_autoptr(AwdStore) store = awd_store_open (f->path, AWD_STORE_OPEN_READ_WRITE, "Test", NULL);
    g_assert_true (awd_store_set_score (store, f->juror[0], f->nom[0], f->crit[0], 8, NULL));
    g_assert_true (awd_store_set_score (store, f->juror[0], f->nom[0], f->crit[1], 8, NULL));
    g_assert_true (awd_store_set_conflict (store, f->juror[1], f->nom[2], "Партнёр", NULL));
  }
  open_window (f);
  awd_scoring_page_show (scoring_page (f), "progress");
  pump ();
  save_screenshot (f, "scoring-progress");

  /* Anna: 2 of 6; Boris: 0 of 4 (a conflict on 03); 8 missing. */
  summary = g_strdup (gtk_label_get_text (GTK_LABEL (find_widget (f, "progress-summary", 0))));
  g_assert_nonnull (strstr (summary, "2"));
  g_assert_nonnull (strstr (summary, "10"));
  g_assert_nonnull (find_widget (f, "progress-missing-cell", 7));
  g_assert_null (find_widget (f, "progress-missing-cell", 8));

  /* The first missing cell of Boris (his fifth row, after Anna's four). */
  row = find_widget (f, "progress-missing-cell", 4);
  g_assert_nonnull (row);
  if (row == NULL)
    return;
  g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
  pump ();
  g_assert_cmpint (awd_score_sheet_get_juror (sheet (f)), ==, f->juror[1]);
  g_assert_true (focus_widget (f) == cell (f, 0, 0, 2));
  save_screenshot (f, "scoring-jumped");
}

static void
test_votes (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (f->dir, "votes.csv", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "bad.csv", NULL);
  GtkWidget *entry, *dialog;
  g_autoptr(GArray) votes = NULL;
  int nth = 0;
  AwdVotesPanel *panel;

  open_window (f);
  awd_scoring_page_show (scoring_page (f), "votes");
  pump ();
  panel = AWD_VOTES_PANEL (find_in (GTK_WIDGET (f->window), NULL, AWD_TYPE_VOTES_PANEL, &nth));

  /* By hand: a count, then a refused one. */
  entry = find_widget (f, "vote-count", 0);
  type_into (entry, "120");
  press_enter (entry);
  votes = awd_store_list_votes (f->store, f->round_id, NULL);
  g_assert_cmpuint (votes->len, ==, 1);
  g_assert_cmpint (g_array_index (votes, AwdVoteRow, 0).count, ==, 120);
  g_clear_pointer (&votes, g_array_unref);
  type_into (entry, "-4");
  press_enter (entry);
  g_assert_true (gtk_widget_has_css_class (entry, "error"));

  /* A CSV with a problem: listed, nothing imported. */
  g_assert_true (g_file_set_contents (bad, "ref,count\n2024-V01,7\n2024-001,3\n", -1, NULL));
  awd_votes_panel_preview_file (panel, bad);
  pump ();
  dialog = find_dialog ("votes-preview");
  g_assert_nonnull (dialog);
  save_screenshot (f, "scoring-votes-problems");
  respond (dialog, "cancel");
  votes = awd_store_list_votes (f->store, f->round_id, NULL);
  g_assert_cmpint (g_array_index (votes, AwdVoteRow, 0).count, ==, 120);
  g_clear_pointer (&votes, g_array_unref);

  /* A good one, after the preview. */
  g_assert_true (g_file_set_contents (csv, "ref;count\r\n2024-V01;312\r\n", -1, NULL));
  awd_votes_panel_preview_file (panel, csv);
  pump ();
  /* The preview wrote nothing. */
  votes = awd_store_list_votes (f->store, f->round_id, NULL);
  g_assert_cmpint (g_array_index (votes, AwdVoteRow, 0).count, ==, 120);
  g_clear_pointer (&votes, g_array_unref);
  dialog = find_dialog ("votes-preview");
  g_assert_nonnull (dialog);
  respond (dialog, "import");
  votes = awd_store_list_votes (f->store, f->round_id, NULL);
  g_assert_cmpint (g_array_index (votes, AwdVoteRow, 0).count, ==, 312);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_widget (f, "vote-count", 0))), ==, "312");
  g_assert_cmpint (awd_store_count_scores (f->store, f->round_id, NULL), ==, 0);
  save_screenshot (f, "scoring-votes");
}

static gboolean
stored_at (Fixture *f,
           guint    juror,
           guint    row,
           guint    crit,
           double  *value)
{
  return awd_store_get_score (f->store, f->juror[juror], g_array_index (f->noms, gint64, row),
                              f->crit[crit], value, NULL);
}

static const char *
pager_text (Fixture *f)
{
  GtkWidget *label = find_widget (f, "score-page-label", 0);

  return label != NULL ? gtk_label_get_text (GTK_LABEL (label)) : "";
}

/* 500 nominations × 5 criteria (AWD_TEST_SHEET_ROWS to change it), shown
 * 40 at a time: only the page shown has cells, the keys cross from page to
 * page, a jump reaches a cell on any page, and nothing typed is lost when
 * the page turns. How fast it is, bench-score-sheet measures. */
static void
test_large_sheet (Fixture       *f,
                  gconstpointer  data)
{
  AwdScoreSheet *s;
  GtkWidget *c, *message;
  guint n_rows, n_pages, last_page;
  double value = -1;

  open_window (f);
  s = sheet (f);
  awd_score_sheet_load (s, f->juror[1]);
  pump ();
  n_rows = awd_score_sheet_get_n_rows (s);
  g_assert_cmpuint (n_rows, ==, f->noms->len);
  {
    g_autofree char *name = g_strdup_printf ("scoring-sheet-%u-rows", n_rows);
    save_screenshot (f, name);
  }
  /* Four pages at least (a smaller AWD_TEST_SHEET_ROWS only takes a picture). */
  if (n_rows <= 160)
    {
      g_test_skip ("fewer than 161 nominations: one picture, no paging");
      return;
    }
  n_pages = (n_rows + 39) / 40;
  last_page = n_pages - 1;
  g_assert_cmpuint (awd_score_sheet_get_n_pages (s), ==, n_pages);
  g_assert_cmpuint (awd_score_sheet_get_page (s), ==, 0);

  /* One page of cells, and a pager that says which. */
  g_assert_nonnull (cell (f, 39, 4, 5));
  g_assert_null (cell (f, 40, 0, 5));
  g_assert_true (gtk_widget_get_visible (find_widget (f, "score-pager", 0)));
  g_assert_nonnull (strstr (pager_text (f), "1–40"));
  {
    g_autofree char *total = g_strdup_printf ("%u", n_rows);
    g_assert_nonnull (strstr (pager_text (f), total));
  }

  /* A jump to the last nomination turns to the last page. */
  awd_context_request_show (f->context, "scoring",
                            g_variant_new ("(xx)", f->juror[1], g_array_index (f->noms, gint64, n_rows - 1)));
  pump ();
  g_assert_cmpuint (awd_score_sheet_get_page (s), ==, last_page);
  c = focus_widget (f);
  g_assert_nonnull (c);
  type_into (c, "7");
  press_enter (c);
  g_assert_true (stored_at (f, 1, n_rows - 1, 0, &value));
  g_assert_cmpfloat (value, ==, 7);

  /* Enter on a page's last row saves and lands on the next page's first. */
  g_assert_true (awd_score_sheet_focus_cell (s, g_array_index (f->noms, gint64, 79), f->crit[1]));
  g_assert_cmpuint (awd_score_sheet_get_page (s), ==, 1);
  c = focus_widget (f);
  type_into (c, "6,5");
  press_enter (c);
  g_assert_true (stored_at (f, 1, 79, 1, &value));
  g_assert_cmpfloat (value, ==, 6.5);
  g_assert_cmpuint (awd_score_sheet_get_page (s), ==, 2);
  g_assert_true (focus_widget (f) == cell (f, 0, 1, 5));

  /* Up on a page's first row goes back, typed value saved on the way. */
  c = focus_widget (f);
  type_into (c, "5");
  g_assert_true (press_key (c, GDK_KEY_Up));
  g_assert_cmpuint (awd_score_sheet_get_page (s), ==, 1);
  g_assert_true (focus_widget (f) == cell (f, 39, 1, 5));
  g_assert_true (stored_at (f, 1, 80, 1, &value));
  g_assert_cmpfloat (value, ==, 5);

  /* A refused value keeps the page and the focus until it is fixed. */
  c = focus_widget (f);
  type_into (c, "abc");
  g_assert_true (press_key (c, GDK_KEY_Down));
  g_assert_cmpuint (awd_score_sheet_get_page (s), ==, 1);
  g_assert_true (focus_widget (f) == c);
  g_assert_true (gtk_widget_has_css_class (c, "error"));
  message = find_widget (f, "score-message", 0);
  g_assert_true (gtk_widget_get_visible (message));
  gtk_widget_activate_action (GTK_WIDGET (s), "sheet.next-page", NULL);
  pump ();
  g_assert_cmpuint (awd_score_sheet_get_page (s), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (c)), ==, "abc");
  type_into (c, "4");
  g_assert_true (press_key (c, GDK_KEY_Down));
  g_assert_cmpuint (awd_score_sheet_get_page (s), ==, 2);
  g_assert_true (stored_at (f, 1, 79, 1, &value));
  g_assert_cmpfloat (value, ==, 4);

  /* Page Down and Page Up keep the place on the page. */
  c = cell (f, 5, 2, 5);
  gtk_widget_grab_focus (c);
  g_assert_true (press_key (c, GDK_KEY_Page_Down));
  g_assert_cmpuint (awd_score_sheet_get_page (s), ==, 3);
  g_assert_true (focus_widget (f) == cell (f, 5, 2, 5));
  g_assert_true (press_key (focus_widget (f), GDK_KEY_Page_Up));
  g_assert_cmpuint (awd_score_sheet_get_page (s), ==, 2);
  g_assert_true (focus_widget (f) == cell (f, 5, 2, 5));
  g_assert_nonnull (strstr (pager_text (f), "81–120"));

  /* The pager's buttons; what is typed is stored before the page turns. */
  c = cell (f, 3, 3, 5);
  type_into (c, "9");
  gtk_widget_activate_action (GTK_WIDGET (s), "sheet.previous-page", NULL);
  pump ();
  g_assert_cmpuint (awd_score_sheet_get_page (s), ==, 1);
  g_assert_true (stored_at (f, 1, 83, 3, &value));
  g_assert_cmpfloat (value, ==, 9);
  gtk_widget_activate_action (GTK_WIDGET (s), "sheet.next-page", NULL);
  pump ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell (f, 3, 3, 5))), ==, "9");

  /* The last page: the next-page action is off, Page Down goes to the last row. */
  g_assert_true (awd_score_sheet_focus_cell (s, g_array_index (f->noms, gint64, last_page * 40), 0));
  gtk_widget_activate_action (GTK_WIDGET (s), "sheet.next-page", NULL);
  g_assert_cmpuint (awd_score_sheet_get_page (s), ==, last_page);
  g_assert_true (press_key (focus_widget (f), GDK_KEY_Page_Down));
  g_assert_cmpuint (awd_score_sheet_get_page (s), ==, last_page);
  g_assert_true (focus_widget (f) == cell (f, n_rows - 1 - last_page * 40, 0, 5));
  save_screenshot (f, "scoring-long-sheet-last-page");
}

static gboolean
has_display (void)
{
  return g_getenv ("DISPLAY") != NULL || g_getenv ("WAYLAND_DISPLAY") != NULL;
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  if (g_getenv ("AWARD_DESK_LOCALEDIR") != NULL)
    bindtextdomain (GETTEXT_PACKAGE, g_getenv ("AWARD_DESK_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  if (!has_display () || !gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/gui/scoring/type-with-keyboard", test_type_with_keyboard);
  ADD ("/gui/scoring/refused-in-place", test_refused_in_place);
  ADD ("/gui/scoring/survives-restart", test_survives_restart);
  ADD ("/gui/scoring/typed-then-results", test_typed_then_results);
  ADD ("/gui/scoring/empty-season", test_empty_season);
  ADD ("/gui/scoring/conflict-excluded", test_conflict_excluded);
  ADD ("/gui/scoring/submitted-asks", test_submitted_asks);
  ADD ("/gui/scoring/withdraw-juror", test_withdraw_juror);
  ADD ("/gui/scoring/progress-jump", test_progress_jump);
  ADD ("/gui/scoring/votes", test_votes);
  g_test_add ("/gui/scoring/large-sheet", Fixture, NULL, fixture_set_up_large, test_large_sheet,
              fixture_tear_down);
#undef ADD

  return g_test_run ();
}
