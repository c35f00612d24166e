/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "report-fixture.h"

const char *report_fixture_text_a =
  "Leaders spoke on 18 March for 90 minutes.\n"
  "They agreed to a 30-day ceasefire on energy.\n"
  "The Black Sea was discussed.\n"
  "The US said <script>alert(1)</script> & \"more\".\n"
  "Trade, tariffs, and =SUM(A1) came up.\n";

const char *report_fixture_text_b =
  "Стороны договорились о 30-дневном перемирии.\n"
  "Лидеры говорили 19 марта.\n"
  "Чёрное море обсуждалось.\n"
  "مرحبا بالعالم، هذا نص عربي.\n"
  "שלום עולם.\n";

/* The code point span of the first occurrence of needle. */
DiptychSpan
report_fixture_span (const char *text,
                     const char *needle)
{
  const char *p = strstr (text, needle);
  DiptychSpan span;

  g_assert_nonnull (p);
  span.start = g_utf8_pointer_to_offset (text, p);
  span.end = span.start + g_utf8_strlen (needle, -1);
  return span;
}

#define A(s) report_fixture_span (report_fixture_text_a, (s))
#define B(s) report_fixture_span (report_fixture_text_b, (s))

static void
add_omission (DiptychAlignment *alignment,
              DiptychSide       side,
              DiptychSpan       span)
{
  g_autoptr(DiptychOmission) omission = diptych_omission_new (side, span, DIPTYCH_STATE_AUTO);
  diptych_alignment_add_omission (alignment, omission);
}

