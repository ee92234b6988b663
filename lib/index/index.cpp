#include "lib/index/index.hpp"

#include "lib/index/ddl.hpp"
#include "lib/index/fold.hpp"
#include "lib/index/scan.hpp"
#include "lib/index/serialize.hpp"
#include "lib/index/tables.hpp"
#include "lib/store/portfolio.hpp"
#include "lib/util/error.hpp"
#include "lib/util/fs.hpp"
#include "lib/util/order.hpp"

#include <algorithm>
#include <chrono>
#include <fmt/format.h>
#include <map>
#include <optional>
#include <set>
#include <thread>
#include <unordered_map>
#include <sqlite3.h>
#include <unistd.h>

namespace innov::index {

namespace {

constexpr std::int64_t k_racy_ns = 2'000'000'000; // files written this close to a refresh are re-read

std::int64_t now_ns()
{
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// A write lock held by another connection: wait and retry, never rebuild for it.
bool is_busy(const SQLite::Exception& e)
{
  int code = e.getErrorCode() & 0xff;
  return code == SQLITE_BUSY || code == SQLITE_LOCKED;
}

// The cache cannot be written here (permissions, read-only file system, full disk): rebuilding it
// would fail the same way.
bool is_unwritable(const SQLite::Exception& e)
{
  int code = e.getErrorCode() & 0xff;
  return code == SQLITE_READONLY || code == SQLITE_PERM || code == SQLITE_CANTOPEN || code == SQLITE_FULL;
}

// How many times BEGIN IMMEDIATE waits busy_timeout (10 s) for another writer.
constexpr int k_busy_attempts = 6;

// How many times opening the cache is tried when it is busy (pauses of 20, 40, ... ms: 3 s in all).
constexpr int k_open_attempts = 17;

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
      m_warn("cannot write the index cache in '" + (root / ".innov").string() + "': working from the files in memory");
      m_mode = Mode::memory;
    }
  }
  open_db();
}

void Index::open_db()
{
  if (m_mode == Mode::memory) {
    m_db = std::make_unique<SQLite::Database>(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    m_db->exec(k_ddl);
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
        if (is_busy(e) || is_unwritable(e)) {
          use_memory(e.what());
          return;
        }
        reset_db(e.what());
        return;
      }
      m_db.reset();
      std::this_thread::sleep_for(std::chrono::milliseconds(20 * attempt));
    }
  }
}

void Index::open_cache_db()
{
  m_db = std::make_unique<SQLite::Database>(m_path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE, 10000);
  m_db->exec("PRAGMA journal_mode = WAL");
  m_db->exec("PRAGMA synchronous = NORMAL");
  int version = m_db->execAndGet("PRAGMA user_version").getInt();
  if (version == 0) {
    SQLite::Transaction t(*m_db, SQLite::TransactionBehavior::IMMEDIATE);
    if (m_db->execAndGet("PRAGMA user_version").getInt() == 0) {
      m_db->exec(k_ddl);
      m_db->exec(fmt::format("PRAGMA user_version = {}", k_index_version));
    }
    t.commit();
  } else if (version != k_index_version) {
    reset_db(fmt::format("it was written by another version ({})", version));
  }
}

void Index::use_memory(const std::string& reason)
{
  m_warn("cannot use the index cache '" + m_path.string() + "' (" + reason + "): working from the files in memory");
  m_db.reset();
  m_mode = Mode::memory;
  open_db();
}

void Index::reset_db(const std::string& reason)
{
  if (m_healed) {
    throw EnvError("the index cache '" + m_path.string() + "' cannot be rebuilt: " + reason,
                   "remove the .innov/ folder, or use --no-cache");
  }
  m_healed = true;
  m_warn("rebuilt the index cache (" + reason + ")");
  m_db.reset();
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    fs::remove(m_path.string() + suffix, ec);
  }
  open_db();
}

RefreshStats Index::refresh(bool force)
{
  try {
    return refresh_once(force);
  } catch (const SQLite::Exception& e) {
    if (m_mode == Mode::memory) {
      throw;
    }
    if (is_busy(e) || is_unwritable(e)) {
      use_memory(e.what());
    } else {
      reset_db(e.what());
    }
    return refresh_once(true);
  }
}

