/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "diptych-tag-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "diptych-tag-editor.h"

struct _DiptychTagEditor
{
  AdwWindow       parent_instance;

  DiptychProject *project;
  GtkListBox     *list_box;
  GtkLabel       *error_label;
};

G_DEFINE_FINAL_TYPE (DiptychTagEditor, diptych_tag_editor, ADW_TYPE_WINDOW)

/* New tags get the next of these colors (Okabe–Ito, distinguishable with
 * color blindness). */
static const char * const palette[] = {
  "#e69f00", "#56b4e9", "#009e73", "#f0e442", "#0072b2", "#d55e00", "#cc79a7", "#999999",
};

static void
show_error (DiptychTagEditor *self,
            const GError     *error)
{
  gtk_label_set_label (self->error_label, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
}

static void
name_activated (GtkEditable      *entry,
                DiptychTagEditor *self)
{
  DiptychTag *tag = g_object_get_data (G_OBJECT (entry), "tag");
  const char *name = gtk_editable_get_text (entry);
  g_autoptr(GError) error = NULL;

  if (tag == NULL || g_strcmp0 (name, diptych_tag_get_name (tag)) == 0)
    return;

  if (!diptych_project_rename_tag (self->project, tag, name, &error))
    {
      show_error (self, error);
      gtk_editable_set_text (entry, diptych_tag_get_name (tag));
      return;
    }
  show_error (self, NULL);
}

static void
name_focus_leave (GtkEventControllerFocus *controller,
                  DiptychTagEditor        *self)
{
  name_activated (GTK_EDITABLE (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller))), self);
}

static void
color_set (GtkColorChooser  *button,
           DiptychTagEditor *self)
{
  DiptychTag *tag = g_object_get_data (G_OBJECT (button), "tag");
  g_autoptr(GError) error = NULL;
  g_autofree char *color = NULL;
  GdkRGBA rgba;

  gtk_color_chooser_get_rgba (button, &rgba);
  color = g_strdup_printf ("#%02x%02x%02x",
                           (guint) (CLAMP (rgba.red, 0, 1) * 255 + 0.5),
                           (guint) (CLAMP (rgba.green, 0, 1) * 255 + 0.5),
                           (guint) (CLAMP (rgba.blue, 0, 1) * 255 + 0.5));
  if (tag != NULL && g_ascii_strcasecmp (color, diptych_tag_get_color (tag)) != 0 &&
      !diptych_project_set_tag_color (self->project, tag, color, &error))
    show_error (self, error);
}

static void
remove_clicked (GtkButton        *button,
                DiptychTagEditor *self)
{
  DiptychTag *tag = g_object_get_data (G_OBJECT (button), "tag");
  g_autoptr(GError) error = NULL;

  if (tag != NULL && !diptych_project_remove_tag (self->project, tag, &error))
    show_error (self, error);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  DiptychTagEditor *self = user_data;
  DiptychTag *tag = item;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *color = gtk_color_button_new ();
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GdkRGBA rgba;

  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  if (gdk_rgba_parse (&rgba, diptych_tag_get_color (tag)))
    gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (color), &rgba);
  gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (color), FALSE);
  gtk_widget_set_tooltip_text (color, _("Tag Color"));
  g_object_set_data_full (G_OBJECT (color), "tag", g_object_ref (tag), g_object_unref);
  g_signal_connect (color, "color-set", G_CALLBACK (color_set), self);

  gtk_editable_set_text (GTK_EDITABLE (entry), diptych_tag_get_name (tag));
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Tag name"), -1);
  g_object_set_data_full (G_OBJECT (entry), "tag", g_object_ref (tag), g_object_unref);
  g_signal_connect (entry, "activate", G_CALLBACK (name_activated), self);
  g_signal_connect (focus, "leave", G_CALLBACK (name_focus_leave), self);
  gtk_widget_add_controller (entry, focus);

  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove Tag"));
  g_object_set_data_full (G_OBJECT (remove), "tag", g_object_ref (tag), g_object_unref);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked), self);

  gtk_box_append (GTK_BOX (box), color);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), remove);
  g_object_set_data (G_OBJECT (box), "entry", entry);
  g_object_set_data (G_OBJECT (box), "color", color);
  return box;
}

