/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "diptych-annotation-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "diptych-annotation-editor.h"

struct _DiptychAnnotationEditor
{
  GtkPopover         parent_instance;

  DiptychProject    *project;
  GtkStringList     *tag_names;

  /* What is edited: an existing annotation, or a new one's passage. */
  DiptychAnnotation *annotation;
  DiptychSide        side;
  DiptychSpan        span;
  char              *link_id;

  GtkLabel          *heading;
  GtkLabel          *quote;
  GtkDropDown       *tag_dropdown;
  GtkTextView       *note_view;
  GtkCheckButton    *about_link;
  GtkButton         *delete_button;
  GtkButton         *save_button;
};

G_DEFINE_FINAL_TYPE (DiptychAnnotationEditor, diptych_annotation_editor, GTK_TYPE_POPOVER)

/* Tag chips */

static void
chip_draw (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        user_data)
{
  const char *color = g_object_get_data (G_OBJECT (area), "color");
  GdkRGBA rgba;

  if (color == NULL || !gdk_rgba_parse (&rgba, color))
    return;

  cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) / 2.0 - 1, 0, 2 * G_PI);
  gdk_cairo_set_source_rgba (cr, &rgba);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

GtkWidget *
diptych_tag_chip_new (const char *color)
{
  GtkWidget *chip = gtk_drawing_area_new ();

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (chip), 12);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (chip), 12);
  gtk_widget_set_valign (chip, GTK_ALIGN_CENTER);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (chip), chip_draw, NULL, NULL);
  diptych_tag_chip_set_color (chip, color);
  return chip;
}

void
diptych_tag_chip_set_color (GtkWidget  *chip,
                            const char *color)
{
  g_return_if_fail (GTK_IS_DRAWING_AREA (chip));

  g_object_set_data_full (G_OBJECT (chip), "color", g_strdup (color), g_free);
  gtk_widget_set_visible (chip, color != NULL);
  gtk_widget_queue_draw (chip);
}

/* Tag names as a list model */

static void
sync_tag_names (GtkStringList *names)
{
  DiptychProject *project = g_object_get_data (G_OBJECT (names), "project");
  const char *first = g_object_get_data (G_OBJECT (names), "first");
  GListModel *tags = diptych_project_get_tags (project);
  guint n = g_list_model_get_n_items (tags);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (names));
  gboolean same;

  if (first != NULL)
    g_strv_builder_add (builder, first);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DiptychTag) tag = g_list_model_get_item (tags, i);

      g_strv_builder_add (builder, diptych_tag_get_name (tag));
    }
  strv = g_strv_builder_end (builder);

  /* Keep the selection of dropdowns when nothing changed. */
  same = n_old == g_strv_length (strv);
  for (guint i = 0; same && i < n_old; i++)
    same = g_strcmp0 (gtk_string_list_get_string (names, i), strv[i]) == 0;
  if (!same)
    gtk_string_list_splice (names, 0, n_old, (const char * const *) strv);
}

GtkStringList *
diptych_tag_names_new (DiptychProject *project,
                       const char     *first)
{
  GtkStringList *names = gtk_string_list_new (NULL);

  g_return_val_if_fail (DIPTYCH_IS_PROJECT (project), NULL);

  g_object_set_data_full (G_OBJECT (names), "project", g_object_ref (project), g_object_unref);
  g_object_set_data_full (G_OBJECT (names), "first", g_strdup (first), g_free);
  /* Renames and recolors change no item count: follow ::changed. */
  g_signal_connect_object (project, "changed", G_CALLBACK (sync_tag_names), names,
                           G_CONNECT_SWAPPED);
  sync_tag_names (names);
  return names;
}

static void
tag_item_setup (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_box_append (GTK_BOX (box), diptych_tag_chip_new (NULL));
  gtk_box_append (GTK_BOX (box), gtk_label_new (NULL));
  gtk_list_item_set_child (item, box);
}

static void
tag_item_bind (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               DiptychProject           *project)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *chip = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_next_sibling (chip);
  const char *name = gtk_string_object_get_string (gtk_list_item_get_item (item));
  DiptychTag *tag = diptych_project_find_tag (project, name);

  diptych_tag_chip_set_color (chip, tag != NULL ? diptych_tag_get_color (tag) : NULL);
  gtk_label_set_label (GTK_LABEL (label), name);
}

