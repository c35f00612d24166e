/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "diptych-core.h"
#include "diptych-report-private.h"

static const DiptychPaletteColor kinds[] = {
  DIPTYCH_PALETTE_IDENTICAL, DIPTYCH_PALETTE_REWORDED, DIPTYCH_PALETTE_PARTIAL, DIPTYCH_PALETTE_OMISSION,
};

static char *
hex (DiptychRgb rgb)
{
  char buffer[8];

  diptych_rgb_to_hex (rgb, buffer);
  return g_strdup (buffer);
}

/* WCAG 2 relative luminance and contrast ratio. */
static double
luminance (DiptychRgb rgb)
{
  double c[3] = { rgb.red / 255.0, rgb.green / 255.0, rgb.blue / 255.0 };

  for (guint i = 0; i < 3; i++)
    c[i] = c[i] <= 0.03928 ? c[i] / 12.92 : pow ((c[i] + 0.055) / 1.055, 2.4);
  return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}

static double
contrast (DiptychRgb a,
          DiptychRgb b)
{
  double la = luminance (a), lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

static DiptychRgb
from_uint (guint32 value)
{
  return (DiptychRgb) { (value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff };
}

static void
test_palette_colors (void)
{
  static const struct { DiptychPaletteColor color; const char *hex; } okabe_ito[] = {
    { DIPTYCH_PALETTE_IDENTICAL, "#009e73" },
    { DIPTYCH_PALETTE_REWORDED, "#56b4e9" },
    { DIPTYCH_PALETTE_PARTIAL, "#e69f00" },
    { DIPTYCH_PALETTE_OMISSION, "#cc79a7" },
    { DIPTYCH_PALETTE_WORD_REWORDED, "#0072b2" },
    { DIPTYCH_PALETTE_WORD_CHANGED, "#d55e00" },
    { DIPTYCH_PALETTE_WORD_UNIQUE, "#f0e442" },
    { DIPTYCH_PALETTE_DISCREPANCY, "#cc79a7" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (okabe_ito); i++)
    {
      g_autofree char *value = hex (diptych_palette_get_rgb (okabe_ito[i].color));

      g_assert_cmpstr (value, ==, okabe_ito[i].hex);
      g_assert_nonnull (diptych_palette_get_name (okabe_ito[i].color));
    }

  g_assert_cmpint (diptych_palette_for_link_kind (DIPTYCH_LINK_IDENTICAL), ==, DIPTYCH_PALETTE_IDENTICAL);
  g_assert_cmpint (diptych_palette_for_link_kind (DIPTYCH_LINK_REWORDED), ==, DIPTYCH_PALETTE_REWORDED);
  g_assert_cmpint (diptych_palette_for_link_kind (DIPTYCH_LINK_PARTIAL), ==, DIPTYCH_PALETTE_PARTIAL);
  g_assert_cmpint (diptych_palette_for_word_op (DIPTYCH_WORD_SAME), ==, DIPTYCH_PALETTE_N_COLORS);
  g_assert_cmpint (diptych_palette_for_word_op (DIPTYCH_WORD_REWORDED), ==, DIPTYCH_PALETTE_WORD_REWORDED);
  g_assert_cmpint (diptych_palette_for_word_op (DIPTYCH_WORD_CHANGED), ==, DIPTYCH_PALETTE_WORD_CHANGED);
  g_assert_cmpint (diptych_palette_for_word_op (DIPTYCH_WORD_INSERTED), ==, DIPTYCH_PALETTE_WORD_UNIQUE);
  g_assert_cmpint (diptych_palette_for_word_op (DIPTYCH_WORD_DELETED), ==, DIPTYCH_PALETTE_WORD_UNIQUE);
}

/* Without color, the kinds are still told apart by their lines, and the
 * word-level differences by line or weight. */
static void
test_palette_cues (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    for (guint j = i + 1; j < G_N_ELEMENTS (kinds); j++)
      g_assert_cmpint (diptych_palette_get_line_style (kinds[i]), !=, diptych_palette_get_line_style (kinds[j]));

  for (DiptychPaletteColor c = DIPTYCH_PALETTE_WORD_REWORDED; c < DIPTYCH_PALETTE_N_COLORS; c++)
    g_assert_true (diptych_palette_get_line_style (c) != DIPTYCH_LINE_NONE || diptych_palette_get_weight (c) > 0);

  g_assert_cmpstr (diptych_line_style_to_css (DIPTYCH_LINE_DASHED), ==, "dashed");
  g_assert_cmpstr (diptych_line_style_to_css (DIPTYCH_LINE_WAVY), ==, "wavy");
}

static void
test_palette_tints (void)
{
  DiptychRgb rgb = diptych_palette_get_rgb (DIPTYCH_PALETTE_PARTIAL);
  DiptychRgb text = from_uint (0x1e1e1e);
  DiptychRgb white = { 255, 255, 255 };
  g_autofree char *none = hex (diptych_rgb_tint (rgb, 0.0));
  g_autofree char *full = hex (diptych_rgb_tint (rgb, 1.0));
  g_autofree char *black = hex (diptych_rgb_shade (rgb, 1.0));

  g_assert_cmpstr (none, ==, "#ffffff");
  g_assert_cmpstr (full, ==, "#e69f00");
  g_assert_cmpstr (black, ==, "#000000");
  g_assert_cmphex (diptych_rgb_to_uint (rgb), ==, 0xe69f00);

  /* What the reports promise: near-black text keeps a contrast above
   * 12:1 on every tint, dimmed text and markers read as text (4.5:1). */
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    g_assert_cmpfloat (contrast (text, diptych_report_tint (kinds[i])), >, 12.0);
  g_assert_cmpfloat (contrast (text, diptych_rgb_tint (diptych_palette_get_rgb (DIPTYCH_PALETTE_WORD_UNIQUE),
                                                       DIPTYCH_REPORT_UNIQUE_TINT)), >, 12.0);
  g_assert_cmpfloat (contrast (from_uint (DIPTYCH_REPORT_DIM_TEXT), white), >, 4.5);
  g_assert_cmpfloat (contrast (from_uint (DIPTYCH_REPORT_DIM_TEXT), diptych_report_tint (DIPTYCH_PALETTE_PARTIAL)), >, 4.5);
  g_assert_cmpfloat (contrast (diptych_rgb_shade (diptych_palette_get_rgb (DIPTYCH_PALETTE_DISCREPANCY),
                                                  DIPTYCH_REPORT_MARKER_SHADE), white), >, 4.5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/palette/colors", test_palette_colors);
  g_test_add_func ("/palette/cues", test_palette_cues);
  g_test_add_func ("/palette/tints", test_palette_tints);

  return g_test_run ();
}
