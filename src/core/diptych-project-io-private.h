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
} DiptychSaveHooks;

void diptych_project_io_set_save_hooks (const DiptychSaveHooks *hooks);

G_END_DECLS
