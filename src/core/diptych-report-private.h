/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "diptych-palette.h"
#include "diptych-report.h"

G_BEGIN_DECLS

/* One row of the side-by-side table: a link, or an omission of one side. */
typedef struct
{
  DiptychLink     *link;      /* NULL for an omission row */
  DiptychOmission *omission;  /* NULL for a link row */
  guint            a_number;  /* § of the link in A order (1-based), 0 for omissions */
  guint            b_number;  /* § of the link in B order */
  gboolean         moved;     /* the link crosses others: B has it elsewhere */
} DiptychReportRow;

/* On paper, as in the panes: the passages of a kind of link on a light
 * tint of its palette color, omissions on a stronger one (near-black text
 * keeps a contrast above 12:1),
 * words only on one side on a tint of yellow, the words of a partial link
 * without counterpart dimmed (5.7:1 on white) with a dotted line, and the
 * discrepancy marker in a shade of its color that reads as text. */
#define DIPTYCH_REPORT_ROW_TINT     0.12
#define DIPTYCH_REPORT_OMISSION_TINT 0.2
#define DIPTYCH_REPORT_UNIQUE_TINT  0.4
#define DIPTYCH_REPORT_DIM_TEXT     0x666666
#define DIPTYCH_REPORT_MARKER_SHADE 0.3

static inline DiptychRgb
diptych_report_tint (DiptychPaletteColor color)
{
  return diptych_rgb_tint (diptych_palette_get_rgb (color),
                           color == DIPTYCH_PALETTE_OMISSION ? DIPTYCH_REPORT_OMISSION_TINT
                                                             : DIPTYCH_REPORT_ROW_TINT);
}

/* How a piece of a passage is shown. */
typedef enum
{
  DIPTYCH_PIECE_PLAIN = 0,
  DIPTYCH_PIECE_SAME,
  DIPTYCH_PIECE_REWORDED,
  DIPTYCH_PIECE_CHANGED,
  DIPTYCH_PIECE_INSERTED,
  DIPTYCH_PIECE_DELETED,
  DIPTYCH_PIECE_UNCOVERED,
} DiptychPieceStyle;

typedef void (*DiptychPieceFunc) (const char         *text,
                                  gsize               n_bytes,
                                  DiptychPieceStyle   style,
                                  DiptychDiscrepancy  discrepancy,
                                  gpointer            user_data);

/* Everything a writer needs, computed once: the links, omissions and
 * annotations in the report (rejected ones left out, the only-annotated
 * filter applied), the rows in reading order of A, and the summary. */
typedef struct
{
  DiptychProject       *project;
  DiptychReportOptions  options;
  char                 *title;
  DiptychDocument      *documents[DIPTYCH_N_SIDES];
  GPtrArray            *links;        /* DiptychLink, sorted by A */
  GPtrArray            *omissions;    /* DiptychOmission, sorted by side then start */
  GPtrArray            *annotations;  /* DiptychAnnotation, sorted by side then start */
  GArray               *rows;         /* DiptychReportRow */
  GHashTable           *word_ops;     /* DiptychLink → GArray of DiptychWordOp, computed */
  GMutex                word_ops_mutex; /* the PDF's layout threads share word_ops */

  /* Summary, over the whole project (not filtered). */
  double                coverage[DIPTYCH_N_SIDES];  /* 0..1 of non-space characters */
  guint                 n_by_kind[3];
  guint                 n_by_state[4];
  guint                 n_omissions[DIPTYCH_N_SIDES];
  guint                 n_links_total;

  GOutputStream        *stream;
  GString              *buffer;
  GCancellable         *cancellable;
  DiptychProgressFunc   progress;
  gpointer              progress_data;
} DiptychReport;

DiptychReport *diptych_report_new            (DiptychProject             *project,
                                              const DiptychReportOptions *options,
                                              GOutputStream              *stream,
                                              DiptychProgressFunc         progress,
                                              gpointer                    progress_data,
                                              GCancellable               *cancellable,
                                              GError                    **error);
void           diptych_report_free           (DiptychReport              *report);
gboolean       diptych_report_flush          (DiptychReport              *report,
                                              gboolean                    force,
                                              double                      fraction,
                                              GError                    **error);
gboolean       diptych_report_write_bytes    (DiptychReport              *report,
                                              const void                 *data,
                                              gsize                       n_bytes,
                                              GError                    **error);
const DiptychWordOp *diptych_report_get_word_ops (DiptychReport        *report,
                                              DiptychLink                *link,
                                              guint                      *n_ops);
void           diptych_report_store_word_ops (DiptychReport              *report);
void           diptych_report_foreach_piece  (DiptychReport              *report,
                                              DiptychLink                *link,
                                              DiptychSide                 side,
                                              DiptychSpan                 span,
                                              DiptychPieceFunc            func,
                                              gpointer                    user_data);
void           diptych_report_append_escaped (GString                    *out,
                                              const char                 *text,
                                              gssize                      n_bytes);
char          *diptych_report_format_score   (double                      score);
char          *diptych_report_format_time    (GDateTime                  *time);
char          *diptych_report_document_name  (DiptychReport              *report,
                                              DiptychSide                 side);
const char    *diptych_report_state_label    (DiptychState                state);
const char    *diptych_report_discrepancy_label (DiptychDiscrepancy       discrepancy);
char          *diptych_report_percent        (double                      fraction);
char          *diptych_report_passage_label  (DiptychSpan                 span);
guint          diptych_report_count_annotations_with_tag (DiptychReport  *report,
                                              const char                 *tag);

gboolean       diptych_report_write_json_internal (DiptychReport *report, GError **error);
gboolean       diptych_report_write_html_internal (DiptychReport *report, GError **error);
gboolean       diptych_report_write_csv_internal  (DiptychReport *report, GError **error);
gboolean       diptych_report_write_pdf_internal  (DiptychReport *report, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DiptychReport, diptych_report_free)

G_END_DECLS
