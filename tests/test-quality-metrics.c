/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "quality-eval.h"

static const char text_a[] =
  "The minister met Dr. Hale in the U.S. on Monday. Donald J. Trump was not there. "
  "Talks covered trade and energy. Nobody spoke of fishing.";
static const char text_b[] =
  "Trade and energy were covered. The minister met Dr. Hale in the U.S. on Monday.\n"
  "A storm hit the coast! It was short.";
static const char gold_text[] =
  "# hand-made gold\n"
  "class: versions\n"
  "link: \"The minister\" = \"The minister\"\n"
  "link: \"Talks covered\" = \"Trade and energy\"\n"
  "maybe: \"Donald J.\" = \"It was short\"\n"
  "omission: a \"Nobody\"\n"
  "omission: b \"A storm\"\n";

static DiptychDocument *
make_doc (const char *text)
{
  g_autoptr(GError) error = NULL;
  DiptychDocument *doc = diptych_document_new (text, -1, "test", NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  return doc;
}

static char **
segment_texts (const char *text)
{
  g_autoptr(DiptychDocument) doc = make_doc (text);
  g_autoptr(GArray) spans = quality_segment (doc);
  GStrvBuilder *builder = g_strv_builder_new ();
  char **result;

  for (guint i = 0; i < spans->len; i++)
    {
      g_autofree char *sentence = diptych_document_dup_span (doc, g_array_index (spans, DiptychSpan, i));

      g_strv_builder_add (builder, sentence);
    }
  result = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return result;
}

static void
test_segment (void)
{
  g_auto(GStrv) a = segment_texts (text_a);
  g_auto(GStrv) b = segment_texts (text_b);
  g_auto(GStrv) empty = segment_texts ("  \n\n ");
  g_auto(GStrv) bare = segment_texts ("no sentence punctuation at all");
  g_auto(GStrv) lower = segment_texts ("Prices rose, e.g. for bread. “Why?” he asked. It ended…  Then");
  g_auto(GStrv) numbers = segment_texts ("The rate stays at 6.5%. Inflation fell to 4.1. No. 7 won.");
  g_auto(GStrv) cjk = segment_texts ("你好。再见！ שלום. עולם");

  g_assert_cmpuint (g_strv_length (a), ==, 4);
  g_assert_cmpstr (a[0], ==, "The minister met Dr. Hale in the U.S. on Monday.");
  g_assert_cmpstr (a[1], ==, "Donald J. Trump was not there.");
  g_assert_cmpstr (a[3], ==, "Nobody spoke of fishing.");
  g_assert_cmpuint (g_strv_length (b), ==, 4);
  g_assert_cmpstr (b[1], ==, "The minister met Dr. Hale in the U.S. on Monday.");
  g_assert_cmpstr (b[2], ==, "A storm hit the coast!");
  g_assert_cmpuint (g_strv_length (empty), ==, 0);
  g_assert_cmpuint (g_strv_length (bare), ==, 1);
  g_assert_cmpuint (g_strv_length (lower), ==, 4);
  g_assert_cmpstr (lower[0], ==, "Prices rose, e.g. for bread.");
  g_assert_cmpstr (lower[1], ==, "“Why?” he asked.");
  g_assert_cmpstr (lower[2], ==, "It ended…");
  g_assert_cmpuint (g_strv_length (numbers), ==, 3);
  g_assert_cmpstr (numbers[1], ==, "Inflation fell to 4.1.");
  g_assert_cmpstr (numbers[2], ==, "No. 7 won.");
  g_assert_cmpuint (g_strv_length (cjk), ==, 4);
  g_assert_cmpstr (cjk[0], ==, "你好。");
  g_assert_cmpstr (cjk[2], ==, "שלום.");
}

static void
test_metrics (void)
{
  QualityCounts none = { 0, 0, 0, 0 };
  QualityCounts missed_all = { 0, 0, 4, 0 };
  QualityCounts wrong_all = { 3, 0, 0, 0 };
  QualityCounts some = { 4, 3, 6, 2 };
  QualityCounts sum = none;

  g_assert_cmpfloat (quality_f1 (&none), ==, 1.0);
  g_assert_cmpfloat (quality_precision (&missed_all), ==, 1.0);
  g_assert_cmpfloat (quality_recall (&missed_all), ==, 0.0);
  g_assert_cmpfloat (quality_f1 (&missed_all), ==, 0.0);
  g_assert_cmpfloat (quality_precision (&wrong_all), ==, 0.0);
  g_assert_cmpfloat (quality_f1 (&wrong_all), ==, 0.0);
  g_assert_cmpfloat_with_epsilon (quality_precision (&some), 0.75, 1e-9);
  g_assert_cmpfloat_with_epsilon (quality_recall (&some), 1.0 / 3.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (quality_f1 (&some), 2 * 0.75 / 3.0 / (0.75 + 1.0 / 3.0), 1e-9);

  /* Micro average: counts add up, rates do not. */
  quality_counts_add (&sum, &some);
  quality_counts_add (&sum, &missed_all);
  g_assert_cmpuint (sum.n_pred, ==, 4);
  g_assert_cmpuint (sum.n_gold, ==, 10);
  g_assert_cmpfloat_with_epsilon (quality_recall (&sum), 0.2, 1e-9);
}

static QualityGold *
bound_gold (const char  *gold_text_,
            GError     **error)
{
  g_autoptr(DiptychDocument) a = make_doc (text_a);
  g_autoptr(DiptychDocument) b = make_doc (text_b);
  g_autoptr(QualityGold) gold = quality_gold_parse (gold_text_, "test", error);

  if (gold == NULL || !quality_gold_bind (gold, a, b, error))
    return NULL;
  return g_steal_pointer (&gold);
}

static void
test_gold (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QualityGold) gold = bound_gold (gold_text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (gold);
  g_assert_cmpint (quality_gold_get_class (gold), ==, QUALITY_CLASS_VERSIONS);
  g_assert_cmpstr (quality_gold_get_file (gold, DIPTYCH_SIDE_B), ==, "b.txt");
  g_assert_cmpuint (quality_gold_get_n_sentences (gold, DIPTYCH_SIDE_A), ==, 4);
  g_assert_cmpint (quality_gold_get_label (gold, DIPTYCH_SIDE_A, 0), ==, QUALITY_LABEL_LINKED);
  g_assert_cmpint (quality_gold_get_label (gold, DIPTYCH_SIDE_A, 1), ==, QUALITY_LABEL_MAYBE);
  g_assert_cmpint (quality_gold_get_label (gold, DIPTYCH_SIDE_A, 3), ==, QUALITY_LABEL_OMITTED);
  g_assert_cmpint (quality_gold_get_label (gold, DIPTYCH_SIDE_B, 2), ==, QUALITY_LABEL_OMITTED);
}

static void
test_gold_errors (void)
{
  static const struct
  {
    const char *text;
    int         code;
    const char *message_part;
  } cases[] = {
    { "link: \"The minister\" = \"The minister\"\n", DIPTYCH_ERROR_PARSE, "missing “class" },
    { "class: diary\n", DIPTYCH_ERROR_PARSE, "unknown class" },
    { "class: versions\nlinks: \"x\" = \"y\"\n", DIPTYCH_ERROR_PARSE, "unknown key" },
    { "class: versions\nlink: \"x = \"y\"\n", DIPTYCH_ERROR_PARSE, "expected =" },
    { "class: versions\nlink: \"x\" = \"y\n", DIPTYCH_ERROR_PARSE, "missing closing quote" },
    { "class: versions\nomission: c \"x\"\n", DIPTYCH_ERROR_PARSE, "side" },
    { "class: versions\nlink: \"Fishing\" = \"Trade\"\n", DIPTYCH_ERROR_NOT_FOUND, "not in document a" },
    { "class: versions\nlink: \"the\" = \"Trade\"\n", DIPTYCH_ERROR_INVALID, "more than once" },
    { "class: versions\nlink: \"covered trade\" = \"Trade\"\n", DIPTYCH_ERROR_INVALID, "inside sentence 3" },
    { "class: versions\nlink: \"The minister\" = \"The minister\"\nomission: a \"The minister\"\n",
      DIPTYCH_ERROR_INVALID, "both as linked and as omitted" },
    { "class: versions\nlink: \"The minister\" = \"The minister\"\n", DIPTYCH_ERROR_INVALID, "has no label" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(QualityGold) gold = bound_gold (cases[i].text, &error);

      g_assert_null (gold);
      g_assert_error (error, DIPTYCH_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].message_part));
    }
}

static void
add_link (DiptychAlignment *alignment,
          guint             a_start,
          guint             a_end,
          guint             b_start,
          guint             b_end,
          DiptychState      state)
{
  g_autoptr(DiptychLink) link = diptych_link_new (DIPTYCH_SPAN_INIT (a_start, a_end),
                                                  DIPTYCH_SPAN_INIT (b_start, b_end),
                                                  DIPTYCH_LINK_REWORDED, 0.5, state);

  diptych_alignment_add_link (alignment, link);
}

static void
add_omission (DiptychAlignment *alignment,
              DiptychSide       side,
              guint             start,
              guint             end)
{
  g_autoptr(DiptychOmission) omission = diptych_omission_new (side, DIPTYCH_SPAN_INIT (start, end),
                                                              DIPTYCH_STATE_AUTO);

  diptych_alignment_add_omission (alignment, omission);
}

static void
test_score (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QualityGold) gold = bound_gold (gold_text, &error);
  g_autoptr(DiptychAlignment) alignment = diptych_alignment_new (NULL);
  g_autoptr(GArray) errors = g_array_new (FALSE, FALSE, sizeof (QualityError));
  DiptychSpan a[4], b[4];
  QualityScore score;

  g_assert_no_error (error);
  for (guint i = 0; i < 4; i++)
    {
      a[i] = quality_gold_get_sentence (gold, DIPTYCH_SIDE_A, i);
      b[i] = quality_gold_get_sentence (gold, DIPTYCH_SIDE_B, i);
    }

  add_link (alignment, a[0].start, a[0].end, b[1].start, b[1].end, DIPTYCH_STATE_AUTO);   /* sure */
  add_link (alignment, a[2].start, a[2].end, b[0].start, b[1].end, DIPTYCH_STATE_AUTO);   /* sure + spurious */
  add_link (alignment, a[1].start, a[1].end, b[3].start, b[3].end, DIPTYCH_STATE_AUTO);   /* possible */
  /* Two stray characters of A 3 do not make it covered: only A 4 - B 3 counts. */
  add_link (alignment, a[2].end - 2, a[3].end, b[2].start, b[2].end, DIPTYCH_STATE_AUTO);
  add_link (alignment, a[3].start, a[3].end, b[0].start, b[0].end, DIPTYCH_STATE_REJECTED);
  /* A clause inside a long sentence covers it. */
  add_link (alignment, a[0].start, a[0].start + 12, b[1].start, b[1].start + 12, DIPTYCH_STATE_CONFIRMED);

  add_omission (alignment, DIPTYCH_SIDE_B, b[2].start, b[2].end);             /* right */
  add_omission (alignment, DIPTYCH_SIDE_A, a[3].start, a[3].start + 8);      /* too little */
  add_omission (alignment, DIPTYCH_SIDE_A, a[0].start, a[0].start + 30);     /* spurious */
  add_omission (alignment, DIPTYCH_SIDE_B, b[3].start, b[3].end);            /* maybe: not counted */

  quality_gold_score (gold, alignment, &score, errors);

  g_assert_cmpuint (score.links.n_pred, ==, 5);
  g_assert_cmpuint (score.links.n_pred_ok, ==, 3);
  g_assert_cmpuint (score.links.n_gold, ==, 2);
  g_assert_cmpuint (score.links.n_gold_found, ==, 2);
  g_assert_cmpfloat_with_epsilon (quality_precision (&score.links), 0.6, 1e-9);
  g_assert_cmpfloat_with_epsilon (quality_f1 (&score.links), 0.75, 1e-9);

  g_assert_cmpuint (score.omissions.n_pred, ==, 2);
  g_assert_cmpuint (score.omissions.n_pred_ok, ==, 1);
  g_assert_cmpuint (score.omissions.n_gold, ==, 2);
  g_assert_cmpuint (score.omissions.n_gold_found, ==, 1);
  g_assert_cmpfloat_with_epsilon (quality_f1 (&score.omissions), 0.5, 1e-9);

  /* Two spurious links, one spurious and one missed omission. */
  g_assert_cmpuint (errors->len, ==, 4);
  g_assert_true (g_array_index (errors, QualityError, 0).is_link);
  g_assert_cmpuint (g_array_index (errors, QualityError, 0).a, ==, 2);
  g_assert_cmpuint (g_array_index (errors, QualityError, 0).b, ==, 1);
  g_assert_cmpuint (g_array_index (errors, QualityError, 1).a, ==, 3);
  g_assert_cmpuint (g_array_index (errors, QualityError, 1).b, ==, 2);
  g_assert_false (g_array_index (errors, QualityError, 2).is_link);
  g_assert_cmpuint (g_array_index (errors, QualityError, 2).a, ==, 0);
  g_assert_cmpuint (g_array_index (errors, QualityError, 3).a, ==, 3);
  g_assert_false (g_array_index (errors, QualityError, 0).missed);
  g_assert_false (g_array_index (errors, QualityError, 2).missed);
  g_assert_true (g_array_index (errors, QualityError, 3).missed);
}

