/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "diptych-normalize.h"

static GArray *
tokenize (DiptychNormalizer *n,
          const char        *text)
{
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (DiptychToken));

  diptych_normalizer_tokenize (n, text, 0, strlen (text), 0, tokens);
  return tokens;
}

static const DiptychToken *
token (GArray *tokens,
       guint   i)
{
  g_assert_cmpuint (i, <, tokens->len);
  return &g_array_index (tokens, DiptychToken, i);
}

static void
test_normalize_folding (void)
{
  g_autoptr(DiptychNormalizer) n = diptych_normalizer_new ();
  g_autoptr(GArray) tokens = tokenize (n, "Cease-fire ceasefire CEASEFIRE Russia\xE2\x80\x99s Russia's leaders\xE2\x80\x99 \xEF\xBC\xA1\xEF\xBC\xA2");

  g_assert_cmpuint (tokens->len, ==, 7);
  g_assert_cmpstr (token (tokens, 0)->norm, ==, "ceasefire");
  g_assert_cmpstr (token (tokens, 1)->norm, ==, "ceasefire");
  g_assert_cmpstr (token (tokens, 2)->norm, ==, "ceasefire");
  /* Interned: same strings are the same pointers. */
  g_assert_true (token (tokens, 0)->stem == token (tokens, 2)->stem);
  g_assert_cmpstr (token (tokens, 3)->norm, ==, "russia");
  g_assert_cmpstr (token (tokens, 4)->norm, ==, "russia");
  g_assert_cmpstr (token (tokens, 5)->norm, ==, "leaders");
  /* Full-width letters fold to ASCII (NFKC). */
  g_assert_cmpstr (token (tokens, 6)->norm, ==, "ab");
  g_assert_true (token (tokens, 0)->flags & DIPTYCH_TOKEN_CAPITALIZED);
  g_assert_true (token (tokens, 2)->flags & DIPTYCH_TOKEN_ACRONYM);
  g_assert_false (token (tokens, 1)->flags & DIPTYCH_TOKEN_CAPITALIZED);
}

static void
test_normalize_compounds (void)
{
  g_autoptr(DiptychNormalizer) n = diptych_normalizer_new ();
  g_autoptr(GArray) tokens = tokenize (n, "non-proliferation proliferation");
  gboolean found = FALSE;

  g_assert_cmpuint (tokens->len, ==, 2);
  g_assert_cmpstr (token (tokens, 0)->norm, ==, "nonproliferation");
  for (guint i = 0; i < DIPTYCH_TOKEN_MAX_PARTS && token (tokens, 0)->parts[i] != NULL; i++)
    if (token (tokens, 0)->parts[i] == token (tokens, 1)->stem)
      found = TRUE;
  g_assert_true (found);
}

static void
test_normalize_numbers (void)
{
  g_autoptr(DiptychNormalizer) n = diptych_normalizer_new ();
  g_autoptr(GArray) tokens = tokenize (n, "30-day thirty days thirty-five 1,000 3.5 19th 175");
  const DiptychToken *day = token (tokens, 0);

  g_assert_cmpuint (tokens->len, ==, 8);
  /* "30-day" holds the number 30 as a part: it meets "thirty". */
  g_assert_cmpstr (day->parts[0], ==, "30");
  g_assert_cmpstr (token (tokens, 1)->norm, ==, "30");
  g_assert_true (token (tokens, 1)->flags & DIPTYCH_TOKEN_NUMBER);
  g_assert_cmpstr (day->parts[1], ==, token (tokens, 2)->stem);
  g_assert_cmpstr (token (tokens, 3)->norm, ==, "35");
  g_assert_cmpstr (token (tokens, 4)->norm, ==, "1000");
  g_assert_cmpstr (token (tokens, 5)->norm, ==, "3.5");
  g_assert_cmpstr (token (tokens, 6)->norm, ==, "19");
  g_assert_cmpstr (token (tokens, 7)->norm, ==, "175");
  g_assert_true (token (tokens, 7)->flags & DIPTYCH_TOKEN_NUMBER);
}

