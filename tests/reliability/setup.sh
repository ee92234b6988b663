# Sourced by the reliability tests: a copy of examples/pole-emploi without its index cache in $p
# (under $work, removed on exit), a clean environment, and problem() to report a failure.
# Needs $src (the source tree) and $test_name.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export INNOV_USER=agent-1 NO_COLOR=1
unset INNOV_NO_CACHE INNOV_PORTFOLIO INNOV_NOW
p=$work/p
cp -r "$src/examples/pole-emploi" "$p"
rm -rf "$p/.innov"
# The roles of innov.yaml (population to edit, at its end) are left out: these tests write opinions
# and merges by made-up people; the roles have their own tests (test_cli_roles, innov audit).
sed -i '/^# Who takes part and who decides/,$d' "$p/innov.yaml"
if grep -q "^bodies:" "$p/innov.yaml"; then echo "setup: the roles of innov.yaml are still there"; exit 1; fi
started=$(date +%s%N)
fail=0
problem() {
  echo "$test_name: FAILED: $*"
  fail=1
}
