// Query terms as SQL over the index tables: OR within a field, AND across, not:, ranges, words.
#include "lib/index/ddl.hpp"
#include "lib/index/fts_text.hpp"
#include "lib/index/query.hpp"
#include "lib/util/error.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

using namespace innov;

namespace {

struct Row {
  const char* id;
  const char* kind;
  const char* status;
  const char* region;
  const char* source;
  const char* challenge; // nullptr: none
  const char* created;
  int likes;
  const char* title;
  const char* theme;
};

// An in-memory index with five records.
struct Fixture {
  SQLite::Database db{":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE};
  model::Config config;

  Fixture()
  {
    db.exec(index::k_ddl);
    config.regions = {{"idf", "Île-de-France", {}},
                      {"hdf", "Hauts-de-France", {}},
                      {"ara", "Auvergne-Rhône-Alpes", {}}};
    config.themes = {{"recrutement", "Recrutement"}, {"numerique", "Numérique"}};
    const Row rows[] = {
        {"aaaa1111", "idea", "qualified", "idf", "internal", nullptr, "2015-01-10", 12,
         "Présélection sans CV", "recrutement"},
        {"bbbb2222", "practice", "generalized", "hdf", "challenge", "mobilite-2016", "2015-06-30",
         40, "Atelier généralisé au cœur des agences", "numerique"},
        {"cccc3333", "idea", "rejected", "idf", "citizen", nullptr, "2015-07-01", 3,
         "Visio pour les employeurs", "numerique"},
        {"cccc4444", "idea", "submitted", "ara", "internal", nullptr, "2016-02-29", 10,
         "Coeur de métier: accueil", "recrutement"},
        {"dddd5555", "practice", "qualified", "hdf", "internal", nullptr, "2014-12-31", 0,
         "Recrutement par simulation", "recrutement"},
    };
    for (const auto& r : rows) {
      SQLite::Statement ins(
          db, "INSERT INTO innovations (id, path, kind, title, region, source, challenge, created, "
              "status, likes, author) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'agent-1')");
      ins.bind(1, r.id);
      ins.bind(2, std::string("innovations/x/") + r.id + ".yaml");
      ins.bind(3, r.kind);
      ins.bind(4, r.title);
      ins.bind(5, r.region);
      ins.bind(6, r.source);
      if (r.challenge) {
        ins.bind(7, r.challenge);
      } else {
        ins.bind(7);
      }
      ins.bind(8, r.created);
      ins.bind(9, r.status);
      ins.bind(10, r.likes);
      ins.exec();
      SQLite::Statement th(db, "INSERT INTO themes VALUES (?, ?)");
      th.bind(1, r.id);
      th.bind(2, r.theme);
      th.exec();
      SQLite::Statement fts(db, "INSERT INTO search (record_id, title) VALUES (?, ?)");
      fts.bind(1, r.id);
      fts.bind(2, index::fold_ligatures(r.title));
      fts.exec();
    }
  }

  // The ids listed for query words, checked first.
  std::vector<std::string> ids(const std::vector<std::string>& words,
                               const std::string& sort = "id", std::size_t limit = 0)
  {
    auto q = model::parse_query(words);
    index::check_query(q, config);
    std::vector<std::string> out;
    for (const auto& r : index::list_records(db, q, sort, limit)) {
      out.push_back(r.id);
    }
    return out;
  }
};

using Ids = std::vector<std::string>;

} // namespace

TEST_CASE("index::list_records")
{
  Fixture f;
  SUBCASE("no term lists everything, by created by default")
  {
    CHECK(f.ids({}, "") == Ids{"dddd5555", "aaaa1111", "bbbb2222", "cccc3333", "cccc4444"});
  }
  SUBCASE("terms on one field OR, different fields AND")
  {
    CHECK(f.ids({"status:qualified"}) == Ids{"aaaa1111", "dddd5555"});
    CHECK(f.ids({"region:idf", "region:hdf"}) ==
          Ids{"aaaa1111", "bbbb2222", "cccc3333", "dddd5555"});
    CHECK(f.ids({"region:idf", "region:hdf", "kind:practice"}) == Ids{"bbbb2222", "dddd5555"});
    CHECK(f.ids({"theme:recrutement", "status:qualified", "status:submitted"}) ==
          Ids{"aaaa1111", "cccc4444", "dddd5555"});
  }
  SUBCASE("not: excludes, also on empty columns")
  {
    CHECK(f.ids({"not:status:rejected", "not:status:qualified"}) == Ids{"bbbb2222", "cccc4444"});
    CHECK(f.ids({"not:challenge:mobilite-2016"}) ==
          Ids{"aaaa1111", "cccc3333", "cccc4444", "dddd5555"});
    CHECK(f.ids({"source:challenge", "challenge:mobilite-2016"}) == Ids{"bbbb2222"});
    CHECK(f.ids({"not:theme:recrutement"}) == Ids{"bbbb2222", "cccc3333"});
  }
  SUBCASE("created: a year, a month, inclusive ranges")
  {
    CHECK(f.ids({"created:2015"}) == Ids{"aaaa1111", "bbbb2222", "cccc3333"});
    CHECK(f.ids({"created:2015-06"}) == Ids{"bbbb2222"});
    CHECK(f.ids({"created:2015-01..2015-06"}) == Ids{"aaaa1111", "bbbb2222"});
    CHECK(f.ids({"created:2015-06-30..2016-02-29"}) == Ids{"bbbb2222", "cccc3333", "cccc4444"});
    CHECK(f.ids({"created:2015-07.."}) == Ids{"cccc3333", "cccc4444"});
    CHECK(f.ids({"created:..2014"}) == Ids{"dddd5555"});
    CHECK(f.ids({"created:2014", "created:2016"}) == Ids{"cccc4444", "dddd5555"});
  }
  SUBCASE("likes comparisons")
  {
    CHECK(f.ids({"likes:>10"}) == Ids{"aaaa1111", "bbbb2222"});
    CHECK(f.ids({"likes:>=10"}) == Ids{"aaaa1111", "bbbb2222", "cccc4444"});
    CHECK(f.ids({"likes:<3"}) == Ids{"dddd5555"});
    CHECK(f.ids({"likes:<=3"}) == Ids{"cccc3333", "dddd5555"});
    CHECK(f.ids({"likes:=12"}) == Ids{"aaaa1111"});
    CHECK(f.ids({"likes:12"}) == Ids{"aaaa1111"});
  }
  SUBCASE("id prefixes")
  {
    CHECK(f.ids({"id:cccc"}) == Ids{"cccc3333", "cccc4444"});
    CHECK(f.ids({"id:cccc4"}) == Ids{"cccc4444"});
  }
  SUBCASE("free words are full-text, accents and ligatures folded, each required")
  {
    CHECK(f.ids({"generalise"}) == Ids{"bbbb2222"});
    CHECK(f.ids({"coeur"}) == Ids{"bbbb2222", "cccc4444"});
    CHECK(f.ids({"cœur", "accueil"}) == Ids{"cccc4444"});
    CHECK(f.ids({"recrut"}) == Ids{"dddd5555"});
    CHECK(f.ids({"not:coeur"}) == Ids{"aaaa1111", "cccc3333", "dddd5555"});
    CHECK(f.ids({"coeur", "region:hdf"}) == Ids{"bbbb2222"});
    CHECK(f.ids({"'); DROP TABLE innovations; --"}).empty());
    CHECK(f.ids({}).size() == 5);
  }
  SUBCASE("sort and limit")
  {
    CHECK(f.ids({}, "-likes") == Ids{"bbbb2222", "aaaa1111", "cccc4444", "cccc3333", "dddd5555"});
    CHECK(f.ids({}, "likes", 2) == Ids{"dddd5555", "cccc3333"});
    CHECK(f.ids({}, "title") == Ids{"bbbb2222", "cccc4444", "aaaa1111", "dddd5555", "cccc3333"});
    CHECK(f.ids({}, "-id", 1) == Ids{"dddd5555"});
    // Ties are broken by id, ascending in both directions.
    CHECK(f.ids({}, "-status") == Ids{"cccc4444", "cccc3333", "aaaa1111", "dddd5555", "bbbb2222"});
    CHECK(f.ids({}, "region") == Ids{"cccc4444", "bbbb2222", "dddd5555", "aaaa1111", "cccc3333"});
  }
}

TEST_CASE("index::list_sql")
{
  SUBCASE("user text is bound, never part of the SQL")
  {
    auto q = model::parse_query({"author:x' OR 1=1 --", "status:qualified", "evil\"word"});
    auto sql = index::list_sql(q, "created", 10);
    CHECK(sql.sql.find("OR 1=1") == std::string::npos);
    CHECK(sql.sql.find("evil") == std::string::npos);
    CHECK(sql.params.size() == 5); // author: twice (author or co-author), status, the word
  }
  SUBCASE("unknown sort field")
  {
    model::Query q;
    CHECK_THROWS_WITH_AS(index::list_sql(q, "-titke", 0),
                         "cannot sort by 'titke' (did you mean 'title'?)", UsageError);
  }
}

TEST_CASE("index::check_query: at most 200 terms, and 200 of every kind run")
{
  Fixture f;
  // The longest query taken: free words, fields and negations mixed, which SQLite still runs.
  std::vector<std::string> words;
  for (int i = 0; words.size() < 200; ++i) {
    for (std::string w : {"mot" + std::to_string(i), std::string("not:status:rejected"),
                          std::string("author:agent-1"), std::string("linked:k3m9"),
                          std::string("theme:numerique")}) {
      if (words.size() < 200) {
        words.push_back(w);
      }
    }
  }
  CHECK(f.ids(words).empty());
  words.push_back("one-more");
  CHECK_THROWS_WITH_AS(f.ids(words), "too many query terms (201); a query takes at most 200",
                       UsageError);
}

TEST_CASE("index::check_query")
{
  Fixture f;
  auto check = [&](const std::vector<std::string>& words) {
    index::check_query(model::parse_query(words), f.config);
  };
  CHECK_NOTHROW(
      check({"status:poc-running", "region:ara", "theme:numerique", "created:2015-01..2015-06"}));
  CHECK_THROWS_WITH_AS(check({"status:qualifed"}),
                       "unknown status 'qualifed' (did you mean 'qualified'?)", UsageError);
  CHECK_THROWS_WITH_AS(check({"region:idff"}), "unknown region 'idff' (did you mean 'idf'?)",
                       UsageError);
  CHECK_THROWS_WITH_AS(check({"theme:recrutment"}),
                       "unknown theme 'recrutment' (did you mean 'recrutement'?)", UsageError);
  CHECK_THROWS_AS(check({"kind:pratice"}), UsageError);
  CHECK_THROWS_WITH_AS(check({"created:2015-1..2015-06"}),
                       "bad created term 'created:2015-1..2015-06'", UsageError);
  CHECK_THROWS_AS(check({"created:.."}), UsageError);
  CHECK_THROWS_AS(check({"created:last-year"}), UsageError);
  CHECK_THROWS_AS(model::parse_query({"stauts:qualified"}), UsageError);
  CHECK_THROWS_AS(model::parse_query({"likes:>>3"}), UsageError);
}
