// innov report funnel: how many records reached each stage, and the conversions between them.
#include "lib/model/as_of.hpp"
#include "lib/report/reports.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <fmt/format.h>
#include <map>
#include <set>

namespace innov::report {

namespace {

struct Stage {
  const char* name;
  const char* reached_by;        // the history state that means the stage was reached
  std::set<std::string> current; // statuses that are "in" the stage now
};

const std::vector<Stage>& stages()
{
  static const std::vector<Stage> k_stages = {
      {"submitted", "submitted", {"submitted", "needs-info", "on-hold"}},
      {"qualified", "qualified", {"qualified"}},
      {"poc", "poc-planned", {"poc-planned", "poc-running", "poc-done"}},
      {"generalized", "generalized", {"generalized"}},
  };
  return k_stages;
}

// The day each record first reached each stage ("" when it did not), looked up once per record.
using Reached = std::array<std::string, 4>; // as many as stages()

std::vector<Reached> stage_dates(const std::vector<model::Innovation>& records)
{
  std::vector<Reached> out(records.size());
  for (std::size_t r = 0; r < records.size(); ++r) {
    for (std::size_t i = 0; i < stages().size(); ++i) {
      out[r][i] = model::first_reached(records[r], {stages()[i].reached_by});
    }
  }
  return out;
}

} // namespace

Report funnel_report(const ReportInput& in)
{
  Report rep{"funnel", "Innovation funnel", report_subtitle(in), {}};
  Section s{"stages", "Stages", {}, ChartKind::funnel, "reached", ""};
  s.table.columns = {
      {"stage"}, {"reached", true}, {"current", true}, {"conversion", true}, {"median_days", true}};
  const std::vector<Reached> dates = stage_dates(in.records);
  std::size_t prev_reached = 0;
  for (std::size_t i = 0; i < stages().size(); ++i) {
    const auto& st = stages()[i];
    std::size_t reached = 0;
    std::size_t current = 0;
    std::vector<double> days;
    for (std::size_t n = 0; n < in.records.size(); ++n) {
      const std::string& at = dates[n][i];
      if (at.empty()) {
        continue;
      }
      ++reached;
      current += st.current.count(in.records[n].status);
      if (i > 0) {
        auto a = util::parse_date(dates[n][i - 1]);
        auto b = util::parse_date(at);
        if (a && b) {
          days.push_back(static_cast<double>(util::days_between(*a, *b)));
        }
      }
    }
    s.table.add_row(
        {Cell::str(st.name), Cell::num(static_cast<double>(reached)),
         Cell::num(static_cast<double>(current)),
         i == 0 ? Cell::none()
                : ratio_cell(static_cast<double>(reached), static_cast<double>(prev_reached)),
         i == 0 ? Cell::none() : days_cell(percentile(days, 50))});
    prev_reached = reached;
  }
  s.note = "reached: records that ever got to the stage (from history); conversion: from the "
           "previous stage; "
           "median_days: from reaching the previous stage";
  rep.sections.push_back(std::move(s));

  Section closed{"closed", "Closed without generalization", {}, ChartKind::none, "", ""};
  closed.table.columns = {{"status"}, {"records", true}};
  for (const char* st : {"rejected", "killed", "merged", "withdrawn"}) {
    std::size_t n = std::count_if(in.records.begin(), in.records.end(),
                                  [&](const auto& r) { return r.status == st; });
    closed.table.add_row({Cell::str(st), Cell::num(static_cast<double>(n))});
  }
  rep.sections.push_back(std::move(closed));

  if (!in.options.by.empty()) {
    Section g{"by_" + in.options.by, "Funnel by " + in.options.by, {}, ChartKind::heatmap, "", ""};
    g.table.columns = {{in.options.by}};
    for (const auto& st : stages()) {
      g.table.columns.push_back({st.name, true});
    }
    g.table.columns.push_back({"conversion", true});
    std::map<std::string, std::vector<std::size_t>> counts;
    for (std::size_t n = 0; n < in.records.size(); ++n) {
      for (const auto& v : group_values(in.records[n], in.options.by)) {
        auto& c = counts.try_emplace(v, std::vector<std::size_t>(stages().size(), 0)).first->second;
        for (std::size_t i = 0; i < stages().size(); ++i) {
          c[i] += dates[n][i].empty() ? 0 : 1;
        }
      }
    }
    for (const auto& [group, c] : counts) {
      std::vector<Cell> row = {Cell::str(group)};
      for (auto n : c) {
        row.push_back(Cell::num(static_cast<double>(n)));
      }
      row.push_back(ratio_cell(static_cast<double>(c.back()), static_cast<double>(c.front())));
      g.table.add_row(std::move(row));
    }
    g.note = "conversion: generalized / submitted";
    rep.sections.push_back(std::move(g));
  }
  if (!in.options.period.empty()) {
    Section t{"over_time", "Stages reached per " + in.options.period,
              {},          ChartKind::bars,
              "submitted", ""};
    t.table.columns = {{"period"}};
    for (const auto& st : stages()) {
      t.table.columns.push_back({st.name, true});
    }
    std::map<std::string, std::vector<std::size_t>> counts;
    for (const auto& record_dates : dates) {
      for (std::size_t i = 0; i < stages().size(); ++i) {
        const std::string& at = record_dates[i];
        if (!at.empty()) {
          auto& c = counts
                        .try_emplace(period_of_date(at, in.options.period),
                                     std::vector<std::size_t>(stages().size(), 0))
                        .first->second;
          ++c[i];
        }
      }
    }
    if (!counts.empty()) {
      for (const auto& p :
           period_range(counts.begin()->first, counts.rbegin()->first, in.options.period)) {
        counts.try_emplace(p, std::vector<std::size_t>(stages().size(), 0));
      }
    }
    for (const auto& [period, c] : counts) {
      std::vector<Cell> row = {Cell::str(period)};
      for (auto n : c) {
        row.push_back(Cell::num(static_cast<double>(n)));
      }
      t.table.add_row(std::move(row));
    }
    rep.sections.push_back(std::move(t));
  }
  return rep;
}

} // namespace innov::report
