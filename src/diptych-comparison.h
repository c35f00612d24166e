/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "diptych-scroll-sync.h"
#include "diptych-selection.h"

G_BEGIN_DECLS

#define DIPTYCH_TYPE_COMPARISON (diptych_comparison_get_type ())

G_DECLARE_FINAL_TYPE (DiptychComparison, diptych_comparison, DIPTYCH, COMPARISON, GObject)

/* The comparison view around two text views showing a project's
 * documents: highlights, link map, overview strips, synchronized
 * scrolling, selection (click or cursor), navigation, inspector,
 * Differences list, find and zoom. The window places the widgets and
 * turns its actions into calls of these methods. */

DiptychComparison *diptych_comparison_new             (DiptychProject    *project,
                                                       GtkTextView       *view_a,
                                                       GtkTextView       *view_b);
DiptychSelection  *diptych_comparison_get_selection   (DiptychComparison *self);
DiptychScrollSync *diptych_comparison_get_scroll_sync (DiptychComparison *self);
GtkWidget         *diptych_comparison_get_link_map    (DiptychComparison *self);
GtkWidget         *diptych_comparison_get_overview    (DiptychComparison *self,
                                                       DiptychSide        side);
GtkWidget         *diptych_comparison_get_inspector   (DiptychComparison *self);
GtkWidget         *diptych_comparison_get_differences (DiptychComparison *self);
GtkWidget         *diptych_comparison_get_search_bar  (DiptychComparison *self);
DiptychSide        diptych_comparison_get_focused_side (DiptychComparison *self);
void               diptych_comparison_set_focused_side (DiptychComparison *self,
                                                       DiptychSide        side);
gpointer           diptych_comparison_select_at       (DiptychComparison *self,
                                                       DiptychSide        side,
                                                       guint              offset);
gpointer           diptych_comparison_step            (DiptychComparison *self,
                                                       GType              type,
                                                       gboolean           forward);
void               diptych_comparison_set_font        (DiptychComparison *self,
                                                       const char        *font,
                                                       double             zoom);
void               diptych_comparison_find            (DiptychComparison *self);
gboolean           diptych_comparison_find_next       (DiptychComparison *self,
                                                       gboolean           forward);
void               diptych_comparison_realign         (DiptychComparison *self);
void               diptych_comparison_cancel_alignment (DiptychComparison *self);
gboolean           diptych_comparison_get_aligning    (DiptychComparison *self);
double             diptych_comparison_get_progress    (DiptychComparison *self);
void               diptych_comparison_flush           (DiptychComparison *self);

G_END_DECLS
