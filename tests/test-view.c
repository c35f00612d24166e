/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <gtksourceview/gtksource.h>

#include "diptych-application.h"
#include "diptych-comparison.h"
#include "diptych-differences.h"
#include "diptych-highlighter.h"
#include "diptych-inspector.h"
#include "diptych-link-map.h"
#include "diptych-omission-gutter.h"
#include "diptych-view-util.h"
#include "diptych-window.h"

#define N_PASSAGES 24
#define TIMEOUT_SECONDS 20

/* Two documents of N_PASSAGES paragraphs. Passage i of A links to
 * passage perm(i) of B: the second half of B is in reverse order, so
 * links cross. Every fifth passage of A and passages A1 and B1 are
 * omissions. */
typedef struct
{
  GtkWindow         *window;
  GtkTextView       *views[DIPTYCH_N_SIDES];
  DiptychProject    *project;
  DiptychComparison *comparison;
  DiptychSpan        passages[DIPTYCH_N_SIDES][N_PASSAGES];
  DiptychLink       *links[N_PASSAGES];     /* by A passage, NULL for omissions */
  guint              n_omissions;
} Fixture;

static guint
perm (guint i)
{
  return i < N_PASSAGES / 2 ? i : N_PASSAGES - 1 - (i - N_PASSAGES / 2);
}

static char *
make_text (DiptychSide  side,
           DiptychSpan *spans)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < N_PASSAGES; i++)
    {
      guint start = g_utf8_strlen (text->str, -1);

      g_string_append_printf (text, "Passage %c%u says something about topic %u. ", side == DIPTYCH_SIDE_A ? 'A' : 'B', i, i);
      /* Passages of different lengths, so that line heights differ. */
      for (guint j = 0; j < 3 + (i * 7 + side * 3) % 9; j++)
        g_string_append (text, "More words fill the paragraph so that it wraps over lines. ");
      spans[i] = DIPTYCH_SPAN_INIT (start, g_utf8_strlen (text->str, -1));
      g_string_append (text, "\n\n");
    }
  return g_string_free (text, FALSE);
}

static gboolean
is_omission_a (guint i)
{
  return i % 5 == 2;
}

static void
wait_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(DiptychAlignment) alignment = diptych_alignment_new (NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *scrolled[DIPTYCH_N_SIDES];

  fixture->project = diptych_project_new ();
  for (guint side = 0; side < DIPTYCH_N_SIDES; side++)
    {
      g_autofree char *text = make_text (side, fixture->passages[side]);
      g_autoptr(DiptychDocument) document = NULL;
      g_autoptr(GError) error = NULL;

      document = diptych_document_new (text, -1, side ? "Right" : "Left", NULL, "text", NULL, &error);
      g_assert_no_error (error);
      diptych_project_set_document (fixture->project, side, document);

      fixture->views[side] = GTK_TEXT_VIEW (gtk_source_view_new ());
      gtk_widget_add_css_class (GTK_WIDGET (fixture->views[side]), "document");
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (fixture->views[side]), text, -1);
      {
        /* As the panes do: the cursor at the start. */
        GtkTextIter start;
        gtk_text_buffer_get_start_iter (gtk_text_view_get_buffer (fixture->views[side]), &start);
        gtk_text_buffer_place_cursor (gtk_text_view_get_buffer (fixture->views[side]), &start);
      }
      scrolled[side] = gtk_scrolled_window_new ();
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled[side]), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled[side]), GTK_WIDGET (fixture->views[side]));
      gtk_widget_set_hexpand (scrolled[side], TRUE);
      gtk_widget_set_size_request (scrolled[side], 300, -1);
    }

  for (guint i = 0; i < N_PASSAGES; i++)
    {
      if (is_omission_a (i))
        {
          g_autoptr(DiptychOmission) omission =
            diptych_omission_new (DIPTYCH_SIDE_A, fixture->passages[DIPTYCH_SIDE_A][i], DIPTYCH_STATE_AUTO);
          diptych_alignment_add_omission (alignment, omission);
          fixture->n_omissions++;
        }
      else if (perm (i) == 1)
        {
          /* Both A1 and B1 are left unmatched. */
          g_autoptr(DiptychOmission) omission_a =
            diptych_omission_new (DIPTYCH_SIDE_A, fixture->passages[DIPTYCH_SIDE_A][1], DIPTYCH_STATE_AUTO);
          g_autoptr(DiptychOmission) omission_b =
            diptych_omission_new (DIPTYCH_SIDE_B, fixture->passages[DIPTYCH_SIDE_B][1], DIPTYCH_STATE_AUTO);
          diptych_alignment_add_omission (alignment, omission_a);
          diptych_alignment_add_omission (alignment, omission_b);
          fixture->n_omissions += 2;
        }
      else
        {
          g_autoptr(DiptychLink) link =
            diptych_link_new (fixture->passages[DIPTYCH_SIDE_A][i],
                              fixture->passages[DIPTYCH_SIDE_B][perm (i)],
                              i % 3, 0.5 + i / 100.0, DIPTYCH_STATE_AUTO);
          DiptychSpan a = fixture->passages[DIPTYCH_SIDE_A][i];
          DiptychSpan b = fixture->passages[DIPTYCH_SIDE_B][perm (i)];
          /* "Passage A3" vs "Passage B3": the name word changed. */
          DiptychWordOp op = { DIPTYCH_WORD_CHANGED, DIPTYCH_DISCREPANCY_NAME,
                               DIPTYCH_SPAN_INIT (a.start + 8, a.start + 10),
                               DIPTYCH_SPAN_INIT (b.start + 8, b.start + 10) };

          diptych_link_set_word_ops (link, &op, 1);
          if (i % 3 == DIPTYCH_LINK_PARTIAL)
            diptych_link_add_uncovered (link, DIPTYCH_SIDE_A, DIPTYCH_SPAN_INIT (a.end - 10, a.end));
          diptych_alignment_add_link (alignment, link);
          fixture->links[i] = link;
        }
    }
  diptych_project_set_alignment (fixture->project, alignment);

  fixture->comparison = diptych_comparison_new (fixture->project, fixture->views[0], fixture->views[1]);
  /* The hand-made alignment stands: no aligner run in these tests. */
  diptych_comparison_cancel_alignment (fixture->comparison);
  diptych_comparison_flush (fixture->comparison);

  gtk_box_append (GTK_BOX (box), scrolled[DIPTYCH_SIDE_A]);
  gtk_box_append (GTK_BOX (box), diptych_comparison_get_overview (fixture->comparison, DIPTYCH_SIDE_A));
  gtk_box_append (GTK_BOX (box), diptych_comparison_get_link_map (fixture->comparison));
  gtk_box_append (GTK_BOX (box), scrolled[DIPTYCH_SIDE_B]);
  gtk_box_append (GTK_BOX (box), diptych_comparison_get_overview (fixture->comparison, DIPTYCH_SIDE_B));

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 900, 500);
  gtk_window_set_child (fixture->window, box);
  gtk_window_present (fixture->window);
  /* Let the text views lay out their text. */
  wait_ms (400);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->comparison);
  g_clear_object (&fixture->project);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The tag of a link's kind, not selected. */
