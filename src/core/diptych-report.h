/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "diptych-project.h"
#include "diptych-types.h"

G_BEGIN_DECLS

typedef enum
{
  DIPTYCH_REPORT_JSON = 0,
  DIPTYCH_REPORT_HTML,
  DIPTYCH_REPORT_CSV,
  DIPTYCH_REPORT_PDF,
} DiptychReportFormat;

typedef enum
{
  DIPTYCH_PAPER_A4 = 0,
  DIPTYCH_PAPER_LETTER,
} DiptychPaperSize;

/* What a report contains. Start from DIPTYCH_REPORT_OPTIONS_DEFAULT.
 *
 * only_annotated: keep only the links and omissions that an annotation
 *   touches (overlaps on either side, or names by its link id).
 * word_diff: show word-level differences inside links (HTML, PDF) and
 *   write them ("word_diff") in JSON.
 * title: the report's title; NULL makes one from the documents' titles.
 * paper: page size of the PDF. */
typedef struct
{
  gboolean          only_annotated;
  gboolean          word_diff;
  const char       *title;
  DiptychPaperSize  paper;
} DiptychReportOptions;

#define DIPTYCH_REPORT_OPTIONS_DEFAULT ((DiptychReportOptions) { FALSE, TRUE, NULL, DIPTYCH_PAPER_A4 })

const char *diptych_report_format_to_string      (DiptychReportFormat          format);
gboolean    diptych_report_format_from_string    (const char                  *str,
                                                  DiptychReportFormat         *format);
const char *diptych_report_format_get_extension  (DiptychReportFormat          format);
const char *diptych_report_format_get_mime_type  (DiptychReportFormat          format);
gboolean    diptych_paper_size_from_string       (const char                  *str,
                                                  DiptychPaperSize            *paper);

/* The writers only read the project, its documents, links, omissions,
 * tags and annotations. They may run on a worker thread
 * (diptych_report_write_async): the caller must not change the project
 * while they run, or must pass a copy made for the export.
 *
 * The stream variants write to an open stream and do not close it; the
 * GFile variant replaces the file atomically (nothing is left behind on
 * error or cancellation). progress, when not NULL, is called with a
 * fraction in [0,1] on the writing thread. */
gboolean    diptych_report_write_json            (DiptychProject              *project,
                                                  const DiptychReportOptions  *options,
                                                  GOutputStream               *stream,
                                                  GCancellable                *cancellable,
                                                  GError                     **error);
gboolean    diptych_report_write_html            (DiptychProject              *project,
                                                  const DiptychReportOptions  *options,
                                                  GOutputStream               *stream,
                                                  GCancellable                *cancellable,
                                                  GError                     **error);
gboolean    diptych_report_write_csv             (DiptychProject              *project,
                                                  const DiptychReportOptions  *options,
                                                  GOutputStream               *stream,
                                                  GCancellable                *cancellable,
                                                  GError                     **error);
gboolean    diptych_report_write_pdf             (DiptychProject              *project,
                                                  const DiptychReportOptions  *options,
                                                  GOutputStream               *stream,
                                                  GCancellable                *cancellable,
                                                  GError                     **error);
gboolean    diptych_report_write_to_stream       (DiptychProject              *project,
                                                  DiptychReportFormat          format,
                                                  const DiptychReportOptions  *options,
                                                  GOutputStream               *stream,
                                                  DiptychProgressFunc          progress,
                                                  gpointer                     progress_data,
                                                  GCancellable                *cancellable,
                                                  GError                     **error);
gboolean    diptych_report_write                 (DiptychProject              *project,
                                                  DiptychReportFormat          format,
                                                  const DiptychReportOptions  *options,
                                                  GFile                       *file,
                                                  GCancellable                *cancellable,
                                                  GError                     **error);
/* progress is called on the thread-default main context of the caller. */
void        diptych_report_write_async           (DiptychProject              *project,
                                                  DiptychReportFormat          format,
                                                  const DiptychReportOptions  *options,
                                                  GFile                       *file,
                                                  DiptychProgressFunc          progress,
                                                  gpointer                     progress_data,
                                                  GCancellable                *cancellable,
                                                  GAsyncReadyCallback          callback,
                                                  gpointer                     user_data);
gboolean    diptych_report_write_finish          (GAsyncResult                *result,
                                                  GError                     **error);

/* Printing (GtkPrintOperation::draw-page, with the unit set to points and
 * use-full-page): the report laid out on pages of the given size in
 * points, the same pages as the PDF's. Make and draw the pages on one
 * thread; do not change the project before freeing them. */
typedef struct _DiptychReportPages DiptychReportPages;

DiptychReportPages *diptych_report_paginate          (DiptychProject              *project,
                                                      const DiptychReportOptions  *options,
                                                      double                       width,
                                                      double                       height,
                                                      GCancellable                *cancellable,
                                                      GError                     **error);
guint               diptych_report_pages_get_n_pages (DiptychReportPages          *pages);
void                diptych_report_pages_draw        (DiptychReportPages          *pages,
                                                      cairo_t                     *cr,
                                                      guint                        page);
void                diptych_report_pages_free        (DiptychReportPages          *pages);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DiptychReportPages, diptych_report_pages_free)

G_END_DECLS
