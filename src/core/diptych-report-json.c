/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "diptych-report"

#include "config.h"

#include <string.h>

#include "diptych-report-private.h"

/* The JSON alignment export, version 1 (DESIGN.md). Written by hand, in
 * one pass, so that large reports stream out quickly; the text is UTF-8
 * already, so only quotes, backslashes and control characters need
 * escaping. Fields beyond the contract: title, settings, ids, document
 * title/format/sha256, link and omission text, word_diff, omission state,
 * annotation quote and link. */

static void
json_string (GString    *out,
             const char *text,
             gssize      n_bytes)
{
  const char *p, *end, *run;

  if (text == NULL)
    {
      g_string_append (out, "null");
      return;
    }
  if (n_bytes < 0)
    n_bytes = strlen (text);

  g_string_append_c (out, '"');
  end = text + n_bytes;
  run = text;
  for (p = text; p < end; p++)
    {
      guchar c = (guchar) *p;

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;

      g_string_append_len (out, run, p - run);
      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default: g_string_append_printf (out, "\\u%04x", c); break;
        }
      run = p + 1;
    }
  g_string_append_len (out, run, end - run);
  g_string_append_c (out, '"');
}

static void
json_span (GString     *out,
           DiptychSpan  span)
{
  g_string_append_printf (out, "{\"start\": %u, \"end\": %u}", span.start, span.end);
}

static void
json_text (GString         *out,
           DiptychDocument *doc,
           DiptychSpan      span)
{
  gsize n;
  const char *p = diptych_document_span_pointer (doc, span, &n);

  json_string (out, p, n);
}

static void
write_document (DiptychReport *report,
                DiptychSide    side)
{
  GString *out = report->buffer;
  DiptychDocument *doc = report->documents[side];
  const char *path = diptych_document_get_source (doc);

  g_string_append_printf (out, "    \"%s\": {\"path\": ", diptych_side_to_string (side));
  json_string (out, path != NULL ? path : "", -1);
  g_string_append_printf (out, ", \"chars\": %u, \"title\": ", diptych_document_get_length (doc));
  json_string (out, diptych_document_get_title (doc), -1);
  g_string_append (out, ", \"format\": ");
  json_string (out, diptych_document_get_format (doc), -1);
  g_string_append (out, ", \"sha256\": ");
  json_string (out, diptych_document_get_sha256 (doc), -1);
  g_string_append (out, "}");
}

