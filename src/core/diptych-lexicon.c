/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "diptych-lexicon"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "diptych-lexicon.h"

/* Parts of speech in WordNet's file order. */
enum { POS_NOUN, POS_VERB, POS_ADJ, POS_ADV, N_POS };

static const char * const pos_names[N_POS] = { "noun", "verb", "adj", "adv" };

/* How many senses of a word count: the first ones are the frequent ones;
 * rare senses only bring false friends. */
#define MAX_SENSES 3

struct _DiptychLexicon
{
  char        *wordnet_dir;
  gboolean     has_wordnet;
  GMappedFile *index[N_POS];
  GMappedFile *data[N_POS];
  GHashTable  *exceptions[N_POS];  /* inflected -> "base\0base2\0\0" */
  GHashTable  *aliases;            /* normalized phrase -> canonical */
  GHashTable  *acronyms;           /* only when written in capitals */
  GHashTable  *counts;             /* lemma -> tagged occurrences + 1 */
};

/* Each entry: the canonical form, then its variants. A variant starting
 * with "=" only counts written in capitals ("US" is not "us"). */
static const char * const alias_table[] = {
  "united states|united states of america|usa|america|=us",
  "united kingdom|britain|great britain|=uk",
  "united nations|=un",
  "european union|=eu",
  "middle east|mideast|near east|=me",
  "russia|russian federation",
  "kyiv|kiev",
  "ceasefire|truce|armistice|cessation of hostilities",
  "ukrainian armed forces|armed forces of ukraine|=afu|ukrainian army|ukrainian military",
  "nato|north atlantic alliance|north atlantic treaty organization",
  "attack|strike|assault",
  "negotiation|talks|talk|consultation|consultations|meet|met|meeting|meetings",
  "exchange|swap",
  "prisoner|captive|=pow|prisoner of war",
  "soldier|serviceman|servicemen|troops|troop",
  "weapon|arms|weaponry",
  "nuclear|atomic",
  "aid|assistance",
  "agreement|deal|accord",
  "lasting|long term|durable|sustainable|enduring|permanent",
  "war|conflict|hostilities|fighting|combat",
  "economy|economic",
  "peace|peaceful|settlement|peace settlement",
  "prospects|prospect|opportunities|opportunity",
  "president|head of state",
  "gratitude|thanks|thank|thanked|grateful",
  "trade|commerce|commercial",
  "resume|restore|reopen|renew|resumed|restored|reopened|renewed",
  "expert|specialist",
  "held to account|held accountable|brought to justice|face justice|accountability",
  "perpetrators|perpetrator|those responsible",
  "cooperation|collaboration",
  "science|scientific|research|researcher",
};

static gboolean
is_data_file_missing (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "index.noun", NULL);

  return !g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

/* Normalizes an alias entry the way the tokenizer normalizes words:
 * lower case, no periods, hyphens or apostrophes. */
static char *
normalize_phrase (const char *phrase)
{
  GString *s = g_string_new (NULL);

  for (const char *p = phrase; *p != '\0'; p++)
    {
      if (*p == '.' || *p == '\'')
        continue;
      if (*p == '-')
        {
          g_string_append_c (s, ' ');
          continue;
        }
      g_string_append_c (s, g_ascii_tolower (*p));
    }
  return g_string_free (s, FALSE);
}

static void
load_aliases (DiptychLexicon *self)
{
  /* Canonical forms are interned: callers may compare them as pointers. */
  self->aliases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->acronyms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (alias_table); i++)
    {
      g_auto(GStrv) forms = g_strsplit (alias_table[i], "|", -1);
      g_autofree char *canonical = normalize_phrase (forms[0]);

      for (guint k = 0; forms[k] != NULL; k++)
        {
          if (forms[k][0] == '=')
            g_hash_table_replace (self->acronyms, normalize_phrase (forms[k] + 1),
                                  (gpointer) g_intern_string (canonical));
          else
            g_hash_table_replace (self->aliases, normalize_phrase (forms[k]),
                                  (gpointer) g_intern_string (canonical));
        }
    }
}

static void
load_exceptions (DiptychLexicon *self,
                 guint           pos)
{
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  static const char * const exc_names[N_POS] = { "noun.exc", "verb.exc", "adj.exc", "adv.exc" };

  self->exceptions[pos] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  path = g_build_filename (self->wordnet_dir, exc_names[pos], NULL);
  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return;

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = g_strsplit (g_strstrip (lines[i]), " ", -1);
      GString *bases;

      if (words[0] == NULL || words[1] == NULL)
        continue;
      bases = g_string_new (NULL);
      for (guint k = 1; words[k] != NULL; k++)
        if (words[k][0] != '\0')
          g_string_append_len (bases, words[k], strlen (words[k]) + 1);
      g_string_append_c (bases, '\0');
      g_hash_table_replace (self->exceptions[pos], g_strdup (words[0]),
                            g_memdup2 (bases->str, bases->len + 1));
      g_string_free (bases, TRUE);
    }
}

