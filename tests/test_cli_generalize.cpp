// innov generalize (decide, check, rollout, realize) through innov_main.
#include "tests/cli_portfolio.hpp"

#include <doctest/doctest.h>

using namespace innov;
using namespace innov::test;

namespace {

// A record taken to poc-done with a POC in one territory, a partial outcome and a missed must-KPI.
std::string weak_idea(const CliPortfolio& p)
{
  auto id = p.new_idea();
  p.qualify(id);
  REQUIRE(
      p({"poc", "plan", id, "--format", "demonstrator", "--territory", "agence-lille", "--start",
         "2016-07-01", "--end", "2016-12-31", "--kpi", "placement_rate:Taux:percent:up:38:45:must"})
          .code == 0);
  p.start(id);
  REQUIRE(p({"poc", "measure", id, "--kpi", "placement_rate=44"}).code == 0);
  REQUIRE(p({"poc", "close", id, "--outcome", "partial", "--at", "2016-12-20"}).code == 0);
  return id;
}

std::vector<std::string> go(const std::string& id, std::vector<std::string> more = {})
{
  std::vector<std::string> a = {"generalize",      id,     "--decision", "go", "--by",
                                "comite-national", "--at", "2017-01-10"};
  a.insert(a.end(), more.begin(), more.end());
  return a;
}

} // namespace

TEST_CASE("generalize check")
{
  CliPortfolio p;
  SUBCASE("every rule passes: exit 0")
  {
    auto id = p.done_idea();
    auto r = p({"generalize", "check", id});
    CHECK(r.code == 0);
    CHECK(r.out ==
          "generalization gate for " + id +
              " (Atelier entretien), poc-done\n"
              "  pass the POC outcome is success                   POC 'p1' outcome: success\n"
              "  pass every must-meet KPI reaches its target       met: placement_rate 49 (target "
              "45, up)\n"
              "  pass the POC ran in at least 2 territories        2 territories: agence-lille, "
              "agence-roubaix\n"
              "  pass the qualification gate is met                go from expert-idf-1 (4.00); "
              "record score 4.00 (1 expert)\n"
              "all rules pass\n");
    r = p({"generalize", "check", id.substr(0, 5), "--format", "json"});
    CHECK(r.code == 0);
    CHECK(r.out.starts_with("{\n  \"id\": \"" + id +
                            "\",\n  \"status\": \"poc-done\",\n  \"passed\": true,\n"));
  }
  SUBCASE("failing rules with their evidence: exit 1")
  {
    auto id = weak_idea(p);
    auto r = p({"generalize", "check", id});
    CHECK(r.code == 1);
    CHECK(r.out ==
          "generalization gate for " + id +
              " (Atelier entretien), poc-done\n"
              "  FAIL the POC outcome is success                   POC 'p1' outcome: partial\n"
              "  FAIL every must-meet KPI reaches its target       not met: placement_rate 44 "
              "(target 45, up)\n"
              "  FAIL the POC ran in at least 2 territories        1 territory: agence-lille\n"
              "  pass the qualification gate is met                go from expert-idf-1 (4.00); "
              "record score 4.00 (1 expert)\n"
              "the gate is not met\n");
    CHECK(r.err.empty());
    r = p({"generalize", "check", id, "--format", "json"});
    CHECK(r.code == 1);
    CHECK(r.out.find("{\n      \"rule\": \"territories\",\n      \"description\": \"the POC ran in "
                     "at least 2 "
                     "territories\",\n      \"passed\": false,\n      \"evidence\": \"1 territory: "
                     "agence-lille\"\n    }") != std::string::npos);
    CHECK(r.out.find("\"passed\": false,\n  \"rules\"") != std::string::npos);
  }
  SUBCASE("a new idea has no POC on record")
  {
    auto id = p.new_idea();
    auto r = p({"generalize", "check", id});
    CHECK(r.code == 1);
    CHECK(r.out.find("  FAIL the POC outcome is success                   no POC on record\n") !=
          std::string::npos);
    CHECK(r.out.find("  FAIL the qualification gate is met                no go qualification on "
                     "record; missing 1 more expert(s) saying go (0 of 1)\n") != std::string::npos);
  }
  SUBCASE("bad arguments")
  {
    auto r = p({"generalize", "check", "zzzz"});
    CHECK(r.code == 2);
    CHECK(r.err == "innov: error: no record 'zzzz'\n");
    r = p({"generalize", "check"});
    CHECK(r.code == 2);
    r = p({"generalize", "check", p.new_idea(), "--format", "csv"});
    CHECK(r.code == 2);
  }
}

