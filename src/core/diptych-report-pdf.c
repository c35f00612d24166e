/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "diptych-report"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <string.h>
#include <time.h>

#include "diptych-error.h"
#include "diptych-palette.h"
#include "diptych-report-private.h"

/* The report typeset with Pango and cairo. Pages are first drawn onto
 * recording surfaces, so that once their number is known each one is
 * replayed into the PDF with its header and its "Page n of N" footer; the
 * text stays text (searchable, copyable). A row that does not fit on the
 * rest of a page moves to the next one; a row taller than a page is split
 * between lines. */

#define MARGIN 42.0
#define HEADER_HEIGHT 22.0
#define FOOTER_HEIGHT 22.0
#define GAP 8.0
#define META_WIDTH 64.0
#define TEXT_FONT "Serif 9.5"
#define SMALL_FONT "Sans 7.5"
#define BODY_FONT "Sans 9"
#define TEXT_COLOR 0x1e1e1e
/* The most cells side by side: the label and the two passages. */
#define MAX_CELLS 3

typedef enum
{
  DECOR_NONE,
  DECOR_IDENTICAL,
  DECOR_REWORDED,
  DECOR_PARTIAL,
  DECOR_OMISSION,
  DECOR_QUOTE,
  DECOR_UNCOVERED,   /* the dotted line under words, not a bar */
  DECOR_GAP,         /* the other side of an omission: hatched, no bar */
  N_DECORS,
} Decor;

/* Where a line of a layout lies, in Pango units. */
typedef struct
{
  int top;
  int bottom;
  int baseline;
  int x;
} LineMetrics;

typedef struct
{
  PangoLayout *layout;
  double       x;
  Decor        decor;
  GArray      *lines;      /* LineMetrics */
  guint        next_line;
  GArray      *dotted;     /* Range: bytes to underline with dots, or NULL */
  gboolean     tinted;     /* a row of the table: its decor's tint behind */
  gboolean     borrowed;   /* drawn again later: flow() does not free it */
} Cell;

/* Pango has no dotted underline: these are drawn with the bars. */
typedef struct
{
  guint start;
  guint end;
} Range;

typedef struct
{
  DiptychReport  *report;
  PangoFontMap   *font_map;
  PangoContext   *context;
  GHashTable     *fonts;     /* description string → PangoFontDescription */
  GPtrArray      *pages;     /* cairo_surface_t (recording) */
  GArray         *lines;     /* Line, of the page being drawn */
  cairo_t        *cr;
  double          width;
  double          height;
  double          top;
  double          bottom;
  double          y;
  double          col_x[3];
  double          col_width[3];
  gboolean        in_table;
  Cell            table_header[MAX_CELLS];  /* laid out once, drawn on every page */
  PangoLayout    *page_header;
  PangoLayout    *page_footer;
  double          progress;   /* of the export, while the pages are written */
  GError         *write_error;
} Pdf;

/* A context for print: no hinting, metrics in points, glyphs at their
 * exact positions (rounded to whole points, letters at 9.5 pt are spaced
 * unevenly, and cairo writes an offset for nearly every glyph). */
static PangoContext *
print_context_new (PangoFontMap *font_map)
{
  PangoContext *context = pango_font_map_create_context (font_map);
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 72.0);
  pango_context_set_round_glyph_positions (context, FALSE);
  cairo_font_options_destroy (options);
  return context;
}

static PangoLayout *
layout_new (PangoContext               *context,
            const PangoFontDescription *desc,
            double                      width)
{
  PangoLayout *layout = pango_layout_new (context);

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_auto_dir (layout, TRUE);
  return layout;
}

static PangoLayout *
new_layout (Pdf        *pdf,
            const char *font,
            double      width)
{
  PangoFontDescription *desc = g_hash_table_lookup (pdf->fonts, font);

  if (desc == NULL)
    {
      desc = pango_font_description_from_string (font);
      g_hash_table_insert (pdf->fonts, g_strdup (font), desc);
    }
  return layout_new (pdf->context, desc, width);
}

/* Done by the thread that lays the cell out, so that the one drawing it
 * does not walk the layout again. */
