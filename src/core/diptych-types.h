/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Which of the two documents. */
typedef enum
{
  DIPTYCH_SIDE_A = 0,
  DIPTYCH_SIDE_B = 1,
} DiptychSide;

#define DIPTYCH_N_SIDES 2
#define DIPTYCH_OTHER_SIDE(s) ((s) == DIPTYCH_SIDE_A ? DIPTYCH_SIDE_B : DIPTYCH_SIDE_A)

/* A range of a document's text in Unicode code points, end exclusive. */
typedef struct
{
  guint start;
  guint end;
} DiptychSpan;

#define DIPTYCH_SPAN_INIT(s, e) ((DiptychSpan) { (s), (e) })

static inline guint
diptych_span_length (DiptychSpan span)
{
  return span.end > span.start ? span.end - span.start : 0;
}

static inline gboolean
diptych_span_overlaps (DiptychSpan a,
                       DiptychSpan b)
{
  return a.start < b.end && b.start < a.end;
}

static inline gboolean
diptych_span_contains (DiptychSpan span,
                       guint       offset)
{
  return offset >= span.start && offset < span.end;
}

static inline gboolean
diptych_span_equal (DiptychSpan a,
                    DiptychSpan b)
{
  return a.start == b.start && a.end == b.end;
}

typedef enum
{
  DIPTYCH_GRANULARITY_SENTENCE = 0,
  DIPTYCH_GRANULARITY_CLAUSE,
  DIPTYCH_GRANULARITY_PARAGRAPH,
} DiptychGranularity;

typedef enum
{
  DIPTYCH_LINK_IDENTICAL = 0,
  DIPTYCH_LINK_REWORDED,
  DIPTYCH_LINK_PARTIAL,
} DiptychLinkKind;

/* Who decided: the model (auto), or the user (confirmed, rejected, manual). */
typedef enum
{
  DIPTYCH_STATE_AUTO = 0,
  DIPTYCH_STATE_CONFIRMED,
  DIPTYCH_STATE_REJECTED,
  DIPTYCH_STATE_MANUAL,
} DiptychState;

/* Word-level difference inside a link. */
typedef enum
{
  DIPTYCH_WORD_SAME = 0,
  DIPTYCH_WORD_REWORDED,   /* synonym, alias or same stem */
  DIPTYCH_WORD_CHANGED,
  DIPTYCH_WORD_INSERTED,   /* only in B */
  DIPTYCH_WORD_DELETED,    /* only in A */
} DiptychWordOpKind;

typedef enum
{
  DIPTYCH_DISCREPANCY_NONE = 0,
  DIPTYCH_DISCREPANCY_NUMBER,
  DIPTYCH_DISCREPANCY_DATE,
  DIPTYCH_DISCREPANCY_NAME,
} DiptychDiscrepancy;

typedef struct
{
  DiptychWordOpKind  kind;
  DiptychDiscrepancy discrepancy;
  DiptychSpan        a;   /* empty (start == end) for INSERTED */
  DiptychSpan        b;   /* empty for DELETED */
} DiptychWordOp;

/* Alignment settings a user can change. */
typedef struct
{
  DiptychGranularity granularity;
  double             sensitivity;  /* 0.0 (strict) .. 1.0 (lenient), default 0.5 */
} DiptychAlignSettings;

#define DIPTYCH_ALIGN_SETTINGS_DEFAULT ((DiptychAlignSettings) { DIPTYCH_GRANULARITY_SENTENCE, 0.5 })

/* Reports progress in [0,1] from any thread. */
typedef void (*DiptychProgressFunc) (double   fraction,
                                     gpointer user_data);

const char *diptych_side_to_string        (DiptychSide         side);
const char *diptych_side_get_label        (DiptychSide         side);
gboolean    diptych_side_from_string      (const char         *str,
                                           DiptychSide        *side);
const char *diptych_link_kind_to_string   (DiptychLinkKind     kind);
gboolean    diptych_link_kind_from_string (const char         *str,
                                           DiptychLinkKind    *kind);
const char *diptych_state_to_string       (DiptychState        state);
gboolean    diptych_state_from_string     (const char         *str,
                                           DiptychState       *state);
const char *diptych_granularity_to_string (DiptychGranularity  granularity);
gboolean    diptych_granularity_from_string (const char       *str,
                                           DiptychGranularity *granularity);
const char *diptych_word_op_kind_to_string (DiptychWordOpKind  kind);
const char *diptych_discrepancy_to_string (DiptychDiscrepancy  discrepancy);

G_END_DECLS
