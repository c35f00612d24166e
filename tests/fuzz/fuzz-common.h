/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <stddef.h>
#include <stdint.h>

G_BEGIN_DECLS

/* The libFuzzer entry points every target defines. */
int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

/* Criticals and warnings are bugs when they come from hostile input:
 * make them abort so the fuzzer reports them; keep the output quiet. */
void fuzz_setup          (void);

/* Splits the input into two parts at the first NUL byte (or in the middle
 * when there is none) and makes both valid UTF-8 without NUL bytes. */
void fuzz_split_two_texts (const uint8_t  *data,
                           size_t          size,
                           char          **a,
                           char          **b);

/* Reads small numbers from the input, for targets that build structures
 * from it; returns 0 once the input is used up. */
typedef struct
{
  const uint8_t *data;
  size_t         size;
  size_t         pos;
} FuzzReader;

guint fuzz_reader_uint   (FuzzReader    *reader,
                          guint          max);

G_END_DECLS
