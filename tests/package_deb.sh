#!/usr/bin/env bash
# `cpack -G DEB` makes innov_<version>_<arch>.deb with the maintainer and runtime dependencies;
# its files are in place; the packaged binary runs; apt-get would install it (simulated).
# Skipped (exit 77) without cpack or dpkg-deb.
# Usage: package_deb.sh BUILD_DIR
set -u
build=$(cd "$1" && pwd)
if ! command -v cpack > /dev/null || ! command -v dpkg-deb > /dev/null; then
  echo "package_deb: SKIPPED: cpack or dpkg-deb is not installed"
  exit 77
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
fail=0
check() { # message command...
  local message=$1
  shift
  if "$@"; then echo "ok: $message"; else echo "package_deb: FAILED: $message"; fail=1; fi
}
if ! (cd "$out" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$out") > "$out/cpack.log" 2>&1; then
  cat "$out/cpack.log"
  echo "package_deb: FAILED: cpack -G DEB"
  exit 1
fi
deb=$(ls "$out"/innov_*_*.deb 2> /dev/null | head -n 1)
check "the package is named innov_<version>_<arch>.deb" test -n "$deb"
[ -n "$deb" ] || exit 1
check "Package: innov" test "$(dpkg-deb -f "$deb" Package)" = innov
check "a maintainer" test -n "$(dpkg-deb -f "$deb" Maintainer)"
for lib in libyaml-cpp0.7 libfmt9 libsqlite3-0; do
  check "depends on $lib" bash -c "dpkg-deb -f '$deb' Depends | grep -q '$lib'"
done
dpkg-deb -c "$deb" > "$out/contents"
for f in ./usr/bin/innov ./usr/share/man/man1/innov.1 ./usr/share/bash-completion/completions/innov \
  ./usr/share/zsh/site-functions/_innov ./usr/share/fish/vendor_completions.d/innov.fish \
  ./usr/share/innov/schemas/innovation.schema.json; do
  check "contains $f" grep -q " $f\$" "$out/contents"
done
dpkg-deb -x "$deb" "$out/root"
check "the packaged innov runs" "$out/root/usr/bin/innov" --version
if command -v apt-get > /dev/null; then
  check "apt-get can install it (simulated)" bash -c "apt-get install -s '$deb' > '$out/apt.log' 2>&1 || { cat '$out/apt.log'; false; }"
fi
exit $fail
