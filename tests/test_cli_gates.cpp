// Gate rules that are never vacuously true, POC format bounds, unique realized value, and --at and
// --by recorded or refused by every mutating command, through innov_main.
#include "lib/util/date.hpp"
#include "lib/util/text.hpp"
#include "tests/cli_portfolio.hpp"

#include <doctest/doctest.h>
#include <fstream>
#include <functional>
#include <map>
#include <set>

using namespace innov;
using namespace innov::test;

namespace {

void write_file(const fs::path& path, const std::string& text)
{
  std::ofstream(path, std::ios::binary) << text;
}

// A record at poc-done whose POC has KPIs but none of them must-meet; everything else passes.
std::string done_without_must(const CliPortfolio& p)
{
  auto id = p.new_idea();
  p.qualify(id);
  REQUIRE(p({"poc", "plan", id, "--format", "demonstrator", "--territory", "agence-lille",
             "--territory", "agence-roubaix", "--start", "2016-07-01", "--end", "2016-12-31",
             "--kpi", "placement_rate:Taux:percent:up:38:45"})
              .code == 0);
  p.start(id);
  REQUIRE(p({"poc", "measure", id, "--kpi", "placement_rate=49"}).code == 0);
  REQUIRE(p({"poc", "close", id, "--outcome", "success", "--at", "2016-12-20"}).code == 0);
  return id;
}

std::vector<std::string> decide(const std::string& id, const std::string& decision,
                                std::vector<std::string> more = {})
{
  std::vector<std::string> a = {"generalize",      id,     "--decision", decision, "--by",
                                "comite-national", "--at", "2017-01-10"};
  a.insert(a.end(), more.begin(), more.end());
  return a;
}

std::vector<std::string> realize(const std::string& id, const std::string& amount,
                                 std::vector<std::string> more = {})
{
  std::vector<std::string> a = {"generalize", "realize",     id,         "--period", "2017-Q3",
                                "--metric",   "hours_saved", "--amount", amount};
  a.insert(a.end(), more.begin(), more.end());
  return a;
}

} // namespace

TEST_CASE("gate: a POC without a must-meet KPI fails the must-KPI rule")
{
  CliPortfolio p;
  auto id = done_without_must(p);
  auto r = p({"generalize", "check", id});
  CHECK(r.code == 1);
  CHECK(r.out.find("  FAIL every must-meet KPI reaches its target       POC 'p1' has no must-meet "
                   "KPI\n") != std::string::npos);
  CHECK(r.out.ends_with("the gate is not met\nhint: mark a KPI must: 'must: true' on a KPI of the "
                        "POC in the record, or ':must' at the end of --kpi when planning a POC\n"));
  r = p({"generalize", "check", id, "--format", "json"});
  CHECK(r.out.find("\"evidence\": \"POC 'p1' has no must-meet KPI\",\n      \"hint\": \"mark a "
                   "KPI must:") != std::string::npos);
  std::string before = p.text(id);
  r = p(decide(id, "go"));
  CHECK(r.code == 1);
  CHECK(r.err == "innov: error: the generalization gate is not met for '" + id +
                     "': every must-meet KPI reaches its target (POC 'p1' has no must-meet "
                     "KPI)\nhint: mark a KPI must: 'must: true' on a KPI of the POC in the record, "
                     "or ':must' at the end of --kpi when planning a POC; see 'innov generalize "
                     "check " +
                     id + "', or go anyway with --override REASON\n");
  CHECK(p.text(id) == before);
}

TEST_CASE("gate: a qualification below min_score does not count")
{
  CliPortfolio p;
  auto id = p.done_idea(); // expert-idf-1 said go with 4.00 everywhere
  REQUIRE(p({"generalize", "check", id}).code == 0);
  // The committee raises the bar: the only go on record is now below it.
  std::string config = read(p.root() / "innov.yaml");
  auto at = config.find("min_score: 3.0");
  REQUIRE(at != std::string::npos);
  config.replace(at, 14, "min_score: 4.5");
  write_file(p.root() / "innov.yaml", config);
  auto r = p({"generalize", "check", id});
  CHECK(r.code == 1);
  CHECK(r.out.find("  FAIL the qualification gate is met                go from expert-idf-1 "
                   "(4.00); missing a mean weighted score of at least 4.5 (now 4.00)\n") !=
        std::string::npos);
  r = p(decide(id, "go"));
  CHECK(r.code == 1);
  CHECK(r.err.find("the qualification gate is met (go from expert-idf-1 (4.00); missing a mean "
                   "weighted score of at least 4.5 (now 4.00))") != std::string::npos);
}

