/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "diptych-comparison"

#include "config.h"

#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>

#include "diptych-comparison.h"
#include "diptych-differences.h"
#include "diptych-highlighter.h"
#include "diptych-inspector.h"
#include "diptych-link-map.h"
#include "diptych-omission-gutter.h"
#include "diptych-overview.h"

struct _DiptychComparison
{
  GObject                  parent_instance;

  DiptychSelection        *selection;
  GtkTextView             *views[DIPTYCH_N_SIDES];
  DiptychHighlighter      *highlighters[DIPTYCH_N_SIDES];
  DiptychScrollSync       *scroll_sync;
  GtkWidget               *link_map;
  GtkWidget               *overviews[DIPTYCH_N_SIDES];
  GtkWidget               *inspector;
  GtkWidget               *differences;
  DiptychSide              focused_side;
  guint                    moving_cursor : 1;

  GtkCssProvider          *font_provider;

  GCancellable            *align_cancellable;
  double                   align_progress;
  DiptychAlignSettings    *pending_settings;   /* of the run under way */
  DiptychDocument         *pending_documents[DIPTYCH_N_SIDES];   /* not owned: compared only */

  GtkWidget               *search_bar;
  GtkWidget               *search_entry;
  GtkSourceSearchSettings *search_settings;
  GtkSourceSearchContext  *search_contexts[DIPTYCH_N_SIDES];
};

G_DEFINE_FINAL_TYPE (DiptychComparison, diptych_comparison, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ALIGNING,
  PROP_PROGRESS,
  N_PROPS
};

enum {
  ALIGNMENT_FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static DiptychSide
side_of_view (DiptychComparison *self,
              gpointer           view)
{
  return view == (gpointer) self->views[DIPTYCH_SIDE_B] ? DIPTYCH_SIDE_B : DIPTYCH_SIDE_A;
}

/**
 * diptych_comparison_select_at:
 *
 * Selects the link or omission at @offset of @side (or nothing).
 *
 * Returns: (transfer none) (nullable): the selected item
 */
gpointer
diptych_comparison_select_at (DiptychComparison *self,
                              DiptychSide        side,
                              guint              offset)
{
  gpointer item;

  g_return_val_if_fail (DIPTYCH_IS_COMPARISON (self), NULL);

  item = diptych_span_index_lookup (diptych_selection_get_index (self->selection), side, offset);
  diptych_selection_set_item (self->selection, item);
  return item;
}

static void
cursor_moved_cb (GtkTextBuffer     *buffer,
                 GParamSpec        *pspec,
                 DiptychComparison *self)
{
  DiptychSide side = gtk_text_view_get_buffer (self->views[DIPTYCH_SIDE_B]) == buffer
                     ? DIPTYCH_SIDE_B : DIPTYCH_SIDE_A;
  GtkTextIter iter;
  guint offset;

  /* Only the user's moves select: not loading a text, not navigation. */
  if (self->moving_cursor || !gtk_widget_is_focus (GTK_WIDGET (self->views[side])))
    return;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  self->focused_side = side;
  offset = gtk_text_iter_get_offset (&iter);
  /* A click right of a paragraph's last line puts the cursor just after
   * the passage's end: that still means the passage. */
  if (offset > 0 && gtk_text_iter_ends_line (&iter) && !gtk_text_iter_starts_line (&iter) &&
      diptych_span_index_lookup (diptych_selection_get_index (self->selection), side, offset) == NULL)
    offset--;
  diptych_comparison_select_at (self, side, offset);
}

static void
focus_enter_cb (GtkEventControllerFocus *controller,
                DiptychComparison       *self)
{
  self->focused_side = side_of_view (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
}

static void
selection_changed_cb (DiptychComparison *self)
{
  gpointer item = diptych_selection_get_item (self->selection);

  if (item != NULL)
    diptych_scroll_sync_reveal (self->scroll_sync, item, FALSE);
}

static void
item_activated_cb (DiptychComparison *self,
                   gpointer           item)
{
  diptych_scroll_sync_reveal (self->scroll_sync, item, TRUE);
}

/* Puts the cursor of @side at the start of @item without selecting
 * through cursor_moved_cb (the item is already selected). */
static void
place_cursor (DiptychComparison *self,
              DiptychSide        side,
              gpointer           item)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->views[side]);
  DiptychSpan span;
  GtkTextIter iter;

