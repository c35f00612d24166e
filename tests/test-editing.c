/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <gtksourceview/gtksource.h>

#include "diptych-application.h"
#include "diptych-export-dialog.h"
#include "diptych-print.h"
#include "diptych-tag-editor.h"
#include "diptych-window.h"

#define TIMEOUT_SECONDS 20

static DiptychApplication *app;
static char *data_home;

typedef struct
{
  DiptychWindow *window;
  char          *dir;
} Fixture;

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_for (gboolean *flag)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (TIMEOUT_SECONDS, timeout_cb, &timed_out);

  while (!*flag && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);
  g_assert_false (timed_out);
}

static void
flush (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Waits until the model's links are in the project. */
static void
wait_for_alignment (DiptychWindow *window)
{
  DiptychComparison *comparison = diptych_window_get_comparison (window);
  DiptychProject *project = diptych_window_get_project (window);
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (TIMEOUT_SECONDS, timeout_cb, &timed_out);

  while ((diptych_comparison_get_aligning (comparison) ||
          diptych_project_get_alignment (project) == NULL) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);
  g_assert_false (timed_out);
  flush ();
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->window = diptych_window_new (app);
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  gtk_window_present (GTK_WINDOW (fixture->window));
  diptych_window_open_demo (fixture->window);
  /* Toasts of ours must not meet the "Linking…" toast being dismissed
   * (libadwaita 1.2.2 frees a toast twice then). */
  wait_for_alignment (fixture->window);
  fixture->dir = g_dir_make_tmp ("diptych-editing-XXXXXX", NULL);
  g_assert_nonnull (fixture->dir);
}

static void
destroy_all_windows (void)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  while (windows != NULL)
    {
      GtkWindow *window = windows->data;

      /* No "Save changes?" in tests: the work is thrown away. */
      if (DIPTYCH_IS_WINDOW (window))
        diptych_project_set_modified (diptych_window_get_project (DIPTYCH_WINDOW (window)), FALSE);
      gtk_window_destroy (window);
      windows = gtk_application_get_windows (GTK_APPLICATION (app));
    }
  flush ();
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  destroy_all_windows ();
  g_assert_null (fixture->window);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static void
select_text (DiptychWindow *window,
             DiptychSide    side,
             guint          start,
             guint          end)
{
  GtkTextView *view = diptych_pane_get_view (diptych_window_get_pane (window, side));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter a, b;

  gtk_text_buffer_get_iter_at_offset (buffer, &a, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &b, end);
  gtk_text_buffer_select_range (buffer, &a, &b);
  diptych_comparison_set_focused_side (diptych_window_get_comparison (window), side);
}

static void
activate (DiptychWindow *window,
          const char    *action)
{
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), action));
  g_action_group_activate_action (G_ACTION_GROUP (window), action, NULL);
  flush ();
}

static gboolean
has_annotation_mark (DiptychWindow *window,
                     DiptychSide    side,
                     guint          offset)
{
  GtkTextView *view = diptych_pane_get_view (diptych_window_get_pane (window, side));
  GtkTextIter iter;
  g_autoptr(GSList) tags = NULL;

  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (view), &iter, offset);
  tags = gtk_text_iter_get_tags (&iter);
  for (GSList *l = tags; l != NULL; l = l->next)
    {
      g_autofree char *name = NULL;

      g_object_get (l->data, "name", &name, NULL);
      if (name != NULL && g_str_has_prefix (name, "diptych-annotation-"))
        return TRUE;
    }
  return FALSE;
}

