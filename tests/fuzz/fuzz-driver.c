/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Runs a libFuzzer target without libFuzzer: every file named on the
 * command line, or found directly inside a folder named there, is fed to
 * LLVMFuzzerTestOneInput once. Normal builds use it to replay the seed
 * corpora as plain tests; a crash or a sanitizer report fails the test. */
#include "config.h"

#include <glib.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "fuzz-common.h"

static int
run_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &data, &length, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  /* Give the target a buffer of exactly the file's size, as libFuzzer
   * does, so that AddressSanitizer sees any read past its end. */
  {
    g_autofree uint8_t *copy = g_memdup2 (data, length);
    LLVMFuzzerTestOneInput (copy, length);
  }
  return 0;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  int failed = 0;

  if (argc < 2)
    {
      fprintf (stderr, "usage: %s CORPUS-FOLDER|FILE...\n", argv[0]);
      return 2;
    }

  LLVMFuzzerInitialize (&argc, &argv);

  for (int i = 1; i < argc; i++)
    {
      if (g_file_test (argv[i], G_FILE_TEST_IS_DIR))
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(GDir) dir = g_dir_open (argv[i], 0, &error);
          const char *name;

          if (dir == NULL)
            {
              g_printerr ("%s\n", error->message);
              return 1;
            }
          while ((name = g_dir_read_name (dir)) != NULL)
            if (name[0] != '.')
              g_ptr_array_add (files, g_build_filename (argv[i], name, NULL));
        }
      else
        g_ptr_array_add (files, g_strdup (argv[i]));
    }

  if (files->len == 0)
    {
      fprintf (stderr, "%s: no inputs found\n", argv[0]);
      return 1;
    }

  /* The same order on every machine, so a failure is reproducible. */
  g_ptr_array_sort (files, compare_strings);

  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);

      printf ("%s\n", path);
      fflush (stdout);
      failed |= run_file (path);
    }

  printf ("%u inputs ran without a crash\n", files->len);
  return failed;
}
