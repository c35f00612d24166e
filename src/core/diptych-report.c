/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "diptych-report"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "diptych-aligner.h"
#include "diptych-error.h"
#include "diptych-progress.h"
#include "diptych-report-private.h"

/* Output is buffered and written in chunks of about this size. */
#define FLUSH_THRESHOLD (64 * 1024)

static const char *format_names[] = { "json", "html", "csv", "pdf" };
static const char *format_mime_types[] = { "application/json", "text/html", "text/csv", "application/pdf" };

const char *
diptych_report_format_to_string (DiptychReportFormat format)
{
  g_return_val_if_fail (format <= DIPTYCH_REPORT_PDF, NULL);
  return format_names[format];
}

gboolean
diptych_report_format_from_string (const char          *str,
                                   DiptychReportFormat *format)
{
  g_return_val_if_fail (format != NULL, FALSE);

  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (format_names); i++)
    {
      if (g_ascii_strcasecmp (str, format_names[i]) == 0)
        {
          *format = (DiptychReportFormat) i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
diptych_report_format_get_extension (DiptychReportFormat format)
{
  return diptych_report_format_to_string (format);
}

const char *
diptych_report_format_get_mime_type (DiptychReportFormat format)
{
  g_return_val_if_fail (format <= DIPTYCH_REPORT_PDF, NULL);
  return format_mime_types[format];
}

gboolean
diptych_paper_size_from_string (const char       *str,
                                DiptychPaperSize *paper)
{
  g_return_val_if_fail (paper != NULL, FALSE);

  if (str == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (str, "a4") == 0)
    *paper = DIPTYCH_PAPER_A4;
  else if (g_ascii_strcasecmp (str, "letter") == 0)
    *paper = DIPTYCH_PAPER_LETTER;
  else
    return FALSE;
  return TRUE;
}

/* Helpers shared by the writers */

char *
diptych_report_document_name (DiptychReport *report,
                              DiptychSide    side)
{
  DiptychDocument *doc = report->documents[side];
  const char *title = diptych_document_get_title (doc);

  if (title != NULL && *title != '\0')
    return g_strdup (title);
  /* Translators: a document without title, "Document A" or "Document B" */
  return g_strdup_printf (_("Document %s"), diptych_side_get_label (side));
}

/* Scores are shown with at most three decimals, without trailing zeros,
 * in the C locale (JSON and CSV need a dot). */
/* Dates in reports: unambiguous wherever the report is read. */
char *
diptych_report_format_time (GDateTime *time)
{
  return g_date_time_format (time, "%Y-%m-%d %H:%M:%S %Z");
}

char *
diptych_report_format_score (double score)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char *end;

  if (!isfinite (score))
    score = 0.0;
  score = CLAMP (round (score * 1000.0) / 1000.0, -1e9, 1e9);
  g_ascii_formatd (buf, sizeof buf, "%.3f", score);
  end = buf + strlen (buf) - 1;
  while (end > buf && *end == '0')
    *end-- = '\0';
  if (*end == '.')
    *end = '\0';
  if (strcmp (buf, "-0") == 0)
    return g_strdup ("0");
  return g_strdup (buf);
}

/* Escapes for HTML and for Pango markup alike: the five special
 * characters, and control characters (not allowed in either) become
 * U+FFFD. Tabs and newlines are kept. */
void
diptych_report_append_escaped (GString    *out,
                               const char *text,
                               gssize      n_bytes)
{
  const char *p, *end, *run;

  if (text == NULL)
    return;
  if (n_bytes < 0)
    n_bytes = strlen (text);

  end = text + n_bytes;
  run = text;
  for (p = text; p < end; p++)
    {
      const char *replacement;
      guchar c = (guchar) *p;

      switch (c)
        {
        case '&': replacement = "&amp;"; break;
        case '<': replacement = "&lt;"; break;
        case '>': replacement = "&gt;"; break;
        case '"': replacement = "&quot;"; break;
        case '\'': replacement = "&#39;"; break;
        case '\t': case '\n': continue;
        case '\r': replacement = "\n"; break;
        default:
          if (c < 0x20 || c == 0x7f)
            replacement = "\xef\xbf\xbd";
          else
            continue;
        }

      g_string_append_len (out, run, p - run);
      g_string_append (out, replacement);
      run = p + 1;
    }
  g_string_append_len (out, run, end - run);
}

const char *
diptych_report_state_label (DiptychState state)
{
  switch (state)
    {
    case DIPTYCH_STATE_AUTO: return _("Found by the model");
    case DIPTYCH_STATE_CONFIRMED: return _("Confirmed");
    case DIPTYCH_STATE_REJECTED: return _("Rejected");
    case DIPTYCH_STATE_MANUAL: return _("Added by hand");
    default: return "?";
    }
}

const char *
diptych_report_discrepancy_label (DiptychDiscrepancy discrepancy)
{
  switch (discrepancy)
    {
    case DIPTYCH_DISCREPANCY_NUMBER: return _("Different number");
    case DIPTYCH_DISCREPANCY_DATE: return _("Different date");
    case DIPTYCH_DISCREPANCY_NAME: return _("Different name");
    case DIPTYCH_DISCREPANCY_NONE:
    default: return "";
    }
}

/* "87 %" with one decimal below 10 %, in the user's locale. */
char *
diptych_report_percent (double fraction)
{
  double percent = CLAMP (fraction, 0.0, 1.0) * 100.0;

  /* Translators: a percentage; keep the %.*f and use your language's percent sign and spacing */
  return g_strdup_printf (C_("percent", "%.*f %%"), percent > 0.0 && percent < 10.0 ? 1 : 0, percent);
}

char *
diptych_report_passage_label (DiptychSpan span)
{
  /* Translators: where a passage lies, in characters */
  return g_strdup_printf (_("characters %u–%u"), span.start, span.end);
}

guint
diptych_report_count_annotations_with_tag (DiptychReport *report,
                                           const char    *tag)
{
  guint n = 0;

  for (guint i = 0; i < report->annotations->len; i++)
    if (g_strcmp0 (diptych_annotation_get_tag (g_ptr_array_index (report->annotations, i)), tag) == 0)
      n++;
  return n;
}

/* Building the report */

static int
compare_spans (gconstpointer pa,
               gconstpointer pb)
{
  const DiptychSpan *a = pa;
  const DiptychSpan *b = pb;

  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  return a->end < b->end ? -1 : a->end > b->end;
}

/* Share of the non-space characters of a document inside the spans. */
static double
coverage_of (DiptychDocument *doc,
             GArray          *spans)
{
  const char *text = diptych_document_get_text (doc);
  const char *p;
  guint offset = 0, i = 0;
  guint64 total = 0, covered = 0;

  g_array_sort (spans, compare_spans);

  for (p = text; *p != '\0'; p = g_utf8_next_char (p), offset++)
    {
      gboolean space = g_unichar_isspace (g_utf8_get_char (p));

      if (space)
        continue;
      total++;
      while (i < spans->len && g_array_index (spans, DiptychSpan, i).end <= offset)
        i++;
      if (i < spans->len && diptych_span_contains (g_array_index (spans, DiptychSpan, i), offset))
        covered++;
    }

  return total > 0 ? (double) covered / (double) total : 0.0;
}

static gboolean
annotation_touches (DiptychAnnotation *annotation,
                    DiptychSide        side,
                    DiptychSpan        span,
                    const char        *link_id)
{
  if (link_id != NULL && g_strcmp0 (diptych_annotation_get_link_id (annotation), link_id) == 0)
    return TRUE;
  return diptych_annotation_get_side (annotation) == side &&
         diptych_span_overlaps (diptych_annotation_get_span (annotation), span);
}

static gboolean
is_annotated (DiptychReport *report,
              DiptychLink   *link,
              DiptychOmission *omission)
{
  for (guint i = 0; i < report->annotations->len; i++)
    {
      DiptychAnnotation *annotation = g_ptr_array_index (report->annotations, i);

      if (link != NULL &&
          (annotation_touches (annotation, DIPTYCH_SIDE_A, diptych_link_get_span (link, DIPTYCH_SIDE_A),
                               diptych_link_get_id (link)) ||
           annotation_touches (annotation, DIPTYCH_SIDE_B, diptych_link_get_span (link, DIPTYCH_SIDE_B), NULL)))
        return TRUE;
      if (omission != NULL &&
          annotation_touches (annotation, diptych_omission_get_side (omission),
                              diptych_omission_get_span (omission), NULL))
        return TRUE;
    }
  return FALSE;
}

/* The links that cross others are those outside a longest run that keeps
 * the order of B while reading A (a longest increasing subsequence). */
static void
mark_moved (DiptychReportRow *rows,
            guint             n_rows,
            guint             n_links)
{
  g_autofree guint *row_of = g_new0 (guint, n_links + 1);
  g_autofree guint *tails = g_new0 (guint, n_links + 1);
  g_autofree guint *prev = g_new0 (guint, n_links + 1);
  guint length = 0, k = 0;

  for (guint i = 0; i < n_rows; i++)
    if (rows[i].link != NULL)
      row_of[k++] = i;

  for (guint i = 0; i < k; i++)
    {
      guint b = rows[row_of[i]].b_number;
      guint lo = 0, hi = length;

      while (lo < hi)
        {
          guint mid = (lo + hi) / 2;
          if (rows[row_of[tails[mid]]].b_number < b)
            lo = mid + 1;
          else
            hi = mid;
        }
      prev[i] = lo > 0 ? tails[lo - 1] : G_MAXUINT;
      tails[lo] = i;
      if (lo == length)
        length++;
    }

  for (guint i = 0; i < k; i++)
    rows[row_of[i]].moved = TRUE;
  if (length > 0)
    for (guint i = tails[length - 1]; i != G_MAXUINT; i = prev[i])
      rows[row_of[i]].moved = FALSE;
}

typedef struct
{
  DiptychReportRow row;
  guint            key;
  guint            rank;
  guint            start;
} SortableRow;

static int
compare_sortable_rows (gconstpointer pa,
                       gconstpointer pb)
{
  const SortableRow *a = pa;
  const SortableRow *b = pb;

  if (a->key != b->key)
    return a->key < b->key ? -1 : 1;
  if (a->rank != b->rank)
    return a->rank < b->rank ? -1 : 1;
  return a->start < b->start ? -1 : a->start > b->start;
}

/* Rows in reading order of A. An omission of B goes after the link that
 * precedes it in B, so that it stands near its context. */
static void
build_rows (DiptychReport *report)
{
  guint n_links = report->links->len;
  g_autoptr(GPtrArray) by_b = g_ptr_array_sized_new (n_links);
  g_autoptr(GHashTable) b_numbers = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) sortable = g_array_new (FALSE, TRUE, sizeof (SortableRow));

  for (guint i = 0; i < n_links; i++)
    g_ptr_array_add (by_b, g_ptr_array_index (report->links, i));
  g_ptr_array_sort (by_b, diptych_link_compare_by_b);
  for (guint i = 0; i < by_b->len; i++)
    g_hash_table_insert (b_numbers, g_ptr_array_index (by_b, i), GUINT_TO_POINTER (i + 1));

  for (guint i = 0; i < n_links; i++)
    {
      DiptychLink *link = g_ptr_array_index (report->links, i);
      SortableRow r = { { 0, }, 0, 0, 0 };

      r.row.link = link;
      r.row.a_number = i + 1;
      r.row.b_number = GPOINTER_TO_UINT (g_hash_table_lookup (b_numbers, link));
      r.key = diptych_link_get_span (link, DIPTYCH_SIDE_A).start;
      g_array_append_val (sortable, r);
    }

  for (guint i = 0; i < report->omissions->len; i++)
    {
      DiptychOmission *omission = g_ptr_array_index (report->omissions, i);
      DiptychSpan span = diptych_omission_get_span (omission);
      SortableRow r = { { 0, }, 0, 0, span.start };

      r.row.omission = omission;
      if (diptych_omission_get_side (omission) == DIPTYCH_SIDE_A)
        {
          r.key = span.start;
          r.rank = 1;
        }
      else
        {
          guint lo = 0, hi = by_b->len;

          /* Last link starting before the omission in B. */
          while (lo < hi)
            {
              guint mid = (lo + hi) / 2;
              if (diptych_link_get_span (g_ptr_array_index (by_b, mid), DIPTYCH_SIDE_B).start < span.start)
                lo = mid + 1;
              else
                hi = mid;
            }
          r.key = lo > 0 ? diptych_link_get_span (g_ptr_array_index (by_b, lo - 1), DIPTYCH_SIDE_A).end : 0;
          r.rank = 2;
        }
      g_array_append_val (sortable, r);
    }

  g_array_sort (sortable, compare_sortable_rows);
  for (guint i = 0; i < sortable->len; i++)
    g_array_append_val (report->rows, g_array_index (sortable, SortableRow, i).row);

  mark_moved ((DiptychReportRow *) (gpointer) report->rows->data, report->rows->len, n_links);
}

