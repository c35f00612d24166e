/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <libglib-testing/signal-logger.h>

#include "diptych-core.h"
#include "project-test-util.h"

/* ---- The stack itself ---- */

typedef struct
{
  GString *log;
  char     name;
} Step;

static void
step_apply (gpointer data,
            gboolean redo)
{
  Step *step = data;

  g_string_append_c (step->log, redo ? step->name : g_ascii_toupper (step->name));
}

static void
record_step (DiptychHistory *history,
             GString        *log,
             const char     *label,
             char            name)
{
  Step *step = g_new0 (Step, 1);

  step->log = log;
  step->name = name;
  diptych_history_record (history, label, step_apply, step, g_free);
}

static void
test_stack (void)
{
  g_autoptr(DiptychHistory) history = diptych_history_new ();
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  g_autoptr(GString) log = g_string_new (NULL);

  gt_signal_logger_connect (logger, history, "notify");
  g_assert_false (diptych_history_get_can_undo (history));
  g_assert_cmpstr (diptych_history_get_undo_label (history), ==, "Undo");
  g_assert_false (diptych_history_undo (history));

  record_step (history, log, "Add Annotation", 'a');
  gt_signal_logger_assert_notify_emission_pop (logger, history, "can-undo");
  gt_signal_logger_assert_notify_emission_pop (logger, history, "undo-label");
  gt_signal_logger_assert_no_emissions (logger);
  g_assert_cmpstr (diptych_history_get_undo_label (history), ==, "Undo Add Annotation");

  record_step (history, log, "Edit Note", 'b');
  gt_signal_logger_assert_notify_emission_pop (logger, history, "undo-label");
  gt_signal_logger_assert_no_emissions (logger);

  g_assert_true (diptych_history_undo (history));
  g_assert_cmpstr (log->str, ==, "B");
  gt_signal_logger_assert_notify_emission_pop (logger, history, "can-redo");
  gt_signal_logger_assert_notify_emission_pop (logger, history, "undo-label");
  gt_signal_logger_assert_notify_emission_pop (logger, history, "redo-label");
  gt_signal_logger_assert_no_emissions (logger);
  g_assert_cmpstr (diptych_history_get_undo_label (history), ==, "Undo Add Annotation");
  g_assert_cmpstr (diptych_history_get_redo_label (history), ==, "Redo Edit Note");

  g_assert_true (diptych_history_undo (history));
  g_assert_false (diptych_history_undo (history));
  g_assert_cmpstr (log->str, ==, "BA");
  g_assert_false (diptych_history_get_can_undo (history));
  g_assert_true (diptych_history_redo (history));
  g_assert_cmpstr (log->str, ==, "BAa");

  /* A new edit drops what could be redone. */
  record_step (history, log, "Remove Tag", 'c');
  g_assert_false (diptych_history_get_can_redo (history));
  g_assert_true (diptych_history_undo (history));
  g_assert_true (diptych_history_undo (history));
  g_assert_cmpstr (log->str, ==, "BAaCA");

  diptych_history_clear (history);
  g_assert_false (diptych_history_get_can_undo (history));
  g_assert_false (diptych_history_get_can_redo (history));
}

/* Only the last 200 edits can be undone. */
static void
test_limit (void)
{
  g_autoptr(DiptychHistory) history = diptych_history_new ();
  g_autoptr(GString) log = g_string_new (NULL);
  guint n = 0;

  for (guint i = 0; i < 250; i++)
    record_step (history, log, NULL, 'a');
  while (diptych_history_undo (history))
    n++;
  g_assert_cmpuint (n, ==, 200);
  g_assert_cmpuint (log->len, ==, 200);
}

static void
test_groups (void)
{
  g_autoptr(DiptychHistory) history = diptych_history_new ();
  g_autoptr(GString) log = g_string_new (NULL);

  diptych_history_begin_group (history, "Rename Tag");
  record_step (history, log, NULL, 'a');
  diptych_history_begin_group (history, NULL);
  record_step (history, log, NULL, 'b');
  record_step (history, log, NULL, 'c');
  diptych_history_end_group (history);
  diptych_history_end_group (history);

  /* An empty group records nothing. */
  diptych_history_begin_group (history, "Nothing");
  diptych_history_end_group (history);

  g_assert_cmpstr (diptych_history_get_undo_label (history), ==, "Undo Rename Tag");
  g_assert_true (diptych_history_undo (history));
  g_assert_cmpstr (log->str, ==, "CBA");
  g_assert_false (diptych_history_get_can_undo (history));
  g_assert_true (diptych_history_redo (history));
  g_assert_cmpstr (log->str, ==, "CBAabc");
}

