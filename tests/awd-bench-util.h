/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "awd-store.h"

G_BEGIN_DECLS

/* Shared by the benchmarks that time a round of many nominations
 * (bench-nominations.c, bench-search.c). */

/* The monotonic clock in milliseconds. */
double    awd_bench_now_ms          (void);
/* A GCompareFunc for an array of doubles. */
int       awd_bench_compare_doubles (gconstpointer  a,
                                     gconstpointer  b);
/* Adds @n nominations to the round in one transaction with one audit row,
 * as an import would: refs 2024-000001…, titles of four words and an
 * institution, city and region drawn from one list of Russian words with
 * a fixed seed, so every run measures the same data. */
void      awd_bench_add_nominations (AwdStore      *store,
                                     gint64         round_id,
                                     guint          n);

G_END_DECLS
