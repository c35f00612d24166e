/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "diptych-aligner"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "diptych-aligner.h"
#include "diptych-aligner-features.h"
#include "diptych-error.h"
#include "diptych-lexicon.h"
#include "diptych-progress.h"
#include "diptych-segment.h"
#include "diptych-word-diff.h"

/* The highlighting model, in stages:
 * 1. segment both texts and turn every word into features (stem,
 *    aliases, compound parts, WordNet concepts);
 * 2. weigh words by inverse document frequency over all passages;
 * 3. for every passage, find the passages of the other side sharing
 *    weighty features through an inverted index (top few per passage,
 *    features in too many passages skipped), so the cost grows with
 *    the texts rather than with their product;
 * 4. score those candidates with a soft match of their words (each word
 *    counts with its best match on the other side: same stem 1.0,
 *    alias 0.9, compound part 0.85, synonym or related form 0.7);
 * 5. select links without regard to order: mutual best matches first,
 *    then weaker matches next to accepted links, then neighbours that
 *    make a link match better or tell more of a passage (1:2, 2:1), then
 *    further passages of the other side that cover other words of an
 *    already linked passage, or say again what it says (one-to-many);
 *    adjacent passages linked to the same passage become one link;
 * 6. every passage left alone is an omission (one per passage, so each
 *    can be tagged); inside links, a word-level diff.
 *
 * For tuning: DIPTYCH_DEBUG_PAIRS=1 prints every scored candidate pair,
 * DIPTYCH_DEBUG_TIMING=1 the time of each stage, DIPTYCH_DEBUG_EDGES=1
 * every accepted pair with the stage that accepted it and its matched
 * words, on stderr. */

/* Candidates kept per passage. */
#define CANDIDATES_PER_SEGMENT 4
/* A feature in more passages of the other side than this (at least
 * MAX_POSTINGS, else a POSTINGS_SHARE-th of them) says little about
 * which passages match, and following it would make the cost grow with
 * the product of the lengths. Relative, so that long texts, where more
 * words reach a fixed count, do not lose links; the share keeps four
 * times the input within five times the time (bench/bench-align). */
#define MAX_POSTINGS 150
#define POSTINGS_SHARE 50
#define CANCEL_CHECK_EVERY 256
/* Coverage of long passages counts against this many average words. */
#define MASS_CAP_WORDS 5

/* A word weighing less than this share of the mean weight of the
 * words of both texts is common in them: it takes part in a match but
 * does not make one. */
#define GENERIC_SHARE 0.4f
/* Matches at this level or better count as a whole shared word. */
#define FULL_MATCH 0.85f
/* A word in at least this share of the passages of both texts (and in
 * a few) is a topic of the texts, such as the names of the two leaders:
 * it does not make a link either. */
#define COMMON_SHARE        0.1f
#define COMMON_MIN_PASSAGES 4
/* A shared name (a capitalised word) counts half: the same country or
 * place comes up in passages about different things. */
#define NAME_SUBSTANCE 0.5f

typedef struct
{
  guint tok_start;
  guint tok_end;
  float mass;      /* sum of the weights of its words */
  guint n_content; /* words with a weight */
} SegInfo;

typedef struct
{
  DiptychDocument *doc;
  const char      *text;
  GArray          *segments;  /* DiptychSegment */
  GArray          *tokens;    /* DiptychFeatToken */
  SegInfo         *segs;
  guint            n_segs;
  /* Inverted index: the passages holding feature f are
   * postings[post_start[f] .. post_start[f + 1]). */
  guint           *post_start;
  guint           *postings;
  guint           *linked;    /* number of links per passage */
  guint           *partner;   /* per passage: the first passage linked to it */
  float           *covered;   /* per word: best match through accepted links */
  guint8          *common;    /* per word: found in many passages of the texts */
} Side;

typedef struct
{
  guint a;
  guint b;
  float score;
  float cov_a;
  float cov_b;
} Pair;

typedef struct
{
  const DiptychAlignSettings *settings;
  DiptychFeatures            *features;
  DiptychLexicon             *lexicon;
  Side                        side[DIPTYCH_N_SIDES];
  guint                       n_ids;
  float                      *idf;
  GArray                     *pairs;   /* Pair */
  DiptychProgressFunc         progress;
  gpointer                    progress_data;
  double                      last_progress;
  GCancellable               *cancellable;
  /* Thresholds from the sensitivity. */
  float                       t_link;
  float                       t_support;
  float                       t_cover;
  float                       mass_cap;
  float                       generic_weight;
  const char                 *stage;   /* for DIPTYCH_DEBUG_EDGES */
} Run;

static void
side_clear (Side *side)
{
  g_clear_pointer (&side->segments, g_array_unref);
  g_clear_pointer (&side->tokens, g_array_unref);
  g_clear_pointer (&side->segs, g_free);
  g_clear_pointer (&side->post_start, g_free);
  g_clear_pointer (&side->postings, g_free);
  g_clear_pointer (&side->linked, g_free);
  g_clear_pointer (&side->partner, g_free);
  g_clear_pointer (&side->covered, g_free);
  g_clear_pointer (&side->common, g_free);
}

static void
run_clear (Run *run)
{
  side_clear (&run->side[0]);
  side_clear (&run->side[1]);
  g_clear_pointer (&run->features, diptych_features_free);
  g_clear_pointer (&run->idf, g_free);
  g_clear_pointer (&run->pairs, g_array_unref);
}

static void
report (Run    *run,
        double  fraction)
{
  if (run->progress == NULL)
    return;
  if (fraction < 1.0 && fraction - run->last_progress < 0.01)
    return;
  run->last_progress = fraction;
  run->progress (fraction, run->progress_data);
}

static gboolean
check_cancelled (Run     *run,
                 GError **error)
{
  return g_cancellable_set_error_if_cancelled (run->cancellable, error);
}

/* Stage 1: passages and their words. */
static gboolean
prepare_side (Run      *run,
              Side     *side,
              double    progress_from,
              double    progress_to,
              GError  **error)
{
  side->text = diptych_document_get_text (side->doc);
  side->segments = diptych_segment_text (side->text, diptych_document_get_n_bytes (side->doc),
                                         run->settings->granularity);
  side->n_segs = side->segments->len;
  side->segs = g_new0 (SegInfo, side->n_segs + 1);
  side->tokens = g_array_sized_new (FALSE, FALSE, sizeof (DiptychFeatToken),
                                    diptych_document_get_n_bytes (side->doc) / 6 + 1);
  side->linked = g_new0 (guint, side->n_segs + 1);
  side->partner = g_new0 (guint, side->n_segs + 1);

  for (guint s = 0; s < side->n_segs; s++)
    {
      const DiptychSegment *seg = &g_array_index (side->segments, DiptychSegment, s);

      side->segs[s].tok_start = side->tokens->len;
      diptych_features_add_text (run->features, side->text, seg->byte_start, seg->byte_end,
                                 seg->span.start, side->tokens);
      side->segs[s].tok_end = side->tokens->len;
      if (side->segs[s].tok_end > side->segs[s].tok_start)
        g_array_index (side->tokens, DiptychFeatToken, side->segs[s].tok_start).token.flags
          |= DIPTYCH_TOKEN_SENTENCE_START;

      if (s % CANCEL_CHECK_EVERY == 0)
        {
          if (check_cancelled (run, error))
            return FALSE;
          report (run, progress_from + (progress_to - progress_from) * s / MAX (1, side->n_segs));
        }
    }
  return TRUE;
}

static inline const DiptychFeatToken *
tok (const Side *side,
     guint       i)
{
  return &g_array_index (side->tokens, DiptychFeatToken, i);
}

/* Squared, so that words found in many passages count much less than
 * the distinctive ones that make a link. */
static inline float
idf_of (guint n_total,
        guint df)
{
  float idf = logf (1.0f + (float) n_total / df);
  return idf * idf;
}

/* Stage 2: weights. A feature's document frequency counts passages of
 * both sides; a word weighs the inverse frequency of its stem. */
