#include "lib/model/score.hpp"

#include "lib/model/gates.hpp"

#include <cmath>
#include <fmt/format.h>
#include <map>

namespace innov::model {

std::optional<RecordScore> record_score(const Innovation& rec, const Config& config)
{
  std::map<std::string, const Qualification*> latest;
  for (const auto& q : rec.qualifications) {
    if (q.decision == "go" || q.decision == "hold" || q.decision == "reject") {
      latest[q.expert] = &q; // a later opinion of the same expert replaces the earlier one
    }
  }
  if (latest.empty()) {
    return std::nullopt;
  }
  double sum = 0;
  for (const auto& entry : latest) {
    sum += weighted_score(*entry.second, config);
  }
  return RecordScore{round_score(sum / static_cast<double>(latest.size())),
                     static_cast<int>(latest.size())};
}

double round_score(double score)
{
  const double scale = std::pow(10.0, k_score_decimals);
  return std::round(score * scale) / scale;
}

std::string format_score(double score)
{
  return fmt::format("{:.{}f}", round_score(score), k_score_decimals);
}

} // namespace innov::model
