// hledger-style query terms over records: `status:qualified region:idf created:2015-01..2015-06
// likes:>10 not:status:rejected` plus free words. Terms on one field OR, different fields AND;
// lib/index/query runs them as SQL over the index.
#pragma once

#include <string>
#include <vector>

namespace innov::model {

struct QueryTerm {
  std::string field; // status, region, theme, kind, source, challenge, author, horizon, id,
                     // created, likes, linked, text
  std::string value;
  bool negated = false;
};

struct Query {
  std::vector<QueryTerm> terms;
  bool empty() const { return terms.empty(); }
};

// The fields a term may name.
const std::vector<std::string>& query_fields();

// Parses arguments; UsageError for an unknown field (with did-you-mean) or a bad value.
Query parse_query(const std::vector<std::string>& args);

// Adds field:value terms (from flags such as --status).
void add_terms(Query& q, const std::string& field, const std::vector<std::string>& values);

} // namespace innov::model
