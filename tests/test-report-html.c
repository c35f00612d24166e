/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <string.h>

#include "diptych-report-private.h"
#include "report-fixture.h"

static htmlDocPtr
parse_html (const char *text)
{
  htmlDocPtr doc = htmlReadMemory (text, strlen (text), "report.html", "UTF-8",
                                   HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
  g_assert_nonnull (doc);
  return doc;
}

static gboolean
has_class (xmlNode    *node,
           const char *name)
{
  g_autofree char *value = (char *) xmlGetProp (node, (const xmlChar *) "class");
  g_auto(GStrv) classes = NULL;

  if (value == NULL)
    return FALSE;
  classes = g_strsplit (value, " ", -1);
  return g_strv_contains ((const char * const *) classes, name);
}

static char *
attr (xmlNode    *node,
      const char *name)
{
  return (char *) xmlGetProp (node, (const xmlChar *) name);
}

static char *
content (xmlNode *node)
{
  xmlChar *c = xmlNodeGetContent (node);
  char *s = g_strdup ((const char *) c);
  xmlFree (c);
  return s;
}

/* Checks that nothing in the page runs code or loads anything. */
static void
check_safe (xmlNode *node)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type == XML_ELEMENT_NODE)
        {
          static const char *forbidden[] = { "script", "iframe", "object", "embed", "link", "img", "base", "form" };
          g_autofree char *href = attr (node, "href");
          g_autofree char *src = attr (node, "src");
          g_autofree char *style = attr (node, "style");

          for (guint i = 0; i < G_N_ELEMENTS (forbidden); i++)
            g_assert_cmpstr ((const char *) node->name, !=, forbidden[i]);
          g_assert_null (src);
          if (href != NULL)
            g_assert_true (href[0] == '#');
          if (style != NULL)
            g_assert_null (strstr (style, "url("));
          for (xmlAttr *a = node->properties; a != NULL; a = a->next)
            g_assert_false (g_ascii_strncasecmp ((const char *) a->name, "on", 2) == 0);
        }
      check_safe (node->children);
    }
}

static xmlNode *
find_element (xmlNode    *node,
              const char *name,
              const char *id)
{
  for (; node != NULL; node = node->next)
    {
      xmlNode *found;

      if (node->type == XML_ELEMENT_NODE && g_str_equal ((const char *) node->name, name))
        {
          g_autofree char *node_id = attr (node, "id");
          if (id == NULL || g_strcmp0 (node_id, id) == 0)
            return node;
        }
      if ((found = find_element (node->children, name, id)) != NULL)
        return found;
    }
  return NULL;
}

static void
collect (xmlNode    *node,
         const char *name,
         const char *klass,
         GPtrArray  *out)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type == XML_ELEMENT_NODE && g_str_equal ((const char *) node->name, name) &&
          (klass == NULL || has_class (node, klass)))
        g_ptr_array_add (out, node);
      collect (node->children, name, klass, out);
    }
}

/* The cells (td) of a row. */
static GPtrArray *
cells_of (xmlNode *row)
{
  GPtrArray *cells = g_ptr_array_new ();

  for (xmlNode *c = row->children; c != NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE && g_str_equal ((const char *) c->name, "td"))
      g_ptr_array_add (cells, c);
  return cells;
}

static char *
summary_value (xmlNode    *root,
               const char *id,
               guint       index)
{
  xmlNode *row = find_element (root, "tr", id);
  g_autoptr(GPtrArray) cells = NULL;

  g_assert_nonnull (row);
  cells = cells_of (row);
  g_assert_cmpuint (cells->len, >, index);
  return content (g_ptr_array_index (cells, index));
}

static guint
count_nonspace (const char  *text,
                DiptychSpan *spans,
                guint        n_spans,
                guint       *total)
{
  guint offset = 0, covered = 0;

  *total = 0;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), offset++)
    {
      if (g_unichar_isspace (g_utf8_get_char (p)))
        continue;
      (*total)++;
      for (guint i = 0; i < n_spans; i++)
        if (diptych_span_contains (spans[i], offset))
          {
            covered++;
            break;
          }
    }
  return covered;
}

