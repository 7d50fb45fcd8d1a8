/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-nomination-editor"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "awd-country-item.h"
#include "awd-date-entry.h"
#include "awd-edit-util.h"
#include "awd-fold.h"
#include "awd-nomination-editor-private.h"
#include "awd-store-nomination-rows.h"
#include "awd-store-nominations.h"

G_DEFINE_FINAL_TYPE (AwdNominationEditor, awd_nomination_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_NOMINATION_ID,
  PROP_DEFAULT_CATEGORY_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
row_of (GtkWidget *widget)
{
  return gtk_widget_get_ancestor (widget, ADW_TYPE_ACTION_ROW);
}

AwdStore *
awd_nomination_editor_get_store (AwdNominationEditor *self)
{
  return awd_context_get_store (self->context);
}

static gboolean
is_blank (const char *text)
{
  return text == NULL || text[strspn (text, " \t\r\n")] == '\0';
}

void
awd_nomination_editor_show_toast (AwdNominationEditor *self,
                                  const char          *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (self->toast_overlay), toast);
}

/* Tells the nominations page that the stored nomination changed. */
void
awd_nomination_editor_emit_saved (AwdNominationEditor *self)
{
  g_signal_emit (self, signals[SAVED], 0, awd_nomination_get_id (self->nomination));
}

static void
update_title (AwdNominationEditor *self)
{
  gint64 id = awd_nomination_get_id (self->nomination);
  g_autofree char *title = NULL;

  if (id == 0)
    title = g_strdup (_("New Nomination"));
  else
    /* Translators: the editor's title; %s is the reference number */
    title = g_strdup_printf (_("Nomination %s"), awd_nomination_get_ref (self->nomination));
  adw_window_title_set_title (ADW_WINDOW_TITLE (self->window_title), title);
  adw_window_title_set_subtitle (ADW_WINDOW_TITLE (self->window_title),
                                 awd_nomination_get_title (self->nomination) != NULL
                                 ? awd_nomination_get_title (self->nomination) : "");
  gtk_window_set_title (GTK_WINDOW (self), title);

  /* Partners and attachments hang on a stored nomination. */
  gtk_widget_set_sensitive (self->partners_group, self->editable && id > 0);
  gtk_widget_set_sensitive (self->attachments_group, self->editable && id > 0);
  gtk_widget_set_visible (self->info_strip, !self->editable || id == 0);
  if (!self->editable)
    gtk_label_set_text (GTK_LABEL (self->info_strip),
                        _("This nomination cannot change: the season is final or the database is open read-only."));
  else if (id == 0)
    gtk_label_set_text (GTK_LABEL (self->info_strip),
                        _("The nomination is stored as soon as it has a title; then partners and attachments can be added."));
}

/* Stores @copy (inserting a new nomination once it has a title); on
 * success it becomes the shown nomination. */
static gboolean
store_copy (AwdNominationEditor  *self,
            AwdNomination        *copy,
            GError              **error)
{
  AwdStore *store = awd_nomination_editor_get_store (self);

  if (awd_nomination_get_id (copy) == 0)
    {
      if (is_blank (awd_nomination_get_title (copy)))
        {
          /* Not storable yet: check the rest with a stand-in title. */
          g_autoptr(AwdNomination) probe = awd_nomination_copy (copy);
          awd_nomination_set_title (probe, "-");
          if (!awd_store_validate_nomination (store, probe, error))
            return FALSE;
        }
      else if (!awd_store_insert_nomination (store, copy, error))
        return FALSE;
    }
  else if (!awd_store_save_nomination (store, copy, error))
    return FALSE;

  g_set_object (&self->nomination, copy);
  update_title (self);
  if (awd_nomination_get_id (copy) > 0)
    g_signal_emit (self, signals[SAVED], 0, awd_nomination_get_id (copy));
  return TRUE;
}

/* Sets @n_values properties on a copy and stores it; the row shows why
 * when the store refuses. */