static void
test_normalize_stems_stopwords (void)
{
  g_autoptr(DiptychNormalizer) n = diptych_normalizer_new ();
  g_autoptr(GArray) tokens = tokenize (n, "The negotiations negotiation U.S. mobilisation mobilization March");

  g_assert_cmpuint (tokens->len, ==, 7);
  g_assert_true (token (tokens, 0)->flags & DIPTYCH_TOKEN_STOPWORD);
  g_assert_false (token (tokens, 1)->flags & DIPTYCH_TOKEN_STOPWORD);
  g_assert_true (token (tokens, 1)->stem == token (tokens, 2)->stem);
  g_assert_cmpstr (token (tokens, 3)->norm, ==, "us");
  g_assert_true (token (tokens, 3)->flags & DIPTYCH_TOKEN_ACRONYM);
  g_assert_true (token (tokens, 4)->stem == token (tokens, 5)->stem);
  g_assert_true (token (tokens, 6)->flags & DIPTYCH_TOKEN_MONTH);
  g_assert_true (diptych_normalize_is_stopword ("and"));
  /* Function words that only place things in time say nothing about
   * what two passages share. */
  g_assert_true (diptych_normalize_is_stopword ("since"));
  g_assert_true (diptych_normalize_is_stopword ("although"));
  g_assert_false (diptych_normalize_is_stopword ("energy"));
  g_assert_cmpstr (diptych_normalizer_normalize_word (n, "Kyiv\xE2\x80\x99s"), ==, "kyiv");
}

static void
test_normalize_offsets (void)
{
  g_autoptr(DiptychNormalizer) n = diptych_normalizer_new ();
  /* "Élan — 😀 café." */
  const char *text = "\xC3\x89lan \xE2\x80\x94 \xF0\x9F\x98\x80 caf\xC3\xA9.";
  g_autoptr(GArray) tokens = g_array_new (FALSE, FALSE, sizeof (DiptychToken));

  /* Offsets are relative to where the range starts in the document. */
  diptych_normalizer_tokenize (n, text, 0, strlen (text), 100, tokens);
  g_assert_cmpuint (tokens->len, ==, 2);
  g_assert_cmpuint (token (tokens, 0)->start, ==, 100);
  g_assert_cmpuint (token (tokens, 0)->end, ==, 104);
  g_assert_cmpstr (token (tokens, 0)->norm, ==, "\xC3\xA9lan");
  g_assert_cmpuint (token (tokens, 1)->start, ==, 109);
  g_assert_cmpuint (token (tokens, 1)->end, ==, 113);
  g_assert_cmpuint (token (tokens, 1)->byte_start, ==, 15);
  g_assert_cmpuint (token (tokens, 1)->byte_end, ==, 20);
}

static void
test_normalize_cjk_rtl (void)
{
  g_autoptr(DiptychNormalizer) n = diptych_normalizer_new ();
  /* "天气很好。" : four ideographs, four tokens. */
  g_autoptr(GArray) cjk = tokenize (n, "\xE5\xA4\xA9\xE6\xB0\x94\xE5\xBE\x88\xE5\xA5\xBD\xE3\x80\x82");
  /* Arabic "مرحبا بكم" : two words. */
  g_autoptr(GArray) arabic = tokenize (n, "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 \xD8\xA8\xD9\x83\xD9\x85");
  g_autoptr(GArray) empty = tokenize (n, "  ... \xE2\x80\x94 !! ");

  g_assert_cmpuint (cjk->len, ==, 4);
  g_assert_true (token (cjk, 0)->flags & DIPTYCH_TOKEN_IDEOGRAPH);
  g_assert_cmpuint (token (cjk, 3)->end, ==, 4);
  g_assert_cmpuint (arabic->len, ==, 2);
  g_assert_cmpuint (token (arabic, 1)->start, ==, 6);
  g_assert_cmpuint (empty->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/normalize/folding", test_normalize_folding);
  g_test_add_func ("/normalize/compounds", test_normalize_compounds);
  g_test_add_func ("/normalize/numbers", test_normalize_numbers);
  g_test_add_func ("/normalize/stems-stopwords", test_normalize_stems_stopwords);
  g_test_add_func ("/normalize/offsets", test_normalize_offsets);
  g_test_add_func ("/normalize/cjk-rtl", test_normalize_cjk_rtl);

  return g_test_run ();
}
