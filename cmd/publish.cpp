// innov publish DIR: the portfolio as a static site and a versioned JSON API, under the
// publication policy of innov.yaml (docs/publish.md).
#include "cmd/challenge_files.hpp"
#include "cmd/commands.hpp"
#include "cmd/output.hpp"
#include "cmd/portfolio_view.hpp"
#include "lib/publish/build.hpp"
#include "lib/report/json.hpp"
#include "lib/report/reports.hpp"
#include "lib/store/portfolio.hpp"
#include "lib/util/error.hpp"
#include "lib/util/read.hpp"

#include <cstdlib>
#include <iostream>

namespace innov::cmd {

namespace {

struct PublishFlags {
  std::string dir;
  std::string as_of;
  std::string secret_file;
  std::string format;
  bool dry_run = false;
};

// The secret of the pseudonyms: --secret-file (its first line), else INNOV_PUBLISH_SECRET.
std::string publish_secret(const PublishFlags& f)
{
  if (!f.secret_file.empty()) {
    std::string text = util::read_file(f.secret_file, 4096, "a secret file");
    std::string line = text.substr(0, text.find('\n'));
    if (!line.empty() && line.back() == '\r') {
      line.pop_back();
    }
    if (line.empty()) {
      throw UsageError("the secret file " + f.secret_file + " is empty",
                       "write a long random line into it (e.g. 'openssl rand -hex 32')");
    }
    return line;
  }
  const char* env = std::getenv("INNOV_PUBLISH_SECRET");
  return env ? env : "";
}

void print_summary(const publish::SyncPlan& plan, const PublishFlags& f)
{
  if (f.format == "json") {
    report::JsonWriter w;
    w.begin_object().key("dir").value(f.dir).key("dry_run").value(f.dry_run);
    w.key("written").value(plan.written.size()).key("unchanged").value(plan.unchanged.size());
    w.key("removed").value(plan.removed.size());
    w.key("files").begin_object();
    w.key("written").begin_array();
    for (const auto& p : plan.written) {
      w.value(p);
    }
    w.end_array().key("removed").begin_array();
    for (const auto& p : plan.removed) {
      w.value(p);
    }
    w.end_array().end_object().end_object();
    std::cout << w.str();
    return;
  }
  if (f.dry_run) {
    for (const auto& p : plan.written) {
      std::cout << "write  " << p << "\n";
    }
    for (const auto& p : plan.removed) {
      std::cout << "remove " << p << "\n";
    }
  }
  std::cout << plan.written.size() << (f.dry_run ? " to write, " : " written, ")
            << plan.unchanged.size() << " unchanged, " << plan.removed.size()
            << (f.dry_run ? " to remove" : " removed") << " (" << f.dir << ")\n";
}

int run_publish(const Context& ctx, const PublishFlags& f)
{
  std::string secret = publish_secret(f);
  Context c = ctx;
  c.provenance = true;
  report::ReportOptions options;
  options.as_of = f.as_of;
  options = report::checked_options(options);
  // The free text of a record is public only once generalized (text: generalized, the default):
  // the others are read without it, a third less work. `text: all` reads them again whole.
  auto view = open_view(c, index::Decode::without_text, publish::ever_generalized);
  if (view.config.publication.text == "all") {
    Context again = c;
    again.quiet = true; // its warnings were given
    view = open_view(again, index::Decode::all);
  }
  publish::Portfolio all;
  all.config = view.config;
  all.challenges = read_challenges(c, view.root, view.config);
  all.records = report::select_records(std::move(view.portfolio.records), options);
  publish::Input in;
  in.pub = publish::make_public(std::move(all), secret);
  in.today = options.as_of.empty() ? util::reading_day() : *util::parse_date(options.as_of);
  in.provenance = view.provenance;
  publish::Sync sync(f.dir, f.dry_run);
  publish::build(
      in, [&](const std::string& rel, std::string bytes) { sync.add(rel, std::move(bytes)); });
  auto plan = sync.finish();
  if (!ctx.quiet || f.format == "json") {
    print_summary(plan, f);
  }
  return k_exit_ok;
}

} // namespace

void register_publish(CLI::App& app, Context& ctx)
{
  auto f = std::make_shared<PublishFlags>();
  auto* sub = app.add_subcommand(
      "publish", "Write the portfolio as a static site and a versioned JSON API (api/v1/)");
  sub->add_option("DIR", f->dir,
                  "The folder to publish into: created when missing; else one an earlier "
                  "publish made (only changed files are rewritten)")
      ->required();
  sub->add_option("--as-of", f->as_of,
                  "The portfolio as it stood on DATE; a month (2016-10), quarter (2016-Q3) or "
                  "year (2016) means its last day");
  sub->add_option("--secret-file", f->secret_file,
                  "The secret of the pseudonyms, first line of FILE (else INNOV_PUBLISH_SECRET); "
                  "keep it out of the repository");
  sub->add_flag("--dry-run", f->dry_run, "List what would be written and removed; write nothing");
  sub->add_option("--format", f->format, "text or json (the summary)")
      ->check(CLI::IsMember({"text", "json"}));
  sub->footer(
      "Writes index.html (the home, with the reports), one page per innovation, region and\n"
      "challenge, search.html (works from file://, no server), and api/v1/ (innovations.json\n"
      "and its pages by year, one document per record, challenge and report, openapi.json).\n"
      "What is public follows 'publication:' in innov.yaml; people appear as pseudonyms, keyed\n"
      "by a secret kept out of the repository (docs/publish.md). The same commit and day give\n"
      "the same bytes (the day: --as-of, INNOV_NOW or SOURCE_DATE_EPOCH, else today).\n\n"
      "Examples:\n"
      "  INNOV_PUBLISH_SECRET=$(cat ~/.innov-secret) innov publish public/\n"
      "  innov publish public/ --secret-file ~/.innov-secret --dry-run\n"
      "  innov publish site/ --rev comite-2016-12 --secret-file secret.txt --format json\n"
      "  SOURCE_DATE_EPOCH=$(git log -1 --format=%ct) innov publish public/");
  sub->callback([f, &ctx] { ctx.run = [f, &ctx] { return run_publish(ctx, *f); }; });
}

} // namespace innov::cmd
