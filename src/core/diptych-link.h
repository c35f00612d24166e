/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "diptych-types.h"

G_BEGIN_DECLS

#define DIPTYCH_TYPE_LINK (diptych_link_get_type ())
#define DIPTYCH_TYPE_OMISSION (diptych_omission_get_type ())

G_DECLARE_FINAL_TYPE (DiptychLink, diptych_link, DIPTYCH, LINK, GObject)
G_DECLARE_FINAL_TYPE (DiptychOmission, diptych_omission, DIPTYCH, OMISSION, GObject)

/* A link: a passage of A (one contiguous span, maybe several sentences)
 * that matches a passage of B. */
DiptychLink         *diptych_link_new               (DiptychSpan          a,
                                                     DiptychSpan          b,
                                                     DiptychLinkKind      kind,
                                                     double               score,
                                                     DiptychState         state);
const char          *diptych_link_get_id            (DiptychLink         *self);
void                 diptych_link_set_id            (DiptychLink         *self,
                                                     const char          *id);
DiptychSpan          diptych_link_get_span          (DiptychLink         *self,
                                                     DiptychSide          side);
DiptychLinkKind      diptych_link_get_kind          (DiptychLink         *self);
void                 diptych_link_set_kind          (DiptychLink         *self,
                                                     DiptychLinkKind      kind);
double               diptych_link_get_score         (DiptychLink         *self);
void                 diptych_link_set_score         (DiptychLink         *self,
                                                     double               score);
DiptychState         diptych_link_get_state         (DiptychLink         *self);
void                 diptych_link_set_state         (DiptychLink         *self,
                                                     DiptychState         state);
const char * const  *diptych_link_get_shared_terms  (DiptychLink         *self);
void                 diptych_link_set_shared_terms  (DiptychLink         *self,
                                                     const char * const  *terms);
const DiptychSpan   *diptych_link_get_uncovered     (DiptychLink         *self,
                                                     DiptychSide          side,
                                                     guint               *n_spans);
void                 diptych_link_add_uncovered     (DiptychLink         *self,
                                                     DiptychSide          side,
                                                     DiptychSpan          span);
const DiptychWordOp *diptych_link_get_word_ops      (DiptychLink         *self,
                                                     guint               *n_ops);
void                 diptych_link_set_word_ops      (DiptychLink         *self,
                                                     const DiptychWordOp *ops,
                                                     guint                n_ops);
gboolean             diptych_link_has_word_ops      (DiptychLink         *self);
const char          *diptych_link_kind_get_label    (DiptychLinkKind      kind);
int                  diptych_link_compare_by_a      (gconstpointer        a,
                                                     gconstpointer        b);
int                  diptych_link_compare_by_b      (gconstpointer        a,
                                                     gconstpointer        b);
int                  diptych_link_compare_spans     (DiptychLink         *a,
                                                     DiptychLink         *b);

/* An omission: a passage of one side with no counterpart in the other. */
DiptychOmission     *diptych_omission_new           (DiptychSide          side,
                                                     DiptychSpan          span,
                                                     DiptychState         state);
const char          *diptych_omission_get_id        (DiptychOmission     *self);
void                 diptych_omission_set_id        (DiptychOmission     *self,
                                                     const char          *id);
DiptychSide          diptych_omission_get_side      (DiptychOmission     *self);
DiptychSpan          diptych_omission_get_span      (DiptychOmission     *self);
DiptychState         diptych_omission_get_state     (DiptychOmission     *self);
void                 diptych_omission_set_state     (DiptychOmission     *self,
                                                     DiptychState         state);
int                  diptych_omission_compare       (gconstpointer        a,
                                                     gconstpointer        b);
int                  diptych_omission_compare_spans (DiptychOmission     *a,
                                                     DiptychOmission     *b);

G_END_DECLS
