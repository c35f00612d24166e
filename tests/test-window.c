/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gtksourceview/gtksource.h>
#include <libglib-testing/signal-logger.h>

#include "diptych-application.h"
#include "diptych-preferences-window.h"
#include "diptych-window.h"

#define TIMEOUT_SECONDS 10

static DiptychApplication *app;

typedef struct
{
  DiptychWindow *window;
} Fixture;

typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
} LoadResult;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->window = diptych_window_new (app);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates the main context until *flag is TRUE, failing after a timeout. */
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
wait_until_idle (DiptychWindow *window)
{
  gboolean idle = FALSE;
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (TIMEOUT_SECONDS, timeout_cb, &timed_out);

  while (!(idle = !diptych_window_get_busy (window)) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);
  g_assert_true (idle);
}

static void
load_cb (GObject      *source_object,
         GAsyncResult *result,
         gpointer      user_data)
{
  LoadResult *load = user_data;

  load->ok = diptych_window_load_file_finish (DIPTYCH_WINDOW (source_object), result,
                                              &load->error);
  load->done = TRUE;
}

static GFile *
fixture_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  return g_file_new_for_path (path);
}

static gboolean
load (DiptychWindow  *window,
      DiptychSide     side,
      const char     *name,
      GError        **error)
{
  g_autoptr(GFile) file = fixture_file (name);
  LoadResult result = { FALSE, FALSE, NULL };

  diptych_window_load_file_async (window, side, file, NULL, load_cb, &result);
  wait_for (&result.done);
  if (result.error != NULL)
    g_propagate_error (error, result.error);
  return result.ok;
}

static char *
pane_text (DiptychWindow *window,
           DiptychSide    side)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (diptych_pane_get_view (diptych_window_get_pane (window, side)));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

static char *
fixture_contents (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static void
test_window_empty (Fixture       *fixture,
                   gconstpointer  data)
{
  DiptychPane *a = diptych_window_get_pane (fixture->window, DIPTYCH_SIDE_A);
  DiptychPane *b = diptych_window_get_pane (fixture->window, DIPTYCH_SIDE_B);

  g_assert_null (diptych_pane_get_document (a));
  g_assert_null (diptych_pane_get_document (b));
  g_assert_cmpstr (diptych_pane_get_title (a), ==, "Left Document");
  g_assert_cmpstr (diptych_pane_get_title (b), ==, "Right Document");
  g_assert_cmpint (diptych_pane_get_side (b), ==, DIPTYCH_SIDE_B);
  g_assert_true (GTK_SOURCE_IS_VIEW (diptych_pane_get_view (a)));
  g_assert_false (gtk_text_view_get_editable (diptych_pane_get_view (a)));
  g_assert_true (gtk_text_view_get_cursor_visible (diptych_pane_get_view (a)));
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (diptych_pane_get_view (a)),
                                         GTK_WIDGET (diptych_pane_get_scrolled_window (a))));

  /* The slot between the panes, for the link map. */
  g_assert_true (GTK_IS_BOX (diptych_window_get_link_map_slot (fixture->window)));
  g_assert_true (GTK_IS_STACK (diptych_window_get_sidebar_stack (fixture->window)));
}

