/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "fuzz-common.h"

static GLogWriterOutput
quiet_writer (GLogLevelFlags   log_level,
              const GLogField *fields,
              gsize            n_fields,
              gpointer         user_data)
{
  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    return g_log_writer_standard_streams (log_level, fields, n_fields, user_data);
  return G_LOG_WRITER_HANDLED;
}

void
fuzz_setup (void)
{
  g_log_set_always_fatal (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  g_log_set_writer_func (quiet_writer, NULL, NULL);
}

void
fuzz_split_two_texts (const uint8_t  *data,
                      size_t          size,
                      char          **a,
                      char          **b)
{
  const uint8_t *nul = memchr (data, '\0', size);
  size_t split = nul != NULL ? (size_t) (nul - data) : size / 2;
  size_t rest = nul != NULL ? split + 1 : split;
  const uint8_t *second = data + rest;
  size_t second_size = size - rest;
  const uint8_t *second_nul = memchr (second, '\0', second_size);

  if (second_nul != NULL)
    second_size = (size_t) (second_nul - second);

  /* Neither part holds a NUL byte any more. */
  *a = g_utf8_make_valid ((const char *) data, split);
  *b = g_utf8_make_valid ((const char *) second, second_size);
}

guint
fuzz_reader_uint (FuzzReader *reader,
                  guint       max)
{
  guint value = 0;

  if (max == 0)
    return 0;

  for (guint i = 0; i < 4 && reader->pos < reader->size; i++)
    {
      value = (value << 8) | reader->data[reader->pos++];
      if ((max >> (8 * (i + 1))) == 0)
        break;
    }

  return value % (max + 1);
}
