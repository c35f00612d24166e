/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "diptych-overview"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "diptych-overview.h"
#include "diptych-view-util.h"

/* Per pixel row of the strip: what is drawn there. Computed once per
 * layout, size or model change, so a frame draws at most one rectangle
 * per row whatever the number of links. */
typedef struct
{
  gpointer item;      /* the most severe item at the row, or NULL */
} Row;

struct _DiptychOverview
{
  GtkWidget         parent_instance;

  DiptychSelection *selection;
  DiptychSide       side;
  GtkTextView      *view;
  GtkAdjustment    *adjustment;
  DiptychSpanIndex *index;      /* holds the items of rows */
  GArray           *rows;
  int               rows_height;
  double            rows_upper;
};

G_DEFINE_FINAL_TYPE (DiptychOverview, diptych_overview, GTK_TYPE_WIDGET)

/* Omissions stand out over partial links, over the rest. */
static int
severity (gpointer item)
{
  if (item == NULL)
    return -1;
  if (DIPTYCH_IS_OMISSION (item))
    return 10;
  return diptych_link_get_kind (item);
}

static void
invalidate (DiptychOverview *self)
{
  self->rows_height = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
compute_rows (DiptychOverview *self,
              int              height)
{
  double upper = self->adjustment ? gtk_adjustment_get_upper (self->adjustment) : 0;
  guint n;

  /* While a long text is being laid out its height grows in small
   * steps: positions move by less than a pixel row until it has grown
   * by a few percent. */
  if (self->rows_height == height && self->index != NULL &&
      fabs (upper - self->rows_upper) <= self->rows_upper * 0.02)
    return;

  g_clear_pointer (&self->index, diptych_span_index_unref);
  self->index = diptych_span_index_ref (diptych_selection_get_index (self->selection));
  self->rows_height = height;
  self->rows_upper = upper;
  g_array_set_size (self->rows, 0);
  g_array_set_size (self->rows, MAX (height, 0));
  memset (self->rows->data, 0, sizeof (Row) * self->rows->len);
  if (upper <= 0 || height <= 0)
    return;

  n = diptych_span_index_get_n_entries (self->index, self->side);
  for (guint i = 0; i < n; i++)
    {
      DiptychSpan span;
      gpointer item = diptych_span_index_get_entry (self->index, self->side, i, &span);
      int y, h, first, last;

      diptych_text_view_estimate_span_yrange (self->view, span, &y, &h);
      first = CLAMP ((int) (y / upper * height), 0, height - 1);
      last = CLAMP ((int) ((y + h) / upper * height), first, height - 1);
      for (int row = first; row <= last; row++)
        {
          Row *r = &g_array_index (self->rows, Row, row);
          if (severity (item) > severity (r->item))
            r->item = item;
        }
    }
}

static void
diptych_overview_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  DiptychOverview *self = DIPTYCH_OVERVIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  gpointer selected = diptych_selection_get_item (self->selection);
  GdkRGBA frame;
  double upper, value, page;
  int row = 0;

  compute_rows (self, height);

  /* Runs of rows with the same item become one rectangle. */
  while (row < height)
    {
      gpointer item = g_array_index (self->rows, Row, row).item;
      int end = row + 1;
      GdkRGBA color;

      while (end < height && g_array_index (self->rows, Row, end).item == item)
        end++;
      if (item != NULL)
        {
          int h = MAX (end - row, 2);

          diptych_link_kind_get_rgba (item, dark, item == selected ? 1.0 : 0.75, &color);
          if (DIPTYCH_IS_OMISSION (item))
            {
              /* Omissions stand out by shape too: the strip's full width
               * with a frame, where links are an inset bar. */
              graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, row, width, h);
              GskRoundedRect outline;
              float widths[4] = { 1, 1, 1, 1 };
              GdkRGBA edge = color, edges[4];

              edge.red *= 0.55, edge.green *= 0.55, edge.blue *= 0.55, edge.alpha = 1.0;
              for (guint i = 0; i < 4; i++)
                edges[i] = edge;
              color.alpha = 1.0;
              gtk_snapshot_append_color (snapshot, &color, &bounds);
              gsk_rounded_rect_init_from_rect (&outline, &bounds, 0);
              gtk_snapshot_append_border (snapshot, &outline, widths, edges);
            }
          else
            gtk_snapshot_append_color (snapshot, &color, &GRAPHENE_RECT_INIT (3, row, width - 6, h));
        }
      row = end;
    }

  if (self->adjustment == NULL || (upper = gtk_adjustment_get_upper (self->adjustment)) <= 0)
    return;

  value = gtk_adjustment_get_value (self->adjustment);
  page = gtk_adjustment_get_page_size (self->adjustment);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &frame);
  G_GNUC_END_IGNORE_DEPRECATIONS
  {
    GskRoundedRect outline;
    float widths[4] = { 1.5, 1.5, 1.5, 1.5 };
    GdkRGBA colors[4];

    frame.alpha = 0.6;
    for (guint i = 0; i < 4; i++)
      colors[i] = frame;
    gsk_rounded_rect_init_from_rect (&outline,
                                     &GRAPHENE_RECT_INIT (0.5, value / upper * height,
                                                          width - 1, MAX (page / upper * height, 4)),
                                     2);
    gtk_snapshot_append_border (snapshot, &outline, widths, colors);
    frame.alpha = 0.08;
    gtk_snapshot_append_color (snapshot, &frame, &outline.bounds);
  }
}

