#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The README's two commands:
#   build-aux/dev.sh run [A B]   install missing Debian packages, build, start Diptych
#   build-aux/dev.sh test        install missing Debian packages, build, run all tests headless
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD_DIR=${BUILD_DIR:-_build}

# Everything the build, the application and the tests need on Debian bookworm.
PACKAGES=(
  build-essential pkg-config meson ninja-build gettext
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libadwaita-1-dev libgtksourceview-5-dev
  libxml2-dev libxml2-utils libpango1.0-dev libcairo2-dev libstemmer-dev
  libglib-testing-0-dev
  libjson-glib-dev poppler-utils
  wordnet-base
  desktop-file-utils appstream flatpak-builder
  xvfb xauth dbus dbus-daemon dbus-x11 at-spi2-core
  fonts-cantarell fonts-dejavu-core fonts-droid-fallback adwaita-icon-theme librsvg2-common shared-mime-info
)

install_missing () {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$p")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing missing Debian packages: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update
  $sudo apt-get install -y --no-install-recommends "${missing[@]}"
}

build () {
  if [ ! -f "$BUILD_DIR/build.ninja" ]; then
    meson setup "$BUILD_DIR"
  fi
  meson compile -C "$BUILD_DIR" -j "$(( $(nproc) < 2 ? $(nproc) : 2 ))"
}

case "${1:-}" in
  run)
    shift
    install_missing
    build
    # Run from the build tree: schemas compiled there, no install needed.
    export GSETTINGS_SCHEMA_DIR="$PWD/$BUILD_DIR/data"
    exec "$BUILD_DIR/src/diptych" "$@"
    ;;
  test)
    install_missing
    build
    GTK_A11Y=none GSK_RENDERER=cairo \
      xvfb-run -a dbus-run-session -- meson test -C "$BUILD_DIR" --print-errorlogs
    ;;
  *)
    echo "usage: $0 run [A B] | test" >&2
    exit 2
    ;;
esac
