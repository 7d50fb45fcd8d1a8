/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-gui-nominations"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include <adwaita.h>
#include <locale.h>
#include <string.h>

#include "awd-context.h"
#include "awd-csv-import-dialog.h"
#include "awd-csv-nominations.h"
#include "awd-gui-test-util.h"
#include "awd-date-entry.h"
#include "awd-nomination-editor.h"
#include "awd-nominations-page.h"
#include "awd-store-nomination-rows.h"
#include "awd-store-nominations.h"
#include "awd-test-util.h"
#include "awd-window.h"

/* The nominations page, its editor and the spreadsheet import, driven
 * through their actions and widgets on a temporary database and checked
 * against the store; and the light rows the page lists. */

typedef struct
{
  char       *dir;
  char       *path;
  GSettings  *settings;
  AwdStore   *store;
  AwdContext *context;
  AwdWindow  *window;
  gint64      round_id;
  gint64      category_id;
  gint64      other_category_id;
} Fixture;

static gint64
add_nomination (Fixture    *f,
                const char *ref,
                const char *title,
                const char *institution,
                const char *city,
                gint64      category_id)
{
  g_autoptr(AwdNomination) n = awd_nomination_new ();
  g_autoptr(GError) error = NULL;

  awd_nomination_set_round_id (n, f->round_id);
  awd_nomination_set_category_id (n, category_id);
  awd_nomination_set_ref (n, ref);
  awd_nomination_set_title (n, title);
  awd_nomination_set_institution (n, institution);
  awd_nomination_set_city (n, city);
  awd_nomination_set_received (n, "2024-10-31");
  g_assert_true (awd_store_insert_nomination (f->store, n, &error));
  g_assert_no_error (error);
  return awd_nomination_get_id (n);
}

static gint64
add_category (Fixture    *f,
              const char *name)
{
  g_autoptr(AwdCategory) c = awd_category_new ();
  g_autoptr(GError) error = NULL;

  awd_category_set_round_id (c, f->round_id);
  awd_category_set_name (c, name);
  g_assert_true (awd_store_insert_category (f->store, c, &error));
  g_assert_no_error (error);
  return awd_category_get_id (c);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = awd_test_make_dir ();
  f->path = g_build_filename (f->dir, "awards.db", NULL);
  f->settings = g_settings_new (APP_ID);
  f->store = awd_test_open_store (f->dir, "awards.db");
  f->round_id = awd_test_add_round (f->store, "Сезон 2024");
  f->category_id = add_category (f, "Лучший международный проект в России");
  f->other_category_id = add_category (f, "Лучший проект стран СНГ");
  add_nomination (f, "2024-001", "Книжный мост: Россия и Европа", "Библиотека иностранной литературы", "Москва", f->category_id);
  add_nomination (f, "2024-002", "Ёлкино читает", "Ёлкинская сельская библиотека", "Ёлкино", f->category_id);
  add_nomination (f, "2024-003", "Елань и её читатели", "Еланская библиотека", "Елань", f->other_category_id);
  add_nomination (f, "2024-010", "Азбука дружбы", "Детская библиотека", "Казань", f->other_category_id);
  g_settings_set_int64 (f->settings, "last-round", f->round_id);
}

static void
open_window (Fixture *f)
{
  f->context = awd_context_new (f->store, f->settings);
  f->window = awd_window_new (NULL, f->context);
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *) &f->window);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 760);
  gtk_window_present (GTK_WINDOW (f->window));
  awd_gui_pump ();
  awd_window_select_round (f->window, f->round_id);
  awd_gui_pump ();
  awd_context_request_show (f->context, "nominations", NULL);
  awd_gui_pump ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  /* The window is hidden, not destroyed: destroying any AwdWindow trips
   * a GTK critical in the shell's teardown (seen in test-gui too, with or
   * without this page), which would end the run. */
  if (f->window != NULL)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);
          gtk_widget_set_visible (window, FALSE);
        }
      g_object_remove_weak_pointer (G_OBJECT (f->window), (gpointer *) &f->window);
      f->window = NULL;
      awd_gui_pump ();
    }
  g_clear_object (&f->context);
  g_clear_object (&f->store);
  g_clear_object (&f->settings);
  awd_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static AwdNominationsPage *
get_page (Fixture *f)
{
  GtkWidget *page = f->window != NULL ? awd_gui_find_type (GTK_WIDGET (f->window), AWD_TYPE_NOMINATIONS_PAGE) : NULL;

  g_assert_nonnull (page);
  return page != NULL ? AWD_NOMINATIONS_PAGE (page) : NULL;
}

