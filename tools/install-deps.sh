#!/usr/bin/env bash
# Installs the Debian 12 packages Sightline builds, runs and tests with.
# Idempotent: installs only what is missing, and skips apt entirely when nothing is.
set -euo pipefail
packages=(
  build-essential cmake ninja-build ccache pkg-config
  qt6-base-dev qt6-base-dev-tools qt6-svg-dev qt6-pdf-dev qt6-positioning-dev qt6-qpa-plugins
  libqt6svg6 libxkbcommon-dev libgl-dev qtkeychain-qt6-dev
  libgdal-dev gdal-bin libsqlite3-dev libkml-dev libproj-dev proj-data libgeographiclib-dev
  catch2 poppler-utils fonts-dejavu-core
  gpsd-clients clang-14 libfuzzer-14-dev libclang-rt-14-dev
  postgresql-15-postgis-3 postgresql-client-15
  python3 desktop-file-utils appstream libxml2-utils man-db shared-mime-info dpkg-dev xz-utils
)
if [ "${1:-}" = "--bench" ]; then
  packages+=(python3-gdal python3-numpy bc time)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "Installing: ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
