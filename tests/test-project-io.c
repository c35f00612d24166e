/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <utime.h>

#include "diptych-core.h"
#include "diptych-project-io-private.h"
#include "project-test-util.h"

static char *
project_xml (DiptychProject *project)
{
  return diptych_project_to_xml (project, NULL);
}

static char *
replace_once (const char *xml,
              const char *old,
              const char *new)
{
  const char *at = strstr (xml, old);

  g_assert_nonnull (at);
  return g_strdup_printf ("%.*s%s%s", (int) (at - xml), xml, new, at + strlen (old));
}

static void
assert_same_bytes (const char *path_a,
                   const char *path_b)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  gsize na, nb;

  g_assert_true (g_file_get_contents (path_a, &a, &na, NULL));
  g_assert_true (g_file_get_contents (path_b, &b, &nb, NULL));
  g_assert_cmpmem (a, na, b, nb);
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
test_round_trip_memory (void)
{
  g_autoptr(DiptychProject) project = project_test_new ();
  g_autoptr(DiptychProject) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DiptychLink) link = NULL;
  g_autoptr(DiptychAnnotation) annotation = NULL;
  g_autoptr(DiptychOmission) omission = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *xml2 = NULL;
  gsize length = 0;
  guint n_uncovered = 0;
  const DiptychSpan *uncovered;
  DiptychDocument *b;

  xml = diptych_project_to_xml (project, &length);
  g_assert_cmpuint (length, ==, strlen (xml));
  /* Control characters are carried as base64, CR as a character reference. */
  g_assert_nonnull (strstr (xml, "encoding=\"base64\""));
  g_assert_nonnull (strstr (xml, "&#13;"));

  loaded = diptych_project_from_xml (xml, length, "t.diptych", &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_false (diptych_project_get_modified (loaded));

  xml2 = project_xml (loaded);
  g_assert_cmpstr (xml, ==, xml2);

  /* Opening a project does not call for aligning again, nor can the
   * loading be undone. */
  g_assert_nonnull (diptych_project_get_alignment (loaded));
  g_assert_cmpint (diptych_alignment_get_settings (diptych_project_get_alignment (loaded))->granularity,
                   ==, DIPTYCH_GRANULARITY_CLAUSE);
  g_assert_cmpuint (diptych_alignment_get_n_links (diptych_project_get_alignment (loaded)), ==, 1);
  g_assert_false (diptych_history_get_can_undo (diptych_project_get_history (loaded)));

  g_assert_cmpstr (diptych_document_get_text (diptych_project_get_document (loaded, DIPTYCH_SIDE_A)), ==, TEST_TEXT_A);
  b = diptych_project_get_document (loaded, DIPTYCH_SIDE_B);
  g_assert_cmpstr (diptych_document_get_text (b), ==, TEST_TEXT_B);
  g_assert_cmpstr (diptych_document_get_title (b), ==, "Kremlin \x01 readout");
  g_assert_cmpstr (diptych_document_get_source (b), ==, "http://kremlin.ru/x?a=1&b=2");
  g_assert_cmpstr (diptych_document_get_format (b), ==, "html");
  g_assert_cmpint (g_date_time_get_microsecond (diptych_document_get_imported (b)), ==, 250000);

  g_assert_cmpint (diptych_project_get_settings (loaded)->granularity, ==, DIPTYCH_GRANULARITY_CLAUSE);
  g_assert_cmpfloat_with_epsilon (diptych_project_get_settings (loaded)->sensitivity, 0.712346, 1e-9);
  g_assert_cmpuint (g_list_model_get_n_items (diptych_project_get_tags (loaded)), ==, 7);

  g_assert_cmpuint (g_list_model_get_n_items (diptych_project_get_links (loaded)), ==, 1);
  link = g_list_model_get_item (diptych_project_get_links (loaded), 0);
  g_assert_cmpuint (diptych_link_get_span (link, DIPTYCH_SIDE_B).start, ==, 33);
  g_assert_cmpint (diptych_link_get_kind (link), ==, DIPTYCH_LINK_REWORDED);
  g_assert_cmpint (diptych_link_get_state (link), ==, DIPTYCH_STATE_AUTO);
  g_assert_cmpfloat_with_epsilon (diptych_link_get_score (link), 0.8123, 1e-9);
  g_assert_cmpstrv (diptych_link_get_shared_terms (link), ((const char * const[]) { "ceasefire", "agree", NULL }));
  uncovered = diptych_link_get_uncovered (link, DIPTYCH_SIDE_B, &n_uncovered);
  g_assert_cmpuint (n_uncovered, ==, 1);
  g_assert_cmpuint (uncovered[0].start, ==, 60);

  omission = g_list_model_get_item (diptych_project_get_omissions (loaded), 0);
  g_assert_cmpint (diptych_omission_get_side (omission), ==, DIPTYCH_SIDE_A);
  g_assert_cmpuint (diptych_omission_get_span (omission).end, ==, 82);

  annotation = g_list_model_get_item (diptych_project_get_annotations (loaded), 0);
  g_assert_cmpstr (diptych_annotation_get_note (annotation), ==, "Not in the Kremlin readout.\r\nSee <b> & \x02.");
  g_assert_cmpstr (diptych_annotation_get_tag (annotation), ==, "Omission");
  g_assert_cmpstr (diptych_annotation_get_link_id (annotation), ==, diptych_link_get_id (link));
  g_assert_cmpstr (diptych_annotation_get_quote (annotation), ==, "Prisoners: 175 for 175.");
  g_assert_cmpint (g_date_time_get_second (diptych_annotation_get_created (annotation)), ==, 12);
  g_assert_cmpint (g_date_time_get_microsecond (diptych_annotation_get_created (annotation)), ==, 500000);
}

