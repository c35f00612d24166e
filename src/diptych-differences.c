/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "diptych-differences"

#include "config.h"

#include <glib/gi18n.h>

#include "diptych-differences.h"

#define EXCERPT_CHARS 90

struct _DiptychDifferences
{
  GtkWidget           parent_instance;

  DiptychSelection   *selection;
  DiptychSide         order;
  GListModel         *model;
  GtkSingleSelection *list_selection;
  GHashTable         *positions;     /* item -> position + 1 */
  guint               updating : 1;

  GtkDropDown        *order_dropdown;
  GtkListView        *list_view;
};

G_DEFINE_FINAL_TYPE (DiptychDifferences, diptych_differences, GTK_TYPE_WIDGET)

enum {
  ITEM_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  guint    key;
  guint    seq;
  gpointer item;
} Keyed;

static int
compare_keyed (gconstpointer a,
               gconstpointer b)
{
  const Keyed *ka = a, *kb = b;

  if (ka->key != kb->key)
    return ka->key < kb->key ? -1 : 1;
  return ka->seq < kb->seq ? -1 : ka->seq > kb->seq;
}

/**
 * diptych_differences_build_order:
 *
 * Every link and omission of @index, in reading order of @side. An
 * omission of the other side comes right after the link that precedes it
 * in its own document, so it shows up where its context is.
 *
 * Returns: (transfer full): a list of links and omissions
 */
GListModel *
diptych_differences_build_order (DiptychSpanIndex *index,
                                 DiptychSide       side)
{
  DiptychSide other = DIPTYCH_OTHER_SIDE (side);
  g_autoptr(GArray) keyed = g_array_new (FALSE, FALSE, sizeof (Keyed));
  GListStore *store = g_list_store_new (G_TYPE_OBJECT);
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  guint n = diptych_span_index_get_n_entries (index, side);
  guint seq = 0;
  DiptychLink *previous = NULL;

  for (guint i = 0; i < n; i++)
    {
      DiptychSpan span;
      Keyed k;

      k.item = diptych_span_index_get_entry (index, side, i, &span);
      k.key = span.start;
      k.seq = seq++;
      g_array_append_val (keyed, k);
    }

  n = diptych_span_index_get_n_entries (index, other);
  for (guint i = 0; i < n; i++)
    {
      gpointer item = diptych_span_index_get_entry (index, other, i, NULL);

      if (DIPTYCH_IS_LINK (item))
        previous = item;
      else
        {
          /* After the passage its predecessor links to; at the top if
           * nothing precedes it. */
          Keyed k = { previous ? diptych_link_get_span (previous, side).end - 1 : 0, seq++, item };
          g_array_append_val (keyed, k);
        }
    }

  g_array_sort (keyed, compare_keyed);
  for (guint i = 0; i < keyed->len; i++)
    g_ptr_array_add (items, g_array_index (keyed, Keyed, i).item);
  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (store);
}

static char *
excerpt (DiptychProject *project,
         DiptychSide     side,
         DiptychSpan     span)
{
  DiptychDocument *document = diptych_project_get_document (project, side);
  g_autofree char *text = NULL;
  GString *out;

  if (document == NULL || !diptych_document_span_is_valid (document, span))
    return g_strdup ("");
  if (diptych_span_length (span) > EXCERPT_CHARS)
    span.end = span.start + EXCERPT_CHARS;
  text = diptych_document_dup_span (document, span);
  out = g_string_new (NULL);
  /* One line: runs of white space become one space. */
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_isspace (c))
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
        }
      else
        g_string_append_unichar (out, c);
    }
  if (diptych_span_length (span) == EXCERPT_CHARS)
    g_string_append (out, "…");
  return g_string_free (out, FALSE);
}

static const char *
item_kind_label (gpointer item)
{
  if (DIPTYCH_IS_OMISSION (item))
    return diptych_omission_get_side (item) == DIPTYCH_SIDE_A
           ? _("Only in the left document") : _("Only in the right document");
  return diptych_link_kind_get_label (diptych_link_get_kind (item));
}

static const char *
item_icon (gpointer item)
{
  if (DIPTYCH_IS_OMISSION (item))
    return "dialog-warning-symbolic";
  switch (diptych_link_get_kind (item))
    {
    case DIPTYCH_LINK_IDENTICAL:
      return "object-select-symbolic";
    case DIPTYCH_LINK_REWORDED:
      return "document-edit-symbolic";
    case DIPTYCH_LINK_PARTIAL:
    default:
      return "view-dual-symbolic";
    }
}

