/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "diptych-quality"

#include "config.h"

#include <math.h>
#include <string.h>

#include "quality-eval.h"

typedef enum
{
  ENTRY_LINK,
  ENTRY_MAYBE,
  ENTRY_OMISSION,
  ENTRY_IGNORE,
} EntryKind;

typedef struct
{
  EntryKind   kind;
  DiptychSide side;                        /* omission and ignore */
  GPtrArray  *prefixes[DIPTYCH_N_SIDES];   /* quoted sentence prefixes */
  guint       line;
} Entry;

struct _QualityGold
{
  char            *name;
  QualityClass     klass;
  char            *files[DIPTYCH_N_SIDES];
  GPtrArray       *entries;

  /* Filled by quality_gold_bind () */
  DiptychDocument *docs[DIPTYCH_N_SIDES];
  GArray          *sentences[DIPTYCH_N_SIDES];  /* DiptychSpan */
  guint           *content[DIPTYCH_N_SIDES];    /* non-space chars before each offset */
  guint8          *labels[DIPTYCH_N_SIDES];
  GHashTable      *sure;                        /* pair keys */
  GHashTable      *possible;                    /* pair keys, sure included */
};

static const char * const class_names[QUALITY_N_CLASSES] = { "versions", "readouts" };

const char *
quality_class_to_string (QualityClass klass)
{
  g_return_val_if_fail (klass < QUALITY_N_CLASSES, NULL);
  return class_names[klass];
}

/* ---- Segmenter ---------------------------------------------------------- */

static gboolean
is_terminator (gunichar c)
{
  return c == '.' || c == '!' || c == '?' || c == 0x2026 /* … */;
}

static gboolean
is_wide_terminator (gunichar c)
{
  /* CJK punctuation ends a sentence without a following space. */
  return c == 0x3002 || c == 0xFF01 || c == 0xFF1F;
}

static gboolean
is_closer (gunichar c)
{
  return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x2019
         || c == 0x201D || c == 0x00BB;
}

static gboolean
is_abbreviation (const gunichar *text,
                 guint           start,
                 guint           dot)
{
  static const char * const abbreviations[] = {
    "mr", "mrs", "ms", "dr", "prof", "st", "gen", "col", "lt", "sgt", "capt",
    "gov", "sen", "rep", "jr", "sr", "no", "vs", "mt", "ft", "approx", "dept",
    "fig", "amb",
  };
  guint word = dot;
  gboolean has_dot = FALSE;
  g_autoptr(GString) lower = g_string_new (NULL);

  while (word > start && !g_unichar_isspace (text[word - 1]))
    word--;
  while (word < dot && !g_unichar_isalnum (text[word]))
    word++;
  if (word == dot)
    return FALSE;

  /* An initial ("Donald J. Trump") or a dotted abbreviation ("U.S.",
   * "e.g."), but not a number ("6.5%."). */
  if (dot - word == 1 && g_unichar_isupper (text[word]))
    return TRUE;
  for (guint i = word; i < dot; i++)
    {
      if (text[i] == '.')
        has_dot = TRUE;
      else if (!g_unichar_isalpha (text[i]))
        return FALSE;
      g_string_append_unichar (lower, g_unichar_tolower (text[i]));
    }
  if (has_dot)
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (abbreviations); i++)
    if (g_str_equal (lower->str, abbreviations[i]))
      return TRUE;

  return FALSE;
}

static gunichar *
to_ucs4 (DiptychDocument *doc,
         guint           *n_chars)
{
  const char *text = diptych_document_get_text (doc);
  glong len = 0;
  gunichar *chars = g_utf8_to_ucs4_fast (text, diptych_document_get_n_bytes (doc), &len);

  *n_chars = (guint) len;
  return chars;
}

static guint
sentence_end (const gunichar *t,
              guint           n,
              guint           start)
{
  for (guint i = start; i < n; i++)
    {
      guint j, k;
      gboolean newline = FALSE;

      if (t[i] == '\n')
        return i;
      if (is_wide_terminator (t[i]))
        {
          for (j = i + 1; j < n && (is_wide_terminator (t[j]) || is_closer (t[j])); j++)
            ;
          return j;
        }
      if (!is_terminator (t[i]))
        continue;

      for (j = i + 1; j < n && is_terminator (t[j]); j++)
        ;
      for (; j < n && is_closer (t[j]); j++)
        ;
      if (j >= n)
        return n;
      if (!g_unichar_isspace (t[j]))
        continue;
      for (k = j; k < n && g_unichar_isspace (t[k]); k++)
        newline |= t[k] == '\n';
      if (k < n && !newline && g_unichar_islower (t[k]))
        continue;
      if (!newline && t[i] == '.' && j == i + 1 && is_abbreviation (t, start, i))
        continue;
      return j;
    }

  return n;
}

/* Sentences as code point spans: a sentence ends at . ! ? (and closing
 * quotes) followed by a space and a word that is not lower case, unless
 * the dot ends an abbreviation or an initial; a line break always ends
 * one. Leading and trailing white space is left out. */
