/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "diptych-import"

#include "config.h"

#include <glib/gi18n.h>
#include <libxml/HTMLparser.h>
#include <string.h>

#include "diptych-error.h"
#include "diptych-import.h"

static char *
display_name_of (const char *name)
{
  if (name == NULL || *name == '\0')
    return g_strdup (_("The document"));
  /* Translators: a file name quoted in messages; use your language's quotes */
  return g_strdup_printf (_("“%s”"), name);
}

/* @display: from display_name_of() */
static gboolean
check_size (const char  *display,
            guint64      size,
            GError     **error)
{
  g_autofree char *size_str = NULL;
  g_autofree char *max_str = NULL;

  if (size <= DIPTYCH_IMPORT_MAX_BYTES)
    return TRUE;

  size_str = g_format_size (size);
  max_str = g_format_size (DIPTYCH_IMPORT_MAX_BYTES);
  g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_TOO_LARGE,
               _("%s is too large (%s). Diptych opens documents of up to %s."),
               display, size_str, max_str);
  return FALSE;
}

static guint
line_of (const char *data,
         gsize       byte_offset)
{
  guint line = 1;

  for (gsize i = 0; i < byte_offset; i++)
    if (data[i] == '\n')
      line++;

  return line;
}

/* CRLF and lone CR become LF; a leading byte order mark is dropped. */
static char *
normalize_newlines (const char *data,
                    gsize       length,
                    gsize      *out_length)
{
  char *out = g_malloc (length + 1);
  gsize j = 0;
  gsize i = 0;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;

  for (; i < length; i++)
    {
      if (data[i] == '\r')
        {
          out[j++] = '\n';
          if (i + 1 < length && data[i + 1] == '\n')
            i++;
        }
      else
        out[j++] = data[i];
    }

  out[j] = '\0';
  *out_length = j;
  return out;
}

gboolean
diptych_looks_like_html (const char *name,
                         const char *data,
                         gsize       length)
{
  gsize i = 0;

  if (name != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (name, -1);

      if (g_str_has_suffix (lower, ".html") || g_str_has_suffix (lower, ".htm") ||
          g_str_has_suffix (lower, ".xhtml"))
        return TRUE;
      if (g_str_has_suffix (lower, ".txt") || g_str_has_suffix (lower, ".text"))
        return FALSE;
    }

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < length && g_ascii_isspace (data[i]))
    i++;

  return (length - i >= 9 && g_ascii_strncasecmp (data + i, "<!doctype", 9) == 0) ||
         (length - i >= 5 && g_ascii_strncasecmp (data + i, "<html", 5) == 0);
}

/* HTML to readable text */

typedef struct
{
  GString  *out;
  gboolean  pending_space;
  guint     pending_breaks;
} TextSink;

/* A page's own footer (copyright, links), not an article's. */
static gboolean
is_page_footer (xmlNode *node)
{
  if (xmlStrcasecmp (node->name, (const xmlChar *) "footer") != 0)
    return FALSE;

  for (xmlNode *up = node->parent; up != NULL; up = up->parent)
    if (up->type == XML_ELEMENT_NODE &&
        (xmlStrcasecmp (up->name, (const xmlChar *) "article") == 0 ||
         xmlStrcasecmp (up->name, (const xmlChar *) "main") == 0 ||
         xmlStrcasecmp (up->name, (const xmlChar *) "section") == 0))
      return FALSE;

  return TRUE;
}

static gboolean
is_skipped_element (xmlNode *node)
{
  static const char *skipped[] = {
    "script", "style", "noscript", "template", "nav", "aside", "form", "button",
    "select", "svg", "iframe", "object", "embed", "menu", "head", "canvas", "audio",
    "video", "map",
  };
  g_autofree xmlChar *role = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (skipped); i++)
    if (xmlStrcasecmp (node->name, (const xmlChar *) skipped[i]) == 0)
      return TRUE;

  if (is_page_footer (node))
    return TRUE;

  role = xmlGetProp (node, (const xmlChar *) "role");
  if (role != NULL && (xmlStrcasecmp (role, (const xmlChar *) "navigation") == 0 ||
                       xmlStrcasecmp (role, (const xmlChar *) "banner") == 0 ||
                       xmlStrcasecmp (role, (const xmlChar *) "contentinfo") == 0 ||
                       xmlStrcasecmp (role, (const xmlChar *) "search") == 0))
    return TRUE;

  return xmlHasProp (node, (const xmlChar *) "hidden") != NULL;
}

