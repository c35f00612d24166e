/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses of `diptych compare`. */
#define DIPTYCH_CLI_EXIT_OK    0
#define DIPTYCH_CLI_EXIT_ERROR 1  /* a document, project or output failed */
#define DIPTYCH_CLI_EXIT_USAGE 2  /* the command line itself is wrong */

/* `diptych compare ...`: argv[0] is "compare". Returns the exit status;
 * on failure prints one line on stderr. */
int diptych_cli_main (int    argc,
                      char **argv);

G_END_DECLS
