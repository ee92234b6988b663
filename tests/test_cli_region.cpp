// --region on every read command, units declared under their region, and did-you-mean for --unit
// and --territory, on the base fixture with units: agence-lille-centre in hdf and agence-roubaix in
// idf, so that the POC of k3m9xa2q (hdf) ran in hdf and in idf. That record also has a roll-out
// wave to hdf (done) and to idf (planned), and 41000 hours_saved realized in hdf in 2017-Q3
// (at 32 EUR/h: 1312000 EUR); its POC spent 35500. 7d2hq4wz is deposited in idf.
#include "tests/support.hpp"

#include <doctest/doctest.h>

using namespace innov::test;

namespace {

struct Units {
  TempDir dir;
  Units()
  {
    setenv("INNOV_NOW", "2017-12-31", 1);
    setenv("INNOV_USER", "agent-5", 1);
    copy_tree(source_dir() / "tests/fixtures/base", dir.path());
    std::string cfg = read(dir.path() / "innov.yaml");
    replace(cfg, "  - {code: idf, name: Île-de-France}\n",
            "  - code: idf\n    name: Île-de-France\n    units: [agence-roubaix]\n");
    replace(cfg, "  - {code: hdf, name: Hauts-de-France}\n",
            "  - code: hdf\n    name: Hauts-de-France\n    units:\n      - {code: "
            "agence-lille-centre, name: Agence de Lille Centre}\n");
    dir.write("innov.yaml", cfg);
  }
  ~Units()
  {
    unsetenv("INNOV_NOW");
    unsetenv("INNOV_USER");
  }
  static void replace(std::string& s, const std::string& from, const std::string& to)
  {
    auto at = s.find(from);
    REQUIRE(at != std::string::npos);
    s.replace(at, from.size(), to);
  }
  RunResult operator()(std::vector<std::string> args) const
  {
    args.insert(args.begin(), {"-C", dir.path().string()});
    return run(args);
  }
};

bool has(const std::string& text, const std::string& part)
{
  return text.find(part) != std::string::npos;
}

} // namespace

TEST_CASE("--region: every report and list accepts it, an unknown region is refused")
{
  Units p;
  CHECK(p({"validate"}).code == 0);
  std::vector<std::vector<std::string>> commands = {
      {"report", "funnel"},     {"report", "value"},
      {"report", "pipeline"},   {"report", "participation"},
      {"report", "cycle-time"}, {"report", "regions"},
      {"report", "review"},     {"idea", "list"},
      {"poc", "list"},          {"search", "CV"},
      {"export", "csv"}};
  for (auto args : commands) {
    CAPTURE(args[0] + " " + args[1]);
    auto ok = args;
    ok.insert(ok.end(), {"--region", "hdf"});
    CHECK(p(ok).code == 0);
    args.insert(args.end(), {"--region", "hfd"});
    auto r = p(args);
    CHECK(r.code == 2);
    CHECK(has(r.err, "unknown region 'hfd' (did you mean 'hdf'?)"));
  }
}

TEST_CASE("--region keeps the records deposited there and those with a fact there")
{
  Units p;
  auto ids = [&](std::vector<std::string> args) {
    auto r = p(args);
    REQUIRE(r.code == 0);
    return std::string(has(r.out, "k3m9xa2q") ? "k3m9xa2q " : "") +
           (has(r.out, "7d2hq4wz") ? "7d2hq4wz" : "");
  };
  // idf: 7d2hq4wz deposited there, k3m9xa2q for its POC (agence-roubaix) and its wave.
  CHECK(ids({"idea", "list", "--region", "idf"}) == "k3m9xa2q 7d2hq4wz");
  CHECK(ids({"idea", "list", "region:idf"}) == "7d2hq4wz"); // the term: deposited only
  CHECK(ids({"idea", "list", "--region", "hdf"}) == "k3m9xa2q ");
  CHECK(ids({"search", "CV", "--region", "idf"}) == "k3m9xa2q 7d2hq4wz");
  CHECK(ids({"search", "CV", "--region", "hdf"}) == "k3m9xa2q ");
  CHECK(ids({"export", "json", "--region", "hdf"}) == "k3m9xa2q ");
  CHECK(ids({"idea", "list", "--region", "hdf", "--region", "idf"}) == "k3m9xa2q 7d2hq4wz");
}

