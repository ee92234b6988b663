#include "lib/report/poc_list.hpp"

#include "lib/util/text.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <string>
#include <utility>

namespace innov::report {

Table poc_list(const std::vector<model::Innovation>& records, const util::Date& today,
               const model::RegionScope& scope)
{
  Table t;
  t.columns = {{"id"},    {"poc"}, {"status"},          {"format"},
               {"start"}, {"end"}, {"days_left", true}, {"territory"},
               {"title"}};
  std::vector<std::pair<std::string, std::vector<Cell>>> rows; // by planned end, then id
  for (const auto& r : records) {
    if (r.status != "poc-planned" && r.status != "poc-running") {
      continue;
    }
    const model::Poc* p = r.last_poc();
    if (!p || !scope.poc_in(r, *p)) {
      continue;
    }
    std::string start = p->started.empty() ? p->planned_start : p->started;
    Cell left = Cell::none();
    if (auto end = util::parse_date(p->planned_end)) {
      long days = util::days_between(today, *end);
      left = Cell{days < 0 ? fmt::format("{} overdue", -days) : std::to_string(days),
                  static_cast<double>(days), false};
    }
    rows.push_back({p->planned_end + r.id,
                    {Cell::str(r.id), Cell::str(p->id),
                     Cell::str(r.status == "poc-running" ? "running" : "planned"),
                     Cell::str(p->format), Cell::str(start), Cell::str(p->planned_end), left,
                     Cell::str(util::join(p->territory, ", ")), Cell::str(r.title)}});
  }
  std::sort(rows.begin(), rows.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& r : rows) {
    t.add_row(std::move(r.second));
  }
  return t;
}

} // namespace innov::report
