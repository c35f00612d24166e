/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "diptych-scroll-sync"

#include "config.h"

#include "diptych-scroll-sync.h"
#include "diptych-view-util.h"

/* Where the eye rests while reading: a third from the top. */
#define READING_LINE 0.33

struct _DiptychScrollSync
{
  GObject           parent_instance;

  DiptychSelection *selection;
  GtkTextView      *views[DIPTYCH_N_SIDES];
  GtkAdjustment    *adjustments[DIPTYCH_N_SIDES];
  int               pending_leader; /* a follow the layout cut short, or -1 */
  DiptychSide       follow_leader;  /* the pane the scheduled follow follows */
  guint             follow_id;
  guint             enabled : 1;
  guint             in_sync : 1;   /* re-entrancy guard */
};

G_DEFINE_FINAL_TYPE (DiptychScrollSync, diptych_scroll_sync, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ENABLED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The reading line of @view, in buffer coordinates. */
double
diptych_scroll_sync_get_reading_line (GtkTextView *view)
{
  GdkRectangle rect;

  gtk_text_view_get_visible_rect (view, &rect);
  return rect.y + rect.height * READING_LINE;
}

static void
span_yrange (GtkTextView *view,
             DiptychSpan  span,
             double      *top,
             double      *bottom)
{
  int y, h;

  diptych_text_view_get_span_yrange (view, span, &y, &h);
  *top = y;
  *bottom = y + h;
}

/* Where in @other's buffer the content at @y of @leader's buffer is:
 * inside a link, the same fraction of its counterpart; between links,
 * interpolated between the previous link's counterpart end and the next
 * link's counterpart start. Returns FALSE when there is no link. */
static gboolean
map_y (DiptychScrollSync *self,
       DiptychSide        leader,
       double             y,
       double            *other_y)
{
  DiptychSpanIndex *index = diptych_selection_get_index (self->selection);
  GtkTextView *lview = self->views[leader];
  GtkTextView *oview = self->views[DIPTYCH_OTHER_SIDE (leader)];
  DiptychSide other = DIPTYCH_OTHER_SIDE (leader);
  guint offset = diptych_text_view_get_offset_at_y (lview, (int) y);
  gpointer item = diptych_span_index_lookup (index, leader, offset);
  DiptychLink *prev = NULL, *next = NULL;
  double top, bottom, otop, obottom;
  guint n, before;

  if (DIPTYCH_IS_LINK (item))
    {
      span_yrange (lview, diptych_link_get_span (item, leader), &top, &bottom);
      span_yrange (oview, diptych_link_get_span (item, other), &otop, &obottom);
      *other_y = otop + (obottom - otop) * CLAMP ((y - top) / MAX (bottom - top, 1), 0, 1);
      return TRUE;
    }

  /* Between passages: the nearest links before and after. */
  n = diptych_span_index_get_n_entries (index, leader);
  before = diptych_span_index_bisect (index, leader, offset);
  for (guint i = before; i > 0 && prev == NULL; i--)
    {
      gpointer entry = diptych_span_index_get_entry (index, leader, i - 1, NULL);
      if (DIPTYCH_IS_LINK (entry))
        prev = entry;
    }
  for (guint i = before; i < n && next == NULL; i++)
    {
      gpointer entry = diptych_span_index_get_entry (index, leader, i, NULL);
      if (DIPTYCH_IS_LINK (entry))
        next = entry;
    }

  if (prev == NULL && next == NULL)
    return FALSE;

  if (prev != NULL && next != NULL)
    {
      double ptop, pbottom, ntop, nbottom, optop, opbottom, ontop, onbottom;

      span_yrange (lview, diptych_link_get_span (prev, leader), &ptop, &pbottom);
      span_yrange (lview, diptych_link_get_span (next, leader), &ntop, &nbottom);
      span_yrange (oview, diptych_link_get_span (prev, other), &optop, &opbottom);
      span_yrange (oview, diptych_link_get_span (next, other), &ontop, &onbottom);
      *other_y = opbottom + (ontop - opbottom) * CLAMP ((y - pbottom) / MAX (ntop - pbottom, 1), 0, 1);
      return TRUE;
    }

  /* Before the first or after the last link: keep the same distance. */
  if (next != NULL)
    {
      span_yrange (lview, diptych_link_get_span (next, leader), &top, &bottom);
      span_yrange (oview, diptych_link_get_span (next, other), &otop, &obottom);
      *other_y = otop - (top - y);
    }
  else
    {
      span_yrange (lview, diptych_link_get_span (prev, leader), &top, &bottom);
      span_yrange (oview, diptych_link_get_span (prev, other), &otop, &obottom);
      *other_y = obottom + (y - bottom);
    }
  return TRUE;
}

static void
set_value (GtkAdjustment *adjustment,
           double         value)
{
  double lower = gtk_adjustment_get_lower (adjustment);
  double upper = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

  gtk_adjustment_set_value (adjustment, CLAMP (value, lower, MAX (lower, upper)));
}

/**
 * diptych_scroll_sync_follow:
 * @leader: the pane that was scrolled
 *
 * Scrolls the other pane so that the counterpart of what is at
 * @leader's reading line is level with it.
 */
void
diptych_scroll_sync_follow (DiptychScrollSync *self,
                            DiptychSide        leader)
{
  GtkTextView *lview, *oview;
  GtkAdjustment *ladj, *oadj;
  double y, other_y, page_offset;

  g_return_if_fail (DIPTYCH_IS_SCROLL_SYNC (self));

  lview = self->views[leader];
  oview = self->views[DIPTYCH_OTHER_SIDE (leader)];
  ladj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (lview));
  oadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (oview));
  if (ladj == NULL || oadj == NULL || self->in_sync)
    return;

  y = diptych_scroll_sync_get_reading_line (lview);
  if (!map_y (self, leader, y, &other_y))
    return;

  /* The reading line sits at the same height in both panes (they may
   * differ in height); at the ends the leader's own position wins. */
  page_offset = gtk_adjustment_get_page_size (oadj) * READING_LINE;
  if (gtk_adjustment_get_value (ladj) <= gtk_adjustment_get_lower (ladj))
    page_offset = MIN (page_offset, other_y);

  self->in_sync = TRUE;
  set_value (oadj, other_y - page_offset);
  self->in_sync = FALSE;

  /* The other pane may not be laid out that far yet (its height is an
   * estimate until then): follow again when its adjustment grows. */
  self->pending_leader = gtk_adjustment_get_value (oadj) + 1 < other_y - page_offset ? (int) leader : -1;
}

