// Full-text search over the index: the records that match an FTS5 expression, ranked by relevance.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>
#include <cstdint>
#include <string>
#include <vector>

namespace innov::index {

struct SearchMatch {
  std::string id;
  std::string status;
  std::string title;
  std::string snippet; // the matching words in [brackets], on one line
  double rank = 0;     // bm25, weighing title 5, summary 3, description and comments 1: lower is
                       // better
  double score = 0;    // -rank to two decimals, what `innov search` shows: higher is better
};

// The `limit` best matches of expr (an FTS5 expression, as index::match_expression makes it) in
// the search table of db, best first, ties by record id. Rows tied across the cut all compete for
// the last places, so the result does not depend on the order of the rows in the cache.
std::vector<SearchMatch> ranked_matches(SQLite::Database& db, const std::string& expr,
                                        std::size_t limit);

} // namespace innov::index
