/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Loads a project and saves it over and over, one large annotation more
 * each time, printing "saved N" after each save, until it is killed. */
#include "config.h"

#include <stdio.h>

#include "diptych-core.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(DiptychProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *filler = g_strnfill (64 * 1024, 'x');

  if (argc != 2)
    {
      g_printerr ("usage: %s PROJECT\n", argv[0]);
      return 2;
    }

  file = g_file_new_for_path (argv[1]);
  project = diptych_project_load (file, NULL, &error);
  if (project == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  for (guint i = 1; ; i++)
    {
      g_autofree char *note = g_strdup_printf ("save %u %s", i, filler);

      if (diptych_project_annotate (project, DIPTYCH_SIDE_A, DIPTYCH_SPAN_INIT (0, 3),
                                    NULL, note, NULL, &error) == NULL ||
          !diptych_project_save (project, file, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }

      printf ("saved %u\n", i);
      fflush (stdout);
    }
}
