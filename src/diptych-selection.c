/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "diptych-selection"

#include "config.h"

#include "diptych-selection.h"

struct _DiptychSelection
{
  GObject           parent_instance;

  DiptychProject   *project;
  DiptychSpanIndex *index;
  GObject          *item;
  guint             changed_id;
};

G_DEFINE_FINAL_TYPE (DiptychSelection, diptych_selection, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_ITEM,
  N_PROPS
};

enum {
  INDEX_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

gboolean
diptych_item_get_span (gpointer     item,
                       DiptychSide  side,
                       DiptychSpan *span)
{
  if (DIPTYCH_IS_LINK (item))
    {
      *span = diptych_link_get_span (item, side);
      return TRUE;
    }
  if (DIPTYCH_IS_OMISSION (item) && diptych_omission_get_side (item) == side)
    {
      *span = diptych_omission_get_span (item);
      return TRUE;
    }
  return FALSE;
}

static gboolean
emit_index_changed (gpointer data)
{
  DiptychSelection *self = data;

  self->changed_id = 0;

  /* Keep the selection only if its item is still shown. */
  if (self->item != NULL)
    {
      DiptychSpanIndex *index = diptych_selection_get_index (self);
      gboolean found = FALSE;

      for (guint side = 0; side < DIPTYCH_N_SIDES && !found; side++)
        found = diptych_span_index_find_position (index, side, self->item, NULL);
      if (!found)
        diptych_selection_set_item (self, NULL);
    }

  g_signal_emit (self, signals[INDEX_CHANGED], 0);
  return G_SOURCE_REMOVE;
}

/* A new alignment changes the links and then the omissions: one
 * ::index-changed for both, right after. */
static void
lists_changed_cb (DiptychSelection *self)
{
  g_clear_pointer (&self->index, diptych_span_index_unref);
  if (self->changed_id == 0)
    self->changed_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, emit_index_changed, self, NULL);
}

/**
 * diptych_selection_flush:
 *
 * Emits ::index-changed now if the lists changed since the last one
 * (tests, benchmarks).
 */
void
diptych_selection_flush (DiptychSelection *self)
{
  g_return_if_fail (DIPTYCH_IS_SELECTION (self));

  if (self->changed_id != 0)
    {
      g_clear_handle_id (&self->changed_id, g_source_remove);
      emit_index_changed (self);
    }
}