/* Annotate a selection: editor, project, sidebar, marks, undo/redo. */
static void
test_annotate_selection (Fixture       *fixture,
                         gconstpointer  data)
{
  DiptychWindow *window = fixture->window;
  DiptychProject *project = diptych_window_get_project (window);
  DiptychEditing *editing = diptych_window_get_editing (window);
  DiptychAnnotationEditor *editor = diptych_editing_get_editor (editing);
  GListModel *shown = diptych_annotation_sidebar_get_model (diptych_editing_get_sidebar (editing));
  DiptychHistory *history = diptych_project_get_history (project);
  g_autoptr(DiptychAnnotation) annotation = NULL;
  g_autoptr(GError) error = NULL;
  DiptychSpan span;

  /* Nothing selected: no editor, the user is told. */
  g_assert_false (diptych_editing_annotate (editing));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor)));

  select_text (window, DIPTYCH_SIDE_B, 10, 42);
  activate (window, "annotate");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  /* Ready to type the note. */
  {
    GtkWidget *focus = GTK_WIDGET (editor);

    while (gtk_widget_get_focus_child (focus) != NULL)
      focus = gtk_widget_get_focus_child (focus);
    g_assert_true (GTK_IS_TEXT_VIEW (focus));
  }
  diptych_annotation_editor_set_tag (editor, "Demand");
  diptych_annotation_editor_set_note (editor, "They ask for more");
  g_assert_true (diptych_annotation_editor_save (editor, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (g_list_model_get_n_items (diptych_project_get_annotations (project)), ==, 1);
  annotation = g_list_model_get_item (diptych_project_get_annotations (project), 0);
  span = diptych_annotation_get_span (annotation);
  g_assert_cmpint (diptych_annotation_get_side (annotation), ==, DIPTYCH_SIDE_B);
  g_assert_cmpuint (span.start, ==, 10);
  g_assert_cmpuint (span.end, ==, 42);
  g_assert_cmpstr (diptych_annotation_get_tag (annotation), ==, "Demand");
  g_assert_cmpstr (diptych_annotation_get_note (annotation), ==, "They ask for more");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  g_assert_true (has_annotation_mark (window, DIPTYCH_SIDE_B, 20));
  g_assert_false (has_annotation_mark (window, DIPTYCH_SIDE_B, 50));
  g_assert_false (has_annotation_mark (window, DIPTYCH_SIDE_A, 20));
  g_assert_true (diptych_project_get_modified (project));
  g_assert_true (diptych_session_has_unsaved_work (project));

  /* The window title says there are changes. */
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "•"));

  /* Undo: the action, its tooltip, the annotation and its mark go. */
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "undo"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (diptych_window_get_undo_button (window, FALSE)),
                   ==, diptych_history_get_undo_label (history));
  g_assert_nonnull (strstr (diptych_history_get_undo_label (history), "Annotation"));
  activate (window, "undo");
  g_assert_cmpuint (g_list_model_get_n_items (diptych_project_get_annotations (project)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);
  g_assert_false (has_annotation_mark (window, DIPTYCH_SIDE_B, 20));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "redo"));
  activate (window, "redo");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  g_assert_true (has_annotation_mark (window, DIPTYCH_SIDE_B, 20));

  /* Edit it from the sidebar's editor: one undoable step. */
  g_clear_object (&annotation);
  annotation = g_list_model_get_item (shown, 0);
  diptych_annotation_editor_set_annotation (editor, annotation);
  diptych_annotation_editor_set_tag (editor, "Concession");
  diptych_annotation_editor_set_note (editor, "Actually a concession");
  g_assert_true (diptych_annotation_editor_save (editor, &error));
  g_assert_cmpstr (diptych_annotation_get_tag (annotation), ==, "Concession");
  g_assert_cmpstr (diptych_annotation_get_note (annotation), ==, "Actually a concession");
  activate (window, "undo");
  g_assert_cmpstr (diptych_annotation_get_tag (annotation), ==, "Demand");
  g_assert_cmpstr (diptych_annotation_get_note (annotation), ==, "They ask for more");

  /* Activating the row selects the passage in its pane. */
  select_text (window, DIPTYCH_SIDE_B, 0, 0);
  diptych_annotation_sidebar_activate (diptych_editing_get_sidebar (editing), 0);
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (diptych_pane_get_view (diptych_window_get_pane (window, DIPTYCH_SIDE_B)));
    GtkTextIter start, end;

    g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
    g_assert_cmpint (gtk_text_iter_get_offset (&start), ==, 10);
    g_assert_cmpint (gtk_text_iter_get_offset (&end), ==, 42);
  }

  /* The row menu's Edit opens the editor on it, at its passage. */
  g_signal_emit_by_name (diptych_editing_get_sidebar (editing), "edit-requested", annotation);
  flush ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_true (diptych_annotation_editor_get_annotation (editor) == annotation);
  g_assert_true (gtk_widget_get_parent (GTK_WIDGET (editor)) ==
                 GTK_WIDGET (diptych_pane_get_view (diptych_window_get_pane (window, DIPTYCH_SIDE_B))));
  gtk_popover_popdown (GTK_POPOVER (editor));
  flush ();

  /* The panes' context menus offer the editing actions. */
  {
    GMenuModel *menu = gtk_text_view_get_extra_menu (diptych_pane_get_view (diptych_window_get_pane (window, DIPTYCH_SIDE_A)));
    GMenuModel *section;
    g_autofree char *action = NULL;

    g_assert_nonnull (menu);
    section = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
    g_assert_true (g_menu_model_get_item_attribute (section, 0, G_MENU_ATTRIBUTE_ACTION, "s", &action));
    g_assert_cmpstr (action, ==, "win.annotate");
    g_object_unref (section);
  }

  /* Delete. */
  diptych_annotation_editor_set_annotation (editor, annotation);
  g_assert_true (diptych_annotation_editor_delete (editor));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);
  gtk_popover_popdown (GTK_POPOVER (editor));
  flush ();
}

static void
annotate (DiptychProject *project,
          DiptychSide     side,
          guint           start,
          guint           end,
          const char     *tag,
          const char     *note)
{
  g_autoptr(GError) error = NULL;
  DiptychSpan span = { start, end };

  g_assert_nonnull (diptych_project_annotate (project, side, span, tag, note, NULL, &error));
  g_assert_no_error (error);
}

