#include "lib/index/cache_file.hpp"

#include <cstdint>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace innov::index {

std::string cache_damage(const std::filesystem::path& path)
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

} // namespace innov::index
