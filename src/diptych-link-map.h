/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "diptych-selection.h"

G_BEGIN_DECLS

#define DIPTYCH_TYPE_LINK_MAP (diptych_link_map_get_type ())

G_DECLARE_FINAL_TYPE (DiptychLinkMap, diptych_link_map, DIPTYCH, LINK_MAP, GtkWidget)

/* The strip between the panes: a band from each visible passage to its
 * counterpart (bands cross where the texts are reordered), a stub with an
 * arrow when the counterpart is scrolled out of view. Click a band to
 * select its link. */

GtkWidget *diptych_link_map_new             (DiptychSelection *selection,
                                             GtkTextView      *view_a,
                                             GtkTextView      *view_b);
guint      diptych_link_map_get_n_bands     (DiptychLinkMap   *self);
gpointer   diptych_link_map_get_link_at     (DiptychLinkMap   *self,
                                             double            x,
                                             double            y);

G_END_DECLS
