/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "diptych-core.h"

/* `diptych compare` run as a process, as scripts use it. */

typedef struct
{
  char *dir;
  char *a;
  char *b;
} Fixture;

static char *
tmp_path (Fixture    *f,
          const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("diptych-cli-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->a = g_test_build_filename (G_TEST_DIST, "data", "report-a.txt", NULL);
  f->b = g_test_build_filename (G_TEST_DIST, "data", "report-b.txt", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->a);
  g_free (f->b);
}

/* Runs diptych with the arguments; returns the exit status. */
static int
run (char       **out,
     char       **err,
     const char  *first,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *local_out = NULL;
  g_autofree char *local_err = NULL;
  int status = -1;
  va_list args;

  g_ptr_array_add (argv, (char *) DIPTYCH_BIN);
  g_ptr_array_add (argv, (char *) "compare");
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &local_out, &local_err, &status, &error);
  g_assert_no_error (error);
  if (out != NULL)
    *out = g_steal_pointer (&local_out);
  if (err != NULL)
    *err = g_steal_pointer (&local_err);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static JsonObject *
parse_json (JsonParser *parser,
            const char *data)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, data, -1, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* A failure prints exactly one line, naming what went wrong. */
static void
assert_one_line (const char *err,
                 const char *expected)
{
  g_assert_true (g_str_has_prefix (err, "diptych: "));
  g_assert_true (g_str_has_suffix (err, "\n"));
  g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
  g_assert_nonnull (strstr (err, expected));
}

static void
test_cli_all_outputs (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *json = tmp_path (f, "r.json");
  g_autofree char *html = tmp_path (f, "r.html");
  g_autofree char *csv = tmp_path (f, "r.csv");
  g_autofree char *pdf = tmp_path (f, "r.pdf");
  g_autofree char *project = tmp_path (f, "r.diptych");
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  JsonArray *links;
  int status;

  status = run (&out, &err, f->a, f->b, "--json", json, "--html", html, "--csv", csv,
                "--pdf", pdf, "--project", project, "--paper", "letter", NULL);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (out, ==, "");

  contents = read_file (json);
  root = parse_json (parser, contents);
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "diptych-alignment");
  links = json_object_get_array_member (root, "links");
  g_assert_cmpuint (json_array_get_length (links), >=, 3);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "omissions")), >=, 1);
  {
    /* The identical sentence is linked to itself. */
    gboolean found = FALSE;

    for (guint i = 0; i < json_array_get_length (links); i++)
      {
        JsonObject *text = json_object_get_object_member (json_array_get_object_element (links, i), "text");
        if (g_str_equal (json_object_get_string_member (text, "a"), "Both sides welcomed the exchange of 95 prisoners."))
          {
            g_assert_cmpstr (json_object_get_string_member (text, "b"), ==, "Both sides welcomed the exchange of 95 prisoners.");
            found = TRUE;
          }
      }
    g_assert_true (found);
  }
  g_clear_pointer (&contents, g_free);

  contents = read_file (html);
  g_assert_true (g_str_has_prefix (contents, "<!DOCTYPE html>"));
  g_assert_nonnull (strstr (contents, "Both sides welcomed the exchange of 95 prisoners."));
  g_clear_pointer (&contents, g_free);

  contents = read_file (csv);
  g_assert_true (g_str_has_prefix (contents, "record,id,side,a_start,a_end,a_text,"));
  g_assert_nonnull (strstr (contents, "\r\nlink,"));
  g_clear_pointer (&contents, g_free);

  {
    /* Binary: compressed streams may hold NUL bytes before the page
     * dictionaries. */
    static const char letter[] = "/MediaBox [ 0 0 612 792 ]";
    gsize length = 0;

    g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
    g_assert_true (g_str_has_prefix (contents, "%PDF-"));
    gboolean found_letter = FALSE;

    for (gsize i = 0; !found_letter && i + sizeof letter - 1 <= length; i++)
      found_letter = memcmp (contents + i, letter, sizeof letter - 1) == 0;
    g_assert_true (found_letter);
    g_clear_pointer (&contents, g_free);
  }

  contents = read_file (project);
  g_assert_nonnull (strstr (contents, "<diptych-project"));
}

static void
test_cli_stdout (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root, *a;

  g_assert_cmpint (run (&out, &err, f->a, f->b, "--granularity", "paragraph", "--sensitivity", "0.3", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  root = parse_json (parser, out);
  a = json_object_get_object_member (json_object_get_object_member (root, "documents"), "a");
  g_assert_cmpstr (json_object_get_string_member (a, "path"), ==, f->a);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "settings"), "granularity"),
                   ==, "paragraph");
}

