/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "diptych-core.h"

/* A link drawn by hand gets its word-level differences when asked. */
static void
test_manual_link_word_ops (void)
{
  g_autoptr(DiptychProject) project = diptych_project_new ();
  g_autoptr(DiptychDocument) a = diptych_document_new ("They exchanged 175 prisoners.", -1, NULL, NULL, NULL, NULL, NULL);
  g_autoptr(DiptychDocument) b = diptych_document_new ("They exchanged 157 prisoners.", -1, NULL, NULL, NULL, NULL, NULL);
  g_autoptr(GError) error = NULL;
  const DiptychWordOp *ops;
  DiptychLink *link;
  gboolean changed_number = FALSE;
  guint n = 0;

  diptych_project_set_document (project, DIPTYCH_SIDE_A, a);
  diptych_project_set_document (project, DIPTYCH_SIDE_B, b);
  link = diptych_project_add_link (project, DIPTYCH_SPAN_INIT (0, 29), DIPTYCH_SPAN_INIT (0, 29), &error);
  g_assert_no_error (error);
  g_assert_false (diptych_link_has_word_ops (link));

  ops = diptych_project_get_word_ops (project, link, &n);
  g_assert_true (diptych_link_has_word_ops (link));
  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    if (ops[i].a.start == 15 && ops[i].kind != DIPTYCH_WORD_SAME)
      changed_number = TRUE;
  g_assert_true (changed_number);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/project/word-ops/manual-link", test_manual_link_word_ops);
  return g_test_run ();
}
