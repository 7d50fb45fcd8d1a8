/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-results-tables"

#include "config.h"

#include <glib/gi18n.h>

#include <locale.h>
#include <math.h>
#include <string.h>

#include "awd-results-tables.h"

/* Tables of numbers line up in a GtkGrid: a list box row per nomination
 * could not keep the score, jurors and spread columns under each other. */

enum {
  COL_EXPAND,
  COL_RANK,
  COL_REF,
  COL_TITLE,
  COL_SCORE,
  COL_JURORS,
  COL_SD,
  COL_RANGE,
  COL_AWARD,
  N_COLS
};

char *
awd_results_format_number (double value,
                           int    decimals)
{
  char format[8];
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  const char *point = localeconv ()->decimal_point;
  GString *text;

  /* −0,000 would read as a negative score. */
  if (fabs (value) < 0.5 * pow (10, -decimals))
    value = 0;
  g_snprintf (format, sizeof format, "%%.%df", decimals);
  g_ascii_formatd (buffer, sizeof buffer, format, value);
  text = g_string_new (buffer);
  if (point != NULL && *point != '\0' && strcmp (point, ".") != 0)
    g_string_replace (text, ".", point, 1);
  if (text->str[0] == '-')
    g_string_replace (text, "-", "−", 1);
  return g_string_free (text, FALSE);
}

const char *
awd_results_mark_label (AwdAwardMark mark)
{
  switch (mark)
    {
    case AWD_AWARD_MARK_NONE:
      return "—";
    case AWD_AWARD_MARK_LAUREATE:
      return _("Laureate");
    case AWD_AWARD_MARK_DIPLOMA:
      return _("Diploma");
    default:
      g_return_val_if_reached ("");
    }
}

char *
awd_results_format_rank (guint    rank,
                         gboolean tied)
{
  if (rank == 0)
    return g_strdup ("—");
  return tied ? g_strdup_printf ("%u=", rank) : g_strdup_printf ("%u", rank);
}

const char *
awd_results_category_name (const AwdResultsInput *in,
                           int                    category)
{
  if (category < 0)
    return _("All nominations");
  return g_array_index (in->categories, AwdResultsCategory, category).name;
}

static const AwdResultsNomination *
nomination_at (const AwdResultsInput *in,
               guint                  index)
{
  return &g_array_index (in->nominations, AwdResultsNomination, index);
}

int
awd_results_proposed_laureate (const AwdResultsInput   *in,
                               const AwdResultCategory *category)
{
  int first = -1;
  guint n_first = 0;

  for (guint k = 0; k < category->entries->len; k++)
    {
      const AwdResultEntry *e = &g_array_index (category->entries, AwdResultEntry, k);

      if (nomination_at (in, e->nomination)->mark != AWD_AWARD_MARK_NONE)
        return -1;
      if (e->rank == 1)
        {
          first = (int) e->nomination;
          n_first++;
        }
    }
  return n_first == 1 ? first : -1;
}

/* Same rule as the store's finalize gate: a shared first place needs the
 * chair's note on one of the tied nominations. A vote without any counts
 * ties everyone at zero; that is reported as missing counts instead. */
gboolean
awd_results_top_tie_undecided (const AwdResultsInput   *in,
                               const AwdResultCategory *category)
{
  gboolean any_votes = FALSE;

  if (category->entries->len < 2 ||
      g_array_index (category->entries, AwdResultEntry, 0).rank != 1 ||
      g_array_index (category->entries, AwdResultEntry, 1).rank != 1)
    return FALSE;

  for (guint k = 0; k < category->entries->len; k++)
    {
      const AwdResultEntry *e = &g_array_index (category->entries, AwdResultEntry, k);
      const AwdResultsNomination *n = nomination_at (in, e->nomination);

      any_votes |= n->has_votes;
      if (e->rank == 1 && n->note != NULL && *n->note != '\0')
        return FALSE;
    }
  return category->kind != AWD_CATEGORY_KIND_VOTE || any_votes;
}

