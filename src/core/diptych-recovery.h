/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "diptych-project.h"

G_BEGIN_DECLS

#define DIPTYCH_TYPE_RECOVERY (diptych_recovery_get_type ())
#define DIPTYCH_TYPE_SNAPSHOT (diptych_snapshot_get_type ())

G_DECLARE_FINAL_TYPE (DiptychRecovery, diptych_recovery, DIPTYCH, RECOVERY, GObject)
G_DECLARE_FINAL_TYPE (DiptychSnapshot, diptych_snapshot, DIPTYCH, SNAPSHOT, GObject)

/* Autosave and crash recovery.
 *
 * Each running Diptych holds one DiptychRecovery: a session folder
 * <recovery dir>/<pid>-<random>/ with a lock file it keeps locked while it
 * runs. Autosave writes each window's unsaved project there as a snapshot
 * (the project XML and a small key file naming the project file it
 * belongs to). Saving or closing a project discards its snapshot; a clean
 * exit calls diptych_recovery_close(), which removes the session folder.
 * A session folder whose lock nobody holds belongs to a process that died:
 * its snapshots are offered back (diptych_recovery_list_recoverable()).
 * diptych_recovery_watch() does the autosave of a window's project: a
 * snapshot a moment after each change, discarded when the project is
 * saved; diptych_recovery_unwatch() when the window closes.
 *
 * The recovery dir is $DIPTYCH_RECOVERY_DIR if set (tests), else
 * $XDG_STATE_HOME/diptych/recovery. */

char            *diptych_recovery_get_dir             (void);

DiptychRecovery *diptych_recovery_new                 (GError          **error);
gboolean         diptych_recovery_save_snapshot       (DiptychRecovery  *self,
                                                       const char       *key,
                                                       DiptychProject   *project,
                                                       GError          **error);
gboolean         diptych_recovery_discard_snapshot    (DiptychRecovery  *self,
                                                       const char       *key,
                                                       GError          **error);
void             diptych_recovery_watch               (DiptychRecovery  *self,
                                                       const char       *key,
                                                       DiptychProject   *project,
                                                       guint             delay_ms);
void             diptych_recovery_unwatch             (DiptychRecovery  *self,
                                                       const char       *key);
void             diptych_recovery_close               (DiptychRecovery  *self);

/* Snapshots of sessions that ended without closing (crashed), oldest
 * first, as a list of DiptychSnapshot. */
GListModel      *diptych_recovery_list_recoverable    (GError          **error);

GFile           *diptych_snapshot_get_project_file    (DiptychSnapshot  *self);
const char      *diptych_snapshot_get_title           (DiptychSnapshot  *self);
GDateTime       *diptych_snapshot_get_saved           (DiptychSnapshot  *self);
/* The project as it was, modified, with its project file if it had one. */
DiptychProject  *diptych_snapshot_load                (DiptychSnapshot  *self,
                                                       GCancellable     *cancellable,
                                                       GError          **error);
/* Forgets the snapshot (after it was recovered, or if the user declines). */
gboolean         diptych_snapshot_discard             (DiptychSnapshot  *self,
                                                       GError          **error);

G_END_DECLS
