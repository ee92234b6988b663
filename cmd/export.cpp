// innov export csv|json [QUERY...] [-o FILE]: records out, for spreadsheets and other tools.
#include "lib/report/export.hpp"

#include "cmd/commands.hpp"
#include "cmd/output.hpp"
#include "cmd/portfolio_view.hpp"
#include "lib/index/query.hpp"
#include "lib/model/query.hpp"
#include "lib/model/region_scope.hpp"
#include "lib/store/portfolio.hpp"
#include "lib/util/error.hpp"

#include <algorithm>
#include <iostream>
#include <map>
#include <tuple>

namespace innov::cmd {

namespace {

struct ExportOptions {
  std::string format;
  std::vector<std::string> query;
  std::string out;
  bool excel = false;
  std::string delimiter;
  std::vector<std::string> regions;
};

// delimiter_of is below run_export's callers' view: declared here.
char delimiter_of(const std::string& text);

void write_export(const ExportOptions& o, const std::vector<const model::Innovation*>& recs,
                  const model::Config& config)
{
  if (o.format == "json") {
    write_output(report::export_json(recs), o.out);
  } else {
    report::CsvStyle style = o.excel ? report::CsvStyle::excel() : report::CsvStyle{};
    if (!o.delimiter.empty()) {
      style.delimiter = delimiter_of(o.delimiter);
    }
    write_output(report::render_csv(report::export_table(recs, config), true, style), o.out);
  }
}

// The records of every member of a national portfolio (portfolio_view.hpp), in the order of `idea
// list`: by creation date, then id.
int run_export_federated(const Context& ctx, const ExportOptions& o, const model::Query& query)
{
  auto view = open_view(ctx, index::Decode::all, query);
  auto& all = view.portfolio.records;
  std::stable_sort(all.begin(), all.end(), [](const auto& a, const auto& b) {
    return std::tie(a.created, a.id) < std::tie(b.created, b.id);
  });
  model::RegionScope scope(view.config, o.regions);
  std::vector<const model::Innovation*> recs;
  for (const auto& rec : all) {
    if (scope.touches(rec)) {
      recs.push_back(&rec);
    }
  }
  write_export(o, recs, view.config);
  return k_exit_ok;
}

int run_export(const Context& ctx, const ExportOptions& o)
{
  auto query = model::parse_query(o.query);
  if (find_federation(ctx)) {
    return run_export_federated(ctx, o, query);
  }
  auto start = start_read(ctx);
  index::check_query(query, start.config);
  index::RefreshStats stats;
  auto idx = open_index(ctx, start, &stats);
  if (std::size_t bad = stats.files - stats.records; bad > 0 && !ctx.quiet) {
    std::cerr << "innov: warning: " << bad << " file" << (bad == 1 ? " has" : "s have")
              << " errors and " << (bad == 1 ? "is" : "are")
              << " left out (run 'innov validate')\n";
  }
  // The same selection and order as `idea list`: query terms on the index, by creation date.
  std::vector<index::ListRow> rows;
  idx->read([&](SQLite::Database& db) { rows = index::list_records(db, query, "created", 0); });
  std::map<std::string, model::Innovation> by_id;
  for (auto& r : idx->records()) {
    by_id.emplace(r.id, std::move(r));
  }
  model::RegionScope scope(start.config, o.regions);
  std::vector<const model::Innovation*> recs;
  for (const auto& row : rows) {
    const auto& rec = by_id.at(row.id);
    if (scope.touches(rec)) {
      recs.push_back(&rec);
    }
  }
  write_export(o, recs, start.config);
  return k_exit_ok;
}

// --delimiter: one ASCII character, or "tab"; not a quote, a line break or a decimal sign's rival.
char delimiter_of(const std::string& text)
{
  if (text == "tab" || text == "\\t" || text == "\t") {
    return '\t';
  }
  if (text.size() != 1 || text == "\"" || text == "\n" || text == "\r" ||
      static_cast<unsigned char>(text[0]) >= 0x80) {
    throw UsageError("--delimiter '" + text + "' is not one character",
                     "use ',', ';', '|' or 'tab'");
  }
  return text[0];
}

std::string columns_help()
{
  std::string out = "CSV columns:\n";
  for (const auto& c : report::export_columns()) {
    out += "  " + c.name + std::string(c.name.size() < 16 ? 16 - c.name.size() : 1, ' ') +
           c.meaning + "\n";
  }
  return out;
}

} // namespace

void register_export(CLI::App& app, Context& ctx)
{
  auto opts = std::make_shared<ExportOptions>();
  auto* sub =
      app.add_subcommand("export", "Write records as CSV (one flat row each) or as a JSON array");
  sub->add_option("FORMAT", opts->format, "csv or json")
      ->required()
      ->check(CLI::IsMember({"csv", "json"}));
  sub->add_option("QUERY", opts->query,
                  "Query terms as for 'idea list' (status:qualified region:idf ...)");
  sub->add_option("--region", opts->regions,
                  "Only records deposited in region R or with a POC, roll-out wave or realized "
                  "value there, whole (repeatable)")
      ->allow_extra_args(false);
  sub->add_option("-o,--output", opts->out, "Write to FILE instead of stdout");
  sub->add_flag("--excel", opts->excel,
                "CSV for Excel with a French locale: UTF-8 BOM, CRLF, ';' and a decimal comma");
  sub->add_option("--delimiter", opts->delimiter,
                  "The CSV separator: ',' (default), ';', 'tab'...");
  sub->footer(
      columns_help() +
      "\nCSV cells that start with = + - or @ get a leading ' so that spreadsheets do not "
      "run them as\n"
      "formulas. JSON holds every field of every record, with the YAML keys.\n\n"
      "Examples:\n"
      "  innov export csv -o portfolio.csv\n"
      "  innov export csv --excel -o portefeuille.csv      # opens in Excel (French locale)\n"
      "  innov export json status:generalized region:hdf > generalized-hdf.json\n"
      "  innov export csv --region hdf -o hdf.csv");
  sub->callback([opts, &ctx] { ctx.run = [opts, &ctx] { return run_export(ctx, *opts); }; });
}

} // namespace innov::cmd
