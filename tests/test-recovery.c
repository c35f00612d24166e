/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>

#include "diptych-core.h"
#include "project-test-util.h"

static char *recovery_dir;

static guint
count_entries (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static guint
n_recoverable (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = diptych_recovery_list_recoverable (&error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (list);
}

/* Snapshots are project files: the schema holds for them too. */
static void
assert_snapshots_valid (void)
{
  g_autoptr(GDir) sessions = g_dir_open (recovery_dir, 0, NULL);
  const char *session;
  guint n = 0;

  while ((session = g_dir_read_name (sessions)) != NULL)
    {
      g_autofree char *session_dir = g_build_filename (recovery_dir, session, NULL);
      g_autoptr(GDir) files = g_dir_open (session_dir, 0, NULL);
      const char *name;

      while (files != NULL && (name = g_dir_read_name (files)) != NULL)
        {
          g_autofree char *path = g_build_filename (session_dir, name, NULL);

          if (!g_str_has_suffix (name, ".diptych"))
            continue;
          project_test_assert_valid (path);
          n++;
        }
    }

  g_assert_cmpuint (n, >, 0);
}

static void
test_clean_exit (void)
{
  g_autoptr(DiptychRecovery) recovery = NULL;
  g_autoptr(DiptychProject) project = project_test_new ();
  g_autoptr(GError) error = NULL;

  recovery = diptych_recovery_new (&error);
  g_assert_no_error (error);
  g_assert_true (diptych_recovery_save_snapshot (recovery, "window-1", project, &error));
  g_assert_no_error (error);
  /* Saving again replaces the snapshot. */
  g_assert_true (diptych_recovery_save_snapshot (recovery, "window-1", project, &error));
  g_assert_true (diptych_recovery_save_snapshot (recovery, "window-2", project, &error));
  g_assert_no_error (error);
  assert_snapshots_valid ();

  /* A running session is not offered for recovery. */
  g_assert_cmpuint (n_recoverable (), ==, 0);

  g_assert_false (diptych_recovery_save_snapshot (recovery, "../evil", project, &error));
  g_assert_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (diptych_recovery_discard_snapshot (recovery, "window-2", &error));
  g_assert_no_error (error);

  diptych_recovery_close (recovery);
  g_assert_cmpuint (count_entries (recovery_dir), ==, 0);
  g_assert_cmpuint (n_recoverable (), ==, 0);
}

static void
test_ended_without_close (void)
{
  g_autoptr(DiptychRecovery) recovery = NULL;
  g_autoptr(DiptychProject) project = project_test_new ();
  g_autoptr(DiptychProject) recovered = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(DiptychSnapshot) snapshot = NULL;
  g_autoptr(GFile) file = g_file_new_for_path ("/somewhere/p.diptych");
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *xml2 = NULL;

  diptych_project_set_file (project, file);
  recovery = diptych_recovery_new (&error);
  g_assert_no_error (error);
  g_assert_true (diptych_recovery_save_snapshot (recovery, "w", project, &error));
  g_assert_no_error (error);
  /* Dropping the session without closing it releases the lock, as the
   * death of the process does. */
  g_clear_object (&recovery);

  list = diptych_recovery_list_recoverable (&error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  snapshot = g_list_model_get_item (list, 0);
  g_assert_true (g_file_equal (diptych_snapshot_get_project_file (snapshot), file));
  g_assert_cmpstr (diptych_snapshot_get_title (snapshot), ==, "White House — Kremlin \x01 readout");
  g_assert_nonnull (diptych_snapshot_get_saved (snapshot));

  recovered = diptych_snapshot_load (snapshot, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (diptych_project_get_modified (recovered));
  g_assert_true (g_file_equal (diptych_project_get_file (recovered), file));
  xml = diptych_project_to_xml (project, NULL);
  xml2 = diptych_project_to_xml (recovered, NULL);
  g_assert_cmpstr (xml, ==, xml2);

  g_assert_true (diptych_snapshot_discard (snapshot, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_recoverable (), ==, 0);
  g_assert_cmpuint (count_entries (recovery_dir), ==, 0);
}

static gboolean
on_timeout (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
run_main_loop_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, on_timeout, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Autosave: a snapshot shortly after a change, gone once saved. */
static void
test_watch (void)
{
  g_autoptr(DiptychRecovery) recovery = NULL;
  g_autoptr(DiptychProject) project = project_test_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = project_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "p.diptych", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GListModel) list = NULL;
  g_autoptr(DiptychSnapshot) snapshot = NULL;
  g_autoptr(DiptychProject) recovered = NULL;

  recovery = diptych_recovery_new (&error);
  g_assert_no_error (error);
  diptych_recovery_watch (recovery, "window-1", project, 20);

  /* Nothing unsaved, nothing written. */
  run_main_loop_for (60);
  g_assert_cmpuint (count_entries (recovery_dir), ==, 1);   /* the session folder */

  g_assert_nonnull (diptych_project_annotate (project, DIPTYCH_SIDE_A, DIPTYCH_SPAN_INIT (0, 3),
                                              "", "autosaved", NULL, &error));
  run_main_loop_for (60);

  /* What a crash now would leave behind. */
  g_clear_object (&recovery);
  list = diptych_recovery_list_recoverable (&error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  snapshot = g_list_model_get_item (list, 0);
  recovered = diptych_snapshot_load (snapshot, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (diptych_project_get_annotations (recovered)), ==, 2);
  g_assert_true (diptych_snapshot_discard (snapshot, &error));
  g_assert_no_error (error);

  /* Saving discards the snapshot. */
  recovery = diptych_recovery_new (&error);
  g_assert_no_error (error);
  diptych_recovery_watch (recovery, "window-1", project, 20);
  run_main_loop_for (60);
  g_assert_true (diptych_project_save (project, file, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&recovery);
  g_assert_cmpuint (n_recoverable (), ==, 0);
  g_assert_cmpuint (count_entries (recovery_dir), ==, 0);

  project_test_rm_rf (dir);
}

static GSubprocess *
spawn (const char  *helper,
       const char  *project_path,
       GError     **error)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);

  g_subprocess_launcher_setenv (launcher, "DIPTYCH_RECOVERY_DIR", recovery_dir, TRUE);
  return g_subprocess_launcher_spawn (launcher, error, helper, project_path, NULL);
}

static void
kill_and_wait (GSubprocess *process)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_send_signal (process, SIGKILL);
  g_assert_true (g_subprocess_wait (process, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (process));
  g_assert_cmpint (g_subprocess_get_term_sig (process), ==, SIGKILL);
}

static void
test_crash_with_unsaved_annotations (void)
{
  g_autofree char *dir = project_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "p.diptych", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DiptychProject) project = project_test_new ();
  g_autoptr(DiptychProject) recovered = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(DiptychSnapshot) snapshot = NULL;
  g_autoptr(DiptychAnnotation) annotation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (diptych_project_save (project, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));

  process = spawn (HELPER_AUTOSAVE, path, &error);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line, ==, "ready");

  /* While it runs, its work is not offered to others. */
  g_assert_cmpuint (n_recoverable (), ==, 0);

  kill_and_wait (process);

  list = diptych_recovery_list_recoverable (&error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  snapshot = g_list_model_get_item (list, 0);
  g_assert_true (g_file_equal (diptych_snapshot_get_project_file (snapshot), file));

  recovered = diptych_snapshot_load (snapshot, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (diptych_project_get_annotations (recovered)), ==, 2);
  annotation = g_list_model_get_item (diptych_project_get_annotations (recovered), 1);
  g_assert_cmpstr (diptych_annotation_get_note (annotation), ==, "unsaved work");
  g_assert_cmpstr (diptych_annotation_get_tag (annotation), ==, "Question");
  g_assert_true (diptych_project_get_modified (recovered));

  /* The project file itself was not touched. */
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);

  /* Saving the recovered work over its file, then forgetting the snapshot. */
  g_assert_true (diptych_project_save (recovered, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (diptych_snapshot_discard (snapshot, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_recoverable (), ==, 0);

  project_test_rm_rf (dir);
}

/* Kills a process that saves the project over and over at random moments:
 * the file always loads, as the last version saved or the one being
 * saved, never a mix or a truncated file. */
static void
test_crash_during_save (void)
{
  g_autofree char *dir = project_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "p.diptych", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DiptychProject) project = project_test_new ();
  g_autoptr(GError) error = NULL;
  guint base;

  g_assert_true (diptych_project_save (project, file, NULL, &error));
  g_assert_no_error (error);
  base = g_list_model_get_n_items (diptych_project_get_annotations (project));

  for (guint round = 0; round < 6; round++)
    {
      g_autoptr(GSubprocess) process = NULL;
      g_autoptr(GDataInputStream) out = NULL;
      g_autoptr(DiptychProject) loaded = NULL;
      g_autofree char *line = NULL;
      guint before_kill, last_saved = 0, n;

      process = spawn (HELPER_SAVE_LOOP, path, &error);
      g_assert_no_error (error);
      out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));

      /* Let it save a few times, then kill it at a random moment. */
      line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (g_str_has_prefix (line, "saved "));
      g_usleep (g_test_rand_int_range (1000, 150000));
      kill_and_wait (process);

      /* Everything it reported before dying. */
      do
        {
          if (line != NULL && g_str_has_prefix (line, "saved "))
            last_saved = atoi (line + 6);
          g_free (line);
          line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, NULL);
        }
      while (line != NULL);

      loaded = diptych_project_load (file, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (loaded);
      n = g_list_model_get_n_items (diptych_project_get_annotations (loaded));
      before_kill = base + last_saved;
      g_test_message ("round %u: reported %u saves, file has %u new annotations",
                      round, last_saved, n - base);
      g_assert_true (n == before_kill || n == before_kill + 1);

      base = n;
      g_clear_object (&project);
      project = g_steal_pointer (&loaded);
    }

  project_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  recovery_dir = project_test_tmpdir ();
  g_setenv ("DIPTYCH_RECOVERY_DIR", recovery_dir, TRUE);

  g_test_add_func ("/recovery/clean-exit", test_clean_exit);
  g_test_add_func ("/recovery/ended-without-close", test_ended_without_close);
  g_test_add_func ("/recovery/watch", test_watch);
  g_test_add_func ("/recovery/crash/unsaved-annotations", test_crash_with_unsaved_annotations);
  g_test_add_func ("/recovery/crash/during-save", test_crash_during_save);

  ret = g_test_run ();

  project_test_rm_rf (recovery_dir);
  g_free (recovery_dir);
  return ret;
}