/* ---- Undo and redo of every edit of a project ---- */

typedef struct
{
  DiptychProject *project;
  GtSignalLogger *logger;
  char           *saved;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->project = project_test_new ();
  f->logger = gt_signal_logger_new ();
  f->saved = diptych_project_to_xml (f->project, NULL);
  gt_signal_logger_connect (f->logger, diptych_project_get_links (f->project), "items-changed");
  gt_signal_logger_connect (f->logger, diptych_project_get_omissions (f->project), "items-changed");
  gt_signal_logger_connect (f->logger, diptych_project_get_tags (f->project), "items-changed");
  gt_signal_logger_connect (f->logger, diptych_project_get_annotations (f->project), "items-changed");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gt_signal_logger_free (f->logger);
  g_free (f->saved);
  g_assert_finalize_object (f->project);
}

static char *
xml_of (DiptychProject *project)
{
  return diptych_project_to_xml (project, NULL);
}

/* Undo brings back exactly the saved state; redo exactly @after. */
static void
assert_undo_redo (Fixture    *f,
                  const char *label)
{
  DiptychHistory *history = diptych_project_get_history (f->project);
  g_autofree char *after = xml_of (f->project);
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  g_autofree char *expected_label = g_strdup_printf ("Undo %s", label);

  g_assert_cmpstr (after, !=, f->saved);
  g_assert_cmpstr (diptych_history_get_undo_label (history), ==, expected_label);

  g_assert_true (diptych_history_undo (history));
  undone = xml_of (f->project);
  g_assert_cmpstr (undone, ==, f->saved);

  g_assert_true (diptych_history_redo (history));
  redone = xml_of (f->project);
  g_assert_cmpstr (redone, ==, after);
}


static void
pop_items_changed (Fixture    *f,
                   GListModel *model,
                   guint       position,
                   guint       removed,
                   guint       added)
{
  guint p = 99, r = 99, a = 99;

  gt_signal_logger_assert_emission_pop (f->logger, model, "items-changed", &p, &r, &a);
  g_assert_cmpuint (p, ==, position);
  g_assert_cmpuint (r, ==, removed);
  g_assert_cmpuint (a, ==, added);
}

static void
test_undo_annotation_add_remove (Fixture       *f,
                                 gconstpointer  data)
{
  GListModel *annotations = diptych_project_get_annotations (f->project);
  g_autoptr(GError) error = NULL;
  DiptychAnnotation *annotation;

  annotation = diptych_project_annotate (f->project, DIPTYCH_SIDE_B, DIPTYCH_SPAN_INIT (0, 3),
                                         "Demand", "A note", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (annotation);
  pop_items_changed (f, annotations, 1, 0, 1);
  gt_signal_logger_assert_no_emissions (f->logger);
  g_assert_cmpstr (diptych_annotation_get_quote (annotation), ==, "Обе");

  assert_undo_redo (f, "Add Annotation");
  pop_items_changed (f, annotations, 1, 1, 0);
  pop_items_changed (f, annotations, 1, 0, 1);
  gt_signal_logger_assert_no_emissions (f->logger);

  g_free (f->saved);
  f->saved = xml_of (f->project);
  g_assert_true (diptych_project_remove_annotation (f->project, annotation));
  pop_items_changed (f, annotations, 1, 1, 0);
  assert_undo_redo (f, "Remove Annotation");
  pop_items_changed (f, annotations, 1, 0, 1);
  pop_items_changed (f, annotations, 1, 1, 0);
  gt_signal_logger_assert_no_emissions (f->logger);

  /* Invalid input is refused with a message. */
  g_assert_null (diptych_project_annotate (f->project, DIPTYCH_SIDE_B, DIPTYCH_SPAN_INIT (5, 5000),
                                           NULL, "x", NULL, &error));
  g_assert_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (diptych_project_annotate (f->project, DIPTYCH_SIDE_B, DIPTYCH_SPAN_INIT (0, 3),
                                           "No such tag", "x", NULL, &error));
  g_assert_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_NOT_FOUND);
  gt_signal_logger_assert_no_emissions (f->logger);
}

