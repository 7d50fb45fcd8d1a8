#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds the libFuzzer targets with clang, AddressSanitizer and UBSan in
# their own build folder and runs each for a while on its seed corpus.
#
#   build-aux/run-fuzzers.sh [SECONDS]      (default 60 per fuzzer)
#
# Environment: FUZZ_BUILD_DIR (default <source>/build-fuzz). Needs clang and
# libclang-rt-14-dev (without which -fsanitize=fuzzer does not link).
# Exits non-zero when a fuzzer finds a crash; the reproducer is left in
# the build folder (crash-*, leak-*, timeout-*).
set -eu

seconds=${1:-60}
src=$(cd "$(dirname "$0")/.." && pwd)
build=${FUZZ_BUILD_DIR:-$src/build-fuzz}

if [ ! -f "$build/build.ninja" ]; then
  # fuzzer-no-link instruments the libraries too, so the fuzzer sees the
  # coverage of the importer and the store, not only of its own file.
  CC=clang meson setup "$build" "$src" -Dfuzzers=true \
    -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debugoptimized \
    -Dc_args=-fsanitize=fuzzer-no-link
fi
ninja -C "$build" tests/fuzz/fuzz-xml-import tests/fuzz/fuzz-csv-import

status=0
for target in xml-import csv-import; do
  case $target in
    xml-import) seeds=$src/tests/fuzz/corpus-xml ;;
    csv-import) seeds=$src/tests/fuzz/corpus-csv ;;
  esac
  # A scratch copy: the fuzzer adds what it finds, the seeds stay as written.
  corpus=$(mktemp -d)
  cp "$seeds"/* "$corpus"/
  echo "# fuzz-$target for ${seconds}s"
  ( cd "$build" &&
    ASAN_OPTIONS=detect_leaks=1:fast_unwind_on_malloc=0 LSAN_OPTIONS=suppressions=$src/tests/fuzz/lsan.supp UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    "$build/tests/fuzz/fuzz-$target" -max_total_time="$seconds" -max_len=65536 \
      -timeout=10 -rss_limit_mb=1024 "$corpus" ) || status=1
  rm -rf "$corpus"
done
exit $status
