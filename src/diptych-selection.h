/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "diptych-core.h"

G_BEGIN_DECLS

#define DIPTYCH_TYPE_SELECTION (diptych_selection_get_type ())

G_DECLARE_FINAL_TYPE (DiptychSelection, diptych_selection, DIPTYCH, SELECTION, GObject)

/* What the comparison view shows and which link or omission is selected.
 * Observes the project's links and omissions and keeps a span index of
 * them (rebuilt when they change; ::index-changed then). The annotation
 * UI and the inspector read the selected item from here. */

DiptychSelection *diptych_selection_new          (DiptychProject   *project);
DiptychProject   *diptych_selection_get_project  (DiptychSelection *self);
DiptychSpanIndex *diptych_selection_get_index    (DiptychSelection *self);
void              diptych_selection_flush        (DiptychSelection *self);
gpointer          diptych_selection_get_item     (DiptychSelection *self);
void              diptych_selection_set_item     (DiptychSelection *self,
                                                  gpointer          item);
DiptychLink      *diptych_selection_get_link     (DiptychSelection *self);
gboolean          diptych_selection_get_span     (DiptychSelection *self,
                                                  DiptychSide       side,
                                                  DiptychSpan      *span);
gpointer          diptych_selection_find_next    (DiptychSelection *self,
                                                  DiptychSide       side,
                                                  guint             offset,
                                                  GType             type,
                                                  gboolean          forward);

/* The span of @item (a link or omission) on @side; FALSE if none there. */
gboolean          diptych_item_get_span          (gpointer          item,
                                                  DiptychSide       side,
                                                  DiptychSpan      *span);

G_END_DECLS