static GtkWidget *
cell_label (const char *text,
            float       xalign,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
heading_label (const char *text,
               float       xalign)
{
  GtkWidget *label = cell_label (text, xalign, "awd-column-heading");

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption-heading");
  return label;
}

static GtkWidget *
new_table (void)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 8);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 12);
  gtk_widget_set_margin_top (grid, 10);
  gtk_widget_set_margin_bottom (grid, 10);
  return grid;
}

/* A table on a card, as boxed lists look. */
static void
append_card (GtkWidget *section,
             GtkWidget *grid)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_widget_add_css_class (card, "card");
  gtk_box_append (GTK_BOX (card), grid);
  gtk_box_append (GTK_BOX (section), card);
}

static GtkWidget *
new_section (const char *title,
             const char *description,
             GtkWidget **out_header)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = cell_label (title, 0, "heading");

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (titles, TRUE);
  gtk_box_append (GTK_BOX (titles), label);
  if (description != NULL)
    {
      label = cell_label (description, 0, "dim-label");
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_box_append (GTK_BOX (titles), label);
    }
  gtk_box_append (GTK_BOX (header), titles);
  gtk_box_append (GTK_BOX (box), header);
  gtk_widget_set_margin_bottom (box, 18);
  if (out_header != NULL)
    *out_header = header;
  return box;
}

static void
mark_selected_cb (GtkDropDown *dropdown,
                  GParamSpec  *pspec,
                  gpointer     user_data)
{
  gint64 nomination_id = *(gint64 *) g_object_get_data (G_OBJECT (dropdown), "awd-nomination-id");

  gtk_widget_activate_action (GTK_WIDGET (dropdown), "results.set-mark", "(xi)",
                              nomination_id, (int) gtk_drop_down_get_selected (dropdown));
}

static void
winner_selected_cb (GtkDropDown *dropdown,
                    GParamSpec  *pspec,
                    gpointer     user_data)
{
  GArray *ids = g_object_get_data (G_OBJECT (dropdown), "awd-choice-ids");
  gint64 category_id = *(gint64 *) g_object_get_data (G_OBJECT (dropdown), "awd-category-id");
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected >= ids->len)
    return;
  gtk_widget_activate_action (GTK_WIDGET (dropdown), "results.set-winner", "(xx)",
                              category_id, g_array_index (ids, gint64, selected));
}

static void
expand_toggled_cb (GtkToggleButton *toggle)
{
  gtk_button_set_icon_name (GTK_BUTTON (toggle), gtk_toggle_button_get_active (toggle)
                                                 ? "pan-down-symbolic" : "pan-end-symbolic");
}

static void
set_id_data (GObject    *object,
             const char *key,
             gint64      id)
{
  gint64 *copy = g_new (gint64, 1);

  *copy = id;
  g_object_set_data_full (object, key, copy, g_free);
}

static GtkWidget *
build_award_cell (const AwdResultsData    *data,
                  guint                    position,
                  const AwdResultEntry    *e,
                  AwdAwardMark             mark,
                  const char              *note)
{
  const AwdResultsInput *in = data->snapshot->input;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  if (data->editable && !data->final && e->rank > 0)
    {
      g_autoptr(GtkStringList) marks = gtk_string_list_new (NULL);
      GtkWidget *dropdown;

      for (AwdAwardMark m = AWD_AWARD_MARK_NONE; m <= AWD_AWARD_MARK_DIPLOMA; m++)
        gtk_string_list_append (marks, awd_results_mark_label (m));
      dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (marks)), NULL);
      gtk_widget_set_name (dropdown, "result-mark");
      gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), mark);
      gtk_widget_set_tooltip_text (dropdown, _("Award mark of this nomination"));
      set_id_data (G_OBJECT (dropdown), "awd-nomination-id",
                   g_array_index (data->snapshot->nomination_ids, gint64, e->nomination));
      g_signal_connect (dropdown, "notify::selected", G_CALLBACK (mark_selected_cb), NULL);
      gtk_box_append (GTK_BOX (box), dropdown);
    }
  else if (mark != AWD_AWARD_MARK_NONE)
    {
      GtkWidget *label = cell_label (awd_results_mark_label (mark), 0, "awd-mark");
      gtk_widget_set_name (label, "result-mark-label");
      gtk_box_append (GTK_BOX (box), label);
    }

  if (!data->final &&
      (int) e->nomination == awd_results_proposed_laureate (in, &g_array_index (data->decisions->categories,
                                                                                AwdResultCategory, position)))
    {
      GtkWidget *label = cell_label (_("Proposed: laureate"), 0, "accent");
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_set_name (label, "result-proposed");
      gtk_widget_set_tooltip_text (label, _("The single first place becomes laureate at finalization unless another mark is recorded in this category"));
      gtk_box_append (GTK_BOX (box), label);
    }
  if (note != NULL && *note != '\0')
    {
      g_autofree char *text = g_strdup_printf (_("Chair: %s"), note);
      GtkWidget *label = cell_label (text, 0, "caption");
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
      gtk_box_append (GTK_BOX (box), label);
    }
  return box;
}

