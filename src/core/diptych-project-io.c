/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "diptych-project-io"

#include "config.h"

/*
 * Diptych project files (*.diptych), format 1
 * ===========================================
 *
 * UTF-8 XML in the namespace https://diptych.github.io/ns/project/1,
 * described by the RELAX NG schema diptych-project.rng (compiled into the
 * core library as a GResource and used on every load):
 *
 *   <diptych-project xmlns="https://diptych.github.io/ns/project/1" version="1">
 *     <settings granularity="sentence" sensitivity="0.5"/>
 *     <document side="a" format="text" imported="2025-03-18T17:00:00Z"
 *               length="1405" sha256="…">           (zero, one or two)
 *       <title>…</title> <source>…</source> <text>…</text>
 *     </document>
 *     <tags> <tag name="Omission" color="#e01b24"/> … </tags>
 *     <links>
 *       <link id="l1" a-start="0" a-end="112" b-start="0" b-end="94"
 *             kind="reworded" score="0.71" state="confirmed">
 *         <term>ceasefire</term> <uncovered side="a" start="90" end="112"/>
 *       </link>
 *     </links>
 *     <omissions> <omission id="o1" side="b" start="520" end="640" state="auto"/> </omissions>
 *     <annotations>
 *       <annotation id="n1" side="b" start="10" end="42" tag="Demand" link="l1"
 *                   created="…" [orphaned="true"]>
 *         <quote>…</quote> <before>…</before> <after>…</after> <note>…</note>
 *       </annotation>
 *     </annotations>
 *   </diptych-project>
 *
 * Offsets are code point offsets into the embedded document text, which is
 * authoritative: its SHA-256 is checked on load and a mismatch is an error
 * (the file was edited by hand or damaged). Free text that XML 1.0 cannot
 * carry (control characters) is written as base64 with encoding="base64".
 * Text longer than 4 MB is cut by empty comments (<!---->), since XML
 * tools refuse text nodes over 10 MB; readers join the pieces.
 * Word-level differences are not stored: they are recomputed.
 *
 * The writer is deterministic: items in list order, numbers with "%.6g",
 * times in UTC, no time of saving; save → load → save gives the same bytes.
 *
 * The reader is defensive: a size limit, no DOCTYPE (so no DTD and no
 * entities), no network, no XInclude, then schema validation, then the
 * checks a schema cannot make (offsets, unique ids, references, checksums).
 * A file that fails to load is never written to.
 *
 * Saving writes ".name.diptych.XXXXXX" beside the target, fsyncs it, keeps
 * the previous version as "name.diptych~" (a hard link, else a copy) and
 * renames the new file over the target, so the target is at every moment
 * either the old or the new version.
 */

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diptych-core-resources.h"
#include "diptych-error.h"
#include "diptych-project-io.h"
#include "diptych-project-io-private.h"
#include "diptych-project-private.h"

#define PROJECT_NS "https://diptych.github.io/ns/project/1"
#define SCHEMA_RESOURCE "/io/github/diptych/Diptych/core/diptych-project.rng"
#define WRITE_CHUNK (64 * 1024)

static DiptychSaveHooks save_hooks = { FALSE, -1, 0 };

void
diptych_project_io_set_save_hooks (const DiptychSaveHooks *hooks)
{
  if (hooks != NULL)
    save_hooks = *hooks;
  else
    save_hooks = (DiptychSaveHooks) { FALSE, -1, 0 };
}

/* ------------------------------------------------------------------ */
/* Writing                                                              */
/* ------------------------------------------------------------------ */

static gboolean
is_xml_char (gunichar c)
{
  return c == 0x9 || c == 0xA || c == 0xD ||
         (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0x10FFFF);
}

static gboolean
text_is_xml_safe (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!is_xml_char (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* libxml2 refuses a text node over 10 MB unless parsing with
 * XML_PARSE_HUGE, which we never do: long text is cut by empty comments
 * into pieces that are read back as one text. */
#define TEXT_PIECE_BYTES (4 * 1024 * 1024)

static void
append_escaped (GString    *out,
                const char *text,
                gboolean    attribute)
{
  gsize piece = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      /* Between characters only, never inside one. */
      if (!attribute && piece >= TEXT_PIECE_BYTES && ((guchar) *p & 0xC0) != 0x80)
        {
          g_string_append (out, "<!---->");
          piece = 0;
        }
      piece++;

      switch (*p)
        {
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        /* A literal CR would be read back as LF. */
        case '\r': g_string_append (out, "&#13;"); break;
        case '"':
          g_string_append (out, attribute ? "&quot;" : "\"");
          break;
        case '\n':
          g_string_append (out, attribute ? "&#10;" : "\n");
          break;
        case '\t':
          g_string_append (out, attribute ? "&#9;" : "\t");
          break;
        default:
          g_string_append_c (out, *p);
        }
    }
}

/* Attribute values are short, program-made strings (formats, tag names):
 * characters XML cannot carry become U+FFFD. */
static void
append_attr (GString    *out,
             const char *name,
             const char *value)
{
  g_autofree char *valid = g_utf8_make_valid (value != NULL ? value : "", -1);
  g_autoptr(GString) clean = g_string_new (NULL);

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      g_string_append_unichar (clean, is_xml_char (c) ? c : 0xFFFD);
    }

  g_string_append_printf (out, " %s=\"", name);
  append_escaped (out, clean->str, TRUE);
  g_string_append_c (out, '"');
}

static void
append_attr_uint (GString    *out,
                  const char *name,
                  guint       value)
{
  g_string_append_printf (out, " %s=\"%u\"", name, value);
}

static void
append_attr_double (GString    *out,
                    const char *name,
                    double      value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buf, sizeof buf, "%.6g", value);
  g_string_append_printf (out, " %s=\"%s\"", name, buf);
}

static void
append_attr_time (GString    *out,
                  const char *name,
                  GDateTime  *time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);
  g_autofree char *str = g_date_time_format_iso8601 (utc);

  append_attr (out, name, str);
}

static void
append_text_element (GString    *out,
                     const char *indent,
                     const char *name,
                     const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);

  g_string_append_printf (out, "%s<%s", indent, name);
  if (text_is_xml_safe (valid))
    {
      g_string_append_c (out, '>');
      append_escaped (out, valid, FALSE);
    }
  else
    {
      g_autofree char *b64 = g_base64_encode ((const guchar *) valid, strlen (valid));
      g_string_append (out, " encoding=\"base64\">");
      append_escaped (out, b64, FALSE);
    }
  g_string_append_printf (out, "</%s>\n", name);
}

static void
write_document (GString         *out,
                DiptychSide      side,
                DiptychDocument *document)
{
  g_string_append (out, "  <document");
  append_attr (out, "side", diptych_side_to_string (side));
  append_attr (out, "format", diptych_document_get_format (document));
  append_attr_time (out, "imported", diptych_document_get_imported (document));
  append_attr_uint (out, "length", diptych_document_get_length (document));
  append_attr (out, "sha256", diptych_document_get_sha256 (document));
  g_string_append (out, ">\n");
  append_text_element (out, "    ", "title", diptych_document_get_title (document));
  if (diptych_document_get_source (document) != NULL)
    append_text_element (out, "    ", "source", diptych_document_get_source (document));
  append_text_element (out, "    ", "text", diptych_document_get_text (document));
  g_string_append (out, "  </document>\n");
}

