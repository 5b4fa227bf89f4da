#!/usr/bin/env bash
# Configures (once) and builds Sightline in build/, warnings as errors.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
if [ ! -f build/CMakeCache.txt ]; then
  cmake --preset default >/dev/null
fi
cmake --build build --parallel "$(nproc)"
