#include "lib/model/score.hpp"

#include "lib/model/gates.hpp"

#include <cmath>
#include <fmt/format.h>

namespace innov::model {

std::optional<RecordScore> record_score(const Innovation& rec, const Config& config)
{
  double sum = 0;
  int experts = 0;
  for (const auto* q : latest_qualifications(rec)) {
    if (q->decision == "go" || q->decision == "hold" || q->decision == "reject") {
      sum += weighted_score(*q, config);
      ++experts;
    }
  }
  if (experts == 0) {
    return std::nullopt;
  }
  return RecordScore{round_score(sum / static_cast<double>(experts)), experts};
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