static void
write_link (GString  *out,
            gpointer  item,
            gpointer  user_data)
{
  DiptychLink *link = item;
  const char * const *terms = diptych_link_get_shared_terms (link);
  DiptychSpan a = diptych_link_get_span (link, DIPTYCH_SIDE_A);
  DiptychSpan b = diptych_link_get_span (link, DIPTYCH_SIDE_B);
  gboolean has_children = terms != NULL && terms[0] != NULL;

  for (guint side = 0; side < DIPTYCH_N_SIDES; side++)
    {
      guint n = 0;
      diptych_link_get_uncovered (link, side, &n);
      has_children |= n > 0;
    }

  g_string_append (out, "    <link");
  append_attr (out, "id", diptych_link_get_id (link));
  append_attr_uint (out, "a-start", a.start);
  append_attr_uint (out, "a-end", a.end);
  append_attr_uint (out, "b-start", b.start);
  append_attr_uint (out, "b-end", b.end);
  append_attr (out, "kind", diptych_link_kind_to_string (diptych_link_get_kind (link)));
  append_attr_double (out, "score", diptych_link_get_score (link));
  append_attr (out, "state", diptych_state_to_string (diptych_link_get_state (link)));

  if (!has_children)
    {
      g_string_append (out, "/>\n");
      return;
    }

  g_string_append (out, ">\n");
  for (guint i = 0; terms != NULL && terms[i] != NULL; i++)
    append_text_element (out, "      ", "term", terms[i]);
  for (guint side = 0; side < DIPTYCH_N_SIDES; side++)
    {
      guint n = 0;
      const DiptychSpan *spans = diptych_link_get_uncovered (link, side, &n);

      for (guint i = 0; i < n; i++)
        {
          g_string_append (out, "      <uncovered");
          append_attr (out, "side", diptych_side_to_string (side));
          append_attr_uint (out, "start", spans[i].start);
          append_attr_uint (out, "end", spans[i].end);
          g_string_append (out, "/>\n");
        }
    }
  g_string_append (out, "    </link>\n");
}

static void
write_annotation (GString  *out,
                  gpointer  item,
                  gpointer  user_data)
{
  DiptychAnnotation *annotation = item;
  DiptychSpan span = diptych_annotation_get_span (annotation);

  g_string_append (out, "    <annotation");
  append_attr (out, "id", diptych_annotation_get_id (annotation));
  append_attr (out, "side", diptych_side_to_string (diptych_annotation_get_side (annotation)));
  append_attr_uint (out, "start", span.start);
  append_attr_uint (out, "end", span.end);
  append_attr (out, "tag", diptych_annotation_get_tag (annotation));
  append_attr_time (out, "created", diptych_annotation_get_created (annotation));
  /* Only a link that exists: the file must load again. */
  if (diptych_annotation_get_link_id (annotation) != NULL &&
      g_hash_table_contains (user_data, diptych_annotation_get_link_id (annotation)))
    append_attr (out, "link", diptych_annotation_get_link_id (annotation));
  if (diptych_annotation_get_orphaned (annotation))
    append_attr (out, "orphaned", "true");
  g_string_append (out, ">\n");
  if (diptych_annotation_get_quote (annotation) != NULL)
    append_text_element (out, "      ", "quote", diptych_annotation_get_quote (annotation));
  if (diptych_annotation_get_context_before (annotation) != NULL)
    append_text_element (out, "      ", "before", diptych_annotation_get_context_before (annotation));
  if (diptych_annotation_get_context_after (annotation) != NULL)
    append_text_element (out, "      ", "after", diptych_annotation_get_context_after (annotation));
  append_text_element (out, "      ", "note", diptych_annotation_get_note (annotation));
  g_string_append (out, "    </annotation>\n");
}

static void
write_tag (GString  *out,
           gpointer  item,
           gpointer  user_data)
{
  DiptychTag *tag = item;

  g_string_append (out, "    <tag");
  append_attr (out, "name", diptych_tag_get_name (tag));
  append_attr (out, "color", diptych_tag_get_color (tag));
  g_string_append (out, "/>\n");
}

static void
write_omission (GString  *out,
                gpointer  item,
                gpointer  user_data)
{
  DiptychOmission *omission = item;
  DiptychSpan span = diptych_omission_get_span (omission);

  g_string_append (out, "    <omission");
  append_attr (out, "id", diptych_omission_get_id (omission));
  append_attr (out, "side", diptych_side_to_string (diptych_omission_get_side (omission)));
  append_attr_uint (out, "start", span.start);
  append_attr_uint (out, "end", span.end);
  append_attr (out, "state", diptych_state_to_string (diptych_omission_get_state (omission)));
  g_string_append (out, "/>\n");
}

typedef void (*WriteItemFunc) (GString  *out,
                               gpointer  item,
                               gpointer  user_data);

static void
write_list (GString       *out,
            const char    *name,
            GListModel    *model,
            WriteItemFunc  write_item,
            gpointer       user_data)
{
  guint n = g_list_model_get_n_items (model);

  g_string_append_printf (out, "  <%s>\n", name);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      write_item (out, item, user_data);
    }
  g_string_append_printf (out, "  </%s>\n", name);
}

/**
 * diptych_project_to_xml:
 * @self: a project
 * @length: (out) (optional): the length of the result in bytes
 *
 * Returns: (transfer full): the project file's contents
 */
char *
diptych_project_to_xml (DiptychProject *self,
                        gsize          *length)
{
  const DiptychAlignSettings *settings;
  g_autoptr(GHashTable) link_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GListModel *links;
  GString *out;

  g_return_val_if_fail (DIPTYCH_IS_PROJECT (self), NULL);

  out = g_string_sized_new (4096);
  settings = diptych_project_get_settings (self);
  links = diptych_project_get_links (self);
  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(DiptychLink) link = g_list_model_get_item (links, i);
      if (diptych_link_get_id (link) != NULL)
        g_hash_table_add (link_ids, g_strdup (diptych_link_get_id (link)));
    }

  g_string_append (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  g_string_append (out, "<diptych-project xmlns=\"" PROJECT_NS "\"");
  append_attr_uint (out, "version", DIPTYCH_PROJECT_FORMAT_VERSION);
  g_string_append (out, ">\n");

  g_string_append (out, "  <settings");
  append_attr (out, "granularity", diptych_granularity_to_string (settings->granularity));
  append_attr_double (out, "sensitivity", settings->sensitivity);
  g_string_append (out, "/>\n");

  for (guint side = 0; side < DIPTYCH_N_SIDES; side++)
    {
      DiptychDocument *document = diptych_project_get_document (self, side);
      if (document != NULL)
        write_document (out, side, document);
    }

  write_list (out, "tags", diptych_project_get_tags (self), write_tag, NULL);
  write_list (out, "links", links, write_link, NULL);
  write_list (out, "omissions", diptych_project_get_omissions (self), write_omission, NULL);
  write_list (out, "annotations", diptych_project_get_annotations (self), write_annotation, link_ids);

  g_string_append (out, "</diptych-project>\n");

  if (length != NULL)
    *length = out->len;

  return g_string_free (out, FALSE);
}

