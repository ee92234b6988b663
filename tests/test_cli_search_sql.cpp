// innov search (folded full text) and innov sql (read-only).
#include "tests/support.hpp"

#include <doctest/doctest.h>

using namespace innov::test;

namespace {

struct Portfolio
{
  TempDir dir;
  std::string root;
  Portfolio()
  {
    copy_tree(source_dir() / "tests/fixtures/base", dir.path());
    root = dir.path().string();
    setenv("INNOV_USER", "agent-5", 1);
    auto r = run({"-C", root, "idea", "new", "--title", "Accueil au cœur des quartiers", "--region", "idf",
                  "--description", "Un service généralisé à toutes les agences.", "--created", "2016-05-01"});
    REQUIRE(r.code == 0);
    unsetenv("INNOV_USER");
  }
};

} // namespace

TEST_CASE("search folds case and accents, both ways")
{
  Portfolio p;
  for (bool no_cache : {false, true}) {
    CAPTURE(no_cache);
    std::vector<std::string> base = {"-C", p.root};
    if (no_cache) {
      base.push_back("--no-cache");
    }
    auto q = [&](std::vector<std::string> args) {
      args.insert(args.begin(), base.begin(), base.end());
      return run(args);
    };
    auto r = q({"search", "generalise"});
    CHECK(r.code == 0);
    CHECK(r.out.find("Accueil au cœur des quartiers") != std::string::npos);
    r = q({"search", "coeur"});
    CHECK(r.out.find("Accueil au cœur des quartiers") != std::string::npos);
    r = q({"search", "CŒUR", "--format", "json"});
    CHECK(r.out.find("\"title\": \"Accueil au cœur des quartiers\"") != std::string::npos);
    r = q({"search", "recruteurs"});
    CHECK(r.out.find("k3m9xa2q") != std::string::npos);
    CHECK(r.out.find("Accueil au cœur") == std::string::npos);
    r = q({"search", "\"*(-"});
    CHECK(r.code == 2);
  }
}

TEST_CASE("sql answers SELECT and refuses everything else")
{
  Portfolio p;
  auto r = run({"-C", p.root, "sql", "SELECT status, count(*) AS n FROM innovations GROUP BY status ORDER BY status",
                "--format", "csv"});
  CHECK(r.code == 0);
  CHECK(r.out == "status,n\ngeneralized,1\nsubmitted,2\n");
  for (const char* bad : {"DELETE FROM innovations", "INSERT INTO likes VALUES ('x', 'y')", "DROP TABLE innovations",
                          "ATTACH '/tmp/innov-attach.db' AS x", "PRAGMA user_version = 7",
                          "SELECT load_extension('/tmp/x.so')"}) {
    CAPTURE(bad);
    r = run({"-C", p.root, "sql", bad});
    CHECK(r.code == 2);
    CHECK(r.err.find("refused") != std::string::npos);
  }
  r = run({"-C", p.root, "sql", "SELECT nope FROM innovations"});
  CHECK(r.code == 2);
  CHECK(r.err.find("no such column: nope") != std::string::npos);
  // Nothing was changed by the refused statements.
  r = run({"-C", p.root, "sql", "SELECT count(*) AS n FROM innovations", "--format", "csv"});
  CHECK(r.out == "n\n3\n");
}

TEST_CASE("index --stats")
{
  Portfolio p;
  auto r = run({"-C", p.root, "index", "--rebuild", "--format", "json"});
  CHECK(r.code == 0);
  CHECK(r.out.find("\"records\": 3") != std::string::npos);
  CHECK(r.out.find("\"rebuilt\": true") != std::string::npos);
  r = run({"-C", p.root, "index", "--stats"});
  CHECK(r.out.find("records    3\n") != std::string::npos);
  CHECK(r.out.find("rebuilt    no\n") != std::string::npos);
}