GArray *
quality_segment (DiptychDocument *doc)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (DiptychSpan));
  g_autofree gunichar *t = NULL;
  guint n = 0;
  guint pos = 0;

  g_return_val_if_fail (DIPTYCH_IS_DOCUMENT (doc), spans);

  t = to_ucs4 (doc, &n);
  while (pos < n)
    {
      DiptychSpan span;

      while (pos < n && g_unichar_isspace (t[pos]))
        pos++;
      if (pos >= n)
        break;

      span.start = pos;
      span.end = sentence_end (t, n, pos);
      pos = span.end;
      while (span.end > span.start && g_unichar_isspace (t[span.end - 1]))
        span.end--;
      g_array_append_val (spans, span);
    }

  return spans;
}

/* ---- Metrics ------------------------------------------------------------ */

/* With nothing predicted precision is 1 (nothing was wrong), with nothing
 * to find recall is 1; F1 is then 0 unless both are empty. */
double
quality_precision (const QualityCounts *counts)
{
  return counts->n_pred > 0 ? (double) counts->n_pred_ok / counts->n_pred : 1.0;
}

double
quality_recall (const QualityCounts *counts)
{
  return counts->n_gold > 0 ? (double) counts->n_gold_found / counts->n_gold : 1.0;
}

double
quality_f1 (const QualityCounts *counts)
{
  double p, r;

  if (counts->n_pred == 0 && counts->n_gold == 0)
    return 1.0;

  p = quality_precision (counts);
  r = quality_recall (counts);
  return p + r > 0.0 ? 2.0 * p * r / (p + r) : 0.0;
}

void
quality_counts_add (QualityCounts       *sum,
                    const QualityCounts *counts)
{
  sum->n_pred += counts->n_pred;
  sum->n_pred_ok += counts->n_pred_ok;
  sum->n_gold += counts->n_gold;
  sum->n_gold_found += counts->n_gold_found;
}

void
quality_score_add (QualityScore       *sum,
                   const QualityScore *score)
{
  quality_counts_add (&sum->links, &score->links);
  quality_counts_add (&sum->omissions, &score->omissions);
}

/* ---- Gold --------------------------------------------------------------- */

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_clear_pointer (&entry->prefixes[0], g_ptr_array_unref);
  g_clear_pointer (&entry->prefixes[1], g_ptr_array_unref);
  g_free (entry);
}

void
quality_gold_free (QualityGold *gold)
{
  if (gold == NULL)
    return;

  for (guint s = 0; s < DIPTYCH_N_SIDES; s++)
    {
      g_free (gold->files[s]);
      g_clear_object (&gold->docs[s]);
      g_clear_pointer (&gold->sentences[s], g_array_unref);
      g_free (gold->content[s]);
      g_free (gold->labels[s]);
    }
  g_clear_pointer (&gold->sure, g_hash_table_unref);
  g_clear_pointer (&gold->possible, g_hash_table_unref);
  g_ptr_array_unref (gold->entries);
  g_free (gold->name);
  g_free (gold);
}

static void
skip_blanks (const char **p)
{
  while (**p == ' ' || **p == '\t')
    (*p)++;
}

/* Parses "prefix" [+ "prefix" ...]; leaves *p after the list. */
static GPtrArray *
parse_prefixes (const char **p,
                const char  *where,
                GError     **error)
{
  g_autoptr(GPtrArray) prefixes = g_ptr_array_new_with_free_func (g_free);

  for (;;)
    {
      g_autoptr(GString) prefix = g_string_new (NULL);

      skip_blanks (p);
      if (**p != '"')
        {
          g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_PARSE,
                       "%s: expected a quoted sentence prefix", where);
          return NULL;
        }
      (*p)++;
      while (**p != '"')
        {
          if (**p == '\0')
            {
              g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_PARSE,
                           "%s: missing closing quote", where);
              return NULL;
            }
          if (**p == '\\' && ((*p)[1] == '"' || (*p)[1] == '\\'))
            (*p)++;
          g_string_append_c (prefix, **p);
          (*p)++;
        }
      (*p)++;
      if (prefix->len == 0)
        {
          g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_PARSE,
                       "%s: empty sentence prefix", where);
          return NULL;
        }
      g_ptr_array_add (prefixes, g_string_free (g_steal_pointer (&prefix), FALSE));

      skip_blanks (p);
      if (**p != '+')
        return g_steal_pointer (&prefixes);
      (*p)++;
    }
}

static gboolean
parse_side (const char  **p,
            DiptychSide  *side,
            const char   *where,
            GError      **error)
{
  skip_blanks (p);
  if ((**p == 'a' || **p == 'b') && ((*p)[1] == ' ' || (*p)[1] == '\t'))
    {
      *side = **p == 'a' ? DIPTYCH_SIDE_A : DIPTYCH_SIDE_B;
      (*p)++;
      return TRUE;
    }

  g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_PARSE,
               "%s: expected the side, a or b, before the prefix", where);
  return FALSE;
}