static void
test_window_open_text_and_html (Fixture       *fixture,
                                gconstpointer  data)
{
  DiptychProject *project = diptych_window_get_project (fixture->window);
  DiptychPane *a = diptych_window_get_pane (fixture->window, DIPTYCH_SIDE_A);
  DiptychPane *b = diptych_window_get_pane (fixture->window, DIPTYCH_SIDE_B);
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *expected_a = fixture_contents ("ministry-statement.txt");
  g_autofree char *text_a = NULL;
  g_autofree char *text_b = NULL;
  g_autofree char *path_a = g_test_build_filename (G_TEST_DIST, "data", "ministry-statement.txt", NULL);

  gt_signal_logger_connect (logger, project, "notify::document-a");
  gt_signal_logger_connect (logger, project, "notify::document-b");

  g_assert_true (load (fixture->window, DIPTYCH_SIDE_A, "ministry-statement.txt", &error));
  g_assert_no_error (error);
  gt_signal_logger_assert_notify_emission_pop (logger, project, "document-a");
  gt_signal_logger_assert_no_emissions (logger);

  g_assert_true (load (fixture->window, DIPTYCH_SIDE_B, "union-bulletin.html", &error));
  g_assert_no_error (error);
  gt_signal_logger_assert_notify_emission_pop (logger, project, "document-b");
  gt_signal_logger_assert_no_emissions (logger);

  /* The panes show the project's documents. */
  g_assert_true (diptych_pane_get_document (a) == diptych_project_get_document (project, DIPTYCH_SIDE_A));
  g_assert_true (diptych_pane_get_document (b) == diptych_project_get_document (project, DIPTYCH_SIDE_B));

  text_a = pane_text (fixture->window, DIPTYCH_SIDE_A);
  g_assert_cmpstr (text_a, ==, expected_a);
  g_assert_cmpstr (diptych_pane_get_title (a), ==, "ministry-statement.txt");
  g_assert_cmpstr (diptych_pane_get_subtitle (a), ==, path_a);

  text_b = pane_text (fixture->window, DIPTYCH_SIDE_B);
  g_assert_cmpstr (diptych_pane_get_title (b), ==, "Union bulletin: talks with the Ministry");
  g_assert_true (g_str_has_prefix (text_b,
                                   "Talks with the Ministry\n\n"
                                   "On Friday, 4 March, our negotiators met the Ministry of Harbours.\n\n"
                                   "The Ministry proposed a 3 percent increase, which we rejected.\n\n"
                                   "Ferries will keep sailing while the talks go on."));
  g_assert_null (strstr (text_b, "alert"));
  g_assert_null (strstr (text_b, "font-family"));
  g_assert_null (strstr (text_b, "Join"));
  g_assert_null (strstr (text_b, "<"));
  g_assert_null (strstr (text_b, "Ferry Workers"));

  /* Offsets in the pane are the document's offsets. */
  g_assert_cmpint (gtk_text_buffer_get_char_count (gtk_text_view_get_buffer (diptych_pane_get_view (b))),
                   ==, diptych_document_get_length (diptych_pane_get_document (b)));
}

static void
test_window_bad_file_keeps_document (Fixture       *fixture,
                                     gconstpointer  data)
{
  DiptychPane *a = diptych_window_get_pane (fixture->window, DIPTYCH_SIDE_A);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  DiptychDocument *document;

  g_assert_true (load (fixture->window, DIPTYCH_SIDE_A, "ministry-statement.txt", &error));
  g_assert_no_error (error);
  document = diptych_pane_get_document (a);
  before = pane_text (fixture->window, DIPTYCH_SIDE_A);

  g_assert_false (load (fixture->window, DIPTYCH_SIDE_A, "photo-renamed.txt", &error));
  g_assert_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_BINARY);
  g_assert_nonnull (strstr (error->message, "photo-renamed.txt"));
  g_clear_error (&error);

  g_assert_false (load (fixture->window, DIPTYCH_SIDE_A, "latin1-notes.txt", &error));
  g_assert_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_INVALID_ENCODING);
  g_assert_nonnull (strstr (error->message, "latin1-notes.txt"));
  g_clear_error (&error);

  g_assert_false (load (fixture->window, DIPTYCH_SIDE_A, "no-such-file.txt", &error));
  g_assert_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "no-such-file.txt"));
  g_clear_error (&error);

  /* The previous document stays. */
  g_assert_true (diptych_pane_get_document (a) == document);
  g_assert_true (diptych_project_get_document (diptych_window_get_project (fixture->window),
                                               DIPTYCH_SIDE_A) == document);
  after = pane_text (fixture->window, DIPTYCH_SIDE_A);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (diptych_pane_get_title (a), ==, "ministry-statement.txt");
  g_assert_false (diptych_window_get_busy (fixture->window));
}

