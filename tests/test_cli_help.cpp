// Every command answers --help with an example; the README's Quick start is what CI runs.
#include "tests/support.hpp"

#include <doctest/doctest.h>

using namespace innov::test;

TEST_CASE("every command and subcommand answers --help with an example")
{
  const std::vector<std::vector<std::string>> commands = {{"init"},
                                                          {"validate"},
                                                          {"audit"},
                                                          {"idea"},
                                                          {"idea", "new"},
                                                          {"idea", "list"},
                                                          {"idea", "show"},
                                                          {"idea", "edit"},
                                                          {"idea", "comment"},
                                                          {"idea", "like"},
                                                          {"idea", "unlike"},
                                                          {"idea", "merge"},
                                                          {"idea", "withdraw"},
                                                          {"qualify"},
                                                          {"poc"},
                                                          {"poc", "plan"},
                                                          {"poc", "start"},
                                                          {"poc", "measure"},
                                                          {"poc", "close"},
                                                          {"poc", "list"},
                                                          {"generalize"},
                                                          {"generalize", "check"},
                                                          {"generalize", "rollout"},
                                                          {"generalize", "realize"},
                                                          {"report"},
                                                          {"report", "funnel"},
                                                          {"report", "review"},
                                                          {"explain"},
                                                          {"schema"}};
  for (auto args : commands) {
    CAPTURE(args.back());
    args.push_back("--help");
    auto r = run(args);
    CHECK(r.code == 0);
    CHECK(r.out.find("Usage:") != std::string::npos);
    CHECK(r.out.find("innov ") != std::string::npos);
    CHECK(r.out.find("Example") != std::string::npos);
  }
}

TEST_CASE("usage errors exit 2 with a suggestion, never CLI11's own codes")
{
  auto r = run({"qualfy"});
  CHECK(r.code == 2);
  CHECK(r.err.find("did you mean 'qualify'?") != std::string::npos);
  r = run({"report", "funnel", "--format", "pdf"});
  CHECK(r.code == 2);
  r = run({"idea", "new", "--bogus"});
  CHECK(r.code == 2);
  r = run({"--version"});
  CHECK(r.code == 0);
  CHECK(r.out.starts_with("innov "));
}

TEST_CASE("the README's Quick start is exactly what .ci/run runs")
{
  std::string readme = read(source_dir() / "README.md");
  auto start = readme.find("## Quick start");
  REQUIRE(start != std::string::npos);
  auto block = readme.find("```sh\n", start);
  REQUIRE(block != std::string::npos);
  auto end = readme.find("```", block + 6);
  std::string commands = readme.substr(block + 6, end - block - 6);
  std::string ci = read(source_dir() / ".ci/run");
  std::size_t pos = 0;
  int lines = 0;
  while (pos < commands.size()) {
    auto nl = commands.find('\n', pos);
    std::string line = commands.substr(pos, nl - pos);
    CHECK(ci.find("\n" + line + "\n") != std::string::npos);
    ++lines;
    pos = nl + 1;
  }
  CHECK(lines == 2);
  CHECK(ci.find("set -e") != std::string::npos);
}
