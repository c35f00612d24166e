#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Crash safety of autosave in the real application: the GUI opens a saved
# project (under the test's Xvfb and session bus), unsaved work is made
# through the window's exported actions (org.gtk.Actions: next-link, then
# confirm-link or reject-link), autosave runs every second
# (DIPTYCH_AUTOSAVE_INTERVAL=1), and the process is killed with SIGKILL at
# random moments while it keeps changing and autosaving. Each time: the
# project file is untouched, and the recovery snapshot loads (through
# `diptych compare SNAPSHOT --json`) with the user's decision in it.
#   test-crash-autosave.sh PATH/TO/diptych
set -euo pipefail

diptych=$(realpath "$1")
rounds=${ROUNDS:-4}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

export DIPTYCH_AUTOSAVE_INTERVAL=1
export DIPTYCH_RECOVERY_DIR="$work/recovery"
export GTK_A11Y=none GSK_RENDERER=cairo NO_AT_BRIDGE=1 LC_ALL=C.UTF-8

cat > a.txt <<'TEXT'
President Adams spoke today with President Brandt of Norland. The two leaders discussed the need for a lasting peace and a 30-day ceasefire. They agreed to exchange 175 prisoners on 19 March.
TEXT
cat > b.txt <<'TEXT'
On 20 March a telephone conversation took place between Brandt and Adams. The presidents agreed on a thirty days truce and a long-term peace. An exchange of prisoners, 175 for 175, will take place.
TEXT
"$diptych" compare a.txt b.txt --project P.diptych
before=$(sha256sum P.diptych | cut -d' ' -f1)

bus_call () {
  gdbus call --session --dest io.github.diptych.Diptych --object-path "$1" \
    --method org.gtk.Actions.Activate "$2" '[]' '{}' >/dev/null
}

fail () {
  echo "not ok: $*" >&2
  exit 1
}

for round in $(seq 1 "$rounds"); do
  rm -rf recovery
  "$diptych" "$work/P.diptych" > app.log 2>&1 &
  pid=$!

  # The window's actions appear on the bus once it is shown (the project
  # may open in a second window that replaces the first): retry until a
  # link is confirmed.
  window=
  for _ in $(seq 1 100); do
    window=$(gdbus introspect --session --dest io.github.diptych.Diptych \
               --object-path /io/github/diptych/Diptych/window -r 2>/dev/null |
             grep -o 'node /io/github/diptych/Diptych/window/[0-9]*' | tail -n 1 | cut -d' ' -f2) || true
    if [ -n "$window" ] && bus_call "$window" next-link 2>/dev/null &&
       bus_call "$window" confirm-link 2>/dev/null; then
      break
    fi
    window=
    sleep 0.1
  done
  [ -n "$window" ] || fail "round $round: the window did not appear"

  # The first snapshot (autosave every second); the project may still be
  # loading when the first actions arrive, so repeat them.
  for i in $(seq 1 150); do
    ls recovery/*/*.diptych >/dev/null 2>&1 && break
    [ $((i % 10)) -eq 0 ] && { bus_call "$window" next-link || true; bus_call "$window" confirm-link || true; }
    sleep 0.1
  done
  ls recovery/*/*.diptych >/dev/null 2>&1 || fail "round $round: autosave wrote no snapshot"

  # Keep changing while autosave writes, and kill at a random moment
  # (0.2 to 2.7 s: some kills land while a snapshot is being written).
  deadline=$(( $(date +%s%N) / 1000000 + 200 + RANDOM % 2500 ))
  decision=reject-link
  while [ $(( $(date +%s%N) / 1000000 )) -lt "$deadline" ]; do
    bus_call "$window" "$decision" || true
    [ "$decision" = reject-link ] && decision=confirm-link || decision=reject-link
    bus_call "$window" next-link || true
    sleep 0.0$(( RANDOM % 9 + 1 ))
  done
  kill -9 "$pid"
  wait "$pid" 2>/dev/null || true

  # The user's project file was never written by autosave.
  [ "$(sha256sum P.diptych | cut -d' ' -f1)" = "$before" ] || fail "round $round: P.diptych changed"

  # The recovery data is whole: every snapshot loads, with a decision in it.
  n=0
  for snapshot in recovery/*/*.diptych; do
    [ -e "$snapshot" ] || continue
    n=$((n + 1))
    "$diptych" compare "$snapshot" --json snapshot.json ||
      fail "round $round: $snapshot does not load"
    grep -Eq '"state": *"(confirmed|rejected)"' snapshot.json ||
      fail "round $round: $snapshot lost the user's decisions"
  done
  [ "$n" -gt 0 ] || fail "round $round: no recovery snapshot"
  # Only the snapshot, its description, the lock and hidden temporary files.
  for f in recovery/*/*; do
    case "$(basename "$f")" in
      *.diptych|*.info|lock) ;;
      *) fail "round $round: unexpected $(basename "$f") in the recovery folder" ;;
    esac
  done
  echo "round $round: killed; P.diptych intact, $n snapshot(s) load with the decisions"
done
echo "$rounds rounds passed"
