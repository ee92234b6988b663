#include "lib/index/scan.hpp"

#include "lib/index/ddl.hpp"
#include "lib/index/diagnostics_json.hpp"
#include "lib/store/load.hpp"
#include "lib/store/portfolio.hpp"
#include "lib/util/error.hpp"
#include "lib/util/fs.hpp"
#include "lib/util/sha256.hpp"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <dirent.h>
#include <exception>
#include <fcntl.h>
#include <fmt/format.h>
#include <fstream>
#include <mutex>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace innov::index {

std::string cache_damage(const fs::path& path)
{
  // Header, then WAL, then size, all of one open file: another process's checkpoint grows the file
  // and then removes the WAL, so a size read before the header could look short of a header read
  // after that checkpoint (which made a concurrent reader rebuild a sound cache).
  int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    return {};
  }
  unsigned char h[100] = {};
  struct stat st {};
  bool regular = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
  ssize_t got = regular ? ::pread(fd, h, sizeof h, 0) : 0;
  struct stat wal {};
  bool no_wal = ::lstat((path.string() + "-wal").c_str(), &wal) != 0 || wal.st_size == 0;
  bool sized = regular && ::fstat(fd, &st) == 0;
  ::close(fd);
  if (!regular) {
    return "not a regular file";
  }
  if (!sized || st.st_size == 0) {
    return {};
  }
  if (got < static_cast<ssize_t>(sizeof h) || std::memcmp(h, "SQLite format 3", 16) != 0) {
    return "not a database";
  }
  auto be32 = [&](int o) {
    return (std::uint32_t{h[o]} << 24) | (std::uint32_t{h[o + 1]} << 16) |
           (std::uint32_t{h[o + 2]} << 8) | h[o + 3];
  };
  std::uintmax_t page_size = (std::uint32_t{h[16]} << 8) | h[17];
  if (page_size == 1) {
    page_size = 65536;
  }
  bool pages_valid = be32(24) == be32(92); // the in-header size is valid (SQLite file format 1.3.7)
  if (no_wal && pages_valid && be32(28) * page_size > static_cast<std::uintmax_t>(st.st_size)) {
    return "truncated";
  }
  return {};
}

namespace {

bool ends_with_yaml(const char* name, std::size_t len)
{
  return len > 5 && std::memcmp(name + len - 5, ".yaml", 5) == 0;
}

FileStat from_stat(std::string rel, const struct stat& st)
{
  return {std::move(rel),
          static_cast<std::int64_t>(st.st_size),
          static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec,
          static_cast<std::int64_t>(st.st_ctim.tv_sec) * 1'000'000'000 + st.st_ctim.tv_nsec,
          static_cast<std::uint64_t>(st.st_ino),
          static_cast<std::uint64_t>(st.st_dev)};
}

// What the listing trusts of a folder: it is the same folder (inode) and nothing changed in it
// (mtime; ctime, which a restore that sets the mtime back cannot set back).
struct FolderStamp {
  std::int64_t mtime_ns = -1, ctime_ns = -1;
  std::uint64_t ino = 0;
  bool operator==(const FolderStamp&) const = default;
};

FolderStamp stamp_of(int fd)
{
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    return {};
  }
  FileStat f = from_stat({}, st);
  return {f.mtime_ns, f.ctime_ns, f.ino};
}

// A file found by the walk, to be stat'ed: its folder (an open descriptor) and its path.
struct Entry {
  std::size_t dir;     // index into Walk::dirs
  std::string rel;     // relative to the root
  std::size_t name_at; // where the name starts in rel
};

struct Walk {
  fs::path root;
  std::vector<int> dirs; // open folders, closed at the end
  std::vector<Entry> entries;
  std::vector<std::string> prefixes; // of each folder, relative to the root, ending in '/'
  std::vector<FolderStamp> stamps;   // of each folder, before it was listed

  ~Walk() { clear(); }

  void clear()
  {
    for (int fd : dirs) {
      ::close(fd);
    }
    dirs.clear();
    entries.clear();
    prefixes.clear();
    stamps.clear();
  }

