#include "lib/index/snapshot.hpp"

#include "lib/util/sha256.hpp"

#include <charconv>
#include <sqlite3.h>

namespace innov::index {

std::string schema_digest(SQLite::Database& db)
{
  std::string all;
  SQLite::Statement q(db,
                      "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name");
  while (q.executeStep()) {
    for (int c = 0; c < 4; ++c) {
      all += q.getColumn(c).getString();
      all += '\x1f';
    }
    all += '\x1e';
  }
  return util::sha256_hex(all);
}

std::vector<FileRow> read_file_rows(SQLite::Database& db)
{
  std::vector<FileRow> rows;
  SQLite::Statement q(
      db,
      "SELECT path, size, mtime_ns, status = 'ok', ctime_ns, ino, dev, hash FROM files ORDER BY "
      "path");
  while (q.executeStep()) {
    rows.push_back({q.getColumn(0).getString(), q.getColumn(1).getInt64(),
                    q.getColumn(2).getInt64(), q.getColumn(3).getInt() != 0,
                    q.getColumn(4).getInt64(),
                    static_cast<std::uint64_t>(q.getColumn(5).getInt64()),
                    static_cast<std::uint64_t>(q.getColumn(6).getInt64()),
                    blob_of_hex(q.getColumn(7).getString())});
  }
  return rows;
}

Snapshot read_snapshot(SQLite::Database& db, const std::string& fp, bool force, bool check_schema)
{
  Snapshot s;
  s.data_version = db.execAndGet("PRAGMA data_version").getInt64();
  std::string old_fp, schema;
  SQLite::Statement meta(db, "SELECT key, value FROM meta");
  while (meta.executeStep()) {
    std::string key = meta.getColumn(0).getString();
    if (key == "fingerprint") {
      old_fp = meta.getColumn(1).getString();
    } else if (key == "refreshed_ns") {
      std::string v = meta.getColumn(1).getString();
      auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), s.last_refresh);
      if (ec != std::errc() || end != v.data() + v.size()) {
        throw SQLite::Exception("the time of the last refresh does not read", SQLITE_CORRUPT);
      }
    } else if (key == "schema") {
      schema = meta.getColumn(1).getString();
    }
  }
  if (check_schema && schema != schema_digest(db)) {
    throw SQLite::Exception("a table, a column or an index of the cache is missing or changed",
                            SQLITE_CORRUPT);
  }
  s.rebuild = force || old_fp != fp;
  if (!s.rebuild) {
    s.chunked = read_file_chunks(db, s.files, s.chunks);
    if (!s.chunked) {
      s.files = read_file_rows(db);
    }
  }
  return s;
}

} // namespace innov::index
