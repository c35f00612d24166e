/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "diptych-types.h"

G_BEGIN_DECLS

#define DIPTYCH_TYPE_DOCUMENT (diptych_document_get_type ())

G_DECLARE_FINAL_TYPE (DiptychDocument, diptych_document, DIPTYCH, DOCUMENT, GObject)

/* An immutable document: UTF-8 text without NUL bytes, with its provenance.
 * Offsets everywhere in Diptych are code point offsets into this text.
 * Immutable, so it may be shared between threads. */

DiptychDocument *diptych_document_new              (const char      *text,
                                                    gssize           length,
                                                    const char      *title,
                                                    const char      *source,
                                                    const char      *format,
                                                    GDateTime       *imported,
                                                    GError         **error);
const char      *diptych_document_get_text         (DiptychDocument *self);
gsize            diptych_document_get_n_bytes      (DiptychDocument *self);
guint            diptych_document_get_length       (DiptychDocument *self);
const char      *diptych_document_get_title        (DiptychDocument *self);
const char      *diptych_document_get_source       (DiptychDocument *self);
const char      *diptych_document_get_format       (DiptychDocument *self);
GDateTime       *diptych_document_get_imported     (DiptychDocument *self);
const char      *diptych_document_get_sha256       (DiptychDocument *self);
gsize            diptych_document_char_to_byte     (DiptychDocument *self,
                                                    guint            offset);
guint            diptych_document_byte_to_char     (DiptychDocument *self,
                                                    gsize            byte_offset);
gboolean         diptych_document_span_is_valid    (DiptychDocument *self,
                                                    DiptychSpan      span);
const char      *diptych_document_span_pointer     (DiptychDocument *self,
                                                    DiptychSpan      span,
                                                    gsize           *n_bytes);
char            *diptych_document_dup_span         (DiptychDocument *self,
                                                    DiptychSpan      span);

G_END_DECLS
