// report::review_report on the hand-made sample (tests/report_sample.hpp): the committee's pack.
#include "tests/report_sample.hpp"

using namespace innov;
using namespace innov::test;

namespace {

// The evidence row whose item is `item`, as "value | target | result".
std::string evidence(const report::Report& r, const std::string& id, const std::string& item)
{
  for (const auto& row : section(r, "evidence_" + id).table.rows) {
    if (row[1].text == item) {
      return row[2].text + " | " + row[3].text + " | " + row[4].text;
    }
  }
  return "(absent)";
}

} // namespace

TEST_CASE("report::review_report")
{
  SUBCASE("a finished POC awaits a decision, with its evidence")
  {
    auto r = report::review_report(sample_input());
    CHECK(row_labels(r, "awaiting") == std::vector<std::string>{"bbbb0002"});
    CHECK(cell(r, "awaiting", "bbbb0002", "status").text == "poc-done");
    CHECK(num(r, "awaiting", "bbbb0002", "waiting_days") == 122);
    CHECK(num(r, "awaiting", "bbbb0002", "score") == 3);
    CHECK(cell(r, "awaiting", "bbbb0002", "gate").text == "fail"); // must KPI missed, one territory
    CHECK(evidence(r, "bbbb0002", "a") == "3 | 1..5 | go");
    CHECK(evidence(r, "bbbb0002", "weighted") == "3.00 | >= 3 | go");
    CHECK(evidence(r, "bbbb0002", "KPI k1 (must)") == "40 percent | >= 45 (percent) | not met");
    std::size_t failed = 0;
    for (const auto& row : section(r, "evidence_bbbb0002").table.rows) {
      failed += row[0].text == "gate" && row[4].text == "FAIL";
    }
    CHECK(failed == 2);
  }

  SUBCASE("a qualified record waiting beyond sla.decision_days")
  {
    report::ReportOptions o;
    o.as_of = "2016-07-15"; // A poc-done since 06-30; C qualified since 07-01 (14 days)
    auto in = sample_input(o);
    auto r = report::review_report(in);
    CHECK(row_labels(r, "awaiting") == std::vector<std::string>{"aaaa0001"});
    in.config.sla_decision_days = 10;
    r = report::review_report(in);
    CHECK(row_labels(r, "awaiting") == std::vector<std::string>{"aaaa0001", "cccc0003"});
    CHECK(cell(r, "awaiting", "aaaa0001", "gate").text == "pass");
    CHECK(num(r, "awaiting", "aaaa0001", "score") == doctest::Approx(4.33));
    CHECK(evidence(r, "aaaa0001", "KPI k1 (must)") == "49 percent | >= 45 (percent) | met");
    CHECK(num(r, "awaiting", "cccc0003", "waiting_days") == 14);
  }

  SUBCASE("nothing awaits: an empty list")
  {
    report::ReportOptions o;
    o.as_of = "2016-02-01";
    auto r = report::review_report(sample_input(o));
    CHECK(row_labels(r, "awaiting").empty());
    CHECK(r.sections.size() == 1);
  }
}
