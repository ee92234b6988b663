// How `innov challenge list` and `challenge show` present challenges: a table, a text page, JSON.
#pragma once

#include "lib/model/challenges.hpp"
#include "lib/report/json.hpp"
#include "lib/report/table.hpp"

#include <string>
#include <vector>

namespace innov::report {

// One row per challenge: id, kind, title, opened, closed, entries, winners, days_awarded.
Table challenges_table(const std::vector<model::Challenge>& challenges,
                       const std::vector<model::Innovation>& records, const util::Date& day);

// The challenge as a JSON object: its fields, then "entry_list" (records and teams, as
// model::challenge_entries) and "figures" (model::challenge_figures) when records are given.
void write_challenge_json(JsonWriter& w, const model::Challenge& c,
                          const std::vector<model::Innovation>* records, const util::Date& day);
std::string challenge_json(const model::Challenge& c, const std::vector<model::Innovation>* records,
                           const util::Date& day);

// The page of `challenge show`: fields, entries, winners and figures.
std::string challenge_text(const model::Challenge& c, const std::vector<model::Innovation>& records,
                           const util::Date& day);

} // namespace innov::report
