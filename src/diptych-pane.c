/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "diptych-pane"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>
#include <gtksourceview/gtksource.h>

#include "diptych-pane.h"

struct _DiptychPane
{
  GtkWidget          parent_instance;

  DiptychSide        side;
  DiptychDocument   *document;

  GtkWidget         *header;
  GtkLabel          *title_label;
  GtkLabel          *subtitle_label;
  GtkButton         *open_button;
  GtkStack          *stack;
  AdwStatusPage     *status_page;
  GtkButton         *status_open_button;
  GtkBox            *status_box;
  GtkScrolledWindow *scrolled_window;
  GtkTextView       *view;
};

G_DEFINE_FINAL_TYPE (DiptychPane, diptych_pane, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SIDE,
  PROP_DOCUMENT,
  N_PROPS
};

enum {
  FILE_DROPPED,
  TEXT_DROPPED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

GtkWidget *
diptych_pane_new (DiptychSide side)
{
  return g_object_new (DIPTYCH_TYPE_PANE, "side", (guint) side, NULL);
}

static void
update_header (DiptychPane *self)
{
  const char *title = NULL;
  const char *subtitle = NULL;

  if (self->document == NULL)
    {
      title = self->side == DIPTYCH_SIDE_A ? _("Left Document") : _("Right Document");
      subtitle = _("No document");
    }
  else
    {
      const char *format = diptych_document_get_format (self->document);

      title = diptych_document_get_title (self->document);
      if (title == NULL || *title == '\0')
        title = _("Untitled Document");

      subtitle = diptych_document_get_source (self->document);
      if (subtitle == NULL || *subtitle == '\0')
        subtitle = g_strcmp0 (format, "pasted") == 0 ? _("Pasted text") : "";
    }

  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->subtitle_label, subtitle);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->subtitle_label),
                               *subtitle != '\0' ? subtitle : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), *subtitle != '\0');
}

static void
show_document (DiptychPane *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->view);
  GtkTextIter start;

  if (self->document != NULL)
    gtk_text_buffer_set_text (buffer, diptych_document_get_text (self->document),
                              (int) MIN (diptych_document_get_n_bytes (self->document),
                                         (gsize) G_MAXINT));
  else
    gtk_text_buffer_set_text (buffer, "", 0);

  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);

  gtk_stack_set_visible_child_name (self->stack, self->document != NULL ? "document" : "empty");
  update_header (self);
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         DiptychPane   *self)
{
  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *files = g_value_get_boxed (value);

      if (files == NULL)
        return FALSE;
      g_signal_emit (self, signals[FILE_DROPPED], 0, files->data);
      return TRUE;
    }

  if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    {
      g_signal_emit (self, signals[FILE_DROPPED], 0, g_value_get_object (value));
      return TRUE;
    }

  if (G_VALUE_HOLDS (value, G_TYPE_STRING))
    {
      const char *text = g_value_get_string (value);

      if (text == NULL || *text == '\0')
        return FALSE;
      g_signal_emit (self, signals[TEXT_DROPPED], 0, text);
      return TRUE;
    }

  return FALSE;
}

static void
diptych_pane_constructed (GObject *object)
{
  DiptychPane *self = DIPTYCH_PANE (object);
  const char *action = self->side == DIPTYCH_SIDE_A ? "win.open-a" : "win.open-b";

  G_OBJECT_CLASS (diptych_pane_parent_class)->constructed (object);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->open_button), action);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->status_open_button), action);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->open_button),
                               self->side == DIPTYCH_SIDE_A
                               ? _("Open a document on the left")
                               : _("Open a document on the right"));
  gtk_widget_add_css_class (GTK_WIDGET (self), self->side == DIPTYCH_SIDE_A ? "side-a" : "side-b");
  show_document (self);
}

