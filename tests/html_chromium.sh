#!/usr/bin/env bash
# The HTML report in a real browser: headless Chromium renders the SVG charts, a title holding
# <script> shows as text, and a screenshot is written next to the build for people to look at.
# Usage: html_chromium.sh INNOV_BINARY SOURCE_DIR OUTPUT_DIR
set -eu
innov=$1 src=$2 out=$3
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "html_chromium: SKIPPED: chromium is not installed (apt-get install chromium)"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$src/examples/pole-emploi" "$work/p"
f=$(ls "$work"/p/innovations/2017/*.yaml | head -n 1)
sed -i 's/^title: .*/title: "<script>document.title=\x27pwned\x27<\/script> Entretien"/' "$f"
export INNOV_NOW=2017-07-01
"$innov" -C "$work/p" validate -q "$f"
"$innov" -C "$work/p" report funnel --by region -o "$work/funnel.html"
"$innov" -C "$work/p" report value --period quarter -o "$work/value.html"
"$innov" -C "$work/p" report pipeline -o "$work/pipeline.html"
flags="--headless --no-sandbox --disable-gpu --disable-background-networking --disable-dev-shm-usage"
fail=0
check() { # file pattern message
  if ! grep -q -- "$2" "$1"; then echo "html_chromium: FAILED: $3"; fail=1; fi
}
for r in funnel value pipeline; do
  timeout 60 "$browser" $flags --dump-dom "file://$work/$r.html" > "$work/$r.dom" 2>/dev/null
done
check "$work/funnel.dom" '<svg class="chart funnel"' "the funnel chart is not rendered"
check "$work/funnel.dom" '<svg class="chart heatmap"' "the region heat map is not rendered"
check "$work/value.dom" '<svg class="chart bars"' "the value-over-time chart is not rendered"
check "$work/pipeline.dom" '&lt;script&gt;document.title' "the <script> title is not shown as text"
if grep -q '<title>pwned</title>' "$work/pipeline.dom"; then echo "html_chromium: FAILED: a script from a title ran"; fail=1; fi
timeout 60 "$browser" $flags --screenshot="$out/report-funnel.png" --window-size=1200,1500 "file://$work/funnel.html" >/dev/null 2>&1 || true
timeout 60 "$browser" $flags --screenshot="$out/report-value.png" --window-size=1200,1800 "file://$work/value.html" >/dev/null 2>&1 || true
[ -s "$out/report-funnel.png" ] || { echo "html_chromium: FAILED: no screenshot"; fail=1; }
[ $fail -eq 0 ] && echo "html_chromium: 3 reports rendered, charts present, user text escaped; screenshots in $out"
exit $fail