static void
compute_weights (Run *run)
{
  guint n_ids = diptych_features_get_n_ids (run->features);
  g_autofree guint *df = g_new0 (guint, n_ids + 1);
  g_autofree guint *stamp = g_new0 (guint, n_ids + 1);
  guint n_total = run->side[0].n_segs + run->side[1].n_segs;
  guint seen = 0;
  double total_weight = 0;
  guint n_weighted = 0;

  run->n_ids = n_ids;
  for (guint k = 0; k < DIPTYCH_N_SIDES; k++)
    {
      Side *side = &run->side[k];

      for (guint s = 0; s < side->n_segs; s++)
        {
          seen++;
          for (guint t = side->segs[s].tok_start; t < side->segs[s].tok_end; t++)
            {
              const DiptychFeatToken *ft = tok (side, t);
              const DiptychFeature *f = diptych_features_get (run->features, ft);

              for (guint i = 0; i < ft->n_feats; i++)
                if (stamp[f[i].id] != seen)
                  {
                    stamp[f[i].id] = seen;
                    df[f[i].id]++;
                  }
            }
        }
    }

  run->idf = g_new0 (float, n_ids + 1);
  for (guint f = 0; f < n_ids; f++)
    run->idf[f] = df[f] > 0 ? idf_of (n_total, df[f]) : 0;

  for (guint k = 0; k < DIPTYCH_N_SIDES; k++)
    {
      Side *side = &run->side[k];

      side->common = g_new0 (guint8, side->tokens->len + 1);
      for (guint s = 0; s < side->n_segs; s++)
        {
          SegInfo *si = &side->segs[s];

          for (guint t = si->tok_start; t < si->tok_end; t++)
            {
              DiptychFeatToken *ft = &g_array_index (side->tokens, DiptychFeatToken, t);
              const DiptychFeature *f = diptych_features_get (run->features, ft);
              float w = 0;

              if (ft->n_feats == 0 || (ft->token.flags & DIPTYCH_TOKEN_STOPWORD) != 0)
                {
                  ft->weight = 0;
                  continue;
                }
              /* The stem's weight; the rarest feature for alias-only words. */
              for (guint i = 0; i < ft->n_feats; i++)
                if (f[i].level == DIPTYCH_LEVEL_STEM)
                  {
                    w = MAX (w, run->idf[f[i].id]);
                    if (df[f[i].id] >= MAX (COMMON_MIN_PASSAGES, COMMON_SHARE * n_total))
                      side->common[t] = TRUE;
                  }
              if (w == 0)
                for (guint i = 0; i < ft->n_feats; i++)
                  w = MAX (w, run->idf[f[i].id]);
              /* Numbers and names are strong evidence in readouts. */
              if (ft->token.flags & DIPTYCH_TOKEN_NUMBER)
                w *= 1.2f;
              ft->weight = w * ft->prior;
              total_weight += ft->weight;
              n_weighted++;
              si->mass += ft->weight;
              si->n_content++;
            }
        }
    }

  run->mass_cap = n_weighted > 0 ? MASS_CAP_WORDS * total_weight / n_weighted : 0;
  run->generic_weight = n_weighted > 0 ? GENERIC_SHARE * total_weight / n_weighted : 0;
  if (g_getenv ("DIPTYCH_DEBUG_EDGES") != NULL)
    g_printerr ("mean weight %.2f\n", n_weighted ? total_weight / n_weighted : 0);
  for (guint k = 0; k < DIPTYCH_N_SIDES; k++)
    run->side[k].covered = g_new0 (float, run->side[k].tokens->len + 1);
}

/* Stage 3a: the inverted index of one side, in compressed rows. */
static void
build_index (Run  *run,
             Side *side)
{
  g_autofree guint *stamp = g_new0 (guint, run->n_ids + 1);
  g_autofree guint *fill = NULL;

  side->post_start = g_new0 (guint, run->n_ids + 2);
  for (int pass = 0; pass < 2; pass++)
    {
      memset (stamp, 0, sizeof (guint) * (run->n_ids + 1));
      for (guint s = 0; s < side->n_segs; s++)
        for (guint t = side->segs[s].tok_start; t < side->segs[s].tok_end; t++)
          {
            const DiptychFeatToken *ft = tok (side, t);
            const DiptychFeature *f = diptych_features_get (run->features, ft);

            if (ft->weight == 0)
              continue;
            for (guint i = 0; i < ft->n_feats; i++)
              {
                guint id = f[i].id;
                if (stamp[id] == s + 1)
                  continue;
                stamp[id] = s + 1;
                if (pass == 0)
                  side->post_start[id + 1]++;
                else
                  side->postings[fill[id]++] = s;
              }
          }
      if (pass == 0)
        {
          for (guint f = 0; f < run->n_ids; f++)
            side->post_start[f + 1] += side->post_start[f];
          side->postings = g_new (guint, side->post_start[run->n_ids] + 1);
          fill = g_memdup2 (side->post_start, sizeof (guint) * (run->n_ids + 1));
        }
    }
}

/* The words with which readouts report any exchange ("the leaders
 * discussed", "the sides noted"): two passages sharing only these say
 * nothing alike. */
static const char * const boilerplate_words[] = {
  "discuss", "discussed", "discusses", "discussing", "discussion", "discussions",
  "leader", "leaders", "side", "sides", "party", "parties",
  "agree", "agreed", "agrees",
  "note", "noted", "notes", "stress", "stressed", "stresses",
  "express", "expressed", "expresses", "emphasise", "emphasised", "emphasize",
  "emphasized", "underline", "underlined", "underscore", "underscored",
  "reaffirm", "reaffirmed", "raise", "raised", "also",
};

static gpointer
init_boilerplate (gpointer data)
{
  GHashTable *set = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < G_N_ELEMENTS (boilerplate_words); i++)
    g_hash_table_add (set, (gpointer) boilerplate_words[i]);
  return set;
}

static gboolean
is_boilerplate (const char *norm)
{
  static GOnce once = G_ONCE_INIT;
  GHashTable *set = g_once (&once, init_boilerplate, NULL);

  return g_hash_table_contains (set, norm);
}

/* How much a word matched at level best counts towards the distinctive
 * words two passages share. */
static inline float
substance_of (const Run  *run,
              const Side *side,
              guint       t,
              float       best)
{
  const DiptychFeatToken *ft = tok (side, t);

  if (best <= 0 || ft->weight < run->generic_weight || side->common[t]
      || is_boilerplate (ft->token.norm))
    return 0;
  if (ft->token.flags & DIPTYCH_TOKEN_CAPITALIZED)
    return NAME_SUBSTANCE * MIN (1.0f, best / FULL_MATCH);
  return MIN (1.0f, best / FULL_MATCH);
}

/* Stage 4: the soft match of two passages (token ranges, so that
 * merged neighbours can be scored too). Returns the score; fills the
 * coverage of each side. */
static float
score_ranges (Run        *run,
              const Side *sa,
              guint       a0,
              guint       a1,
              const Side *sb,
              guint       b0,
              guint       b1,
              float      *cov_a,
              float      *cov_b,
              float      *best_a,    /* per token of a, or NULL */
              guint      *partner_a, /* per token of a: its best match in b, or NULL */
              float      *best_b)
{
  float mass_a = 0, mass_b = 0, got_a = 0, got_b = 0;
  float local_b[256];
  float *bb = best_b;
  guint matched = 0, n_content_a = 0, n_content_b = 0;
  float score;

  if (bb == NULL)
    {
      if (b1 - b0 <= G_N_ELEMENTS (local_b))
        bb = local_b;
      else
        bb = g_new (float, b1 - b0);
    }
  for (guint j = b0; j < b1; j++)
    bb[j - b0] = 0;

  for (guint i = a0; i < a1; i++)
    {
      const DiptychFeatToken *ta = tok (sa, i);
      float best = 0;
      guint partner = G_MAXUINT;

      if (ta->weight == 0)
        {
          if (best_a != NULL)
            best_a[i - a0] = 0;
          if (partner_a != NULL)
            partner_a[i - a0] = G_MAXUINT;
          continue;
        }
      n_content_a++;
      mass_a += ta->weight;
      for (guint j = b0; j < b1; j++)
        {
          const DiptychFeatToken *tb = tok (sb, j);
          float m;

          if (tb->weight == 0)
            continue;
          m = diptych_features_match (run->features, ta, tb);
          if (m > best)
            {
              best = m;
              partner = j;
            }
          if (m > bb[j - b0])
            bb[j - b0] = m;
        }
      if (best > 0)
        matched++;
      got_a += best * ta->weight;
      if (best_a != NULL)
        best_a[i - a0] = best;
      if (partner_a != NULL)
        partner_a[i - a0] = partner;
    }
  for (guint j = b0; j < b1; j++)
    {
      const DiptychFeatToken *tb = tok (sb, j);

      if (tb->weight == 0)
        continue;
      n_content_b++;
      mass_b += tb->weight;
      got_b += bb[j - b0] * tb->weight;
    }
  if (bb != best_b && bb != local_b)
    g_free (bb);

  /* A long passage is not penalised for saying more than a typical
   * sentence: its coverage counts against at most a sentence's worth. */
  if (run->mass_cap > 0)
    {
      mass_a = MIN (mass_a, MAX (run->mass_cap, got_a));
      mass_b = MIN (mass_b, MAX (run->mass_cap, got_b));
    }
  *cov_a = mass_a > 0 ? MIN (1.0f, got_a / mass_a) : 0;
  *cov_b = mass_b > 0 ? MIN (1.0f, got_b / mass_b) : 0;
  score = sqrtf (*cov_a * *cov_b);
  /* One shared word is weak evidence, unless the passages are tiny. */
  if (matched < 2 && MIN (n_content_a, n_content_b) > 2)
    score *= 0.6f;
  return score;
}

