/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "diptych-document"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "diptych-document.h"
#include "diptych-error.h"

/* Every CHECKPOINT_STRIDE code points we remember the byte offset, so that
 * converting an offset costs at most CHECKPOINT_STRIDE steps. */
#define CHECKPOINT_STRIDE 64

struct _DiptychDocument
{
  GObject    parent_instance;

  char      *text;
  gsize      n_bytes;
  guint      n_chars;
  char      *title;
  char      *source;
  char      *format;
  GDateTime *imported;
  char      *sha256;
  guint32   *checkpoints;
  guint      n_checkpoints;
};

G_DEFINE_FINAL_TYPE (DiptychDocument, diptych_document, G_TYPE_OBJECT)

static void
diptych_document_finalize (GObject *object)
{
  DiptychDocument *self = (DiptychDocument *) object;

  g_free (self->text);
  g_free (self->title);
  g_free (self->source);
  g_free (self->format);
  g_clear_pointer (&self->imported, g_date_time_unref);
  g_free (self->sha256);
  g_free (self->checkpoints);

  G_OBJECT_CLASS (diptych_document_parent_class)->finalize (object);
}

static void
diptych_document_class_init (DiptychDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = diptych_document_finalize;
}

static void
diptych_document_init (DiptychDocument *self)
{
}

static void
build_checkpoints (DiptychDocument *self)
{
  const char *p = self->text;
  const char *end = self->text + self->n_bytes;
  guint n = 0;

  self->n_checkpoints = 0;
  self->checkpoints = g_new (guint32, self->n_bytes / CHECKPOINT_STRIDE + 2);

  while (p < end)
    {
      if (n % CHECKPOINT_STRIDE == 0)
        self->checkpoints[self->n_checkpoints++] = (guint32) (p - self->text);
      p = g_utf8_next_char (p);
      n++;
    }

  self->n_chars = n;
}

/**
 * diptych_document_new:
 * @text: UTF-8 text
 * @length: length of @text in bytes, or -1 if nul-terminated
 * @title: (nullable): what the pane shows as the document's name
 * @source: (nullable): the path or URL it came from
 * @format: (nullable): "text", "html", "pasted", ...
 * @imported: (nullable): when it was imported; %NULL for now
 *
 * Returns: (transfer full): a new document, or %NULL with @error set if
 *   @text is not valid UTF-8, holds NUL bytes or is too large.
 */
DiptychDocument *
diptych_document_new (const char  *text,
                      gssize       length,
                      const char  *title,
                      const char  *source,
                      const char  *format,
                      GDateTime   *imported,
                      GError     **error)
{
  g_autoptr(DiptychDocument) self = NULL;
  const char *bad = NULL;
  gsize n_bytes;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  if (text == NULL)
    text = "";
  n_bytes = length < 0 ? strlen (text) : (gsize) length;

  if (n_bytes >= G_MAXUINT32)
    {
      g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_TOO_LARGE,
                   _("The document is too large"));
      return NULL;
    }

  if (memchr (text, '\0', n_bytes) != NULL)
    {
      g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_BINARY,
                   _("The document contains NUL bytes"));
      return NULL;
    }

  if (!g_utf8_validate_len (text, n_bytes, &bad))
    {
      g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_INVALID_ENCODING,
                   _("The document is not valid UTF-8 (at byte %lu)"),
                   (gulong) (bad - text));
      return NULL;
    }

  self = g_object_new (DIPTYCH_TYPE_DOCUMENT, NULL);
  self->text = g_strndup (text, n_bytes);
  self->n_bytes = n_bytes;
  self->title = g_strdup (title != NULL ? title : _("Untitled"));
  self->source = g_strdup (source);
  self->format = g_strdup (format != NULL ? format : "text");
  self->imported = imported != NULL ? g_date_time_ref (imported) : g_date_time_new_now_utc ();
  self->sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) self->text, n_bytes);
  build_checkpoints (self);

  return g_steal_pointer (&self);
}

const char *
diptych_document_get_text (DiptychDocument *self)
{
  g_return_val_if_fail (DIPTYCH_IS_DOCUMENT (self), NULL);
  return self->text;
}

