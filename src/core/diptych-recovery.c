/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "diptych-recovery"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "diptych-error.h"
#include "diptych-project-io.h"
#include "diptych-project-io-private.h"
#include "diptych-project-private.h"
#include "diptych-recovery.h"

#define LOCK_NAME "lock"
#define PROJECT_SUFFIX ".diptych"
#define INFO_SUFFIX ".info"
#define INFO_GROUP "Snapshot"

struct _DiptychRecovery
{
  GObject     parent_instance;

  char       *session_dir;
  int         lock_fd;
  GHashTable *watches;   /* key -> Watch */
};

/* Autosave of one project. */
typedef struct
{
  DiptychRecovery *recovery;
  char            *key;
  DiptychProject  *project;
  gulong           changed_id;
  gulong           modified_id;
  guint            timeout_id;
  guint            delay_ms;
} Watch;

struct _DiptychSnapshot
{
  GObject    parent_instance;

  char      *session_dir;
  char      *key;
  GFile     *project_file;
  char      *title;
  GDateTime *saved;
};

G_DEFINE_FINAL_TYPE (DiptychRecovery, diptych_recovery, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE (DiptychSnapshot, diptych_snapshot, G_TYPE_OBJECT)

char *
diptych_recovery_get_dir (void)
{
  const char *dir = g_getenv ("DIPTYCH_RECOVERY_DIR");

  if (dir != NULL && *dir != '\0')
    return g_strdup (dir);

  return g_build_filename (g_get_user_state_dir (), "diptych", "recovery", NULL);
}

static void
remove_folder (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_unlink (child);
    }

  g_rmdir (path);
}

static void
watch_free (Watch *watch)
{
  g_clear_handle_id (&watch->timeout_id, g_source_remove);
  g_clear_signal_handler (&watch->changed_id, watch->project);
  g_clear_signal_handler (&watch->modified_id, watch->project);
  g_clear_object (&watch->project);
  g_free (watch->key);
  g_free (watch);
}

static void
diptych_recovery_dispose (GObject *object)
{
  DiptychRecovery *self = (DiptychRecovery *) object;

  g_clear_pointer (&self->watches, g_hash_table_unref);

  G_OBJECT_CLASS (diptych_recovery_parent_class)->dispose (object);
}

static void
diptych_recovery_finalize (GObject *object)
{
  DiptychRecovery *self = (DiptychRecovery *) object;

  /* Without diptych_recovery_close() the snapshots stay recoverable. */
  if (self->lock_fd >= 0)
    close (self->lock_fd);
  g_free (self->session_dir);

  G_OBJECT_CLASS (diptych_recovery_parent_class)->finalize (object);
}

static void
diptych_recovery_class_init (DiptychRecoveryClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = diptych_recovery_dispose;
  G_OBJECT_CLASS (klass)->finalize = diptych_recovery_finalize;
}

static void
diptych_recovery_init (DiptychRecovery *self)
{
  self->lock_fd = -1;
  self->watches = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) watch_free);
}

static void
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *what)
{
  g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_IO, "%s: %s", what, g_strerror (saved_errno));
}

/**
 * diptych_recovery_new:
 *
 * Starts the recovery session of this process.
 *
 * Returns: (transfer full): the session, or %NULL with @error set if the
 *   recovery folder cannot be written
 */
DiptychRecovery *
diptych_recovery_new (GError **error)
{
  g_autoptr(DiptychRecovery) self = g_object_new (DIPTYCH_TYPE_RECOVERY, NULL);
  g_autofree char *dir = diptych_recovery_get_dir ();
  g_autofree char *name = g_strdup_printf ("%d-%08x", (int) getpid (), g_random_int ());
  g_autofree char *lock_path = NULL;

  self->session_dir = g_build_filename (dir, name, NULL);
  if (g_mkdir_with_parents (self->session_dir, 0700) != 0)
    {
      int saved = errno;
      g_autofree char *what = g_strdup_printf (_("Could not create the folder for unsaved work “%s”"),
                                               self->session_dir);
      set_errno_error (error, saved, what);
      return NULL;
    }

  lock_path = g_build_filename (self->session_dir, LOCK_NAME, NULL);
  self->lock_fd = g_open (lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (self->lock_fd < 0 || flock (self->lock_fd, LOCK_EX | LOCK_NB) != 0)
    {
      int saved = errno;
      g_autofree char *what = g_strdup_printf (_("Could not lock “%s”"), lock_path);
      set_errno_error (error, saved, what);
      return NULL;
    }

  return g_steal_pointer (&self);
}

static gboolean
check_key (const char  *key,
           GError     **error)
{
  if (key == NULL || *key == '\0')
    goto bad;

  for (const char *p = key; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      goto bad;

  return TRUE;

bad:
  g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_INVALID,
               _("Invalid snapshot key “%s”: use letters, digits, - and _"), key != NULL ? key : "");
  return FALSE;
}

static char *
snapshot_path (const char *session_dir,
               const char *key,
               const char *suffix)
{
  g_autofree char *name = g_strconcat (key, suffix, NULL);
  return g_build_filename (session_dir, name, NULL);
}

static gboolean
write_file (const char  *path,
            const char  *data,
            gsize        length,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  /* Writes a temporary file, fsyncs and renames it over @path. */
  if (!g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &local_error))
    {
      g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_IO,
                   _("Could not keep a copy of unsaved work: %s"), local_error->message);
      return FALSE;
    }

  return TRUE;
}

