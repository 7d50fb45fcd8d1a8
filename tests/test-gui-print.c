/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-gui-print"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "awd-gui-errors.h"
#include "awd-gui-test-util.h"
#include "awd-print-actions.h"
#include "awd-print-operation.h"
#include "awd-print-preview.h"
#include "awd-report-load.h"

/* Printing from the window: the print operation exporting to PDF (the
 * same draw path as the printer), the in-app preview, the print actions. */

typedef AwdGuiFixture Fixture;

/* Whitespace of any kind (pdftotext's line breaks, no-break spaces the
 * typography inserts) as one plain space. */
static char *
squeeze (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F || c == 0x2009)
        {
          space = TRUE;
          continue;
        }
      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static GPtrArray *
eligible_refs (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwdReportRound) round = awd_report_round_load (f->store, f->round_id, &error);
  GPtrArray *refs = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  for (guint i = 0; round != NULL && i < round->input->nominations->len; i++)
    {
      AwdResultsNomination *n = &g_array_index (round->input->nominations, AwdResultsNomination, i);
      const AwdResultsCategory *category = n->category >= 0
        ? &g_array_index (round->input->categories, AwdResultsCategory, n->category) : NULL;

      /* Ranked: eligible, and in a direct-prize category only the winner. */
      if (n->status != AWD_NOMINATION_STATUS_ELIGIBLE ||
          (category != NULL && category->kind == AWD_CATEGORY_KIND_DIRECT && category->winner != (int) i))
        continue;
      g_ptr_array_add (refs, g_strdup (n->ref));
    }
  return refs;
}

static void
check_protocol_text (Fixture    *f,
                     const char *pdf)
{
  g_autofree char *text = awd_gui_pdf_text (pdf);
  g_autofree char *flat = text != NULL ? squeeze (text) : NULL;
  g_autofree char *title = squeeze (awd_round_get_title (awd_context_get_round (f->context)));
  g_autoptr(GPtrArray) refs = eligible_refs (f);

  g_assert_nonnull (flat);
  if (flat == NULL)
    return;
  g_assert_nonnull (strstr (flat, title));
  g_assert_cmpuint (refs->len, >, 5);
  for (guint i = 0; i < refs->len; i++)
    if (strstr (flat, g_ptr_array_index (refs, i)) == NULL)
      {
        g_test_message ("ref %s missing", (char *) g_ptr_array_index (refs, i));
        g_test_fail ();
      }
  /* An ineligible nomination is not ranked. */
  g_assert_null (strstr (flat, "2024-007 "));
}

static void
test_export_pdf (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwdPrintJob) job = awd_print_job_load (f->store, AWD_PRINT_PROTOCOL, f->round_id, 0, &error);
  g_autofree char *pdf = g_build_filename (f->dir, "protocol.pdf", NULL);
  GtkPrintOperationResult result;

  g_assert_no_error (error);
  g_assert_nonnull (job);
  if (job == NULL)
    return;

  /* Through the GtkPrintOperation subclass, laying out at begin-print. */
  result = awd_print_run (GTK_WINDOW (f->window), job, NULL, GTK_PRINT_OPERATION_ACTION_EXPORT, pdf);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
  check_protocol_text (f, pdf);
}

static void
test_save_pdf_action (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "saved", NULL);
  g_autofree char *with_ext = g_strconcat (pdf, ".pdf", NULL);
  gboolean exists = FALSE;
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  awd_gui_set_test_file (pdf);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "print.save-pdf", "s", "protocol"));
  while (!exists && g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
      exists = g_file_test (with_ext, G_FILE_TEST_EXISTS);
    }
  awd_gui_pump ();
  g_assert_true (exists);
  if (exists)
    check_protocol_text (f, with_ext);
  awd_gui_screenshot (GTK_WIDGET (f->window), "print-saved-toast");
}

/* Dark pixels of an ARGB32 surface: text and rules drawn on the page. */
static guint
count_ink (cairo_surface_t *surface)
{
  int stride = cairo_image_surface_get_stride (surface);
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  const guchar *data;
  guint ink = 0;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 px = *(const guint32 *) (data + y * stride + x * 4);
        if (((px >> 16) & 0xff) < 80 && ((px >> 8) & 0xff) < 80 && (px & 0xff) < 80)
          ink++;
      }
  return ink;
}

