/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The highlighting model on two arbitrary texts: every segment, link,
 * omission and word-level difference it returns lies inside its document
 * and on character boundaries, scores are finite numbers in [0,1]. */
#include "config.h"

#include <math.h>

#include "diptych-core.h"
#include "fuzz-common.h"

/* The model's cost grows with the texts; keep each run short. */
#define FUZZ_ALIGN_MAX_INPUT 4096

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_setup ();
  return 0;
}

static void
check_span (DiptychDocument *doc,
            DiptychSpan      span)
{
  g_assert_cmpuint (span.start, <=, span.end);
  g_assert_true (diptych_document_span_is_valid (doc, span));
}

static void
check_alignment (DiptychAlignment *alignment,
                 DiptychDocument  *docs[DIPTYCH_N_SIDES])
{
  for (guint side = 0; side < DIPTYCH_N_SIDES; side++)
    {
      guint n_segments = 0;
      const DiptychSpan *segments = diptych_alignment_get_segments (alignment, side, &n_segments);

      for (guint i = 0; i < n_segments; i++)
        check_span (docs[side], segments[i]);
    }

  for (guint i = 0; i < diptych_alignment_get_n_links (alignment); i++)
    {
      DiptychLink *link = diptych_alignment_get_link (alignment, i);
      double score = diptych_link_get_score (link);
      const DiptychWordOp *ops;
      guint n_ops = 0;

      g_assert_true (isfinite (score));
      g_assert_cmpfloat (score, >=, 0.0);
      g_assert_cmpfloat (score, <=, 1.0);

      for (guint side = 0; side < DIPTYCH_N_SIDES; side++)
        {
          DiptychSpan span = diptych_link_get_span (link, side);
          const DiptychSpan *uncovered;
          guint n_uncovered = 0;

          check_span (docs[side], span);
          g_assert_cmpuint (diptych_span_length (span), >, 0);
          uncovered = diptych_link_get_uncovered (link, side, &n_uncovered);
          for (guint j = 0; j < n_uncovered; j++)
            check_span (docs[side], uncovered[j]);
        }

      ops = diptych_link_get_word_ops (link, &n_ops);
      for (guint j = 0; j < n_ops; j++)
        {
          check_span (docs[DIPTYCH_SIDE_A], ops[j].a);
          check_span (docs[DIPTYCH_SIDE_B], ops[j].b);
        }

      /* Links the user draws go through the word diff on their own. */
      {
        g_autoptr(GArray) diff = diptych_word_diff (docs[DIPTYCH_SIDE_A],
                                                    diptych_link_get_span (link, DIPTYCH_SIDE_A),
                                                    docs[DIPTYCH_SIDE_B],
                                                    diptych_link_get_span (link, DIPTYCH_SIDE_B));
        if (diff != NULL)
          for (guint j = 0; j < diff->len; j++)
            {
              const DiptychWordOp *op = &g_array_index (diff, DiptychWordOp, j);
              check_span (docs[DIPTYCH_SIDE_A], op->a);
              check_span (docs[DIPTYCH_SIDE_B], op->b);
            }
      }
    }

  for (guint i = 0; i < diptych_alignment_get_n_omissions (alignment); i++)
    {
      DiptychOmission *omission = diptych_alignment_get_omission (alignment, i);
      DiptychSide side = diptych_omission_get_side (omission);

      g_assert_true (side == DIPTYCH_SIDE_A || side == DIPTYCH_SIDE_B);
      check_span (docs[side], diptych_omission_get_span (omission));
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const DiptychGranularity granularities[] = {
    DIPTYCH_GRANULARITY_SENTENCE, DIPTYCH_GRANULARITY_CLAUSE, DIPTYCH_GRANULARITY_PARAGRAPH,
  };
  DiptychAlignSettings settings = DIPTYCH_ALIGN_SETTINGS_DEFAULT;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autoptr(DiptychDocument) doc_a = NULL;
  g_autoptr(DiptychDocument) doc_b = NULL;
  g_autoptr(DiptychAlignment) alignment = NULL;
  g_autoptr(GError) error = NULL;
  DiptychDocument *docs[DIPTYCH_N_SIDES];

  if (size < 1 || size > FUZZ_ALIGN_MAX_INPUT)
    return 0;

  /* The first byte picks the settings. */
  settings.granularity = granularities[data[0] % G_N_ELEMENTS (granularities)];
  settings.sensitivity = (data[0] >> 2) / 63.0;

  fuzz_split_two_texts (data + 1, size - 1, &a, &b);
  doc_a = diptych_document_new (a, -1, "A", NULL, "text", NULL, &error);
  g_assert_no_error (error);
  doc_b = diptych_document_new (b, -1, "B", NULL, "text", NULL, &error);
  g_assert_no_error (error);

  alignment = diptych_align (doc_a, doc_b, &settings, NULL, NULL, NULL, &error);
  if (alignment == NULL)
    {
      g_assert_true (error != NULL && error->domain == DIPTYCH_ERROR);
      return 0;
    }
  g_assert_no_error (error);

  docs[DIPTYCH_SIDE_A] = doc_a;
  docs[DIPTYCH_SIDE_B] = doc_b;
  check_alignment (alignment, docs);
  return 0;
}
