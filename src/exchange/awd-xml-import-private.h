/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the awd-xml-import*.c files only: the importer's state and the
 * helpers each part needs from the others. awd-xml-import-reader.c opens
 * the file and sets libxml2 up, awd-xml-import-scores.c stores scores in
 * batches on the score writer thread, awd-xml-import.c reads the elements
 * inside the import's transaction. */

#include <libxml/xmlreader.h>
#include <libxml/xmlschemas.h>

#include "awd-xml-import.h"

G_BEGIN_DECLS

#define MAX_DEPTH 8
/* Scores read ahead of the store, which takes them in batches. */
#define PENDING_SCORES 4096

typedef struct {
  AwdRound     *round;
  guint         n;
  AwdScoreCell  cells[PENDING_SCORES];
  int           lines[PENDING_SCORES];
} ScoreBatch;

/* Storing a million scores costs about as much CPU as parsing and
 * validating them, so full batches go to a thread of their own (the score
 * writer) while the reader carries on. The store is never used by both:
 * the reader touches it again only after flush_scores, which waits until
 * every batch is back. */
typedef struct {
  AwdStore     *store;
  GThread      *thread;
  GAsyncQueue  *to_store;     /* full batches; the writer itself stops the thread */
  GAsyncQueue  *stored;       /* batches handed back */
  GPtrArray    *spare;        /* the reader's empty batches */
  guint         in_flight;    /* sent and not yet back (reader side) */
  gint          abandoned;    /* atomic: store nothing more */
  /* Set by the thread before it hands the failed batch back. */
  GError       *error;
  int           error_line;
} ScoreWriter;

typedef struct {
  AwdStore            *store;
  const char          *path;
  xmlTextReaderPtr     reader;
  int                  fd;
  goffset              max_size;
  guint64              bytes_read;
  guint64              total;
  guint64              last_progress;
  int                  io_errno;
  gboolean             too_large;
  GCancellable        *cancellable;
  AwdXmlProgressFunc   progress;
  gpointer             progress_data;

  /* The prolog scan (scan_prolog): before the root element. */
  int                  prolog_state;
  guint                prolog_count;
  gboolean             prolog_done;
  gboolean             doctype_seen;
  int                  prolog_line;

  /* The first error, already "FILE:LINE: message". */
  GError              *error;

  const char          *stack[MAX_DEPTH + 1];
  GString             *text;
  gboolean             collect;

  /* The round being read. */
  AwdRound            *round;
  gboolean             round_final;
  int                  round_line;
  GHashTable          *criteria;      /* key → gint64 id */
  GHashTable          *categories;
  GHashTable          *jurors;
  GHashTable          *nominations;
  int                  n_criteria;
  int                  n_categories;
  int                  n_jurors;
  GArray              *winners;       /* PendingWinner */
  GArray              *results;       /* PendingResult */
  gboolean             has_results;
  AwdMethod            results_method;
  char                *results_checksum;
  char                *results_finalized;  /* ISO 8601 in UTC, or NULL */
  int                  results_line;
  /* <decisions> was there (even empty): a final round keeps exactly these. */
  gboolean             has_decisions;
  GArray              *decisions;     /* PendingDecision */

  /* The item being read. */
  AwdCriterion        *criterion;
  AwdCategory         *category;
  char                *category_winner;
  AwdJuror            *juror;
  AwdNomination       *nomination;
  char                *nomination_key;
  gboolean             nomination_inserted;
  GPtrArray           *partners;      /* AwdPartner */
  char                *partner_country;
  int                  n_partners;
  char                *attachment_name;
  char                *attachment_type;
  char                *attachment_sha256;
  gint64               comment_juror;
  gint64               comment_nomination;

  /* Scores read but not yet stored (flush_scores), with their lines for
   * an error; the juror key of the last score and its id. */
  ScoreBatch          *batch;
  ScoreWriter         *writer;
  char                *last_juror_key;
  gint64               last_juror_id;
  /* Strings of the reader's dictionary, compared by pointer. */
  const char          *score_name;
  const char          *namespace_uri;

  /* What was added, for the audit row. */
  GArray              *round_ids;
  guint64              n_nominations;
  guint64              n_scores;
} ImportContext;

/* Whether the file has a DOCTYPE. The reader parses ahead of the node it
 * returns, so an internal subset's entities can make an error (an entity
 * loop, an empty title) before the DOCTYPE node ever comes back; the bytes
 * of the prolog are therefore watched as they are read (scan_prolog). */
static inline gboolean
saw_doctype (ImportContext *ctx)
{
  return ctx->doctype_seen;
}

static inline gboolean
scores_waiting (ImportContext *ctx)
{
  return ctx->writer != NULL && (ctx->batch->n > 0 || ctx->writer->in_flight > 0);
}

/* Errors (awd-xml-import.c). current_line: the line of the reader's node. */
int           awd_xml_import_current_line   (ImportContext *ctx);
gboolean      awd_xml_import_fail_at        (ImportContext *ctx,
                                             int            line,
                                             AwdXmlError    code,
                                             const char    *message);
gboolean      awd_xml_import_fail_with      (ImportContext *ctx,
                                             GError        *error);

/* The file and libxml2 (awd-xml-import-reader.c) */
xmlSchemaPtr  awd_xml_import_get_schema     (void);
gboolean      awd_xml_import_open_file      (ImportContext *ctx,
                                             GError       **error);
xmlSchemaValidCtxtPtr awd_xml_import_start_reader (ImportContext *ctx);
void          awd_xml_import_catch_errors   (ImportContext *ctx);
void          awd_xml_import_release_errors (void);
gboolean      awd_xml_import_fail_doctype   (ImportContext *ctx);
char         *awd_xml_import_size_limit_message (ImportContext *ctx);

/* Scores (awd-xml-import-scores.c) */
ScoreWriter  *awd_xml_import_score_writer_new  (AwdStore      *store);
void          awd_xml_import_score_writer_free (ScoreWriter   *w);
gboolean      awd_xml_import_send_scores       (ImportContext *ctx);
gboolean      awd_xml_import_flush_scores      (ImportContext *ctx);

G_END_DECLS
