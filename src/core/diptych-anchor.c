/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "diptych-anchor"

#include "config.h"

#include <string.h>

#include "diptych-anchor.h"

/* Enough to find a quote in a long document without scanning forever on
 * a one-letter quote that occurs everywhere. */
#define MAX_OCCURRENCES 100000

void
diptych_anchor_capture (DiptychDocument  *document,
                        DiptychSpan       span,
                        char            **quote,
                        char            **context_before,
                        char            **context_after)
{
  guint length;
  DiptychSpan before, after;

  g_return_if_fail (DIPTYCH_IS_DOCUMENT (document));

  length = diptych_document_get_length (document);
  span.end = MIN (span.end, length);
  span.start = MIN (span.start, span.end);
  before = DIPTYCH_SPAN_INIT (span.start > DIPTYCH_ANCHOR_CONTEXT_CHARS
                              ? span.start - DIPTYCH_ANCHOR_CONTEXT_CHARS : 0,
                              span.start);
  after = DIPTYCH_SPAN_INIT (span.end, MIN (span.end + DIPTYCH_ANCHOR_CONTEXT_CHARS, length));

  if (quote != NULL)
    *quote = diptych_document_dup_span (document, span);
  if (context_before != NULL)
    *context_before = diptych_document_dup_span (document, before);
  if (context_after != NULL)
    *context_after = diptych_document_dup_span (document, after);
}

/* Bytes of @context that match the text ending at @end (backwards). */
static gsize
match_before (const char *text,
              const char *end,
              const char *context)
{
  gsize n = context != NULL ? strlen (context) : 0;
  gsize matched = 0;

  while (matched < n && end - matched > text && end[-1 - (gssize) matched] == context[n - 1 - matched])
    matched++;

  return matched;
}

/* Bytes of @context that match the text from @start on. */
static gsize
match_after (const char *start,
             const char *context)
{
  gsize matched = 0;

  if (context == NULL)
    return 0;

  while (context[matched] != '\0' && start[matched] == context[matched])
    matched++;

  return matched;
}

gboolean
diptych_anchor_find (DiptychDocument *document,
                     const char      *quote,
                     const char      *context_before,
                     const char      *context_after,
                     guint            old_start,
                     DiptychSpan     *found)
{
  const char *text;
  const char *p;
  gsize quote_bytes;
  guint quote_chars;
  gsize best_context = 0;
  guint best_distance = G_MAXUINT;
  const char *best = NULL;
  guint n = 0;

  g_return_val_if_fail (DIPTYCH_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (found != NULL, FALSE);

  if (quote == NULL || *quote == '\0')
    return FALSE;

  text = diptych_document_get_text (document);
  quote_bytes = strlen (quote);
  quote_chars = g_utf8_strlen (quote, -1);

  /* Still where it was? */
  if (old_start + quote_chars <= diptych_document_get_length (document))
    {
      gsize n_bytes = 0;
      const char *at = diptych_document_span_pointer (document,
                                                      DIPTYCH_SPAN_INIT (old_start, old_start + quote_chars),
                                                      &n_bytes);

      if (n_bytes == quote_bytes && memcmp (at, quote, quote_bytes) == 0)
        {
          *found = DIPTYCH_SPAN_INIT (old_start, old_start + quote_chars);
          return TRUE;
        }
    }

  for (p = strstr (text, quote); p != NULL && n < MAX_OCCURRENCES; p = strstr (p + 1, quote), n++)
    {
      gsize context = match_before (text, p, context_before) + match_after (p + quote_bytes, context_after);
      guint start = diptych_document_byte_to_char (document, p - text);
      guint distance = start > old_start ? start - old_start : old_start - start;

      if (best == NULL || context > best_context ||
          (context == best_context && distance < best_distance))
        {
          best = p;
          best_context = context;
          best_distance = distance;
          found->start = start;
          found->end = start + quote_chars;
        }
    }

  return best != NULL;
}
