/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Draws the link map (and the overview strips) of two ~1 MB documents
 * with 10,000 links at scroll positions over the whole document, and
 * prints the time per frame. Run under Xvfb:
 *   GSK_RENDERER=cairo xvfb-run -a build/bench/bench-linkmap [N_LINKS] [FRAMES] */
#include "config.h"

#include <adwaita.h>
#include <gtksourceview/gtksource.h>

#include "diptych-comparison.h"
#include "diptych-link-map.h"

static const char *words[] = {
  "ceasefire", "energy", "infrastructure", "leaders", "agreed", "peace", "Ukraine", "talks",
  "prisoners", "exchange", "security", "relations", "discussed", "future", "economic", "region",
};

static char *
make_text (guint        n,
           guint        seed,
           DiptychSpan *spans)
{
  GString *text = g_string_new (NULL);
  GRand *rand = g_rand_new_with_seed (seed);

  for (guint i = 0; i < n; i++)
    {
      guint start = text->len;   /* ASCII: bytes are characters */
      guint n_words = 8 + g_rand_int_range (rand, 0, 14);

      g_string_append_printf (text, "Passage %u:", i);
      for (guint w = 0; w < n_words; w++)
        g_string_append_printf (text, " %s", words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      g_string_append_c (text, '.');
      spans[i] = DIPTYCH_SPAN_INIT (start, text->len);
      g_string_append (text, i % 4 == 3 ? "\n\n" : " ");
    }
  g_rand_free (rand);
  return g_string_free (text, FALSE);
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static void
iterate (guint ms)
{
  double end = now_ms () + ms;

  while (now_ms () < end)
    g_main_context_iteration (NULL, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  guint n_links = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 10000;
  guint frames = argc > 2 ? (guint) g_ascii_strtoull (argv[2], NULL, 10) : 200;
  guint n = n_links + n_links / 10;
  g_autofree DiptychSpan *spans_a = g_new (DiptychSpan, n);
  g_autofree DiptychSpan *spans_b = g_new (DiptychSpan, n);
  g_autofree char *text_a = make_text (n, 1, spans_a);
  g_autofree char *text_b = make_text (n, 2, spans_b);
  g_autoptr(DiptychProject) project = diptych_project_new ();
  g_autoptr(DiptychAlignment) alignment = diptych_alignment_new (NULL);
  g_autoptr(DiptychComparison) comparison = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  GtkTextView *views[2];
  GtkWidget *window, *box, *map;
  GtkAdjustment *adjustment;
  cairo_surface_t *surface;
  double t0, t_text, t_highlight, total = 0, worst = 0;
  guint *order = g_new (guint, n);

  gtk_init ();
  adw_init ();
  gtk_source_init ();

  /* B's passages: A's order with blocks of 12 shuffled, so links cross
   * locally as in reordered readouts; every eleventh passage unmatched. */
  for (guint i = 0; i < n; i++)
    order[i] = i;
  for (guint i = 0; i + 12 <= n; i += 12)
    for (guint j = 11; j > 0; j--)
      {
        guint k = g_rand_int_range (rand, 0, j + 1), tmp = order[i + j];
        order[i + j] = order[i + k];
        order[i + k] = tmp;
      }

  for (guint i = 0, made = 0; i < n && made < n_links; i++)
    {
      if (i % 11 == 10)
        {
          g_autoptr(DiptychOmission) omission = diptych_omission_new (DIPTYCH_SIDE_A, spans_a[i], DIPTYCH_STATE_AUTO);
          diptych_alignment_add_omission (alignment, omission);
          continue;
        }
      {
        g_autoptr(DiptychLink) link = diptych_link_new (spans_a[i], spans_b[order[i]], made % 3, 0.8, DIPTYCH_STATE_AUTO);
        diptych_alignment_add_link (alignment, link);
        made++;
      }
    }

  window = gtk_window_new ();
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);

  t0 = now_ms ();
  for (guint side = 0; side < 2; side++)
    {
      const char *text = side ? text_b : text_a;
      g_autoptr(DiptychDocument) document = diptych_document_new (text, -1, NULL, NULL, "text", NULL, NULL);
      GtkWidget *scrolled = gtk_scrolled_window_new ();

      views[side] = GTK_TEXT_VIEW (gtk_source_view_new ());
      gtk_text_view_set_wrap_mode (views[side], GTK_WRAP_WORD_CHAR);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (views[side]), text, -1);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (views[side]));
      gtk_widget_set_hexpand (scrolled, TRUE);
      diptych_project_set_document (project, side, document);
      if (side == 0)
        gtk_box_append (GTK_BOX (box), scrolled);
      else
        {
          comparison = diptych_comparison_new (project, views[0], views[1]);
          diptych_comparison_cancel_alignment (comparison);
          gtk_box_append (GTK_BOX (box), diptych_comparison_get_overview (comparison, DIPTYCH_SIDE_A));
          gtk_box_append (GTK_BOX (box), diptych_comparison_get_link_map (comparison));
          gtk_box_append (GTK_BOX (box), scrolled);
          gtk_box_append (GTK_BOX (box), diptych_comparison_get_overview (comparison, DIPTYCH_SIDE_B));
        }
    }
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  iterate (200);
  t_text = now_ms () - t0;

  t0 = now_ms ();
  diptych_project_set_alignment (project, alignment);
  diptych_selection_flush (diptych_comparison_get_selection (comparison));
  /* The first batch is tagged at once; time it apart from the rest. */
  g_print ("new alignment shown (index, Differences list, first highlight batch): %.1f ms\n", now_ms () - t0);
  diptych_comparison_flush (comparison);
  t_highlight = now_ms () - t0;

  g_print ("documents: %u + %u characters, %u links, %u omissions\n",
           (guint) strlen (text_a), (guint) strlen (text_b),
           g_list_model_get_n_items (diptych_project_get_links (project)),
           g_list_model_get_n_items (diptych_project_get_omissions (project)));
  g_print ("text shown (set_text + first layout): %.1f ms\n", t_text);
  g_print ("all highlights applied (in idle batches in the app): %.1f ms\n", t_highlight);

  map = diptych_comparison_get_link_map (comparison);
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (views[0]));
  iterate (300);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, MAX (gtk_widget_get_width (map), 1),
                                        MAX (gtk_widget_get_height (map), 1));

  for (guint f = 0; f < frames; f++)
    {
      double upper = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
      GtkSnapshot *snapshot;
      GskRenderNode *node;
      cairo_t *cr;
      double start, elapsed;

      /* Scroll pane A (pane B follows through the links). */
      gtk_adjustment_set_value (adjustment, upper * f / MAX (frames - 1, 1));
      /* The text views lay out what is now in view (as they do before a
       * frame is drawn), not timed. */
      iterate (20);

      start = now_ms ();
      snapshot = gtk_snapshot_new ();
      GTK_WIDGET_GET_CLASS (map)->snapshot (map, snapshot);
      node = gtk_snapshot_free_to_node (snapshot);
      cr = cairo_create (surface);
      if (node != NULL)
        gsk_render_node_draw (node, cr);
      cairo_destroy (cr);
      elapsed = now_ms () - start;
      g_clear_pointer (&node, gsk_render_node_unref);

      total += elapsed;
      worst = MAX (worst, elapsed);
      if (f % (frames / 5 + 1) == 0 || elapsed > 20)
        g_print ("  frame %3u at %5.1f%%: %u bands, %.2f ms\n", f, 100.0 * f / MAX (frames - 1, 1),
                 diptych_link_map_get_n_bands (DIPTYCH_LINK_MAP (map)), elapsed);
    }
  g_print ("link map: %u frames, %.2f ms per frame on average, %.2f ms worst\n",
           frames, total / frames, worst);

  {
    GtkWidget *overview = diptych_comparison_get_overview (comparison, DIPTYCH_SIDE_A);
    double start;

    /* New links drop the cached positions. */
    g_signal_emit_by_name (diptych_comparison_get_selection (comparison), "index-changed");
    for (guint pass = 0; pass < 2; pass++)
      {
        GtkSnapshot *snapshot = gtk_snapshot_new ();
        GskRenderNode *node;

        start = now_ms ();
        GTK_WIDGET_GET_CLASS (overview)->snapshot (overview, snapshot);
        node = gtk_snapshot_free_to_node (snapshot);
        g_print ("overview strip, %s: %.2f ms\n", pass == 0 ? "first frame (positions computed)" : "next frame (cached)",
                 now_ms () - start);
        g_clear_pointer (&node, gsk_render_node_unref);
      }
  }

  cairo_surface_destroy (surface);
  gtk_window_destroy (GTK_WINDOW (window));
  g_free (order);
  return 0;
}
