#!/usr/bin/env bash
# `cpack -G DEB` makes innov_<version>_<arch>.deb with the maintainer and runtime dependencies;
# its files are in place; the packaged binary runs; lintian finds nothing (when installed); as
# root, dpkg installs it and Debian's zsh finds the completion from the installed path (then the
# package is removed again). Skipped (exit 77) without cpack or dpkg-deb.
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
for f in ./usr/bin/innov ./usr/share/man/man1/innov.1.gz ./usr/share/bash-completion/completions/innov \
  ./usr/share/zsh/vendor-completions/_innov ./usr/share/fish/vendor_completions.d/innov.fish \
  ./usr/share/innov/schemas/innovation.schema.json ./usr/share/doc/innov/copyright \
  ./usr/share/doc/innov/changelog.gz; do
  check "contains $f" grep -q " $f\$" "$out/contents"
done
dpkg-deb -x "$deb" "$out/root"
check "the packaged innov runs" "$out/root/usr/bin/innov" --version
if command -v apt-get > /dev/null; then
  check "apt-get can install it (simulated)" bash -c "apt-get install -s '$deb' > '$out/apt.log' 2>&1 || { cat '$out/apt.log'; false; }"
fi
if command -v lintian > /dev/null; then
  # --tag-display-limit 0: every tag; errors and warnings fail (info and pedantic tags are shown).
  lintian --tag-display-limit 0 "$deb" > "$out/lintian.log" 2>&1
  cat "$out/lintian.log"
  check "lintian reports no error or warning" bash -c "! grep -Eq '^[EW]: ' '$out/lintian.log'"
else
  echo "package_deb: lintian is not installed (apt-get install lintian): not checked"
fi
if [ "$(id -u)" = 0 ] && command -v dpkg > /dev/null && command -v zsh > /dev/null \
  && ! dpkg -s innov > /dev/null 2>&1; then
  if dpkg -i "$deb" > "$out/dpkg.log" 2>&1; then
    check "dpkg installs /usr/bin/innov" test -x /usr/bin/innov
    # A fresh zsh (no rc files) with Debian's default fpath: compinit registers innov's completion
    # from the installed file, and the function it names is the one of _innov.
    check "zsh finds the installed completion" zsh -fc \
      'autoload -Uz compinit && compinit -u -D && [[ ${_comps[innov]} == _innov ]] && [[ -n ${^fpath}/_innov(N) ]]'
    check "zsh completes innov's commands from it" bash -c "zsh -fc 'autoload -Uz compinit && compinit -u -D && autoload +X _innov && functions _innov' | grep -q 'merge-file'"
    dpkg -r innov > /dev/null 2>&1
  else
    cat "$out/dpkg.log"
    check "dpkg -i installs the package" false
  fi
else
  echo "package_deb: not root, no zsh, or innov already installed by dpkg: the installed package is not tried"
fi
exit $fail