static const char *
tag_styles_name (DiptychLink *link)
{
  switch (diptych_link_get_kind (link))
    {
    case DIPTYCH_LINK_REWORDED:
      return "diptych-reworded";
    case DIPTYCH_LINK_PARTIAL:
      return "diptych-partial";
    case DIPTYCH_LINK_IDENTICAL:
    default:
      return "diptych-identical";
    }
}

static gboolean
has_tag (GtkTextView *view,
         guint        offset,
         const char  *name)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), name);
  GtkTextIter iter;

  g_assert_nonnull (tag);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  return gtk_text_iter_has_tag (&iter, tag);
}

/* The properties of the pane tag @name. */
static GtkTextTag *
get_tag (GtkTextView *view,
         const char  *name)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), name);

  g_assert_nonnull (tag);
  return tag;
}

/* The reading view stays calm: the uncovered words of a partial link are
 * only dimmed (no italics, no underline), a selected passage shows its
 * words in the full text color, and omissions differ from partial links
 * in hue and by their wavy underline. */
static void
test_calm_styles (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkTextTag *uncovered = get_tag (fixture->views[0], "diptych-uncovered");
  GtkTextTag *selected = get_tag (fixture->views[0], "diptych-selected-partial");
  GtkTextTag *omission = get_tag (fixture->views[0], "diptych-omission");
  GtkTextTag *partial = get_tag (fixture->views[0], "diptych-partial");
  g_autoptr(GdkRGBA) dim = NULL;
  g_autoptr(GdkRGBA) normal = NULL;
  g_autoptr(GdkRGBA) omission_bg = NULL;
  g_autoptr(GdkRGBA) partial_bg = NULL;
  gboolean style_set, underline_set, background_set, fg_set;
  PangoUnderline underline;

  g_object_get (uncovered, "style-set", &style_set, "underline-set", &underline_set,
                "background-set", &background_set, "foreground-set", &fg_set, "foreground-rgba", &dim, NULL);
  g_assert_false (style_set);
  g_assert_false (underline_set);
  g_assert_false (background_set);
  g_assert_true (fg_set);

  g_object_get (selected, "foreground-set", &fg_set, "foreground-rgba", &normal, NULL);
  g_assert_true (fg_set);
  /* The selected passage's text is plainer than the dimmed words, so it
   * wins over them (a higher priority). */
  g_assert_cmpfloat (dim->alpha, <, normal->alpha - 0.15);
  g_assert_cmpint (gtk_text_tag_get_priority (selected), >, gtk_text_tag_get_priority (uncovered));

  g_object_get (omission, "background-rgba", &omission_bg, "underline", &underline, NULL);
  g_object_get (partial, "background-rgba", &partial_bg, NULL);
  g_assert_cmpint (underline, ==, PANGO_UNDERLINE_ERROR);
  /* Orange has far more green than blue; the omission's hue has more blue. */
  g_assert_cmpfloat (partial_bg->blue, <, 0.1);
  g_assert_cmpfloat (omission_bg->blue, >, 0.5);
  g_assert_cmpfloat (omission_bg->alpha, >, partial_bg->alpha);

  /* Each pane has the omission bars in its left margin. */
  for (guint side = 0; side < DIPTYCH_N_SIDES; side++)
    {
      GtkSourceGutter *gutter = gtk_source_view_get_gutter (GTK_SOURCE_VIEW (fixture->views[side]),
                                                            GTK_TEXT_WINDOW_LEFT);
      guint n_bars = 0;

      for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (gutter)); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        n_bars += DIPTYCH_IS_OMISSION_GUTTER (child);
      g_assert_cmpuint (n_bars, ==, 1);
    }
}

static void
test_highlights (Fixture       *fixture,
                 gconstpointer  data)
{
  DiptychSelection *selection = diptych_comparison_get_selection (fixture->comparison);
  DiptychSpan a0 = fixture->passages[DIPTYCH_SIDE_A][0];
  DiptychSpan a1 = fixture->passages[DIPTYCH_SIDE_A][4];
  DiptychSpan a2 = fixture->passages[DIPTYCH_SIDE_A][2];
  DiptychSpan a5 = fixture->passages[DIPTYCH_SIDE_A][5];

  g_assert_true (has_tag (fixture->views[0], a0.start + 20, "diptych-identical"));
  g_assert_true (has_tag (fixture->views[0], a1.start + 20, "diptych-reworded"));
  g_assert_true (has_tag (fixture->views[0], a5.start + 20, "diptych-partial"));
  g_assert_true (has_tag (fixture->views[0], a5.end - 3, "diptych-uncovered"));
  g_assert_false (has_tag (fixture->views[0], a5.start + 20, "diptych-uncovered"));
  g_assert_true (has_tag (fixture->views[0], a2.start + 20, "diptych-omission"));
  g_assert_false (has_tag (fixture->views[0], a2.start + 20, "diptych-identical"));
  g_assert_true (has_tag (fixture->views[1], fixture->passages[DIPTYCH_SIDE_B][1].start, "diptych-omission"));

  /* The selected link is emphasised, with its word-level differences. */
  g_assert_false (has_tag (fixture->views[0], a0.start + 8, "diptych-word-changed"));
  diptych_selection_set_item (selection, fixture->links[0]);
  g_assert_true (has_tag (fixture->views[0], a0.start + 20, "diptych-selected-identical"));
  g_assert_true (has_tag (fixture->views[0], a0.start + 8, "diptych-word-changed"));
  g_assert_true (has_tag (fixture->views[0], a0.start + 8, "diptych-discrepancy"));
  g_assert_true (has_tag (fixture->views[1], fixture->passages[DIPTYCH_SIDE_B][0].start + 9, "diptych-discrepancy"));
  g_assert_false (has_tag (fixture->views[0], a1.start + 20, "diptych-selected-reworded"));

  /* The same styles for a label (the inspector): bytes 8-10 of the passage. */
  {
    DiptychDocument *doc = diptych_project_get_document (fixture->project, DIPTYCH_SIDE_A);
    g_autofree char *text = diptych_document_dup_span (doc, a0);
    g_autoptr(PangoAttrList) attrs = diptych_highlighter_dup_word_op_attributes (fixture->links[0], DIPTYCH_SIDE_A,
                                                                                 a0.start, text, FALSE);
    PangoAttrIterator *iter = pango_attr_list_get_iterator (attrs);
    PangoAttrInt *underline = NULL;
    int start, end;

    do
      {
        pango_attr_iterator_range (iter, &start, &end);
        if (start == 8)
          underline = (PangoAttrInt *) pango_attr_iterator_get (iter, PANGO_ATTR_UNDERLINE);
      }
    while (underline == NULL && pango_attr_iterator_next (iter));
    g_assert_nonnull (underline);
    g_assert_cmpint (end, ==, 10);
    /* A changed word that is also a discrepancy: the wavy line wins. */
    g_assert_cmpint (underline->value, ==, PANGO_UNDERLINE_ERROR);
    pango_attr_iterator_destroy (iter);
  }

  diptych_selection_set_item (selection, fixture->links[4]);
  g_assert_false (has_tag (fixture->views[0], a0.start + 8, "diptych-word-changed"));
  g_assert_true (has_tag (fixture->views[0], a1.start + 20, "diptych-selected-reworded"));

  /* The text loaded again (as when a project opens: the panes get their
   * text after the links): the highlights come back. */
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (fixture->views[0]);
    GtkTextIter start, end;
    g_autofree char *text = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    gtk_text_buffer_set_text (buffer, text, -1);
    g_assert_false (has_tag (fixture->views[0], a0.start + 20, "diptych-identical"));
    diptych_comparison_flush (fixture->comparison);
    g_assert_true (has_tag (fixture->views[0], a0.start + 20, "diptych-identical"));
    g_assert_true (has_tag (fixture->views[0], a2.start + 20, "diptych-omission"));
  }

  /* A new alignment replaces the highlights. */
  diptych_project_set_alignment (fixture->project, NULL);
  diptych_comparison_flush (fixture->comparison);
  g_assert_false (has_tag (fixture->views[0], a0.start + 20, "diptych-identical"));
  g_assert_false (has_tag (fixture->views[0], a2.start + 20, "diptych-omission"));
  g_assert_null (diptych_selection_get_item (selection));
}