static const char *
item_css_class (gpointer item)
{
  if (DIPTYCH_IS_OMISSION (item))
    return "omission";
  switch (diptych_link_get_kind (item))
    {
    case DIPTYCH_LINK_IDENTICAL:
      return "identical";
    case DIPTYCH_LINK_REWORDED:
      return "reworded";
    case DIPTYCH_LINK_PARTIAL:
    default:
      return "partial";
    }
}

/* The text of a row: its kind and both excerpts (what a screen reader
 * reads too). */
char *
diptych_differences_dup_row_label (gpointer        item,
                                   DiptychProject *project)
{
  if (DIPTYCH_IS_OMISSION (item))
    {
      g_autofree char *text = excerpt (project, diptych_omission_get_side (item),
                                       diptych_omission_get_span (item));
      return g_strdup_printf ("%s: %s", item_kind_label (item), text);
    }
  else
    {
      g_autofree char *a = excerpt (project, DIPTYCH_SIDE_A, diptych_link_get_span (item, DIPTYCH_SIDE_A));
      g_autofree char *b = excerpt (project, DIPTYCH_SIDE_B, diptych_link_get_span (item, DIPTYCH_SIDE_B));
      /* Translators: kind of link, then the left and right passages */
      return g_strdup_printf (_("%s: left “%s”, right “%s”"), item_kind_label (item), a, b);
    }
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *kind = gtk_label_new (NULL);
  GtkWidget *first = gtk_label_new (NULL);
  GtkWidget *second = gtk_label_new (NULL);

  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_add_css_class (icon, "difference-icon");
  gtk_widget_add_css_class (kind, "caption-heading");
  for (GtkWidget *label = kind; label != NULL; label = label == kind ? first : label == first ? second : NULL)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (labels), label);
    }
  gtk_label_set_lines (GTK_LABEL (first), 2);
  gtk_label_set_wrap (GTK_LABEL (first), TRUE);
  gtk_label_set_lines (GTK_LABEL (second), 2);
  gtk_label_set_wrap (GTK_LABEL (second), TRUE);
  gtk_widget_add_css_class (second, "dim-label");
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         DiptychDifferences       *self)
{
  DiptychProject *project = diptych_selection_get_project (self->selection);
  gpointer item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *labels = gtk_widget_get_next_sibling (icon);
  GtkWidget *kind = gtk_widget_get_first_child (labels);
  GtkWidget *first = gtk_widget_get_next_sibling (kind);
  GtkWidget *second = gtk_widget_get_next_sibling (first);
  g_autofree char *label = diptych_differences_dup_row_label (item, project);
  const char *classes[] = { "identical", "reworded", "partial", "omission" };

  gtk_image_set_from_icon_name (GTK_IMAGE (icon), item_icon (item));
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (icon, classes[i]);
  gtk_widget_add_css_class (icon, item_css_class (item));
  gtk_label_set_text (GTK_LABEL (kind), item_kind_label (item));

  if (DIPTYCH_IS_OMISSION (item))
    {
      g_autofree char *text = excerpt (project, diptych_omission_get_side (item),
                                       diptych_omission_get_span (item));
      gtk_label_set_text (GTK_LABEL (first), text);
      gtk_widget_set_visible (second, FALSE);
    }
  else
    {
      DiptychSide side = self->order;
      g_autofree char *a = excerpt (project, side, diptych_link_get_span (item, side));
      g_autofree char *b = excerpt (project, DIPTYCH_OTHER_SIDE (side),
                                    diptych_link_get_span (item, DIPTYCH_OTHER_SIDE (side)));
      gtk_label_set_text (GTK_LABEL (first), a);
      gtk_label_set_text (GTK_LABEL (second), b);
      gtk_widget_set_visible (second, TRUE);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, item_kind_label (item),
                                  -1);
}

static void
sync_list_selection (DiptychDifferences *self)
{
  gpointer item = diptych_selection_get_item (self->selection);
  guint position = item && self->positions
                   ? GPOINTER_TO_UINT (g_hash_table_lookup (self->positions, item)) : 0;

  self->updating = TRUE;
  gtk_single_selection_set_selected (self->list_selection,
                                     position > 0 ? position - 1 : GTK_INVALID_LIST_POSITION);
  self->updating = FALSE;

  /* A passage selected in the documents shows in the list too. */
  if (position > 0)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position - 1);
}

