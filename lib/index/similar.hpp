// Duplicate detection: how close records are in words. A record is a tf-idf vector over its
// stemmed topical terms (lib/index/terms.hpp), the title counting k_title_weight times, the
// summary k_summary_weight times, the description once; the score is the cosine of two vectors
// (0 nothing shared .. 1 the same words). Candidates are first preselected with the full-text
// index.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>
#include <string>
#include <vector>

namespace innov::index {

// A score at or above this marks a likely duplicate (the warning of `idea new`). Measured by
// tests/bench/run (innov-dup-bench) on the 250 rephrased pairs innov-gen plants at scale 1 (seed
// 1), each of 400 sampled records compared with all 12,000 others: recall 0.85 at precision 1.00
// (no warning on a record that is not a planted pair); 0.60 gave 0.91 / 0.79, 0.55 gave 0.95 /
// 0.37.
inline constexpr double k_duplicate_threshold = 0.65;

inline constexpr double k_title_weight = 3;
inline constexpr double k_summary_weight = 2;

// How many full-text candidates are scored.
inline constexpr std::size_t k_similar_candidates = 64;

struct SimilarRecord {
  std::string id;
  std::string title;
  std::string status;
  double score = 0; // 0..1
};

// The text of a record, as the similarity sees it.
struct Document {
  std::string title;
  std::string summary;
  std::string description;
};

// The n records most similar to doc (best first, ties by id), leaving out exclude_id; only
// records that share at least one term. Needs the innovations and search tables of the index.
std::vector<SimilarRecord> similar_to(SQLite::Database& db, const Document& doc, std::size_t n,
                                      const std::string& exclude_id = {});

// The n records most similar to the record id (itself left out). UsageError when id is not in
// the index.
std::vector<SimilarRecord> similar_to_record(SQLite::Database& db, const std::string& id,
                                             std::size_t n);

// The n records most similar to a free text, read as a title.
std::vector<SimilarRecord> similar_to_text(SQLite::Database& db, const std::string& text,
                                           std::size_t n);

} // namespace innov::index
