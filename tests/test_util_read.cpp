// Bounded reading: the limit holds before anything is allocated, whatever the input.
#include "lib/util/error.hpp"
#include "lib/util/read.hpp"
#include "tests/support.hpp"

#include <csignal>
#include <doctest/doctest.h>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <thread>
#include <unistd.h>

using namespace innov;
using namespace innov::test;

namespace {

constexpr std::size_t k_limit = 1U << 20;

// The bytes this process has read so far (/proc/self/io rchar).
std::size_t bytes_read_by_process()
{
  std::ifstream io("/proc/self/io");
  std::string key;
  std::size_t value = 0;
  while (io >> key >> value) {
    if (key == "rchar:") {
      return value;
    }
  }
  return 0;
}

// A stream that never ends ('y' forever, as `yes |`) and counts what it hands out.
class EndlessBuf : public std::streambuf {
public:
  std::size_t given = 0;

protected:
  int_type underflow() override
  {
    std::fill(std::begin(m_buf), std::end(m_buf), 'y');
    setg(m_buf, m_buf, m_buf + sizeof m_buf);
    given += sizeof m_buf;
    return traits_type::to_int_type('y');
  }

private:
  char m_buf[4096];
};

} // namespace

TEST_CASE("util::read_bounded")
{
  TempDir tmp;
  SUBCASE("a file at the limit is read whole")
  {
    auto p = tmp.write("f", std::string(k_limit, 'x'));
    CHECK(util::read_file(p, k_limit, "a test").size() == k_limit);
  }
  SUBCASE("one byte over is refused with the limit and what it is for")
  {
    auto p = tmp.write("f", std::string(k_limit + 1, 'x'));
    CHECK_THROWS_WITH_AS(util::read_file(p, k_limit, "a description"),
                         ("'" + p.string() + "' is over the 1 MiB limit of a description").c_str(),
                         DataError);
  }
  SUBCASE("a 300 MB sparse file is refused on its size, nothing read")
  {
    auto p = tmp.path() / "sparse";
    {
      std::ofstream(p).put('\0');
    }
    REQUIRE(::truncate(p.c_str(), 300'000'000) == 0);
    std::size_t before = bytes_read_by_process();
    CHECK_THROWS_AS(util::read_file(p, k_limit, "a test"), DataError);
    CHECK(bytes_read_by_process() - before < 4096);
  }
  SUBCASE("/dev/zero stops one byte past the limit")
  {
    std::size_t before = bytes_read_by_process();
    CHECK_THROWS_WITH_AS(util::read_file("/dev/zero", k_limit, "a description"),
                         "'/dev/zero' is over the 1 MiB limit of a description", DataError);
    std::size_t read = bytes_read_by_process() - before;
    CHECK(read > k_limit);
    CHECK(read <= k_limit + 1 + 4096); // the limit, the byte that proves it, /proc/self/io itself
  }
  SUBCASE("a pipe that never ends: at most the limit + 1 taken from it")
  {
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    auto old_handler = std::signal(SIGPIPE, SIG_IGN);
    auto capacity = static_cast<std::size_t>(::fcntl(fds[0], F_GETPIPE_SZ));
    std::size_t written = 0;
    std::thread writer([&] {
      std::string chunk(4096, 'y');
      for (;;) {
        ssize_t n = ::write(fds[1], chunk.data(), chunk.size());
        if (n <= 0) {
          break;
        }
        written += static_cast<std::size_t>(n);
      }
      ::close(fds[1]);
    });
    util::BoundedInput in(fds[0], k_limit);
    auto r = util::read_bounded(in);
    CHECK(r.too_large);
    CHECK(r.text.empty());
    CHECK(in.consumed() == k_limit + 1);
    ::close(fds[0]); // the writer's next write fails: it stops
    writer.join();
    std::signal(SIGPIPE, old_handler);
    // What the writer got in: what was read, plus at most what the pipe buffers.
    CHECK(written <= k_limit + 1 + capacity);
  }
  SUBCASE("standard input that never ends (yes |): at most the limit + 1 taken")
  {
    EndlessBuf buf;
    std::istream endless(&buf);
    util::BoundedInput in(endless, k_limit);
    auto r = util::read_bounded(in);
    CHECK(r.too_large);
    CHECK(in.consumed() == k_limit + 1);
    CHECK(buf.given <= k_limit + 1 + 4096);
  }
  SUBCASE("a stream under the limit")
  {
    std::istringstream s("abc");
    util::BoundedInput in(s, 3);
    auto r = util::read_bounded(in);
    CHECK(!r.too_large);
    CHECK(r.text == "abc");
  }
}

TEST_CASE("util::byte_size")
{
  CHECK(util::byte_size(1U << 20) == "1 MiB");
  CHECK(util::byte_size(64U << 20) == "64 MiB");
  CHECK(util::byte_size(2048) == "2 KiB");
  CHECK(util::byte_size(100) == "100 bytes");
}
