/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

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

  return g_test_run ();
}
