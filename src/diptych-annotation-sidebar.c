/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "diptych-annotation-sidebar"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "diptych-annotation-editor.h"
#include "diptych-annotation-sidebar.h"
#include "diptych-util.h"

/* Positions of the document filter's items. */
enum {
  SIDE_BOTH,
  SIDE_LEFT,
  SIDE_RIGHT,
};

struct _DiptychAnnotationSidebar
{
  GtkBox              parent_instance;

  DiptychProject     *project;
  GtkStringList      *tag_names;       /* "All Tags", then the tag set */
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;

  char               *tag;             /* NULL: all */
  int                 side;            /* -1: both */
  char               *text;            /* casefolded, NULL: any */

  GtkSearchEntry     *search_entry;
  GtkDropDown        *tag_dropdown;
  GtkDropDown        *side_dropdown;
  GtkListView        *list_view;
  GtkStack           *stack;
};

G_DEFINE_FINAL_TYPE (DiptychAnnotationSidebar, diptych_annotation_sidebar, GTK_TYPE_BOX)

enum {
  SIGNAL_ANNOTATION_ACTIVATED,
  SIGNAL_EDIT_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
dup_quote (DiptychProject    *project,
           DiptychAnnotation *annotation)
{
  DiptychDocument *document = diptych_project_get_document (project, diptych_annotation_get_side (annotation));
  DiptychSpan span = diptych_annotation_get_span (annotation);

  if (diptych_annotation_get_quote (annotation) != NULL)
    return g_strdup (diptych_annotation_get_quote (annotation));
  if (document != NULL && diptych_document_span_is_valid (document, span))
    return diptych_document_dup_span (document, span);
  return g_strdup ("");
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  DiptychAnnotationSidebar *self = user_data;
  DiptychAnnotation *annotation = item;
  g_autofree char *quote = NULL;

  if (self->tag != NULL && g_strcmp0 (self->tag, diptych_annotation_get_tag (annotation)) != 0)
    return FALSE;
  if (self->side >= 0 && (int) diptych_annotation_get_side (annotation) != self->side)
    return FALSE;
  if (self->text == NULL)
    return TRUE;

  quote = dup_quote (self->project, annotation);
  return diptych_str_contains_folded (quote, self->text) ||
         diptych_str_contains_folded (diptych_annotation_get_note (annotation), self->text) ||
         diptych_str_contains_folded (diptych_annotation_get_tag (annotation), self->text);
}

static void
refilter (DiptychAnnotationSidebar *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
update_empty (DiptychAnnotationSidebar *self)
{
  gboolean any = g_list_model_get_n_items (diptych_project_get_annotations (self->project)) > 0;
  gboolean shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0;

  gtk_stack_set_visible_child_name (self->stack, shown ? "list" : any ? "no-match" : "empty");
}

void
diptych_annotation_sidebar_set_tag_filter (DiptychAnnotationSidebar *self,
                                           const char               *tag)
{
  g_return_if_fail (DIPTYCH_IS_ANNOTATION_SIDEBAR (self));

  if (tag == NULL)
    {
      gtk_drop_down_set_selected (self->tag_dropdown, 0);
      return;
    }
  for (guint i = 1; i < g_list_model_get_n_items (G_LIST_MODEL (self->tag_names)); i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->tag_names, i), tag) == 0)
      {
        gtk_drop_down_set_selected (self->tag_dropdown, i);
        return;
      }
  /* Not in the tag set: filter by it anyway (nothing matches). */
  g_free (self->tag);
  self->tag = g_strdup (tag);
  refilter (self);
}

/**
 * diptych_annotation_sidebar_set_side_filter:
 * @side: a #DiptychSide, or -1 for both documents
 */
void
diptych_annotation_sidebar_set_side_filter (DiptychAnnotationSidebar *self,
                                            int                       side)
{
  g_return_if_fail (DIPTYCH_IS_ANNOTATION_SIDEBAR (self));

  gtk_drop_down_set_selected (self->side_dropdown,
                              side == DIPTYCH_SIDE_A ? SIDE_LEFT :
                              side == DIPTYCH_SIDE_B ? SIDE_RIGHT : SIDE_BOTH);
}

