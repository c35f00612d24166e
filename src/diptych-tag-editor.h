/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "diptych-core.h"

G_BEGIN_DECLS

#define DIPTYCH_TYPE_TAG_EDITOR (diptych_tag_editor_get_type ())

G_DECLARE_FINAL_TYPE (DiptychTagEditor, diptych_tag_editor, DIPTYCH, TAG_EDITOR, AdwWindow)

/* The project's tag set: rename, recolor, add, remove (all undoable). */
GtkWidget *diptych_tag_editor_new     (DiptychProject   *project);
gboolean   diptych_tag_editor_add_tag (DiptychTagEditor *self,
                                       GError          **error);

G_END_DECLS
