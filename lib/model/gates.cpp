#include "lib/model/gates.hpp"

#include "lib/model/score.hpp"
#include "lib/util/text.hpp"

#include <cmath>
#include <fmt/format.h>
#include <map>

namespace innov::model {

namespace {

// sum(weight / unit * score) / sum(weight / unit), over the finite positive weights.
double weighted_mean(const Qualification& q, const Config& config, double unit)
{
  double sum = 0;
  double weights = 0;
  for (const auto& c : config.criteria) {
    if (!std::isfinite(c.weight) || !(c.weight > 0)) {
      continue;
    }
    for (const auto& [id, score] : q.scores) {
      if (id == c.id) {
        sum += c.weight / unit * score;
        weights += c.weight / unit;
      }
    }
  }
  return weights > 0 ? sum / weights : 0;
}

} // namespace

double weighted_score(const Qualification& q, const Config& config)
{
  double score = weighted_mean(q, config, 1);
  if (std::isfinite(score)) {
    return score;
  }
  // Huge weights overflow the sums (inf / inf = NaN): weigh relative to the largest instead.
  double largest = 0;
  for (const auto& c : config.criteria) {
    if (std::isfinite(c.weight) && c.weight > largest) {
      largest = c.weight;
    }
  }
  score = largest > 0 ? weighted_mean(q, config, largest) : 0;
  return std::isfinite(score) ? score : 0;
}

QualificationGate qualification_gate(const Innovation& rec, const Config& config)
{
  QualificationGate gate;
  double total = 0;
  for (const auto* q : latest_qualifications(rec)) {
    if (q->decision == "go") {
      ++gate.go_experts;
      total += weighted_score(*q, config);
    }
  }
  gate.mean_score = gate.go_experts > 0 ? total / gate.go_experts : 0;
  if (gate.go_experts < config.min_experts) {
    gate.missing.push_back(fmt::format("{} more expert(s) saying go ({} of {})",
                                       config.min_experts - gate.go_experts, gate.go_experts,
                                       config.min_experts));
  }
  // Written so that a NaN (which the configuration's schema refuses) could not pass.
  if (gate.go_experts > 0 && !(gate.mean_score >= config.min_score)) {
    gate.missing.push_back(fmt::format("a mean weighted score of at least {} (now {:.2f})",
                                       config.min_score, gate.mean_score));
  }
  gate.met = gate.missing.empty();
  return gate;
}

namespace {

bool outcome_satisfies(const std::string& outcome, const std::string& required)
{
  if (required == "partial") {
    return outcome == "success" || outcome == "partial";
  }
  return outcome == required;
}

const char* const k_must_kpis = "every must-meet KPI reaches its target";

// Every must-meet KPI of the POC reaches its target, and there is at least one: a POC without a
// must-meet KPI proved nothing the gate can read, so the rule fails (never vacuously true).
GateRule must_kpis_rule(const Poc* poc)
{
  GateRule kpis{"must_kpis", k_must_kpis, false, "", ""};
  if (!poc) {
    kpis.evidence = "no POC on record";
    return kpis;
  }
  std::vector<std::string> failed;
  std::vector<std::string> met;
  for (const auto& k : poc->kpis) {
    if (!k.is_must()) {
      continue;
    }
    auto ok = k.met();
    std::string actual = k.actual ? fmt::format("{}", *k.actual) : "not measured";
    std::string line = fmt::format("{} {} (target {}, {})", k.id, actual, k.target, k.direction);
    (ok.value_or(false) ? met : failed).push_back(line);
  }
  kpis.passed = failed.empty() && !met.empty();
  if (met.empty() && failed.empty()) {
    kpis.evidence = "POC '" + poc->id + "' has no must-meet KPI";
    kpis.hint = "mark a KPI must: 'must: true' on a KPI of the POC in the record, or ':must' at "
                "the end of --kpi when planning a POC";
  } else {
    kpis.evidence =
        failed.empty() ? "met: " + util::join(met, "; ") : "not met: " + util::join(failed, "; ");
  }
  return kpis;
}

// The imported history entry that qualified the record (via: import, to: qualified), or nullptr.
const HistoryEntry* imported_qualification(const Innovation& rec)
{
  for (const auto& h : rec.history) {
    if (h.via == "import" && h.to == "qualified") {
      return &h;
    }
  }
  return nullptr;
}

// The qualification gate of innov.yaml held: min_experts distinct experts whose latest decision is
// go, with a mean weighted score of at least min_score (qualification_gate, the one definition).
GateRule qualification_rule(const Innovation& rec, const Config& config)
{
  GateRule qual{"qualification", "the qualification gate is met", false, "", ""};
  std::vector<std::string> experts;
  for (const auto* q : latest_qualifications(rec)) {
    if (q->decision == "go") {
      experts.push_back(q->expert + " (" + format_score(weighted_score(*q, config)) + ")");
    }
  }
  QualificationGate gate = qualification_gate(rec, config);
  qual.passed = gate.met;
  if (const HistoryEntry* imported = imported_qualification(rec); imported && !gate.met) {
    // The platform the record came from qualified it: its decision is the recorded fact.
    qual.passed = true;
    qual.evidence = "qualified on the platform it was imported from (" +
                    (imported->ref.empty() ? std::string() : "ref " + imported->ref + ", ") +
                    imported->at.substr(0, 10) + ")";
    return qual;
  }
  std::string from =
      experts.empty() ? "no go qualification on record" : "go from " + util::join(experts, ", ");
  qual.evidence = gate.met ? from : from + "; missing " + util::join(gate.missing, " and ");
  if (auto score = record_score(rec, config); score && gate.met) {
    qual.evidence += fmt::format("; record score {} ({} expert{})", format_score(score->value),
                                 score->experts, score->experts == 1 ? "" : "s");
  }
  return qual;
}

} // namespace

std::vector<GateRule> generalization_rules(const Innovation& rec, const Config& config)
{
  std::vector<GateRule> rules;
  const Poc* poc = rec.last_poc();
  bool practice_without_poc = poc == nullptr && rec.kind == "practice";
  const std::string practice_note = "a practice: its unit '" +
                                    (rec.unit.empty() ? rec.region : rec.unit) +
                                    "' is its demonstrator";

  GateRule outcome{"outcome",
                   "the POC outcome is " + config.require_outcome +
                       (config.require_outcome == "partial" ? " or success" : ""),
                   false, "", ""};
  if (practice_without_poc) {
    outcome.passed = true;
    outcome.evidence = practice_note;
  } else if (!poc) {
    outcome.evidence = "no POC on record";
  } else if (poc->outcome.empty()) {
    outcome.evidence = "POC '" + poc->id + "' has no outcome yet";
  } else {
    outcome.passed = outcome_satisfies(poc->outcome, config.require_outcome);
    outcome.evidence = "POC '" + poc->id + "' outcome: " + poc->outcome;
  }
  rules.push_back(outcome);

  if (config.require_must_kpis) {
    if (practice_without_poc) {
      rules.push_back({"must_kpis", k_must_kpis, true, practice_note, ""});
    } else {
      rules.push_back(must_kpis_rule(poc));
    }
  }

  if (config.min_territories > 0) {
    GateRule terr{"territories",
                  fmt::format("the POC ran in at least {} territories", config.min_territories),
                  false, "", ""};
    if (practice_without_poc) {
      terr.passed = true;
      terr.evidence = practice_note;
    } else if (!poc) {
      terr.evidence = "no POC on record";
    } else {
      terr.passed = static_cast<int>(poc->territory.size()) >= config.min_territories;
      terr.evidence =
          fmt::format("{} territor{}: {}", poc->territory.size(),
                      poc->territory.size() == 1 ? "y" : "ies", util::join(poc->territory, ", "));
    }
    rules.push_back(terr);
  }

  if (config.require_qualification) {
    rules.push_back(qualification_rule(rec, config));
  }
  return rules;
}

bool all_passed(const std::vector<GateRule>& rules)
{
  for (const auto& r : rules) {
    if (!r.passed) {
      return false;
    }
  }
  return true;
}

} // namespace innov::model
