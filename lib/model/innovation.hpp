// An innovation record (an idea or a remarkable practice), as DESIGN.md section 2 describes it.
// Plain data: reading and writing YAML lives in lib/store/record_yaml.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace innov::model {

struct Comment {
  std::string at;
  std::string author;
  std::string text;

  bool operator==(const Comment&) const = default;
};

// A value figure: an estimate or a projection.
struct ValueAmount {
  std::string metric;
  double amount = 0;
  std::string per; // year | month | once

  bool operator==(const ValueAmount&) const = default;
};

struct Qualification {
  std::string at;
  std::string expert;
  std::string region;
  std::vector<std::pair<std::string, double>> scores; // in rubric order
  std::string decision;                               // go | reject | hold | needs-info
  std::string rationale;

  bool operator==(const Qualification&) const = default;
};

struct Kpi {
  std::string id;
  std::string name;
  std::string unit;
  std::string direction; // up | down
  double baseline = 0;
  double target = 0;
  std::optional<double> actual;
  std::optional<bool> must;

  bool is_must() const { return must.value_or(false); }
  // Whether the actual value reaches the target in the KPI's direction; nullopt without actual.
  std::optional<bool> met() const;

  bool operator==(const Kpi&) const = default;
};

struct Poc {
  std::string id;
  std::string format; // demonstrator | lab-sprint | acceleration | incubation
  std::vector<std::string> territory;
  std::string sponsor;
  std::string planned_start; // planned: {start, end}
  std::string planned_end;
  std::string started;
  std::string ended;
  std::optional<double> budget_planned; // budget: {planned, spent}
  std::optional<double> budget_spent;
  std::vector<Kpi> kpis;
  std::string outcome; // success | partial | failure
  std::string lessons;

  bool operator==(const Poc&) const = default;
};

struct RolloutWave {
  std::string region;
  std::string planned;
  std::string done;

  bool operator==(const RolloutWave&) const = default;
};

struct Decision {
  std::string at;
  std::string gate; // poc | generalization
  std::string by;
  std::string decision; // go | kill | hold | recycle
  std::vector<std::string> scope;
  std::vector<RolloutWave> rollout;
  std::optional<ValueAmount> projected;
  std::string rationale;
  std::string override_reason; // the `override` key

  bool operator==(const Decision&) const = default;
};

struct Realized {
  std::string period; // 2016, 2016-Q3, 2016-07
  std::string metric;
  double amount = 0;
  std::string region;

  bool operator==(const Realized&) const = default;
};

struct HistoryEntry {
  std::string at;
  std::string by;
  std::string from; // empty for the first entry
  std::string to;

  bool operator==(const HistoryEntry&) const = default;
};

struct Innovation {
  std::string id;
  std::string kind; // idea | practice
  std::string title;
  std::string summary;
  std::string description;
  std::string author;
  std::string region;
  std::string unit;
  std::string source; // internal | external | citizen | challenge | lab | watch
  std::string challenge;
  std::vector<std::string> themes;
  std::string horizon; // core | adjacent | transformational
  std::string created;
  std::string external_ref;
  std::string status;
  std::vector<std::string> likes;
  std::vector<Comment> comments;
  std::optional<ValueAmount> estimate;
  std::vector<Qualification> qualifications;
  std::vector<Poc> pocs;
  std::vector<Decision> decisions;
  std::vector<Realized> realized;
  std::string merged_into;
  std::vector<HistoryEntry> history;

  // The last POC, or nullptr.
  const Poc* last_poc() const { return pocs.empty() ? nullptr : &pocs.back(); }
  Poc* last_poc() { return pocs.empty() ? nullptr : &pocs.back(); }

  bool operator==(const Innovation&) const = default;
};

// The year folder of a record: the first four characters of `created`.
std::string year_of(const Innovation& rec);

} // namespace innov::model