static guint
breaks_around (xmlNode *node)
{
  static const char *paragraphs[] = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "article",
    "section", "main", "header", "footer", "table", "ul", "ol", "dl", "figure",
    "figcaption", "address", "hr", "body", "li", "dd", "dt", "tr", "caption",
  };
  static const char *lines[] = { "br" };

  for (guint i = 0; i < G_N_ELEMENTS (paragraphs); i++)
    if (xmlStrcasecmp (node->name, (const xmlChar *) paragraphs[i]) == 0)
      return 2;
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    if (xmlStrcasecmp (node->name, (const xmlChar *) lines[i]) == 0)
      return 1;
  return 0;
}

static void
sink_break (TextSink *sink,
            guint     n)
{
  sink->pending_breaks = MAX (sink->pending_breaks, n);
  sink->pending_space = FALSE;
}

static void
sink_text (TextSink   *sink,
           const char *text,
           gboolean    preformatted)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!preformatted && g_unichar_isspace (c))
        {
          if (sink->out->len > 0)
            sink->pending_space = TRUE;
          continue;
        }
      if (preformatted && c == '\n')
        {
          g_string_append_c (sink->out, '\n');
          sink->pending_space = FALSE;
          sink->pending_breaks = 0;
          continue;
        }
      if (c == '\r')
        continue;

      if (sink->out->len > 0 && sink->pending_breaks > 0)
        {
          /* Trim a trailing space before the break. */
          while (sink->out->len > 0 && sink->out->str[sink->out->len - 1] == ' ')
            g_string_truncate (sink->out, sink->out->len - 1);
          for (guint i = 0; i < sink->pending_breaks; i++)
            g_string_append_c (sink->out, '\n');
        }
      else if (sink->pending_space && sink->out->len > 0 &&
               sink->out->str[sink->out->len - 1] != '\n')
        g_string_append_c (sink->out, ' ');

      sink->pending_breaks = 0;
      sink->pending_space = FALSE;
      g_string_append_unichar (sink->out, c);
    }
}

static gboolean
is_preformatted (xmlNode *node)
{
  for (; node != NULL; node = node->parent)
    if (node->type == XML_ELEMENT_NODE && node->name != NULL &&
        (xmlStrcasecmp (node->name, (const xmlChar *) "pre") == 0 ||
         xmlStrcasecmp (node->name, (const xmlChar *) "textarea") == 0))
      return TRUE;
  return FALSE;
}

/* Iterative walk: deeply nested pages must not exhaust the stack. */
static void
collect_text (xmlNode  *root,
              TextSink *sink)
{
  xmlNode *node = root;

  while (node != NULL)
    {
      gboolean descend = FALSE;

      if (node->type == XML_ELEMENT_NODE)
        {
          if (!is_skipped_element (node))
            {
              guint n = breaks_around (node);
              if (n > 0)
                sink_break (sink, n);
              descend = node->children != NULL;
            }
        }
      else if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
        {
          if (node->content != NULL)
            sink_text (sink, (const char *) node->content, is_preformatted (node->parent));
        }

      if (descend)
        {
          node = node->children;
          continue;
        }

      while (node != NULL && node != root && node->next == NULL)
        {
          node = node->parent;
          if (node != NULL && node->type == XML_ELEMENT_NODE)
            {
              guint n = breaks_around (node);
              if (n > 0)
                sink_break (sink, n);
            }
        }
      if (node == NULL || node == root)
        break;
      node = node->next;
    }
}

static xmlNode *
find_element (xmlNode    *node,
              const char *name)
{
  /* Breadth is small near the top: look at most three levels down. */
  for (xmlNode *child = node; child != NULL; child = child->next)
    {
      if (child->type == XML_ELEMENT_NODE && xmlStrcasecmp (child->name, (const xmlChar *) name) == 0)
        return child;
    }
  for (xmlNode *child = node; child != NULL; child = child->next)
    {
      if (child->type == XML_ELEMENT_NODE && child->children != NULL)
        {
          for (xmlNode *grand = child->children; grand != NULL; grand = grand->next)
            {
              if (grand->type == XML_ELEMENT_NODE &&
                  xmlStrcasecmp (grand->name, (const xmlChar *) name) == 0)
                return grand;
              if (grand->type == XML_ELEMENT_NODE)
                for (xmlNode *g3 = grand->children; g3 != NULL; g3 = g3->next)
                  if (g3->type == XML_ELEMENT_NODE &&
                      xmlStrcasecmp (g3->name, (const xmlChar *) name) == 0)
                    return g3;
            }
        }
    }
  return NULL;
}