static void
test_round_trip_files (void)
{
  g_autofree char *dir = project_test_tmpdir ();
  g_autofree char *path1 = g_build_filename (dir, "one.diptych", NULL);
  g_autofree char *path2 = g_build_filename (dir, "two.diptych", NULL);
  g_autoptr(GFile) file1 = g_file_new_for_path (path1);
  g_autoptr(GFile) file2 = g_file_new_for_path (path2);
  g_autoptr(DiptychProject) project = project_test_new ();
  g_autoptr(DiptychProject) loaded = NULL;
  g_autoptr(DiptychProject) empty = diptych_project_new ();
  g_autoptr(DiptychProject) empty_loaded = NULL;
  g_autoptr(GError) error = NULL;

  diptych_project_set_modified (project, TRUE);
  g_assert_true (diptych_project_save (project, file1, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (diptych_project_get_modified (project));
  g_assert_true (g_file_equal (diptych_project_get_file (project), file1));
  project_test_assert_valid (path1);

  loaded = diptych_project_load (file1, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_equal (diptych_project_get_file (loaded), file1));
  g_assert_true (diptych_project_save (loaded, file2, NULL, &error));
  g_assert_no_error (error);
  assert_same_bytes (path1, path2);

  /* An empty project is a valid file too. */
  g_assert_true (diptych_project_save (empty, file2, NULL, &error));
  g_assert_no_error (error);
  project_test_assert_valid (path2);
  empty_loaded = diptych_project_load (file2, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (diptych_project_get_document (empty_loaded, DIPTYCH_SIDE_A));

  project_test_rm_rf (dir);
}

static void
test_backup (void)
{
  g_autofree char *dir = project_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "p.diptych", NULL);
  g_autofree char *backup_path = g_build_filename (dir, "p.diptych~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) backup = diptych_project_get_backup_file (file);
  g_autoptr(DiptychProject) project = project_test_new ();
  g_autoptr(DiptychAnnotation) annotation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *in_backup = NULL;
  g_autofree char *second = NULL;

  g_assert_cmpstr (g_file_peek_path (backup), ==, backup_path);

  g_assert_true (diptych_project_save (project, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (backup_path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (path, &first, NULL, NULL));

  annotation = diptych_annotation_new (DIPTYCH_SIDE_B, DIPTYCH_SPAN_INIT (0, 3), "", "second");
  diptych_project_add_annotation (project, annotation);
  g_assert_true (diptych_project_save (project, file, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (backup_path, &in_backup, NULL, NULL));
  g_assert_true (g_file_get_contents (path, &second, NULL, NULL));
  g_assert_cmpstr (in_backup, ==, first);
  g_assert_cmpstr (second, !=, first);
  g_assert_nonnull (strstr (second, "second"));
  /* Nothing else left in the folder: no temporary file. */
  g_assert_cmpuint (count_files (dir), ==, 2);

  project_test_rm_rf (dir);
}

static void
test_changed_on_disk (void)
{
  g_autofree char *dir = project_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "p.diptych", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DiptychProject) project = project_test_new ();
  g_autoptr(DiptychProject) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *other = NULL;
  g_autofree char *after = NULL;

  g_assert_true (diptych_project_save (project, file, NULL, &error));
  g_assert_no_error (error);
  loaded = diptych_project_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (diptych_project_changed_on_disk (loaded, NULL));

  /* Saving again over our own file is fine. */
  g_assert_true (diptych_project_save (loaded, file, NULL, &error));
  g_assert_no_error (error);

  /* Another program rewrites it with other content. */
  xml = project_xml (project);
  other = replace_once (xml, "name=\"Question\"", "name=\"Questions asked elsewhere\"");
  g_assert_true (g_file_set_contents (path, other, -1, NULL));
  g_assert_true (diptych_project_changed_on_disk (loaded, NULL));

  g_assert_false (diptych_project_save (loaded, file, NULL, &error));
  g_assert_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_CHANGED_ON_DISK);
  g_assert_nonnull (strstr (error->message, "p.diptych"));
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, other);

  g_assert_true (diptych_project_save_full (loaded, file, DIPTYCH_SAVE_FORCE, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (diptych_project_changed_on_disk (loaded, NULL));

  project_test_rm_rf (dir);
}

static void
assert_failed_save_keeps_file (const DiptychSaveHooks *hooks,
                               int                     expected_code,
                               const char             *expected_text)
{
  g_autofree char *dir = project_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "p.diptych", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DiptychProject) project = project_test_new ();
  g_autoptr(DiptychAnnotation) annotation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (diptych_project_save (project, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));

  annotation = diptych_annotation_new (DIPTYCH_SIDE_B, DIPTYCH_SPAN_INIT (0, 3), "", "unsaved");
  diptych_project_add_annotation (project, annotation);

  diptych_project_io_set_save_hooks (hooks);
  g_assert_false (diptych_project_save (project, file, NULL, &error));
  diptych_project_io_set_save_hooks (NULL);

  g_assert_error (error, DIPTYCH_ERROR, expected_code);
  g_assert_nonnull (strstr (error->message, "p.diptych"));
  g_assert_nonnull (strstr (error->message, expected_text));
  g_assert_true (diptych_project_get_modified (project));

  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
  /* Only the project file: no temporary file, no backup of a failed save. */
  g_assert_cmpuint (count_files (dir), ==, 1);

  project_test_rm_rf (dir);
}

static void
test_save_failures (void)
{
  DiptychSaveHooks unwritable = { TRUE, -1, 0 };
  DiptychSaveHooks disk_full_start = { FALSE, 0, 0 };
  DiptychSaveHooks disk_full_middle = { FALSE, -1, 0 };
  DiptychSaveHooks disk_full_late = { FALSE, -1, 0 };
  g_autoptr(DiptychProject) project = project_test_new ();
  gsize length = 0;

  g_free (diptych_project_to_xml (project, &length));
  disk_full_middle.fail_after_bytes = length / 2;
  /* The last byte of the new version (with one more annotation) fails. */
  disk_full_late.fail_after_bytes = length;

  assert_failed_save_keeps_file (&unwritable, DIPTYCH_ERROR_IO, g_strerror (EACCES));
  assert_failed_save_keeps_file (&disk_full_start, DIPTYCH_ERROR_IO, g_strerror (ENOSPC));
  assert_failed_save_keeps_file (&disk_full_middle, DIPTYCH_ERROR_IO, g_strerror (ENOSPC));
  assert_failed_save_keeps_file (&disk_full_late, DIPTYCH_ERROR_IO, g_strerror (ENOSPC));
}

/* Leftovers of a killed save are cleaned up by the next save, unless
 * they are fresh (another instance may be saving right now). */
static void
test_stale_temporaries (void)
{
  g_autofree char *dir = project_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "p.diptych", NULL);
  g_autofree char *stale = g_build_filename (dir, ".p.diptych.AbC123", NULL);
  g_autofree char *fresh = g_build_filename (dir, ".p.diptych.XyZ789", NULL);
  g_autofree char *other = g_build_filename (dir, ".other.diptych.AbC123", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DiptychProject) project = project_test_new ();
  g_autoptr(GError) error = NULL;
  struct utimbuf old_times = { 1000000000, 1000000000 };

  g_assert_true (g_file_set_contents (stale, "partial", -1, NULL));
  g_assert_true (g_file_set_contents (fresh, "partial", -1, NULL));
  g_assert_true (g_file_set_contents (other, "partial", -1, NULL));
  g_assert_cmpint (g_utime (stale, &old_times), ==, 0);
  g_assert_cmpint (g_utime (other, &old_times), ==, 0);

  g_assert_true (diptych_project_save (project, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (fresh, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));

  project_test_rm_rf (dir);
}

/* Texts over libxml2's 10 MB limit for a text node, plain and base64. */
static void
test_huge_text (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(DiptychDocument) a = NULL;
  g_autoptr(DiptychDocument) b = NULL;
  g_autoptr(DiptychProject) project = diptych_project_new ();
  g_autoptr(DiptychProject) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *xml2 = NULL;
  gsize length = 0;

  while (text->len < 11 * 1000 * 1000)
    g_string_append (text, "Уважаемые коллеги & <partners>, the ceasefire holds.\n");
  a = diptych_document_new (text->str, text->len, "A", NULL, NULL, NULL, &error);
  g_string_append_c (text, '\x0c');
  b = diptych_document_new (text->str, text->len, "B", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  diptych_project_set_document (project, DIPTYCH_SIDE_A, a);
  diptych_project_set_document (project, DIPTYCH_SIDE_B, b);

  xml = diptych_project_to_xml (project, &length);
  g_assert_nonnull (strstr (xml, "<!---->"));
  loaded = diptych_project_from_xml (xml, length, "big.diptych", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (diptych_document_get_text (diptych_project_get_document (loaded, DIPTYCH_SIDE_A)), ==,
                   diptych_document_get_text (a));
  g_assert_cmpstr (diptych_document_get_text (diptych_project_get_document (loaded, DIPTYCH_SIDE_B)), ==,
                   diptych_document_get_text (b));
  xml2 = diptych_project_to_xml (loaded, NULL);
  g_assert_cmpstr (xml, ==, xml2);

  /* Also for tools that read files in pieces, as xmllint does. */
  {
    g_autofree char *dir = project_test_tmpdir ();
    g_autofree char *path = g_build_filename (dir, "big.diptych", NULL);

    g_assert_true (g_file_set_contents (path, xml, length, NULL));
    project_test_assert_valid (path);
    project_test_rm_rf (dir);
  }
}

/* What could not be opened again is not saved. */
static void
test_save_too_large (void)
{
  g_autofree char *dir = project_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "p.diptych", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DiptychProject) project = project_test_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  DiptychSaveHooks small = { FALSE, -1, 1000 };

  g_assert_true (diptych_project_save (project, file, NULL, &error));
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));

  diptych_project_io_set_save_hooks (&small);
  g_assert_false (diptych_project_save (project, file, NULL, &error));
  diptych_project_io_set_save_hooks (NULL);
  g_assert_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "p.diptych"));
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (count_files (dir), ==, 1);

  project_test_rm_rf (dir);
}

static void
test_save_through_symlink (void)
{
  g_autofree char *dir = project_test_tmpdir ();
  g_autofree char *real = g_build_filename (dir, "real.diptych", NULL);
  g_autofree char *link = g_build_filename (dir, "link.diptych", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (link);
  g_autoptr(DiptychProject) project = project_test_new ();
  g_autoptr(DiptychProject) loaded = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (real, "old", -1, NULL));
  g_assert_cmpint (symlink ("real.diptych", link), ==, 0);

  g_assert_true (diptych_project_save (project, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  loaded = diptych_project_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);

  project_test_rm_rf (dir);
}

static void
test_save_missing_folder (void)
{
  g_autoptr(DiptychProject) project = project_test_new ();
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent-diptych-folder/p.diptych");
  g_autoptr(GError) error = NULL;

  g_assert_false (diptych_project_save (project, file, NULL, &error));
  g_assert_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "p.diptych"));
}