static AdwMessageDialog *
find_message_dialog (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_window_get_transient_for (window) == parent)
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static void
test_window_error_dialog (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GFile) file = fixture_file ("photo-renamed.txt");
  AdwMessageDialog *dialog;

  g_assert_null (find_message_dialog (GTK_WINDOW (fixture->window)));

  diptych_window_open_file (fixture->window, DIPTYCH_SIDE_B, file);
  wait_until_idle (fixture->window);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  dialog = find_message_dialog (GTK_WINDOW (fixture->window));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could not open the document");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "photo-renamed.txt"));
  g_assert_null (diptych_pane_get_document (diptych_window_get_pane (fixture->window, DIPTYCH_SIDE_B)));

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_window_newer_load_wins (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GFile) first = fixture_file ("union-bulletin.html");
  g_autoptr(GFile) second = fixture_file ("ministry-statement.txt");
  LoadResult r1 = { FALSE, FALSE, NULL };
  LoadResult r2 = { FALSE, FALSE, NULL };

  diptych_window_load_file_async (fixture->window, DIPTYCH_SIDE_B, first, NULL, load_cb, &r1);
  diptych_window_load_file_async (fixture->window, DIPTYCH_SIDE_B, second, NULL, load_cb, &r2);
  wait_for (&r1.done);
  wait_for (&r2.done);

  g_assert_false (r1.ok);
  g_assert_error (r1.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&r1.error);
  g_assert_true (r2.ok);
  g_assert_no_error (r2.error);
  g_assert_cmpstr (diptych_pane_get_title (diptych_window_get_pane (fixture->window, DIPTYCH_SIDE_B)),
                   ==, "ministry-statement.txt");
  g_assert_false (diptych_window_get_busy (fixture->window));
}

static void
test_window_caller_cancels (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GCancellable) other = g_cancellable_new ();
  g_autoptr(GFile) file = fixture_file ("union-bulletin.html");
  LoadResult r1 = { FALSE, FALSE, NULL };
  LoadResult r2 = { FALSE, FALSE, NULL };

  /* The caller's cancellable cancels the load ... */
  diptych_window_load_file_async (fixture->window, DIPTYCH_SIDE_A, file, cancellable, load_cb, &r1);
  g_cancellable_cancel (cancellable);
  wait_for (&r1.done);
  g_assert_error (r1.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&r1.error);
  g_assert_null (diptych_pane_get_document (diptych_window_get_pane (fixture->window, DIPTYCH_SIDE_A)));

  /* ... but a newer load never cancels the caller's cancellable. */
  r1.done = FALSE;
  diptych_window_load_file_async (fixture->window, DIPTYCH_SIDE_A, file, other, load_cb, &r1);
  diptych_window_load_file_async (fixture->window, DIPTYCH_SIDE_A, file, NULL, load_cb, &r2);
  wait_for (&r1.done);
  wait_for (&r2.done);
  g_assert_false (g_cancellable_is_cancelled (other));
  g_assert_error (r1.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&r1.error);
  g_assert_true (r2.ok);
  g_assert_nonnull (diptych_pane_get_document (diptych_window_get_pane (fixture->window, DIPTYCH_SIDE_A)));
}

static void
test_window_drop_file (Fixture       *fixture,
                       gconstpointer  data)
{
  DiptychPane *b = diptych_window_get_pane (fixture->window, DIPTYCH_SIDE_B);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (b));
  g_autoptr(GFile) file = fixture_file ("union-bulletin.html");
  g_auto(GValue) value = G_VALUE_INIT;
  GtkDropTarget *target = NULL;
  GSList *files;
  gboolean accepted = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);

  files = g_slist_append (NULL, file);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_set_boxed (&value, files);
  g_slist_free (files);

  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_assert_true (accepted);
  wait_until_idle (fixture->window);

  g_assert_cmpstr (diptych_pane_get_title (b), ==, "Union bulletin: talks with the Ministry");
  g_assert_null (diptych_pane_get_document (diptych_window_get_pane (fixture->window, DIPTYCH_SIDE_A)));

  /* Dropped text becomes a document too, with newlines normalized. */
  g_value_unset (&value);
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "First line.\r\nSecond line.");
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_assert_true (accepted);
  {
    g_autofree char *text = pane_text (fixture->window, DIPTYCH_SIDE_B);
    g_assert_cmpstr (text, ==, "First line.\nSecond line.");
    g_assert_cmpstr (diptych_pane_get_title (b), ==, "Dropped text");
  }
}

