/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "diptych-session"

#include "config.h"

#include <glib/gi18n.h>

#include "diptych-session.h"
#include "diptych-window.h"

#define MAX_RECENT 10
#define DEFAULT_AUTOSAVE_INTERVAL 30

struct _DiptychSession
{
  GObject        parent_instance;

  DiptychWindow *window;           /* weak: the window owns us */
  GSettings     *settings;
  GCancellable  *cancellable;
  guint          autosave_id;
  guint          autosave_interval;
  char          *snapshot_id;
  gboolean       closing;          /* the close dialog is up */
};

G_DEFINE_FINAL_TYPE (DiptychSession, diptych_session, G_TYPE_OBJECT)

static DiptychProject *
project_of (DiptychSession *self)
{
  return diptych_window_get_project (self->window);
}

/**
 * diptych_session_dup_project_name:
 *
 * Returns: the name the window shows for @project: its file's name
 *   without the extension, or "Untitled Project"
 */
char *
diptych_session_dup_project_name (DiptychProject *project)
{
  GFile *file;
  g_autofree char *basename = NULL;

  g_return_val_if_fail (DIPTYCH_IS_PROJECT (project), NULL);

  file = diptych_project_get_file (project);
  if (file == NULL)
    return g_strdup (_("Untitled Project"));

  basename = g_file_get_basename (file);
  if (g_str_has_suffix (basename, ".diptych") && strlen (basename) > strlen (".diptych"))
    basename[strlen (basename) - strlen (".diptych")] = '\0';
  return g_steal_pointer (&basename);
}

/**
 * diptych_session_has_unsaved_work:
 *
 * Whether closing would lose the user's work: a saved project that was
 * changed, or a new one holding annotations or decisions. Two documents
 * just opened side by side are not worth asking about.
 */
gboolean
diptych_session_has_unsaved_work (DiptychProject *project)
{
  g_return_val_if_fail (DIPTYCH_IS_PROJECT (project), FALSE);

  if (!diptych_project_get_modified (project))
    return FALSE;
  if (diptych_project_get_file (project) != NULL)
    return TRUE;
  if (g_list_model_get_n_items (diptych_project_get_annotations (project)) > 0)
    return TRUE;
  return diptych_history_get_can_undo (diptych_project_get_history (project));
}

static gboolean
is_pristine (DiptychProject *project)
{
  return diptych_project_get_file (project) == NULL &&
         !diptych_session_has_unsaved_work (project);
}

/* Recent projects */

void
diptych_session_add_recent (DiptychSession *self,
                            GFile          *file)
{
  g_auto(GStrv) old = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *uri = NULL;
  g_auto(GStrv) recent = NULL;
  guint n = 1;

  g_return_if_fail (DIPTYCH_IS_SESSION (self));
  g_return_if_fail (G_IS_FILE (file));

  uri = g_file_get_uri (file);
  old = g_settings_get_strv (self->settings, "recent-projects");
  g_strv_builder_add (builder, uri);
  for (guint i = 0; old[i] != NULL && n < MAX_RECENT; i++)
    if (g_strcmp0 (old[i], uri) != 0)
      {
        g_strv_builder_add (builder, old[i]);
        n++;
      }
  recent = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-projects", (const char * const *) recent);
}

static void
update_recent_menu (DiptychSession *self)
{
  GMenu *menu = diptych_window_get_recent_menu (self->window);
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-projects");

  if (menu == NULL)
    return;

  g_menu_remove_all (menu);
  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (recent[i]);
      g_autofree char *label = g_file_get_basename (file);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target_value (item, "win.open-recent",
                                               g_variant_new_string (recent[i]));
      g_menu_append_item (menu, item);
    }
}

/* Opening */