static void
test_sidebar_filters (Fixture       *fixture,
                      gconstpointer  data)
{
  DiptychWindow *window = fixture->window;
  DiptychProject *project = diptych_window_get_project (window);
  DiptychAnnotationSidebar *sidebar = diptych_editing_get_sidebar (diptych_window_get_editing (window));
  GListModel *shown = diptych_annotation_sidebar_get_model (sidebar);

  annotate (project, DIPTYCH_SIDE_A, 0, 20, "Demand", "budget cut");
  annotate (project, DIPTYCH_SIDE_A, 30, 60, "Omission", "not in the other");
  annotate (project, DIPTYCH_SIDE_B, 5, 25, "Demand", "the same demand");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 3);

  diptych_annotation_sidebar_set_tag_filter (sidebar, "Demand");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 2);
  diptych_annotation_sidebar_set_side_filter (sidebar, DIPTYCH_SIDE_B);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  diptych_annotation_sidebar_set_tag_filter (sidebar, NULL);
  diptych_annotation_sidebar_set_side_filter (sidebar, DIPTYCH_SIDE_A);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 2);
  diptych_annotation_sidebar_set_side_filter (sidebar, -1);

  /* Text: the note, case-insensitive; and the quoted passage. */
  diptych_annotation_sidebar_set_text_filter (sidebar, "NOT IN");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  {
    g_autoptr(DiptychAnnotation) annotation = g_list_model_get_item (shown, 0);

    g_assert_cmpstr (diptych_annotation_get_note (annotation), ==, "not in the other");
  }
  diptych_annotation_sidebar_set_text_filter (sidebar, "no such text anywhere");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);
  diptych_annotation_sidebar_set_text_filter (sidebar, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 3);

  /* A note edited elsewhere is filtered again. */
  diptych_annotation_sidebar_set_text_filter (sidebar, "renamed");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);
  {
    g_autoptr(DiptychAnnotation) annotation = g_list_model_get_item (diptych_project_get_annotations (project), 0);

    g_assert_true (diptych_project_set_annotation_note (project, annotation, "renamed note", NULL));
  }
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
}

static DiptychLink *
first_link_in_state (DiptychProject *project,
                     DiptychState    state)
{
  GListModel *links = diptych_project_get_links (project);

  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(DiptychLink) link = g_list_model_get_item (links, i);

      if (diptych_link_get_state (link) == state)
        return link;
    }
  return NULL;
}

static void
test_link_editing (Fixture       *fixture,
                   gconstpointer  data)
{
  DiptychWindow *window = fixture->window;
  DiptychProject *project = diptych_window_get_project (window);
  DiptychSelection *selection = diptych_comparison_get_selection (diptych_window_get_comparison (window));
  DiptychLink *link, *other, *manual = NULL;
  GListModel *links = diptych_project_get_links (project);
  DiptychSpan a = { 0, 0 }, b = { 0, 0 };
  guint n_links;

  wait_for_alignment (window);
  n_links = g_list_model_get_n_items (links);
  g_assert_cmpuint (n_links, >=, 2);

  /* Nothing selected: the link actions are off. */
  diptych_selection_set_item (selection, NULL);
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "confirm-link"));

  link = first_link_in_state (project, DIPTYCH_STATE_AUTO);
  g_assert_nonnull (link);
  diptych_selection_set_item (selection, link);
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "confirm-link"));
  activate (window, "confirm-link");
  g_assert_cmpint (diptych_link_get_state (link), ==, DIPTYCH_STATE_CONFIRMED);
  /* Confirmed: nothing more to confirm, still something to reject. */
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "confirm-link"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "reject-link"));
  g_assert_nonnull (strstr (diptych_history_get_undo_label (diptych_project_get_history (project)), "Confirm"));
  activate (window, "undo");
  g_assert_cmpint (diptych_link_get_state (link), ==, DIPTYCH_STATE_AUTO);
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "confirm-link"));
  activate (window, "redo");
  g_assert_cmpint (diptych_link_get_state (link), ==, DIPTYCH_STATE_CONFIRMED);

  other = first_link_in_state (project, DIPTYCH_STATE_AUTO);
  g_assert_nonnull (other);
  g_assert_true (other != link);
  diptych_selection_set_item (selection, other);
  activate (window, "reject-link");
  g_assert_cmpint (diptych_link_get_state (other), ==, DIPTYCH_STATE_REJECTED);
  activate (window, "undo");
  g_assert_cmpint (diptych_link_get_state (other), ==, DIPTYCH_STATE_AUTO);
  activate (window, "redo");
  g_assert_cmpint (diptych_link_get_state (other), ==, DIPTYCH_STATE_REJECTED);

  /* Draw a link between two selected passages: the ends of the texts. */
  a.end = diptych_document_get_length (diptych_project_get_document (project, DIPTYCH_SIDE_A));
  a.start = a.end - 10;
  b.end = diptych_document_get_length (diptych_project_get_document (project, DIPTYCH_SIDE_B));
  b.start = b.end - 12;
  select_text (window, DIPTYCH_SIDE_A, a.start, a.end);
  select_text (window, DIPTYCH_SIDE_B, b.start, b.end);
  {
    DiptychSpan got;

    g_assert_true (diptych_editing_get_passage (diptych_window_get_editing (window), DIPTYCH_SIDE_A, &got));
    g_assert_cmpuint (got.start, ==, a.start);
    g_assert_true (diptych_editing_get_passage (diptych_window_get_editing (window), DIPTYCH_SIDE_B, &got));
    g_assert_cmpuint (got.end, ==, b.end);
  }
  activate (window, "link-selection");
  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(DiptychLink) candidate = g_list_model_get_item (links, i);

      if (diptych_link_get_state (candidate) == DIPTYCH_STATE_MANUAL &&
          diptych_link_get_span (candidate, DIPTYCH_SIDE_A).start == a.start &&
          diptych_link_get_span (candidate, DIPTYCH_SIDE_B).start == b.start)
        manual = candidate;
    }
  g_assert_nonnull (manual);
  g_assert_true (diptych_selection_get_link (selection) == manual);
  activate (window, "undo");
  g_assert_null (first_link_in_state (project, DIPTYCH_STATE_MANUAL));
  activate (window, "redo");
  g_assert_nonnull (first_link_in_state (project, DIPTYCH_STATE_MANUAL));
}

