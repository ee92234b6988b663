// A small hand-made portfolio for the report unit tests, with every figure countable by hand, and
// helpers to read a report's sections. Dates are chosen so that day counts are easy to check.
//
//   A aaaa0001 idea     idf  p1  2016-01-01 submitted -> qualified 01-31 (30 d) -> poc-planned
//   02-10 (10 d)
//                                 -> poc-running 03-01 -> poc-done 06-30 -> generalized 07-30 (171
//                                 d after poc-planned); POC spent 1000 on 2 units, must KPI met;
//                                 estimate 1000 h/year; go decision projects 500 h/month, waves idf
//                                 done 2016-09-01, hdf planned 2017-03-01; realized 2016-Q3 300 h
//                                 idf, 2016-Q4 700 h hdf, 2016-Q4 50 people
//   B bbbb0002 idea     hdf  p2  2016-03-01 submitted -> qualified 04-20 (50 d) -> poc-planned
//   05-01 (11 d)
//                                 -> poc-running 05-15 -> poc-done 09-01; POC spent 2000, must KPI
//                                 not met; estimate 100 people once
//   C cccc0003 practice idf  p3  2016-06-01 submitted -> qualified 07-01 (30 d) -> generalized
//   08-01;
//                                 go decision projects 1200 h/year; realized 2016 100 h
//   D dddd0004 idea     ara  p1  2016-10-01 submitted (92 days on 2017-01-01)
//   E eeee0005 idea     hdf  p4  2016-11-15 submitted -> rejected 12-01
// Likes: A by p2, p3; B by p5. Comments: A by p2 (2016-01-05), B by p6 (2016-03-10).
// Qualifications: A e1 2016-01-31 go (a 4, b 5: 4.33); B e2 2016-04-20 go (3, 3);
// C e1 2016-07-01 go (5, 4: 4.67); E e2 2016-12-01 reject (1, 2: 1.33).
// Config: headcount 100, EUR, hours_saved at 32 EUR/h, people without a rate, SLA 60/90 days.
#pragma once

#include "lib/model/config.hpp"
#include "lib/model/format.hpp"
#include "lib/model/innovation.hpp"
#include "lib/report/reports.hpp"
#include "lib/util/date.hpp"

#include <cmath>
#include <doctest/doctest.h>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace innov::test {

inline model::Config sample_config()
{
  model::Config c;
  c.portfolio = "Sample";
  c.organization = "Test agency";
  c.headcount = 100;
  c.currency = "EUR";
  c.regions = {{"ara", "Auvergne-Rhône-Alpes", {}},
               {"hdf", "Hauts-de-France", {}},
               {"idf", "Île-de-France", {}}};
  c.themes = {{"accueil", "Accueil"}};
  c.value_metrics = {{"hours_saved", "h", 32.0, ""}, {"people", "people", std::nullopt, ""}};
  c.criteria = {{"a", 2, ""}, {"b", 1, ""}};
  c.min_experts = 1;
  c.min_score = 3.0;
  c.require_outcome = "success";
  c.require_must_kpis = true;
  c.min_territories = 2;
  c.sla_qualification_days = 60;
  c.sla_decision_days = 90;
  return c;
}

inline model::HistoryEntry step(const std::string& at, const std::string& from,
                                const std::string& to)
{
  return {at, "someone", from, to};
}

// An idea of agent-1 in hdf, deposited on `created` and in `status` since (one history entry).
inline model::Innovation deposited(const std::string& id, const std::string& created,
                                   const std::string& status = "submitted")
{
  model::Innovation r;
  r.id = id;
  r.kind = "idea";
  r.title = "Idée " + id;
  r.author = "agent-1";
  r.region = "hdf";
  r.source = "internal";
  r.created = created;
  r.status = status;
  r.history = {{created, "agent-1", "", "submitted"}};
  return r;
}