static void
test_score_perfect (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QualityGold) gold = bound_gold (gold_text, &error);
  g_autoptr(DiptychAlignment) alignment = diptych_alignment_new (NULL);
  g_autoptr(DiptychAlignment) empty = diptych_alignment_new (NULL);
  DiptychSpan a0 = quality_gold_get_sentence (gold, DIPTYCH_SIDE_A, 0);
  DiptychSpan a2 = quality_gold_get_sentence (gold, DIPTYCH_SIDE_A, 2);
  DiptychSpan a3 = quality_gold_get_sentence (gold, DIPTYCH_SIDE_A, 3);
  DiptychSpan b0 = quality_gold_get_sentence (gold, DIPTYCH_SIDE_B, 0);
  DiptychSpan b1 = quality_gold_get_sentence (gold, DIPTYCH_SIDE_B, 1);
  DiptychSpan b2 = quality_gold_get_sentence (gold, DIPTYCH_SIDE_B, 2);
  QualityScore score;

  /* Spans with the white space around them still cover exactly their sentence. */
  add_link (alignment, a0.start, a0.end + 1, b1.start - 1, b1.end + 1, DIPTYCH_STATE_AUTO);
  add_link (alignment, a2.start - 1, a2.end, b0.start, b0.end, DIPTYCH_STATE_AUTO);
  add_omission (alignment, DIPTYCH_SIDE_A, a3.start - 1, a3.end);
  /* Two omissions that together cover most of a sentence. */
  add_omission (alignment, DIPTYCH_SIDE_B, b2.start, b2.start + 8);
  add_omission (alignment, DIPTYCH_SIDE_B, b2.start + 8, b2.end);

  quality_gold_score (gold, alignment, &score, NULL);
  g_assert_cmpfloat (quality_f1 (&score.links), ==, 1.0);
  g_assert_cmpfloat (quality_f1 (&score.omissions), ==, 1.0);

  quality_gold_score (gold, empty, &score, NULL);
  g_assert_cmpuint (score.links.n_pred, ==, 0);
  g_assert_cmpfloat (quality_recall (&score.links), ==, 0.0);
  g_assert_cmpfloat (quality_f1 (&score.omissions), ==, 0.0);
}

