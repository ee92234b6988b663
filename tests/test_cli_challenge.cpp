// innov challenge new|list|show|enter|award|close, validate of a challenge file and report
// challenges, through innov_main.
#include "tests/cli_portfolio.hpp"

#include <doctest/doctest.h>
#include <fstream>

using namespace innov;
using namespace innov::test;

namespace {

bool has(const std::string& text, const std::string& part)
{
  return text.find(part) != std::string::npos;
}

const char* k_mobilite = "challenges/mobilite-2016.yaml";

} // namespace

TEST_CASE("challenge new writes a valid file; list and show read it; --dry-run writes nothing")
{
  CliPortfolio p;
  auto r = p({"challenge",
              "new",
              "data-2016",
              "--title",
              "Challenge données",
              "--kind",
              "data",
              "--opened",
              "2016-02-01",
              "--partner",
              "CapDigital",
              "--dataset",
              "Offres 2015",
              "--jury",
              "agent-77",
              "--prize",
              "Incubation au Lab,days=15",
              "--prize",
              "Prix,amount=5000",
              "--dry-run"});
  CHECK(r.code == 0);
  CHECK(has(r.out, "+++ b/challenges/data-2016.yaml"));
  CHECK(has(r.out, "+prizes:\n+  - {name: Incubation au Lab, incubation_days: 15}\n"));
  CHECK(has(r.err, "dry run: created challenge data-2016 (nothing written)"));
  CHECK(!fs::exists(p.root() / "challenges/data-2016.yaml"));

  r = p({"challenge", "new", "data-2016", "--title", "Challenge données", "--kind", "data",
         "--opened", "2016-02-01", "--jury", "agent-77", "--prize", "Incubation au Lab,days=15",
         "--prize", "Prix,amount=5000"});
  CHECK(r.code == 0);
  CHECK(r.out == "created challenge data-2016\n");
  std::string text = read(p.root() / "challenges/data-2016.yaml");
  CHECK(text == "id: data-2016\ntitle: Challenge données\nkind: data\nopened: 2016-02-01\n"
                "jury: [agent-77]\nprizes:\n  - {name: Incubation au Lab, incubation_days: 15}\n"
                "  - {name: Prix, amount: 5000}\n");
  CHECK(p.valid());

  r = p({"challenge", "list"});
  CHECK(r.code == 0);
  CHECK(has(r.out, "data-2016"));
  CHECK(has(r.out, "mobilite-2016"));
  r = p({"challenge", "list", "--format", "csv"});
  CHECK(r.out.starts_with("id,kind,title,opened,closed,entries,winners,days_awarded\n"));
  CHECK(has(r.out, "data-2016,data,Challenge données,2016-02-01,,0,0,0\n"));
  r = p({"challenge", "show", "data-2016", "--format", "json"});
  CHECK(r.code == 0);
  CHECK(has(r.out, "\"jury\": [\n    \"agent-77\"\n  ]"));
  CHECK(has(r.out, "\"amount\": 5000"));

  SUBCASE("refusals")
  {
    r = p({"challenge", "new", "data-2016", "--title", "Encore", "--kind", "data"});
    CHECK(r.code == 2);
    CHECK(has(r.err, "challenge 'data-2016' already exists"));
    r = p({"challenge", "new", "Data 2016", "--title", "X", "--kind", "data"});
    CHECK(r.code == 2);
    CHECK(has(r.err, "'Data 2016' is not a challenge id"));
    r = p({"challenge", "new", "x-2016", "--title", "X", "--kind", "bake-off"});
    CHECK(r.code == 2);
    r = p({"challenge", "new", "x-2016", "--title", "X", "--kind", "data", "--prize", ",days=3"});
    CHECK(r.code == 2);
    CHECK(has(r.err, "has no name"));
    r = p({"challenge", "new", "x-2016", "--title", "X", "--kind", "data", "--at", "2016-01-01"});
    CHECK(r.code == 2);
    CHECK(has(r.err, "challenge new does not record --at"));
    r = p({"challenge", "show", "data-2061"});
    CHECK(r.code == 2);
    CHECK(has(r.err, "unknown challenge 'data-2061' (did you mean 'data-2016'?)"));
    CHECK(!fs::exists(p.root() / "challenges/x-2016.yaml"));
  }
}

