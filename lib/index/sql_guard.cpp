#include "lib/index/sql_guard.hpp"

#include "lib/util/error.hpp"
#include "lib/util/read.hpp"

#include <chrono>
#include <cstring>
#include <fmt/format.h>
#include <memory>
#include <sqlite3.h>

namespace innov::index {

namespace {

const char* const k_read_only_hint = "innov sql is read-only; see docs/index.md 'The index tables'";

// Pragmas whose argument names a table or an index: they only read the schema.
bool is_schema_pragma(const char* name)
{
  for (const char* p : {"table_info", "table_xinfo", "table_list", "index_list", "index_info",
                        "index_xinfo", "foreign_key_list"}) {
    if (std::strcmp(name, p) == 0) {
      return true;
    }
  }
  return false;
}

// Refuses ATTACH/DETACH, transactions, PRAGMA writes and load_extension with a reason; writes are
// refused after preparing (sqlite3_stmt_readonly), since SQLite authorizes its own internal
// statements (full-text tables, schema parsing) through here too.
int authorize(void* refused, int action, const char* a1, const char* a2, const char*, const char*)
{
  auto* why = static_cast<std::string*>(refused);
  switch (action) {
  case SQLITE_FUNCTION:
    if (a2 && std::strcmp(a2, "load_extension") == 0) {
      *why = "the function load_extension() is not allowed";
      return SQLITE_DENY;
    }
    return SQLITE_OK;
  case SQLITE_ATTACH:
  case SQLITE_DETACH:
    *why = "ATTACH and DETACH are not allowed";
    return SQLITE_DENY;
  case SQLITE_TRANSACTION:
  case SQLITE_SAVEPOINT:
    *why = "transactions are not allowed (each query reads one consistent snapshot)";
    return SQLITE_DENY;
  case SQLITE_PRAGMA:
    if (a1 && a2 && !is_schema_pragma(a1)) {
      *why =
          std::string("PRAGMA ") + a1 + " = " + a2 + " is not allowed (pragmas may only be read)";
      return SQLITE_DENY;
    }
    return SQLITE_OK;
  default:
    return SQLITE_OK;
  }
}

// Refuses what is not exactly one statement that only reads.
void check_statement(sqlite3* db, const std::string& query)
{
  sqlite3_stmt* stmt = nullptr;
  const char* tail = nullptr;
  if (sqlite3_prepare_v2(db, query.c_str(), -1, &stmt, &tail) != SQLITE_OK) {
    return; // the error is reported when the statement is prepared again
  }
  bool writes = stmt && !sqlite3_stmt_readonly(stmt);
  sqlite3_finalize(stmt);
  if (writes) {
    throw UsageError(
        "refused: only SELECT queries are allowed (the index is read-only; change the YAML files "
        "with innov commands)",
        k_read_only_hint);
  }
  sqlite3_stmt* next = nullptr;
  int rc = sqlite3_prepare_v2(db, tail, -1, &next, nullptr);
  sqlite3_finalize(next);
  if (rc != SQLITE_OK || next) {
    throw UsageError("refused: more than one statement", "innov sql runs one SELECT statement");
  }
}

// What the statement runs under; undone when it ends, however it ends.
class Guard {
public:
  Guard(sqlite3* db, const SqlLimits& limits)
      : m_db(db), m_deadline(std::chrono::steady_clock::now() +
                             std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                 std::chrono::duration<double>(limits.seconds))),
        m_previous_heap_limit(sqlite3_hard_heap_limit64(-1))
  {
    sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, nullptr);
    sqlite3_set_authorizer(db, authorize, &m_refused);
    // Every 1,000 virtual machine steps: a check costs nanoseconds, a step about as much.
    sqlite3_progress_handler(db, 1000, on_progress, this);
    // What the cache already holds counts too: the limit is on top of it.
    sqlite3_hard_heap_limit64(limits.heap_bytes + sqlite3_memory_used());
  }
  ~Guard()
  {
    sqlite3_hard_heap_limit64(m_previous_heap_limit);
    sqlite3_progress_handler(m_db, 0, nullptr, nullptr);
    sqlite3_set_authorizer(m_db, nullptr, nullptr);
  }
  Guard(const Guard&) = delete;
  Guard& operator=(const Guard&) = delete;

