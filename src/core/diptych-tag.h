/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define DIPTYCH_TYPE_TAG (diptych_tag_get_type ())

G_DECLARE_FINAL_TYPE (DiptychTag, diptych_tag, DIPTYCH, TAG, GObject)

/* A tag of the project's tag set: a name and a color ("#rrggbb"). */
DiptychTag *diptych_tag_new       (const char *name,
                                   const char *color);
const char *diptych_tag_get_name  (DiptychTag *self);
void        diptych_tag_set_name  (DiptychTag *self,
                                   const char *name);
const char *diptych_tag_get_color (DiptychTag *self);
void        diptych_tag_set_color (DiptychTag *self,
                                   const char *color);
gboolean    diptych_tag_color_is_valid (const char *color);

G_END_DECLS
