/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "diptych-inspector"

#include "config.h"

#include <glib/gi18n.h>

#include "diptych-highlighter.h"
#include "diptych-inspector.h"

struct _DiptychInspector
{
  GtkWidget         parent_instance;

  DiptychSelection *selection;

  GtkStack         *stack;
  GtkLabel         *title_label;
  GtkLabel         *facts_label;
  GtkLabel         *terms_label;
  GtkLabel         *heading_a;
  GtkLabel         *heading_b;
  GtkTextView      *text_a;
  GtkTextView      *text_b;
  GtkLabel         *legend_label;
};

G_DEFINE_FINAL_TYPE (DiptychInspector, diptych_inspector, GTK_TYPE_WIDGET)

static const char *
kind_title (DiptychLinkKind kind)
{
  switch (kind)
    {
    case DIPTYCH_LINK_IDENTICAL:
      return _("Same Wording");
    case DIPTYCH_LINK_REWORDED:
      return _("Reworded");
    case DIPTYCH_LINK_PARTIAL:
      return _("Partial Match");
    default:
      return _("Link");
    }
}

static const char *
state_label (DiptychState state)
{
  switch (state)
    {
    case DIPTYCH_STATE_AUTO:
      return _("found by the model");
    case DIPTYCH_STATE_CONFIRMED:
      return _("confirmed");
    case DIPTYCH_STATE_REJECTED:
      return _("rejected");
    case DIPTYCH_STATE_MANUAL:
      return _("drawn by hand");
    default:
      return "";
    }
}

static char *
side_heading (DiptychInspector *self,
              DiptychSide       side)
{
  DiptychDocument *document = diptych_project_get_document (diptych_selection_get_project (self->selection), side);
  const char *title = document ? diptych_document_get_title (document) : NULL;

  if (title != NULL && *title != '\0')
    return g_strdup (title);
  return g_strdup (side == DIPTYCH_SIDE_A ? _("Left document") : _("Right document"));
}

static void
show_passage (DiptychInspector *self,
              DiptychSide       side,
              DiptychSpan       span,
              DiptychLink      *link)
{
  GtkTextView *view = side == DIPTYCH_SIDE_A ? self->text_a : self->text_b;
  GtkLabel *heading = side == DIPTYCH_SIDE_A ? self->heading_a : self->heading_b;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  DiptychDocument *document = diptych_project_get_document (diptych_selection_get_project (self->selection), side);
  g_autofree char *title = side_heading (self, side);
  g_autofree char *text = NULL;

  if (document != NULL && diptych_document_span_is_valid (document, span))
    text = diptych_document_dup_span (document, span);

  gtk_label_set_text (heading, title);
  gtk_text_buffer_set_text (buffer, text ? text : "", -1);
  gtk_widget_set_visible (GTK_WIDGET (view), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (heading), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  diptych_highlighter_ensure_tags (buffer, adw_style_manager_get_dark (adw_style_manager_get_default ()));
  if (link != NULL)
    diptych_highlighter_mark_word_ops (buffer, link, side, span.start);
}

static void
hide_passage (DiptychInspector *self,
              DiptychSide       side)
{
  gtk_widget_set_visible (GTK_WIDGET (side == DIPTYCH_SIDE_A ? self->text_a : self->text_b), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (side == DIPTYCH_SIDE_A ? self->heading_a : self->heading_b), FALSE);
}

static void
update (DiptychInspector *self)
{
  gpointer item = diptych_selection_get_item (self->selection);

  if (item == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  if (DIPTYCH_IS_LINK (item))
    {
      DiptychLink *link = item;
      const char * const *terms = diptych_link_get_shared_terms (link);
      g_autofree char *facts = NULL;
      g_autofree char *joined = NULL;
      g_autofree char *terms_text = NULL;

      gtk_label_set_text (self->title_label, kind_title (diptych_link_get_kind (link)));
      /* Translators: "Score 0.71, found by the model" */
      facts = g_strdup_printf (_("Score %.2f, %s"), diptych_link_get_score (link),
                               state_label (diptych_link_get_state (link)));
      gtk_label_set_text (self->facts_label, facts);

      if (terms != NULL && terms[0] != NULL)
        {
          joined = g_strjoinv (", ", (char **) terms);
          terms_text = g_strdup_printf (_("Shared terms: %s"), joined);
        }
      gtk_label_set_text (self->terms_label, terms_text ? terms_text : _("No shared terms recorded"));
      gtk_widget_set_visible (GTK_WIDGET (self->terms_label), TRUE);

      for (guint side = 0; side < DIPTYCH_N_SIDES; side++)
        show_passage (self, side, diptych_link_get_span (link, side), link);

      gtk_label_set_text (self->legend_label,
                          diptych_link_has_word_ops (link)
                          ? _("Single underline: reworded. Double underline, bold: changed. "
                              "Bold on yellow: only in this account. Wavy underline: a number, date or name differs.")
                          : "");
      gtk_widget_set_visible (GTK_WIDGET (self->legend_label), diptych_link_has_word_ops (link));
    }
  else
    {
      DiptychOmission *omission = item;
      DiptychSide side = diptych_omission_get_side (omission);
      g_autofree char *heading = side_heading (self, DIPTYCH_OTHER_SIDE (side));
      g_autofree char *facts = g_strdup_printf (_("Nothing in “%s” matches this passage."), heading);

      gtk_label_set_text (self->title_label, _("Omission"));
      gtk_label_set_text (self->facts_label, facts);
      gtk_widget_set_visible (GTK_WIDGET (self->terms_label), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->legend_label), FALSE);
      show_passage (self, side, diptych_omission_get_span (omission), NULL);
      hide_passage (self, DIPTYCH_OTHER_SIDE (side));
    }

  gtk_stack_set_visible_child_name (self->stack, "details");
}

static void
diptych_inspector_dispose (GObject *object)
{
  DiptychInspector *self = (DiptychInspector *) object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), DIPTYCH_TYPE_INSPECTOR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (diptych_inspector_parent_class)->dispose (object);
}

