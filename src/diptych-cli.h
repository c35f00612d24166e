/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* `diptych compare ...`: argv[0] is "compare". Returns the exit status. */
int diptych_cli_main (int    argc,
                      char **argv);

G_END_DECLS
