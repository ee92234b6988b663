#include "lib/util/error.hpp"
#include "lib/util/fs.hpp"
#include "tests/support.hpp"

#include <algorithm>
#include <chrono>
#include <doctest/doctest.h>
#include <fstream>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace innov;
using namespace innov::test;

namespace {

std::vector<std::string> names_in(const fs::path& dir)
{
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) {
    out.push_back(e.path().filename().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

} // namespace

TEST_CASE("util::read_file")
{
  TempDir tmp;
  SUBCASE("whole content, bytes as they are")
  {
    std::string text = std::string("a\r\nb\0c", 6) + std::string(200000, 'x');
    auto p = tmp.write("f.yaml", text);
    CHECK(util::read_file(p) == text);
  }
  SUBCASE("empty file")
  {
    CHECK(util::read_file(tmp.write("empty", "")).empty());
  }
  SUBCASE("missing file")
  {
    auto p = tmp.path() / "missing.yaml";
    CHECK_THROWS_WITH_AS(util::read_file(p),
                         ("cannot read '" + p.string() + "': No such file or directory").c_str(),
                         EnvError);
  }
  SUBCASE("a directory is not read as empty")
  {
    CHECK_THROWS_WITH_AS(util::read_file(tmp.path()),
                         ("cannot read '" + tmp.path().string() + "': Is a directory").c_str(),
                         EnvError);
  }
}

TEST_CASE("util::atomic_write")
{
  TempDir tmp;
  auto p = tmp.path() / "innovations" / "2016" / "k3m9xa2q.yaml";

  SUBCASE("creates the folder and the file, and leaves no temp file")
  {
    util::atomic_write(p, "id: k3m9xa2q\n");
    CHECK(read(p) == "id: k3m9xa2q\n");
    CHECK(names_in(p.parent_path()) == std::vector<std::string>{"k3m9xa2q.yaml"});
  }
  SUBCASE("replaces the content, longer then shorter")
  {
    util::atomic_write(p, "a: 1\n");
    util::atomic_write(p, "a: 1\nb: 2\nc: 3\n");
    CHECK(read(p) == "a: 1\nb: 2\nc: 3\n");
    util::atomic_write(p, "z\n");
    CHECK(read(p) == "z\n");
    util::atomic_write(p, "");
    CHECK(read(p).empty());
    CHECK(names_in(p.parent_path()) == std::vector<std::string>{"k3m9xa2q.yaml"});
  }
  SUBCASE("keeps the permissions of the file it replaces")
  {
    util::atomic_write(p, "a\n");
    fs::permissions(p, fs::perms::owner_read | fs::perms::owner_write);
    util::atomic_write(p, "b\n");
    CHECK(read(p) == "b\n");
    CHECK(fs::status(p).permissions() == (fs::perms::owner_read | fs::perms::owner_write));
  }
  SUBCASE("a relative path in the working directory")
  {
    auto old = fs::current_path();
    fs::current_path(tmp.path());
    util::atomic_write("rel.yaml", "x\n");
    fs::current_path(old);
    CHECK(read(tmp.path() / "rel.yaml") == "x\n");
    CHECK(names_in(tmp.path()) == std::vector<std::string>{"rel.yaml"});
  }
  SUBCASE("refuses to write through a symlink, leaving both ends untouched")
  {
    auto target = tmp.write("outside.yaml", "secret\n");
    fs::create_directories(p.parent_path());
    fs::create_symlink(target, p);
    CHECK_THROWS_AS(util::atomic_write(p, "x\n"), UsageError);
    CHECK(read(target) == "secret\n");
    CHECK(fs::is_symlink(p));
    CHECK(names_in(p.parent_path()) == std::vector<std::string>{"k3m9xa2q.yaml"});
  }
  SUBCASE("refuses a dangling symlink")
  {
    fs::create_directories(p.parent_path());
    fs::create_symlink(tmp.path() / "nowhere.yaml", p);
    CHECK_THROWS_AS(util::atomic_write(p, "x\n"), UsageError);
    CHECK_FALSE(fs::exists(tmp.path() / "nowhere.yaml"));
  }
  SUBCASE("a failed rename removes the temp file")
  {
    fs::create_directories(p / "sub"); // p is a non-empty folder: rename over it fails
    CHECK_THROWS_AS(util::atomic_write(p, "x\n"), EnvError);
    CHECK(names_in(p.parent_path()) == std::vector<std::string>{"k3m9xa2q.yaml"});
    CHECK(fs::is_directory(p));
  }
  SUBCASE("a folder that cannot be created")
  {
    tmp.write("innovations", "a file where a folder should be\n");
    try {
      util::atomic_write(p, "x\n");
      FAIL("no error");
    } catch (const EnvError& e) {
      CHECK(std::string(e.what()).starts_with("cannot create '" + p.parent_path().string() + "'"));
    }
  }
  SUBCASE("a read-only folder: error, old content kept")
  {
    if (::geteuid() == 0) {
      return; // root writes anywhere
    }
    util::atomic_write(p, "old\n");
    fs::permissions(p.parent_path(), fs::perms::owner_read | fs::perms::owner_exec);
    CHECK_THROWS_AS(util::atomic_write(p, "new\n"), EnvError);
    fs::permissions(p.parent_path(), fs::perms::owner_all);
    CHECK(read(p) == "old\n");
    CHECK(names_in(p.parent_path()) == std::vector<std::string>{"k3m9xa2q.yaml"});
  }
}

TEST_CASE("util::entry_kind and util::read_regular_file follow no link and open no FIFO")
{
  TempDir tmp;
  auto p = tmp.path();
  std::ofstream(p / "file") << "text";
  fs::create_symlink(p / "file", p / "link");
  REQUIRE(::mkfifo((p / "fifo").c_str(), 0644) == 0);
  fs::create_directories(p / "dir");
  CHECK(util::entry_kind(p / "file") == util::EntryKind::regular);
  CHECK(util::entry_kind(p / "missing") == util::EntryKind::absent);
  for (const char* name : {"link", "fifo", "dir"}) {
    CHECK(util::entry_kind(p / name) == util::EntryKind::other);
    CHECK_FALSE(util::read_regular_file(p / name)); // the FIFO does not block
  }
  CHECK(util::read_regular_file(p / "file") == "text");
  CHECK_FALSE(util::read_regular_file(p / "missing"));
}

TEST_CASE("util::is_inside")
{
  TempDir tmp;
  auto root = tmp.path() / "portfolio";
  fs::create_directories(root / "innovations" / "2016");
  fs::create_directories(tmp.path() / "portfolio-other");
  tmp.write("outside.yaml", "x\n");

  CHECK(util::is_inside(root, root));
  CHECK(util::is_inside(root, root / "innovations/2016/k3m9xa2q.yaml"));
  CHECK(util::is_inside(root, root / "not/yet/created.yaml"));
  CHECK(util::is_inside(root, root / "innovations/../challenges/x.yaml"));
  CHECK(util::is_inside(root / "", root / "innov.yaml")); // trailing separator on the root
  CHECK_FALSE(util::is_inside(root, root / "../outside.yaml"));
  CHECK_FALSE(util::is_inside(root, root / "innovations/../../outside.yaml"));
  CHECK_FALSE(
      util::is_inside(root, tmp.path() / "portfolio-other/x.yaml")); // a name prefix is not inside
  CHECK_FALSE(util::is_inside(root, "/etc/passwd"));
  CHECK_FALSE(util::is_inside(root, tmp.path()));

  SUBCASE("symlinks are followed")
  {
    fs::create_symlink(tmp.path() / "outside.yaml", root / "innovations/2016/out.yaml");
    fs::create_symlink(tmp.path(), root / "escape");
    fs::create_symlink(root / "innovations", root / "alias");
    CHECK_FALSE(util::is_inside(root, root / "innovations/2016/out.yaml"));
    CHECK_FALSE(util::is_inside(root, root / "escape/outside.yaml"));
    CHECK_FALSE(util::is_inside(root, root / "escape/new.yaml"));
    CHECK(util::is_inside(root, root / "escape/portfolio/innov.yaml")); // out and back in
    CHECK(util::is_inside(root, root / "alias/2016"));
  }
  SUBCASE("a root reached through a symlink")
  {
    fs::create_symlink(root, tmp.path() / "link-to-portfolio");
    CHECK(util::is_inside(tmp.path() / "link-to-portfolio", root / "innov.yaml"));
    CHECK(util::is_inside(root, tmp.path() / "link-to-portfolio/innov.yaml"));
  }
}

TEST_CASE("util::remove_stale_temp_files")
{
  TempDir tmp;
  // A process that has ended: its temporary files are stale.
  pid_t dead = ::fork();
  REQUIRE(dead >= 0);
  if (dead == 0) {
    ::_exit(0);
  }
  REQUIRE(::waitpid(dead, nullptr, 0) == dead);
  std::string gone = std::to_string(dead);
  std::string alive = std::to_string(::getpid());
  for (const auto& name : std::vector<std::string>{
           ".k3m9xa2q.yaml.tmp." + gone + ".812", ".idf.yaml.tmp." + gone + ".1",
           ".7d2hq4wz.yaml.tmp." + alive + ".5", "k3m9xa2q.yaml",
           "k3m9xa2q.yaml.tmp." + gone + ".3", ".k3m9xa2q.yaml.tmp." + gone,
           ".k3m9xa2q.yaml.tmp.x" + gone + ".2", ".notes.tmp"}) {
    tmp.write(name, "x");
  }
  CHECK(util::remove_stale_temp_files(tmp.path()) == 2);
  // The file of a running writer, the record and names that are not atomic_write's stay.
  CHECK(names_in(tmp.path()) ==
        std::vector<std::string>{".7d2hq4wz.yaml.tmp." + alive + ".5", ".k3m9xa2q.yaml.tmp." + gone,
                                 ".k3m9xa2q.yaml.tmp.x" + gone + ".2", ".notes.tmp",
                                 "k3m9xa2q.yaml", "k3m9xa2q.yaml.tmp." + gone + ".3"});
  CHECK(util::remove_stale_temp_files(tmp.path() / "missing") == 0);
}

TEST_CASE("util::PortfolioLock")
{
  TempDir tmp;
  auto root = tmp.path();

  SUBCASE("creates .innov/lock")
  {
    util::PortfolioLock lock(root);
    CHECK(fs::is_regular_file(root / ".innov" / "lock"));
  }
  SUBCASE("a lock that is a symlink, a FIFO or a folder is refused, naming it, and nothing is "
          "created through it")
  {
    fs::create_directories(root / ".innov");
    fs::path lock = root / ".innov" / "lock";
    std::string why = "it is not a regular file";
    SUBCASE("symlink to a missing file")
    {
      fs::create_symlink(root / "victim", lock);
      why = "it is a symbolic link";
    }
    SUBCASE("symlink to a file")
    {
      std::ofstream(root / "victim") << "x";
      fs::create_symlink(root / "victim", lock);
      why = "it is a symbolic link";
    }
    SUBCASE("FIFO")
    {
      REQUIRE(::mkfifo(lock.c_str(), 0644) == 0);
    }
    SUBCASE("folder")
    {
      fs::create_directories(lock);
    }
    try {
      util::PortfolioLock held(root, 0);
      FAIL("lock taken");
    } catch (const EnvError& e) {
      CHECK(std::string(e.what()) == "refusing the portfolio lock '" + lock.string() + "': " + why);
    }
    std::error_code ec;
    if (fs::exists(root / "victim", ec)) {
      CHECK(util::read_file(root / "victim") == "x");
    }
  }
  SUBCASE("a second locker is refused while the first holds it, then succeeds")
  {
    auto first = std::make_unique<util::PortfolioLock>(root);
    auto t0 = std::chrono::steady_clock::now();
    try {
      util::PortfolioLock second(root, 1);
      FAIL("second lock taken");
    } catch (const EnvError& e) {
      CHECK(std::string(e.what()).starts_with("portfolio is locked by another innov command"));
      CHECK(e.exit_code() == k_exit_env);
    }
    CHECK(std::chrono::steady_clock::now() - t0 >= std::chrono::seconds(1));
    first.reset();
    CHECK_NOTHROW(util::PortfolioLock{root, 0});
  }
  SUBCASE("another process is excluded")
  {
    util::PortfolioLock held(root);
    pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      int code = 0;
      try {
        util::PortfolioLock child(root, 0);
        code = 1; // took a lock the parent holds
      } catch (const EnvError&) {
        code = 3;
      } catch (...) {
        code = 2;
      }
      ::_exit(code);
    }
    int status = 0;
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 3);
  }
  SUBCASE("a waiter gets the lock once the holder releases it")
  {
    auto first = std::make_unique<util::PortfolioLock>(root);
    std::thread release([&] {
      std::this_thread::sleep_for(std::chrono::milliseconds(300));
      first.reset();
    });
    auto t0 = std::chrono::steady_clock::now();
    CHECK_NOTHROW(util::PortfolioLock{root, 10});
    auto waited = std::chrono::steady_clock::now() - t0;
    release.join();
    CHECK(waited >= std::chrono::milliseconds(250));
    CHECK(waited < std::chrono::seconds(5));
  }
  SUBCASE("a root that cannot hold .innov")
  {
    auto file = tmp.write("file", "x\n");
    CHECK_THROWS_AS(util::PortfolioLock{file}, EnvError);
  }
}

TEST_CASE("util::create_file: a new file with its mode and time, never over one that exists")
{
  TempDir dir;
  const fs::path p = dir.path() / "a.yaml";
  const std::int64_t t = 1481803200LL * 1'000'000'000 + 5; // 2016-12-15 12:00 UTC
  CHECK(util::create_file(p, "id: a\n", 0444, t));
  CHECK(read(p) == "id: a\n");
  struct stat st {};
  REQUIRE(::stat(p.c_str(), &st) == 0);
  CHECK((st.st_mode & 07777) == 0444);
  CHECK(std::int64_t(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec == t);
  CHECK_FALSE(util::create_file(p, "id: b\n", 0444, t)); // there already: left as it is
  CHECK(read(p) == "id: a\n");
  // Nothing is created through a link: a link is something there already.
  fs::create_symlink(dir.path() / "elsewhere", dir.path() / "link.yaml");
  CHECK_FALSE(util::create_file(dir.path() / "link.yaml", "x", 0644, 0));
  CHECK_FALSE(fs::exists(dir.path() / "elsewhere"));
  // A folder that does not exist is an error, not a crash.
  CHECK_THROWS_AS(util::create_file(dir.path() / "no" / "b.yaml", "x", 0644, 0), EnvError);
}
