#include "lib/index/index.hpp"

#include "lib/index/cache_file.hpp"
#include "lib/index/ddl.hpp"
#include "lib/index/fingerprint.hpp"
#include "lib/index/fts_text.hpp"
#include "lib/index/parse.hpp"
#include "lib/index/plan.hpp"
#include "lib/index/serialize.hpp"
#include "lib/index/snapshot.hpp"
#include "lib/index/tables.hpp"
#include "lib/index/walk.hpp"
#include "lib/store/portfolio.hpp"
#include "lib/util/error.hpp"
#include "lib/util/fs.hpp"
#include "lib/util/sha256.hpp"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <map>
#include <optional>
#include <set>
#include <sqlite3.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace innov::index {

namespace {

std::int64_t now_ns()
{
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// A write lock held by another connection: wait and retry, never rebuild for it.
bool is_busy(const SQLite::Exception& e)
{
  int code = e.getErrorCode() & 0xff;
  return code == SQLITE_BUSY || code == SQLITE_LOCKED;
}

// How many times BEGIN IMMEDIATE waits busy_timeout (10 s) for another writer: 5 minutes, more
// than a cold build of ten times the agency's scale takes on 2 cores.
constexpr int k_busy_attempts = 30;

// How many times opening the cache is tried when it is busy (pauses of 20, 40, ... ms: 3 s in all).
constexpr int k_open_attempts = 17;

// When every file of the plan was read again only because it is racy (its stat is as the index
// has it) and its content still has the indexed hash, and no file is gone: how many of them hold a
// valid record. Otherwise nullopt.
std::optional<std::size_t> racy_only(const Plan& p, const std::vector<FileRow>& known,
                                     const std::map<std::string, Parsed>& parsed)
{
  if (p.rebuild || !p.gone.empty()) {
    return std::nullopt;
  }
  std::size_t ok = 0;
  for (const auto& f : p.to_read) {
    auto row =
        std::lower_bound(known.begin(), known.end(), f.rel,
                         [](const FileRow& r, const std::string& path) { return r.path < path; });
    auto pr = parsed.find(f.rel);
    if (row == known.end() || row->path != f.rel || !same_stat(*row, f) || pr == parsed.end() ||
        !pr->second.unchanged) {
      return std::nullopt;
    }
    ok += row->ok ? 1 : 0;
  }
  return ok;
}

// From this many files to read, a refresh parses them under the write lock and writes each record
// as soon as it is parsed (a cold build); below, it parses them first, without the lock.
constexpr std::size_t k_stream_files = 256;

} // namespace

std::string search_text(const std::string& text)
{
  return fold_ligatures(text);
}

Index::Index(const fs::path& root, const model::Config& config, Mode mode,
             std::function<void(const std::string&)> warn)
    : m_root(root), m_config(config), m_mode(mode), m_warn(std::move(warn))
{
  if (m_mode == Mode::cached) {
    std::error_code ec;
    fs::create_directories(root / ".innov", ec);
    m_path = root / ".innov" / "cache.db";
    if (ec || ::access((root / ".innov").c_str(), W_OK) != 0) {
      m_warn("cannot write the index cache in '" + (root / ".innov").string() +
             "': working from the files in memory");
      m_mode = Mode::memory;
    }
  }
  open_db();
}

void Index::open_db()
{
  if (m_mode == Mode::memory) {
    m_db = std::make_unique<SQLite::Database>(":memory:",
                                              SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    m_db->exec(k_ddl);
    return;
  }
  if (auto special = special_files(); !special.empty()) {
    reset_db(special);
    return;
  }
  if (auto damage = cache_damage(m_path); !damage.empty()) {
    reset_db(damage);
    return;
  }
  // Processes that create a new cache at the same moment can get SQLITE_BUSY without the busy
  // handler being called (the switch to WAL takes an exclusive lock): open again after a pause
  // rather than fall back to memory with a warning.
  for (int attempt = 1;; ++attempt) {
    try {
      open_cache_db();
      return;
    } catch (const SQLite::Exception& e) {
      if (!is_busy(e) || attempt == k_open_attempts) {
        give_up(e);
        return;
      }
      m_db.reset();
      std::this_thread::sleep_for(std::chrono::milliseconds(20 * attempt));
    }
  }
}

void Index::open_cache_db()
{
  // NOFOLLOW: SQLite refuses a cache file that is a symlink (checked before, and again here).
  m_db = std::make_unique<SQLite::Database>(
      m_path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLITE_OPEN_NOFOLLOW, 10000);
  // 16 KB pages (for a new cache; a page size cannot change in WAL mode): a cold build takes a
  // tenth less time than with 4 KB, warm reads and one-file refreshes the same.
  m_db->exec("PRAGMA page_size = 16384");
  m_db->exec("PRAGMA journal_mode = WAL");
  m_db->exec("PRAGMA synchronous = NORMAL");
  int version = m_db->execAndGet("PRAGMA user_version").getInt();
  if (version == 0) {
    SQLite::Transaction t(*m_db, SQLite::TransactionBehavior::IMMEDIATE);
    if (m_db->execAndGet("PRAGMA user_version").getInt() == 0) {
      m_db->exec(k_ddl);
      m_db->exec(fmt::format("PRAGMA user_version = {}", k_index_version));
      SQLite::Statement put(*m_db, "INSERT OR REPLACE INTO meta (key, value) VALUES ('schema', ?)");
      put.bind(1, schema_digest(*m_db));
      put.exec();
    }
    t.commit();
  } else if (version != k_index_version) {
    reset_db(fmt::format("it was written by another version ({})", version));
  }
}

void Index::use_memory(const std::string& reason, bool discard)
{
  m_warn("cannot use the index cache '" + m_path.string() + "' (" + reason +
         "): working from the files in memory");
  m_db.reset();
  if (discard) {
    remove_cache_files();
  }
  m_mode = Mode::memory;
  open_db();
}

void Index::remove_cache_files()
{
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    // remove_all removes a symlink itself, and a folder with what it holds (links not followed).
    fs::remove_all(m_path.string() + suffix, ec);
  }
}

std::string Index::special_files()
{
  std::vector<std::string> found;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    if (util::entry_kind(m_path.string() + suffix) == util::EntryKind::other) {
      found.push_back("'" + m_path.string() + suffix + "'");
    }
  }
  fs::path listing = m_root / ".innov" / "listing";
  if (util::entry_kind(listing) == util::EntryKind::other) {
    std::error_code ec;
    fs::remove_all(listing, ec); // a walk of the folders writes it again
    found.push_back("'" + listing.string() + "'");
  }
  if (found.empty()) {
    return {};
  }
  return fmt::format("{} {}: removed, never what a link points to", fmt::join(found, ", "),
                     found.size() == 1 ? "is not a regular file" : "are not regular files");
}

