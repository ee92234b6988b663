// What the index holds of the files and of the portfolio's fingerprint, read at the start of a
// refresh (while the scan of the files runs on other threads) and again under the write lock when
// another process wrote in between.
#pragma once

#include "lib/index/file_rows.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <cstdint>
#include <string>
#include <vector>

namespace innov::index {

// What the index holds: read while the scan of the files runs on other threads.
struct Snapshot {
  std::int64_t data_version = 0; // PRAGMA data_version before the reads: other writers change it
  bool rebuild = false;          // forced, or innov.yaml, a challenge or the program changed
  std::int64_t last_refresh = 0; // refreshed_ns
  std::vector<FileRow> files;    // in path order; empty for a rebuild
  std::vector<FileChunk> chunks; // as read from file_chunks
  bool chunked = false;          // files came from file_chunks (else from the files table)
};

// Reads the snapshot. fp: the fingerprint of the portfolio now (a different one, or force, means a
// rebuild: the files are then not read). check_schema: compare the tables with the digest recorded
// when the cache was created (a cache on disk; an index in memory was created by this process).
// Throws SQLite::Exception (SQLITE_CORRUPT) when the cache cannot be trusted.
Snapshot read_snapshot(SQLite::Database& db, const std::string& fp, bool force, bool check_schema);

// The files table, row by row (when file_chunks cannot be read, or after a change the chunks do
// not follow), in path order.
std::vector<FileRow> read_file_rows(SQLite::Database& db);

// The tables, columns and indexes of the cache as SQLite holds them (not their root pages, which a
// rebuild changes): recorded when the tables are created, and compared by every refresh, so that a
// dropped or altered table makes a rebuild rather than a failed query.
std::string schema_digest(SQLite::Database& db);

} // namespace innov::index
