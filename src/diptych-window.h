/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "diptych-application.h"
#include "diptych-core.h"
#include "diptych-comparison.h"
#include "diptych-editing.h"
#include "diptych-pane.h"
#include "diptych-session.h"

G_BEGIN_DECLS

#define DIPTYCH_TYPE_WINDOW (diptych_window_get_type ())

G_DECLARE_FINAL_TYPE (DiptychWindow, diptych_window, DIPTYCH, WINDOW, AdwApplicationWindow)

DiptychWindow  *diptych_window_new                 (DiptychApplication   *application);
DiptychWindow  *diptych_window_new_for_project     (DiptychApplication   *application,
                                                    DiptychProject       *project);
DiptychProject *diptych_window_get_project         (DiptychWindow        *self);
DiptychPane    *diptych_window_get_pane            (DiptychWindow        *self,
                                                    DiptychSide           side);
GtkBox         *diptych_window_get_link_map_slot   (DiptychWindow        *self);
GtkStack       *diptych_window_get_sidebar_stack   (DiptychWindow        *self);
DiptychComparison *diptych_window_get_comparison   (DiptychWindow        *self);
gboolean        diptych_window_get_busy            (DiptychWindow        *self);
void            diptych_window_load_file_async     (DiptychWindow        *self,
                                                    DiptychSide           side,
                                                    GFile                *file,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean        diptych_window_load_file_finish    (DiptychWindow        *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);
void            diptych_window_open_file           (DiptychWindow        *self,
                                                    DiptychSide           side,
                                                    GFile                *file);
gboolean        diptych_window_open_text           (DiptychWindow        *self,
                                                    DiptychSide           side,
                                                    const char           *text,
                                                    const char           *title);
void            diptych_window_open_demo           (DiptychWindow        *self);
void            diptych_window_show_error          (DiptychWindow        *self,
                                                    const char           *heading,
                                                    const GError         *error);
void            diptych_window_add_toast           (DiptychWindow        *self,
                                                    const char           *message);

GMenu          *diptych_window_get_recent_menu     (DiptychWindow        *self);
GtkWidget      *diptych_window_get_undo_button     (DiptychWindow        *self,
                                                    gboolean              redo);

void            diptych_window_open_project        (DiptychWindow        *self,
                                                    GFile                *file);
DiptychSession *diptych_window_get_session         (DiptychWindow        *self);

void            diptych_window_show_toast          (DiptychWindow        *self,
                                                    AdwToast             *toast);
DiptychEditing *diptych_window_get_editing         (DiptychWindow        *self);

G_END_DECLS