  if (!diptych_item_get_span (item, side, &span))
    return;
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, span.start);
  self->moving_cursor = TRUE;
  gtk_text_buffer_place_cursor (buffer, &iter);
  self->moving_cursor = FALSE;
}

/**
 * diptych_comparison_step:
 * @type: %DIPTYCH_TYPE_LINK or %DIPTYCH_TYPE_OMISSION
 * @forward: next (%TRUE) or previous
 *
 * Selects the next or previous link or omission in reading order of the
 * focused pane, and shows it.
 *
 * Returns: (transfer none) (nullable): the new selection, %NULL at the end
 */
gpointer
diptych_comparison_step (DiptychComparison *self,
                         GType              type,
                         gboolean           forward)
{
  DiptychSide side;
  GtkTextBuffer *buffer;
  GtkTextIter cursor;
  gpointer item;

  g_return_val_if_fail (DIPTYCH_IS_COMPARISON (self), NULL);

  side = self->focused_side;
  buffer = gtk_text_view_get_buffer (self->views[side]);
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  item = diptych_selection_find_next (self->selection, side, gtk_text_iter_get_offset (&cursor),
                                      type, forward);
  if (item == NULL)
    return NULL;

  diptych_selection_set_item (self->selection, item);
  for (guint s = 0; s < DIPTYCH_N_SIDES; s++)
    place_cursor (self, s, item);
  return item;
}

/* Font and zoom */

void
diptych_comparison_set_font (DiptychComparison *self,
                             const char        *font,
                             double             zoom)
{
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (font ? font : "Sans 11");
  g_autoptr(GString) css = g_string_new ("textview.document, label.inspector-passage {");
  const char *family = pango_font_description_get_family (desc);
  double size = pango_font_description_get_size (desc) / (double) PANGO_SCALE;

  g_return_if_fail (DIPTYCH_IS_COMPARISON (self));

  if (size <= 0)
    size = 11;
  zoom = CLAMP (zoom, 0.5, 3.0);
  if (family != NULL)
    {
      g_autofree char *quoted = g_strescape (family, NULL);
      g_string_append_printf (css, " font-family: \"%s\";", quoted);
    }
  g_string_append_printf (css, " font-size: %dpt;", (int) (size * zoom + 0.5));
  if (pango_font_description_get_set_fields (desc) & PANGO_FONT_MASK_WEIGHT)
    g_string_append_printf (css, " font-weight: %d;", (int) pango_font_description_get_weight (desc));
  if (pango_font_description_get_style (desc) == PANGO_STYLE_ITALIC)
    g_string_append (css, " font-style: italic;");
  g_string_append (css, " }");

  gtk_css_provider_load_from_data (self->font_provider, css->str, css->len);
}

/* Find */

static DiptychSide
search_side (DiptychComparison *self)
{
  return self->focused_side;
}

/* Found matches must stand out over the links' highlights, in the light
 * and the dark style: all matches on yellow, the current one on orange,
 * with dark text on both. */
#define MATCH_BACKGROUND "#f9f06b"
#define CURRENT_MATCH_BACKGROUND "#ffa348"
#define MATCH_FOREGROUND "#241f31"
#define MATCH_TAG "diptych-find-match"
#define CURRENT_MATCH_TAG "diptych-find-current"
/* Beyond this, only the current match is marked (a search for "e"). */
#define MAX_MARKED_MATCHES 5000

/* A tag of the find marks, created on first use, raised above every
 * other tag (the links' highlights). */
static GtkTextTag *
find_tag (GtkTextBuffer *buffer,
          const char    *name)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
  GtkTextTag *tag = gtk_text_tag_table_lookup (table, name);

  if (tag == NULL)
    tag = gtk_text_buffer_create_tag (buffer, name,
                                      "background", g_str_equal (name, MATCH_TAG)
                                                    ? MATCH_BACKGROUND : CURRENT_MATCH_BACKGROUND,
                                      "foreground", MATCH_FOREGROUND,
                                      NULL);
  gtk_text_tag_set_priority (tag, gtk_text_tag_table_get_size (table) - 1);
  return tag;
}