static gboolean
check_span (DiptychReport  *report,
            DiptychSide     side,
            DiptychSpan     span,
            const char     *id,
            GError        **error)
{
  if (diptych_document_span_is_valid (report->documents[side], span))
    return TRUE;

  g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_INVALID,
               ngettext ("The passage %s (%u–%u) lies outside document %s (%u character). Re-run the comparison and export again.",
                         "The passage %s (%u–%u) lies outside document %s (%u characters). Re-run the comparison and export again.",
                         diptych_document_get_length (report->documents[side])),
               id != NULL ? id : "?", span.start, span.end, diptych_side_get_label (side),
               diptych_document_get_length (report->documents[side]));
  return FALSE;
}

DiptychReport *
diptych_report_new (DiptychProject             *project,
                    const DiptychReportOptions *options,
                    GOutputStream              *stream,
                    DiptychProgressFunc         progress,
                    gpointer                    progress_data,
                    GCancellable               *cancellable,
                    GError                    **error)
{
  g_autoptr(DiptychReport) report = g_new0 (DiptychReport, 1);
  g_autoptr(GArray) covered_a = g_array_new (FALSE, FALSE, sizeof (DiptychSpan));
  g_autoptr(GArray) covered_b = g_array_new (FALSE, FALSE, sizeof (DiptychSpan));
  GListModel *model;
  guint n;

  report->project = g_object_ref (project);
  report->options = options != NULL ? *options : DIPTYCH_REPORT_OPTIONS_DEFAULT;
  report->links = g_ptr_array_new_with_free_func (g_object_unref);
  report->omissions = g_ptr_array_new_with_free_func (g_object_unref);
  report->annotations = g_ptr_array_new_with_free_func (g_object_unref);
  report->rows = g_array_new (FALSE, TRUE, sizeof (DiptychReportRow));
  report->word_ops = g_hash_table_new_full (NULL, NULL, g_object_unref, (GDestroyNotify) g_array_unref);
  g_mutex_init (&report->word_ops_mutex);
  report->buffer = g_string_sized_new (FLUSH_THRESHOLD + 4096);
  report->stream = stream != NULL ? g_object_ref (stream) : NULL;
  report->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  report->progress = progress;
  report->progress_data = progress_data;

  for (guint side = 0; side < DIPTYCH_N_SIDES; side++)
    {
      DiptychDocument *doc = diptych_project_get_document (project, side);

      if (doc == NULL)
        {
          g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_INVALID,
                       _("There is nothing to report yet: open two documents to compare first."));
          return NULL;
        }
      report->documents[side] = g_object_ref (doc);
    }

  if (report->options.title != NULL && *report->options.title != '\0')
    report->title = g_strdup (report->options.title);
  else
    {
      g_autofree char *name_a = diptych_report_document_name (report, DIPTYCH_SIDE_A);
      g_autofree char *name_b = diptych_report_document_name (report, DIPTYCH_SIDE_B);
      /* Translators: the default report title, from the two documents' titles */
      report->title = g_strdup_printf (_("%s and %s compared"), name_a, name_b);
    }
  report->options.title = report->title;

  model = diptych_project_get_annotations (project);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DiptychAnnotation) annotation = g_list_model_get_item (model, i);

      if (!check_span (report, diptych_annotation_get_side (annotation),
                       diptych_annotation_get_span (annotation),
                       diptych_annotation_get_id (annotation), error))
        return NULL;
      g_ptr_array_add (report->annotations, g_steal_pointer (&annotation));
    }
  g_ptr_array_sort (report->annotations, diptych_annotation_compare);

  model = diptych_project_get_links (project);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DiptychLink) link = g_list_model_get_item (model, i);
      DiptychState state = diptych_link_get_state (link);
      DiptychSpan a = diptych_link_get_span (link, DIPTYCH_SIDE_A);
      DiptychSpan b = diptych_link_get_span (link, DIPTYCH_SIDE_B);

      if (!check_span (report, DIPTYCH_SIDE_A, a, diptych_link_get_id (link), error) ||
          !check_span (report, DIPTYCH_SIDE_B, b, diptych_link_get_id (link), error))
        return NULL;

      report->n_links_total++;
      if (state < G_N_ELEMENTS (report->n_by_state))
        report->n_by_state[state]++;
      /* A link the user rejected is not a link. */
      if (state == DIPTYCH_STATE_REJECTED)
        continue;
      if (diptych_link_get_kind (link) < G_N_ELEMENTS (report->n_by_kind))
        report->n_by_kind[diptych_link_get_kind (link)]++;
      g_array_append_val (covered_a, a);
      g_array_append_val (covered_b, b);

      if (report->options.only_annotated && !is_annotated (report, link, NULL))
        continue;
      g_ptr_array_add (report->links, g_steal_pointer (&link));
    }
  g_ptr_array_sort (report->links, diptych_link_compare_by_a);

  model = diptych_project_get_omissions (project);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DiptychOmission) omission = g_list_model_get_item (model, i);
      DiptychSide side = diptych_omission_get_side (omission);

      if (!check_span (report, side, diptych_omission_get_span (omission),
                       diptych_omission_get_id (omission), error))
        return NULL;
      if (diptych_omission_get_state (omission) == DIPTYCH_STATE_REJECTED)
        continue;
      report->n_omissions[side]++;
      if (report->options.only_annotated && !is_annotated (report, NULL, omission))
        continue;
      g_ptr_array_add (report->omissions, g_steal_pointer (&omission));
    }
  g_ptr_array_sort (report->omissions, diptych_omission_compare);

  report->coverage[DIPTYCH_SIDE_A] = coverage_of (report->documents[DIPTYCH_SIDE_A], covered_a);
  report->coverage[DIPTYCH_SIDE_B] = coverage_of (report->documents[DIPTYCH_SIDE_B], covered_b);

  build_rows (report);

  return g_steal_pointer (&report);
}

