// Files: reading, atomic replacement, the portfolio lock, containment checks.
#pragma once

#include "lib/util/read.hpp" // read_file

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace innov::util {

// Replaces p with content atomically: a dot-named temp file in the same folder, fsync, rename,
// fsync of the folder. Creates the folder if missing. Refuses (UsageError) to write through a
// symlink. On failure the temp file is removed and EnvError thrown; p is never half-written.
void atomic_write(const std::filesystem::path& p, std::string_view content);

// Writes all of data to fd, again after an interrupted or partial write. Returns 0, or the errno
// of the failure (EIO when the system writes nothing and says nothing).
int write_all(int fd, std::string_view data);

// Creates p, which must not exist (its folder must), with content and the permission bits mode,
// its modification time set to mtime_ns (nanoseconds since the epoch; 0 leaves it at now). False
// when p already exists; EnvError on any other failure (the half-written file is removed).
bool create_file(const std::filesystem::path& p, std::string_view content, unsigned mode,
                 std::int64_t mtime_ns);

// Removes the temporary files atomic_write left in dir (`.NAME.tmp.PID.N`) whose process PID is no
// longer running (a writer that was killed). Call only while holding the PortfolioLock that every
// writer of dir holds. Returns how many were removed; errors are ignored.
std::size_t remove_stale_temp_files(const std::filesystem::path& dir);

// What is at p, a symlink not followed: nothing, a regular file, or anything else (a symlink, a
// folder, a FIFO, a socket, a device). Files under .innov/ must be absent or regular.
enum class EntryKind { absent, regular, other };
EntryKind entry_kind(const std::filesystem::path& p);

// The content of p when it is a regular file, opened without following a symlink and without
// blocking on a FIFO; nullopt otherwise (missing, unreadable, a link or a special file, or longer
// than max_bytes: reading stops there).
std::optional<std::string> read_regular_file(const std::filesystem::path& p,
                                             std::size_t max_bytes = k_max_record_bytes);

// True when p (symlinks resolved) is root or inside it.
bool is_inside(const std::filesystem::path& root, const std::filesystem::path& p);

// An exclusive lock on <root>/.innov/lock (flock), held for the object's lifetime. Waits up to
// timeout_seconds for another innov command, then throws EnvError. The lock must be a regular file
// (or absent: it is created): a symlink, a FIFO or anything else there is refused with EnvError
// naming it, and nothing is ever opened or created through a link.
class PortfolioLock {
public:
  explicit PortfolioLock(const std::filesystem::path& root, int timeout_seconds = 30);
  ~PortfolioLock();
  PortfolioLock(const PortfolioLock&) = delete;
  PortfolioLock& operator=(const PortfolioLock&) = delete;

private:
  int m_fd = -1;
};

} // namespace innov::util