  // Lists the open folder fd (relative path prefix ending in '/').
  void folder(int fd, const std::string& prefix)
  {
    std::size_t index = dirs.size();
    dirs.push_back(fd);
    prefixes.push_back(prefix);
    stamps.push_back(stamp_of(fd));
    int listing = ::dup(fd);
    DIR* d = listing >= 0 ? ::fdopendir(listing) : nullptr;
    if (!d) {
      if (listing >= 0) {
        ::close(listing);
      }
      return;
    }
    while (const dirent* e = ::readdir(d)) {
      const char* name = e->d_name;
      if (name[0] == '.') {
        continue;
      }
      std::size_t len = std::strlen(name);
      unsigned char type = e->d_type;
      if (type == DT_UNKNOWN) {
        struct stat st {};
        if (::fstatat(fd, name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
          continue;
        }
        type = S_ISDIR(st.st_mode) ? DT_DIR : S_ISLNK(st.st_mode) ? DT_LNK : DT_REG;
      }
      std::string rel = prefix + name;
      bool yaml = ends_with_yaml(name, len);
      if (type == DT_DIR) {
        // A folder named *.yaml is listed too (it then fails to load, as it does for validate).
        if (yaml) {
          entries.push_back({index, rel, prefix.size()});
        }
        int sub = ::openat(fd, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (sub >= 0) {
          folder(sub, rel + "/");
        }
        continue;
      }
      if (!yaml || (type == DT_LNK && !util::is_inside(root, root / rel))) {
        continue; // not a record file, or a symlink out of the portfolio (validate reports E039)
      }
      entries.push_back({index, std::move(rel), prefix.size()});
    }
    ::closedir(d);
  }
};

// Puts the entries of a walk in path order (the order of the scan's result and of the listing).
void sort_entries(Walk& walk)
{
  auto by_path = [](const Entry& a, const Entry& b) { return a.rel < b.rel; };
  if (!std::is_sorted(walk.entries.begin(), walk.entries.end(), by_path)) {
    std::sort(walk.entries.begin(), walk.entries.end(), by_path);
  }
}

// .innov/listing: the folders of the last walk with their stamps, and the record files in them. A
// scan whose folders all have the same mtime, ctime and inode lists nothing (adding, removing or
// renaming a file changes its folder's mtime and ctime; a restore that sets the mtime back changes
// the ctime), as git's untracked cache does. A folder modified within 2 s before the listing was
// written is not trusted, because of the coarse clock of file systems. The listing is read only
// when it is a regular file (never through a link, never a FIFO).
//   innov-listing 2 WRITTEN_NS
//   d MTIME_NS CTIME_NS INO PREFIX   one per folder, in walk order
//   f FOLDER NAME            one per file in path order, FOLDER the index of its d line
//   end FILES
// The listing holds a line per folder: far under this for any portfolio.
constexpr std::size_t k_max_listing_bytes = 64U << 20;

fs::path listing_path(const fs::path& root)
{
  return root / ".innov" / "listing";
}

bool walk_from_listing(Walk& walk, const fs::path& root)
{
  auto read = util::read_regular_file(listing_path(root), k_max_listing_bytes);
  if (!read) {
    return false;
  }
  const std::string& text = *read;
  std::size_t pos = 0;
  auto line = [&](std::string_view& out) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string::npos) {
      return false;
    }
    out = std::string_view(text).substr(pos, end - pos);
    pos = end + 1;
    return true;
  };
  // A number, then a space (taken) or the end of the line.
  auto number = [](std::string_view& rest, std::int64_t& n) {
    std::size_t sp = std::min(rest.find(' '), rest.size());
    auto [p, ec] = std::from_chars(rest.data(), rest.data() + sp, n);
    if (ec != std::errc() || p != rest.data() + sp) {
      return false;
    }
    rest.remove_prefix(std::min(sp + 1, rest.size()));
    return true;
  };
  // Only what a walk could have produced: folders under innovations/ and plain names in them, so
  // that a crafted listing cannot lead outside the portfolio.
  auto plain_name = [](std::string_view n) {
    return !n.empty() && n[0] != '.' && n.find('/') == std::string_view::npos &&
           n.find('\0') == std::string_view::npos;
  };
  auto walkable = [&](std::string_view prefix) {
    std::string_view top = store::k_records_dir;
    if (!prefix.starts_with(top) || prefix.size() <= top.size() || prefix[top.size()] != '/' ||
        prefix.back() != '/') {
      return false;
    }
    for (std::string_view rest = prefix.substr(top.size() + 1); !rest.empty();) {
      std::size_t slash = rest.find('/');
      if (!plain_name(rest.substr(0, slash))) {
        return false;
      }
      rest.remove_prefix(slash + 1);
    }
    return true;
  };
  walk.entries.reserve(text.size() / 16); // about as many as there are lines
  std::string_view l;
  std::int64_t written = 0;
  if (!line(l) || !l.starts_with("innov-listing 2 ")) {
    return false;
  }
  l.remove_prefix(16);
  if (!number(l, written) || !l.empty()) {
    return false;
  }
  while (line(l)) {
    if (l.starts_with("d ")) {
      l.remove_prefix(2);
      FolderStamp stamp;
      std::int64_t ino = 0;
      if (!number(l, stamp.mtime_ns) || !number(l, stamp.ctime_ns) || !number(l, ino) ||
          stamp.mtime_ns + k_racy_ns >= written || !walkable(l)) {
        return false;
      }
      stamp.ino = static_cast<std::uint64_t>(ino);
      int fd =
          ::open((root / std::string(l)).c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
      if (fd < 0) {
        return false;
      }
      walk.dirs.push_back(fd);
      walk.prefixes.emplace_back(l);
      if (!(stamp_of(fd) == stamp)) {
        return false; // changed since: walk again
      }
      walk.stamps.push_back(stamp);
    } else if (l.starts_with("f ")) {
      l.remove_prefix(2);
      std::int64_t dir = 0;
      if (!number(l, dir) || dir < 0 || static_cast<std::size_t>(dir) >= walk.dirs.size() ||
          !plain_name(l) || !l.ends_with(".yaml")) {
        return false;
      }
      const std::string& prefix = walk.prefixes[static_cast<std::size_t>(dir)];
      std::string rel;
      rel.reserve(prefix.size() + l.size());
      rel.append(prefix).append(l);
      walk.entries.push_back({static_cast<std::size_t>(dir), std::move(rel), prefix.size()});
    } else if (l.starts_with("end ")) {
      l.remove_prefix(4);
      std::int64_t n = 0;
      return number(l, n) && l.empty() && static_cast<std::size_t>(n) == walk.entries.size() &&
             pos == text.size();
    } else {
      return false;
    }
  }
  return false; // no end line: cut short
}

// Writes the listing of a walk, when every folder is old enough to be trusted next time and the
// cache folder exists; otherwise leaves the old one, which the changed folders make untrusted.
void write_listing(const Walk& walk, const fs::path& root)
{
  std::int64_t now = std::chrono::duration_cast<std::chrono::nanoseconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
  std::string out = fmt::format("innov-listing 2 {}\n", now);
  for (std::size_t i = 0; i < walk.prefixes.size(); ++i) {
    const FolderStamp& s = walk.stamps[i];
    if (s.mtime_ns < 0 || s.mtime_ns + k_racy_ns >= now ||
        walk.prefixes[i].find('\n') != std::string::npos) {
      return;
    }
    out += fmt::format("d {} {} {} {}\n", s.mtime_ns, s.ctime_ns, static_cast<std::int64_t>(s.ino),
                       walk.prefixes[i]);
  }
  for (const auto& e : walk.entries) {
    if (e.rel.find('\n') != std::string::npos) {
      return;
    }
    out += fmt::format("f {} ", e.dir);
    out.append(e.rel, e.name_at);
    out += '\n';
  }
  out += fmt::format("end {}\n", walk.entries.size());
  // A cache: written to a temporary file and renamed, no fsync (a torn file is not trusted). The
  // temporary file is created anew (O_EXCL: never through a link); the rename replaces whatever
  // entry is at .innov/listing, never what a link there points to.
  fs::path dir = root / ".innov";
  fs::path tmp = dir / fmt::format(".listing.tmp.{}", ::getpid());
  struct stat st {};
  if (::lstat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode) || ::access(dir.c_str(), W_OK) != 0) {
    return;
  }
  ::unlink(tmp.c_str()); // left by a killed process that had this pid
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (fd < 0) {
    return;
  }
  std::size_t done = 0;
  while (done < out.size()) {
    ssize_t n = ::write(fd, out.data() + done, out.size() - done);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      break; // a full disk: no listing, and no temporary file left
    }
    done += static_cast<std::size_t>(n);
  }
  if (::close(fd) != 0 || done != out.size() ||
      ::rename(tmp.c_str(), listing_path(root).c_str()) != 0) {
    ::unlink(tmp.c_str());
  }
}

} // namespace

