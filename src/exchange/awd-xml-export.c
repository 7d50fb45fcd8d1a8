/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-xml-export"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <libxml/xmlwriter.h>

#include "awd-canonical.h"
#include "awd-xml-export.h"

/* Streams rounds out with xmlTextWriter; see awd-xml-export.h for the
 * promises about the bytes. Every libxml2 call is checked. */

#define PROGRESS_EVERY 4096
/* Bytes of an attachment encoded per step: a multiple of 57 so that every
 * step ends on a whole 76-character base64 line. */
#define BASE64_CHUNK (57 * 1024)

typedef struct {
  AwdStore           *store;
  const char         *path;
  xmlTextWriterPtr    writer;
  int                 fd;
  int                 io_errno;
  GCancellable       *cancellable;
  AwdXmlProgressFunc  progress;
  gpointer            progress_data;
  guint64             done;
  guint64             total;

  /* Database id → key of the round being written. */
  GHashTable         *criterion_keys;
  GHashTable         *category_keys;
  GHashTable         *juror_keys;
  GHashTable         *nomination_keys;

  /* Scores, written straight to the output buffer (see write_score_cb). */
  xmlOutputBufferPtr  output;
  guint64             scores_written;
  gint64              score_juror_id;
  const char         *score_juror_key;
  char               *lines;
  gsize               lines_len;

  /* write_cb's own buffer: libxml2 hands over 4 KB at a time. */
  char               *out_buffer;
  gsize               out_len;
} ExportContext;

#define LINES_SIZE (64 * 1024)
#define OUT_BUFFER_SIZE (256 * 1024)

static gboolean
write_all (ExportContext *ctx,
           const char    *buffer,
           gsize          len)
{
  gsize written = 0;

  while (written < len)
    {
      ssize_t n = write (ctx->fd, buffer + written, len - written);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          ctx->io_errno = errno;
          return FALSE;
        }
      written += (gsize) n;
    }
  return TRUE;
}

/* Gathers libxml2's 4 KB writes into fewer, larger ones. */
static int
write_cb (void       *context,
          const char *buffer,
          int         len)
{
  ExportContext *ctx = context;

  if (ctx->out_len + (gsize) len > OUT_BUFFER_SIZE)
    {
      if (!write_all (ctx, ctx->out_buffer, ctx->out_len))
        return -1;
      ctx->out_len = 0;
    }
  if ((gsize) len > OUT_BUFFER_SIZE)
    return write_all (ctx, buffer, (gsize) len) ? len : -1;
  memcpy (ctx->out_buffer + ctx->out_len, buffer, (gsize) len);
  ctx->out_len += (gsize) len;
  return len;
}

static gboolean
flush_out_buffer (ExportContext *ctx)
{
  gboolean ok = write_all (ctx, ctx->out_buffer, ctx->out_len);

  ctx->out_len = 0;
  return ok;
}

static int
close_cb (void *context)
{
  /* The fd is synced and closed by the caller, which checks both. */
  return 0;
}

/* The reason a libxml2 writer call failed. */
static gboolean
fail_write (ExportContext  *ctx,
            GError        **error)
{
  if (error != NULL && *error != NULL)
    return FALSE;
  if (ctx->io_errno != 0)
    g_set_error (error, AWD_XML_ERROR, AWD_XML_ERROR_IO,
                 _("Could not write “%s”: %s"), ctx->path, g_strerror (ctx->io_errno));
  else
    g_set_error (error, AWD_XML_ERROR, AWD_XML_ERROR_IO,
                 _("Could not write “%s”: the XML writer failed"), ctx->path);
  return FALSE;
}

#define CHECK(call) \
  G_STMT_START { \
    if ((call) < 0) \
      return fail_write (ctx, error); \
  } G_STMT_END

static gboolean
tick (ExportContext  *ctx,
      GError        **error)
{
  ctx->done++;
  if (ctx->done % PROGRESS_EVERY != 0)
    return TRUE;
  if (g_cancellable_set_error_if_cancelled (ctx->cancellable, error))
    return FALSE;
  if (ctx->progress != NULL)
    ctx->progress (ctx->done, ctx->total, ctx->progress_data);
  return TRUE;
}

/* XML 1.0 cannot carry most C0 controls nor invalid UTF-8: such text (from
 * a spreadsheet, say) is written with U+FFFD in their place. */
static gboolean
is_xml_text (const char *text)
{
  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
      return FALSE;
  return TRUE;
}