static gboolean
has_link (DiptychAlignment *alignment,
          QualityGold      *gold,
          guint             a,
          guint             b)
{
  for (guint l = 0; l < diptych_alignment_get_n_links (alignment); l++)
    {
      DiptychLink *link = diptych_alignment_get_link (alignment, l);

      if (diptych_span_equal (diptych_link_get_span (link, DIPTYCH_SIDE_A),
                              quality_gold_get_sentence (gold, DIPTYCH_SIDE_A, a))
          && diptych_span_equal (diptych_link_get_span (link, DIPTYCH_SIDE_B),
                                 quality_gold_get_sentence (gold, DIPTYCH_SIDE_B, b)))
        return TRUE;
    }

  return FALSE;
}

static void
test_baselines (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QualityGold) gold = bound_gold (gold_text, &error);
  g_autoptr(DiptychAlignment) diff = NULL;
  g_autoptr(DiptychAlignment) tfidf = NULL;

  g_assert_no_error (error);

  /* In-order exact matching finds only the identical sentence. */
  diff = quality_baseline_diff (gold);
  g_assert_cmpuint (diptych_alignment_get_n_links (diff), ==, 1);
  g_assert_true (has_link (diff, gold, 0, 1));
  g_assert_cmpuint (diptych_alignment_get_n_omissions (diff), ==, 6);

  /* Bag of words also finds the reordered, reworded one. */
  tfidf = quality_baseline_tfidf (gold, QUALITY_TFIDF_THRESHOLD);
  g_assert_true (has_link (tfidf, gold, 0, 1));
  g_assert_true (has_link (tfidf, gold, 2, 0));
  g_assert_false (has_link (tfidf, gold, 3, 2));
}

