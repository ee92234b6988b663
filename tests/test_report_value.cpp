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

  SUBCASE("--period: realized value per period and metric, in its unit and in the currency")
  {
    report::ReportOptions o;
    o.period = "quarter";
    auto r = report::value_report(sample_input(o));
    const auto& s = section(r, "over_time_by_metric");
    CHECK(s.series_column == "metric");
    // (period, metric, unit, realized, realized_EUR) by hand: C's 100 h of 2016 give 25 h a
    // quarter; A's 300 h in 2016-Q3 and 700 h in 2016-Q4; A's 50 people in 2016-Q4 (no EUR).
    std::vector<std::string> got;
    for (const auto& row : s.table.rows) {
      got.push_back(row[0].text + " " + row[1].text + " " + row[2].text + " " + row[3].text + " " +
                    (row[4].null ? "-" : row[4].text));
    }
    CHECK(got == std::vector<std::string>{
                     "2016-Q1 hours_saved h 25 800", "2016-Q2 hours_saved h 25 800",
                     "2016-Q3 hours_saved h 325 10400", "2016-Q4 hours_saved h 725 23200",
                     "2016-Q1 people people 0 -", "2016-Q2 people people 0 -",
                     "2016-Q3 people people 0 -", "2016-Q4 people people 50 -"});
    o.period = "month";
    r = report::value_report(sample_input(o));
    // 100 h / 12 months = 8.33 h in January, to 2 decimals.
    CHECK(section(r, "over_time_by_metric").table.rows.front()[3].text == "8.33");
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

namespace {

model::Innovation value_record(const std::string& id, std::vector<model::HistoryEntry> history)
{
  model::Innovation r;
  r.id = id;
  r.kind = "idea";
  r.title = id;
  r.author = "p1";
  r.region = "idf";
  r.source = "internal";
  r.created = history.front().at;
  r.status = history.back().to;
  r.history = std::move(history);
  return r;
}

model::Poc spent_poc(const std::string& id, const std::string& started, double spent)
{
  model::Poc p;
  p.id = id;
  p.format = "demonstrator";
  p.territory = {"agence-1"};
  p.planned_start = started;
  p.planned_end = "2017-12-31";
  p.started = started;
  p.budget_spent = spent;
  return p;
}

// Five records (hours_saved at 32 EUR/h):
//   R1 qualified 2016-01-15, estimate 100 h/month (1200 h/year), open.
//   R2 generalized 2016-07-15, estimate 500 h/year, go projects 1000 h/year; POC started
//      2016-03-01 spent 1000; realized 2016: 100 h, 2016-Q3: 50 h, 2016-08: 10 h, 2016-Q4: 20 h.
//   R3 killed 2016-05-01, estimate 200 h/year.
//   R4 rejected 2016-10-15, estimate 50 h/month (600 h/year).
//   R5 poc-planned 2016-09-01, its POC started 2017-01-10 (poc-running), spent 500.
std::vector<model::Innovation> value_records()
{
  auto r1 = value_record(
      "r1", {step("2016-01-01", "", "submitted"), step("2016-01-15", "submitted", "qualified")});
  r1.estimate = model::ValueAmount{"hours_saved", 100, "month"};
  auto r2 = value_record("r2", {step("2016-01-01", "", "submitted"),
                                step("2016-01-10", "submitted", "qualified"),
                                step("2016-02-01", "qualified", "poc-planned"),
                                step("2016-03-01", "poc-planned", "poc-running"),
                                step("2016-06-30", "poc-running", "poc-done"),
                                step("2016-07-15", "poc-done", "generalized")});
  r2.estimate = model::ValueAmount{"hours_saved", 500, "year"};
  r2.pocs = {spent_poc("p1", "2016-03-01", 1000)};
  model::Decision go;
  go.at = "2016-07-15";
  go.gate = "generalization";
  go.by = "committee";
  go.decision = "go";
  go.projected = model::ValueAmount{"hours_saved", 1000, "year"};
  r2.decisions = {go};
  r2.realized = {{"2016", "hours_saved", 100, "", "", ""},
                 {"2016-Q3", "hours_saved", 50, "", "", ""},
                 {"2016-08", "hours_saved", 10, "", "", ""},
                 {"2016-Q4", "hours_saved", 20, "", "", ""}};
  auto r3 = value_record(
      "r3", {step("2016-01-01", "", "submitted"), step("2016-05-01", "submitted", "killed")});
  r3.estimate = model::ValueAmount{"hours_saved", 200, "year"};
  auto r4 = value_record(
      "r4", {step("2016-01-01", "", "submitted"), step("2016-10-15", "submitted", "rejected")});
  r4.estimate = model::ValueAmount{"hours_saved", 50, "month"};
  auto r5 = value_record("r5", {step("2016-01-01", "", "submitted"),
                                step("2016-02-01", "submitted", "qualified"),
                                step("2016-09-01", "qualified", "poc-planned"),
                                step("2017-01-10", "poc-planned", "poc-running")});
  r5.pocs = {spent_poc("p1", "2017-01-10", 500)};
  return {r1, r2, r3, r4, r5};
}

report::Report value_on(const std::string& as_of, const std::string& today)
{
  report::ReportInput in;
  in.config = sample_config();
  in.options.as_of = as_of;
  in.records = report::select_records(value_records(), in.options);
  in.today = *util::parse_date(today);
  return report::value_report(in);
}

} // namespace

TEST_CASE("report::value_report: closed records apart, ROI and periods on the report date")
{
  SUBCASE("on 2017-07-01: everything dated has happened")
  {
    auto r = value_on("", "2017-07-01");
    // Open and generalized: R1 1200 + R2 500; closed: R3 200 + R4 600.
    CHECK(num(r, "metrics", "hours_saved", "estimated") == 1700);
    CHECK(num(r, "metrics", "hours_saved", "projected") == 1000);
    CHECK(num(r, "closed", "hours_saved", "estimated") == 800);
    CHECK(num(r, "closed", "hours_saved", "projected") == 0);
    CHECK(num(r, "closed", "people", "estimated") == 0);
    // Realized: 100 + 50 + 10 + 20 = 180 h = 5760 EUR; spend 1000 + 500; ROI 5760 / 1500 = 3.84.
    CHECK(num(r, "metrics", "hours_saved", "realized") == 180);
    CHECK(num(r, "roi", "realized_EUR", "value") == 5760);
    CHECK(num(r, "roi", "poc_spend_EUR", "value") == 1500);
    CHECK(num(r, "roi", "roi", "value") == 3.84);
    CHECK(section(r, "roi").note.find("left out, without eur_per_unit: people") !=
          std::string::npos);
  }
  SUBCASE("--as-of 2016-09-30: a period counts once ended, a POC not started spends nothing")
  {
    auto r = value_on("2016-09-30", "2016-09-30");
    // R4 is still submitted (open): 1200 + 500 + 600; closed: R3 200.
    CHECK(num(r, "metrics", "hours_saved", "estimated") == 2300);
    CHECK(num(r, "closed", "hours_saved", "estimated") == 200);
    // 2016 and 2016-Q4 have not ended: 50 + 10 = 60 h = 1920 EUR; R5's POC starts in 2017:
    // spend 1000 (R2 only); ROI 1.92.
    CHECK(num(r, "metrics", "hours_saved", "realized") == 60);
    CHECK(num(r, "roi", "realized_EUR", "value") == 1920);
    CHECK(num(r, "roi", "poc_spend_EUR", "value") == 1000);
    CHECK(num(r, "roi", "roi", "value") == 1.92);
    CHECK(row_labels(r, "top") == std::vector<std::string>{"r2"});
    CHECK(num(r, "top", "r2", "poc_spend") == 1000);
  }
  SUBCASE("without --as-of the current date rules the same way")
  {
    auto r = value_on("", "2016-11-15"); // 2016 not ended; Q3 and 08 ended; Q4 not
    CHECK(num(r, "metrics", "hours_saved", "realized") == 60);
    CHECK(num(r, "roi", "poc_spend_EUR", "value") == 1000); // R5's POC has not started
  }
}

TEST_CASE("report::period_shares: a realized period spread evenly over its months")
{
  using M = std::map<std::string, double>;
  CHECK(report::period_shares("2016", "quarter") ==
        M{{"2016-Q1", 0.25}, {"2016-Q2", 0.25}, {"2016-Q3", 0.25}, {"2016-Q4", 0.25}});
  auto q3 = report::period_shares("2016-Q3", "month");
  CHECK(q3.size() == 3);
  CHECK(q3["2016-07"] == doctest::Approx(1.0 / 3));
  CHECK(q3["2016-09"] == doctest::Approx(1.0 / 3));
  CHECK(report::period_shares("2016-07", "quarter") == M{{"2016-Q3", 1.0}});
  CHECK(report::period_shares("2016-Q3", "year") == M{{"2016", 1.0}});
  auto y = report::period_shares("2016", "month");
  CHECK(y.size() == 12);
  CHECK(y["2016-02"] == doctest::Approx(1.0 / 12));
  CHECK(report::period_shares("2016-Q5", "quarter").empty());
}

TEST_CASE("report::realized_counts: once the period has ended and the value was recorded")
{
  auto day = [](const char* d) { return *util::parse_date(d); };
  // The third quarter of 2016, entered on 15 October; the same written before entries kept a day.
  model::Realized recorded{"2016-Q3", "hours_saved", 50, "", "2016-10-15", ""};
  model::Realized undated{"2016-Q3", "hours_saved", 50, "", "", ""};
  CHECK_FALSE(report::realized_counts(recorded, day("2016-09-30")));
  CHECK_FALSE(report::realized_counts(recorded, day("2016-10-14")));
  CHECK(report::realized_counts(recorded, day("2016-10-15")));
  CHECK_FALSE(report::realized_counts(undated, day("2016-09-29")));
  CHECK(report::realized_counts(undated, day("2016-09-30")));
  // Recorded before its period ended (an early figure): it still waits for the period's end.
  model::Realized early{"2016-Q3", "hours_saved", 50, "", "2016-09-15", ""};
  CHECK_FALSE(report::realized_counts(early, day("2016-09-29")));
  CHECK(report::realized_counts(early, day("2016-09-30")));
}