/**
 * diptych_recovery_save_snapshot:
 * @key: names the window or project, e.g. "window-1" (letters, digits,
 *   "-" and "_")
 *
 * Writes @project as the snapshot @key of this session, replacing the
 * previous one atomically.
 */
gboolean
diptych_recovery_save_snapshot (DiptychRecovery  *self,
                                const char       *key,
                                DiptychProject   *project,
                                GError          **error)
{
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *xml = NULL;
  g_autofree char *info_data = NULL;
  g_autofree char *xml_path = NULL;
  g_autofree char *info_path = NULL;
  g_autofree char *now_str = NULL;
  GFile *file;
  gsize xml_length = 0, info_length = 0;
  GString *title;

  g_return_val_if_fail (DIPTYCH_IS_RECOVERY (self), FALSE);
  g_return_val_if_fail (DIPTYCH_IS_PROJECT (project), FALSE);

  if (!check_key (key, error))
    return FALSE;

  xml = diptych_project_to_xml (project, &xml_length);
  if (!diptych_project_check_size (key, xml_length, error))
    return FALSE;
  xml_path = snapshot_path (self->session_dir, key, PROJECT_SUFFIX);
  info_path = snapshot_path (self->session_dir, key, INFO_SUFFIX);

  file = diptych_project_get_file (project);
  if (file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_key_file_set_string (info, INFO_GROUP, "ProjectFile", uri);
    }

  title = g_string_new (NULL);
  for (guint side = 0; side < DIPTYCH_N_SIDES; side++)
    {
      DiptychDocument *document = diptych_project_get_document (project, side);

      if (document == NULL)
        continue;
      if (title->len > 0)
        g_string_append (title, " — ");
      g_string_append (title, diptych_document_get_title (document));
    }
  g_key_file_set_string (info, INFO_GROUP, "Title", title->str);
  g_string_free (title, TRUE);

  now_str = g_date_time_format_iso8601 (now);
  g_key_file_set_string (info, INFO_GROUP, "Saved", now_str);
  info_data = g_key_file_to_data (info, &info_length, NULL);

  /* The project first: a snapshot without its key file is still found. */
  return write_file (xml_path, xml, xml_length, error) &&
         write_file (info_path, info_data, info_length, error);
}

static gboolean
unlink_if_exists (const char  *path,
                  GError     **error)
{
  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      int saved = errno;
      g_autofree char *what = g_strdup_printf (_("Could not remove “%s”"), path);
      set_errno_error (error, saved, what);
      return FALSE;
    }

  return TRUE;
}

static gboolean
discard (const char  *session_dir,
         const char  *key,
         GError     **error)
{
  g_autofree char *xml_path = snapshot_path (session_dir, key, PROJECT_SUFFIX);
  g_autofree char *info_path = snapshot_path (session_dir, key, INFO_SUFFIX);

  return unlink_if_exists (info_path, error) && unlink_if_exists (xml_path, error);
}

/* After the project was saved, or closed without saving. */
gboolean
diptych_recovery_discard_snapshot (DiptychRecovery  *self,
                                   const char       *key,
                                   GError          **error)
{
  g_return_val_if_fail (DIPTYCH_IS_RECOVERY (self), FALSE);

  return check_key (key, error) && discard (self->session_dir, key, error);
}

static gboolean
watch_timeout (gpointer user_data)
{
  Watch *watch = user_data;
  g_autoptr(GError) error = NULL;

  watch->timeout_id = 0;
  if (diptych_project_get_modified (watch->project) &&
      !diptych_recovery_save_snapshot (watch->recovery, watch->key, watch->project, &error))
    g_message ("Autosave failed: %s", error->message);

  return G_SOURCE_REMOVE;
}

static void
watch_changed_cb (DiptychProject *project,
                  Watch          *watch)
{
  if (watch->timeout_id == 0)
    watch->timeout_id = g_timeout_add (watch->delay_ms, watch_timeout, watch);
}

