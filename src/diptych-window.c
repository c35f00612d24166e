/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "diptych-window"

#include "config.h"

#include <glib/gi18n.h>

#include "diptych-comparison.h"
#include "diptych-editing.h"
#include "diptych-session.h"
#include "diptych-window.h"

#define DEMO_PATH "/io/github/diptych/Diptych/demo/"

struct _DiptychWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  DiptychProject       *project;
  GCancellable         *load_cancellable[DIPTYCH_N_SIDES];
  guint                 n_busy;
  guint                 pulse_id;
  DiptychComparison    *comparison;
  DiptychSession       *session;
  DiptychEditing       *editing;
  GtkRevealer          *align_revealer;
  GtkWidget            *recent_box;
  GtkListBox           *recent_list;
  guint                 revealing_sidebar : 1;
  guint                 sidebar_closed_by_user : 1;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  AdwToastOverlay      *toast_overlay;
  GtkRevealer          *progress_revealer;
  GtkProgressBar       *progress_bar;
  AdwFlap              *sidebar;
  GtkStack             *sidebar_stack;
  GtkPaned             *paned;
  DiptychPane          *pane_a;
  DiptychPane          *pane_b;
  GtkBox               *link_map_slot;
  GMenu                *recent_menu;
  GtkButton            *undo_button;
  GtkButton            *redo_button;
};

