// What a refresh needs from the disk: file stats, the configuration fingerprint, records parsed on
// all cores, and whether a cache file is intact enough to open.
#pragma once

#include "lib/index/tables.hpp"
#include "lib/model/innovation.hpp"
#include "lib/store/record_checks.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <future>
#include <optional>
#include <string>
#include <vector>

namespace innov::index {

namespace fs = std::filesystem;

// What a refresh compares of a file, as git's index does: a file is read again when any of these
// changed (a same-size edit followed by `touch -r` changes the ctime; a restored or cloned file its
// ctime or inode). All from the one stat the scan makes anyway.
struct FileStat {
  std::string rel;
  std::int64_t size = -1; // -1: cannot be stat'ed
  std::int64_t mtime_ns = 0;
  std::int64_t ctime_ns = 0;
  std::uint64_t ino = 0, dev = 0;
};

// Files written (and folders changed) this close before a refresh are read again by the next one:
// file systems keep times with a coarse clock, so a later change may leave the same time.
inline constexpr std::int64_t k_racy_ns = 2'000'000'000;

// The record files (innovations/**/*.yaml) with their stats, sorted by path: the files
// store::list_record_files lists, read with one fstatat per file and no path objects, since every
// command does it. Symlinks are followed, and left out when they lead outside the portfolio.
// listing: use and keep .innov/listing, so that folders unchanged since the last walk are not
// read again (only the cached index does; --no-cache and --rebuild walk every folder).
std::vector<FileStat> scan_record_files(const fs::path& root, bool listing = false);

// A scan of the record files started on another thread, so that a read command loads innov.yaml
// and opens the cache while the files are stat'ed.
class ScanAhead {
public:
  explicit ScanAhead(const fs::path& root);
  ScanAhead(ScanAhead&&) = default;
  ScanAhead& operator=(ScanAhead&&) = default;
  ~ScanAhead();

  // The scan of root (waits for it); empty when already taken.
  std::optional<std::vector<FileStat>> take();

private:
  std::future<std::vector<FileStat>> m_scan;
};

// The stat of root / rel (symlinks followed).
FileStat stat_file(const fs::path& root, const std::string& rel);

// What every check of a record depends on besides the record: the program and index versions,
// innov.yaml and the challenge files. When it changes the whole index is rebuilt.
std::string fingerprint(const fs::path& root);

// A record file, parsed and checked.
struct Parsed {
  FileStat stat;
  std::string hash;                     // SHA-256 of the content ("" when it cannot be read)
  bool unchanged = false;               // the content has the hash it was indexed with: not parsed
  std::optional<model::Innovation> rec; // set when it parsed and passed the schema
  std::optional<PreparedRows> rows;     // its rows' heavier parts, when it has no error
  bool error = false;                   // any error diagnostic (the record is then not indexed)
  std::string diagnostics;              // JSON (lib/index/diagnostics_json.hpp)
};

// Reads one record file, and parses and checks it unless its content has known_hash (then only
// hash and unchanged are set).
Parsed parse_file(const fs::path& root, const FileStat& file, const store::CheckContext& ctx,
                  const std::string& known_hash = {});

// Progress of a long parse: (done, total).
using Progress = std::function<void(std::size_t done, std::size_t total)>;

// parse_file on all cores, handing each result to `use`, on the calling thread and in the order of
// files, as soon as it and those before it are ready: the caller writes the index while the other
// files are still being parsed. Fewer than 64 files are parsed on the calling thread alone.
// known_hashes: empty, or the hash each file was indexed with ("" for none). Progress is reported
// at most every 100 ms once a second has passed, and once more at the end if it was. When `use`
// throws, the parsing stops and the exception is passed on.
void parse_files(const fs::path& root, const std::vector<FileStat>& files,
                 const store::CheckContext& ctx, const Progress& progress,
                 const std::function<void(Parsed&)>& use,
                 const std::vector<std::string>& known_hashes = {});

// Why the file cannot be an intact SQLite database, or "" when it may be (or is missing or empty:
// a new cache). Checked before opening: SQLite reads a truncated file without complaint until a
// query reaches a missing page. Never follows a symlink nor blocks on a FIFO (the caller has
// removed anything but regular files first).
std::string cache_damage(const fs::path& path);

} // namespace innov::index
