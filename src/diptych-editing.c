/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "diptych-editing"

#include "config.h"

#include <glib/gi18n.h>

#include "diptych-annotation-gutter.h"
#include "diptych-editing.h"
#include "diptych-export-dialog.h"
#include "diptych-print.h"
#include "diptych-tag-editor.h"
#include "diptych-window.h"

#define ANNOTATION_TAG_PREFIX "diptych-annotation-"

struct _DiptychEditing
{
  GObject                   parent_instance;

  DiptychWindow            *window;     /* weak: the window owns us */
  DiptychAnnotationSidebar *sidebar;
  DiptychAnnotationEditor  *editor;
  GMenu                    *extra_menu;
  GtkWidget                *link_buttons;     /* weak: in the window */
  GtkWidget                *omission_buttons; /* weak: in the window */
};

G_DEFINE_FINAL_TYPE (DiptychEditing, diptych_editing, G_TYPE_OBJECT)

typedef struct
{
  const char *label;
  const char *action;
  const char *tooltip;
} DecisionButton;

static DiptychProject *
project_of (DiptychEditing *self)
{
  return diptych_window_get_project (self->window);
}

static GtkTextView *
view_of (DiptychEditing *self,
         DiptychSide     side)
{
  return diptych_pane_get_view (diptych_window_get_pane (self->window, side));
}

static DiptychSelection *
selection_of (DiptychEditing *self)
{
  return diptych_comparison_get_selection (diptych_window_get_comparison (self->window));
}

static void
report_error (DiptychEditing *self,
              const GError   *error)
{
  diptych_window_add_toast (self->window, error->message);
}

/**
 * diptych_editing_get_passage:
 *
 * Returns: %TRUE if text is selected in the pane of @side; @span is then
 *   the selected passage
 */
gboolean
diptych_editing_get_passage (DiptychEditing *self,
                             DiptychSide     side,
                             DiptychSpan    *span)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (DIPTYCH_IS_EDITING (self), FALSE);

  if (diptych_project_get_document (project_of (self), side) == NULL)
    return FALSE;
  buffer = gtk_text_view_get_buffer (view_of (self, side));
  if (!gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    return FALSE;

  span->start = gtk_text_iter_get_offset (&start);
  span->end = gtk_text_iter_get_offset (&end);
  return span->end > span->start;
}

/* The focused pane's selection, else the other pane's. */
static gboolean
get_any_passage (DiptychEditing *self,
                 DiptychSide    *side,
                 DiptychSpan    *span)
{
  DiptychSide focused = diptych_comparison_get_focused_side (diptych_window_get_comparison (self->window));

  if (diptych_editing_get_passage (self, focused, span))
    {
      *side = focused;
      return TRUE;
    }
  if (diptych_editing_get_passage (self, 1 - focused, span))
    {
      *side = 1 - focused;
      return TRUE;
    }
  return FALSE;
}

/* Undo / redo */

static void
history_changed_cb (DiptychEditing *self)
{
  DiptychHistory *history = diptych_project_get_history (project_of (self));
  GAction *undo = g_action_map_lookup_action (G_ACTION_MAP (self->window), "undo");
  GAction *redo = g_action_map_lookup_action (G_ACTION_MAP (self->window), "redo");

  g_simple_action_set_enabled (G_SIMPLE_ACTION (undo), diptych_history_get_can_undo (history));
  g_simple_action_set_enabled (G_SIMPLE_ACTION (redo), diptych_history_get_can_redo (history));
  gtk_widget_set_tooltip_text (diptych_window_get_undo_button (self->window, FALSE),
                               diptych_history_get_undo_label (history));
  gtk_widget_set_tooltip_text (diptych_window_get_undo_button (self->window, TRUE),
                               diptych_history_get_redo_label (history));
}

static void
undo_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  DiptychEditing *self = user_data;

  diptych_history_undo (diptych_project_get_history (project_of (self)));
}

static void
redo_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  DiptychEditing *self = user_data;

  diptych_history_redo (diptych_project_get_history (project_of (self)));
}