Index::Failure Index::classify(const SQLite::Exception& e) const
{
  int code = e.getErrorCode() & 0xff;
  if (code == SQLITE_BUSY || code == SQLITE_LOCKED) {
    return Failure::busy;
  }
  if (code == SQLITE_FULL) {
    return Failure::full;
  }
  if (code == SQLITE_READONLY || code == SQLITE_PERM || code == SQLITE_CANTOPEN) {
    return Failure::unwritable; // rebuilding it would fail the same way
  }
  if (code == SQLITE_IOERR && m_db) {
    switch (sqlite3_system_errno(m_db->getHandle())) {
    case ENOSPC:
    case EDQUOT:
      return Failure::full;
    case EROFS:
    case EACCES:
    case EPERM:
      return Failure::unwritable;
    default:
      break;
    }
  }
  return Failure::damaged;
}

void Index::give_up(const SQLite::Exception& e)
{
  switch (classify(e)) {
  case Failure::busy:
  case Failure::unwritable:
    use_memory(e.what());
    break;
  case Failure::full:
    use_memory(e.what(), true);
    break;
  case Failure::damaged:
    reset_db(e.what());
    break;
  }
}

void Index::reset_db(const std::string& reason)
{
  if (m_healed) {
    // Damaged again right after a rebuild: not a damaged cache but a failing disk or a file
    // changing under it. The answer still comes from the files.
    use_memory("still unusable after a rebuild: " + reason, true);
    return;
  }
  m_healed = true;
  m_warn("rebuilt the index cache (" + reason + ")");
  m_db.reset();
  remove_cache_files();
  open_db();
}

