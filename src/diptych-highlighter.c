/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "diptych-highlighter"

#include "config.h"

#include <adwaita.h>
#include <gtksourceview/gtksource.h>

#include "diptych-highlighter.h"

/* Entries tagged per idle run: keeps the main loop responsive with
 * tens of thousands of links. */
#define BATCH_SIZE 1500

/* The palette's colors (safe for the common color vision deficiencies),
 * as translucent backgrounds; every kind also has a cue that is not
 * color. */
typedef struct
{
  const char          *name;
  DiptychPaletteColor  color;   /* N_COLORS: none */
  double               light_alpha;
  double               dark_alpha;
  PangoUnderline       underline;
  guint                foreground;
} TagStyle;

/* The text color a style sets: none, dimmed (the words of a partial link
 * that its counterpart does not cover: visible, but quiet), or the
 * normal text color (a selected passage shows all its words plainly). */
enum {
  FG_NONE,
  FG_DIM,
  FG_NORMAL,
};

enum {
  TAG_IDENTICAL,
  TAG_REWORDED,
  TAG_PARTIAL,
  TAG_OMISSION,
  TAG_UNCOVERED,
  TAG_SELECTED_IDENTICAL,
  TAG_SELECTED_REWORDED,
  TAG_SELECTED_PARTIAL,
  TAG_SELECTED_OMISSION,
  TAG_WORD_REWORDED,
  TAG_WORD_CHANGED,
  TAG_WORD_UNIQUE,
  TAG_DISCREPANCY,
  N_TAGS
};

#define NO_COLOR DIPTYCH_PALETTE_N_COLORS

/* Omissions are reddish purple, far in hue from the orange of partial
 * links, with a wavy underline; word-level detail (reworded, changed,
 * inserted, deleted, discrepancies) is shown for the selected link only,
 * underlined and weighted as the palette says. */
static const TagStyle tag_styles[N_TAGS] = {
  [TAG_IDENTICAL] = { "diptych-identical", DIPTYCH_PALETTE_IDENTICAL, 0.14, 0.24, PANGO_UNDERLINE_NONE, FG_NONE },
  [TAG_REWORDED] = { "diptych-reworded", DIPTYCH_PALETTE_REWORDED, 0.20, 0.24, PANGO_UNDERLINE_NONE, FG_NONE },
  [TAG_PARTIAL] = { "diptych-partial", DIPTYCH_PALETTE_PARTIAL, 0.18, 0.20, PANGO_UNDERLINE_NONE, FG_NONE },
  [TAG_OMISSION] = { "diptych-omission", DIPTYCH_PALETTE_OMISSION, 0.32, 0.38, PANGO_UNDERLINE_ERROR, FG_NONE },
  [TAG_UNCOVERED] = { "diptych-uncovered", NO_COLOR, 0.0, 0.0, PANGO_UNDERLINE_NONE, FG_DIM },
  [TAG_SELECTED_IDENTICAL] = { "diptych-selected-identical", DIPTYCH_PALETTE_IDENTICAL, 0.42, 0.55, PANGO_UNDERLINE_NONE, FG_NORMAL },
  [TAG_SELECTED_REWORDED] = { "diptych-selected-reworded", DIPTYCH_PALETTE_REWORDED, 0.50, 0.50, PANGO_UNDERLINE_NONE, FG_NORMAL },
  [TAG_SELECTED_PARTIAL] = { "diptych-selected-partial", DIPTYCH_PALETTE_PARTIAL, 0.48, 0.50, PANGO_UNDERLINE_NONE, FG_NORMAL },
  [TAG_SELECTED_OMISSION] = { "diptych-selected-omission", DIPTYCH_PALETTE_OMISSION, 0.60, 0.65, PANGO_UNDERLINE_ERROR, FG_NORMAL },
  [TAG_WORD_REWORDED] = { "diptych-word-reworded", DIPTYCH_PALETTE_WORD_REWORDED, 0.0, 0.0, PANGO_UNDERLINE_SINGLE, FG_NONE },
  [TAG_WORD_CHANGED] = { "diptych-word-changed", DIPTYCH_PALETTE_WORD_CHANGED, 0.0, 0.0, PANGO_UNDERLINE_DOUBLE, FG_NONE },
  [TAG_WORD_UNIQUE] = { "diptych-word-unique", DIPTYCH_PALETTE_WORD_UNIQUE, 0.60, 0.35, PANGO_UNDERLINE_NONE, FG_NONE },
  [TAG_DISCREPANCY] = { "diptych-discrepancy", DIPTYCH_PALETTE_DISCREPANCY, 0.0, 0.0, PANGO_UNDERLINE_ERROR, FG_NONE },
};

