#include "lib/index/query.hpp"

#include "lib/index/fts_text.hpp"
#include "lib/model/lifecycle.hpp"
#include "lib/util/error.hpp"
#include "lib/util/id.hpp"
#include "lib/util/text.hpp"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>
#include <map>
#include <utility>

namespace innov::index {

namespace {

using Param = std::variant<std::string, std::int64_t>;

// Fields that are one column of innovations, compared for equality.
const std::map<std::string, std::string>& column_fields()
{
  static const std::map<std::string, std::string> k_columns = {
      {"status", "i.status"}, {"region", "i.region"},       {"kind", "i.kind"},
      {"source", "i.source"}, {"challenge", "i.challenge"}, {"horizon", "i.horizon"}};
  return k_columns;
}

bool all_digits(std::string_view s)
{
  return !s.empty() &&
         std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

// YYYY, YYYY-MM or YYYY-MM-DD.
bool is_date_prefix(std::string_view s)
{
  if (s.size() != 4 && s.size() != 7 && s.size() != 10) {
    return false;
  }
  for (std::size_t i = 0; i < s.size(); ++i) {
    bool dash = i == 4 || i == 7;
    if (dash ? s[i] != '-' : !std::isdigit(static_cast<unsigned char>(s[i]))) {
      return false;
    }
  }
  return true;
}

struct LikesTerm {
  std::string op;
  std::int64_t n = 0;
};

LikesTerm parse_likes(const std::string& value)
{
  LikesTerm t{"=", 0};
  std::string rest = value;
  for (const char* op : {">=", "<=", ">", "<", "="}) {
    if (rest.starts_with(op)) {
      t.op = op;
      rest = rest.substr(std::string(op).size());
      break;
    }
  }
  if (!all_digits(rest) || rest.size() > 12) {
    throw UsageError("bad likes term 'likes:" + value + "'", "use likes:>10, likes:<=3 or likes:5");
  }
  t.n = std::stoll(rest);
  return t;
}

void check_created(const std::string& value)
{
  auto dots = value.find("..");
  bool ok = dots == std::string::npos
                ? is_date_prefix(value)
                : (dots > 0 || dots + 2 < value.size()) &&
                      (dots == 0 || is_date_prefix(value.substr(0, dots))) &&
                      (dots + 2 == value.size() || is_date_prefix(value.substr(dots + 2)));
  if (!ok) {
    throw UsageError(
        "bad created term 'created:" + value + "'",
        "use created:2016, created:2015-03, created:2015-01..2015-06 or created:2016-02-01..");
  }
}

void check_value(const std::string& field, const std::string& value,
                 const std::vector<std::string>& known)
{
  if (std::find(known.begin(), known.end(), value) == known.end()) {
    throw UsageError("unknown " + field + " '" + value + "'" + util::did_you_mean(value, known),
                     "known: " + util::join(known, ", "));
  }
}

// The SQL condition of one term, always true or false (never NULL), with its parameters.
std::string condition(const model::QueryTerm& t, std::vector<Param>& params)
{
  const auto& columns = column_fields();
  if (auto it = columns.find(t.field); it != columns.end()) {
    params.emplace_back(t.value);
    return it->second + " IS ?";
  }
  if (t.field == "author") {
    // The author or one of the co-authors.
    params.emplace_back(t.value);
    params.emplace_back(t.value);
    return "(i.author IS ? OR EXISTS (SELECT 1 FROM coauthors c WHERE c.record_id = i.id AND "
           "c.person = ?))";
  }
  if (t.field == "theme") {
    params.emplace_back(t.value);
    return "EXISTS (SELECT 1 FROM themes t WHERE t.record_id = i.id AND t.theme = ?)";
  }
  if (t.field == "id") {
    params.emplace_back(static_cast<std::int64_t>(t.value.size()));
    params.emplace_back(t.value);
    return "substr(i.id, 1, ?) = ?";
  }
  if (t.field == "created") {
    auto dots = t.value.find("..");
    if (dots == std::string::npos) {
      params.emplace_back(static_cast<std::int64_t>(t.value.size()));
      params.emplace_back(t.value);
      return "substr(i.created, 1, ?) = ?";
    }
    std::string from = t.value.substr(0, dots);
    std::string to = t.value.substr(dots + 2);
    std::vector<std::string> parts;
    if (!from.empty()) {
      params.emplace_back(from);
      parts.push_back("i.created >= ?");
    }
    if (!to.empty()) {
      // The end bound is inclusive at its own precision: ..2015-06 takes all of June.
      params.emplace_back(static_cast<std::int64_t>(to.size()));
      params.emplace_back(to);
      parts.push_back("substr(i.created, 1, ?) <= ?");
    }
    return "(" + util::join(parts, " AND ") + ")";
  }
  if (t.field == "linked") {
    // Linked either way: the record links to the id (prefix), or a record of that id links to it.
    auto n = static_cast<std::int64_t>(t.value.size());
    params.emplace_back(n);
    params.emplace_back(t.value);
    params.emplace_back(n);
    params.emplace_back(t.value);
    return "(EXISTS (SELECT 1 FROM links l WHERE l.record_id = i.id AND substr(l.target, 1, ?) = "
           "?) OR EXISTS (SELECT 1 FROM links l WHERE l.target = i.id AND substr(l.record_id, 1, "
           "?) = ?))";
  }
  if (t.field == "likes") {
    auto l = parse_likes(t.value);
    params.emplace_back(l.n);
    return "i.likes " + l.op + " ?";
  }
  // A free word: a full-text match on title, summary, description and comments.
  std::string expr = match_expression(t.value, true);
  if (expr.empty()) {
    return "1";
  }
  params.emplace_back(expr);
  return "i.id IN (SELECT record_id FROM search WHERE search MATCH ?)";
}

std::string order_by(const std::string& sort)
{
  bool desc = sort.starts_with("-");
  std::string field = desc ? sort.substr(1) : sort;
  const auto& fields = sort_fields();
  if (std::find(fields.begin(), fields.end(), field) == fields.end()) {
    throw UsageError("cannot sort by '" + field + "'" + util::did_you_mean(field, fields),
                     "sort by " + util::join(fields, ", ") + " (prefix - for descending)");
  }
  std::string dir = desc ? " DESC" : "";
  if (field == "id") {
    return "i.id" + dir;
  }
  return "i." + field + dir + ", i.id";
}

} // namespace

const std::vector<std::string>& sort_fields()
{
  static const std::vector<std::string> k_fields = {"id",    "created", "title",
                                                    "likes", "status",  "region"};
  return k_fields;
}

void check_query(const model::Query& q, const model::Config& config)
{
  // Each term is a condition of the SQL: past some hundreds SQLite refuses the expression (its
  // depth limit is 1000), so a query of more terms is refused here, with a clear message.
  constexpr std::size_t k_max_terms = 200;
  if (q.terms.size() > k_max_terms) {
    throw UsageError(fmt::format("too many query terms ({}); a query takes at most {}",
                                 q.terms.size(), k_max_terms),
                     "narrow it with fewer terms, or ask innov sql");
  }
  static const std::vector<std::string> k_kinds = {"idea", "practice", "need"};
  static const std::vector<std::string> k_sources = {"internal",  "external", "citizen",
                                                     "challenge", "lab",      "watch"};
  static const std::vector<std::string> k_horizons = {"core", "adjacent", "transformational"};
  for (const auto& t : q.terms) {
    if (t.field == "status") {
      check_value("status", t.value, model::state_names());
    } else if (t.field == "kind") {
      check_value("kind", t.value, k_kinds);
    } else if (t.field == "source") {
      check_value("source", t.value, k_sources);
    } else if (t.field == "horizon") {
      check_value("horizon", t.value, k_horizons);
    } else if (t.field == "region") {
      check_value("region", t.value, config.region_codes());
    } else if (t.field == "theme") {
      check_value("theme", t.value, config.theme_codes());
    } else if (t.field == "created") {
      check_created(t.value);
    } else if (t.field == "likes") {
      parse_likes(t.value);
    } else if (t.field == "linked" && !util::is_id_prefix(t.value)) {
      throw UsageError("bad linked term 'linked:" + t.value + "'",
                       "use linked:ID, a record id or its first characters (linked:k3m9)");
    }
  }
}

SqlQuery list_sql(const model::Query& q, const std::string& sort, std::size_t limit)
{
  SqlQuery out;
  std::vector<std::string> where;
  // Positive terms grouped by field (OR inside a group), in the order fields first appear.
  std::vector<std::string> order;
  std::map<std::string, std::vector<std::string>> groups;
  std::map<std::string, std::vector<Param>> group_params;
  std::vector<Param> params;
  for (const auto& t : q.terms) {
    std::vector<Param> p;
    std::string cond = condition(t, p);
    if (t.negated) {
      where.push_back("NOT (" + cond + ")");
      params.insert(params.end(), p.begin(), p.end());
    } else if (t.field == "text") {
      where.push_back(cond); // free words each AND
      params.insert(params.end(), p.begin(), p.end());
    } else {
      if (!groups.count(t.field)) {
        order.push_back(t.field);
      }
      groups[t.field].push_back(cond);
      auto& gp = group_params[t.field];
      gp.insert(gp.end(), p.begin(), p.end());
    }
  }
  std::vector<std::string> conditions;
  for (const auto& field : order) {
    std::string group = "(";
    group += util::join(groups[field], " OR ");
    group += ')';
    conditions.push_back(std::move(group));
    out.params.insert(out.params.end(), group_params[field].begin(), group_params[field].end());
  }
  conditions.insert(conditions.end(), where.begin(), where.end());
  out.params.insert(out.params.end(), params.begin(), params.end());
  out.sql = "SELECT i.id, i.kind, i.status, i.region, i.created, i.likes, i.title, i.path FROM "
            "innovations i";
  if (!conditions.empty()) {
    out.sql += " WHERE " + util::join(conditions, " AND ");
  }
  out.sql += " ORDER BY " + order_by(sort.empty() ? "created" : sort);
  if (limit > 0) {
    out.sql += " LIMIT ?";
    out.params.emplace_back(static_cast<std::int64_t>(limit));
  }
  return out;
}

void bind_all(SQLite::Statement& s, const SqlQuery& q)
{
  int i = 1;
  for (const auto& p : q.params) {
    if (const auto* text = std::get_if<std::string>(&p)) {
      s.bind(i, *text);
    } else {
      s.bind(i, std::get<std::int64_t>(p));
    }
    ++i;
  }
}

std::vector<ListRow> list_records(SQLite::Database& db, const model::Query& q,
                                  const std::string& sort, std::size_t limit)
{
  SqlQuery sql = list_sql(q, sort, limit);
  SQLite::Statement s(db, sql.sql);
  bind_all(s, sql);
  std::vector<ListRow> rows;
  auto text = [&](int c) {
    return s.getColumn(c).isNull() ? std::string() : s.getColumn(c).getString();
  };
  while (s.executeStep()) {
    rows.push_back(
        {text(0), text(1), text(2), text(3), text(4), s.getColumn(5).getInt64(), text(6), text(7)});
  }
  return rows;
}

} // namespace innov::index