TEST_CASE("generalize --decision go")
{
  CliPortfolio p;
  SUBCASE("the rules hold: generalized, with waves and a projection")
  {
    auto id = p.done_idea();
    auto r = p(go(id, {"--wave", "idf:2017-03-01", "--wave", "hdf:2017-06-01", "--projected",
                       "hours_saved=180000/year", "--rationale", "Résultats au-delà de la cible"}));
    CHECK(r.code == 0);
    CHECK(r.out == id + ": go by comite-national; now generalized\n");
    CHECK(p.text(id).find(
              "decisions:\n  - at: 2017-01-10\n    gate: generalization\n    by: comite-national\n"
              "    decision: go\n    scope: [national]\n    rollout:\n"
              "      - {region: idf, planned: 2017-03-01}\n      - {region: hdf, planned: "
              "2017-06-01}\n"
              "    projected:\n      metric: hours_saved\n      amount: 180000\n      per: year\n"
              "    rationale: Résultats au-delà de la cible\nhistory:\n") != std::string::npos);
    auto rec = p.record(id);
    CHECK(rec.status == "generalized");
    CHECK(rec.history.back().from == "poc-done");
    CHECK(rec.history.back().by == "comite-national");
    CHECK(p.canonical(id));
    CHECK(p.valid());
    r = p(go(id));
    CHECK(r.code == 1);
    CHECK(r.err == "innov: error: cannot run 'generalize --decision go' on '" + id +
                       "': it is generalized, a terminal state (nothing is allowed from it)\n");
  }
  SUBCASE("failing rules: refused with the failing rules, unless overridden")
  {
    auto id = weak_idea(p);
    std::string before = p.text(id);
    auto r = p(go(id));
    CHECK(r.code == 1);
    CHECK(r.out.empty());
    CHECK(r.err == "innov: error: the generalization gate is not met for '" + id +
                       "': the POC outcome is success (POC 'p1' outcome: partial); every must-meet "
                       "KPI reaches its "
                       "target (not met: placement_rate 44 (target 45, up)); the POC ran in at "
                       "least 2 territories (1 "
                       "territory: agence-lille)\nhint: see 'innov generalize check " +
                       id + "', or go anyway with --override REASON\n");
    CHECK(p.text(id) == before);
    r = p(go(id, {"--override", "Urgence nationale", "--scope", "idf", "--scope", "hdf"}));
    CHECK(r.code == 0);
    CHECK(r.out ==
          id + ": go by comite-national; now generalized (override: the gate rules were not met)\n"
               "  FAIL the POC outcome is success                   POC 'p1' outcome: partial\n"
               "  FAIL every must-meet KPI reaches its target       not met: placement_rate 44 "
               "(target 45, up)\n"
               "  FAIL the POC ran in at least 2 territories        1 territory: agence-lille\n"
               "  pass the qualification gate is met                go from expert-idf-1 (4.00); "
               "record score 4.00 (1 expert)\n");
    CHECK(p.text(id).find("    scope: [idf, hdf]\n    override: Urgence nationale\n") !=
          std::string::npos);
    CHECK(p.valid());
  }
  SUBCASE("from qualified, only a practice goes")
  {
    auto idea = p.new_idea();
    p.qualify(idea);
    auto r = p(go(idea));
    CHECK(r.code == 1);
    CHECK(r.err == "innov: error: cannot run 'generalize --decision go' on '" + idea +
                       "': it is qualified (allowed from qualified: poc plan, generalize "
                       "--decision hold, generalize "
                       "--decision kill, idea merge, idea withdraw)\n");
    auto practice = p.new_idea({"--kind", "practice", "--unit", "agence-lille"});
    p.qualify(practice);
    REQUIRE(p({"generalize", "check", practice}).code == 0);
    r = p(go(practice));
    CHECK(r.code == 0);
    CHECK(p.record(practice).status == "generalized");
    CHECK(p.valid());
  }
}

TEST_CASE("generalize: recycle, hold, kill")
{
  CliPortfolio p;
  auto id = weak_idea(p);
  auto r = p({"generalize", id, "--decision", "recycle", "--by", "comite-idf", "--rationale",
              "Un second essai", "--at", "2017-01-10"});
  CHECK(r.code == 0);
  CHECK(r.out == id + ": recycle by comite-idf; now qualified\n");
  CHECK(p.text(id).find("  - at: 2017-01-10\n    gate: generalization\n    by: comite-idf\n    "
                        "decision: recycle\n"
                        "    rationale: Un second essai\n") != std::string::npos);
  // A second POC follows.
  REQUIRE(p({"poc", "plan", id, "--format", "acceleration", "--territory", "a", "--territory", "b",
             "--start", "2017-02-01", "--end", "2017-04-05", "--at", "2017-01-15"})
              .code == 0);
  auto rec = p.record(id);
  CHECK(rec.pocs.size() == 2);
  CHECK(rec.pocs[1].id == "p2");
  CHECK(p.valid());

  auto held = weak_idea(p);
  CHECK(
      p({"generalize", held, "--decision", "hold", "--by", "comite-national", "--at", "2017-01-10"})
          .out == held + ": hold by comite-national; now on-hold\n");
  auto killed = p.new_idea();
  p.qualify(killed);
  CHECK(p({"generalize", killed, "--decision", "kill", "--by", "comite-national"}).out ==
        killed + ": kill by comite-national; now killed\n");
  r = p({"generalize", killed, "--decision", "recycle", "--by", "comite-national"});
  CHECK(r.code == 1);
  CHECK(r.err == "innov: error: cannot run 'generalize --decision recycle' on '" + killed +
                     "': it is killed, a terminal state (nothing is allowed from it)\n");
  CHECK(p.valid());
}