G_DEFINE_FINAL_TYPE (DiptychWindow, diptych_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

DiptychWindow *
diptych_window_new (DiptychApplication *application)
{
  g_return_val_if_fail (DIPTYCH_IS_APPLICATION (application), NULL);

  return g_object_new (DIPTYCH_TYPE_WINDOW, "application", application, NULL);
}

/**
 * diptych_window_new_for_project:
 * @project: a project, e.g. one loaded from a file
 *
 * Returns: a window showing @project
 */
DiptychWindow *
diptych_window_new_for_project (DiptychApplication *application,
                                DiptychProject     *project)
{
  g_return_val_if_fail (DIPTYCH_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (DIPTYCH_IS_PROJECT (project), NULL);

  return g_object_new (DIPTYCH_TYPE_WINDOW,
                       "application", application,
                       "project", project,
                       NULL);
}

static DiptychPane *
pane_of (DiptychWindow *self,
         DiptychSide    side)
{
  return side == DIPTYCH_SIDE_A ? self->pane_a : self->pane_b;
}

/* Busy indicator: one pulse timer, however many loads run. */

static gboolean
pulse_cb (gpointer user_data)
{
  DiptychWindow *self = user_data;

  gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

static void
begin_busy (DiptychWindow *self)
{
  if (self->n_busy++ > 0)
    return;

  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  self->pulse_id = g_timeout_add (100, pulse_cb, self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
end_busy (DiptychWindow *self)
{
  g_return_if_fail (self->n_busy > 0);

  if (--self->n_busy > 0)
    return;

  g_clear_handle_id (&self->pulse_id, g_source_remove);
  /* NULL once the window is disposed, before a cancelled load returns. */
  if (self->progress_revealer != NULL)
    gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* Messages */

void
diptych_window_add_toast (DiptychWindow *self,
                          const char    *message)
{
  g_return_if_fail (DIPTYCH_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/**
 * diptych_window_show_toast:
 * @toast: (transfer full): a toast, e.g. with a button
 */
void
diptych_window_show_toast (DiptychWindow *self,
                           AdwToast      *toast)
{
  g_return_if_fail (DIPTYCH_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * diptych_window_show_error:
 * @heading: what failed, e.g. "Could not open the document"
 * @error: why; its message is shown as the body
 *
 * Shows a modal message dialog over the window.
 */
void
diptych_window_show_error (DiptychWindow *self,
                           const char    *heading,
                           const GError  *error)
{
  GtkWidget *dialog;

  g_return_if_fail (DIPTYCH_IS_WINDOW (self));
  g_return_if_fail (heading != NULL);
  g_return_if_fail (error != NULL);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Model → view */

static void
update_title (DiptychWindow *self)
{
  DiptychDocument *a = diptych_project_get_document (self->project, DIPTYCH_SIDE_A);
  DiptychDocument *b = diptych_project_get_document (self->project, DIPTYCH_SIDE_B);
  g_autofree char *subtitle = NULL;
  g_autofree char *title = NULL;

  if (a != NULL && b != NULL)
    /* Translators: the window's subtitle: left document's title, right document's title */
    subtitle = g_strdup_printf (_("%s — %s"),
                                diptych_document_get_title (a),
                                diptych_document_get_title (b));

  adw_window_title_set_subtitle (self->window_title, subtitle);
  title = diptych_session_dup_project_name (self->project);
  /* Marked when closing would lose work (and ask): not for two documents
   * just opened side by side, such as the demo. */
  if (diptych_session_has_unsaved_work (self->project))
    {
      /* Translators: the window title of a project with unsaved changes */
      g_autofree char *marked = g_strdup_printf (_("• %s"), title);

      g_free (title);
      title = g_steal_pointer (&marked);
    }
  adw_window_title_set_title (self->window_title, title);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
on_document_changed (DiptychWindow *self,
                     GParamSpec    *pspec,
                     DiptychProject *project)
{
  for (DiptychSide side = DIPTYCH_SIDE_A; side <= DIPTYCH_SIDE_B; side++)
    {
      DiptychDocument *document = diptych_project_get_document (project, side);

      diptych_pane_set_document (pane_of (self, side), document);
      /* An empty pane has nothing to map beside it. */
      gtk_widget_set_visible (diptych_comparison_get_overview (self->comparison, side), document != NULL);
    }
  update_title (self);
}

static void
apply_align_settings (DiptychWindow *self)
{
  DiptychAlignSettings settings = *diptych_project_get_settings (self->project);
  g_autofree char *granularity = g_settings_get_string (self->settings, "granularity");

  if (!diptych_granularity_from_string (granularity, &settings.granularity))
    settings.granularity = DIPTYCH_GRANULARITY_SENTENCE;
  settings.sensitivity = g_settings_get_double (self->settings, "sensitivity");

  diptych_project_set_settings (self->project, &settings);
}

/* Loading */

typedef struct
{
  DiptychSide   side;
  GCancellable *caller_cancellable;
  gulong        caller_handler;
} LoadData;

static void
load_data_free (LoadData *data)
{
  if (data->caller_cancellable != NULL)
    {
      g_cancellable_disconnect (data->caller_cancellable, data->caller_handler);
      g_object_unref (data->caller_cancellable);
    }
  g_free (data);
}

static void
cancel_load (GCancellable *caller_cancellable,
             GCancellable *load_cancellable)
{
  g_cancellable_cancel (load_cancellable);
}

static void
on_file_imported (GObject      *source_object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  DiptychWindow *self = g_task_get_source_object (task);
  LoadData *data = g_task_get_task_data (task);
  g_autoptr(DiptychDocument) document = NULL;
  GError *error = NULL;

  end_busy (self);

  document = diptych_import_file_finish (result, &error);
  if (document == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* A newer load for this side replaced this one. */
  if (g_task_return_error_if_cancelled (task))
    return;

  diptych_project_set_document (self->project, data->side, document);
  g_task_return_boolean (task, TRUE);
}

/**
 * diptych_window_load_file_async:
 * @side: where to show the document
 * @file: a text or HTML file
 * @cancellable: (nullable): cancels the load
 *
 * Imports @file off the main thread and sets it as the project's document
 * on @side. A later load on the same side cancels this one. On error the
 * project keeps its previous document.
 */
void
diptych_window_load_file_async (DiptychWindow       *self,
                                DiptychSide          side,
                                GFile               *file,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (DIPTYCH_IS_WINDOW (self));
  g_return_if_fail (side == DIPTYCH_SIDE_A || side == DIPTYCH_SIDE_B);
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  /* The load has its own cancellable, so that a newer load on this side
   * cancels it without cancelling the caller's. */
  if (self->load_cancellable[side] != NULL)
    g_cancellable_cancel (self->load_cancellable[side]);
  g_clear_object (&self->load_cancellable[side]);
  self->load_cancellable[side] = g_cancellable_new ();

  data = g_new0 (LoadData, 1);
  data->side = side;
  if (cancellable != NULL)
    {
      data->caller_cancellable = g_object_ref (cancellable);
      data->caller_handler = g_cancellable_connect (cancellable, G_CALLBACK (cancel_load),
                                                    g_object_ref (self->load_cancellable[side]),
                                                    g_object_unref);
    }

  task = g_task_new (self, self->load_cancellable[side], callback, user_data);
  g_task_set_source_tag (task, diptych_window_load_file_async);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);

  begin_busy (self);
  diptych_import_file_async (file, self->load_cancellable[side], on_file_imported,
                             g_steal_pointer (&task));
}

/**
 * diptych_window_load_file_finish:
 *
 * Returns: %TRUE if the document was loaded; %FALSE with @error set
 *   (in the DIPTYCH_ERROR domain, naming the file) otherwise
 */
gboolean
diptych_window_load_file_finish (DiptychWindow  *self,
                                 GAsyncResult   *result,
                                 GError        **error)
{
  g_return_val_if_fail (DIPTYCH_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
open_file_cb (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  DiptychWindow *self = DIPTYCH_WINDOW (source_object);
  g_autoptr(GError) error = NULL;

  if (!diptych_window_load_file_finish (self, result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    diptych_window_show_error (self, _("Could not open the document"), error);
}

/**
 * diptych_window_open_file:
 *
 * Loads @file on @side like diptych_window_load_file_async(), and tells
 * the user in a dialog if it cannot be opened.
 */
void
diptych_window_open_file (DiptychWindow *self,
                          DiptychSide    side,
                          GFile         *file)
{
  g_return_if_fail (DIPTYCH_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  diptych_window_load_file_async (self, side, file, NULL, open_file_cb, NULL);
}

/**
 * diptych_window_open_text:
 * @text: UTF-8 text, e.g. from the clipboard
 * @title: (nullable): the document's title
 *
 * Returns: %TRUE if the text became the document on @side; otherwise the
 *   user was told why and the previous document stays
 */
gboolean
diptych_window_open_text (DiptychWindow *self,
                          DiptychSide    side,
                          const char    *text,
                          const char    *title)
{
  g_autoptr(DiptychDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (DIPTYCH_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  document = diptych_import_text (text, -1, title, &error);
  if (document == NULL)
    {
      diptych_window_show_error (self, _("Could not open the text"), error);
      return FALSE;
    }

  /* A file still loading on this side must not replace the text. */
  if (self->load_cancellable[side] != NULL)
    g_cancellable_cancel (self->load_cancellable[side]);

  diptych_project_set_document (self->project, side, document);
  return TRUE;
}

static DiptychDocument *
load_demo_document (const char  *resource,
                    const char  *title,
                    GError     **error)
{
  g_autofree char *path = g_strconcat (DEMO_PATH, resource, NULL);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);

  if (bytes == NULL)
    return NULL;

  return diptych_import_bytes (bytes, title, _("Demo document"), error);
}

/**
 * diptych_window_open_demo:
 *
 * Opens the demo pair bundled with Diptych: two councils' statements
 * about one bridge project.
 */
void
diptych_window_open_demo (DiptychWindow *self)
{
  static const struct
  {
    const char *resource;
    const char *title;
  } demo[DIPTYCH_N_SIDES] = {
    { "harbourton.txt", N_("Harbourton City Council") },
    { "wendle-vale.txt", N_("Wendle Vale District Council") },
  };

  g_return_if_fail (DIPTYCH_IS_WINDOW (self));

  for (DiptychSide side = DIPTYCH_SIDE_A; side <= DIPTYCH_SIDE_B; side++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DiptychDocument) document = load_demo_document (demo[side].resource,
                                                                _(demo[side].title),
                                                                &error);

      if (document == NULL)
        {
          /* The demo is part of the program: failing here is a build error. */
          g_critical ("Demo document %s: %s", demo[side].resource, error->message);
          continue;
        }
      if (self->load_cancellable[side] != NULL)
        g_cancellable_cancel (self->load_cancellable[side]);
      diptych_project_set_document (self->project, side, document);
    }
}

/* Actions */

static void
remember_folder (DiptychWindow *self,
                 GFile         *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);

  if (parent != NULL)
    {
      g_autofree char *uri = g_file_get_uri (parent);
      g_settings_set_string (self->settings, "last-folder", uri);
    }
}

static void
on_file_chooser_response (GtkNativeDialog *dialog,
                          int              response,
                          DiptychWindow   *self)
{
  DiptychSide side = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "diptych-side"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        {
          remember_folder (self, file);
          diptych_window_open_file (self, side, file);
        }
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
choose_file (DiptychWindow *self,
             DiptychSide    side)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) documents = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  g_autofree char *last_folder = g_settings_get_string (self->settings, "last-folder");

  dialog = gtk_file_chooser_native_new (side == DIPTYCH_SIDE_A
                                        ? _("Open Left Document")
                                        : _("Open Right Document"),
                                        GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);

  gtk_file_filter_set_name (documents, _("Text and HTML Documents"));
  gtk_file_filter_add_mime_type (documents, "text/plain");
  gtk_file_filter_add_mime_type (documents, "text/html");
  gtk_file_filter_add_suffix (documents, "txt");
  gtk_file_filter_add_suffix (documents, "html");
  gtk_file_filter_add_suffix (documents, "htm");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), documents);

  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), all);

  if (last_folder != NULL && *last_folder != '\0')
    {
      g_autoptr(GFile) folder = g_file_new_for_uri (last_folder);
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL);
    }

  g_object_set_data (G_OBJECT (dialog), "diptych-side", GUINT_TO_POINTER (side));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_file_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
open_a_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  choose_file (user_data, DIPTYCH_SIDE_A);
}

static void
open_b_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  choose_file (user_data, DIPTYCH_SIDE_B);
}

static void
open_demo_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  diptych_window_open_demo (user_data);
}

typedef struct
{
  DiptychWindow *window;
  DiptychSide    side;
} PasteData;

static void
paste_data_free (PasteData *data)
{
  g_object_unref (data->window);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PasteData, paste_data_free)

static void
on_clipboard_text (GObject      *source_object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(PasteData) data = user_data;
  DiptychWindow *self = data->window;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source_object),
                                                          result, &error);

  end_busy (self);

  if (text == NULL || *text == '\0')
    {
      diptych_window_add_toast (self, _("The clipboard holds no text to paste"));
      return;
    }

  if (diptych_window_open_text (self, data->side, text, _("Pasted text")))
    diptych_window_add_toast (self, data->side == DIPTYCH_SIDE_A
                                    ? _("Pasted text opened on the left")
                                    : _("Pasted text opened on the right"));
}

static void
paste_into (DiptychWindow *self,
            DiptychSide    side)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (self));
  PasteData *data = g_new0 (PasteData, 1);

  data->window = g_object_ref (self);
  data->side = side;
  begin_busy (self);
  gdk_clipboard_read_text_async (clipboard, NULL, on_clipboard_text, data);
}

/* Pastes where the user is reading, else into the first empty side. */
static DiptychSide
paste_side (DiptychWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->pane_b)))
    return DIPTYCH_SIDE_B;
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->pane_a)))
    return DIPTYCH_SIDE_A;
  if (diptych_project_get_document (self->project, DIPTYCH_SIDE_A) != NULL &&
      diptych_project_get_document (self->project, DIPTYCH_SIDE_B) == NULL)
    return DIPTYCH_SIDE_B;
  return DIPTYCH_SIDE_A;
}

