// report::cycle_time_report on the hand-made sample (tests/report_sample.hpp): p50 and p90 per
// transition.
#include "tests/report_sample.hpp"

using namespace innov;
using namespace innov::test;

TEST_CASE("report::cycle_time_report")
{
  SUBCASE("days between consecutive history entries, per transition")
  {
    auto r = report::cycle_time_report(sample_input());
    CHECK(num(r, "transitions", "submitted -> qualified", "count") == 3); // 30, 50, 30
    CHECK(num(r, "transitions", "submitted -> qualified", "p50_days") == 30);
    CHECK(num(r, "transitions", "submitted -> qualified", "p90_days") == 46); // 30 + 0.8 * 20
    CHECK(num(r, "transitions", "qualified -> poc-planned", "p50_days") == 10.5);
    CHECK(num(r, "transitions", "qualified -> poc-planned", "p90_days") == 10.9);
    CHECK(num(r, "transitions", "poc-planned -> poc-running", "p50_days") ==
          17); // 20 (leap year), 14
    CHECK(num(r, "transitions", "poc-running -> poc-done", "p50_days") == 115); // 121, 109
    CHECK(num(r, "transitions", "poc-running -> poc-done", "p90_days") == 119.8);
    CHECK(num(r, "transitions", "poc-done -> generalized", "count") == 1);
    CHECK(num(r, "transitions", "poc-done -> generalized", "p90_days") == 30);
    CHECK(num(r, "transitions", "qualified -> generalized", "p50_days") == 31);
    CHECK(num(r, "transitions", "submitted -> rejected", "p50_days") == 16);
    CHECK(row_labels(r, "transitions").size() == 7);
  }

  SUBCASE("--as-of counts only the transitions made by then")
  {
    report::ReportOptions o;
    o.as_of = "2016-04-30";
    auto r = report::cycle_time_report(sample_input(o));
    CHECK(num(r, "transitions", "submitted -> qualified", "count") == 2);
    CHECK(num(r, "transitions", "submitted -> qualified", "p50_days") == 40);
    CHECK(row_labels(r, "transitions").size() ==
          3); // + qualified -> poc-planned, poc-planned -> poc-running
  }
}
