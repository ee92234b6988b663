// Inputs the command line names: bounded reads, INNOV_NOW, -C, a record reachable twice.
#include "tests/cli_portfolio.hpp"

#include <doctest/doctest.h>
#include <fstream>
#include <unistd.h>

using namespace innov::test;

TEST_CASE("inputs: --description-file is read up to 1 MiB")
{
  CliPortfolio p;
  SUBCASE("/dev/zero")
  {
    auto r =
        p({"idea", "new", "--title", "T", "--region", "idf", "--description-file", "/dev/zero"});
    CHECK(r.code == 1);
    CHECK(r.err == "innov: error: '/dev/zero' is over the 1 MiB limit of a description\n");
  }
  SUBCASE("a 300 MB sparse file")
  {
    TempDir d;
    auto sparse = d.write("sparse", "");
    REQUIRE(::truncate(sparse.c_str(), 300'000'000) == 0);
    auto r = p(
        {"idea", "new", "--title", "T", "--region", "idf", "--description-file", sparse.string()});
    CHECK(r.code == 1);
    CHECK(r.err.find("is over the 1 MiB limit of a description") != std::string::npos);
  }
  SUBCASE("standard input over 1 MiB")
  {
    auto r = run({"-C", p.root().string(), "idea", "new", "--title", "T", "--region", "idf",
                  "--description-file", "-"},
                 std::string((1U << 20) + 1, 'y'));
    CHECK(r.code == 1);
    CHECK(r.err == "innov: error: standard input is over the 1 MiB limit of a description\n");
  }
  SUBCASE("exactly 1 MiB is accepted")
  {
    TempDir d;
    auto file = d.write("desc", std::string((1U << 20) - 4096, 'y') + "\n");
    auto r = p({"idea", "new", "--title", "T", "--region", "idf", "--description-file",
                file.string(), "--dry-run"});
    CHECK(r.err.find("limit of a description") == std::string::npos);
  }
}

TEST_CASE("inputs: import csv and merge-file refuse what is over their limits")
{
  CliPortfolio p;
  TempDir d;
  auto sparse = d.write("big.csv", "");
  REQUIRE(::truncate(sparse.c_str(), 200'000'000) == 0);
  auto r = p({"import", "csv", sparse.string(), "--map", "t=title"});
  CHECK(r.code == 1);
  CHECK(r.err.find("the file is over the 64 MiB limit of a CSV import") != std::string::npos);
  auto id = p.new_idea();
  auto ours = d.write("ours.yaml", p.text(id));
  r = p({"merge-file", p.file(id).string(), ours.string(), "/dev/zero"});
  CHECK(r.code == 1);
  CHECK(r.err == "innov: error: '/dev/zero' is over the 1 MiB limit of a record file\n");
  CHECK(read(ours) == p.text(id));
}

TEST_CASE("inputs: an INNOV_NOW that is not a date is a usage error naming it")
{
  CliPortfolio p;
  setenv("INNOV_NOW", "yesterday", 1);
  auto r = p({"idea", "new", "--title", "T", "--region", "idf"});
  CHECK(r.code == 2);
  CHECK(r.err.starts_with("innov: error: INNOV_NOW 'yesterday' is not a date or a date-time\n"));
  setenv("INNOV_NOW", "2016-06-01T09:00:00Z", 1);
}

TEST_CASE("inputs: -C FILE says it is not a directory")
{
  TempDir d;
  auto file = d.write("innov.yaml", "portfolio: x\n");
  auto r = run({"-C", file.string(), "validate"});
  CHECK(r.code == 2);
  CHECK(r.err ==
        "innov: error: portfolio directory '" + file.string() + "' is not a directory (from -C)\n");
}

TEST_CASE("inputs: a record reachable twice through a symlink is named by both paths")
{
  CliPortfolio p;
  auto id = p.new_idea();
  auto rel = p.file(id).lexically_relative(p.root()).generic_string();
  fs::create_directories(p.root() / "innovations/2015");
  fs::create_symlink(p.file(id), p.root() / "innovations/2015" / (id + ".yaml"));
  auto r = p({"idea", "show", id});
  CHECK(r.code == 2);
  CHECK(r.err == "innov: error: id prefix '" + id + "' matches several files: innovations/2015/" +
                     id + ".yaml, " + rel +
                     "\nhint: a record lives in one file: remove the copy or the symbolic link\n");
}