static void
on_project_loaded (GObject      *source_object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  DiptychSession *self = g_task_get_source_object (task);
  g_autoptr(DiptychProject) project = NULL;
  g_autoptr(GError) error = NULL;
  GtkApplication *application;
  DiptychWindow *window;

  project = diptych_project_load_finish (result, &error);
  if (project == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (self->window == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               "%s", _("The window was closed"));
      return;
    }

  application = gtk_window_get_application (GTK_WINDOW (self->window));
  window = diptych_window_new_for_project (DIPTYCH_APPLICATION (application), project);
  diptych_session_add_recent (self, g_task_get_task_data (task));
  gtk_window_present (GTK_WINDOW (window));

  /* An empty window gives way to the project. */
  if (is_pristine (project_of (self)))
    gtk_window_destroy (GTK_WINDOW (self->window));

  g_task_return_pointer (task, window, NULL);
}

/**
 * diptych_session_open_project_async:
 *
 * Loads @file. On success the project opens in a new window, which
 * replaces this one if it holds nothing worth keeping. A project that
 * fails to load changes nothing.
 */
void
diptych_session_open_project_async (DiptychSession      *self,
                                    GFile               *file,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (DIPTYCH_IS_SESSION (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, diptych_session_open_project_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  diptych_project_load_async (file, cancellable, on_project_loaded, g_steal_pointer (&task));
}

/**
 * diptych_session_open_project_finish:
 *
 * Returns: (transfer none): the window showing the project, or %NULL
 */
DiptychWindow *
diptych_session_open_project_finish (DiptychSession  *self,
                                     GAsyncResult    *result,
                                     GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
show_file_error (DiptychWindow *window,
                 gboolean       saving,
                 GFile         *file,
                 const GError  *error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *heading = NULL;

  if (saving)
    /* Translators: %s is a file name */
    heading = g_strdup_printf (_("Could not save the project “%s”"), name);
  else
    /* Translators: %s is a file name */
    heading = g_strdup_printf (_("Could not open the project “%s”"), name);

  diptych_window_show_error (window, heading, error);
}

static void
open_project_cb (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  DiptychSession *self = DIPTYCH_SESSION (source_object);
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;

  if (diptych_session_open_project_finish (self, result, &error) == NULL &&
      self->window != NULL &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_file_error (self->window, FALSE, file, error);
}

void
diptych_session_open_project (DiptychSession *self,
                              GFile          *file)
{
  g_return_if_fail (DIPTYCH_IS_SESSION (self));
  g_return_if_fail (G_IS_FILE (file));

  diptych_session_open_project_async (self, file, self->cancellable,
                                      open_project_cb, g_object_ref (file));
}

static GtkFileFilter *
project_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Diptych Projects"));
  gtk_file_filter_add_pattern (filter, "*.diptych");
  gtk_file_filter_add_mime_type (filter, "application/x-diptych");
  return filter;
}

static void
on_open_response (GtkNativeDialog *dialog,
                  int              response,
                  gpointer         user_data)
{
  DiptychSession *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT && self->window != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      diptych_session_open_project (self, file);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
open_project_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  DiptychSession *self = user_data;
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = project_filter ();

  dialog = gtk_file_chooser_native_new (_("Open Project"), GTK_WINDOW (self->window),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_open_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
open_recent_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  DiptychSession *self = user_data;
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  diptych_session_open_project (self, file);
}

/* Saving */

static void remove_snapshot (DiptychSession *self);

static void
on_project_saved (GObject      *source_object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  DiptychSession *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;

  if (!diptych_project_save_finish (DIPTYCH_PROJECT (source_object), result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  diptych_session_add_recent (self, g_task_get_task_data (task));
  remove_snapshot (self);
  g_task_return_boolean (task, TRUE);
}

/**
 * diptych_session_save_async:
 * @file: (nullable): where; %NULL for the project's own file
 *
 * Saves the project (atomically, keeping a backup). Fails with
 * %DIPTYCH_ERROR_CHANGED_ON_DISK unless @flags has %DIPTYCH_SAVE_FORCE.
 */
void
diptych_session_save_async (DiptychSession      *self,
                            GFile               *file,
                            DiptychSaveFlags     flags,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  DiptychProject *project;

  g_return_if_fail (DIPTYCH_IS_SESSION (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  project = project_of (self);
  if (file == NULL)
    file = diptych_project_get_file (project);
  g_return_if_fail (file != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, diptych_session_save_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  diptych_project_save_async (project, file, flags, cancellable,
                              on_project_saved, g_steal_pointer (&task));
}

gboolean
diptych_session_save_finish (DiptychSession  *self,
                             GAsyncResult    *result,
                             GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void destroy_window_later (DiptychSession *self);

/* What to do once a save from the window succeeded. */
typedef enum
{
  THEN_NOTHING,
  THEN_CLOSE,
} Then;

typedef struct
{
  DiptychSession *self;
  GFile          *file;
  Then            then;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_object_unref (data->self);
  g_object_unref (data->file);
  g_free (data);
}

static void save_interactive (DiptychSession *self, GFile *file, DiptychSaveFlags flags, Then then);

static void
on_overwrite_response (AdwMessageDialog *dialog,
                       const char       *response,
                       SaveData         *data)
{
  if (g_strcmp0 (response, "overwrite") == 0 && data->self->window != NULL)
    save_interactive (data->self, data->file, DIPTYCH_SAVE_FORCE, data->then);
  save_data_free (data);
}

static void
save_interactive_cb (GObject      *source_object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  SaveData *data = user_data;
  DiptychSession *self = data->self;
  g_autoptr(GError) error = NULL;

  if (diptych_session_save_finish (self, result, &error))
    {
      if (self->window != NULL)
        {
          if (data->then == THEN_CLOSE)
            destroy_window_later (self);
          else
            diptych_window_add_toast (self->window, _("Project saved"));
        }
      save_data_free (data);
      return;
    }

  if (self->window == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      save_data_free (data);
      return;
    }

  if (g_error_matches (error, DIPTYCH_ERROR, DIPTYCH_ERROR_CHANGED_ON_DISK))
    {
      g_autofree char *name = g_file_get_basename (data->file);
      AdwMessageDialog *dialog;

      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self->window),
                                                           _("The Project Changed on Disk"),
                                                           NULL));
      /* Translators: %s is a file name */
      adw_message_dialog_format_body (dialog,
                                      _("“%s” was changed by another program since you opened it. "
                                        "Saving replaces those changes with yours."),
                                      name);
      adw_message_dialog_add_responses (dialog,
                                        "cancel", _("_Cancel"),
                                        "overwrite", _("_Overwrite"),
                                        NULL);
      adw_message_dialog_set_response_appearance (dialog, "overwrite", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (dialog, "cancel");
      adw_message_dialog_set_close_response (dialog, "cancel");
      g_signal_connect (dialog, "response", G_CALLBACK (on_overwrite_response), data);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  show_file_error (self->window, TRUE, data->file, error);
  save_data_free (data);
}

static void
save_interactive (DiptychSession   *self,
                  GFile            *file,
                  DiptychSaveFlags  flags,
                  Then              then)
{
  SaveData *data = g_new0 (SaveData, 1);

  data->self = g_object_ref (self);
  data->file = g_object_ref (file);
  data->then = then;
  diptych_session_save_async (self, file, flags, self->cancellable, save_interactive_cb, data);
}

static GFile *
with_extension (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *named = NULL;
  g_autoptr(GFile) parent = NULL;

  if (g_str_has_suffix (basename, ".diptych"))
    return g_object_ref (file);

  named = g_strconcat (basename, ".diptych", NULL);
  parent = g_file_get_parent (file);
  return g_file_get_child (parent, named);
}

typedef struct
{
  DiptychSession *self;
  Then            then;
} SaveAsData;

static void
on_save_as_response (GtkNativeDialog *dialog,
                     int              response,
                     gpointer         user_data)
{
  SaveAsData *data = user_data;

  if (response == GTK_RESPONSE_ACCEPT && data->self->window != NULL)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GFile) file = with_extension (chosen);

      /* The user chose the name (and confirmed replacing it). */
      save_interactive (data->self, file, DIPTYCH_SAVE_FORCE, data->then);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (data->self);
  g_free (data);
}

static void
save_as (DiptychSession *self,
         Then            then)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = project_filter ();
  g_autofree char *name = diptych_session_dup_project_name (project_of (self));
  g_autofree char *suggested = g_strconcat (name, ".diptych", NULL);
  SaveAsData *data = g_new0 (SaveAsData, 1);

  dialog = gtk_file_chooser_native_new (_("Save Project"), GTK_WINDOW (self->window),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), suggested);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  data->self = g_object_ref (self);
  data->then = then;
  g_signal_connect (dialog, "response", G_CALLBACK (on_save_as_response), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
save (DiptychSession *self,
      Then            then)
{
  GFile *file = diptych_project_get_file (project_of (self));

  if (file == NULL)
    save_as (self, then);
  else
    save_interactive (self, file, DIPTYCH_SAVE_NONE, then);
}

static void
save_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  save (user_data, THEN_NOTHING);
}

static void
save_as_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  save_as (user_data, THEN_NOTHING);
}

/* Closing */

static gboolean
destroy_window_cb (gpointer user_data)
{
  gtk_window_destroy (user_data);
  return G_SOURCE_REMOVE;
}

/* After the dialog that decided it has gone. */
static void
destroy_window_later (DiptychSession *self)
{
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, destroy_window_cb,
                   g_object_ref (self->window), g_object_unref);
}

static void
on_close_response (AdwMessageDialog *dialog,
                   const char       *response,
                   DiptychSession   *self)
{
  self->closing = FALSE;
  if (self->window == NULL)
    return;

  if (g_strcmp0 (response, "discard") == 0)
    {
      remove_snapshot (self);
      diptych_project_set_modified (project_of (self), FALSE);
      destroy_window_later (self);
    }
  else if (g_strcmp0 (response, "save") == 0)
    save (self, THEN_CLOSE);
}

/**
 * diptych_session_close_request:
 *
 * Returns: %TRUE if the window may close now; %FALSE if the user is asked
 *   whether to save first (the window is closed after their answer)
 */
gboolean
diptych_session_close_request (DiptychSession *self)
{
  AdwMessageDialog *dialog;
  g_autofree char *name = NULL;

  g_return_val_if_fail (DIPTYCH_IS_SESSION (self), TRUE);

  if (!diptych_session_has_unsaved_work (project_of (self)))
    {
      remove_snapshot (self);
      return TRUE;
    }
  if (self->closing)
    return FALSE;

  name = diptych_session_dup_project_name (project_of (self));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self->window),
                                                       _("Save Changes?"), NULL));
  /* Translators: %s is the project's name */
  adw_message_dialog_format_body (dialog,
                                  _("“%s” has unsaved changes. Changes you do not save are lost."),
                                  name);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_response), self, 0);
  self->closing = TRUE;
  gtk_window_present (GTK_WINDOW (dialog));
  return FALSE;
}

