#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# POTFILES coverage, as TAP: every file under src/ and ui/ that marks a string for
# translation (_( N_( C_( NC_( ngettext translatable="yes") must be listed in
# po/POTFILES.in, as must the translatable data files (desktop entry, metainfo,
# GSettings schema), or its strings never reach ru.po. A file that marks strings
# on purpose but must stay out may be named in po/POTFILES.skip.
# Also: every listed file exists (else xgettext fails) and the list is sorted
# without duplicates (parallel edits stay mergeable).
#
# Usage: check-potfiles.sh [--fix] [SRCDIR]
#   --fix  first add the missing files to po/POTFILES.in and sort it (byte order),
#          keeping its leading comment lines; then check as usual.

set -u
fix=0
if [ "${1:-}" = "--fix" ]; then
  fix=1
  shift
fi
srcdir=${1:-$(dirname "$0")/..}
cd "$srcdir" || { echo "1..0 # SKIP no source dir $srcdir"; exit 0; }

potfiles=po/POTFILES.in
skipfile=po/POTFILES.skip
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

grep -v -e '^[[:space:]]*#' -e '^[[:space:]]*$' "$potfiles" | sed 's/[[:space:]]*$//' > "$work/listed"
if [ -f "$skipfile" ]; then
  grep -v -e '^[[:space:]]*#' -e '^[[:space:]]*$' "$skipfile" | sed 's/[[:space:]]*$//' > "$work/skipped"
else
  : > "$work/skipped"
fi

# Files that mark strings. The marker must not be the tail of a longer name
# (so my_func( is no match), ngettext covers g_dngettext too.
marker='(^|[^A-Za-z0-9_])(_|N_|C_|NC_|Q_)\(|ngettext|translatable="yes"'
{
  find -H src ui -type f \( -name '*.c' -o -name '*.h' -o -name '*.ui' \) 2>/dev/null \
    | LC_ALL=C sort | while read -r f; do
        if grep -Eq "$marker" "$f"; then echo "$f"; fi
      done
  find -H data -maxdepth 1 -type f \( -name '*.desktop.in' -o -name '*.metainfo.xml.in' \
    -o -name '*.appdata.xml.in' -o -name '*.gschema.xml' \) 2>/dev/null | LC_ALL=C sort
} > "$work/marked"

if [ "$fix" -eq 1 ]; then
  grep -Fxv -f "$work/skipped" "$work/marked" > "$work/wanted" || true
  { grep -E '^[[:space:]]*#' "$potfiles" || true
    cat "$work/listed" "$work/wanted" | LC_ALL=C sort -u; } > "$work/fixed"
  if ! cmp -s "$work/fixed" "$potfiles"; then
    cat "$work/fixed" > "$potfiles"
    echo "# --fix rewrote $potfiles" >&2
  fi
  grep -v -e '^[[:space:]]*#' -e '^[[:space:]]*$' "$potfiles" > "$work/listed"
fi

n_marked=$(wc -l < "$work/marked")
n_listed=$(wc -l < "$work/listed")
echo "1..$((n_marked + n_listed + 1))"

i=0
failed=0
while read -r f; do
  i=$((i + 1))
  if grep -Fxq "$f" "$work/listed"; then
    echo "ok $i - $f is in $potfiles"
  elif grep -Fxq "$f" "$work/skipped"; then
    echo "ok $i - $f is in $potfiles # SKIP named in $skipfile"
  else
    echo "not ok $i - $f is in $potfiles"
    echo "# $f marks strings for translation but is missing from $potfiles: add the line '$f'"
    failed=$((failed + 1))
  fi
done < "$work/marked"

while read -r f; do
  i=$((i + 1))
  if [ -f "$f" ]; then
    echo "ok $i - listed file $f exists"
  else
    echo "not ok $i - listed file $f exists"
    echo "# $potfiles names $f, which does not exist (xgettext would fail)"
    failed=$((failed + 1))
  fi
done < "$work/listed"

i=$((i + 1))
if LC_ALL=C sort -u "$work/listed" | cmp -s - "$work/listed"; then
  echo "ok $i - $potfiles is sorted without duplicates"
else
  echo "not ok $i - $potfiles is sorted without duplicates"
  echo "# sort it in byte order (LC_ALL=C sort -u); the lines to change:"
  LC_ALL=C sort -u "$work/listed" | diff "$work/listed" - | sed 's/^/# /'
  failed=$((failed + 1))
fi

[ "$failed" -eq 0 ]
