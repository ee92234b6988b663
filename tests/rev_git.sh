#!/usr/bin/env bash
# --rev REV: every read command at a past commit answers what it answers on a copy of that commit
# made by git itself (git archive), without touching the work tree, git's index or the portfolio's
# cache; the copy is kept per tree id (warm the second time) and evicted least recently used;
# mutations refuse --rev; a committed .innov/ or symlink never enters the copy; bad revisions,
# folders outside git and revisions before the portfolio existed are usage errors.
# Usage: rev_git.sh INNOV_BINARY
set -u
. "$(dirname "$0")/git_test_lib.sh" rev_git "$1"
examples=$(cd "$(dirname "$0")/../examples/pole-emploi" && pwd)
export INNOV_REV_CACHE=$work/revisions

mkdir "$work/repo"
cd "$work/repo" || exit 1
git init -q
echo "Portefeuille d'innovation" >README
commit_at 2016-01-04 "before the portfolio"
cp -r "$examples" p
rm -rf p/.innov
commit_at 2016-12-15 "the portfolio at the committee"
git tag comite-2016-12
# After the committee: a record withdrawn, one deleted by hand, an idea deposited.
withdrawn=$(grep -l '^status: submitted$' p/innovations/*/*.yaml | head -1)
withdrawn_id=$(basename "$withdrawn" .yaml)
author=$(sed -n 's/^author: //p' "$withdrawn")
"$innov" -C p -q idea withdraw "$withdrawn_id" --by "$author" --at 2017-09-01 || exit 1
deleted=$(ls p/innovations/2015/*.yaml | head -1)
git rm -q "$deleted"
"$innov" -C p -q idea new --title "Rendez-vous en visio pour les employeurs" --author agent-7 \
  --region hdf --created 2017-09-02 --at 2017-09-02 --no-similar >/dev/null || exit 1
rm -rf p/.innov
commit_at 2017-01-06 "after the committee"

git archive comite-2016-12 p | (mkdir "$work/old" && tar -x -C "$work/old")
status_before=$(git status --porcelain)
index_before=$(sha1sum .git/index)

same() { # label command...: the command at --rev comite-2016-12 and on git's own copy
  local label=$1
  shift
  local at_rev on_copy
  at_rev=$("$innov" -C p --color never "$@" --rev comite-2016-12 2>&1)
  on_copy=$("$innov" -C "$work/old/p" --color never "$@" 2>&1)
  if [ "$at_rev" = "$on_copy" ] && [ -n "$at_rev" ]; then
    echo "ok: $label at --rev is what it is on a copy of the commit"
  else
    echo "$test_name: FAILED: $label differs at --rev"
    diff <(echo "$on_copy") <(echo "$at_rev") | head -10
    fail=1
  fi
}
# --no-meta: the copy is not in git, so its reports would say so where the others name the commit.
for r in cycle-time funnel participation pipeline regions review value; do
  same "report $r" report "$r" --format json --as-of 2016-12-15 --no-meta
done
same "report value (text)" report value --as-of 2016-12-15 --no-meta
same "idea list" idea list --format json
same "idea show" idea show "$withdrawn_id" --format json
same "poc list" poc list --format json
same "search" search emploi --format json
same "export json" export json
same "export csv" export csv
same "validate" validate --format json
same "audit" audit --format json
same "sql" sql "SELECT status, count(*) FROM records GROUP BY status ORDER BY status"
check "the portfolio's cache folder was not written" test ! -e p/.innov

check "the record withdrawn since is submitted at the committee" \
  bash -c "'$innov' -C p idea show $withdrawn_id --rev comite-2016-12 | grep -q 'submitted'"
check "and withdrawn now" bash -c "'$innov' -C p idea show $withdrawn_id | grep -q 'withdrawn'"
check "as many records at the committee as now (one deleted, one deposited since)" \
  test "$("$innov" -C p sql 'SELECT count(*) FROM records' --rev comite-2016-12)" = \
  "$("$innov" -C p sql 'SELECT count(*) FROM records')"
check "validate FILE at --rev reads a file deleted since" \
  bash -c "cd p && '$innov' validate '${deleted#p/}' --rev comite-2016-12 | grep -q '^1 file, 1 record'"

check "the work tree is untouched" test "$(git status --porcelain)" = "$status_before"
check "git's index is untouched" test "$(sha1sum .git/index)" = "$index_before"

tree=$(git rev-parse comite-2016-12:p)
copy=$INNOV_REV_CACHE/$tree
index_copy=$copy.index
# Commands that read the index only (reports, lists, search, export, sql) share an index-only copy:
# innov.yaml, the challenges and the index, built from git's objects in memory, no record file.
check "the index-only copy is kept under the tree id" test -f "$index_copy/innov.yaml"
check "with its own index cache" test -f "$index_copy/.innov/cache.db"
check "and no record file" test -z "$(find "$index_copy" -path '*/innovations/*' -name '*.yaml' | head -1)"
# Commands that read files (idea show, validate, audit) have the full copy: git's files, byte for
# byte, read-only, dated at the commit.
check "the full copy holds the commit's files, byte for byte" \
  diff -r -x .innov "$work/old/p" "$copy"
committed=$(git show -s --format=%ct comite-2016-12)
check "every record file of the copy is dated at the commit" \
  test -z "$(find "$copy/innovations" -name '*.yaml' \( -newermt "@$committed" -o ! -newermt "@$((committed - 1))" \) | head -1)"
check "and read-only" test -z "$(find "$copy/innovations" -name '*.yaml' -perm /222 | head -1)"
inode=$(stat -c %i "$index_copy")
cache_written=$(stat -c %y "$index_copy/.innov/cache.db")
funnel=$("$innov" -C p -q report funnel --rev "$(git rev-parse comite-2016-12)" --no-meta)
check "a second command at the same tree reuses the copy" test "$(stat -c %i "$index_copy")" = "$inode"
check "and its index as it is (the cache is not written)" \
  test "$(stat -c %y "$index_copy/.innov/cache.db")" = "$cache_written"
# A damaged index: the copy is made again, and the answer is the same.
printf 'garbage' >"$index_copy/.innov/cache.db"
check "a damaged index-only copy is made again, with the same answer" \
  test "$("$innov" -C p -q report funnel --rev comite-2016-12 --no-meta)" = "$funnel"
check "and its index is whole again" \
  test "$(stat -c %s "$index_copy/.innov/cache.db")" -gt 4096

# A commit carrying .innov/ (a planted cache) and a symlink: neither enters the copy.
mkdir -p p/.innov
echo planted >p/.innov/planted
ln -s /etc/passwd p/innovations/2016/lien.yaml
git add -f p/.innov/planted p/innovations/2016/lien.yaml
commit_at 2017-01-07 "a planted cache and a symlink"
"$innov" -C p -q validate --rev HEAD >/dev/null 2>&1
"$innov" -C p -q report funnel --rev HEAD >/dev/null 2>&1
planted_copy=$INNOV_REV_CACHE/$(git rev-parse HEAD:p)
check "a committed .innov/ stays out of the copy" test ! -e "$planted_copy/.innov/planted"
check "and out of the index-only copy" test ! -e "$planted_copy.index/.innov/planted"
check "a committed symlink stays out of the copy" test ! -e "$planted_copy/innovations/2016/lien.yaml"
git rm -rq --cached p/.innov p/innovations/2016/lien.yaml
rm -rf p/.innov p/innovations/2016/lien.yaml
commit_at 2017-01-08 "cleaned"

# Eviction: with a budget of 0, a copy unused for two hours goes, the one in use stays.
touch -d '2 hours ago' "$copy" "$index_copy"
INNOV_REV_CACHE_MB=0 "$innov" -C p -q report funnel --rev HEAD >/dev/null
check "the least recently used copies are evicted beyond the budget" \
  test ! -e "$copy" -a ! -e "$index_copy"
check "the copy in use is kept" test -f "$INNOV_REV_CACHE/$(git rev-parse HEAD:p).index/innov.yaml"

expect_usage() { # label pattern command...: exit 2 and the pattern on stderr
  local label=$1 pattern=$2
  shift 2
  local err
  err=$("$@" 2>&1 >/dev/null)
  local rc=$?
  if [ "$rc" = 2 ] && grep -q -- "$pattern" <<<"$err"; then
    echo "ok: $label"
  else
    echo "$test_name: FAILED: $label (exit $rc: $err)"
    fail=1
  fi
}
expect_usage "a mutation refuses --rev" "does not take it" \
  "$innov" -C p idea new --title "x" --author agent-7 --rev HEAD
expect_usage "innov log refuses --rev" "does not take it" "$innov" -C p log "$withdrawn_id" --rev HEAD
expect_usage "innov digest refuses --rev" "does not take --rev" "$innov" -C p digest --since 30d --rev HEAD
expect_usage "an unknown revision" "'comite-2099' names no commit" \
  "$innov" -C p report funnel --rev comite-2099
expect_usage "an option given as revision" "is not a revision" \
  "$innov" -C p report funnel --rev=--output=x
expect_usage "a revision before the portfolio existed" "did not exist at HEAD~4" \
  "$innov" -C p report funnel --rev HEAD~4
cp -r "$work/old/p" "$work/outside"
expect_usage "a portfolio outside git" "not in a git repository" \
  "$innov" -C "$work/outside" report funnel --rev HEAD
check "nothing was written in the work tree" test -z "$(git status --porcelain)"
exit $fail
