/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "diptych-types.h"

static const char *side_names[] = { "a", "b", NULL };
static const char *kind_names[] = { "identical", "reworded", "partial", NULL };
static const char *state_names[] = { "auto", "confirmed", "rejected", "manual", NULL };
static const char *granularity_names[] = { "sentence", "clause", "paragraph", NULL };
static const char *word_op_names[] = { "same", "reworded", "changed", "inserted", "deleted", NULL };
static const char *discrepancy_names[] = { "none", "number", "date", "name", NULL };

static const char *
name_of (const char * const *names,
         guint               n_names,
         guint               value)
{
  return value < n_names ? names[value] : NULL;
}

static gboolean
value_of (const char * const *names,
          const char         *str,
          guint              *value)
{
  if (str == NULL)
    return FALSE;

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (strcmp (names[i], str) == 0)
        {
          *value = i;
          return TRUE;
        }
    }

  return FALSE;
}

#define DEFINE_ENUM_STRINGS(Type, prefix, names)                         \
  const char *                                                          \
  prefix##_to_string (Type value)                                       \
  {                                                                     \
    return name_of (names, G_N_ELEMENTS (names) - 1, (guint) value);    \
  }                                                                     \
  gboolean                                                              \
  prefix##_from_string (const char *str,                                \
                        Type       *value)                              \
  {                                                                     \
    guint v;                                                            \
    if (!value_of (names, str, &v))                                     \
      return FALSE;                                                     \
    *value = (Type) v;                                                  \
    return TRUE;                                                        \
  }

DEFINE_ENUM_STRINGS (DiptychSide, diptych_side, side_names)
DEFINE_ENUM_STRINGS (DiptychLinkKind, diptych_link_kind, kind_names)
DEFINE_ENUM_STRINGS (DiptychState, diptych_state, state_names)
DEFINE_ENUM_STRINGS (DiptychGranularity, diptych_granularity, granularity_names)

const char *
diptych_word_op_kind_to_string (DiptychWordOpKind kind)
{
  return name_of (word_op_names, G_N_ELEMENTS (word_op_names) - 1, kind);
}

const char *
diptych_discrepancy_to_string (DiptychDiscrepancy discrepancy)
{
  return name_of (discrepancy_names, G_N_ELEMENTS (discrepancy_names) - 1, discrepancy);
}

/**
 * diptych_side_get_label:
 *
 * Returns: "A" or "B", how messages and reports name the documents
 */
const char *
diptych_side_get_label (DiptychSide side)
{
  return side == DIPTYCH_SIDE_A ? "A" : "B";
}
