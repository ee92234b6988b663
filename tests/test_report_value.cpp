// report::value_report on the hand-made sample (tests/report_sample.hpp): every figure counted by
// hand.
#include "tests/report_sample.hpp"

using namespace innov;
using namespace innov::test;

TEST_CASE("report::value_report")
{
  SUBCASE("estimated, projected and realized per metric, converted with eur_per_unit")
  {
    auto r = report::value_report(sample_input());
    CHECK(row_labels(r, "metrics") == std::vector<std::string>{"hours_saved", "people"});
    CHECK(num(r, "metrics", "hours_saved", "estimated") == 1000);
    CHECK(num(r, "metrics", "hours_saved", "projected") == 7200); // 500/month * 12 + 1200/year
    CHECK(num(r, "metrics", "hours_saved", "realized") == 1100);  // 300 + 700 + 100
    CHECK(num(r, "metrics", "hours_saved", "realized_EUR") == 35200);
    CHECK(num(r, "metrics", "people", "estimated") == 100); // a one-off estimate counts once
    CHECK(num(r, "metrics", "people", "projected") == 0);
    CHECK(num(r, "metrics", "people", "realized") == 50);
    CHECK(cell(r, "metrics", "people", "realized_EUR").null); // no eur_per_unit
  }

  SUBCASE("POC spend against realized value")
  {
    auto r = report::value_report(sample_input());
    CHECK(num(r, "roi", "poc_spend_EUR", "value") == 3000);
    CHECK(num(r, "roi", "realized_EUR", "value") == 35200);
    CHECK(num(r, "roi", "roi", "value") == doctest::Approx(11.73));
  }

  SUBCASE("top innovations by realized value, --top")
  {
    auto r = report::value_report(sample_input());
    CHECK(row_labels(r, "top") == std::vector<std::string>{"aaaa0001", "cccc0003"});
    CHECK(num(r, "top", "aaaa0001", "realized_EUR") == 32000);
    CHECK(num(r, "top", "aaaa0001", "poc_spend") == 1000);
    CHECK(num(r, "top", "cccc0003", "realized_EUR") == 3200);
    report::ReportOptions o;
    o.top = 1;
    r = report::value_report(sample_input(o));
    CHECK(row_labels(r, "top") == std::vector<std::string>{"aaaa0001"});
  }

  SUBCASE("--period spreads yearly and quarterly figures evenly")
  {
    report::ReportOptions o;
    o.period = "quarter";
    auto r = report::value_report(sample_input(o));
    // C's 100 h over 2016 gives 800 EUR per quarter; A's 300 h in Q3 and 700 h in Q4.
    CHECK(row_labels(r, "over_time") ==
          std::vector<std::string>{"2016-Q1", "2016-Q2", "2016-Q3", "2016-Q4"});
    CHECK(num(r, "over_time", "2016-Q1", "realized_EUR") == 800);
    CHECK(num(r, "over_time", "2016-Q3", "realized_EUR") == 9600 + 800);
    CHECK(num(r, "over_time", "2016-Q4", "realized_EUR") == 22400 + 800);
    o.period = "year";
    r = report::value_report(sample_input(o));
    CHECK(num(r, "over_time", "2016", "realized_EUR") == 35200);
    o.period = "quarter";
    o.from = "2016-01-01";
    o.to = "2016-01-31"; // A only: 2016-Q3 and Q4, no gap to fill
    r = report::value_report(sample_input(o));
    CHECK(row_labels(r, "over_time") == std::vector<std::string>{"2016-Q3", "2016-Q4"});
    o.from.clear();
    o.to.clear();
    o.period = "month";
    r = report::value_report(sample_input(o));
    CHECK(row_labels(r, "over_time").size() == 12);
    CHECK(num(r, "over_time", "2016-01", "realized_EUR") == 267); // 3200 / 12, rounded
    CHECK(num(r, "over_time", "2016-12", "realized_EUR") ==
          doctest::Approx(22400.0 / 3 + 3200.0 / 12).epsilon(0.001));
  }

  SUBCASE("--by region uses the region of each realized entry, else the record's")
  {
    report::ReportOptions o;
    o.by = "region";
    auto r = report::value_report(sample_input(o));
    CHECK(row_labels(r, "by_region") == std::vector<std::string>{"hdf", "idf"});
    CHECK(num(r, "by_region", "hdf", "realized_EUR") == 22400);
    CHECK(num(r, "by_region", "idf", "realized_EUR") == 9600 + 3200);
  }

  SUBCASE("--by and --period together give both sections")
  {
    report::ReportOptions o;
    o.by = "kind";
    o.period = "year";
    auto r = report::value_report(sample_input(o));
    CHECK(num(r, "over_time", "2016", "realized_EUR") == 35200);
    CHECK(num(r, "by_kind", "idea", "realized_EUR") == 32000);
    CHECK(num(r, "by_kind", "practice", "realized_EUR") == 3200);
  }

  SUBCASE("--as-of drops realized periods that had not ended and later decisions")
  {
    report::ReportOptions o;
    o.as_of = "2016-09-30"; // A, B, C exist; A's 2016-Q3 has ended, its Q4 and C's 2016 have not
    auto r = report::value_report(sample_input(o));
    CHECK(num(r, "metrics", "hours_saved", "realized") == 300);
    CHECK(num(r, "metrics", "hours_saved", "projected") == 7200);
    CHECK(num(r, "roi", "roi", "value") == doctest::Approx(3.2));
    o.as_of = "2016-07-29"; // the day before A's go decision
    r = report::value_report(sample_input(o));
    CHECK(num(r, "metrics", "hours_saved", "projected") == 0);
    CHECK(num(r, "metrics", "hours_saved", "realized") == 0);
    CHECK(cell(r, "roi", "roi", "value").number == 0);
  }

  SUBCASE("no POC spend: no ROI")
  {
    report::ReportOptions o;
    o.from = "2016-06-01"; // C D E: no POC
    auto r = report::value_report(sample_input(o));
    CHECK(num(r, "roi", "poc_spend_EUR", "value") == 0);
    CHECK(cell(r, "roi", "roi", "value").null);
  }
}
