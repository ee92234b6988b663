#include "lib/index/refresh_writer.hpp"

namespace innov::index {

RefreshWriter::RefreshWriter(SQLite::Database& db, TableWriter& records, bool rebuild)
    : m_db(db), m_records(records), m_rebuild(rebuild),
      m_holder_of(db, "SELECT path FROM innovations WHERE id = ?"),
      m_held(db, "SELECT record_id FROM files WHERE path = ?"),
      m_forget(db, "DELETE FROM files WHERE path = ?"),
      m_insert(db, "INSERT OR REPLACE INTO files (path, size, mtime_ns, hash, status, diagnostics, "
                   "record_id, indexed_ns, ctime_ns, ino, dev) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
                   "?, ?)"),
      m_restat(db, "UPDATE files SET size = ?, mtime_ns = ?, indexed_ns = ?, ctime_ns = ?, ino = "
                   "?, dev = ? WHERE path = ? AND hash = ? RETURNING status = 'ok'")
{
}

std::string RefreshWriter::holder(const std::string& id)
{
  m_holder_of.reset();
  m_holder_of.bind(1, id);
  std::string path =
      m_holder_of.executeStep() ? m_holder_of.getColumn(0).getString() : std::string();
  m_holder_of.reset();
  return path;
}

void RefreshWriter::drop(const std::string& rel)
{
  if (m_rebuild) {
    return; // the tables are empty
  }
  m_held.reset();
  m_held.bind(1, rel);
  if (!m_held.executeStep()) {
    return;
  }
  std::string id = m_held.getColumn(0).isNull() ? "" : m_held.getColumn(0).getString();
  m_held.reset();
  if (!id.empty()) {
    if (holder(id) == rel) {
      m_records.remove(id);
    }
    m_contested.insert(id);
  }
  m_forget.reset();
  m_forget.bind(1, rel);
  m_forget.exec();
}

void RefreshWriter::write(const FileStat& f, const Parsed& given, std::int64_t now,
                          const std::function<Parsed(const FileStat&)>& parse_in_full)
{
  const Parsed* chosen = &given;
  Parsed full;
  if (given.unchanged) {
    m_restat.reset();
    m_restat.bind(1, f.size);
    m_restat.bind(2, f.mtime_ns);
    m_restat.bind(3, now);
    m_restat.bind(4, f.ctime_ns);
    m_restat.bind(5, static_cast<std::int64_t>(f.ino));
    m_restat.bind(6, static_cast<std::int64_t>(f.dev));
    m_restat.bind(7, f.rel);
    m_restat.bind(8, given.hash);
    if (m_restat.executeStep()) {
      m_written.push_back(row_of(f, m_restat.getColumn(0).getInt() != 0, given.hash));
      m_restat.reset(); // done at the first step; a statement still running would hold the commit
      return;
    }
    full = parse_in_full(f);
    chosen = &full;
  }
  const Parsed& pr = *chosen;
  drop(f.rel);
  bool valid = pr.rec && !pr.error;
  bool ok = valid;
  if (valid) {
    std::string current = holder(pr.rec->id);
    if (current.empty()) {
      m_records.insert(f.rel, *pr.rec, pr.rows ? &*pr.rows : nullptr);
    } else {
      ok = false;
      m_contested.insert(pr.rec->id);
    }
  }
  insert_row(f, pr, now, valid, ok);
  m_written.push_back(row_of(f, ok, pr.hash));
}

void RefreshWriter::insert_row(const FileStat& f, const Parsed& pr, std::int64_t now, bool valid,
                               bool ok)
{
  m_insert.reset();
  m_insert.bind(1, f.rel);
  m_insert.bind(2, f.size);
  m_insert.bind(3, f.mtime_ns);
  if (pr.hash.empty()) {
    m_insert.bind(4);
  } else {
    m_insert.bind(4, pr.hash);
  }
  m_insert.bind(5, ok ? "ok" : "error");
  m_insert.bind(6, pr.diagnostics);
  if (valid) {
    m_insert.bind(7, pr.rec->id);
  } else {
    m_insert.bind(7);
  }
  m_insert.bind(8, now);
  m_insert.bind(9, f.ctime_ns);
  m_insert.bind(10, static_cast<std::int64_t>(f.ino));
  m_insert.bind(11, static_cast<std::int64_t>(f.dev));
  m_insert.exec();
}

bool RefreshWriter::resolve_contested(
    const std::function<const Parsed&(const FileStat&)>& record_of)
{
  bool moved = false;
  for (const auto& id : m_contested) {
    SQLite::Statement q(
        m_db, "SELECT path, size, mtime_ns, ctime_ns, ino, dev FROM files WHERE record_id = ? "
              "ORDER BY path LIMIT 1");
    q.bind(1, id);
    if (!q.executeStep()) {
      continue;
    }
    FileStat first{q.getColumn(0).getString(),
                   q.getColumn(1).getInt64(),
                   q.getColumn(2).getInt64(),
                   q.getColumn(3).getInt64(),
                   static_cast<std::uint64_t>(q.getColumn(4).getInt64()),
                   static_cast<std::uint64_t>(q.getColumn(5).getInt64())};
    if (holder(id) == first.rel) {
      continue;
    }
    const Parsed& pr = record_of(first);
    if (!pr.rec || pr.error || pr.rec->id != id) {
      continue; // changed since it was indexed: the next refresh sees a new stat
    }
    m_records.remove(id);
    m_records.insert(first.rel, *pr.rec);
    SQLite::Statement w(m_db,
                        "UPDATE files SET status = CASE WHEN path = ? THEN 'ok' ELSE 'error' END "
                        "WHERE record_id = ?");
    w.bind(1, first.rel);
    w.bind(2, id);
    w.exec();
    moved = true;
  }
  return moved;
}

} // namespace innov::index
