#!/usr/bin/env bash
# `cmake --install` into a temporary prefix: the installed innov runs, its man page renders with
# `man -l`, the completions and schemas are where bash-completion, zsh, fish and editors look.
# Usage: install_test.sh BUILD_DIR
set -u
build=$(cd "$1" && pwd)
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
fail=0
check() { # message command...
  local message=$1
  shift
  if "$@"; then echo "ok: $message"; else echo "install_test: FAILED: $message"; fail=1; fi
}
if ! cmake --install "$build" --prefix "$prefix" > "$prefix/install.log" 2>&1; then
  cat "$prefix/install.log"
  echo "install_test: FAILED: cmake --install"
  exit 1
fi
innov=$prefix/bin/innov
check "the installed innov runs" bash -c "'$innov' --version | grep -Eq '^innov [0-9]+\.[0-9]+\.[0-9]+$'"
for f in share/man/man1/innov.1.gz share/bash-completion/completions/innov share/zsh/site-functions/_innov \
  share/fish/vendor_completions.d/innov.fish share/innov/schemas/innovation.schema.json \
  share/innov/schemas/portfolio.schema.json share/innov/schemas/challenge.schema.json \
  share/doc/innov/copyright share/doc/innov/changelog.gz share/doc/innov/docs/guide.md; do
  check "installs $f" test -s "$prefix/$f"
done
check "the installed schemas are the embedded ones" \
  bash -c "'$innov' schema innovation | cmp -s - '$prefix/share/innov/schemas/innovation.schema.json'"
check "the installed bash completion is the command tree's" \
  bash -c "'$innov' completion bash | cmp -s - '$prefix/share/bash-completion/completions/innov'"
if command -v man > /dev/null; then
  MANWIDTH=80 man -l "$prefix/share/man/man1/innov.1.gz" > "$prefix/man.txt" 2> "$prefix/man.err"
  check "man -l renders the page" test -s "$prefix/man.txt"
  check "the page names the program" grep -q "innov - govern an innovation portfolio" "$prefix/man.txt"
  check "the page documents every command" bash -c "grep -q 'innov merge-file' '$prefix/man.txt' && grep -q 'innov report funnel' '$prefix/man.txt'"
  check "man reports no formatting problem" test ! -s "$prefix/man.err"
  for var in INNOV_PORTFOLIO INNOV_NO_CACHE INNOV_USER INNOV_NOW SOURCE_DATE_EPOCH INNOV_REV_CACHE \
    INNOV_REV_CACHE_MB XDG_CACHE_HOME INNOV_NO_THP GITHUB_ACTIONS NO_COLOR; do
    check "the page documents $var" grep -q "$var" "$prefix/man.txt"
  done
else
  echo "install_test: man is not installed (apt-get install man-db): the page is not rendered"
fi
exit $fail
