#!/usr/bin/env bash
# innov audit --git in a scripted history whose commits are signed with throwaway GPG keys: each
# fact beside the commit that wrote it; --require-signed passes when every opinion is signed by its
# expert's key, every POC step and decision by a key of a member of its body, the realized value by
# a member of the body of the go decision; it fails (exit 1, E064) naming a decision rewritten by a
# commit signed with the key of someone else and an opinion committed unsigned; --since keeps the
# facts written after a commit; a key declared twice is an error of innov.yaml (E063).
# Usage: audit_git.sh INNOV_BINARY
set -u
. "$(dirname "$0")/git_test_lib.sh" audit_git "$1"
if ! command -v gpg >/dev/null; then
  echo "audit_git: SKIPPED: gpg is not installed"
  exit 77
fi
mkdir -p "$GNUPGHOME" && chmod 700 "$GNUPGHOME"
fpr() { # EMAIL: the fingerprint of the primary key
  gpg --batch --with-colons --list-keys "$1" | awk -F: '/^fpr/ {print $10; exit}'
}
for who in expert-hdf-2 agent-1 agent-2 agent-9 agent-5; do
  gpg --batch --quiet --passphrase '' --quick-gen-key "$who <$who@example.org>" ed25519 sign never \
    2>/dev/null || {
    echo "audit_git: SKIPPED: gpg cannot make a key"
    exit 77
  }
done
k_expert=$(fpr expert-hdf-2@example.org)
k_comite=$(fpr agent-1@example.org)
k_dr=$(fpr agent-2@example.org)
k_other=$(fpr agent-9@example.org)
k_idf=$(fpr agent-5@example.org)
sign() { echo "-S --gpg-sign=$1@example.org"; }

src=$(cd "$(dirname "$0")" && pwd)/fixtures/base
mkdir "$work/repo"
cd "$work/repo" || exit 1
git init -q
mkdir -p p/innovations/2016
cp -r "$src/challenges" p/
cp "$src/innovations/2016/7d2hq4wz.yaml" p/innovations/2016/
cat "$src/innov.yaml" - >p/innov.yaml <<YAML
experts:
  - {person: expert-hdf-2, region: hdf}
  - {person: agent-5, region: idf}
bodies:
  - {id: comite-national-innovation, gates: [generalization], scope: [national], override: true, members: [agent-1]}
  - {id: dr-hdf, gates: [poc], scope: [hdf], members: [agent-2]}
signing_keys:
  - {person: expert-hdf-2, keys: [$k_expert]}
  - {person: agent-1, keys: [$k_comite]}
  - {person: agent-2, keys: [$k_dr]}
  - {person: agent-9, keys: [$k_other]}
  - {person: agent-5, keys: [$k_idf]}
YAML

# The record k3m9xa2q of the base fixture, written stage by stage: its sections, and its history
# up to the given number of entries.
full=$src/innovations/2016/k3m9xa2q.yaml
section() { # KEY: the lines of a top-level key of the full record
  awk -v key="$1" '/^[a-z_]+:/ {on = ($0 ~ "^" key ":")} on' "$full"
}
stage() { # STATUS HISTORY_ENTRIES SECTION...
  local status=$1 n=$2
  shift 2
  {
    sed -n '1,/^estimate:/p' "$full" | grep -v '^estimate:' | sed "s/^status: .*/status: $status/"
    section estimate
    for s in "$@"; do section "$s"; done
    echo "history:"
    section history | tail -n +2 | head -n "$n"
  } >p/innovations/2016/k3m9xa2q.yaml
}
stage submitted 1
commit_at 2016-03-02 "deposit" $(sign agent-5)
stage qualified 2 qualifications
commit_at 2016-04-01 "opinion" $(sign expert-hdf-2)
stage poc-done 5 qualifications pocs
commit_at 2016-10-30 "POC planned, run and closed" $(sign agent-2)
stage generalized 6 qualifications pocs decisions
commit_at 2017-01-12 "generalized" $(sign agent-1)
stage generalized 6 qualifications pocs decisions realized
commit_at 2017-10-02 "realized 2017-Q3" $(sign agent-1)
check "the staged record is the fixture's" cmp -s p/innovations/2016/k3m9xa2q.yaml "$full"
check "the portfolio validates" "$innov" -C p validate -q
check "the roles audit is clean" "$innov" -C p audit -q

out=$("$innov" -C p audit --git --require-signed 2>&1)
code=$?
echo "$out"
check "all signed by allowed keys: exit 0" test $code -eq 0
c_opinion=$(git log --format=%h --abbrev=7 --grep "^opinion" | head -1)
c_gen=$(git log --format=%h --abbrev=7 --grep "^generalized" | head -1)
check "the opinion beside its commit, its author and its signer" \
  grep -Eq "^k3m9xa2q +opinion +2016-04-01 +expert-hdf-2 +$c_opinion +2016-04-01 +innov <innov@example.org> +good signature.* $k_expert +expert-hdf-2 +ok$" <<<"$out"
check "the decision signed by a member of its body" \
  grep -Eq "^k3m9xa2q +generalization decision +2017-01-12 +comite-national-innovation +$c_gen .* $k_comite +agent-1 +ok$" <<<"$out"
