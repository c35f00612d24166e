/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "diptych-core.h"

G_BEGIN_DECLS

/* Texts of the fixture project: English on side A (with markup and
 * formula-looking text), Russian, Arabic and Hebrew on side B. */
extern const char *report_fixture_text_a;
extern const char *report_fixture_text_b;

DiptychProject *report_fixture_new       (void);
DiptychSpan     report_fixture_span      (const char     *text,
                                          const char     *needle);
char           *report_fixture_write     (DiptychProject *project,
                                          DiptychReportFormat format,
                                          const DiptychReportOptions *options,
                                          gsize          *length);
DiptychProject *report_fixture_new_large (guint           n_sentences);

G_END_DECLS
