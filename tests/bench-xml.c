/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-xml"

#include "config.h"

#include <glib/gstdio.h>

#include <fcntl.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <libxml/xmlreader.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlwriter.h>

#include "awd-xml-export.h"
#include "awd-xml-import.h"

/* XML exchange benchmark: a round with 1,000,000 scores (20 jurors × 10,000
 * nominations × 5 criteria). Each phase runs in a child process so its
 * peak RSS is its own: our export beside a raw xmlTextWriter writing the
 * same elements, our import (validated, into a new database) beside a raw
 * xmlTextReader with the same XSD over the same file. Prints figures; no
 * pass or fail (targets: export ≥ 0.7× raw writer, import ≥ 0.7× raw
 * reader with XSD, peak RSS < 100 MB). The cpu column (user + system, all
 * threads) is steadier than the wall clock on a shared machine.
 *
 * Figures (73.3 MB file; shared 2-core machine at load 5-6, so the wall
 * times swing by half between runs; ratios are in-run):
 *   before (5d9481a)  export 18.5 MB/s = 0.35× writer, import 4.6 MB/s =
 *                     0.14× reader (cpu 12.05 s against 2.26 s),
 *                     peak RSS 14.8 / 18.3 MB
 *   after (two runs)  export 85.3 and 51.6 MB/s = 1.12× and 1.08× writer
 *                     (cpu 0.63 s against 0.71 s); import 9.1 and 7.7 MB/s
 *                     = 0.64× and 0.44× reader (cpu 4.8 s against 1.93 s:
 *                     0.40× by CPU; the import's two threads need two free
 *                     cores), peak RSS 14.7 / 19.1 MB
 *
 *   bench-xml [DIR]     (default: a temporary folder, removed afterwards) */

#define N_JURORS 20
#define N_NOMINATIONS 10000
#define N_CRITERIA 5

static double
score_of (guint j, guint n, guint c)
{
  return (double) ((j * 7 + n * 3 + c * 5) % 21) * 0.5;
}

static void
generate (const char *db_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwdStore) store = awd_store_open (db_path, AWD_STORE_OPEN_CREATE, "bench", &error);
  g_autoptr(AwdRound) round = awd_round_new ();
  gint64 jurors[N_JURORS], criteria[N_CRITERIA];
  g_autofree gint64 *nominations = g_new (gint64, N_NOMINATIONS);

  g_assert_no_error (error);
  awd_round_set_award (round, "Премия имени М. И. Рудомино");
  awd_round_set_title (round, "Сезон для замера");
  awd_round_set_number (round, 1);
  awd_round_set_year (round, 2024);
  awd_round_set_status (round, AWD_ROUND_STATUS_SCORING);
  awd_round_set_scale_min (round, 0);
  awd_round_set_scale_max (round, 10);
  awd_round_set_scale_step (round, 0.5);
  awd_round_set_quorum (round, 1);
  awd_round_set_trim (round, 1);

  awd_store_begin (store, &error);
  awd_store_bulk_insert_round (store, round, &error);
  g_assert_no_error (error);
  for (guint c = 0; c < N_CRITERIA; c++)
    {
      g_autoptr(AwdCriterion) k = awd_criterion_new ();
      g_autofree char *name = g_strdup_printf ("Критерий %u", c + 1);
      awd_criterion_set_round_id (k, awd_round_get_id (round));
      awd_criterion_set_position (k, (int) c + 1);
      awd_criterion_set_name (k, name);
      awd_criterion_set_weight (k, c + 1);
      awd_store_bulk_insert_criterion (store, k, &error);
      criteria[c] = awd_criterion_get_id (k);
    }
  for (guint j = 0; j < N_JURORS; j++)
    {
      g_autoptr(AwdJuror) k = awd_juror_new ();
      g_autofree char *name = g_strdup_printf ("Член жюри %u", j + 1);
      awd_juror_set_round_id (k, awd_round_get_id (round));
      awd_juror_set_position (k, (int) j + 1);
      awd_juror_set_name (k, name);
      awd_store_bulk_insert_juror (store, k, &error);
      jurors[j] = awd_juror_get_id (k);
    }
  for (guint n = 0; n < N_NOMINATIONS; n++)
    {
      g_autoptr(AwdNomination) k = awd_nomination_new ();
      g_autofree char *ref = g_strdup_printf ("2024-%05u", n + 1);
      g_autofree char *title = g_strdup_printf ("Международный библиотечный проект № %u", n + 1);
      awd_nomination_set_round_id (k, awd_round_get_id (round));
      awd_nomination_set_ref (k, ref);
      awd_nomination_set_title (k, title);
      awd_nomination_set_status (k, AWD_NOMINATION_STATUS_ELIGIBLE);
      awd_store_bulk_insert_nomination (store, k, &error);
      nominations[n] = awd_nomination_get_id (k);
    }
  g_assert_no_error (error);
  for (guint j = 0; j < N_JURORS; j++)
    for (guint n = 0; n < N_NOMINATIONS; n++)
      for (guint c = 0; c < N_CRITERIA; c++)
        if (!awd_store_bulk_insert_score (store, round, jurors[j], nominations[n], criteria[c],
                                          score_of (j, n, c), &error))
          g_error ("%s", error->message);
  awd_store_commit (store, &error);
  g_assert_no_error (error);
}

