#!/usr/bin/env bash
# Install what building and testing gilt needs, from Debian 12 packages.
#
# Idempotent: checks each package with dpkg-query and installs only the
# missing ones (running apt-get update only then). Needs root to install;
# without root it lists what is missing and exits 1.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build ccache pkg-config clang-format
  libboost-context-dev libfmt-dev libgtest-dev libgmp-dev libmimalloc-dev libreadline-dev
  libssl-dev zlib1g-dev libsqlite3-dev libexpat1-dev
  python3 tzdata
)

missing=()
for pkg in "${PACKAGES[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
  if [[ "$status" != "installed" ]]; then
    missing+=("$pkg")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "setup: all build dependencies are installed"
  exit 0
fi

if [[ $(id -u) -ne 0 ]]; then
  echo "setup: missing Debian packages: ${missing[*]}" >&2
  echo "setup: install them as root with:" >&2
  echo "  apt-get update && apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi

echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends "${missing[@]}"
