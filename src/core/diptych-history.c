/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "diptych-history"

#include "config.h"

#include <glib/gi18n.h>

#include "diptych-history.h"
#include "diptych-util.h"

/* Older edits are forgotten: each may hold a whole alignment. */
#define MAX_EDITS 200

typedef struct _Command Command;

struct _Command
{
  char                    *label;
  DiptychHistoryApplyFunc  apply;
  gpointer                 data;
  GDestroyNotify           destroy;
  GPtrArray               *children;   /* of Command, for a group */
};

struct _DiptychHistory
{
  GObject    parent_instance;

  GPtrArray *undo_stack;   /* of Command, last is next to undo */
  GPtrArray *redo_stack;   /* of Command, last is next to redo */
  GPtrArray *groups;       /* of Command, open groups, innermost last */
  char      *undo_label;
  char      *redo_label;
  guint      applying;
};

G_DEFINE_FINAL_TYPE (DiptychHistory, diptych_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
command_free (Command *command)
{
  if (command->destroy != NULL)
    command->destroy (command->data);
  g_clear_pointer (&command->children, g_ptr_array_unref);
  g_free (command->label);
  g_free (command);
}

static Command *
command_new (const char *label)
{
  Command *command = g_new0 (Command, 1);

  command->label = g_strdup (label);
  return command;
}

static void
command_apply (Command  *command,
               gboolean  redo)
{
  if (command->children != NULL)
    {
      guint n = command->children->len;

      for (guint i = 0; i < n; i++)
        command_apply (g_ptr_array_index (command->children, redo ? i : n - 1 - i), redo);
    }
  else
    command->apply (command->data, redo);
}

static char *
make_label (GPtrArray *stack,
            gboolean   undo)
{
  Command *top = stack->len > 0 ? g_ptr_array_index (stack, stack->len - 1) : NULL;

  if (top == NULL || top->label == NULL)
    return g_strdup (undo ? _("Undo") : _("Redo"));

  /* TRANSLATORS: %s is an edit, like "Add Annotation" */
  return undo ? g_strdup_printf (_("Undo %s"), top->label)
              : g_strdup_printf (_("Redo %s"), top->label);
}

/* Notifies what changed since @can_undo and @can_redo. */
static void
update (DiptychHistory *self,
        gboolean        could_undo,
        gboolean        could_redo)
{
  g_autofree char *undo_label = make_label (self->undo_stack, TRUE);
  g_autofree char *redo_label = make_label (self->redo_stack, FALSE);

  if (could_undo != (self->undo_stack->len > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != (self->redo_stack->len > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  if (diptych_set_str (&self->undo_label, undo_label))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
  if (diptych_set_str (&self->redo_label, redo_label))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
}

static void
diptych_history_finalize (GObject *object)
{
  DiptychHistory *self = (DiptychHistory *) object;

  g_ptr_array_unref (self->undo_stack);
  g_ptr_array_unref (self->redo_stack);
  g_ptr_array_unref (self->groups);
  g_free (self->undo_label);
  g_free (self->redo_label);

  G_OBJECT_CLASS (diptych_history_parent_class)->finalize (object);
}

static void
diptych_history_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  DiptychHistory *self = DIPTYCH_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, diptych_history_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, diptych_history_get_can_redo (self));
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, self->undo_label);
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, self->redo_label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
diptych_history_class_init (DiptychHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = diptych_history_finalize;
  object_class->get_property = diptych_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
diptych_history_init (DiptychHistory *self)
{
  self->undo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify) command_free);
  self->redo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify) command_free);
  self->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) command_free);
  self->undo_label = make_label (self->undo_stack, TRUE);
  self->redo_label = make_label (self->redo_stack, FALSE);
}

DiptychHistory *
diptych_history_new (void)
{
  return g_object_new (DIPTYCH_TYPE_HISTORY, NULL);
}

static void
push (DiptychHistory *self,
      Command        *command)
{
  gboolean could_undo = self->undo_stack->len > 0;
  gboolean could_redo = self->redo_stack->len > 0;

  if (self->groups->len > 0)
    {
      Command *group = g_ptr_array_index (self->groups, self->groups->len - 1);
      g_ptr_array_add (group->children, command);
      return;
    }

  g_ptr_array_set_size (self->redo_stack, 0);
  g_ptr_array_add (self->undo_stack, command);
  if (self->undo_stack->len > MAX_EDITS)
    g_ptr_array_remove_index (self->undo_stack, 0);
  update (self, could_undo, could_redo);
}

