#include "lib/index/search.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace innov::index {

namespace {

constexpr const char* k_bm25 =
    "bm25(search, 0, 5.0, 3.0, 1.0, 1.0)"; // title 5, summary 3, the rest 1

struct Ranked {
  std::int64_t rowid;
  double rank;
};

// The rowids of the `limit` best rows, with every row tied with the last of them. Ranking is done
// on rowids alone: a common word matches thousands of rows, and fetching a row's text or making its
// snippet costs far more than ranking it.
std::vector<Ranked> best_rows(SQLite::Database& db, const std::string& expr, std::size_t limit)
{
  std::vector<Ranked> out;
  SQLite::Statement top(
      db, fmt::format("SELECT rowid, {0} AS r FROM search WHERE search MATCH ? ORDER BY r LIMIT ?",
                      k_bm25));
  top.bind(1, expr);
  top.bind(2, static_cast<std::int64_t>(limit + 1));
  while (top.executeStep()) {
    out.push_back({top.getColumn(0).getInt64(), top.getColumn(1).getDouble()});
  }
  if (out.size() <= limit) {
    return out;
  }
  double last = out[limit - 1].rank;
  if (out[limit].rank != last) {
    out.resize(limit);
    return out;
  }
  // A tie across the cut: every row of that rank is a candidate.
  out.resize(limit);
  while (!out.empty() && out.back().rank == last) {
    out.pop_back();
  }
  SQLite::Statement tied(
      db, fmt::format("SELECT rowid FROM search WHERE search MATCH ? AND {} = ?", k_bm25));
  tied.bind(1, expr);
  tied.bind(2, last);
  while (tied.executeStep()) {
    out.push_back({tied.getColumn(0).getInt64(), last});
  }
  return out;
}

} // namespace

std::vector<SearchMatch> ranked_matches(SQLite::Database& db, const std::string& expr,
                                        std::size_t limit)
{
  std::vector<SearchMatch> out;
  if (limit == 0) {
    return out;
  }
  SQLite::Statement row(db,
                        "SELECT i.id, i.status, i.title, snippet(search, -1, '[', ']', '…', 12) "
                        "FROM search JOIN innovations i ON i.id = search.record_id "
                        "WHERE search MATCH ? AND search.rowid = ?");
  for (const auto& r : best_rows(db, expr, limit)) {
    SearchMatch m;
    m.rank = r.rank;
    m.score = std::round(-r.rank * 100) / 100;
    row.reset();
    row.bind(1, expr);
    row.bind(2, r.rowid);
    if (row.executeStep()) {
      m.id = row.getColumn(0).getString();
      m.status = row.getColumn(1).getString();
      m.title = row.getColumn(2).getString();
      m.snippet = row.getColumn(3).getString();
      std::replace(m.snippet.begin(), m.snippet.end(), '\n', ' ');
    }
    out.push_back(std::move(m));
  }
  std::sort(out.begin(), out.end(), [](const SearchMatch& a, const SearchMatch& b) {
    return a.rank != b.rank ? a.rank < b.rank : a.id < b.id;
  });
  if (out.size() > limit) {
    out.resize(limit);
  }
  return out;
}

} // namespace innov::index
