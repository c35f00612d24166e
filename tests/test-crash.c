/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Crash safety of the real program: `diptych compare ... --project OUT`
 * is killed with SIGKILL at random moments while it writes OUT over a
 * previous version. Afterwards OUT must load and be either the previous
 * version or the new one, never a broken mix; the backup OUT~, when there
 * is one, must load too; and nothing may be left that a user or Diptych
 * could take for the project (a killed writer can only leave its hidden
 * temporary file, which never ends in ".diptych").
 *
 * Half of the kills land at a random moment of the whole run; the other
 * half wait until the temporary file appears, so that the write itself is
 * hit, then kill within the next 1.5 ms. */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>

#include "diptych-core.h"

#define N_KILLS 16

typedef struct
{
  char *dir;
  char *out;         /* OUT.diptych */
  char *big;         /* the project being re-saved over OUT */
  char *sha_old;     /* document A of the previous OUT */
  char *sha_new;     /* document A of the new one */
} Fixture;

/* Sentences of made-up words, one in three the @shared one: a large
 * project with links and omissions. */
static char *
make_text (guint32 seed,
           gsize   n_bytes,
           const char *shared)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  GString *text = g_string_sized_new (n_bytes + 200);
  static const char letters[] = "abcdefghijklmnoprstuvwy";

  while (text->len < n_bytes)
    {
      guint n_words = g_rand_int_range (rand, 6, 20);

      if (shared != NULL && g_rand_int_range (rand, 0, 3) == 0)
        {
          g_string_append (text, shared);
          continue;
        }
      for (guint w = 0; w < n_words; w++)
        {
          guint n = g_rand_int_range (rand, 3, 9);

          for (guint i = 0; i < n; i++)
            g_string_append_c (text, letters[g_rand_int_range (rand, 0, sizeof letters - 1)]);
          g_string_append_c (text, w + 1 < n_words ? ' ' : '.');
        }
      g_string_append (text, g_rand_int_range (rand, 0, 5) == 0 ? "\n\n" : " ");
    }

  return g_string_free (text, FALSE);
}

static void
write_text (const char *dir,
            const char *name,
            const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

static GSubprocess *
spawn_diptych (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  g_ptr_array_add (argv, (gpointer) DIPTYCH_BIN);
  g_ptr_array_add (argv, (gpointer) "compare");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  return process;
}

static void
run_diptych (const char * const *args)
{
  g_autoptr(GSubprocess) process = spawn_diptych (args);
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;

  g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &err, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_if_exited (process) || g_subprocess_get_exit_status (process) != 0)
    g_error ("diptych compare failed: %s", err);
}

/* The SHA-256 of document A of the project at @path, which must load. */
static char *
load_project_sha (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DiptychProject) project = diptych_project_load (file, NULL, &error);
  DiptychDocument *doc;

  g_assert_no_error (error);
  g_assert_nonnull (project);
  doc = diptych_project_get_document (project, DIPTYCH_SIDE_A);
  g_assert_nonnull (doc);
  return g_strdup (diptych_document_get_sha256 (doc));
}

static gboolean
is_temporary_of (const char *name,
                 const char *base)
{
  g_autofree char *prefix = g_strconcat (".", base, ".", NULL);

  return g_str_has_prefix (name, prefix) && !g_str_has_suffix (name, ".diptych");
}

/* Removes the killed writers' temporary files; returns how many there
 * were. Fails on anything else that was not there before. */
static guint
sweep_folder (Fixture *fixture)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;
  guint n_temporary = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_equal (name, "A.txt") || g_str_equal (name, "a.txt") || g_str_equal (name, "b.txt") ||
          g_str_equal (name, "big.diptych") || g_str_equal (name, "OUT.diptych") ||
          g_str_equal (name, "OUT.diptych~"))
        continue;
      if (is_temporary_of (name, "OUT.diptych"))
        {
          g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

          g_assert_cmpint (g_unlink (path), ==, 0);
          n_temporary++;
          continue;
        }
      g_error ("“%s” was left behind", name);
    }
  return n_temporary;
}

static gboolean
temporary_exists (Fixture *fixture)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (is_temporary_of (name, "OUT.diptych"))
      return TRUE;
  return FALSE;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *shared = NULL;
  g_autofree char *a = NULL;
  g_autofree char *path_a = NULL;
  g_autofree char *small_a = NULL;
  g_autofree char *small_b = NULL;

  fixture->dir = g_dir_make_tmp ("diptych-crash-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->out = g_build_filename (fixture->dir, "OUT.diptych", NULL);
  fixture->big = g_build_filename (fixture->dir, "big.diptych", NULL);

  /* A document of 1.5 MB against a short one: the model is quick, the
   * project file (text and thousands of passages) several megabytes. */
  shared = g_strdup ("The two leaders agreed on a ceasefire and an exchange of prisoners. ");
  a = make_text (1, 1500000, shared);
  write_text (fixture->dir, "A.txt", a);
  write_text (fixture->dir, "a.txt", "The leaders spoke about peace. They agreed to talk again.\n");
  write_text (fixture->dir, "b.txt", "The presidents discussed peace. A new call is planned.\n");

  path_a = g_build_filename (fixture->dir, "A.txt", NULL);
  small_a = g_build_filename (fixture->dir, "a.txt", NULL);
  small_b = g_build_filename (fixture->dir, "b.txt", NULL);
  run_diptych ((const char *[]) { path_a, small_b, "--project", fixture->big, NULL });
  run_diptych ((const char *[]) { small_a, small_b, "--project", fixture->out, NULL });

  fixture->sha_old = load_project_sha (fixture->out);
  fixture->sha_new = load_project_sha (fixture->big);
  g_assert_cmpstr (fixture->sha_old, !=, fixture->sha_new);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      remove_tree (child);
    }
  g_remove (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->out);
  g_free (fixture->big);
  g_free (fixture->sha_old);
  g_free (fixture->sha_new);
}

