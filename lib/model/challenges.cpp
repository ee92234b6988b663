#include "lib/model/challenges.hpp"

#include "lib/model/stages.hpp"

#include <algorithm>
#include <set>

namespace innov::model {

namespace {

bool known_on(const std::string& at, const util::Date& day)
{
  auto d = util::date_of(at);
  return !d || *d <= day;
}

bool reached_by(const std::string& reached, const util::Date& day)
{
  auto d = util::parse_date(reached);
  return d && *d <= day;
}

} // namespace

std::string entered_on(const Innovation& rec)
{
  std::string at = rec.created;
  for (const auto& e : rec.edits) {
    if (std::find(e.keys.begin(), e.keys.end(), "challenge") != e.keys.end()) {
      at = e.at;
    }
  }
  return at;
}

std::vector<ChallengeEntry>
challenge_entries(const Challenge& c, const std::vector<Innovation>& records, const util::Date& day)
{
  std::vector<ChallengeEntry> out;
  for (const auto& e : c.entries) {
    if (known_on(e.at, day)) {
      out.push_back({"", e.team, e.at, e.by});
    }
  }
  std::vector<ChallengeEntry> recs;
  for (const auto& r : records) {
    if (r.challenge == c.id && known_on(entered_on(r), day)) {
      recs.push_back({r.id, "", entered_on(r), r.author});
    }
  }
  std::sort(recs.begin(), recs.end(),
            [](const ChallengeEntry& a, const ChallengeEntry& b) { return a.record < b.record; });
  out.insert(out.end(), recs.begin(), recs.end());
  return out;
}

bool award_known(const Challenge& c, const Winner& w, const util::Date& day)
{
  std::string at = !w.at.empty() ? w.at : !c.closed.empty() ? c.closed : c.opened;
  return known_on(at, day);
}

bool closed_on(const Challenge& c, const util::Date& day)
{
  auto d = util::parse_date(c.closed);
  return d && *d <= day;
}

long incubation_days_run(const Innovation& rec, const util::Date& day)
{
  long days = 0;
  for (const auto& p : rec.pocs) {
    auto start = util::parse_date(p.started);
    if (p.format != "incubation" || !start || *start > day) {
      continue;
    }
    auto end = util::parse_date(p.ended);
    util::Date until = end && *end <= day ? *end : day;
    days += std::max(0L, util::days_between(*start, until));
  }
  return days;
}

ChallengeFigures challenge_figures(const Challenge& c, const std::vector<Innovation>& records,
                                   const util::Date& day)
{
  ChallengeFigures f;
  std::set<std::string> entered;
  for (const auto& e : challenge_entries(c, records, day)) {
    ++f.entries;
    if (e.record.empty()) {
      ++f.teams;
    } else {
      ++f.records;
      entered.insert(e.record);
    }
  }
  for (const auto& r : records) {
    if (!entered.count(r.id)) {
      continue;
    }
    StageRow s = stage_row(r);
    f.qualified += reached_by(s.reached[1], day) ? 1 : 0;
    f.pocs += reached_by(s.reached[2], day) ? 1 : 0;
    f.generalized += reached_by(s.reached[3], day) ? 1 : 0;
  }
  std::set<std::string> awarded_records;
  for (const auto& w : c.winners) {
    if (!award_known(c, w, day)) {
      continue;
    }
    ++f.winners;
    f.days_awarded += w.incubation_days;
    f.amount_awarded += w.amount;
    if (!w.record.empty()) {
      awarded_records.insert(w.record);
    }
  }
  for (const auto& r : records) {
    if (awarded_records.count(r.id)) {
      f.days_used += incubation_days_run(r, day);
    }
  }
  return f;
}

} // namespace innov::model
