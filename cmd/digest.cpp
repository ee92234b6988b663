// innov digest: what was recorded in a period and what needs attention, for mail or chat.
#include "lib/report/digest.hpp"

#include "cmd/commands.hpp"
#include "cmd/mutation.hpp"
#include "cmd/output.hpp"
#include "cmd/portfolio_view.hpp"
#include "lib/git/history.hpp"
#include "lib/store/load.hpp"
#include "lib/store/record_fast.hpp"
#include "lib/store/record_io.hpp"
#include "lib/store/record_yaml.hpp"
#include "lib/util/error.hpp"

#include <algorithm>
#include <set>
#include <unistd.h>

namespace innov::cmd {

namespace {

struct DigestOptions {
  std::string since;
  std::vector<std::string> regions;
  long soon = 30;
  std::string format;
  std::string out;
  MetaFlags meta;
};

// --since: Nd (N days before today) or a date; UsageError otherwise or when after today.
util::Date since_day(const std::string& text, const util::Date& today)
{
  util::Date day;
  if (text.size() >= 2 && text.back() == 'd' &&
      text.find_first_not_of("0123456789") == text.size() - 1 && text.size() <= 6) {
    long n = std::stol(text.substr(0, text.size() - 1));
    day = util::civil_from_days(util::days_from_civil(today) - n);
  } else if (auto d = util::parse_date(text)) {
    day = *d;
  } else {
    throw UsageError("--since '" + text +
                         "' is neither a number of days (7d) nor a date "
                         "(YYYY-MM-DD)",
                     "innov digest --since 7d, or --since 2016-03-01");
  }
  if (day > today) {
    throw UsageError("--since " + util::format_date(day) + " is after today (" +
                     util::format_date(today) + ")");
  }
  return day;
}

// A committed version of a record file; nullopt when it does not read as a record.
std::optional<model::Innovation> read_version(const std::string& text)
{
  if (auto rec = store::read_record_fast(text)) {
    return rec;
  }
  util::Diagnostics ignored;
  auto node = store::load_yaml(text, "", ignored);
  if (!node) {
    return std::nullopt;
  }
  try {
    return store::innovation_from_node(*node);
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

// The versions of the records whose file changed since `since`, by record id (git).
std::map<std::string, report::RecordVersions>
committed_versions(const std::filesystem::path& root, const std::vector<model::Innovation>& records,
                   const std::string& since)
{
  auto changed = git::changed_since(root, since);
  std::set<std::string> paths(changed.begin(), changed.end());
  std::map<std::string, std::string> path_of; // id -> path, from the file names
  for (const auto& [id, rel] : store::record_ids(root)) {
    path_of.emplace(id, rel);
  }
  std::map<std::string, report::RecordVersions> out;
  for (const auto& rec : records) {
    auto it = path_of.find(rec.id);
    if (it == path_of.end() || !paths.count(it->second)) {
      continue;
    }
    report::RecordVersions v;
    for (const auto& version : git::versions(root / it->second)) {
      auto past = version.text.empty() ? std::nullopt : read_version(version.text);
      if (version.date < since) {
        v.before = std::move(past);
      } else if (past) {
        v.during.emplace_back(version.date, std::move(*past));
      }
    }
    out.emplace(rec.id, std::move(v));
  }
  return out;
}

int run_digest(const Context& ctx, const DigestOptions& o)
{
  std::string format = resolve_format(o.format, o.out, {"text", "markdown", "json"});
  report::DigestInput in;
  in.today = util::reading_day();
  in.since = since_day(o.since, in.today);
  in.soon_days = o.soon;
  if (!ctx.rev.empty()) {
    throw UsageError("innov digest tells what changed since a date in the work tree: it does not "
                     "take --rev",
                     "'innov diff REV' lists what changed since a commit");
  }
  Context c = reading_context(ctx, o.meta, format);
  auto view = open_view(c, index::Decode::figures);
  for (const auto& r : o.regions) {
    check_region(view.config, r);
  }
  if (git::in_work_tree(view.root)) {
    in.versions =
        committed_versions(view.root, view.portfolio.records, util::format_date(in.since));
  }
  in.config = view.config;
  in.records = std::move(view.portfolio.records);
  if (!o.regions.empty()) {
    std::erase_if(in.records, [&](const model::Innovation& r) {
      return std::find(o.regions.begin(), o.regions.end(), r.region) == o.regions.end();
    });
  }
  auto rep = report::digest_report(in);
  write_report(ctx, with_provenance(std::move(rep), c, view.provenance, in.today), format, o.out);
  return 0;
}

} // namespace

void register_digest(CLI::App& app, Context& ctx)
{
  auto o = std::make_shared<DigestOptions>();
  auto* sub = app.add_subcommand(
      "digest", "What was recorded in a period, overdue reviews and POCs ending soon");
  sub->add_option("--since", o->since, "7d (that many days before today) or a date (YYYY-MM-DD)")
      ->required();
  sub->add_option("--region", o->regions, "Only records of this region (repeatable)");
  sub->add_option("--soon", o->soon, "POCs whose planned end is within this many days")
      ->default_val(30)
      ->check(count_check());
  sub->add_option("--format", o->format, "text, markdown or json")
      ->check(CLI::IsMember({"text", "markdown", "json"}));
  sub->add_option("-o,--output", o->out, "Write to FILE; the format follows its extension");
  add_meta_flags(sub, o->meta);
  sub->footer(
      "The period runs from --since to today, both included. In a git repository a fact\n"
      "counts on the day a commit first held it (so one back-dated with --at is not missed;\n"
      "not yet committed: today); elsewhere on its own date (created, at).\n\n"
      "Examples:\n"
      "  innov digest --since 7d\n"
      "  innov digest --since 7d --region hdf --format markdown | mail -s 'Innovation' dr-hdf\n"
      "  innov digest --since 2016-03-01 --format json");
  sub->callback([o, &ctx] { ctx.run = [o, &ctx] { return run_digest(ctx, *o); }; });
}

} // namespace innov::cmd