/* cntlist.rev: "sense_key sense_number tag_count" per line, where the
 * sense key starts with "lemma%". The tagged occurrences of a lemma in
 * WordNet's sense-tagged corpus tell how common a word is in general
 * English, which the few passages of two documents cannot. */
static void
load_counts (DiptychLexicon *self)
{
  g_autofree char *path = g_build_filename (self->wordnet_dir, "cntlist.rev", NULL);
  g_autoptr(GMappedFile) file = g_mapped_file_new (path, FALSE, NULL);
  const char *p, *end;

  self->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (file == NULL)
    return;

  p = g_mapped_file_get_contents (file);
  end = p + g_mapped_file_get_length (file);
  while (p < end)
    {
      const char *eol = memchr (p, '\n', end - p);
      const char *pct = memchr (p, '%', (eol != NULL ? eol : end) - p);
      const char *last;

      if (eol == NULL)
        eol = end;
      last = eol;
      while (last > p && last[-1] != ' ')
        last--;
      if (pct != NULL && last > pct)
        {
          g_autofree char *lemma = g_strndup (p, pct - p);
          guint64 count = g_ascii_strtoull (last, NULL, 10);
          gpointer old = g_hash_table_lookup (self->counts, lemma);
          guint total = GPOINTER_TO_UINT (old) + (guint) MIN (count, 100000);

          if (old == NULL)
            total++;
          g_hash_table_replace (self->counts, g_steal_pointer (&lemma), GUINT_TO_POINTER (total));
        }
      p = eol + 1;
    }
}

DiptychLexicon *
diptych_lexicon_new (const char *wordnet_dir)
{
  DiptychLexicon *self = g_new0 (DiptychLexicon, 1);

  self->wordnet_dir = g_strdup (wordnet_dir != NULL ? wordnet_dir : WORDNET_DIR);
  load_aliases (self);
  self->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (is_data_file_missing (self->wordnet_dir))
    return self;

  self->has_wordnet = TRUE;
  g_hash_table_unref (self->counts);
  load_counts (self);
  for (guint pos = 0; pos < N_POS; pos++)
    {
      g_autofree char *index_name = g_strconcat ("index.", pos_names[pos], NULL);
      g_autofree char *data_name = g_strconcat ("data.", pos_names[pos], NULL);
      g_autofree char *index_path = g_build_filename (self->wordnet_dir, index_name, NULL);
      g_autofree char *data_path = g_build_filename (self->wordnet_dir, data_name, NULL);

      /* A part of speech whose files are missing just has no entries. */
      self->index[pos] = g_mapped_file_new (index_path, FALSE, NULL);
      self->data[pos] = g_mapped_file_new (data_path, FALSE, NULL);
      if (self->index[pos] == NULL || self->data[pos] == NULL)
        {
          g_clear_pointer (&self->index[pos], g_mapped_file_unref);
          g_clear_pointer (&self->data[pos], g_mapped_file_unref);
        }
      load_exceptions (self, pos);
    }

  return self;
}

void
diptych_lexicon_free (DiptychLexicon *self)
{
  if (self == NULL)
    return;
  for (guint pos = 0; pos < N_POS; pos++)
    {
      g_clear_pointer (&self->index[pos], g_mapped_file_unref);
      g_clear_pointer (&self->data[pos], g_mapped_file_unref);
      g_clear_pointer (&self->exceptions[pos], g_hash_table_unref);
    }
  g_hash_table_unref (self->aliases);
  g_hash_table_unref (self->acronyms);
  g_hash_table_unref (self->counts);
  g_free (self->wordnet_dir);
  g_free (self);
}

DiptychLexicon *
diptych_lexicon_get_default (void)
{
  static GMutex lock;
  static GHashTable *lexicons;
  const char *dir = g_getenv ("DIPTYCH_WORDNET_DIR");
  DiptychLexicon *lexicon;

  if (dir == NULL || dir[0] == '\0')
    dir = WORDNET_DIR;

  g_mutex_lock (&lock);
  if (lexicons == NULL)
    lexicons = g_hash_table_new (g_str_hash, g_str_equal);
  lexicon = g_hash_table_lookup (lexicons, dir);
  if (lexicon == NULL)
    {
      lexicon = diptych_lexicon_new (dir);
      g_hash_table_insert (lexicons, lexicon->wordnet_dir, lexicon);
    }
  g_mutex_unlock (&lock);

  return lexicon;
}