static void
paste_document_activated (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  DiptychWindow *self = user_data;

  paste_into (self, paste_side (self));
}

static void
paste_into_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  DiptychSide side;

  if (!diptych_side_from_string (g_variant_get_string (parameter, NULL), &side))
    return;
  paste_into (user_data, side);
}

/* Comparison view: navigation, find, zoom */

static void
step_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  DiptychWindow *self = user_data;
  const char *name = g_action_get_name (G_ACTION (action));

  if (diptych_comparison_step (self->comparison,
                               g_str_has_suffix (name, "-link") ? DIPTYCH_TYPE_LINK : DIPTYCH_TYPE_OMISSION,
                               g_str_has_prefix (name, "next-")) == NULL)
    gtk_widget_error_bell (GTK_WIDGET (self));
}

static void
find_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  DiptychWindow *self = user_data;

  diptych_comparison_find (self->comparison);
}

static void
find_next_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  DiptychWindow *self = user_data;

  diptych_comparison_find_next (self->comparison,
                                g_str_equal (g_action_get_name (G_ACTION (action)), "find-next"));
}

static void
zoom_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  DiptychWindow *self = user_data;
  const char *name = g_action_get_name (G_ACTION (action));
  double zoom = g_settings_get_double (self->settings, "zoom");

  if (g_str_equal (name, "zoom-in"))
    zoom = MIN (zoom * 1.1, 3.0);
  else if (g_str_equal (name, "zoom-out"))
    zoom = MAX (zoom / 1.1, 0.5);
  else
    zoom = 1.0;
  g_settings_set_double (self->settings, "zoom", zoom);
}