static void
test_undo_annotation_edits (Fixture       *f,
                            gconstpointer  data)
{
  GListModel *annotations = diptych_project_get_annotations (f->project);
  g_autoptr(DiptychAnnotation) annotation = g_list_model_get_item (annotations, 0);
  g_autoptr(GError) error = NULL;

  gt_signal_logger_connect (f->logger, annotation, "notify::note");
  g_assert_true (diptych_project_set_annotation_note (f->project, annotation, "New note", &error));
  g_assert_no_error (error);
  gt_signal_logger_assert_notify_emission_pop (f->logger, annotation, "note");
  pop_items_changed (f, annotations, 0, 1, 1);
  gt_signal_logger_assert_no_emissions (f->logger);
  assert_undo_redo (f, "Edit Note");
  gt_signal_logger_assert_notify_emission_pop (f->logger, annotation, "note");
  pop_items_changed (f, annotations, 0, 1, 1);
  gt_signal_logger_assert_notify_emission_pop (f->logger, annotation, "note");
  pop_items_changed (f, annotations, 0, 1, 1);
  gt_signal_logger_assert_no_emissions (f->logger);

  g_free (f->saved);
  f->saved = xml_of (f->project);
  g_assert_true (diptych_project_set_annotation_tag (f->project, annotation, "Question", &error));
  g_assert_no_error (error);
  assert_undo_redo (f, "Change Tag");
  g_assert_cmpstr (diptych_annotation_get_tag (annotation), ==, "Question");
  g_assert_false (diptych_project_set_annotation_tag (f->project, annotation, "Nope", &error));
  g_assert_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_NOT_FOUND);
}

