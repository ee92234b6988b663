// innov report funnel: how many records reached each stage, and the conversions between them.
#include "lib/model/lifecycle.hpp"
#include "lib/model/stages.hpp"
#include "lib/report/reports.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <fmt/format.h>
#include <map>
#include <set>

namespace innov::report {

namespace {

// The stages of model::k_stage_states, each with the statuses that are "in" it now.
struct Stage {
  const char* name;
  std::set<std::string> current;
};

const std::vector<Stage>& stages()
{
  static const std::vector<Stage> k_stages = {
      {"submitted", {"submitted", "needs-info", "on-hold"}},
      {"qualified", {"qualified"}},
      {"poc", {"poc-planned", "poc-running", "poc-done"}},
      {"generalized", {"generalized"}},
  };
  return k_stages;
}

using Reached = std::array<std::string, model::k_stage_states.size()>;
using Rows = std::vector<model::StageRow>;

// A line of the stages table: the records that reached `stage` (with or without a POC), counted
// against the cohort that reached `from` (docs/reports.md, "Definitions": funnel conversion).
enum class Via { any, poc, no_poc };
struct Line {
  const char* name;
  std::size_t stage;
  std::size_t from; // == stage for the first line (no conversion)
  Via via;
  std::set<std::string> current;
};

const std::vector<Line>& lines()
{
  static const std::vector<Line> k_lines = {
      {"submitted", 0, 0, Via::any, stages()[0].current},
      {"qualified", 1, 0, Via::any, stages()[1].current},
      {"poc", 2, 1, Via::any, stages()[2].current},
      {"generalized", 3, 2, Via::poc, stages()[3].current},
      {"generalized directly", 3, 1, Via::no_poc, stages()[3].current},
  };
  return k_lines;
}

constexpr std::size_t k_poc = 2;

bool counts_in(const Line& l, const Reached& d)
{
  if (d[l.stage].empty()) {
    return false;
  }
  return l.via == Via::any || (l.via == Via::poc) == !d[k_poc].empty();
}

void add_line(Section& s, const Line& l, const Rows& rows)
{
  std::size_t reached = 0;
  std::size_t current = 0;
  std::size_t cohort = 0;    // reached `from`
  std::size_t converted = 0; // reached `from`, then this line
  std::vector<double> days;
  for (const auto& row : rows) {
    const Reached& d = row.reached;
    bool in_line = counts_in(l, d);
    reached += in_line ? 1 : 0;
    current += in_line && l.current.count(row.status) ? 1 : 0;
    if (l.from == l.stage || d[l.from].empty()) {
      continue;
    }
    ++cohort;
    if (in_line) {
      ++converted;
      auto a = util::parse_date(d[l.from]);
      auto b = util::parse_date(d[l.stage]);
      if (a && b) {
        days.push_back(static_cast<double>(util::days_between(*a, *b)));
      }
    }
  }
  bool first = l.from == l.stage;
  s.table.add_row({Cell::str(l.name), Cell::num(static_cast<double>(reached)),
                   Cell::num(static_cast<double>(current)),
                   first ? Cell::none()
                         : ratio_cell(static_cast<double>(converted), static_cast<double>(cohort)),
                   first ? Cell::none() : days_cell(percentile(days, 50))});
}

// "generalized directly" -> "generalized_directly": a column name.
std::string column_of(const Line& l)
{
  std::string c = l.name;
  std::replace(c.begin(), c.end(), ' ', '_');
  return c;
}

// One row of counts per group: how many records of the group each line counts.
Section by_group_section(const ReportInput& in, const Rows& rows)
{
  const std::string& by = in.options.by;
  Section g{"by_" + by, "Funnel by " + by, {}, ChartKind::heatmap, "", ""};
  g.table.columns = {{by}};
  for (const auto& l : lines()) {
    g.table.columns.push_back({column_of(l), true});
  }
  g.table.columns.push_back({"conversion", true});
  std::map<std::string, std::vector<std::size_t>> counts;
  model::ActorKinds kinds(in.config.roles.population);
  for (const auto& row : rows) {
    for (const auto& v : group_values(row, by, &kinds)) {
      auto& c = counts.try_emplace(v, std::vector<std::size_t>(lines().size(), 0)).first->second;
      for (std::size_t i = 0; i < lines().size(); ++i) {
        c[i] += counts_in(lines()[i], row.reached) ? 1 : 0;
      }
    }
  }
  for (const auto& [group, c] : counts) {
    std::vector<Cell> row = {Cell::str(group)};
    for (auto n : c) {
      row.push_back(Cell::num(static_cast<double>(n)));
    }
    double generalized = static_cast<double>(c[3] + c[4]);
    row.push_back(ratio_cell(generalized, static_cast<double>(c.front())));
    g.table.add_row(std::move(row));
  }
  g.note = "conversion: generalized (after a POC or directly) / submitted";
  return g;
}

// The records that reached each line's stage in each period, quiet periods included.
Section over_time_section(const ReportInput& in, const Rows& rows)
{
  const std::string& period = in.options.period;
  Section t{"over_time", "Stages reached per " + period, {}, ChartKind::bars, "submitted", ""};
  t.table.columns = {{"period"}};
  for (const auto& l : lines()) {
    t.table.columns.push_back({column_of(l), true});
  }
  std::map<std::string, std::vector<std::size_t>> counts;
  for (const auto& row : rows) {
    const Reached& d = row.reached;
    for (std::size_t i = 0; i < lines().size(); ++i) {
      if (counts_in(lines()[i], d)) {
        auto label = period_of_date(d[lines()[i].stage], period);
        auto& c =
            counts.try_emplace(label, std::vector<std::size_t>(lines().size(), 0)).first->second;
        ++c[i];
      }
    }
  }
  if (!counts.empty()) {
    for (const auto& p : period_range(counts.begin()->first, counts.rbegin()->first, period)) {
      counts.try_emplace(p, std::vector<std::size_t>(lines().size(), 0));
    }
  }
  for (const auto& [label, c] : counts) {
    std::vector<Cell> row = {Cell::str(label)};
    for (auto n : c) {
      row.push_back(Cell::num(static_cast<double>(n)));
    }
    t.table.add_row(std::move(row));
  }
  return t;
}

// Needs (kind need) on their own: deposited, qualified (the experts confirmed the need), answered
// (some record links to it as solution-of, in.answered) and open (neither answered nor closed).
Section needs_section(const Rows& needs, const std::vector<std::string>& answered)
{
  Section n{"needs", "Needs", {}, ChartKind::none, "", ""};
  n.table.columns = {{"needs"}, {"records", true}, {"share", true}};
  std::size_t qualified = 0;
  std::size_t answers = 0;
  std::size_t open = 0;
  for (const auto& r : needs) {
    bool is_answered = std::binary_search(answered.begin(), answered.end(), r.id);
    qualified += r.reached[1].empty() ? 0 : 1;
    answers += is_answered ? 1 : 0;
    auto state = model::parse_state(r.status);
    open += !is_answered && state && !model::is_terminal(*state) ? 1 : 0;
  }
  auto line = [&](const char* name, std::size_t k, bool share) {
    n.table.add_row({Cell::str(name), Cell::num(static_cast<double>(k)),
                     share ? ratio_cell(static_cast<double>(k), static_cast<double>(needs.size()))
                           : Cell::none()});
  };
  line("deposited", needs.size(), false);
  line("qualified", qualified, true);
  line("answered", answers, true);
  line("open", open, true);
  n.note = "needs are counted here only, never in the stages and conversions above; answered: a "
           "record links to the need as solution-of (innov idea link); open: not answered, not "
           "rejected, merged or withdrawn; share: of the needs deposited";
  return n;
}

} // namespace

Report funnel_report(const ReportInput& in)
{
  Rows computed;
  if (!in.stage_rows) {
    computed.reserve(in.records.size());
    for (const auto& r : in.records) {
      computed.push_back(model::stage_row(r));
    }
  }
  const Rows& all = in.stage_rows ? *in.stage_rows : computed;
  // Ideas and practices go through the stages; needs have a section of their own.
  Rows needs;
  Rows others;
  bool any_need =
      std::any_of(all.begin(), all.end(), [](const auto& r) { return r.kind == "need"; });
  if (any_need) {
    for (const auto& r : all) {
      (r.kind == "need" ? needs : others).push_back(r);
    }
  }
  const Rows& rows = any_need ? others : all;
  Report rep{"funnel", "Innovation funnel", report_subtitle(in, rows.size()), {}, {}, 0};
  Section s{"stages", "Stages", {}, ChartKind::funnel, "reached", ""};
  s.table.columns = {
      {"stage"}, {"reached", true}, {"current", true}, {"conversion", true}, {"median_days", true}};
  for (const auto& l : lines()) {
    add_line(s, l, rows);
  }
  s.note = "reached: records that ever got to the stage (from history); generalized: after a POC, "
           "generalized directly: without one; conversion: of the records that reached the "
           "previous stage (qualified for generalized directly), the share that reached this one; "
           "median_days: from reaching the previous stage";
  rep.sections.push_back(std::move(s));

  Section closed{"closed", "Closed without generalization", {}, ChartKind::none, "", ""};
  closed.table.columns = {{"status"}, {"records", true}};
  for (const auto& st : closed_statuses()) {
    std::size_t n =
        std::count_if(rows.begin(), rows.end(), [&](const auto& r) { return r.status == st; });
    closed.table.add_row({Cell::str(st), Cell::num(static_cast<double>(n))});
  }
  rep.sections.push_back(std::move(closed));
  if (!needs.empty()) {
    rep.sections.push_back(needs_section(needs, in.answered));
  }

  if (!in.options.by.empty()) {
    rep.sections.push_back(by_group_section(in, rows));
  }
  if (!in.options.period.empty()) {
    rep.sections.push_back(over_time_section(in, rows));
  }
  return rep;
}

} // namespace innov::report
