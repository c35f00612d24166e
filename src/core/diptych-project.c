/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "diptych-project"

#include "config.h"

#include <glib/gi18n.h>

#include "diptych-project-private.h"
#include "diptych-util.h"

/* Characters of context kept on each side of an annotation's quote. */
#define ANCHOR_CONTEXT_CHARS 32

struct _DiptychProject
{
  GObject               parent_instance;

  DiptychDocument      *documents[DIPTYCH_N_SIDES];
  DiptychAlignSettings  settings;
  DiptychAlignment     *alignment;
  GListStore           *links;
  GListStore           *omissions;
  GListStore           *tags;
  GListStore           *annotations;
  GFile                *file;
  char                 *disk_state;
  guint64               change_serial;
  guint                 next_id;
  guint                 modified : 1;
};

G_DEFINE_FINAL_TYPE (DiptychProject, diptych_project, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DOCUMENT_A,
  PROP_DOCUMENT_B,
  PROP_ALIGNMENT,
  PROP_FILE,
  PROP_MODIFIED,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
diptych_project_changed (DiptychProject *self)
{
  self->change_serial++;
  diptych_project_set_modified (self, TRUE);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
diptych_project_dispose (GObject *object)
{
  DiptychProject *self = (DiptychProject *) object;

  g_clear_object (&self->documents[0]);
  g_clear_object (&self->documents[1]);
  g_clear_object (&self->alignment);
  g_clear_object (&self->links);
  g_clear_object (&self->omissions);
  g_clear_object (&self->tags);
  g_clear_object (&self->annotations);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (diptych_project_parent_class)->dispose (object);
}

static void
diptych_project_finalize (GObject *object)
{
  DiptychProject *self = (DiptychProject *) object;

  g_free (self->disk_state);

  G_OBJECT_CLASS (diptych_project_parent_class)->finalize (object);
}

static void
diptych_project_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  DiptychProject *self = DIPTYCH_PROJECT (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT_A:
      g_value_set_object (value, self->documents[DIPTYCH_SIDE_A]);
      break;
    case PROP_DOCUMENT_B:
      g_value_set_object (value, self->documents[DIPTYCH_SIDE_B]);
      break;
    case PROP_ALIGNMENT:
      g_value_set_object (value, self->alignment);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
diptych_project_class_init (DiptychProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = diptych_project_dispose;
  object_class->finalize = diptych_project_finalize;
  object_class->get_property = diptych_project_get_property;

  properties[PROP_DOCUMENT_A] =
    g_param_spec_object ("document-a", NULL, NULL, DIPTYCH_TYPE_DOCUMENT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DOCUMENT_B] =
    g_param_spec_object ("document-b", NULL, NULL, DIPTYCH_TYPE_DOCUMENT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ALIGNMENT] =
    g_param_spec_object ("alignment", NULL, NULL, DIPTYCH_TYPE_ALIGNMENT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DiptychProject::changed:
   *
   * Anything the user would lose on quitting changed.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
diptych_project_init (DiptychProject *self)
{
  self->settings = DIPTYCH_ALIGN_SETTINGS_DEFAULT;
  self->links = g_list_store_new (DIPTYCH_TYPE_LINK);
  self->omissions = g_list_store_new (DIPTYCH_TYPE_OMISSION);
  self->tags = g_list_store_new (DIPTYCH_TYPE_TAG);
  self->annotations = g_list_store_new (DIPTYCH_TYPE_ANNOTATION);
  self->next_id = 1;
}

DiptychProject *
diptych_project_new (void)
{
  return g_object_new (DIPTYCH_TYPE_PROJECT, NULL);
}

DiptychDocument *
diptych_project_get_document (DiptychProject *self,
                              DiptychSide     side)
{
  g_return_val_if_fail (DIPTYCH_IS_PROJECT (self), NULL);
  g_return_val_if_fail (side < DIPTYCH_N_SIDES, NULL);
  return self->documents[side];
}

/* A new document invalidates the alignment; annotations on that side are
 * kept (they re-attach by their quoted text once the owner of the project
 * format re-anchors them). */
void
diptych_project_set_document (DiptychProject  *self,
                              DiptychSide      side,
                              DiptychDocument *document)
{
  g_return_if_fail (DIPTYCH_IS_PROJECT (self));
  g_return_if_fail (side < DIPTYCH_N_SIDES);
  g_return_if_fail (document == NULL || DIPTYCH_IS_DOCUMENT (document));

  if (!g_set_object (&self->documents[side], document))
    return;

  diptych_project_set_alignment (self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self),
                            properties[side == DIPTYCH_SIDE_A ? PROP_DOCUMENT_A : PROP_DOCUMENT_B]);
  diptych_project_changed (self);
}

const DiptychAlignSettings *
diptych_project_get_settings (DiptychProject *self)
{
  g_return_val_if_fail (DIPTYCH_IS_PROJECT (self), NULL);
  return &self->settings;
}

void
diptych_project_set_settings (DiptychProject             *self,
                              const DiptychAlignSettings *settings)
{
  g_return_if_fail (DIPTYCH_IS_PROJECT (self));
  g_return_if_fail (settings != NULL);

  if (self->settings.granularity == settings->granularity &&
      self->settings.sensitivity == settings->sensitivity)
    return;

  self->settings = *settings;
  diptych_project_changed (self);
}

DiptychAlignment *
diptych_project_get_alignment (DiptychProject *self)
{
  g_return_val_if_fail (DIPTYCH_IS_PROJECT (self), NULL);
  return self->alignment;
}

static char *
next_id (DiptychProject *self,
         char            prefix)
{
  return g_strdup_printf ("%c%u", prefix, self->next_id++);
}

void
diptych_project_set_alignment (DiptychProject   *self,
                               DiptychAlignment *alignment)
{
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) omissions = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (DIPTYCH_IS_PROJECT (self));
  g_return_if_fail (alignment == NULL || DIPTYCH_IS_ALIGNMENT (alignment));

  if (!g_set_object (&self->alignment, alignment))
    return;

  if (alignment != NULL)
    {
      for (guint i = 0; i < diptych_alignment_get_n_links (alignment); i++)
        {
          DiptychLink *link = diptych_alignment_get_link (alignment, i);

          if (diptych_link_get_id (link) == NULL)
            {
              g_autofree char *id = next_id (self, 'l');
              diptych_link_set_id (link, id);
            }
          g_ptr_array_add (links, g_object_ref (link));
        }

      for (guint i = 0; i < diptych_alignment_get_n_omissions (alignment); i++)
        {
          DiptychOmission *omission = diptych_alignment_get_omission (alignment, i);

          if (diptych_omission_get_id (omission) == NULL)
            {
              g_autofree char *id = next_id (self, 'o');
              diptych_omission_set_id (omission, id);
            }
          g_ptr_array_add (omissions, g_object_ref (omission));
        }
    }

  g_list_store_splice (self->links, 0, g_list_model_get_n_items (G_LIST_MODEL (self->links)),
                       links->pdata, links->len);
  g_list_store_splice (self->omissions, 0, g_list_model_get_n_items (G_LIST_MODEL (self->omissions)),
                       omissions->pdata, omissions->len);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALIGNMENT]);
}

GListModel *
diptych_project_get_links (DiptychProject *self)
{
  g_return_val_if_fail (DIPTYCH_IS_PROJECT (self), NULL);
  return G_LIST_MODEL (self->links);
}

GListModel *
diptych_project_get_omissions (DiptychProject *self)
{
  g_return_val_if_fail (DIPTYCH_IS_PROJECT (self), NULL);
  return G_LIST_MODEL (self->omissions);
}

GListModel *
diptych_project_get_tags (DiptychProject *self)
{
  g_return_val_if_fail (DIPTYCH_IS_PROJECT (self), NULL);
  return G_LIST_MODEL (self->tags);
}

GListModel *
diptych_project_get_annotations (DiptychProject *self)
{
  g_return_val_if_fail (DIPTYCH_IS_PROJECT (self), NULL);
  return G_LIST_MODEL (self->annotations);
}

DiptychTag *
diptych_project_find_tag (DiptychProject *self,
                          const char     *name)
{
  guint n;

  g_return_val_if_fail (DIPTYCH_IS_PROJECT (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->tags));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DiptychTag) tag = g_list_model_get_item (G_LIST_MODEL (self->tags), i);

      if (g_strcmp0 (diptych_tag_get_name (tag), name) == 0)
        return tag;
    }

  return NULL;
}

