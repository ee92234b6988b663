// innov assign ID --expert E: ask an expert for an opinion on a record (a review queue entry).
#include "cmd/commands.hpp"
#include "cmd/mutation.hpp"
#include "lib/model/authority.hpp"
#include "lib/model/reviews.hpp"
#include "lib/util/error.hpp"
#include "lib/util/text.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace innov::cmd {

namespace {

struct AssignOptions {
  MutationFlags flags;
  std::string id;
  std::string expert;
  std::string due;
};

int run_assign(const Context& ctx, AssignOptions& o)
{
  check_person(o.expert, "--expert");
  if (!o.due.empty()) {
    check_date(o.due, "--due");
  }
  auto actor = actor_of(o.flags);
  return mutate_one(ctx, o.flags, o.id, [&](model::Innovation& rec, const model::Config& config) {
    stamp_now(actor, o.flags);
    auto known = model::declared_experts(config.roles);
    if (config.roles.experts && std::find(known.begin(), known.end(), o.expert) == known.end()) {
      throw UsageError("'" + o.expert + "' is not an expert declared under experts in innov.yaml" +
                           util::did_you_mean(o.expert, known),
                       "the experts of " + rec.region +
                           " are declared under experts in "
                           "innov.yaml (innov __complete expert)");
    }
    // Who may assign: the edit rule of innov.yaml (an assignment changes someone else's record).
    model::require_edit(config, "edit", actor.by, rec, date_of(actor));
    std::string warning = model::require_expert(config, o.expert, rec.region, date_of(actor));
    model::assign(rec, o.expert, o.due, actor);
    if (!ctx.quiet) {
      defer_warning(warning);
    }
    auto it = std::find_if(
        rec.assignments.rbegin(), rec.assignments.rend(),
        [&](const model::Assignment& x) { return x.expert == o.expert && x.at == actor.at; });
    auto due = model::review_due(rec, *it, config);
    return fmt::format("{} assigned to review {} (by {}), due {}{}", o.expert, rec.id, actor.by,
                       due ? util::format_date(*due) : std::string("-"),
                       o.due.empty() ? fmt::format(" (sla.qualification_days: {} days after {})",
                                                   config.sla_qualification_days, rec.created)
                                     : "");
  });
}

} // namespace

void register_assign(CLI::App& app, Context& ctx)
{
  auto o = std::make_shared<AssignOptions>();
  auto* sub =
      app.add_subcommand("assign", "Ask an expert for an opinion on a record (review queue)");
  sub->add_option("ID", o->id, "Record id or unique prefix")->required();
  sub->add_option("--expert", o->expert, "The expert asked for an opinion")->required();
  sub->add_option("--due", o->due,
                  "The day the opinion is due (default: created + sla.qualification_days)");
  add_mutation_flags(sub, o->flags, Records::at_and_by);
  sub->footer(
      "The assignment is recorded in the record (assignments) and shows in innov queue until\n"
      "the expert gives an opinion (innov qualify) dated on or after it. When innov.yaml\n"
      "declares experts, --expert must be an expert of the record's region on the date (--at);\n"
      "who may assign (--by, default $INNOV_USER) follows edit.edit of innov.yaml\n"
      "(docs/queues.md).\n\n"
      "Examples:\n"
      "  innov assign k3m9 --expert expert-hdf-2\n"
      "  innov assign k3m9 --expert expert-hdf-2 --due 2016-05-15 --by dr-hdf --at 2016-04-02");
  sub->callback([o, &ctx] { ctx.run = [o, &ctx] { return run_assign(ctx, *o); }; });
}

} // namespace innov::cmd
