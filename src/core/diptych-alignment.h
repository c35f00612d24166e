/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "diptych-link.h"
#include "diptych-types.h"

G_BEGIN_DECLS

#define DIPTYCH_TYPE_ALIGNMENT (diptych_alignment_get_type ())

G_DECLARE_FINAL_TYPE (DiptychAlignment, diptych_alignment, DIPTYCH, ALIGNMENT, GObject)

/* What the highlighting model found for two documents: the passages
 * (segments) of each side, the links between them and the omissions.
 * Built by the aligner on a worker thread, then handed over and not
 * changed any more. */

DiptychAlignment     *diptych_alignment_new            (const DiptychAlignSettings *settings);
const DiptychAlignSettings *
                      diptych_alignment_get_settings   (DiptychAlignment    *self);
void                  diptych_alignment_add_segment    (DiptychAlignment    *self,
                                                        DiptychSide          side,
                                                        DiptychSpan          span);
const DiptychSpan    *diptych_alignment_get_segments   (DiptychAlignment    *self,
                                                        DiptychSide          side,
                                                        guint               *n_segments);
void                  diptych_alignment_add_link       (DiptychAlignment    *self,
                                                        DiptychLink         *link);
guint                 diptych_alignment_get_n_links    (DiptychAlignment    *self);
DiptychLink          *diptych_alignment_get_link       (DiptychAlignment    *self,
                                                        guint                position);
void                  diptych_alignment_add_omission   (DiptychAlignment    *self,
                                                        DiptychOmission     *omission);
guint                 diptych_alignment_get_n_omissions (DiptychAlignment   *self);
DiptychOmission      *diptych_alignment_get_omission   (DiptychAlignment    *self,
                                                        guint                position);
void                  diptych_alignment_add_warning    (DiptychAlignment    *self,
                                                        const char          *warning);
const char * const   *diptych_alignment_get_warnings   (DiptychAlignment    *self);
void                  diptych_alignment_sort           (DiptychAlignment    *self);

G_END_DECLS