void
diptych_report_free (DiptychReport *report)
{
  if (report == NULL)
    return;

  g_clear_object (&report->project);
  g_clear_object (&report->documents[0]);
  g_clear_object (&report->documents[1]);
  g_clear_pointer (&report->links, g_ptr_array_unref);
  g_clear_pointer (&report->omissions, g_ptr_array_unref);
  g_clear_pointer (&report->annotations, g_ptr_array_unref);
  g_clear_pointer (&report->rows, g_array_unref);
  g_clear_pointer (&report->word_ops, g_hash_table_unref);
  g_mutex_clear (&report->word_ops_mutex);
  if (report->buffer != NULL)
    g_string_free (report->buffer, TRUE);
  g_clear_object (&report->stream);
  g_clear_object (&report->cancellable);
  g_free (report->title);
  g_free (report);
}

gboolean
diptych_report_write_bytes (DiptychReport  *report,
                            const void     *data,
                            gsize           n_bytes,
                            GError        **error)
{
  g_autoptr(GError) local_error = NULL;

  if (g_output_stream_write_all (report->stream, data, n_bytes, NULL,
                                 report->cancellable, &local_error))
    return TRUE;

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_set_error_literal (error, DIPTYCH_ERROR, DIPTYCH_ERROR_CANCELLED,
                         _("The export was cancelled."));
  else
    g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_IO,
                 _("The report could not be written: %s"), local_error->message);
  return FALSE;
}