TEST_CASE("report value --region: realized value where located, a POC's spend in each region")
{
  Units p;
  auto hdf = p({"report", "value", "--region", "hdf", "--format", "json"});
  REQUIRE(hdf.code == 0);
  CHECK(has(hdf.out, "\"regions\": [\n    \"hdf\"\n  ],"));
  CHECK(has(hdf.out, "\"counts\": \"region hdf: the records deposited there; the POCs"));
  CHECK(has(hdf.out, "\"measure\": \"poc_spend_EUR\",\n      \"value\": 35500"));
  CHECK(has(hdf.out, "\"measure\": \"realized_EUR\",\n      \"value\": 1312000"));
  auto idf = p({"report", "value", "--region", "idf", "--format", "json"});
  REQUIRE(idf.code == 0);
  CHECK(has(idf.out, "\"measure\": \"poc_spend_EUR\",\n      \"value\": 35500")); // ran in idf too
  CHECK(has(idf.out, "\"measure\": \"realized_EUR\",\n      \"value\": 0"));
  auto text = p({"report", "pipeline", "--region", "idf"});
  CHECK(has(text.out, "\nCounts region idf: the records deposited there (a POC or roll-out"));
}

TEST_CASE("report regions: the POC counts in both regions; query terms select records")
{
  Units p;
  auto r = p({"report", "regions", "--format", "csv"});
  REQUIRE(r.code == 0);
  CHECK(has(r.out, "regions,hdf Hauts-de-France,pocs,1\n"));
  CHECK(has(r.out, "regions,idf Île-de-France,pocs,1\n"));
  CHECK(has(r.out, "regions,idf Île-de-France,deposited,1\n"));
  CHECK(has(r.out, "regions,idf Île-de-France,rollout_planned,1\n"));
  CHECK(has(r.out, "regions,hdf Hauts-de-France,rollout_done,1\n"));
  auto only = p({"report", "regions", "status:submitted", "--format", "csv"});
  CHECK(has(only.out, "regions,hdf Hauts-de-France,pocs,0\n"));
  CHECK(has(only.out, "regions,idf Île-de-France,deposited,1\n"));
  auto bad = p({"report", "funnel", "statut:submitted"});
  CHECK(bad.code == 2);
  CHECK(has(bad.err, "did you mean 'status'"));
  auto sub = p({"report", "pipeline", "status:submitted"});
  CHECK(has(sub.out, "— 1 record, on 2017-12-31"));
}

TEST_CASE("units: --unit and --territory are checked against the declared units")
{
  Units p;
  auto r =
      p({"idea", "new", "--title", "Accueil", "--region", "hdf", "--unit", "agence-lile-centre"});
  CHECK(r.code == 2);
  CHECK(has(r.err, "--unit 'agence-lile-centre' is not a unit of any region (did you mean "
                   "'agence-lille-centre'?)"));
  r = p({"poc", "plan", "k3m9xa2q", "--format", "demonstrator", "--territory", "agence-roubax",
         "--start", "2018-01-01", "--end", "2018-03-01"});
  CHECK(r.code == 2);
  CHECK(has(r.err, "--territory 'agence-roubax' is not a unit of any region (did you mean "
                   "'agence-roubaix'?)"));
  r = p({"idea", "new", "--title", "Accueil", "--region", "hdf", "--unit", "agence-lille-centre"});
  CHECK(r.code == 0);
  auto units = p({"__complete", "unit"});
  CHECK(units.out == "agence-lille-centre\nagence-roubaix\n");
}

TEST_CASE("units: a portfolio that declares none names units freely")
{
  setenv("INNOV_USER", "agent-5", 1);
  TempDir dir;
  copy_tree(source_dir() / "tests/fixtures/base", dir.path());
  auto r = run({"-C", dir.path().string(), "idea", "new", "--title", "Accueil", "--region", "hdf",
                "--unit", "agence-nouvelle"});
  CHECK(r.code == 0);
  CHECK(run({"-C", dir.path().string(), "validate"}).code == 0);
  auto units = run({"-C", dir.path().string(), "__complete", "unit"});
  CHECK(units.out == "agence-lille-centre\nagence-nouvelle\nagence-roubaix\n");
  unsetenv("INNOV_USER");
}