gboolean
diptych_lexicon_has_wordnet (DiptychLexicon *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->has_wordnet;
}

const char *
diptych_lexicon_get_wordnet_dir (DiptychLexicon *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->wordnet_dir;
}

const char *
diptych_lexicon_lookup_alias (DiptychLexicon *self,
                              const char     *phrase,
                              gboolean        acronym)
{
  const char *canonical;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (phrase != NULL, NULL);

  if (acronym && (canonical = g_hash_table_lookup (self->acronyms, phrase)) != NULL)
    return canonical;
  return g_hash_table_lookup (self->aliases, phrase);
}

/* Compares the lemma at the start of a line with word, as strcmp. */
static int
compare_lemma (const char *line,
               const char *end,
               const char *word)
{
  for (;; line++, word++)
    {
      guchar l = line < end && *line != ' ' && *line != '\n' ? (guchar) *line : 0;
      guchar w = (guchar) *word;

      if (l != w || l == 0)
        return (int) l - (int) w;
    }
}

/* Binary search of a sorted index file for the line of word. */
static const char *
find_index_line (GMappedFile *file,
                 const char  *word,
                 const char **line_end)
{
  const char *contents = g_mapped_file_get_contents (file);
  gsize length = g_mapped_file_get_length (file);
  gsize lo = 0, hi = length;

  while (lo < hi)
    {
      gsize mid = lo + (hi - lo) / 2;
      const char *line = contents + mid;
      const char *eol;
      int cmp;

      while (line > contents + lo && line[-1] != '\n')
        line--;
      eol = memchr (line, '\n', contents + length - line);
      if (eol == NULL)
        eol = contents + length;

      /* The license header lines start with spaces and sort first. */
      cmp = line[0] == ' ' ? -1 : compare_lemma (line, eol, word);
      if (cmp == 0)
        {
          *line_end = eol;
          return line;
        }
      if (cmp < 0)
        lo = (eol - contents) + 1;
      else
        hi = line - contents;
    }
  return NULL;
}

static gboolean
in_index (DiptychLexicon *self,
          guint           pos,
          const char     *word)
{
  const char *end;

  return self->index[pos] != NULL && find_index_line (self->index[pos], word, &end) != NULL;
}

static guint
pos_of_char (char c)
{
  switch (c)
    {
    case 'n': return POS_NOUN;
    case 'v': return POS_VERB;
    case 'a': case 's': return POS_ADJ;
    case 'r': return POS_ADV;
    default: return N_POS;
    }
}

static void
append_concept (GArray  *concepts,
                guint    pos,
                guint32  offset)
{
  DiptychConcept concept = ((guint32) pos << 28) | (offset & (0x0FFFFFFF | DIPTYCH_CONCEPT_LOOSE));

  for (guint i = 0; i < concepts->len; i++)
    if (g_array_index (concepts, DiptychConcept, i) == concept)
      return;
  g_array_append_val (concepts, concept);
}

/* A word form as a concept, for relations between words rather than
 * between synsets (derivations, pertainyms). The top bit keeps these
 * apart from synset concepts. */
static void
append_lemma_concept (GArray     *concepts,
                      const char *lemma)
{
  DiptychConcept concept = 0x80000000u | (g_str_hash (lemma) & 0x7FFFFFFFu);

  for (guint i = 0; i < concepts->len; i++)
    if (g_array_index (concepts, DiptychConcept, i) == concept)
      return;
  g_array_append_val (concepts, concept);
}

/* The words of a synset line: "offset lex_filenum ss_type w_cnt [word
 * lex_id]... p_cnt [ptr]...". Fills words (lower case, without the
 * adjective markers "(a)", "(p)", "(ip)") and returns the position of
 * the pointer count. */
#define MAX_SYNSET_WORDS 16