static float
score_pair (Run   *run,
            guint  a,
            guint  b,
            float *cov_a,
            float *cov_b)
{
  const Side *sa = &run->side[DIPTYCH_SIDE_A], *sb = &run->side[DIPTYCH_SIDE_B];

  return score_ranges (run, sa, sa->segs[a].tok_start, sa->segs[a].tok_end,
                       sb, sb->segs[b].tok_start, sb->segs[b].tok_end, cov_a, cov_b,
                       NULL, NULL, NULL);
}

typedef struct
{
  guint seg;
  float acc;
} Cand;

/* Stage 3b: for each passage of from, the passages of to sharing the
 * most weight through the index. The candidates found from side A are
 * remembered in a_cands (CANDIDATES_PER_SEGMENT per passage of A, unused
 * slots G_MAXUINT), so that the pass from B does not score them again. */
static gboolean
find_candidates (Run         *run,
                 DiptychSide  from_side,
                 guint       *a_cands,
                 double       progress_from,
                 double       progress_to,
                 GError     **error)
{
  Side *from = &run->side[from_side];
  Side *to = &run->side[DIPTYCH_OTHER_SIDE (from_side)];
  g_autofree float *acc = g_new0 (float, to->n_segs + 1);
  g_autofree guint *stamp = g_new0 (guint, run->n_ids + 1);
  g_autoptr(GArray) touched = g_array_new (FALSE, FALSE, sizeof (guint));
  guint max_postings = MAX (MAX_POSTINGS, to->n_segs / POSTINGS_SHARE);

  for (guint s = 0; s < from->n_segs; s++)
    {
      const SegInfo *si = &from->segs[s];
      Cand best[CANDIDATES_PER_SEGMENT];
      guint n_best = 0;

      g_array_set_size (touched, 0);
      for (guint t = si->tok_start; t < si->tok_end; t++)
        {
          const DiptychFeatToken *ft = tok (from, t);
          const DiptychFeature *f = diptych_features_get (run->features, ft);

          if (ft->weight == 0)
            continue;
          for (guint i = 0; i < ft->n_feats; i++)
            {
              guint id = f[i].id;
              guint p0 = to->post_start[id], p1 = to->post_start[id + 1];
              float w = run->idf[id] * f[i].level * ft->prior;

              if (stamp[id] == s + 1 || p1 - p0 > max_postings)
                continue;
              stamp[id] = s + 1;
              for (guint p = p0; p < p1; p++)
                {
                  guint o = to->postings[p];
                  if (acc[o] == 0)
                    g_array_append_val (touched, o);
                  acc[o] += w;
                }
            }
        }

      /* The best few, by insertion into a small sorted array. */
      for (guint i = 0; i < touched->len; i++)
        {
          guint o = g_array_index (touched, guint, i);
          float value = acc[o];
          guint k;

          acc[o] = 0;
          if (n_best == CANDIDATES_PER_SEGMENT && value <= best[n_best - 1].acc)
            continue;
          k = n_best < CANDIDATES_PER_SEGMENT ? n_best++ : n_best - 1;
          while (k > 0 && best[k - 1].acc < value)
            {
              best[k] = best[k - 1];
              k--;
            }
          best[k].seg = o;
          best[k].acc = value;
        }

      for (guint i = 0; i < n_best; i++)
        {
          guint a = from_side == DIPTYCH_SIDE_A ? s : best[i].seg;
          guint b = from_side == DIPTYCH_SIDE_A ? best[i].seg : s;
          gboolean known = FALSE;
          Pair pair;

          if (from_side == DIPTYCH_SIDE_A)
            a_cands[(gsize) a * CANDIDATES_PER_SEGMENT + i] = b;
          else
            for (guint k = 0; k < CANDIDATES_PER_SEGMENT && !known; k++)
              known = a_cands[(gsize) a * CANDIDATES_PER_SEGMENT + k] == b;
          if (known)
            continue;
          pair.a = a;
          pair.b = b;
          pair.score = score_pair (run, a, b, &pair.cov_a, &pair.cov_b);
          g_array_append_val (run->pairs, pair);
        }

      if (s % CANCEL_CHECK_EVERY == 0)
        {
          if (check_cancelled (run, error))
            return FALSE;
          report (run, progress_from + (progress_to - progress_from) * s / MAX (1, from->n_segs));
        }
    }
  return TRUE;
}

static int
compare_pair_desc (gconstpointer x,
                   gconstpointer y)
{
  const Pair *a = x, *b = y;

  if (a->score != b->score)
    return a->score < b->score ? 1 : -1;
  if (a->a != b->a)
    return a->a < b->a ? -1 : 1;
  return a->b < b->b ? -1 : a->b > b->b;
}

typedef struct
{
  guint a;
  guint b;
} Edge;

/* Edges are keyed by (a << 32) | b. g_int64_hash() keeps only the low
 * 32 bits, b: all the links of one passage of B would share a bucket,
 * and many passages of A linked to one of B would take quadratic time. */
static guint
edge_hash (gconstpointer key)
{
  guint64 k = *(const guint64 *) key;

  return (guint) ((k >> 32) * 2654435761u) ^ (guint) k;
}

static gboolean
has_edge (GHashTable *edges,
          guint       a,
          guint       b)
{
  guint64 key = ((guint64) a << 32) | b;
  return g_hash_table_contains (edges, &key);
}

/* The best matches of the words of passages a and b with each other. */
static void
match_words (Run   *run,
             guint  a,
             guint  b,
             float *best_a,
             float *best_b)
{
  const Side *sa = &run->side[DIPTYCH_SIDE_A], *sb = &run->side[DIPTYCH_SIDE_B];
  float cov_a, cov_b;

  score_ranges (run, sa, sa->segs[a].tok_start, sa->segs[a].tok_end,
                sb, sb->segs[b].tok_start, sb->segs[b].tok_end, &cov_a, &cov_b,
                best_a, NULL, best_b);
}