/* Files over the limit are refused on loading, so they are never written:
 * what Diptych saves, it can open again. */
gboolean
diptych_project_check_size (const char  *name,
                            guint64      length,
                            GError     **error)
{
  guint64 limit = save_hooks.max_size > 0 ? save_hooks.max_size : DIPTYCH_PROJECT_MAX_SIZE;
  g_autofree char *size_str = NULL;
  g_autofree char *limit_str = NULL;

  if (length <= limit)
    return TRUE;

  size_str = g_format_size (length);
  limit_str = g_format_size (limit);
  g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_TOO_LARGE,
               _("“%s” is too large to be a Diptych project (%s; the limit is %s)"),
               name, size_str, limit_str);
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Reading                                                              */
/* ------------------------------------------------------------------ */

typedef struct
{
  const char     *name;       /* for messages */
  DiptychProject *project;
  GHashTable     *ids;        /* every id in the file */
  GHashTable     *link_ids;
  GHashTable     *tag_names;
  guint           lengths[DIPTYCH_N_SIDES];
  gboolean        has_document[DIPTYCH_N_SIDES];
} Reader;

static void reader_error (Reader     *reader,
                          xmlNode    *node,
                          GError    **error,
                          const char *format,
                          ...) G_GNUC_PRINTF (4, 5);

static void
reader_error (Reader     *reader,
              xmlNode    *node,
              GError    **error,
              const char *format,
              ...)
{
  g_autofree char *detail = NULL;
  va_list args;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);

  /* TRANSLATORS: the first %s is a file name, the second what is wrong */
  g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_INVALID,
               _("“%s” is not a valid Diptych project: line %ld: %s"),
               reader->name, xmlGetLineNo (node), detail);
}

static char *
prop (xmlNode    *node,
      const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

static xmlNode *
first_element (xmlNode *node)
{
  while (node != NULL && node->type != XML_ELEMENT_NODE)
    node = node->next;
  return node;
}

static xmlNode *
next_element (xmlNode *node)
{
  return first_element (node->next);
}

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE &&
         strcmp ((const char *) node->name, name) == 0;
}

static xmlNode *
find_child (xmlNode    *node,
            const char *name)
{
  for (xmlNode *child = first_element (node->children); child != NULL; child = next_element (child))
    if (is_element (child, name))
      return child;
  return NULL;
}

/* The text of an element, decoded if it is base64; NULL (with @error) if
 * it is not valid UTF-8 or holds NUL bytes. */
static char *
read_text (Reader   *reader,
           xmlNode  *node,
           GError  **error)
{
  xmlChar *content = xmlNodeGetContent (node);
  g_autofree char *encoding = prop (node, "encoding");
  g_autofree char *text = g_strdup (content != NULL ? (const char *) content : "");

  xmlFree (content);

  if (g_strcmp0 (encoding, "base64") == 0)
    {
      gsize n = 0;
      g_autofree guchar *raw = g_base64_decode (text, &n);

      if (memchr (raw, '\0', n) != NULL || !g_utf8_validate_len ((const char *) raw, n, NULL))
        {
          reader_error (reader, node, error,
                        _("the base64 text of <%s> is not valid UTF-8"),
                        (const char *) node->name);
          return NULL;
        }
      g_free (text);
      text = g_strndup ((const char *) raw, n);
    }

  return g_steal_pointer (&text);
}

static char *
read_child_text (Reader      *reader,
                 xmlNode     *node,
                 const char  *name,
                 gboolean    *ok,
                 GError     **error)
{
  xmlNode *child = find_child (node, name);
  char *text;

  if (child == NULL)
    return NULL;

  text = read_text (reader, child, error);
  if (text == NULL)
    *ok = FALSE;
  return text;
}

static gboolean
read_uint (Reader      *reader,
           xmlNode     *node,
           const char  *name,
           guint       *value,
           GError     **error)
{
  g_autofree char *str = prop (node, name);
  guint64 v = 0;

  if (str == NULL || !g_ascii_string_to_unsigned (str, 10, 0, G_MAXUINT, &v, NULL))
    {
      reader_error (reader, node, error, _("the attribute %s=“%s” is not a valid offset"),
                    name, str != NULL ? str : "");
      return FALSE;
    }

  *value = (guint) v;
  return TRUE;
}

static gboolean
read_double (Reader      *reader,
             xmlNode     *node,
             const char  *name,
             double       min,
             double       max,
             double      *value,
             GError     **error)
{
  g_autofree char *str = prop (node, name);
  char *end = NULL;
  double v;

  v = str != NULL ? g_ascii_strtod (str, &end) : 0;
  if (str == NULL || end == str || *end != '\0' || !(v >= min && v <= max))
    {
      reader_error (reader, node, error, _("the attribute %s=“%s” is not a number from %g to %g"),
                    name, str != NULL ? str : "", min, max);
      return FALSE;
    }

  *value = v;
  return TRUE;
}

