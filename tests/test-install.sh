#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# `meson install --destdir` puts the data files where the desktop finds them, as
# TAP: the desktop entry, the metainfo, the schema, both icons and the Russian
# catalogue, under the configured prefix.
#
# Usage: test-install.sh BUILDDIR

set -u
builddir=${1:?usage: test-install.sh BUILDDIR}
app_id=ru.libfl.AwardDesk
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT

# The configured prefix, datadir and localedir, as meson reports them.
option() {
  meson introspect --buildoptions "$builddir" \
    | python3 -c 'import json, sys; print(next(o["value"] for o in json.load(sys.stdin) if o["name"] == sys.argv[1]))' "$1"
}
prefix=$(option prefix)
datadir=$(option datadir)
localedir=$(option localedir)
case "$datadir" in /*) ;; *) datadir="$prefix/$datadir" ;; esac
case "$localedir" in /*) ;; *) localedir="$prefix/$localedir" ;; esac

if ! meson install -C "$builddir" --no-rebuild --destdir "$dest" > "$dest.log" 2>&1; then
  echo "1..1"
  echo "not ok 1 - meson install --destdir succeeds"
  sed 's/^/# /' "$dest.log"
  rm -f "$dest.log"
  exit 1
fi
rm -f "$dest.log"

n=0
failed=0
expect() {
  n=$((n + 1))
  if [ -s "$dest$1" ]; then
    echo "ok $n - installs $1"
  else
    echo "not ok $n - installs $1"
    failed=$((failed + 1))
  fi
}

echo "1..6"
expect "$datadir/applications/$app_id.desktop"
expect "$datadir/metainfo/$app_id.metainfo.xml"
expect "$datadir/glib-2.0/schemas/$app_id.gschema.xml"
expect "$datadir/icons/hicolor/scalable/apps/$app_id.svg"
expect "$datadir/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"
expect "$localedir/ru/LC_MESSAGES/award-desk.mo"
[ "$failed" -eq 0 ]
