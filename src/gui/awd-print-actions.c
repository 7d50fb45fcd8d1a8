/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-print-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "awd-gui-errors.h"
#include "awd-print-actions.h"
#include "awd-print-operation.h"
#include "awd-print-preview.h"

/* The window's print actions, the print menu, and the asynchronous steps
 * behind them: read and lay out in a worker thread, then print, preview or
 * write a PDF. The page set-up and print settings chosen last are kept on
 * the window (object data), so the next print starts from them. */

#define PAGE_SETUP_KEY     "awd-print-page-setup"
#define PRINT_SETTINGS_KEY "awd-print-settings"

typedef struct {
  GtkWidget          *window;       /* weak: owns us */
  AwdContext         *context;
  GSimpleActionGroup *group;
  GMenu              *jurors_section;
  GtkWidget          *menu_button;
  GtkWidget          *diplomas_unavailable;
  AwdRound           *round;        /* watched for its status */
} PrintActions;

static const struct {
  const char   *nick;
  AwdPrintKind  kind;
} kind_nicks[] = {
  { "protocol", AWD_PRINT_PROTOCOL },
  { "score-forms", AWD_PRINT_SCORE_FORMS },
  { "diplomas", AWD_PRINT_DIPLOMAS },
};

/* The application window that keeps the page set-up: @window itself, or
 * the window a dialog (the preview) belongs to. */
static GtkWindow *
keeper_of (GtkWindow *window)
{
  while (window != NULL && g_object_get_data (G_OBJECT (window), "awd-print-actions") == NULL &&
         gtk_window_get_transient_for (window) != NULL)
    window = gtk_window_get_transient_for (window);
  return window;
}

GtkPageSetup *
awd_print_get_page_setup (GtkWindow *window)
{
  GtkWindow *keeper;
  GtkPageSetup *setup;

  g_return_val_if_fail (GTK_IS_WINDOW (window), NULL);

  keeper = keeper_of (window);
  setup = g_object_get_data (G_OBJECT (keeper), PAGE_SETUP_KEY);
  if (setup == NULL)
    {
      g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

      setup = gtk_page_setup_new ();
      gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
      g_object_set_data_full (G_OBJECT (keeper), PAGE_SETUP_KEY, setup, g_object_unref);
    }
  return setup;
}

static void
keep_print_settings (GtkWindow         *window,
                     GtkPrintSettings  *settings)
{
  GtkWindow *keeper = keeper_of (window);

  if (keeper != NULL && settings != NULL)
    g_object_set_data_full (G_OBJECT (keeper), PRINT_SETTINGS_KEY, g_object_ref (settings), g_object_unref);
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               GtkWindow               *parent)
{
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    keep_print_settings (parent, gtk_print_operation_get_print_settings (operation));
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;
      gtk_print_operation_get_error (operation, &error);
      if (error != NULL)
        awd_gui_show_store_error (GTK_WIDGET (parent), _("Could Not Print"), error);
    }
}

GtkPrintOperationResult
awd_print_run (GtkWindow               *parent,
               AwdPrintJob             *job,
               GPtrArray               *documents,
               GtkPrintOperationAction  action,
               const char              *export_path)
{
  g_autoptr(AwdPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *keeper = keeper_of (parent);
  GtkPrintSettings *settings = keeper != NULL ? g_object_get_data (G_OBJECT (keeper), PRINT_SETTINGS_KEY) : NULL;
  GtkPrintOperationResult result;

  g_return_val_if_fail (job != NULL, GTK_PRINT_OPERATION_RESULT_ERROR);

  operation = awd_print_operation_new (job, documents, awd_print_get_page_setup (parent));
  if (settings != NULL)
    gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (operation), settings);
  if (export_path != NULL)
    gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), export_path);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), parent, 0);

  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation), action, parent, &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && error != NULL)
    awd_gui_show_store_error (GTK_WIDGET (parent), _("Could Not Print"), error);
  return result;
}

/* Saving as PDF. */

