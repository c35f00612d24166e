/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gtksourceview/gtksource.h>
#include <libglib-testing/signal-logger.h>

#include "diptych-application.h"
#include "diptych-differences.h"
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
wait_until_aligned (DiptychWindow *window)
{
  DiptychComparison *comparison = diptych_window_get_comparison (window);
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (TIMEOUT_SECONDS, timeout_cb, &timed_out);

  wait_until_idle (window);
  while (diptych_comparison_get_aligning (comparison) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);
  g_assert_false (timed_out);
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
  DiptychComparison *comparison = diptych_window_get_comparison (fixture->window);

  DiptychPane *a = diptych_window_get_pane (fixture->window, DIPTYCH_SIDE_A);
  DiptychPane *b = diptych_window_get_pane (fixture->window, DIPTYCH_SIDE_B);
  g_autofree char *text_a = NULL;
  g_autofree char *text_b = NULL;

  /* Empty panes: no overview strips beside them. */
  g_assert_false (gtk_widget_get_visible (diptych_comparison_get_overview (comparison, DIPTYCH_SIDE_A)));
  g_assert_false (gtk_widget_get_visible (diptych_comparison_get_overview (comparison, DIPTYCH_SIDE_B)));

  diptych_window_open_demo (fixture->window);
  g_assert_true (gtk_widget_get_visible (diptych_comparison_get_overview (comparison, DIPTYCH_SIDE_A)));
  g_assert_true (gtk_widget_get_visible (diptych_comparison_get_overview (comparison, DIPTYCH_SIDE_B)));

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

/* The first descendant of @widget of @type, among the mapped ones only
 * if @mapped_only. */
static GtkWidget *
find_widget_full (GtkWidget *widget,
                  GType      type,
                  gboolean   mapped_only)
{
  if (mapped_only && !gtk_widget_get_mapped (widget))
    return NULL;
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget_full (child, type, mapped_only);
      if (found != NULL)
        return found;
    }
  return NULL;
}

#define find_widget(widget, type) find_widget_full ((widget), (type), FALSE)
#define find_mapped_widget(widget, type) find_widget_full ((widget), (type), TRUE)

static void
run_for_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (5000);
}

/* A passage selected far down shows in the Differences list, which
 * scrolls to it; the keyboard focus stays in the document. */
static void
test_window_differences_follow (Fixture       *fixture,
                                gconstpointer  data)
{
  DiptychComparison *comparison = diptych_window_get_comparison (fixture->window);
  DiptychSelection *selection = diptych_comparison_get_selection (comparison);
  GtkWidget *differences = diptych_comparison_get_differences (comparison);
  GtkWidget *list_view;
  GtkAdjustment *adjustment;
  GtkTextView *view = diptych_pane_get_view (diptych_window_get_pane (fixture->window, DIPTYCH_SIDE_A));
  GListModel *model;
  g_autoptr(GObject) last = NULL;

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 600);
  diptych_window_open_demo (fixture->window);
  wait_until_aligned (fixture->window);
  diptych_comparison_flush (comparison);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.toggle-sidebar", NULL);
  gtk_widget_grab_focus (GTK_WIDGET (view));
  run_for_ms (500);
  /* The list of differences (not the one in the order drop-down). */
  list_view = find_mapped_widget (differences, GTK_TYPE_SCROLLED_WINDOW);
  g_assert_nonnull (list_view);
  g_assert_true (gtk_widget_get_mapped (list_view));
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (list_view));

  model = diptych_differences_get_model (DIPTYCH_DIFFERENCES (differences));
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 6);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >, gtk_adjustment_get_page_size (adjustment));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);

  last = g_list_model_get_item (model, g_list_model_get_n_items (model) - 1);
  diptych_selection_set_item (selection, last);
  run_for_ms (500);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (view)) || gtk_widget_is_focus (GTK_WIDGET (view)));
}

/* The user can switch the sidebar between its pages. */
static void
test_window_sidebar_pages (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkStack *stack = diptych_window_get_sidebar_stack (fixture->window);
  GtkWidget *sidebar = gtk_widget_get_ancestor (GTK_WIDGET (stack), ADW_TYPE_FLAP);
  GtkStackSwitcher *switcher = GTK_STACK_SWITCHER (find_widget (adw_flap_get_flap (ADW_FLAP (sidebar)),
                                                                GTK_TYPE_STACK_SWITCHER));

  g_assert_nonnull (switcher);
  g_assert_true (gtk_stack_switcher_get_stack (switcher) == stack);
  g_assert_nonnull (gtk_stack_get_child_by_name (stack, "differences"));
  g_assert_nonnull (gtk_stack_get_child_by_name (stack, "annotations"));
}

