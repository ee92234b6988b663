// innov report cycle-time: the days each transition of the lifecycle takes.
#include "lib/model/as_of.hpp"
#include "lib/model/gates.hpp"
#include "lib/model/lifecycle.hpp"
#include "lib/report/reports.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <fmt/format.h>
#include <map>
#include <set>
#include <unordered_map>
#include <vector>

namespace innov::report {

Report cycle_time_report(const ReportInput& in)
{
  Report rep{"cycle-time", "Cycle time per transition", report_subtitle(in), {}, {}, 0};
  std::map<std::pair<int, int>, std::vector<double>> days;
  for (const auto& r : in.records) {
    for (std::size_t i = 1; i < r.history.size(); ++i) {
      auto from = model::parse_state(r.history[i].from);
      auto to = model::parse_state(r.history[i].to);
      auto a = util::date_of(r.history[i - 1].at);
      auto b = util::date_of(r.history[i].at);
      if (from && to && a && b) {
        days[{static_cast<int>(*from), static_cast<int>(*to)}].push_back(
            static_cast<double>(util::days_between(*a, *b)));
      }
    }
  }
  Section s{"transitions", "Days per transition", {}, ChartKind::bars, "p50_days", ""};
  s.table.columns = {{"transition"}, {"count", true}, {"p50_days", true}, {"p90_days", true}};
  for (const auto& [k, v] : days) {
    std::string name = std::string(model::state_name(static_cast<model::State>(k.first))) + " -> " +
                       std::string(model::state_name(static_cast<model::State>(k.second)));
    s.table.add_row({Cell::str(name), Cell::num(static_cast<double>(v.size())),
                     Cell::num(std::round(percentile(v, 50) * 10) / 10),
                     Cell::num(std::round(percentile(v, 90) * 10) / 10)});
  }
  s.note = "days between consecutive history entries; p50 and p90 by linear interpolation";
  rep.sections.push_back(std::move(s));
  return rep;
}

} // namespace innov::report
