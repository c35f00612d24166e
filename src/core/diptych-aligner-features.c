/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "diptych-aligner"

#include "config.h"

#include <math.h>
#include <string.h>

#include "diptych-aligner-features.h"

/* The features of one word, cached by its interned norm. */
typedef struct
{
  guint start;   /* into word_pool */
  guint n;
  float prior;
} WordFeatures;

/* How much a word's commonness in general English lowers its weight. */
#define PRIOR_STRENGTH 0.5f

struct _DiptychFeatures
{
  DiptychLexicon    *lexicon;
  DiptychNormalizer *normalizer;
  guint              n_ids;
  GHashTable        *stem_ids;     /* interned stem -> id + 1 */
  GHashTable        *alias_ids;    /* canonical (lexicon-owned) -> id + 1 */
  GHashTable        *concept_ids;  /* DiptychConcept -> id + 1 */
  GHashTable        *words;        /* interned norm -> WordFeatures*, plain words */
  GHashTable        *acronyms;     /* the same for words written in capitals */
  GArray            *word_pool;    /* DiptychFeature */
  GArray            *pool;         /* DiptychFeature of the tokens made */
  GArray            *concepts;     /* scratch */
  GArray            *scratch;      /* scratch DiptychFeature */
  GString           *phrase;
};

DiptychFeatures *
diptych_features_new (DiptychLexicon *lexicon)
{
  DiptychFeatures *self = g_new0 (DiptychFeatures, 1);

  self->lexicon = lexicon;
  self->normalizer = diptych_normalizer_new ();
  self->stem_ids = g_hash_table_new (NULL, NULL);
  self->alias_ids = g_hash_table_new (NULL, NULL);
  self->concept_ids = g_hash_table_new (NULL, NULL);
  self->words = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->acronyms = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  /* Reserved, so that their data is never NULL: &g_array_index (pool, ...,
   * 0) for a word without features would be undefined behaviour. */
  self->word_pool = g_array_sized_new (FALSE, FALSE, sizeof (DiptychFeature), 256);
  self->pool = g_array_sized_new (FALSE, FALSE, sizeof (DiptychFeature), 256);
  self->concepts = g_array_new (FALSE, FALSE, sizeof (DiptychConcept));
  self->scratch = g_array_new (FALSE, FALSE, sizeof (DiptychFeature));
  self->phrase = g_string_new (NULL);
  return self;
}

void
diptych_features_free (DiptychFeatures *self)
{
  if (self == NULL)
    return;
  diptych_normalizer_free (self->normalizer);
  g_hash_table_unref (self->stem_ids);
  g_hash_table_unref (self->alias_ids);
  g_hash_table_unref (self->concept_ids);
  g_hash_table_unref (self->words);
  g_hash_table_unref (self->acronyms);
  g_array_unref (self->word_pool);
  g_array_unref (self->pool);
  g_array_unref (self->concepts);
  g_array_unref (self->scratch);
  g_string_free (self->phrase, TRUE);
  g_free (self);
}

static guint32
id_for (DiptychFeatures *self,
        GHashTable      *table,
        gconstpointer    key)
{
  guint id = GPOINTER_TO_UINT (g_hash_table_lookup (table, key));

  if (id == 0)
    {
      id = ++self->n_ids;
      g_hash_table_insert (table, (gpointer) key, GUINT_TO_POINTER (id));
    }
  return id - 1;
}

/* Adds a feature to a small list, keeping the best level per id. */
static void
add_feature (GArray  *list,
             guint    start,
             guint32  id,
             float    level)
{
  DiptychFeature f = { id, level };

  for (guint i = start; i < list->len; i++)
    {
      DiptychFeature *g = &g_array_index (list, DiptychFeature, i);
      if (g->id == id)
        {
          g->level = MAX (g->level, level);
          return;
        }
    }
  g_array_append_val (list, f);
}

static int
compare_features (gconstpointer a,
                  gconstpointer b)
{
  guint32 x = ((const DiptychFeature *) a)->id;
  guint32 y = ((const DiptychFeature *) b)->id;

  return x < y ? -1 : x > y;
}

static const char *
single_alias (DiptychFeatures    *self,
              const DiptychToken *token)
{
  gboolean acronym = (token->flags & DIPTYCH_TOKEN_ACRONYM) != 0;
  const char *canonical = diptych_lexicon_lookup_alias (self->lexicon, token->norm, acronym);
  gsize len;

  if (canonical != NULL)
    return canonical;

  /* Plurals: "truces", "strikes". */
  len = strlen (token->norm);
  if (len > 3 && token->norm[len - 1] == 's')
    {
      g_autofree char *singular = g_strndup (token->norm, len - 1);
      return diptych_lexicon_lookup_alias (self->lexicon, singular, FALSE);
    }
  return NULL;
}

