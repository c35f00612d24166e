/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtksourceview/gtksource.h>

#include "diptych-core.h"

G_BEGIN_DECLS

#define DIPTYCH_TYPE_ANNOTATION_GUTTER (diptych_annotation_gutter_get_type ())

G_DECLARE_FINAL_TYPE (DiptychAnnotationGutter, diptych_annotation_gutter, DIPTYCH, ANNOTATION_GUTTER, GtkSourceGutterRenderer)

/* A bar in the tag's color beside each annotated passage of one side,
 * in the left gutter of that side's view: visible whatever highlights
 * the text carries. */
GtkSourceGutterRenderer *diptych_annotation_gutter_new (DiptychProject *project,
                                                        DiptychSide     side);

G_END_DECLS
