// Standard output with its write errors checked: what `main` puts under std::cout.
#pragma once

#include <memory>

namespace innov::cmd {

// While alive, std::cout writes to file descriptor 1 through a buffer that records the first write
// error, and SIGPIPE is ignored. finish() flushes and turns the outcome into the exit code: a
// closed pipe (EPIPE: `innov ... | head`) ends quietly with exit 0, any other error (ENOSPC, EIO)
// prints "cannot write to standard output" and gives 4; otherwise `code` stands.
class StdoutGuard {
public:
  StdoutGuard();
  ~StdoutGuard();
  StdoutGuard(const StdoutGuard&) = delete;
  StdoutGuard& operator=(const StdoutGuard&) = delete;

  int finish(int code);

private:
  class Buffer;
  std::unique_ptr<Buffer> m_buffer;
  void* m_previous = nullptr; // the std::streambuf std::cout had
};

} // namespace innov::cmd