static char *
make_xml_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p++)
    {
      if ((guchar) *p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
        g_string_append (out, "\xef\xbf\xbd");
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static int
write_attribute (ExportContext *ctx,
                 const char    *name,
                 const char    *value)
{
  g_autofree char *clean = NULL;

  if (!is_xml_text (value))
    value = clean = make_xml_text (value);
  return xmlTextWriterWriteAttribute (ctx->writer, BAD_CAST name, BAD_CAST value);
}

/* An attribute only when @value says something. */
static int
write_optional_attribute (ExportContext *ctx,
                          const char    *name,
                          const char    *value)
{
  if (value == NULL || *value == '\0')
    return 0;
  return write_attribute (ctx, name, value);
}

static int
write_element (ExportContext *ctx,
               const char    *name,
               const char    *text)
{
  g_autofree char *clean = NULL;

  if (!is_xml_text (text))
    text = clean = make_xml_text (text);
  return xmlTextWriterWriteElement (ctx->writer, BAD_CAST name, BAD_CAST text);
}

static int
write_optional_element (ExportContext *ctx,
                        const char    *name,
                        const char    *text)
{
  if (text == NULL || *text == '\0')
    return 0;
  return write_element (ctx, name, text);
}

static int
write_text (ExportContext *ctx,
            const char    *text)
{
  g_autofree char *clean = NULL;

  if (!is_xml_text (text))
    text = clean = make_xml_text (text);
  return xmlTextWriterWriteString (ctx->writer, BAD_CAST text);
}

static int
write_decimal_attribute (ExportContext *ctx,
                         const char    *name,
                         double         value)
{
  char text[AWD_XML_DECIMAL_SIZE];

  awd_xml_format_decimal_into (value, text, sizeof text);
  return xmlTextWriterWriteAttribute (ctx->writer, BAD_CAST name, BAD_CAST text);
}

static int
write_int_attribute (ExportContext *ctx,
                     const char    *name,
                     gint64         value)
{
  char text[32];

  g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, value);
  return xmlTextWriterWriteAttribute (ctx->writer, BAD_CAST name, BAD_CAST text);
}

static int
write_bool_attribute (ExportContext *ctx,
                      const char    *name,
                      gboolean       value)
{
  return xmlTextWriterWriteAttribute (ctx->writer, BAD_CAST name, BAD_CAST (value ? "true" : "false"));
}

static void
add_key (GHashTable *keys,
         gint64      id,
         char        prefix,
         guint       position)
{
  g_hash_table_insert (keys, g_memdup2 (&id, sizeof id),
                       g_strdup_printf ("%c%u", prefix, position));
}

static const char *
lookup_key (GHashTable *keys,
            gint64      id)
{
  return g_hash_table_lookup (keys, &id);
}

/* Sections of a round ---------------------------------------------------- */

static gboolean
write_criteria (ExportContext  *ctx,
                gint64          round_id,
                GError        **error)
{
  g_autoptr(GListModel) criteria = awd_store_list_criteria (ctx->store, round_id, error);
  guint n;

  if (criteria == NULL)
    return FALSE;
  n = g_list_model_get_n_items (criteria);
  if (n == 0)
    return TRUE;

  CHECK (xmlTextWriterStartElement (ctx->writer, BAD_CAST "criteria"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AwdCriterion) c = g_list_model_get_item (criteria, i);

      add_key (ctx->criterion_keys, awd_criterion_get_id (c), 'c', i + 1);
      CHECK (xmlTextWriterStartElement (ctx->writer, BAD_CAST "criterion"));
      CHECK (write_attribute (ctx, "key", lookup_key (ctx->criterion_keys, awd_criterion_get_id (c))));
      CHECK (write_decimal_attribute (ctx, "weight", awd_criterion_get_weight (c)));
      CHECK (write_element (ctx, "name", awd_criterion_get_name (c)));
      CHECK (write_optional_element (ctx, "description", awd_criterion_get_description (c)));
      CHECK (xmlTextWriterEndElement (ctx->writer));
    }
  CHECK (xmlTextWriterEndElement (ctx->writer));
  return TRUE;
}

static gboolean
write_categories (ExportContext  *ctx,
                  GListModel     *categories,
                  GError        **error)
{
  guint n = g_list_model_get_n_items (categories);

  if (n == 0)
    return TRUE;

  CHECK (xmlTextWriterStartElement (ctx->writer, BAD_CAST "categories"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AwdCategory) k = g_list_model_get_item (categories, i);
      gint64 winner = awd_category_get_winner_id (k);

      CHECK (xmlTextWriterStartElement (ctx->writer, BAD_CAST "category"));
      CHECK (write_attribute (ctx, "key", lookup_key (ctx->category_keys, awd_category_get_id (k))));
      CHECK (write_attribute (ctx, "kind", awd_category_kind_to_string (awd_category_get_kind (k))));
      if (winner > 0 && lookup_key (ctx->nomination_keys, winner) != NULL)
        CHECK (write_attribute (ctx, "winner", lookup_key (ctx->nomination_keys, winner)));
      CHECK (write_element (ctx, "name", awd_category_get_name (k)));
      CHECK (xmlTextWriterEndElement (ctx->writer));
    }
  CHECK (xmlTextWriterEndElement (ctx->writer));
  return TRUE;
}

static gboolean
write_jurors (ExportContext  *ctx,
              gint64          round_id,
              GError        **error)
{
  g_autoptr(GListModel) jurors = awd_store_list_jurors (ctx->store, round_id, error);
  guint n;

  if (jurors == NULL)
    return FALSE;
  n = g_list_model_get_n_items (jurors);
  if (n == 0)
    return TRUE;

  CHECK (xmlTextWriterStartElement (ctx->writer, BAD_CAST "jurors"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AwdJuror) j = g_list_model_get_item (jurors, i);

      add_key (ctx->juror_keys, awd_juror_get_id (j), 'j', i + 1);
      CHECK (xmlTextWriterStartElement (ctx->writer, BAD_CAST "juror"));
      CHECK (write_attribute (ctx, "key", lookup_key (ctx->juror_keys, awd_juror_get_id (j))));
      CHECK (write_bool_attribute (ctx, "chair", awd_juror_get_chair (j)));
      CHECK (write_bool_attribute (ctx, "withdrawn", awd_juror_get_withdrawn (j)));
      /* The store keeps a reason for a withdrawn juror only. */
      if (awd_juror_get_withdrawn (j))
        CHECK (write_optional_attribute (ctx, "reason", awd_juror_get_withdrawn_reason (j)));
      CHECK (write_bool_attribute (ctx, "submitted", awd_juror_get_submitted (j)));
      CHECK (write_element (ctx, "name", awd_juror_get_name (j)));
      CHECK (write_optional_element (ctx, "affiliation", awd_juror_get_affiliation (j)));
      CHECK (write_optional_element (ctx, "email", awd_juror_get_email (j)));
      CHECK (xmlTextWriterEndElement (ctx->writer));
    }
  CHECK (xmlTextWriterEndElement (ctx->writer));
  return TRUE;
}

static gboolean
write_attachment (ExportContext  *ctx,
                  AwdAttachment  *a,
                  GError        **error)
{
  g_autoptr(GBytes) data = awd_store_get_attachment_data (ctx->store, awd_attachment_get_id (a), error);
  g_autofree char *out = NULL;
  const guchar *bytes;
  gsize size;
  int state = 0, save = 0;
  gsize len;

  if (data == NULL)
    return FALSE;
  bytes = g_bytes_get_data (data, &size);

  CHECK (xmlTextWriterStartElement (ctx->writer, BAD_CAST "attachment"));
  CHECK (write_attribute (ctx, "name", awd_attachment_get_name (a)));
  CHECK (write_optional_attribute (ctx, "type", awd_attachment_get_mime_type (a)));
  CHECK (write_attribute (ctx, "sha256", awd_attachment_get_sha256 (a)));

  /* Encoded a chunk at a time so a large file never exists twice over in
   * memory as text. Lines of 76 characters, as MIME writes them. */
  out = g_malloc ((BASE64_CHUNK / 3 + 1) * 4 + (BASE64_CHUNK / 57 + 2) + 8);
  for (gsize offset = 0; offset < size; offset += BASE64_CHUNK)
    {
      len = g_base64_encode_step (bytes + offset, MIN (BASE64_CHUNK, size - offset), TRUE,
                                  out, &state, &save);
      out[len] = '\0';
      CHECK (xmlTextWriterWriteRaw (ctx->writer, BAD_CAST out));
    }
  len = g_base64_encode_close (TRUE, out, &state, &save);
  /* Drop the closing newline: the element ends right after the text. */
  if (len > 0 && out[len - 1] == '\n')
    len--;
  out[len] = '\0';
  if (len > 0)
    CHECK (xmlTextWriterWriteRaw (ctx->writer, BAD_CAST out));

  CHECK (xmlTextWriterEndElement (ctx->writer));
  return TRUE;
}

static gboolean
write_nomination (ExportContext  *ctx,
                  AwdNomination  *n,
                  GError        **error)
{
  gint64 id = awd_nomination_get_id (n);
  gint64 category = awd_nomination_get_category_id (n);
  g_autoptr(GListModel) partners = NULL;
  g_autoptr(GListModel) attachments = NULL;
  guint n_partners, n_attachments;
  const char *start = awd_nomination_get_period_start (n);
  const char *end = awd_nomination_get_period_end (n);
  const char *contact_name = awd_nomination_get_contact_name (n);
  const char *contact_email = awd_nomination_get_contact_email (n);
  const char *contact_phone = awd_nomination_get_contact_phone (n);

  partners = awd_store_list_partners (ctx->store, id, error);
  if (partners == NULL)
    return FALSE;
  attachments = awd_store_list_attachments (ctx->store, id, error);
  if (attachments == NULL)
    return FALSE;

  CHECK (xmlTextWriterStartElement (ctx->writer, BAD_CAST "nomination"));
  CHECK (write_attribute (ctx, "key", lookup_key (ctx->nomination_keys, id)));
  CHECK (write_attribute (ctx, "ref", awd_nomination_get_ref (n)));
  if (category > 0 && lookup_key (ctx->category_keys, category) != NULL)
    CHECK (write_attribute (ctx, "category", lookup_key (ctx->category_keys, category)));
  CHECK (write_attribute (ctx, "status", awd_nomination_status_to_string (awd_nomination_get_status (n))));
  CHECK (write_optional_attribute (ctx, "reason", awd_nomination_get_status_reason (n)));
  CHECK (write_optional_attribute (ctx, "received", awd_nomination_get_received (n)));

  CHECK (write_element (ctx, "title", awd_nomination_get_title (n)));
  CHECK (write_optional_element (ctx, "title-en", awd_nomination_get_title_en (n)));
  CHECK (write_optional_element (ctx, "institution", awd_nomination_get_institution (n)));
  CHECK (write_optional_element (ctx, "city", awd_nomination_get_city (n)));
  CHECK (write_optional_element (ctx, "region", awd_nomination_get_region (n)));
  CHECK (write_optional_element (ctx, "country", awd_nomination_get_country (n)));

  n_partners = g_list_model_get_n_items (partners);
  if (n_partners > 0)
    {
      CHECK (xmlTextWriterStartElement (ctx->writer, BAD_CAST "partners"));
      for (guint i = 0; i < n_partners; i++)
        {
          g_autoptr(AwdPartner) p = g_list_model_get_item (partners, i);

          CHECK (xmlTextWriterStartElement (ctx->writer, BAD_CAST "partner"));
          CHECK (write_optional_attribute (ctx, "country", awd_partner_get_country (p)));
          CHECK (write_text (ctx, awd_partner_get_name (p)));
          CHECK (xmlTextWriterEndElement (ctx->writer));
        }
      CHECK (xmlTextWriterEndElement (ctx->writer));
    }

  if ((start != NULL && *start != '\0') || (end != NULL && *end != '\0'))
    {
      CHECK (xmlTextWriterStartElement (ctx->writer, BAD_CAST "period"));
      CHECK (write_optional_attribute (ctx, "start", start));
      CHECK (write_optional_attribute (ctx, "end", end));
      CHECK (xmlTextWriterEndElement (ctx->writer));
    }

  CHECK (write_optional_element (ctx, "summary", awd_nomination_get_summary (n)));

  if ((contact_name != NULL && *contact_name != '\0') ||
      (contact_email != NULL && *contact_email != '\0') ||
      (contact_phone != NULL && *contact_phone != '\0'))
    {
      CHECK (xmlTextWriterStartElement (ctx->writer, BAD_CAST "contact"));
      CHECK (write_optional_attribute (ctx, "name", contact_name));
      CHECK (write_optional_attribute (ctx, "email", contact_email));
      CHECK (write_optional_attribute (ctx, "phone", contact_phone));
      CHECK (xmlTextWriterEndElement (ctx->writer));
    }

  CHECK (write_optional_element (ctx, "url", awd_nomination_get_url (n)));

  n_attachments = g_list_model_get_n_items (attachments);
  if (n_attachments > 0)
    {
      CHECK (xmlTextWriterStartElement (ctx->writer, BAD_CAST "attachments"));
      for (guint i = 0; i < n_attachments; i++)
        {
          g_autoptr(AwdAttachment) a = g_list_model_get_item (attachments, i);

          if (!write_attachment (ctx, a, error))
            return FALSE;
        }
      CHECK (xmlTextWriterEndElement (ctx->writer));
    }

  CHECK (xmlTextWriterEndElement (ctx->writer));
  return tick (ctx, error);
}

static int
flush_lines (ExportContext *ctx)
{
  int rc = 0;

  if (ctx->lines_len > 0)
    rc = xmlOutputBufferWrite (ctx->output, (int) ctx->lines_len, ctx->lines);
  ctx->lines_len = 0;
  return rc < 0 ? -1 : 0;
}

static inline char *
append (char       *p,
        const char *text,
        gsize       len)
{
  memcpy (p, text, len);
  return p + len;
}

#define APPEND_LITERAL(p, literal) append ((p), (literal), sizeof (literal) - 1)

/* A round may hold a million scores, and xmlTextWriter spends more on each
 * element's bookkeeping (a stack entry, a copied name, a state per
 * attribute) than on its bytes. The first score goes through the writer,
 * which closes <scores> and leaves it expecting an indented child; the
 * rest are the very bytes the writer would give (the same indentation, a
 * child of <scores> at depth 3, attributes in the same order), written to
 * its output buffer, which the writer does not touch until </scores>.
 * Nothing in them needs escaping: keys are a letter and digits, values
 * digits, '.' and '-'. */
static gboolean
write_score_cb (gint64    juror_id,
                gint64    nomination_id,
                gint64    criterion_id,
                double    value,
                gpointer  user_data,
                GError  **error)
{
  ExportContext *ctx = user_data;
  const char *nomination_key = lookup_key (ctx->nomination_keys, nomination_id);
  const char *criterion_key = lookup_key (ctx->criterion_keys, criterion_id);
  char number[AWD_XML_DECIMAL_SIZE];
  gsize number_len;
  char *p;

  if (ctx->score_juror_key == NULL || juror_id != ctx->score_juror_id)
    {
      ctx->score_juror_id = juror_id;
      ctx->score_juror_key = lookup_key (ctx->juror_keys, juror_id);
    }
  g_assert (ctx->score_juror_key != NULL && nomination_key != NULL && criterion_key != NULL);
  number_len = awd_xml_format_decimal_into (value, number, sizeof number);

  if (ctx->scores_written++ == 0)
    {
      CHECK (xmlTextWriterStartElement (ctx->writer, BAD_CAST "score"));
      CHECK (xmlTextWriterWriteAttribute (ctx->writer, BAD_CAST "juror", BAD_CAST ctx->score_juror_key));
      CHECK (xmlTextWriterWriteAttribute (ctx->writer, BAD_CAST "nomination", BAD_CAST nomination_key));
      CHECK (xmlTextWriterWriteAttribute (ctx->writer, BAD_CAST "criterion", BAD_CAST criterion_key));
      CHECK (xmlTextWriterWriteAttribute (ctx->writer, BAD_CAST "value", BAD_CAST number));
      CHECK (xmlTextWriterEndElement (ctx->writer));
      return tick (ctx, error);
    }

  /* Keys are at most a letter and 10 digits; numbers fit their buffer. */
  if (ctx->lines_len + 128 + sizeof number > LINES_SIZE)
    CHECK (flush_lines (ctx));
  p = ctx->lines + ctx->lines_len;
  p = APPEND_LITERAL (p, "      <score juror=\"");
  p = append (p, ctx->score_juror_key, strlen (ctx->score_juror_key));
  p = APPEND_LITERAL (p, "\" nomination=\"");
  p = append (p, nomination_key, strlen (nomination_key));
  p = APPEND_LITERAL (p, "\" criterion=\"");
  p = append (p, criterion_key, strlen (criterion_key));
  p = APPEND_LITERAL (p, "\" value=\"");
  p = append (p, number, number_len);
  p = APPEND_LITERAL (p, "\"/>\n");
  ctx->lines_len = (gsize) (p - ctx->lines);
  return tick (ctx, error);
}

static gboolean
write_scores (ExportContext  *ctx,
              gint64          round_id,
              GError        **error)
{
  gint64 n = awd_store_count_scores (ctx->store, round_id, error);

  if (n < 0)
    return FALSE;
  if (n == 0)
    return TRUE;

  ctx->scores_written = 0;
  ctx->score_juror_key = NULL;
  CHECK (xmlTextWriterStartElement (ctx->writer, BAD_CAST "scores"));
  if (!awd_store_foreach_score (ctx->store, round_id, write_score_cb, ctx, error))
    return FALSE;
  CHECK (flush_lines (ctx));
  CHECK (xmlTextWriterEndElement (ctx->writer));
  return TRUE;
}

static gboolean
write_conflicts (ExportContext  *ctx,
                 gint64          round_id,
                 GError        **error)
{
  g_autoptr(GArray) rows = awd_store_list_conflicts (ctx->store, round_id, error);

  if (rows == NULL)
    return FALSE;
  if (rows->len == 0)
    return TRUE;

  CHECK (xmlTextWriterStartElement (ctx->writer, BAD_CAST "conflicts"));
  for (guint i = 0; i < rows->len; i++)
    {
      const AwdConflictRow *row = &g_array_index (rows, AwdConflictRow, i);

      CHECK (xmlTextWriterStartElement (ctx->writer, BAD_CAST "conflict"));
      CHECK (write_attribute (ctx, "juror", lookup_key (ctx->juror_keys, row->juror_id)));
      CHECK (write_attribute (ctx, "nomination", lookup_key (ctx->nomination_keys, row->nomination_id)));
      CHECK (write_optional_attribute (ctx, "reason", row->reason));
      CHECK (xmlTextWriterEndElement (ctx->writer));
    }
  CHECK (xmlTextWriterEndElement (ctx->writer));
  return TRUE;
}

static gboolean
write_comments (ExportContext  *ctx,
                gint64          round_id,
                GError        **error)
{
  g_autoptr(GArray) rows = awd_store_list_comments (ctx->store, round_id, error);

  if (rows == NULL)
    return FALSE;
  if (rows->len == 0)
    return TRUE;

  CHECK (xmlTextWriterStartElement (ctx->writer, BAD_CAST "comments"));
  for (guint i = 0; i < rows->len; i++)
    {
      const AwdCommentRow *row = &g_array_index (rows, AwdCommentRow, i);
      CHECK (xmlTextWriterStartElement (ctx->writer, BAD_CAST "comment"));
      CHECK (write_attribute (ctx, "juror", lookup_key (ctx->juror_keys, row->juror_id)));
      CHECK (write_attribute (ctx, "nomination", lookup_key (ctx->nomination_keys, row->nomination_id)));
      CHECK (write_text (ctx, row->text));
      CHECK (xmlTextWriterEndElement (ctx->writer));
    }
  CHECK (xmlTextWriterEndElement (ctx->writer));
  return TRUE;
}

static gboolean
write_votes (ExportContext  *ctx,
             gint64          round_id,
             GError        **error)
{
  g_autoptr(GArray) rows = awd_store_list_votes (ctx->store, round_id, error);

  if (rows == NULL)
    return FALSE;
  if (rows->len == 0)
    return TRUE;

  CHECK (xmlTextWriterStartElement (ctx->writer, BAD_CAST "votes"));
  for (guint i = 0; i < rows->len; i++)
    {
      const AwdVoteRow *row = &g_array_index (rows, AwdVoteRow, i);

      CHECK (xmlTextWriterStartElement (ctx->writer, BAD_CAST "vote"));
      CHECK (write_attribute (ctx, "nomination", lookup_key (ctx->nomination_keys, row->nomination_id)));
      CHECK (write_int_attribute (ctx, "count", row->count));
      CHECK (xmlTextWriterEndElement (ctx->writer));
    }
  CHECK (xmlTextWriterEndElement (ctx->writer));
  return TRUE;
}

/* The award marks and notes recorded for the round's nominations, as
 * stored. A final round always gets the element, empty when nothing is
 * recorded: without it an import takes the decisions from the results, as
 * for a file written before decisions were exported. */
static gboolean
write_decisions (ExportContext  *ctx,
                 AwdRound       *round,
                 GError        **error)
{
  g_autoptr(GArray) rows = awd_store_list_awards (ctx->store, awd_round_get_id (round), error);
  gboolean started = FALSE;

  if (rows == NULL)
    return FALSE;

  if (awd_round_get_status (round) == AWD_ROUND_STATUS_FINAL)
    {
      CHECK (xmlTextWriterStartElement (ctx->writer, BAD_CAST "decisions"));
      started = TRUE;
    }
  for (guint i = 0; i < rows->len; i++)
    {
      const AwdAwardRow *row = &g_array_index (rows, AwdAwardRow, i);
      const char *key = lookup_key (ctx->nomination_keys, row->nomination_id);
      gboolean has_note = row->note != NULL && *row->note != '\0';

      /* A decision says something: a mark, a note or both. */
      if (key == NULL || (row->mark == AWD_AWARD_MARK_NONE && !has_note))
        continue;
      if (!started)
        {
          CHECK (xmlTextWriterStartElement (ctx->writer, BAD_CAST "decisions"));
          started = TRUE;
        }
      CHECK (xmlTextWriterStartElement (ctx->writer, BAD_CAST "decision"));
      CHECK (write_attribute (ctx, "nomination", key));
      if (row->mark != AWD_AWARD_MARK_NONE)
        CHECK (write_attribute (ctx, "award", awd_award_mark_to_string (row->mark)));
      CHECK (write_optional_attribute (ctx, "note", row->note));
      CHECK (xmlTextWriterEndElement (ctx->writer));
    }
  if (started)
    CHECK (xmlTextWriterEndElement (ctx->writer));
  return TRUE;
}

/* The stored finalization time as an xs:dateTime in UTC, or NULL when
 * there is none or it is not a date and time (the column is free text). */
static char *
format_finalized_at (const char *stored)
{
  g_autoptr(GTimeZone) utc = NULL;
  g_autoptr(GDateTime) parsed = NULL;
  g_autoptr(GDateTime) in_utc = NULL;

  if (stored == NULL || *stored == '\0')
    return NULL;
  utc = g_time_zone_new_utc ();
  parsed = g_date_time_new_from_iso8601 (stored, utc);
  if (parsed == NULL)
    return NULL;
  /* Years 1 to 9999, written with four digits: a valid xs:dateTime. */
  in_utc = g_date_time_to_utc (parsed);
  return in_utc != NULL ? g_date_time_format_iso8601 (in_utc) : NULL;
}

static gboolean
write_results (ExportContext  *ctx,
               AwdRound       *round,
               GError        **error)
{
  g_autoptr(GArray) rows = NULL;
  g_autofree char *checksum = NULL;
  g_autofree char *finalized = NULL;
  AwdMethod method = awd_round_get_method (round);

  if (awd_round_get_status (round) != AWD_ROUND_STATUS_FINAL)
    return TRUE;

  rows = awd_store_list_results (ctx->store, awd_round_get_id (round), error);
  if (rows == NULL)
    return FALSE;
  if (!awd_store_get_results_method (ctx->store, awd_round_get_id (round), &method, error))
    return FALSE;

  checksum = g_strconcat ("sha256:", awd_round_get_results_checksum (round), NULL);
  CHECK (xmlTextWriterStartElement (ctx->writer, BAD_CAST "results"));
  CHECK (write_attribute (ctx, "method", awd_method_to_string (method)));
  CHECK (write_attribute (ctx, "checksum", checksum));
  finalized = format_finalized_at (awd_round_get_finalized_at (round));
  CHECK (write_optional_attribute (ctx, "finalized", finalized));
  for (guint i = 0; i < rows->len; i++)
    {
      const AwdResultRow *row = &g_array_index (rows, AwdResultRow, i);
      g_autofree char *score = awd_canonical_format_decimal (row->score);

      CHECK (xmlTextWriterStartElement (ctx->writer, BAD_CAST "result"));
      CHECK (write_attribute (ctx, "nomination", lookup_key (ctx->nomination_keys, row->nomination_id)));
      CHECK (write_int_attribute (ctx, "rank", row->rank));
      CHECK (write_attribute (ctx, "score", score));
      if (row->mark != AWD_AWARD_MARK_NONE)
        CHECK (write_attribute (ctx, "award", awd_award_mark_to_string (row->mark)));
      CHECK (write_optional_attribute (ctx, "note", row->note));
      CHECK (xmlTextWriterEndElement (ctx->writer));
    }
  CHECK (xmlTextWriterEndElement (ctx->writer));
  return TRUE;
}

static gboolean
write_round (ExportContext  *ctx,
             AwdRound       *round,
             guint           position,
             GError        **error)
{
  gint64 round_id = awd_round_get_id (round);
  g_autoptr(GListModel) categories = NULL;
  g_autoptr(GListModel) nominations = NULL;
  char key[32];
  guint n;

  g_hash_table_remove_all (ctx->criterion_keys);
  g_hash_table_remove_all (ctx->category_keys);
  g_hash_table_remove_all (ctx->juror_keys);
  g_hash_table_remove_all (ctx->nomination_keys);

  /* Keys of categories and nominations first: a category names its winner
   * before the nominations are written. */
  categories = awd_store_list_categories (ctx->store, round_id, error);
  if (categories == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(AwdCategory) k = g_list_model_get_item (categories, i);
      add_key (ctx->category_keys, awd_category_get_id (k), 'k', i + 1);
    }
  nominations = awd_store_list_nominations (ctx->store, round_id, error);
  if (nominations == NULL)
    return FALSE;
  n = g_list_model_get_n_items (nominations);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AwdNomination) nom = g_list_model_get_item (nominations, i);
      add_key (ctx->nomination_keys, awd_nomination_get_id (nom), 'n', i + 1);
    }

  g_snprintf (key, sizeof key, "r%u", position);
  CHECK (xmlTextWriterStartElement (ctx->writer, BAD_CAST "round"));
  CHECK (write_attribute (ctx, "key", key));
  CHECK (write_attribute (ctx, "award", awd_round_get_award (round)));
  CHECK (write_int_attribute (ctx, "number", awd_round_get_number (round)));
  CHECK (write_int_attribute (ctx, "year", awd_round_get_year (round)));
  CHECK (write_attribute (ctx, "status", awd_round_status_to_string (awd_round_get_status (round))));
  CHECK (write_attribute (ctx, "method", awd_method_to_string (awd_round_get_method (round))));
  CHECK (write_int_attribute (ctx, "trim", awd_round_get_trim (round)));
  CHECK (write_attribute (ctx, "tie-break", awd_tie_break_to_string (awd_round_get_tie_break (round))));
  CHECK (write_int_attribute (ctx, "quorum", awd_round_get_quorum (round)));

  CHECK (write_element (ctx, "title", awd_round_get_title (round)));
  CHECK (xmlTextWriterStartElement (ctx->writer, BAD_CAST "scale"));
  CHECK (write_decimal_attribute (ctx, "min", awd_round_get_scale_min (round)));
  CHECK (write_decimal_attribute (ctx, "max", awd_round_get_scale_max (round)));
  CHECK (write_decimal_attribute (ctx, "step", awd_round_get_scale_step (round)));
  CHECK (xmlTextWriterEndElement (ctx->writer));

  if (!write_criteria (ctx, round_id, error) ||
      !write_categories (ctx, categories, error) ||
      !write_jurors (ctx, round_id, error))
    return FALSE;

  if (n > 0)
    {
      CHECK (xmlTextWriterStartElement (ctx->writer, BAD_CAST "nominations"));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(AwdNomination) nom = g_list_model_get_item (nominations, i);

          if (!write_nomination (ctx, nom, error))
            return FALSE;
        }
      CHECK (xmlTextWriterEndElement (ctx->writer));
    }

  if (!write_conflicts (ctx, round_id, error) ||
      !write_scores (ctx, round_id, error) ||
      !write_comments (ctx, round_id, error) ||
      !write_votes (ctx, round_id, error) ||
      !write_decisions (ctx, round, error) ||
      !write_results (ctx, round, error))
    return FALSE;

  CHECK (xmlTextWriterEndElement (ctx->writer));
  return TRUE;
}

