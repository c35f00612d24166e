/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "diptych-project"

#include "config.h"

/*
 * The project: documents, settings, the links and omissions in force, the
 * tag set and the annotations, with the user's decisions and an undo
 * history.
 *
 * Decisions are data: a link or omission whose state is not "auto" is a
 * decision of the user.
 * - Confirmed and rejected links stay in the links model with that state
 *   (the UI shows rejected links dimmed so that they can be restored).
 * - Manual links (drawn by the user) have state "manual".
 * - Removing a model link (auto or confirmed) rejects it, since it would
 *   come back at the next alignment; removing a manual or rejected link
 *   deletes it (forgetting a rejection lets the model propose it again).
 * - Omissions likewise: "manual" (marked by the user), "confirmed",
 *   "rejected" (not an omission); removing an auto or confirmed omission
 *   rejects it, removing a manual or rejected one deletes it.
 *
 * diptych_project_set_alignment() applies a new result of the model and
 * re-applies the decisions: decided links and omissions stay; a model
 * link is dropped if it overlaps a confirmed or manual link on either side
 * (the user settled those passages) or a rejected link on both sides; a
 * model omission is dropped if it overlaps a decided omission, or a
 * confirmed or manual link, on its side. Model links and omissions that
 * come back with the same spans keep their ids, so annotations attached
 * to a link stay attached; annotations of links that are gone keep their
 * passage and lose the link id. An alignment may also carry links and
 * omissions in a decided state (built by a tool or by hand): they are
 * taken as decisions. Every item in force has an id of its own.
 *
 * Every edit goes through the history (diptych_project_get_history()) and
 * can be undone. Replacing a document clears the history, since offsets
 * of earlier edits no longer mean anything.
 *
 * Removing a tag leaves its annotations untagged (tag ""), keeping their
 * notes and passages; undo gives the tag back to them. Renaming a tag
 * renames it in its annotations.
 */

#include <glib/gi18n.h>

#include "diptych-anchor.h"
#include "diptych-error.h"
#include "diptych-history.h"
#include "diptych-project-private.h"
#include "diptych-util.h"

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
  DiptychHistory       *history;
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

  /* The history's edits point at the stores: free them first. */
  if (self->history != NULL)
    diptych_history_clear (self->history);
  g_clear_object (&self->history);
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
  self->history = diptych_history_new ();
  self->next_id = 1;
}

DiptychProject *
diptych_project_new (void)
{
  return g_object_new (DIPTYCH_TYPE_PROJECT, NULL);
}

/**
 * diptych_project_get_history:
 *
 * Returns: (transfer none): the undo history of the project's edits
 */
DiptychHistory *
diptych_project_get_history (DiptychProject *self)
{
  g_return_val_if_fail (DIPTYCH_IS_PROJECT (self), NULL);
  return self->history;
}

static char *
next_id (DiptychProject *self,
         char            prefix)
{
  return g_strdup_printf ("%c%u", prefix, self->next_id++);
}

typedef const char * (*GetIdFunc) (gpointer item);

static gboolean
store_has_id (GListStore *store,
              const char *id,
              GetIdFunc   get_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (store), i);

      if (g_strcmp0 (get_id (item), id) == 0)
        return TRUE;
    }

  return FALSE;
}

/* An id no link, omission or annotation has (some may have been made
 * elsewhere, by a tool or in a file). */
static char *
next_free_id (DiptychProject *self,
              char            prefix)
{
  char *id = next_id (self, prefix);

  while (store_has_id (self->links, id, (GetIdFunc) diptych_link_get_id) ||
         store_has_id (self->omissions, id, (GetIdFunc) diptych_omission_get_id) ||
         store_has_id (self->annotations, id, (GetIdFunc) diptych_annotation_get_id))
    {
      g_free (id);
      id = next_id (self, prefix);
    }

  return id;
}

/* Items of a store, referenced. */
static GPtrArray *
store_items (GListStore *store)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
  GPtrArray *items = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (store), i));

  return items;
}

static void
store_replace_all (GListStore *store,
                   GPtrArray  *items)
{
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       items->pdata, items->len);
}

/* Emits ::items-changed for @item so that list views and filters look at
 * it again after a change of its state, tag or note. */
static void
store_touch (GListStore *store,
             gpointer    item)
{
  guint position;

  if (store != NULL && g_list_store_find (store, item, &position))
    g_list_store_splice (store, position, 1, &item, 1);
}

/* ------------------------------------------------------------------ */
/* Recorded edits                                                       */
/* ------------------------------------------------------------------ */

/* An item inserted into or removed from a store. */
typedef struct
{
  DiptychProject *project;
  GListStore     *store;
  GObject        *item;
  guint           position;
  gboolean        inserted;
} ItemEdit;

static void
item_edit_free (ItemEdit *edit)
{
  g_object_unref (edit->item);
  g_free (edit);
}

static void
item_edit_apply (gpointer data,
                 gboolean redo)
{
  ItemEdit *edit = data;

  if (redo == edit->inserted)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (edit->store));
      g_list_store_insert (edit->store, MIN (edit->position, n), edit->item);
    }
  else
    {
      guint position;

      if (g_list_store_find (edit->store, edit->item, &position))
        g_list_store_remove (edit->store, position);
    }

  diptych_project_changed (edit->project);
}

static void
insert_item (DiptychProject *self,
             const char     *label,
             GListStore     *store,
             guint           position,
             gpointer        item)
{
  ItemEdit *edit = g_new0 (ItemEdit, 1);

  g_list_store_insert (store, position, item);

  edit->project = self;
  edit->store = store;
  edit->item = g_object_ref (item);
  edit->position = position;
  edit->inserted = TRUE;
  diptych_history_record (self->history, label, item_edit_apply, edit, (GDestroyNotify) item_edit_free);
  diptych_project_changed (self);
}

static gboolean
remove_item (DiptychProject *self,
             const char     *label,
             GListStore     *store,
             gpointer        item)
{
  ItemEdit *edit;
  guint position;

  if (!g_list_store_find (store, item, &position))
    return FALSE;

  edit = g_new0 (ItemEdit, 1);
  edit->project = self;
  edit->store = store;
  edit->item = g_object_ref (item);
  edit->position = position;
  edit->inserted = FALSE;
  g_list_store_remove (store, position);

  diptych_history_record (self->history, label, item_edit_apply, edit, (GDestroyNotify) item_edit_free);
  diptych_project_changed (self);
  return TRUE;
}

/* A string field of an object changed (a note, a tag name, a color). */
typedef void (*StringSetter) (gpointer    object,
                              const char *value);

