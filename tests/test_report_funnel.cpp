// report::funnel_report on the hand-made sample (tests/report_sample.hpp): every figure counted by
// hand.
#include "lib/index/index.hpp"
#include "lib/store/portfolio.hpp"
#include "tests/report_sample.hpp"
#include "tests/support.hpp"

#include <array>

using namespace innov;
using namespace innov::test;

TEST_CASE("report::funnel_report")
{
  SUBCASE("stages: reached, current, conversion, median days")
  {
    auto r = report::funnel_report(sample_input());
    CHECK(row_labels(r, "stages") == std::vector<std::string>{"submitted", "qualified", "poc",
                                                              "generalized",
                                                              "generalized directly"});
    CHECK(num(r, "stages", "submitted", "reached") == 5);
    CHECK(num(r, "stages", "submitted", "current") == 1); // D
    CHECK(cell(r, "stages", "submitted", "conversion").null);
    CHECK(cell(r, "stages", "submitted", "median_days").null);
    CHECK(num(r, "stages", "qualified", "reached") == 3); // A B C
    CHECK(num(r, "stages", "qualified", "current") == 0);
    CHECK(num(r, "stages", "qualified", "conversion") == doctest::Approx(0.6));
    CHECK(num(r, "stages", "qualified", "median_days") == 30); // 30, 50, 30
    CHECK(num(r, "stages", "poc", "reached") == 2);            // A B
    CHECK(num(r, "stages", "poc", "current") == 1);            // B is poc-done
    CHECK(num(r, "stages", "poc", "conversion") == doctest::Approx(0.667));
    CHECK(num(r, "stages", "poc", "median_days") == 10.5); // 10, 11
    // Generalized after a POC: A only, of the POC cohort A B: 1 / 2.
    CHECK(num(r, "stages", "generalized", "reached") == 1);
    CHECK(num(r, "stages", "generalized", "current") == 1);
    CHECK(num(r, "stages", "generalized", "conversion") == 0.5);
    CHECK(num(r, "stages", "generalized", "median_days") == 171); // A: 02-10 -> 07-30
    // Generalized directly (no POC): C, of the qualified cohort A B C: 1 / 3.
    CHECK(num(r, "stages", "generalized directly", "reached") == 1);
    CHECK(num(r, "stages", "generalized directly", "current") == 1);
    CHECK(num(r, "stages", "generalized directly", "conversion") == doctest::Approx(0.333));
    CHECK(num(r, "stages", "generalized directly", "median_days") == 31); // C: 07-01 -> 08-01
  }

  SUBCASE("records closed without generalization")
  {
    auto r = report::funnel_report(sample_input());
    CHECK(num(r, "closed", "rejected", "records") == 1);
    CHECK(num(r, "closed", "killed", "records") == 0);
    CHECK(num(r, "closed", "merged", "records") == 0);
    CHECK(num(r, "closed", "withdrawn", "records") == 0);
  }

  SUBCASE("--by region")
  {
    report::ReportOptions o;
    o.by = "region";
    auto r = report::funnel_report(sample_input(o));
    CHECK(row_labels(r, "by_region") == std::vector<std::string>{"ara", "hdf", "idf"});
    CHECK(num(r, "by_region", "ara", "submitted") == 1);
    CHECK(num(r, "by_region", "ara", "qualified") == 0);
    CHECK(num(r, "by_region", "hdf", "submitted") == 2);
    CHECK(num(r, "by_region", "hdf", "poc") == 1);
    CHECK(num(r, "by_region", "hdf", "generalized") == 0);
    CHECK(num(r, "by_region", "idf", "qualified") == 2);
    CHECK(num(r, "by_region", "idf", "generalized") == 1);          // A
    CHECK(num(r, "by_region", "idf", "generalized_directly") == 1); // C
    CHECK(num(r, "by_region", "idf", "conversion") == 1);           // (1 + 1) / 2
  }

  SUBCASE("--by theme puts records without a theme under (none)")
  {
    report::ReportOptions o;
    o.by = "theme";
    auto r = report::funnel_report(sample_input(o));
    CHECK(row_labels(r, "by_theme") == std::vector<std::string>{"(none)", "accueil"});
    CHECK(num(r, "by_theme", "accueil", "submitted") == 1);
    CHECK(num(r, "by_theme", "(none)", "submitted") == 4);
  }

  SUBCASE("--period quarter counts the stages reached in each quarter")
  {
    report::ReportOptions o;
    o.period = "quarter";
    auto r = report::funnel_report(sample_input(o));
    CHECK(row_labels(r, "over_time") ==
          std::vector<std::string>{"2016-Q1", "2016-Q2", "2016-Q3", "2016-Q4"});
    CHECK(num(r, "over_time", "2016-Q1", "submitted") == 2);
    CHECK(num(r, "over_time", "2016-Q1", "qualified") == 1);
    CHECK(num(r, "over_time", "2016-Q1", "poc") == 1);
    CHECK(num(r, "over_time", "2016-Q2", "submitted") == 1);
    CHECK(num(r, "over_time", "2016-Q2", "poc") == 1);
    CHECK(num(r, "over_time", "2016-Q3", "generalized") == 1);          // A
    CHECK(num(r, "over_time", "2016-Q3", "generalized_directly") == 1); // C
    CHECK(num(r, "over_time", "2016-Q4", "submitted") == 2);
    CHECK(num(r, "over_time", "2016-Q4", "qualified") == 0);
  }

  SUBCASE("--from/--to keeps the records created in the range")
  {
    report::ReportOptions o;
    o.from = "2016-03-01";
    o.to = "2016-10-01";
    auto r = report::funnel_report(sample_input(o)); // B C D
    CHECK(num(r, "stages", "submitted", "reached") == 3);
    CHECK(num(r, "stages", "qualified", "reached") == 2);
    CHECK(num(r, "stages", "poc", "reached") == 1);
    CHECK(num(r, "stages", "generalized", "reached") == 0);          // B has not
    CHECK(num(r, "stages", "generalized directly", "reached") == 1); // C
  }

  SUBCASE("--as-of rebuilds the states of that day")
  {
    report::ReportOptions o;
    o.as_of = "2016-06-30"; // A poc-done (that day), B poc-running, C submitted; D and E not yet
    auto r = report::funnel_report(sample_input(o));
    CHECK(num(r, "stages", "submitted", "reached") == 3);
    CHECK(num(r, "stages", "submitted", "current") == 1);
    CHECK(num(r, "stages", "qualified", "reached") == 2);
    CHECK(num(r, "stages", "poc", "reached") == 2);
    CHECK(num(r, "stages", "poc", "current") == 2);
    CHECK(num(r, "stages", "generalized", "reached") == 0);
    CHECK(num(r, "stages", "generalized", "conversion") == 0);
    CHECK(cell(r, "stages", "generalized", "median_days").null);
    CHECK(r.subtitle.find("as of 2016-06-30") != std::string::npos);
  }

  SUBCASE("an empty portfolio gives zero counts and no ratios")
  {
    report::ReportInput in = sample_input();
    in.records.clear();
    auto r = report::funnel_report(in);
    CHECK(num(r, "stages", "submitted", "reached") == 0);
    CHECK(cell(r, "stages", "qualified", "conversion").null);
    CHECK(cell(r, "stages", "qualified", "median_days").null);
  }
}