static gboolean
follow_cb (gpointer data)
{
  DiptychScrollSync *self = data;

  self->follow_id = 0;
  if (self->enabled)
    diptych_scroll_sync_follow (self, self->follow_leader);
  return G_SOURCE_REMOVE;
}

/* Adjustments change while the text views allocate (a pending scroll to
 * a mark, a layout that grew): setting the other pane's adjustment then
 * would leave its scroll bar without an allocation in the frame being
 * drawn. The follow runs right after, before the next frame is drawn
 * when the change came from an event. */
static void
schedule_follow (DiptychScrollSync *self,
                 DiptychSide        leader)
{
  self->follow_leader = leader;
  if (self->follow_id == 0)
    self->follow_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, follow_cb, self, NULL);
}

/* The other pane's layout grew: a follow it cut short can go further. */
static void
adjustment_changed_cb (GtkAdjustment     *adjustment,
                       DiptychScrollSync *self)
{
  if (self->pending_leader < 0 || !self->enabled)
    return;
  if (adjustment == self->adjustments[DIPTYCH_OTHER_SIDE ((DiptychSide) self->pending_leader)])
    schedule_follow (self, (DiptychSide) self->pending_leader);
}

static gboolean
span_is_visible (GtkTextView *view,
                 DiptychSpan  span)
{
  GdkRectangle rect;
  int y, h;

  gtk_text_view_get_visible_rect (view, &rect);
  diptych_text_view_get_span_yrange (view, span, &y, &h);
  return y >= rect.y && y + MIN (h, rect.height) <= rect.y + rect.height;
}

/**
 * diptych_scroll_sync_reveal:
 * @item: a link or an omission
 * @both: scroll both panes, not only those where @item is out of view
 *
 * Brings @item to the reading line of the panes where it is not in view,
 * without the scrolling leading the other pane.
 */
void
diptych_scroll_sync_reveal (DiptychScrollSync *self,
                            gpointer           item,
                            gboolean           both)
{
  g_return_if_fail (DIPTYCH_IS_SCROLL_SYNC (self));

  self->in_sync = TRUE;
  for (guint side = 0; side < DIPTYCH_N_SIDES; side++)
    {
      GtkTextView *view = self->views[side];
      DiptychSpan span;

      if (!diptych_item_get_span (item, side, &span))
        continue;
      if (!both && span_is_visible (view, span))
        continue;

      diptych_text_view_scroll_to_offset (view, span.start, READING_LINE);
    }
  self->in_sync = FALSE;
}