GtkListItemFactory *
diptych_tag_item_factory_new (DiptychProject *project)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (tag_item_setup), NULL);
  g_signal_connect_data (factory, "bind", G_CALLBACK (tag_item_bind),
                         g_object_ref (project), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  return factory;
}

/* Editor */

static void
set_quote (DiptychAnnotationEditor *self,
           DiptychSide              side,
           DiptychSpan              span)
{
  DiptychDocument *document = diptych_project_get_document (self->project, side);
  g_autofree char *text = NULL;

  if (document != NULL && span.end <= diptych_document_get_length (document))
    text = diptych_document_dup_span (document, span);
  gtk_label_set_label (self->quote, text != NULL ? text : "");
}

static guint
tag_position (DiptychAnnotationEditor *self,
              const char              *tag)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->tag_names));

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->tag_names, i), tag) == 0)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

void
diptych_annotation_editor_set_tag (DiptychAnnotationEditor *self,
                                   const char              *tag)
{
  guint position;

  g_return_if_fail (DIPTYCH_IS_ANNOTATION_EDITOR (self));

  position = tag_position (self, tag);
  gtk_drop_down_set_selected (self->tag_dropdown, position == GTK_INVALID_LIST_POSITION ? 0 : position);
}

/**
 * diptych_annotation_editor_dup_tag:
 *
 * Returns: the chosen tag's name, or %NULL if the tag set is empty
 */
char *
diptych_annotation_editor_dup_tag (DiptychAnnotationEditor *self)
{
  GtkStringObject *item;

  g_return_val_if_fail (DIPTYCH_IS_ANNOTATION_EDITOR (self), NULL);

  item = gtk_drop_down_get_selected_item (self->tag_dropdown);
  return item != NULL ? g_strdup (gtk_string_object_get_string (item)) : NULL;
}

void
diptych_annotation_editor_set_note (DiptychAnnotationEditor *self,
                                    const char              *note)
{
  g_return_if_fail (DIPTYCH_IS_ANNOTATION_EDITOR (self));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), note != NULL ? note : "", -1);
}

static char *
dup_note (DiptychAnnotationEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

void
diptych_annotation_editor_set_about_link (DiptychAnnotationEditor *self,
                                          gboolean                 about_link)
{
  g_return_if_fail (DIPTYCH_IS_ANNOTATION_EDITOR (self));

  gtk_check_button_set_active (self->about_link, about_link);
}

/**
 * diptych_annotation_editor_set_passage:
 * @link: (nullable): the selected link, which the note may be about
 *
 * Prepares a new annotation on @span of @side.
 */
void
diptych_annotation_editor_set_passage (DiptychAnnotationEditor *self,
                                       DiptychSide              side,
                                       DiptychSpan              span,
                                       DiptychLink             *link)
{
  g_return_if_fail (DIPTYCH_IS_ANNOTATION_EDITOR (self));
  g_return_if_fail (link == NULL || DIPTYCH_IS_LINK (link));

  g_clear_object (&self->annotation);
  self->side = side;
  self->span = span;
  g_free (self->link_id);
  self->link_id = link != NULL ? g_strdup (diptych_link_get_id (link)) : NULL;

  gtk_label_set_label (self->heading, _("New Annotation"));
  set_quote (self, side, span);
  diptych_annotation_editor_set_note (self, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->about_link), link != NULL);
  gtk_check_button_set_active (self->about_link, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->delete_button), FALSE);
  gtk_button_set_label (self->save_button, _("_Add"));
}

/**
 * diptych_annotation_editor_set_annotation:
 *
 * Prepares to change or delete @annotation.
 */