TEST_CASE("generalize: bad arguments")
{
  CliPortfolio p;
  auto id = p.done_idea();
  std::string before = p.text(id);
  struct Case {
    std::vector<std::string> more;
    std::string err;
  };
  const std::vector<Case> cases = {
      {{"--wave", "idf"}, "innov: error: --wave 'idf' is not REGION:DATE\n"},
      {{"--wave", "idff:2017-03-01"},
       "innov: error: unknown region 'idff' (did you mean 'idf'?)\nhint: known: idf, hdf, ara, "
       "naq, occ\n"},
      {{"--wave", "idf:2017-02-30"},
       "innov: error: --wave idf '2017-02-30' is not a date that exists (YYYY-MM-DD)\n"},
      {{"--wave", "idf:2017-03-01", "--wave", "idf:2017-04-01"},
       "innov: error: region 'idf' has two roll-out waves\n"},
      {{"--scope", "idf", "--wave", "hdf:2017-03-01"},
       "innov: error: the wave of 'hdf' is outside the scope (idf)\n"},
      {{"--scope", "nationale"},
       "innov: error: unknown scope 'nationale' (did you mean 'national'?)\n"
       "hint: national or region codes: idf, hdf, ara, naq, occ\n"},
      {{"--scope", "national", "--scope", "idf"},
       "innov: error: the scope is national or a list of regions, not both\n"},
      {{"--scope", "idf", "--scope", "idf"},
       "innov: error: region 'idf' is given twice in the scope\n"},
      {{"--projected", "hours=5/year"},
       "innov: error: unknown value metric 'hours' (did you mean 'hours_saved'?)\n"
       "hint: known: hours_saved, jobseekers_reached, cost_avoided\n"},
      {{"--projected", "hours_saved=5/week"},
       "innov: error: --projected 'hours_saved=5/week': the period is year, month or once\n"},
      {{"--projected", "hours_saved=many"},
       "innov: error: --projected amount 'many' is not a number\n"},
      {{"--decision", "maybe"}, ""},
  };
  for (const auto& c : cases) {
    CAPTURE(c.err);
    auto args = go(id, c.more);
    if (c.more[0] == "--decision") {
      args = {"generalize", id, "--decision", "maybe"};
    }
    auto r = p(args);
    CHECK(r.code == 2);
    if (!c.err.empty()) {
      CHECK(r.err == c.err);
    }
    CHECK(p.text(id) == before);
  }
  auto r = p({"generalize", id});
  CHECK(r.code == 2);
  CHECK(r.err.starts_with("innov: error: --decision is required"));
  r = p({"generalize", "--decision", "go"});
  CHECK(r.code == 2);
  CHECK(r.err.starts_with("innov: error: ID is required"));
}

TEST_CASE("generalize rollout")
{
  CliPortfolio p;
  auto id = p.done_idea();
  auto r = p({"generalize", "rollout", id, "--region", "idf", "--done", "2017-03-15"});
  CHECK(r.code == 1);
  CHECK(r.err == "innov: error: record '" + id +
                     "' has no go decision to roll out\nhint: roll-out follows 'innov generalize " +
                     id + " --decision go'\n");
  REQUIRE(p(go(id, {"--scope", "idf", "--scope", "hdf", "--wave", "idf:2017-03-01"})).code == 0);
  r = p({"generalize", "rollout", id, "--region", "idf", "--done", "2017-03-15"});
  CHECK(r.code == 0);
  CHECK(r.out == "rolled out " + id + " in idf on 2017-03-15\n");
  CHECK(p({"generalize", "rollout", id, "--region", "hdf", "--done", "2017-05-02"}).code == 0);
  CHECK(p.text(id).find(
            "    rollout:\n      - {region: idf, planned: 2017-03-01, done: 2017-03-15, done_by: "
            "agent-5}\n"
            "      - {region: hdf, planned: 2017-05-02, done: 2017-05-02, done_by: agent-5}\n") !=
        std::string::npos);
  CHECK(p.canonical(id));
  CHECK(p.valid());

  std::string before = p.text(id);
  r = p({"generalize", "rollout", id, "--region", "ara", "--done", "2017-05-02"});
  CHECK(r.code == 1);
  CHECK(r.err == "innov: error: region 'ara' is outside the scope of the go decision on '" + id +
                     "' (idf, hdf)\n");
  r = p({"generalize", "rollout", id, "--region", "idff", "--done", "2017-05-02"});
  CHECK(r.code == 2);
  CHECK(r.err == "innov: error: unknown region 'idff' (did you mean 'idf'?)\nhint: known: idf, "
                 "hdf, ara, naq, occ\n");
  r = p({"generalize", "rollout", id, "--region", "idf", "--done", "2017-02-30"});
  CHECK(r.code == 2);
  CHECK(r.err == "innov: error: --done '2017-02-30' is not a date that exists (YYYY-MM-DD)\n");
  r = p({"generalize", "rollout", id, "--region", "idf", "--done", "2016-12-01"});
  CHECK(r.code == 1);
  CHECK(r.err.find("roll-out done date (2016-12-01) is before 2017-01-10") != std::string::npos);
  CHECK(p.text(id) == before);
}