typedef struct
{
  DiptychProject *project;
  GListStore     *store;
  GObject        *object;
  StringSetter    set;
  char           *old_value;
  char           *new_value;
} StringEdit;

static void
string_edit_free (StringEdit *edit)
{
  g_object_unref (edit->object);
  g_free (edit->old_value);
  g_free (edit->new_value);
  g_free (edit);
}

static void
string_edit_apply (gpointer data,
                   gboolean redo)
{
  StringEdit *edit = data;

  edit->set (edit->object, redo ? edit->new_value : edit->old_value);
  store_touch (edit->store, edit->object);
  diptych_project_changed (edit->project);
}

static void
set_string (DiptychProject *self,
            const char     *label,
            GListStore     *store,
            gpointer        object,
            StringSetter    set,
            const char     *old_value,
            const char     *new_value)
{
  StringEdit *edit;

  if (g_strcmp0 (old_value, new_value) == 0)
    return;

  edit = g_new0 (StringEdit, 1);
  edit->project = self;
  edit->store = store;
  edit->object = g_object_ref (object);
  edit->set = set;
  edit->old_value = g_strdup (old_value);
  edit->new_value = g_strdup (new_value);

  string_edit_apply (edit, TRUE);
  diptych_history_record (self->history, label, string_edit_apply, edit, (GDestroyNotify) string_edit_free);
}

/* The state of a link or an omission changed. */
typedef struct
{
  DiptychProject *project;
  GObject        *object;
  DiptychState    old_state;
  DiptychState    new_state;
} StateEdit;

static void
state_edit_free (StateEdit *edit)
{
  g_object_unref (edit->object);
  g_free (edit);
}

static void
state_edit_apply (gpointer data,
                  gboolean redo)
{
  StateEdit *edit = data;
  DiptychState state = redo ? edit->new_state : edit->old_state;

  if (DIPTYCH_IS_LINK (edit->object))
    {
      diptych_link_set_state (DIPTYCH_LINK (edit->object), state);
      store_touch (edit->project->links, edit->object);
    }
  else
    {
      diptych_omission_set_state (DIPTYCH_OMISSION (edit->object), state);
      store_touch (edit->project->omissions, edit->object);
    }

  diptych_project_changed (edit->project);
}

static void
set_state (DiptychProject *self,
           const char     *label,
           gpointer        object,
           DiptychState    old_state,
           DiptychState    new_state)
{
  StateEdit *edit;

  if (old_state == new_state)
    return;

  edit = g_new0 (StateEdit, 1);
  edit->project = self;
  edit->object = g_object_ref (object);
  edit->old_state = old_state;
  edit->new_state = new_state;

  state_edit_apply (edit, TRUE);
  diptych_history_record (self->history, label, state_edit_apply, edit, (GDestroyNotify) state_edit_free);
}

/* Annotations of a link that goes away lose their link id. */
static void
detach_annotations (DiptychProject *self,
                    const char     *link_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->annotations));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DiptychAnnotation) annotation = g_list_model_get_item (G_LIST_MODEL (self->annotations), i);

      if (g_strcmp0 (diptych_annotation_get_link_id (annotation), link_id) == 0)
        set_string (self, NULL, self->annotations, annotation,
                    (StringSetter) diptych_annotation_set_link_id, link_id, NULL);
    }
}

/* ------------------------------------------------------------------ */
/* Documents and settings                                               */
/* ------------------------------------------------------------------ */

DiptychDocument *
diptych_project_get_document (DiptychProject *self,
                              DiptychSide     side)
{
  g_return_val_if_fail (DIPTYCH_IS_PROJECT (self), NULL);
  g_return_val_if_fail (side < DIPTYCH_N_SIDES, NULL);
  return self->documents[side];
}

/* Finds the passage @span of @old_document again in @document. */
static gboolean
reanchor_span (DiptychDocument *old_document,
               DiptychDocument *document,
               DiptychSpan      span,
               DiptychSpan     *found)
{
  g_autofree char *quote = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  diptych_anchor_capture (old_document, span, &quote, &before, &after);
  return diptych_anchor_find (document, quote, before, after, span.start, found);
}

static DiptychLink *
link_copy_with_spans (DiptychLink *link,
                      DiptychSpan  a,
                      DiptychSpan  b)
{
  DiptychLink *copy = diptych_link_new (a, b, diptych_link_get_kind (link),
                                        diptych_link_get_score (link),
                                        diptych_link_get_state (link));

  diptych_link_set_id (copy, diptych_link_get_id (link));
  diptych_link_set_shared_terms (copy, diptych_link_get_shared_terms (link));
  return copy;
}

/* Re-attaches what the user made on @side to @document, which replaces
 * @old_document: annotations by their quote and context (orphaned if it
 * is gone), and decided links and omissions by their text (dropped if it
 * is gone). Model links and omissions are dropped: the next alignment
 * makes new ones. Returns how many items did not re-attach. */