void
diptych_annotation_editor_set_annotation (DiptychAnnotationEditor *self,
                                          DiptychAnnotation       *annotation)
{
  g_return_if_fail (DIPTYCH_IS_ANNOTATION_EDITOR (self));
  g_return_if_fail (DIPTYCH_IS_ANNOTATION (annotation));

  g_set_object (&self->annotation, annotation);
  self->side = diptych_annotation_get_side (annotation);
  self->span = diptych_annotation_get_span (annotation);
  g_free (self->link_id);
  self->link_id = g_strdup (diptych_annotation_get_link_id (annotation));

  gtk_label_set_label (self->heading, _("Edit Annotation"));
  set_quote (self, self->side, self->span);
  diptych_annotation_editor_set_tag (self, diptych_annotation_get_tag (annotation));
  diptych_annotation_editor_set_note (self, diptych_annotation_get_note (annotation));
  gtk_widget_set_visible (GTK_WIDGET (self->about_link), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->delete_button), TRUE);
  gtk_button_set_label (self->save_button, _("_Save"));
}

/**
 * diptych_annotation_editor_get_annotation:
 *
 * Returns: (transfer none) (nullable): the annotation edited, or the one
 *   the last save created
 */
DiptychAnnotation *
diptych_annotation_editor_get_annotation (DiptychAnnotationEditor *self)
{
  g_return_val_if_fail (DIPTYCH_IS_ANNOTATION_EDITOR (self), NULL);

  return self->annotation;
}

/**
 * diptych_annotation_editor_save:
 *
 * Adds the annotation, or applies the changes to the one edited (one
 * undoable step either way).
 */
gboolean
diptych_annotation_editor_save (DiptychAnnotationEditor  *self,
                                GError                  **error)
{
  g_autofree char *tag = NULL;
  g_autofree char *note = NULL;
  DiptychHistory *history;
  gboolean ok = TRUE;

  g_return_val_if_fail (DIPTYCH_IS_ANNOTATION_EDITOR (self), FALSE);

  tag = diptych_annotation_editor_dup_tag (self);
  note = dup_note (self);

  if (self->annotation == NULL)
    {
      const char *link_id = gtk_check_button_get_active (self->about_link) ? self->link_id : NULL;
      DiptychAnnotation *annotation;

      annotation = diptych_project_annotate (self->project, self->side, self->span,
                                             tag, note, link_id, error);
      if (annotation == NULL)
        return FALSE;
      g_set_object (&self->annotation, annotation);
      return TRUE;
    }

  if (g_strcmp0 (tag, diptych_annotation_get_tag (self->annotation)) == 0 &&
      g_strcmp0 (note, diptych_annotation_get_note (self->annotation)) == 0)
    return TRUE;

  history = diptych_project_get_history (self->project);
  diptych_history_begin_group (history, _("Edit Annotation"));
  if (g_strcmp0 (tag, diptych_annotation_get_tag (self->annotation)) != 0)
    ok = diptych_project_set_annotation_tag (self->project, self->annotation, tag, error);
  if (ok && g_strcmp0 (note, diptych_annotation_get_note (self->annotation)) != 0)
    ok = diptych_project_set_annotation_note (self->project, self->annotation, note, error);
  diptych_history_end_group (history);
  return ok;
}

/**
 * diptych_annotation_editor_delete:
 *
 * Removes the annotation edited from the project (undoable).
 */
gboolean
diptych_annotation_editor_delete (DiptychAnnotationEditor *self)
{
  g_return_val_if_fail (DIPTYCH_IS_ANNOTATION_EDITOR (self), FALSE);

  if (self->annotation == NULL)
    return FALSE;
  return diptych_project_remove_annotation (self->project, self->annotation);
}

