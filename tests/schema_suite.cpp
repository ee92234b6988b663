// Runs the official JSON-Schema-Test-Suite (draft 7) against innov's validator.
// Usage: innov_schema_suite DIR   (DIR = .../tests/draft7)
// Prints one line per file and a final "schema-suite: N passed, N failed, N skipped" line.
#include "lib/schema/validator.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <cstdio>
#include <sstream>

namespace {

// The keyword files of the validator's scope (README "Schemas").
const char* k_files[] = {
    "type.json", "enum.json", "const.json", "required.json", "properties.json", "additionalProperties.json",
    "patternProperties.json", "items.json", "additionalItems.json", "contains.json", "minItems.json",
    "maxItems.json", "uniqueItems.json", "minLength.json", "maxLength.json", "pattern.json", "minimum.json",
    "maximum.json", "exclusiveMinimum.json", "exclusiveMaximum.json", "multipleOf.json",
    "minProperties.json", "maxProperties.json", "propertyNames.json", "allOf.json", "anyOf.json",
    "oneOf.json", "not.json", "if-then-else.json", "ref.json", "definitions.json", "boolean_schema.json",
    "optional/format/date.json", "optional/format/date-time.json"};

struct Skip
{
  const char* file;
  const char* group; // test group description; a case is skipped for every test in the group
  const char* reason;
};

// Cases that need features outside the validator's scope.
const Skip k_skips[] = {
    {"ref.json", "remote ref, containing refs itself", "needs remote refs (http://json-schema.org/draft-07/schema)"},
    {"ref.json", "Recursive references between schemas", "needs $id-based resolution"},
    {"ref.json", "Location-independent identifier", "needs $id-based resolution"},
    {"ref.json", "Location-independent identifier with base URI change in subschema", "needs $id-based resolution"},
    {"ref.json", "refs with relative uris and defs", "needs $id-based resolution"},
    {"ref.json", "relative refs with absolute uris and defs", "needs $id-based resolution"},
    {"ref.json", "$id must be resolved against nearest parent, not just immediate parent", "needs $id-based resolution"},
    {"ref.json", "simple URN base URI with $ref via the URN", "needs $id-based resolution"},
    {"ref.json", "simple URN base URI with JSON pointer", "needs $id-based resolution"},
    {"ref.json", "URN base URI with NSS", "needs $id-based resolution"},
    {"ref.json", "URN base URI with r-component", "needs $id-based resolution"},
    {"ref.json", "URN base URI with q-component", "needs $id-based resolution"},
    {"ref.json", "URN base URI with f-component", "needs $id-based resolution"},
    {"ref.json", "URN base URI with URN and JSON pointer ref", "needs $id-based resolution"},
    {"ref.json", "URN base URI with URN and anchor ref", "needs $id-based resolution"},
    {"ref.json", "ref to if", "needs $id-based resolution"},
    {"ref.json", "ref to then", "needs $id-based resolution"},
    {"ref.json", "ref to else", "needs $id-based resolution"},
    {"ref.json", "ref with absolute-path-reference", "needs $id-based resolution"},
    {"ref.json", "$id with file URI still resolves pointers - *nix", "needs $id-based resolution"},
    {"ref.json", "$id with file URI still resolves pointers - windows", "needs $id-based resolution"},
    {"definitions.json", "valid definition", "needs remote refs (the draft-07 metaschema)"},
    {"definitions.json", "invalid definition", "needs remote refs (the draft-07 metaschema)"},
};

const Skip* skip_for(const std::string& file, const std::string& group)
{
  for (const auto& s : k_skips) {
    if (file == s.file && group == s.group && *s.reason) {
      return &s;
    }
  }
  return nullptr;
}

// yaml-cpp refuses JSON's surrogate-pair escapes (\ud83d\udca9); YAML spells them \U0001f4a9.
std::string join_surrogates(const std::string& text)
{
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 2, "\\u") == 0 && i + 12 <= text.size() && text.compare(i + 6, 2, "\\u") == 0) {
      unsigned hi = std::stoul(text.substr(i + 2, 4), nullptr, 16);
      unsigned lo = std::stoul(text.substr(i + 8, 4), nullptr, 16);
      if (hi >= 0xD800 && hi <= 0xDBFF && lo >= 0xDC00 && lo <= 0xDFFF) {
        unsigned cp = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
        char buf[16];
        std::snprintf(buf, sizeof buf, "\\U%08x", cp);
        out += buf;
        i += 11;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

} // namespace

int main(int argc, char** argv)
{
  namespace fs = std::filesystem;
  fs::path dir = argc > 1 ? argv[1] : "/usr/share/json-schema-test-suite/tests/draft7";
  if (!fs::is_directory(dir)) {
    std::cerr << "schema-suite: no test suite at '" << dir.string() << "' (Debian package json-schema-test-suite)\n";
    return 1;
  }
  int passed = 0;
  int failed = 0;
  int skipped = 0;
  for (const char* name : k_files) {
    fs::path file = dir / name;
    if (!fs::exists(file)) {
      std::cerr << "schema-suite: missing " << file.string() << "\n";
      ++failed;
      continue;
    }
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    YAML::Node groups = YAML::Load(join_surrogates(text.str()));
    int f_pass = 0;
    int f_fail = 0;
    int f_skip = 0;
    for (const auto& group : groups) {
      std::string gdesc = group["description"].Scalar();
      const Skip* skip = skip_for(name, gdesc);
      innov::schema::Validator validator(group["schema"]);
      for (const auto& test : group["tests"]) {
        std::string tdesc = test["description"].Scalar();
        if (skip) {
          ++f_skip;
          std::cout << "  skipped: " << name << " / " << gdesc << " / " << tdesc << ": " << skip->reason << "\n";
          continue;
        }
        bool expected = test["valid"].Scalar() == "true";
        bool got = false;
        try {
          got = validator.is_valid(test["data"]);
        } catch (const std::exception& e) {
          std::cout << "  exception: " << e.what() << "\n";
          got = !expected;
        }
        if (got == expected) {
          ++f_pass;
        } else {
          ++f_fail;
          std::cout << "  FAILED: " << name << " / " << gdesc << " / " << tdesc << " (expected "
                    << (expected ? "valid" : "invalid") << ")\n";
        }
      }
    }
    std::cout << name << ": " << f_pass << " passed, " << f_fail << " failed, " << f_skip << " skipped\n";
    passed += f_pass;
    failed += f_fail;
    skipped += f_skip;
  }
  std::cout << "schema-suite: " << passed << " passed, " << failed << " failed, " << skipped << " skipped\n";
  return failed == 0 ? 0 : 1;
}