static guint
reanchor_side (DiptychProject  *self,
               DiptychSide      side,
               DiptychDocument *old_document,
               DiptychDocument *document)
{
  g_autoptr(GPtrArray) links = store_items (self->links);
  g_autoptr(GPtrArray) omissions = store_items (self->omissions);
  g_autoptr(GPtrArray) kept_links = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) kept_omissions = g_ptr_array_new_with_free_func (g_object_unref);
  guint lost = 0;
  guint n;

  for (guint i = 0; i < links->len; i++)
    {
      DiptychLink *link = g_ptr_array_index (links, i);
      DiptychSpan spans[DIPTYCH_N_SIDES] = {
        diptych_link_get_span (link, DIPTYCH_SIDE_A),
        diptych_link_get_span (link, DIPTYCH_SIDE_B),
      };

      if (diptych_link_get_state (link) == DIPTYCH_STATE_AUTO)
        {
          detach_annotations (self, diptych_link_get_id (link));
          continue;
        }

      if (old_document != NULL && document != NULL &&
          reanchor_span (old_document, document, spans[side], &spans[side]))
        g_ptr_array_add (kept_links, link_copy_with_spans (link, spans[0], spans[1]));
      else
        {
          detach_annotations (self, diptych_link_get_id (link));
          lost++;
        }
    }

  for (guint i = 0; i < omissions->len; i++)
    {
      DiptychOmission *omission = g_ptr_array_index (omissions, i);
      DiptychSpan span = diptych_omission_get_span (omission);

      if (diptych_omission_get_state (omission) == DIPTYCH_STATE_AUTO)
        continue;

      if (diptych_omission_get_side (omission) != side)
        g_ptr_array_add (kept_omissions, g_object_ref (omission));
      else if (old_document != NULL && document != NULL &&
               reanchor_span (old_document, document, span, &span))
        {
          DiptychOmission *copy = diptych_omission_new (side, span, diptych_omission_get_state (omission));

          diptych_omission_set_id (copy, diptych_omission_get_id (omission));
          g_ptr_array_add (kept_omissions, copy);
        }
      else
        lost++;
    }

  store_replace_all (self->links, kept_links);
  store_replace_all (self->omissions, kept_omissions);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->annotations));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DiptychAnnotation) annotation = g_list_model_get_item (G_LIST_MODEL (self->annotations), i);
      DiptychSpan span = diptych_annotation_get_span (annotation);
      DiptychSpan found;

      if (diptych_annotation_get_side (annotation) != side)
        continue;

      if (document != NULL &&
          diptych_anchor_find (document,
                               diptych_annotation_get_quote (annotation),
                               diptych_annotation_get_context_before (annotation),
                               diptych_annotation_get_context_after (annotation),
                               span.start, &found))
        {
          g_autofree char *before = NULL;
          g_autofree char *after = NULL;

          diptych_anchor_capture (document, found, NULL, &before, &after);
          diptych_annotation_set_span (annotation, found);
          diptych_annotation_set_anchor_text (annotation, diptych_annotation_get_quote (annotation),
                                              before, after);
          diptych_annotation_set_orphaned (annotation, FALSE);
        }
      else
        {
          /* Kept with its note and quote, at a place that exists. */
          guint length = document != NULL ? diptych_document_get_length (document) : 0;

          span.end = MIN (span.end, length);
          span.start = MIN (span.start, span.end);
          diptych_annotation_set_span (annotation, span);
          diptych_annotation_set_orphaned (annotation, TRUE);
          lost++;
        }
      store_touch (self->annotations, annotation);
    }

  return lost;
}

/**
 * diptych_project_replace_document:
 * @side: which document
 * @document: (nullable): the new document, e.g. a re-import of the old one
 *
 * Sets the document of @side. If it replaces another one, annotations
 * and decisions on that side re-attach to the same text in the new
 * document (see diptych_anchor_find()); annotations whose text is gone are
 * kept and marked orphaned, decisions whose text is gone are dropped.
 * The model's links and omissions are dropped (align again) and the
 * undo history is cleared.
 *
 * Returns: how many annotations and decisions did not re-attach
 */
guint
diptych_project_replace_document (DiptychProject  *self,
                                  DiptychSide      side,
                                  DiptychDocument *document)
{
  g_autoptr(DiptychDocument) old_document = NULL;
  guint lost;

  g_return_val_if_fail (DIPTYCH_IS_PROJECT (self), 0);
  g_return_val_if_fail (side < DIPTYCH_N_SIDES, 0);
  g_return_val_if_fail (document == NULL || DIPTYCH_IS_DOCUMENT (document), 0);

  if (self->documents[side] == document)
    return 0;

  old_document = g_steal_pointer (&self->documents[side]);
  self->documents[side] = document != NULL ? g_object_ref (document) : NULL;

  lost = reanchor_side (self, side, old_document, document);
  /* Earlier edits speak of offsets in the old text; the re-anchoring
   * itself is not an edit to undo. */
  diptych_history_clear (self->history);
  if (self->alignment != NULL)
    {
      g_clear_object (&self->alignment);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALIGNMENT]);
    }

  g_object_notify_by_pspec (G_OBJECT (self),
                            properties[side == DIPTYCH_SIDE_A ? PROP_DOCUMENT_A : PROP_DOCUMENT_B]);
  diptych_project_changed (self);

  return lost;
}

void
diptych_project_set_document (DiptychProject  *self,
                              DiptychSide      side,
                              DiptychDocument *document)
{
  diptych_project_replace_document (self, side, document);
}

const DiptychAlignSettings *
diptych_project_get_settings (DiptychProject *self)
{
  g_return_val_if_fail (DIPTYCH_IS_PROJECT (self), NULL);
  return &self->settings;
}

/* Settings only say how to align next; the alignment that follows is the
 * edit that can be undone. */
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

/* ------------------------------------------------------------------ */
/* Alignment and decisions                                              */
/* ------------------------------------------------------------------ */

static int
compare_links_ptr (gconstpointer a,
                   gconstpointer b)
{
  return diptych_link_compare_spans (*(DiptychLink **) a, *(DiptychLink **) b);
}

static int
compare_omissions_ptr (gconstpointer a,
                       gconstpointer b)
{
  return diptych_omission_compare_spans (*(DiptychOmission **) a, *(DiptychOmission **) b);
}

/* Keeps the id counter past ids made elsewhere ("l12" -> 13). */
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

typedef void (*SetIdFunc) (gpointer    item,
                           const char *id);

/* Gives an item of a new alignment an id that no other item in force
 * has: its own, else that of the model's item it repeats (so notes stay
 * attached), else a new one. */
static void
assign_id (DiptychProject *self,
           gpointer        item,
           char            prefix,
           const char     *key,
           GetIdFunc       get_id,
           SetIdFunc       set_id,
           GHashTable     *old_ids,
           GHashTable     *used)
{
  const char *id = get_id (item);

  if (id == NULL || g_hash_table_contains (used, id))
    {
      const char *old_id = g_hash_table_lookup (old_ids, key);
      g_autofree char *new_id = NULL;

      if (old_id != NULL && !g_hash_table_contains (used, old_id))
        new_id = g_strdup (old_id);
      else
        do
          {
            g_free (new_id);
            new_id = next_id (self, prefix);
          }
        while (g_hash_table_contains (used, new_id));

      set_id (item, new_id);
    }

  g_hash_table_add (used, g_strdup (get_id (item)));
}

static char *
link_key (DiptychLink *link)
{
  DiptychSpan a = diptych_link_get_span (link, DIPTYCH_SIDE_A);
  DiptychSpan b = diptych_link_get_span (link, DIPTYCH_SIDE_B);

  return g_strdup_printf ("%u:%u:%u:%u", a.start, a.end, b.start, b.end);
}

static char *
omission_key (DiptychOmission *omission)
{
  DiptychSpan span = diptych_omission_get_span (omission);

  return g_strdup_printf ("%d:%u:%u", diptych_omission_get_side (omission), span.start, span.end);
}

static gboolean
link_overlaps (DiptychLink *a,
               DiptychLink *b,
               DiptychSide  side)
{
  return diptych_span_overlaps (diptych_link_get_span (a, side), diptych_link_get_span (b, side));
}

static gboolean
is_settled (DiptychState state)
{
  return state == DIPTYCH_STATE_CONFIRMED || state == DIPTYCH_STATE_MANUAL;
}