TEST_CASE("gate: kill, hold and recycle take no --wave and no --projected (exit 2)")
{
  CliPortfolio p;
  auto id = p.done_idea();
  std::string before = p.text(id);
  auto r = p(decide(id, "kill", {"--wave", "idf:2017-03-01"}));
  CHECK(r.code == 2);
  CHECK(r.err == "innov: error: a kill decision takes no --wave: roll-out waves and projected "
                 "value belong to a go\nhint: leave out --wave and --projected, or decide go\n");
  r = p(decide(id, "hold", {"--projected", "hours_saved=1000/year"}));
  CHECK(r.code == 2);
  CHECK(r.err.starts_with("innov: error: a hold decision takes no --projected:"));
  r = p(decide(id, "recycle", {"--wave", "idf:2017-03-01"}));
  CHECK(r.code == 2);
  CHECK(p.text(id) == before);
  CHECK(p(decide(id, "hold")).code == 0);
}

TEST_CASE("poc formats: duration bounds checked by plan and close")
{
  CliPortfolio p;
  auto id = p.new_idea();
  p.qualify(id);
  std::string before = p.text(id);
  auto lab = [&](const std::string& start, const std::string& end) {
    return p({"poc", "plan", id, "--format", "lab-sprint", "--territory", "lab-paris", "--start",
              start, "--end", end, "--kpi", "satisfaction:Satisfaction:score:up:0:4:must"});
  };
  auto r = lab("2016-07-01", "2016-09-19"); // 80 days
  CHECK(r.code == 1);
  CHECK(r.err == "innov: error: POC 'p1' planned 2016-07-01 to 2016-09-19: a lab-sprint lasts at "
                 "most 3 days (poc_formats in innov.yaml); this one lasts 80\nhint: change the "
                 "dates, or the bounds of 'lab-sprint' under poc_formats in innov.yaml\n");
  CHECK(p.text(id) == before);
  r = lab("2016-07-01", "2016-07-01");
  CHECK(r.code == 1);
  CHECK(r.err.find("a lab-sprint lasts at least 1 day (poc_formats in innov.yaml); this one lasts "
                   "0") != std::string::npos);
  r = p({"poc", "plan", id, "--format", "acceleration", "--territory", "a", "--start", "2016-07-01",
         "--end", "2016-08-01"});
  CHECK(r.code == 1);
  CHECK(r.err.find("an acceleration lasts at least 56 days (poc_formats in innov.yaml); this one "
                   "lasts 31") != std::string::npos);

  SUBCASE("innov.yaml sets the bounds")
  {
    std::string config = read(p.root() / "innov.yaml");
    write_file(p.root() / "innov.yaml",
               config + "poc_formats:\n  lab-sprint: {max_days: 90}\n  demonstrator: {max_days: "
                        "30}\n");
    CHECK(lab("2016-07-01", "2016-09-19").code == 0);
    CHECK(p.valid());
    auto other = p.new_idea();
    p.qualify(other);
    r = p({"poc", "plan", other, "--format", "demonstrator", "--territory", "a", "--start",
           "2016-07-01", "--end", "2016-12-31"});
    CHECK(r.code == 1);
    CHECK(r.err.find("a demonstrator lasts at most 30 days") != std::string::npos);
  }
  SUBCASE("close checks the run, started to ended")
  {
    REQUIRE(lab("2016-07-04", "2016-07-06").code == 0);
    REQUIRE(p({"poc", "start", id, "--at", "2016-07-04"}).code == 0);
    before = p.text(id);
    r = p({"poc", "close", id, "--outcome", "success", "--at", "2016-07-20"});
    CHECK(r.code == 1);
    CHECK(
        r.err.starts_with("innov: error: POC 'p1' ran 2016-07-04 to 2016-07-20: a lab-sprint "
                          "lasts at most 3 days (poc_formats in innov.yaml); this one lasts 16\n"));
    CHECK(p.text(id) == before);
    CHECK(p({"poc", "close", id, "--outcome", "success", "--at", "2016-07-06"}).code == 0);
    CHECK(p.valid());
  }
  SUBCASE("validate flags a hand-edited POC (E050)")
  {
    REQUIRE(lab("2016-07-04", "2016-07-06").code == 0);
    std::string text = p.text(id);
    auto at = text.find("end: 2016-07-06");
    REQUIRE(at != std::string::npos);
    text.replace(at, 15, "end: 2016-09-22");
    write_file(p.file(id), text);
    r = p({"validate"});
    CHECK(r.code == 1);
    CHECK(r.err.find(": error[E050]: POC 'p1' planned 2016-07-04 to 2016-09-22: a lab-sprint lasts "
                     "at most 3 days (poc_formats in innov.yaml); this one lasts 80") !=
          std::string::npos);
  }
}