  const std::string& refused() const { return m_refused; }
  bool timed_out() const { return m_timed_out; }

private:
  static int on_progress(void* self)
  {
    auto* g = static_cast<Guard*>(self);
    if (std::chrono::steady_clock::now() > g->m_deadline) {
      g->m_timed_out = true;
      return 1; // interrupts the statement: SQLITE_INTERRUPT
    }
    return 0;
  }

  sqlite3* m_db;
  std::chrono::steady_clock::time_point m_deadline;
  sqlite3_int64 m_previous_heap_limit;
  std::string m_refused;
  bool m_timed_out = false;
};

std::string seconds_text(double s)
{
  return fmt::format("{:g} s", s);
}

DataError over_time(const SqlLimits& limits)
{
  return DataError("the query ran over its time limit of " + seconds_text(limits.seconds),
                   "make it cheaper, or give it more time with --timeout SECONDS");
}

DataError over_memory(const SqlLimits& limits)
{
  return DataError("the query needs more than its memory limit of " +
                       util::byte_size(static_cast<std::size_t>(limits.heap_bytes)),
                   "make it cheaper, or give it more memory with --max-memory MIB");
}

void read_rows(SQLite::Statement& s, SqlResult& out, const SqlLimits& limits)
{
  std::size_t kept = 0;
  while (s.executeStep()) {
    std::vector<SqlCell> row;
    for (int c = 0; c < s.getColumnCount(); ++c) {
      auto col = s.getColumn(c);
      SqlCell cell;
      if (col.isInteger() || col.isFloat()) {
        cell.kind = SqlCell::Kind::number;
        cell.number = col.getDouble();
        out.numeric[static_cast<std::size_t>(c)] = true;
      } else if (!col.isNull()) {
        cell.kind = SqlCell::Kind::text;
        cell.text = col.getString();
      }
      kept += sizeof(SqlCell) + cell.text.size();
      row.push_back(std::move(cell));
    }
    // The rows kept are outside SQLite's heap: they count against the same limit.
    if (kept > static_cast<std::size_t>(limits.heap_bytes)) {
      throw over_memory(limits);
    }
    out.rows.push_back(std::move(row));
  }
}

} // namespace

SqlResult run_read_only_sql(SQLite::Database& db, const std::string& query, const SqlLimits& limits)
{
  db.exec("PRAGMA query_only = 1");
  SqlResult out;
  Guard guard(db.getHandle(), limits);
  try {
    check_statement(db.getHandle(), query);
    SQLite::Statement s(db, query);
    for (int c = 0; c < s.getColumnCount(); ++c) {
      out.columns.push_back(s.getColumnName(c));
    }
    out.numeric.assign(out.columns.size(), false);
    read_rows(s, out, limits);
  } catch (const SQLite::Exception& e) {
    if (guard.timed_out()) {
      throw over_time(limits);
    }
    if (e.getErrorCode() == SQLITE_NOMEM) {
      throw over_memory(limits);
    }
    if (!guard.refused().empty()) {
      throw UsageError("refused: " + guard.refused(), k_read_only_hint);
    }
    throw UsageError(std::string("sql: ") + e.what(),
                     "the tables are listed in docs/index.md 'The index tables'");
  }
  return out;
}

SqlResult run_read_only_sql(Index& index, const std::string& query, const SqlLimits& limits)
{
  if (index.mode() == Index::Mode::cached) {
    SQLite::Database ro(index.path(), SQLite::OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, 10000);
    return run_read_only_sql(ro, query, limits);
  }
  return run_read_only_sql(index.db(), query, limits);
}

} // namespace innov::index