static GtkWidget *
page_widget (Fixture    *f,
             const char *name)
{
  GtkWidget *found = awd_gui_find_named (GTK_WIDGET (get_page (f)), name);

  g_assert_nonnull (found);
  return found;
}

static GtkWidget *
editor_child (GtkWidget  *editor,
              const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (editor, AWD_TYPE_NOMINATION_EDITOR, name));
}

static void
search_for (Fixture    *f,
            const char *text)
{
  GtkWidget *entry = page_widget (f, "nominations-search");

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  /* The entry waits a moment before "search-changed"; a test does not. */
  g_signal_emit_by_name (entry, "search-changed");
  awd_gui_pump ();
}

static guint
n_shown (Fixture *f)
{
  return g_list_model_get_n_items (awd_nominations_page_get_model (get_page (f)));
}

static char *
shown_refs (Fixture *f)
{
  GListModel *model = awd_nominations_page_get_model (get_page (f));
  GString *refs = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AwdNominationRow) row = g_list_model_get_item (model, i);
      g_string_append_printf (refs, "%s%s", i > 0 ? " " : "", awd_nomination_row_get_ref (row));
    }
  return g_string_free (refs, FALSE);
}

/* Types into an entry and presses Enter, as a person does. */
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

static gboolean
row_has_error (GtkWidget *entry)
{
  GtkWidget *row = gtk_widget_get_ancestor (entry, ADW_TYPE_ACTION_ROW);
  return row != NULL && gtk_widget_has_css_class (row, "error");
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  AdwMessageDialog *found = NULL;

  /* The newest open one (an answered dialog may linger until destroyed). */
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          g_object_get_data (window, "awd-test-answered") == NULL)
        found = ADW_MESSAGE_DIALOG (window);
    }
  if (found != NULL)
    g_object_set_data (G_OBJECT (found), "awd-test-answered", GINT_TO_POINTER (1));
  return found;
}

/* Core: the light rows ---------------------------------------------------- */

static void
test_rows_and_search_ids (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) rows = awd_store_list_nomination_rows (f->store, f->round_id, &error);
  g_autoptr(GListModel) page = awd_store_list_nomination_page (f->store, f->round_id, 1, 2, &error);
  g_autoptr(AwdNominationRow) first = NULL;
  g_autofree char *ref = NULL;
  struct { const char *query; guint n; } cases[] = {
    { "ёлкино", 1 }, { "ЕЛКИНО", 1 }, { "елкино", 1 }, { "Ёлк", 1 },
    { "ЕЛАНЬ", 1 }, { "библиотека", 4 }, { "мост книжный", 1 },
    { "книжный, мост!", 1 }, { "мост дружбы", 0 }, { "казань", 1 },
  };

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (page), ==, 2);
  first = g_list_model_get_item (rows, 0);
  g_assert_cmpstr (awd_nomination_row_get_ref (first), ==, "2024-001");
  g_assert_cmpstr (awd_nomination_row_get_category_name (first), ==, "Лучший международный проект в России");
  g_assert_cmpstr (awd_nomination_row_get_place (first), ==, "Москва");
  g_assert_cmpstr (awd_nomination_row_get_received (first), ==, "2024-10-31");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GArray) ids = awd_store_search_nomination_ids (f->store, f->round_id, cases[i].query, &error);
      g_assert_no_error (error);
      g_assert_nonnull (ids);
      if (ids != NULL && ids->len != cases[i].n)
        g_test_fail_printf ("search «%s»: %u ids, expected %u", cases[i].query, ids->len, cases[i].n);
    }
  g_assert_null (awd_store_search_nomination_ids (f->store, f->round_id, " ,. ", &error));
  g_assert_no_error (error);

  /* The next free <year>-NNN after the highest (2024-010). */
  ref = awd_store_propose_nomination_ref (f->store, f->round_id, 2024, &error);
  g_assert_cmpstr (ref, ==, "2024-011");
  /* Same title and institution, folded: found; another institution: not. */
  g_assert_cmpint (awd_store_find_nomination_duplicate (f->store, f->round_id, 0, "ЕЛКИНО ЧИТАЕТ",
                                                        "елкинская сельская библиотека", &error), >, 0);
  g_assert_cmpint (awd_store_find_nomination_duplicate (f->store, f->round_id, 0, "Ёлкино читает",
                                                        "Другая библиотека", &error), ==, 0);
}