static GtkWidget *
find_button_for_action (GtkWidget  *widget,
                        const char *action)
{
  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_for_action (child, action);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* An omission selected: the bar under the inspector offers Not an
 * Omission instead of the link decisions, and it works and undoes. */
static void
test_omission_decisions (Fixture       *fixture,
                         gconstpointer  data)
{
  DiptychWindow *window = fixture->window;
  DiptychProject *project = diptych_window_get_project (window);
  DiptychSelection *selection = diptych_comparison_get_selection (diptych_window_get_comparison (window));
  GtkWidget *sidebar = GTK_WIDGET (diptych_window_get_sidebar_stack (window));
  GListModel *omissions = diptych_project_get_omissions (project);
  g_autoptr(DiptychOmission) omission = NULL;
  DiptychLink *link;
  GtkWidget *not_omission, *confirm;

  wait_for_alignment (window);
  g_assert_cmpuint (g_list_model_get_n_items (omissions), >, 0);
  omission = g_list_model_get_item (omissions, 0);
  not_omission = find_button_for_action (sidebar, "win.not-omission");
  confirm = find_button_for_action (sidebar, "win.confirm-link");
  g_assert_nonnull (not_omission);
  g_assert_nonnull (confirm);

  diptych_selection_set_item (selection, omission);
  g_assert_true (gtk_widget_is_visible (not_omission));
  g_assert_false (gtk_widget_is_visible (confirm));
  g_assert_true (gtk_widget_is_sensitive (not_omission));
  g_signal_emit_by_name (not_omission, "clicked");
  g_assert_cmpint (diptych_omission_get_state (omission), ==, DIPTYCH_STATE_REJECTED);
  g_assert_false (gtk_widget_is_sensitive (not_omission));
  activate (window, "undo");
  g_assert_cmpint (diptych_omission_get_state (omission), !=, DIPTYCH_STATE_REJECTED);

  link = first_link_in_state (project, DIPTYCH_STATE_AUTO);
  g_assert_nonnull (link);
  diptych_selection_set_item (selection, link);
  g_assert_true (gtk_widget_is_visible (confirm));
  g_assert_false (gtk_widget_is_visible (not_omission));
}

/* Save, reopen in a new window, find everything. */

typedef struct
{
  gboolean       done;
  gboolean       ok;
  DiptychWindow *window;
  GError        *error;
} Result;

static void
saved_cb (GObject      *source_object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Result *r = user_data;

  r->ok = diptych_session_save_finish (DIPTYCH_SESSION (source_object), result, &r->error);
  r->done = TRUE;
}

static void
opened_cb (GObject      *source_object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Result *r = user_data;

  r->window = diptych_session_open_project_finish (DIPTYCH_SESSION (source_object), result, &r->error);
  r->done = TRUE;
}

static gboolean
save_project (DiptychWindow  *window,
              GFile          *file,
              GError        **error)
{
  Result r = { 0 };

  diptych_session_save_async (diptych_window_get_session (window), file, DIPTYCH_SAVE_NONE,
                              NULL, saved_cb, &r);
  wait_for (&r.done);
  if (r.error != NULL)
    g_propagate_error (error, r.error);
  return r.ok;
}

static DiptychWindow *
open_project (DiptychWindow  *window,
              GFile          *file,
              GError        **error)
{
  Result r = { 0 };

  diptych_session_open_project_async (diptych_window_get_session (window), file, NULL, opened_cb, &r);
  wait_for (&r.done);
  if (r.error != NULL)
    g_propagate_error (error, r.error);
  return r.window;
}

static void
test_save_and_reopen (Fixture       *fixture,
                      gconstpointer  data)
{
  DiptychWindow *window = fixture->window;
  DiptychProject *project = diptych_window_get_project (window);
  g_autofree char *path = g_build_filename (fixture->dir, "readouts.diptych", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = g_settings_new ("io.github.diptych.Diptych");
  g_auto(GStrv) recent = NULL;
  g_autofree char *uri = g_file_get_uri (file);
  g_autoptr(DiptychAnnotation) annotation = NULL;
  DiptychWindow *reopened;
  DiptychProject *loaded;
  DiptychLink *confirmed;
  g_autofree char *confirmed_id = NULL;
  guint n_links;

  wait_for_alignment (window);
  annotate (project, DIPTYCH_SIDE_A, 3, 33, "Discrepancy", "48 vs 52 million");
  confirmed = first_link_in_state (project, DIPTYCH_STATE_AUTO);
  g_assert_nonnull (confirmed);
  confirmed_id = g_strdup (diptych_link_get_id (confirmed));
  g_assert_true (diptych_project_confirm_link (project, confirmed, NULL));
  n_links = g_list_model_get_n_items (diptych_project_get_links (project));

  g_assert_true (save_project (window, file, &error));
  g_assert_no_error (error);
  g_assert_false (diptych_project_get_modified (project));
  g_assert_true (g_file_equal (diptych_project_get_file (project), file));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "readouts");
  recent = g_settings_get_strv (settings, "recent-projects");
  g_assert_cmpstr (recent[0], ==, uri);

  /* The current window holds saved work: the project opens beside it. */
  reopened = open_project (window, file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reopened);
  g_assert_true (reopened != window);
  g_assert_nonnull (fixture->window);
  loaded = diptych_window_get_project (reopened);
  /* The new window runs the model again: the user's decisions survive
   * it, and an unchanged outcome is no change to save. */
  wait_for_alignment (reopened);
  g_assert_false (diptych_project_get_modified (loaded));
  g_assert_true (loaded != project);
  g_assert_cmpstr (diptych_document_get_text (diptych_project_get_document (loaded, DIPTYCH_SIDE_A)), ==,
                   diptych_document_get_text (diptych_project_get_document (project, DIPTYCH_SIDE_A)));
  g_assert_cmpstr (diptych_document_get_title (diptych_project_get_document (loaded, DIPTYCH_SIDE_B)), ==,
                   "Wendle Vale District Council");
  g_assert_cmpuint (g_list_model_get_n_items (diptych_project_get_links (loaded)), ==, n_links);
  g_assert_cmpint (diptych_link_get_state (diptych_project_find_link (loaded, confirmed_id)), ==,
                   DIPTYCH_STATE_CONFIRMED);
  g_assert_cmpuint (g_list_model_get_n_items (diptych_project_get_annotations (loaded)), ==, 1);
  annotation = g_list_model_get_item (diptych_project_get_annotations (loaded), 0);
  g_assert_cmpstr (diptych_annotation_get_note (annotation), ==, "48 vs 52 million");
  g_assert_cmpstr (diptych_annotation_get_tag (annotation), ==, "Discrepancy");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (reopened)), ==, "readouts");
  /* The panes and the sidebar show it. */
  g_assert_true (diptych_pane_get_document (diptych_window_get_pane (reopened, DIPTYCH_SIDE_A)) ==
                 diptych_project_get_document (loaded, DIPTYCH_SIDE_A));
  g_assert_cmpuint (g_list_model_get_n_items (diptych_annotation_sidebar_get_model (diptych_editing_get_sidebar (diptych_window_get_editing (reopened)))),
                    ==, 1);
  g_assert_true (has_annotation_mark (reopened, DIPTYCH_SIDE_A, 10));

  /* A pristine window gives way to the project it opens. */
  {
    DiptychWindow *empty = diptych_window_new (app);
    DiptychWindow *third;

    g_object_add_weak_pointer (G_OBJECT (empty), (gpointer *) &empty);
    gtk_window_present (GTK_WINDOW (empty));
    third = open_project (empty, file, &error);
    g_assert_no_error (error);
    g_assert_nonnull (third);
    flush ();
    g_assert_null (empty);
  }
}