static gboolean
read_side (Reader      *reader,
           xmlNode     *node,
           DiptychSide *side,
           GError     **error)
{
  g_autofree char *str = prop (node, "side");

  if (!diptych_side_from_string (str, side))
    {
      reader_error (reader, node, error, _("unknown side “%s”"), str != NULL ? str : "");
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_state (Reader       *reader,
            xmlNode      *node,
            DiptychState *state,
            GError      **error)
{
  g_autofree char *str = prop (node, "state");

  if (!diptych_state_from_string (str, state))
    {
      reader_error (reader, node, error, _("unknown state “%s”"), str != NULL ? str : "");
      return FALSE;
    }

  return TRUE;
}

static GDateTime *
read_time (Reader      *reader,
           xmlNode     *node,
           const char  *name,
           GError     **error)
{
  g_autofree char *str = prop (node, name);
  GDateTime *time = str != NULL ? g_date_time_new_from_iso8601 (str, NULL) : NULL;

  if (time == NULL)
    reader_error (reader, node, error, _("the attribute %s=“%s” is not a valid time"),
                  name, str != NULL ? str : "");

  return time;
}

/* A span of the document of @side, read from @start_attr and @end_attr. */
static gboolean
read_span (Reader      *reader,
           xmlNode     *node,
           DiptychSide  side,
           const char  *start_attr,
           const char  *end_attr,
           gboolean     allow_empty,
           DiptychSpan *span,
           GError     **error)
{
  if (!read_uint (reader, node, start_attr, &span->start, error) ||
      !read_uint (reader, node, end_attr, &span->end, error))
    return FALSE;

  if (!reader->has_document[side])
    {
      reader_error (reader, node, error, _("<%s> refers to document %s, which the project does not contain"),
                    (const char *) node->name, diptych_side_get_label (side));
      return FALSE;
    }

  if (span->end < span->start || (!allow_empty && span->end == span->start))
    {
      reader_error (reader, node, error, _("the range %u–%u of <%s> is empty or reversed"),
                    span->start, span->end, (const char *) node->name);
      return FALSE;
    }

  if (span->end > reader->lengths[side])
    {
      reader_error (reader, node, error,
                    ngettext ("the range %u–%u of <%s> is out of document %s, which has %u character",
                              "the range %u–%u of <%s> is out of document %s, which has %u characters",
                              reader->lengths[side]),
                    span->start, span->end, (const char *) node->name,
                    diptych_side_get_label (side), reader->lengths[side]);
      return FALSE;
    }

  return TRUE;
}

static char *
read_id (Reader   *reader,
         xmlNode  *node,
         GError  **error)
{
  g_autofree char *id = prop (node, "id");

  if (id == NULL || *id == '\0')
    {
      reader_error (reader, node, error, _("<%s> has no id"), (const char *) node->name);
      return NULL;
    }

  if (g_hash_table_contains (reader->ids, id))
    {
      reader_error (reader, node, error, _("the id “%s” is used twice"), id);
      return NULL;
    }

  g_hash_table_add (reader->ids, g_strdup (id));
  return g_steal_pointer (&id);
}

static gboolean
read_settings (Reader   *reader,
               xmlNode  *node,
               GError  **error)
{
  DiptychAlignSettings settings = DIPTYCH_ALIGN_SETTINGS_DEFAULT;
  g_autofree char *granularity = prop (node, "granularity");

  if (!diptych_granularity_from_string (granularity, &settings.granularity))
    {
      reader_error (reader, node, error, _("unknown granularity “%s”"),
                    granularity != NULL ? granularity : "");
      return FALSE;
    }

  if (!read_double (reader, node, "sensitivity", 0.0, 1.0, &settings.sensitivity, error))
    return FALSE;

  diptych_project_set_settings (reader->project, &settings);
  return TRUE;
}

static gboolean
read_document (Reader   *reader,
               xmlNode  *node,
               GError  **error)
{
  g_autoptr(DiptychDocument) document = NULL;
  g_autoptr(GDateTime) imported = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *format = prop (node, "format");
  g_autofree char *sha256 = prop (node, "sha256");
  g_autofree char *title = NULL;
  g_autofree char *source = NULL;
  g_autofree char *text = NULL;
  gboolean ok = TRUE;
  DiptychSide side;
  guint length;

  if (!read_side (reader, node, &side, error) ||
      !read_uint (reader, node, "length", &length, error))
    return FALSE;

  if (reader->has_document[side])
    {
      reader_error (reader, node, error, _("document %s appears twice"), diptych_side_get_label (side));
      return FALSE;
    }

  if ((imported = read_time (reader, node, "imported", error)) == NULL)
    return FALSE;

  title = read_child_text (reader, node, "title", &ok, error);
  if (ok)
    source = read_child_text (reader, node, "source", &ok, error);
  if (ok)
    text = read_child_text (reader, node, "text", &ok, error);
  if (!ok)
    return FALSE;
  if (text == NULL)
    {
      reader_error (reader, node, error, _("document %s has no text"), diptych_side_get_label (side));
      return FALSE;
    }

  document = diptych_document_new (text, -1, title, source, format, imported, &local_error);
  if (document == NULL)
    {
      reader_error (reader, node, error, _("document %s: %s"), diptych_side_get_label (side), local_error->message);
      return FALSE;
    }

  if (g_strcmp0 (diptych_document_get_sha256 (document), sha256) != 0)
    {
      reader_error (reader, node, error,
                    _("the text of document %s does not match its SHA-256 checksum: "
                      "the file was changed outside Diptych or is damaged"),
                    diptych_side_get_label (side));
      return FALSE;
    }

  if (diptych_document_get_length (document) != length)
    {
      reader_error (reader, node, error,
                    ngettext ("document %s should have %u character but its text has %u",
                              "document %s should have %u characters but its text has %u",
                              length),
                    diptych_side_get_label (side), length, diptych_document_get_length (document));
      return FALSE;
    }

  reader->has_document[side] = TRUE;
  reader->lengths[side] = length;
  diptych_project_set_document (reader->project, side, document);
  return TRUE;
}

static gboolean
read_tag (Reader   *reader,
          xmlNode  *node,
          GError  **error)
{
  g_autofree char *name = prop (node, "name");
  g_autofree char *color = prop (node, "color");
  g_autoptr(DiptychTag) tag = NULL;

  if (name == NULL || *name == '\0' || !diptych_tag_color_is_valid (color))
    {
      reader_error (reader, node, error, _("a tag needs a name and a color like #3584e4"));
      return FALSE;
    }

  if (g_hash_table_contains (reader->tag_names, name))
    {
      reader_error (reader, node, error, _("the tag “%s” is defined twice"), name);
      return FALSE;
    }

  tag = diptych_tag_new (name, color);
  g_hash_table_add (reader->tag_names, g_steal_pointer (&name));
  diptych_project_load_tag (reader->project, tag);
  return TRUE;
}

static gboolean
read_link (Reader   *reader,
           xmlNode  *node,
           GError  **error)
{
  g_autoptr(DiptychLink) link = NULL;
  g_autoptr(GPtrArray) terms = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *id = NULL;
  g_autofree char *kind_str = prop (node, "kind");
  DiptychSpan a, b;
  DiptychLinkKind kind;
  DiptychState state;
  double score;

  if ((id = read_id (reader, node, error)) == NULL ||
      !read_span (reader, node, DIPTYCH_SIDE_A, "a-start", "a-end", FALSE, &a, error) ||
      !read_span (reader, node, DIPTYCH_SIDE_B, "b-start", "b-end", FALSE, &b, error) ||
      !read_double (reader, node, "score", 0.0, 1.0, &score, error) ||
      !read_state (reader, node, &state, error))
    return FALSE;

  if (!diptych_link_kind_from_string (kind_str, &kind))
    {
      reader_error (reader, node, error, _("unknown link kind “%s”"), kind_str != NULL ? kind_str : "");
      return FALSE;
    }

  link = diptych_link_new (a, b, kind, score, state);
  diptych_link_set_id (link, id);

  for (xmlNode *child = first_element (node->children); child != NULL; child = next_element (child))
    {
      if (is_element (child, "term"))
        {
          char *term = read_text (reader, child, error);
          if (term == NULL)
            return FALSE;
          g_ptr_array_add (terms, term);
        }
      else if (is_element (child, "uncovered"))
        {
          DiptychSpan span;
          DiptychSide side;

          if (!read_side (reader, child, &side, error) ||
              !read_span (reader, child, side, "start", "end", TRUE, &span, error))
            return FALSE;
          diptych_link_add_uncovered (link, side, span);
        }
    }

  if (terms->len > 0)
    {
      g_ptr_array_add (terms, NULL);
      diptych_link_set_shared_terms (link, (const char * const *) terms->pdata);
    }

  g_hash_table_add (reader->link_ids, g_strdup (id));
  diptych_project_load_link (reader->project, link);
  return TRUE;
}

static gboolean
read_omission (Reader   *reader,
               xmlNode  *node,
               GError  **error)
{
  g_autoptr(DiptychOmission) omission = NULL;
  g_autofree char *id = NULL;
  DiptychSpan span;
  DiptychSide side;
  DiptychState state;

  if ((id = read_id (reader, node, error)) == NULL ||
      !read_side (reader, node, &side, error) ||
      !read_span (reader, node, side, "start", "end", FALSE, &span, error) ||
      !read_state (reader, node, &state, error))
    return FALSE;

  omission = diptych_omission_new (side, span, state);
  diptych_omission_set_id (omission, id);
  diptych_project_load_omission (reader->project, omission);
  return TRUE;
}

static gboolean
read_annotation (Reader   *reader,
                 xmlNode  *node,
                 GError  **error)
{
  g_autoptr(DiptychAnnotation) annotation = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autofree char *id = NULL;
  g_autofree char *tag = prop (node, "tag");
  g_autofree char *link_id = prop (node, "link");
  g_autofree char *orphaned = prop (node, "orphaned");
  g_autofree char *quote = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *note = NULL;
  gboolean ok = TRUE;
  DiptychSpan span;
  DiptychSide side;

  if ((id = read_id (reader, node, error)) == NULL ||
      !read_side (reader, node, &side, error) ||
      !read_span (reader, node, side, "start", "end", orphaned != NULL, &span, error) ||
      (created = read_time (reader, node, "created", error)) == NULL)
    return FALSE;

  if (tag != NULL && *tag != '\0' && !g_hash_table_contains (reader->tag_names, tag))
    {
      reader_error (reader, node, error, _("the annotation “%s” uses the tag “%s”, which is not in the tag set"),
                    id, tag);
      return FALSE;
    }

  if (link_id != NULL && !g_hash_table_contains (reader->link_ids, link_id))
    {
      reader_error (reader, node, error, _("the annotation “%s” refers to the link “%s”, which does not exist"),
                    id, link_id);
      return FALSE;
    }

  quote = read_child_text (reader, node, "quote", &ok, error);
  if (ok)
    before = read_child_text (reader, node, "before", &ok, error);
  if (ok)
    after = read_child_text (reader, node, "after", &ok, error);
  if (ok)
    note = read_child_text (reader, node, "note", &ok, error);
  if (!ok)
    return FALSE;

  annotation = diptych_annotation_new (side, span, tag, note);
  diptych_annotation_set_id (annotation, id);
  diptych_annotation_set_link_id (annotation, link_id);
  diptych_annotation_set_created (annotation, created);
  diptych_annotation_set_orphaned (annotation, orphaned != NULL);
  if (quote != NULL || before != NULL || after != NULL)
    diptych_annotation_set_anchor_text (annotation, quote, before, after);
  diptych_project_load_annotation (reader->project, annotation);
  return TRUE;
}

typedef gboolean (*ReadItemFunc) (Reader   *reader,
                                  xmlNode  *node,
                                  GError  **error);

static gboolean
read_list (Reader        *reader,
           xmlNode       *root,
           const char    *list_name,
           ReadItemFunc   read_item,
           GError       **error)
{
  xmlNode *list = find_child (root, list_name);

  if (list == NULL)
    {
      reader_error (reader, root, error, _("the element <%s> is missing"), list_name);
      return FALSE;
    }

  for (xmlNode *child = first_element (list->children); child != NULL; child = next_element (child))
    if (!read_item (reader, child, error))
      return FALSE;

  return TRUE;
}

static xmlRelaxNGPtr
get_schema (void)
{
  static gsize initialized = 0;
  static xmlRelaxNGPtr schema = NULL;

  if (g_once_init_enter (&initialized))
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;

      bytes = g_resource_lookup_data (diptych_core_get_resource (), SCHEMA_RESOURCE,
                                      G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      if (bytes != NULL)
        {
          xmlRelaxNGParserCtxtPtr pctxt;
          gsize size;
          const char *data = g_bytes_get_data (bytes, &size);

          pctxt = xmlRelaxNGNewMemParserCtxt (data, (int) size);
          schema = xmlRelaxNGParse (pctxt);
          xmlRelaxNGFreeParserCtxt (pctxt);
        }

      if (schema == NULL)
        g_critical ("The project schema %s could not be loaded", SCHEMA_RESOURCE);

      g_once_init_leave (&initialized, 1);
    }

  return schema;
}

typedef struct
{
  char *message;
  int   line;
} FirstError;

static void
collect_first_error (void           *user_data,
                     const xmlError *error)
{
  FirstError *first = user_data;

  if (first->message != NULL || error == NULL)
    return;

  first->message = g_strdup (error->message != NULL ? error->message : "");
  first->message[strcspn (first->message, "\n")] = '\0';
  first->line = error->line;
}

/* The schema's messages for a missing element name the element found in
 * its place ("Did not expect element document there"): name the missing
 * one instead. Returns the first required child of the root that is
 * absent, or %NULL. */
static const char *
missing_top_level_element (xmlNode *root)
{
  static const char * const required[] = { "settings", "tags", "links", "omissions", "annotations" };

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    {
      gboolean found = FALSE;

      for (xmlNode *child = root->children; child != NULL && !found; child = child->next)
        found = child->type == XML_ELEMENT_NODE && strcmp ((const char *) child->name, required[i]) == 0;
      if (!found)
        return required[i];
    }
  return NULL;
}

static gboolean
validate (xmlDoc      *doc,
          const char  *name,
          GError     **error)
{
  static GMutex mutex;
  xmlRelaxNGPtr schema = get_schema ();
  xmlRelaxNGValidCtxtPtr vctxt;
  FirstError first = { NULL, 0 };
  const char *missing;
  int ret;

  if (schema == NULL)
    {
      g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_FAILED,
                   _("The project schema is missing from this build of Diptych"));
      return FALSE;
    }

  /* Validation reads the shared schema; keep it to one thread at a time. */
  g_mutex_lock (&mutex);
  vctxt = xmlRelaxNGNewValidCtxt (schema);
  /* The cast: libxml2 before 2.12 declares the error non-const. */
  xmlRelaxNGSetValidStructuredErrors (vctxt, (xmlStructuredErrorFunc) collect_first_error, &first);
  ret = xmlRelaxNGValidateDoc (vctxt, doc);
  xmlRelaxNGFreeValidCtxt (vctxt);
  g_mutex_unlock (&mutex);

  if (ret != 0)
    {
      missing = missing_top_level_element (xmlDocGetRootElement (doc));
      if (missing != NULL)
        g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_INVALID,
                     _("“%s” is not a valid Diptych project: the element <%s> is missing"),
                     name, missing);
      else
        g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_INVALID,
                     _("“%s” is not a valid Diptych project: line %d: %s"),
                     name, first.line, first.message != NULL ? first.message : _("it does not match the schema"));
      g_free (first.message);
      return FALSE;
    }

  g_free (first.message);
  return TRUE;
}

