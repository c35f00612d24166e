/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "diptych-selection.h"

G_BEGIN_DECLS

#define DIPTYCH_TYPE_HIGHLIGHTER (diptych_highlighter_get_type ())

G_DECLARE_FINAL_TYPE (DiptychHighlighter, diptych_highlighter, DIPTYCH, HIGHLIGHTER, GObject)

/* Keeps the text tags of one side's buffer in step with the links and
 * omissions (by kind, color-blind-safe colors plus underline cues) and
 * with the selected link (emphasis and word-level differences). The
 * buffer's text must be the side's document text. */

DiptychHighlighter *diptych_highlighter_new          (DiptychSelection   *selection,
                                                      DiptychSide         side,
                                                      GtkTextBuffer      *buffer);
gboolean            diptych_highlighter_is_busy      (DiptychHighlighter *self);
void                diptych_highlighter_flush        (DiptychHighlighter *self);

/* The same styles as Pango attributes, for a label showing a passage
 * (the inspector). */
PangoAttrList      *diptych_highlighter_dup_word_op_attributes (DiptychLink *link,
                                                                DiptychSide  side,
                                                                guint        base,
                                                                const char  *text,
                                                                gboolean     dark);

G_END_DECLS