static void
scroll_to (DiptychOverview *self,
           double           y)
{
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double buffer_y;

  if (self->adjustment == NULL || height <= 0)
    return;

  /* The text under the pointer goes to the middle of the view: aim at
   * the text, not at a height, as heights are estimates until the view
   * has laid its text out. */
  buffer_y = CLAMP (y / height, 0, 1) * gtk_adjustment_get_upper (self->adjustment);
  diptych_text_view_scroll_to_offset (self->view, diptych_text_view_get_offset_at_y (self->view, (int) buffer_y), 0.5);
}

static void
drag_begin_cb (GtkGestureDrag  *gesture,
               double           x,
               double           y,
               DiptychOverview *self)
{
  scroll_to (self, y);
}

static void
drag_update_cb (GtkGestureDrag  *gesture,
                double           dx,
                double           dy,
                DiptychOverview *self)
{
  double x, y;

  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  scroll_to (self, y + dy);
}

static void
adjustment_notify_cb (DiptychOverview *self)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->view));

  if (adjustment == self->adjustment)
    return;
  if (self->adjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->adjustment, self);
  g_set_object (&self->adjustment, adjustment);
  if (adjustment != NULL)
    {
      g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (gtk_widget_queue_draw), self);
      /* upper changes when the text is laid out or rewrapped */
      g_signal_connect_swapped (adjustment, "changed", G_CALLBACK (gtk_widget_queue_draw), self);
    }
  invalidate (self);
}

static void
diptych_overview_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  *minimum = *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 14 : 0;
}

static void
diptych_overview_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  invalidate (DIPTYCH_OVERVIEW (widget));
}

static void
diptych_overview_dispose (GObject *object)
{
  DiptychOverview *self = (DiptychOverview *) object;

  if (self->adjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->adjustment, self);
  g_clear_object (&self->adjustment);
  g_clear_pointer (&self->index, diptych_span_index_unref);
  g_clear_object (&self->selection);
  g_clear_object (&self->view);

  G_OBJECT_CLASS (diptych_overview_parent_class)->dispose (object);
}

static void
diptych_overview_finalize (GObject *object)
{
  DiptychOverview *self = (DiptychOverview *) object;

  g_array_unref (self->rows);

  G_OBJECT_CLASS (diptych_overview_parent_class)->finalize (object);
}

static void
diptych_overview_class_init (DiptychOverviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = diptych_overview_dispose;
  object_class->finalize = diptych_overview_finalize;
  widget_class->snapshot = diptych_overview_snapshot;
  widget_class->measure = diptych_overview_measure;
  widget_class->size_allocate = diptych_overview_size_allocate;

  gtk_widget_class_set_css_name (widget_class, "overview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
diptych_overview_init (DiptychOverview *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();

  self->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  self->rows_height = -1;
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Overview of links and omissions"),
                                  -1);
}

GtkWidget *
diptych_overview_new (DiptychSelection *selection,
                      DiptychSide       side,
                      GtkTextView      *view)
{
  DiptychOverview *self;

  g_return_val_if_fail (DIPTYCH_IS_SELECTION (selection), NULL);
  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view), NULL);

  self = g_object_new (DIPTYCH_TYPE_OVERVIEW, NULL);
  self->selection = g_object_ref (selection);
  self->side = side;
  self->view = g_object_ref (view);

  g_signal_connect_object (view, "notify::vadjustment",
                           G_CALLBACK (adjustment_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (selection, "index-changed",
                           G_CALLBACK (invalidate), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (selection, "notify::item",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
  adjustment_notify_cb (self);
  return GTK_WIDGET (self);
}
