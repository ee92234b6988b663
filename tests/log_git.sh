#!/usr/bin/env bash
# innov log ID in a scripted git history: each history entry beside the commit that added it (a
# back-dated fact shows both dates), commits that changed the record without changing its state
# with the fields they changed, a signed commit verified by git, a move to another year's folder
# followed, uncommitted changes last; outside git every entry is uncommitted.
# Usage: log_git.sh INNOV_BINARY
set -u
. "$(dirname "$0")/git_test_lib.sh" log_git "$1"

mkdir "$work/repo"
cd "$work/repo" || exit 1
git init -q
"$innov" init -q p || exit 1
mkdir -p p/innovations/2016
rec=p/innovations/2016/k3m9xa2q.yaml
cat >"$rec" <<'YAML'
id: k3m9xa2q
kind: idea
title: Atelier CV vidéo
author: agent-48213
region: idf
source: internal
created: 2016-03-02
status: submitted
history:
  - {at: 2016-03-02, by: agent-48213, to: submitted}
YAML
commit_at 2016-03-02 "deposit"
"$innov" -C p -q idea like k3m9 --by agent-2 --at 2016-03-10 || exit 1
commit_at 2016-03-10 "a like"
# A state change dated 2016-04-01, committed four days later.
sed -i 's/^status: submitted$/status: withdrawn/' "$rec"
echo "  - {at: 2016-04-01, by: agent-48213, from: submitted, to: withdrawn}" >>"$rec"
signed=()
if command -v gpg >/dev/null &&
  gpg --batch --quiet --passphrase '' --quick-gen-key "innov test <innov@example.org>" ed25519 sign never 2>/dev/null; then
  signed=(-S --gpg-sign=innov@example.org)
fi
commit_at 2016-04-05 "withdrawn" "${signed[@]}"
check "the portfolio validates" "$innov" -C p validate -q
out=$("$innov" -C p log k3m9)
echo "$out"
c1=$(git log --format=%h --abbrev=7 --grep "^deposit" | head -1)
c2=$(git log --format=%h --abbrev=7 --grep "^a like" | head -1)
c3=$(git log --format=%h --abbrev=7 --grep "^withdrawn" | head -1)
check "the header names the record and its commits" grep -q "^k3m9xa2q  Atelier CV vidéo$" <<<"$out"
check "... 3 commits" grep -q "innovations/2016/k3m9xa2q.yaml, 3 commits" <<<"$out"
check "the deposit beside its commit" grep -Eq "^2016-03-02 +submitted +agent-48213 .*$c1 +2016-03-02 +innov <innov@example.org>" <<<"$out"
check "the like as an edit of likes" grep -Eq "^ +edited +likes +$c2 +2016-03-10" <<<"$out"
check "the back-dated fact shows both dates" grep -Eq "^2016-04-01 +submitted -> withdrawn +agent-48213 +$c3 +2016-04-05" <<<"$out"
if [ ${#signed[@]} -gt 0 ]; then
  check "the signed commit is verified" grep -Eq "$c3 .*good signature" <<<"$out"
else
  echo "log_git: no gpg: the signature check is skipped"
fi
check "the unsigned commits say so" grep -Eq "$c1 .*unsigned$" <<<"$out"
check "nothing uncommitted" test -z "$(grep uncommitted <<<"$out")"

# Moved to another year's folder: the log follows it.
mkdir -p p/innovations/2017
git mv "$rec" p/innovations/2017/k3m9xa2q.yaml
commit_at 2016-05-01 "misfiled"
out=$("$innov" -C p log k3m9 2>&1)
check "a moved record keeps its whole log" grep -Eq "^2016-03-02 +submitted .*$c1" <<<"$out"
git mv p/innovations/2017/k3m9xa2q.yaml "$rec"
commit_at 2016-05-02 "filed back"

# An uncommitted change comes last.
sed -i 's/^title: .*/title: Atelier CV vidéo en agence/' "$rec"
out=$("$innov" -C p log k3m9)
check "an uncommitted edit comes last, with its field" grep -Eq "edited +title +uncommitted" <<<"$(tail -1 <<<"$out")"
json=$("$innov" -C p log k3m9 --format json)
check "json: one object per entry" grep -q '"event": "submitted -> withdrawn"' <<<"$json"
check "json: the commit's full author" grep -q '"author": "innov <innov@example.org>"' <<<"$json"
check "json: null where there is no commit" grep -q '"committed": null' <<<"$json"

# Outside git: every entry is uncommitted, and the log says so.
cp -r p "$work/outside"
out=$("$innov" -C "$work/outside" log k3m9)
check "outside git the log says so" grep -q "not in a git work tree" <<<"$out"
check "... and shows the entries as uncommitted" grep -Eq "^2016-04-01 +submitted -> withdrawn +agent-48213 +uncommitted" <<<"$out"
err=$("$innov" -C p log zzzz 2>&1)
check "an unknown id is an error (exit 1)" test $? -ne 0
check "... that names it" grep -q "zzzz" <<<"$err"
exit $fail
