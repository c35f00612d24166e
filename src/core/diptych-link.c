/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "diptych-link"

#include "config.h"

#include <glib/gi18n.h>

#include "diptych-link.h"

struct _DiptychLink
{
  GObject          parent_instance;

  char            *id;
  DiptychSpan      span[DIPTYCH_N_SIDES];
  DiptychLinkKind  kind;
  double           score;
  DiptychState     state;
  char           **shared_terms;
  GArray          *uncovered[DIPTYCH_N_SIDES];
  GArray          *word_ops;
};

G_DEFINE_FINAL_TYPE (DiptychLink, diptych_link, G_TYPE_OBJECT)

enum {
  LINK_PROP_0,
  LINK_PROP_STATE,
  LINK_PROP_KIND,
  LINK_N_PROPS
};

static GParamSpec *link_properties[LINK_N_PROPS];

static void
diptych_link_finalize (GObject *object)
{
  DiptychLink *self = (DiptychLink *) object;

  g_free (self->id);
  g_strfreev (self->shared_terms);
  g_clear_pointer (&self->uncovered[0], g_array_unref);
  g_clear_pointer (&self->uncovered[1], g_array_unref);
  g_clear_pointer (&self->word_ops, g_array_unref);

  G_OBJECT_CLASS (diptych_link_parent_class)->finalize (object);
}

static void
diptych_link_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  DiptychLink *self = DIPTYCH_LINK (object);

  switch (prop_id)
    {
    case LINK_PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    case LINK_PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
diptych_link_class_init (DiptychLinkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = diptych_link_finalize;
  object_class->get_property = diptych_link_get_property;

  link_properties[LINK_PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL,
                      DIPTYCH_STATE_AUTO, DIPTYCH_STATE_MANUAL, DIPTYCH_STATE_AUTO,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  link_properties[LINK_PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL,
                      DIPTYCH_LINK_IDENTICAL, DIPTYCH_LINK_PARTIAL, DIPTYCH_LINK_IDENTICAL,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, LINK_N_PROPS, link_properties);
}

static void
diptych_link_init (DiptychLink *self)
{
}

DiptychLink *
diptych_link_new (DiptychSpan     a,
                  DiptychSpan     b,
                  DiptychLinkKind kind,
                  double          score,
                  DiptychState    state)
{
  DiptychLink *self = g_object_new (DIPTYCH_TYPE_LINK, NULL);

  self->span[DIPTYCH_SIDE_A] = a;
  self->span[DIPTYCH_SIDE_B] = b;
  self->kind = kind;
  self->score = score;
  self->state = state;

  return self;
}

const char *
diptych_link_get_id (DiptychLink *self)
{
  g_return_val_if_fail (DIPTYCH_IS_LINK (self), NULL);
  return self->id;
}

void
diptych_link_set_id (DiptychLink *self,
                     const char  *id)
{
  g_return_if_fail (DIPTYCH_IS_LINK (self));
  g_free (self->id);
  self->id = g_strdup (id);
}

DiptychSpan
diptych_link_get_span (DiptychLink *self,
                       DiptychSide  side)
{
  g_return_val_if_fail (DIPTYCH_IS_LINK (self), DIPTYCH_SPAN_INIT (0, 0));
  g_return_val_if_fail (side < DIPTYCH_N_SIDES, DIPTYCH_SPAN_INIT (0, 0));
  return self->span[side];
}

DiptychLinkKind
diptych_link_get_kind (DiptychLink *self)
{
  g_return_val_if_fail (DIPTYCH_IS_LINK (self), DIPTYCH_LINK_PARTIAL);
  return self->kind;
}

void
diptych_link_set_kind (DiptychLink     *self,
                       DiptychLinkKind  kind)
{
  g_return_if_fail (DIPTYCH_IS_LINK (self));

  if (self->kind != kind)
    {
      self->kind = kind;
      g_object_notify_by_pspec (G_OBJECT (self), link_properties[LINK_PROP_KIND]);
    }
}

double
diptych_link_get_score (DiptychLink *self)
{
  g_return_val_if_fail (DIPTYCH_IS_LINK (self), 0.0);
  return self->score;
}

void
diptych_link_set_score (DiptychLink *self,
                        double       score)
{
  g_return_if_fail (DIPTYCH_IS_LINK (self));
  self->score = score;
}

DiptychState
diptych_link_get_state (DiptychLink *self)
{
  g_return_val_if_fail (DIPTYCH_IS_LINK (self), DIPTYCH_STATE_AUTO);
  return self->state;
}

void
diptych_link_set_state (DiptychLink  *self,
                        DiptychState  state)
{
  g_return_if_fail (DIPTYCH_IS_LINK (self));

  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), link_properties[LINK_PROP_STATE]);
    }
}

const char * const *
diptych_link_get_shared_terms (DiptychLink *self)
{
  static const char * const empty[] = { NULL };

  g_return_val_if_fail (DIPTYCH_IS_LINK (self), empty);
  return self->shared_terms != NULL ? (const char * const *) self->shared_terms : empty;
}