/* Whether the decided links in @decided let the model's @link in. */
static gboolean
link_allowed (DiptychLink *link,
              GPtrArray   *decided)
{
  for (guint i = 0; i < decided->len; i++)
    {
      DiptychLink *d = g_ptr_array_index (decided, i);
      gboolean on_a = link_overlaps (link, d, DIPTYCH_SIDE_A);
      gboolean on_b = link_overlaps (link, d, DIPTYCH_SIDE_B);

      if (is_settled (diptych_link_get_state (d)) ? (on_a || on_b) : (on_a && on_b))
        return FALSE;
    }

  return TRUE;
}

static gboolean
omission_allowed (DiptychOmission *omission,
                  GPtrArray       *decided_omissions,
                  GPtrArray       *decided_links)
{
  DiptychSide side = diptych_omission_get_side (omission);
  DiptychSpan span = diptych_omission_get_span (omission);

  for (guint i = 0; i < decided_omissions->len; i++)
    {
      DiptychOmission *d = g_ptr_array_index (decided_omissions, i);

      if (diptych_omission_get_side (d) == side &&
          diptych_span_overlaps (diptych_omission_get_span (d), span))
        return FALSE;
    }

  for (guint i = 0; i < decided_links->len; i++)
    {
      DiptychLink *d = g_ptr_array_index (decided_links, i);

      if (is_settled (diptych_link_get_state (d)) &&
          diptych_span_overlaps (diptych_link_get_span (d, side), span))
        return FALSE;
    }

  return TRUE;
}

/* A change of alignment: both stores, the alignment, and the annotations
 * whose link went away. */
typedef struct
{
  DiptychProject   *project;
  DiptychAlignment *alignment[2];   /* old, new */
  GPtrArray        *links[2];
  GPtrArray        *omissions[2];
  GPtrArray        *detached;       /* annotations */
  GPtrArray        *detached_ids;   /* their old link ids */
} AlignmentEdit;

static void
alignment_edit_free (AlignmentEdit *edit)
{
  for (guint i = 0; i < 2; i++)
    {
      g_clear_object (&edit->alignment[i]);
      g_clear_pointer (&edit->links[i], g_ptr_array_unref);
      g_clear_pointer (&edit->omissions[i], g_ptr_array_unref);
    }
  g_clear_pointer (&edit->detached, g_ptr_array_unref);
  g_clear_pointer (&edit->detached_ids, g_ptr_array_unref);
  g_free (edit);
}

static void
alignment_edit_apply (gpointer data,
                      gboolean redo)
{
  AlignmentEdit *edit = data;
  DiptychProject *self = edit->project;
  guint which = redo ? 1 : 0;

  for (guint i = 0; i < edit->detached->len; i++)
    {
      DiptychAnnotation *annotation = g_ptr_array_index (edit->detached, i);

      diptych_annotation_set_link_id (annotation, redo ? NULL : g_ptr_array_index (edit->detached_ids, i));
      store_touch (self->annotations, annotation);
    }

  store_replace_all (self->links, edit->links[which]);
  store_replace_all (self->omissions, edit->omissions[which]);
  if (g_set_object (&self->alignment, edit->alignment[which]))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALIGNMENT]);

  diptych_project_changed (self);
}

/**
 * diptych_project_set_alignment:
 * @alignment: (nullable): a result of the model for the project's
 *   documents, or %NULL to drop the model's links and omissions
 *
 * Applies a new alignment and re-applies the user's decisions (see the
 * top of this file). Can be undone when it replaces links or omissions.
 */
