/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-round-view"

#include "config.h"

#include <glib/gi18n.h>

#include "awd-results-page.h"
#include "awd-nominations-page.h"
#include "awd-journal-page.h"
#include "awd-round-page.h"
#include "awd-round-view.h"
#include "awd-scoring-page.h"

/* Everything about the selected round, one page per stage of the season:
 * set-up, nominations, scoring, results, … Each page takes the context and
 * follows its "round" property on its own; this view only switches between
 * them (with the switcher, or Alt+1…9). To add a page, construct it in
 * add_pages() below. */
struct _AwdRoundView
{
  AdwBin      parent_instance;

  AwdContext *context;

  GtkWidget  *switcher;
  GtkWidget  *stack;
};

G_DEFINE_FINAL_TYPE (AwdRoundView, awd_round_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
add_page (AwdRoundView *self,
          GtkWidget    *page,
          const char   *name,
          const char   *title,
          const char   *icon_name)
{
  AdwViewStackPage *stack_page;

  stack_page = adw_view_stack_add_titled (ADW_VIEW_STACK (self->stack), page, name, title);
  adw_view_stack_page_set_icon_name (stack_page, icon_name);
  adw_view_stack_page_set_use_underline (stack_page, TRUE);
}

static void
add_pages (AwdRoundView *self)
{
  add_page (self, awd_round_page_new (self->context), "setup",
            _("_Set-up"), "emblem-system-symbolic");
  add_page (self, awd_nominations_page_new (self->context), "nominations", _("_Nominations"), "view-list-symbolic");
  add_page (self, awd_scoring_page_new (self->context), "scoring", _("S_coring"), "document-edit-symbolic");
  add_page (self, awd_results_page_new (self->context), "results", _("_Results"), "starred-symbolic");
  add_page (self, awd_journal_page_new (self->context), "journal", _("_Journal"), "document-open-recent-symbolic");
}

/* Alt+1…9 shows the n-th page; the switcher's own mnemonics cover letters. */
static void
show_nth_page_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AwdRoundView *self = AWD_ROUND_VIEW (widget);
  g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (ADW_VIEW_STACK (self->stack));
  guint n = (guint) g_variant_get_int32 (parameter);

  if (n >= 1 && n <= g_list_model_get_n_items (G_LIST_MODEL (pages)))
    gtk_selection_model_select_item (pages, n - 1, TRUE);
}

static void
context_show_requested_cb (AwdContext   *context,
                           const char   *page,
                           GVariant     *target,
                           AwdRoundView *self)
{
  if (!awd_round_view_show_page (self, page))
    g_warning ("No page “%s” to show", page);
}

static void
awd_round_view_constructed (GObject *object)
{
  AwdRoundView *self = AWD_ROUND_VIEW (object);

  G_OBJECT_CLASS (awd_round_view_parent_class)->constructed (object);

  add_pages (self);
  /* Connected after the pages, so a page that also listens has its
   * handler run first and is ready when shown. */
  g_signal_connect_object (self->context, "show-requested",
                           G_CALLBACK (context_show_requested_cb), self, 0);
}

static void
awd_round_view_dispose (GObject *object)
{
  AwdRoundView *self = AWD_ROUND_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), AWD_TYPE_ROUND_VIEW);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (awd_round_view_parent_class)->dispose (object);
}

static void
awd_round_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AwdRoundView *self = AWD_ROUND_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awd_round_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  AwdRoundView *self = AWD_ROUND_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awd_round_view_class_init (AwdRoundViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = awd_round_view_constructed;
  object_class->dispose = awd_round_view_dispose;
  object_class->get_property = awd_round_view_get_property;
  object_class->set_property = awd_round_view_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, "The store, settings and current round",
                         AWD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/ru/libfl/AwardDesk/awd-round-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AwdRoundView, switcher);
  gtk_widget_class_bind_template_child (widget_class, AwdRoundView, stack);

  gtk_widget_class_install_action (widget_class, "view.show-page", "i", show_nth_page_action);
}

static void
awd_round_view_init (AwdRoundView *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Alt+1…9 from anywhere in the window (the season list included), not
   * only while the focus is inside this view. */
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_GLOBAL);
  for (int n = 1; n <= 9; n++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new_with_arguments (
                                            gtk_keyval_trigger_new (GDK_KEY_0 + n, GDK_ALT_MASK),
                                            gtk_named_action_new ("view.show-page"),
                                            "i", n));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}

GtkWidget *
awd_round_view_new (AwdContext *context)
{
  return g_object_new (AWD_TYPE_ROUND_VIEW, "context", context, NULL);
}

gboolean
awd_round_view_show_page (AwdRoundView *self,
                          const char   *name)
{
  g_return_val_if_fail (AWD_IS_ROUND_VIEW (self), FALSE);

  if (adw_view_stack_get_child_by_name (ADW_VIEW_STACK (self->stack), name) == NULL)
    return FALSE;
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (self->stack), name);
  return TRUE;
}
