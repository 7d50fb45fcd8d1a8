#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The README's first command: sets up the machine, builds, and runs Award Desk
# on the default database ($XDG_DATA_HOME/award-desk/awards.db), loading the
# sample round when that database holds no round yet. Extra arguments go to
# the application (for example --db PATH).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=$top/build

"$top/build-aux/setup.sh"
"$top/build-aux/build.sh" "$build"

export GSETTINGS_SCHEMA_DIR=$build/data
export AWARD_DESK_LOCALEDIR=$build/po

cli=$build/src/cli/award-desk-cli
db_args=()
if [ "${1:-}" = "--db" ] && [ -n "${2:-}" ]; then
  db_args=(--db "$2")
fi

# First run: create the database and load the sample round into it.
"$cli" "${db_args[@]}" init
if [ -z "$("$cli" "${db_args[@]}" rounds)" ]; then
  "$cli" "${db_args[@]}" import-xml "$top/data/sample-round.xml"
fi

exec "$build/src/gui/award-desk" "$@"