static void
add_edge (Run        *run,
          GHashTable *edges,
          GArray     *edge_list,
          guint       a,
          guint       b)
{
  Side *sa = &run->side[DIPTYCH_SIDE_A], *sb = &run->side[DIPTYCH_SIDE_B];
  guint64 key = ((guint64) a << 32) | b;
  Edge e = { a, b };
  guint na = sa->segs[a].tok_end - sa->segs[a].tok_start;
  guint nb = sb->segs[b].tok_end - sb->segs[b].tok_start;
  g_autofree float *best_a = g_new0 (float, na + 1);
  g_autofree float *best_b = g_new0 (float, nb + 1);

  g_hash_table_add (edges, g_memdup2 (&key, sizeof key));
  g_array_append_val (edge_list, e);
  if (sa->linked[a]++ == 0)
    sa->partner[a] = b;
  if (sb->linked[b]++ == 0)
    sb->partner[b] = a;

  match_words (run, a, b, best_a, best_b);
  if (g_getenv ("DIPTYCH_DEBUG_EDGES") != NULL)
    {
      float cov_a, cov_b, score = score_pair (run, a, b, &cov_a, &cov_b);
      g_printerr ("edge a%u b%u %-8s score %.3f cov %.3f %.3f mass %.2f %.2f:", a + 1, b + 1,
                  run->stage, score, cov_a, cov_b, sa->segs[a].mass, sb->segs[b].mass);
      for (guint i = 0; i < na; i++)
        if (best_a[i] > 0)
          g_printerr (" %s(%.2f*%.2f)", tok (sa, sa->segs[a].tok_start + i)->token.norm,
                      tok (sa, sa->segs[a].tok_start + i)->weight, best_a[i]);
      g_printerr ("\n");
    }
  for (guint i = 0; i < na; i++)
    sa->covered[sa->segs[a].tok_start + i] = MAX (sa->covered[sa->segs[a].tok_start + i], best_a[i]);
  for (guint j = 0; j < nb; j++)
    sb->covered[sb->segs[b].tok_start + j] = MAX (sb->covered[sb->segs[b].tok_start + j], best_b[j]);
}

/* The distinctive words passages a and b share, counted on the side
 * where they are fewer: common words of these texts count nothing,
 * loose matches part of a word. If anchored is not NULL, it tells
 * whether a content word other than a name is matched in full: a link
 * that rests on a shared name and loose synonyms only is weak. */
static float
pair_substance (Run      *run,
                guint     a,
                guint     b,
                gboolean *anchored)
{
  const Side *sa = &run->side[DIPTYCH_SIDE_A], *sb = &run->side[DIPTYCH_SIDE_B];
  guint ta0 = sa->segs[a].tok_start, na = sa->segs[a].tok_end - ta0;
  guint tb0 = sb->segs[b].tok_start, nb = sb->segs[b].tok_end - tb0;
  g_autofree float *best_a = g_new0 (float, na + 1);
  g_autofree float *best_b = g_new0 (float, nb + 1);
  float substance_a = 0, substance_b = 0;

  match_words (run, a, b, best_a, best_b);
  if (anchored != NULL)
    *anchored = FALSE;
  for (guint i = 0; i < na; i++)
    {
      float sub = substance_of (run, sa, ta0 + i, best_a[i]);

      substance_a += sub;
      if (anchored != NULL && best_a[i] >= FULL_MATCH && tok (sa, ta0 + i)->weight > 0
          && !(tok (sa, ta0 + i)->token.flags & DIPTYCH_TOKEN_CAPITALIZED))
        *anchored = TRUE;
    }
  for (guint j = 0; j < nb; j++)
    substance_b += substance_of (run, sb, tb0 + j, best_b[j]);
  return MIN (substance_a, substance_b);
}

/* For a pair whose passage on side k is already linked: the share of
 * what the pair matches in that passage that its links do not match
 * yet. One passage may take part in several links only for different
 * parts of its content. */
static float
novelty (Run         *run,
         guint        a,
         guint        b,
         DiptychSide  k)
{
  Side *side = &run->side[k];
  guint s = k == DIPTYCH_SIDE_A ? a : b;
  guint t0 = side->segs[s].tok_start, n = side->segs[s].tok_end - t0;
  guint nb = run->side[DIPTYCH_SIDE_B].segs[b].tok_end - run->side[DIPTYCH_SIDE_B].segs[b].tok_start;
  guint na = run->side[DIPTYCH_SIDE_A].segs[a].tok_end - run->side[DIPTYCH_SIDE_A].segs[a].tok_start;
  g_autofree float *best_a = g_new0 (float, na + 1);
  g_autofree float *best_b = g_new0 (float, nb + 1);
  const float *best;
  float matched = 0, fresh = 0;

  match_words (run, a, b, best_a, best_b);
  best = k == DIPTYCH_SIDE_A ? best_a : best_b;
  for (guint i = 0; i < n; i++)
    {
      float w = tok (side, t0 + i)->weight;
      matched += w * best[i];
      fresh += w * MAX (0.0f, best[i] - side->covered[t0 + i]);
    }
  return matched > 0 ? fresh / matched : 0;
}

/* An accepted link next to (a, b) on both sides, in either direction. */
static gboolean
has_support (Run        *run,
             GHashTable *edges,
             guint       a,
             guint       b)
{
  for (int da = -1; da <= 1; da += 2)
    for (int db = -1; db <= 1; db++)
      {
        gint64 na = (gint64) a + da, nb = (gint64) b + db;
        if (na < 0 || nb < 0 || na >= run->side[0].n_segs || nb >= run->side[1].n_segs)
          continue;
        if (has_edge (edges, (guint) na, (guint) nb))
          return TRUE;
      }
  for (int db = -1; db <= 1; db += 2)
    {
      gint64 nb = (gint64) b + db;
      if (nb >= 0 && nb < run->side[1].n_segs && has_edge (edges, a, (guint) nb))
        return TRUE;
    }
  for (int da = -1; da <= 1; da += 2)
    {
      gint64 na = (gint64) a + da;
      if (na >= 0 && na < run->side[0].n_segs && has_edge (edges, (guint) na, b))
        return TRUE;
    }
  return FALSE;
}

/* Whether passage n of side k, next to the link (a, b), matches the
 * other side well enough to join it: the merged passage must score
 * better (or, when the link scores full already, match MERGE_MIN_TOLD
 * more of the other passage's words), and n itself must share some
 * content. */
#define MERGE_MIN_GAIN     0.02f
#define MIN_NOVELTY        0.7f
#define MERGE_MIN_COVERAGE 0.2f
#define MERGE_MIN_TOLD     0.1f
/* A passage already linked takes part in another link only through
 * more than one distinctive shared word: a name or a common word of the
 * texts recurs in many passages without making them say the same. */
#define MANY_MIN_SUBSTANCE 1.5f
/* A pair not mutually best is a link on its own with at least one
 * distinctive shared word, next to a link with at least a loose one
 * that is not a name alone. */
#define ALONE_MIN_SUBSTANCE     1.0f
#define SUPPORTED_MIN_SUBSTANCE 0.6f

/* The share of the weight of the words of passage s of side k, without
 * the cap of long passages, that passages o0 to o1 of the other side
 * match. */
static float
matched_share (Run         *run,
               DiptychSide  k,
               guint        s,
               guint        o0,
               guint        o1)
{
  const Side *side = &run->side[k], *other = &run->side[DIPTYCH_OTHER_SIDE (k)];
  guint t0 = side->segs[s].tok_start, t1 = side->segs[s].tok_end;
  guint u0 = other->segs[o0].tok_start, u1 = other->segs[o1].tok_end;
  g_autofree float *best = g_new0 (float, t1 - t0 + 1);
  float cov_a, cov_b, mass = 0, got = 0;

  if (k == DIPTYCH_SIDE_A)
    score_ranges (run, side, t0, t1, other, u0, u1, &cov_a, &cov_b, best, NULL, NULL);
  else
    score_ranges (run, other, u0, u1, side, t0, t1, &cov_a, &cov_b, NULL, NULL, best);
  for (guint t = t0; t < t1; t++)
    {
      mass += tok (side, t)->weight;
      got += tok (side, t)->weight * best[t - t0];
    }
  return mass > 0 ? got / mass : 0;
}

/* Whether passage s of side k says again what the passage of its side
 * first linked to passage o of the other side says: one text telling
 * the same thing twice. The two must match over the link threshold, and
 * through distinctive words of s that o does not have; otherwise their
 * match is only the words that both share with o, no new evidence. */
