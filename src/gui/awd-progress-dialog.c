/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-progress-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "awd-progress-dialog.h"

struct _AwdProgressDialog
{
  AdwWindow     parent_instance;

  GCancellable *cancellable;
  guint         timeout_id;
  /* Written by the worker, read by the timeout. */
  GMutex        lock;
  guint64       done;
  guint64       total;

  GtkWidget    *heading_label;
  GtkWidget    *detail_label;
  GtkWidget    *progress_bar;
  GtkWidget    *cancel_button;
};

G_DEFINE_FINAL_TYPE (AwdProgressDialog, awd_progress_dialog, ADW_TYPE_WINDOW)

static gboolean
update_bar_cb (gpointer user_data)
{
  AwdProgressDialog *self = user_data;
  guint64 done, total;

  g_mutex_lock (&self->lock);
  done = self->done;
  total = self->total;
  g_mutex_unlock (&self->lock);

  if (total > 0)
    {
      double fraction = CLAMP ((double) done / (double) total, 0.0, 1.0);
      g_autofree char *text = g_strdup_printf ("%d %%", (int) (fraction * 100 + 0.5));

      gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->progress_bar), fraction);
      gtk_progress_bar_set_text (GTK_PROGRESS_BAR (self->progress_bar), text);
    }
  else
    gtk_progress_bar_pulse (GTK_PROGRESS_BAR (self->progress_bar));
  return G_SOURCE_CONTINUE;
}

static void
cancel_clicked_cb (AwdProgressDialog *self)
{
  g_cancellable_cancel (self->cancellable);
  gtk_widget_set_sensitive (self->cancel_button, FALSE);
  gtk_label_set_text (GTK_LABEL (self->detail_label), _("Cancelling…"));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  cancel_clicked_cb (AWD_PROGRESS_DIALOG (widget));
}

static void
awd_progress_dialog_dispose (GObject *object)
{
  AwdProgressDialog *self = AWD_PROGRESS_DIALOG (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), AWD_TYPE_PROGRESS_DIALOG);

  G_OBJECT_CLASS (awd_progress_dialog_parent_class)->dispose (object);
}

static void
awd_progress_dialog_finalize (GObject *object)
{
  g_mutex_clear (&AWD_PROGRESS_DIALOG (object)->lock);

  G_OBJECT_CLASS (awd_progress_dialog_parent_class)->finalize (object);
}

static void
awd_progress_dialog_class_init (AwdProgressDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = awd_progress_dialog_dispose;
  object_class->finalize = awd_progress_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/ru/libfl/AwardDesk/awd-progress-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AwdProgressDialog, heading_label);
  gtk_widget_class_bind_template_child (widget_class, AwdProgressDialog, detail_label);
  gtk_widget_class_bind_template_child (widget_class, AwdProgressDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, AwdProgressDialog, cancel_button);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);

  gtk_widget_class_install_action (widget_class, "progress.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "progress.cancel", NULL);
}

static void
awd_progress_dialog_init (AwdProgressDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_mutex_init (&self->lock);
  self->timeout_id = g_timeout_add (100, update_bar_cb, self);
}

AwdProgressDialog *
awd_progress_dialog_new (GtkWindow    *parent,
                         const char   *heading,
                         const char   *detail,
                         GCancellable *cancellable)
{
  AwdProgressDialog *self = g_object_new (AWD_TYPE_PROGRESS_DIALOG,
                                          "transient-for", parent,
                                          "title", heading,
                                          NULL);

  self->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  gtk_widget_set_visible (self->cancel_button, cancellable != NULL);
  gtk_label_set_text (GTK_LABEL (self->heading_label), heading);
  gtk_label_set_text (GTK_LABEL (self->detail_label), detail);
  gtk_widget_set_visible (self->detail_label, detail != NULL);
  return self;
}

void
awd_progress_dialog_report (AwdProgressDialog *self,
                            guint64            done,
                            guint64            total)
{
  g_mutex_lock (&self->lock);
  self->done = done;
  self->total = total;
  g_mutex_unlock (&self->lock);
}

double
awd_progress_dialog_get_fraction (AwdProgressDialog *self)
{
  g_return_val_if_fail (AWD_IS_PROGRESS_DIALOG (self), 0);

  update_bar_cb (self);
  return gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (self->progress_bar));
}
