// innov poc plan/start/measure/close/list through innov_main.
#include "tests/cli_portfolio.hpp"

#include <doctest/doctest.h>

using namespace innov;
using namespace innov::test;

namespace {

std::vector<std::string> plan_args(const std::string& id, std::vector<std::string> more = {})
{
  std::vector<std::string> a = {
      "poc",          "plan",    id,           "--format", "demonstrator", "--territory",
      "agence-lille", "--start", "2016-07-01", "--end",    "2016-12-31"};
  a.insert(a.end(), more.begin(), more.end());
  return a;
}

} // namespace

TEST_CASE("poc plan")
{
  CliPortfolio p;
  auto id = p.new_idea();
  p.qualify(id);
  auto r = p(plan_args(
      id, {"--territory", "agence-roubaix", "--sponsor", "dr-hdf", "--budget", "40000", "--kpi",
           "placement_rate:Taux de retour à l'emploi:percent:up:38:45:must", "--kpi",
           "delay:Délai d'accès:days:down:30:20", "--by", "dr-hdf", "--at", "2016-06-20"}));
  CHECK(r.code == 0);
  CHECK(r.out == "planned POC p1 of " + id + " (demonstrator, 2016-07-01 to 2016-12-31, 2 KPIs)\n");
  CHECK(
      p.text(id).find(
          "pocs:\n  - id: p1\n    format: demonstrator\n    territory: [agence-lille, "
          "agence-roubaix]\n"
          "    sponsor: dr-hdf\n    planned: {start: 2016-07-01, end: 2016-12-31}\n"
          "    budget: {planned: 40000}\n    kpis:\n      - id: placement_rate\n"
          "        name: Taux de retour à l'emploi\n        unit: percent\n        direction: up\n"
          "        baseline: 38\n        target: 45\n        must: true\n      - id: delay\n"
          "        name: Délai d'accès\n        unit: days\n        direction: down\n        "
          "baseline: 30\n"
          "        target: 20\n") != std::string::npos);
  auto rec = p.record(id);
  CHECK(rec.status == "poc-planned");
  CHECK(rec.history.back().by == "dr-hdf");
  CHECK(rec.history.back().at == "2016-06-20");
  CHECK(p.canonical(id));
  CHECK(p.valid());
  r = p(plan_args(id));
  CHECK(r.code == 1);
  CHECK(r.err == "innov: error: cannot run 'poc plan' on '" + id +
                     "': it is poc-planned (allowed from poc-planned: poc start, idea merge, idea "
                     "withdraw)\n");
}

