#!/usr/bin/env bash
# --rev and --as-of agree: on a history whose commits are dated the day of the facts they record
# (the example portfolio, then a year of facts recorded by innov's own commands, each committed on
# its day), every report at the last commit of day D with --as-of D is byte-identical to the same
# report with --as-of D on today's portfolio. A fact recorded after D that leaks into --as-of D
# (or one that --as-of drops although it was recorded by D) makes them differ.
# Usage: rev_asof.sh INNOV_BINARY
set -u
. "$(dirname "$0")/git_test_lib.sh" rev_asof "$1"
examples=$(cd "$(dirname "$0")/../examples/pole-emploi" && pwd)
export INNOV_REV_CACHE=$work/revisions

mkdir "$work/repo"
cd "$work/repo" || exit 1
git init -q
cp -r "$examples" p
rm -rf p/.innov
commit_at 2017-12-29 "the example portfolio"

step() { # DATE MESSAGE innov-arguments...: runs innov in p, commits on DATE
  local date=$1 message=$2
  shift 2
  "$innov" -C p -q "$@" >"$work/out" || {
    echo "$test_name: FAILED: innov $* ($date)"
    exit 1
  }
  commit_at "$date" "$message"
}
step 2018-01-08 "deposit" idea new --title "Entretiens d'embauche en visio" --author agent-101 \
  --region hdf --unit agence-lille-centre --created 2018-01-08 --at 2018-01-08 --no-similar
id=$(cat "$work/out")
step 2018-01-15 "a like" idea like "$id" --by agent-102 --at 2018-01-15
step 2018-01-16 "a comment" idea comment "$id" --author agent-103 --text "Utile en zone rurale" \
  --at 2018-01-16T09:00:00Z
step 2018-02-01 "qualified" qualify "$id" --expert expert-hdf-2 --region hdf --decision go \
  --score value_jobseekers=4 --score value_employers=4 --score value_staff=3 --score feasibility=4 \
  --score scalability=4 --rationale "Simple à déployer" --at 2018-02-01
export INNOV_USER=agent-12001 # a member of dr-hdf
step 2018-03-01 "POC planned" poc plan "$id" --format demonstrator --territory agence-lille-centre --territory agence-roubaix \
  --start 2018-03-05 --end 2018-06-29 --budget 20000 \
  --kpi "no_show:Absences aux entretiens:percent:down:30:20:must" --by dr-hdf --at 2018-03-01
step 2018-03-05 "POC started" poc start "$id" --by dr-hdf --at 2018-03-05
step 2018-04-30 "measured" poc measure "$id" --kpi no_show=24 --spent 8000 --at 2018-04-30
step 2018-06-28 "measured" poc measure "$id" --kpi no_show=18 --spent 9000 --at 2018-06-28
step 2018-06-29 "POC closed" poc close "$id" --outcome success --lessons "Tester la connexion avant" \
  --by dr-hdf --at 2018-06-29
export INNOV_USER=agent-10001 # a member of the national committee
step 2018-07-10 "generalized" generalize "$id" --decision go --by comite-national-innovation \
  --wave hdf:2018-09-01 --projected hours_saved=30000/year --at 2018-07-10
step 2018-09-03 "rolled out" generalize rollout "$id" --region hdf --done 2018-09-03 \
  --by comite-national-innovation
step 2018-10-15 "realized" generalize realize "$id" --period 2018-Q3 --metric hours_saved \
  --amount 6000 --region hdf --by comite-national-innovation
export INNOV_USER=agent-1
# Facts on records of the example: a deposit withdrawn by its author, a like.
old=$(grep -l '^status: submitted$' p/innovations/*/*.yaml | head -1)
old_id=$(basename "$old" .yaml)
step 2018-11-05 "withdrawn" idea withdraw "$old_id" --by "$(sed -n 's/^author: //p' "$old")" \
  --at 2018-11-05
step 2018-11-20 "a like" idea like "$old_id" --by agent-104 --at 2018-11-20
check "the history validates" "$innov" -C p validate -q

for day in 2017-12-31 2018-01-15 2018-02-28 2018-05-01 2018-06-30 2018-08-31 2018-09-30 \
  2018-11-10 2018-12-31; do
  rev=$(git rev-list -1 --before="${day}T23:59:59Z" HEAD)
  for r in cycle-time funnel participation pipeline regions review value; do
    at_rev=$("$innov" -C p report "$r" --format json --no-meta --as-of "$day" --rev "$rev" 2>&1)
    now=$("$innov" -C p report "$r" --format json --no-meta --as-of "$day" 2>&1)
    if [ "$at_rev" = "$now" ] && [ -n "$now" ]; then
      echo "ok: report $r --as-of $day is the report at the last commit of that day"
    else
      echo "$test_name: FAILED: report $r --as-of $day differs from --rev ${rev:0:7} (< at that commit, > today)"
      diff <(echo "$at_rev") <(echo "$now") | head -8
      fail=1
    fi
  done
done
exit $fail