TEST_CASE("generalize realize: one value per period, metric and region")
{
  CliPortfolio p;
  auto id = p.done_idea();
  REQUIRE(p(decide(id, "go", {"--scope", "idf", "--scope", "hdf"})).code == 0);
  REQUIRE(p(realize(id, "41000", {"--region", "idf"})).code == 0);
  std::string before = p.text(id);
  auto r = p(realize(id, "42500", {"--region", "idf"}));
  CHECK(r.code == 1);
  CHECK(r.err == "innov: error: '" + id +
                     "' already has realized value for period 2017-Q3, metric hours_saved, region "
                     "idf: 41000\nhint: give --replace to replace it, or another period, metric or "
                     "region\n");
  CHECK(p.text(id) == before);
  r = p(realize(id, "42500", {"--region", "idf", "--replace"}));
  CHECK(r.code == 0);
  CHECK(r.out == id + ": realized 42500 hours_saved in 2017-Q3, replacing 41000\n");
  // The entry keeps the day it was recorded (today, without --at).
  CHECK(p.text(id).find("realized:\n  - {period: 2017-Q3, metric: hours_saved, amount: 42500, "
                        "region: idf, at: " +
                        util::format_date(util::today()) + ", by: agent-5}\nhistory:") !=
        std::string::npos);
  // Another region, or none, is another key.
  CHECK(p(realize(id, "900", {"--region", "hdf"})).code == 0);
  CHECK(p(realize(id, "100")).code == 0);
  CHECK(p(realize(id, "100")).code == 1);
  CHECK(p.record(id).realized.size() == 3);
  // A region outside the go's scope, as roll-out refuses it.
  before = p.text(id);
  r = p(realize(id, "5", {"--region", "ara"}));
  CHECK(r.code == 1);
  CHECK(r.err == "innov: error: region 'ara' is outside the scope of the go decision on '" + id +
                     "' (idf, hdf)\n");
  CHECK(p.text(id) == before);
  CHECK(p.valid());

  SUBCASE("a national scope admits every region")
  {
    auto national = p.done_idea();
    REQUIRE(p(decide(national, "go")).code == 0);
    CHECK(p(realize(national, "5", {"--region", "ara"})).code == 0);
  }
  SUBCASE("validate flags a duplicate written by hand (E049)")
  {
    std::string text = p.text(id);
    auto at = text.find("  - {period: 2017-Q3, metric: hours_saved, amount: 900, region: hdf,");
    REQUIRE(at != std::string::npos);
    text.replace(at, 68, "  - {period: 2017-Q3, metric: hours_saved, amount: 900, region: idf,");
    write_file(p.file(id), text);
    r = p({"validate"});
    CHECK(r.code == 1);
    CAPTURE(r.err);
    CHECK(r.err.find(":48:5: error[E049]: realized value for period 2017-Q3, metric hours_saved, "
                     "region idf is on record twice") != std::string::npos);
  }
}

TEST_CASE("generalize rollout: --done defaults to the date of --at")
{
  CliPortfolio p;
  auto id = p.done_idea();
  REQUIRE(p(decide(id, "go", {"--scope", "idf", "--scope", "hdf"})).code == 0);
  auto r = p({"generalize", "rollout", id, "--region", "idf", "--at", "2017-03-15T10:00:00Z"});
  CHECK(r.code == 0);
  CHECK(r.out == "rolled out " + id + " in idf on 2017-03-15\n");
  CHECK(p.text(id).find("      - {region: idf, planned: 2017-03-15, done: 2017-03-15, done_by: "
                        "agent-5}\n") != std::string::npos);
  std::string before = p.text(id);
  r = p({"generalize", "rollout", id, "--region", "hdf", "--done", "2017-04-01", "--at",
         "2017-04-02"});
  CHECK(r.code == 2);
  CHECK(r.err == "innov: error: --done 2017-04-01 and --at 2017-04-02 name different days\nhint: "
                 "give one of them: --done is the date written, --at its default\n");
  CHECK(p.text(id) == before);
  // --by: the body recording it (innov.yaml declares no bodies here: kept, with a warning).
  r = p({"generalize", "rollout", id, "--region", "hdf", "--by", "dr-hdf", "--done", "2017-04-20"});
  CHECK(r.code == 0);
  CHECK(p.text(id).find("      - {region: hdf, planned: 2017-04-20, done: 2017-04-20, done_by: "
                        "dr-hdf}\n") != std::string::npos);
  before = p.text(id);
  // Without either, today (INNOV_NOW).
  setenv("INNOV_NOW", "2017-05-02T09:00:00Z", 1);
  CHECK(p({"generalize", "rollout", id, "--region", "hdf"}).out ==
        "rolled out " + id + " in hdf on 2017-05-02\n");
  CHECK(p.text(id) != before);
}