static void
rebuild (DiptychDifferences *self)
{
  g_autoptr(GListModel) model = NULL;

  model = diptych_differences_build_order (diptych_selection_get_index (self->selection), self->order);
  g_clear_pointer (&self->positions, g_hash_table_unref);
  self->positions = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_hash_table_insert (self->positions, item, GUINT_TO_POINTER (i + 1));
    }

  g_set_object (&self->model, model);
  self->updating = TRUE;
  gtk_single_selection_set_model (self->list_selection, model);
  self->updating = FALSE;
  sync_list_selection (self);

  /* A new list starts at its top. */
  if (g_list_model_get_n_items (model) > 0)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", 0);
}

static void
list_selection_changed_cb (DiptychDifferences *self)
{
  gpointer item;

  if (self->updating)
    return;
  item = gtk_single_selection_get_selected_item (self->list_selection);
  if (item != NULL)
    diptych_selection_set_item (self->selection, item);
}

static void
activate_cb (GtkListView        *list_view,
             guint               position,
             DiptychDifferences *self)
{
  g_autoptr(GObject) item = g_list_model_get_item (self->model, position);

  if (item == NULL)
    return;
  diptych_selection_set_item (self->selection, item);
  g_signal_emit (self, signals[ITEM_ACTIVATED], 0, item);
}

static void
order_changed_cb (DiptychDifferences *self)
{
  diptych_differences_set_order (self, gtk_drop_down_get_selected (self->order_dropdown) == 1
                                       ? DIPTYCH_SIDE_B : DIPTYCH_SIDE_A);
}

static void
diptych_differences_dispose (GObject *object)
{
  DiptychDifferences *self = (DiptychDifferences *) object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), DIPTYCH_TYPE_DIFFERENCES);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->list_selection);
  g_clear_object (&self->model);
  g_clear_pointer (&self->positions, g_hash_table_unref);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (diptych_differences_parent_class)->dispose (object);
}

static void
diptych_differences_class_init (DiptychDifferencesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = diptych_differences_dispose;

  /**
   * DiptychDifferences::item-activated:
   * @item: the link or omission
   *
   * A row was activated (Enter, double click): show it in both panes.
   */
  signals[ITEM_ACTIVATED] =
    g_signal_new ("item-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_OBJECT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/diptych/Diptych/diptych-differences.ui");
  gtk_widget_class_bind_template_child (widget_class, DiptychDifferences, order_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DiptychDifferences, list_view);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "differences");
}

static void
diptych_differences_init (DiptychDifferences *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->list_selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->list_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->list_selection, TRUE);
  g_signal_connect_swapped (self->list_selection, "selection-changed",
                            G_CALLBACK (list_selection_changed_cb), self);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->list_selection));
  g_signal_connect (self->list_view, "activate", G_CALLBACK (activate_cb), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Differences"),
                                  -1);

  g_signal_connect_swapped (self->order_dropdown, "notify::selected",
                            G_CALLBACK (order_changed_cb), self);
}

GtkWidget *
diptych_differences_new (DiptychSelection *selection)
{
  DiptychDifferences *self;

  g_return_val_if_fail (DIPTYCH_IS_SELECTION (selection), NULL);

  self = g_object_new (DIPTYCH_TYPE_DIFFERENCES, NULL);
  self->selection = g_object_ref (selection);
  g_signal_connect_object (selection, "index-changed", G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (selection, "notify::item", G_CALLBACK (sync_list_selection), self, G_CONNECT_SWAPPED);
  rebuild (self);
  return GTK_WIDGET (self);
}

/**
 * diptych_differences_get_model:
 *
 * Returns: (transfer none): the rows: links and omissions in order
 */
GListModel *
diptych_differences_get_model (DiptychDifferences *self)
{
  g_return_val_if_fail (DIPTYCH_IS_DIFFERENCES (self), NULL);
  return self->model;
}

DiptychSide
diptych_differences_get_order (DiptychDifferences *self)
{
  g_return_val_if_fail (DIPTYCH_IS_DIFFERENCES (self), DIPTYCH_SIDE_A);
  return self->order;
}

void
diptych_differences_set_order (DiptychDifferences *self,
                               DiptychSide         side)
{
  g_return_if_fail (DIPTYCH_IS_DIFFERENCES (self));

  if (self->order == side)
    return;
  self->order = side;
  gtk_drop_down_set_selected (self->order_dropdown, side == DIPTYCH_SIDE_B ? 1 : 0);
  if (self->selection != NULL)
    rebuild (self);
}
