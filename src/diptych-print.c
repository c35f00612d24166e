/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "diptych-print"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "diptych-print.h"
#include "diptych-session.h"

#define BODY_FONT "Sans 9"
#define SMALL_FONT "Sans 7"
#define GAP 12.0          /* between the columns, in points */
#define SPACING 6.0       /* between blocks */

/* A block of the printout: a paragraph across the page, or the two
 * passages of a link side by side. */
typedef struct
{
  char   *markup;        /* across the page; NULL for a pair */
  char   *markup_a;
  char   *markup_b;
  double  height;
} Block;

typedef struct
{
  DiptychProject *project;
  GPtrArray      *blocks;
  GArray         *page_starts;  /* guint: the first block of each page */
  char           *header;
  double          header_height;
  double          footer_height;
} PrintData;

static void
block_free (gpointer data)
{
  Block *block = data;

  g_free (block->markup);
  g_free (block->markup_a);
  g_free (block->markup_b);
  g_free (block);
}

static void
print_data_free (PrintData *data)
{
  g_clear_object (&data->project);
  g_clear_pointer (&data->blocks, g_ptr_array_unref);
  g_clear_pointer (&data->page_starts, g_array_unref);
  g_free (data->header);
  g_free (data);
}

static void
add_paragraph (PrintData  *data,
               const char *format,
               ...) G_GNUC_PRINTF (2, 3);

static void
add_paragraph (PrintData  *data,
               const char *format,
               ...)
{
  Block *block = g_new0 (Block, 1);
  va_list args;

  va_start (args, format);
  block->markup = g_markup_vprintf_escaped (format, args);
  va_end (args);
  g_ptr_array_add (data->blocks, block);
}

static char *
passage (DiptychProject *project,
         DiptychSide     side,
         DiptychSpan     span)
{
  DiptychDocument *document = diptych_project_get_document (project, side);

  if (document == NULL || !diptych_document_span_is_valid (document, span))
    return g_strdup ("");
  return diptych_document_dup_span (document, span);
}

static const char *
side_name (DiptychSide side)
{
  return side == DIPTYCH_SIDE_A ? _("Left") : _("Right");
}

static const char *
kind_label (DiptychLinkKind kind)
{
  switch (kind)
    {
    case DIPTYCH_LINK_IDENTICAL:
      return _("identical");
    case DIPTYCH_LINK_REWORDED:
      return _("reworded");
    case DIPTYCH_LINK_PARTIAL:
    default:
      return _("partial");
    }
}

static const char *
state_label (DiptychState state)
{
  switch (state)
    {
    case DIPTYCH_STATE_CONFIRMED:
      return _("confirmed");
    case DIPTYCH_STATE_MANUAL:
      return _("drawn by hand");
    case DIPTYCH_STATE_REJECTED:
      return _("rejected");
    case DIPTYCH_STATE_AUTO:
    default:
      return _("found by the model");
    }
}

static int
compare_links (gconstpointer a,
               gconstpointer b)
{
  DiptychSpan sa = diptych_link_get_span (*(DiptychLink **) a, DIPTYCH_SIDE_A);
  DiptychSpan sb = diptych_link_get_span (*(DiptychLink **) b, DIPTYCH_SIDE_A);

  return sa.start < sb.start ? -1 : sa.start > sb.start;
}

