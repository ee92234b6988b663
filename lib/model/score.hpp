// The one score of a record, used wherever a record is shown with a score: `idea show`,
// `export csv`, `report review`, `generalize check` and the `record_scores` view of `innov sql`.
// docs/reports.md ("Definitions") gives the formula.
#pragma once

#include "lib/model/config.hpp"
#include "lib/model/innovation.hpp"

#include <optional>
#include <string>

namespace innov::model {

// How many decimals a record score is shown with, everywhere (text, csv, json, sql).
inline constexpr int k_score_decimals = 2;

struct RecordScore {
  double value = 0; // rounded to k_score_decimals
  int experts = 0;  // the opinions it is the mean of
};

// The mean, over the experts whose opinion in force (model::latest_qualifications: an amended
// opinion counts until the date of its amendment) is go, hold or reject, of its weighted score
// (model::weighted_score, the rubric's weights); an expert whose opinion in force is needs-info is
// left out (it asks a question, it does not judge). nullopt when no opinion in force counts.
std::optional<RecordScore> record_score(const Innovation& rec, const Config& config);

// A score rounded to k_score_decimals (half away from zero, as SQLite's round()).
double round_score(double score);

// "3.67": a score with k_score_decimals decimals.
std::string format_score(double score);

} // namespace innov::model