static GtkWidget *
build_breakdown (const AwdResultsInput *in,
                 const AwdResultEntry  *e)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 2);
  gtk_widget_set_name (grid, "result-breakdown");
  gtk_widget_add_css_class (grid, "awd-breakdown");
  for (guint t = 0; e->totals != NULL && t < e->totals->len; t++)
    {
      const AwdJurorTotal *total = &g_array_index (e->totals, AwdJurorTotal, t);
      const AwdResultsJuror *juror = &g_array_index (in->jurors, AwdResultsJuror, total->juror);
      g_autofree char *value = awd_results_format_number (total->total, 3);

      gtk_grid_attach (GTK_GRID (grid), cell_label (juror->name, 0, NULL), 0, (int) t, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), cell_label (value, 1, "numeric"), 1, (int) t, 1, 1);
    }
  if (e->totals == NULL || e->totals->len == 0)
    gtk_grid_attach (GTK_GRID (grid), cell_label (_("No juror counts for this nomination"), 0, "dim-label"),
                     0, 0, 2, 1);
  return grid;
}

static void
add_direct_chooser (const AwdResultsData    *data,
                    const AwdResultCategory *c,
                    GtkWidget               *section)
{
  const AwdResultsInput *in = data->snapshot->input;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  const AwdResultsCategory *category = &g_array_index (in->categories, AwdResultsCategory, c->category);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *dropdown;
  guint selected = 0;
  gint64 none = 0;

  gtk_string_list_append (labels, _("No winner recorded"));
  g_array_append_val (ids, none);
  for (guint n = 0; n < in->nominations->len; n++)
    {
      const AwdResultsNomination *nomination = nomination_at (in, n);
      g_autofree char *label = NULL;

      if (nomination->category != c->category ||
          ((nomination->status == AWD_NOMINATION_STATUS_INELIGIBLE ||
            nomination->status == AWD_NOMINATION_STATUS_WITHDRAWN) && category->winner != (int) n))
        continue;
      label = g_strdup_printf ("%s · %s", nomination->ref, nomination->title);
      if (category->winner == (int) n)
        selected = ids->len;
      gtk_string_list_append (labels, label);
      g_array_append_val (ids, g_array_index (data->snapshot->nomination_ids, gint64, n));
    }

  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (labels)), NULL);
  gtk_widget_set_name (dropdown, "result-winner");
  gtk_widget_set_hexpand (dropdown, TRUE);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
  g_object_set_data_full (G_OBJECT (dropdown), "awd-choice-ids", ids, (GDestroyNotify) g_array_unref);
  set_id_data (G_OBJECT (dropdown), "awd-category-id",
               g_array_index (data->snapshot->category_ids, gint64, c->category));
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (winner_selected_cb), NULL);

  g_object_set_data (G_OBJECT (section), "awd-winner-chooser", dropdown);
  gtk_box_append (GTK_BOX (row), cell_label (_("Winner:"), 0, NULL));
  gtk_box_append (GTK_BOX (row), dropdown);
  gtk_box_append (GTK_BOX (section), row);
}

static GtkWidget *
tie_header_widget (const AwdResultsData    *data,
                   guint                    position)
{
  GtkWidget *button;

  if (data->final ||
      !awd_results_top_tie_undecided (data->snapshot->input,
                                      &g_array_index (data->decisions->categories, AwdResultCategory, position)))
    return NULL;

  button = gtk_button_new_with_mnemonic (_("_Decide the Tie…"));
  gtk_widget_set_name (button, "results-decide-tie");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_set_tooltip_text (button, _("First place is shared: the chair chooses the laureate and records why"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "results.decide-tie");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "i", (int) position);
  gtk_widget_set_sensitive (button, data->editable);
  return button;
}

