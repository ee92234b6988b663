// report::pipeline_report on the hand-made sample (tests/report_sample.hpp): ages and SLA breaches.
#include "tests/report_sample.hpp"

using namespace innov;
using namespace innov::test;

TEST_CASE("report::pipeline_report")
{
  SUBCASE("open states with age and SLA, on 2017-01-01")
  {
    auto r = report::pipeline_report(sample_input());
    CHECK(row_labels(r, "states") == std::vector<std::string>{"submitted", "needs-info", "on-hold",
                                                              "qualified", "poc-planned",
                                                              "poc-running", "poc-done"});
    CHECK(num(r, "states", "submitted", "records") == 1); // D, 92 days, SLA 60
    CHECK(num(r, "states", "submitted", "oldest_days") == 92);
    CHECK(num(r, "states", "submitted", "sla_days") == 60);
    CHECK(num(r, "states", "submitted", "breaches") == 1);
    CHECK(num(r, "states", "poc-done", "records") == 1); // B since 2016-09-01: 122 days, SLA 90
    CHECK(num(r, "states", "poc-done", "median_days") == 122);
    CHECK(num(r, "states", "poc-done", "sla_days") == 90);
    CHECK(num(r, "states", "poc-done", "breaches") == 1);
    CHECK(num(r, "states", "qualified", "records") == 0);
    CHECK(cell(r, "states", "qualified", "oldest_days").null);
    CHECK(num(r, "states", "qualified", "sla_days") == 90);
    CHECK(cell(r, "states", "poc-running", "sla_days").null);
    CHECK(cell(r, "states", "on-hold", "sla_days").null);
  }

  SUBCASE("the to-do list, oldest first, leaves closed records out")
  {
    auto r = report::pipeline_report(sample_input());
    CHECK(row_labels(r, "todo") == std::vector<std::string>{"bbbb0002", "dddd0004"});
    CHECK(cell(r, "todo", "bbbb0002", "since").text == "2016-09-01");
    CHECK(num(r, "todo", "bbbb0002", "age_days") == 122);
    CHECK(cell(r, "todo", "bbbb0002", "sla").text == "BREACH");
    CHECK(cell(r, "todo", "dddd0004", "region").text == "ara");
  }

  SUBCASE("within the SLA on an earlier day")
  {
    auto r = report::pipeline_report(sample_input({}, "2016-11-01"));
    CHECK(num(r, "todo", "dddd0004", "age_days") == 31);
    CHECK(cell(r, "todo", "dddd0004", "sla").text == "ok");
    CHECK(num(r, "todo", "bbbb0002", "age_days") == 61);
    CHECK(cell(r, "todo", "bbbb0002", "sla").text == "ok");
    CHECK(num(r, "states", "submitted", "breaches") == 0);
  }

  SUBCASE("--as-of: the states of that day, and a running POC past its planned end")
  {
    report::ReportOptions o;
    o.as_of = "2016-05-10"; // A poc-running since 03-01, B poc-planned since 05-01, C not yet
    auto r = report::pipeline_report(sample_input(o));
    CHECK(row_labels(r, "todo") == std::vector<std::string>{"aaaa0001", "bbbb0002"});
    CHECK(cell(r, "todo", "aaaa0001", "status").text == "poc-running");
    CHECK(num(r, "todo", "aaaa0001", "age_days") == 70);
    CHECK(cell(r, "todo", "aaaa0001", "sla").text == "ok");
    CHECK(cell(r, "todo", "bbbb0002", "status").text == "poc-planned");
    o.as_of = "2016-07-15"; // A poc-done since 06-30, B running until its planned end 08-31
    r = report::pipeline_report(sample_input(o));
    CHECK(cell(r, "todo", "aaaa0001", "status").text == "poc-done");
    CHECK(cell(r, "todo", "bbbb0002", "sla").text == "ok");
    o.as_of = "2016-08-31"; // B still running on its planned end: not late yet
    r = report::pipeline_report(sample_input(o));
    CHECK(cell(r, "todo", "bbbb0002", "status").text == "poc-running");
    CHECK(cell(r, "todo", "bbbb0002", "sla").text == "ok");
  }

  SUBCASE("a running POC past its planned end is a breach")
  {
    auto in = sample_input({}, "2016-09-15");
    for (auto& rec : in.records) {
      if (rec.id == "bbbb0002") { // still running, planned to end 2016-08-31
        rec.status = "poc-running";
        rec.history.pop_back();
        rec.pocs[0].ended.clear();
      }
    }
    auto r = report::pipeline_report(in);
    CHECK(cell(r, "todo", "bbbb0002", "sla").text == "BREACH");
    CHECK(num(r, "states", "poc-running", "breaches") == 1);
  }
}