RefreshStats Index::refresh_once(bool force)
{
  auto started = std::chrono::steady_clock::now();
  RefreshStats stats;
  util::Diagnostics ignore;
  std::vector<FileStat> files = scan_record_files(m_root);
  stats.files = files.size();
  std::string fp = fingerprint(m_root);
  store::CheckContext ctx;
  ctx.config = &m_config;
  for (const auto& rel : store::list_challenge_files(m_root, ignore)) {
    ctx.challenge_ids.insert(fs::path(rel).stem().string());
  }

  // What the index holds, and so what must be read: planned once without a lock, so that files
  // are parsed while other commands keep reading and writing, then again under the write lock.
  struct Known
  {
    std::int64_t size, mtime_ns;
    std::string record_id;
    bool ok;
  };
  struct Plan
  {
    bool rebuild = false;
    std::unordered_map<std::string, Known> known;
    std::vector<FileStat> to_read;
  };
  auto plan = [&] {
    Plan p;
    std::string old_fp;
    std::int64_t last_refresh = 0;
    SQLite::Statement q(*m_db, "SELECT key, value FROM meta");
    while (q.executeStep()) {
      std::string key = q.getColumn(0).getString();
      if (key == "fingerprint") {
        old_fp = q.getColumn(1).getString();
      } else if (key == "refreshed_ns") {
        last_refresh = std::stoll(q.getColumn(1).getString());
      }
    }
    p.rebuild = force || old_fp != fp;
    if (!p.rebuild) {
      SQLite::Statement f(*m_db, "SELECT path, size, mtime_ns, record_id, status = 'ok' FROM files");
      while (f.executeStep()) {
        p.known[f.getColumn(0).getString()] = {f.getColumn(1).getInt64(), f.getColumn(2).getInt64(),
                                               f.getColumn(3).isNull() ? "" : f.getColumn(3).getString(),
                                               f.getColumn(4).getInt() != 0};
      }
    }
    for (const auto& file : files) {
      auto it = p.known.find(file.rel);
      bool racy = file.mtime_ns >= last_refresh - k_racy_ns;
      if (it == p.known.end() || it->second.size != file.size || it->second.mtime_ns != file.mtime_ns || racy) {
        p.to_read.push_back(file);
      }
    }
    return p;
  };
  std::map<std::string, Parsed> parsed;
  auto parse = [&](const std::vector<FileStat>& todo) {
    for (auto& p : parse_all(m_root, todo, ctx, m_progress)) {
      std::string rel = p.stat.rel;
      parsed[rel] = std::move(p);
    }
  };
  Plan first = plan();
  if (!first.rebuild && first.to_read.empty() && first.known.size() == files.size()) {
    // Nothing changed (every file known, none new): no write lock, no transaction.
    for (const auto& [rel, k] : first.known) {
      stats.records += k.ok ? 1 : 0;
    }
    stats.errors = files.size() - stats.records;
    stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return stats;
  }
  parse(first.to_read);

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
  Plan p = plan();
  std::vector<FileStat> missing;
  for (const auto& f : p.to_read) {
    if (!parsed.count(f.rel)) {
      missing.push_back(f);
    }
  }
  parse(missing);
  TableWriter writer(*m_db, m_config);
  if (p.rebuild) {
    stats.rebuilt = true;
    for (const char* t : {"files", "records", "innovations", "themes", "likes", "comments", "qualifications", "scores",
                          "pocs", "poc_territories", "kpis", "decisions", "decision_scope", "rollout", "realized",
                          "history", "challenges", "winners", "search"}) {
      m_db->exec(std::string("DELETE FROM ") + t);
    }
    // Challenges change only with the fingerprint, so only a rebuild reads them.
    for (const auto& rel : store::list_challenge_files(m_root, ignore)) {
      util::Diagnostics diags;
      if (auto c = store::load_challenge(m_root, rel, m_config, diags)) {
        writer.insert_challenge(rel, *c);
      }
    }
  }
  auto& known = p.known;
  std::map<std::string, bool> present;
  for (const auto& f : files) {
    present[f.rel] = true;
  }
  // Ids whose holder may change: the same id in several files goes to the first path (validate
  // reports E021), whatever order the files were indexed in. The other valid files keep the id in
  // files.record_id with status 'error'.
  std::set<std::string> contested;
  auto holder = [&](const std::string& id) {
    SQLite::Statement q(*m_db, "SELECT path FROM innovations WHERE id = ?");
    q.bind(1, id);
    return q.executeStep() ? q.getColumn(0).getString() : std::string();
  };
  auto drop = [&](const std::string& rel) {
    auto it = known.find(rel);
    if (it == known.end()) {
      return;
    }
    const std::string& id = it->second.record_id;
    if (!id.empty()) {
      if (holder(id) == rel) {
        writer.remove(id);
      }
      contested.insert(id);
    }
    SQLite::Statement d(*m_db, "DELETE FROM files WHERE path = ?");
    d.bind(1, rel);
    d.exec();
  };
  for (const auto& [rel, k] : known) {
    if (!present.count(rel)) {
      drop(rel);
      ++stats.removed;
    }
  }
  stats.reread = p.to_read.size();
  std::int64_t now = now_ns();
  SQLite::Statement ins(*m_db, "INSERT OR REPLACE INTO files (path, size, mtime_ns, hash, status, diagnostics, "
                               "record_id, indexed_ns) VALUES (?, ?, ?, NULL, ?, ?, ?, ?)");
  for (const auto& f : p.to_read) {
    const Parsed& pr = parsed.at(f.rel);
    drop(f.rel);
    bool valid = pr.rec && !pr.error;
    bool ok = valid;
    if (valid) {
      std::string current = holder(pr.rec->id);
      if (current.empty()) {
        writer.insert(f.rel, *pr.rec);
      } else {
        ok = false;
        contested.insert(pr.rec->id);
      }
    }
    ins.reset();
    ins.bind(1, f.rel);
    ins.bind(2, f.size);
    ins.bind(3, f.mtime_ns);
    ins.bind(4, ok ? "ok" : "error");
    ins.bind(5, pr.diagnostics);
    if (valid) {
      ins.bind(6, pr.rec->id);
    } else {
      ins.bind(6);
    }
    ins.bind(7, now);
    ins.exec();
  }
  for (const auto& id : contested) {
    SQLite::Statement q(*m_db, "SELECT path, size, mtime_ns FROM files WHERE record_id = ? ORDER BY path LIMIT 1");
    q.bind(1, id);
    if (!q.executeStep()) {
      continue;
    }
    FileStat first{q.getColumn(0).getString(), q.getColumn(1).getInt64(), q.getColumn(2).getInt64()};
    if (holder(id) == first.rel) {
      continue;
    }
    if (!parsed.count(first.rel)) {
      parse({first});
    }
    const Parsed& pr = parsed.at(first.rel);
    if (!pr.rec || pr.error || pr.rec->id != id) {
      continue; // changed since it was indexed: the next refresh sees a new stat
    }
    writer.remove(id);
    writer.insert(first.rel, *pr.rec);
    SQLite::Statement w(*m_db, "UPDATE files SET status = CASE WHEN path = ? THEN 'ok' ELSE 'error' END "
                               "WHERE record_id = ?");
    w.bind(1, first.rel);
    w.bind(2, id);
    w.exec();
  }
  SQLite::Statement meta(*m_db, "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)");
  for (auto [k, v] : {std::pair<std::string, std::string>{"fingerprint", fp}, {"refreshed_ns", std::to_string(now)}}) {
    meta.reset();
    meta.bind(1, k);
    meta.bind(2, v);
    meta.exec();
  }
  tx->commit();
  stats.records = static_cast<std::size_t>(m_db->execAndGet("SELECT count(*) FROM files WHERE status = 'ok'").getInt64());
  stats.errors = static_cast<std::size_t>(m_db->execAndGet("SELECT count(*) FROM files WHERE status = 'error'").getInt64());
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return stats;
}

std::vector<model::Innovation> Index::records(Decode what)
{
  try {
    return read_records(what);
  } catch (const SQLite::Exception& e) {
    if (m_mode == Mode::memory) {
      throw;
    }
    reset_db(e.what());
    refresh_once(true);
    return read_records(what);
  }
}

std::vector<model::Innovation> Index::read_records(Decode what)
{
  // The table in storage order (no lookup through the path index), each record decoded straight
  // from SQLite's buffer, then put in path order.
  std::vector<std::string> paths;
  std::vector<model::Innovation> records;
  SQLite::Statement q(*m_db, "SELECT path, data FROM records");
  while (q.executeStep()) {
    auto col = q.getColumn(1);
    auto rec = deserialize(std::string_view(static_cast<const char*>(col.getBlob()), static_cast<std::size_t>(col.getBytes())), what);
    if (!rec) {
      throw SQLite::Exception("a cached record does not decode", SQLITE_CORRUPT);
    }
    paths.push_back(q.getColumn(0).getString());
    records.push_back(std::move(*rec));
  }
  auto order = util::sorted_indexes(paths.size(), [&](std::size_t a, std::size_t b) { return paths[a] < paths[b]; });
  return util::take_in_order(std::move(records), order);
}

} // namespace innov::index
