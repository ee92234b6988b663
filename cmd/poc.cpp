// innov poc plan/start/measure/close/list: demonstrators and their KPIs.
#include "cmd/commands.hpp"
#include "cmd/mutation.hpp"
#include "cmd/output.hpp"
#include "cmd/portfolio_view.hpp"
#include "lib/model/region_scope.hpp"
#include "lib/report/poc_list.hpp"
#include "lib/util/date.hpp"
#include "lib/util/error.hpp"
#include "lib/util/text.hpp"

#include <fmt/format.h>
#include <unistd.h>

namespace innov::cmd {

namespace {

// ID:NAME:UNIT:up|down:BASELINE:TARGET[:must]
model::Kpi parse_kpi(const std::string& spec)
{
  auto parts = util::split(spec, ':');
  if (parts.size() < 6 || parts.size() > 7 || (parts.size() == 7 && parts[6] != "must")) {
    throw UsageError("--kpi '" + spec + "' is not ID:NAME:UNIT:up|down:BASELINE:TARGET[:must]",
                     "e.g. --kpi 'placement_rate:Taux de retour à l emploi:percent:up:38:45:must'");
  }
  if (parts[3] != "up" && parts[3] != "down") {
    throw UsageError("--kpi '" + spec + "': the direction is 'up' or 'down', not '" + parts[3] +
                     "'");
  }
  model::Kpi k;
  k.id = parts[0];
  k.name = parts[1];
  k.unit = parts[2];
  k.direction = parts[3];
  k.baseline = parse_number(parts[4], "--kpi baseline");
  k.target = parse_number(parts[5], "--kpi target");
  if (parts.size() == 7) {
    k.must = true;
  }
  return k;
}

// A budget figure: a number, not negative.
double parse_amount_of_money(const std::string& text, const std::string& option)
{
  double v = parse_number(text, option);
  if (v < 0) {
    throw UsageError(option + " '" + text + "' is negative");
  }
  return v;
}

std::string format_amount(double v)
{
  return fmt::format("{}", v);
}

std::string kpi_line(const model::Kpi& k)
{
  auto met = k.met();
  std::string verdict = !met ? "not measured" : *met ? "met" : "NOT met";
  return fmt::format("  {:<20} {} -> {} (target {}, {} is better){}: {}", k.id,
                     fmt::format("{}", k.baseline), k.actual ? fmt::format("{}", *k.actual) : "?",
                     k.target, k.direction == "up" ? "higher" : "lower",
                     k.is_must() ? ", must" : "", verdict);
}

struct PlanOptions {
  MutationFlags flags;
  std::string id;
  model::Poc poc;
  std::vector<std::string> kpis;
  std::string budget;
};

int run_list(const Context& ctx, const std::string& format_flag, const std::string& out,
             const std::vector<std::string>& regions)
{
  std::string format = resolve_format(format_flag, out, {"text", "json", "csv", "markdown"});
  auto view = open_view(ctx, index::Decode::figures);
  model::RegionScope scope(view.config, regions);
  report::Table t = report::poc_list(view.portfolio.records, util::reading_day(), scope);
  write_output(render_table(t, format, out.empty() && use_color(ctx, STDOUT_FILENO)), out);
  return 0;
}

} // namespace

void register_poc(CLI::App& app, Context& ctx)
{
  auto* poc = app.add_subcommand("poc", "Plan, start, measure and close demonstrators (POCs)");
  poc->require_subcommand(1);
  poc->footer(
      "Example:\n  innov poc plan k3m9 --format demonstrator --territory agence-lille-centre \\\n"
      "    --territory agence-roubaix --start 2016-05-01 --end 2016-10-31 --budget 40000 \\\n"
      "    --kpi 'placement_rate:Taux de retour à l emploi à 6 mois:percent:up:38:45:must'\n\n"
      "plan, start and close are decisions of the POC gate: when innov.yaml declares bodies,\n"
      "--by must be a body deciding at the poc gate for the record's region and --member one\n"
      "of its members (docs/roles.md).");

  auto p = std::make_shared<PlanOptions>();
  auto* sub =
      poc->add_subcommand("plan", "Plan a POC for a qualified record (qualified -> poc-planned)");
  sub->add_option("ID", p->id, "Record id or unique prefix")->required();
  sub->add_option("--format", p->poc.format, "demonstrator, lab-sprint, acceleration or incubation")
      ->required()
      ->check(CLI::IsMember({"demonstrator", "lab-sprint", "acceleration", "incubation"}));
  sub->add_option("--territory", p->poc.territory, "A unit where it runs (repeatable)")->required();
  sub->add_option("--start", p->poc.planned_start, "Planned start date")->required();
  sub->add_option("--end", p->poc.planned_end, "Planned end date")->required();
  sub->add_option("--sponsor", p->poc.sponsor, "Sponsor (a regional direction...)");
  sub->add_option("--budget", p->budget, "Planned budget in the portfolio currency");
  sub->add_option("--kpi", p->kpis, "ID:NAME:UNIT:up|down:BASELINE:TARGET[:must] (repeatable)");
  sub->add_option("--poc-id", p->poc.id, "POC id (default: p1, p2...)");
  add_mutation_flags(sub, p->flags, Records::at_and_by, false);
  add_member_flag(sub, p->flags);
  sub->footer(
      "The duration (end - start, in days) must be within the bounds of the format: poc_formats\n"
      "in innov.yaml, by default lab-sprint 1 to 3 days and acceleration 56 to 70 (exit 1).\n"
      "A POC without a must-meet KPI (':must') cannot pass the generalization gate.\n\n"
      "Example:\n  innov poc plan k3m9 --format lab-sprint --territory lab-paris --start "
      "2016-05-01 \\\n"
      "    --end 2016-05-03 --kpi 'satisfaction:Satisfaction des participants:score:up:0:4:must'");
  sub->callback([p, &ctx] {
    ctx.run = [p, &ctx] {
      auto actor = actor_of(p->flags);
      check_date(p->poc.planned_start, "--start");
      check_date(p->poc.planned_end, "--end");
      for (const auto& k : p->kpis) {
        p->poc.kpis.push_back(parse_kpi(k));
      }
      if (!p->budget.empty()) {
        p->poc.budget_planned = parse_amount_of_money(p->budget, "--budget");
      }
      return mutate_one(ctx, p->flags, p->id, [&](model::Innovation& rec, const model::Config& c) {
        for (const auto& t : p->poc.territory) {
          check_unit(c, t, "--territory");
        }
        stamp_now(actor, p->flags);
        model::plan_poc(rec, p->poc, actor);
        const auto* poc = rec.last_poc();
        model::require_poc_duration(c, *poc, poc->planned_start, poc->planned_end, "planned");
        check_decision_authority(ctx, c, rec, actor, p->flags, "poc", {}, false);
        return fmt::format("planned POC {} of {} ({}, {} to {}, {} KPI{})", poc->id, rec.id,
                           poc->format, poc->planned_start, poc->planned_end, poc->kpis.size(),
                           poc->kpis.size() == 1 ? "" : "s");
      });
    };
  });

  struct IdOptions {
    MutationFlags flags;
    std::string id;
  };
  auto s = std::make_shared<IdOptions>();
  sub = poc->add_subcommand("start", "Start the planned POC (poc-planned -> poc-running)");
  sub->add_option("ID", s->id, "Record id or unique prefix")->required();
  add_mutation_flags(sub, s->flags, Records::at_and_by);
  add_member_flag(sub, s->flags);
  sub->footer("Example:\n  innov poc start k3m9 --at 2016-05-04");
  sub->callback([s, &ctx] {
    ctx.run = [s, &ctx] {
      auto actor = actor_of(s->flags);
      return mutate_one(ctx, s->flags, s->id, [&](model::Innovation& rec, const model::Config& c) {
        stamp_now(actor, s->flags);
        model::start_poc(rec, date_of(actor), actor);
        check_decision_authority(ctx, c, rec, actor, s->flags, "poc", {}, false);
        return "started POC " + rec.last_poc()->id + " of " + rec.id + " on " + date_of(actor);
      });
    };
  });

  struct MeasureOptions {
    MutationFlags flags;
    std::string id;
    std::vector<std::string> kpis;
    std::string territory;
    std::string spent;
  };
  auto m = std::make_shared<MeasureOptions>();
  sub = poc->add_subcommand("measure", "Record dated KPI measurements of the running POC");
  sub->add_option("ID", m->id, "Record id or unique prefix")->required();
  sub->add_option("--kpi", m->kpis, "KPI_ID=VALUE (repeatable)");
  sub->add_option("--territory", m->territory,
                  "The territory measured, one of the POC's (default: the whole POC)");
  sub->add_option("--spent", m->spent,
                  "Total spent so far: the increase since the last total is one spend entry");
  add_mutation_flags(sub, m->flags, Records::at);
  sub->footer(
      "Each --kpi appends a measurement {at, kpi, value[, territory]} dated --at (default today);\n"
      "a KPI's actual value is its latest measurement without territory.\n\n"
      "Example:\n  innov poc measure k3m9 --kpi placement_rate=49 --at 2016-09-30\n"
      "  innov poc measure k3m9 --kpi placement_rate=51 --territory agence-roubaix");
  sub->callback([m, &ctx] {
    ctx.run = [m, &ctx] {
      std::vector<std::pair<std::string, double>> values;
      for (const auto& k : m->kpis) {
        auto [id, v] = split_assignment(k, "--kpi");
        values.emplace_back(id, parse_number(v, "--kpi " + id));
      }
      std::optional<double> spent;
      if (!m->spent.empty()) {
        spent = parse_amount_of_money(m->spent, "--spent");
      }
      if (values.empty() && !spent) {
        throw UsageError("nothing to measure", "give --kpi ID=VALUE or --spent N");
      }
      if (!m->territory.empty() && values.empty()) {
        throw UsageError("--territory needs --kpi", "spend is recorded for the whole POC");
      }
      auto actor = actor_of(m->flags);
      return mutate_one(ctx, m->flags, m->id, [&](model::Innovation& rec, const model::Config&) {
        stamp_now(actor, m->flags);
        model::measure_poc(rec, values, m->territory, date_of(actor));
        if (spent) {
          double before = rec.last_poc()->budget_spent.value_or(0);
          if (*spent < before) {
            throw UsageError(
                fmt::format("--spent {} is less than the {} already spent", *spent, before),
                "spend is only added: record a correction with 'innov poc spend'");
          }
          if (*spent > before) {
            model::spend_poc(rec, *spent - before, "", date_of(actor));
          }
        }
        std::string msg = "measured POC " + rec.last_poc()->id + " of " + rec.id + " on " +
                          date_of(actor) + (m->territory.empty() ? "" : " in " + m->territory);
        for (const auto& k : rec.last_poc()->kpis) {
          msg += "\n" + kpi_line(k);
        }
        return msg;
      });
    };
  });

  struct SpendOptions {
    MutationFlags flags;
    std::string id;
    std::string amount;
    std::string note;
  };
  auto sp = std::make_shared<SpendOptions>();
  sub = poc->add_subcommand("spend", "Record a dated amount spent on the POC");
  sub->add_option("ID", sp->id, "Record id or unique prefix")->required();
  sub->add_option("--amount", sp->amount, "The amount spent, in the portfolio currency")
      ->required();
  sub->add_option("--note", sp->note, "What it was spent on");
  add_mutation_flags(sub, sp->flags, Records::at);
  sub->footer("Appends {at, amount, note} to the POC's spend (at: --at, default today); the\n"
              "POC's budget spent is the sum of its spend entries.\n\n"
              "Example:\n  innov poc spend k3m9 --amount 12000 --note 'Formation des conseillers' "
              "--at 2016-06-15");
  sub->callback([sp, &ctx] {
    ctx.run = [sp, &ctx] {
      double amount = parse_amount_of_money(sp->amount, "--amount");
      if (sp->note.find('\n') != std::string::npos) {
        throw UsageError("--note is one line of text");
      }
      auto actor = actor_of(sp->flags);
      return mutate_one(ctx, sp->flags, sp->id, [&](model::Innovation& rec, const model::Config&) {
        stamp_now(actor, sp->flags);
        model::spend_poc(rec, amount, sp->note, date_of(actor));
        const auto* p = rec.last_poc();
        return fmt::format("spent {} on POC {} of {} on {} (total {})", format_amount(amount),
                           p->id, rec.id, date_of(actor),
                           format_amount(p->budget_spent.value_or(0)));
      });
    };
  });

  struct CloseOptions {
    MutationFlags flags;
    std::string id;
    std::string outcome;
    std::string lessons;
  };
  auto c = std::make_shared<CloseOptions>();
  sub = poc->add_subcommand("close",
                            "Close the running POC with its outcome (poc-running -> poc-done)");
  sub->add_option("ID", c->id, "Record id or unique prefix")->required();
  sub->add_option("--outcome", c->outcome, "success, partial or failure")
      ->required()
      ->check(CLI::IsMember({"success", "partial", "failure"}));
  sub->add_option("--lessons", c->lessons, "What was learned");
  add_mutation_flags(sub, c->flags, Records::at_and_by);
  add_member_flag(sub, c->flags);
  sub->footer(
      "Prints each KPI against its target and the must-meet KPIs that failed. The run (started\n"
      "to the end date, --at or today) must be within the bounds of the POC's format.\n\n"
      "Example:\n  innov poc close k3m9 --outcome success --lessons 'Former les recruteurs avant'");
  sub->callback([c, &ctx] {
    ctx.run = [c, &ctx] {
      auto actor = actor_of(c->flags);
      return mutate_one(
          ctx, c->flags, c->id, [&](model::Innovation& rec, const model::Config& cfg) {
            stamp_now(actor, c->flags);
            model::close_poc(rec, c->outcome, c->lessons, date_of(actor), actor);
            const auto* poc = rec.last_poc();
            model::require_poc_duration(cfg, *poc, poc->started, poc->ended, "ran");
            check_decision_authority(ctx, cfg, rec, actor, c->flags, "poc", {}, false);
            std::string msg = "closed POC " + poc->id + " of " + rec.id + ": " + c->outcome;
            std::vector<std::string> failed;
            for (const auto& k : poc->kpis) {
              msg += "\n" + kpi_line(k);
              if (k.is_must() && !k.met().value_or(false)) {
                failed.push_back(k.id);
              }
            }
            msg += failed.empty() ? "\nevery must-meet KPI is met"
                                  : "\nmust-meet KPIs not met: " + util::join(failed, ", ");
            return msg;
          });
    };
  });

  struct ListOptions {
    std::string format;
    std::string out;
    std::vector<std::string> regions;
  };
  auto l = std::make_shared<ListOptions>();
  sub = poc->add_subcommand("list", "Planned and running demonstrators, with days left or overdue");
  sub->add_option("--format", l->format, "text, json, csv or markdown");
  sub->add_option("-o,--output", l->out, "Write to FILE (format from the extension)");
  sub->add_option("--region", l->regions,
                  "Only the POCs with a unit of their territory in region R (repeatable), "
                  "whatever the record's region")
      ->allow_extra_args(false);
  sub->footer("Examples:\n  innov poc list --format csv\n  innov poc list --region hdf");
  sub->callback(
      [l, &ctx] { ctx.run = [l, &ctx] { return run_list(ctx, l->format, l->out, l->regions); }; });
}

} // namespace innov::cmd