static char *
surface_checksum (cairo_surface_t *surface)
{
  cairo_surface_flush (surface);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA1, cairo_image_surface_get_data (surface),
                                      (gsize) cairo_image_surface_get_stride (surface) *
                                      (gsize) cairo_image_surface_get_height (surface));
}

static void
test_preview_draws_pages (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwdPrintJob) job = awd_print_job_load (f->store, AWD_PRINT_PROTOCOL, f->round_id, 0, &error);
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  AwdPrintPreview *preview;
  guint expected = 0;

  g_assert_no_error (error);
  if (job == NULL)
    return;
  documents = awd_print_job_build (job, NULL, &error);
  g_assert_no_error (error);
  if (documents == NULL)
    return;
  for (guint i = 0; i < documents->len; i++)
    expected += awd_report_document_get_n_pages (g_ptr_array_index (documents, i));
  g_assert_cmpuint (expected, >=, 2);

  preview = AWD_PRINT_PREVIEW (awd_print_preview_new (GTK_WINDOW (f->window), job, documents, NULL));
  gtk_window_present (GTK_WINDOW (preview));
  awd_gui_pump ();
  g_assert_cmpuint (awd_print_preview_get_n_pages (preview), ==, expected);

  for (guint page = 0; page < expected; page++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 420, 594);
      cairo_t *cr = cairo_create (surface);

      awd_print_preview_set_page (preview, page);
      g_assert_cmpuint (awd_print_preview_get_page (preview), ==, page);
      awd_print_preview_draw (preview, cr, 420, 594);
      cairo_destroy (cr);
      /* Every page has text on it, and no two pages look the same. */
      g_assert_cmpuint (count_ink (surface), >, 200);
      g_assert_true (g_hash_table_add (seen, surface_checksum (surface)));
      cairo_surface_destroy (surface);
    }
  /* Past the end stays on the last page. */
  awd_print_preview_set_page (preview, expected + 3);
  g_assert_cmpuint (awd_print_preview_get_page (preview), ==, expected - 1);

  awd_print_preview_set_page (preview, 0);
  awd_gui_screenshot (GTK_WIDGET (preview), "print-preview");
  gtk_window_destroy (GTK_WINDOW (preview));
}

/* GtkPrintOperation's own preview (the print dialog's Preview button):
 * the `preview` signal opens the in-app window, no external viewer. */
static void
test_operation_preview (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwdPrintJob) job = awd_print_job_load (f->store, AWD_PRINT_PROTOCOL, f->round_id, 0, &error);
  GtkPrintOperationResult result;
  GtkWidget *preview;

  g_assert_no_error (error);
  if (job == NULL)
    return;
  result = awd_print_run (GTK_WINDOW (f->window), job, NULL, GTK_PRINT_OPERATION_ACTION_PREVIEW, NULL);
  g_assert_cmpint (result, !=, GTK_PRINT_OPERATION_RESULT_ERROR);
  awd_gui_pump ();
  preview = awd_gui_find_toplevel (AWD_TYPE_PRINT_PREVIEW);
  g_assert_nonnull (preview);
  if (preview != NULL)
    {
      g_assert_cmpuint (awd_print_preview_get_n_pages (AWD_PRINT_PREVIEW (preview)), >=, 2);
      gtk_window_destroy (GTK_WINDOW (preview));
      awd_gui_pump ();
    }
}

static void
test_preview_action (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *preview = NULL;
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "print.preview", "s", "score-forms"));
  while (preview == NULL && g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
      preview = awd_gui_find_toplevel (AWD_TYPE_PRINT_PREVIEW);
    }
  g_assert_nonnull (preview);
  if (preview == NULL)
    return;
  awd_gui_pump ();
  /* A blank form for each of the sample's jurors, at least a page each. */
  g_assert_cmpuint (awd_print_preview_get_n_pages (AWD_PRINT_PREVIEW (preview)), >=, 5);
  gtk_widget_activate_action (preview, "preview.next", NULL);
  g_assert_cmpuint (awd_print_preview_get_page (AWD_PRINT_PREVIEW (preview)), ==, 1);
  awd_gui_screenshot (preview, "print-preview-score-form");
}

