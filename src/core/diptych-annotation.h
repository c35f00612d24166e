/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "diptych-types.h"

G_BEGIN_DECLS

#define DIPTYCH_TYPE_ANNOTATION (diptych_annotation_get_type ())

G_DECLARE_FINAL_TYPE (DiptychAnnotation, diptych_annotation, DIPTYCH, ANNOTATION, GObject)

/* A user's annotation on a passage of one side: a tag, a note, and
 * optionally the link it speaks of. The anchor is the span plus the quoted
 * text and a little context, so that it can re-attach after a re-import. */
DiptychAnnotation *diptych_annotation_new              (DiptychSide        side,
                                                        DiptychSpan        span,
                                                        const char        *tag,
                                                        const char        *note);
const char        *diptych_annotation_get_id           (DiptychAnnotation *self);
void               diptych_annotation_set_id           (DiptychAnnotation *self,
                                                        const char        *id);
DiptychSide        diptych_annotation_get_side         (DiptychAnnotation *self);
DiptychSpan        diptych_annotation_get_span         (DiptychAnnotation *self);
int                diptych_annotation_compare          (gconstpointer      a,
                                                        gconstpointer      b);
void               diptych_annotation_set_span         (DiptychAnnotation *self,
                                                        DiptychSpan        span);
const char        *diptych_annotation_get_tag          (DiptychAnnotation *self);
void               diptych_annotation_set_tag          (DiptychAnnotation *self,
                                                        const char        *tag);
const char        *diptych_annotation_get_note         (DiptychAnnotation *self);
void               diptych_annotation_set_note         (DiptychAnnotation *self,
                                                        const char        *note);
const char        *diptych_annotation_get_link_id      (DiptychAnnotation *self);
void               diptych_annotation_set_link_id      (DiptychAnnotation *self,
                                                        const char        *link_id);
const char        *diptych_annotation_get_quote        (DiptychAnnotation *self);
const char        *diptych_annotation_get_context_before (DiptychAnnotation *self);
const char        *diptych_annotation_get_context_after (DiptychAnnotation *self);
void               diptych_annotation_set_anchor_text  (DiptychAnnotation *self,
                                                        const char        *quote,
                                                        const char        *context_before,
                                                        const char        *context_after);
gboolean           diptych_annotation_get_orphaned     (DiptychAnnotation *self);
void               diptych_annotation_set_orphaned     (DiptychAnnotation *self,
                                                        gboolean           orphaned);
GDateTime         *diptych_annotation_get_created      (DiptychAnnotation *self);
gboolean           diptych_annotation_matches          (DiptychAnnotation *self,
                                                        const char        *tag,
                                                        int                side,
                                                        const char        *search);
void               diptych_annotation_set_created      (DiptychAnnotation *self,
                                                        GDateTime         *created);

G_END_DECLS
