/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Hostile input, table-driven: every row makes a file in a fresh temporary
 * folder, runs one operation on it and asserts either a clear error (the
 * DIPTYCH_ERROR code, and a message that names the file) or a correct
 * result, and that the user's file is byte for byte what it was before.
 *
 * The 20 MB and 50 MB rows are skipped when DIPTYCH_TEST_NO_LARGE is set
 * (under valgrind, where they take minutes; ASan runs them). */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "diptych-core.h"

#define OK (-1)

typedef enum
{
  OP_IMPORT,      /* diptych_import_file() */
} Operation;

typedef struct _HostileCase HostileCase;

/* Writes the row's file at @path. */
typedef void (*Generator) (const HostileCase *row,
                           const char        *path);
/* Checks a successful result: a DiptychDocument for OP_IMPORT. */
typedef void (*Checker)   (const HostileCase *row,
                           GObject           *result);

struct _HostileCase
{
  const char *name;
  const char *file_name;
  Operation   op;
  Generator   generate;
  const char *content;        /* for gen_content */
  gsize       content_length;
  int         expected;       /* OK or a DiptychErrorCode */
  const char *message_part;   /* the message must also contain this */
  Checker     check;
  gboolean    large;
};

#define BYTES(s) (s), (sizeof (s) - 1)
#define NO_BYTES NULL, 0

#define MB (1024 * 1024)

/* Generators */