TEST_CASE("challenge enter: a team in the challenge's entries, a record by its challenge field")
{
  CliPortfolio p;
  std::string before = read(p.root() / k_mobilite);
  auto r = p({"challenge", "enter", "mobilite-2016", "--team", "TalentMap", "--dry-run"});
  CHECK(r.code == 0);
  CHECK(has(r.out, "+  - {team: TalentMap, at: 2016-06-01T09:00:00Z, by: agent-5}"));
  CHECK(read(p.root() / k_mobilite) == before);

  r = p({"challenge", "enter", "mobilite-2016", "--team", "TalentMap", "--member", "A. Martin",
         "--at", "2016-02-01", "--by", "agent-77"});
  CHECK(r.code == 0);
  CHECK(r.out == "entered team TalentMap in challenge mobilite-2016\n");
  CHECK(has(read(p.root() / k_mobilite),
            "entries:\n  - {team: TalentMap, members: [A. Martin], at: 2016-02-01, by: agent-77}"));

  auto id = p.new_idea();
  r = p({"challenge", "enter", "mobilite-2016", "--record", id.substr(0, 5), "--by", "agent-9"});
  CHECK(r.code == 0);
  CHECK(r.out == "entered " + id + " in challenge mobilite-2016\n");
  CHECK(p.record(id).challenge == "mobilite-2016");
  CHECK(has(p.text(id),
            "edits:\n  - at: 2016-06-01T09:00:00Z\n    by: agent-9\n    fields: [challenge]\n"));
  // A record deposited with --challenge is an entry as well.
  auto other = p.new_idea({"--challenge", "mobilite-2016"});
  CHECK(p.valid());

  r = p({"challenge", "show", "mobilite-2016"});
  CHECK(r.code == 0);
  CHECK(has(r.out, "entries (3)\n  team TalentMap  2016-02-01 by agent-77\n"));
  CHECK(has(r.out, "  record " + id + "  2016-06-01 by agent-5"));
  CHECK(has(r.out, "  record " + other + "  2016-06-01 by agent-5"));

  SUBCASE("refusals")
  {
    std::string now = read(p.root() / k_mobilite);
    r = p({"challenge", "enter", "mobilite-2016", "--team", "talentmap"});
    CHECK(r.code == 2);
    CHECK(has(r.err, "team 'TalentMap' has already entered challenge 'mobilite-2016'"));
    r = p({"challenge", "enter", "mobilite-2016", "--record", id});
    CHECK(r.code == 2);
    CHECK(has(r.err, id + " has already entered challenge 'mobilite-2016'"));
    r = p({"challenge", "enter", "mobilite-2016", "--team", "Early", "--at", "2015-12-01"});
    CHECK(r.code == 2);
    CHECK(has(r.err, "challenge 'mobilite-2016' opened on 2016-01-10"));
    r = p({"challenge", "enter", "mobilite-2061", "--team", "X"});
    CHECK(r.code == 2);
    CHECK(has(r.err, "unknown challenge 'mobilite-2061'"));
    r = p({"challenge", "enter", "mobilite-2016", "--record", "zzzz9999"});
    CHECK(r.code == 2);
    CHECK(has(r.err, "no record 'zzzz9999'"));
    r = p({"challenge", "enter", "mobilite-2016"});
    CHECK(r.code == 2);
    CHECK(has(r.err, "give --record RID or --team NAME"));
    CHECK(read(p.root() / k_mobilite) == now);
  }
}

