// What a challenge gathered and gave, computed once for `innov challenge list|show` and `report
// challenges` (docs/challenges.md, "Figures").
#pragma once

#include "lib/model/config.hpp"
#include "lib/model/innovation.hpp"
#include "lib/util/date.hpp"

#include <string>
#include <vector>

namespace innov::model {

// An entry of a challenge: a record (its `challenge` field names the challenge) or an outside team
// (the challenge's `entries`).
struct ChallengeEntry {
  std::string record; // the record id, or "" for a team
  std::string team;   // the team's name, or "" for a record
  std::string at;     // when it entered (YYYY-MM-DD or a date-time)
  std::string by;
};

// The day a record entered its challenge: the date of its last edit that set `challenge`
// (`challenge enter --record`, `idea edit --set challenge=...`), else its creation date.
std::string entered_on(const Innovation& rec);

// The entries of c known on `day`: its teams entered on or before day (an undated team counts),
// then the records of `records` whose challenge is c.id and that entered on or before day, in id
// order.
std::vector<ChallengeEntry> challenge_entries(const Challenge& c,
                                              const std::vector<Innovation>& records,
                                              const util::Date& day);

// Whether an award is known on `day`: awarded on or before it; an undated award (written by hand)
// counts from the challenge's closing date, else from its opening.
bool award_known(const Challenge& c, const Winner& w, const util::Date& day);

// Whether c is closed on `day` (its `closed` date is on or before day).
bool closed_on(const Challenge& c, const util::Date& day);

// The incubation days a record's POCs of format `incubation` ran by `day`: for each one started on
// or before day, the days from `started` to `ended` when it ended by day, else to day (0 for a POC
// not started).
long incubation_days_run(const Innovation& rec, const util::Date& day);

struct ChallengeFigures {
  std::size_t entries = 0; // records + teams
  std::size_t records = 0;
  std::size_t teams = 0;
  std::size_t qualified = 0;   // entered records that reached qualified
  std::size_t pocs = 0;        // entered records that reached poc-planned
  std::size_t generalized = 0; // entered records that reached generalized
  std::size_t winners = 0;     // awards known on the day
  long days_awarded = 0;       // sum of incubation_days over those awards
  long days_used = 0;          // incubation_days_run of the awarded records
  double amount_awarded = 0;   // sum of amount over those awards
};

// The figures of c on `day` over `records` (as they stood that day).
ChallengeFigures challenge_figures(const Challenge& c, const std::vector<Innovation>& records,
                                   const util::Date& day);

} // namespace innov::model
