// innov validate: the fixture corpus (one file per error code), formats, exit codes.
#include "lib/util/diagnostic_codes.hpp"
#include "tests/support.hpp"

#include <doctest/doctest.h>
#include <fstream>
#include <regex>
#include <set>

using namespace innov::test;

namespace {

struct Fixture {
  fs::path file;
  std::string target;
  std::string code;
  std::string where;  // "LINE:COL", or "-" for a problem of the whole file
  std::string make;   // how the target is made: empty (this file), directory, over-1-mib,
                      // symlink-outside
  std::string covers; // a code no file can reach, whose fixture shows what is reported instead
  std::string with;   // companion fixtures planted too, ", " between them (a problem between files)
  std::string companion_of;     // this file is the companion of that fixture, not a fixture itself
  std::string run = "validate"; // the command that reports it: validate, or audit (E080-E083),
                                // with its options (audit --git --require-signed: E064)
};

Fixture read_fixture(const fs::path& file)
{
  Fixture f;
  f.file = file;
  std::ifstream in(file, std::ios::binary);
  std::string line;
  while (std::getline(in, line) && line.starts_with("# ")) {
    if (line.starts_with("# target: ")) {
      f.target = line.substr(10);
    } else if (line.starts_with("# expect: ")) {
      auto rest = line.substr(10);
      f.code = rest.substr(0, rest.find(' '));
      f.where = rest.substr(rest.find(' ') + 1);
    } else if (line.starts_with("# make: ")) {
      f.make = line.substr(8);
    } else if (line.starts_with("# covers: ")) {
      f.covers = line.substr(10, line.find(' ', 10) - 10);
    } else if (line.starts_with("# with: ")) {
      f.with = line.substr(8);
    } else if (line.starts_with("# companion of: ")) {
      f.companion_of = line.substr(16);
    } else if (line.starts_with("# run: ")) {
      f.run = line.substr(7);
    }
  }
  return f;
}

// The names of the companions of f (its `with`).
std::set<std::string> companions(const Fixture& f)
{
  std::set<std::string> out;
  for (std::size_t at = 0; at < f.with.size();) {
    std::size_t comma = std::min(f.with.find(", ", at), f.with.size());
    out.insert(f.with.substr(at, comma - at));
    at = comma + 2;
  }
  return out;
}

fs::path fixtures()
{
  return source_dir() / "tests" / "fixtures";
}

} // namespace

TEST_CASE("validate: the base fixture portfolio is clean")
{
  TempDir dir;
  copy_tree(fixtures() / "base", dir.path());
  auto r = run({"-C", dir.path().string(), "validate"});
  CHECK(r.err == "");
  CHECK(r.out == "4 files, 2 records: 0 errors, 0 warnings\n");
  CHECK(r.code == 0);
}

TEST_CASE("validate: every error code of the fixture corpus, with its line and column")
{
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(fixtures() / "invalid")) {
    files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() >= 30);
  for (const auto& file : files) {
    Fixture f = read_fixture(file);
    CAPTURE(file.filename().string());
    REQUIRE(!f.target.empty());
    if (!f.companion_of.empty()) {
      CHECK(companions(read_fixture(fixtures() / "invalid" / f.companion_of))
                .count(file.filename().string()) == 1);
      continue;
    }
    TempDir dir;
    copy_tree(fixtures() / "base", dir.path());
    for (const auto& name : companions(f)) {
      Fixture companion = read_fixture(fixtures() / "invalid" / name);
      REQUIRE(companion.companion_of == file.filename());
      dir.write(companion.target, read(companion.file));
    }
    TempDir outside;
    if (f.make == "directory") {
      fs::create_directories(dir.path() / f.target);
    } else if (f.make == "over-1-mib") {
      dir.write(f.target, read(file) + "# " + std::string(1100000, 'x') + "\n");
    } else if (f.make == "symlink-outside") {
      fs::create_directories((dir.path() / f.target).parent_path());
      fs::create_symlink(outside.write("elsewhere.yaml", read(file)), dir.path() / f.target);
    } else {
      REQUIRE(f.make.empty());
      dir.write(f.target, read(file));
    }
    REQUIRE((f.run == "validate" || f.run.starts_with("audit")));
    if (f.run.starts_with("audit")) {
      // The roles' companion makes a clean portfolio for validate: only the audit finds it.
      CHECK(run({"-C", dir.path().string(), "validate"}).code == 0);
    }
    std::vector<std::string> args = {"-C", dir.path().string()};
    for (std::size_t at = 0; at < f.run.size();) {
      std::size_t space = std::min(f.run.find(' ', at), f.run.size());
      args.push_back(f.run.substr(at, space - at));
      at = space + 1;
    }
    auto r = run(args);
    bool warning = f.code.starts_with("W");
    CHECK(r.code == (warning ? 0 : 1));
    std::string expected = f.target + (f.where == "-" ? "" : ":" + f.where) +
                           (warning ? ": warning[" : ": error[") + f.code + "]";
    CAPTURE(r.err);
    CHECK(r.err.find(expected) != std::string::npos);
  }
}

