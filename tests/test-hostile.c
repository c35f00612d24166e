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
#include "diptych-project-io.h"
#include "diptych-project-io-private.h"

#define OK (-1)

typedef enum
{
  OP_IMPORT,      /* diptych_import_file() */
  OP_LOAD,        /* diptych_project_load() */
  OP_SAVE,        /* diptych_project_save() over a previous version */
  OP_ALIGN,       /* diptych_import_file(), then diptych_align() with a readout */
} Operation;

typedef struct _HostileCase HostileCase;

/* Writes the row's file at @path. */
typedef void (*Generator) (const HostileCase *row,
                           const char        *path);
/* Checks a successful result: a DiptychDocument for OP_IMPORT, a
 * DiptychProject for OP_LOAD and OP_SAVE, a DiptychAlignment for OP_ALIGN
 * (with the imported document as side A). */
typedef void (*Checker)   (const HostileCase *row,
                           GObject           *result);

/* Turns a valid project file into a broken one. */
typedef char *(*Mutator)  (const char        *xml);

struct _HostileCase
{
  const char       *name;
  const char       *file;          /* the user's file, in a fresh folder */
  Operation         op;
  Generator         generate;
  const char       *content;       /* gen_content: the bytes */
  gsize             content_length;
  Mutator           mutate;        /* gen_project: the change */
  const char       *find;          /* gen_project without mutate: replace all... */
  const char       *replace;       /* ...of find by replace */
  const char       *save_to;       /* OP_SAVE: where, if not over file */
  const DiptychSaveHooks *hooks;   /* OP_SAVE: the failure to simulate */
  gboolean          changed_on_disk; /* OP_SAVE: another program rewrites
                                      * the file after it was loaded */
  int               expected;      /* OK or a DiptychErrorCode */
  const char       *message;       /* the message also contains this */
  Checker           check;
  gboolean          large;
};

#define BYTES(s) .content = (s), .content_length = sizeof (s) - 1

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

/* 30 MB of UTF-16 (under the limit) that takes 45 MB as UTF-8: CJK
 * characters are two bytes in UTF-16 and three in UTF-8. */
