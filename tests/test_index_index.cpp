// The index cache under concurrency and damage: writers never make readers fail or rebuild, a
// truncated cache is detected before SQLite trips over it.
#include "lib/index/diagnostics_json.hpp"
#include "lib/index/index.hpp"
#include "lib/store/portfolio.hpp"
#include "tests/support.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <iostream>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace innov;
using namespace innov::test;

namespace {

struct Fixture {
  TempDir dir;
  model::Config config;
  std::vector<std::string> warnings;
  Fixture()
  {
    copy_example(dir.path());
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
        if (r.code != 0 || !r.err.empty() || r.out != expected) {
          ++failures;
          std::cerr << "list in process " << proc << ": exit " << r.code << ", stderr: " << r.err
                    << (r.out != expected ? "(output differs)\n" : "");
        }
        if (proc == 0) {
          auto like =
              run({"-C", root, "-q", "idea", "like", "pmmq", "--by", "agent-" + std::to_string(i)});
          if (like.code != 0) {
            ++failures;
            std::cerr << "like: exit " << like.code << ", stderr: " << like.err;
          }
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
  CHECK(after.out ==
        run({"-C", root, "--no-cache", "idea", "list", "id:pmmq", "--format", "csv"}).out);
}

TEST_CASE(
    "index::Index::refresh gives a duplicated id to the first path, whatever the order of changes")
{
  Fixture f;
  auto title_of = [](index::Index& idx, const std::string& id) {
    for (const auto& r : idx.records()) {
      if (r.id == id) {
        return r.title;
      }
    }
    return std::string("(none)");
  };
  auto fresh = [&] {
    index::Index mem(f.dir.path(), f.config, index::Index::Mode::memory, [](const std::string&) {});
    mem.refresh();
    return title_of(mem, "pmmq7mdc");
  };
  auto cached = f.open();
  cached.refresh();
  auto original = title_of(cached, "pmmq7mdc");
  REQUIRE(original == "Présélection sans CV");
  // A copy filed under an earlier year (a warning only): its path sorts first, so it wins.
  auto text = read(f.dir.path() / "innovations/2015/pmmq7mdc.yaml");
  auto copy = text;
  copy.replace(copy.find(original), original.size(), "Présélection sans CV (copie)");
  f.dir.write("innovations/2014/pmmq7mdc.yaml", copy);
  cached.refresh();
  CHECK(fresh() == "Présélection sans CV (copie)");
  CHECK(title_of(cached, "pmmq7mdc") == fresh());
  SQLite::Statement status(cached.db(),
                           "SELECT path, status, record_id FROM files WHERE record_id = 'pmmq7mdc' "
                           "ORDER BY path");
  REQUIRE(status.executeStep());
  CHECK(status.getColumn(1).getString() == "ok");
  REQUIRE(status.executeStep());
  CHECK(status.getColumn(0).getString() == "innovations/2015/pmmq7mdc.yaml");
  CHECK(status.getColumn(1).getString() == "error");
  // The winner goes away: the other file holds the id again, without being changed itself.
  fs::remove(f.dir.path() / "innovations/2014/pmmq7mdc.yaml");
  cached.refresh();
  CHECK(title_of(cached, "pmmq7mdc") == original);
  CHECK(fresh() == original);
  CHECK(cached.records().size() == f.open().records().size());
}

TEST_CASE("index::Index keeps each file's diagnostics as JSON")
{
  Fixture f;
  auto rel = std::string("innovations/2015/pmmq7mdc.yaml");
  f.dir.write(rel, read(f.dir.path() / rel) + "colour: blue\n");
  auto idx = f.open();
  idx.refresh();
  SQLite::Statement q(idx.db(), "SELECT status, diagnostics FROM files WHERE path = ?");
  q.bind(1, rel);
  REQUIRE(q.executeStep());
  CHECK(q.getColumn(0).getString() == "error");
  auto diags = index::diagnostics_from_json(q.getColumn(1).getString());
  REQUIRE(diags);
  REQUIRE(diags->size() == 1);
  CHECK(diags->front().code == "E011");
  CHECK(diags->front().path == rel);
  CHECK(diags->front().line > 0);
  CHECK(idx.db()
            .execAndGet("SELECT count(*) FROM files WHERE status = 'ok' AND diagnostics <> '[]'")
            .getInt() == 0);
}

TEST_CASE("index::diagnostics_json")
{
  util::Diagnostic d;
  d.path = "innovations/2016/k3m9xa2q.yaml";
  d.line = 12;
  d.col = 7;
  d.code = "E012";
  d.message = "unknown region 'idff' \"quoted\"\tand\\ more\nlines \x01";
  d.hint = "known: hdf, idf";
  d.record = "k3m9xa2q";
  d.pointer = "/region";
  util::Diagnostic w;
  w.code = "W001";
  w.severity = util::Severity::warning;
  w.message = "file not in canonical form";
  auto json = index::diagnostics_json({d, w});
  CHECK(json.find('\n') == std::string::npos);
  auto back = index::diagnostics_from_json(json);
  REQUIRE(back);
  REQUIRE(back->size() == 2);
  CHECK((*back)[0].message == d.message);
  CHECK((*back)[0].line == 12);
  CHECK((*back)[0].col == 7);
  CHECK((*back)[0].pointer == "/region");
  CHECK((*back)[0].severity == util::Severity::error);
  CHECK((*back)[1].severity == util::Severity::warning);
  CHECK((*back)[1].path.empty());
  CHECK(index::diagnostics_json({}) == "[]");
  CHECK(index::diagnostics_from_json("[]")->empty());
  CHECK_FALSE(index::diagnostics_from_json("[{\"code\": 3}]"));
  CHECK_FALSE(index::diagnostics_from_json("{}"));
  CHECK_FALSE(index::diagnostics_from_json("[] trailing"));
}

TEST_CASE("index::Index fills the challenge tables, and rebuilds when a challenge changes")
{
  Fixture f;
  auto idx = f.open();
  idx.refresh();
  auto count = [&](const char* sql) { return idx.db().execAndGet(sql).getInt(); };
  CHECK(count("SELECT count(*) FROM challenges") == 3);
  CHECK(count("SELECT count(*) FROM challenges WHERE id = 'mobilite-2016' AND kind = 'data' AND "
              "opened = '2016-01-11' AND path = 'challenges/mobilite-2016.yaml'") == 1);
  CHECK(count("SELECT count(*) FROM winners w JOIN innovations i ON i.id = w.record_id") == 3);
  auto rel = std::string("challenges/mobilite-2016.yaml");
  auto text = read(f.dir.path() / rel);
  auto pos = text.find("title: ");
  REQUIRE(pos != std::string::npos);
  f.dir.write(rel, text.insert(pos + 7, "Nouveau "));
  auto stats = idx.refresh();
  CHECK(stats.rebuilt);
  CHECK(count("SELECT count(*) FROM challenges WHERE title LIKE 'Nouveau %'") == 1);
  CHECK_FALSE(idx.refresh().rebuilt);
}

TEST_CASE("index::scan_record_files lists what store::list_record_files lists, with stats")
{
  Fixture f;
  const auto& root = f.dir.path();
  f.dir.write("innovations/.hidden/aaaa0000.yaml", "id: x\n");
  f.dir.write("innovations/2016/.bbbb0000.yaml", "id: x\n");
  f.dir.write("innovations/2016/notes.txt", "x\n");
  f.dir.write("innovations/2016/deeper/cccc0000.yaml", "id: x\n");
  fs::create_directories(root / "innovations/2017/odd.yaml");
  TempDir elsewhere;
  fs::create_symlink(elsewhere.write("dddd0000.yaml", "id: x\n"),
                     root / "innovations/2016/dddd0000.yaml");
  fs::create_symlink(root / "innovations/2016/deeper/cccc0000.yaml",
                     root / "innovations/2016/eeee0000.yaml");
  util::Diagnostics ignore;
  auto expected = store::list_record_files(root, ignore);
  auto scanned = index::scan_record_files(root);
  std::vector<std::string> paths;
  for (const auto& s : scanned) {
    paths.push_back(s.rel);
    auto st = index::stat_file(root, s.rel);
    CHECK(s.size == st.size);
    CHECK(s.mtime_ns == st.mtime_ns);
  }
  CHECK(paths == expected);
  CHECK(std::find(paths.begin(), paths.end(), "innovations/2016/eeee0000.yaml") != paths.end());
  CHECK(std::find(paths.begin(), paths.end(), "innovations/2016/dddd0000.yaml") == paths.end());
  CHECK(index::scan_record_files(root / "nowhere").empty());
}

TEST_CASE(
    "index::scan_record_files with the listing of folders: unchanged folders are not read again")
{
  Fixture f;
  const auto& root = f.dir.path();
  fs::create_directories(root / ".innov");
  fs::create_directories(root / "innovations/2016/deeper");
  f.dir.write("innovations/2016/deeper/cccc0000.yaml", "id: x\n");
  auto names = [](const std::vector<index::FileStat>& v) {
    std::vector<std::string> out;
    for (const auto& s : v) {
      out.push_back(s.rel);
    }
    return out;
  };
  auto age_folders = [&] { // as if the portfolio had not changed for an hour
    auto old = fs::file_time_type::clock::now() - std::chrono::hours(1);
    for (const auto& e : fs::recursive_directory_iterator(root / "innovations")) {
      if (e.is_directory()) {
        fs::last_write_time(e.path(), old);
      }
    }
    fs::last_write_time(root / "innovations", old);
  };
  auto walked = names(index::scan_record_files(root));
  const fs::path listing = root / ".innov/listing";

  // Folders changed within 2 s are not trusted: no listing yet.
  CHECK(names(index::scan_record_files(root, true)) == walked);
  CHECK_FALSE(fs::exists(listing));

  age_folders();
  CHECK(names(index::scan_record_files(root, true)) == walked);
  REQUIRE(fs::exists(listing));
  std::string text = read(listing);
  CHECK(text.starts_with("innov-listing 2 "));
  CHECK(text.find("innovations/2016/deeper/\n") != std::string::npos);
  CHECK(text.find(" cccc0000.yaml\n") != std::string::npos);

  SUBCASE("an unchanged folder is taken from the listing, stats fresh")
  {
    // A listing edited by hand shows that it is used (the file it leaves out is not seen)...
    std::string edited = text;
    auto name = edited.find(" cccc0000.yaml\n");
    auto line = edited.rfind('\n', name) + 1;
    edited.erase(line, name + std::string(" cccc0000.yaml\n").size() - line);
    auto end = edited.rfind("end ");
    edited = edited.substr(0, end) + "end " + std::to_string(walked.size() - 1) + "\n";
    f.dir.write(".innov/listing", edited);
    auto used = names(index::scan_record_files(root, true));
    CHECK(used.size() == walked.size() - 1);
    // ...and without it every folder is read.
    CHECK(names(index::scan_record_files(root)) == walked);
  }
  SUBCASE("a file added, removed or renamed changes its folder: the folder is read again")
  {
    f.dir.write("innovations/2016/deeper/ffff0000.yaml", "id: y\n");
    auto now = names(index::scan_record_files(root, true));
    CHECK(now.size() == walked.size() + 1);
    CHECK(std::find(now.begin(), now.end(), "innovations/2016/deeper/ffff0000.yaml") != now.end());
    age_folders();
    CHECK(names(index::scan_record_files(root, true)) == now); // and written again
    fs::rename(root / "innovations/2016/deeper/ffff0000.yaml",
               root / "innovations/2016/deeper/gggg0000.yaml");
    now = names(index::scan_record_files(root, true));
    CHECK(std::find(now.begin(), now.end(), "innovations/2016/deeper/gggg0000.yaml") != now.end());
    CHECK(std::find(now.begin(), now.end(), "innovations/2016/deeper/ffff0000.yaml") == now.end());
  }
  SUBCASE("a folder whose mtime was set back (a restore with cp -a) is read again: its ctime moved")
  {
    auto dir = root / "innovations/2016/deeper";
    auto old = fs::last_write_time(dir);
    f.dir.write("innovations/2016/deeper/hhhh0000.yaml", "id: z\n");
    fs::last_write_time(dir, old);
    auto now = names(index::scan_record_files(root, true));
    CHECK(std::find(now.begin(), now.end(), "innovations/2016/deeper/hhhh0000.yaml") != now.end());
  }
  SUBCASE("a damaged listing is not trusted")
  {
    // A listing that names what a walk could not have found (outside innovations/, a path in a
    // name).
    std::string header = text.substr(0, text.find('\n') + 1);
    TempDir outside;
    outside.write("eeee0000.yaml", "id: x\n");
    auto crafted = [&](const std::string& dir, const std::string& name) {
      fs::last_write_time(root / dir, fs::file_time_type::clock::now() - std::chrono::hours(2));
      auto st = index::stat_file(root, dir);
      return header + "d " + std::to_string(st.mtime_ns) + " " + std::to_string(st.ctime_ns) + " " +
             std::to_string(st.ino) + " " + dir + "\nf 0 " + name + "\nend 1\n";
    };
    auto escape = fs::relative(outside.path(), root / "innovations").string() + "/";
    for (std::string bad :
         {std::string("junk"), text.substr(0, text.size() / 2), text + "f 0 extra.yaml\n",
          std::string("innov-listing 2 x\nend 0\n"), crafted("innovations/", "../innov.yaml"),
          crafted("innovations/", ".hidden.yaml"), crafted("innovations/", "notes.txt"),
          crafted("innovations/" + escape, "eeee0000.yaml")}) {
      f.dir.write(".innov/listing", bad);
      CHECK(names(index::scan_record_files(root, true)) == walked);
    }
  }
}