static void
clear_find_tag (GtkTextBuffer *buffer,
                const char    *name)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), name);
  GtkTextIter start, end;

  if (tag == NULL)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, tag, &start, &end);
}

/* Marks every match of the search in @side (none if @side is
 * DIPTYCH_N_SIDES) and the current one, [start, end), if given. */
static void
mark_matches (DiptychComparison *self,
              DiptychSide        side,
              const GtkTextIter *start,
              const GtkTextIter *end)
{
  for (guint s = 0; s < DIPTYCH_N_SIDES; s++)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->views[s]);
      GtkSourceSearchContext *context = self->search_contexts[s];
      GtkTextIter iter, match_start, match_end;
      gboolean wrapped = FALSE;
      guint n = 0;

      clear_find_tag (buffer, MATCH_TAG);
      clear_find_tag (buffer, CURRENT_MATCH_TAG);
      if (s != side || context == NULL)
        continue;

      gtk_text_buffer_get_start_iter (buffer, &iter);
      while (n++ < MAX_MARKED_MATCHES &&
             gtk_source_search_context_forward (context, &iter, &match_start, &match_end, &wrapped) &&
             !wrapped && gtk_text_iter_compare (&match_end, &iter) > 0)
        {
          gtk_text_buffer_apply_tag (buffer, find_tag (buffer, MATCH_TAG), &match_start, &match_end);
          iter = match_end;
        }
      if (start != NULL)
        gtk_text_buffer_apply_tag (buffer, find_tag (buffer, CURRENT_MATCH_TAG), start, end);
    }
}

static void
search_mode_cb (DiptychComparison *self)
{
  if (!gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (self->search_bar)))
    mark_matches (self, DIPTYCH_N_SIDES, NULL, NULL);
}

static void
search_changed_cb (DiptychComparison *self)
{
  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    diptych_comparison_find_next (self, TRUE);
}

/**
 * diptych_comparison_find_next:
 *
 * Selects the next (or previous) match of the search text in the focused
 * pane, wrapping around, and scrolls to it.
 *
 * Returns: %TRUE if there is a match
 */
gboolean
diptych_comparison_find_next (DiptychComparison *self,
                              gboolean           forward)
{
  DiptychSide side;
  GtkTextBuffer *buffer;
  GtkSourceSearchContext *context;
  GtkTextIter start, end, match_start, match_end;
  gboolean wrapped, found;
  const char *text;

  g_return_val_if_fail (DIPTYCH_IS_COMPARISON (self), FALSE);

  text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  gtk_source_search_settings_set_search_text (self->search_settings, *text ? text : NULL);

  side = search_side (self);
  buffer = gtk_text_view_get_buffer (self->views[side]);
  context = self->search_contexts[side];
  if (context == NULL || gtk_source_search_settings_get_search_text (self->search_settings) == NULL)
    return FALSE;

  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  if (forward)
    found = gtk_source_search_context_forward (context, &end, &match_start, &match_end, &wrapped);
  else
    found = gtk_source_search_context_backward (context, &start, &match_start, &match_end, &wrapped);

  if (found)
    {
      self->moving_cursor = TRUE;
      gtk_text_buffer_select_range (buffer, &match_start, &match_end);
      self->moving_cursor = FALSE;
      gtk_text_view_scroll_to_iter (self->views[side], &match_start, 0.1, TRUE, 0, 0.33);
      mark_matches (self, side, &match_start, &match_end);
    }
  else
    mark_matches (self, side, NULL, NULL);
  gtk_widget_set_css_classes (self->search_entry, found ? NULL : (const char *[]) { "error", NULL });
  return found;
}

void
diptych_comparison_find (DiptychComparison *self)
{
  g_return_if_fail (DIPTYCH_IS_COMPARISON (self));

  gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (self->search_bar), TRUE);
  gtk_widget_grab_focus (self->search_entry);
}

static void
search_next_cb (DiptychComparison *self)
{
  diptych_comparison_find_next (self, TRUE);
}

