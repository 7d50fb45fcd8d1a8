/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-progress-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "awd-progress-panel.h"
#include "awd-store-results.h"

/* How far the jury has got: per juror and per nomination, the scored cells
 * against the required cells, and the list of missing cells with a jump to
 * each. The figures come from the results engine (DESIGN.md, required
 * cells), the same that `award-desk-cli progress` prints; per nomination
 * the engine's missing cells are counted against the same definition. */

/* A missing list longer than this is cut, with a line that says so. */
#define MAX_MISSING_ROWS 200

struct _AwdProgressPanel
{
  AdwBin      parent_instance;

  AwdContext *context;
  gboolean    dirty;

  GtkWidget  *summary_label;
  GtkWidget  *jurors_list;
  GtkWidget  *nominations_list;
  GtkWidget  *missing_group;
  GtkWidget  *missing_list;
};

G_DEFINE_FINAL_TYPE (AwdProgressPanel, awd_progress_panel, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_list (GtkWidget *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (list), child);
}

static GtkWidget *
make_level (guint scored,
            guint required)
{
  GtkWidget *level = gtk_level_bar_new_for_interval (0, MAX (required, 1));

  gtk_level_bar_set_value (GTK_LEVEL_BAR (level), required == 0 ? 0 : scored);
  gtk_widget_set_size_request (level, 160, -1);
  gtk_widget_set_valign (level, GTK_ALIGN_CENTER);
  return level;
}