std::vector<FileStat> scan_record_files(const fs::path& root, bool listing)
{
  Walk walk{root, {}, {}, {}, {}};
  bool listed = listing && walk_from_listing(walk, root);
  if (!listed) {
    walk.clear();
    int top = ::open((root / store::k_records_dir).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (top >= 0) {
      walk.folder(top, std::string(store::k_records_dir) + "/");
    }
  }
  sort_entries(walk); // a listing is written sorted: then only checked
  if (listing && !listed) {
    write_listing(walk, root);
  }
  // The stats are the bulk of a warm command: spread them over the cores, as git does. The
  // entries are in path order, and so is the result.
  std::vector<FileStat> out(walk.entries.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < out.size(); i = next++) {
      Entry& e = walk.entries[i];
      struct stat st {};
      if (::fstatat(walk.dirs[e.dir], e.rel.c_str() + e.name_at, &st, 0) == 0) {
        out[i] = from_stat(std::move(e.rel), st);
      } else {
        out[i] = {std::move(e.rel), -1, 0};
      }
    }
  };
  unsigned threads =
      out.size() < 2000 ? 1 : std::max(1U, std::min(std::thread::hardware_concurrency(), 4U));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) {
    pool.emplace_back(work);
  }
  work();
  for (auto& t : pool) {
    t.join();
  }
  return out;
}

