/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "diptych-types.h"

G_BEGIN_DECLS

/* Forwards the progress of a GTask's worker thread to the task's main
 * context, coalesced: only the latest fraction matters, so at most one
 * delivery is pending. Nothing is delivered once the task has completed.
 * The relay belongs to the task (keep it in the task data). */
typedef struct _DiptychProgressRelay DiptychProgressRelay;

DiptychProgressRelay *diptych_progress_relay_new    (GTask               *task,
                                                     DiptychProgressFunc  func,
                                                     gpointer             data);
void                  diptych_progress_relay_report (double               fraction,
                                                     gpointer             relay_ptr);
void                  diptych_progress_relay_free   (DiptychProgressRelay *relay);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DiptychProgressRelay, diptych_progress_relay_free)

G_END_DECLS