static char *
describe_category (const AwdResultsData    *data,
                   const AwdResultCategory *c,
                   guint                    n_ranked)
{
  const char *kind = awd_category_kind_label (c->kind);

  if (c->kind == AWD_CATEGORY_KIND_JURY)
    /* Translators: kind of category · how many ranked · method. */
    return g_strdup_printf (ngettext ("%s · %u nomination ranked · %s",
                                      "%s · %u nominations ranked · %s", n_ranked),
                            kind, n_ranked, awd_method_label (data->method));
  if (c->kind == AWD_CATEGORY_KIND_VOTE)
    return g_strdup_printf (_("%s · ranked by the number of votes"), kind);
  return g_strdup_printf (_("%s · the recorded winner"), kind);
}

GtkWidget *
awd_results_build_category (const AwdResultsData *data,
                            guint                 position)
{
  const AwdResultsInput *in = data->snapshot->input;
  const AwdResultCategory *c = &g_array_index (data->results->categories, AwdResultCategory, position);
  gboolean jury = c->kind == AWD_CATEGORY_KIND_JURY;
  gboolean breakdown = jury && data->show_breakdown;
  g_autofree char *description = NULL;
  GtkWidget *section, *header, *grid, *tie;
  guint n_ranked = 0;
  int row = 1;

  for (guint k = 0; k < c->entries->len; k++)
    if (g_array_index (c->entries, AwdResultEntry, k).rank > 0)
      n_ranked++;

  description = describe_category (data, c, n_ranked);
  section = new_section (awd_results_category_name (in, c->category), description, &header);
  gtk_widget_set_name (section, "results-category");
  tie = tie_header_widget (data, position);
  if (tie != NULL)
    gtk_box_append (GTK_BOX (header), tie);

  if (c->kind == AWD_CATEGORY_KIND_DIRECT && data->editable && !data->final && c->category >= 0)
    add_direct_chooser (data, c, section);

  if (c->entries->len == 0)
    {
      GtkWidget *empty = cell_label (c->kind == AWD_CATEGORY_KIND_DIRECT
                                     ? _("No winner is recorded yet.")
                                     : _("No eligible nominations in this category."),
                                     0, "dim-label");
      gtk_widget_add_css_class (empty, "awd-placeholder");
      gtk_box_append (GTK_BOX (section), empty);
      return section;
    }

  grid = new_table ();
  gtk_grid_attach (GTK_GRID (grid), heading_label (_("Place"), 0), COL_RANK, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), heading_label (_("Ref."), 0), COL_REF, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), heading_label (_("Nomination"), 0), COL_TITLE, 0, 1, 1);
  if (jury)
    {
      gtk_grid_attach (GTK_GRID (grid), heading_label (_("Score"), 1), COL_SCORE, 0, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), heading_label (_("Jurors"), 1), COL_JURORS, 0, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), heading_label (_("Std. dev."), 1), COL_SD, 0, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), heading_label (_("Max − min"), 1), COL_RANGE, 0, 1, 1);
    }
  else if (c->kind == AWD_CATEGORY_KIND_VOTE)
    gtk_grid_attach (GTK_GRID (grid), heading_label (_("Votes"), 1), COL_SCORE, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), heading_label (_("Award"), 0), COL_AWARD, 0, 1, 1);

  for (guint k = 0; k < c->entries->len; k++)
    {
      const AwdResultEntry *e = &g_array_index (c->entries, AwdResultEntry, k);
      const AwdResultsNomination *n = nomination_at (in, e->nomination);
      const AwdResultRow *frozen = data->frozen != NULL
                                   ? g_hash_table_lookup (data->frozen, GUINT_TO_POINTER (e->nomination + 1))
                                   : NULL;
      guint rank = frozen != NULL ? (guint) frozen->rank : e->rank;
      double score = frozen != NULL ? frozen->score : e->score;
      AwdAwardMark mark = frozen != NULL ? frozen->mark : n->mark;
      const char *note = frozen != NULL ? frozen->note : n->note;
      g_autofree char *rank_text = awd_results_format_rank (rank, e->tied);
      GtkWidget *title_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *label;

      label = cell_label (rank_text, 0, "awd-rank");
      gtk_widget_set_name (label, "result-rank");
      if (e->tied)
        gtk_widget_set_tooltip_text (label, _("This place is shared"));
      gtk_grid_attach (GTK_GRID (grid), label, COL_RANK, row, 1, 1);

      label = cell_label (n->ref, 0, "numeric");
      gtk_widget_set_name (label, "result-ref");
      gtk_grid_attach (GTK_GRID (grid), label, COL_REF, row, 1, 1);

      label = cell_label (n->title, 0, NULL);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 48);
      gtk_box_append (GTK_BOX (title_box), label);
      if (n->institution != NULL && *n->institution != '\0')
        {
          label = cell_label (n->institution, 0, "dim-label");
          gtk_widget_add_css_class (label, "caption");
          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_label_set_max_width_chars (GTK_LABEL (label), 48);
          gtk_box_append (GTK_BOX (title_box), label);
        }
      gtk_widget_set_hexpand (title_box, TRUE);
      gtk_widget_set_valign (title_box, GTK_ALIGN_CENTER);
      gtk_grid_attach (GTK_GRID (grid), title_box, COL_TITLE, row, 1, 1);

      if (jury)
        {
          g_autofree char *score_text = e->has_score ? awd_results_format_number (score, 3)
                                                     : g_strdup (_("no scores"));
          g_autofree char *jurors = g_strdup_printf ("%u", e->n_counting);
          g_autofree char *sd = e->has_score ? awd_results_format_number (e->spread_sd, 3) : g_strdup ("—");
          g_autofree char *range = e->has_score ? awd_results_format_number (e->spread_range, 3) : g_strdup ("—");

          label = cell_label (score_text, 1, "numeric");
          gtk_widget_set_name (label, "result-score");
          gtk_grid_attach (GTK_GRID (grid), label, COL_SCORE, row, 1, 1);
          label = cell_label (jurors, 1, "numeric");
          if (e->n_counting < in->quorum)
            {
              g_autofree char *tip = g_strdup_printf (_("Fewer counting jurors than the quorum of %u"), in->quorum);
              gtk_widget_add_css_class (label, "error");
              gtk_widget_set_tooltip_text (label, tip);
            }
          gtk_grid_attach (GTK_GRID (grid), label, COL_JURORS, row, 1, 1);
          gtk_grid_attach (GTK_GRID (grid), cell_label (sd, 1, "numeric"), COL_SD, row, 1, 1);
          gtk_grid_attach (GTK_GRID (grid), cell_label (range, 1, "numeric"), COL_RANGE, row, 1, 1);
        }
      else if (c->kind == AWD_CATEGORY_KIND_VOTE)
        {
          g_autofree char *votes = n->has_votes ? g_strdup_printf ("%" G_GINT64_FORMAT, n->votes) : g_strdup ("—");
          label = cell_label (votes, 1, "numeric");
          gtk_widget_set_name (label, "result-score");
          gtk_grid_attach (GTK_GRID (grid), label, COL_SCORE, row, 1, 1);
        }
      else
        gtk_grid_attach (GTK_GRID (grid), cell_label (_("awarded directly"), 1, "dim-label"),
                         COL_SCORE, row, 4, 1);

      gtk_grid_attach (GTK_GRID (grid), build_award_cell (data, position, e, mark, note), COL_AWARD, row, 1, 1);

      if (breakdown)
        {
          GtkWidget *toggle = gtk_toggle_button_new ();
          GtkWidget *revealer = gtk_revealer_new ();

          gtk_button_set_icon_name (GTK_BUTTON (toggle), "pan-end-symbolic");
          gtk_widget_add_css_class (toggle, "flat");
          gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
          gtk_widget_set_name (toggle, "result-expand");
          gtk_widget_set_tooltip_text (toggle, _("Show each juror’s total"));
          g_signal_connect (toggle, "toggled", G_CALLBACK (expand_toggled_cb), NULL);
          gtk_grid_attach (GTK_GRID (grid), toggle, COL_EXPAND, row, 1, 1);

          gtk_revealer_set_child (GTK_REVEALER (revealer), build_breakdown (in, e));
          g_object_bind_property (toggle, "active", revealer, "reveal-child", G_BINDING_SYNC_CREATE);
          /* A collapsed revealer still takes a row gap; hide it instead. */
          g_object_bind_property (toggle, "active", revealer, "visible", G_BINDING_SYNC_CREATE);
          gtk_grid_attach (GTK_GRID (grid), revealer, COL_REF, row + 1, N_COLS - COL_REF, 1);
          row++;
        }
      row++;
    }

  append_card (section, grid);
  return section;
}