static void
apply_font (DiptychWindow *self)
{
  g_autofree char *font = g_settings_get_string (self->settings, "font");

  diptych_comparison_set_font (self->comparison, font, g_settings_get_double (self->settings, "zoom"));
}

/* Recent projects on the empty window, from the Open Recent menu */

#define MAX_RECENT_ROWS 5

static void
update_recent_list (DiptychWindow *self)
{
  GMenuModel *menu = G_MENU_MODEL (self->recent_menu);
  guint n = MIN ((guint) g_menu_model_get_n_items (menu), MAX_RECENT_ROWS);
  GtkWidget *row;

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, row);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label = NULL;
      g_autoptr(GVariant) target = NULL;
      g_autoptr(GFile) file = NULL;
      g_autoptr(GFile) parent = NULL;
      g_autofree char *folder = NULL;

      if (!g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        continue;
      target = g_menu_model_get_item_attribute_value (menu, i, G_MENU_ATTRIBUTE_TARGET,
                                                      G_VARIANT_TYPE_STRING);
      if (target == NULL)
        continue;
      file = g_file_new_for_uri (g_variant_get_string (target, NULL));
      parent = g_file_get_parent (file);
      folder = parent != NULL ? g_file_get_parse_name (parent) : NULL;

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (folder != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), folder);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-recent");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), target);
      gtk_list_box_append (self->recent_list, row);
    }

  gtk_widget_set_visible (self->recent_box, n > 0);
}

static void
setup_recent_list (DiptychWindow *self)
{
  GtkWidget *heading = gtk_label_new (_("Recent Projects"));

  self->recent_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_size_request (self->recent_box, 300, -1);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (self->recent_box), heading);

  self->recent_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->recent_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->recent_list), "boxed-list");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->recent_list),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, heading, NULL, -1);
  gtk_box_append (GTK_BOX (self->recent_box), GTK_WIDGET (self->recent_list));

  diptych_pane_add_empty_child (self->pane_a, self->recent_box);
  g_signal_connect_object (self->recent_menu, "items-changed",
                           G_CALLBACK (update_recent_list), self, G_CONNECT_SWAPPED);
  update_recent_list (self);
}

/* A selection opens the sidebar, unless the user closed it: their
 * choice stands until they open it again. */