static void
check_gold_file (const char *gold_path,
                 const char *docs_dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QualityGold) gold = quality_gold_load (gold_path, &error);
  g_autoptr(DiptychDocument) doc_a = NULL;
  g_autoptr(DiptychDocument) doc_b = NULL;
  DiptychDocument **docs[DIPTYCH_N_SIDES] = { &doc_a, &doc_b };
  g_autoptr(DiptychAlignment) oracle = NULL;
  g_autoptr(DiptychAlignment) diff = NULL;
  QualityScore score;

  g_assert_no_error (error);
  for (guint s = 0; s < DIPTYCH_N_SIDES; s++)
    {
      g_autofree char *path = g_build_filename (docs_dir, quality_gold_get_file (gold, s), NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      *docs[s] = diptych_import_file (file, NULL, &error);
      g_assert_no_error (error);
    }

  /* Every sentence labelled, every prefix found once at a sentence start. */
  quality_gold_bind (gold, doc_a, doc_b, &error);
  g_assert_no_error (error);

  /* The gold scores perfectly against itself... */
  oracle = quality_gold_to_alignment (gold);
  quality_gold_score (gold, oracle, &score, NULL);
  g_assert_cmpuint (score.links.n_gold, >, 0);
  g_assert_cmpfloat (quality_f1 (&score.links), ==, 1.0);
  g_assert_cmpfloat (quality_f1 (&score.omissions), ==, 1.0);

  /* ...and diff, in order only, misses links on every pair but one. */
  diff = quality_baseline_diff (gold);
  quality_gold_score (gold, diff, &score, NULL);
  if (!g_str_equal (quality_gold_get_name (gold), "edited"))
    g_assert_cmpfloat (quality_recall (&score.links), <, 1.0);
}