/* Writes the buffered output when it is large enough (or when forced),
 * reports progress and notices cancellation. */
gboolean
diptych_report_flush (DiptychReport  *report,
                      gboolean        force,
                      double          fraction,
                      GError        **error)
{
  if (!force && report->buffer->len < FLUSH_THRESHOLD)
    return TRUE;

  if (g_cancellable_is_cancelled (report->cancellable))
    {
      g_set_error_literal (error, DIPTYCH_ERROR, DIPTYCH_ERROR_CANCELLED,
                           _("The export was cancelled."));
      return FALSE;
    }

  if (report->buffer->len > 0 &&
      !diptych_report_write_bytes (report, report->buffer->str, report->buffer->len, error))
    return FALSE;
  g_string_truncate (report->buffer, 0);

  if (report->progress != NULL)
    report->progress (CLAMP (fraction, 0.0, 1.0), report->progress_data);
  return TRUE;
}

/* The link's word-level differences; for links that have none stored
 * (drawn by hand, or loaded from a project file), computed once here
 * without touching the link. */
const DiptychWordOp *
diptych_report_get_word_ops (DiptychReport *report,
                             DiptychLink   *link,
                             guint         *n_ops)
{
  GArray *ops;

  if (diptych_link_has_word_ops (link))
    return diptych_link_get_word_ops (link, n_ops);

  g_mutex_lock (&report->word_ops_mutex);
  ops = g_hash_table_lookup (report->word_ops, link);
  g_mutex_unlock (&report->word_ops_mutex);

  if (ops == NULL)
    {
      GArray *computed = diptych_word_diff (report->documents[DIPTYCH_SIDE_A], diptych_link_get_span (link, DIPTYCH_SIDE_A),
                                            report->documents[DIPTYCH_SIDE_B], diptych_link_get_span (link, DIPTYCH_SIDE_B));
      if (computed == NULL)
        computed = g_array_new (FALSE, FALSE, sizeof (DiptychWordOp));

      /* Arrays stay in the table until the report is freed, so the data
       * returned remains valid. */
      g_mutex_lock (&report->word_ops_mutex);
      ops = g_hash_table_lookup (report->word_ops, link);
      if (ops == NULL)
        g_hash_table_insert (report->word_ops, g_object_ref (link), (ops = computed));
      else
        g_array_unref (computed);
      g_mutex_unlock (&report->word_ops_mutex);
    }

  *n_ops = ops->len;
  return (const DiptychWordOp *) (gpointer) ops->data;
}

