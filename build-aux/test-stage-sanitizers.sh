#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Test stage (run by build-aux/test.sh): the non-GUI suites under
# AddressSanitizer (with LeakSanitizer) and UBSan, in build-asan/.
#
#   build-aux/test-stage-sanitizers.sh               run the stage
#   build-aux/test-stage-sanitizers.sh --junit-files print the junit file it wrote
#
# GUI and data suites stay out: fontconfig and GTK leak on purpose (see
# BUILD-NOTES.md), and the data checks run no C code of ours.
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=${ASAN_BUILD_DIR:-$top/build-asan}
junit=$build/meson-logs/testlog.junit.xml

if [ "${1:-}" = "--junit-files" ]; then
  [ -f "$junit" ] && echo "$junit"
  exit 0
fi

if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$top" -Db_sanitize=address,undefined -Db_lundef=false \
    -Dbuildtype=debug || exit 1
fi
ninja -C "$build" || exit 1

suites=()
for s in core cli exchange report reliability; do suites+=(--suite "$s"); done

supp=$top/tests/lsan.supp
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:fast_unwind_on_malloc=0 \
LSAN_OPTIONS=suppressions=$supp:print_suppressions=0 \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  meson test -C "$build" --print-errorlogs --num-processes 2 --timeout-multiplier 3 "${suites[@]}"
