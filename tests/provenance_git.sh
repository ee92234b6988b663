#!/usr/bin/env bash
# Report provenance: every report names the commit its files are (read from .git, also through
# packed refs and in a linked work tree), says "with uncommitted changes" exactly when a file it reads
# (a record, innov.yaml, a challenge) was edited, added or deleted since, and the portfolio format;
# a warm report starts no git at all; the same commit gives byte-identical reports in every format
# (SOURCE_DATE_EPOCH pins the day); --rev names the commit read; --no-meta and csv leave it out.
# Usage: provenance_git.sh INNOV_BINARY
set -u
. "$(dirname "$0")/git_test_lib.sh" provenance_git "$1"
examples=$(cd "$(dirname "$0")/../examples/pole-emploi" && pwd)
unset INNOV_NOW
export SOURCE_DATE_EPOCH=1481803200 # 2016-12-15T12:00:00Z

mkdir "$work/repo"
cd "$work/repo" || exit 1
git init -q -b main
cp -r "$examples" p
rm -rf p/.innov
printf '.innov/\n' >p/.gitignore
commit_at 2016-12-15 "the portfolio"
first=$(git rev-parse HEAD)

meta() { # the "meta" object of report funnel in json, compact: -C DIR, then more options
  "$innov" "$@" report funnel --format json | python3 -c 'import json,sys; print(json.dumps(json.load(sys.stdin).get("meta"), sort_keys=True))'
}
expect_meta() { # message expected-json innov-options...
  local message=$1 expected=$2
  shift 2
  local got
  got=$(meta "$@")
  if [ "$got" = "$expected" ]; then
    echo "ok: $message"
  else
    echo "$test_name: FAILED: $message: got $got, expected $expected"
    fail=1
  fi
}
version=$("$innov" --version | awk '{print $NF}')
clean() { # commit: the meta of a clean work tree at that commit
  echo "{\"as_of\": \"2016-12-15\", \"commit\": \"$1\", \"format\": 2, \"git\": true, \"innov\": \"$version\", \"uncommitted\": false}"
}
dirty() {
  echo "{\"as_of\": \"2016-12-15\", \"commit\": \"$1\", \"format\": 2, \"git\": true, \"innov\": \"$version\", \"uncommitted\": true}"
}

expect_meta "a clean work tree names its commit (cold cache)" "$(clean "$first")" -C p
expect_meta "... and again (warm cache)" "$(clean "$first")" -C p
expect_meta "... and without the cache" "$(clean "$first")" -C p --no-cache

# A warm report starts no git: a git that leaves a mark would show it.
mkdir "$work/bin"
printf '#!/bin/sh\necho "$@" >>%s/git-calls\nexit 1\n' "$work" >"$work/bin/git"
chmod +x "$work/bin/git"
PATH="$work/bin:$PATH" "$innov" -C p report value >/dev/null
check "a warm report runs no git" test ! -e "$work/git-calls"