static void
test_window_paste (Fixture       *fixture,
                   gconstpointer  data)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (fixture->window));
  DiptychPane *a = diptych_window_get_pane (fixture->window, DIPTYCH_SIDE_A);
  DiptychPane *b = diptych_window_get_pane (fixture->window, DIPTYCH_SIDE_B);
  g_autofree char *text_a = NULL;
  g_autofree char *text_b = NULL;

  gdk_clipboard_set_text (clipboard, "Pasted statement.\r\nWith two lines.");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.paste-into", "s", "b"));
  wait_until_idle (fixture->window);

  text_b = pane_text (fixture->window, DIPTYCH_SIDE_B);
  g_assert_cmpstr (text_b, ==, "Pasted statement.\nWith two lines.");
  g_assert_cmpstr (diptych_pane_get_title (b), ==, "Pasted text");
  g_assert_cmpstr (diptych_document_get_format (diptych_pane_get_document (b)), ==, "pasted");

  /* Without a target, the first empty side: here the left. */
  gdk_clipboard_set_text (clipboard, "Another text.");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.paste-document", NULL));
  wait_until_idle (fixture->window);
  text_a = pane_text (fixture->window, DIPTYCH_SIDE_A);
  g_assert_cmpstr (text_a, ==, "Another text.");
  g_assert_nonnull (diptych_pane_get_document (a));
}

static void
test_window_demo (Fixture       *fixture,
                  gconstpointer  data)
{
  DiptychPane *a = diptych_window_get_pane (fixture->window, DIPTYCH_SIDE_A);
  DiptychPane *b = diptych_window_get_pane (fixture->window, DIPTYCH_SIDE_B);
  g_autofree char *text_a = NULL;
  g_autofree char *text_b = NULL;

  diptych_window_open_demo (fixture->window);

  text_a = pane_text (fixture->window, DIPTYCH_SIDE_A);
  text_b = pane_text (fixture->window, DIPTYCH_SIDE_B);
  g_assert_cmpstr (diptych_pane_get_title (a), ==, "Harbourton City Council");
  g_assert_cmpstr (diptych_pane_get_title (b), ==, "Wendle Vale District Council");
  g_assert_nonnull (strstr (text_a, "48 million euros"));
  g_assert_nonnull (strstr (text_b, "52 million euros"));
  g_assert_cmpstr (text_a, !=, text_b);
}

static void
test_window_settings (Fixture       *fixture,
                      gconstpointer  data)
{
  GSettings *settings = diptych_application_get_settings (app);
  DiptychProject *project = diptych_window_get_project (fixture->window);

  g_settings_set_string (settings, "granularity", "paragraph");
  g_settings_set_double (settings, "sensitivity", 0.8);
  g_assert_cmpint (diptych_project_get_settings (project)->granularity, ==, DIPTYCH_GRANULARITY_PARAGRAPH);
  g_assert_cmpfloat_with_epsilon (diptych_project_get_settings (project)->sensitivity, 0.8, 1e-9);

  g_settings_set_string (settings, "style-variant", "dark");
  g_assert_cmpint (adw_style_manager_get_color_scheme (adw_style_manager_get_default ()),
                   ==, ADW_COLOR_SCHEME_FORCE_DARK);
  g_settings_reset (settings, "style-variant");
  g_assert_cmpint (adw_style_manager_get_color_scheme (adw_style_manager_get_default ()),
                   ==, ADW_COLOR_SCHEME_DEFAULT);

  g_settings_reset (settings, "granularity");
  g_settings_reset (settings, "sensitivity");
  g_assert_cmpint (diptych_project_get_settings (project)->granularity, ==, DIPTYCH_GRANULARITY_SENTENCE);
}

