// report::challenges_report and model::challenge_figures on a hand-made challenge: entries (teams
// and records), stages reached, incubation days awarded against used, and --as-of.
#include "lib/model/challenges.hpp"
#include "tests/report_sample.hpp"

using namespace innov;
using namespace innov::test;

namespace {

model::Challenge data_2016()
{
  model::Challenge c;
  c.id = "data-2016";
  c.title = "Challenge données";
  c.kind = "data";
  c.opened = "2016-01-10";
  c.closed = "2016-03-31";
  c.entries = {{"T1", {}, "2016-02-01", "agent-5"}, {"T2", {}, "2016-03-01", "agent-5"}};
  c.winners = {{"", "aaaa0001", "Incubation", 15, 0, "2016-03-31", "jury-1"},
               {"T1", "", "Prix", 0, 2000, "2016-03-31", "jury-1"},
               // Undated (written by hand): known from the closing date.
               {"", "aaaa0003", "Incubation", 10, 0, "", ""}};
  return c;
}

model::Poc poc(const std::string& format, const std::string& started, const std::string& ended)
{
  model::Poc p;
  p.id = "p1";
  p.format = format;
  p.territory = {"lille"};
  p.planned_start = started;
  p.planned_end = "2016-12-31";
  p.started = started;
  p.ended = ended;
  return p;
}

std::vector<model::Innovation> records()
{
  // a: entered by its challenge field from its creation; an incubation of 30 days (04-10..05-10).
  auto a = deposited("aaaa0001", "2016-02-05", "poc-done");
  a.challenge = "data-2016";
  a.history = {step("2016-02-05", "", "submitted"), step("2016-03-01", "submitted", "qualified"),
               step("2016-04-01", "qualified", "poc-planned"),
               step("2016-04-10", "poc-planned", "poc-running"),
               step("2016-05-10", "poc-running", "poc-done")};
  a.pocs = {poc("incubation", "2016-04-10", "2016-05-10")};
  // b: entered, never qualified.
  auto b = deposited("aaaa0002", "2016-03-10");
  b.challenge = "data-2016";
  // c: entered on 2016-02-20 by an edit of its challenge field; generalized; a demonstrator only.
  auto c = deposited("aaaa0003", "2016-01-20", "generalized");
  c.challenge = "data-2016";
  c.edits = {{"2016-02-20", "agent-5", {"challenge"}, "edit"}};
  c.history = {step("2016-01-20", "", "submitted"),
               step("2016-02-25", "submitted", "qualified"),
               step("2016-03-05", "qualified", "poc-planned"),
               step("2016-03-10", "poc-planned", "poc-running"),
               step("2016-04-30", "poc-running", "poc-done"),
               step("2016-06-01", "poc-done", "generalized")};
  c.pocs = {poc("demonstrator", "2016-03-10", "2016-04-30")};
  // d: no challenge.
  auto d = deposited("aaaa0004", "2016-02-01");
  return {a, b, c, d};
}

report::ReportInput input(const std::string& as_of)
{
  report::ReportOptions o;
  o.as_of = as_of;
  report::ReportInput in;
  in.config = sample_config();
  in.options = o;
  in.records = report::select_records(records(), o);
  in.today = *util::parse_date(as_of.empty() ? "2017-01-01" : as_of);
  in.challenges = {data_2016()};
  return in;
}

} // namespace

TEST_CASE("report::challenges_report")
{
  SUBCASE("as it is: 2 teams + 3 records; incubation 25 days awarded, 30 used")
  {
    auto r = report::challenges_report(input(""));
    CHECK(row_labels(r, "challenges") == std::vector<std::string>{"data-2016"});
    CHECK(cell(r, "challenges", "data-2016", "closed").text == "2016-03-31");
    CHECK(num(r, "challenges", "data-2016", "entries") == 5);
    CHECK(num(r, "challenges", "data-2016", "records") == 3);
    CHECK(num(r, "challenges", "data-2016", "teams") == 2);
    CHECK(num(r, "challenges", "data-2016", "qualified") == 2);   // a, c
    CHECK(num(r, "challenges", "data-2016", "pocs") == 2);        // a, c
    CHECK(num(r, "challenges", "data-2016", "generalized") == 1); // c
    CHECK(num(r, "challenges", "data-2016", "winners") == 3);
    CHECK(num(r, "challenges", "data-2016", "days_awarded") == 25); // 15 + 10
    // a's incubation 2016-04-10..05-10; c's demonstrator is no incubation.
    CHECK(num(r, "challenges", "data-2016", "days_used") == 30);
    CHECK(num(r, "challenges", "data-2016", "amount_awarded") == 2000);
  }
  SUBCASE("--as-of while the incubation runs: the days to that day")
  {
    auto r = report::challenges_report(input("2016-04-20"));
    CHECK(num(r, "challenges", "data-2016", "entries") == 5);
    CHECK(num(r, "challenges", "data-2016", "generalized") == 0);
    CHECK(num(r, "challenges", "data-2016", "days_used") == 10);
    CHECK(num(r, "challenges", "data-2016", "days_awarded") == 25);
  }
  SUBCASE("--as-of before the awards and some entries")
  {
    auto r = report::challenges_report(input("2016-02-10"));
    CHECK(cell(r, "challenges", "data-2016", "closed").null);
    CHECK(num(r, "challenges", "data-2016", "entries") == 2); // T1, a (c entered on 02-20)
    CHECK(num(r, "challenges", "data-2016", "qualified") == 0);
    CHECK(num(r, "challenges", "data-2016", "winners") == 0);
    CHECK(num(r, "challenges", "data-2016", "days_awarded") == 0);
  }
  SUBCASE("--as-of before it opened: no row")
  {
    auto r = report::challenges_report(input("2015-12-31"));
    CHECK(row_labels(r, "challenges").empty());
  }
}

TEST_CASE("model::incubation_days_run counts started..ended, or started..day while running")
{
  model::Innovation r;
  r.pocs = {poc("incubation", "2016-04-10", "2016-05-10"), poc("incubation", "2016-06-01", ""),
            poc("lab-sprint", "2016-04-10", "2016-04-12")};
  CHECK(model::incubation_days_run(r, *util::parse_date("2016-04-09")) == 0);
  CHECK(model::incubation_days_run(r, *util::parse_date("2016-04-15")) == 5);
  CHECK(model::incubation_days_run(r, *util::parse_date("2016-06-11")) == 40); // 30 + 10
}
