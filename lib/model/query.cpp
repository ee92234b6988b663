#include "lib/model/query.hpp"

#include "lib/util/error.hpp"
#include "lib/util/fold.hpp"
#include "lib/util/text.hpp"

#include <algorithm>
#include <map>

namespace innov::model {

const std::vector<std::string>& query_fields()
{
  static const std::vector<std::string> k_fields = {"status", "region",    "theme",  "kind",
                                                    "source", "challenge", "author", "horizon",
                                                    "id",     "created",   "likes"};
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

bool likes_match(const std::string& v, std::size_t likes)
{
  long n = static_cast<long>(likes);
  auto num = [&](std::size_t skip) { return std::stol(v.substr(skip)); };
  if (v.starts_with(">=")) {
    return n >= num(2);
  }
  if (v.starts_with("<=")) {
    return n <= num(2);
  }
  if (v.starts_with(">")) {
    return n > num(1);
  }
  if (v.starts_with("<")) {
    return n < num(1);
  }
  if (v.starts_with("=")) {
    return n == num(1);
  }
  return n == num(0);
}

bool created_match(const std::string& v, const std::string& created)
{
  auto dots = v.find("..");
  if (dots == std::string::npos) {
    return created.starts_with(v);
  }
  std::string from = v.substr(0, dots);
  std::string to = v.substr(dots + 2);
  if (!from.empty() && created < from) {
    return false;
  }
  if (!to.empty() && created.substr(0, to.size()) > to) {
    return false;
  }
  return true;
}

bool text_match(const std::string& word, const Innovation& rec)
{
  std::string w = util::fold(word);
  auto has = [&](const std::string& s) { return util::fold(s).find(w) != std::string::npos; };
  if (has(rec.title) || has(rec.summary) || has(rec.description)) {
    return true;
  }
  return std::any_of(rec.comments.begin(), rec.comments.end(),
                     [&](const Comment& c) { return has(c.text); });
}

bool term_match(const QueryTerm& t, const Innovation& rec)
{
  const std::string& f = t.field;
  if (f == "status") {
    return rec.status == t.value;
  }
  if (f == "region") {
    return rec.region == t.value;
  }
  if (f == "theme") {
    return std::find(rec.themes.begin(), rec.themes.end(), t.value) != rec.themes.end();
  }
  if (f == "kind") {
    return rec.kind == t.value;
  }
  if (f == "source") {
    return rec.source == t.value;
  }
  if (f == "challenge") {
    return rec.challenge == t.value;
  }
  if (f == "author") {
    return rec.author == t.value;
  }
  if (f == "horizon") {
    return rec.horizon == t.value;
  }
  if (f == "id") {
    return rec.id.starts_with(t.value);
  }
  if (f == "created") {
    return created_match(t.value, rec.created);
  }
  if (f == "likes") {
    return likes_match(t.value, rec.likes.size());
  }
  return text_match(t.value, rec);
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

bool matches(const Query& q, const Innovation& rec)
{
  // Positive terms: OR within a field, AND across fields. Free words each AND.
  std::map<std::string, bool> by_field;
  for (const auto& t : q.terms) {
    bool m = term_match(t, rec);
    if (t.negated) {
      if (m) {
        return false;
      }
      continue;
    }
    if (t.field == "text") {
      if (!m) {
        return false;
      }
      continue;
    }
    by_field[t.field] = by_field[t.field] || m;
  }
  return std::all_of(by_field.begin(), by_field.end(), [](const auto& kv) { return kv.second; });
}

} // namespace innov::model