DiptychProject *
report_fixture_new (void)
{
  g_autoptr(DiptychProject) project = diptych_project_new ();
  g_autoptr(DiptychAlignment) alignment = diptych_alignment_new (NULL);
  g_autoptr(DiptychDocument) a = NULL;
  g_autoptr(DiptychDocument) b = NULL;
  g_autoptr(DiptychLink) l1 = NULL, l2 = NULL, l3 = NULL, l4 = NULL;
  g_autoptr(DiptychAnnotation) n1 = NULL, n2 = NULL, n3 = NULL;
  g_autoptr(GDateTime) imported = g_date_time_new_utc (2025, 3, 19, 10, 0, 0);
  static const char *terms1[] = { "march", "leaders", NULL };
  static const char *terms2[] = { "ceasefire", "30", NULL };
  DiptychWordOp ops[4];

  a = diptych_document_new (report_fixture_text_a, -1, "White House readout", "/data/wh.txt", "text", imported, NULL);
  b = diptych_document_new (report_fixture_text_b, -1, "Кремль: стенограмма", "/data/kremlin.txt", "text", imported, NULL);
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  diptych_project_set_document (project, DIPTYCH_SIDE_A, a);
  diptych_project_set_document (project, DIPTYCH_SIDE_B, b);
  diptych_project_add_default_tags (project);

  l1 = diptych_link_new (A ("Leaders spoke on 18 March for 90 minutes."), B ("Лидеры говорили 19 марта."),
                         DIPTYCH_LINK_PARTIAL, 0.61234, DIPTYCH_STATE_AUTO);
  diptych_link_set_id (l1, "l1");
  diptych_link_set_shared_terms (l1, terms1);
  ops[0] = (DiptychWordOp) { DIPTYCH_WORD_REWORDED, DIPTYCH_DISCREPANCY_NONE, A ("Leaders"), B ("Лидеры") };
  ops[1] = (DiptychWordOp) { DIPTYCH_WORD_CHANGED, DIPTYCH_DISCREPANCY_DATE, A ("18"), B ("19") };
  ops[2] = (DiptychWordOp) { DIPTYCH_WORD_DELETED, DIPTYCH_DISCREPANCY_NONE, A ("for 90 minutes"), DIPTYCH_SPAN_INIT (0, 0) };
  ops[3] = (DiptychWordOp) { DIPTYCH_WORD_SAME, DIPTYCH_DISCREPANCY_NONE, A ("March"), B ("марта") };
  diptych_link_set_word_ops (l1, ops, 4);
  diptych_link_add_uncovered (l1, DIPTYCH_SIDE_A, A ("for 90 minutes"));

  l2 = diptych_link_new (A ("They agreed to a 30-day ceasefire on energy."), B ("Стороны договорились о 30-дневном перемирии."),
                         DIPTYCH_LINK_REWORDED, 0.8, DIPTYCH_STATE_AUTO);
  diptych_link_set_id (l2, "l2");
  diptych_link_set_shared_terms (l2, terms2);

  l4 = diptych_link_new (A ("Trade, tariffs"), B ("שלום עולם."),
                         DIPTYCH_LINK_REWORDED, 0.3, DIPTYCH_STATE_AUTO);
  diptych_link_set_id (l4, "l4");

  diptych_alignment_add_link (alignment, l1);
  diptych_alignment_add_link (alignment, l2);
  diptych_alignment_add_link (alignment, l4);
  add_omission (alignment, DIPTYCH_SIDE_A, A ("The US said <script>alert(1)</script> & \"more\"."));
  add_omission (alignment, DIPTYCH_SIDE_A, A ("Trade, tariffs, and =SUM(A1) came up."));
  add_omission (alignment, DIPTYCH_SIDE_B, B ("مرحبا بالعالم، هذا نص عربي."));
  add_omission (alignment, DIPTYCH_SIDE_B, B ("שלום עולם."));
  diptych_project_set_alignment (project, alignment);

  /* The user's decisions: one link confirmed, one drawn by hand, one
   * rejected. */
  g_assert_true (diptych_project_confirm_link (project, diptych_project_find_link (project, "l2"), NULL));
  g_assert_true (diptych_project_reject_link (project, diptych_project_find_link (project, "l4"), NULL));
  l3 = g_object_ref (diptych_project_add_link (project, A ("The Black Sea was discussed."),
                                               B ("Чёрное море обсуждалось."), NULL));
  g_assert_nonnull (l3);
  diptych_link_set_id (l3, "l3");
  diptych_link_set_kind (l3, DIPTYCH_LINK_IDENTICAL);
  diptych_link_set_score (l3, 0.95);
  g_assert_cmpint (diptych_link_get_state (l3), ==, DIPTYCH_STATE_MANUAL);

  n1 = diptych_annotation_new (DIPTYCH_SIDE_A, A ("<script>alert(1)</script>"), "Demand",
                               "Note with <b>bold</b> & \"quotes\", commas\nand a newline\x01.");
  n2 = diptych_annotation_new (DIPTYCH_SIDE_B, B ("Чёрное море"), "Agreement", "Same in both. 两份文件一致。");
  diptych_annotation_set_link_id (n2, "l3");
  n3 = diptych_annotation_new (DIPTYCH_SIDE_A, A ("=SUM(A1)"), "Question", "-1 +2 @x");
  diptych_annotation_set_id (n1, "n1");
  diptych_annotation_set_id (n2, "n2");
  diptych_annotation_set_id (n3, "n3");
  diptych_project_add_annotation (project, n1);
  diptych_project_add_annotation (project, n2);
  diptych_project_add_annotation (project, n3);

  return g_steal_pointer (&project);
}

char *
report_fixture_write (DiptychProject             *project,
                      DiptychReportFormat         format,
                      const DiptychReportOptions *options,
                      gsize                      *length)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = diptych_report_write_to_stream (project, format, options, stream, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_true (g_output_stream_write_all (stream, "", 1, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (stream, NULL, NULL));
  if (length != NULL)
    *length = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)) - 1;
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));
}

/* A project of n sentences a side, each linked to its counterpart, every
 * tenth omitted, pairs of neighbours swapped in B. */
