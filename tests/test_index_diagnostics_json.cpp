// What the index keeps of each file's diagnostics (files.diagnostics), read back with
// index::diagnostics_from_json, against what validate finds in the same file
// (store::load_portfolio): two ways to the same list, so the cached copy can stand in for parsing
// again.
#include "lib/index/diagnostics_json.hpp"
#include "lib/index/index.hpp"
#include "lib/store/portfolio.hpp"
#include "lib/util/escape.hpp"
#include "tests/support.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <fstream>
#include <map>
#include <optional>
#include <string>
#include <vector>

using namespace innov;
using namespace innov::test;

namespace {

std::string show(const util::Diagnostic& d)
{
  return fmt::format("{}:{}:{}: {}[{}] {} | hint {} | record {} | pointer {}", d.path, d.line,
                     d.col, d.severity == util::Severity::warning ? "warning" : "error", d.code,
                     d.message, d.hint, d.record, d.pointer);
}

std::vector<std::string> shown(const util::Diagnostics& diags)
{
  std::vector<std::string> out;
  for (const auto& d : diags) {
    out.push_back(show(d));
  }
  return out;
}

// The `# target:` of a fixture of tests/fixtures/invalid.
// The file a fixture stands for; "" for one whose file the validate tests build themselves
// (`# make:` a directory, an oversized file, a symlink out), which this test does not plant.
std::string target_of(const fs::path& fixture)
{
  std::ifstream in(fixture, std::ios::binary);
  std::string line;
  std::string target;
  while (std::getline(in, line) && line.starts_with("# ")) {
    if (line.starts_with("# target: ")) {
      target = line.substr(10);
    } else if (line.starts_with("# make: ")) {
      return {};
    }
  }
  return target;
}

} // namespace

TEST_CASE("index::diagnostics_from_json reads back what validate finds in each file")
{
  // The example portfolio, every record fixture of the invalid corpus, and a few records changed
  // in ways that give warnings or several errors at once.
  TempDir dir;
  copy_example(dir.path());
  std::size_t planted = 0;
  for (const auto& e : fs::directory_iterator(source_dir() / "tests/fixtures/invalid")) {
    std::string target = target_of(e.path());
    if (target.starts_with("innovations/")) {
      dir.write(target, read(e.path()));
      // A companion file (valid on its own) and a cross-record code leave no per-file diagnostic.
      auto body = read(e.path());
      bool per_file = body.find("# expect: ") != std::string::npos &&
                      body.find("# with: ") == std::string::npos;
      planted += per_file ? 1 : 0;
    }
  }
  REQUIRE(planted >= 25);
  auto text = read(dir.path() / "innovations/2015/pmmq7mdc.yaml");
  auto changed = [&](const std::string& from, const std::string& to) {
    auto t = text;
    t.replace(t.find(from), from.size(), to);
    return t;
  };
  dir.write("innovations/2013/pmmq7mdc.yaml",
            changed("region: hdf", "region: idff\ncolour: blue\nshape: round"));
  dir.write("innovations/2017/pmmq7mdc.yaml", "# a comment\n" + text); // misfiled: a warning
  dir.write("innovations/2016/xxxx0001.yaml", "id: [unclosed\n");

  util::Diagnostics all;
  store::load_portfolio(dir.path(), all);
  std::map<std::string, util::Diagnostics> expected; // per record file, but the cross-record ones
  for (const auto& d : all) {
    if (d.path.starts_with("innovations/") && !store::is_cross_record_code(d.code)) {
      expected[d.path].push_back(d);
    }
  }
  REQUIRE(expected.size() >= planted);

  auto config = store::require_config(dir.path());
  index::Index idx(dir.path(), config, index::Index::Mode::memory, [](const std::string&) {});
  idx.refresh();
  SQLite::Statement files(idx.db(), "SELECT path, diagnostics FROM files ORDER BY path");
  std::size_t rows = 0;
  std::size_t with_diagnostics = 0;
  while (files.executeStep()) {
    std::string path = files.getColumn(0).getString();
    CAPTURE(path);
    auto back = index::diagnostics_from_json(files.getColumn(1).getString());
    REQUIRE(back);
    auto it = expected.find(path);
    CHECK(shown(*back) == (it == expected.end() ? std::vector<std::string>() : shown(it->second)));
    with_diagnostics += back->empty() ? 0 : 1;
    ++rows;
  }
  CHECK(rows > 60);
  CHECK(with_diagnostics == expected.size());
}

TEST_CASE("index::diagnostics_json writes strings as util::escape_json, and reads them back")
{
  // Every control character, quotes and backslashes, line separators, and text beyond ASCII.
  std::string all_controls;
  for (int c = 1; c < 0x20; ++c) {
    all_controls += static_cast<char>(c);
  }
  const std::vector<std::string> texts = {
      "plain",
      "a \"quoted\" \\ back\\slash /",
      "line\nfeed\rreturn\r\ntab\t",
      all_controls,
      "\x7f del",
      "sep\xE2\x80\xA8line\xE2\x80\xA9para",
      "Présélection, cœur, 😀",
  };
  for (const auto& text : texts) {
    CAPTURE(text);
    util::Diagnostic d;
    d.path = "innovations/2016/x.yaml";
    d.line = 3;
    d.col = 7;
    d.code = "E001";
    d.message = text;
    d.hint = text + "!";
    const std::string json = index::diagnostics_json({d});
    CHECK(json.find("\"message\":" + util::escape_json(text)) != std::string::npos);
    auto back = index::diagnostics_from_json(json);
    REQUIRE(back);
    REQUIRE(back->size() == 1);
    const auto& b = back->front();
    CHECK(b.message == text);
    CHECK(b.hint == text + "!");
    CHECK(b.line == 3);
    CHECK(b.col == 7);
  }
}

TEST_CASE("index::diagnostics_from_json decodes every JSON escape, and refuses broken ones")
{
  auto message = [](const std::string& literal) {
    auto back = index::diagnostics_from_json("[{\"message\":\"" + literal + "\"}]");
    return back && back->size() == 1 ? std::optional(back->front().message) : std::nullopt;
  };
  // What caches written before util::escape_json hold: \r as \u000d.
  CHECK(message("a\\u000db") == std::optional<std::string>("a\rb"));
  CHECK(message("\\r\\n\\t\\b\\f\\/\\\"\\\\") == std::optional<std::string>("\r\n\t\b\f/\"\\"));
  CHECK(message("\\u00e9\\u00C9") == std::optional<std::string>("éÉ"));
  CHECK(message("\\u2028\\u2029") == std::optional<std::string>("\xE2\x80\xA8\xE2\x80\xA9"));
  CHECK(message("\\ud83d\\ude00") == std::optional<std::string>("😀"));
  CHECK_FALSE(message("\\u12"));
  CHECK_FALSE(message("\\u12g4"));
  CHECK_FALSE(message("\\ud83d"));        // a high surrogate alone
  CHECK_FALSE(message("\\ud83d\\u0041")); // followed by no low surrogate
  CHECK_FALSE(message("\\ude00"));        // a low surrogate alone
}
