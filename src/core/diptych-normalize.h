/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  DIPTYCH_TOKEN_STOPWORD    = 1 << 0,
  DIPTYCH_TOKEN_NUMBER      = 1 << 1,  /* digits or number words: norm is the value */
  DIPTYCH_TOKEN_CAPITALIZED = 1 << 2,  /* surface starts with an upper-case letter */
  DIPTYCH_TOKEN_ACRONYM     = 1 << 3,  /* surface is all upper case, 2+ letters */
  DIPTYCH_TOKEN_MONTH       = 1 << 4,
  DIPTYCH_TOKEN_IDEOGRAPH   = 1 << 5,  /* one CJK character */
  DIPTYCH_TOKEN_SENTENCE_START = 1 << 6, /* set by callers that know */
  DIPTYCH_TOKEN_DIGITS      = 1 << 7,  /* written with digits: "175", "1,000", "19th" */
} DiptychTokenFlags;

#define DIPTYCH_TOKEN_MAX_PARTS 3

/* A word of a text. Strings are owned by the normalizer that made the
 * token and live as long as it does. */
typedef struct
{
  guint        start;       /* code points */
  guint        end;
  gsize        byte_start;
  gsize        byte_end;
  const char  *norm;        /* NFKC, case folded, hyphens and apostrophes removed */
  const char  *stem;        /* Snowball stem of norm (norm itself for numbers, CJK) */
  const char  *parts[DIPTYCH_TOKEN_MAX_PARTS]; /* stems of the parts of "non-proliferation" */
  guint        flags;
} DiptychToken;

typedef struct _DiptychNormalizer DiptychNormalizer;

/* Not thread-safe (the Snowball stemmer is not): one per thread or run. */
DiptychNormalizer *diptych_normalizer_new      (void);
void               diptych_normalizer_free     (DiptychNormalizer *self);
/* Appends the tokens of text[byte_start, byte_end) to tokens (an array
 * of DiptychToken); char_start is the code point offset of byte_start. */
void               diptych_normalizer_tokenize (DiptychNormalizer *self,
                                                const char        *text,
                                                gsize              byte_start,
                                                gsize              byte_end,
                                                guint              char_start,
                                                GArray            *tokens);
/* The normalized form of one word, as the tokenizer would make it. */
const char        *diptych_normalizer_normalize_word (DiptychNormalizer *self,
                                                      const char        *word);
gboolean           diptych_normalize_is_stopword (const char *norm);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DiptychNormalizer, diptych_normalizer_free)

G_END_DECLS