static int
style_weight (const TagStyle *style)
{
  return style->color != NO_COLOR ? diptych_palette_get_weight (style->color) : 0;
}

struct _DiptychHighlighter
{
  GObject           parent_instance;

  DiptychSelection *selection;
  DiptychSide       side;
  GtkTextBuffer    *buffer;
  GtkTextTag       *tags[N_TAGS];

  DiptychSpanIndex *pending;      /* being tagged in batches */
  guint             next_entry;
  guint             apply_id;
  GArray           *pending_marks; /* the Marks of pending, as tagged */
  GArray           *marks;         /* what the buffer shows, or NULL if unknown */
  guint             retag_id;

};

G_DEFINE_FINAL_TYPE (DiptychHighlighter, diptych_highlighter, G_TYPE_OBJECT)

/* What one entry of the index put in the buffer: when the lists change,
 * only the entries whose Mark changed are re-tagged. The item is only
 * compared, never dereferenced. */
typedef struct
{
  gconstpointer item;
  DiptychSpan   span;
  guint         tag;
  guint         uncovered_hash;
} Mark;

static gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

/* A style's background and line colors in the light or dark palette. */
static void
style_colors (const TagStyle *style,
              gboolean        dark,
              GdkRGBA        *background,
              GdkRGBA        *line,
              GdkRGBA        *foreground)
{
  /* Lines and underlines need more contrast on a dark background. */
  double lift = dark ? 0.35 : 0.0;
  DiptychRgb rgb = style->color != NO_COLOR ? diptych_palette_get_rgb (style->color) : (DiptychRgb) { 0, 0, 0 };

  *background = (GdkRGBA) { rgb.red / 255.0, rgb.green / 255.0, rgb.blue / 255.0,
                            dark ? style->dark_alpha : style->light_alpha };
  *line = (GdkRGBA) { background->red + (1 - background->red) * lift,
                      background->green + (1 - background->green) * lift,
                      background->blue + (1 - background->blue) * lift, 1.0 };
  /* Adwaita's view text is black at 80% (light) or white (dark). */
  *foreground = (GdkRGBA) { dark ? 1.0 : 0.0, dark ? 1.0 : 0.0, dark ? 1.0 : 0.0,
                            style->foreground == FG_DIM ? (dark ? 0.58 : 0.55) : (dark ? 1.0 : 0.8) };
}

static void
ensure_tags (GtkTextBuffer *buffer,
             gboolean       dark)
{
  GtkTextTagTable *table;

  table = gtk_text_buffer_get_tag_table (buffer);
  for (guint i = 0; i < N_TAGS; i++)
    {
      const TagStyle *style = &tag_styles[i];
      GtkTextTag *tag = gtk_text_tag_table_lookup (table, style->name);
      GdkRGBA color, line, foreground;

      style_colors (style, dark, &color, &line, &foreground);
      if (tag == NULL)
        tag = gtk_text_buffer_create_tag (buffer, style->name, NULL);

      if (color.alpha > 0)
        g_object_set (tag, "background-rgba", &color, NULL);
      if (style->underline != PANGO_UNDERLINE_NONE)
        g_object_set (tag, "underline", style->underline, "underline-rgba", &line, NULL);
      if (style_weight (style) != 0)
        g_object_set (tag, "weight", style_weight (style), NULL);
      if (style->foreground != FG_NONE)
        g_object_set (tag, "foreground-rgba", &foreground, NULL);
    }
}

