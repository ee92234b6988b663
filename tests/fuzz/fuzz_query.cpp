// Fuzz target: a query as `innov idea list` takes it. The bytes are split on whitespace into
// arguments as a shell would pass them; parse_query and check_query (against the base fixture's
// innov.yaml) may refuse them with a UsageError and nothing else. An accepted query is run as SQL
// on an index of the fixture's records: user text never reaches the SQL or the full-text syntax,
// so the statement always runs. Free words also go through the
// similarity terms.
#include "lib/index/ddl.hpp"
#include "lib/index/fts_text.hpp"
#include "lib/index/query.hpp"
#include "lib/index/tables.hpp"
#include "lib/index/terms.hpp"
#include "lib/model/query.hpp"
#include "lib/store/portfolio.hpp"
#include "lib/util/error.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace {

namespace store = innov::store;

struct Fixture {
  innov::util::Diagnostics ignore;
  store::Portfolio portfolio = store::load_portfolio(INNOV_FUZZ_FIXTURE, ignore);
  SQLite::Database db{":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE};

  Fixture()
  {
    db.exec(innov::index::k_ddl);
    innov::index::TableWriter writer(db, *portfolio.config);
    for (std::size_t i = 0; i < portfolio.records.size(); ++i) {
      writer.insert(portfolio.record_paths[i], portfolio.records[i]);
    }
  }
};

Fixture& fixture()
{
  static Fixture f;
  return f;
}

std::vector<std::string> split_args(const std::string& text)
{
  std::vector<std::string> args;
  std::string arg;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (!arg.empty()) {
        args.push_back(arg);
        arg.clear();
      }
    } else {
      arg += c;
    }
  }
  if (!arg.empty()) {
    args.push_back(arg);
  }
  return args;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  Fixture& f = fixture();
  std::string text(reinterpret_cast<const char*>(data), size);
  for (const auto& term : innov::index::similarity_terms(text)) {
    innov::index::stem(term.word);
  }
  innov::index::match_expression(text, true);
  innov::index::search_words(text);

  innov::model::Query query;
  try {
    query = innov::model::parse_query(split_args(text));
    innov::index::check_query(query, *f.portfolio.config);
  } catch (const innov::UsageError&) {
    return 0;
  }
  innov::index::list_records(f.db, query, "-likes", 0);
  return 0;
}