static void
run_export (const char *db_path,
            const char *xml_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwdStore) store = awd_store_open (db_path, AWD_STORE_OPEN_READ_ONLY, "bench", &error);

  g_assert_no_error (error);
  if (!awd_xml_export (store, NULL, 0, xml_path, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
}

/* The same elements and attribute values, straight from memory. */
static void
run_raw_writer (const char *xml_path)
{
  xmlTextWriterPtr w = xmlNewTextWriterFilename (xml_path, 0);

  xmlTextWriterSetIndent (w, 1);
  xmlTextWriterSetIndentString (w, BAD_CAST "  ");
  xmlTextWriterStartDocument (w, "1.0", "UTF-8", NULL);
  xmlTextWriterStartElementNS (w, NULL, BAD_CAST "award-desk", BAD_CAST AWD_XML_NAMESPACE);
  xmlTextWriterStartElement (w, BAD_CAST "scores");
  for (guint j = 0; j < N_JURORS; j++)
    for (guint n = 0; n < N_NOMINATIONS; n++)
      for (guint c = 0; c < N_CRITERIA; c++)
        {
          char jk[16], nk[16], ck[16];
          g_autofree char *value = awd_xml_format_decimal (score_of (j, n, c));

          g_snprintf (jk, sizeof jk, "j%u", j + 1);
          g_snprintf (nk, sizeof nk, "n%u", n + 1);
          g_snprintf (ck, sizeof ck, "c%u", c + 1);
          xmlTextWriterStartElement (w, BAD_CAST "score");
          xmlTextWriterWriteAttribute (w, BAD_CAST "juror", BAD_CAST jk);
          xmlTextWriterWriteAttribute (w, BAD_CAST "nomination", BAD_CAST nk);
          xmlTextWriterWriteAttribute (w, BAD_CAST "criterion", BAD_CAST ck);
          xmlTextWriterWriteAttribute (w, BAD_CAST "value", BAD_CAST value);
          xmlTextWriterEndElement (w);
        }
  xmlTextWriterEndDocument (w);
  xmlFreeTextWriter (w);
}

static void
run_import (const char *db_path,
            const char *xml_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwdStore) store = awd_store_open (db_path, AWD_STORE_OPEN_CREATE, "bench", &error);
  g_autoptr(GArray) ids = NULL;

  g_assert_no_error (error);
  ids = awd_xml_import (store, xml_path, NULL, NULL, NULL, &error);
  if (ids == NULL)
    g_error ("%s", error->message);
}

static void
run_raw_reader (const char *xml_path)
{
  g_autoptr(GBytes) xsd = awd_xml_get_schema_bytes ();
  xmlSchemaParserCtxtPtr pctxt = xmlSchemaNewMemParserCtxt (g_bytes_get_data (xsd, NULL),
                                                            (int) g_bytes_get_size (xsd));
  xmlSchemaPtr schema = xmlSchemaParse (pctxt);
  xmlSchemaValidCtxtPtr vctxt = xmlSchemaNewValidCtxt (schema);
  int fd = g_open (xml_path, O_RDONLY, 0);
  xmlTextReaderPtr reader = xmlReaderForFd (fd, NULL, NULL, XML_PARSE_NONET | XML_PARSE_COMPACT);
  int rc;

  xmlTextReaderSchemaValidateCtxt (reader, vctxt, 0);
  while ((rc = xmlTextReaderRead (reader)) == 1)
    ;
  if (rc != 0 || xmlTextReaderIsValid (reader) != 1)
    g_error ("the raw reader found the file invalid");
  xmlFreeTextReader (reader);
  close (fd);
  xmlSchemaFreeValidCtxt (vctxt);
  xmlSchemaFree (schema);
  xmlSchemaFreeParserCtxt (pctxt);
}