static gboolean
parse_entry (QualityGold  *gold,
             const char   *key,
             const char   *rest,
             const char   *where,
             guint         line,
             GError      **error)
{
  g_autofree Entry *entry = g_new0 (Entry, 1);
  const char *p = rest;

  entry->line = line;
  if (g_str_equal (key, "link") || g_str_equal (key, "maybe"))
    {
      entry->kind = g_str_equal (key, "link") ? ENTRY_LINK : ENTRY_MAYBE;
      entry->prefixes[0] = parse_prefixes (&p, where, error);
      if (entry->prefixes[0] == NULL)
        return FALSE;
      skip_blanks (&p);
      if (*p != '=')
        {
          entry_free (g_steal_pointer (&entry));
          g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_PARSE,
                       "%s: expected = between the A and the B sentences", where);
          return FALSE;
        }
      p++;
      entry->prefixes[1] = parse_prefixes (&p, where, error);
      if (entry->prefixes[1] == NULL)
        {
          entry_free (g_steal_pointer (&entry));
          return FALSE;
        }
    }
  else if (g_str_equal (key, "omission") || g_str_equal (key, "ignore"))
    {
      entry->kind = g_str_equal (key, "omission") ? ENTRY_OMISSION : ENTRY_IGNORE;
      if (!parse_side (&p, &entry->side, where, error))
        return FALSE;
      entry->prefixes[entry->side] = parse_prefixes (&p, where, error);
      if (entry->prefixes[entry->side] == NULL)
        return FALSE;
    }
  else
    {
      g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_PARSE,
                   "%s: unknown key “%s” (expected class, a, b, link, maybe, omission or ignore)",
                   where, key);
      return FALSE;
    }

  skip_blanks (&p);
  if (*p != '\0')
    {
      entry_free (g_steal_pointer (&entry));
      g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_PARSE,
                   "%s: unexpected text after the last prefix: %s", where, p);
      return FALSE;
    }

  g_ptr_array_add (gold->entries, g_steal_pointer (&entry));
  return TRUE;
}

QualityGold *
quality_gold_parse (const char  *text,
                    const char  *name,
                    GError     **error)
{
  g_autoptr(QualityGold) gold = g_new0 (QualityGold, 1);
  g_auto(GStrv) lines = NULL;
  gboolean have_class = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  gold->name = g_strdup (name != NULL ? name : "gold");
  gold->entries = g_ptr_array_new_with_free_func (entry_free);
  gold->files[0] = g_strdup ("a.txt");
  gold->files[1] = g_strdup ("b.txt");

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *where = g_strdup_printf ("%s:%u", gold->name, i + 1);
      char *line = g_strstrip (lines[i]);
      char *colon;

      if (line[0] == '\0' || line[0] == '#')
        continue;

      colon = strchr (line, ':');
      if (colon == NULL)
        {
          g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_PARSE,
                       "%s: expected “key: value”", where);
          return NULL;
        }
      *colon = '\0';
      g_strstrip (line);

      if (g_str_equal (line, "class"))
        {
          const char *value = g_strstrip (colon + 1);

          if (g_str_equal (value, "versions"))
            gold->klass = QUALITY_CLASS_VERSIONS;
          else if (g_str_equal (value, "readouts"))
            gold->klass = QUALITY_CLASS_READOUTS;
          else
            {
              g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_PARSE,
                           "%s: unknown class “%s” (expected versions or readouts)",
                           where, value);
              return NULL;
            }
          have_class = TRUE;
        }
      else if (g_str_equal (line, "a") || g_str_equal (line, "b"))
        {
          DiptychSide side = line[0] == 'a' ? DIPTYCH_SIDE_A : DIPTYCH_SIDE_B;

          g_free (gold->files[side]);
          gold->files[side] = g_strdup (g_strstrip (colon + 1));
        }
      else if (!parse_entry (gold, line, colon + 1, where, i + 1, error))
        return NULL;
    }

  if (!have_class)
    {
      g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_PARSE,
                   "%s: missing “class: versions” or “class: readouts”", gold->name);
      return NULL;
    }

  return g_steal_pointer (&gold);
}

QualityGold *
quality_gold_load (const char  *path,
                   GError     **error)
{
  g_autofree char *text = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;

  if (!g_file_get_contents (path, &text, NULL, error))
    return NULL;

  /* Pairs are named by their directory, sample gold by its file. */
  base = g_path_get_basename (path);
  if (g_str_equal (base, "gold.txt"))
    {
      dir = g_path_get_dirname (path);
      name = g_path_get_basename (dir);
    }
  else
    name = g_strndup (base, strcspn (base, "."));

  return quality_gold_parse (text, name, error);
}

const char *
quality_gold_get_name (QualityGold *gold)
{
  return gold->name;
}

QualityClass
quality_gold_get_class (QualityGold *gold)
{
  return gold->klass;
}

const char *
quality_gold_get_file (QualityGold *gold,
                       DiptychSide  side)
{
  g_return_val_if_fail (side < DIPTYCH_N_SIDES, NULL);
  return gold->files[side];
}

static guint
pair_key (QualityGold *gold,
          guint        a,
          guint        b)
{
  return a * gold->sentences[DIPTYCH_SIDE_B]->len + b + 1;
}

