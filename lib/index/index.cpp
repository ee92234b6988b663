#include "lib/index/index.hpp"

#include "lib/index/ddl.hpp"
#include "lib/index/serialize.hpp"
#include "lib/index/tables.hpp"
#include "lib/store/portfolio.hpp"
#include "lib/util/error.hpp"
#include "lib/util/fold.hpp"
#include "lib/util/fs.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <fmt/format.h>
#include <map>
#include <sqlite3.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace innov::index {

namespace {

constexpr std::int64_t k_racy_ns = 2'000'000'000; // files written this close to a refresh are re-read

std::int64_t now_ns()
{
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

struct FileStat
{
  std::string rel;
  std::int64_t size = -1;
  std::int64_t mtime_ns = 0;
};

FileStat stat_file(const fs::path& root, const std::string& rel)
{
  FileStat f{rel};
  struct stat st{};
  if (::stat((root / rel).c_str(), &st) == 0) {
    f.size = st.st_size;
    f.mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
  }
  return f;
}

// What innov.yaml and the challenges are: when they change, every check may change.
std::string fingerprint(const fs::path& root)
{
  std::string fp = fmt::format("v{};", k_index_version);
  std::error_code ec;
  std::string config;
  try {
    config = util::read_file(root / store::k_config_file);
  } catch (const Error&) {
  }
  fp += std::to_string(std::hash<std::string>{}(config)) + ";";
  util::Diagnostics ignore;
  for (const auto& rel : store::list_challenge_files(root, ignore)) {
    auto s = stat_file(root, rel);
    fp += fmt::format("{}:{}:{};", rel, s.size, s.mtime_ns);
  }
  return fp;
}

struct Parsed
{
  FileStat stat;
  std::optional<model::Innovation> rec;
  bool error = false;
};

// Parses and checks files on all cores.
std::vector<Parsed> parse_all(const fs::path& root, const std::vector<FileStat>& files, const store::CheckContext& ctx)
{
  std::vector<Parsed> out(files.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < files.size(); i = next++) {
      util::Diagnostics diags;
      out[i].stat = files[i];
      out[i].rec = store::load_and_check_record(root, files[i].rel, ctx, diags);
      out[i].error = util::has_errors(diags);
    }
  };
  unsigned n = std::max(1U, std::min<unsigned>(std::thread::hardware_concurrency(), 16));
  if (files.size() < 64) {
    n = 1;
  }
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < n; ++t) {
    threads.emplace_back(work);
  }
  work();
  for (auto& t : threads) {
    t.join();
  }
  return out;
}

} // namespace

std::string search_text(const std::string& text)
{
  return util::fold(text);
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
  try {
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
  } catch (const SQLite::Exception& e) {
    reset_db(e.what());
  }
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
    reset_db(e.what());
    return refresh_once(true);
  }
}