inline model::Kpi kpi(const std::string& id, double target, double actual)
{
  model::Kpi k;
  k.id = id;
  k.name = "KPI " + id;
  k.unit = "percent";
  k.direction = "up";
  k.baseline = 10;
  k.target = target;
  k.actual = actual;
  k.must = true;
  return k;
}

inline std::vector<model::Innovation> sample_records()
{
  model::Innovation a;
  a.id = "aaaa0001";
  a.kind = "idea";
  a.title = "Alpha";
  a.author = "p1";
  a.region = "idf";
  a.source = "internal";
  a.themes = {"accueil"};
  a.horizon = "core";
  a.created = "2016-01-01";
  a.status = "generalized";
  a.likes = {{"p2", "2016-01-02"}, {"p3", "2016-01-03"}};
  a.comments = {{"2016-01-05T10:00:00Z", "p2", "good"}};
  a.estimate = model::ValueAmount{"hours_saved", 1000, "year"};
  a.qualifications = {{"2016-01-31", "e1", "idf", {{"a", 4}, {"b", 5}}, "go", "yes", ""}};
  model::Poc p;
  p.id = "p1";
  p.format = "demonstrator";
  p.territory = {"agence-1", "agence-2"};
  p.planned_start = "2016-03-01";
  p.planned_end = "2016-06-30";
  p.started = "2016-03-01";
  p.ended = "2016-06-30";
  p.budget_planned = 1500;
  p.budget_spent = 1000;
  p.kpis = {kpi("k1", 45, 49)};
  p.outcome = "success";
  a.pocs = {p};
  model::Decision d;
  d.at = "2016-07-30";
  d.gate = "generalization";
  d.by = "committee";
  d.decision = "go";
  d.scope = {"national"};
  d.rollout = {{"idf", "2016-08-01", "2016-09-01", ""}, {"hdf", "2017-03-01", "", ""}};
  d.projected = model::ValueAmount{"hours_saved", 500, "month"};
  a.decisions = {d};
  a.realized = {{"2016-Q3", "hours_saved", 300, "idf", "", ""},
                {"2016-Q4", "hours_saved", 700, "hdf", "", ""},
                {"2016-Q4", "people", 50, "", "", ""}};
  a.history = {step("2016-01-01", "", "submitted"),
               step("2016-01-31", "submitted", "qualified"),
               step("2016-02-10", "qualified", "poc-planned"),
               step("2016-03-01", "poc-planned", "poc-running"),
               step("2016-06-30", "poc-running", "poc-done"),
               step("2016-07-30", "poc-done", "generalized")};

  model::Innovation b;
  b.id = "bbbb0002";
  b.kind = "idea";
  b.title = "Bravo";
  b.author = "p2";
  b.region = "hdf";
  b.source = "citizen";
  b.horizon = "adjacent";
  b.created = "2016-03-01";
  b.status = "poc-done";
  b.likes = {{"p5", "2016-03-02"}};
  b.comments = {{"2016-03-10", "p6", "how?"}};
  b.estimate = model::ValueAmount{"people", 100, "once"};
  b.qualifications = {{"2016-04-20", "e2", "hdf", {{"a", 3}, {"b", 3}}, "go", "ok", ""}};
  model::Poc q;
  q.id = "p1";
  q.format = "demonstrator";
  q.territory = {"agence-3"};
  q.planned_start = "2016-05-15";
  q.planned_end = "2016-08-31";
  q.started = "2016-05-15";
  q.ended = "2016-09-01";
  q.budget_spent = 2000;
  q.kpis = {kpi("k1", 45, 40)};
  q.outcome = "success";
  b.pocs = {q};
  b.history = {step("2016-03-01", "", "submitted"), step("2016-04-20", "submitted", "qualified"),
               step("2016-05-01", "qualified", "poc-planned"),
               step("2016-05-15", "poc-planned", "poc-running"),
               step("2016-09-01", "poc-running", "poc-done")};

  model::Innovation c;
  c.id = "cccc0003";
  c.kind = "practice";
  c.title = "Charlie";
  c.author = "p3";
  c.region = "idf";
  c.source = "internal";
  c.horizon = "core";
  c.created = "2016-06-01";
  c.status = "generalized";
  c.qualifications = {{"2016-07-01", "e1", "idf", {{"a", 5}, {"b", 4}}, "go", "fine", ""}};
  model::Decision dc;
  dc.at = "2016-08-01";
  dc.gate = "generalization";
  dc.by = "committee";
  dc.decision = "go";
  dc.scope = {"idf"};
  dc.projected = model::ValueAmount{"hours_saved", 1200, "year"};
  c.decisions = {dc};
  c.realized = {{"2016", "hours_saved", 100, "", "", ""}};
  c.history = {step("2016-06-01", "", "submitted"), step("2016-07-01", "submitted", "qualified"),
               step("2016-08-01", "qualified", "generalized")};

  model::Innovation dd;
  dd.id = "dddd0004";
  dd.kind = "idea";
  dd.title = "Delta";
  dd.author = "p1";
  dd.region = "ara";
  dd.source = "external";
  dd.horizon = "transformational";
  dd.created = "2016-10-01";
  dd.status = "submitted";
  dd.history = {step("2016-10-01", "", "submitted")};

  model::Innovation e;
  e.id = "eeee0005";
  e.kind = "idea";
  e.title = "Echo";
  e.author = "p4";
  e.region = "hdf";
  e.source = "internal";
  e.horizon = "core";
  e.created = "2016-11-15";
  e.status = "rejected";
  e.qualifications = {{"2016-12-01", "e2", "hdf", {{"a", 1}, {"b", 2}}, "reject", "no", ""}};
  e.history = {step("2016-11-15", "", "submitted"), step("2016-12-01", "submitted", "rejected")};
  std::vector<model::Innovation> out = {a, b, c, dd, e};
  for (auto& r : out) {
    model::upgrade(
        r); // KPI actuals and spent, set above, become dated facts as a reader makes them
  }
  return out;
}

