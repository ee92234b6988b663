// Taking a generated record through the steps of its path with the workflow functions of
// lib/model: qualifications, POCs with KPIs and budgets, gate decisions, roll-out and value.
#pragma once

#include "lib/model/config.hpp"
#include "lib/model/innovation.hpp"
#include "tools/gen/plan.hpp"
#include "tools/gen/rng.hpp"

#include <set>
#include <string>

namespace innov::gen {

class LifecycleWalk {
public:
  LifecycleWalk(const Plan& plan, const model::Config& config, const RecordPlan& rp,
                const PathSpec& spec, Rng& rng, model::Innovation& rec)
      : m_plan(plan), m_config(config), m_rp(rp), m_spec(spec), m_rng(rng), m_rec(rec)
  {
  }

  // Applies every step of the path to the (submitted) record, on the planned days.
  void run();

private:
  void qualify(const std::string& decision, const std::string& at);
  void plan_poc(long day, const std::string& at, PocFormat format, bool last_poc);
  void interim_measure(const std::string& at);
  void close_poc(const std::string& at, std::size_t step);
  void generalize(Step step, long day, const std::string& at);
  void realize(const model::ValueAmount& projected, const std::vector<model::RolloutWave>& waves);

  const Plan& m_plan;
  const model::Config& m_config;
  const RecordPlan& m_rp;
  const PathSpec& m_spec;
  Rng& m_rng;
  model::Innovation& m_rec;
  std::set<long> m_experts; // experts who already qualified the record
  int m_override_mode =
      -1; // which gate rule an override go breaks: 0 territories, 1 outcome, 2 KPI
};

} // namespace innov::gen
