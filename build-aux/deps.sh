#!/usr/bin/env bash
# build-aux/deps.sh — install the Debian 12 packages Vigil needs, if missing
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Sourced by run.sh and test.sh.  Runs apt-get only when something is
# missing, as root or through sudo.
set -euo pipefail

vigil_build_packages=(
  build-essential meson ninja-build pkg-config gettext
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev
  libsqlite3-dev libgraphviz-dev libjson-glib-dev libpoppler-glib-dev libcsv-dev
  libcairo2-dev libpango1.0-dev
  desktop-file-utils appstream python3
)
vigil_run_packages=(
  graphviz sqlite3 fonts-cantarell adwaita-icon-theme
)
vigil_test_packages=(
  xvfb xauth dbus dbus-x11 at-spi2-core xdotool x11-utils imagemagick
  poppler-utils libxml2-utils
)

vigil_install_missing () {
  local missing=()
  local pkg
  for pkg in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$pkg")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0

  echo "Installing: ${missing[*]}"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null; then
      sudo="sudo"
    else
      echo "These Debian packages are missing and I am not root: ${missing[*]}" >&2
      echo "Install them with: apt-get install ${missing[*]}" >&2
      exit 1
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -q
  $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
}
