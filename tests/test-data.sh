#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The built data files, as TAP: the merged desktop entry and metainfo validate and
# carry the Russian translation, the schema is strict and compiled into
# <build>/data with its defaults, the Russian catalogue is where the uninstalled
# application looks for it, and the icons are what the icon theme expects.
#
# Usage: test-data.sh SRCDIR BUILDDIR

set -u
srcdir=${1:?usage: test-data.sh SRCDIR BUILDDIR}
builddir=${2:?usage: test-data.sh SRCDIR BUILDDIR}
app_id=ru.libfl.AwardDesk
desktop="$builddir/data/$app_id.desktop"
metainfo="$builddir/data/$app_id.metainfo.xml"
mo="$builddir/po/ru/LC_MESSAGES/award-desk.mo"
scalable="$srcdir/data/icons/hicolor/scalable/apps/$app_id.svg"
symbolic="$srcdir/data/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"
ru_name='Премия — секретариат'

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
n=0
failed=0

# check DESCRIPTION COMMAND…: one TAP line; the command's output becomes diagnostics.
check() {
  n=$((n + 1))
  desc=$1
  shift
  if "$@" > "$work/out" 2>&1; then
    echo "ok $n - $desc"
  else
    echo "not ok $n - $desc"
    sed 's/^/# /' "$work/out"
    failed=$((failed + 1))
  fi
}
skip() { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }

# Helpers, each an ordinary command so that check can run it.
has_line() { grep -Fxq -- "$2" "$1" || { echo "$1 has no line '$2'"; return 1; }; }
desktop_launches() {
  has_line "$1" "Icon=$app_id" && has_line "$1" "Exec=award-desk"
}
appstream_clean() {
  # Errors and warnings fail; info and pedantic hints (the id's capitals) do not.
  appstreamcli validate --no-net --no-color "$1"
}
metainfo_has_ru() {
  n_ru=$(xmllint --xpath "count(/component/name[@xml:lang='ru'][. = '$ru_name'])" "$1") || return 1
  n_p=$(xmllint --xpath "count(/component/description/p[@xml:lang='ru'])" "$1") || return 1
  echo "Russian name: $n_ru, Russian description paragraphs: $n_p"
  [ "$n_ru" = 1 ] && [ "$n_p" -ge 3 ]
}
gsettings_is() {
  want=$1
  shift
  got=$(GSETTINGS_SCHEMA_DIR="$builddir/data" GSETTINGS_BACKEND=memory gsettings "$@" 2>&1 | tr '\n' ' ' | sed 's/ $//')
  echo "gsettings $*: '$got', expected '$want'"
  [ "$got" = "$want" ]
}
schema_keys_documented() {
  all=$(xmllint --xpath 'count(//key)' "$1")
  documented=$(xmllint --xpath 'count(//key[summary and description])' "$1")
  echo "$documented of $all keys have a summary and a description"
  [ "$all" -gt 0 ] && [ "$all" = "$documented" ]
}
mo_translates() {
  msgunfmt "$mo" > "$work/mo.po" || return 1
  grep -A1 -Fx 'msgid "Award Desk"' "$work/mo.po" | grep -Fxq "msgstr \"$ru_name\"" \
    || { echo "$mo does not translate \"Award Desk\" as «$ru_name»"; return 1; }
}
gettext_finds() {
  got=$(TEXTDOMAINDIR="$builddir/po" LANGUAGE=ru LC_ALL=ru_RU.UTF-8 gettext -d award-desk "Award Desk")
  echo "gettext under ru_RU.UTF-8 with TEXTDOMAINDIR=$builddir/po: '$got'"
  [ "$got" = "$ru_name" ]
}
svg_viewbox() {
  got=$(xmllint --xpath 'string(/*[local-name()="svg"]/@viewBox)' "$1") || return 1
  echo "$1: viewBox '$got', expected '$2'"
  [ "$got" = "$2" ]
}
symbolic_single_colour() {
  others=$(grep -Eoi '#[0-9a-f]{6}\b|#[0-9a-f]{3}\b|rgba?\(' "$1" | grep -vix '#2e3436' | sort -u)
  [ -z "$others" ] || { echo "colours other than #2e3436: $others"; return 1; }
}

check "desktop-file-validate accepts the merged desktop entry" desktop-file-validate "$desktop"
check "the desktop entry carries the Russian name" has_line "$desktop" "Name[ru]=$ru_name"
check "the desktop entry names the icon and the executable" \
  desktop_launches "$desktop"
check "appstreamcli validate --no-net accepts the merged metainfo" appstream_clean "$metainfo"
check "the metainfo carries the Russian name and description" metainfo_has_ru "$metainfo"
check "glib-compile-schemas --strict --dry-run accepts data/" \
  glib-compile-schemas --strict --dry-run "$srcdir/data"
check "every schema key has a summary and a description" \
  schema_keys_documented "$srcdir/data/$app_id.gschema.xml"
check "the schema is compiled into <build>/data" test -f "$builddir/data/gschemas.compiled"
check "window-width defaults to 1100" gsettings_is 1100 get "$app_id" window-width
check "blind-mode defaults to true" gsettings_is true get "$app_id" blind-mode
check "backups-kept is limited to 1..100" gsettings_is "range i 1 100" range "$app_id" backups-kept
check "the Russian catalogue is built at <build>/po/ru/LC_MESSAGES/award-desk.mo" mo_translates
if locale -a 2>/dev/null | grep -qix 'ru_RU.utf-\{0,1\}8'; then
  check "gettext finds the Russian name through TEXTDOMAINDIR=<build>/po" gettext_finds
else
  skip "gettext finds the Russian name through TEXTDOMAINDIR=<build>/po" "no ru_RU.UTF-8 locale"
fi
check "the app icon is well-formed SVG" xmllint --noout "$scalable"
check "the app icon has a 128×128 viewBox" svg_viewbox "$scalable" "0 0 128 128"
check "the symbolic icon is well-formed SVG" xmllint --noout "$symbolic"
check "the symbolic icon has a 16×16 viewBox" svg_viewbox "$symbolic" "0 0 16 16"
check "the symbolic icon uses no colour but #2e3436" symbolic_single_colour "$symbolic"

# The plan comes last: TAP allows it, and the count cannot drift from the checks.
echo "1..$n"
[ "$failed" -eq 0 ]