static void
cell_measure (Cell *cell)
{
  PangoLayoutIter *iter;

  if (cell->lines != NULL)
    return;

  cell->lines = g_array_new (FALSE, FALSE, sizeof (LineMetrics));
  iter = pango_layout_get_iter (cell->layout);
  do
    {
      LineMetrics metrics;
      PangoRectangle logical;

      pango_layout_iter_get_line_yrange (iter, &metrics.top, &metrics.bottom);
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      metrics.baseline = pango_layout_iter_get_baseline (iter);
      metrics.x = logical.x;
      g_array_append_val (cell->lines, metrics);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
cell_clear (Cell *cell)
{
  g_clear_object (&cell->layout);
  g_clear_pointer (&cell->lines, g_array_unref);
  g_clear_pointer (&cell->dotted, g_array_unref);
}

static double
cell_remaining_height (Cell *cell)
{
  guint n = cell->lines->len;

  if (cell->next_line >= n)
    return 0.0;
  return (g_array_index (cell->lines, LineMetrics, n - 1).bottom -
          g_array_index (cell->lines, LineMetrics, cell->next_line).top) / (double) PANGO_SCALE;
}

static void
start_page (Pdf *pdf);

static void
set_rgb (cairo_t    *cr,
         guint32     rgb)
{
  cairo_set_source_rgb (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0);
}

/* The bars beside passages and the rules between rows are collected and
 * stroked together when the page is done: a few strokes a page rather
 * than three a row. */
typedef struct
{
  Decor  decor;
  double x0;
  double y0;
  double x1;
  double y1;
} Line;

/* The palette color of a decor, or N_COLORS for grey. */
static DiptychPaletteColor
decor_color (Decor decor)
{
  switch (decor)
    {
    case DECOR_IDENTICAL: return DIPTYCH_PALETTE_IDENTICAL;
    case DECOR_REWORDED: return DIPTYCH_PALETTE_REWORDED;
    case DECOR_PARTIAL: return DIPTYCH_PALETTE_PARTIAL;
    case DECOR_OMISSION: return DIPTYCH_PALETTE_OMISSION;
    case DECOR_UNCOVERED: return DIPTYCH_PALETTE_PARTIAL;
    case DECOR_GAP: return DIPTYCH_PALETTE_OMISSION;
    case DECOR_NONE:
    case DECOR_QUOTE:
    case N_DECORS:
    default:
      return DIPTYCH_PALETTE_N_COLORS;
    }
}

/* The bar beside a passage, in the line style of its kind: a double line
 * is two thin ones. */
static void
draw_decor (Pdf    *pdf,
            Decor   decor,
            double  x,
            double  y0,
            double  y1)
{
  Line line = { decor, x - 4.0, y0, x - 4.0, y1 };
  DiptychPaletteColor color = decor_color (decor);

  if (decor == DECOR_NONE || decor == DECOR_GAP || y1 <= y0)
    return;
  if (color != DIPTYCH_PALETTE_N_COLORS && diptych_palette_get_line_style (color) == DIPTYCH_LINE_DOUBLE)
    {
      line.x0 = line.x1 = x - 5.5;
      g_array_append_val (pdf->lines, line);
      line.x0 = line.x1 = x - 2.5;
    }
  g_array_append_val (pdf->lines, line);
}

/* The tint behind a passage of a kind of link or an omission, from the
 * bar beside it to the end of its column. */
static void
fill_tint (Pdf    *pdf,
           Decor   decor,
           double  x,
           double  width,
           double  y0,
           double  y1)
{
  DiptychPaletteColor color = decor_color (decor);

  if (color == DIPTYCH_PALETTE_N_COLORS || decor == DECOR_UNCOVERED || y1 <= y0)
    return;
  set_rgb (pdf->cr, diptych_rgb_to_uint (diptych_report_tint (color)));
  cairo_rectangle (pdf->cr, x - 5.0, y0, width + 7.0, y1 - y0);
  if (decor == DECOR_GAP)
    {
      /* Stripes across the cell, as the web page draws it. */
      cairo_save (pdf->cr);
      cairo_clip (pdf->cr);
      cairo_set_line_width (pdf->cr, 3.0);
      for (double sx = x - 5.0 - (y1 - y0); sx < x + width + 2.0; sx += 8.5)
        {
          cairo_move_to (pdf->cr, sx, y1);
          cairo_line_to (pdf->cr, sx + (y1 - y0), y0);
        }
      cairo_stroke (pdf->cr);
      cairo_restore (pdf->cr);
    }
  else
    cairo_fill (pdf->cr);
  set_rgb (pdf->cr, TEXT_COLOR);
}

static void
draw_rule (Pdf    *pdf,
           double  y)
{
  Line line = { DECOR_NONE, MARGIN, y, pdf->width - MARGIN, y };

  g_array_append_val (pdf->lines, line);
}

static void
stroke_lines (Pdf *pdf)
{
  static const double dash[] = { 4.0, 2.0 };
  static const double dot[] = { 1.0, 1.5 };
  static const double dots[] = { 0.0, 2.0 };
  cairo_t *cr = pdf->cr;

  for (Decor decor = DECOR_NONE; decor < N_DECORS; decor++)
    {
      DiptychPaletteColor color = decor_color (decor);
      gboolean any = FALSE;

      cairo_save (cr);
      cairo_set_line_width (cr, 2.0);
      if (decor == DECOR_NONE)
        {
          set_rgb (cr, 0xc0c0c0);
          cairo_set_line_width (cr, 0.5);
        }
      else if (decor == DECOR_QUOTE)
        set_rgb (cr, 0x888888);
      else if (decor == DECOR_UNCOVERED)
        {
          /* Round dots, as CSS draws a dotted underline. */
          set_rgb (cr, diptych_rgb_to_uint (diptych_palette_get_rgb (color)));
          cairo_set_line_width (cr, 1.2);
          cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
          cairo_set_dash (cr, dots, G_N_ELEMENTS (dots), 0);
        }
      else
        {
          set_rgb (cr, diptych_rgb_to_uint (diptych_palette_get_rgb (color)));
          switch (diptych_palette_get_line_style (color))
            {
            case DIPTYCH_LINE_DASHED: cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0); break;
            case DIPTYCH_LINE_DOTTED: cairo_set_dash (cr, dot, G_N_ELEMENTS (dot), 0); break;
            case DIPTYCH_LINE_DOUBLE: cairo_set_line_width (cr, 1.0); break;
            case DIPTYCH_LINE_NONE:
            case DIPTYCH_LINE_SOLID:
            case DIPTYCH_LINE_WAVY:
            default:
              break;
            }
        }
      for (guint i = 0; i < pdf->lines->len; i++)
        {
          const Line *line = &g_array_index (pdf->lines, Line, i);

          if (line->decor != decor)
            continue;
          cairo_move_to (cr, line->x0, line->y0);
          cairo_line_to (cr, line->x1, line->y1);
          any = TRUE;
        }
      if (any)
        cairo_stroke (cr);
      cairo_restore (cr);
    }
  g_array_set_size (pdf->lines, 0);
}

/* How many lines of a cell, from its next line on, fit above limit, and
 * their height. */
static double
cell_fit (Pdf    *pdf,
          Cell   *cell,
          double  limit,
          guint  *end)
{
  guint first = cell->next_line;
  int origin;
  double used = 0.0;

  *end = first;
  if (first >= cell->lines->len)
    return 0.0;

  origin = g_array_index (cell->lines, LineMetrics, first).top;
  for (guint line = first; line < cell->lines->len; line++)
    {
      double bottom = (g_array_index (cell->lines, LineMetrics, line).bottom - origin) / (double) PANGO_SCALE;

      /* A line that does not fit waits for the next page, unless the page
       * is empty. */
      if (pdf->y + bottom > limit && (line > first || pdf->y > pdf->top + 0.5))
        break;
      used = bottom;
      *end = line + 1;
    }
  return used;
}

/* The dotted lines under the words of @cell's ranges on one of its lines,
 * whose baseline is at @baseline. */
static void
underline_dotted (Pdf             *pdf,
                  Cell            *cell,
                  PangoLayoutLine *line,
                  double           baseline)
{
  guint line_start = line->start_index, line_end = line->start_index + line->length;

  for (guint i = 0; i < cell->dotted->len; i++)
    {
      const Range *range = &g_array_index (cell->dotted, Range, i);
      int *ranges = NULL, n_ranges = 0;

      if (range->end <= line_start || range->start >= line_end)
        continue;
      pango_layout_line_get_x_ranges (line, MAX (range->start, line_start), MIN (range->end, line_end),
                                      &ranges, &n_ranges);
      for (int r = 0; r < n_ranges; r++)
        {
          Line dots = { DECOR_UNCOVERED, cell->x + ranges[2 * r] / (double) PANGO_SCALE + 0.6, baseline + 2.2,
                        cell->x + ranges[2 * r + 1] / (double) PANGO_SCALE - 0.6, baseline + 2.2 };

          if (dots.x1 > dots.x0)
            g_array_append_val (pdf->lines, dots);
        }
      g_free (ranges);
    }
}

/* Draws the lines of a cell from its next line to @end (as cell_fit()
 * found them). */
static void
cell_draw (Pdf   *pdf,
           Cell  *cell,
           guint  end)
{
  GSList *lines;
  guint first = cell->next_line, line = 0;
  int origin;

  if (first >= end)
    return;

  origin = g_array_index (cell->lines, LineMetrics, first).top;
  lines = pango_layout_get_lines_readonly (cell->layout);
  for (; lines != NULL && line < end; lines = lines->next, line++)
    {
      const LineMetrics *metrics = &g_array_index (cell->lines, LineMetrics, line);
      double baseline;

      if (line < first)
        continue;
      baseline = pdf->y + (metrics->baseline - origin) / (double) PANGO_SCALE;
      cairo_move_to (pdf->cr, cell->x + metrics->x / (double) PANGO_SCALE, baseline);
      pango_cairo_show_layout_line (pdf->cr, lines->data);
      if (cell->dotted != NULL)
        underline_dotted (pdf, cell, lines->data, baseline);
    }
  cell->next_line = end;
}

static void
draw_table_header (Pdf *pdf);

static void
new_page (Pdf *pdf)
{
  start_page (pdf);
  if (pdf->in_table)
    draw_table_header (pdf);
}

/* Lays out a block of cells side by side: on this page if it fits, else on
 * the next; split between lines if taller than a page. */
static void
flow (Pdf    *pdf,
      Cell   *cells,
      guint   n_cells,
      double  spacing,
      gboolean rule)
{
  double height = 0.0;

  for (guint i = 0; i < n_cells; i++)
    {
      double h;

      cell_measure (&cells[i]);
      h = cell_remaining_height (&cells[i]);
      height = MAX (height, h);
    }

  if (pdf->y + height > pdf->bottom && pdf->y > pdf->top + 0.5 &&
      height <= pdf->bottom - pdf->top - 40.0)
    new_page (pdf);

  for (;;)
    {
      double used = 0.0;
      /* The tints and bars reach halfway to the rules between rows. */
      double pad = MIN (spacing / 2, 3.0) - 0.5;
      guint end[MAX_CELLS];
      gboolean done = TRUE;

      g_assert (n_cells <= MAX_CELLS);
      for (guint i = 0; i < n_cells; i++)
        {
          double h = cell_fit (pdf, &cells[i], pdf->bottom, &end[i]);
          used = MAX (used, h);
        }
      for (guint i = 0; i < n_cells && used > 0.0; i++)
        {
          if (cells[i].tinted)
            fill_tint (pdf, cells[i].decor, cells[i].x, pango_layout_get_width (cells[i].layout) / (double) PANGO_SCALE,
                       pdf->y - pad, pdf->y + used + pad);
          draw_decor (pdf, cells[i].decor, cells[i].x, pdf->y - pad, pdf->y + used + pad);
        }
      for (guint i = 0; i < n_cells; i++)
        {
          cell_draw (pdf, &cells[i], end[i]);
          done = done && cells[i].next_line >= cells[i].lines->len;
        }

      pdf->y += used;
      if (done)
        break;
      new_page (pdf);
    }

  if (rule)
    draw_rule (pdf, pdf->y + spacing / 2);
  pdf->y += spacing;

  for (guint i = 0; i < n_cells; i++)
    if (!cells[i].borrowed)
      cell_clear (&cells[i]);
}

static void
paragraph (Pdf        *pdf,
           const char *font,
           const char *markup,
           double      indent,
           double      spacing,
           Decor       decor)
{
  Cell cell = { NULL, };

  cell.layout = new_layout (pdf, font, pdf->width - 2 * MARGIN - indent);
  pango_layout_set_markup (cell.layout, markup, -1);
  cell.x = MARGIN + indent;
  cell.decor = decor;
  flow (pdf, &cell, 1, spacing, FALSE);
}

static void
paragraph_text (Pdf        *pdf,
                const char *font,
                const char *text,
                double      spacing)
{
  g_autoptr(GString) markup = g_string_new (NULL);

  diptych_report_append_escaped (markup, text, -1);
  paragraph (pdf, font, markup->str, 0.0, spacing, DECOR_NONE);
}

static void
heading (Pdf        *pdf,
         const char *text,
         double      size)
{
  g_autofree char *font = g_strdup_printf ("Sans Bold %g", size);

  /* Keep a heading with what follows it. */
  if (pdf->y + 60.0 > pdf->bottom)
    new_page (pdf);
  pdf->y += size * 0.6;
  paragraph_text (pdf, font, text, size * 0.4);
}

static void
start_page (Pdf *pdf)
{
  cairo_rectangle_t extents = { 0, 0, pdf->width, pdf->height };
  cairo_surface_t *page;

  if (pdf->cr != NULL)
    stroke_lines (pdf);
  g_clear_pointer (&pdf->cr, cairo_destroy);
  page = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  g_ptr_array_add (pdf->pages, page);
  pdf->cr = cairo_create (page);
  set_rgb (pdf->cr, TEXT_COLOR);
  pdf->y = pdf->top;
}

/* The column heads, repeated on every page of the table: laid out once. */
static void
draw_table_header (Pdf *pdf)
{
  Cell cells[MAX_CELLS];

  if (pdf->table_header[0].layout == NULL)
    {
      g_autofree char *name_a = diptych_report_document_name (pdf->report, DIPTYCH_SIDE_A);
      g_autofree char *name_b = diptych_report_document_name (pdf->report, DIPTYCH_SIDE_B);
      const char *labels[MAX_CELLS] = { "§", name_a, name_b };

      for (guint i = 0; i < MAX_CELLS; i++)
        {
          g_autoptr(GString) markup = g_string_new ("<b>");
          Cell *cell = &pdf->table_header[i];

          if (i > 0)
            g_string_append (markup, i == 1 ? "A · " : "B · ");
          diptych_report_append_escaped (markup, labels[i], -1);
          g_string_append (markup, "</b>");
          cell->layout = new_layout (pdf, SMALL_FONT, pdf->col_width[i]);
          pango_layout_set_markup (cell->layout, markup->str, -1);
          pango_layout_set_ellipsize (cell->layout, PANGO_ELLIPSIZE_END);
          cell->x = pdf->col_x[i];
          cell->borrowed = TRUE;
          cell_measure (cell);
        }
    }

  for (guint i = 0; i < MAX_CELLS; i++)
    {
      cells[i] = pdf->table_header[i];
      cells[i].next_line = 0;
    }
  pdf->in_table = FALSE;  /* no recursion while the header itself flows */
  flow (pdf, cells, MAX_CELLS, 4.0, TRUE);
  pdf->in_table = TRUE;
}

/* Passages are laid out from plain text and an attribute list built
 * alongside it: no markup to escape and parse for the bulk of the report. */
typedef struct
{
  GString       *text;
  PangoAttrList *attrs;
  GArray        *dotted;   /* Range, or NULL until there is one */
} Styled;

static void
append_plain (GString    *out,
              const char *text,
              gsize       n_bytes)
{
  const char *end = text + n_bytes, *run = text;

  for (const char *p = text; p < end; p++)
    {
      guchar c = (guchar) *p;

      if ((c >= 0x20 && c != 0x7f) || c == '\n' || c == '\t')
        continue;
      g_string_append_len (out, run, p - run);
      g_string_append (out, c == '\r' ? "\n" : "\xef\xbf\xbd");
      run = p + 1;
    }
  g_string_append_len (out, run, end - run);
}

static void
add_attr (Styled         *styled,
          PangoAttribute *attr,
          guint           start,
          guint           end)
{
  attr->start_index = start;
  attr->end_index = end;
  pango_attr_list_insert (styled->attrs, attr);
}

/* Appends text, with one attribute over it (taken) or none. */
static void
styled_append (Styled         *styled,
               const char     *text,
               PangoAttribute *attr)
{
  guint start = styled->text->len;

  append_plain (styled->text, text, strlen (text));
  if (attr != NULL)
    add_attr (styled, attr, start, styled->text->len);
}

static PangoAttribute *
color_attr_new (PangoAttribute *(*func) (guint16, guint16, guint16),
                DiptychRgb      rgb)
{
  return func (rgb.red * 257, rgb.green * 257, rgb.blue * 257);
}

/* The underline and weight the palette gives @color, over [start, end). */
static void
add_palette_attrs (Styled              *styled,
                   DiptychPaletteColor  color,
                   guint                start,
                   guint                end)
{
  PangoUnderline underline = PANGO_UNDERLINE_NONE;

  switch (diptych_palette_get_line_style (color))
    {
    case DIPTYCH_LINE_SOLID: underline = PANGO_UNDERLINE_SINGLE; break;
    case DIPTYCH_LINE_DOUBLE: underline = PANGO_UNDERLINE_DOUBLE; break;
    case DIPTYCH_LINE_WAVY: underline = PANGO_UNDERLINE_ERROR; break;
    case DIPTYCH_LINE_DASHED:
    case DIPTYCH_LINE_DOTTED:
    case DIPTYCH_LINE_NONE:
    default:
      break;
    }
  if (underline != PANGO_UNDERLINE_NONE)
    {
      add_attr (styled, pango_attr_underline_new (underline), start, end);
      add_attr (styled, color_attr_new (pango_attr_underline_color_new, diptych_palette_get_rgb (color)), start, end);
    }
  if (diptych_palette_get_weight (color) != 0)
    add_attr (styled, pango_attr_weight_new (diptych_palette_get_weight (color)), start, end);
}

static void
add_piece_attrs (const char         *text,
                 gsize               n_bytes,
                 DiptychPieceStyle   style,
                 DiptychDiscrepancy  discrepancy,
                 gpointer            user_data)
{
  Styled *styled = user_data;
  guint start = styled->text->len, end;

  append_plain (styled->text, text, n_bytes);
  end = styled->text->len;

  switch (style)
    {
    case DIPTYCH_PIECE_REWORDED:
      add_palette_attrs (styled, DIPTYCH_PALETTE_WORD_REWORDED, start, end);
      break;
    case DIPTYCH_PIECE_CHANGED:
      add_palette_attrs (styled, DIPTYCH_PALETTE_WORD_CHANGED, start, end);
      break;
    case DIPTYCH_PIECE_INSERTED:
    case DIPTYCH_PIECE_DELETED:
      add_palette_attrs (styled, DIPTYCH_PALETTE_WORD_UNIQUE, start, end);
      add_attr (styled, color_attr_new (pango_attr_background_new,
                                        diptych_rgb_tint (diptych_palette_get_rgb (DIPTYCH_PALETTE_WORD_UNIQUE),
                                                          DIPTYCH_REPORT_UNIQUE_TINT)),
                start, end);
      break;
    case DIPTYCH_PIECE_UNCOVERED:
      {
        Range range = { start, end };

        add_attr (styled, pango_attr_foreground_new (((DIPTYCH_REPORT_DIM_TEXT >> 16) & 0xff) * 257,
                                                     ((DIPTYCH_REPORT_DIM_TEXT >> 8) & 0xff) * 257,
                                                     (DIPTYCH_REPORT_DIM_TEXT & 0xff) * 257),
                  start, end);
        if (styled->dotted == NULL)
          styled->dotted = g_array_new (FALSE, FALSE, sizeof (Range));
        g_array_append_val (styled->dotted, range);
      }
      break;
    case DIPTYCH_PIECE_PLAIN:
    case DIPTYCH_PIECE_SAME:
    default:
      break;
    }

  /* After the piece's own: its line gives way to the discrepancy's. */
  if (discrepancy != DIPTYCH_DISCREPANCY_NONE)
    {
      DiptychRgb marker = diptych_rgb_shade (diptych_palette_get_rgb (DIPTYCH_PALETTE_DISCREPANCY),
                                             DIPTYCH_REPORT_MARKER_SHADE);

      add_palette_attrs (styled, DIPTYCH_PALETTE_DISCREPANCY, start, end);
      g_string_append (styled->text, "⚠");
      add_attr (styled, color_attr_new (pango_attr_foreground_new, marker), end, styled->text->len);
      add_attr (styled, pango_attr_weight_new (PANGO_WEIGHT_BOLD), end, styled->text->len);
      add_attr (styled, pango_attr_rise_new (3 * PANGO_SCALE), end, styled->text->len);
      add_attr (styled, pango_attr_scale_new (PANGO_SCALE_SMALL), end, styled->text->len);
    }
}

/* A cell of @styled's text and attributes (taken). */
static void
cell_set_styled (Cell        *cell,
                 PangoLayout *layout,
                 Styled      *styled)
{
  cell->layout = layout;
  pango_layout_set_text (layout, styled->text->str, styled->text->len);
  pango_layout_set_attributes (layout, styled->attrs);
  cell->dotted = g_steal_pointer (&styled->dotted);
}

static void
passage_cell (DiptychReport              *report,
              PangoContext               *context,
              const PangoFontDescription *desc,
              DiptychLink                *link,
              DiptychSide                 side,
              DiptychSpan                 span,
              double                      width,
              Cell                       *cell)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
  Styled styled = { text, attrs, NULL };

  diptych_report_foreach_piece (report, link, side, span, add_piece_attrs, &styled);
  cell_set_styled (cell, layout_new (context, desc, width), &styled);
}

