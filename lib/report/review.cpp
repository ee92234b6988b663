// innov report review: the committee's pack, what to decide next and why.
#include "lib/model/as_of.hpp"
#include "lib/model/gates.hpp"
#include "lib/model/score.hpp"
#include "lib/model/sla.hpp"
#include "lib/report/reports.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <fmt/format.h>
#include <map>

namespace innov::report {

namespace {

// The name of a rubric criterion in innov.yaml, else its id.
std::string criterion_label(const model::Config& cfg, const std::string& id)
{
  for (const auto& c : cfg.criteria) {
    if (c.id == id && !c.name.empty()) {
      return c.name;
    }
  }
  return id;
}

} // namespace

Report review_report(const ReportInput& in)
{
  Report rep{"review",
             "Governance review pack",
             report_subtitle(in) + ", on " + util::format_date(in.today),
             {},
             {},
             100};
  const auto& cfg = in.config;
  std::vector<const model::Innovation*> awaiting;
  for (const auto& r : in.records) {
    if (r.status == "poc-done" ||
        (r.status == "qualified" && model::sla_breached(model::decision_due(r, cfg), in.today))) {
      awaiting.push_back(&r);
    }
  }
  std::sort(awaiting.begin(), awaiting.end(), [](const auto* a, const auto* b) {
    auto sa = model::status_since(*a);
    auto sb = model::status_since(*b);
    return sa != sb ? sa < sb : a->id < b->id;
  });
  Section list{"awaiting", "Awaiting a decision", {}, ChartKind::none, "", ""};
  list.table.columns = {{"id"},          {"status"}, {"since"}, {"waiting_days", true},
                        {"score", true}, {"gate"},   {"title"}};
  std::vector<Section> details;
  for (const auto* r : awaiting) {
    auto since = model::status_since(*r);
    long waited = waiting_days(*r, in.today);
    auto rules = model::generalization_rules(*r, cfg);
    list.table.add_row({Cell::str(r->id), Cell::str(r->status), Cell::str(since),
                        Cell::num(static_cast<double>(waited)), score_cell(*r, cfg),
                        Cell::str(model::all_passed(rules) ? "pass" : "fail"),
                        Cell::str(r->title)});

    Section d{"evidence_" + r->id, r->id + " — " + r->title, {}, ChartKind::none, "", ""};
    d.table.columns = {{"evidence"}, {"item"}, {"value"}, {"target"}, {"result"}};
    for (const auto* q : model::latest_qualifications(*r)) {
      for (const auto& [crit, score] : q->scores) {
        d.table.add_row({Cell::str("score " + q->expert), Cell::str(criterion_label(cfg, crit)),
                         Cell::str(fmt::format("{}", score)),
                         Cell::str(fmt::format("{}..{}", cfg.scale_min, cfg.scale_max)),
                         Cell::str(q->decision)});
      }
      d.table.add_row({Cell::str("score " + q->expert), Cell::str("weighted"),
                       Cell::str(fmt::format("{:.2f}", model::weighted_score(*q, cfg))),
                       Cell::str(fmt::format(">= {}", cfg.min_score)), Cell::str(q->decision)});
    }
    if (r->estimate) {
      const auto* m = cfg.metric(r->estimate->metric);
      d.table.add_row({Cell::str("estimate"), Cell::str(metric_label(cfg, r->estimate->metric)),
                       Cell::str(fmt::format("{} {} per {}", r->estimate->amount,
                                             m ? m->unit : std::string(), r->estimate->per)),
                       Cell::str(""), Cell::str("")});
    }
    if (const auto* p = r->last_poc()) {
      for (const auto& k : p->kpis) {
        auto met = k.met();
        d.table.add_row(
            {Cell::str("kpi " + p->id), Cell::str(k.name + (k.is_must() ? " (must)" : "")),
             Cell::str(k.actual ? fmt::format("{} {}", *k.actual, k.unit) : "not measured"),
             Cell::str(
                 fmt::format("{} {} ({})", k.direction == "up" ? ">=" : "<=", k.target, k.unit)),
             Cell::str(!met   ? "-"
                       : *met ? "met"
                              : "not met")});
      }
    }
    for (const auto& rule : rules) {
      d.table.add_row({Cell::str("gate"), Cell::str(rule.description), Cell::str(rule.evidence),
                       Cell::str(""), Cell::str(rule.passed ? "pass" : "FAIL")});
    }
    details.push_back(std::move(d));
  }
  list.note = fmt::format("POC done, or qualified for more than {} days (sla.decision_days); gate: "
                          "innov generalize check",
                          cfg.sla_decision_days);
  rep.sections.push_back(std::move(list));
  for (auto& d : details) {
    rep.sections.push_back(std::move(d));
  }
  return rep;
}

} // namespace innov::report
