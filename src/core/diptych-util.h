/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Like g_set_str() (GLib 2.76): replaces *str_pointer with a copy of
 * new_str; returns TRUE if the value changed. */
gboolean diptych_set_str (char       **str_pointer,
                          const char  *new_str);

/* Whether haystack (NULL: nothing) contains folded_needle, a string
 * already passed through g_utf8_casefold(), ignoring case. */
gboolean diptych_str_contains_folded (const char *haystack,
                                      const char *folded_needle);

G_END_DECLS
