/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "diptych-core.h"

G_BEGIN_DECLS

/* Sentence-level evaluation of an alignment against hand-labelled gold
 * (format in tests/data/pairs/README.md). The sentences are those of the
 * simple segmenter below, not the model's, so a score never depends on
 * how the model cuts its passages. */

typedef enum
{
  QUALITY_CLASS_VERSIONS = 0,  /* two versions of one text */
  QUALITY_CLASS_READOUTS,      /* two accounts by different authors */
  QUALITY_N_CLASSES,
} QualityClass;

typedef enum
{
  QUALITY_LABEL_NONE = 0,
  QUALITY_LABEL_LINKED,        /* in at least one sure link */
  QUALITY_LABEL_MAYBE,         /* only in "maybe" links */
  QUALITY_LABEL_OMITTED,
  QUALITY_LABEL_IGNORED,
} QualityLabel;

/* Counts behind precision and recall. "maybe" links and ignored
 * sentences make the two denominators differ (as in the sure/possible
 * alignments of word-alignment evaluation): precision is measured
 * against sure + possible, recall against sure only. */
typedef struct
{
  guint n_pred;        /* predictions that count */
  guint n_pred_ok;     /* ... of which are sure or possible in gold */
  guint n_gold;        /* sure gold items */
  guint n_gold_found;  /* ... of which were predicted */
} QualityCounts;

typedef struct
{
  QualityCounts links;      /* over sentence pairs */
  QualityCounts omissions;  /* over sentences */
} QualityScore;

/* An item the evaluation got wrong, for --verbose. */
typedef struct
{
  gboolean    is_link;
  gboolean    missed;     /* in gold, not predicted; else spurious */
  DiptychSide side;       /* omissions only */
  guint       a;          /* sentence index on A (or on side) */
  guint       b;          /* sentence index on B (links only) */
} QualityError;

typedef struct _QualityGold QualityGold;

const char   *quality_class_to_string    (QualityClass         klass);

GArray       *quality_segment            (DiptychDocument     *doc);

double        quality_precision          (const QualityCounts *counts);
double        quality_recall             (const QualityCounts *counts);
double        quality_f1                 (const QualityCounts *counts);
void          quality_counts_add         (QualityCounts       *sum,
                                          const QualityCounts *counts);
void          quality_score_add          (QualityScore        *sum,
                                          const QualityScore  *score);

QualityGold  *quality_gold_parse         (const char          *text,
                                          const char          *name,
                                          GError             **error);
QualityGold  *quality_gold_load          (const char          *path,
                                          GError             **error);
void          quality_gold_free          (QualityGold         *gold);
const char   *quality_gold_get_name      (QualityGold         *gold);
QualityClass  quality_gold_get_class     (QualityGold         *gold);
const char   *quality_gold_get_file      (QualityGold         *gold,
                                          DiptychSide          side);
gboolean      quality_gold_bind          (QualityGold         *gold,
                                          DiptychDocument     *a,
                                          DiptychDocument     *b,
                                          GError             **error);
guint         quality_gold_get_n_sentences (QualityGold       *gold,
                                          DiptychSide          side);
DiptychSpan   quality_gold_get_sentence  (QualityGold         *gold,
                                          DiptychSide          side,
                                          guint                index);
QualityLabel  quality_gold_get_label     (QualityGold         *gold,
                                          DiptychSide          side,
                                          guint                index);
gboolean      quality_gold_link_covers   (QualityGold         *gold,
                                          DiptychLink         *link,
                                          DiptychSide          side,
                                          guint                index);
void          quality_gold_score         (QualityGold         *gold,
                                          DiptychAlignment    *alignment,
                                          QualityScore        *score,
                                          GArray              *errors);

/* The gold itself as an alignment (sentence links, omissions): scores 1. */
DiptychAlignment *quality_gold_to_alignment (QualityGold      *gold);

/* Baselines on the gold's sentences. */
#define QUALITY_TFIDF_THRESHOLD 0.3

DiptychAlignment *quality_baseline_diff  (QualityGold         *gold);
DiptychAlignment *quality_baseline_tfidf (QualityGold         *gold,
                                          double               threshold);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QualityGold, quality_gold_free)

G_END_DECLS