typedef enum { GENERATE, EXPORT, RAW_WRITER, IMPORT, RAW_READER } Phase;

/* Runs @phase in a child; returns its wall time, and its peak RSS in KiB
 * and its CPU time (user + system, all threads) in seconds. */
static double
run_phase (Phase       phase,
           const char *dir,
           long       *out_rss_kb,
           double     *out_cpu)
{
  g_autofree char *db = g_build_filename (dir, "bench.db", NULL);
  g_autofree char *db2 = g_build_filename (dir, "imported.db", NULL);
  g_autofree char *xml = g_build_filename (dir, "bench.xml", NULL);
  g_autofree char *raw = g_build_filename (dir, "raw.xml", NULL);
  gint64 start = g_get_monotonic_time ();
  struct rusage usage;
  int status;
  pid_t pid;

  fflush (stdout);
  pid = fork ();
  if (pid == 0)
    {
      switch (phase)
        {
        case GENERATE: generate (db); break;
        case EXPORT: run_export (db, xml); break;
        case RAW_WRITER: run_raw_writer (raw); break;
        case IMPORT: run_import (db2, xml); break;
        case RAW_READER: run_raw_reader (xml); break;
        }
      _exit (0);
    }
  wait4 (pid, &status, 0, &usage);
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("phase %d failed", phase);
  *out_rss_kb = usage.ru_maxrss;
  *out_cpu = usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
             usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
  return (g_get_monotonic_time () - start) / 1e6;
}

static double
file_mb (const char *dir,
         const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  GStatBuf st;

  g_stat (path, &st);
  return st.st_size / 1e6;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = argc > 1 ? g_strdup (argv[1]) : g_dir_make_tmp ("bench-xml-XXXXXX", NULL);
  double t_gen, t_export, t_writer, t_import, t_reader, mb, raw_mb;
  double c_gen, c_export, c_writer, c_import, c_reader;
  long rss_gen, rss_export, rss_writer, rss_import, rss_reader;

  g_mkdir_with_parents (dir, 0700);
  printf ("# %u jurors x %u nominations x %u criteria = %u scores, in %s\n",
          N_JURORS, N_NOMINATIONS, N_CRITERIA, N_JURORS * N_NOMINATIONS * N_CRITERIA, dir);

  t_gen = run_phase (GENERATE, dir, &rss_gen, &c_gen);
  printf ("generate          %7.2f s                  peak RSS %6.1f MB  cpu %6.2f s\n",
          t_gen, rss_gen / 1024.0, c_gen);
  t_export = run_phase (EXPORT, dir, &rss_export, &c_export);
  t_writer = run_phase (RAW_WRITER, dir, &rss_writer, &c_writer);
  mb = file_mb (dir, "bench.xml");
  raw_mb = file_mb (dir, "raw.xml");
  printf ("export            %7.2f s %7.1f MB/s     peak RSS %6.1f MB  cpu %6.2f s  (%.1f MB)\n",
          t_export, mb / t_export, rss_export / 1024.0, c_export, mb);
  printf ("raw xmlTextWriter %7.2f s %7.1f MB/s     peak RSS %6.1f MB  cpu %6.2f s  (%.1f MB)\n",
          t_writer, raw_mb / t_writer, rss_writer / 1024.0, c_writer, raw_mb);
  printf ("export / raw writer: %.2f\n", (mb / t_export) / (raw_mb / t_writer));

  t_import = run_phase (IMPORT, dir, &rss_import, &c_import);
  t_reader = run_phase (RAW_READER, dir, &rss_reader, &c_reader);
  printf ("import (validated)%7.2f s %7.1f MB/s     peak RSS %6.1f MB  cpu %6.2f s\n",
          t_import, mb / t_import, rss_import / 1024.0, c_import);
  printf ("raw reader + XSD  %7.2f s %7.1f MB/s     peak RSS %6.1f MB  cpu %6.2f s\n",
          t_reader, mb / t_reader, rss_reader / 1024.0, c_reader);
  printf ("import / raw reader: %.2f\n", t_reader / t_import);

  if (argc <= 1)
    {
      const char *names[] = { "bench.db", "bench.db-wal", "bench.db-shm", "bench.db.lock",
                              "imported.db", "imported.db-wal", "imported.db-shm", "imported.db.lock",
                              "bench.xml", "raw.xml" };
      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          g_autofree char *path = g_build_filename (dir, names[i], NULL);
          g_unlink (path);
        }
      g_rmdir (dir);
    }
  return 0;
}