typedef struct
{
  const char *name;
  const char *old;     /* NULL: use new as the whole file */
  const char *new;
  int         code;
  const char *expected;
} Hostile;

static void
test_hostile (void)
{
  g_autoptr(DiptychProject) project = project_test_new ();
  g_autofree char *xml = project_xml (project);
  static const Hostile cases[] = {
    { "wrong version", "version=\"1\"", "version=\"one\"", DIPTYCH_ERROR_UNSUPPORTED, "unknown version" },
    { "future version", "version=\"1\"", "version=\"3\"", DIPTYCH_ERROR_UNSUPPORTED, "newer version of Diptych (format 3)" },
    { "doctype", "<diptych-project", "<!DOCTYPE diptych-project>\n<diptych-project", DIPTYCH_ERROR_UNSUPPORTED, "DOCTYPE" },
    { "billion laughs", "<diptych-project",
      "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
      "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>\n<diptych-project",
      DIPTYCH_ERROR_UNSUPPORTED, "DOCTYPE" },
    { "external entity", "<diptych-project",
      "<!DOCTYPE p [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n<diptych-project",
      DIPTYCH_ERROR_UNSUPPORTED, "DOCTYPE" },
    { "undeclared entity", "White House", "&xxe; White House", DIPTYCH_ERROR_PARSE, "line " },
    { "offset out of range", "a-end=\"34\"", "a-end=\"9999\"", DIPTYCH_ERROR_INVALID, "out of document A" },
    { "huge offset", "a-end=\"34\"", "a-end=\"99999999999999999999\"", DIPTYCH_ERROR_INVALID, "not a valid offset" },
    { "reversed span", "start=\"59\" end=\"82\" state", "start=\"59\" end=\"50\" state", DIPTYCH_ERROR_INVALID, "empty or reversed" },
    { "duplicate id", "<omission id=\"o2\"", "<omission id=\"l1\"", DIPTYCH_ERROR_INVALID, "“l1” is used twice" },
    { "missing link", "link=\"l1\"", "link=\"l99\"", DIPTYCH_ERROR_INVALID, "link “l99”, which does not exist" },
    { "unknown tag", "tag=\"Omission\"", "tag=\"Nope\"", DIPTYCH_ERROR_INVALID, "tag “Nope”" },
    { "missing settings", "  <settings granularity=\"clause\" sensitivity=\"0.712346\"/>\n", "", DIPTYCH_ERROR_INVALID, "the element <settings> is missing" },
    { "missing list", "  <omissions>\n    <omission id=\"o2\" side=\"a\" start=\"59\" end=\"82\" state=\"auto\"/>\n  </omissions>\n", "", DIPTYCH_ERROR_INVALID, "the element <omissions> is missing" },
    { "unknown element", "  <omissions>", "  <omissionz/>\n  <omissions>", DIPTYCH_ERROR_INVALID, "line " },
    { "mismatched tags", "  <omissions>\n", "  <omissionz>\n", DIPTYCH_ERROR_PARSE, "Opening and ending tag mismatch" },
    { "schema", "kind=\"reworded\"", "kind=\"sideways\"", DIPTYCH_ERROR_INVALID, "line " },
    { "checksum", "Hockey matches.", "Hockey matchez.", DIPTYCH_ERROR_INVALID, "SHA-256" },
    { "sensitivity", "sensitivity=\"0.712346\"", "sensitivity=\"7\"", DIPTYCH_ERROR_INVALID, "sensitivity" },
    { "not a project", NULL, "<html><body/></html>", DIPTYCH_ERROR_UNSUPPORTED, "is not a Diptych project" },
    { "other namespace", NULL, "<diptych-project version=\"1\"/>", DIPTYCH_ERROR_UNSUPPORTED, "is not a Diptych project" },
    { "empty", NULL, "", DIPTYCH_ERROR_PARSE, "empty" },
    { "not xml", NULL, "hello", DIPTYCH_ERROR_PARSE, "line 1, column 1" },
    { "binary", NULL, "\x89PNG\r\n\x1a\n", DIPTYCH_ERROR_PARSE, "line 1" },
    { "invalid utf-8", "Hockey", "Hock\xff\xfey", DIPTYCH_ERROR_PARSE, "line " },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *data = cases[i].old != NULL ? replace_once (xml, cases[i].old, cases[i].new)
                                                   : g_strdup (cases[i].new);
      g_autoptr(GError) error = NULL;
      g_autoptr(DiptychProject) loaded = NULL;

      g_test_message ("hostile: %s", cases[i].name);
      loaded = diptych_project_from_xml (data, strlen (data), "x.diptych", &error);
      g_assert_null (loaded);
      g_assert_nonnull (error);
      g_test_message ("  -> %s", error->message);
      g_assert_true (error->domain == DIPTYCH_ERROR);
      g_assert_cmpint (error->code, ==, cases[i].code);
      g_assert_true (g_str_has_prefix (error->message, "“x.diptych”"));
      g_assert_nonnull (strstr (error->message, cases[i].expected));
    }
}

