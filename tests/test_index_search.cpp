// Full-text search over the index: bm25 ranking with the title weighing most, ties by id whatever
// the order of the rows, snippets on one line.
#include "lib/index/ddl.hpp"
#include "lib/index/fts_text.hpp"
#include "lib/index/search.hpp"
#include "lib/index/tables.hpp"

#include <algorithm>
#include <cmath>
#include <doctest/doctest.h>
#include <fmt/format.h>

using namespace innov;

namespace {

struct Fixture {
  SQLite::Database db{":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE};
  model::Config config;
  index::TableWriter writer{db, config};

  Fixture()
  {
    db.exec(index::k_ddl);
    config.regions = {{"idf", "Île-de-France", {}}};
    // Records that match none of the words searched: bm25 weighs a word by how rare it is.
    for (int i = 0; i < 40; ++i) {
      add(fmt::format("ffff{:04}", i), fmt::format("Accueil numéro {}", i), "Sans rendez-vous");
    }
  }

  void add(const std::string& id, const std::string& title, const std::string& summary = "",
           const std::string& description = "")
  {
    model::Innovation r;
    r.id = id;
    r.kind = "idea";
    r.title = title;
    r.summary = summary;
    r.description = description;
    r.author = "agent-1";
    r.region = "idf";
    r.source = "internal";
    r.created = "2016-01-04";
    r.status = "submitted";
    writer.insert("innovations/2016/" + id + ".yaml", r);
  }

  std::vector<std::string> ids(const std::string& text, std::size_t limit)
  {
    std::vector<std::string> out;
    for (const auto& m : index::ranked_matches(db, index::match_expression(text, true), limit)) {
      out.push_back(m.id);
    }
    return out;
  }
};

} // namespace

TEST_CASE("index::ranked_matches")
{
  Fixture f;
  f.add("cccc3333", "Atelier", "Un atelier", "Simulation de recrutement\nen agence");
  f.add("aaaa1111", "Recrutement par simulation", "Sans CV");
  f.add("bbbb2222", "Visio", "Recrutement à distance");

  SUBCASE("the title weighs more than the summary, the summary more than the description")
  {
    CHECK(f.ids("recrutement", 10) == std::vector<std::string>{"aaaa1111", "bbbb2222", "cccc3333"});
    CHECK(f.ids("recrut", 10).size() == 3); // a prefix finds longer words
    CHECK(f.ids("recrutement", 2) == std::vector<std::string>{"aaaa1111", "bbbb2222"});
    CHECK(f.ids("recrutement", 0).empty());
    CHECK(f.ids("teletravail", 10).empty());
  }

  SUBCASE("each match has its record's columns, a score and a snippet on one line")
  {
    auto m = index::ranked_matches(f.db, index::match_expression("recrutement", true), 10);
    REQUIRE(m.size() == 3);
    CHECK(m[0].status == "submitted");
    CHECK(m[0].title == "Recrutement par simulation");
    for (const auto& x : m) {
      CHECK(x.rank < 0);
      CHECK(x.score == std::round(-x.rank * 100) / 100);
      CHECK(x.snippet.find('\n') == std::string::npos);
    }
    CHECK(m[0].score > m[1].score);
    CHECK(m[0].snippet.find("[Recrutement]") != std::string::npos);
    CHECK(m[2].snippet == "Simulation de [recrutement] en agence");
  }
}

TEST_CASE("index::ranked_matches: rows tied across the cut compete by id")
{
  // The same text in every record: one rank for all, so the cut keeps the smallest ids, whatever
  // order the rows were written in.
  for (bool reversed : {false, true}) {
    Fixture f;
    std::vector<std::string> ids = {"aaaa1111", "bbbb2222", "cccc3333", "dddd4444", "eeee5555"};
    if (reversed) {
      std::reverse(ids.begin(), ids.end());
    }
    f.add("zzzz9999", "Mobilité et mobilité", "Mobilité");
    for (const auto& id : ids) {
      f.add(id, "Mobilité");
    }
    CAPTURE(reversed);
    CHECK(f.ids("mobilite", 3) == std::vector<std::string>{"zzzz9999", "aaaa1111", "bbbb2222"});
    CHECK(f.ids("mobilite", 1) == std::vector<std::string>{"zzzz9999"});
    CHECK(f.ids("mobilite", 6) == std::vector<std::string>{"zzzz9999", "aaaa1111", "bbbb2222",
                                                           "cccc3333", "dddd4444", "eeee5555"});
  }
}
