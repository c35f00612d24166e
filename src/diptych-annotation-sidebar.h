/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "diptych-core.h"

G_BEGIN_DECLS

#define DIPTYCH_TYPE_ANNOTATION_SIDEBAR (diptych_annotation_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (DiptychAnnotationSidebar, diptych_annotation_sidebar, DIPTYCH, ANNOTATION_SIDEBAR, GtkBox)

/* The project's annotations in a list, filtered by tag, document and
 * text. Activating a row emits ::annotation-activated (the window jumps
 * to the passage); a row's menu edits (::edit-requested) or deletes. */
GtkWidget  *diptych_annotation_sidebar_new             (DiptychProject           *project);
GListModel *diptych_annotation_sidebar_get_model       (DiptychAnnotationSidebar *self);
void        diptych_annotation_sidebar_set_tag_filter  (DiptychAnnotationSidebar *self,
                                                        const char               *tag);
void        diptych_annotation_sidebar_set_side_filter (DiptychAnnotationSidebar *self,
                                                        int                       side);
void        diptych_annotation_sidebar_set_text_filter (DiptychAnnotationSidebar *self,
                                                        const char               *text);
void        diptych_annotation_sidebar_activate        (DiptychAnnotationSidebar *self,
                                                        guint                     position);

G_END_DECLS