std::string Index::binding() const
{
  if (m_mode == Mode::memory) {
    return {};
  }
  auto id = [](const fs::path& p) {
    struct stat st {};
    if (::lstat(p.c_str(), &st) != 0) {
      return std::string("-");
    }
    return fmt::format("{}:{}", static_cast<std::uint64_t>(st.st_dev),
                       static_cast<std::uint64_t>(st.st_ino));
  };
  return "bound " + id(m_root) + " " + id(m_root / ".innov") + " " + id(m_path) + ";";
}

void Index::read(const std::function<void(SQLite::Database&)>& read, bool internal)
{
  for (int attempt = 1;; ++attempt) {
    try {
      read(*m_db);
      return;
    } catch (const SQLite::Exception& e) {
      int code = e.getErrorCode() & 0xff;
      bool damaged = code == SQLITE_CORRUPT || code == SQLITE_NOTADB ||
                     (internal && classify(e) == Failure::damaged);
      if (m_mode == Mode::memory || !damaged || attempt == 3) {
        throw;
      }
      reset_db(e.what()); // a rebuild the first time, memory the second
      refresh(true);
    }
  }
}

RefreshStats Index::refresh(bool force, ScanAhead* ahead, const ReadAhead& read_ahead)
{
  // A failure rebuilds the cache (once) or goes to memory (busy, unwritable, full, or damaged
  // again after the rebuild): each turn either rebuilds or leaves the cache, so the loop ends.
  for (bool first = true;; first = false) {
    try {
      auto stats = first ? refresh_once(force, ahead, read_ahead) : refresh_once(true);
      m_records_hint = stats.records;
      return stats;
    } catch (const SQLite::Exception& e) {
      if (m_mode == Mode::memory) {
        throw;
      }
      give_up(e);
    }
  }
}

