// innov diff: what changed in governance terms between two states of the portfolio (two commits,
// or a commit and the work tree) — the committee's minutes. A pure comparison of two loaded
// portfolios, record by record (by id), over structured fields and history entries, never text.
#pragma once

#include "lib/model/innovation.hpp"
#include "lib/report/report.hpp"

#include <optional>
#include <string>
#include <vector>

namespace innov::report {

// What happened to a record between the two states. The order is the order of the minutes.
enum class EventKind {
  record_added,   // a new idea or practice (the record's id is not in the old state)
  opinion,        // a qualification opinion, or an advisory one (given past qualification)
  state_change,   // a new history entry, other than the first one and merged / withdrawn
  decision,       // a gate decision (poc or generalization), overrides flagged
  poc_planned,    // a POC whose id is new
  poc_started,    // a POC whose `started` was set
  poc_closed,     // a POC whose `ended` was set, with its outcome and KPI results
  wave_done,      // a roll-out wave whose `done` was set
  realized,       // a new realized-value entry
  linked,         // a new link to another record (innov idea link)
  merged,         // a history entry to merged
  withdrawn,      // a history entry to withdrawn
  record_removed, // the record's id is not in the new state (its file was deleted)
};

// The name of an event kind in json and in the totals: "record_added", "poc_closed", ...
std::string event_kind_name(EventKind k);

// A KPI of a closed POC, as the new state holds it.
struct KpiResult {
  std::string id;
  std::string unit;
  std::string direction;
  double baseline = 0;
  double target = 0;
  std::optional<double> actual;
  std::optional<bool> met; // model::Kpi::met()
  bool must = false;
};

struct MinutesEvent {
  EventKind kind = EventKind::record_added;
  std::string id;          // the record
  std::string title;       // the record's title (new state; old state for record_removed)
  std::string region;      // the record's region
  std::string record_kind; // idea | practice
  std::string date;        // the fact's own date, YYYY-MM-DD
  std::string actor;       // author, expert, deciding body, history `by`, sponsor
  // By kind: state_change (from, to); opinion (decision, advisory); decision (gate, decision,
  // override_reason); poc_* (poc, format, outcome, kpis); wave_done (wave_region, planned);
  // realized (period, metric, amount, wave_region = the entry's region); merged (to = the target);
  // linked (to = the target, decision = the relation).
  std::string from;
  std::string to;
  std::string decision;
  bool advisory = false;
  std::string gate;
  std::string override_reason;
  std::string poc;
  std::string format;
  std::string outcome;
  std::vector<KpiResult> kpis;
  std::string wave_region;
  std::string planned;
  std::string period;
  std::string metric;
  double amount = 0;
};

// The events, ordered by kind (the enum's order), then region, record kind, date and id.
struct Minutes {
  std::vector<MinutesEvent> events;
};

// Compares two states of the portfolio's records (each in any order; ids unique within a state).
// A fact counts when the new state holds it and the old one does not: a new opinion, decision or
// realized entry (compared whole), a new history entry, a new POC id or a POC's `started` / `ended`
// newly set, a roll-out wave's `done` newly set. A record new in `after` gives record_added and the
// events of everything it already holds (past its first history entry).
Minutes compare_portfolios(const std::vector<model::Innovation>& before,
                           const std::vector<model::Innovation>& after);

// The two states compared, as the minutes name them.
struct MinutesRange {
  std::string from_rev;    // "comite-2016-12"
  std::string from_commit; // full or short commit id; empty: none
  std::string to_rev;      // "HEAD", or "work tree"
  std::string to_commit;
  std::string portfolio; // the portfolio's name
};

// The minutes as a report: sections `range`, `totals_by_region`, `totals_by_kind`, then one section
// per kind of event (records, opinions, states, decisions, pocs, kpis, waves, realized, closed),
// each row naming region and kind first, rows ordered by region, kind and date. Totals count
// events (`realized`: entries; `overrides`: the decisions among them that overrode the gate rules,
// not added to `total`).
Report minutes_report(const Minutes& m, const MinutesRange& range);

} // namespace innov::report
