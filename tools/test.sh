#!/usr/bin/env bash
# Build a preset (default: release) and run every test: unit tests, the golden
# scripts under gilt, and the check that the golden expectations match CPython.
#
#   bash tools/test.sh            # release
#   bash tools/test.sh asan       # or debug, tsan
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

preset=${1:-release}

bash tools/setup.sh
cmake --preset "$preset"
cmake --build --preset "$preset"

status=0
ctest --preset "$preset" --output-on-failure -j2 || status=$?

if [[ $status -eq 0 ]]; then
  echo "test.sh: preset '$preset': all tests passed"
else
  echo "test.sh: preset '$preset': FAILED (ctest exit status $status)"
fi
exit "$status"
