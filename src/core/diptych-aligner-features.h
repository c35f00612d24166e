/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "diptych-lexicon.h"
#include "diptych-normalize.h"

G_BEGIN_DECLS

/* What a word can match on, with how close a match through it is:
 * its stem (1.0), an alias (0.9), a part of a compound (0.85), a
 * WordNet synonym or derived form (0.7), a synonym of a derived form
 * (0.6). */
#define DIPTYCH_LEVEL_STEM    1.0f
#define DIPTYCH_LEVEL_ALIAS   0.9f
#define DIPTYCH_LEVEL_PART    0.85f
#define DIPTYCH_LEVEL_CONCEPT 0.7f
#define DIPTYCH_LEVEL_LOOSE   0.6f

typedef struct
{
  guint32 id;
  float   level;
} DiptychFeature;

/* A token with its features; weight is set by whoever knows the
 * collection statistics (0 for stopwords and punctuation). */
typedef struct
{
  DiptychToken token;
  guint        feat_start;   /* index into the context's feature pool */
  guint        n_feats;
  float        prior;        /* 1 for rare words, less for common ones */
  float        weight;
} DiptychFeatToken;

/* Per alignment run: a normalizer, feature ids and caches. Not
 * thread-safe; the lexicon it uses is. */
typedef struct _DiptychFeatures DiptychFeatures;

DiptychFeatures      *diptych_features_new       (DiptychLexicon         *lexicon);
void                  diptych_features_free      (DiptychFeatures        *self);
/* Tokenizes text[byte_start, byte_end) and appends DiptychFeatToken to tokens. */
void                  diptych_features_add_text  (DiptychFeatures        *self,
                                                  const char             *text,
                                                  gsize                   byte_start,
                                                  gsize                   byte_end,
                                                  guint                   char_start,
                                                  GArray                 *tokens);
guint                 diptych_features_get_n_ids (DiptychFeatures        *self);
const DiptychFeature *diptych_features_get       (DiptychFeatures        *self,
                                                  const DiptychFeatToken *token);
/* How well two tokens match: 0 (not at all) to 1 (same stem). */
float                 diptych_features_match     (DiptychFeatures        *self,
                                                  const DiptychFeatToken *a,
                                                  const DiptychFeatToken *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DiptychFeatures, diptych_features_free)

G_END_DECLS
