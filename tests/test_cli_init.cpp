#include "tests/support.hpp"

#include <doctest/doctest.h>

using namespace innov::test;

TEST_CASE("init: a new portfolio validates clean")
{
  TempDir dir;
  auto p = dir.path() / "innovaction";
  auto r = run({"init", p.string()});
  CHECK(r.code == 0);
  CHECK(r.out.find("initialized portfolio 'innovaction'") != std::string::npos);
  CHECK(fs::exists(p / "innov.yaml"));
  CHECK(fs::is_directory(p / "innovations"));
  CHECK(fs::is_directory(p / "challenges"));
  CHECK(read(p / ".gitignore") == ".innov/\n.innov-import/\n");
  CHECK(read(p / ".gitattributes") == "innovations/**/*.yaml merge=innov\n");
  CHECK(read(p / "innov.yaml").find("# Expert qualification rubric") != std::string::npos);
  r = run({"-C", p.string(), "validate"});
  CHECK(r.code == 0);
  CHECK(r.out == "1 file, 0 records: 0 errors, 0 warnings\n");
}

TEST_CASE("init: refuses to overwrite an existing portfolio")
{
  TempDir dir;
  dir.write("innov.yaml", "portfolio: mine\n");
  auto r = run({"init", dir.path().string()});
  CHECK(r.code == 1);
  CHECK(r.err.find("already exists") != std::string::npos);
  CHECK(read(dir.path() / "innov.yaml") == "portfolio: mine\n");
  CHECK_FALSE(fs::exists(dir.path() / "innovations"));
}
