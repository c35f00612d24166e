/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DIPTYCH_TYPE_PREFERENCES_WINDOW (diptych_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (DiptychPreferencesWindow, diptych_preferences_window, DIPTYCH, PREFERENCES_WINDOW, AdwPreferencesWindow)

DiptychPreferencesWindow *diptych_preferences_window_new (GtkWindow *parent);

G_END_DECLS
