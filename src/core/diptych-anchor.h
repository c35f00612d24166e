/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "diptych-document.h"

G_BEGIN_DECLS

/* Characters of context kept on each side of an anchored quote. */
#define DIPTYCH_ANCHOR_CONTEXT_CHARS 32

/* The text of @span in @document and up to DIPTYCH_ANCHOR_CONTEXT_CHARS
 * characters around it. */
void     diptych_anchor_capture (DiptychDocument  *document,
                                 DiptychSpan       span,
                                 char            **quote,
                                 char            **context_before,
                                 char            **context_after);

/* Finds @quote again in @document, which may be a re-imported version of
 * the document it was quoted from: at @old_start if the text there still
 * matches; else the occurrence whose surroundings best match the context,
 * then the nearest to @old_start. FALSE if the quote is nowhere. */
gboolean diptych_anchor_find    (DiptychDocument  *document,
                                 const char       *quote,
                                 const char       *context_before,
                                 const char       *context_after,
                                 guint             old_start,
                                 DiptychSpan      *found);

G_END_DECLS