static void
write_file (const char *path,
            const char *data,
            gsize       length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

static void
gen_content (const HostileCase *row,
             const char        *path)
{
  write_file (path, row->content, row->content_length);
}

static void
gen_folder (const HostileCase *row,
            const char        *path)
{
  g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
}

static void
gen_nothing (const HostileCase *row,
             const char        *path)
{
}

/* Real text, repeated: @n_bytes long, one line or many. */
static char *
make_text (gsize    n_bytes,
           gboolean one_line)
{
  static const char sentence[] =
    "The two leaders discussed a ceasefire, energy and the exchange of prisoners. ";
  char *text = g_malloc (n_bytes + 1);
  gsize n = sizeof sentence - 1;

  for (gsize i = 0; i < n_bytes; i += n)
    memcpy (text + i, sentence, MIN (n, n_bytes - i));
  if (!one_line)
    for (gsize i = 999; i < n_bytes; i += 1000)
      text[i] = '\n';
  text[n_bytes] = '\0';
  return text;
}

static void
gen_20mb_line (const HostileCase *row,
               const char        *path)
{
  g_autofree char *text = make_text (20 * MB, TRUE);
  write_file (path, text, 20 * MB);
}

static void
gen_50mb (const HostileCase *row,
          const char        *path)
{
  g_autofree char *text = make_text (50 * MB, FALSE);
  write_file (path, text, 50 * MB);
}

static void
write_nested_html (const char *path,
                   guint       depth)
{
  g_autoptr(GString) html = g_string_new ("<!DOCTYPE html><html><body><p>Before the nest.</p>");

  for (guint i = 0; i < depth; i++)
    g_string_append (html, i % 2 ? "<div>" : "<span>");
  g_string_append (html, "Deep inside.");
  for (guint i = depth; i > 0; i--)
    g_string_append (html, (i - 1) % 2 ? "</div>" : "</span>");
  g_string_append (html, "<p>After the nest.</p></body></html>");
  write_file (path, html->str, html->len);
}

/* Deeper than libxml2 reads (256 levels): the text after the nest would be
 * lost, so the page is refused rather than shown incomplete. */
static void
gen_nested_html (const HostileCase *row,
                 const char        *path)
{
  write_nested_html (path, 100000);
}

static void
gen_nested_html_200 (const HostileCase *row,
                     const char        *path)
{
  write_nested_html (path, 200);
}

/* Checkers */

static void
check_document_sane (DiptychDocument *doc)
{
  const char *text = diptych_document_get_text (doc);
  gsize n_bytes = diptych_document_get_n_bytes (doc);

  g_assert_true (g_utf8_validate_len (text, n_bytes, NULL));
  g_assert_null (memchr (text, '\0', n_bytes));
  g_assert_cmpuint (diptych_document_get_length (doc), ==, g_utf8_strlen (text, n_bytes));
}

static void
check_empty (const HostileCase *row,
             GObject           *result)
{
  DiptychDocument *doc = DIPTYCH_DOCUMENT (result);

  check_document_sane (doc);
  g_assert_cmpuint (diptych_document_get_length (doc), ==, 0);
}

static void
check_newlines (const HostileCase *row,
                GObject           *result)
{
  DiptychDocument *doc = DIPTYCH_DOCUMENT (result);

  check_document_sane (doc);
  g_assert_cmpstr (diptych_document_get_text (doc), ==, "one\ntwo\nthree\nfour\n\nfive\n");
  /* Offsets count the text as shown: "three" starts at code point 8. */
  g_assert_cmpuint (diptych_document_char_to_byte (doc, 8), ==, 8);
}

static void
check_20mb_line (const HostileCase *row,
                 GObject           *result)
{
  DiptychDocument *doc = DIPTYCH_DOCUMENT (result);

  check_document_sane (doc);
  g_assert_cmpuint (diptych_document_get_length (doc), ==, 20 * MB);
  g_assert_null (strchr (diptych_document_get_text (doc), '\n'));
  g_assert_cmpuint (diptych_document_char_to_byte (doc, 20 * MB - 1), ==, 20 * MB - 1);
}

static void
check_nested (const HostileCase *row,
              GObject           *result)
{
  DiptychDocument *doc = DIPTYCH_DOCUMENT (result);

  check_document_sane (doc);
  g_assert_cmpstr (diptych_document_get_text (doc), ==,
                   "Before the nest.\n\nDeep inside.\n\nAfter the nest.");
}

static void
check_no_script (const HostileCase *row,
                 GObject           *result)
{
  DiptychDocument *doc = DIPTYCH_DOCUMENT (result);
  const char *text = diptych_document_get_text (doc);

  check_document_sane (doc);
  g_assert_null (strstr (text, "alert"));
  g_assert_null (strstr (text, "root:"));
  g_assert_null (strstr (text, "onload"));
  g_assert_nonnull (strstr (text, "Visible text."));
}

static void
check_entities_bounded (const HostileCase *row,
                        GObject           *result)
{
  DiptychDocument *doc = DIPTYCH_DOCUMENT (result);

  check_document_sane (doc);
  /* Entities declared by the page are not expanded a billion times. */
  g_assert_cmpuint (diptych_document_get_n_bytes (doc), <, 10000);
  g_assert_null (strstr (diptych_document_get_text (doc), "root:"));
}

static void
check_valid_text (const HostileCase *row,
                  GObject           *result)
{
  check_document_sane (DIPTYCH_DOCUMENT (result));
  g_assert_cmpuint (diptych_document_get_length (DIPTYCH_DOCUMENT (result)), >, 0);
}

/* The table */

static const HostileCase cases[] = {
  /* Imports */
  { "import/empty-text", "empty.txt", OP_IMPORT, gen_content, NO_BYTES, OK, NULL, check_empty },
  { "import/empty-html", "empty.html", OP_IMPORT, gen_content, NO_BYTES, OK, NULL, check_empty },
  { "import/bom-only", "bom.txt", OP_IMPORT, gen_content, BYTES ("\xEF\xBB\xBF"), OK, NULL, check_empty },
  { "import/nul-bytes", "nul.txt", OP_IMPORT, gen_content, BYTES ("Readout\0of the call\n"),
    DIPTYCH_ERROR_BINARY, "binary", NULL },
  { "import/nul-in-html", "nul.html", OP_IMPORT, gen_content, BYTES ("<p>a\0b</p>"),
    DIPTYCH_ERROR_BINARY, "binary", NULL },
  { "import/utf16", "utf16.txt", OP_IMPORT, gen_content, BYTES ("\xFF\xFEH\0i\0\n\0"),
    DIPTYCH_ERROR_BINARY, NULL, NULL },
  { "import/invalid-utf8", "latin1.txt", OP_IMPORT, gen_content,
    BYTES ("First line\ncaf\xE9 cr\xE8me\n"), DIPTYCH_ERROR_INVALID_ENCODING, "line 2", NULL },
  { "import/overlong-nul", "overlong2.txt", OP_IMPORT, gen_content, BYTES ("a \xC0\x80 b\n"),
    DIPTYCH_ERROR_INVALID_ENCODING, "UTF-8", NULL },
  { "import/overlong-3", "overlong3.txt", OP_IMPORT, gen_content, BYTES ("a\n\n\xE0\x80\x80 b\n"),
    DIPTYCH_ERROR_INVALID_ENCODING, "line 3", NULL },
  { "import/surrogate", "surrogate.txt", OP_IMPORT, gen_content, BYTES ("half \xED\xA0\x80 pair\n"),
    DIPTYCH_ERROR_INVALID_ENCODING, "UTF-8", NULL },
  { "import/truncated-sequence", "truncated.txt", OP_IMPORT, gen_content, BYTES ("ends in \xE2\x82"),
    DIPTYCH_ERROR_INVALID_ENCODING, "UTF-8", NULL },
  { "import/invalid-utf8-html", "latin1.html", OP_IMPORT, gen_content,
    BYTES ("<p>caf\xE9 \xC0\x80 \xED\xA0\x80</p>"), OK, NULL, check_valid_text },
  { "import/mixed-newlines", "newlines.txt", OP_IMPORT, gen_content,
    BYTES ("one\r\ntwo\rthree\nfour\r\n\rfive\n"), OK, NULL, check_newlines },
  { "import/20mb-line", "line.txt", OP_IMPORT, gen_20mb_line, NO_BYTES, OK, NULL, check_20mb_line, TRUE },
  { "import/50mb", "big.txt", OP_IMPORT, gen_50mb, NO_BYTES, DIPTYCH_ERROR_TOO_LARGE, "too large", NULL, TRUE },
  { "import/nested-html-200", "nested.html", OP_IMPORT, gen_nested_html_200, NO_BYTES, OK, NULL, check_nested },
  { "import/nested-html-100000", "nested.html", OP_IMPORT, gen_nested_html, NO_BYTES,
    DIPTYCH_ERROR_PARSE, "nested too deeply", NULL },
  { "import/html-scripts", "scripts.html", OP_IMPORT, gen_content,
    BYTES ("<html><head><script>alert(1)</script></head>"
           "<body onload=\"alert(2)\"><p>Visible text.</p><script src=\"http://example.com/x.js\"></script>"
           "<iframe src=\"file:///etc/passwd\"></iframe><object data=\"file:///etc/passwd\"></object></body></html>"),
    OK, NULL, check_no_script },
  { "import/html-billion-laughs", "laughs.html", OP_IMPORT, gen_content,
    BYTES ("<!DOCTYPE html [<!ENTITY a \"haha\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
           "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">"
           "<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\"><!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">"
           "<!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\"><!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\">]>"
           "<html><body><p>&h;&h;&h;</p></body></html>"), OK, NULL, check_entities_bounded },
  { "import/html-external-entity", "xxe.html", OP_IMPORT, gen_content,
    BYTES ("<!DOCTYPE html [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><html><body><p>&x;</p></body></html>"),
    OK, NULL, check_entities_bounded },
  { "import/folder", "folder.txt", OP_IMPORT, gen_folder, NO_BYTES, DIPTYCH_ERROR_UNSUPPORTED, "folder", NULL },
  { "import/missing", "missing.txt", OP_IMPORT, gen_nothing, NO_BYTES, DIPTYCH_ERROR_NOT_FOUND, "does not exist", NULL },
};

/* Running a row */

/* NULL if @path is not a regular file. */
static char *
hash_file (const char *path)
{
  g_autofree char *data = NULL;
  gsize length;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR) ||
      !g_file_get_contents (path, &data, &length, NULL))
    return NULL;
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
}