/* Kills one run of @args at a random moment, or once the temporary file
 * exists; returns whether the kill hit the write. */
static gboolean
kill_one (Fixture            *fixture,
          const char * const *args,
          GRand              *rand,
          gboolean            aim_at_write,
          gint64              run_time)
{
  g_autoptr(GSubprocess) process = spawn_diptych (args);
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  gboolean hit_write = FALSE;

  if (aim_at_write)
    {
      /* Poll for the temporary file; give up after three run times. */
      while (!temporary_exists (fixture) && g_get_monotonic_time () - start < 3 * run_time)
        g_usleep (100);
      g_usleep (g_rand_int_range (rand, 0, 1500));
    }
  else
    g_usleep (g_rand_int_range (rand, 0, (gint32) MIN (run_time * 6 / 5, G_MAXINT32)));

  hit_write = temporary_exists (fixture);
  g_subprocess_send_signal (process, SIGKILL);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  return hit_write;
}

static void
test_killed_while_saving (Fixture       *fixture,
                          gconstpointer  data)
{
  const char *args[] = { fixture->big, "--project", fixture->out, NULL };
  g_autoptr(GRand) rand = g_rand_new ();
  guint n_old = 0, n_new = 0, n_hit_write = 0, n_temporary = 0;
  gint64 start, run_time;

  /* How long a whole re-save takes here, to spread the kills over it. */
  start = g_get_monotonic_time ();
  run_diptych (args);
  run_time = g_get_monotonic_time () - start;
  g_test_message ("one save of %s takes %.2f s", fixture->big, run_time / 1e6);

  /* Start from the previous version again. */
  {
    g_autofree char *small_a = g_build_filename (fixture->dir, "a.txt", NULL);
    g_autofree char *small_b = g_build_filename (fixture->dir, "b.txt", NULL);
    run_diptych ((const char *[]) { small_a, small_b, "--project", fixture->out, NULL });
    g_free (fixture->sha_old);
    fixture->sha_old = load_project_sha (fixture->out);
  }

  for (guint i = 0; i < N_KILLS; i++)
    {
      g_autofree char *sha = NULL;
      g_autofree char *backup = g_strconcat (fixture->out, "~", NULL);

      if (kill_one (fixture, args, rand, i % 2 == 1, run_time))
        n_hit_write++;

      /* The project is one version or the other, never broken. */
      sha = load_project_sha (fixture->out);
      if (g_str_equal (sha, fixture->sha_old))
        n_old++;
      else if (g_str_equal (sha, fixture->sha_new))
        {
          /* The new version is in place: the next round writes over it
           * again, so bring the old one back to keep the test hard. */
          g_autofree char *small_a = g_build_filename (fixture->dir, "a.txt", NULL);
          g_autofree char *small_b = g_build_filename (fixture->dir, "b.txt", NULL);

          n_new++;
          run_diptych ((const char *[]) { small_a, small_b, "--project", fixture->out, NULL });
          g_free (fixture->sha_old);
          fixture->sha_old = load_project_sha (fixture->out);
        }
      else
        g_error ("%s is neither the previous nor the new version", fixture->out);

      if (g_file_test (backup, G_FILE_TEST_EXISTS))
        g_free (load_project_sha (backup));

      n_temporary += sweep_folder (fixture);
    }

  g_test_message ("%u kills: %u during the write, %u left the previous version, "
                  "%u the new one, %u hidden temporary files left",
                  N_KILLS, n_hit_write, n_old, n_new, n_temporary);
  /* The test must have hit the write itself, not only the loading. */
  g_assert_cmpuint (n_hit_write, >, 0);
}

/* A kill during `compare A B --project OUT` (import, model, save). */
static void
test_killed_while_comparing (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *path_a = g_build_filename (fixture->dir, "A.txt", NULL);
  g_autofree char *path_b = g_build_filename (fixture->dir, "b.txt", NULL);
  const char *args[] = { path_a, path_b, "--project", fixture->out, NULL };
  g_autoptr(GRand) rand = g_rand_new ();
  gint64 start, run_time;
  g_autofree char *sha_compared = NULL;

  start = g_get_monotonic_time ();
  run_diptych (args);
  run_time = g_get_monotonic_time () - start;
  sha_compared = load_project_sha (fixture->out);
  g_test_message ("one comparison takes %.2f s", run_time / 1e6);

  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *sha = NULL;

      kill_one (fixture, args, rand, i % 2 == 1, run_time);
      sha = load_project_sha (fixture->out);
      g_assert_cmpstr (sha, ==, sha_compared);
      sweep_folder (fixture);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/crash/killed-while-saving", Fixture, NULL,
              fixture_set_up, test_killed_while_saving, fixture_tear_down);
  g_test_add ("/crash/killed-while-comparing", Fixture, NULL,
              fixture_set_up, test_killed_while_comparing, fixture_tear_down);

  return g_test_run ();
}
