// innov migrate and the format of innov.yaml: format 1 read, its mutations refused, the migration
// (dry run, idempotent), and a newer format refused with E051.
#include "tests/cli_portfolio.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <fstream>

using namespace innov;
using namespace innov::test;

namespace {

void write_text(const fs::path& p, const std::string& text)
{
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

// The portfolio of p turned back into format 1, with one format-1 record.
std::string make_format1(const CliPortfolio& p)
{
  std::string config = read(p.root() / "innov.yaml");
  auto at = config.find("format: 2\n");
  REQUIRE(at != std::string::npos);
  config.erase(at, 10);
  write_text(p.root() / "innov.yaml", config);
  write_text(p.root() / "innovations/2016/k3m9xa2q.yaml",
             "id: k3m9xa2q\nkind: idea\ntitle: Atelier CV vidéo\nauthor: agent-48213\n"
             "region: idf\nsource: internal\ncreated: 2016-03-02\nstatus: submitted\n"
             "likes: [agent-1, agent-77]\n"
             "history:\n  - {at: 2016-03-02, by: agent-48213, to: submitted}\n");
  return "k3m9xa2q";
}

} // namespace

TEST_CASE("migrate: format 1 is read, refused for mutations, migrated once")
{
  CliPortfolio p;
  auto id = make_format1(p);
  CHECK(p.valid());
  CHECK(p({"idea", "list"}).out.find(id) != std::string::npos);
  auto r = p({"idea", "like", id, "--by", "agent-9"});
  CHECK(r.code == 1);
  CHECK(r.err.starts_with("innov: error: format 1: run innov migrate\n"));
  r = p({"idea", "new", "--title", "Autre", "--region", "idf"});
  CHECK(r.code == 1);

  std::string before = p.text(id);
  std::string config = read(p.root() / "innov.yaml");
  r = p({"migrate", "--dry-run"});
  CHECK(r.code == 0);
  CHECK(r.out.find("innovations/2016/k3m9xa2q.yaml: 2 likes dated (2 from creation date)\n") !=
        std::string::npos);
  CHECK(r.out.find("innov.yaml: format 1 -> 2\n") != std::string::npos);
  CHECK(r.out.find("would migrate 2 files to format 2") != std::string::npos);
  CHECK(p.text(id) == before);
  CHECK(read(p.root() / "innov.yaml") == config);
  r = p({"migrate", "--dry-run", "--diff"});
  CHECK(r.out.find("-likes: [agent-1, agent-77]\n+likes:\n+  - {by: agent-1, at: 2016-03-02}\n") !=
        std::string::npos);

  // The editor's schemas of 'innov init' are still those of format 1.
  write_text(p.root() / ".innov/schemas/innovation.schema.json", "{\"title\": \"format 1\"}\n");
  r = p({"migrate"});
  CHECK(r.code == 0);
  CHECK(r.out.find("migrated 2 files to format 2") != std::string::npos);
  CHECK(r.out.find(".innov/schemas: rewrote 3 editor schemas in format 2\n") != std::string::npos);
  CHECK(read(p.root() / ".innov/schemas/innovation.schema.json") ==
        p({"schema", "innovation"}).out);
  CHECK(p.text(id).find("likes:\n  - {by: agent-1, at: 2016-03-02}\n  - {by: agent-77, at: "
                        "2016-03-02}\n") != std::string::npos);
  CHECK(read(p.root() / "innov.yaml").find("\nformat: 2\n") != std::string::npos);
  CHECK(p.valid());
  std::string after = p.text(id);
  r = p({"migrate"});
  CHECK(r.out == "nothing to migrate: the portfolio is in format 2\n");
  CHECK(p.text(id) == after);
  CHECK(p({"idea", "like", id, "--by", "agent-9", "--at", "2016-04-01"}).code == 0);
}

TEST_CASE("migrate refuses --at and --by: it records neither")
{
  CliPortfolio p;
  auto r = p({"migrate", "--at", "2016-01-01"});
  CHECK(r.code == 2);
  CHECK(r.err.find("migrate does not record --at") != std::string::npos);
}

TEST_CASE("a format newer than innov reads is E051 at its position")
{
  CliPortfolio p;
  std::string config = read(p.root() / "innov.yaml");
  auto at = config.find("format: 2\n");
  REQUIRE(at != std::string::npos);
  config.replace(at, 10, "format: 3\n");
  write_text(p.root() / "innov.yaml", config);
  std::size_t line =
      1 + static_cast<std::size_t>(std::count(config.begin(), config.begin() + at, '\n'));
  auto r = p({"validate"});
  CHECK(r.code == 1);
  CHECK(r.err.find("innov.yaml:" + std::to_string(line) +
                   ":9: error[E051]: format '3' is newer "
                   "than this innov reads (formats 1 to 2): upgrade innov") != std::string::npos);
  r = p({"report", "funnel"});
  CHECK(r.code == 1);
  CHECK(r.err.find("upgrade innov") != std::string::npos);
}