/* Saved: the snapshot is not needed any more. */
static void
watch_modified_cb (DiptychProject *project,
                   GParamSpec     *pspec,
                   Watch          *watch)
{
  g_autoptr(GError) error = NULL;

  if (diptych_project_get_modified (project))
    return;

  g_clear_handle_id (&watch->timeout_id, g_source_remove);
  if (!discard (watch->recovery->session_dir, watch->key, &error))
    g_message ("%s", error->message);
}

/**
 * diptych_recovery_watch:
 * @key: names the window or project (see diptych_recovery_save_snapshot())
 * @project: the project to keep a copy of
 * @delay_ms: how long after a change to write the snapshot
 *
 * Autosave: writes a snapshot of @project @delay_ms after it changes,
 * while it has unsaved changes, and discards the snapshot when it is
 * saved. Replaces an earlier watch of the same @key.
 */
void
diptych_recovery_watch (DiptychRecovery *self,
                        const char      *key,
                        DiptychProject  *project,
                        guint            delay_ms)
{
  Watch *watch;

  g_return_if_fail (DIPTYCH_IS_RECOVERY (self));
  g_return_if_fail (DIPTYCH_IS_PROJECT (project));
  g_return_if_fail (check_key (key, NULL));

  watch = g_new0 (Watch, 1);
  watch->recovery = self;
  watch->key = g_strdup (key);
  watch->project = g_object_ref (project);
  watch->delay_ms = delay_ms;
  watch->changed_id = g_signal_connect (project, "changed", G_CALLBACK (watch_changed_cb), watch);
  watch->modified_id = g_signal_connect (project, "notify::modified", G_CALLBACK (watch_modified_cb), watch);
  g_hash_table_replace (self->watches, watch->key, watch);

  if (diptych_project_get_modified (project))
    watch_changed_cb (project, watch);
}

/* The project was closed (saved or not): stop and discard its snapshot. */
void
diptych_recovery_unwatch (DiptychRecovery *self,
                          const char      *key)
{
  g_return_if_fail (DIPTYCH_IS_RECOVERY (self));

  if (g_hash_table_remove (self->watches, key))
    diptych_recovery_discard_snapshot (self, key, NULL);
}

/* A clean exit: nothing is left to recover. */
void
diptych_recovery_close (DiptychRecovery *self)
{
  g_return_if_fail (DIPTYCH_IS_RECOVERY (self));

  g_hash_table_remove_all (self->watches);
  if (self->lock_fd < 0)
    return;

  remove_folder (self->session_dir);
  close (self->lock_fd);
  self->lock_fd = -1;
}

/* TRUE if no running process holds the session's lock. */
static gboolean
session_is_dead (const char *session_dir)
{
  g_autofree char *lock_path = g_build_filename (session_dir, LOCK_NAME, NULL);
  int fd = g_open (lock_path, O_RDWR | O_CLOEXEC, 0);
  gboolean dead;

  if (fd < 0)
    return errno == ENOENT;

  dead = flock (fd, LOCK_EX | LOCK_NB) == 0;
  close (fd);
  return dead;
}

static DiptychSnapshot *
snapshot_new (const char *session_dir,
              const char *key)
{
  DiptychSnapshot *snapshot = g_object_new (DIPTYCH_TYPE_SNAPSHOT, NULL);
  g_autofree char *info_path = snapshot_path (session_dir, key, INFO_SUFFIX);
  g_autofree char *xml_path = snapshot_path (session_dir, key, PROJECT_SUFFIX);
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autofree char *uri = NULL;
  g_autofree char *saved = NULL;

  snapshot->session_dir = g_strdup (session_dir);
  snapshot->key = g_strdup (key);

  if (g_key_file_load_from_file (info, info_path, G_KEY_FILE_NONE, NULL))
    {
      uri = g_key_file_get_string (info, INFO_GROUP, "ProjectFile", NULL);
      snapshot->title = g_key_file_get_string (info, INFO_GROUP, "Title", NULL);
      saved = g_key_file_get_string (info, INFO_GROUP, "Saved", NULL);
    }

  if (uri != NULL)
    snapshot->project_file = g_file_new_for_uri (uri);
  if (saved != NULL)
    snapshot->saved = g_date_time_new_from_iso8601 (saved, NULL);
  if (snapshot->saved == NULL)
    {
      GStatBuf st;

      if (g_stat (xml_path, &st) == 0)
        snapshot->saved = g_date_time_new_from_unix_utc (st.st_mtime);
      else
        snapshot->saved = g_date_time_new_now_utc ();
    }
  if (snapshot->title == NULL || *snapshot->title == '\0')
    {
      g_free (snapshot->title);
      snapshot->title = g_strdup (_("Unsaved project"));
    }

  return snapshot;
}

