#!/usr/bin/env bash
# Fails when a tracked C++ file differs from what clang-format (with the
# repository's .clang-format) makes of it. Fix with:
#   git ls-files '*.cpp' '*.hpp' | xargs clang-format -i
# Exit 77 (skipped, to ctest) when clang-format is not installed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if ! command -v clang-format >/dev/null; then
  echo "check_format: clang-format not installed; skipped"
  exit 77
fi
mapfile -t files < <(git ls-files '*.cpp' '*.hpp')
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if clang-format --dry-run --Werror "${files[@]}" 2>"$log"; then
  echo "check_format: ${#files[@]} files formatted"
  exit 0
fi
grep -E '^[^ ].*: (error|warning):' "$log" | cut -d: -f1 | sort -u | sed 's/^/not formatted: /'
exit 1
