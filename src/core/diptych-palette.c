/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "diptych-palette"

#include "config.h"

#include "diptych-palette.h"

typedef struct
{
  const char       *name;
  DiptychRgb        rgb;
  DiptychLineStyle  line;
  int               weight;   /* CSS and Pango weight; 0: as the text around */
} Entry;

/* Okabe & Ito, "Color Universal Design" (2008). The kinds of link are told
 * apart by a line beside the passage as well (solid, dashed, dotted; a
 * double line for omissions), word-level differences by their underline
 * and weight. */
static const Entry entries[DIPTYCH_PALETTE_N_COLORS] = {
  [DIPTYCH_PALETTE_IDENTICAL] = { "identical", { 0, 158, 115 }, DIPTYCH_LINE_SOLID, 0 },
  [DIPTYCH_PALETTE_REWORDED] = { "reworded", { 86, 180, 233 }, DIPTYCH_LINE_DASHED, 0 },
  [DIPTYCH_PALETTE_PARTIAL] = { "partial", { 230, 159, 0 }, DIPTYCH_LINE_DOTTED, 0 },
  [DIPTYCH_PALETTE_OMISSION] = { "omission", { 204, 121, 167 }, DIPTYCH_LINE_DOUBLE, 0 },
  [DIPTYCH_PALETTE_WORD_REWORDED] = { "word-reworded", { 0, 114, 178 }, DIPTYCH_LINE_SOLID, 0 },
  [DIPTYCH_PALETTE_WORD_CHANGED] = { "word-changed", { 213, 94, 0 }, DIPTYCH_LINE_DOUBLE, 700 },
  [DIPTYCH_PALETTE_WORD_UNIQUE] = { "word-unique", { 240, 228, 66 }, DIPTYCH_LINE_NONE, 700 },
  [DIPTYCH_PALETTE_DISCREPANCY] = { "discrepancy", { 204, 121, 167 }, DIPTYCH_LINE_WAVY, 900 },
};

DiptychRgb
diptych_palette_get_rgb (DiptychPaletteColor color)
{
  g_return_val_if_fail (color < DIPTYCH_PALETTE_N_COLORS, ((DiptychRgb) { 0, 0, 0 }));

  return entries[color].rgb;
}

/* A name for style sheets and tests: "identical", "word-changed"... */
const char *
diptych_palette_get_name (DiptychPaletteColor color)
{
  g_return_val_if_fail (color < DIPTYCH_PALETTE_N_COLORS, NULL);

  return entries[color].name;
}

/* The cue that is not color: for a kind of link, the line beside its
 * passages; for a word-level difference, the line under its words. */
DiptychLineStyle
diptych_palette_get_line_style (DiptychPaletteColor color)
{
  g_return_val_if_fail (color < DIPTYCH_PALETTE_N_COLORS, DIPTYCH_LINE_NONE);

  return entries[color].line;
}

int
diptych_palette_get_weight (DiptychPaletteColor color)
{
  g_return_val_if_fail (color < DIPTYCH_PALETTE_N_COLORS, 0);

  return entries[color].weight;
}

DiptychPaletteColor
diptych_palette_for_link_kind (DiptychLinkKind kind)
{
  switch (kind)
    {
    case DIPTYCH_LINK_REWORDED:
      return DIPTYCH_PALETTE_REWORDED;
    case DIPTYCH_LINK_PARTIAL:
      return DIPTYCH_PALETTE_PARTIAL;
    case DIPTYCH_LINK_IDENTICAL:
    default:
      return DIPTYCH_PALETTE_IDENTICAL;
    }
}

/* DIPTYCH_PALETTE_N_COLORS for words that are the same on both sides. */
DiptychPaletteColor
diptych_palette_for_word_op (DiptychWordOpKind kind)
{
  switch (kind)
    {
    case DIPTYCH_WORD_REWORDED:
      return DIPTYCH_PALETTE_WORD_REWORDED;
    case DIPTYCH_WORD_CHANGED:
      return DIPTYCH_PALETTE_WORD_CHANGED;
    case DIPTYCH_WORD_INSERTED:
    case DIPTYCH_WORD_DELETED:
      return DIPTYCH_PALETTE_WORD_UNIQUE;
    case DIPTYCH_WORD_SAME:
    default:
      return DIPTYCH_PALETTE_N_COLORS;
    }
}

static guint8
mix (guint8 from,
     guint8 to,
     double amount)
{
  return (guint8) CLAMP (from + (to - from) * amount + 0.5, 0, 255);
}

/* @rgb on white, as if painted with opacity @amount: a light tint for
 * backgrounds behind near-black text. */
DiptychRgb
diptych_rgb_tint (DiptychRgb rgb,
                  double     amount)
{
  return (DiptychRgb) { mix (255, rgb.red, amount), mix (255, rgb.green, amount), mix (255, rgb.blue, amount) };
}

/* @rgb darkened toward black by @amount: lines and text that must stand
 * out on white. */
DiptychRgb
diptych_rgb_shade (DiptychRgb rgb,
                   double     amount)
{
  return (DiptychRgb) { mix (rgb.red, 0, amount), mix (rgb.green, 0, amount), mix (rgb.blue, 0, amount) };
}

/* "#rrggbb" */
void
diptych_rgb_to_hex (DiptychRgb rgb,
                    char       hex[8])
{
  g_snprintf (hex, 8, "#%02x%02x%02x", rgb.red, rgb.green, rgb.blue);
}

/* 0xrrggbb */
guint32
diptych_rgb_to_uint (DiptychRgb rgb)
{
  return ((guint32) rgb.red << 16) | ((guint32) rgb.green << 8) | rgb.blue;
}

/* The CSS border-style or text-decoration-style of a line. */
const char *
diptych_line_style_to_css (DiptychLineStyle style)
{
  switch (style)
    {
    case DIPTYCH_LINE_SOLID:
      return "solid";
    case DIPTYCH_LINE_DASHED:
      return "dashed";
    case DIPTYCH_LINE_DOTTED:
      return "dotted";
    case DIPTYCH_LINE_DOUBLE:
      return "double";
    case DIPTYCH_LINE_WAVY:
      return "wavy";
    case DIPTYCH_LINE_NONE:
    default:
      return "none";
    }
}