static void
test_html_content (void)
{
  g_autoptr(DiptychProject) project = report_fixture_new ();
  g_autofree char *text = report_fixture_write (project, DIPTYCH_REPORT_HTML, NULL, NULL);
  htmlDocPtr doc = parse_html (text);
  xmlNode *root = xmlDocGetRootElement (doc);
  xmlNode *row, *body;
  g_autoptr(GPtrArray) cells = NULL;
  g_autoptr(GPtrArray) text_cells = g_ptr_array_new ();
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autofree char *body_text = NULL;
  g_autofree char *lang = attr (root, "lang");
  g_autofree char *value = NULL;
  const char *ta = report_fixture_text_a, *tb = report_fixture_text_b;

  g_assert_cmpstr ((const char *) root->name, ==, "html");
  g_assert_nonnull (lang);
  check_safe (root);
  g_assert_null (strstr (text, "<script"));
  g_assert_null (strstr (text, "http://"));
  g_assert_null (strstr (text, "https://"));

  /* The markup in the documents is shown as text. */
  body = find_element (root, "body", NULL);
  body_text = content (body);
  g_assert_nonnull (strstr (body_text, "The US said <script>alert(1)</script> & \"more\"."));
  g_assert_nonnull (strstr (body_text, "Note with <b>bold</b> & \"quotes\""));
  g_assert_nonnull (strstr (body_text, diptych_document_get_sha256 (diptych_project_get_document (project, DIPTYCH_SIDE_A))));
  g_assert_nonnull (strstr (body_text, diptych_document_get_sha256 (diptych_project_get_document (project, DIPTYCH_SIDE_B))));
  g_assert_nonnull (strstr (body_text, "/data/kremlin.txt"));
  g_assert_nonnull (strstr (body_text, "Кремль: стенограмма"));
  /* Dates as a reader anywhere reads them: 2026-11-24 15:04:22 UTC. */
  {
    const char *made = strstr (body_text, "Report made with Diptych on ");

    g_assert_nonnull (made);
    g_assert_true (g_regex_match_simple ("^Report made with Diptych on [0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2} ",
                                         made, 0, 0));
  }

  /* Rows pair the right passages; the crossing link is marked moved. */
  row = find_element (root, "tr", "link-l1");
  g_assert_nonnull (row);
  cells = cells_of (row);
  g_assert_cmpuint (cells->len, ==, 3);
  {
    g_autofree char *a = content (g_ptr_array_index (cells, 1));
    g_autofree char *b = content (g_ptr_array_index (cells, 2));
    g_autofree char *meta = content (g_ptr_array_index (cells, 0));
    g_autofree char *dir = attr (g_ptr_array_index (cells, 1), "dir");
    g_autoptr(GPtrArray) del = g_ptr_array_new ();
    g_autoptr(GPtrArray) changed = g_ptr_array_new ();
    g_autoptr(GPtrArray) disc = g_ptr_array_new ();

    /* the discrepancy marker follows the changed number */
    g_assert_cmpstr (a, ==, "Leaders spoke on 18⚠ March for 90 minutes.");
    g_assert_cmpstr (b, ==, "Лидеры говорили 19⚠ марта.");
    g_assert_cmpstr (dir, ==, "auto");
    g_assert_nonnull (strstr (meta, "moved: B §2"));
    g_assert_true (has_class (row, "partial"));

    collect (g_ptr_array_index (cells, 1), "del", NULL, del);
    g_assert_cmpuint (del->len, ==, 1);
    g_clear_pointer (&a, g_free);
    a = content (g_ptr_array_index (del, 0));
    g_assert_cmpstr (a, ==, "for 90 minutes");
    collect (g_ptr_array_index (cells, 2), "span", "w-changed", changed);
    g_assert_cmpuint (changed->len, ==, 1);
    g_clear_pointer (&b, g_free);
    b = content (g_ptr_array_index (changed, 0));
    g_assert_cmpstr (b, ==, "19");
    collect (g_ptr_array_index (cells, 2), "span", "disc-date", disc);
    g_assert_cmpuint (disc->len, ==, 1);
  }
  g_clear_pointer (&cells, g_ptr_array_unref);

  row = find_element (root, "tr", "link-l2");
  cells = cells_of (row);
  {
    g_autofree char *a = content (g_ptr_array_index (cells, 1));
    g_autofree char *b = content (g_ptr_array_index (cells, 2));
    g_autofree char *meta = content (g_ptr_array_index (cells, 0));

    g_assert_cmpstr (a, ==, "They agreed to a 30-day ceasefire on energy.");
    g_assert_cmpstr (b, ==, "Стороны договорились о 30-дневном перемирии.");
    g_assert_null (strstr (meta, "moved"));
  }
  g_assert_null (find_element (root, "tr", "link-l4"));  /* rejected */

  /* Rows: three links, then the omissions (B's after the link they follow in B). */
  collect (root, "tr", "link", rows);
  g_assert_cmpuint (rows->len, ==, 3);
  g_ptr_array_set_size (rows, 0);
  collect (root, "tr", "omission", rows);
  g_assert_cmpuint (rows->len, ==, 4);
  {
    g_autoptr(GPtrArray) omitted = g_ptr_array_new ();
    g_autofree char *first = NULL;

    collect (root, "td", "omitted", omitted);
    g_assert_cmpuint (omitted->len, ==, 4);
    first = content (g_ptr_array_index (omitted, 0));
    g_assert_cmpstr (first, ==, "مرحبا بالعالم، هذا نص عربي.");
  }

  /* Every text cell lets the browser find the direction. */
  collect (root, "td", "text", text_cells);
  g_assert_cmpuint (text_cells->len, ==, 3 * 2 + 4);
  for (guint i = 0; i < text_cells->len; i++)
    {
      g_autofree char *dir = attr (g_ptr_array_index (text_cells, i), "dir");
      g_assert_cmpstr (dir, ==, "auto");
    }

  /* Summary numbers. */
  value = summary_value (root, "omissions-count", 0);
  g_assert_cmpstr (value, ==, "2");
  g_clear_pointer (&value, g_free);
  value = summary_value (root, "omissions-count", 1);
  g_assert_cmpstr (value, ==, "2");
  g_clear_pointer (&value, g_free);
  value = summary_value (root, "kind-partial", 0);
  g_assert_cmpstr (value, ==, "1");
  g_clear_pointer (&value, g_free);
  value = summary_value (root, "state-rejected", 0);
  g_assert_cmpstr (value, ==, "1");
  g_clear_pointer (&value, g_free);
  {
    DiptychSpan spans_a[] = {
      report_fixture_span (ta, "Leaders spoke on 18 March for 90 minutes."),
      report_fixture_span (ta, "They agreed to a 30-day ceasefire on energy."),
      report_fixture_span (ta, "The Black Sea was discussed."),
    };
    DiptychSpan spans_b[] = {
      report_fixture_span (tb, "Лидеры говорили 19 марта."),
      report_fixture_span (tb, "Стороны договорились о 30-дневном перемирии."),
      report_fixture_span (tb, "Чёрное море обсуждалось."),
    };
    guint total, covered;
    g_autofree char *expected = NULL;

    covered = count_nonspace (ta, spans_a, 3, &total);
    expected = g_strdup_printf ("%.0f %%", 100.0 * covered / total);
    value = summary_value (root, "coverage", 0);
    g_assert_cmpstr (value, ==, expected);
    g_clear_pointer (&value, g_free);
    g_clear_pointer (&expected, g_free);

    covered = count_nonspace (tb, spans_b, 3, &total);
    expected = g_strdup_printf ("%.0f %%", 100.0 * covered / total);
    value = summary_value (root, "coverage", 1);
    g_assert_cmpstr (value, ==, expected);
    g_clear_pointer (&value, g_free);
  }

  /* Annotations by tag, with the tag's color. */
  {
    g_autoptr(GPtrArray) chips = g_ptr_array_new ();
    xmlNode *tags = find_element (root, "ul", "tags-summary");
    g_autofree char *style = NULL;

    g_assert_nonnull (tags);
    collect (tags, "span", "chip", chips);
    g_assert_cmpuint (chips->len, ==, 3);
    style = attr (g_ptr_array_index (chips, 0), "style");
    g_assert_nonnull (strstr (style, "#9141ac"));  /* Demand */
  }

  /* Omissions listed per side with their text. */
  {
    xmlNode *list = find_element (root, "ol", "omissions-b");
    g_autofree char *items = content (list);

    g_assert_nonnull (strstr (items, "שלום עולם."));
    g_assert_nonnull (strstr (items, "مرحبا بالعالم"));
  }

  /* Annotations: tag, note, quote. */
  {
    g_autoptr(GPtrArray) annotations = g_ptr_array_new ();
    g_autofree char *first = NULL;

    collect (root, "li", "annotation", annotations);
    g_assert_cmpuint (annotations->len, ==, 3);
    first = content (g_ptr_array_index (annotations, 0));
    g_assert_nonnull (strstr (first, "Demand"));
    g_assert_nonnull (strstr (first, "<script>alert(1)</script>"));
    g_assert_nonnull (strstr (first, "and a newline\xef\xbf\xbd."));
  }

  xmlFreeDoc (doc);
}

