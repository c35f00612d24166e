#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The reliability part of CI, run by .ci/run after the normal build and tests:
#   1. the whole test suite built with AddressSanitizer + UBSan (leaks on),
#   2. the core tests under valgrind memcheck (normal build),
#   3. the libFuzzer targets built with clang, replaying the seed corpora and
#      fuzzing each for a few seconds.
# Suppressions (tests/sanitizer/) cover leaks in GLib/GTK/fontconfig only,
# never in Diptych's own code.
#   build-aux/ci-sanitize.sh [asan|valgrind|fuzz]...   (default: all three)
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
supp="$top/tests/sanitizer"

packages=(clang libclang-rt-14-dev valgrind)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

headless () {
  GTK_A11Y=none GSK_RENDERER=cairo xvfb-run -a dbus-run-session -- "$@"
}

step () {
  echo "=== $* ($(date -u +%H:%M:%S))"
}

run_asan () {
  local build="$top/_build-asan"
  step "AddressSanitizer + UndefinedBehaviorSanitizer build"
  [ -f "$build/build.ninja" ] || \
    meson setup "$build" -Db_sanitize=address,undefined -Db_lundef=false
  meson compile -C "$build" -j2
  step "test suite under ASan + UBSan"
  local asan=detect_leaks=1:abort_on_error=1:strict_string_checks=1
  export LSAN_OPTIONS=suppressions=$supp/lsan.supp:print_suppressions=0
  export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
  local status=0
  # Without GTK: plain malloc instead of GLib 2.74's slice allocator,
  # which keeps 2 KB per thread that used it, on purpose (Pango's font
  # loading threads; see build-aux/fuzz.sh). With GTK, plain malloc
  # would show GTK's own caches, which the slice allocator hides.
  G_SLICE=always-malloc ASAN_OPTIONS=$asan \
    headless meson test -C "$build" --print-errorlogs --timeout-multiplier 4 \
    --no-suite ui --no-suite app || status=1
  # GTK's start-up leaks are only recognised with whole stacks through the
  # libraries (built without frame pointers): slow unwinding, for the
  # programs that start GTK only.
  ASAN_OPTIONS=$asan:fast_unwind_on_malloc=0 \
    headless meson test -C "$build" --print-errorlogs --timeout-multiplier 4 \
    --suite ui --suite app || status=1
  unset LSAN_OPTIONS UBSAN_OPTIONS
  return $status
}

run_valgrind () {
  local build="$top/_build"
  step "core tests under valgrind memcheck"
  [ -f "$build/build.ninja" ] || meson setup "$build"
  meson compile -C "$build" -j2
  # The 20 MB and 50 MB rows of the hostile table take minutes under
  # valgrind; ASan runs them.
  DIPTYCH_TEST_NO_LARGE=1 G_SLICE=always-malloc \
    meson test -C "$build" --suite core --suite hostile --print-errorlogs --timeout-multiplier 10 \
    --wrap="valgrind --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite --show-leak-kinds=definite --num-callers=30 --suppressions=/usr/share/glib-2.0/valgrind/glib.supp --suppressions=$supp/valgrind.supp"
}

run_fuzz () {
  step "libFuzzer targets (clang): seed corpora, then 20 s of fuzzing each"
  local t
  for t in $("$top/build-aux/fuzz.sh" | sed -n 's/^targets://p'); do
    step "fuzz $t"
    "$top/build-aux/fuzz.sh" "$t" 20
  done
}

steps=("$@")
[ ${#steps[@]} -gt 0 ] || steps=(asan valgrind fuzz)
start=$(date +%s)
for s in "${steps[@]}"; do
  case "$s" in
    asan) run_asan ;;
    valgrind) run_valgrind ;;
    fuzz) run_fuzz ;;
    *) echo "unknown step $s" >&2; exit 2 ;;
  esac
done
step "done in $(( $(date +%s) - start )) s"
