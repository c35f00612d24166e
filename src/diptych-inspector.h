/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "diptych-selection.h"

G_BEGIN_DECLS

#define DIPTYCH_TYPE_INSPECTOR (diptych_inspector_get_type ())

G_DECLARE_FINAL_TYPE (DiptychInspector, diptych_inspector, DIPTYCH, INSPECTOR, GtkWidget)

/* Shows the selected link (both passages with their word-level
 * differences, kind, score, state, shared terms) or omission. */

GtkWidget  *diptych_inspector_new          (DiptychSelection *selection);
char       *diptych_inspector_dup_passage  (DiptychInspector *self,
                                            DiptychSide       side);
const char *diptych_inspector_get_title    (DiptychInspector *self);
const char *diptych_inspector_get_discrepancies (DiptychInspector *self);
const char *diptych_inspector_get_facts    (DiptychInspector *self);

G_END_DECLS
