/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "diptych-selection.h"

G_BEGIN_DECLS

#define DIPTYCH_TYPE_DIFFERENCES (diptych_differences_get_type ())

G_DECLARE_FINAL_TYPE (DiptychDifferences, diptych_differences, DIPTYCH, DIFFERENCES, GtkWidget)

/* The list of links and omissions in reading order of the left or the
 * right document; activating a row selects it and shows it in both
 * panes (::item-activated). */

GtkWidget   *diptych_differences_new       (DiptychSelection   *selection);
GListModel  *diptych_differences_get_model (DiptychDifferences *self);
DiptychSide  diptych_differences_get_order (DiptychDifferences *self);
void         diptych_differences_set_order (DiptychDifferences *self,
                                            DiptychSide         side);
char        *diptych_differences_dup_row_label (gpointer        item,
                                            DiptychProject     *project);

GListModel  *diptych_differences_build_order (DiptychSpanIndex *index,
                                            DiptychSide         side);

G_END_DECLS
