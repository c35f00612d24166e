/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "diptych-lexicon.h"

static DiptychLexicon *
fixture_lexicon (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "wordnet", NULL);
  return diptych_lexicon_new (dir);
}

static GArray *
concepts_of (DiptychLexicon *lexicon,
             const char     *word)
{
  GArray *concepts = g_array_new (FALSE, FALSE, sizeof (DiptychConcept));

  diptych_lexicon_get_concepts (lexicon, word, concepts);
  return concepts;
}

static gboolean
share_concept (DiptychLexicon *lexicon,
               const char     *x,
               const char     *y)
{
  g_autoptr(GArray) cx = concepts_of (lexicon, x);
  g_autoptr(GArray) cy = concepts_of (lexicon, y);

  for (guint i = 0; i < cx->len; i++)
    for (guint j = 0; j < cy->len; j++)
      if (g_array_index (cx, DiptychConcept, i) == g_array_index (cy, DiptychConcept, j))
        return TRUE;
  return FALSE;
}

static void
test_lexicon_synonyms (void)
{
  g_autoptr(DiptychLexicon) lexicon = fixture_lexicon ();
  g_autoptr(GArray) unknown = NULL;

  g_assert_true (diptych_lexicon_has_wordnet (lexicon));
  /* Same synset. */
  g_assert_true (share_concept (lexicon, "lab", "laboratory"));
  /* Morphology: suffix rules and the exception list. */
  g_assert_true (share_concept (lexicon, "laboratories", "lab"));
  g_assert_true (share_concept (lexicon, "children", "kid"));
  /* Pertainym and derivation pointers. */
  g_assert_true (share_concept (lexicon, "economic", "economy"));
  g_assert_true (share_concept (lexicon, "peaceful", "peace"));
  g_assert_false (share_concept (lexicon, "peace", "economy"));
  g_assert_false (share_concept (lexicon, "lab", "child"));

  /* A derivation joins words, not synsets: "improve" -> "improver", but
   * the synonym of "improver", "humanitarian", only loosely. */
  g_assert_true (share_concept (lexicon, "improve", "improver"));
  g_assert_false (share_concept (lexicon, "improve", "humanitarian"));
  g_assert_true (share_concept (lexicon, "improver", "humanitarian"));
  {
    g_autoptr(GArray) improve = concepts_of (lexicon, "improve");
    g_autoptr(GArray) humanitarian = concepts_of (lexicon, "humanitarian");
    gboolean loose = FALSE;

    for (guint i = 0; i < improve->len; i++)
      for (guint j = 0; j < humanitarian->len; j++)
        if ((g_array_index (improve, DiptychConcept, i) & DIPTYCH_CONCEPT_LOOSE) != 0
            && (g_array_index (improve, DiptychConcept, i) & ~DIPTYCH_CONCEPT_LOOSE)
               == g_array_index (humanitarian, DiptychConcept, j))
          loose = TRUE;
    g_assert_true (loose);
  }

  /* A plural that is an entry of its own ("relations", dealings) is
   * also the plural of its singular, whose derived forms it reaches. */
  g_assert_true (share_concept (lexicon, "relations", "dealings"));
  g_assert_true (share_concept (lexicon, "relations", "relationship"));
  g_assert_false (share_concept (lexicon, "dealings", "relationship"));

  unknown = concepts_of (lexicon, "zyzzyva");
  g_assert_cmpuint (unknown->len, ==, 0);
}

static void
test_lexicon_frequency (void)
{
  g_autoptr(DiptychLexicon) lexicon = fixture_lexicon ();

  g_assert_cmpuint (diptych_lexicon_get_frequency (lexicon, "child"), ==, 90);
  g_assert_cmpuint (diptych_lexicon_get_frequency (lexicon, "children"), ==, 90);
  g_assert_cmpuint (diptych_lexicon_get_frequency (lexicon, "economy"), ==, 40);
  g_assert_cmpuint (diptych_lexicon_get_frequency (lexicon, "laboratory"), ==, 0);
}

static void
test_lexicon_aliases (void)
{
  g_autoptr(DiptychLexicon) lexicon = fixture_lexicon ();

  g_assert_cmpstr (diptych_lexicon_lookup_alias (lexicon, "kiev", FALSE), ==, "kyiv");
  g_assert_cmpstr (diptych_lexicon_lookup_alias (lexicon, "kyiv", FALSE), ==, "kyiv");
  g_assert_cmpstr (diptych_lexicon_lookup_alias (lexicon, "truce", FALSE), ==, "ceasefire");
  g_assert_cmpstr (diptych_lexicon_lookup_alias (lexicon, "middle east", FALSE), ==, "middle east");
  g_assert_cmpstr (diptych_lexicon_lookup_alias (lexicon, "me", TRUE), ==, "middle east");
  g_assert_cmpstr (diptych_lexicon_lookup_alias (lexicon, "united states of america", FALSE), ==, "united states");
  /* "us" is a pronoun unless written "US" or "U.S.". */
  g_assert_null (diptych_lexicon_lookup_alias (lexicon, "us", FALSE));
  g_assert_cmpstr (diptych_lexicon_lookup_alias (lexicon, "us", TRUE), ==, "united states");
  g_assert_null (diptych_lexicon_lookup_alias (lexicon, "energy", FALSE));
}

static void
test_lexicon_missing (void)
{
  g_autoptr(DiptychLexicon) lexicon = diptych_lexicon_new ("/nonexistent/wordnet");
  g_autoptr(GArray) concepts = concepts_of (lexicon, "laboratory");

  /* Without WordNet: no concepts, no frequencies, aliases still work. */
  g_assert_false (diptych_lexicon_has_wordnet (lexicon));
  g_assert_cmpuint (concepts->len, ==, 0);
  g_assert_cmpuint (diptych_lexicon_get_frequency (lexicon, "child"), ==, 0);
  g_assert_cmpstr (diptych_lexicon_lookup_alias (lexicon, "kiev", FALSE), ==, "kyiv");
  g_assert_cmpstr (diptych_lexicon_get_wordnet_dir (lexicon), ==, "/nonexistent/wordnet");
}

static gpointer
lookup_thread (gpointer data)
{
  DiptychLexicon *lexicon = data;

  for (guint i = 0; i < 200; i++)
    if (!share_concept (lexicon, "economic", "economy"))
      return GINT_TO_POINTER (FALSE);
  return GINT_TO_POINTER (TRUE);
}

static void
test_lexicon_threads (void)
{
  g_autoptr(DiptychLexicon) lexicon = fixture_lexicon ();
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("lexicon", lookup_thread, lexicon);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_assert_true (GPOINTER_TO_INT (g_thread_join (threads[i])));
}

static void
test_lexicon_default (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "wordnet", NULL);
  DiptychLexicon *first, *again;

  g_setenv ("DIPTYCH_WORDNET_DIR", dir, TRUE);
  first = diptych_lexicon_get_default ();
  again = diptych_lexicon_get_default ();
  g_assert_true (first == again);
  g_assert_cmpstr (diptych_lexicon_get_wordnet_dir (first), ==, dir);
  g_unsetenv ("DIPTYCH_WORDNET_DIR");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lexicon/synonyms", test_lexicon_synonyms);
  g_test_add_func ("/lexicon/frequency", test_lexicon_frequency);
  g_test_add_func ("/lexicon/aliases", test_lexicon_aliases);
  g_test_add_func ("/lexicon/missing", test_lexicon_missing);
  g_test_add_func ("/lexicon/default", test_lexicon_default);
  g_test_add_func ("/lexicon/threads", test_lexicon_threads);

  return g_test_run ();
}