/* GUI: search, filters and sort --------------------------------------------- */

static void
test_search_in_russian (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *refs = NULL;

  open_window (f);
  g_assert_cmpuint (n_shown (f), ==, 4);
  awd_gui_screenshot (GTK_WIDGET (f->window), "nominations-list");

  search_for (f, "елкино");
  g_assert_cmpuint (n_shown (f), ==, 1);
  refs = shown_refs (f);
  g_assert_cmpstr (refs, ==, "2024-002");
  awd_gui_screenshot (GTK_WIDGET (f->window), "nominations-search");

  search_for (f, "ЁЛКИНО");
  g_assert_cmpuint (n_shown (f), ==, 1);
  search_for (f, "ЕЛАНЬ");
  g_assert_cmpuint (n_shown (f), ==, 1);
  search_for (f, "мост, книжный");
  g_assert_cmpuint (n_shown (f), ==, 1);
  search_for (f, "библиотека казань");
  g_assert_cmpuint (n_shown (f), ==, 1);
  search_for (f, "нет такого");
  g_assert_cmpuint (n_shown (f), ==, 0);
  search_for (f, "");
  g_assert_cmpuint (n_shown (f), ==, 4);

  /* Filters: the second category, then a status nobody has. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (page_widget (f, "nominations-category-filter")), 2);
  awd_gui_pump ();
  g_free (refs);
  refs = shown_refs (f);
  g_assert_cmpstr (refs, ==, "2024-003 2024-010");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (page_widget (f, "nominations-status-filter")),
                              1 + AWD_NOMINATION_STATUS_WITHDRAWN);
  awd_gui_pump ();
  g_assert_cmpuint (n_shown (f), ==, 0);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (page_widget (f, "nominations-status-filter")), 0);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (page_widget (f, "nominations-category-filter")), 0);
  awd_gui_pump ();
  g_assert_cmpuint (n_shown (f), ==, 4);
}

static void
test_sort_by_collation (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *view;
  GListModel *columns;
  g_autoptr(GtkColumnViewColumn) title = NULL;
  g_autofree char *refs = NULL;
  g_autofree char *saved_collate = g_strdup (setlocale (LC_COLLATE, NULL));

  /* The locale's collation decides: Russian puts Ё with Е. */
  if (setlocale (LC_COLLATE, "ru_RU.UTF-8") == NULL)
    {
      g_test_skip ("the ru_RU.UTF-8 locale is not installed");
      return;
    }
  open_window (f);
  view = page_widget (f, "nominations-list");
  columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (view));
  title = g_list_model_get_item (columns, 1);
  gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (view), title, GTK_SORT_ASCENDING);
  awd_gui_pump ();
  refs = shown_refs (f);
  /* Азбука, Елань, Ёлкино, Книжный: ё next to е, not after я as in bytes. */
  g_assert_cmpstr (refs, ==, "2024-010 2024-003 2024-002 2024-001");

  gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (view), title, GTK_SORT_DESCENDING);
  awd_gui_pump ();
  g_free (refs);
  refs = shown_refs (f);
  g_assert_cmpstr (refs, ==, "2024-001 2024-002 2024-003 2024-010");
  setlocale (LC_COLLATE, saved_collate);
}

/* GUI: the editor ----------------------------------------------------------- */

static GtkWidget *
open_new_editor (Fixture *f)
{
  GtkWidget *editor;

  gtk_widget_activate_action (GTK_WIDGET (get_page (f)), "nominations.new", NULL);
  awd_gui_pump ();
  editor = awd_nominations_page_get_editor (get_page (f));
  g_assert_nonnull (editor);
  return editor;
}

