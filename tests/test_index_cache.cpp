// The index cache: incremental refresh, self-healing, and results that never depend on it.
#include "lib/index/index.hpp"
#include "lib/store/portfolio.hpp"
#include "lib/util/fs.hpp"
#include "tests/support.hpp"

#include <doctest/doctest.h>
#include <fstream>
#include <random>
#include <sys/stat.h>
#include <utime.h>

using namespace innov;
using namespace innov::test;

namespace {

struct Fixture {
  TempDir dir;
  model::Config config;
  std::vector<std::string> warnings;
  Fixture()
  {
    copy_tree(example_portfolio(), dir.path());
    config = store::require_config(dir.path());
  }
  index::Index open(index::Index::Mode mode = index::Index::Mode::cached)
  {
    return index::Index(dir.path(), config, mode,
                        [this](const std::string& w) { warnings.push_back(w); });
  }
  fs::path cache() const { return dir.path() / ".innov" / "cache.db"; }
  // Sets a file's modification time far in the past, so the racy rule does not apply.
  void age(const fs::path& p, long seconds_ago = 3600) const
  {
    struct stat st {};
    ::stat(p.c_str(), &st);
    struct utimbuf t {
      st.st_atime - seconds_ago, st.st_mtime - seconds_ago
    };
    ::utime(p.c_str(), &t);
  }
  void age_all() const
  {
    for (const auto& e : fs::recursive_directory_iterator(dir.path() / "innovations")) {
      age(e.path());
    }
  }
  std::vector<fs::path> records() const
  {
    std::vector<fs::path> out;
    for (const auto& e : fs::recursive_directory_iterator(dir.path() / "innovations")) {
      if (e.path().extension() == ".yaml") {
        out.push_back(e.path());
      }
    }
    std::sort(out.begin(), out.end());
    return out;
  }
};

std::string all_reads(const std::string& root, bool no_cache)
{
  std::vector<std::string> base = {"-C", root};
  if (no_cache) {
    base.push_back("--no-cache");
  }
  std::string out;
  for (std::vector<std::string> args : std::vector<std::vector<std::string>>{
           {"idea", "list", "--format", "json"},
           {"idea", "list", "status:qualified", "region:idf", "region:hdf"},
           {"search", "recrutement"},
           {"search", "demandeurs", "emploi", "--format", "json"},
           {"report", "funnel", "--by", "region", "--period", "quarter"},
           {"report", "value", "--format", "json"},
           {"report", "pipeline"},
           {"report", "participation"},
           {"report", "cycle-time"},
           {"report", "regions"},
           {"report", "review", "--format", "json"},
           {"poc", "list"}}) {
    args.insert(args.begin(), base.begin(), base.end());
    auto r = run(args);
    out += r.out + "#" + std::to_string(r.code) + "\n";
  }
  return out;
}

} // namespace

TEST_CASE("index::Index: a refresh re-reads only what changed")
{
  Fixture f;
  f.age_all();
  auto idx = f.open();
  auto s = idx.refresh();
  CHECK(s.rebuilt);
  CHECK(s.files == f.records().size());
  CHECK(s.reread == s.files);
  CHECK(s.records == s.files);

  s = idx.refresh();
  CHECK_FALSE(s.rebuilt);
  CHECK(s.reread == 0);

  auto files = f.records();
  std::ofstream(files[0], std::ios::app) << "\n"; // one byte more, mtime now
  fs::remove(files[1]);
  s = idx.refresh();
  CHECK(s.reread == 1);
  CHECK(s.removed == 1);
  CHECK(s.records == files.size() - 1);

  SUBCASE("a rename drops the old path and reads the new one")
  {
    fs::create_directories(f.dir.path() / "innovations/2099");
    fs::rename(files[2], f.dir.path() / "innovations/2099" / files[2].filename());
    s = idx.refresh();
    CHECK(s.removed == 1);
    CHECK(s.errors == 0); // filed under the wrong year: a warning, the record stays
    CHECK(s.records == files.size() - 1);
  }
  SUBCASE("innov.yaml changing rebuilds everything")
  {
    std::ofstream(f.dir.path() / "innov.yaml", std::ios::app) << "\n";
    s = idx.refresh();
    CHECK(s.rebuilt);
    CHECK(s.reread == files.size() - 1);
  }
}

TEST_CASE("index::Index: a same-size rewrite within the racy window is caught")
{
  Fixture f;
  auto files = f.records();
  auto idx = f.open();
  idx.refresh(); // the files were just copied: within 2 s, so racy
  std::string text = read(files[0]);
  auto pos = text.find("status: ");
  REQUIRE(pos != std::string::npos);
  // Same size, same second: swap two title characters.
  auto t = text.find("title: ") + 7;
  std::swap(text[t], text[t + 1]);
  struct stat before {};
  ::stat(files[0].c_str(), &before);
  std::ofstream(files[0], std::ios::binary | std::ios::trunc) << text;
  struct utimbuf same {
    before.st_atime, before.st_mtime
  };
  ::utime(files[0].c_str(), &same);
  auto s = idx.refresh();
  CHECK(s.reread >= 1);
  bool found = false;
  for (const auto& r : idx.records()) {
    found = found || text.find("title: " + r.title) != std::string::npos;
  }
  CHECK(found);
}

