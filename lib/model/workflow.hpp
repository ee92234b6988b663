// The lifecycle's business rules as functions on a record: what each command changes, and what
// it refuses (DataError with the current state and what is allowed from it).
#pragma once

#include "lib/model/config.hpp"
#include "lib/model/gates.hpp"
#include "lib/model/innovation.hpp"
#include "lib/model/lifecycle.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace innov::model {

// Who acts and when: `at` is a date (YYYY-MM-DD) or a UTC date-time.
struct Actor {
  std::string by;
  std::string at;
};

// The record's state; DataError when `status` is not a state.
State current_state(const Innovation& rec);

// Applies an action: refuses it when the state machine does not allow it, else moves the status
// and appends to history. Returns the new state.
State transition(Innovation& rec, Action action, const Actor& actor);

// Likes stay sorted and unique. Both return false when nothing changed (idempotent).
// Adds person's like dated at (likes stay sorted by person); false when the person already likes
// the record, unless at is earlier: the earlier like stands (merges).
bool like(Innovation& rec, const std::string& person, const std::string& at);
bool unlike(Innovation& rec, const std::string& person);

void add_comment(Innovation& rec, const Comment& comment);

// The top-level keys whose values differ between two states of a record, in canonical key order;
// `status`, `history` and `edits` are left out (a state change is history's, not an edit).
std::vector<std::string> changed_keys(const Innovation& before, const Innovation& after);

// Appends the edit {actor.at, actor.by, keys, via} (via: edit | import) after the edits dated on or
// before it, so that edits stay in date order. Nothing when keys is empty; returns whether an edit
// was recorded.
bool record_edit(Innovation& rec, const Actor& actor, const std::vector<std::string>& keys,
                 const std::string& via);

struct QualifyInput {
  std::string expert;
  std::string region;
  std::vector<std::pair<std::string, double>> scores;
  std::string decision; // go | reject | hold | needs-info
  std::string rationale;
  bool amend = false;
};

struct QualifyResult {
  double score = 0;              // the weighted score of this qualification
  QualificationGate gate;        // the qualification gate after it
  std::optional<State> moved_to; // set when the status changed
  bool advisory = false;         // given past qualification: recorded, the state unchanged
};

// Records an expert's opinion (lib/model/opinions.hpp has the rules): every rubric criterion
// scored within the scale, expert not the author, the record open (not in a terminal state). A
// second opinion by the same expert only with amend: it supersedes the one in force, which stays
// in the record (the new one's `supersedes` holds its `at`), and must be dated after it. Opinions
// stay in date order. On a record awaiting qualification (submitted, needs-info, on-hold) a go
// moves it to qualified only when the gate holds, and reject, hold or needs-info move it at once;
// on a record past qualification (qualified to poc-done) the opinion is advisory: the state stays.
QualifyResult qualify(Innovation& rec, const Config& config, const QualifyInput& in,
                      const Actor& actor);

// Plans a POC (qualified -> poc-planned). The POC id is p1, p2... unless given.
void plan_poc(Innovation& rec, Poc poc, const Actor& actor);
// Refuses (DataError, exit 1) a POC whose duration from start to end breaks the bounds of its
// format (poc_formats in innov.yaml); `what` names the dates ("planned", "run").
void require_poc_duration(const Config& config, const Poc& poc, const std::string& start,
                          const std::string& end, const std::string& what);
// Starts the last POC (poc-planned -> poc-running) on `started` (a date).
void start_poc(Innovation& rec, const std::string& started, const Actor& actor);
// Appends dated KPI measurements (KPI id, value) to the running or done POC, for the whole POC
// or one of its territories; unknown KPI ids and territories are refused. Re-derives `actual`.
void measure_poc(Innovation& rec, const std::vector<std::pair<std::string, double>>& values,
                 const std::string& territory, const std::string& at);

// Appends a dated spend entry to the planned, running or done POC; re-derives `budget.spent`.
void spend_poc(Innovation& rec, double amount, const std::string& note, const std::string& at);
// Closes the running POC with an outcome (poc-running -> poc-done).
void close_poc(Innovation& rec, const std::string& outcome, const std::string& lessons,
               const std::string& ended, const Actor& actor);

struct GeneralizeInput {
  std::string decision; // go | kill | hold | recycle
  std::vector<std::string> scope;
  std::vector<RolloutWave> rollout;
  std::optional<ValueAmount> projected;
  std::string rationale;
  std::string override_reason;
};

// Records a decision at the generalization gate. A go whose rules fail is refused unless an
// override reason is given (then recorded). The scope is national or distinct regions; waves are
// distinct regions within it. Waves and a projected value belong to a go: with kill, hold or
// recycle they are a UsageError. Returns the rules as evaluated.
std::vector<GateRule> generalize(Innovation& rec, const Config& config, const GeneralizeInput& in,
                                 const Actor& actor);

// Marks the roll-out of region done on date in the last go decision, recorded by the body by; a
// region outside a regional scope is refused.
void rollout_done(Innovation& rec, const std::string& region, const std::string& done,
                  const std::string& by);

// Records realized value, unique per (period, metric, region): a second value with the same key is
// refused (DataError naming the entry on record) unless replace, which replaces it and returns the
// value replaced. A region outside the scope of the last go decision is refused, as in roll-out.
std::optional<Realized> realize(Innovation& rec, const Realized& value, bool replace = false);

// Merges dup into target: likes united into target; dup keeps its comments and history and
// becomes merged with merged_into. Refused when target is merged, rejected or withdrawn.
void merge(Innovation& dup, Innovation& target, const Actor& actor);

} // namespace innov::model