static gboolean
find_sentence (QualityGold  *gold,
               DiptychSide   side,
               const char   *prefix,
               guint        *index,
               const Entry  *entry,
               GError      **error)
{
  const char *text = diptych_document_get_text (gold->docs[side]);
  const char *hit = strstr (text, prefix);
  const char *next;
  guint offset;
  GArray *sentences = gold->sentences[side];

  if (hit == NULL)
    {
      g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_NOT_FOUND,
                   "%s:%u: “%s” is not in document %s (%s)", gold->name, entry->line,
                   prefix, diptych_side_to_string (side), gold->files[side]);
      return FALSE;
    }
  next = strstr (hit + 1, prefix);
  if (next != NULL)
    {
      g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_INVALID,
                   "%s:%u: “%s” occurs more than once in document %s; quote more words",
                   gold->name, entry->line, prefix, diptych_side_to_string (side));
      return FALSE;
    }

  offset = diptych_document_byte_to_char (gold->docs[side], hit - text);
  for (guint i = 0; i < sentences->len; i++)
    {
      DiptychSpan span = g_array_index (sentences, DiptychSpan, i);

      if (span.start == offset)
        {
          *index = i;
          return TRUE;
        }
      if (diptych_span_contains (span, offset))
        {
          g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_INVALID,
                       "%s:%u: “%s” does not start a sentence of document %s; it is inside sentence %u",
                       gold->name, entry->line, prefix, diptych_side_to_string (side), i + 1);
          return FALSE;
        }
    }

  g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_INVALID,
               "%s:%u: “%s” is outside every sentence of document %s",
               gold->name, entry->line, prefix, diptych_side_to_string (side));
  return FALSE;
}

static gboolean
find_sentences (QualityGold  *gold,
                const Entry  *entry,
                DiptychSide   side,
                GArray       *indices,
                GError      **error)
{
  for (guint i = 0; i < entry->prefixes[side]->len; i++)
    {
      guint index;

      if (!find_sentence (gold, side, g_ptr_array_index (entry->prefixes[side], i),
                          &index, entry, error))
        return FALSE;
      g_array_append_val (indices, index);
    }

  return TRUE;
}

static guint *
content_prefix (DiptychDocument *doc)
{
  g_autofree gunichar *t = NULL;
  guint n = 0;
  guint *content;

  t = to_ucs4 (doc, &n);
  content = g_new (guint, n + 1);
  content[0] = 0;
  for (guint i = 0; i < n; i++)
    content[i + 1] = content[i] + (g_unichar_isspace (t[i]) ? 0 : 1);

  return content;
}

/* Merges a label into what a sentence already has; FALSE on a conflict. */
static gboolean
merge_label (guint8       *label,
             QualityLabel  add)
{
  gboolean is_link = *label == QUALITY_LABEL_LINKED || *label == QUALITY_LABEL_MAYBE;
  gboolean add_link = add == QUALITY_LABEL_LINKED || add == QUALITY_LABEL_MAYBE;

  if (*label == QUALITY_LABEL_NONE)
    *label = add;
  else if (is_link && add_link)
    *label = MIN (*label, (guint8) add);
  else if (*label != add)
    return FALSE;

  return TRUE;
}

static char *
sentence_excerpt (QualityGold *gold,
                  DiptychSide  side,
                  guint        index)
{
  DiptychSpan span = g_array_index (gold->sentences[side], DiptychSpan, index);
  g_autofree char *text = NULL;

  span.end = MIN (span.end, span.start + 60);
  text = diptych_document_dup_span (gold->docs[side], span);
  return g_strdup_printf ("%s %u “%s”", diptych_side_to_string (side), index + 1, text);
}