TEST_CASE("index::Index heals a cache that cannot be trusted")
{
  Fixture f;
  {
    auto idx = f.open();
    idx.refresh();
  }
  auto expected = f.open().records().size();
  REQUIRE(expected > 60);
  SUBCASE("deleted")
  {
    fs::remove(f.cache());
  }
  SUBCASE("truncated")
  {
    fs::resize_file(f.cache(), 100);
  }
  SUBCASE("random bytes")
  {
    std::mt19937 rng(7);
    std::string junk(4096, '\0');
    for (auto& c : junk) {
      c = static_cast<char>(rng());
    }
    std::ofstream(f.cache(), std::ios::binary | std::ios::trunc) << junk;
  }
  SUBCASE("another version")
  {
    SQLite::Database db(f.cache(), SQLite::OPEN_READWRITE);
    db.exec("PRAGMA user_version = 999");
  }
  SUBCASE("a stale WAL")
  {
    std::ofstream(f.cache().string() + "-wal", std::ios::binary | std::ios::trunc)
        << std::string(5000, 'x');
  }
  SUBCASE("a table dropped")
  {
    SQLite::Database db(f.cache(), SQLite::OPEN_READWRITE);
    db.exec("DROP TABLE themes");
  }
  SUBCASE("a column missing")
  {
    SQLite::Database db(f.cache(), SQLite::OPEN_READWRITE);
    db.exec("DROP TABLE records");
    db.exec("CREATE TABLE records (path TEXT PRIMARY KEY, id TEXT) WITHOUT ROWID");
  }
  SUBCASE("a FIFO")
  {
    fs::remove(f.cache());
    REQUIRE(::mkfifo(f.cache().c_str(), 0644) == 0);
  }
  auto idx = f.open();
  idx.refresh();
  CHECK(idx.records().size() == expected);
  CHECK(f.warnings.size() <= 1);
  if (!f.warnings.empty()) {
    CHECK(f.warnings[0].starts_with("rebuilt the index cache"));
  }
}

TEST_CASE("index::Index never writes through a link under .innov/")
{
  Fixture f;
  TempDir outside;
  fs::path victim = outside.path() / "victim.db";
  {
    auto idx = f.open();
    idx.refresh();
  }
  fs::copy_file(f.cache(), victim); // a database holding the very tables of the cache
  const std::string before = read(victim);
  auto expected = f.open().records().size();
  f.warnings.clear();
  std::string name;
  SUBCASE("cache.db")
  {
    name = "cache.db";
  }
  SUBCASE("cache.db-wal")
  {
    name = "cache.db-wal";
  }
  SUBCASE("cache.db-shm")
  {
    name = "cache.db-shm";
  }
  SUBCASE("cache.db-journal")
  {
    name = "cache.db-journal";
  }
  fs::path link = f.dir.path() / ".innov" / name;
  fs::remove(link);
  fs::create_symlink(victim, link);
  {
    auto idx = f.open();
    idx.refresh(true);
    CHECK(idx.records().size() == expected);
  }
  CHECK(read(victim) == before);
  CHECK_FALSE(fs::is_symlink(link));
  REQUIRE(f.warnings.size() == 1);
  CHECK(f.warnings[0].find("'" + link.string() +
                           "' is not a regular file: removed, never what a link points to") !=
        std::string::npos);
}

TEST_CASE("index: a read-only portfolio works without a cache, with one warning")
{
  if (::geteuid() == 0) {
    // root ignores permissions; simulate with a .innov that is a file, not a folder
  }
  Fixture f;
  std::ofstream(f.dir.path() / ".innov") << "not a folder";
  auto r = run({"-C", f.dir.path().string(), "report", "funnel", "--format", "json"});
  CHECK(r.code == 0);
  CHECK(r.out.find("\"stage\": \"submitted\"") != std::string::npos);
  CHECK(r.err.find("working from the files in memory") != std::string::npos);
}

TEST_CASE("index: list, search and every report give the same output with and without the cache")
{
  Fixture f;
  setenv("INNOV_NOW", "2017-07-01", 1);
  auto root = f.dir.path().string();
  CHECK(all_reads(root, false) == all_reads(root, true));

  // Random edits, deletions, renames and a same-size same-second rewrite between runs.
  std::mt19937 rng(42);
  for (int round = 0; round < 3; ++round) {
    auto files = f.records();
    auto pick = [&] { return files[rng() % files.size()]; };
    auto edited = pick();
    std::string text = read(edited);
    auto pos = text.find("\ntitle: ");
    text.insert(pos + 8, "Révisé ");
    std::ofstream(edited, std::ios::binary | std::ios::trunc) << text;
    fs::remove(pick());
    auto moved = pick();
    if (fs::exists(moved)) {
      fs::rename(moved, moved.parent_path() / ("x" + moved.filename().string().substr(1)));
    }
    auto same = pick();
    if (fs::exists(same)) {
      std::string t = read(same);
      auto s = t.find("title: ") + 7;
      std::swap(t[s], t[s + 1]);
      struct stat st {};
      ::stat(same.c_str(), &st);
      std::ofstream(same, std::ios::binary | std::ios::trunc) << t;
      struct utimbuf u {
        st.st_atime, st.st_mtime
      };
      ::utime(same.c_str(), &u);
    }
    CAPTURE(round);
    CHECK(all_reads(root, false) == all_reads(root, true));
  }
  unsetenv("INNOV_NOW");
}
