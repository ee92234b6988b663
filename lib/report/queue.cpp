#include "lib/report/queue.hpp"

#include "lib/model/reviews.hpp"

#include <fmt/format.h>
#include <map>

namespace innov::report {

Report queue_report(const std::vector<model::Innovation>& records, const model::Config& config,
                    const util::Date& today, const std::string& expert)
{
  Report rep{"queue", "Review queue", "on " + util::format_date(today), {}, {}, 0};
  auto pending = model::pending_reviews(records, config, today);
  std::erase_if(pending, [&](const model::PendingReview& p) {
    return !expert.empty() && p.assignment->expert != expert;
  });

  struct Load {
    std::size_t owed = 0;
    std::size_t overdue = 0;
    std::optional<util::Date> next;
  };
  std::map<std::string, Load> load;
  for (const auto& p : pending) {
    auto& l = load[p.assignment->expert];
    ++l.owed;
    l.overdue += p.overdue();
    if (p.due && (!l.next || *p.due < *l.next)) {
      l.next = p.due;
    }
  }
  Section experts{"experts", "Reviews owed, per expert", {}, ChartKind::none, "", ""};
  experts.table.columns = {{"expert"}, {"reviews", true}, {"overdue", true}, {"next_due"}};
  for (const auto& [name, l] : load) {
    experts.table.add_row({Cell::str(name), Cell::num(static_cast<double>(l.owed)),
                           Cell::num(static_cast<double>(l.overdue)),
                           l.next ? Cell::str(util::format_date(*l.next)) : Cell::none()});
  }
  rep.sections.push_back(std::move(experts));

  Section queue{"queue", "To review, overdue first", {}, ChartKind::none, "", ""};
  queue.table.columns = {{"expert"}, {"id"},       {"region"},          {"status"}, {"assigned"},
                         {"due"},    {"due_from"}, {"late_days", true}, {"state"},  {"title"}};
  for (const auto& p : pending) {
    queue.table.add_row({Cell::str(p.assignment->expert), Cell::str(p.rec->id),
                         Cell::str(p.rec->region), Cell::str(p.rec->status),
                         Cell::str(p.assignment->at.substr(0, 10)),
                         p.due ? Cell::str(util::format_date(*p.due)) : Cell::none(),
                         Cell::str(p.due_from_sla ? "sla" : "assign"),
                         p.due ? Cell::num(static_cast<double>(p.late_days)) : Cell::none(),
                         Cell::str(p.overdue() ? "OVERDUE" : "ok"), Cell::str(p.rec->title)});
  }
  queue.note = fmt::format(
      "An assignment is owed until its expert gives an opinion dated on or after it, while the "
      "record is open. due: the day given to innov assign --due (due_from assign), else the "
      "qualification SLA, created + {} days (sla.qualification_days; due_from sla). late_days: "
      "days past due (negative: days left).",
      config.sla_qualification_days);
  rep.sections.push_back(std::move(queue));
  return rep;
}

} // namespace innov::report
