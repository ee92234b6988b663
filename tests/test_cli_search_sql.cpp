// innov search (folded full text) and innov sql (read-only).
#include "tests/cli_portfolio.hpp"
#include "tests/support.hpp"

#include <algorithm>
#include <chrono>
#include <doctest/doctest.h>
#include <filesystem>
#include <sstream>

using namespace innov::test;

namespace {

struct Portfolio {
  TempDir dir;
  std::string root;
  Portfolio()
  {
    copy_tree(source_dir() / "tests/fixtures/base", dir.path());
    root = dir.path().string();
    setenv("INNOV_USER", "agent-5", 1);
    auto r = run({"-C", root, "idea", "new", "--title", "Accueil au cœur des quartiers", "--region",
                  "idf", "--description", "Un service généralisé à toutes les agences.",
                  "--created", "2016-05-01"});
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
  auto r = run({"-C", p.root, "sql",
                "SELECT status, count(*) AS n FROM innovations GROUP BY status ORDER BY status",
                "--format", "csv"});
  CHECK(r.code == 0);
  CHECK(r.out == "status,n\ngeneralized,1\nsubmitted,2\n");
  for (const char* bad : {"DELETE FROM innovations", "INSERT INTO likes VALUES ('x', 'y', 'z')",
                          "DROP TABLE innovations", "ATTACH '/tmp/innov-attach.db' AS x",
                          "PRAGMA user_version = 7", "SELECT load_extension('/tmp/x.so')"}) {
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

TEST_CASE("search: records of equal rank come by id, whatever the order of the rows in the cache")
{
  CliPortfolio p;
  std::vector<std::string> ids;
  for (int i = 0; i < 3; ++i) {
    ids.push_back(
        p.new_idea({"--no-similar", "--description", "Un atelier jumeau pour tester le rang."},
                   "Atelier jumeau"));
  }
  std::sort(ids.begin(), ids.end());
  // Written long ago, so that the next refreshes re-read only what changes.
  for (const auto& id : ids) {
    std::filesystem::last_write_time(p.file(id), std::filesystem::file_time_type::clock::now() -
                                                     std::chrono::hours(1));
  }
  auto first_ids = [&](std::vector<std::string> extra) {
    std::vector<std::string> args = {"search", "jumeau", "--limit", "2", "--format", "csv"};
    args.insert(args.end(), extra.begin(), extra.end());
    auto r = p(args);
    REQUIRE(r.code == 0);
    std::vector<std::string> out;
    std::istringstream lines(r.out);
    for (std::string line; std::getline(lines, line);) {
      if (!line.starts_with("id,") && !line.empty()) {
        out.push_back(line.substr(0, line.find(',')));
      }
    }
    return out;
  };
  std::vector<std::string> want = {ids[0], ids[1]};
  CHECK(first_ids({}) == want);
  // The smallest id gets a new row, after the others (a like changes nothing that is searched).
  REQUIRE(p({"idea", "like", ids[0], "--by", "agent-9"}).code == 0);
  auto rows = p({"sql", "SELECT record_id FROM search WHERE search MATCH 'jumeau' ORDER BY rowid",
                 "--format", "csv"});
  REQUIRE(rows.out.ends_with(ids[0] + "\n"));
  CHECK(first_ids({}) == want);
  CHECK(first_ids({"--no-cache"}) == want);
  CHECK(p({"search", "jumeau", "--limit", "0"}).out.find(ids[0]) == std::string::npos);
}

TEST_CASE("--limit and --top take a count, 0 or more")
{
  Portfolio p;
  for (std::vector<std::string> args :
       {std::vector<std::string>{"search", "recrutement", "--limit", "-3"},
        {"idea", "list", "--limit", "-1"},
        {"idea", "similar", "k3m9xa2q", "--limit", "x"},
        {"report", "value", "--top", "1.5"}}) {
    CAPTURE(args.back());
    args.insert(args.begin(), {"-C", p.root});
    auto r = run(args);
    CHECK(r.code == 2);
    CHECK(r.err.find("is not a count (a whole number, 0 or more)") != std::string::npos);
  }
  auto r = run({"-C", p.root, "search", "recrutement", "--limit", "0"});
  CHECK(r.code == 0);
  CHECK(r.out.find("k3m9xa2q") == std::string::npos);
}