static void
reveal_inspector (DiptychWindow *self)
{
  if (self->sidebar_closed_by_user ||
      diptych_selection_get_item (diptych_comparison_get_selection (self->comparison)) == NULL)
    return;

  self->revealing_sidebar = TRUE;
  adw_flap_set_reveal_flap (self->sidebar, TRUE);
  self->revealing_sidebar = FALSE;
}

static void
sidebar_revealed_cb (DiptychWindow *self)
{
  if (!self->revealing_sidebar)
    self->sidebar_closed_by_user = !adw_flap_get_reveal_flap (self->sidebar);
}

/* The highlighting model runs in the background: its progress in the
 * progress bar, a bar below it to cancel it. (Not a toast: dismissing a
 * toast while it is shown crashes libadwaita 1.2.) */
static void
alignment_progress_cb (DiptychWindow *self)
{
  if (self->n_busy == 0)
    gtk_progress_bar_set_fraction (self->progress_bar,
                                   diptych_comparison_get_progress (self->comparison));
}

static void
aligning_changed_cb (DiptychWindow *self)
{
  gboolean aligning = diptych_comparison_get_aligning (self->comparison);

  gtk_revealer_set_reveal_child (self->align_revealer, aligning);
  if (self->n_busy == 0)
    gtk_revealer_set_reveal_child (self->progress_revealer, aligning);
  alignment_progress_cb (self);
}

static GtkRevealer *
build_align_revealer (void)
{
  GtkWidget *revealer = gtk_revealer_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *spinner = gtk_spinner_new ();
  GtkWidget *label = gtk_label_new (_("Linking the passages of both documents…"));
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));

  gtk_spinner_start (GTK_SPINNER (spinner));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "win.cancel-alignment");
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_box_append (GTK_BOX (box), spinner);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), cancel);
  gtk_revealer_set_child (GTK_REVEALER (revealer), box);
  gtk_revealer_set_transition_type (GTK_REVEALER (revealer), GTK_REVEALER_TRANSITION_TYPE_SLIDE_DOWN);
  gtk_widget_add_css_class (revealer, "alignment-bar");
  return GTK_REVEALER (revealer);
}

static void
alignment_failed_cb (DiptychWindow *self,
                     GError        *error)
{
  diptych_window_show_error (self, _("Could not link the documents"), error);
}

static void
cancel_alignment_activated (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  DiptychWindow *self = user_data;

  diptych_comparison_cancel_alignment (self->comparison);
}

/* The comparison view's keys. Captured before the focused widget sees
 * them: the panes' source views take Alt+Up and Alt+Down for moving
 * lines, even read-only. */
