#!/usr/bin/env bash
# Concurrency: 8 processes make 50 mutations each (like with distinct people, comment, qualify with
# hold / needs-info, poc measure, generalize realize) on the same 4 records of a copy of
# examples/pole-emploi, without --at (each takes the current time), while two loops read the whole
# time (`report funnel`, `idea list`, `search`), refreshing the index cache. Afterwards every
# mutation is in the files (the exact sets of likes, comments, qualifications and realized values),
# no command failed or printed "database is locked", `innov validate` passes, and the cache answers
# as --no-cache does.
# Usage: concurrency.sh INNOV_BINARY SOURCE_DIR [WORKERS] [OPERATIONS]
set -u
innov=$1
src=$2
workers=${3:-8}
ops=${4:-50}
test_name=concurrency
# shellcheck source=tests/reliability/setup.sh
source "$(dirname "$0")/setup.sh"
file_of() { ls "$p"/innovations/*/"$1".yaml; }
first_with() { # STATUS N: the first N records with that status
  grep -l "^status: $1\$" "$p"/innovations/*/*.yaml | head -"$2" | sed 's#.*/##; s#\.yaml$##'
}
# Two records awaiting qualification, two with a running POC; every worker touches all four.
mapfile -t awaiting < <(first_with submitted 2)
mapfile -t running < <(first_with poc-running 2)
shared=("${awaiting[@]}" "${running[@]}")
kpi_of() { awk '/^  - id: p/ {k = ""} /^      - id: / && k == "" {k = $3} END {print k}' "$(file_of "$1")"; }
kpis=("$(kpi_of "${running[0]}")" "$(kpi_of "${running[1]}")")
if ((${#shared[@]} != 4)) || [[ -z ${kpis[0]} || -z ${kpis[1]} ]]; then
  echo "concurrency: FAILED: the example portfolio lacks 2 submitted records and 2 running POCs"
  exit 1
fi
scores="--score value_jobseekers=4 --score value_employers=3 --score value_staff=4 --score feasibility=4 --score scalability=3"
"$innov" -C "$p" -q index >/dev/null 2>&1

# Operation i of worker w; it also prints what it must leave behind: KIND RECORD VALUE.
operation() { # W I
  local w=$1 i=$2 tag
  tag=$(printf '%d%02d' "$w" "$i")
  case $((i % 5)) in
    0)
      local r=${shared[(w + i) % 4]}
      echo "like $r agent-77$tag" >>"$work/expected"
      "$innov" -C "$p" -q idea like "$r" --by "agent-77$tag"
      ;;
    1)
      local r=${shared[(w + i) % 4]}
      echo "comment $r Avis concurrent $tag" >>"$work/expected"
      "$innov" -C "$p" -q idea comment "$r" --by "agent-66$tag" --text "Avis concurrent $tag"
      ;;
    2)
      local r=${awaiting[(w + i) % 2]} decision=hold
      ((i % 2)) && decision=needs-info
      echo "qualify $r expert-c$tag" >>"$work/expected"
      "$innov" -C "$p" -q qualify "$r" --expert "expert-c$tag" --region idf --decision "$decision" $scores
      ;;
    3)
      local k=$(((w + i) % 2))
      echo "measure ${running[k]} ${kpis[k]}=$tag.5" >>"$work/expected"
      "$innov" -C "$p" -q poc measure "${running[k]}" --kpi "${kpis[k]}=$tag.5"
      ;;
    4)
      # realized value is unique per period: one month per operation (up to 60 operations a worker)
      local r=${running[(w + i) % 2]} period
      period=$(printf '%d-%02d' $((2010 + w)) $((i / 5 % 12 + 1)))
      echo "realize $r 9$tag" >>"$work/expected"
      "$innov" -C "$p" -q generalize realize "$r" --period "$period" --metric placements --amount "9$tag"
      ;;
  esac
}

worker() { # W
  local w=$1 i rc
  for ((i = 0; i < ops; ++i)); do
    operation "$w" "$i" >>"$work/w$w.out" 2>>"$work/w$w.err"
    rc=$?
    ((rc != 0)) && echo "worker $w operation $i exited $rc" >>"$work/w$w.err"
  done
}

reader() { # NAME COMMAND...: runs the command until the workers are done
  local name=$1 n=0
  shift
  while [[ ! -e $work/done ]]; do
    if ! "$innov" -C "$p" "$@" >/dev/null 2>>"$work/$name.err"; then
      echo "$name: '$*' failed" >>"$work/$name.err"
    fi
    n=$((n + 1))
  done
  echo "$n" >"$work/$name.count"
}

reader reports report funnel --format json &
r1=$!
(
  while [[ ! -e $work/done ]]; do
    "$innov" -C "$p" idea list --format json >/dev/null 2>>"$work/lists.err" || echo "idea list failed" >>"$work/lists.err"
    "$innov" -C "$p" search conseiller >/dev/null 2>>"$work/lists.err" || echo "search failed" >>"$work/lists.err"
    echo x >>"$work/lists.count"
  done
) &
r2=$!
pids=()
for ((w = 1; w <= workers; ++w)); do
  worker "$w" &
  pids+=($!)
