/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "awd-print-job.h"

G_BEGIN_DECLS

/* The pages of a job drawn in the application, one at a time, with the
 * report's own draw_page() (no external viewer): page navigation, the
 * whole page or the page's width in the window, and Print… / Save as PDF…
 * from there. */

#define AWD_TYPE_PRINT_PREVIEW (awd_print_preview_get_type ())

G_DECLARE_FINAL_TYPE (AwdPrintPreview, awd_print_preview, AWD, PRINT_PREVIEW, AdwWindow)

/* @documents: the job's documents as laid out for @page_setup (nullable:
 * A4), printed one after the other. */
GtkWidget *awd_print_preview_new       (GtkWindow        *parent,
                                        AwdPrintJob      *job,
                                        GPtrArray        *documents,
                                        GtkPageSetup     *page_setup);
guint      awd_print_preview_get_n_pages (AwdPrintPreview *self);
guint      awd_print_preview_get_page    (AwdPrintPreview *self);
/* @page: 0-based; clamped to the last page. */
void       awd_print_preview_set_page    (AwdPrintPreview *self,
                                          guint            page);
/* What the drawing area draws for the current page in @width × @height
 * pixels (exposed so that tests draw through the same path). */
void       awd_print_preview_draw        (AwdPrintPreview *self,
                                          cairo_t         *cr,
                                          int              width,
                                          int              height);

G_END_DECLS
