/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "diptych-word-diff"

#include "config.h"

#include <string.h>

#include "diptych-word-diff.h"

/* Gains of aligning two tokens: same words first, then reworded ones. */
#define GAIN_SAME     4
#define GAIN_REWORDED 3

enum { MOVE_NONE, MOVE_DIAG, MOVE_UP, MOVE_LEFT };

typedef struct
{
  DiptychFeatures        *features;
  GArray                 *ops;
  const DiptychFeatToken *a;
  guint                   n_a;
  const DiptychFeatToken *b;
  guint                   n_b;
  /* Per word: the discrepancy of a number that the other side does not
   * have, told in another place of the passage ("19 March" / "on 20
   * March"); DIPTYCH_DISCREPANCY_NONE for other words. */
  guint8                 *odd_a;
  guint8                 *odd_b;
  /* Per word of A: its partner in B + 1 when the word is found in
   * another place of the passage (moved); per word of B: whether it is
   * such a partner. */
  guint                  *moved_a;
  guint8                 *moved_b;
} Diff;

static int
gain_of (DiptychFeatures        *features,
         const DiptychFeatToken *a,
         const DiptychFeatToken *b)
{
  if (a->token.norm == b->token.norm || strcmp (a->token.norm, b->token.norm) == 0)
    return GAIN_SAME;
  if ((a->token.flags | b->token.flags) & DIPTYCH_TOKEN_NUMBER)
    return 0;
  if (diptych_features_match (features, a, b) >= DIPTYCH_LEVEL_CONCEPT)
    return GAIN_REWORDED;
  return 0;
}

/* Whether two neighbouring tokens are separated by one character
 * only (a space), not by punctuation: "19 March", not "March, 175". */
static gboolean
adjacent (const DiptychFeatToken *x,
          const DiptychFeatToken *y)
{
  return y->token.start <= x->token.end + 1;
}

/* A number that is part of a date: "19 March", "March 19", "19th of March". */
static gboolean
near_month (const DiptychFeatToken *t,
            guint                   n,
            guint                   i)
{
  return (i > 0 && (t[i - 1].token.flags & DIPTYCH_TOKEN_MONTH) != 0 && adjacent (&t[i - 1], &t[i]))
         || (i + 1 < n && (t[i + 1].token.flags & DIPTYCH_TOKEN_MONTH) != 0 && adjacent (&t[i], &t[i + 1]))
         || (i + 2 < n && (t[i + 2].token.flags & DIPTYCH_TOKEN_MONTH) != 0
             && strcmp (t[i + 1].token.norm, "of") == 0 && adjacent (&t[i], &t[i + 1]));
}

static gboolean
is_name (const DiptychFeatToken *t)
{
  guint flags = t->token.flags;

  return (flags & (DIPTYCH_TOKEN_CAPITALIZED | DIPTYCH_TOKEN_ACRONYM)) != 0
         && (flags & (DIPTYCH_TOKEN_SENTENCE_START | DIPTYCH_TOKEN_STOPWORD
                      | DIPTYCH_TOKEN_NUMBER | DIPTYCH_TOKEN_MONTH)) == 0;
}

static DiptychDiscrepancy
discrepancy_of (const DiptychFeatToken *a,
                guint                   n_a,
                guint                   i,
                const DiptychFeatToken *b,
                guint                   n_b,
                guint                   j)
{
  guint fa = a[i].token.flags, fb = b[j].token.flags;

  if ((fa & DIPTYCH_TOKEN_MONTH) && (fb & DIPTYCH_TOKEN_MONTH))
    return DIPTYCH_DISCREPANCY_DATE;
  if ((fa & DIPTYCH_TOKEN_NUMBER) && (fb & DIPTYCH_TOKEN_NUMBER))
    return near_month (a, n_a, i) || near_month (b, n_b, j)
           ? DIPTYCH_DISCREPANCY_DATE : DIPTYCH_DISCREPANCY_NUMBER;
  if (is_name (&a[i]) && is_name (&b[j]))
    return DIPTYCH_DISCREPANCY_NAME;
  return DIPTYCH_DISCREPANCY_NONE;
}

static DiptychSpan
span_of (const DiptychFeatToken *t)
{
  return DIPTYCH_SPAN_INIT (t->token.start, t->token.end);
}