static void
test_changed_on_disk (Fixture       *fixture,
                      gconstpointer  data)
{
  DiptychWindow *window = fixture->window;
  DiptychProject *project = diptych_window_get_project (window);
  g_autofree char *path = g_build_filename (fixture->dir, "p.diptych", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  annotate (project, DIPTYCH_SIDE_A, 0, 10, "Demand", "first");
  g_assert_true (save_project (window, file, &error));

  /* Another program writes the file; our next save must not clobber it. */
  g_usleep (20 * 1000);
  g_assert_true (g_file_set_contents (path, "<changed by someone else/>", -1, NULL));
  annotate (project, DIPTYCH_SIDE_A, 20, 30, "Demand", "second");
  g_assert_false (save_project (window, file, &error));
  g_assert_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_CHANGED_ON_DISK);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "<changed by someone else/>");
  g_assert_true (diptych_project_get_modified (project));
}

static void
test_broken_project (Fixture       *fixture,
                     gconstpointer  data)
{
  DiptychWindow *window = fixture->window;
  DiptychProject *project = diptych_window_get_project (window);
  DiptychDocument *document = diptych_project_get_document (project, DIPTYCH_SIDE_A);
  g_autofree char *path = g_build_filename (fixture->dir, "broken.diptych", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  const char *broken = "<?xml version=\"1.0\"?>\n<diptych-project version=\"1\">\n  <documents>\n";
  g_autofree char *contents = NULL;
  GList *toplevels;
  gboolean found_dialog = FALSE;

  g_assert_true (g_file_set_contents (path, broken, -1, NULL));
  annotate (project, DIPTYCH_SIDE_A, 0, 10, "Demand", "keep me");

  g_assert_null (open_project (window, file, &error));
  g_assert_nonnull (error);
  /* Where it broke, for the user to look. */
  g_assert_nonnull (strstr (error->message, "line"));
  g_clear_error (&error);

  /* The current project is untouched and the broken file unchanged. */
  g_assert_true (diptych_window_get_project (window) == project);
  g_assert_true (diptych_project_get_document (project, DIPTYCH_SIDE_A) == document);
  g_assert_cmpuint (g_list_model_get_n_items (diptych_project_get_annotations (project)), ==, 1);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, broken);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);

  /* The action path shows an error dialog naming the file. */
  diptych_window_open_project (window, file);
  {
    gboolean timed_out = FALSE;
    guint id = g_timeout_add_seconds (TIMEOUT_SECONDS, timeout_cb, &timed_out);

    while (!found_dialog && !timed_out)
      {
        g_main_context_iteration (NULL, TRUE);
        toplevels = gtk_window_list_toplevels ();
        for (GList *l = toplevels; l != NULL; l = l->next)
          if (ADW_IS_MESSAGE_DIALOG (l->data))
            {
              const char *heading = adw_message_dialog_get_heading (l->data);

              g_assert_nonnull (strstr (heading, "broken.diptych"));
              found_dialog = TRUE;
              gtk_window_destroy (l->data);
            }
        g_list_free (toplevels);
      }
    if (!timed_out)
      g_source_remove (id);
  }
  g_assert_true (found_dialog);
}

