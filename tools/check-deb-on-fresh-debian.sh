#!/usr/bin/env bash
# Installs a Sightline .deb into a fresh, minimal Debian 12 (debootstrap) with apt, as a user's
# machine would, and runs it there: the version, a headless render of a file and the help.
# Needs root and Debian's mirror; not a test (the network and ten minutes it takes).
# Usage: tools/check-deb-on-fresh-debian.sh sightline_VERSION_amd64.deb [ROOT_DIR]
set -euo pipefail
deb=$(realpath "$1")
root=${2:-$(mktemp -d /var/tmp/sightline-deb12.XXXXXX)}
command -v debootstrap >/dev/null || apt-get install -y -qq debootstrap >/dev/null
if [ ! -x "$root/usr/bin/apt-get" ]; then
  debootstrap --variant=minbase bookworm "$root" http://deb.debian.org/debian >/dev/null
fi
mount --bind /proc "$root/proc"
trap 'umount "$root/proc"' EXIT
cp "$deb" "$root/tmp/"
name=$(basename "$deb")
chroot "$root" /bin/sh -ec "
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq /tmp/$name >/dev/null
  dpkg -s sightline | grep -E '^(Status|Version):'
  sightline --version
  sightline --help | head -3
  man -w sightline 2>/dev/null || ls /usr/share/man/man1/sightline.1.gz
  ls /usr/share/applications/org.sightline.Sightline.desktop /usr/share/metainfo/org.sightline.Sightline.metainfo.xml
  gdal_translate --version >/dev/null 2>&1 || true
"
# A render with no display: the demo's basemap, written by the installed program inside the new system.
cp "$(dirname "$0")/../resources/demo/basemap_fareast_landsea.tif" "$root/tmp/basemap.tif"
chroot "$root" sightline render /tmp/basemap.tif --size 320x200 -o /tmp/basemap.png
chroot "$root" sh -c 'ls -l /tmp/basemap.png'
echo "installed and ran in $root"
