/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-report-dossier"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "awd-attachment.h"
#include "awd-enums.h"
#include "awd-partner.h"
#include "awd-report-dossier.h"
#include "awd-report-typography.h"

static gboolean
is_set (const char *text)
{
  return text != NULL && *text != '\0';
}

static void
add_field (AwdReportTable *table,
           const char     *label,
           const char     *value)
{
  if (is_set (value))
    awd_report_table_add (table, AWD_REPORT_ROW_NORMAL, label, value);
}

static char *
format_period (AwdNomination *nomination)
{
  g_autofree char *start = awd_report_format_iso_date (awd_nomination_get_period_start (nomination));
  g_autofree char *end = awd_report_format_iso_date (awd_nomination_get_period_end (nomination));

  if (start != NULL && end != NULL)
    return g_strdup_printf ("%s — %s", start, end);
  if (start != NULL)
    return g_strdup_printf (_("from %s"), start);
  if (end != NULL)
    return g_strdup_printf (_("until %s"), end);
  return NULL;
}

static char *
format_contact (AwdNomination *nomination)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  if (is_set (awd_nomination_get_contact_name (nomination)))
    g_ptr_array_add (parts, (gpointer) awd_nomination_get_contact_name (nomination));
  if (is_set (awd_nomination_get_contact_email (nomination)))
    g_ptr_array_add (parts, (gpointer) awd_nomination_get_contact_email (nomination));
  if (is_set (awd_nomination_get_contact_phone (nomination)))
    g_ptr_array_add (parts, (gpointer) awd_nomination_get_contact_phone (nomination));
  g_ptr_array_add (parts, NULL);
  return parts->len > 1 ? g_strjoinv ("\n", (char **) parts->pdata) : NULL;
}

static char *
format_size (gint64 size)
{
  /* g_format_size() writes the locale's decimal mark; the unit names are
   * translated by GLib. */
  return g_format_size ((guint64) MAX (size, 0));
}