static gboolean
save_values (AwdNominationEditor *self,
             GtkWidget           *row,
             guint                n_values,
             const char          *names[],
             const GValue         values[])
{
  g_autoptr(AwdNomination) copy = awd_nomination_copy (self->nomination);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n_values; i++)
    g_object_set_property (G_OBJECT (copy), names[i], &values[i]);
  if (!store_copy (self, copy, &error))
    {
      g_debug ("Nomination refused: %s", error->message);
      if (row != NULL)
        awd_row_set_error (row, error->message);
      else
        awd_nomination_editor_show_toast (self, error->message);
      return FALSE;
    }
  if (row != NULL)
    awd_row_set_error (row, NULL);
  return TRUE;
}

static gboolean
save_string (AwdNominationEditor *self,
             GtkWidget           *row,
             const char          *property,
             const char          *text)
{
  g_auto(GValue) value = G_VALUE_INIT;
  const char *names[] = { property };

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, is_blank (text) ? NULL : text);
  return save_values (self, row, 1, names, &value);
}

/* A web address: http(s) with a host that has a dot; "www.example.org" is
 * taken as https://www.example.org. NULL when it is not one. */
static char *
normalize_url (const char *text)
{
  g_autofree char *candidate = NULL;
  g_autoptr(GUri) uri = NULL;
  const char *host;

  candidate = strstr (text, "://") != NULL ? g_strdup (text) : g_strconcat ("https://", text, NULL);
  uri = g_uri_parse (candidate, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    return NULL;
  host = g_uri_get_host (uri);
  if ((g_strcmp0 (g_uri_get_scheme (uri), "http") != 0 && g_strcmp0 (g_uri_get_scheme (uri), "https") != 0) ||
      host == NULL || strchr (host, '.') == NULL || strchr (text, ' ') != NULL)
    return NULL;
  return g_steal_pointer (&candidate);
}

static char *
duplicate_key (const char *title,
               const char *institution)
{
  g_autofree char *key = g_strconcat (title != NULL ? title : "", "\n",
                                      institution != NULL ? institution : "", NULL);
  return g_utf8_casefold (key, -1);
}

typedef struct
{
  AwdNominationEditor *self;
  GtkWidget           *entry;
  char                *property;
  char                *text;
  gboolean             answered;
} PendingSave;

static void
pending_save_free (PendingSave *pending,
                   GClosure    *closure)
{
  g_object_unref (pending->self);
  g_object_unref (pending->entry);
  g_free (pending->property);
  g_free (pending->text);
  g_free (pending);
}

static void
duplicate_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       PendingSave      *pending)
{
  AwdNominationEditor *self = pending->self;
  char *stored = NULL;

  /* One answer per question, however often "response" comes. */
  if (pending->answered)
    return;
  pending->answered = TRUE;
  self->asking = FALSE;
  if (g_strcmp0 (response, "save") == 0)
    {
      g_free (self->confirmed_pair);
      self->confirmed_pair = duplicate_key (g_strcmp0 (pending->property, "title") == 0
                                            ? pending->text : awd_nomination_get_title (self->nomination),
                                            g_strcmp0 (pending->property, "institution") == 0
                                            ? pending->text : awd_nomination_get_institution (self->nomination));
      if (save_string (self, row_of (pending->entry), pending->property, pending->text))
        awd_entry_set_committed_text (pending->entry, pending->text);
    }
  else
    {
      /* Show what is stored again. */
      g_object_get (self->nomination, pending->property, &stored, NULL);
      awd_entry_set_committed_text (pending->entry, stored);
      g_free (stored);
    }
}

/* Asks before saving a title and institution that another nomination of
 * the round already has; TRUE when no question is needed. */