static void search_changed_cb (DiptychAnnotationSidebar *self);

void
diptych_annotation_sidebar_set_text_filter (DiptychAnnotationSidebar *self,
                                            const char               *text)
{
  g_return_if_fail (DIPTYCH_IS_ANNOTATION_SIDEBAR (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  /* Now, not after the entry's typing delay. */
  search_changed_cb (self);
}

static void
tag_selected_cb (DiptychAnnotationSidebar *self)
{
  guint selected = gtk_drop_down_get_selected (self->tag_dropdown);

  g_clear_pointer (&self->tag, g_free);
  if (selected != 0 && selected != GTK_INVALID_LIST_POSITION)
    self->tag = g_strdup (gtk_string_list_get_string (self->tag_names, selected));
  refilter (self);
}

static void
side_selected_cb (DiptychAnnotationSidebar *self)
{
  switch (gtk_drop_down_get_selected (self->side_dropdown))
    {
    case SIDE_LEFT:
      self->side = DIPTYCH_SIDE_A;
      break;
    case SIDE_RIGHT:
      self->side = DIPTYCH_SIDE_B;
      break;
    default:
      self->side = -1;
    }
  refilter (self);
}

static void
search_changed_cb (DiptychAnnotationSidebar *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_clear_pointer (&self->text, g_free);
  if (text != NULL && *text != '\0')
    self->text = g_utf8_casefold (text, -1);
  refilter (self);
}

/**
 * diptych_annotation_sidebar_get_model:
 *
 * Returns: (transfer none): the annotations shown (filtered)
 */
GListModel *
diptych_annotation_sidebar_get_model (DiptychAnnotationSidebar *self)
{
  g_return_val_if_fail (DIPTYCH_IS_ANNOTATION_SIDEBAR (self), NULL);

  return G_LIST_MODEL (self->filtered);
}

void
diptych_annotation_sidebar_activate (DiptychAnnotationSidebar *self,
                                     guint                     position)
{
  g_autoptr(DiptychAnnotation) annotation = NULL;

  g_return_if_fail (DIPTYCH_IS_ANNOTATION_SIDEBAR (self));

  annotation = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);
  if (annotation != NULL)
    g_signal_emit (self, signals[SIGNAL_ANNOTATION_ACTIVATED], 0, annotation);
}

static void
list_activate_cb (GtkListView              *list_view,
                  guint                     position,
                  DiptychAnnotationSidebar *self)
{
  diptych_annotation_sidebar_activate (self, position);
}

/* Rows */

typedef struct
{
  GtkWidget *chip;
  GtkLabel  *tag;
  GtkLabel  *side;
  GtkLabel  *quote;
  GtkLabel  *note;
  GtkWidget *menu_button;
} Row;

static void
row_edit_clicked (GtkButton                *button,
                  DiptychAnnotationSidebar *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (button), "row");
  DiptychAnnotation *annotation = g_object_get_data (G_OBJECT (row), "annotation");

  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_POPOVER)));
  if (annotation != NULL)
    g_signal_emit (self, signals[SIGNAL_EDIT_REQUESTED], 0, annotation);
}

static void
row_delete_clicked (GtkButton                *button,
                    DiptychAnnotationSidebar *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (button), "row");
  DiptychAnnotation *annotation = g_object_get_data (G_OBJECT (row), "annotation");

  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_POPOVER)));
  if (annotation != NULL)
    diptych_project_remove_annotation (self->project, annotation);
}