static gboolean
write_document (ExportContext  *ctx,
                GPtrArray      *rounds,
                GError        **error)
{
  CHECK (xmlTextWriterSetIndent (ctx->writer, 1));
  CHECK (xmlTextWriterSetIndentString (ctx->writer, BAD_CAST "  "));
  CHECK (xmlTextWriterStartDocument (ctx->writer, "1.0", "UTF-8", NULL));
  CHECK (xmlTextWriterStartElementNS (ctx->writer, NULL, BAD_CAST "award-desk", BAD_CAST AWD_XML_NAMESPACE));
  CHECK (xmlTextWriterWriteAttribute (ctx->writer, BAD_CAST "version", BAD_CAST "1"));

  for (guint i = 0; i < rounds->len; i++)
    if (!write_round (ctx, g_ptr_array_index (rounds, i), i + 1, error))
      return FALSE;

  CHECK (xmlTextWriterEndElement (ctx->writer));
  CHECK (xmlTextWriterEndDocument (ctx->writer));
  CHECK (xmlTextWriterFlush (ctx->writer));
  return TRUE;
}

static GPtrArray *
collect_rounds (AwdStore      *store,
                const gint64  *round_ids,
                guint          n_round_ids,
                GError       **error)
{
  g_autoptr(GPtrArray) rounds = g_ptr_array_new_with_free_func (g_object_unref);

  if (n_round_ids == 0)
    {
      g_autoptr(GListModel) all = awd_store_list_rounds (store, error);

      if (all == NULL)
        return NULL;
      for (guint i = 0; i < g_list_model_get_n_items (all); i++)
        g_ptr_array_add (rounds, g_list_model_get_item (all, i));
      if (rounds->len == 0)
        {
          g_set_error_literal (error, AWD_XML_ERROR, AWD_XML_ERROR_INVALID,
                               _("There is no round to export"));
          return NULL;
        }
    }
  else
    for (guint i = 0; i < n_round_ids; i++)
      {
        AwdRound *round = awd_store_get_round (store, round_ids[i], error);

        if (round == NULL)
          return NULL;
        g_ptr_array_add (rounds, round);
      }

  return g_steal_pointer (&rounds);
}