static void
test_add_find_delete_undo (Fixture       *f,
                           gconstpointer  data)
{
  GtkWidget *editor;
  g_autoptr(AwdNomination) stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  open_window (f);
  editor = open_new_editor (f);
  if (editor == NULL)
    return;
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor_child (editor, "ref_entry"))), ==, "2024-011");
  g_assert_cmpint (awd_nomination_editor_get_nomination_id (AWD_NOMINATION_EDITOR (editor)), ==, 0);

  enter_text (editor_child (editor, "title_entry"), "Переводчики у Ёлки");
  id = awd_nomination_editor_get_nomination_id (AWD_NOMINATION_EDITOR (editor));
  g_assert_cmpint (id, >, 0);
  enter_text (editor_child (editor, "institution_entry"), "Тверская областная библиотека");
  enter_text (editor_child (editor, "city_entry"), "Тверь");
  enter_text (editor_child (editor, "email_entry"), "info@tverlib.ru");
  enter_text (editor_child (editor, "url_entry"), "tverlib.ru");
  enter_text (awd_date_entry_get_entry (AWD_DATE_ENTRY (editor_child (editor, "received_entry"))), "01.11.2024");
  awd_gui_screenshot (editor, "nomination-editor");

  stored = awd_store_get_nomination (f->store, id, &error);
  g_assert_no_error (error);
  if (stored != NULL)
    {
      g_assert_cmpstr (awd_nomination_get_ref (stored), ==, "2024-011");
      g_assert_cmpstr (awd_nomination_get_institution (stored), ==, "Тверская областная библиотека");
      g_assert_cmpstr (awd_nomination_get_city (stored), ==, "Тверь");
      g_assert_cmpstr (awd_nomination_get_url (stored), ==, "https://tverlib.ru");
      g_assert_cmpstr (awd_nomination_get_received (stored), ==, "2024-11-01");
      g_assert_cmpint (awd_nomination_get_category_id (stored), ==, f->category_id);
    }
  gtk_window_close (GTK_WINDOW (editor));
  awd_gui_pump ();

  /* Found by search, folded: ё in the title, е in the query. */
  search_for (f, "переводчики елки");
  g_assert_cmpuint (n_shown (f), ==, 1);
  g_assert_true (awd_nominations_page_select (get_page (f), id));

  gtk_widget_activate_action (GTK_WIDGET (get_page (f)), "nominations.delete", NULL);
  awd_gui_pump ();
  g_assert_cmpuint (n_shown (f), ==, 0);
  awd_gui_screenshot (GTK_WIDGET (f->window), "nominations-deleted");
  /* Hidden, not yet deleted: the store still holds it until the toast goes. */
  g_clear_object (&stored);
  stored = awd_store_get_nomination (f->store, id, NULL);
  g_assert_nonnull (stored);

  gtk_widget_activate_action (GTK_WIDGET (get_page (f)), "nominations.undo-delete", NULL);
  awd_gui_pump ();
  g_assert_cmpuint (n_shown (f), ==, 1);

  /* Delete again, then delete another: one deletion waits at a time, so
   * the first happens in the store; the second is undone. */
  gtk_widget_activate_action (GTK_WIDGET (get_page (f)), "nominations.delete", NULL);
  awd_gui_pump ();
  search_for (f, "");
  g_assert_true (awd_nominations_page_select (get_page (f), 2));
  gtk_widget_activate_action (GTK_WIDGET (get_page (f)), "nominations.delete", NULL);
  awd_gui_pump ();
  g_assert_cmpuint (n_shown (f), ==, 3);
  gtk_widget_activate_action (GTK_WIDGET (get_page (f)), "nominations.undo-delete", NULL);
  awd_gui_pump ();
  g_assert_cmpuint (n_shown (f), ==, 4);
  g_clear_object (&stored);
  stored = awd_store_get_nomination (f->store, 2, NULL);
  g_assert_nonnull (stored);
  g_clear_object (&stored);
  stored = awd_store_get_nomination (f->store, id, NULL);
  g_assert_null (stored);
}

