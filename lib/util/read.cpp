#include "lib/util/read.hpp"

#include "lib/util/error.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <iostream>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

namespace innov::util {

std::string byte_size(std::size_t bytes)
{
  if (bytes >= (1U << 20) && bytes % (1U << 20) == 0) {
    return std::to_string(bytes >> 20) + " MiB";
  }
  if (bytes >= 1024 && bytes % 1024 == 0) {
    return std::to_string(bytes >> 10) + " KiB";
  }
  return std::to_string(bytes) + " bytes";
}

BoundedInput::BoundedInput(int fd, std::size_t limit) : m_fd(fd), m_limit(limit)
{
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
    m_known_size = static_cast<long long>(st.st_size);
    // Refused on its size: a 300 MB sparse file costs one fstat.
    m_over = static_cast<unsigned long long>(st.st_size) > limit;
  }
}

BoundedInput::BoundedInput(std::istream& in, std::size_t limit) : m_stream(&in), m_limit(limit) {}

std::size_t BoundedInput::read_some(char* buf, std::size_t n)
{
  if (m_stream) {
    // What a pipe gives at once: a stream over a terminal or a pipe returns what it has.
    m_stream->read(buf, static_cast<std::streamsize>(n));
    if (m_stream->bad()) {
      throw std::system_error(EIO, std::generic_category());
    }
    return static_cast<std::size_t>(m_stream->gcount());
  }
  for (;;) {
    ssize_t got = ::read(m_fd, buf, n);
    if (got < 0 && errno == EINTR) {
      continue;
    }
    if (got < 0) {
      throw std::system_error(errno, std::generic_category());
    }
    return static_cast<std::size_t>(got);
  }
}

std::string_view BoundedInput::next()
{
  if (m_over) {
    return {};
  }
  // Never ask for more than one byte past the limit.
  std::size_t want = std::min(k_read_chunk, m_limit + 1 - m_consumed);
  m_buf.resize(want);
  std::size_t n = read_some(m_buf.data(), want);
  m_consumed += n;
  if (m_consumed > m_limit) {
    m_over = true;
    m_buf.clear();
    m_buf.shrink_to_fit();
    return {};
  }
  return std::string_view(m_buf.data(), n);
}

BoundedRead read_bounded(int fd, std::size_t limit)
{
  BoundedInput in(fd, limit);
  return read_bounded(in);
}

BoundedRead read_bounded(BoundedInput& in)
{
  BoundedRead out;
  if (in.known_size() >= 0 && !in.over_limit()) {
    out.text.reserve(static_cast<std::size_t>(in.known_size()) + 1);
  }
  for (std::string_view chunk = in.next(); !chunk.empty(); chunk = in.next()) {
    out.text.append(chunk);
  }
  if (in.over_limit()) {
    out.text = std::string();
    out.too_large = true;
  }
  return out;
}

std::string read_file(const std::filesystem::path& p, std::size_t limit, std::string_view what)
{
  bool stdin_input = p == "-";
  std::string name = stdin_input ? std::string("standard input") : "'" + p.string() + "'";
  int fd = stdin_input ? -1 : ::open(p.c_str(), O_RDONLY | O_CLOEXEC);
  if (!stdin_input && fd < 0) {
    throw EnvError("cannot read " + name + ": " + std::strerror(errno));
  }
  BoundedRead r;
  try {
    BoundedInput in = stdin_input ? BoundedInput(std::cin, limit) : BoundedInput(fd, limit);
    r = read_bounded(in);
  } catch (const std::system_error& e) {
    if (fd >= 0) {
      ::close(fd);
    }
    // A directory opens but does not read: EISDIR lands here.
    throw EnvError("cannot read " + name + ": " + std::strerror(e.code().value()));
  }
  if (fd >= 0) {
    ::close(fd);
  }
  if (r.too_large) {
    throw DataError(name + " is over the " + byte_size(limit) + " limit of " + std::string(what));
  }
  return std::move(r.text);
}

} // namespace innov::util