gsize
diptych_document_get_n_bytes (DiptychDocument *self)
{
  g_return_val_if_fail (DIPTYCH_IS_DOCUMENT (self), 0);
  return self->n_bytes;
}

guint
diptych_document_get_length (DiptychDocument *self)
{
  g_return_val_if_fail (DIPTYCH_IS_DOCUMENT (self), 0);
  return self->n_chars;
}

const char *
diptych_document_get_title (DiptychDocument *self)
{
  g_return_val_if_fail (DIPTYCH_IS_DOCUMENT (self), NULL);
  return self->title;
}

const char *
diptych_document_get_source (DiptychDocument *self)
{
  g_return_val_if_fail (DIPTYCH_IS_DOCUMENT (self), NULL);
  return self->source;
}

const char *
diptych_document_get_format (DiptychDocument *self)
{
  g_return_val_if_fail (DIPTYCH_IS_DOCUMENT (self), NULL);
  return self->format;
}

GDateTime *
diptych_document_get_imported (DiptychDocument *self)
{
  g_return_val_if_fail (DIPTYCH_IS_DOCUMENT (self), NULL);
  return self->imported;
}

const char *
diptych_document_get_sha256 (DiptychDocument *self)
{
  g_return_val_if_fail (DIPTYCH_IS_DOCUMENT (self), NULL);
  return self->sha256;
}

/* Offsets past the end are clamped to the end. */
gsize
diptych_document_char_to_byte (DiptychDocument *self,
                               guint            offset)
{
  const char *p;
  guint left;

  g_return_val_if_fail (DIPTYCH_IS_DOCUMENT (self), 0);

  if (offset >= self->n_chars)
    return self->n_bytes;

  p = self->text + self->checkpoints[offset / CHECKPOINT_STRIDE];
  for (left = offset % CHECKPOINT_STRIDE; left > 0; left--)
    p = g_utf8_next_char (p);

  return (gsize) (p - self->text);
}

/* A byte offset inside a character counts as that character. */
guint
diptych_document_byte_to_char (DiptychDocument *self,
                               gsize            byte_offset)
{
  guint lo, hi, offset;
  const char *p, *target;

  g_return_val_if_fail (DIPTYCH_IS_DOCUMENT (self), 0);

  if (byte_offset >= self->n_bytes)
    return self->n_chars;

  /* Last checkpoint at or before byte_offset. */
  lo = 0;
  hi = self->n_checkpoints;
  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;
      if (self->checkpoints[mid] <= byte_offset)
        lo = mid;
      else
        hi = mid;
    }

  offset = lo * CHECKPOINT_STRIDE;
  p = self->text + self->checkpoints[lo];
  target = self->text + byte_offset;
  while (p < target)
    {
      const char *next = g_utf8_next_char (p);
      if (next > target)
        break;
      p = next;
      offset++;
    }

  return offset;
}

gboolean
diptych_document_span_is_valid (DiptychDocument *self,
                                DiptychSpan      span)
{
  g_return_val_if_fail (DIPTYCH_IS_DOCUMENT (self), FALSE);
  return span.start <= span.end && span.end <= self->n_chars;
}

/* Returns a pointer into the text and the span's length in bytes; the span
 * is clamped to the document. */
const char *
diptych_document_span_pointer (DiptychDocument *self,
                               DiptychSpan      span,
                               gsize           *n_bytes)
{
  gsize start, end;

  g_return_val_if_fail (DIPTYCH_IS_DOCUMENT (self), NULL);

  start = diptych_document_char_to_byte (self, span.start);
  end = diptych_document_char_to_byte (self, MAX (span.start, span.end));
  if (n_bytes != NULL)
    *n_bytes = end - start;

  return self->text + start;
}

char *
diptych_document_dup_span (DiptychDocument *self,
                           DiptychSpan      span)
{
  const char *p;
  gsize n;

  g_return_val_if_fail (DIPTYCH_IS_DOCUMENT (self), NULL);

  p = diptych_document_span_pointer (self, span, &n);
  return g_strndup (p, n);
}