static void
test_editor_validation (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *editor;
  g_autoptr(AwdNomination) stored = NULL;
  gint64 id;

  open_window (f);
  g_assert_true (awd_nominations_page_select (get_page (f), 4));
  gtk_widget_activate_action (GTK_WIDGET (get_page (f)), "nominations.open", NULL);
  awd_gui_pump ();
  editor = awd_nominations_page_get_editor (get_page (f));
  g_assert_nonnull (editor);
  if (editor == NULL)
    return;
  id = awd_nomination_editor_get_nomination_id (AWD_NOMINATION_EDITOR (editor));
  g_assert_cmpint (id, ==, 4);

  /* A ref another nomination has: refused in place, not stored. */
  enter_text (editor_child (editor, "ref_entry"), "2024-001");
  g_assert_true (row_has_error (editor_child (editor, "ref_entry")));
  stored = awd_store_get_nomination (f->store, id, NULL);
  g_assert_cmpstr (awd_nomination_get_ref (stored), ==, "2024-010");

  /* A bad e-mail and a bad web address: refused in place. */
  enter_text (editor_child (editor, "email_entry"), "не почта");
  g_assert_true (row_has_error (editor_child (editor, "email_entry")));
  enter_text (editor_child (editor, "url_entry"), "not a site");
  g_assert_true (row_has_error (editor_child (editor, "url_entry")));
  enter_text (editor_child (editor, "email_entry"), "a@b.ru");
  g_assert_false (row_has_error (editor_child (editor, "email_entry")));

  /* Ineligible without a reason: the editor asks, nothing is stored. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (editor_child (editor, "status_row")), AWD_NOMINATION_STATUS_INELIGIBLE);
  awd_gui_pump ();
  g_assert_true (gtk_widget_has_css_class (editor_child (editor, "reason_row"), "error"));
  g_assert_true (gtk_widget_get_visible (editor_child (editor, "reason_row")));
  g_clear_object (&stored);
  stored = awd_store_get_nomination (f->store, id, NULL);
  g_assert_cmpint (awd_nomination_get_status (stored), ==, AWD_NOMINATION_STATUS_RECEIVED);
  awd_gui_screenshot (editor, "nomination-editor-reason");

  /* With the reason: stored together. */
  enter_text (editor_child (editor, "reason_entry"), "Проект не завершён");
  g_clear_object (&stored);
  stored = awd_store_get_nomination (f->store, id, NULL);
  g_assert_cmpint (awd_nomination_get_status (stored), ==, AWD_NOMINATION_STATUS_INELIGIBLE);
  g_assert_cmpstr (awd_nomination_get_status_reason (stored), ==, "Проект не завершён");
  g_assert_cmpstr (awd_nomination_get_contact_email (stored), ==, "a@b.ru");
  g_assert_null (awd_nomination_get_url (stored));
  gtk_window_close (GTK_WINDOW (editor));
  awd_gui_pump ();
}

static void
test_duplicate_warning (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *editor;
  AdwMessageDialog *dialog;
  gint64 id;
  g_autoptr(AwdNomination) stored = NULL;

  open_window (f);
  editor = open_new_editor (f);
  if (editor == NULL)
    return;
  enter_text (editor_child (editor, "title_entry"), "ЁЛКИНО ЧИТАЕТ");
  id = awd_nomination_editor_get_nomination_id (AWD_NOMINATION_EDITOR (editor));
  g_assert_cmpint (id, >, 0);
  enter_text (editor_child (editor, "institution_entry"), "елкинская сельская библиотека");
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  awd_gui_screenshot (GTK_WIDGET (dialog), "nomination-duplicate");
  if (dialog != NULL)
    adw_message_dialog_response (dialog, "cancel");
  awd_gui_pump ();
  stored = awd_store_get_nomination (f->store, id, NULL);
  g_assert_null (awd_nomination_get_institution (stored));

  enter_text (editor_child (editor, "institution_entry"), "елкинская сельская библиотека");
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  if (dialog != NULL)
    adw_message_dialog_response (dialog, "save");
  awd_gui_pump ();
  g_clear_object (&stored);
  stored = awd_store_get_nomination (f->store, id, NULL);
  g_assert_cmpstr (awd_nomination_get_institution (stored), ==, "елкинская сельская библиотека");
  gtk_window_close (GTK_WINDOW (editor));
  awd_gui_pump ();
}

