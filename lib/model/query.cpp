#include "lib/model/query.hpp"

#include "lib/util/error.hpp"
#include "lib/util/text.hpp"

#include <algorithm>

namespace innov::model {

const std::vector<std::string>& query_fields()
{
  static const std::vector<std::string> k_fields = {"status", "region",    "theme",  "kind",
                                                    "source", "challenge", "author", "horizon",
                                                    "id",     "created",   "likes",  "linked"};
  return k_fields;
}

namespace {

bool valid_likes(const std::string& v)
{
  std::string n = v;
  for (const char* op : {">=", "<=", ">", "<", "="}) {
    if (n.starts_with(op)) {
      n = n.substr(std::string(op).size());
      break;
    }
  }
  return !n.empty() &&
         std::all_of(n.begin(), n.end(), [](unsigned char c) { return std::isdigit(c); });
}

} // namespace

void add_terms(Query& q, const std::string& field, const std::vector<std::string>& values)
{
  for (const auto& v : values) {
    q.terms.push_back({field, v, false});
  }
}

Query parse_query(const std::vector<std::string>& args)
{
  Query q;
  for (const auto& arg : args) {
    std::string a = arg;
    bool negated = false;
    if (a.starts_with("not:")) {
      negated = true;
      a = a.substr(4);
    }
    auto colon = a.find(':');
    if (colon == std::string::npos || colon == 0) {
      if (a.empty()) {
        throw UsageError("empty query term '" + arg + "'");
      }
      q.terms.push_back({"text", a, negated});
      continue;
    }
    std::string field = a.substr(0, colon);
    std::string value = a.substr(colon + 1);
    const auto& fields = query_fields();
    if (std::find(fields.begin(), fields.end(), field) == fields.end()) {
      throw UsageError("unknown query field '" + field + "'" + util::did_you_mean(field, fields),
                       "fields: " + util::join(fields, ", ") +
                           "; words without a field search the text");
    }
    if (value.empty()) {
      throw UsageError("query term '" + arg + "' has no value");
    }
    if (field == "likes" && !valid_likes(value)) {
      throw UsageError("bad likes term '" + arg + "'", "use likes:>10, likes:<=3 or likes:5");
    }
    q.terms.push_back({field, value, negated});
  }
  return q;
}

} // namespace innov::model
