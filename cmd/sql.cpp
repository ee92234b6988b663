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

// Pragmas whose argument names a table or an index: they only read the schema.
bool is_schema_pragma(const char* name)
{
  for (const char* p : {"table_info", "table_xinfo", "table_list", "index_list", "index_info",
                        "index_xinfo", "foreign_key_list"}) {
    if (std::strcmp(name, p) == 0) {
      return true;
    }
  }
  return false;
}

// Refuses ATTACH/DETACH, transactions, PRAGMA writes and load_extension with a reason; writes are
// refused after preparing (sqlite3_stmt_readonly), since SQLite authorizes its own internal
// statements (full-text tables, schema parsing) through here too.
int authorize(void* refused, int action, const char* a1, const char* a2, const char*, const char*)
{
  auto* why = static_cast<std::string*>(refused);
  switch (action) {
  case SQLITE_FUNCTION:
    if (a2 && std::strcmp(a2, "load_extension") == 0) {
      *why = "the function load_extension() is not allowed";
      return SQLITE_DENY;
    }
    return SQLITE_OK;
  case SQLITE_ATTACH:
  case SQLITE_DETACH:
    *why = "ATTACH and DETACH are not allowed";
    return SQLITE_DENY;
  case SQLITE_TRANSACTION:
  case SQLITE_SAVEPOINT:
    *why = "transactions are not allowed (each query reads one consistent snapshot)";
    return SQLITE_DENY;
  case SQLITE_PRAGMA:
    if (a1 && a2 && !is_schema_pragma(a1)) {
      *why =
          std::string("PRAGMA ") + a1 + " = " + a2 + " is not allowed (pragmas may only be read)";
      return SQLITE_DENY;
    }
    return SQLITE_OK;
  default:
    return SQLITE_OK;
  }
}

// Refuses what is not exactly one statement that only reads.
void check_statement(sqlite3* db, const std::string& query)
{
  sqlite3_stmt* stmt = nullptr;
  const char* tail = nullptr;
  if (sqlite3_prepare_v2(db, query.c_str(), -1, &stmt, &tail) != SQLITE_OK) {
    return; // the error is reported when the statement is prepared again
  }
  bool writes = stmt && !sqlite3_stmt_readonly(stmt);
  sqlite3_finalize(stmt);
  if (writes) {
    throw UsageError(
        "refused: only SELECT queries are allowed (the index is read-only; change the YAML files "
        "with innov commands)",
        "innov sql is read-only; see docs/index.md 'The index tables'");
  }
  sqlite3_stmt* next = nullptr;
  int rc = sqlite3_prepare_v2(db, tail, -1, &next, nullptr);
  sqlite3_finalize(next);
  if (rc != SQLITE_OK || next) {
    throw UsageError("refused: more than one statement", "innov sql runs one SELECT statement");
  }
}

int run_sql(const Context& ctx, const std::string& query, const std::string& format_flag,
            const std::string& out)
{
  std::string format = resolve_format(format_flag, out, {"text", "json", "csv", "markdown"});
  auto start = start_read(ctx);
  auto idx = open_index(ctx, start);
  std::unique_ptr<SQLite::Database> ro;
  SQLite::Database* db = &idx->db();
  if (idx->mode() == index::Index::Mode::cached) {
    ro = std::make_unique<SQLite::Database>(idx->path(),
                                            SQLite::OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, 10000);
    db = ro.get();
  }
  db->exec("PRAGMA query_only = 1");
  sqlite3_db_config(db->getHandle(), SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, nullptr);
  std::string refused;
  sqlite3_set_authorizer(db->getHandle(), authorize, &refused);
  report::Table t;
  try {
    check_statement(db->getHandle(), query);
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
      throw UsageError("refused: " + refused,
                       "innov sql is read-only; see docs/index.md 'The index tables'");
    }
    throw UsageError(std::string("sql: ") + e.what(),
                     "the tables are listed in docs/index.md 'The index tables'");
  }
  sqlite3_set_authorizer(db->getHandle(), nullptr, nullptr);
  write_output(render_table(t, format, out.empty() && use_color(ctx, STDOUT_FILENO)), out);
  return 0;
}

} // namespace

void register_sql(CLI::App& app, Context& ctx)
{
  struct Options {
    std::string query;
    std::string format;
    std::string out;
  };
  auto o = std::make_shared<Options>();
  auto* sub = app.add_subcommand("sql", "Run a read-only SQL query over the index tables");
  sub->add_option("QUERY", o->query, "One SELECT statement")->required();
  sub->add_option("--format", o->format, "text, json, csv or markdown");
  sub->add_option("-o,--output", o->out, "Write to FILE (format from the extension)");
  sub->footer(
      "Writes, ATTACH, PRAGMA and load_extension are refused (exit 2).\n\nExamples:\n"
      "  innov sql 'SELECT status, count(*) AS n FROM innovations GROUP BY status ORDER BY n "
      "DESC'\n"
      "  innov sql 'SELECT region, sum(amount) FROM realized GROUP BY region' --format csv");
  sub->callback(
      [o, &ctx] { ctx.run = [o, &ctx] { return run_sql(ctx, o->query, o->format, o->out); }; });
}

} // namespace innov::cmd
