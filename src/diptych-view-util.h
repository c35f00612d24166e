/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "diptych-core.h"

G_BEGIN_DECLS

/* Geometry of document spans in a GtkTextView whose buffer holds the
 * document text (offsets are code points, as in the buffer). */

DiptychSpan diptych_text_view_get_visible_span (GtkTextView *view);
void        diptych_text_view_get_span_yrange  (GtkTextView *view,
                                                DiptychSpan  span,
                                                int         *y,
                                                int         *height);
void        diptych_text_view_estimate_span_yrange (GtkTextView *view,
                                                DiptychSpan  span,
                                                int         *y,
                                                int         *height);
guint       diptych_text_view_get_offset_at_y  (GtkTextView *view,
                                                int          buffer_y);
double      diptych_text_view_to_widget_y      (GtkTextView *view,
                                                GtkWidget   *widget,
                                                int          buffer_y);
void        diptych_text_view_scroll_to_offset (GtkTextView *view,
                                                guint        offset,
                                                double       yalign);
void        diptych_link_kind_get_rgba         (gpointer     item,
                                                gboolean     dark,
                                                double       alpha,
                                                GdkRGBA     *rgba);

void        diptych_settings_bind_choice       (GSettings          *settings,
                                                const char         *key,
                                                AdwComboRow        *row,
                                                const char * const *choices);

G_END_DECLS
