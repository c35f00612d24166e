/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "diptych-core.h"
#include "project-test-util.h"

/* Sentence i of a side covers [11 i, 11 i + 10). */
#define S(i) DIPTYCH_SPAN_INIT (11 * (i), 11 * (i) + 10)

static DiptychDocument *
make_document (char letter)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < 8; i++)
    g_string_append_printf (text, "%c%u %c%c%c%c%c%c. ", letter, i, letter, letter, letter, letter, letter, letter);

  return diptych_document_new (text->str, text->len, NULL, NULL, NULL, NULL, NULL);
}

static void
add_link (DiptychAlignment *alignment,
          DiptychSpan       a,
          DiptychSpan       b)
{
  g_autoptr(DiptychLink) link = diptych_link_new (a, b, DIPTYCH_LINK_REWORDED, 0.5, DIPTYCH_STATE_AUTO);
  diptych_alignment_add_link (alignment, link);
}

static void
add_omission (DiptychAlignment *alignment,
              DiptychSide       side,
              DiptychSpan       span)
{
  g_autoptr(DiptychOmission) omission = diptych_omission_new (side, span, DIPTYCH_STATE_AUTO);
  diptych_alignment_add_omission (alignment, omission);
}

static DiptychAlignment *
second_alignment (void)
{
  DiptychAlignSettings settings = { DIPTYCH_GRANULARITY_SENTENCE, 0.9 };
  DiptychAlignment *alignment = diptych_alignment_new (&settings);

  add_link (alignment, S (0), S (0));   /* same as the confirmed link */
  add_link (alignment, S (1), S (1));   /* rejected */
  add_link (alignment, S (3), S (3));   /* conflicts with the manual link on A */
  add_link (alignment, S (4), S (4));   /* came back unchanged */
  add_link (alignment, S (2), S (7));   /* new */
  add_omission (alignment, DIPTYCH_SIDE_A, S (5));   /* the manual omission */
  add_omission (alignment, DIPTYCH_SIDE_B, S (3));   /* rejected omission */
  add_omission (alignment, DIPTYCH_SIDE_B, S (2));   /* new */
  add_omission (alignment, DIPTYCH_SIDE_A, S (3));   /* linked by hand */
  diptych_alignment_sort (alignment);

  return alignment;
}

static DiptychLink *
link_at (DiptychProject *project,
         guint           i)
{
  DiptychLink *link = g_list_model_get_item (diptych_project_get_links (project), i);

  g_object_unref (link);
  return link;
}

static DiptychOmission *
omission_at (DiptychProject *project,
             guint           i)
{
  DiptychOmission *omission = g_list_model_get_item (diptych_project_get_omissions (project), i);

  g_object_unref (omission);
  return omission;
}

static DiptychAnnotation *
annotation_at (DiptychProject *project,
               guint           i)
{
  DiptychAnnotation *annotation = g_list_model_get_item (diptych_project_get_annotations (project), i);

  g_object_unref (annotation);
  return annotation;
}

static void
assert_link (DiptychLink  *link,
             DiptychSpan   a,
             DiptychSpan   b,
             DiptychState  state)
{
  g_assert_true (diptych_span_equal (diptych_link_get_span (link, DIPTYCH_SIDE_A), a));
  g_assert_true (diptych_span_equal (diptych_link_get_span (link, DIPTYCH_SIDE_B), b));
  g_assert_cmpint (diptych_link_get_state (link), ==, state);
}

static void
assert_omission (DiptychOmission *omission,
                 DiptychSide      side,
                 DiptychSpan      span,
                 DiptychState     state)
{
  g_assert_cmpint (diptych_omission_get_side (omission), ==, side);
  g_assert_true (diptych_span_equal (diptych_omission_get_span (omission), span));
  g_assert_cmpint (diptych_omission_get_state (omission), ==, state);
}

