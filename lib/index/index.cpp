#include "lib/index/index.hpp"

#include "lib/index/cache_file.hpp"
#include "lib/index/ddl.hpp"
#include "lib/index/fts_text.hpp"
#include "lib/index/serialize.hpp"
#include "lib/index/snapshot.hpp"
#include "lib/index/write_lock.hpp"
#include "lib/util/fs.hpp"
#include "lib/util/text.hpp"

#include <cerrno>
#include <chrono>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <optional>
#include <sqlite3.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace innov::index {

namespace {

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
  // The -wal and -shm files stay from one command to the next, the WAL emptied when the last
  // connection closes (journal_size_limit 0): made and removed by every command, they cost two file
  // creations and two removals each time, and a read across 13 members opens 13 caches.
  int persist = 1;
  sqlite3_file_control(m_db->getHandle(), "main", SQLITE_FCNTL_PERSIST_WAL, &persist);
  m_db->exec("PRAGMA journal_size_limit = 0");
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

std::vector<model::Innovation> Index::records(Decode what, const TextIf& text_if)
{
  if (m_refreshing) {
    // a read ahead: its errors make it run again after the refresh
    return read_records(what, text_if);
  }
  std::vector<model::Innovation> out;
  read([&](SQLite::Database&) { out = read_records(what, text_if); });
  return out;
}

std::vector<model::Innovation> Index::read_records(Decode what, const TextIf& text_if)
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
  const bool some_text = what == Decode::without_text && text_if;
  if (what == Decode::all || some_text) {
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
    bool decoded = deserialize_into(view(q.getColumn(1)), p, some_text ? "" : t, what, rec);
    if (decoded && some_text && text_if(rec)) {
      rec = model::Innovation{};
      decoded = deserialize_into(view(q.getColumn(1)), p, t, Decode::all, rec);
    }
    if (!decoded) {
      throw SQLite::Exception("a cached record does not decode", SQLITE_CORRUPT);
    }
  }
  if ((people && people->executeStep()) || (text && text->executeStep())) {
    throw SQLite::Exception("the cached parts of the records differ", SQLITE_CORRUPT);
  }
  return records;
}

std::vector<model::StageRow> Index::stage_rows()
{
  if (m_refreshing) {
    return read_stage_rows(); // a read ahead, as in records()
  }
  std::vector<model::StageRow> out;
  read([&](SQLite::Database&) { out = read_stage_rows(); });
  return out;
}

std::vector<model::StageRow> Index::read_stage_rows()
{
  SQLite::Statement q(*m_db,
                      "SELECT id, created, status, kind, region, source, horizon, "
                      "challenge, themes, authors, submitted, qualified, poc, generalized, answers "
                      "FROM record_stages ORDER BY path");
  std::vector<model::StageRow> rows;
  // Reserved, so that no row is moved: a read ahead runs before the refresh counts the records.
  rows.reserve(m_records_hint
                   ? m_records_hint
                   : static_cast<std::size_t>(
                         m_db->execAndGet("SELECT count(*) FROM record_stages").getInt64()));
  while (q.executeStep()) {
    auto& s = rows.emplace_back();
    auto text = [&](int i) { return q.getColumn(i).getString(); };
    s.id = text(0);
    s.created = text(1);
    s.status = text(2);
    s.kind = text(3);
    s.region = text(4);
    s.source = text(5);
    s.horizon = text(6);
    s.challenge = text(7);
    std::string themes = text(8);
    if (!themes.empty()) {
      s.themes = util::split(themes, ',');
    }
    s.authors = util::split(text(9), ',');
    for (std::size_t i = 0; i < s.reached.size(); ++i) {
      s.reached[i] = text(10 + static_cast<int>(i));
    }
    if (std::string answers = text(14); !answers.empty()) {
      s.answers = util::split(answers, ',');
    }
  }
  return rows;
}

} // namespace innov::index