static void
save_clicked (DiptychAnnotationEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (!diptych_annotation_editor_save (self, &error))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->save_button), error->message);
      return;
    }
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
delete_clicked (DiptychAnnotationEditor *self)
{
  diptych_annotation_editor_delete (self);
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
diptych_annotation_editor_dispose (GObject *object)
{
  DiptychAnnotationEditor *self = DIPTYCH_ANNOTATION_EDITOR (object);

  g_clear_object (&self->annotation);
  g_clear_object (&self->tag_names);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (diptych_annotation_editor_parent_class)->dispose (object);
}

static void
diptych_annotation_editor_finalize (GObject *object)
{
  DiptychAnnotationEditor *self = DIPTYCH_ANNOTATION_EDITOR (object);

  g_free (self->link_id);

  G_OBJECT_CLASS (diptych_annotation_editor_parent_class)->finalize (object);
}

/* The note is what the user came to write: it has the focus, not the
 * tag (which would take the typed letters as a search). */
static void
diptych_annotation_editor_show (GtkWidget *widget)
{
  DiptychAnnotationEditor *self = DIPTYCH_ANNOTATION_EDITOR (widget);

  GTK_WIDGET_CLASS (diptych_annotation_editor_parent_class)->show (widget);
  gtk_widget_grab_focus (GTK_WIDGET (self->note_view));
}

static void
diptych_annotation_editor_class_init (DiptychAnnotationEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->show = diptych_annotation_editor_show;
  object_class->dispose = diptych_annotation_editor_dispose;
  object_class->finalize = diptych_annotation_editor_finalize;
}

static void
diptych_annotation_editor_init (DiptychAnnotationEditor *self)
{
}

GtkWidget *
diptych_annotation_editor_new (DiptychProject *project)
{
  DiptychAnnotationEditor *self;
  g_autoptr(GtkListItemFactory) factory = NULL;
  GtkWidget *box, *grid, *label, *scrolled, *buttons, *cancel;

  g_return_val_if_fail (DIPTYCH_IS_PROJECT (project), NULL);

  self = g_object_new (DIPTYCH_TYPE_ANNOTATION_EDITOR, NULL);
  self->project = g_object_ref (project);
  self->tag_names = diptych_tag_names_new (project, NULL);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_size_request (box, 340, -1);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  self->heading = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->heading, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->heading), "heading");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->heading));

  self->quote = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->quote, 0);
  gtk_label_set_wrap (self->quote, TRUE);
  gtk_label_set_wrap_mode (self->quote, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (self->quote, 3);
  gtk_label_set_ellipsize (self->quote, PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (self->quote, 40);
  gtk_widget_add_css_class (GTK_WIDGET (self->quote), "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->quote));

  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);

  label = gtk_label_new_with_mnemonic (_("_Tag"));
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_grid_attach (GTK_GRID (grid), label, 0, 0, 1, 1);
  factory = diptych_tag_item_factory_new (project);
  self->tag_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->tag_names)), NULL));
  gtk_drop_down_set_factory (self->tag_dropdown, factory);
  gtk_widget_set_hexpand (GTK_WIDGET (self->tag_dropdown), TRUE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->tag_dropdown));
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (self->tag_dropdown), 1, 0, 1, 1);

  label = gtk_label_new_with_mnemonic (_("_Note"));
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_grid_attach (GTK_GRID (grid), label, 0, 1, 1, 1);
  self->note_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->note_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (self->note_view, FALSE);
  gtk_text_view_set_top_margin (self->note_view, 6);
  gtk_text_view_set_bottom_margin (self->note_view, 6);
  gtk_text_view_set_left_margin (self->note_view, 6);
  gtk_text_view_set_right_margin (self->note_view, 6);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->note_view));
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->note_view));
  gtk_scrolled_window_set_has_frame (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_widget_set_size_request (scrolled, -1, 96);
  gtk_grid_attach (GTK_GRID (grid), scrolled, 1, 1, 1, 1);

  self->about_link = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("About the selected _link")));
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (self->about_link), 1, 2, 1, 1);
  gtk_box_append (GTK_BOX (box), grid);

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->delete_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Delete")));
  gtk_widget_add_css_class (GTK_WIDGET (self->delete_button), "destructive-action");
  gtk_widget_set_hexpand (GTK_WIDGET (self->delete_button), TRUE);
  gtk_widget_set_halign (GTK_WIDGET (self->delete_button), GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (self->delete_button));
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_widget_set_hexpand (cancel, TRUE);
  gtk_widget_set_halign (cancel, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (buttons), cancel);
  self->save_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Add")));
  gtk_widget_add_css_class (GTK_WIDGET (self->save_button), "suggested-action");
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (self->save_button));
  gtk_box_append (GTK_BOX (box), buttons);

  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (save_clicked), self);
  g_signal_connect_swapped (self->delete_button, "clicked", G_CALLBACK (delete_clicked), self);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_popover_popdown), self);

  gtk_popover_set_child (GTK_POPOVER (self), box);
  gtk_popover_set_default_widget (GTK_POPOVER (self), GTK_WIDGET (self->save_button));
  return GTK_WIDGET (self);
}