static void
diptych_pane_dispose (GObject *object)
{
  DiptychPane *self = DIPTYCH_PANE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), DIPTYCH_TYPE_PANE);
  /* The template's unnamed children (the separator) too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (diptych_pane_parent_class)->dispose (object);
}

static void
diptych_pane_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  DiptychPane *self = DIPTYCH_PANE (object);

  switch (prop_id)
    {
    case PROP_SIDE:
      g_value_set_uint (value, self->side);
      break;

    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
diptych_pane_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  DiptychPane *self = DIPTYCH_PANE (object);

  switch (prop_id)
    {
    case PROP_SIDE:
      self->side = g_value_get_uint (value) == DIPTYCH_SIDE_B ? DIPTYCH_SIDE_B : DIPTYCH_SIDE_A;
      break;

    case PROP_DOCUMENT:
      diptych_pane_set_document (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
diptych_pane_class_init (DiptychPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = diptych_pane_constructed;
  object_class->dispose = diptych_pane_dispose;
  object_class->get_property = diptych_pane_get_property;
  object_class->set_property = diptych_pane_set_property;

  /**
   * DiptychPane:side:
   *
   * Which document the pane shows: 0 for A (left), 1 for B (right).
   */
  properties[PROP_SIDE] =
    g_param_spec_uint ("side", NULL, NULL,
                       DIPTYCH_SIDE_A, DIPTYCH_SIDE_B, DIPTYCH_SIDE_A,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         DIPTYCH_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DiptychPane::file-dropped:
   * @file: the file dropped on the pane (the first one, if several)
   */
  signals[FILE_DROPPED] =
    g_signal_new ("file-dropped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_FILE);

  /**
   * DiptychPane::text-dropped:
   * @text: text dropped on the pane
   */
  signals[TEXT_DROPPED] =
    g_signal_new ("text-dropped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (GTK_SOURCE_TYPE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/diptych/Diptych/diptych-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, DiptychPane, header);
  gtk_widget_class_bind_template_child (widget_class, DiptychPane, title_label);
  gtk_widget_class_bind_template_child (widget_class, DiptychPane, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, DiptychPane, open_button);
  gtk_widget_class_bind_template_child (widget_class, DiptychPane, stack);
  gtk_widget_class_bind_template_child (widget_class, DiptychPane, status_page);
  gtk_widget_class_bind_template_child (widget_class, DiptychPane, status_open_button);
  gtk_widget_class_bind_template_child (widget_class, DiptychPane, status_box);
  gtk_widget_class_bind_template_child (widget_class, DiptychPane, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, DiptychPane, view);

  gtk_widget_class_set_css_name (widget_class, "diptych-pane");
}

static void
diptych_pane_init (DiptychPane *self)
{
  GtkDropTarget *target;
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE, G_TYPE_STRING };

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (self->view), FALSE);

  target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  /* Before the text view, which would refuse drops on read-only text. */
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (target), GTK_PHASE_CAPTURE);
  g_signal_connect_object (target, "drop", G_CALLBACK (on_drop), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

DiptychSide
diptych_pane_get_side (DiptychPane *self)
{
  g_return_val_if_fail (DIPTYCH_IS_PANE (self), DIPTYCH_SIDE_A);

  return self->side;
}

/**
 * diptych_pane_get_document:
 *
 * Returns: (transfer none) (nullable): the document shown
 */
DiptychDocument *
diptych_pane_get_document (DiptychPane *self)
{
  g_return_val_if_fail (DIPTYCH_IS_PANE (self), NULL);

  return self->document;
}

void
diptych_pane_set_document (DiptychPane     *self,
                           DiptychDocument *document)
{
  g_return_if_fail (DIPTYCH_IS_PANE (self));
  g_return_if_fail (document == NULL || DIPTYCH_IS_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;

  show_document (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/**
 * diptych_pane_get_view:
 *
 * Returns: (transfer none): the read-only text view (a #GtkSourceView)
 */
GtkTextView *
diptych_pane_get_view (DiptychPane *self)
{
  g_return_val_if_fail (DIPTYCH_IS_PANE (self), NULL);

  return self->view;
}

/**
 * diptych_pane_get_scrolled_window:
 *
 * Returns: (transfer none): the scrolled window around the view
 */
GtkScrolledWindow *
diptych_pane_get_scrolled_window (DiptychPane *self)
{
  g_return_val_if_fail (DIPTYCH_IS_PANE (self), NULL);

  return self->scrolled_window;
}

/* The title shown in the pane's header. */
const char *
diptych_pane_get_title (DiptychPane *self)
{
  g_return_val_if_fail (DIPTYCH_IS_PANE (self), NULL);

  return gtk_label_get_label (self->title_label);
}

/* The subtitle shown in the pane's header: where the document came from. */
const char *
diptych_pane_get_subtitle (DiptychPane *self)
{
  g_return_val_if_fail (DIPTYCH_IS_PANE (self), NULL);

  return gtk_label_get_label (self->subtitle_label);
}

/**
 * diptych_pane_add_empty_child:
 * @child: a widget shown below the open button while the pane is empty
 */
void
diptych_pane_add_empty_child (DiptychPane *self,
                              GtkWidget   *child)
{
  g_return_if_fail (DIPTYCH_IS_PANE (self));
  g_return_if_fail (GTK_IS_WIDGET (child));

  gtk_box_append (self->status_box, child);
}
