// innov import csv FILE --map COLUMN=FIELD...: records in from an idea-box platform's export.
#include "cmd/commands.hpp"
#include "lib/store/csv_import.hpp"
#include "lib/util/error.hpp"
#include "lib/util/escape.hpp"
#include "lib/util/fs.hpp"
#include "lib/util/text.hpp"

#include <iostream>
#include <optional>

namespace innov::cmd {

namespace {

struct ImportOptions {
  std::string format;
  std::string file;
  std::vector<std::string> map;
  std::string delimiter = ",";
  bool skip_invalid = false;
  bool dry_run = false;
};

void print_problems(const std::string& file, const store::ImportPlan& plan)
{
  for (const auto& p : plan.problems) {
    std::cerr << util::escape_terminal(
                     file + ":" + std::to_string(p.line) + ": error: row " + std::to_string(p.row) +
                     (p.column.empty() ? std::string() : ", column '" + p.column + "'") + ": " +
                     p.message)
              << "\n";
  }
}

int run_import(const Context& ctx, const ImportOptions& o)
{
  if (o.delimiter.size() != 1) {
    throw UsageError("--delimiter must be one character, not '" + o.delimiter + "'");
  }
  std::vector<store::ColumnMap> map;
  for (const auto& m : o.map) {
    map.push_back(store::parse_column_map(m));
  }
  auto root = find_portfolio_root(ctx);
  auto rows = [&] {
    try {
      return store::read_csv(o.file, o.delimiter[0]);
    } catch (const DataError& e) {
      throw DataError("'" + o.file + "': " + e.what(), e.hint());
    }
  }();
  std::optional<util::PortfolioLock> lock;
  if (!o.dry_run) {
    lock.emplace(root);
  }
  auto plan = store::plan_import(root, rows, map);
  std::size_t data_rows = rows.size() - 1;
  print_problems(o.file, plan);
  if (!plan.invalid_rows.empty() && !o.skip_invalid) {
    throw DataError(std::to_string(plan.invalid_rows.size()) + " of " + std::to_string(data_rows) +
                        " rows are invalid: nothing imported",
                    "fix the rows, or import the valid ones with --skip-invalid");
  }
  for (const auto& item : plan.records) {
    if (o.dry_run) {
      std::cout << "would create " << item.rel << "  " << util::escape_terminal(item.record.title)
                << "\n";
    } else {
      util::atomic_write(root / item.rel, item.text);
    }
  }
  if (!ctx.quiet || o.dry_run) {
    std::string summary = (o.dry_run ? "would import " : "imported ") +
                          std::to_string(plan.records.size()) + " record" +
                          (plan.records.size() == 1 ? "" : "s");
    if (plan.already_imported > 0) {
      summary += ", " + std::to_string(plan.already_imported) + " already imported";
    }
    if (!plan.invalid_rows.empty()) {
      summary += ", " + std::to_string(plan.invalid_rows.size()) + " invalid row" +
                 (plan.invalid_rows.size() == 1 ? "" : "s") + " skipped";
    }
    std::cout << summary << "\n";
  }
  return k_exit_ok;
}

} // namespace

void register_import(CLI::App& app, Context& ctx)
{
  auto opts = std::make_shared<ImportOptions>();
  auto* sub =
      app.add_subcommand("import", "Create records from a CSV export of an idea-box platform");
  sub->add_option("FORMAT", opts->format, "csv")->required()->check(CLI::IsMember({"csv"}));
  sub->add_option("FILE", opts->file, "The CSV file: a header row, then one row per idea")
      ->required();
  sub->add_option("--map", opts->map,
                  "COLUMN=FIELD: fill FIELD from the column named COLUMN in the header (repeat)")
      ->required();
  sub->add_option("--delimiter", opts->delimiter, "Field separator (default ',')");
  sub->add_flag("--skip-invalid", opts->skip_invalid,
                "Import the valid rows and list the invalid ones");
  sub->add_flag("--dry-run", opts->dry_run, "Show what would be created; write nothing");
  sub->footer("Fields: " + util::join(store::import_fields(), ", ") +
              " (date = created, themes = theme).\n"
              "Required: " +
              util::join(store::required_import_fields(), ", ") +
              ". kind defaults to idea, source to internal.\n"
              "Lists (likes, theme) are separated by ';', ',' or spaces. A count of likes cannot "
              "be imported:\n"
              "innov keeps who liked; leave such a column unmapped. Dates: 2016-03-02, "
              "2016-03-02T10:12:00Z,\n"
              "02/03/2016 (day first). A row whose external_ref a record already holds is skipped, "
              "so importing\n"
              "the same file again creates no duplicates. Every bad row is reported with its row, "
              "line and\n"
              "column; nothing is written unless all rows are valid (or --skip-invalid).\n\n"
              "Examples:\n"
              "  innov import csv ideas.csv --map Id=external_ref --map Titre=title --map "
              "Auteur=author \\\n"
              "      --map Region=region --map Date=created --map Soutiens=likes --dry-run");
  sub->callback([opts, &ctx] { ctx.run = [opts, &ctx] { return run_import(ctx, *opts); }; });
}

} // namespace innov::cmd
