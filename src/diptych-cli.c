/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "diptych-cli.h"

int
diptych_cli_main (int    argc,
                  char **argv)
{
  g_printerr ("diptych compare: %s\n", _("not available yet"));
  return 1;
}