/* Gives the links the differences computed for the report, as
 * diptych_project_get_word_ops() would: on the project's thread only. */
static void
store_word_ops (GHashTable *word_ops)
{
  GHashTableIter iter;
  gpointer link, ops;

  if (word_ops == NULL)
    return;

  g_hash_table_iter_init (&iter, word_ops);
  while (g_hash_table_iter_next (&iter, &link, &ops))
    if (!diptych_link_has_word_ops (link))
      diptych_link_set_word_ops (link, (const DiptychWordOp *) (gpointer) ((GArray *) ops)->data,
                                 ((GArray *) ops)->len);
}

void
diptych_report_store_word_ops (DiptychReport *report)
{
  g_autoptr(GHashTable) word_ops = g_steal_pointer (&report->word_ops);

  store_word_ops (word_ops);
  report->word_ops = g_hash_table_new_full (NULL, NULL, g_object_unref, (GDestroyNotify) g_array_unref);
}

typedef struct
{
  DiptychSpan        span;
  DiptychPieceStyle  style;
  DiptychDiscrepancy discrepancy;
} Piece;

static int
compare_pieces (gconstpointer pa,
                gconstpointer pb)
{
  return compare_spans (&((const Piece *) pa)->span, &((const Piece *) pb)->span);
}

static void
emit (DiptychReport      *report,
      DiptychSide         side,
      DiptychSpan         span,
      DiptychPieceStyle   style,
      DiptychDiscrepancy  discrepancy,
      DiptychPieceFunc    func,
      gpointer            user_data)
{
  const char *p;
  gsize n;

  if (span.end <= span.start)
    return;
  p = diptych_document_span_pointer (report->documents[side], span, &n);
  func (p, n, style, discrepancy, user_data);
}