void
diptych_project_set_alignment (DiptychProject   *self,
                               DiptychAlignment *alignment)
{
  g_autoptr(GPtrArray) old_links = NULL;
  g_autoptr(GPtrArray) old_omissions = NULL;
  g_autoptr(GHashTable) old_link_ids = NULL;
  g_autoptr(GHashTable) old_omission_ids = NULL;
  g_autoptr(GHashTable) new_link_ids = NULL;
  g_autoptr(GPtrArray) decided_links = NULL;
  g_autoptr(GPtrArray) decided_omissions = NULL;
  g_autoptr(GHashTable) used_ids = NULL;
  AlignmentEdit *edit;
  GPtrArray *links, *omissions;
  guint n_links, n_omissions, n_kept_links, n_kept_omissions;
  guint n_annotations;

  g_return_if_fail (DIPTYCH_IS_PROJECT (self));
  g_return_if_fail (alignment == NULL || DIPTYCH_IS_ALIGNMENT (alignment));

  if (self->alignment == alignment)
    return;

  old_links = store_items (self->links);
  old_omissions = store_items (self->omissions);
  old_link_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  old_omission_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  new_link_ids = g_hash_table_new (g_str_hash, g_str_equal);

  decided_links = g_ptr_array_new_with_free_func (g_object_unref);
  decided_omissions = g_ptr_array_new_with_free_func (g_object_unref);
  used_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < old_links->len; i++)
    {
      DiptychLink *link = g_ptr_array_index (old_links, i);

      if (diptych_link_get_state (link) != DIPTYCH_STATE_AUTO)
        {
          g_ptr_array_add (decided_links, g_object_ref (link));
          if (diptych_link_get_id (link) != NULL)
            g_hash_table_add (used_ids, g_strdup (diptych_link_get_id (link)));
        }
      else if (diptych_link_get_id (link) != NULL)
        g_hash_table_insert (old_link_ids, link_key (link), g_strdup (diptych_link_get_id (link)));
    }

  for (guint i = 0; i < old_omissions->len; i++)
    {
      DiptychOmission *omission = g_ptr_array_index (old_omissions, i);

      if (diptych_omission_get_state (omission) != DIPTYCH_STATE_AUTO)
        {
          g_ptr_array_add (decided_omissions, g_object_ref (omission));
          if (diptych_omission_get_id (omission) != NULL)
            g_hash_table_add (used_ids, g_strdup (diptych_omission_get_id (omission)));
        }
      else if (diptych_omission_get_id (omission) != NULL)
        g_hash_table_insert (old_omission_ids, omission_key (omission),
                             g_strdup (diptych_omission_get_id (omission)));
    }

  /* Ids are unique across links, omissions and annotations. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->annotations)); i++)
    {
      g_autoptr(DiptychAnnotation) annotation = g_list_model_get_item (G_LIST_MODEL (self->annotations), i);

      if (diptych_annotation_get_id (annotation) != NULL)
        g_hash_table_add (used_ids, g_strdup (diptych_annotation_get_id (annotation)));
    }

  n_links = alignment != NULL ? diptych_alignment_get_n_links (alignment) : 0;
  n_omissions = alignment != NULL ? diptych_alignment_get_n_omissions (alignment) : 0;
  n_kept_links = decided_links->len;
  n_kept_omissions = decided_omissions->len;

  /* An alignment may carry decisions too (made by a tool, or by hand):
   * they join the user's, unless the user decided on the same passages. */
  for (guint i = 0; i < n_links; i++)
    {
      DiptychLink *link = diptych_alignment_get_link (alignment, i);
      gboolean known = FALSE;

      if (diptych_link_get_state (link) == DIPTYCH_STATE_AUTO)
        continue;

      for (guint j = 0; j < decided_links->len && !known; j++)
        known = diptych_link_compare_spans (g_ptr_array_index (decided_links, j), link) == 0;
      if (!known)
        g_ptr_array_add (decided_links, g_object_ref (link));
    }

  for (guint i = 0; i < n_omissions; i++)
    {
      DiptychOmission *omission = diptych_alignment_get_omission (alignment, i);
      gboolean known = FALSE;

      if (diptych_omission_get_state (omission) == DIPTYCH_STATE_AUTO)
        continue;

      for (guint j = 0; j < decided_omissions->len && !known; j++)
        known = diptych_omission_compare_spans (g_ptr_array_index (decided_omissions, j), omission) == 0;
      if (!known)
        g_ptr_array_add (decided_omissions, g_object_ref (omission));
    }

  links = g_ptr_array_new_with_free_func (g_object_unref);
  omissions = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < decided_links->len; i++)
    {
      DiptychLink *link = g_ptr_array_index (decided_links, i);

      if (i >= n_kept_links)
        {
          g_autofree char *key = link_key (link);
          assign_id (self, link, 'l', key, (GetIdFunc) diptych_link_get_id,
                     (SetIdFunc) diptych_link_set_id, old_link_ids, used_ids);
        }
      g_ptr_array_add (links, g_object_ref (link));
    }

  for (guint i = 0; i < decided_omissions->len; i++)
    {
      DiptychOmission *omission = g_ptr_array_index (decided_omissions, i);

      if (i >= n_kept_omissions)
        {
          g_autofree char *key = omission_key (omission);
          assign_id (self, omission, 'o', key, (GetIdFunc) diptych_omission_get_id,
                     (SetIdFunc) diptych_omission_set_id, old_omission_ids, used_ids);
        }
      g_ptr_array_add (omissions, g_object_ref (omission));
    }

  for (guint i = 0; i < n_links; i++)
    {
      DiptychLink *link = diptych_alignment_get_link (alignment, i);
      g_autofree char *key = NULL;

      if (diptych_link_get_state (link) != DIPTYCH_STATE_AUTO || !link_allowed (link, decided_links))
        continue;

      key = link_key (link);
      assign_id (self, link, 'l', key, (GetIdFunc) diptych_link_get_id,
                 (SetIdFunc) diptych_link_set_id, old_link_ids, used_ids);
      g_ptr_array_add (links, g_object_ref (link));
    }

  for (guint i = 0; i < n_omissions; i++)
    {
      DiptychOmission *omission = diptych_alignment_get_omission (alignment, i);
      g_autofree char *key = NULL;

      if (diptych_omission_get_state (omission) != DIPTYCH_STATE_AUTO ||
          !omission_allowed (omission, decided_omissions, decided_links))
        continue;

      key = omission_key (omission);
      assign_id (self, omission, 'o', key, (GetIdFunc) diptych_omission_get_id,
                 (SetIdFunc) diptych_omission_set_id, old_omission_ids, used_ids);
      g_ptr_array_add (omissions, g_object_ref (omission));
    }

  g_ptr_array_sort (links, compare_links_ptr);
  g_ptr_array_sort (omissions, compare_omissions_ptr);

  edit = g_new0 (AlignmentEdit, 1);
  edit->project = self;
  edit->alignment[0] = self->alignment != NULL ? g_object_ref (self->alignment) : NULL;
  edit->alignment[1] = alignment != NULL ? g_object_ref (alignment) : NULL;
  edit->links[0] = g_steal_pointer (&old_links);
  edit->links[1] = links;
  edit->omissions[0] = g_steal_pointer (&old_omissions);
  edit->omissions[1] = omissions;
  edit->detached = g_ptr_array_new_with_free_func (g_object_unref);
  edit->detached_ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < links->len; i++)
    g_hash_table_add (new_link_ids, (gpointer) diptych_link_get_id (g_ptr_array_index (links, i)));

  n_annotations = g_list_model_get_n_items (G_LIST_MODEL (self->annotations));
  for (guint i = 0; i < n_annotations; i++)
    {
      DiptychAnnotation *annotation = g_list_model_get_item (G_LIST_MODEL (self->annotations), i);
      const char *link_id = diptych_annotation_get_link_id (annotation);

      if (link_id != NULL && !g_hash_table_contains (new_link_ids, link_id))
        {
          g_ptr_array_add (edit->detached_ids, g_strdup (link_id));
          g_ptr_array_add (edit->detached, annotation);
        }
      else
        g_object_unref (annotation);
    }

  alignment_edit_apply (edit, TRUE);

  /* The first alignment of a project replaces nothing worth undoing. */
  if (edit->links[0]->len > 0 || edit->omissions[0]->len > 0)
    diptych_history_record (self->history, _("Re-align"), alignment_edit_apply, edit,
                            (GDestroyNotify) alignment_edit_free);
  else
    alignment_edit_free (edit);
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

static gboolean
check_span (DiptychProject  *self,
            DiptychSide      side,
            DiptychSpan      span,
            GError         **error)
{
  DiptychDocument *document = self->documents[side];

  if (document == NULL)
    {
      g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_INVALID,
                   _("Document %s is not open"), diptych_side_get_label (side));
      return FALSE;
    }

  if (span.start >= span.end || !diptych_document_span_is_valid (document, span))
    {
      g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_INVALID,
                   _("Select a passage of document %s first"), diptych_side_get_label (side));
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_in_store (GListStore  *store,
                gpointer     item,
                GError     **error)
{
  if (!g_list_store_find (store, item, NULL))
    {
      g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_NOT_FOUND,
                   _("This item is no longer part of the project"));
      return FALSE;
    }

  return TRUE;
}

/* Where @item goes in @store to keep it sorted by @compare. */
static guint
sorted_position (GListStore  *store,
                 gpointer     item,
                 GCompareFunc compare)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
  guint position;

  for (position = 0; position < n; position++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (G_LIST_MODEL (store), position);

      if (compare (&other, &item) > 0)
        break;
    }

  return position;
}