/* Annotations in the panes: an underline in the tag's color, over the
 * link highlights (their backgrounds, italics and bold stay visible).
 * Not an overline: GTK 4.8's text layout corrupts memory with
 * overline-rgba. */

static void
collect_tag (GtkTextTag *tag,
             gpointer    data)
{
  g_ptr_array_add (data, tag);
}

static void
mark_annotations (DiptychEditing *self)
{
  DiptychProject *project = project_of (self);
  GListModel *annotations = diptych_project_get_annotations (project);
  guint n = g_list_model_get_n_items (annotations);

  for (DiptychSide side = DIPTYCH_SIDE_A; side <= DIPTYCH_SIDE_B; side++)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (view_of (self, side));
      GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
      GtkTextIter start, end;
      g_autoptr(GPtrArray) ours = g_ptr_array_new ();
      guint length = (guint) gtk_text_buffer_get_char_count (buffer);

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      gtk_text_tag_table_foreach (table, collect_tag, ours);
      for (guint i = 0; i < ours->len; i++)
        {
          GtkTextTag *tag = g_ptr_array_index (ours, i);
          g_autofree char *name = NULL;

          g_object_get (tag, "name", &name, NULL);
          if (name != NULL && g_str_has_prefix (name, ANNOTATION_TAG_PREFIX))
            gtk_text_buffer_remove_tag (buffer, tag, &start, &end);
        }

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(DiptychAnnotation) annotation = g_list_model_get_item (annotations, i);
          DiptychSpan span = diptych_annotation_get_span (annotation);
          const char *tag_name = diptych_annotation_get_tag (annotation);
          DiptychTag *tag = tag_name != NULL ? diptych_project_find_tag (project, tag_name) : NULL;
          const char *color = tag != NULL ? diptych_tag_get_color (tag) : "#77767b";
          g_autofree char *name = g_strconcat (ANNOTATION_TAG_PREFIX, color, NULL);
          GtkTextTag *text_tag;
          GdkRGBA rgba;

          if (diptych_annotation_get_side (annotation) != side ||
              diptych_annotation_get_orphaned (annotation) ||
              span.end > length || span.start >= span.end)
            continue;

          text_tag = gtk_text_tag_table_lookup (table, name);
          if (text_tag == NULL && gdk_rgba_parse (&rgba, color))
            {
              text_tag = gtk_text_buffer_create_tag (buffer, name,
                                                     "underline", PANGO_UNDERLINE_SINGLE,
                                                     "underline-rgba", &rgba,
                                                     NULL);
            }
          if (text_tag == NULL)
            continue;
          /* Above the highlights, which may have made tags since: the
           * user's mark shows; word marks keep their style and weight. */
          gtk_text_tag_set_priority (text_tag, gtk_text_tag_table_get_size (table) - 1);
          gtk_text_buffer_get_iter_at_offset (buffer, &start, span.start);
          gtk_text_buffer_get_iter_at_offset (buffer, &end, span.end);
          gtk_text_buffer_apply_tag (buffer, text_tag, &start, &end);
        }
    }
}

/* The annotation editor, at a passage of a pane */

static void
editor_closed_cb (DiptychEditing *self)
{
  if (gtk_widget_get_parent (GTK_WIDGET (self->editor)) != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->editor));
}

static void
popup_editor (DiptychEditing *self,
              DiptychSide     side,
              DiptychSpan     span)
{
  GtkTextView *view = view_of (self, side);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter iter;
  GdkRectangle rect;

  if (gtk_widget_get_parent (GTK_WIDGET (self->editor)) != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->editor));
  gtk_widget_set_parent (GTK_WIDGET (self->editor), GTK_WIDGET (view));

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, span.start);
  gtk_text_view_get_iter_location (view, &iter, &rect);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, rect.x, rect.y, &rect.x, &rect.y);
  rect.width = MAX (rect.width, 1);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->editor), &rect);
  gtk_popover_set_position (GTK_POPOVER (self->editor), GTK_POS_BOTTOM);
  gtk_popover_popup (GTK_POPOVER (self->editor));
}

