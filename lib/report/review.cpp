// innov report review: the committee's pack, what to decide next and why.
#include "lib/model/as_of.hpp"
#include "lib/model/gates.hpp"
#include "lib/model/score.hpp"
#include "lib/model/sla.hpp"
#include "lib/report/poc_list.hpp"
#include "lib/report/reports.hpp"
#include "lib/util/text.hpp"

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

// With --region: the direction's own to-do, after the committee's list. Records deposited in the
// scope waiting for an opinion, the POCs that run there, the roll-out waves to it, and the records
// deposited there past their SLA.
void add_direction_sections(Report& rep, const ReportInput& in)
{
  const auto& cfg = in.config;
  Section op{"awaiting_opinion", "Awaiting an expert opinion", {}, ChartKind::none, "", ""};
  op.table.columns = {{"id"},  {"status"},         {"created"}, {"waiting_days", true},
                      {"sla"}, {"opinions", true}, {"title"}};
  std::vector<const model::Innovation*> waiting;
  for (const auto& r : in.records) {
    if (r.status == "submitted" || r.status == "needs-info") {
      waiting.push_back(&r);
    }
  }
  std::sort(waiting.begin(), waiting.end(), [](const auto* a, const auto* b) {
    return a->created != b->created ? a->created < b->created : a->id < b->id;
  });
  for (const auto* r : waiting) {
    auto created = util::parse_date(r->created.substr(0, 10));
    long days = created ? std::max(0L, util::days_between(*created, in.today)) : 0;
    op.table.add_row({Cell::str(r->id), Cell::str(r->status), Cell::str(r->created.substr(0, 10)),
                      Cell::num(static_cast<double>(days)),
                      Cell::str(breaches_sla(*r, cfg, in.today) ? "BREACH" : "ok"),
                      Cell::num(static_cast<double>(r->qualifications.size())),
                      Cell::str(r->title)});
  }
  op.note = fmt::format("submitted or needs-info, deposited in the region, oldest first; SLA: {} "
                        "days from the deposit (sla.qualification_days)",
                        cfg.sla_qualification_days);
  rep.sections.push_back(std::move(op));

  std::vector<model::Innovation> located;
  for (const auto* list : {&in.records, &in.visiting}) {
    located.insert(located.end(), list->begin(), list->end());
  }
  Section pocs{
      "pocs", "POCs in the region", poc_list(located, in.today, in.scope), ChartKind::none, "", ""};
  pocs.note = "planned and running POCs with a unit of their territory in the region, whatever the "
              "record's region; by planned end";
  rep.sections.push_back(std::move(pocs));

  Section waves{"rollout", "Roll-out waves to the region", {}, ChartKind::none, "", ""};
  waves.table.columns = {{"id"},    {"region"},          {"planned"}, {"done"},
                         {"state"}, {"days_late", true}, {"title"}};
  std::vector<std::pair<std::string, std::vector<Cell>>> rows;
  for (const auto& r : located) {
    for (const auto& d : r.decisions) {
      if (d.gate != "generalization" || d.decision != "go") {
        continue;
      }
      for (const auto& w : d.rollout) {
        if (!in.scope.wave_in(w)) {
          continue;
        }
        auto planned = util::parse_date(w.planned);
        long late = planned && w.done.empty() ? util::days_between(*planned, in.today) : 0;
        std::string state = !w.done.empty() ? "done" : late > 0 ? "late" : "planned";
        rows.push_back(
            {w.planned + r.id,
             {Cell::str(r.id), Cell::str(w.region), Cell::str(w.planned), Cell::str(w.done),
              Cell::str(state), late > 0 ? Cell::num(static_cast<double>(late)) : Cell::none(),
              Cell::str(r.title)}});
      }
    }
  }
  std::sort(rows.begin(), rows.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& row : rows) {
    waves.table.add_row(std::move(row.second));
  }
  waves.note = "waves of go decisions deploying to the region, by planned date; late: planned "
               "before the report's day and not done";
  rep.sections.push_back(std::move(waves));

  Section sla{"sla_breaches", "SLA breaches", {}, ChartKind::none, "", ""};
  sla.table.columns = {{"id"}, {"status"}, {"since"}, {"sla_days", true}, {"title"}};
  for (const auto& r : in.records) {
    long limit = 0;
    if (breaches_sla(r, cfg, in.today, &limit)) {
      sla.table.add_row({Cell::str(r.id), Cell::str(r.status), Cell::str(model::status_since(r)),
                         limit ? Cell::num(static_cast<double>(limit)) : Cell::none(),
                         Cell::str(r.title)});
    }
  }
  sla.note = "records deposited in the region past their SLA (report pipeline); a POC past its "
             "planned end has no days";
  rep.sections.push_back(std::move(sla));
}

// "weighted", with ", amends DATE" and ", advisory" when they apply.
std::string opinion_label(const std::string& what, const model::Qualification& q, bool advisory)
{
  std::string out = what;
  if (!q.supersedes.empty()) {
    out += ", amends " + q.supersedes.substr(0, 10);
  }
  if (advisory) {
    out += ", advisory";
  }
  return out;
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
    auto opinions = model::opinion_statuses(*r);
    for (const auto* q : model::latest_qualifications(*r)) {
      for (const auto& [crit, score] : q->scores) {
        d.table.add_row({Cell::str("score " + q->expert), Cell::str(criterion_label(cfg, crit)),
                         Cell::str(fmt::format("{}", score)),
                         Cell::str(fmt::format("{}..{}", cfg.scale_min, cfg.scale_max)),
                         Cell::str(q->decision)});
      }
      bool advisory = opinions[static_cast<std::size_t>(q - r->qualifications.data())].advisory;
      d.table.add_row({Cell::str("score " + q->expert),
                       Cell::str(opinion_label("weighted", *q, advisory)),
                       Cell::str(fmt::format("{:.2f}", model::weighted_score(*q, cfg))),
                       Cell::str(fmt::format(">= {}", cfg.min_score)), Cell::str(q->decision)});
    }
    // Superseded opinions stay in the pack, marked, after those in force.
    for (const auto& o : opinions) {
      if (!o.superseded_on.empty()) {
        d.table.add_row(
            {Cell::str("superseded " + o.opinion->expert),
             Cell::str("weighted, given " + o.opinion->at.substr(0, 10) + ", superseded " +
                       o.superseded_on.substr(0, 10) + (o.advisory ? ", advisory" : "")),
             Cell::str(fmt::format("{:.2f}", model::weighted_score(*o.opinion, cfg))),
             Cell::str(fmt::format(">= {}", cfg.min_score)), Cell::str(o.opinion->decision)});
      }
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
  if (!in.scope.all()) {
    add_direction_sections(rep, in);
  }
  return rep;
}

} // namespace innov::report
