/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The report writers on a project built from the input: two texts, and
 * links, omissions and annotations whose spans, kinds, states, scores,
 * shared terms, tags and notes come from the input bytes. Every writer
 * succeeds and writes valid UTF-8 (JSON, HTML, CSV) or a PDF. */
#include "config.h"

#include <string.h>

#include "diptych-core.h"
#include "diptych-report.h"
#include "fuzz-common.h"

#define FUZZ_REPORT_MAX_INPUT 8192
#define MAX_ITEMS 12

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_setup ();
  return 0;
}

static DiptychSpan
read_span (FuzzReader      *reader,
           DiptychDocument *doc)
{
  guint length = diptych_document_get_length (doc);
  guint start = fuzz_reader_uint (reader, length);
  guint end = start + fuzz_reader_uint (reader, length - start);

  return DIPTYCH_SPAN_INIT (start, end);
}

/* A short piece of one of the texts: quotes, markup and separators in
 * them reach the writers' escaping. */
static char *
read_string (FuzzReader      *reader,
             DiptychDocument *doc)
{
  DiptychSpan span = read_span (reader, doc);

  span.end = MIN (span.end, span.start + 40);
  return diptych_document_dup_span (doc, span);
}

static DiptychProject *
build_project (const uint8_t *data,
               size_t         size)
{
  g_autoptr(DiptychProject) project = diptych_project_new ();
  g_autoptr(DiptychAlignment) alignment = NULL;
  DiptychAlignSettings settings = DIPTYCH_ALIGN_SETTINGS_DEFAULT;
  DiptychDocument *docs[DIPTYCH_N_SIDES];
  FuzzReader reader = { data, size, 0 };
  g_autofree char *text_a = NULL;
  g_autofree char *text_b = NULL;
  guint n;

  fuzz_split_two_texts (data, size, &text_a, &text_b);
  for (guint side = 0; side < DIPTYCH_N_SIDES; side++)
    {
      const char *text = side == DIPTYCH_SIDE_A ? text_a : text_b;
      g_autofree char *title = g_utf8_substring (text, 0, MIN (g_utf8_strlen (text, -1), 30));
      g_autoptr(DiptychDocument) doc = diptych_document_new (text, -1, title, "/tmp/<fuzz>&\"x\".txt",
                                                             "text", NULL, NULL);
      g_assert_nonnull (doc);
      diptych_project_set_document (project, side, doc);
      docs[side] = doc;
    }
  diptych_project_add_default_tags (project);

  alignment = diptych_alignment_new (&settings);
  for (guint side = 0; side < DIPTYCH_N_SIDES; side++)
    {
      n = fuzz_reader_uint (&reader, MAX_ITEMS);
      for (guint i = 0; i < n; i++)
        diptych_alignment_add_segment (alignment, side, read_span (&reader, docs[side]));
    }

  n = fuzz_reader_uint (&reader, MAX_ITEMS);
  for (guint i = 0; i < n; i++)
    {
      DiptychSpan a = read_span (&reader, docs[DIPTYCH_SIDE_A]);
      DiptychSpan b = read_span (&reader, docs[DIPTYCH_SIDE_B]);
      DiptychLinkKind kind = fuzz_reader_uint (&reader, DIPTYCH_LINK_PARTIAL);
      double score = fuzz_reader_uint (&reader, 100) / 100.0;
      g_autoptr(DiptychLink) link = diptych_link_new (a, b, kind, score, DIPTYCH_STATE_AUTO);
      g_autofree char *term1 = read_string (&reader, docs[DIPTYCH_SIDE_A]);
      g_autofree char *term2 = read_string (&reader, docs[DIPTYCH_SIDE_B]);
      const char *terms[] = { term1, term2, NULL };
      guint n_ops = fuzz_reader_uint (&reader, 4);
      DiptychWordOp ops[4];

      diptych_link_set_shared_terms (link, terms);
      for (guint j = 0; j < n_ops; j++)
        {
          ops[j].kind = fuzz_reader_uint (&reader, DIPTYCH_WORD_DELETED);
          ops[j].discrepancy = fuzz_reader_uint (&reader, DIPTYCH_DISCREPANCY_NAME);
          ops[j].a = read_span (&reader, docs[DIPTYCH_SIDE_A]);
          ops[j].b = read_span (&reader, docs[DIPTYCH_SIDE_B]);
        }
      diptych_link_set_word_ops (link, ops, n_ops);
      if (kind == DIPTYCH_LINK_PARTIAL)
        diptych_link_add_uncovered (link, DIPTYCH_SIDE_A, read_span (&reader, docs[DIPTYCH_SIDE_A]));
      diptych_alignment_add_link (alignment, link);
    }

  n = fuzz_reader_uint (&reader, MAX_ITEMS);
  for (guint i = 0; i < n; i++)
    {
      DiptychSide side = fuzz_reader_uint (&reader, 1);
      g_autoptr(DiptychOmission) omission =
        diptych_omission_new (side, read_span (&reader, docs[side]), DIPTYCH_STATE_AUTO);
      diptych_alignment_add_omission (alignment, omission);
    }
  diptych_alignment_sort (alignment);
  diptych_project_set_alignment (project, alignment);

  /* The user's decisions: confirm or reject some links, draw others.
   * Refusals (overlaps, empty spans) are fine; crashes are not. */
  n = g_list_model_get_n_items (diptych_project_get_links (project));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DiptychLink) link = g_list_model_get_item (diptych_project_get_links (project), i);
      DiptychState state = fuzz_reader_uint (&reader, DIPTYCH_STATE_REJECTED);

      if (state != DIPTYCH_STATE_AUTO)
        diptych_project_set_link_state (project, link, state, NULL);
      n = g_list_model_get_n_items (diptych_project_get_links (project));
    }
  n = fuzz_reader_uint (&reader, 3);
  for (guint i = 0; i < n; i++)
    {
      DiptychSpan a = read_span (&reader, docs[DIPTYCH_SIDE_A]);
      DiptychSpan b = read_span (&reader, docs[DIPTYCH_SIDE_B]);

      if (diptych_span_length (a) > 0 && diptych_span_length (b) > 0)
        diptych_project_add_link (project, a, b, NULL);
    }

  n = fuzz_reader_uint (&reader, MAX_ITEMS);
  for (guint i = 0; i < n; i++)
    {
      GListModel *tags = diptych_project_get_tags (project);
      guint n_tags = g_list_model_get_n_items (tags);
      DiptychSide side = fuzz_reader_uint (&reader, 1);
      DiptychSpan span = read_span (&reader, docs[side]);
      g_autofree char *note = read_string (&reader, docs[DIPTYCH_OTHER_SIDE (side)]);
      guint t = fuzz_reader_uint (&reader, n_tags);
      g_autoptr(DiptychTag) tag = t < n_tags ? g_list_model_get_item (tags, t) : NULL;
      g_autoptr(DiptychAnnotation) annotation =
        diptych_annotation_new (side, span, tag != NULL ? diptych_tag_get_name (tag) : NULL, note);

      if (fuzz_reader_uint (&reader, 1) && g_list_model_get_n_items (diptych_project_get_links (project)) > 0)
        {
          g_autoptr(DiptychLink) link = g_list_model_get_item (diptych_project_get_links (project), 0);
          diptych_annotation_set_link_id (annotation, diptych_link_get_id (link));
        }
      diptych_project_add_annotation (project, annotation);
    }

  return g_steal_pointer (&project);
}