/**
 * diptych_history_record:
 * @label: what the edit was, for "Undo …" (translated), or %NULL
 * @apply: undoes or redoes the edit
 * @data: passed to @apply; owned by the history
 * @destroy: (nullable): frees @data
 *
 * Records an edit that was just made. Clears what could be redone.
 */
void
diptych_history_record (DiptychHistory          *self,
                        const char              *label,
                        DiptychHistoryApplyFunc  apply,
                        gpointer                 data,
                        GDestroyNotify           destroy)
{
  Command *command;

  g_return_if_fail (DIPTYCH_IS_HISTORY (self));
  g_return_if_fail (apply != NULL);

  if (self->applying > 0)
    {
      if (destroy != NULL)
        destroy (data);
      return;
    }

  command = command_new (label);
  command->apply = apply;
  command->data = data;
  command->destroy = destroy;
  push (self, command);
}

void
diptych_history_begin_group (DiptychHistory *self,
                             const char     *label)
{
  Command *group;

  g_return_if_fail (DIPTYCH_IS_HISTORY (self));

  group = command_new (label);
  group->children = g_ptr_array_new_with_free_func ((GDestroyNotify) command_free);
  g_ptr_array_add (self->groups, group);
}

/* An empty group records nothing; a group of one edit is that edit, under
 * the group's label. */
void
diptych_history_end_group (DiptychHistory *self)
{
  Command *group;

  g_return_if_fail (DIPTYCH_IS_HISTORY (self));
  g_return_if_fail (self->groups->len > 0);

  group = g_ptr_array_steal_index (self->groups, self->groups->len - 1);
  if (group->children->len == 0)
    {
      command_free (group);
      return;
    }

  push (self, group);
}

gboolean
diptych_history_undo (DiptychHistory *self)
{
  gboolean could_redo;
  Command *command;

  g_return_val_if_fail (DIPTYCH_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (self->groups->len == 0, FALSE);

  if (self->undo_stack->len == 0 || self->applying > 0)
    return FALSE;

  could_redo = self->redo_stack->len > 0;
  command = g_ptr_array_steal_index (self->undo_stack, self->undo_stack->len - 1);
  self->applying++;
  command_apply (command, FALSE);
  self->applying--;
  g_ptr_array_add (self->redo_stack, command);
  update (self, TRUE, could_redo);

  return TRUE;
}

gboolean
diptych_history_redo (DiptychHistory *self)
{
  gboolean could_undo;
  Command *command;

  g_return_val_if_fail (DIPTYCH_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (self->groups->len == 0, FALSE);

  if (self->redo_stack->len == 0 || self->applying > 0)
    return FALSE;

  could_undo = self->undo_stack->len > 0;
  command = g_ptr_array_steal_index (self->redo_stack, self->redo_stack->len - 1);
  self->applying++;
  command_apply (command, TRUE);
  self->applying--;
  g_ptr_array_add (self->undo_stack, command);
  update (self, could_undo, TRUE);

  return TRUE;
}

void
diptych_history_clear (DiptychHistory *self)
{
  gboolean could_undo, could_redo;

  g_return_if_fail (DIPTYCH_IS_HISTORY (self));

  could_undo = self->undo_stack->len > 0;
  could_redo = self->redo_stack->len > 0;
  g_ptr_array_set_size (self->undo_stack, 0);
  g_ptr_array_set_size (self->redo_stack, 0);
  update (self, could_undo, could_redo);
}

gboolean
diptych_history_get_can_undo (DiptychHistory *self)
{
  g_return_val_if_fail (DIPTYCH_IS_HISTORY (self), FALSE);
  return self->undo_stack->len > 0;
}

gboolean
diptych_history_get_can_redo (DiptychHistory *self)
{
  g_return_val_if_fail (DIPTYCH_IS_HISTORY (self), FALSE);
  return self->redo_stack->len > 0;
}

const char *
diptych_history_get_undo_label (DiptychHistory *self)
{
  g_return_val_if_fail (DIPTYCH_IS_HISTORY (self), NULL);
  return self->undo_label;
}

const char *
diptych_history_get_redo_label (DiptychHistory *self)
{
  g_return_val_if_fail (DIPTYCH_IS_HISTORY (self), NULL);
  return self->redo_label;
}

gboolean
diptych_history_is_applying (DiptychHistory *self)
{
  g_return_val_if_fail (DIPTYCH_IS_HISTORY (self), FALSE);
  return self->applying > 0;
}