typedef struct {
  AwdPrintJob        *job;
  AwdReportPageSetup  setup;
  char               *path;
} SaveData;

static void
save_data_free (gpointer data)
{
  SaveData *save = data;

  awd_print_job_unref (save->job);
  g_free (save->path);
  g_free (save);
}

static void
save_pdf_thread (GTask        *task,
                 gpointer      source,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  SaveData *save = task_data;
  g_autoptr(GPtrArray) documents = NULL;
  GError *error = NULL;

  documents = awd_print_job_build (save->job, &save->setup, &error);
  if (documents == NULL || !awd_print_write_pdf (documents, save->path, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
pdf_saved_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GtkWidget) parent = user_data;
  SaveData *save = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    awd_gui_show_store_error (parent, _("Could Not Save the PDF"), error);
  else
    {
      g_autofree char *name = g_path_get_basename (save->path);
      /* Translators: a toast; %s is a file name */
      g_autofree char *text = g_strdup_printf (_("Saved “%s”"), name);
      awd_gui_show_toast (parent, text);
    }
}

typedef struct {
  GtkWindow   *parent;
  AwdPrintJob *job;
} SaveRequest;

static void
pdf_file_chosen_cb (const char *path,
                    gpointer    user_data)
{
  SaveRequest *request = user_data;
  g_autoptr(GTask) task = NULL;
  SaveData *save;

  if (path != NULL)
    {
      save = g_new0 (SaveData, 1);
      save->job = awd_print_job_ref (request->job);
      save->path = g_str_has_suffix (path, ".pdf") || g_str_has_suffix (path, ".PDF")
                     ? g_strdup (path) : g_strconcat (path, ".pdf", NULL);
      {
        g_autoptr(GtkPageSetup) setup = awd_print_page_setup_for_job (request->job,
                                                                      awd_print_get_page_setup (request->parent));
        awd_print_page_setup_to_report (setup, &save->setup);
      }
      task = g_task_new (NULL, NULL, pdf_saved_cb, g_object_ref (request->parent));
      g_task_set_source_tag (task, awd_print_save_pdf);
      g_task_set_task_data (task, save, save_data_free);
      g_task_run_in_thread (task, save_pdf_thread);
    }
  g_object_unref (request->parent);
  awd_print_job_unref (request->job);
  g_free (request);
}

void
awd_print_save_pdf (GtkWindow   *parent,
                    AwdPrintJob *job)
{
  SaveRequest *request = g_new0 (SaveRequest, 1);
  g_autofree char *name = NULL;

  g_return_if_fail (job != NULL);

  request->parent = g_object_ref (parent);
  request->job = awd_print_job_ref (job);
  /* A file name without the characters file systems refuse. */
  name = g_strconcat (awd_print_job_get_title (job), ".pdf", NULL);
  g_strdelimit (name, "/\\:*?\"<>|", '-');
  awd_gui_choose_file (parent, TRUE, _("Save as PDF"), _("_Save"), name,
                       _("PDF documents"), "*.pdf", pdf_file_chosen_cb, request);
}

/* Loading and laying out in a worker thread. */

typedef struct {
  AwdStore            *store;
  AwdPrintKind         kind;
  gint64               round_id;
  gint64               id;
  AwdPrintDestination  destination;
  AwdReportPageSetup   setup;
  AwdPrintJob         *job;
  GPtrArray           *documents;
  GtkWindow           *parent;
} BuildData;

static void
build_data_free (gpointer data)
{
  BuildData *build = data;

  g_clear_object (&build->store);
  g_clear_pointer (&build->job, awd_print_job_unref);
  g_clear_pointer (&build->documents, g_ptr_array_unref);
  g_clear_object (&build->parent);
  g_free (build);
}

static void
build_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  BuildData *build = task_data;
  GError *error = NULL;

  build->job = awd_print_job_load (build->store, build->kind, build->round_id, build->id, &error);
  if (build->job != NULL && build->destination != AWD_PRINT_TO_PDF)
    build->documents = awd_print_job_build (build->job, &build->setup, &error);
  if (build->job == NULL || (build->destination != AWD_PRINT_TO_PDF && build->documents == NULL))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
built_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  BuildData *build = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  GtkWidget *preview;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      awd_gui_show_store_error (GTK_WIDGET (build->parent), _("Could Not Prepare the Document"), error);
      return;
    }

  switch (build->destination)
    {
    case AWD_PRINT_TO_PRINTER:
      awd_print_run (build->parent, build->job, build->documents,
                     GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL);
      break;

    case AWD_PRINT_TO_PREVIEW:
      {
        g_autoptr(GtkPageSetup) setup = awd_print_page_setup_for_job (build->job,
                                                                      awd_print_get_page_setup (build->parent));
        preview = awd_print_preview_new (build->parent, build->job, build->documents, setup);
        gtk_window_present (GTK_WINDOW (preview));
      }
      break;

    case AWD_PRINT_TO_PDF:
      awd_print_save_pdf (build->parent, build->job);
      break;

    default:
      g_assert_not_reached ();
    }
}

