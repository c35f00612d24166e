/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "diptych-normalize"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <libstemmer.h>

#include "diptych-normalize.h"

/* What a surface form normalizes to; cached per surface, since the
 * same words come back all the time. */
typedef struct
{
  const char *norm;
  const char *stem;
  const char *parts[DIPTYCH_TOKEN_MAX_PARTS];
  guint       flags;
} WordInfo;

struct _DiptychNormalizer
{
  struct sb_stemmer *stemmer;
  GStringChunk      *strings;
  GHashTable        *words;   /* surface (interned) -> WordInfo */
  GHashTable        *stems;   /* norm (interned) -> stem (interned) */
  GString           *scratch;
};

static const char * const stopwords[] = {
  "a", "about", "above", "after", "again", "against", "all", "also", "am",
  "an", "and", "any", "are", "as", "at", "be", "because", "been", "before",
  "being", "below", "between", "both", "but", "by", "can", "could", "did",
  "do", "does", "doing", "down", "during", "each", "either", "few", "for",
  "from", "further", "had", "has", "have", "having", "he", "her", "here",
  "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into",
  "is", "it", "its", "itself", "just", "may", "me", "might", "more", "most",
  "must", "my", "myself", "no", "nor", "not", "now", "of", "off", "on",
  "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over",
  "own", "same", "shall", "she", "should", "so", "some", "such", "than",
  "that", "the", "their", "theirs", "them", "themselves", "then", "there",
  "these", "they", "this", "those", "through", "to", "too", "under", "until",
  "up", "upon", "us", "very", "was", "we", "were", "what", "when", "where",
  "which", "while", "who", "whom", "whose", "why", "will", "with", "would",
  "you", "your", "yours", "yourself", "yourselves", "s", "t", "let", "via",
  "yet", "whether", "within", "without", "toward", "towards", "among",
  "amongst", "thus", "hence", "however", "therefore", "moreover", "well",
  "many", "much", "one's", "ever", "never", "already", "still", "even",
  "since", "although", "though", "unless", "whereas", "despite", "onto",
  "throughout",
};

static const struct
{
  const char *word;
  guint       value;
} number_words[] = {
  { "zero", 0 }, { "one", 1 }, { "two", 2 }, { "three", 3 }, { "four", 4 },
  { "five", 5 }, { "six", 6 }, { "seven", 7 }, { "eight", 8 }, { "nine", 9 },
  { "ten", 10 }, { "eleven", 11 }, { "twelve", 12 }, { "thirteen", 13 },
  { "fourteen", 14 }, { "fifteen", 15 }, { "sixteen", 16 },
  { "seventeen", 17 }, { "eighteen", 18 }, { "nineteen", 19 },
  { "twenty", 20 }, { "thirty", 30 }, { "forty", 40 }, { "fifty", 50 },
  { "sixty", 60 }, { "seventy", 70 }, { "eighty", 80 }, { "ninety", 90 },
  { "hundred", 100 }, { "thousand", 1000 }, { "million", 1000000 },
  { "dozen", 12 },
};

static const char * const months[] = {
  "january", "february", "march", "april", "may", "june", "july", "august",
  "september", "october", "november", "december", "jan", "feb", "mar",
  "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
};

static gpointer
init_stopwords (gpointer data)
{
  GHashTable *set = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < G_N_ELEMENTS (stopwords); i++)
    g_hash_table_add (set, (gpointer) stopwords[i]);
  return set;
}

gboolean
diptych_normalize_is_stopword (const char *norm)
{
  static GOnce once = G_ONCE_INIT;
  GHashTable *set = g_once (&once, init_stopwords, NULL);

  return g_hash_table_contains (set, norm);
}

DiptychNormalizer *
diptych_normalizer_new (void)
{
  DiptychNormalizer *self = g_new0 (DiptychNormalizer, 1);

  self->stemmer = sb_stemmer_new ("english", NULL);
  self->strings = g_string_chunk_new (64 * 1024);
  self->words = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  self->stems = g_hash_table_new (g_str_hash, g_str_equal);
  self->scratch = g_string_new (NULL);
  return self;
}

void
diptych_normalizer_free (DiptychNormalizer *self)
{
  if (self == NULL)
    return;
  if (self->stemmer != NULL)
    sb_stemmer_delete (self->stemmer);
  g_string_chunk_free (self->strings);
  g_hash_table_unref (self->words);
  g_hash_table_unref (self->stems);
  g_string_free (self->scratch, TRUE);
  g_free (self);
}

static gboolean
is_ideograph (gunichar c)
{
  GUnicodeScript script = g_unichar_get_script (c);

  return script == G_UNICODE_SCRIPT_HAN || script == G_UNICODE_SCRIPT_HIRAGANA
         || script == G_UNICODE_SCRIPT_KATAKANA;
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

static gboolean
is_hyphen (gunichar c)
{
  return c == '-' || c == 0x2010 || c == 0x2011;
}

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019 || c == 0x02BC;
}

static gboolean
number_word_value (const char *word,
                   guint      *value)
{
  for (guint i = 0; i < G_N_ELEMENTS (number_words); i++)
    if (strcmp (word, number_words[i].word) == 0)
      {
        *value = number_words[i].value;
        return TRUE;
      }
  return FALSE;
}

