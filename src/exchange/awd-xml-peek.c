/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-xml-peek"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include <errno.h>
#include <fcntl.h>
#include <libxml/xmlreader.h>
#include <unistd.h>

#include "awd-xml-peek.h"
#include "awd-xml-schema.h"

#define EXCHANGE_NS "urn:award-desk:exchange:1"

void
awd_xml_round_info_free (AwdXmlRoundInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->award);
  g_free (info->title);
  g_free (info);
}

/* libxml2 prints nothing: the first problem is kept for the error. */
static void
keep_first_error_cb (void        *data,
                     xmlErrorPtr  error)
{
  char **message = data;

  if (*message == NULL && error != NULL && error->message != NULL)
    *message = g_strdup_printf ("%d: %s", error->line, g_strchomp (g_strdup (error->message)));
}

static gint64
attribute_int (xmlTextReaderPtr reader,
               const char      *name)
{
  xmlChar *value = xmlTextReaderGetAttribute (reader, (const xmlChar *) name);
  gint64 number = value != NULL ? g_ascii_strtoll ((const char *) value, NULL, 10) : 0;

  xmlFree (value);
  return number;
}

GPtrArray *
awd_xml_peek_rounds (const char  *path,
                     GError     **error)
{
  g_autoptr(GPtrArray) rounds = g_ptr_array_new_with_free_func ((GDestroyNotify) awd_xml_round_info_free);
  g_autofree char *problem = NULL;
  AwdXmlRoundInfo *current = NULL;
  xmlTextReaderPtr reader;
  int fd, rc;

  g_return_val_if_fail (path != NULL, NULL);

  fd = g_open (path, O_RDONLY, 0);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not open %s: %s"), path, g_strerror (saved));
      return NULL;
    }
  /* No NOENT, DTDLOAD or HUGE: nothing outside the file is ever read. */
  reader = xmlReaderForFd (fd, NULL, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (reader == NULL)
    {
      close (fd);
      g_set_error (error, AWD_XML_ERROR, AWD_XML_ERROR_IO, _("%s is not an XML file"), path);
      return NULL;
    }
  xmlTextReaderSetStructuredErrorHandler (reader, keep_first_error_cb, &problem);

  while ((rc = xmlTextReaderRead (reader)) == 1)
    {
      int type = xmlTextReaderNodeType (reader);
      int depth = xmlTextReaderDepth (reader);
      const xmlChar *name = xmlTextReaderConstLocalName (reader);
      const xmlChar *ns = xmlTextReaderConstNamespaceUri (reader);

      if (type == XML_READER_TYPE_DOCUMENT_TYPE)
        break;
      if (type != XML_READER_TYPE_ELEMENT || g_strcmp0 ((const char *) ns, EXCHANGE_NS) != 0)
        continue;

      if (depth == 1 && g_strcmp0 ((const char *) name, "round") == 0)
        {
          xmlChar *award = xmlTextReaderGetAttribute (reader, (const xmlChar *) "award");

          current = g_new0 (AwdXmlRoundInfo, 1);
          current->award = g_strdup ((const char *) award);
          current->number = attribute_int (reader, "number");
          current->year = attribute_int (reader, "year");
          xmlFree (award);
          g_ptr_array_add (rounds, current);
        }
      else if (depth == 2 && current != NULL && g_strcmp0 ((const char *) name, "title") == 0)
        {
          xmlChar *title = xmlTextReaderReadString (reader);
          current->title = g_strdup ((const char *) title);
          xmlFree (title);
        }
      else if (depth == 2)
        {
          /* The rest of a round (nominations, scores) is not needed here. */
          if (xmlTextReaderNext (reader) != 1)
            break;
        }
    }
  xmlFreeTextReader (reader);
  close (fd);

  if (rc < 0 || problem != NULL)
    {
      g_set_error (error, AWD_XML_ERROR, AWD_XML_ERROR_INVALID, "%s:%s", path, problem != NULL ? problem : _("not well-formed XML"));
      return NULL;
    }
  return g_steal_pointer (&rounds);
}