static void
gen_utf16_expanding (const HostileCase *row,
                     const char        *path)
{
  static const guint8 bom_and_char[] = { 0xFF, 0xFE, 0x2D, 0x4E }; /* 中 */
  gsize length = 30 * MB;
  g_autofree guint8 *data = g_malloc (length);

  for (gsize i = 0; i < length; i += 2)
    memcpy (data + i, bom_and_char + 2, 2);
  memcpy (data, bom_and_char, 2);
  write_file (path, (const char *) data, length);
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

/* UTF-16 with a byte order mark: CRLF, Cyrillic, a surrogate pair. */
static void
check_utf16 (const HostileCase *row,
             GObject           *result)
{
  DiptychDocument *doc = DIPTYCH_DOCUMENT (result);

  check_document_sane (doc);
  g_assert_cmpstr (diptych_document_get_text (doc), ==, "Hi\n\xD0\x94\xF0\x90\x80\x80");
  g_assert_cmpuint (diptych_document_get_length (doc), ==, 5);
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

/* Projects */

#define PROJECT_TEXT_A "The leaders agreed on a ceasefire.\nThey discussed energy and prisoners.\n"
/* Two bytes per character in Cyrillic, four for the emoji: offsets in bytes
 * and in characters differ. */
#define PROJECT_TEXT_B "Стороны договорились о перемирии. 😀\nОбсудили энергетику.\n"

static DiptychProject *
make_project (void)
{
  g_autoptr(DiptychProject) project = diptych_project_new ();
  DiptychAlignSettings settings = DIPTYCH_ALIGN_SETTINGS_DEFAULT;
  g_autoptr(DiptychAlignment) alignment = diptych_alignment_new (&settings);
  g_autoptr(DiptychDocument) a = NULL;
  g_autoptr(DiptychDocument) b = NULL;
  g_autoptr(DiptychLink) link = NULL;
  g_autoptr(DiptychOmission) omission = NULL;
  g_autoptr(DiptychAnnotation) annotation = NULL;
  g_autoptr(GError) error = NULL;
  const char *terms[] = { "ceasefire", NULL };

  a = diptych_document_new (PROJECT_TEXT_A, -1, "White House readout", "/home/user/a.txt",
                            "text", NULL, &error);
  g_assert_no_error (error);
  b = diptych_document_new (PROJECT_TEXT_B, -1, "Kremlin readout", "/home/user/b.html",
                            "html", NULL, &error);
  g_assert_no_error (error);
  diptych_project_set_document (project, DIPTYCH_SIDE_A, a);
  diptych_project_set_document (project, DIPTYCH_SIDE_B, b);
  diptych_project_add_default_tags (project);

  link = diptych_link_new (DIPTYCH_SPAN_INIT (0, 34), DIPTYCH_SPAN_INIT (0, 33),
                           DIPTYCH_LINK_REWORDED, 0.71, DIPTYCH_STATE_AUTO);
  diptych_link_set_id (link, "l1");
  diptych_link_set_shared_terms (link, terms);
  diptych_alignment_add_link (alignment, link);
  omission = diptych_omission_new (DIPTYCH_SIDE_A, DIPTYCH_SPAN_INIT (35, 71), DIPTYCH_STATE_AUTO);
  diptych_omission_set_id (omission, "o1");
  diptych_alignment_add_omission (alignment, omission);
  diptych_project_set_alignment (project, alignment);
  /* The user's decision. */
  g_assert_true (diptych_project_confirm_link (project, link, &error));
  g_assert_no_error (error);

  annotation = diptych_annotation_new (DIPTYCH_SIDE_B, DIPTYCH_SPAN_INIT (10, 32), "Demand",
                                       "Truce, not ceasefire");
  diptych_annotation_set_id (annotation, "n1");
  diptych_annotation_set_link_id (annotation, "l1");
  diptych_project_add_annotation (project, annotation);
  diptych_project_set_modified (project, FALSE);

  return g_steal_pointer (&project);
}

static char *
make_project_xml (gsize *length)
{
  g_autoptr(DiptychProject) project = make_project ();
  return diptych_project_to_xml (project, length);
}

static char *
replace_all (const char *text,
             const char *find,
             const char *replace)
{
  g_auto(GStrv) parts = g_strsplit (text, find, -1);

  /* A row whose text is not in the project tests nothing. */
  g_assert_cmpuint (g_strv_length (parts), >, 1);
  return g_strjoinv (replace, parts);
}

/* The element <name .../> or <name ...>...</name>, from the first one. */
static void
find_element_range (const char  *xml,
                    const char  *name,
                    const char **start,
                    const char **end)
{
  g_autofree char *open = g_strdup_printf ("<%s", name);
  g_autofree char *close = g_strdup_printf ("</%s>", name);
  gsize n = strlen (open);
  const char *tag_end;

  /* "<link" must not find "<links". */
  for (*start = strstr (xml, open);
       *start != NULL && (*start)[n] != ' ' && (*start)[n] != '>' && (*start)[n] != '/';
       *start = strstr (*start + 1, open))
    ;
  g_assert_nonnull (*start);
  tag_end = strchr (*start, '>');
  g_assert_nonnull (tag_end);
  if (tag_end[-1] == '/')
    *end = tag_end + 1;
  else
    {
      *end = strstr (*start, close);
      g_assert_nonnull (*end);
      *end += strlen (close);
    }
}

/* The element @name removed (@copies == 0) or repeated @copies times. */
static char *
repeat_element (const char *xml,
                const char *name,
                guint       copies)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *start, *end;

  find_element_range (xml, name, &start, &end);
  g_string_append_len (out, xml, start - xml);
  for (guint i = 0; i < copies; i++)
    g_string_append_len (out, start, end - start);
  g_string_append (out, end);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
mutate_no_settings (const char *xml)
{
  return repeat_element (xml, "settings", 0);
}

static char *
mutate_two_settings (const char *xml)
{
  return repeat_element (xml, "settings", 2);
}

static char *
mutate_two_documents (const char *xml)
{
  return repeat_element (xml, "document", 2);
}

static char *
mutate_no_links (const char *xml)
{
  return repeat_element (xml, "links", 0);
}

static char *
mutate_two_links (const char *xml)
{
  return repeat_element (xml, "link", 2);
}

static char *
mutate_truncate (const char *xml)
{
  return g_strndup (xml, strlen (xml) / 2);
}

static char *
mutate_billion_laughs (const char *xml)
{
  const char *root = strstr (xml, "<diptych-project");

  g_autofree char *body = NULL;

  g_assert_nonnull (root);
  body = replace_all (root, "White House readout", "&i;");
  return g_strconcat ("<?xml version=\"1.0\"?>\n"
                      "<!DOCTYPE diptych-project [\n"
                      " <!ENTITY a \"lol\">\n"
                      " <!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
                      " <!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n"
                      " <!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">\n"
                      " <!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">\n"
                      " <!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">\n"
                      " <!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">\n"
                      " <!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\">\n"
                      " <!ENTITY i \"&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;\">\n"
                      "]>\n", body, NULL);
}

static char *
mutate_external_entity (const char *xml)
{
  const char *root = strstr (xml, "<diptych-project");
  g_autofree char *body = NULL;

  g_assert_nonnull (root);
  body = replace_all (root, "White House readout", "&secret;");
  return g_strconcat ("<?xml version=\"1.0\"?>\n"
                      "<!DOCTYPE diptych-project [ <!ENTITY secret SYSTEM \"file:///etc/passwd\"> ]>\n",
                      body, NULL);
}

/* A string cannot hold the NUL: gen_project writes it. */
static char *
mutate_nul_byte (const char *xml)
{
  g_assert_not_reached ();
}

/* Generators for projects */

static void
gen_project (const HostileCase *row,
             const char        *path)
{
  gsize length;
  g_autofree char *xml = make_project_xml (&length);
  g_autofree char *changed = NULL;

  if (row->mutate == mutate_nul_byte)
    {
      /* A NUL byte in the middle of the file. */
      xml[length / 2] = '\0';
      write_file (path, xml, length);
      return;
    }
  if (row->mutate != NULL)
    changed = row->mutate (xml);
  else if (row->find != NULL)
    changed = replace_all (xml, row->find, row->replace);
  else
    changed = g_strdup (xml);

  write_file (path, changed, strlen (changed));
}

/* A valid project of 65 MB: over the 64 MiB limit. */
static void
gen_project_too_large (const HostileCase *row,
                       const char        *path)
{
  g_autofree char *xml = make_project_xml (NULL);
  g_autofree char *filler = make_text (65 * MB, FALSE);
  g_autofree char *big = replace_all (xml, "Truce, not ceasefire", filler);

  write_file (path, big, strlen (big));
}

/* A file where a folder should be: saving "inside" it cannot work. */
static void
gen_plain_file (const HostileCase *row,
                const char        *path)
{
  write_file (path, "not a folder\n", 13);
}

/* Checkers for alignments */

/* The other side of OP_ALIGN rows. */
#define READOUT "The two leaders discussed a ceasefire and energy. They agreed to exchange prisoners.\n"

static void
check_alignment_sane (const HostileCase *row,
                      GObject           *result)
{
  DiptychAlignment *alignment = DIPTYCH_ALIGNMENT (result);
  guint n_segments = 0;
  const DiptychSpan *segments = diptych_alignment_get_segments (alignment, DIPTYCH_SIDE_A, &n_segments);

  /* The big document is cut into ordered, non-empty passages, and the
   * model reports something about them. */
  g_assert_cmpuint (n_segments, >, 0);
  for (guint i = 0; i < n_segments; i++)
    {
      g_assert_cmpuint (segments[i].start, <, segments[i].end);
      if (i > 0)
        g_assert_cmpuint (segments[i - 1].end, <=, segments[i].start);
    }
  for (guint i = 0; i < diptych_alignment_get_n_omissions (alignment); i++)
    {
      DiptychOmission *omission = diptych_alignment_get_omission (alignment, i);
      DiptychSpan span = diptych_omission_get_span (omission);

      g_assert_cmpuint (span.start, <, span.end);
    }
  g_assert_cmpuint (diptych_alignment_get_n_links (alignment) +
                    diptych_alignment_get_n_omissions (alignment), >, 0);
}

/* Checkers for projects */

static void
check_project_complete (DiptychProject *project)
{
  DiptychDocument *a = diptych_project_get_document (project, DIPTYCH_SIDE_A);
  DiptychDocument *b = diptych_project_get_document (project, DIPTYCH_SIDE_B);

  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_cmpstr (diptych_document_get_text (a), ==, PROJECT_TEXT_A);
  g_assert_cmpstr (diptych_document_get_text (b), ==, PROJECT_TEXT_B);
  g_assert_cmpuint (g_list_model_get_n_items (diptych_project_get_links (project)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (diptych_project_get_omissions (project)), ==, 1);
  g_assert_nonnull (diptych_project_find_link (project, "l1"));
}

static void
check_project (const HostileCase *row,
               GObject           *result)
{
  DiptychProject *project = DIPTYCH_PROJECT (result);

  check_project_complete (project);
  g_assert_cmpuint (g_list_model_get_n_items (diptych_project_get_annotations (project)), ==, 1);
}

/* The documents are embedded: a source that no longer exists is only
 * provenance. */
static void
check_missing_source (const HostileCase *row,
                      GObject           *result)
{
  DiptychProject *project = DIPTYCH_PROJECT (result);

  check_project (row, result);
  g_assert_cmpstr (diptych_document_get_source (diptych_project_get_document (project, DIPTYCH_SIDE_A)),
                   ==, "/nonexistent/folder/readout.txt");
}

/* After a save: the file holds the new annotation, the backup the
 * previous version. */
static void
check_saved (const HostileCase *row,
             GObject           *result)
{
  DiptychProject *project = DIPTYCH_PROJECT (result);
  g_autoptr(DiptychProject) reloaded = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (diptych_project_get_modified (project));
  reloaded = diptych_project_load (diptych_project_get_file (project), NULL, &error);
  g_assert_no_error (error);
  check_project_complete (reloaded);
  g_assert_cmpuint (g_list_model_get_n_items (diptych_project_get_annotations (reloaded)), ==, 2);
}

/* The table */

static const HostileCase cases[] = {
  /* Importing documents */
  { .name = "import/empty-text", .file = "empty.txt", .op = OP_IMPORT, .generate = gen_content,
    .expected = OK, .check = check_empty },
  { .name = "import/empty-html", .file = "empty.html", .op = OP_IMPORT, .generate = gen_content,
    .expected = OK, .check = check_empty },
  { .name = "import/bom-only", .file = "bom.txt", .op = OP_IMPORT, .generate = gen_content,
    BYTES ("\xEF\xBB\xBF"), .expected = OK, .check = check_empty },
  { .name = "import/nul-bytes", .file = "nul.txt", .op = OP_IMPORT, .generate = gen_content,
    BYTES ("Readout\0of the call\n"), .expected = DIPTYCH_ERROR_BINARY, .message = "binary" },
  { .name = "import/nul-in-html", .file = "nul.html", .op = OP_IMPORT, .generate = gen_content,
    BYTES ("<p>a\0b</p>"), .expected = DIPTYCH_ERROR_BINARY, .message = "binary" },
  { .name = "import/utf16-bom", .file = "utf16.txt", .op = OP_IMPORT, .generate = gen_content,
    BYTES ("\xFF\xFEH\0i\0\r\0\n\0\x14\x04\0\xD8\0\xDC"), .expected = OK, .check = check_utf16 },
  { .name = "import/utf16-no-bom", .file = "utf16.txt", .op = OP_IMPORT, .generate = gen_content,
    BYTES ("H\0i\0\n\0"), .expected = DIPTYCH_ERROR_BINARY },
  { .name = "import/utf16-lone-surrogate", .file = "utf16.txt", .op = OP_IMPORT, .generate = gen_content,
    BYTES ("\xFF\xFEH\0\x00\xD8i\0"), .expected = DIPTYCH_ERROR_INVALID_ENCODING, .message = "UTF-16" },
  { .name = "import/utf16-odd-length", .file = "utf16.txt", .op = OP_IMPORT, .generate = gen_content,
    BYTES ("\xFE\xFF\0H\0"), .expected = DIPTYCH_ERROR_INVALID_ENCODING, .message = "UTF-16" },
  { .name = "import/utf16-nul", .file = "utf16.txt", .op = OP_IMPORT, .generate = gen_content,
    BYTES ("\xFF\xFEH\0\0\0i\0"), .expected = DIPTYCH_ERROR_BINARY },
  { .name = "import/invalid-utf8", .file = "latin1.txt", .op = OP_IMPORT, .generate = gen_content,
    BYTES ("First line\ncaf\xE9 cr\xE8me\n"), .expected = DIPTYCH_ERROR_INVALID_ENCODING,
    .message = "line 2" },
  { .name = "import/overlong-nul", .file = "overlong2.txt", .op = OP_IMPORT, .generate = gen_content,
    BYTES ("a \xC0\x80 b\n"), .expected = DIPTYCH_ERROR_INVALID_ENCODING, .message = "UTF-8" },
  { .name = "import/overlong-3", .file = "overlong3.txt", .op = OP_IMPORT, .generate = gen_content,
    BYTES ("a\n\n\xE0\x80\x80 b\n"), .expected = DIPTYCH_ERROR_INVALID_ENCODING, .message = "line 3" },
  { .name = "import/surrogate", .file = "surrogate.txt", .op = OP_IMPORT, .generate = gen_content,
    BYTES ("half \xED\xA0\x80 pair\n"), .expected = DIPTYCH_ERROR_INVALID_ENCODING, .message = "UTF-8" },
  { .name = "import/truncated-sequence", .file = "truncated.txt", .op = OP_IMPORT,
    .generate = gen_content, BYTES ("ends in \xE2\x82"), .expected = DIPTYCH_ERROR_INVALID_ENCODING,
    .message = "UTF-8" },
  { .name = "import/invalid-utf8-html", .file = "latin1.html", .op = OP_IMPORT, .generate = gen_content,
    BYTES ("<p>caf\xE9 \xC0\x80 \xED\xA0\x80</p>"), .expected = OK, .check = check_valid_text },
  { .name = "import/mixed-newlines", .file = "newlines.txt", .op = OP_IMPORT, .generate = gen_content,
    BYTES ("one\r\ntwo\rthree\nfour\r\n\rfive\n"), .expected = OK, .check = check_newlines },
  { .name = "import/20mb-line", .file = "line.txt", .op = OP_IMPORT, .generate = gen_20mb_line,
    .expected = OK, .check = check_20mb_line, .large = TRUE },
  { .name = "import/50mb", .file = "big.txt", .op = OP_IMPORT, .generate = gen_50mb,
    .expected = DIPTYCH_ERROR_TOO_LARGE, .message = "too large", .large = TRUE },
  { .name = "import/utf16-expands-past-limit", .file = "cjk16.txt", .op = OP_IMPORT,
    .generate = gen_utf16_expanding, .expected = DIPTYCH_ERROR_TOO_LARGE, .message = "converted from UTF-16",
    .large = TRUE },
  { .name = "import/nested-html-200", .file = "nested.html", .op = OP_IMPORT,
    .generate = gen_nested_html_200, .expected = OK, .check = check_nested },
  { .name = "import/nested-html-100000", .file = "nested.html", .op = OP_IMPORT,
    .generate = gen_nested_html, .expected = DIPTYCH_ERROR_PARSE, .message = "nested too deeply" },
  { .name = "import/html-scripts", .file = "scripts.html", .op = OP_IMPORT, .generate = gen_content,
    BYTES ("<html><head><script>alert(1)</script></head>"
           "<body onload=\"alert(2)\"><p>Visible text.</p><script src=\"http://example.com/x.js\"></script>"
           "<iframe src=\"file:///etc/passwd\"></iframe><object data=\"file:///etc/passwd\"></object></body></html>"),
    .expected = OK, .check = check_no_script },
  { .name = "import/html-billion-laughs", .file = "laughs.html", .op = OP_IMPORT, .generate = gen_content,
    BYTES ("<!DOCTYPE html [<!ENTITY a \"haha\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
           "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">"
           "<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\"><!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">"
           "<!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\"><!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\">]>"
           "<html><body><p>&h;&h;&h;</p></body></html>"), .expected = OK, .check = check_entities_bounded },
  { .name = "import/html-external-entity", .file = "xxe.html", .op = OP_IMPORT, .generate = gen_content,
    BYTES ("<!DOCTYPE html [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><html><body><p>&x;</p></body></html>"),
    .expected = OK, .check = check_entities_bounded },
  { .name = "import/folder", .file = "folder.txt", .op = OP_IMPORT, .generate = gen_folder,
    .expected = DIPTYCH_ERROR_UNSUPPORTED, .message = "folder" },
  { .name = "import/missing", .file = "missing.txt", .op = OP_IMPORT, .generate = gen_nothing,
    .expected = DIPTYCH_ERROR_NOT_FOUND, .message = "does not exist" },

  /* Aligning what was imported. A 20 MB line is many sentences: the model
   * must link it in bounded time (seconds, not hours: the test timeout). */
  { .name = "align/20mb-line", .file = "line.txt", .op = OP_ALIGN, .generate = gen_20mb_line,
    .expected = OK, .check = check_alignment_sane, .large = TRUE },
  { .name = "align/nested-html-200", .file = "nested.html", .op = OP_ALIGN,
    .generate = gen_nested_html_200, .expected = OK, .check = check_alignment_sane },
  { .name = "align/mixed-newlines", .file = "newlines.txt", .op = OP_ALIGN, .generate = gen_content,
    BYTES ("The two leaders\r\ndiscussed a ceasefire.\r\rThey agreed\rto exchange prisoners.\n"),
    .expected = OK, .check = check_alignment_sane },

  /* Loading projects */
  { .name = "load/valid", .file = "valid.diptych", .op = OP_LOAD, .generate = gen_project,
    .expected = OK, .check = check_project },
  { .name = "load/empty", .file = "empty.diptych", .op = OP_LOAD, .generate = gen_content,
    .expected = DIPTYCH_ERROR_PARSE, .message = "empty" },
  { .name = "load/not-xml", .file = "notes.diptych", .op = OP_LOAD, .generate = gen_content,
    BYTES ("Just some notes, not a project.\n"), .expected = DIPTYCH_ERROR_PARSE, .message = "line 1" },
  { .name = "load/html-page", .file = "page.diptych", .op = OP_LOAD, .generate = gen_content,
    BYTES ("<html><body><p>A web page saved under the wrong name.</p></body></html>"),
    .expected = DIPTYCH_ERROR_UNSUPPORTED, .message = "not a Diptych project" },
  { .name = "load/truncated", .file = "truncated.diptych", .op = OP_LOAD, .generate = gen_project,
    .mutate = mutate_truncate, .expected = DIPTYCH_ERROR_PARSE, .message = "line" },
  { .name = "load/nul-byte", .file = "nul.diptych", .op = OP_LOAD, .generate = gen_project,
    .mutate = mutate_nul_byte, .expected = DIPTYCH_ERROR_PARSE },
  { .name = "load/invalid-utf8", .file = "latin1.diptych", .op = OP_LOAD, .generate = gen_project,
    .find = "White House", .replace = "Maison Blanche \xE9 \xC0\x80", .expected = DIPTYCH_ERROR_PARSE,
    .message = "not valid UTF-8" },
  { .name = "load/billion-laughs", .file = "laughs.diptych", .op = OP_LOAD, .generate = gen_project,
    .mutate = mutate_billion_laughs, .expected = DIPTYCH_ERROR_UNSUPPORTED, .message = "DOCTYPE" },
  { .name = "load/external-entity", .file = "xxe.diptych", .op = OP_LOAD, .generate = gen_project,
    .mutate = mutate_external_entity, .expected = DIPTYCH_ERROR_UNSUPPORTED, .message = "DOCTYPE" },
  { .name = "load/xinclude", .file = "xinclude.diptych", .op = OP_LOAD, .generate = gen_project,
    .find = "White House readout",
    .replace = "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"/etc/passwd\" parse=\"text\"/>",
    .expected = DIPTYCH_ERROR_INVALID },
  { .name = "load/wrong-root", .file = "root.diptych", .op = OP_LOAD, .generate = gen_project,
    .find = "diptych-project", .replace = "some-project", .expected = DIPTYCH_ERROR_UNSUPPORTED,
    .message = "not a Diptych project" },
  { .name = "load/future-version", .file = "future.diptych", .op = OP_LOAD, .generate = gen_project,
    .find = " version=\"1\"", .replace = " version=\"7\"", .expected = DIPTYCH_ERROR_UNSUPPORTED,
    .message = "newer version" },
  { .name = "load/wrong-version", .file = "wrong.diptych", .op = OP_LOAD, .generate = gen_project,
    .find = " version=\"1\"", .replace = " version=\"1.5beta\"", .expected = DIPTYCH_ERROR_UNSUPPORTED,
    .message = "1.5beta" },
  { .name = "load/version-zero", .file = "zero.diptych", .op = OP_LOAD, .generate = gen_project,
    .find = " version=\"1\"", .replace = " version=\"0\"", .expected = DIPTYCH_ERROR_UNSUPPORTED },
  { .name = "load/no-version", .file = "noversion.diptych", .op = OP_LOAD, .generate = gen_project,
    .find = " version=\"1\"", .replace = "", .expected = DIPTYCH_ERROR_UNSUPPORTED, .message = "version" },
  { .name = "load/missing-settings", .file = "nosettings.diptych", .op = OP_LOAD, .generate = gen_project,
    .mutate = mutate_no_settings, .expected = DIPTYCH_ERROR_INVALID, .message = "<settings> is missing" },
  { .name = "load/missing-links", .file = "nolinks.diptych", .op = OP_LOAD, .generate = gen_project,
    .mutate = mutate_no_links, .expected = DIPTYCH_ERROR_INVALID, .message = "<links> is missing" },
  /* Only UTF-8: another declared encoding would go through a converter. */
  { .name = "load/declared-encoding", .file = "sjis.diptych", .op = OP_LOAD, .generate = gen_project,
    .find = "encoding=\"UTF-8\"", .replace = "encoding=\"Shift_JIS\"", .expected = DIPTYCH_ERROR_UNSUPPORTED,
    .message = "encoded in Shift_JIS" },
  { .name = "load/duplicated-settings", .file = "twosettings.diptych", .op = OP_LOAD,
    .generate = gen_project, .mutate = mutate_two_settings, .expected = DIPTYCH_ERROR_INVALID },
  { .name = "load/duplicated-document", .file = "twodocs.diptych", .op = OP_LOAD, .generate = gen_project,
    .mutate = mutate_two_documents, .expected = DIPTYCH_ERROR_INVALID },
  { .name = "load/duplicated-link", .file = "twolinks.diptych", .op = OP_LOAD, .generate = gen_project,
    .mutate = mutate_two_links, .expected = DIPTYCH_ERROR_INVALID, .message = "twice" },
  { .name = "load/offset-out-of-range", .file = "range.diptych", .op = OP_LOAD, .generate = gen_project,
    .find = "a-end=\"34\"", .replace = "a-end=\"100000\"", .expected = DIPTYCH_ERROR_INVALID,
    .message = "100000" },
  { .name = "load/offset-reversed", .file = "reversed.diptych", .op = OP_LOAD, .generate = gen_project,
    .find = "b-start=\"0\"", .replace = "b-start=\"40\"", .expected = DIPTYCH_ERROR_INVALID },
  { .name = "load/offset-negative", .file = "negative.diptych", .op = OP_LOAD, .generate = gen_project,
    .find = "a-start=\"0\"", .replace = "a-start=\"-1\"", .expected = DIPTYCH_ERROR_INVALID },
  { .name = "load/offset-overflow", .file = "overflow.diptych", .op = OP_LOAD, .generate = gen_project,
    .find = "a-end=\"34\"", .replace = "a-end=\"18446744073709551650\"", .expected = DIPTYCH_ERROR_INVALID },
  /* Document B is 57 characters but 101 bytes: an offset counted in bytes
   * would split a character; it lies past the end in characters. */
  { .name = "load/offset-in-bytes", .file = "bytes.diptych", .op = OP_LOAD, .generate = gen_project,
    .find = "end=\"32\"", .replace = "end=\"101\"", .expected = DIPTYCH_ERROR_INVALID, .message = "101" },
  { .name = "load/checksum-mismatch", .file = "edited.diptych", .op = OP_LOAD, .generate = gen_project,
    .find = "discussed energy", .replace = "discussed weapons", .expected = DIPTYCH_ERROR_INVALID,
    .message = "SHA-256" },
  { .name = "load/unknown-tag", .file = "tag.diptych", .op = OP_LOAD, .generate = gen_project,
    .find = "tag=\"Demand\"", .replace = "tag=\"Nonexistent\"", .expected = DIPTYCH_ERROR_INVALID,
    .message = "Nonexistent" },
  { .name = "load/dangling-link", .file = "dangling.diptych", .op = OP_LOAD, .generate = gen_project,
    .find = "link=\"l1\"", .replace = "link=\"l999\"", .expected = DIPTYCH_ERROR_INVALID, .message = "l999" },
  { .name = "load/missing-source", .file = "moved.diptych", .op = OP_LOAD, .generate = gen_project,
    .find = "/home/user/a.txt", .replace = "/nonexistent/folder/readout.txt", .expected = OK,
    .check = check_missing_source },
  { .name = "load/too-large", .file = "huge.diptych", .op = OP_LOAD, .generate = gen_project_too_large,
    .expected = DIPTYCH_ERROR_TOO_LARGE, .message = "too large", .large = TRUE },
  { .name = "load/folder", .file = "folder.diptych", .op = OP_LOAD, .generate = gen_folder,
    .expected = DIPTYCH_ERROR_IO },
  { .name = "load/missing", .file = "missing.diptych", .op = OP_LOAD, .generate = gen_nothing,
    .expected = DIPTYCH_ERROR_NOT_FOUND },

  /* Saving over the user's previous version */
  { .name = "save/ok", .file = "work.diptych", .op = OP_SAVE, .generate = gen_project,
    .expected = OK, .check = check_saved },
  { .name = "save/unwritable-folder", .file = "work.diptych", .op = OP_SAVE, .generate = gen_project,
    .hooks = &(const DiptychSaveHooks) { TRUE, -1 }, .expected = DIPTYCH_ERROR_IO,
    .message = "could not create" },
  { .name = "save/disk-full", .file = "work.diptych", .op = OP_SAVE, .generate = gen_project,
    .hooks = &(const DiptychSaveHooks) { FALSE, 1000 }, .expected = DIPTYCH_ERROR_IO,
    .message = "space" },
  { .name = "save/disk-full-at-once", .file = "work.diptych", .op = OP_SAVE, .generate = gen_project,
    .hooks = &(const DiptychSaveHooks) { FALSE, 0 }, .expected = DIPTYCH_ERROR_IO, .message = "space" },
  { .name = "save/over-a-folder", .file = "work.diptych", .op = OP_SAVE, .generate = gen_folder,
    .expected = DIPTYCH_ERROR_IO },
  { .name = "save/inside-a-file", .file = "notes.txt", .op = OP_SAVE, .generate = gen_plain_file,
    .save_to = "notes.txt/work.diptych", .expected = DIPTYCH_ERROR_IO },
  { .name = "save/changed-on-disk", .file = "work.diptych", .op = OP_SAVE, .generate = gen_project,
    .changed_on_disk = TRUE, .expected = DIPTYCH_ERROR_CHANGED_ON_DISK,
    .message = "changed by another program" },
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

/* The project the user works on, from their file when there is one. */
static DiptychProject *
prepare_save (const HostileCase *row,
              const char        *path)
{
  g_autoptr(DiptychProject) project = NULL;
  g_autoptr(DiptychAnnotation) annotation = NULL;
  g_autoptr(GError) error = NULL;

  if (row->save_to == NULL && g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);

      project = diptych_project_load (file, NULL, &error);
      g_assert_no_error (error);
    }
  else
    project = make_project ();

  if (row->changed_on_disk)
    {
      g_autofree char *xml = make_project_xml (NULL);
      g_autofree char *changed = replace_all (xml, "White House readout", "Changed by a colleague");

      /* Another second, so that even a coarse timestamp sees it. */
      g_usleep (G_USEC_PER_SEC / 10);
      write_file (path, changed, strlen (changed));
    }

  /* Unsaved work. */
  annotation = diptych_annotation_new (DIPTYCH_SIDE_A, DIPTYCH_SPAN_INIT (4, 11), "Question", "Who?");
  diptych_project_add_annotation (project, annotation);
  return g_steal_pointer (&project);
}

static GObject *
run_operation (const HostileCase  *row,
               const char         *dir,
               const char         *path,
               DiptychProject     *project,
               GError            **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  switch (row->op)
    {
    case OP_IMPORT:
      return G_OBJECT (diptych_import_file (file, NULL, error));

    case OP_LOAD:
      return G_OBJECT (diptych_project_load (file, NULL, error));

    case OP_ALIGN:
      {
        DiptychAlignSettings settings = DIPTYCH_ALIGN_SETTINGS_DEFAULT;
        g_autoptr(DiptychDocument) doc = diptych_import_file (file, NULL, error);
        g_autoptr(DiptychDocument) readout = NULL;

        if (doc == NULL)
          return NULL;
        readout = diptych_import_text (READOUT, -1, "Readout", NULL);
        g_assert_nonnull (readout);
        return G_OBJECT (diptych_align (doc, readout, &settings, NULL, NULL, NULL, error));
      }

    case OP_SAVE:
      {
        static const DiptychSaveHooks no_hooks = { FALSE, -1 };
        g_autofree char *target_path = row->save_to != NULL ? g_build_filename (dir, row->save_to, NULL)
                                                            : g_strdup (path);
        g_autoptr(GFile) target = g_file_new_for_path (target_path);
        gboolean ok;

        diptych_project_io_set_save_hooks (row->hooks != NULL ? row->hooks : &no_hooks);
        ok = diptych_project_save (project, target, NULL, error);
        diptych_project_io_set_save_hooks (&no_hooks);
        return ok ? G_OBJECT (g_object_ref (project)) : NULL;
      }
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

/* Nothing but the user's file and its backup: no temporary files. */
static void
assert_nothing_left_behind (const HostileCase *row,
                            const char        *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autofree char *backup = g_strconcat (row->file, "~", NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (strcmp (name, row->file) != 0 && strcmp (name, backup) != 0)
        g_error ("%s: “%s” was left behind", row->name, name);
    }
}

static void
test_row (gconstpointer data)
{
  const HostileCase *row = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) result = NULL;
  g_autoptr(DiptychProject) project = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *named = NULL;
  g_autofree char *hash_before = NULL;
  g_autofree char *hash_after = NULL;

  if (row->large && g_getenv ("DIPTYCH_TEST_NO_LARGE") != NULL)
    {
      g_test_skip ("large inputs are not run under DIPTYCH_TEST_NO_LARGE");
      return;
    }

  dir = g_dir_make_tmp ("diptych-hostile-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, row->file, NULL);
  row->generate (row, path);
  if (row->op == OP_SAVE)
    project = prepare_save (row, path);
  hash_before = hash_file (path);

  result = run_operation (row, dir, path, project, &error);

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
      named = g_path_get_basename (row->save_to != NULL ? row->save_to : row->file);
      g_assert_nonnull (strstr (error->message, named));
      if (row->message != NULL)
        g_assert_nonnull (strstr (error->message, row->message));
    }

  if (row->op == OP_SAVE && row->expected == OK)
    {
      /* The previous version is kept as the backup. */
      g_autofree char *backup = g_strconcat (path, "~", NULL);
      hash_after = hash_file (backup);
    }
  else
    hash_after = hash_file (path);
  /* The user's file is intact. */
  g_assert_cmpstr (hash_before, ==, hash_after);
  if (row->generate == gen_folder)
    g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));

  assert_nothing_left_behind (row, dir);
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