gboolean
quality_gold_bind (QualityGold      *gold,
                   DiptychDocument  *a,
                   DiptychDocument  *b,
                   GError          **error)
{
  g_return_val_if_fail (gold != NULL, FALSE);
  g_return_val_if_fail (DIPTYCH_IS_DOCUMENT (a) && DIPTYCH_IS_DOCUMENT (b), FALSE);
  g_return_val_if_fail (gold->docs[0] == NULL, FALSE);

  gold->docs[0] = g_object_ref (a);
  gold->docs[1] = g_object_ref (b);
  gold->sure = g_hash_table_new (NULL, NULL);
  gold->possible = g_hash_table_new (NULL, NULL);
  for (guint s = 0; s < DIPTYCH_N_SIDES; s++)
    {
      gold->sentences[s] = quality_segment (gold->docs[s]);
      gold->content[s] = content_prefix (gold->docs[s]);
      gold->labels[s] = g_new0 (guint8, gold->sentences[s]->len);
    }

  for (guint e = 0; e < gold->entries->len; e++)
    {
      const Entry *entry = g_ptr_array_index (gold->entries, e);
      g_autoptr(GArray) indices_a = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autoptr(GArray) indices_b = g_array_new (FALSE, FALSE, sizeof (guint));
      GArray *indices[DIPTYCH_N_SIDES] = { indices_a, indices_b };
      static const QualityLabel labels[] = {
        [ENTRY_LINK] = QUALITY_LABEL_LINKED,
        [ENTRY_MAYBE] = QUALITY_LABEL_MAYBE,
        [ENTRY_OMISSION] = QUALITY_LABEL_OMITTED,
        [ENTRY_IGNORE] = QUALITY_LABEL_IGNORED,
      };

      for (guint s = 0; s < DIPTYCH_N_SIDES; s++)
        {
          if (entry->prefixes[s] == NULL)
            continue;
          if (!find_sentences (gold, entry, s, indices[s], error))
            return FALSE;
          for (guint i = 0; i < indices[s]->len; i++)
            {
              guint index = g_array_index (indices[s], guint, i);

              if (!merge_label (&gold->labels[s][index], labels[entry->kind]))
                {
                  g_autofree char *excerpt = sentence_excerpt (gold, s, index);

                  g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_INVALID,
                               "%s:%u: sentence %s is labelled both as linked and as omitted or ignored",
                               gold->name, entry->line, excerpt);
                  return FALSE;
                }
            }
        }

      if (entry->kind != ENTRY_LINK && entry->kind != ENTRY_MAYBE)
        continue;
      for (guint i = 0; i < indices[0]->len; i++)
        for (guint j = 0; j < indices[1]->len; j++)
          {
            gpointer key = GUINT_TO_POINTER (pair_key (gold, g_array_index (indices[0], guint, i),
                                                       g_array_index (indices[1], guint, j)));

            g_hash_table_add (gold->possible, key);
            if (entry->kind == ENTRY_LINK)
              g_hash_table_add (gold->sure, key);
          }
    }

  for (guint s = 0; s < DIPTYCH_N_SIDES; s++)
    for (guint i = 0; i < gold->sentences[s]->len; i++)
      if (gold->labels[s][i] == QUALITY_LABEL_NONE)
        {
          g_autofree char *excerpt = sentence_excerpt (gold, s, i);

          g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_INVALID,
                       "%s: sentence %s has no label; add it to a link, an omission or an ignore line",
                       gold->name, excerpt);
          return FALSE;
        }

  return TRUE;
}

guint
quality_gold_get_n_sentences (QualityGold *gold,
                              DiptychSide  side)
{
  g_return_val_if_fail (gold->sentences[side] != NULL, 0);
  return gold->sentences[side]->len;
}

DiptychSpan
quality_gold_get_sentence (QualityGold *gold,
                           DiptychSide  side,
                           guint        index)
{
  g_return_val_if_fail (index < quality_gold_get_n_sentences (gold, side), DIPTYCH_SPAN_INIT (0, 0));
  return g_array_index (gold->sentences[side], DiptychSpan, index);
}

QualityLabel
quality_gold_get_label (QualityGold *gold,
                        DiptychSide  side,
                        guint        index)
{
  g_return_val_if_fail (index < quality_gold_get_n_sentences (gold, side), QUALITY_LABEL_NONE);
  return gold->labels[side][index];
}

/* ---- Scoring ------------------------------------------------------------ */

static guint
content_in (QualityGold *gold,
            DiptychSide  side,
            DiptychSpan  span)
{
  guint n = diptych_document_get_length (gold->docs[side]);
  guint start = MIN (span.start, n);
  guint end = MIN (span.end, n);

  return end > start ? gold->content[side][end] - gold->content[side][start] : 0;
}

/* A link covers a sentence when it overlaps at least half of it, or when
 * at least half of the link lies in it (a clause of a long sentence). A
 * few characters across a boundary do not count. */
static gboolean
span_covers (QualityGold *gold,
             DiptychSide  side,
             DiptychSpan  span,
             DiptychSpan  sentence)
{
  DiptychSpan common = DIPTYCH_SPAN_INIT (MAX (span.start, sentence.start),
                                          MIN (span.end, sentence.end));
  guint overlap = content_in (gold, side, common);

  if (overlap == 0)
    return FALSE;

  return 2 * overlap >= content_in (gold, side, sentence)
         || 2 * overlap >= content_in (gold, side, span);
}

/* Whether @link counts as covering sentence @index of @side. */
gboolean
quality_gold_link_covers (QualityGold *gold,
                          DiptychLink *link,
                          DiptychSide  side,
                          guint        index)
{
  g_return_val_if_fail (index < quality_gold_get_n_sentences (gold, side), FALSE);

  return span_covers (gold, side, diptych_link_get_span (link, side),
                      g_array_index (gold->sentences[side], DiptychSpan, index));
}

static void
add_error (GArray      *errors,
           gboolean     is_link,
           gboolean     missed,
           DiptychSide  side,
           guint        a,
           guint        b)
{
  QualityError error = { is_link, missed, side, a, b };

  if (errors != NULL)
    g_array_append_val (errors, error);
}

