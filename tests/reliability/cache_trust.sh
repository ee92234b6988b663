#!/usr/bin/env bash
# The cache and .innov/ are untrusted (docs/reliability.md, "The cache is untrusted").
#
# Mode "trust" (the default) on a copy of examples/pole-emploi:
#  - links: .innov/cache.db, -wal, -shm, -journal and listing made symlinks to a victim SQLite
#    database holding the cache's own tables, an empty database, a regular file, a FIFO and a missing
#    path, then FIFOs and folders in their place: reads, a mutation and a rebuild succeed, answer as
#    --no-cache, never hang, and every victim keeps its SHA-256 (the missing path stays missing);
#    .innov/lock as a link or a FIFO makes a mutation fail with exit 4 naming the lock;
#  - a forged row (a record's title changed in its file, the files table given the new SHA-256)
#    copied to a new place, a backup restored with `cp -a` over a portfolio that got a new record
#    since, and a same-size edit followed by `touch -r`: cached output equal to --no-cache;
#  - every table of the cache dropped in turn, and FLIPS bytes flipped at random offsets (a fresh
#    copy of the cache each): no exit 4, no crash, no hang, at most one warning; a dropped table
#    gives output equal to --no-cache.
# Mode "disk": a 6 MB tmpfs mounted here (exit 77 when mount is not permitted) is filled up: read
# commands work from memory with one warning and leave no -wal or temporary file; a failing
# `idea new` leaves no year folder; then the same read on the tmpfs remounted read-only.
# Usage: cache_trust.sh INNOV_BINARY SOURCE_DIR [trust|disk] [FLIPS]
set -u
innov=$1
src=$2
mode=${3:-trust}
flips=${4:-${INNOV_CACHE_FLIPS:-100}}
test_name=cache_trust
# shellcheck source=tests/reliability/setup.sh
source "$(dirname "$0")/setup.sh"
mnt=$work/mnt
trap 'mountpoint -q "$mnt" && umount "$mnt"; rm -rf "$work"' EXIT
out=$work/outside
mkdir -p "$out"
cmds=("idea list" "report funnel" "search emploi" "export csv" "report value")
id=$(sed -n 's/^id: //p' "$(ls "$p"/innovations/2016/*.yaml | head -1)")

run() { # DIR ARGS...: the cached command, under a timeout; output in $work/out, $work/err, $work/rc
  local dir=$1
  shift
  timeout -k 1 20 "$innov" -C "$dir" "$@" >"$work/out" 2>"$work/err" </dev/null
  echo $? >"$work/rc"
}
expect_same() { # DIR LABEL: every command of $cmds exits 0 and prints what --no-cache prints
  local dir=$1 label=$2 c rc warnings
  for c in "${cmds[@]}"; do
    # shellcheck disable=SC2086
    INNOV_NO_CACHE=1 "$innov" -C "$dir" $c >"$work/expected" 2>/dev/null
    # shellcheck disable=SC2086
    run "$dir" $c
    rc=$(cat "$work/rc")
    warnings=$(grep -c 'warning' "$work/err")
    if [[ $rc != 0 ]]; then
      problem "$label: '$c' exited $rc: $(head -c 300 "$work/err")"
    elif ! cmp -s "$work/expected" "$work/out"; then
      problem "$label: '$c' differs from --no-cache: $(diff "$work/expected" "$work/out" | head -3 | tr '\n' ' ')"
    elif ((warnings > 1)); then
      problem "$label: '$c' printed $warnings warnings"
    fi
  done
}
hashes() { # the SHA-256 of the victims, and whether the missing one appeared
  sha256sum "$out/victim.db" "$out/empty.db" "$out/plain.txt"
  [[ -p $out/fifo ]] && echo fifo
  [[ -e $out/missing || -L $out/missing ]] && echo "missing exists"
}
ok_count=0
passed() { ok_count=$((ok_count + 1)); }