static void
test_hostile_truncated (void)
{
  g_autoptr(DiptychProject) project = project_test_new ();
  gsize length = 0;
  g_autofree char *xml = diptych_project_to_xml (project, &length);

  /* Every cut of the file is refused, with a position. */
  for (gsize cut = 0; cut < length - 1; cut += 7)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DiptychProject) loaded = diptych_project_from_xml (xml, cut, "x.diptych", &error);

      g_assert_null (loaded);
      g_assert_nonnull (error);
      g_assert_true (error->code == DIPTYCH_ERROR_PARSE || error->code == DIPTYCH_ERROR_INVALID);
      g_assert_true (cut == 0 || strstr (error->message, "line ") != NULL);
    }
}

/* Random damage (flipped, dropped and inserted bytes) never crashes the
 * reader: it loads or says why not. */
static void
test_hostile_mutations (void)
{
  g_autoptr(DiptychProject) project = project_test_new ();
  gsize length = 0;
  g_autofree char *xml = diptych_project_to_xml (project, &length);
  static const char junk[] = "<>&\"'=/!?;#x0123456789abcdef \n\x01\xff\xc3";
  guint loaded = 0;

  for (guint round = 0; round < 400; round++)
    {
      g_autoptr(GString) data = g_string_new_len (xml, length);
      g_autoptr(GError) error = NULL;
      g_autoptr(DiptychProject) result = NULL;
      guint n_changes = g_test_rand_int_range (1, 4);

      for (guint k = 0; k < n_changes; k++)
        {
          guint at = g_test_rand_int_range (0, data->len);
          char c = junk[g_test_rand_int_range (0, sizeof junk - 1)];

          switch (g_test_rand_int_range (0, 3))
            {
            case 0: data->str[at] = c; break;
            case 1: g_string_erase (data, at, 1); break;
            default: g_string_insert_c (data, at, c); break;
            }
        }

      result = diptych_project_from_xml (data->str, data->len, "x.diptych", &error);
      if (result != NULL)
        {
          g_autofree char *again = diptych_project_to_xml (result, NULL);
          g_assert_no_error (error);
          g_assert_nonnull (again);
          loaded++;
        }
      else
        {
          g_assert_nonnull (error);
          g_assert_true (error->domain == DIPTYCH_ERROR);
          g_assert_true (g_str_has_prefix (error->message, "“x.diptych”"));
        }
    }

  g_test_message ("%u of 400 damaged files still loaded", loaded);
}