static void
record_removal_cb (GtkTextBuffer *buffer,
                   GtkTextTag    *tag,
                   GtkTextIter   *start,
                   GtkTextIter   *end,
                   DiptychSpan   *removed)
{
  g_autofree char *name = NULL;

  g_object_get (tag, "name", &name, NULL);
  /* The selection's tags come and go with the selection. */
  if (name == NULL || g_str_has_prefix (name, "diptych-selected-") || g_str_has_prefix (name, "diptych-word-") ||
      g_str_equal (name, "diptych-discrepancy"))
    return;
  removed->start = MIN (removed->start, (guint) gtk_text_iter_get_offset (start));
  removed->end = MAX (removed->end, (guint) gtk_text_iter_get_offset (end));
}

/* Rejecting one link re-tags that link's passages, not the documents. */
static void
test_retag_changes (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (fixture->views[DIPTYCH_SIDE_A]);
  DiptychSpan a14 = fixture->passages[DIPTYCH_SIDE_A][14];
  DiptychSpan a0 = fixture->passages[DIPTYCH_SIDE_A][0];
  DiptychSpan a23 = fixture->passages[DIPTYCH_SIDE_A][23];
  DiptychSpan removed = { G_MAXUINT, 0 };
  g_autoptr(GError) error = NULL;
  gulong id;

  g_assert_nonnull (fixture->links[14]);
  g_assert_true (has_tag (fixture->views[0], a14.start + 20, tag_styles_name (fixture->links[14])));
  id = g_signal_connect (buffer, "remove-tag", G_CALLBACK (record_removal_cb), &removed);

  g_assert_true (diptych_project_reject_link (fixture->project, fixture->links[14], &error));
  g_assert_no_error (error);
  diptych_comparison_flush (fixture->comparison);

  g_assert_false (has_tag (fixture->views[0], a14.start + 20, tag_styles_name (fixture->links[14])));
  g_assert_cmpuint (removed.start, >=, a14.start);
  g_assert_cmpuint (removed.end, <=, a14.end);
  /* The rest is as it was. */
  g_assert_true (has_tag (fixture->views[0], a0.start + 20, "diptych-identical"));
  g_assert_true (has_tag (fixture->views[0], fixture->passages[DIPTYCH_SIDE_A][2].start + 20, "diptych-omission"));
  g_assert_true (has_tag (fixture->views[0], a23.start + 20, tag_styles_name (fixture->links[23])));

  /* Confirming it again shows it again, and only there. */
  removed = (DiptychSpan) { G_MAXUINT, 0 };
  g_assert_true (diptych_project_confirm_link (fixture->project, fixture->links[14], &error));
  g_assert_no_error (error);
  diptych_comparison_flush (fixture->comparison);
  g_assert_true (has_tag (fixture->views[0], a14.start + 20, tag_styles_name (fixture->links[14])));
  g_assert_true (removed.start == G_MAXUINT || (removed.start >= a14.start && removed.end <= a14.end));
  g_signal_handler_disconnect (buffer, id);
}

