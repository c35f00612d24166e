/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "report-fixture.h"

static JsonObject *
parse (JsonParser *parser,
       const char *text)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_node_get_object (json_parser_get_root (parser));
}

static void
assert_span (JsonObject *object,
             const char *member,
             DiptychSpan expected)
{
  JsonObject *span = json_object_get_object_member (object, member);

  g_assert_nonnull (span);
  g_assert_cmpint (json_object_get_int_member (span, "start"), ==, expected.start);
  g_assert_cmpint (json_object_get_int_member (span, "end"), ==, expected.end);
}

static JsonObject *
find_by_id (JsonArray  *array,
            const char *id)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      if (g_strcmp0 (json_object_get_string_member (object, "id"), id) == 0)
        return object;
    }
  return NULL;
}

static void
test_json_contract (void)
{
  g_autoptr(DiptychProject) project = report_fixture_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *text = report_fixture_write (project, DIPTYCH_REPORT_JSON, NULL, NULL);
  JsonObject *root = parse (parser, text);
  JsonObject *documents, *a, *b, *link;
  JsonArray *links, *omissions, *annotations, *terms;
  const char *ta = report_fixture_text_a, *tb = report_fixture_text_b;

  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "diptych-alignment");
  g_assert_cmpint (json_object_get_int_member (root, "version"), ==, 1);

  documents = json_object_get_object_member (root, "documents");
  a = json_object_get_object_member (documents, "a");
  b = json_object_get_object_member (documents, "b");
  g_assert_cmpstr (json_object_get_string_member (a, "path"), ==, "/data/wh.txt");
  g_assert_cmpstr (json_object_get_string_member (b, "path"), ==, "/data/kremlin.txt");
  /* Code points, not bytes. */
  g_assert_cmpint (json_object_get_int_member (a, "chars"), ==, g_utf8_strlen (ta, -1));
  g_assert_cmpint (json_object_get_int_member (b, "chars"), ==, g_utf8_strlen (tb, -1));
  g_assert_cmpint (json_object_get_int_member (b, "chars"), <, strlen (tb));

  /* The rejected link is left out. */
  links = json_object_get_array_member (root, "links");
  g_assert_cmpuint (json_array_get_length (links), ==, 3);
  g_assert_null (find_by_id (links, "l4"));

  link = find_by_id (links, "l1");
  g_assert_nonnull (link);
  assert_span (link, "a", report_fixture_span (ta, "Leaders spoke on 18 March for 90 minutes."));
  assert_span (link, "b", report_fixture_span (tb, "Лидеры говорили 19 марта."));
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (link, "score"), 0.612, 1e-9);
  g_assert_cmpstr (json_object_get_string_member (link, "kind"), ==, "partial");
  g_assert_cmpstr (json_object_get_string_member (link, "state"), ==, "auto");
  terms = json_object_get_array_member (link, "shared_terms");
  g_assert_cmpuint (json_array_get_length (terms), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (terms, 0), ==, "march");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (link, "text"), "b"),
                   ==, "Лидеры говорили 19 марта.");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (link, "word_diff")), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (link, "word_diff"), 1), "discrepancy"),
                   ==, "date");

  link = find_by_id (links, "l2");
  g_assert_cmpstr (json_object_get_string_member (link, "state"), ==, "confirmed");
  g_assert_cmpstr (json_object_get_string_member (link, "kind"), ==, "reworded");
  link = find_by_id (links, "l3");
  g_assert_cmpstr (json_object_get_string_member (link, "state"), ==, "manual");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (link, "shared_terms")), ==, 0);

  omissions = json_object_get_array_member (root, "omissions");
  g_assert_cmpuint (json_array_get_length (omissions), ==, 4);
  {
    JsonObject *o = json_array_get_object_element (omissions, 2);
    DiptychSpan span = report_fixture_span (tb, "مرحبا بالعالم، هذا نص عربي.");

    g_assert_cmpstr (json_object_get_string_member (o, "doc"), ==, "b");
    g_assert_cmpint (json_object_get_int_member (o, "start"), ==, span.start);
    g_assert_cmpint (json_object_get_int_member (o, "end"), ==, span.end);
    g_assert_cmpstr (json_object_get_string_member (o, "text"), ==, "مرحبا بالعالم، هذا نص عربي.");
  }

  annotations = json_object_get_array_member (root, "annotations");
  g_assert_cmpuint (json_array_get_length (annotations), ==, 3);
  {
    JsonObject *n = json_array_get_object_element (annotations, 0);

    g_assert_cmpstr (json_object_get_string_member (n, "doc"), ==, "a");
    g_assert_cmpstr (json_object_get_string_member (n, "tag"), ==, "Demand");
    /* Control characters, quotes and markup survive the round trip. */
    g_assert_cmpstr (json_object_get_string_member (n, "note"), ==,
                     "Note with <b>bold</b> & \"quotes\", commas\nand a newline\x01.");
    g_assert_cmpstr (json_object_get_string_member (n, "quote"), ==, "<script>alert(1)</script>");
  }
}

