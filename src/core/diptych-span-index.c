/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "diptych-span-index"

#include "config.h"

#include "diptych-link.h"
#include "diptych-span-index.h"

typedef struct
{
  guint    start;
  guint    end;
  guint    max_end;   /* the largest end of this and every earlier entry */
  guint    is_link;
  gpointer item;
} Entry;

struct _DiptychSpanIndex
{
  gatomicrefcount  ref_count;
  GArray          *entries[DIPTYCH_N_SIDES];
};

G_DEFINE_BOXED_TYPE (DiptychSpanIndex, diptych_span_index,
                     diptych_span_index_ref, diptych_span_index_unref)

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *ea = a;
  const Entry *eb = b;

  if (ea->start != eb->start)
    return ea->start < eb->start ? -1 : 1;
  if (ea->end != eb->end)
    return ea->end > eb->end ? -1 : 1;     /* the outer span first */
  if (ea->is_link != eb->is_link)
    return ea->is_link ? -1 : 1;
  return 0;
}

static void
add_entry (DiptychSpanIndex *self,
           DiptychSide       side,
           DiptychSpan       span,
           gboolean          is_link,
           gpointer          item)
{
  Entry entry = { span.start, span.end, 0, is_link, g_object_ref (item) };

  if (diptych_span_length (span) == 0)
    {
      g_object_unref (item);
      return;
    }
  g_array_append_val (self->entries[side], entry);
}

static void
clear_entry (gpointer data)
{
  Entry *entry = data;

  g_clear_object (&entry->item);
}

/**
 * diptych_span_index_new:
 * @links: (nullable): a list of #DiptychLink
 * @omissions: (nullable): a list of #DiptychOmission
 *
 * Returns: (transfer full): a new index of both lists.
 */
DiptychSpanIndex *
diptych_span_index_new (GListModel *links,
                        GListModel *omissions)
{
  DiptychSpanIndex *self = g_new0 (DiptychSpanIndex, 1);

  g_atomic_ref_count_init (&self->ref_count);

  for (guint side = 0; side < DIPTYCH_N_SIDES; side++)
    {
      self->entries[side] = g_array_new (FALSE, FALSE, sizeof (Entry));
      g_array_set_clear_func (self->entries[side], clear_entry);
    }

  for (guint i = 0; links != NULL && i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(DiptychLink) link = g_list_model_get_item (links, i);

      if (diptych_link_get_state (link) == DIPTYCH_STATE_REJECTED)
        continue;
      add_entry (self, DIPTYCH_SIDE_A, diptych_link_get_span (link, DIPTYCH_SIDE_A), TRUE, link);
      add_entry (self, DIPTYCH_SIDE_B, diptych_link_get_span (link, DIPTYCH_SIDE_B), TRUE, link);
    }

  for (guint i = 0; omissions != NULL && i < g_list_model_get_n_items (omissions); i++)
    {
      g_autoptr(DiptychOmission) omission = g_list_model_get_item (omissions, i);
      DiptychSide side = diptych_omission_get_side (omission);

      if (diptych_omission_get_state (omission) == DIPTYCH_STATE_REJECTED ||
          side >= DIPTYCH_N_SIDES)
        continue;
      add_entry (self, side, diptych_omission_get_span (omission), FALSE, omission);
    }

  for (guint side = 0; side < DIPTYCH_N_SIDES; side++)
    {
      GArray *entries = self->entries[side];
      guint max_end = 0;

      g_array_sort (entries, compare_entries);
      for (guint i = 0; i < entries->len; i++)
        {
          Entry *entry = &g_array_index (entries, Entry, i);

          max_end = MAX (max_end, entry->end);
          entry->max_end = max_end;
        }
    }

  return self;
}

DiptychSpanIndex *
diptych_span_index_ref (DiptychSpanIndex *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
diptych_span_index_unref (DiptychSpanIndex *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  for (guint side = 0; side < DIPTYCH_N_SIDES; side++)
    g_array_unref (self->entries[side]);
  g_free (self);
}

guint
diptych_span_index_get_n_entries (DiptychSpanIndex *self,
                                  DiptychSide       side)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (side < DIPTYCH_N_SIDES, 0);

  return self->entries[side]->len;
}

/**
 * diptych_span_index_get_entry:
 * @span: (out) (optional): the item's span on @side
 *
 * Entries are in reading order of @side: by start, the longer first.
 *
 * Returns: (transfer none): a #DiptychLink or #DiptychOmission
 */