static gboolean
contains_doctype (const char *data,
                  gsize       length)
{
  static const char needle[] = "<!DOCTYPE";
  const char *p = data;
  const char *end = data + length;

  while (p < end && (p = memchr (p, '<', end - p)) != NULL)
    {
      if ((gsize) (end - p) >= sizeof needle - 1 &&
          g_ascii_strncasecmp (p, needle, sizeof needle - 1) == 0)
        return TRUE;
      p++;
    }

  return FALSE;
}

/* Diptych writes its projects in UTF-8. Any other encoding would pass
 * the file through one of libxml2's converters, which report errors on
 * stderr and hide where the file is broken: refuse them up front.
 * Returns the encoding the file declares (or a name for its byte order
 * mark) when it is not UTF-8, else %NULL. */
static char *
foreign_encoding (const char *data,
                  gsize       length)
{
  const char *end, *p;
  char quote;

  if (length >= 2 && (((guchar) data[0] == 0xfe && (guchar) data[1] == 0xff) ||
                      ((guchar) data[0] == 0xff && (guchar) data[1] == 0xfe)))
    return g_strdup ("UTF-16");
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  if (length < 5 || strncmp (data, "<?xml", 5) != 0)
    return NULL;

  end = memchr (data, '>', MIN (length, 256));
  if (end == NULL)
    return NULL;
  p = g_strstr_len (data, end - data, "encoding");
  if (p == NULL)
    return NULL;
  p += strlen ("encoding");
  while (p < end && (*p == ' ' || *p == '=' || *p == '\t' || *p == '\r' || *p == '\n'))
    p++;
  if (p >= end || (*p != '"' && *p != '\''))
    return NULL;
  quote = *p++;
  for (const char *q = p; q < end; q++)
    if (*q == quote)
      {
        g_autofree char *name = g_strndup (p, q - p);

        if (g_ascii_strcasecmp (name, "UTF-8") == 0 || g_ascii_strcasecmp (name, "UTF8") == 0)
          return NULL;
        return g_steal_pointer (&name);
      }
  return NULL;
}

