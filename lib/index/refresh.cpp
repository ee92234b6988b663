// Index::refresh: a sequence of steps. Plan what changed since the cache (its snapshot, the scan
// of the files, a merge of the two), parse, lock, plan again and apply, resolve contested ids,
// commit.
#include "lib/index/ddl.hpp"
#include "lib/index/fingerprint.hpp"
#include "lib/index/index.hpp"
#include "lib/index/plan.hpp"
#include "lib/index/refresh_writer.hpp"
#include "lib/index/snapshot.hpp"
#include "lib/index/write_lock.hpp"
#include "lib/store/portfolio.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <optional>

namespace innov::index {

namespace {

using Clock = std::chrono::steady_clock;

// From this many files to read, a refresh parses them under the write lock and writes each record
// as soon as it is parsed (a cold build); below, it parses them first, without the lock.
constexpr std::size_t k_stream_files = 256;

std::int64_t now_ns()
{
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

double seconds_since(Clock::time_point started)
{
  return std::chrono::duration<double>(Clock::now() - started).count();
}

// The scan of the record files: the one started ahead, unless the index is rebuilt (a rebuild
// trusts no cache, and so not the listing of folders either).
std::vector<FileStat> scan_files(const fs::path& root, ScanAhead* ahead, bool force, bool cached)
{
  std::optional<std::vector<FileStat>> scanned;
  if (ahead && !force) {
    scanned = ahead->take();
  }
  return scanned ? std::move(*scanned) : scan_record_files(root, cached && !force);
}

// The stats of a refresh that found the index as the files are: no write lock, no transaction.
RefreshStats up_to_date(RefreshStats stats, std::size_t records, bool read_ahead,
                        Clock::time_point started)
{
  stats.records = records;
  stats.errors = stats.files - records;
  stats.read_ahead = read_ahead;
  stats.seconds = seconds_since(started);
  return stats;
}

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

// The valid records among the files of the plan, when the refresh has nothing to write: they were
// read again only because they were written close to the last refresh, with their content as
// indexed, and none of them is old enough by now for a newer refresh time to spare reading it
// again next time. Otherwise nullopt.
std::optional<std::size_t> nothing_to_write(const Plan& p, const std::vector<FileRow>& known,
                                            const std::map<std::string, Parsed>& parsed)
{
  auto ok = racy_only(p, known, parsed);
  if (!ok) {
    return std::nullopt;
  }
  const std::int64_t trusted_before = now_ns() - k_racy_ns;
  if (std::any_of(p.to_read.begin(), p.to_read.end(),
                  [&](const FileStat& f) { return f.mtime_ns < trusted_before; })) {
    return std::nullopt;
  }
  return p.ok + *ok;
}

// The refresh of a sealed index without its files: the cache as it is, since nothing changes in a
// copy of a commit (its rows go to rows); SealedIndexUnusable when it would have to be rebuilt.
RefreshStats sealed_as_is(const fs::path& root, Snapshot& known, std::vector<FileRow>& rows,
                          Clock::time_point started)
{
  if (known.rebuild) {
    throw SealedIndexUnusable("the index of the copy '" + root.string() +
                                  "' cannot be used as it is",
                              "remove that folder: the next command at that revision makes it "
                              "again");
  }
  RefreshStats stats;
  stats.files = known.files.size();
  rows = std::move(known.files);
  auto ok = static_cast<std::size_t>(
      std::count_if(rows.begin(), rows.end(), [](const FileRow& r) { return r.ok; }));
  return up_to_date(stats, ok, false, started);
}

// A rebuild empties the tables and reads the challenges, which change only with the fingerprint.
void empty_tables(SQLite::Database& db, TableWriter& records, const fs::path& root,
                  const model::Config& config)
{
  for (const char* t : {"files",           "records",        "record_people",   "record_text",
                        "record_stages",   "innovations",    "themes",          "likes",
                        "comments",        "qualifications", "scores",          "pocs",
                        "poc_territories", "kpis",           "measurements",    "spend",
                        "decisions",       "decision_scope", "rollout",         "realized",
                        "history",         "edits",          "assignments",     "links",
                        "challenges",      "winners",        "challenge_teams", "coauthors"}) {
    db.exec(std::string("DELETE FROM ") + t);
  }
  // The full-text table deletes row by row (a quarter of a second at the agency's scale): it is
  // dropped and created again instead.
  db.exec("DROP TABLE IF EXISTS search");
  db.exec(k_ddl);
  util::Diagnostics ignore;
  for (const auto& rel : store::list_challenge_files(root, ignore)) {
    util::Diagnostics diags;
    if (auto c = store::load_challenge(root, rel, config, diags)) {
      records.insert_challenge(rel, *c);
    }
  }
}

// The commit: the files table in packed chunks for the next refresh (derived from what was known
// and what was written, unless an id moved to a file that was not written), the fingerprint and
// the time of the refresh. Returns the rows of the files table.
std::vector<FileRow> commit(SQLite::Database& db, SQLite::Transaction& tx, Snapshot& known,
                            const std::vector<FileStat>& files, std::vector<FileRow> written,
                            bool moved, const std::string& fp, std::int64_t now)
{
  std::vector<FileRow> rows =
      moved ? read_file_rows(db) : rows_after(std::move(known.files), files, std::move(written));
  if (!known.chunked) {
    db.exec("DELETE FROM file_chunks"); // damaged, or a rebuild
    known.chunks.clear();
  }
  write_file_chunks(db, rows, known.chunks);
  SQLite::Statement meta(db, "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)");
  for (auto [k, v] : {std::pair<std::string, std::string>{"fingerprint", fp},
                      {"refreshed_ns", std::to_string(now)}}) {
    meta.reset();
    meta.bind(1, k);
    meta.bind(2, v);
    meta.exec();
  }
  tx.commit();
  return rows;
}

} // namespace

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

bool Index::run_read_ahead(const ReadAhead& read_ahead, std::int64_t data_version)
{
  struct Refreshing // records() passes its errors on meanwhile
  {
    bool& flag;
    explicit Refreshing(bool& f) : flag(f) { flag = true; }
    ~Refreshing() { flag = false; }
  } refreshing(m_refreshing);
  try {
    read_ahead(*this);
    return m_db->execAndGet("PRAGMA data_version").getInt64() == data_version;
  } catch (const SQLite::Exception&) {
    return false; // done again after the refresh, which heals the cache if need be
  }
}

RefreshStats Index::refresh_once(bool force, ScanAhead* ahead, const ReadAhead& read_ahead)
{
  const auto started = Clock::now();
  const bool cached = m_mode == Mode::cached;
  RefreshStats stats;

  // Plan, without a lock: what the index holds is read while the files are stat'ed, and the
  // command's own read runs on the index as it is (another process's commit in between,
  // data_version, makes it void).
  const std::string fp = fingerprint(m_root) + binding();
  Snapshot known = read_snapshot(*m_db, fp, force, cached);
  const bool read_ahead_stands =
      read_ahead && ahead && !known.rebuild && run_read_ahead(read_ahead, known.data_version);
  if (m_sealed && !m_in_memory) {
    return sealed_as_is(m_root, known, m_rows, started);
  }
  const std::vector<FileStat> files =
      m_in_memory ? m_in_memory->files() : scan_files(m_root, ahead, force, cached);
  stats.files = files.size();
  const Plan first = plan_refresh(known.files, known.rebuild, known.last_refresh, files);
  if (first.nothing_to_do()) {
    m_rows = std::move(known.files);
    return up_to_date(stats, first.ok, read_ahead_stands, started); // none new, changed or gone
  }

  // Parse: a few files before taking the write lock. Many (a cold build) are parsed under it, each
  // record written as soon as it is parsed, so that writing overlaps parsing: other writers wait
  // for the build (busy_timeout), readers never do (WAL).
  RefreshParses parses(m_root, m_config, *m_db, m_progress, m_in_memory);
  const bool stream = first.to_read.size() >= k_stream_files;
  if (!stream) {
    parses.parse(first.to_read, known.rebuild);
    if (auto records = nothing_to_write(first, known.files, parses.parsed())) {
      m_rows = std::move(known.files); // their contents are as indexed
      return up_to_date(stats, *records, read_ahead_stands, started);
    }
  }

  // Lock; the snapshot is read again only when another process wrote in between, and the plan
  // made again.
  std::optional<SQLite::Transaction> tx;
  begin_write(*m_db, tx);
  if (m_db->execAndGet("PRAGMA data_version").getInt64() != known.data_version) {
    known = read_snapshot(*m_db, fp, force, cached);
  }
  const Plan p = plan_refresh(known.files, known.rebuild, known.last_refresh, files);
  if (!stream) {
    parses.parse(parses.missing(p.to_read), known.rebuild);
  }

  // Apply: empty the tables for a rebuild, drop the files gone, write the files read again.
  TableWriter records(*m_db, m_config);
  if (p.rebuild) {
    stats.rebuilt = true;
    empty_tables(*m_db, records, m_root, m_config);
  }
  RefreshWriter writer(*m_db, records, p.rebuild);
  for (const auto& rel : p.gone) {
    writer.drop(rel);
  }
  stats.removed = p.gone.size();
  stats.reread = p.to_read.size();
  const std::int64_t now = now_ns();
  auto in_full = [&](const FileStat& f) { return parses.parse_in_full(f); };
  if (stream) {
    // The records are not kept: the rare contested id below parses its file again.
    parses.stream(p.to_read, known.rebuild,
                  [&](Parsed& pr) { writer.write(pr.stat, pr, now, in_full); });
  } else {
    for (const auto& f : p.to_read) {
      writer.write(f, parses.parsed().at(f.rel), now, in_full);
    }
  }

  // Resolve contested ids, then commit.
  bool moved = writer.resolve_contested(
      [&](const FileStat& f) -> const Parsed& { return parses.record_of(f); });
  std::vector<FileRow> rows =
      commit(*m_db, *tx, known, files, writer.take_written(), moved, fp, now);
  stats.records = static_cast<std::size_t>(
      std::count_if(rows.begin(), rows.end(), [](const FileRow& r) { return r.ok; }));
  stats.errors = rows.size() - stats.records;
  stats.seconds = seconds_since(started);
  m_rows = std::move(rows);
  return stats;
}

} // namespace innov::index
