// Read-only SQL: the authorizer, one statement, the time and heap limits.
#include "lib/index/sql_guard.hpp"
#include "lib/util/error.hpp"

#include <chrono>
#include <doctest/doctest.h>
#include <sqlite3.h>

using namespace innov;

namespace {

// An in-memory database with a small table.
SQLite::Database sample()
{
  SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  db.exec("CREATE TABLE t (id TEXT, n INTEGER); INSERT INTO t VALUES ('a', 1), ('b', NULL)");
  return db;
}

std::string refusal(const std::string& query)
{
  auto db = sample();
  try {
    index::run_read_only_sql(db, query);
  } catch (const UsageError& e) {
    return e.what();
  }
  return "(accepted)";
}

} // namespace

TEST_CASE("index::run_read_only_sql reads")
{
  auto db = sample();
  auto r = index::run_read_only_sql(db, "SELECT id, n FROM t ORDER BY id");
  CHECK(r.columns == std::vector<std::string>{"id", "n"});
  CHECK(r.numeric == std::vector<bool>{false, true});
  REQUIRE(r.rows.size() == 2);
  CHECK(r.rows[0][0].text == "a");
  CHECK(r.rows[0][1].number == 1);
  CHECK(r.rows[1][1].kind == index::SqlCell::Kind::null);
  CHECK(refusal("PRAGMA table_info(t)") == "(accepted)");
}

TEST_CASE("index::run_read_only_sql refuses what is not one reading statement")
{
  CHECK(refusal("INSERT INTO t VALUES ('c', 3)").starts_with("refused: only SELECT queries"));
  CHECK(refusal("DELETE FROM t").starts_with("refused: only SELECT queries"));
  CHECK(refusal("ATTACH DATABASE '/tmp/x.db' AS x") ==
        "refused: ATTACH and DETACH are not allowed");
  CHECK(refusal("PRAGMA query_only = 0") ==
        "refused: PRAGMA query_only = 0 is not allowed (pragmas may only be read)");
  CHECK(refusal("SELECT load_extension('x')") ==
        "refused: the function load_extension() is not allowed");
  CHECK(refusal("BEGIN") ==
        "refused: transactions are not allowed (each query reads one consistent snapshot)");
  CHECK(refusal("SELECT 1; SELECT 2") == "refused: more than one statement");
  CHECK(refusal("SELEC 1").starts_with("sql: "));
}

TEST_CASE("index::run_read_only_sql stops a query over its time limit")
{
  auto db = sample();
  auto start = std::chrono::steady_clock::now();
  CHECK_THROWS_WITH_AS(
      index::run_read_only_sql(
          db,
          "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c",
          {0.2, index::k_sql_default_heap_bytes}),
      "the query ran over its time limit of 0.2 s", DataError);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
  // The connection works again afterwards, without the limit's handler.
  CHECK(index::run_read_only_sql(db, "SELECT count(*) FROM t").rows.size() == 1);
}

TEST_CASE("index::run_read_only_sql stops a query over its memory limit")
{
  auto db = sample();
  sqlite3_int64 before = sqlite3_hard_heap_limit64(-1);
  SUBCASE("in SQLite's heap")
  {
    CHECK_THROWS_WITH_AS(
        index::run_read_only_sql(db,
                                 "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c "
                                 "LIMIT 100) SELECT group_concat(randomblob(1000000)) FROM c",
                                 {10, 16 << 20}),
        "the query needs more than its memory limit of 16 MiB", DataError);
  }
  SUBCASE("in the rows kept")
  {
    CHECK_THROWS_WITH_AS(
        index::run_read_only_sql(db,
                                 "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c "
                                 "LIMIT 100) SELECT randomblob(1000000) FROM c",
                                 {10, 16 << 20}),
        "the query needs more than its memory limit of 16 MiB", DataError);
  }
  CHECK(sqlite3_hard_heap_limit64(-1) == before);
  CHECK(index::run_read_only_sql(db, "SELECT length(randomblob(1000000))").rows.size() == 1);
}
