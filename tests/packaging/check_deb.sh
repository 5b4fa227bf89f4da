#!/usr/bin/env bash
# Makes the Debian package with `cpack -G DEB` and checks it as dpkg will see it: its name,
# the libraries it depends on (read off the executable), the files it installs, and that the
# program it unpacks runs.
# Usage: check_deb.sh BUILD_DIR
set -euo pipefail
build=$1
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

(cd "$build" && cpack -G DEB -B "$out" >/dev/null) || fail "cpack -G DEB"
deb=$(ls "$out"/sightline_*_amd64.deb 2>/dev/null | head -1)
[ -n "$deb" ] || fail "cpack made no sightline_*_amd64.deb: $(ls "$out")"

depends=$(dpkg-deb -f "$deb" Depends)
for lib in libqt6widgets6 libqt6svg6 libgdal32 libproj25 fonts-dejavu-core; do
  grep -q "$lib" <<<"$depends" || fail "Depends lacks $lib: $depends"
done
[ "$(dpkg-deb -f "$deb" Package)" = sightline ] || fail "package name"
contents=$(dpkg-deb -c "$deb")
for f in ./usr/bin/sightline ./usr/share/applications/org.sightline.Sightline.desktop \
         ./usr/share/metainfo/org.sightline.Sightline.metainfo.xml ./usr/share/man/man1/sightline.1.gz \
         ./usr/share/icons/hicolor/scalable/apps/org.sightline.Sightline.svg; do
  grep -q " $f\$" <<<"$contents" || fail "the package does not install $f"
done
# Stripped: a package carries no debugging information.
dpkg-deb -x "$deb" "$out/root"
! readelf -S "$out/root/usr/bin/sightline" | grep -q '\.debug_info' || fail "the packaged executable is not stripped"
"$out/root/usr/bin/sightline" --version | grep -q '^sightline [0-9]' || fail "the packaged sightline does not run"
echo "$(basename "$deb"): $(du -k "$deb" | cut -f1) KiB; Depends: $depends"