/* Appends an op, merging runs of same, inserted and deleted words. */
static void
push_op (GArray         *ops,
         DiptychWordOp   op)
{
  if (ops->len > 0 && op.discrepancy == DIPTYCH_DISCREPANCY_NONE)
    {
      DiptychWordOp *last = &g_array_index (ops, DiptychWordOp, ops->len - 1);

      /* Only runs that go on forward on both sides: a moved word's op
       * points elsewhere in B and must stay on its own. */
      if (last->kind == op.kind && last->discrepancy == DIPTYCH_DISCREPANCY_NONE
          && (op.kind == DIPTYCH_WORD_SAME || op.kind == DIPTYCH_WORD_INSERTED
              || op.kind == DIPTYCH_WORD_DELETED)
          && (op.kind == DIPTYCH_WORD_INSERTED || op.a.start >= last->a.end)
          && (op.kind == DIPTYCH_WORD_DELETED || op.b.start >= last->b.end))
        {
          if (op.kind != DIPTYCH_WORD_INSERTED)
            last->a.end = op.a.end;
          if (op.kind != DIPTYCH_WORD_DELETED)
            last->b.end = op.b.end;
          return;
        }
    }
  g_array_append_val (ops, op);
}

/* The empty span at the current position of a side. */
static DiptychSpan
point_at (const DiptychFeatToken *t,
          guint                   n,
          guint                   i)
{
  guint at = i < n ? t[i].token.start : (n > 0 ? t[n - 1].token.end : 0);
  return DIPTYCH_SPAN_INIT (at, at);
}

/* The op of a word of A found in another place of B. */
static void
emit_moved (Diff  *d,
            guint  i)
{
  const DiptychFeatToken *ta = &d->a[i], *tb = &d->b[d->moved_a[i] - 1];
  DiptychWordOp op = { 0 };

  op.kind = strcmp (ta->token.norm, tb->token.norm) == 0 ? DIPTYCH_WORD_SAME : DIPTYCH_WORD_REWORDED;
  op.a = span_of (ta);
  op.b = span_of (tb);
  g_array_append_val (d->ops, op);
}

static void
emit_one_side (Diff                   *d,
               DiptychWordOpKind       kind,
               guint                   from,
               guint                   to,
               DiptychSpan             other)
{
  const DiptychFeatToken *t = kind == DIPTYCH_WORD_DELETED ? d->a : d->b;
  const guint8 *odd = kind == DIPTYCH_WORD_DELETED ? d->odd_a : d->odd_b;

  gboolean after_moved = FALSE;

  for (guint i = from; i < to; i++)
    {
      DiptychWordOp op = { 0 };

      if (kind == DIPTYCH_WORD_DELETED && d->moved_a[i] != 0)
        {
          emit_moved (d, i);
          continue;
        }
      if (kind == DIPTYCH_WORD_INSERTED && d->moved_b[i])
        {
          after_moved = TRUE;  /* told with its partner in A */
          continue;
        }
      op.kind = kind;
      op.discrepancy = odd[i];
      op.a = kind == DIPTYCH_WORD_DELETED ? span_of (&t[i]) : other;
      op.b = kind == DIPTYCH_WORD_DELETED ? other : span_of (&t[i]);
      /* A run does not reach over the moved word. */
      if (after_moved)
        g_array_append_val (d->ops, op);
      else
        push_op (d->ops, op);
      after_moved = FALSE;
    }
}

static guint
next_number (const DiptychFeatToken *t,
             guint                   from,
             guint                   to)
{
  while (from < to && (t[from].token.flags & DIPTYCH_TOKEN_NUMBER) == 0)
    from++;
  return from;
}

/* The words between two matches: a few words on each side replace each
 * other (changed, pair by pair); longer stretches are said differently,
 * so they are deleted and inserted, except that their numbers are still
 * compared with each other in order ("175" / "157"). */
#define GAP_PAIRED_MAX 3

static void
emit_gap (Diff  *d,
          guint  i0,
          guint  i1,
          guint  j0,
          guint  j1)
{
  const DiptychFeatToken *a = d->a, *b = d->b;
  gboolean paired = i1 - i0 <= GAP_PAIRED_MAX && j1 - j0 <= GAP_PAIRED_MAX;

  while (i0 < i1 || j0 < j1)
    {
      DiptychWordOp op = { 0 };
      guint ia, jb;

      /* Moved words are not replaced by their neighbours. */
      if (paired && i0 < i1 && d->moved_a[i0] != 0)
        {
          emit_moved (d, i0++);
          continue;
        }
      if (paired && j0 < j1 && d->moved_b[j0])
        {
          j0++;
          continue;
        }
      ia = paired ? i0 : next_number (a, i0, i1);
      jb = paired ? j0 : next_number (b, j0, j1);

      if (ia < i1 && jb < j1)
        {
          emit_one_side (d, DIPTYCH_WORD_DELETED, i0, ia, point_at (b, d->n_b, j0));
          emit_one_side (d, DIPTYCH_WORD_INSERTED, j0, jb, point_at (a, d->n_a, ia));
          op.kind = DIPTYCH_WORD_CHANGED;
          op.discrepancy = discrepancy_of (a, d->n_a, ia, b, d->n_b, jb);
          op.a = span_of (&a[ia]);
          op.b = span_of (&b[jb]);
          push_op (d->ops, op);
          i0 = ia + 1;
          j0 = jb + 1;
          continue;
        }
      emit_one_side (d, DIPTYCH_WORD_DELETED, i0, i1, point_at (b, d->n_b, j0));
      emit_one_side (d, DIPTYCH_WORD_INSERTED, j0, j1, point_at (a, d->n_a, i1));
      break;
    }
}

