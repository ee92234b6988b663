// The walk of the record folders: which record files there are, with their stats. Every read
// command does it first, so it avoids path objects, spreads the stats over the cores, and can start
// on another thread (ScanAhead) and spare unchanged folders (.innov/listing,
// lib/index/listing.hpp).
#pragma once

#include <cstdint>
#include <filesystem>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <thread>
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
  // The scans of several roots, made one after the other on one thread (the members of a
  // federation: the first is read while the others are stat'ed, and one thread is started, not one
  // per member). Each waits, when taken or destroyed, for its own root's scan.
  static std::vector<ScanAhead> of_each(const std::vector<fs::path>& roots);
  ScanAhead(ScanAhead&&) = default;
  ScanAhead& operator=(ScanAhead&&) = default;
  ~ScanAhead();

  // The scan of root (waits for it); empty when already taken.
  std::optional<std::vector<FileStat>> take();

private:
  ScanAhead() = default;
  std::future<std::vector<FileStat>> m_scan;
  std::shared_ptr<std::thread> m_thread; // of_each: joined when the last of them goes
};

// The stat of root / rel (symlinks followed).
FileStat stat_file(const fs::path& root, const std::string& rel);

// What the listing trusts of a folder: it is the same folder (inode) and nothing changed in it
// (mtime; ctime, which a restore that sets the mtime back cannot set back).
struct FolderStamp {
  std::int64_t mtime_ns = -1, ctime_ns = -1;
  std::uint64_t ino = 0;
  bool operator==(const FolderStamp&) const = default;
};

// The stamp of the open folder fd (the default stamp when it cannot be stat'ed).
FolderStamp stamp_of(int fd);

// A file found by the walk, to be stat'ed: its folder (an open descriptor) and its path.
struct Entry {
  std::size_t dir;     // index into Walk::dirs
  std::string rel;     // relative to the root
  std::size_t name_at; // where the name starts in rel
};

// The folders and files of a walk, read from the disk (Walk::folder) or from the listing.
struct Walk {
  fs::path root;
  std::vector<int> dirs; // open folders, closed at the end
  std::vector<Entry> entries;
  std::vector<std::string> prefixes; // of each folder, relative to the root, ending in '/'
  std::vector<FolderStamp> stamps;   // of each folder, before it was listed

  Walk() = default;
  explicit Walk(fs::path r) : root(std::move(r)) {}
  Walk(const Walk&) = delete;
  Walk& operator=(const Walk&) = delete;
  ~Walk() { clear(); }

  void clear();
  // Lists the open folder fd (relative path prefix ending in '/'), and the folders in it.
  void folder(int fd, const std::string& prefix);
};

} // namespace innov::index