TEST_CASE("generalize realize")
{
  CliPortfolio p;
  auto id = p.new_idea();
  auto r = p({"generalize", "realize", id, "--period", "2016-Q3", "--metric", "hours_saved",
              "--amount", "100"});
  CHECK(r.code == 1);
  CHECK(
      r.err ==
      "innov: error: cannot record realized value on '" + id +
          "': it is submitted (value is realized by a running POC or a generalized innovation)\n");
  id = p.done_idea();
  REQUIRE(p(go(id)).code == 0);
  r = p({"generalize", "realize", id, "--period", "2017-Q3", "--metric", "hours_saved", "--amount",
         "41000", "--region", "idf", "--at", "2017-10-05"});
  CHECK(r.code == 0);
  CHECK(r.out == id + ": realized 41000 hours_saved in 2017-Q3\n");
  CHECK(p({"generalize", "realize", id, "--period", "2017", "--metric", "jobseekers_reached",
           "--amount", "1200.5", "--at", "2018-01-10"})
            .code == 0);
  CHECK(p({"generalize", "realize", id, "--period", "2017-11", "--metric", "cost_avoided",
           "--amount", "5000", "--at", "2017-12-04T10:00:00Z"})
            .code == 0);
  // Each entry keeps the day it was recorded (--at, a date-time by its day).
  CHECK(p.text(id).find("realized:\n  - {period: 2017-Q3, metric: hours_saved, amount: 41000, "
                        "region: idf, at: 2017-10-05, by: agent-5}\n"
                        "  - {period: \"2017\", metric: jobseekers_reached, amount: 1200.5, at: "
                        "2018-01-10, by: agent-5}\n"
                        "  - {period: 2017-11, metric: cost_avoided, amount: 5000, at: "
                        "2017-12-04, by: agent-5}\n") != std::string::npos);
  CHECK(p.canonical(id));
  CHECK(p.valid());

  std::string before = p.text(id);
  struct Case {
    std::vector<std::string> args;
    std::string err;
  };
  const std::vector<Case> cases = {
      {{"--period", "2017-13", "--metric", "hours_saved", "--amount", "3"},
       "innov: error: --period '2017-13' is not a year, quarter or month\nhint: e.g. 2016, 2016-Q3 "
       "or 2016-07\n"},
      {{"--period", "2017-Q5", "--metric", "hours_saved", "--amount", "3"},
       "innov: error: --period '2017-Q5' is not a year, quarter or month\nhint: e.g. 2016, 2016-Q3 "
       "or 2016-07\n"},
      {{"--period", "17", "--metric", "hours_saved", "--amount", "3"},
       "innov: error: --period '17' is not a year, quarter or month\nhint: e.g. 2016, 2016-Q3 or "
       "2016-07\n"},
      {{"--period", "2017", "--metric", "hours", "--amount", "3"},
       "innov: error: unknown value metric 'hours' (did you mean 'hours_saved'?)\n"
       "hint: known: hours_saved, jobseekers_reached, cost_avoided\n"},
      {{"--period", "2017", "--metric", "hours_saved", "--amount", "lots"},
       "innov: error: --amount 'lots' is not a number\n"},
      {{"--period", "2017", "--metric", "hours_saved", "--amount", "3", "--region", "idff"},
       "innov: error: unknown region 'idff' (did you mean 'idf'?)\nhint: known: idf, hdf, ara, "
       "naq, occ\n"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.err);
    std::vector<std::string> args = {"generalize", "realize", id};
    args.insert(args.end(), c.args.begin(), c.args.end());
    r = p(args);
    CHECK(r.code == 2);
    CHECK(r.err == c.err);
  }
  CHECK(p.text(id) == before);
}