RefreshStats Index::refresh_once(bool force)
{
  auto started = std::chrono::steady_clock::now();
  RefreshStats stats;
  util::Diagnostics ignore;
  std::vector<FileStat> files;
  for (const auto& rel : store::list_record_files(m_root, ignore)) {
    files.push_back(stat_file(m_root, rel));
  }
  stats.files = files.size();
  std::string fp = fingerprint(m_root);

  SQLite::Transaction tx(*m_db, SQLite::TransactionBehavior::IMMEDIATE);
  std::string old_fp;
  std::int64_t last_refresh = 0;
  {
    SQLite::Statement q(*m_db, "SELECT key, value FROM meta");
    while (q.executeStep()) {
      std::string key = q.getColumn(0).getString();
      if (key == "fingerprint") {
        old_fp = q.getColumn(1).getString();
      } else if (key == "refreshed_ns") {
        last_refresh = std::stoll(q.getColumn(1).getString());
      }
    }
  }
  TableWriter writer(*m_db, m_config);
  if (force || old_fp != fp) {
    stats.rebuilt = true;
    for (const char* t : {"files", "records", "innovations", "themes", "likes", "comments", "qualifications", "scores",
                          "pocs", "poc_territories", "kpis", "decisions", "decision_scope", "rollout", "realized",
                          "history", "challenges", "winners", "search"}) {
      m_db->exec(std::string("DELETE FROM ") + t);
    }
  }
  // What the index holds now.
  struct Known
  {
    std::int64_t size, mtime_ns;
    std::string record_id;
  };
  std::map<std::string, Known> known;
  {
    SQLite::Statement q(*m_db, "SELECT path, size, mtime_ns, record_id FROM files");
    while (q.executeStep()) {
      known[q.getColumn(0).getString()] = {q.getColumn(1).getInt64(), q.getColumn(2).getInt64(),
                                           q.getColumn(3).isNull() ? "" : q.getColumn(3).getString()};
    }
  }
  std::vector<FileStat> to_read;
  std::map<std::string, bool> present;
  for (const auto& f : files) {
    present[f.rel] = true;
    auto it = known.find(f.rel);
    bool racy = f.mtime_ns >= last_refresh - k_racy_ns;
    if (it == known.end() || it->second.size != f.size || it->second.mtime_ns != f.mtime_ns || racy) {
      to_read.push_back(f);
    }
  }
  auto drop = [&](const std::string& rel) {
    auto it = known.find(rel);
    if (it == known.end()) {
      return;
    }
    if (!it->second.record_id.empty()) {
      writer.remove(it->second.record_id);
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
  store::CheckContext ctx;
  ctx.config = &m_config;
  for (const auto& rel : store::list_challenge_files(m_root, ignore)) {
    ctx.challenge_ids.insert(fs::path(rel).stem().string());
  }
  auto parsed = parse_all(m_root, to_read, ctx);
  stats.reread = parsed.size();
  std::int64_t now = now_ns();
  SQLite::Statement ins(*m_db, "INSERT OR REPLACE INTO files (path, size, mtime_ns, hash, status, diagnostics, "
                               "record_id, indexed_ns) VALUES (?, ?, ?, NULL, ?, NULL, ?, ?)");
  for (const auto& p : parsed) {
    drop(p.stat.rel);
    bool ok = p.rec && !p.error;
    if (ok) {
      // The same id in two files: the first path keeps it (validate reports E021).
      SQLite::Statement dup(*m_db, "SELECT path FROM records WHERE id = ?");
      dup.bind(1, p.rec->id);
      if (dup.executeStep() && dup.getColumn(0).getString() != p.stat.rel) {
        ok = false;
      }
    }
    if (ok) {
      writer.insert(p.stat.rel, *p.rec);
    }
    ins.reset();
    ins.bind(1, p.stat.rel);
    ins.bind(2, p.stat.size);
    ins.bind(3, p.stat.mtime_ns);
    ins.bind(4, ok ? "ok" : "error");
    if (ok) {
      ins.bind(5, p.rec->id);
    } else {
      ins.bind(5);
    }
    ins.bind(6, now);
    ins.exec();
  }
  SQLite::Statement meta(*m_db, "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)");
  for (auto [k, v] : {std::pair<std::string, std::string>{"fingerprint", fp}, {"refreshed_ns", std::to_string(now)}}) {
    meta.reset();
    meta.bind(1, k);
    meta.bind(2, v);
    meta.exec();
  }
  tx.commit();
  stats.records = static_cast<std::size_t>(m_db->execAndGet("SELECT count(*) FROM records").getInt64());
  stats.errors = static_cast<std::size_t>(m_db->execAndGet("SELECT count(*) FROM files WHERE status = 'error'").getInt64());
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return stats;
}

std::vector<model::Innovation> Index::records()
{
  try {
    return read_records();
  } catch (const SQLite::Exception& e) {
    if (m_mode == Mode::memory) {
      throw;
    }
    reset_db(e.what());
    refresh_once(true);
    return read_records();
  }
}

std::vector<model::Innovation> Index::read_records()
{
  std::vector<model::Innovation> out;
  SQLite::Statement q(*m_db, "SELECT data FROM records ORDER BY path");
  while (q.executeStep()) {
    auto col = q.getColumn(0);
    auto rec = deserialize(std::string_view(static_cast<const char*>(col.getBlob()), static_cast<std::size_t>(col.getBytes())));
    if (!rec) {
      throw SQLite::Exception("a cached record does not decode", SQLITE_CORRUPT);
    }
    out.push_back(std::move(*rec));
  }
  return out;
}

} // namespace innov::index
