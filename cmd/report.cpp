// innov report funnel|value|pipeline|participation|cycle-time|regions|review|challenges, and
// report poc ID.
#include "cmd/challenge_files.hpp"
#include "cmd/commands.hpp"
#include "cmd/output.hpp"
#include "cmd/portfolio_view.hpp"
#include "lib/report/poc_report.hpp"
#include "lib/report/reports.hpp"
#include "lib/store/portfolio.hpp"
#include "lib/util/error.hpp"

#include <algorithm>
#include <iostream>
#include <unistd.h>
#include <utility>

namespace innov::cmd {

namespace {

struct ReportFlags {
  report::ReportOptions options;
  std::vector<std::string> query;
  std::string format;
  std::string out;
  MetaFlags meta;
};

const char* describe(const std::string& name)
{
  if (name == "funnel")
    return "Records that reached each stage, conversion and median days between stages";
  if (name == "value")
    return "Estimated, projected and realized value, POC spend and ROI, top innovations";
  if (name == "pipeline")
    return "What sits in each open state, age and SLA breaches, oldest first";
  if (name == "participation")
    return "Distinct people who deposited, commented, liked or qualified; share of headcount";
  if (name == "cycle-time")
    return "p50 and p90 days of each lifecycle transition";
  if (name == "regions")
    return "The territorial map: records, demonstrators and roll-outs by region";
  if (name == "challenges")
    return "Per challenge: entries, qualified, POCs, generalized; incubation days awarded and used";
  return "The governance committee's pack: records awaiting a decision with their evidence";
}

int run_poc_report(const Context& ctx, const std::string& ref, const ReportFlags& f)
{
  std::string format = resolve_format(f.format, f.out, {"text", "json", "csv", "markdown", "html"});
  report::ReportOptions options = report::checked_options(f.options);
  Context c = reading_context(ctx, f.meta, format);
  auto view = open_view(c, index::Decode::figures);
  report::ReportInput in;
  in.config = view.config;
  in.options = options;
  in.records = report::select_records(std::move(view.portfolio.records), options);
  in.today = options.as_of.empty() ? util::reading_day() : *util::parse_date(options.as_of);
  write_report(ctx, with_provenance(report::poc_report(in, ref), c, view.provenance, in.today),
               format, f.out);
  return 0;
}

int run_report(const Context& ctx, const std::string& name, const ReportFlags& f)
{
  std::string format = resolve_format(f.format, f.out, {"text", "json", "csv", "markdown", "html"});
  report::ReportOptions options = report::checked_options(f.options);
  auto query = model::parse_query(f.query);
  auto today = options.as_of.empty() ? util::reading_day() : *util::parse_date(options.as_of);
  Context c = reading_context(ctx, f.meta, format);
  model::Provenance provenance;
  report::ReportInput in;
  // Stage rows carry no POC territory and match no query term: a --region or a query reads
  // whole records (funnel_counts_stage_rows is false with --region).
  if (name == "funnel" && query.empty() && report::funnel_counts_stage_rows(options)) {
    auto stages = open_stage_view(c); // narrow rows, not whole records (docs/index.md)
    provenance = stages.view.provenance;
    in.config = stages.view.config;
    in.options = options;
    in.today = today;
    in.answered = model::answered_ids(stages.rows);
    in.stage_rows = report::select_stage_rows(std::move(stages.rows), options);
  } else {
    auto decode = report::reads_people(name) ? index::Decode::without_text : index::Decode::figures;
    auto view = open_view(c, decode, query);
    provenance = view.provenance;
    in = report::report_input(std::move(view.portfolio.records), view.config, options, today);
    if (name == "challenges") {
      in.challenges = read_challenges(c, view.root, view.config);
    }
  }
  write_report(ctx, with_provenance(report::make_report(name, in), c, provenance, today), format,
               f.out);
  return 0;
}

} // namespace

void register_report(CLI::App& app, Context& ctx)
{
  auto* report = app.add_subcommand(
      "report", "Value and governance reports (text, markdown, csv, json, html)");
  report->require_subcommand(1);
  report->footer(
      "Every report ends with where its figures came from: the commit (read from .git),\n"
      "\"with uncommitted changes\" when the files read differ from it, the portfolio "
      "format\nand the day; json has it as \"meta\", csv with --meta; --no-meta leaves "
      "it out.\n\nEvery report takes query terms (as 'innov idea list': status:S theme:T "
      "created:2016 ...)\nand --region R (repeatable): the records deposited in R and "
      "the POCs, roll-out waves\nand realized value located in R; the report says "
      "what it counts.\n\n"
      "Examples:\n"
      "  innov report funnel\n"
      "  innov report review --region hdf\n"
      "  innov report regions --format html -o carte.html\n"
      "  innov report value theme:numerique --region idf --region hdf\n"
      "  innov report value --period quarter --format csv\n"
      "  innov report funnel --by region --as-of 2016-12-31\n"
      "  innov report value --as-of 2016-Q3\n"
      "  innov report participation --period month -o participation.html\n"
      "  innov report poc k4krvade --format markdown\n"
      "  innov report challenges --as-of 2016-12-31\n"
      "  innov report review -o comite.html");
  for (const auto& name : report::report_names()) {
    auto f = std::make_shared<ReportFlags>();
    auto* sub = report->add_subcommand(name, describe(name));
    sub->add_option("QUERY", f->query,
                    "Query terms, as 'innov idea list': status:S region:R theme:T kind:K "
                    "source:S challenge:ID author:A horizon:H id:PREFIX created:2016 likes:>10 "
                    "not:TERM, and free words");
    sub->add_option("--region", f->options.regions,
                    "Only region R (repeatable): records deposited there, and POCs, roll-out "
                    "waves and realized value located there")
        ->allow_extra_args(false);
    sub->add_option("--from", f->options.from, "Only records created on or after DATE");
    sub->add_option("--to", f->options.to, "Only records created on or before DATE");
    sub->add_option("--as-of", f->options.as_of,
                    "The portfolio as it stood on DATE (rebuilt from history); a month "
                    "(2016-10), quarter (2016-Q3) or year (2016) means its last day");
    if (name == "funnel" || name == "value" || name == "participation") {
      sub->add_option("--by", f->options.by,
                      "Group by region, theme, source, kind, horizon, challenge, author-kind "
                      "(the kinds of population of the authors and co-authors) or portfolio (the "
                      "member holding the record, in a national portfolio)")
          ->check(CLI::IsMember({"region", "theme", "source", "kind", "horizon", "challenge",
                                 "author-kind", "portfolio"}));
      sub->add_option("--period", f->options.period, "Columns over time: month, quarter or year")
          ->check(CLI::IsMember({"month", "quarter", "year"}));
    }
    if (name == "value") {
      sub->add_option("--top", f->options.top, "How many innovations in the top list")
          ->default_val(10)
          ->check(count_check());
    }
    sub->add_option("--format", f->format, "text, markdown, csv, json or html")
        ->check(CLI::IsMember({"text", "markdown", "csv", "json", "html"}));
    sub->add_option("-o,--output", f->out,
                    "Write to FILE; the format follows its extension (.html, .csv, .json, .md)");
    add_meta_flags(sub, f->meta);
    sub->footer("Examples:\n  innov report " + name + " --format json\n  innov report " + name +
                " --region hdf status:qualified" +
                (name == "review" ? "\n  innov report review --region hdf -o revue-hdf.html" : ""));
    sub->callback(
        [f, name, &ctx] { ctx.run = [f, name, &ctx] { return run_report(ctx, name, *f); }; });
  }
  auto pf = std::make_shared<ReportFlags>();
  auto ref = std::make_shared<std::string>();
  auto* poc = report->add_subcommand(
      "poc", "One demonstrator: KPIs from baseline to target per territory, spend, dates");
  poc->add_option("ID", *ref, "A record id (its POC), or RECORD/POC when it has several")
      ->required();
  poc->add_option("--as-of", pf->options.as_of,
                  "The demonstrator as it stood on DATE; a month (2016-10), quarter (2016-Q3) or "
                  "year (2016) means its last day");
  poc->add_option("--format", pf->format, "text, markdown, csv, json or html")
      ->check(CLI::IsMember({"text", "markdown", "csv", "json", "html"}));
  poc->add_option("-o,--output", pf->out,
                  "Write to FILE; the format follows its extension (.html, .csv, .json, .md)");
  add_meta_flags(poc, pf->meta);
  poc->footer("Examples:\n  innov report poc k4krvade\n  innov report poc 25q6tgc9/p1 --as-of "
              "2016-Q2\n  innov report poc k4kr -o demonstrateur.html");
  poc->callback(
      [pf, ref, &ctx] { ctx.run = [pf, ref, &ctx] { return run_poc_report(ctx, *ref, *pf); }; });
}

} // namespace innov::cmd
