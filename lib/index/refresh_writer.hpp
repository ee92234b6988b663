// What a refresh writes under the write lock: the rows of the files read again and of the files
// gone, their records, and the holder of each id several files have (the first path keeps it,
// whatever order the files were indexed in; validate reports E021).
#pragma once

#include "lib/index/file_rows.hpp"
#include "lib/index/parse.hpp"
#include "lib/index/tables.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <vector>

namespace innov::index {

class RefreshWriter {
public:
  // rebuild: the tables were emptied, so there is nothing to drop.
  RefreshWriter(SQLite::Database& db, TableWriter& records, bool rebuild);

  // Drops the row of a file gone and its record, when it held the record's id.
  void drop(const std::string& rel);

  // Writes the row of f as parsed, indexed at `now` (files.indexed_ns), and its record when it is
  // valid and its id free (otherwise the id is contested). A file whose content is as indexed keeps
  // its row, with its new stat, if the row still has that hash (another process may have indexed
  // other content since the hash was read); if not, parse_in_full(f) reads it.
  void write(const FileStat& f, const Parsed& parsed, std::int64_t now,
             const std::function<Parsed(const FileStat&)>& parse_in_full);

  // Gives each contested id to the first path whose file has it, when that is not its holder now;
  // record_of(f) is f parsed in full. True when an id moved: rows that were not written changed
  // status, so the rows written no longer tell the whole files table.
  bool resolve_contested(const std::function<const Parsed&(const FileStat&)>& record_of);

  // The rows written, in path order.
  std::vector<FileRow> take_written() { return std::move(m_written); }

private:
  std::string holder(const std::string& id); // the path whose record has id, "" when none
  void insert_row(const FileStat& f, const Parsed& parsed, std::int64_t now, bool valid, bool ok);

  SQLite::Database& m_db;
  TableWriter& m_records;
  bool m_rebuild;
  std::set<std::string> m_contested; // ids whose holder may change
  std::vector<FileRow> m_written;
  SQLite::Statement m_holder_of, m_held, m_forget, m_insert, m_restat;
};

} // namespace innov::index
