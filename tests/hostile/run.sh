#!/usr/bin/env bash
# Hostile-input corpus: every case of cases.tsv runs on a fresh copy of tests/fixtures/base with
# one hostile file (or command line) put in place, under `timeout 5` and `/usr/bin/time -f %M`.
# A case passes when the command exits with the expected code, prints the expected message
# (a substring of stdout + stderr, file:line:col included where there is a file), is not killed
# by a signal or the timeout, stays under 200 MB of peak RSS, leaves the portfolio tree and the
# folder outside it exactly as they were (checksums, modes, link targets and modification times;
# cases marked `rw` may change the portfolio), and satisfies the case's extra check.
# Each case runs twice: with INNOV_NO_CACHE=1 (only .innov/lock may appear: a writing command takes
# the lock before it reads and refuses) and with the index cache (.innov/cache.db* and the lock);
# both runs must give the same answer.
# Large or binary inputs are generated here (gen_* below), never committed.
# INNOV_HOSTILE_SCALE (default 1) multiplies both limits, for a sanitizer build: AddressSanitizer's
# shadow memory and quarantine alone take the RSS of some cases over 200 MB.
#
# cases.tsv: tab-separated, '#' lines are comments; columns
#   name     a unique name
#   setup    shell run in the portfolio copy before the command ('-' for none); helpers below
#   command  the innov arguments (shell words; run from the portfolio root, so no -C is needed)
#   exit     the expected exit code
#   message  a substring expected in stdout + stderr ('-' for none)
#   mode     ro: nothing may be written; rw: the portfolio may change (never outside it)
#   check    extra shell condition that must hold afterwards ('-' for none)
# Variables for setup and check: $P portfolio copy, $OUT a folder outside it (holds outside.yaml),
# $REC the victim record innovations/2016/7d2hq4wz.yaml, $H this folder, $LOG the command output.
#
# Usage: run.sh INNOV SOURCE_DIR [NAME_PATTERN]
set -u
innov_bin=$(realpath "$1")
src=$(realpath "$2")
pattern=${3:-}
H=$src/tests/hostile
scale=${INNOV_HOSTILE_SCALE:-1}
k_max_rss_kb=$((204800 * scale))
k_seconds=$((5 * scale))
work=$(mktemp -d)
trap 'chmod -R u+rwX "$work" 2>/dev/null; rm -rf "$work"' EXIT
export NO_COLOR=1 INNOV_USER=agent-9 LC_ALL=C.UTF-8
unset INNOV_PORTFOLIO INNOV_NOW GITHUB_ACTIONS INNOV_NO_CACHE

# --- generators for inputs too big or too binary to commit --------------------------------------
REC=innovations/2016/7d2hq4wz.yaml
header() { printf 'id: 7d2hq4wz\nkind: practice\ntitle: T\nauthor: agent-1\nregion: idf\nsource: internal\n'; }
tail_fields() { printf 'created: 2016-06-10\nstatus: submitted\nhistory:\n  - {at: 2016-06-10, by: agent-1202, to: submitted}\n'; }
gen_big() { # BYTES FILE: a valid record padded with a comment to BYTES
  { header; tail_fields; } >"$2"
  head -c "$(($1 - $(stat -c %s "$2") - 2))" /dev/zero | tr '\0' 'x' | sed '1s/^/#/' >>"$2"
  echo >>"$2"
}
gen_deep() { # DEPTH OPEN CLOSE FILE: a record whose description nests DEPTH levels
  { header; printf 'description: '; awk -v n="$1" -v o="$2" -v c="$3" 'BEGIN {
      for (i = 0; i < n; i++) printf "%s", o; for (i = 0; i < n; i++) printf "%s", c; print "" }'; tail_fields; } >"$4"
}
gen_junk() { # BYTES FILE: deterministic pseudo-random bytes (all 256 values)
  awk -v n="$1" 'BEGIN { s = 12345; for (i = 0; i < n; i++) { s = (s * 1103515245 + 12345) % 2147483648;
      printf "%c", int(s / 65536) % 256 } }' </dev/null >"$2"
}
gen_long_line() { # BYTES FILE: a record whose title is one line of BYTES characters
  { header | sed '/^title/d'; printf 'title: '; head -c "$1" /dev/zero | tr '\0' 'a'; echo; tail_fields; } >"$2"
}
gen_likes() { # COUNT FILE: a valid record with COUNT likes, sorted and unique
  { header; tail_fields; printf 'likes: ['; seq -f 'agent-%06g' 1 "$1" | sort | paste -sd, | sed 's/,/, /g' | tr -d '\n'
    printf ']\n'; } >"$2.tmp"
  # likes go before history in canonical order: move them after status.
  awk '/^likes:/ {next} {print} /^status:/ {while ((getline l < f) > 0) if (l ~ /^likes:/) print l}' f="$2.tmp" "$2.tmp" >"$2"
  rm -f "$2.tmp"
}
gen_utf16() { # FILE: the base record in UTF-16LE with a BOM
  printf '\xff\xfe' >"$1"
  tail_fields | sed 's/^/# /' | iconv -f UTF-8 -t UTF-16LE >>"$1"
}