static GtkLabel *
row_label (gboolean wrap)
{
  GtkLabel *label = GTK_LABEL (gtk_label_new (NULL));

  gtk_label_set_xalign (label, 0);
  if (wrap)
    {
      gtk_label_set_wrap (label, TRUE);
      gtk_label_set_wrap_mode (label, PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (label, 3);
      gtk_label_set_ellipsize (label, PANGO_ELLIPSIZE_END);
    }
  return label;
}

static void
row_setup (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           DiptychAnnotationSidebar *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *popover, *menu_box, *edit, *delete;
  Row *row = g_new0 (Row, 1);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);

  row->chip = diptych_tag_chip_new (NULL);
  gtk_box_append (GTK_BOX (top), row->chip);
  row->tag = row_label (FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (row->tag), "heading");
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (row->tag));
  row->side = row_label (FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (row->side), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (row->side), "caption");
  gtk_widget_set_hexpand (GTK_WIDGET (row->side), TRUE);
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (row->side));

  menu_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  edit = gtk_button_new_with_mnemonic (_("_Edit…"));
  delete = gtk_button_new_with_mnemonic (_("_Delete"));
  for (GtkWidget *b = edit; b != NULL; b = b == edit ? delete : NULL)
    {
      gtk_widget_add_css_class (b, "flat");
      gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (b))), 0);
      g_object_set_data (G_OBJECT (b), "row", box);
      gtk_box_append (GTK_BOX (menu_box), b);
    }
  g_signal_connect_object (edit, "clicked", G_CALLBACK (row_edit_clicked), self, 0);
  g_signal_connect_object (delete, "clicked", G_CALLBACK (row_delete_clicked), self, 0);
  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), menu_box);
  row->menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (row->menu_button), "view-more-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (row->menu_button), popover);
  gtk_widget_add_css_class (row->menu_button, "flat");
  gtk_widget_set_tooltip_text (row->menu_button, _("Annotation Menu"));
  gtk_box_append (GTK_BOX (top), row->menu_button);
  gtk_box_append (GTK_BOX (box), top);

  row->quote = row_label (TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (row->quote), "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->quote));
  row->note = row_label (TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->note));

  g_object_set_data_full (G_OBJECT (box), "row", row, g_free);
  gtk_list_item_set_child (item, box);
}

static void
row_bind (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          DiptychAnnotationSidebar *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  Row *row = g_object_get_data (G_OBJECT (box), "row");
  DiptychAnnotation *annotation = gtk_list_item_get_item (item);
  const char *tag_name = diptych_annotation_get_tag (annotation);
  DiptychTag *tag = tag_name != NULL ? diptych_project_find_tag (self->project, tag_name) : NULL;
  const char *note = diptych_annotation_get_note (annotation);
  g_autofree char *quote = dup_quote (self->project, annotation);
  g_autofree char *quoted = g_strdup_printf (_("“%s”"), quote);

  g_object_set_data (G_OBJECT (box), "annotation", annotation);
  diptych_tag_chip_set_color (row->chip, tag != NULL ? diptych_tag_get_color (tag) : NULL);
  gtk_label_set_label (row->tag, tag_name != NULL && *tag_name != '\0' ? tag_name : _("No Tag"));
  gtk_label_set_label (row->side, diptych_annotation_get_side (annotation) == DIPTYCH_SIDE_A
                                  ? _("Left") : _("Right"));
  gtk_label_set_label (row->quote, quoted);
  gtk_label_set_label (row->note, note != NULL ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (row->note), note != NULL && *note != '\0');
}

static void
row_unbind (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            DiptychAnnotationSidebar *self)
{
  g_object_set_data (G_OBJECT (gtk_list_item_get_child (item)), "annotation", NULL);
}

/* Object */

static void
diptych_annotation_sidebar_dispose (GObject *object)
{
  DiptychAnnotationSidebar *self = DIPTYCH_ANNOTATION_SIDEBAR (object);

  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->tag_names);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (diptych_annotation_sidebar_parent_class)->dispose (object);
}

static void
diptych_annotation_sidebar_finalize (GObject *object)
{
  DiptychAnnotationSidebar *self = DIPTYCH_ANNOTATION_SIDEBAR (object);

  g_free (self->tag);
  g_free (self->text);

  G_OBJECT_CLASS (diptych_annotation_sidebar_parent_class)->finalize (object);
}