void
diptych_link_set_shared_terms (DiptychLink        *self,
                               const char * const *terms)
{
  g_return_if_fail (DIPTYCH_IS_LINK (self));
  g_strfreev (self->shared_terms);
  self->shared_terms = g_strdupv ((char **) terms);
}

const DiptychSpan *
diptych_link_get_uncovered (DiptychLink *self,
                            DiptychSide  side,
                            guint       *n_spans)
{
  GArray *spans;

  g_return_val_if_fail (DIPTYCH_IS_LINK (self), NULL);
  g_return_val_if_fail (side < DIPTYCH_N_SIDES, NULL);
  g_return_val_if_fail (n_spans != NULL, NULL);

  spans = self->uncovered[side];
  *n_spans = spans != NULL ? spans->len : 0;
  return spans != NULL ? (const DiptychSpan *) (gpointer) spans->data : NULL;
}

void
diptych_link_add_uncovered (DiptychLink *self,
                            DiptychSide  side,
                            DiptychSpan  span)
{
  g_return_if_fail (DIPTYCH_IS_LINK (self));
  g_return_if_fail (side < DIPTYCH_N_SIDES);

  if (self->uncovered[side] == NULL)
    self->uncovered[side] = g_array_new (FALSE, FALSE, sizeof (DiptychSpan));
  g_array_append_val (self->uncovered[side], span);
}

const DiptychWordOp *
diptych_link_get_word_ops (DiptychLink *self,
                           guint       *n_ops)
{
  g_return_val_if_fail (DIPTYCH_IS_LINK (self), NULL);
  g_return_val_if_fail (n_ops != NULL, NULL);

  *n_ops = self->word_ops != NULL ? self->word_ops->len : 0;
  return self->word_ops != NULL ? (const DiptychWordOp *) (gpointer) self->word_ops->data : NULL;
}

void
diptych_link_set_word_ops (DiptychLink         *self,
                           const DiptychWordOp *ops,
                           guint                n_ops)
{
  g_return_if_fail (DIPTYCH_IS_LINK (self));
  g_return_if_fail (ops != NULL || n_ops == 0);

  g_clear_pointer (&self->word_ops, g_array_unref);
  self->word_ops = g_array_sized_new (FALSE, FALSE, sizeof (DiptychWordOp), n_ops);
  g_array_append_vals (self->word_ops, ops, n_ops);
}

gboolean
diptych_link_has_word_ops (DiptychLink *self)
{
  g_return_val_if_fail (DIPTYCH_IS_LINK (self), FALSE);
  return self->word_ops != NULL;
}

/* Omissions */

struct _DiptychOmission
{
  GObject       parent_instance;

  char         *id;
  DiptychSide   side;
  DiptychSpan   span;
  DiptychState  state;
};

G_DEFINE_FINAL_TYPE (DiptychOmission, diptych_omission, G_TYPE_OBJECT)

enum {
  OMISSION_PROP_0,
  OMISSION_PROP_STATE,
  OMISSION_N_PROPS
};

static GParamSpec *omission_properties[OMISSION_N_PROPS];

static void
diptych_omission_finalize (GObject *object)
{
  DiptychOmission *self = (DiptychOmission *) object;

  g_free (self->id);

  G_OBJECT_CLASS (diptych_omission_parent_class)->finalize (object);
}

static void
diptych_omission_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  DiptychOmission *self = DIPTYCH_OMISSION (object);

  switch (prop_id)
    {
    case OMISSION_PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
diptych_omission_class_init (DiptychOmissionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = diptych_omission_finalize;
  object_class->get_property = diptych_omission_get_property;

  omission_properties[OMISSION_PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL,
                      DIPTYCH_STATE_AUTO, DIPTYCH_STATE_MANUAL, DIPTYCH_STATE_AUTO,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, OMISSION_N_PROPS, omission_properties);
}

static void
diptych_omission_init (DiptychOmission *self)
{
}

DiptychOmission *
diptych_omission_new (DiptychSide  side,
                      DiptychSpan  span,
                      DiptychState state)
{
  DiptychOmission *self = g_object_new (DIPTYCH_TYPE_OMISSION, NULL);

  self->side = side;
  self->span = span;
  self->state = state;

  return self;
}

const char *
diptych_omission_get_id (DiptychOmission *self)
{
  g_return_val_if_fail (DIPTYCH_IS_OMISSION (self), NULL);
  return self->id;
}

void
diptych_omission_set_id (DiptychOmission *self,
                         const char      *id)
{
  g_return_if_fail (DIPTYCH_IS_OMISSION (self));
  g_free (self->id);
  self->id = g_strdup (id);
}

DiptychSide
diptych_omission_get_side (DiptychOmission *self)
{
  g_return_val_if_fail (DIPTYCH_IS_OMISSION (self), DIPTYCH_SIDE_A);
  return self->side;
}

DiptychSpan
diptych_omission_get_span (DiptychOmission *self)
{
  g_return_val_if_fail (DIPTYCH_IS_OMISSION (self), DIPTYCH_SPAN_INIT (0, 0));
  return self->span;
}

DiptychState
diptych_omission_get_state (DiptychOmission *self)
{
  g_return_val_if_fail (DIPTYCH_IS_OMISSION (self), DIPTYCH_STATE_AUTO);
  return self->state;
}

void
diptych_omission_set_state (DiptychOmission *self,
                            DiptychState     state)
{
  g_return_if_fail (DIPTYCH_IS_OMISSION (self));

  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), omission_properties[OMISSION_PROP_STATE]);
    }
}

