// An innovation record (an idea or a remarkable practice), as DESIGN.md section 2 describes it.
// Plain data: reading and writing YAML lives in lib/store/record_yaml.
//
// Each struct lists its fields once, in canonical key order, in its static `fields()` (the field
// table, lib/model/fields.hpp). That list drives the YAML reader and the canonical writer
// (lib/store/record_yaml), the index encoding and decoding (lib/index/serialize), the JSON of a
// record (lib/report/record_json), the per-field merge (lib/store/merge) and the flat columns of
// the CSV export (lib/report/export). Adding a field still takes, by hand:
//   1. the member here and its entry in the struct's `fields()` (key, flags, group);
//   2. schemas/innovation.schema.json (the one schema: the validator and lib/store/record_fast
//      read its enums, patterns and bounds, but record_fast dispatches on keys by hand, so give
//      the key its check there too);
//   3. a new list of items: its identity and order in lib/store/merge.cpp (`ListMerge`), which
//      does not compile without them;
//   4. the SQL tables, if `innov sql` should see it: lib/index/ddl.hpp and lib/index/tables.cpp,
//      then bump the cache version in lib/index;
//   5. a top-level text field: its column and meaning in lib/report/export.cpp (a test fails
//      until it is there);
//   6. `full_record()` in tests/test_model_fields.cpp, which fills every field and fails if one is
//      lost on any path; docs/formats.md and the example portfolio.
#pragma once

#include "lib/model/fields.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace innov::model {

// A like: who liked the record, and when (format 2; format 1 had the person only).
struct Like {
  std::string by;
  std::string at;

  // The field table, in canonical key order.
  static constexpr auto fields()
  {
    return std::tuple{field("by", &Like::by, k_required | k_identity),
                      field("at", &Like::at, k_required | k_plain)};
  }

  bool operator==(const Like&) const = default;
};

struct Comment {
  std::string at;
  std::string author;
  std::string text;

  // The field table, in canonical key order.
  static constexpr auto fields()
  {
    return std::tuple{field("at", &Comment::at, k_required | k_plain),
                      field("author", &Comment::author, k_required),
                      field("text", &Comment::text, k_required | k_text)};
  }

  bool operator==(const Comment&) const = default;
};

// A value figure: an estimate or a projection.
struct ValueAmount {
  std::string metric;
  double amount = 0;
  std::string per; // year | month | once

  // The field table, in canonical key order.
  static constexpr auto fields()
  {
    return std::tuple{field("metric", &ValueAmount::metric, k_required),
                      field("amount", &ValueAmount::amount, k_required),
                      field("per", &ValueAmount::per, k_required | k_plain)};
  }

  bool operator==(const ValueAmount&) const = default;
};

struct Qualification {
  std::string at;
  std::string expert;
  std::string region;
  std::vector<std::pair<std::string, double>> scores; // in rubric order
  std::string decision;                               // go | reject | hold | needs-info
  std::string rationale;
  std::string supersedes; // `--amend`: the `at` of the same expert's opinion this one replaces

  // The field table, in canonical key order.
  static constexpr auto fields()
  {
    return std::tuple{field("at", &Qualification::at, k_required | k_plain),
                      field("expert", &Qualification::expert, k_required),
                      field("region", &Qualification::region, k_required),
                      field("scores", &Qualification::scores, k_required),
                      field("decision", &Qualification::decision, k_required | k_plain),
                      field("rationale", &Qualification::rationale, k_text),
                      field("supersedes", &Qualification::supersedes, k_plain)};
  }

  bool operator==(const Qualification&) const = default;
};

// An expert asked to give an opinion on the record (`innov assign`): which expert, when, by whom,
// and by when. Without `due`, the opinion is due when the qualification SLA of innov.yaml ends
// (lib/model/sla.hpp). Open until the expert records an opinion dated on or after `at`.
struct Assignment {
  std::string expert;
  std::string at;
  std::string by;
  std::string due;

  // The field table, in canonical key order.
  static constexpr auto fields()
  {
    return std::tuple{field("expert", &Assignment::expert, k_required | k_identity),
                      field("at", &Assignment::at, k_required | k_plain | k_identity),
                      field("by", &Assignment::by, k_required),
                      field("due", &Assignment::due, k_plain)};
  }

  bool operator==(const Assignment&) const = default;
};

struct Kpi {
  std::string id;
  std::string name;
  std::string unit;
  std::string direction; // up | down
  double baseline = 0;
  double target = 0;
  std::optional<double> actual; // derived from the POC's measurements (lib/model/format.hpp)
  std::optional<bool> must;

  bool is_must() const { return must.value_or(false); }
  // Whether the actual value reaches the target in the KPI's direction; nullopt without actual.
  std::optional<bool> met() const;