/* Appends formatted markup; the string arguments are escaped. */
static void markup_printf (GString    *markup,
                           const char *format,
                           ...) G_GNUC_PRINTF (2, 3);

static void
markup_printf (GString    *markup,
               const char *format,
               ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_markup_vprintf_escaped (format, args);
  va_end (args);
  g_string_append (markup, text);
}

static void
write_title (Pdf *pdf)
{
  DiptychReport *report = pdf->report;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = diptych_report_format_time (now);
  /* Translators: %s is a date and time */
  g_autofree char *generated = g_strdup_printf (_("Report made with Diptych on %s"), date);

  paragraph_text (pdf, "Sans Bold 18", report->title, 4.0);
  paragraph_text (pdf, SMALL_FONT, generated, 6.0);

  heading (pdf, _("Documents"), 13);
  for (guint side = 0; side < DIPTYCH_N_SIDES; side++)
    {
      DiptychDocument *doc = report->documents[side];
      g_autofree char *name = diptych_report_document_name (report, side);
      g_autoptr(GString) markup = g_string_new ("<b>");
      GDateTime *imported = diptych_document_get_imported (doc);

      markup_printf (markup, "%s · ", diptych_side_get_label (side));
      diptych_report_append_escaped (markup, name, -1);
      g_string_append (markup, "</b>\n");
      if (diptych_document_get_source (doc) != NULL)
        {
          markup_printf (markup, "%s: ", _("Source"));
          diptych_report_append_escaped (markup, diptych_document_get_source (doc), -1);
          g_string_append (markup, "\n");
        }
      if (imported != NULL)
        {
          g_autofree char *when = diptych_report_format_time (imported);
          markup_printf (markup, "%s: ", _("Imported"));
          diptych_report_append_escaped (markup, when, -1);
          g_string_append (markup, "\n");
        }
      markup_printf (markup, "%s: %u · %s: <tt>%s</tt>",
                              _("Characters"), diptych_document_get_length (doc),
                              _("SHA-256"), diptych_document_get_sha256 (doc) != NULL
                                              ? diptych_document_get_sha256 (doc) : "—");
      paragraph (pdf, BODY_FONT, markup->str, 8.0, 6.0, DECOR_QUOTE);
    }
}