static gboolean
check_duplicate (AwdNominationEditor *self,
                 GtkWidget           *entry,
                 const char          *property,
                 const char          *text)
{
  const char *title = g_strcmp0 (property, "title") == 0 ? text : awd_nomination_get_title (self->nomination);
  const char *institution = g_strcmp0 (property, "institution") == 0
                            ? text : awd_nomination_get_institution (self->nomination);
  g_autofree char *key = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AwdNomination) other = NULL;
  PendingSave *pending;
  GtkWidget *dialog;
  gint64 found;

  if (is_blank (title) || is_blank (institution))
    return TRUE;
  key = duplicate_key (title, institution);
  if (g_strcmp0 (key, self->confirmed_pair) == 0)
    return TRUE;

  found = awd_store_find_nomination_duplicate (awd_nomination_editor_get_store (self),
                                               awd_nomination_get_round_id (self->nomination),
                                               awd_nomination_get_id (self->nomination),
                                               title, institution, &error);
  if (found <= 0)
    return TRUE;
  other = awd_store_get_nomination (awd_nomination_editor_get_store (self), found, NULL);

  pending = g_new0 (PendingSave, 1);
  pending->self = g_object_ref (self);
  pending->entry = g_object_ref (entry);
  pending->property = g_strdup (property);
  pending->text = g_strdup (text);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Possibly a Duplicate"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("Nomination %s of this season already has the title “%s” from “%s”. Save this one all the same?"),
                                  other != NULL ? awd_nomination_get_ref (other) : "?", title, institution);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save Anyway"),
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (duplicate_response_cb), pending,
                         (GClosureNotify) (void (*) (void)) pending_save_free, 0);
  self->asking = TRUE;
  gtk_window_present (GTK_WINDOW (dialog));
  return FALSE;
}

static gboolean
commit_text_cb (GtkWidget  *entry,
                const char *text,
                gpointer    user_data)
{
  AwdNominationEditor *self = user_data;
  const char *property = g_object_get_data (G_OBJECT (entry), "awd-property");
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autofree char *url = NULL;
  GtkWidget *row = row_of (entry);

  if (self->loading || self->asking || !self->editable)
    return FALSE;

  if (g_strcmp0 (property, "url") == 0 && *stripped != '\0')
    {
      url = normalize_url (stripped);
      if (url == NULL)
        {
          awd_row_set_error (row, _("Not a web address: write it like https://example.org"));
          return FALSE;
        }
      g_free (stripped);
      stripped = g_steal_pointer (&url);
    }
  if (g_strcmp0 (property, "ref") == 0 && *stripped == '\0')
    {
      awd_row_set_error (row, _("The nomination needs a reference number"));
      return FALSE;
    }
  if (g_strcmp0 (property, "status-reason") == 0)
    return FALSE;   /* handled with the status */
  if ((g_strcmp0 (property, "title") == 0 || g_strcmp0 (property, "institution") == 0) &&
      !check_duplicate (self, entry, property, stripped))
    return FALSE;

  if (!save_string (self, row, property, stripped))
    return FALSE;
  if (strcmp (stripped, text) != 0)
    awd_entry_set_committed_text (entry, stripped);
  return TRUE;
}

static void
watch_text (AwdNominationEditor *self,
            GtkWidget           *entry,
            const char          *property,
            gboolean             debounce)
{
  g_object_set_data (G_OBJECT (entry), "awd-property", (gpointer) property);
  awd_entry_watch_commit (entry, debounce, commit_text_cb, self);
}

/* Status and reason ------------------------------------------------------ */

static gboolean
status_needs_reason (guint status)
{
  return status == AWD_NOMINATION_STATUS_INELIGIBLE;
}

static void
update_reason_row (AwdNominationEditor *self)
{
  guint status = adw_combo_row_get_selected (ADW_COMBO_ROW (self->status_row));

  gtk_widget_set_visible (self->reason_row,
                          status == AWD_NOMINATION_STATUS_INELIGIBLE ||
                          status == AWD_NOMINATION_STATUS_WITHDRAWN ||
                          !is_blank (gtk_editable_get_text (GTK_EDITABLE (self->reason_entry))));
}

/* Saves the status the combo shows with the reason the entry holds; an
 * ineligible nomination must say why (the store accepts imports without). */