  // The field table, in canonical key order.
  static constexpr auto fields()
  {
    return std::tuple{field("id", &Kpi::id, k_required | k_identity),
                      field("name", &Kpi::name, k_required),
                      field("unit", &Kpi::unit, k_required),
                      field("direction", &Kpi::direction, k_required | k_plain),
                      field("baseline", &Kpi::baseline, k_required),
                      field("target", &Kpi::target, k_required),
                      field("actual", &Kpi::actual, k_derived),
                      field("must", &Kpi::must)};
  }

  bool operator==(const Kpi&) const = default;
};

// A dated measurement of a POC's KPI, for the whole POC or one of its territories.
struct Measurement {
  std::string at;
  std::string kpi;
  double value = 0;
  std::string territory;

  // The field table, in canonical key order.
  static constexpr auto fields()
  {
    return std::tuple{field("at", &Measurement::at, k_required | k_plain),
                      field("kpi", &Measurement::kpi, k_required),
                      field("value", &Measurement::value, k_required),
                      field("territory", &Measurement::territory)};
  }

  bool operator==(const Measurement&) const = default;
};

// A dated amount spent on a POC (EUR).
struct Spend {
  std::string at;
  double amount = 0;
  std::string note;

  // The field table, in canonical key order.
  static constexpr auto fields()
  {
    return std::tuple{field("at", &Spend::at, k_required | k_plain),
                      field("amount", &Spend::amount, k_required), field("note", &Spend::note)};
  }

  bool operator==(const Spend&) const = default;
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
  std::optional<double> budget_spent;   // derived: the sum of `spend` (lib/model/format.hpp)
  std::vector<Kpi> kpis;
  std::vector<Measurement> measurements; // in date order
  std::vector<Spend> spend;              // in date order
  std::string outcome;                   // success | partial | failure
  std::string lessons;

  // The field table, in canonical key order.
  static constexpr auto fields()
  {
    return std::tuple{field("id", &Poc::id, k_required | k_identity),
                      field("format", &Poc::format, k_required | k_plain),
                      field("territory", &Poc::territory, k_required),
                      field("sponsor", &Poc::sponsor),
                      field("start", &Poc::planned_start, k_required | k_plain, "planned"),
                      field("end", &Poc::planned_end, k_required | k_plain, "planned"),
                      field("started", &Poc::started, k_plain),
                      field("ended", &Poc::ended, k_plain),
                      field("planned", &Poc::budget_planned, 0, "budget"),
                      field("spent", &Poc::budget_spent, k_derived, "budget"),
                      field("kpis", &Poc::kpis),
                      field("measurements", &Poc::measurements),
                      field("spend", &Poc::spend),
                      field("outcome", &Poc::outcome, k_plain),
                      field("lessons", &Poc::lessons)};
  }

  bool operator==(const Poc&) const = default;
};

struct RolloutWave {
  std::string region;
  std::string planned;
  std::string done;
  std::string done_by; // the body that recorded it done (generalize rollout --by); absent before

  // The field table, in canonical key order.
  static constexpr auto fields()
  {
    return std::tuple{field("region", &RolloutWave::region, k_required | k_identity),
                      field("planned", &RolloutWave::planned, k_required | k_plain),
                      field("done", &RolloutWave::done, k_plain),
                      field("done_by", &RolloutWave::done_by)};
  }

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

  // The field table, in canonical key order.
  static constexpr auto fields()
  {
    return std::tuple{field("at", &Decision::at, k_required | k_plain | k_identity),
                      field("gate", &Decision::gate, k_required | k_plain | k_identity),
                      field("by", &Decision::by, k_required),
                      field("decision", &Decision::decision, k_required | k_plain),
                      field("scope", &Decision::scope),
                      field("rollout", &Decision::rollout),
                      field("projected", &Decision::projected),
                      field("rationale", &Decision::rationale, k_text),
                      field("override", &Decision::override_reason)};
  }

  bool operator==(const Decision&) const = default;
};

struct Realized {
  std::string period; // 2016, 2016-Q3, 2016-07
  std::string metric;
  double amount = 0;
  std::string region;
  std::string at; // the day it was recorded; absent before it was kept: the period's end dates it
  std::string by; // the body that recorded it (generalize realize --by); absent before it was kept

  // The field table, in canonical key order.
  static constexpr auto fields()
  {
    return std::tuple{field("period", &Realized::period, k_required),
                      field("metric", &Realized::metric, k_required),
                      field("amount", &Realized::amount, k_required),
                      field("region", &Realized::region),
                      field("at", &Realized::at, k_plain),
                      field("by", &Realized::by)};
  }

  bool operator==(const Realized&) const = default;
};

struct HistoryEntry {
  std::string at;
  std::string by;
  std::string from; // empty for the first entry
  std::string to;
  // `import` when `innov import csv` wrote the entry from a platform's export: the platform's
  // decision, recorded as a fact (docs/guide.md, "Migrating from Decidim"); empty otherwise.
  // (Initialised, so that the four-field {at, by, from, to} of existing code stays warning-free.)
  std::string via = {};
  std::string ref = {}; // with via: the platform's reference of the record (its external_ref)