// The report input over the sample, on `today` (2017-01-01 unless given), options applied.
inline report::ReportInput sample_input(report::ReportOptions options = {},
                                        const std::string& today = "2017-01-01")
{
  report::ReportInput in;
  in.config = sample_config();
  in.options = options;
  in.records = report::select_records(sample_records(), options);
  in.today = *util::parse_date(options.as_of.empty() ? today : options.as_of);
  return in;
}

// The section with the given key; fails the test when absent.
inline const report::Section& section(const report::Report& r, const std::string& key)
{
  for (const auto& s : r.sections) {
    if (s.key == key) {
      return s;
    }
  }
  FAIL("no section '" << key << "' in report " << r.name);
  throw std::logic_error("unreachable");
}

// The cell of a section at the row whose first cell is `row` and the column named `column`.
inline const report::Cell& cell(const report::Report& r, const std::string& key,
                                const std::string& row, const std::string& column)
{
  const auto& s = section(r, key);
  std::size_t c = 0;
  while (c < s.table.columns.size() && s.table.columns[c].name != column) {
    ++c;
  }
  REQUIRE_MESSAGE(c < s.table.columns.size(), "no column '" << column << "' in section " << key);
  for (const auto& line : s.table.rows) {
    if (!line.empty() && line[0].text == row) {
      return line[c];
    }
  }
  FAIL("no row '" << row << "' in section " << key);
  throw std::logic_error("unreachable");
}

// The number in a cell; nullopt for an empty (null) cell.
inline std::optional<double> num(const report::Report& r, const std::string& key,
                                 const std::string& row, const std::string& column)
{
  return cell(r, key, row, column).number;
}

// The first cells of a section's rows, in order.
inline std::vector<std::string> row_labels(const report::Report& r, const std::string& key)
{
  std::vector<std::string> out;
  for (const auto& line : section(r, key).table.rows) {
    out.push_back(line.empty() ? "" : line[0].text);
  }
  return out;
}

} // namespace innov::test
