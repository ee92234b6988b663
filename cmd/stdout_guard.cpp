#include "cmd/stdout_guard.hpp"

#include "lib/util/error.hpp"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <iostream>
#include <streambuf>
#include <unistd.h>

namespace innov::cmd {

// A streambuf over file descriptor 1 that keeps the errno of its first failed write; after a
// failure it discards what follows, so a closed pipe costs nothing more.
class StdoutGuard::Buffer : public std::streambuf {
public:
  Buffer() { setp(m_data, m_data + sizeof m_data); }
  int error() const { return m_error; }

protected:
  int_type overflow(int_type ch) override
  {
    if (!drain()) {
      return traits_type::eof();
    }
    if (!traits_type::eq_int_type(ch, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(ch);
      pbump(1);
    }
    return traits_type::not_eof(ch);
  }
  int sync() override { return drain() ? 0 : -1; }

private:
  bool drain()
  {
    const char* p = pbase();
    std::size_t left = static_cast<std::size_t>(pptr() - pbase());
    while (left > 0 && m_error == 0) {
      ssize_t n = ::write(1, p, left);
      if (n < 0 && errno == EINTR) {
        continue;
      }
      if (n < 0) {
        m_error = errno;
        break;
      }
      p += n;
      left -= static_cast<std::size_t>(n);
    }
    setp(m_data, m_data + sizeof m_data);
    return m_error == 0;
  }

  char m_data[65536];
  int m_error = 0;
};

StdoutGuard::StdoutGuard() : m_buffer(std::make_unique<Buffer>())
{
  std::signal(SIGPIPE, SIG_IGN);
  m_previous = std::cout.rdbuf(m_buffer.get());
}

StdoutGuard::~StdoutGuard()
{
  std::cout.rdbuf(static_cast<std::streambuf*>(m_previous));
}

int StdoutGuard::finish(int code)
{
  std::cout.flush();
  int error = m_buffer->error();
  if (error == EPIPE) {
    return k_exit_ok;
  }
  if (error != 0) {
    std::cerr << "innov: error: cannot write to standard output: " << std::strerror(error) << "\n";
    return k_exit_env;
  }
  return code;
}

} // namespace innov::cmd
