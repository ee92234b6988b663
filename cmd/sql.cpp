// innov sql 'SELECT ...': read-only SQL over the index tables, for analysts.
#include "cmd/commands.hpp"
#include "cmd/output.hpp"
#include "cmd/portfolio_view.hpp"
#include "lib/index/sql_guard.hpp"
#include "lib/util/error.hpp"

#include <cmath>
#include <unistd.h>

namespace innov::cmd {

namespace {

struct SqlOptions {
  std::string query;
  std::string format;
  std::string out;
  double timeout = index::k_sql_default_seconds;
  double max_memory_mib = static_cast<double>(index::k_sql_default_heap_bytes >> 20);
};

index::SqlLimits limits_of(const SqlOptions& o)
{
  // At most a day and 1 TiB: limits, not a way to overflow a clock or a counter.
  if (!std::isfinite(o.timeout) || o.timeout <= 0 || o.timeout > 86400) {
    throw UsageError("--timeout must be a number of seconds above 0 and at most 86400");
  }
  if (!std::isfinite(o.max_memory_mib) || o.max_memory_mib < 1 || o.max_memory_mib > 1048576) {
    throw UsageError("--max-memory must be a number of MiB from 1 to 1048576");
  }
  return {o.timeout, static_cast<std::int64_t>(o.max_memory_mib * 1024 * 1024)};
}

report::Table table_of(const index::SqlResult& r)
{
  report::Table t;
  for (std::size_t c = 0; c < r.columns.size(); ++c) {
    t.columns.push_back({r.columns[c], r.numeric[c]});
  }
  for (const auto& row : r.rows) {
    std::vector<report::Cell> cells;
    for (const auto& cell : row) {
      switch (cell.kind) {
      case index::SqlCell::Kind::null:
        cells.push_back(report::Cell::none());
        break;
      case index::SqlCell::Kind::number:
        cells.push_back(report::Cell::num(cell.number));
        break;
      case index::SqlCell::Kind::text:
        cells.push_back(report::Cell::str(cell.text));
        break;
      }
    }
    t.add_row(std::move(cells));
  }
  return t;
}

int run_sql(const Context& ctx, const SqlOptions& o)
{
  std::string format = resolve_format(o.format, o.out, {"text", "json", "csv", "markdown"});
  auto limits = limits_of(o);
  index::SqlResult result;
  if (auto fed = find_federation(ctx)) {
    // Each member keeps its own index: the query runs in each, and its rows follow one another,
    // a first column naming the member (an aggregate is one per member).
    for (const auto& m : fed->members) {
      Context mc = member_context(ctx, m);
      auto start = start_read(mc);
      auto idx = open_index(mc, start);
      auto one = index::run_read_only_sql(*idx, o.query, limits);
      if (result.columns.empty()) {
        result.columns = one.columns;
        result.columns.insert(result.columns.begin(), "portfolio");
        result.numeric = one.numeric;
        result.numeric.insert(result.numeric.begin(), false);
      }
      for (std::size_t c = 0; c < one.numeric.size() && c + 1 < result.numeric.size(); ++c) {
        result.numeric[c + 1] = result.numeric[c + 1] || one.numeric[c];
      }
      for (auto& row : one.rows) {
        index::SqlCell name;
        name.kind = index::SqlCell::Kind::text;
        name.text = m.name;
        row.insert(row.begin(), std::move(name));
        result.rows.push_back(std::move(row));
      }
    }
  } else {
    auto start = start_read(ctx);
    auto idx = open_index(ctx, start);
    result = index::run_read_only_sql(*idx, o.query, limits);
  }
  write_output(
      render_table(table_of(result), format, o.out.empty() && use_color(ctx, STDOUT_FILENO)),
      o.out);
  return 0;
}

} // namespace

void register_sql(CLI::App& app, Context& ctx)
{
  auto o = std::make_shared<SqlOptions>();
  auto* sub = app.add_subcommand("sql", "Run a read-only SQL query over the index tables");
  sub->add_option("QUERY", o->query, "One SELECT statement")->required();
  sub->add_option("--format", o->format, "text, json, csv or markdown");
  sub->add_option("-o,--output", o->out, "Write to FILE (format from the extension)");
  sub->add_option("--timeout", o->timeout, "Stop the query after SECONDS (default 10)");
  sub->add_option("--max-memory", o->max_memory_mib,
                  "Stop the query when it needs more than MIB MiB of memory (default 256)");
  sub->footer(
      "Writes, ATTACH, PRAGMA and load_extension are refused (exit 2). A query over its time or "
      "memory limit is stopped (exit 1).\n\nExamples:\n"
      "  innov sql 'SELECT status, count(*) AS n FROM innovations GROUP BY status ORDER BY n "
      "DESC'\n"
      "  innov sql 'SELECT region, sum(amount) FROM realized GROUP BY region' --format csv\n\n"
      "In a national portfolio the query runs in each member's index; the rows come member\n"
      "by member, after a first column 'portfolio'.");
  sub->callback([o, &ctx] { ctx.run = [o, &ctx] { return run_sql(ctx, *o); }; });
}

} // namespace innov::cmd
