/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "diptych-segment.h"

/* The text of segment i, for comparisons. */
static char *
segment_text (const char *text,
              GArray     *segments,
              guint       i)
{
  const DiptychSegment *s = &g_array_index (segments, DiptychSegment, i);
  const char *start = g_utf8_offset_to_pointer (text, s->span.start);
  const char *end = g_utf8_offset_to_pointer (text, s->span.end);

  /* Byte and code point offsets must agree. */
  g_assert_cmpuint (s->byte_start, ==, (gsize) (start - text));
  g_assert_cmpuint (s->byte_end, ==, (gsize) (end - text));
  return g_strndup (start, end - start);
}

static void
assert_segments (const char         *text,
                 DiptychGranularity  granularity,
                 const char * const *expected)
{
  g_autoptr(GArray) segments = diptych_segment_text (text, -1, granularity);
  guint n = g_strv_length ((char **) expected);

  for (guint i = 0; i < MIN (n, segments->len); i++)
    {
      g_autofree char *got = segment_text (text, segments, i);
      g_assert_cmpstr (got, ==, expected[i]);
    }
  g_assert_cmpuint (segments->len, ==, n);
}

static void
test_segment_abbreviations (void)
{
  const char *text =
    "Dr. Smith met U.S. officials in Washington. Donald J. Trump spoke about item No. 5 "
    "and a 3.5 percent rise, e.g. in prices. \xE2\x80\x9CWe agree.\xE2\x80\x9D Then he left... "
    "Mr. Jones stayed!";
  const char * const expected[] = {
    "Dr. Smith met U.S. officials in Washington.",
    "Donald J. Trump spoke about item No. 5 and a 3.5 percent rise, e.g. in prices.",
    "\xE2\x80\x9CWe agree.\xE2\x80\x9D",
    "Then he left...",
    "Mr. Jones stayed!",
    NULL
  };

  assert_segments (text, DIPTYCH_GRANULARITY_SENTENCE, expected);
}

static void
test_segment_paragraphs (void)
{
  const char *text = "  First one.\nSecond starts here and is\nwrapped over lines.\n\n\nThird.  \n";
  const char * const sentences[] = {
    "First one.", "Second starts here and is\nwrapped over lines.", "Third.", NULL
  };
  const char * const paragraphs[] = {
    "First one.", "Second starts here and is\nwrapped over lines.", "Third.", NULL
  };
  g_autoptr(GArray) segments = diptych_segment_text (text, -1, DIPTYCH_GRANULARITY_SENTENCE);

  assert_segments (text, DIPTYCH_GRANULARITY_SENTENCE, sentences);
  assert_segments (text, DIPTYCH_GRANULARITY_PARAGRAPH, paragraphs);
  /* Trimmed spans and paragraph numbers. */
  g_assert_cmpuint (g_array_index (segments, DiptychSegment, 0).span.start, ==, 2);
  g_assert_cmpuint (g_array_index (segments, DiptychSegment, 0).paragraph, ==, 0);
  g_assert_cmpuint (g_array_index (segments, DiptychSegment, 1).paragraph, ==, 1);
  g_assert_cmpuint (g_array_index (segments, DiptychSegment, 2).paragraph, ==, 2);
}

static void
test_segment_paragraph_granularity (void)
{
  const char *text = "One. Two.\nThree. Four.";
  const char * const expected[] = { "One. Two.", "Three. Four.", NULL };

  assert_segments (text, DIPTYCH_GRANULARITY_PARAGRAPH, expected);
}

static void
test_segment_clauses (void)
{
  const char *text =
    "The ministers agreed to open the border crossing next week; they also discussed the "
    "electricity supplies for the winter, which remain a concern for both countries.";
  const char * const expected[] = {
    "The ministers agreed to open the border crossing next week;",
    "they also discussed the electricity supplies for the winter,",
    "which remain a concern for both countries.",
    NULL
  };
  const char * const short_one[] = { "Yes; no.", NULL };

  assert_segments (text, DIPTYCH_GRANULARITY_CLAUSE, expected);
  /* Short sentences are not cut into scraps. */
  assert_segments ("Yes; no.", DIPTYCH_GRANULARITY_CLAUSE, short_one);
}

static void
test_segment_empty (void)
{
  const char * const none[] = { NULL };

  assert_segments ("", DIPTYCH_GRANULARITY_SENTENCE, none);
  assert_segments (" \n\t \n ", DIPTYCH_GRANULARITY_SENTENCE, none);
  assert_segments ("", DIPTYCH_GRANULARITY_CLAUSE, none);
  assert_segments ("\n\n", DIPTYCH_GRANULARITY_PARAGRAPH, none);
}

