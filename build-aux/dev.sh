#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The README's two commands:  build-aux/dev.sh run [FILES...]  |  build-aux/dev.sh test
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
build="$top/_build"

packages=(
  build-essential meson ninja-build pkg-config gettext
  libglib2.0-dev libgtk-4-dev libadwaita-1-dev libgtksourceview-5-dev
  libxml2-dev libxml2-utils libstemmer-dev wordnet-base
  libglib-testing-0-dev
  xvfb xauth dbus dbus-x11 desktop-file-utils appstream flatpak-builder
  poppler-utils imagemagick
  libjson-glib-dev
)

install_missing () {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing: ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
  fi
}

configure () {
  if [ ! -f "$build/build.ninja" ]; then
    meson setup "$build" "$top"
  fi
  meson compile -C "$build"
}

cmd=${1:-run}
shift || true
case "$cmd" in
  run)
    install_missing
    configure
    exec "$build/src/diptych" "$@"
    ;;
  test)
    install_missing
    configure
    GTK_A11Y=none GSK_RENDERER=cairo xvfb-run -a dbus-run-session -- \
      meson test -C "$build" --print-errorlogs "$@"
    ;;
  *)
    echo "usage: $0 run [A B] | test" >&2
    exit 2
    ;;
esac