static char *
describe_counts (guint scored,
                 guint required)
{
  /* Translators: scored cells of required cells, as "12 of 16 scored" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u cell scored", "%u of %u cells scored", required),
                          scored, required);
}

static void
add_target (GtkWidget *row,
            gint64     juror_id,
            gint64     nomination_id)
{
  g_object_set_data (G_OBJECT (row), "awd-juror", GSIZE_TO_POINTER ((gsize) juror_id));
  g_object_set_data (G_OBJECT (row), "awd-nomination", GSIZE_TO_POINTER ((gsize) nomination_id));
}

static void
fill (AwdProgressPanel *self)
{
  AwdRound *round = awd_context_get_round (self->context);
  g_autoptr(AwdResultsSnapshot) snap = NULL;
  g_autoptr(AwdResults) res = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) jurors = NULL;
  const AwdResultsInput *in;
  guint total_required = 0, total_scored = 0, nomination_required = 0;
  guint n_jurors, n_noms, n_crit;
  g_autofree guint *missing_per_nom = NULL;
  g_autofree gboolean *conflicted = NULL;
  g_autofree char *summary = NULL;

  clear_list (self->jurors_list);
  clear_list (self->nominations_list);
  clear_list (self->missing_list);
  self->dirty = FALSE;
  if (round == NULL)
    return;

  snap = awd_store_load_results (awd_context_get_store (self->context), awd_round_get_id (round), &error);
  if (snap != NULL)
    res = awd_results_compute (snap->input, snap->input->method, &error);
  if (res != NULL)
    jurors = awd_store_list_jurors (awd_context_get_store (self->context), awd_round_get_id (round), &error);
  if (jurors == NULL)
    {
      g_warning ("Cannot compute the progress: %s", error->message);
      gtk_label_set_text (GTK_LABEL (self->summary_label), error->message);
      return;
    }
  in = snap->input;
  n_jurors = in->jurors->len;
  n_noms = in->nominations->len;
  n_crit = in->criteria->len;

  /* Jurors, in panel order. */
  for (guint j = 0; j < n_jurors; j++)
    {
      const AwdJurorProgress *p = &g_array_index (res->progress, AwdJurorProgress, j);
      const AwdResultsJuror *juror = &g_array_index (in->jurors, AwdResultsJuror, j);
      g_autoptr(AwdJuror) object = g_list_model_get_item (jurors, j);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = NULL;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), juror->name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (juror->withdrawn)
        subtitle = g_strdup (_("Withdrawn: no cells required"));
      else
        {
          g_autofree char *counts = describe_counts (p->scored, p->required);
          subtitle = object != NULL && awd_juror_get_submitted (object)
            /* Translators: progress of a juror whose sheet is submitted */
            ? g_strdup_printf (_("%s · sheet submitted"), counts) : g_steal_pointer (&counts);
        }
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), make_level (p->scored, p->required));
      gtk_widget_set_name (row, "progress-juror");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      add_target (row, g_array_index (snap->juror_ids, gint64, j), 0);
      gtk_list_box_append (GTK_LIST_BOX (self->jurors_list), row);
      total_required += p->required;
      total_scored += p->scored;
    }

  /* Nominations: the engine's missing cells against the required cells,
   * counted the way the engine counts them (not withdrawn, no conflict). */
  missing_per_nom = g_new0 (guint, MAX (n_noms, 1));
  conflicted = g_new0 (gboolean, MAX (n_noms * n_jurors, 1));
  for (guint i = 0; i < res->missing->len; i++)
    missing_per_nom[g_array_index (res->missing, AwdMissingCell, i).nomination]++;
  for (guint i = 0; i < in->conflicts->len; i++)
    {
      const AwdResultsConflict *c = &g_array_index (in->conflicts, AwdResultsConflict, i);
      conflicted[c->nomination * n_jurors + c->juror] = TRUE;
    }
  for (guint n = 0; n < n_noms; n++)
    {
      const AwdResultsNomination *nom = &g_array_index (in->nominations, AwdResultsNomination, n);
      gboolean jury = nom->category < 0
        ? in->categories->len == 0
        : g_array_index (in->categories, AwdResultsCategory, nom->category).kind == AWD_CATEGORY_KIND_JURY;
      guint required = 0, scored;
      GtkWidget *row;
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;

      if (!jury || nom->status != AWD_NOMINATION_STATUS_ELIGIBLE)
        continue;
      for (guint j = 0; j < n_jurors; j++)
        if (!g_array_index (in->jurors, AwdResultsJuror, j).withdrawn && !conflicted[n * n_jurors + j])
          required += n_crit;
      scored = required >= missing_per_nom[n] ? required - missing_per_nom[n] : 0;
      nomination_required += required;

      row = adw_action_row_new ();
      title = g_strdup_printf ("%s · %s", nom->ref, nom->title);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      subtitle = describe_counts (scored, required);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), make_level (scored, required));
      gtk_widget_set_name (row, "progress-nomination");
      gtk_list_box_append (GTK_LIST_BOX (self->nominations_list), row);
    }
  if (nomination_required != total_required)
    g_warning ("Required cells per nomination (%u) differ from the engine's per juror (%u)",
               nomination_required, total_required);

  /* Missing cells, with a jump to each. */
  for (guint i = 0; i < res->missing->len && i < MAX_MISSING_ROWS; i++)
    {
      const AwdMissingCell *cell = &g_array_index (res->missing, AwdMissingCell, i);
      const AwdResultsNomination *nom = &g_array_index (in->nominations, AwdResultsNomination, cell->nomination);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("go-jump-symbolic");
      g_autofree char *title = g_strdup_printf ("%s · %s", nom->ref,
                                                g_array_index (in->criteria, AwdResultsCriterion, cell->criterion).name);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), g_array_index (in->jurors, AwdResultsJuror, cell->juror).name);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
      gtk_widget_set_tooltip_text (row, _("Show this cell on the juror’s sheet"));
      gtk_widget_set_name (row, "progress-missing-cell");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      add_target (row, g_array_index (snap->juror_ids, gint64, cell->juror),
                  g_array_index (snap->nomination_ids, gint64, cell->nomination));
      gtk_list_box_append (GTK_LIST_BOX (self->missing_list), row);
    }
  if (res->missing->len > MAX_MISSING_ROWS)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more cell",
                                                            "and %u more cells",
                                                            res->missing->len - MAX_MISSING_ROWS),
                                               res->missing->len - MAX_MISSING_ROWS);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
      gtk_list_box_append (GTK_LIST_BOX (self->missing_list), row);
    }
  gtk_widget_set_visible (self->missing_group, res->missing->len > 0);

  if (total_required == 0)
    summary = g_strdup (_("No cell is required yet: the season needs criteria, jurors and eligible nominations of a jury category."));
  else if (total_scored == total_required)
    summary = g_strdup_printf (_("Every required cell is scored (%u)."), total_required);
  else
    summary = g_strdup_printf (_("%u of %u required cells scored; %u missing."),
                               total_scored, total_required, total_required - total_scored);
  gtk_label_set_text (GTK_LABEL (self->summary_label), summary);
}