static void
diptych_inspector_class_init (DiptychInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = diptych_inspector_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/diptych/Diptych/diptych-inspector.ui");
  gtk_widget_class_bind_template_child (widget_class, DiptychInspector, stack);
  gtk_widget_class_bind_template_child (widget_class, DiptychInspector, title_label);
  gtk_widget_class_bind_template_child (widget_class, DiptychInspector, facts_label);
  gtk_widget_class_bind_template_child (widget_class, DiptychInspector, terms_label);
  gtk_widget_class_bind_template_child (widget_class, DiptychInspector, heading_a);
  gtk_widget_class_bind_template_child (widget_class, DiptychInspector, heading_b);
  gtk_widget_class_bind_template_child (widget_class, DiptychInspector, text_a);
  gtk_widget_class_bind_template_child (widget_class, DiptychInspector, text_b);
  gtk_widget_class_bind_template_child (widget_class, DiptychInspector, legend_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "inspector");
}

static void
diptych_inspector_init (DiptychInspector *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
diptych_inspector_new (DiptychSelection *selection)
{
  DiptychInspector *self;

  g_return_val_if_fail (DIPTYCH_IS_SELECTION (selection), NULL);

  self = g_object_new (DIPTYCH_TYPE_INSPECTOR, NULL);
  self->selection = g_object_ref (selection);
  g_signal_connect_object (selection, "notify::item", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
  return GTK_WIDGET (self);
}

/* The passage shown for @side (empty if none): for tests. */
char *
diptych_inspector_dup_passage (DiptychInspector *self,
                               DiptychSide       side)
{
  GtkTextView *view;
  GtkTextIter start, end;

  g_return_val_if_fail (DIPTYCH_IS_INSPECTOR (self), NULL);

  view = side == DIPTYCH_SIDE_A ? self->text_a : self->text_b;
  if (!gtk_widget_get_visible (GTK_WIDGET (view)) ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "details") != 0)
    return g_strdup ("");
  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (view), &start, &end);
  return gtk_text_buffer_get_text (gtk_text_view_get_buffer (view), &start, &end, FALSE);
}

const char *
diptych_inspector_get_title (DiptychInspector *self)
{
  g_return_val_if_fail (DIPTYCH_IS_INSPECTOR (self), NULL);
  return gtk_label_get_text (self->title_label);
}
