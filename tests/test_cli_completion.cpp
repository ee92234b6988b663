// innov completion, __complete, __man and schema --write. The candidates a real bash offers are
// checked by tests/completion_bash.sh; zsh and fish parse the scripts in
// tests/completion_syntax.sh.
#include "tests/support.hpp"

#include <doctest/doctest.h>

using namespace innov::test;

namespace {

fs::path base_fixture()
{
  return source_dir() / "tests" / "fixtures" / "base";
}

} // namespace

TEST_CASE("completion: the scripts in completions/ are what 'innov completion' prints")
{
  const std::vector<std::pair<std::string, std::string>> files = {
      {"bash", "innov.bash"}, {"zsh", "_innov"}, {"fish", "innov.fish"}};
  for (const auto& entry : files) {
    const std::string& shell =
        entry.first; // plain names: clang 14 lambdas (CAPTURE) cannot capture bindings
    const std::string& file = entry.second;
    CAPTURE(shell);
    auto r = run({"completion", shell});
    REQUIRE(r.code == 0);
    INFO("completions/" << file << " is out of date with the command tree; refresh it with:\n"
                        << "  innov completion " << shell << " > completions/" << file);
    CHECK(r.out == read(source_dir() / "completions" / file));
  }
}

TEST_CASE("completion: scripts are generated from the command tree")
{
  auto bash = run({"completion", "bash"}).out;
  CHECK(bash.find("\"report\") echo \"funnel value pipeline participation cycle-time regions "
                  "review challenges poc\"") != std::string::npos);
  CHECK(bash.find("\"report funnel|--format\") echo \"choices:text,markdown,csv,json,html\"") !=
        std::string::npos);
  CHECK(bash.find("\"qualify|--region\") echo \"@region\"") != std::string::npos);
  CHECK(bash.find("\"qualify\") kinds=(@id)") != std::string::npos);
  CHECK(bash.find("__complete") != std::string::npos);
  CHECK(bash.find("__man") == std::string::npos); // hidden commands are not offered
  auto zsh = run({"completion", "zsh"}).out;
  CHECK(zsh.starts_with("#compdef innov\n"));
  CHECK(zsh.find("_innov_cmd_report_cycle_time() {") != std::string::npos);
  CHECK(zsh.find(
            "'--decision=[go, reject, hold or needs-info]:decision:(go reject hold needs-info)'") !=
        std::string::npos);
  auto fish = run({"completion", "fish"}).out;
  CHECK(fish.find("complete -c innov -n '__innov_at \\'\\'' -a 'qualify'") != std::string::npos);
  CHECK(fish.find("-l expert -x -a '(__innov_dynamic expert)'") != std::string::npos);
  // --by of a decision names a deciding body, --member one of its members.
  CHECK(bash.find("\"generalize|--by\") echo \"@body\"") != std::string::npos);
  CHECK(bash.find("\"poc start|--member\") echo \"@person\"") != std::string::npos);
  CHECK(bash.find("\"idea like|--by\") echo \"@person\"") != std::string::npos);
  auto r = run({"completion", "tcsh"});
  CHECK(r.code == 2);
}