/* "Save changes?" on close. */
static AdwMessageDialog *
find_message_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static void
test_close_asks (Fixture       *fixture,
                 gconstpointer  data)
{
  DiptychProject *project = diptych_window_get_project (fixture->window);
  AdwMessageDialog *dialog;

  /* Two documents and nothing else: closes without asking. */
  g_assert_false (diptych_session_has_unsaved_work (project));

  annotate (project, DIPTYCH_SIDE_A, 0, 10, "Demand", "unsaved");
  gtk_window_close (GTK_WINDOW (fixture->window));
  flush ();
  g_assert_nonnull (fixture->window);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, "save"));
  g_assert_true (adw_message_dialog_has_response (dialog, "discard"));

  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  flush ();
  g_assert_nonnull (fixture->window);

  gtk_window_close (GTK_WINDOW (fixture->window));
  flush ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "discard");
  gtk_window_destroy (GTK_WINDOW (dialog));
  flush ();
  g_assert_null (fixture->window);
}

/* "Save changes?" → Save: saved, then closed. */
static void
test_close_saves (Fixture       *fixture,
                  gconstpointer  data)
{
  DiptychWindow *window = fixture->window;
  DiptychProject *project = diptych_window_get_project (window);
  g_autofree char *path = g_build_filename (fixture->dir, "closing.diptych", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DiptychProject) saved = NULL;
  AdwMessageDialog *dialog;
  gboolean timed_out = FALSE;
  guint id;

  annotate (project, DIPTYCH_SIDE_A, 0, 10, "Demand", "first");
  g_assert_true (save_project (window, file, &error));
  annotate (project, DIPTYCH_SIDE_B, 5, 20, "Question", "added before closing");

  gtk_window_close (GTK_WINDOW (window));
  flush ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "save");

  id = g_timeout_add_seconds (TIMEOUT_SECONDS, timeout_cb, &timed_out);
  while (fixture->window != NULL && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  g_assert_null (fixture->window);

  saved = diptych_project_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (diptych_project_get_annotations (saved)), ==, 2);
}

/* Autosave and recovery */

/* The snapshot files (*.diptych) under @dir, recursively. */
static void
find_snapshots (const char *dir,
                GPtrArray  *found)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        find_snapshots (path, found);
      else if (g_str_has_suffix (name, ".diptych"))
        g_ptr_array_add (found, g_steal_pointer (&path));
    }
}

static guint
count_snapshots (void)
{
  g_autofree char *dir = diptych_recovery_get_dir ();
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);

  find_snapshots (dir, found);
  return found->len;
}

/* As if the process that wrote the session folder of @snapshot had
 * crashed: a copy of the folder whose lock nobody holds. */
static void
copy_as_crashed (const char *snapshot)
{
  g_autofree char *session = g_path_get_dirname (snapshot);
  g_autofree char *dir = diptych_recovery_get_dir ();
  g_autofree char *crashed = g_build_filename (dir, "999999-crashed", NULL);
  g_autoptr(GDir) handle = g_dir_open (session, 0, NULL);
  const char *name;

  g_assert_nonnull (handle);
  g_assert_cmpint (g_mkdir_with_parents (crashed, 0700), ==, 0);
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *from = g_build_filename (session, name, NULL);
      g_autofree char *to = g_build_filename (crashed, name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (from, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (to, contents, length, NULL));
    }
}

