/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "diptych-core.h"

G_BEGIN_DECLS

typedef struct _DiptychWindow DiptychWindow;

#define DIPTYCH_TYPE_EXPORT_DIALOG (diptych_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (DiptychExportDialog, diptych_export_dialog, DIPTYCH, EXPORT_DIALOG, AdwWindow)

/* Export Report: format, what to include, word-level differences, paper
 * size; then where, then the report is written in the background with
 * progress and Cancel, and a toast offers to open it. */
GtkWidget          *diptych_export_dialog_new              (DiptychWindow        *window);
void                diptych_export_dialog_present          (DiptychWindow        *window);
void                diptych_export_dialog_set_format       (DiptychExportDialog  *self,
                                                            DiptychReportFormat   format);
DiptychReportFormat diptych_export_dialog_get_format       (DiptychExportDialog  *self);
void                diptych_export_dialog_set_only_annotated (DiptychExportDialog *self,
                                                            gboolean              only_annotated);
void                diptych_export_dialog_set_word_diff    (DiptychExportDialog  *self,
                                                            gboolean              word_diff);
void                diptych_export_dialog_set_paper        (DiptychExportDialog  *self,
                                                            DiptychPaperSize      paper);
void                diptych_export_dialog_get_options      (DiptychExportDialog  *self,
                                                            DiptychReportOptions *options);
void                diptych_export_dialog_export_async     (DiptychExportDialog  *self,
                                                            GFile                *file,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
gboolean            diptych_export_dialog_export_finish    (DiptychExportDialog  *self,
                                                            GAsyncResult         *result,
                                                            GError              **error);

G_END_DECLS
