/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-print-preview"

#include "config.h"

#include <glib/gi18n.h>

#include "awd-print-actions.h"
#include "awd-print-preview.h"

struct _AwdPrintPreview
{
  AdwWindow     parent_instance;

  AwdPrintJob  *job;
  GPtrArray    *documents;
  GtkPageSetup *page_setup;
  guint         n_pages;
  guint         page;

  GtkWidget    *window_title;
  GtkWidget    *fit_width_button;
  GtkWidget    *scroller;
  GtkWidget    *area;
};

G_DEFINE_FINAL_TYPE (AwdPrintPreview, awd_print_preview, ADW_TYPE_WINDOW)

/* Pixels of grey around the page. */
#define PAGE_PADDING 24.0

static AwdReportDocument *
find_page (AwdPrintPreview *self,
           guint            page,
           guint           *page_in_document)
{
  for (guint i = 0; i < self->documents->len; i++)
    {
      AwdReportDocument *document = g_ptr_array_index (self->documents, i);
      guint n = awd_report_document_get_n_pages (document);

      if (page < n)
        {
          *page_in_document = page;
          return document;
        }
      page -= n;
    }
  return NULL;
}

static void
update_page_state (AwdPrintPreview *self)
{
  /* Translators: the preview's subtitle */
  g_autofree char *subtitle = g_strdup_printf (_("Page %u of %u"), self->page + 1, self->n_pages);

  adw_window_title_set_subtitle (ADW_WINDOW_TITLE (self->window_title), subtitle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.previous", self->page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.next", self->page + 1 < self->n_pages);
  gtk_widget_queue_draw (self->area);
}

static void
draw_area_cb (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  awd_print_preview_draw (AWD_PRINT_PREVIEW (user_data), cr, width, height);
}

/* Fitting the width: the area is as tall as the page at that scale, and
 * the window scrolls. */
static void
update_content_height (AwdPrintPreview *self)
{
  guint in_document;
  AwdReportDocument *document = find_page (self, self->page, &in_document);
  const AwdReportPageSetup *setup;
  int width = gtk_widget_get_width (self->scroller);

  if (document == NULL || !gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->fit_width_button)))
    {
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->area), 0);
      return;
    }
  setup = awd_report_document_get_page_setup (document);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->area),
                                       (int) ((width - 2 * PAGE_PADDING) * setup->height / setup->width
                                              + 2 * PAGE_PADDING));
}

static void
fit_width_toggled_cb (AwdPrintPreview *self)
{
  update_content_height (self);
  gtk_widget_queue_draw (self->area);
}

static void
area_resized_cb (GtkDrawingArea  *area,
                 int              width,
                 int              height,
                 AwdPrintPreview *self)
{
  if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->fit_width_button)))
    update_content_height (self);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AwdPrintPreview *self = AWD_PRINT_PREVIEW (widget);

  if (self->page > 0)
    awd_print_preview_set_page (self, self->page - 1);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AwdPrintPreview *self = AWD_PRINT_PREVIEW (widget);

  awd_print_preview_set_page (self, self->page + 1);
}

static void
first_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  awd_print_preview_set_page (AWD_PRINT_PREVIEW (widget), 0);
}

static void
last_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AwdPrintPreview *self = AWD_PRINT_PREVIEW (widget);

  awd_print_preview_set_page (self, self->n_pages > 0 ? self->n_pages - 1 : 0);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AwdPrintPreview *self = AWD_PRINT_PREVIEW (widget);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  awd_print_run (parent != NULL ? parent : GTK_WINDOW (self), self->job, self->documents,
                 GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL);
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_pdf_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AwdPrintPreview *self = AWD_PRINT_PREVIEW (widget);

  awd_print_save_pdf (GTK_WINDOW (self), self->job);
}

static void
awd_print_preview_dispose (GObject *object)
{
  AwdPrintPreview *self = AWD_PRINT_PREVIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), AWD_TYPE_PRINT_PREVIEW);
  g_clear_pointer (&self->job, awd_print_job_unref);
  g_clear_pointer (&self->documents, g_ptr_array_unref);
  g_clear_object (&self->page_setup);

  G_OBJECT_CLASS (awd_print_preview_parent_class)->dispose (object);
}