static gboolean
is_month (const char *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    if (strcmp (word, months[i]) == 0)
      return TRUE;
  return FALSE;
}

static const char *
intern (DiptychNormalizer *self,
        const char        *str)
{
  return g_string_chunk_insert_const (self->strings, str);
}

static const char *
stem_of (DiptychNormalizer *self,
         const char        *norm)
{
  const char *stem = g_hash_table_lookup (self->stems, norm);
  const sb_symbol *out;

  if (stem != NULL)
    return stem;

  out = sb_stemmer_stem (self->stemmer, (const sb_symbol *) norm, strlen (norm));
  if (out == NULL)
    stem = norm;
  else
    {
      g_autofree char *copy = g_strndup ((const char *) out, sb_stemmer_length (self->stemmer));
      stem = intern (self, copy);
    }
  g_hash_table_insert (self->stems, (gpointer) norm, (gpointer) stem);
  return stem;
}

/* Digits with thousands separators or a decimal point, maybe with an
 * ordinal suffix: "175", "1,000", "3.5", "19th". */
static gboolean
parse_digits (const char *s,
              GString    *out)
{
  const char *p = s;

  g_string_truncate (out, 0);
  if (!g_ascii_isdigit (*p))
    return FALSE;
  for (; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (out, *p);
      else if (*p == ',' && g_ascii_isdigit (p[1]))
        continue;
      else if (*p == '.' && g_ascii_isdigit (p[1]))
        g_string_append_c (out, '.');
      else
        break;
    }
  if (*p != '\0' && strcmp (p, "th") != 0 && strcmp (p, "st") != 0
      && strcmp (p, "nd") != 0 && strcmp (p, "rd") != 0 && strcmp (p, "s") != 0)
    return FALSE;
  return TRUE;
}

static gboolean
parse_number (const char *norm,
              GString    *out)
{
  guint value;

  if (parse_digits (norm, out))
    return TRUE;
  if (number_word_value (norm, &value))
    {
      g_string_printf (out, "%u", value);
      return TRUE;
    }
  return FALSE;
}

/* Folds one hyphen-free part; returns it interned. */
static const char *
fold_part (DiptychNormalizer *self,
           const char        *part)
{
  GString *s = g_string_new (NULL);
  const char *result;

  for (const char *p = part; *p != '\0'; p++)
    if (*p != '\'' && *p != '.')
      g_string_append_c (s, *p);
  /* British -isation: the stems of -ize and -ise words differ. */
  if (s->len > 8 && g_str_has_suffix (s->str, "isation"))
    s->str[s->len - 6] = 'z';
  else if (s->len > 9 && g_str_has_suffix (s->str, "isations"))
    s->str[s->len - 7] = 'z';
  result = intern (self, s->str);
  g_string_free (s, TRUE);
  return result;
}