void
diptych_project_add_tag (DiptychProject *self,
                         DiptychTag     *tag)
{
  g_return_if_fail (DIPTYCH_IS_PROJECT (self));
  g_return_if_fail (DIPTYCH_IS_TAG (tag));

  g_list_store_append (self->tags, tag);
  diptych_project_changed (self);
}

/* Colors from the GNOME palette, told apart also by color-blind users
 * through their lightness. */
void
diptych_project_add_default_tags (DiptychProject *self)
{
  static const struct { const char *name; const char *color; } defaults[] = {
    { N_("Omission"), "#e01b24" },
    { N_("Discrepancy"), "#ff7800" },
    { N_("Emphasis"), "#f6d32d" },
    { N_("Demand"), "#9141ac" },
    { N_("Concession"), "#2ec27e" },
    { N_("Agreement"), "#3584e4" },
    { N_("Question"), "#865e3c" },
  };

  g_return_if_fail (DIPTYCH_IS_PROJECT (self));

  for (guint i = 0; i < G_N_ELEMENTS (defaults); i++)
    {
      g_autoptr(DiptychTag) tag = diptych_tag_new (_(defaults[i].name), defaults[i].color);
      g_list_store_append (self->tags, tag);
    }
}

void
diptych_project_add_annotation (DiptychProject    *self,
                                DiptychAnnotation *annotation)
{
  DiptychDocument *document;

  g_return_if_fail (DIPTYCH_IS_PROJECT (self));
  g_return_if_fail (DIPTYCH_IS_ANNOTATION (annotation));

  if (diptych_annotation_get_id (annotation) == NULL)
    {
      g_autofree char *id = next_id (self, 'n');
      diptych_annotation_set_id (annotation, id);
    }

  document = self->documents[diptych_annotation_get_side (annotation)];
  if (document != NULL && diptych_annotation_get_quote (annotation) == NULL)
    {
      DiptychSpan span = diptych_annotation_get_span (annotation);
      guint length = diptych_document_get_length (document);
      DiptychSpan before = { span.start > ANCHOR_CONTEXT_CHARS ? span.start - ANCHOR_CONTEXT_CHARS : 0,
                             MIN (span.start, length) };
      DiptychSpan after = { MIN (span.end, length), MIN (span.end + ANCHOR_CONTEXT_CHARS, length) };
      g_autofree char *quote = diptych_document_dup_span (document, span);
      g_autofree char *context_before = diptych_document_dup_span (document, before);
      g_autofree char *context_after = diptych_document_dup_span (document, after);

      diptych_annotation_set_anchor_text (annotation, quote, context_before, context_after);
    }

  g_list_store_append (self->annotations, annotation);
  diptych_project_changed (self);
}

