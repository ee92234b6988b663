// Several opinions on one record (docs/guide.md, "Several opinions"): which opinion of each expert
// is in force on a date, which were superseded by an amendment (`qualify --amend`), which were
// given after the record was qualified (advisory: recorded, shown, never moving the state).
//
// The rule, defined here once: an expert's opinion is in force from its `at` until the `at` of
// that expert's next opinion (by `at`, then file order); the record's score and the qualification
// gate read the opinions in force, and `--as-of` (lib/model/as_of), which drops the opinions
// dated after its day, gives the opinion in force on that day.
#pragma once

#include "lib/model/innovation.hpp"
#include "lib/model/lifecycle.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace innov::model {

// True when opinion a is dated before b (their `at`: a date sorts before any time of that day).
bool opinion_before(const Qualification& a, const Qualification& b);

// The opinion in force of each expert (the latest by `at`, a tie going to the later in the file),
// in the order of each expert's first opinion in the file.
std::vector<const Qualification*> latest_qualifications(const Innovation& rec);

// The opinion in force of one expert, or nullptr when the expert gave none.
const Qualification* opinion_in_force(const Innovation& rec, const std::string& expert);

// What became of one opinion of a record.
struct OpinionStatus {
  const Qualification* opinion = nullptr;
  std::string superseded_on; // the `at` of the same expert's next opinion; empty: in force
  bool advisory = false;     // given when the record was past qualification (see below)
};

// Every opinion of the record, in file order, with what became of it. An opinion is advisory when
// the record's state just before its date (the last history entry dated strictly before it) was
// qualified or later: such an opinion never moved the state.
std::vector<OpinionStatus> opinion_statuses(const Innovation& rec);

// What a new opinion does to a record in state s: it may move the state (submitted, needs-info,
// on-hold), it is advisory (qualified, poc-planned, poc-running, poc-done), or it is refused (the
// terminal states).
enum class OpinionEffect { moves, advisory, refused };
OpinionEffect opinion_effect(State s);

// E062: what is wrong with the `supersedes` of opinion i (empty when nothing): it must be the `at`
// of an earlier opinion of the same expert.
std::string supersedes_problem(const Innovation& rec, std::size_t i);

} // namespace innov::model
