// The plan of a generated portfolio: which records exist, which lifecycle path each follows and
// when, what it is about, which records are planted rephrasings of others, and the challenges.
// Small per record; the full records are built from it one at a time (build.hpp).
#pragma once

#include "lib/model/lifecycle.hpp"
#include "tools/gen/text.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace innov::gen {

// One step of a lifecycle path: the workflow action it takes, and for generalize go whether the
// decision overrides a gate rule that fails (with an override reason). A path lists actions.
struct Step {
  model::Action action;
  bool overrides_gate = false;

  constexpr Step(model::Action a, bool overrides = false) : action(a), overrides_gate(overrides) {}
  friend constexpr bool operator==(const Step&, const Step&) = default;
};

// Go at the generalization gate although a gate rule fails.
inline constexpr Step k_generalize_override{model::Action::generalize_go, true};

struct PathSpec {
  const char* name;
  const char* kind; // idea | practice
  double count;     // records at scale 1; 0 for the kind's remainder (left in submitted)
  std::vector<Step> steps;
};

// Every path the generator uses; together they reach every lifecycle state.
const std::vector<PathSpec>& path_specs();

enum class PocFormat : std::uint8_t { demonstrator, lab_sprint, acceleration, incubation };
const char* format_name(PocFormat f);

struct RecordPlan {
  std::string id;
  std::uint16_t path = 0;
  std::uint8_t region = 0;
  std::uint8_t city = 0;
  std::uint32_t author = 0;        // agent number
  long created = 0;                // days since 1970-01-01
  std::vector<std::uint16_t> gaps; // days before each step of the path
  std::vector<PocFormat> formats;  // one per poc_plan step
  Subject subject;
  Wording wording;
  int theme2 = -1;         // a second theme, or -1
  std::uint8_t source = 0; // index into k_sources
  int challenge = -1;      // index into Plan::challenges
  int duplicate_of = -1;   // the record this one rephrases
  int merged_into = -1;    // for the merge path: the record it was merged into (also duplicate_of)
};

struct ChallengePlan {
  std::size_t bank = 0; // index into challenge_banks()
  std::string id;
  long opened = 0;
  long closed = 0;
  std::vector<int> winners; // record indexes
};

inline constexpr const char* k_sources[] = {"internal",  "external", "citizen",
                                            "challenge", "lab",      "watch"};

struct Plan {
  double scale = 1;
  std::uint64_t seed = 0;
  long people = 0;      // headcount; authors and likers are agent-1..people
  int person_width = 5; // digits of agent numbers
  int experts_per_region = 6;
  long first_day = 0; // creation window
  long last_day = 0;
  long snapshot = 0; // no event after this day
  std::vector<RecordPlan> records;
  std::vector<ChallengePlan> challenges;
};

// The plan for a scale (1 = the agency's scale) and a seed. UsageError when the scale is too small
// to hold every path at least once.
Plan make_plan(double scale, std::uint64_t seed);

// "agent-04213" for person 4213 of the plan.
std::string person_id(const Plan& plan, std::uint32_t number);

// The state a path ends in.
std::string final_state(const PathSpec& spec);

} // namespace innov::gen
