/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "project-test-util.h"

/* A project with every kind of item, text that needs escaping (CR, a form
 * feed, markup characters, Cyrillic) and fixed times. */
DiptychProject *
project_test_new (void)
{
  g_autoptr(DiptychProject) project = diptych_project_new ();
  g_autoptr(GDateTime) imported = g_date_time_new_utc (2025, 3, 18, 17, 0, 0.25);
  g_autoptr(DiptychDocument) a = NULL;
  g_autoptr(DiptychDocument) b = NULL;
  g_autoptr(DiptychAlignment) alignment = NULL;
  g_autoptr(DiptychLink) link = NULL;
  g_autoptr(DiptychOmission) omission = NULL;
  g_autoptr(DiptychAnnotation) annotation = NULL;
  static const char * const terms[] = { "ceasefire", "agree", NULL };
  DiptychAlignSettings settings = { DIPTYCH_GRANULARITY_CLAUSE, 0.7123456789 };

  a = diptych_document_new (TEST_TEXT_A, -1, "White House", "/tmp/wh.txt", "text", imported, NULL);
  b = diptych_document_new (TEST_TEXT_B, -1, "Kremlin \x01 readout", "http://kremlin.ru/x?a=1&b=2", "html", imported, NULL);
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  diptych_project_set_document (project, DIPTYCH_SIDE_A, a);
  diptych_project_set_document (project, DIPTYCH_SIDE_B, b);
  diptych_project_set_settings (project, &settings);
  diptych_project_add_default_tags (project);

  alignment = diptych_alignment_new (&settings);
  link = diptych_link_new (DIPTYCH_SPAN_INIT (0, 34), DIPTYCH_SPAN_INIT (33, 66),
                           DIPTYCH_LINK_REWORDED, 0.8123, DIPTYCH_STATE_AUTO);
  diptych_link_set_shared_terms (link, terms);
  diptych_link_add_uncovered (link, DIPTYCH_SIDE_B, DIPTYCH_SPAN_INIT (60, 66));
  diptych_alignment_add_link (alignment, link);
  omission = diptych_omission_new (DIPTYCH_SIDE_A, DIPTYCH_SPAN_INIT (59, 82), DIPTYCH_STATE_AUTO);
  diptych_alignment_add_omission (alignment, omission);
  diptych_project_set_alignment (project, alignment);

  annotation = diptych_annotation_new (DIPTYCH_SIDE_A, DIPTYCH_SPAN_INIT (59, 82), "Omission",
                                       "Not in the Kremlin readout.\r\nSee <b> & \x02.");
  {
    g_autoptr(GDateTime) created = g_date_time_new_utc (2025, 3, 19, 8, 30, 12.5);
    diptych_annotation_set_created (annotation, created);
  }
  diptych_annotation_set_link_id (annotation, diptych_link_get_id (link));
  diptych_project_add_annotation (project, annotation);
  diptych_project_set_modified (project, FALSE);

  return g_steal_pointer (&project);
}

char *
project_test_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("diptych-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* Runs xmllint --relaxng with the shipped schema on @path. */
void
project_test_assert_valid (const char *path)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = -1;
  const char *argv[] = { XMLLINT, "--noout", "--nonet", "--relaxng", SCHEMA_PATH, path, NULL };

  if (!g_file_test (XMLLINT, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_message ("xmllint not found, not validating %s", path);
      return;
    }

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_test_message ("xmllint: %s", err);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

void
project_test_rm_rf (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          project_test_rm_rf (child);
        }
    }
  g_remove (path);
}
