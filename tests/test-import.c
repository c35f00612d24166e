/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "diptych-core.h"

static DiptychDocument *
import_string (const char  *data,
               gssize       length,
               const char  *name,
               GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, length < 0 ? strlen (data) : (gsize) length);
  return diptych_import_bytes (bytes, name, NULL, error);
}

static void
test_import_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DiptychDocument) doc = import_string ("\xEF\xBB\xBFOne.\r\nTwo.\rThree.\n", -1,
                                                  "notes.txt", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (diptych_document_get_text (doc), ==, "One.\nTwo.\nThree.\n");
  g_assert_cmpstr (diptych_document_get_title (doc), ==, "notes.txt");
  g_assert_cmpstr (diptych_document_get_format (doc), ==, "text");
}

static void
test_import_invalid_utf8 (void)
{
  g_autoptr(GError) error = NULL;
  DiptychDocument *doc = import_string ("fine\nalso fine\nbroken \xC3\x28 here\n", -1,
                                        "latin.txt", &error);

  g_assert_null (doc);
  g_assert_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_INVALID_ENCODING);
  g_assert_nonnull (strstr (error->message, "latin.txt"));
  g_assert_nonnull (strstr (error->message, "line 3"));
}

static void
test_import_utf16 (void)
{
  /* "Café\r\nTwo" in UTF-16LE and UTF-16BE, with byte order marks */
  static const char le[] = "\xFF\xFE" "C\0a\0f\0\xE9\0\r\0\n\0T\0w\0o\0";
  static const char be[] = "\xFE\xFF" "\0C\0a\0f\0\xE9\0\r\0\n\0T\0w\0o";
  static const char odd[] = "\xFF\xFE" "C\0a";
  g_autoptr(GError) error = NULL;
  g_autoptr(DiptychDocument) doc_le = import_string (le, sizeof le - 1, "windows.txt", &error);
  g_autoptr(DiptychDocument) doc_be = NULL;
  DiptychDocument *broken;

  g_assert_no_error (error);
  g_assert_cmpstr (diptych_document_get_text (doc_le), ==, "Café\nTwo");

  doc_be = import_string (be, sizeof be - 1, "mac.txt", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (diptych_document_get_text (doc_be), ==, "Café\nTwo");

  broken = import_string (odd, sizeof odd - 1, "odd.txt", &error);
  g_assert_null (broken);
  g_assert_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_INVALID_ENCODING);
  g_assert_nonnull (strstr (error->message, "odd.txt"));
}

static void
test_import_binary (void)
{
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
  g_autoptr(GError) error = NULL;
  DiptychDocument *doc = import_string (png, sizeof png - 1, "picture.txt", &error);

  g_assert_null (doc);
  g_assert_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_BINARY);
  g_assert_nonnull (strstr (error->message, "picture.txt"));
}

static void
test_import_html (void)
{
  const char *html =
    "<!DOCTYPE html><html><head><title> Readout &amp; notes </title>"
    "<style>p { color: red }</style><script>alert('x')</script></head>"
    "<body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
    "<h1>The call</h1><p>The leaders   spoke\n about <b>peace</b>.</p>"
    "<div role=\"navigation\">Skip me</div>"
    "<p>They agreed&nbsp;to talk.<br>Again soon.</p>"
    "<footer>Footer text</footer></body></html>";
  g_autoptr(GError) error = NULL;
  g_autoptr(DiptychDocument) doc = import_string (html, -1, "page.html", &error);
  const char *text;

  g_assert_no_error (error);
  text = diptych_document_get_text (doc);
  g_assert_cmpstr (diptych_document_get_title (doc), ==, "Readout & notes");
  g_assert_cmpstr (diptych_document_get_format (doc), ==, "html");
  g_assert_null (strstr (text, "alert"));
  g_assert_null (strstr (text, "color"));
  g_assert_null (strstr (text, "Home"));
  g_assert_null (strstr (text, "Skip me"));
  g_assert_nonnull (strstr (text, "The call\n\nThe leaders spoke about peace.\n\n"));
  g_assert_nonnull (strstr (text, "They agreed to talk.\nAgain soon."));
  g_assert_null (strstr (text, "Footer text"));
}

static void
test_import_html_article_footer (void)
{
  const char *html =
    "<html><body><article><p>The statement.</p>"
    "<footer>Issued by the press office.</footer></article>"
    "<div role=\"search\">Search this site</div>"
    "<footer><p>© Example</p></footer></body></html>";
  g_autoptr(GError) error = NULL;
  g_autoptr(DiptychDocument) doc = import_string (html, -1, "page.html", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (diptych_document_get_text (doc), ==,
                   "The statement.\n\nIssued by the press office.");
}

static void
test_import_html_sniffed (void)
{
  g_autoptr(DiptychDocument) doc = import_string ("  <html><body><p>Привет, мир</p></body></html>", -1,
                                                  "noext", NULL);

  g_assert_nonnull (doc);
  g_assert_cmpstr (diptych_document_get_text (doc), ==, "Привет, мир");
}

static void
test_import_html_deep (void)
{
  g_autoptr(GString) html = g_string_new ("<html><body>");
  g_autoptr(DiptychDocument) doc = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append (html, "<div>");
  g_string_append (html, "deep text");
  doc = import_string (html->str, html->len, "deep.html", NULL);
  g_assert_nonnull (doc);
}

static void
test_import_too_large (void)
{
  gsize size = DIPTYCH_IMPORT_MAX_BYTES + 1;
  char *data = g_malloc (size);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  memset (data, 'a', size);
  bytes = g_bytes_new_take (data, size);
  g_assert_null (diptych_import_bytes (bytes, "huge.txt", NULL, &error));
  g_assert_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "huge.txt"));
}

static void
test_import_file_missing (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/diptych/missing.txt");
  g_autoptr(GError) error = NULL;

  g_assert_null (diptych_import_file (file, NULL, &error));
  g_assert_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "missing.txt"));
}

static void
on_imported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GAsyncResult **out = user_data;
  *out = g_object_ref (result);
}

static void
test_import_file_async (void)
{
  g_autofree char *dir = g_dir_make_tmp ("diptych-import-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "a.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(DiptychDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "Hello, world.", -1, NULL));
  diptych_import_file_async (file, NULL, on_imported, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  doc = diptych_import_file_finish (result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (diptych_document_get_text (doc), ==, "Hello, world.");
  g_assert_cmpstr (diptych_document_get_source (doc), ==, path);
  g_assert_cmpstr (diptych_document_get_title (doc), ==, "a.txt");

  g_remove (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/text", test_import_text);
  g_test_add_func ("/import/invalid-utf8", test_import_invalid_utf8);
  g_test_add_func ("/import/binary", test_import_binary);
  g_test_add_func ("/import/utf16", test_import_utf16);
  g_test_add_func ("/import/html", test_import_html);
  g_test_add_func ("/import/html-article-footer", test_import_html_article_footer);
  g_test_add_func ("/import/html-sniffed", test_import_html_sniffed);
  g_test_add_func ("/import/html-deep", test_import_html_deep);
  g_test_add_func ("/import/too-large", test_import_too_large);
  g_test_add_func ("/import/file-missing", test_import_file_missing);
  g_test_add_func ("/import/file", test_import_file_async);

  return g_test_run ();
}
