/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "diptych-error.h"

G_DEFINE_QUARK (diptych-error-quark, diptych_error)
