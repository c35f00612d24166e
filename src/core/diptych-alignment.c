/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "diptych-alignment"

#include "config.h"

#include "diptych-alignment.h"

struct _DiptychAlignment
{
  GObject               parent_instance;

  DiptychAlignSettings  settings;
  GArray               *segments[DIPTYCH_N_SIDES];
  GPtrArray            *links;
  GPtrArray            *omissions;
  GPtrArray            *warnings;
};

G_DEFINE_FINAL_TYPE (DiptychAlignment, diptych_alignment, G_TYPE_OBJECT)

static void
diptych_alignment_finalize (GObject *object)
{
  DiptychAlignment *self = (DiptychAlignment *) object;

  g_clear_pointer (&self->segments[0], g_array_unref);
  g_clear_pointer (&self->segments[1], g_array_unref);
  g_clear_pointer (&self->links, g_ptr_array_unref);
  g_clear_pointer (&self->omissions, g_ptr_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);

  G_OBJECT_CLASS (diptych_alignment_parent_class)->finalize (object);
}

static void
diptych_alignment_class_init (DiptychAlignmentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = diptych_alignment_finalize;
}

static void
diptych_alignment_init (DiptychAlignment *self)
{
  self->settings = DIPTYCH_ALIGN_SETTINGS_DEFAULT;
  self->segments[0] = g_array_new (FALSE, FALSE, sizeof (DiptychSpan));
  self->segments[1] = g_array_new (FALSE, FALSE, sizeof (DiptychSpan));
  self->links = g_ptr_array_new_with_free_func (g_object_unref);
  self->omissions = g_ptr_array_new_with_free_func (g_object_unref);
  self->warnings = g_ptr_array_new_null_terminated (0, g_free, TRUE);
}

DiptychAlignment *
diptych_alignment_new (const DiptychAlignSettings *settings)
{
  DiptychAlignment *self = g_object_new (DIPTYCH_TYPE_ALIGNMENT, NULL);

  if (settings != NULL)
    self->settings = *settings;

  return self;
}

const DiptychAlignSettings *
diptych_alignment_get_settings (DiptychAlignment *self)
{
  g_return_val_if_fail (DIPTYCH_IS_ALIGNMENT (self), NULL);
  return &self->settings;
}

void
diptych_alignment_add_segment (DiptychAlignment *self,
                               DiptychSide       side,
                               DiptychSpan       span)
{
  g_return_if_fail (DIPTYCH_IS_ALIGNMENT (self));
  g_return_if_fail (side < DIPTYCH_N_SIDES);
  g_array_append_val (self->segments[side], span);
}

const DiptychSpan *
diptych_alignment_get_segments (DiptychAlignment *self,
                                DiptychSide       side,
                                guint            *n_segments)
{
  g_return_val_if_fail (DIPTYCH_IS_ALIGNMENT (self), NULL);
  g_return_val_if_fail (side < DIPTYCH_N_SIDES, NULL);
  g_return_val_if_fail (n_segments != NULL, NULL);

  *n_segments = self->segments[side]->len;
  return (const DiptychSpan *) (gpointer) self->segments[side]->data;
}

void
diptych_alignment_add_link (DiptychAlignment *self,
                            DiptychLink      *link)
{
  g_return_if_fail (DIPTYCH_IS_ALIGNMENT (self));
  g_return_if_fail (DIPTYCH_IS_LINK (link));
  g_ptr_array_add (self->links, g_object_ref (link));
}

guint
diptych_alignment_get_n_links (DiptychAlignment *self)
{
  g_return_val_if_fail (DIPTYCH_IS_ALIGNMENT (self), 0);
  return self->links->len;
}

DiptychLink *
diptych_alignment_get_link (DiptychAlignment *self,
                            guint             position)
{
  g_return_val_if_fail (DIPTYCH_IS_ALIGNMENT (self), NULL);
  g_return_val_if_fail (position < self->links->len, NULL);
  return g_ptr_array_index (self->links, position);
}

void
diptych_alignment_add_omission (DiptychAlignment *self,
                                DiptychOmission  *omission)
{
  g_return_if_fail (DIPTYCH_IS_ALIGNMENT (self));
  g_return_if_fail (DIPTYCH_IS_OMISSION (omission));
  g_ptr_array_add (self->omissions, g_object_ref (omission));
}

guint
diptych_alignment_get_n_omissions (DiptychAlignment *self)
{
  g_return_val_if_fail (DIPTYCH_IS_ALIGNMENT (self), 0);
  return self->omissions->len;
}

DiptychOmission *
diptych_alignment_get_omission (DiptychAlignment *self,
                                guint             position)
{
  g_return_val_if_fail (DIPTYCH_IS_ALIGNMENT (self), NULL);
  g_return_val_if_fail (position < self->omissions->len, NULL);
  return g_ptr_array_index (self->omissions, position);
}

void
diptych_alignment_add_warning (DiptychAlignment *self,
                               const char       *warning)
{
  g_return_if_fail (DIPTYCH_IS_ALIGNMENT (self));
  g_return_if_fail (warning != NULL);
  g_ptr_array_add (self->warnings, g_strdup (warning));
}

const char * const *
diptych_alignment_get_warnings (DiptychAlignment *self)
{
  g_return_val_if_fail (DIPTYCH_IS_ALIGNMENT (self), NULL);
  return (const char * const *) self->warnings->pdata;
}

/* Links in reading order of A (then B), omissions by side then position. */
void
diptych_alignment_sort (DiptychAlignment *self)
{
  g_return_if_fail (DIPTYCH_IS_ALIGNMENT (self));

  g_ptr_array_sort (self->links, diptych_link_compare_by_a);
  g_ptr_array_sort (self->omissions, diptych_omission_compare);
}
