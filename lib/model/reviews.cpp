#include "lib/model/reviews.hpp"

#include "lib/model/lifecycle.hpp"
#include "lib/model/sla.hpp"
#include "lib/util/error.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>

namespace innov::model {

namespace {

std::string day_of(const std::string& at)
{
  return at.substr(0, std::min<std::size_t>(at.size(), 10));
}

bool is_open(const Innovation& rec)
{
  auto s = parse_state(rec.status);
  return s && !is_terminal(*s);
}

} // namespace

std::vector<std::string> declared_experts(const Roles& roles)
{
  std::vector<std::string> out;
  if (roles.experts) {
    for (const auto& t : *roles.experts) {
      out.push_back(t.person);
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

bool answered(const Innovation& rec, const Assignment& a)
{
  return std::any_of(
      rec.qualifications.begin(), rec.qualifications.end(),
      [&](const Qualification& q) { return q.expert == a.expert && day_of(q.at) >= day_of(a.at); });
}

void assign(Innovation& rec, const std::string& expert, const std::string& due, const Actor& actor)
{
  if (!is_open(rec)) {
    throw DataError(fmt::format("cannot assign an expert to '{}': it is {}", rec.id, rec.status),
                    "only an open record (not rejected, generalized, killed, merged or "
                    "withdrawn) waits for opinions");
  }
  if (expert == rec.author) {
    throw DataError(fmt::format("expert '{}' is the author of '{}'", expert, rec.id),
                    "an author does not give an opinion on their own record");
  }
  if (!due.empty() && due < day_of(actor.at)) {
    throw DataError(fmt::format("--due {} is before the assignment ({})", due, day_of(actor.at)));
  }
  for (const auto& a : rec.assignments) {
    if (a.expert == expert && a.at == actor.at) {
      throw DataError(fmt::format("'{}' was already assigned to '{}' at {}", expert, rec.id, a.at),
                      "an assignment is one per expert and time: give another --at");
    }
    if (a.expert == expert && !answered(rec, a)) {
      throw DataError(
          fmt::format("'{}' is already assigned to '{}' since {} and has not given an opinion",
                      expert, rec.id, day_of(a.at)),
          "wait for the opinion (innov qualify), or see innov queue --expert " + expert);
    }
  }
  Assignment a{expert, actor.at, actor.by, due};
  auto pos = std::upper_bound(
      rec.assignments.begin(), rec.assignments.end(), a,
      [](const Assignment& x, const Assignment& y) { return day_of(x.at) < day_of(y.at); });
  rec.assignments.insert(pos, a);
}

std::optional<util::Date> review_due(const Innovation& rec, const Assignment& a,
                                     const Config& config)
{
  if (!a.due.empty()) {
    return util::parse_date(a.due);
  }
  return qualification_due(rec, config);
}

std::vector<PendingReview> pending_reviews(const std::vector<Innovation>& records,
                                           const Config& config, const util::Date& today)
{
  std::vector<PendingReview> out;
  for (const auto& rec : records) {
    if (!is_open(rec)) {
      continue;
    }
    std::map<std::string, const Assignment*> latest; // per expert
    for (const auto& a : rec.assignments) {
      if (answered(rec, a)) {
        continue;
      }
      auto& slot = latest[a.expert];
      if (!slot || day_of(slot->at) <= day_of(a.at)) {
        slot = &a;
      }
    }
    for (const auto& entry : latest) {
      const Assignment* a = entry.second;
      PendingReview p;
      p.rec = &rec;
      p.assignment = a;
      p.due = review_due(rec, *a, config);
      p.due_from_sla = a->due.empty();
      p.late_days = p.due ? util::days_between(*p.due, today) : 0;
      out.push_back(p);
    }
  }
  std::sort(out.begin(), out.end(), [](const PendingReview& x, const PendingReview& y) {
    if (x.due.has_value() != y.due.has_value()) {
      return x.due.has_value();
    }
    if (x.due && *x.due != *y.due) {
      return *x.due < *y.due;
    }
    if (x.rec->id != y.rec->id) {
      return x.rec->id < y.rec->id;
    }
    return x.assignment->expert < y.assignment->expert;
  });
  return out;
}

} // namespace innov::model
