// What a platform's export says of an idea besides the record's fields: its state, the answer it
// got, the figures the platform showed and the idea's page. `innov import csv` carries them into
// the record: the state as history entries marked via: import (the platform's decision, a recorded
// fact), the answer and the figures as comments (docs/guide.md, "Platform states, answers and
// figures").
#pragma once

#include "lib/model/innovation.hpp"

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace innov::store {

// The platform's facts of one row.
struct PlatformFacts {
  std::string created_at; // the row's created time: a UTC date-time when the cell gave a zone
  std::map<std::string, std::string> values; // state, answer, supports, endorsements, link
};

// Whether an import field is one of those facts rather than a field of the record.
bool is_platform_fact_field(const std::string& field);

// The lifecycle states a platform's state may map to: submitted, and those one step from it
// (merged aside: no export names the record an idea was merged into).
const std::vector<std::string>& importable_states();

// Parses VALUE=STATE (--state: the last '=' separates them; VALUE may be empty: a row without a
// state) into {value, state}; UsageError for a malformed one or a state not in importable_states().
std::pair<std::string, std::string> parse_state_map(const std::string& spec);

// The state a platform's state maps to: the map (the value as written, then ignoring case and
// accents), else the value itself when it is an importable state, else submitted for an empty
// value; empty when none.
std::string mapped_state(const std::map<std::string, std::string>& states,
                         const std::string& value);

// Adds the facts to r, whose history holds its submission: with state_mapped, the entry
// {at: decided_at (else facts.created_at), by, from: submitted, to, via: import, ref:
// r.external_ref} to the mapped state (by: the author for withdrawn), and status; the answer as a
// comment of `by` at that date; the figures and the link as one comment of `by` at the creation.
// Comments need `by`. Returns why the state cannot be mapped, or empty.
std::string apply_platform_facts(model::Innovation& r, const PlatformFacts& facts,
                                 bool state_mapped,
                                 const std::map<std::string, std::string>& states,
                                 const std::string& by, const std::string& decided_at);

} // namespace innov::store
