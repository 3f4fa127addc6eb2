#!/usr/bin/env bash
# build-aux/run.sh — install what is missing, build, create the demo database
# on first use, and open Vigil on it.
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   build-aux/run.sh [VIGIL OPTIONS…]      e.g. build-aux/run.sh --view organization
#
# The demo database lives in build/demo.db; pass --db PATH to open another.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
. build-aux/deps.sh
vigil_install_missing "${vigil_build_packages[@]}" "${vigil_run_packages[@]}"

[ -f build/build.ninja ] || meson setup build
ninja -C build

export GSETTINGS_SCHEMA_DIR="$top/build/data"
db="$top/build/demo.db"
for arg in "$@"; do
  case $arg in --db|--db=*) db="";; esac
done
if [ -n "$db" ]; then
  if [ ! -f "$db" ]; then
    echo "Creating the demo organisation in $db"
    build/src/vigilctl --db "$db" demo
  fi
  exec build/src/vigil --db "$db" "$@"
fi
exec build/src/vigil "$@"
