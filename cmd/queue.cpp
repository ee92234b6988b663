// innov queue: what each expert has to review, overdue first (assignments of innov assign).
#include "lib/report/queue.hpp"

#include "cmd/commands.hpp"
#include "cmd/mutation.hpp"
#include "cmd/output.hpp"
#include "cmd/portfolio_view.hpp"
#include "lib/model/reviews.hpp"
#include "lib/report/reports.hpp"
#include "lib/util/error.hpp"
#include "lib/util/text.hpp"

#include <algorithm>
#include <iostream>
#include <set>
#include <unistd.h>

namespace innov::cmd {

namespace {

struct QueueOptions {
  std::string expert;
  std::vector<std::string> regions;
  std::string as_of;
  std::string format;
  std::string out;
  MetaFlags meta;
};

int run_queue(const Context& ctx, const QueueOptions& o)
{
  std::string format = resolve_format(o.format, o.out, {"text", "json", "markdown"});
  report::ReportOptions options;
  options.as_of = o.as_of;
  options = report::checked_options(options);
  Context c = reading_context(ctx, o.meta, format);
  auto view = open_view(c, index::Decode::figures);
  for (const auto& r : o.regions) {
    check_region(view.config, r);
  }
  if (!o.expert.empty()) {
    std::set<std::string> known;
    for (const auto& e : model::declared_experts(view.config.roles)) {
      known.insert(e);
    }
    for (const auto& rec : view.portfolio.records) {
      for (const auto& a : rec.assignments) {
        known.insert(a.expert);
      }
    }
    if (!known.count(o.expert)) {
      std::vector<std::string> list(known.begin(), known.end());
      throw UsageError("unknown expert '" + o.expert + "'" + util::did_you_mean(o.expert, list),
                       list.empty() ? "innov.yaml declares no experts and no record has an "
                                      "assignment"
                                    : "the experts declared in innov.yaml or assigned to a "
                                      "record: innov __complete expert");
    }
  }
  auto records = report::select_records(std::move(view.portfolio.records), options);
  if (!o.regions.empty()) {
    std::erase_if(records, [&](const model::Innovation& r) {
      return std::find(o.regions.begin(), o.regions.end(), r.region) == o.regions.end();
    });
  }
  util::Date today = options.as_of.empty() ? util::reading_day() : *util::parse_date(options.as_of);
  auto rep = report::queue_report(records, view.config, today, o.expert);
  write_report(ctx, with_provenance(std::move(rep), c, view.provenance, today), format, o.out);
  return 0;
}

} // namespace

void register_queue(CLI::App& app, Context& ctx)
{
  auto o = std::make_shared<QueueOptions>();
  auto* sub = app.add_subcommand("queue", "What each expert has to review, overdue first");
  sub->add_option("--expert", o->expert, "Only this expert's reviews");
  sub->add_option("--region", o->regions, "Only records of this region (repeatable)");
  sub->add_option("--as-of", o->as_of,
                  "The queue as it stood on DATE; a month (2016-10), quarter (2016-Q3) or year "
                  "(2016) means its last day");
  sub->add_option("--format", o->format, "text, markdown or json")
      ->check(CLI::IsMember({"text", "markdown", "json"}));
  sub->add_option("-o,--output", o->out, "Write to FILE; the format follows its extension");
  add_meta_flags(sub, o->meta);
  sub->get_option("--expert")->excludes("--region");
  sub->footer("A review is owed from innov assign until the expert gives an opinion (innov\n"
              "qualify) dated on or after it, while the record is open. Its due day is the\n"
              "one given to innov assign --due, else created + sla.qualification_days of\n"
              "innov.yaml (the day report pipeline counts a deposit late after).\n\n"
              "Examples:\n"
              "  innov queue\n"
              "  innov queue --expert expert-hdf-1\n"
              "  innov queue --region hdf --format json\n"
              "  innov queue --as-of 2016-06-30");
  sub->callback([o, &ctx] { ctx.run = [o, &ctx] { return run_queue(ctx, *o); }; });
}

} // namespace innov::cmd