TEST_CASE("poc plan: bad arguments")
{
  CliPortfolio p;
  auto id = p.new_idea();
  p.qualify(id);
  std::string before = p.text(id);
  const std::string kpi_form =
      "innov: error: --kpi 'a:b:c:up:1' is not ID:NAME:UNIT:up|down:BASELINE:TARGET[:must]\n"
      "hint: e.g. --kpi 'placement_rate:Taux de retour à l emploi:percent:up:38:45:must'\n";
  struct Case {
    std::vector<std::string> more;
    std::string err;
  };
  const std::vector<Case> cases = {
      {{"--kpi", "a:b:c:up:1"}, kpi_form},
      {{"--kpi", "a:b:c:up:1:2:mus"},
       "innov: error: --kpi 'a:b:c:up:1:2:mus' is not ID:NAME:UNIT:up|down:BASELINE:TARGET[:must]\n"
       "hint: e.g. --kpi 'placement_rate:Taux de retour à l emploi:percent:up:38:45:must'\n"},
      {{"--kpi", "a:b:c:sideways:1:2"},
       "innov: error: --kpi 'a:b:c:sideways:1:2': the direction is 'up' or 'down', not "
       "'sideways'\n"},
      {{"--kpi", "a:b:c:up:low:2"}, "innov: error: --kpi baseline 'low' is not a number\n"},
      {{"--kpi", "a:b:c:up:1:2", "--kpi", "a:d:c:up:1:3"},
       "innov: error: KPI 'a' is given twice\n"},
      {{"--budget", "-5"}, "innov: error: --budget '-5' is negative\n"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.err);
    auto r = p(plan_args(id, c.more));
    CHECK(r.code == 2);
    CHECK(r.err == c.err);
    CHECK(p.text(id) == before);
  }
  auto r = p({"poc", "plan", id, "--format", "demonstrator", "--territory", "a", "--start",
              "2016-07-01", "--end", "2016-09-31"});
  CHECK(r.code == 2);
  CHECK(r.err == "innov: error: --end '2016-09-31' is not a date that exists (YYYY-MM-DD)\n");
  r = p({"poc", "plan", id, "--format", "demonstrator", "--territory", "a", "--start", "2016-07-01",
         "--end", "2016-06-30"});
  CHECK(r.code == 2);
  CHECK(r.err == "innov: error: the planned end 2016-06-30 is before the start 2016-07-01\n");
  r = p({"poc", "plan", id, "--format", "demo", "--territory", "a", "--start", "2016-07-01",
         "--end", "2016-09-30"});
  CHECK(r.code == 2);
  CHECK(r.err.starts_with(
      "innov: error: --format: demo not in {demonstrator,lab-sprint,acceleration,incubation}"));
  r = p({"poc", "plan", id, "--format", "demonstrator", "--start", "2016-07-01", "--end",
         "2016-09-30"});
  CHECK(r.code == 2);
  CHECK(r.err.starts_with("innov: error: --territory is required"));
  r = p(plan_args(id, {"--territory", "Agence Lille"}));
  CHECK(r.code == 1);
  CHECK(r.err.find("'Agence Lille' does not match the pattern") != std::string::npos);
  CHECK(p.text(id) == before);
}

TEST_CASE("poc start")
{
  CliPortfolio p;
  auto id = p.new_idea();
  auto r = p({"poc", "start", id});
  CHECK(r.code == 1);
  CHECK(r.err.starts_with("innov: error: cannot run 'poc start' on '" + id +
                          "': it is submitted (allowed from submitted:"));
  p.qualify(id);
  p.plan(id);
  r = p({"poc", "start", id, "--at", "2016-07-04T08:00:00Z", "--by", "dr-idf"});
  CHECK(r.code == 0);
  CHECK(r.out == "started POC p1 of " + id + " on 2016-07-04\n");
  auto rec = p.record(id);
  CHECK(rec.status == "poc-running");
  CHECK(rec.pocs[0].started == "2016-07-04");
  CHECK(rec.history.back().at == "2016-07-04T08:00:00Z");
  CHECK(p({"poc", "start", id}).code == 1);
  CHECK(p.valid());
}