static void
test_autosave_and_recovery (Fixture       *fixture,
                            gconstpointer  data)
{
  DiptychWindow *window = fixture->window;
  DiptychProject *project = diptych_window_get_project (window);
  DiptychSession *session = diptych_window_get_session (window);
  g_autoptr(GListModel) recoverable = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *dir = diptych_recovery_get_dir ();
  gboolean timed_out = FALSE;
  guint id;

  /* Two documents side by side are not worth a snapshot. */
  g_assert_cmpuint (count_snapshots (), ==, 0);

  /* DIPTYCH_AUTOSAVE_INTERVAL=1 (set in main): written a second after. */
  annotate (project, DIPTYCH_SIDE_B, 0, 15, "Question", "unsaved note");
  id = g_timeout_add_seconds (TIMEOUT_SECONDS, timeout_cb, &timed_out);
  while (count_snapshots () == 0 && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  g_assert_cmpuint (count_snapshots (), ==, 1);

  /* Ours while we run: not offered. */
  recoverable = diptych_recovery_list_recoverable (NULL);
  g_assert_cmpuint (g_list_model_get_n_items (recoverable), ==, 0);
  g_clear_object (&recoverable);

  find_snapshots (dir, found);
  copy_as_crashed (g_ptr_array_index (found, 0));
  recoverable = diptych_recovery_list_recoverable (NULL);
  g_assert_cmpuint (g_list_model_get_n_items (recoverable), ==, 1);
  g_clear_object (&recoverable);

  /* Offered with what it is; Recover opens the work in a new window. */
  diptych_session_offer_recovery (GTK_APPLICATION (app));
  flush ();
  {
    AdwMessageDialog *dialog = find_message_dialog ();
    GList *windows;
    gboolean recovered = FALSE;

    g_assert_nonnull (dialog);
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Harbourton City Council"));
    adw_message_dialog_response (dialog, "recover");
    flush ();
    windows = gtk_application_get_windows (GTK_APPLICATION (app));
    for (GList *l = windows; l != NULL; l = l->next)
      if (DIPTYCH_IS_WINDOW (l->data) && l->data != window)
        {
          DiptychProject *other = diptych_window_get_project (l->data);
          g_autoptr(DiptychAnnotation) annotation = g_list_model_get_item (diptych_project_get_annotations (other), 0);

          g_assert_nonnull (annotation);
          g_assert_cmpstr (diptych_annotation_get_note (annotation), ==, "unsaved note");
          g_assert_true (diptych_project_get_modified (other));
          recovered = TRUE;
        }
    g_assert_true (recovered);
  }
  recoverable = diptych_recovery_list_recoverable (NULL);
  g_assert_cmpuint (g_list_model_get_n_items (recoverable), ==, 0);

  /* Saving removes our own snapshot. */
  {
    g_autofree char *path = g_build_filename (fixture->dir, "saved.diptych", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GError) error = NULL;
    guint before;

    g_assert_true (diptych_session_autosave (session, &error));
    g_assert_no_error (error);
    before = count_snapshots ();
    g_assert_cmpuint (before, >=, 1);
    g_assert_true (save_project (window, file, &error));
    g_assert_cmpuint (count_snapshots (), ==, before - 1);
  }
}

/* The export dialog's choices give the right files. */

static void
exported_cb (GObject      *source_object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Result *r = user_data;

  r->ok = diptych_export_dialog_export_finish (DIPTYCH_EXPORT_DIALOG (source_object), result, &r->error);
  r->done = TRUE;
}

static char *
export (DiptychExportDialog *dialog,
        const char          *dir,
        const char          *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  Result r = { 0 };
  char *contents = NULL;

  diptych_export_dialog_export_async (dialog, file, NULL, exported_cb, &r);
  wait_for (&r.done);
  g_assert_no_error (r.error);
  g_assert_true (r.ok);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static void
test_export_dialog (Fixture       *fixture,
                    gconstpointer  data)
{
  DiptychWindow *window = fixture->window;
  DiptychProject *project = diptych_window_get_project (window);
  GtkWidget *widget;
  DiptychExportDialog *dialog;
  DiptychReportOptions options;
  g_autofree char *json_all = NULL;
  g_autofree char *json_annotated = NULL;
  g_autofree char *html = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *pdf = NULL;

  wait_for_alignment (window);
  annotate (project, DIPTYCH_SIDE_A, 3, 33, "Discrepancy", "Export <me> & check");

  widget = diptych_export_dialog_new (window);
  dialog = DIPTYCH_EXPORT_DIALOG (widget);
  gtk_window_present (GTK_WINDOW (widget));

  diptych_export_dialog_get_options (dialog, &options);
  g_assert_false (options.only_annotated);
  g_assert_true (options.word_diff);

  diptych_export_dialog_set_format (dialog, DIPTYCH_REPORT_JSON);
  json_all = export (dialog, fixture->dir, "all.json");
  g_assert_nonnull (strstr (json_all, "\"diptych-alignment\""));
  g_assert_nonnull (strstr (json_all, "Export <me> & check"));

  diptych_export_dialog_set_only_annotated (dialog, TRUE);
  diptych_export_dialog_get_options (dialog, &options);
  g_assert_true (options.only_annotated);
  json_annotated = export (dialog, fixture->dir, "annotated.json");
  g_assert_cmpuint (count (json_annotated, "\"score\""), <, count (json_all, "\"score\""));
  diptych_export_dialog_set_only_annotated (dialog, FALSE);

  diptych_export_dialog_set_format (dialog, DIPTYCH_REPORT_HTML);
  g_assert_cmpint (diptych_export_dialog_get_format (dialog), ==, DIPTYCH_REPORT_HTML);
  html = export (dialog, fixture->dir, "report.html");
  g_assert_nonnull (strstr (html, "<html"));
  g_assert_nonnull (strstr (html, "Export &lt;me&gt; &amp; check"));

  diptych_export_dialog_set_format (dialog, DIPTYCH_REPORT_CSV);
  csv = export (dialog, fixture->dir, "report.csv");
  g_assert_nonnull (strstr (csv, "Export <me> & check"));

  diptych_export_dialog_set_format (dialog, DIPTYCH_REPORT_PDF);
  diptych_export_dialog_set_paper (dialog, DIPTYCH_PAPER_LETTER);
  diptych_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.paper, ==, DIPTYCH_PAPER_LETTER);
  pdf = export (dialog, fixture->dir, "report.pdf");
  g_assert_true (g_str_has_prefix (pdf, "%PDF"));
  diptych_export_dialog_set_only_annotated (dialog, TRUE);
  diptych_export_dialog_set_word_diff (dialog, FALSE);
  gtk_window_destroy (GTK_WINDOW (widget));

  /* The next dialog remembers the last choices. */
  widget = diptych_export_dialog_new (window);
  dialog = DIPTYCH_EXPORT_DIALOG (widget);
  g_assert_cmpint (diptych_export_dialog_get_format (dialog), ==, DIPTYCH_REPORT_PDF);
  diptych_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.paper, ==, DIPTYCH_PAPER_LETTER);
  g_assert_true (options.only_annotated);
  g_assert_false (options.word_diff);
  gtk_window_destroy (GTK_WINDOW (widget));

  {
    g_autoptr(GSettings) settings = g_settings_new ("io.github.diptych.Diptych");
    g_settings_reset (settings, "export-format");
    g_settings_reset (settings, "export-include");
    g_settings_reset (settings, "export-word-diff");
    g_settings_reset (settings, "export-paper");
  }
}

