/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "diptych-tag"

#include "config.h"

#include <string.h>

#include "diptych-tag.h"
#include "diptych-util.h"

struct _DiptychTag
{
  GObject  parent_instance;

  char    *name;
  char    *color;
};

G_DEFINE_FINAL_TYPE (DiptychTag, diptych_tag, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_COLOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
diptych_tag_finalize (GObject *object)
{
  DiptychTag *self = (DiptychTag *) object;

  g_free (self->name);
  g_free (self->color);

  G_OBJECT_CLASS (diptych_tag_parent_class)->finalize (object);
}

static void
diptych_tag_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  DiptychTag *self = DIPTYCH_TAG (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
diptych_tag_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  DiptychTag *self = DIPTYCH_TAG (object);

  switch (prop_id)
    {
    case PROP_NAME:
      diptych_tag_set_name (self, g_value_get_string (value));
      break;
    case PROP_COLOR:
      diptych_tag_set_color (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
diptych_tag_class_init (DiptychTagClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = diptych_tag_finalize;
  object_class->get_property = diptych_tag_get_property;
  object_class->set_property = diptych_tag_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL, "#808080",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
diptych_tag_init (DiptychTag *self)
{
  self->name = g_strdup ("");
  self->color = g_strdup ("#808080");
}

DiptychTag *
diptych_tag_new (const char *name,
                 const char *color)
{
  return g_object_new (DIPTYCH_TYPE_TAG, "name", name, "color", color, NULL);
}

const char *
diptych_tag_get_name (DiptychTag *self)
{
  g_return_val_if_fail (DIPTYCH_IS_TAG (self), NULL);
  return self->name;
}

void
diptych_tag_set_name (DiptychTag *self,
                      const char *name)
{
  g_return_if_fail (DIPTYCH_IS_TAG (self));

  if (name == NULL)
    name = "";
  if (diptych_set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
diptych_tag_get_color (DiptychTag *self)
{
  g_return_val_if_fail (DIPTYCH_IS_TAG (self), NULL);
  return self->color;
}

/* "#rrggbb" only: it goes into CSS, HTML and XML unescaped-safe. */
gboolean
diptych_tag_color_is_valid (const char *color)
{
  if (color == NULL || strlen (color) != 7 || color[0] != '#')
    return FALSE;
  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (color[i]))
      return FALSE;
  return TRUE;
}

void
diptych_tag_set_color (DiptychTag *self,
                       const char *color)
{
  g_return_if_fail (DIPTYCH_IS_TAG (self));

  if (!diptych_tag_color_is_valid (color))
    color = "#808080";
  if (diptych_set_str (&self->color, color))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR]);
}
