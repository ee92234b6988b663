// innov report challenges: per challenge, what it gathered (entries, and how far the entered
// records went) and what it gave (incubation days awarded against those its winners used).
#include "lib/model/challenges.hpp"

#include "lib/report/reports.hpp"

#include <fmt/format.h>

namespace innov::report {

Report challenges_report(const ReportInput& in)
{
  Report rep{"challenges", "Challenges", report_subtitle(in), {}, {}, 0};
  Section s{
      "challenges", "Entries, progress and prizes per challenge", {}, ChartKind::none, "", ""};
  s.table.columns = {{"challenge"},       {"kind"},
                     {"opened"},          {"closed"},
                     {"entries", true},   {"records", true},
                     {"teams", true},     {"qualified", true},
                     {"pocs", true},      {"generalized", true},
                     {"winners", true},   {"days_awarded", true},
                     {"days_used", true}, {"amount_awarded", true}};
  model::ChallengeFigures total;
  std::size_t shown = 0;
  for (const auto& c : in.challenges) {
    auto opened = util::parse_date(c.opened);
    if (opened && *opened > in.today) {
      continue; // not open yet on --as-of
    }
    auto f = model::challenge_figures(c, in.records, in.today);
    auto n = [](double v) { return Cell::num(v); };
    s.table.add_row({Cell::str(c.id), Cell::str(c.kind), Cell::str(c.opened),
                     model::closed_on(c, in.today) ? Cell::str(c.closed) : Cell::none(),
                     n(static_cast<double>(f.entries)), n(static_cast<double>(f.records)),
                     n(static_cast<double>(f.teams)), n(static_cast<double>(f.qualified)),
                     n(static_cast<double>(f.pocs)), n(static_cast<double>(f.generalized)),
                     n(static_cast<double>(f.winners)), n(static_cast<double>(f.days_awarded)),
                     n(static_cast<double>(f.days_used)), Cell::num(f.amount_awarded)});
    ++shown;
    total.entries += f.entries;
    total.records += f.records;
    total.teams += f.teams;
    total.qualified += f.qualified;
    total.pocs += f.pocs;
    total.generalized += f.generalized;
    total.winners += f.winners;
    total.days_awarded += f.days_awarded;
    total.days_used += f.days_used;
    total.amount_awarded += f.amount_awarded;
  }
  s.note = fmt::format(
      "{} challenge{}: {} entries, {} incubation days awarded, {} used. Records enter by their "
      "challenge field; qualified, pocs and generalized count the entered records that reached "
      "the stage; days_used: the days the incubation POCs of the awarded records ran, started to "
      "ended (or to the report's day while running) (docs/challenges.md)",
      shown, shown == 1 ? "" : "s", total.entries, total.days_awarded, total.days_used);
  rep.sections.push_back(std::move(s));
  return rep;
}

} // namespace innov::report