GtkWidget *
awd_results_build_comparison (const AwdResultsInput *in,
                              AwdResults * const     by_method[4],
                              guint                  position)
{
  const AwdResultCategory *c = &g_array_index (by_method[0]->categories, AwdResultCategory, position);
  GtkWidget *section = new_section (awd_results_category_name (in, c->category), NULL, NULL);
  GtkWidget *grid = new_table ();
  guint n_changed = 0;
  int row = 1;

  gtk_widget_set_name (section, "comparison-category");
  gtk_grid_attach (GTK_GRID (grid), heading_label (_("Ref."), 0), 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), heading_label (_("Nomination"), 0), 1, 0, 1, 1);
  for (AwdMethod m = AWD_METHOD_MEAN; m <= AWD_METHOD_ZSCORE; m++)
    {
      GtkWidget *label = heading_label (awd_method_label (m), 1);
      gtk_widget_set_name (label, "comparison-method");
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 12);
      gtk_grid_attach (GTK_GRID (grid), label, 2 + (int) m, 0, 1, 1);
    }

  for (guint k = 0; k < c->entries->len; k++)
    {
      const AwdResultEntry *e = &g_array_index (c->entries, AwdResultEntry, k);
      const AwdResultsNomination *n = nomination_at (in, e->nomination);
      gboolean changes = FALSE;
      GtkWidget *label;

      label = cell_label (n->ref, 0, "numeric");
      gtk_widget_set_name (label, "comparison-ref");
      gtk_grid_attach (GTK_GRID (grid), label, 0, row, 1, 1);
      label = cell_label (n->title, 0, NULL);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
      gtk_widget_set_tooltip_text (label, n->title);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_grid_attach (GTK_GRID (grid), label, 1, row, 1, 1);

      for (AwdMethod m = AWD_METHOD_MEAN; m <= AWD_METHOD_ZSCORE; m++)
        {
          const AwdResultEntry *other = awd_results_lookup (by_method[m], e->nomination);
          g_autofree char *rank = other != NULL ? awd_results_format_rank (other->rank, other->tied)
                                                : g_strdup ("—");
          g_autofree char *score = other != NULL && other->has_score
                                   ? awd_results_format_number (other->score, 3) : NULL;

          if (other == NULL || other->rank != e->rank)
            changes = TRUE;
          label = cell_label (rank, 1, "numeric");
          if (score != NULL)
            gtk_widget_set_tooltip_text (label, score);
          gtk_grid_attach (GTK_GRID (grid), label, 2 + (int) m, row, 1, 1);
        }

      if (changes)
        {
          label = cell_label (_("place changes"), 0, "warning");
          gtk_widget_set_name (label, "comparison-changed");
          gtk_grid_attach (GTK_GRID (grid), label, 6, row, 1, 1);
          n_changed++;
        }
      row++;
    }

  append_card (section, grid);
  if (n_changed == 0)
    gtk_box_append (GTK_BOX (section),
                    cell_label (_("Every method gives the same places."), 0, "dim-label"));
  return section;
}