static void
test_undo_tags (Fixture       *f,
                gconstpointer  data)
{
  GListModel *tags = diptych_project_get_tags (f->project);
  g_autoptr(DiptychAnnotation) annotation = g_list_model_get_item (diptych_project_get_annotations (f->project), 0);
  g_autoptr(GError) error = NULL;
  DiptychTag *tag;

  tag = diptych_project_create_tag (f->project, "Threat", "#c01c28", &error);
  g_assert_no_error (error);
  g_assert_nonnull (tag);
  pop_items_changed (f, tags, 7, 0, 1);
  assert_undo_redo (f, "Add Tag");
  pop_items_changed (f, tags, 7, 1, 0);
  pop_items_changed (f, tags, 7, 0, 1);
  gt_signal_logger_assert_no_emissions (f->logger);

  g_assert_null (diptych_project_create_tag (f->project, "Threat", "#c01c28", &error));
  g_assert_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (diptych_project_create_tag (f->project, "Other", "red", &error));
  g_assert_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (diptych_project_create_tag (f->project, "Two\nlines", "#c01c28", &error));
  g_assert_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_INVALID);
  g_clear_error (&error);

  /* Renaming renames the tag of its annotations, in one undoable edit. */
  tag = diptych_project_find_tag (f->project, "Omission");
  g_free (f->saved);
  f->saved = xml_of (f->project);
  g_assert_true (diptych_project_rename_tag (f->project, tag, "Left out", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (diptych_annotation_get_tag (annotation), ==, "Left out");
  assert_undo_redo (f, "Rename Tag");
  g_assert_false (diptych_project_rename_tag (f->project, tag, "Demand", &error));
  g_assert_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_INVALID);
  g_clear_error (&error);

  g_free (f->saved);
  f->saved = xml_of (f->project);
  g_assert_true (diptych_project_set_tag_color (f->project, tag, "#000000", &error));
  g_assert_no_error (error);
  assert_undo_redo (f, "Change Tag Color");
  g_assert_false (diptych_project_set_tag_color (f->project, tag, "#00000", &error));
  g_assert_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_INVALID);
  g_clear_error (&error);

  /* Removing a tag leaves its annotations untagged; undo tags them again. */
  g_free (f->saved);
  f->saved = xml_of (f->project);
  g_assert_true (diptych_project_remove_tag (f->project, tag, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (diptych_annotation_get_tag (annotation), ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (diptych_project_get_annotations (f->project)), ==, 1);
  assert_undo_redo (f, "Remove Tag");
  g_assert_true (diptych_history_undo (diptych_project_get_history (f->project)));
  g_assert_cmpstr (diptych_annotation_get_tag (annotation), ==, "Left out");
}

static void
test_undo_links (Fixture       *f,
                 gconstpointer  data)
{
  GListModel *links = diptych_project_get_links (f->project);
  g_autoptr(DiptychLink) link = g_list_model_get_item (links, 0);
  g_autoptr(DiptychAnnotation) annotation = g_list_model_get_item (diptych_project_get_annotations (f->project), 0);
  g_autoptr(GError) error = NULL;
  DiptychLink *manual;

  g_assert_true (diptych_project_confirm_link (f->project, link, &error));
  g_assert_no_error (error);
  pop_items_changed (f, links, 0, 1, 1);
  gt_signal_logger_assert_no_emissions (f->logger);
  assert_undo_redo (f, "Confirm Link");
  g_assert_cmpint (diptych_link_get_state (link), ==, DIPTYCH_STATE_CONFIRMED);

  g_free (f->saved);
  f->saved = xml_of (f->project);
  g_assert_true (diptych_project_reject_link (f->project, link, &error));
  assert_undo_redo (f, "Reject Link");

  /* Removing a model link rejects it: it would come back otherwise. */
  g_assert_true (diptych_history_undo (diptych_project_get_history (f->project)));
  g_free (f->saved);
  f->saved = xml_of (f->project);
  g_assert_true (diptych_project_remove_link (f->project, link, &error));
  g_assert_cmpint (diptych_link_get_state (link), ==, DIPTYCH_STATE_REJECTED);
  g_assert_cmpuint (g_list_model_get_n_items (links), ==, 1);
  assert_undo_redo (f, "Remove Link");
  g_assert_true (diptych_history_undo (diptych_project_get_history (f->project)));

  /* A manual link, inserted in reading order. */
  g_free (f->saved);
  f->saved = xml_of (f->project);
  gt_signal_logger_free (f->logger);
  f->logger = gt_signal_logger_new ();
  gt_signal_logger_connect (f->logger, links, "items-changed");
  manual = diptych_project_add_link (f->project, DIPTYCH_SPAN_INIT (35, 57), DIPTYCH_SPAN_INIT (0, 32), &error);
  g_assert_no_error (error);
  g_assert_nonnull (manual);
  pop_items_changed (f, links, 1, 0, 1);
  g_assert_cmpint (diptych_link_get_state (manual), ==, DIPTYCH_STATE_MANUAL);
  g_assert_cmpstr (diptych_link_get_id (manual), !=, diptych_link_get_id (link));
  assert_undo_redo (f, "Add Link");
  pop_items_changed (f, links, 1, 1, 0);
  pop_items_changed (f, links, 1, 0, 1);
  gt_signal_logger_assert_no_emissions (f->logger);

  g_assert_null (diptych_project_add_link (f->project, DIPTYCH_SPAN_INIT (35, 57), DIPTYCH_SPAN_INIT (0, 32), &error));
  g_assert_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (diptych_project_add_link (f->project, DIPTYCH_SPAN_INIT (3, 3), DIPTYCH_SPAN_INIT (0, 32), &error));
  g_assert_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (diptych_project_set_link_state (f->project, manual, DIPTYCH_STATE_CONFIRMED, &error));
  g_assert_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_INVALID);
  g_clear_error (&error);

  /* Removing a manual link deletes it; its annotations lose the link id
   * and get it back on undo. */
  g_assert_true (diptych_project_set_annotation_note (f->project, annotation, "about the manual link", NULL));
  diptych_annotation_set_link_id (annotation, diptych_link_get_id (manual));
  g_free (f->saved);
  f->saved = xml_of (f->project);
  g_assert_true (diptych_project_remove_link (f->project, manual, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (links), ==, 1);
  g_assert_null (diptych_annotation_get_link_id (annotation));
  assert_undo_redo (f, "Remove Link");
  g_assert_true (diptych_history_undo (diptych_project_get_history (f->project)));
  g_assert_cmpstr (diptych_annotation_get_link_id (annotation), ==, diptych_link_get_id (manual));
  gt_signal_logger_free (f->logger);
  f->logger = gt_signal_logger_new ();
}

static void
test_undo_omissions (Fixture       *f,
                     gconstpointer  data)
{
  GListModel *omissions = diptych_project_get_omissions (f->project);
  g_autoptr(DiptychOmission) omission = g_list_model_get_item (omissions, 0);
  g_autoptr(GError) error = NULL;
  DiptychOmission *manual;

  g_assert_true (diptych_project_remove_omission (f->project, omission, &error));
  g_assert_no_error (error);
  g_assert_cmpint (diptych_omission_get_state (omission), ==, DIPTYCH_STATE_REJECTED);
  pop_items_changed (f, omissions, 0, 1, 1);
  assert_undo_redo (f, "Mark as Not an Omission");
  g_assert_true (diptych_history_undo (diptych_project_get_history (f->project)));

  g_free (f->saved);
  f->saved = xml_of (f->project);
  g_assert_true (diptych_project_set_omission_state (f->project, omission, DIPTYCH_STATE_CONFIRMED, &error));
  assert_undo_redo (f, "Confirm Omission");
  g_assert_true (diptych_history_undo (diptych_project_get_history (f->project)));

  /* Marking exactly the model's omission confirms it. */
  g_assert_true (diptych_project_mark_omission (f->project, DIPTYCH_SIDE_A, DIPTYCH_SPAN_INIT (59, 82), &error) == omission);
  g_assert_cmpint (diptych_omission_get_state (omission), ==, DIPTYCH_STATE_CONFIRMED);
  g_assert_null (diptych_project_mark_omission (f->project, DIPTYCH_SIDE_A, DIPTYCH_SPAN_INIT (59, 82), &error));
  g_assert_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (diptych_history_undo (diptych_project_get_history (f->project)));

  g_free (f->saved);
  f->saved = xml_of (f->project);
  gt_signal_logger_free (f->logger);
  f->logger = gt_signal_logger_new ();
  gt_signal_logger_connect (f->logger, omissions, "items-changed");
  manual = diptych_project_mark_omission (f->project, DIPTYCH_SIDE_B, DIPTYCH_SPAN_INIT (81, 96), &error);
  g_assert_no_error (error);
  g_assert_cmpint (diptych_omission_get_state (manual), ==, DIPTYCH_STATE_MANUAL);
  pop_items_changed (f, omissions, 1, 0, 1);
  assert_undo_redo (f, "Mark Omission");
  pop_items_changed (f, omissions, 1, 1, 0);
  pop_items_changed (f, omissions, 1, 0, 1);
  gt_signal_logger_assert_no_emissions (f->logger);

  g_free (f->saved);
  f->saved = xml_of (f->project);
  g_assert_true (diptych_project_remove_omission (f->project, manual, &error));
  g_assert_cmpuint (g_list_model_get_n_items (omissions), ==, 1);
  assert_undo_redo (f, "Remove Omission");
  gt_signal_logger_free (f->logger);
  f->logger = gt_signal_logger_new ();
}

static void
test_undo_modified (Fixture       *f,
                    gconstpointer  data)
{
  DiptychHistory *history = diptych_project_get_history (f->project);
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();

  g_assert_false (diptych_project_get_modified (f->project));
  gt_signal_logger_connect (logger, f->project, "changed");
  g_assert_nonnull (diptych_project_create_tag (f->project, "X", "#123456", NULL));
  gt_signal_logger_assert_emission_pop (logger, f->project, "changed", NULL);
  g_assert_true (diptych_project_get_modified (f->project));
  g_assert_true (diptych_history_undo (history));
  gt_signal_logger_assert_emission_pop (logger, f->project, "changed", NULL);
  gt_signal_logger_assert_no_emissions (logger);
  gt_signal_logger_free (f->logger);
  f->logger = gt_signal_logger_new ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/history/stack", test_stack);
  g_test_add_func ("/history/groups", test_groups);
  g_test_add_func ("/history/limit", test_limit);
#define ADD(path, func) g_test_add ("/history/project/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("annotation-add-remove", test_undo_annotation_add_remove);
  ADD ("annotation-edits", test_undo_annotation_edits);
  ADD ("tags", test_undo_tags);
  ADD ("links", test_undo_links);
  ADD ("omissions", test_undo_omissions);
  ADD ("modified", test_undo_modified);
#undef ADD

  return g_test_run ();
}
