// A record as it stood on a given day, rebuilt from history and dated entries.
#pragma once

#include "lib/model/innovation.hpp"

#include <optional>
#include <string>

namespace innov::model {

// nullopt when the record did not exist yet (created after date). Otherwise the record with the
// history, edits, links, comments, assignments, qualifications, POC dates and outcomes, decisions,
// roll-outs and the realized entries not yet known (realized_known) removed, and status set to the
// state it was in that day.
std::optional<Innovation> as_of(const Innovation& rec, const std::string& date);

// Whether a realized entry counts on `date` (YYYY-MM-DD): once its period has ended (its last day
// on or before date) and it was recorded (its `at`, when it has one, on or before date). The one
// definition: as_of drops the others, report::realized_counts asks it.
bool realized_known(const Realized& v, const std::string& date);

// The date (YYYY-MM-DD) a record first reached one of the states, or "" when it never did.
std::string first_reached(const Innovation& rec, std::initializer_list<const char*> states);

// The date of the last history entry: since when the record is in its current state.
std::string status_since(const Innovation& rec);

} // namespace innov::model