static GObject *
run_operation (const HostileCase  *row,
               const char         *path,
               GError            **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  switch (row->op)
    {
    case OP_IMPORT:
      return G_OBJECT (diptych_import_file (file, NULL, error));
    }

  g_assert_not_reached ();
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
    }
  g_remove (path);
}

static void
test_row (gconstpointer data)
{
  const HostileCase *row = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) result = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *hash_before = NULL;
  g_autofree char *hash_after = NULL;

  if (row->large && g_getenv ("DIPTYCH_TEST_NO_LARGE") != NULL)
    {
      g_test_skip ("large inputs are not run under DIPTYCH_TEST_NO_LARGE");
      return;
    }

  dir = g_dir_make_tmp ("diptych-hostile-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, row->file_name, NULL);
  row->generate (row, path);
  hash_before = hash_file (path);

  result = run_operation (row, path, &error);

  if (row->expected == OK)
    {
      g_assert_no_error (error);
      g_assert_nonnull (result);
      if (row->check != NULL)
        row->check (row, result);
    }
  else
    {
      g_assert_null (result);
      g_assert_error (error, DIPTYCH_ERROR, row->expected);
      g_test_message ("%s: %s", row->name, error->message);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      /* The user can tell which file is wrong, and what is wrong with it. */
      g_assert_nonnull (strstr (error->message, row->file_name));
      if (row->message_part != NULL)
        g_assert_nonnull (strstr (error->message, row->message_part));
    }

  /* Reading never writes: the user's file is intact. */
  hash_after = hash_file (path);
  g_assert_cmpstr (hash_before, ==, hash_after);

  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *test_path = g_strconcat ("/hostile/", cases[i].name, NULL);
      g_test_add_data_func (test_path, &cases[i], test_row);
    }

  return g_test_run ();
}
