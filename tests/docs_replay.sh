#!/usr/bin/env bash
# Replays the `$ innov ...` blocks of a document and fails when the output differs from the page.
# Usage: docs_replay.sh INNOV_BINARY SOURCE_DIR DOC.md
#
# A replayed block is a ```text (or ```console) fence holding lines that start with "$ ": each is a
# command (a line ending with "\" continues it), the lines after it up to the next "$ " are its
# expected output (stdout and stderr together, then "[exit N]" when it exits N != 0). In expected
# output a line "..." (indented or not) stands for any number of lines; trailing spaces and trailing
# blank lines do not count. A block opened with ```text {no-replay} (or ```console {no-replay}) is
# not replayed: say why in a comment above it.
#
# The commands of one document run in order in one bash, so `id=$(...)`, `cd` and `export` carry
# from block to block. A document whose first command is `innov init` starts in an empty directory;
# any other starts in a directory holding a fresh copy of the example portfolio,
# examples/pole-emploi, which INNOV_PORTFOLIO names. That directory is shown as /tmp/walk in the
# page. INNOV_NOW=2017-07-01 pins the clock. Record ids are random: the ids of records the replay
# created, and in the page the id-shaped words the replay did not print, are numbered in order of
# appearance (<id1>, <id2>...) on both sides before comparing (so a page that swaps two ids is
# caught once one of them was printed before, as `echo $id` does).
# Needs git when the document runs git (exit 77, skipped, without it).
set -eu
innov=$1 src=$2 doc=$3
name=$(basename "$doc")

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
work=$tmp/walk
plan=$tmp/plan
mkdir -p "$work" "$plan" "$tmp/bin" "$tmp/home"
ln -s "$innov" "$tmp/bin/innov"

