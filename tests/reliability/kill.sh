#!/usr/bin/env bash
# Fault injection: mutating commands killed with SIGKILL at random moments never leave a record
# half-written. A copy of examples/pole-emploi takes 200 mutations (like, unlike, comment, new, edit,
# qualify, poc measure, generalize rollout and realize, idea merge), each started in the background
# and killed after 0 to 30 ms, so that some die before, some during and some after their write.
# After every kill: `innov validate` passes and counts only real record files (atomic_write's
# temporary files `.NAME.tmp.PID.N`, and planted ones, are ignored by validate and idea list), a
# merged record's likes are in its target, a completed command's change is in its file, and the
# next command works. Then 20 rounds of: many files edited, `idea list` killed during its cache
# refresh; the next cached `idea list` and `report funnel` must equal their --no-cache output.
# Usage: kill.sh INNOV_BINARY SOURCE_DIR [COMMANDS]
set -u
innov=$1
src=$2
total=${3:-200}
test_name=kill
# shellcheck source=tests/reliability/setup.sh
source "$(dirname "$0")/setup.sh"
run() { # innov ARGS...: runs to completion, output in $work/out and $work/err
  "$innov" -C "$p" "$@" >"$work/out" 2>"$work/err"
}

# Record ids by status, and what the commands need from them (the files are in canonical form).
ids_with() { # STATUS...
  local s
  for s in "$@"; do
    grep -l "^status: $s\$" "$p"/innovations/*/*.yaml
  done | sed 's#.*/##; s#\.yaml$##' | sort
}
mapfile -t all < <(ids_with submitted needs-info on-hold qualified rejected poc-planned poc-running poc-done \
  generalized killed withdrawn)
