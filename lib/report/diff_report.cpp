// The committee's minutes (lib/report/diff.hpp) as a report: totals, then one section per kind of
// event, every row naming the record's region and kind first.
#include "lib/report/diff.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <tuple>

namespace innov::report {

namespace {

// The totals' columns: one per kind of event (in the minutes' order), `overrides` beside
// `decisions` (a subset of them, not added to the total).
struct TotalColumn {
  const char* name;
  EventKind kind;
};
constexpr TotalColumn k_total_columns[] = {
    {"new", EventKind::record_added},        {"opinions", EventKind::opinion},
    {"states", EventKind::state_change},     {"decisions", EventKind::decision},
    {"poc_planned", EventKind::poc_planned}, {"poc_started", EventKind::poc_started},
    {"poc_closed", EventKind::poc_closed},   {"waves", EventKind::wave_done},
    {"realized", EventKind::realized},       {"links", EventKind::linked},
    {"merged", EventKind::merged},           {"withdrawn", EventKind::withdrawn},
    {"removed", EventKind::record_removed},
};

struct Counts {
  std::map<EventKind, double> by_kind;
  double overrides = 0;
  double total = 0;

  void add(const MinutesEvent& e)
  {
    by_kind[e.kind] += 1;
    total += 1;
    if (e.kind == EventKind::decision && !e.override_reason.empty()) {
      overrides += 1;
    }
  }
};

// Totals grouped by `group` (region or record kind), then a `total` row.
Section totals(const Minutes& m, const std::string& key, const std::string& title,
               const std::string& group_column, std::string MinutesEvent::*group)
{
  Section s{key, title, {}, ChartKind::none, "", ""};
  s.table.columns.push_back({group_column});
  for (const auto& c : k_total_columns) {
    s.table.columns.push_back({c.name, true});
    if (c.kind == EventKind::decision) {
      s.table.columns.push_back({"overrides", true});
    }
  }
  s.table.columns.push_back({"total", true});
  std::map<std::string, Counts> groups;
  Counts all;
  for (const auto& e : m.events) {
    groups[e.*group].add(e);
    all.add(e);
  }
  auto row = [&s](const std::string& name, const Counts& c) {
    std::vector<Cell> cells{Cell::str(name)};
    for (const auto& col : k_total_columns) {
      auto it = c.by_kind.find(col.kind);
      cells.push_back(Cell::num(it == c.by_kind.end() ? 0 : it->second));
      if (col.kind == EventKind::decision) {
        cells.push_back(Cell::num(c.overrides));
      }
    }
    cells.push_back(Cell::num(c.total));
    s.table.add_row(std::move(cells));
  };
  for (const auto& [name, c] : groups) {
    row(name, c);
  }
  if (!groups.empty()) {
    row("total", all);
  }
  return s;
}

// A section listing the events of the given kinds, each row starting with region, kind and id.
template <typename Cells>
Section events(const Minutes& m, const std::string& key, const std::string& title,
               std::vector<Column> columns, std::initializer_list<EventKind> kinds, Cells cells)
{
  Section s{key, title, {}, ChartKind::none, "", ""};
  s.table.columns = {{"region"}, {"kind"}, {"id"}};
  s.table.columns.insert(s.table.columns.end(), columns.begin(), columns.end());
  s.table.columns.push_back({"title"});
  std::vector<const MinutesEvent*> selected;
  for (const auto& e : m.events) {
    if (std::find(kinds.begin(), kinds.end(), e.kind) != kinds.end()) {
      selected.push_back(&e);
    }
  }
  // By region and kind first; events of one record on one day stay in the minutes' order.
  std::stable_sort(selected.begin(), selected.end(),
                   [](const MinutesEvent* a, const MinutesEvent* b) {
                     return std::tie(a->region, a->record_kind, a->date) <
                            std::tie(b->region, b->record_kind, b->date);
                   });
  for (const auto* e : selected) {
    std::vector<Cell> row{Cell::str(e->region), Cell::str(e->record_kind), Cell::str(e->id)};
    for (auto& c : cells(*e)) {
      row.push_back(std::move(c));
    }
    row.push_back(Cell::str(e->title));
    s.table.add_row(std::move(row));
  }
  return s;
}

std::string poc_event_name(EventKind k)
{
  return k == EventKind::poc_planned   ? "planned"
         : k == EventKind::poc_started ? "started"
                                       : "closed";
}

// "success, 2/3 KPIs met" for a closed POC; the format for the others.
std::string poc_detail(const MinutesEvent& e)
{
  if (e.kind != EventKind::poc_closed) {
    return e.format;
  }
  std::size_t met = 0;
  for (const auto& k : e.kpis) {
    met += k.met.value_or(false) ? 1 : 0;
  }
  std::string outcome = e.outcome.empty() ? "no outcome" : e.outcome;
  return e.kpis.empty() ? outcome : fmt::format("{}, {}/{} KPIs met", outcome, met, e.kpis.size());
}

std::string closing_event(const MinutesEvent& e)
{
  if (e.kind == EventKind::merged) {
    return "merged into " + e.to;
  }
  return e.kind == EventKind::withdrawn ? "withdrawn" : "removed";
}

Section kpi_results(const Minutes& m)
{
  Section s{"kpis", "KPI results of the closed POCs", {}, ChartKind::none, "", ""};
  s.table.columns = {{"region"},         {"id"},           {"poc"},          {"kpi"},  {"unit"},
                     {"baseline", true}, {"target", true}, {"actual", true}, {"must"}, {"result"}};
  for (const auto& e : m.events) {
    if (e.kind != EventKind::poc_closed) {
      continue;
    }
    for (const auto& k : e.kpis) {
      s.table.add_row({Cell::str(e.region), Cell::str(e.id), Cell::str(e.poc), Cell::str(k.id),
                       Cell::str(k.unit), Cell::num(k.baseline), Cell::num(k.target),
                       k.actual ? Cell::num(*k.actual) : Cell::none(),
                       Cell::str(k.must ? "must" : ""),
                       Cell::str(!k.met   ? "not measured"
                                 : *k.met ? "met"
                                          : "not met")});
    }
  }
  return s;
}

} // namespace

Report minutes_report(const Minutes& m, const MinutesRange& range)
{
  auto rev = [](const std::string& name, const std::string& commit) {
    return commit.empty() || commit == name ? name : name + " (" + commit.substr(0, 7) + ")";
  };
  Report rep;
  rep.name = "diff";
  rep.title = "Committee minutes";
  rep.subtitle =
      fmt::format("{}{}{} .. {}, {} event{}", range.portfolio, range.portfolio.empty() ? "" : ": ",
                  rev(range.from_rev, range.from_commit), rev(range.to_rev, range.to_commit),
                  m.events.size(), m.events.size() == 1 ? "" : "s");

  Section r{"range", "Compared", {}, ChartKind::none, "", ""};
  r.table.columns = {{"state"}, {"revision"}, {"commit"}};
  auto commit_cell = [](const std::string& c) { return c.empty() ? Cell::none() : Cell::str(c); };
  r.table.add_row({Cell::str("from"), Cell::str(range.from_rev), commit_cell(range.from_commit)});
  r.table.add_row({Cell::str("to"), Cell::str(range.to_rev), commit_cell(range.to_commit)});
  rep.sections.push_back(std::move(r));

  rep.sections.push_back(
      totals(m, "totals_by_region", "Totals by region", "region", &MinutesEvent::region));
  rep.sections.push_back(
      totals(m, "totals_by_kind", "Totals by kind", "kind", &MinutesEvent::record_kind));

  rep.sections.push_back(
      events(m, "records", "New ideas and practices", {{"created"}, {"author"}, {"status"}},
             {EventKind::record_added}, [](const MinutesEvent& e) {
               return std::vector<Cell>{Cell::str(e.date), Cell::str(e.actor), Cell::str(e.to)};
             }));
  rep.sections.push_back(events(m, "opinions", "Opinions", {{"at"}, {"expert"}, {"opinion"}},
                                {EventKind::opinion}, [](const MinutesEvent& e) {
                                  return std::vector<Cell>{
                                      Cell::str(e.date), Cell::str(e.actor),
                                      Cell::str(e.decision + (e.advisory ? ", advisory" : ""))};
                                }));
  rep.sections.push_back(events(m, "states", "State changes", {{"at"}, {"by"}, {"from"}, {"to"}},
                                {EventKind::state_change}, [](const MinutesEvent& e) {
                                  return std::vector<Cell>{Cell::str(e.date), Cell::str(e.actor),
                                                           Cell::str(e.from), Cell::str(e.to)};
                                }));
  Section decisions =
      events(m, "decisions", "Decisions", {{"at"}, {"by"}, {"gate"}, {"decision"}, {"override"}},
             {EventKind::decision}, [](const MinutesEvent& e) {
               return std::vector<Cell>{
                   Cell::str(e.date), Cell::str(e.actor), Cell::str(e.gate), Cell::str(e.decision),
                   Cell::str(e.override_reason.empty() ? "" : "OVERRIDE: " + e.override_reason)};
             });
  std::size_t overrides = 0;
  for (const auto& e : m.events) {
    overrides += e.kind == EventKind::decision && !e.override_reason.empty() ? 1 : 0;
  }
  if (overrides > 0) {
    decisions.note =
        fmt::format("{} decision{} overrode the gate rules", overrides, overrides == 1 ? "" : "s");
  }
  rep.sections.push_back(std::move(decisions));
  rep.sections.push_back(events(
      m, "pocs", "POCs planned, started and closed",
      {{"poc"}, {"event"}, {"at"}, {"by"}, {"detail"}},
      {EventKind::poc_planned, EventKind::poc_started, EventKind::poc_closed},
      [](const MinutesEvent& e) {
        return std::vector<Cell>{Cell::str(e.poc), Cell::str(poc_event_name(e.kind)),
                                 Cell::str(e.date), Cell::str(e.actor), Cell::str(poc_detail(e))};
      }));
  rep.sections.push_back(kpi_results(m));
  rep.sections.push_back(
      events(m, "waves", "Roll-out waves done", {{"wave"}, {"planned"}, {"done"}, {"by"}},
             {EventKind::wave_done}, [](const MinutesEvent& e) {
               return std::vector<Cell>{Cell::str(e.wave_region), Cell::str(e.planned),
                                        Cell::str(e.date), Cell::str(e.actor)};
             }));
  rep.sections.push_back(events(
      m, "realized", "Realized value added", {{"period"}, {"metric"}, {"amount", true}, {"where"}},
      {EventKind::realized}, [](const MinutesEvent& e) {
        return std::vector<Cell>{Cell::str(e.period), Cell::str(e.metric), Cell::num(e.amount),
                                 Cell::str(e.wave_region)};
      }));
  rep.sections.push_back(events(m, "links", "Links made", {{"relation"}, {"to"}, {"at"}, {"by"}},
                                {EventKind::linked}, [](const MinutesEvent& e) {
                                  return std::vector<Cell>{Cell::str(e.decision), Cell::str(e.to),
                                                           Cell::str(e.date), Cell::str(e.actor)};
                                }));
  rep.sections.push_back(
      events(m, "closed", "Merged, withdrawn or removed", {{"at"}, {"by"}, {"event"}},
             {EventKind::merged, EventKind::withdrawn, EventKind::record_removed},
             [](const MinutesEvent& e) {
               return std::vector<Cell>{e.date.empty() ? Cell::none() : Cell::str(e.date),
                                        e.actor.empty() ? Cell::none() : Cell::str(e.actor),
                                        Cell::str(closing_event(e))};
             }));
  return rep;
}

} // namespace innov::report
