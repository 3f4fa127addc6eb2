#!/usr/bin/env bash
# build-aux/test.sh — install what is missing, build, run every test headless
# (Xvfb), and end with the line "N passed, N failed".
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   build-aux/test.sh [MESON TEST OPTIONS…]   e.g. build-aux/test.sh --setup=asan
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
. build-aux/deps.sh
set +e
vigil_install_missing "${vigil_build_packages[@]}" "${vigil_run_packages[@]}" "${vigil_test_packages[@]}" \
  || { echo "0 passed, 1 failed"; exit 1; }

builddir=${VIGIL_BUILDDIR:-build}
setup_args=()
logname=testlog.txt
for arg in "$@"; do
  case $arg in
    --setup=*) logname=testlog-${arg#--setup=}.txt ;;&
    --setup=asan) builddir=${VIGIL_BUILDDIR:-build-asan}
                  setup_args=(-Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug) ;;
    --setup=valgrind) vigil_install_missing valgrind ;;
  esac
done
if [ ! -f "$builddir/build.ninja" ]; then
  meson setup "$builddir" "${setup_args[@]}" || { echo "0 passed, 1 failed"; exit 1; }
fi
ninja -C "$builddir" || { echo "0 passed, 1 failed"; exit 1; }

# A private X display and D-Bus session for the UI tests.  GTK's "test"
# accessibility backend needs no AT-SPI bus, and unlike "none" it gives
# widgets the accessible contexts the tests check.
export GSK_RENDERER=cairo GDK_BACKEND=x11 NO_AT_BRIDGE=1 GTK_A11Y=test
export XDG_RUNTIME_DIR=$(mktemp -d)
# meson names the log after the setup: testlog-asan.txt for --setup=asan
log="$builddir/meson-logs/$logname"
rm -f "$log"
xvfb-run -a -s "-screen 0 1440x900x24 -noreset" \
  dbus-run-session -- meson test -C "$builddir" --print-errorlogs --num-processes 2 "$@"
status=$?
rm -rf "$XDG_RUNTIME_DIR"

# meson's summary ("Ok: N", "Fail: N", …) turned into the one closing line.
ok=$(sed -n 's/^Ok:[[:space:]]*\([0-9]*\).*/\1/p' "$log" | tail -n 1)
expfail=$(sed -n 's/^Expected Fail:[[:space:]]*\([0-9]*\).*/\1/p' "$log" | tail -n 1)
fail=$(sed -n 's/^Fail:[[:space:]]*\([0-9]*\).*/\1/p' "$log" | tail -n 1)
unexpass=$(sed -n 's/^Unexpected Pass:[[:space:]]*\([0-9]*\).*/\1/p' "$log" | tail -n 1)
timeout=$(sed -n 's/^Timeout:[[:space:]]*\([0-9]*\).*/\1/p' "$log" | tail -n 1)
skipped=$(sed -n 's/^Skipped:[[:space:]]*\([0-9]*\).*/\1/p' "$log" | tail -n 1)
passed=$(( ${ok:-0} + ${expfail:-0} ))
failed=$(( ${fail:-0} + ${unexpass:-0} + ${timeout:-0} ))
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1
fi
echo "$passed passed, $failed failed, ${skipped:-0} skipped"
[ "$failed" -eq 0 ]
