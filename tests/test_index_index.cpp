// The index cache under concurrency and damage: writers never make readers fail or rebuild, a
// truncated cache is detected before SQLite trips over it.
#include "lib/index/index.hpp"
#include "lib/store/portfolio.hpp"
#include "tests/support.hpp"

#include <doctest/doctest.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace innov;
using namespace innov::test;

namespace {

struct Fixture
{
  TempDir dir;
  model::Config config;
  std::vector<std::string> warnings;
  Fixture()
  {
    copy_tree(example_portfolio(), dir.path());
    fs::remove_all(dir.path() / ".innov");
    config = store::require_config(dir.path());
  }
  index::Index open()
  {
    return index::Index(dir.path(), config, index::Index::Mode::cached,
                        [this](const std::string& w) { warnings.push_back(w); });
  }
  fs::path cache() const { return dir.path() / ".innov" / "cache.db"; }
};

} // namespace

TEST_CASE("index::Index::refresh waits for another writer instead of rebuilding")
{
  Fixture f;
  {
    auto idx = f.open();
    idx.refresh();
  }
  auto expected = f.open().records().size();
  // Another connection holds the write lock for a while, as a long refresh elsewhere would.
  SQLite::Database other(f.cache(), SQLite::OPEN_READWRITE);
  other.exec("BEGIN IMMEDIATE");
  std::thread release([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    other.exec("COMMIT");
  });
  auto idx = f.open();
  auto started = std::chrono::steady_clock::now();
  auto stats = idx.refresh(true);
  release.join();
  CHECK(std::chrono::steady_clock::now() - started >= std::chrono::milliseconds(1000));
  CHECK(idx.mode() == index::Index::Mode::cached);
  CHECK(stats.rebuilt);
  CHECK(idx.records().size() == expected);
  CHECK(f.warnings.empty());
}

TEST_CASE("index::Index detects a cache truncated in the middle")
{
  Fixture f;
  {
    auto idx = f.open();
    idx.refresh();
  }
  auto expected = f.open().records().size();
  auto size = fs::file_size(f.cache());
  REQUIRE(size > 64 * 1024);
  fs::resize_file(f.cache(), size / 2);
  auto idx = f.open();
  idx.refresh();
  CHECK(idx.records().size() == expected);
  REQUIRE(f.warnings.size() == 1);
  CHECK(f.warnings[0] == "rebuilt the index cache (truncated)");
}

TEST_CASE("index: concurrent commands on a portfolio without a cache all succeed, silently")
{
  Fixture f;
  std::string root = f.dir.path().string();
  auto expected = run({"-C", root, "--no-cache", "idea", "list", "status:rejected"}).out;
  REQUIRE(!expected.empty());
  std::vector<pid_t> children;
  for (int proc = 0; proc < 4; ++proc) {
    pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      int failures = 0;
      for (int i = 0; i < 3; ++i) {
        auto r = run({"-C", root, "idea", "list", "status:rejected"});
        failures += r.code != 0 || !r.err.empty() || r.out != expected;
        if (proc == 0) {
          failures += run({"-C", root, "-q", "idea", "like", "pmmq", "--by", "agent-" + std::to_string(i)}).code != 0;
        }
      }
      _exit(failures);
    }
    children.push_back(pid);
  }
  for (pid_t pid : children) {
    int status = 0;
    waitpid(pid, &status, 0);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
  }
  auto after = run({"-C", root, "idea", "list", "id:pmmq", "--format", "csv"});
  CHECK(after.err.empty());
  CHECK(after.out == run({"-C", root, "--no-cache", "idea", "list", "id:pmmq", "--format", "csv"}).out);
}
