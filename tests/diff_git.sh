#!/usr/bin/env bash
# innov diff on a scripted history of 12 commits built with innov's own commands (deposits,
# qualifications, a POC planned, started, measured and closed, generalizations with an override, a
# roll-out, realized value, a merge and a withdrawal) with a tag per committee: the minutes since
# the last committee compared exactly with an expected text written by hand; json, --region, the
# work tree as the second state, and bad ranges (exit 2).
# Usage: diff_git.sh INNOV_BINARY
set -u
. "$(dirname "$0")/git_test_lib.sh" diff_git "$1"

mkdir "$work/repo"
cd "$work/repo" || exit 1
git init -q
"$innov" init -q p || exit 1
inv() { "$innov" -C p -q "$@"; }
scores=(--score value_jobseekers=4 --score value_employers=4 --score value_staff=3 --score feasibility=4 --score scalability=3)
a=$(inv idea new --title "Présélection sans CV" --region idf --author agent-101 --created 2016-10-03 --at 2016-10-03) || exit 1
b=$(inv idea new --title "Atelier CV vidéo" --region hdf --author agent-202 --created 2016-10-03 --at 2016-10-03) || exit 1
c=$(inv idea new --title "Accueil sur rendez-vous" --kind practice --region hdf --author agent-303 --created 2016-10-03 --at 2016-10-03) || exit 1
d=$(inv idea new --title "CV en vidéo" --region hdf --author agent-404 --created 2016-10-03 --at 2016-10-03 --no-similar) || exit 1
e=$(inv idea new --title "Borne de rendez-vous" --region idf --author agent-505 --created 2016-10-03 --at 2016-10-03) || exit 1
commit_at 2016-10-03 "five deposits"
inv qualify "$a" --expert expert-idf-1 --region idf --decision go "${scores[@]}" --at 2016-10-05 || exit 1
commit_at 2016-10-05 "A qualified"
inv qualify "$c" --expert expert-hdf-1 --region hdf --decision go "${scores[@]}" --at 2016-10-10 || exit 1
commit_at 2016-10-10 "C qualified"
inv poc plan "$a" --format demonstrator --territory agence-paris-1 --start 2016-11-01 --end 2016-11-30 \
  --kpi "placement_rate:Taux de retour à l'emploi:percent:up:38:45:must" \
  --kpi "delay:Délai avant le premier entretien:days:down:21:14" --by dr-idf --at 2016-10-20 || exit 1
commit_at 2016-10-20 "A: POC planned"
inv poc start "$a" --by dr-idf --at 2016-11-02 || exit 1
commit_at 2016-11-02 "A: POC started"
inv generalize "$c" --decision go --by comite-national --wave hdf:2016-12-15 --wave idf:2017-02-01 \
  --projected hours_saved=5000/year --at 2016-11-30 || exit 1
commit_at 2016-11-30 "C generalized by the committee"
git tag comite-2016-11
f=$(inv idea new --title "Forum emploi en ligne" --kind practice --region idf --author agent-606 --created 2016-12-01 --at 2016-12-01) || exit 1
commit_at 2016-12-01 "F deposited"
inv qualify "$b" --expert expert-hdf-1 --region hdf --decision go "${scores[@]}" --at 2016-12-05 || exit 1
inv idea merge "$d" --into "$b" --by agent-202 --at 2016-12-05 || exit 1
commit_at 2016-12-05 "B qualified, D merged into B"
inv poc measure "$a" --kpi placement_rate=49 --kpi delay=16 --at 2016-11-29 || exit 1
inv poc close "$a" --outcome success --by dr-idf --at 2016-12-08 || exit 1
commit_at 2016-12-08 "A: POC closed"
inv qualify "$a" --expert expert-idf-2 --region idf --decision go "${scores[@]}" --at 2016-12-12 || exit 1
commit_at 2016-12-12 "A: an advisory opinion"
inv generalize rollout "$c" --region hdf --done 2016-12-15 --at 2016-12-15 --by comite-national || exit 1
inv generalize realize "$c" --period 2016-Q4 --metric hours_saved --amount 1200 --region hdf --by comite-national || exit 1
commit_at 2016-12-15 "C rolled out in hdf, first value"
inv generalize "$a" --decision go --by comite-national --override "Une seule agence, résultats nets" \
  --wave idf:2017-01-02 --at 2016-12-20 || exit 1
inv idea withdraw "$e" --by agent-505 --at 2016-12-20 || exit 1
inv idea link "$f" --to "$a" --rel builds-on --at 2016-12-20 --by agent-606 || exit 1
commit_at 2016-12-20 "A generalized by override, E withdrawn"
git tag comite-2016-12
check "the portfolio validates" "$innov" -C p validate -q
check "12 commits" test "$(git rev-list --count HEAD)" = 12

