#!/usr/bin/env bash
# innov migrate in a git repository: a format-1 portfolio whose record got its likes in three
# commits of different dates; the migration dates each like on the commit that added it (the oldest
# version holding it), a like not yet committed on the record's creation, and says which source
# each date came from; a second run changes nothing; mutations are refused before, accepted after.
# Usage: migrate_git.sh INNOV_BINARY
set -u
. "$(dirname "$0")/git_test_lib.sh" migrate_git "$1"

mkdir "$work/repo"
cd "$work/repo" || exit 1
git init -q
"$innov" init -q p || exit 1
# A format-1 portfolio: innov.yaml without `format`, records with undated likes.
sed -i '/^format: /d' p/innov.yaml
mkdir -p p/innovations/2016
rec=p/innovations/2016/k3m9xa2q.yaml
write() { # LIKES: the record with this format-1 likes line (empty: none)
  {
    printf 'id: k3m9xa2q\nkind: idea\ntitle: Atelier CV vidéo\nauthor: agent-48213\nregion: idf\n'
    printf 'source: internal\ncreated: 2016-03-02\nstatus: submitted\n'
    [[ -n $1 ]] && printf 'likes: [%s]\n' "$1"
    printf 'history:\n  - {at: 2016-03-02, by: agent-48213, to: submitted}\n'
  } >"$rec"
}
write ""
commit_at 2016-03-02 "deposit"
write "agent-2"
commit_at 2016-03-10 "a first like"
write "agent-2, agent-3"
commit_at 2016-04-01 "a second like"
write "agent-1, agent-2, agent-3" # agent-1's like is not committed
check "format 1 is read" "$innov" -C p validate -q
out=$("$innov" -C p idea like k3m9 --by agent-9 2>&1)
check "a mutation on format 1 is refused (exit 1)" test $? -eq 1
check "with 'format 1: run innov migrate'" grep -q "format 1: run innov migrate" <<<"$out"

before=$(cat "$rec" p/innov.yaml)
dry=$("$innov" -C p migrate --dry-run)
check "--dry-run writes nothing" test "$before" == "$(cat "$rec" p/innov.yaml)"
check "--dry-run says what it would do" grep -q "would migrate 2 files" <<<"$dry"
out=$("$innov" -C p migrate)
echo "$out"
c2=$(git log --format=%H --grep "a first like" | cut -c1-7)
c3=$(git log --format=%H --grep "a second like" | cut -c1-7)
check "agent-2 dated on its commit" grep -q "^  - {by: agent-2, at: 2016-03-10}$" "$rec"
check "agent-3 dated on its commit" grep -q "^  - {by: agent-3, at: 2016-04-01}$" "$rec"
check "an uncommitted like dated on the creation" grep -q "^  - {by: agent-1, at: 2016-03-02}$" "$rec"
check "the output names the commit of agent-2" grep -q "like of agent-2 dated 2016-03-10 (git $c2)" <<<"$out"
check "the output names the commit of agent-3" grep -q "like of agent-3 dated 2016-04-01 (git $c3)" <<<"$out"
check "the output names the creation date" grep -q "like of agent-1 dated 2016-03-02 (creation date)" <<<"$out"
check "innov.yaml says format 2" grep -q "^format: 2$" p/innov.yaml
check "the result validates" "$innov" -C p validate --strict -q
after=$(cat "$rec" p/innov.yaml)
again=$("$innov" -C p migrate)
check "a second run writes nothing" test "$after" == "$(cat "$rec" p/innov.yaml)"
check "and says so" grep -q "nothing to migrate" <<<"$again"
check "mutations are accepted after the migration" "$innov" -C p -q idea like k3m9 --by agent-9 --at 2016-05-01
check "the new like is dated" grep -q "^  - {by: agent-9, at: 2016-05-01}$" "$rec"
exit $fail
