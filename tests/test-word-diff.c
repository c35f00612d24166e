/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "diptych-core.h"

static DiptychDocument *
doc (const char *text)
{
  g_autoptr(GError) error = NULL;
  DiptychDocument *d = diptych_document_new (text, -1, "t", NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  return d;
}

static GArray *
diff_all (DiptychDocument *a,
          DiptychDocument *b)
{
  return diptych_word_diff (a, DIPTYCH_SPAN_INIT (0, diptych_document_get_length (a)),
                            b, DIPTYCH_SPAN_INIT (0, diptych_document_get_length (b)));
}

/* The op whose A (or, for insertions, B) text is word. */
static const DiptychWordOp *
find_op (GArray          *ops,
         DiptychDocument *a,
         DiptychDocument *b,
         const char      *word)
{
  for (guint i = 0; i < ops->len; i++)
    {
      const DiptychWordOp *op = &g_array_index (ops, DiptychWordOp, i);
      g_autofree char *text = op->kind == DIPTYCH_WORD_INSERTED
                              ? diptych_document_dup_span (b, op->b)
                              : diptych_document_dup_span (a, op->a);
      if (g_strcmp0 (text, word) == 0)
        return op;
    }
  return NULL;
}

static void
test_word_diff_discrepancies (void)
{
  g_autoptr(DiptychDocument) a = doc ("On 19 March, 175 prisoners were exchanged in Geneva by Minister Dravic.");
  g_autoptr(DiptychDocument) b = doc ("On 20 March, 157 prisoners were exchanged in Geneva by Minister Petrov.");
  g_autoptr(GArray) ops = diff_all (a, b);
  const DiptychWordOp *op;

  op = find_op (ops, a, b, "19");
  g_assert_nonnull (op);
  g_assert_cmpint (op->kind, ==, DIPTYCH_WORD_CHANGED);
  g_assert_cmpint (op->discrepancy, ==, DIPTYCH_DISCREPANCY_DATE);

  op = find_op (ops, a, b, "175");
  g_assert_nonnull (op);
  g_assert_cmpint (op->kind, ==, DIPTYCH_WORD_CHANGED);
  g_assert_cmpint (op->discrepancy, ==, DIPTYCH_DISCREPANCY_NUMBER);
  {
    g_autofree char *other = diptych_document_dup_span (b, op->b);
    g_assert_cmpstr (other, ==, "157");
  }

  op = find_op (ops, a, b, "Dravic");
  g_assert_nonnull (op);
  g_assert_cmpint (op->discrepancy, ==, DIPTYCH_DISCREPANCY_NAME);

  op = find_op (ops, a, b, "March, 175 prisoners");
  g_assert_null (op);
  op = find_op (ops, a, b, "prisoners were exchanged in Geneva by Minister");
  g_assert_nonnull (op);
  g_assert_cmpint (op->kind, ==, DIPTYCH_WORD_SAME);
}

/* Words told in another place of the other passage are moved: same or
 * reworded, with their place on each side, not deleted and inserted. */
static void
test_word_diff_moved (void)
{
  g_autoptr(DiptychDocument) a = doc ("The ceasefire in Gaza was agreed by both leaders on Friday.");
  g_autoptr(DiptychDocument) b = doc ("On Friday both leaders agreed the truce in Gaza.");
  g_autoptr(GArray) ops = diff_all (a, b);
  const DiptychWordOp *op;
  g_autofree char *other = NULL;
  g_autofree char *truce = NULL;

  op = find_op (ops, a, b, "Friday");
  g_assert_nonnull (op);
  g_assert_cmpint (op->kind, ==, DIPTYCH_WORD_SAME);
  other = diptych_document_dup_span (b, op->b);
  g_assert_cmpstr (other, ==, "Friday");

  op = find_op (ops, a, b, "ceasefire");
  g_assert_nonnull (op);
  g_assert_cmpint (op->kind, ==, DIPTYCH_WORD_REWORDED);
  truce = diptych_document_dup_span (b, op->b);
  g_assert_cmpstr (truce, ==, "truce");

  /* No word of B is told twice: the moved ones are not inserted too. */
  for (guint i = 0; i < ops->len; i++)
    {
      const DiptychWordOp *o = &g_array_index (ops, DiptychWordOp, i);
      g_autofree char *text = diptych_document_dup_span (b, o->b);

      if (o->kind == DIPTYCH_WORD_INSERTED)
        {
          g_assert_null (strstr (text, "Friday"));
          g_assert_null (strstr (text, "truce"));
        }
    }
}

/* The numbers differ though the sentences tell them in another order. */
static void
test_word_diff_reordered_numbers (void)
{
  g_autoptr(DiptychDocument) a = doc ("On March 19 a prisoner exchange will take place between the two sides, 175 for 175 people.");
  g_autoptr(DiptychDocument) b = doc ("A prisoner exchange of 157 for 175 people will take place on 20 March between the sides.");
  g_autoptr(GArray) ops = diff_all (a, b);
  guint n_number = 0, n_date = 0;

  for (guint i = 0; i < ops->len; i++)
    {
      const DiptychWordOp *op = &g_array_index (ops, DiptychWordOp, i);
      g_autofree char *text = op->kind == DIPTYCH_WORD_INSERTED
                              ? diptych_document_dup_span (b, op->b)
                              : diptych_document_dup_span (a, op->a);

      if (op->discrepancy == DIPTYCH_DISCREPANCY_NUMBER)
        {
          n_number++;
          g_assert_true (g_str_equal (text, "175") || g_str_equal (text, "157"));
        }
      else if (op->discrepancy == DIPTYCH_DISCREPANCY_DATE)
        {
          n_date++;
          g_assert_true (g_str_equal (text, "19") || g_str_equal (text, "20"));
        }
    }
  /* One 175 of A and 157 of B; 19 and 20; "two" is no quantity. */
  g_assert_cmpuint (n_number, ==, 2);
  g_assert_cmpuint (n_date, ==, 2);
}

static void
test_word_diff_kinds (void)
{
  g_autoptr(DiptychDocument) a = doc ("The truce in Kiev holds firmly today.");
  g_autoptr(DiptychDocument) b = doc ("The ceasefire in Kyiv holds, senior officials said.");
  g_autoptr(GArray) ops = diff_all (a, b);
  const DiptychWordOp *op;
  gboolean inserted = FALSE, deleted = FALSE;

  op = find_op (ops, a, b, "truce");
  g_assert_nonnull (op);
  g_assert_cmpint (op->kind, ==, DIPTYCH_WORD_REWORDED);
  op = find_op (ops, a, b, "Kiev");
  g_assert_nonnull (op);
  g_assert_cmpint (op->kind, ==, DIPTYCH_WORD_REWORDED);
  g_assert_cmpint (op->discrepancy, ==, DIPTYCH_DISCREPANCY_NONE);

  for (guint i = 0; i < ops->len; i++)
    {
      const DiptychWordOp *o = &g_array_index (ops, DiptychWordOp, i);
      if (o->kind == DIPTYCH_WORD_INSERTED)
        {
          inserted = TRUE;
          g_assert_cmpuint (diptych_span_length (o->a), ==, 0);
        }
      if (o->kind == DIPTYCH_WORD_DELETED || o->kind == DIPTYCH_WORD_CHANGED)
        deleted = TRUE;
      /* Ops come in text order on both sides. */
      if (i > 0)
        {
          const DiptychWordOp *p = &g_array_index (ops, DiptychWordOp, i - 1);
          g_assert_cmpuint (o->a.start, >=, p->a.end);
          g_assert_cmpuint (o->b.start, >=, p->b.end);
        }
    }
  g_assert_true (inserted);
  g_assert_true (deleted);
}

static void
test_word_diff_bad_spans (void)
{
  g_autoptr(DiptychDocument) a = doc ("Short text here.");
  g_autoptr(DiptychDocument) b = doc ("Other text.");
  g_autoptr(DiptychDocument) empty = doc ("");
  g_autoptr(GArray) past = NULL;
  g_autoptr(GArray) reversed = NULL;
  g_autoptr(GArray) none = NULL;
  g_autoptr(GArray) huge = NULL;

  /* Past the end: clamped. */
  past = diptych_word_diff (a, DIPTYCH_SPAN_INIT (6, 5000), b, DIPTYCH_SPAN_INIT (G_MAXUINT - 1, G_MAXUINT));
  g_assert_cmpuint (past->len, ==, 1);
  g_assert_cmpint (g_array_index (past, DiptychWordOp, 0).kind, ==, DIPTYCH_WORD_DELETED);
  /* Reversed: empty. */
  reversed = diptych_word_diff (a, DIPTYCH_SPAN_INIT (10, 2), b, DIPTYCH_SPAN_INIT (5, 0));
  g_assert_cmpuint (reversed->len, ==, 0);
  none = diff_all (empty, empty);
  g_assert_cmpuint (none->len, ==, 0);
  huge = diptych_word_diff (empty, DIPTYCH_SPAN_INIT (0, 100), a, DIPTYCH_SPAN_INIT (0, 100));
  g_assert_cmpuint (huge->len, ==, 1);
  g_assert_cmpint (g_array_index (huge, DiptychWordOp, 0).kind, ==, DIPTYCH_WORD_INSERTED);
}

static void
test_word_diff_long (void)
{
  g_autoptr(GString) ta = g_string_new (NULL);
  g_autoptr(GString) tb = g_string_new (NULL);
  g_autoptr(DiptychDocument) a = NULL;
  g_autoptr(DiptychDocument) b = NULL;
  g_autoptr(GArray) ops = NULL;
  guint same = 0;

  /* Past the size of one block: compared block by block. */
  for (guint i = 0; i < 3000; i++)
    {
      g_string_append_printf (ta, "w%u ", i);
      g_string_append_printf (tb, "w%u ", i % 7 == 0 ? i + 1 : i);
    }
  a = doc (ta->str);
  b = doc (tb->str);
  ops = diff_all (a, b);
  for (guint i = 0; i < ops->len; i++)
    if (g_array_index (ops, DiptychWordOp, i).kind == DIPTYCH_WORD_SAME)
      same++;
  g_assert_cmpuint (same, >, 100);
}

/* A moved word's op points elsewhere in B: the run of same words after
 * it must not be merged into it (that gave spans ending before they
 * start). Found by the fuzz-align target. */
static void
test_word_diff_moved_then_same (void)
{
  g_autoptr(DiptychDocument) a = doc ("Ceasefire talks began and the leaders agreed on prisoners today in Geneva.");
  g_autoptr(DiptychDocument) b = doc ("Talks began and the leaders agreed on prisoners today in Geneva after the ceasefire.");
  g_autoptr(GArray) ops = diff_all (a, b);
  gboolean moved = FALSE;

  for (guint i = 0; i < ops->len; i++)
    {
      const DiptychWordOp *op = &g_array_index (ops, DiptychWordOp, i);

      g_assert_cmpuint (op->a.start, <=, op->a.end);
      g_assert_cmpuint (op->b.start, <=, op->b.end);
      g_assert_true (diptych_document_span_is_valid (a, op->a));
      g_assert_true (diptych_document_span_is_valid (b, op->b));
      if (op->kind != DIPTYCH_WORD_INSERTED && op->kind != DIPTYCH_WORD_DELETED &&
          op->b.start > 60)
        moved = TRUE;
    }
  /* "Ceasefire" is told as found at the end of B. */
  g_assert_true (moved);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *wordnet = NULL;

  g_test_init (&argc, &argv, NULL);
  wordnet = g_test_build_filename (G_TEST_DIST, "data", "wordnet", NULL);
  g_setenv ("DIPTYCH_WORDNET_DIR", wordnet, TRUE);

  g_test_add_func ("/word-diff/discrepancies", test_word_diff_discrepancies);
  g_test_add_func ("/word-diff/kinds", test_word_diff_kinds);
  g_test_add_func ("/word-diff/reordered-numbers", test_word_diff_reordered_numbers);
  g_test_add_func ("/word-diff/moved", test_word_diff_moved);
  g_test_add_func ("/word-diff/moved-then-same", test_word_diff_moved_then_same);
  g_test_add_func ("/word-diff/bad-spans", test_word_diff_bad_spans);
  g_test_add_func ("/word-diff/long", test_word_diff_long);

  return g_test_run ();
}