static gboolean
same_places (const AwdResultCategory *a,
             const AwdResults        *other,
             guint                    top)
{
  for (guint k = 0; k < a->entries->len; k++)
    {
      const AwdResultEntry *e = &g_array_index (a->entries, AwdResultEntry, k);
      const AwdResultEntry *o = awd_results_lookup (other, e->nomination);
      gboolean in_a = e->rank > 0 && e->rank <= top;
      gboolean in_o = o != NULL && o->rank > 0 && o->rank <= top;

      if (in_a != in_o)
        return FALSE;
    }
  return TRUE;
}

static char *
describe_first (const AwdResultsInput   *in,
                const AwdResultCategory *c,
                const AwdResults        *res)
{
  GString *text = g_string_new (NULL);

  for (guint k = 0; k < c->entries->len; k++)
    {
      const AwdResultEntry *e = &g_array_index (c->entries, AwdResultEntry, k);
      const AwdResultEntry *o = res != NULL ? awd_results_lookup (res, e->nomination) : e;

      if (o != NULL && o->rank == 1)
        g_string_append_printf (text, "%s%s", text->len > 0 ? ", " : "", nomination_at (in, e->nomination)->ref);
    }
  if (text->len == 0)
    g_string_append (text, "—");
  return g_string_free (text, FALSE);
}

