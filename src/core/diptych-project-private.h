/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "diptych-project.h"

G_BEGIN_DECLS

/* For the project file reader: append items read from a file without
 * recording history or marking the project modified; ids are kept and the
 * id counter moves past them. */
void        diptych_project_load_tag        (DiptychProject    *self,
                                             DiptychTag        *tag);
void        diptych_project_load_link       (DiptychProject    *self,
                                             DiptychLink       *link);
void        diptych_project_load_omission   (DiptychProject    *self,
                                             DiptychOmission   *omission);
void        diptych_project_load_annotation (DiptychProject    *self,
                                             DiptychAnnotation *annotation);
/* Makes the loaded links and omissions the project's alignment (without
 * segments), so that opening a project does not call for aligning again. */
void        diptych_project_load_done       (DiptychProject    *self);

/* What the project file looked like on disk when it was last loaded or
 * saved (etag and size), to detect changes made by someone else. */
const char *diptych_project_get_disk_state  (DiptychProject    *self);
void        diptych_project_set_disk_state  (DiptychProject    *self,
                                             const char        *disk_state);

/* Grows with every change (::changed). */
guint64     diptych_project_get_change_serial (DiptychProject *self);

G_END_DECLS