AwdReportDocument *
awd_report_dossier_new (AwdNomination             *nomination,
                        GListModel                *partners,
                        GListModel                *attachments,
                        const char                *award,
                        const char                *round_title,
                        const char                *category,
                        const AwdReportPageSetup  *setup)
{
  g_autoptr(AwdReportDocument) doc = NULL;
  g_autoptr(AwdReportTable) record = NULL;
  g_autofree char *header = NULL;
  g_autofree char *title = NULL;
  g_autofree char *where = NULL;
  g_autofree char *period = NULL;
  g_autofree char *contact = NULL;
  g_autofree char *received = NULL;
  g_autofree char *status = NULL;
  g_autoptr(GString) partner_list = g_string_new (NULL);
  const char *ref;
  guint n_attachments;

  g_return_val_if_fail (AWD_IS_NOMINATION (nomination), NULL);

  ref = awd_nomination_get_ref (nomination);
  doc = awd_report_document_new (setup);
  header = awd_report_compose_header_text (award, round_title);
  title = g_strdup_printf (_("Nomination %s"), ref);
  awd_report_document_set_header (doc, header, title);
  awd_report_document_set_title (doc, title);
  awd_report_document_set_footer (doc, title);

  awd_report_document_add_paragraph_printf (doc, AWD_REPORT_STYLE_SUBTITLE, AWD_REPORT_PARA_CENTER,
                                            _("NOMINATION No. %s"), ref);
  awd_report_document_add_paragraph (doc, AWD_REPORT_STYLE_TITLE, AWD_REPORT_PARA_CENTER,
                                     awd_nomination_get_title (nomination));
  if (is_set (awd_nomination_get_title_en (nomination)))
    awd_report_document_add_paragraph (doc, AWD_REPORT_STYLE_SUBTITLE,
                                       AWD_REPORT_PARA_CENTER | AWD_REPORT_PARA_ITALIC,
                                       awd_nomination_get_title_en (nomination));
  awd_report_document_add_space (doc, 12);

  {
    g_autoptr(GPtrArray) place = g_ptr_array_new ();
    const char *parts[] = { awd_nomination_get_city (nomination), awd_nomination_get_region (nomination),
                            awd_nomination_get_country (nomination) };

    for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
      if (is_set (parts[i]))
        g_ptr_array_add (place, (gpointer) parts[i]);
    g_ptr_array_add (place, NULL);
    where = g_strjoinv (", ", (char **) place->pdata);
  }

  for (guint i = 0; partners != NULL && i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(AwdPartner) partner = g_list_model_get_item (partners, i);

      if (partner_list->len > 0)
        g_string_append_c (partner_list, '\n');
      g_string_append (partner_list, awd_partner_get_name (partner));
      if (is_set (awd_partner_get_country (partner)))
        g_string_append_printf (partner_list, " (%s)", awd_partner_get_country (partner));
    }

  period = format_period (nomination);
  contact = format_contact (nomination);
  received = awd_report_format_iso_date (awd_nomination_get_received (nomination));
  if (is_set (awd_nomination_get_status_reason (nomination)))
    status = g_strdup_printf ("%s: %s", awd_nomination_status_label (awd_nomination_get_status (nomination)),
                              awd_nomination_get_status_reason (nomination));
  else
    status = g_strdup (awd_nomination_status_label (awd_nomination_get_status (nomination)));

  record = awd_report_table_new (2);
  awd_report_table_hide_header (record);
  awd_report_table_set_style (record, AWD_REPORT_STYLE_BODY);
  awd_report_table_set_column (record, 0, NULL, 1.0, PANGO_ALIGN_LEFT);
  awd_report_table_set_column (record, 1, NULL, 2.6, PANGO_ALIGN_LEFT);
  add_field (record, _("Reference number"), ref);
  add_field (record, _("Category"), category);
  add_field (record, _("Status"), status);
  add_field (record, _("Date received"), received);
  add_field (record, _("Nominating institution"), awd_nomination_get_institution (nomination));
  add_field (record, _("Location"), where);
  add_field (record, _("Partners"), partner_list->str);
  add_field (record, _("Project period"), period);
  add_field (record, _("Contact"), contact);
  add_field (record, _("Web site"), awd_nomination_get_url (nomination));
  awd_report_document_add_table (doc, g_steal_pointer (&record));

  if (is_set (awd_nomination_get_summary (nomination)))
    {
      g_auto(GStrv) paragraphs = g_strsplit (awd_nomination_get_summary (nomination), "\n", -1);

      awd_report_document_add_space (doc, 6);
      awd_report_document_add_paragraph (doc, AWD_REPORT_STYLE_HEADING, AWD_REPORT_PARA_KEEP_WITH_NEXT,
                                         _("Summary"));
      for (guint i = 0; paragraphs[i] != NULL; i++)
        if (*g_strstrip (paragraphs[i]) != '\0')
          awd_report_document_add_paragraph (doc, AWD_REPORT_STYLE_BODY, AWD_REPORT_PARA_JUSTIFY,
                                             paragraphs[i]);
    }

  awd_report_document_add_space (doc, 6);
  awd_report_document_add_paragraph (doc, AWD_REPORT_STYLE_HEADING, AWD_REPORT_PARA_KEEP_WITH_NEXT,
                                     _("Attachments"));
  n_attachments = attachments != NULL ? g_list_model_get_n_items (attachments) : 0;
  if (n_attachments == 0)
    awd_report_document_add_paragraph (doc, AWD_REPORT_STYLE_BODY, AWD_REPORT_PARA_LEFT,
                                       _("No files are attached."));
  else
    {
      g_autoptr(AwdReportTable) files = awd_report_table_new (5);

      awd_report_table_set_column (files, 0, C_("dossier column", "No."), 0.4, PANGO_ALIGN_CENTER);
      awd_report_table_set_column (files, 1, _("File"), 2.6, PANGO_ALIGN_LEFT);
      awd_report_table_set_column (files, 2, _("Type"), 1.5, PANGO_ALIGN_LEFT);
      awd_report_table_set_column (files, 3, _("Size"), 0.9, PANGO_ALIGN_RIGHT);
      awd_report_table_set_column (files, 4, "SHA-256", 2.9, PANGO_ALIGN_LEFT);
      for (guint i = 0; i < n_attachments; i++)
        {
          g_autoptr(AwdAttachment) file = g_list_model_get_item (attachments, i);
          g_autofree char *number = g_strdup_printf ("%u", i + 1);
          g_autofree char *size = format_size (awd_attachment_get_size (file));
          const char *sha = awd_attachment_get_sha256 (file);
          /* Two lines of 32: a hash does not wrap at a word. */
          g_autofree char *sha_lines = sha != NULL && strlen (sha) == 64
                                       ? g_strdup_printf ("%.32s\n%s", sha, sha + 32) : g_strdup (sha);

          awd_report_table_add (files, AWD_REPORT_ROW_NORMAL, number, awd_attachment_get_name (file),
                                awd_attachment_get_mime_type (file), size, sha_lines);
        }
      awd_report_document_add_table (doc, g_steal_pointer (&files));
    }

  return g_steal_pointer (&doc);
}
