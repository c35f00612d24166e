/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <string.h>

#include "report-fixture.h"

/* Runs a poppler tool on a PDF and returns its standard output. */
static char *
run_tool (const char *tool,
          const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status = 0;
  const char *argv_text[] = { tool, "-enc", "UTF-8", path, "-", NULL };
  const char *argv_info[] = { tool, path, NULL };

  g_spawn_sync (NULL, (char **) (g_str_has_suffix (tool, "pdfinfo") ? argv_info : argv_text),
                NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

static char *
write_pdf (DiptychProject             *project,
           const DiptychReportOptions *options,
           const char                 *name)
{
  g_autofree char *dir = g_dir_make_tmp ("diptych-pdf-XXXXXX", NULL);
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (diptych_report_write (project, DIPTYCH_REPORT_PDF, options, file, NULL, &error));
  g_assert_no_error (error);
  return path;
}

static void
remove_pdf (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_remove (path);
  g_rmdir (dir);
}

/* Text as extracted, normalised (Arabic presentation forms become letters). */
static char *
extract (const char *path)
{
  g_autofree char *raw = run_tool (PDFTOTEXT, path);

  g_assert_true (g_utf8_validate (raw, -1, NULL));
  return g_utf8_normalize (raw, -1, G_NORMALIZE_ALL_COMPOSE);
}

/* pdftotext wraps right-to-left runs in bidi controls and may put spaces
 * between the glyphs of a word: compare without either. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || (c >= 0x202a && c <= 0x202e) || c == 0x200e || c == 0x200f)
        continue;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static gboolean
contains_rtl (const char *text,
              const char *phrase)
{
  g_autofree char *haystack = squeeze (text);
  g_autofree char *needle = squeeze (phrase);

  return strstr (haystack, needle) != NULL;
}

static void
test_pdf_content (void)
{
  g_autoptr(DiptychProject) project = report_fixture_new ();
  g_autofree char *path = write_pdf (project, NULL, "report.pdf");
  g_autofree char *text = extract (path);
  g_autofree char *info = run_tool (PDFINFO, path);

  g_assert_nonnull (strstr (info, "A4"));
  g_assert_nonnull (strstr (info, "Pages:"));

  /* Header on the page, page numbers. */
  g_assert_nonnull (strstr (text, "A: White House readout"));
  g_assert_nonnull (strstr (text, "B: Кремль: стенограмма"));
  g_assert_nonnull (strstr (text, "Page 1 of "));

  /* Both documents' words, Latin, Cyrillic, Arabic and Hebrew. */
  g_assert_nonnull (strstr (text, "Leaders spoke on 18"));
  g_assert_nonnull (strstr (text, "They agreed to a 30-day ceasefire"));
  g_assert_nonnull (strstr (text, "<script>alert(1)</script>"));
  g_assert_nonnull (strstr (text, "Лидеры говорили 19"));
  g_assert_nonnull (strstr (text, "Чёрное море обсуждалось."));
  g_assert_true (contains_rtl (text, "مرحبا بالعالم"));
  g_assert_true (contains_rtl (text, "هذا نص عربي"));
  g_assert_true (contains_rtl (text, "שלום עולם"));
  g_assert_nonnull (strstr (text, "两份文件一致"));

  /* Summary, omissions, annotations. */
  g_assert_nonnull (strstr (text, "moved: B §2"));
  g_assert_nonnull (strstr (text, "Demand"));
  g_assert_nonnull (strstr (text, "Note with <b>bold</b>"));
  g_assert_nonnull (strstr (text, "Only in B"));
  g_assert_nonnull (strstr (text, diptych_document_get_sha256 (diptych_project_get_document (project, DIPTYCH_SIDE_A))));

  remove_pdf (path);
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static void
test_pdf_pages (void)
{
  g_autoptr(DiptychProject) project = report_fixture_new_large (400);
  DiptychReportOptions options = DIPTYCH_REPORT_OPTIONS_DEFAULT;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  g_autofree char *last = NULL;
  const char *pages_line;
  guint n_pages;

  options.paper = DIPTYCH_PAPER_LETTER;
  path = write_pdf (project, &options, "long.pdf");
  text = extract (path);
  info = run_tool (PDFINFO, path);

  g_assert_nonnull (strstr (info, "612 x 792"));
  pages_line = strstr (info, "Pages:");
  g_assert_nonnull (pages_line);
  n_pages = (guint) g_ascii_strtoull (pages_line + strlen ("Pages:"), NULL, 10);
  g_assert_cmpuint (n_pages, >, 5);

  /* Every page has its header and its "Page n of N". */
  g_assert_cmpuint (count (text, "A: First account · B: Второй отчёт"), ==, n_pages);
  last = g_strdup_printf ("Page %u of %u", n_pages, n_pages);
  g_assert_nonnull (strstr (text, last));
  g_assert_cmpuint (count (text, "Page "), >=, n_pages);

  /* Every sentence is there exactly once: rows moved to the next page are
   * not drawn twice, split rows lose nothing. */
  {
    g_auto(GStrv) words = g_strsplit_set (text, " \n\f", -1);
    g_autofree char *flat = NULL;

    /* Lines wrap anywhere: compare with single spaces. */
    for (guint i = 0, j = 0; words[i] != NULL; i++)
      if (*words[i] != '\0')
        {
          char *w = words[i];
          words[i] = NULL;
          words[j++] = w;
        }
      else
        g_clear_pointer (&words[i], g_free);
    flat = g_strjoinv (" ", words);

    for (guint i = 0; i < 400; i += 37)
      {
        g_autofree char *sentence = g_strdup_printf ("the talks on item %u went on", i * 7);
        /* omissions are also listed after the table */
        g_assert_cmpuint (count (flat, sentence), ==, i % 10 == 3 ? 2 : 1);
      }
  }

  remove_pdf (path);
}

static void
test_pdf_long_row (void)
{
  g_autoptr(DiptychProject) project = diptych_project_new ();
  g_autoptr(DiptychAlignment) alignment = diptych_alignment_new (NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(DiptychDocument) a = NULL, b = NULL;
  g_autoptr(DiptychLink) link = NULL;
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;

  /* One passage longer than a page must split, not vanish. */
  for (guint i = 0; i < 600; i++)
    g_string_append_printf (text, "word%u ", i);
  a = diptych_document_new (text->str, text->len, "Long", NULL, "text", NULL, NULL);
  b = diptych_document_new ("Short.", -1, "Short", NULL, "text", NULL, NULL);
  diptych_project_set_document (project, DIPTYCH_SIDE_A, a);
  diptych_project_set_document (project, DIPTYCH_SIDE_B, b);
  link = diptych_link_new (DIPTYCH_SPAN_INIT (0, diptych_document_get_length (a)), DIPTYCH_SPAN_INIT (0, 6),
                           DIPTYCH_LINK_PARTIAL, 0.2, DIPTYCH_STATE_AUTO);
  diptych_alignment_add_link (alignment, link);
  diptych_project_set_alignment (project, alignment);

  path = write_pdf (project, NULL, "split.pdf");
  out = extract (path);
  g_assert_nonnull (strstr (out, "word0 "));
  g_assert_nonnull (strstr (out, "word599"));
  g_assert_nonnull (strstr (out, "Page 2 of"));
  g_assert_cmpuint (count (out, "word300 "), ==, 1);
  remove_pdf (path);
}

static void
test_pdf_empty (void)
{
  g_autoptr(DiptychProject) project = diptych_project_new ();
  g_autoptr(DiptychDocument) a = diptych_document_new ("", 0, "Empty", NULL, "text", NULL, NULL);
  g_autoptr(DiptychDocument) b = diptych_document_new ("Nothing in common.", -1, "Other", NULL, "text", NULL, NULL);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  /* Nothing aligned yet: every format still makes a report. */
  diptych_project_set_document (project, DIPTYCH_SIDE_A, a);
  diptych_project_set_document (project, DIPTYCH_SIDE_B, b);
  for (guint format = DIPTYCH_REPORT_JSON; format <= DIPTYCH_REPORT_CSV; format++)
    {
      gsize length = 0;
      g_autofree char *out = report_fixture_write (project, format, NULL, &length);
      g_assert_cmpuint (length, >, 0);
    }

  path = write_pdf (project, NULL, "empty.pdf");
  text = extract (path);
  g_assert_nonnull (strstr (text, "Page 1 of 1"));
  g_assert_nonnull (strstr (text, "No linked or omitted passages to show."));
  remove_pdf (path);
}

static void
test_pdf_paginate (void)
{
  g_autoptr(DiptychProject) project = report_fixture_new_large (120);
  g_autoptr(DiptychReportPages) pages = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("diptych-print-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "printed.pdf", NULL);
  g_autofree char *reference = NULL;
  g_autofree char *reference_info = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint n_pages, dark = 0;

  /* What GtkPrintOperation would do: one page drawn at a time. */
  pages = diptych_report_paginate (project, NULL, 595.276, 841.89, NULL, &error);
  g_assert_no_error (error);
  n_pages = diptych_report_pages_get_n_pages (pages);
  g_assert_cmpuint (n_pages, >, 1);

  /* The same pages as the A4 PDF. */
  reference = write_pdf (project, NULL, "reference.pdf");
  reference_info = run_tool (PDFINFO, reference);
  expected = g_strdup_printf ("Pages:           %u\n", n_pages);
  g_assert_nonnull (strstr (reference_info, expected));
  remove_pdf (reference);

  surface = cairo_pdf_surface_create (path, 595.276, 841.89);
  cr = cairo_create (surface);
  diptych_report_pages_draw (pages, cr, 1);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  text = extract (path);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("Page 2 of %u", n_pages);
  g_assert_nonnull (strstr (text, expected));
  g_assert_nonnull (strstr (text, "A: First account"));
  g_remove (path);
  g_rmdir (dir);

  /* On screen: the page has ink. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 298, 421);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, 0.5, 0.5);
  diptych_report_pages_draw (pages, cr, 0);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  for (int y = 0; y < 421; y++)
    {
      const guint32 *row = (const guint32 *) (gpointer) (cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface));
      for (int x = 0; x < 298; x++)
        if ((row[x] & 0xff) < 0x80)
          dark++;
    }
  cairo_surface_destroy (surface);
  g_assert_cmpuint (dark, >, 1000);

  /* A page with no room for the columns. */
  g_assert_null (diptych_report_paginate (project, NULL, 100, 100, NULL, &error));
  g_assert_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/pdf/content", test_pdf_content);
  g_test_add_func ("/report/pdf/pages", test_pdf_pages);
  g_test_add_func ("/report/pdf/long-row", test_pdf_long_row);
  g_test_add_func ("/report/pdf/empty", test_pdf_empty);
  g_test_add_func ("/report/pdf/paginate", test_pdf_paginate);

  return g_test_run ();
}