static void
test_select_by_cursor (Fixture       *fixture,
                       gconstpointer  data)
{
  DiptychSelection *selection = diptych_comparison_get_selection (fixture->comparison);
  DiptychInspector *inspector = DIPTYCH_INSPECTOR (diptych_comparison_get_inspector (fixture->comparison));
  DiptychDocument *doc_a = diptych_project_get_document (fixture->project, DIPTYCH_SIDE_A);
  DiptychDocument *doc_b = diptych_project_get_document (fixture->project, DIPTYCH_SIDE_B);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (fixture->views[DIPTYCH_SIDE_A]);
  GtkTextIter iter;
  guint i = 14;   /* in the reversed half: its counterpart is far away */
  g_autofree char *expected_a = diptych_document_dup_span (doc_a, fixture->passages[DIPTYCH_SIDE_A][i]);
  g_autofree char *expected_b = diptych_document_dup_span (doc_b, fixture->passages[DIPTYCH_SIDE_B][perm (i)]);
  g_autofree char *shown_a = NULL;
  g_autofree char *shown_b = NULL;
  GdkRectangle visible;
  int y, h;

  g_assert_nonnull (fixture->links[i]);
  gtk_widget_grab_focus (GTK_WIDGET (fixture->views[DIPTYCH_SIDE_A]));
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, fixture->passages[DIPTYCH_SIDE_A][i].start + 30);
  gtk_text_buffer_place_cursor (buffer, &iter);

  g_assert_true (diptych_selection_get_item (selection) == fixture->links[i]);
  shown_a = diptych_inspector_dup_passage (inspector, DIPTYCH_SIDE_A);
  shown_b = diptych_inspector_dup_passage (inspector, DIPTYCH_SIDE_B);
  g_assert_cmpstr (shown_a, ==, expected_a);
  g_assert_cmpstr (shown_b, ==, expected_b);
  /* Its word-level differences: the fixture marks the first two
   * characters of "A14" and of its counterpart "B21" as a name. */
  g_assert_cmpstr (diptych_inspector_get_discrepancies (inspector), ==,
                   "Name differs: “A1” (left), “B2” (right)");
  g_assert_nonnull (strstr (diptych_inspector_get_facts (inspector), "found by the model"));

  /* Confirming the shown link updates the inspector at once. */
  diptych_link_set_state (fixture->links[i], DIPTYCH_STATE_CONFIRMED);
  g_assert_null (strstr (diptych_inspector_get_facts (inspector), "found by the model"));
  g_assert_nonnull (strstr (diptych_inspector_get_facts (inspector), "confirmed"));

  /* The counterpart was scrolled into view: GtkTextView scrolls once
   * its layout is validated, which may take a few frames on a slow
   * (sanitizer) build. */
  for (guint tries = 0; tries < 100; tries++)
    {
      gtk_text_view_get_visible_rect (fixture->views[DIPTYCH_SIDE_B], &visible);
      diptych_text_view_get_span_yrange (fixture->views[DIPTYCH_SIDE_B],
                                         fixture->passages[DIPTYCH_SIDE_B][perm (i)], &y, &h);
      if (y >= visible.y && y < visible.y + visible.height)
        break;
      wait_ms (20);
    }
  g_assert_cmpint (y, >=, visible.y);
  g_assert_cmpint (y, <, visible.y + visible.height);

  /* An omission shows one passage. */
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, fixture->passages[DIPTYCH_SIDE_A][2].start + 3);
  gtk_text_buffer_place_cursor (buffer, &iter);
  g_assert_true (DIPTYCH_IS_OMISSION (diptych_selection_get_item (selection)));
  g_clear_pointer (&shown_b, g_free);
  shown_b = diptych_inspector_dup_passage (inspector, DIPTYCH_SIDE_B);
  g_assert_cmpstr (shown_b, ==, "");

  /* Right after a passage, at the end of its line: still that passage. */
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, fixture->passages[DIPTYCH_SIDE_A][3].end);
  g_assert_true (gtk_text_iter_ends_line (&iter));
  gtk_text_buffer_place_cursor (buffer, &iter);
  g_assert_true (diptych_selection_get_item (selection) == fixture->links[3]);

  /* Between passages: nothing selected. */
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, fixture->passages[DIPTYCH_SIDE_A][3].end + 1);
  gtk_text_buffer_place_cursor (buffer, &iter);
  g_assert_null (diptych_selection_get_item (selection));
}

/* Nothing selected, the cursor at the start of @side, @side focused. */
static void
restart_in (Fixture     *fixture,
            DiptychSide  side)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (fixture->views[side]);
  GtkTextIter start;

  diptych_selection_set_item (diptych_comparison_get_selection (fixture->comparison), NULL);
  diptych_comparison_set_focused_side (fixture->comparison, side);
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
}

static void
test_navigation (Fixture       *fixture,
                 gconstpointer  data)
{
  DiptychSelection *selection = diptych_comparison_get_selection (fixture->comparison);
  guint n_links = 0, n_omissions = 0, count;
  gpointer item, previous = NULL;

  for (guint i = 0; i < N_PASSAGES; i++)
    n_links += fixture->links[i] != NULL;
  n_omissions = fixture->n_omissions;
  g_assert_cmpuint (n_omissions, ==, N_PASSAGES - n_links + 1);

  /* Forward through the links of A in A's order. */
  diptych_comparison_set_focused_side (fixture->comparison, DIPTYCH_SIDE_A);
  count = 0;
  for (guint i = 0; i < N_PASSAGES; i++)
    {
      if (fixture->links[i] == NULL)
        continue;
      item = diptych_comparison_step (fixture->comparison, DIPTYCH_TYPE_LINK, TRUE);
      g_assert_true (item == fixture->links[i]);
      g_assert_true (diptych_selection_get_item (selection) == item);
      count++;
    }
  g_assert_cmpuint (count, ==, n_links);
  g_assert_null (diptych_comparison_step (fixture->comparison, DIPTYCH_TYPE_LINK, TRUE));

  /* And back. */
  for (guint i = N_PASSAGES - 1; i > 0; i--)
    {
      if (fixture->links[i - 1] == NULL || fixture->links[i] == NULL)
        continue;
      if (diptych_selection_get_item (selection) != fixture->links[i])
        continue;
      item = diptych_comparison_step (fixture->comparison, DIPTYCH_TYPE_LINK, FALSE);
      g_assert_true (item == fixture->links[i - 1]);
    }

  /* In B's order the links come in B's order: the reversed half runs
   * backwards through A. */
  restart_in (fixture, DIPTYCH_SIDE_B);
  count = 0;
  while ((item = diptych_comparison_step (fixture->comparison, DIPTYCH_TYPE_LINK, TRUE)) != NULL)
    {
      if (previous != NULL)
        g_assert_cmpuint (diptych_link_get_span (previous, DIPTYCH_SIDE_B).start, <,
                          diptych_link_get_span (item, DIPTYCH_SIDE_B).start);
      previous = item;
      count++;
    }
  g_assert_cmpuint (count, ==, n_links);

  /* Omissions: every one, A's then B's, then the end. */
  restart_in (fixture, DIPTYCH_SIDE_A);
  count = 0;
  previous = NULL;
  while ((item = diptych_comparison_step (fixture->comparison, DIPTYCH_TYPE_OMISSION, TRUE)) != NULL)
    {
      g_assert_true (DIPTYCH_IS_OMISSION (item));
      g_assert_true (item != previous);
      previous = item;
      count++;
      g_assert_cmpuint (count, <=, n_omissions);
    }
  g_assert_cmpuint (count, ==, n_omissions);
  g_assert_cmpint (diptych_omission_get_side (previous), ==, DIPTYCH_SIDE_B);

  /* Backwards from B's omission into A's. */
  item = diptych_comparison_step (fixture->comparison, DIPTYCH_TYPE_OMISSION, FALSE);
  g_assert_nonnull (item);
  g_assert_cmpint (diptych_omission_get_side (item), ==, DIPTYCH_SIDE_A);
  g_assert_cmpuint (diptych_omission_get_span (item).start, ==, fixture->passages[DIPTYCH_SIDE_A][22].start);
}