static gboolean
restates (Run         *run,
          DiptychSide  k,
          guint        s,
          guint        o)
{
  const Side *side = &run->side[k], *other = &run->side[DIPTYCH_OTHER_SIDE (k)];
  guint t0 = side->segs[s].tok_start, n = side->segs[s].tok_end - t0;
  guint o0 = other->segs[o].tok_start, o1 = other->segs[o].tok_end;
  g_autofree float *best_twin = NULL;
  g_autofree float *best_o = NULL;
  float cov_x, cov_y, extra = 0;
  guint twin;

  if (other->linked[o] == 0 || (twin = other->partner[o]) == s)
    return FALSE;
  best_twin = g_new0 (float, n + 1);
  if (score_ranges (run, side, t0, t0 + n, side, side->segs[twin].tok_start,
                    side->segs[twin].tok_end, &cov_x, &cov_y, best_twin, NULL, NULL) < run->t_link)
    return FALSE;
  best_o = g_new0 (float, n + 1);
  if (k == DIPTYCH_SIDE_A)
    score_ranges (run, side, t0, t0 + n, other, o0, o1, &cov_x, &cov_y, best_o, NULL, NULL);
  else
    score_ranges (run, other, o0, o1, side, t0, t0 + n, &cov_x, &cov_y, NULL, NULL, best_o);
  for (guint i = 0; i < n; i++)
    if (best_o[i] == 0)
      extra += substance_of (run, side, t0 + i, best_twin[i]);
  return extra >= ALONE_MIN_SUBSTANCE;
}

static gboolean
merge_helps (Run         *run,
             guint        a,
             guint        b,
             DiptychSide  k,
             guint        n)
{
  const Side *sa = &run->side[DIPTYCH_SIDE_A], *sb = &run->side[DIPTYCH_SIDE_B];
  float cov_a, cov_b, cov_na, cov_nb, before, after, alone;
  guint a0 = a, a1 = a, b0 = b, b1 = b;

  before = score_pair (run, a, b, &cov_a, &cov_b);
  if (k == DIPTYCH_SIDE_A)
    {
      alone = score_pair (run, n, b, &cov_na, &cov_nb);
      a0 = MIN (a, n);
      a1 = MAX (a, n);
    }
  else
    {
      alone = score_pair (run, a, n, &cov_na, &cov_nb);
      b0 = MIN (b, n);
      b1 = MAX (b, n);
    }
  if (alone < run->t_support * 0.7f || (k == DIPTYCH_SIDE_A ? cov_na : cov_nb) < MERGE_MIN_COVERAGE)
    return FALSE;
  after = score_ranges (run, sa, sa->segs[a0].tok_start, sa->segs[a1].tok_end,
                        sb, sb->segs[b0].tok_start, sb->segs[b1].tok_end,
                        &cov_a, &cov_b, NULL, NULL, NULL);
  if (after >= before + MERGE_MIN_GAIN)
    return TRUE;
  /* A long passage told in full by a shorter one scores 1 already (its
   * coverage is capped): the merge cannot raise the score, but the
   * neighbour can still tell more of the passage's words. */
  if (before < 1.0f - MERGE_MIN_GAIN || after < before)
    return FALSE;
  if (k == DIPTYCH_SIDE_A)
    return matched_share (run, DIPTYCH_SIDE_B, b, a0, a1)
           >= matched_share (run, DIPTYCH_SIDE_B, b, a, a) + MERGE_MIN_TOLD;
  return matched_share (run, DIPTYCH_SIDE_A, a, b0, b1)
         >= matched_share (run, DIPTYCH_SIDE_A, a, b, b) + MERGE_MIN_TOLD;
}

/* The normalized words of a passage, as a key for identical passages. */
static char *
passage_key (const Side *side,
             guint       s)
{
  GString *key = g_string_new (NULL);

  for (guint t = side->segs[s].tok_start; t < side->segs[s].tok_end; t++)
    {
      g_string_append (key, tok (side, t)->token.norm);
      g_string_append_c (key, ' ');
    }
  return g_string_free (key, FALSE);
}

/* Stage 5: link selection. */
static void
select_links (Run    *run,
              GArray *edge_list)
{
  g_autoptr(GHashTable) edges = g_hash_table_new_full (edge_hash, g_int64_equal, g_free, NULL);
  Side *sa = &run->side[DIPTYCH_SIDE_A], *sb = &run->side[DIPTYCH_SIDE_B];
  g_autofree float *best_a = g_new0 (float, sa->n_segs + 1);
  g_autofree float *best_b = g_new0 (float, sb->n_segs + 1);
  Pair *pairs;
  guint n_pairs;

  g_array_sort (run->pairs, compare_pair_desc);
  pairs = (Pair *) (gpointer) run->pairs->data;
  n_pairs = run->pairs->len;

  if (g_getenv ("DIPTYCH_DEBUG_PAIRS") != NULL)
    for (guint i = 0; i < n_pairs; i++)
      g_printerr ("pair %u %u score %.3f cov %.3f %.3f\n", pairs[i].a, pairs[i].b,
                  pairs[i].score, pairs[i].cov_a, pairs[i].cov_b);

  for (guint i = 0; i < n_pairs; i++)
    {
      best_a[pairs[i].a] = MAX (best_a[pairs[i].a], pairs[i].score);
      best_b[pairs[i].b] = MAX (best_b[pairs[i].b], pairs[i].score);
    }

  run->stage = "same";
  /* 0. Identical passages, in order where a passage repeats: even a
   * passage of common words only is a link when word for word the same. */
  {
    g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) g_queue_free);

    for (guint b = 0; b < sb->n_segs; b++)
      {
        char *key;
        GQueue *queue;

        if (sb->segs[b].n_content == 0)
          continue;
        key = passage_key (sb, b);
        queue = g_hash_table_lookup (by_key, key);
        if (queue == NULL)
          {
            queue = g_queue_new ();
            g_hash_table_insert (by_key, key, queue);
          }
        else
          g_free (key);
        g_queue_push_tail (queue, GUINT_TO_POINTER (b));
      }
    for (guint a = 0; a < sa->n_segs; a++)
      {
        g_autofree char *key = NULL;
        GQueue *queue;

        if (sa->segs[a].n_content == 0)
          continue;
        key = passage_key (sa, a);
        queue = g_hash_table_lookup (by_key, key);
        if (queue != NULL && !g_queue_is_empty (queue))
          add_edge (run, edges, edge_list, a, GPOINTER_TO_UINT (g_queue_pop_head (queue)));
      }
  }

  run->stage = "mutual";
  /* 1. Mutual best matches over the link threshold, strongest first. */
  for (guint i = 0; i < n_pairs; i++)
    {
      const Pair *p = &pairs[i];
      if (p->score >= run->t_link && p->score >= best_a[p->a] && p->score >= best_b[p->b]
          && sa->linked[p->a] == 0 && sb->linked[p->b] == 0)
        add_edge (run, edges, edge_list, p->a, p->b);
    }

  run->stage = "support";
  /* 2. Still free on both sides: good enough alone, or weaker but next
   * to an accepted link. Repeated so that support spreads along runs. */
  for (int round = 0; round < 3; round++)
    {
      guint added = 0;

      for (guint i = 0; i < n_pairs; i++)
        {
          const Pair *p = &pairs[i];
          float substance;
          gboolean anchored;

          if (sa->linked[p->a] != 0 || sb->linked[p->b] != 0)
            continue;
          if (p->score < run->t_support)
            break;
          substance = pair_substance (run, p->a, p->b, &anchored);
          if (!anchored)
            continue;
          if ((p->score >= run->t_link && substance >= ALONE_MIN_SUBSTANCE)
              || (substance >= SUPPORTED_MIN_SUBSTANCE && has_support (run, edges, p->a, p->b)))
            {
              add_edge (run, edges, edge_list, p->a, p->b);
              added++;
            }
        }
      if (added == 0)
        break;
    }

  run->stage = "merge";
  /* 3. Merged neighbours (1:2, 2:1): a free passage next to a linked
   * one joins the link when the merged passage matches better. */
  for (guint i = 0; i < edge_list->len; i++)
    {
      Edge e = g_array_index (edge_list, Edge, i);

      for (guint k = 0; k < DIPTYCH_N_SIDES; k++)
        for (int d = -1; d <= 1; d += 2)
          {
            Side *s = &run->side[k];
            guint at = k == DIPTYCH_SIDE_A ? e.a : e.b;
            gint64 n = (gint64) at + d;

            if (n < 0 || n >= s->n_segs || s->linked[n] != 0
                || g_array_index (s->segments, DiptychSegment, n).paragraph
                   != g_array_index (s->segments, DiptychSegment, at).paragraph)
              continue;
            if (merge_helps (run, e.a, e.b, k, (guint) n))
              {
                if (k == DIPTYCH_SIDE_A)
                  add_edge (run, edges, edge_list, (guint) n, e.b);
                else
                  add_edge (run, edges, edge_list, e.a, (guint) n);
              }
          }
    }

  run->stage = "many";
  /* 4. One-to-many: a free passage whose content is found in a part of
   * an already linked passage that its links do not cover yet. */
  for (guint i = 0; i < n_pairs; i++)
    {
      const Pair *p = &pairs[i];
      gboolean free_a = sa->linked[p->a] == 0, free_b = sb->linked[p->b] == 0;
      gboolean strong, supported, anchored;
      float cov_free, substance;

      if (free_a == free_b || p->score < run->t_support)
        continue;

      cov_free = free_a ? p->cov_a : p->cov_b;
      if (cov_free < run->t_cover * 0.45f)
        continue;
      /* The free passage's best match, good on its own: it says what
       * the linked passage says, even if in the same words as its
       * other link. Otherwise, only for content not linked yet. */
      strong = p->score >= run->t_link && p->score >= (free_a ? best_a[p->a] : best_b[p->b]);
      supported = has_support (run, edges, p->a, p->b);
      if ((cov_free < run->t_cover * 0.6f && !supported)
          || (!strong && novelty (run, p->a, p->b, free_a ? DIPTYCH_SIDE_B : DIPTYCH_SIDE_A) < MIN_NOVELTY))
        continue;
      /* A free passage mostly told by its best match needs no more
       * than a weak pair next to a link in stage 2 when its neighbours
       * are linked too, or when it says again what the passage of its
       * side linked to that match says: then the passages tell the same
       * part of the story, even when their shared words recur in the
       * texts. */
      substance = pair_substance (run, p->a, p->b, &anchored);
      if (substance >= MANY_MIN_SUBSTANCE
          || (strong && anchored && cov_free >= run->t_cover
              && substance >= SUPPORTED_MIN_SUBSTANCE
              && (supported || (free_a ? restates (run, DIPTYCH_SIDE_A, p->a, p->b)
                                       : restates (run, DIPTYCH_SIDE_B, p->b, p->a)))))
        add_edge (run, edges, edge_list, p->a, p->b);
    }
}

