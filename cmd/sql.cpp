// innov sql 'SELECT ...': read-only SQL over the index tables, for analysts.
#include "cmd/commands.hpp"
#include "cmd/output.hpp"
#include "cmd/portfolio_view.hpp"
#include "lib/util/error.hpp"

#include <cstring>
#include <sqlite3.h>
#include <unistd.h>

namespace innov::cmd {

namespace {

// Refuses everything but reading: writes, ATTACH/DETACH, PRAGMA, load_extension.
int authorize(void* refused, int action, const char* a1, const char* a2, const char*, const char*)
{
  auto* why = static_cast<std::string*>(refused);
  switch (action) {
  case SQLITE_SELECT:
  case SQLITE_READ:
  case SQLITE_RECURSIVE:
    return SQLITE_OK;
  case SQLITE_FUNCTION:
    if (a2 && (std::strcmp(a2, "load_extension") == 0 || std::strcmp(a2, "readfile") == 0 ||
               std::strcmp(a2, "writefile") == 0)) {
      *why = std::string("the function ") + a2 + "() is not allowed";
      return SQLITE_DENY;
    }
    return SQLITE_OK;
  case SQLITE_ATTACH:
  case SQLITE_DETACH:
    *why = "ATTACH and DETACH are not allowed";
    return SQLITE_DENY;
  case SQLITE_PRAGMA:
    *why = std::string("PRAGMA ") + (a1 ? a1 : "") + " is not allowed";
    return SQLITE_DENY;
  default:
    *why = "only SELECT queries are allowed (the index is read-only; change the YAML files with innov commands)";
    return SQLITE_DENY;
  }
}

int run_sql(const Context& ctx, const std::string& query, const std::string& format_flag, const std::string& out)
{
  std::string format = resolve_format(format_flag, out, {"text", "json", "csv", "markdown"});
  auto root = find_portfolio_root(ctx);
  auto config = store::require_config(root);
  auto idx = open_index(ctx, root, config);
  std::unique_ptr<SQLite::Database> ro;
  SQLite::Database* db = &idx->db();
  if (idx->mode() == index::Index::Mode::cached) {
    ro = std::make_unique<SQLite::Database>(idx->path(), SQLite::OPEN_READONLY, 10000);
    db = ro.get();
  }
  db->exec("PRAGMA query_only = 1");
  sqlite3_db_config(db->getHandle(), SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, nullptr);
  std::string refused;
  sqlite3_set_authorizer(db->getHandle(), authorize, &refused);
  report::Table t;
  try {
    SQLite::Statement s(*db, query);
    for (int c = 0; c < s.getColumnCount(); ++c) {
      t.columns.push_back({s.getColumnName(c), false});
    }
    while (s.executeStep()) {
      std::vector<report::Cell> row;
      for (int c = 0; c < s.getColumnCount(); ++c) {
        auto col = s.getColumn(c);
        if (col.isNull()) {
          row.push_back(report::Cell::none());
        } else if (col.isInteger() || col.isFloat()) {
          row.push_back(report::Cell::num(col.getDouble()));
          t.columns[static_cast<std::size_t>(c)].right = true;
        } else {
          row.push_back(report::Cell::str(col.getString()));
        }
      }
      t.add_row(std::move(row));
    }
  } catch (const SQLite::Exception& e) {
    sqlite3_set_authorizer(db->getHandle(), nullptr, nullptr);
    if (!refused.empty()) {
      throw UsageError("refused: " + refused, "innov sql is read-only; see README 'The index tables'");
    }
    throw UsageError(std::string("sql: ") + e.what(), "the tables are listed in README 'The index tables'");
  }
  sqlite3_set_authorizer(db->getHandle(), nullptr, nullptr);
  write_output(render_table(t, format, out.empty() && use_color(ctx, STDOUT_FILENO)), out);
  return 0;
}

} // namespace

void register_sql(CLI::App& app, Context& ctx)
{
  struct Options
  {
    std::string query;
    std::string format;
    std::string out;
  };
  auto o = std::make_shared<Options>();
  auto* sub = app.add_subcommand("sql", "Run a read-only SQL query over the index tables");
  sub->add_option("QUERY", o->query, "One SELECT statement")->required();
  sub->add_option("--format", o->format, "text, json, csv or markdown");
  sub->add_option("-o,--output", o->out, "Write to FILE (format from the extension)");
  sub->footer("Writes, ATTACH, PRAGMA and load_extension are refused (exit 2).\n\nExamples:\n"
              "  innov sql 'SELECT status, count(*) AS n FROM innovations GROUP BY status ORDER BY n DESC'\n"
              "  innov sql 'SELECT region, sum(amount) FROM realized GROUP BY region' --format csv");
  sub->callback([o, &ctx] { ctx.run = [o, &ctx] { return run_sql(ctx, o->query, o->format, o->out); }; });
}

} // namespace innov::cmd
