/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "diptych-annotation-gutter"

#include "config.h"

#include "diptych-annotation-gutter.h"

#define BAR_WIDTH 4
#define BAR_GAP 2
#define MAX_BARS 3

struct _DiptychAnnotationGutter
{
  GtkSourceGutterRenderer  parent_instance;

  DiptychProject          *project;   /* weak: the window holds it */
  DiptychSide              side;
};

G_DEFINE_FINAL_TYPE (DiptychAnnotationGutter, diptych_annotation_gutter, GTK_SOURCE_TYPE_GUTTER_RENDERER)

/* The y range in buffer coordinates of the display lines holding
 * offsets [start, end) of @view's buffer. */
static void
span_yrange (GtkTextView *view,
             guint        start,
             guint        end,
             int         *y,
             int         *height)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter iter;
  GdkRectangle first, last;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, start);
  gtk_text_view_get_iter_location (view, &iter, &first);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, MAX (start, end - 1));
  gtk_text_view_get_iter_location (view, &iter, &last);
  *y = first.y;
  *height = last.y + last.height - first.y;
}

static void
diptych_annotation_gutter_snapshot_line (GtkSourceGutterRenderer *renderer,
                                         GtkSnapshot             *snapshot,
                                         GtkSourceGutterLines    *lines,
                                         guint                    line)
{
  DiptychAnnotationGutter *self = DIPTYCH_ANNOTATION_GUTTER (renderer);
  GtkTextView *view = GTK_TEXT_VIEW (gtk_source_gutter_renderer_get_view (renderer));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GListModel *annotations;
  guint n;
  guint length = (guint) gtk_text_buffer_get_char_count (buffer);
  GtkTextIter line_start, line_end;
  guint first, last, n_bars = 0;
  int cell_y, cell_height, line_y, line_height;

  if (self->project == NULL)
    return;
  annotations = diptych_project_get_annotations (self->project);
  n = g_list_model_get_n_items (annotations);

  gtk_text_buffer_get_iter_at_line (buffer, &line_start, (int) line);
  line_end = line_start;
  if (!gtk_text_iter_ends_line (&line_end))
    gtk_text_iter_forward_to_line_end (&line_end);
  first = gtk_text_iter_get_offset (&line_start);
  last = gtk_text_iter_get_offset (&line_end);

  gtk_source_gutter_lines_get_line_yrange (lines, line, GTK_SOURCE_GUTTER_RENDERER_ALIGNMENT_MODE_CELL,
                                           &cell_y, &cell_height);
  gtk_text_view_get_line_yrange (view, &line_start, &line_y, &line_height);

  for (guint i = 0; i < n && n_bars < MAX_BARS; i++)
    {
      g_autoptr(DiptychAnnotation) annotation = g_list_model_get_item (annotations, i);
      DiptychSpan span = diptych_annotation_get_span (annotation);
      const char *tag_name = diptych_annotation_get_tag (annotation);
      DiptychTag *tag = tag_name != NULL ? diptych_project_find_tag (self->project, tag_name) : NULL;
      GdkRGBA color;
      int y, height;

      if (diptych_annotation_get_side (annotation) != self->side ||
          diptych_annotation_get_orphaned (annotation) ||
          span.end > length || span.start >= span.end ||
          span.start > last || span.end <= first)
        continue;
      if (tag == NULL || !gdk_rgba_parse (&color, diptych_tag_get_color (tag)))
        gdk_rgba_parse (&color, "#77767b");

      span_yrange (view, MAX (span.start, first), MIN (span.end, MAX (last, first + 1)), &y, &height);
      gtk_snapshot_append_color (snapshot, &color,
                                 &GRAPHENE_RECT_INIT (BAR_GAP + n_bars * (BAR_WIDTH + BAR_GAP),
                                                      cell_y + (y - line_y),
                                                      BAR_WIDTH, MAX (height, 2)));
      n_bars++;
    }
}

static void
diptych_annotation_gutter_dispose (GObject *object)
{
  DiptychAnnotationGutter *self = DIPTYCH_ANNOTATION_GUTTER (object);

  g_clear_weak_pointer (&self->project);

  G_OBJECT_CLASS (diptych_annotation_gutter_parent_class)->dispose (object);
}

static void
diptych_annotation_gutter_class_init (DiptychAnnotationGutterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkSourceGutterRendererClass *renderer_class = GTK_SOURCE_GUTTER_RENDERER_CLASS (klass);

  object_class->dispose = diptych_annotation_gutter_dispose;
  renderer_class->snapshot_line = diptych_annotation_gutter_snapshot_line;
}

static void
diptych_annotation_gutter_init (DiptychAnnotationGutter *self)
{
  gtk_widget_set_size_request (GTK_WIDGET (self), BAR_GAP + MAX_BARS * (BAR_WIDTH + BAR_GAP), -1);
}

GtkSourceGutterRenderer *
diptych_annotation_gutter_new (DiptychProject *project,
                               DiptychSide     side)
{
  DiptychAnnotationGutter *self;

  g_return_val_if_fail (DIPTYCH_IS_PROJECT (project), NULL);

  self = g_object_new (DIPTYCH_TYPE_ANNOTATION_GUTTER, NULL);
  g_set_weak_pointer (&self->project, project);
  self->side = side;
  g_signal_connect_object (project, "changed", G_CALLBACK (gtk_widget_queue_draw), self,
                           G_CONNECT_SWAPPED);
  return GTK_SOURCE_GUTTER_RENDERER (self);
}
