#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Test stage (run by build-aux/test.sh): every libFuzzer target for
# AWD_FUZZ_SECONDS (default 60) each, through build-aux/run-fuzzers.sh
# (clang, ASan + UBSan, build-fuzz/). Writes one junit testcase per fuzzer:
# passed when it ran its time without a crash, leak or timeout.
#
#   build-aux/test-stage-fuzz.sh               run the stage
#   build-aux/test-stage-fuzz.sh --junit-files print the junit file it wrote
#   AWD_FUZZ_SECONDS=3600 build-aux/test-stage-fuzz.sh   a longer run
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=${FUZZ_BUILD_DIR:-$top/build-fuzz}
junit=$build/fuzz-junit.xml
log=$build/fuzz.log
seconds=${AWD_FUZZ_SECONDS:-60}

if [ "${1:-}" = "--junit-files" ]; then
  [ -f "$junit" ] && echo "$junit"
  exit 0
fi

mkdir -p "$build"
FUZZ_BUILD_DIR=$build "$top/build-aux/run-fuzzers.sh" "$seconds" >"$log" 2>&1
status=$?
tail -n 40 "$log"

# run-fuzzers.sh prints "# fuzz-NAME for Ns" before each target; libFuzzer
# ends a clean run with "Done N runs in S second(s)".
python3 - "$log" "$junit" "$status" <<'PY'
import re, sys
from xml.sax.saxutils import escape, quoteattr
log, junit, status = sys.argv[1], sys.argv[2], int(sys.argv[3])
text = open(log, errors="replace").read()
parts = re.split(r"^# (fuzz-[\w-]+) for \d+s$", text, flags=re.M)
cases = []
for name, body in zip(parts[1::2], parts[2::2]):
    done = re.search(r"Done (\d+) runs in (\d+) second", body)
    crashed = re.search(r"==\d+==ERROR|SUMMARY: (Address|Undefined|Leak)Sanitizer|ERROR: libFuzzer|runtime error:", body)
    runs = int(done.group(1)) if done else 0
    secs = int(done.group(2)) if done else 0
    ok = done is not None and crashed is None
    cases.append((name, ok, runs, secs, body[-3000:]))
    print(f"# {name}: {'ok' if ok else 'FAILED'}, {runs} inputs tried in {secs} s")
if not cases:
    cases.append(("fuzz-build", False, 0, 0, text[-3000:]))
with open(junit, "w") as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n')
    f.write(f'<testsuite name="fuzz" tests="{len(cases)}" failures="{sum(not c[1] for c in cases)}">\n')
    for name, ok, runs, secs, body in cases:
        f.write(f'<testcase classname="fuzz" name={quoteattr(name)} time="{secs}">')
        if not ok:
            f.write(f'<failure message="crash, leak or timeout">{escape(body)}</failure>')
        f.write(f'<system-out>{runs} inputs tried</system-out></testcase>\n')
    f.write('</testsuite>\n</testsuites>\n')
sys.exit(0 if status == 0 and all(c[1] for c in cases) else 1)
PY