victims() {
  sleep 2.2 # the folders of the copy become old enough for the listing to trust them
  # A victim database holding the cache's own tables: the cache of another copy.
  cp -r "$p" "$work/q"
  "$innov" -C "$work/q" idea list >/dev/null 2>&1
  cp "$work/q/.innov/cache.db" "$out/victim.db"
  sqlite3 "$out/empty.db" 'CREATE TABLE t (x); DROP TABLE t;'
  echo "a regular file" >"$out/plain.txt"
  mkfifo "$out/fifo"
  before=$(hashes)
}

links() {
  local name target c all=("${cmds[@]}")
  cmds=("idea list" "report funnel") # each of 25 links; the whole list below

  # --- 1. links, FIFOs and folders under .innov/ --------------------------------------------------
  for name in cache.db cache.db-wal cache.db-shm cache.db-journal listing; do
    for target in victim.db empty.db plain.txt fifo missing; do
      rm -rf "$p/.innov"
      "$innov" -C "$p" idea list >/dev/null 2>&1 # a real cache beside the link
      ln -sfn "$out/$target" "$p/.innov/$name"
      expect_same "$p" "$name -> $target"
      run "$p" idea like "$id" --by agent-91
      [[ $(cat "$work/rc") == 0 ]] || problem "$name -> $target: 'idea like' exited $(cat "$work/rc")"
      run "$p" index --rebuild
      [[ $(cat "$work/rc") == 0 ]] || problem "$name -> $target: 'index --rebuild' exited $(cat "$work/rc")"
      [[ -L $p/.innov/$name ]] && problem "$name -> $target: the link is still there"
      [[ $(hashes) == "$before" ]] || problem "$name -> $target: a victim changed: $(diff <(echo "$before") <(hashes) | tr '\n' ' ')"
      passed
    done
    for kind in fifo folder; do
      rm -rf "$p/.innov"
      mkdir "$p/.innov"
      if [[ $kind == fifo ]]; then mkfifo "$p/.innov/$name"; else mkdir -p "$p/.innov/$name/x"; fi
      expect_same "$p" "$name as a $kind"
      passed
    done
  done
  for target in victim.db missing fifo; do
    rm -rf "$p/.innov"
    mkdir "$p/.innov"
    ln -s "$out/$target" "$p/.innov/lock"
    run "$p" idea like "$id" --by agent-92
    [[ $(cat "$work/rc") == 4 ]] || problem "lock -> $target: 'idea like' exited $(cat "$work/rc"), expected 4"
    grep -qF "refusing the portfolio lock '$p/.innov/lock': it is a symbolic link" "$work/err" ||
      problem "lock -> $target: no message naming the lock: $(head -c 200 "$work/err")"
    grep -q agent-92 "$p"/innovations/*/"$id".yaml && problem "lock -> $target: the like was written"
    [[ $(hashes) == "$before" ]] || problem "lock -> $target: a victim changed"
    passed
  done
  rm -rf "$p/.innov"
  mkdir "$p/.innov"
  mkfifo "$p/.innov/lock"
  run "$p" idea like "$id" --by agent-92
  [[ $(cat "$work/rc") == 4 ]] && grep -qF "'$p/.innov/lock': it is not a regular file" "$work/err" ||
    problem "lock as a FIFO: exit $(cat "$work/rc"): $(head -c 200 "$work/err")"
  passed
  rm -rf "$p/.innov"
  mkdir "$work/elsewhere"
  ln -s innovations "$p/.innov"
  run "$p" idea list
  [[ $(cat "$work/rc") == 4 ]] || problem ".innov as a link inside the portfolio: exit $(cat "$work/rc")"
  [[ -e $p/innovations/cache.db ]] && problem ".innov as a link: a cache was written through it"
  rm -f "$p/.innov"
  passed
  cmds=("${all[@]}")
}

forged() {
  # --- 2. a cache that answers otherwise --------------------------------------------------------
  # A forged row: the title of a record changed in its file (same length), the files table given
  # the SHA-256 of the new content, the whole portfolio then copied (as a clone would).
  local rec rel hash
  rec=$(ls "$p"/innovations/2016/*.yaml | head -1)
  rel=${rec#"$p"/}
  "$innov" -C "$p" idea list >/dev/null 2>&1
  sed -i '0,/^title: ./s/^title: \(.\)/title: X/' "$rec"
  hash=$(sha256sum "$rec" | cut -d' ' -f1)
  sqlite3 "$p/.innov/cache.db" "UPDATE files SET hash = '$hash' WHERE path = '$rel'" ||
    problem "forged row: sqlite3 failed"
  cp -r "$p" "$work/clone"
  expect_same "$work/clone" "forged row, cloned"
  passed

  # A backup restored with cp -a over a portfolio that got a new record since (the forged cache of
  # this folder goes first: a forgery in place is not what this case is about).
  rm -rf "$p/.innov"
  "$innov" -C "$p" idea list >/dev/null 2>&1
  sleep 2.2
  "$innov" -C "$p" idea list >/dev/null 2>&1 # the listing now trusts every folder
  cp -a "$p" "$work/backup"
  "$innov" -C "$p" idea new --title 'Restored over' --region hdf --created 2016-03-01 --no-similar \
    >/dev/null 2>&1 || problem "backup: idea new failed"
  "$innov" -C "$p" idea list >/dev/null 2>&1
  cp -a "$work/backup/." "$p/"
  expect_same "$p" "backup restored with cp -a"
  run "$p" idea list
  grep -q 'Restored over' "$work/out" || problem "backup: the new record is not in the list"
  passed

  # A same-size edit put back to the old modification time.
  sleep 2.2
  "$innov" -C "$p" idea list >/dev/null 2>&1
  cp -p "$rec" "$work/ref"
  sed '0,/^title: ./s/^title: \(.\)/title: Y/' "$rec" >"$work/edited"
  cat "$work/edited" >"$rec"
  touch -r "$work/ref" "$rec"
  expect_same "$p" "same-size edit and touch -r"
  passed
}

damage() {
  # --- damage: dropped tables and flipped bytes ---------------------------------------------------
  rm -rf "$p/.innov"
  "$innov" -C "$p" idea list >/dev/null 2>&1
  sqlite3 "$p/.innov/cache.db" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
  cp "$p/.innov/cache.db" "$work/pristine.db"
  local tables table
  mapfile -t tables < <(sqlite3 "$work/pristine.db" "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
  restore() { # the pristine cache, written in place (the same inode: the cache stays bound here)
    rm -f "$p/.innov/cache.db-wal" "$p/.innov/cache.db-shm"
    cat "$work/pristine.db" >"$p/.innov/cache.db"
  }
  for table in "${tables[@]}"; do
    restore
    sqlite3 "$p/.innov/cache.db" "DROP TABLE \"$table\"" 2>/dev/null || continue
    expect_same "$p" "table $table dropped"
    passed
  done
  local size i offset byte changed=0 healed=0
  size=$(stat -c %s "$work/pristine.db")
  RANDOM=${INNOV_CACHE_SEED:-1}
  for ((i = 0; i < flips; i++)); do
    restore
    offset=$(((RANDOM * 32768 + RANDOM) % size))
    byte=$(((RANDOM % 255) + 1))
    python3 -c "import sys
f = open(sys.argv[1], 'r+b'); f.seek(int(sys.argv[2])); b = f.read(1)[0]
f.seek(int(sys.argv[2])); f.write(bytes([b ^ int(sys.argv[3])]))" "$p/.innov/cache.db" "$offset" "$byte"
    for c in "idea list" "report funnel" "search emploi"; do
      # shellcheck disable=SC2086
      run "$p" $c
      rc=$(cat "$work/rc")
      if [[ $rc != 0 ]]; then
        problem "flip at $offset (xor $byte): '$c' exited $rc: $(head -c 300 "$work/err")"
      fi
      grep -q 'rebuilt the index cache' "$work/err" && healed=$((healed + 1))
      # shellcheck disable=SC2086
      INNOV_NO_CACHE=1 "$innov" -C "$p" $c >"$work/expected" 2>/dev/null
      cmp -s "$work/expected" "$work/out" || changed=$((changed + 1))
    done
    passed
  done
  echo "$test_name: $flips flips: $healed rebuilds, $changed outputs differing from --no-cache (a flip inside a stored value)"
}

disk() {
  mkdir -p "$mnt"
  if ! mount -t tmpfs -o size=6m tmpfs "$mnt" 2>"$work/mount.err"; then
    echo "$test_name: SKIP: cannot mount a tmpfs: $(cat "$work/mount.err")"
    exit 77
  fi
  local q=$mnt/p rec left before
  cp -r "$p" "$q"
  sleep 2.2
  "$innov" -C "$q" idea list >/dev/null 2>&1
  rec=$(ls "$q"/innovations/2016/*.yaml | head -1)
  fill() { dd if=/dev/zero of="$mnt/fill" bs=4k >/dev/null 2>&1; sync; }
  leftovers() { find "$mnt" \( -name '*-wal' -o -name '*-journal' -o -name '*.tmp*' \) -printf '%p '; }
  # A warm cache that must be written (a record changed), then a cold one, on a full disk.
  for state in warm cold; do
    rm -f "$mnt/fill"
    [[ $state == cold ]] && rm -rf "$q/.innov"
    fill
    sed '0,/^title: ./s/^title: \(.\)/title: Z/' "$rec" >"$work/edited"
    cat "$work/edited" >"$rec" # the same size: the full disk takes it
    run "$q" idea list
    [[ $(cat "$work/rc") == 0 ]] || problem "full disk ($state): idea list exited $(cat "$work/rc"): $(head -c 300 "$work/err")"
    INNOV_NO_CACHE=1 "$innov" -C "$q" idea list >"$work/expected" 2>/dev/null
    cmp -s "$work/expected" "$work/out" || problem "full disk ($state): idea list differs from --no-cache"
    [[ $(grep -c warning "$work/err") == 1 ]] || problem "full disk ($state): warnings: $(cat "$work/err")"
    left=$(leftovers)
    [[ -z $left ]] || problem "full disk ($state): left behind: $left"
    passed
  done
  run "$q" idea new --title 'No room' --region hdf --created 2031-05-01 --no-similar
  [[ $(cat "$work/rc") != 0 ]] || problem "full disk: idea new succeeded"
  [[ -e $q/innovations/2031 ]] && problem "full disk: a failed idea new left innovations/2031"
  left=$(leftovers)
  [[ -z $left ]] || problem "full disk: idea new left behind: $left"
  passed
  # Read-only media: a record changed since the cache was written, then the file system remounted.
  rm -f "$mnt/fill"
  rm -rf "$q/.innov"
  "$innov" -C "$q" idea list >/dev/null 2>&1
  sed '0,/^title: ./s/^title: \(.\)/title: R/' "$rec" >"$work/edited"
  cat "$work/edited" >"$rec"
  mount -o remount,ro "$mnt" || problem "cannot remount the tmpfs read-only"
  before=$(find "$mnt" -printf '%p %s %T@\n' | sort)
  run "$q" idea list
  [[ $(cat "$work/rc") == 0 ]] || problem "read-only: idea list exited $(cat "$work/rc"): $(head -c 300 "$work/err")"
  INNOV_NO_CACHE=1 "$innov" -C "$q" idea list >"$work/expected" 2>/dev/null
  cmp -s "$work/expected" "$work/out" || problem "read-only: idea list differs from --no-cache"
  [[ $(grep -c warning "$work/err") == 1 ]] || problem "read-only: warnings: $(cat "$work/err")"
  [[ $(find "$mnt" -printf '%p %s %T@\n' | sort) == "$before" ]] || problem "read-only: the file system changed"
  passed
}

case $mode in
  trust) victims; links; forged; damage ;;
  links | forged | damage) victims; $mode ;;
  disk) disk ;;
  *) echo "usage: cache_trust.sh INNOV SOURCE_DIR [trust|disk] [FLIPS]" >&2; exit 2 ;;
esac
echo "$test_name ($mode): $ok_count checks run in $((($(date +%s%N) - started) / 1000000)) ms"
exit $fail