static gboolean
check_root (xmlNode     *root,
            const char  *name,
            GError     **error)
{
  g_autofree char *version = NULL;
  guint64 v = 0;

  if (root == NULL || strcmp ((const char *) root->name, "diptych-project") != 0 ||
      root->ns == NULL || g_strcmp0 ((const char *) root->ns->href, PROJECT_NS) != 0)
    {
      g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_UNSUPPORTED,
                   _("“%s” is not a Diptych project"), name);
      return FALSE;
    }

  version = prop (root, "version");
  if (version == NULL)
    {
      g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_UNSUPPORTED,
                   _("“%s” does not say which version of the Diptych format it uses"), name);
      return FALSE;
    }

  if (!g_ascii_string_to_unsigned (version, 10, 1, G_MAXUINT, &v, NULL))
    {
      g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_UNSUPPORTED,
                   _("“%s” uses an unknown version of the Diptych format (“%s”); this version reads format %d"),
                   name, version, DIPTYCH_PROJECT_FORMAT_VERSION);
      return FALSE;
    }

  if (v > DIPTYCH_PROJECT_FORMAT_VERSION)
    {
      g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_UNSUPPORTED,
                   _("“%s” was written by a newer version of Diptych (format %s); this version reads format %d"),
                   name, version, DIPTYCH_PROJECT_FORMAT_VERSION);
      return FALSE;
    }

  return TRUE;
}

/**
 * diptych_project_from_xml:
 * @data: the contents of a project file
 * @length: length of @data in bytes
 * @display_name: (nullable): what to call the input in error messages
 *
 * Parses a project safely (no DTD, entities, network or XInclude) and
 * validates it against the schema and for consistency.
 *
 * Returns: (transfer full): a new, unmodified project, or %NULL with
 *   @error set to a message naming the problem.
 */
DiptychProject *
diptych_project_from_xml (const char  *data,
                          gsize        length,
                          const char  *display_name,
                          GError     **error)
{
  g_autoptr(DiptychProject) project = NULL;
  xmlParserCtxtPtr ctxt = NULL;
  xmlDoc *doc = NULL;
  xmlNode *root;
  Reader reader = { 0 };
  gboolean ok = FALSE;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  reader.name = display_name != NULL ? display_name : _("Project");

  if (!diptych_project_check_size (reader.name, length, error))
    return NULL;

  if (length == 0)
    {
      g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_PARSE,
                   _("“%s” is not a valid Diptych project: the file is empty"), reader.name);
      return NULL;
    }

  if (contains_doctype (data, length))
    {
      g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_UNSUPPORTED,
                   _("“%s” contains a DOCTYPE, which Diptych does not accept"), reader.name);
      return NULL;
    }

  {
    g_autofree char *encoding = foreign_encoding (data, length);

    if (encoding != NULL)
      {
        g_autofree char *valid = g_utf8_make_valid (encoding, -1);

        g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_UNSUPPORTED,
                     _("“%s” is not a valid Diptych project: it is encoded in %s, and Diptych projects are UTF-8"),
                     reader.name, valid);
        return NULL;
      }
  }

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    {
      g_set_error_literal (error, DIPTYCH_ERROR, DIPTYCH_ERROR_FAILED, _("Out of memory"));
      return NULL;
    }

  /* Never NOENT, DTDLOAD, XINCLUDE or HUGE. The encoding comes from the
   * file (UTF-8 unless it says otherwise): forcing one makes libxml2
   * 2.9 stream the input through a converter, which stops at 10 MB. */
  doc = xmlCtxtReadMemory (ctxt, data, (int) length, NULL, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                           XML_PARSE_BIG_LINES);
  if (doc == NULL || !ctxt->wellFormed)
    {
      const xmlError *xml_error = xmlCtxtGetLastError (ctxt);
      g_autofree char *message = NULL;

      /* libxml2 says "Input is not proper UTF-8, indicate encoding !". */
      if (xml_error != NULL &&
          (xml_error->code == XML_ERR_INVALID_ENCODING ||
           (xml_error->message != NULL && g_str_has_prefix (xml_error->message, "Input is not proper UTF-8"))))
        message = g_strdup (_("the text is not valid UTF-8"));
      else
        message = g_strdup (xml_error != NULL && xml_error->message != NULL
                            ? xml_error->message : _("malformed XML"));
      /* The first line says it; libxml2 may add a dump of bytes. */
      message[strcspn (message, "\n")] = '\0';
      g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_PARSE,
                   _("“%s” is not a valid Diptych project: line %d, column %d: %s"),
                   reader.name,
                   xml_error != NULL ? xml_error->line : 0,
                   xml_error != NULL ? xml_error->int2 : 0,
                   message);
      goto out;
    }

  if (doc->intSubset != NULL || doc->extSubset != NULL)
    {
      g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_UNSUPPORTED,
                   _("“%s” contains a DOCTYPE, which Diptych does not accept"), reader.name);
      goto out;
    }

  root = xmlDocGetRootElement (doc);
  if (!check_root (root, reader.name, error) || !validate (doc, reader.name, error))
    goto out;

  project = diptych_project_new ();
  reader.project = project;
  reader.ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  reader.link_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  reader.tag_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  {
    xmlNode *settings = find_child (root, "settings");

    if (settings == NULL)
      {
        reader_error (&reader, root, error, _("the element <%s> is missing"), "settings");
        goto out;
      }
    if (!read_settings (&reader, settings, error))
      goto out;
  }

  for (xmlNode *child = first_element (root->children); child != NULL; child = next_element (child))
    if (is_element (child, "document") && !read_document (&reader, child, error))
      goto out;

  if (!read_list (&reader, root, "tags", read_tag, error) ||
      !read_list (&reader, root, "links", read_link, error) ||
      !read_list (&reader, root, "omissions", read_omission, error) ||
      !read_list (&reader, root, "annotations", read_annotation, error))
    goto out;

  diptych_project_load_done (project);
  ok = TRUE;

out:
  g_clear_pointer (&reader.ids, g_hash_table_unref);
  g_clear_pointer (&reader.link_ids, g_hash_table_unref);
  g_clear_pointer (&reader.tag_names, g_hash_table_unref);
  if (doc != NULL)
    xmlFreeDoc (doc);
  xmlFreeParserCtxt (ctxt);

  return ok ? g_steal_pointer (&project) : NULL;
}