ScanAhead::ScanAhead(const fs::path& root)
    : m_scan(std::async(std::launch::async, [root] { return scan_record_files(root, true); }))
{
}

ScanAhead::~ScanAhead()
{
  if (m_scan.valid()) {
    m_scan.wait(); // a scan that is not used still ends before the process does
  }
}

std::optional<std::vector<FileStat>> ScanAhead::take()
{
  if (!m_scan.valid()) {
    return std::nullopt;
  }
  return m_scan.get();
}

FileStat stat_file(const fs::path& root, const std::string& rel)
{
  struct stat st {};
  if (::stat((root / rel).c_str(), &st) == 0) {
    return from_stat(rel, st);
  }
  return FileStat{rel};
}

std::string fingerprint(const fs::path& root)
{
  // Contents, not stats: a challenge rewritten within the same second must count too.
  auto content = [&](const fs::path& p) {
    try {
      return std::to_string(std::hash<std::string>{}(util::read_file(p, util::k_max_record_bytes)));
    } catch (const Error&) {
      return std::string("-");
    }
  };
  std::string fp = fmt::format("innov {};index {};{};", INNOV_VERSION, k_index_version,
                               content(root / store::k_config_file));
  util::Diagnostics ignore;
  for (const auto& rel : store::list_challenge_files(root, ignore)) {
    fp += rel + ":" + content(root / rel) + ";";
  }
  return fp;
}

