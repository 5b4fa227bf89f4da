#!/usr/bin/env bash
# Installs the build into a scratch prefix as `cmake --install` (and so the Debian package) does,
# and checks what makes it a desktop application: the launcher and AppStream data validate, the
# icon and the GeoPackage type are in place, the man page reads without warnings and describes
# every command, and the installed program runs.
# Usage: check_install.sh BUILD_DIR
set -euo pipefail
build=$1
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$prefix" >/dev/null
id=org.sightline.Sightline
for f in bin/sightline share/applications/$id.desktop share/metainfo/$id.metainfo.xml \
         share/icons/hicolor/scalable/apps/$id.svg share/mime/packages/$id.xml share/man/man1/sightline.1.gz; do
  [ -s "$prefix/$f" ] || fail "cmake --install put no $f"
done

desktop-file-validate "$prefix/share/applications/$id.desktop" || fail "desktop-file-validate"
grep -q '^Exec=sightline %F$' "$prefix/share/applications/$id.desktop" || fail "the launcher does not pass files"
grep -q '^MimeType=.*application/geopackage+sqlite3;' "$prefix/share/applications/$id.desktop" ||
  fail "the launcher does not open GeoPackages"
appstreamcli validate --no-net "$prefix/share/metainfo/$id.metainfo.xml" || fail "appstreamcli validate"
xmllint --noout "$prefix/share/icons/hicolor/scalable/apps/$id.svg" || fail "the icon is not well-formed SVG"

# The GeoPackage type: a file manager learns *.gpkg from the installed definition.
mkdir -p "$prefix/mime-db/packages"
cp "$prefix/share/mime/packages/$id.xml" "$prefix/mime-db/packages/"
update-mime-database "$prefix/mime-db" >/dev/null 2>&1 || fail "update-mime-database refused the type"
grep -q 'application/geopackage+sqlite3:\*\.gpkg' "$prefix/mime-db/globs2" || fail "*.gpkg not declared"

# The man page: no warnings from man, and a section for every command the program lists.
warnings=$(MANWIDTH=100 man --warnings -l "$prefix/share/man/man1/sightline.1.gz" 2>&1 >/dev/null || true)
[ -z "$warnings" ] || fail "man warns: $warnings"
page=$(MANWIDTH=200 man -l "$prefix/share/man/man1/sightline.1.gz" 2>/dev/null)
commands=$(QT_QPA_PLATFORM=offscreen "$prefix/bin/sightline" --help | sed -n '/^Commands:/,$p' | awk 'NR>1 && /^  [a-z]/ {print $1}')
[ -n "$commands" ] || fail "sightline --help lists no commands"
for c in $commands; do
  grep -q "^   sightline $c\$" <<<"$page" || fail "the man page has no section for '$c'"
done
for s in "ais decode" "ais import" "project info" "sightings list"; do
  grep -q "^   sightline $s\$" <<<"$page" || fail "the man page has no section for '$s'"
done

# The installed program runs from its new place.
"$prefix/bin/sightline" --version | grep -q '^sightline [0-9]' || fail "the installed sightline does not run"
echo "installed and checked: $(cd "$prefix" && find . -type f | wc -l) files"