/* ------------------------------------------------------------------ */
/* Files                                                                */
/* ------------------------------------------------------------------ */

static char *
display_name_of (GFile *file)
{
  char *name = g_file_get_basename (file);
  return name != NULL ? name : g_file_get_uri (file);
}

static char *
disk_state_from_info (GFileInfo *info)
{
  const char *etag = g_file_info_get_etag (info);

  return g_strdup_printf ("%s/%" G_GOFFSET_FORMAT,
                          etag != NULL ? etag : "",
                          g_file_info_get_size (info));
}

/* NULL if the file does not exist (or cannot be queried). */
static char *
query_disk_state (GFile        *file,
                  GCancellable *cancellable)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file,
                                                 G_FILE_ATTRIBUTE_ETAG_VALUE ","
                                                 G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                 G_FILE_QUERY_INFO_NONE, cancellable, NULL);

  return info != NULL ? disk_state_from_info (info) : NULL;
}

/* @what says what failed ("Could not open “x.diptych”"). */
static void
set_io_error (GError     **error,
              GError      *cause,
              const char  *what)
{
  int code = DIPTYCH_ERROR_IO;

  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    code = DIPTYCH_ERROR_NOT_FOUND;
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    code = DIPTYCH_ERROR_CANCELLED;

  g_set_error (error, DIPTYCH_ERROR, code, "%s: %s", what, cause->message);
}

static DiptychProject *
load_file (GFile         *file,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GFileInputStream) input = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GByteArray) buffer = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(DiptychProject) project = NULL;
  g_autofree char *name = display_name_of (file);
  g_autofree char *state = NULL;

  input = g_file_read (file, cancellable, &local_error);
  if (input == NULL)
    {
      {
        g_autofree char *what = g_strdup_printf (_("Could not open “%s”"), name);
        set_io_error (error, local_error, what);
      }
      return NULL;
    }

  info = g_file_input_stream_query_info (input,
                                         G_FILE_ATTRIBUTE_ETAG_VALUE ","
                                         G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                         cancellable, NULL);
  if (info != NULL && !diptych_project_check_size (name, g_file_info_get_size (info), error))
    return NULL;

  /* Read at most one byte past the limit, whatever the size said. */
  buffer = g_byte_array_new ();
  for (;;)
    {
      guint8 chunk[WRITE_CHUNK];
      gssize n = g_input_stream_read (G_INPUT_STREAM (input), chunk, sizeof chunk,
                                      cancellable, &local_error);
      if (n < 0)
        {
          {
            g_autofree char *what = g_strdup_printf (_("Could not read “%s”"), name);
            set_io_error (error, local_error, what);
          }
          return NULL;
        }
      if (n == 0)
        break;
      g_byte_array_append (buffer, chunk, n);
      if (buffer->len > DIPTYCH_PROJECT_MAX_SIZE)
        break;
    }

  if (info != NULL)
    state = disk_state_from_info (info);

  project = diptych_project_from_xml ((const char *) buffer->data, buffer->len, name, error);
  if (project == NULL)
    return NULL;

  diptych_project_set_file (project, file);
  diptych_project_set_disk_state (project, state);
  return g_steal_pointer (&project);
}

/**
 * diptych_project_load:
 * @file: a project file
 *
 * Returns: (transfer full): the project, unmodified, remembering @file and
 *   its state on disk; %NULL with @error set if it cannot be read.
 */
DiptychProject *
diptych_project_load (GFile         *file,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  return load_file (file, cancellable, error);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  DiptychProject *project = load_file (task_data, cancellable, &error);

  if (project == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, project, g_object_unref);
}

void
diptych_project_load_async (GFile               *file,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  /* libxml2 2.9 wants its first initialization on one thread. */
  xmlInitParser ();

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, diptych_project_load_async);
  /* Cancelling gives DIPTYCH_ERROR_CANCELLED, as the sync call does. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

DiptychProject *
diptych_project_load_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == diptych_project_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

GFile *
diptych_project_get_backup_file (GFile *file)
{
  g_autoptr(GFile) parent = NULL;
  g_autofree char *base = NULL;
  g_autofree char *backup = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  parent = g_file_get_parent (file);
  base = g_file_get_basename (file);
  backup = g_strconcat (base, "~", NULL);

  return parent != NULL ? g_file_get_child (parent, backup) : NULL;
}

static void
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *what)
{
  g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_IO, "%s: %s", what, g_strerror (saved_errno));
}

/* Keeps the file at @path as "@path~": a hard link, else a copy. A failed
 * backup does not stop the save: the rename keeps the target whole. */
static void
keep_backup (const char *path)
{
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) from = NULL;
  g_autoptr(GFile) to = NULL;
  g_autoptr(GError) error = NULL;

  if (g_unlink (backup) != 0 && errno != ENOENT)
    g_debug ("Could not remove the old backup %s: %s", backup, g_strerror (errno));

  if (link (path, backup) == 0)
    return;

  from = g_file_new_for_path (path);
  to = g_file_new_for_path (backup);
  if (!g_file_copy (from, to, G_FILE_COPY_OVERWRITE | G_FILE_COPY_NOFOLLOW_SYMLINKS,
                    NULL, NULL, NULL, &error))
    g_debug ("Could not keep a backup of %s: %s", path, error->message);
}

/* Temporary files of saves that were killed before they could rename or
 * remove them: ".name.diptych.XXXXXX" beside the target, older than a
 * save could take (a fresh one may be another instance's save). */
#define STALE_TEMP_SECONDS (10 * 60)

static void
remove_stale_temporaries (const char *dir,
                          const char *base)
{
  g_autofree char *prefix = g_strdup_printf (".%s.", base);
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;

  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf st;

      if (!g_str_has_prefix (name, prefix) || strlen (name) != strlen (prefix) + 6)
        continue;

      path = g_build_filename (dir, name, NULL);
      if (g_lstat (path, &st) == 0 && S_ISREG (st.st_mode) && now - st.st_mtime > STALE_TEMP_SECONDS)
        g_unlink (path);
    }
}

static gboolean
write_all (int          fd,
           const char  *data,
           gsize        length,
           GCancellable *cancellable,
           int         *saved_errno)
{
  gsize written = 0;

  while (written < length)
    {
      gsize chunk = MIN (length - written, WRITE_CHUNK);
      gssize n;

      if (g_cancellable_is_cancelled (cancellable))
        {
          *saved_errno = ECANCELED;
          return FALSE;
        }

      if (save_hooks.fail_after_bytes >= 0 && written + chunk > (gsize) save_hooks.fail_after_bytes)
        {
          gsize allowed = save_hooks.fail_after_bytes - MIN (written, (gsize) save_hooks.fail_after_bytes);

          if (allowed > 0 && write (fd, data + written, allowed) > 0)
            written += allowed;
          *saved_errno = ENOSPC;
          return FALSE;
        }

      n = write (fd, data + written, chunk);
      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          *saved_errno = errno;
          return FALSE;
        }
      written += n;
    }

  return TRUE;
}