/* The attributes of style @id over bytes [start, end) of a label. */
static void
insert_style_attributes (PangoAttrList *list,
                         guint          id,
                         gboolean       dark,
                         guint          start,
                         guint          end)
{
  const TagStyle *style = &tag_styles[id];
  PangoAttribute *attrs[8] = { NULL, };
  guint n = 0;
  GdkRGBA color, line, foreground;

  style_colors (style, dark, &color, &line, &foreground);
  if (color.alpha > 0)
    {
      attrs[n++] = pango_attr_background_new (color.red * 65535, color.green * 65535, color.blue * 65535);
      attrs[n++] = pango_attr_background_alpha_new (color.alpha * 65535);
    }
  if (style->underline != PANGO_UNDERLINE_NONE)
    {
      attrs[n++] = pango_attr_underline_new (style->underline);
      attrs[n++] = pango_attr_underline_color_new (line.red * 65535, line.green * 65535, line.blue * 65535);
    }
  if (style_weight (style) != 0)
    attrs[n++] = pango_attr_weight_new (style_weight (style));
  if (style->foreground != FG_NONE)
    {
      attrs[n++] = pango_attr_foreground_new (foreground.red * 65535, foreground.green * 65535, foreground.blue * 65535);
      attrs[n++] = pango_attr_foreground_alpha_new (foreground.alpha * 65535);
    }

  for (guint i = 0; i < n; i++)
    {
      attrs[i]->start_index = start;
      attrs[i]->end_index = end;
      pango_attr_list_insert (list, attrs[i]);
    }
}

static guint
word_op_style (const DiptychWordOp *op)
{
  switch (op->kind)
    {
    case DIPTYCH_WORD_REWORDED:
      return TAG_WORD_REWORDED;
    case DIPTYCH_WORD_CHANGED:
      return TAG_WORD_CHANGED;
    case DIPTYCH_WORD_INSERTED:
    case DIPTYCH_WORD_DELETED:
      return TAG_WORD_UNIQUE;
    case DIPTYCH_WORD_SAME:
    default:
      return N_TAGS;
    }
}

/**
 * diptych_highlighter_dup_word_op_attributes:
 * @text: the passage of @side that starts at document offset @base
 *
 * The word-level differences of @link on @side as Pango attributes for a
 * label showing @text, in the styles of the panes.
 *
 * Returns: (transfer full): the attributes
 */
PangoAttrList *
diptych_highlighter_dup_word_op_attributes (DiptychLink *link,
                                            DiptychSide  side,
                                            guint        base,
                                            const char  *text,
                                            gboolean     dark)
{
  PangoAttrList *list = pango_attr_list_new ();
  glong n_chars = g_utf8_strlen (text, -1);
  const DiptychWordOp *ops;
  guint n_ops;

  g_return_val_if_fail (DIPTYCH_IS_LINK (link), list);

  ops = diptych_link_get_word_ops (link, &n_ops);
  for (guint i = 0; i < n_ops; i++)
    {
      DiptychSpan span = side == DIPTYCH_SIDE_A ? ops[i].a : ops[i].b;
      guint id = word_op_style (&ops[i]);
      guint start, end;

      if (id == N_TAGS || span.start < base || diptych_span_length (span) == 0 ||
          span.start - base >= (guint) n_chars)
        continue;
      start = g_utf8_offset_to_pointer (text, span.start - base) - text;
      end = g_utf8_offset_to_pointer (text, MIN (span.end - base, (guint) n_chars)) - text;
      insert_style_attributes (list, id, dark, start, end);
      if (ops[i].discrepancy != DIPTYCH_DISCREPANCY_NONE)
        insert_style_attributes (list, TAG_DISCREPANCY, dark, start, end);
    }
  return list;
}

static GtkTextTag *
lookup_tag (GtkTextBuffer *buffer,
            guint          id)
{
  return gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), tag_styles[id].name);
}

static void
apply_span (GtkTextBuffer *buffer,
            GtkTextTag    *tag,
            DiptychSpan    span)
{
  GtkTextIter start, end;
  guint n_chars = gtk_text_buffer_get_char_count (buffer);

  if (span.start >= n_chars || diptych_span_length (span) == 0)
    return;

  gtk_text_buffer_get_iter_at_offset (buffer, &start, span.start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, MIN (span.end, n_chars));
  gtk_text_buffer_apply_tag (buffer, tag, &start, &end);
}

/* Marks the word-level differences of @link on @side in the pane's
 * buffer: reworded, changed, words only on this side, discrepancies. */
