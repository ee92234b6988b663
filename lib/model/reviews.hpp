// Review queues: experts assigned to give an opinion on a record (`innov assign`), and what each
// still has to review (`innov queue`, the overdue reviews of `innov digest`). Pure functions on
// records; the due day of an assignment without its own comes from the SLA (lib/model/sla.hpp).
#pragma once

#include "lib/model/config.hpp"
#include "lib/model/innovation.hpp"
#include "lib/model/workflow.hpp"
#include "lib/util/date.hpp"

#include <optional>
#include <string>
#include <vector>

namespace innov::model {

// The persons innov.yaml declares under experts, sorted, once each (none when it declares none).
std::vector<std::string> declared_experts(const Roles& roles);

// Records that `expert` is asked for an opinion on rec, by actor.by on actor.at, due on `due`
// (YYYY-MM-DD, or empty: the qualification SLA). The assignment goes after those dated on or
// before it (date order). DataError (exit 1) when the record is closed (a terminal state), when
// the expert is its author, when `due` is before the assignment's day, when the expert already
// has an open assignment on it (answered by no opinion dated on or after it), or one at the same
// `at` (the identity of an assignment, for the merge).
void assign(Innovation& rec, const std::string& expert, const std::string& due, const Actor& actor);

// Whether the expert answered an assignment: an opinion (qualification) of theirs dated on or
// after the assignment's day.
bool answered(const Innovation& rec, const Assignment& a);

// The day an assignment's opinion is due: its `due`, else qualification_due of the record
// (created + sla.qualification_days, the day `report pipeline` counts a deposit late after).
std::optional<util::Date> review_due(const Innovation& rec, const Assignment& a,
                                     const Config& config);

// An opinion an expert still owes.
struct PendingReview {
  const Innovation* rec = nullptr;
  const Assignment* assignment = nullptr;
  std::optional<util::Date> due;
  bool due_from_sla = false; // `due` is the record's SLA, not the assignment's own
  long late_days = 0;        // today - due: > 0 overdue, <= 0 days left (0 without due)
  bool overdue() const { return late_days > 0; }
};

// What each expert has to review on `today`: every assignment not answered, of a record still
// open (not in a terminal state). Of several open assignments of one expert on one record, the
// latest counts. Ordered overdue first (the most overdue first), then by due day (soonest first;
// without a due day last), record id and expert.
std::vector<PendingReview> pending_reviews(const std::vector<Innovation>& records,
                                           const Config& config, const util::Date& today);

} // namespace innov::model