static gboolean
write_local (const char    *path,
             const char    *name,
             const char    *data,
             gsize          length,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmp_name = g_strdup_printf (".%s.XXXXXX", base);
  g_autofree char *tmp_path = g_build_filename (dir, tmp_name, NULL);
  struct stat st;
  int saved_errno = 0;
  int fd, dir_fd;

  remove_stale_temporaries (dir, base);

  if (save_hooks.fail_create)
    {
      fd = -1;
      errno = EACCES;
    }
  else
    fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0666);

  if (fd < 0)
    {
      int saved = errno;
      g_autofree char *what = g_strdup_printf (_("Could not save “%s”: could not create a file in its folder"), name);
      set_errno_error (error, saved, what);
      return FALSE;
    }

  /* Saving does not change who may read the project. */
  if (g_stat (path, &st) == 0)
    fchmod (fd, st.st_mode & 07777);

  if (!write_all (fd, data, length, cancellable, &saved_errno))
    goto fail;

  if (fsync (fd) != 0)
    {
      saved_errno = errno;
      goto fail;
    }

  if (close (fd) != 0)
    {
      fd = -1;
      saved_errno = errno;
      goto fail;
    }
  fd = -1;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    keep_backup (path);

  if (g_rename (tmp_path, path) != 0)
    {
      saved_errno = errno;
      goto fail;
    }

  /* Make the rename itself durable. */
  dir_fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd >= 0)
    {
      fsync (dir_fd);
      close (dir_fd);
    }

  return TRUE;

fail:
  if (fd >= 0)
    close (fd);
  g_unlink (tmp_path);

  if (saved_errno == ECANCELED)
    g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_CANCELLED,
                 _("Saving “%s” was cancelled"), name);
  else
    {
      g_autofree char *what = g_strdup_printf (_("Could not save “%s”"), name);
      set_errno_error (error, saved_errno, what);
    }

  return FALSE;
}

/* Writes @bytes to @file atomically. Runs on any thread. */
static gboolean
write_file (GFile         *file,
            GBytes        *bytes,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = display_name_of (file);
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  if (path != NULL)
    {
      /* Saving through a symbolic link replaces the file it points to,
       * not the link. */
      g_autofree char *target = realpath (path, NULL);

      return write_local (target != NULL ? target : path, name, data, length, cancellable, error);
    }

  /* Not a local file: GIO writes a temporary file and keeps a backup. */
  {
    g_autoptr(GError) local_error = NULL;

    if (!g_file_replace_contents (file, data, length, NULL, TRUE, G_FILE_CREATE_NONE,
                                  NULL, cancellable, &local_error))
      {
        {
          g_autofree char *what = g_strdup_printf (_("Could not save “%s”"), name);
          set_io_error (error, local_error, what);
        }
        return FALSE;
      }
  }

  return TRUE;
}

typedef struct
{
  GFile  *file;
  GBytes *bytes;
  char   *expected_state;   /* NULL: do not check */
  char   *new_state;
  guint64 serial;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_free (data->expected_state);
  g_free (data->new_state);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveData, save_data_free)

static SaveData *
save_data_new (DiptychProject   *self,
               GFile            *file,
               DiptychSaveFlags  flags)
{
  SaveData *data = g_new0 (SaveData, 1);
  GFile *current = diptych_project_get_file (self);
  gsize length = 0;
  char *xml = diptych_project_to_xml (self, &length);

  data->file = g_object_ref (file);
  data->bytes = g_bytes_new_take (xml, length);
  data->serial = diptych_project_get_change_serial (self);

  if ((flags & DIPTYCH_SAVE_FORCE) == 0 && current != NULL && g_file_equal (current, file))
    data->expected_state = g_strdup (diptych_project_get_disk_state (self));

  return data;
}

static gboolean
save_data_run (SaveData      *data,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autofree char *name = display_name_of (data->file);

  if (!diptych_project_check_size (name, g_bytes_get_size (data->bytes), error))
    return FALSE;

  if (data->expected_state != NULL)
    {
      g_autofree char *current = query_disk_state (data->file, cancellable);

      /* A file someone deleted can be written again without loss. */
      if (current != NULL && strcmp (current, data->expected_state) != 0)
        {
          g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_CHANGED_ON_DISK,
                       _("“%s” was changed by another program since Diptych opened or saved it"),
                       name);
          return FALSE;
        }
    }

  if (!write_file (data->file, data->bytes, cancellable, error))
    return FALSE;

  data->new_state = query_disk_state (data->file, NULL);
  return TRUE;
}

static void
save_data_apply (DiptychProject *self,
                 SaveData       *data)
{
  diptych_project_set_file (self, data->file);
  diptych_project_set_disk_state (self, data->new_state);
  /* Edits made while an asynchronous save ran are not in the file. */
  if (diptych_project_get_change_serial (self) == data->serial)
    diptych_project_set_modified (self, FALSE);
}

/**
 * diptych_project_save_full:
 * @self: a project
 * @file: where to save
 * @flags: %DIPTYCH_SAVE_FORCE to overwrite a file changed on disk
 *
 * Saves atomically (see the top of this file). If @file is the project's
 * file and it changed on disk since it was loaded or saved, fails with
 * %DIPTYCH_ERROR_CHANGED_ON_DISK unless @flags has %DIPTYCH_SAVE_FORCE.
 * On failure the previous file is intact and no temporary file is left.
 * On success the project remembers @file and is no longer modified.
 */
gboolean
diptych_project_save_full (DiptychProject    *self,
                           GFile             *file,
                           DiptychSaveFlags   flags,
                           GCancellable      *cancellable,
                           GError           **error)
{
  g_autoptr(SaveData) data = NULL;

  g_return_val_if_fail (DIPTYCH_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);

  data = save_data_new (self, file, flags);
  if (!save_data_run (data, cancellable, error))
    return FALSE;

  save_data_apply (self, data);
  return TRUE;
}

gboolean
diptych_project_save (DiptychProject  *self,
                      GFile           *file,
                      GCancellable    *cancellable,
                      GError         **error)
{
  return diptych_project_save_full (self, file, DIPTYCH_SAVE_NONE, cancellable, error);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;

  if (save_data_run (task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* The XML is made on the calling thread; writing runs in a thread. */
void
diptych_project_save_async (DiptychProject      *self,
                            GFile               *file,
                            DiptychSaveFlags     flags,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (DIPTYCH_IS_PROJECT (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, diptych_project_save_async);
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, save_data_new (self, file, flags), (GDestroyNotify) save_data_free);
  g_task_run_in_thread (task, save_thread);
}

gboolean
diptych_project_save_finish (DiptychProject  *self,
                             GAsyncResult    *result,
                             GError         **error)
{
  g_return_val_if_fail (DIPTYCH_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == diptych_project_save_async, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  save_data_apply (self, g_task_get_task_data (G_TASK (result)));
  return TRUE;
}

gboolean
diptych_project_changed_on_disk (DiptychProject *self,
                                 GCancellable   *cancellable)
{
  g_autofree char *current = NULL;
  GFile *file;
  const char *state;

  g_return_val_if_fail (DIPTYCH_IS_PROJECT (self), FALSE);

  file = diptych_project_get_file (self);
  state = diptych_project_get_disk_state (self);
  if (file == NULL || state == NULL)
    return FALSE;

  current = query_disk_state (file, cancellable);
  return current != NULL && strcmp (current, state) != 0;
}
