#!/usr/bin/env bash
# The schemas under an independent JSON Schema validator: ajv-cli with ajv-formats (the YAML files
# converted to JSON by the npm `yaml` package, YAML 1.2 core schema like innov) must give the same
# verdict as `innov validate` on every file of the example portfolio, of the base fixture, and of
# each invalid fixture whose error is a schema error (E010-E017 but E012, a reference check).
# Skipped (exit 77) when node or those npm packages are missing; install them with
#   npm install --prefix BUILD_DIR/npm ajv-cli@5 ajv-formats@2 yaml@2      (or npm install -g ...)
# A second build directory (build-asan) uses those of the Quick start's build/npm.
# Usage: schema_ajv.sh INNOV_BINARY SOURCE_DIR NPM_DIR
set -u
innov=$1 src=$2 npm_dir=$3
mods=""
for d in "$npm_dir/node_modules" "$src/build/npm/node_modules" "$(npm root -g 2> /dev/null)"; do
  if [ -e "$d/ajv-cli/package.json" ] && [ -e "$d/ajv-formats/package.json" ] && [ -e "$d/yaml/package.json" ]; then
    mods=$d
    break
  fi
done
if ! command -v node > /dev/null || [ -z "$mods" ]; then
  echo "schema_ajv: SKIPPED: needs node and the npm packages ajv-cli, ajv-formats and yaml:"
  echo "  npm install --prefix $npm_dir ajv-cli@5 ajv-formats@2 yaml@2"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The cases: portfolios that innov validates.
cp -r "$src/examples/pole-emploi" "$work/examples"
cp -r "$src/tests/fixtures/base" "$work/base"
for f in "$src"/tests/fixtures/invalid/E01[013-7]-*.yaml; do
  name=$(basename "$f" .yaml)
  target=$(sed -n 's/^# target: //p' "$f")
  cp -r "$src/tests/fixtures/base" "$work/$name"
  mkdir -p "$(dirname "$work/$name/$target")"
  cp "$f" "$work/$name/$target"
done

# innov's verdict: validate --format json of each portfolio.
for dir in "$work"/*/; do
  "$innov" -C "$dir" validate --format json > "$dir/.innov-verdict.json"
done

# Every YAML file as JSON next to it; the files with a schema error by innov in .innov-schema-errors.
NODE_PATH=$mods node - "$work" << 'JS' || exit 1
const fs = require("fs"), path = require("path"), YAML = require("yaml");
const walk = (d) => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) =>
  e.isDirectory() ? (e.name.startsWith(".") ? [] : walk(path.join(d, e.name))) : [path.join(d, e.name)]);
for (const file of walk(process.argv[2]).filter((f) => f.endsWith(".yaml"))) {
  const doc = YAML.parse(fs.readFileSync(file, "utf8"), { schema: "core" });
  fs.writeFileSync(file.replace(/\.yaml$/, ".json"), JSON.stringify(doc));
}
for (const dir of fs.readdirSync(process.argv[2])) {
  const base = path.join(process.argv[2], dir);
  const verdict = JSON.parse(fs.readFileSync(path.join(base, ".innov-verdict.json"), "utf8"));
  const bad = new Set(verdict.results.filter((r) => /^E01[013-7]$/.test(r.code)).map((r) => r.path));
  fs.writeFileSync(path.join(base, ".innov-schema-errors"), [...bad].map((p) => p + "\n").join(""));
}
JS

fail=0
compared=0
for dir in "$work"/*/; do
  dir=${dir%/}
  case_name=$(basename "$dir")
  for schema in portfolio innovation challenge; do
    case $schema in
      portfolio) files=innov.yaml ;;
      innovation) files=$(cd "$dir" && find innovations -name '*.yaml' | sort) ;;
      challenge) files=$(cd "$dir" && find challenges -name '*.yaml' | sort) ;;
    esac
    [ -n "$files" ] || continue
    args=()
    for rel in $files; do
      args+=(-d "$dir/${rel%.yaml}.json")
    done
    node "$mods/ajv-cli/dist/index.js" validate --spec=draft7 -c ajv-formats \
      -s "$src/schemas/$schema.schema.json" "${args[@]}" > "$dir/.ajv-$schema.log" 2>&1
    for rel in $files; do
      ajv_verdict=invalid
      grep -qx "$dir/${rel%.yaml}.json valid" "$dir/.ajv-$schema.log" && ajv_verdict=valid
      innov_verdict=valid
      grep -qx "$rel" "$dir/.innov-schema-errors" && innov_verdict=invalid
      compared=$((compared + 1))
      if [ "$ajv_verdict" != "$innov_verdict" ]; then
        echo "schema_ajv: FAILED: $case_name/$rel: ajv says $ajv_verdict, innov validate says $innov_verdict"
        grep -A 12 "${rel%.yaml}.json invalid" "$dir/.ajv-$schema.log" | head -n 14
        fail=1
      elif [ "$ajv_verdict" = invalid ]; then
        echo "ok: $case_name/$rel: invalid for both"
      fi
    done
  done
done
echo "schema_ajv: $compared files compared"
if [ $compared -lt 60 ]; then
  echo "schema_ajv: FAILED: too few files compared"
  fail=1
fi
exit $fail
