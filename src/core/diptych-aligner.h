/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "diptych-alignment.h"
#include "diptych-document.h"
#include "diptych-types.h"

G_BEGIN_DECLS

/* The highlighting model: links matching passages of two documents, in
 * any order, and finds the passages without counterpart. Thread-safe:
 * may run on a worker thread while the documents are shown. */

DiptychAlignment *diptych_align         (DiptychDocument             *a,
                                         DiptychDocument             *b,
                                         const DiptychAlignSettings  *settings,
                                         DiptychProgressFunc          progress,
                                         gpointer                     progress_data,
                                         GCancellable                *cancellable,
                                         GError                     **error);
/* progress is called on the thread-default main context of the caller. */
void              diptych_align_async   (DiptychDocument             *a,
                                         DiptychDocument             *b,
                                         const DiptychAlignSettings  *settings,
                                         DiptychProgressFunc          progress,
                                         gpointer                     progress_data,
                                         GCancellable                *cancellable,
                                         GAsyncReadyCallback          callback,
                                         gpointer                     user_data);
DiptychAlignment *diptych_align_finish  (GAsyncResult                *result,
                                         GError                     **error);

/* Word-level differences between two passages (for links the user draws). */
GArray           *diptych_word_diff     (DiptychDocument             *a,
                                         DiptychSpan                  span_a,
                                         DiptychDocument             *b,
                                         DiptychSpan                  span_b);

G_END_DECLS
