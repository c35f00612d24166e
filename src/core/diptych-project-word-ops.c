/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "diptych-project"

#include "config.h"

#include "diptych-aligner.h"
#include "diptych-project.h"

/* Word-level differences are not saved in project files and not made for
 * links drawn by hand: they are computed by the model the first time
 * they are needed. (A file of its own, so that programs that never ask
 * for them do not link the model.) */

/**
 * diptych_project_get_word_ops:
 * @link: a link of the project
 * @n_ops: (out): the number of operations
 *
 * Returns: (transfer none) (array length=n_ops): the word-level
 *   differences of @link, computed now if it has none yet
 */
const DiptychWordOp *
diptych_project_get_word_ops (DiptychProject *self,
                              DiptychLink    *link,
                              guint          *n_ops)
{
  DiptychDocument *a, *b;

  g_return_val_if_fail (DIPTYCH_IS_PROJECT (self), NULL);
  g_return_val_if_fail (DIPTYCH_IS_LINK (link), NULL);

  a = diptych_project_get_document (self, DIPTYCH_SIDE_A);
  b = diptych_project_get_document (self, DIPTYCH_SIDE_B);

  if (!diptych_link_has_word_ops (link) && a != NULL && b != NULL)
    {
      g_autoptr(GArray) ops = diptych_word_diff (a, diptych_link_get_span (link, DIPTYCH_SIDE_A),
                                                 b, diptych_link_get_span (link, DIPTYCH_SIDE_B));

      if (ops != NULL)
        diptych_link_set_word_ops (link, (const DiptychWordOp *) (gpointer) ops->data, ops->len);
    }

  return diptych_link_get_word_ops (link, n_ops);
}