/* A decision on a link or omission the model proposed. */
static gboolean
decide (DiptychProject  *self,
        GListStore      *store,
        gpointer         item,
        DiptychState     old_state,
        DiptychState     state,
        const char      *manual_message,
        const char      *confirm_label,
        const char      *reject_label,
        const char      *reset_label,
        GError         **error)
{
  const char *label;

  if (!check_in_store (store, item, error))
    return FALSE;

  if (old_state == DIPTYCH_STATE_MANUAL || state == DIPTYCH_STATE_MANUAL)
    {
      g_set_error_literal (error, DIPTYCH_ERROR, DIPTYCH_ERROR_INVALID, manual_message);
      return FALSE;
    }

  switch (state)
    {
    case DIPTYCH_STATE_CONFIRMED: label = confirm_label; break;
    case DIPTYCH_STATE_REJECTED: label = reject_label; break;
    default: label = reset_label; break;
    }

  set_state (self, label, item, old_state, state);
  return TRUE;
}

/**
 * diptych_project_add_link:
 * @span_a: a passage of document A
 * @span_b: a passage of document B
 *
 * Links two passages the user selected (state manual). Word-level
 * differences are left to be computed (diptych_word_diff()).
 *
 * Returns: (transfer none): the new link, or %NULL with @error set
 */
DiptychLink *
diptych_project_add_link (DiptychProject  *self,
                          DiptychSpan      span_a,
                          DiptychSpan      span_b,
                          GError         **error)
{
  g_autoptr(DiptychLink) link = NULL;
  g_autofree char *id = NULL;
  g_autofree char *text_a = NULL;
  g_autofree char *text_b = NULL;
  guint n;

  g_return_val_if_fail (DIPTYCH_IS_PROJECT (self), NULL);

  if (!check_span (self, DIPTYCH_SIDE_A, span_a, error) ||
      !check_span (self, DIPTYCH_SIDE_B, span_b, error))
    return NULL;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->links));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DiptychLink) other = g_list_model_get_item (G_LIST_MODEL (self->links), i);

      if (diptych_link_get_state (other) != DIPTYCH_STATE_REJECTED &&
          diptych_span_equal (diptych_link_get_span (other, DIPTYCH_SIDE_A), span_a) &&
          diptych_span_equal (diptych_link_get_span (other, DIPTYCH_SIDE_B), span_b))
        {
          g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_INVALID,
                       _("These passages are already linked"));
          return NULL;
        }
    }

  text_a = diptych_document_dup_span (self->documents[DIPTYCH_SIDE_A], span_a);
  text_b = diptych_document_dup_span (self->documents[DIPTYCH_SIDE_B], span_b);
  link = diptych_link_new (span_a, span_b,
                           g_strcmp0 (text_a, text_b) == 0 ? DIPTYCH_LINK_IDENTICAL : DIPTYCH_LINK_REWORDED,
                           1.0, DIPTYCH_STATE_MANUAL);
  id = next_free_id (self, 'l');
  diptych_link_set_id (link, id);

  insert_item (self, _("Add Link"), self->links,
               sorted_position (self->links, link, compare_links_ptr), link);
  return link;
}

/**
 * diptych_project_set_link_state:
 * @state: %DIPTYCH_STATE_CONFIRMED, %DIPTYCH_STATE_REJECTED or
 *   %DIPTYCH_STATE_AUTO (take the decision back)
 *
 * Decides on a link proposed by the model. Manual links cannot change
 * state (remove them instead).
 */
gboolean
diptych_project_set_link_state (DiptychProject  *self,
                                DiptychLink     *link,
                                DiptychState     state,
                                GError         **error)
{
  g_return_val_if_fail (DIPTYCH_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (DIPTYCH_IS_LINK (link), FALSE);

  return decide (self, self->links, link, diptych_link_get_state (link), state,
                 _("A link drawn by hand can only be removed"),
                 _("Confirm Link"), _("Reject Link"), _("Reset Link"), error);
}

gboolean
diptych_project_confirm_link (DiptychProject  *self,
                              DiptychLink     *link,
                              GError         **error)
{
  return diptych_project_set_link_state (self, link, DIPTYCH_STATE_CONFIRMED, error);
}

gboolean
diptych_project_reject_link (DiptychProject  *self,
                             DiptychLink     *link,
                             GError         **error)
{
  return diptych_project_set_link_state (self, link, DIPTYCH_STATE_REJECTED, error);
}

/* See the top of this file: a model link is rejected, a manual or
 * rejected one is deleted and its annotations lose their link id. */
gboolean
diptych_project_remove_link (DiptychProject  *self,
                             DiptychLink     *link,
                             GError         **error)
{
  DiptychState state;

  g_return_val_if_fail (DIPTYCH_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (DIPTYCH_IS_LINK (link), FALSE);

  if (!check_in_store (self->links, link, error))
    return FALSE;

  state = diptych_link_get_state (link);
  if (state == DIPTYCH_STATE_AUTO || state == DIPTYCH_STATE_CONFIRMED)
    {
      set_state (self, _("Remove Link"), link, state, DIPTYCH_STATE_REJECTED);
      return TRUE;
    }

  diptych_history_begin_group (self->history, _("Remove Link"));
  detach_annotations (self, diptych_link_get_id (link));
  remove_item (self, NULL, self->links, link);
  diptych_history_end_group (self->history);
  return TRUE;
}

/**
 * diptych_project_mark_omission:
 *
 * Marks a passage as an omission (a manual omission, or the confirmation
 * of the model's omission of exactly that passage).
 *
 * Returns: (transfer none): the omission, or %NULL with @error set
 */
DiptychOmission *
diptych_project_mark_omission (DiptychProject  *self,
                               DiptychSide      side,
                               DiptychSpan      span,
                               GError         **error)
{
  g_autoptr(DiptychOmission) omission = NULL;
  g_autofree char *id = NULL;
  guint n;

  g_return_val_if_fail (DIPTYCH_IS_PROJECT (self), NULL);
  g_return_val_if_fail (side < DIPTYCH_N_SIDES, NULL);

  if (!check_span (self, side, span, error))
    return NULL;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->omissions));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DiptychOmission) other = g_list_model_get_item (G_LIST_MODEL (self->omissions), i);
      DiptychState state = diptych_omission_get_state (other);

      if (diptych_omission_get_side (other) != side ||
          !diptych_span_equal (diptych_omission_get_span (other), span))
        continue;

      if (is_settled (state))
        {
          g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_INVALID,
                       _("This passage is already marked as an omission"));
          return NULL;
        }

      set_state (self, _("Mark Omission"), other, state, DIPTYCH_STATE_CONFIRMED);
      return other;
    }

  omission = diptych_omission_new (side, span, DIPTYCH_STATE_MANUAL);
  id = next_free_id (self, 'o');
  diptych_omission_set_id (omission, id);

  insert_item (self, _("Mark Omission"), self->omissions,
               sorted_position (self->omissions, omission, compare_omissions_ptr), omission);
  return omission;
}

