/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awd-xml-import"

#include "config.h"

#include <glib/gi18n.h>

#include "awd-xml-import-private.h"

/* Scores of an import: read in batches and stored by the score writer
 * thread while the reader carries on (see ScoreWriter). */

/* Batches in circulation between the reader and the score writer. */
#define SCORE_BATCHES 4

static gpointer
store_scores_thread (gpointer data)
{
  ScoreWriter *w = data;

  for (;;)
    {
      ScoreBatch *batch = g_async_queue_pop (w->to_store);
      guint failed = 0;

      if (batch == (gpointer) w)
        break;
      if (!g_atomic_int_get (&w->abandoned) &&
          !awd_store_bulk_insert_scores (w->store, batch->round, batch->cells, batch->n,
                                         &failed, &w->error))
        {
          w->error_line = batch->lines[failed];
          g_atomic_int_set (&w->abandoned, TRUE);
        }
      batch->n = 0;
      g_async_queue_push (w->stored, batch);
    }
  return NULL;
}

ScoreWriter *
awd_xml_import_score_writer_new (AwdStore *store)
{
  ScoreWriter *w = g_new0 (ScoreWriter, 1);

  w->store = store;
  w->to_store = g_async_queue_new ();
  w->stored = g_async_queue_new ();
  w->spare = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < SCORE_BATCHES - 1; i++)
    g_ptr_array_add (w->spare, g_new0 (ScoreBatch, 1));
  return w;
}

/* Waits until every batch sent is back. */
static void
wait_for_score_writer (ScoreWriter *w)
{
  for (; w->in_flight > 0; w->in_flight--)
    g_ptr_array_add (w->spare, g_async_queue_pop (w->stored));
}

void
awd_xml_import_score_writer_free (ScoreWriter *w)
{
  if (w->thread != NULL)
    {
      g_atomic_int_set (&w->abandoned, TRUE);
      wait_for_score_writer (w);
      g_async_queue_push (w->to_store, w);
      g_thread_join (w->thread);
    }
  g_async_queue_unref (w->to_store);
  g_async_queue_unref (w->stored);
  g_ptr_array_unref (w->spare);
  g_clear_error (&w->error);
  g_free (w);
}

/* The score writer's error, with the line of the refused score. */
static gboolean
fail_from_writer (ImportContext *ctx)
{
  ScoreWriter *w = ctx->writer;
  g_autoptr(GError) error = g_steal_pointer (&w->error);

  if (error == NULL)
    return TRUE;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return awd_xml_import_fail_with (ctx, g_steal_pointer (&error));
  return awd_xml_import_fail_at (ctx, w->error_line, AWD_XML_ERROR_INVALID, error->message);
}

/* Hands the full batch to the score writer (started on the first one) and
 * takes an empty one; stores it here if no thread can be had. */
gboolean
awd_xml_import_send_scores (ImportContext *ctx)
{
  ScoreWriter *w = ctx->writer;

  if (w->thread == NULL)
    w->thread = g_thread_try_new ("awd-xml-scores", store_scores_thread, w, NULL);
  if (w->thread == NULL)
    {
      ScoreBatch *batch = ctx->batch;
      guint failed = 0;

      batch->n = 0;
      if (!awd_store_bulk_insert_scores (ctx->store, ctx->round, batch->cells, PENDING_SCORES,
                                         &failed, &w->error))
        {
          w->error_line = batch->lines[failed];
          return fail_from_writer (ctx);
        }
      return TRUE;
    }

  g_async_queue_push (w->to_store, ctx->batch);
  w->in_flight++;
  if (w->spare->len > 0)
    ctx->batch = g_ptr_array_steal_index_fast (w->spare, w->spare->len - 1);
  else
    {
      ctx->batch = g_async_queue_pop (w->stored);
      w->in_flight--;
    }
  ctx->batch->n = 0;

  /* A refused score stops the import at once. */
  if (g_atomic_int_get (&w->abandoned))
    {
      wait_for_score_writer (w);
      return fail_from_writer (ctx);
    }
  return TRUE;
}

/* Stores every score read so far and waits for the score writer. Called
 * before anything else is written or reported, so that the first error in
 * the file is the one reported. */
gboolean
awd_xml_import_flush_scores (ImportContext *ctx)
{
  ScoreWriter *w = ctx->writer;
  ScoreBatch *batch = ctx->batch;
  guint n = batch->n;
  guint failed = 0;

  wait_for_score_writer (w);
  if (!fail_from_writer (ctx))
    return FALSE;
  if (n == 0)
    return TRUE;

  batch->n = 0;
  if (!awd_store_bulk_insert_scores (ctx->store, ctx->round, batch->cells, n, &failed, &w->error))
    {
      w->error_line = batch->lines[failed];
      return fail_from_writer (ctx);
    }
  return TRUE;
}