/* A project after the first alignment and the user's decisions. */
static DiptychProject *
make_decided_project (char **l1_id,
                      char **l4_id)
{
  g_autoptr(DiptychProject) project = diptych_project_new ();
  g_autoptr(DiptychDocument) a = make_document ('a');
  g_autoptr(DiptychDocument) b = make_document ('b');
  g_autoptr(DiptychAlignment) alignment = diptych_alignment_new (NULL);
  g_autoptr(GError) error = NULL;

  diptych_project_set_document (project, DIPTYCH_SIDE_A, a);
  diptych_project_set_document (project, DIPTYCH_SIDE_B, b);
  diptych_project_add_default_tags (project);

  add_link (alignment, S (0), S (0));
  add_link (alignment, S (1), S (1));
  add_link (alignment, S (2), S (2));
  add_link (alignment, S (4), S (4));
  add_omission (alignment, DIPTYCH_SIDE_A, S (3));
  add_omission (alignment, DIPTYCH_SIDE_B, S (3));
  diptych_project_set_alignment (project, alignment);
  g_assert_cmpuint (g_list_model_get_n_items (diptych_project_get_links (project)), ==, 4);

  g_assert_true (diptych_project_confirm_link (project, link_at (project, 0), &error));
  g_assert_true (diptych_project_reject_link (project, link_at (project, 1), &error));
  g_assert_nonnull (diptych_project_add_link (project, S (3), S (5), &error));
  g_assert_no_error (error);
  g_assert_true (diptych_project_remove_omission (project, omission_at (project, 1), &error));
  g_assert_nonnull (diptych_project_mark_omission (project, DIPTYCH_SIDE_A, S (5), &error));
  g_assert_no_error (error);

  g_assert_nonnull (diptych_project_annotate (project, DIPTYCH_SIDE_A, S (0), "Agreement", "on L1",
                                              diptych_link_get_id (link_at (project, 0)), &error));
  g_assert_nonnull (diptych_project_annotate (project, DIPTYCH_SIDE_A, S (2), "", "on L3",
                                              diptych_link_get_id (link_at (project, 2)), &error));
  g_assert_nonnull (diptych_project_annotate (project, DIPTYCH_SIDE_B, S (4), "", "on L4",
                                              diptych_link_get_id (link_at (project, 4)), &error));
  g_assert_no_error (error);

  *l1_id = g_strdup (diptych_link_get_id (link_at (project, 0)));
  *l4_id = g_strdup (diptych_link_get_id (link_at (project, 4)));
  return g_steal_pointer (&project);
}

static void
assert_realigned (DiptychProject *project,
                  const char     *l1_id,
                  const char     *l4_id)
{
  GListModel *links = diptych_project_get_links (project);
  GListModel *omissions = diptych_project_get_omissions (project);

  g_assert_cmpuint (g_list_model_get_n_items (links), ==, 5);
  assert_link (link_at (project, 0), S (0), S (0), DIPTYCH_STATE_CONFIRMED);
  g_assert_cmpstr (diptych_link_get_id (link_at (project, 0)), ==, l1_id);
  assert_link (link_at (project, 1), S (1), S (1), DIPTYCH_STATE_REJECTED);
  assert_link (link_at (project, 2), S (2), S (7), DIPTYCH_STATE_AUTO);
  assert_link (link_at (project, 3), S (3), S (5), DIPTYCH_STATE_MANUAL);
  assert_link (link_at (project, 4), S (4), S (4), DIPTYCH_STATE_AUTO);
  g_assert_cmpstr (diptych_link_get_id (link_at (project, 4)), ==, l4_id);

  /* Every id is unique. */
  for (guint i = 0; i < 5; i++)
    for (guint j = i + 1; j < 5; j++)
      g_assert_cmpstr (diptych_link_get_id (link_at (project, i)), !=, diptych_link_get_id (link_at (project, j)));

  g_assert_cmpuint (g_list_model_get_n_items (omissions), ==, 3);
  assert_omission (omission_at (project, 0), DIPTYCH_SIDE_A, S (5), DIPTYCH_STATE_MANUAL);
  assert_omission (omission_at (project, 1), DIPTYCH_SIDE_B, S (2), DIPTYCH_STATE_AUTO);
  assert_omission (omission_at (project, 2), DIPTYCH_SIDE_B, S (3), DIPTYCH_STATE_REJECTED);

  /* Notes on surviving links stay attached; the note on a link that is
   * gone keeps its passage. */
  g_assert_cmpstr (diptych_annotation_get_link_id (annotation_at (project, 0)), ==, l1_id);
  g_assert_null (diptych_annotation_get_link_id (annotation_at (project, 1)));
  g_assert_true (diptych_span_equal (diptych_annotation_get_span (annotation_at (project, 1)), S (2)));
  g_assert_cmpstr (diptych_annotation_get_link_id (annotation_at (project, 2)), ==, l4_id);
}

/* Every kind of file the project writes passes the shipped schema. */
static void
assert_schema_valid (DiptychProject *project)
{
  g_autofree char *dir = project_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "v.diptych", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (diptych_project_save_full (project, file, DIPTYCH_SAVE_FORCE, NULL, &error));
  g_assert_no_error (error);
  project_test_assert_valid (path);
  project_test_rm_rf (dir);
}

