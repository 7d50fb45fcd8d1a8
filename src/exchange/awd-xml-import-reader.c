/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-xml-import"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "awd-xml-import-private.h"

/* The file an import reads and libxml2's reader on it: opened here, capped
 * in size, read with every unsafe option off, its errors turned into ours
 * and any DOCTYPE refused. See BUILD-NOTES.md for why every libxml2 option
 * here is what it is. */

/* Never NOENT, DTDLOAD, DTDATTR, DTDVALID, XINCLUDE or HUGE. */
#define READER_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_COMPACT)
#define PROGRESS_BYTES (1024 * 1024)

/* libxml2 set-up ---------------------------------------------------------- */

static xmlParserInputPtr
deny_entity_loader (const char       *url,
                    const char       *id,
                    xmlParserCtxtPtr  context)
{
  /* Nothing outside the file itself is ever read: no DTD, no entity. */
  return NULL;
}

static void
silent_structured_error (void        *user_data,
                         xmlErrorPtr  error)
{
}

static void
silent_generic_error (void       *user_data,
                      const char *message,
                      ...)
{
}

xmlSchemaPtr
awd_xml_import_get_schema (void)
{
  static gsize initialized = 0;
  static xmlSchemaPtr schema = NULL;

  if (g_once_init_enter (&initialized))
    {
      g_autoptr(GBytes) bytes = awd_xml_get_schema_bytes ();
      xmlSchemaParserCtxtPtr parser;
      gsize size;
      const char *data = g_bytes_get_data (bytes, &size);

      xmlInitParser ();
      xmlSetExternalEntityLoader (deny_entity_loader);

      parser = xmlSchemaNewMemParserCtxt (data, (int) size);
      xmlSchemaSetParserStructuredErrors (parser, silent_structured_error, NULL);
      schema = xmlSchemaParse (parser);
      xmlSchemaFreeParserCtxt (parser);
      if (schema == NULL)
        g_error ("The exchange schema compiled into the program does not parse");

      g_once_init_leave (&initialized, 1);
    }

  return schema;
}

gboolean
awd_xml_import_fail_doctype (ImportContext *ctx)
{
  return awd_xml_import_fail_at (ctx, ctx->prolog_line, AWD_XML_ERROR_FORBIDDEN,
                                 _("The file has a DOCTYPE declaration; exchange files never have one, and it is not read"));
}

char *
awd_xml_import_size_limit_message (ImportContext *ctx)
{
  g_autofree char *limit = g_format_size_full ((guint64) ctx->max_size, G_FORMAT_SIZE_IEC_UNITS);

  return g_strdup_printf (_("The file is larger than %s, the most an import accepts"), limit);
}

static void
reader_error_cb (void        *user_data,
                 xmlErrorPtr  error)
{
  ImportContext *ctx = user_data;
  g_autofree char *message = NULL;
  g_auto(GStrv) parts = NULL;

  if (ctx->error != NULL || error == NULL || error->level == XML_ERR_WARNING)
    return;

  /* A score read before this error may be refused by the store: it comes
   * first in the file. */
  if (scores_waiting (ctx) && !awd_xml_import_flush_scores (ctx))
    return;

  if (ctx->too_large)
    {
      g_autofree char *size = awd_xml_import_size_limit_message (ctx);
      awd_xml_import_fail_at (ctx, 0, AWD_XML_ERROR_TOO_LARGE, size);
      return;
    }
  if (ctx->io_errno != 0)
    {
      awd_xml_import_fail_at (ctx, 0, AWD_XML_ERROR_IO, g_strerror (ctx->io_errno));
      return;
    }

  if (saw_doctype (ctx))
    {
      awd_xml_import_fail_doctype (ctx);
      return;
    }

  /* libxml2 names elements {namespace}name: our namespace is noise. */
  parts = g_strsplit (error->message != NULL ? error->message : "", "{" AWD_XML_NAMESPACE "}", -1);
  message = g_strjoinv ("", parts);
  awd_xml_import_fail_at (ctx, error->line > 0 ? error->line : awd_xml_import_current_line (ctx),
                          AWD_XML_ERROR_INVALID, message);
}

/* Reading ------------------------------------------------------------------ */

enum {
  PROLOG_OUT,       /* between markup */
  PROLOG_LT,        /* after '<' */
  PROLOG_BANG,      /* after "<!": "--" starts a comment, "DOCTYPE" a DOCTYPE */
  PROLOG_COMMENT,   /* inside <!-- --> (prolog_count: dashes in a row) */
  PROLOG_PI,        /* inside <? ?> (prolog_count: 1 after '?') */
};

/* Watches the bytes before the root element for "<!DOCTYPE", skipping
 * comments and processing instructions, and stops at the root's '<'. */
