#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Configures (once) and builds Award Desk in build/ (or $1).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
builddir=${1:-$top/build}
shift || true

if [ ! -f "$builddir/build.ninja" ]; then
  meson setup "$builddir" "$top" "$@" >/dev/null
fi
ninja -C "$builddir" >/dev/null
