#include "lib/model/lifecycle.hpp"
#include "tools/gen/plan.hpp"

#include <stdexcept>

namespace innov::gen {

namespace {
using A = model::Action;
} // namespace

const std::vector<PathSpec>& path_specs()
{
  // Counts at scale 1: 10,000 ideas and 2,500 practices; about 2,000 qualifications, 300 POCs and
  // 60 decisions at the generalization gate.
  static const std::vector<PathSpec> specs = {
      {"submitted", "idea", 0, {}},
      {"withdrawn", "idea", 150, {A::withdraw}},
      {"merged", "idea", 50, {A::merge}},
      {"needs-info", "idea", 150, {A::qualify_needs_info}},
      {"on-hold", "idea", 150, {A::qualify_hold}},
      {"rejected", "idea", 480, {A::qualify_reject}},
      {"rejected-after-info", "idea", 40, {A::qualify_needs_info, A::qualify_reject}},
      {"qualified", "idea", 400, {A::qualify_go}},
      {"qualified-after-info", "idea", 60, {A::qualify_needs_info, A::qualify_go}},
      {"qualified-after-hold", "idea", 30, {A::qualify_hold, A::qualify_go}},
      {"qualified-withdrawn", "idea", 10, {A::qualify_go, A::withdraw}},
      {"killed-before-poc", "idea", 3, {A::qualify_go, A::generalize_kill}},
      {"on-hold-before-poc", "idea", 3, {A::qualify_go, A::generalize_hold}},
      {"poc-planned", "idea", 60, {A::qualify_go, A::poc_plan}},
      {"poc-running", "idea", 95, {A::qualify_go, A::poc_plan, A::poc_start}},
      {"poc-running-after-info",
       "idea",
       10,
       {A::qualify_needs_info, A::qualify_go, A::poc_plan, A::poc_start}},
      {"poc-done", "idea", 75, {A::qualify_go, A::poc_plan, A::poc_start, A::poc_close}},
      {"poc-withdrawn", "idea", 5, {A::qualify_go, A::poc_plan, A::poc_start, A::withdraw}},
      {"generalized",
       "idea",
       20,
       {A::qualify_go, A::poc_plan, A::poc_start, A::poc_close, A::generalize_go}},
      {"generalized-override",
       "idea",
       4,
       {A::qualify_go, A::poc_plan, A::poc_start, A::poc_close, k_generalize_override}},
      {"killed",
       "idea",
       6,
       {A::qualify_go, A::poc_plan, A::poc_start, A::poc_close, A::generalize_kill}},
      {"on-hold-after-poc",
       "idea",
       5,
       {A::qualify_go, A::poc_plan, A::poc_start, A::poc_close, A::generalize_hold}},
      {"recycled",
       "idea",
       3,
       {A::qualify_go, A::poc_plan, A::poc_start, A::poc_close, A::generalize_recycle}},
      {"recycled-second-poc",
       "idea",
       2,
       {A::qualify_go, A::poc_plan, A::poc_start, A::poc_close, A::generalize_recycle, A::poc_plan,
        A::poc_start, A::poc_close}},
      {"submitted", "practice", 0, {}},
      {"withdrawn", "practice", 25, {A::withdraw}},
      {"merged", "practice", 10, {A::merge}},
      {"rejected", "practice", 110, {A::qualify_reject}},
      {"needs-info", "practice", 25, {A::qualify_needs_info}},
      {"on-hold", "practice", 30, {A::qualify_hold}},
      {"qualified", "practice", 110, {A::qualify_go}},
      {"generalized-direct", "practice", 10, {A::qualify_go, A::generalize_go}},
      {"killed-direct", "practice", 1, {A::qualify_go, A::generalize_kill}},
      {"poc-running", "practice", 10, {A::qualify_go, A::poc_plan, A::poc_start}},
      {"poc-done", "practice", 8, {A::qualify_go, A::poc_plan, A::poc_start, A::poc_close}},
      {"generalized",
       "practice",
       4,
       {A::qualify_go, A::poc_plan, A::poc_start, A::poc_close, A::generalize_go}},
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
    auto next = model::apply_action(s, step.action, spec.kind);
    if (!next) {
      throw std::logic_error(std::string("path '") + spec.name + "' breaks the lifecycle");
    }
    s = *next;
  }
  return std::string(model::state_name(s));
}

} // namespace innov::gen
