#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Validates the Flatpak manifest offline: flatpak-builder must parse it
# without complaining about unknown properties (typos, wrong nesting).
set -u
manifest=$1
out=$(flatpak-builder --show-manifest "$manifest" 2>&1)
status=$?
if [ $status -ne 0 ]; then
  echo "$out" >&2
  echo "flatpak-builder could not read $manifest" >&2
  exit 1
fi
if echo "$out" | grep -q "Unknown property"; then
  echo "$out" | grep "Unknown property" >&2
  exit 1
fi
# The sandbox stays minimal: files come through the portal.
if echo "$out" | grep -q -- "--filesystem="; then
  echo "$manifest asks for file system access; use the file chooser portal" >&2
  exit 1
fi
exit 0