void
awd_print_document_to (GtkWindow           *parent,
                       AwdContext          *context,
                       AwdPrintKind         kind,
                       gint64               id,
                       AwdPrintDestination  destination)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GtkPageSetup) setup = NULL;
  AwdRound *round = awd_context_get_round (context);
  BuildData *build;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (AWD_IS_CONTEXT (context));

  if (round == NULL && kind != AWD_PRINT_DOSSIER)
    return;

  build = g_new0 (BuildData, 1);
  build->store = g_object_ref (awd_context_get_store (context));
  build->kind = kind;
  build->round_id = round != NULL ? awd_round_get_id (round) : 0;
  build->id = id;
  build->destination = destination;
  build->parent = g_object_ref (parent);
  /* The orientation is the document's own: diplomas are landscape. */
  setup = gtk_page_setup_copy (awd_print_get_page_setup (parent));
  gtk_page_setup_set_orientation (setup, kind == AWD_PRINT_DIPLOMAS ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                                     : GTK_PAGE_ORIENTATION_PORTRAIT);
  awd_print_page_setup_to_report (setup, &build->setup);

  task = g_task_new (NULL, NULL, built_cb, NULL);
  g_task_set_source_tag (task, awd_print_document_to);
  g_task_set_task_data (task, build, build_data_free);
  g_task_run_in_thread (task, build_thread);
}

void
awd_print_document (GtkWindow    *parent,
                    AwdContext   *context,
                    AwdPrintKind  kind,
                    gint64        id)
{
  awd_print_document_to (parent, context, kind, id, AWD_PRINT_TO_PRINTER);
}

/* The action group. */

static PrintActions *
actions_of (gpointer user_data)
{
  return user_data;
}

static gboolean
kind_from_nick (const char   *nick,
                AwdPrintKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_nicks); i++)
    if (g_strcmp0 (kind_nicks[i].nick, nick) == 0)
      {
        *kind = kind_nicks[i].kind;
        return TRUE;
      }
  return FALSE;
}

static void
run_kind (PrintActions        *self,
          AwdPrintKind         kind,
          gint64               id,
          AwdPrintDestination  destination)
{
  if (self->window != NULL)
    awd_print_document_to (GTK_WINDOW (self->window), self->context, kind, id, destination);
}

static void
protocol_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  run_kind (actions_of (user_data), AWD_PRINT_PROTOCOL, 0, AWD_PRINT_TO_PRINTER);
}

static void
score_forms_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  run_kind (actions_of (user_data), AWD_PRINT_SCORE_FORMS, 0, AWD_PRINT_TO_PRINTER);
}

static void
score_form_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  run_kind (actions_of (user_data), AWD_PRINT_SCORE_FORM_FILLED, g_variant_get_int64 (parameter),
            AWD_PRINT_TO_PRINTER);
}

static void
dossier_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  run_kind (actions_of (user_data), AWD_PRINT_DOSSIER, g_variant_get_int64 (parameter),
            AWD_PRINT_TO_PRINTER);
}

