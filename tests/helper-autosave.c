/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Loads a project, annotates it without saving, writes an autosave
 * snapshot, says "ready" and waits to be killed. */
#include "config.h"

#include <stdio.h>

#include "diptych-core.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(DiptychProject) project = NULL;
  g_autoptr(DiptychRecovery) recovery = NULL;
  g_autoptr(GError) error = NULL;

  if (argc != 2)
    {
      g_printerr ("usage: %s PROJECT\n", argv[0]);
      return 2;
    }

  file = g_file_new_for_path (argv[1]);
  project = diptych_project_load (file, NULL, &error);
  if (project == NULL ||
      diptych_project_annotate (project, DIPTYCH_SIDE_B, DIPTYCH_SPAN_INIT (0, 3),
                                "Question", "unsaved work", NULL, &error) == NULL ||
      (recovery = diptych_recovery_new (&error)) == NULL ||
      !diptych_recovery_save_snapshot (recovery, "window-1", project, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  printf ("ready\n");
  fflush (stdout);

  for (;;)
    g_usleep (G_USEC_PER_SEC);
}