/* Union-find over passages of both sides (A first, then B). */
static guint
find_root (guint *parent,
           guint  x)
{
  while (parent[x] != x)
    {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
  return x;
}

typedef struct
{
  guint a0, a1;   /* passages, inclusive */
  guint b0, b1;
  guint root;
  gboolean contiguous;
} Group;

static gboolean
tokens_identical (const Side *sa,
                  guint       a0,
                  guint       a1,
                  const Side *sb,
                  guint       b0,
                  guint       b1)
{
  if (a1 - a0 != b1 - b0)
    return FALSE;
  for (guint i = 0; i < a1 - a0; i++)
    if (strcmp (tok (sa, a0 + i)->token.norm, tok (sb, b0 + i)->token.norm) != 0)
      return FALSE;
  return TRUE;
}

/* Runs of words without a match on the other side, as spans. */
static void
add_uncovered (DiptychLink *link,
               DiptychSide  side,
               const Side  *s,
               guint        t0,
               guint        t1,
               const float *best)
{
  gint64 run_start = -1, run_end = -1;

  for (guint t = t0; t <= t1; t++)
    {
      const DiptychFeatToken *ft = t < t1 ? tok (s, t) : NULL;

      if (ft != NULL && ft->weight == 0)
        continue;  /* stopwords neither start nor break a run */
      if (ft != NULL && best[t - t0] == 0)
        {
          if (run_start < 0)
            run_start = ft->token.start;
          run_end = ft->token.end;
          continue;
        }
      if (run_start >= 0)
        diptych_link_add_uncovered (link, side, DIPTYCH_SPAN_INIT ((guint) run_start, (guint) run_end));
      run_start = -1;
    }
}

typedef struct
{
  char  *term;
  float  weight;
} Term;

static int
compare_term_desc (gconstpointer x,
                   gconstpointer y)
{
  const Term *a = x, *b = y;
  if (a->weight != b->weight)
    return a->weight < b->weight ? 1 : -1;
  return strcmp (a->term, b->term);
}

#define MAX_SHARED_TERMS 8

/* A word as written, in lower case unless it is an acronym: "Kyiv's" -> "kyiv's". */
static char *
surface_of (const Side             *side,
            const DiptychFeatToken *ft)
{
  const char *p = side->text + ft->token.byte_start;
  gssize len = ft->token.byte_end - ft->token.byte_start;

  if (ft->token.flags & DIPTYCH_TOKEN_ACRONYM)
    return g_strndup (p, len);
  return g_utf8_strdown (p, len);
}

/* The reason for a link: the words the passages share, weightiest
 * first; "truce/ceasefire" when matched through another word. */
static void
set_shared_terms (DiptychLink *link,
                  const Side  *sa,
                  guint        a0,
                  guint        a1,
                  const float *best_a,
                  const guint *partner_a,
                  const Side  *sb)
{
  g_autoptr(GArray) terms = g_array_new (FALSE, FALSE, sizeof (Term));
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) strv = g_ptr_array_new_with_free_func (g_free);

  for (guint i = a0; i < a1; i++)
    {
      const DiptychFeatToken *ta = tok (sa, i);
      const DiptychFeatToken *tb;
      g_autofree char *surface_a = NULL;
      float best = best_a[i - a0];
      Term term;

      if (best == 0 || partner_a[i - a0] == G_MAXUINT)
        continue;
      tb = tok (sb, partner_a[i - a0]);
      surface_a = surface_of (sa, ta);
      if (best == DIPTYCH_LEVEL_STEM || strcmp (ta->token.norm, tb->token.norm) == 0)
        term.term = g_steal_pointer (&surface_a);
      else
        {
          g_autofree char *surface_b = surface_of (sb, tb);
          term.term = g_strdup_printf ("%s/%s", surface_a, surface_b);
        }
      if (g_hash_table_contains (seen, term.term))
        {
          g_free (term.term);
          continue;
        }
      term.weight = ta->weight * best;
      g_hash_table_add (seen, term.term);
      g_array_append_val (terms, term);
    }

  g_array_sort (terms, compare_term_desc);
  for (guint i = 0; i < terms->len; i++)
    {
      Term *t = &g_array_index (terms, Term, i);
      if (strv->len < MAX_SHARED_TERMS)
        g_ptr_array_add (strv, g_steal_pointer (&t->term));
      else
        g_free (t->term);
    }
  g_ptr_array_add (strv, NULL);
  diptych_link_set_shared_terms (link, (const char * const *) strv->pdata);
}

static DiptychSpan
segments_span (const Side *side,
               guint       s0,
               guint       s1)
{
  return DIPTYCH_SPAN_INIT (g_array_index (side->segments, DiptychSegment, s0).span.start,
                            g_array_index (side->segments, DiptychSegment, s1).span.end);
}

/* A passage of a link is only partly covered when less than
 * PARTIAL_COVERAGE of its word weight is matched, or when a stretch of
 * unmatched content words tells something the other side does not: at
 * least PARTIAL_RUN_WORDS words, or PARTIAL_RUN_SHORT words carrying
 * PARTIAL_RUN_SHARE of the passage's weight (a clause, not a few
 * common words said otherwise). Words reworded one by one, scattered
 * through a passage that is otherwise told, leave the link reworded. */
#define PARTIAL_COVERAGE  0.25f
#define PARTIAL_RUN_WORDS 4
#define PARTIAL_RUN_SHORT 3
#define PARTIAL_RUN_SHARE 0.33f

/* The share of the weight of a passage's words matched on the other
 * side, without the cap of long passages. */
static float
plain_coverage (const Side  *side,
                guint        t0,
                guint        t1,
                const float *best)
{
  float mass = 0, got = 0;

  for (guint t = t0; t < t1; t++)
    {
      mass += tok (side, t)->weight;
      got += tok (side, t)->weight * best[t - t0];
    }
  return mass > 0 ? got / mass : 1.0f;
}

/* Whether a run of unmatched content words (stopwords neither start
 * nor break a run, as in add_uncovered) is long or heavy enough to
 * make the passage partly covered. */
