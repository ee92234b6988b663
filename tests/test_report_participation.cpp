// report::participation_report on the hand-made sample (tests/report_sample.hpp): distinct people.
#include "tests/report_sample.hpp"

using namespace innov;
using namespace innov::test;

TEST_CASE("report::participation_report")
{
  SUBCASE("distinct people per action and their share of the headcount")
  {
    auto r = report::participation_report(sample_input());
    CHECK(row_labels(r, "people") ==
          std::vector<std::string>{"deposited", "commented", "liked", "qualified", "any"});
    CHECK(num(r, "people", "deposited", "people") == 4);           // p1 (twice), p2, p3, p4
    CHECK(num(r, "people", "commented", "people") == 2);           // p2, p6
    CHECK(num(r, "people", "liked", "people") == 3);               // p2, p3, p5
    CHECK(num(r, "people", "qualified", "people") == 2);           // e1, e2
    CHECK(num(r, "people", "any", "people") == 8);                 // p1..p6, e1, e2
    CHECK(num(r, "people", "any", "share_of_headcount_pct") == 8); // of 100
    CHECK(num(r, "people", "deposited", "share_of_headcount_pct") == 4);
  }

  SUBCASE("by region of the records acted on (the default), or --by")
  {
    auto r = report::participation_report(sample_input());
    CHECK(row_labels(r, "by_region") == std::vector<std::string>{"ara", "hdf", "idf"});
    CHECK(num(r, "by_region", "ara", "people") == 1); // p1
    CHECK(num(r, "by_region", "hdf", "people") == 5); // p2 p4 p5 p6 e2
    CHECK(num(r, "by_region", "idf", "people") == 4); // p1 p2 p3 e1
    report::ReportOptions o;
    o.by = "kind";
    r = report::participation_report(sample_input(o));
    CHECK(num(r, "by_kind", "practice", "people") == 2); // p3 e1
  }

  SUBCASE("active people per month (the default), or --period")
  {
    auto r = report::participation_report(sample_input());
    // Every month from the first to the last activity, the quiet ones too.
    CHECK(row_labels(r, "over_time") == std::vector<std::string>{"2016-01", "2016-02", "2016-03",
                                                                 "2016-04", "2016-05", "2016-06",
                                                                 "2016-07", "2016-08", "2016-09",
                                                                 "2016-10", "2016-11", "2016-12"});
    CHECK(num(r, "over_time", "2016-02", "deposited") == 0);
    CHECK(num(r, "over_time", "2016-02", "qualified") == 0);
    CHECK(num(r, "over_time", "2016-01", "deposited") == 1);
    CHECK(num(r, "over_time", "2016-01", "commented") == 1);
    CHECK(num(r, "over_time", "2016-01", "qualified") == 1);
    CHECK(num(r, "over_time", "2016-04", "deposited") == 0);
    CHECK(num(r, "over_time", "2016-04", "qualified") == 1);
    report::ReportOptions o;
    o.period = "year";
    r = report::participation_report(sample_input(o));
    CHECK(row_labels(r, "over_time") == std::vector<std::string>{"2016"});
    CHECK(num(r, "over_time", "2016", "deposited") == 4);
    CHECK(num(r, "over_time", "2016", "qualified") == 2);
  }

  SUBCASE("cumulative share of the headcount who took part, at the end of each period")
  {
    // First action of each person, by hand: p1 (deposit A), p2 and p3 (likes of A, counted on
    // A's creation day) 2016-01-01, e1 01-31, p5 (like of B) 03-01, p6 03-10, e2 04-20, p4 11-15.
    auto r = report::participation_report(sample_input());
    const auto& s = section(r, "cumulative");
    CHECK(s.chart == report::ChartKind::line);
    CHECK(row_labels(r, "cumulative").size() == 11); // 2016-01 .. 2016-11
    CHECK(num(r, "cumulative", "2016-01", "people") == 4);
    CHECK(num(r, "cumulative", "2016-02", "people") == 4);
    CHECK(num(r, "cumulative", "2016-03", "people") == 6);
    CHECK(num(r, "cumulative", "2016-04", "people") == 7);
    CHECK(num(r, "cumulative", "2016-10", "people") == 7);
    CHECK(num(r, "cumulative", "2016-11", "people") == 8); // everyone: "any"
    CHECK(num(r, "cumulative", "2016-11", "share_of_headcount_pct") == 8);
    CHECK(num(r, "cumulative", "2016-03", "share_of_headcount_pct") == 6);
    report::ReportOptions o;
    o.period = "quarter";
    r = report::participation_report(sample_input(o));
    CHECK(row_labels(r, "cumulative") ==
          std::vector<std::string>{"2016-Q1", "2016-Q2", "2016-Q3", "2016-Q4"});
    CHECK(num(r, "cumulative", "2016-Q1", "people") == 6);
    CHECK(num(r, "cumulative", "2016-Q3", "people") == 7);
    CHECK(num(r, "cumulative", "2016-Q4", "people") == 8);
    o.period.clear();
    o.as_of = "2016-03-05"; // B's comment and qualification not yet; its like counts from 03-01
    r = report::participation_report(sample_input(o));
    CHECK(row_labels(r, "cumulative") == std::vector<std::string>{"2016-01", "2016-02", "2016-03"});
    CHECK(num(r, "cumulative", "2016-03", "people") == 5);
  }

  SUBCASE("--as-of leaves out later comments, qualifications and records")
  {
    report::ReportOptions o;
    o.as_of = "2016-03-05"; // A and B exist; B's comment (03-10) and qualification (04-20) not yet
    auto r = report::participation_report(sample_input(o));
    CHECK(num(r, "people", "deposited", "people") == 2);
    CHECK(num(r, "people", "commented", "people") == 1);
    CHECK(num(r, "people", "qualified", "people") == 1);
  }

  SUBCASE("no headcount: no share")
  {
    auto in = sample_input();
    in.config.headcount = 0;
    auto r = report::participation_report(in);
    CHECK(cell(r, "people", "any", "share_of_headcount_pct").null);
  }

  SUBCASE("per region and actor kind, staff against the region's staff headcount")
  {
    auto in = sample_input();
    // p1..p5 are staff, p6 a citizen, e1 and e2 experts; staff 10 in ara, 40 in hdf, 50 in idf.
    in.config.roles.population = {
        {"staff", "p[1-5]", "p1", {{"ara", 10}, {"hdf", 40}, {"idf", 50}}},
        {"citizen", "p6", "p6", {}},
        {"expert", "e[0-9]", "e1", {}}};
    auto r = report::participation_report(in);
    CHECK(row_labels(r, "by_region_kind") == std::vector<std::string>{"ara", "hdf", "idf"});
    CHECK(num(r, "by_region_kind", "ara", "staff") == 1);            // p1
    CHECK(num(r, "by_region_kind", "ara", "staff_share_pct") == 10); // 1 / 10
    CHECK(num(r, "by_region_kind", "hdf", "staff") == 3);            // p2 p4 p5
    CHECK(num(r, "by_region_kind", "hdf", "staff_headcount") == 40);
    CHECK(num(r, "by_region_kind", "hdf", "staff_share_pct") == 7.5); // 3 / 40
    CHECK(num(r, "by_region_kind", "hdf", "citizen") == 1);           // p6
    CHECK(num(r, "by_region_kind", "hdf", "expert") == 1);            // e2
    CHECK(num(r, "by_region_kind", "idf", "staff") == 3);             // p1 p2 p3
    CHECK(num(r, "by_region_kind", "idf", "staff_share_pct") == 6);   // 3 / 50
    CHECK(num(r, "by_region_kind", "idf", "expert") == 1);            // e1
    CHECK(num(r, "by_region_kind", "idf", "other") == 0);
    in.config.roles.population[0].headcount.clear();
    r = report::participation_report(in);
    CHECK(cell(r, "by_region_kind", "hdf", "staff_share_pct").null);
  }

  SUBCASE("no population: no section by kind")
  {
    auto r = report::participation_report(sample_input());
    bool has = false;
    for (const auto& s : r.sections) {
      has = has || s.key == "by_region_kind";
    }
    CHECK(!has);
  }
}