TEST_CASE("poc measure")
{
  CliPortfolio p;
  auto id = p.new_idea();
  p.qualify(id);
  p.plan(id);
  auto r = p({"poc", "measure", id, "--kpi", "delay=25"});
  CHECK(r.code == 1);
  CHECK(r.err == "innov: error: cannot measure '" + id +
                     "': it is poc-planned (measurements go to a running or done POC)\n");
  p.start(id);
  r = p({"poc", "measure", id, "--kpi", "delay=25", "--spent", "12000"});
  CHECK(r.code == 0);
  CHECK(r.out ==
        "measured POC p1 of " + id +
            " on 2016-06-01\n"
            "  placement_rate       38 -> ? (target 45, higher is better), must: not measured\n"
            "  delay                30 -> 25 (target 20, lower is better): NOT met\n");
  auto rec = p.record(id);
  CHECK(rec.pocs[0].kpis[1].actual == 25);
  CHECK(rec.pocs[0].budget_spent == 12000);
  CHECK(rec.status == "poc-running");
  CHECK(rec.history.size() == 4);
  CHECK(rec.pocs[0].measurements ==
        std::vector<model::Measurement>{{"2016-06-01", "delay", 25, ""}});
  CHECK(rec.pocs[0].spend == std::vector<model::Spend>{{"2016-06-01", 12000, ""}});
  r = p({"poc", "measure", id, "--kpi", "placement_rate=46.5", "--kpi", "delay=19", "--at",
         "2016-07-01"});
  CHECK(r.out == "measured POC p1 of " + id +
                     " on 2016-07-01\n"
                     "  placement_rate       38 -> 46.5 (target 45, higher is better), must: met\n"
                     "  delay                30 -> 19 (target 20, lower is better): met\n");
  CHECK(p.valid());

  SUBCASE("dated measurements: per territory, back-filled, and spend")
  {
    // An older measurement does not change the latest value; a territory's is its own.
    r = p({"poc", "measure", id, "--kpi", "delay=28", "--at", "2016-06-15"});
    CHECK(r.code == 0);
    CHECK(p.record(id).pocs[0].kpis[1].actual == 19);
    auto t = p.record(id).pocs[0].territory.front();
    r = p({"poc", "measure", id, "--kpi", "delay=17", "--territory", t, "--at", "2016-07-02"});
    CHECK(r.code == 0);
    auto rec2 = p.record(id);
    CHECK(rec2.pocs[0].kpis[1].actual == 19);
    REQUIRE(rec2.pocs[0].measurements.size() == 5);
    CHECK(rec2.pocs[0].measurements[1] == model::Measurement{"2016-06-15", "delay", 28, ""});
    CHECK(rec2.pocs[0].measurements.back() == model::Measurement{"2016-07-02", "delay", 17, t});
    r = p({"poc", "measure", id, "--kpi", "delay=17", "--territory", "nulle-part"});
    CHECK(r.code == 2);
    r = p({"poc", "spend", id, "--amount", "3000", "--note", "Kits", "--at", "2016-06-20"});
    CHECK(r.code == 0);
    CHECK(r.out == "spent 3000 on POC p1 of " + id + " on 2016-06-20 (total 15000)\n");
    // --spent is a total: the increase is one dated entry; a smaller total is refused.
    r = p({"poc", "measure", id, "--spent", "16000", "--at", "2016-07-03"});
    CHECK(r.code == 0);
    CHECK(p.record(id).pocs[0].spend.back() == model::Spend{"2016-07-03", 1000, ""});
    CHECK(p.record(id).pocs[0].budget_spent == 16000);
    r = p({"poc", "measure", id, "--spent", "100"});
    CHECK(r.code == 2);
    CHECK(p.valid());
  }

  SUBCASE("bad arguments")
  {
    std::string before = p.text(id);
    r = p({"poc", "measure", id, "--kpi", "delai=3"});
    CHECK(r.code == 2);
    CHECK(r.err == "innov: error: POC 'p1' has no KPI 'delai' (did you mean 'delay'?)\nhint: its "
                   "KPIs: placement_rate, delay\n");
    r = p({"poc", "measure", id, "--kpi", "delay=soon"});
    CHECK(r.code == 2);
    CHECK(r.err == "innov: error: --kpi delay 'soon' is not a number\n");
    r = p({"poc", "measure", id, "--kpi", "delay"});
    CHECK(r.code == 2);
    CHECK(r.err == "innov: error: --kpi 'delay' is not NAME=VALUE\n");
    r = p({"poc", "measure", id});
    CHECK(r.code == 2);
    CHECK(r.err == "innov: error: nothing to measure\nhint: give --kpi ID=VALUE or --spent N\n");
    r = p({"poc", "measure", id, "--spent", "-3"});
    CHECK(r.code == 2);
    CHECK(r.err == "innov: error: --spent '-3' is negative\n");
    CHECK(p.text(id) == before);
  }
}

