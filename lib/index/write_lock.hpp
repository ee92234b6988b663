// The write lock of the cache: SQLite's, taken by BEGIN IMMEDIATE, which other writers wait for.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>
#include <optional>

namespace innov::index {

// A write lock held by another connection: wait and retry, never rebuild for it.
bool is_busy(const SQLite::Exception& e);

// Begins an IMMEDIATE transaction in tx. BEGIN IMMEDIATE waits busy_timeout for another writer;
// a long cold build elsewhere may need several waits (k_busy_attempts). Never a rebuild for that:
// the other command is writing what this one needs. Throws what BEGIN threw when it is not busy,
// or still busy after the last attempt.
void begin_write(SQLite::Database& db, std::optional<SQLite::Transaction>& tx);

} // namespace innov::index