static gboolean
save_status (AwdNominationEditor *self)
{
  guint status = adw_combo_row_get_selected (ADW_COMBO_ROW (self->status_row));
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason_entry))));
  const char *names[] = { "status", "status-reason" };
  GValue values[2] = { G_VALUE_INIT, G_VALUE_INIT };
  gboolean ok;

  update_reason_row (self);
  if (status_needs_reason (status) && *reason == '\0')
    {
      awd_row_set_error (self->status_row, _("Not saved yet: say why below"));
      awd_row_set_error (self->reason_row, _("An ineligible nomination needs a reason"));
      gtk_widget_grab_focus (self->reason_entry);
      return FALSE;
    }

  g_value_init (&values[0], G_TYPE_INT);
  g_value_set_int (&values[0], (int) status);
  g_value_init (&values[1], G_TYPE_STRING);
  g_value_set_string (&values[1], *reason != '\0' ? reason : NULL);
  ok = save_values (self, self->status_row, 2, names, values);
  g_value_unset (&values[0]);
  g_value_unset (&values[1]);
  if (ok)
    {
      awd_row_set_error (self->reason_row, NULL);
      awd_entry_set_committed_text (self->reason_entry, reason);
    }
  return ok;
}

static gboolean
commit_reason_cb (GtkWidget  *entry,
                  const char *text,
                  gpointer    user_data)
{
  AwdNominationEditor *self = user_data;

  if (self->loading || !self->editable)
    return FALSE;
  return save_status (self);
}

static void
status_selected_cb (AdwComboRow         *row,
                    GParamSpec          *pspec,
                    AwdNominationEditor *self)
{
  if (self->loading || !self->editable ||
      adw_combo_row_get_selected (row) == (guint) awd_nomination_get_status (self->nomination))
    {
      update_reason_row (self);
      return;
    }
  save_status (self);
}

/* Category --------------------------------------------------------------- */

static void
category_selected_cb (AdwComboRow         *row,
                      GParamSpec          *pspec,
                      AwdNominationEditor *self)
{
  guint selected = adw_combo_row_get_selected (row);
  g_autoptr(AwdCategory) category = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  const char *names[] = { "category-id" };

  if (self->loading || !self->editable || self->categories == NULL ||
      selected >= g_list_model_get_n_items (self->categories))
    return;
  category = g_list_model_get_item (self->categories, selected);
  if (awd_category_get_id (category) == awd_nomination_get_category_id (self->nomination))
    return;
  g_value_init (&value, G_TYPE_INT64);
  g_value_set_int64 (&value, awd_category_get_id (category));
  save_values (self, GTK_WIDGET (row), 1, names, &value);
}

/* Dates ------------------------------------------------------------------ */

static void
date_committed_cb (AwdDateEntry        *entry,
                   AwdNominationEditor *self)
{
  const char *property = g_object_get_data (G_OBJECT (entry), "awd-property");
  g_autofree char *iso = awd_date_entry_dup_iso (entry);
  GtkWidget *row = row_of (GTK_WIDGET (entry));

  if (self->loading || !self->editable)
    return;
  if (iso == NULL)
    {
      awd_row_set_error (row, _("Not a date: write it like 31.10.2024, or pick it on the calendar"));
      return;
    }
  if (save_string (self, row, property, iso))
    awd_date_entry_set_iso (entry, iso);
}

/* Country and region -------------------------------------------------------- */

static gboolean
match_region_cb (GtkEntryCompletion *completion,
                 const char         *key,
                 GtkTreeIter        *iter,
                 gpointer            data)
{
  GtkTreeModel *model = gtk_entry_completion_get_model (completion);
  g_autofree char *name = NULL;
  g_autofree char *folded_name = NULL;
  g_autofree char *folded_key = NULL;

  gtk_tree_model_get (model, iter, 0, &name, -1);
  if (name == NULL || is_blank (key))
    return FALSE;
  /* Anywhere in the name, any case, ё as е: «моск» finds «Московская область». */
  folded_name = awd_fold (name);
  folded_key = awd_fold (key);
  return strstr (folded_name, folded_key) != NULL;
}