static void
test_cli_project (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *project_path = tmp_path (f, "saved.diptych");
  g_autofree char *other_path = tmp_path (f, "saved-copy");
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(DiptychProject) project = NULL;
  g_autoptr(DiptychAnnotation) annotation = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *note;
  JsonArray *annotations;
  guint n_links;

  g_assert_cmpint (run (NULL, &err, f->a, f->b, "--project", project_path, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_clear_pointer (&err, g_free);

  /* The user annotates the saved project... */
  file = g_file_new_for_path (project_path);
  project = diptych_project_load (file, NULL, &error);
  g_assert_no_error (error);
  n_links = g_list_model_get_n_items (diptych_project_get_links (project));
  g_assert_cmpuint (n_links, >=, 3);
  annotation = diptych_annotation_new (DIPTYCH_SIDE_B, DIPTYCH_SPAN_INIT (0, 9), "Question", "Whose statement?");
  diptych_project_add_annotation (project, annotation);
  g_assert_true (diptych_project_save (project, file, NULL, &error));
  g_assert_no_error (error);

  /* ...and exports it again from the command line, annotations included. */
  g_assert_cmpint (run (&out, &err, project_path, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  root = parse_json (parser, out);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "links")), ==, n_links);
  /* Word-level differences are recomputed (project files do not keep them). */
  g_assert_true (json_object_has_member (json_array_get_object_element (json_object_get_array_member (root, "links"), 0),
                                         "word_diff"));
  annotations = json_object_get_array_member (root, "annotations");
  g_assert_cmpuint (json_array_get_length (annotations), ==, 1);
  note = json_array_get_object_element (annotations, 0);
  g_assert_cmpstr (json_object_get_string_member (note, "doc"), ==, "b");
  g_assert_cmpstr (json_object_get_string_member (note, "tag"), ==, "Question");
  g_assert_cmpstr (json_object_get_string_member (note, "note"), ==, "Whose statement?");
  g_assert_cmpstr (json_object_get_string_member (note, "quote"), ==, "Statement");

  /* A project is recognised by its content too. */
  g_assert_true (g_rename (project_path, other_path) == 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&out, &err, other_path, "--only-annotated", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_nonnull (strstr (out, "Whose statement?"));
}

static void
test_cli_errors (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *binary = tmp_path (f, "binary.txt");
  g_autofree char *latin1 = tmp_path (f, "latin1.txt");
  g_autofree char *missing = tmp_path (f, "missing.txt");
  g_autofree char *unwritable = g_build_filename (f->dir, "no-such-dir", "r.html", NULL);
  g_autofree char *err = NULL;

  g_assert_true (g_file_set_contents (binary, "PK\003\004\000\000binary", 12, NULL));
  g_assert_true (g_file_set_contents (latin1, "line one\ncaf\xe9\n", -1, NULL));

  g_assert_cmpint (run (NULL, &err, missing, f->b, NULL), ==, 1);
  assert_one_line (err, "“missing.txt” does not exist");
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (NULL, &err, f->a, binary, NULL), ==, 1);
  assert_one_line (err, "binary file");
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (NULL, &err, latin1, f->b, NULL), ==, 1);
  assert_one_line (err, "“latin1.txt” is not valid UTF-8 text (line 2)");
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (NULL, &err, f->a, f->b, "--html", unwritable, NULL), ==, 1);
  assert_one_line (err, "could not be written");
  g_clear_pointer (&err, g_free);
  g_assert_false (g_file_test (unwritable, G_FILE_TEST_EXISTS));

  /* Usage errors. */
  g_assert_cmpint (run (NULL, &err, NULL), ==, 2);
  assert_one_line (err, "two documents");
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (NULL, &err, f->a, NULL), ==, 2);
  assert_one_line (err, "is not a Diptych project");
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (NULL, &err, f->a, f->b, f->a, NULL), ==, 2);
  assert_one_line (err, "two documents");
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (NULL, &err, f->a, f->b, "--sensitivity", "1.5", NULL), ==, 2);
  assert_one_line (err, "between 0 and 1");
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (NULL, &err, f->a, f->b, "--granularity", "word", NULL), ==, 2);
  assert_one_line (err, "“word”");
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (NULL, &err, f->a, f->b, "--paper", "a5", NULL), ==, 2);
  assert_one_line (err, "“a5”");
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (NULL, &err, f->a, f->b, "--frobnicate", NULL), ==, 2);
  assert_one_line (err, "--frobnicate");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/all-outputs", Fixture, NULL, fixture_set_up, test_cli_all_outputs, fixture_tear_down);
  g_test_add ("/cli/stdout", Fixture, NULL, fixture_set_up, test_cli_stdout, fixture_tear_down);
  g_test_add ("/cli/project", Fixture, NULL, fixture_set_up, test_cli_project, fixture_tear_down);
  g_test_add ("/cli/errors", Fixture, NULL, fixture_set_up, test_cli_errors, fixture_tear_down);

  return g_test_run ();
}