static void
build_blocks (PrintData *data)
{
  DiptychProject *project = data->project;
  GListModel *links = diptych_project_get_links (project);
  GListModel *omissions = diptych_project_get_omissions (project);
  GListModel *annotations = diptych_project_get_annotations (project);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *name = diptych_session_dup_project_name (project);
  guint n_omissions = 0;

  data->blocks = g_ptr_array_new_with_free_func (block_free);
  add_paragraph (data, "<span size='x-large' weight='bold'>%s</span>", name);
  for (DiptychSide side = DIPTYCH_SIDE_A; side <= DIPTYCH_SIDE_B; side++)
    {
      DiptychDocument *document = diptych_project_get_document (project, side);

      if (document != NULL)
        /* Translators: "Left: title (source)" */
        add_paragraph (data, _("<b>%s:</b> %s <span size='small'>(%s)</span>"),
                       side_name (side), diptych_document_get_title (document),
                       diptych_document_get_source (document) != NULL ? diptych_document_get_source (document) : "");
    }

  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      DiptychLink *link = g_list_model_get_item (links, i);

      if (diptych_link_get_state (link) == DIPTYCH_STATE_REJECTED)
        g_object_unref (link);
      else
        g_ptr_array_add (sorted, link);
    }
  g_ptr_array_sort (sorted, compare_links);
  for (guint i = 0; i < g_list_model_get_n_items (omissions); i++)
    {
      g_autoptr(DiptychOmission) omission = g_list_model_get_item (omissions, i);

      n_omissions += diptych_omission_get_state (omission) != DIPTYCH_STATE_REJECTED;
    }

  add_paragraph (data, _("%u linked passages, %u omissions, %u annotations"),
                 sorted->len, n_omissions, g_list_model_get_n_items (annotations));

  if (sorted->len > 0)
    add_paragraph (data, "<span size='large' weight='bold'>%s</span>", _("Linked Passages"));
  for (guint i = 0; i < sorted->len; i++)
    {
      DiptychLink *link = g_ptr_array_index (sorted, i);
      g_autofree char *a = passage (project, DIPTYCH_SIDE_A, diptych_link_get_span (link, DIPTYCH_SIDE_A));
      g_autofree char *b = passage (project, DIPTYCH_SIDE_B, diptych_link_get_span (link, DIPTYCH_SIDE_B));
      const char *kind = kind_label (diptych_link_get_kind (link));
      const char *state = state_label (diptych_link_get_state (link));
      Block *block = g_new0 (Block, 1);

      block->markup_a = g_markup_printf_escaped ("<span size='small' foreground='#555555'>§%u · %s · %s</span>\n%s",
                                                 i + 1, kind, state, a);
      block->markup_b = g_markup_printf_escaped ("<span size='small' foreground='#555555'>§%u</span>\n%s",
                                                 i + 1, b);
      g_ptr_array_add (data->blocks, block);
    }

  if (n_omissions > 0)
    add_paragraph (data, "<span size='large' weight='bold'>%s</span>", _("Omissions"));
  for (guint i = 0; i < g_list_model_get_n_items (omissions); i++)
    {
      g_autoptr(DiptychOmission) omission = g_list_model_get_item (omissions, i);
      DiptychSide side = diptych_omission_get_side (omission);
      g_autofree char *text = NULL;

      if (diptych_omission_get_state (omission) == DIPTYCH_STATE_REJECTED)
        continue;
      text = passage (project, side, diptych_omission_get_span (omission));
      /* Translators: "Left only: passage" */
      add_paragraph (data, _("<b>%s only:</b> %s"), side_name (side), text);
    }

  if (g_list_model_get_n_items (annotations) > 0)
    add_paragraph (data, "<span size='large' weight='bold'>%s</span>", _("Annotations"));
  for (guint i = 0; i < g_list_model_get_n_items (annotations); i++)
    {
      g_autoptr(DiptychAnnotation) annotation = g_list_model_get_item (annotations, i);
      DiptychSide side = diptych_annotation_get_side (annotation);
      g_autofree char *text = passage (project, side, diptych_annotation_get_span (annotation));
      const char *tag = diptych_annotation_get_tag (annotation);
      const char *note = diptych_annotation_get_note (annotation);

      /* Translators: tag (side): note, then the quoted passage */
      add_paragraph (data, _("<b>%s</b> (%s): %s\n<i>“%s”</i>"),
                     tag != NULL ? tag : "", side_name (side), note != NULL ? note : "", text);
    }
}