static void
mark_word_ops (GtkTextBuffer *buffer,
               DiptychLink   *link,
               DiptychSide    side)
{
  const DiptychWordOp *ops;
  guint n_ops;

  ops = diptych_link_get_word_ops (link, &n_ops);
  for (guint i = 0; i < n_ops; i++)
    {
      DiptychSpan span = side == DIPTYCH_SIDE_A ? ops[i].a : ops[i].b;
      guint id = word_op_style (&ops[i]);

      if (id == N_TAGS)
        continue;
      apply_span (buffer, lookup_tag (buffer, id), span);
      if (ops[i].discrepancy != DIPTYCH_DISCREPANCY_NONE)
        apply_span (buffer, lookup_tag (buffer, TAG_DISCREPANCY), span);
    }
}

static guint
item_tag (gpointer item,
          gboolean selected)
{
  if (DIPTYCH_IS_OMISSION (item))
    return selected ? TAG_SELECTED_OMISSION : TAG_OMISSION;

  switch (diptych_link_get_kind (item))
    {
    case DIPTYCH_LINK_REWORDED:
      return selected ? TAG_SELECTED_REWORDED : TAG_REWORDED;
    case DIPTYCH_LINK_PARTIAL:
      return selected ? TAG_SELECTED_PARTIAL : TAG_PARTIAL;
    case DIPTYCH_LINK_IDENTICAL:
    default:
      return selected ? TAG_SELECTED_IDENTICAL : TAG_IDENTICAL;
    }
}

static void
remove_tags (DiptychHighlighter *self,
             guint               first,
             guint               last)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  for (guint i = first; i <= last; i++)
    gtk_text_buffer_remove_tag (self->buffer, self->tags[i], &start, &end);
}

static void
update_selected (DiptychHighlighter *self)
{
  gpointer item = diptych_selection_get_item (self->selection);
  DiptychSpan span;

  remove_tags (self, TAG_SELECTED_IDENTICAL, TAG_DISCREPANCY);
  if (item == NULL || !diptych_item_get_span (item, self->side, &span))
    return;

  apply_span (self->buffer, self->tags[item_tag (item, TRUE)], span);
  if (DIPTYCH_IS_LINK (item))
    mark_word_ops (self->buffer, item, self->side);
}

static Mark
make_mark (DiptychHighlighter *self,
           gpointer            item,
           DiptychSpan         span)
{
  Mark mark = { item, span, item_tag (item, FALSE), 0 };

  if (DIPTYCH_IS_LINK (item))
    {
      guint n_uncovered;
      const DiptychSpan *uncovered = diptych_link_get_uncovered (item, self->side, &n_uncovered);

      mark.uncovered_hash = n_uncovered;
      for (guint i = 0; i < n_uncovered; i++)
        mark.uncovered_hash = (mark.uncovered_hash * 31 + uncovered[i].start) * 31 + uncovered[i].end;
    }
  return mark;
}

static gboolean
mark_equal (const Mark *a,
            const Mark *b)
{
  return a->item == b->item && a->span.start == b->span.start && a->span.end == b->span.end &&
         a->tag == b->tag && a->uncovered_hash == b->uncovered_hash;
}

/* The highlight of one entry of the index, not selected. */
static void
tag_entry (DiptychHighlighter *self,
           gpointer            item,
           DiptychSpan         span)
{
  apply_span (self->buffer, self->tags[item_tag (item, FALSE)], span);

  if (DIPTYCH_IS_LINK (item))
    {
      guint n_uncovered;
      const DiptychSpan *uncovered = diptych_link_get_uncovered (item, self->side, &n_uncovered);

      for (guint i = 0; i < n_uncovered; i++)
        apply_span (self->buffer, self->tags[TAG_UNCOVERED], uncovered[i]);
    }
}

static void
extend_range (DiptychSpan *range,
              DiptychSpan  span)
{
  range->start = MIN (range->start, span.start);
  range->end = MAX (range->end, span.end);
}

/* Re-tags only the part of the buffer where @index differs from what it
 * shows (self->marks): editing one link re-tags that link's passage, not
 * the document. */