/* Sorting */

/**
 * diptych_link_compare_by_a:
 * @a: a pointer to a #DiptychLink pointer
 * @b: a pointer to a #DiptychLink pointer
 *
 * Reading order of A, then of B (start offsets only), for
 * g_ptr_array_sort() of an array of links.
 *
 * Returns: negative, zero or positive
 */
int
diptych_link_compare_by_a (gconstpointer a,
                           gconstpointer b)
{
  DiptychLink *la = *(DiptychLink **) a;
  DiptychLink *lb = *(DiptychLink **) b;

  if (la->span[DIPTYCH_SIDE_A].start != lb->span[DIPTYCH_SIDE_A].start)
    return la->span[DIPTYCH_SIDE_A].start < lb->span[DIPTYCH_SIDE_A].start ? -1 : 1;
  if (la->span[DIPTYCH_SIDE_B].start != lb->span[DIPTYCH_SIDE_B].start)
    return la->span[DIPTYCH_SIDE_B].start < lb->span[DIPTYCH_SIDE_B].start ? -1 : 1;
  return 0;
}

/**
 * diptych_link_compare_by_b:
 * @a: a pointer to a #DiptychLink pointer
 * @b: a pointer to a #DiptychLink pointer
 *
 * Reading order of B, then as diptych_link_compare_by_a(), for
 * g_ptr_array_sort() of an array of links.
 *
 * Returns: negative, zero or positive
 */
int
diptych_link_compare_by_b (gconstpointer a,
                           gconstpointer b)
{
  DiptychLink *la = *(DiptychLink **) a;
  DiptychLink *lb = *(DiptychLink **) b;

  if (la->span[DIPTYCH_SIDE_B].start != lb->span[DIPTYCH_SIDE_B].start)
    return la->span[DIPTYCH_SIDE_B].start < lb->span[DIPTYCH_SIDE_B].start ? -1 : 1;
  return diptych_link_compare_by_a (a, b);
}

/**
 * diptych_link_compare_spans:
 *
 * Orders links by the whole span of A, then the whole span of B: zero
 * only for links over the same passages.
 *
 * Returns: negative, zero or positive
 */
int
diptych_link_compare_spans (DiptychLink *a,
                            DiptychLink *b)
{
  for (guint side = 0; side < DIPTYCH_N_SIDES; side++)
    {
      DiptychSpan sa = a->span[side];
      DiptychSpan sb = b->span[side];

      if (sa.start != sb.start)
        return sa.start < sb.start ? -1 : 1;
      if (sa.end != sb.end)
        return sa.end < sb.end ? -1 : 1;
    }

  return 0;
}

/**
 * diptych_omission_compare:
 * @a: a pointer to a #DiptychOmission pointer
 * @b: a pointer to a #DiptychOmission pointer
 *
 * By side, then start offset, for g_ptr_array_sort() of an array of
 * omissions.
 *
 * Returns: negative, zero or positive
 */
int
diptych_omission_compare (gconstpointer a,
                          gconstpointer b)
{
  DiptychOmission *oa = *(DiptychOmission **) a;
  DiptychOmission *ob = *(DiptychOmission **) b;

  if (oa->side != ob->side)
    return oa->side < ob->side ? -1 : 1;
  if (oa->span.start != ob->span.start)
    return oa->span.start < ob->span.start ? -1 : 1;
  return 0;
}

/**
 * diptych_omission_compare_spans:
 *
 * By side, then the whole span: zero only for omissions of the same
 * passage.
 *
 * Returns: negative, zero or positive
 */
int
diptych_omission_compare_spans (DiptychOmission *a,
                                DiptychOmission *b)
{
  int cmp = diptych_omission_compare (&a, &b);

  if (cmp != 0)
    return cmp;
  if (a->span.end != b->span.end)
    return a->span.end < b->span.end ? -1 : 1;
  return 0;
}

/**
 * diptych_link_kind_get_label:
 *
 * Returns: the name of @kind as the window and the reports show it
 */
const char *
diptych_link_kind_get_label (DiptychLinkKind kind)
{
  switch (kind)
    {
    case DIPTYCH_LINK_IDENTICAL:
      return _("Same wording");
    case DIPTYCH_LINK_REWORDED:
      return _("Reworded");
    case DIPTYCH_LINK_PARTIAL:
      return _("Partial match");
    default:
      return _("Link");
    }
}