/* Autosave and recovery, through the project's recovery core: one
 * DiptychRecovery per process (its session folder is locked while we
 * run), one snapshot per window, written a while after a change or when
 * the window loses focus, discarded when the project is saved or the
 * window closes. */

static DiptychRecovery *recovery;

static DiptychRecovery *
get_recovery (void)
{
  g_autoptr(GError) error = NULL;

  if (recovery == NULL)
    {
      recovery = diptych_recovery_new (&error);
      if (recovery == NULL)
        g_warning ("Unsaved work cannot be kept for recovery: %s", error->message);
    }
  return recovery;
}

/**
 * diptych_session_shutdown:
 *
 * A clean exit: removes this process's recovery snapshots.
 */
void
diptych_session_shutdown (void)
{
  if (recovery != NULL)
    diptych_recovery_close (recovery);
  g_clear_object (&recovery);
}

static void
remove_snapshot (DiptychSession *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  if (recovery != NULL &&
      !diptych_recovery_discard_snapshot (recovery, self->snapshot_id, &error))
    g_warning ("Could not remove the recovery snapshot: %s", error->message);
}

/**
 * diptych_session_autosave:
 *
 * Writes a recovery snapshot of the project now (if it holds unsaved
 * work; otherwise removes the snapshot).
 */
gboolean
diptych_session_autosave (DiptychSession  *self,
                          GError         **error)
{
  DiptychProject *project;

  g_return_val_if_fail (DIPTYCH_IS_SESSION (self), FALSE);

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  if (self->window == NULL)
    return TRUE;
  project = project_of (self);
  if (!diptych_session_has_unsaved_work (project))
    {
      remove_snapshot (self);
      return TRUE;
    }
  if (get_recovery () == NULL)
    {
      g_set_error_literal (error, DIPTYCH_ERROR, DIPTYCH_ERROR_IO,
                           _("Unsaved work cannot be kept for recovery"));
      return FALSE;
    }

  return diptych_recovery_save_snapshot (recovery, self->snapshot_id, project, error);
}