DiptychProject *
report_fixture_new_large (guint n_sentences)
{
  g_autoptr(DiptychProject) project = diptych_project_new ();
  g_autoptr(DiptychAlignment) alignment = diptych_alignment_new (NULL);
  g_autoptr(GString) a = g_string_new (NULL);
  g_autoptr(GString) b = g_string_new (NULL);
  g_autoptr(GArray) spans_a = g_array_new (FALSE, FALSE, sizeof (DiptychSpan));
  g_autoptr(GArray) spans_b = g_array_new (FALSE, FALSE, sizeof (DiptychSpan));
  g_autoptr(DiptychDocument) doc_a = NULL;
  g_autoptr(DiptychDocument) doc_b = NULL;
  guint offset_a = 0, offset_b = 0;

  for (guint i = 0; i < n_sentences; i++)
    {
      guint j = i ^ 1;  /* B tells the pairs in the other order */
      g_autofree char *sa = g_strdup_printf ("Sentence %u of the first account says that the talks on item %u went on for %u hours and were constructive.", i, i * 7, i % 24);
      g_autofree char *sb = g_strdup_printf ("Предложение %u второго отчёта: переговоры по пункту %u шли %u часов и были конструктивными.", j < n_sentences ? j : i, (j < n_sentences ? j : i) * 7, (j < n_sentences ? j : i) % 24 + 1);
      DiptychSpan span_a = { offset_a, offset_a + g_utf8_strlen (sa, -1) };
      DiptychSpan span_b = { offset_b, offset_b + g_utf8_strlen (sb, -1) };

      g_string_append (a, sa);
      g_string_append (a, i % 5 == 4 ? "\n\n" : " ");
      g_string_append (b, sb);
      g_string_append (b, i % 5 == 4 ? "\n\n" : " ");
      offset_a = span_a.end + (i % 5 == 4 ? 2 : 1);
      offset_b = span_b.end + (i % 5 == 4 ? 2 : 1);
      g_array_append_val (spans_a, span_a);
      g_array_append_val (spans_b, span_b);
    }

  doc_a = diptych_document_new (a->str, a->len, "First account", "/tmp/a.txt", "text", NULL, NULL);
  doc_b = diptych_document_new (b->str, b->len, "Второй отчёт", "/tmp/b.txt", "text", NULL, NULL);
  diptych_project_set_document (project, DIPTYCH_SIDE_A, doc_a);
  diptych_project_set_document (project, DIPTYCH_SIDE_B, doc_b);
  diptych_project_add_default_tags (project);

  for (guint i = 0; i < n_sentences; i++)
    {
      guint j = (i ^ 1) < n_sentences ? (i ^ 1) : i;
      DiptychSpan sa = g_array_index (spans_a, DiptychSpan, i);
      DiptychSpan sb = g_array_index (spans_b, DiptychSpan, j);

      if (i % 10 == 3)
        {
          g_autoptr(DiptychOmission) omission = diptych_omission_new (DIPTYCH_SIDE_A, sa, DIPTYCH_STATE_AUTO);
          diptych_alignment_add_omission (alignment, omission);
        }
      else
        {
          g_autoptr(DiptychLink) link = diptych_link_new (sa, sb, i % 3 == 0 ? DIPTYCH_LINK_PARTIAL : DIPTYCH_LINK_REWORDED,
                                                          0.5 + (i % 50) / 100.0, DIPTYCH_STATE_AUTO);
          DiptychWordOp op = { DIPTYCH_WORD_CHANGED, DIPTYCH_DISCREPANCY_NUMBER,
                               { sa.start + 9, sa.start + 10 }, { sb.start + 12, sb.start + 13 } };
          static const char *terms[] = { "talks", "item", NULL };

          diptych_link_set_word_ops (link, &op, 1);
          diptych_link_set_shared_terms (link, terms);
          diptych_alignment_add_link (alignment, link);
        }
      if (i % 100 == 7)
        {
          g_autoptr(DiptychAnnotation) annotation = diptych_annotation_new (DIPTYCH_SIDE_A, sa, "Emphasis", "A note.");
          diptych_project_add_annotation (project, annotation);
        }
    }
  diptych_project_set_alignment (project, alignment);

  return g_steal_pointer (&project);
}