  // The field table, in canonical key order.
  static constexpr auto fields()
  {
    return std::tuple{field("at", &HistoryEntry::at, k_required | k_plain),
                      field("by", &HistoryEntry::by, k_required),
                      field("from", &HistoryEntry::from, k_plain),
                      field("to", &HistoryEntry::to, k_required | k_plain),
                      field("via", &HistoryEntry::via, k_plain),
                      field("ref", &HistoryEntry::ref)};
  }

  bool operator==(const HistoryEntry&) const = default;
};

// A change of the record's content that is not a change of state (`idea edit`, `import csv
// --update`): when, by whom, which top-level keys, and how. Lifecycle transitions stay in history.
struct Edit {
  std::string at;
  std::string by;
  std::vector<std::string> keys; // `fields`: top-level record keys, in canonical key order
  std::string via;               // edit | import

  // The field table, in canonical key order.
  static constexpr auto fields()
  {
    return std::tuple{field("at", &Edit::at, k_required | k_plain),
                      field("by", &Edit::by, k_required), field("fields", &Edit::keys, k_required),
                      field("via", &Edit::via, k_required | k_plain)};
  }

  bool operator==(const Edit&) const = default;
};

// A link from the record to another one (`innov idea link`): the target, the relation, and when
// and by whom it was made. The record holds its outgoing links; one per (to, rel).
struct Link {
  std::string to;
  std::string rel; // solution-of | builds-on | supersedes | split-from | related
  std::string at;
  std::string by;

  // The field table, in canonical key order.
  static constexpr auto fields()
  {
    return std::tuple{field("to", &Link::to, k_required | k_identity),
                      field("rel", &Link::rel, k_required | k_plain | k_identity),
                      field("at", &Link::at, k_required | k_plain),
                      field("by", &Link::by, k_required)};
  }

  bool operator==(const Link&) const = default;
};

struct Innovation {
  std::string id;
  std::string kind; // idea | practice | need
  std::string title;
  std::string summary;
  std::string description;
  std::string author;
  std::vector<std::string> coauthors; // sorted, unique, never the author
  std::string region;
  std::string unit;
  std::string source; // internal | external | citizen | challenge | lab | watch
  std::string challenge;
  std::vector<std::string> themes;
  std::string horizon; // core | adjacent | transformational
  std::string created;
  std::string external_ref;
  std::string status;
  std::vector<Like> likes; // sorted by person, one per person
  std::vector<Comment> comments;
  std::optional<ValueAmount> estimate;
  std::vector<Assignment> assignments; // in date order
  std::vector<Qualification> qualifications;
  std::vector<Poc> pocs;
  std::vector<Decision> decisions;
  std::vector<Realized> realized;
  std::string merged_into;
  std::vector<Link> links;           // outgoing links, sorted by (to, rel)
  std::vector<HistoryEntry> history; // state changes only
  std::vector<Edit> edits;           // content changes, in date order
  // The member portfolio holding the record when a national portfolio reads its members
  // (docs/federation.md), for --by portfolio; empty otherwise. Not a key of the file.
  std::string portfolio;

  // The last POC, or nullptr.
  const Poc* last_poc() const { return pocs.empty() ? nullptr : &pocs.back(); }
  Poc* last_poc() { return pocs.empty() ? nullptr : &pocs.back(); }

  // The field table, in canonical key order.
  static constexpr auto fields()
  {
    return std::tuple{field("id", &Innovation::id, k_required),
                      field("kind", &Innovation::kind, k_required | k_plain),
                      field("title", &Innovation::title, k_required),
                      field("summary", &Innovation::summary, k_text),
                      field("description", &Innovation::description, k_text),
                      field("author", &Innovation::author, k_required),
                      field("coauthors", &Innovation::coauthors),
                      field("region", &Innovation::region, k_required),
                      field("unit", &Innovation::unit),
                      field("source", &Innovation::source, k_required | k_plain),
                      field("challenge", &Innovation::challenge),
                      field("themes", &Innovation::themes),
                      field("horizon", &Innovation::horizon, k_plain),
                      field("created", &Innovation::created, k_required | k_plain),
                      field("external_ref", &Innovation::external_ref),
                      field("status", &Innovation::status, k_required | k_plain),
                      field("likes", &Innovation::likes, k_people | k_set),
                      field("comments", &Innovation::comments, k_people),
                      field("estimate", &Innovation::estimate),
                      field("assignments", &Innovation::assignments),
                      field("qualifications", &Innovation::qualifications),
                      field("pocs", &Innovation::pocs),
                      field("decisions", &Innovation::decisions),
                      field("realized", &Innovation::realized),
                      field("merged_into", &Innovation::merged_into),
                      field("links", &Innovation::links),
                      field("history", &Innovation::history, k_required),
                      field("edits", &Innovation::edits)};
  }

  bool operator==(const Innovation&) const = default;
};

// The year folder of a record: the first four characters of `created`.
std::string year_of(const Innovation& rec);

} // namespace innov::model
