/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "diptych-core.h"

static DiptychDocument *
doc (const char *text)
{
  g_autoptr(GError) error = NULL;
  DiptychDocument *d = diptych_document_new (text, -1, "t", NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  return d;
}

static DiptychAlignment *
align (DiptychDocument *a,
       DiptychDocument *b)
{
  g_autoptr(GError) error = NULL;
  DiptychAlignment *alignment = diptych_align (a, b, NULL, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (alignment);
  return alignment;
}

/* The link whose A side starts with prefix, or NULL. */
static DiptychLink *
link_from (DiptychAlignment *alignment,
           DiptychDocument  *a,
           const char       *prefix,
           guint             nth)
{
  for (guint i = 0; i < diptych_alignment_get_n_links (alignment); i++)
    {
      DiptychLink *link = diptych_alignment_get_link (alignment, i);
      g_autofree char *text = diptych_document_dup_span (a, diptych_link_get_span (link, DIPTYCH_SIDE_A));

      if (g_str_has_prefix (text, prefix) && nth-- == 0)
        return link;
    }
  return NULL;
}

static gboolean
links_to (DiptychLink     *link,
          DiptychDocument *b,
          const char      *needle)
{
  g_autofree char *text = diptych_document_dup_span (b, diptych_link_get_span (link, DIPTYCH_SIDE_B));
  return strstr (text, needle) != NULL;
}

static gboolean
omitted (DiptychAlignment *alignment,
         DiptychSide       side,
         DiptychDocument  *document,
         const char       *prefix)
{
  for (guint i = 0; i < diptych_alignment_get_n_omissions (alignment); i++)
    {
      DiptychOmission *omission = diptych_alignment_get_omission (alignment, i);
      g_autofree char *text = diptych_document_dup_span (document, diptych_omission_get_span (omission));

      if (diptych_omission_get_side (omission) == side && g_str_has_prefix (text, prefix))
        return TRUE;
    }
  return FALSE;
}

static const char *sentences[] = {
  "The river flooded the northern villages on Monday night.",
  "Rescue teams evacuated four hundred residents by boat.",
  "The regional governor declared a state of emergency.",
  "Schools in the valley will stay closed until Friday.",
  "Engineers are inspecting the damaged railway bridge.",
  "Farmers fear that the harvest of apples is lost.",
};

static void
test_aligner_reordered (void)
{
  g_autofree char *ta = g_strjoinv (" ", (char **) (const char *[]) {
    sentences[0], sentences[1], sentences[2], sentences[3], sentences[4], sentences[5], NULL });
  g_autofree char *tb = g_strjoinv ("\n", (char **) (const char *[]) {
    sentences[4], sentences[2], sentences[5], sentences[0], sentences[3], sentences[1], NULL });
  g_autoptr(DiptychDocument) a = doc (ta);
  g_autoptr(DiptychDocument) b = doc (tb);
  g_autoptr(DiptychAlignment) alignment = align (a, b);
  guint n_segments;

  diptych_alignment_get_segments (alignment, DIPTYCH_SIDE_A, &n_segments);
  g_assert_cmpuint (n_segments, ==, 6);
  g_assert_cmpuint (diptych_alignment_get_n_links (alignment), ==, 6);
  g_assert_cmpuint (diptych_alignment_get_n_omissions (alignment), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (sentences); i++)
    {
      DiptychLink *link = link_from (alignment, a, sentences[i], 0);
      g_autofree char *text_b = NULL;

      g_assert_nonnull (link);
      text_b = diptych_document_dup_span (b, diptych_link_get_span (link, DIPTYCH_SIDE_B));
      g_assert_cmpstr (text_b, ==, sentences[i]);
      g_assert_cmpint (diptych_link_get_kind (link), ==, DIPTYCH_LINK_IDENTICAL);
      g_assert_cmpfloat (diptych_link_get_score (link), ==, 1.0);
      g_assert_cmpint (diptych_link_get_state (link), ==, DIPTYCH_STATE_AUTO);
      g_assert_true (diptych_link_has_word_ops (link));
    }
}

static void
test_aligner_reworded_omissions (void)
{
  g_autoptr(DiptychDocument) a = doc (
    "The truce in Kiev was agreed on Tuesday after long negotiations. "
    "The laboratory of the university will study the economic effects of the drought. "
    "Both ministers thanked the mediators from Norway.");
  g_autoptr(DiptychDocument) b = doc (
    "A research lab at the university is to examine how the drought hurts the economy. "
    "Fishermen protested in the harbour against the new quotas. "
    "After lengthy talks, a ceasefire for Kyiv was reached on Tuesday.");
  g_autoptr(DiptychAlignment) alignment = align (a, b);
  DiptychLink *truce = link_from (alignment, a, "The truce", 0);
  DiptychLink *lab = link_from (alignment, a, "The laboratory", 0);
  const char * const *terms;

  g_assert_nonnull (truce);
  g_assert_true (links_to (truce, b, "ceasefire for Kyiv"));
  g_assert_cmpint (diptych_link_get_kind (truce), !=, DIPTYCH_LINK_IDENTICAL);
  terms = diptych_link_get_shared_terms (truce);
  g_assert_nonnull (terms);
  g_assert_true (g_strv_contains (terms, "truce/ceasefire"));
  g_assert_true (g_strv_contains (terms, "tuesday"));
  g_assert_cmpfloat (diptych_link_get_score (truce), >, 0.0);
  g_assert_cmpfloat (diptych_link_get_score (truce), <=, 1.0);

  g_assert_nonnull (lab);
  g_assert_true (links_to (lab, b, "research lab"));

  g_assert_true (omitted (alignment, DIPTYCH_SIDE_A, a, "Both ministers"));
  g_assert_true (omitted (alignment, DIPTYCH_SIDE_B, b, "Fishermen protested"));
  g_assert_cmpuint (diptych_alignment_get_n_omissions (alignment), ==, 2);
}

static void
test_aligner_partial (void)
{
  g_autoptr(DiptychDocument) a = doc (
    "The governor announced new flood barriers along the river and a tax rebate for farmers.");
  g_autoptr(DiptychDocument) b = doc (
    "New flood barriers will be built along the river, the governor announced.");
  g_autoptr(DiptychAlignment) alignment = align (a, b);
  DiptychLink *link = link_from (alignment, a, "The governor", 0);
  const DiptychSpan *uncovered;
  guint n_uncovered;
  g_autofree char *text = NULL;

  g_assert_nonnull (link);
  g_assert_cmpint (diptych_link_get_kind (link), ==, DIPTYCH_LINK_PARTIAL);
  uncovered = diptych_link_get_uncovered (link, DIPTYCH_SIDE_A, &n_uncovered);
  g_assert_cmpuint (n_uncovered, ==, 1);
  text = diptych_document_dup_span (a, uncovered[0]);
  g_assert_cmpstr (text, ==, "tax rebate for farmers");
}

static void
test_aligner_kinds (void)
{
  /* A word changed here and there leaves the same content told in
   * other words (reworded); a clause the other side does not tell makes
   * the link partial; the same words make it identical. */
  g_autoptr(DiptychDocument) a = doc (
    "Governor Alma Reyes said the dam would protect three towns that share a valley, a road and a language.\n"
    "Engineers are inspecting the damaged railway bridge.\n"
    "The governor announced new flood barriers along the river and a tax rebate for farmers.");
  g_autoptr(DiptychDocument) b = doc (
    "The dam will shield three villages that have shared a valley, a road and an old language, the governor said.\n"
    "Engineers are inspecting the damaged railway bridge.\n"
    "New flood barriers will be built along the river, the governor announced.");
  g_autoptr(DiptychAlignment) alignment = align (a, b);
  DiptychLink *reworded = link_from (alignment, a, "Governor Alma", 0);
  DiptychLink *identical = link_from (alignment, a, "Engineers", 0);
  DiptychLink *partial = link_from (alignment, a, "The governor", 0);

  g_assert_nonnull (reworded);
  g_assert_true (links_to (reworded, b, "will shield"));
  g_assert_cmpint (diptych_link_get_kind (reworded), ==, DIPTYCH_LINK_REWORDED);
  g_assert_nonnull (identical);
  g_assert_cmpint (diptych_link_get_kind (identical), ==, DIPTYCH_LINK_IDENTICAL);
  g_assert_nonnull (partial);
  g_assert_cmpint (diptych_link_get_kind (partial), ==, DIPTYCH_LINK_PARTIAL);
}

static void
test_aligner_one_to_many (void)
{
  /* One summary sentence, told in two places of the other text. */
  g_autoptr(DiptychDocument) a = doc (
    "The ministers discussed the hydroelectric dam on the Dnistra and the railway to Porto Vell.\n"
    "The weather was cold.");
  g_autoptr(DiptychDocument) b = doc (
    "The hydroelectric dam on the Dnistra needs urgent repairs, the ministers said.\n"
    "Journalists waited outside for hours.\n"
    "The railway to Porto Vell will be finished.");
  g_autoptr(DiptychAlignment) alignment = align (a, b);
  DiptychLink *first = link_from (alignment, a, "The ministers", 0);
  DiptychLink *second = link_from (alignment, a, "The ministers", 1);

  g_assert_nonnull (first);
  g_assert_nonnull (second);
  g_assert_true (links_to (first, b, "hydroelectric dam") || links_to (second, b, "hydroelectric dam"));
  g_assert_true (links_to (first, b, "railway") || links_to (second, b, "railway"));
  g_assert_false (links_to (first, b, "Journalists"));
  g_assert_true (omitted (alignment, DIPTYCH_SIDE_B, b, "Journalists"));
  g_assert_true (omitted (alignment, DIPTYCH_SIDE_A, a, "The weather"));
}

static void
test_aligner_one_to_many_needs_substance (void)
{
  /* A passage already linked does not take a second link through the
   * name it shares with an unrelated passage. */
  g_autoptr(DiptychDocument) a = doc (
    "President Ilvar met Chancellor Brenna in Tolsk to discuss the gas pipeline across the Varn mountains.\n"
    "The weather in the capital was cold and grey.");
  g_autoptr(DiptychDocument) b = doc (
    "Chancellor Brenna received President Ilvar for talks on the gas pipeline.\n"
    "Later the Chancellor toured Tolsk.");
  g_autoptr(DiptychAlignment) alignment = align (a, b);
  DiptychLink *first = link_from (alignment, a, "President Ilvar", 0);

  g_assert_nonnull (first);
  g_assert_true (links_to (first, b, "gas pipeline"));
  g_assert_false (links_to (first, b, "cathedral"));
  g_assert_null (link_from (alignment, a, "President Ilvar", 1));
  g_assert_true (omitted (alignment, DIPTYCH_SIDE_B, b, "Later the Chancellor"));
  g_assert_true (omitted (alignment, DIPTYCH_SIDE_A, a, "The weather"));
}

static void
test_aligner_one_to_many_supported (void)
{
  /* A passage that restates what another passage of its side says, in
   * words found all through the texts, joins that passage's link when
   * its neighbours are linked too: here the passages on the two
   * countries' ties, next to the linked passages on railway projects. */
  g_autoptr(DiptychDocument) a = doc (
    "Arvenia and Seldan want stronger bilateral ties, President Keller of Arvenia stressed.\n"
    "Keller thanked Seldan for the grain shipments.\n"
    "The bilateral ties between Arvenia and Seldan were stressed.\n"
    "This includes new railway projects.");
  g_autoptr(DiptychDocument) b = doc (
    "Seldan and Arvenia seek stronger bilateral ties, Prime Minister Haddad of Seldan stressed.\n"
    "Railway projects will strengthen ties between the two countries.\n"
    "Haddad welcomed the grain shipments from Arvenia, a sign of good ties.");
  g_autoptr(DiptychAlignment) alignment = align (a, b);
  DiptychLink *restated = link_from (alignment, a, "The bilateral ties", 0);

  g_assert_nonnull (link_from (alignment, a, "Arvenia and Seldan want", 0));
  g_assert_nonnull (restated);
  g_assert_true (links_to (restated, b, "Seldan and Arvenia seek"));
  g_assert_false (omitted (alignment, DIPTYCH_SIDE_A, a, "The bilateral ties"));
  g_assert_true (links_to (link_from (alignment, a, "This includes", 0), b, "Railway projects"));
  g_assert_true (links_to (link_from (alignment, a, "Keller thanked", 0), b, "grain shipments"));
}

static void
test_aligner_one_to_many_restated (void)
{
  /* Without a linked neighbour, a passage that says again what the
   * first passage of its side says ("prosperity" too) joins that
   * passage's link; sharing with it only the words both share with the
   * other side is no new evidence. */
  const char *text_b =
    "Seldan and Arvenia seek stronger bilateral ties, Prime Minister Haddad of Seldan stressed.\n"
    "Railway projects will strengthen ties between the two countries.\n"
    "Haddad welcomed the grain shipments from Arvenia, a sign of good ties.";
  const char *rest_a =
    "Keller thanked Seldan for the grain shipments.\n"
    "Storms hit the northern coast.\n"
    "Arvenia and Seldan stressed bilateral ties and prosperity.";
  g_autofree char *text_a = g_strconcat (
    "Arvenia and Seldan want stronger bilateral ties for their prosperity, President Keller of Arvenia stressed.\n",
    rest_a, NULL);
  g_autofree char *text_a2 = g_strconcat (
    "Arvenia and Seldan want stronger bilateral ties, President Keller of Arvenia stressed.\n",
    rest_a, NULL);
  g_autoptr(DiptychDocument) a = doc (text_a);
  g_autoptr(DiptychDocument) a2 = doc (text_a2);
  g_autoptr(DiptychDocument) b = doc (text_b);
  g_autoptr(DiptychAlignment) alignment = align (a, b);
  g_autoptr(DiptychAlignment) alignment2 = align (a2, b);
  DiptychLink *restated = link_from (alignment, a, "Arvenia and Seldan stressed", 0);

  g_assert_true (links_to (link_from (alignment, a, "Arvenia and Seldan want", 0), b, "Seldan and Arvenia seek"));
  g_assert_nonnull (restated);
  g_assert_true (links_to (restated, b, "Seldan and Arvenia seek"));
  g_assert_true (omitted (alignment, DIPTYCH_SIDE_A, a, "Storms hit"));
  g_assert_true (omitted (alignment, DIPTYCH_SIDE_B, b, "Railway projects"));

  g_assert_true (links_to (link_from (alignment2, a2, "Arvenia and Seldan want", 0), b, "Seldan and Arvenia seek"));
  g_assert_null (link_from (alignment2, a2, "Arvenia and Seldan stressed", 0));
  g_assert_true (omitted (alignment2, DIPTYCH_SIDE_A, a2, "Arvenia and Seldan stressed"));
}

static void
test_aligner_boilerplate (void)
{
  /* Next to a link, two passages sharing only the words with which
   * readouts report anything ("the leaders discussed") stay apart. */
  g_autoptr(DiptychDocument) a = doc (
    "Chancellor Holt received President Raducan in Feldstadt for talks on security.\n"
    "The leaders also discussed migration across the Mediterranean.");
  g_autoptr(DiptychDocument) b = doc (
    "President Raducan paid a visit to Feldstadt for talks with Chancellor Holt on security.\n"
    "The two leaders discussed the energy situation ahead of winter.");
  g_autoptr(DiptychAlignment) alignment = align (a, b);
  DiptychLink *first = link_from (alignment, a, "Chancellor Holt", 0);

  g_assert_nonnull (first);
  g_assert_true (links_to (first, b, "President Raducan paid"));
  g_assert_false (links_to (first, b, "energy"));
  g_assert_null (link_from (alignment, a, "The leaders", 0));
  g_assert_true (omitted (alignment, DIPTYCH_SIDE_A, a, "The leaders"));
  g_assert_true (omitted (alignment, DIPTYCH_SIDE_B, b, "The two leaders"));
}

static void
test_aligner_topic_words (void)
{
  /* Names found all through both texts are their topic: two passages
   * sharing only them, even next to a link, say different things. */
  g_autoptr(DiptychDocument) a = doc (
    "President Morozov of Vostara spoke with Prime Minister Solberg of Norland about the gas pipeline.\n"
    "Norland will send doctors to the border hospitals of Vostara.\n"
    "Vostara and Norland signed a fishing quota deal.");
  g_autoptr(DiptychDocument) b = doc (
    "Prime Minister Solberg of Norland and President Morozov of Vostara talked about the gas pipeline.\n"
    "Doctors from Norland will work in the border hospitals of Vostara.\n"
    "Norland thanked Vostara for the orchestra tour.");
  g_autoptr(DiptychAlignment) alignment = align (a, b);
  DiptychLink *doctors = link_from (alignment, a, "Norland will send", 0);

  g_assert_nonnull (link_from (alignment, a, "President Morozov", 0));
  g_assert_nonnull (doctors);
  g_assert_true (links_to (doctors, b, "Doctors from Norland"));
  g_assert_false (links_to (doctors, b, "orchestra"));
  g_assert_null (link_from (alignment, a, "Vostara and Norland", 0));
  g_assert_true (omitted (alignment, DIPTYCH_SIDE_A, a, "Vostara and Norland"));
  g_assert_true (omitted (alignment, DIPTYCH_SIDE_B, b, "Norland thanked"));
}

static void
test_aligner_shared_name (void)
{
  /* Next to a link, a place named on both sides is not enough to say
   * that two passages tell the same. */
  g_autoptr(DiptychDocument) a = doc (
    "Chancellor Holt received President Raducan in Feldstadt for talks on security.\n"
    "Fishermen from Lemos.");
  g_autoptr(DiptychDocument) b = doc (
    "President Raducan paid a visit to Feldstadt for talks with Chancellor Holt on security.\n"
    "Lemos schools reopened.");
  g_autoptr(DiptychAlignment) alignment = align (a, b);

  g_assert_nonnull (link_from (alignment, a, "Chancellor Holt", 0));
  g_assert_null (link_from (alignment, a, "Fishermen from", 0));
  g_assert_true (omitted (alignment, DIPTYCH_SIDE_A, a, "Fishermen from"));
  g_assert_true (omitted (alignment, DIPTYCH_SIDE_B, b, "Lemos schools"));
}

static void
test_aligner_name_and_synonym (void)
{
  /* Next to a link, a shared name and a loose synonym without one
   * content word in common do not make a link; a function word such as
   * "since" does not either. */
  g_autoptr(DiptychDocument) a = doc (
    "Chancellor Holt received President Raducan in Feldstadt for talks on security.\n"
    "Lemos children cheered loudly outside.\n"
    "Members lost pay since 2021.");
  g_autoptr(DiptychDocument) b = doc (
    "President Raducan paid a visit to Feldstadt for talks with Chancellor Holt on security.\n"
    "Lemos kids protested against tariffs.\n"
    "Northline bought trains since 2022.");
  g_autoptr(DiptychAlignment) alignment = align (a, b);

  g_assert_nonnull (link_from (alignment, a, "Chancellor Holt", 0));
  g_assert_null (link_from (alignment, a, "Lemos children", 0));
  g_assert_true (omitted (alignment, DIPTYCH_SIDE_A, a, "Lemos children"));
  g_assert_true (omitted (alignment, DIPTYCH_SIDE_B, b, "Lemos kids"));
  g_assert_null (link_from (alignment, a, "Members have", 0));
  g_assert_true (omitted (alignment, DIPTYCH_SIDE_B, b, "Northline bought"));
}

static void
test_aligner_same_twice (void)
{
  /* One side tells the same thing twice: both passages link to it, the
   * second is no omission even though it adds nothing new. */
  g_autoptr(DiptychDocument) a = doc (
    "The leaders condemned the missile strike on the harbour of Velka.\n"
    "The weather was cold.");
  g_autoptr(DiptychDocument) b = doc (
    "The missile strike on the harbour of Velka was condemned by the leaders.\n"
    "Journalists waited outside for hours.\n"
    "Once again the strike on Velka harbour was condemned.");
  g_autoptr(DiptychAlignment) alignment = align (a, b);
  DiptychLink *first = link_from (alignment, a, "The leaders", 0);
  DiptychLink *second = link_from (alignment, a, "The leaders", 1);

  g_assert_nonnull (first);
  g_assert_nonnull (second);
  g_assert_true (links_to (first, b, "The missile") || links_to (second, b, "The missile"));
  g_assert_true (links_to (first, b, "Once again") || links_to (second, b, "Once again"));
  g_assert_true (omitted (alignment, DIPTYCH_SIDE_B, b, "Journalists"));
  g_assert_false (omitted (alignment, DIPTYCH_SIDE_B, b, "Once again"));
}

static void
test_aligner_merge (void)
{
  /* Two sentences of A say what one sentence of B says: one 2:1 link. */
  g_autoptr(DiptychDocument) a = doc (
    "The bridge over the Selva river was opened by the mayor. It cost twelve million euros.\n"
    "Unrelated sentence about the weather in the mountains.");
  g_autoptr(DiptychDocument) b = doc (
    "The mayor opened the Selva river bridge, which cost 12 million euros.");
  g_autoptr(DiptychAlignment) alignment = align (a, b);
  DiptychLink *link = link_from (alignment, a, "The bridge", 0);
  g_autofree char *text = NULL;

  g_assert_nonnull (link);
  text = diptych_document_dup_span (a, diptych_link_get_span (link, DIPTYCH_SIDE_A));
  g_assert_cmpstr (text, ==, "The bridge over the Selva river was opened by the mayor. It cost twelve million euros.");
  g_assert_cmpuint (diptych_alignment_get_n_links (alignment), ==, 1);
}

static void
test_aligner_merge_full (void)
{
  /* A long sentence of A told in full by the second sentence of B
   * (score 1 already) and partly by the first, in words found all
   * through the texts: the first joins the link, since it tells words
   * of A that the second does not ("Sunday", "Kesh"). */
  g_autoptr(DiptychDocument) a = doc (
    "Late on Sunday a Norlandic trawler and a Vostaran corvette sailed within 30 metres of each other off Kesh.\n"
    "The corvette had warned the trawler by radio.\n"
    "Norland will protest to Vostara about the corvette.");
  g_autoptr(DiptychDocument) b = doc (
    "On Sunday evening the corvette was provoked off Kesh. "
    "A Norlandic trawler sailed within 30 metres of the Vostaran corvette.\n"
    "The trawler ignored the radio warnings of the corvette.\n"
    "The harbour of Tarvik stays open.");
  g_autoptr(DiptychAlignment) alignment = align (a, b);
  DiptychLink *link = link_from (alignment, a, "Late on Sunday", 0);
  g_autofree char *text = NULL;

  g_assert_nonnull (link);
  text = diptych_document_dup_span (b, diptych_link_get_span (link, DIPTYCH_SIDE_B));
  g_assert_cmpstr (text, ==, "On Sunday evening the corvette was provoked off Kesh. "
                   "A Norlandic trawler sailed within 30 metres of the Vostaran corvette.");
  g_assert_false (omitted (alignment, DIPTYCH_SIDE_B, b, "On Sunday evening"));
  g_assert_true (omitted (alignment, DIPTYCH_SIDE_B, b, "The harbour of Tarvik"));
  g_assert_true (omitted (alignment, DIPTYCH_SIDE_A, a, "Norland will protest"));
}

static void
test_aligner_hostile (void)
{
  g_autoptr(DiptychDocument) empty = doc ("");
  g_autoptr(DiptychDocument) blank = doc ("  \n\n \t ");
  g_autoptr(DiptychDocument) text = doc ("Something happened today in the capital.");
  g_autoptr(GString) huge = g_string_new (NULL);
  g_autoptr(GString) same = g_string_new (NULL);
  g_autoptr(DiptychDocument) huge_doc = NULL;
  g_autoptr(DiptychDocument) same_doc = NULL;
  g_autoptr(DiptychAlignment) r1 = NULL;
  g_autoptr(DiptychAlignment) r2 = NULL;
  g_autoptr(DiptychAlignment) r3 = NULL;
  g_autoptr(DiptychAlignment) r4 = NULL;
  g_autoptr(DiptychAlignment) r5 = NULL;
  guint n;

  r1 = align (empty, empty);
  g_assert_cmpuint (diptych_alignment_get_n_links (r1), ==, 0);
  g_assert_cmpuint (diptych_alignment_get_n_omissions (r1), ==, 0);

  r2 = align (blank, text);
  g_assert_cmpuint (diptych_alignment_get_n_links (r2), ==, 0);
  g_assert_cmpuint (diptych_alignment_get_n_omissions (r2), ==, 1);

  /* One huge sentence without punctuation, against itself. */
  for (guint i = 0; huge->len < 50000; i++)
    g_string_append_printf (huge, "word%u and more ", i % 997);
  huge_doc = doc (huge->str);
  r3 = align (huge_doc, huge_doc);
  diptych_alignment_get_segments (r3, DIPTYCH_SIDE_A, &n);
  g_assert_cmpuint (n, >=, 25);
  g_assert_cmpuint (diptych_alignment_get_n_links (r3), >=, n / 2);

  /* Every sentence identical. */
  for (guint i = 0; i < 300; i++)
    g_string_append (same, "We agreed. ");
  same_doc = doc (same->str);
  r4 = align (same_doc, text);
  g_assert_cmpuint (diptych_alignment_get_n_links (r4), ==, 0);
  r5 = align (same_doc, same_doc);
  g_assert_cmpuint (diptych_alignment_get_n_links (r5), >, 0);
  g_assert_cmpuint (diptych_alignment_get_n_links (r5), <=, 300 * 6);
}

static void
test_aligner_cjk_rtl (void)
{
  /* Arabic: "The minister visited the city. The talks continued." (twice, reordered). */
  g_autoptr(DiptychDocument) a = doc (
    "\xD8\xB2\xD8\xA7\xD8\xB1 \xD8\xA7\xD9\x84\xD9\x88\xD8\xB2\xD9\x8A\xD8\xB1 \xD8\xA7\xD9\x84\xD9\x85\xD8\xAF\xD9\x8A\xD9\x86\xD8\xA9. "
    "\xD8\xA7\xD8\xB3\xD8\xAA\xD9\x85\xD8\xB1\xD8\xAA \xD8\xA7\xD9\x84\xD9\x85\xD8\xAD\xD8\xA7\xD8\xAF\xD8\xAB\xD8\xA7\xD8\xAA.");
  g_autoptr(DiptychDocument) b = doc (
    "\xD8\xA7\xD8\xB3\xD8\xAA\xD9\x85\xD8\xB1\xD8\xAA \xD8\xA7\xD9\x84\xD9\x85\xD8\xAD\xD8\xA7\xD8\xAF\xD8\xAB\xD8\xA7\xD8\xAA. "
    "\xD8\xB2\xD8\xA7\xD8\xB1 \xD8\xA7\xD9\x84\xD9\x88\xD8\xB2\xD9\x8A\xD8\xB1 \xD8\xA7\xD9\x84\xD9\x85\xD8\xAF\xD9\x8A\xD9\x86\xD8\xA9.");
  /* Chinese: "The weather is good today. We go to the park." and the reverse order. */
  g_autoptr(DiptychDocument) c = doc ("\xE4\xBB\x8A\xE5\xA4\xA9\xE5\xA4\xA9\xE6\xB0\x94\xE5\xBE\x88\xE5\xA5\xBD\xE3\x80\x82\xE6\x88\x91\xE4\xBB\xAC\xE5\x8E\xBB\xE5\x85\xAC\xE5\x9B\xAD\xE3\x80\x82");
  g_autoptr(DiptychDocument) d = doc ("\xE6\x88\x91\xE4\xBB\xAC\xE5\x8E\xBB\xE5\x85\xAC\xE5\x9B\xAD\xE3\x80\x82\xE4\xBB\x8A\xE5\xA4\xA9\xE5\xA4\xA9\xE6\xB0\x94\xE5\xBE\x88\xE5\xA5\xBD\xE3\x80\x82");
  g_autoptr(DiptychAlignment) rtl = align (a, b);
  g_autoptr(DiptychAlignment) cjk = align (c, d);

  g_assert_cmpuint (diptych_alignment_get_n_links (rtl), ==, 2);
  g_assert_cmpuint (diptych_alignment_get_n_links (cjk), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      DiptychLink *link = diptych_alignment_get_link (cjk, i);
      g_assert_cmpint (diptych_link_get_kind (link), ==, DIPTYCH_LINK_IDENTICAL);
      /* Crossing links: the first sentence of c is the second of d. */
      g_assert_cmpuint (diptych_link_get_span (link, DIPTYCH_SIDE_A).start == 0, ==,
                        diptych_link_get_span (link, DIPTYCH_SIDE_B).start == 6);
    }
}

static void
test_aligner_settings (void)
{
  g_autoptr(DiptychDocument) a = doc (
    "The port reopened on Monday. Ships queued for days.\n\nThe strike ended after a week. Workers got a raise.");
  g_autoptr(DiptychDocument) b = doc (
    "After a week the strike ended, and workers received a raise.\n\nOn Monday the port reopened; ships had queued for days.");
  DiptychAlignSettings paragraph = { DIPTYCH_GRANULARITY_PARAGRAPH, 0.5 };
  DiptychAlignSettings strict = { DIPTYCH_GRANULARITY_SENTENCE, 0.0 };
  DiptychAlignSettings lenient = { DIPTYCH_GRANULARITY_SENTENCE, 1.0 };
  DiptychAlignSettings bad = { 42, 0.5 };
  g_autoptr(DiptychAlignment) by_paragraph = NULL;
  g_autoptr(DiptychAlignment) by_strict = NULL;
  g_autoptr(DiptychAlignment) by_lenient = NULL;
  g_autoptr(DiptychAlignment) none = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  by_paragraph = diptych_align (a, b, &paragraph, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  diptych_alignment_get_segments (by_paragraph, DIPTYCH_SIDE_A, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (diptych_alignment_get_n_links (by_paragraph), ==, 2);
  g_assert_cmpint (diptych_alignment_get_settings (by_paragraph)->granularity, ==, DIPTYCH_GRANULARITY_PARAGRAPH);

  by_strict = diptych_align (a, b, &strict, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  by_lenient = diptych_align (a, b, &lenient, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (diptych_alignment_get_n_links (by_strict), <=, diptych_alignment_get_n_links (by_lenient));
  g_assert_cmpuint (diptych_alignment_get_n_links (by_lenient), >=, 2);

  none = diptych_align (a, b, &bad, NULL, NULL, NULL, &error);
  g_assert_null (none);
  g_assert_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_INVALID);
}

static void
test_aligner_cancelled (void)
{
  g_autoptr(DiptychDocument) a = doc ("One sentence here. Another one there.");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DiptychAlignment) alignment = NULL;

  g_cancellable_cancel (cancellable);
  alignment = diptych_align (a, a, NULL, NULL, NULL, cancellable, &error);
  g_assert_null (alignment);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

typedef struct
{
  GMainLoop        *loop;
  DiptychAlignment *alignment;
  GError           *error;
  GThread          *thread;
  guint             n_progress;
  double            last;
  gboolean          wrong_thread;
} AsyncData;

static void
on_progress (double   fraction,
             gpointer user_data)
{
  AsyncData *data = user_data;

  if (g_thread_self () != data->thread)
    data->wrong_thread = TRUE;
  g_assert_cmpfloat (fraction, >=, data->last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  data->last = fraction;
  data->n_progress++;
}

static void
on_aligned (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  AsyncData *data = user_data;

  data->alignment = diptych_align_finish (result, &data->error);
  g_main_loop_quit (data->loop);
}

static void
test_aligner_async (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(DiptychDocument) a = NULL;
  AsyncData data = { 0 };

  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (text, "Sentence number %u talks about topic%u and item%u. ", i, i % 37, i % 101);
  a = doc (text->str);

  data.loop = g_main_loop_new (NULL, FALSE);
  data.thread = g_thread_self ();
  data.last = 0;
  diptych_align_async (a, a, NULL, on_progress, &data, NULL, on_aligned, &data);
  g_main_loop_run (data.loop);

  g_assert_no_error (data.error);
  g_assert_nonnull (data.alignment);
  g_assert_cmpuint (diptych_alignment_get_n_links (data.alignment), >=, 1900);
  g_assert_cmpuint (data.n_progress, >=, 1);
  g_assert_false (data.wrong_thread);

  /* Cancelled while running: returns G_IO_ERROR_CANCELLED. */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();

    g_clear_object (&data.alignment);
    diptych_align_async (a, a, NULL, NULL, NULL, cancellable, on_aligned, &data);
    g_cancellable_cancel (cancellable);
    g_main_loop_run (data.loop);
    g_assert_null (data.alignment);
    g_assert_error (data.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&data.error);
  }
  g_main_loop_unref (data.loop);
}

static void
test_aligner_missing_wordnet (void)
{
  g_autoptr(DiptychDocument) a = doc ("The laboratory studies the drought in the Selva valley. "
                                      "Prices of bread rose again. The mayor resigned on Monday.");
  g_autoptr(DiptychDocument) b = doc ("A lab examines the drought in the Selva valley. "
                                      "Fishermen protested at the port.");
  g_autoptr(DiptychAlignment) without = NULL;
  g_autofree char *wordnet = g_test_build_filename (G_TEST_DIST, "data", "wordnet", NULL);
  const char * const *warnings;

  g_setenv ("DIPTYCH_WORDNET_DIR", "/nonexistent/wordnet", TRUE);
  without = align (a, b);
  g_setenv ("DIPTYCH_WORDNET_DIR", wordnet, TRUE);

  warnings = diptych_alignment_get_warnings (without);
  g_assert_nonnull (warnings);
  g_assert_nonnull (warnings[0]);
  g_assert_nonnull (strstr (warnings[0], "WordNet"));
  /* Still works on stems. */
  g_assert_cmpuint (diptych_alignment_get_n_links (without), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *wordnet = NULL;

  g_test_init (&argc, &argv, NULL);
  /* A tiny WordNet, so that results do not depend on the system. */
  wordnet = g_test_build_filename (G_TEST_DIST, "data", "wordnet", NULL);
  g_setenv ("DIPTYCH_WORDNET_DIR", wordnet, TRUE);

  g_test_add_func ("/aligner/missing-wordnet", test_aligner_missing_wordnet);
  g_test_add_func ("/aligner/reordered", test_aligner_reordered);
  g_test_add_func ("/aligner/reworded-omissions", test_aligner_reworded_omissions);
  g_test_add_func ("/aligner/partial", test_aligner_partial);
  g_test_add_func ("/aligner/kinds", test_aligner_kinds);
  g_test_add_func ("/aligner/one-to-many", test_aligner_one_to_many);
  g_test_add_func ("/aligner/one-to-many-needs-substance", test_aligner_one_to_many_needs_substance);
  g_test_add_func ("/aligner/one-to-many-supported", test_aligner_one_to_many_supported);
  g_test_add_func ("/aligner/one-to-many-restated", test_aligner_one_to_many_restated);
  g_test_add_func ("/aligner/boilerplate", test_aligner_boilerplate);
  g_test_add_func ("/aligner/topic-words", test_aligner_topic_words);
  g_test_add_func ("/aligner/shared-name", test_aligner_shared_name);
  g_test_add_func ("/aligner/name-and-synonym", test_aligner_name_and_synonym);
  g_test_add_func ("/aligner/same-twice", test_aligner_same_twice);
  g_test_add_func ("/aligner/merge", test_aligner_merge);
  g_test_add_func ("/aligner/merge-full", test_aligner_merge_full);
  g_test_add_func ("/aligner/hostile", test_aligner_hostile);
  g_test_add_func ("/aligner/cjk-rtl", test_aligner_cjk_rtl);
  g_test_add_func ("/aligner/settings", test_aligner_settings);
  g_test_add_func ("/aligner/cancelled", test_aligner_cancelled);
  g_test_add_func ("/aligner/async", test_aligner_async);

  return g_test_run ();
}
