/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "diptych-annotation"

#include "config.h"

#include "diptych-annotation.h"
#include "diptych-util.h"

struct _DiptychAnnotation
{
  GObject      parent_instance;

  char        *id;
  DiptychSide  side;
  DiptychSpan  span;
  char        *tag;
  char        *note;
  char        *link_id;
  char        *quote;
  char        *context_before;
  char        *context_after;
  GDateTime   *created;
  gboolean     orphaned;
};

G_DEFINE_FINAL_TYPE (DiptychAnnotation, diptych_annotation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TAG,
  PROP_NOTE,
  PROP_SPAN_START,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
diptych_annotation_finalize (GObject *object)
{
  DiptychAnnotation *self = (DiptychAnnotation *) object;

  g_free (self->id);
  g_free (self->tag);
  g_free (self->note);
  g_free (self->link_id);
  g_free (self->quote);
  g_free (self->context_before);
  g_free (self->context_after);
  g_clear_pointer (&self->created, g_date_time_unref);

  G_OBJECT_CLASS (diptych_annotation_parent_class)->finalize (object);
}

static void
diptych_annotation_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  DiptychAnnotation *self = DIPTYCH_ANNOTATION (object);

  switch (prop_id)
    {
    case PROP_TAG:
      g_value_set_string (value, self->tag);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case PROP_SPAN_START:
      g_value_set_uint (value, self->span.start);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
diptych_annotation_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  DiptychAnnotation *self = DIPTYCH_ANNOTATION (object);

  switch (prop_id)
    {
    case PROP_TAG:
      diptych_annotation_set_tag (self, g_value_get_string (value));
      break;
    case PROP_NOTE:
      diptych_annotation_set_note (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
diptych_annotation_class_init (DiptychAnnotationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = diptych_annotation_finalize;
  object_class->get_property = diptych_annotation_get_property;
  object_class->set_property = diptych_annotation_set_property;

  properties[PROP_TAG] =
    g_param_spec_string ("tag", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SPAN_START] =
    g_param_spec_uint ("span-start", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
diptych_annotation_init (DiptychAnnotation *self)
{
  self->tag = g_strdup ("");
  self->note = g_strdup ("");
  self->created = g_date_time_new_now_utc ();
}

DiptychAnnotation *
diptych_annotation_new (DiptychSide  side,
                        DiptychSpan  span,
                        const char  *tag,
                        const char  *note)
{
  DiptychAnnotation *self = g_object_new (DIPTYCH_TYPE_ANNOTATION,
                                          "tag", tag,
                                          "note", note,
                                          NULL);
  self->side = side;
  self->span = span;
  return self;
}

const char *
diptych_annotation_get_id (DiptychAnnotation *self)
{
  g_return_val_if_fail (DIPTYCH_IS_ANNOTATION (self), NULL);
  return self->id;
}

void
diptych_annotation_set_id (DiptychAnnotation *self,
                           const char        *id)
{
  g_return_if_fail (DIPTYCH_IS_ANNOTATION (self));
  diptych_set_str (&self->id, id);
}

DiptychSide
diptych_annotation_get_side (DiptychAnnotation *self)
{
  g_return_val_if_fail (DIPTYCH_IS_ANNOTATION (self), DIPTYCH_SIDE_A);
  return self->side;
}

DiptychSpan
diptych_annotation_get_span (DiptychAnnotation *self)
{
  g_return_val_if_fail (DIPTYCH_IS_ANNOTATION (self), DIPTYCH_SPAN_INIT (0, 0));
  return self->span;
}

void
diptych_annotation_set_span (DiptychAnnotation *self,
                             DiptychSpan        span)
{
  g_return_if_fail (DIPTYCH_IS_ANNOTATION (self));

  if (!diptych_span_equal (self->span, span))
    {
      self->span = span;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPAN_START]);
    }
}

const char *
diptych_annotation_get_tag (DiptychAnnotation *self)
{
  g_return_val_if_fail (DIPTYCH_IS_ANNOTATION (self), NULL);
  return self->tag;
}

void
diptych_annotation_set_tag (DiptychAnnotation *self,
                            const char        *tag)
{
  g_return_if_fail (DIPTYCH_IS_ANNOTATION (self));

  if (diptych_set_str (&self->tag, tag != NULL ? tag : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAG]);
}

const char *
diptych_annotation_get_note (DiptychAnnotation *self)
{
  g_return_val_if_fail (DIPTYCH_IS_ANNOTATION (self), NULL);
  return self->note;
}

void
diptych_annotation_set_note (DiptychAnnotation *self,
                             const char        *note)
{
  g_return_if_fail (DIPTYCH_IS_ANNOTATION (self));

  if (diptych_set_str (&self->note, note != NULL ? note : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

const char *
diptych_annotation_get_link_id (DiptychAnnotation *self)
{
  g_return_val_if_fail (DIPTYCH_IS_ANNOTATION (self), NULL);
  return self->link_id;
}

void
diptych_annotation_set_link_id (DiptychAnnotation *self,
                                const char        *link_id)
{
  g_return_if_fail (DIPTYCH_IS_ANNOTATION (self));
  diptych_set_str (&self->link_id, link_id);
}

const char *
diptych_annotation_get_quote (DiptychAnnotation *self)
{
  g_return_val_if_fail (DIPTYCH_IS_ANNOTATION (self), NULL);
  return self->quote;
}

const char *
diptych_annotation_get_context_before (DiptychAnnotation *self)
{
  g_return_val_if_fail (DIPTYCH_IS_ANNOTATION (self), NULL);
  return self->context_before;
}

const char *
diptych_annotation_get_context_after (DiptychAnnotation *self)
{
  g_return_val_if_fail (DIPTYCH_IS_ANNOTATION (self), NULL);
  return self->context_after;
}

void
diptych_annotation_set_anchor_text (DiptychAnnotation *self,
                                    const char        *quote,
                                    const char        *context_before,
                                    const char        *context_after)
{
  g_return_if_fail (DIPTYCH_IS_ANNOTATION (self));

  diptych_set_str (&self->quote, quote);
  diptych_set_str (&self->context_before, context_before);
  diptych_set_str (&self->context_after, context_after);
}

GDateTime *
diptych_annotation_get_created (DiptychAnnotation *self)
{
  g_return_val_if_fail (DIPTYCH_IS_ANNOTATION (self), NULL);
  return self->created;
}

void
diptych_annotation_set_created (DiptychAnnotation *self,
                                GDateTime         *created)
{
  g_return_if_fail (DIPTYCH_IS_ANNOTATION (self));
  g_return_if_fail (created != NULL);

  g_date_time_ref (created);
  g_clear_pointer (&self->created, g_date_time_unref);
  self->created = created;
}

/* An orphaned annotation lost its passage when its document was replaced:
 * its quoted text was not found again. It keeps its note and old span. */
gboolean
diptych_annotation_get_orphaned (DiptychAnnotation *self)
{
  g_return_val_if_fail (DIPTYCH_IS_ANNOTATION (self), FALSE);
  return self->orphaned;
}

void
diptych_annotation_set_orphaned (DiptychAnnotation *self,
                                 gboolean           orphaned)
{
  g_return_if_fail (DIPTYCH_IS_ANNOTATION (self));
  self->orphaned = !!orphaned;
}

/**
 * diptych_annotation_matches:
 * @tag: (nullable): only this tag ("" for untagged), or %NULL for any
 * @side: a #DiptychSide, or -1 for either document
 * @search: (nullable): text to find, case-insensitively, in the note or
 *   the quoted passage; %NULL or "" for any
 *
 * For the filters of an annotation list (GtkCustomFilter).
 */
gboolean
diptych_annotation_matches (DiptychAnnotation *self,
                            const char        *tag,
                            int                side,
                            const char        *search)
{
  g_autofree char *needle = NULL;

  g_return_val_if_fail (DIPTYCH_IS_ANNOTATION (self), FALSE);

  if (tag != NULL && g_strcmp0 (self->tag, tag) != 0)
    return FALSE;

  if (side >= 0 && (int) self->side != side)
    return FALSE;

  if (search == NULL || *search == '\0')
    return TRUE;

  needle = g_utf8_casefold (search, -1);
  return diptych_str_contains_folded (self->note, needle) ||
         diptych_str_contains_folded (self->quote, needle);
}

/**
 * diptych_annotation_compare:
 * @a: a pointer to a #DiptychAnnotation pointer
 * @b: a pointer to a #DiptychAnnotation pointer
 *
 * By side, then start offset, for g_ptr_array_sort() of an array of
 * annotations.
 *
 * Returns: negative, zero or positive
 */
int
diptych_annotation_compare (gconstpointer a,
                            gconstpointer b)
{
  DiptychAnnotation *aa = *(DiptychAnnotation **) a;
  DiptychAnnotation *ab = *(DiptychAnnotation **) b;

  if (aa->side != ab->side)
    return aa->side < ab->side ? -1 : 1;
  if (aa->span.start != ab->span.start)
    return aa->span.start < ab->span.start ? -1 : 1;
  return 0;
}