static void
scroll_to_reading_line (GtkTextView *view,
                        DiptychSpan  span)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  int y, h;

  /* The reading line (a third down) a little inside the passage. Until
   * the view has laid out that far its height is an estimate and the
   * value gets clamped: set it again until it holds (slow builds). */
  for (guint tries = 0; tries < 200; tries++)
    {
      double target;

      diptych_text_view_get_span_yrange (view, span, &y, &h);
      target = y + MIN (h / 3, 10) - gtk_adjustment_get_page_size (adjustment) * 0.33;
      gtk_adjustment_set_value (adjustment, target);
      if (fabs (gtk_adjustment_get_value (adjustment) - target) < 1.0)
        break;
      wait_ms (10);
    }
}

static void
assert_at_reading_line (GtkTextView *view,
                        DiptychSpan  span)
{
  double line = 0;
  int y = 0, h = 0;

  /* The other pane follows once its layout reaches the counterpart. */
  for (guint tries = 0; tries < 150; tries++)
    {
      line = diptych_scroll_sync_get_reading_line (view);
      diptych_text_view_get_span_yrange (view, span, &y, &h);
      if (line >= y - 2 && line <= y + h + 2)
        break;
      wait_ms (20);
    }
  g_assert_cmpfloat (line, >=, y - 2);
  g_assert_cmpfloat (line, <=, y + h + 2);
}

static void
test_scroll_sync (Fixture       *fixture,
                  gconstpointer  data)
{
  /* Parallel links, then crossing ones, then from B to A (passages
   * the reading line can reach: not the last screenful). */
  guint cases[] = { 4, 9, 15, 18 };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      guint i = cases[c];

      g_assert_nonnull (fixture->links[i]);
      scroll_to_reading_line (fixture->views[DIPTYCH_SIDE_A], fixture->passages[DIPTYCH_SIDE_A][i]);
      wait_ms (50);
      assert_at_reading_line (fixture->views[DIPTYCH_SIDE_A], fixture->passages[DIPTYCH_SIDE_A][i]);
      assert_at_reading_line (fixture->views[DIPTYCH_SIDE_B], fixture->passages[DIPTYCH_SIDE_B][perm (i)]);
    }

  scroll_to_reading_line (fixture->views[DIPTYCH_SIDE_B], fixture->passages[DIPTYCH_SIDE_B][perm (16)]);
  wait_ms (50);
  assert_at_reading_line (fixture->views[DIPTYCH_SIDE_A], fixture->passages[DIPTYCH_SIDE_A][16]);

  /* Unlinked: the other pane stays where it is. */
  diptych_scroll_sync_set_enabled (diptych_comparison_get_scroll_sync (fixture->comparison), FALSE);
  {
    GtkAdjustment *b = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (fixture->views[DIPTYCH_SIDE_B]));
    double before = gtk_adjustment_get_value (b);

    scroll_to_reading_line (fixture->views[DIPTYCH_SIDE_A], fixture->passages[DIPTYCH_SIDE_A][4]);
    wait_ms (50);
    g_assert_cmpfloat (gtk_adjustment_get_value (b), ==, before);
  }
}

static void
test_differences_order (Fixture       *fixture,
                        gconstpointer  data)
{
  DiptychDifferences *differences = DIPTYCH_DIFFERENCES (diptych_comparison_get_differences (fixture->comparison));
  GListModel *model = diptych_differences_get_model (differences);
  guint n = g_list_model_get_n_items (model);
  guint last = 0;

  /* Every link and omission once. */
  g_assert_cmpuint (n, ==, N_PASSAGES + 1);

  /* Left order: the A passages in order; B's omission after the link
   * that precedes it in B (B passage 0, A passage 0). */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      DiptychSpan span;

      if (DIPTYCH_IS_OMISSION (item) && diptych_omission_get_side (DIPTYCH_OMISSION (item)) == DIPTYCH_SIDE_B)
        {
          g_autoptr(GObject) before = g_list_model_get_item (model, i - 1);
          g_assert_true (before == (GObject *) fixture->links[0]);
          continue;
        }
      g_assert_true (diptych_item_get_span (item, DIPTYCH_SIDE_A, &span));
      g_assert_cmpuint (span.start, >=, last);
      last = span.start;
    }

  diptych_differences_set_order (differences, DIPTYCH_SIDE_B);
  model = diptych_differences_get_model (differences);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_PASSAGES + 1);
  last = 0;
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      DiptychSpan span;

      if (DIPTYCH_IS_OMISSION (item) && diptych_omission_get_side (DIPTYCH_OMISSION (item)) == DIPTYCH_SIDE_A)
        continue;
      g_assert_true (diptych_item_get_span (item, DIPTYCH_SIDE_B, &span));
      g_assert_cmpuint (span.start, >=, last);
      last = span.start;
    }

  /* Selecting elsewhere selects the row. */
  {
    g_autofree char *label = diptych_differences_dup_row_label (fixture->links[3], fixture->project);
    g_assert_nonnull (strstr (label, "Passage A3"));
    g_assert_nonnull (strstr (label, "Passage B3"));
  }
}

static void
test_link_map (Fixture       *fixture,
               gconstpointer  data)
{
  DiptychLinkMap *map = DIPTYCH_LINK_MAP (diptych_comparison_get_link_map (fixture->comparison));
  DiptychSelection *selection = diptych_comparison_get_selection (fixture->comparison);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  double width = gtk_widget_get_width (GTK_WIDGET (map));
  gpointer link;
  int y, h;
  double ya, yb;

  g_assert_cmpfloat (width, >, 0);
  GTK_WIDGET_GET_CLASS (map)->snapshot (GTK_WIDGET (map), snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  /* Only the links visible at the top: far fewer than all of them. */
  g_assert_cmpuint (diptych_link_map_get_n_bands (map), >, 0);
  g_assert_cmpuint (diptych_link_map_get_n_bands (map), <, N_PASSAGES / 2);

  /* The first band joins A0 and B0: hit it in the middle. */
  diptych_text_view_get_span_yrange (fixture->views[0], fixture->passages[0][0], &y, &h);
  ya = diptych_text_view_to_widget_y (fixture->views[0], GTK_WIDGET (map), y + h / 2);
  diptych_text_view_get_span_yrange (fixture->views[1], fixture->passages[1][0], &y, &h);
  yb = diptych_text_view_to_widget_y (fixture->views[1], GTK_WIDGET (map), y + h / 2);
  link = diptych_link_map_get_link_at (map, width / 2, (ya + yb) / 2);
  g_assert_true (link == fixture->links[0]);
  g_assert_null (diptych_link_map_get_link_at (map, width / 2, -2000));
  (void) selection;
}

/* The first controller of @widget of @type (to play the user's pointer). */
static GtkEventController *
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;
    }
  return NULL;
}

