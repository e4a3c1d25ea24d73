#!/usr/bin/env bash
# The find_package(gilt) path of a host application, end to end: installs
# the build tree $1 into a scratch prefix, configures samples/embed ($2)
# against it as an out-of-tree project, builds it, and runs each sample on
# its script. Exit 0 only if every step works.
#
#   bash tests/check_embed_package.sh build/release samples/embed
set -euo pipefail
build=$(cd "$1" && pwd)
samples=$(cd "$2" && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

cmake --install "$build" --prefix "$scratch/prefix" >/dev/null
cmake -S "$samples" -B "$scratch/build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_PREFIX_PATH="$scratch/prefix" >/dev/null
cmake --build "$scratch/build" -j 2 >/dev/null

cd "$samples"
"$scratch/build/embed_host" script.py >/dev/null 2>&1
"$scratch/build/embed_async_host" async_script.py | grep -q "timed out"
"$scratch/build/embed_typed_host" typed_script.py | grep -q "account of bob closed"
echo "check_embed_package: installed, built and ran the samples with find_package(gilt)"