static gboolean
has_uncovered_clause (const Side  *side,
                      guint        t0,
                      guint        t1,
                      const float *best)
{
  float mass = 0, run_mass = 0;
  guint run = 0;

  for (guint t = t0; t < t1; t++)
    mass += tok (side, t)->weight;
  for (guint t = t0; t < t1; t++)
    {
      float w = tok (side, t)->weight;

      if (w == 0)
        continue;
      if (best[t - t0] > 0)
        {
          run = 0;
          run_mass = 0;
          continue;
        }
      run++;
      run_mass += w;
      if (run >= PARTIAL_RUN_WORDS
          || (run >= PARTIAL_RUN_SHORT && run_mass >= PARTIAL_RUN_SHARE * mass))
        return TRUE;
    }
  return FALSE;
}

static gboolean
partly_covered (const Side  *side,
                guint        t0,
                guint        t1,
                const float *best)
{
  return plain_coverage (side, t0, t1, best) < PARTIAL_COVERAGE
         || has_uncovered_clause (side, t0, t1, best);
}

static DiptychLink *
make_link (Run   *run,
           guint  a0,
           guint  a1,
           guint  b0,
           guint  b1)
{
  const Side *sa = &run->side[DIPTYCH_SIDE_A], *sb = &run->side[DIPTYCH_SIDE_B];
  guint ta0 = sa->segs[a0].tok_start, ta1 = sa->segs[a1].tok_end;
  guint tb0 = sb->segs[b0].tok_start, tb1 = sb->segs[b1].tok_end;
  g_autofree float *best_a = g_new0 (float, ta1 - ta0 + 1);
  g_autofree float *best_b = g_new0 (float, tb1 - tb0 + 1);
  g_autofree guint *partner_a = g_new0 (guint, ta1 - ta0 + 1);
  g_autoptr(GArray) ops = NULL;
  DiptychLinkKind kind;
  DiptychLink *link;
  float cov_a, cov_b, score;

  score = score_ranges (run, sa, ta0, ta1, sb, tb0, tb1, &cov_a, &cov_b,
                        best_a, partner_a, best_b);

  if (tokens_identical (sa, ta0, ta1, sb, tb0, tb1))
    {
      kind = DIPTYCH_LINK_IDENTICAL;
      score = 1.0f;
    }
  else if (partly_covered (sa, ta0, ta1, best_a) || partly_covered (sb, tb0, tb1, best_b))
    kind = DIPTYCH_LINK_PARTIAL;
  else
    kind = DIPTYCH_LINK_REWORDED;

  link = diptych_link_new (segments_span (sa, a0, a1), segments_span (sb, b0, b1), kind,
                           CLAMP (score, 0.0, 1.0), DIPTYCH_STATE_AUTO);
  if (kind == DIPTYCH_LINK_PARTIAL)
    {
      add_uncovered (link, DIPTYCH_SIDE_A, sa, ta0, ta1, best_a);
      add_uncovered (link, DIPTYCH_SIDE_B, sb, tb0, tb1, best_b);
    }
  set_shared_terms (link, sa, ta0, ta1, best_a, partner_a, sb);

  ops = diptych_word_diff_tokens (run->features, tok (sa, ta0), ta1 - ta0, tok (sb, tb0), tb1 - tb0);
  diptych_link_set_word_ops (link, (const DiptychWordOp *) (gpointer) ops->data, ops->len);
  return link;
}

/* Stage 5b: turn accepted pairs into links. Passages linked together
 * form groups; a group whose passages are adjacent on both sides is one
 * link (1:2, 2:1, 2:2); other groups stay separate pairs (one-to-many
 * across the text). */
static gboolean
build_links (Run               *run,
             GArray            *edge_list,
             DiptychAlignment  *alignment,
             GError           **error)
{
  Side *sa = &run->side[DIPTYCH_SIDE_A], *sb = &run->side[DIPTYCH_SIDE_B];
  guint n = sa->n_segs + sb->n_segs;
  g_autofree guint *parent = g_new (guint, n + 1);
  g_autoptr(GHashTable) groups = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(GHashTable) group_sizes = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < n; i++)
    parent[i] = i;
  for (guint i = 0; i < edge_list->len; i++)
    {
      Edge *e = &g_array_index (edge_list, Edge, i);
      guint ra = find_root (parent, e->a), rb = find_root (parent, sa->n_segs + e->b);
      if (ra != rb)
        parent[ra] = rb;
    }

  for (guint i = 0; i < edge_list->len; i++)
    {
      Edge *e = &g_array_index (edge_list, Edge, i);
      guint root = find_root (parent, e->a);
      Group *g = g_hash_table_lookup (groups, GUINT_TO_POINTER (root + 1));

      if (g == NULL)
        {
          g = g_new0 (Group, 1);
          g->a0 = g->a1 = e->a;
          g->b0 = g->b1 = e->b;
          g->root = root;
          g_hash_table_insert (groups, GUINT_TO_POINTER (root + 1), g);
        }
      g->a0 = MIN (g->a0, e->a);
      g->a1 = MAX (g->a1, e->a);
      g->b0 = MIN (g->b0, e->b);
      g->b1 = MAX (g->b1, e->b);
    }

  /* Contiguous when every passage in the ranges belongs to the group
   * and the group is small. */
  {
    GHashTableIter iter;
    Group *g;

    g_hash_table_iter_init (&iter, groups);
    while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &g))
      {
        g->contiguous = g->a1 - g->a0 < 4 && g->b1 - g->b0 < 4;
        for (guint a = g->a0; g->contiguous && a <= g->a1; a++)
          if (find_root (parent, a) != g->root)
            g->contiguous = FALSE;
        for (guint b = g->b0; g->contiguous && b <= g->b1; b++)
          if (find_root (parent, sa->n_segs + b) != g->root)
            g->contiguous = FALSE;
      }
  }

  for (guint i = 0; i < edge_list->len; i++)
    {
      Edge *e = &g_array_index (edge_list, Edge, i);
      guint root = find_root (parent, e->a);
      Group *g = g_hash_table_lookup (groups, GUINT_TO_POINTER (root + 1));
      DiptychLink *link;

      if (g->contiguous)
        {
          if (g_hash_table_contains (group_sizes, g))
            continue;
          g_hash_table_add (group_sizes, g);
          link = make_link (run, g->a0, g->a1, g->b0, g->b1);
        }
      else
        link = make_link (run, e->a, e->a, e->b, e->b);
      diptych_alignment_add_link (alignment, link);
      g_object_unref (link);

      if (i % CANCEL_CHECK_EVERY == 0)
        {
          if (check_cancelled (run, error))
            return FALSE;
          report (run, 0.85 + 0.14 * i / MAX (1, edge_list->len));
        }
    }
  return TRUE;
}

static void
add_omissions (Run              *run,
               DiptychAlignment *alignment)
{
  for (guint k = 0; k < DIPTYCH_N_SIDES; k++)
    {
      Side *side = &run->side[k];

      for (guint s = 0; s < side->n_segs; s++)
        {
          g_autoptr(DiptychOmission) omission = NULL;

          /* Passages without a word (a lone "—" or "1.") omit nothing. */
          if (side->linked[s] != 0 || side->segs[s].tok_end == side->segs[s].tok_start)
            continue;
          omission = diptych_omission_new (k, g_array_index (side->segments, DiptychSegment, s).span,
                                           DIPTYCH_STATE_AUTO);
          diptych_alignment_add_omission (alignment, omission);
        }
    }
}

static void
warn_missing_wordnet (DiptychLexicon   *lexicon,
                      DiptychAlignment *alignment)
{
  static gsize told = 0;
  g_autofree char *warning = NULL;

  if (diptych_lexicon_has_wordnet (lexicon))
    return;

  warning = g_strdup_printf (_("WordNet data was not found in “%s”: synonyms are not "
                               "recognised, only same stems and known aliases. "
                               "Install the WordNet database to link reworded passages better."),
                             diptych_lexicon_get_wordnet_dir (lexicon));
  diptych_alignment_add_warning (alignment, warning);
  if (g_once_init_enter (&told))
    {
      g_message ("%s", warning);
      g_once_init_leave (&told, 1);
    }
}

static void
set_thresholds (Run *run)
{
  /* Sensitivity 0 is strict (thresholds x1.5), 1 lenient (x0.5). */
  float factor = 1.5f - (float) CLAMP (run->settings->sensitivity, 0.0, 1.0);

  run->t_link = 0.29f * factor;
  run->t_support = 0.175f * factor;
  run->t_cover = 0.54f * factor;
}

