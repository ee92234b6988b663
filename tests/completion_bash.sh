#!/usr/bin/env bash
# The bash completion of completions/innov.bash in a real bash: COMP_WORDS / COMP_CWORD set as
# bash sets them, _innov called, COMPREPLY checked. Dynamic values come from the built innov.
# Usage: completion_bash.sh INNOV_BINARY SOURCE_DIR
set -u
innov=$1 src=$2
PATH="$(cd "$(dirname "$innov")" && pwd):$PATH"
export PATH
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$src/tests/fixtures/base" "$work/p"
cd "$work/p" || exit 1
# shellcheck source=/dev/null
source "$src/completions/innov.bash"

fail=0
# candidates WORD...: the sorted candidates when the cursor ends the last word.
candidates() {
  COMP_WORDS=("$@")
  COMP_CWORD=$(($# - 1))
  COMP_LINE="$*"
  COMP_POINT=${#COMP_LINE}
  COMPREPLY=()
  _innov innov "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
  printf '%s\n' "${COMPREPLY[@]}" | LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//'
}
expect() { # "EXPECTED" WORD...
  local want=$1
  shift
  local got
  got=$(candidates "$@")
  if [ "$got" != "$want" ]; then
    echo "completion_bash: FAILED: '$*' completes to '$got', expected '$want'"
    fail=1
  else
    echo "ok: '$*' -> $got"
  fi
}

expect "qualify queue" innov q
expect "qualify" innov qua
expect "challenges cycle-time funnel participation pipeline poc regions review value" innov report ""
expect "k3m9xa2q" innov qualify k3
expect "7d2hq4wz k3m9xa2q" innov qualify ""
expect "csv html json markdown text" innov report funnel --format ""
expect "csv html json markdown text" innov report funnel --format = ""
expect "json junit" innov validate --format j
expect "json junit" innov validate --format = j
expect "hdf idf" innov idea new --title "Un titre" --region ""
expect "numerique" innov idea new --theme n
expect "--color" innov --co
expect "bash fish zsh" innov completion ""
expect "comment edit like link list merge new show similar unlike unlink withdraw" innov idea ""
expect "7d2hq4wz check k3m9xa2q realize rollout" innov generalize ""
expect "check" innov generalize c
expect "7d2hq4wz" innov generalize 7
expect "go hold kill recycle" innov generalize k3m9 --decision ""
expect "comite-national-innovation" innov generalize k3m9 --by c
expect "mobilite-2016" innov idea new --challenge m
expect "expert-hdf-2" innov qualify k3m9 --expert exp
expect "csv json" innov export ""
expect "" innov qualify k3m9xa2q --rationale ""
# Enumerated values: statuses, kinds, sources, sort keys, metrics, schema names, query terms.
expect "qualified" innov idea list --status q
expect "idea need practice" innov idea list --kind ""
expect "challenge citizen" innov idea list --source c
expect "likes" innov idea list --sort "l"
expect "hours_saved" innov generalize realize k3m9 --metric h
expect "innovation" innov schema i
expect "status:" innov idea list sta
expect "status:qualified" innov idea list status:q
cd /
expect "k3m9xa2q" innov -C "$work/p" idea show k
expect "k3m9xa2q" innov --portfolio "$work/p" poc start k

exit $fail
