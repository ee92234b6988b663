#include "lib/model/stages.hpp"

#include "lib/model/as_of.hpp"

#include <algorithm>

namespace innov::model {

StageRow stage_row(const Innovation& rec)
{
  StageRow s{rec.id,     rec.created, rec.status,    rec.kind,   rec.region,
             rec.source, rec.horizon, rec.challenge, rec.themes, {rec.author},
             {},         {},          rec.portfolio};
  s.authors.insert(s.authors.end(), rec.coauthors.begin(), rec.coauthors.end());
  for (std::size_t i = 0; i < k_stage_states.size(); ++i) {
    s.reached[i] = first_reached(rec, {k_stage_states[i]});
  }
  for (const auto& l : rec.links) {
    if (l.rel == "solution-of") {
      s.answers.push_back(l.to);
    }
  }
  return s;
}

namespace {

std::vector<std::string> sorted_unique(std::vector<std::string> ids)
{
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

} // namespace

std::vector<std::string> answered_ids(const std::vector<StageRow>& rows)
{
  std::vector<std::string> out;
  for (const auto& r : rows) {
    out.insert(out.end(), r.answers.begin(), r.answers.end());
  }
  return sorted_unique(std::move(out));
}

std::vector<std::string> answered_ids(const std::vector<Innovation>& records,
                                      const std::string& as_of)
{
  std::vector<std::string> out;
  for (const auto& r : records) {
    for (const auto& l : r.links) {
      if (l.rel == "solution-of" && (as_of.empty() || l.at.substr(0, 10) <= as_of)) {
        out.push_back(l.to);
      }
    }
  }
  return sorted_unique(std::move(out));
}

} // namespace innov::model