static const WordInfo *
word_info (DiptychNormalizer *self,
           const char        *surface,
           gsize              len)
{
  WordInfo *info;
  const char *key;
  g_autofree char *folded = NULL;
  g_auto(GStrv) parts = NULL;
  GString *joined;
  gboolean ascii = TRUE;
  gboolean has_lower = FALSE, has_upper = FALSE;
  guint n_letters = 0;
  guint tens = 0, units = 0;
  gunichar first;

  g_string_truncate (self->scratch, 0);
  g_string_append_len (self->scratch, surface, len);
  info = g_hash_table_lookup (self->words, self->scratch->str);
  if (info != NULL)
    return info;

  key = intern (self, self->scratch->str);
  info = g_new0 (WordInfo, 1);

  for (const char *p = key; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c >= 0x80)
        ascii = FALSE;
      if (g_unichar_isupper (c))
        has_upper = TRUE, n_letters++;
      else if (g_unichar_islower (c))
        has_lower = TRUE, n_letters++;
    }
  first = g_utf8_get_char (key);
  if (g_unichar_isupper (first) || g_unichar_istitle (first))
    info->flags |= DIPTYCH_TOKEN_CAPITALIZED;
  if (has_upper && !has_lower && n_letters >= 2)
    info->flags |= DIPTYCH_TOKEN_ACRONYM;

  if (ascii)
    folded = g_ascii_strdown (key, -1);
  else
    {
      g_autofree char *nfkc = g_utf8_normalize (key, -1, G_NORMALIZE_NFKC);
      GString *s;

      folded = g_utf8_casefold (nfkc != NULL ? nfkc : key, -1);
      /* One apostrophe and one hyphen. */
      s = g_string_new (NULL);
      for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);
          if (is_apostrophe (c))
            g_string_append_c (s, '\'');
          else if (is_hyphen (c))
            g_string_append_c (s, '-');
          else
            g_string_append_unichar (s, c);
        }
      g_free (folded);
      folded = g_string_free (s, FALSE);
    }

  /* Possessives: "Russia's", "leaders'". */
  if (g_str_has_suffix (folded, "'s"))
    folded[strlen (folded) - 2] = '\0';
  else if (g_str_has_suffix (folded, "'"))
    folded[strlen (folded) - 1] = '\0';

  parts = g_strsplit (folded, "-", -1);
  joined = g_string_new (NULL);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (!g_ascii_isdigit (parts[i][0]))
        g_string_append (joined, fold_part (self, parts[i]));
      else
        g_string_append (joined, parts[i]);
    }

  if (parse_number (joined->str, self->scratch))
    {
      info->norm = intern (self, self->scratch->str);
      info->stem = info->norm;
      info->flags |= DIPTYCH_TOKEN_NUMBER;
      if (g_ascii_isdigit (joined->str[0]))
        info->flags |= DIPTYCH_TOKEN_DIGITS;
    }
  else if (g_strv_length (parts) == 2 && number_word_value (parts[0], &tens)
           && number_word_value (parts[1], &units) && tens >= 20 && tens < 100 && units < 10)
    {
      /* "thirty-five" */
      g_string_printf (self->scratch, "%u", tens + units);
      info->norm = intern (self, self->scratch->str);
      info->stem = info->norm;
      info->flags |= DIPTYCH_TOKEN_NUMBER;
    }
  else
    {
      guint n = 0;

      info->norm = intern (self, joined->str);
      if (g_unichar_isdigit (g_utf8_get_char (info->norm)) || joined->len == 0)
        info->stem = info->norm;
      else
        info->stem = stem_of (self, info->norm);

      if (g_strv_length (parts) > 1)
        for (guint i = 0; parts[i] != NULL && n < DIPTYCH_TOKEN_MAX_PARTS; i++)
          {
            const char *part;

            if (parts[i][0] == '\0')
              continue;
            if (parse_number (parts[i], self->scratch))
              part = intern (self, self->scratch->str);
            else
              {
                part = fold_part (self, parts[i]);
                if (diptych_normalize_is_stopword (part) || strlen (part) < 3)
                  continue;
                part = stem_of (self, part);
              }
            info->parts[n++] = part;
          }
    }
  g_string_free (joined, TRUE);

  if (diptych_normalize_is_stopword (info->norm))
    info->flags |= DIPTYCH_TOKEN_STOPWORD;
  if (is_month (info->norm) && (info->flags & DIPTYCH_TOKEN_CAPITALIZED) != 0)
    info->flags |= DIPTYCH_TOKEN_MONTH;

  g_hash_table_insert (self->words, (gpointer) key, info);
  return info;
}

const char *
diptych_normalizer_normalize_word (DiptychNormalizer *self,
                                   const char        *word)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (word != NULL, NULL);

  return word_info (self, word, strlen (word))->norm;
}

void
diptych_normalizer_tokenize (DiptychNormalizer *self,
                             const char        *text,
                             gsize              byte_start,
                             gsize              byte_end,
                             guint              char_start,
                             GArray            *tokens)
{
  const char *p = text + byte_start;
  const char *end = text + byte_end;
  guint offset = char_start;

  g_return_if_fail (self != NULL);
  g_return_if_fail (tokens != NULL);

  while (p < end)
    {
      gunichar c = g_utf8_get_char (p);
      const char *start = p;
      guint start_offset = offset;
      gunichar prev;
      guint run = 0;   /* letters since the last period, for "U.S." */
      DiptychToken token;
      const WordInfo *info;

      if (!is_word_char (c) || g_unichar_ismark (c))
        {
          p = g_utf8_next_char (p);
          offset++;
          continue;
        }

      if (is_ideograph (c))
        {
          p = g_utf8_next_char (p);
          offset++;
        }
      else
        {
          prev = 0;
          while (p < end)
            {
              gunichar d = g_utf8_get_char (p);
              const char *next = g_utf8_next_char (p);
              gunichar after = next < end ? g_utf8_get_char (next) : 0;

              if (is_word_char (d) && !is_ideograph (d))
                {
                  run = g_unichar_isalpha (d) ? run + 1 : 0;
                  prev = d;
                  p = next;
                  offset++;
                  continue;
                }
              /* Joiners between word characters. */
              if (after != 0 && is_word_char (after) && !is_ideograph (after)
                  && (is_hyphen (d)
                      || (is_apostrophe (d) && g_unichar_isalpha (prev) && g_unichar_isalpha (after))
                      || ((d == '.' || d == ',') && g_unichar_isdigit (prev) && g_unichar_isdigit (after))
                      || (d == '.' && run == 1 && g_unichar_isupper (prev) && g_unichar_isupper (after))))
                {
                  run = 0;
                  prev = d;
                  p = next;
                  offset++;
                  continue;
                }
              /* Trailing possessive apostrophe: "leaders’". */
              break;
            }
        }

      info = word_info (self, start, p - start);
      if (info->norm[0] == '\0')
        continue;
      token.start = start_offset;
      token.end = offset;
      token.byte_start = start - text;
      token.byte_end = p - text;
      token.norm = info->norm;
      token.stem = info->stem;
      memcpy (token.parts, info->parts, sizeof token.parts);
      token.flags = info->flags;
      if (is_ideograph (c))
        token.flags |= DIPTYCH_TOKEN_IDEOGRAPH;
      g_array_append_val (tokens, token);
    }
}
