/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "diptych-core.h"
#include "diptych-span-index.h"

static DiptychLink *
add_link (GListStore *store,
          guint a_start, guint a_end,
          guint b_start, guint b_end)
{
  g_autoptr(DiptychLink) link =
    diptych_link_new (DIPTYCH_SPAN_INIT (a_start, a_end), DIPTYCH_SPAN_INIT (b_start, b_end),
                      DIPTYCH_LINK_IDENTICAL, 1.0, DIPTYCH_STATE_AUTO);

  g_list_store_append (store, link);
  return link;
}

static DiptychOmission *
add_omission (GListStore  *store,
              DiptychSide  side,
              guint        start,
              guint        end)
{
  g_autoptr(DiptychOmission) omission =
    diptych_omission_new (side, DIPTYCH_SPAN_INIT (start, end), DIPTYCH_STATE_AUTO);

  g_list_store_append (store, omission);
  return omission;
}

static void
test_empty (void)
{
  g_autoptr(DiptychSpanIndex) index = diptych_span_index_new (NULL, NULL);
  g_autoptr(GPtrArray) items = g_ptr_array_new ();

  g_assert_cmpuint (diptych_span_index_get_n_entries (index, DIPTYCH_SIDE_A), ==, 0);
  g_assert_cmpuint (diptych_span_index_query (index, DIPTYCH_SIDE_A, DIPTYCH_SPAN_INIT (0, 100), items), ==, 0);
  g_assert_null (diptych_span_index_lookup (index, DIPTYCH_SIDE_B, 5));
  g_assert_cmpuint (diptych_span_index_bisect (index, DIPTYCH_SIDE_B, 5), ==, 0);
}

static void
test_order_and_lookup (void)
{
  g_autoptr(GListStore) links = g_list_store_new (DIPTYCH_TYPE_LINK);
  g_autoptr(GListStore) omissions = g_list_store_new (DIPTYCH_TYPE_OMISSION);
  g_autoptr(DiptychSpanIndex) index = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  DiptychLink *l1, *l2, *l3;
  DiptychOmission *o1, *o2;
  DiptychSpan span;
  guint position;

  /* Crossing links: A order l1 l2 l3, B order l3 l1 l2. */
  l1 = add_link (links, 0, 10, 20, 30);
  l2 = add_link (links, 10, 20, 30, 45);
  l3 = add_link (links, 30, 40, 0, 20);
  o1 = add_omission (omissions, DIPTYCH_SIDE_A, 20, 30);
  o2 = add_omission (omissions, DIPTYCH_SIDE_B, 45, 50);
  add_omission (omissions, DIPTYCH_SIDE_B, 50, 50);   /* empty: left out */

  index = diptych_span_index_new (G_LIST_MODEL (links), G_LIST_MODEL (omissions));
  g_assert_cmpuint (diptych_span_index_get_n_entries (index, DIPTYCH_SIDE_A), ==, 4);
  g_assert_cmpuint (diptych_span_index_get_n_entries (index, DIPTYCH_SIDE_B), ==, 4);

  g_assert_true (diptych_span_index_get_entry (index, DIPTYCH_SIDE_A, 2, &span) == o1);
  g_assert_cmpuint (span.start, ==, 20);
  g_assert_true (diptych_span_index_get_entry (index, DIPTYCH_SIDE_B, 0, &span) == l3);
  g_assert_true (diptych_span_index_get_entry (index, DIPTYCH_SIDE_B, 3, NULL) == o2);

  g_assert_true (diptych_span_index_lookup (index, DIPTYCH_SIDE_A, 0) == l1);
  g_assert_true (diptych_span_index_lookup (index, DIPTYCH_SIDE_A, 9) == l1);
  g_assert_true (diptych_span_index_lookup (index, DIPTYCH_SIDE_A, 10) == l2);
  g_assert_true (diptych_span_index_lookup (index, DIPTYCH_SIDE_A, 25) == o1);
  g_assert_null (diptych_span_index_lookup (index, DIPTYCH_SIDE_A, 40));
  g_assert_true (diptych_span_index_lookup (index, DIPTYCH_SIDE_B, 5) == l3);

  g_assert_cmpuint (diptych_span_index_query (index, DIPTYCH_SIDE_B, DIPTYCH_SPAN_INIT (19, 31), items), ==, 3);
  g_assert_true (items->pdata[0] == l3);
  g_assert_true (items->pdata[1] == l1);
  g_assert_true (items->pdata[2] == l2);

  g_assert_true (diptych_span_index_find_position (index, DIPTYCH_SIDE_B, l2, &position));
  g_assert_cmpuint (position, ==, 2);
  g_assert_false (diptych_span_index_find_position (index, DIPTYCH_SIDE_B, o1, &position));
  g_assert_cmpuint (diptych_span_index_bisect (index, DIPTYCH_SIDE_A, 10), ==, 2);
}

