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

/* The same tags, for another buffer showing one passage (the inspector):
 * @base is the document offset of the buffer's first character. */
void                diptych_highlighter_ensure_tags  (GtkTextBuffer      *buffer,
                                                      gboolean            dark);
void                diptych_highlighter_mark_word_ops (GtkTextBuffer     *buffer,
                                                      DiptychLink        *link,
                                                      DiptychSide         side,
                                                      guint               base);

G_END_DECLS