static gboolean
editing (GtkWidget *entry)
{
  GtkRoot *root = gtk_widget_get_root (entry);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == entry || gtk_widget_is_ancestor (focus, entry));
}

/* Renames and recolors (and their undo) change no list item: update
 * the rows in place. */
static void
project_changed_cb (DiptychTagEditor *self)
{
  for (int i = 0; ; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list_box, i);
      GtkWidget *box, *entry, *color;
      DiptychTag *tag;
      GdkRGBA rgba;

      if (row == NULL)
        break;
      box = gtk_list_box_row_get_child (row);
      entry = g_object_get_data (G_OBJECT (box), "entry");
      color = g_object_get_data (G_OBJECT (box), "color");
      tag = g_object_get_data (G_OBJECT (entry), "tag");
      if (!editing (entry) &&
          g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), diptych_tag_get_name (tag)) != 0)
        gtk_editable_set_text (GTK_EDITABLE (entry), diptych_tag_get_name (tag));
      if (gdk_rgba_parse (&rgba, diptych_tag_get_color (tag)))
        gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (color), &rgba);
    }
}

/**
 * diptych_tag_editor_add_tag:
 *
 * Adds a tag named "New Tag" (or "New Tag 2", ...) with the next color.
 */
gboolean
diptych_tag_editor_add_tag (DiptychTagEditor  *self,
                            GError           **error)
{
  guint n;
  g_autofree char *name = NULL;

  g_return_val_if_fail (DIPTYCH_IS_TAG_EDITOR (self), FALSE);

  n = g_list_model_get_n_items (diptych_project_get_tags (self->project));
  name = g_strdup (_("New Tag"));
  for (guint i = 2; diptych_project_find_tag (self->project, name) != NULL; i++)
    {
      g_free (name);
      /* Translators: a new tag's name when "New Tag" is taken */
      name = g_strdup_printf (_("New Tag %u"), i);
    }

  return diptych_project_create_tag (self->project, name, palette[n % G_N_ELEMENTS (palette)],
                                     error) != NULL;
}

static void
add_clicked (DiptychTagEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (!diptych_tag_editor_add_tag (self, &error))
    show_error (self, error);
  else
    show_error (self, NULL);
}

static void
diptych_tag_editor_dispose (GObject *object)
{
  DiptychTagEditor *self = DIPTYCH_TAG_EDITOR (object);

  g_clear_object (&self->project);

  G_OBJECT_CLASS (diptych_tag_editor_parent_class)->dispose (object);
}

static void
diptych_tag_editor_class_init (DiptychTagEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = diptych_tag_editor_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
diptych_tag_editor_init (DiptychTagEditor *self)
{
}

GtkWidget *
diptych_tag_editor_new (DiptychProject *project)
{
  DiptychTagEditor *self;
  GtkWidget *content, *header, *add, *scrolled, *clamp, *box;

  g_return_val_if_fail (DIPTYCH_IS_PROJECT (project), NULL);

  self = g_object_new (DIPTYCH_TYPE_TAG_EDITOR,
                       "title", _("Tags"),
                       "modal", TRUE,
                       "default-width", 400,
                       "default-height", 480,
                       "destroy-with-parent", TRUE,
                       NULL);
  self->project = g_object_ref (project);

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  add = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_widget_set_tooltip_text (add, _("Add Tag"));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), add);
  gtk_box_append (GTK_BOX (content), header);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));

  self->list_box = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list_box, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list_box), "boxed-list");
  gtk_widget_set_valign (GTK_WIDGET (self->list_box), GTK_ALIGN_START);
  gtk_list_box_bind_model (self->list_box, diptych_project_get_tags (project), create_row, self, NULL);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->list_box));

  clamp = adw_clamp_new ();
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (content), scrolled);
  adw_window_set_content (ADW_WINDOW (self), content);

  g_signal_connect_swapped (add, "clicked", G_CALLBACK (add_clicked), self);
  g_signal_connect_object (project, "changed", G_CALLBACK (project_changed_cb), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}