static gboolean
autosave_cb (gpointer user_data)
{
  DiptychSession *self = user_data;
  g_autoptr(GError) error = NULL;

  self->autosave_id = 0;
  if (!diptych_session_autosave (self, &error))
    g_warning ("Autosave failed: %s", error->message);
  return G_SOURCE_REMOVE;
}

static void
project_changed_cb (DiptychSession *self)
{
  /* Disposed (a pending task may keep us alive a little longer). */
  if (self->window == NULL)
    return;
  if (self->autosave_id != 0 || !diptych_session_has_unsaved_work (project_of (self)))
    return;

  self->autosave_id = g_timeout_add_seconds (self->autosave_interval, autosave_cb, self);
}

static void
window_active_cb (DiptychSession *self)
{
  g_autoptr(GError) error = NULL;

  /* Leaving the window: write what is pending now (this removes the
   * timer too). */
  if (self->window == NULL || self->autosave_id == 0 ||
      gtk_window_is_active (GTK_WINDOW (self->window)))
    return;

  if (!diptych_session_autosave (self, &error))
    g_warning ("Autosave failed: %s", error->message);
}

static void
on_recover_response (AdwMessageDialog *dialog,
                     const char       *response,
                     GListModel       *snapshots)
{
  GtkApplication *application = GTK_APPLICATION (g_object_get_data (G_OBJECT (dialog), "application"));
  gboolean recover = g_strcmp0 (response, "recover") == 0;

  for (guint i = 0; i < g_list_model_get_n_items (snapshots); i++)
    {
      g_autoptr(DiptychSnapshot) snapshot = g_list_model_get_item (snapshots, i);
      g_autoptr(DiptychProject) project = NULL;
      g_autoptr(GError) error = NULL;

      if (recover)
        {
          project = diptych_snapshot_load (snapshot, NULL, &error);
          if (project == NULL)
            {
              g_warning ("Could not recover “%s”: %s",
                         diptych_snapshot_get_title (snapshot), error->message);
              continue;
            }
          gtk_window_present (GTK_WINDOW (diptych_window_new_for_project (DIPTYCH_APPLICATION (application),
                                                                          project)));
        }
      if (!diptych_snapshot_discard (snapshot, &error))
        g_warning ("Could not remove the recovery snapshot: %s", error->message);
    }
  g_object_unref (snapshots);
}