# Every kind of change to what reports read, and back.
record=$(ls p/innovations/2016/*.yaml | head -1)
cp "$record" "$work/saved.yaml"
printf '# a note\n' >>"$record"
expect_meta "an edited record: with uncommitted changes" "$(dirty "$first")" -C p
expect_meta "... also without the cache" "$(dirty "$first")" -C p --no-cache
"$innov" -C p report funnel >"$work/text"
check "the text footer says so" grep -qx "From commit $first, with uncommitted changes" "$work/text"
cp "$work/saved.yaml" "$record"
expect_meta "the record put back as committed (new times, same content): clean" "$(clean "$first")" -C p
cp "$record" p/innovations/2016/zz-copy.yaml
expect_meta "a new record file: uncommitted" "$(dirty "$first")" -C p
rm p/innovations/2016/zz-copy.yaml
expect_meta "... removed: clean" "$(clean "$first")" -C p
rm "$record"
expect_meta "a deleted record: uncommitted" "$(dirty "$first")" -C p
git checkout -q -- "$record"
expect_meta "... restored: clean" "$(clean "$first")" -C p
printf '# tuned\n' >>p/innov.yaml
expect_meta "an edited innov.yaml: uncommitted" "$(dirty "$first")" -C p
git checkout -q -- p/innov.yaml
first_challenge=$(ls p/challenges/*.yaml | head -1)
printf '# tuned\n' >>"$first_challenge"
expect_meta "an edited challenge: uncommitted" "$(dirty "$first")" -C p
git checkout -q -- "$first_challenge"
printf 'notes\n' >p/NOTES.txt
expect_meta "a file reports do not read changes nothing" "$(clean "$first")" -C p
rm p/NOTES.txt
git add "$record" && git commit -q --allow-empty -m "nothing"
second=$(git rev-parse HEAD)
expect_meta "a new commit is named at once" "$(clean "$second")" -C p
git pack-refs --all
expect_meta "refs packed: the same commit" "$(clean "$second")" -C p
git checkout -q --detach HEAD~1
expect_meta "a detached HEAD" "$(clean "$first")" -C p
git checkout -q main
git worktree add -q "$work/linked" HEAD~1 2>/dev/null
expect_meta "a linked work tree names its own HEAD" "$(clean "$first")" -C "$work/linked/p"
expect_meta "--rev names the commit read" "$(clean "$first")" -C p --rev HEAD~1

cp -r p "$work/outside"
rm -rf "$work/outside/.innov"
expect_meta "outside git: says so" "{\"as_of\": \"2016-12-15\", \"commit\": null, \"format\": 2, \"git\": false, \"innov\": \"$version\", \"uncommitted\": false}" -C "$work/outside"
mkdir "$work/unborn" && cp -r p "$work/unborn/p" && (cd "$work/unborn" && git init -q)
expect_meta "a repository without a commit: says so" "{\"as_of\": \"2016-12-15\", \"commit\": null, \"format\": 2, \"git\": true, \"innov\": \"$version\", \"uncommitted\": true}" -C "$work/unborn/p"

# The same commit, in another clone, with a cold cache: byte-identical in every format.
git clone -q "$work/repo" "$work/clone"
for f in text markdown html json; do
  "$innov" -C p --color never report review --format "$f" >"$work/a.$f"
  "$innov" -C "$work/clone/p" --color never report review --format "$f" >"$work/b.$f"
  check "report review --format $f is byte-identical in another clone" cmp -s "$work/a.$f" "$work/b.$f"
done
"$innov" -C p report value --format csv --meta >"$work/a.csv"
"$innov" -C "$work/clone/p" report value --format csv --meta >"$work/b.csv"
check "report value --format csv --meta is byte-identical in another clone" cmp -s "$work/a.csv" "$work/b.csv"
check "... and ends with its meta rows" grep -q "^meta,,commit,$second\$" "$work/a.csv"
"$innov" -C p report value --format csv >"$work/plain.csv"
check "csv stays tidy without --meta" bash -c "! grep -q '^meta,' '$work/plain.csv'"
"$innov" -C p report value --format json --no-meta >"$work/nometa.json"
check "--no-meta: no meta in json" bash -c "! grep -q '\"meta\"' '$work/nometa.json'"
"$innov" -C p report value --no-meta >"$work/nometa.txt"
check "--no-meta: no footer in text" bash -c "! grep -q '^From ' '$work/nometa.txt'"
SOURCE_DATE_EPOCH=1484136000 "$innov" -C p report value --format json >"$work/later.json"
check "SOURCE_DATE_EPOCH dates the figures" grep -q '"as_of": "2017-01-11"' "$work/later.json"
check "--as-of dates them" bash -c "'$innov' -C p report value --format json --as-of 2016-06-30 | grep -q '\"as_of\": \"2016-06-30\"'"
SOURCE_DATE_EPOCH=yesterday "$innov" -C p report value >/dev/null 2>"$work/err"
check "a bad SOURCE_DATE_EPOCH is refused (exit 2)" test $? -eq 2
check "... naming it" grep -q "SOURCE_DATE_EPOCH 'yesterday'" "$work/err"
exit $fail
