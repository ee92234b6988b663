#!/usr/bin/env bash
# The published site in a real browser: every html page of `innov publish` on the example loads in
# headless Chromium with no console error, every href and src resolves to a file of the site (a
# crawl), pages have a language, a heading, table headers and text alternatives for their charts,
# and the search page finds a known record from file://. Screenshots of the home, one innovation
# page and the search page are kept in the build folder.
# Usage: publish_chromium.sh INNOV_BINARY SOURCE_DIR OUTPUT_DIR
set -eu
innov=$1 src=$2 out=$3
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "publish_chromium: SKIPPED: chromium is not installed (apt-get install chromium)"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$src/examples/pole-emploi" "$work/p"
export INNOV_NOW=2017-07-01 INNOV_PUBLISH_SECRET=publish-chromium-test
"$innov" -C "$work/p" publish "$work/site" >/dev/null
site=$work/site
flags="--headless --no-sandbox --disable-gpu --disable-background-networking --disable-dev-shm-usage"
fail=0
failed() { echo "publish_chromium: FAILED: $*"; fail=1; }

pages=$(cd "$site" && find . -name '*.html' | sed 's|^\./||' | sort)
n=0
for page in $pages; do
  n=$((n + 1))
  file=$site/$page
  dir=$(dirname "$file")
  # Static checks of the page as published.
  grep -q '<html lang="' "$file" || failed "$page has no <html lang=...>"
  grep -q '<h1>' "$file" || failed "$page has no <h1>"
  if grep -q '<table' "$file" && ! grep -q '<th' "$file"; then failed "$page has a table without <th>"; fi
  svgs=$(grep -o '<svg[^>]*>' "$file" || true)
  if [ -n "$svgs" ]; then
    if echo "$svgs" | grep -v 'role="img"' | grep -q .; then failed "$page has a chart without role=\"img\""; fi
    if echo "$svgs" | grep -v 'aria-label="' | grep -q .; then failed "$page has a chart without aria-label"; fi
  fi
  # The crawl: every local href and src resolves to a file of the site.
  for link in $(grep -oE '(href|src)="[^"]*"' "$file" | sed -E 's/^(href|src)="//; s/"$//' | sort -u); do
    case $link in
      http:* | https:* | //*) failed "$page links outside the site: $link"; continue ;;
      \#* | mailto:*) continue ;;
    esac
    target=${link%%#*}
    target=${target%%\?*}
    [ -z "$target" ] && continue
    [ -f "$dir/$target" ] || failed "$page links to $link, which is not a file of the site"
  done
  # In the browser: console errors and uncaught exceptions.
  timeout 60 "$browser" $flags --enable-logging=stderr --v=0 --dump-dom "file://$file" \
    >"$work/dom.html" 2>"$work/console.log" || failed "$page did not load"
  # The pages log nothing: any console message (Chromium writes "CONSOLE(line)" or
  # "INFO:CONSOLE:line]", and "Uncaught ..." for an exception) is a failure.
  if grep -qE 'CONSOLE(\(|:)|Uncaught' "$work/console.log"; then
    failed "$page logs to the console:"
    grep -E 'CONSOLE(\(|:)|Uncaught' "$work/console.log" | head -5
  fi
done
[ "$n" -gt 60 ] || failed "only $n pages published"

# The search page, rendered by search.js from the prebuilt index, finds a known record.
id=$(ls "$work/p/innovations/2016" | head -n 1 | sed 's/\.yaml$//')
title=$(sed -n 's/^title: //p' "$work/p/innovations/2016/$id.yaml" | head -n 1 | sed 's/^"//; s/"$//')
word=$(echo "$title" | tr ' ' '\n' | awk 'length($0) > 6' | head -n 1)
timeout 60 "$browser" $flags --enable-logging=stderr --v=0 --dump-dom "file://$site/search.html?q=$word" \
  >"$work/search.dom" 2>"$work/search.log" || failed "search.html did not load"
grep -q "innovations/$id.html" "$work/search.dom" || failed "search.html?q=$word does not list $id"
grep -q 'records\? match' "$work/search.dom" || failed "search.html shows no count"
timeout 60 "$browser" $flags --dump-dom "file://$site/search.html?q=zzzzunknownword" >"$work/none.dom" 2>/dev/null || true
grep -q '0 records match' "$work/none.dom" || failed "a search for an unknown word does not say 0 records"

timeout 60 "$browser" $flags --screenshot="$out/publish-home.png" --window-size=1200,1500 "file://$site/index.html" >/dev/null 2>&1 || true
timeout 60 "$browser" $flags --screenshot="$out/publish-innovation.png" --window-size=1200,1500 "file://$site/innovations/$id.html" >/dev/null 2>&1 || true
timeout 60 "$browser" $flags --screenshot="$out/publish-search.png" --window-size=1200,1200 "file://$site/search.html?q=$word" >/dev/null 2>&1 || true
for s in home innovation search; do
  [ -s "$out/publish-$s.png" ] || failed "no screenshot publish-$s.png"
done
[ $fail -eq 0 ] && echo "publish_chromium: $n pages loaded without console errors, links resolve, search finds $id; screenshots in $out"
exit $fail
