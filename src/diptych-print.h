/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "diptych-core.h"

G_BEGIN_DECLS

/* Printing the report (GtkPrintOperation): the two documents' passages
 * side by side by link, the omissions and the annotations, typeset with
 * Pango, with a header naming the documents and page numbers. */
GtkPrintOperation *diptych_print_operation_new (DiptychProject *project);
void               diptych_print_project       (GtkWindow      *parent,
                                                DiptychProject *project);

G_END_DECLS