TEST_CASE("report funnel: the index's stage rows give the same report as whole records")
{
  // The warm path (cmd/report.cpp) counts the rows of table record_stages; with --as-of or without
  // the cache the rows are computed from records. Both must give the same report, option for
  // option.
  model::Config config = store::require_config(example_portfolio());
  index::Index idx{example_portfolio(), config, index::Index::Mode::memory,
                   [](const std::string&) {}};
  idx.refresh();
  auto records = idx.records(index::Decode::figures);
  auto rows = idx.stage_rows();
  REQUIRE(rows.size() == records.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    CHECK(rows[i] == model::stage_row(records[i]));
  }
  for (const auto& o :
       std::vector<std::array<std::string, 4>>{{"", "", "", ""},
                                               {"region", "", "", ""},
                                               {"theme", "quarter", "", ""},
                                               {"challenge", "month", "2016-01-01", "2016-12-31"},
                                               {"horizon", "year", "2015-06-01", ""}}) {
    // Plain names, not a structured binding: CAPTURE makes a lambda, which clang 14 refuses.
    const std::string& by = o[0];
    const std::string& period = o[1];
    report::ReportInput whole;
    whole.config = config;
    whole.options.by = by;
    whole.options.period = period;
    whole.options.from = o[2];
    whole.options.to = o[3];
    REQUIRE(report::funnel_counts_stage_rows(whole.options));
    report::ReportInput narrow = whole;
    whole.records = report::select_records(records, whole.options);
    narrow.stage_rows = report::select_stage_rows(rows, narrow.options);
    CAPTURE(by);
    CAPTURE(period);
    CHECK(report::render_report_json(report::funnel_report(narrow)) ==
          report::render_report_json(report::funnel_report(whole)));
    CHECK(report::render_report_text(report::funnel_report(narrow), false) ==
          report::render_report_text(report::funnel_report(whole), false));
  }
  report::ReportOptions rewound;
  rewound.as_of = "2016-09-30";
  CHECK_FALSE(report::funnel_counts_stage_rows(rewound));
}