/**
 * diptych_editing_annotate:
 *
 * Opens the annotation editor for the selected passage.
 *
 * Returns: %FALSE if no passage is selected (the user is told)
 */
gboolean
diptych_editing_annotate (DiptychEditing *self)
{
  DiptychSide side;
  DiptychSpan span;

  g_return_val_if_fail (DIPTYCH_IS_EDITING (self), FALSE);

  if (!get_any_passage (self, &side, &span))
    {
      diptych_window_add_toast (self->window, _("Select a passage to annotate"));
      return FALSE;
    }

  diptych_annotation_editor_set_passage (self->editor, side, span,
                                         diptych_selection_get_link (selection_of (self)));
  popup_editor (self, side, span);
  return TRUE;
}

static void
annotate_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  diptych_editing_annotate (user_data);
}

/**
 * diptych_editing_show_annotation:
 *
 * Selects @annotation's passage in its pane and scrolls to it.
 */
void
diptych_editing_show_annotation (DiptychEditing    *self,
                                 DiptychAnnotation *annotation)
{
  DiptychSide side = diptych_annotation_get_side (annotation);
  GtkTextView *view = view_of (self, side);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  DiptychSpan span = diptych_annotation_get_span (annotation);
  guint length = (guint) gtk_text_buffer_get_char_count (buffer);
  GtkTextIter start, end;

  if (span.end > length)
    return;

  gtk_text_buffer_get_iter_at_offset (buffer, &start, span.start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, span.end);
  gtk_text_buffer_select_range (buffer, &start, &end);
  gtk_text_view_scroll_to_iter (view, &start, 0.1, TRUE, 0.0, 0.3);
  diptych_comparison_set_focused_side (diptych_window_get_comparison (self->window), side);
  gtk_widget_grab_focus (GTK_WIDGET (view));
}

static void
edit_requested_cb (DiptychEditing    *self,
                   DiptychAnnotation *annotation)
{
  diptych_editing_show_annotation (self, annotation);
  diptych_annotation_editor_set_annotation (self->editor, annotation);
  popup_editor (self, diptych_annotation_get_side (annotation), diptych_annotation_get_span (annotation));
}

/* Links and omissions */

static void
link_selection_activated (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  DiptychEditing *self = user_data;
  g_autoptr(GError) error = NULL;
  DiptychSpan a, b;
  DiptychLink *link;

  if (!diptych_editing_get_passage (self, DIPTYCH_SIDE_A, &a) ||
      !diptych_editing_get_passage (self, DIPTYCH_SIDE_B, &b))
    {
      diptych_window_add_toast (self->window,
                                _("Select a passage in each document to link them"));
      return;
    }

  link = diptych_project_add_link (project_of (self), a, b, &error);
  if (link == NULL)
    report_error (self, error);
  else
    diptych_selection_set_item (selection_of (self), link);
}

static DiptychLink *
selected_link (DiptychEditing *self)
{
  DiptychLink *link = diptych_selection_get_link (selection_of (self));

  if (link == NULL)
    diptych_window_add_toast (self->window, _("Select a link first"));
  return link;
}

static void
link_decision_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  DiptychEditing *self = user_data;
  const char *name = g_action_get_name (G_ACTION (action));
  DiptychLink *link = selected_link (self);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (link == NULL)
    return;

  if (g_str_equal (name, "confirm-link"))
    ok = diptych_project_confirm_link (project_of (self), link, &error);
  else if (g_str_equal (name, "reject-link"))
    ok = diptych_project_reject_link (project_of (self), link, &error);
  else
    ok = diptych_project_remove_link (project_of (self), link, &error);

  if (!ok)
    report_error (self, error);
}

static void
mark_omission_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  DiptychEditing *self = user_data;
  g_autoptr(GError) error = NULL;
  DiptychOmission *omission;
  DiptychSide side;
  DiptychSpan span;

  if (!get_any_passage (self, &side, &span))
    {
      diptych_window_add_toast (self->window, _("Select the passage that has no counterpart"));
      return;
    }

  omission = diptych_project_mark_omission (project_of (self), side, span, &error);
  if (omission == NULL)
    report_error (self, error);
  else
    diptych_selection_set_item (selection_of (self), omission);
}

