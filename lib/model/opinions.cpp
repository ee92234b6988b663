#include "lib/model/opinions.hpp"

#include <map>

namespace innov::model {

namespace {

// The state of the record just before `at`: the `to` of the last history entry dated strictly
// before it, or empty.
std::string state_before(const Innovation& rec, const std::string& at)
{
  std::string state;
  for (const auto& h : rec.history) {
    if (h.at < at) {
      state = h.to;
    }
  }
  return state;
}

} // namespace

bool opinion_before(const Qualification& a, const Qualification& b)
{
  return a.at < b.at;
}

std::vector<const Qualification*> latest_qualifications(const Innovation& rec)
{
  std::vector<const Qualification*> out;
  std::map<std::string, std::size_t> slot;
  for (const auto& q : rec.qualifications) {
    auto it = slot.find(q.expert);
    if (it == slot.end()) {
      slot[q.expert] = out.size();
      out.push_back(&q);
    } else if (!opinion_before(q, *out[it->second])) {
      out[it->second] = &q; // later, or the same date and later in the file
    }
  }
  return out;
}

const Qualification* opinion_in_force(const Innovation& rec, const std::string& expert)
{
  for (const auto* q : latest_qualifications(rec)) {
    if (q->expert == expert) {
      return q;
    }
  }
  return nullptr;
}

std::vector<OpinionStatus> opinion_statuses(const Innovation& rec)
{
  std::vector<OpinionStatus> out;
  const auto& qs = rec.qualifications;
  for (std::size_t i = 0; i < qs.size(); ++i) {
    OpinionStatus s;
    s.opinion = &qs[i];
    // The same expert's next opinion: the earliest of those after this one (by date, then file).
    const Qualification* next = nullptr;
    for (std::size_t j = 0; j < qs.size(); ++j) {
      if (j == i || qs[j].expert != qs[i].expert) {
        continue;
      }
      bool after = opinion_before(qs[i], qs[j]) || (qs[j].at == qs[i].at && j > i);
      if (after && (!next || opinion_before(qs[j], *next))) {
        next = &qs[j];
      }
    }
    if (next) {
      s.superseded_on = next->at;
    }
    auto before = parse_state(state_before(rec, qs[i].at));
    s.advisory = before && opinion_effect(*before) == OpinionEffect::advisory;
    out.push_back(std::move(s));
  }
  return out;
}

OpinionEffect opinion_effect(State s)
{
  switch (s) {
  case State::submitted:
  case State::needs_info:
  case State::on_hold:
    return OpinionEffect::moves;
  case State::qualified:
  case State::poc_planned:
  case State::poc_running:
  case State::poc_done:
    return OpinionEffect::advisory;
  case State::rejected:
  case State::generalized:
  case State::killed:
  case State::merged:
  case State::withdrawn:
    return OpinionEffect::refused;
  }
  return OpinionEffect::refused;
}

std::string supersedes_problem(const Innovation& rec, std::size_t i)
{
  const auto& q = rec.qualifications.at(i);
  if (q.supersedes.empty()) {
    return "";
  }
  if (!(q.supersedes < q.at)) {
    return "opinion of " + q.expert + " on " + q.at + " supersedes " + q.supersedes +
           ", which is not before it";
  }
  for (std::size_t j = 0; j < rec.qualifications.size(); ++j) {
    const auto& other = rec.qualifications[j];
    if (j != i && other.expert == q.expert && other.at == q.supersedes) {
      return "";
    }
  }
  return "opinion of " + q.expert + " on " + q.at + " supersedes " + q.supersedes + ", but " +
         q.expert + " gave no opinion on " + q.supersedes;
}

} // namespace innov::model
