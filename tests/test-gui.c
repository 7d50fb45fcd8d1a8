/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-gui"

#include "config.h"

#include <glib/gi18n.h>

#include <adwaita.h>
#include <locale.h>

#include "awd-context.h"
#include "awd-gui-test-util.h"
#include "awd-new-round-dialog.h"
#include "awd-test-util.h"
#include "awd-window.h"

/* The set-up GUI driven through its own actions and widgets, checked
 * against what lands in the store. Widgets are found by their names
 * (gtk_widget_set_name / the "name" property in the templates). */

typedef AwdGuiFixture Fixture;

/* Closing, not destroying: the window finishes what waits on a toast. */
static void
close_window (Fixture *f)
{
  if (f->window != NULL)
    {
      gtk_window_close (GTK_WINDOW (f->window));
      awd_gui_pump ();
      if (f->window != NULL)
        gtk_window_destroy (GTK_WINDOW (f->window));
      awd_gui_pump ();
    }
  g_clear_object (&f->context);
  g_clear_object (&f->store);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = awd_test_make_dir ();
  f->path = g_build_filename (f->dir, "awards.db", NULL);
  f->settings = g_settings_new (APP_ID);
  g_settings_set_int64 (f->settings, "last-round", 0);
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
}

/* The @nth (0-based) widget called @name in the window. */
static GtkWidget *
find_widget (Fixture    *f,
             const char *name,
             int         nth)
{
  return awd_gui_find_nth_named (GTK_WIDGET (f->window), name, nth);
}

static AwdNewRoundDialog *
find_new_round_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);
      if (AWD_IS_NEW_ROUND_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return AWD_NEW_ROUND_DIALOG (window);
    }
  return NULL;
}

static GtkWidget *
dialog_child (AwdNewRoundDialog *dialog,
              const char        *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), AWD_TYPE_NEW_ROUND_DIALOG, name));
}

static const char *
visible_page (Fixture *f)
{
  GtkWidget *stack = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->window),
                                                                AWD_TYPE_WINDOW, "content_stack"));
  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

static guint
count_sidebar_rows (Fixture *f)
{
  GtkWidget *list = find_widget (f, "rounds-list", 0);
  guint n = 0;

  while (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), (int) n) != NULL)
    n++;
  return n;
}

static guint
count_rounds (Fixture *f)
{
  g_autoptr(GListModel) rounds = awd_store_list_rounds (f->store, NULL);
  return rounds != NULL ? g_list_model_get_n_items (rounds) : 0;
}

static AwdRound *
first_round (Fixture *f)
{
  g_autoptr(GListModel) rounds = awd_store_list_rounds (f->store, NULL);

  if (rounds == NULL || g_list_model_get_n_items (rounds) == 0)
    return NULL;
  return g_list_model_get_item (rounds, 0);
}

/* Types @text into the entry and presses Enter. */
static void
enter_text (GtkWidget  *entry,
            const char *text)
{
  g_assert_nonnull (entry);
  if (entry == NULL)
    return;
  gtk_widget_grab_focus (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "activate");
  awd_gui_pump ();
}

/* Creates a season the way a person does: Ctrl+N's action, the dialog's
 * title field, the Create button. */
static void
create_round_via_dialog (Fixture    *f,
                         const char *title)
{
  AwdNewRoundDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-round", NULL);
  awd_gui_pump ();
  dialog = find_new_round_dialog ();
  g_assert_nonnull (dialog);
  if (dialog == NULL)
    return;

  gtk_editable_set_text (GTK_EDITABLE (dialog_child (dialog, "title_entry")), title);
  g_signal_emit_by_name (dialog_child (dialog, "create_button"), "clicked");
  awd_gui_pump ();
}

/* A season with one category, one criterion and one juror, all added
 * through the set-up page. */
static void
set_up_round_via_ui (Fixture *f)
{
  create_round_via_dialog (f, "Test season");
  enter_text (find_widget (f, "category-add-name", 0), "Best project in Russia");
  gtk_editable_set_text (GTK_EDITABLE (find_widget (f, "criterion-add-weight", 0)), "0,5");
  enter_text (find_widget (f, "criterion-add-name", 0), "Originality");
  enter_text (find_widget (f, "juror-add-name", 0), "Anna Ivanova");
}

static void
test_window_opens_empty (Fixture       *f,
                         gconstpointer  data)
{
  awd_gui_open_window (f);

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  g_assert_cmpstr (visible_page (f), ==, "empty");
  g_assert_cmpuint (count_sidebar_rows (f), ==, 0);
  g_assert_true (gtk_widget_is_sensitive (find_widget (f, "rounds-list", 0)));
}