gboolean
diptych_project_remove_annotation (DiptychProject    *self,
                                   DiptychAnnotation *annotation)
{
  guint position;

  g_return_val_if_fail (DIPTYCH_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (DIPTYCH_IS_ANNOTATION (annotation), FALSE);

  if (!g_list_store_find (self->annotations, annotation, &position))
    return FALSE;

  g_list_store_remove (self->annotations, position);
  diptych_project_changed (self);
  return TRUE;
}

DiptychLink *
diptych_project_find_link (DiptychProject *self,
                           const char     *id)
{
  guint n;

  g_return_val_if_fail (DIPTYCH_IS_PROJECT (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->links));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DiptychLink) link = g_list_model_get_item (G_LIST_MODEL (self->links), i);

      if (g_strcmp0 (diptych_link_get_id (link), id) == 0)
        return link;
    }

  return NULL;
}

GFile *
diptych_project_get_file (DiptychProject *self)
{
  g_return_val_if_fail (DIPTYCH_IS_PROJECT (self), NULL);
  return self->file;
}

void
diptych_project_set_file (DiptychProject *self,
                          GFile          *file)
{
  g_return_if_fail (DIPTYCH_IS_PROJECT (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (g_set_object (&self->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

gboolean
diptych_project_get_modified (DiptychProject *self)
{
  g_return_val_if_fail (DIPTYCH_IS_PROJECT (self), FALSE);
  return self->modified;
}

void
diptych_project_set_modified (DiptychProject *self,
                              gboolean        modified)
{
  g_return_if_fail (DIPTYCH_IS_PROJECT (self));

  modified = !!modified;
  if (self->modified != modified)
    {
      self->modified = modified;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }
}

/* Keeps the id counter past ids read from a file ("l12" -> 13). */
static void
note_id (DiptychProject *self,
         const char     *id)
{
  guint64 n;

  if (id == NULL || !g_ascii_isalpha (id[0]) ||
      !g_ascii_string_to_unsigned (id + 1, 10, 0, G_MAXUINT - 1, &n, NULL))
    return;

  self->next_id = MAX (self->next_id, (guint) n + 1);
}

void
diptych_project_load_tag (DiptychProject *self,
                          DiptychTag     *tag)
{
  g_return_if_fail (DIPTYCH_IS_PROJECT (self));
  g_list_store_append (self->tags, tag);
}

void
diptych_project_load_link (DiptychProject *self,
                           DiptychLink    *link)
{
  g_return_if_fail (DIPTYCH_IS_PROJECT (self));
  note_id (self, diptych_link_get_id (link));
  g_list_store_append (self->links, link);
}

void
diptych_project_load_omission (DiptychProject  *self,
                               DiptychOmission *omission)
{
  g_return_if_fail (DIPTYCH_IS_PROJECT (self));
  note_id (self, diptych_omission_get_id (omission));
  g_list_store_append (self->omissions, omission);
}

void
diptych_project_load_annotation (DiptychProject    *self,
                                 DiptychAnnotation *annotation)
{
  g_return_if_fail (DIPTYCH_IS_PROJECT (self));
  note_id (self, diptych_annotation_get_id (annotation));
  g_list_store_append (self->annotations, annotation);
}

const char *
diptych_project_get_disk_state (DiptychProject *self)
{
  g_return_val_if_fail (DIPTYCH_IS_PROJECT (self), NULL);
  return self->disk_state;
}

void
diptych_project_set_disk_state (DiptychProject *self,
                                const char     *disk_state)
{
  g_return_if_fail (DIPTYCH_IS_PROJECT (self));
  diptych_set_str (&self->disk_state, disk_state);
}

guint64
diptych_project_get_change_serial (DiptychProject *self)
{
  g_return_val_if_fail (DIPTYCH_IS_PROJECT (self), 0);
  return self->change_serial;
}