static void
test_html_options (void)
{
  g_autoptr(DiptychProject) project = report_fixture_new ();
  DiptychReportOptions options = DIPTYCH_REPORT_OPTIONS_DEFAULT;
  g_autofree char *text = NULL;
  htmlDocPtr doc;
  xmlNode *root;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) marks = g_ptr_array_new ();
  g_autofree char *title = NULL;

  options.only_annotated = TRUE;
  options.word_diff = FALSE;
  options.title = "<i>Title</i> & co";
  text = report_fixture_write (project, DIPTYCH_REPORT_HTML, &options, NULL);
  doc = parse_html (text);
  root = xmlDocGetRootElement (doc);
  check_safe (root);

  title = content (find_element (root, "title", NULL));
  g_assert_cmpstr (title, ==, "<i>Title</i> & co");
  g_assert_null (find_element (root, "i", NULL));

  collect (root, "tr", "link", rows);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_nonnull (find_element (root, "tr", "link-l3"));
  g_ptr_array_set_size (rows, 0);
  collect (root, "tr", "omission", rows);
  g_assert_cmpuint (rows->len, ==, 2);

  /* No word-level differences: nothing struck through in the rows. */
  collect (find_element (root, "table", "rows"), "del", NULL, marks);
  g_assert_cmpuint (marks->len, ==, 0);

  xmlFreeDoc (doc);
}