static void
test_nested (void)
{
  g_autoptr(GListStore) links = g_list_store_new (DIPTYCH_TYPE_LINK);
  g_autoptr(DiptychSpanIndex) index = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  DiptychLink *outer, *inner, *late;

  /* A long span holding shorter ones: the running maximum must keep it. */
  outer = add_link (links, 0, 100, 0, 5);
  inner = add_link (links, 10, 20, 5, 10);
  late = add_link (links, 50, 60, 10, 15);

  index = diptych_span_index_new (G_LIST_MODEL (links), NULL);
  g_assert_true (diptych_span_index_lookup (index, DIPTYCH_SIDE_A, 15) == inner);
  g_assert_true (diptych_span_index_lookup (index, DIPTYCH_SIDE_A, 30) == outer);
  g_assert_true (diptych_span_index_lookup (index, DIPTYCH_SIDE_A, 55) == late);
  g_assert_true (diptych_span_index_lookup (index, DIPTYCH_SIDE_A, 99) == outer);

  g_assert_cmpuint (diptych_span_index_query (index, DIPTYCH_SIDE_A, DIPTYCH_SPAN_INIT (70, 80), items), ==, 1);
  g_assert_true (items->pdata[0] == outer);
}

/* Compare the binary searches with a plain scan on random spans. */
static void
test_random (void)
{
  g_autoptr(GListStore) links = g_list_store_new (DIPTYCH_TYPE_LINK);
  g_autoptr(GListStore) omissions = g_list_store_new (DIPTYCH_TYPE_OMISSION);
  g_autoptr(DiptychSpanIndex) index = NULL;

  for (guint i = 0; i < 300; i++)
    {
      guint a = g_test_rand_int_range (0, 5000), b = g_test_rand_int_range (0, 5000);

      add_link (links, a, a + g_test_rand_int_range (0, 200), b, b + g_test_rand_int_range (1, 50));
      if (i % 3 == 0)
        add_omission (omissions, i % 2, a + 7, a + 7 + g_test_rand_int_range (1, 90));
    }
  index = diptych_span_index_new (G_LIST_MODEL (links), G_LIST_MODEL (omissions));

  for (guint q = 0; q < 200; q++)
    {
      DiptychSide side = q % 2;
      guint start = g_test_rand_int_range (0, 5300);
      DiptychSpan range = DIPTYCH_SPAN_INIT (start, start + g_test_rand_int_range (1, 400));
      g_autoptr(GPtrArray) items = g_ptr_array_new ();
      guint expected = 0;

      for (guint i = 0; i < diptych_span_index_get_n_entries (index, side); i++)
        {
          DiptychSpan span;
          diptych_span_index_get_entry (index, side, i, &span);
          if (diptych_span_overlaps (span, range))
            expected++;
        }
      g_assert_cmpuint (diptych_span_index_query (index, side, range, items), ==, expected);
      for (guint i = 0; i < items->len; i++)
        {
          gpointer item = items->pdata[i];
          DiptychSpan span = DIPTYCH_IS_LINK (item) ? diptych_link_get_span (item, side)
                                                    : diptych_omission_get_span (item);
          g_assert_true (diptych_span_overlaps (span, range));
        }

      {
        gpointer found = diptych_span_index_lookup (index, side, start);
        gboolean any = FALSE;

        for (guint i = 0; i < diptych_span_index_get_n_entries (index, side); i++)
          {
            DiptychSpan span;
            diptych_span_index_get_entry (index, side, i, &span);
            any |= diptych_span_contains (span, start);
          }
        g_assert_true ((found != NULL) == any);
      }
    }
}

static void
test_rejected (void)
{
  g_autoptr(GListStore) links = g_list_store_new (DIPTYCH_TYPE_LINK);
  g_autoptr(DiptychSpanIndex) index = NULL;
  DiptychLink *link = add_link (links, 0, 10, 0, 10);

  diptych_link_set_state (link, DIPTYCH_STATE_REJECTED);
  add_link (links, 10, 20, 10, 20);
  index = diptych_span_index_new (G_LIST_MODEL (links), NULL);
  g_assert_cmpuint (diptych_span_index_get_n_entries (index, DIPTYCH_SIDE_A), ==, 1);
  g_assert_null (diptych_span_index_lookup (index, DIPTYCH_SIDE_A, 5));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/span-index/empty", test_empty);
  g_test_add_func ("/span-index/order-and-lookup", test_order_and_lookup);
  g_test_add_func ("/span-index/nested", test_nested);
  g_test_add_func ("/span-index/random", test_random);
  g_test_add_func ("/span-index/rejected", test_rejected);

  return g_test_run ();
}