static void
test_round_created_through_ui (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(AwdRound) round = NULL;
  g_autoptr(GListModel) categories = NULL;
  g_autoptr(GListModel) criteria = NULL;
  g_autoptr(GListModel) jurors = NULL;
  g_autoptr(AwdCriterion) criterion = NULL;
  g_autoptr(AwdJuror) juror = NULL;
  g_autoptr(AwdCategory) category = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  awd_gui_open_window (f);
  set_up_round_via_ui (f);

  g_assert_null (find_new_round_dialog ());
  g_assert_cmpuint (count_rounds (f), ==, 1);
  round = first_round (f);
  g_assert_nonnull (round);
  if (round == NULL)
    return;
  g_assert_cmpstr (awd_round_get_title (round), ==, "Test season");
  g_assert_cmpint (awd_round_get_number (round), ==, 1);
  g_assert_cmpint (awd_round_get_year (round), ==, g_date_time_get_year (now));
  g_assert_cmpstr (visible_page (f), ==, "round");
  g_assert_cmpuint (count_sidebar_rows (f), ==, 1);

  categories = awd_store_list_categories (f->store, awd_round_get_id (round), NULL);
  criteria = awd_store_list_criteria (f->store, awd_round_get_id (round), NULL);
  jurors = awd_store_list_jurors (f->store, awd_round_get_id (round), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (categories), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (criteria), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (jurors), ==, 1);
  if (g_list_model_get_n_items (categories) != 1 || g_list_model_get_n_items (criteria) != 1 ||
      g_list_model_get_n_items (jurors) != 1)
    return;

  category = g_list_model_get_item (categories, 0);
  g_assert_cmpstr (awd_category_get_name (category), ==, "Best project in Russia");
  criterion = g_list_model_get_item (criteria, 0);
  g_assert_cmpstr (awd_criterion_get_name (criterion), ==, "Originality");
  g_assert_cmpfloat_with_epsilon (awd_criterion_get_weight (criterion), 0.5, 1e-12);
  juror = g_list_model_get_item (jurors, 0);
  g_assert_cmpstr (awd_juror_get_name (juror), ==, "Anna Ivanova");

  /* The add entries are empty again, ready for the next one. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_widget (f, "category-add-name", 0))), ==, "");
}

static void
test_restart_shows_round (Fixture       *f,
                          gconstpointer  data)
{
  GtkWidget *entry;

  awd_gui_open_window (f);
  set_up_round_via_ui (f);
  close_window (f);

  /* A new store and window on the same file: as after a restart. */
  awd_gui_open_window (f);
  g_assert_cmpuint (count_sidebar_rows (f), ==, 1);
  g_assert_cmpstr (visible_page (f), ==, "round");
  entry = find_widget (f, "round-title", 0);
  g_assert_nonnull (entry);
  if (entry != NULL)
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Test season");
  entry = find_widget (f, "category-name", 0);
  g_assert_nonnull (entry);
  if (entry != NULL)
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Best project in Russia");
  entry = find_widget (f, "criterion-weight", 0);
  g_assert_nonnull (entry);
  if (entry != NULL)
    g_assert_true (g_str_equal (gtk_editable_get_text (GTK_EDITABLE (entry)), "0.5") ||
                   g_str_equal (gtk_editable_get_text (GTK_EDITABLE (entry)), "0,5"));
  entry = find_widget (f, "juror-name", 0);
  g_assert_nonnull (entry);
  if (entry != NULL)
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Anna Ivanova");
}

static double
stored_weight (Fixture *f)
{
  g_autoptr(AwdRound) round = first_round (f);
  g_autoptr(GListModel) criteria = NULL;
  g_autoptr(AwdCriterion) criterion = NULL;

  if (round == NULL)
    return -1;
  criteria = awd_store_list_criteria (f->store, awd_round_get_id (round), NULL);
  if (g_list_model_get_n_items (criteria) == 0)
    return -1;
  criterion = g_list_model_get_item (criteria, 0);
  return awd_criterion_get_weight (criterion);
}

static void
test_invalid_weight_refused (Fixture       *f,
                             gconstpointer  data)
{
  const char *refused[] = { "-1", "0", "abc", "" };
  GtkWidget *weight;

  awd_gui_open_window (f);
  set_up_round_via_ui (f);
  weight = find_widget (f, "criterion-weight", 0);
  g_assert_nonnull (weight);
  if (weight == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      enter_text (weight, refused[i]);
      g_assert_true (gtk_widget_has_css_class (weight, "error"));
      /* The person's text stays, nothing is clamped or stored. */
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (weight)), ==, refused[i]);
      g_assert_cmpfloat_with_epsilon (stored_weight (f), 0.5, 1e-12);
    }

  awd_gui_screenshot (GTK_WIDGET (f->window), "weight-refused");
  enter_text (weight, "2,5");
  g_assert_false (gtk_widget_has_css_class (weight, "error"));
  g_assert_cmpfloat_with_epsilon (stored_weight (f), 2.5, 1e-12);

  enter_text (weight, "1.25");
  g_assert_cmpfloat_with_epsilon (stored_weight (f), 1.25, 1e-12);

  /* The add field refuses too, and adds nothing. */
  gtk_editable_set_text (GTK_EDITABLE (find_widget (f, "criterion-add-weight", 0)), "0");
  enter_text (find_widget (f, "criterion-add-name", 0), "Impact");
  {
    g_autoptr(AwdRound) round = first_round (f);
    g_autoptr(GListModel) criteria = awd_store_list_criteria (f->store, awd_round_get_id (round), NULL);
    g_assert_cmpuint (g_list_model_get_n_items (criteria), ==, 1);
  }
}