/* Content words left out of the in-order matches of a block that the
 * other side has in another place ("the ceasefire was agreed" / "they
 * agreed the ceasefire"): moved, not deleted and inserted. Same words
 * first, then reworded ones; numbers keep their own comparison. */
static void
find_moved (Diff         *d,
            guint         a0,
            guint         a1,
            guint         b0,
            guint         b1,
            const GArray *pairs)
{
  g_autofree guint8 *in_order_a = g_new0 (guint8, a1 - a0 + 1);
  g_autofree guint8 *in_order_b = g_new0 (guint8, b1 - b0 + 1);

  for (guint k = 0; k < pairs->len; k++)
    {
      const guint *pair = &g_array_index (pairs, guint, 2 * k);
      in_order_a[pair[0] - a0] = TRUE;
      in_order_b[pair[1] - b0] = TRUE;
    }
  for (int wanted = GAIN_SAME; wanted >= GAIN_REWORDED; wanted--)
    for (guint i = a0; i < a1; i++)
      {
        const DiptychFeatToken *ta = &d->a[i];

        if (in_order_a[i - a0] || d->moved_a[i] != 0
            || (ta->token.flags & (DIPTYCH_TOKEN_STOPWORD | DIPTYCH_TOKEN_NUMBER)) != 0)
          continue;
        for (guint j = b0; j < b1; j++)
          {
            const DiptychFeatToken *tb = &d->b[j];

            if (in_order_b[j - b0] || d->moved_b[j]
                || (tb->token.flags & (DIPTYCH_TOKEN_STOPWORD | DIPTYCH_TOKEN_NUMBER)) != 0
                || gain_of (d->features, ta, tb) != wanted)
              continue;
            d->moved_a[i] = j + 1;
            d->moved_b[j] = TRUE;
            break;
          }
      }
}

static void
diff_block (Diff  *d,
            guint  a0,
            guint  a1,
            guint  b0,
            guint  b1)
{
  const DiptychFeatToken *a = d->a, *b = d->b;
  guint n = a1 - a0, m = b1 - b0;
  g_autofree guint8 *moves = g_new0 (guint8, (gsize) (n + 1) * (m + 1));
  g_autofree guint *prev = g_new0 (guint, m + 1);
  g_autofree guint *cur = g_new0 (guint, m + 1);
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (guint) * 2);
  guint i, j, pi, pj;

  for (i = 1; i <= n; i++)
    {
      cur[0] = 0;
      moves[(gsize) i * (m + 1)] = MOVE_UP;
      for (j = 1; j <= m; j++)
        {
          int gain = gain_of (d->features, &a[a0 + i - 1], &b[b0 + j - 1]);
          guint best = prev[j];
          guint8 move = MOVE_UP;

          if (cur[j - 1] > best)
            best = cur[j - 1], move = MOVE_LEFT;
          if (gain > 0 && prev[j - 1] + gain >= best)
            best = prev[j - 1] + gain, move = MOVE_DIAG;
          cur[j] = best;
          moves[(gsize) i * (m + 1) + j] = move;
        }
      memcpy (prev, cur, sizeof (guint) * (m + 1));
    }
  for (j = 1; j <= m; j++)
    moves[j] = MOVE_LEFT;

  /* Walk back, collecting the matched pairs. */
  i = n;
  j = m;
  while (i > 0 || j > 0)
    {
      guint8 move = moves[(gsize) i * (m + 1) + j];
      if (move == MOVE_DIAG)
        {
          guint pair[2] = { a0 + i - 1, b0 + j - 1 };
          g_array_append_val (pairs, pair);
          i--;
          j--;
        }
      else if (move == MOVE_UP)
        i--;
      else
        j--;
    }

  find_moved (d, a0, a1, b0, b1, pairs);

  pi = a0;
  pj = b0;
  for (guint k = pairs->len; k > 0; k--)
    {
      guint *pair = &g_array_index (pairs, guint, 2 * (k - 1));
      DiptychWordOp op = { 0 };

      emit_gap (d, pi, pair[0], pj, pair[1]);
      op.kind = strcmp (a[pair[0]].token.norm, b[pair[1]].token.norm) == 0
                ? DIPTYCH_WORD_SAME : DIPTYCH_WORD_REWORDED;
      op.a = span_of (&a[pair[0]]);
      op.b = span_of (&b[pair[1]]);
      push_op (d->ops, op);
      pi = pair[0] + 1;
      pj = pair[1] + 1;
    }
  emit_gap (d, pi, a1, pj, b1);
}