static int
compare_snapshots (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  return g_date_time_compare (DIPTYCH_SNAPSHOT ((gpointer) a)->saved,
                              DIPTYCH_SNAPSHOT ((gpointer) b)->saved);
}

GListModel *
diptych_recovery_list_recoverable (GError **error)
{
  g_autofree char *dir_path = diptych_recovery_get_dir ();
  g_autoptr(GListStore) store = g_list_store_new (DIPTYCH_TYPE_SNAPSHOT);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *session;

  dir = g_dir_open (dir_path, 0, &local_error);
  if (dir == NULL)
    {
      /* Nothing was ever saved for recovery. */
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return G_LIST_MODEL (g_steal_pointer (&store));

      g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_IO, "%s", local_error->message);
      return NULL;
    }

  while ((session = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *session_dir = g_build_filename (dir_path, session, NULL);
      g_autoptr(GDir) files = NULL;
      const char *name;
      gboolean any = FALSE;

      if (!g_file_test (session_dir, G_FILE_TEST_IS_DIR) || !session_is_dead (session_dir))
        continue;

      files = g_dir_open (session_dir, 0, NULL);
      while (files != NULL && (name = g_dir_read_name (files)) != NULL)
        {
          g_autofree char *key = NULL;
          g_autoptr(DiptychSnapshot) snapshot = NULL;

          if (!g_str_has_suffix (name, PROJECT_SUFFIX))
            continue;

          key = g_strndup (name, strlen (name) - strlen (PROJECT_SUFFIX));
          snapshot = snapshot_new (session_dir, key);
          g_list_store_insert_sorted (store, snapshot, compare_snapshots, NULL);
          any = TRUE;
        }

      /* A dead session with nothing left: tidy up. */
      if (!any)
        remove_folder (session_dir);
    }

  return G_LIST_MODEL (g_steal_pointer (&store));
}

static void
diptych_snapshot_finalize (GObject *object)
{
  DiptychSnapshot *self = (DiptychSnapshot *) object;

  g_free (self->session_dir);
  g_free (self->key);
  g_clear_object (&self->project_file);
  g_free (self->title);
  g_clear_pointer (&self->saved, g_date_time_unref);

  G_OBJECT_CLASS (diptych_snapshot_parent_class)->finalize (object);
}

static void
diptych_snapshot_class_init (DiptychSnapshotClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = diptych_snapshot_finalize;
}

static void
diptych_snapshot_init (DiptychSnapshot *self)
{
}

/**
 * diptych_snapshot_get_project_file:
 *
 * Returns: (transfer none) (nullable): the project file the unsaved work
 *   belongs to, or %NULL if it was never saved
 */
GFile *
diptych_snapshot_get_project_file (DiptychSnapshot *self)
{
  g_return_val_if_fail (DIPTYCH_IS_SNAPSHOT (self), NULL);
  return self->project_file;
}

const char *
diptych_snapshot_get_title (DiptychSnapshot *self)
{
  g_return_val_if_fail (DIPTYCH_IS_SNAPSHOT (self), NULL);
  return self->title;
}

GDateTime *
diptych_snapshot_get_saved (DiptychSnapshot *self)
{
  g_return_val_if_fail (DIPTYCH_IS_SNAPSHOT (self), NULL);
  return self->saved;
}

DiptychProject *
diptych_snapshot_load (DiptychSnapshot  *self,
                       GCancellable     *cancellable,
                       GError          **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(DiptychProject) project = NULL;

  g_return_val_if_fail (DIPTYCH_IS_SNAPSHOT (self), NULL);

  path = snapshot_path (self->session_dir, self->key, PROJECT_SUFFIX);
  file = g_file_new_for_path (path);
  project = diptych_project_load (file, cancellable, error);
  if (project == NULL)
    return NULL;

  /* It is unsaved work of the project file, not the snapshot file. */
  diptych_project_set_file (project, self->project_file);
  diptych_project_set_disk_state (project, NULL);
  diptych_project_set_modified (project, TRUE);

  return g_steal_pointer (&project);
}

gboolean
diptych_snapshot_discard (DiptychSnapshot  *self,
                          GError          **error)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;
  gboolean empty = TRUE;

  g_return_val_if_fail (DIPTYCH_IS_SNAPSHOT (self), FALSE);

  if (!discard (self->session_dir, self->key, error))
    return FALSE;

  dir = g_dir_open (self->session_dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (strcmp (name, LOCK_NAME) != 0)
      empty = FALSE;

  if (empty && session_is_dead (self->session_dir))
    remove_folder (self->session_dir);

  return TRUE;
}