#define STAGE(name) \
  G_STMT_START { \
    if (timing) \
      g_printerr ("%-14s %.3f s\n", name, g_timer_elapsed (timer, NULL)); \
  } G_STMT_END

DiptychAlignment *
diptych_align (DiptychDocument             *a,
               DiptychDocument             *b,
               const DiptychAlignSettings  *settings,
               DiptychProgressFunc          progress,
               gpointer                     progress_data,
               GCancellable                *cancellable,
               GError                     **error)
{
  DiptychAlignSettings defaults = DIPTYCH_ALIGN_SETTINGS_DEFAULT;
  g_autoptr(DiptychAlignment) alignment = NULL;
  g_autoptr(GArray) edge_list = g_array_new (FALSE, FALSE, sizeof (Edge));
  g_autofree guint *a_cands = NULL;
  g_autoptr(GTimer) timer = NULL;
  gboolean timing = g_getenv ("DIPTYCH_DEBUG_TIMING") != NULL;
  Run run = { 0 };
  gboolean ok = FALSE;

  g_return_val_if_fail (DIPTYCH_IS_DOCUMENT (a), NULL);
  g_return_val_if_fail (DIPTYCH_IS_DOCUMENT (b), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (settings == NULL)
    settings = &defaults;
  if (settings->granularity > DIPTYCH_GRANULARITY_PARAGRAPH || isnan (settings->sensitivity))
    {
      g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_INVALID,
                   _("The alignment settings are invalid: choose a granularity of sentence, "
                     "clause or paragraph and a sensitivity between 0 and 1."));
      return NULL;
    }

  run.settings = settings;
  run.progress = progress;
  run.progress_data = progress_data;
  run.last_progress = -1;
  run.cancellable = cancellable;
  run.lexicon = diptych_lexicon_get_default ();
  run.features = diptych_features_new (run.lexicon);
  run.side[DIPTYCH_SIDE_A].doc = a;
  run.side[DIPTYCH_SIDE_B].doc = b;
  run.pairs = g_array_new (FALSE, FALSE, sizeof (Pair));
  set_thresholds (&run);

  alignment = diptych_alignment_new (settings);
  report (&run, 0.0);

  timer = g_timer_new ();
  if (!prepare_side (&run, &run.side[DIPTYCH_SIDE_A], 0.0, 0.2, error)
      || !prepare_side (&run, &run.side[DIPTYCH_SIDE_B], 0.2, 0.4, error))
    goto out;

  for (guint k = 0; k < DIPTYCH_N_SIDES; k++)
    for (guint s = 0; s < run.side[k].n_segs; s++)
      diptych_alignment_add_segment (alignment, k,
                                     g_array_index (run.side[k].segments, DiptychSegment, s).span);

  STAGE ("prepare");
  compute_weights (&run);
  build_index (&run, &run.side[DIPTYCH_SIDE_A]);
  build_index (&run, &run.side[DIPTYCH_SIDE_B]);

  STAGE ("weights+index");
  a_cands = g_new (guint, (gsize) run.side[DIPTYCH_SIDE_A].n_segs * CANDIDATES_PER_SEGMENT + 1);
  memset (a_cands, 0xff, sizeof (guint) * ((gsize) run.side[DIPTYCH_SIDE_A].n_segs * CANDIDATES_PER_SEGMENT + 1));
  if (!find_candidates (&run, DIPTYCH_SIDE_A, a_cands, 0.45, 0.65, error)
      || !find_candidates (&run, DIPTYCH_SIDE_B, a_cands, 0.65, 0.8, error))
    goto out;

  STAGE ("candidates");
  select_links (&run, edge_list);
  STAGE ("select");
  if (!build_links (&run, edge_list, alignment, error))
    goto out;
  STAGE ("links");
  add_omissions (&run, alignment);
  warn_missing_wordnet (run.lexicon, alignment);
  diptych_alignment_sort (alignment);
  report (&run, 1.0);
  ok = TRUE;

out:
  run_clear (&run);
  return ok ? g_steal_pointer (&alignment) : NULL;
}

/* Asynchronous alignment: the work runs in a thread; progress is
 * forwarded to the caller's main context. */
typedef struct
{
  DiptychDocument      *a;
  DiptychDocument      *b;
  DiptychAlignSettings  settings;
  DiptychProgressRelay *progress;   /* or NULL */
} AlignData;

static void
align_data_free (AlignData *data)
{
  g_clear_object (&data->a);
  g_clear_object (&data->b);
  g_clear_pointer (&data->progress, diptych_progress_relay_free);
  g_free (data);
}

static void
align_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  AlignData *data = task_data;
  GError *error = NULL;
  DiptychAlignment *alignment;

  alignment = diptych_align (data->a, data->b, &data->settings,
                             data->progress != NULL ? diptych_progress_relay_report : NULL,
                             data->progress,
                             cancellable, &error);
  if (alignment == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, alignment, g_object_unref);
}

void
diptych_align_async (DiptychDocument            *a,
                     DiptychDocument            *b,
                     const DiptychAlignSettings *settings,
                     DiptychProgressFunc         progress,
                     gpointer                    progress_data,
                     GCancellable               *cancellable,
                     GAsyncReadyCallback         callback,
                     gpointer                    user_data)
{
  g_autoptr(GTask) task = NULL;
  AlignData *data;

  g_return_if_fail (DIPTYCH_IS_DOCUMENT (a));
  g_return_if_fail (DIPTYCH_IS_DOCUMENT (b));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (AlignData, 1);
  data->a = g_object_ref (a);
  data->b = g_object_ref (b);
  data->settings = settings != NULL ? *settings : DIPTYCH_ALIGN_SETTINGS_DEFAULT;

  task = g_task_new (NULL, cancellable, callback, user_data);
  if (progress != NULL)
    data->progress = diptych_progress_relay_new (task, progress, progress_data);
  g_task_set_source_tag (task, diptych_align_async);
  g_task_set_name (task, "[diptych] align");
  g_task_set_task_data (task, data, (GDestroyNotify) align_data_free);
  /* A cancelled alignment returns at once, without waiting for the
   * thread to notice. */
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, align_thread);
}

DiptychAlignment *
diptych_align_finish (GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == diptych_align_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

GArray *
diptych_word_diff (DiptychDocument *a,
                   DiptychSpan      span_a,
                   DiptychDocument *b,
                   DiptychSpan      span_b)
{
  g_autoptr(DiptychFeatures) features = NULL;
  g_autoptr(GArray) tokens_a = g_array_new (FALSE, FALSE, sizeof (DiptychFeatToken));
  g_autoptr(GArray) tokens_b = g_array_new (FALSE, FALSE, sizeof (DiptychFeatToken));
  DiptychDocument *docs[2] = { a, b };
  DiptychSpan spans[2] = { span_a, span_b };
  GArray *tokens[2] = { tokens_a, tokens_b };

  g_return_val_if_fail (DIPTYCH_IS_DOCUMENT (a), NULL);
  g_return_val_if_fail (DIPTYCH_IS_DOCUMENT (b), NULL);

  features = diptych_features_new (diptych_lexicon_get_default ());
  for (guint k = 0; k < DIPTYCH_N_SIDES; k++)
    {
      /* Offsets past the end are clamped; a reversed span is empty. */
      guint length = diptych_document_get_length (docs[k]);
      guint start = MIN (spans[k].start, length);
      guint end = CLAMP (spans[k].end, start, length);
      gsize byte_start = diptych_document_char_to_byte (docs[k], start);
      gsize byte_end = diptych_document_char_to_byte (docs[k], end);

      diptych_features_add_text (features, diptych_document_get_text (docs[k]),
                                 byte_start, byte_end, start, tokens[k]);
      if (tokens[k]->len > 0)
        g_array_index (tokens[k], DiptychFeatToken, 0).token.flags |= DIPTYCH_TOKEN_SENTENCE_START;
    }

  return diptych_word_diff_tokens (features,
                                   (const DiptychFeatToken *) (gpointer) tokens_a->data, tokens_a->len,
                                   (const DiptychFeatToken *) (gpointer) tokens_b->data, tokens_b->len);
}
