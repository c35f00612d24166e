/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "diptych-types.h"

G_BEGIN_DECLS

/* A passage of a document: a sentence, a clause or a paragraph. */
typedef struct
{
  DiptychSpan span;        /* code points, trimmed of surrounding whitespace */
  gsize       byte_start;  /* the same range in bytes of the UTF-8 text */
  gsize       byte_end;
  guint       paragraph;   /* index of the paragraph holding it */
} DiptychSegment;

/* Longest segment in code points: longer runs are cut at a space. */
#define DIPTYCH_SEGMENT_MAX_CHARS 2000

GArray *diptych_segment_text (const char         *text,
                              gssize              n_bytes,
                              DiptychGranularity  granularity);

G_END_DECLS
