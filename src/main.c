/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>
#include <locale.h>

#include "diptych-application.h"
#include "diptych-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(DiptychApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* `diptych compare ...` runs headless; GApplication must not parse it. */
  if (argc > 1 && g_strcmp0 (argv[1], "compare") == 0)
    return diptych_cli_main (argc - 1, argv + 1);

  g_set_application_name (_("Diptych"));
  gtk_source_init ();

  app = diptych_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
