#include "lib/util/output_file.hpp"

#include "lib/util/error.hpp"
#include "lib/util/fs.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace innov::util {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(const fs::path& path, int error)
{
  throw EnvError("cannot write '" + path.string() + "': " + std::strerror(error));
}

// Opens path for writing without replacing it (O_TRUNC only for a regular file behind a link).
void write_into(const fs::path& path, std::string_view content, bool truncate)
{
  int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY | (truncate ? O_TRUNC : 0));
  if (fd < 0) {
    fail(path, errno);
  }
  if (int err = write_all(fd, content)) {
    ::close(fd);
    fail(path, err);
  }
  if (::close(fd) != 0 && errno != EINTR) {
    fail(path, errno);
  }
}

} // namespace

void write_output_file(const fs::path& path, std::string_view content)
{
  struct stat link {};
  if (::lstat(path.c_str(), &link) == 0) {
    struct stat target {};
    bool resolved = ::stat(path.c_str(), &target) == 0;
    if (resolved && S_ISDIR(target.st_mode)) {
      throw EnvError("cannot write '" + path.string() + "': it is a directory");
    }
    if (S_ISLNK(link.st_mode) || !S_ISREG(link.st_mode)) {
      write_into(path, content, resolved && S_ISREG(target.st_mode));
      return;
    }
  } else if (errno != ENOENT) {
    fail(path, errno);
  }
  fs::path dir = path.parent_path();
  std::error_code ec;
  if (!dir.empty() && !fs::is_directory(dir, ec)) {
    throw EnvError("cannot write '" + path.string() + "': folder '" + dir.string() +
                       "' does not exist",
                   "create it first: mkdir -p '" + dir.string() + "'");
  }
  atomic_write(path, content);
}

} // namespace innov::util
