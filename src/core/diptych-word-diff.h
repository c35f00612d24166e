/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "diptych-aligner-features.h"
#include "diptych-types.h"

G_BEGIN_DECLS

/* Larger inputs are compared block by block, to bound time and memory. */
#define DIPTYCH_WORD_DIFF_MAX_CELLS (2000 * 2000)

/* Word-level differences between two token sequences: an alignment
 * that keeps the words in order and maximises matches (same words
 * count more than reworded ones); the words left between two matches
 * are changed pairs, then deletions or insertions. Changed pairs of
 * numbers, dates and names are flagged as discrepancies. Returns an
 * array of DiptychWordOp in text order. */
GArray *diptych_word_diff_tokens (DiptychFeatures        *features,
                                  const DiptychFeatToken *a,
                                  guint                   n_a,
                                  const DiptychFeatToken *b,
                                  guint                   n_b);

G_END_DECLS