run_unprivileged_or_skip() { # as root a chmod 000 file is still readable: run as nobody, or skip
  if (($(id -u) != 0)); then
    return 0
  fi
  if setpriv --reuid=65534 --regid=65534 --clear-groups -- true 2>/dev/null; then
    touch ../as_nobody
  else
    echo "root reads a chmod 000 file and setpriv cannot drop to nobody" >../skip
  fi
}

# --- one run ------------------------------------------------------------------------------------
listing() { # DIR: type, mode, link target of every entry but .innov/; size, mtime and hash of files
  (cd "$1" 2>/dev/null && find . -path ./.innov -prune -o \( -type d -printf '%y %m %p\n' \) -o -printf '%y %m %s %T@ %p -> %l\n' | sort &&
    find . -path ./.innov -prune -o -type f -readable -print0 | sort -z | xargs -0 -r sha256sum)
}

innov_entries() { # DIR: the entries of DIR/.innov/ when it is a real folder
  [[ -d $1/.innov && ! -L $1/.innov ]] && (cd "$1/.innov" && find . -mindepth 1 | sort)
}

innov() { # the wrapper every case command calls: timeout, peak RSS, optional unprivileged user
  local -a pre=()
  if [[ -n ${AS_NOBODY:-} ]]; then
    pre=(setpriv --reuid=65534 --regid=65534 --clear-groups --)
  fi
  /usr/bin/time -f %M -o "$work/rss" timeout -k 1 "$k_seconds" "${pre[@]}" "$innov_bin" "$@"
}

fail_count=0
pass_count=0
skip_count=0
failures=()