/* Selecting a passage opens the sidebar, unless the user closed it. */
static void
test_window_sidebar_choice (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkWidget *sidebar = gtk_widget_get_ancestor (GTK_WIDGET (diptych_window_get_sidebar_stack (fixture->window)),
                                                ADW_TYPE_FLAP);
  DiptychSelection *selection = diptych_comparison_get_selection (diptych_window_get_comparison (fixture->window));
  DiptychProject *project = diptych_window_get_project (fixture->window);
  GListModel *links;
  g_autoptr(DiptychLink) first = NULL;
  g_autoptr(DiptychLink) second = NULL;

  diptych_window_open_demo (fixture->window);
  wait_until_aligned (fixture->window);
  links = diptych_project_get_links (project);
  g_assert_cmpuint (g_list_model_get_n_items (links), >=, 2);
  first = g_list_model_get_item (links, 0);
  second = g_list_model_get_item (links, 1);

  /* Nothing to lose yet: the title is not marked. */
  g_assert_false (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (fixture->window)), "•"));

  /* Never closed: a selection opens it. */
  g_assert_false (adw_flap_get_reveal_flap (ADW_FLAP (sidebar)));
  diptych_selection_set_item (selection, first);
  g_assert_true (adw_flap_get_reveal_flap (ADW_FLAP (sidebar)));

  /* Closed by the user: it stays closed. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.toggle-sidebar", NULL));
  g_assert_false (adw_flap_get_reveal_flap (ADW_FLAP (sidebar)));
  diptych_selection_set_item (selection, second);
  g_assert_false (adw_flap_get_reveal_flap (ADW_FLAP (sidebar)));

  /* A decision is work that closing would lose: the title is marked. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (diptych_project_confirm_link (project, second, &error));
    g_assert_no_error (error);
    g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (fixture->window)), "•"));
  }

  /* Opened again by the user: it stays open. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.toggle-sidebar", NULL));
  diptych_selection_set_item (selection, first);
  g_assert_true (adw_flap_get_reveal_flap (ADW_FLAP (sidebar)));
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

/* An empty window offers the recent projects, each opening its file. */
static void
test_window_recent_projects (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.diptych.Diptych");
  const char * const recent[] = { "file:///tmp/one/first.diptych", "file:///tmp/two/second.diptych", NULL };
  DiptychWindow *window;
  GtkWidget *pane_a;
  GtkWidget *row;
  const char *action = NULL;
  GVariant *target;

  g_settings_set_strv (settings, "recent-projects", recent);
  window = diptych_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  pane_a = GTK_WIDGET (diptych_window_get_pane (window, DIPTYCH_SIDE_A));

  row = find_descendant (pane_a, ADW_TYPE_ACTION_ROW, "second.diptych");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_is_visible (row));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "/tmp/two");
  action = gtk_actionable_get_action_name (GTK_ACTIONABLE (row));
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (row));
  g_assert_cmpstr (action, ==, "win.open-recent");
  g_assert_cmpstr (g_variant_get_string (target, NULL), ==, recent[1]);
  g_assert_nonnull (find_descendant (pane_a, ADW_TYPE_ACTION_ROW, "first.diptych"));

  /* The list follows the setting; with none, nothing is shown. */
  g_settings_reset (settings, "recent-projects");
  g_assert_null (find_descendant (pane_a, ADW_TYPE_ACTION_ROW, "second.diptych"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* app.new-window opens an empty window. */
static void
test_application_new_window (void)
{
  guint before = g_list_length (gtk_application_get_windows (GTK_APPLICATION (app)));
  DiptychWindow *window;

  g_action_group_activate_action (G_ACTION_GROUP (app), "new-window", NULL);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, before + 1);
  window = DIPTYCH_WINDOW (gtk_application_get_windows (GTK_APPLICATION (app))->data);
  g_assert_null (diptych_project_get_document (diptych_window_get_project (window), DIPTYCH_SIDE_A));
  g_assert_null (diptych_project_get_document (diptych_window_get_project (window), DIPTYCH_SIDE_B));
  gtk_window_destroy (GTK_WINDOW (window));
}

static char *
normalize_accelerator (const char *accelerator)
{
  guint key;
  GdkModifierType mods;

  g_assert_true (gtk_accelerator_parse (accelerator, &key, &mods));
  return gtk_accelerator_name (key, mods);
}

static void
collect_overlay (GtkWidget  *widget,
                 GHashTable *shown)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *accelerator = NULL;

      g_object_get (widget, "accelerator", &accelerator, NULL);
      g_hash_table_add (shown, normalize_accelerator (accelerator));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_overlay (child, shown);
}

/* The shortcuts window lists exactly the implemented accelerators: every
 * one it shows works, every action with keys shows at least one. */