# The plan: plan/N.cmd (the command) and plan/N.exp (its expected output), N from 1.
awk -v plan="$plan" '
  function flush() { if (n > 0) { close(plan "/" n ".cmd"); close(plan "/" n ".exp") } }
  /^```/ {
    if (state == "text") { state = ""; cur = 0 }
    else if (state == "other") { state = "" }
    else if ($0 == "```text" || $0 == "```console") { state = "text"; cur = 0 }
    else { state = "other" }
    next
  }
  state != "text" { next }
  cont { printf "%s\n", $0 >> (plan "/" n ".cmd"); cont = /\\$/; next }
  /^\$ / {
    flush(); n++; cur = n
    printf "%s\n", substr($0, 3) > (plan "/" n ".cmd")
    printf "" > (plan "/" n ".exp")
    cont = /\\$/
    next
  }
  cur > 0 { printf "%s\n", $0 >> (plan "/" n ".exp") }
' "$doc"

count=$(find "$plan" -name '*.cmd' | wc -l)
if [ "$count" -eq 0 ]; then
  echo "docs_replay: $name has no block to replay"
  exit 0
fi
if grep -qE '(^|[;&|(] *)git ' "$plan"/*.cmd && ! command -v git > /dev/null; then
  echo "docs_replay: SKIPPED: $name runs git, which is not installed"
  exit 77
fi

unset INNOV_PORTFOLIO INNOV_USER INNOV_NO_CACHE GITHUB_ACTIONS NO_COLOR
export INNOV_NOW=2017-07-01 LC_ALL=C.UTF-8 HOME=$tmp/home PATH=$tmp/bin:$PATH
export GIT_AUTHOR_NAME=docs GIT_AUTHOR_EMAIL=docs@example.org GIT_COMMITTER_NAME=docs \
  GIT_COMMITTER_EMAIL=docs@example.org GIT_CONFIG_NOSYSTEM=1
if ! head -n 1 "$plan/1.cmd" | grep -qE '^innov init( |$)'; then
  mkdir -p "$work/examples"
  cp -r "$src/examples/pole-emploi" "$work/examples/pole-emploi"
  rm -rf "$work/examples/pole-emploi/.innov"
  export INNOV_PORTFOLIO=$work/examples/pole-emploi
fi
find "$work" -path '*/innovations/*.yaml' -printf '%f\n' | sed 's/\.yaml$//' | sort > "$tmp/ids.before"

# Every command in one shell, each one's output in plan/N.out.
(
  cd "$work"
  for i in $(seq 1 "$count"); do
    rc=0
    { eval "$(cat "$plan/$i.cmd")"; } > "$plan/$i.out" 2>&1 < /dev/null || rc=$?
    if [ "$rc" -ne 0 ]; then
      echo "[exit $rc]" >> "$plan/$i.out"
    fi
  done
)
find "$work" -path '*/innovations/*.yaml' -printf '%f\n' | sed 's/\.yaml$//' | sort > "$tmp/ids.after"
comm -13 "$tmp/ids.before" "$tmp/ids.after" > "$tmp/ids.new"

perl -CSD -e '
  use strict; use warnings;
  my ($plan, $count, $work, $name, $new_ids) = @ARGV;
  sub slurp { open(my $f, "<", $_[0]) or die "$_[0]: $!"; local $/; my $t = <$f>; close $f; $t }
  my @cmd = map { slurp("$plan/$_.cmd") } 1 .. $count;
  my @exp = map { slurp("$plan/$_.exp") } 1 .. $count;
  my @out = map { slurp("$plan/$_.out") } 1 .. $count;
  s/\Q$work\E/\/tmp\/walk/g for @out;
  my $id = qr/(?<![A-Za-z0-9_])[0-9a-hjkmnp-tv-z]{8}(?![A-Za-z0-9_])/;
  # Numbers the given ids in order of first appearance across the texts.
  sub number_ids {
    my ($texts, $is_id) = @_;
    my (%num, $next);
    $next = 0;
    for my $t (@$texts) {
      $t =~ s{($id)}{$is_id->($1) ? "<id" . ($num{$1} //= ++$next) . ">" : $1}ge;
    }
  }
  my %created = map { $_ => 1 } split /\n/, slurp($new_ids);
  my $printed = join("\n", @out);
  number_ids(\@out, sub { $created{$_[0]} });
  number_ids(\@exp, sub { index($printed, $_[0]) < 0 });
  sub lines {
    my @l = map { s/\s+$//r } split /\n/, $_[0], -1;
    pop @l while @l && $l[-1] eq "";
    return @l;
  }
  # True when the actual lines match the expected ones, where a "..." line stands for any lines.
  sub matches {
    my ($e, $g) = @_;
    my @seg = ([]);
    for my $l (@$e) {
      if ($l =~ /^\s*\.\.\.$/) { push @seg, [] } else { push @{$seg[-1]}, $l }
    }
    my $at = sub { my ($s, $p) = @_; for my $k (0 .. $#$s) { return 0 if $g->[$p + $k] ne $s->[$k] } 1 };
    if (@seg == 1) { return @$g == @{$seg[0]} && $at->($seg[0], 0) }
    my $first = shift @seg; my $last = pop @seg;
    return 0 if @$first > @$g || !$at->($first, 0);
    my $pos = @$first;
    for my $s (@seg) {
      my $found = -1;
      for (my $p = $pos; $p + @$s <= @$g; ++$p) { if ($at->($s, $p)) { $found = $p; last } }
      return 0 if $found < 0;
      $pos = $found + @$s;
    }
    my $end = @$g - @$last;
    return $end >= $pos && $at->($last, $end);
  }
  my $fail = 0;
  for my $i (0 .. $count - 1) {
    my @e = lines($exp[$i]); my @a = lines($out[$i]);
    next if matches(\@e, \@a);
    $fail = 1;
    (my $c = $cmd[$i]) =~ s/\n+$//;
    print "docs_replay: $name: the output of\n  \$ $c\ndiffers from the page.\n";
    print "--- expected (the page)\n", map({ "  $_\n" } @e);
    print "+++ actual\n", map({ "  $_\n" } @a), "\n";
  }
  print "docs_replay: $name: $count commands replayed", ($fail ? ", some differ\n" : ", all match\n");
  exit $fail;
' "$plan" "$count" "$work" "$name" "$tmp/ids.new"