static void
test_pointer (Fixture       *fixture,
              gconstpointer  data)
{
  GtkWidget *map = diptych_comparison_get_link_map (fixture->comparison);
  GtkWidget *overview = diptych_comparison_get_overview (fixture->comparison, DIPTYCH_SIDE_A);
  DiptychSelection *selection = diptych_comparison_get_selection (fixture->comparison);
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (fixture->views[DIPTYCH_SIDE_A]));
  GtkEventController *click = find_controller (map, GTK_TYPE_GESTURE_CLICK);
  GtkEventController *drag = find_controller (overview, GTK_TYPE_GESTURE_DRAG);
  double ya, yb, middle, upper, page;
  int y, h;

  g_assert_nonnull (click);
  g_assert_nonnull (drag);

  /* A click on the band of A0 and B0 selects their link. */
  gtk_widget_queue_draw (map);
  wait_ms (100);
  diptych_text_view_get_span_yrange (fixture->views[0], fixture->passages[0][0], &y, &h);
  ya = diptych_text_view_to_widget_y (fixture->views[0], map, y + h / 2);
  diptych_text_view_get_span_yrange (fixture->views[1], fixture->passages[1][0], &y, &h);
  yb = diptych_text_view_to_widget_y (fixture->views[1], map, y + h / 2);
  g_signal_emit_by_name (click, "pressed", 1, gtk_widget_get_width (map) / 2.0, (ya + yb) / 2);
  g_assert_true (diptych_selection_get_item (selection) == fixture->links[0]);

  /* A press on the overview strip at three quarters of its height puts
   * the middle of the view there. */
  g_signal_emit_by_name (drag, "drag-begin", 5.0, gtk_widget_get_height (overview) * 0.75);
  /* The view scrolls once it has laid the text out that far. */
  for (guint tries = 0; tries < 150; tries++)
    {
      wait_ms (20);
      upper = gtk_adjustment_get_upper (adjustment);
      page = gtk_adjustment_get_page_size (adjustment);
      middle = (gtk_adjustment_get_value (adjustment) + page / 2) / upper;
      if (fabs (middle - 0.75) < 0.02)
        break;
    }
  g_assert_cmpfloat_with_epsilon (middle, 0.75, 0.02);

}

static void
test_find (Fixture       *fixture,
           gconstpointer  data)
{
  GtkSearchBar *bar = GTK_SEARCH_BAR (diptych_comparison_get_search_bar (fixture->comparison));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (fixture->views[DIPTYCH_SIDE_B]);
  GtkWidget *entry;
  GtkTextIter start, end;
  g_autofree char *found = NULL;
  guint first;

  /* The window shows the bar; here it is only kept alive. */
  g_object_ref_sink (bar);
  diptych_comparison_set_focused_side (fixture->comparison, DIPTYCH_SIDE_B);
  diptych_comparison_find (fixture->comparison);
  g_assert_true (gtk_search_bar_get_search_mode (bar));

  entry = gtk_widget_get_first_child (gtk_search_bar_get_child (bar));
  g_assert_true (GTK_IS_SEARCH_ENTRY (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), "topic 19.");
  /* search-changed comes after a delay; find explicitly. */
  g_assert_true (diptych_comparison_find_next (fixture->comparison, TRUE));
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
  found = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (found, ==, "topic 19.");
  first = gtk_text_iter_get_offset (&start);
  g_assert_cmpuint (first, ==, fixture->passages[DIPTYCH_SIDE_B][19].start + 33);
  /* The current match stands out above the link highlights: its tag
   * has the highest priority and an opaque background. */
  {
    GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
    GtkTextTag *current = gtk_text_tag_table_lookup (table, "diptych-find-current");
    g_autoptr(GdkRGBA) background = NULL;

    g_assert_nonnull (current);
    g_assert_true (has_tag (fixture->views[DIPTYCH_SIDE_B], first + 2, "diptych-find-current"));
    g_assert_true (has_tag (fixture->views[DIPTYCH_SIDE_B], first + 2, "diptych-reworded") ||
                   has_tag (fixture->views[DIPTYCH_SIDE_B], first + 2, "diptych-identical") ||
                   has_tag (fixture->views[DIPTYCH_SIDE_B], first + 2, "diptych-partial"));
    g_assert_false (has_tag (fixture->views[DIPTYCH_SIDE_B], first + 12, "diptych-find-current"));
    g_assert_cmpint (gtk_text_tag_get_priority (current), ==, gtk_text_tag_table_get_size (table) - 1);
    g_object_get (current, "background-rgba", &background, NULL);
    g_assert_cmpfloat (background->alpha, ==, 1.0);
  }

  /* One match only: next wraps to it again. */
  g_assert_true (diptych_comparison_find_next (fixture->comparison, TRUE));
  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  g_assert_cmpuint (gtk_text_iter_get_offset (&start), ==, first);

  gtk_editable_set_text (GTK_EDITABLE (entry), "no such words");
  g_assert_false (diptych_comparison_find_next (fixture->comparison, FALSE));
  g_assert_false (has_tag (fixture->views[DIPTYCH_SIDE_B], first + 2, "diptych-find-current"));

  /* Every match is marked, not only the current one. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "says something");
  g_assert_true (diptych_comparison_find_next (fixture->comparison, TRUE));
  wait_ms (300);
  {
    GtkTextIter other;
    g_autoptr(GSList) tags = NULL;
    gboolean yellow = FALSE;

    gtk_text_buffer_get_iter_at_offset (buffer, &other, fixture->passages[DIPTYCH_SIDE_B][5].start + 13);
    tags = gtk_text_iter_get_tags (&other);
    for (GSList *l = tags; l != NULL; l = l->next)
      {
        g_autoptr(GdkRGBA) background = NULL;
        gboolean set = FALSE;

        g_object_get (l->data, "background-rgba", &background, "background-set", &set, NULL);
        if (set && background->alpha == 1.0 && background->red > 0.9 && background->blue < 0.5)
          yellow = TRUE;
      }
    g_assert_true (yellow);
  }

  /* The marks follow the search text. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "topic 19.");
  g_assert_true (diptych_comparison_find_next (fixture->comparison, TRUE));
  g_assert_false (has_tag (fixture->views[DIPTYCH_SIDE_B], fixture->passages[DIPTYCH_SIDE_B][5].start + 13,
                           "diptych-find-match"));

  /* Closing the bar removes the marks. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "topic 19.");
  g_assert_true (diptych_comparison_find_next (fixture->comparison, TRUE));
  g_assert_true (has_tag (fixture->views[DIPTYCH_SIDE_B], first + 2, "diptych-find-current"));
  gtk_search_bar_set_search_mode (bar, FALSE);
  g_assert_false (has_tag (fixture->views[DIPTYCH_SIDE_B], first + 2, "diptych-find-current"));
  g_assert_false (has_tag (fixture->views[DIPTYCH_SIDE_B], first + 2, "diptych-find-match"));
  g_object_unref (bar);
}

static void
test_zoom (Fixture       *fixture,
           gconstpointer  data)
{
  PangoContext *context;
  const PangoFontDescription *desc;

  diptych_comparison_set_font (fixture->comparison, "Serif 10", 2.0);
  wait_ms (100);
  context = gtk_widget_get_pango_context (GTK_WIDGET (fixture->views[DIPTYCH_SIDE_A]));
  desc = pango_context_get_font_description (context);
  /* 20pt, in pixels at 96 dpi */
  g_assert_cmpfloat_with_epsilon (pango_font_description_get_size (desc) / (double) PANGO_SCALE, 20 * 96 / 72.0, 0.5);
  g_assert_cmpstr (pango_font_description_get_family (desc), ==, "Serif");

  diptych_comparison_set_font (fixture->comparison, "Serif 10", 1.0);
  wait_ms (100);
  context = gtk_widget_get_pango_context (GTK_WIDGET (fixture->views[DIPTYCH_SIDE_B]));
  desc = pango_context_get_font_description (context);
  g_assert_cmpfloat_with_epsilon (pango_font_description_get_size (desc) / (double) PANGO_SCALE, 10 * 96 / 72.0, 0.5);
}

