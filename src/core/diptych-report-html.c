/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "diptych-report"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "diptych-report-private.h"

/* One self-contained HTML file: inline CSS, no scripts, no external
 * resources; every piece of text and every attribute value is escaped.
 * The colors are the panes' (diptych-palette.h). Kinds of link are told
 * apart by the line beside their passages as well as by its color, and
 * word-level differences by underline, weight and markers, not by color
 * alone; all of it survives printing (borders, not only backgrounds). */

static const char stylesheet[] =
  ":root { color-scheme: light; }\n"
  "body { font-family: sans-serif; line-height: 1.45; margin: 2em auto; max-width: 80em; padding: 0 1em; color: #1e1e1e; background: #fff; }\n"
  "h1 { font-size: 1.7em; margin-bottom: 0.2em; }\n"
  "h2 { border-bottom: 2px solid #1e1e1e; padding-bottom: 0.15em; margin-top: 2em; }\n"
  ".generated { color: #555; margin-top: 0; }\n"
  "table { border-collapse: collapse; width: 100%; }\n"
  "th, td { border: 1px solid #b0b0b0; padding: 0.35em 0.5em; vertical-align: top; text-align: start; }\n"
  "th { background: #f0f0f0; }\n"
  ".provenance td, .summary td { overflow-wrap: anywhere; }\n"
  "table.summary { width: auto; min-width: 50%; }\n"
  ".sha { font-family: monospace; font-size: 0.85em; }\n"
  ".num { text-align: end; font-variant-numeric: tabular-nums; }\n"
  ".rows { table-layout: fixed; border-collapse: separate; border-spacing: 0; }\n"
  ".rows th, .rows td { border: none; border-bottom: 1px solid #c0c0c0; }\n"
  ".rows th { border-bottom: 2px solid #1e1e1e; }\n"
  ".rows col.meta { width: 9em; }\n"
  ".rows td.text { white-space: pre-wrap; overflow-wrap: anywhere; font-family: serif; font-size: 1.05em; }\n"
  ".rows td.meta { font-size: 0.85em; color: #333; }\n"
  ".rows .kind { display: block; font-weight: bold; }\n"
  "tr.omission td.gap { text-align: center; vertical-align: middle; font-weight: bold; }\n"
  ".moved { display: block; margin-top: 0.3em; padding: 0 0.3em; border: 1px solid #555; color: #1e1e1e; font-weight: bold; }\n"
  "ins, del { text-decoration: none; }\n"
  ".disc-marker { font-weight: bold; font-size: 0.8em; vertical-align: super; }\n"
  ".legend { display: flex; flex-wrap: wrap; gap: 0.5em 1.5em; padding: 0; list-style: none; font-size: 0.9em; }\n"
  ".swatch { padding: 0 0.5em; }\n"
  ".chip { display: inline-block; padding: 0 0.5em; border: 1px solid #888; border-left-width: 1em; border-radius: 3px; font-weight: bold; font-size: 0.9em; }\n"
  ".annotations li, .omissions li { margin-bottom: 1em; }\n"
  "blockquote { margin: 0.3em 0 0 0; padding: 0.2em 0.8em; border-inline-start: 3px solid #888; white-space: pre-wrap; font-family: serif; }\n"
  ".note { margin: 0.3em 0; white-space: pre-wrap; }\n"
  ".where { color: #555; font-size: 0.85em; }\n"
  ".empty { color: #555; font-style: italic; }\n"
  "@media print {\n"
  "  body { margin: 0; max-width: none; font-size: 10pt; }\n"
  "  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }\n"
  "  h2, h3 { break-after: avoid; page-break-after: avoid; }\n"
  "  tr, li, blockquote { break-inside: avoid; page-break-inside: avoid; }\n"
  "  thead { display: table-header-group; }\n"
  "}\n"
  "@page { margin: 15mm; }\n";

static void
append_rgb (GString    *out,
            DiptychRgb  rgb)
{
  char hex[8];

  diptych_rgb_to_hex (rgb, hex);
  g_string_append (out, hex);
}

