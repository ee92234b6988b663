// innov sql: one statement that only reads, on the cache and in memory; clear refusals.
#include "tests/support.hpp"

#include <doctest/doctest.h>

using namespace innov::test;

namespace {

struct Example {
  TempDir dir;
  std::string root;
  Example()
  {
    copy_example(dir.path());
    root = dir.path().string();
  }
  RunResult sql(const std::string& query, bool no_cache = false,
                const std::string& format = "csv") const
  {
    std::vector<std::string> args = {"-C", root};
    if (no_cache) {
      args.push_back("--no-cache");
    }
    args.insert(args.end(), {"sql", query, "--format", format});
    return run(args);
  }
};

} // namespace

TEST_CASE("sql: reads, on the cache and in memory alike")
{
  Example e;
  for (bool no_cache : {false, true}) {
    CAPTURE(no_cache);
    auto r =
        e.sql("SELECT count(*) AS n FROM innovations WHERE id IN (SELECT record_id FROM search "
              "WHERE search MATCH 'cv')",
              no_cache);
    CHECK(r.code == 0);
    CHECK(r.out.starts_with("n\n"));
    CHECK(r.out != "n\n0\n");
    r = e.sql("SELECT name FROM pragma_table_info('likes')", no_cache);
    CHECK(r.out == "name\nrecord_id\nperson\nat\n");
    r = e.sql("PRAGMA table_info(themes)", no_cache, "json");
    CHECK(r.code == 0);
    CHECK(r.out.find("\"name\": \"theme\"") != std::string::npos);
    r = e.sql("SELECT 1 AS one; -- a comment after the statement", no_cache);
    CHECK(r.out == "one\n1\n");
    r = e.sql("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 3) SELECT "
              "x FROM n",
              no_cache);
    CHECK(r.out == "x\n1\n2\n3\n");
    r = e.sql("SELECT NULL AS empty, 2.5 AS half, 'a,b' AS text", no_cache, "json");
    CHECK(r.out.find("\"empty\": null") != std::string::npos);
    CHECK(r.out.find("\"half\": 2.5") != std::string::npos);
    CHECK(r.out.find("\"text\": \"a,b\"") != std::string::npos);
  }
}

TEST_CASE("sql: refuses everything that is not one read, with the reason")
{
  Example e;
  auto before = e.sql("SELECT count(*) AS n FROM likes").out;
  const std::vector<std::pair<std::string, std::string>> refusals = {
      {"DELETE FROM likes", "refused: only SELECT queries are allowed"},
      {"UPDATE innovations SET status = 'killed'", "refused: only SELECT queries are allowed"},
      {"CREATE TEMP TABLE t (x)", "refused: only SELECT queries are allowed"},
      {"VACUUM INTO '/tmp/innov-sql-vacuum.db'", "refused: only SELECT queries are allowed"},
      {"SELECT 1; DELETE FROM likes", "refused: more than one statement"},
      {"ATTACH ':memory:' AS other", "refused: ATTACH and DETACH are not allowed"},
      {"PRAGMA query_only = 0", "refused: PRAGMA query_only = 0 is not allowed"},
      {"PRAGMA user_version = 9", "refused: PRAGMA user_version = 9 is not allowed"},
      {"BEGIN", "refused: transactions are not allowed"},
      {"SELECT load_extension('/tmp/innov-x.so')",
       "refused: the function load_extension() is not allowed"},
  };
  for (bool no_cache : {false, true}) {
    for (const auto& entry : refusals) {
      const auto& query =
          entry.first; // plain names: clang 14 lambdas (CAPTURE) cannot capture bindings
      const auto& message = entry.second;
      CAPTURE(no_cache);
      CAPTURE(query);
      auto r = e.sql(query, no_cache);
      CHECK(r.code == 2);
      CHECK(r.out.empty());
      CHECK(r.err.find("innov: error: " + message) != std::string::npos);
      CHECK(r.err.find("database is locked") == std::string::npos);
    }
  }
  CHECK_FALSE(fs::exists("/tmp/innov-sql-vacuum.db"));
  CHECK(e.sql("SELECT count(*) AS n FROM likes").out == before);
  auto bad = e.sql("SELEC 1");
  CHECK(bad.code == 2);
  CHECK(bad.err.find("syntax error") != std::string::npos);
}

TEST_CASE("sql: --timeout and --max-memory stop a query, exit 1")
{
  Example e;
  for (bool no_cache : {false, true}) {
    CAPTURE(no_cache);
    std::vector<std::string> args = {"-C", e.root};
    if (no_cache) {
      args.push_back("--no-cache");
    }
    auto with = [&](std::vector<std::string> more) {
      auto a = args;
      a.insert(a.end(), more.begin(), more.end());
      return run(a);
    };
    auto r = with({"sql", "--timeout", "0.3",
                   "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) "
                   "SELECT count(*) FROM c"});
    CHECK(r.code == 1);
    CHECK(r.err.starts_with("innov: error: the query ran over its time limit of 0.3 s\n"));
    r = with({"sql", "--max-memory", "16",
              "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 100) "
              "SELECT length(group_concat(randomblob(1000000))) FROM c"});
    CHECK(r.code == 1);
    CHECK(
        r.err.starts_with("innov: error: the query needs more than its memory limit of 16 MiB\n"));
    r = with({"sql", "--timeout", "0", "SELECT 1"});
    CHECK(r.code == 2);
    r = with({"sql", "--max-memory", "nan", "SELECT 1"});
    CHECK(r.code == 2);
  }
}
