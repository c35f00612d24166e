/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "diptych-alignment.h"
#include "diptych-annotation.h"
#include "diptych-document.h"
#include "diptych-history.h"
#include "diptych-link.h"
#include "diptych-tag.h"
#include "diptych-types.h"

G_BEGIN_DECLS

#define DIPTYCH_TYPE_PROJECT (diptych_project_get_type ())

G_DECLARE_FINAL_TYPE (DiptychProject, diptych_project, DIPTYCH, PROJECT, GObject)

/* Everything the user works on: the two documents, the alignment settings,
 * the links and omissions in force (the model's, with the user's decisions
 * applied), the tag set and the annotations.
 *
 * Views observe the list models; every change emits ::changed. Edits
 * are recorded in the history (undo/redo); see diptych-project.c for how
 * decisions are kept across re-alignments and re-imports. */

DiptychProject             *diptych_project_new                (void);
DiptychHistory             *diptych_project_get_history        (DiptychProject             *self);

/* Documents and alignment */
DiptychDocument            *diptych_project_get_document       (DiptychProject             *self,
                                                                DiptychSide                 side);
void                        diptych_project_set_document       (DiptychProject             *self,
                                                                DiptychSide                 side,
                                                                DiptychDocument            *document);
guint                       diptych_project_replace_document   (DiptychProject             *self,
                                                                DiptychSide                 side,
                                                                DiptychDocument            *document);
const DiptychAlignSettings *diptych_project_get_settings       (DiptychProject             *self);
void                        diptych_project_set_settings       (DiptychProject             *self,
                                                                const DiptychAlignSettings *settings);
DiptychAlignment           *diptych_project_get_alignment      (DiptychProject             *self);
void                        diptych_project_set_alignment      (DiptychProject             *self,
                                                                DiptychAlignment           *alignment);

/* The links and omissions in force, decisions included, in reading order */
GListModel                 *diptych_project_get_links          (DiptychProject             *self);
GListModel                 *diptych_project_get_omissions      (DiptychProject             *self);
DiptychLink                *diptych_project_find_link          (DiptychProject             *self,
                                                                const char                 *id);
const DiptychWordOp        *diptych_project_get_word_ops       (DiptychProject             *self,
                                                                DiptychLink                *link,
                                                                guint                      *n_ops);

/* Decisions (undoable) */
DiptychLink                *diptych_project_add_link           (DiptychProject             *self,
                                                                DiptychSpan                 span_a,
                                                                DiptychSpan                 span_b,
                                                                GError                    **error);
gboolean                    diptych_project_set_link_state     (DiptychProject             *self,
                                                                DiptychLink                *link,
                                                                DiptychState                state,
                                                                GError                    **error);
gboolean                    diptych_project_confirm_link       (DiptychProject             *self,
                                                                DiptychLink                *link,
                                                                GError                    **error);
gboolean                    diptych_project_reject_link        (DiptychProject             *self,
                                                                DiptychLink                *link,
                                                                GError                    **error);
gboolean                    diptych_project_remove_link        (DiptychProject             *self,
                                                                DiptychLink                *link,
                                                                GError                    **error);
DiptychOmission            *diptych_project_mark_omission      (DiptychProject             *self,
                                                                DiptychSide                 side,
                                                                DiptychSpan                 span,
                                                                GError                    **error);
gboolean                    diptych_project_set_omission_state (DiptychProject             *self,
                                                                DiptychOmission            *omission,
                                                                DiptychState                state,
                                                                GError                    **error);
gboolean                    diptych_project_remove_omission    (DiptychProject             *self,
                                                                DiptychOmission            *omission,
                                                                GError                    **error);

/* Tags (undoable, except the default set) */
GListModel                 *diptych_project_get_tags           (DiptychProject             *self);
DiptychTag                 *diptych_project_find_tag           (DiptychProject             *self,
                                                                const char                 *name);
void                        diptych_project_add_tag            (DiptychProject             *self,
                                                                DiptychTag                 *tag);
DiptychTag                 *diptych_project_create_tag         (DiptychProject             *self,
                                                                const char                 *name,
                                                                const char                 *color,
                                                                GError                    **error);
gboolean                    diptych_project_rename_tag         (DiptychProject             *self,
                                                                DiptychTag                 *tag,
                                                                const char                 *name,
                                                                GError                    **error);
gboolean                    diptych_project_set_tag_color      (DiptychProject             *self,
                                                                DiptychTag                 *tag,
                                                                const char                 *color,
                                                                GError                    **error);
gboolean                    diptych_project_remove_tag         (DiptychProject             *self,
                                                                DiptychTag                 *tag,
                                                                GError                    **error);
void                        diptych_project_add_default_tags   (DiptychProject             *self);

/* Annotations (undoable) */
GListModel                 *diptych_project_get_annotations    (DiptychProject             *self);
void                        diptych_project_add_annotation     (DiptychProject             *self,
                                                                DiptychAnnotation          *annotation);
DiptychAnnotation          *diptych_project_annotate           (DiptychProject             *self,
                                                                DiptychSide                 side,
                                                                DiptychSpan                 span,
                                                                const char                 *tag,
                                                                const char                 *note,
                                                                const char                 *link_id,
                                                                GError                    **error);
gboolean                    diptych_project_remove_annotation  (DiptychProject             *self,
                                                                DiptychAnnotation          *annotation);
gboolean                    diptych_project_set_annotation_note (DiptychProject            *self,
                                                                DiptychAnnotation          *annotation,
                                                                const char                 *note,
                                                                GError                    **error);
gboolean                    diptych_project_set_annotation_tag (DiptychProject             *self,
                                                                DiptychAnnotation          *annotation,
                                                                const char                 *tag,
                                                                GError                    **error);

/* File state */
GFile                      *diptych_project_get_file           (DiptychProject             *self);
void                        diptych_project_set_file           (DiptychProject             *self,
                                                                GFile                      *file);
gboolean                    diptych_project_get_modified       (DiptychProject             *self);
void                        diptych_project_set_modified       (DiptychProject             *self,
                                                                gboolean                    modified);

G_END_DECLS
