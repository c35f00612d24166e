/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define DIPTYCH_ERROR (diptych_error_quark ())

typedef enum
{
  DIPTYCH_ERROR_FAILED,
  DIPTYCH_ERROR_NOT_FOUND,        /* a file or a referenced item is missing */
  DIPTYCH_ERROR_TOO_LARGE,        /* over a size limit */
  DIPTYCH_ERROR_INVALID_ENCODING, /* not valid UTF-8 */
  DIPTYCH_ERROR_BINARY,           /* looks like a binary file */
  DIPTYCH_ERROR_UNSUPPORTED,      /* a format or version we cannot read */
  DIPTYCH_ERROR_PARSE,            /* malformed input (line and column in the message) */
  DIPTYCH_ERROR_INVALID,          /* well-formed but inconsistent (offsets, ids, ...) */
  DIPTYCH_ERROR_IO,               /* reading or writing failed */
  DIPTYCH_ERROR_CHANGED_ON_DISK,  /* the file changed since it was opened */
  DIPTYCH_ERROR_CANCELLED,
} DiptychErrorCode;

GQuark diptych_error_quark (void);

G_END_DECLS