TEST_CASE("every mutating command records --at and --by, or refuses them")
{
  // How to run each command on a portfolio: the arguments, given a fresh portfolio. `pending_at`:
  // --at is accepted and not yet written (none left since format 2 dates likes and measurements).
  struct Command {
    std::function<std::vector<std::string>(const CliPortfolio&, std::string& id)> args;
    bool pending_at = false;
    bool pending_by = false;
    bool by_removes = false;   // unlike: --by is recorded by taking that person's like away
    bool in_challenge = false; // written to challenges/mobilite-2016.yaml, not to a record
  };
  auto qualified = [](const CliPortfolio& p) {
    auto id = p.new_idea();
    p.qualify(id);
    return id;
  };
  auto running = [qualified](const CliPortfolio& p) {
    auto id = qualified(p);
    p.plan(id);
    p.start(id);
    return id;
  };
  auto generalized = [](const CliPortfolio& p) {
    auto id = p.done_idea();
    REQUIRE(p(decide(id, "go", {"--scope", "idf"})).code == 0);
    return id;
  };
  const std::map<std::string, Command> commands = {
      {"idea new", {[](const CliPortfolio&, std::string&) {
         return std::vector<std::string>{"idea", "new", "--title", "Sonde", "--region", "idf"};
       }}},
      {"idea edit", {[](const CliPortfolio& p, std::string& id) {
         id = p.new_idea();
         return std::vector<std::string>{"idea", "edit", id, "--set", "summary=Autre"};
       }}},
      {"idea comment", {[](const CliPortfolio& p, std::string& id) {
         id = p.new_idea();
         return std::vector<std::string>{"idea", "comment", id, "--text", "Bien"};
       }}},
      {"idea like", {[](const CliPortfolio& p, std::string& id) {
         id = p.new_idea();
         return std::vector<std::string>{"idea", "like", id};
       }}},
      {"idea unlike",
       {[](const CliPortfolio& p, std::string& id) {
          id = p.new_idea();
          REQUIRE(p({"idea", "like", id, "--by", "agent-777"}).code == 0);
          return std::vector<std::string>{"idea", "unlike", id};
        },
        false, false, true}},
      {"idea merge", {[](const CliPortfolio& p, std::string& id) {
         id = p.new_idea();
         return std::vector<std::string>{"idea", "merge", id, "--into", p.new_idea()};
       }}},
      {"idea link", {[](const CliPortfolio& p, std::string& id) {
         id = p.new_idea();
         return std::vector<std::string>{"idea",       "link",  id,       "--to",
                                         p.new_idea(), "--rel", "related"};
       }}},
      {"idea unlink", {[](const CliPortfolio& p, std::string& id) {
         id = p.new_idea();
         auto other = p.new_idea();
         REQUIRE(p({"idea", "link", id, "--to", other, "--rel", "related"}).code == 0);
         return std::vector<std::string>{"idea", "unlink", id, "--to", other};
       }}},
      {"idea withdraw", {[](const CliPortfolio& p, std::string& id) {
         id = p.new_idea();
         return std::vector<std::string>{"idea", "withdraw", id};
       }}},
      {"qualify", {[](const CliPortfolio& p, std::string& id) {
         id = p.new_idea();
         std::vector<std::string> a = {"qualify",  id,    "--expert",   "expert-idf-1",
                                       "--region", "idf", "--decision", "go"};
         auto s = CliPortfolio::scores();
         a.insert(a.end(), s.begin(), s.end());
         return a;
       }}},
      {"assign", {[](const CliPortfolio& p, std::string& id) {
         id = p.new_idea();
         return std::vector<std::string>{"assign", id, "--expert", "expert-idf-1"};
       }}},
      {"poc plan", {[qualified](const CliPortfolio& p, std::string& id) {
         id = qualified(p);
         return std::vector<std::string>{"poc",          "plan",        id,          "--format",
                                         "demonstrator", "--territory", "a",         "--start",
                                         "2016-07-01",   "--end",       "2016-12-31"};
       }}},
      {"poc start", {[qualified](const CliPortfolio& p, std::string& id) {
         id = qualified(p);
         p.plan(id);
         return std::vector<std::string>{"poc", "start", id};
       }}},
      {"poc measure", {[running](const CliPortfolio& p, std::string& id) {
         id = running(p);
         return std::vector<std::string>{"poc", "measure", id, "--kpi", "placement_rate=40"};
       }}},
      {"poc spend", {[running](const CliPortfolio& p, std::string& id) {
         id = running(p);
         return std::vector<std::string>{"poc", "spend", id, "--amount", "1200"};
       }}},
      {"migrate", {[](const CliPortfolio& p, std::string& id) {
         id = p.new_idea();
         return std::vector<std::string>{"migrate"};
       }}},
      {"poc close", {[running](const CliPortfolio& p, std::string& id) {
         id = running(p);
         return std::vector<std::string>{"poc", "close", id, "--outcome", "failure"};
       }}},
      {"generalize", {[](const CliPortfolio& p, std::string& id) {
         id = p.done_idea();
         return std::vector<std::string>{"generalize", id, "--decision", "go"};
       }}},
      {"generalize rollout", {[generalized](const CliPortfolio& p, std::string& id) {
         id = generalized(p);
         return std::vector<std::string>{"generalize", "rollout", id, "--region", "idf"};
       }}},
      {"challenge new",
       {[](const CliPortfolio&, std::string&) {
          return std::vector<std::string>{"challenge", "new",    "data-2017", "--title",
                                          "Données",   "--kind", "data"};
        },
        false, false, false, true}},
      {"challenge enter",
       {[](const CliPortfolio&, std::string&) {
          return std::vector<std::string>{"challenge", "enter", "mobilite-2016", "--team",
                                          "TalentMap"};
        },
        false, false, false, true}},
      {"challenge award",
       {[](const CliPortfolio& p, std::string&) {
          REQUIRE(p({"challenge", "enter", "mobilite-2016", "--team", "TalentMap"}).code == 0);
          return std::vector<std::string>{"challenge", "award",   "mobilite-2016", "--team",
                                          "TalentMap", "--prize", "Incubation"};
        },
        false, false, false, true}},
      {"challenge close",
       {[](const CliPortfolio&, std::string&) {
          return std::vector<std::string>{"challenge", "close", "mobilite-2016"};
        },
        false, false, false, true}},
      {"generalize realize", {[generalized](const CliPortfolio& p, std::string& id) {
         id = generalized(p);
         return std::vector<std::string>{"generalize",  "realize",  id,
                                         "--period",    "2017-Q3",  "--metric",
                                         "hours_saved", "--amount", "10"};
       }}},
  };

  // Every command whose help offers --dry-run, found by walking the help of every command.
  std::set<std::string> mutating;
  std::vector<std::string> unvisited = {""};
  while (!unvisited.empty()) {
    std::string path = unvisited.back();
    unvisited.pop_back();
    std::vector<std::string> args =
        path.empty() ? std::vector<std::string>{} : util::split(path, ' ');
    args.push_back("--help");
    auto help = run(args).out;
    if (help.find("\n  --dry-run ") != std::string::npos) {
      mutating.insert(path);
    }
    auto sub = help.find("\nSubcommands:\n");
    if (sub == std::string::npos) {
      continue;
    }
    auto end = help.find("\n\n", sub + 1);
    std::string block = help.substr(sub + 14, end - sub - 14);
    for (const auto& line : util::split(block, '\n')) {
      auto name = line.substr(2, line.find(' ', 2) - 2);
      unvisited.push_back(path.empty() ? name : path + " " + name);
    }
  }
  CHECK(mutating.count("idea edit") == 1);
  for (const auto& path : mutating) {
    CAPTURE(path);
    if (path == "import") {
      // New records take their dates and authors from the CSV columns; --at and --by date and sign
      // the edits of --update (tests/test_cli_import.cpp) or the platform's decisions of a state
      // column (tests/test_cli_import_decidim.cpp), and are refused without either.
      CliPortfolio p;
      TempDir files;
      auto csv = files.write("a.csv", "Id,Titre,Auteur,Region,Date\nIB-1,Sonde,agent-1,idf,"
                                      "2016-03-02\n");
      for (const std::string flag : {"--at", "--by"}) {
        auto r = p({"import", "csv", csv.string(), "--map", "Id=external_ref", "--map",
                    "Titre=title", "--map", "Auteur=author", "--map", "Region=region", "--map",
                    "Date=created", flag, flag == "--at" ? "2017-02-04" : "agent-777"});
        CHECK(r.code == 2);
        CHECK(r.err.find("innov: error: " + flag +
                         " needs --update, or a column mapped to state") == 0);
      }
      continue;
    }
    if (path == "publish") {
      // Writes a site outside the portfolio and changes nothing in it: --at and --by are refused.
      CliPortfolio p;
      for (const std::string flag : {"--at", "--by"}) {
        CAPTURE(flag);
        CHECK(p({"publish", "site", flag, "2017-02-04"}).code == 2);
      }
      continue;
    }
    auto it = commands.find(path);
    REQUIRE_MESSAGE(it != commands.end(), "add '" << path << "' to this test's table");
    const Command& c = it->second;
    for (const std::string flag : {"--at", "--by"}) {
      CAPTURE(flag);
      if ((flag == "--at" && c.pending_at) || (flag == "--by" && c.pending_by)) {
        continue;
      }
      CliPortfolio p;
      std::string id;
      auto args = c.args(p, id);
      setenv("INNOV_NOW", "2017-02-03T09:00:00Z", 1); // after every date of the set-up
      std::string value = flag == "--at" ? "2017-02-04" : "agent-777";
      args.push_back(flag);
      args.push_back(value);
      auto r = p(args);
      if (r.code == 2) {
        CHECK(r.err == "innov: error: " + path + " does not record " + flag +
                           ": the record keeps no " + (flag == "--at" ? "date" : "author") +
                           " of this change\nhint: leave out " + flag + "\n");
        continue;
      }
      REQUIRE(r.code == 0);
      if (id.empty() && !c.in_challenge) {
        id = r.out.substr(0, 8); // idea new prints the new id
      }
      std::string text =
          c.in_challenge ? read(p.root() / "challenges/mobilite-2016.yaml") : p.text(id);
      bool written = text.find(value) != std::string::npos;
      CHECK(written == !c.by_removes);
      CHECK(p.valid());
    }
  }
}

