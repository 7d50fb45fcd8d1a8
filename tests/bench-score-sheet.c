/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-score-sheet"

#include "config.h"

#include <glib/gi18n.h>

#include <adwaita.h>
#include <locale.h>
#include <stdlib.h>

#include "awd-context.h"
#include "awd-score-sheet.h"
#include "awd-scoring-page.h"
#include "awd-test-util.h"
#include "awd-window.h"

/* Benchmark (not a test): a juror's score sheet at 500 nominations × 5
 * criteria (the first argument changes the number of nominations), used as
 * a person uses it: the sheet shown, 20 cells typed with Enter, 20 moves
 * with the Up arrow, pages turned. Twice: in a plain window holding only the
 * sheet, and in the application's window on the scoring page, where every
 * saved cell also tells the other pages. Prints figures only, each action
 * twice: "handled" is until the main loop has nothing left to do, "painted"
 * until the next frame is drawn (which adds the wait for the frame clock,
 * up to a frame). Run it with GSK_RENDERER=cairo, as meson's benchmark
 * does: under Xvfb the GL renderer is llvmpipe, software GL, whose cost
 * hides everything else. `meson test --benchmark bench-score-sheet`. */

#define N_CRITERIA 5
#define N_ACTIONS 20

typedef struct
{
  char       *dir;
  GSettings  *settings;
  AwdStore   *store;
  AwdContext *context;
  AwdWindow  *window;
  gint64      round_id;
  gint64      juror[2];
  gint64      crit0;
  GArray     *noms;        /* gint64, in sheet order */
} Bench;

typedef struct
{
  double handled;
  double painted;
} Timing;

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static void
run_dry (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
after_paint_cb (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

static gboolean
give_up_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Until the window's next frame is drawn (half a second at most: an action
 * that changed nothing draws no frame). */
static void
wait_painted (GtkWidget *root)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (root);
  gboolean painted = FALSE, late = FALSE;
  gulong handler;
  guint timeout;

  if (clock == NULL)
    return;
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
  timeout = g_timeout_add (500, give_up_cb, &late);
  while (!painted && !late)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
  if (!late)
    g_source_remove (timeout);
}

static void
settle (GtkWidget *root)
{
  run_dry ();
  wait_painted (root);
  run_dry ();
}

static void
print_timing (const char *what,
              Timing      t)
{
  char handled[G_ASCII_DTOSTR_BUF_SIZE], painted[G_ASCII_DTOSTR_BUF_SIZE];

  g_print ("  %-44s handled %8s ms   painted %8s ms\n", what,
           g_ascii_formatd (handled, sizeof handled, "%.1f", t.handled),
           g_ascii_formatd (painted, sizeof painted, "%.1f", t.painted));
}

static void
print_series (const char *what,
              GArray     *series)
{
  Timing mean = { 0, 0 }, worst = { 0, 0 };
  g_autofree char *mean_label = g_strdup_printf ("%s, mean", what);
  g_autofree char *worst_label = g_strdup_printf ("%s, worst", what);

  if (series->len == 0)
    {
      g_print ("  %-44s (not available)\n", what);
      return;
    }
  for (guint i = 0; i < series->len; i++)
    {
      Timing t = g_array_index (series, Timing, i);

      mean.handled += t.handled / series->len;
      mean.painted += t.painted / series->len;
      worst.handled = MAX (worst.handled, t.handled);
      worst.painted = MAX (worst.painted, t.painted);
    }
  print_timing (mean_label, mean);
  print_timing (worst_label, worst);
}

static GtkWidget *
focused_entry (GtkWidget *root)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (root));

  return focus != NULL ? gtk_widget_get_ancestor (focus, GTK_TYPE_ENTRY) : NULL;
}

/* A key press as the cell's own key controller receives it. */
static void
press_key (GtkWidget *entry,
           guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (entry);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, (GdkModifierType) 0, &handled);
    }
}

