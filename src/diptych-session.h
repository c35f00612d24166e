/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "diptych-core.h"

G_BEGIN_DECLS

typedef struct _DiptychWindow DiptychWindow;

#define DIPTYCH_TYPE_SESSION (diptych_session_get_type ())

G_DECLARE_FINAL_TYPE (DiptychSession, diptych_session, DIPTYCH, SESSION, GObject)

/* The file side of a window: Open Project, Save, Save As, recent
 * projects, "Save changes?" on close, autosave snapshots and recovery.
 * The window owns one and forwards its close request to it. */
DiptychSession *diptych_session_new                   (DiptychWindow        *window);
char           *diptych_session_dup_project_name      (DiptychProject       *project);
gboolean        diptych_session_has_unsaved_work      (DiptychProject       *project);
gboolean        diptych_session_close_request         (DiptychSession       *self);
void            diptych_session_open_project_async    (DiptychSession       *self,
                                                       GFile                *file,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
DiptychWindow  *diptych_session_open_project_finish   (DiptychSession       *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);
void            diptych_session_open_project          (DiptychSession       *self,
                                                       GFile                *file);
void            diptych_session_save_async            (DiptychSession       *self,
                                                       GFile                *file,
                                                       DiptychSaveFlags      flags,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
gboolean        diptych_session_save_finish           (DiptychSession       *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);
void            diptych_session_add_recent            (DiptychSession       *self,
                                                       GFile                *file);
gboolean        diptych_session_autosave              (DiptychSession       *self,
                                                       GError              **error);
void            diptych_session_offer_recovery        (GtkApplication       *application);
void            diptych_session_shutdown              (void);

G_END_DECLS
