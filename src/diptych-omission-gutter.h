/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtksourceview/gtksource.h>

G_BEGIN_DECLS

#define DIPTYCH_TYPE_OMISSION_GUTTER (diptych_omission_gutter_get_type ())

G_DECLARE_FINAL_TYPE (DiptychOmissionGutter, diptych_omission_gutter, DIPTYCH, OMISSION_GUTTER,
                      GtkSourceGutterRenderer)

/* A bar in a pane's left margin beside every omission (the passages the
 * highlighter tags "diptych-omission"): omissions stand out at a glance,
 * and by shape, not by color alone. */

void diptych_omission_gutter_attach (GtkSourceView *view);

G_END_DECLS
