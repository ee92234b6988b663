#!/usr/bin/env bash
# The merge driver in a real git repository: a portfolio in a folder of the repository, registered
# with `innov init --git`; two branches that each add likes, comments and a qualification to the
# same record merge without conflict and validate; two different titles conflict, with markers
# naming the branches (and the ancestor under merge.conflictStyle=diff3); INNOV_PORTFOLIO set for
# another portfolio does not take the merge over; `init --git` in a fresh clone registers the driver.
# Usage: merge_driver.sh INNOV_BINARY
set -u
. "$(dirname "$0")/git_test_lib.sh" merge_driver "$1"
PATH="$(dirname "$innov"):$PATH"
export PATH

mkdir "$work/repo"
cd "$work/repo" || exit 1
git init -q
innov init --git -q portfolio || exit 1
check "init --git registers the driver" test "$(git config merge.innov.driver)" = "innov merge-file %O %A %B %P"
# Two experts must say go: each branch's qualification alone leaves the record submitted.
sed -i 's/min_experts: 1/min_experts: 2/' portfolio/innov.yaml
id=$(innov -C portfolio idea new --title "Covoiturage entre agences" --region idf --at 2016-03-02) || exit 1
file=$(ls portfolio/innovations/2016/*.yaml)
git add -A && git commit -qm "new idea"
main=$(git rev-parse --abbrev-ref HEAD)

scores="--score value_jobseekers=4 --score value_employers=3 --score value_staff=4 --score feasibility=4 --score scalability=3"
git checkout -qb idf
innov -C portfolio -q idea like "$id" --by agent-7 --at 2016-03-05
innov -C portfolio -q idea comment "$id" --text "Testé à Créteil" --by agent-8 --at 2016-03-06
innov -C portfolio -q qualify "$id" --expert expert-idf-1 --region idf --decision go $scores --at 2016-03-10
git commit -qam "idf: like, comment, qualification"

git checkout -q "$main"
git checkout -qb hdf
innov -C portfolio -q idea like "$id" --by agent-9 --at 2016-03-04
innov -C portfolio -q idea comment "$id" --text "Et à Lille ?" --by agent-10 --at 2016-03-04
innov -C portfolio -q qualify "$id" --expert expert-hdf-2 --region hdf --decision go $scores --at 2016-03-09
git commit -qam "hdf: like, comment, qualification"

git checkout -q "$main"
git merge -q --no-edit idf
check "git merge of the second branch succeeds" git merge -q --no-edit hdf
check "no conflict markers" bash -c "! grep -q '<<<<<<<' '$file'"
check "innov validate passes" innov -C portfolio validate -q
check "likes of both branches, dated" bash -c "grep -A2 '^likes:$' '$file' | tr '\n' ' ' | grep -q -- '- {by: agent-7, at: 2016-03-0[0-9]} *- {by: agent-9, at: 2016-03-04}'"
check "comments of both branches, in time order" bash -c "grep -n 'text:' '$file' | tr '\n' ' ' | grep -q 'Lille.*Cr'"
check "qualifications of both branches" test "$(grep -c '  - at: 2016-03-' "$file")" -ge 4
check "the result is canonical" bash -c "innov -C portfolio validate --strict -q"

# Two different titles: a true conflict.
git checkout -qb t1
innov -C portfolio -q idea edit "$id" --set "title=Covoiturage inter-agences"
git commit -qam "title 1"
git checkout -q "$main"
innov -C portfolio -q idea edit "$id" --set "title=Covoiturage solidaire"
git commit -qam "title 2"
check "a true conflict fails the merge" bash -c "! git merge -q --no-edit t1 2>/dev/null"
check "the file is unmerged" test "$(git diff --name-only --diff-filter=U)" = "$file"
check "markers around the two titles, named after the branches" bash -c \
  "grep -Pzq '<<<<<<< $main\ntitle: Covoiturage solidaire\n=======\ntitle: Covoiturage inter-agences\n>>>>>>> t1\n' '$file'"
check "innov validate reports the conflicted file" bash -c "! innov -C portfolio validate -q 2>/dev/null"
git merge --abort

# merge.conflictStyle=diff3: the ancestor's line between the two; INNOV_PORTFOLIO pointing at
# another portfolio is ignored by the driver.
mkdir "$work/other" && innov init -q "$work/other"
git config merge.conflictStyle diff3
check "with diff3 style and INNOV_PORTFOLIO set elsewhere, the merge still conflicts" \
  bash -c "! INNOV_PORTFOLIO='$work/other' git merge -q --no-edit t1 2>/dev/null"
check "diff3 markers show the ancestor's title" bash -c \
  "grep -Pzq '<<<<<<< $main\ntitle: Covoiturage solidaire\n\\|\\|\\|\\|\\|\\|\\| base\ntitle: Covoiturage entre agences\n=======\ntitle: Covoiturage inter-agences\n>>>>>>> t1\n' '$file'"
git merge --abort
git config --unset merge.conflictStyle

# A fresh clone has the portfolio but not the driver (git config does not travel): init --git
# registers it, twice without harm, and says so; without --git it refuses with a hint.
git clone -q "$work/repo" "$work/clone"
check "a fresh clone has no driver" bash -c "! git -C '$work/clone' config merge.innov.driver"
check "init --git on the clone's portfolio registers it" innov init --git -q "$work/clone/portfolio"
check "... again, idempotently" innov init --git -q "$work/clone/portfolio"
check "the clone's driver is innov's" test "$(git -C "$work/clone" config --get-all merge.innov.driver)" = "innov merge-file %O %A %B %P"
check "init without --git on a portfolio refuses with a hint" bash -c \
  "innov init '$work/clone/portfolio' 2>&1 | grep -q 'innov init --git'"

exit $fail