static const char *
parse_synset_words (const char *p,
                    const char *end,
                    char        words[MAX_SYNSET_WORDS][64],
                    guint      *n_words)
{
  char *next;
  guint64 count;

  *n_words = 0;
  for (guint skip = 0; skip < 3; skip++)
    {
      p = memchr (p, ' ', end - p);
      if (p == NULL)
        return NULL;
      p++;
    }
  count = g_ascii_strtoull (p, &next, 16);
  p = next;
  for (guint64 i = 0; i < count && p < end; i++)
    {
      const char *w, *w_end;
      gsize len;

      while (p < end && *p == ' ')
        p++;
      w = p;
      while (p < end && *p != ' ')
        p++;
      w_end = memchr (w, '(', p - w);
      len = MIN ((gsize) ((w_end != NULL ? w_end : p) - w), 63);
      if (*n_words < MAX_SYNSET_WORDS)
        {
          for (gsize k = 0; k < len; k++)
            words[*n_words][k] = g_ascii_tolower (w[k]);
          words[*n_words][len] = '\0';
          (*n_words)++;
        }
      /* lex_id */
      while (p < end && *p == ' ')
        p++;
      while (p < end && *p != ' ')
        p++;
    }
  return p;
}

static const char *
synset_line (DiptychLexicon *self,
             guint           pos,
             guint32         offset,
             const char    **end)
{
  const char *contents = g_mapped_file_get_contents (self->data[pos]);
  gsize length = g_mapped_file_get_length (self->data[pos]);

  if (offset >= length)
    return NULL;
  *end = memchr (contents + offset, '\n', length - offset);
  if (*end == NULL)
    *end = contents + length;
  return contents + offset;
}

/* Adds what derivation ("+") and pertainym ("\") pointers of lemma in
 * the synset at offset lead to. These pointers join words, not synsets
 * ("improve" -> "improver", not to its synonym "humanitarian"), so the
 * target word is added, as a word concept. */
static void
add_related (DiptychLexicon *self,
             guint           pos,
             guint32         offset,
             const char     *lemma,
             GArray         *concepts)
{
  char words[MAX_SYNSET_WORDS][64];
  const char *p, *end;
  char *next;
  guint n_words, self_index = 0;
  guint64 n_ptrs;

  p = synset_line (self, pos, offset, &end);
  if (p == NULL || (p = parse_synset_words (p, end, words, &n_words)) == NULL)
    return;
  for (guint i = 0; i < n_words; i++)
    if (strcmp (words[i], lemma) == 0)
      self_index = i + 1;

  n_ptrs = g_ascii_strtoull (p, &next, 10);
  p = next;
  for (guint64 i = 0; i < n_ptrs && p < end; i++)
    {
      char symbol[4] = { 0 };
      guint64 target, source_target;
      guint target_pos;
      guint k = 0;

      while (p < end && *p == ' ')
        p++;
      while (p < end && *p != ' ' && k < 3)
        symbol[k++] = *p++;
      target = g_ascii_strtoull (p, &next, 10);
      p = next;
      while (p < end && *p == ' ')
        p++;
      target_pos = p < end ? pos_of_char (*p) : N_POS;
      while (p < end && *p != ' ')
        p++;
      source_target = g_ascii_strtoull (p, &next, 16);
      p = next;

      if (target_pos >= N_POS || (strcmp (symbol, "+") != 0 && strcmp (symbol, "\\") != 0))
        continue;
      if ((source_target >> 8) == 0)
        append_concept (concepts, target_pos, (guint32) target);
      else if ((source_target >> 8) == self_index && self->data[target_pos] != NULL)
        {
          char target_words[MAX_SYNSET_WORDS][64];
          const char *t_end, *t = synset_line (self, target_pos, (guint32) target, &t_end);
          guint n_target_words, word = source_target & 0xff;

          if (t != NULL && parse_synset_words (t, t_end, target_words, &n_target_words) != NULL
              && word >= 1 && word <= n_target_words)
            append_lemma_concept (concepts, target_words[word - 1]);
          /* The target word's synonyms are related more loosely. */
          append_concept (concepts, target_pos, (guint32) target | DIPTYCH_CONCEPT_LOOSE);
        }
    }
}

static void
add_lemma_senses (DiptychLexicon *self,
                  guint           pos,
                  const char     *lemma,
                  GArray         *concepts)
{
  const char *line, *end, *p;
  char *next;
  guint64 n_synsets, n_ptrs;

  if (self->index[pos] == NULL)
    return;
  line = find_index_line (self->index[pos], lemma, &end);
  if (line == NULL)
    return;
  append_lemma_concept (concepts, lemma);

  /* lemma pos synset_cnt p_cnt [ptr_symbol]... sense_cnt tagsense_cnt offsets... */
  p = memchr (line, ' ', end - line);
  if (p == NULL || (p = memchr (p + 1, ' ', end - p - 1)) == NULL)
    return;
  n_synsets = g_ascii_strtoull (p, &next, 10);
  p = next;
  n_ptrs = g_ascii_strtoull (p, &next, 10);
  p = next;
  for (guint64 i = 0; i < n_ptrs + 2 && p < end; i++)
    {
      while (p < end && *p == ' ')
        p++;
      while (p < end && *p != ' ')
        p++;
    }
  for (guint64 i = 0; i < n_synsets && i < MAX_SENSES && p < end; i++)
    {
      guint64 offset = g_ascii_strtoull (p, &next, 10);

      if (next == p)
        break;
      p = next;
      append_concept (concepts, pos, (guint32) offset);
      add_related (self, pos, (guint32) offset, lemma, concepts);
    }
}