/* Calls func for the successive pieces of a passage: the word-level
 * differences of the link when the report shows them, else the parts of a
 * partial link that have no counterpart, and plain text in between. */
void
diptych_report_foreach_piece (DiptychReport    *report,
                              DiptychLink      *link,
                              DiptychSide       side,
                              DiptychSpan       span,
                              DiptychPieceFunc  func,
                              gpointer          user_data)
{
  g_autoptr(GArray) pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
  guint cursor = span.start;

  if (link != NULL && report->options.word_diff)
    {
      static const DiptychPieceStyle styles[] = {
        DIPTYCH_PIECE_SAME, DIPTYCH_PIECE_REWORDED, DIPTYCH_PIECE_CHANGED,
        DIPTYCH_PIECE_INSERTED, DIPTYCH_PIECE_DELETED,
      };
      guint n_ops;
      const DiptychWordOp *ops = diptych_report_get_word_ops (report, link, &n_ops);

      for (guint i = 0; i < n_ops; i++)
        {
          Piece piece = { side == DIPTYCH_SIDE_A ? ops[i].a : ops[i].b,
                          ops[i].kind < G_N_ELEMENTS (styles) ? styles[ops[i].kind] : DIPTYCH_PIECE_PLAIN,
                          ops[i].discrepancy };

          if (piece.span.end > piece.span.start)
            g_array_append_val (pieces, piece);
        }
    }
  else if (link != NULL)
    {
      guint n_spans;
      const DiptychSpan *uncovered = diptych_link_get_uncovered (link, side, &n_spans);

      for (guint i = 0; i < n_spans; i++)
        {
          Piece piece = { uncovered[i], DIPTYCH_PIECE_UNCOVERED, DIPTYCH_DISCREPANCY_NONE };
          g_array_append_val (pieces, piece);
        }
    }

  g_array_sort (pieces, compare_pieces);

  for (guint i = 0; i < pieces->len; i++)
    {
      Piece *piece = &g_array_index (pieces, Piece, i);
      DiptychSpan s = { MAX (piece->span.start, cursor), MIN (piece->span.end, span.end) };

      if (s.end <= s.start)
        continue;
      emit (report, side, DIPTYCH_SPAN_INIT (cursor, s.start), DIPTYCH_PIECE_PLAIN,
            DIPTYCH_DISCREPANCY_NONE, func, user_data);
      emit (report, side, s, piece->style, piece->discrepancy, func, user_data);
      cursor = s.end;
    }
  emit (report, side, DIPTYCH_SPAN_INIT (cursor, span.end), DIPTYCH_PIECE_PLAIN,
        DIPTYCH_DISCREPANCY_NONE, func, user_data);
}

