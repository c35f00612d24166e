/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "diptych-core.h"

G_BEGIN_DECLS

#define TEST_TEXT_A "The leaders agreed on a ceasefire.\nThey discussed energy.\r\nPrisoners: 175 for 175. Kyiv\x0c page two & <more>."
#define TEST_TEXT_B "Обе стороны обсудили энергетику.\nThe presidents agreed to a truce.\tTabs \"quoted\".\nHockey matches."

DiptychProject *project_test_new          (void);
char           *project_test_tmpdir       (void);
void            project_test_assert_valid (const char *path);
void            project_test_rm_rf        (const char *path);

G_END_DECLS
