// Query terms (lib/model/query.hpp) turned into parameterised SQL over the index tables, for
// `idea list` and `export`. Terms on one field OR, different fields AND; `not:` terms exclude;
// free words are full-text (FTS5) matches. User text is always bound, never spliced into SQL.
#pragma once

#include "lib/model/config.hpp"
#include "lib/model/query.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace innov::index {

// SQL text and the values bound to its `?` placeholders, in order.
struct SqlQuery {
  std::string sql;
  std::vector<std::variant<std::string, std::int64_t>> params;
};

// The fields `--sort` accepts (a leading '-' sorts descending).
const std::vector<std::string>& sort_fields();

// Checks the values of q against the lifecycle and the configuration (status, kind, source,
// horizon, region, theme, created, likes); UsageError with a did-you-mean for an unknown one.
void check_query(const model::Query& q, const model::Config& config);

// `SELECT i.id, i.kind, i.status, i.region, i.created, i.likes, i.title, i.path FROM innovations i
// WHERE ... ORDER BY ... [LIMIT n]` for q. sort: a sort field, optionally prefixed with '-'; ties
// are broken by id. limit 0: no limit. UsageError for an unknown sort field.
SqlQuery list_sql(const model::Query& q, const std::string& sort, std::size_t limit);

// One record as `idea list` shows it.
struct ListRow {
  std::string id;
  std::string kind;
  std::string status;
  std::string region;
  std::string created;
  std::int64_t likes = 0;
  std::string title;
  std::string path;
};

// Runs list_sql(q, sort, limit) on db.
std::vector<ListRow> list_records(SQLite::Database& db, const model::Query& q,
                                  const std::string& sort, std::size_t limit);

// Binds params to s in order.
void bind_all(SQLite::Statement& s, const SqlQuery& q);

} // namespace innov::index
