// The portfolio as a whole: which file keeps an id several files share, and what a read command
// sees of a loaded portfolio (the same records as the index).
#include "lib/index/index.hpp"
#include "lib/store/portfolio.hpp"
#include "tests/support.hpp"

#include <doctest/doctest.h>

using namespace innov;
using namespace innov::test;

namespace {

model::Innovation with_id(const std::string& id, const std::string& title = "")
{
  model::Innovation r;
  r.id = id;
  r.title = title;
  return r;
}

util::Diagnostic error(const std::string& path, const std::string& code)
{
  util::Diagnostic d;
  d.path = path;
  d.code = code;
  d.message = "message";
  return d;
}

std::vector<std::string> titles(const std::vector<model::Innovation>& records)
{
  std::vector<std::string> out;
  for (const auto& r : records) {
    out.push_back(r.id + " " + r.title);
  }
  return out;
}

} // namespace

TEST_CASE("store::id_holders")
{
  CHECK(store::id_holders({}).empty());
  auto holders = store::id_holders(
      {with_id("aaaa"), with_id("bbbb"), with_id("aaaa"), with_id("cccc"), with_id("bbbb")});
  CHECK(holders == std::vector<std::size_t>{0, 1, 0, 3, 1});
}

TEST_CASE("store::check_cross_references reports a duplicate id on every file after the first")
{
  store::Portfolio p;
  p.records = {with_id("aaaa"), with_id("bbbb"), with_id("aaaa"), with_id("aaaa")};
  p.record_paths = {"innovations/2014/aaaa.yaml", "innovations/2015/bbbb.yaml",
                    "innovations/2015/aaaa.yaml", "innovations/2016/aaaa.yaml"};
  util::Diagnostics out;
  store::check_cross_references(p, out);
  REQUIRE(out.size() == 2);
  CHECK(out[0].path == "innovations/2015/aaaa.yaml");
  CHECK(out[0].code == "E021");
  CHECK(out[0].message == "duplicate id 'aaaa', also in 'innovations/2014/aaaa.yaml'");
  CHECK(out[1].path == "innovations/2016/aaaa.yaml");
  CHECK(out[1].message == "duplicate id 'aaaa', also in 'innovations/2014/aaaa.yaml'");
}

TEST_CASE("store::keep_valid_records")
{
  store::Portfolio p;
  p.records = {with_id("aaaa", "bad"), with_id("aaaa", "first valid"), with_id("bbbb", "merged"),
               with_id("aaaa", "second valid"), with_id("cccc", "warned")};
  p.record_paths = {"innovations/2013/aaaa.yaml", "innovations/2014/aaaa.yaml",
                    "innovations/2014/bbbb.yaml", "innovations/2015/aaaa.yaml",
                    "innovations/2015/cccc.yaml"};
  p.id_positions = {{1, 5}, {2, 5}, {3, 5}, {4, 5}, {5, 5}};
  p.merged_into_positions = p.id_positions;
  util::Diagnostics diags = {
      error("innovations/2013/aaaa.yaml", "E012"),    // an error: the file is left out
      error("innovations/2014/aaaa.yaml", "E021"),    // cross-record: not the file's own fault
      error("innovations/2014/bbbb.yaml", "E024"),    // likewise
      error("innovations/2015/aaaa.yaml", "E021"),    // the duplicate: left out by the rule
      error("innovations/2016/dddd.yaml", "E001"),    // a file that gave no record at all
      error("challenges/mobilite-2016.yaml", "E012"), // counted, as files with errors
  };
  util::Diagnostic warning = error("innovations/2015/cccc.yaml", "W002");
  warning.severity = util::Severity::warning;
  diags.push_back(warning);

  std::size_t left_out = store::keep_valid_records(p, diags);
  CHECK(left_out == 4); // three paths with errors and one duplicate
  CHECK(titles(p.records) ==
        std::vector<std::string>{"aaaa first valid", "bbbb merged", "cccc warned"});
  CHECK(p.record_paths == std::vector<std::string>{"innovations/2014/aaaa.yaml",
                                                   "innovations/2014/bbbb.yaml",
                                                   "innovations/2015/cccc.yaml"});
  REQUIRE(p.id_positions.size() == 3);
  CHECK(p.id_positions[1].line == 3);
  CHECK(p.merged_into_positions[2].line == 5);

  store::Portfolio empty;
  CHECK(store::keep_valid_records(empty, {}) == 0);
}

TEST_CASE("store::keep_valid_records leaves the records the index holds")
{
  // Read without the cache or through it, a command sees the same records: the rule of
  // store::id_holders and the index's own bookkeeping of contested ids agree.
  TempDir dir;
  copy_example(dir.path());
  auto text = read(dir.path() / "innovations/2015/pmmq7mdc.yaml");
  auto changed = [&](const std::string& from, const std::string& to) {
    auto t = text;
    t.replace(t.find(from), from.size(), to);
    return t;
  };
  // A copy with an unknown region sorts first but has an error; the valid copy of 2014 comes
  // next and keeps the id; the original of 2015 and a copy of 2017 are duplicates.
  dir.write("innovations/2013/pmmq7mdc.yaml", changed("region: hdf", "region: idff"));
  dir.write("innovations/2014/pmmq7mdc.yaml",
            changed("title: Présélection sans CV", "title: Présélection sans CV (copie)"));
  dir.write("innovations/2017/pmmq7mdc.yaml",
            changed("title: Présélection sans CV", "title: Présélection sans CV (2017)"));

  util::Diagnostics diags;
  auto p = store::load_portfolio(dir.path(), diags);
  std::size_t left_out = store::keep_valid_records(p, diags);

  auto config = store::require_config(dir.path());
  index::Index idx(dir.path(), config, index::Index::Mode::memory, [](const std::string&) {});
  auto stats = idx.refresh();
  auto held = idx.records();
  CHECK(titles(p.records) == titles(held));
  CHECK(left_out == stats.errors + (stats.files - stats.errors - stats.records));
  CHECK(left_out == 3);
  auto it = std::find_if(p.records.begin(), p.records.end(),
                         [](const model::Innovation& r) { return r.id == "pmmq7mdc"; });
  REQUIRE(it != p.records.end());
  CHECK(it->title == "Présélection sans CV (copie)");
}