Parsed parse_file(const fs::path& root, const FileStat& file, const store::CheckContext& ctx,
                  const std::string& known_hash)
{
  util::Diagnostics diags;
  Parsed p;
  p.stat = file;
  if (auto text = store::read_source_file(root / file.rel, file.rel, diags)) {
    p.hash = util::sha256_hex(*text);
    if (!known_hash.empty() && p.hash == known_hash) {
      p.unchanged = true;
      return p;
    }
    p.rec = store::parse_and_check_record(*text, file.rel, ctx, diags);
  }
  p.error = util::has_errors(diags);
  p.diagnostics = diagnostics_json(diags);
  if (p.rec && !p.error) {
    p.rows = prepare_rows(*p.rec); // here, on the thread that parsed, not on the one that writes
  }
  return p;
}

void parse_files(const fs::path& root, const std::vector<FileStat>& files,
                 const store::CheckContext& ctx, const Progress& progress,
                 const std::function<void(Parsed&)>& use,
                 const std::vector<std::string>& known_hashes)
{
  static const std::string none;
  auto parse_one = [&](std::size_t i) {
    return parse_file(root, files[i], ctx, i < known_hashes.size() ? known_hashes[i] : none);
  };
  auto started = std::chrono::steady_clock::now();
  auto last = started;
  bool reported = false;
  auto report = [&](std::size_t done) {
    auto now = std::chrono::steady_clock::now();
    if (progress && now - started >= std::chrono::seconds(1) &&
        now - last >= std::chrono::milliseconds(100)) {
      progress(done, files.size());
      last = now;
      reported = true;
    }
  };
  if (files.size() < 64) {
    for (std::size_t i = 0; i < files.size(); ++i) {
      Parsed p = parse_one(i);
      use(p);
      report(i + 1);
    }
  } else {
    // Workers parse ahead; the calling thread takes the results in order. They stay at most
    // k_parse_ahead files ahead of it: parsing outruns the writing of a cold build, and the results
    // waiting for it would otherwise hold the whole portfolio in memory.
    constexpr std::size_t k_parse_ahead = 256;
    std::vector<Parsed> out(files.size());
    std::vector<std::exception_ptr> failed(files.size()); // rethrown on the calling thread
    std::vector<char> ready(files.size(), 0);
    std::size_t taken = 0; // results the calling thread took
    bool stop = false;
    std::mutex mu;
    std::condition_variable done_cv; // a result is ready
    std::condition_variable room_cv; // a result was taken, or stop
    std::atomic<std::size_t> next{0};
    auto work = [&] {
      for (std::size_t i = next++; i < files.size(); i = next++) {
        {
          std::unique_lock<std::mutex> lock(mu);
          room_cv.wait(lock, [&] { return stop || i < taken + k_parse_ahead; });
          if (stop) {
            return;
          }
        }
        Parsed p;
        std::exception_ptr error;
        try {
          p = parse_one(i);
        } catch (...) {
          error = std::current_exception();
        }
        std::lock_guard<std::mutex> lock(mu);
        out[i] = std::move(p);
        failed[i] = error;
        ready[i] = 1;
        done_cv.notify_one();
      }
    };
    unsigned n = std::max(1U, std::min<unsigned>(std::thread::hardware_concurrency(), 16));
    std::vector<std::thread> threads;
    struct Join // stops and joins the workers however this scope is left
    {
      std::mutex& mu;
      bool& stop;
      std::condition_variable& room_cv;
      std::vector<std::thread>& threads;
      ~Join()
      {
        {
          std::lock_guard<std::mutex> lock(mu);
          stop = true;
        }
        room_cv.notify_all();
        for (auto& t : threads) {
          t.join();
        }
      }
    } join{mu, stop, room_cv, threads};
    for (unsigned t = 0; t < n; ++t) {
      threads.emplace_back(work);
    }
    for (std::size_t i = 0; i < files.size(); ++i) {
      Parsed p;
      {
        std::unique_lock<std::mutex> lock(mu);
        done_cv.wait(lock, [&] { return ready[i] != 0; });
        p = std::move(out[i]);
        ++taken;
        if (failed[i]) {
          std::rethrow_exception(failed[i]); // the workers are stopped and joined by join
        }
      }
      room_cv.notify_all();
      use(p);
      report(i + 1);
    }
  }
  if (reported) {
    progress(files.size(), files.size());
  }
}

} // namespace innov::index