static void
scan_prolog (ImportContext *ctx,
             const char    *data,
             gsize          len)
{
  static const char doctype[] = "DOCTYPE";

  for (gsize i = 0; i < len && !ctx->prolog_done; i++)
    {
      char c = data[i];

      if (c == '\n')
        ctx->prolog_line++;
      switch (ctx->prolog_state)
        {
        case PROLOG_OUT:
          if (c == '<')
            ctx->prolog_state = PROLOG_LT;
          break;

        case PROLOG_LT:
          if (c == '?')
            ctx->prolog_state = PROLOG_PI, ctx->prolog_count = 0;
          else if (c == '!')
            ctx->prolog_state = PROLOG_BANG, ctx->prolog_count = 0;
          else
            ctx->prolog_done = TRUE;   /* the root element */
          break;

        case PROLOG_BANG:
          if (ctx->prolog_count == 0 && c == '-')
            ctx->prolog_state = PROLOG_COMMENT, ctx->prolog_count = 0;
          else if (c == doctype[ctx->prolog_count])
            {
              if (++ctx->prolog_count == sizeof doctype - 1)
                ctx->doctype_seen = ctx->prolog_done = TRUE;
            }
          else
            /* "<![CDATA[" or junk before the root: the parser refuses it. */
            ctx->prolog_done = TRUE;
          break;

        case PROLOG_COMMENT:
          /* After "<!-": counts the dashes in a row; "-->" ends it. */
          if (c == '-')
            ctx->prolog_count++;
          else if (c == '>' && ctx->prolog_count >= 2)
            ctx->prolog_state = PROLOG_OUT;
          else
            ctx->prolog_count = 0;
          break;

        case PROLOG_PI:
          if (c == '>' && ctx->prolog_count == 1)
            ctx->prolog_state = PROLOG_OUT;
          ctx->prolog_count = c == '?';
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

static int
read_cb (void *context,
         char *buffer,
         int   len)
{
  ImportContext *ctx = context;
  ssize_t n;

  do
    n = read (ctx->fd, buffer, (size_t) len);
  while (n < 0 && errno == EINTR);

  if (n < 0)
    {
      ctx->io_errno = errno;
      return -1;
    }

  if (!ctx->prolog_done)
    scan_prolog (ctx, buffer, (gsize) n);
  ctx->bytes_read += (guint64) n;
  if (ctx->bytes_read > (guint64) ctx->max_size)
    {
      /* The file grew after it was measured, or is not a plain file. */
      ctx->too_large = TRUE;
      return -1;
    }
  if (ctx->progress != NULL && ctx->bytes_read - ctx->last_progress >= PROGRESS_BYTES)
    {
      ctx->last_progress = ctx->bytes_read;
      ctx->progress (ctx->bytes_read, ctx->total, ctx->progress_data);
    }
  return (int) n;
}

static int
close_cb (void *context)
{
  ImportContext *ctx = context;

  if (ctx->fd >= 0)
    close (ctx->fd);
  ctx->fd = -1;
  return 0;
}

static goffset
get_max_size (void)
{
  const char *text = g_getenv ("AWARD_DESK_XML_MAX_SIZE");
  gint64 value;

  if (text != NULL && (value = g_ascii_strtoll (text, NULL, 10)) > 0 && value < AWD_XML_IMPORT_MAX_SIZE)
    return value;
  return AWD_XML_IMPORT_MAX_SIZE;
}


/* Opens @ctx->path for reading and measures it: a directory or a plain
 * file above the size limit is refused before a byte is read. */
gboolean
awd_xml_import_open_file (ImportContext  *ctx,
                          GError        **error)
{
  const char *path = ctx->path;
  struct stat st;

  ctx->max_size = get_max_size ();

  ctx->fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY, 0);
  if (ctx->fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, AWD_XML_ERROR, AWD_XML_ERROR_IO, "%s: %s", path, g_strerror (saved_errno));
      return FALSE;
    }
  if (fstat (ctx->fd, &st) != 0 || S_ISDIR (st.st_mode))
    {
      int saved_errno = S_ISDIR (st.st_mode) ? EISDIR : errno;
      close (ctx->fd);
      g_set_error (error, AWD_XML_ERROR, AWD_XML_ERROR_IO, "%s: %s", path, g_strerror (saved_errno));
      return FALSE;
    }
  if (S_ISREG (st.st_mode) && st.st_size > ctx->max_size)
    {
      g_autofree char *message = awd_xml_import_size_limit_message (ctx);
      close (ctx->fd);
      g_set_error (error, AWD_XML_ERROR, AWD_XML_ERROR_TOO_LARGE, "%s: %s", path, message);
      return FALSE;
    }
  ctx->total = S_ISREG (st.st_mode) ? (guint64) st.st_size : 0;
  return TRUE;
}

/* Starts libxml2's reader on @ctx->fd with the schema validator attached.
 * Returns the validator, to free after the reader, or NULL with the error
 * in @ctx (the file then closed). */
xmlSchemaValidCtxtPtr
awd_xml_import_start_reader (ImportContext *ctx)
{
  xmlSchemaValidCtxtPtr validator;

  validator = xmlSchemaNewValidCtxt (awd_xml_import_get_schema ());
  xmlSchemaSetValidStructuredErrors (validator, reader_error_cb, ctx);

  ctx->reader = xmlReaderForIO (read_cb, close_cb, ctx, NULL, NULL, READER_OPTIONS);
  if (ctx->reader == NULL)
    {
      xmlSchemaFreeValidCtxt (validator);
      close_cb (ctx);
      awd_xml_import_fail_at (ctx, 0, AWD_XML_ERROR_IO, _("Could not start reading the file"));
      return NULL;
    }
  xmlTextReaderSetStructuredErrorHandler (ctx->reader, reader_error_cb, ctx);

  if (xmlTextReaderSchemaValidateCtxt (ctx->reader, validator, 0) != 0)
    awd_xml_import_fail_at (ctx, 0, AWD_XML_ERROR_INVALID, _("Could not set up the validation against the exchange schema"));
  return validator;
}

/* Sends libxml2's errors on this thread to @ctx while it reads. */
void
awd_xml_import_catch_errors (ImportContext *ctx)
{
  xmlSetStructuredErrorFunc (ctx, reader_error_cb);
  xmlSetGenericErrorFunc (NULL, silent_generic_error);
}

void
awd_xml_import_release_errors (void)
{
  xmlSetStructuredErrorFunc (NULL, silent_structured_error);
  xmlSetGenericErrorFunc (NULL, silent_generic_error);
}
