// Runs the official JSON-Schema-Test-Suite (draft 7) against innov's validator.
// Usage: innov_schema_suite DIR [FILE...]   (DIR = .../tests/draft7)
// Prints one line per file and a final "schema-suite: N passed, N failed, N skipped" line.
#include "lib/schema/validator.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string_view>
#include <vector>

namespace {

// The keyword files of the validator's scope (README "Schemas").
const char* k_files[] = {"type.json",
                         "enum.json",
                         "const.json",
                         "required.json",
                         "properties.json",
                         "additionalProperties.json",
                         "patternProperties.json",
                         "items.json",
                         "additionalItems.json",
                         "contains.json",
                         "minItems.json",
                         "maxItems.json",
                         "uniqueItems.json",
                         "minLength.json",
                         "maxLength.json",
                         "pattern.json",
                         "minimum.json",
                         "maximum.json",
                         "exclusiveMinimum.json",
                         "exclusiveMaximum.json",
                         "multipleOf.json",
                         "minProperties.json",
                         "maxProperties.json",
                         "propertyNames.json",
                         "allOf.json",
                         "anyOf.json",
                         "oneOf.json",
                         "not.json",
                         "if-then-else.json",
                         "ref.json",
                         "definitions.json",
                         "boolean_schema.json",
                         "optional/format/date.json",
                         "optional/format/date-time.json"};

struct Skip {
  const char* file;
  const char* group; // the test group's description
  const char* test;  // the case's description; "*" for every case of the group
  const char* reason;
};

constexpr const char* k_remote =
    "needs remote refs (the draft-07 metaschema at http://json-schema.org)";
constexpr const char* k_id = "needs $id-based resolution";

// Cases that need features outside the validator's scope. The first six are those of the Debian
// package (2.0.0); the group-wide ones cover the $id and URN groups of later versions of the suite.
const Skip k_skips[] = {
    {"ref.json", "remote ref, containing refs itself", "remote ref valid", k_remote},
    {"ref.json", "remote ref, containing refs itself", "remote ref invalid", k_remote},
    {"ref.json", "Recursive references between schemas", "valid tree", k_id},
    {"ref.json", "Recursive references between schemas", "invalid tree", k_id},
    {"definitions.json", "valid definition", "valid definition schema", k_remote},
    {"definitions.json", "invalid definition", "invalid definition schema", k_remote},
    {"ref.json", "Location-independent identifier", "*", k_id},
    {"ref.json", "Location-independent identifier with base URI change in subschema", "*", k_id},
    {"ref.json", "refs with relative uris and defs", "*", k_id},
    {"ref.json", "relative refs with absolute uris and defs", "*", k_id},
    {"ref.json", "$id must be resolved against nearest parent, not just immediate parent", "*",
     k_id},
    {"ref.json", "simple URN base URI with $ref via the URN", "*", k_id},
    {"ref.json", "simple URN base URI with JSON pointer", "*", k_id},
    {"ref.json", "URN base URI with NSS", "*", k_id},
    {"ref.json", "URN base URI with r-component", "*", k_id},
    {"ref.json", "URN base URI with q-component", "*", k_id},
    {"ref.json", "URN base URI with f-component", "*", k_id},
    {"ref.json", "URN base URI with URN and JSON pointer ref", "*", k_id},
    {"ref.json", "URN base URI with URN and anchor ref", "*", k_id},
    {"ref.json", "ref to if", "*", k_id},
    {"ref.json", "ref to then", "*", k_id},
    {"ref.json", "ref to else", "*", k_id},
    {"ref.json", "ref with absolute-path-reference", "*", k_id},
    {"ref.json", "$id with file URI still resolves pointers - *nix", "*", k_id},
    {"ref.json", "$id with file URI still resolves pointers - windows", "*", k_id},
};

const Skip* skip_for(const std::string& file, const std::string& group, const std::string& test)
{
  for (const auto& s : k_skips) {
    if (file == s.file && group == s.group && (test == s.test || std::string_view(s.test) == "*")) {
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
    if (text.compare(i, 2, "\\u") == 0 && i + 12 <= text.size() &&
        text.compare(i + 6, 2, "\\u") == 0) {
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

// Runs the cases of one file; adds to the totals and prints the file's line.
void run_file(const std::filesystem::path& dir, const std::string& name, int& passed, int& failed,
              int& skipped)
{
  std::filesystem::path file = dir / name;
  std::ifstream in(file);
  if (!in) {
    std::cout << "  FAILED: cannot read " << file.string() << "\n";
    ++failed;
    return;
  }
  std::stringstream text;
  text << in.rdbuf();
  YAML::Node groups = YAML::Load(join_surrogates(text.str()));
  int f_pass = 0;
  int f_fail = 0;
  int f_skip = 0;
  for (const auto& group : groups) {
    const std::string gdesc = group["description"].Scalar();
    std::optional<innov::schema::Validator> validator;
    std::string error;
    for (const auto& test : group["tests"]) {
      const std::string tdesc = test["description"].Scalar();
      if (const Skip* skip = skip_for(name, gdesc, tdesc)) {
        ++f_skip;
        std::cout << "  skipped: " << name << " / " << gdesc << " / " << tdesc << ": "
                  << skip->reason << "\n";
        continue;
      }
      const bool expected = test["valid"].Scalar() == "true";
      bool got = !expected;
      try {
        if (!validator) {
          validator.emplace(group["schema"]);
        }
        got = validator->is_valid(test["data"]);
      } catch (const std::exception& e) {
        std::cout << "  exception: " << e.what() << "\n";
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
  std::cout << name << ": " << f_pass << " passed, " << f_fail << " failed, " << f_skip
            << " skipped\n";
  passed += f_pass;
  failed += f_fail;
  skipped += f_skip;
}

} // namespace

// Usage: innov_schema_suite DIR [FILE...]; without FILEs, the keyword files of k_files.
int main(int argc, char** argv)
{
  namespace fs = std::filesystem;
  fs::path dir = argc > 1 ? argv[1] : "/usr/share/json-schema-test-suite/tests/draft7";
  if (!fs::is_directory(dir)) {
    std::cerr << "schema-suite: no test suite at '" << dir.string()
              << "' (Debian package json-schema-test-suite)\n";
    return 1;
  }
  std::vector<std::string> files(std::begin(k_files), std::end(k_files));
  if (argc > 2) {
    files.assign(argv + 2, argv + argc);
  }
  int passed = 0;
  int failed = 0;
  int skipped = 0;
  for (const auto& name : files) {
    run_file(dir, name, passed, failed, skipped);
  }
  std::cout << "schema-suite: " << passed << " passed, " << failed << " failed, " << skipped
            << " skipped\n";
  return failed == 0 ? 0 : 1;
}
