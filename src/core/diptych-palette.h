/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "diptych-types.h"

G_BEGIN_DECLS

/* The colors of Diptych, one definition for the panes, the link map, the
 * overview and the reports: the Okabe–Ito palette, told apart with the
 * common color vision deficiencies. Every color also comes with a cue that
 * is not color (a line style), for paper and for users who see no color. */

typedef struct
{
  guint8 red;
  guint8 green;
  guint8 blue;
} DiptychRgb;

typedef enum
{
  /* The kinds of link, and passages without counterpart. */
  DIPTYCH_PALETTE_IDENTICAL = 0,   /* bluish green */
  DIPTYCH_PALETTE_REWORDED,        /* sky blue */
  DIPTYCH_PALETTE_PARTIAL,         /* orange */
  DIPTYCH_PALETTE_OMISSION,        /* reddish purple */
  /* Word-level differences inside a link. */
  DIPTYCH_PALETTE_WORD_REWORDED,   /* blue */
  DIPTYCH_PALETTE_WORD_CHANGED,    /* vermilion */
  DIPTYCH_PALETTE_WORD_UNIQUE,     /* yellow: words only on this side */
  DIPTYCH_PALETTE_DISCREPANCY,     /* reddish purple */
  DIPTYCH_PALETTE_N_COLORS,
} DiptychPaletteColor;

/* A line beside a passage (kinds) or under words (word-level). */
typedef enum
{
  DIPTYCH_LINE_NONE = 0,
  DIPTYCH_LINE_SOLID,
  DIPTYCH_LINE_DASHED,
  DIPTYCH_LINE_DOTTED,
  DIPTYCH_LINE_DOUBLE,
  DIPTYCH_LINE_WAVY,
} DiptychLineStyle;

DiptychRgb          diptych_palette_get_rgb        (DiptychPaletteColor color);
const char         *diptych_palette_get_name       (DiptychPaletteColor color);
DiptychLineStyle    diptych_palette_get_line_style (DiptychPaletteColor color);
int                 diptych_palette_get_weight     (DiptychPaletteColor color);
DiptychPaletteColor diptych_palette_for_link_kind  (DiptychLinkKind     kind);
DiptychPaletteColor diptych_palette_for_word_op    (DiptychWordOpKind   kind);

/* The words of a partial link that its counterpart does not cover have no
 * color of their own: dimmed text, with a dotted line in the partial
 * color. */
#define DIPTYCH_PALETTE_UNCOVERED_LINE DIPTYCH_LINE_DOTTED

DiptychRgb  diptych_rgb_tint          (DiptychRgb        rgb,
                                       double            amount);
DiptychRgb  diptych_rgb_shade         (DiptychRgb        rgb,
                                       double            amount);
void        diptych_rgb_to_hex        (DiptychRgb        rgb,
                                       char              hex[8]);
guint32     diptych_rgb_to_uint       (DiptychRgb        rgb);
const char *diptych_line_style_to_css (DiptychLineStyle  style);

G_END_DECLS