static void
retag_changes (DiptychHighlighter *self,
               DiptychSpanIndex   *index)
{
  g_autoptr(GHashTable) shown = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) marks = g_array_new (FALSE, FALSE, sizeof (Mark));
  DiptychSpan dirty = { G_MAXUINT, 0 };
  guint n = diptych_span_index_get_n_entries (index, self->side);
  GHashTableIter iter;
  gpointer value;

  for (guint i = 0; i < self->marks->len; i++)
    {
      Mark *old = &g_array_index (self->marks, Mark, i);

      /* An item twice on one side: not worth a finer comparison. */
      if (!g_hash_table_insert (shown, (gpointer) old->item, old))
        extend_range (&dirty, old->span);
    }

  for (guint i = 0; i < n; i++)
    {
      DiptychSpan span;
      gpointer item = diptych_span_index_get_entry (index, self->side, i, &span);
      Mark mark = make_mark (self, item, span);
      Mark *old = g_hash_table_lookup (shown, item);

      if (old == NULL || !mark_equal (old, &mark))
        extend_range (&dirty, span);
      if (old != NULL)
        {
          if (!mark_equal (old, &mark))
            extend_range (&dirty, old->span);
          g_hash_table_remove (shown, item);
        }
      g_array_append_val (marks, mark);
    }

  /* Entries gone from the lists. */
  g_hash_table_iter_init (&iter, shown);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    extend_range (&dirty, ((Mark *) value)->span);

  if (dirty.start < dirty.end)
    {
      guint n_chars = gtk_text_buffer_get_char_count (self->buffer);
      GtkTextIter start, end;

      gtk_text_buffer_get_iter_at_offset (self->buffer, &start, MIN (dirty.start, n_chars));
      gtk_text_buffer_get_iter_at_offset (self->buffer, &end, MIN (dirty.end, n_chars));
      for (guint i = TAG_IDENTICAL; i <= TAG_UNCOVERED; i++)
        gtk_text_buffer_remove_tag (self->buffer, self->tags[i], &start, &end);

      /* Whatever overlaps the range is tagged again, whole. */
      for (guint i = 0; i < marks->len; i++)
        {
          Mark *mark = &g_array_index (marks, Mark, i);

          if (mark->span.start < dirty.end && mark->span.end > dirty.start)
            tag_entry (self, (gpointer) mark->item, mark->span);
        }
    }

  g_clear_pointer (&self->marks, g_array_unref);
  self->marks = g_steal_pointer (&marks);
  update_selected (self);
}

static gboolean
apply_batch (DiptychHighlighter *self)
{
  guint n = diptych_span_index_get_n_entries (self->pending, self->side);
  guint stop = MIN (n, self->next_entry + BATCH_SIZE);

  for (; self->next_entry < stop; self->next_entry++)
    {
      DiptychSpan span;
      gpointer item = diptych_span_index_get_entry (self->pending, self->side, self->next_entry, &span);

      Mark mark = make_mark (self, item, span);

      tag_entry (self, item, span);
      g_array_append_val (self->pending_marks, mark);
    }

  if (self->next_entry < n)
    return G_SOURCE_CONTINUE;

  g_clear_pointer (&self->pending, diptych_span_index_unref);
  g_clear_pointer (&self->marks, g_array_unref);
  self->marks = g_steal_pointer (&self->pending_marks);
  self->apply_id = 0;
  update_selected (self);
  return G_SOURCE_REMOVE;
}

static void
index_changed_cb (DiptychHighlighter *self)
{
  DiptychSpanIndex *index = diptych_selection_get_index (self->selection);

  /* The buffer shows a complete earlier index: only the changes. */
  if (self->pending == NULL && self->marks != NULL)
    {
      retag_changes (self, index);
      return;
    }

  g_clear_handle_id (&self->apply_id, g_source_remove);
  g_clear_pointer (&self->pending, diptych_span_index_unref);
  g_clear_pointer (&self->marks, g_array_unref);
  g_clear_pointer (&self->pending_marks, g_array_unref);

  remove_tags (self, 0, N_TAGS - 1);
  self->pending_marks = g_array_new (FALSE, FALSE, sizeof (Mark));
  self->pending = diptych_span_index_ref (index);
  self->next_entry = 0;
  /* The first batch at once, so the top of a document is colored
   * without waiting for the main loop. */
  if (apply_batch (self) == G_SOURCE_CONTINUE)
    self->apply_id = g_idle_add_full (G_PRIORITY_LOW, (GSourceFunc) apply_batch, self, NULL);
}

