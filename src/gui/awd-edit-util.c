/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-edit-util"

#include "config.h"

#include <glib/gi18n.h>

#include <adwaita.h>
#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "awd-edit-util.h"
#include "awd-round.h"

/* Every edit is saved at once: when the person presses Enter, leaves the
 * entry, or (for free text) stops typing for a moment. A watch remembers the
 * text last stored, so leaving an unchanged entry writes nothing. */
#define DEBOUNCE_MS 800

typedef struct
{
  AwdCommitFunc  func;
  gpointer       user_data;
  char          *committed;
  guint          timeout_id;
  gboolean       debounce;
  gboolean       loading;
} CommitWatch;

static void
free_watch (gpointer data)
{
  CommitWatch *watch = data;

  g_clear_handle_id (&watch->timeout_id, g_source_remove);
  g_free (watch->committed);
  g_free (watch);
}

static CommitWatch *
get_watch (GtkWidget *entry)
{
  return g_object_get_data (G_OBJECT (entry), "awd-commit-watch");
}

static void
commit_watch (GtkWidget *entry)
{
  CommitWatch *watch = get_watch (entry);
  g_autofree char *text = NULL;

  if (watch == NULL)
    return;
  g_clear_handle_id (&watch->timeout_id, g_source_remove);

  text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));
  if (g_strcmp0 (text, watch->committed) == 0)
    return;

  /* Hold the entry: a successful save may rebuild the list it lives in. */
  g_object_ref (entry);
  if (watch->func (entry, text, watch->user_data))
    {
      watch = get_watch (entry);
      if (watch != NULL)
        {
          g_free (watch->committed);
          watch->committed = g_steal_pointer (&text);
        }
    }
  g_object_unref (entry);
}

static gboolean
debounce_elapsed_cb (gpointer data)
{
  GtkWidget *entry = data;
  CommitWatch *watch = get_watch (entry);

  watch->timeout_id = 0;
  commit_watch (entry);
  return G_SOURCE_REMOVE;
}

static void
entry_changed_cb (GtkEditable *editable,
                  gpointer     data)
{
  CommitWatch *watch = get_watch (GTK_WIDGET (editable));

  if (watch == NULL || watch->loading || !watch->debounce)
    return;
  g_clear_handle_id (&watch->timeout_id, g_source_remove);
  watch->timeout_id = g_timeout_add (DEBOUNCE_MS, debounce_elapsed_cb, editable);
}

static void
entry_activated_cb (GtkWidget *entry,
                    gpointer   data)
{
  commit_watch (entry);
}

static void
focus_left_cb (GtkEventControllerFocus *controller,
               gpointer                 data)
{
  commit_watch (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
}

void
awd_entry_watch_commit (GtkWidget     *entry,
                        gboolean       debounce,
                        AwdCommitFunc  func,
                        gpointer       user_data)
{
  CommitWatch *watch;
  GtkEventController *focus;

  g_return_if_fail (GTK_IS_EDITABLE (entry));

  watch = g_new0 (CommitWatch, 1);
  watch->func = func;
  watch->user_data = user_data;
  watch->debounce = debounce;
  watch->committed = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));
  g_object_set_data_full (G_OBJECT (entry), "awd-commit-watch", watch, free_watch);

  g_signal_connect (entry, "changed", G_CALLBACK (entry_changed_cb), NULL);
  if (g_signal_lookup ("activate", G_OBJECT_TYPE (entry)) != 0)
    g_signal_connect (entry, "activate", G_CALLBACK (entry_activated_cb), NULL);
  else if (ADW_IS_ENTRY_ROW (entry))
    g_signal_connect (entry, "entry-activated", G_CALLBACK (entry_activated_cb), NULL);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (focus_left_cb), NULL);
  gtk_widget_add_controller (entry, focus);
}

/* Shows @text as the stored value, without saving it again. */
void
awd_entry_set_committed_text (GtkWidget  *entry,
                              const char *text)
{
  CommitWatch *watch = get_watch (entry);

  if (watch != NULL)
    {
      watch->loading = TRUE;
      g_clear_handle_id (&watch->timeout_id, g_source_remove);
      g_free (watch->committed);
      watch->committed = g_strdup (text != NULL ? text : "");
    }
  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  if (watch != NULL)
    watch->loading = FALSE;
}

