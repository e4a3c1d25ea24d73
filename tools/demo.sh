#!/usr/bin/env bash
# Build gilt (release preset) and run the headline sample.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash tools/setup.sh
cmake --preset release
cmake --build --preset release

sample=samples/headline.py
if [[ ! -f "$sample" ]]; then
  echo "demo: $sample does not exist yet; gilt is built at build/release/gilt" >&2
  exit 1
fi
if [[ ! -x build/release/gilt ]]; then
  echo "demo: build/release/gilt was not built" >&2
  exit 1
fi
exec build/release/gilt "$sample"
