// innov report pipeline: what waits where, how long, and which SLAs are breached.
#include "lib/model/as_of.hpp"
#include "lib/model/gates.hpp"
#include "lib/model/lifecycle.hpp"
#include "lib/model/sla.hpp"
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

namespace {

long age_days(const std::string& since, const util::Date& today)
{
  auto d = util::parse_date(since.substr(0, 10));
  return d ? std::max(0L, util::days_between(*d, today)) : 0; // never negative: see clock_warning
}

} // namespace

Report pipeline_report(const ReportInput& in)
{
  Report rep{"pipeline",
             "Pipeline: what waits where",
             report_subtitle(in) + ", on " + util::format_date(in.today),
             {},
             {},
             0};
  const auto& cfg = in.config;
  const std::vector<std::string> open = {"submitted",   "needs-info",  "on-hold", "qualified",
                                         "poc-planned", "poc-running", "poc-done"};
  struct Item {
    const model::Innovation* rec;
    std::string since;
    long age;
    long sla; // 0: no SLA for the state
    bool breach;
  };
  std::vector<Item> items;
  for (const auto& r : in.records) {
    if (std::find(open.begin(), open.end(), r.status) == open.end()) {
      continue;
    }
    Item it{&r, model::status_since(r), 0, 0, false};
    it.age = age_days(it.since, in.today);
    if (r.status == "submitted" || r.status == "needs-info") {
      it.sla = cfg.sla_qualification_days;
      it.breach = model::sla_breached(model::qualification_due(r, cfg), in.today);
    } else if (r.status == "poc-done" || r.status == "qualified") {
      it.sla = cfg.sla_decision_days;
      it.breach = model::sla_breached(model::decision_due(r, cfg), in.today);
    } else if (r.status == "poc-running" || r.status == "poc-planned") {
      const auto* p = r.last_poc();
      auto end = p ? util::parse_date(p->planned_end) : std::nullopt;
      it.breach = end && util::days_between(*end, in.today) > 0;
    }
    items.push_back(it);
  }
  Section sum{"states", "Open states", {}, ChartKind::bars, "records", ""};
  sum.table.columns = {
      {"state"},          {"records", true}, {"oldest_days", true}, {"median_days", true},
      {"sla_days", true}, {"breaches", true}};
  for (const auto& st : open) {
    std::vector<double> ages;
    std::size_t breaches = 0;
    long sla = 0;
    for (const auto& it : items) {
      if (it.rec->status == st) {
        ages.push_back(static_cast<double>(it.age));
        breaches += it.breach;
        sla = it.sla;
      }
    }
    if (st == "submitted" || st == "needs-info") {
      sla = cfg.sla_qualification_days;
    } else if (st == "qualified" || st == "poc-done") {
      sla = cfg.sla_decision_days;
    }
    sum.table.add_row(
        {Cell::str(st), Cell::num(static_cast<double>(ages.size())),
         ages.empty() ? Cell::none() : Cell::num(*std::max_element(ages.begin(), ages.end())),
         ages.empty() ? Cell::none() : Cell::num(std::round(percentile(ages, 50))),
         sla ? Cell::num(static_cast<double>(sla)) : Cell::none(),
         Cell::num(static_cast<double>(breaches))});
  }
  sum.note = fmt::format(
      "SLA: {} days to qualify a deposit (sla.qualification_days), {} days to decide on a "
      "qualified "
      "record or a finished POC (sla.decision_days); a running POC breaches past its planned end",
      cfg.sla_qualification_days, cfg.sla_decision_days);
  rep.sections.push_back(std::move(sum));

  std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
    return a.since != b.since ? a.since < b.since : a.rec->id < b.rec->id;
  });
  Section todo{"todo", "To do, oldest first", {}, ChartKind::none, "", ""};
  todo.table.columns = {{"id"},  {"status"}, {"since"}, {"age_days", true},
                        {"sla"}, {"region"}, {"title"}};
  for (const auto& it : items) {
    todo.table.add_row({Cell::str(it.rec->id), Cell::str(it.rec->status), Cell::str(it.since),
                        Cell::num(static_cast<double>(it.age)),
                        Cell::str(it.breach ? "BREACH" : "ok"), Cell::str(it.rec->region),
                        Cell::str(it.rec->title)});
  }
  rep.sections.push_back(std::move(todo));
  return rep;
}

} // namespace innov::report