static char *html_to_text (const char  *html,
                           gsize        length,
                           char       **title,
                           const char  *display,
                           GError     **error);

/**
 * diptych_html_to_text:
 * @html: the page's bytes
 * @length: their length
 * @title: (out) (optional): the page's <title>, or %NULL
 *
 * Returns: (transfer full): the readable text of the page, valid UTF-8,
 *   paragraphs separated by a blank line; scripts, styles and navigation
 *   left out.
 */
char *
diptych_html_to_text (const char  *html,
                      gsize        length,
                      char       **title)
{
  return html_to_text (html, length, title, NULL, NULL);
}

/* With @error, a page that libxml2 stopped reading half-way (it halts on
 * elements nested deeper than 256 levels) is an error rather than a
 * silently truncated document; without, the text read so far. */
static char *
html_to_text (const char  *html,
              gsize        length,
              char       **title,
              const char  *display,
              GError     **error)
{
  TextSink sink = { g_string_new (NULL), FALSE, 0 };
  const char *encoding = NULL;
  htmlParserCtxtPtr ctxt;
  htmlDocPtr doc;
  xmlNode *root;

  if (title != NULL)
    *title = NULL;

  /* Pages in UTF-8 that do not say so must not be read as Latin-1. */
  if (g_utf8_validate_len (html, length, NULL))
    encoding = "UTF-8";

  ctxt = htmlNewParserCtxt ();
  if (ctxt == NULL)
    g_error ("Out of memory");
  doc = htmlCtxtReadMemory (ctxt, html, (int) MIN (length, (gsize) G_MAXINT), NULL, encoding,
                            HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                            HTML_PARSE_NONET | HTML_PARSE_COMPACT);
  /* In recovery mode only xmlHaltParser() disables the SAX callbacks. */
  if (error != NULL && ctxt->disableSAX != 0)
    {
      const xmlError *last = xmlCtxtGetLastError (ctxt);

      if (last != NULL && last->message != NULL && strstr (last->message, "depth") != NULL)
        g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_PARSE,
                     _("%s is nested too deeply to be read: elements at line %d are more than %u levels deep."),
                     display, last->line, 256);
      else
        {
          g_autofree char *reason = g_strdup (last != NULL && last->message != NULL ? last->message : "");
          g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_PARSE,
                       _("%s could not be read past line %d. %s"),
                       display, last != NULL ? last->line : 0, g_strstrip (reason));
        }
      g_clear_pointer (&doc, xmlFreeDoc);
      htmlFreeParserCtxt (ctxt);
      g_string_free (sink.out, TRUE);
      return NULL;
    }
  htmlFreeParserCtxt (ctxt);
  if (doc == NULL)
    return g_string_free (sink.out, FALSE);

  root = xmlDocGetRootElement (doc);
  if (root != NULL)
    {
      xmlNode *body = find_element (root, "body");

      if (title != NULL)
        {
          xmlNode *title_node = find_element (root, "title");
          if (title_node != NULL)
            {
              g_autofree xmlChar *content = xmlNodeGetContent (title_node);
              if (content != NULL)
                {
                  char *stripped = g_strstrip (g_strdup ((const char *) content));
                  if (*stripped != '\0' && g_utf8_validate (stripped, -1, NULL))
                    *title = stripped;
                  else
                    g_free (stripped);
                }
            }
        }

      collect_text (body != NULL ? body : root, &sink);
    }

  xmlFreeDoc (doc);

  /* libxml2 gives UTF-8; make sure nothing else slipped through. */
  if (!g_utf8_validate (sink.out->str, sink.out->len, NULL))
    {
      char *valid = g_utf8_make_valid (sink.out->str, sink.out->len);
      g_string_free (sink.out, TRUE);
      return valid;
    }

  return g_string_free (sink.out, FALSE);
}

/**
 * diptych_import_bytes:
 * @bytes: the file's contents
 * @name: the file's display name, used in messages and as the title
 * @source: (nullable): where it came from (path or URL)
 *
 * Reads plain text (UTF-8) or HTML, told apart by the name and the content.
 */
