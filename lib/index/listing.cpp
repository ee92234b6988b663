#include "lib/index/listing.hpp"

#include "lib/store/portfolio.hpp"
#include "lib/util/fs.hpp"

#include <cerrno>
#include <charconv>
#include <chrono>
#include <fcntl.h>
#include <fmt/format.h>
#include <string_view>
#include <sys/stat.h>
#include <unistd.h>

namespace innov::index {

namespace {

// The listing holds a line per folder: far under this for any portfolio.
constexpr std::size_t k_max_listing_bytes = 64U << 20;

fs::path listing_path(const fs::path& root)
{
  return root / ".innov" / "listing";
}

// The lines of a listing, one at a time; a last line without its line feed is not one.
class Lines {
public:
  explicit Lines(std::string_view text) : m_text(text) {}

  bool next(std::string_view& out)
  {
    std::size_t end = m_text.find('\n', m_pos);
    if (end == std::string_view::npos) {
      return false;
    }
    out = m_text.substr(m_pos, end - m_pos);
    m_pos = end + 1;
    return true;
  }

  bool at_end() const { return m_pos == m_text.size(); }

private:
  std::string_view m_text;
  std::size_t m_pos = 0;
};

// A number, then a space (taken) or the end of the line.
bool number(std::string_view& rest, std::int64_t& n)
{
  std::size_t sp = std::min(rest.find(' '), rest.size());
  auto [p, ec] = std::from_chars(rest.data(), rest.data() + sp, n);
  if (ec != std::errc() || p != rest.data() + sp) {
    return false;
  }
  rest.remove_prefix(std::min(sp + 1, rest.size()));
  return true;
}

// Only what a walk could have produced: folders under innovations/ and plain names in them, so
// that a crafted listing cannot lead outside the portfolio.
bool plain_name(std::string_view n)
{
  return !n.empty() && n[0] != '.' && n.find('/') == std::string_view::npos &&
         n.find('\0') == std::string_view::npos;
}

bool walkable(std::string_view prefix)
{
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
}

// A folder line (after "d "): the folder is opened and must still have its stamp, which must be
// older than the listing by the racy window.
bool read_folder_line(Walk& walk, const fs::path& root, std::string_view l, std::int64_t written)
{
  FolderStamp stamp;
  std::int64_t ino = 0;
  if (!number(l, stamp.mtime_ns) || !number(l, stamp.ctime_ns) || !number(l, ino) ||
      stamp.mtime_ns + k_racy_ns >= written || !walkable(l)) {
    return false;
  }
  stamp.ino = static_cast<std::uint64_t>(ino);
  int fd = ::open((root / std::string(l)).c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) {
    return false;
  }
  walk.dirs.push_back(fd);
  walk.prefixes.emplace_back(l);
  if (!(stamp_of(fd) == stamp)) {
    return false; // changed since: walk again
  }
  walk.stamps.push_back(stamp);
  return true;
}

// A file line (after "f "): a record file's name in a folder listed before it.
bool read_file_line(Walk& walk, std::string_view l)
{
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
  return true;
}

} // namespace

bool walk_from_listing(Walk& walk, const fs::path& root)
{
  auto read = util::read_regular_file(listing_path(root), k_max_listing_bytes);
  if (!read) {
    return false;
  }
  const std::string& text = *read;
  Lines lines(text);
  walk.entries.reserve(text.size() / 16); // about as many as there are lines
  std::string_view l;
  std::int64_t written = 0;
  if (!lines.next(l) || !l.starts_with("innov-listing 2 ")) {
    return false;
  }
  l.remove_prefix(16);
  if (!number(l, written) || !l.empty()) {
    return false;
  }
  while (lines.next(l)) {
    if (l.starts_with("d ")) {
      if (!read_folder_line(walk, root, l.substr(2), written)) {
        return false;
      }
    } else if (l.starts_with("f ")) {
      if (!read_file_line(walk, l.substr(2))) {
        return false;
      }
    } else if (l.starts_with("end ")) {
      l.remove_prefix(4);
      std::int64_t n = 0;
      return number(l, n) && l.empty() && static_cast<std::size_t>(n) == walk.entries.size() &&
             lines.at_end();
    } else {
      return false;
    }
  }
  return false; // no end line: cut short
}

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
  const int err = util::write_all(fd, out); // a full disk: no listing, no temporary file left
  if (::close(fd) != 0 || err != 0 || ::rename(tmp.c_str(), listing_path(root).c_str()) != 0) {
    ::unlink(tmp.c_str());
  }
}

} // namespace innov::index
