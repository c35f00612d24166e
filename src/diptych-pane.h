/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "diptych-core.h"

G_BEGIN_DECLS

#define DIPTYCH_TYPE_PANE (diptych_pane_get_type ())

G_DECLARE_FINAL_TYPE (DiptychPane, diptych_pane, DIPTYCH, PANE, GtkWidget)

/* One side of the comparison: the document's title and source, and its
 * text in a read-only view. It shows what it is given (set_document) and
 * reports what the user drops on it (::file-dropped, ::text-dropped); the
 * window does the loading. */

GtkWidget         *diptych_pane_new                 (DiptychSide      side);
DiptychSide        diptych_pane_get_side            (DiptychPane     *self);
DiptychDocument   *diptych_pane_get_document        (DiptychPane     *self);
void               diptych_pane_set_document        (DiptychPane     *self,
                                                     DiptychDocument *document);
GtkTextView       *diptych_pane_get_view            (DiptychPane     *self);
GtkScrolledWindow *diptych_pane_get_scrolled_window (DiptychPane     *self);
const char        *diptych_pane_get_title           (DiptychPane     *self);
const char        *diptych_pane_get_subtitle        (DiptychPane     *self);
void               diptych_pane_add_empty_child     (DiptychPane     *self,
                                                     GtkWidget       *child);

G_END_DECLS
