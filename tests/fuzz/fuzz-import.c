/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The text and HTML importers: any bytes under any name give a document
 * whose text is valid UTF-8 without NUL bytes and whose offsets convert
 * back and forth, or a DIPTYCH_ERROR with a message. */
#include "config.h"

#include <string.h>

#include "diptych-core.h"
#include "fuzz-common.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_setup ();
  return 0;
}

static void
check_document (DiptychDocument *doc)
{
  const char *text = diptych_document_get_text (doc);
  gsize n_bytes = diptych_document_get_n_bytes (doc);
  guint n_chars = diptych_document_get_length (doc);
  guint step = MAX (1, n_chars / 64);

  g_assert_true (g_utf8_validate_len (text, n_bytes, NULL));
  g_assert_null (memchr (text, '\0', n_bytes));
  g_assert_cmpuint (n_chars, ==, g_utf8_strlen (text, n_bytes));
  g_assert_cmpuint (diptych_document_char_to_byte (doc, n_chars), ==, n_bytes);

  for (guint i = 0; i <= n_chars; i += step)
    {
      gsize byte = diptych_document_char_to_byte (doc, i);

      g_assert_cmpuint (byte, <=, n_bytes);
      g_assert_cmpuint (diptych_document_byte_to_char (doc, byte), ==, i);
    }

  if (n_chars > 0)
    {
      DiptychSpan span = DIPTYCH_SPAN_INIT (n_chars / 3, n_chars);
      g_autofree char *dup = diptych_document_dup_span (doc, span);

      g_assert_cmpuint (g_utf8_strlen (dup, -1), ==, diptych_span_length (span));
    }
  g_assert_false (diptych_document_span_is_valid (doc, DIPTYCH_SPAN_INIT (0, n_chars + 1)));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  /* The first byte picks the name the file comes under, so both the
   * extension rules and the content sniffing are reached. */
  static const char *names[] = { "readout.txt", "page.html", "page.htm", "notes", NULL };
  const char *name;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DiptychDocument) doc = NULL;

  if (size == 0)
    return 0;

  name = names[data[0] % G_N_ELEMENTS (names)];
  bytes = g_bytes_new (data + 1, size - 1);
  doc = diptych_import_bytes (bytes, name, "/tmp/fuzz", &error);
  if (doc != NULL)
    {
      g_assert_no_error (error);
      check_document (doc);
    }
  else
    {
      g_assert_true (error != NULL && error->domain == DIPTYCH_ERROR);
      g_assert_true (error->message != NULL && *error->message != '\0');
      g_clear_error (&error);
    }

  /* Pasted text takes another route (no sniffing, no encoding check). */
  {
    g_autoptr(DiptychDocument) pasted = diptych_import_text ((const char *) data + 1,
                                                             size - 1, NULL, &error);
    if (pasted != NULL)
      check_document (pasted);
    else
      g_assert_true (error != NULL && error->domain == DIPTYCH_ERROR);
  }

  return 0;
}