/* Public entry points */

/* Writes the report; the word-level differences it computed are handed
 * to the caller in word_ops, to store on the project's thread. */
static gboolean
write_to_stream (DiptychProject              *project,
                 DiptychReportFormat          format,
                 const DiptychReportOptions  *options,
                 GOutputStream               *stream,
                 DiptychProgressFunc          progress,
                 gpointer                     progress_data,
                 GCancellable                *cancellable,
                 GHashTable                 **word_ops,
                 GError                     **error)
{
  g_autoptr(DiptychReport) report = NULL;
  gboolean ok = FALSE;

  report = diptych_report_new (project, options, stream, progress, progress_data, cancellable, error);
  if (report == NULL)
    return FALSE;

  switch (format)
    {
    case DIPTYCH_REPORT_JSON:
      ok = diptych_report_write_json_internal (report, error);
      break;
    case DIPTYCH_REPORT_HTML:
      ok = diptych_report_write_html_internal (report, error);
      break;
    case DIPTYCH_REPORT_CSV:
      ok = diptych_report_write_csv_internal (report, error);
      break;
    case DIPTYCH_REPORT_PDF:
      ok = diptych_report_write_pdf_internal (report, error);
      break;
    default:
      g_assert_not_reached ();
    }

  ok = ok && diptych_report_flush (report, TRUE, 1.0, error);
  *word_ops = g_steal_pointer (&report->word_ops);
  return ok;
}

