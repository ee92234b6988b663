// innov diff [REV1..REV2 | REV]: what changed in governance terms between two states of the
// portfolio, the committee's minutes (lib/report/diff.hpp).
#include "lib/report/diff.hpp"

#include "cmd/commands.hpp"
#include "cmd/mutation.hpp"
#include "cmd/output.hpp"
#include "cmd/portfolio_view.hpp"
#include "lib/git/revision.hpp"
#include "lib/util/error.hpp"

#include <algorithm>

namespace innov::cmd {

namespace {

struct DiffOptions {
  std::string range;
  std::vector<std::string> regions;
  std::string format;
  std::string out;
};

// The two revisions of REV1..REV2 (either side left out: HEAD) or REV (the second: "", the work
// tree); nothing given: HEAD against the work tree.
std::pair<std::string, std::string> parse_range(const std::string& range)
{
  if (range.empty()) {
    return {"HEAD", ""};
  }
  if (range.find("...") != std::string::npos) {
    throw UsageError("'" + range + "': innov diff compares two states, REV1..REV2, not REV1...REV2",
                     "innov diff comite-2016-12..HEAD");
  }
  auto dots = range.find("..");
  if (dots == std::string::npos) {
    return {range, ""};
  }
  std::string from = range.substr(0, dots);
  std::string to = range.substr(dots + 2);
  if (to.find("..") != std::string::npos) {
    throw UsageError("'" + range + "' names more than two revisions",
                     "innov diff REV1..REV2, or innov diff REV for REV against the work tree");
  }
  return {from.empty() ? "HEAD" : from, to.empty() ? "HEAD" : to};
}

// The valid records of the portfolio as committed at rev (a read-only copy, git::checkout), or of
// the work tree when rev is empty.
PortfolioView load_state(const Context& ctx, const std::filesystem::path& root,
                         const std::string& rev, std::string& commit)
{
  if (rev.empty()) {
    return open_view(ctx);
  }
  auto checkout = git::checkout(root, rev);
  commit = checkout.commit;
  Context at_rev = ctx;
  at_rev.portfolio_dirs = {checkout.root.string()};
  return open_view(at_rev);
}

int run_diff(const Context& ctx, const DiffOptions& o)
{
  std::string format = resolve_format(o.format, o.out, {"text", "markdown", "json", "html"});
  auto root = find_portfolio_root(ctx);
  auto [from, to] = parse_range(o.range);
  report::MinutesRange range;
  range.from_rev = from;
  range.to_rev = to.empty() ? "work tree" : to;
  auto before = load_state(ctx, root, from, range.from_commit);
  auto after = load_state(ctx, root, to, range.to_commit);
  for (const auto& r : o.regions) {
    check_region(after.config, r);
  }
  auto keep = [&o](std::vector<model::Innovation>& records) {
    if (!o.regions.empty()) {
      std::erase_if(records, [&o](const model::Innovation& r) {
        return std::find(o.regions.begin(), o.regions.end(), r.region) == o.regions.end();
      });
    }
  };
  keep(before.portfolio.records);
  keep(after.portfolio.records);
  range.portfolio = after.config.portfolio;
  auto minutes = report::compare_portfolios(before.portfolio.records, after.portfolio.records);
  write_report(ctx, report::minutes_report(minutes, range), format, o.out);
  return 0;
}

} // namespace

void register_diff(CLI::App& app, Context& ctx)
{
  auto o = std::make_shared<DiffOptions>();
  auto* sub = app.add_subcommand(
      "diff", "What changed in governance terms between two commits: the committee's minutes");
  sub->add_option("RANGE", o->range,
                  "REV1..REV2 (a side left out: HEAD), or REV: from REV to the work tree "
                  "(default: HEAD)");
  sub->add_option("--region", o->regions, "Only records of this region (repeatable)");
  sub->add_option("--format", o->format, "text, markdown, json or html")
      ->check(CLI::IsMember({"text", "markdown", "json", "html"}));
  sub->add_option("-o,--output", o->out, "Write to FILE; the format follows its extension");
  sub->footer(
      "Compares the records of two states of the portfolio, by id: new ideas and practices,\n"
      "opinions (advisory ones flagged), state changes, decisions (overrides flagged OVERRIDE),\n"
      "POCs planned, started and closed with their KPI results, roll-out waves done, realized\n"
      "value added, records merged, withdrawn or removed; grouped by region and kind, with\n"
      "totals. Tag each committee (git tag comite-2016-12) and the minutes of the next one are\n"
      "the diff since that tag. Neither the work tree nor git's index is touched.\n\n"
      "Examples:\n"
      "  innov diff comite-2016-12..HEAD\n"
      "  innov diff comite-2016-12            # to the work tree, uncommitted changes included\n"
      "  innov diff comite-2016-12..comite-2017-03 --region hdf -o minutes.html\n"
      "  innov diff HEAD~3..HEAD --format json");
  sub->callback([o, &ctx] { ctx.run = [o, &ctx] { return run_diff(ctx, *o); }; });
}

} // namespace innov::cmd