static void
measure (Bench         *b,
         AwdScoreSheet *sheet,
         GtkWidget     *root,
         const char    *where)
{
  g_autoptr(GArray) typed = g_array_new (FALSE, FALSE, sizeof (Timing));
  g_autoptr(GArray) moved = g_array_new (FALSE, FALSE, sizeof (Timing));
  g_autoptr(GArray) turned = g_array_new (FALSE, FALSE, sizeof (Timing));
  guint n_rows, first;
  Timing shown;
  double t0, t_idle;

  g_print ("%s:\n", where);
  settle (root);

  /* The sheet shown: loaded and its first rows built, then painted; then
   * whatever is left for idle time (rows built in chunks, if any). */
  t0 = now_ms ();
  awd_score_sheet_load (sheet, b->juror[1]);
  shown.handled = now_ms () - t0;
  wait_painted (root);
  shown.painted = now_ms () - t0;
  print_timing ("sheet shown (first rows)", shown);
  run_dry ();
  t_idle = now_ms () - t0;
  {
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    g_print ("  %-44s         %8s ms\n", "main loop idle again (whole sheet built)",
             g_ascii_formatd (buf, sizeof buf, "%.1f", t_idle));
  }

  n_rows = awd_score_sheet_get_n_rows (sheet);
  if (n_rows < N_ACTIONS + 1)
    {
      g_print ("  (fewer than %u rows: nothing more to measure)\n", N_ACTIONS + 1);
      return;
    }

  /* 20 cells of the last 21 rows, the first criterion: text, Enter (saved
   * in its own transaction, the focus moves down a row). */
  first = n_rows - N_ACTIONS - 1;
  awd_score_sheet_focus_cell (sheet, g_array_index (b->noms, gint64, first), 0);
  settle (root);
  for (guint i = 0; i < N_ACTIONS; i++)
    {
      GtkWidget *entry = focused_entry (root);
      Timing t;

      if (entry == NULL)
        break;
      t0 = now_ms ();
      gtk_editable_set_text (GTK_EDITABLE (entry), "7");
      g_signal_emit_by_name (entry, "activate");
      run_dry ();
      t.handled = now_ms () - t0;
      wait_painted (root);
      t.painted = now_ms () - t0;
      g_array_append_val (typed, t);
    }
  {
    double value = 0;
    if (!awd_store_get_score (b->store, b->juror[1], g_array_index (b->noms, gint64, n_rows - 2),
                              b->crit0, &value, NULL) || value != 7)
      g_print ("  (a typed score was not stored)\n");
  }
  print_series ("typed cell saved, focus moved down", typed);

  /* 20 moves up the column with the arrow key. */
  for (guint i = 0; i < N_ACTIONS; i++)
    {
      GtkWidget *entry = focused_entry (root);
      Timing t;

      if (entry == NULL)
        break;
      t0 = now_ms ();
      press_key (entry, GDK_KEY_Up);
      run_dry ();
      t.handled = now_ms () - t0;
      wait_painted (root);
      t.painted = now_ms () - t0;
      g_array_append_val (moved, t);
    }
  print_series ("arrow move", moved);

  /* Pages turned with the pager's action, back and forth (a sheet of one
   * page has none to turn). */
  for (guint i = 0; i < 10 && awd_score_sheet_get_n_pages (sheet) > 1; i++)
    {
      Timing t;

      t0 = now_ms ();
      if (!gtk_widget_activate_action (GTK_WIDGET (sheet), i % 2 == 0 ? "sheet.previous-page" : "sheet.next-page", NULL))
        break;
      run_dry ();
      t.handled = now_ms () - t0;
      wait_painted (root);
      t.painted = now_ms () - t0;
      g_array_append_val (turned, t);
    }
  print_series ("page turned", turned);
}

static gint64
add_criterion (AwdStore   *store,
               gint64      round_id,
               const char *name,
               double      weight)
{
  g_autoptr(AwdCriterion) c = awd_criterion_new ();

  awd_criterion_set_round_id (c, round_id);
  awd_criterion_set_name (c, name);
  awd_criterion_set_weight (c, weight);
  if (!awd_store_insert_criterion (store, c, NULL))
    g_error ("cannot add a criterion");
  return awd_criterion_get_id (c);
}

static gint64
add_juror (AwdStore   *store,
           gint64      round_id,
           const char *name)
{
  g_autoptr(AwdJuror) j = awd_juror_new ();

  awd_juror_set_round_id (j, round_id);
  awd_juror_set_name (j, name);
  if (!awd_store_insert_juror (store, j, NULL))
    g_error ("cannot add a juror");
  return awd_juror_get_id (j);
}

