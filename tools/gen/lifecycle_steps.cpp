#include "tools/gen/lifecycle_steps.hpp"

#include "lib/model/gates.hpp"
#include "lib/model/workflow.hpp"
#include "lib/util/date.hpp"
#include "tools/gen/phrases.hpp"

#include <algorithm>
#include <cmath>

namespace innov::gen {

namespace {

std::string date_text(long day)
{
  return util::format_date(util::civil_from_days(day));
}

double round1(double value)
{
  return std::round(value * 10) / 10;
}

// The first day of the quarter after `day`, and the first day of the quarter after that.
std::pair<long, long> next_quarter(long day)
{
  util::Date d = util::civil_from_days(day);
  int month = ((d.month - 1) / 3 + 1) * 3 + 1;
  int year = d.year;
  if (month > 12) {
    month = 1;
    ++year;
  }
  long start = util::days_from_civil({year, month, 1});
  int next_month = month + 3 > 12 ? 1 : month + 3;
  int next_year = month + 3 > 12 ? year + 1 : year;
  return {start, util::days_from_civil({next_year, next_month, 1})};
}

model::Kpi draw_kpi(const KpiBank& bank, bool must, Rng& rng)
{
  model::Kpi k;
  k.id = bank.id;
  k.name = bank.name;
  k.unit = bank.unit;
  k.direction = bank.direction;
  double step = bank.baseline_max <= 10 ? 0.5 : 1;
  k.baseline =
      std::round((bank.baseline_min + rng.unit() * (bank.baseline_max - bank.baseline_min)) /
                 step) *
      step;
  double delta =
      std::round((bank.delta_min + rng.unit() * (bank.delta_max - bank.delta_min)) / step) * step;
  k.target = bank.direction == "up" ? k.baseline + delta : k.baseline - delta;
  if (must) {
    k.must = true;
  }
  return k;
}

// An actual value that reaches the KPI's target, or stays short of it.
double draw_actual(const model::Kpi& k, bool meets, Rng& rng)
{
  double sign = k.direction == "up" ? 1 : -1;
  double delta = std::abs(k.target - k.baseline);
  // Counts are whole numbers; rounding a count towards the baseline keeps a miss a miss.
  bool whole = k.unit == "people" || k.unit == "count";
  if (meets) {
    double v = k.target + sign * rng.unit() * 0.5 * delta;
    return whole ? (sign > 0 ? std::ceil(v) : std::floor(v)) : round1(v);
  }
  double u = -0.3 + rng.unit() * 1.2; // [-0.3, 0.9)
  double v = k.baseline + sign * u * 0.9 * delta;
  return whole ? (sign > 0 ? std::floor(v) : std::ceil(v)) : round1(v);
}

} // namespace

void LifecycleWalk::run()
{
  const auto& steps = m_spec.steps;
  if (std::find(steps.begin(), steps.end(), k_generalize_override) != steps.end()) {
    m_override_mode = static_cast<int>(m_rng.below(3));
  }
  long day = m_rp.created;
  std::size_t poc_index = 0;
  std::size_t pocs_planned = std::count(steps.begin(), steps.end(), Step(model::Action::poc_plan));
  for (std::size_t i = 0; i < steps.size(); ++i) {
    day += m_rp.gaps[i];
    std::string at = date_text(day);
    switch (steps[i].action) {
    case model::Action::qualify_go:
      qualify("go", at);
      break;
    case model::Action::qualify_reject:
      qualify("reject", at);
      break;
    case model::Action::qualify_hold:
      qualify("hold", at);
      break;
    case model::Action::qualify_needs_info:
      qualify("needs-info", at);
      break;
    case model::Action::poc_plan:
      plan_poc(day, at, m_rp.formats[poc_index], poc_index + 1 == pocs_planned);
      ++poc_index;
      break;
    case model::Action::poc_start:
      model::start_poc(m_rec, at, {"dr-" + m_rec.region, at});
      if (i + 1 == steps.size() && m_rng.chance(0.35)) {
        interim_measure(at);
      }
      break;
    case model::Action::poc_close:
      close_poc(at, i);
      break;
    case model::Action::merge:
      model::transition(m_rec, model::Action::merge, {"animateur-" + m_rec.region, at});
      break;
    case model::Action::withdraw:
      model::transition(m_rec, model::Action::withdraw, {m_rec.author, at});
      break;
    default:
      generalize(steps[i], day, at);
    }
  }
}

void LifecycleWalk::qualify(const std::string& decision, const std::string& at)
{
  long k = 0;
  do {
    k = m_rng.range(1, m_plan.experts_per_region);
  } while (m_experts.count(k) && static_cast<long>(m_experts.size()) < m_plan.experts_per_region);
  m_experts.insert(k);
  model::QualifyInput in;
  in.expert = "expert-" + m_rec.region + "-" + std::to_string(k);
  in.region = m_rec.region;
  in.decision = decision;
  in.rationale = m_rng.pick(rationale_texts(decision));
  for (const auto& c : m_config.criteria) {
    long score = 0;
    if (decision == "go") {
      score = m_rng.chance(0.1) ? 2 : m_rng.range(3, 5);
    } else if (decision == "reject") {
      score = m_rng.range(1, 3);
    } else {
      score = m_rng.range(2, 4);
    }
    in.scores.emplace_back(c.id, static_cast<double>(score));
  }
  if (decision == "go") {
    // A go moves the record only when the gate's minimum score holds: raise the lowest scores.
    model::Qualification q{at, in.expert, in.region, in.scores, decision, "", ""};
    while (model::weighted_score(q, m_config) < m_config.min_score + 0.2) {
      auto low = std::min_element(q.scores.begin(), q.scores.end(),
                                  [](const auto& a, const auto& b) { return a.second < b.second; });
      low->second += 1;
    }
    in.scores = q.scores;
  }
  model::qualify(m_rec, m_config, in, {in.expert, at});
}

void LifecycleWalk::plan_poc(long day, const std::string& at, PocFormat format, bool last_poc)
{
  const RegionBank& region = region_banks()[m_rp.region];
  model::Poc p;
  p.format = format_name(format);
  std::vector<std::size_t> cities(region.cities.size());
  for (std::size_t i = 0; i < cities.size(); ++i) {
    cities[i] = i;
  }
  m_rng.shuffle(cities);
  std::iter_swap(cities.begin(), std::find(cities.begin(), cities.end(), m_rp.city));
  long n = m_rng.range(2, std::min<long>(4, static_cast<long>(cities.size())));
  if (last_poc && m_override_mode == 0) {
    n = 1;
  }
  for (long i = 0; i < n; ++i) {
    p.territory.push_back("agence-" + region.cities[cities[static_cast<std::size_t>(i)]].slug);
  }
  p.sponsor = "dr-" + m_rec.region;
  long start = day + m_rng.range(7, 30);
  long length = 90;
  double budget = 0;
  switch (format) {
  case PocFormat::demonstrator:
    length = m_rng.range(90, 180);
    budget = std::round((10000 + m_rng.unit() * 70000) / 500) * 500;
    break;
  case PocFormat::lab_sprint:
    length = m_rng.range(1, 3);
    budget = std::round((1000 + m_rng.unit() * 4000) / 100) * 100;
    break;
  case PocFormat::acceleration:
    length = m_rng.range(56, 70);
    budget = std::round((20000 + m_rng.unit() * 40000) / 1000) * 1000;
    break;
  case PocFormat::incubation:
    length = m_rng.range(30, 60);
    budget = std::round((5000 + m_rng.unit() * 25000) / 500) * 500;
    break;
  }
  p.planned_start = date_text(start);
  p.planned_end = date_text(start + length);
  p.budget_planned = budget;
  std::vector<std::size_t> kpis(kpi_banks().size());
  for (std::size_t i = 0; i < kpis.size(); ++i) {
    kpis[i] = i;
  }
  m_rng.shuffle(kpis);
  long count = m_rng.range(1, 3);
  for (long i = 0; i < count; ++i) {
    p.kpis.push_back(draw_kpi(kpi_banks()[kpis[static_cast<std::size_t>(i)]],
                              i == 0 || m_rng.chance(0.25), m_rng));
  }
  model::plan_poc(m_rec, p, {p.sponsor, at});
}

void LifecycleWalk::interim_measure(const std::string& at)
{
  model::Poc& poc = *m_rec.last_poc();
  const model::Kpi& k = poc.kpis.front();
  double sign = k.direction == "up" ? 1 : -1;
  double actual = round1(k.baseline + sign * m_rng.unit() * std::abs(k.target - k.baseline));
  double spent =
      std::round(poc.budget_planned.value_or(0) * (0.2 + 0.4 * m_rng.unit()) / 100) * 100;
  model::measure_poc(m_rec, {{k.id, actual}}, "", at.substr(0, 10));
  model::spend_poc(m_rec, spent, "", at.substr(0, 10));
}

void LifecycleWalk::close_poc(const std::string& at, std::size_t step)
{
  const auto& steps = m_spec.steps;
  Step next = step + 1 < steps.size() ? steps[step + 1] : Step(model::Action::withdraw);
  bool decided = step + 1 < steps.size();
  std::string outcome;
  if (next == Step(model::Action::generalize_go)) {
    outcome = "success";
  } else if (next == k_generalize_override) {
    outcome = m_override_mode == 1 ? "partial" : "success";
  } else if (next.action == model::Action::generalize_kill) {
    outcome = m_rng.chance(0.75) ? "failure" : "partial";
  } else if (decided) {
    outcome = "partial";
  } else {
    const char* outcomes[] = {"success", "partial", "failure"};
    outcome = outcomes[m_rng.weighted({50, 30, 20})];
  }
  model::Poc& poc = *m_rec.last_poc();
  double meet_chance = outcome == "success" ? 0.8 : outcome == "partial" ? 0.5 : 0.15;
  std::vector<std::pair<std::string, double>> actuals;
  for (std::size_t i = 0; i < poc.kpis.size(); ++i) {
    const model::Kpi& k = poc.kpis[i];
    bool meets = m_rng.chance(meet_chance);
    if (k.is_must() &&
        (next == Step(model::Action::generalize_go) || next == k_generalize_override)) {
      meets = !(next == k_generalize_override && m_override_mode == 2 && i == 0);
    }
    actuals.emplace_back(k.id, draw_actual(k, meets, m_rng));
  }
  double spent =
      std::round(poc.budget_planned.value_or(0) * (0.7 + 0.45 * m_rng.unit()) / 100) * 100;
  model::measure_poc(m_rec, actuals, "", at.substr(0, 10));
  // spent is the POC's total: what the interim measurement recorded is already in it
  double before = poc.budget_spent.value_or(0);
  model::spend_poc(m_rec, std::max(0.0, spent - before), "", at.substr(0, 10));
  std::string sponsor = "dr-" + m_rec.region;
  model::close_poc(m_rec, outcome, m_rng.pick(lesson_texts(outcome)), at, {sponsor, at});
}

void LifecycleWalk::generalize(Step step, long day, const std::string& at)
{
  model::GeneralizeInput in;
  std::string body = "comite-national-innovation";
  bool go = step.action == model::Action::generalize_go;
  in.decision = go                                              ? "go"
                : step.action == model::Action::generalize_kill ? "kill"
                : step.action == model::Action::generalize_hold ? "hold"
                                                                : "recycle";
  in.rationale = m_rng.pick(decision_texts(in.decision));
  if (go) {
    const auto& regions = region_banks();
    std::vector<std::string> wave_regions = {m_rec.region};
    bool national = m_rng.chance(0.65);
    long more = national ? m_rng.range(2, 6) : m_rng.range(0, 1);
    for (long tries = 0; static_cast<long>(wave_regions.size()) < 1 + more && tries < 50; ++tries) {
      const std::string& code = m_rng.pick(regions).code;
      if (std::find(wave_regions.begin(), wave_regions.end(), code) == wave_regions.end()) {
        wave_regions.push_back(code);
      }
    }
    if (national) {
      in.scope = {"national"};
    } else {
      in.scope = wave_regions;
      body = "comite-regional-" + m_rec.region;
      in.rationale = m_rng.pick(decision_texts("go-regional"));
    }
    long planned = day + m_rng.range(30, 60);
    for (const auto& code : wave_regions) {
      model::RolloutWave w{code, date_text(planned), "", ""};
      long done = planned + m_rng.range(0, 21);
      if (done <= m_plan.snapshot && m_rng.chance(0.9)) {
        w.done = date_text(done);
        w.done_by = body;
      }
      in.rollout.push_back(w);
      planned += m_rng.range(30, 75);
    }
    model::ValueAmount projected =
        m_rec.estimate ? *m_rec.estimate : model::ValueAmount{"hours_saved", 2000, "year"};
    double factor = national ? 6 + m_rng.unit() * 9 : 1.5 + m_rng.unit() * 1.5;
    projected.amount = std::round(projected.amount * factor / 10) * 10;
    in.projected = projected;
    if (step.overrides_gate) {
      in.override_reason = m_rng.pick(override_texts());
    }
  }
  model::generalize(m_rec, m_config, in, {body, at});
  if (go) {
    realize(*in.projected, in.rollout);
  }
}

void LifecycleWalk::realize(const model::ValueAmount& projected,
                            const std::vector<model::RolloutWave>& waves)
{
  double share = projected.amount / static_cast<double>(std::max<std::size_t>(1, waves.size()));
  std::vector<model::Realized> values;
  for (const auto& w : waves) {
    if (w.done.empty()) {
      continue;
    }
    long from = util::days_from_civil(*util::parse_date(w.done));
    int quarters = projected.per == "once" ? 1 : 4;
    for (int q = 0; q < quarters; ++q) {
      auto [start, next] = next_quarter(from);
      if (next - 1 > m_plan.snapshot) {
        break;
      }
      double amount = (projected.per == "once" ? share : share / 4) * (0.5 + 0.8 * m_rng.unit());
      values.push_back({util::period_of(util::civil_from_days(start), "quarter"), projected.metric,
                        std::max(1.0, std::round(amount)), w.region, "",
                        w.done_by}); // dated by its period, recorded by the body of the wave
      from = start;
    }
  }
  std::stable_sort(
      values.begin(), values.end(),
      [](const model::Realized& a, const model::Realized& b) { return a.period < b.period; });
  for (const auto& v : values) {
    model::realize(m_rec, v);
  }
}

} // namespace innov::gen