static void
value_changed_cb (GtkAdjustment     *adjustment,
                  DiptychScrollSync *self)
{
  if (!self->enabled || self->in_sync)
    return;
  schedule_follow (self, adjustment == self->adjustments[DIPTYCH_SIDE_A]
                         ? DIPTYCH_SIDE_A : DIPTYCH_SIDE_B);
}

static void
vadjustment_changed_cb (DiptychScrollSync *self)
{
  for (guint side = 0; side < DIPTYCH_N_SIDES; side++)
    {
      GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->views[side]));

      if (adjustment == self->adjustments[side])
        continue;
      if (self->adjustments[side] != NULL)
        {
          g_signal_handlers_disconnect_by_func (self->adjustments[side], value_changed_cb, self);
          g_signal_handlers_disconnect_by_func (self->adjustments[side], adjustment_changed_cb, self);
        }
      g_set_object (&self->adjustments[side], adjustment);
      if (adjustment != NULL)
        {
          g_signal_connect (adjustment, "value-changed", G_CALLBACK (value_changed_cb), self);
          g_signal_connect (adjustment, "changed", G_CALLBACK (adjustment_changed_cb), self);
        }
    }
}

static void
diptych_scroll_sync_dispose (GObject *object)
{
  DiptychScrollSync *self = (DiptychScrollSync *) object;

  for (guint side = 0; side < DIPTYCH_N_SIDES; side++)
    {
      if (self->adjustments[side] != NULL)
        {
          g_signal_handlers_disconnect_by_func (self->adjustments[side], value_changed_cb, self);
          g_signal_handlers_disconnect_by_func (self->adjustments[side], adjustment_changed_cb, self);
        }
      g_clear_object (&self->adjustments[side]);
      g_clear_object (&self->views[side]);
    }
  g_clear_object (&self->selection);
  g_clear_handle_id (&self->follow_id, g_source_remove);

  G_OBJECT_CLASS (diptych_scroll_sync_parent_class)->dispose (object);
}

static void
diptych_scroll_sync_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  DiptychScrollSync *self = DIPTYCH_SCROLL_SYNC (object);

  switch (prop_id)
    {
    case PROP_ENABLED:
      g_value_set_boolean (value, self->enabled);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
diptych_scroll_sync_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  DiptychScrollSync *self = DIPTYCH_SCROLL_SYNC (object);

  switch (prop_id)
    {
    case PROP_ENABLED:
      diptych_scroll_sync_set_enabled (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
diptych_scroll_sync_class_init (DiptychScrollSyncClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = diptych_scroll_sync_dispose;
  object_class->get_property = diptych_scroll_sync_get_property;
  object_class->set_property = diptych_scroll_sync_set_property;

  properties[PROP_ENABLED] =
    g_param_spec_boolean ("enabled", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
diptych_scroll_sync_init (DiptychScrollSync *self)
{
  self->enabled = TRUE;
  self->pending_leader = -1;
}

DiptychScrollSync *
diptych_scroll_sync_new (DiptychSelection *selection,
                         GtkTextView      *view_a,
                         GtkTextView      *view_b)
{
  DiptychScrollSync *self;

  g_return_val_if_fail (DIPTYCH_IS_SELECTION (selection), NULL);
  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view_a), NULL);
  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view_b), NULL);

  self = g_object_new (DIPTYCH_TYPE_SCROLL_SYNC, NULL);
  self->selection = g_object_ref (selection);
  self->views[DIPTYCH_SIDE_A] = g_object_ref (view_a);
  self->views[DIPTYCH_SIDE_B] = g_object_ref (view_b);

  for (guint side = 0; side < DIPTYCH_N_SIDES; side++)
    g_signal_connect_object (self->views[side], "notify::vadjustment",
                             G_CALLBACK (vadjustment_changed_cb), self, G_CONNECT_SWAPPED);
  vadjustment_changed_cb (self);
  return self;
}

gboolean
diptych_scroll_sync_get_enabled (DiptychScrollSync *self)
{
  g_return_val_if_fail (DIPTYCH_IS_SCROLL_SYNC (self), FALSE);
  return self->enabled;
}

void
diptych_scroll_sync_set_enabled (DiptychScrollSync *self,
                                 gboolean           enabled)
{
  g_return_if_fail (DIPTYCH_IS_SCROLL_SYNC (self));

  enabled = !!enabled;
  if (self->enabled == enabled)
    return;
  self->enabled = enabled;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENABLED]);
}