static void
test_attachments_intact (Fixture       *f,
                         gconstpointer  data)
{
  GtkWidget *editor;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) back = NULL;
  g_autoptr(GListModel) attachments = NULL;
  g_autoptr(AwdAttachment) attachment = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) big = NULL;
  g_autofree char *path = g_build_filename (f->dir, "Анкета заявки.pdf", NULL);
  g_autofree char *big_path = g_build_filename (f->dir, "big.bin", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  guint8 *data_bytes = g_malloc (300 * 1024);
  FILE *fp;

  for (guint i = 0; i < 300 * 1024; i++)
    data_bytes[i] = (guint8) g_rand_int_range (rand, 0, 256);
  bytes = g_bytes_new_take (data_bytes, 300 * 1024);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), NULL));
  expected = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);

  open_window (f);
  g_assert_true (awd_nominations_page_select (get_page (f), 1));
  gtk_widget_activate_action (GTK_WIDGET (get_page (f)), "nominations.open", NULL);
  awd_gui_pump ();
  editor = awd_nominations_page_get_editor (get_page (f));
  g_assert_nonnull (editor);
  if (editor == NULL)
    return;

  file = g_file_new_for_path (path);
  g_assert_true (awd_nomination_editor_add_attachment (AWD_NOMINATION_EDITOR (editor), file, &error));
  g_assert_no_error (error);
  awd_gui_pump ();
  awd_gui_screenshot (editor, "nomination-attachments");

  attachments = awd_store_list_attachments (f->store, 1, &error);
  g_assert_cmpuint (g_list_model_get_n_items (attachments), ==, 1);
  attachment = g_list_model_get_item (attachments, 0);
  g_assert_cmpstr (awd_attachment_get_name (attachment), ==, "Анкета заявки.pdf");
  g_assert_cmpint (awd_attachment_get_size (attachment), ==, 300 * 1024);
  g_assert_cmpstr (awd_attachment_get_sha256 (attachment), ==, expected);
  back = awd_store_get_attachment_data (f->store, awd_attachment_get_id (attachment), &error);
  g_assert_true (back != NULL && g_bytes_equal (back, bytes));

  /* Over the limit: refused before reading, with the sizes in the message. */
  fp = g_fopen (big_path, "wb");
  g_assert_nonnull (fp);
  if (fp != NULL)
    {
      fseek (fp, AWD_ATTACHMENT_MAX_SIZE, SEEK_SET);
      fputc (0, fp);
      fclose (fp);
    }
  big = g_file_new_for_path (big_path);
  g_assert_false (awd_nomination_editor_add_attachment (AWD_NOMINATION_EDITOR (editor), big, &error));
  g_assert_nonnull (error);
  g_clear_object (&attachments);
  attachments = awd_store_list_attachments (f->store, 1, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (attachments), ==, 1);
  gtk_window_close (GTK_WINDOW (editor));
  awd_gui_pump ();
}

/* GUI: spreadsheet import --------------------------------------------------- */

static void
test_csv_import_preview (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "заявки.csv", NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GListModel) after = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;
  GPtrArray *problems;
  /* «Проект» is no heading the importer knows: the title column is
   * missing until it is mapped by hand. */
  const char *csv =
    "Проект;Учреждение;Город;Номинация\r\n"
    "Читаем вместе;Библиотека № 1;Тула;Лучший проект стран СНГ\r\n"
    "Мосты культуры;Библиотека № 2;Омск;Лучший проект стран СНГ\r\n";

  g_assert_true (g_file_set_contents (path, csv, -1, NULL));
  open_window (f);
  file = g_file_new_for_path (path);
  dialog = awd_csv_import_dialog_new (f->context, file);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (f->window));
  gtk_window_present (GTK_WINDOW (dialog));
  awd_gui_pump ();

  problems = awd_csv_import_dialog_get_problems (AWD_CSV_IMPORT_DIALOG (dialog));
  g_assert_true (problems != NULL && problems->len > 0);
  g_assert_false (awd_csv_import_dialog_can_import (AWD_CSV_IMPORT_DIALOG (dialog)));
  awd_gui_screenshot (dialog, "csv-import-problems");

  awd_csv_import_dialog_map_column (AWD_CSV_IMPORT_DIALOG (dialog), 0, AWD_CSV_FIELD_TITLE);
  awd_gui_pump ();
  problems = awd_csv_import_dialog_get_problems (AWD_CSV_IMPORT_DIALOG (dialog));
  g_assert_cmpuint (problems != NULL ? problems->len : 99, ==, 0);
  g_assert_true (awd_csv_import_dialog_can_import (AWD_CSV_IMPORT_DIALOG (dialog)));
  awd_gui_screenshot (dialog, "csv-import-ready");

  g_assert_true (awd_csv_import_dialog_run_import (AWD_CSV_IMPORT_DIALOG (dialog), &error));
  g_assert_no_error (error);
  awd_gui_pump ();
  after = awd_store_list_nominations (f->store, f->round_id, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, 6);
  /* The page listed them again. */
  g_assert_cmpuint (n_shown (f), ==, 6);
}

int
main (int   argc,
      char *argv[])
{
  if (!awd_gui_test_init (&argc, &argv))
    return 0;

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/gui/nominations/rows/search-ids", test_rows_and_search_ids);
  ADD ("/gui/nominations/search/russian", test_search_in_russian);
  ADD ("/gui/nominations/sort/collation", test_sort_by_collation);
  ADD ("/gui/nominations/editor/add-find-delete-undo", test_add_find_delete_undo);
  ADD ("/gui/nominations/editor/validation", test_editor_validation);
  ADD ("/gui/nominations/editor/duplicate-warning", test_duplicate_warning);
  ADD ("/gui/nominations/editor/attachments-intact", test_attachments_intact);
  ADD ("/gui/nominations/import/preview-map-import", test_csv_import_preview);

  return g_test_run ();
}
