#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# ru.po is complete and current, as TAP:
#   1. ru.po compiles (msgfmt --check) and has the Russian header (Language,
#      Plural-Forms with three forms);
#   2. msgfmt --statistics finds no untranslated or fuzzy message in ru.po itself;
#   3. against a template extracted now from po/POTFILES.in (the same xgettext
#      arguments as meson's 'glib' preset), ru.po leaves no msgid untranslated or
#      fuzzy: every string the sources mark is translated. The missing msgids are
#      named.
#
# Usage: check-po.sh [SRCDIR]

set -u
here=$(cd "$(dirname "$0")" && pwd)
srcdir=${1:-$(dirname "$here")}
. "$here/po-common.sh"

po="$srcdir/po/ru.po"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0

ok()     { echo "ok $1 - $2"; }
not_ok() { echo "not ok $1 - $2"; failed=$((failed + 1)); }
# List the msgids (with their msgctxt) of a PO file given on stdin, as TAP diagnostics.
name_msgids() { grep -e "^msgctxt " -e "^msgid \"..*\"" | sed "s|^|# $1: |"; }

echo "1..3"

# 1
if msgfmt --check --output-file=/dev/null "$po" 2> "$work/msgfmt.err" \
   && grep -q '^"Language: ru\\n"$' "$po" \
   && grep -q '^"Plural-Forms: nplurals=3; plural=' "$po"; then
  ok 1 "ru.po compiles and has the Russian header"
else
  not_ok 1 "ru.po compiles and has the Russian header"
  sed 's/^/# /' "$work/msgfmt.err"
  grep -q '^"Language: ru\\n"$' "$po" || printf '%s\n' '# the header lacks "Language: ru\n"'
  grep -q '^"Plural-Forms: nplurals=3; plural=' "$po" || echo "# the header lacks Plural-Forms: nplurals=3; …"
fi

# 2
stats=$(LC_ALL=C msgfmt --statistics --output-file=/dev/null "$po" 2>&1)
case "$stats" in
  *untranslated*|*fuzzy*)
    not_ok 2 "ru.po has no untranslated or fuzzy message"
    echo "# $stats"
    msgattrib --untranslated --no-obsolete --no-wrap "$po" | name_msgids untranslated
    msgattrib --only-fuzzy --no-obsolete --no-wrap "$po" | name_msgids fuzzy
    ;;
  *)
    ok 2 "ru.po has no untranslated or fuzzy message"
    echo "# $stats"
    ;;
esac

# 3
if ! awd_make_pot "$srcdir" "$work/template.pot" 2> "$work/xgettext.err"; then
  not_ok 3 "ru.po translates every msgid of the sources"
  echo "# xgettext over po/POTFILES.in failed:"
  sed 's/^/# /' "$work/xgettext.err"
else
  msgmerge --quiet --force-po --no-fuzzy-matching --output-file="$work/merged.po" \
    "$po" "$work/template.pot"
  msgattrib --force-po --untranslated --no-obsolete --no-wrap --output-file="$work/open.po" "$work/merged.po"
  msgattrib --force-po --only-fuzzy --no-obsolete --no-wrap --output-file="$work/fuzzy.po" "$work/merged.po"
  n_open=$(grep -c '^msgid "..*"' "$work/open.po")
  n_fuzzy=$(grep -c '^msgid "..*"' "$work/fuzzy.po")
  if [ "$n_open" -eq 0 ] && [ "$n_fuzzy" -eq 0 ]; then
    ok 3 "ru.po translates every msgid of the sources"
  else
    not_ok 3 "ru.po translates every msgid of the sources"
    echo "# $n_open untranslated and $n_fuzzy fuzzy against a fresh template:"
    name_msgids untranslated < "$work/open.po"
    name_msgids fuzzy < "$work/fuzzy.po"
  fi
fi

[ "$failed" -eq 0 ]