static void
score_links (QualityGold      *gold,
             DiptychAlignment *alignment,
             QualityCounts    *counts,
             GArray           *errors)
{
  guint n_a = gold->sentences[0]->len;
  guint n_b = gold->sentences[1]->len;
  g_autoptr(GHashTable) predicted = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) covered_a = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) covered_b = g_array_new (FALSE, FALSE, sizeof (guint));
  GArray *covered[DIPTYCH_N_SIDES] = { covered_a, covered_b };

  for (guint l = 0; l < diptych_alignment_get_n_links (alignment); l++)
    {
      DiptychLink *link = diptych_alignment_get_link (alignment, l);

      if (diptych_link_get_state (link) == DIPTYCH_STATE_REJECTED)
        continue;

      for (guint s = 0; s < DIPTYCH_N_SIDES; s++)
        {
          g_array_set_size (covered[s], 0);
          for (guint i = 0; i < gold->sentences[s]->len; i++)
            if (quality_gold_link_covers (gold, link, s, i))
              g_array_append_val (covered[s], i);
        }

      for (guint i = 0; i < covered[0]->len; i++)
        for (guint j = 0; j < covered[1]->len; j++)
          g_hash_table_add (predicted,
                            GUINT_TO_POINTER (pair_key (gold, g_array_index (covered[0], guint, i),
                                                        g_array_index (covered[1], guint, j))));
    }

  /* Walk the pairs in order so that --verbose lists them in order. */
  for (guint i = 0; i < n_a; i++)
    for (guint j = 0; j < n_b; j++)
      {
        gpointer key = GUINT_TO_POINTER (pair_key (gold, i, j));
        gboolean is_predicted = g_hash_table_contains (predicted, key);

        if (is_predicted && gold->labels[0][i] != QUALITY_LABEL_IGNORED
            && gold->labels[1][j] != QUALITY_LABEL_IGNORED)
          {
            counts->n_pred++;
            if (g_hash_table_contains (gold->possible, key))
              counts->n_pred_ok++;
            else
              add_error (errors, TRUE, FALSE, DIPTYCH_SIDE_A, i, j);
          }

        if (g_hash_table_contains (gold->sure, key))
          {
            counts->n_gold++;
            if (is_predicted)
              counts->n_gold_found++;
            else
              add_error (errors, TRUE, TRUE, DIPTYCH_SIDE_A, i, j);
          }
      }
}

static void
score_omissions (QualityGold      *gold,
                 DiptychAlignment *alignment,
                 QualityCounts    *counts,
                 GArray           *errors)
{
  for (guint s = 0; s < DIPTYCH_N_SIDES; s++)
    {
      guint n = diptych_document_get_length (gold->docs[s]);
      g_autofree guint8 *mask = g_new0 (guint8, n + 1);

      for (guint o = 0; o < diptych_alignment_get_n_omissions (alignment); o++)
        {
          DiptychOmission *omission = diptych_alignment_get_omission (alignment, o);
          DiptychSpan span = diptych_omission_get_span (omission);

          if (diptych_omission_get_side (omission) != s
              || diptych_omission_get_state (omission) == DIPTYCH_STATE_REJECTED)
            continue;
          for (guint c = span.start; c < MIN (span.end, n); c++)
            mask[c] = 1;
        }

      for (guint i = 0; i < gold->sentences[s]->len; i++)
        {
          DiptychSpan sentence = g_array_index (gold->sentences[s], DiptychSpan, i);
          QualityLabel label = gold->labels[s][i];
          guint omitted = 0;
          gboolean is_predicted;

          for (guint c = sentence.start; c < sentence.end; c++)
            if (mask[c])
              omitted += content_in (gold, s, DIPTYCH_SPAN_INIT (c, c + 1));
          is_predicted = 2 * omitted > content_in (gold, s, sentence);

          if (label == QUALITY_LABEL_IGNORED || label == QUALITY_LABEL_MAYBE)
            continue;
          if (is_predicted)
            {
              counts->n_pred++;
              if (label == QUALITY_LABEL_OMITTED)
                counts->n_pred_ok++;
              else
                add_error (errors, FALSE, FALSE, s, i, 0);
            }
          if (label == QUALITY_LABEL_OMITTED)
            {
              counts->n_gold++;
              if (is_predicted)
                counts->n_gold_found++;
              else
                add_error (errors, FALSE, TRUE, s, i, 0);
            }
        }
    }
}

/* Scores @alignment; @errors (of QualityError, may be NULL) receives the
 * missed and spurious links and omissions. */
void
quality_gold_score (QualityGold      *gold,
                    DiptychAlignment *alignment,
                    QualityScore     *score,
                    GArray           *errors)
{
  g_return_if_fail (gold != NULL && gold->docs[0] != NULL);
  g_return_if_fail (DIPTYCH_IS_ALIGNMENT (alignment));

  memset (score, 0, sizeof *score);
  score_links (gold, alignment, &score->links, errors);
  score_omissions (gold, alignment, &score->omissions, errors);
}

/* ---- Baselines ---------------------------------------------------------- */

/* Words of a sentence, case folded: runs of letters and digits. */
static GPtrArray *
sentence_words (QualityGold *gold,
                DiptychSide  side,
                guint        index)
{
  g_autofree char *text = diptych_document_dup_span (gold->docs[side],
                                                     quality_gold_get_sentence (gold, side, index));
  g_autofree char *folded = g_utf8_casefold (text, -1);
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  const char *p = folded;

  while (*p != '\0')
    {
      const char *start;

      while (*p != '\0' && !g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p != '\0' && g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p > start)
        g_ptr_array_add (words, g_strndup (start, p - start));
    }

  return words;
}

