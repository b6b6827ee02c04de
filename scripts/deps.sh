#!/usr/bin/env bash
# Installs what Meadows needs on Debian 12 (apt), skipping apt entirely when all is there.
# Qt Charts' CMake package is only found when libqt6opengl6-dev is installed.
set -euo pipefail
packages=(
  cmake g++ ninja-build python3
  qt6-base-dev qt6-charts-dev libqt6opengl6-dev qt6-svg-dev qt6-tools-dev qt6-l10n-tools
  libeigen3-dev libboost-dev pkg-config libgraphviz-dev graphviz libfreexl-dev libzip-dev
  xvfb xauth fonts-dejavu-core fonts-liberation2
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "Installing: ${missing[*]}"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${missing[@]}"
fi