check "the three POC steps signed by a member of dr-hdf" \
  test "$(grep -Ec "^k3m9xa2q +poc-(planned|running|done) .* $k_dr +agent-2 +ok$" <<<"$out")" -eq 3
check "the realized value signed by a member of the go decision's body" \
  grep -Eq "^k3m9xa2q +realized +2017-Q3 +comite-national-innovation .* agent-1 +ok$" <<<"$out"
check "the summary counts them" grep -q "^git: 6 facts, 6 signed by someone allowed to record them, 0 not$" <<<"$out"
good=$(git rev-parse HEAD)

# The decision's rationale rewritten in a commit signed by agent-9 (no member of the committee),
# and an opinion on another record committed unsigned.
sed -i 's/^    rationale: Résultats au-delà de la cible dans deux agences.$/    rationale: Résultats au-delà de la cible./' p/innovations/2016/k3m9xa2q.yaml
commit_at 2017-11-02 "rationale" $(sign agent-9)
other=p/innovations/2016/7d2hq4wz.yaml
sed -i 's/^status: submitted$/status: qualified/' "$other"
sed -i '/^history:$/i qualifications:\n  - at: 2016-07-01\n    expert: agent-5\n    region: idf\n    scores: {value_jobseekers: 4, value_employers: 4, value_staff: 4, feasibility: 4, scalability: 4}\n    decision: go' "$other"
echo "  - {at: 2016-07-01, by: agent-5, from: submitted, to: qualified}" >>"$other"
commit_at 2017-11-03 "opinion on 7d2hq4wz"
check "the portfolio still validates" "$innov" -C p validate -q
check "... and the roles audit is clean" "$innov" -C p audit -q
err=$("$innov" -C p audit --git --require-signed 2>&1 >/dev/null)
code=$?
echo "$err"
check "--require-signed exits 1" test $code -eq 1
check "the decision rewritten under agent-9's key, on its line" \
  grep -q "^innovations/2016/k3m9xa2q.yaml:[0-9]*:9: error\[E064\]: generalization decision of 2017-01-12 by comite-national-innovation, written by commit [0-9a-f]\{7\} (innov <innov@example.org>): signed by agent-9 (key $k_other), expected agent-1$" <<<"$err"
check "the unsigned opinion" \
  grep -q "^innovations/2016/7d2hq4wz.yaml:[0-9]*:13: error\[E064\]: opinion of 2016-07-01 by agent-5, written by commit .*: the commit is unsigned (expected a key of agent-5)$" <<<"$err"
check "two findings, no more" test "$(grep -c 'error\[E064\]' <<<"$err")" -eq 2
out=$("$innov" -C p audit --git 2>/dev/null)
check "without --require-signed: exit 0, the verdicts in the table" \
  grep -q "^git: 7 facts, 5 signed by someone allowed to record them, 2 not$" <<<"$out"
out=$("$innov" -C p audit --git --since "$good" 2>&1)
code=$?
check "--since: exit 0 without --require-signed" test $code -eq 0
check "--since: the two facts written after it" \
  grep -q "^git: 2 facts written after $good, 0 signed by someone allowed to record them, 2 not$" <<<"$out"
check "--since: not the facts written before" test -z "$(grep -E "^k3m9xa2q +(opinion|poc-)" <<<"$out")"
json=$("$innov" -C p audit --git --require-signed --since "$good" --format json)
check "json: the facts beside the findings" grep -q '"verdict": "signed by agent-9' <<<"$json"
check "json: the findings" test "$(grep -c '"code": "E064"' <<<"$json")" -eq 2
gh=$("$innov" -C p audit --git --require-signed --format github)
check "github: one annotation per finding" test "$(grep -c '^::error .*title=E064' <<<"$gh")" -eq 2

# An uncommitted opinion is not signed.
sed -i 's/^    decision: go$/    decision: go\n    rationale: Utile./' "$other"
err=$("$innov" -C p audit --git --require-signed --since "$good" 2>&1 >/dev/null)
check "an uncommitted change is not signed" grep -q "opinion of 2016-07-01 by agent-5, written by the work tree: not committed" <<<"$err"
git checkout -q -- p

err=$("$innov" -C p audit --git --since no-such-rev 2>&1)
check "an unknown --since is a usage error (exit 2)" test $? -eq 2
check "... that names it" grep -q "'no-such-rev' is not a commit" <<<"$err"
err=$("$innov" -C p audit --require-signed 2>&1)
check "--require-signed without --git is a usage error" test $? -eq 2
err=$("$innov" -C p audit --git --rev HEAD~1 2>&1)
check "--git with --rev is a usage error" test $? -eq 2

# A key declared for two people: an error of innov.yaml with its position.
echo "  - {person: agent-7, keys: [$k_other]}" >>p/innov.yaml
err=$("$innov" -C p validate 2>&1)
check "a key of two people is refused (exit 1)" test $? -eq 1
check "... with its line and column" grep -q "^innov.yaml:[0-9]*:30: error\[E063\]: key $k_other of 'agent-7' is already declared for 'agent-9'" <<<"$err"
exit $fail