GtkWidget *
awd_results_build_robustness (const AwdResultsInput *in,
                              const AwdResults      *full,
                              const AwdResults      *without,
                              guint                  juror)
{
  const AwdResultsJuror *j = &g_array_index (in->jurors, AwdResultsJuror, juror);
  g_autofree char *title = g_strdup_printf (_("Without %s"), j->name);
  GtkWidget *section = new_section (title, NULL, NULL);
  GtkWidget *list = gtk_list_box_new ();

  gtk_widget_set_name (section, "robustness-juror");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  if (j->withdrawn)
    {
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Withdrawn from the season: their scores do not count"));
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      gtk_box_append (GTK_BOX (section), list);
      return section;
    }

  for (guint i = 0; i < full->categories->len; i++)
    {
      const AwdResultCategory *c = &g_array_index (full->categories, AwdResultCategory, i);
      g_autoptr(GString) moves = g_string_new (NULL);
      g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *subtitle = NULL;
      gboolean first_holds, top_holds;
      GtkWidget *row, *icon;

      if (c->kind != AWD_CATEGORY_KIND_JURY)
        continue;

      first_holds = same_places (c, without, 1);
      top_holds = same_places (c, without, 3);
      for (guint k = 0; k < c->entries->len; k++)
        {
          const AwdResultEntry *e = &g_array_index (c->entries, AwdResultEntry, k);
          const AwdResultEntry *o = awd_results_lookup (without, e->nomination);
          guint rank = o != NULL ? o->rank : 0;

          if (rank != e->rank)
            {
              g_autofree char *from = awd_results_format_rank (e->rank, FALSE);
              g_autofree char *to = awd_results_format_rank (rank, FALSE);
              g_string_append_printf (moves, "%s%s %s → %s", moves->len > 0 ? ", " : "",
                                      nomination_at (in, e->nomination)->ref, from, to);
            }
        }

      if (first_holds)
        {
          g_autofree char *first = describe_first (in, c, NULL);
          g_ptr_array_add (lines, g_strdup_printf (_("First place holds (%s)"), first));
        }
      else
        {
          g_autofree char *before = describe_first (in, c, NULL);
          g_autofree char *after = describe_first (in, c, without);
          g_ptr_array_add (lines, g_strdup_printf (_("First place changes: %s → %s"), before, after));
        }
      g_ptr_array_add (lines, g_strdup (top_holds ? _("The top three hold") : _("The top three change")));
      if (moves->len > 0)
        g_ptr_array_add (lines, g_strdup_printf (_("Moves: %s"), moves->str));
      else
        g_ptr_array_add (lines, g_strdup (_("No nomination moves")));
      g_ptr_array_add (lines, NULL);

      subtitle = g_strjoinv ("\n", (char **) lines->pdata);
      row = adw_action_row_new ();
      gtk_widget_set_name (row, first_holds ? "robustness-holds" : "robustness-changes");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), awd_results_category_name (in, c->category));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      icon = gtk_image_new_from_icon_name (first_holds && top_holds ? "emblem-ok-symbolic"
                                                                    : "dialog-warning-symbolic");
      gtk_widget_add_css_class (icon, first_holds ? (top_holds ? "success" : "warning") : "error");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }

  gtk_box_append (GTK_BOX (section), list);
  return section;
}