static void
write_summary (Pdf *pdf)
{
  DiptychReport *report = pdf->report;
  g_autofree char *cov_a = diptych_report_percent (report->coverage[DIPTYCH_SIDE_A]);
  g_autofree char *cov_b = diptych_report_percent (report->coverage[DIPTYCH_SIDE_B]);
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autoptr(GHashTable) counted = g_hash_table_new (g_str_hash, g_str_equal);

  heading (pdf, _("Summary"), 13);

  markup_printf (markup, "%s: A %s · B %s\n",
                          _("Text with a counterpart in the other document"), cov_a, cov_b);
  markup_printf (markup, "%s: A %u · B %u\n",
                          _("Omissions (passages without counterpart)"),
                          report->n_omissions[DIPTYCH_SIDE_A], report->n_omissions[DIPTYCH_SIDE_B]);
  markup_printf (markup, "%s: ", _("Links"));
  for (guint kind = 0; kind < G_N_ELEMENTS (report->n_by_kind); kind++)
    markup_printf (markup, "%s%s %u", kind > 0 ? " · " : "",
                            diptych_link_kind_get_label (kind), report->n_by_kind[kind]);
  g_string_append (markup, "\n");
  for (guint state = 0; state < G_N_ELEMENTS (report->n_by_state); state++)
    markup_printf (markup, "%s%s %u", state > 0 ? " · " : "",
                            diptych_report_state_label (state), report->n_by_state[state]);
  markup_printf (markup, "\n%s: ", _("Annotations by tag"));
  if (report->annotations->len == 0)
    markup_printf (markup, "%s", _("No annotations."));
  for (guint i = 0; i < report->annotations->len; i++)
    {
      const char *tag = diptych_annotation_get_tag (g_ptr_array_index (report->annotations, i));
      DiptychTag *t = tag != NULL ? diptych_project_find_tag (report->project, tag) : NULL;

      if (tag == NULL || g_hash_table_contains (counted, tag))
        continue;
      g_hash_table_add (counted, (gpointer) tag);
      if (g_hash_table_size (counted) > 1)
        g_string_append (markup, " · ");
      if (t != NULL && diptych_tag_color_is_valid (diptych_tag_get_color (t)))
        markup_printf (markup, "<span foreground=\"%s\">■</span> ", diptych_tag_get_color (t));
      diptych_report_append_escaped (markup, tag, -1);
      markup_printf (markup, " %u", diptych_report_count_annotations_with_tag (report, tag));
    }
  paragraph (pdf, BODY_FONT, markup->str, 0.0, 6.0, DECOR_NONE);
}