TEST_CASE("poc close judges each KPI in its direction")
{
  CliPortfolio p;
  auto id = p.new_idea();
  p.qualify(id);
  p.plan(id);
  p.start(id);
  REQUIRE(p({"poc", "measure", id, "--kpi", "placement_rate=44", "--kpi", "delay=18"}).code == 0);
  auto r = p({"poc", "close", id, "--outcome", "partial", "--lessons",
              "Former les recruteurs avant", "--at", "2016-12-20", "--by", "dr-idf"});
  CHECK(r.code == 0);
  CHECK(r.out ==
        "closed POC p1 of " + id +
            ": partial\n"
            "  placement_rate       38 -> 44 (target 45, higher is better), must: NOT met\n"
            "  delay                30 -> 18 (target 20, lower is better): met\n"
            "must-meet KPIs not met: placement_rate\n");
  auto rec = p.record(id);
  CHECK(rec.status == "poc-done");
  CHECK(rec.pocs[0].ended == "2016-12-20");
  CHECK(rec.pocs[0].outcome == "partial");
  CHECK(rec.pocs[0].lessons == "Former les recruteurs avant");
  CHECK(rec.history.back().by == "dr-idf");
  CHECK(p.canonical(id));
  CHECK(p.valid());
  r = p({"poc", "close", id, "--outcome", "success"});
  CHECK(r.code == 1);
  CHECK(r.err.starts_with("innov: error: cannot run 'poc close' on '" + id +
                          "': it is poc-done (allowed from poc-done:"));

  SUBCASE("every must-KPI met")
  {
    auto other = p.new_idea();
    p.qualify(other);
    p.plan(other);
    p.start(other);
    REQUIRE(p({"poc", "measure", other, "--kpi", "placement_rate=49"}).code == 0);
    r = p({"poc", "close", other, "--outcome", "success", "--at", "2016-12-20"});
    CHECK(r.out.ends_with("every must-meet KPI is met\n"));
  }
  SUBCASE("bad arguments")
  {
    auto other = p.new_idea();
    p.qualify(other);
    p.plan(other);
    p.start(other);
    r = p({"poc", "close", other, "--outcome", "succes"});
    CHECK(r.code == 2);
    CHECK(r.err.starts_with("innov: error: --outcome: succes not in {success,partial,failure}"));
    r = p({"poc", "close", other, "--outcome", "success", "--at", "2016-07-01"});
    CHECK(r.code == 2);
    CHECK(r.err == "innov: error: the end date 2016-07-01 is before the POC's start 2016-07-04\n");
    CHECK(p.record(other).status == "poc-running");
  }
}

TEST_CASE("poc list: planned and running demonstrators with days left or overdue")
{
  CliPortfolio p;
  auto planned = p.new_idea({}, "Planifié");
  p.qualify(planned);
  REQUIRE(p({"poc", "plan", planned, "--format", "lab-sprint", "--territory", "lab-paris",
             "--start", "2016-06-10", "--end", "2016-06-12"})
              .code == 0);
  auto running = p.new_idea({}, "En cours");
  p.qualify(running);
  p.plan(running);
  p.start(running);
  auto closed = p.done_idea();
  auto r = p({"poc", "list"});
  CHECK(r.code == 0);
  CHECK(r.out == "id        poc  status   format        start       end         days_left  "
                 "territory                     "
                 "title\n" +
                     planned +
                     "  p1   planned  lab-sprint    2016-06-10  2016-06-12         11  lab-paris   "
                     "                  "
                     "Planifié\n" +
                     running +
                     "  p1   running  demonstrator  2016-07-04  2016-12-31        213  "
                     "agence-lille, agence-roubaix  "
                     "En cours\n");
  CHECK(r.out.find(closed) == std::string::npos);

  setenv("INNOV_NOW", "2016-07-01T09:00:00Z", 1);
  r = p({"poc", "list", "--format", "json"});
  CHECK(r.code == 0);
  CHECK(r.out.find("\"id\": \"" + planned +
                   "\",\n    \"poc\": \"p1\",\n    \"status\": \"planned\",\n    \"format\": "
                   "\"lab-sprint\",\n    \"start\": \"2016-06-10\",\n    \"end\": "
                   "\"2016-06-12\",\n    \"days_left\": "
                   "-19,") != std::string::npos);
  r = p({"poc", "list"});
  CHECK(r.out.find("19 overdue") != std::string::npos);
  r = p({"poc", "list", "--format", "csv"});
  CHECK(r.out.starts_with("id,poc,status,format,start,end,days_left,territory,title\n" + planned +
                          ",p1,planned,lab-sprint,2016-06-10,2016-06-12,-19,lab-paris,Planifié\n"));
  r = p({"poc", "list", "--format", "pdf"});
  CHECK(r.code == 2);
}