run_case() { # CACHE(0|1) NAME SETUP COMMAND EXIT MESSAGE MODE CHECK; prints the result line into $work/result
  local cache=$1 name=$2 setup=$3 command=$4 want_exit=$5 message=$6 mode=$7 check=$8
  local run=$work/run P OUT LOG rc rss before after out_before out_after innov_before problems=()
  chmod -R u+rwX "$run" 2>/dev/null
  rm -rf "$run"
  mkdir -p "$run/outside"
  cp -r "$src/tests/fixtures/base" "$run/p"
  rm -rf "$run/p/.innov"
  P=$run/p OUT=$run/outside LOG=$run/log
  printf 'id: zzzz0000\ntitle: outside the portfolio\n' >"$OUT/outside.yaml"
  AS_NOBODY=
  if [[ $setup != - ]]; then
    if ! (cd "$P" && eval "$setup") >"$run/setup.log" 2>&1; then
      echo "setup failed: $(head -c 300 "$run/setup.log")" >"$work/result"
      return
    fi
  fi
  if [[ -f $run/skip ]]; then
    echo "SKIP $(cat "$run/skip")" >"$work/result"
    return
  fi
  [[ -f $run/as_nobody ]] && AS_NOBODY=1 && chmod 755 "$work" "$run"
  before=$(listing "$P")
  innov_before=$(innov_entries "$P")
  out_before=$(listing "$OUT")
  rm -f "$work/rss"
  (
    cd "$P" || exit 99
    if [[ $cache == 0 ]]; then export INNOV_NO_CACHE=1; fi
    eval "innov $command" </dev/null >"$LOG" 2>&1
  )
  rc=$?
  rss=$(tail -1 "$work/rss" 2>/dev/null)
  [[ $rss =~ ^[0-9]+$ ]] || rss=0
  if grep -q '^Command terminated by signal' "$work/rss" 2>/dev/null; then
    problems+=("$(grep '^Command terminated' "$work/rss")")
  fi
  if ((rc == 124 || rc == 137)); then
    problems+=("timed out after $k_seconds s")
  elif ((rc > 128)); then
    problems+=("killed by signal $((rc - 128))")
  elif [[ $rc != "$want_exit" ]]; then
    problems+=("exit $rc, expected $want_exit")
  fi
  if [[ $message != - ]] && ! grep -qF -- "$message" "$LOG"; then
    problems+=("no '$message' in the output")
  fi
  if ((rss > k_max_rss_kb)); then
    problems+=("peak RSS $((rss / 1024)) MB over $((k_max_rss_kb / 1024)) MB")
  fi
  after=$(listing "$P")
  if [[ $mode == ro && $before != "$after" ]]; then
    problems+=("the portfolio changed: $(diff <(echo "$before") <(echo "$after") | grep '^[<>]' | head -3 | tr '\n' ' ')")
  fi
  # .innov/ may hold the lock a writing command takes before it refuses, and with the cache its files.
  local allowed='^\./lock$' extra
  [[ $cache == 1 ]] && allowed='^\./(lock|cache\.db.*)$'
  extra=$(comm -13 <(echo "$innov_before") <(innov_entries "$P") | grep -Ev "$allowed" | tr '\n' ' ')
  [[ -z $extra ]] || problems+=("new files in .innov with cache=$cache: $extra")
  out_after=$(listing "$OUT")
  if [[ $out_before != "$out_after" ]]; then
    problems+=("the folder outside the portfolio changed")
  fi
  if [[ $check != - ]] && ! (cd "$P" && eval "$check") >>"$run/check.log" 2>&1; then
    problems+=("check failed: $check")
  fi
  if ((${#problems[@]})); then
    printf 'FAIL %s\n' "$(IFS=';'; echo "${problems[*]}")" >"$work/result"
    {
      echo "--- output of $name (cache=$cache), first lines:"
      head -c 1500 "$LOG" | head -8 | cut -c1-300 | cat -v
    } >"$work/detail"
  else
    printf 'ok exit %s, %s MB\n' "$rc" "$((rss / 1024))" >"$work/result"
  fi
}

names=()
while IFS=$'\t' read -r name setup command want_exit message mode check; do
  [[ -z $name || $name == \#* ]] && continue
  [[ -n $pattern && ! $name =~ $pattern ]] && continue
  names+=("$name")
  verdicts=()
  for cache in 0 1; do
    rm -f "$work/detail"
    run_case "$cache" "$name" "$setup" "$command" "$want_exit" "$message" "${mode:-ro}" "${check:--}"
    verdicts+=("$(cat "$work/result")")
    [[ -f $work/detail ]] && cat "$work/detail"
  done
  if [[ ${verdicts[0]} == SKIP* ]]; then
    printf '%-34s %s\n' "$name" "${verdicts[0]}"
    skip_count=$((skip_count + 1))
  elif [[ ${verdicts[0]} == ok* && ${verdicts[1]} == ok* ]]; then
    printf '%-34s %s\n' "$name" "${verdicts[0]}"
    pass_count=$((pass_count + 1))
  else
    printf '%-34s no-cache: %s | cache: %s\n' "$name" "${verdicts[0]}" "${verdicts[1]}"
    fail_count=$((fail_count + 1))
    failures+=("$name")
  fi
done <"$H/cases.tsv"

if ((${#names[@]} != $(printf '%s\n' "${names[@]}" | sort -u | wc -l))); then
  echo "hostile: FAILED: duplicate case names in cases.tsv"
  exit 1
fi
echo "hostile: ${#names[@]} cases: $pass_count passed, $fail_count failed, $skip_count skipped"
if ((fail_count)); then
  echo "hostile: FAILED: ${failures[*]}"
  exit 1
fi
exit 0