/* Numbers written in digits on one side that the other side does not
 * have (as a multiset of values) are discrepancies when the other side
 * has such numbers too: "175 for 175" / "157 for 175" flags 175 and
 * 157. Number words ("the two sides") are too often not quantities. */
static void
find_odd_numbers (Diff *d)
{
  g_autoptr(GHashTable) count_a = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) count_b = g_hash_table_new (g_str_hash, g_str_equal);
  const DiptychFeatToken *sides[2] = { d->a, d->b };
  guint n[2] = { d->n_a, d->n_b };
  guint8 *odd[2] = { d->odd_a, d->odd_b };
  GHashTable *counts[2] = { count_a, count_b };
  guint n_odd[2] = { 0, 0 };

  for (guint k = 0; k < 2; k++)
    for (guint i = 0; i < n[k]; i++)
      if (sides[k][i].token.flags & DIPTYCH_TOKEN_DIGITS)
        {
          const char *v = sides[k][i].token.norm;
          g_hash_table_insert (counts[k], (gpointer) v,
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts[k], v)) + 1));
        }

  for (guint k = 0; k < 2; k++)
    {
      g_autoptr(GHashTable) left = g_hash_table_new (g_str_hash, g_str_equal);
      GHashTableIter iter;
      gpointer key, value;

      /* What the other side has, used up value by value. */
      g_hash_table_iter_init (&iter, counts[1 - k]);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_insert (left, key, value);
      for (guint i = 0; i < n[k]; i++)
        {
          const char *v = sides[k][i].token.norm;
          guint c;

          if ((sides[k][i].token.flags & DIPTYCH_TOKEN_DIGITS) == 0)
            continue;
          c = GPOINTER_TO_UINT (g_hash_table_lookup (left, v));
          if (c > 0)
            g_hash_table_insert (left, (gpointer) v, GUINT_TO_POINTER (c - 1));
          else
            {
              odd[k][i] = near_month (sides[k], n[k], i) ? DIPTYCH_DISCREPANCY_DATE
                                                         : DIPTYCH_DISCREPANCY_NUMBER;
              n_odd[k]++;
            }
        }
    }

  /* A number only one side gives is extra information, not a discrepancy. */
  if (n_odd[0] == 0 || n_odd[1] == 0)
    {
      memset (d->odd_a, 0, d->n_a);
      memset (d->odd_b, 0, d->n_b);
    }
}

GArray *
diptych_word_diff_tokens (DiptychFeatures        *features,
                          const DiptychFeatToken *a,
                          guint                   n_a,
                          const DiptychFeatToken *b,
                          guint                   n_b)
{
  g_autofree guint8 *odd_a = g_new0 (guint8, n_a + 1);
  g_autofree guint8 *odd_b = g_new0 (guint8, n_b + 1);
  g_autofree guint *moved_a = g_new0 (guint, n_a + 1);
  g_autofree guint8 *moved_b = g_new0 (guint8, n_b + 1);
  Diff d = { features, NULL, a, n_a, b, n_b, odd_a, odd_b, moved_a, moved_b };
  guint block_a = n_a, block_b = n_b;
  guint i = 0, j = 0;

  d.ops = g_array_new (FALSE, FALSE, sizeof (DiptychWordOp));
  g_return_val_if_fail (features != NULL, d.ops);

  find_odd_numbers (&d);

  /* Very long passages: diff matching blocks one after the other. */
  if ((gsize) n_a * n_b > DIPTYCH_WORD_DIFF_MAX_CELLS)
    {
      double ratio = n_a > 0 && n_b > 0 ? (double) n_b / n_a : 1.0;
      block_a = MAX (1, (guint) (2000 / MAX (1.0, ratio)));
      block_b = MAX (1, (guint) (block_a * ratio));
      block_b = MIN (block_b, 2000);
    }

  while (i < n_a || j < n_b)
    {
      guint a1 = MIN (n_a, i + block_a);
      guint b1 = MIN (n_b, j + block_b);

      if (i == n_a || j == n_b)
        {
          emit_gap (&d, i, n_a, j, n_b);
          break;
        }
      diff_block (&d, i, a1, j, b1);
      i = a1;
      j = b1;
    }

  return d.ops;
}
