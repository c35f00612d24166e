/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "diptych-selection.h"

G_BEGIN_DECLS

#define DIPTYCH_TYPE_SCROLL_SYNC (diptych_scroll_sync_get_type ())

G_DECLARE_FINAL_TYPE (DiptychScrollSync, diptych_scroll_sync, DIPTYCH, SCROLL_SYNC, GObject)

/* Scrolls the other pane along with the one the user scrolls, following
 * links rather than proportions: the passage at the reading line of the
 * leading pane and its counterpart are kept level. */

DiptychScrollSync *diptych_scroll_sync_new          (DiptychSelection  *selection,
                                                     GtkTextView       *view_a,
                                                     GtkTextView       *view_b);
gboolean           diptych_scroll_sync_get_enabled  (DiptychScrollSync *self);
void               diptych_scroll_sync_set_enabled  (DiptychScrollSync *self,
                                                     gboolean           enabled);
void               diptych_scroll_sync_follow       (DiptychScrollSync *self,
                                                     DiptychSide        leader);
void               diptych_scroll_sync_reveal       (DiptychScrollSync *self,
                                                     gpointer           item,
                                                     gboolean           both);
double             diptych_scroll_sync_get_reading_line (GtkTextView   *view);

G_END_DECLS