static void
test_round_field_refused_in_place (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(AwdRound) before = NULL;
  g_autoptr(AwdRound) after = NULL;
  GtkWidget *year, *row, *scale_max, *title;

  awd_gui_open_window (f);
  create_round_via_dialog (f, "Field checks");
  before = first_round (f);

  year = find_widget (f, "round-year", 0);
  enter_text (year, "99");
  row = gtk_widget_get_ancestor (year, ADW_TYPE_ACTION_ROW);
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (year)), ==, "99");
  g_assert_nonnull (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));

  scale_max = find_widget (f, "round-scale-max", 0);
  enter_text (scale_max, "-5");
  g_assert_true (gtk_widget_has_css_class (gtk_widget_get_ancestor (scale_max, ADW_TYPE_ACTION_ROW), "error"));

  after = first_round (f);
  awd_gui_screenshot (GTK_WIDGET (f->window), "round-fields-refused");
  g_assert_cmpint (awd_round_get_year (after), ==, awd_round_get_year (before));
  g_assert_cmpfloat (awd_round_get_scale_max (after), ==, awd_round_get_scale_max (before));

  /* A good value clears the mark and is stored. */
  enter_text (year, "2031");
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  title = find_widget (f, "round-title", 0);
  enter_text (title, "Renamed season");
  g_clear_object (&after);
  after = first_round (f);
  g_assert_cmpint (awd_round_get_year (after), ==, 2031);
  g_assert_cmpstr (awd_round_get_title (after), ==, "Renamed season");
}

static void
test_delete_with_undo_keeps_round (Fixture       *f,
                                   gconstpointer  data)
{
  awd_gui_open_window (f);
  create_round_via_dialog (f, "Kept season");
  g_assert_cmpuint (count_rounds (f), ==, 1);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "round.delete", NULL);
  awd_gui_pump ();
  awd_gui_screenshot (GTK_WIDGET (f->window), "delete-toast");
  /* Hidden at once, not yet deleted. */
  g_assert_cmpuint (count_sidebar_rows (f), ==, 0);
  g_assert_cmpuint (count_rounds (f), ==, 1);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo-delete", NULL);
  awd_gui_pump ();
  g_assert_cmpuint (count_sidebar_rows (f), ==, 1);
  g_assert_cmpstr (visible_page (f), ==, "round");

  /* Closing the window must not carry out an undone deletion. */
  close_window (f);
  awd_gui_open_window (f);
  g_assert_cmpuint (count_rounds (f), ==, 1);
}

static void
test_delete_without_undo_removes_round (Fixture       *f,
                                        gconstpointer  data)
{
  awd_gui_open_window (f);
  create_round_via_dialog (f, "Gone season");
  create_round_via_dialog (f, "Second season");
  g_assert_cmpuint (count_rounds (f), ==, 2);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "round.delete", NULL);
  awd_gui_pump ();
  g_assert_cmpuint (count_sidebar_rows (f), ==, 1);
  g_assert_cmpstr (visible_page (f), ==, "none");

  /* The window closes before the toast times out: the intent is kept. */
  close_window (f);
  awd_gui_open_window (f);
  g_assert_cmpuint (count_rounds (f), ==, 1);
  {
    g_autoptr(AwdRound) round = first_round (f);
    g_assert_cmpstr (awd_round_get_title (round), ==, "Gone season");
  }
}

static void
test_final_round_not_deleted (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  /* A finalized season, as the results engine leaves it. */
  {
    g_autoptr(AwdStore) store = awd_store_open (f->path, AWD_STORE_OPEN_CREATE, "Test", &error);
    g_assert_no_error (error);
    id = awd_test_add_round (store, "Final season");
  }
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE round SET status = 'final', results_checksum = printf('%%064d', 0), finalized_at = '2024-12-01T12:00:00Z' WHERE id = %" G_GINT64_FORMAT, id);
    awd_test_raw_sql (f->path, sql);
  }

  awd_gui_open_window (f);
  g_assert_true (awd_window_select_round (f->window, id));
  awd_gui_pump ();
  gtk_widget_activate_action (GTK_WIDGET (f->window), "round.delete", NULL);
  awd_gui_pump ();
  /* Refused at once: still listed, still stored. */
  g_assert_cmpuint (count_sidebar_rows (f), ==, 1);
  close_window (f);
  awd_gui_open_window (f);
  g_assert_cmpuint (count_rounds (f), ==, 1);
}

