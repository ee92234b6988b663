// The gate rules of innov.yaml: qualification (experts and scores) and generalization (evidence).
#pragma once

#include "lib/model/config.hpp"
#include "lib/model/innovation.hpp"
#include "lib/model/opinions.hpp"

#include <string>
#include <vector>

namespace innov::model {

// sum(weight * score) / sum(weight) over the rubric criteria the qualification scores; always
// finite (0 when no criterion with a finite positive weight is scored).
double weighted_score(const Qualification& q, const Config& config);

struct QualificationGate {
  bool met = false;
  int go_experts = 0;               // distinct experts whose opinion in force is go
  double mean_score = 0;            // mean weighted score of those go qualifications
  std::vector<std::string> missing; // what is still missing, in words
};

// Whether gates.qualification holds for the record's qualifications.
QualificationGate qualification_gate(const Innovation& rec, const Config& config);

struct GateRule {
  std::string id;          // outcome, must_kpis, territories, qualification
  std::string description; // "POC outcome is success"
  bool passed = false;
  std::string evidence; // "last POC p1 ended 2015-10-30 with outcome success"
  std::string hint;     // what to do when the rule fails for want of evidence, or empty
};

// Every rule of gates.generalization evaluated on the record (its last POC).
std::vector<GateRule> generalization_rules(const Innovation& rec, const Config& config);

bool all_passed(const std::vector<GateRule>& rules);

} // namespace innov::model
