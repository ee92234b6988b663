#include "lib/model/lifecycle.hpp"
#include "tools/gen/plan.hpp"

#include <stdexcept>

namespace innov::gen {

namespace {
using S = Step;
} // namespace

const std::vector<PathSpec>& path_specs()
{
  // Counts at scale 1: 10,000 ideas and 2,500 practices; about 2,000 qualifications, 300 POCs and
  // 60 decisions at the generalization gate.
  static const std::vector<PathSpec> specs = {
      {"submitted", "idea", 0, {}},
      {"withdrawn", "idea", 150, {S::withdraw}},
      {"merged", "idea", 50, {S::merge}},
      {"needs-info", "idea", 150, {S::qualify_needs_info}},
      {"on-hold", "idea", 150, {S::qualify_hold}},
      {"rejected", "idea", 480, {S::qualify_reject}},
      {"rejected-after-info", "idea", 40, {S::qualify_needs_info, S::qualify_reject}},
      {"qualified", "idea", 400, {S::qualify_go}},
      {"qualified-after-info", "idea", 60, {S::qualify_needs_info, S::qualify_go}},
      {"qualified-after-hold", "idea", 30, {S::qualify_hold, S::qualify_go}},
      {"qualified-withdrawn", "idea", 10, {S::qualify_go, S::withdraw}},
      {"killed-before-poc", "idea", 3, {S::qualify_go, S::generalize_kill}},
      {"on-hold-before-poc", "idea", 3, {S::qualify_go, S::generalize_hold}},
      {"poc-planned", "idea", 60, {S::qualify_go, S::poc_plan}},
      {"poc-running", "idea", 95, {S::qualify_go, S::poc_plan, S::poc_start}},
      {"poc-running-after-info",
       "idea",
       10,
       {S::qualify_needs_info, S::qualify_go, S::poc_plan, S::poc_start}},
      {"poc-done", "idea", 75, {S::qualify_go, S::poc_plan, S::poc_start, S::poc_close}},
      {"poc-withdrawn", "idea", 5, {S::qualify_go, S::poc_plan, S::poc_start, S::withdraw}},
      {"generalized",
       "idea",
       20,
       {S::qualify_go, S::poc_plan, S::poc_start, S::poc_close, S::generalize_go}},
      {"generalized-override",
       "idea",
       4,
       {S::qualify_go, S::poc_plan, S::poc_start, S::poc_close, S::generalize_override}},
      {"killed",
       "idea",
       6,
       {S::qualify_go, S::poc_plan, S::poc_start, S::poc_close, S::generalize_kill}},
      {"on-hold-after-poc",
       "idea",
       5,
       {S::qualify_go, S::poc_plan, S::poc_start, S::poc_close, S::generalize_hold}},
      {"recycled",
       "idea",
       3,
       {S::qualify_go, S::poc_plan, S::poc_start, S::poc_close, S::generalize_recycle}},
      {"recycled-second-poc",
       "idea",
       2,
       {S::qualify_go, S::poc_plan, S::poc_start, S::poc_close, S::generalize_recycle, S::poc_plan,
        S::poc_start, S::poc_close}},
      {"submitted", "practice", 0, {}},
      {"withdrawn", "practice", 25, {S::withdraw}},
      {"merged", "practice", 10, {S::merge}},
      {"rejected", "practice", 110, {S::qualify_reject}},
      {"needs-info", "practice", 25, {S::qualify_needs_info}},
      {"on-hold", "practice", 30, {S::qualify_hold}},
      {"qualified", "practice", 110, {S::qualify_go}},
      {"generalized-direct", "practice", 10, {S::qualify_go, S::generalize_go}},
      {"killed-direct", "practice", 1, {S::qualify_go, S::generalize_kill}},
      {"poc-running", "practice", 10, {S::qualify_go, S::poc_plan, S::poc_start}},
      {"poc-done", "practice", 8, {S::qualify_go, S::poc_plan, S::poc_start, S::poc_close}},
      {"generalized",
       "practice",
       4,
       {S::qualify_go, S::poc_plan, S::poc_start, S::poc_close, S::generalize_go}},
  };
  return specs;
}

const char* format_name(PocFormat f)
{
  switch (f) {
  case PocFormat::demonstrator:
    return "demonstrator";
  case PocFormat::lab_sprint:
    return "lab-sprint";
  case PocFormat::acceleration:
    return "acceleration";
  case PocFormat::incubation:
    return "incubation";
  }
  return "demonstrator";
}

std::string final_state(const PathSpec& spec)
{
  model::State s = model::State::submitted;
  for (Step step : spec.steps) {
    model::Action a = model::Action::withdraw;
    switch (step) {
    case S::qualify_go:
      a = model::Action::qualify_go;
      break;
    case S::qualify_reject:
      a = model::Action::qualify_reject;
      break;
    case S::qualify_hold:
      a = model::Action::qualify_hold;
      break;
    case S::qualify_needs_info:
      a = model::Action::qualify_needs_info;
      break;
    case S::poc_plan:
      a = model::Action::poc_plan;
      break;
    case S::poc_start:
      a = model::Action::poc_start;
      break;
    case S::poc_close:
      a = model::Action::poc_close;
      break;
    case S::generalize_go:
    case S::generalize_override:
      a = model::Action::generalize_go;
      break;
    case S::generalize_kill:
      a = model::Action::generalize_kill;
      break;
    case S::generalize_hold:
      a = model::Action::generalize_hold;
      break;
    case S::generalize_recycle:
      a = model::Action::generalize_recycle;
      break;
    case S::merge:
      a = model::Action::merge;
      break;
    case S::withdraw:
      a = model::Action::withdraw;
      break;
    }
    auto next = model::apply_action(s, a, spec.kind);
    if (!next) {
      throw std::logic_error(std::string("path '") + spec.name + "' breaks the lifecycle");
    }
    s = *next;
  }
  return std::string(model::state_name(s));
}

} // namespace innov::gen
