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
  GObject          *watched;       /* the link or omission shown */
  gulong            watched_id;

  GtkStack         *stack;
  GtkLabel         *title_label;
  GtkLabel         *facts_label;
  GtkLabel         *terms_label;
  GtkLabel         *discrepancies_label;
  GtkLabel         *heading_a;
  GtkLabel         *heading_b;
  GtkLabel         *text_a;
  GtkLabel         *text_b;
  GtkLabel         *legend_label;
};

G_DEFINE_FINAL_TYPE (DiptychInspector, diptych_inspector, GTK_TYPE_WIDGET)

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
  GtkLabel *label = side == DIPTYCH_SIDE_A ? self->text_a : self->text_b;
  GtkLabel *heading = side == DIPTYCH_SIDE_A ? self->heading_a : self->heading_b;
  DiptychDocument *document = diptych_project_get_document (diptych_selection_get_project (self->selection), side);
  g_autofree char *title = side_heading (self, side);
  g_autofree char *text = NULL;
  g_autoptr(PangoAttrList) attributes = NULL;

  if (document != NULL && diptych_document_span_is_valid (document, span))
    text = diptych_document_dup_span (document, span);
  if (text == NULL)
    text = g_strdup ("");

  gtk_label_set_text (heading, title);
  gtk_label_set_text (label, text);
  if (link != NULL)
    attributes = diptych_highlighter_dup_word_op_attributes (link, side, span.start, text,
                                                             adw_style_manager_get_dark (adw_style_manager_get_default ()));
  gtk_label_set_attributes (label, attributes);
  gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (heading), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
}

static void
hide_passage (DiptychInspector *self,
              DiptychSide       side)
{
  gtk_widget_set_visible (GTK_WIDGET (side == DIPTYCH_SIDE_A ? self->text_a : self->text_b), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (side == DIPTYCH_SIDE_A ? self->heading_a : self->heading_b), FALSE);
}

static const char *
discrepancy_label (DiptychDiscrepancy discrepancy)
{
  switch (discrepancy)
    {
    case DIPTYCH_DISCREPANCY_NUMBER:
      return _("Number");
    case DIPTYCH_DISCREPANCY_DATE:
      return _("Date");
    case DIPTYCH_DISCREPANCY_NAME:
      return _("Name");
    case DIPTYCH_DISCREPANCY_NONE:
    default:
      return NULL;
    }
}

/* One line per number, date or name that differs: what each side says. */
static char *
describe_discrepancies (DiptychInspector *self,
                        DiptychLink      *link)
{
  DiptychProject *project = diptych_selection_get_project (self->selection);
  DiptychDocument *a = diptych_project_get_document (project, DIPTYCH_SIDE_A);
  DiptychDocument *b = diptych_project_get_document (project, DIPTYCH_SIDE_B);
  g_autoptr(GString) out = g_string_new (NULL);
  const DiptychWordOp *ops;
  guint n_ops;

  ops = diptych_link_get_word_ops (link, &n_ops);
  for (guint i = 0; i < n_ops && a != NULL && b != NULL; i++)
    {
      const char *label = discrepancy_label (ops[i].discrepancy);
      g_autofree char *text_a = NULL;
      g_autofree char *text_b = NULL;

      if (label == NULL ||
          !diptych_document_span_is_valid (a, ops[i].a) ||
          !diptych_document_span_is_valid (b, ops[i].b))
        continue;
      text_a = diptych_document_dup_span (a, ops[i].a);
      text_b = diptych_document_dup_span (b, ops[i].b);
      if (out->len > 0)
        g_string_append_c (out, '\n');
      /* Translators: a discrepancy: its kind, what the left and the right document say */
      g_string_append_printf (out, _("%s differs: “%s” (left), “%s” (right)"), label,
                              *text_a ? text_a : "—", *text_b ? text_b : "—");
    }
  return out->len > 0 ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

static void update (DiptychInspector *self);

/* Follows the shown item, so that a link confirmed or rejected while it
 * is shown no longer reads "found by the model". */
static void
watch_item (DiptychInspector *self,
            gpointer          item)
{
  if (self->watched == item)
    return;

  if (self->watched != NULL)
    g_clear_signal_handler (&self->watched_id, self->watched);
  g_set_object (&self->watched, item);
  if (item != NULL)
    self->watched_id = g_signal_connect_object (item, "notify", G_CALLBACK (update),
                                                self, G_CONNECT_SWAPPED);
}

static void
update (DiptychInspector *self)
{
  gpointer item = diptych_selection_get_item (self->selection);

  watch_item (self, item);
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
      g_autofree char *discrepancies = NULL;

      gtk_label_set_text (self->title_label, diptych_link_kind_get_label (diptych_link_get_kind (link)));
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

      discrepancies = describe_discrepancies (self, link);
      gtk_label_set_text (self->discrepancies_label, discrepancies ? discrepancies : "");
      gtk_widget_set_visible (GTK_WIDGET (self->discrepancies_label), discrepancies != NULL);

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
      gtk_widget_set_visible (GTK_WIDGET (self->discrepancies_label), FALSE);
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
  watch_item (self, NULL);
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
  gtk_widget_class_bind_template_child (widget_class, DiptychInspector, discrepancies_label);
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
  GtkLabel *label;

  g_return_val_if_fail (DIPTYCH_IS_INSPECTOR (self), NULL);

  label = side == DIPTYCH_SIDE_A ? self->text_a : self->text_b;
  if (!gtk_widget_get_visible (GTK_WIDGET (label)) ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "details") != 0)
    return g_strdup ("");
  return g_strdup (gtk_label_get_text (label));
}

/* The discrepancies listed ("" if none): for tests. */
const char *
diptych_inspector_get_discrepancies (DiptychInspector *self)
{
  g_return_val_if_fail (DIPTYCH_IS_INSPECTOR (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->discrepancies_label))
         ? gtk_label_get_text (self->discrepancies_label) : "";
}

const char *
diptych_inspector_get_title (DiptychInspector *self)
{
  g_return_val_if_fail (DIPTYCH_IS_INSPECTOR (self), NULL);
  return gtk_label_get_text (self->title_label);
}

/* The kind, score and state line: for tests. */
const char *
diptych_inspector_get_facts (DiptychInspector *self)
{
  g_return_val_if_fail (DIPTYCH_IS_INSPECTOR (self), NULL);
  return gtk_label_get_text (self->facts_label);
}