RefreshStats Index::refresh_once(bool force, ScanAhead* ahead, const ReadAhead& read_ahead)
{
  auto started = std::chrono::steady_clock::now();
  RefreshStats stats;
  util::Diagnostics ignore;
  // What the index holds is read while the files are stat'ed (when the scan was started ahead).
  std::string fp = fingerprint(m_root) + binding();
  Snapshot known = read_snapshot(*m_db, fp, force, m_mode == Mode::cached);
  // While the files are still being stat'ed, the command's own read runs on the index as it is.
  // Another process's commit in between (data_version) makes it void.
  bool read_ahead_ran = false;
  if (read_ahead && ahead && !known.rebuild) {
    struct Refreshing // records() passes its errors on meanwhile
    {
      bool& flag;
      explicit Refreshing(bool& f) : flag(f) { flag = true; }
      ~Refreshing() { flag = false; }
    } refreshing(m_refreshing);
    try {
      read_ahead(*this);
      read_ahead_ran = m_db->execAndGet("PRAGMA data_version").getInt64() == known.data_version;
    } catch (const SQLite::Exception&) {
      read_ahead_ran = false; // done again after the refresh, which heals the cache if need be
    }
  }
  std::optional<std::vector<FileStat>> scanned;
  if (ahead && !force) {
    scanned = ahead->take(); // a rebuild trusts no cache, and so not the listing of folders either
  }
  std::vector<FileStat> files =
      scanned ? std::move(*scanned) : scan_record_files(m_root, m_mode == Mode::cached && !force);
  stats.files = files.size();

  // What must be read is planned once without a lock, so that files are parsed while other
  // commands keep reading and writing, then again under the write lock.
  Plan first = plan_refresh(known.files, known.rebuild, known.last_refresh, files);
  // The index is as the files are: no write lock, no transaction, and the read ahead stands.
  auto up_to_date = [&](std::size_t records) {
    stats.records = records;
    stats.errors = files.size() - records;
    stats.read_ahead = read_ahead_ran;
    stats.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return stats;
  };
  if (first.nothing_to_do()) {
    return up_to_date(first.ok); // every file known, none new, none gone
  }
  store::CheckContext ctx;
  ctx.config = &m_config;
  for (const auto& rel : store::list_challenge_files(m_root, ignore)) {
    ctx.challenge_ids.insert(fs::path(rel).stem().string());
  }
  // The hashes the files to read were indexed with: a file whose content has it is not parsed again
  // (its time changed, not its content: a touch, a checkout, an editor saving as it was).
  auto hashes = [&](const std::vector<FileStat>& wanted) {
    std::vector<std::string> out;
    if (known.rebuild) {
      return out;
    }
    SQLite::Statement q(*m_db, "SELECT hash FROM files WHERE path = ?");
    for (const auto& f : wanted) {
      q.reset();
      q.bind(1, f.rel);
      out.push_back(q.executeStep() && !q.getColumn(0).isNull() ? q.getColumn(0).getString()
                                                                : std::string());
    }
    return out;
  };
  std::map<std::string, Parsed> parsed;
  auto parse = [&](const std::vector<FileStat>& wanted) {
    parse_files(
        m_root, wanted, ctx, m_progress, [&](Parsed& p) { parsed[p.stat.rel] = std::move(p); },
        hashes(wanted));
  };
  // A few files are parsed before taking the write lock. Many (a cold build) are parsed under it,
  // each record written as soon as it is parsed, so that writing overlaps parsing: other writers
  // wait for the build (busy_timeout), readers never do (WAL).
  bool stream = first.to_read.size() >= k_stream_files;
  if (!stream) {
    parse(first.to_read);
    if (auto ok = racy_only(first, known.files, parsed)) {
      // Read again only because they were written close to the last refresh, with their content
      // as indexed: nothing to write, unless one of them is old enough by now for a newer refresh
      // time to spare reading it again next time.
      const std::int64_t trusted_before = now_ns() - k_racy_ns;
      if (std::none_of(first.to_read.begin(), first.to_read.end(),
                       [&](const FileStat& f) { return f.mtime_ns < trusted_before; })) {
        return up_to_date(first.ok + *ok);
      }
    }
  }

  // BEGIN IMMEDIATE waits busy_timeout for another writer; a long cold build elsewhere may need
  // several waits. Never a rebuild for that: the other command is writing what this one needs.
  std::optional<SQLite::Transaction> tx;
  for (int attempt = 1; !tx; ++attempt) {
    try {
      tx.emplace(*m_db, SQLite::TransactionBehavior::IMMEDIATE);
    } catch (const SQLite::Exception& e) {
      if (!is_busy(e) || attempt == k_busy_attempts) {
        throw;
      }
    }
  }
  // Under the lock, the snapshot is read again only when another process wrote in between.
  if (m_db->execAndGet("PRAGMA data_version").getInt64() != known.data_version) {
    known = read_snapshot(*m_db, fp, force, m_mode == Mode::cached);
  }
  Plan p = plan_refresh(known.files, known.rebuild, known.last_refresh, files);
  std::vector<FileStat> missing;
  for (const auto& f : p.to_read) {
    if (!stream && !parsed.count(f.rel)) {
      missing.push_back(f);
    }
  }
  parse(missing);
  TableWriter writer(*m_db, m_config);
  if (p.rebuild) {
    stats.rebuilt = true;
    for (const char* t :
         {"files",   "records",         "record_people", "record_text",    "innovations",
          "themes",  "likes",           "comments",      "qualifications", "scores",
          "pocs",    "poc_territories", "kpis",          "decisions",      "decision_scope",
          "rollout", "realized",        "history",       "challenges",     "winners"}) {
      m_db->exec(std::string("DELETE FROM ") + t);
    }
    // The full-text table deletes row by row (a quarter of a second at the agency's scale): it is
    // dropped and created again instead.
    m_db->exec("DROP TABLE IF EXISTS search");
    m_db->exec(k_ddl);
    // Challenges change only with the fingerprint, so only a rebuild reads them.
    for (const auto& rel : store::list_challenge_files(m_root, ignore)) {
      util::Diagnostics diags;
      if (auto c = store::load_challenge(m_root, rel, m_config, diags)) {
        writer.insert_challenge(rel, *c);
      }
    }
  }
  // Ids whose holder may change: the same id in several files goes to the first path (validate
  // reports E021), whatever order the files were indexed in. The other valid files keep the id in
  // files.record_id with status 'error'.
  std::set<std::string> contested;
  SQLite::Statement holder_of(*m_db, "SELECT path FROM innovations WHERE id = ?");
  auto holder = [&](const std::string& id) {
    holder_of.reset();
    holder_of.bind(1, id);
    std::string path = holder_of.executeStep() ? holder_of.getColumn(0).getString() : std::string();
    holder_of.reset();
    return path;
  };
  SQLite::Statement held(*m_db, "SELECT record_id FROM files WHERE path = ?");
  SQLite::Statement forget(*m_db, "DELETE FROM files WHERE path = ?");
  auto drop = [&](const std::string& rel) {
    if (p.rebuild) {
      return; // the tables are empty
    }
    held.reset();
    held.bind(1, rel);
    if (!held.executeStep()) {
      return;
    }
    std::string id = held.getColumn(0).isNull() ? "" : held.getColumn(0).getString();
    held.reset();
    if (!id.empty()) {
      if (holder(id) == rel) {
        writer.remove(id);
      }
      contested.insert(id);
    }
    forget.reset();
    forget.bind(1, rel);
    forget.exec();
  };
  for (const auto& rel : p.gone) {
    drop(rel);
    ++stats.removed;
  }
  stats.reread = p.to_read.size();
  std::int64_t now = now_ns();
  SQLite::Statement ins(
      *m_db, "INSERT OR REPLACE INTO files (path, size, mtime_ns, hash, status, diagnostics, "
             "record_id, indexed_ns, ctime_ns, ino, dev) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  // A file whose content is as indexed keeps its row, with its new stat, if the row still has that
  // hash (another process may have indexed other content since the hash was read).
  SQLite::Statement restat(
      *m_db, "UPDATE files SET size = ?, mtime_ns = ?, indexed_ns = ?, ctime_ns = ?, ino = ?, "
             "dev = ? WHERE path = ? AND hash = ? RETURNING status = 'ok'");
  std::vector<FileRow> reread; // the rows written, in path order
  auto write = [&](const FileStat& f, const Parsed& given) {
    const Parsed* chosen = &given;
    Parsed full;
    if (given.unchanged) {
      restat.reset();
      restat.bind(1, f.size);
      restat.bind(2, f.mtime_ns);
      restat.bind(3, now);
      restat.bind(4, f.ctime_ns);
      restat.bind(5, static_cast<std::int64_t>(f.ino));
      restat.bind(6, static_cast<std::int64_t>(f.dev));
      restat.bind(7, f.rel);
      restat.bind(8, given.hash);
      if (restat.executeStep()) {
        reread.push_back(row_of(f, restat.getColumn(0).getInt() != 0));
        restat.reset(); // done at the first step; a statement still running would hold the commit
        return;
      }
      full = parse_file(m_root, f, ctx);
      chosen = &full;
    }
    const Parsed& pr = *chosen;
    drop(f.rel);
    bool valid = pr.rec && !pr.error;
    bool ok = valid;
    if (valid) {
      std::string current = holder(pr.rec->id);
      if (current.empty()) {
        writer.insert(f.rel, *pr.rec, pr.rows ? &*pr.rows : nullptr);
      } else {
        ok = false;
        contested.insert(pr.rec->id);
      }
    }
    ins.reset();
    ins.bind(1, f.rel);
    ins.bind(2, f.size);
    ins.bind(3, f.mtime_ns);
    if (pr.hash.empty()) {
      ins.bind(4);
    } else {
      ins.bind(4, pr.hash);
    }
    ins.bind(5, ok ? "ok" : "error");
    ins.bind(6, pr.diagnostics);
    if (valid) {
      ins.bind(7, pr.rec->id);
    } else {
      ins.bind(7);
    }
    ins.bind(8, now);
    ins.bind(9, f.ctime_ns);
    ins.bind(10, static_cast<std::int64_t>(f.ino));
    ins.bind(11, static_cast<std::int64_t>(f.dev));
    ins.exec();
    reread.push_back(row_of(f, ok));
  };
  if (stream) {
    // The records are not kept: the rare contested id below parses its file again.
    parse_files(
        m_root, p.to_read, ctx, m_progress, [&](Parsed& pr) { write(pr.stat, pr); },
        hashes(p.to_read));
  } else {
    for (const auto& f : p.to_read) {
      write(f, parsed.at(f.rel));
    }
  }
  bool moved = false; // an id went to another file: rows that were not written changed status
  for (const auto& id : contested) {
    SQLite::Statement q(
        *m_db, "SELECT path, size, mtime_ns, ctime_ns, ino, dev FROM files WHERE record_id = ? "
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
    if (!parsed.count(first.rel) || parsed.at(first.rel).unchanged) {
      parsed[first.rel] = parse_file(m_root, first, ctx); // the record itself is needed
    }
    const Parsed& pr = parsed.at(first.rel);
    if (!pr.rec || pr.error || pr.rec->id != id) {
      continue; // changed since it was indexed: the next refresh sees a new stat
    }
    writer.remove(id);
    writer.insert(first.rel, *pr.rec);
    SQLite::Statement w(*m_db,
                        "UPDATE files SET status = CASE WHEN path = ? THEN 'ok' ELSE 'error' END "
                        "WHERE record_id = ?");
    w.bind(1, first.rel);
    w.bind(2, id);
    w.exec();
    moved = true;
  }
  // The files table in packed chunks, for the next refresh: derived from what was known and what
  // was written, unless an id moved to a file that was not written.
  std::vector<FileRow> rows =
      moved ? read_file_rows(*m_db) : rows_after(std::move(known.files), files, std::move(reread));
  if (!known.chunked) {
    m_db->exec("DELETE FROM file_chunks"); // damaged, or a rebuild
    known.chunks.clear();
  }
  write_file_chunks(*m_db, rows, known.chunks);
  SQLite::Statement meta(*m_db, "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)");
  for (auto [k, v] : {std::pair<std::string, std::string>{"fingerprint", fp},
                      {"refreshed_ns", std::to_string(now)}}) {
    meta.reset();
    meta.bind(1, k);
    meta.bind(2, v);
    meta.exec();
  }
  tx->commit();
  stats.records = static_cast<std::size_t>(
      std::count_if(rows.begin(), rows.end(), [](const FileRow& r) { return r.ok; }));
  stats.errors = rows.size() - stats.records;
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return stats;
}

std::vector<model::Innovation> Index::records(Decode what)
{
  if (m_refreshing) {
    return read_records(what); // a read ahead: its errors make it run again after the refresh
  }
  std::vector<model::Innovation> out;
  read([&](SQLite::Database&) { out = read_records(what); });
  return out;
}

std::vector<model::Innovation> Index::read_records(Decode what)
{
  // The parts' tables are stored in path order, with the same paths: read side by side, each record
  // decoded straight from SQLite's buffers, and only the parts that are wanted (reports mostly need
  // the figures alone).
  auto view = [](const SQLite::Column& c) {
    return std::string_view(static_cast<const char*>(c.getBlob()),
                            static_cast<std::size_t>(c.getBytes()));
  };
  SQLite::Statement q(*m_db, "SELECT path, figures FROM records ORDER BY path");
  std::optional<SQLite::Statement> people, text;
  if (what != Decode::figures) {
    people.emplace(*m_db, "SELECT path, people FROM record_people ORDER BY path");
  }
  if (what == Decode::all) {
    text.emplace(*m_db, "SELECT path, text FROM record_text ORDER BY path");
  }
  auto part = [&](std::optional<SQLite::Statement>& s) {
    if (!s) {
      return std::string_view();
    }
    if (!s->executeStep() || view(s->getColumn(0)) != view(q.getColumn(0))) {
      throw SQLite::Exception("the cached parts of the records differ", SQLITE_CORRUPT);
    }
    return view(s->getColumn(1));
  };
  std::vector<model::Innovation> records;
  records.reserve(m_records_hint);
  while (q.executeStep()) {
    auto& rec = records.emplace_back();
    std::string_view p = part(people);
    std::string_view t = part(text);
    if (!deserialize_into(view(q.getColumn(1)), p, t, what, rec)) {
      throw SQLite::Exception("a cached record does not decode", SQLITE_CORRUPT);
    }
  }
  if ((people && people->executeStep()) || (text && text->executeStep())) {
    throw SQLite::Exception("the cached parts of the records differ", SQLITE_CORRUPT);
  }
  return records;
}

} // namespace innov::index
