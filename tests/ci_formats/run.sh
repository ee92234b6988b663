#!/usr/bin/env bash
# validate --format junit and --format gitlab against their schemas: the JUnit XML with xmllint
# (tests/ci_formats/junit.xsd), the Code Quality JSON with ajv-cli (gitlab-codequality.schema.json),
# on a portfolio with an error and a warning; the counts are checked too. Skipped (exit 77) without
# xmllint (Debian's libxml2-utils); the JSON part is skipped without node and ajv-cli.
# Usage: run.sh INNOV SOURCE_DIR NPM_DIR
set -u
innov=$1 src=$2 npm_dir=$3
command -v xmllint > /dev/null || { echo "ci_formats: SKIPPED: xmllint is not installed"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$src/tests/fixtures/base" "$work/p"
cp "$src/tests/fixtures/invalid/E012-unknown-region.yaml" "$work/p/innovations/2016/aaaa0012.yaml"
fail=0
check() { # message command...
  local message=$1
  shift
  if "$@"; then echo "ok: $message"; else echo "ci_formats: FAILED: $message"; fail=1; fi
}

"$innov" -C "$work/p" validate --format junit > "$work/junit.xml"
check "junit: exit 1 with an error" test $? = 1
check "junit: valid against the schema" xmllint --noout --schema "$src/tests/ci_formats/junit.xsd" "$work/junit.xml"
files=$(find "$work/p/innovations" "$work/p/challenges" -name '*.yaml' | wc -l)
check "junit: one testcase per file (records, challenges and innov.yaml)" \
  test "$(xmllint --xpath 'count(//testcase)' "$work/junit.xml")" = $((files + 1))
check "junit: one failure, on the bad file" \
  test "$(xmllint --xpath 'string(//testcase[failure]/@name)' "$work/junit.xml")" = innovations/2016/aaaa0012.yaml
check "junit: the failure gives the code" \
  test "$(xmllint --xpath 'string(//failure/@type)' "$work/junit.xml")" = E012
"$innov" -C "$work/p" validate -o "$work/out.xml"
check "junit: -o x.xml writes the same" cmp -s "$work/junit.xml" "$work/out.xml"

"$innov" -C "$work/p" validate --format gitlab > "$work/gl.json"
check "gitlab: exit 1 with an error" test $? = 1
mods=""
for d in "$npm_dir/node_modules" "$src/build/npm/node_modules" "$(npm root -g 2> /dev/null)"; do
  [ -e "$d/ajv-cli/package.json" ] && mods=$d && break
done
if command -v node > /dev/null && [ -n "$mods" ]; then
  check "gitlab: valid against the Code Quality schema" \
    node "$mods/ajv-cli/dist/index.js" validate --spec=draft7 \
    -s "$src/tests/ci_formats/gitlab-codequality.schema.json" -d "$work/gl.json"
else
  echo "ci_formats: node or ajv-cli missing: the Code Quality JSON is not checked against its schema"
fi
check "gitlab: the finding names file, line and code" \
  grep -q '"check_name": "E012".*"path": "innovations/2016/aaaa0012.yaml", "lines": {"begin": 7}' "$work/gl.json"
rm "$work/p/innovations/2016/aaaa0012.yaml"
"$innov" -C "$work/p" validate --format gitlab > "$work/clean.json"
check "gitlab: a clean portfolio gives []" test "$(cat "$work/clean.json")" = "[]"
exit $fail
