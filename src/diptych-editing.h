/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "diptych-annotation-editor.h"
#include "diptych-annotation-sidebar.h"
#include "diptych-core.h"

G_BEGIN_DECLS

typedef struct _DiptychWindow DiptychWindow;

#define DIPTYCH_TYPE_EDITING (diptych_editing_get_type ())

G_DECLARE_FINAL_TYPE (DiptychEditing, diptych_editing, DIPTYCH, EDITING, GObject)

/* The editing side of a window: undo/redo, annotations (editor popover,
 * sidebar page, marks in the panes), link and omission decisions, and
 * the Export, Print and Tags actions. */
DiptychEditing           *diptych_editing_new              (DiptychWindow   *window);
DiptychAnnotationSidebar *diptych_editing_get_sidebar      (DiptychEditing  *self);
DiptychAnnotationEditor  *diptych_editing_get_editor       (DiptychEditing  *self);
gboolean                  diptych_editing_get_passage      (DiptychEditing  *self,
                                                            DiptychSide      side,
                                                            DiptychSpan     *span);
gboolean                  diptych_editing_annotate         (DiptychEditing  *self);
void                      diptych_editing_show_annotation  (DiptychEditing  *self,
                                                            DiptychAnnotation *annotation);

G_END_DECLS