/* A season in scoring (0–10 in steps of 0.5), one jury category. */
static void
make_season (Bench *b,
             guint  n_nominations)
{
  g_autofree char *path = g_build_filename (b->dir, "bench.db", NULL);
  g_autoptr(AwdStore) store = awd_store_open (path, AWD_STORE_OPEN_CREATE, "Bench", NULL);
  g_autoptr(AwdRound) round = NULL;
  g_autoptr(AwdCategory) category = awd_category_new ();
  g_autoptr(GError) error = NULL;

  b->round_id = awd_test_add_round (store, "Сезон для замеров");
  round = awd_store_get_round (store, b->round_id, NULL);
  awd_round_set_scale_step (round, 0.5);
  awd_round_set_status (round, AWD_ROUND_STATUS_SCORING);
  if (!awd_store_save_round (store, round, &error))
    g_error ("%s", error->message);

  awd_category_set_round_id (category, b->round_id);
  awd_category_set_name (category, "Лучший проект");
  awd_category_set_kind (category, AWD_CATEGORY_KIND_JURY);
  if (!awd_store_insert_category (store, category, &error))
    g_error ("%s", error->message);
  for (guint c = 0; c < N_CRITERIA; c++)
    {
      g_autofree char *name = g_strdup_printf ("Критерий %u", c + 1);
      gint64 id = add_criterion (store, b->round_id, name, c == 0 ? 3 : 1);
      if (c == 0)
        b->crit0 = id;
    }
  b->juror[0] = add_juror (store, b->round_id, "Анна");
  b->juror[1] = add_juror (store, b->round_id, "Борис");

  if (!awd_store_begin (store, &error))
    g_error ("%s", error->message);
  for (guint n = 0; n < n_nominations; n++)
    {
      g_autoptr(AwdNomination) nom = awd_nomination_new ();
      g_autofree char *ref = g_strdup_printf ("2024-%03u", n + 1);
      g_autofree char *title = g_strdup_printf ("Проект %s", ref);
      gint64 id;

      awd_nomination_set_round_id (nom, b->round_id);
      awd_nomination_set_ref (nom, ref);
      awd_nomination_set_title (nom, title);
      awd_nomination_set_category_id (nom, awd_category_get_id (category));
      awd_nomination_set_status (nom, AWD_NOMINATION_STATUS_ELIGIBLE);
      awd_nomination_set_institution (nom, "Областная библиотека");
      if (!awd_store_insert_nomination (store, nom, &error))
        g_error ("%s", error->message);
      id = awd_nomination_get_id (nom);
      g_array_append_val (b->noms, id);
    }
  if (!awd_store_commit (store, &error))
    g_error ("%s", error->message);
}

static AwdScoringPage *
find_scoring_page (GtkWidget *widget)
{
  if (AWD_IS_SCORING_PAGE (widget))
    return AWD_SCORING_PAGE (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AwdScoringPage *page = find_scoring_page (child);
      if (page != NULL)
        return page;
    }
  return NULL;
}

int
main (int   argc,
      char *argv[])
{
  guint n = argc > 1 ? (guint) strtoul (argv[1], NULL, 10) : 500;
  Bench b = { 0 };
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  AwdScoringPage *page;
  GtkWidget *plain, *alone;

  g_set_prgname ("bench-score-sheet");
  setlocale (LC_ALL, "");
  if (!gtk_init_check ())
    {
      g_print ("# no display: nothing measured\n");
      return 0;
    }
  adw_init ();

  b.dir = awd_test_make_dir ();
  b.noms = g_array_new (FALSE, FALSE, sizeof (gint64));
  make_season (&b, n);
  path = g_build_filename (b.dir, "bench.db", NULL);
  b.settings = g_settings_new (APP_ID);
  g_settings_set_int64 (b.settings, "last-round", 0);
  g_settings_set_boolean (b.settings, "blind-mode", TRUE);
  b.store = awd_store_open (path, AWD_STORE_OPEN_READ_WRITE, "Bench", &error);
  if (b.store == NULL)
    g_error ("%s", error->message);
  b.context = awd_context_new (b.store, b.settings);

  g_print ("# score sheet of %u nominations x %d criteria, renderer %s\n", n, N_CRITERIA,
           g_getenv ("GSK_RENDERER") != NULL ? g_getenv ("GSK_RENDERER") : "(default)");

  /* The app's window, on the season's scoring page. */
  b.window = awd_window_new (NULL, b.context);
  gtk_window_set_default_size (GTK_WINDOW (b.window), 1200, 800);
  gtk_window_present (GTK_WINDOW (b.window));
  settle (GTK_WIDGET (b.window));
  if (!awd_window_select_round (b.window, b.round_id))
    g_error ("cannot select the season");
  settle (GTK_WIDGET (b.window));
  awd_context_request_show (b.context, "scoring", NULL);
  settle (GTK_WIDGET (b.window));
  page = find_scoring_page (GTK_WIDGET (b.window));
  if (page == NULL)
    g_error ("no scoring page");

  /* The sheet alone, so that no other page's work counts. */
  plain = gtk_window_new ();
  alone = awd_score_sheet_new (b.context);
  gtk_window_set_child (GTK_WINDOW (plain), alone);
  gtk_window_set_default_size (GTK_WINDOW (plain), 1200, 800);
  gtk_window_present (GTK_WINDOW (plain));
  measure (&b, AWD_SCORE_SHEET (alone), plain, "plain window");
  gtk_window_destroy (GTK_WINDOW (plain));
  run_dry ();

  gtk_window_present (GTK_WINDOW (b.window));
  measure (&b, AWD_SCORE_SHEET (awd_scoring_page_get_sheet (page)), GTK_WIDGET (b.window),
           "app window (scoring page)");

  gtk_window_destroy (GTK_WINDOW (b.window));
  run_dry ();
  g_clear_object (&b.context);
  g_clear_object (&b.store);
  g_clear_object (&b.settings);
  awd_test_remove_dir (b.dir);
  g_free (b.dir);
  g_array_unref (b.noms);
  return 0;
}
