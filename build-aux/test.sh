#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The README's second command (and what .ci/run calls): sets up the machine,
# builds, runs every test under a virtual display and a session bus, and ends
# with the line "N passed, N failed", counted per test case.
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=$top/build
junits=()
status=0

"$top/build-aux/setup.sh" || exit 1
"$top/build-aux/build.sh" "$build" || { echo "0 passed, 1 failed"; exit 1; }

echo "== test suite (build/)"
xvfb-run -a -s "-screen 0 1280x1024x24" dbus-run-session -- \
  meson test -C "$build" --print-errorlogs --num-processes 2 || status=1
junits+=("$build/meson-logs/testlog.junit.xml")

# Later stages (sanitizers, fuzzers) append their junit files here.
for stage in "$top"/build-aux/test-stage-*.sh; do
  [ -x "$stage" ] || continue
  echo "== $(basename "$stage")"
  "$stage" || status=1
  while IFS= read -r f; do junits+=("$f"); done < <("$stage" --junit-files 2>/dev/null)
done

python3 "$top/build-aux/count-junit.py" "${junits[@]}" || status=1
exit $status
