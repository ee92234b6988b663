// innov report regions: the territorial map, records and stages per region.
#include "lib/model/as_of.hpp"
#include "lib/model/gates.hpp"
#include "lib/report/reports.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <fmt/format.h>
#include <map>

namespace innov::report {

Report regions_report(const ReportInput& in)
{
  Report rep{"regions", "Territorial map", report_subtitle(in), {}, {}, 0};
  struct Row {
    std::size_t records = 0, qualified = 0, demonstrators = 0, generalized = 0, rollout_planned = 0,
                rollout_done = 0;
  };
  std::map<std::string, Row> rows;
  for (const auto& reg : in.config.regions) {
    rows[reg.code];
  }
  for (const auto& r : in.records) {
    Row& row = rows[r.region];
    ++row.records;
    row.qualified += model::first_reached(r, {"qualified"}).empty() ? 0 : 1;
    row.demonstrators += r.pocs.size();
    row.generalized += r.status == "generalized" ? 1 : 0;
    for (const auto& d : r.decisions) {
      if (d.gate != "generalization" || d.decision != "go") {
        continue;
      }
      for (const auto& w : d.rollout) {
        (w.done.empty() ? rows[w.region].rollout_planned : rows[w.region].rollout_done)++;
      }
    }
  }
  Section s{"regions", "Innovations by region", {}, ChartKind::heatmap, "", ""};
  s.table.columns = {{"region"},
                     {"records", true},
                     {"qualified", true},
                     {"demonstrators", true},
                     {"generalized", true},
                     {"rollout_planned", true},
                     {"rollout_done", true}};
  for (const auto& [code, row] : rows) {
    std::string name = code;
    for (const auto& reg : in.config.regions) {
      if (reg.code == code) {
        name = reg.code + " " + reg.name;
      }
    }
    s.table.add_row({Cell::str(name), Cell::num(static_cast<double>(row.records)),
                     Cell::num(static_cast<double>(row.qualified)),
                     Cell::num(static_cast<double>(row.demonstrators)),
                     Cell::num(static_cast<double>(row.generalized)),
                     Cell::num(static_cast<double>(row.rollout_planned)),
                     Cell::num(static_cast<double>(row.rollout_done))});
  }
  s.note = "records, qualified, demonstrators (POCs) and generalized by the record's region; "
           "roll-out waves by the "
           "region they deploy to";
  rep.sections.push_back(std::move(s));
  return rep;
}

} // namespace innov::report
