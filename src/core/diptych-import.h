/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "diptych-document.h"

G_BEGIN_DECLS

/* Documents larger than this are refused with DIPTYCH_ERROR_TOO_LARGE. */
#define DIPTYCH_IMPORT_MAX_BYTES (32 * 1024 * 1024)

DiptychDocument *diptych_import_bytes       (GBytes               *bytes,
                                             const char           *name,
                                             const char           *source,
                                             GError              **error);
DiptychDocument *diptych_import_text        (const char           *text,
                                             gssize                length,
                                             const char           *title,
                                             GError              **error);
DiptychDocument *diptych_import_file        (GFile                *file,
                                             GCancellable         *cancellable,
                                             GError              **error);
void             diptych_import_file_async  (GFile                *file,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
DiptychDocument *diptych_import_file_finish (GAsyncResult         *result,
                                             GError              **error);
char            *diptych_html_to_text       (const char           *html,
                                             gsize                 length,
                                             char                **title);
gboolean         diptych_looks_like_html    (const char           *name,
                                             const char           *data,
                                             gsize                 length);

G_END_DECLS