static void
test_json_options (void)
{
  g_autoptr(DiptychProject) project = report_fixture_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  DiptychReportOptions options = DIPTYCH_REPORT_OPTIONS_DEFAULT;
  g_autofree char *text = NULL;
  JsonObject *root;
  JsonArray *links;

  options.only_annotated = TRUE;
  options.word_diff = FALSE;
  options.title = "My “report”";
  text = report_fixture_write (project, DIPTYCH_REPORT_JSON, &options, NULL);
  root = parse (parser, text);

  g_assert_cmpstr (json_object_get_string_member (root, "title"), ==, "My “report”");
  /* Only l3 is annotated (by link id and by a passage of B). */
  links = json_object_get_array_member (root, "links");
  g_assert_cmpuint (json_array_get_length (links), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (links, 0), "id"), ==, "l3");
  g_assert_false (json_object_has_member (json_array_get_object_element (links, 0), "word_diff"));
  /* The two omissions of A hold annotations; those of B do not. */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "omissions")), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "annotations")), ==, 3);
}

static void
test_json_large (void)
{
  g_autoptr(DiptychProject) project = report_fixture_new_large (500);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *text = report_fixture_write (project, DIPTYCH_REPORT_JSON, NULL, NULL);
  JsonObject *root = parse (parser, text);

  /* Every tenth sentence is omitted, the others linked. */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "links")), ==, 450);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "omissions")), ==, 50);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "annotations")), ==, 5);
}

static void
test_json_no_documents (void)
{
  g_autoptr(DiptychProject) project = diptych_project_new ();
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_false (diptych_report_write_json (project, NULL, stream, NULL, &error));
  g_assert_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_INVALID);
}

static void
test_json_bad_span (void)
{
  g_autoptr(DiptychProject) project = report_fixture_new ();
  g_autoptr(DiptychAnnotation) bad = diptych_annotation_new (DIPTYCH_SIDE_B, DIPTYCH_SPAN_INIT (5, 100000), "Demand", "x");
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  diptych_project_add_annotation (project, bad);
  g_assert_false (diptych_report_write_json (project, NULL, stream, NULL, &error));
  g_assert_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_INVALID);
}

static void
test_json_keeps_word_ops (void)
{
  g_autoptr(DiptychProject) project = report_fixture_new ();
  DiptychLink *l2 = diptych_project_find_link (project, "l2");
  DiptychReportOptions options = DIPTYCH_REPORT_OPTIONS_DEFAULT;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  /* Without differences, the report leaves the link as it is... */
  g_assert_false (diptych_link_has_word_ops (l2));
  options.word_diff = FALSE;
  first = report_fixture_write (project, DIPTYCH_REPORT_JSON, &options, NULL);
  g_assert_false (diptych_link_has_word_ops (l2));

  /* ...with them, the link keeps those computed, for the next report. */
  g_clear_pointer (&first, g_free);
  first = report_fixture_write (project, DIPTYCH_REPORT_JSON, NULL, NULL);
  g_assert_true (diptych_link_has_word_ops (l2));
  second = report_fixture_write (project, DIPTYCH_REPORT_JSON, NULL, NULL);
  g_assert_cmpstr (first, ==, second);
}

typedef struct
{
  GMainLoop *loop;
  GError    *error;
  gboolean   ok;
  guint      n_progress;
  double     last_fraction;
  gboolean   monotonic;
  GThread   *main_thread;
} AsyncData;

static void
on_progress (double   fraction,
             gpointer user_data)
{
  AsyncData *data = user_data;

  /* Delivered on the caller's thread, never going back. */
  g_assert_true (g_thread_self () == data->main_thread);
  if (fraction < data->last_fraction)
    data->monotonic = FALSE;
  data->last_fraction = fraction;
  data->n_progress++;
}

static void
on_written (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  AsyncData *data = user_data;

  data->ok = diptych_report_write_finish (result, &data->error);
  g_main_loop_quit (data->loop);
}

