/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "diptych-view-util"

#include "config.h"

#include "diptych-view-util.h"

/* No screen shows more characters per pixel of height than this (a
 * 300-character line 8 pixels high). */
#define MAX_CHARS_PER_PIXEL 40

/* The part of the document shown, from the first to the last visible
 * character (whole lines). */
DiptychSpan
diptych_text_view_get_visible_span (GtkTextView *view)
{
  GdkRectangle rect;
  GtkTextIter start, end;

  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view), DIPTYCH_SPAN_INIT (0, 0));

  gtk_text_view_get_visible_rect (view, &rect);
  gtk_text_view_get_line_at_y (view, &start, rect.y, NULL);
  gtk_text_view_get_line_at_y (view, &end, rect.y + rect.height, NULL);
  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_to_line_end (&end);
  /* Lines not laid out yet have no height, so right after a jump the
   * bottom line may seem to be the end of the document. */
  return DIPTYCH_SPAN_INIT (gtk_text_iter_get_offset (&start),
                            MIN (gtk_text_iter_get_offset (&end) + 1,
                                 gtk_text_iter_get_offset (&start) + MAX (rect.height, 1) * MAX_CHARS_PER_PIXEL));
}

/* The vertical extent of @span in buffer coordinates: from the top of its
 * first character's line box to the bottom of its last character's. */
void
diptych_text_view_get_span_yrange (GtkTextView *view,
                                   DiptychSpan  span,
                                   int         *y,
                                   int         *height)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  GdkRectangle first, last;

  g_return_if_fail (GTK_IS_TEXT_VIEW (view));

  buffer = gtk_text_view_get_buffer (view);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, span.start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, span.end > span.start ? span.end - 1 : span.start);
  gtk_text_view_get_iter_location (view, &start, &first);
  gtk_text_view_get_iter_location (view, &end, &last);
  *y = first.y;
  *height = MAX (last.y + last.height - first.y, 1);
}

/* Like diptych_text_view_get_span_yrange(), from the heights of whole
 * lines (paragraphs) without laying them out: a position within a line
 * is estimated from its character offset. Cheap enough for every link
 * of a large document (the overview strip). */
static int
estimate_y (GtkTextView *view,
            guint        offset,
            gboolean     end)
{
  GtkTextIter iter, line_start, line_end;
  int y, height, chars;

  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (view), &iter, offset);
  gtk_text_view_get_line_yrange (view, &iter, &y, &height);
  line_start = iter;
  gtk_text_iter_set_line_offset (&line_start, 0);
  line_end = line_start;
  if (!gtk_text_iter_ends_line (&line_end))
    gtk_text_iter_forward_to_line_end (&line_end);
  chars = gtk_text_iter_get_offset (&line_end) - gtk_text_iter_get_offset (&line_start);
  if (chars <= 0)
    return end ? y + height : y;
  return y + (int) ((double) (offset - gtk_text_iter_get_offset (&line_start) + (end ? 1 : 0)) / chars * height);
}

void
diptych_text_view_estimate_span_yrange (GtkTextView *view,
                                        DiptychSpan  span,
                                        int         *y,
                                        int         *height)
{
  int bottom;

  g_return_if_fail (GTK_IS_TEXT_VIEW (view));

  *y = estimate_y (view, span.start, FALSE);
  bottom = estimate_y (view, span.end > span.start ? span.end - 1 : span.start, TRUE);
  *height = MAX (bottom - *y, 1);
}

guint
diptych_text_view_get_offset_at_y (GtkTextView *view,
                                   int          buffer_y)
{
  GtkTextIter iter;

  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view), 0);

  gtk_text_view_get_iter_at_location (view, &iter, 0, buffer_y);
  return gtk_text_iter_get_offset (&iter);
}

/* Maps a buffer y coordinate of @view to @widget's coordinates. */
double
diptych_text_view_to_widget_y (GtkTextView *view,
                               GtkWidget   *widget,
                               int          buffer_y)
{
  int wx, wy;
  double x, y;

  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, 0, buffer_y, &wx, &wy);
  if (!gtk_widget_translate_coordinates (GTK_WIDGET (view), widget, wx, wy, &x, &y))
    return wy;
  return y;
}

/* Scrolls @view so that the character at @offset sits at @yalign of its
 * height. Scrolling to a mark, unlike setting the adjustment, waits until
 * the view has laid out the text that far: before that its height is
 * only an estimate, which changes as soon as the view scrolls. */
void
diptych_text_view_scroll_to_offset (GtkTextView *view,
                                    guint        offset,
                                    double       yalign)
{
  GtkTextBuffer *buffer;
  GtkTextMark *mark;
  GtkTextIter iter;

  g_return_if_fail (GTK_IS_TEXT_VIEW (view));

  buffer = gtk_text_view_get_buffer (view);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  mark = gtk_text_buffer_get_mark (buffer, "diptych-scroll-target");
  if (mark == NULL)
    mark = gtk_text_buffer_create_mark (buffer, "diptych-scroll-target", &iter, TRUE);
  else
    gtk_text_buffer_move_mark (buffer, mark, &iter);
  gtk_text_view_scroll_to_mark (view, mark, 0.0, TRUE, 0.0, yalign);
}

/* The color of a link's kind (or of an omission), as in the panes. */
void
diptych_link_kind_get_rgba (gpointer  item,
                            gboolean  dark,
                            double    alpha,
                            GdkRGBA  *rgba)
{
  DiptychRgb rgb = diptych_palette_get_rgb (DIPTYCH_IS_LINK (item)
                                             ? diptych_palette_for_link_kind (diptych_link_get_kind (item))
                                             : DIPTYCH_PALETTE_OMISSION);

  rgba->red = rgb.red / 255.0;
  rgba->green = rgb.green / 255.0;
  rgba->blue = rgb.blue / 255.0;
  rgba->alpha = alpha;
  if (dark)
    {
      rgba->red += (1 - rgba->red) * 0.15;
      rgba->green += (1 - rgba->green) * 0.15;
      rgba->blue += (1 - rgba->blue) * 0.15;
    }
}

/* GSettings string choices and combo rows */

static gboolean
choice_to_selected (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  const char * const *choices = user_data;
  const char *choice = g_variant_get_string (variant, NULL);

  for (guint i = 0; choices[i] != NULL; i++)
    if (g_strcmp0 (choices[i], choice) == 0)
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  return FALSE;
}

static GVariant *
selected_to_choice (const GValue       *value,
                    const GVariantType *expected_type,
                    gpointer            user_data)
{
  const char * const *choices = user_data;
  guint selected = g_value_get_uint (value);

  if (selected >= g_strv_length ((char **) choices))
    return NULL;

  return g_variant_new_string (choices[selected]);
}

/**
 * diptych_settings_bind_choice:
 * @choices: (array zero-terminated=1): the key's string choices, in the
 *   order of the row's items
 *
 * Binds the string key @key of @settings to the selected item of @row.
 */
void
diptych_settings_bind_choice (GSettings          *settings,
                              const char         *key,
                              AdwComboRow        *row,
                              const char * const *choices)
{
  g_settings_bind_with_mapping (settings, key, row, "selected", G_SETTINGS_BIND_DEFAULT,
                                choice_to_selected, selected_to_choice,
                                (gpointer) choices, NULL);
}