static void
test_decisions_survive_realignment (void)
{
  g_autofree char *l1_id = NULL;
  g_autofree char *l4_id = NULL;
  g_autoptr(DiptychProject) project = make_decided_project (&l1_id, &l4_id);
  g_autoptr(DiptychAlignment) alignment = second_alignment ();
  DiptychHistory *history = diptych_project_get_history (project);
  g_autofree char *before = diptych_project_to_xml (project, NULL);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;

  diptych_project_set_alignment (project, alignment);
  g_assert_true (diptych_project_get_alignment (project) == alignment);
  assert_realigned (project, l1_id, l4_id);
  after = diptych_project_to_xml (project, NULL);
  assert_schema_valid (project);

  /* Re-aligning is one edit that can be undone. */
  g_assert_cmpstr (diptych_history_get_undo_label (history), ==, "Undo Re-align");
  g_assert_true (diptych_history_undo (history));
  undone = diptych_project_to_xml (project, NULL);
  g_assert_cmpstr (undone, ==, before);
  g_assert_true (diptych_history_redo (history));
  redone = diptych_project_to_xml (project, NULL);
  g_assert_cmpstr (redone, ==, after);
}

static void
test_decisions_survive_save_and_realignment (void)
{
  g_autofree char *l1_id = NULL;
  g_autofree char *l4_id = NULL;
  g_autoptr(DiptychProject) project = make_decided_project (&l1_id, &l4_id);
  g_autoptr(DiptychProject) loaded = NULL;
  g_autoptr(DiptychAlignment) alignment = second_alignment ();
  g_autoptr(GError) error = NULL;
  gsize length;
  g_autofree char *xml = diptych_project_to_xml (project, &length);

  loaded = diptych_project_from_xml (xml, length, "p.diptych", &error);
  g_assert_no_error (error);
  diptych_project_set_alignment (loaded, alignment);
  assert_realigned (loaded, l1_id, l4_id);

  /* Ids made after loading do not collide with saved ones. */
  {
    DiptychAnnotation *annotation = diptych_project_annotate (loaded, DIPTYCH_SIDE_A, S (6), "", "new", NULL, &error);
    guint n = g_list_model_get_n_items (diptych_project_get_annotations (loaded));

    g_assert_no_error (error);
    for (guint i = 0; i + 1 < n; i++)
      g_assert_cmpstr (diptych_annotation_get_id (annotation_at (loaded, i)), !=, diptych_annotation_get_id (annotation));
    for (guint i = 0; i < 5; i++)
      g_assert_cmpstr (diptych_link_get_id (link_at (loaded, i)), !=, diptych_annotation_get_id (annotation));
  }
}

/* Decisions may come in an alignment (a tool, a test fixture): they are
 * kept, with their ids, and new ids do not collide with them. */
