// innov qualify ID: an expert's qualification against the rubric of innov.yaml.
#include "cmd/commands.hpp"
#include "cmd/mutation.hpp"
#include "lib/model/authority.hpp"
#include "lib/model/opinions.hpp"
#include "lib/util/error.hpp"
#include "lib/util/text.hpp"

#include <fmt/format.h>

namespace innov::cmd {

namespace {

struct QualifyOptions {
  MutationFlags flags;
  std::string id;
  model::QualifyInput in;
  std::vector<std::string> scores;
};

int run_qualify(const Context& ctx, QualifyOptions& o)
{
  check_person(o.in.expert, "--expert");
  if (o.flags.by.empty()) {
    o.flags.by = o.in.expert;
  }
  auto actor = actor_of(o.flags);
  for (const auto& s : o.scores) {
    auto [crit, value] = split_assignment(s, "--score");
    o.in.scores.emplace_back(crit, parse_number(value, "--score " + crit));
  }
  return mutate_one(ctx, o.flags, o.id, [&](model::Innovation& rec, const model::Config& config) {
    check_region(config, o.in.region);
    stamp_now(actor, o.flags);
    // Checked before the change; the open-behaviour warning only once it is accepted.
    std::string warning = model::require_expert(config, o.in.expert, o.in.region, date_of(actor));
    auto r = model::qualify(rec, config, o.in, actor);
    if (!ctx.quiet) {
      defer_warning(warning);
    }
    const auto* given = model::opinion_in_force(rec, o.in.expert);
    std::string amends = given && !given->supersedes.empty()
                             ? " (amends the opinion of " + given->supersedes + ")"
                             : "";
    std::string msg = fmt::format("{} qualified {}: {}, weighted score {:.2f}{}; ", o.in.expert,
                                  rec.id, o.in.decision, r.score, amends);
    if (r.advisory) {
      msg += "advisory: " + rec.id + " is " + rec.status +
             ", an opinion past qualification does not move the state";
    } else if (r.moved_to) {
      msg += "now " + rec.status;
    } else {
      msg += "still " + rec.status + ": the qualification gate needs " +
             util::join(r.gate.missing, " and ");
    }
    return msg;
  });
}

} // namespace

void register_qualify(CLI::App& app, Context& ctx)
{
  auto o = std::make_shared<QualifyOptions>();
  auto* sub = app.add_subcommand("qualify", "Record an expert qualification against the rubric");
  sub->add_option("ID", o->id, "Record id or unique prefix")->required();
  sub->add_option("--expert", o->in.expert, "The expert (not the record's author)")->required();
  sub->add_option("--region", o->in.region, "The expert's regional direction")->required();
  sub->add_option("--score", o->scores, "CRITERION=N for every rubric criterion of innov.yaml")
      ->required();
  sub->add_option("--decision", o->in.decision, "go, reject, hold or needs-info")
      ->required()
      ->check(CLI::IsMember({"go", "reject", "hold", "needs-info"}));
  sub->add_option("--rationale", o->in.rationale, "Why");
  sub->add_flag("--amend", o->in.amend,
                "Supersede this expert's opinion in force (it stays in the record, marked)");
  add_mutation_flags(sub, o->flags, Records::at_and_by);
  sub->footer(
      "A go moves the record to qualified only when gates.qualification of innov.yaml holds\n"
      "(enough distinct experts saying go, mean weighted score at least min_score); reject,\n"
      "hold and needs-info move a record awaiting qualification at once.\n\n"
      "Several opinions: any expert may give one while the record is open, also once it is\n"
      "qualified (qualified to poc-done): such an opinion is advisory, recorded and shown,\n"
      "and never moves the state. An expert gives one opinion; --amend supersedes it with a\n"
      "later one that names it (supersedes: DATE): the earlier one stays in the record and\n"
      "counts in the score until the amendment's date (--as-of). Terminal records take none.\n\n"
      "When innov.yaml declares experts, --expert must be an expert of --region on the date\n"
      "(--at); otherwise the opinion is written with a warning (docs/roles.md).\n\n"
      "Example:\n"
      "  innov qualify k3m9 --expert expert-hdf-2 --region hdf --decision go \\\n"
      "    --score value_jobseekers=4 --score value_employers=5 --score value_staff=3 \\\n"
      "    --score feasibility=4 --score scalability=4 --rationale 'Fort potentiel'\n"
      "  innov qualify k3m9 --expert expert-hdf-2 --region hdf --decision hold --amend \\\n"
      "    --score value_jobseekers=4 --score value_employers=5 --score value_staff=3 \\\n"
      "    --score feasibility=2 --score scalability=3 --rationale 'Coût à préciser'");
  sub->callback([o, &ctx] { ctx.run = [o, &ctx] { return run_qualify(ctx, *o); }; });
}

} // namespace innov::cmd
