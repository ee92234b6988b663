#include "lib/model/workflow.hpp"

#include "lib/model/format.hpp"
#include "lib/model/opinions.hpp"
#include "lib/util/date.hpp"
#include "lib/util/error.hpp"
#include "lib/util/text.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <set>

namespace innov::model {

State current_state(const Innovation& rec)
{
  auto s = parse_state(rec.status);
  if (!s) {
    throw DataError("record '" + rec.id + "' has an unknown status '" + rec.status + "'",
                    "run 'innov validate' to see every problem");
  }
  return *s;
}

State transition(Innovation& rec, Action action, const Actor& actor)
{
  State from = current_state(rec);
  auto to = apply_action(from, action, rec.kind);
  if (!to) {
    throw DataError(refusal_message(rec.id, from, action, rec.kind));
  }
  rec.history.push_back({actor.at, actor.by, rec.status, std::string(state_name(*to))});
  rec.status = std::string(state_name(*to));
  return *to;
}

namespace {

// Refuses an action before any change, so that a refused command changes nothing.
void require_allowed(const Innovation& rec, Action action)
{
  State from = current_state(rec);
  if (!apply_action(from, action, rec.kind)) {
    throw DataError(refusal_message(rec.id, from, action, rec.kind));
  }
}

Action qualify_action(const std::string& decision)
{
  if (decision == "go") {
    return Action::qualify_go;
  }
  if (decision == "reject") {
    return Action::qualify_reject;
  }
  if (decision == "hold") {
    return Action::qualify_hold;
  }
  if (decision == "needs-info") {
    return Action::qualify_needs_info;
  }
  throw UsageError("unknown decision '" + decision + "' (go, reject, hold or needs-info)");
}

Poc& open_poc(Innovation& rec, const char* what)
{
  Poc* poc = rec.last_poc();
  if (!poc) {
    throw DataError("record '" + rec.id + "' has no POC to " + what);
  }
  return *poc;
}

} // namespace

bool like(Innovation& rec, const std::string& person, const std::string& at)
{
  auto it = std::lower_bound(rec.likes.begin(), rec.likes.end(), person,
                             [](const Like& l, const std::string& p) { return l.by < p; });
  if (it != rec.likes.end() && it->by == person) {
    if (at < it->at) {
      it->at = at; // the earlier like stands (a merge of two likes by one person)
      return true;
    }
    return false;
  }
  rec.likes.insert(it, Like{person, at});
  return true;
}

bool unlike(Innovation& rec, const std::string& person)
{
  auto it = std::lower_bound(rec.likes.begin(), rec.likes.end(), person,
                             [](const Like& l, const std::string& p) { return l.by < p; });
  if (it == rec.likes.end() || it->by != person) {
    return false;
  }
  rec.likes.erase(it);
  return true;
}

void add_comment(Innovation& rec, const Comment& comment)
{
  rec.comments.push_back(comment);
}

std::vector<std::string> changed_keys(const Innovation& before, const Innovation& after)
{
  std::vector<std::string> keys;
  for_each_field<Innovation>([&](const auto& f) {
    if (f.key == "status" || f.key == "history" || f.key == "edits") {
      return;
    }
    if (!(f.of(before) == f.of(after))) {
      keys.emplace_back(f.key);
    }
  });
  return keys;
}

bool record_edit(Innovation& rec, const Actor& actor, const std::vector<std::string>& keys,
                 const std::string& via)
{
  if (keys.empty()) {
    return false;
  }
  Edit e{actor.at, actor.by, keys, via};
  auto pos = std::upper_bound(rec.edits.begin(), rec.edits.end(), e,
                              [](const Edit& a, const Edit& b) { return a.at < b.at; });
  rec.edits.insert(pos, std::move(e));
  return true;
}

QualifyResult qualify(Innovation& rec, const Config& config, const QualifyInput& in,
                      const Actor& actor)
{
  Action action = qualify_action(in.decision);
  // An open record takes an opinion; past qualification it is advisory (lib/model/opinions.hpp).
  OpinionEffect effect = opinion_effect(current_state(rec));
  if (effect == OpinionEffect::refused) {
    require_allowed(rec, action); // throws: a terminal state
  }
  if (in.expert == rec.author) {
    throw DataError("expert '" + in.expert + "' is the author of '" + rec.id +
                    "' and cannot qualify it");
  }
  // Every rubric criterion, within the scale; nothing else.
  std::vector<std::string> ids = config.criterion_ids();
  std::vector<std::pair<std::string, double>> ordered;
  std::set<std::string> seen;
  for (const auto& [crit, score] : in.scores) {
    if (std::find(ids.begin(), ids.end(), crit) == ids.end()) {
      throw UsageError("unknown rubric criterion '" + crit + "'" + util::did_you_mean(crit, ids),
                       "the rubric of innov.yaml has: " + util::join(ids, ", "));
    }
    if (!seen.insert(crit).second) {
      throw UsageError("rubric criterion '" + crit + "' is scored twice");
    }
    if (score < config.scale_min || score > config.scale_max) {
      throw UsageError(fmt::format("score {} for '{}' is outside the rubric scale {}..{}", score,
                                   crit, config.scale_min, config.scale_max));
    }
  }
  std::vector<std::string> missing;
  for (const auto& id : ids) {
    auto it = std::find_if(in.scores.begin(), in.scores.end(),
                           [&](const auto& s) { return s.first == id; });
    if (it == in.scores.end()) {
      missing.push_back(id);
    } else {
      ordered.push_back(*it);
    }
  }
  if (!missing.empty()) {
    throw UsageError("missing score for rubric criteri" +
                         std::string(missing.size() == 1 ? "on" : "a") + " '" +
                         util::join(missing, "', '") + "'",
                     "score every criterion: " + util::join(ids, "=N ") + "=N");
  }
  Qualification q{actor.at, in.expert, in.region, ordered, in.decision, in.rationale, ""};
  const Qualification* previous = opinion_in_force(rec, in.expert);
  if (previous && !in.amend) {
    throw DataError("expert '" + in.expert + "' already qualified '" + rec.id + "' on " +
                        previous->at,
                    "use --amend to supersede that opinion (it stays in the record, marked)");
  }
  if (!previous && in.amend) {
    throw DataError("expert '" + in.expert + "' has no opinion on '" + rec.id + "' to amend",
                    "leave out --amend to give a first opinion");
  }
  if (previous) {
    if (!opinion_before(*previous, q)) {
      throw DataError("the amendment (" + q.at + ") is not after the opinion it supersedes (" +
                          previous->at + ")",
                      "an amendment is dated after the opinion it amends: give a later --at");
    }
    q.supersedes = previous->at;
  }
  // In date order: a back-dated opinion (--at) goes before the later ones.
  auto pos =
      std::upper_bound(rec.qualifications.begin(), rec.qualifications.end(), q, opinion_before);
  rec.qualifications.insert(pos, q);
  QualifyResult result;
  result.score = weighted_score(q, config);
  result.gate = qualification_gate(rec, config);
  result.advisory = effect == OpinionEffect::advisory;
  if (result.advisory) {
    return result; // recorded and shown; never moves the state
  }
  if (action != Action::qualify_go) {
    result.moved_to = transition(rec, action, actor);
  } else if (result.gate.met) {
    result.moved_to = transition(rec, action, actor);
  }
  return result;
}

void plan_poc(Innovation& rec, Poc poc, const Actor& actor)
{
  require_allowed(rec, Action::poc_plan);
  std::set<std::string> ids;
  for (const auto& p : rec.pocs) {
    ids.insert(p.id);
  }
  if (poc.id.empty()) {
    for (int n = 1;; ++n) {
      poc.id = "p" + std::to_string(n);
      if (!ids.count(poc.id)) {
        break;
      }
    }
  } else if (ids.count(poc.id)) {
    throw UsageError("record '" + rec.id + "' already has a POC '" + poc.id + "'");
  }
  std::set<std::string> kpis;
  for (const auto& k : poc.kpis) {
    if (!kpis.insert(k.id).second) {
      throw UsageError("KPI '" + k.id + "' is given twice");
    }
  }
  if (!poc.planned_start.empty() && !poc.planned_end.empty() &&
      poc.planned_end < poc.planned_start) {
    throw UsageError("the planned end " + poc.planned_end + " is before the start " +
                     poc.planned_start);
  }
  rec.pocs.push_back(std::move(poc));
  transition(rec, Action::poc_plan, actor);
}

void require_poc_duration(const Config& config, const Poc& poc, const std::string& start,
                          const std::string& end, const std::string& what)
{
  std::string problem = poc_duration_problem(config, poc.format, start, end);
  if (!problem.empty()) {
    throw DataError("POC '" + poc.id + "' " + what + " " + start + " to " + end + ": " + problem,
                    "change the dates, or the bounds of '" + poc.format +
                        "' under poc_formats in innov.yaml");
  }
}

void start_poc(Innovation& rec, const std::string& started, const Actor& actor)
{
  require_allowed(rec, Action::poc_start);
  open_poc(rec, "start").started = started;
  transition(rec, Action::poc_start, actor);
}

void measure_poc(Innovation& rec, const std::vector<std::pair<std::string, double>>& values,
                 const std::string& territory, const std::string& at)
{
  State s = current_state(rec);
  if (s != State::poc_running && s != State::poc_done) {
    throw DataError("cannot measure '" + rec.id + "': it is " + rec.status +
                    " (measurements go to a running or done POC)");
  }
  Poc& poc = open_poc(rec, "measure");
  if (!territory.empty() &&
      std::find(poc.territory.begin(), poc.territory.end(), territory) == poc.territory.end()) {
    throw UsageError("POC '" + poc.id + "' does not run in '" + territory + "'" +
                         util::did_you_mean(territory, poc.territory),
                     "its territories: " + util::join(poc.territory, ", "));
  }
  for (const auto& value : values) {
    const std::string& id =
        value.first; // a plain name: lambdas cannot capture structured bindings in clang 14
    auto it =
        std::find_if(poc.kpis.begin(), poc.kpis.end(), [&](const Kpi& k) { return k.id == id; });
    if (it == poc.kpis.end()) {
      std::vector<std::string> known;
      for (const auto& k : poc.kpis) {
        known.push_back(k.id);
      }
      throw UsageError(
          "POC '" + poc.id + "' has no KPI '" + id + "'" + util::did_you_mean(id, known),
          known.empty() ? "the POC has no KPI" : "its KPIs: " + util::join(known, ", "));
    }
    Measurement m{at, id, value.second, territory};
    // Date order; a measurement of the same date goes after those already there.
    auto pos =
        std::upper_bound(poc.measurements.begin(), poc.measurements.end(), m,
                         [](const Measurement& a, const Measurement& b) { return a.at < b.at; });
    poc.measurements.insert(pos, m);
  }
  derive(rec);
}

void spend_poc(Innovation& rec, double amount, const std::string& note, const std::string& at)
{
  State s = current_state(rec);
  if (s != State::poc_planned && s != State::poc_running && s != State::poc_done) {
    throw DataError("cannot record spend on '" + rec.id + "': it is " + rec.status +
                    " (spend goes to a planned, running or done POC)");
  }
  Poc& poc = open_poc(rec, "spend on");
  Spend x{at, amount, note};
  auto pos = std::upper_bound(poc.spend.begin(), poc.spend.end(), x,
                              [](const Spend& a, const Spend& b) { return a.at < b.at; });
  poc.spend.insert(pos, x);
  derive(rec);
}

void close_poc(Innovation& rec, const std::string& outcome, const std::string& lessons,
               const std::string& ended, const Actor& actor)
{
  require_allowed(rec, Action::poc_close);
  Poc& poc = open_poc(rec, "close");
  if (!poc.started.empty() && ended < poc.started) {
    throw UsageError("the end date " + ended + " is before the POC's start " + poc.started);
  }
  poc.ended = ended;
  poc.outcome = outcome;
  if (!lessons.empty()) {
    poc.lessons = lessons;
  }
  transition(rec, Action::poc_close, actor);
}

std::vector<GateRule> generalize(Innovation& rec, const Config& config, const GeneralizeInput& in,
                                 const Actor& actor)
{
  Action action = Action::generalize_go;
  if (in.decision == "kill") {
    action = Action::generalize_kill;
  } else if (in.decision == "hold") {
    action = Action::generalize_hold;
  } else if (in.decision == "recycle") {
    action = Action::generalize_recycle;
  } else if (in.decision != "go") {
    throw UsageError("unknown decision '" + in.decision + "' (go, kill, hold or recycle)");
  }
  if (action != Action::generalize_go && (!in.rollout.empty() || in.projected)) {
    throw UsageError("a " + in.decision + " decision takes no " +
                         (in.rollout.empty() ? "--projected" : "--wave") +
                         ": roll-out waves and projected value belong to a go",
                     "leave out --wave and --projected, or decide go");
  }
  require_allowed(rec, action);
  bool national =
      in.scope.empty() || std::find(in.scope.begin(), in.scope.end(), "national") != in.scope.end();
  if (national && in.scope.size() > 1) {
    throw UsageError("the scope is national or a list of regions, not both");
  }
  std::set<std::string> scoped;
  for (const auto& s : in.scope) {
    if (!scoped.insert(s).second) {
      throw UsageError("region '" + s + "' is given twice in the scope");
    }
  }
  std::set<std::string> waves;
  for (const auto& w : in.rollout) {
    if (!config.has_region(w.region)) {
      throw UsageError("unknown region '" + w.region + "'" +
                       util::did_you_mean(w.region, config.region_codes()));
    }
    if (!waves.insert(w.region).second) {
      throw UsageError("region '" + w.region + "' has two roll-out waves");
    }
    if (!national && !scoped.count(w.region)) {
      throw UsageError("the wave of '" + w.region + "' is outside the scope (" +
                       util::join(in.scope, ", ") + ")");
    }
  }
  auto rules = generalization_rules(rec, config);
  if (action == Action::generalize_go && !all_passed(rules) && in.override_reason.empty()) {
    std::vector<std::string> failed;
    std::string hints;
    for (const auto& r : rules) {
      if (!r.passed) {
        failed.push_back(r.description + " (" + r.evidence + ")");
        hints += r.hint.empty() ? "" : r.hint + "; ";
      }
    }
    throw DataError(
        "the generalization gate is not met for '" + rec.id + "': " + util::join(failed, "; "),
        hints + "see 'innov generalize check " + rec.id + "', or go anyway with --override REASON");
  }
  Decision d;
  d.at = actor.at;
  d.gate = "generalization";
  d.by = actor.by;
  d.decision = in.decision;
  d.scope = in.scope;
  d.rollout = in.rollout;
  d.projected = in.projected;
  d.rationale = in.rationale;
  if (action == Action::generalize_go && !all_passed(rules)) {
    d.override_reason = in.override_reason;
  }
  rec.decisions.push_back(std::move(d));
  transition(rec, action, actor);
  return rules;
}

namespace {

bool national_scope(const std::vector<std::string>& scope)
{
  return scope.empty() || std::find(scope.begin(), scope.end(), "national") != scope.end();
}

// The last go decision at the generalization gate, or nullptr.
Decision* last_go(Innovation& rec)
{
  for (auto it = rec.decisions.rbegin(); it != rec.decisions.rend(); ++it) {
    if (it->gate == "generalization" && it->decision == "go") {
      return &*it;
    }
  }
  return nullptr;
}

// Refuses a region outside the decision's scope; a national scope admits every region.
void require_in_scope(const Innovation& rec, const Decision& go, const std::string& region)
{
  if (!national_scope(go.scope) &&
      std::find(go.scope.begin(), go.scope.end(), region) == go.scope.end()) {
    throw DataError("region '" + region + "' is outside the scope of the go decision on '" +
                    rec.id + "' (" + util::join(go.scope, ", ") + ")");
  }
}

std::string realized_key(const Realized& v)
{
  return fmt::format("period {}, metric {}, region {}", v.period, v.metric,
                     v.region.empty() ? "(none)" : v.region);
}

} // namespace

void rollout_done(Innovation& rec, const std::string& region, const std::string& done,
                  const std::string& by)
{
  Decision* go = last_go(rec);
  if (!go) {
    throw DataError("record '" + rec.id + "' has no go decision to roll out",
                    "roll-out follows 'innov generalize " + rec.id + " --decision go'");
  }
  require_in_scope(rec, *go, region);
  for (auto& w : go->rollout) {
    if (w.region == region) {
      w.done = done;
      w.done_by = by;
      return;
    }
  }
  go->rollout.push_back({region, done, done, by});
}

std::optional<Realized> realize(Innovation& rec, const Realized& value, bool replace)
{
  if (rec.status != "generalized" && rec.status != "poc-running" && rec.status != "poc-done") {
    throw DataError("cannot record realized value on '" + rec.id + "': it is " + rec.status +
                    " (value is realized by a running POC or a generalized innovation)");
  }
  if (const Decision* go = last_go(rec); go && !value.region.empty()) {
    require_in_scope(rec, *go, value.region);
  }
  auto same = std::find_if(rec.realized.begin(), rec.realized.end(), [&](const Realized& r) {
    return r.period == value.period && r.metric == value.metric && r.region == value.region;
  });
  if (same == rec.realized.end()) {
    rec.realized.push_back(value);
    return std::nullopt;
  }
  if (!replace) {
    throw DataError(fmt::format("'{}' already has realized value for {}: {}", rec.id,
                                realized_key(*same), same->amount),
                    "give --replace to replace it, or another period, metric or region");
  }
  Realized previous = *same;
  *same = value;
  return previous;
}

void merge(Innovation& dup, Innovation& target, const Actor& actor)
{
  if (dup.id == target.id) {
    throw UsageError("cannot merge '" + dup.id + "' into itself");
  }
  State t = current_state(target);
  if (t == State::merged || t == State::rejected || t == State::withdrawn) {
    throw DataError("cannot merge into '" + target.id + "': it is " + target.status);
  }
  require_allowed(dup, Action::merge);
  for (const auto& l : dup.likes) {
    like(target, l.by, l.at);
  }
  dup.merged_into = target.id;
  transition(dup, Action::merge, actor);
}

} // namespace innov::model
