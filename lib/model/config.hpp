// The portfolio configuration, innov.yaml.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace innov::model {

struct Region {
  std::string code;
  std::string name;
};

struct Theme {
  std::string code;
  std::string name;
};

struct ValueMetric {
  std::string id;
  std::string unit;
  std::optional<double> eur_per_unit; // converts the metric to the portfolio currency
  std::string name;
};

struct Criterion {
  std::string id;
  double weight = 1;
  std::string name;
};

struct Config {
  std::string portfolio;
  std::string organization;
  long headcount = 0;
  std::string currency = "EUR";
  std::vector<Region> regions;
  std::vector<Theme> themes;
  std::vector<ValueMetric> value_metrics;
  double scale_min = 1;
  double scale_max = 5;
  std::vector<Criterion> criteria;
  // gates.qualification
  int min_experts = 1;
  double min_score = 3.0;
  // gates.generalization
  std::string require_outcome = "success";
  bool require_must_kpis = true;
  int min_territories = 0;
  bool require_qualification = true;
  // sla
  int sla_qualification_days = 60;
  int sla_decision_days = 90;

  std::vector<std::string> region_codes() const;
  std::vector<std::string> theme_codes() const;
  std::vector<std::string> metric_ids() const;
  std::vector<std::string> criterion_ids() const;
  const ValueMetric* metric(const std::string& id) const;
  bool has_region(const std::string& code) const;
  bool has_theme(const std::string& code) const;
};

// A challenge or campaign (challenges/<slug>.yaml).
struct Winner {
  std::string team;
  std::string record;
  std::string prize;
  long incubation_days = 0;
};

struct Challenge {
  std::string id;
  std::string title;
  std::string kind; // data | internal | citizen | startup-pitch
  std::string description;
  std::string sponsor;
  std::vector<std::string> partners;
  std::string opened;
  std::string closed;
  std::vector<std::string> themes;
  std::vector<Winner> winners;
};

} // namespace innov::model