TEST_CASE("__complete: values from the portfolio, filtered by prefix")
{
  TempDir dir;
  copy_tree(base_fixture(), dir.path());
  auto p = dir.path().string();
  CHECK(run({"-C", p, "__complete", "id"}).out == "7d2hq4wz\nk3m9xa2q\n");
  CHECK(run({"-C", p, "__complete", "id", "k3"}).out == "k3m9xa2q\n");
  CHECK(run({"-C", p, "__complete", "region"}).out == "idf\nhdf\n");
  CHECK(run({"-C", p, "__complete", "theme", "num"}).out == "numerique\n");
  CHECK(run({"-C", p, "__complete", "challenge"}).out == "mobilite-2016\n");
  auto people = run({"-C", p, "__complete", "person"});
  CHECK(people.code == 0);
  CHECK(people.err == "");
  for (const char* who : {"agent-1\n", "agent-48213\n", "expert-hdf-2\n", "dr-hdf\n",
                          "comite-national-innovation\n"}) {
    CHECK(people.out.find(who) != std::string::npos);
  }
  CHECK(run({"-C", p, "__complete", "person", "exp"}).out == "expert-hdf-2\n");
  // Deciding bodies: without roles in innov.yaml, those the records' decisions name; with
  // roles, the declared ones (the example portfolio's).
  CHECK(run({"-C", p, "__complete", "body"}).out == "comite-national-innovation\n");
  auto bodies =
      run({"-C", example_portfolio().string(), "--no-cache", "__complete", "body", "dr-h"});
  CHECK(bodies.out == "dr-hdf\n");
  SUBCASE("outside a portfolio: nothing, silently")
  {
    TempDir empty;
    auto r = run({"-C", empty.path().string(), "__complete", "id"});
    CHECK(r.code == 0);
    CHECK(r.out == "");
    CHECK(r.err == "");
  }
  SUBCASE("an unknown kind is a usage error")
  {
    auto r = run({"-C", p, "__complete", "regoin"});
    CHECK(r.code == 2);
    CHECK(r.err.find("unknown kind 'regoin' (did you mean 'region'?)") != std::string::npos);
  }
  SUBCASE("hidden from --help")
  {
    auto help = run({"--help"}).out;
    CHECK(help.find("completion") != std::string::npos);
    CHECK(help.find("__complete") == std::string::npos);
    CHECK(help.find("__man") == std::string::npos);
  }
}

TEST_CASE("__man: a man page of every visible command")
{
  auto r = run({"__man"});
  REQUIRE(r.code == 0);
  CHECK(r.out.find(".TH INNOV 1 \"\" \"innov ") != std::string::npos);
  CHECK(r.out.find(".SH NAME\ninnov \\- govern an innovation portfolio") != std::string::npos);
  CHECK(r.out.find(".SS \"innov report funnel [OPTIONS] [QUERY...]\"") != std::string::npos);
  CHECK(r.out.find(".SS \"innov merge\\-file [OPTIONS] BASE OURS THEIRS [PATH]\"") !=
        std::string::npos);
  CHECK(r.out.find("\\fB\\-\\-format\\fR \\fItext|markdown|csv|json|html\\fR") !=
        std::string::npos);
  CHECK(r.out.find("__complete") == std::string::npos);
  CHECK(r.out.find("\n.SH EXIT STATUS\n") != std::string::npos);
}

TEST_CASE("schema --write: the schemas as files, by default where the editor settings look")
{
  TempDir dir;
  copy_tree(base_fixture(), dir.path());
  auto r = run({"-C", dir.path().string(), "schema", "--write"});
  CHECK(r.code == 0);
  for (const char* name : {"portfolio", "innovation", "challenge"}) {
    auto file = dir.path() / ".innov" / "schemas" / (std::string(name) + ".schema.json");
    CAPTURE(name);
    REQUIRE(fs::exists(file));
    CHECK(read(file) == run({"schema", name}).out);
  }
  SUBCASE("into a chosen folder, one schema")
  {
    auto out = dir.path() / "out";
    r = run({"schema", "innovation", "--write", out.string()});
    CHECK(r.code == 0);
    CHECK(r.out == "wrote " + (out / "innovation.schema.json").string() + "\n");
    CHECK(fs::exists(out / "innovation.schema.json"));
    CHECK_FALSE(fs::exists(out / "portfolio.schema.json"));
  }
  SUBCASE("an unknown schema")
  {
    r = run({"schema", "innovations", "--write", (dir.path() / "x").string()});
    CHECK(r.code == 2);
    CHECK(r.err.find("unknown schema 'innovations' (did you mean 'innovation'?)") !=
          std::string::npos);
    CHECK_FALSE(fs::exists(dir.path() / "x"));
  }
}
