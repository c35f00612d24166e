/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "diptych-core.h"

G_BEGIN_DECLS

/* Printing the report (GtkPrintOperation): the pages of the PDF report
 * (diptych_report_paginate), laid out on the paper chosen. */
GtkPrintOperation *diptych_print_operation_new (DiptychProject *project);
void               diptych_print_project       (GtkWindow      *parent,
                                                DiptychProject *project);

G_END_DECLS
