/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "diptych-project.h"

G_BEGIN_DECLS

/* Project files larger than this are refused (DIPTYCH_ERROR_TOO_LARGE). */
#define DIPTYCH_PROJECT_MAX_SIZE (64 * 1024 * 1024)

/* The version of the project format this build writes and reads. */
#define DIPTYCH_PROJECT_FORMAT_VERSION 1

typedef enum
{
  DIPTYCH_SAVE_NONE  = 0,
  /* Overwrite even if the file changed on disk since it was loaded or
   * last saved (after the user said so). */
  DIPTYCH_SAVE_FORCE = 1 << 0,
} DiptychSaveFlags;

/* In memory, for tests, fuzzing and autosave. @display_name names the
 * input in error messages (a file name). */
char           *diptych_project_to_xml          (DiptychProject       *self,
                                                 gsize                *length);
DiptychProject *diptych_project_from_xml        (const char           *data,
                                                 gsize                 length,
                                                 const char           *display_name,
                                                 GError              **error);

/* Files. Loading never writes; saving writes a temporary file beside the
 * target, syncs it and renames it over the target, after keeping the
 * previous version as a backup (diptych_project_get_backup_file()). */
DiptychProject *diptych_project_load            (GFile                *file,
                                                 GCancellable         *cancellable,
                                                 GError              **error);
void            diptych_project_load_async      (GFile                *file,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
DiptychProject *diptych_project_load_finish     (GAsyncResult         *result,
                                                 GError              **error);
gboolean        diptych_project_save            (DiptychProject       *self,
                                                 GFile                *file,
                                                 GCancellable         *cancellable,
                                                 GError              **error);
gboolean        diptych_project_save_full       (DiptychProject       *self,
                                                 GFile                *file,
                                                 DiptychSaveFlags      flags,
                                                 GCancellable         *cancellable,
                                                 GError              **error);
void            diptych_project_save_async      (DiptychProject       *self,
                                                 GFile                *file,
                                                 DiptychSaveFlags      flags,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean        diptych_project_save_finish     (DiptychProject       *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);

/* TRUE if the project's file was changed on disk (by another program or
 * instance) since the project loaded or saved it. */
gboolean        diptych_project_changed_on_disk (DiptychProject       *self,
                                                 GCancellable         *cancellable);

/* Where saving keeps the previous version of @file: "name.diptych~" beside
 * it (hidden by file managers, like editors' backups). */
GFile          *diptych_project_get_backup_file (GFile                *file);

G_END_DECLS
