/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define DIPTYCH_TYPE_HISTORY (diptych_history_get_type ())

G_DECLARE_FINAL_TYPE (DiptychHistory, diptych_history, DIPTYCH, HISTORY, GObject)

/* Applies a recorded edit: @redo TRUE does it again, FALSE undoes it. */
typedef void (*DiptychHistoryApplyFunc) (gpointer data,
                                         gboolean redo);

/* An undo/redo stack of edits. Each edit is recorded after it was made,
 * as a function that can undo and redo it. Edits recorded between
 * begin_group() and end_group() undo and redo as one. Recording is ignored
 * while an edit is being undone or redone. */
DiptychHistory *diptych_history_new            (void);
void            diptych_history_record         (DiptychHistory          *self,
                                                const char              *label,
                                                DiptychHistoryApplyFunc  apply,
                                                gpointer                 data,
                                                GDestroyNotify           destroy);
void            diptych_history_begin_group    (DiptychHistory          *self,
                                                const char              *label);
void            diptych_history_end_group      (DiptychHistory          *self);
gboolean        diptych_history_undo           (DiptychHistory          *self);
gboolean        diptych_history_redo           (DiptychHistory          *self);
void            diptych_history_clear          (DiptychHistory          *self);
gboolean        diptych_history_get_can_undo   (DiptychHistory          *self);
gboolean        diptych_history_get_can_redo   (DiptychHistory          *self);
/* "Undo Add Annotation" / "Redo Add Annotation", or "Undo" / "Redo". */
const char     *diptych_history_get_undo_label (DiptychHistory          *self);
const char     *diptych_history_get_redo_label (DiptychHistory          *self);
gboolean        diptych_history_is_applying    (DiptychHistory          *self);

G_END_DECLS
