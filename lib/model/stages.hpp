// The funnel's view of a record: the day it first reached each stage, with the fields a report
// selects and groups by. One function computes it from a whole record; the index stores its result
// for every record (table record_stages), so that a warm `report funnel` reads these narrow rows
// instead of decoding whole records (docs/index.md).
#pragma once

#include "lib/model/innovation.hpp"

#include <array>
#include <string>
#include <vector>

namespace innov::model {

// The funnel's stages, each reached on the first history entry into its state.
inline constexpr std::array<const char*, 4> k_stage_states = {"submitted", "qualified",
                                                              "poc-planned", "generalized"};

struct StageRow {
  std::string id, created, status, kind, region, source, horizon, challenge;
  std::vector<std::string> themes;
  std::vector<std::string> authors;                       // the author, then the co-authors
  std::array<std::string, k_stage_states.size()> reached; // YYYY-MM-DD, "" when not reached
  std::vector<std::string> answers; // the records it links to as solution-of, in link order
  std::string portfolio;            // Innovation::portfolio
  bool operator==(const StageRow&) const = default;
};

StageRow stage_row(const Innovation& rec);

// The ids the records link to as `solution-of` (the needs, or ideas, they answer), each once,
// sorted; of whole records, only the links dated on or before as_of (YYYY-MM-DD, "" for all).
std::vector<std::string> answered_ids(const std::vector<StageRow>& rows);
std::vector<std::string> answered_ids(const std::vector<Innovation>& records,
                                      const std::string& as_of);

} // namespace innov::model
