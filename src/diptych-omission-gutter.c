/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "diptych-omission-gutter"

#include "config.h"

#include <adwaita.h>

#include "diptych-omission-gutter.h"
#include "diptych-view-util.h"

#define BAR_WIDTH 4
#define OMISSION_TAG "diptych-omission"

struct _DiptychOmissionGutter
{
  GtkSourceGutterRenderer parent_instance;
};

G_DEFINE_FINAL_TYPE (DiptychOmissionGutter, diptych_omission_gutter, GTK_SOURCE_TYPE_GUTTER_RENDERER)

static void
tag_changed_cb (GtkTextBuffer *buffer,
                GtkTextTag    *tag,
                GtkTextIter   *start,
                GtkTextIter   *end,
                gpointer       data)
{
  g_autofree char *name = NULL;

  g_object_get (tag, "name", &name, NULL);
  if (g_strcmp0 (name, OMISSION_TAG) == 0)
    gtk_widget_queue_draw (data);
}

static void
diptych_omission_gutter_change_buffer (GtkSourceGutterRenderer *renderer,
                                       GtkSourceBuffer         *old_buffer)
{
  GtkSourceBuffer *buffer = gtk_source_gutter_renderer_get_buffer (renderer);

  if (old_buffer != NULL)
    g_signal_handlers_disconnect_by_data (old_buffer, renderer);
  if (buffer != NULL)
    {
      g_signal_connect_object (buffer, "apply-tag", G_CALLBACK (tag_changed_cb), renderer, G_CONNECT_AFTER);
      g_signal_connect_object (buffer, "remove-tag", G_CALLBACK (tag_changed_cb), renderer, G_CONNECT_AFTER);
    }
  gtk_widget_queue_draw (GTK_WIDGET (renderer));
}

/* The top and bottom, in buffer coordinates, of the display lines that
 * [start, end) covers. */
static void
range_yrange (GtkTextView       *view,
              const GtkTextIter *start,
              const GtkTextIter *end,
              int               *top,
              int               *bottom)
{
  GtkTextIter last = *end;
  GdkRectangle rect;

  if (gtk_text_iter_compare (&last, start) > 0)
    gtk_text_iter_backward_char (&last);
  gtk_text_view_get_iter_location (view, start, &rect);
  *top = rect.y;
  gtk_text_view_get_iter_location (view, &last, &rect);
  *bottom = rect.y + rect.height;
}

static void
diptych_omission_gutter_snapshot_line (GtkSourceGutterRenderer *renderer,
                                       GtkSnapshot             *snapshot,
                                       GtkSourceGutterLines    *lines,
                                       guint                    line)
{
  GtkTextView *view = GTK_TEXT_VIEW (gtk_source_gutter_renderer_get_view (renderer));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), OMISSION_TAG);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GtkTextIter iter, line_end;
  int line_y, line_height, line_top, unused;
  GdkRGBA color;

  if (tag == NULL)
    return;

  gtk_text_buffer_get_iter_at_line (buffer, &iter, line);
  line_end = iter;
  if (!gtk_text_iter_ends_line (&line_end))
    gtk_text_iter_forward_to_line_end (&line_end);
  gtk_source_gutter_lines_get_line_yrange (lines, line, GTK_SOURCE_GUTTER_RENDERER_ALIGNMENT_MODE_CELL,
                                           &line_y, &line_height);
  gtk_text_view_get_line_yrange (view, &iter, &line_top, &unused);

  /* An omission has no link: the helper gives the omission color. */
  diptych_link_kind_get_rgba (NULL, dark, 1.0, &color);

  if (!gtk_text_iter_has_tag (&iter, tag) && !gtk_text_iter_forward_to_tag_toggle (&iter, tag))
    return;
  while (gtk_text_iter_compare (&iter, &line_end) < 0)
    {
      GtkTextIter end = iter;
      int top, bottom;

      gtk_text_iter_forward_to_tag_toggle (&end, tag);
      if (gtk_text_iter_compare (&end, &line_end) > 0)
        end = line_end;
      range_yrange (view, &iter, &end, &top, &bottom);
      gtk_snapshot_append_color (snapshot, &color,
                                 &GRAPHENE_RECT_INIT (gtk_widget_get_width (GTK_WIDGET (renderer)) - BAR_WIDTH - 2,
                                                      line_y + top - line_top, BAR_WIDTH, bottom - top));

      /* On to the next omission of this line, if any. */
      iter = end;
      if (!gtk_text_iter_forward_to_tag_toggle (&iter, tag))
        break;
    }
}

static void
diptych_omission_gutter_class_init (DiptychOmissionGutterClass *klass)
{
  GtkSourceGutterRendererClass *renderer_class = GTK_SOURCE_GUTTER_RENDERER_CLASS (klass);

  renderer_class->change_buffer = diptych_omission_gutter_change_buffer;
  renderer_class->snapshot_line = diptych_omission_gutter_snapshot_line;
}

static void
diptych_omission_gutter_init (DiptychOmissionGutter *self)
{
  gtk_widget_set_size_request (GTK_WIDGET (self), BAR_WIDTH + 4, -1);
}

/**
 * diptych_omission_gutter_attach:
 *
 * Adds the omission bars to the left gutter of @view.
 */
void
diptych_omission_gutter_attach (GtkSourceView *view)
{
  GtkSourceGutter *gutter;

  g_return_if_fail (GTK_SOURCE_IS_VIEW (view));

  gutter = gtk_source_view_get_gutter (view, GTK_TEXT_WINDOW_LEFT);
  gtk_source_gutter_insert (gutter, g_object_new (DIPTYCH_TYPE_OMISSION_GUTTER, NULL), 0);
}
