/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "diptych-report"

#include "config.h"

#include <string.h>

#include "diptych-report-private.h"

/* One CSV file (RFC 4180: CRLF line ends, a header row, fields quoted when
 * they hold a comma, a quote, CR or LF, quotes doubled), UTF-8 without BOM.
 * Each row is a record whose kind the first column names:
 *
 *   link        a_* and b_* columns: both passages; kind, score, state,
 *               shared_terms (joined by "; ")
 *   omission    side, and the a_* or b_* columns of that side; state
 *   annotation  side, the a_* or b_* columns of that side (text = the
 *               quoted passage); tag, note, link (the link id, if any)
 *
 * Text cells that a spreadsheet would take for a formula (starting with
 * = + - @, a tab or CR) get a leading single quote. */

static const char *columns[] = {
  "record", "id", "side", "a_start", "a_end", "a_text", "b_start", "b_end", "b_text",
  "kind", "score", "state", "shared_terms", "tag", "note", "link",
};

enum {
  COL_RECORD, COL_ID, COL_SIDE, COL_A_START, COL_A_END, COL_A_TEXT,
  COL_B_START, COL_B_END, COL_B_TEXT, COL_KIND, COL_SCORE, COL_STATE,
  COL_SHARED_TERMS, COL_TAG, COL_NOTE, COL_LINK, N_COLUMNS
};

G_STATIC_ASSERT (G_N_ELEMENTS (columns) == N_COLUMNS);

static void
csv_field (GString    *out,
           const char *text,
           gsize       n_bytes)
{
  gboolean formula = n_bytes > 0 && strchr ("=+-@\t\r", text[0]) != NULL;
  gboolean quote = FALSE;

  for (gsize i = 0; i < n_bytes && !quote; i++)
    quote = text[i] == ',' || text[i] == '"' || text[i] == '\r' || text[i] == '\n';

  if (quote)
    g_string_append_c (out, '"');
  if (formula)
    g_string_append_c (out, '\'');

  if (quote)
    {
      const char *run = text;
      for (const char *p = text; p < text + n_bytes; p++)
        if (*p == '"')
          {
            g_string_append_len (out, run, p + 1 - run);
            g_string_append_c (out, '"');
            run = p + 1;
          }
      g_string_append_len (out, run, text + n_bytes - run);
      g_string_append_c (out, '"');
    }
  else
    g_string_append_len (out, text, n_bytes);
}

typedef struct
{
  const char *text[N_COLUMNS];
  gsize       length[N_COLUMNS];
  char       *owned[N_COLUMNS];
} Row;

static void
row_set (Row        *row,
         guint       column,
         const char *text,
         gssize      length)
{
  row->text[column] = text;
  row->length[column] = text == NULL ? 0 : length < 0 ? strlen (text) : (gsize) length;
}

static void
row_take (Row  *row,
          guint column,
          char *text)
{
  g_free (row->owned[column]);
  row->owned[column] = text;
  row_set (row, column, text, -1);
}

static void
row_set_span (Row             *row,
              DiptychReport   *report,
              DiptychSide      side,
              DiptychSpan      span)
{
  guint base = side == DIPTYCH_SIDE_A ? COL_A_START : COL_B_START;
  const char *p;
  gsize n;

  row_take (row, base, g_strdup_printf ("%u", span.start));
  row_take (row, base + 1, g_strdup_printf ("%u", span.end));
  p = diptych_document_span_pointer (report->documents[side], span, &n);
  row_set (row, base + 2, p, n);
}

static void
row_write (Row     *row,
           GString *out)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      if (row->text[i] != NULL)
        csv_field (out, row->text[i], row->length[i]);
      g_clear_pointer (&row->owned[i], g_free);
      row->text[i] = NULL;
      row->length[i] = 0;
    }
  g_string_append (out, "\r\n");
}

gboolean
diptych_report_write_csv_internal (DiptychReport  *report,
                                   GError        **error)
{
  GString *out = report->buffer;
  Row row = { { NULL, }, { 0, }, { NULL, } };
  guint total = report->links->len + report->omissions->len + report->annotations->len + 1;
  guint done = 0;

  for (guint i = 0; i < N_COLUMNS; i++)
    row_set (&row, i, columns[i], -1);
  row_write (&row, out);

  for (guint i = 0; i < report->links->len; i++, done++)
    {
      DiptychLink *link = g_ptr_array_index (report->links, i);
      const char * const *terms = diptych_link_get_shared_terms (link);

      row_set (&row, COL_RECORD, "link", -1);
      row_set (&row, COL_ID, diptych_link_get_id (link), -1);
      row_set_span (&row, report, DIPTYCH_SIDE_A, diptych_link_get_span (link, DIPTYCH_SIDE_A));
      row_set_span (&row, report, DIPTYCH_SIDE_B, diptych_link_get_span (link, DIPTYCH_SIDE_B));
      row_set (&row, COL_KIND, diptych_link_kind_to_string (diptych_link_get_kind (link)), -1);
      row_take (&row, COL_SCORE, diptych_report_format_score (diptych_link_get_score (link)));
      row_set (&row, COL_STATE, diptych_state_to_string (diptych_link_get_state (link)), -1);
      if (terms != NULL)
        row_take (&row, COL_SHARED_TERMS, g_strjoinv ("; ", (char **) terms));
      row_write (&row, out);
      if (!diptych_report_flush (report, FALSE, (double) done / total, error))
        return FALSE;
    }

  for (guint i = 0; i < report->omissions->len; i++, done++)
    {
      DiptychOmission *omission = g_ptr_array_index (report->omissions, i);
      DiptychSide side = diptych_omission_get_side (omission);

      row_set (&row, COL_RECORD, "omission", -1);
      row_set (&row, COL_ID, diptych_omission_get_id (omission), -1);
      row_set (&row, COL_SIDE, diptych_side_to_string (side), -1);
      row_set_span (&row, report, side, diptych_omission_get_span (omission));
      row_set (&row, COL_STATE, diptych_state_to_string (diptych_omission_get_state (omission)), -1);
      row_write (&row, out);
      if (!diptych_report_flush (report, FALSE, (double) done / total, error))
        return FALSE;
    }

  for (guint i = 0; i < report->annotations->len; i++, done++)
    {
      DiptychAnnotation *annotation = g_ptr_array_index (report->annotations, i);
      DiptychSide side = diptych_annotation_get_side (annotation);

      row_set (&row, COL_RECORD, "annotation", -1);
      row_set (&row, COL_ID, diptych_annotation_get_id (annotation), -1);
      row_set (&row, COL_SIDE, diptych_side_to_string (side), -1);
      row_set_span (&row, report, side, diptych_annotation_get_span (annotation));
      row_set (&row, COL_TAG, diptych_annotation_get_tag (annotation), -1);
      row_set (&row, COL_NOTE, diptych_annotation_get_note (annotation), -1);
      row_set (&row, COL_LINK, diptych_annotation_get_link_id (annotation), -1);
      row_write (&row, out);
      if (!diptych_report_flush (report, FALSE, (double) done / total, error))
        return FALSE;
    }

  return TRUE;
}