gboolean
awd_xml_export (AwdStore            *store,
                const gint64        *round_ids,
                guint                n_round_ids,
                const char          *path,
                GCancellable        *cancellable,
                AwdXmlProgressFunc   progress,
                gpointer             progress_data,
                GError             **error)
{
  g_autoptr(GPtrArray) rounds = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_path = NULL;
  ExportContext ctx = { 0 };
  xmlOutputBufferPtr output;
  gboolean ok;

  g_return_val_if_fail (AWD_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  rounds = collect_rounds (store, round_ids, n_round_ids, error);
  if (rounds == NULL)
    return FALSE;

  ctx.store = store;
  ctx.path = path;
  ctx.cancellable = cancellable;
  ctx.progress = progress;
  ctx.progress_data = progress_data;
  for (guint i = 0; i < rounds->len; i++)
    {
      gint64 n = awd_store_count_scores (store, awd_round_get_id (g_ptr_array_index (rounds, i)), error);
      if (n < 0)
        return FALSE;
      ctx.total += (guint64) n;
    }

  /* The temporary file sits beside the target so the rename is atomic. */
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp_path = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  ctx.fd = g_mkstemp_full (tmp_path, O_WRONLY | O_CLOEXEC, 0644);
  if (ctx.fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, AWD_XML_ERROR, AWD_XML_ERROR_IO,
                   _("Could not write “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  ctx.criterion_keys = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  ctx.category_keys = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  ctx.juror_keys = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  ctx.nomination_keys = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  ctx.lines = g_malloc (LINES_SIZE);
  ctx.out_buffer = g_malloc (OUT_BUFFER_SIZE);
  output = xmlOutputBufferCreateIO (write_cb, close_cb, &ctx, NULL);
  ctx.output = output;
  ctx.writer = output != NULL ? xmlNewTextWriter (output) : NULL;
  if (ctx.writer == NULL)
    {
      if (output != NULL)
        xmlOutputBufferClose (output);
      ok = fail_write (&ctx, error);
    }
  else
    {
      ok = write_document (&ctx, rounds, error);
      xmlFreeTextWriter (ctx.writer);  /* also frees the output buffer */
      ctx.writer = NULL;
      ctx.output = NULL;
      if (ok && (ctx.io_errno != 0 || !flush_out_buffer (&ctx)))
        ok = fail_write (&ctx, error);
    }

  if (ok && fsync (ctx.fd) != 0)
    {
      ctx.io_errno = errno;
      ok = fail_write (&ctx, error);
    }
  if (close (ctx.fd) != 0 && ok)
    {
      ctx.io_errno = errno;
      ok = fail_write (&ctx, error);
    }
  if (ok && g_rename (tmp_path, path) != 0)
    {
      ctx.io_errno = errno;
      ok = fail_write (&ctx, error);
    }
  if (!ok)
    g_unlink (tmp_path);
  else if (progress != NULL)
    progress (ctx.total, ctx.total, progress_data);

  g_hash_table_unref (ctx.criterion_keys);
  g_hash_table_unref (ctx.category_keys);
  g_hash_table_unref (ctx.juror_keys);
  g_hash_table_unref (ctx.nomination_keys);
  g_free (ctx.lines);
  g_free (ctx.out_buffer);
  return ok;
}

/* Async ------------------------------------------------------------------ */

typedef struct {
  GArray             *round_ids;
  char               *path;
  AwdXmlProgressFunc  progress;
  gpointer            progress_data;
} ExportTaskData;

static void
export_task_data_free (gpointer data)
{
  ExportTaskData *d = data;

  g_array_unref (d->round_ids);
  g_free (d->path);
  g_free (d);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportTaskData *d = task_data;
  GError *error = NULL;

  if (awd_xml_export (AWD_STORE (source_object), (const gint64 *) (gpointer) d->round_ids->data,
                      d->round_ids->len, d->path, cancellable, d->progress, d->progress_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
awd_xml_export_async (AwdStore            *store,
                      const gint64        *round_ids,
                      guint                n_round_ids,
                      const char          *path,
                      GCancellable        *cancellable,
                      AwdXmlProgressFunc   progress,
                      gpointer             progress_data,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportTaskData *d;

  g_return_if_fail (AWD_IS_STORE (store));
  g_return_if_fail (path != NULL);

  d = g_new0 (ExportTaskData, 1);
  d->round_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (n_round_ids > 0)
    g_array_append_vals (d->round_ids, round_ids, n_round_ids);
  d->path = g_strdup (path);
  d->progress = progress;
  d->progress_data = progress_data;

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, awd_xml_export_async);
  g_task_set_task_data (task, d, export_task_data_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
awd_xml_export_finish (AwdStore      *store,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