/* Sentences without a link become omissions, as diff shows them. */
static DiptychAlignment *
finish_baseline (QualityGold *gold,
                 gboolean    *linked[DIPTYCH_N_SIDES])
{
  DiptychAlignment *alignment = diptych_alignment_new (NULL);

  for (guint s = 0; s < DIPTYCH_N_SIDES; s++)
    for (guint i = 0; i < gold->sentences[s]->len; i++)
      {
        DiptychSpan span = quality_gold_get_sentence (gold, s, i);

        diptych_alignment_add_segment (alignment, s, span);
        if (!linked[s][i])
          {
            g_autoptr(DiptychOmission) omission = diptych_omission_new (s, span, DIPTYCH_STATE_AUTO);

            diptych_alignment_add_omission (alignment, omission);
          }
      }

  return alignment;
}

static void
add_sentence_link (QualityGold      *gold,
                   DiptychAlignment *alignment,
                   guint             a,
                   guint             b,
                   DiptychLinkKind   kind,
                   double            score)
{
  g_autoptr(DiptychLink) link = diptych_link_new (quality_gold_get_sentence (gold, DIPTYCH_SIDE_A, a),
                                                  quality_gold_get_sentence (gold, DIPTYCH_SIDE_B, b),
                                                  kind, score, DIPTYCH_STATE_AUTO);

  diptych_alignment_add_link (alignment, link);
}

DiptychAlignment *
quality_gold_to_alignment (QualityGold *gold)
{
  guint n_b = quality_gold_get_n_sentences (gold, DIPTYCH_SIDE_B);
  g_autofree gboolean *linked_a = g_new0 (gboolean, quality_gold_get_n_sentences (gold, DIPTYCH_SIDE_A));
  g_autofree gboolean *linked_b = g_new0 (gboolean, n_b);
  gboolean *linked[DIPTYCH_N_SIDES] = { linked_a, linked_b };
  DiptychAlignment *alignment;
  GHashTableIter iter;
  gpointer key;

  /* Only sentences labelled omitted become omissions. */
  for (guint s = 0; s < DIPTYCH_N_SIDES; s++)
    for (guint i = 0; i < gold->sentences[s]->len; i++)
      linked[s][i] = gold->labels[s][i] != QUALITY_LABEL_OMITTED;

  alignment = finish_baseline (gold, linked);
  g_hash_table_iter_init (&iter, gold->sure);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint pair = GPOINTER_TO_UINT (key) - 1;

      add_sentence_link (gold, alignment, pair / n_b, pair % n_b, DIPTYCH_LINK_REWORDED, 1.0);
    }

  return alignment;
}

/* What diff, Meld and difflib do at sentence level: the longest common
 * subsequence of sentences equal after case and punctuation folding. */
DiptychAlignment *
quality_baseline_diff (QualityGold *gold)
{
  guint n_a = quality_gold_get_n_sentences (gold, DIPTYCH_SIDE_A);
  guint n_b = quality_gold_get_n_sentences (gold, DIPTYCH_SIDE_B);
  g_autoptr(GPtrArray) keys_a = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) keys_b = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *keys[DIPTYCH_N_SIDES] = { keys_a, keys_b };
  g_autofree guint *lcs = g_new0 (guint, (n_a + 1) * (n_b + 1));
  g_autofree gboolean *linked_a = g_new0 (gboolean, n_a);
  g_autofree gboolean *linked_b = g_new0 (gboolean, n_b);
  gboolean *linked[DIPTYCH_N_SIDES] = { linked_a, linked_b };
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (guint));
  DiptychAlignment *alignment;
  guint i, j;

#define LCS(x, y) lcs[(x) * (n_b + 1) + (y)]

  for (guint s = 0; s < DIPTYCH_N_SIDES; s++)
    for (i = 0; i < gold->sentences[s]->len; i++)
      {
        g_autoptr(GPtrArray) words = sentence_words (gold, s, i);

        g_ptr_array_add (words, NULL);
        g_ptr_array_add (keys[s], g_strjoinv (" ", (char **) words->pdata));
      }

  for (i = n_a; i-- > 0;)
    for (j = n_b; j-- > 0;)
      LCS (i, j) = g_str_equal (keys[0]->pdata[i], keys[1]->pdata[j])
                   ? LCS (i + 1, j + 1) + 1
                   : MAX (LCS (i + 1, j), LCS (i, j + 1));

  for (i = 0, j = 0; i < n_a && j < n_b;)
    {
      if (g_str_equal (keys[0]->pdata[i], keys[1]->pdata[j]))
        {
          g_array_append_val (pairs, i);
          g_array_append_val (pairs, j);
          linked_a[i++] = TRUE;
          linked_b[j++] = TRUE;
        }
      else if (LCS (i + 1, j) >= LCS (i, j + 1))
        i++;
      else
        j++;
    }

#undef LCS

  alignment = finish_baseline (gold, linked);
  for (guint p = 0; p < pairs->len; p += 2)
    add_sentence_link (gold, alignment, g_array_index (pairs, guint, p),
                       g_array_index (pairs, guint, p + 1), DIPTYCH_LINK_IDENTICAL, 1.0);

  return alignment;
}

