#!/usr/bin/env bash
# Installs what is missing, builds with warnings as errors, and runs every test
# through CTest (offscreen; no display needed).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/tools/install-deps.sh"
"$root/tools/build.sh"
cd "$root/build"
QT_QPA_PLATFORM=offscreen ctest --output-on-failure --parallel "$(nproc)" --timeout 300