static void
fill_region_suggestions (AwdNominationEditor *self)
{
  GtkEntryCompletion *completion = gtk_entry_get_completion (GTK_ENTRY (self->region_entry));
  g_autoptr(GtkListStore) store = gtk_list_store_new (1, G_TYPE_STRING);
  g_auto(GStrv) names = awd_country_dup_subdivisions (awd_nomination_get_country (self->nomination));

  for (guint i = 0; names[i] != NULL; i++)
    gtk_list_store_insert_with_values (store, NULL, -1, 0, names[i], -1);
  gtk_entry_completion_set_model (completion, GTK_TREE_MODEL (store));
}

static void
country_selected_cb (GtkDropDown         *dropdown,
                     GParamSpec          *pspec,
                     AwdNominationEditor *self)
{
  AwdCountryItem *item = gtk_drop_down_get_selected_item (dropdown);
  const char *code = item != NULL ? awd_country_item_get_code (item) : "";

  if (self->loading || !self->editable ||
      g_strcmp0 (code, awd_nomination_get_country (self->nomination) != NULL
                       ? awd_nomination_get_country (self->nomination) : "") == 0)
    return;
  if (save_string (self, self->country_row, "country", code))
    fill_region_suggestions (self);
}

/* Summary (a text view, saved when left or after a pause) ------------------ */

static char *
summary_text (AwdNominationEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->summary_view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
commit_summary (AwdNominationEditor *self)
{
  g_autofree char *text = summary_text (self);
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_clear_handle_id (&self->summary_timeout, g_source_remove);
  if (self->loading || !self->editable || g_strcmp0 (stripped, self->summary_committed) == 0)
    return;
  if (save_string (self, NULL, "summary", stripped))
    {
      g_free (self->summary_committed);
      self->summary_committed = g_steal_pointer (&stripped);
      gtk_widget_remove_css_class (self->summary_label, "error");
    }
  else
    gtk_widget_add_css_class (self->summary_label, "error");
}

static gboolean
summary_pause_cb (gpointer data)
{
  AwdNominationEditor *self = data;

  self->summary_timeout = 0;
  commit_summary (self);
  return G_SOURCE_REMOVE;
}

static void
summary_changed_cb (GtkTextBuffer       *buffer,
                    AwdNominationEditor *self)
{
  if (self->loading)
    return;
  g_clear_handle_id (&self->summary_timeout, g_source_remove);
  self->summary_timeout = g_timeout_add (800, summary_pause_cb, self);
}

static void
summary_left_cb (GtkEventControllerFocus *controller,
                 AwdNominationEditor     *self)
{
  commit_summary (self);
}

/* Loading ----------------------------------------------------------------------- */

static void
show_text (GtkWidget  *entry,
           const char *text)
{
  awd_entry_set_committed_text (entry, text);
  awd_row_set_error (row_of (entry), NULL);
}

static void
load_nomination (AwdNominationEditor *self)
{
  AwdNomination *n = self->nomination;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->summary_view));
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint category_position = 0;

  self->loading = TRUE;
  show_text (self->ref_entry, awd_nomination_get_ref (n));
  show_text (self->title_entry, awd_nomination_get_title (n));
  show_text (self->title_en_entry, awd_nomination_get_title_en (n));
  show_text (self->reason_entry, awd_nomination_get_status_reason (n));
  show_text (self->institution_entry, awd_nomination_get_institution (n));
  show_text (self->city_entry, awd_nomination_get_city (n));
  show_text (self->region_entry, awd_nomination_get_region (n));
  show_text (self->contact_entry, awd_nomination_get_contact_name (n));
  show_text (self->email_entry, awd_nomination_get_contact_email (n));
  show_text (self->phone_entry, awd_nomination_get_contact_phone (n));
  show_text (self->url_entry, awd_nomination_get_url (n));
  awd_date_entry_set_iso (AWD_DATE_ENTRY (self->received_entry), awd_nomination_get_received (n));
  awd_date_entry_set_iso (AWD_DATE_ENTRY (self->start_entry), awd_nomination_get_period_start (n));
  awd_date_entry_set_iso (AWD_DATE_ENTRY (self->end_entry), awd_nomination_get_period_end (n));
  gtk_text_buffer_set_text (buffer, awd_nomination_get_summary (n) != NULL ? awd_nomination_get_summary (n) : "", -1);
  g_free (self->summary_committed);
  self->summary_committed = g_strdup (awd_nomination_get_summary (n) != NULL ? awd_nomination_get_summary (n) : "");

  for (guint i = 0; self->categories != NULL && i < g_list_model_get_n_items (self->categories); i++)
    {
      g_autoptr(AwdCategory) category = g_list_model_get_item (self->categories, i);
      gtk_string_list_append (names, awd_category_get_name (category));
      if (awd_category_get_id (category) == awd_nomination_get_category_id (n))
        category_position = i;
    }
  adw_combo_row_set_model (ADW_COMBO_ROW (self->category_row), G_LIST_MODEL (names));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->category_row), category_position);
  gtk_widget_set_visible (self->category_row, g_list_model_get_n_items (G_LIST_MODEL (names)) > 0);

  adw_combo_row_set_selected (ADW_COMBO_ROW (self->status_row), (guint) awd_nomination_get_status (n));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->country_dropdown),
                              awd_country_items_find (awd_nomination_get_country (n)));
  update_reason_row (self);
  fill_region_suggestions (self);
  awd_nomination_editor_load_partners (self);
  awd_nomination_editor_load_attachments (self);
  update_title (self);
  self->loading = FALSE;
}

