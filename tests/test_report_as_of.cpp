// Every report --as-of D ignores what happened after D: one fact of every dated kind the record
// format holds (history entry, qualification, comment, like, KPI measurement, spend, POC start,
// end and outcome, a new POC, decision, roll-out done, realized period) added after D to a copy of
// the sample leaves every report, in every format, byte-identical.
#include "lib/model/format.hpp"
#include "tests/report_sample.hpp"

using namespace innov;
using namespace innov::test;

namespace {

// The sample with one late fact of each kind on every record, all dated after 2016-12-31.
std::vector<model::Innovation> with_late_facts()
{
  auto records = sample_records();
  for (auto& r : records) {
    model::upgrade(r); // the sample's KPI actuals and spent as dated facts, as a reader gives them
    r.likes.push_back({"late-liker", "2017-02-03"});
    for (auto& p : r.pocs) {
      for (const auto& k : p.kpis) {
        p.measurements.push_back({"2017-02-04", k.id, k.target * 3 + 1, ""});
      }
      p.spend.push_back({"2017-02-04", 123456, "late"});
    }
    r.history.push_back(step("2017-02-01", r.status, "poc-planned"));
    r.history.push_back(step("2017-02-02T09:00:00Z", "poc-planned", "poc-running"));
    r.status = "poc-running";
    r.qualifications.push_back(
        {"2017-02-03", "late-expert", "idf", {{"a", 1}, {"b", 1}}, "go", "", ""});
    r.comments.push_back({"2017-02-04T10:00:00Z", "late-commenter", "after the day"});
    for (auto& p : r.pocs) {
      if (p.started.empty()) {
        p.started = "2017-02-05";
      }
      if (p.ended.empty()) {
        p.ended = "2017-02-06";
        p.outcome = "failure";
      }
    }
    model::Poc late;
    late.id = "p9";
    late.format = "lab-sprint";
    late.territory = {"agence-9", "agence-10"};
    late.planned_start = "2017-02-02";
    late.planned_end = "2017-06-30";
    late.started = "2017-02-02";
    late.budget_spent = 999;
    r.pocs.push_back(late);
    model::Decision d;
    d.at = "2017-02-07";
    d.gate = "generalization";
    d.by = "late-committee";
    d.decision = "go";
    d.rollout = {{"ara", "2017-02-08", "2017-02-09", ""}};
    d.projected = model::ValueAmount{"hours_saved", 77, "month"};
    for (auto& old : r.decisions) {
      for (auto& w : old.rollout) {
        if (w.done.empty()) {
          w.done = "2017-02-10";
        }
      }
    }
    r.decisions.push_back(d);
    r.realized.push_back({"2017-Q1", "hours_saved", 500, "ara", "", ""});
    r.realized.push_back({"2017-01", "people", 5, "", "", ""});
  }
  return records;
}

std::string all_formats(const std::string& name, std::vector<model::Innovation> records,
                        const std::string& as_of)
{
  report::ReportOptions o;
  o.as_of = as_of;
  if (name == "funnel" || name == "value" || name == "participation") {
    o.by = "region";
    o.period = "month";
  }
  report::ReportInput in;
  in.config = sample_config();
  in.options = o;
  in.records = report::select_records(std::move(records), o);
  in.today = *util::parse_date(as_of);
  auto r = report::make_report(name, in);
  return report::render_report_text(r, false) + report::render_report_markdown(r) +
         report::render_report_csv(r) + report::render_report_json(r) +
         report::render_report_html(r);
}

} // namespace

TEST_CASE("report --as-of D: facts dated after D change nothing")
{
  for (const std::string as_of : {"2016-06-30", "2016-09-30", "2016-12-31"}) {
    for (const auto& name : report::report_names()) {
      std::string day = as_of;
      std::string report_name = name;
      CAPTURE(day);
      CAPTURE(report_name);
      CHECK(all_formats(name, sample_records(), as_of) ==
            all_formats(name, with_late_facts(), as_of));
    }
  }
}

TEST_CASE("report --as-of: the late facts do count after their date")
{
  // Guards the test above: the late facts are visible once D passes them.
  CHECK(all_formats("value", sample_records(), "2017-06-30") !=
        all_formats("value", with_late_facts(), "2017-06-30"));
  CHECK(all_formats("participation", sample_records(), "2017-06-30") !=
        all_formats("participation", with_late_facts(), "2017-06-30"));
}