static void
write_report (DiptychProject      *project,
              DiptychReportFormat  format,
              gboolean             only_annotated)
{
  DiptychReportOptions options = DIPTYCH_REPORT_OPTIONS_DEFAULT;
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  const char *data;
  gsize size;

  options.only_annotated = only_annotated;
  g_assert_true (diptych_report_write_to_stream (project, format, &options, stream,
                                                 NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (stream, NULL, NULL));

  data = g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream));
  size = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream));
  g_assert_cmpuint (size, >, 0);
  if (format == DIPTYCH_REPORT_PDF)
    g_assert_true (size > 5 && memcmp (data, "%PDF-", 5) == 0);
  else
    g_assert_true (g_utf8_validate_len (data, size, NULL));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(DiptychProject) project = NULL;

  if (size > FUZZ_REPORT_MAX_INPUT)
    return 0;

  project = build_project (data, size);
  write_report (project, DIPTYCH_REPORT_JSON, FALSE);
  write_report (project, DIPTYCH_REPORT_HTML, FALSE);
  write_report (project, DIPTYCH_REPORT_CSV, size % 2 == 0);
  /* PDF layout costs more than the others: one input in eight. */
  if (size % 8 == 1)
    write_report (project, DIPTYCH_REPORT_PDF, FALSE);
  return 0;
}