/* GObject ----------------------------------------------------------------------- */

static void
awd_nomination_editor_constructed (GObject *object)
{
  AwdNominationEditor *self = AWD_NOMINATION_EDITOR (object);
  AwdRound *round = awd_context_get_round (self->context);
  AwdStore *store = awd_nomination_editor_get_store (self);
  g_autoptr(GError) error = NULL;

  G_OBJECT_CLASS (awd_nomination_editor_parent_class)->constructed (object);

  self->editable = round != NULL && awd_round_get_status (round) != AWD_ROUND_STATUS_FINAL &&
                   !awd_context_is_read_only (self->context);
  if (self->initial_id > 0)
    self->nomination = awd_store_get_nomination (store, self->initial_id, &error);
  if (self->nomination == NULL)
    {
      g_autofree char *ref = NULL;

      if (error != NULL)
        g_warning ("Cannot open nomination %" G_GINT64_FORMAT ": %s", self->initial_id, error->message);
      self->nomination = awd_nomination_new ();
      if (round != NULL)
        {
          awd_nomination_set_round_id (self->nomination, awd_round_get_id (round));
          ref = awd_store_propose_nomination_ref (store, awd_round_get_id (round),
                                                  awd_round_get_year (round), NULL);
          /* Received today, unless the person says otherwise. */
          {
            g_autoptr(GDateTime) now = g_date_time_new_now_local ();
            g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
            awd_nomination_set_received (self->nomination, today);
          }
        }
      awd_nomination_set_ref (self->nomination, ref);
      awd_nomination_set_category_id (self->nomination, self->default_category_id);
    }
  if (awd_nomination_get_round_id (self->nomination) > 0)
    self->categories = awd_store_list_categories (store, awd_nomination_get_round_id (self->nomination), NULL);
  if (self->categories != NULL && awd_nomination_get_category_id (self->nomination) <= 0 &&
      g_list_model_get_n_items (self->categories) > 0)
    {
      g_autoptr(AwdCategory) first = g_list_model_get_item (self->categories, 0);
      awd_nomination_set_category_id (self->nomination, awd_category_get_id (first));
    }

  gtk_widget_set_sensitive (self->nomination_group, self->editable);
  gtk_widget_set_sensitive (self->institution_group, self->editable);
  gtk_widget_set_sensitive (self->project_group, self->editable);
  gtk_widget_set_sensitive (self->contact_group, self->editable);
  load_nomination (self);
  gtk_widget_grab_focus (awd_nomination_get_id (self->nomination) == 0 ? self->title_entry : self->ref_entry);
}

