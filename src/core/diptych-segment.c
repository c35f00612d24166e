/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "diptych-segment"

#include "config.h"

#include <string.h>

#include "diptych-segment.h"

/* Segmentation works on one paragraph at a time, decoded into code
 * points with their byte offsets so that look-behind and look-ahead
 * (abbreviations, closing quotes) are plain index arithmetic. */
typedef struct
{
  gunichar c;
  gsize    byte;
} Char;

typedef struct
{
  const char *text;
  gsize       n_bytes;
  GArray     *out;
  guint       paragraph;
  /* The paragraph being segmented. */
  Char       *chars;
  guint       n_chars;
  guint       char_base;  /* code point offset of chars[0] in the text */
  gsize       byte_end;   /* byte offset just after the paragraph */
} Segmenter;

/* Words followed by a period that do not end a sentence. Lower case,
 * without the period. Single letters (initials) are handled apart. */
static const char * const abbreviations[] = {
  "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "col", "lt",
  "sgt", "capt", "cmdr", "adm", "gov", "sen", "rep", "pres", "amb", "hon",
  "rev", "fr", "messrs", "mme", "mlle", "inc", "ltd", "co", "corp", "dept",
  "univ", "assn", "bros", "vs", "etc", "cf", "al", "approx", "fig", "figs",
  "art", "para", "sec", "vol", "ch", "pp", "ed", "eds", "est", "mt", "ft",
  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
  "nov", "dec", "e.g", "i.e", "a.m", "p.m", "u.s", "u.k", "u.n", "e.u",
};

static gboolean
is_terminator (gunichar c)
{
  switch (c)
    {
    case '.': case '!': case '?':
    case 0x2026: /* … */
    case 0x203C: case 0x2047: case 0x2048: case 0x2049:
    case 0x061F: /* Arabic question mark */
    case 0x06D4: /* Arabic full stop */
    case 0x0964: case 0x0965: /* Devanagari danda */
    case 0x3002: case 0xFF01: case 0xFF1F: case 0xFF0E: /* 。！？． */
      return TRUE;
    default:
      return FALSE;
    }
}

/* Full-width terminators end a sentence without a following space. */
static gboolean
is_cjk_terminator (gunichar c)
{
  return c == 0x3002 || c == 0xFF01 || c == 0xFF1F;
}