/**
 * diptych_project_set_omission_state:
 * @state: %DIPTYCH_STATE_CONFIRMED, %DIPTYCH_STATE_REJECTED (not an
 *   omission) or %DIPTYCH_STATE_AUTO (take the decision back)
 */
gboolean
diptych_project_set_omission_state (DiptychProject   *self,
                                    DiptychOmission  *omission,
                                    DiptychState      state,
                                    GError          **error)
{
  g_return_val_if_fail (DIPTYCH_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (DIPTYCH_IS_OMISSION (omission), FALSE);

  return decide (self, self->omissions, omission, diptych_omission_get_state (omission), state,
                 _("An omission marked by hand can only be removed"),
                 _("Confirm Omission"), _("Mark as Not an Omission"), _("Reset Omission"), error);
}

/* A model omission is rejected ("not an omission"); a manual or rejected
 * one is deleted. */
gboolean
diptych_project_remove_omission (DiptychProject   *self,
                                 DiptychOmission  *omission,
                                 GError          **error)
{
  DiptychState state;

  g_return_val_if_fail (DIPTYCH_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (DIPTYCH_IS_OMISSION (omission), FALSE);

  if (!check_in_store (self->omissions, omission, error))
    return FALSE;

  state = diptych_omission_get_state (omission);
  if (state == DIPTYCH_STATE_AUTO || state == DIPTYCH_STATE_CONFIRMED)
    set_state (self, _("Mark as Not an Omission"), omission, state, DIPTYCH_STATE_REJECTED);
  else
    remove_item (self, _("Remove Omission"), self->omissions, omission);

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Tags                                                                 */
/* ------------------------------------------------------------------ */

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

static gboolean
check_tag_name (DiptychProject  *self,
                DiptychTag      *tag,
                const char      *name,
                GError         **error)
{
  DiptychTag *existing;

  if (name == NULL || *name == '\0' || !g_utf8_validate (name, -1, NULL))
    {
      g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_INVALID, _("A tag needs a name"));
      return FALSE;
    }

  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_unichar_iscntrl (g_utf8_get_char (p)))
        {
          g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_INVALID,
                       _("A tag name cannot contain line breaks or control characters"));
          return FALSE;
        }
    }

  existing = diptych_project_find_tag (self, name);
  if (existing != NULL && existing != tag)
    {
      g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_INVALID,
                   _("There is already a tag named “%s”"), name);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_color (const char  *color,
             GError     **error)
{
  if (!diptych_tag_color_is_valid (color))
    {
      g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_INVALID,
                   _("“%s” is not a color like #3584e4"), color != NULL ? color : "");
      return FALSE;
    }

  return TRUE;
}

void
diptych_project_add_tag (DiptychProject *self,
                         DiptychTag     *tag)
{
  g_return_if_fail (DIPTYCH_IS_PROJECT (self));
  g_return_if_fail (DIPTYCH_IS_TAG (tag));

  insert_item (self, _("Add Tag"), self->tags,
               g_list_model_get_n_items (G_LIST_MODEL (self->tags)), tag);
}

/**
 * diptych_project_create_tag:
 *
 * Returns: (transfer none): a new tag at the end of the tag set, or %NULL
 *   with @error set if the name is empty or taken or the color invalid
 */
DiptychTag *
diptych_project_create_tag (DiptychProject  *self,
                            const char      *name,
                            const char      *color,
                            GError         **error)
{
  g_autoptr(DiptychTag) tag = NULL;

  g_return_val_if_fail (DIPTYCH_IS_PROJECT (self), NULL);

  if (!check_tag_name (self, NULL, name, error) || !check_color (color, error))
    return NULL;

  tag = diptych_tag_new (name, color);
  diptych_project_add_tag (self, tag);
  return tag;
}

/* Renames the tag and, with it, the tag of its annotations. */
gboolean
diptych_project_rename_tag (DiptychProject  *self,
                            DiptychTag      *tag,
                            const char      *name,
                            GError         **error)
{
  g_autofree char *old_name = NULL;
  guint n;

  g_return_val_if_fail (DIPTYCH_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (DIPTYCH_IS_TAG (tag), FALSE);

  if (!check_in_store (self->tags, tag, error) || !check_tag_name (self, tag, name, error))
    return FALSE;

  old_name = g_strdup (diptych_tag_get_name (tag));
  if (g_strcmp0 (old_name, name) == 0)
    return TRUE;

  diptych_history_begin_group (self->history, _("Rename Tag"));
  set_string (self, NULL, self->tags, tag, (StringSetter) diptych_tag_set_name, old_name, name);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->annotations));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DiptychAnnotation) annotation = g_list_model_get_item (G_LIST_MODEL (self->annotations), i);

      if (g_strcmp0 (diptych_annotation_get_tag (annotation), old_name) == 0)
        set_string (self, NULL, self->annotations, annotation,
                    (StringSetter) diptych_annotation_set_tag, old_name, name);
    }
  diptych_history_end_group (self->history);

  return TRUE;
}

gboolean
diptych_project_set_tag_color (DiptychProject  *self,
                               DiptychTag      *tag,
                               const char      *color,
                               GError         **error)
{
  g_return_val_if_fail (DIPTYCH_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (DIPTYCH_IS_TAG (tag), FALSE);

  if (!check_in_store (self->tags, tag, error) || !check_color (color, error))
    return FALSE;

  set_string (self, _("Change Tag Color"), self->tags, tag,
              (StringSetter) diptych_tag_set_color, diptych_tag_get_color (tag), color);
  return TRUE;
}

/* The tag's annotations stay, untagged; undo gives the tag back. */
gboolean
diptych_project_remove_tag (DiptychProject  *self,
                            DiptychTag      *tag,
                            GError         **error)
{
  g_autofree char *name = NULL;
  guint n;

  g_return_val_if_fail (DIPTYCH_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (DIPTYCH_IS_TAG (tag), FALSE);

  if (!check_in_store (self->tags, tag, error))
    return FALSE;

  name = g_strdup (diptych_tag_get_name (tag));
  diptych_history_begin_group (self->history, _("Remove Tag"));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->annotations));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DiptychAnnotation) annotation = g_list_model_get_item (G_LIST_MODEL (self->annotations), i);

      if (g_strcmp0 (diptych_annotation_get_tag (annotation), name) == 0)
        set_string (self, NULL, self->annotations, annotation,
                    (StringSetter) diptych_annotation_set_tag, name, "");
    }

  remove_item (self, NULL, self->tags, tag);
  diptych_history_end_group (self->history);

  return TRUE;
}