static void
test_html_uncovered_without_word_diff (void)
{
  g_autoptr(DiptychProject) project = report_fixture_new ();
  DiptychReportOptions options = DIPTYCH_REPORT_OPTIONS_DEFAULT;
  g_autofree char *text = NULL;
  htmlDocPtr doc;
  g_autoptr(GPtrArray) uncovered = g_ptr_array_new ();
  g_autofree char *value = NULL;

  options.word_diff = FALSE;
  text = report_fixture_write (project, DIPTYCH_REPORT_HTML, &options, NULL);
  doc = parse_html (text);
  collect (find_element (xmlDocGetRootElement (doc), "tr", "link-l1"), "span", "w-uncovered", uncovered);
  g_assert_cmpuint (uncovered->len, ==, 1);
  value = content (g_ptr_array_index (uncovered, 0));
  g_assert_cmpstr (value, ==, "for 90 minutes");
  xmlFreeDoc (doc);
}

/* The rules of a style sheet: selector → declarations. */
static GHashTable *
parse_css (const char *css)
{
  GHashTable *rules = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_auto(GStrv) blocks = g_strsplit (css, "}", -1);

  for (guint i = 0; blocks[i] != NULL; i++)
    {
      char *brace = strchr (blocks[i], '{');
      g_auto(GStrv) selectors = NULL;

      if (brace == NULL)
        continue;
      /* Inside @media, the block opens twice: keep the last selector. */
      *brace = '\0';
      if (strrchr (blocks[i], '{') != NULL)
        continue;
      selectors = g_strsplit (blocks[i], ",", -1);
      for (guint j = 0; selectors[j] != NULL; j++)
        g_hash_table_insert (rules, g_strdup (g_strstrip (selectors[j])), g_strdup (g_strstrip (brace + 1)));
    }
  return rules;
}

static void
assert_declares_color (GHashTable *rules,
                       const char *selector,
                       const char *property,
                       DiptychRgb  rgb)
{
  const char *declarations = g_hash_table_lookup (rules, selector);
  g_autofree char *prefix = g_strdup_printf ("%s:", property);
  char hex[8];
  const char *p, *end;

  g_assert_nonnull (declarations);
  diptych_rgb_to_hex (rgb, hex);
  p = strstr (declarations, prefix);
  g_assert_nonnull (p);
  end = strchr (p, ';');
  g_assert_nonnull (end);
  g_assert_nonnull (g_strstr_len (p, end - p, hex));
}