static void
not_omission_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  DiptychEditing *self = user_data;
  gpointer item = diptych_selection_get_item (selection_of (self));
  g_autoptr(GError) error = NULL;

  if (!DIPTYCH_IS_OMISSION (item))
    {
      diptych_window_add_toast (self->window, _("Select an omission first"));
      return;
    }

  if (!diptych_project_set_omission_state (project_of (self), item, DIPTYCH_STATE_REJECTED, &error))
    report_error (self, error);
}

static void
set_enabled (DiptychEditing *self,
             const char     *name,
             gboolean        enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->window), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

/* The decisions that make sense for what is selected now. */
static void
selection_changed_cb (DiptychEditing *self)
{
  gpointer item;
  DiptychState state;

  if (self->window == NULL)
    return;

  item = diptych_selection_get_item (selection_of (self));
  state = DIPTYCH_IS_LINK (item) ? diptych_link_get_state (item) : DIPTYCH_STATE_AUTO;
  set_enabled (self, "confirm-link", DIPTYCH_IS_LINK (item) &&
                                     state != DIPTYCH_STATE_CONFIRMED && state != DIPTYCH_STATE_MANUAL);
  set_enabled (self, "reject-link", DIPTYCH_IS_LINK (item) && state != DIPTYCH_STATE_REJECTED);
  set_enabled (self, "remove-link", DIPTYCH_IS_LINK (item));
  set_enabled (self, "not-omission", DIPTYCH_IS_OMISSION (item) &&
                                     diptych_omission_get_state (item) != DIPTYCH_STATE_REJECTED);

  /* Under the inspector, the decisions for what it shows. */
  if (self->link_buttons != NULL && self->omission_buttons != NULL)
    {
      gtk_widget_set_visible (self->link_buttons, !DIPTYCH_IS_OMISSION (item));
      gtk_widget_set_visible (self->omission_buttons, DIPTYCH_IS_OMISSION (item));
    }
}

/* Reports and tags */

static void
export_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  DiptychEditing *self = user_data;

  diptych_export_dialog_present (self->window);
}

static void
print_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  DiptychEditing *self = user_data;

  diptych_print_project (GTK_WINDOW (self->window), project_of (self));
}

static void
edit_tags_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  DiptychEditing *self = user_data;
  GtkWidget *editor = diptych_tag_editor_new (project_of (self));

  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (self->window));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
launched_cb (GObject      *source_object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    g_warning ("Could not open the report: %s", error->message);
}

static void
show_uri_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  DiptychEditing *self = user_data;
  g_autoptr(GAppLaunchContext) context = NULL;

  context = G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (self->window))));
  g_app_info_launch_default_for_uri_async (g_variant_get_string (parameter, NULL), context,
                                           NULL, launched_cb, NULL);
}

static const GActionEntry editing_actions[] = {
  { "undo", undo_activated },
  { "redo", redo_activated },
  { "annotate", annotate_activated },
  { "link-selection", link_selection_activated },
  { "confirm-link", link_decision_activated },
  { "reject-link", link_decision_activated },
  { "remove-link", link_decision_activated },
  { "mark-omission", mark_omission_activated },
  { "not-omission", not_omission_activated },
  { "export", export_activated },
  { "print", print_activated },
  { "edit-tags", edit_tags_activated },
  { "show-uri", show_uri_activated, "s" },
};

/* Object */

static void
diptych_editing_dispose (GObject *object)
{
  DiptychEditing *self = DIPTYCH_EDITING (object);

  if (self->editor != NULL)
    {
      editor_closed_cb (self);
      g_clear_object (&self->editor);
    }
  g_clear_object (&self->extra_menu);
  g_clear_weak_pointer (&self->window);
  g_clear_weak_pointer (&self->link_buttons);
  g_clear_weak_pointer (&self->omission_buttons);

  G_OBJECT_CLASS (diptych_editing_parent_class)->dispose (object);
}

