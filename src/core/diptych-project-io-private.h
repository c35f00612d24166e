/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Failure injection for tests of safe saving. */
typedef struct
{
  /* Creating the temporary file fails as in a read-only folder. */
  gboolean fail_create;
  /* Writing fails with "no space left" after this many bytes; -1: never. */
  gssize   fail_after_bytes;
  /* A smaller size limit for files; 0: DIPTYCH_PROJECT_MAX_SIZE. */
  guint64  max_size;
} DiptychSaveHooks;

void     diptych_project_io_set_save_hooks (const DiptychSaveHooks *hooks);
gboolean diptych_project_check_size        (const char             *name,
                                            guint64                 length,
                                            GError                **error);

G_END_DECLS
