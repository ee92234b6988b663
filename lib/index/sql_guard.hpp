// Read-only SQL for analysts (innov sql): one statement that only reads, run under an authorizer
// that refuses what could change or escape the cache, a time limit and a heap limit.
#pragma once

#include "lib/index/index.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <cstdint>
#include <string>
#include <vector>

namespace innov::index {

inline constexpr double k_sql_default_seconds = 10;
inline constexpr std::int64_t k_sql_default_heap_bytes = std::int64_t{256} << 20;

struct SqlLimits {
  double seconds = k_sql_default_seconds;             // wall-clock time of the statement
  std::int64_t heap_bytes = k_sql_default_heap_bytes; // SQLite's heap, and the rows kept
};

struct SqlCell {
  enum class Kind { null, number, text };
  Kind kind = Kind::null;
  double number = 0;
  std::string text;
};

struct SqlResult {
  std::vector<std::string> columns;
  std::vector<bool> numeric; // per column: holds a number in some row
  std::vector<std::vector<SqlCell>> rows;
};

// Runs query on db if it is exactly one statement that only reads: writes, ATTACH/DETACH,
// transactions, pragma writes and load_extension are refused (UsageError "refused: ..."), as is a
// query SQLite cannot prepare (UsageError "sql: ..."). A statement that runs longer than
// limits.seconds, or whose SQLite heap or kept rows need more than limits.heap_bytes, is stopped:
// DataError naming the limit. Sets PRAGMA query_only on db; the heap limit is process-wide
// (sqlite3_hard_heap_limit64) and restored before returning.
SqlResult run_read_only_sql(SQLite::Database& db, const std::string& query,
                            const SqlLimits& limits = {});

// The same on the index: on a read-only connection to the cache file when the index is cached,
// on its in-memory database otherwise.
SqlResult run_read_only_sql(Index& index, const std::string& query, const SqlLimits& limits = {});

} // namespace innov::index