typedef struct
{
  GHashTable *weights;  /* word -> tf-idf weight, as double in a pointer-sized box */
  double      norm;
} Vector;

static void
vector_clear (Vector *vector)
{
  g_clear_pointer (&vector->weights, g_hash_table_unref);
}

static double
vector_cosine (const Vector *x,
               const Vector *y)
{
  GHashTableIter iter;
  gpointer word, weight;
  double dot = 0.0;

  if (x->norm <= 0.0 || y->norm <= 0.0)
    return 0.0;

  g_hash_table_iter_init (&iter, x->weights);
  while (g_hash_table_iter_next (&iter, &word, &weight))
    {
      double *other = g_hash_table_lookup (y->weights, word);

      if (other != NULL)
        dot += *(double *) weight * *other;
    }

  return dot / (x->norm * y->norm);
}

/* Bag of words: TF-IDF vectors (IDF over the sentences of both texts),
 * cosine similarity, and a link for each mutual best match at or above
 * @threshold. Order-free, but blind to synonyms and stems. */
DiptychAlignment *
quality_baseline_tfidf (QualityGold *gold,
                        double       threshold)
{
  guint n[DIPTYCH_N_SIDES] = {
    quality_gold_get_n_sentences (gold, DIPTYCH_SIDE_A),
    quality_gold_get_n_sentences (gold, DIPTYCH_SIDE_B),
  };
  g_autoptr(GHashTable) df = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree Vector *vectors_a = g_new0 (Vector, n[0]);
  g_autofree Vector *vectors_b = g_new0 (Vector, n[1]);
  Vector *vectors[DIPTYCH_N_SIDES] = { vectors_a, vectors_b };
  g_autofree int *best_a = g_new (int, n[0]);
  g_autofree int *best_b = g_new (int, n[1]);
  g_autofree double *best_a_score = g_new0 (double, n[0]);
  g_autofree double *best_b_score = g_new0 (double, n[1]);
  g_autofree gboolean *linked_a = g_new0 (gboolean, n[0]);
  g_autofree gboolean *linked_b = g_new0 (gboolean, n[1]);
  gboolean *linked[DIPTYCH_N_SIDES] = { linked_a, linked_b };
  DiptychAlignment *alignment;
  guint n_total = n[0] + n[1];

  /* Term counts per sentence first, document frequencies with them. */
  for (guint s = 0; s < DIPTYCH_N_SIDES; s++)
    for (guint i = 0; i < n[s]; i++)
      {
        g_autoptr(GPtrArray) words = sentence_words (gold, s, i);
        Vector *vector = &vectors[s][i];

        vector->weights = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
        for (guint w = 0; w < words->len; w++)
          {
            const char *word = g_ptr_array_index (words, w);
            double *tf = g_hash_table_lookup (vector->weights, word);

            if (tf == NULL)
              {
                tf = g_new0 (double, 1);
                g_hash_table_insert (vector->weights, g_strdup (word), tf);
                g_hash_table_insert (df, g_strdup (word),
                                     GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (df, word)) + 1));
              }
            *tf += 1.0;
          }
      }

  for (guint s = 0; s < DIPTYCH_N_SIDES; s++)
    for (guint i = 0; i < n[s]; i++)
      {
        GHashTableIter iter;
        gpointer word, weight;
        Vector *vector = &vectors[s][i];
        double sum = 0.0;

        g_hash_table_iter_init (&iter, vector->weights);
        while (g_hash_table_iter_next (&iter, &word, &weight))
          {
            guint count = GPOINTER_TO_UINT (g_hash_table_lookup (df, word));
            double idf = log ((1.0 + n_total) / (1.0 + count)) + 1.0;

            *(double *) weight *= idf;
            sum += *(double *) weight * *(double *) weight;
          }
        vector->norm = sqrt (sum);
      }

  for (guint i = 0; i < n[0]; i++)
    best_a[i] = -1;
  for (guint j = 0; j < n[1]; j++)
    best_b[j] = -1;
  for (guint i = 0; i < n[0]; i++)
    for (guint j = 0; j < n[1]; j++)
      {
        double cosine = vector_cosine (&vectors_a[i], &vectors_b[j]);

        if (cosine > best_a_score[i])
          {
            best_a_score[i] = cosine;
            best_a[i] = j;
          }
        if (cosine > best_b_score[j])
          {
            best_b_score[j] = cosine;
            best_b[j] = i;
          }
      }

  for (guint i = 0; i < n[0]; i++)
    if (best_a[i] >= 0 && best_b[best_a[i]] == (int) i && best_a_score[i] >= threshold)
      {
        linked_a[i] = TRUE;
        linked_b[best_a[i]] = TRUE;
      }

  alignment = finish_baseline (gold, linked);
  for (guint i = 0; i < n[0]; i++)
    if (linked_a[i])
      add_sentence_link (gold, alignment, i, best_a[i], DIPTYCH_LINK_REWORDED, best_a_score[i]);

  for (guint s = 0; s < DIPTYCH_N_SIDES; s++)
    for (guint i = 0; i < n[s]; i++)
      vector_clear (&vectors[s][i]);

  return alignment;
}
