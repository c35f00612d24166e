/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "diptych-types.h"

G_BEGIN_DECLS

#define DIPTYCH_TYPE_SPAN_INDEX (diptych_span_index_get_type ())

/* A read-only index of the links and omissions of a project, per side:
 * entries sorted by start offset with a running maximum of their ends, so
 * "what overlaps [start,end)" and "what is at offset o" are binary
 * searches (O(log n + k)) rather than loops over every link.
 *
 * Items are DiptychLink or DiptychOmission; the index holds a reference
 * to each. Rejected links and omissions and empty spans are left out:
 * they are not shown. Build a new index when the lists change. */
typedef struct _DiptychSpanIndex DiptychSpanIndex;

GType             diptych_span_index_get_type      (void) G_GNUC_CONST;
DiptychSpanIndex *diptych_span_index_new           (GListModel        *links,
                                                    GListModel        *omissions);
DiptychSpanIndex *diptych_span_index_ref           (DiptychSpanIndex  *self);
void              diptych_span_index_unref         (DiptychSpanIndex  *self);
guint             diptych_span_index_get_n_entries (DiptychSpanIndex  *self,
                                                    DiptychSide        side);
gpointer          diptych_span_index_get_entry     (DiptychSpanIndex  *self,
                                                    DiptychSide        side,
                                                    guint              position,
                                                    DiptychSpan       *span);
guint             diptych_span_index_query         (DiptychSpanIndex  *self,
                                                    DiptychSide        side,
                                                    DiptychSpan        range,
                                                    GPtrArray         *items);
gpointer          diptych_span_index_lookup        (DiptychSpanIndex  *self,
                                                    DiptychSide        side,
                                                    guint              offset);
gboolean          diptych_span_index_find_position (DiptychSpanIndex  *self,
                                                    DiptychSide        side,
                                                    gpointer           item,
                                                    guint             *position);
guint             diptych_span_index_bisect        (DiptychSpanIndex  *self,
                                                    DiptychSide        side,
                                                    guint              offset);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DiptychSpanIndex, diptych_span_index_unref)

G_END_DECLS