static gboolean
retag_all_cb (gpointer data)
{
  DiptychHighlighter *self = data;

  self->retag_id = 0;
  index_changed_cb (self);
  return G_SOURCE_REMOVE;
}

/* A new text (a document loaded into the pane) has none of the tags:
 * tag it all again, once the text is in. */
static void
text_replaced_cb (DiptychHighlighter *self)
{
  g_clear_pointer (&self->marks, g_array_unref);
  g_clear_handle_id (&self->apply_id, g_source_remove);
  g_clear_pointer (&self->pending, diptych_span_index_unref);
  g_clear_pointer (&self->pending_marks, g_array_unref);
  if (self->retag_id == 0)
    self->retag_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, retag_all_cb, self, NULL);
}

static void
selection_changed_cb (DiptychHighlighter *self)
{
  if (self->pending == NULL)
    update_selected (self);
}

static void
dark_changed_cb (DiptychHighlighter *self)
{
  gboolean dark = is_dark ();

  ensure_tags (self->buffer, dark);

  /* The document's own colors follow the style too, or the dark palette
   * would sit on a white page. */
  if (GTK_SOURCE_IS_BUFFER (self->buffer))
    {
      GtkSourceStyleSchemeManager *manager = gtk_source_style_scheme_manager_get_default ();
      GtkSourceStyleScheme *scheme =
        gtk_source_style_scheme_manager_get_scheme (manager, dark ? "Adwaita-dark" : "Adwaita");

      if (scheme != NULL)
        gtk_source_buffer_set_style_scheme (GTK_SOURCE_BUFFER (self->buffer), scheme);
    }
}

static void
diptych_highlighter_dispose (GObject *object)
{
  DiptychHighlighter *self = (DiptychHighlighter *) object;

  g_clear_handle_id (&self->apply_id, g_source_remove);
  g_clear_handle_id (&self->retag_id, g_source_remove);
  g_clear_pointer (&self->pending, diptych_span_index_unref);
  g_clear_pointer (&self->pending_marks, g_array_unref);
  g_clear_pointer (&self->marks, g_array_unref);
  g_clear_object (&self->selection);
  g_clear_object (&self->buffer);

  G_OBJECT_CLASS (diptych_highlighter_parent_class)->dispose (object);
}

static void
diptych_highlighter_class_init (DiptychHighlighterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = diptych_highlighter_dispose;
}

static void
diptych_highlighter_init (DiptychHighlighter *self)
{
}

DiptychHighlighter *
diptych_highlighter_new (DiptychSelection *selection,
                         DiptychSide       side,
                         GtkTextBuffer    *buffer)
{
  DiptychHighlighter *self;

  g_return_val_if_fail (DIPTYCH_IS_SELECTION (selection), NULL);
  g_return_val_if_fail (side < DIPTYCH_N_SIDES, NULL);
  g_return_val_if_fail (GTK_IS_TEXT_BUFFER (buffer), NULL);

  self = g_object_new (DIPTYCH_TYPE_HIGHLIGHTER, NULL);
  self->selection = g_object_ref (selection);
  self->side = side;
  self->buffer = g_object_ref (buffer);

  dark_changed_cb (self);
  for (guint i = 0; i < N_TAGS; i++)
    self->tags[i] = lookup_tag (buffer, i);

  g_signal_connect_object (selection, "index-changed",
                           G_CALLBACK (index_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (buffer, "changed",
                           G_CALLBACK (text_replaced_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (selection, "notify::item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);

  index_changed_cb (self);
  return self;
}

/* TRUE while tags are still being applied in the background. */
gboolean
diptych_highlighter_is_busy (DiptychHighlighter *self)
{
  g_return_val_if_fail (DIPTYCH_IS_HIGHLIGHTER (self), FALSE);
  return self->pending != NULL || self->retag_id != 0;
}

/* Finishes tagging now (tests, benchmarks). */
void
diptych_highlighter_flush (DiptychHighlighter *self)
{
  g_return_if_fail (DIPTYCH_IS_HIGHLIGHTER (self));

  if (self->retag_id != 0)
    {
      g_clear_handle_id (&self->retag_id, g_source_remove);
      index_changed_cb (self);
    }
  g_clear_handle_id (&self->apply_id, g_source_remove);
  while (self->pending != NULL)
    apply_batch (self);
}