TEST_CASE("report regions: a roll-out wave counts in the region it deploys to, and there only")
{
  // k3m9xa2q (hdf) rolls out to hdf (done 2017-03-15) and to idf (planned 2017-06-01).
  Units p;
  auto r = p({"report", "regions", "--format", "csv"});
  REQUIRE(r.code == 0);
  CHECK(has(r.out, "regions,hdf Hauts-de-France,rollout_done,1\n"));
  CHECK(has(r.out, "regions,hdf Hauts-de-France,rollout_planned,0\n"));
  CHECK(has(r.out, "regions,idf Île-de-France,rollout_done,0\n"));
  CHECK(has(r.out, "regions,idf Île-de-France,rollout_planned,1\n"));
  auto idf = p({"report", "regions", "--region", "idf", "--format", "csv"});
  REQUIRE(idf.code == 0);
  CHECK(has(idf.out, "regions,idf Île-de-France,rollout_planned,1\n"));
  CHECK(!has(idf.out, "regions,hdf"));
  auto facts = p({"report", "regions", "--region", "idf"}); // the dated facts: text, json, html
  CHECK(has(facts.out, "rollout-planned  2017-06-01"));
  CHECK(!has(facts.out, "rollout-done"));
}

TEST_CASE("--region on funnel, pipeline and cycle-time: the records deposited there")
{
  Units p;
  // idf: 7d2hq4wz only (k3m9xa2q's POC and wave there do not bring the record into these).
  auto funnel = p({"report", "funnel", "--region", "idf", "--format", "csv"});
  REQUIRE(funnel.code == 0);
  CHECK(has(funnel.out, "stages,submitted,reached,1\n"));
  CHECK(has(funnel.out, "stages,qualified,reached,0\n"));
  // Without --region the funnel counts the index's stage rows: both records.
  auto all = p({"report", "funnel", "--format", "csv"});
  CHECK(has(all.out, "stages,submitted,reached,2\n"));
  // A query term also reads whole records rather than stage rows.
  auto generalized = p({"report", "funnel", "status:generalized", "--format", "csv"});
  CHECK(has(generalized.out, "stages,submitted,reached,1\n"));
  CHECK(has(generalized.out, "stages,qualified,reached,1\n"));
  auto cycle = p({"report", "cycle-time", "--region", "hdf", "--format", "csv"});
  REQUIRE(cycle.code == 0);
  CHECK(has(cycle.out, "transitions,submitted -> qualified,count,1\n"));
  CHECK(has(cycle.out, "transitions,poc-done -> generalized,count,1\n"));
  auto none = p({"report", "cycle-time", "--region", "idf", "--format", "csv"});
  CHECK(!has(none.out, "transitions,"));
  auto pipeline = p({"report", "pipeline", "--region", "hdf", "--format", "csv"});
  CHECK(!has(pipeline.out, "7d2hq4wz"));
  CHECK(has(p({"report", "pipeline", "--region", "idf"}).out, "7d2hq4wz"));
}

TEST_CASE("report participation --region: against the staff headcount of the region")
{
  Units p;
  std::string cfg = read(p.dir.path() / "innov.yaml");
  cfg += "population:\n  - kind: staff\n    pattern: \"agent-[0-9]+\"\n    example: agent-1\n"
         "    headcount: {idf: 60, hdf: 40}\n";
  p.dir.write("innov.yaml", cfg);
  REQUIRE(p({"validate"}).code == 0);
  // hdf: k3m9xa2q; agent-48213 deposited, agent-1 and agent-77 liked, agent-77 commented,
  // expert-hdf-2 qualified: 4 people, of 40 staff = 10%; the deposit 1/40 = 2.5%.
  auto hdf = p({"report", "participation", "--region", "hdf", "--format", "csv"});
  REQUIRE(hdf.code == 0);
  CHECK(has(hdf.out, "people,any,people,4\npeople,any,share_of_headcount_pct,10\n"));
  CHECK(has(hdf.out, "people,deposited,share_of_headcount_pct,2.5\n"));
  // idf: 7d2hq4wz, agent-1202 alone: 1 of 60 = 1.67%.
  auto idf = p({"report", "participation", "--region", "idf", "--format", "csv"});
  CHECK(has(idf.out, "people,any,people,1\npeople,any,share_of_headcount_pct,1.67\n"));
  // Both: 5 people of 100.
  auto both = p({"report", "participation", "--region", "idf", "--region", "hdf"});
  CHECK(has(both.out, "share of the staff headcount of hdf, idf (100, from population"));
  auto all = p({"report", "participation", "--format", "csv"});
  CHECK(has(all.out, "people,any,people,5\npeople,any,share_of_headcount_pct,5\n"));
}