static void
search_previous_cb (DiptychComparison *self)
{
  diptych_comparison_find_next (self, FALSE);
}

static void
search_stop_cb (DiptychComparison *self)
{
  gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (self->search_bar), FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->views[self->focused_side]));
}

static void
buffer_changed_cb (DiptychComparison *self)
{
  for (guint side = 0; side < DIPTYCH_N_SIDES; side++)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->views[side]);

      if (self->search_contexts[side] != NULL &&
          gtk_source_search_context_get_buffer (self->search_contexts[side]) == GTK_SOURCE_BUFFER (buffer))
        continue;
      g_clear_object (&self->search_contexts[side]);
      if (GTK_SOURCE_IS_BUFFER (buffer))
        {
          self->search_contexts[side] = gtk_source_search_context_new (GTK_SOURCE_BUFFER (buffer),
                                                                       self->search_settings);
          gtk_source_search_context_set_highlight (self->search_contexts[side], FALSE);
        }
    }
}

static void
build_search_bar (DiptychComparison *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *previous = gtk_button_new_from_icon_name ("go-up-symbolic");
  GtkWidget *next = gtk_button_new_from_icon_name ("go-down-symbolic");

  self->search_settings = gtk_source_search_settings_new ();
  gtk_source_search_settings_set_wrap_around (self->search_settings, TRUE);

  self->search_entry = gtk_search_entry_new ();
  gtk_widget_set_size_request (self->search_entry, 320, -1);
  g_object_set (self->search_entry, "placeholder-text", _("Find in the focused document"), NULL);
  gtk_widget_set_tooltip_text (previous, _("Previous Match"));
  gtk_widget_set_tooltip_text (next, _("Next Match"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (previous), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Previous Match"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (next), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Next Match"), -1);
  gtk_box_append (GTK_BOX (box), self->search_entry);
  gtk_box_append (GTK_BOX (box), previous);
  gtk_box_append (GTK_BOX (box), next);
  gtk_widget_add_css_class (box, "linked");

  self->search_bar = g_object_ref_sink (gtk_search_bar_new ());
  gtk_search_bar_set_child (GTK_SEARCH_BAR (self->search_bar), box);
  gtk_search_bar_connect_entry (GTK_SEARCH_BAR (self->search_bar), GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_show_close_button (GTK_SEARCH_BAR (self->search_bar), TRUE);

  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->search_entry, "activate", G_CALLBACK (search_next_cb), self);
  g_signal_connect_swapped (self->search_entry, "next-match", G_CALLBACK (search_next_cb), self);
  g_signal_connect_swapped (self->search_entry, "previous-match", G_CALLBACK (search_previous_cb), self);
  g_signal_connect_swapped (self->search_entry, "stop-search", G_CALLBACK (search_stop_cb), self);
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled", G_CALLBACK (search_mode_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_swapped (next, "clicked", G_CALLBACK (search_next_cb), self);
  g_signal_connect_swapped (previous, "clicked", G_CALLBACK (search_previous_cb), self);
}

/* Alignment in the background */

static void
set_progress (DiptychComparison *self,
              double             fraction)
{
  if (self->align_progress == fraction)
    return;
  self->align_progress = fraction;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

static void
align_progress_cb (double   fraction,
                   gpointer user_data)
{
  DiptychComparison *self = user_data;

  if (self->align_cancellable != NULL && !g_cancellable_is_cancelled (self->align_cancellable))
    set_progress (self, fraction);
}

static void
align_done_cb (GObject      *source_object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(DiptychComparison) self = user_data;
  g_autoptr(DiptychAlignment) alignment = NULL;
  g_autoptr(GError) error = NULL;
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));

  alignment = diptych_align_finish (result, &error);

  /* A newer run replaced this one, or the view is gone. */
  if (cancellable != self->align_cancellable || self->selection == NULL)
    return;

  g_clear_object (&self->align_cancellable);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALIGNING]);

  if (alignment == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
          !g_error_matches (error, DIPTYCH_ERROR, DIPTYCH_ERROR_CANCELLED))
        g_signal_emit (self, signals[ALIGNMENT_FAILED], 0, error);
      return;
    }

  g_debug ("Aligned: %u links, %u omissions", diptych_alignment_get_n_links (alignment),
           diptych_alignment_get_n_omissions (alignment));
  set_progress (self, 1.0);
  diptych_project_set_alignment (diptych_selection_get_project (self->selection), alignment);
}

