#include "lib/index/write_lock.hpp"

#include <sqlite3.h>

namespace innov::index {

namespace {

// How many times BEGIN IMMEDIATE waits busy_timeout (10 s) for another writer: 5 minutes, more
// than a cold build of ten times the agency's scale takes on 2 cores.
constexpr int k_busy_attempts = 30;

} // namespace

bool is_busy(const SQLite::Exception& e)
{
  int code = e.getErrorCode() & 0xff;
  return code == SQLITE_BUSY || code == SQLITE_LOCKED;
}

void begin_write(SQLite::Database& db, std::optional<SQLite::Transaction>& tx)
{
  for (int attempt = 1; !tx; ++attempt) {
    try {
      tx.emplace(db, SQLite::TransactionBehavior::IMMEDIATE);
    } catch (const SQLite::Exception& e) {
      if (!is_busy(e) || attempt == k_busy_attempts) {
        throw;
      }
    }
  }
}

} // namespace innov::index
