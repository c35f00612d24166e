#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# `diptych --version` and `diptych --help` answer without a display.
set -u
diptych=$1
fail () { echo "$*" >&2; exit 1; }

version=$(env -u DISPLAY -u WAYLAND_DISPLAY "$diptych" --version) || fail "--version failed"
[ "$version" = "diptych 0.1.0" ] || fail "--version printed: $version"

help=$(env -u DISPLAY -u WAYLAND_DISPLAY "$diptych" --help) || fail "--help failed"
echo "$help" | grep -q "diptych \[OPTION" || fail "--help lacks the usage line"
echo "$help" | grep -q "diptych compare A B" || fail "--help does not describe diptych compare"

# `compare` goes to the command line tool, never to GApplication.
env -u DISPLAY -u WAYLAND_DISPLAY "$diptych" compare --no-such-option >/dev/null 2>&1
[ $? -ne 0 ] || fail "diptych compare with a bad option succeeded"
exit 0
