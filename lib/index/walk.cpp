#include "lib/index/walk.hpp"

#include "lib/index/listing.hpp"
#include "lib/store/portfolio.hpp"
#include "lib/util/fs.hpp"
#include "lib/util/worker_pool.hpp"

#include <algorithm>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace innov::index {

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

// Puts the entries of a walk in path order (the order of the scan's result and of the listing).
void sort_entries(Walk& walk)
{
  auto by_path = [](const Entry& a, const Entry& b) { return a.rel < b.rel; };
  if (!std::is_sorted(walk.entries.begin(), walk.entries.end(), by_path)) {
    std::sort(walk.entries.begin(), walk.entries.end(), by_path);
  }
}

} // namespace

FolderStamp stamp_of(int fd)
{
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    return {};
  }
  FileStat f = from_stat({}, st);
  return {f.mtime_ns, f.ctime_ns, f.ino};
}

void Walk::clear()
{
  for (int fd : dirs) {
    ::close(fd);
  }
  dirs.clear();
  entries.clear();
  prefixes.clear();
  stamps.clear();
}

void Walk::folder(int fd, const std::string& prefix)
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

std::vector<FileStat> scan_record_files(const fs::path& root, bool listing)
{
  Walk walk(root);
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
  unsigned threads =
      out.size() < 2000 ? 1 : std::max(1U, std::min(std::thread::hardware_concurrency(), 4U));
  util::for_each_index(out.size(), threads, [&](std::size_t i) {
    Entry& e = walk.entries[i];
    struct stat st {};
    if (::fstatat(walk.dirs[e.dir], e.rel.c_str() + e.name_at, &st, 0) == 0) {
      out[i] = from_stat(std::move(e.rel), st);
    } else {
      out[i] = {std::move(e.rel), -1, 0};
    }
  });
  return out;
}

ScanAhead::ScanAhead(const fs::path& root)
    : m_scan(std::async(std::launch::async, [root] { return scan_record_files(root, true); }))
{
}

std::vector<ScanAhead> ScanAhead::of_each(const std::vector<fs::path>& roots)
{
  auto promises = std::make_shared<std::vector<std::promise<std::vector<FileStat>>>>(roots.size());
  std::vector<ScanAhead> out;
  out.reserve(roots.size());
  for (std::size_t i = 0; i < roots.size(); ++i) {
    ScanAhead s;
    s.m_scan = (*promises)[i].get_future();
    out.push_back(std::move(s));
  }
  auto thread = std::shared_ptr<std::thread>(
      new std::thread([promises, roots] {
        for (std::size_t i = 0; i < roots.size(); ++i) {
          try {
            (*promises)[i].set_value(scan_record_files(roots[i], true));
          } catch (...) {
            (*promises)[i].set_exception(std::current_exception());
          }
        }
      }),
      [](std::thread* t) {
        t->join();
        delete t;
      });
  for (auto& s : out) {
    s.m_thread = thread;
  }
  return out;
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

} // namespace innov::index