static void
diptych_annotation_sidebar_class_init (DiptychAnnotationSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = diptych_annotation_sidebar_dispose;
  object_class->finalize = diptych_annotation_sidebar_finalize;

  /**
   * DiptychAnnotationSidebar::annotation-activated:
   * @annotation: the annotation whose row was activated
   */
  signals[SIGNAL_ANNOTATION_ACTIVATED] =
    g_signal_new ("annotation-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, DIPTYCH_TYPE_ANNOTATION);

  /**
   * DiptychAnnotationSidebar::edit-requested:
   * @annotation: the annotation to edit
   */
  signals[SIGNAL_EDIT_REQUESTED] =
    g_signal_new ("edit-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, DIPTYCH_TYPE_ANNOTATION);
}

static void
diptych_annotation_sidebar_init (DiptychAnnotationSidebar *self)
{
  self->side = -1;
}

static GtkWidget *
status_page (const char *title,
             const char *description)
{
  GtkWidget *page = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), "document-edit-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (page), title);
  adw_status_page_set_description (ADW_STATUS_PAGE (page), description);
  gtk_widget_add_css_class (page, "compact");
  return page;
}

GtkWidget *
diptych_annotation_sidebar_new (DiptychProject *project)
{
  DiptychAnnotationSidebar *self;
  g_autoptr(GtkListItemFactory) tag_factory = NULL;
  GtkListItemFactory *factory;
  GtkNoSelection *selection;
  GtkWidget *filters, *scrolled;
  const char *sides[] = { N_("Both Documents"), N_("Left Document"), N_("Right Document"), NULL };
  g_autoptr(GtkStringList) side_names = gtk_string_list_new (NULL);

  g_return_val_if_fail (DIPTYCH_IS_PROJECT (project), NULL);

  self = g_object_new (DIPTYCH_TYPE_ANNOTATION_SIDEBAR,
                       "orientation", GTK_ORIENTATION_VERTICAL,
                       "spacing", 6,
                       NULL);
  self->project = g_object_ref (project);

  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->search_entry, "placeholder-text", _("Search annotations"), NULL);
  gtk_widget_set_margin_start (GTK_WIDGET (self->search_entry), 6);
  gtk_widget_set_margin_end (GTK_WIDGET (self->search_entry), 6);
  gtk_widget_set_margin_top (GTK_WIDGET (self->search_entry), 6);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->search_entry));

  filters = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_set_homogeneous (GTK_BOX (filters), TRUE);
  gtk_widget_set_margin_start (filters, 6);
  gtk_widget_set_margin_end (filters, 6);
  self->tag_names = diptych_tag_names_new (project, _("All Tags"));
  tag_factory = diptych_tag_item_factory_new (project);
  self->tag_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->tag_names)), NULL));
  gtk_drop_down_set_factory (self->tag_dropdown, tag_factory);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->tag_dropdown), _("Show the annotations with this tag"));
  gtk_box_append (GTK_BOX (filters), GTK_WIDGET (self->tag_dropdown));
  for (guint i = 0; sides[i] != NULL; i++)
    gtk_string_list_append (side_names, _(sides[i]));
  self->side_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (side_names)), NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->side_dropdown), _("Show the annotations of this document"));
  gtk_box_append (GTK_BOX (filters), GTK_WIDGET (self->side_dropdown));
  gtk_box_append (GTK_BOX (self), filters);

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (diptych_project_get_annotations (project)),
                                              GTK_FILTER (g_object_ref (self->filter)));
  /* Edits of a note or tag change no item: filter again on ::changed. */
  g_signal_connect_object (project, "changed", G_CALLBACK (refilter), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (update_empty), self,
                           G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (row_setup), self);
  g_signal_connect (factory, "bind", G_CALLBACK (row_bind), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (row_unbind), self);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->filtered)));
  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (selection), factory));
  gtk_list_view_set_single_click_activate (self->list_view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "rich-list");
  gtk_list_view_set_show_separators (self->list_view, TRUE);
  g_signal_connect (self->list_view, "activate", G_CALLBACK (list_activate_cb), self);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list_view));

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_stack_add_named (self->stack, scrolled, "list");
  gtk_stack_add_named (self->stack,
                       status_page (_("No Annotations"),
                                    _("Select a passage and press Ctrl+T to annotate it")),
                       "empty");
  gtk_stack_add_named (self->stack,
                       status_page (_("No Matching Annotations"),
                                    _("Try another tag, document or search")),
                       "no-match");
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->stack));

  g_signal_connect_object (self->tag_dropdown, "notify::selected", G_CALLBACK (tag_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->side_dropdown, "notify::selected", G_CALLBACK (side_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update_empty (self);
  return GTK_WIDGET (self);
}
