#include "lib/report/digest.hpp"

#include "lib/model/reviews.hpp"
#include "lib/util/text.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace innov::report {

namespace {

std::string day_of(const std::string& at)
{
  return at.substr(0, std::min<std::size_t>(at.size(), 10));
}

// When a fact of rec was recorded in the period, or "" when it was not. `holds` tells whether a
// version of the record holds the fact; `date` is the fact's own date.
template <typename Holds>
std::string recorded_day(const DigestInput& in, const model::Innovation& rec, Holds holds,
                         const std::string& date)
{
  std::string first = util::format_date(in.since);
  std::string last = util::format_date(in.today);
  if (!in.versions) {
    std::string d = day_of(date);
    return first <= d && d <= last ? d : "";
  }
  auto it = in.versions->find(rec.id);
  if (it == in.versions->end()) {
    return ""; // the file did not change in the period
  }
  const RecordVersions& v = it->second;
  if (v.before && holds(*v.before)) {
    return "";
  }
  for (const auto& [day, version] : v.during) {
    if (holds(version)) {
      return day;
    }
  }
  return last; // recorded, not committed yet
}

} // namespace

Report digest_report(const DigestInput& in)
{
  std::string period =
      fmt::format("{} to {}", util::format_date(in.since), util::format_date(in.today));
  std::string basis = in.versions ? "recorded by commit day (git)" : "recorded by the facts' dates";
  Report rep{"digest", "Innovation digest", period + ", " + basis, {}, {}, 0};

  Section records{"records", "New records", {}, ChartKind::none, "", ""};
  records.table.columns = {{"recorded"}, {"id"},     {"kind"}, {"region"},
                           {"created"},  {"status"}, {"title"}};
  Section opinions{"opinions", "Opinions", {}, ChartKind::none, "", ""};
  opinions.table.columns = {{"recorded"}, {"id"},       {"expert"}, {"region"},
                            {"at"},       {"decision"}, {"title"}};
  Section decisions{"decisions", "Decisions", {}, ChartKind::none, "", ""};
  decisions.table.columns = {{"recorded"}, {"id"},       {"gate"}, {"by"},
                             {"at"},       {"decision"}, {"title"}};
  Section pocs{"pocs_ending", "POCs ending soon", {}, ChartKind::none, "", ""};
  pocs.table.columns = {{"id"},        {"poc"},  {"status"}, {"planned_end"}, {"days_left", true},
                        {"territory"}, {"title"}};

  using Row = std::pair<std::string, std::vector<Cell>>; // sort key, cells
  std::vector<Row> rec_rows;
  std::vector<Row> op_rows;
  std::vector<Row> dec_rows;
  std::vector<Row> poc_rows;
  for (const auto& r : in.records) {
    std::string id = r.id;
    auto day = recorded_day(
        in, r, [](const model::Innovation&) { return true; }, r.created);
    if (!day.empty()) {
      rec_rows.push_back({day + id,
                          {Cell::str(day), Cell::str(r.id), Cell::str(r.kind), Cell::str(r.region),
                           Cell::str(r.created), Cell::str(r.status), Cell::str(r.title)}});
    }
    for (const auto& q : r.qualifications) {
      auto held = [&q](const model::Innovation& v) {
        return std::find(v.qualifications.begin(), v.qualifications.end(), q) !=
               v.qualifications.end();
      };
      auto qday = recorded_day(in, r, held, q.at);
      if (!qday.empty()) {
        op_rows.push_back(
            {qday + id + q.at + q.expert,
             {Cell::str(qday), Cell::str(r.id), Cell::str(q.expert), Cell::str(q.region),
              Cell::str(q.at), Cell::str(q.decision), Cell::str(r.title)}});
      }
    }
    for (const auto& d : r.decisions) {
      auto held = [&d](const model::Innovation& v) {
        return std::any_of(v.decisions.begin(), v.decisions.end(), [&d](const model::Decision& x) {
          return x.at == d.at && x.gate == d.gate && x.decision == d.decision;
        });
      };
      auto dday = recorded_day(in, r, held, d.at);
      if (!dday.empty()) {
        dec_rows.push_back({dday + id + d.at + d.gate,
                            {Cell::str(dday), Cell::str(r.id), Cell::str(d.gate), Cell::str(d.by),
                             Cell::str(d.at), Cell::str(d.decision), Cell::str(r.title)}});
      }
    }
    const auto* p = r.last_poc();
    if (p && (r.status == "poc-planned" || r.status == "poc-running") && p->ended.empty()) {
      auto end = util::parse_date(p->planned_end);
      long left = end ? util::days_between(in.today, *end) : -1;
      if (end && left >= 0 && left <= in.soon_days) {
        poc_rows.push_back({p->planned_end + id,
                            {Cell::str(r.id), Cell::str(p->id), Cell::str(r.status),
                             Cell::str(p->planned_end), Cell::num(static_cast<double>(left)),
                             Cell::str(util::join(p->territory, ", ")), Cell::str(r.title)}});
      }
    }
  }
  auto fill = [](Section& s, std::vector<Row>& rows) {
    std::sort(rows.begin(), rows.end(),
              [](const Row& a, const Row& b) { return a.first < b.first; });
    for (auto& row : rows) {
      s.table.add_row(std::move(row.second));
    }
  };
  fill(records, rec_rows);
  fill(opinions, op_rows);
  fill(decisions, dec_rows);
  fill(pocs, poc_rows);

  Section overdue{"overdue", "Overdue reviews", {}, ChartKind::none, "", ""};
  overdue.table.columns = {{"expert"}, {"id"}, {"region"}, {"due"}, {"late_days", true}, {"title"}};
  for (const auto& pr : model::pending_reviews(in.records, in.config, in.today)) {
    if (pr.overdue()) {
      overdue.table.add_row({Cell::str(pr.assignment->expert), Cell::str(pr.rec->id),
                             Cell::str(pr.rec->region), Cell::str(util::format_date(*pr.due)),
                             Cell::num(static_cast<double>(pr.late_days)),
                             Cell::str(pr.rec->title)});
    }
  }
  overdue.note = "as innov queue counts them, on " + util::format_date(in.today);
  pocs.note = fmt::format("planned end within {} days of {}, not closed", in.soon_days,
                          util::format_date(in.today));
  rep.sections.push_back(std::move(records));
  rep.sections.push_back(std::move(opinions));
  rep.sections.push_back(std::move(decisions));
  rep.sections.push_back(std::move(overdue));
  rep.sections.push_back(std::move(pocs));
  return rep;
}

} // namespace innov::report