static void
request_jump (AwdProgressPanel *self,
              GtkListBoxRow    *row)
{
  gint64 juror_id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "awd-juror"));
  gint64 nomination_id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "awd-nomination"));

  if (juror_id <= 0)
    return;
  awd_context_request_show (self->context, "scoring", g_variant_new ("(xx)", juror_id, nomination_id));
}

static void
juror_row_activated_cb (GtkListBox       *list,
                        GtkListBoxRow    *row,
                        AwdProgressPanel *self)
{
  request_jump (self, row);
}

static void
missing_row_activated_cb (GtkListBox       *list,
                          GtkListBoxRow    *row,
                          AwdProgressPanel *self)
{
  request_jump (self, row);
}

static void
context_data_changed_cb (AwdContext       *context,
                         const char       *what,
                         AwdProgressPanel *self)
{
  awd_progress_panel_reload (self);
}

static void
awd_progress_panel_map (GtkWidget *widget)
{
  AwdProgressPanel *self = AWD_PROGRESS_PANEL (widget);

  GTK_WIDGET_CLASS (awd_progress_panel_parent_class)->map (widget);
  if (self->dirty)
    fill (self);
}

static void
awd_progress_panel_constructed (GObject *object)
{
  AwdProgressPanel *self = AWD_PROGRESS_PANEL (object);

  G_OBJECT_CLASS (awd_progress_panel_parent_class)->constructed (object);

  g_signal_connect_object (self->context, "data-changed",
                           G_CALLBACK (context_data_changed_cb), self, 0);
  self->dirty = TRUE;
}

static void
awd_progress_panel_dispose (GObject *object)
{
  AwdProgressPanel *self = AWD_PROGRESS_PANEL (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), AWD_TYPE_PROGRESS_PANEL);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (awd_progress_panel_parent_class)->dispose (object);
}

static void
awd_progress_panel_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AwdProgressPanel *self = AWD_PROGRESS_PANEL (object);

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
awd_progress_panel_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  AwdProgressPanel *self = AWD_PROGRESS_PANEL (object);

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
awd_progress_panel_class_init (AwdProgressPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = awd_progress_panel_constructed;
  object_class->dispose = awd_progress_panel_dispose;
  object_class->get_property = awd_progress_panel_get_property;
  object_class->set_property = awd_progress_panel_set_property;
  widget_class->map = awd_progress_panel_map;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, AWD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/ru/libfl/AwardDesk/awd-progress-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, AwdProgressPanel, summary_label);
  gtk_widget_class_bind_template_child (widget_class, AwdProgressPanel, jurors_list);
  gtk_widget_class_bind_template_child (widget_class, AwdProgressPanel, nominations_list);
  gtk_widget_class_bind_template_child (widget_class, AwdProgressPanel, missing_group);
  gtk_widget_class_bind_template_child (widget_class, AwdProgressPanel, missing_list);
  gtk_widget_class_bind_template_callback (widget_class, juror_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, missing_row_activated_cb);
}

static void
awd_progress_panel_init (AwdProgressPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
awd_progress_panel_new (AwdContext *context)
{
  g_return_val_if_fail (AWD_IS_CONTEXT (context), NULL);

  return g_object_new (AWD_TYPE_PROGRESS_PANEL, "context", context, NULL);
}

void
awd_progress_panel_reload (AwdProgressPanel *self)
{
  g_return_if_fail (AWD_IS_PROGRESS_PANEL (self));

  self->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    fill (self);
}
