// innov report regions: the territorial map, innovations × regions. A record counts where it was
// deposited; a POC in every region of its territory's units (model::poc_regions); a roll-out wave
// of a go decision in the region it deploys to.
#include "lib/model/as_of.hpp"
#include "lib/model/region_scope.hpp"
#include "lib/report/reports.hpp"
#include "lib/util/text.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>

namespace innov::report {

namespace {

// The go decisions' roll-out waves of a record.
std::vector<const model::RolloutWave*> waves_of(const model::Innovation& r)
{
  std::vector<const model::RolloutWave*> out;
  for (const auto& d : r.decisions) {
    if (d.gate == "generalization" && d.decision == "go") {
      for (const auto& w : d.rollout) {
        out.push_back(&w);
      }
    }
  }
  return out;
}

// What a POC is on the report's day: planned, running, or its outcome once ended.
std::string poc_stage(const model::Poc& p)
{
  if (!p.ended.empty()) {
    return p.outcome.empty() ? "ended" : p.outcome;
  }
  return p.started.empty() ? "planned" : "running";
}

struct Fact {
  std::string id;
  std::string region;
  std::string fact; // deposited | poc | rollout-planned | rollout-done
  std::string from;
  std::string to;
  std::string detail;
  std::string title;
};

} // namespace

Report regions_report(const ReportInput& in)
{
  Report rep{"regions", "Territorial map", report_subtitle(in), {}, {}, 0};
  const auto& cfg = in.config;
  const auto& scope = in.scope;
  struct Row {
    std::size_t deposited = 0, qualified = 0, pocs = 0, generalized = 0, rollout_planned = 0,
                rollout_done = 0;
  };
  std::map<std::string, Row> rows;
  std::vector<std::string> region_order; // innov.yaml order, then any other code met, sorted
  for (const auto& reg : cfg.regions) {
    if (scope.has(reg.code)) {
      rows[reg.code];
      region_order.push_back(reg.code);
    }
  }
  std::vector<Fact> facts;
  // Per record shown on the map: its facts per region ("D", "P", "P2", "R", "r").
  struct MapRow {
    const model::Innovation* rec;
    std::map<std::string, std::vector<std::string>> marks;
    std::map<std::string, std::size_t> count;
  };
  std::vector<MapRow> map_rows;
  std::vector<const model::Innovation*> all;
  for (const auto* list : {&in.records, &in.visiting}) {
    for (const auto& r : *list) {
      all.push_back(&r);
    }
  }
  std::sort(all.begin(), all.end(), [](const auto* a, const auto* b) { return a->id < b->id; });
  for (const auto* rp : all) {
    const model::Innovation& r = *rp;
    MapRow mr{&r, {}, {}};
    if (scope.deposited(r)) {
      Row& row = rows[r.region];
      ++row.deposited;
      row.qualified += model::first_reached(r, {"qualified"}).empty() ? 0 : 1;
      row.generalized += r.status == "generalized" ? 1 : 0;
      mr.marks[r.region].push_back("D");
      ++mr.count[r.region];
      facts.push_back({r.id, r.region, "deposited", r.created.substr(0, 10), "", r.unit, r.title});
    }
    bool travels = false;
    for (const auto& p : r.pocs) {
      for (const auto& region : model::poc_regions(cfg, r, p)) {
        if (!scope.has(region)) {
          continue;
        }
        travels = true;
        ++rows[region].pocs;
        ++mr.count[region];
        auto& marks = mr.marks[region];
        std::size_t n = static_cast<std::size_t>(
            std::count_if(marks.begin(), marks.end(), [](const auto& m) { return m[0] == 'P'; }));
        marks.erase(
            std::remove_if(marks.begin(), marks.end(), [](const auto& m) { return m[0] == 'P'; }),
            marks.end());
        marks.push_back(n == 0 ? "P" : fmt::format("P{}", n + 1));
        std::vector<std::string> units;
        for (const auto& u : p.territory) {
          std::string home = cfg.unit_region(u);
          if ((home.empty() ? r.region : home) == region) {
            units.push_back(u);
          }
        }
        facts.push_back(
            {r.id, region, "poc", p.started.empty() ? p.planned_start : p.started.substr(0, 10),
             p.ended.empty() ? p.planned_end : p.ended.substr(0, 10),
             fmt::format("{} {} ({}): {}", p.id, p.format, poc_stage(p), util::join(units, ", ")),
             r.title});
      }
    }
    for (const auto* w : waves_of(r)) {
      if (!scope.wave_in(*w)) {
        continue;
      }
      travels = true;
      bool done = !w->done.empty();
      (done ? rows[w->region].rollout_done : rows[w->region].rollout_planned)++;
      ++mr.count[w->region];
      mr.marks[w->region].push_back(done ? "R" : "r");
      facts.push_back({r.id, w->region, done ? "rollout-done" : "rollout-planned", w->planned,
                       w->done, "", r.title});
    }
    if (travels) {
      map_rows.push_back(std::move(mr));
    }
  }
  for (const auto& [code, row] : rows) {
    if (std::find(region_order.begin(), region_order.end(), code) == region_order.end()) {
      region_order.push_back(code); // a code innov.yaml no longer declares
    }
  }

  Section s{"regions", "Innovations by region", {}, ChartKind::heatmap, "", ""};
  s.table.columns = {{"region"},
                     {"deposited", true},
                     {"qualified", true},
                     {"pocs", true},
                     {"generalized", true},
                     {"rollout_planned", true},
                     {"rollout_done", true}};
  for (const auto& code : region_order) {
    const Row& row = rows[code];
    std::string name = code;
    for (const auto& reg : cfg.regions) {
      if (reg.code == code) {
        name = reg.code + " " + reg.name;
      }
    }
    s.table.add_row({Cell::str(name), Cell::num(static_cast<double>(row.deposited)),
                     Cell::num(static_cast<double>(row.qualified)),
                     Cell::num(static_cast<double>(row.pocs)),
                     Cell::num(static_cast<double>(row.generalized)),
                     Cell::num(static_cast<double>(row.rollout_planned)),
                     Cell::num(static_cast<double>(row.rollout_done))});
  }
  s.note = "deposited, qualified and generalized by the record's region; pocs: each POC in every "
           "region where a unit of its territory is (regions[].units of innov.yaml; an undeclared "
           "unit counts in the record's region); roll-out waves of go decisions by the region "
           "they deploy to";
  rep.sections.push_back(std::move(s));

  Section m{"map", "Innovations × regions", {}, ChartKind::heatmap, "", ""};
  m.table.columns.push_back({"id"});
  for (const auto& code : region_order) {
    m.table.columns.push_back({code, true});
  }
  m.table.columns.push_back({"title"});
  for (const auto& mr : map_rows) {
    std::vector<Cell> cells{Cell::str(mr.rec->id)};
    for (const auto& code : region_order) {
      auto it = mr.marks.find(code);
      if (it == mr.marks.end()) {
        cells.push_back(Cell{"", 0.0, false});
        continue;
      }
      cells.push_back(
          Cell{util::join(it->second, " "), static_cast<double>(mr.count.at(code)), false});
    }
    cells.push_back(Cell::str(mr.rec->title));
    m.table.add_row(std::move(cells));
  }
  m.note = "records with a POC or a roll-out wave; D deposited there, P a POC ran there (P2: two "
           "POCs), R roll-out done, r roll-out planned; json and csv give the number of these "
           "facts";
  rep.sections.push_back(std::move(m));

  std::sort(facts.begin(), facts.end(), [&](const Fact& a, const Fact& b) {
    auto ra = std::find(region_order.begin(), region_order.end(), a.region);
    auto rb = std::find(region_order.begin(), region_order.end(), b.region);
    return std::tie(ra, a.from, a.id, a.fact) < std::tie(rb, b.from, b.id, b.fact);
  });
  Section f{"facts", "Where and when", {}, ChartKind::none, "", ""};
  f.table.columns = {{"region"}, {"id"}, {"fact"}, {"from"}, {"to"}, {"detail"}, {"title"}};
  for (const auto& x : facts) {
    bool on_map = std::any_of(map_rows.begin(), map_rows.end(),
                              [&](const MapRow& mr) { return mr.rec->id == x.id; });
    if (!on_map) {
      continue;
    }
    f.table.add_row({Cell::str(x.region), Cell::str(x.id), Cell::str(x.fact), Cell::str(x.from),
                     Cell::str(x.to), Cell::str(x.detail), Cell::str(x.title)});
  }
  f.note = "the records of the map, fact by fact: deposited (creation date, unit), poc (started "
           "or planned start to ended or planned end; the units in that region), roll-out "
           "(planned to done)";
  rep.sections.push_back(std::move(f));
  return rep;
}

} // namespace innov::report