TEST_CASE("validate: every code of the catalogue has a fixture, every fixture a catalogue code")
{
  std::set<std::string> fixture_codes;
  for (const auto& e : fs::directory_iterator(fixtures() / "invalid")) {
    Fixture f = read_fixture(e.path());
    CAPTURE(e.path().filename().string());
    if (!f.companion_of.empty()) {
      CHECK(e.path().filename().string().starts_with(f.companion_of.substr(0, 5)));
      continue;
    }
    std::string code = f.covers.empty() ? f.code : f.covers;
    CHECK(e.path().filename().string().starts_with(code + "-"));
    CHECK(innov::util::find_diagnostic_code(code) != nullptr);
    fixture_codes.insert(code);
  }
  for (const auto& c : innov::util::diagnostic_codes()) {
    INFO("add tests/fixtures/invalid/" << c.code << "-<what>.yaml (see the header of the others)");
    CHECK(fixture_codes.count(std::string(c.code)) == 1);
  }
}

TEST_CASE("validate: a file that is not a regular file, and one over 1 MiB")
{
  TempDir dir;
  copy_tree(fixtures() / "base", dir.path());
  SUBCASE("a directory named like a record")
  {
    fs::create_directories(dir.path() / "innovations/2016/bbbb0001.yaml");
    auto r = run({"-C", dir.path().string(), "validate"});
    CHECK(r.code == 1);
    CHECK(r.err.find("innovations/2016/bbbb0001.yaml: error[E001]") != std::string::npos);
  }
  SUBCASE("over 1 MiB")
  {
    dir.write("innovations/2016/bbbb0002.yaml",
              "id: bbbb0002\ndescription: |\n" + std::string(1100000, 'x') + "\n");
    auto r = run({"-C", dir.path().string(), "validate"});
    CHECK(r.code == 1);
    CHECK(r.err.find("innovations/2016/bbbb0002.yaml: error[E007]") != std::string::npos);
  }
  SUBCASE("a symlink that leads outside the portfolio")
  {
    TempDir outside;
    auto target =
        outside.write("elsewhere.yaml", read(dir.path() / "innovations/2016/7d2hq4wz.yaml"));
    fs::create_symlink(target, dir.path() / "innovations/2016/bbbb0003.yaml");
    auto r = run({"-C", dir.path().string(), "validate"});
    CHECK(r.code == 1);
    CHECK(r.err.find("innovations/2016/bbbb0003.yaml: error[E039]") != std::string::npos);
  }
  SUBCASE("the same id in two year folders")
  {
    dir.write("innovations/2017/7d2hq4wz.yaml",
              read(dir.path() / "innovations/2016/7d2hq4wz.yaml"));
    auto r = run({"-C", dir.path().string(), "validate"});
    CHECK(r.code == 1);
    CHECK(r.err.find("error[E021]: duplicate id '7d2hq4wz'") != std::string::npos);
  }
  SUBCASE("the same id again, reported on a file in its right folder")
  {
    // The copy in 2015 is misfiled (W002); the duplicate is reported on the file of 2016, which is
    // read without yaml-cpp: its position is still where the id is.
    dir.write("innovations/2015/7d2hq4wz.yaml",
              read(dir.path() / "innovations/2016/7d2hq4wz.yaml"));
    auto r = run({"-C", dir.path().string(), "validate"});
    CHECK(r.code == 1);
    CHECK(r.err.find("innovations/2016/7d2hq4wz.yaml:1:5: error[E021]: duplicate id '7d2hq4wz'") !=
          std::string::npos);
    CHECK(r.err.find("innovations/2015/7d2hq4wz.yaml:") != std::string::npos);
  }
}

TEST_CASE("validate: reports every problem of every file in one run")
{
  TempDir dir;
  copy_tree(fixtures() / "base", dir.path());
  dir.write("innovations/2016/aaaa0012.yaml",
            read(fixtures() / "invalid/E012-unknown-region.yaml"));
  dir.write("innovations/2016/aaaa0022.yaml", read(fixtures() / "invalid/E022-unknown-theme.yaml"));
  dir.write("innovations/2016/aaaa0034.yaml",
            read(fixtures() / "invalid/E034-likes-not-sorted.yaml"));
  auto r = run({"-C", dir.path().string(), "validate"});
  CHECK(r.code == 1);
  CHECK(r.err.find("error[E012]") != std::string::npos);
  CHECK(r.err.find("error[E022]") != std::string::npos);
  CHECK(r.err.find("error[E034]") != std::string::npos);
  CHECK(r.out == "7 files, 5 records: 3 errors, 0 warnings\n");
}

TEST_CASE("validate: text shows the source line, a caret and a hint")
{
  TempDir dir;
  copy_tree(fixtures() / "base", dir.path());
  dir.write("innovations/2016/aaaa0012.yaml",
            read(fixtures() / "invalid/E012-unknown-region.yaml"));
  auto r = run({"-C", dir.path().string(), "validate"});
  CHECK(r.err == "innovations/2016/aaaa0012.yaml:7:9: error[E012]: unknown region 'idff' (did you "
                 "mean 'idf'?)\n"
                 " 7 | region: idff\n"
                 "   |         ^\n"
                 "  hint: known: idf, hdf\n");
}