static void
diplomas_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  run_kind (actions_of (user_data), AWD_PRINT_DIPLOMAS, 0, AWD_PRINT_TO_PRINTER);
}

static void
preview_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  AwdPrintKind kind;

  if (kind_from_nick (g_variant_get_string (parameter, NULL), &kind))
    run_kind (actions_of (user_data), kind, 0, AWD_PRINT_TO_PREVIEW);
}

static void
save_pdf_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  AwdPrintKind kind;

  if (kind_from_nick (g_variant_get_string (parameter, NULL), &kind))
    run_kind (actions_of (user_data), kind, 0, AWD_PRINT_TO_PDF);
}

static void
page_setup_done_cb (GtkPageSetup *page_setup,
                    gpointer      data)
{
  g_autoptr(GtkWindow) window = data;

  if (page_setup != NULL)
    g_object_set_data_full (G_OBJECT (window), PAGE_SETUP_KEY, g_object_ref (page_setup), g_object_unref);
}

static void
page_setup_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  PrintActions *self = actions_of (user_data);
  GtkWindow *window = GTK_WINDOW (self->window);
  GtkPrintSettings *settings = g_object_get_data (G_OBJECT (window), PRINT_SETTINGS_KEY);
  g_autoptr(GtkPrintSettings) fresh = NULL;

  if (settings == NULL)
    settings = fresh = gtk_print_settings_new ();
  gtk_print_run_page_setup_dialog_async (window, awd_print_get_page_setup (window), settings,
                                         page_setup_done_cb, g_object_ref (window));
}

static const GActionEntry print_entries[] = {
  { .name = "protocol", .activate = protocol_activated },
  { .name = "score-forms", .activate = score_forms_activated },
  { .name = "score-form", .activate = score_form_activated, .parameter_type = "x" },
  { .name = "dossier", .activate = dossier_activated, .parameter_type = "x" },
  { .name = "diplomas", .activate = diplomas_activated },
  { .name = "preview", .activate = preview_activated, .parameter_type = "s" },
  { .name = "save-pdf", .activate = save_pdf_activated, .parameter_type = "s" },
  { .name = "page-setup", .activate = page_setup_activated },
};

static void
set_enabled (PrintActions *self,
             const char   *name,
             gboolean      enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->group), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static void
fill_jurors (PrintActions *self)
{
  g_autoptr(GListModel) jurors = NULL;
  g_autoptr(GError) error = NULL;

  g_menu_remove_all (self->jurors_section);
  if (self->round == NULL)
    return;

  jurors = awd_store_list_jurors (awd_context_get_store (self->context),
                                  awd_round_get_id (self->round), &error);
  if (jurors == NULL)
    {
      g_warning ("Could not list the jurors: %s", error->message);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (jurors); i++)
    {
      g_autoptr(AwdJuror) juror = g_list_model_get_item (jurors, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (awd_juror_get_name (juror), NULL);

      g_menu_item_set_action_and_target_value (item, "print.score-form",
                                               g_variant_new_int64 (awd_juror_get_id (juror)));
      g_menu_append_item (self->jurors_section, item);
    }
  if (g_list_model_get_n_items (jurors) == 0)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("No jurors yet"), "print.none");
      g_menu_append_item (self->jurors_section, item);
    }
}

static void
update_actions (PrintActions *self)
{
  gboolean has_round = self->round != NULL;
  gboolean final = has_round && awd_round_get_status (self->round) == AWD_ROUND_STATUS_FINAL;

  set_enabled (self, "protocol", has_round);
  set_enabled (self, "score-forms", has_round);
  set_enabled (self, "score-form", has_round);
  set_enabled (self, "preview", has_round);
  set_enabled (self, "save-pdf", has_round);
  set_enabled (self, "diplomas", final);
  if (self->diplomas_unavailable != NULL)
    gtk_widget_set_visible (self->diplomas_unavailable, !final);
  if (self->menu_button != NULL)
    gtk_widget_set_visible (self->menu_button, has_round);
}