static void
test_window_saves_state (void)
{
  GSettings *settings = diptych_application_get_settings (app);
  DiptychWindow *window = diptych_window_new (app);
  GtkWidget *pane_a;
  gboolean timed_out = FALSE;
  guint id;

  /* Closed before it was ever shown: nothing to remember about the divider. */
  gtk_window_close (GTK_WINDOW (window));
  g_assert_cmpint (g_settings_get_int (settings, "pane-position"), ==, -1);

  window = diptych_window_new (app);
  pane_a = GTK_WIDGET (diptych_window_get_pane (window, DIPTYCH_SIDE_A));
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  id = g_timeout_add_seconds (TIMEOUT_SECONDS, timeout_cb, &timed_out);
  while (gtk_widget_get_width (pane_a) == 0 && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  g_assert_false (timed_out);

  gtk_window_close (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
  g_assert_cmpint (g_settings_get_int (settings, "pane-position"), >, 300);
  g_assert_cmpint (g_settings_get_int (settings, "pane-position"), <, 700);

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
  g_settings_reset (settings, "pane-position");
}

/* A window closed while a document loads goes away once the load ends. */
static void
test_window_finalized (void)
{
  DiptychWindow *window = diptych_window_new (app);
  g_autoptr(DiptychProject) project = NULL;
  g_autoptr(GFile) file = fixture_file ("union-bulletin.html");
  LoadResult result = { FALSE, FALSE, NULL };
  gpointer weak = window;

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  project = g_object_ref (diptych_window_get_project (window));
  gtk_window_present (GTK_WINDOW (window));

  diptych_window_load_file_async (window, DIPTYCH_SIDE_A, file, NULL, load_cb, &result);
  gtk_window_destroy (GTK_WINDOW (window));
  wait_for (&result.done);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_assert_null (weak);
  /* Closing cancelled the load: the project did not change. */
  g_assert_false (result.ok);
  g_assert_error (result.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&result.error);
  g_assert_null (diptych_project_get_document (project, DIPTYCH_SIDE_A));
  g_assert_finalize_object (g_steal_pointer (&project));
}

static void
test_window_equal_panes (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *a = GTK_WIDGET (diptych_window_get_pane (fixture->window, DIPTYCH_SIDE_A));
  GtkWidget *b = GTK_WIDGET (diptych_window_get_pane (fixture->window, DIPTYCH_SIDE_B));
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (TIMEOUT_SECONDS, timeout_cb, &timed_out);

  diptych_window_open_demo (fixture->window);
  while ((gtk_widget_get_width (a) == 0 || gtk_widget_get_width (b) == 0) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  /* No saved divider: both documents get the same width. */
  g_assert_cmpint (gtk_widget_get_width (a), >, 200);
  g_assert_cmpint (ABS (gtk_widget_get_width (a) - gtk_widget_get_width (b)), <=, 2);
}

/* `diptych A B`: one window, A on the left and B on the right. */
static void
test_application_open (void)
{
  GFile *files[2] = { fixture_file ("union-bulletin.html"), fixture_file ("ministry-statement.txt") };
  GList *before = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));
  DiptychWindow *window = NULL;

  g_application_open (G_APPLICATION (app), files, 2, "");

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (g_list_find (before, l->data) == NULL && DIPTYCH_IS_WINDOW (l->data))
      window = l->data;
  g_list_free (before);
  g_assert_nonnull (window);

  wait_until_idle (window);
  g_assert_cmpstr (diptych_pane_get_title (diptych_window_get_pane (window, DIPTYCH_SIDE_A)),
                   ==, "Union bulletin: talks with the Ministry");
  g_assert_cmpstr (diptych_pane_get_title (diptych_window_get_pane (window, DIPTYCH_SIDE_B)),
                   ==, "ministry-statement.txt");

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (files[0]);
  g_object_unref (files[1]);
}

static void
test_window_sidebar_action (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkWidget *sidebar = gtk_widget_get_ancestor (GTK_WIDGET (diptych_window_get_sidebar_stack (fixture->window)),
                                                ADW_TYPE_FLAP);

  g_assert_nonnull (sidebar);
  g_assert_false (adw_flap_get_reveal_flap (ADW_FLAP (sidebar)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.toggle-sidebar", NULL));
  g_assert_true (adw_flap_get_reveal_flap (ADW_FLAP (sidebar)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.toggle-sidebar", NULL));
  g_assert_false (adw_flap_get_reveal_flap (ADW_FLAP (sidebar)));
}

static GtkWidget *
find_descendant (GtkWidget  *widget,
                 GType       type,
                 const char *title)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      (title == NULL || g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_preferences (Fixture       *fixture,
                  gconstpointer  data)
{
  GSettings *settings = diptych_application_get_settings (app);
  DiptychPreferencesWindow *preferences = diptych_preferences_window_new (GTK_WINDOW (fixture->window));
  AdwComboRow *style_row;
  AdwComboRow *granularity_row;
  GtkRange *sensitivity;
  g_autofree char *granularity = NULL;

  gtk_window_present (GTK_WINDOW (preferences));
  style_row = ADW_COMBO_ROW (find_descendant (GTK_WIDGET (preferences), ADW_TYPE_COMBO_ROW, "_Style"));
  granularity_row = ADW_COMBO_ROW (find_descendant (GTK_WIDGET (preferences), ADW_TYPE_COMBO_ROW, "_Passages"));
  sensitivity = GTK_RANGE (find_descendant (GTK_WIDGET (preferences), GTK_TYPE_SCALE, NULL));
  g_assert_nonnull (style_row);
  g_assert_nonnull (granularity_row);
  g_assert_nonnull (sensitivity);

  /* Settings to widgets */
  g_assert_cmpuint (adw_combo_row_get_selected (granularity_row), ==, 0);
  g_settings_set_string (settings, "style-variant", "dark");
  g_assert_cmpuint (adw_combo_row_get_selected (style_row), ==, 2);
  g_assert_cmpfloat_with_epsilon (gtk_range_get_value (sensitivity), 0.5, 1e-9);

  /* Widgets to settings, and on to the project */
  adw_combo_row_set_selected (granularity_row, 1);
  granularity = g_settings_get_string (settings, "granularity");
  g_assert_cmpstr (granularity, ==, "clause");
  g_assert_cmpint (diptych_project_get_settings (diptych_window_get_project (fixture->window))->granularity,
                   ==, DIPTYCH_GRANULARITY_CLAUSE);
  gtk_range_set_value (sensitivity, 0.25);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "sensitivity"), 0.25, 1e-9);
  adw_combo_row_set_selected (style_row, 1);
  g_assert_cmpint (adw_style_manager_get_color_scheme (adw_style_manager_get_default ()),
                   ==, ADW_COLOR_SCHEME_FORCE_LIGHT);

  gtk_window_destroy (GTK_WINDOW (preferences));
  g_settings_reset (settings, "style-variant");
  g_settings_reset (settings, "granularity");
  g_settings_reset (settings, "sensitivity");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  gtk_source_init ();

  app = g_object_new (DIPTYCH_TYPE_APPLICATION,
                      "application-id", "io.github.diptych.Diptych.Test",
                      "flags", G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN,
                      NULL);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/window/empty", test_window_empty);
  ADD ("/window/open-text-and-html", test_window_open_text_and_html);
  ADD ("/window/bad-file-keeps-document", test_window_bad_file_keeps_document);
  ADD ("/window/error-dialog", test_window_error_dialog);
  ADD ("/window/newer-load-wins", test_window_newer_load_wins);
  ADD ("/window/caller-cancels", test_window_caller_cancels);
  ADD ("/window/drop", test_window_drop_file);
  ADD ("/window/paste", test_window_paste);
  ADD ("/window/demo", test_window_demo);
  ADD ("/window/settings", test_window_settings);
  ADD ("/window/sidebar-action", test_window_sidebar_action);
  ADD ("/window/equal-panes", test_window_equal_panes);
  ADD ("/window/preferences", test_preferences);
  g_test_add_func ("/window/saves-state", test_window_saves_state);
  g_test_add_func ("/window/finalized", test_window_finalized);
  g_test_add_func ("/application/open", test_application_open);

#undef ADD

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