TEST_CASE("validate: json, github and sarif formats")
{
  TempDir dir;
  copy_tree(fixtures() / "base", dir.path());
  dir.write("innovations/2016/aaaa0012.yaml",
            read(fixtures() / "invalid/E012-unknown-region.yaml"));
  SUBCASE("json")
  {
    auto r = run({"-C", dir.path().string(), "validate", "--format", "json"});
    CHECK(r.code == 1);
    CHECK(r.out.find("\"version\": 1") != std::string::npos);
    CHECK(r.out.find("\"path\": \"innovations/2016/aaaa0012.yaml\"") != std::string::npos);
    CHECK(r.out.find("\"line\": 7") != std::string::npos);
    CHECK(r.out.find("\"column\": 9") != std::string::npos);
    CHECK(r.out.find("\"code\": \"E012\"") != std::string::npos);
    CHECK(r.out.find("\"pointer\": \"/region\"") != std::string::npos);
    CHECK(r.out.find("\"errors\": 1") != std::string::npos);
  }
  SUBCASE("github")
  {
    auto r = run({"-C", dir.path().string(), "validate", "--format", "github"});
    CHECK(r.code == 1);
    CHECK(r.out.starts_with(
        "::error file=innovations/2016/aaaa0012.yaml,line=7,col=9,title=E012::unknown region "
        "'idff'"));
  }
  SUBCASE("github is the default under GitHub Actions")
  {
    setenv("GITHUB_ACTIONS", "true", 1);
    auto r = run({"-C", dir.path().string(), "validate"});
    unsetenv("GITHUB_ACTIONS");
    CHECK(r.out.starts_with("::error file="));
  }
  SUBCASE("sarif")
  {
    auto r = run({"-C", dir.path().string(), "validate", "--format", "sarif"});
    CHECK(r.code == 1);
    CHECK(r.out.find("\"version\": \"2.1.0\"") != std::string::npos);
    CHECK(r.out.find("\"ruleId\": \"E012\"") != std::string::npos);
    // The rule is described from the catalogue of codes.
    CHECK(r.out.find("\"shortDescription\": {\n                \"text\": \"unknown region\"") !=
          std::string::npos);
    CHECK(r.out.find("\"startLine\": 7") != std::string::npos);
    CHECK(r.out.find("\"startColumn\": 9") != std::string::npos);
  }
  SUBCASE("-o takes the format from the extension")
  {
    auto sarif = dir.path() / "out.sarif";
    auto json = dir.path() / "out.json";
    CHECK(run({"-C", dir.path().string(), "validate", "-o", sarif.string()}).code == 1);
    CHECK(run({"-C", dir.path().string(), "validate", "-o", json.string()}).code == 1);
    CHECK(read(sarif).find("\"version\": \"2.1.0\"") != std::string::npos);
    CHECK(read(json).find("\"code\": \"E012\"") != std::string::npos);
  }
}

TEST_CASE("validate: only the given files; --strict; usage errors")
{
  TempDir dir;
  copy_tree(fixtures() / "base", dir.path());
  dir.write("innovations/2016/aaaa0012.yaml",
            read(fixtures() / "invalid/E012-unknown-region.yaml"));
  auto clean = (dir.path() / "innovations/2016/7d2hq4wz.yaml").string();
  auto r = run({"-C", dir.path().string(), "validate", clean});
  CHECK(r.code == 0);
  CHECK(r.out == "1 file, 1 record: 0 errors, 0 warnings\n");

  r = run({"-C", dir.path().string(), "validate", (dir.path() / "nope.yaml").string()});
  CHECK(r.code == 2);
  CHECK(r.err.find("no such file or directory") != std::string::npos);

  r = run({"-C", dir.path().string(), "validate", "--format", "xml"});
  CHECK(r.code == 2);

  // A record filed under the wrong year is a warning: exit 0, or 1 with --strict.
  TempDir dir2;
  copy_tree(fixtures() / "base", dir2.path());
  fs::create_directories(dir2.path() / "innovations/2017");
  fs::rename(dir2.path() / "innovations/2016/7d2hq4wz.yaml",
             dir2.path() / "innovations/2017/7d2hq4wz.yaml");
  r = run({"-C", dir2.path().string(), "validate"});
  CHECK(r.code == 0);
  CHECK(r.err.find("warning[W002]") != std::string::npos);
  r = run({"-C", dir2.path().string(), "validate", "--strict"});
  CHECK(r.code == 1);
}

TEST_CASE("validate: not a portfolio")
{
  TempDir dir;
  auto r = run({"-C", dir.path().string(), "validate"});
  CHECK(r.code == 2);
  CHECK(r.err.find("is not a portfolio") != std::string::npos);
}
