/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "diptych-aligner.h"
#include "diptych-alignment.h"
#include "diptych-anchor.h"
#include "diptych-annotation.h"
#include "diptych-document.h"
#include "diptych-error.h"
#include "diptych-history.h"
#include "diptych-import.h"
#include "diptych-link.h"
#include "diptych-project.h"
#include "diptych-project-io.h"
#include "diptych-recovery.h"
#include "diptych-report.h"
#include "diptych-span-index.h"
#include "diptych-tag.h"
#include "diptych-types.h"
