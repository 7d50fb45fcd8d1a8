/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-date-entry"

#include "config.h"

#include <glib/gi18n.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "awd-date-entry.h"

/* Built in C: a list-cell-sized compound of an entry and a calendar popover
 * (no template of its own, like the cells). */
struct _AwdDateEntry
{
  GtkBox     parent_instance;

  GtkWidget *entry;
  GtkWidget *button;
  GtkWidget *calendar;
  char      *committed;   /* ISO, as last shown or committed */
  gboolean   loading;
};

G_DEFINE_FINAL_TYPE (AwdDateEntry, awd_date_entry, GTK_TYPE_BOX)

enum {
  COMMITTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

char *
awd_date_format_display (const char *iso)
{
  int y, m, d;
  g_autoptr(GDateTime) dt = NULL;

  if (iso == NULL || *iso == '\0')
    return g_strdup ("");
  if (sscanf (iso, "%d-%d-%d", &y, &m, &d) != 3 ||
      (dt = g_date_time_new_local (y, m, d, 12, 0, 0)) == NULL)
    return g_strdup (iso);
  /* %x: the locale's own way: 31.10.2024 in Russian, 10/31/24 in C. */
  return g_date_time_format (dt, "%x");
}

static gboolean
valid_dmy (int d,
           int m,
           int y)
{
  return y >= 1000 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
         g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

char *
awd_date_parse_display (const char *text)
{
  g_autofree char *copy = NULL;
  g_autoptr(GDate) date = NULL;
  int a, b, c;
  char s1, s2, end;

  if (text == NULL)
    return g_strdup ("");
  copy = g_strstrip (g_strdup (text));
  if (*copy == '\0')
    return g_strdup ("");

  if (sscanf (copy, "%d-%d-%d%c", &a, &b, &c, &end) == 3 && strlen (copy) == 10 && valid_dmy (c, b, a))
    return g_strdup_printf ("%04d-%02d-%02d", a, b, c);
  /* Day first, as Russians write it, with dots, slashes or dashes. */
  if (sscanf (copy, "%d%c%d%c%d%c", &a, &s1, &b, &s2, &c, &end) == 5 &&
      s1 == s2 && strchr ("./-", s1) != NULL && valid_dmy (a, b, c))
    return g_strdup_printf ("%04d-%02d-%02d", c, b, a);

  /* The locale's own form, whatever it is (%x as GDate reads it). */
  date = g_date_new ();
  g_date_set_parse (date, copy);
  if (g_date_valid (date) && g_date_get_year (date) >= 1000)
    return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date),
                            g_date_get_month (date), g_date_get_day (date));
  return NULL;
}

static void
show_iso (AwdDateEntry *self,
          const char   *iso)
{
  g_autofree char *shown = awd_date_format_display (iso);

  self->loading = TRUE;
  g_free (self->committed);
  self->committed = g_strdup (iso != NULL ? iso : "");
  gtk_editable_set_text (GTK_EDITABLE (self->entry), shown);
  self->loading = FALSE;
}

static void
commit (AwdDateEntry *self)
{
  g_autofree char *iso = awd_date_entry_dup_iso (self);

  if (self->loading)
    return;
  if (iso != NULL && g_strcmp0 (iso, self->committed) == 0)
    return;
  if (iso != NULL)
    {
      g_free (self->committed);
      self->committed = g_strdup (iso);
    }
  g_signal_emit (self, signals[COMMITTED], 0);
}

static void
entry_activated_cb (GtkEntry     *entry,
                    AwdDateEntry *self)
{
  commit (self);
}

static void
focus_left_cb (GtkEventControllerFocus *controller,
               AwdDateEntry            *self)
{
  commit (self);
}

static void
day_selected_cb (GtkCalendar  *calendar,
                 AwdDateEntry *self)
{
  g_autoptr(GDateTime) dt = gtk_calendar_get_date (calendar);
  g_autofree char *iso = g_date_time_format (dt, "%Y-%m-%d");

  g_autofree char *shown = awd_date_format_display (iso);

  if (self->loading)
    return;
  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->entry), shown);
  self->loading = FALSE;
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->button));
  commit (self);
}

static void
popover_shown_cb (GtkPopover   *popover,
                  AwdDateEntry *self)
{
  g_autofree char *iso = awd_date_entry_dup_iso (self);
  int y, m, d;

  if (iso != NULL && sscanf (iso, "%d-%d-%d", &y, &m, &d) == 3)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_local (y, m, d, 12, 0, 0);
      self->loading = TRUE;
      if (dt != NULL)
        gtk_calendar_select_day (GTK_CALENDAR (self->calendar), dt);
      self->loading = FALSE;
    }
}

static void
awd_date_entry_dispose (GObject *object)
{
  AwdDateEntry *self = AWD_DATE_ENTRY (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->entry = self->button = self->calendar = NULL;

  G_OBJECT_CLASS (awd_date_entry_parent_class)->dispose (object);
}

static void
awd_date_entry_finalize (GObject *object)
{
  AwdDateEntry *self = AWD_DATE_ENTRY (object);

  g_free (self->committed);

  G_OBJECT_CLASS (awd_date_entry_parent_class)->finalize (object);
}

static void
awd_date_entry_class_init (AwdDateEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = awd_date_entry_dispose;
  object_class->finalize = awd_date_entry_finalize;

  signals[COMMITTED] =
    g_signal_new ("committed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
awd_date_entry_init (AwdDateEntry *self)
{
  GtkWidget *popover;
  GtkEventController *focus;

  self->committed = g_strdup ("");
  gtk_widget_add_css_class (GTK_WIDGET (self), "linked");
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);

  self->entry = gtk_entry_new ();
  gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), 11);
  /* Translators: the hint in an empty date field */
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry), _("dd.mm.yyyy"));
  g_signal_connect (self->entry, "activate", G_CALLBACK (entry_activated_cb), self);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (focus_left_cb), self);
  gtk_widget_add_controller (self->entry, focus);
  gtk_box_append (GTK_BOX (self), self->entry);

  self->calendar = gtk_calendar_new ();
  g_signal_connect (self->calendar, "day-selected", G_CALLBACK (day_selected_cb), self);
  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), self->calendar);
  g_signal_connect (popover, "show", G_CALLBACK (popover_shown_cb), self);

  self->button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->button), "x-office-calendar-symbolic");
  gtk_widget_set_tooltip_text (self->button, _("Pick the date on a calendar"));
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->button), popover);
  gtk_box_append (GTK_BOX (self), self->button);
}

GtkWidget *
awd_date_entry_new (void)
{
  return g_object_new (AWD_TYPE_DATE_ENTRY, NULL);
}

char *
awd_date_entry_dup_iso (AwdDateEntry *self)
{
  g_return_val_if_fail (AWD_IS_DATE_ENTRY (self), NULL);

  return awd_date_parse_display (gtk_editable_get_text (GTK_EDITABLE (self->entry)));
}

void
awd_date_entry_set_iso (AwdDateEntry *self,
                        const char   *iso)
{
  g_return_if_fail (AWD_IS_DATE_ENTRY (self));

  show_iso (self, iso);
}

GtkWidget *
awd_date_entry_get_entry (AwdDateEntry *self)
{
  g_return_val_if_fail (AWD_IS_DATE_ENTRY (self), NULL);

  return self->entry;
}
