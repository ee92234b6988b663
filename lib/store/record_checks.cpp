#include "lib/store/record_checks.hpp"

#include "lib/model/lifecycle.hpp"
#include "lib/model/opinions.hpp"
#include "lib/util/date.hpp"
#include "lib/util/fold.hpp"
#include "lib/util/text.hpp"

#include <algorithm>
#include <filesystem>
#include <fmt/format.h>
#include <map>
#include <set>
#include <tuple>

namespace innov::store {

namespace {

// Collects diagnostics for one file, positioned on nodes.
class Reporter {
public:
  Reporter(const std::string& path, const std::string& record, util::Diagnostics& out)
      : m_path(path), m_record(record), m_out(out)
  {
  }

  void error(const YAML::Node& at, const std::string& pointer, const char* code,
             std::string message, std::string hint = {})
  {
    add(at, pointer, code, util::Severity::error, std::move(message), std::move(hint));
  }

  void warning(const YAML::Node& at, const std::string& pointer, const char* code,
               std::string message, std::string hint = {})
  {
    add(at, pointer, code, util::Severity::warning, std::move(message), std::move(hint));
  }

private:
  void add(const YAML::Node& at, const std::string& pointer, const char* code,
           util::Severity severity, std::string message, std::string hint)
  {
    util::Diagnostic d;
    d.path = m_path;
    if (at.IsDefined()) {
      d.line = at.Mark().line + 1;
      d.col = at.Mark().column + 1;
    }
    d.code = code;
    d.severity = severity;
    d.message = std::move(message);
    d.hint = std::move(hint);
    d.record = m_record;
    d.pointer = pointer;
    m_out.push_back(std::move(d));
  }

