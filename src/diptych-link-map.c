/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "diptych-link-map"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "diptych-link-map.h"
#include "diptych-view-util.h"

#define STUB_FRACTION 0.32
#define ARROW_SIZE 5.0

typedef struct
{
  DiptychLink *link;          /* not owned: the index holds it */
  double       y[DIPTYCH_N_SIDES][2];
  int          off[DIPTYCH_N_SIDES];   /* -1 above, +1 below, 0 in view */
} Band;

struct _DiptychLinkMap
{
  GtkWidget         parent_instance;

  DiptychSelection *selection;
  DiptychSpanIndex *index;    /* the one the bands were computed with */
  GtkTextView      *views[DIPTYCH_N_SIDES];
  GArray           *bands;
};

G_DEFINE_FINAL_TYPE (DiptychLinkMap, diptych_link_map, GTK_TYPE_WIDGET)

static void
band_path (cairo_t    *cr,
           const Band *band,
           double      width)
{
  const double *a = band->y[DIPTYCH_SIDE_A];
  const double *b = band->y[DIPTYCH_SIDE_B];

  if (band->off[DIPTYCH_SIDE_A] == 0 && band->off[DIPTYCH_SIDE_B] == 0)
    {
      double mid = width / 2;

      cairo_move_to (cr, 0, a[0]);
      cairo_curve_to (cr, mid, a[0], mid, b[0], width, b[0]);
      cairo_line_to (cr, width, b[1]);
      cairo_curve_to (cr, mid, b[1], mid, a[1], 0, a[1]);
      cairo_close_path (cr);
      return;
    }

  /* A stub from the side in view, narrowing to an arrow that points
   * where the counterpart is. */
  for (guint side = 0; side < DIPTYCH_N_SIDES; side++)
    {
      const double *y = band->y[side];
      int off = band->off[DIPTYCH_OTHER_SIDE (side)];
      double dir = side == DIPTYCH_SIDE_A ? 1 : -1;
      double x0 = side == DIPTYCH_SIDE_A ? 0 : width;
      double x1 = x0 + dir * width * STUB_FRACTION;
      double yc = (y[0] + y[1]) / 2;
      double tip = yc + off * (ARROW_SIZE * 2 + 2);

      if (band->off[side] != 0)
        continue;

      cairo_move_to (cr, x0, y[0]);
      cairo_curve_to (cr, (x0 + x1) / 2, y[0], (x0 + x1) / 2, yc - 2, x1, yc - 2);
      cairo_line_to (cr, x1, yc + 2);
      cairo_curve_to (cr, (x0 + x1) / 2, yc + 2, (x0 + x1) / 2, y[1], x0, y[1]);
      cairo_close_path (cr);

      cairo_move_to (cr, x1 + dir * 1 - ARROW_SIZE, yc);
      cairo_line_to (cr, x1 + dir * 1 + ARROW_SIZE, yc);
      cairo_line_to (cr, x1 + dir * 1, tip);
      cairo_close_path (cr);
    }
}

/* Not only color tells the kinds apart: identical bands have a solid
 * edge, reworded ones a dashed edge, partial ones a dotted edge. */
static void
set_kind_dash (cairo_t     *cr,
               DiptychLink *link)
{
  static const double dashed[] = { 6.0, 3.0 };
  static const double dotted[] = { 1.5, 2.5 };

  switch (diptych_link_get_kind (link))
    {
    case DIPTYCH_LINK_REWORDED:
      cairo_set_dash (cr, dashed, G_N_ELEMENTS (dashed), 0);
      break;
    case DIPTYCH_LINK_PARTIAL:
      cairo_set_dash (cr, dotted, G_N_ELEMENTS (dotted), 0);
      break;
    case DIPTYCH_LINK_IDENTICAL:
    default:
      cairo_set_dash (cr, NULL, 0, 0);
      break;
    }
}

static void
compute_bands (DiptychLinkMap *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  double height = gtk_widget_get_height (GTK_WIDGET (self));

  g_array_set_size (self->bands, 0);
  g_clear_pointer (&self->index, diptych_span_index_unref);
  if (self->views[0] == NULL || self->views[1] == NULL)
    return;

  self->index = diptych_span_index_ref (diptych_selection_get_index (self->selection));
  for (guint side = 0; side < DIPTYCH_N_SIDES; side++)
    diptych_span_index_query (self->index, side,
                              diptych_text_view_get_visible_span (self->views[side]), items);

  for (guint i = 0; i < items->len; i++)
    {
      DiptychLink *link = items->pdata[i];
      Band band = { link };

      if (!DIPTYCH_IS_LINK (link) || !g_hash_table_add (seen, link))
        continue;

      for (guint side = 0; side < DIPTYCH_N_SIDES; side++)
        {
          int y, h;

          diptych_text_view_get_span_yrange (self->views[side], diptych_link_get_span (link, side), &y, &h);
          band.y[side][0] = diptych_text_view_to_widget_y (self->views[side], GTK_WIDGET (self), y);
          band.y[side][1] = band.y[side][0] + h;
          band.off[side] = band.y[side][1] < 0 ? -1 : band.y[side][0] > height ? 1 : 0;
        }
      g_array_append_val (self->bands, band);
    }
}