static void
test_segment_huge_sentence (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) segments = NULL;
  guint covered = 0;
  guint n_chars;

  /* 100,000 characters without any punctuation. */
  while (text->len < 100000)
    g_string_append (text, "word ");
  n_chars = g_utf8_strlen (text->str, -1);

  segments = diptych_segment_text (text->str, text->len, DIPTYCH_GRANULARITY_SENTENCE);
  g_assert_cmpuint (segments->len, >=, 100000 / DIPTYCH_SEGMENT_MAX_CHARS);
  for (guint i = 0; i < segments->len; i++)
    {
      const DiptychSegment *s = &g_array_index (segments, DiptychSegment, i);
      g_assert_cmpuint (diptych_span_length (s->span), <=, DIPTYCH_SEGMENT_MAX_CHARS);
      /* Cut at spaces: no word is split. */
      g_assert_true (text->str[s->byte_start] == 'w');
      g_assert_true (text->str[s->byte_end - 1] == 'd');
      if (i > 0)
        g_assert_cmpuint (s->span.start, >, g_array_index (segments, DiptychSegment, i - 1).span.end);
      covered += diptych_span_length (s->span);
    }
  /* Nothing lost but the spaces between the pieces. */
  g_assert_cmpuint (covered + segments->len, >=, n_chars - 1);
}

static void
test_segment_no_space_huge (void)
{
  g_autofree char *text = g_strnfill (5000, 'x');
  g_autoptr(GArray) segments = diptych_segment_text (text, -1, DIPTYCH_GRANULARITY_CLAUSE);

  g_assert_cmpuint (segments->len, ==, 3);
  g_assert_cmpuint (g_array_index (segments, DiptychSegment, 2).span.end, ==, 5000);
}

static void
test_segment_identical (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) segments = NULL;

  for (guint i = 0; i < 500; i++)
    g_string_append (text, "All is well. ");
  segments = diptych_segment_text (text->str, text->len, DIPTYCH_GRANULARITY_SENTENCE);
  g_assert_cmpuint (segments->len, ==, 500);
  g_assert_cmpuint (g_array_index (segments, DiptychSegment, 499).span.start, ==, 499 * 13);
}

static void
test_segment_cjk_rtl (void)
{
  const char * const cjk[] = {
    "\xE4\xBB\x8A\xE5\xA4\xA9\xE5\xA4\xA9\xE6\xB0\x94\xE5\xBE\x88\xE5\xA5\xBD\xE3\x80\x82",
    "\xE6\x88\x91\xE4\xBB\xAC\xE5\x8E\xBB\xE5\x85\xAC\xE5\x9B\xAD\xE5\x90\xA7\xEF\xBC\x81",
    "\xE4\xBD\xA0\xE6\x9D\xA5\xE5\x90\x97\xEF\xBC\x9F",
    NULL
  };
  g_autofree char *cjk_text = g_strjoinv ("", (char **) cjk);
  /* Arabic: "Welcome. How are you? I am fine." */
  const char * const arabic[] = {
    "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 \xD8\xA8\xD9\x83\xD9\x85.",
    "\xD9\x83\xD9\x8A\xD9\x81 \xD8\xAD\xD8\xA7\xD9\x84\xD9\x83\xD8\x9F",
    "\xD8\xA3\xD9\x86\xD8\xA7 \xD8\xA8\xD8\xAE\xD9\x8A\xD8\xB1.",
    NULL
  };
  g_autofree char *arabic_text = g_strjoinv (" ", (char **) arabic);
  /* Hebrew: "Shalom. Goodbye." */
  const char * const hebrew[] = {
    "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D.",
    "\xD7\x9C\xD7\x94\xD7\xAA\xD7\xA8\xD7\x90\xD7\x95\xD7\xAA.",
    NULL
  };
  g_autofree char *hebrew_text = g_strjoinv (" ", (char **) hebrew);

  assert_segments (cjk_text, DIPTYCH_GRANULARITY_SENTENCE, cjk);
  assert_segments (arabic_text, DIPTYCH_GRANULARITY_SENTENCE, arabic);
  assert_segments (hebrew_text, DIPTYCH_GRANULARITY_SENTENCE, hebrew);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/segment/abbreviations", test_segment_abbreviations);
  g_test_add_func ("/segment/paragraphs", test_segment_paragraphs);
  g_test_add_func ("/segment/paragraph-granularity", test_segment_paragraph_granularity);
  g_test_add_func ("/segment/clauses", test_segment_clauses);
  g_test_add_func ("/segment/empty", test_segment_empty);
  g_test_add_func ("/segment/huge-sentence", test_segment_huge_sentence);
  g_test_add_func ("/segment/no-space-huge", test_segment_no_space_huge);
  g_test_add_func ("/segment/identical", test_segment_identical);
  g_test_add_func ("/segment/cjk-rtl", test_segment_cjk_rtl);

  return g_test_run ();
}