static void
test_fixtures (void)
{
  const char *pairs_dir = g_test_get_filename (G_TEST_DIST, "data", "pairs", NULL);
  g_autoptr(GDir) dir = g_dir_open (pairs_dir, 0, NULL);
  const char *name;
  guint n_pairs = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *pair_dir = g_build_filename (pairs_dir, name, NULL);
      g_autofree char *gold_path = g_build_filename (pair_dir, "gold.txt", NULL);

      if (!g_file_test (gold_path, G_FILE_TEST_IS_REGULAR))
        continue;
      check_gold_file (gold_path, pair_dir);
      n_pairs++;
    }
  g_assert_cmpuint (n_pairs, >=, 7);
}

static void
test_sample_gold (void)
{
  g_autofree char *samples = g_canonicalize_filename ("../../shared/samples", g_test_get_dir (G_TEST_DIST));
  const char *gold_dir = g_test_get_filename (G_TEST_DIST, "data", "gold", NULL);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (samples, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("the shared samples are not next to the source tree");
      return;
    }

  dir = g_dir_open (gold_dir, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *gold_path = g_build_filename (gold_dir, name, NULL);

      if (g_str_has_suffix (name, ".gold"))
        check_gold_file (gold_path, samples);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/quality/segment", test_segment);
  g_test_add_func ("/quality/metrics", test_metrics);
  g_test_add_func ("/quality/gold", test_gold);
  g_test_add_func ("/quality/gold-errors", test_gold_errors);
  g_test_add_func ("/quality/score", test_score);
  g_test_add_func ("/quality/score-perfect", test_score_perfect);
  g_test_add_func ("/quality/baselines", test_baselines);
  g_test_add_func ("/quality/fixtures", test_fixtures);
  g_test_add_func ("/quality/sample-gold", test_sample_gold);

  return g_test_run ();
}
