/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "diptych-core.h"

G_BEGIN_DECLS

#define DIPTYCH_TYPE_ANNOTATION_EDITOR (diptych_annotation_editor_get_type ())

G_DECLARE_FINAL_TYPE (DiptychAnnotationEditor, diptych_annotation_editor, DIPTYCH, ANNOTATION_EDITOR, GtkPopover)

/* A popover to write an annotation on a passage (tag, note, optionally
 * about a link) or to change or delete one. Its buttons edit the project
 * through its undoable API. */
GtkWidget         *diptych_annotation_editor_new            (DiptychProject          *project);
void               diptych_annotation_editor_set_passage    (DiptychAnnotationEditor *self,
                                                             DiptychSide              side,
                                                             DiptychSpan              span,
                                                             DiptychLink             *link);
void               diptych_annotation_editor_set_annotation (DiptychAnnotationEditor *self,
                                                             DiptychAnnotation       *annotation);
DiptychAnnotation *diptych_annotation_editor_get_annotation (DiptychAnnotationEditor *self);
void               diptych_annotation_editor_set_tag        (DiptychAnnotationEditor *self,
                                                             const char              *tag);
char              *diptych_annotation_editor_dup_tag        (DiptychAnnotationEditor *self);
void               diptych_annotation_editor_set_note       (DiptychAnnotationEditor *self,
                                                             const char              *note);
void               diptych_annotation_editor_set_about_link (DiptychAnnotationEditor *self,
                                                             gboolean                 about_link);
gboolean           diptych_annotation_editor_save           (DiptychAnnotationEditor *self,
                                                             GError                 **error);
gboolean           diptych_annotation_editor_delete         (DiptychAnnotationEditor *self);

/* A small round swatch of a tag color ("#rrggbb"), for lists and menus. */
GtkWidget         *diptych_tag_chip_new                     (const char              *color);
void               diptych_tag_chip_set_color               (GtkWidget               *chip,
                                                             const char              *color);
/* The tag names of @project as a list model kept up to date, optionally
 * preceded by @first (e.g. "All Tags"). */
GtkStringList     *diptych_tag_names_new                    (DiptychProject          *project,
                                                             const char              *first);
GtkListItemFactory *diptych_tag_item_factory_new            (DiptychProject          *project);

G_END_DECLS
