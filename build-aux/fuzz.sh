#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the libFuzzer targets (clang, AddressSanitizer, UBSan) and runs one.
#   build-aux/fuzz.sh                 list the targets
#   build-aux/fuzz.sh import [SECS]   fuzz one target (default 300 s), one job
# New crashes land in _build-fuzz/crashes/<target>/; add a minimised copy to
# tests/fuzz/corpus/<target>/ once fixed, so the replay test keeps it fixed.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
build="$top/_build-fuzz"

if [ ! -f "$build/build.ninja" ]; then
  CC=clang meson setup "$build" "$top" -Dfuzzing=true \
    -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debugoptimized
fi
targets=$(sed -n "s/^  'fuzz-\([a-z]*\)',$/\1/p" "$top/tests/fuzz/meson.build")
if [ $# -eq 0 ]; then
  echo "targets:" $targets
  exit 0
fi

target=$1
meson compile -C "$build" -j2 "fuzz-$target-libfuzzer" >/dev/null
secs=${2:-300}
corpus="$top/tests/fuzz/corpus/$target"
work="$build/corpus/$target"
crashes="$build/crashes/$target"
dict="$top/tests/fuzz/$target.dict"
mkdir -p "$work" "$crashes"

args=(-max_total_time="$secs" -jobs=1 -workers=1 -print_final_stats=1
      -rss_limit_mb=2048 -timeout=20 -artifact_prefix="$crashes/")
case "$target" in
  align) args+=(-max_len=4096) ;;
  report) args+=(-max_len=8192) ;;
  *) args+=(-max_len=65536) ;;
esac
[ -f "$dict" ] && args+=(-dict="$dict")

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$top/tests/sanitizer/lsan.supp:print_suppressions=0}
# GLib 2.74's slice allocator gives every thread that uses it 2 KB that
# it never frees, on purpose. Pango's font-loading threads (one per font
# map; the PDF writer makes a font map per layout worker) use it, and
# once such a thread's stack is reused LeakSanitizer reports the 2 KB:
# seen after 7,474 runs of the report target, stack
# g_malloc0 <- g_slice_free1 <- g_object_unref <- libpangoft2 thread.
# Plain malloc, as GLib advises for leak checkers (2.76 dropped GSlice).
export G_SLICE=${G_SLICE:-always-malloc}
# New inputs go to the work folder; the seed corpus in git stays small.
# With -jobs=1 libFuzzer logs to fuzz-0.log in the current folder: one
# folder per target, so that two targets can run at once.
mkdir -p "$build/run-$target"
cd "$build/run-$target"
status=0
nice -n 10 "$build/tests/fuzz/fuzz-$target-libfuzzer" "${args[@]}" "$work" "$corpus" || status=$?
[ -f fuzz-0.log ] && mv fuzz-0.log "$build/fuzz-$target.log"
grep -E '^(Done|stat::|==[0-9]+==ERROR|SUMMARY)' "$build/fuzz-$target.log" || true
exit $status
