/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "diptych-alignment.h"
#include "diptych-annotation.h"
#include "diptych-document.h"
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
 * Views observe the list models; every change emits ::changed. */

DiptychProject             *diptych_project_new               (void);
DiptychDocument            *diptych_project_get_document      (DiptychProject             *self,
                                                               DiptychSide                 side);
void                        diptych_project_set_document      (DiptychProject             *self,
                                                               DiptychSide                 side,
                                                               DiptychDocument            *document);
const DiptychAlignSettings *diptych_project_get_settings      (DiptychProject             *self);
void                        diptych_project_set_settings      (DiptychProject             *self,
                                                               const DiptychAlignSettings *settings);
DiptychAlignment           *diptych_project_get_alignment     (DiptychProject             *self);
void                        diptych_project_set_alignment     (DiptychProject             *self,
                                                               DiptychAlignment           *alignment);
GListModel                 *diptych_project_get_links         (DiptychProject             *self);
GListModel                 *diptych_project_get_omissions     (DiptychProject             *self);
GListModel                 *diptych_project_get_tags          (DiptychProject             *self);
GListModel                 *diptych_project_get_annotations   (DiptychProject             *self);
DiptychTag                 *diptych_project_find_tag          (DiptychProject             *self,
                                                               const char                 *name);
void                        diptych_project_add_tag           (DiptychProject             *self,
                                                               DiptychTag                 *tag);
void                        diptych_project_add_default_tags  (DiptychProject             *self);
void                        diptych_project_add_annotation    (DiptychProject             *self,
                                                               DiptychAnnotation          *annotation);
gboolean                    diptych_project_remove_annotation (DiptychProject             *self,
                                                               DiptychAnnotation          *annotation);
DiptychLink                *diptych_project_find_link         (DiptychProject             *self,
                                                               const char                 *id);
GFile                      *diptych_project_get_file          (DiptychProject             *self);
void                        diptych_project_set_file          (DiptychProject             *self,
                                                               GFile                      *file);
gboolean                    diptych_project_get_modified      (DiptychProject             *self);
void                        diptych_project_set_modified      (DiptychProject             *self,
                                                               gboolean                    modified);

G_END_DECLS
