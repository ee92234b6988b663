// The index cache (.innov/cache.db, DESIGN.md section 3): a disposable SQLite copy of the portfolio
// that makes reads fast. Refreshed incrementally before every read; rebuilt whenever it cannot be
// trusted. Nothing is ever written back from it to the YAML files.
#pragma once

#include "lib/index/file_rows.hpp"
#include "lib/index/parse.hpp"
#include "lib/index/serialize.hpp"
#include "lib/index/walk.hpp"
#include "lib/model/config.hpp"
#include "lib/model/innovation.hpp"
#include "lib/model/stages.hpp"
#include "lib/util/error.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace innov::index {

namespace fs = std::filesystem;

struct RefreshStats {
  std::size_t files = 0;   // record files seen
  std::size_t records = 0; // valid records in the index
  std::size_t errors = 0;  // files with errors (left out)
  std::size_t reread = 0;  // files parsed by this refresh
  std::size_t removed = 0; // rows dropped for deleted or renamed files
  bool rebuilt = false;    // a full rebuild happened
  bool read_ahead = false; // the read ahead ran and what it read is what the index holds now
  double seconds = 0;
};

// The cache of a sealed index (Index::set_sealed) cannot be used as it is, and there are no files
// to rebuild it from: the copy it belongs to must be made again.
class SealedIndexUnusable : public EnvError {
public:
  using EnvError::EnvError;
};

class Index {
public:
  enum class Mode { cached, memory };

  // Opens (creating or healing) the index of root. In cached mode a cache that cannot be used is
  // deleted and rebuilt with one warning; a portfolio whose .innov/ cannot be written falls back to
  // memory with one warning. `warn` receives those lines. Nothing under .innov/ is trusted: the
  // cache, its -wal, -shm and -journal and the listing must be regular files (anything else, a
  // symlink above all, is removed, never what it points to, and the cache rebuilt), and the cache
  // is opened with SQLITE_OPEN_NOFOLLOW.
  Index(const fs::path& root, const model::Config& config, Mode mode,
        std::function<void(const std::string&)> warn);

  // A read of the index run while a refresh waits for the scan of the files, with the cache as it
  // is (most often up to date): its result stands when RefreshStats::read_ahead says so, and the
  // read is done again otherwise. It may throw SQLite::Exception (the read is then done again).
  using ReadAhead = std::function<void(Index&)>;

  // Brings the index up to date with the files: re-reads only new, changed and racy files, drops
  // rows of deleted ones, in one IMMEDIATE transaction. force: rebuild everything. ahead: the
  // scan of the files, when it was started earlier. read_ahead: see ReadAhead (run only with a
  // scan ahead, and not when the index is to be rebuilt).
  RefreshStats refresh(bool force = false, ScanAhead* ahead = nullptr,
                       const ReadAhead& read_ahead = {});

  // Whether a record decoded without its free text is to be decoded whole (publish: the few whose
  // text is public).
  using TextIf = std::function<bool(const model::Innovation&)>;

  // The valid records, in path order (Decode::without_text leaves out the free text; reports).
  // With Decode::without_text and text_if, the records text_if holds true of have their text.
  std::vector<model::Innovation> records(Decode what = Decode::all, const TextIf& text_if = {});

  // The funnel's rows of the valid records (model::stage_row of each, as written by the refresh),
  // in path order.
  std::vector<model::StageRow> stage_rows();

  // Runs a read of the cache. When SQLite finds the cache damaged (SQLITE_CORRUPT, SQLITE_NOTADB,
  // or, with internal true, any error but a busy one: a missing table or column), the cache is
  // rebuilt once with one warning and `read` runs again. internal false is for user SQL, whose
  // errors are the user's.
  void read(const std::function<void(SQLite::Database&)>& read, bool internal = true);

  // The record files are not on disk: an index-only copy of a commit (--rev, lib/git/revision),
  // which nothing changes once made. A refresh reads them from files (given when the index is
  // built; it must outlive the refresh) instead of scanning the folders, and without files trusts
  // the cache as it is: it throws SealedIndexUnusable when the cache would have to be rebuilt.
  void set_sealed(const InMemoryFiles* files)
  {
    m_sealed = true;
    m_in_memory = files;
  }

  // Called while a refresh parses files (done, total), when that takes over a second.
  using Progress = index::Progress;
  void set_progress(Progress progress) { m_progress = std::move(progress); }

  // The files table as the last refresh left it (every record file, valid or not, with its blob
  // id), in path order: what report provenance compares with the commit (lib/index/provenance.hpp).
  const std::vector<FileRow>& file_rows() const { return m_rows; }

  SQLite::Database& db() { return *m_db; }
  Mode mode() const { return m_mode; }
  fs::path path() const { return m_path; }

private:
  void open_db();
  void open_cache_db(); // open_db for the file on disk; throws SQLite::Exception
  void reset_db(const std::string& reason);
  // One warning, then an in-memory index. discard: remove the cache files too (a full disk: what
  // the failed write left, a WAL above all, would keep the disk full).
  void use_memory(const std::string& reason, bool discard = false);
  // Removes (never through a link) the cache, its -wal, -shm and -journal.
  void remove_cache_files();
  // Entries under .innov/ that are not regular files, as a reason to rebuild ("" when none); the
  // listing among them is removed at once.
  std::string special_files();
  // How a failed statement is handled (the database's errno tells a full disk from damage).
  enum class Failure { busy, unwritable, full, damaged };
  Failure classify(const SQLite::Exception& e) const;
  void give_up(const SQLite::Exception& e); // busy, unwritable, full: memory; damaged: rebuild
  // The identity of the place the cache was built in (devices and inodes of the root, .innov/ and
  // the cache file): part of the fingerprint, so that a copied, cloned or restored cache is
  // rebuilt from the files.
  std::string binding() const;
  // One refresh (lib/index/refresh.cpp): plan, parse, lock, apply, resolve contested ids, commit.
  RefreshStats refresh_once(bool force, ScanAhead* ahead = nullptr,
                            const ReadAhead& read_ahead = {});
  // Runs the read ahead with records() passing its errors on; true when it ran and no other
  // process wrote the cache since data_version was read.
  bool run_read_ahead(const ReadAhead& read_ahead, std::int64_t data_version);
  std::vector<model::Innovation> read_records(Decode what, const TextIf& text_if = {});
  std::vector<model::StageRow> read_stage_rows();

  fs::path m_root;
  fs::path m_path;
  model::Config m_config;
  Mode m_mode;
  std::function<void(const std::string&)> m_warn;
  Progress m_progress;
  bool m_sealed = false;
  const InMemoryFiles* m_in_memory = nullptr;
  std::unique_ptr<SQLite::Database> m_db;
  bool m_healed = false;
  bool m_refreshing = false;      // records() then passes its errors on instead of healing
  std::size_t m_records_hint = 0; // records counted by the last refresh (to reserve)
  std::vector<FileRow> m_rows;    // file_rows()
};

// Text as stored in the full-text table: ligatures expanded (lib/index/fts_text.hpp), case and
// accents kept for snippets; the tokenizer folds them.
std::string search_text(const std::string& text);

} // namespace innov::index