DiptychDocument *
diptych_import_bytes (GBytes      *bytes,
                      const char  *name,
                      const char  *source,
                      GError     **error)
{
  g_autofree char *display = display_name_of (name);
  g_autofree char *text = NULL;
  g_autofree char *html_title = NULL;
  g_autofree char *from_utf16 = NULL;
  const char *data;
  const char *bad = NULL;
  const char *format;
  gsize length;
  gsize text_length;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  if (data == NULL)
    data = "";

  if (!check_size (display, length, error))
    return NULL;

  /* UTF-16 with a byte order mark (as some Windows editors save text)
   * is converted; it would look binary otherwise. */
  if (length >= 2 && (((guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE) ||
                      ((guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF)))
    {
      const char *charset = (guchar) data[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
      gsize converted = 0;

      from_utf16 = g_convert (data + 2, length - 2, "UTF-8", charset, NULL, &converted, NULL);
      if (from_utf16 == NULL)
        {
          g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_INVALID_ENCODING,
                       _("%s begins like UTF-16 text but is not valid UTF-16. Convert it to UTF-8 and open it again."),
                       display);
          return NULL;
        }
      data = from_utf16;
      length = converted;

      /* Most text takes more bytes in UTF-8 than in UTF-16. */
      if (length > DIPTYCH_IMPORT_MAX_BYTES)
        {
          g_autofree char *size_str = g_format_size (length);
          g_autofree char *max_str = g_format_size (DIPTYCH_IMPORT_MAX_BYTES);

          g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_TOO_LARGE,
                       _("%s is too large: converted from UTF-16 it takes %s. Diptych opens documents of up to %s."),
                       display, size_str, max_str);
          return NULL;
        }
    }

  if (memchr (data, '\0', length) != NULL)
    {
      g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_BINARY,
                   _("%s is a binary file, not a text or HTML document."), display);
      return NULL;
    }

  if (diptych_looks_like_html (name, data, length))
    {
      format = "html";
      text = html_to_text (data, length, &html_title, display, error);
      if (text == NULL)
        return NULL;
      text_length = strlen (text);
    }
  else
    {
      if (!g_utf8_validate_len (data, length, &bad))
        {
          g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_INVALID_ENCODING,
                       _("%s is not valid UTF-8 text (line %u). Convert it to UTF-8 and open it again."),
                       display, line_of (data, (gsize) (bad - data)));
          return NULL;
        }
      format = "text";
      text = normalize_newlines (data, length, &text_length);
    }

  return diptych_document_new (text, text_length,
                               html_title != NULL ? html_title : name,
                               source, format, NULL, error);
}

/* Pasted text: already UTF-8 from the clipboard; newlines normalized. */
DiptychDocument *
diptych_import_text (const char  *text,
                     gssize       length,
                     const char  *title,
                     GError     **error)
{
  g_autofree char *normalized = NULL;
  gsize n;

  g_return_val_if_fail (text != NULL, NULL);

  if (length < 0)
    length = strlen (text);
  if ((gsize) length > DIPTYCH_IMPORT_MAX_BYTES)
    {
      g_autofree char *max = g_format_size (DIPTYCH_IMPORT_MAX_BYTES);
      g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_TOO_LARGE,
                   _("The pasted text is too large. Diptych opens documents of up to %s."), max);
      return NULL;
    }

  normalized = normalize_newlines (text, length, &n);
  return diptych_document_new (normalized, n, title != NULL ? title : _("Pasted text"),
                               NULL, "pasted", NULL, error);
}

DiptychDocument *
diptych_import_file (GFile         *file,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *source = NULL;
  g_autofree char *display = NULL;
  const char *name;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  basename = g_file_get_basename (file);
  source = g_file_is_native (file) ? g_file_get_path (file) : g_file_get_uri (file);

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      display = display_name_of (basename);
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_NOT_FOUND,
                     _("%s does not exist."), display);
      else
        g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_IO,
                     _("%s could not be read: %s"), display, local_error->message);
      return NULL;
    }

  name = g_file_info_get_display_name (info);
  display = display_name_of (name);
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_UNSUPPORTED,
                   _("%s is a folder, not a document."), display);
      return NULL;
    }

  if (!check_size (display, MAX (g_file_info_get_size (info), 0), error))
    return NULL;

  bytes = g_file_load_bytes (file, cancellable, NULL, &local_error);
  if (bytes == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_IO,
                     _("%s could not be read: %s"), display, local_error->message);
      return NULL;
    }

  return diptych_import_bytes (bytes, name, source, error);
}

static void
import_file_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  GError *error = NULL;
  DiptychDocument *document = diptych_import_file (G_FILE (task_data), cancellable, &error);

  if (document == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, document, g_object_unref);
}

void
diptych_import_file_async (GFile               *file,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, diptych_import_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, import_file_thread);
}

DiptychDocument *
diptych_import_file_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