static void
awd_print_preview_class_init (AwdPrintPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = awd_print_preview_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/ru/libfl/AwardDesk/awd-print-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, AwdPrintPreview, window_title);
  gtk_widget_class_bind_template_child (widget_class, AwdPrintPreview, fit_width_button);
  gtk_widget_class_bind_template_child (widget_class, AwdPrintPreview, scroller);
  gtk_widget_class_bind_template_child (widget_class, AwdPrintPreview, area);
  gtk_widget_class_bind_template_callback (widget_class, fit_width_toggled_cb);

  gtk_widget_class_install_action (widget_class, "preview.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "preview.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "preview.first", NULL, first_action);
  gtk_widget_class_install_action (widget_class, "preview.last", NULL, last_action);
  gtk_widget_class_install_action (widget_class, "preview.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "preview.save-pdf", NULL, save_pdf_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "preview.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "preview.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "preview.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "preview.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "preview.first", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "preview.last", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "preview.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
awd_print_preview_init (AwdPrintPreview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->area), draw_area_cb, self, NULL);
  g_signal_connect (self->area, "resize", G_CALLBACK (area_resized_cb), self);
}

GtkWidget *
awd_print_preview_new (GtkWindow    *parent,
                       AwdPrintJob  *job,
                       GPtrArray    *documents,
                       GtkPageSetup *page_setup)
{
  AwdPrintPreview *self;

  g_return_val_if_fail (job != NULL, NULL);
  g_return_val_if_fail (documents != NULL, NULL);

  self = g_object_new (AWD_TYPE_PRINT_PREVIEW, "transient-for", parent, NULL);
  self->job = awd_print_job_ref (job);
  self->documents = g_ptr_array_ref (documents);
  self->page_setup = page_setup != NULL ? g_object_ref (page_setup) : NULL;
  for (guint i = 0; i < documents->len; i++)
    self->n_pages += awd_report_document_get_n_pages (g_ptr_array_index (documents, i));

  adw_window_title_set_title (ADW_WINDOW_TITLE (self->window_title), awd_print_job_get_title (job));
  update_page_state (self);
  return GTK_WIDGET (self);
}

guint
awd_print_preview_get_n_pages (AwdPrintPreview *self)
{
  g_return_val_if_fail (AWD_IS_PRINT_PREVIEW (self), 0);
  return self->n_pages;
}

guint
awd_print_preview_get_page (AwdPrintPreview *self)
{
  g_return_val_if_fail (AWD_IS_PRINT_PREVIEW (self), 0);
  return self->page;
}

void
awd_print_preview_set_page (AwdPrintPreview *self,
                            guint            page)
{
  g_return_if_fail (AWD_IS_PRINT_PREVIEW (self));

  if (self->n_pages == 0)
    return;
  page = MIN (page, self->n_pages - 1);
  if (page == self->page)
    return;
  self->page = page;
  update_content_height (self);
  update_page_state (self);
}

void
awd_print_preview_draw (AwdPrintPreview *self,
                        cairo_t         *cr,
                        int              width,
                        int              height)
{
  const AwdReportPageSetup *setup;
  AwdReportDocument *document;
  guint in_document;
  double scale, x, y;

  g_return_if_fail (AWD_IS_PRINT_PREVIEW (self));

  cairo_set_source_rgb (cr, 0.55, 0.56, 0.58);
  cairo_paint (cr);

  document = find_page (self, self->page, &in_document);
  if (document == NULL)
    return;
  setup = awd_report_document_get_page_setup (document);

  scale = (width - 2 * PAGE_PADDING) / setup->width;
  if (!gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->fit_width_button)))
    scale = MIN (scale, (height - 2 * PAGE_PADDING) / setup->height);
  if (scale <= 0)
    return;
  x = (width - setup->width * scale) / 2;
  y = MAX (PAGE_PADDING, (height - setup->height * scale) / 2);
  if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->fit_width_button)))
    y = PAGE_PADDING;

  /* A soft shadow, then the sheet of paper. */
  cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
  cairo_rectangle (cr, x + 2, y + 3, setup->width * scale, setup->height * scale);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, setup->width * scale, setup->height * scale);
  cairo_fill (cr);

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  cairo_rectangle (cr, 0, 0, setup->width, setup->height);
  cairo_clip (cr);
  awd_report_document_draw_page (document, cr, in_document);
  cairo_restore (cr);
}