static void
test_json_async (void)
{
  g_autoptr(DiptychProject) project = report_fixture_new_large (3000);
  g_autofree char *dir = g_dir_make_tmp ("diptych-json-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "report.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  AsyncData data = { loop, NULL, FALSE, 0, 0.0, TRUE, g_thread_self () };
  JsonObject *root;

  diptych_report_write_async (project, DIPTYCH_REPORT_JSON, NULL, file, on_progress, &data,
                              NULL, on_written, &data);
  g_main_loop_run (loop);
  g_assert_no_error (data.error);
  g_assert_true (data.ok);
  /* Pending progress callbacks run before the loop is idle again. */
  while (g_main_context_iteration (NULL, FALSE));
  g_assert_cmpuint (data.n_progress, >=, 2);
  g_assert_true (data.monotonic);
  g_assert_cmpfloat (data.last_fraction, ==, 1.0);

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "links")), ==, 2700);

  g_remove (path);
  g_rmdir (dir);
}

/* Computed on the worker, the differences reach the links in _finish. */
static void
test_json_async_keeps_word_ops (void)
{
  g_autoptr(DiptychProject) project = report_fixture_new ();
  DiptychLink *l2 = diptych_project_find_link (project, "l2");
  g_autofree char *dir = g_dir_make_tmp ("diptych-json-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "report.html", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  AsyncData data = { loop, NULL, FALSE, 0, 0.0, TRUE, g_thread_self () };

  g_assert_false (diptych_link_has_word_ops (l2));
  diptych_report_write_async (project, DIPTYCH_REPORT_HTML, NULL, file, NULL, NULL,
                              NULL, on_written, &data);
  g_main_loop_run (loop);
  g_assert_no_error (data.error);
  g_assert_true (data.ok);
  g_assert_true (diptych_link_has_word_ops (l2));

  g_remove (path);
  g_rmdir (dir);
}

static void
cancel_on_progress (double   fraction,
                    gpointer user_data)
{
  g_cancellable_cancel (user_data);
}

/* Cancelled while the PDF's layout threads are at work. */
static void
test_json_async_cancelled_midway (void)
{
  g_autoptr(DiptychProject) project = report_fixture_new_large (3000);
  g_autofree char *dir = g_dir_make_tmp ("diptych-json-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  AsyncData data = { loop, NULL, FALSE, 0, 0.0, TRUE, g_thread_self () };

  diptych_report_write_async (project, DIPTYCH_REPORT_PDF, NULL, file, cancel_on_progress, cancellable,
                              cancellable, on_written, &data);
  g_main_loop_run (loop);
  g_assert_false (data.ok);
  g_assert_error (data.error, DIPTYCH_ERROR, DIPTYCH_ERROR_CANCELLED);
  g_clear_error (&data.error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_rmdir (dir);
}

static void
test_json_async_cancelled (void)
{
  g_autoptr(DiptychProject) project = report_fixture_new_large (200);
  g_autofree char *dir = g_dir_make_tmp ("diptych-json-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "report.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  AsyncData data = { loop, NULL, FALSE, 0, 0.0, TRUE, g_thread_self () };
  static const char previous[] = "previous report";
  g_autofree char *contents = NULL;

  /* An earlier report stays as it was. */
  g_assert_true (g_file_set_contents (path, previous, -1, NULL));
  g_cancellable_cancel (cancellable);
  diptych_report_write_async (project, DIPTYCH_REPORT_PDF, NULL, file, NULL, NULL,
                              cancellable, on_written, &data);
  g_main_loop_run (loop);
  g_assert_false (data.ok);
  g_assert_nonnull (data.error);
  g_assert_error (data.error, DIPTYCH_ERROR, DIPTYCH_ERROR_CANCELLED);
  g_clear_error (&data.error);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, previous);
  g_remove (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/json/contract", test_json_contract);
  g_test_add_func ("/report/json/options", test_json_options);
  g_test_add_func ("/report/json/large", test_json_large);
  g_test_add_func ("/report/json/no-documents", test_json_no_documents);
  g_test_add_func ("/report/json/bad-span", test_json_bad_span);
  g_test_add_func ("/report/json/keeps-word-ops", test_json_keeps_word_ops);
  g_test_add_func ("/report/json/async", test_json_async);
  g_test_add_func ("/report/json/async-cancelled", test_json_async_cancelled);
  g_test_add_func ("/report/json/async-keeps-word-ops", test_json_async_keeps_word_ops);
  g_test_add_func ("/report/json/async-cancelled-midway", test_json_async_cancelled_midway);

  return g_test_run ();
}
