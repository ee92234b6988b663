// Loading then saving a canonical file is byte-identical: every example and fixture record.
#include "lib/store/load.hpp"
#include "lib/store/record_yaml.hpp"
#include "tests/support.hpp"

#include <doctest/doctest.h>

using namespace innov;
using namespace innov::test;

namespace {

std::vector<fs::path> record_files(const fs::path& root)
{
  std::vector<fs::path> out;
  if (!fs::exists(root)) {
    return out;
  }
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    auto rel = fs::relative(e.path(), root).generic_string();
    if (e.is_regular_file() && e.path().extension() == ".yaml" &&
        (rel.starts_with("innovations/") || rel.starts_with("challenges/"))) {
      out.push_back(e.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

void check_round_trip(const fs::path& file)
{
  CAPTURE(file.string());
  std::string text = read(file);
  util::Diagnostics diags;
  auto node = store::load_yaml(text, file.string(), diags);
  REQUIRE(node);
  bool challenge = file.parent_path().filename() == "challenges";
  std::string again = challenge ? store::canonical_text(store::challenge_from_node(*node))
                                : store::canonical_text(store::innovation_from_node(*node));
  CHECK(again == text);
}

} // namespace

TEST_CASE("store::canonical_text round-trips the fixture records")
{
  auto files = record_files(source_dir() / "tests/fixtures/base");
  REQUIRE(files.size() == 3);
  for (const auto& f : files) {
    check_round_trip(f);
  }
}

TEST_CASE("store::canonical_text round-trips every example file")
{
  auto files = record_files(example_portfolio());
  REQUIRE(files.size() >= 60);
  for (const auto& f : files) {
    check_round_trip(f);
  }
}

TEST_CASE("store::canonical_text quotes what would read as another type")
{
  model::Innovation rec;
  rec.id = "k3m9xa2q";
  rec.kind = "idea";
  rec.title = "2016";
  rec.summary = "yes";
  rec.description = "ligne 1\nligne 2\n";
  rec.author = "agent-1";
  rec.region = "idf";
  rec.unit = "a: b";
  rec.source = "internal";
  rec.created = "2016-01-01";
  rec.status = "submitted";
  rec.themes = {"a,b", "c"};
  rec.history.push_back({"2016-01-01", "agent-1", "", "submitted"});
  std::string text = store::canonical_text(rec);
  CHECK(text == "id: k3m9xa2q\n"
                "kind: idea\n"
                "title: \"2016\"\n"
                "summary: \"yes\"\n"
                "description: |\n"
                "  ligne 1\n"
                "  ligne 2\n"
                "author: agent-1\n"
                "region: idf\n"
                "unit: \"a: b\"\n"
                "source: internal\n"
                "themes: [\"a,b\", c]\n"
                "created: 2016-01-01\n"
                "status: submitted\n"
                "history:\n"
                "  - {at: 2016-01-01, by: agent-1, to: submitted}\n");
  util::Diagnostics diags;
  auto node = store::load_yaml(text, "t", diags);
  REQUIRE(node);
  auto back = store::innovation_from_node(*node);
  CHECK(back.title == "2016");
  CHECK(back.summary == "yes");
  CHECK(back.unit == "a: b");
  CHECK(back.themes == std::vector<std::string>{"a,b", "c"});
  CHECK(store::canonical_text(back) == text);
}

TEST_CASE("store::innovation_from_node reads a boolean as the schema does: True and TRUE are true")
{
  std::string text = read(example_portfolio() / "innovations" / "2015" / "pmmq7mdc.yaml");
  for (const char* spelling : {"true", "True", "TRUE"}) {
    CAPTURE(spelling);
    std::string changed = text;
    changed.replace(changed.find("must: true"), 10, std::string("must: ") + spelling);
    util::Diagnostics diags;
    auto node = store::load_yaml(changed, "x.yaml", diags);
    REQUIRE(node);
    auto rec = store::innovation_from_node(*node);
    REQUIRE_FALSE(rec.pocs.empty());
    bool must = false;
    for (const auto& k : rec.pocs.back().kpis) {
      must = must || k.is_must();
    }
    CHECK(must);
  }
}