/**
 * diptych_comparison_cancel_alignment:
 *
 * Stops the alignment under way, if any; the panes keep their text and
 * show no links.
 */
void
diptych_comparison_cancel_alignment (DiptychComparison *self)
{
  g_return_if_fail (DIPTYCH_IS_COMPARISON (self));

  if (self->align_cancellable == NULL)
    return;
  g_cancellable_cancel (self->align_cancellable);
  g_clear_object (&self->align_cancellable);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALIGNING]);
}

/**
 * diptych_comparison_realign:
 *
 * Runs the highlighting model on a worker thread for the project's
 * documents and settings (cancelling a run under way); the result becomes
 * the project's alignment.
 */
void
diptych_comparison_realign (DiptychComparison *self)
{
  DiptychProject *project;
  DiptychDocument *a, *b;

  g_return_if_fail (DIPTYCH_IS_COMPARISON (self));

  project = diptych_selection_get_project (self->selection);
  a = diptych_project_get_document (project, DIPTYCH_SIDE_A);
  b = diptych_project_get_document (project, DIPTYCH_SIDE_B);

  if (self->align_cancellable != NULL)
    g_cancellable_cancel (self->align_cancellable);
  g_clear_object (&self->align_cancellable);

  if (a != NULL && b != NULL)
    {
      g_debug ("Aligning %u and %u characters", diptych_document_get_length (a),
               diptych_document_get_length (b));
      self->align_cancellable = g_cancellable_new ();
      self->align_progress = -1;
      set_progress (self, 0.0);
      diptych_align_async (a, b, diptych_project_get_settings (project),
                           align_progress_cb, self, self->align_cancellable,
                           align_done_cb, g_object_ref (self));
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALIGNING]);
}

/* The project's alignment is missing or was made with other settings
 * (documents changed, settings changed): align again. */
static void
project_changed_cb (DiptychComparison *self)
{
  DiptychProject *project = diptych_selection_get_project (self->selection);
  DiptychAlignment *alignment = diptych_project_get_alignment (project);
  const DiptychAlignSettings *settings = diptych_project_get_settings (project);
  gboolean both = diptych_project_get_document (project, DIPTYCH_SIDE_A) != NULL &&
                  diptych_project_get_document (project, DIPTYCH_SIDE_B) != NULL;

  if (alignment != NULL)
    {
      const DiptychAlignSettings *used = diptych_alignment_get_settings (alignment);

      if (used->granularity == settings->granularity && used->sensitivity == settings->sensitivity)
        {
          g_clear_pointer (&self->pending_settings, g_free);
          return;
        }
    }

  /* Already running for these documents and settings. */
  if (self->align_cancellable != NULL && self->pending_settings != NULL &&
      self->pending_settings->granularity == settings->granularity &&
      self->pending_settings->sensitivity == settings->sensitivity &&
      self->pending_documents[0] == diptych_project_get_document (project, DIPTYCH_SIDE_A) &&
      self->pending_documents[1] == diptych_project_get_document (project, DIPTYCH_SIDE_B))
    return;

  if (!both && self->align_cancellable == NULL)
    return;

  g_free (self->pending_settings);
  self->pending_settings = g_memdup2 (settings, sizeof *settings);
  self->pending_documents[0] = diptych_project_get_document (project, DIPTYCH_SIDE_A);
  self->pending_documents[1] = diptych_project_get_document (project, DIPTYCH_SIDE_B);
  diptych_comparison_realign (self);
}

gboolean
diptych_comparison_get_aligning (DiptychComparison *self)
{
  g_return_val_if_fail (DIPTYCH_IS_COMPARISON (self), FALSE);
  return self->align_cancellable != NULL;
}

double
diptych_comparison_get_progress (DiptychComparison *self)
{
  g_return_val_if_fail (DIPTYCH_IS_COMPARISON (self), 0.0);
  return self->align_progress;
}