static void
test_window_shortcuts (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/diptych/Diptych/gtk/help-overlay.ui");
  GtkWidget *overlay = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
  g_autoptr(GHashTable) shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) implemented = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) actions_shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GListModel) controllers = NULL;
  g_auto(GStrv) actions = gtk_application_list_action_descriptions (GTK_APPLICATION (app));
  GHashTableIter iter;
  gpointer key, value;
  GtkShortcutController *view_shortcuts = NULL;

  g_assert_nonnull (overlay);
  collect_overlay (overlay, shown);
  g_assert_cmpuint (g_hash_table_size (shown), >, 20);

  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), actions[i]);
      gboolean listed = FALSE;

      /* The action exists (window.close is GtkWindow's own). */
      if (g_str_has_prefix (actions[i], "app."))
        g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), actions[i] + strlen ("app.")));
      else if (g_str_has_prefix (actions[i], "win.") &&
               /* Added by GtkApplicationWindow from the resources of the
                * real application, which this test's has not. */
               g_strcmp0 (actions[i], "win.show-help-overlay") != 0)
        g_assert_true (g_action_group_has_action (G_ACTION_GROUP (fixture->window), actions[i] + strlen ("win.")));
      else if (!g_str_has_prefix (actions[i], "win."))
        g_assert_cmpstr (actions[i], ==, "window.close");
      for (guint j = 0; accels[j] != NULL; j++)
        {
          char *name = normalize_accelerator (accels[j]);
          listed |= g_hash_table_contains (shown, name);
          g_hash_table_add (implemented, name);
        }
      if (!listed)
        g_test_message ("%s has no accelerator in the shortcuts window", actions[i]);
      g_assert_true (listed);
    }

  controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->window));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (controller), "diptych-view-shortcuts") == 0)
        view_shortcuts = GTK_SHORTCUT_CONTROLLER (controller);
    }
  g_assert_nonnull (view_shortcuts);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (view_shortcuts)); i++)
    {
      g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (view_shortcuts), i);
      GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
      const char *action = gtk_named_action_get_action_name (GTK_NAMED_ACTION (gtk_shortcut_get_action (shortcut)));
      char *name;

      g_assert_true (GTK_IS_KEYVAL_TRIGGER (trigger));
      name = gtk_accelerator_name (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)),
                                   gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)));
      if (g_hash_table_contains (shown, name))
        g_hash_table_add (actions_shown, g_strdup (action));
      g_hash_table_add (implemented, name);
    }
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (view_shortcuts)); i++)
    {
      g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (view_shortcuts), i);
      const char *action = gtk_named_action_get_action_name (GTK_NAMED_ACTION (gtk_shortcut_get_action (shortcut)));

      g_assert_true (g_hash_table_contains (actions_shown, action));
    }

  g_hash_table_iter_init (&iter, shown);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (!g_hash_table_contains (implemented, key))
        g_test_message ("%s is shown but not implemented", (char *) key);
      g_assert_true (g_hash_table_contains (implemented, key));
    }
}

static void
check_menu_actions (DiptychWindow *window,
                    GMenuModel    *menu,
                    guint         *n_checked)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *action = NULL;
      g_autoptr(GMenuLinkIter) links = g_menu_model_iterate_item_links (menu, i);
      GMenuModel *linked;

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &action))
        {
          gboolean exists = FALSE;

          if (g_str_has_prefix (action, "app."))
            exists = g_action_group_has_action (G_ACTION_GROUP (app), action + strlen ("app."));
          else if (g_str_has_prefix (action, "win."))
            exists = g_action_group_has_action (G_ACTION_GROUP (window), action + strlen ("win.")) ||
                     g_str_equal (action, "win.show-help-overlay");
          if (!exists)
            g_test_message ("The menus offer %s, which does not exist", action);
          g_assert_true (exists);
          (*n_checked)++;
        }

      while (g_menu_link_iter_get_next (links, NULL, &linked))
        {
          check_menu_actions (window, linked, n_checked);
          g_object_unref (linked);
        }
    }
}

static void
collect_menus (GtkWidget *widget,
               GPtrArray *menus)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)) != NULL)
    g_ptr_array_add (menus, gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)));
  if (GTK_IS_TEXT_VIEW (widget) && gtk_text_view_get_extra_menu (GTK_TEXT_VIEW (widget)) != NULL)
    g_ptr_array_add (menus, gtk_text_view_get_extra_menu (GTK_TEXT_VIEW (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_menus (child, menus);
}

/* Every item of the window's menus (header bar, the documents' context
 * menus) names an action that exists. */
static void
test_window_menu_actions (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) menus = g_ptr_array_new ();
  guint n_checked = 0;

  collect_menus (GTK_WIDGET (fixture->window), menus);
  g_assert_cmpuint (menus->len, >=, 4);
  for (guint i = 0; i < menus->len; i++)
    check_menu_actions (fixture->window, menus->pdata[i], &n_checked);
  g_assert_cmpuint (n_checked, >, 20);
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
  ADD ("/window/sidebar-choice", test_window_sidebar_choice);
  ADD ("/window/sidebar-pages", test_window_sidebar_pages);
  ADD ("/window/differences-follow", test_window_differences_follow);
  ADD ("/window/equal-panes", test_window_equal_panes);
  ADD ("/window/preferences", test_preferences);
  g_test_add_func ("/window/saves-state", test_window_saves_state);
  g_test_add_func ("/window/finalized", test_window_finalized);
  g_test_add_func ("/application/open", test_application_open);
  g_test_add_func ("/application/new-window", test_application_new_window);
  g_test_add_func ("/window/recent-projects", test_window_recent_projects);
  ADD ("/window/shortcuts", test_window_shortcuts);
  ADD ("/window/menu-actions", test_window_menu_actions);

#undef ADD

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
