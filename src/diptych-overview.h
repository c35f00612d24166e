/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "diptych-selection.h"

G_BEGIN_DECLS

#define DIPTYCH_TYPE_OVERVIEW (diptych_overview_get_type ())

G_DECLARE_FINAL_TYPE (DiptychOverview, diptych_overview, DIPTYCH, OVERVIEW, GtkWidget)

/* A narrow strip beside a pane (like Meld's chunk map): where the links
 * (by kind) and omissions are in the whole document, and a frame around
 * the part in view. Click or drag to scroll there. */

GtkWidget *diptych_overview_new (DiptychSelection *selection,
                                 DiptychSide       side,
                                 GtkTextView      *view);

G_END_DECLS