static void
awd_nomination_editor_dispose (GObject *object)
{
  AwdNominationEditor *self = AWD_NOMINATION_EDITOR (object);

  g_clear_handle_id (&self->summary_timeout, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), AWD_TYPE_NOMINATION_EDITOR);
  g_clear_object (&self->nomination);
  g_clear_object (&self->categories);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (awd_nomination_editor_parent_class)->dispose (object);
}

static void
awd_nomination_editor_finalize (GObject *object)
{
  AwdNominationEditor *self = AWD_NOMINATION_EDITOR (object);

  g_free (self->confirmed_pair);
  g_free (self->summary_committed);

  G_OBJECT_CLASS (awd_nomination_editor_parent_class)->finalize (object);
}

/* Closing saves what is still being typed (Escape, the close button). */
static gboolean
awd_nomination_editor_close_request (GtkWindow *window)
{
  AwdNominationEditor *self = AWD_NOMINATION_EDITOR (window);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  if (focus != NULL)
    {
      GtkWidget *entry = GTK_IS_TEXT (focus) ? gtk_widget_get_ancestor (focus, GTK_TYPE_ENTRY) : focus;
      if (entry != NULL && g_object_get_data (G_OBJECT (entry), "awd-commit-watch") != NULL)
        awd_entry_commit_now (entry);
    }
  commit_summary (self);
  return GTK_WINDOW_CLASS (awd_nomination_editor_parent_class)->close_request (window);
}