/* Colors from the GNOME palette, told apart also by color-blind users
 * through their lightness. Not recorded in the history: the starting set
 * of a new project. Tags already there are kept. */
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
      g_autoptr(DiptychTag) tag = NULL;

      if (diptych_project_find_tag (self, _(defaults[i].name)) != NULL)
        continue;
      tag = diptych_tag_new (_(defaults[i].name), defaults[i].color);
      g_list_store_append (self->tags, tag);
    }
}

/* ------------------------------------------------------------------ */
/* Annotations                                                          */
/* ------------------------------------------------------------------ */

/* Adds @annotation as it is (for callers that built it); fills in its id
 * and its quote and context from the document. Undoable. */
void
diptych_project_add_annotation (DiptychProject    *self,
                                DiptychAnnotation *annotation)
{
  DiptychDocument *document;

  g_return_if_fail (DIPTYCH_IS_PROJECT (self));
  g_return_if_fail (DIPTYCH_IS_ANNOTATION (annotation));

  if (diptych_annotation_get_id (annotation) == NULL)
    {
      g_autofree char *id = next_free_id (self, 'n');
      diptych_annotation_set_id (annotation, id);
    }

  document = self->documents[diptych_annotation_get_side (annotation)];
  if (document != NULL && diptych_annotation_get_quote (annotation) == NULL)
    {
      g_autofree char *quote = NULL;
      g_autofree char *context_before = NULL;
      g_autofree char *context_after = NULL;

      diptych_anchor_capture (document, diptych_annotation_get_span (annotation),
                              &quote, &context_before, &context_after);
      diptych_annotation_set_anchor_text (annotation, quote, context_before, context_after);
    }

  insert_item (self, _("Add Annotation"), self->annotations,
               g_list_model_get_n_items (G_LIST_MODEL (self->annotations)), annotation);
}

/**
 * diptych_project_annotate:
 * @side: the document
 * @span: the selected passage
 * @tag: (nullable): a tag of the tag set, or %NULL / "" for none
 * @note: (nullable): the note
 * @link_id: (nullable): the link the note speaks of
 *
 * Returns: (transfer none): the new annotation, or %NULL with @error set
 */
DiptychAnnotation *
diptych_project_annotate (DiptychProject  *self,
                          DiptychSide      side,
                          DiptychSpan      span,
                          const char      *tag,
                          const char      *note,
                          const char      *link_id,
                          GError         **error)
{
  g_autoptr(DiptychAnnotation) annotation = NULL;

  g_return_val_if_fail (DIPTYCH_IS_PROJECT (self), NULL);
  g_return_val_if_fail (side < DIPTYCH_N_SIDES, NULL);

  if (!check_span (self, side, span, error))
    return NULL;

  if (tag != NULL && *tag != '\0' && diptych_project_find_tag (self, tag) == NULL)
    {
      g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_NOT_FOUND,
                   _("There is no tag named “%s”"), tag);
      return NULL;
    }

  if (link_id != NULL && diptych_project_find_link (self, link_id) == NULL)
    {
      g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_NOT_FOUND,
                   _("The link this note speaks of no longer exists"));
      return NULL;
    }

  annotation = diptych_annotation_new (side, span, tag, note);
  diptych_annotation_set_link_id (annotation, link_id);
  diptych_project_add_annotation (self, annotation);
  return annotation;
}

gboolean
diptych_project_remove_annotation (DiptychProject    *self,
                                   DiptychAnnotation *annotation)
{
  g_return_val_if_fail (DIPTYCH_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (DIPTYCH_IS_ANNOTATION (annotation), FALSE);

  return remove_item (self, _("Remove Annotation"), self->annotations, annotation);
}

gboolean
diptych_project_set_annotation_note (DiptychProject     *self,
                                     DiptychAnnotation  *annotation,
                                     const char         *note,
                                     GError            **error)
{
  g_return_val_if_fail (DIPTYCH_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (DIPTYCH_IS_ANNOTATION (annotation), FALSE);

  if (!check_in_store (self->annotations, annotation, error))
    return FALSE;

  set_string (self, _("Edit Note"), self->annotations, annotation,
              (StringSetter) diptych_annotation_set_note,
              diptych_annotation_get_note (annotation), note != NULL ? note : "");
  return TRUE;
}

gboolean
diptych_project_set_annotation_tag (DiptychProject     *self,
                                    DiptychAnnotation  *annotation,
                                    const char         *tag,
                                    GError            **error)
{
  g_return_val_if_fail (DIPTYCH_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (DIPTYCH_IS_ANNOTATION (annotation), FALSE);

  if (!check_in_store (self->annotations, annotation, error))
    return FALSE;

  if (tag == NULL)
    tag = "";
  if (*tag != '\0' && diptych_project_find_tag (self, tag) == NULL)
    {
      g_set_error (error, DIPTYCH_ERROR, DIPTYCH_ERROR_NOT_FOUND,
                   _("There is no tag named “%s”"), tag);
      return FALSE;
    }

  set_string (self, _("Change Tag"), self->annotations, annotation,
              (StringSetter) diptych_annotation_set_tag,
              diptych_annotation_get_tag (annotation), tag);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* File state                                                           */
/* ------------------------------------------------------------------ */

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

/* ------------------------------------------------------------------ */
/* For the project file reader                                          */
/* ------------------------------------------------------------------ */

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

void
diptych_project_load_done (DiptychProject *self)
{
  g_autoptr(DiptychAlignment) alignment = NULL;
  guint n;

  g_return_if_fail (DIPTYCH_IS_PROJECT (self));

  alignment = diptych_alignment_new (&self->settings);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->links));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DiptychLink) link = g_list_model_get_item (G_LIST_MODEL (self->links), i);
      diptych_alignment_add_link (alignment, link);
    }
  n = g_list_model_get_n_items (G_LIST_MODEL (self->omissions));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DiptychOmission) omission = g_list_model_get_item (G_LIST_MODEL (self->omissions), i);
      diptych_alignment_add_omission (alignment, omission);
    }

  if (g_set_object (&self->alignment, alignment))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALIGNMENT]);
  diptych_history_clear (self->history);
  diptych_project_set_modified (self, FALSE);
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