/* The real model on a small pair: links arrive in the background and
 * become highlights. */
static void
test_real_aligner (void)
{
  const char *text_a = "The ministers agreed on a ceasefire in the region.\n\n"
                       "Trade between both countries will double by 2030.\n\n"
                       "The talks ended with a dinner at the palace.\n";
  const char *text_b = "Trade between the two countries is to double by 2030.\n\n"
                       "The ministers agreed to a ceasefire in the region.\n\n"
                       "Both sides discussed the exchange of prisoners.\n";
  g_autoptr(DiptychProject) project = diptych_project_new ();
  g_autoptr(DiptychComparison) comparison = NULL;
  GtkTextView *views[2];
  gint64 deadline;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  DiptychSpanIndex *index;
  gpointer item;

  for (guint side = 0; side < 2; side++)
    {
      const char *text = side ? text_b : text_a;
      g_autoptr(DiptychDocument) document = diptych_document_new (text, -1, NULL, NULL, "text", NULL, NULL);

      views[side] = GTK_TEXT_VIEW (gtk_source_view_new ());
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (views[side]), text, -1);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (views[side]));
      diptych_project_set_document (project, side, document);
    }
  gtk_window_set_child (GTK_WINDOW (window), box);

  comparison = diptych_comparison_new (project, views[0], views[1]);
  g_assert_true (diptych_comparison_get_aligning (comparison));
  deadline = g_get_monotonic_time () + TIMEOUT_SECONDS * G_USEC_PER_SEC;
  while (diptych_comparison_get_aligning (comparison) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (diptych_comparison_get_aligning (comparison));
  g_assert_nonnull (diptych_project_get_alignment (project));
  diptych_comparison_flush (comparison);

  /* The ceasefire sentence (A first, B second) is linked across. */
  index = diptych_selection_get_index (diptych_comparison_get_selection (comparison));
  item = diptych_span_index_lookup (index, DIPTYCH_SIDE_A, 10);
  g_assert_true (DIPTYCH_IS_LINK (item));
  g_assert_cmpuint (diptych_link_get_span (item, DIPTYCH_SIDE_B).start, >, 50);
  g_assert_true (has_tag (views[0], 10, diptych_link_get_kind (item) == DIPTYCH_LINK_IDENTICAL ? "diptych-identical"
                                        : diptych_link_get_kind (item) == DIPTYCH_LINK_REWORDED ? "diptych-reworded"
                                        : "diptych-partial"));

  /* Changing the settings aligns again. */
  {
    DiptychAlignSettings settings = { DIPTYCH_GRANULARITY_PARAGRAPH, 0.4 };
    diptych_project_set_settings (project, &settings);
    g_assert_true (diptych_comparison_get_aligning (comparison));
    diptych_comparison_cancel_alignment (comparison);
    g_assert_false (diptych_comparison_get_aligning (comparison));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Links past the end of the text or with reversed spans (a damaged
 * project file) are left out or clamped, never a crash. */
static void
test_hostile_spans (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(DiptychAlignment) alignment = diptych_alignment_new (NULL);
  g_autoptr(DiptychLink) beyond = diptych_link_new (DIPTYCH_SPAN_INIT (10, 5000000), DIPTYCH_SPAN_INIT (4000000, 4000100),
                                                    DIPTYCH_LINK_PARTIAL, 0.5, DIPTYCH_STATE_AUTO);
  g_autoptr(DiptychLink) reversed = diptych_link_new (DIPTYCH_SPAN_INIT (300, 200), DIPTYCH_SPAN_INIT (50, 60),
                                                      DIPTYCH_LINK_IDENTICAL, 0.5, DIPTYCH_STATE_AUTO);
  g_autoptr(DiptychOmission) omission = diptych_omission_new (DIPTYCH_SIDE_B, DIPTYCH_SPAN_INIT (G_MAXUINT - 5, G_MAXUINT),
                                                              DIPTYCH_STATE_AUTO);
  DiptychWordOp op = { DIPTYCH_WORD_CHANGED, DIPTYCH_DISCREPANCY_DATE,
                       DIPTYCH_SPAN_INIT (4999990, 5000010), DIPTYCH_SPAN_INIT (3, 1) };
  DiptychLinkMap *map = DIPTYCH_LINK_MAP (diptych_comparison_get_link_map (fixture->comparison));
  DiptychSelection *selection = diptych_comparison_get_selection (fixture->comparison);
  GtkSnapshot *snapshot;
  GskRenderNode *node;
  guint n = 0;

  diptych_link_set_word_ops (beyond, &op, 1);
  diptych_link_add_uncovered (beyond, DIPTYCH_SIDE_A, DIPTYCH_SPAN_INIT (4999000, 4999500));
  diptych_alignment_add_link (alignment, beyond);
  diptych_alignment_add_link (alignment, reversed);
  diptych_alignment_add_omission (alignment, omission);
  diptych_project_set_alignment (fixture->project, alignment);
  diptych_comparison_flush (fixture->comparison);

  /* The reversed link has no extent on A and is not shown there. */
  g_assert_cmpuint (diptych_span_index_get_n_entries (diptych_selection_get_index (selection), DIPTYCH_SIDE_A), ==, 1);
  g_assert_true (has_tag (fixture->views[0], 20, "diptych-partial"));

  diptych_selection_set_item (selection, beyond);
  g_assert_true (has_tag (fixture->views[0], 20, "diptych-selected-partial"));
  snapshot = gtk_snapshot_new ();
  GTK_WIDGET_GET_CLASS (map)->snapshot (GTK_WIDGET (map), snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_clear_pointer (&node, gsk_render_node_unref);

  restart_in (fixture, DIPTYCH_SIDE_B);
  while (diptych_comparison_step (fixture->comparison, DIPTYCH_TYPE_OMISSION, TRUE) != NULL)
    n++;
  g_assert_cmpuint (n, ==, 1);
  /* In the left document's order: the link past the end and B's omission. */
  g_assert_cmpuint (g_list_model_get_n_items (diptych_differences_get_model (
                      DIPTYCH_DIFFERENCES (diptych_comparison_get_differences (fixture->comparison)))), ==, 2);
}

/* The view inside the window: widgets in their places, alignment in the
 * background, the window's actions. */
static void
test_window (void)
{
  g_autoptr(DiptychApplication) app = g_object_new (DIPTYCH_TYPE_APPLICATION,
                                                    "application-id", "io.github.diptych.Diptych.ViewTest",
                                                    "flags", G_APPLICATION_NON_UNIQUE,
                                                    NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  DiptychWindow *window;
  DiptychComparison *comparison;
  DiptychSelection *selection;
  gint64 deadline;

  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  window = diptych_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  comparison = diptych_window_get_comparison (window);
  selection = diptych_comparison_get_selection (comparison);

  g_assert_true (gtk_widget_get_parent (diptych_comparison_get_link_map (comparison)) ==
                 GTK_WIDGET (diptych_window_get_link_map_slot (window)));
  g_assert_true (gtk_widget_get_ancestor (diptych_comparison_get_inspector (comparison), GTK_TYPE_STACK) ==
                 GTK_WIDGET (diptych_window_get_sidebar_stack (window)));

  g_assert_true (diptych_window_open_text (window, DIPTYCH_SIDE_A,
                                           "The ministers agreed on a ceasefire in the region. "
                                           "The talks ended with a dinner at the palace.", "A"));
  g_assert_false (diptych_comparison_get_aligning (comparison));
  g_assert_true (diptych_window_open_text (window, DIPTYCH_SIDE_B,
                                           "Both sides discussed the exchange of prisoners. "
                                           "The ministers agreed to a ceasefire in the region.", "B"));
  /* The text is there at once, the links later. */
  g_assert_true (diptych_comparison_get_aligning (comparison));
  g_assert_cmpint (gtk_text_buffer_get_char_count (gtk_text_view_get_buffer (
                     diptych_pane_get_view (diptych_window_get_pane (window, DIPTYCH_SIDE_B)))), >, 50);
  deadline = g_get_monotonic_time () + TIMEOUT_SECONDS * G_USEC_PER_SEC;
  while (diptych_comparison_get_aligning (comparison) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (diptych_comparison_get_aligning (comparison));
  diptych_comparison_flush (comparison);
  g_assert_cmpuint (g_list_model_get_n_items (diptych_project_get_links (diptych_window_get_project (window))), >, 0);

  /* Alt+Down reaches the window before the focused source view, which
   * has its own use for it. */
  {
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
    GtkShortcutController *shortcuts = NULL;
    gboolean found = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

        if (g_strcmp0 (gtk_event_controller_get_name (controller), "diptych-view-shortcuts") == 0)
          shortcuts = GTK_SHORTCUT_CONTROLLER (controller);
      }
    g_assert_nonnull (shortcuts);
    g_assert_cmpint (gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (shortcuts)), ==, GTK_PHASE_CAPTURE);
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (shortcuts)); i++)
      {
        g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (shortcuts), i);
        g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
        g_autofree char *action = gtk_shortcut_action_to_string (gtk_shortcut_get_action (shortcut));

        if (g_str_equal (trigger, "<Alt>Down"))
          {
            g_assert_cmpstr (action, ==, "action(win.next-link)");
            found = TRUE;
          }
      }
    g_assert_true (found);
  }

  g_assert_null (diptych_selection_get_item (selection));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-link", NULL));
  g_assert_true (DIPTYCH_IS_LINK (diptych_selection_get_item (selection)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-omission", NULL));
  g_assert_true (DIPTYCH_IS_OMISSION (diptych_selection_get_item (selection)));

  g_assert_true (diptych_scroll_sync_get_enabled (diptych_comparison_get_scroll_sync (comparison)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.sync-scrolling", NULL));
  g_assert_false (g_settings_get_boolean (settings, "sync-scrolling"));
  g_assert_false (diptych_scroll_sync_get_enabled (diptych_comparison_get_scroll_sync (comparison)));
  g_settings_set_boolean (settings, "sync-scrolling", TRUE);
  g_assert_true (diptych_scroll_sync_get_enabled (diptych_comparison_get_scroll_sync (comparison)));

  g_settings_set_double (settings, "zoom", 1.0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL));
  g_assert_cmpfloat (g_settings_get_double (settings, "zoom"), >, 1.0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-reset", NULL));
  g_assert_cmpfloat (g_settings_get_double (settings, "zoom"), ==, 1.0);

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  gtk_source_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/view/highlights", test_highlights);
  ADD ("/view/calm-styles", test_calm_styles);
  ADD ("/view/select-by-cursor", test_select_by_cursor);
  ADD ("/view/retag-changes", test_retag_changes);
  ADD ("/view/navigation", test_navigation);
  ADD ("/view/scroll-sync", test_scroll_sync);
  ADD ("/view/differences-order", test_differences_order);
  ADD ("/view/link-map", test_link_map);
  ADD ("/view/pointer", test_pointer);
  ADD ("/view/find", test_find);
  ADD ("/view/hostile-spans", test_hostile_spans);
  ADD ("/view/zoom", test_zoom);
  g_test_add_func ("/view/real-aligner", test_real_aligner);
  g_test_add_func ("/view/window", test_window);

  return g_test_run ();
}