static void
add_view_shortcuts (DiptychWindow *self)
{
  static const struct
  {
    const char *trigger;
    const char *action;
  } shortcuts[] = {
    { "<Alt>Down", "win.next-link" },
    { "<Alt>Up", "win.previous-link" },
    { "<Alt>Page_Down", "win.next-omission" },
    { "<Alt>Page_Up", "win.previous-omission" },
    { "<Control>f", "win.find" },
    { "<Control>g", "win.find-next" },
    { "<Control><Shift>g", "win.find-previous" },
    { "<Control><Shift>l", "win.sync-scrolling" },
    { "<Control>plus", "win.zoom-in" },
    { "<Control>equal", "win.zoom-in" },
    { "<Control>KP_Add", "win.zoom-in" },
    { "<Control>minus", "win.zoom-out" },
    { "<Control>KP_Subtract", "win.zoom-out" },
    { "<Control>0", "win.zoom-reset" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (controller, "diptych-view-shortcuts");
  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_shortcut_trigger_parse_string (shortcuts[i].trigger),
                                                            gtk_named_action_new (shortcuts[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
setup_comparison (DiptychWindow *self)
{
  g_autoptr(GAction) sync_scrolling = NULL;
  GtkWidget *sidebar_paned;
  GtkWidget *pane_b_parent = gtk_widget_get_parent (GTK_WIDGET (self->pane_b));

  self->comparison = diptych_comparison_new (self->project,
                                             diptych_pane_get_view (self->pane_a),
                                             diptych_pane_get_view (self->pane_b));

  /* [pane A][overview A | link map][pane B][overview B]: each strip
   * beside its pane's scrollbar. */
  gtk_box_append (self->link_map_slot, diptych_comparison_get_overview (self->comparison, DIPTYCH_SIDE_A));
  gtk_box_append (self->link_map_slot, diptych_comparison_get_link_map (self->comparison));
  gtk_box_append (GTK_BOX (pane_b_parent), diptych_comparison_get_overview (self->comparison, DIPTYCH_SIDE_B));

  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->progress_revealer))),
                              diptych_comparison_get_search_bar (self->comparison),
                              GTK_WIDGET (self->progress_revealer));
  self->align_revealer = build_align_revealer ();
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->progress_revealer))),
                              GTK_WIDGET (self->align_revealer),
                              GTK_WIDGET (self->progress_revealer));

  sidebar_paned = gtk_paned_new (GTK_ORIENTATION_VERTICAL);
  gtk_paned_set_start_child (GTK_PANED (sidebar_paned), diptych_comparison_get_differences (self->comparison));
  gtk_paned_set_end_child (GTK_PANED (sidebar_paned), diptych_comparison_get_inspector (self->comparison));
  gtk_paned_set_position (GTK_PANED (sidebar_paned), 320);
  gtk_paned_set_shrink_start_child (GTK_PANED (sidebar_paned), FALSE);
  gtk_paned_set_shrink_end_child (GTK_PANED (sidebar_paned), FALSE);
  gtk_stack_add_titled (self->sidebar_stack, sidebar_paned, "differences", _("Differences"));

  sync_scrolling = g_settings_create_action (self->settings, "sync-scrolling");
  g_action_map_add_action (G_ACTION_MAP (self), sync_scrolling);
  g_settings_bind (self->settings, "sync-scrolling",
                   diptych_comparison_get_scroll_sync (self->comparison), "enabled",
                   G_SETTINGS_BIND_GET);

  g_signal_connect_object (self->settings, "changed::font",
                           G_CALLBACK (apply_font), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::zoom",
                           G_CALLBACK (apply_font), self, G_CONNECT_SWAPPED);
  apply_font (self);

  g_signal_connect_object (diptych_comparison_get_selection (self->comparison), "notify::item",
                           G_CALLBACK (reveal_inspector), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sidebar, "notify::reveal-flap",
                           G_CALLBACK (sidebar_revealed_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->comparison, "notify::aligning",
                           G_CALLBACK (aligning_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->comparison, "notify::progress",
                           G_CALLBACK (alignment_progress_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->comparison, "alignment-failed",
                           G_CALLBACK (alignment_failed_cb), self, G_CONNECT_SWAPPED);
  aligning_changed_cb (self);
  add_view_shortcuts (self);
}

/**
 * diptych_window_get_comparison:
 *
 * Returns: (transfer none): the comparison view (selection, link map,
 *   inspector, ...)
 */
DiptychComparison *
diptych_window_get_comparison (DiptychWindow *self)
{
  g_return_val_if_fail (DIPTYCH_IS_WINDOW (self), NULL);

  return self->comparison;
}

static const GActionEntry win_actions[] = {
  { "open-a", open_a_activated },
  { "open-b", open_b_activated },
  { "open-demo", open_demo_activated },
  { "paste-document", paste_document_activated },
  { "paste-into", paste_into_activated, "s" },
  { "next-link", step_activated },
  { "previous-link", step_activated },
  { "next-omission", step_activated },
  { "previous-omission", step_activated },
  { "find", find_activated },
  { "find-next", find_next_activated },
  { "find-previous", find_next_activated },
  { "zoom-in", zoom_activated },
  { "zoom-out", zoom_activated },
  { "zoom-reset", zoom_activated },
  { "cancel-alignment", cancel_alignment_activated },
};

/* Drops */

static void
on_file_dropped (DiptychPane   *pane,
                 GFile         *file,
                 DiptychWindow *self)
{
  diptych_window_open_file (self, diptych_pane_get_side (pane), file);
}

static void
on_text_dropped (DiptychPane   *pane,
                 const char    *text,
                 DiptychWindow *self)
{
  diptych_window_open_text (self, diptych_pane_get_side (pane), text, _("Dropped text"));
}

/* Window state */

/* The natural width of @parent's visible children but @skip and @skip2. */
static int
children_width (GtkWidget *parent,
                GtkWidget *skip,
                GtkWidget *skip2)
{
  int width = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (parent);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_width = 0;

      if (child == skip || child == skip2 || !gtk_widget_get_visible (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &child_width, NULL, NULL);
      width += child_width;
    }
  return width;
}

/* With no saved divider, the first allocation splits the window into two
 * equal panes, the link map between them belonging to the right one.
 * The handle is a wide one: a thin handle grabs presses several pixels
 * beyond its edges, which took clicks on the left overview strip. */
static void
on_paned_max_position (DiptychWindow *self,
                       GParamSpec    *pspec,
                       GtkPaned      *paned)
{
  int width = gtk_widget_get_width (GTK_WIDGET (paned));
  int slot_width;

  if (width <= 0)
    return;

  /* Everything beside the right pane in its half (the link map slot and
   * the right overview strip), and the handle between the halves. */
  slot_width = children_width (gtk_widget_get_parent (GTK_WIDGET (self->pane_b)), GTK_WIDGET (self->pane_b), NULL)
               + children_width (GTK_WIDGET (paned), gtk_paned_get_start_child (paned), gtk_paned_get_end_child (paned));
  gtk_paned_set_position (paned, MAX (0, (width - slot_width) / 2));
  g_signal_handlers_disconnect_by_func (paned, on_paned_max_position, self);
}

static void
restore_state (DiptychWindow *self)
{
  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");
  int position = g_settings_get_int (self->settings, "pane-position");

  gtk_window_set_default_size (GTK_WINDOW (self), MAX (width, 480), MAX (height, 360));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  if (position >= 0)
    gtk_paned_set_position (self->paned, position);
  else
    g_signal_connect_object (self->paned, "notify::max-position",
                             G_CALLBACK (on_paned_max_position), self, G_CONNECT_SWAPPED);
}

static void
save_state (DiptychWindow *self)
{
  gboolean maximized = gtk_window_is_maximized (GTK_WINDOW (self));

  g_settings_delay (self->settings);
  if (!maximized)
    {
      int width, height;

      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized", maximized);
  /* Not before the divider was placed: a window closed at once keeps the default. */
  if (gtk_widget_get_width (GTK_WIDGET (self->paned)) > 0)
    g_settings_set_int (self->settings, "pane-position", gtk_paned_get_position (self->paned));
  g_settings_apply (self->settings);
}

static void
cancel_loads (DiptychWindow *self)
{
  for (guint i = 0; i < DIPTYCH_N_SIDES; i++)
    if (self->load_cancellable[i] != NULL)
      g_cancellable_cancel (self->load_cancellable[i]);
}

static gboolean
diptych_window_close_request (GtkWindow *window)
{
  DiptychWindow *self = DIPTYCH_WINDOW (window);

  /* Unsaved changes: the session asks, and closes the window itself. */
  if (!diptych_session_close_request (self->session))
    return TRUE;

  save_state (self);
  cancel_loads (self);

  return GTK_WINDOW_CLASS (diptych_window_parent_class)->close_request (window);
}

/* A destroyed window is unrealized while loads may still hold it. */
static void
diptych_window_unrealize (GtkWidget *widget)
{
  cancel_loads (DIPTYCH_WINDOW (widget));

  GTK_WIDGET_CLASS (diptych_window_parent_class)->unrealize (widget);
}

static void
diptych_window_dispose (GObject *object)
{
  DiptychWindow *self = DIPTYCH_WINDOW (object);

  g_clear_handle_id (&self->pulse_id, g_source_remove);
  for (guint i = 0; i < DIPTYCH_N_SIDES; i++)
    {
      if (self->load_cancellable[i] != NULL)
        g_cancellable_cancel (self->load_cancellable[i]);
      g_clear_object (&self->load_cancellable[i]);
    }

  if (self->comparison != NULL)
    diptych_comparison_cancel_alignment (self->comparison);
  gtk_widget_dispose_template (GTK_WIDGET (self), DIPTYCH_TYPE_WINDOW);
  g_clear_object (&self->comparison);
  g_clear_object (&self->session);
  g_clear_object (&self->editing);

  G_OBJECT_CLASS (diptych_window_parent_class)->dispose (object);
}

static void
diptych_window_finalize (GObject *object)
{
  DiptychWindow *self = DIPTYCH_WINDOW (object);

  g_clear_object (&self->project);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (diptych_window_parent_class)->finalize (object);
}

static void
diptych_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  DiptychWindow *self = DIPTYCH_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, diptych_window_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
diptych_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  DiptychWindow *self = DIPTYCH_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_set_object (&self->project, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void diptych_window_constructed (GObject *object);

static void
diptych_window_class_init (DiptychWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = diptych_window_dispose;
  object_class->finalize = diptych_window_finalize;
  object_class->constructed = diptych_window_constructed;
  object_class->get_property = diptych_window_get_property;
  object_class->set_property = diptych_window_set_property;

  widget_class->unrealize = diptych_window_unrealize;

  window_class->close_request = diptych_window_close_request;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL,
                         DIPTYCH_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * DiptychWindow:busy:
   *
   * Whether background work (loading a document, reading the clipboard)
   * is under way.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (DIPTYCH_TYPE_PANE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/diptych/Diptych/diptych-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DiptychWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, DiptychWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DiptychWindow, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, DiptychWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, DiptychWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, DiptychWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, DiptychWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, DiptychWindow, pane_a);
  gtk_widget_class_bind_template_child (widget_class, DiptychWindow, pane_b);
  gtk_widget_class_bind_template_child (widget_class, DiptychWindow, link_map_slot);
  gtk_widget_class_bind_template_child (widget_class, DiptychWindow, recent_menu);
  gtk_widget_class_bind_template_child (widget_class, DiptychWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, DiptychWindow, redo_button);
}

static void
diptych_window_init (DiptychWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
diptych_window_constructed (GObject *object)
{
  DiptychWindow *self = DIPTYCH_WINDOW (object);
  g_autoptr(GPropertyAction) toggle_sidebar = NULL;

  G_OBJECT_CLASS (diptych_window_parent_class)->constructed (object);

  self->settings = g_settings_new (APPLICATION_ID);
  if (self->project == NULL)
    {
      self->project = diptych_project_new ();
      diptych_project_add_default_tags (self->project);
    }

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions,
                                   G_N_ELEMENTS (win_actions), self);
  toggle_sidebar = g_property_action_new ("toggle-sidebar", self->sidebar, "reveal-flap");
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (toggle_sidebar));

  g_signal_connect_object (self->project, "notify::document-a",
                           G_CALLBACK (on_document_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->project, "notify::document-b",
                           G_CALLBACK (on_document_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->project, "notify::file",
                           G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->project, "notify::modified",
                           G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  /* Unsaved work also depends on the annotations and the history. */
  g_signal_connect_object (self->project, "changed",
                           G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (diptych_project_get_history (self->project), "notify::can-undo",
                           G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->settings, "changed::granularity",
                           G_CALLBACK (apply_align_settings), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::sensitivity",
                           G_CALLBACK (apply_align_settings), self, G_CONNECT_SWAPPED);
  /* A saved project keeps the settings it was aligned with. */
  if (diptych_project_get_file (self->project) == NULL)
    apply_align_settings (self);

  for (DiptychSide side = DIPTYCH_SIDE_A; side <= DIPTYCH_SIDE_B; side++)
    {
      g_signal_connect_object (pane_of (self, side), "file-dropped",
                               G_CALLBACK (on_file_dropped), self, 0);
      g_signal_connect_object (pane_of (self, side), "text-dropped",
                               G_CALLBACK (on_text_dropped), self, 0);
    }

  setup_comparison (self);
  /* A loaded project's texts (the highlighter re-tags when they arrive). */
  on_document_changed (self, NULL, self->project);
  setup_recent_list (self);
  self->session = diptych_session_new (self);
  self->editing = diptych_editing_new (self);
  restore_state (self);
  update_title (self);
}

/**
 * diptych_window_get_project:
 *
 * Returns: (transfer none): the project the window shows
 */
DiptychProject *
diptych_window_get_project (DiptychWindow *self)
{
  g_return_val_if_fail (DIPTYCH_IS_WINDOW (self), NULL);

  return self->project;
}

/**
 * diptych_window_get_pane:
 *
 * Returns: (transfer none): the pane showing @side
 */
DiptychPane *
diptych_window_get_pane (DiptychWindow *self,
                         DiptychSide    side)
{
  g_return_val_if_fail (DIPTYCH_IS_WINDOW (self), NULL);

  return pane_of (self, side);
}

/**
 * diptych_window_get_link_map_slot:
 *
 * Returns: (transfer none): the narrow box between the two panes, where
 *   the link map goes
 */
GtkBox *
diptych_window_get_link_map_slot (DiptychWindow *self)
{
  g_return_val_if_fail (DIPTYCH_IS_WINDOW (self), NULL);

  return self->link_map_slot;
}

/**
 * diptych_window_get_sidebar_stack:
 *
 * Returns: (transfer none): the stack in the sidebar (win.toggle-sidebar
 *   shows and hides it); add pages to it
 */
GtkStack *
diptych_window_get_sidebar_stack (DiptychWindow *self)
{
  g_return_val_if_fail (DIPTYCH_IS_WINDOW (self), NULL);

  return self->sidebar_stack;
}

gboolean
diptych_window_get_busy (DiptychWindow *self)
{
  g_return_val_if_fail (DIPTYCH_IS_WINDOW (self), FALSE);

  return self->n_busy > 0;
}

/**
 * diptych_window_get_recent_menu:
 *
 * Returns: (transfer none): the "Open Recent" submenu of the main menu
 */
GMenu *
diptych_window_get_recent_menu (DiptychWindow *self)
{
  g_return_val_if_fail (DIPTYCH_IS_WINDOW (self), NULL);

  return self->recent_menu;
}

/**
 * diptych_window_get_undo_button:
 * @redo: %FALSE for the Undo button, %TRUE for Redo
 *
 * Returns: (transfer none): the header bar's Undo or Redo button
 */
GtkWidget *
diptych_window_get_undo_button (DiptychWindow *self,
                                gboolean       redo)
{
  g_return_val_if_fail (DIPTYCH_IS_WINDOW (self), NULL);

  return GTK_WIDGET (redo ? self->redo_button : self->undo_button);
}

/**
 * diptych_window_open_project:
 *
 * Opens the project file @file: in a new window, which replaces this one
 * if it is empty; a project that fails to load is reported here.
 */
void
diptych_window_open_project (DiptychWindow *self,
                             GFile         *file)
{
  g_return_if_fail (DIPTYCH_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  diptych_session_open_project (self->session, file);
}

/**
 * diptych_window_get_session:
 *
 * Returns: (transfer none): the window's file handling (save, open, autosave)
 */
DiptychSession *
diptych_window_get_session (DiptychWindow *self)
{
  g_return_val_if_fail (DIPTYCH_IS_WINDOW (self), NULL);

  return self->session;
}

/**
 * diptych_window_get_editing:
 *
 * Returns: (transfer none): the window's editing (annotations, links, undo)
 */
DiptychEditing *
diptych_window_get_editing (DiptychWindow *self)
{
  g_return_val_if_fail (DIPTYCH_IS_WINDOW (self), NULL);

  return self->editing;
}