# Record ids are random and commit ids follow from them: both are named in the output below.
from=$(git rev-parse comite-2016-11)
to=$(git rev-parse HEAD)
normalize() {
  sed -e "s/$from/<from>/g; s/$to/<to>/g; s/${from:0:7}/<from>/g; s/${to:0:7}/<to>/g" \
    -e "s/$a/aaaaaaaa/g; s/$b/bbbbbbbb/g; s/$c/cccccccc/g; s/$d/dddddddd/g; s/$e/eeeeeeee/g" \
    -e "s/$f/ffffffff/g"
}
out=$("$innov" -C p --color never diff comite-2016-11..HEAD)
rc=$?
check "diff exits 0" test $rc -eq 0
expected=$(cat <<'TEXT'
Committee minutes
p: comite-2016-11 (<from>) .. HEAD (<to>), 13 events

Compared
  state  revision        commit
  from   comite-2016-11  <from>
  to     HEAD            <to>

Totals by region
  region  new  opinions  states  decisions  overrides  poc_planned  poc_started  poc_closed  waves  realized  links  merged  withdrawn  removed  total
  hdf       0         1       1          0          0            0            0           0      1         1      0       1          0        0      5
  idf       1         1       2          1          1            0            0           1      0         0      1       0          1        0      8
  total     1         2       3          1          1            0            0           1      1         1      1       1          1        0     13

Totals by kind
  kind      new  opinions  states  decisions  overrides  poc_planned  poc_started  poc_closed  waves  realized  links  merged  withdrawn  removed  total
  idea        0         2       3          1          1            0            0           1      0         0      0       1          1        0      9
  practice    1         0       0          0          0            0            0           0      1         1      1       0          0        0      4
  total       1         2       3          1          1            0            0           1      1         1      1       1          1        0     13

New ideas and practices
  region  kind      id        created     author     status     title
  idf     practice  ffffffff  2016-12-01  agent-606  submitted  Forum emploi en ligne

Opinions
  region  kind  id        at          expert        opinion       title
  hdf     idea  bbbbbbbb  2016-12-05  expert-hdf-1  go            Atelier CV vidéo
  idf     idea  aaaaaaaa  2016-12-12  expert-idf-2  go, advisory  Présélection sans CV

State changes
  region  kind  id        at          by               from         to           title
  hdf     idea  bbbbbbbb  2016-12-05  expert-hdf-1     submitted    qualified    Atelier CV vidéo
  idf     idea  aaaaaaaa  2016-12-08  dr-idf           poc-running  poc-done     Présélection sans CV
  idf     idea  aaaaaaaa  2016-12-20  comite-national  poc-done     generalized  Présélection sans CV

Decisions
  region  kind  id        at          by               gate            decision  override                                    title
  idf     idea  aaaaaaaa  2016-12-20  comite-national  generalization  go        OVERRIDE: Une seule agence, résultats nets  Présélection sans CV
  1 decision overrode the gate rules

POCs planned, started and closed
  region  kind  id        poc  event   at          by      detail                 title
  idf     idea  aaaaaaaa  p1   closed  2016-12-08  dr-idf  success, 1/2 KPIs met  Présélection sans CV

KPI results of the closed POCs
  region  id        poc  kpi             unit     baseline  target  actual  must  result
  idf     aaaaaaaa  p1   placement_rate  percent        38      45      49  must  met
  idf     aaaaaaaa  p1   delay           days           21      14      16        not met

Roll-out waves done
  region  kind      id        wave  planned     done        by               title
  hdf     practice  cccccccc  hdf   2016-12-15  2016-12-15  comite-national  Accueil sur rendez-vous

Realized value added
  region  kind      id        period   metric       amount  where  title
  hdf     practice  cccccccc  2016-Q4  hours_saved   1,200  hdf    Accueil sur rendez-vous

Links made
  region  kind      id        relation   to        at          by         title
  idf     practice  ffffffff  builds-on  aaaaaaaa  2016-12-20  agent-606  Forum emploi en ligne

Merged, withdrawn or removed
  region  kind  id        at          by         event                 title
  hdf     idea  dddddddd  2016-12-05  agent-202  merged into bbbbbbbb  CV en vidéo
  idf     idea  eeeeeeee  2016-12-20  agent-505  withdrawn             Borne de rendez-vous
TEXT
)
if [ "$(normalize <<<"$out")" = "$expected" ]; then
  echo "ok: the minutes since comite-2016-11 are as written by hand"