  std::string m_path;
  std::string m_record;
  util::Diagnostics& m_out;
};

YAML::Node absent()
{
  return YAML::Node(YAML::NodeType::Undefined);
}

YAML::Node child(const YAML::Node& node, const char* key)
{
  if (!node.IsDefined() || !node.IsMap()) {
    return absent();
  }
  const YAML::Node& n = node;
  YAML::Node v = n[key];
  return v.IsDefined() ? v : absent();
}

// The key node of `key` in a mapping (for positions of unknown keys).
YAML::Node key_of(const YAML::Node& node, const std::string& key)
{
  if (node.IsDefined() && node.IsMap()) {
    for (const auto& kv : node) {
      if (kv.first.Scalar() == key) {
        return kv.first;
      }
    }
  }
  return absent();
}

YAML::Node item(const YAML::Node& node, const char* key, std::size_t i)
{
  YAML::Node seq = child(node, key);
  return seq.IsDefined() && seq.IsSequence() && i < seq.size() ? seq[i] : absent();
}

// The node itself, or its parent when it is absent (to have a position).
const YAML::Node& or_parent(const YAML::Node& node, const YAML::Node& parent)
{
  return node.IsDefined() ? node : parent;
}

std::string quoted_list(const std::vector<std::string>& items)
{
  return util::join(items, ", ");
}

void check_region(Reporter& r, const model::Config& cfg, const std::string& code,
                  const YAML::Node& at, const std::string& pointer, bool allow_national = false)
{
  if (code.empty() || cfg.has_region(code) || (allow_national && code == "national")) {
    return;
  }
  r.error(at, pointer, "E012",
          "unknown region '" + code + "'" + util::did_you_mean(code, cfg.region_codes()),
          "known: " + quoted_list(cfg.region_codes()));
}

// A unit (the record's or a POC territory) must be declared under a region once innov.yaml declares
// units; a portfolio that declares none names units freely.
void check_unit(Reporter& r, const model::Config& cfg, const std::string& unit,
                const YAML::Node& at, const std::string& pointer)
{
  if (unit.empty() || !cfg.declares_units() || !cfg.unit_region(unit).empty()) {
    return;
  }
  r.error(at, pointer, "E060",
          "unit '" + unit + "' is not declared under any region" +
              util::did_you_mean(unit, cfg.unit_codes()),
          "declare it in innov.yaml under its region (regions: - {code: ..., units: [" + unit +
              "]}), or name a declared unit");
}

void check_metric(Reporter& r, const model::Config& cfg, const std::string& metric,
                  const YAML::Node& at, const std::string& pointer)
{
  if (metric.empty() || cfg.metric(metric)) {
    return;
  }
  r.error(at, pointer, "E025",
          "unknown value metric '" + metric + "'" + util::did_you_mean(metric, cfg.metric_ids()),
          "known: " + quoted_list(cfg.metric_ids()));
}

std::optional<util::Date> at_date(const std::string& at)
{
  return util::date_of(at);
}

void check_order(Reporter& r, const std::string& first, const std::string& second,
                 const YAML::Node& at, const std::string& pointer, const std::string& what)
{
  auto a = at_date(first);
  auto b = at_date(second);
  if (a && b && *b < *a) {
    r.error(at, pointer, "E031", fmt::format("{} ({}) is before {}", what, second, first));
  }
}

void check_references(Reporter& r, const YAML::Node& node, const model::Innovation& rec,
                      const CheckContext& ctx)
{
  const model::Config& cfg = *ctx.config;
  check_region(r, cfg, rec.region, child(node, "region"), "/region");
  check_unit(r, cfg, rec.unit, child(node, "unit"), "/unit");
  for (std::size_t p = 0; p < rec.pocs.size(); ++p) {
    YAML::Node pn = item(node, "pocs", p);
    for (std::size_t t = 0; t < rec.pocs[p].territory.size(); ++t) {
      check_unit(r, cfg, rec.pocs[p].territory[t], item(pn, "territory", t),
                 fmt::format("/pocs/{}/territory/{}", p, t));
    }
  }
  for (std::size_t i = 0; i < rec.themes.size(); ++i) {
    if (!cfg.has_theme(rec.themes[i])) {
      r.error(item(node, "themes", i), fmt::format("/themes/{}", i), "E022",
              "unknown theme '" + rec.themes[i] + "'" +
                  util::did_you_mean(rec.themes[i], cfg.theme_codes()),
              "known: " + quoted_list(cfg.theme_codes()));
    }
  }
  if (!rec.challenge.empty() && !ctx.challenge_ids.count(rec.challenge)) {
    std::vector<std::string> known(ctx.challenge_ids.begin(), ctx.challenge_ids.end());
    r.error(child(node, "challenge"), "/challenge", "E023",
            "unknown challenge '" + rec.challenge + "'" + util::did_you_mean(rec.challenge, known),
            known.empty() ? "there is no challenge in challenges/"
                          : "known: " + quoted_list(known));
  }
  if (rec.estimate) {
    check_metric(r, cfg, rec.estimate->metric, child(child(node, "estimate"), "metric"),
                 "/estimate/metric");
  }
  for (std::size_t i = 0; i < rec.decisions.size(); ++i) {
    const auto& d = rec.decisions[i];
    YAML::Node dn = item(node, "decisions", i);
    for (std::size_t s = 0; s < d.scope.size(); ++s) {
      check_region(r, cfg, d.scope[s], item(dn, "scope", s),
                   fmt::format("/decisions/{}/scope/{}", i, s), true);
    }
    for (std::size_t w = 0; w < d.rollout.size(); ++w) {
      YAML::Node wn = item(dn, "rollout", w);
      check_region(r, cfg, d.rollout[w].region, child(wn, "region"),
                   fmt::format("/decisions/{}/rollout/{}/region", i, w));
      check_order(r, d.at, d.rollout[w].done, child(wn, "done"),
                  fmt::format("/decisions/{}/rollout/{}/done", i, w), "roll-out done date");
    }
    if (d.projected) {
      check_metric(r, cfg, d.projected->metric, child(child(dn, "projected"), "metric"),
                   fmt::format("/decisions/{}/projected/metric", i));
    }
  }
  for (std::size_t i = 0; i < rec.realized.size(); ++i) {
    YAML::Node vn = item(node, "realized", i);
    check_metric(r, cfg, rec.realized[i].metric, child(vn, "metric"),
                 fmt::format("/realized/{}/metric", i));
    check_region(r, cfg, rec.realized[i].region, child(vn, "region"),
                 fmt::format("/realized/{}/region", i));
  }
}

void check_qualifications(Reporter& r, const YAML::Node& node, const model::Innovation& rec,
                          const model::Config& cfg)
{
  for (std::size_t i = 0; i < rec.qualifications.size(); ++i) {
    const auto& q = rec.qualifications[i];
    YAML::Node qn = item(node, "qualifications", i);
    std::string base = fmt::format("/qualifications/{}", i);
    check_region(r, cfg, q.region, child(qn, "region"), base + "/region");
    YAML::Node sn = child(qn, "scores");
    std::set<std::string> seen;
    for (const auto& [crit, score] : q.scores) {
      seen.insert(crit);
      YAML::Node vn = child(sn, crit.c_str());
      YAML::Node kn = key_of(sn, crit);
      std::string ptr = base + "/scores/" + crit;
      bool known = false;
      for (const auto& c : cfg.criteria) {
        known = known || c.id == crit;
      }
      if (!known) {
        r.error(or_parent(kn, sn), ptr, "E026",
                "unknown rubric criterion '" + crit + "'" +
                    util::did_you_mean(crit, cfg.criterion_ids()),
                "the rubric of innov.yaml has: " + quoted_list(cfg.criterion_ids()));
      } else if (score < cfg.scale_min || score > cfg.scale_max) {
        r.error(or_parent(vn, sn), ptr, "E035",
                fmt::format("score {} for '{}' is outside the rubric scale {}..{}", score, crit,
                            cfg.scale_min, cfg.scale_max));
      }
    }
    for (const auto& c : cfg.criteria) {
      if (!seen.count(c.id)) {
        r.error(or_parent(sn, qn), base + "/scores", "E026",
                "missing score for rubric criterion '" + c.id + "'");
      }
    }
    if (auto problem = model::supersedes_problem(rec, i); !problem.empty()) {
      r.error(or_parent(child(qn, "supersedes"), qn), base + "/supersedes", "E062", problem,
              "give the date (at) of the expert's earlier opinion");
    }
  }
}

// E053, E054: a measurement names one of its POC's KPIs and, when it has one, one of its
// territories (what `poc measure` enforces, checked again on files edited by hand).
void check_measurements(Reporter& r, const YAML::Node& pn, const model::Poc& p,
                        const std::string& base)
{
  std::vector<std::string> kpis;
  for (const auto& k : p.kpis) {
    kpis.push_back(k.id);
  }
  for (std::size_t m = 0; m < p.measurements.size(); ++m) {
    const auto& meas = p.measurements[m];
    YAML::Node mn = item(pn, "measurements", m);
    std::string at = fmt::format("{}/measurements/{}", base, m);
    if (std::find(kpis.begin(), kpis.end(), meas.kpi) == kpis.end()) {
      r.error(or_parent(child(mn, "kpi"), mn), at + "/kpi", "E053",
              "measurement of KPI '" + meas.kpi + "', which POC '" + p.id + "' does not define" +
                  util::did_you_mean(meas.kpi, kpis),
              kpis.empty() ? "declare the KPI under the POC's kpis"
                           : "its KPIs: " + util::join(kpis, ", "));
    }
    if (!meas.territory.empty() &&
        std::find(p.territory.begin(), p.territory.end(), meas.territory) == p.territory.end()) {
      r.error(or_parent(child(mn, "territory"), mn), at + "/territory", "E054",
              "measurement in '" + meas.territory + "', where POC '" + p.id + "' does not run" +
                  util::did_you_mean(meas.territory, p.territory),
              "its territories: " + util::join(p.territory, ", ") +
                  " (leave territory out for the whole POC)");
    }
  }
}

void check_pocs(Reporter& r, const YAML::Node& node, const model::Innovation& rec)
{
  std::set<std::string> poc_ids;
  for (std::size_t i = 0; i < rec.pocs.size(); ++i) {
    const auto& p = rec.pocs[i];
    YAML::Node pn = item(node, "pocs", i);
    std::string base = fmt::format("/pocs/{}", i);
    if (!poc_ids.insert(p.id).second) {
      r.error(child(pn, "id"), base + "/id", "E027", "duplicate POC id '" + p.id + "'");
    }
    check_order(r, p.planned_start, p.planned_end, child(child(pn, "planned"), "end"),
                base + "/planned/end", "planned end");
    check_order(r, p.started, p.ended, child(pn, "ended"), base + "/ended", "end date");
    if (!p.ended.empty() && p.started.empty()) {
      r.error(child(pn, "ended"), base + "/ended", "E031",
              "POC '" + p.id + "' ended but never started");
    }
    std::set<std::string> kpi_ids;
    for (std::size_t k = 0; k < p.kpis.size(); ++k) {
      if (!kpi_ids.insert(p.kpis[k].id).second) {
        YAML::Node kn = item(pn, "kpis", k);
        r.error(child(kn, "id"), fmt::format("{}/kpis/{}/id", base, k), "E028",
                "duplicate KPI id '" + p.kpis[k].id + "' in POC '" + p.id + "'");
      }
    }
    check_measurements(r, pn, p, base);
  }
}

// E050: a POC's planned and actual durations within the bounds of its format (poc_formats).
void check_poc_durations(Reporter& r, const YAML::Node& node, const model::Innovation& rec,
                         const model::Config& cfg)
{
  for (std::size_t i = 0; i < rec.pocs.size(); ++i) {
    const auto& p = rec.pocs[i];
    YAML::Node pn = item(node, "pocs", i);
    std::string base = fmt::format("/pocs/{}", i);
    std::string hint =
        "change the dates, or the bounds of '" + p.format + "' under poc_formats in innov.yaml";
    std::string planned =
        model::poc_duration_problem(cfg, p.format, p.planned_start, p.planned_end);
    if (!planned.empty()) {
      r.error(child(child(pn, "planned"), "end"), base + "/planned/end", "E050",
              "POC '" + p.id + "' planned " + p.planned_start + " to " + p.planned_end + ": " +
                  planned,
              hint);
    }
    std::string ran = model::poc_duration_problem(cfg, p.format, p.started, p.ended);
    if (!ran.empty()) {
      r.error(child(pn, "ended"), base + "/ended", "E050",
              "POC '" + p.id + "' ran " + p.started + " to " + p.ended + ": " + ran, hint);
    }
  }
}

// E049: realized value is unique per (period, metric, region); the second entry is flagged.
void check_realized(Reporter& r, const YAML::Node& node, const model::Innovation& rec)
{
  std::set<std::tuple<std::string, std::string, std::string>> seen;
  for (std::size_t i = 0; i < rec.realized.size(); ++i) {
    const auto& v = rec.realized[i];
    if (!seen.emplace(v.period, v.metric, v.region).second) {
      r.error(item(node, "realized", i), fmt::format("/realized/{}", i), "E049",
              fmt::format("realized value for period {}, metric {}, region {} is on record twice",
                          v.period, v.metric, v.region.empty() ? "(none)" : v.region),
              "keep one entry per period, metric and region (add the amounts up, or fix the "
              "period); 'innov generalize realize --replace' replaces one");
    }
  }
}

void check_history(Reporter& r, const YAML::Node& node, const model::Innovation& rec)
{
  std::optional<util::Date> prev;
  std::string prev_at;
  for (std::size_t i = 0; i < rec.history.size(); ++i) {
    const auto& h = rec.history[i];
    YAML::Node hn = item(node, "history", i);
    std::string base = fmt::format("/history/{}", i);
    auto d = at_date(h.at);
    if (d && prev && *d < *prev) {
      r.error(child(hn, "at"), base + "/at", "E030",
              fmt::format("history is not chronological: {} is before the previous entry, {}", h.at,
                          prev_at));
    }
    if (d) {
      prev = d;
      prev_at = h.at;
    }
    if (i == 0) {
      if (!h.from.empty() || h.to != "submitted") {
        r.error(hn, base, "E036",
                "the first history entry must be '{to: submitted}' without 'from'");
      }
      continue;
    }
    const auto& before = rec.history[i - 1];
    if (h.from != before.to) {
      r.error(or_parent(child(hn, "from"), hn), base + "/from", "E036",
              fmt::format("history entry goes from '{}' but the previous entry ended in '{}'",
                          h.from, before.to));
      continue;
    }
    auto from = model::parse_state(h.from);
    auto to = model::parse_state(h.to);
    if (from && to && !model::transition_allowed(*from, *to, rec.kind)) {
      auto allowed = model::allowed_commands(*from, rec.kind);
      r.error(hn, base, "E036",
              fmt::format("the lifecycle does not allow '{}' -> '{}' for a{} {}", h.from, h.to,
                          rec.kind == "idea" ? "n" : "", rec.kind),
              allowed.empty() ? h.from + " is a terminal state"
                              : "allowed from " + h.from + ": " + util::join(allowed, ", "));
    }
  }
  if (!rec.history.empty() && rec.history.back().to != rec.status) {
    r.error(child(node, "status"), "/status", "E032",
            fmt::format("status is '{}' but the last history entry moves to '{}'", rec.status,
                        rec.history.back().to),
            "a status change is recorded by appending to history (the innov commands do it)");
  }
}

bool has_decision(const model::Innovation& rec, const char* gate, const char* decision)
{
  for (const auto& d : rec.decisions) {
    if (d.gate == gate && d.decision == decision) {
      return true;
    }
  }
  return false;
}

void check_status(Reporter& r, const YAML::Node& node, const model::Innovation& rec)
{
  auto state = model::parse_state(rec.status);
  if (!state) {
    return; // the schema reported it
  }
  YAML::Node at = child(node, "status");
  const model::Poc* poc = rec.last_poc();
  auto need = [&](bool ok, const std::string& what) {
    if (!ok) {
      r.error(at, "/status", "E033", "status '" + rec.status + "' needs " + what);
    }
  };
  switch (*state) {
  case model::State::poc_planned:
    need(poc && poc->started.empty(), "a planned POC that has not started");
    break;
  case model::State::poc_running:
    need(poc && !poc->started.empty() && poc->ended.empty(), "a started POC that has not ended");
    break;
  case model::State::poc_done:
    need(poc && !poc->ended.empty() && !poc->outcome.empty(), "an ended POC with an outcome");
    break;
  case model::State::generalized:
    need(has_decision(rec, "generalization", "go"), "a go decision at the generalization gate");
    break;
  case model::State::killed:
    need(has_decision(rec, "generalization", "kill") || has_decision(rec, "poc", "kill"),
         "a kill decision");
    break;
  case model::State::merged:
    need(!rec.merged_into.empty(), "'merged_into', the record it was merged into");
    break;
  default:
    break;
  }
  if (*state != model::State::merged && !rec.merged_into.empty()) {
    r.error(child(node, "merged_into"), "/merged_into", "E033",
            "'merged_into' is set but status is '" + rec.status + "', not 'merged'");
  }
  if (rec.merged_into == rec.id && !rec.id.empty()) {
    r.error(child(node, "merged_into"), "/merged_into", "E024",
            "a record cannot be merged into itself");
  }
}

void check_likes(Reporter& r, const YAML::Node& node, const model::Innovation& rec)
{
  for (std::size_t i = 1; i < rec.likes.size(); ++i) {
    if (!(rec.likes[i - 1].by < rec.likes[i].by)) {
      bool dup = rec.likes[i - 1].by == rec.likes[i].by;
      r.error(item(node, "likes", i), fmt::format("/likes/{}", i), "E034",
              dup ? "'" + rec.likes[i].by + "' likes the record twice"
                  : "likes are not sorted: '" + rec.likes[i].by + "' comes after '" +
                        rec.likes[i - 1].by + "'",
              "likes are kept sorted and unique; 'innov idea like' maintains them");
      return;
    }
  }
}

// Links: sorted by (to, rel) and unique (E086), never to the record itself (E084). Whether their
// targets exist is a cross-record check (lib/store/portfolio).
void check_links(Reporter& r, const YAML::Node& node, const model::Innovation& rec)
{
  for (std::size_t i = 0; i < rec.links.size(); ++i) {
    const auto& l = rec.links[i];
    if (l.to == rec.id && !rec.id.empty()) {
      r.error(child(item(node, "links", i), "to"), fmt::format("/links/{}/to", i), "E084",
              "a record cannot be linked to itself", "link to another record, or remove the link");
    }
    if (i == 0) {
      continue;
    }
    const auto& p = rec.links[i - 1];
    if (std::tie(p.to, p.rel) < std::tie(l.to, l.rel)) {
      continue;
    }
    bool dup = p.to == l.to && p.rel == l.rel;
    r.error(item(node, "links", i), fmt::format("/links/{}", i), "E086",
            dup ? "the link " + l.rel + " to '" + l.to + "' is there twice"
                : "links are not sorted: " + l.rel + " to '" + l.to + "' comes after " + p.rel +
                      " to '" + p.to + "'",
            "links are kept sorted by (to, rel) and unique; 'innov idea link' maintains them");
    return;
  }
}

// Co-authors: sorted, each once, never the author (E105).
void check_coauthors(Reporter& r, const YAML::Node& node, const model::Innovation& rec)
{
  for (std::size_t i = 0; i < rec.coauthors.size(); ++i) {
    const std::string& p = rec.coauthors[i];
    std::string problem;
    if (p == rec.author) {
      problem = "'" + p + "' is the author and a co-author";
    } else if (i > 0 && rec.coauthors[i - 1] >= p) {
      problem = rec.coauthors[i - 1] == p ? "co-author '" + p + "' is there twice"
                                          : "co-authors are not sorted: '" + p + "' comes after '" +
                                                rec.coauthors[i - 1] + "'";
    }
    if (!problem.empty()) {
      r.error(item(node, "coauthors", i), fmt::format("/coauthors/{}", i), "E105", problem,
              "co-authors are kept sorted, each once, without the author; 'innov idea edit "
              "--add coauthor=P' maintains them");
      return;
    }
  }
}

} // namespace

void check_record(const YAML::Node& node, const model::Innovation& rec, const std::string& rel_path,
                  const CheckContext& ctx, util::Diagnostics& out)
{
  Reporter r(rel_path, rec.id, out);
  namespace fs = std::filesystem;
  fs::path p(rel_path);
  if (p.stem().string() != rec.id) {
    r.error(child(node, "id"), "/id", "E020",
            "id '" + rec.id + "' does not match the file name '" + p.filename().string() + "'",
            "the file of record '" + rec.id + "' is innovations/" + model::year_of(rec) + "/" +
                rec.id + ".yaml");
  } else if (p.parent_path().filename().string() != model::year_of(rec)) {
    r.warning(child(node, "created"), "/created", "W002",
              "record created in " + model::year_of(rec) + " is filed under '" +
                  p.parent_path().string() + "'",
              "move it to innovations/" + model::year_of(rec) + "/");
  }
  check_references(r, node, rec, ctx);
  check_qualifications(r, node, rec, *ctx.config);
  check_pocs(r, node, rec);
  check_poc_durations(r, node, rec, *ctx.config);
  check_realized(r, node, rec);
  check_history(r, node, rec);
  check_status(r, node, rec);
  check_likes(r, node, rec);
  check_links(r, node, rec);
  check_coauthors(r, node, rec);
  for (std::size_t i = 0; i < rec.comments.size(); ++i) {
    check_order(r, rec.created, rec.comments[i].at, child(item(node, "comments", i), "at"),
                fmt::format("/comments/{}/at", i), "comment date");
  }
  for (std::size_t i = 0; i < rec.edits.size(); ++i) {
    check_order(r, rec.created, rec.edits[i].at, child(item(node, "edits", i), "at"),
                fmt::format("/edits/{}/at", i), "edit date");
  }
  for (std::size_t i = 0; i < rec.links.size(); ++i) {
    check_order(r, rec.created, rec.links[i].at, child(item(node, "links", i), "at"),
                fmt::format("/links/{}/at", i), "link date");
  }
  for (std::size_t i = 0; i < rec.assignments.size(); ++i) {
    const auto& a = rec.assignments[i];
    auto n = item(node, "assignments", i);
    check_order(r, rec.created, a.at, child(n, "at"), fmt::format("/assignments/{}/at", i),
                "assignment date");
    check_order(r, a.at.substr(0, 10), a.due, child(n, "due"),
                fmt::format("/assignments/{}/due", i), "due date");
  }
}

void check_config(const YAML::Node& node, const model::Config& cfg, const std::string& rel_path,
                  util::Diagnostics& out)
{
  Reporter r(rel_path, "", out);
  auto unique = [&](const char* key, const char* field, const std::vector<std::string>& ids,
                    const char* code) {
    std::set<std::string> seen;
    for (std::size_t i = 0; i < ids.size(); ++i) {
      if (!seen.insert(ids[i]).second) {
        r.error(child(item(node, key, i), field), fmt::format("/{}/{}/{}", key, i, field), code,
                fmt::format("duplicate {} '{}'", key, ids[i]));
      }
    }
  };
  unique("regions", "code", cfg.region_codes(), "E040");
  unique("themes", "code", cfg.theme_codes(), "E041");
  std::map<std::string, std::string> unit_home; // unit -> the first region declaring it
  for (std::size_t i = 0; i < cfg.regions.size(); ++i) {
    const auto& reg = cfg.regions[i];
    YAML::Node rn = item(node, "regions", i);
    for (std::size_t u = 0; u < reg.units.size(); ++u) {
      auto [it, fresh] = unit_home.emplace(reg.units[u].code, reg.code);
      if (!fresh && it->second != reg.code) {
        YAML::Node at = item(rn, "units", u);
        r.error(at.IsMap() ? child(at, "code") : at, fmt::format("/regions/{}/units/{}", i, u),
                "E061",
                fmt::format("unit '{}' is declared in region '{}' and in region '{}'",
                            reg.units[u].code, it->second, reg.code),
                "a unit belongs to one region: remove it from one of them");
      }
    }
  }
  unique("value_metrics", "id", cfg.metric_ids(), "E042");
  YAML::Node rubric = child(node, "rubric");
  std::set<std::string> seen;
  double weights = 0;
  for (std::size_t i = 0; i < cfg.criteria.size(); ++i) {
    weights += cfg.criteria[i].weight;
    if (!seen.insert(cfg.criteria[i].id).second) {
      r.error(child(item(rubric, "criteria", i), "id"), fmt::format("/rubric/criteria/{}/id", i),
              "E043", "duplicate rubric criterion '" + cfg.criteria[i].id + "'");
    }
  }
  if (!cfg.criteria.empty() && weights <= 0) {
    r.error(or_parent(child(rubric, "criteria"), node), "/rubric/criteria", "E044",
            "the rubric weights sum to 0: no weighted score can be computed");
  }
  if (cfg.scale_min >= cfg.scale_max) {
    r.error(or_parent(child(rubric, "scale"), node), "/rubric/scale", "E045",
            fmt::format("the rubric scale {}..{} is empty (min must be below max)", cfg.scale_min,
                        cfg.scale_max));
  }
  if (cfg.min_score < cfg.scale_min || cfg.min_score > cfg.scale_max) {
    YAML::Node q = child(child(node, "gates"), "qualification");
    r.error(or_parent(child(q, "min_score"), node), "/gates/qualification/min_score", "E046",
            fmt::format("gates.qualification.min_score {} is outside the rubric scale {}..{}",
                        cfg.min_score, cfg.scale_min, cfg.scale_max));
  }
  YAML::Node formats = child(node, "poc_formats");
  for (const auto& b : cfg.poc_formats) {
    if (b.min_days && b.max_days && *b.min_days > *b.max_days) {
      YAML::Node entry = child(formats, b.format.c_str());
      r.error(or_parent(child(entry, "min_days"), node), "/poc_formats/" + b.format + "/min_days",
              "E052",
              fmt::format("poc_formats.{}: min_days {} is above max_days {}: no POC of this "
                          "format can be planned",
                          b.format, *b.min_days, *b.max_days));
    }
  }
}

namespace {

// An entry or an award of a challenge dated before it opened or after it closed (E087).
void check_fact_date(Reporter& r, const model::Challenge& c, const std::string& at,
                     const YAML::Node& where, const std::string& pointer, const std::string& what)
{
  auto day = at_date(at);
  auto opened = at_date(c.opened);
  auto closed = at_date(c.closed);
  if (day && opened && *day < *opened) {
    r.error(where, pointer, "E087",
            fmt::format("{} ({}) is before the challenge opened ({})", what, at.substr(0, 10),
                        c.opened),
            "date it on or after 'opened' (--at)");
  } else if (day && closed && *closed < *day) {
    r.error(
        where, pointer, "E087",
        fmt::format("{} ({}) is after the challenge closed ({})", what, at.substr(0, 10), c.closed),
        "date it on or before 'closed' (--at)");
  }
}

bool has_team_entry(const model::Challenge& c, const std::string& team)
{
  return std::any_of(c.entries.begin(), c.entries.end(),
                     [&](const model::Entry& e) { return util::fold(e.team) == util::fold(team); });
}

void check_challenge_facts(Reporter& r, const YAML::Node& node, const model::Challenge& c,
                           const model::Config& cfg)
{
  std::set<std::string> teams;
  for (std::size_t i = 0; i < c.entries.size(); ++i) {
    const auto& e = c.entries[i];
    YAML::Node en = item(node, "entries", i);
    if (!teams.insert(util::fold(e.team)).second) {
      r.error(or_parent(child(en, "team"), node), fmt::format("/entries/{}/team", i), "E089",
              "team '" + e.team + "' is entered twice", "keep one entry per team");
    }
    check_fact_date(r, c, e.at, or_parent(child(en, "at"), node), fmt::format("/entries/{}/at", i),
                    "the entry of team '" + e.team + "'");
  }
  std::set<std::tuple<std::string, std::string, std::string>> awards;
  std::vector<std::string> prize_names;
  for (const auto& p : c.prizes) {
    prize_names.push_back(p.name);
  }
  for (std::size_t i = 0; i < c.winners.size(); ++i) {
    const auto& w = c.winners[i];
    YAML::Node wn = item(node, "winners", i);
    std::string who = w.record.empty() ? "team '" + w.team + "'" : "record " + w.record;
    if (w.team.empty() && w.record.empty()) {
      r.error(wn, fmt::format("/winners/{}", i), "E088",
              "a winner names neither a team nor a record",
              "give the winning team (an entry) or record: innov challenge award");
    } else if (w.record.empty() && !has_team_entry(c, w.team)) {
      r.error(or_parent(child(wn, "team"), node), fmt::format("/winners/{}/team", i), "E088",
              "winner team '" + w.team + "' is not an entry of the challenge",
              "enter it first: innov challenge enter " + c.id + " --team NAME");
    }
    if (!awards.insert({util::fold(w.team), w.record, w.prize}).second) {
      r.error(wn, fmt::format("/winners/{}", i), "E089",
              "the prize '" + w.prize + "' is awarded twice to " + who,
              "keep one award per winner and prize");
    }
    if (!c.prizes.empty() && !w.prize.empty() &&
        std::find(prize_names.begin(), prize_names.end(), w.prize) == prize_names.end()) {
      r.error(or_parent(child(wn, "prize"), node), fmt::format("/winners/{}/prize", i), "E100",
              "the prize '" + w.prize + "' is not one the challenge offers" +
                  util::did_you_mean(w.prize, prize_names),
              "offered: " + util::join(prize_names, ", "));
    }
    check_fact_date(r, c, w.at, or_parent(child(wn, "at"), node), fmt::format("/winners/{}/at", i),
                    "the award to " + who);
  }
  if (!cfg.roles.population.empty()) {
    model::ActorKinds kinds(cfg.roles.population);
    for (std::size_t i = 0; i < c.jury.size(); ++i) {
      if (kinds.kind_of(c.jury[i]).empty()) {
        std::vector<std::string> names;
        for (const auto& k : cfg.roles.population) {
          names.push_back(k.kind + " (" + k.example + ")");
        }
        r.error(item(node, "jury", i), fmt::format("/jury/{}", i), "E101",
                "jury member '" + c.jury[i] + "' is of no actor kind of the population",
                "ids of innov.yaml's population: " + util::join(names, ", "));
      }
    }
  }
}

} // namespace

void check_challenge(const YAML::Node& node, const model::Challenge& c, const std::string& rel_path,
                     const model::Config& cfg, util::Diagnostics& out)
{
  Reporter r(rel_path, c.id, out);
  std::filesystem::path p(rel_path);
  if (p.stem().string() != c.id) {
    r.error(child(node, "id"), "/id", "E020",
            "id '" + c.id + "' does not match the file name '" + p.filename().string() + "'",
            "the file of challenge '" + c.id + "' is challenges/" + c.id + ".yaml");
  }
  for (std::size_t i = 0; i < c.themes.size(); ++i) {
    if (!cfg.has_theme(c.themes[i])) {
      r.error(item(node, "themes", i), fmt::format("/themes/{}", i), "E022",
              "unknown theme '" + c.themes[i] + "'" +
                  util::did_you_mean(c.themes[i], cfg.theme_codes()));
    }
  }
  check_order(r, c.opened, c.closed, child(node, "closed"), "/closed", "closing date");
  check_challenge_facts(r, node, c, cfg);
}

} // namespace innov::store