static void
append_weight (GString             *out,
               DiptychPaletteColor  color)
{
  if (diptych_palette_get_weight (color) != 0)
    g_string_append_printf (out, " font-weight: %d;", diptych_palette_get_weight (color));
}

/* An underline in a color's line style. */
static void
append_underline (GString             *out,
                  DiptychLineStyle     line,
                  DiptychRgb           rgb,
                  const char          *thickness)
{
  g_string_append_printf (out, " text-decoration: underline %s ", diptych_line_style_to_css (line));
  append_rgb (out, rgb);
  g_string_append_printf (out, "; text-decoration-thickness: %s; text-decoration-skip-ink: none;"
                          " text-underline-offset: 0.2em;", thickness);
}

/* A double line needs the width to show as two. */
static void
append_border (GString          *out,
               const char       *property,
               DiptychLineStyle  line,
               DiptychRgb        rgb)
{
  g_string_append_printf (out, " %s: %s %s ", property, line == DIPTYCH_LINE_DOUBLE ? "6px" : "4px",
                          diptych_line_style_to_css (line));
  append_rgb (out, rgb);
  g_string_append_c (out, ';');
}

/* The parts of the style sheet that come from the palette, the same as
 * the panes': each kind's line beside its passages and tint behind them,
 * then the word-level differences. */
static void
append_palette_css (GString *out)
{
  static const struct { DiptychPaletteColor color; const char *selector; } kinds[] = {
    { DIPTYCH_PALETTE_IDENTICAL, "tr.identical td.text, .swatch.identical" },
    { DIPTYCH_PALETTE_REWORDED, "tr.reworded td.text, .swatch.reworded" },
    { DIPTYCH_PALETTE_PARTIAL, "tr.partial td.text, .swatch.partial" },
    { DIPTYCH_PALETTE_OMISSION, "tr.omission td.text.omitted, .swatch.omission" },
  };
  DiptychRgb omission = diptych_palette_get_rgb (DIPTYCH_PALETTE_OMISSION);
  DiptychRgb discrepancy = diptych_palette_get_rgb (DIPTYCH_PALETTE_DISCREPANCY);
  DiptychRgb unique = diptych_palette_get_rgb (DIPTYCH_PALETTE_WORD_UNIQUE);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      DiptychRgb rgb = diptych_palette_get_rgb (kinds[i].color);
      DiptychLineStyle line = diptych_palette_get_line_style (kinds[i].color);

      g_string_append_printf (out, "%s {", kinds[i].selector);
      append_border (out, "border-left", line, rgb);
      g_string_append (out, " background: ");
      append_rgb (out, diptych_report_tint (kinds[i].color));
      g_string_append (out, "; }\n");
    }

  /* The list of omissions: the line without the tint, as in the PDF. */
  g_string_append (out, ".omissions blockquote {");
  append_border (out, "border-inline-start", diptych_palette_get_line_style (DIPTYCH_PALETTE_OMISSION), omission);
  g_string_append (out, " }\n");

  /* The other side's cell of an omission: the gap, in the same color. */
  g_string_append (out, "tr.omission td.gap { color: ");
  append_rgb (out, diptych_rgb_shade (omission, DIPTYCH_REPORT_MARKER_SHADE));
  g_string_append (out, "; background: repeating-linear-gradient(135deg, #fff 0 6px, ");
  append_rgb (out, diptych_report_tint (DIPTYCH_PALETTE_OMISSION));
  g_string_append (out, " 6px 12px); }\n");

  g_string_append (out, ".w-reworded {");
  append_underline (out, diptych_palette_get_line_style (DIPTYCH_PALETTE_WORD_REWORDED),
                    diptych_palette_get_rgb (DIPTYCH_PALETTE_WORD_REWORDED), "1.5px");
  append_weight (out, DIPTYCH_PALETTE_WORD_REWORDED);
  g_string_append (out, " }\n.w-changed {");
  append_underline (out, diptych_palette_get_line_style (DIPTYCH_PALETTE_WORD_CHANGED),
                    diptych_palette_get_rgb (DIPTYCH_PALETTE_WORD_CHANGED), "1.5px");
  append_weight (out, DIPTYCH_PALETTE_WORD_CHANGED);
  g_string_append (out, " }\nins, del { background: ");
  append_rgb (out, diptych_rgb_tint (unique, DIPTYCH_REPORT_UNIQUE_TINT));
  g_string_append (out, ";");
  append_weight (out, DIPTYCH_PALETTE_WORD_UNIQUE);
  g_string_append_printf (out, " }\n.w-uncovered { color: #%06x;", DIPTYCH_REPORT_DIM_TEXT);
  append_underline (out, DIPTYCH_PALETTE_UNCOVERED_LINE, diptych_palette_get_rgb (DIPTYCH_PALETTE_PARTIAL), "2px");
  /* Last: a discrepancy overrides the underline of the words it marks. */
  g_string_append (out, " }\n.disc {");
  append_underline (out, diptych_palette_get_line_style (DIPTYCH_PALETTE_DISCREPANCY), discrepancy, "1.5px");
  append_weight (out, DIPTYCH_PALETTE_DISCREPANCY);
  g_string_append (out, " }\n.disc-marker { color: ");
  append_rgb (out, diptych_rgb_shade (discrepancy, DIPTYCH_REPORT_MARKER_SHADE));
  g_string_append (out, "; }\n");
}