static void
round_notified_cb (AwdRound     *round,
                   GParamSpec   *pspec,
                   PrintActions *self)
{
  update_actions (self);
}

static void
context_round_notified_cb (AwdContext   *context,
                           GParamSpec   *pspec,
                           PrintActions *self)
{
  AwdRound *round = awd_context_get_round (context);

  if (self->round != NULL)
    g_signal_handlers_disconnect_by_func (self->round, round_notified_cb, self);
  g_set_object (&self->round, round);
  if (round != NULL)
    g_signal_connect (round, "notify::status", G_CALLBACK (round_notified_cb), self);
  fill_jurors (self);
  update_actions (self);
}

static void
data_changed_cb (AwdContext   *context,
                 const char   *what,
                 PrintActions *self)
{
  if (g_strcmp0 (what, "setup") == 0)
    fill_jurors (self);
  update_actions (self);
}

static void
print_actions_free (gpointer data)
{
  PrintActions *self = data;

  if (self->round != NULL)
    g_signal_handlers_disconnect_by_func (self->round, round_notified_cb, self);
  g_signal_handlers_disconnect_by_data (self->context, self);
  g_clear_object (&self->round);
  g_clear_object (&self->context);
  g_clear_object (&self->group);
  g_clear_object (&self->jurors_section);
  g_free (self);
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

void
awd_print_actions_install (GtkWidget  *window,
                           AwdContext *context)
{
  g_autoptr(GtkBuilder) builder = NULL;
  PrintActions *self;
  GtkEventController *shortcuts;

  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (AWD_IS_CONTEXT (context));

  self = g_new0 (PrintActions, 1);
  self->window = window;
  self->context = g_object_ref (context);
  self->group = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->group), print_entries,
                                   G_N_ELEMENTS (print_entries), self);
  gtk_widget_insert_action_group (window, "print", G_ACTION_GROUP (self->group));
  g_object_set_data_full (G_OBJECT (window), "awd-print-actions", self, print_actions_free);

  builder = gtk_builder_new_from_resource ("/ru/libfl/AwardDesk/awd-print-menu.ui");
  self->jurors_section = g_object_ref (G_MENU (gtk_builder_get_object (builder, "jurors_section")));
  self->menu_button = find_named (window, "print-menu");
  if (self->menu_button != NULL)
    {
      GtkPopover *popover;

      gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->menu_button),
                                      G_MENU_MODEL (gtk_builder_get_object (builder, "print_menu")));
      popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (self->menu_button));
      /* A menu item cannot carry a tooltip in GTK 4.8: a dimmed line says
       * why diplomas are not offered, the tooltip what to do. */
      self->diplomas_unavailable = gtk_label_new (_("Diplomas: for a final season only"));
      gtk_label_set_xalign (GTK_LABEL (self->diplomas_unavailable), 0);
      gtk_widget_add_css_class (self->diplomas_unavailable, "dim-label");
      gtk_widget_set_margin_start (self->diplomas_unavailable, 12);
      gtk_widget_set_margin_end (self->diplomas_unavailable, 12);
      gtk_widget_set_margin_top (self->diplomas_unavailable, 6);
      gtk_widget_set_margin_bottom (self->diplomas_unavailable, 6);
      gtk_widget_set_tooltip_text (self->diplomas_unavailable,
                                   _("Diplomas name the laureates of a finalized season: finalize "
                                     "the results on the Results page first"));
      gtk_popover_menu_add_child (GTK_POPOVER_MENU (popover), self->diplomas_unavailable,
                                  "diplomas-unavailable");
    }

  /* Ctrl+P prints the protocol from anywhere in the window. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_p, GDK_CONTROL_MASK),
                      gtk_named_action_new ("print.protocol")));
  gtk_widget_add_controller (window, shortcuts);

  g_signal_connect (context, "notify::round", G_CALLBACK (context_round_notified_cb), self);
  g_signal_connect (context, "data-changed", G_CALLBACK (data_changed_cb), self);
  context_round_notified_cb (context, NULL, self);
}