/* WordNet's morphology: exceptions, then suffix rules. */
static const struct
{
  guint       pos;
  const char *suffix;
  const char *ending;
} suffix_rules[] = {
  { POS_NOUN, "s", "" }, { POS_NOUN, "ses", "s" }, { POS_NOUN, "xes", "x" },
  { POS_NOUN, "zes", "z" }, { POS_NOUN, "ches", "ch" }, { POS_NOUN, "shes", "sh" },
  { POS_NOUN, "men", "man" }, { POS_NOUN, "ies", "y" },
  { POS_VERB, "s", "" }, { POS_VERB, "ies", "y" }, { POS_VERB, "es", "e" },
  { POS_VERB, "es", "" }, { POS_VERB, "ed", "e" }, { POS_VERB, "ed", "" },
  { POS_VERB, "ing", "e" }, { POS_VERB, "ing", "" },
  { POS_ADJ, "er", "" }, { POS_ADJ, "est", "" }, { POS_ADJ, "er", "e" },
  { POS_ADJ, "est", "e" },
};

typedef void (*LemmaFunc) (DiptychLexicon *self,
                           guint           pos,
                           const char     *lemma,
                           gpointer        data);

/* Calls func for the base forms of word in each part of speech. */
static void
foreach_lemma (DiptychLexicon *self,
               const char     *word,
               LemmaFunc       func,
               gpointer        data)
{
  gsize len = strlen (word);

  if (len < 2 || len > 60)
    return;

  for (guint pos = 0; pos < N_POS; pos++)
    {
      const char *bases = g_hash_table_lookup (self->exceptions[pos], word);

      if (bases != NULL)
        for (const char *b = bases; *b != '\0'; b += strlen (b) + 1)
          func (self, pos, b, data);
      if (in_index (self, pos, word))
        func (self, pos, word, data);
      /* An irregular form has its base forms in the exception list; a
       * regular one that is an entry of its own ("relations", "talks",
       * "forces") is also the inflection of its base ("relation"), as
       * in WordNet's morphy. */
      if (bases != NULL)
        continue;

      for (guint i = 0; i < G_N_ELEMENTS (suffix_rules); i++)
        {
          gsize slen = strlen (suffix_rules[i].suffix);
          g_autofree char *base = NULL;

          if (suffix_rules[i].pos != pos || len <= slen + 1
              || strcmp (word + len - slen, suffix_rules[i].suffix) != 0)
            continue;
          base = g_malloc (len - slen + strlen (suffix_rules[i].ending) + 1);
          memcpy (base, word, len - slen);
          strcpy (base + len - slen, suffix_rules[i].ending);
          if (in_index (self, pos, base))
            {
              func (self, pos, base, data);
              break;
            }
        }
    }
}

static void
add_lemma_concepts (DiptychLexicon *self,
                    guint           pos,
                    const char     *lemma,
                    gpointer        data)
{
  add_lemma_senses (self, pos, lemma, data);
}

void
diptych_lexicon_get_concepts (DiptychLexicon *self,
                              const char     *word,
                              GArray         *concepts)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (word != NULL);
  g_return_if_fail (concepts != NULL);

  if (self->has_wordnet)
    foreach_lemma (self, word, add_lemma_concepts, concepts);
}

static void
max_count (DiptychLexicon *self,
           guint           pos,
           const char     *lemma,
           gpointer        data)
{
  guint *count = data;
  guint c = GPOINTER_TO_UINT (g_hash_table_lookup (self->counts, lemma));

  *count = MAX (*count, c);
}

guint
diptych_lexicon_get_frequency (DiptychLexicon *self,
                               const char     *word)
{
  guint count = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (word != NULL, 0);

  if (!self->has_wordnet)
    return 0;
  count = GPOINTER_TO_UINT (g_hash_table_lookup (self->counts, word));
  if (count == 0)
    foreach_lemma (self, word, max_count, &count);
  return count > 0 ? count - 1 : 0;
}
