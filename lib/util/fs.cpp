#include "lib/util/fs.hpp"

#include "lib/util/error.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <limits>
#include <random>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace innov::util {

namespace fs = std::filesystem;

EntryKind entry_kind(const fs::path& p)
{
  struct stat st {};
  if (::lstat(p.c_str(), &st) != 0) {
    return errno == ENOENT ? EntryKind::absent : EntryKind::other;
  }
  return S_ISREG(st.st_mode) ? EntryKind::regular : EntryKind::other;
}

std::optional<std::string> read_regular_file(const fs::path& p, std::size_t max_bytes)
{
  int fd = ::open(p.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    return std::nullopt;
  }
  struct stat st {};
  std::string out;
  char buf[65536];
  bool ok = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
  while (ok) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      ok = n == 0;
      break;
    }
    out.append(buf, static_cast<std::size_t>(n));
    ok = out.size() <= max_bytes;
  }
  ::close(fd);
  if (!ok) {
    return std::nullopt;
  }
  return out;
}

int write_all(int fd, std::string_view data)
{
  std::size_t done = 0;
  while (done < data.size()) {
    ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      return n < 0 ? errno : EIO;
    }
    done += static_cast<std::size_t>(n);
  }
  return 0;
}

bool create_file(const fs::path& p, std::string_view content, unsigned mode, std::int64_t mtime_ns)
{
  int fd = ::open(p.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW,
                  static_cast<mode_t>(mode));
  if (fd < 0) {
    if (errno == EEXIST) {
      return false;
    }
    throw EnvError("cannot write '" + p.string() + "': " + std::strerror(errno));
  }
  auto fail = [&](int err) {
    ::close(fd);
    ::unlink(p.c_str());
    throw EnvError("cannot write '" + p.string() + "': " + std::strerror(err));
  };
  if (int err = write_all(fd, content)) {
    fail(err);
  }
  if (mtime_ns > 0) {
    struct timespec times[2];
    times[0].tv_sec = 0;
    times[0].tv_nsec = UTIME_OMIT; // the access time stays
    times[1].tv_sec = static_cast<time_t>(mtime_ns / 1'000'000'000);
    times[1].tv_nsec = static_cast<long>(mtime_ns % 1'000'000'000);
    if (::futimens(fd, times) != 0) {
      fail(errno);
    }
  }
  if (::close(fd) != 0) {
    int err = errno;
    ::unlink(p.c_str());
    throw EnvError("cannot write '" + p.string() + "': " + std::strerror(err));
  }
  return true;
}

namespace {

void fsync_dir(const fs::path& dir)
{
  int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

} // namespace

void atomic_write(const fs::path& p, std::string_view content)
{
  std::error_code ec;
  if (fs::is_symlink(p, ec)) {
    throw UsageError("refusing to write '" + p.string() + "': it is a symbolic link");
  }
  fs::path dir = p.parent_path();
  // The folders created here, innermost first: a write that fails leaves none of them behind (a
  // failed 'idea new' on a full disk leaves no empty year folder).
  std::vector<fs::path> created;
  for (fs::path d = dir; !d.empty() && !fs::exists(d, ec); d = d.parent_path()) {
    created.push_back(d);
    if (d == d.parent_path()) {
      break;
    }
  }
  auto remove_created = [&] {
    for (const auto& d : created) {
      ::rmdir(d.c_str()); // only when empty: another writer may have put a file there meanwhile
    }
  };
  if (!dir.empty()) {
    fs::create_directories(dir, ec);
    if (ec) {
      remove_created();
      throw EnvError("cannot create '" + dir.string() + "': " + ec.message());
    }
  }
  std::random_device rd;
  fs::path tmp = dir / ("." + p.filename().string() + ".tmp." + std::to_string(::getpid()) + "." +
                        std::to_string(rd()));
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (fd < 0) {
    int saved = errno;
    remove_created();
    throw EnvError("cannot write '" + p.string() + "': " + std::strerror(saved));
  }
  auto fail = [&](const std::string& what) {
    int saved = errno;
    ::close(fd);
    ::unlink(tmp.c_str());
    remove_created();
    throw EnvError("cannot write '" + p.string() + "': " + what + ": " + std::strerror(saved));
  };
  // A replaced file keeps its permissions (a private file stays private).
  struct stat old {};
  if (::stat(p.c_str(), &old) == 0 && ::fchmod(fd, old.st_mode & 07777) != 0) {
    fail("chmod");
  }
  if (int err = write_all(fd, content)) {
    errno = err;
    fail("write");
  }
  if (::fsync(fd) != 0) {
    fail("fsync");
  }
  if (::close(fd) != 0) {
    int saved = errno;
    ::unlink(tmp.c_str());
    remove_created();
    throw EnvError("cannot write '" + p.string() + "': close: " + std::strerror(saved));
  }
  if (::rename(tmp.c_str(), p.c_str()) != 0) {
    int saved = errno;
    ::unlink(tmp.c_str());
    remove_created();
    throw EnvError("cannot write '" + p.string() + "': rename: " + std::strerror(saved));
  }
  fsync_dir(dir);
}

namespace {

// The writer's PID in an atomic_write temporary name `.NAME.tmp.PID.N`, or 0.
pid_t temp_file_pid(const std::string& name)
{
  auto at = name.rfind(".tmp.");
  if (name.empty() || name[0] != '.' || at == std::string::npos || at < 2) {
    return 0;
  }
  std::string rest = name.substr(at + 5);
  auto dot = rest.find('.');
  if (dot == 0 || dot == std::string::npos || dot + 1 == rest.size() || dot > 10) {
    return 0;
  }
  auto digits = [](std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  std::string_view view(rest);
  if (!digits(view.substr(0, dot)) || !digits(view.substr(dot + 1))) {
    return 0;
  }
  long long pid = std::stoll(rest.substr(0, dot));
  return pid <= std::numeric_limits<pid_t>::max() ? static_cast<pid_t>(pid) : 0;
}

} // namespace

std::size_t remove_stale_temp_files(const fs::path& dir)
{
  std::size_t removed = 0;
  std::error_code ec;
  for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::end(it); it.increment(ec)) {
    pid_t pid = temp_file_pid(it->path().filename().string());
    // kill(pid, 0) fails with ESRCH only when no such process exists (EPERM: another user's).
    if (pid <= 0 || ::kill(pid, 0) == 0 || errno != ESRCH) {
      continue;
    }
    std::error_code ec2;
    if (it->is_regular_file(ec2) && fs::remove(it->path(), ec2)) {
      ++removed;
    }
  }
  return removed;
}

bool is_inside(const fs::path& root, const fs::path& p)
{
  std::error_code ec;
  fs::path r = fs::weakly_canonical(root, ec);
  if (ec) {
    return false;
  }
  fs::path q = fs::weakly_canonical(fs::absolute(p, ec), ec);
  if (ec) {
    return false;
  }
  auto rit = r.begin();
  auto qit = q.begin();
  for (; rit != r.end(); ++rit, ++qit) {
    if (rit->empty() && std::next(rit) == r.end()) {
      break; // trailing separator
    }
    if (qit == q.end() || *rit != *qit) {
      return false;
    }
  }
  return true;
}

PortfolioLock::PortfolioLock(const fs::path& root, int timeout_seconds)
{
  fs::path dir = root / ".innov";
  std::error_code ec;
  bool made_dir = !fs::exists(dir, ec);
  fs::create_directories(dir, ec);
  if (ec) {
    throw EnvError("cannot create '" + dir.string() + "': " + ec.message());
  }
  fs::path lock = dir / "lock";
  auto refuse = [&](const std::string& why) {
    throw EnvError("refusing the portfolio lock '" + lock.string() + "': " + why,
                   "remove '" + lock.string() + "': innov creates it again as a regular file");
  };
  // lstat first: opening a device or a FIFO has effects of its own.
  if (entry_kind(lock) == EntryKind::other) {
    struct stat st {};
    bool link = ::lstat(lock.c_str(), &st) == 0 && S_ISLNK(st.st_mode);
    refuse(link ? "it is a symbolic link" : "it is not a regular file");
  }
  m_fd = ::open(lock.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0644);
  if (m_fd < 0) {
    int saved = errno;
    if (made_dir) {
      ::rmdir(dir.c_str()); // a failed command leaves no empty folder
    }
    if (saved == ELOOP) {
      refuse("it is a symbolic link");
    }
    throw EnvError("cannot open the portfolio lock '" + lock.string() +
                   "': " + std::strerror(saved));
  }
  struct stat st {};
  if (::fstat(m_fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(m_fd);
    m_fd = -1;
    refuse("it is not a regular file");
  }
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_seconds);
  auto pause = std::chrono::milliseconds(1);
  while (::flock(m_fd, LOCK_EX | LOCK_NB) != 0) {
    if (errno != EWOULDBLOCK && errno != EINTR) {
      int saved = errno;
      ::close(m_fd);
      throw EnvError("cannot lock '" + lock.string() + "': " + std::strerror(saved));
    }
    if (std::chrono::steady_clock::now() > deadline) {
      ::close(m_fd);
      throw EnvError("portfolio is locked by another innov command (waited " +
                         std::to_string(timeout_seconds) + " s)",
                     "if no innov command is running, remove '" + lock.string() + "'");
    }
    std::this_thread::sleep_for(pause);
    pause = std::min(pause * 2, std::chrono::milliseconds(50));
  }
}

PortfolioLock::~PortfolioLock()
{
  if (m_fd >= 0) {
    ::flock(m_fd, LOCK_UN);
    ::close(m_fd);
  }
}

} // namespace innov::util