static void
diptych_editing_class_init (DiptychEditingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = diptych_editing_dispose;
}

static void
diptych_editing_init (DiptychEditing *self)
{
}

/* A selection in each pane at once (for Link Selected Passages): the
 * panes must not share the PRIMARY selection, which would clear one
 * pane's selection when the other selects. */
static void
drop_primary_selection (GtkTextView *view)
{
  GdkClipboard *primary = gdk_display_get_primary_clipboard (gtk_widget_get_display (GTK_WIDGET (view)));

  gtk_text_buffer_remove_selection_clipboard (gtk_text_view_get_buffer (view), primary);
}

/* GtkTextView removes it again when unrealized: give it back first. */
static void
restore_primary_selection (GtkTextView *view)
{
  GdkClipboard *primary = gdk_display_get_primary_clipboard (gtk_widget_get_display (GTK_WIDGET (view)));

  gtk_text_buffer_add_selection_clipboard (gtk_text_view_get_buffer (view), primary);
}

/* Confirm, Reject and Remove under the link inspector of the
 * Differences page; Not an Omission when it shows an omission. */
static GtkWidget *
button_group_new (const DecisionButton *buttons,
                  guint                 n_buttons)
{
  GtkWidget *group = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  for (guint i = 0; i < n_buttons; i++)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_(buttons[i].label));

      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), buttons[i].action);
      gtk_widget_set_tooltip_text (button, _(buttons[i].tooltip));
      if (i == 0)
        gtk_widget_add_css_class (button, "suggested-action");
      gtk_box_append (GTK_BOX (group), button);
    }
  return group;
}

static void
add_link_buttons (DiptychEditing *self)
{
  GtkStack *stack = diptych_window_get_sidebar_stack (self->window);
  GtkWidget *paned = gtk_stack_get_child_by_name (stack, "differences");
  g_autoptr(GtkWidget) inspector = NULL;
  GtkWidget *box, *bar;
  static const DecisionButton link_buttons[] = {
    { N_("_Confirm"), "win.confirm-link", N_("Confirm the selected link (Ctrl+Return)") },
    { N_("_Reject"), "win.reject-link", N_("Reject the selected link (Ctrl+Delete)") },
    { N_("Re_move"), "win.remove-link", N_("Remove the selected link") },
  };
  static const DecisionButton omission_buttons[] = {
    { N_("_Not an Omission"), "win.not-omission", N_("The other document does tell this passage") },
  };

  if (!GTK_IS_PANED (paned) || gtk_paned_get_end_child (GTK_PANED (paned)) == NULL)
    return;

  inspector = g_object_ref (gtk_paned_get_end_child (GTK_PANED (paned)));
  gtk_paned_set_end_child (GTK_PANED (paned), NULL);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_vexpand (inspector, TRUE);
  gtk_box_append (GTK_BOX (box), inspector);

  bar = gtk_action_bar_new ();
  g_set_weak_pointer (&self->link_buttons, button_group_new (link_buttons, G_N_ELEMENTS (link_buttons)));
  g_set_weak_pointer (&self->omission_buttons, button_group_new (omission_buttons, G_N_ELEMENTS (omission_buttons)));
  gtk_widget_set_visible (self->omission_buttons, FALSE);
  gtk_action_bar_pack_start (GTK_ACTION_BAR (bar), self->link_buttons);
  gtk_action_bar_pack_start (GTK_ACTION_BAR (bar), self->omission_buttons);
  gtk_box_append (GTK_BOX (box), bar);
  gtk_paned_set_end_child (GTK_PANED (paned), box);
}

static GMenu *
build_extra_menu (void)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();
  g_autoptr(GMenu) links = g_menu_new ();

  g_menu_append (section, _("_Annotate Selection…"), "win.annotate");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  g_menu_append (links, _("_Link Selected Passages"), "win.link-selection");
  g_menu_append (links, _("_Confirm Link"), "win.confirm-link");
  g_menu_append (links, _("_Reject Link"), "win.reject-link");
  g_menu_append (links, _("Re_move Link"), "win.remove-link");
  g_menu_append (links, _("Mark as _Omission"), "win.mark-omission");
  g_menu_append (links, _("_Not an Omission"), "win.not-omission");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (links));
  return menu;
}