gboolean
diptych_report_write_to_stream (DiptychProject              *project,
                                DiptychReportFormat          format,
                                const DiptychReportOptions  *options,
                                GOutputStream               *stream,
                                DiptychProgressFunc          progress,
                                gpointer                     progress_data,
                                GCancellable                *cancellable,
                                GError                     **error)
{
  g_autoptr(GHashTable) word_ops = NULL;
  gboolean ok;

  g_return_val_if_fail (DIPTYCH_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (format <= DIPTYCH_REPORT_PDF, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ok = write_to_stream (project, format, options, stream, progress, progress_data,
                        cancellable, &word_ops, error);
  /* This is the caller's thread: the next report need not diff again. */
  store_word_ops (word_ops);
  return ok;
}

#define DEFINE_WRITER(name, FORMAT)                                                     \
  gboolean                                                                              \
  diptych_report_write_##name (DiptychProject              *project,                    \
                               const DiptychReportOptions  *options,                    \
                               GOutputStream               *stream,                     \
                               GCancellable                *cancellable,                \
                               GError                     **error)                      \
  {                                                                                     \
    return diptych_report_write_to_stream (project, FORMAT, options, stream,            \
                                           NULL, NULL, cancellable, error);             \
  }

DEFINE_WRITER (json, DIPTYCH_REPORT_JSON)
DEFINE_WRITER (html, DIPTYCH_REPORT_HTML)
DEFINE_WRITER (csv, DIPTYCH_REPORT_CSV)
DEFINE_WRITER (pdf, DIPTYCH_REPORT_PDF)

static gboolean
write_file (DiptychProject              *project,
            DiptychReportFormat          format,
            const DiptychReportOptions  *options,
            GFile                       *file,
            DiptychProgressFunc          progress,
            gpointer                     progress_data,
            GCancellable                *cancellable,
            GHashTable                 **word_ops,
            GError                     **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  gboolean existed = g_file_query_exists (file, NULL);

  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                           cancellable, &local_error);
  if (stream == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_set_error_literal (error, DIPTYCH_ERROR, DIPTYCH_ERROR_CANCELLED,
                             _("The export was cancelled."));
      else
        g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_IO,
                     _("“%s” could not be written: %s"), name, local_error->message);
      return FALSE;
    }

  if (!write_to_stream (project, format, options, G_OUTPUT_STREAM (stream),
                        progress, progress_data, cancellable, word_ops, error))
    {
      /* Closing with a cancelled cancellable drops the temporary file and
       * leaves any previous report in place; a new file is written in
       * place, so it goes. */
      g_autoptr(GCancellable) abort = g_cancellable_new ();

      g_cancellable_cancel (abort);
      g_output_stream_close (G_OUTPUT_STREAM (stream), abort, NULL);
      if (!existed)
        g_file_delete (file, NULL, NULL);
      return FALSE;
    }

  if (!g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, &local_error))
    {
      g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_IO,
                   _("“%s” could not be written: %s"), name, local_error->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
diptych_report_write (DiptychProject              *project,
                      DiptychReportFormat          format,
                      const DiptychReportOptions  *options,
                      GFile                       *file,
                      GCancellable                *cancellable,
                      GError                     **error)
{
  g_autoptr(GHashTable) word_ops = NULL;
  gboolean ok;

  g_return_val_if_fail (DIPTYCH_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ok = write_file (project, format, options, file, NULL, NULL, cancellable, &word_ops, error);
  store_word_ops (word_ops);
  return ok;
}

typedef struct
{
  DiptychProject       *project;
  DiptychReportFormat   format;
  DiptychReportOptions  options;
  char                 *title;
  GFile                *file;
  DiptychProgressRelay *progress;   /* or NULL */
  GHashTable           *word_ops;   /* computed on the worker, stored by _finish */
} WriteData;

static void
write_data_free (WriteData *data)
{
  g_clear_object (&data->project);
  g_clear_object (&data->file);
  g_clear_pointer (&data->progress, diptych_progress_relay_free);
  g_clear_pointer (&data->word_ops, g_hash_table_unref);
  g_free (data->title);
  g_free (data);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteData *data = task_data;
  GError *error = NULL;

  if (write_file (data->project, data->format, &data->options, data->file,
                  data->progress != NULL ? diptych_progress_relay_report : NULL, data->progress,
                  cancellable, &data->word_ops, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
diptych_report_write_async (DiptychProject              *project,
                            DiptychReportFormat          format,
                            const DiptychReportOptions  *options,
                            GFile                       *file,
                            DiptychProgressFunc          progress,
                            gpointer                     progress_data,
                            GCancellable                *cancellable,
                            GAsyncReadyCallback          callback,
                            gpointer                     user_data)
{
  g_autoptr(GTask) task = NULL;
  WriteData *data;

  g_return_if_fail (DIPTYCH_IS_PROJECT (project));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (format <= DIPTYCH_REPORT_PDF);

  data = g_new0 (WriteData, 1);
  data->project = g_object_ref (project);
  data->format = format;
  data->options = options != NULL ? *options : DIPTYCH_REPORT_OPTIONS_DEFAULT;
  data->title = g_strdup (data->options.title);
  data->options.title = data->title;
  data->file = g_object_ref (file);

  task = g_task_new (project, cancellable, callback, user_data);
  if (progress != NULL)
    data->progress = diptych_progress_relay_new (task, progress, progress_data);
  g_task_set_source_tag (task, diptych_report_write_async);
  /* Cancelling gives DIPTYCH_ERROR_CANCELLED, as the sync call does. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, data, (GDestroyNotify) write_data_free);
  g_task_run_in_thread (task, write_thread);
}

gboolean
diptych_report_write_finish (GAsyncResult  *result,
                             GError       **error)
{
  WriteData *data;

  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, diptych_report_write_async), FALSE);

  /* Back on the caller's thread: keep the differences computed. */
  data = g_task_get_task_data (G_TASK (result));
  store_word_ops (data->word_ops);
  g_clear_pointer (&data->word_ops, g_hash_table_unref);

  return g_task_propagate_boolean (G_TASK (result), error);
}