static void
test_hostile_files (void)
{
  g_autofree char *dir = project_test_tmpdir ();
  g_autofree char *big = g_build_filename (dir, "big.diptych", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.diptych", NULL);
  g_autoptr(GFile) big_file = g_file_new_for_path (big);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/none.diptych");
  g_autoptr(GError) error = NULL;
  g_autoptr(DiptychProject) project = NULL;
  GStatBuf st_before;
  GStatBuf st_after;
  g_autofree char *after = NULL;
  FILE *f;

  /* 100 MB (sparse): refused by its size, before reading it. */
  f = fopen (big, "w");
  g_assert_nonnull (f);
  g_assert_cmpint (ftruncate (fileno (f), 100 * 1024 * 1024), ==, 0);
  fclose (f);
  project = diptych_project_load (big_file, NULL, &error);
  g_assert_null (project);
  g_assert_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "big.diptych"));
  g_assert_nonnull (strstr (error->message, "too large"));
  g_clear_error (&error);

  project = diptych_project_load (missing, NULL, &error);
  g_assert_null (project);
  g_assert_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A file that fails to load is not touched. */
  g_assert_true (g_file_set_contents (bad, "<diptych-project xmlns=\"https://diptych.github.io/ns/project/1\" version=\"1\">", -1, NULL));
  g_assert_cmpint (g_stat (bad, &st_before), ==, 0);
  project = diptych_project_load (bad_file, NULL, &error);
  g_assert_null (project);
  g_assert_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "“bad.diptych” is not a valid Diptych project: line 1, column"));
  g_assert_cmpint (g_stat (bad, &st_after), ==, 0);
  g_assert_cmpint (st_after.st_mtime, ==, st_before.st_mtime);
  g_assert_cmpint (st_after.st_size, ==, st_before.st_size);
  g_assert_true (g_file_get_contents (bad, &after, NULL, NULL));
  g_assert_nonnull (strstr (after, "version=\"1\">"));

  project_test_rm_rf (dir);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  DiptychProject **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = diptych_project_load_finish (result, &error);
  g_assert_no_error (error);
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (diptych_project_save_finish (DIPTYCH_PROJECT (source), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
on_load_cancelled (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(DiptychProject) project = diptych_project_load_finish (result, &error);

  g_assert_null (project);
  g_assert_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_CANCELLED);
  *done = TRUE;
}

static void
test_async_cancelled (void)
{
  g_autofree char *dir = project_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "p.diptych", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DiptychProject) project = project_test_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  gboolean done = FALSE;

  g_assert_true (diptych_project_save (project, file, NULL, &error));
  g_cancellable_cancel (cancellable);
  diptych_project_load_async (file, cancellable, on_load_cancelled, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  project_test_rm_rf (dir);
}

static void
test_async (void)
{
  g_autofree char *dir = project_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "p.diptych", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DiptychProject) project = project_test_new ();
  g_autoptr(DiptychProject) loaded = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *xml2 = NULL;
  gboolean done = FALSE;

  diptych_project_set_modified (project, TRUE);
  diptych_project_save_async (project, file, DIPTYCH_SAVE_NONE, NULL, on_saved, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (diptych_project_get_modified (project));
  project_test_assert_valid (path);

  diptych_project_load_async (file, NULL, on_loaded, &loaded);
  while (loaded == NULL)
    g_main_context_iteration (NULL, TRUE);

  xml = project_xml (project);
  xml2 = project_xml (loaded);
  g_assert_cmpstr (xml, ==, xml2);

  project_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/project-io/round-trip/memory", test_round_trip_memory);
  g_test_add_func ("/project-io/round-trip/files", test_round_trip_files);
  g_test_add_func ("/project-io/save/backup", test_backup);
  g_test_add_func ("/project-io/save/changed-on-disk", test_changed_on_disk);
  g_test_add_func ("/project-io/save/failures", test_save_failures);
  g_test_add_func ("/project-io/save/missing-folder", test_save_missing_folder);
  g_test_add_func ("/project-io/save/stale-temporaries", test_stale_temporaries);
  g_test_add_func ("/project-io/save/too-large", test_save_too_large);
  g_test_add_func ("/project-io/save/symlink", test_save_through_symlink);
  g_test_add_func ("/project-io/round-trip/huge-text", test_huge_text);
  g_test_add_func ("/project-io/hostile/strings", test_hostile);
  g_test_add_func ("/project-io/hostile/truncated", test_hostile_truncated);
  g_test_add_func ("/project-io/hostile/mutations", test_hostile_mutations);
  g_test_add_func ("/project-io/hostile/files", test_hostile_files);
  g_test_add_func ("/project-io/async", test_async);
  g_test_add_func ("/project-io/async-cancelled", test_async_cancelled);

  return g_test_run ();
}
