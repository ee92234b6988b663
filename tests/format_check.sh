#!/usr/bin/env bash
# The tree is formatted with .clang-format: clang-format --dry-run -Werror on every tracked C++ file.
# Skipped (exit 77) without clang-format or outside a git checkout.
# Usage: format_check.sh SOURCE_DIR
set -u
cd "$1" || exit 4
command -v clang-format >/dev/null || { echo "skip: clang-format is not installed"; exit 77; }
git rev-parse --is-inside-work-tree >/dev/null 2>&1 || { echo "skip: not a git checkout"; exit 77; }
files=$(git ls-files '*.cpp' '*.hpp')
[ -n "$files" ] || { echo "no C++ file tracked" >&2; exit 1; }
# shellcheck disable=SC2086
if ! clang-format --dry-run -Werror $files; then
  echo "format_check: run 'clang-format -i' on the files above (clang-format $(clang-format --version | grep -o '[0-9][0-9.]*' | head -1))" >&2
  exit 1
fi
echo "format_check: $(echo "$files" | wc -l) files formatted"