static void
test_decisions_in_alignment (void)
{
  g_autoptr(DiptychProject) project = diptych_project_new ();
  g_autoptr(DiptychDocument) a = make_document ('a');
  g_autoptr(DiptychDocument) b = make_document ('b');
  g_autoptr(DiptychAlignment) alignment = diptych_alignment_new (NULL);
  g_autoptr(DiptychLink) confirmed = diptych_link_new (S (0), S (0), DIPTYCH_LINK_REWORDED, 0.8, DIPTYCH_STATE_CONFIRMED);
  g_autoptr(DiptychLink) rejected = diptych_link_new (S (1), S (1), DIPTYCH_LINK_REWORDED, 0.3, DIPTYCH_STATE_REJECTED);
  g_autoptr(DiptychOmission) manual = diptych_omission_new (DIPTYCH_SIDE_B, S (6), DIPTYCH_STATE_MANUAL);
  g_autoptr(GError) error = NULL;
  DiptychLink *drawn;

  diptych_project_set_document (project, DIPTYCH_SIDE_A, a);
  diptych_project_set_document (project, DIPTYCH_SIDE_B, b);
  diptych_link_set_id (confirmed, "l1");
  diptych_link_set_id (rejected, "l7");
  diptych_alignment_add_link (alignment, confirmed);
  diptych_alignment_add_link (alignment, rejected);
  add_link (alignment, S (0), S (3));   /* conflicts with the confirmed link */
  add_link (alignment, S (2), S (2));
  diptych_alignment_add_omission (alignment, manual);
  diptych_project_set_alignment (project, alignment);

  g_assert_cmpuint (g_list_model_get_n_items (diptych_project_get_links (project)), ==, 3);
  assert_link (link_at (project, 0), S (0), S (0), DIPTYCH_STATE_CONFIRMED);
  g_assert_cmpstr (diptych_link_get_id (link_at (project, 0)), ==, "l1");
  assert_link (link_at (project, 1), S (1), S (1), DIPTYCH_STATE_REJECTED);
  g_assert_cmpstr (diptych_link_get_id (link_at (project, 1)), ==, "l7");
  assert_link (link_at (project, 2), S (2), S (2), DIPTYCH_STATE_AUTO);
  assert_omission (omission_at (project, 0), DIPTYCH_SIDE_B, S (6), DIPTYCH_STATE_MANUAL);
  g_assert_nonnull (diptych_omission_get_id (omission_at (project, 0)));

  drawn = diptych_project_add_link (project, S (5), S (5), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (diptych_link_get_id (drawn), !=, diptych_link_get_id (link_at (project, i)));
  assert_schema_valid (project);
}

#define OLD_TEXT "Intro. The ceasefire holds. Other words. The ceasefire holds. End."
#define NEW_TEXT "NEW PARAGRAPH. Intro. The ceasefire holds. Different words here. The ceasefire holds. End."

static void
test_reanchor (void)
{
  g_autoptr(DiptychProject) project = diptych_project_new ();
  g_autoptr(DiptychDocument) old_a = diptych_document_new (OLD_TEXT, -1, "A", NULL, NULL, NULL, NULL);
  g_autoptr(DiptychDocument) new_a = diptych_document_new (NEW_TEXT, -1, "A", NULL, NULL, NULL, NULL);
  g_autoptr(DiptychDocument) b = diptych_document_new ("The truce holds. Something else.", -1, "B", NULL, NULL, NULL, NULL);
  g_autoptr(DiptychAlignment) alignment = diptych_alignment_new (NULL);
  g_autoptr(GError) error = NULL;
  const char *second = strstr (OLD_TEXT, "The ceasefire holds. End") ;
  guint second_start = g_utf8_pointer_to_offset (OLD_TEXT, second);
  DiptychSpan second_span = DIPTYCH_SPAN_INIT (second_start, second_start + 20);
  DiptychAnnotation *on_second, *on_other, *on_b;
  DiptychLink *confirmed;
  guint new_second;
  guint lost;
  g_autofree char *xml = NULL;
  g_autoptr(DiptychProject) loaded = NULL;

  diptych_project_set_document (project, DIPTYCH_SIDE_A, old_a);
  diptych_project_set_document (project, DIPTYCH_SIDE_B, b);
  add_link (alignment, second_span, DIPTYCH_SPAN_INIT (0, 16));
  add_link (alignment, DIPTYCH_SPAN_INIT (0, 6), DIPTYCH_SPAN_INIT (17, 32));
  diptych_project_set_alignment (project, alignment);
  confirmed = link_at (project, 0);
  g_assert_true (diptych_project_confirm_link (project, confirmed, &error));

  on_second = diptych_project_annotate (project, DIPTYCH_SIDE_A, second_span, "", "second", NULL, &error);
  on_other = diptych_project_annotate (project, DIPTYCH_SIDE_A, DIPTYCH_SPAN_INIT (28, 40), "", "gone", NULL, &error);
  on_b = diptych_project_annotate (project, DIPTYCH_SIDE_B, DIPTYCH_SPAN_INIT (4, 9), "", "truce", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (diptych_annotation_get_quote (on_other), ==, "Other words.");
  g_assert_true (diptych_history_get_can_undo (diptych_project_get_history (project)));

  /* The model's link on the second sentence carries a note; re-importing
   * drops that link, and with it the note's link id, for good. */
  diptych_annotation_set_link_id (on_b, diptych_link_get_id (link_at (project, 1)));
  lost = diptych_project_replace_document (project, DIPTYCH_SIDE_A, new_a);
  g_assert_cmpuint (lost, ==, 1);
  g_assert_false (diptych_history_get_can_undo (diptych_project_get_history (project)));
  g_assert_null (diptych_annotation_get_link_id (on_b));

  /* The quote occurs twice; the context picks the second occurrence. */
  new_second = g_utf8_pointer_to_offset (NEW_TEXT, strstr (NEW_TEXT, "The ceasefire holds. End"));
  g_assert_cmpuint (diptych_annotation_get_span (on_second).start, ==, new_second);
  g_assert_cmpuint (diptych_annotation_get_span (on_second).end, ==, new_second + 20);
  g_assert_false (diptych_annotation_get_orphaned (on_second));

  /* Text that is gone: kept, orphaned, at a valid place. */
  g_assert_true (diptych_annotation_get_orphaned (on_other));
  g_assert_cmpstr (diptych_annotation_get_note (on_other), ==, "gone");
  g_assert_true (diptych_document_span_is_valid (new_a, diptych_annotation_get_span (on_other)));

  /* The other side is untouched. */
  g_assert_true (diptych_span_equal (diptych_annotation_get_span (on_b), DIPTYCH_SPAN_INIT (4, 9)));

  /* The decision follows its text; the model's link is gone. */
  g_assert_cmpuint (g_list_model_get_n_items (diptych_project_get_links (project)), ==, 1);
  confirmed = link_at (project, 0);
  assert_link (confirmed, DIPTYCH_SPAN_INIT (15, 21), DIPTYCH_SPAN_INIT (17, 32), DIPTYCH_STATE_CONFIRMED);

  /* Orphaned annotations are saved and load again. */
  xml = diptych_project_to_xml (project, NULL);
  g_assert_nonnull (strstr (xml, "orphaned=\"true\""));
  assert_schema_valid (project);
  loaded = diptych_project_from_xml (xml, strlen (xml), "p.diptych", &error);
  g_assert_no_error (error);
  g_assert_true (diptych_annotation_get_orphaned (annotation_at (loaded, 1)));
}

static void
test_anchor_find (void)
{
  g_autoptr(DiptychDocument) doc = diptych_document_new ("aé b aé c aé", -1, NULL, NULL, NULL, NULL, NULL);
  DiptychSpan found = { 0, 0 };

  /* Exact place first, even without context. */
  g_assert_true (diptych_anchor_find (doc, "aé", NULL, NULL, 5, &found));
  g_assert_cmpuint (found.start, ==, 5);
  /* Else the nearest occurrence. */
  g_assert_true (diptych_anchor_find (doc, "aé", NULL, NULL, 9, &found));
  g_assert_cmpuint (found.start, ==, 10);
  /* Context wins over distance. */
  g_assert_true (diptych_anchor_find (doc, "aé", "b ", " c", 11, &found));
  g_assert_cmpuint (found.start, ==, 5);
  g_assert_cmpuint (found.end, ==, 7);
  g_assert_false (diptych_anchor_find (doc, "zz", NULL, NULL, 0, &found));
  g_assert_false (diptych_anchor_find (doc, "", NULL, NULL, 0, &found));
  g_assert_false (diptych_anchor_find (doc, NULL, NULL, NULL, 0, &found));
}

static void
test_annotation_filter (void)
{
  g_autoptr(DiptychProject) project = diptych_project_new ();
  g_autoptr(DiptychDocument) a = diptych_document_new ("Прекращение огня. The CEASEFIRE holds.", -1, NULL, NULL, NULL, NULL, NULL);
  g_autoptr(GError) error = NULL;
  DiptychAnnotation *annotation;

  diptych_project_set_document (project, DIPTYCH_SIDE_A, a);
  diptych_project_add_default_tags (project);
  annotation = diptych_project_annotate (project, DIPTYCH_SIDE_A, DIPTYCH_SPAN_INIT (18, 38), "Demand",
                                         "Огонь is in the Russian text", NULL, &error);
  g_assert_no_error (error);

  g_assert_true (diptych_annotation_matches (annotation, NULL, -1, NULL));
  g_assert_true (diptych_annotation_matches (annotation, "Demand", DIPTYCH_SIDE_A, ""));
  g_assert_false (diptych_annotation_matches (annotation, "Question", -1, NULL));
  g_assert_false (diptych_annotation_matches (annotation, "", -1, NULL));
  g_assert_false (diptych_annotation_matches (annotation, NULL, DIPTYCH_SIDE_B, NULL));
  /* In the quote or the note, whatever the case. */
  g_assert_true (diptych_annotation_matches (annotation, NULL, -1, "ceasefire"));
  g_assert_true (diptych_annotation_matches (annotation, NULL, -1, "ОГОНЬ"));
  g_assert_false (diptych_annotation_matches (annotation, NULL, -1, "truce"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/project/decisions/realignment", test_decisions_survive_realignment);
  g_test_add_func ("/project/decisions/save-and-realignment", test_decisions_survive_save_and_realignment);
  g_test_add_func ("/project/decisions/in-alignment", test_decisions_in_alignment);
  g_test_add_func ("/project/reanchor/document", test_reanchor);
  g_test_add_func ("/project/reanchor/find", test_anchor_find);
  g_test_add_func ("/project/annotations/filter", test_annotation_filter);

  return g_test_run ();
}