/* Print: the operation paginates the report and draws every page. */
static void
test_print_to_pdf (Fixture       *fixture,
                   gconstpointer  data)
{
  DiptychProject *project = diptych_window_get_project (fixture->window);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "printed.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;
  int n_pages = 0;

  wait_for_alignment (fixture->window);
  annotate (project, DIPTYCH_SIDE_A, 3, 33, "Discrepancy", "printed note");
  operation = diptych_print_operation_new (project);
  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_object_get (operation, "n-pages", &n_pages, NULL);
  g_assert_cmpint (n_pages, >=, 1);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF"));

  /* The text is there, searchable: title, the side-by-side section (the
   * same pages as the PDF report), the note. */
  {
    g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
    g_autofree char *text = NULL;
    const char *argv[] = { NULL, path, "-", NULL };
    int status = 0;

    if (pdftotext == NULL)
      {
        g_test_message ("pdftotext not found: the printed text is not checked");
        return;
      }
    argv[0] = pdftotext;
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                                 &text, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_nonnull (strstr (text, "Harbourton City Council"));
    g_assert_nonnull (strstr (text, "Side by side"));
    g_assert_nonnull (strstr (text, "printed note"));
    g_assert_nonnull (strstr (text, "Page 1 of"));
  }
}

static void
test_tag_editor (Fixture       *fixture,
                 gconstpointer  data)
{
  DiptychProject *project = diptych_window_get_project (fixture->window);
  GListModel *tags = diptych_project_get_tags (project);
  guint n = g_list_model_get_n_items (tags);
  GtkWidget *editor = diptych_tag_editor_new (project);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (n, >=, 7);
  g_assert_true (diptych_tag_editor_add_tag (DIPTYCH_TAG_EDITOR (editor), &error));
  g_assert_no_error (error);
  g_assert_nonnull (diptych_project_find_tag (project, "New Tag"));
  g_assert_true (diptych_tag_editor_add_tag (DIPTYCH_TAG_EDITOR (editor), &error));
  g_assert_nonnull (diptych_project_find_tag (project, "New Tag 2"));
  g_assert_cmpuint (g_list_model_get_n_items (tags), ==, n + 2);
  activate (fixture->window, "undo");
  g_assert_null (diptych_project_find_tag (project, "New Tag 2"));
  g_assert_cmpuint (g_list_model_get_n_items (tags), ==, n + 1);
  gtk_window_destroy (GTK_WINDOW (editor));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  /* Before GLib caches the user directories. */
  data_home = g_dir_make_tmp ("diptych-data-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  {
    g_autofree char *recovery_dir = g_build_filename (data_home, "recovery", NULL);

    g_setenv ("DIPTYCH_RECOVERY_DIR", recovery_dir, TRUE);
  }
  g_setenv ("DIPTYCH_AUTOSAVE_INTERVAL", "1", TRUE);
  g_setenv ("GTK_PRINT_PREVIEW_COMMAND", "true", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  gtk_source_init ();

  app = g_object_new (DIPTYCH_TYPE_APPLICATION,
                      "application-id", "io.github.diptych.Diptych.EditingTest",
                      "flags", G_APPLICATION_NON_UNIQUE,
                      NULL);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/editing/annotate-selection", test_annotate_selection);
  ADD ("/editing/sidebar-filters", test_sidebar_filters);
  ADD ("/editing/link-editing", test_link_editing);
  ADD ("/editing/omission-decisions", test_omission_decisions);
  ADD ("/editing/save-and-reopen", test_save_and_reopen);
  ADD ("/editing/changed-on-disk", test_changed_on_disk);
  ADD ("/editing/broken-project", test_broken_project);
  ADD ("/editing/close-asks", test_close_asks);
  ADD ("/editing/close-saves", test_close_saves);
  ADD ("/editing/autosave-and-recovery", test_autosave_and_recovery);
  ADD ("/editing/export-dialog", test_export_dialog);
  ADD ("/editing/print", test_print_to_pdf);
  ADD ("/editing/tag-editor", test_tag_editor);

#undef ADD

  status = g_test_run ();
  g_clear_object (&app);
  remove_tree (data_home);
  g_free (data_home);
  return status;
}