static void
awd_nomination_editor_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  AwdNominationEditor *self = AWD_NOMINATION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_NOMINATION_ID:
      g_value_set_int64 (value, self->initial_id);
      break;
    case PROP_DEFAULT_CATEGORY_ID:
      g_value_set_int64 (value, self->default_category_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awd_nomination_editor_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  AwdNominationEditor *self = AWD_NOMINATION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_NOMINATION_ID:
      self->initial_id = g_value_get_int64 (value);
      break;
    case PROP_DEFAULT_CATEGORY_ID:
      self->default_category_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
awd_nomination_editor_class_init (AwdNominationEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = awd_nomination_editor_constructed;
  object_class->dispose = awd_nomination_editor_dispose;
  object_class->finalize = awd_nomination_editor_finalize;
  object_class->get_property = awd_nomination_editor_get_property;
  object_class->set_property = awd_nomination_editor_set_property;
  window_class->close_request = awd_nomination_editor_close_request;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, AWD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOMINATION_ID] =
    g_param_spec_int64 ("nomination-id", NULL, "The nomination to edit; 0 for a new one",
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DEFAULT_CATEGORY_ID] =
    g_param_spec_int64 ("default-category-id", NULL, "The category of a new nomination",
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (AWD_TYPE_DATE_ENTRY);
  gtk_widget_class_set_template_from_resource (widget_class, "/ru/libfl/AwardDesk/awd-nomination-editor.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, AwdNominationEditor, name)
  BIND (toast_overlay);
  BIND (window_title);
  BIND (info_strip);
  BIND (page);
  BIND (nomination_group);
  BIND (institution_group);
  BIND (partners_group);
  BIND (project_group);
  BIND (contact_group);
  BIND (attachments_group);
  BIND (ref_entry);
  BIND (title_entry);
  BIND (title_en_entry);
  BIND (category_row);
  BIND (status_row);
  BIND (reason_row);
  BIND (reason_entry);
  BIND (received_row);
  BIND (received_entry);
  BIND (institution_entry);
  BIND (city_entry);
  BIND (country_row);
  BIND (country_dropdown);
  BIND (region_entry);
  BIND (partners_list);
  BIND (add_partner_button);
  BIND (start_row);
  BIND (start_entry);
  BIND (end_row);
  BIND (end_entry);
  BIND (summary_view);
  BIND (summary_label);
  BIND (contact_entry);
  BIND (email_entry);
  BIND (phone_entry);
  BIND (url_entry);
  BIND (attachments_list);
  BIND (add_attachment_button);
#undef BIND
  awd_nomination_editor_install_partners (widget_class);
  awd_nomination_editor_install_attachments (widget_class);

  gtk_widget_class_install_action (widget_class, "editor.close", NULL, close_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "editor.close", NULL);
}

static void
awd_nomination_editor_init (AwdNominationEditor *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autoptr(GtkEntryCompletion) completion = gtk_entry_completion_new ();
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Title and institution save when left or on Enter, never mid-word: the
   * duplicate question must not interrupt typing. */
  watch_text (self, self->ref_entry, "ref", FALSE);
  watch_text (self, self->title_entry, "title", FALSE);
  watch_text (self, self->title_en_entry, "title-en", TRUE);
  watch_text (self, self->institution_entry, "institution", FALSE);
  watch_text (self, self->city_entry, "city", TRUE);
  watch_text (self, self->region_entry, "region", FALSE);
  watch_text (self, self->contact_entry, "contact-name", TRUE);
  watch_text (self, self->email_entry, "contact-email", FALSE);
  watch_text (self, self->phone_entry, "contact-phone", TRUE);
  watch_text (self, self->url_entry, "url", FALSE);
  awd_entry_watch_commit (self->reason_entry, FALSE, commit_reason_cb, self);

  g_object_set_data (G_OBJECT (self->received_entry), "awd-property", (gpointer) "received");
  g_object_set_data (G_OBJECT (self->start_entry), "awd-property", (gpointer) "period-start");
  g_object_set_data (G_OBJECT (self->end_entry), "awd-property", (gpointer) "period-end");
  g_signal_connect (self->received_entry, "committed", G_CALLBACK (date_committed_cb), self);
  g_signal_connect (self->start_entry, "committed", G_CALLBACK (date_committed_cb), self);
  g_signal_connect (self->end_entry, "committed", G_CALLBACK (date_committed_cb), self);

  for (AwdNominationStatus s = AWD_NOMINATION_STATUS_RECEIVED; s <= AWD_NOMINATION_STATUS_WITHDRAWN; s++)
    gtk_string_list_append (statuses, awd_nomination_status_label (s));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->status_row), G_LIST_MODEL (statuses));
  g_signal_connect (self->status_row, "notify::selected", G_CALLBACK (status_selected_cb), self);
  g_signal_connect (self->category_row, "notify::selected", G_CALLBACK (category_selected_cb), self);

  /* The expression first: the drop-down needs it to show the model. */
  gtk_drop_down_set_expression (GTK_DROP_DOWN (self->country_dropdown),
                                gtk_property_expression_new (AWD_TYPE_COUNTRY_ITEM, NULL, "name"));
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->country_dropdown), awd_country_items_get ());
  g_signal_connect (self->country_dropdown, "notify::selected", G_CALLBACK (country_selected_cb), self);

  gtk_entry_completion_set_text_column (completion, 0);
  gtk_entry_completion_set_match_func (completion, match_region_cb, NULL, NULL);
  gtk_entry_completion_set_minimum_key_length (completion, 1);
  gtk_entry_set_completion (GTK_ENTRY (self->region_entry), completion);

  g_signal_connect (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->summary_view)), "changed",
                    G_CALLBACK (summary_changed_cb), self);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (summary_left_cb), self);
  gtk_widget_add_controller (self->summary_view, focus);
}

GtkWidget *
awd_nomination_editor_new (AwdContext *context,
                           gint64      nomination_id,
                           gint64      default_category_id)
{
  g_return_val_if_fail (AWD_IS_CONTEXT (context), NULL);

  return g_object_new (AWD_TYPE_NOMINATION_EDITOR,
                       "context", context,
                       "nomination-id", nomination_id,
                       "default-category-id", default_category_id,
                       NULL);
}

gint64
awd_nomination_editor_get_nomination_id (AwdNominationEditor *self)
{
  g_return_val_if_fail (AWD_IS_NOMINATION_EDITOR (self), 0);

  return awd_nomination_get_id (self->nomination);
}