static void
esc (GString    *out,
     const char *text)
{
  diptych_report_append_escaped (out, text, -1);
}

/* The language of the report's own words, as a BCP 47 tag. */
static char *
ui_language (void)
{
  const char * const *names = g_get_language_names ();
  g_autofree char *lang = NULL;
  char *p;

  if (names == NULL || names[0] == NULL || g_str_equal (names[0], "C") || g_str_equal (names[0], "POSIX"))
    return g_strdup ("en");
  lang = g_strdup (names[0]);
  if ((p = strpbrk (lang, ".@")) != NULL)
    *p = '\0';
  g_strdelimit (lang, "_", '-');
  for (p = lang; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-')
      return g_strdup ("en");
  return g_steal_pointer (&lang);
}

/* One element a piece: a discrepancy is a class of the element that shows
 * the difference, so that its line replaces theirs rather than crossing
 * it. */
static void
html_piece (const char         *text,
            gsize               n_bytes,
            DiptychPieceStyle   style,
            DiptychDiscrepancy  discrepancy,
            gpointer            user_data)
{
  GString *out = user_data;
  const char *element = "span", *klass = NULL;

  switch (style)
    {
    case DIPTYCH_PIECE_REWORDED: klass = "w-reworded"; break;
    case DIPTYCH_PIECE_CHANGED: klass = "w-changed"; break;
    case DIPTYCH_PIECE_INSERTED: element = "ins"; break;
    case DIPTYCH_PIECE_DELETED: element = "del"; break;
    case DIPTYCH_PIECE_UNCOVERED: klass = "w-uncovered"; break;
    case DIPTYCH_PIECE_PLAIN:
    case DIPTYCH_PIECE_SAME:
    default:
      if (discrepancy == DIPTYCH_DISCREPANCY_NONE)
        element = NULL;
      break;
    }

  if (element == NULL)
    {
      diptych_report_append_escaped (out, text, n_bytes);
      return;
    }

  g_string_append_printf (out, "<%s", element);
  if (discrepancy != DIPTYCH_DISCREPANCY_NONE)
    {
      g_string_append_printf (out, " class=\"%s%sdisc disc-%s\" title=\"", klass != NULL ? klass : "",
                              klass != NULL ? " " : "", diptych_discrepancy_to_string (discrepancy));
      esc (out, diptych_report_discrepancy_label (discrepancy));
      g_string_append_c (out, '"');
    }
  else if (klass != NULL)
    g_string_append_printf (out, " class=\"%s\"", klass);
  g_string_append_c (out, '>');
  diptych_report_append_escaped (out, text, n_bytes);
  g_string_append_printf (out, "</%s>", element);
  if (discrepancy != DIPTYCH_DISCREPANCY_NONE)
    g_string_append (out, "<span class=\"disc-marker\" aria-hidden=\"true\">⚠</span>");
}

static void
write_passage (DiptychReport *report,
               DiptychLink   *link,
               DiptychSide    side,
               DiptychSpan    span,
               const char    *extra_class)
{
  GString *out = report->buffer;

  g_string_append_printf (out, "<td class=\"text%s%s\" dir=\"auto\">",
                          extra_class != NULL ? " " : "", extra_class != NULL ? extra_class : "");
  diptych_report_foreach_piece (report, link, side, span, html_piece, out);
  g_string_append (out, "</td>");
}

static void
write_head (DiptychReport *report)
{
  GString *out = report->buffer;
  g_autofree char *lang = ui_language ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = diptych_report_format_time (now);

  g_string_append_printf (out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n", lang);
  g_string_append (out, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
  g_string_append (out, "<meta name=\"generator\" content=\"Diptych " PACKAGE_VERSION "\">\n<title>");
  esc (out, report->title);
  g_string_append (out, "</title>\n<style>\n");
  g_string_append (out, stylesheet);
  append_palette_css (out);
  g_string_append (out, "</style>\n</head>\n<body>\n<header>\n<h1 dir=\"auto\">");
  esc (out, report->title);
  g_string_append (out, "</h1>\n<p class=\"generated\">");
  {
    /* Translators: %s is a date and time */
    g_autofree char *line = g_strdup_printf (_("Report made with Diptych on %s"), date);
    esc (out, line);
  }
  g_string_append (out, "</p>\n</header>\n");
}

static void
provenance_row (GString    *out,
                const char *label,
                const char *value_a,
                const char *value_b,
                const char *cell_class)
{
  g_string_append (out, "<tr><th scope=\"row\">");
  esc (out, label);
  g_string_append (out, "</th>");
  for (guint i = 0; i < 2; i++)
    {
      const char *value = i == 0 ? value_a : value_b;

      g_string_append_printf (out, "<td dir=\"auto\"%s%s%s>", cell_class != NULL ? " class=\"" : "",
                              cell_class != NULL ? cell_class : "", cell_class != NULL ? "\"" : "");
      esc (out, value != NULL && *value != '\0' ? value : "—");
      g_string_append (out, "</td>");
    }
  g_string_append (out, "</tr>\n");
}

static void
write_documents (DiptychReport *report)
{
  GString *out = report->buffer;
  DiptychDocument *a = report->documents[DIPTYCH_SIDE_A];
  DiptychDocument *b = report->documents[DIPTYCH_SIDE_B];
  g_autofree char *name_a = diptych_report_document_name (report, DIPTYCH_SIDE_A);
  g_autofree char *name_b = diptych_report_document_name (report, DIPTYCH_SIDE_B);
  g_autofree char *imported_a = NULL, *imported_b = NULL;
  g_autofree char *chars_a = g_strdup_printf ("%u", diptych_document_get_length (a));
  g_autofree char *chars_b = g_strdup_printf ("%u", diptych_document_get_length (b));

  if (diptych_document_get_imported (a) != NULL)
    imported_a = diptych_report_format_time (diptych_document_get_imported (a));
  if (diptych_document_get_imported (b) != NULL)
    imported_b = diptych_report_format_time (diptych_document_get_imported (b));

  g_string_append (out, "<section id=\"documents\">\n<h2>");
  esc (out, _("Documents"));
  g_string_append (out, "</h2>\n<table class=\"provenance\">\n<thead><tr><th></th><th>");
  esc (out, _("Document A"));
  g_string_append (out, "</th><th>");
  esc (out, _("Document B"));
  g_string_append (out, "</th></tr></thead>\n<tbody>\n");
  provenance_row (out, _("Title"), name_a, name_b, NULL);
  provenance_row (out, _("Source"), diptych_document_get_source (a), diptych_document_get_source (b), NULL);
  provenance_row (out, _("Format"), diptych_document_get_format (a), diptych_document_get_format (b), NULL);
  provenance_row (out, _("Imported"), imported_a, imported_b, NULL);
  provenance_row (out, _("Characters"), chars_a, chars_b, "num");
  provenance_row (out, _("SHA-256"), diptych_document_get_sha256 (a), diptych_document_get_sha256 (b), "sha");
  g_string_append (out, "</tbody>\n</table>\n</section>\n");
}

static void
summary_row (GString    *out,
             const char *label,
             const char *id,
             const char *value_a,
             const char *value_b)
{
  g_string_append_printf (out, "<tr id=\"%s\"><th scope=\"row\">", id);
  esc (out, label);
  g_string_append (out, "</th><td class=\"num\">");
  esc (out, value_a);
  g_string_append (out, "</td>");
  if (value_b != NULL)
    {
      g_string_append (out, "<td class=\"num\">");
      esc (out, value_b);
      g_string_append (out, "</td>");
    }
  g_string_append (out, "</tr>\n");
}

static void
write_tag_chip (GString    *out,
                DiptychProject *project,
                const char *name)
{
  DiptychTag *tag = name != NULL ? diptych_project_find_tag (project, name) : NULL;
  const char *color = tag != NULL ? diptych_tag_get_color (tag) : NULL;

  if (color != NULL && diptych_tag_color_is_valid (color))
    {
      g_string_append (out, "<span class=\"chip\" style=\"border-color: ");
      esc (out, color);
      g_string_append (out, "\">");
    }
  else
    g_string_append (out, "<span class=\"chip\">");
  esc (out, name != NULL && *name != '\0' ? name : _("Untagged"));
  g_string_append (out, "</span>");
}

static void
write_summary (DiptychReport *report)
{
  GString *out = report->buffer;
  g_autofree char *cov_a = diptych_report_percent (report->coverage[DIPTYCH_SIDE_A]);
  g_autofree char *cov_b = diptych_report_percent (report->coverage[DIPTYCH_SIDE_B]);
  g_autofree char *om_a = g_strdup_printf ("%u", report->n_omissions[DIPTYCH_SIDE_A]);
  g_autofree char *om_b = g_strdup_printf ("%u", report->n_omissions[DIPTYCH_SIDE_B]);
  g_autoptr(GPtrArray) tags_seen = g_ptr_array_new ();
  GListModel *tags = diptych_project_get_tags (report->project);

  g_string_append (out, "<section id=\"summary\">\n<h2>");
  esc (out, _("Summary"));
  g_string_append (out, "</h2>\n<table class=\"summary\">\n<thead><tr><th></th><th>");
  esc (out, _("Document A"));
  g_string_append (out, "</th><th>");
  esc (out, _("Document B"));
  g_string_append (out, "</th></tr></thead>\n<tbody>\n");
  summary_row (out, _("Text with a counterpart in the other document"), "coverage", cov_a, cov_b);
  summary_row (out, _("Omissions (passages without counterpart)"), "omissions-count", om_a, om_b);
  g_string_append (out, "</tbody>\n</table>\n");

  g_string_append (out, "<h3>");
  esc (out, _("Links"));
  g_string_append (out, "</h3>\n<table class=\"summary\" id=\"links-summary\">\n<tbody>\n");
  for (guint kind = 0; kind < G_N_ELEMENTS (report->n_by_kind); kind++)
    {
      g_autofree char *n = g_strdup_printf ("%u", report->n_by_kind[kind]);
      g_autofree char *id = g_strdup_printf ("kind-%s", diptych_link_kind_to_string (kind));
      summary_row (out, diptych_link_kind_get_label (kind), id, n, NULL);
    }
  for (guint state = 0; state < G_N_ELEMENTS (report->n_by_state); state++)
    {
      g_autofree char *n = g_strdup_printf ("%u", report->n_by_state[state]);
      g_autofree char *id = g_strdup_printf ("state-%s", diptych_state_to_string (state));
      summary_row (out, diptych_report_state_label (state), id, n, NULL);
    }
  g_string_append (out, "</tbody>\n</table>\n<h3>");
  esc (out, _("Annotations by tag"));
  g_string_append (out, "</h3>\n");

  if (report->annotations->len == 0)
    {
      g_string_append (out, "<p class=\"empty\">");
      esc (out, _("No annotations."));
      g_string_append (out, "</p>\n");
    }
  else
    {
      g_autoptr(GHashTable) counted = g_hash_table_new (g_str_hash, g_str_equal);

      g_string_append (out, "<ul class=\"legend\" id=\"tags-summary\">\n");
      /* Tags in the order of the tag set, then tags no longer in it. */
      for (guint i = 0; i < g_list_model_get_n_items (tags); i++)
        {
          g_autoptr(DiptychTag) tag = g_list_model_get_item (tags, i);
          g_ptr_array_add (tags_seen, (gpointer) diptych_tag_get_name (tag));
        }
      for (guint i = 0; i < report->annotations->len; i++)
        g_ptr_array_add (tags_seen, (gpointer) diptych_annotation_get_tag (g_ptr_array_index (report->annotations, i)));

      for (guint i = 0; i < tags_seen->len; i++)
        {
          const char *name = g_ptr_array_index (tags_seen, i);
          guint n;

          if (name == NULL || g_hash_table_contains (counted, name))
            continue;
          g_hash_table_add (counted, (gpointer) name);
          n = diptych_report_count_annotations_with_tag (report, name);
          if (n == 0)
            continue;
          g_string_append (out, "<li>");
          write_tag_chip (out, report->project, name);
          g_string_append_printf (out, " <span class=\"count\">%u</span></li>\n", n);
        }
      g_string_append (out, "</ul>\n");
    }
  g_string_append (out, "</section>\n");
}

/* What the lines, tints and underlines of the rows mean, in their styles. */
static void
write_legend (GString *out)
{
  g_string_append (out, "<ul class=\"legend\" id=\"legend\">\n");
  for (DiptychLinkKind kind = DIPTYCH_LINK_IDENTICAL; kind <= DIPTYCH_LINK_PARTIAL; kind++)
    {
      g_string_append_printf (out, "<li><span class=\"swatch %s\">", diptych_link_kind_to_string (kind));
      esc (out, diptych_link_kind_get_label (kind));
      g_string_append (out, "</span></li>\n");
    }
  g_string_append (out, "<li><span class=\"swatch omission\">");
  esc (out, _("Omission"));
  g_string_append (out, "</span></li>\n<li><span class=\"w-reworded\">");
  esc (out, _("reworded"));
  g_string_append (out, "</span></li>\n<li><span class=\"w-changed\">");
  esc (out, _("changed"));
  g_string_append (out, "</span></li>\n<li><ins>");
  esc (out, _("only in B"));
  g_string_append (out, "</ins> / <del>");
  esc (out, _("only in A"));
  g_string_append (out, "</del></li>\n<li><span class=\"w-uncovered\">");
  esc (out, _("no counterpart in the linked passage"));
  g_string_append (out, "</span></li>\n<li><span class=\"disc\">");
  esc (out, _("different number, date or name"));
  g_string_append (out, "</span><span class=\"disc-marker\">⚠</span></li>\n</ul>\n");
}

static gboolean
write_comparison (DiptychReport  *report,
                  GError        **error)
{
  GString *out = report->buffer;
  g_autofree char *name_a = diptych_report_document_name (report, DIPTYCH_SIDE_A);
  g_autofree char *name_b = diptych_report_document_name (report, DIPTYCH_SIDE_B);

  g_string_append (out, "<section id=\"comparison\">\n<h2>");
  esc (out, _("Side by side"));
  g_string_append (out, "</h2>\n");
  write_legend (out);

  if (report->rows->len == 0)
    {
      g_string_append (out, "<p class=\"empty\">");
      esc (out, _("No linked or omitted passages to show."));
      g_string_append (out, "</p>\n</section>\n");
      return TRUE;
    }

  g_string_append (out, "<table class=\"rows\" id=\"rows\">\n<colgroup><col class=\"meta\"><col><col></colgroup>\n<thead><tr><th>§</th><th dir=\"auto\">A · ");
  esc (out, name_a);
  g_string_append (out, "</th><th dir=\"auto\">B · ");
  esc (out, name_b);
  g_string_append (out, "</th></tr></thead>\n<tbody>\n");

  for (guint i = 0; i < report->rows->len; i++)
    {
      DiptychReportRow *row = &g_array_index (report->rows, DiptychReportRow, i);

      if (row->link != NULL)
        {
          DiptychLink *link = row->link;
          g_autofree char *score = diptych_report_format_score (diptych_link_get_score (link));

          g_string_append_printf (out, "<tr class=\"link %s\" id=\"link-",
                                  diptych_link_kind_to_string (diptych_link_get_kind (link)));
          esc (out, diptych_link_get_id (link) != NULL ? diptych_link_get_id (link) : "");
          g_string_append_printf (out, "\" data-state=\"%s\"><td class=\"meta\">A §%u · B §%u<span class=\"kind\">",
                                  diptych_state_to_string (diptych_link_get_state (link)),
                                  row->a_number, row->b_number);
          esc (out, diptych_link_kind_get_label (diptych_link_get_kind (link)));
          g_string_append (out, "</span>");
          esc (out, diptych_report_state_label (diptych_link_get_state (link)));
          g_string_append (out, "<br>");
          esc (out, _("score"));
          g_string_append_printf (out, " %s", score);
          if (row->moved)
            {
              /* Translators: the passage is elsewhere in document B; %u is its number */
              g_autofree char *moved = g_strdup_printf (_("moved: B §%u"), row->b_number);
              g_string_append (out, "<span class=\"moved\">");
              esc (out, moved);
              g_string_append (out, "</span>");
            }
          g_string_append (out, "</td>");
          write_passage (report, link, DIPTYCH_SIDE_A, diptych_link_get_span (link, DIPTYCH_SIDE_A), NULL);
          write_passage (report, link, DIPTYCH_SIDE_B, diptych_link_get_span (link, DIPTYCH_SIDE_B), NULL);
          g_string_append (out, "</tr>\n");
        }
      else
        {
          DiptychOmission *omission = row->omission;
          DiptychSide side = diptych_omission_get_side (omission);
          g_autofree char *label = g_strdup_printf (_("Only in %s"), diptych_side_get_label (side));

          g_string_append_printf (out, "<tr class=\"omission side-%s\"><td class=\"meta\"><span class=\"kind\">",
                                  diptych_side_to_string (side));
          esc (out, _("Omission"));
          g_string_append (out, "</span>");
          esc (out, label);
          g_string_append (out, "</td>");
          if (side == DIPTYCH_SIDE_B)
            {
              g_string_append (out, "<td class=\"gap\">—</td>");
              write_passage (report, NULL, side, diptych_omission_get_span (omission), "omitted");
            }
          else
            {
              write_passage (report, NULL, side, diptych_omission_get_span (omission), "omitted");
              g_string_append (out, "<td class=\"gap\">—</td>");
            }
          g_string_append (out, "</tr>\n");
        }

      if (!diptych_report_flush (report, FALSE, 0.1 + 0.8 * i / report->rows->len, error))
        return FALSE;
    }

  g_string_append (out, "</tbody>\n</table>\n</section>\n");
  return TRUE;
}

static void
write_omissions (DiptychReport *report)
{
  GString *out = report->buffer;

  g_string_append (out, "<section id=\"omissions\" class=\"omissions\">\n<h2>");
  esc (out, _("Omissions"));
  g_string_append (out, "</h2>\n");

  for (guint side = 0; side < DIPTYCH_N_SIDES; side++)
    {
      g_autofree char *name = diptych_report_document_name (report, side);
      /* Translators: "Only in A: <document title>" */
      g_autofree char *heading = g_strdup_printf (_("Only in %s: %s"), diptych_side_get_label (side), name);
      guint n = 0;

      g_string_append_printf (out, "<h3 dir=\"auto\">");
      esc (out, heading);
      g_string_append_printf (out, "</h3>\n<ol id=\"omissions-%s\">\n", diptych_side_to_string (side));
      for (guint i = 0; i < report->omissions->len; i++)
        {
          DiptychOmission *omission = g_ptr_array_index (report->omissions, i);
          DiptychSpan span = diptych_omission_get_span (omission);
          g_autofree char *where = NULL;
          const char *p;
          gsize bytes;

          if (diptych_omission_get_side (omission) != side)
            continue;
          n++;
          where = diptych_report_passage_label (span);
          p = diptych_document_span_pointer (report->documents[side], span, &bytes);
          g_string_append (out, "<li><blockquote dir=\"auto\">");
          diptych_report_append_escaped (out, p, bytes);
          g_string_append (out, "</blockquote><span class=\"where\">");
          esc (out, where);
          if (diptych_omission_get_state (omission) == DIPTYCH_STATE_CONFIRMED)
            {
              g_string_append (out, " · ");
              esc (out, diptych_report_state_label (DIPTYCH_STATE_CONFIRMED));
            }
          g_string_append (out, "</span></li>\n");
        }
      g_string_append (out, "</ol>\n");
      if (n == 0)
        {
          g_string_append (out, "<p class=\"empty\">");
          esc (out, _("None."));
          g_string_append (out, "</p>\n");
        }
    }
  g_string_append (out, "</section>\n");
}

static void
write_annotations (DiptychReport *report)
{
  GString *out = report->buffer;

  g_string_append (out, "<section id=\"annotations\" class=\"annotations\">\n<h2>");
  esc (out, _("Annotations"));
  g_string_append (out, "</h2>\n");

  if (report->annotations->len == 0)
    {
      g_string_append (out, "<p class=\"empty\">");
      esc (out, _("No annotations."));
      g_string_append (out, "</p>\n</section>\n");
      return;
    }

  g_string_append (out, "<ul>\n");
  for (guint i = 0; i < report->annotations->len; i++)
    {
      DiptychAnnotation *annotation = g_ptr_array_index (report->annotations, i);
      DiptychSide side = diptych_annotation_get_side (annotation);
      DiptychSpan span = diptych_annotation_get_span (annotation);
      const char *note = diptych_annotation_get_note (annotation);
      g_autofree char *where = diptych_report_passage_label (span);
      const char *p;
      gsize bytes;

      g_string_append (out, "<li class=\"annotation\">");
      write_tag_chip (out, report->project, diptych_annotation_get_tag (annotation));
      g_string_append (out, " <span class=\"where\">");
      esc (out, _("Document"));
      g_string_append_printf (out, " %s · ", diptych_side_get_label (side));
      esc (out, where);
      if (diptych_annotation_get_link_id (annotation) != NULL)
        {
          g_string_append (out, " · <a href=\"#link-");
          esc (out, diptych_annotation_get_link_id (annotation));
          g_string_append (out, "\">");
          esc (out, _("linked passage"));
          g_string_append (out, "</a>");
        }
      g_string_append (out, "</span>");
      if (note != NULL && *note != '\0')
        {
          g_string_append (out, "<p class=\"note\" dir=\"auto\">");
          esc (out, note);
          g_string_append (out, "</p>");
        }
      p = diptych_document_span_pointer (report->documents[side], span, &bytes);
      g_string_append (out, "<blockquote dir=\"auto\">");
      diptych_report_append_escaped (out, p, bytes);
      g_string_append (out, "</blockquote></li>\n");
    }
  g_string_append (out, "</ul>\n</section>\n");
}

gboolean
diptych_report_write_html_internal (DiptychReport  *report,
                                    GError        **error)
{
  write_head (report);
  write_documents (report);
  write_summary (report);
  if (!diptych_report_flush (report, FALSE, 0.1, error))
    return FALSE;
  if (!write_comparison (report, error))
    return FALSE;
  write_omissions (report);
  if (!diptych_report_flush (report, FALSE, 0.95, error))
    return FALSE;
  write_annotations (report);
  g_string_append (report->buffer, "</body>\n</html>\n");
  return TRUE;
}
