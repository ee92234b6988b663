#!/usr/bin/env bash
# The fish completion of completions/innov.fish in a real fish: `complete -C LINE` prints what fish
# would offer at the end of LINE. Dynamic values come from the built innov; the --opt=value form
# completes like --opt value. Skipped (exit 77) without fish.
# Usage: completion_fish.sh INNOV_BINARY SOURCE_DIR
set -u
innov=$1 src=$2
command -v fish > /dev/null || { echo "completion_fish: SKIPPED: fish is not installed"; exit 77; }
PATH="$(cd "$(dirname "$innov")" && pwd):$PATH"
export PATH
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$src/tests/fixtures/base" "$work/p"
cd "$work/p" || exit 1
export HOME=$work XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data

fail=0
expect() { # "EXPECTED" LINE: the sorted candidates (without descriptions)
  local want=$1 line=$2 got
  got=$(fish --no-config -c "source '$src/completions/innov.fish'; complete -C '$line'" 2>&1 |
    cut -f1 | LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//')
  if [ "$got" != "$want" ]; then
    echo "completion_fish: FAILED: '$line' completes to '$got', expected '$want'"
    fail=1
  else
    echo "ok: '$line' -> $got"
  fi
}

expect "qualify queue" "innov qu"
expect "qualify" "innov qua"
expect "hdf idf" "innov idea new --region "
expect "--region=hdf" "innov idea new --region=h"
expect "--theme=numerique" "innov idea new --theme=n"
expect "k3m9xa2q" "innov qualify k3"
expect "qualified" "innov idea list --status q"
expect "--status=qualified" "innov idea list --status=q"
expect "idea need practice" "innov idea list --kind "
expect "hours_saved" "innov generalize realize k3m9 --metric h"
expect "innovation" "innov schema i"
expect "status:qualified" "innov idea list status:q"
expect "not:status:" "innov idea list not:sta"
expect "csv html json markdown text" "innov report funnel --format "
exit $fail