static char *
dup_snapshot_name (DiptychSnapshot *snapshot)
{
  GFile *file = diptych_snapshot_get_project_file (snapshot);
  const char *title = diptych_snapshot_get_title (snapshot);

  if (file != NULL)
    return g_file_get_basename (file);
  if (title != NULL && *title != '\0')
    return g_strdup (title);
  return g_strdup (_("Untitled Project"));
}

/**
 * diptych_session_offer_recovery:
 *
 * If a previous session crashed with unsaved work, asks "Recover unsaved
 * work?" over the active window, listing it; recovered projects open in
 * new windows.
 */
void
diptych_session_offer_recovery (GtkApplication *application)
{
  g_autoptr(GListModel) snapshots = NULL;
  g_autoptr(GString) body = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  guint n;

  g_return_if_fail (GTK_IS_APPLICATION (application));

  /* Take our own session folder first, so that it is not offered. */
  get_recovery ();
  snapshots = diptych_recovery_list_recoverable (&error);
  if (snapshots == NULL)
    {
      g_warning ("Could not look for unsaved work: %s", error->message);
      return;
    }
  n = g_list_model_get_n_items (snapshots);
  if (n == 0)
    return;

  body = g_string_new (_("Diptych did not close properly last time. This work was not saved:"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DiptychSnapshot) snapshot = g_list_model_get_item (snapshots, i);
      g_autofree char *name = dup_snapshot_name (snapshot);
      GDateTime *saved = diptych_snapshot_get_saved (snapshot);
      g_autoptr(GDateTime) local = saved != NULL ? g_date_time_to_local (saved) : NULL;
      g_autofree char *when = local != NULL ? g_date_time_format (local, "%x %X") : g_strdup ("");

      /* Translators: a line of the recovery dialog: project name, date and time */
      g_string_append_printf (body, _("\n• %s, %s"), name, when);
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (gtk_application_get_active_window (application),
                                                       _("Recover Unsaved Work?"), body->str));
  adw_message_dialog_add_responses (dialog,
                                    "discard", _("_Discard"),
                                    "recover", _("_Recover"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "recover", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "recover");
  adw_message_dialog_set_close_response (dialog, "recover");
  g_object_set_data_full (G_OBJECT (dialog), "application", g_object_ref (application), g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (on_recover_response), g_steal_pointer (&snapshots));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Object */

static const GActionEntry session_actions[] = {
  { "open-project", open_project_activated },
  { "open-recent", open_recent_activated, "s" },
  { "save", save_activated },
  { "save-as", save_as_activated },
};

static void
diptych_session_dispose (GObject *object)
{
  DiptychSession *self = DIPTYCH_SESSION (object);

  g_cancellable_cancel (self->cancellable);
  /* The window is gone without a crash: its snapshot has no use. */
  if (self->snapshot_id != NULL)
    remove_snapshot (self);
  g_clear_weak_pointer (&self->window);

  G_OBJECT_CLASS (diptych_session_parent_class)->dispose (object);
}

static void
diptych_session_finalize (GObject *object)
{
  DiptychSession *self = DIPTYCH_SESSION (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_free (self->snapshot_id);

  G_OBJECT_CLASS (diptych_session_parent_class)->finalize (object);
}

static void
diptych_session_class_init (DiptychSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = diptych_session_dispose;
  object_class->finalize = diptych_session_finalize;
}

static void
diptych_session_init (DiptychSession *self)
{
  static guint counter;
  const char *interval = g_getenv ("DIPTYCH_AUTOSAVE_INTERVAL");
  guint64 seconds = DEFAULT_AUTOSAVE_INTERVAL;

  if (interval != NULL && g_ascii_string_to_unsigned (interval, 10, 1, 24 * 3600, &seconds, NULL))
    self->autosave_interval = (guint) seconds;
  else
    self->autosave_interval = DEFAULT_AUTOSAVE_INTERVAL;

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APPLICATION_ID);
  self->snapshot_id = g_strdup_printf ("window-%u", ++counter);
}

DiptychSession *
diptych_session_new (DiptychWindow *window)
{
  DiptychSession *self;
  DiptychProject *project;

  g_return_val_if_fail (DIPTYCH_IS_WINDOW (window), NULL);

  self = g_object_new (DIPTYCH_TYPE_SESSION, NULL);
  g_set_weak_pointer (&self->window, window);
  project = diptych_window_get_project (window);

  g_action_map_add_action_entries (G_ACTION_MAP (window), session_actions,
                                   G_N_ELEMENTS (session_actions), self);

  g_signal_connect_object (self->settings, "changed::recent-projects",
                           G_CALLBACK (update_recent_menu), self, G_CONNECT_SWAPPED);
  update_recent_menu (self);

  g_signal_connect_object (project, "changed", G_CALLBACK (project_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (project, "notify::modified", G_CALLBACK (project_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (window, "notify::is-active", G_CALLBACK (window_active_cb), self,
                           G_CONNECT_SWAPPED);
  return self;
}
