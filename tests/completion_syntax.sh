#!/bin/sh
# A completion script parses in its shell: `zsh -n` for completions/_innov, `fish --no-execute` for
# completions/innov.fish. Skipped (exit 77) when the shell is not installed.
# Usage: completion_syntax.sh zsh|fish FILE
shell=$1 file=$2
if ! command -v "$shell" >/dev/null 2>&1; then
  echo "completion_syntax: SKIPPED: $shell is not installed (apt-get install $shell)"
  exit 77
fi
case $shell in
  zsh) zsh -n "$file" ;;
  fish) fish --no-execute "$file" ;;
  *) echo "completion_syntax: unknown shell '$shell'"; exit 2 ;;
esac
status=$?
[ $status -eq 0 ] && echo "completion_syntax: $file parses in $shell"
exit $status
