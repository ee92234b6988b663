#include "lib/model/as_of.hpp"

#include "lib/model/format.hpp"
#include "lib/util/date.hpp"

#include <algorithm>

namespace innov::model {

namespace {

bool after(const std::string& at, const std::string& date)
{
  return !at.empty() && at.substr(0, 10) > date;
}

// The last day of a realized period (2016, 2016-Q3, 2016-09); the label itself when malformed.
std::string period_end(const std::string& p)
{
  auto last = util::period_last_day(p);
  return last ? util::format_date(*last) : p;
}

} // namespace

bool realized_known(const Realized& v, const std::string& date)
{
  return period_end(v.period) <= date && !after(v.at, date);
}

std::optional<Innovation> as_of(const Innovation& rec, const std::string& date)
{
  if (rec.created > date) {
    return std::nullopt;
  }
  Innovation r = rec;
  upgrade(r); // a record built in memory with a bare actual or spent: dated as format 1 would be
  auto drop = [&](auto& items, auto&& is_late) {
    items.erase(std::remove_if(items.begin(), items.end(), is_late), items.end());
  };
  drop(r.history, [&](const HistoryEntry& h) { return after(h.at, date); });
  if (!r.history.empty()) {
    r.status = r.history.back().to;
  }
  if (r.status != "merged") {
    r.merged_into.clear();
  }
  // Edits after the date go; the values they wrote stay (a record keeps no earlier values), but
  // for `challenge`: a record entered a challenge by such an edit (`challenge enter --record`,
  // which enters only a record in none) had entered none on the date (docs/challenges.md).
  for (const auto& e : r.edits) {
    if (after(e.at, date) && std::find(e.keys.begin(), e.keys.end(), "challenge") != e.keys.end()) {
      r.challenge.clear();
    }
  }
  drop(r.edits, [&](const Edit& e) { return after(e.at, date); });
  drop(r.links, [&](const Link& l) { return after(l.at, date); });
  drop(r.comments, [&](const Comment& c) { return after(c.at, date); });
  drop(r.likes, [&](const Like& l) { return after(l.at, date); });
  drop(r.assignments, [&](const Assignment& a) { return after(a.at, date); });
  drop(r.qualifications, [&](const Qualification& q) { return after(q.at, date); });
  // A POC exists once planned: keep as many POCs as poc-planned entries remain.
  std::size_t planned = static_cast<std::size_t>(
      std::count_if(r.history.begin(), r.history.end(),
                    [](const HistoryEntry& h) { return h.to == "poc-planned"; }));
  if (r.pocs.size() > planned) {
    r.pocs.resize(planned);
  }
  for (auto& p : r.pocs) {
    drop(p.measurements, [&](const Measurement& m) { return after(m.at, date); });
    drop(p.spend, [&](const Spend& x) { return after(x.at, date); });
    if (after(p.started, date)) {
      p.started.clear();
    }
    if (after(p.ended, date)) {
      p.ended.clear();
      p.outcome.clear();
    }
  }
  drop(r.decisions, [&](const Decision& d) { return after(d.at, date); });
  for (auto& d : r.decisions) {
    for (auto& w : d.rollout) {
      if (after(w.done, date)) {
        w.done.clear();
      }
    }
  }
  drop(r.realized, [&](const Realized& v) { return !realized_known(v, date); });
  derive(r); // a KPI's actual and a POC's spent as of the date
  return r;
}

std::string first_reached(const Innovation& rec, std::initializer_list<const char*> states)
{
  for (const auto& h : rec.history) {
    for (const char* s : states) {
      if (h.to == s) {
        return h.at.substr(0, 10);
      }
    }
  }
  return "";
}

std::string status_since(const Innovation& rec)
{
  return rec.history.empty() ? rec.created : rec.history.back().at.substr(0, 10);
}

} // namespace innov::model
