// report::poc_report on the hand-made sample (tests/report_sample.hpp): one demonstrator, its KPIs
// against baseline and target, its spend; figures counted by hand.
#include "lib/report/poc_report.hpp"
#include "lib/util/error.hpp"
#include "tests/report_sample.hpp"

using namespace innov;
using namespace innov::test;

TEST_CASE("report::poc_report")
{
  SUBCASE("a record with one POC: KPIs from baseline to target, spend against budget, dates")
  {
    auto r = report::poc_report(sample_input(), "aaaa");
    CHECK(r.title == "Demonstrator aaaa0001/p1: Alpha");
    CHECK(cell(r, "poc", "state", "value").text == "done");
    CHECK(cell(r, "poc", "territory", "value").text == "agence-1, agence-2");
    CHECK(cell(r, "poc", "run_days", "value").text == "121"); // 2016-03-01 to 2016-06-30
    CHECK(cell(r, "poc", "sponsor", "value").null);
    // k1: baseline 10, target 45, measured 49 at the POC's end: (49 - 10) / (45 - 10) = 111.4%.
    CHECK(row_labels(r, "kpis") == std::vector<std::string>{"KPI k1"});
    CHECK(cell(r, "kpis", "KPI k1", "territory").text == "(all)");
    CHECK(num(r, "kpis", "KPI k1", "measured") == 49);
    CHECK(cell(r, "kpis", "KPI k1", "at").text == "2016-06-30");
    CHECK(num(r, "kpis", "KPI k1", "progress_pct") == doctest::Approx(111.4));
    CHECK(cell(r, "kpis", "KPI k1", "met").text == "met");
    CHECK(cell(r, "kpis", "KPI k1", "must").text == "must");
    CHECK(row_labels(r, "measurements") == std::vector<std::string>{"2016-06-30"});
    // Budget 1,500 planned, 1,000 spent: 66.7% spent, 500 (33.3%) left.
    CHECK(num(r, "budget", "planned", "EUR") == 1500);
    CHECK(num(r, "budget", "spent", "EUR") == 1000);
    CHECK(num(r, "budget", "spent", "share_of_planned_pct") == doctest::Approx(66.7));
    CHECK(num(r, "budget", "remaining", "EUR") == 500);
    CHECK(num(r, "budget", "remaining", "share_of_planned_pct") == doctest::Approx(33.3));
  }

  SUBCASE("a KPI short of its target; no planned budget: no share")
  {
    auto r = report::poc_report(sample_input(), "bbbb0002/p1");
    CHECK(num(r, "kpis", "KPI k1", "progress_pct") == doctest::Approx(85.7)); // 30 / 35
    CHECK(cell(r, "kpis", "KPI k1", "met").text == "not met");
    CHECK(cell(r, "budget", "planned", "EUR").null);
    CHECK(num(r, "budget", "spent", "EUR") == 2000);
    CHECK(cell(r, "budget", "spent", "share_of_planned_pct").null);
  }

  SUBCASE("--as-of: a POC not started by then has spent nothing")
  {
    report::ReportOptions o;
    o.as_of = "2016-02-20"; // A's POC planned (02-10), started on 03-01
    auto r = report::poc_report(sample_input(o), "aaaa0001");
    CHECK(num(r, "budget", "spent", "EUR") == 0);
    // Its KPI value, dated at the planned start (03-01) without a start, was not measured yet.
    CHECK(cell(r, "kpis", "KPI k1", "met").text == "not measured");
    CHECK(row_labels(r, "measurements").empty());
    CHECK(r.subtitle.find("as of 2016-02-20") != std::string::npos);
  }

  SUBCASE("unknown record, record without POC, unknown POC: usage errors naming what exists")
  {
    auto in = sample_input();
    CHECK_THROWS_WITH_AS(report::poc_report(in, "zzzz0000"), "no record 'zzzz0000'", UsageError);
    CHECK_THROWS_WITH_AS(report::poc_report(in, "cccc0003"), "record cccc0003 has no POC",
                         UsageError);
    CHECK_THROWS_WITH_AS(report::poc_report(in, "aaaa0001/p2"), "record aaaa0001 has no POC 'p2'",
                         UsageError);
  }

  SUBCASE("several POCs: the id must name one")
  {
    auto in = sample_input();
    auto& a = in.records.front();
    a.pocs.push_back(a.pocs.front());
    a.pocs.back().id = "p2";
    a.pocs.back().measurements = {{"2016-06-30", "k1", 30, ""}};
    CHECK_THROWS_WITH_AS(report::poc_report(in, "aaaa0001"), "record aaaa0001 has 2 POCs",
                         UsageError);
    auto r = report::poc_report(in, "aaaa0001/p2");
    CHECK(num(r, "kpis", "KPI k1", "measured") == 30);
  }
}

TEST_CASE("report::kpis_section: the latest measurement per KPI and territory")
{
  model::Poc p;
  p.kpis = {kpi("k1", 45, 49), kpi("k2", 45, 49)};
  p.kpis[1].direction = "down";
  p.kpis[1].baseline = 60;
  p.kpis[1].actual.reset();
  std::vector<report::Measurement> ms = {{"2016-03-31", "k1", 20, "agence-1"},
                                         {"2016-06-30", "k1", 47, "agence-1"},
                                         {"2016-06-30", "k1", 40, "agence-2"},
                                         {"2016-04-30", "k1", 30, "agence-1"}};
  auto s = report::kpis_section(p, ms);
  REQUIRE(s.table.rows.size() == 3); // k1 agence-1, k1 agence-2, k2 not measured
  auto text = [&](std::size_t row, std::size_t col) { return s.table.rows[row][col].text; };
  CHECK(text(0, 1) == "agence-1");
  CHECK(text(0, 7) == "47");    // the latest (06-30), not the last listed
  CHECK(text(0, 9) == "105.7"); // (47 - 10) / (45 - 10)
  CHECK(text(0, 10) == "met");
  CHECK(text(1, 1) == "agence-2");
  CHECK(text(1, 10) == "not met");
  CHECK(text(2, 10) == "not measured");
  CHECK(s.table.rows[2][7].null);
  CHECK(report::meets_target(p.kpis[1], 45)); // down: at or below the target
  CHECK(!report::meets_target(p.kpis[1], 46));
}

TEST_CASE("report::poc_measurements: by KPI in the POC's order, then by date")
{
  model::Poc p;
  p.kpis = {kpi("k1", 45, 49), kpi("k2", 45, 0)};
  p.measurements = {{"2016-05-31", "k2", 40, ""},
                    {"2016-03-31", "k1", 20, "agence-1"},
                    {"2016-02-29", "k2", 44, ""},
                    {"2016-01-31", "k1", 12, ""},
                    {"2016-04-30", "gone", 1, ""}}; // a KPI the POC does not have: not shown
  auto ms = report::poc_measurements(p);
  REQUIRE(ms.size() == 4);
  CHECK(ms[0] == model::Measurement{"2016-01-31", "k1", 12, ""});
  CHECK(ms[1] == model::Measurement{"2016-03-31", "k1", 20, "agence-1"});
  CHECK(ms[2] == model::Measurement{"2016-02-29", "k2", 44, ""});
  CHECK(ms[3] == model::Measurement{"2016-05-31", "k2", 40, ""});
}