/* Life cycle */

static void
diptych_comparison_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  DiptychComparison *self = DIPTYCH_COMPARISON (object);

  switch (prop_id)
    {
    case PROP_ALIGNING:
      g_value_set_boolean (value, diptych_comparison_get_aligning (self));
      break;
    case PROP_PROGRESS:
      g_value_set_double (value, self->align_progress);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
diptych_comparison_dispose (GObject *object)
{
  DiptychComparison *self = (DiptychComparison *) object;

  if (self->align_cancellable != NULL)
    g_cancellable_cancel (self->align_cancellable);
  g_clear_object (&self->align_cancellable);
  if (self->font_provider != NULL)
    gtk_style_context_remove_provider_for_display (gdk_display_get_default (),
                                                   GTK_STYLE_PROVIDER (self->font_provider));
  g_clear_object (&self->font_provider);
  for (guint side = 0; side < DIPTYCH_N_SIDES; side++)
    {
      g_clear_object (&self->highlighters[side]);
      g_clear_object (&self->search_contexts[side]);
      g_clear_object (&self->overviews[side]);
      g_clear_object (&self->views[side]);
    }
  g_clear_object (&self->search_settings);
  g_clear_object (&self->search_bar);
  g_clear_object (&self->scroll_sync);
  g_clear_object (&self->link_map);
  g_clear_object (&self->inspector);
  g_clear_object (&self->differences);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (diptych_comparison_parent_class)->dispose (object);
}

static void
diptych_comparison_finalize (GObject *object)
{
  DiptychComparison *self = (DiptychComparison *) object;

  g_free (self->pending_settings);

  G_OBJECT_CLASS (diptych_comparison_parent_class)->finalize (object);
}

static void
diptych_comparison_class_init (DiptychComparisonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = diptych_comparison_dispose;
  object_class->finalize = diptych_comparison_finalize;
  object_class->get_property = diptych_comparison_get_property;

  properties[PROP_ALIGNING] =
    g_param_spec_boolean ("aligning", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DiptychComparison::alignment-failed:
   * @error: why
   *
   * The highlighting model could not align the documents.
   */
  signals[ALIGNMENT_FAILED] =
    g_signal_new ("alignment-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
diptych_comparison_init (DiptychComparison *self)
{
}

DiptychComparison *
diptych_comparison_new (DiptychProject *project,
                        GtkTextView    *view_a,
                        GtkTextView    *view_b)
{
  DiptychComparison *self;

  g_return_val_if_fail (DIPTYCH_IS_PROJECT (project), NULL);
  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view_a), NULL);
  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view_b), NULL);

  self = g_object_new (DIPTYCH_TYPE_COMPARISON, NULL);
  self->selection = diptych_selection_new (project);
  self->views[DIPTYCH_SIDE_A] = g_object_ref (view_a);
  self->views[DIPTYCH_SIDE_B] = g_object_ref (view_b);

  build_search_bar (self);

  for (guint side = 0; side < DIPTYCH_N_SIDES; side++)
    {
      GtkTextView *view = self->views[side];
      GtkEventController *focus = gtk_event_controller_focus_new ();

      gtk_text_view_set_wrap_mode (view, GTK_WRAP_WORD_CHAR);
      self->highlighters[side] = diptych_highlighter_new (self->selection, side,
                                                          gtk_text_view_get_buffer (view));
      self->overviews[side] = g_object_ref_sink (diptych_overview_new (self->selection, side, view));
      if (GTK_SOURCE_IS_VIEW (view))
        diptych_omission_gutter_attach (GTK_SOURCE_VIEW (view));
      g_signal_connect_object (gtk_text_view_get_buffer (view), "notify::cursor-position",
                               G_CALLBACK (cursor_moved_cb), self, 0);
      g_signal_connect (focus, "enter", G_CALLBACK (focus_enter_cb), self);
      gtk_widget_add_controller (GTK_WIDGET (view), focus);
      g_signal_connect_object (view, "notify::buffer", G_CALLBACK (buffer_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  buffer_changed_cb (self);

  self->scroll_sync = diptych_scroll_sync_new (self->selection, view_a, view_b);
  self->link_map = g_object_ref_sink (diptych_link_map_new (self->selection, view_a, view_b));
  self->inspector = g_object_ref_sink (diptych_inspector_new (self->selection));
  self->differences = g_object_ref_sink (diptych_differences_new (self->selection));

  g_signal_connect_object (self->selection, "notify::item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->differences, "item-activated",
                           G_CALLBACK (item_activated_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (project, "changed", G_CALLBACK (project_changed_cb), self, G_CONNECT_SWAPPED);
  project_changed_cb (self);

  self->font_provider = gtk_css_provider_new ();
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (self->font_provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
  return self;
}

/**
 * diptych_comparison_get_selection:
 *
 * Returns: (transfer none): what is selected, and the index of what is shown
 */
DiptychSelection *
diptych_comparison_get_selection (DiptychComparison *self)
{
  g_return_val_if_fail (DIPTYCH_IS_COMPARISON (self), NULL);
  return self->selection;
}

/**
 * diptych_comparison_get_scroll_sync:
 *
 * Returns: (transfer none): the synchronized scrolling (its "enabled"
 *   property is the toggle)
 */
DiptychScrollSync *
diptych_comparison_get_scroll_sync (DiptychComparison *self)
{
  g_return_val_if_fail (DIPTYCH_IS_COMPARISON (self), NULL);
  return self->scroll_sync;
}

/**
 * diptych_comparison_get_link_map:
 *
 * Returns: (transfer none): the #DiptychLinkMap, to place between the panes
 */
GtkWidget *
diptych_comparison_get_link_map (DiptychComparison *self)
{
  g_return_val_if_fail (DIPTYCH_IS_COMPARISON (self), NULL);
  return self->link_map;
}

/**
 * diptych_comparison_get_overview:
 *
 * Returns: (transfer none): the #DiptychOverview of @side, to place
 *   beside its scrollbar
 */
GtkWidget *
diptych_comparison_get_overview (DiptychComparison *self,
                                 DiptychSide        side)
{
  g_return_val_if_fail (DIPTYCH_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (side < DIPTYCH_N_SIDES, NULL);
  return self->overviews[side];
}

/**
 * diptych_comparison_get_inspector:
 *
 * Returns: (transfer none): the #DiptychInspector, for the sidebar
 */
GtkWidget *
diptych_comparison_get_inspector (DiptychComparison *self)
{
  g_return_val_if_fail (DIPTYCH_IS_COMPARISON (self), NULL);
  return self->inspector;
}

/**
 * diptych_comparison_get_differences:
 *
 * Returns: (transfer none): the #DiptychDifferences list, for the sidebar
 */
GtkWidget *
diptych_comparison_get_differences (DiptychComparison *self)
{
  g_return_val_if_fail (DIPTYCH_IS_COMPARISON (self), NULL);
  return self->differences;
}

/**
 * diptych_comparison_get_search_bar:
 *
 * Returns: (transfer none): the find bar, to place above the panes
 */
GtkWidget *
diptych_comparison_get_search_bar (DiptychComparison *self)
{
  g_return_val_if_fail (DIPTYCH_IS_COMPARISON (self), NULL);
  return self->search_bar;
}

DiptychSide
diptych_comparison_get_focused_side (DiptychComparison *self)
{
  g_return_val_if_fail (DIPTYCH_IS_COMPARISON (self), DIPTYCH_SIDE_A);
  return self->focused_side;
}

/* The pane whose reading order navigation and find follow. */
void
diptych_comparison_set_focused_side (DiptychComparison *self,
                                     DiptychSide        side)
{
  g_return_if_fail (DIPTYCH_IS_COMPARISON (self));
  g_return_if_fail (side < DIPTYCH_N_SIDES);
  self->focused_side = side;
}

/* Applies all pending updates and highlights now (tests, benchmarks). */
void
diptych_comparison_flush (DiptychComparison *self)
{
  g_return_if_fail (DIPTYCH_IS_COMPARISON (self));

  diptych_selection_flush (self->selection);
  for (guint side = 0; side < DIPTYCH_N_SIDES; side++)
    diptych_highlighter_flush (self->highlighters[side]);
}
