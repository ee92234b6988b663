// innov generalize: the governance gate (check, decide, roll out, realize value).
#include "cmd/commands.hpp"
#include "cmd/mutation.hpp"
#include "lib/model/authority.hpp"
#include "lib/report/json.hpp"
#include "lib/store/portfolio.hpp"
#include "lib/util/date.hpp"
#include "lib/util/error.hpp"
#include "lib/util/escape.hpp"
#include "lib/util/text.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <iostream>

namespace innov::cmd {

namespace {

struct DecideOptions {
  MutationFlags flags;
  std::string id;
  model::GeneralizeInput in;
  std::vector<std::string> waves;
  std::string projected;
};

// 2016, 2016-Q3 or 2016-07.
void check_period(const std::string& period)
{
  bool ok = period.size() >= 4 && std::all_of(period.begin(), period.begin() + 4,
                                              [](char c) { return c >= '0' && c <= '9'; });
  if (ok && period.size() == 7 && period[4] == '-' && period[5] == 'Q') {
    ok = period[6] >= '1' && period[6] <= '4';
  } else if (ok && period.size() == 7 && period[4] == '-') {
    ok = util::parse_date(period + "-01").has_value();
  } else {
    ok = ok && period.size() == 4;
  }
  if (!ok) {
    throw UsageError("--period '" + period + "' is not a year, quarter or month",
                     "e.g. 2016, 2016-Q3 or 2016-07");
  }
}

std::string rules_text(const std::vector<model::GateRule>& rules)
{
  std::string out;
  for (const auto& r : rules) {
    out +=
        fmt::format("  {:<4} {:<44} {}\n", r.passed ? "pass" : "FAIL", r.description, r.evidence);
  }
  return out;
}

int run_decide(const Context& ctx, DecideOptions& o)
{
  auto actor = actor_of(o.flags);
  auto root = find_record_root(ctx, o.id);
  auto config = store::require_config(root);
  for (const auto& w : o.waves) {
    auto colon = w.find(':');
    if (colon == std::string::npos) {
      throw UsageError("--wave '" + w + "' is not REGION:DATE");
    }
    model::RolloutWave wave{w.substr(0, colon), w.substr(colon + 1), "", ""};
    check_region(config, wave.region);
    check_date(wave.planned, "--wave " + wave.region);
    o.in.rollout.push_back(wave);
  }
  for (const auto& s : o.in.scope) {
    if (s != "national" && !config.has_region(s)) {
      auto scopes = config.region_codes();
      scopes.insert(scopes.begin(), "national");
      throw UsageError("unknown scope '" + s + "'" + util::did_you_mean(s, scopes),
                       "national or region codes: " + util::join(config.region_codes(), ", "));
    }
  }
  if (!o.projected.empty()) {
    o.in.projected = parse_amount(o.projected, "--projected");
    check_metric(config, o.in.projected->metric);
  }
  if (o.in.decision == "go" && o.in.scope.empty()) {
    o.in.scope.push_back("national");
  }
  return mutate_one(ctx, o.flags, o.id, [&](model::Innovation& rec, const model::Config& c) {
    stamp_now(actor, o.flags);
    auto rules = model::generalize(rec, c, o.in, actor);
    check_decision_authority(ctx, c, rec, actor, o.flags, "generalization",
                             rec.decisions.back().scope,
                             !rec.decisions.back().override_reason.empty());
    std::string msg =
        fmt::format("{}: {} by {}; now {}", rec.id, o.in.decision, actor.by, rec.status);
    if (!rec.decisions.back().override_reason.empty()) {
      msg += " (override: the gate rules were not met)\n" + rules_text(rules);
      msg.pop_back();
    }
    return msg;
  });
}

int run_check(const Context& ctx, const std::string& id, const std::string& format)
{
  auto root = find_record_root(ctx, id, true);
  auto config = store::require_config(root);
  std::string rel = store::resolve_record(root, id);
  util::Diagnostics diags;
  auto rec = store::load_record(root, rel, diags);
  if (!rec) {
    throw DataError("record '" + rel + "' is invalid", "run 'innov validate " + rel + "'");
  }
  auto rules = model::generalization_rules(*rec, config);
  bool ok = model::all_passed(rules);
  if (format == "json") {
    report::JsonWriter w;
    w.begin_object()
        .key("id")
        .value(rec->id)
        .key("status")
        .value(rec->status)
        .key("passed")
        .value(ok);
    w.key("rules").begin_array();
    for (const auto& r : rules) {
      w.begin_object().key("rule").value(r.id).key("description").value(r.description);
      w.key("passed").value(r.passed).key("evidence").value(r.evidence);
      if (!r.hint.empty()) {
        w.key("hint").value(r.hint);
      }
      w.end_object();
    }
    w.end_array().end_object();
    std::cout << w.str();
  } else {
    std::cout << "generalization gate for " << rec->id << " (" << util::escape_terminal(rec->title)
              << "), " << rec->status << "\n"
              << rules_text(rules) << (ok ? "all rules pass\n" : "the gate is not met\n");
    for (const auto& r : rules) {
      if (!r.passed && !r.hint.empty()) {
        std::cout << "hint: " << r.hint << "\n";
      }
    }
  }
  return ok ? k_exit_ok : k_exit_data;
}

struct RolloutOptions {
  MutationFlags flags;
  std::string id;
  std::string region;
  std::string done;
};

// --done, else the date of --at, else today; both given must name the same day.
int run_rollout(const Context& ctx, const RolloutOptions& o)
{
  auto actor = actor_of(o.flags);
  if (!o.done.empty()) {
    check_date(o.done, "--done");
    if (!o.flags.at.empty() && date_of(actor) != o.done) {
      throw UsageError("--done " + o.done + " and --at " + o.flags.at + " name different days",
                       "give one of them: --done is the date written, --at its default");
    }
  }
  return mutate_one(ctx, o.flags, o.id, [&](model::Innovation& rec, const model::Config& config) {
    stamp_now(actor, o.flags);
    std::string done = o.done.empty() ? date_of(actor) : o.done;
    check_region(config, o.region);
    model::rollout_done(rec, o.region, done, actor.by);
    check_decision_authority(ctx, config, rec, actor, o.flags, "generalization", {o.region}, false);
    return "rolled out " + rec.id + " in " + o.region + " on " + done;
  });
}

struct RealizeOptions {
  MutationFlags flags;
  std::string id;
  model::Realized value;
  std::string amount;
  bool replace = false;
};

// The entry is dated the day it is recorded (--at, else today): --as-of ignores it before then.
int run_realize(const Context& ctx, const RealizeOptions& o)
{
  check_period(o.value.period);
  auto actor = actor_of(o.flags);
  return mutate_one(ctx, o.flags, o.id, [&](model::Innovation& rec, const model::Config& config) {
    stamp_now(actor, o.flags);
    check_metric(config, o.value.metric);
    if (!o.value.region.empty()) {
      check_region(config, o.value.region);
    }
    model::Realized value = o.value;
    value.at = date_of(actor);
    value.by = actor.by;
    value.amount = parse_number(o.amount, "--amount");
    auto replaced = model::realize(rec, value, o.replace);
    check_decision_authority(ctx, config, rec, actor, o.flags, "generalization",
                             model::realized_scope(rec, value), false);
    std::string msg =
        fmt::format("{}: realized {} {} in {}", rec.id, value.amount, value.metric, value.period);
    if (replaced) {
      msg += fmt::format(", replacing {}", replaced->amount);
    }
    return msg;
  });
}

} // namespace

void register_generalize(CLI::App& app, Context& ctx)
{
  auto o = std::make_shared<DecideOptions>();
  auto* gen = app.add_subcommand(
      "generalize", "The generalization gate: check the rules, decide, roll out, realize value");
  gen->require_subcommand(0, 1);
  gen->add_option("ID", o->id, "Record id or unique prefix");
  gen->add_option("--decision", o->in.decision, "go, kill, hold or recycle")
      ->check(CLI::IsMember({"go", "kill", "hold", "recycle"}));
  gen->add_option("--scope", o->in.scope, "national or region codes (default for go: national)");
  gen->add_option("--wave", o->waves, "REGION:DATE, a planned roll-out wave (repeatable)");
  gen->add_option("--projected", o->projected,
                  "METRIC=AMOUNT/PERIOD, the projected value (period: year, month, once)");
  gen->add_option("--rationale", o->in.rationale, "Why");
  gen->add_option("--override", o->in.override_reason,
                  "Go although the gate rules fail, for this reason");
  add_mutation_flags(gen, o->flags, Records::at_and_by);
  add_member_flag(gen, o->flags);
  gen->footer(
      "A go whose gate rules fail is refused (exit 1) unless --override REASON is given.\n"
      "When innov.yaml declares bodies, --by must be a body deciding at the generalization gate\n"
      "for the scope, --member one of its members, and --override needs override: true\n"
      "(exit 1 otherwise; docs/roles.md).\n\n"
      "Examples:\n"
      "  innov generalize check k3m9\n"
      "  innov generalize k3m9 --decision go --by comite-national-innovation --member agent-101 "
      "\\\n"
      "    --wave hdf:2016-03-01 --wave idf:2016-06-01 --projected hours_saved=180000/year\n"
      "  innov generalize rollout k3m9 --region hdf --done 2016-03-15\n"
      "  innov generalize realize k3m9 --period 2016-Q3 --metric hours_saved --amount 41000 "
      "--region hdf");
  gen->callback([o, gen, &ctx] {
    if (!gen->get_subcommands().empty()) {
      return;
    }
    if (o->id.empty()) {
      throw CLI::RequiredError("ID");
    }
    if (o->in.decision.empty()) {
      throw CLI::RequiredError("--decision");
    }
    ctx.run = [o, &ctx] { return run_decide(ctx, *o); };
  });

  struct CheckOptions {
    std::string id;
    std::string format = "text";
  };
  auto c = std::make_shared<CheckOptions>();
  auto* sub = gen->add_subcommand(
      "check", "Evaluate every rule of gates.generalization (exit 0 pass, 1 fail)");
  sub->add_option("ID", c->id, "Record id or unique prefix")->required();
  sub->add_option("--format", c->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  sub->footer("Example:\n  innov generalize check k3m9 --format json");
  sub->callback([c, &ctx] { ctx.run = [c, &ctx] { return run_check(ctx, c->id, c->format); }; });

  auto r = std::make_shared<RolloutOptions>();
  sub = gen->add_subcommand("rollout", "Record that the roll-out of a region is done");
  sub->add_option("ID", r->id, "Record id or unique prefix")->required();
  sub->add_option("--region", r->region, "Region code")->required();
  sub->add_option("--done", r->done, "Date the roll-out was done (default: the date of --at)");
  add_mutation_flags(sub, r->flags, Records::at_and_by);
  add_member_flag(sub, r->flags);
  sub->footer("--done is the date written; without it, the date of --at (default: today).\n"
              "--by is the body recording it (done_by), checked as a decision at the\n"
              "generalization gate for the region when innov.yaml declares bodies, --member\n"
              "one of its members (docs/roles.md).\n\n"
              "Examples:\n  innov generalize rollout k3m9 --region hdf --done 2016-03-15 \\\n"
              "    --by comite-national-innovation --member agent-10001\n"
              "  innov generalize rollout k3m9 --region idf --at 2016-06-20 --by "
              "comite-national-innovation "
              "--member agent-10002");
  sub->callback([r, &ctx] { ctx.run = [r, &ctx] { return run_rollout(ctx, *r); }; });

  auto v = std::make_shared<RealizeOptions>();
  sub = gen->add_subcommand("realize", "Record value realized in a period");
  sub->add_option("ID", v->id, "Record id or unique prefix")->required();
  sub->add_option("--period", v->value.period, "2016, 2016-Q3 or 2016-07")->required();
  sub->add_option("--metric", v->value.metric, "A value metric of innov.yaml")->required();
  sub->add_option("--amount", v->amount, "The amount, in the metric's unit")->required();
  sub->add_option("--region", v->value.region, "Where it was realized (within the go's scope)");
  sub->add_flag("--replace", v->replace,
                "Replace the value on record for the same period, metric and region");
  add_mutation_flags(sub, v->flags, Records::at_and_by);
  add_member_flag(sub, v->flags);
  sub->footer(
      "One value per period, metric and region: a second one is refused unless --replace.\n"
      "The entry keeps the day it was recorded (at: --at, else today): --as-of counts it once\n"
      "its period has ended and it was recorded. It keeps the body recording it (by: --by),\n"
      "checked as a decision at the generalization gate for its region (else the go's scope)\n"
      "when innov.yaml declares bodies, --member one of its members (docs/roles.md).\n\n"
      "Examples:\n  innov generalize realize k3m9 --period 2016-Q3 --metric hours_saved "
      "--amount 41000 --region hdf \\\n    --by comite-national-innovation\n"
      "  innov generalize realize k3m9 --period 2016-Q3 --metric hours_saved --amount 42500 "
      "--region hdf --replace");
  sub->callback([v, &ctx] { ctx.run = [v, &ctx] { return run_realize(ctx, *v); }; });
}

} // namespace innov::cmd
