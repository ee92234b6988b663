// Building full records, challenges and innov.yaml from the plan. Each record is built from its
// own random stream, so records can be built in any order (or in parallel) with the same bytes.
#pragma once

#include "lib/model/config.hpp"
#include "lib/model/innovation.hpp"
#include "tools/gen/plan.hpp"

#include <string>

namespace innov::gen {

// The text of innov.yaml: 13 regions, the themes, value metrics, rubric, gates and SLA.
std::string config_text(const Plan& plan);

// The record planned at `index`, taken through its lifecycle path with the workflow of lib/model
// (so its history is one the state machine allows).
model::Innovation build_record(const Plan& plan, const model::Config& config, std::size_t index);

// Challenge `index` of the plan, its winners resolved to record ids.
model::Challenge build_challenge(const Plan& plan, std::size_t index);

} // namespace innov::gen