TEST_CASE("challenge award: to an entry, the prize's days by default; close ends awards")
{
  CliPortfolio p;
  REQUIRE(p({"challenge", "new", "data-2016", "--title", "Données", "--kind", "data", "--opened",
             "2016-02-01", "--prize", "Incubation au Lab,days=15", "--prize", "Prix,amount=5000"})
              .code == 0);
  const std::string file = "challenges/data-2016.yaml";
  REQUIRE(
      p({"challenge", "enter", "data-2016", "--team", "TalentMap", "--at", "2016-02-10"}).code ==
      0);
  auto id = p.new_idea();
  REQUIRE(p({"challenge", "enter", "data-2016", "--record", id}).code == 0);

  auto r = p({"challenge", "award", "data-2016", "--record", id, "--prize", "Incubation au Lab",
              "--at", "2016-06-20", "--by", "jury-1"});
  CHECK(r.code == 0);
  CHECK(r.out == "awarded 'Incubation au Lab' to " + id + " in challenge data-2016\n");
  CHECK(has(read(p.root() / file), "winners:\n  - record: " + id +
                                       "\n    prize: Incubation au Lab\n    incubation_days: 15\n"
                                       "    at: 2016-06-20\n    by: jury-1\n"));
  r = p({"challenge", "award", "data-2016", "--team", "talentmap", "--prize", "Prix", "--amount",
         "3000", "--at", "2016-06-21"});
  CHECK(r.code == 0);
  CHECK(has(read(p.root() / file), "  - team: TalentMap\n    prize: Prix\n    incubation_days: 0\n"
                                   "    amount: 3000\n"));
  CHECK(p.valid());

  SUBCASE("refusals before closing")
  {
    std::string now = read(p.root() / file);
    r = p({"challenge", "award", "data-2016", "--team", "Inconnus", "--prize", "Prix"});
    CHECK(r.code == 2);
    CHECK(has(r.err, "team 'Inconnus' is not an entry of challenge 'data-2016'"));
    CHECK(has(r.err, "hint: enter it first: innov challenge enter data-2016 --team 'Inconnus'"));
    auto outsider = p.new_idea();
    r = p({"challenge", "award", "data-2016", "--record", outsider, "--prize", "Prix"});
    CHECK(r.code == 2);
    CHECK(has(r.err, "record " + outsider + " is not an entry of challenge 'data-2016'"));
    r = p({"challenge", "award", "data-2016", "--record", id, "--prize", "Incubation au Lab"});
    CHECK(r.code == 2);
    CHECK(has(r.err, "has already won 'Incubation au Lab'"));
    r = p({"challenge", "award", "data-2016", "--record", id, "--prize", "Prixx"});
    CHECK(r.code == 2);
    CHECK(has(r.err, "offers no prize 'Prixx' (did you mean 'Prix'?)"));
    CHECK(read(p.root() / file) == now);
  }
  SUBCASE("close: once, not before opening; then no entry and no award")
  {
    r = p({"challenge", "close", "data-2016", "--at", "2016-01-01"});
    CHECK(r.code == 2);
    CHECK(has(r.err, "it opened on 2016-02-01"));
    // Closing before an award already made is what validate refuses (E087).
    r = p({"challenge", "close", "data-2016", "--at", "2016-06-01"});
    CHECK(r.code == 1);
    CHECK(has(r.err, "E087"));
    r = p(
        {"challenge", "close", "data-2016", "--at", "2016-06-30", "--by", "direction-innovation"});
    CHECK(r.code == 0);
    CHECK(r.out == "closed challenge data-2016 on 2016-06-30\n");
    CHECK(has(read(p.root() / file), "closed: 2016-06-30\nclosed_by: direction-innovation\n"));
    std::string now = read(p.root() / file);
    r = p({"challenge", "close", "data-2016"});
    CHECK(r.code == 2);
    CHECK(has(r.err, "challenge 'data-2016' is already closed (on 2016-06-30)"));
    r = p({"challenge", "enter", "data-2016", "--team", "Tard", "--at", "2016-07-01"});
    CHECK(r.code == 2);
    CHECK(has(r.err, "challenge 'data-2016' closed on 2016-06-30"));
    r = p({"challenge", "award", "data-2016", "--team", "TalentMap", "--prize", "Incubation au Lab",
           "--at", "2016-07-01"});
    CHECK(r.code == 2);
    CHECK(has(r.err, "closed on 2016-06-30"));
    CHECK(read(p.root() / file) == now);
    CHECK(p.valid());
  }
}