static gboolean
is_closing (gunichar c)
{
  switch (c)
    {
    case '"': case '\'': case ')': case ']': case '}':
    case 0x2019: case 0x201D: case 0x00BB: case 0x203A:
    case 0x300D: case 0x300F: case 0xFF09: case 0x3011:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_abbreviation (const Char *chars,
                 guint       period)
{
  char word[16];
  guint start = period;
  guint len = 0;

  /* The letters and inner periods just before the period. */
  while (start > 0 && (g_unichar_isalpha (chars[start - 1].c) || chars[start - 1].c == '.'))
    start--;
  if (start == period)
    return FALSE;

  /* An initial: "J." in "Donald J. Trump", "U." in "U.S.". */
  if (period - start == 1)
    return g_unichar_isupper (chars[start].c);

  if (period - start >= sizeof word)
    return FALSE;

  for (guint i = start; i < period; i++)
    {
      gunichar c = g_unichar_tolower (chars[i].c);
      if (c >= 0x80)
        return FALSE;
      word[len++] = (char) c;
    }
  word[len] = '\0';

  /* Dotted acronyms of single letters: "U.S", "e.g", "D.C". */
  if (strchr (word, '.') != NULL)
    {
      gboolean dotted = TRUE;
      for (guint i = 0; i < len; i++)
        if ((i % 2 == 0) != (word[i] != '.'))
          dotted = FALSE;
      if (dotted)
        return TRUE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (abbreviations); i++)
    if (strcmp (word, abbreviations[i]) == 0)
      return TRUE;

  return FALSE;
}

static void
emit (Segmenter *seg,
      guint      start,
      guint      end)
{
  DiptychSegment s;

  while (start < end && g_unichar_isspace (seg->chars[start].c))
    start++;
  while (end > start && g_unichar_isspace (seg->chars[end - 1].c))
    end--;
  if (start == end)
    return;

  s.span.start = seg->char_base + start;
  s.span.end = seg->char_base + end;
  s.byte_start = seg->chars[start].byte;
  s.byte_end = end < seg->n_chars ? seg->chars[end].byte : seg->byte_end;
  s.paragraph = seg->paragraph;
  g_array_append_val (seg->out, s);
}

/* Emits [start,end), cut at spaces into pieces of at most max chars. */
static void
emit_capped (Segmenter *seg,
             guint      start,
             guint      end,
             guint      max)
{
  while (end - start > max)
    {
      guint cut = start + max;

      while (cut > start + max / 2 && !g_unichar_isspace (seg->chars[cut].c))
        cut--;
      if (cut == start + max / 2)
        cut = start + max;
      emit (seg, start, cut);
      start = cut;
    }
  emit (seg, start, end);
}

static gboolean
word_at (const Segmenter *seg,
         guint            pos,
         const char      *word)
{
  gsize len = strlen (word);

  if (pos + len > seg->n_chars)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (g_unichar_tolower (seg->chars[pos + i].c) != (gunichar) word[i])
      return FALSE;
  return pos + len == seg->n_chars || !g_unichar_isalnum (seg->chars[pos + len].c);
}

/* Clause boundaries inside a long sentence: after ";" and ":", before
 * ", and" / ", but" / ", which" ..., and around dashes. Pieces shorter
 * than a few words stay attached to their neighbour. */
#define CLAUSE_MIN_SENTENCE 80
#define CLAUSE_MIN_PIECE    25

static void
emit_clauses (Segmenter *seg,
              guint      start,
              guint      end)
{
  static const char * const conjunctions[] = {
    "and", "but", "which", "while", "whereas", "although", "though",
    "because", "including", "as well as", "so that", "where", "who",
  };
  guint piece = start;

  if (end - start < CLAUSE_MIN_SENTENCE)
    {
      emit_capped (seg, start, end, DIPTYCH_SEGMENT_MAX_CHARS);
      return;
    }

  for (guint i = start; i < end; i++)
    {
      gunichar c = seg->chars[i].c;
      guint cut = 0;

      if ((c == ';' || c == ':' || c == 0xFF1B || c == 0xFF1A)
          && i + 1 < end && g_unichar_isspace (seg->chars[i + 1].c))
        cut = i + 1;
      else if ((c == 0x2014 || c == 0x2013) && i > start && g_unichar_isspace (seg->chars[i - 1].c))
        cut = i;
      else if (c == ',' && i + 2 < end && g_unichar_isspace (seg->chars[i + 1].c))
        {
          for (guint k = 0; k < G_N_ELEMENTS (conjunctions); k++)
            if (word_at (seg, i + 2, conjunctions[k]))
              {
                cut = i + 1;
                break;
              }
        }

      if (cut != 0 && cut - piece >= CLAUSE_MIN_PIECE && end - cut >= CLAUSE_MIN_PIECE)
        {
          emit_capped (seg, piece, cut, DIPTYCH_SEGMENT_MAX_CHARS);
          piece = cut;
        }
    }
  emit_capped (seg, piece, end, DIPTYCH_SEGMENT_MAX_CHARS);
}

/* Whether the terminator at i, with its closing marks up to end, ends
 * the sentence: it must be followed by a space (or the end), and what
 * follows must not continue the sentence. */
static gboolean
ends_sentence (const Segmenter *seg,
               guint            i,
               guint            end,
               gboolean         single_period)
{
  guint next = end;
  gunichar n;

  if (end < seg->n_chars && !g_unichar_isspace (seg->chars[end].c))
    return FALSE;

  while (next < seg->n_chars && g_unichar_isspace (seg->chars[next].c))
    next++;
  if (next >= seg->n_chars)
    return TRUE;

  n = seg->chars[next].c;
  /* A lower-case continuation: "e.g. this", "… and then". */
  if (g_unichar_islower (n))
    return FALSE;
  if (single_period && end == i + 1 && is_abbreviation (seg->chars, i))
    return FALSE;
  /* "No. 5" */
  if (single_period && g_unichar_isdigit (n) && i >= 2
      && g_unichar_tolower (seg->chars[i - 2].c) == 'n'
      && g_unichar_tolower (seg->chars[i - 1].c) == 'o'
      && (i == 2 || !g_unichar_isalpha (seg->chars[i - 3].c)))
    return FALSE;
  return TRUE;
}

static void
segment_paragraph (Segmenter          *seg,
                   DiptychGranularity  granularity)
{
  guint start = 0;

  if (granularity == DIPTYCH_GRANULARITY_PARAGRAPH)
    {
      /* Very long paragraphs are cut too, so that one link never spans
       * a whole book. */
      emit_capped (seg, 0, seg->n_chars, 4 * DIPTYCH_SEGMENT_MAX_CHARS);
      return;
    }

  for (guint i = 0; i < seg->n_chars; i++)
    {
      gunichar c = seg->chars[i].c;
      guint end;
      gboolean single_period;

      if (!is_terminator (c))
        continue;

      /* Decimals and dotted names: "3.5", "example.org". */
      if (c == '.' && i + 1 < seg->n_chars && !g_unichar_isspace (seg->chars[i + 1].c)
          && !is_terminator (seg->chars[i + 1].c) && !is_closing (seg->chars[i + 1].c))
        continue;

      single_period = c == '.' && (i + 1 >= seg->n_chars || seg->chars[i + 1].c != '.')
                      && (i == 0 || seg->chars[i - 1].c != '.');

      end = i + 1;
      while (end < seg->n_chars && (is_terminator (seg->chars[end].c) || is_closing (seg->chars[end].c)))
        end++;

      if (!is_cjk_terminator (seg->chars[end - 1].c) && !is_cjk_terminator (c)
          && !ends_sentence (seg, i, end, single_period))
        {
          i = end - 1;
          continue;
        }

      if (granularity == DIPTYCH_GRANULARITY_CLAUSE)
        emit_clauses (seg, start, end);
      else
        emit_capped (seg, start, end, DIPTYCH_SEGMENT_MAX_CHARS);
      start = end;
      i = end - 1;
    }

  if (start < seg->n_chars)
    {
      if (granularity == DIPTYCH_GRANULARITY_CLAUSE)
        emit_clauses (seg, start, seg->n_chars);
      else
        emit_capped (seg, start, seg->n_chars, DIPTYCH_SEGMENT_MAX_CHARS);
    }
}

/* Splits the text into paragraphs: a blank line always ends one; a
 * single line break does too, unless it looks like a hard wrap inside
 * a sentence (no end punctuation before, lower case after). */
GArray *
diptych_segment_text (const char         *text,
                      gssize              n_bytes,
                      DiptychGranularity  granularity)
{
  Segmenter seg = { 0 };
  g_autoptr(GArray) chars = g_array_new (FALSE, FALSE, sizeof (Char));
  const char *p, *end;
  guint char_offset = 0;

  g_return_val_if_fail (text != NULL || n_bytes == 0, NULL);

  if (n_bytes < 0)
    n_bytes = text != NULL ? strlen (text) : 0;

  seg.text = text;
  seg.n_bytes = n_bytes;
  seg.out = g_array_new (FALSE, FALSE, sizeof (DiptychSegment));

  p = text;
  end = text + n_bytes;
  while (p < end)
    {
      guint para_start_char = char_offset;
      gboolean done = FALSE;

      g_array_set_size (chars, 0);
      while (p < end && !done)
        {
          Char ch;

          ch.c = g_utf8_get_char_validated (p, end - p);
          ch.byte = p - text;
          if (ch.c == (gunichar) -1 || ch.c == (gunichar) -2)
            {
              /* Invalid UTF-8 never reaches here through DiptychDocument;
               * count the byte as one replacement character. */
              ch.c = 0xFFFD;
              p++;
            }
          else
            p = g_utf8_next_char (p);
          char_offset++;
          g_array_append_val (chars, ch);

          if (ch.c == '\n')
            {
              const char *q = p;
              gunichar last = 0, first = 0;
              guint k = chars->len - 1;

              /* Blank line ahead? */
              while (q < end && (*q == ' ' || *q == '\t' || *q == '\r'))
                q++;
              if (q >= end || *q == '\n')
                {
                  done = TRUE;
                  break;
                }
              while (k > 0 && g_unichar_isspace (g_array_index (chars, Char, k).c))
                k--;
              last = g_array_index (chars, Char, k).c;
              first = g_utf8_get_char_validated (q, end - q);
              if (is_terminator (last) || is_closing (last) || last == ':'
                  || !g_unichar_islower (first))
                done = TRUE;
            }
          else if (ch.c == 0x2029) /* paragraph separator */
            done = TRUE;
        }

      seg.chars = (Char *) (gpointer) chars->data;
      seg.n_chars = chars->len;
      seg.char_base = para_start_char;
      seg.byte_end = p - text;

      /* Skip paragraphs of whitespace only. */
      for (guint i = 0; i < seg.n_chars; i++)
        if (!g_unichar_isspace (seg.chars[i].c))
          {
            guint before = seg.out->len;
            segment_paragraph (&seg, granularity);
            if (seg.out->len > before)
              seg.paragraph++;
            break;
          }
    }

  return seg.out;
}
