// innov explain: one code in full, the list, --all, formats, unknown codes, docs/errors.md.
#include "lib/util/diagnostic_codes.hpp"
#include "lib/util/text.hpp"
#include "tests/support.hpp"

#include <doctest/doctest.h>

using namespace innov::test;

TEST_CASE("explain: one code with its title, explanation, a bad example and the fix")
{
  auto r = run({"explain", "E012"});
  CHECK(r.code == 0);
  CHECK(r.err == "");
  CHECK(r.out.starts_with("E012: unknown region (error)\n\n"));
  CHECK(r.out.find("is not one of the `regions` of innov.yaml") != std::string::npos);
  CHECK(r.out.find("Example of a bad file:\n\n    region: idff\n") != std::string::npos);
  CHECK(r.out.find("The fix: use a code from the regions of innov.yaml") != std::string::npos);
  CHECK(r.out.ends_with("\n    region: idf\n"));
  for (const auto& line : innov::util::split(r.out, '\n')) {
    CHECK((line.starts_with("    ") || line.size() <= 80)); // prose is wrapped, examples not
  }
  SUBCASE("codes are case-insensitive")
  {
    CHECK(run({"explain", "e012"}).out == r.out);
  }
  SUBCASE("a warning")
  {
    CHECK(run({"explain", "W002"})
              .out.starts_with("W002: record filed under another year "
                               "(warning)\n"));
  }
}

TEST_CASE("explain: without a code, every code with its title")
{
  auto r = run({"explain"});
  CHECK(r.code == 0);
  CHECK(r.out.starts_with("code  severity  title\n"));
  CHECK(r.out.find("E012  error     unknown region\n") != std::string::npos);
  CHECK(r.out.find("W002  warning   record filed under another year\n") != std::string::npos);
  auto lines = innov::util::split(r.out, '\n');
  CHECK(lines.size() == innov::util::diagnostic_codes().size() + 2); // header, final newline
  auto csv = run({"explain", "--format", "csv"});
  CHECK(csv.out.starts_with("code,severity,title\nE001,error,the file cannot be read\n"));
}

TEST_CASE("explain: --format json")
{
  auto one = run({"explain", "E046", "--format", "json"});
  CHECK(one.code == 0);
  CHECK(one.out.starts_with("{\n  \"code\": \"E046\",\n  \"severity\": \"error\",\n  \"title\": "
                            "\"min_score outside the rubric scale\",\n  \"explanation\": "));
  CHECK(one.out.find("\"fixed\": ") != std::string::npos);
  auto all = run({"explain", "--all", "--format", "json"});
  CHECK(all.out.starts_with("[\n  {\n    \"code\": \"E001\""));
  auto list = run({"explain", "--format", "json"});
  CHECK(list.out.find("\"title\": \"unknown region\"") != std::string::npos);
}

TEST_CASE("explain: an unknown code is a usage error with a suggestion")
{
  auto r = run({"explain", "E0122"});
  CHECK(r.code == 2);
  CHECK(r.out == "");
  CHECK(r.err == "innov: error: unknown diagnostic code 'E0122' (did you mean 'E012'?)\n"
                 "hint: 'innov explain' lists every code\n");
  CHECK(run({"explain", "E012", "--all"}).code == 2);
  CHECK(run({"explain", "E012", "--format", "csv"}).code == 2);
}

TEST_CASE("explain: docs/errors.md is what 'innov explain --all --format markdown' generates")
{
  auto r = run({"explain", "--all", "--format", "markdown"});
  REQUIRE(r.code == 0);
  INFO("docs/errors.md is out of date with lib/util/diagnostic_codes.cpp; regenerate it with:\n"
       << "  ./build/innov explain --all --format markdown > docs/errors.md");
  CHECK(r.out == read(source_dir() / "docs" / "errors.md"));
  for (const auto& c : innov::util::diagnostic_codes()) {
    CHECK(r.out.find("\n## " + std::string(c.code) + ": " + std::string(c.title) + "\n") !=
          std::string::npos);
  }
}