TEST_CASE("validate FILE checks a challenge file, with file:line:col")
{
  CliPortfolio p;
  auto r = p({"validate", (p.root() / k_mobilite).string()});
  CHECK(r.code == 0);
  CHECK(r.out == "1 file, 0 records: 0 errors, 0 warnings\n");
  std::ofstream(p.root() / k_mobilite)
      << ("id: mobilite-2016\ntitle: Challenge\nkind: data\nopened: 2016-01-10\nentries:\n"
          "  - {team: A, at: 2015-12-01, by: agent-5}\nwinners:\n  - team: B\n    prize: X\n");
  r = p({"validate", (p.root() / k_mobilite).string()});
  CHECK(r.code == 1);
  CHECK(has(r.err, "challenges/mobilite-2016.yaml:6:19: error[E087]"));
  CHECK(has(r.err, "challenges/mobilite-2016.yaml:8:11: error[E088]"));
  CHECK(has(r.out, "1 file, 0 records: 2 errors"));
}

TEST_CASE("report challenges in the five formats")
{
  CliPortfolio p;
  REQUIRE(p({"challenge", "enter", "mobilite-2016", "--team", "TalentMap"}).code == 0);
  auto id = p.new_idea({"--challenge", "mobilite-2016"});
  p.qualify(id);
  auto r = p({"report", "challenges", "--format", "csv", "--no-meta"});
  CHECK(r.code == 0);
  const std::string row = "challenges,mobilite-2016 | data | 2016-01-10,";
  CHECK(has(r.out, row + "entries,2\n"));
  CHECK(has(r.out, row + "records,1\n"));
  CHECK(has(r.out, row + "teams,1\n"));
  CHECK(has(r.out, row + "qualified,1\n"));
  CHECK(has(r.out, row + "pocs,0\n"));
  for (const char* f : {"text", "markdown", "html", "json"}) {
    CAPTURE(f);
    r = p({"report", "challenges", "--format", f});
    CHECK(r.code == 0);
    CHECK(has(r.out, "mobilite-2016"));
  }
  // Before the team entered and the record was deposited: nothing.
  r = p({"report", "challenges", "--format", "csv", "--no-meta", "--as-of", "2016-05-31"});
  CHECK(has(r.out, row + "entries,0\n"));
  CHECK(has(r.out, row + "qualified,0\n"));
}

TEST_CASE("challenge without a subcommand is a usage error; innov sql reads the awards and teams")
{
  CliPortfolio p;
  auto r = p({"challenge"});
  CHECK(r.code == 2);
  CHECK(has(r.err, "A subcommand is required"));
  REQUIRE(p({"challenge", "enter", "mobilite-2016", "--team", "TalentMap", "--member", "A",
             "--member", "B", "--at", "2016-02-01"})
              .code == 0);
  REQUIRE(p({"challenge", "award", "mobilite-2016", "--team", "TalentMap", "--prize", "Prix",
             "--amount", "1500", "--at", "2016-03-01", "--by", "jury-1"})
              .code == 0);
  r = p({"sql", "SELECT team, members, at FROM challenge_teams", "--format", "csv"});
  CHECK(r.code == 0);
  CHECK(r.out == "team,members,at\nTalentMap,\"A,B\",2016-02-01\n");
  r = p({"sql", "SELECT team, prize, amount, at, by FROM winners", "--format", "csv"});
  CHECK(r.code == 0);
  CHECK(r.out == "team,prize,amount,at,by\nTalentMap,Prix,1500,2016-03-01,jury-1\n");
}

TEST_CASE("validate: a winner's record must have entered the challenge (E088)")
{
  CliPortfolio p;
  auto id = p.new_idea();
  std::ofstream(p.root() / k_mobilite)
      << ("id: mobilite-2016\ntitle: Challenge\nkind: data\nopened: 2016-01-10\nwinners:\n"
          "  - record: " +
          id + "\n    prize: Incubation\n    incubation_days: 15\n");
  auto r = p({"validate"});
  CHECK(r.code == 1);
  CHECK(has(r.err, "error[E088]: a winner names record " + id +
                       ", which did not enter the challenge (its challenge is '')"));
  CHECK(has(r.err, "hint: enter it first: innov challenge enter mobilite-2016 --record " + id));
  REQUIRE(p({"challenge", "enter", "mobilite-2016", "--record", id}).code == 0);
  CHECK(p.valid());
}