static const WordFeatures *
word_features (DiptychFeatures    *self,
               const DiptychToken *token)
{
  gboolean acronym = (token->flags & DIPTYCH_TOKEN_ACRONYM) != 0;
  GHashTable *table = acronym ? self->acronyms : self->words;
  WordFeatures *wf = g_hash_table_lookup (table, token->norm);
  const char *alias;
  guint frequency = 0;
  guint start;

  if (wf != NULL)
    return wf;

  wf = g_new0 (WordFeatures, 1);
  start = self->word_pool->len;
  alias = single_alias (self, token);

  if ((token->flags & DIPTYCH_TOKEN_STOPWORD) == 0 || alias != NULL)
    {
      add_feature (self->word_pool, start, id_for (self, self->stem_ids, token->stem),
                   DIPTYCH_LEVEL_STEM);
      for (guint i = 0; i < DIPTYCH_TOKEN_MAX_PARTS && token->parts[i] != NULL; i++)
        add_feature (self->word_pool, start, id_for (self, self->stem_ids, token->parts[i]),
                     DIPTYCH_LEVEL_PART);
      if (alias != NULL)
        add_feature (self->word_pool, start, id_for (self, self->alias_ids, alias),
                     DIPTYCH_LEVEL_ALIAS);

      frequency = diptych_lexicon_get_frequency (self->lexicon, token->norm);
      if (!acronym && (token->flags & (DIPTYCH_TOKEN_NUMBER | DIPTYCH_TOKEN_IDEOGRAPH)) == 0
          && strlen (token->norm) >= 3)
        {
          g_array_set_size (self->concepts, 0);
          diptych_lexicon_get_concepts (self->lexicon, token->norm, self->concepts);
          for (guint i = 0; i < self->concepts->len; i++)
            {
              DiptychConcept c = g_array_index (self->concepts, DiptychConcept, i);
              gboolean loose = (c & 0x80000000u) == 0 && (c & DIPTYCH_CONCEPT_LOOSE) != 0;

              c &= loose ? ~DIPTYCH_CONCEPT_LOOSE : ~0u;
              /* Concepts are offset by one so that 0 is never a key. */
              add_feature (self->word_pool, start,
                           id_for (self, self->concept_ids, GUINT_TO_POINTER (c + 1)),
                           loose ? DIPTYCH_LEVEL_LOOSE : DIPTYCH_LEVEL_CONCEPT);
            }
        }
    }

  wf->start = start;
  wf->n = self->word_pool->len - start;
  wf->prior = 1.0f;
  if (wf->n > 0 && (token->flags & (DIPTYCH_TOKEN_NUMBER | DIPTYCH_TOKEN_IDEOGRAPH)) == 0)
    wf->prior = 1.0f / (1.0f + PRIOR_STRENGTH * logf (1.0f + frequency));
  g_hash_table_insert (table, (gpointer) token->norm, wf);
  return wf;
}

void
diptych_features_add_text (DiptychFeatures *self,
                           const char      *text,
                           gsize            byte_start,
                           gsize            byte_end,
                           guint            char_start,
                           GArray          *tokens)
{
  g_autoptr(GArray) words = g_array_new (FALSE, FALSE, sizeof (DiptychToken));
  g_autoptr(GArray) extra = g_array_new (FALSE, FALSE, sizeof (DiptychFeature));
  g_autofree guint *extra_of = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (tokens != NULL);

  diptych_normalizer_tokenize (self->normalizer, text, byte_start, byte_end, char_start, words);
  if (words->len == 0)
    return;

  /* Multi-word aliases ("Middle East", "United States of America"):
   * every word of the phrase gets the alias. extra_of[i] is the alias
   * feature id + 1 of word i, if any. */
  extra_of = g_new0 (guint, words->len);
  for (guint i = 0; i < words->len; i++)
    {
      for (guint n = MIN (DIPTYCH_LEXICON_MAX_ALIAS_WORDS, words->len - i); n >= 2; n--)
        {
          const char *canonical;

          g_string_truncate (self->phrase, 0);
          for (guint k = 0; k < n; k++)
            {
              if (k > 0)
                g_string_append_c (self->phrase, ' ');
              g_string_append (self->phrase, g_array_index (words, DiptychToken, i + k).norm);
            }
          canonical = diptych_lexicon_lookup_alias (self->lexicon, self->phrase->str, FALSE);
          if (canonical != NULL)
            {
              guint id = id_for (self, self->alias_ids, canonical);
              for (guint k = 0; k < n; k++)
                extra_of[i + k] = id + 1;
              i += n - 1;
              break;
            }
        }
    }

  for (guint i = 0; i < words->len; i++)
    {
      DiptychFeatToken ft = { 0 };
      const WordFeatures *wf;

      ft.token = g_array_index (words, DiptychToken, i);
      wf = word_features (self, &ft.token);
      ft.feat_start = self->pool->len;
      ft.prior = wf->prior;
      g_array_append_vals (self->pool, &g_array_index (self->word_pool, DiptychFeature, wf->start), wf->n);
      if (extra_of[i] != 0)
        {
          add_feature (self->pool, ft.feat_start, extra_of[i] - 1, DIPTYCH_LEVEL_ALIAS);
          ft.token.flags &= ~DIPTYCH_TOKEN_STOPWORD;
        }
      ft.n_feats = self->pool->len - ft.feat_start;
      if (ft.n_feats > 1)
        qsort (&g_array_index (self->pool, DiptychFeature, ft.feat_start), ft.n_feats,
               sizeof (DiptychFeature), compare_features);
      g_array_append_val (tokens, ft);
    }
}

guint
diptych_features_get_n_ids (DiptychFeatures *self)
{
  return self->n_ids;
}

const DiptychFeature *
diptych_features_get (DiptychFeatures        *self,
                      const DiptychFeatToken *token)
{
  return &g_array_index (self->pool, DiptychFeature, token->feat_start);
}

float
diptych_features_match (DiptychFeatures        *self,
                        const DiptychFeatToken *a,
                        const DiptychFeatToken *b)
{
  const DiptychFeature *fa, *fb;
  guint i = 0, j = 0;
  float best = 0;

  if (a->n_feats == 0 || b->n_feats == 0)
    return 0;
  if (a->token.stem == b->token.stem)
    return DIPTYCH_LEVEL_STEM;

  fa = diptych_features_get (self, a);
  fb = diptych_features_get (self, b);
  while (i < a->n_feats && j < b->n_feats)
    {
      if (fa[i].id < fb[j].id)
        i++;
      else if (fa[i].id > fb[j].id)
        j++;
      else
        {
          best = MAX (best, MIN (fa[i].level, fb[j].level));
          i++;
          j++;
        }
    }
  return best;
}