static void
write_link (DiptychReport *report,
            DiptychLink   *link)
{
  GString *out = report->buffer;
  DiptychSpan a = diptych_link_get_span (link, DIPTYCH_SIDE_A);
  DiptychSpan b = diptych_link_get_span (link, DIPTYCH_SIDE_B);
  const char * const *terms = diptych_link_get_shared_terms (link);
  g_autofree char *score = diptych_report_format_score (diptych_link_get_score (link));

  g_string_append (out, "    {\"id\": ");
  json_string (out, diptych_link_get_id (link), -1);
  g_string_append (out, ", \"a\": ");
  json_span (out, a);
  g_string_append (out, ", \"b\": ");
  json_span (out, b);
  g_string_append_printf (out, ", \"score\": %s, \"kind\": \"%s\", \"state\": \"%s\", \"shared_terms\": [",
                          score,
                          diptych_link_kind_to_string (diptych_link_get_kind (link)),
                          diptych_state_to_string (diptych_link_get_state (link)));
  for (guint i = 0; terms != NULL && terms[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      json_string (out, terms[i], -1);
    }
  g_string_append (out, "],\n     \"text\": {\"a\": ");
  json_text (out, report->documents[DIPTYCH_SIDE_A], a);
  g_string_append (out, ", \"b\": ");
  json_text (out, report->documents[DIPTYCH_SIDE_B], b);
  g_string_append (out, "}");

  if (report->options.word_diff)
    {
      guint n_ops;
      const DiptychWordOp *ops = diptych_report_get_word_ops (report, link, &n_ops);

      g_string_append (out, ",\n     \"word_diff\": [");
      for (guint i = 0; i < n_ops; i++)
        {
          const char *kind = diptych_word_op_kind_to_string (ops[i].kind);

          g_string_append_printf (out, "%s{\"op\": \"%s\", \"a\": ", i > 0 ? ", " : "",
                                  kind != NULL ? kind : "changed");
          json_span (out, ops[i].a);
          g_string_append (out, ", \"b\": ");
          json_span (out, ops[i].b);
          if (ops[i].discrepancy != DIPTYCH_DISCREPANCY_NONE &&
              diptych_discrepancy_to_string (ops[i].discrepancy) != NULL)
            g_string_append_printf (out, ", \"discrepancy\": \"%s\"",
                                    diptych_discrepancy_to_string (ops[i].discrepancy));
          g_string_append (out, "}");
        }
      g_string_append (out, "]");
    }
  g_string_append (out, "}");
}

static void
write_omission (DiptychReport   *report,
                DiptychOmission *omission)
{
  GString *out = report->buffer;
  DiptychSide side = diptych_omission_get_side (omission);
  DiptychSpan span = diptych_omission_get_span (omission);

  g_string_append (out, "    {\"id\": ");
  json_string (out, diptych_omission_get_id (omission), -1);
  g_string_append_printf (out, ", \"doc\": \"%s\", \"start\": %u, \"end\": %u, \"state\": \"%s\", \"text\": ",
                          diptych_side_to_string (side), span.start, span.end,
                          diptych_state_to_string (diptych_omission_get_state (omission)));
  json_text (out, report->documents[side], span);
  g_string_append (out, "}");
}

static void
write_annotation (DiptychReport     *report,
                  DiptychAnnotation *annotation)
{
  GString *out = report->buffer;
  DiptychSide side = diptych_annotation_get_side (annotation);
  DiptychSpan span = diptych_annotation_get_span (annotation);

  g_string_append (out, "    {\"id\": ");
  json_string (out, diptych_annotation_get_id (annotation), -1);
  g_string_append_printf (out, ", \"doc\": \"%s\", \"start\": %u, \"end\": %u, \"tag\": ",
                          diptych_side_to_string (side), span.start, span.end);
  json_string (out, diptych_annotation_get_tag (annotation), -1);
  g_string_append (out, ", \"note\": ");
  json_string (out, diptych_annotation_get_note (annotation) != NULL
                    ? diptych_annotation_get_note (annotation) : "", -1);
  g_string_append (out, ", \"quote\": ");
  json_text (out, report->documents[side], span);
  g_string_append (out, ", \"link\": ");
  json_string (out, diptych_annotation_get_link_id (annotation), -1);
  g_string_append (out, "}");
}

gboolean
diptych_report_write_json_internal (DiptychReport  *report,
                                    GError        **error)
{
  GString *out = report->buffer;
  const DiptychAlignSettings *settings = diptych_project_get_settings (report->project);
  g_autofree char *sensitivity = diptych_report_format_score (settings->sensitivity);
  guint total = report->links->len + report->omissions->len + report->annotations->len + 1;
  guint done = 0;

  g_string_append (out, "{\n  \"format\": \"diptych-alignment\",\n  \"version\": 1,\n  \"title\": ");
  json_string (out, report->title, -1);
  g_string_append (out, ",\n  \"documents\": {\n");
  write_document (report, DIPTYCH_SIDE_A);
  g_string_append (out, ",\n");
  write_document (report, DIPTYCH_SIDE_B);
  g_string_append_printf (out, "\n  },\n  \"settings\": {\"granularity\": \"%s\", \"sensitivity\": %s},\n",
                          diptych_granularity_to_string (settings->granularity), sensitivity);

  g_string_append (out, "  \"links\": [");
  for (guint i = 0; i < report->links->len; i++, done++)
    {
      g_string_append (out, i > 0 ? ",\n" : "\n");
      write_link (report, g_ptr_array_index (report->links, i));
      if (!diptych_report_flush (report, FALSE, (double) done / total, error))
        return FALSE;
    }
  g_string_append (out, report->links->len > 0 ? "\n  ],\n" : "],\n");

  g_string_append (out, "  \"omissions\": [");
  for (guint i = 0; i < report->omissions->len; i++, done++)
    {
      g_string_append (out, i > 0 ? ",\n" : "\n");
      write_omission (report, g_ptr_array_index (report->omissions, i));
      if (!diptych_report_flush (report, FALSE, (double) done / total, error))
        return FALSE;
    }
  g_string_append (out, report->omissions->len > 0 ? "\n  ],\n" : "],\n");

  g_string_append (out, "  \"annotations\": [");
  for (guint i = 0; i < report->annotations->len; i++, done++)
    {
      g_string_append (out, i > 0 ? ",\n" : "\n");
      write_annotation (report, g_ptr_array_index (report->annotations, i));
      if (!diptych_report_flush (report, FALSE, (double) done / total, error))
        return FALSE;
    }
  g_string_append (out, report->annotations->len > 0 ? "\n  ]\n}\n" : "]\n}\n");

  return TRUE;
}