static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (root)), text) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_diplomas_need_final (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwdPrintJob) job = awd_print_job_load (f->store, AWD_PRINT_DIPLOMAS, f->round_id, 0, &error);
  GtkWidget *menu_button = awd_gui_find_named (GTK_WIDGET (f->window), "print-menu");
  GtkPopover *popover;
  GtkWidget *unavailable;

  g_assert_null (job);
  g_assert_error (error, AWD_REPORT_ERROR, AWD_REPORT_ERROR_INVALID);

  g_assert_nonnull (menu_button);
  if (menu_button == NULL)
    return;
  g_assert_true (gtk_widget_get_visible (menu_button));
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button));
  g_assert_nonnull (popover);
  /* The line saying why diplomas are not offered, with its tooltip. */
  unavailable = find_label (GTK_WIDGET (popover), _("Diplomas: for a final season only"));
  g_assert_nonnull (unavailable);
  if (unavailable != NULL)
    {
      g_assert_true (gtk_widget_get_visible (unavailable));
      g_assert_nonnull (gtk_widget_get_tooltip_text (unavailable));
    }
  if (g_getenv ("AWD_TEST_SCREENSHOT_DIR") != NULL)
    {
      /* Only to look at: GTK 4.8 under Xvfb without a window manager may
       * complain that the popover has no monitor yet. */
      GLogLevelFlags fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK);
      gtk_menu_button_popup (GTK_MENU_BUTTON (menu_button));
      awd_gui_pump ();
      awd_gui_screenshot_screen ("print-menu");
      gtk_menu_button_popdown (GTK_MENU_BUTTON (menu_button));
      awd_gui_pump ();
      g_log_set_always_fatal (fatal);
    }
}

static void
test_filled_form (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) jurors = awd_store_list_jurors (f->store, f->round_id, NULL);
  g_autoptr(AwdJuror) juror = g_list_model_get_item (jurors, 0);
  g_autoptr(AwdPrintJob) job = awd_print_job_load (f->store, AWD_PRINT_SCORE_FORM_FILLED, f->round_id,
                                                   awd_juror_get_id (juror), &error);
  g_autoptr(AwdPrintJob) none = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "form.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  g_autofree char *name = NULL;

  g_assert_no_error (error);
  if (job == NULL)
    return;
  documents = awd_print_job_build (job, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (awd_print_write_pdf (documents, pdf, &error));
  g_assert_no_error (error);
  text = awd_gui_pdf_text (pdf);
  flat = text != NULL ? squeeze (text) : NULL;
  name = squeeze (awd_juror_get_name (juror));
  g_assert_nonnull (flat);
  if (flat != NULL)
    g_assert_nonnull (strstr (flat, name));

  /* Someone else's id is refused. */
  none = awd_print_job_load (f->store, AWD_PRINT_SCORE_FORM_FILLED, f->round_id, 999999, &error);
  g_assert_null (none);
  g_assert_nonnull (error);
}

static void
test_dossier (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) nominations = awd_store_list_nominations (f->store, f->round_id, NULL);
  g_autoptr(AwdNomination) nomination = g_list_model_get_item (nominations, 0);
  g_autoptr(AwdPrintJob) job = awd_print_job_load (f->store, AWD_PRINT_DOSSIER, 0,
                                                   awd_nomination_get_id (nomination), &error);
  g_autofree char *pdf = g_build_filename (f->dir, "dossier.pdf", NULL);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  if (job == NULL)
    return;
  g_assert_cmpint (awd_print_run (GTK_WINDOW (f->window), job, NULL,
                                  GTK_PRINT_OPERATION_ACTION_EXPORT, pdf),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  text = awd_gui_pdf_text (pdf);
  g_assert_nonnull (text);
  if (text != NULL)
    g_assert_nonnull (strstr (text, awd_nomination_get_ref (nomination)));
}

int
main (int   argc,
      char *argv[])
{
  if (!awd_gui_test_init (&argc, &argv))
    return 0;

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, awd_gui_fixture_set_up, func, awd_gui_fixture_tear_down)
  ADD ("/gui/print/export-pdf", test_export_pdf);
  ADD ("/gui/print/save-pdf-action", test_save_pdf_action);
  ADD ("/gui/print/preview-draws-pages", test_preview_draws_pages);
  ADD ("/gui/print/preview-action", test_preview_action);
  ADD ("/gui/print/operation-preview", test_operation_preview);
  ADD ("/gui/print/diplomas-need-final", test_diplomas_need_final);
  ADD ("/gui/print/filled-form", test_filled_form);
  ADD ("/gui/print/dossier", test_dossier);
#undef ADD

  return g_test_run ();
}