/* The legend, in the styles of the table: the kinds of link as tinted
 * boxes with their bars, then the word-level differences. */
static void
write_legend (Pdf *pdf)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
  Styled styled = { text, attrs, NULL };
  static const Decor decors[] = { DECOR_IDENTICAL, DECOR_REWORDED, DECOR_PARTIAL, DECOR_OMISSION };
  static const struct { DiptychPieceStyle style; const char *label; } pieces[] = {
    { DIPTYCH_PIECE_REWORDED, N_("reworded") },
    { DIPTYCH_PIECE_CHANGED, N_("changed") },
    { DIPTYCH_PIECE_INSERTED, N_("only in B") },
    { DIPTYCH_PIECE_DELETED, N_("only in A") },
    { DIPTYCH_PIECE_UNCOVERED, N_("no counterpart in the linked passage") },
  };
  Cell cell = { NULL, };
  double x = MARGIN + 5.0, height = 0.0;

  for (guint i = 0; i < G_N_ELEMENTS (decors); i++)
    {
      g_autoptr(PangoLayout) layout = new_layout (pdf, SMALL_FONT, 0);
      int w, h;

      pango_layout_set_width (layout, -1);
      pango_layout_set_text (layout, i < DIPTYCH_LINK_PARTIAL + 1 ? diptych_link_kind_get_label (i) : _("Omission"), -1);
      pango_layout_get_size (layout, &w, &h);
      fill_tint (pdf, decors[i], x, w / (double) PANGO_SCALE + 3.0, pdf->y - 1.5, pdf->y + h / (double) PANGO_SCALE + 1.5);
      draw_decor (pdf, decors[i], x, pdf->y - 1.5, pdf->y + h / (double) PANGO_SCALE + 1.5);
      cairo_move_to (pdf->cr, x + 1.5, pdf->y);
      pango_cairo_show_layout (pdf->cr, layout);
      x += w / (double) PANGO_SCALE + 20.0;
      height = MAX (height, h / (double) PANGO_SCALE);
    }
  pdf->y += height + 6.0;

  for (guint i = 0; i < G_N_ELEMENTS (pieces); i++)
    {
      add_piece_attrs (_(pieces[i].label), strlen (_(pieces[i].label)), pieces[i].style,
                       DIPTYCH_DISCREPANCY_NONE, &styled);
      g_string_append (text, i == 2 ? " / " : "   ");
    }
  add_piece_attrs (_("different number, date or name"), strlen (_("different number, date or name")),
                   DIPTYCH_PIECE_PLAIN, DIPTYCH_DISCREPANCY_NUMBER, &styled);

  cell_set_styled (&cell, new_layout (pdf, SMALL_FONT, pdf->width - 2 * MARGIN), &styled);
  cell.x = MARGIN;
  flow (pdf, &cell, 1, 8.0, FALSE);
}

/* Shaping the text is most of the work. Worker threads lay out the cells
 * of the table in chunks of rows while this thread paginates and draws
 * the chunks before, in order. Pango objects must not be used by two
 * threads at once, so each chunk in flight has a context of its own font
 * map (a slot); the slot is given back once its chunk has been drawn and
 * its layouts freed. Chunks are taken in order and a worker takes one
 * only with a slot in hand, so the chunk this thread waits for is always
 * being laid out. */
#define CHUNK_ROWS 128
#define MAX_WORKERS 2
#define N_SLOTS (MAX_WORKERS + 2)

/* The cells of a row: the label, the passage of A, that of B. */
#define N_CELLS 3

typedef struct
{
  guint         first;
  guint         last;
  guint         slot;
  Cell         *cells;     /* N_CELLS per row, laid out and measured */
} Chunk;

typedef struct
{
  DiptychReport        *report;
  double                width[N_CELLS];
  PangoFontMap         *font_maps[N_SLOTS];
  PangoContext         *contexts[N_SLOTS];
  PangoFontDescription *text_font;
  PangoFontDescription *small_font;
  PangoFontDescription *body_font;
  GAsyncQueue          *free_slots;   /* slot + 1 */
  GThread              *workers[MAX_WORKERS];
  guint                 n_workers;
  guint                 n_chunks;
  gint                  next_chunk;   /* the next chunk a worker takes */
  gint                  stop;
  GMutex                mutex;
  GCond                 cond;
  Chunk               **done;         /* by chunk number, under mutex */
} Pipeline;

static void
chunk_free (Chunk *chunk)
{
  for (guint i = 0; i < N_CELLS * (chunk->last - chunk->first); i++)
    cell_clear (&chunk->cells[i]);
  g_free (chunk->cells);
  g_free (chunk);
}