DiptychEditing *
diptych_editing_new (DiptychWindow *window)
{
  DiptychEditing *self;
  DiptychProject *project;

  g_return_val_if_fail (DIPTYCH_IS_WINDOW (window), NULL);

  self = g_object_new (DIPTYCH_TYPE_EDITING, NULL);
  g_set_weak_pointer (&self->window, window);
  project = diptych_window_get_project (window);

  g_action_map_add_action_entries (G_ACTION_MAP (window), editing_actions,
                                   G_N_ELEMENTS (editing_actions), self);

  self->editor = g_object_ref_sink (DIPTYCH_ANNOTATION_EDITOR (diptych_annotation_editor_new (project)));
  g_signal_connect_object (self->editor, "closed", G_CALLBACK (editor_closed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  self->sidebar = DIPTYCH_ANNOTATION_SIDEBAR (diptych_annotation_sidebar_new (project));
  gtk_stack_add_titled (diptych_window_get_sidebar_stack (window), GTK_WIDGET (self->sidebar),
                        "annotations", _("Annotations"));
  g_signal_connect_object (self->sidebar, "annotation-activated",
                           G_CALLBACK (diptych_editing_show_annotation), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sidebar, "edit-requested",
                           G_CALLBACK (edit_requested_cb), self, G_CONNECT_SWAPPED);

  add_link_buttons (self);

  self->extra_menu = build_extra_menu ();
  for (DiptychSide side = DIPTYCH_SIDE_A; side <= DIPTYCH_SIDE_B; side++)
    {
      gtk_text_view_set_extra_menu (view_of (self, side), G_MENU_MODEL (self->extra_menu));
      gtk_source_gutter_insert (gtk_source_view_get_gutter (GTK_SOURCE_VIEW (view_of (self, side)),
                                                         GTK_TEXT_WINDOW_LEFT),
                                diptych_annotation_gutter_new (project, side), 0);
      /* GtkTextView adds it on realize (the panes keep their buffers). */
      g_signal_connect_after (view_of (self, side), "realize", G_CALLBACK (drop_primary_selection), NULL);
      g_signal_connect (view_of (self, side), "unrealize", G_CALLBACK (restore_primary_selection), NULL);
      if (gtk_widget_get_realized (GTK_WIDGET (view_of (self, side))))
        drop_primary_selection (view_of (self, side));
      /* A new text drops the marks: put them back. */
      g_signal_connect_object (gtk_text_view_get_buffer (view_of (self, side)), "changed",
                               G_CALLBACK (mark_annotations), self, G_CONNECT_SWAPPED);
    }

  g_signal_connect_object (project, "changed", G_CALLBACK (mark_annotations), self, G_CONNECT_SWAPPED);
  mark_annotations (self);

  g_signal_connect_object (diptych_project_get_history (project), "notify",
                           G_CALLBACK (history_changed_cb), self, G_CONNECT_SWAPPED);
  history_changed_cb (self);

  g_signal_connect_object (selection_of (self), "notify::item", G_CALLBACK (selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
  /* A decision changes what can be decided next (and undo changes it back). */
  g_signal_connect_object (project, "changed", G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  selection_changed_cb (self);
  return self;
}

/**
 * diptych_editing_get_sidebar:
 *
 * Returns: (transfer none): the annotation sidebar page
 */
DiptychAnnotationSidebar *
diptych_editing_get_sidebar (DiptychEditing *self)
{
  g_return_val_if_fail (DIPTYCH_IS_EDITING (self), NULL);

  return self->sidebar;
}

/**
 * diptych_editing_get_editor:
 *
 * Returns: (transfer none): the annotation editor popover
 */
DiptychAnnotationEditor *
diptych_editing_get_editor (DiptychEditing *self)
{
  g_return_val_if_fail (DIPTYCH_IS_EDITING (self), NULL);

  return self->editor;
}