/* The colors of the page are the panes' (diptych-palette.h). */
static void
test_html_palette (void)
{
  g_autoptr(DiptychProject) project = report_fixture_new ();
  g_autofree char *text = report_fixture_write (project, DIPTYCH_REPORT_HTML, NULL, NULL);
  htmlDocPtr doc = parse_html (text);
  xmlNode *style = find_element (xmlDocGetRootElement (doc), "style", NULL);
  g_autofree char *css = NULL;
  g_autoptr(GHashTable) rules = NULL;
  static const char *old_colors[] = { "#26a269", "#1c71d8", "#c64600", "#c01c28", "#613583" };
  static const struct { DiptychPaletteColor color; const char *selector; } kinds[] = {
    { DIPTYCH_PALETTE_IDENTICAL, "tr.identical td.text" },
    { DIPTYCH_PALETTE_REWORDED, "tr.reworded td.text" },
    { DIPTYCH_PALETTE_PARTIAL, "tr.partial td.text" },
    { DIPTYCH_PALETTE_OMISSION, "tr.omission td.text.omitted" },
  };

  g_assert_nonnull (style);
  css = content (style);
  rules = parse_css (css);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      DiptychRgb rgb = diptych_palette_get_rgb (kinds[i].color);
      const char *line = diptych_line_style_to_css (diptych_palette_get_line_style (kinds[i].color));

      /* the bar beside the passage, in the kind's line style and color */
      assert_declares_color (rules, kinds[i].selector, "border-left", rgb);
      g_assert_nonnull (strstr (g_hash_table_lookup (rules, kinds[i].selector), line));
      /* a light tint of it behind */
      assert_declares_color (rules, kinds[i].selector, "background", diptych_report_tint (kinds[i].color));
    }
  g_assert_cmpuint (diptych_palette_for_link_kind (DIPTYCH_LINK_PARTIAL), ==, DIPTYCH_PALETTE_PARTIAL);

  assert_declares_color (rules, ".w-reworded", "text-decoration", diptych_palette_get_rgb (DIPTYCH_PALETTE_WORD_REWORDED));
  assert_declares_color (rules, ".w-changed", "text-decoration", diptych_palette_get_rgb (DIPTYCH_PALETTE_WORD_CHANGED));
  assert_declares_color (rules, "ins", "background",
                         diptych_rgb_tint (diptych_palette_get_rgb (DIPTYCH_PALETTE_WORD_UNIQUE), DIPTYCH_REPORT_UNIQUE_TINT));
  assert_declares_color (rules, "del", "background",
                         diptych_rgb_tint (diptych_palette_get_rgb (DIPTYCH_PALETTE_WORD_UNIQUE), DIPTYCH_REPORT_UNIQUE_TINT));
  assert_declares_color (rules, ".w-uncovered", "text-decoration", diptych_palette_get_rgb (DIPTYCH_PALETTE_PARTIAL));
  assert_declares_color (rules, ".disc", "text-decoration", diptych_palette_get_rgb (DIPTYCH_PALETTE_DISCREPANCY));

  /* Quiet, not italic: the uncovered words are dimmed. */
  g_assert_null (strstr (g_hash_table_lookup (rules, ".w-uncovered"), "italic"));
  g_assert_null (strstr (g_hash_table_lookup (rules, ".w-reworded"), "italic"));
  /* No color of another palette. */
  for (guint i = 0; i < G_N_ELEMENTS (old_colors); i++)
    g_assert_null (strstr (css, old_colors[i]));
  /* Tints and bars survive printing. */
  g_assert_nonnull (strstr (css, "print-color-adjust: exact"));

  /* The legend shows each kind in its style. */
  {
    g_autoptr(GPtrArray) swatches = g_ptr_array_new ();

    collect (find_element (xmlDocGetRootElement (doc), "ul", "legend"), "span", "swatch", swatches);
    g_assert_cmpuint (swatches->len, ==, 4);
    g_assert_true (has_class (g_ptr_array_index (swatches, 0), "identical"));
    g_assert_true (has_class (g_ptr_array_index (swatches, 3), "omission"));
  }

  xmlFreeDoc (doc);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/html/content", test_html_content);
  g_test_add_func ("/report/html/options", test_html_options);
  g_test_add_func ("/report/html/uncovered", test_html_uncovered_without_word_diff);
  g_test_add_func ("/report/html/palette", test_html_palette);

  return g_test_run ();
}
