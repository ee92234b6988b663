// The portfolio configuration, innov.yaml.
#pragma once

#include "lib/model/roles.hpp"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace innov::model {

// A unit (agency, platform, lab, team) of a region: records name it as their `unit` and POCs in
// their `territory`.
struct Unit {
  std::string code;
  std::string name; // may be empty (units given as a plain list of codes)
};

struct Region {
  std::string code;
  std::string name;
  std::vector<Unit> units; // regions[].units in innov.yaml; may be empty
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

// Duration bounds of a POC format (poc_formats in innov.yaml), in days from start to end (end
// minus start); a bound left out does not apply.
struct PocFormatBounds {
  std::string format; // demonstrator | lab-sprint | acceleration | incubation
  std::optional<long> min_days;
  std::optional<long> max_days;
};

// The bounds of every format when innov.yaml says nothing: lab-sprint 1 to 3 days, acceleration
// 8 to 10 weeks (56 to 70 days), demonstrator and incubation unbounded.
std::vector<PocFormatBounds> default_poc_formats();

// publication: of innov.yaml, what `innov publish` makes public (docs/publish.md). An empty list
// means every value.
struct Publication {
  std::vector<std::string> kinds;
  std::vector<std::string> sources;
  std::vector<std::string> states;
  std::string people = "pseudonym"; // pseudonym | omit
  std::string text = "generalized"; // whose free text is public: generalized | all | none
  std::vector<std::string> omit;    // record keys left out of every published record
};

struct Config {
  int format = 1; // `format` of innov.yaml; absent means format 1 (lib/model/format.hpp)
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
  // poc_formats: one entry per format; a format innov.yaml names replaces its default entry.
  std::vector<PocFormatBounds> poc_formats = default_poc_formats();
  // population, experts, bodies and edit (docs/roles.md).
  Roles roles;
  // publication (docs/publish.md).
  Publication publication = {};

  std::vector<std::string> region_codes() const;
  std::vector<std::string> theme_codes() const;
  std::vector<std::string> metric_ids() const;
  std::vector<std::string> criterion_ids() const;
  const ValueMetric* metric(const std::string& id) const;
  bool has_region(const std::string& code) const;
  // Whether innov.yaml declares units (regions[].units): only then are units and POC territories
  // checked against them.
  bool declares_units() const;
  // Every declared unit code, region by region, in innov.yaml order (a unit declared twice, twice).
  std::vector<std::string> unit_codes() const;
  // The region that declares `unit` (the first one, when two do: E061); empty when none does.
  std::string unit_region(const std::string& unit) const;
  bool has_theme(const std::string& code) const;
  // The bounds of a format (nullptr for a format without an entry: unbounded).
  const PocFormatBounds* poc_format(const std::string& format) const;
  // Sets the bounds of a format, replacing its entry.
  void set_poc_format(const PocFormatBounds& bounds);
};

// What a POC of `format` from `start` to `end` (dates; duration = end - start in days) breaks, in
// words ("a lab-sprint lasts at most 3 days (poc_formats in innov.yaml); this one lasts 80"), or
// empty when it is within its bounds or a date is missing.
std::string poc_duration_problem(const Config& config, const std::string& format,
                                 const std::string& start, const std::string& end);

// A challenge or campaign (challenges/<slug>.yaml): docs/challenges.md. Every key but id, title,
// kind and opened is optional, so that the files written before `innov challenge` stay readable.
struct Prize {
  std::string name;
  long incubation_days = 0; // days of incubation at the Lab
  double amount = 0;        // money, in the portfolio currency
};

// An outside team entered in a challenge (`challenge enter --team`). A record enters by its own
// `challenge:` field instead: the entries of a challenge are its teams and those records.
struct Entry {
  std::string team;
  std::vector<std::string> members;
  std::string at; // when it entered (date or UTC date-time)
  std::string by; // who entered it
};

struct Winner {
  std::string team;
  std::string record;
  std::string prize;
  long incubation_days = 0;
  double amount = 0;
  std::string at; // when the prize was awarded (absent in files written by hand)
  std::string by;
};

inline constexpr std::array<const char*, 6> k_challenge_kinds = {
    "campaign", "data", "startup-pitch", "hackathon", "internal", "citizen"};

struct Challenge {
  std::string id;
  std::string title;
  std::string kind; // campaign | data | startup-pitch | hackathon (internal, citizen: older files)
  std::string description;
  std::string sponsor;
  std::vector<std::string> partners;
  std::string opened;
  std::string closed;
  std::string closed_by; // who closed it (`challenge close`)
  std::vector<std::string> themes;
  std::vector<std::string> datasets;
  std::vector<std::string> jury; // person ids
  std::vector<Prize> prizes;
  std::vector<Entry> entries;
  std::vector<Winner> winners;
};

} // namespace innov::model