mapfile -t awaiting < <(ids_with submitted needs-info on-hold)
mapfile -t running < <(ids_with poc-running)
mapfile -t rolled < <(for id in $(ids_with generalized); do
  f=$(ls "$p"/innovations/*/"$id".yaml)
  grep -q "^    scope: \[national\]" "$f" && echo "$id"
done)
file_of() { ls "$p"/innovations/*/"$1".yaml 2>/dev/null; }
kpi_of() { # the first KPI id of the record's last POC
  awk '/^  - id: p/ {k = ""} /^      - id: / && k == "" {k = $3} END {print k}' "$(file_of "$1")"
}
if ((${#all[@]} < 20 || ${#awaiting[@]} < 3 || ${#running[@]} < 2 || ${#rolled[@]} < 2)); then
  echo "kill: FAILED: the example portfolio lacks records in the needed states"
  exit 1
fi
# Duplicates to merge, each liked by its own person; a merge unites the likes into the target.
dups=()
for ((d = 1; d <= 20; ++d)); do
  id=$("$innov" -C "$p" -q idea new --title "Doublon $d" --region idf --created 2018-01-05 --at 2018-01-05 \
    --by "agent-$((50000 + d))" --no-similar) || exit 1
  "$innov" -C "$p" -q idea like "$id" --by "agent-$((51000 + d))" --at 2018-01-06 || exit 1
  dups+=("$id")
done
next_dup=0
# Every merged record's likes are in the record it was merged into.
merges_whole() {
  local f target like
  for f in $(grep -l '^merged_into: ' "$p"/innovations/2018/[!.]*.yaml); do
    target=$(file_of "$(sed -n 's/^merged_into: //p' "$f")")
    for like in $(sed -n 's/^  - {by: \([^,]*\), at: .*/\1/p' "$f"); do
      if ! grep -q "^  - {by: $like, at: " "$target"; then
        echo "$(basename "$f" .yaml) is merged into $(basename "$target" .yaml), which lacks its like $like"
        return 1
      fi
    done
  done
}
pick() { # ARRAY_NAME: one element at random
  local -n arr=$1
  echo "${arr[RANDOM % ${#arr[@]}]}"
}
scores="--score value_jobseekers=4 --score value_employers=3 --score value_staff=4 --score feasibility=4 --score scalability=3"
records() { find "$p/innovations" -name '[!.]*.yaml' | wc -l; }
challenges() { find "$p/challenges" -name '[!.]*.yaml' | wc -l; }
temps() { find "$p" -name '.*.tmp.*' | wc -l; }

# Planted temporary files with content that is no record at all: of a writer still running (this
# script), of writers that died (a PID above any pid_max).
year_dir=$(dirname "$(file_of "${all[0]}")")
running_tmp=$year_dir/.${all[0]}.yaml.tmp.$$.1
dead_tmp=$year_dir/.${all[1]}.yaml.tmp.2147483646.1
printf 'id: [broken\n' >"$running_tmp"
printf 'id: %s\ntitle: [half\n' "${all[1]}" >"$dead_tmp"
printf 'half a rec' >"$p/challenges/.mobilite-2016.yaml.tmp.2147483646.2"

# One mutation with its arguments in $cmd, and what a completed one must leave in $check_file:
# a line matching $check_re (empty: nothing to check).
next_command() { # N
  local n=$1 id kind
  at=$(printf '2018-03-01T10:%02d:%02dZ' $((n / 60)) $((n % 60)))
  kind=$((RANDOM % 11))
  if ((kind == 10 && next_dup == ${#dups[@]})); then
    kind=0
  fi
  check_file="" check_re=""
  case $kind in
    0 | 1)
      id=$(pick all)
      cmd=(idea like "$id" --by "agent-$((70000 + n))" --at "$at")
      check_file=$(file_of "$id") check_re="agent-$((70000 + n))"
      ;;
    2)
      id=$(pick all)
      cmd=(idea unlike "$id" --by "agent-$((70000 + RANDOM % n + 1))")
      ;;
    3)
      id=$(pick all)
      cmd=(idea comment "$id" --by "agent-$((80000 + n))" --text "Remarque numéro $n" --at "$at")
      check_file=$(file_of "$id") check_re="text: Remarque numéro $n\$"
      ;;
    4)
      cmd=(idea new --title "Idée interrompue $n" --region idf --theme numerique --created 2018-03-01 --at "$at"
        --by "agent-$((90000 + n))")
      ;;
    5)
      id=$(pick all)
      cmd=(idea edit "$id" --set "summary=Résumé réécrit $n")
      check_file=$(file_of "$id") check_re="^summary: Résumé réécrit $n\$"
      ;;
    6)
      id=$(pick awaiting)
      # hold and needs-info are allowed again from on-hold and needs-info; each expert once.
      local decision=hold
      ((n % 2)) && decision=needs-info
      cmd=(qualify "$id" --expert "expert-kill-$n" --region idf --decision "$decision" $scores --at "$at")
      check_file=$(file_of "$id") check_re="expert: expert-kill-$n\$"
      ;;
    7)
      id=$(pick running)
      cmd=(poc measure "$id" --kpi "$(kpi_of "$id")=$n.5" --spent "$((100000 + n))" --at "$at")
      check_file=$(file_of "$id") check_re="kpi: $(kpi_of "$id"), value: $n.5"
      ;;
    8)
      id=$(pick rolled)
      cmd=(generalize rollout "$id" --region occ --done "2018-03-$(printf %02d $((n % 28 + 1)))")
      check_file=$(file_of "$id") check_re="region: occ, planned: .*, done: 2018-03-$(printf %02d $((n % 28 + 1))), done_by: "
      ;;
    10)
      # a killed merge may have been written: a duplicate already merged is merged no more
      while ((next_dup < ${#dups[@]})) && grep -q '^status: merged' "$(file_of "${dups[next_dup]}")"; do
        next_dup=$((next_dup + 1))
      done
      if ((next_dup == ${#dups[@]})); then
        cmd=(idea like "${all[0]}" --by "agent-$((70000 + n))" --at "$at")
        return
      fi
      id=${dups[next_dup]}
      next_dup=$((next_dup + 1))
      cmd=(idea merge "$id" --into "$(pick awaiting)" --at "$at")
      check_file=$(file_of "$id") check_re="^merged_into: "
      ;;
    9)
      id=$(pick rolled)
      # one entry per period, metric and region: each run replaces the last one's
      cmd=(generalize realize "$id" --period 2018-Q1 --metric placements --amount "$((5000 + n))" --region idf
        --replace)
      check_file=$(file_of "$id") check_re="amount: $((5000 + n)),"
      ;;
  esac
}

killed=0
completed=0
killed_before=0   # no change in the file (of those whose change can be seen)
killed_writing=0  # a temporary file left behind
killed_after=0    # the change is in the file
for ((n = 1; n <= total; ++n)); do
  next_command "$n"
  delay=$((RANDOM % 31000))
  find "$p" -name '.*.tmp.*' | sort >"$work/temps.before"
  "$innov" -C "$p" -q "${cmd[@]}" >"$work/cmd.out" 2>"$work/cmd.err" &
  pid=$!
  sleep "$(printf '%d.%06d' $((delay / 1000000)) $((delay % 1000000)))"
  kill -KILL "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  rc=$?
  if ((rc == 128 + 9)); then
    killed=$((killed + 1))
    if [[ -n $(find "$p" -name '.*.tmp.*' | sort | comm -13 "$work/temps.before" -) ]]; then
      killed_writing=$((killed_writing + 1))
    elif [[ -n $check_file ]] && grep -q -- "$check_re" "$check_file"; then
      killed_after=$((killed_after + 1))
    elif [[ -n $check_file ]]; then
      killed_before=$((killed_before + 1))
    fi
  elif ((rc == 0)); then
    completed=$((completed + 1))
    if [[ -n $check_file ]] && ! grep -q -- "$check_re" "$check_file"; then
      problem "#$n '${cmd[*]}' completed but '$check_re' is not in $check_file"
    fi
  else
    problem "#$n '${cmd[*]}' exited $rc: $(cat "$work/cmd.err")"
  fi
  # Every record file parses and validates; only the real files are counted.
  if ! run validate; then
    problem "after #$n (${cmd[*]}, exit $rc, killed after $delay us): validate: $(cat "$work/out" "$work/err")"
    break
  fi
  merges_whole >/dev/null || problem "after #$n (${cmd[*]}, exit $rc, killed after $delay us): $(merges_whole)"
  # innov.yaml and the challenge files count as files, not records.
  want="$(($(records) + 1 + $(challenges))) files, $(records) records"
  if ! grep -q "^$want" "$work/out"; then
    problem "after #$n: validate says '$(cat "$work/out")', expected '$want' (temporary files taken for records?)"
  fi
  if ((n % 10 == 0)); then
    run idea list --format csv
    listed=$(($(wc -l <"$work/out") - 1))
    if ((listed != $(records))); then
      problem "after #$n: idea list shows $listed records, there are $(records) files"
    fi
  fi
  # The next command works: an unkilled like on a record the killed command may have touched.
  if ((rc != 0)) && ! run idea like "${all[n % ${#all[@]}]}" --by "agent-$((60000 + n))" --at "$at"; then
    problem "after #$n: the next command failed: $(cat "$work/err")"
  fi
  ((fail)) && break
done
# A completed write in the folder removes what dead writers left there, and only that.
run idea like "${all[0]}" --by agent-59999 --at 2018-03-02 || problem "the last like failed: $(cat "$work/err")"
[[ -e $dead_tmp ]] && problem "the temporary file of a dead writer is still in $year_dir after a write there"
[[ -e $running_tmp ]] || problem "the temporary file of a running writer was removed"
planted=$(find "$p" -name '.*.tmp.*' \( -name "*.tmp.$$.*" -o -name '*.tmp.2147483646.*' \) | wc -l)
leftover=$(($(temps) - planted))
echo "kill: $((n > total ? total : n)) commands run, $killed killed before completion, $completed completed," \
  "$leftover leftover temporary files of killed writers (plus $planted planted)"
echo "kill: of the killed commands whose change can be seen: $killed_before died before writing," \
  "$killed_writing while writing (temporary file left), $killed_after after the rename"
echo "kill: $next_dup duplicates merged or killed while merging; temporary files left by killed" \
  "writers are removed by the next write in their folder; $((($(date +%s%N) - started) / 1000000)) ms so far"
find "$p" -name '.*.tmp.*' | sed "s#^$p/#  #"
if ((fail)); then
  exit 1
fi

# Kills during a cache refresh: many files change, `idea list` dies while re-reading them.
refresh_killed=0
epoch=$(date +%s)
# How long a refresh of every file takes here: the kills fall anywhere from start to end.
touch "$p"/innovations/*/[!.]*.yaml
t0=$(date +%s%N)
"$innov" -C "$p" idea list >/dev/null 2>&1
refresh_us=$((($(date +%s%N) - t0) / 1000))
for ((round = 1; round <= 20; ++round)); do
  i=0
  for f in "$p"/innovations/*/[!.]*.yaml; do
    i=$((i + 1))
    ((i % 2 == round % 2)) && sed -i "s/^summary: .*/summary: Tour $round, fiche $i/" "$f"
  done
  # Every other round the files get a new modification time from the past, outside the window in
  # which the index re-reads files that changed close to its last refresh anyway.
  if ((round % 2)); then
    touch -d "@$((epoch - 1000 + round))" "$p"/innovations/*/[!.]*.yaml
  else
    touch "$p"/innovations/*/[!.]*.yaml
  fi
  delay=$(((RANDOM * 32768 + RANDOM) % (refresh_us * 6 / 5 + 1)))
  "$innov" -C "$p" idea list >/dev/null 2>"$work/list.err" &
  pid=$!
  sleep "$(printf '%d.%06d' $((delay / 1000000)) $((delay % 1000000)))"
  kill -KILL "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  (($? == 128 + 9)) && refresh_killed=$((refresh_killed + 1))
  for q in "idea list --format json" "report funnel --format json"; do
    # shellcheck disable=SC2086
    "$innov" -C "$p" $q >"$work/cached" 2>"$work/cached.err" || problem "round $round: '$q' failed: $(cat "$work/cached.err")"
    # shellcheck disable=SC2086
    "$innov" -C "$p" --no-cache $q >"$work/fresh" 2>"$work/fresh.err" || problem "round $round: '$q --no-cache' failed"
    if ! cmp -s "$work/cached" "$work/fresh"; then
      problem "round $round (idea list killed after $delay us): '$q' differs from --no-cache:"
      diff "$work/cached" "$work/fresh" | head -20
    fi
  done
  ((fail)) && break
done
echo "kill: $((round > 20 ? 20 : round)) rounds of changes, $refresh_killed idea list killed before completion" \
  "(a full refresh takes $((refresh_us / 1000)) ms here);" \
  "cached idea list and report funnel equal to --no-cache after each"
echo "kill: $((($(date +%s%N) - started) / 1000000)) ms"
if ((fail)); then
  exit 1
fi
echo "kill: ok"
