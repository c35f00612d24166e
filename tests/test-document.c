/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "diptych-core.h"

static void
test_document_offsets (void)
{
  /* Mixed widths: ASCII, 2-byte, 3-byte and 4-byte characters, long
   * enough to cross several checkpoints. */
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(DiptychDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  guint expected_chars = 0;

  for (guint i = 0; i < 100; i++)
    {
      g_string_append (text, "aé€😀 ");
      expected_chars += 5;
    }

  doc = diptych_document_new (text->str, text->len, "t", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (diptych_document_get_length (doc), ==, expected_chars);
  g_assert_cmpuint (diptych_document_get_n_bytes (doc), ==, text->len);

  for (guint off = 0; off <= expected_chars; off++)
    {
      gsize byte = diptych_document_char_to_byte (doc, off);
      const char *expected = g_utf8_offset_to_pointer (text->str, off);

      g_assert_cmpuint (byte, ==, (gsize) (expected - text->str));
      g_assert_cmpuint (diptych_document_byte_to_char (doc, byte), ==, off);
    }

  /* A byte inside a 4-byte character belongs to that character. */
  g_assert_cmpuint (diptych_document_byte_to_char (doc, 7), ==, 3);
  g_assert_cmpuint (diptych_document_byte_to_char (doc, 8), ==, 3);
  /* Past the end clamps. */
  g_assert_cmpuint (diptych_document_char_to_byte (doc, 100000), ==, text->len);
}

static void
test_document_spans (void)
{
  g_autoptr(DiptychDocument) doc = diptych_document_new ("Кремль и Белый дом", -1, NULL, NULL, NULL, NULL, NULL);
  g_autofree char *word = NULL;

  g_assert_nonnull (doc);
  word = diptych_document_dup_span (doc, DIPTYCH_SPAN_INIT (9, 14));
  g_assert_cmpstr (word, ==, "Белый");
  g_assert_true (diptych_document_span_is_valid (doc, DIPTYCH_SPAN_INIT (0, 18)));
  g_assert_false (diptych_document_span_is_valid (doc, DIPTYCH_SPAN_INIT (0, 19)));
  g_assert_false (diptych_document_span_is_valid (doc, DIPTYCH_SPAN_INIT (5, 4)));
  g_assert_cmpstr (diptych_document_get_title (doc), ==, "Untitled");
}

static void
test_document_rejects (void)
{
  g_autoptr(GError) error = NULL;
  DiptychDocument *doc;

  doc = diptych_document_new ("ab\xff" "cd", -1, "x", NULL, NULL, NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_INVALID_ENCODING);
  g_clear_error (&error);

  doc = diptych_document_new ("ab\0cd", 5, "x", NULL, NULL, NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_BINARY);
}

static void
test_document_sha256 (void)
{
  g_autoptr(DiptychDocument) doc = diptych_document_new ("abc", -1, NULL, NULL, NULL, NULL, NULL);

  g_assert_cmpstr (diptych_document_get_sha256 (doc), ==,
                   "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  g_assert_nonnull (diptych_document_get_imported (doc));
}

static void
test_types_strings (void)
{
  DiptychState state;
  DiptychLinkKind kind;

  g_assert_cmpstr (diptych_state_to_string (DIPTYCH_STATE_MANUAL), ==, "manual");
  g_assert_true (diptych_state_from_string ("rejected", &state));
  g_assert_cmpint (state, ==, DIPTYCH_STATE_REJECTED);
  g_assert_false (diptych_state_from_string ("bogus", &state));
  g_assert_true (diptych_link_kind_from_string ("partial", &kind));
  g_assert_cmpint (kind, ==, DIPTYCH_LINK_PARTIAL);
  g_assert_null (diptych_link_kind_to_string (42));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/document/offsets", test_document_offsets);
  g_test_add_func ("/document/spans", test_document_spans);
  g_test_add_func ("/document/rejects", test_document_rejects);
  g_test_add_func ("/document/sha256", test_document_sha256);
  g_test_add_func ("/types/strings", test_types_strings);

  return g_test_run ();
}