static void
diptych_selection_set_project (DiptychSelection *self,
                               DiptychProject   *project)
{
  self->project = g_object_ref (project);
  g_signal_connect_object (diptych_project_get_links (project), "items-changed",
                           G_CALLBACK (lists_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (diptych_project_get_omissions (project), "items-changed",
                           G_CALLBACK (lists_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
diptych_selection_dispose (GObject *object)
{
  DiptychSelection *self = (DiptychSelection *) object;

  g_clear_handle_id (&self->changed_id, g_source_remove);
  g_clear_object (&self->item);
  g_clear_pointer (&self->index, diptych_span_index_unref);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (diptych_selection_parent_class)->dispose (object);
}

static void
diptych_selection_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  DiptychSelection *self = DIPTYCH_SELECTION (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
diptych_selection_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  DiptychSelection *self = DIPTYCH_SELECTION (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      diptych_selection_set_project (self, g_value_get_object (value));
      break;
    case PROP_ITEM:
      diptych_selection_set_item (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
diptych_selection_class_init (DiptychSelectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = diptych_selection_dispose;
  object_class->get_property = diptych_selection_get_property;
  object_class->set_property = diptych_selection_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, DIPTYCH_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, G_TYPE_OBJECT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DiptychSelection::index-changed:
   *
   * The links or omissions changed; diptych_selection_get_index() has
   * them.
   */
  signals[INDEX_CHANGED] =
    g_signal_new ("index-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
diptych_selection_init (DiptychSelection *self)
{
}

DiptychSelection *
diptych_selection_new (DiptychProject *project)
{
  g_return_val_if_fail (DIPTYCH_IS_PROJECT (project), NULL);

  return g_object_new (DIPTYCH_TYPE_SELECTION, "project", project, NULL);
}

DiptychProject *
diptych_selection_get_project (DiptychSelection *self)
{
  g_return_val_if_fail (DIPTYCH_IS_SELECTION (self), NULL);
  return self->project;
}

/**
 * diptych_selection_get_index:
 *
 * Returns: (transfer none): the index of the links and omissions shown
 */
DiptychSpanIndex *
diptych_selection_get_index (DiptychSelection *self)
{
  g_return_val_if_fail (DIPTYCH_IS_SELECTION (self), NULL);

  if (self->index == NULL)
    self->index = diptych_span_index_new (diptych_project_get_links (self->project),
                                          diptych_project_get_omissions (self->project));
  return self->index;
}

/**
 * diptych_selection_get_item:
 *
 * Returns: (transfer none) (nullable): the selected #DiptychLink or #DiptychOmission
 */
gpointer
diptych_selection_get_item (DiptychSelection *self)
{
  g_return_val_if_fail (DIPTYCH_IS_SELECTION (self), NULL);
  return self->item;
}

void
diptych_selection_set_item (DiptychSelection *self,
                            gpointer          item)
{
  g_return_if_fail (DIPTYCH_IS_SELECTION (self));
  g_return_if_fail (item == NULL || DIPTYCH_IS_LINK (item) || DIPTYCH_IS_OMISSION (item));

  if (g_set_object (&self->item, item))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

/**
 * diptych_selection_get_link:
 *
 * Returns: (transfer none) (nullable): the selected link, if a link is selected
 */
DiptychLink *
diptych_selection_get_link (DiptychSelection *self)
{
  g_return_val_if_fail (DIPTYCH_IS_SELECTION (self), NULL);
  return DIPTYCH_IS_LINK (self->item) ? DIPTYCH_LINK (self->item) : NULL;
}

gboolean
diptych_selection_get_span (DiptychSelection *self,
                            DiptychSide       side,
                            DiptychSpan      *span)
{
  g_return_val_if_fail (DIPTYCH_IS_SELECTION (self), FALSE);
  return self->item != NULL && diptych_item_get_span (self->item, side, span);
}

/**
 * diptych_selection_find_next:
 * @side: the side whose reading order counts
 * @offset: where to start when the selection is not on @side
 * @type: %DIPTYCH_TYPE_LINK or %DIPTYCH_TYPE_OMISSION
 * @forward: %TRUE for the next item, %FALSE for the previous one
 *
 * Finds the item of @type after (or before) the selected item in reading
 * order of @side, or after (before) @offset if the selection is not on
 * @side. Omissions continue on the other side once @side has none left,
 * so that the keyboard walks every difference.
 *
 * Returns: (transfer none) (nullable): the item, or %NULL at the end
 */
gpointer
diptych_selection_find_next (DiptychSelection *self,
                             DiptychSide       side,
                             guint             offset,
                             GType             type,
                             gboolean          forward)
{
  DiptychSpanIndex *index;
  guint position, n;
  gint i;

  g_return_val_if_fail (DIPTYCH_IS_SELECTION (self), NULL);
  g_return_val_if_fail (side < DIPTYCH_N_SIDES, NULL);

  index = diptych_selection_get_index (self);

  if (self->item != NULL && diptych_span_index_find_position (index, side, self->item, &position))
    i = forward ? (gint) position + 1 : (gint) position - 1;
  else if (type == DIPTYCH_TYPE_OMISSION && DIPTYCH_IS_OMISSION (self->item))
    {
      /* An omission of the other side is selected: walk that side on. */
      DiptychSide other = DIPTYCH_OTHER_SIDE (side);

      if (diptych_span_index_find_position (index, other, self->item, &position))
        {
          side = other;
          i = forward ? (gint) position + 1 : (gint) position - 1;
        }
      else
        i = 0;
    }
  else
    {
      guint before = diptych_span_index_bisect (index, side, offset);
      /* forward: the first item starting after offset; backward: the
       * last one starting before it. */
      i = forward ? (gint) before : (gint) before - 1;
      if (forward && before > 0)
        {
          DiptychSpan span;
          diptych_span_index_get_entry (index, side, before - 1, &span);
          if (span.start == offset)
            i = before - 1;
        }
    }

  for (guint pass = 0; pass < 2; pass++)
    {
      n = diptych_span_index_get_n_entries (index, side);
      for (; i >= 0 && i < (gint) n; i += forward ? 1 : -1)
        {
          gpointer item = diptych_span_index_get_entry (index, side, i, NULL);

          if (G_TYPE_CHECK_INSTANCE_TYPE (item, type))
            return item;
        }

      if (type != DIPTYCH_TYPE_OMISSION)
        break;
      /* Omissions of A come before those of B in the walk. */
      if (forward && side == DIPTYCH_SIDE_A)
        {
          side = DIPTYCH_SIDE_B;
          i = 0;
        }
      else if (!forward && side == DIPTYCH_SIDE_B)
        {
          side = DIPTYCH_SIDE_A;
          i = (gint) diptych_span_index_get_n_entries (index, side) - 1;
        }
      else
        break;
    }
  return NULL;
}
