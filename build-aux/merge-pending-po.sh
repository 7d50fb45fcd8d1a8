#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Fold the translation fragments in po/pending/*.po into po/ru.po.
#
# Engineers working in parallel do not edit ru.po; each writes the Russian for
# their own strings into po/pending/<name>.po. This script, run once by the lead:
#   1. extracts a fresh template from po/POTFILES.in (same arguments as meson's
#      'glib' preset, see po-common.sh);
#   2. brings ru.po up to that template without fuzzy matching, so only current
#      msgids remain and no guessed translation appears;
#   3. fills it from the fragments: ru.po's own finished translations win, then the
#      fragments in name order (a fragment's `#, fuzzy` flag is dropped: its author
#      meant the translation), and what is still open stays open;
#   4. merges the result against the template again and drops obsolete entries.
# It prints fragment msgids that are not in the template (stale or mistyped),
# msgids translated differently by two fragments, and whatever is still untranslated
# or fuzzy. Exit status: 0 when ru.po ends complete, 1 when something is still open,
# 2 on a tool error. The fragments are left in place; delete them once merged.
#
# Usage: build-aux/merge-pending-po.sh [SRCDIR]   (default: the checkout holding this script)

set -eu

here=$(cd "$(dirname "$0")" && pwd)
srcdir=${1:-$(dirname "$here")}
srcdir=$(cd "$srcdir" && pwd)
. "$here/po-common.sh"

po="$srcdir/po/ru.po"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fail() { echo "merge-pending-po: $*" >&2; exit 2; }

awd_make_pot "$srcdir" "$work/template.pot" || fail "xgettext failed"

if [ ! -f "$po" ]; then
  msginit --no-translator --locale=ru_RU.UTF-8 --input="$work/template.pot" \
    --output-file="$po" || fail "msginit failed"
fi

# 2. Current msgids only, no fuzzy guesses.
msgmerge --quiet --force-po --no-fuzzy-matching --output-file="$work/current.po" "$po" "$work/template.pot" \
  || fail "msgmerge of ru.po failed"
msgattrib --force-po --no-obsolete --output-file="$work/current.po" "$work/current.po"
msgattrib --force-po --translated --no-fuzzy --output-file="$work/done.po" "$work/current.po"

# 3. The fragments, each with a UTF-8 header and its fuzzy flags cleared.
set --
for f in "$srcdir"/po/pending/*.po; do
  [ -e "$f" ] || continue
  name=$(basename "$f")
  # A fragment's own comments (such as a note at its top, which PO would attach
  # to its first message) are not for ru.po.
  sed -e '/^#[[:space:]]/d' -e '/^#$/d' "$f" > "$work/nocomment-$name"
  awd_po_with_header "$work/nocomment-$name" "$work/raw-$name"
  msgfmt --check-format --output-file=/dev/null "$work/raw-$name" \
    || fail "$f is not a valid PO file"
  msgattrib --force-po --clear-fuzzy --translated --no-obsolete --output-file="$work/frag-$name" "$work/raw-$name"
  set -- "$@" "$work/frag-$name"
done

if [ $# -gt 0 ]; then
  # Two fragments that disagree: msgcat without --use-first marks them fuzzy.
  if [ $# -gt 1 ]; then
    msgcat --force-po --more-than=1 --output-file="$work/dups.po" "$@"
    msgattrib --only-fuzzy --no-wrap "$work/dups.po" 2>/dev/null | grep '^msgid "..*"' \
      | sed 's/^msgid /merge-pending-po: fragments disagree (first one wins): /' >&2 || true
  fi
  # Fragment msgids that the sources no longer have.
  msgcat --force-po --use-first --output-file="$work/pending.po" "$@"
  msgcomm --less-than=2 --unique --no-wrap "$work/pending.po" "$work/template.pot" 2>/dev/null \
    | msgcomm --more-than=1 --no-wrap - "$work/pending.po" 2>/dev/null \
    | grep '^msgid "..*"' \
    | sed 's/^msgid /merge-pending-po: not in the sources (ignored): /' >&2 || true
  msgcat --force-po --use-first --output-file="$work/combined.po" "$work/done.po" "$work/pending.po" "$work/current.po"
else
  cp "$work/current.po" "$work/combined.po"
fi

# 4. Back onto the template: template order, current msgids only.
msgmerge --quiet --force-po --no-fuzzy-matching --output-file="$work/merged.po" "$work/combined.po" "$work/template.pot" \
  || fail "final msgmerge failed"
msgattrib --force-po --no-obsolete --output-file="$work/merged.po" "$work/merged.po"
msgfmt --check --output-file=/dev/null "$work/merged.po" || fail "the merged ru.po does not compile"
cp "$work/merged.po" "$po"

open=$(msgattrib --untranslated --no-wrap "$po" | grep -c '^msgid "..*"' || true)
fuzzy=$(msgattrib --only-fuzzy --no-wrap "$po" | grep -c '^msgid "..*"' || true)
msgfmt --statistics --output-file=/dev/null "$po"
if [ "$open" -gt 0 ] || [ "$fuzzy" -gt 0 ]; then
  { msgattrib --untranslated --no-wrap "$po"; msgattrib --only-fuzzy --no-wrap "$po"; } \
    | grep '^msgid "..*"' | sed 's/^msgid /merge-pending-po: still open: /' >&2
  exit 1
fi
exit 0