gpointer
diptych_span_index_get_entry (DiptychSpanIndex *self,
                              DiptychSide       side,
                              guint             position,
                              DiptychSpan      *span)
{
  const Entry *entry;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (side < DIPTYCH_N_SIDES, NULL);
  g_return_val_if_fail (position < self->entries[side]->len, NULL);

  entry = &g_array_index (self->entries[side], Entry, position);
  if (span != NULL)
    *span = DIPTYCH_SPAN_INIT (entry->start, entry->end);
  return entry->item;
}

/* The number of entries that start at or before @offset; entries
 * [0, result) are the candidates for anything touching @offset. */
guint
diptych_span_index_bisect (DiptychSpanIndex *self,
                           DiptychSide       side,
                           guint             offset)
{
  GArray *entries;
  guint lo = 0, hi;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (side < DIPTYCH_N_SIDES, 0);

  entries = self->entries[side];
  hi = entries->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (entries, Entry, mid).start <= offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* The first entry whose running maximum end is beyond @offset: no entry
 * before it reaches past @offset. */
static guint
first_reaching_past (GArray *entries,
                     guint   offset,
                     guint   hi)
{
  guint lo = 0;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (entries, Entry, mid).max_end <= offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/**
 * diptych_span_index_query:
 * @items: an array to which the overlapping items are appended, in reading order
 *
 * Finds the items whose span on @side overlaps @range.
 *
 * Returns: the number of items appended
 */
guint
diptych_span_index_query (DiptychSpanIndex *self,
                          DiptychSide       side,
                          DiptychSpan       range,
                          GPtrArray        *items)
{
  GArray *entries;
  guint first, last, n = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (side < DIPTYCH_N_SIDES, 0);
  g_return_val_if_fail (items != NULL, 0);

  if (diptych_span_length (range) == 0)
    return 0;

  entries = self->entries[side];
  /* Entries starting before range.end ... */
  last = diptych_span_index_bisect (self, side, range.end - 1);
  /* ... from the first one that may reach into the range. */
  first = first_reaching_past (entries, range.start, last);

  for (guint i = first; i < last; i++)
    {
      const Entry *entry = &g_array_index (entries, Entry, i);

      if (entry->end > range.start)
        {
          g_ptr_array_add (items, entry->item);
          n++;
        }
    }
  return n;
}

/**
 * diptych_span_index_lookup:
 *
 * Returns: (transfer none) (nullable): the innermost item containing
 *   @offset on @side (links before omissions), or %NULL
 */
gpointer
diptych_span_index_lookup (DiptychSpanIndex *self,
                           DiptychSide       side,
                           guint             offset)
{
  GArray *entries;
  guint last;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (side < DIPTYCH_N_SIDES, NULL);

  entries = self->entries[side];
  last = diptych_span_index_bisect (self, side, offset);

  /* Walk back from the latest start; the running maximum tells when no
   * earlier entry can contain the offset any more. */
  for (guint i = last; i > 0; i--)
    {
      const Entry *entry = &g_array_index (entries, Entry, i - 1);

      if (entry->max_end <= offset)
        break;
      if (entry->end > offset)
        return entry->item;
    }
  return NULL;
}

/**
 * diptych_span_index_find_position:
 * @position: (out) (optional): where @item is in the reading order of @side
 *
 * Returns: %TRUE if @item has an entry on @side
 */
gboolean
diptych_span_index_find_position (DiptychSpanIndex *self,
                                  DiptychSide       side,
                                  gpointer          item,
                                  guint            *position)
{
  GArray *entries;
  DiptychSpan span;
  guint i;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (side < DIPTYCH_N_SIDES, FALSE);

  if (DIPTYCH_IS_LINK (item))
    span = diptych_link_get_span (item, side);
  else if (DIPTYCH_IS_OMISSION (item) && diptych_omission_get_side (item) == side)
    span = diptych_omission_get_span (item);
  else
    return FALSE;

  entries = self->entries[side];
  i = diptych_span_index_bisect (self, side, span.start);
  /* Entries with the same start sit just before i. */
  for (; i > 0 && g_array_index (entries, Entry, i - 1).start == span.start; i--)
    {
      if (g_array_index (entries, Entry, i - 1).item == item)
        {
          if (position != NULL)
            *position = i - 1;
          return TRUE;
        }
    }
  return FALSE;
}