TEST_CASE("idea edit records {at, by, fields, via: edit} in the record's edits, never in history")
{
  CliPortfolio p;
  auto id = p.new_idea();
  std::string before = p.text(id);
  auto r = p({"idea", "edit", id, "--set", "summary=Autre", "--add", "theme=numerique", "--by",
              "agent-7", "--at", "2016-07-01"});
  CHECK(r.code == 0);
  CHECK(r.out == "edited " + id + ": summary, themes\n");
  std::string text = p.text(id);
  const std::string entry = "edits:\n  - at: 2016-07-01\n    by: agent-7\n    fields: [summary, "
                            "themes]\n    via: edit\n";
  CHECK(text.find(entry) != std::string::npos);
  CHECK(text.substr(text.find("history:")) ==
        before.substr(before.find("history:"))
            .insert(before.size() - before.find("history:"), entry));
  CHECK(p.valid());

  // The same values again: nothing changed, nothing recorded.
  r = p({"idea", "edit", id, "--set", "summary=Autre", "--by", "agent-8"});
  CHECK(r.code == 0);
  CHECK(r.out == id + " unchanged: it already holds these values\n");
  CHECK(p.text(id) == text);

  // An edit dated before the record was created is refused by the record checks (E031).
  r = p({"idea", "edit", id, "--set", "unit=Agence", "--at", "2000-01-01"});
  CHECK(r.code == 1);
  CHECK(r.err.find("edit date (2000-01-01) is before 2016-") != std::string::npos);
  CHECK(p.text(id) == text);

  // idea show lists the edits after the history, in text and JSON.
  r = p({"idea", "show", id});
  CHECK(
      r.out.find("\nedits\n  2016-07-01  agent-7                      edit   summary, themes\n") !=
      std::string::npos);
  r = p({"idea", "show", id, "--format", "json"});
  CHECK(r.out.find("\"edits\": [\n    {\n      \"at\": \"2016-07-01\",\n      \"by\": "
                   "\"agent-7\",\n      \"fields\": [\n        \"summary\",\n        "
                   "\"themes\"\n      ],\n      \"via\": \"edit\"\n    }\n  ]") !=
        std::string::npos);
}