static void
diptych_link_map_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  DiptychLinkMap *self = DIPTYCH_LINK_MAP (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  DiptychLink *selected = diptych_selection_get_link (self->selection);
  const Band *selected_band = NULL;
  GdkRGBA outline;
  double fill_alpha;
  cairo_t *cr;

  compute_bands (self);
  if (self->bands->len == 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_set_line_width (cr, 1.0);

  /* Where many bands cross, lighter fills keep the crossings apart;
   * the edges (solid, dashed, dotted by kind) stay strong. */
  fill_alpha = (dark ? 0.40 : 0.32) * CLAMP (12.0 / self->bands->len, 0.6, 1.0);
  for (guint i = 0; i < self->bands->len; i++)
    {
      const Band *band = &g_array_index (self->bands, Band, i);
      GdkRGBA color;

      if (band->link == selected)
        {
          selected_band = band;
          continue;
        }
      diptych_link_kind_get_rgba (band->link, dark, fill_alpha, &color);
      band_path (cr, band, width);
      gdk_cairo_set_source_rgba (cr, &color);
      cairo_fill_preserve (cr);
      /* A darker edge on a light background, so its dashes show. */
      if (!dark)
        color.red *= 0.8, color.green *= 0.8, color.blue *= 0.8;
      color.alpha = dark ? 0.85 : 0.9;
      gdk_cairo_set_source_rgba (cr, &color);
      set_kind_dash (cr, band->link);
      cairo_stroke (cr);
    }

  if (selected_band != NULL)
    {
      GdkRGBA color;

      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      gtk_style_context_get_color (gtk_widget_get_style_context (widget), &outline);
      G_GNUC_END_IGNORE_DEPRECATIONS
      diptych_link_kind_get_rgba (selected_band->link, dark, 0.9, &color);
      band_path (cr, selected_band, width);
      gdk_cairo_set_source_rgba (cr, &color);
      cairo_fill_preserve (cr);
      cairo_set_line_width (cr, 2.0);
      gdk_cairo_set_source_rgba (cr, &outline);
      set_kind_dash (cr, selected_band->link);
      cairo_stroke (cr);
    }

  cairo_destroy (cr);
}

/**
 * diptych_link_map_get_link_at:
 *
 * Returns: (transfer none) (nullable): the link whose band (as last
 *   drawn) is at @x, @y; the selected one, then the last drawn, wins
 */
gpointer
diptych_link_map_get_link_at (DiptychLinkMap *self,
                              double          x,
                              double          y)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  DiptychLink *selected;
  gpointer found = NULL;

  g_return_val_if_fail (DIPTYCH_IS_LINK_MAP (self), NULL);

  selected = diptych_selection_get_link (self->selection);
  surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cr = cairo_create (surface);

  for (guint i = self->bands->len; i > 0; i--)
    {
      const Band *band = &g_array_index (self->bands, Band, i - 1);

      cairo_new_path (cr);
      band_path (cr, band, width);
      /* A little slack, so thin bands can be hit. */
      cairo_set_line_width (cr, 4.0);
      if (cairo_in_fill (cr, x, y) || cairo_in_stroke (cr, x, y))
        {
          found = band->link;
          if (found == selected)
            break;
        }
    }

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return found;
}

guint
diptych_link_map_get_n_bands (DiptychLinkMap *self)
{
  g_return_val_if_fail (DIPTYCH_IS_LINK_MAP (self), 0);
  return self->bands->len;
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            DiptychLinkMap  *self)
{
  gpointer link = diptych_link_map_get_link_at (self, x, y);

  if (link != NULL)
    {
      diptych_selection_set_item (self->selection, link);
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
    }
}

static void
diptych_link_map_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 32 : 0;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 96 : 0;
}

static void
diptych_link_map_dispose (GObject *object)
{
  DiptychLinkMap *self = (DiptychLinkMap *) object;

  g_clear_pointer (&self->index, diptych_span_index_unref);
  g_clear_object (&self->selection);
  g_clear_object (&self->views[0]);
  g_clear_object (&self->views[1]);

  G_OBJECT_CLASS (diptych_link_map_parent_class)->dispose (object);
}

static void
diptych_link_map_finalize (GObject *object)
{
  DiptychLinkMap *self = (DiptychLinkMap *) object;

  g_array_unref (self->bands);

  G_OBJECT_CLASS (diptych_link_map_parent_class)->finalize (object);
}

static void
diptych_link_map_class_init (DiptychLinkMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = diptych_link_map_dispose;
  object_class->finalize = diptych_link_map_finalize;
  widget_class->snapshot = diptych_link_map_snapshot;
  widget_class->measure = diptych_link_map_measure;

  gtk_widget_class_set_css_name (widget_class, "linkmap");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
diptych_link_map_init (DiptychLinkMap *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->bands = g_array_new (FALSE, FALSE, sizeof (Band));
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Links between the documents"),
                                  -1);
}

static void
watch_view (DiptychLinkMap *self,
            GtkTextView    *view)
{
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));

  if (vadjustment != NULL)
    {
      g_signal_connect_object (vadjustment, "value-changed",
                               G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (vadjustment, "changed",
                               G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
    }
  g_signal_connect_object (view, "notify::vadjustment",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
}

GtkWidget *
diptych_link_map_new (DiptychSelection *selection,
                      GtkTextView      *view_a,
                      GtkTextView      *view_b)
{
  DiptychLinkMap *self;

  g_return_val_if_fail (DIPTYCH_IS_SELECTION (selection), NULL);
  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view_a), NULL);
  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view_b), NULL);

  self = g_object_new (DIPTYCH_TYPE_LINK_MAP, NULL);
  self->selection = g_object_ref (selection);
  self->views[DIPTYCH_SIDE_A] = g_object_ref (view_a);
  self->views[DIPTYCH_SIDE_B] = g_object_ref (view_b);

  watch_view (self, view_a);
  watch_view (self, view_b);
  g_signal_connect_object (selection, "index-changed",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (selection, "notify::item",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);

  return GTK_WIDGET (self);
}
