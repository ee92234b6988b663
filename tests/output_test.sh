#!/usr/bin/env bash
# Where output goes: `-o` writes into devices, FIFOs, /dev/stdout and process substitutions instead of
# replacing them, replaces regular files, refuses a missing folder; every write error is exit 4 with
# a message; a closed pipe ends quietly with exit 0 (so `innov ... | head` works under pipefail).
# Usage: output_test.sh INNOV SOURCE_DIR
set -u
innov=$1
example=$2/examples/pole-emploi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$example" "$work/p" && rm -rf "$work/p/.innov"
p=$work/p
fail=0
check() { # message command...
  local message=$1
  shift
  if "$@"; then echo "ok: $message"; else echo "output_test: FAILED: $message"; fail=1; fi
}
expect() { # message expected-exit expected-stderr-substring command...
  local message=$1 code=$2 err=$3
  shift 3
  "$@" > "$work/out" 2> "$work/err"
  local got=$?
  local err_ok=0
  if [ -z "$err" ]; then [ ! -s "$work/err" ] && err_ok=1; else grep -qF -- "$err" "$work/err" && err_ok=1; fi
  if [ "$got" = "$code" ] && [ "$err_ok" = 1 ]; then
    echo "ok: $message"
  else
    echo "output_test: FAILED: $message (exit $got, stderr: $(cat "$work/err"))"
    fail=1
  fi
}

full="cannot write to standard output: No space left on device"
for cmd in "report funnel" "idea list" "export csv" "validate --format json" "search recrutement"; do
  # shellcheck disable=SC2086
  expect "'$cmd > /dev/full' exits 4 with a message" 4 "$full" sh -c "'$innov' -C '$p' $cmd > /dev/full"
done
expect "-o /dev/full exits 4 naming the device" 4 "cannot write '/dev/full': No space left on device" \
  "$innov" -C "$p" report funnel -o /dev/full
check "/dev/full is still a character device" test -c /dev/full

# The reader is gone before innov writes (it sleeps first), so the write fails with EPIPE: without
# care the process dies of SIGPIPE (exit 141 under pipefail).
for cmd in "report funnel" "idea list" "export json"; do
  expect "'$cmd | true' with the reader gone ends quietly with exit 0" 0 "" \
    bash -c "set -o pipefail; { sleep 0.3; '$innov' -C '$p' $cmd; } | true"
done
expect "idea list | head -1 under pipefail" 0 "" \
  bash -c "set -o pipefail; '$innov' -C '$p' idea list | head -1 > /dev/null"

"$innov" -C "$p" report funnel --format json > "$work/expected.json"
expect "-o /dev/stdout writes to standard output" 0 "" \
  bash -c "'$innov' -C '$p' report funnel -o /dev/stdout --format json > '$work/stdout.json'"
check "... the same bytes as without -o" cmp -s "$work/expected.json" "$work/stdout.json"
expect "-o >(cat) writes into the process substitution" 0 "" \
  bash -c "'$innov' -C '$p' report funnel --format json -o >(cat > '$work/subst.json'); sleep 0.5"
check "... the same bytes" cmp -s "$work/expected.json" "$work/subst.json"

mkfifo "$work/fifo"
# The reader gives up after 15 s: if innov dies before opening the FIFO, the test fails, never hangs.
timeout 15 cat "$work/fifo" > "$work/fifo.out" &
reader=$!
expect "-o FIFO writes into the FIFO" 0 "" timeout 10 "$innov" -C "$p" report funnel --format json -o "$work/fifo"
wait "$reader"
check "... the reader got the report" cmp -s "$work/expected.json" "$work/fifo.out"
check "... the FIFO is still a FIFO" test -p "$work/fifo"

expect "-o into a missing folder exits 4 with a hint" 4 "hint: create it first: mkdir -p '$work/missing/dir'" \
  "$innov" -C "$p" report funnel -o "$work/missing/dir/x.json"
check "... and creates no folder" test ! -e "$work/missing"
expect "-o a directory exits 4" 4 "it is a directory" "$innov" -C "$p" report funnel -o "$work"

echo old > "$work/report.json"
expect "-o a regular file replaces it" 0 "" "$innov" -C "$p" report funnel -o "$work/report.json"
check "... with the report (format from the extension)" cmp -s "$work/expected.json" "$work/report.json"
check "... and leaves no temporary file" test -z "$(ls -A "$work" | grep '\.tmp\.')"
exit $fail