done
wait "${pids[@]}"
touch "$work/done"
wait "$r1" "$r2"
writers_ms=$((($(date +%s%N) - started) / 1000000))

for f in "$work"/*.err; do
  if [[ -s $f ]]; then
    problem "$(basename "$f" .err) wrote to stderr:"
    sort "$f" | uniq -c | sort -rn | head -10
  fi
done
if grep -qi "database is locked" "$work"/*.err 2>/dev/null; then
  problem "a command said 'database is locked'"
fi

# Every mutation is in its file, exactly.
for r in "${shared[@]}"; do
  f=$(file_of "$r")
  got=$(grep -o 'agent-77[0-9]*' "$f" | sort)
  want=$(awk -v r="$r" '$1 == "like" && $2 == r {print $3}' "$work/expected" | sort)
  [[ $got == "$want" ]] || problem "$r: likes $(wc -w <<<"$got"), expected $(wc -w <<<"$want")"
  got=$(grep -o 'Avis concurrent [0-9]*' "$f" | sort)
  want=$(awk -v r="$r" '$1 == "comment" && $2 == r {print $3, $4, $5}' "$work/expected" | sort)
  [[ $got == "$want" ]] || problem "$r: comments $(grep -c . <<<"$got"), expected $(grep -c . <<<"$want")"
  got=$(grep -o '^    expert: expert-c[0-9]*' "$f" | sed 's/.* //' | sort)
  want=$(awk -v r="$r" '$1 == "qualify" && $2 == r {print $3}' "$work/expected" | sort)
  [[ $got == "$want" ]] || problem "$r: qualifications $(grep -c . <<<"$got"), expected $(grep -c . <<<"$want")"
  # each qualification moved the status once: one history entry per expert
  got_h=$(grep -c 'by: expert-c[0-9]*, from: ' "$f")
  [[ $got_h == $(grep -c . <<<"$want") || -z $want ]] || problem "$r: $got_h history entries for $(grep -c . <<<"$want") qualifications"
  got=$(grep -o 'amount: 9[0-9]\{3\}[,}]' "$f" | sed 's/amount: //; s/[,}]//' | sort)
  want=$(awk -v r="$r" '$1 == "realize" && $2 == r {print $3}' "$work/expected" | sort)
  [[ $got == "$want" ]] || problem "$r: realized values $(grep -c . <<<"$got"), expected $(grep -c . <<<"$want")"
done
# Each change is stamped with the time it was made: in the order of the file, comments and history
# entries never go back in time, to the second.
for r in "${shared[@]}"; do
  for list in comments history; do
    awk -v list="$list" '/^[a-z_]+:/ {inside = ($0 ~ "^" list ":")} inside' "$(file_of "$r")" |
      grep -o 'at: [0-9T:Z-]*' | sed 's/at: //' >"$work/times"
    if ! sort -c "$work/times" 2>/dev/null; then
      problem "$r: the times of its $list go back: $(sort -c "$work/times" 2>&1 | sed 's/.*disorder: //')"
    fi
  done
done
# Every measurement written is in the file, dated (format 2 keeps each one, none overwrites another).
for k in 0 1; do
  r=${running[k]}
  got=$(grep -o "kpi: ${kpis[k]}, value: [0-9]*\.5}" "$(file_of "$r")" | sed 's/.*value: //; s/}//' | sort)
  want=$(awk -v r="$r" -v k="${kpis[k]}" '$1 == "measure" && $2 == r {split($3, a, "="); if (a[1] == k) print a[2]}' "$work/expected" | sort)
  [[ $got == "$want" ]] ||
    problem "$r: KPI ${kpis[k]} has $(grep -c . <<<"$got") measurements of this run, expected $(grep -c . <<<"$want")"
done

"$innov" -C "$p" validate >"$work/validate" 2>&1 || problem "validate: $(cat "$work/validate")"
for q in "idea list --format json" "report funnel --format json" "search conseiller --format json"; do
  # shellcheck disable=SC2086
  "$innov" -C "$p" $q >"$work/cached" 2>&1 || problem "'$q' failed"
  # shellcheck disable=SC2086
  "$innov" -C "$p" --no-cache $q >"$work/fresh" 2>&1 || problem "'$q --no-cache' failed"
  cmp -s "$work/cached" "$work/fresh" || problem "'$q' differs from its --no-cache output"
done

count() { awk -v k="$1" '$1 == k' "$work/expected" | wc -l; }
echo "concurrency: $workers workers x $ops operations = $(wc -l <"$work/expected") mutations on 4 shared records:" \
  "$(count like) likes, $(count comment) comments, $(count qualify) qualifications, $(count measure) measures," \
  "$(count realize) realized values; $(cat "$work/reports.count") funnel reports and $(wc -l <"$work/lists.count")" \
  "idea list + search pairs read meanwhile; writers took $writers_ms ms"
echo "concurrency: $((($(date +%s%N) - started) / 1000000)) ms"
if ((fail)); then
  exit 1
fi
echo "concurrency: ok"