else
  echo "diff_git: FAILED: the minutes since comite-2016-11 differ from the expected text:"
  diff <(echo "$expected") <(normalize <<<"$out")
  fail=1
fi

# json: the same facts, typed.
json=$("$innov" -C p diff comite-2016-11..HEAD --format json)
check "json parses" python3 -c 'import json,sys; json.loads(sys.stdin.read())' <<<"$json"
check "json: the report and the two commits" python3 -c '
import json, sys
j = json.loads(sys.stdin.read())
assert j["report"] == "diff", j["report"]
assert [r["commit"] for r in j["range"]] == [sys.argv[1], sys.argv[2]], j["range"]
total = [r for r in j["totals_by_region"] if r["region"] == "total"][0]
assert total["total"] == 13 and total["overrides"] == 1 and total["poc_closed"] == 1, total
assert [(r["relation"], r["to"]) for r in j["links"]] == [("builds-on", sys.argv[4])], j["links"]
assert [d["override"] for d in j["decisions"]] == ["OVERRIDE: Une seule agence, résultats nets"]
assert [(k["kpi"], k["actual"], k["result"]) for k in j["kpis"]] == [
    ("placement_rate", 49, "met"), ("delay", 16, "not met")], j["kpis"]
assert [r["amount"] for r in j["realized"]] == [1200], j["realized"]
assert [r["event"] for r in j["closed"]] == ["merged into " + sys.argv[3], "withdrawn"], j["closed"]
' "$from" "$to" "$b" "$a" <<<"$json"

# --region: the records of one region only.
hdf=$("$innov" -C p diff comite-2016-11..HEAD --region hdf --format json)
check "--region hdf: 5 events, no idf row" python3 -c '
import json, sys
j = json.loads(sys.stdin.read())
assert [r["region"] for r in j["totals_by_region"]] == ["hdf", "total"], j["totals_by_region"]
assert j["totals_by_region"][1]["total"] == 5
' <<<"$hdf"

# Between two committees, and from the first commit: everything before comite-2016-11.
early=$("$innov" -C p diff HEAD~11..comite-2016-11 --format json)
check "the first committee's minutes: a POC planned and started, a go with its waves" python3 -c '
import json, sys
j = json.loads(sys.stdin.read())
assert [(p["event"], p["at"]) for p in j["pocs"]] == [("planned", "2016-10-20"), ("started", "2016-11-02")], j["pocs"]
assert [(d["decision"], d["override"]) for d in j["decisions"]] == [("go", "")], j["decisions"]
assert j["waves"] == [] and j["records"] == [], j
' <<<"$early"

# REV alone: to the work tree, uncommitted changes included; the work tree and git's index untouched.
inv generalize rollout "$a" --region idf --done 2017-01-02 --by comite-national || exit 1
before_status=$(git status --porcelain)
wt=$("$innov" -C p --color never diff HEAD)
check "REV alone compares with the work tree" grep -q "^p: HEAD (${to:0:7}) .. work tree, 1 event$" <<<"$wt"
check "... and shows the uncommitted wave" grep -Eq "^  idf +idea +$a +idf +2017-01-02 +2017-01-02 +comite-national" <<<"$wt"
check "no argument: HEAD against the work tree" test "$("$innov" -C p --color never diff)" = "$wt"
check "the work tree and the index are untouched" test "$(git status --porcelain)" = "$before_status"

# Formats by extension.
"$innov" -C p diff comite-2016-11..HEAD -o "$work/minutes.html" || fail=1
check "html: the override highlighted" grep -q '<td class="bad">OVERRIDE: Une seule agence' "$work/minutes.html"
"$innov" -C p diff comite-2016-11..HEAD -o "$work/minutes.md" || fail=1
check "markdown: a table per section" grep -q '^| region | kind | id | at | by | gate | decision | override | title |' "$work/minutes.md"

# Bad revisions and ranges: usage errors (exit 2) that name them.
err=$("$innov" -C p diff nosuchtag..HEAD 2>&1)
rc=$?
check "an unknown revision exits 2" test $rc -eq 2
check "... naming it" grep -q "nosuchtag" <<<"$err"
"$innov" -C p diff comite-2016-11...HEAD >/dev/null 2>&1
check "REV1...REV2 exits 2" test $? -eq 2
"$innov" -C p diff a..b..c >/dev/null 2>&1
check "three revisions exit 2" test $? -eq 2
"$innov" -C p diff HEAD --region zz >/dev/null 2>&1
check "an unknown region exits 2" test $? -eq 2
cp -r p "$work/outside"
"$innov" -C "$work/outside" diff HEAD >/dev/null 2>&1
check "outside git: exit 2" test $? -eq 2
exit $fail