static PangoLayout *
new_layout (GtkPrintContext *context,
            const char      *font,
            const char      *markup,
            double           width)
{
  PangoLayout *layout = gtk_print_context_create_pango_layout (context);
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  pango_layout_set_width (layout, pango_units_from_double (width));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_auto_dir (layout, TRUE);
  pango_layout_set_markup (layout, markup, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return pango_units_to_double (height);
}

static double
column_width (GtkPrintContext *context)
{
  return (gtk_print_context_get_width (context) - GAP) / 2;
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintData         *data)
{
  double width = gtk_print_context_get_width (context);
  double body = gtk_print_context_get_height (context);
  double used = 0;
  guint first = 0;
  g_autoptr(PangoLayout) header = new_layout (context, SMALL_FONT, "X", width);

  data->header_height = layout_height (header) + SPACING * 2;
  data->footer_height = data->header_height;
  body -= data->header_height + data->footer_height;

  data->page_starts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_array_append_val (data->page_starts, first);
  for (guint i = 0; i < data->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (data->blocks, i);

      if (block->markup != NULL)
        {
          g_autoptr(PangoLayout) layout = new_layout (context, BODY_FONT, block->markup, width);

          block->height = layout_height (layout);
        }
      else
        {
          g_autoptr(PangoLayout) a = new_layout (context, BODY_FONT, block->markup_a, column_width (context));
          g_autoptr(PangoLayout) b = new_layout (context, BODY_FONT, block->markup_b, column_width (context));

          block->height = MAX (layout_height (a), layout_height (b));
        }

      if (used > 0 && used + block->height > body)
        {
          g_array_append_val (data->page_starts, i);
          used = 0;
        }
      used += block->height + SPACING;
    }
  gtk_print_operation_set_n_pages (operation, data->page_starts->len);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              PrintData         *data)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  guint start = g_array_index (data->page_starts, guint, page_nr);
  guint end = (guint) page_nr + 1 < data->page_starts->len
              ? g_array_index (data->page_starts, guint, page_nr + 1) : data->blocks->len;
  g_autofree char *footer_text = NULL;
  g_autoptr(PangoLayout) header = NULL;
  g_autoptr(PangoLayout) footer = NULL;
  double y;

  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  header = new_layout (context, SMALL_FONT, data->header, width);
  cairo_move_to (cr, 0, 0);
  pango_cairo_show_layout (cr, header);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, 0, data->header_height - SPACING);
  cairo_line_to (cr, width, data->header_height - SPACING);
  cairo_stroke (cr);

  /* Translators: the footer of a printed page */
  footer_text = g_markup_printf_escaped (_("Page %d of %u"), page_nr + 1, data->page_starts->len);
  footer = new_layout (context, SMALL_FONT, footer_text, width);
  pango_layout_set_alignment (footer, PANGO_ALIGN_CENTER);
  cairo_move_to (cr, 0, height - data->footer_height + SPACING);
  pango_cairo_show_layout (cr, footer);

  cairo_set_source_rgb (cr, 0, 0, 0);
  y = data->header_height;
  for (guint i = start; i < end; i++)
    {
      Block *block = g_ptr_array_index (data->blocks, i);

      if (block->markup != NULL)
        {
          g_autoptr(PangoLayout) layout = new_layout (context, BODY_FONT, block->markup, width);

          cairo_move_to (cr, 0, y);
          pango_cairo_show_layout (cr, layout);
        }
      else
        {
          double column = column_width (context);
          g_autoptr(PangoLayout) a = new_layout (context, BODY_FONT, block->markup_a, column);
          g_autoptr(PangoLayout) b = new_layout (context, BODY_FONT, block->markup_b, column);

          cairo_move_to (cr, 0, y);
          pango_cairo_show_layout (cr, a);
          cairo_move_to (cr, column + GAP, y);
          pango_cairo_show_layout (cr, b);
          cairo_set_source_rgb (cr, 0.8, 0.8, 0.8);
          cairo_move_to (cr, column + GAP / 2, y);
          cairo_line_to (cr, column + GAP / 2, y + block->height);
          cairo_stroke (cr);
          cairo_set_source_rgb (cr, 0, 0, 0);
        }
      y += block->height + SPACING;
    }
}

/**
 * diptych_print_operation_new:
 *
 * Returns: (transfer full): a print operation for @project's report
 */
GtkPrintOperation *
diptych_print_operation_new (DiptychProject *project)
{
  GtkPrintOperation *operation;
  PrintData *data;
  DiptychDocument *a, *b;
  g_autofree char *name = NULL;

  g_return_val_if_fail (DIPTYCH_IS_PROJECT (project), NULL);

  data = g_new0 (PrintData, 1);
  data->project = g_object_ref (project);
  a = diptych_project_get_document (project, DIPTYCH_SIDE_A);
  b = diptych_project_get_document (project, DIPTYCH_SIDE_B);
  /* Translators: the header of each printed page: left and right documents */
  data->header = g_markup_printf_escaped (_("%s — %s"),
                                          a != NULL ? diptych_document_get_title (a) : "",
                                          b != NULL ? diptych_document_get_title (b) : "");
  build_blocks (data);

  operation = gtk_print_operation_new ();
  name = diptych_session_dup_project_name (project);
  gtk_print_operation_set_job_name (operation, name);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), data);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), data);
  g_object_set_data_full (G_OBJECT (operation), "diptych-print-data", data,
                          (GDestroyNotify) print_data_free);
  return operation;
}

static void
done_cb (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         GtkWindow               *parent)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;
      GtkWidget *dialog;

      gtk_print_operation_get_error (operation, &error);
      dialog = adw_message_dialog_new (parent, _("Could not print the report"),
                                       error != NULL ? error->message : NULL);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

void
diptych_print_project (GtkWindow      *parent,
                       DiptychProject *project)
{
  GtkPrintOperation *operation;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (DIPTYCH_IS_PROJECT (project));

  operation = diptych_print_operation_new (project);
  /* The window keeps the operation until the next one. */
  g_object_set_data_full (G_OBJECT (parent), "diptych-print-operation", operation, g_object_unref);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect (operation, "done", G_CALLBACK (done_cb), parent);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               parent, &error) == GTK_PRINT_OPERATION_RESULT_ERROR &&
      error != NULL)
    {
      GtkWidget *dialog = adw_message_dialog_new (parent, _("Could not print the report"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}