static void
test_criteria_move_and_chair (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(AwdRound) round = NULL;
  g_autoptr(GListModel) criteria = NULL;
  g_autoptr(GListModel) jurors = NULL;
  g_autoptr(AwdCriterion) top = NULL;
  g_autoptr(AwdJuror) second = NULL;
  g_autoptr(AwdJuror) first = NULL;

  awd_gui_open_window (f);
  set_up_round_via_ui (f);
  enter_text (find_widget (f, "criterion-add-name", 0), "Reach");
  enter_text (find_widget (f, "juror-add-name", 0), "Boris Petrov");

  /* "Move down" on the first criterion. */
  g_signal_emit_by_name (find_widget (f, "criterion-down", 0), "clicked");
  awd_gui_pump ();

  /* The second juror becomes chair; then the first one does. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_widget (f, "juror-chair", 1)), TRUE);
  awd_gui_pump ();
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_widget (f, "juror-chair", 0)), TRUE);
  awd_gui_pump ();

  round = first_round (f);
  criteria = awd_store_list_criteria (f->store, awd_round_get_id (round), NULL);
  top = g_list_model_get_item (criteria, 0);
  g_assert_cmpstr (awd_criterion_get_name (top), ==, "Reach");

  jurors = awd_store_list_jurors (f->store, awd_round_get_id (round), NULL);
  first = g_list_model_get_item (jurors, 0);
  second = g_list_model_get_item (jurors, 1);
  g_assert_true (awd_juror_get_chair (first));
  g_assert_false (awd_juror_get_chair (second));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (find_widget (f, "juror-chair", 1))));

  /* A bad e-mail is refused in place. */
  enter_text (find_widget (f, "juror-email", 0), "not-an-address");
  g_assert_true (gtk_widget_has_css_class (find_widget (f, "juror-email", 0), "error"));
  g_clear_object (&jurors);
  g_clear_object (&first);
  jurors = awd_store_list_jurors (f->store, awd_round_get_id (round), NULL);
  first = g_list_model_get_item (jurors, 0);
  g_assert_true (awd_juror_get_email (first) == NULL || *awd_juror_get_email (first) == '\0');
}

static void
test_sample_round_loaded (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(AwdRound) round = NULL;
  g_autoptr(GListModel) criteria = NULL;
  gint64 deadline;

  awd_gui_open_window (f);
  g_assert_true (gtk_widget_get_visible (find_widget (f, "load-sample", 0)));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.load-sample", NULL);

  /* The import runs on a worker thread; wait for the window to show it. */
  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (count_sidebar_rows (f) == 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  awd_gui_pump ();

  g_assert_cmpuint (count_sidebar_rows (f), ==, 1);
  g_assert_cmpuint (count_rounds (f), ==, 1);
  g_assert_cmpstr (visible_page (f), ==, "round");
  awd_gui_screenshot (GTK_WIDGET (f->window), "sample-loaded");

  /* Narrow: the leaflet folds and shows the season with a back button. */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 400, 700);
  awd_gui_pump ();
  awd_gui_screenshot (GTK_WIDGET (f->window), "narrow-round");
  round = first_round (f);
  g_assert_nonnull (round);
  if (round == NULL)
    return;
  criteria = awd_store_list_criteria (f->store, awd_round_get_id (round), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (criteria), >, 0);
  g_assert_nonnull (find_widget (f, "criterion-name", 0));
}

int
main (int   argc,
      char *argv[])
{
  if (!awd_gui_test_init (&argc, &argv))
    return 0;

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/gui/window/opens-empty", test_window_opens_empty);
  ADD ("/gui/round/created-through-ui", test_round_created_through_ui);
  ADD ("/gui/round/restart-shows-it", test_restart_shows_round);
  ADD ("/gui/criterion/invalid-weight-refused", test_invalid_weight_refused);
  ADD ("/gui/round/field-refused-in-place", test_round_field_refused_in_place);
  ADD ("/gui/round/delete-undo-keeps", test_delete_with_undo_keeps_round);
  ADD ("/gui/round/delete-without-undo-removes", test_delete_without_undo_removes_round);
  ADD ("/gui/round/final-not-deleted", test_final_round_not_deleted);
  ADD ("/gui/setup/move-criterion-and-chair", test_criteria_move_and_chair);
  ADD ("/gui/round/sample-loaded", test_sample_round_loaded);

  return g_test_run ();
}