void
awd_entry_commit_now (GtkWidget *entry)
{
  commit_watch (entry);
}

/* Accepts "0,5" as well as "0.5": Russian users type a decimal comma. */
gboolean
awd_parse_decimal (const char *text,
                   double     *out_value)
{
  g_autofree char *copy = NULL;
  char *end = NULL;
  double value;

  if (text == NULL)
    return FALSE;
  copy = g_strstrip (g_strdup (text));
  if (*copy == '\0')
    return FALSE;
  g_strdelimit (copy, ",", '.');

  errno = 0;
  value = g_ascii_strtod (copy, &end);
  if (errno != 0 || end == copy || *end != '\0' || !isfinite (value))
    return FALSE;

  *out_value = value;
  return TRUE;
}

gboolean
awd_parse_integer (const char *text,
                   int        *out_value)
{
  g_autofree char *copy = NULL;
  gint64 value;

  if (text == NULL)
    return FALSE;
  copy = g_strstrip (g_strdup (text));
  if (!g_ascii_string_to_signed (copy, 10, G_MININT, G_MAXINT, &value, NULL))
    return FALSE;

  *out_value = (int) value;
  return TRUE;
}

/* A number as the person reads it: shortest form, the locale's decimal
 * separator (a comma in Russian); awd_parse_decimal reads it back. */
char *
awd_format_decimal (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  const char *point = localeconv ()->decimal_point;
  GString *text;

  g_ascii_formatd (buffer, sizeof buffer, "%.6g", value);
  text = g_string_new (buffer);
  if (point != NULL && *point != '\0' && strcmp (point, ".") != 0)
    g_string_replace (text, ".", point, 1);
  return g_string_free (text, FALSE);
}

/* Marks an AdwActionRow as refused and says why in its subtitle; NULL
 * clears the mark and brings the row's own subtitle back. */
void
awd_row_set_error (GtkWidget  *row,
                   const char *message)
{
  const char *own;

  g_return_if_fail (ADW_IS_ACTION_ROW (row));

  if (g_object_get_data (G_OBJECT (row), "awd-own-subtitle") == NULL)
    g_object_set_data_full (G_OBJECT (row), "awd-own-subtitle",
                            g_strdup (adw_action_row_get_subtitle (ADW_ACTION_ROW (row))
                                      ? adw_action_row_get_subtitle (ADW_ACTION_ROW (row)) : ""),
                            g_free);
  own = g_object_get_data (G_OBJECT (row), "awd-own-subtitle");

  if (message != NULL)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), message);
      gtk_widget_add_css_class (row, "error");
    }
  else
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), own);
      gtk_widget_remove_css_class (row, "error");
    }
}

/* The same for a list cell: @label under the cell shows the message and
 * @marked (the entry at fault) gets the error style. */
void
awd_label_set_error (GtkWidget  *label,
                     GtkWidget  *marked,
                     const char *message)
{
  gtk_label_set_text (GTK_LABEL (label), message != NULL ? message : "");
  gtk_widget_set_visible (label, message != NULL);
  if (marked != NULL)
    {
      if (message != NULL)
        gtk_widget_add_css_class (marked, "error");
      else
        gtk_widget_remove_css_class (marked, "error");
    }
}

char *
awd_operator_name_from_settings (GSettings *settings)
{
  g_autofree char *name = NULL;

  if (settings != NULL)
    name = g_strstrip (g_settings_get_string (settings, "operator-name"));
  if (name == NULL || *name == '\0')
    return g_strdup (g_get_real_name ());
  return g_steal_pointer (&name);
}

/* "№ 4 · 2024 · title", as the sidebar and the new-round dialog name a round. */
char *
awd_round_describe (gpointer round)
{
  g_return_val_if_fail (AWD_IS_ROUND (round), NULL);

  /* Translators: a season in lists: number, year, title */
  return g_strdup_printf (_("№ %d · %d · %s"),
                          awd_round_get_number (round),
                          awd_round_get_year (round),
                          awd_round_get_title (round) != NULL ? awd_round_get_title (round) : "");
}