/* The label of a row: short and plain, as it is laid out for every row. */
static PangoLayout *
label_layout (Pipeline         *pipeline,
              PangoContext     *context,
              DiptychReportRow *row)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
  Styled styled = { text, attrs, NULL };
  PangoLayout *layout = layout_new (context, pipeline->small_font, pipeline->width[0]);

  if (row->link != NULL)
    {
      DiptychLink *link = row->link;
      g_autofree char *score = diptych_report_format_score (diptych_link_get_score (link));

      g_string_append_printf (text, "A §%u · B §%u\n", row->a_number, row->b_number);
      styled_append (&styled, diptych_link_kind_get_label (diptych_link_get_kind (link)),
                     pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      g_string_append_printf (text, " %s", score);
      if (diptych_link_get_state (link) != DIPTYCH_STATE_AUTO)
        {
          g_string_append_c (text, '\n');
          styled_append (&styled, diptych_report_state_label (diptych_link_get_state (link)), NULL);
        }
      if (row->moved)
        {
          g_autofree char *moved = g_strdup_printf (_("moved: B §%u"), row->b_number);

          g_string_append_c (text, '\n');
          styled_append (&styled, moved, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
        }
    }
  else
    {
      g_autofree char *only = g_strdup_printf (_("Only in %s"),
                                               diptych_side_get_label (diptych_omission_get_side (row->omission)));

      styled_append (&styled, _("Omission"), pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      g_string_append_c (text, '\n');
      styled_append (&styled, only, NULL);
    }

  pango_layout_set_text (layout, text->str, text->len);
  pango_layout_set_attributes (layout, attrs);
  return layout;
}

static Chunk *
lay_out_chunk (Pipeline *pipeline,
               guint     first,
               guint     slot)
{
  DiptychReport *report = pipeline->report;
  PangoContext *context = pipeline->contexts[slot];
  Chunk *chunk = g_new0 (Chunk, 1);

  chunk->first = first;
  chunk->last = MIN (first + CHUNK_ROWS, report->rows->len);
  chunk->slot = slot;
  chunk->cells = g_new0 (Cell, N_CELLS * (chunk->last - chunk->first));

  for (guint i = chunk->first; i < chunk->last; i++)
    {
      DiptychReportRow *row = &g_array_index (report->rows, DiptychReportRow, i);
      Cell *cells = &chunk->cells[N_CELLS * (i - chunk->first)];

      cells[0].layout = label_layout (pipeline, context, row);
      for (guint side = 0; side < DIPTYCH_N_SIDES; side++)
        {
          Cell *cell = &cells[1 + side];

          if (row->link != NULL)
            passage_cell (report, context, pipeline->text_font, row->link, side,
                          diptych_link_get_span (row->link, side), pipeline->width[1 + side], cell);
          else if (diptych_omission_get_side (row->omission) == side)
            passage_cell (report, context, pipeline->text_font, NULL, side,
                          diptych_omission_get_span (row->omission), pipeline->width[1 + side], cell);
          else
            {
              /* The gap where the other document says nothing, in the
               * omission's color. */
              g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
              PangoAttribute *attr = color_attr_new (pango_attr_foreground_new,
                                                     diptych_rgb_shade (diptych_palette_get_rgb (DIPTYCH_PALETTE_OMISSION),
                                                                        DIPTYCH_REPORT_MARKER_SHADE));

              pango_attr_list_insert (attrs, attr);
              cell->layout = layout_new (context, pipeline->body_font, pipeline->width[1 + side]);
              pango_layout_set_text (cell->layout, "—", -1);
              pango_layout_set_attributes (cell->layout, attrs);
              pango_layout_set_alignment (cell->layout, PANGO_ALIGN_CENTER);
            }
        }
      /* Lay them out here, not in the thread that draws them. */
      for (guint c = 0; c < N_CELLS; c++)
        cell_measure (&cells[c]);
    }
  return chunk;
}

static gpointer
pipeline_thread (gpointer data)
{
  Pipeline *pipeline = data;

  for (;;)
    {
      guint slot = GPOINTER_TO_UINT (g_async_queue_pop (pipeline->free_slots)) - 1;
      guint index;
      Chunk *chunk;

      index = (guint) g_atomic_int_add (&pipeline->next_chunk, 1);
      if (g_atomic_int_get (&pipeline->stop) || index >= pipeline->n_chunks)
        {
          if (slot < N_SLOTS)
            g_async_queue_push (pipeline->free_slots, GUINT_TO_POINTER (slot + 1));
          break;
        }

      chunk = lay_out_chunk (pipeline, index * CHUNK_ROWS, slot);
      g_mutex_lock (&pipeline->mutex);
      pipeline->done[index] = chunk;
      g_cond_broadcast (&pipeline->cond);
      g_mutex_unlock (&pipeline->mutex);
    }
  return NULL;
}

static void
pipeline_init (Pipeline      *pipeline,
               DiptychReport *report,
               const double   width[N_CELLS])
{
  memset (pipeline, 0, sizeof *pipeline);
  pipeline->report = report;
  for (guint c = 0; c < N_CELLS; c++)
    pipeline->width[c] = width[c];
  pipeline->text_font = pango_font_description_from_string (TEXT_FONT);
  pipeline->small_font = pango_font_description_from_string (SMALL_FONT);
  pipeline->body_font = pango_font_description_from_string (BODY_FONT);
  pipeline->free_slots = g_async_queue_new ();
  pipeline->n_chunks = (report->rows->len + CHUNK_ROWS - 1) / CHUNK_ROWS;
  pipeline->done = g_new0 (Chunk *, pipeline->n_chunks);
  g_mutex_init (&pipeline->mutex);
  g_cond_init (&pipeline->cond);
  for (guint i = 0; i < N_SLOTS; i++)
    {
      pipeline->font_maps[i] = pango_cairo_font_map_new ();
      pipeline->contexts[i] = print_context_new (pipeline->font_maps[i]);
      g_async_queue_push (pipeline->free_slots, GUINT_TO_POINTER (i + 1));
    }

  /* Small tables are laid out here, chunk by chunk. */
  if (pipeline->n_chunks > 1)
    pipeline->n_workers = MIN (MAX_WORKERS, MAX (g_get_num_processors (), 1));
  for (guint i = 0; i < pipeline->n_workers; i++)
    pipeline->workers[i] = g_thread_new ("diptych-pdf-layout", pipeline_thread, pipeline);
}

static Chunk *
pipeline_next (Pipeline *pipeline,
               guint     first)
{
  guint index = first / CHUNK_ROWS;
  Chunk *chunk;

  if (pipeline->n_workers == 0)
    return lay_out_chunk (pipeline, first, GPOINTER_TO_UINT (g_async_queue_pop (pipeline->free_slots)) - 1);

  g_mutex_lock (&pipeline->mutex);
  while (pipeline->done[index] == NULL)
    g_cond_wait (&pipeline->cond, &pipeline->mutex);
  chunk = g_steal_pointer (&pipeline->done[index]);
  g_mutex_unlock (&pipeline->mutex);
  return chunk;
}

static void
pipeline_done_with (Pipeline *pipeline,
                    Chunk    *chunk)
{
  guint slot = chunk->slot;

  chunk_free (chunk);
  g_async_queue_push (pipeline->free_slots, GUINT_TO_POINTER (slot + 1));
}

static void
pipeline_clear (Pipeline *pipeline)
{
  /* Wake the workers that wait for a slot, and let them finish. */
  g_atomic_int_set (&pipeline->stop, 1);
  for (guint i = 0; i < pipeline->n_workers; i++)
    g_async_queue_push (pipeline->free_slots, GUINT_TO_POINTER (N_SLOTS + 1));
  for (guint i = 0; i < pipeline->n_workers; i++)
    g_thread_join (pipeline->workers[i]);

  for (guint i = 0; i < pipeline->n_chunks; i++)
    g_clear_pointer (&pipeline->done[i], chunk_free);
  g_clear_pointer (&pipeline->done, g_free);
  g_mutex_clear (&pipeline->mutex);
  g_cond_clear (&pipeline->cond);
  g_clear_pointer (&pipeline->free_slots, g_async_queue_unref);
  for (guint i = 0; i < N_SLOTS; i++)
    {
      g_clear_object (&pipeline->contexts[i]);
      g_clear_object (&pipeline->font_maps[i]);
    }
  g_clear_pointer (&pipeline->text_font, pango_font_description_free);
  g_clear_pointer (&pipeline->small_font, pango_font_description_free);
  g_clear_pointer (&pipeline->body_font, pango_font_description_free);
}

static gboolean
write_rows (Pdf     *pdf,
            GError **error)
{
  DiptychReport *report = pdf->report;
  Pipeline pipeline;
  Chunk *chunk = NULL;
  gboolean ok = TRUE;

  heading (pdf, _("Side by side"), 13);
  write_legend (pdf);
  if (report->rows->len == 0)
    {
      paragraph_text (pdf, BODY_FONT, _("No linked or omitted passages to show."), 6.0);
      return TRUE;
    }

  pipeline_init (&pipeline, report, pdf->col_width);
  draw_table_header (pdf);
  for (guint i = 0; i < report->rows->len; i++)
    {
      DiptychReportRow *row = &g_array_index (report->rows, DiptychReportRow, i);
      Cell cells[N_CELLS] = { { NULL, }, };

      if (chunk == NULL)
        chunk = pipeline_next (&pipeline, i);

      /* Laid out by the worker; flow() frees them. */
      for (guint c = 0; c < N_CELLS; c++)
        {
          Cell *cell = &chunk->cells[N_CELLS * (i - chunk->first) + c];

          cells[c] = *cell;
          memset (cell, 0, sizeof *cell);
          cells[c].x = pdf->col_x[c];
          cells[c].tinted = TRUE;
        }

      if (row->link != NULL)
        {
          DiptychLinkKind kind = diptych_link_get_kind (row->link);

          cells[1].decor = cells[2].decor = kind == DIPTYCH_LINK_IDENTICAL ? DECOR_IDENTICAL
                                          : kind == DIPTYCH_LINK_REWORDED ? DECOR_REWORDED : DECOR_PARTIAL;
        }
      else
        {
          gboolean a = diptych_omission_get_side (row->omission) == DIPTYCH_SIDE_A;

          cells[a ? 1 : 2].decor = DECOR_OMISSION;
          cells[a ? 2 : 1].decor = DECOR_GAP;
        }

      flow (pdf, cells, N_CELLS, 6.0, TRUE);

      if (i + 1 == chunk->last)
        {
          pipeline_done_with (&pipeline, g_steal_pointer (&chunk));
          ok = diptych_report_flush (report, TRUE, 0.05 + 0.8 * i / report->rows->len, error);
          if (!ok)
            break;
        }
    }
  g_clear_pointer (&chunk, chunk_free);
  pipeline_clear (&pipeline);
  pdf->in_table = FALSE;
  return ok;
}

static void
write_omissions (Pdf *pdf)
{
  DiptychReport *report = pdf->report;

  heading (pdf, _("Omissions"), 13);
  for (guint side = 0; side < DIPTYCH_N_SIDES; side++)
    {
      g_autofree char *name = diptych_report_document_name (report, side);
      g_autofree char *title = g_strdup_printf (_("Only in %s: %s"), diptych_side_get_label (side), name);
      guint n = 0;

      heading (pdf, title, 11);
      for (guint i = 0; i < report->omissions->len; i++)
        {
          DiptychOmission *omission = g_ptr_array_index (report->omissions, i);
          DiptychSpan span = diptych_omission_get_span (omission);
          g_autofree char *where = NULL;
          g_autoptr(GString) markup = g_string_new (NULL);
          const char *p;
          gsize bytes;

          if (diptych_omission_get_side (omission) != side)
            continue;
          where = diptych_report_passage_label (span);
          p = diptych_document_span_pointer (report->documents[side], span, &bytes);
          g_string_append_printf (markup, "%u. ", ++n);
          diptych_report_append_escaped (markup, p, bytes);
          g_string_append (markup, "\n<span size=\"smaller\" foreground=\"#555555\">");
          diptych_report_append_escaped (markup, where, -1);
          g_string_append (markup, "</span>");
          paragraph (pdf, TEXT_FONT, markup->str, 8.0, 6.0, DECOR_OMISSION);
        }
      if (n == 0)
        paragraph_text (pdf, BODY_FONT, _("None."), 6.0);
    }
}

static void
write_annotations (Pdf *pdf)
{
  DiptychReport *report = pdf->report;

  heading (pdf, _("Annotations"), 13);
  if (report->annotations->len == 0)
    paragraph_text (pdf, BODY_FONT, _("No annotations."), 6.0);

  for (guint i = 0; i < report->annotations->len; i++)
    {
      DiptychAnnotation *annotation = g_ptr_array_index (report->annotations, i);
      DiptychSide side = diptych_annotation_get_side (annotation);
      DiptychSpan span = diptych_annotation_get_span (annotation);
      const char *tag = diptych_annotation_get_tag (annotation);
      DiptychTag *t = tag != NULL ? diptych_project_find_tag (report->project, tag) : NULL;
      const char *note = diptych_annotation_get_note (annotation);
      g_autofree char *where = diptych_report_passage_label (span);
      g_autoptr(GString) markup = g_string_new (NULL);
      const char *p;
      gsize bytes;

      if (t != NULL && diptych_tag_color_is_valid (diptych_tag_get_color (t)))
        markup_printf (markup, "<span foreground=\"%s\">■</span> ", diptych_tag_get_color (t));
      g_string_append (markup, "<b>");
      diptych_report_append_escaped (markup, tag != NULL && *tag != '\0' ? tag : _("Untagged"), -1);
      markup_printf (markup, "</b>  <span size=\"smaller\" foreground=\"#555555\">%s %s · ",
                              _("Document"), diptych_side_get_label (side));
      diptych_report_append_escaped (markup, where, -1);
      g_string_append (markup, "</span>");
      if (note != NULL && *note != '\0')
        {
          g_string_append (markup, "\n");
          diptych_report_append_escaped (markup, note, -1);
        }
      paragraph (pdf, BODY_FONT, markup->str, 0.0, 2.0, DECOR_NONE);

      g_string_truncate (markup, 0);
      p = diptych_document_span_pointer (report->documents[side], span, &bytes);
      diptych_report_append_escaped (markup, p, bytes);
      paragraph (pdf, TEXT_FONT, markup->str, 10.0, 8.0, DECOR_QUOTE);
    }
}

static cairo_status_t
write_func (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  Pdf *pdf = closure;

  /* cairo writes in pieces of a few bytes (tens of thousands of them):
   * gathered in the report's buffer, written out by the 64 KiB. */
  if (pdf->write_error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  g_string_append_len (pdf->report->buffer, (const char *) data, length);
  if (!diptych_report_flush (pdf->report, FALSE, pdf->progress, &pdf->write_error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

/* The same on every page: laid out once. */
static void
ensure_header_footer (Pdf *pdf)
{
  g_autofree char *name_a = NULL;
  g_autofree char *name_b = NULL;
  g_autofree char *header = NULL;

  if (pdf->page_header != NULL)
    return;

  name_a = diptych_report_document_name (pdf->report, DIPTYCH_SIDE_A);
  name_b = diptych_report_document_name (pdf->report, DIPTYCH_SIDE_B);
  /* Translators: the page header naming the two documents compared */
  header = g_strdup_printf (_("A: %s  ·  B: %s"), name_a, name_b);
  for (guint i = 0; i < 2; i++)
    {
      PangoLayout *layout = new_layout (pdf, SMALL_FONT, pdf->width - 2 * MARGIN);

      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_MIDDLE);
      pango_layout_set_auto_dir (layout, FALSE);
      if (i == 0)
        {
          pango_layout_set_text (layout, header, -1);
          pdf->page_header = layout;
        }
      else
        {
          pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
          pdf->page_footer = layout;
        }
    }
}

static void
draw_header_footer (Pdf     *pdf,
                    cairo_t *cr,
                    guint    page,
                    guint    n_pages)
{
  /* Translators: the page footer */
  g_autofree char *footer = g_strdup_printf (_("Page %u of %u"), page, n_pages);
  int height;

  ensure_header_footer (pdf);
  set_rgb (cr, 0x444444);
  pango_layout_get_size (pdf->page_header, NULL, &height);
  cairo_move_to (cr, MARGIN, MARGIN);
  pango_cairo_show_layout (cr, pdf->page_header);

  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, MARGIN, MARGIN + height / (double) PANGO_SCALE + 3.0);
  cairo_line_to (cr, pdf->width - MARGIN, MARGIN + height / (double) PANGO_SCALE + 3.0);
  cairo_stroke (cr);

  pango_layout_set_text (pdf->page_footer, footer, -1);
  cairo_move_to (cr, MARGIN, pdf->height - MARGIN - FOOTER_HEIGHT / 2);
  pango_cairo_show_layout (cr, pdf->page_footer);
}

/* For DIPTYCH_DEBUG_TIMING: the CPU time of all threads. */
static double
process_cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Pass one: the report laid out on pages of the given size. */
static gboolean
pdf_lay_out (Pdf            *pdf,
             DiptychReport  *report,
             double          width,
             double          height,
             GError        **error)
{
  double column;
  gint64 started = g_get_monotonic_time ();
  double started_cpu = process_cpu_seconds ();

  pdf->report = report;
  pdf->width = width;
  pdf->height = height;
  pdf->top = MARGIN + HEADER_HEIGHT;
  pdf->bottom = pdf->height - MARGIN - FOOTER_HEIGHT;
  column = (pdf->width - 2 * MARGIN - META_WIDTH - 2 * GAP) / 2;
  pdf->col_x[0] = MARGIN;
  pdf->col_width[0] = META_WIDTH;
  pdf->col_x[1] = MARGIN + META_WIDTH + GAP;
  pdf->col_width[1] = column;
  pdf->col_x[2] = pdf->col_x[1] + column + GAP;
  pdf->col_width[2] = column;
  pdf->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) cairo_surface_destroy);
  pdf->lines = g_array_new (FALSE, FALSE, sizeof (Line));
  pdf->fonts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                      (GDestroyNotify) pango_font_description_free);
  /* A font map of its own: the pages may be drawn later, and the thread's
   * default font map may be busy elsewhere by then. */
  pdf->font_map = pango_cairo_font_map_new ();
  pdf->context = print_context_new (pdf->font_map);

  start_page (pdf);
  write_title (pdf);
  write_summary (pdf);
  if (!write_rows (pdf, error))
    return FALSE;
  write_omissions (pdf);
  write_annotations (pdf);
  stroke_lines (pdf);
  g_clear_pointer (&pdf->cr, cairo_destroy);

  if (g_getenv ("DIPTYCH_DEBUG_TIMING") != NULL)
    g_printerr ("pdf: %u pages laid out in %.3f s (CPU %.3f s)\n", pdf->pages->len,
                (g_get_monotonic_time () - started) / 1e6, process_cpu_seconds () - started_cpu);
  return TRUE;
}

static void
pdf_draw_page (Pdf     *pdf,
               cairo_t *cr,
               guint    page)
{
  cairo_save (cr);
  cairo_set_source_surface (cr, g_ptr_array_index (pdf->pages, page), 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);
  cairo_save (cr);
  draw_header_footer (pdf, cr, page + 1, pdf->pages->len);
  cairo_restore (cr);
}

static void
pdf_clear (Pdf *pdf)
{
  for (guint i = 0; i < MAX_CELLS; i++)
    cell_clear (&pdf->table_header[i]);
  g_clear_object (&pdf->page_header);
  g_clear_object (&pdf->page_footer);
  g_clear_pointer (&pdf->cr, cairo_destroy);
  g_clear_pointer (&pdf->pages, g_ptr_array_unref);
  g_clear_pointer (&pdf->lines, g_array_unref);
  g_clear_object (&pdf->context);
  g_clear_object (&pdf->font_map);
  g_clear_pointer (&pdf->fonts, g_hash_table_unref);
  g_clear_error (&pdf->write_error);
}

gboolean
diptych_report_write_pdf_internal (DiptychReport  *report,
                                   GError        **error)
{
  Pdf pdf = { NULL, };
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  gboolean ok = FALSE;
  gint64 started;
  double started_cpu;

  if (!pdf_lay_out (&pdf, report,
                    report->options.paper == DIPTYCH_PAPER_LETTER ? 612.0 : 595.276,
                    report->options.paper == DIPTYCH_PAPER_LETTER ? 792.0 : 841.89,
                    error))
    {
      pdf_clear (&pdf);
      return FALSE;
    }

  started = g_get_monotonic_time ();
  started_cpu = process_cpu_seconds ();
  pdf.progress = 0.85;
  surface = cairo_pdf_surface_create_for_stream (write_func, &pdf, pdf.width, pdf.height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, report->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Diptych " PACKAGE_VERSION);
  cr = cairo_create (surface);
  for (guint i = 0; i < pdf.pages->len; i++)
    {
      pdf.progress = 0.85 + 0.15 * i / pdf.pages->len;
      pdf_draw_page (&pdf, cr, i);
      cairo_show_page (cr);
      /* Done with: give its memory back now rather than at the end. */
      g_clear_pointer (&g_ptr_array_index (pdf.pages, i), cairo_surface_destroy);
      if (i % 16 == 0 && !diptych_report_flush (report, TRUE, pdf.progress, error))
        {
          cairo_destroy (cr);
          cairo_surface_destroy (surface);
          pdf_clear (&pdf);
          return FALSE;
        }
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (g_getenv ("DIPTYCH_DEBUG_TIMING") != NULL)
    g_printerr ("pdf: output in %.3f s (CPU %.3f s)\n", (g_get_monotonic_time () - started) / 1e6,
                process_cpu_seconds () - started_cpu);

  if (pdf.write_error != NULL)
    g_propagate_error (error, g_steal_pointer (&pdf.write_error));
  else if (status != CAIRO_STATUS_SUCCESS)
    g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_FAILED,
                 _("The PDF could not be made: %s"), cairo_status_to_string (status));
  else
    ok = TRUE;

  pdf_clear (&pdf);
  return ok;
}

/* Printing */

struct _DiptychReportPages
{
  DiptychReport *report;
  Pdf            pdf;
};

/**
 * diptych_report_paginate:
 * @width: page width in points
 * @height: page height in points
 *
 * Lays the report out on pages (the PDF's layout), for printing. Make and
 * draw the pages on the same thread; the project must not change before
 * the pages are freed.
 */
DiptychReportPages *
diptych_report_paginate (DiptychProject              *project,
                         const DiptychReportOptions  *options,
                         double                       width,
                         double                       height,
                         GCancellable                *cancellable,
                         GError                     **error)
{
  g_autoptr(DiptychReportPages) pages = g_new0 (DiptychReportPages, 1);

  g_return_val_if_fail (DIPTYCH_IS_PROJECT (project), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Below this the two columns have no room. */
  if (width < 4 * MARGIN + META_WIDTH || height < 4 * MARGIN + HEADER_HEIGHT + FOOTER_HEIGHT)
    {
      g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_INVALID,
                   _("The page is too small for the report (%.0f × %.0f points)."), width, height);
      return NULL;
    }

  pages->report = diptych_report_new (project, options, NULL, NULL, NULL, cancellable, error);
  if (pages->report == NULL)
    return NULL;
  if (!pdf_lay_out (&pages->pdf, pages->report, width, height, error))
    return NULL;
  diptych_report_store_word_ops (pages->report);

  return g_steal_pointer (&pages);
}

guint
diptych_report_pages_get_n_pages (DiptychReportPages *pages)
{
  g_return_val_if_fail (pages != NULL, 0);
  return pages->pdf.pages->len;
}

/* Draws a page (from 0) with its header and "Page n of N" footer; cr is
 * in points, its origin at the top left corner of the paper. */
void
diptych_report_pages_draw (DiptychReportPages *pages,
                           cairo_t            *cr,
                           guint               page)
{
  g_return_if_fail (pages != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < pages->pdf.pages->len);

  pdf_draw_page (&pages->pdf, cr, page);
}

void
diptych_report_pages_free (DiptychReportPages *pages)
{
  if (pages == NULL)
    return;
  pdf_clear (&pages->pdf);
  g_clear_pointer (&pages->report, diptych_report_free);
  g_free (pages);
}
