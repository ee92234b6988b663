#include "lib/store/record_fast.hpp"

#include "lib/model/format.hpp"
#include "lib/schema/embedded.hpp"
#include "lib/schema/pattern.hpp"
#include "lib/schema/validator.hpp"
#include "lib/store/plain_yaml.hpp"
#include "lib/util/date.hpp"
#include "lib/util/id.hpp"
#include "lib/util/utf8.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <deque>
#include <limits>
#include <memory>
#include <stdexcept>
#include <utility>
#include <yaml-cpp/yaml.h>

namespace innov::store {

namespace {

using plain_yaml::Node;
using plain_yaml::Tree;

// Thrown at the first value this reader does not certainly accept.
struct Refused {};

[[noreturn]] void refuse()
{
  throw Refused{};
}

bool digit(char c)
{
  return c >= '0' && c <= '9';
}

bool lower_or_digit(char c)
{
  return (c >= 'a' && c <= 'z') || digit(c);
}

// ^[0-9]{4}-[0-9]{2}-[0-9]{2}
bool date_shape(std::string_view s)
{
  return s.size() >= 10 && digit(s[0]) && digit(s[1]) && digit(s[2]) && digit(s[3]) &&
         s[4] == '-' && digit(s[5]) && digit(s[6]) && s[7] == '-' && digit(s[8]) && digit(s[9]);
}

// ^[a-z0-9][a-z0-9<more>]*$
bool word(std::string_view s, std::string_view more)
{
  if (s.empty() || !lower_or_digit(s[0])) {
    return false;
  }
  return std::all_of(s.begin(), s.end(), [&](char c) {
    return lower_or_digit(c) || more.find(c) != std::string_view::npos;
  });
}

// ^[0-9]{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$
bool period_shape(std::string_view s)
{
  bool year = s.size() >= 4 && digit(s[0]) && digit(s[1]) && digit(s[2]) && digit(s[3]);
  return year && (s.size() == 4 ||
                  (s.size() == 7 && s[4] == '-' && s[5] == 'Q' && s[6] >= '1' && s[6] <= '4') ||
                  (s.size() == 7 && s[4] == '-' &&
                   ((s[5] == '0' && s[6] >= '1' && s[6] <= '9') ||
                    (s[5] == '1' && s[6] >= '0' && s[6] <= '2'))));
}

// ^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?Z$
bool date_time_shape(std::string_view s)
{
  bool shape = s.size() >= 20 && date_shape(s) && s[10] == 'T' && digit(s[11]) && digit(s[12]) &&
               s[13] == ':' && digit(s[14]) && digit(s[15]) && s[16] == ':' && digit(s[17]) &&
               digit(s[18]) && s.back() == 'Z';
  if (shape && s.size() > 20) {
    // (\.[0-9]+)? between the seconds and the Z
    std::string_view frac = s.substr(19, s.size() - 20);
    shape = frac.size() >= 2 && frac[0] == '.' && std::all_of(frac.begin() + 1, frac.end(), digit);
  }
  return shape;
}

// The patterns of the schema this reader matches by hand, each exactly as the pattern reads; any
// other pattern is matched by the validator's own regular expression (schema::Pattern), slower but
// the same answer, so a pattern changed in the schema is never read with an old meaning.
using Matcher = bool (*)(std::string_view);
struct KnownPattern {
  std::string_view source;
  Matcher match;
};
const KnownPattern k_known_patterns[] = {
    {"^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
     [](std::string_view s) { return s.size() == 10 && date_shape(s); }},
    {"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?Z$", date_time_shape},
    {"^[a-z0-9][a-z0-9._-]*$", [](std::string_view s) { return word(s, "._-"); }},
    {"^[a-z0-9][a-z0-9_-]*$", [](std::string_view s) { return word(s, "_-"); }},
    {"^[0-9a-hjkmnp-tv-z]{8}$", util::is_record_id},
    {"^[a-z0-9]+(-[a-z0-9]+)*$", util::is_slug},
    {"^[0-9]{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$", period_shape},
    {"^[^\\n]*$", [](std::string_view s) { return s.find('\n') == std::string_view::npos; }},
};

// One pattern of the schema, matched by hand when known.
class SchemaPattern {
public:
  explicit SchemaPattern(const std::string& source)
  {
    for (const auto& k : k_known_patterns) {
      if (k.source == source) {
        m_match = k.match;
        return;
      }
    }
    m_regex = std::make_shared<schema::Pattern>(source);
  }
  bool operator()(std::string_view s) const { return m_match ? m_match(s) : m_regex->search(s); }

private:
  Matcher m_match = nullptr;
  std::shared_ptr<schema::Pattern> m_regex;
};

// What the schema says of the values at one place: the keywords this reader checks. A keyword it
// does not know there makes the whole place refused (`unknown`), so the full path decides.
struct Rule {
  // strings
  std::vector<std::string_view> enum_values; // empty: any string (views of interned texts)
  std::size_t min_length = 0;
  std::size_t max_length = std::numeric_limits<std::size_t>::max();
  std::vector<SchemaPattern> patterns; // all must match
  bool date = false;                   // format date
  std::vector<Rule> any_of;            // one must hold (a date or a date-time)
  bool date_time = false;              // format date-time
  // numbers
  double minimum = -std::numeric_limits<double>::infinity();
  double maximum = std::numeric_limits<double>::infinity();
  // arrays and objects
  std::size_t min_items = 0; // minItems, or minProperties of an object
  std::vector<std::string_view> required;
  bool unknown = false;
};

// A text of the schema kept for the life of the process, so that rules hold views (compared
// faster than strings). Only called while the rules are built, under the static's lock.
std::string_view intern(std::string text)
{
  static std::deque<std::string> k_texts; // a deque never moves what it holds
  return k_texts.emplace_back(std::move(text));
}

// The places of innovation.schema.json this reader reads, by JSON pointer ($ref followed).
enum Place : std::size_t {
  p_record,
  p_id,
  p_kind,
  p_title,
  p_summary,
  p_description,
  p_author,
  p_coauthors,
  p_coauthor,
  p_region,
  p_unit,
  p_source,
  p_challenge,
  p_themes,
  p_theme,
  p_horizon,
  p_created,
  p_external_ref,
  p_status,
  p_likes,
  p_like,
  p_like_by,
  p_like_at,
  p_merged_into,
  p_links,
  p_link,
  p_link_to,
  p_link_rel,
  p_link_at,
  p_link_by,
  p_comment,
  p_comment_at,
  p_comment_author,
  p_comment_text,
  p_estimate,
  p_amount_metric,
  p_amount_amount,
  p_amount_per,
  p_projected,
  p_assignment,
  p_a_expert,
  p_a_at,
  p_a_by,
  p_a_due,
  p_qualification,
  p_q_at,
  p_q_expert,
  p_q_region,
  p_q_scores,
  p_q_score_name,
  p_q_score,
  p_q_decision,
  p_q_rationale,
  p_q_supersedes,
  p_poc,
  p_poc_id,
  p_poc_format,
  p_poc_territory,
  p_poc_unit,
  p_poc_sponsor,
  p_poc_planned,
  p_poc_planned_start,
  p_poc_planned_end,
  p_poc_started,
  p_poc_ended,
  p_poc_budget,
  p_poc_budget_planned,
  p_poc_budget_spent,
  p_poc_outcome,
  p_poc_lessons,
  p_kpi,
  p_kpi_id,
  p_kpi_name,
  p_kpi_unit,
  p_kpi_direction,
  p_kpi_baseline,
  p_kpi_target,
  p_kpi_actual,
  p_m,
  p_m_at,
  p_m_kpi,
  p_m_value,
  p_m_territory,
  p_spend,
  p_spend_at,
  p_spend_amount,
  p_spend_note,
  p_decision,
  p_d_at,
  p_d_gate,
  p_d_by,
  p_d_decision,
  p_d_scope,
  p_d_scope_item,
  p_d_rationale,
  p_d_override,
  p_wave,
  p_wave_region,
  p_wave_planned,
  p_wave_done,
  p_wave_done_by,
  p_realized,
  p_r_period,
  p_r_metric,
  p_r_amount,
  p_r_region,
  p_r_at,
  p_r_by,
  p_history,
  p_h,
  p_h_at,
  p_h_by,
  p_h_from,
  p_h_to,
  p_h_via,
  p_h_ref,
  p_edits,
  p_e,
  p_e_at,
  p_e_by,
  p_e_fields,
  p_e_field,
  p_e_via,
  p_count
};

constexpr const char* k_place_pointers[p_count] = {
    "",
    "/properties/id",
    "/properties/kind",
    "/properties/title",
    "/properties/summary",
    "/properties/description",
    "/properties/author",
    "/properties/coauthors",
    "/properties/coauthors/items",
    "/properties/region",
    "/properties/unit",
    "/properties/source",
    "/properties/challenge",
    "/properties/themes",
    "/properties/themes/items",
    "/properties/horizon",
    "/properties/created",
    "/properties/external_ref",
    "/properties/status",
    "/properties/likes",
    "/definitions/like",
    "/definitions/like/properties/by",
    "/definitions/like/properties/at",
    "/properties/merged_into",
    "/properties/links",
    "/properties/links/items",
    "/properties/links/items/properties/to",
    "/properties/links/items/properties/rel",
    "/properties/links/items/properties/at",
    "/properties/links/items/properties/by",
    "/properties/comments/items",
    "/properties/comments/items/properties/at",
    "/properties/comments/items/properties/author",
    "/properties/comments/items/properties/text",
    "/properties/estimate",
    "/properties/estimate/properties/metric",
    "/properties/estimate/properties/amount",
    "/properties/estimate/properties/per",
    "/properties/decisions/items/properties/projected",
    "/properties/assignments/items",
    "/properties/assignments/items/properties/expert",
    "/properties/assignments/items/properties/at",
    "/properties/assignments/items/properties/by",
    "/properties/assignments/items/properties/due",
    "/properties/qualifications/items",
    "/properties/qualifications/items/properties/at",
    "/properties/qualifications/items/properties/expert",
    "/properties/qualifications/items/properties/region",
    "/properties/qualifications/items/properties/scores",
    "/properties/qualifications/items/properties/scores/propertyNames",
    "/properties/qualifications/items/properties/scores/additionalProperties",
    "/properties/qualifications/items/properties/decision",
    "/properties/qualifications/items/properties/rationale",
    "/properties/qualifications/items/properties/supersedes",
    "/properties/pocs/items",
    "/properties/pocs/items/properties/id",
    "/properties/pocs/items/properties/format",
    "/properties/pocs/items/properties/territory",
    "/properties/pocs/items/properties/territory/items",
    "/properties/pocs/items/properties/sponsor",
    "/properties/pocs/items/properties/planned",
    "/properties/pocs/items/properties/planned/properties/start",
    "/properties/pocs/items/properties/planned/properties/end",
    "/properties/pocs/items/properties/started",
    "/properties/pocs/items/properties/ended",
    "/properties/pocs/items/properties/budget",
    "/properties/pocs/items/properties/budget/properties/planned",
    "/properties/pocs/items/properties/budget/properties/spent",
    "/properties/pocs/items/properties/outcome",
    "/properties/pocs/items/properties/lessons",
    "/properties/pocs/items/properties/kpis/items",
    "/properties/pocs/items/properties/kpis/items/properties/id",
    "/properties/pocs/items/properties/kpis/items/properties/name",
    "/properties/pocs/items/properties/kpis/items/properties/unit",
    "/properties/pocs/items/properties/kpis/items/properties/direction",
    "/properties/pocs/items/properties/kpis/items/properties/baseline",
    "/properties/pocs/items/properties/kpis/items/properties/target",
    "/properties/pocs/items/properties/kpis/items/properties/actual",
    "/properties/pocs/items/properties/measurements/items",
    "/properties/pocs/items/properties/measurements/items/properties/at",
    "/properties/pocs/items/properties/measurements/items/properties/kpi",
    "/properties/pocs/items/properties/measurements/items/properties/value",
    "/properties/pocs/items/properties/measurements/items/properties/territory",
    "/properties/pocs/items/properties/spend/items",
    "/properties/pocs/items/properties/spend/items/properties/at",
    "/properties/pocs/items/properties/spend/items/properties/amount",
    "/properties/pocs/items/properties/spend/items/properties/note",
    "/properties/decisions/items",
    "/properties/decisions/items/properties/at",
    "/properties/decisions/items/properties/gate",
    "/properties/decisions/items/properties/by",
    "/properties/decisions/items/properties/decision",
    "/properties/decisions/items/properties/scope",
    "/properties/decisions/items/properties/scope/items",
    "/properties/decisions/items/properties/rationale",
    "/properties/decisions/items/properties/override",
    "/properties/decisions/items/properties/rollout/items",
    "/properties/decisions/items/properties/rollout/items/properties/region",
    "/properties/decisions/items/properties/rollout/items/properties/planned",
    "/properties/decisions/items/properties/rollout/items/properties/done",
    "/properties/decisions/items/properties/rollout/items/properties/done_by",
    "/properties/realized/items",
    "/properties/realized/items/properties/period",
    "/properties/realized/items/properties/metric",
    "/properties/realized/items/properties/amount",
    "/properties/realized/items/properties/region",
    "/properties/realized/items/properties/at",
    "/properties/realized/items/properties/by",
    "/properties/history",
    "/properties/history/items",
    "/properties/history/items/properties/at",
    "/properties/history/items/properties/by",
    "/properties/history/items/properties/from",
    "/properties/history/items/properties/to",
    "/properties/history/items/properties/via",
    "/properties/history/items/properties/ref",
    "/properties/edits",
    "/properties/edits/items",
    "/properties/edits/items/properties/at",
    "/properties/edits/items/properties/by",
    "/properties/edits/items/properties/fields",
    "/properties/edits/items/properties/fields/items",
    "/properties/edits/items/properties/via",
};

// Keywords that say nothing about a value (or that this reader checks by its code: the types,
// additionalProperties false, uniqueItems, the items of arrays, the properties of objects, which it
// reads key by key).
bool descriptive(const std::string& keyword)
{
  static const char* const k_words[] = {
      "description", "title",    "type",        "additionalProperties",
      "properties",  "items",    "uniqueItems", "propertyNames",
      "$ref",        "$comment", "examples",    "default",
      "$schema",     "$id",      "definitions", "required"};
  return std::find(std::begin(k_words), std::end(k_words), keyword) != std::end(k_words);
}

// The schema at n, its $ref followed (local references only, "#/definitions/x"). Nodes are
// re-pointed with reset(): yaml-cpp's operator= would overwrite the schema's own nodes.
YAML::Node resolve(const YAML::Node& root, const YAML::Node& start)
{
  YAML::Node n;
  n.reset(start);
  for (int depth = 0; n.IsMap() && std::as_const(n)["$ref"] && depth < 16; ++depth) {
    std::string ref = std::as_const(n)["$ref"].as<std::string>();
    YAML::Node target;
    target.reset(root);
    std::size_t at = 2; // "#/"
    while (at < ref.size()) {
      std::size_t end = std::min(ref.find('/', at), ref.size());
      const YAML::Node parent = target;
      target.reset(parent[ref.substr(at, end - at)]);
      at = end + 1;
    }
    n.reset(target);
  }
  return n;
}

Rule rule_of(const YAML::Node& root, const YAML::Node& at)
{
  YAML::Node n = resolve(root, at);
  Rule r;
  if (!n || !n.IsMap()) {
    throw std::logic_error("innovation.schema.json: no schema where record_fast reads");
  }
  for (const auto& kv : n) {
    std::string k = kv.first.as<std::string>();
    const YAML::Node& v = kv.second;
    if (k == "enum") {
      for (const auto& e : v) {
        r.enum_values.push_back(intern(e.as<std::string>()));
      }
    } else if (k == "minLength") {
      r.min_length = v.as<std::size_t>();
    } else if (k == "maxLength") {
      r.max_length = v.as<std::size_t>();
    } else if (k == "pattern") {
      r.patterns.emplace_back(v.as<std::string>());
    } else if (k == "format") {
      std::string f = v.as<std::string>();
      r.date = f == "date";
      r.date_time = f == "date-time";
      r.unknown = r.unknown || (!r.date && !r.date_time);
    } else if (k == "anyOf") {
      for (const auto& alt : v) {
        r.any_of.push_back(rule_of(root, alt));
      }
    } else if (k == "minimum") {
      r.minimum = v.as<double>();
    } else if (k == "maximum") {
      r.maximum = v.as<double>();
    } else if (k == "minItems" || k == "minProperties") {
      r.min_items = v.as<std::size_t>();
    } else if (k == "required") {
      for (const auto& name : v) {
        r.required.push_back(intern(name.as<std::string>()));
      }
    } else if (!descriptive(k)) {
      r.unknown = true; // a keyword added to the schema that this reader does not check
    }
  }
  return r;
}

// The rules of every place, read once from the embedded schema.
const std::vector<Rule>& rules()
{
  static const std::vector<Rule> k_rules = [] {
    YAML::Node root;
    for (const auto& f : schema::embedded_schemas()) {
      if (f.name == "innovation") {
        root.reset(YAML::Load(f.text));
      }
    }
    std::vector<Rule> out;
    for (const char* pointer : k_place_pointers) {
      YAML::Node n;
      n.reset(root);
      std::string_view p = pointer;
      while (!p.empty()) {
        p.remove_prefix(1);
        std::size_t end = std::min(p.find('/'), p.size());
        const YAML::Node parent = resolve(root, n);
        n.reset(parent[std::string(p.substr(0, end))]);
        p.remove_prefix(end);
      }
      out.push_back(rule_of(root, n));
    }
    return out;
  }();
  return k_rules;
}

// The record, each value checked by the rule of its place in the schema.
class Reader {
public:
  explicit Reader(const Tree& tree) : m_t(tree), m_rules(rules()) {}

  model::Innovation record()
  {
    model::Innovation r;
    object(m_t.root(), p_record, [&](std::string_view key, const Node& v) {
      if (key == "id") {
        r.id = str(v, p_id);
      } else if (key == "kind") {
        r.kind = str(v, p_kind);
      } else if (key == "title") {
        r.title = str(v, p_title);
      } else if (key == "summary") {
        r.summary = str(v, p_summary);
      } else if (key == "description") {
        r.description = str(v, p_description);
      } else if (key == "author") {
        r.author = str(v, p_author);
      } else if (key == "coauthors") {
        r.coauthors = list(v, p_coauthors, p_coauthor);
      } else if (key == "region") {
        r.region = str(v, p_region);
      } else if (key == "unit") {
        r.unit = str(v, p_unit);
      } else if (key == "source") {
        r.source = str(v, p_source);
      } else if (key == "challenge") {
        r.challenge = str(v, p_challenge);
      } else if (key == "themes") {
        r.themes = list(v, p_themes, p_theme);
      } else if (key == "horizon") {
        r.horizon = str(v, p_horizon);
      } else if (key == "created") {
        r.created = str(v, p_created);
      } else if (key == "external_ref") {
        r.external_ref = str(v, p_external_ref);
      } else if (key == "status") {
        r.status = str(v, p_status);
      } else if (key == "likes") {
        r.likes = likes(v);
      } else if (key == "comments") {
        items(v, [&](const Node& c) { r.comments.push_back(comment(c)); });
      } else if (key == "estimate") {
        r.estimate = amount(v, p_estimate);
      } else if (key == "assignments") {
        items(v, [&](const Node& a) { r.assignments.push_back(assignment(a)); });
      } else if (key == "qualifications") {
        items(v, [&](const Node& q) { r.qualifications.push_back(qualification(q)); });
      } else if (key == "pocs") {
        items(v, [&](const Node& p) { r.pocs.push_back(poc(p)); });
      } else if (key == "decisions") {
        items(v, [&](const Node& d) { r.decisions.push_back(decision(d)); });
      } else if (key == "realized") {
        items(v, [&](const Node& x) { r.realized.push_back(realized(x)); });
      } else if (key == "merged_into") {
        r.merged_into = str(v, p_merged_into);
      } else if (key == "links") {
        items(v, [&](const Node& l) { r.links.push_back(link(l)); });
        at_least(r.links.size(), p_links);
      } else if (key == "history") {
        items(v, [&](const Node& h) { r.history.push_back(history(h)); });
        at_least(r.history.size(), p_history);
      } else if (key == "edits") {
        items(v, [&](const Node& e) { r.edits.push_back(edit(e)); });
        at_least(r.edits.size(), p_edits);
      } else {
        refuse();
      }
    });
    return r;
  }

private:
  const Rule& rule(Place p) const
  {
    const Rule& r = m_rules[p];
    if (r.unknown) {
      refuse();
    }
    return r;
  }

  void at_least(std::size_t n, Place p) const
  {
    if (n < rule(p).min_items) {
      refuse(); // minItems, minProperties
    }
  }

  // A mapping with the required keys of its place, each entry handed to f (which refuses unknown
  // keys).
  template <typename F> void object(const Node& n, Place p, F&& f)
  {
    const Rule& r = rule(p);
    if (n.kind != Node::Kind::mapping) {
      refuse();
    }
    std::size_t found = 0;
    std::size_t count = 0;
    for (auto i = m_t.first(n); i != 0; i = m_t.next(i)) {
      const Node& v = m_t.at(i);
      f(v.key, v);
      ++count;
      found += std::find(r.required.begin(), r.required.end(), v.key) != r.required.end() ? 1 : 0;
    }
    if (found != r.required.size()) { // keys are unique, so each required one counted once
      refuse();
    }
    at_least(count, p);
  }

  template <typename F> void items(const Node& n, F&& f)
  {
    if (n.kind != Node::Kind::sequence) {
      refuse();
    }
    for (auto i = m_t.first(n); i != 0; i = m_t.next(i)) {
      f(m_t.at(i));
    }
  }

  // An array of unique strings, each checked by the rule of item.
  std::vector<std::string> list(const Node& n, Place array, Place item)
  {
    std::vector<std::string> out;
    items(n, [&](const Node& v) { out.push_back(str(v, item)); });
    at_least(out.size(), array);
    if (!std::is_sorted(out.begin(), out.end()) ||
        std::adjacent_find(out.begin(), out.end()) != out.end()) {
      std::vector<std::string_view> sorted(out.begin(), out.end());
      std::sort(sorted.begin(), sorted.end());
      if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end()) {
        refuse(); // uniqueItems
      }
    }
    return out;
  }

  // A string: a quoted or literal scalar, or a plain one that reads as a string (not 12, true,
  // null).
  std::string_view string(const Node& n) const
  {
    if (n.kind != Node::Kind::scalar ||
        (n.plain && schema::plain_scalar_type(n.text) != schema::JsonType::string)) {
      refuse();
    }
    return n.text;
  }

  // Whether s passes the string keywords of r.
  static bool passes(std::string_view s, const Rule& r)
  {
    if (!r.enum_values.empty() &&
        std::find(r.enum_values.begin(), r.enum_values.end(), s) == r.enum_values.end()) {
      return false;
    }
    // Code points, as the schema counts them; never fewer than bytes / 4.
    if (s.size() < r.min_length || s.size() / 4 > r.max_length) {
      return false;
    }
    if (s.size() > r.max_length || s.size() < r.min_length * 4) {
      std::size_t len = util::utf8_length(s);
      if (len < r.min_length || len > r.max_length) {
        return false;
      }
    }
    for (const auto& pattern : r.patterns) {
      if (!pattern(s)) {
        return false;
      }
    }
    if ((r.date && !util::parse_date(s)) || (r.date_time && !util::is_date_time(s))) {
      return false;
    }
    if (!r.any_of.empty()) {
      return std::any_of(r.any_of.begin(), r.any_of.end(),
                         [&](const Rule& alt) { return !alt.unknown && passes(s, alt); });
    }
    return true;
  }

  // Multi-line free text may hold any character; every other string is one line of text, without
  // carriage return, bidi control, line separator or zero-width character (load.cpp refuses them
  // with E006).
  static bool free_text(Place p)
  {
    return p == p_description || p == p_comment_text || p == p_q_rationale || p == p_poc_lessons ||
           p == p_d_rationale || p == p_d_override;
  }

  std::string str(const Node& n, Place p) const
  {
    std::string_view s = string(n);
    if (!passes(s, rule(p)) || (!free_text(p) && util::first_deceptive_character(s))) {
      refuse();
    }
    return std::string(s);
  }

  // A plain decimal number (-?[0-9]+(\.[0-9]+)?, no leading zero), finite, within the bounds of
  // its place; what yaml-cpp's as<double> and the schema's number both read.
  double num(const Node& n, Place p) const
  {
    const Rule& r = rule(p);
    std::string_view s = n.text;
    if (n.kind != Node::Kind::scalar || !n.plain || s.empty()) {
      refuse();
    }
    std::size_t i = s[0] == '-' ? 1 : 0;
    std::size_t int_start = i;
    while (i < s.size() && digit(s[i])) {
      ++i;
    }
    std::size_t int_digits = i - int_start;
    if (int_digits == 0 || (int_digits > 1 && s[int_start] == '0')) {
      refuse();
    }
    if (i < s.size() && s[i] == '.') {
      std::size_t frac_start = ++i;
      while (i < s.size() && digit(s[i])) {
        ++i;
      }
      if (i == frac_start) {
        refuse();
      }
    }
    if (i != s.size() || s.size() > 40) {
      refuse();
    }
    double v = schema::plain_number_value(s);
    if (!std::isfinite(v) || v < r.minimum || v > r.maximum) {
      refuse();
    }
    return v;
  }

  bool boolean(const Node& n) const
  {
    if (n.kind != Node::Kind::scalar || !n.plain || (n.text != "true" && n.text != "false")) {
      refuse();
    }
    return n.text == "true";
  }

  model::Comment comment(const Node& n)
  {
    model::Comment c;
    object(n, p_comment, [&](std::string_view key, const Node& v) {
      if (key == "at") {
        c.at = str(v, p_comment_at);
      } else if (key == "author") {
        c.author = str(v, p_comment_author);
      } else if (key == "text") {
        c.text = str(v, p_comment_text);
      } else {
        refuse();
      }
    });
    return c;
  }

  model::Assignment assignment(const Node& n)
  {
    model::Assignment a;
    object(n, p_assignment, [&](std::string_view key, const Node& v) {
      if (key == "expert") {
        a.expert = str(v, p_a_expert);
      } else if (key == "at") {
        a.at = str(v, p_a_at);
      } else if (key == "by") {
        a.by = str(v, p_a_by);
      } else if (key == "due") {
        a.due = str(v, p_a_due);
      } else {
        refuse();
      }
    });
    return a;
  }

  // estimate and projected: the same definition, read at each place.
  model::ValueAmount amount(const Node& n, Place p)
  {
    model::ValueAmount a;
    object(n, p, [&](std::string_view key, const Node& v) {
      if (key == "metric") {
        a.metric = str(v, p_amount_metric);
      } else if (key == "amount") {
        a.amount = num(v, p_amount_amount);
      } else if (key == "per") {
        a.per = str(v, p_amount_per);
      } else {
        refuse();
      }
    });
    return a;
  }

  model::Qualification qualification(const Node& n)
  {
    model::Qualification q;
    object(n, p_qualification, [&](std::string_view key, const Node& v) {
      if (key == "at") {
        q.at = str(v, p_q_at);
      } else if (key == "expert") {
        q.expert = str(v, p_q_expert);
      } else if (key == "region") {
        q.region = str(v, p_q_region);
      } else if (key == "scores") {
        object(v, p_q_scores, [&](std::string_view id, const Node& score) {
          // A key that would read as a number, a boolean or null (2024, true) may be valid too,
          // but is left to the full path: yaml-cpp types keys.
          if (schema::plain_scalar_type(id) != schema::JsonType::string ||
              !passes(id, rule(p_q_score_name))) {
            refuse();
          }
          q.scores.emplace_back(std::string(id), num(score, p_q_score));
        });
      } else if (key == "decision") {
        q.decision = str(v, p_q_decision);
      } else if (key == "rationale") {
        q.rationale = str(v, p_q_rationale);
      } else if (key == "supersedes") {
        q.supersedes = str(v, p_q_supersedes);
      } else {
        refuse();
      }
    });
    return q;
  }

  model::Kpi kpi(const Node& n)
  {
    model::Kpi k;
    object(n, p_kpi, [&](std::string_view key, const Node& v) {
      if (key == "id") {
        k.id = str(v, p_kpi_id);
      } else if (key == "name") {
        k.name = str(v, p_kpi_name);
      } else if (key == "unit") {
        k.unit = str(v, p_kpi_unit);
      } else if (key == "direction") {
        k.direction = str(v, p_kpi_direction);
      } else if (key == "baseline") {
        k.baseline = num(v, p_kpi_baseline);
      } else if (key == "target") {
        k.target = num(v, p_kpi_target);
      } else if (key == "actual") {
        refuse(); // format 1: the full path reads it and model::upgrade turns it into a measurement
      } else if (key == "must") {
        k.must = boolean(v);
      } else {
        refuse();
      }
    });
    return k;
  }

  // Likes of format 2 ({by, at}), unique items; a person alone (format 1) takes the full path.
  std::vector<model::Like> likes(const Node& n)
  {
    std::vector<model::Like> out;
    items(n, [&](const Node& v) {
      model::Like l;
      object(v, p_like, [&](std::string_view key, const Node& x) {
        if (key == "by") {
          l.by = str(x, p_like_by);
        } else if (key == "at") {
          l.at = str(x, p_like_at);
        } else {
          refuse();
        }
      });
      out.push_back(std::move(l));
    });
    at_least(out.size(), p_likes);
    for (std::size_t i = 0; i < out.size(); ++i) {
      for (std::size_t j = i + 1; j < out.size(); ++j) {
        if (out[i] == out[j]) {
          refuse(); // uniqueItems
        }
      }
    }
    return out;
  }

  model::Measurement measurement(const Node& n)
  {
    model::Measurement m;
    object(n, p_m, [&](std::string_view key, const Node& v) {
      if (key == "at") {
        m.at = str(v, p_m_at);
      } else if (key == "kpi") {
        m.kpi = str(v, p_m_kpi);
      } else if (key == "value") {
        m.value = num(v, p_m_value);
      } else if (key == "territory") {
        m.territory = str(v, p_m_territory);
      } else {
        refuse();
      }
    });
    return m;
  }

  model::Spend spend(const Node& n)
  {
    model::Spend x;
    object(n, p_spend, [&](std::string_view key, const Node& v) {
      if (key == "at") {
        x.at = str(v, p_spend_at);
      } else if (key == "amount") {
        x.amount = num(v, p_spend_amount);
      } else if (key == "note") {
        x.note = str(v, p_spend_note);
      } else {
        refuse();
      }
    });
    return x;
  }

  model::Poc poc(const Node& n)
  {
    model::Poc p;
    object(n, p_poc, [&](std::string_view key, const Node& v) {
      if (key == "id") {
        p.id = str(v, p_poc_id);
      } else if (key == "format") {
        p.format = str(v, p_poc_format);
      } else if (key == "territory") {
        p.territory = list(v, p_poc_territory, p_poc_unit);
      } else if (key == "sponsor") {
        p.sponsor = str(v, p_poc_sponsor);
      } else if (key == "planned") {
        object(v, p_poc_planned, [&](std::string_view k, const Node& d) {
          if (k == "start") {
            p.planned_start = str(d, p_poc_planned_start);
          } else if (k == "end") {
            p.planned_end = str(d, p_poc_planned_end);
          } else {
            refuse();
          }
        });
      } else if (key == "started") {
        p.started = str(v, p_poc_started);
      } else if (key == "ended") {
        p.ended = str(v, p_poc_ended);
      } else if (key == "budget") {
        object(v, p_poc_budget, [&](std::string_view k, const Node& x) {
          if (k == "planned") {
            p.budget_planned = num(x, p_poc_budget_planned);
          } else if (k == "spent") {
            refuse(); // format 1: the full path reads it, model::upgrade makes it a spend entry
          } else {
            refuse();
          }
        });
      } else if (key == "kpis") {
        items(v, [&](const Node& k) { p.kpis.push_back(kpi(k)); });
      } else if (key == "measurements") {
        items(v, [&](const Node& m) { p.measurements.push_back(measurement(m)); });
      } else if (key == "spend") {
        items(v, [&](const Node& x) { p.spend.push_back(spend(x)); });
      } else if (key == "outcome") {
        p.outcome = str(v, p_poc_outcome);
      } else if (key == "lessons") {
        p.lessons = str(v, p_poc_lessons);
      } else {
        refuse();
      }
    });
    return p;
  }

  model::Decision decision(const Node& n)
  {
    model::Decision d;
    object(n, p_decision, [&](std::string_view key, const Node& v) {
      if (key == "at") {
        d.at = str(v, p_d_at);
      } else if (key == "gate") {
        d.gate = str(v, p_d_gate);
      } else if (key == "by") {
        d.by = str(v, p_d_by);
      } else if (key == "decision") {
        d.decision = str(v, p_d_decision);
      } else if (key == "scope") {
        d.scope = list(v, p_d_scope, p_d_scope_item);
      } else if (key == "rollout") {
        items(v, [&](const Node& w) {
          model::RolloutWave wave;
          object(w, p_wave, [&](std::string_view k, const Node& x) {
            if (k == "region") {
              wave.region = str(x, p_wave_region);
            } else if (k == "planned") {
              wave.planned = str(x, p_wave_planned);
            } else if (k == "done") {
              wave.done = str(x, p_wave_done);
            } else if (k == "done_by") {
              wave.done_by = str(x, p_wave_done_by);
            } else {
              refuse();
            }
          });
          d.rollout.push_back(std::move(wave));
        });
      } else if (key == "projected") {
        d.projected = amount(v, p_projected);
      } else if (key == "rationale") {
        d.rationale = str(v, p_d_rationale);
      } else if (key == "override") {
        d.override_reason = str(v, p_d_override);
      } else {
        refuse();
      }
    });
    return d;
  }

  model::Realized realized(const Node& n)
  {
    model::Realized x;
    object(n, p_realized, [&](std::string_view key, const Node& v) {
      if (key == "period") {
        x.period = str(v, p_r_period);
      } else if (key == "metric") {
        x.metric = str(v, p_r_metric);
      } else if (key == "amount") {
        x.amount = num(v, p_r_amount);
      } else if (key == "region") {
        x.region = str(v, p_r_region);
      } else if (key == "at") {
        x.at = str(v, p_r_at);
      } else if (key == "by") {
        x.by = str(v, p_r_by);
      } else {
        refuse();
      }
    });
    return x;
  }

  model::HistoryEntry history(const Node& n)
  {
    model::HistoryEntry h;
    object(n, p_h, [&](std::string_view key, const Node& v) {
      if (key == "at") {
        h.at = str(v, p_h_at);
      } else if (key == "by") {
        h.by = str(v, p_h_by);
      } else if (key == "from") {
        h.from = str(v, p_h_from);
      } else if (key == "to") {
        h.to = str(v, p_h_to);
      } else if (key == "via") {
        h.via = str(v, p_h_via);
      } else if (key == "ref") {
        h.ref = str(v, p_h_ref);
      } else {
        refuse();
      }
    });
    return h;
  }

  model::Link link(const Node& n)
  {
    model::Link l;
    object(n, p_link, [&](std::string_view key, const Node& v) {
      if (key == "to") {
        l.to = str(v, p_link_to);
      } else if (key == "rel") {
        l.rel = str(v, p_link_rel);
      } else if (key == "at") {
        l.at = str(v, p_link_at);
      } else if (key == "by") {
        l.by = str(v, p_link_by);
      } else {
        refuse();
      }
    });
    return l;
  }

  model::Edit edit(const Node& n)
  {
    model::Edit e;
    object(n, p_e, [&](std::string_view key, const Node& v) {
      if (key == "at") {
        e.at = str(v, p_e_at);
      } else if (key == "by") {
        e.by = str(v, p_e_by);
      } else if (key == "fields") {
        e.keys = list(v, p_e_fields, p_e_field);
      } else if (key == "via") {
        e.via = str(v, p_e_via);
      } else {
        refuse();
      }
    });
    return e;
  }

  const Tree& m_t;
  const std::vector<Rule>& m_rules;
};

} // namespace

std::optional<model::Innovation> read_record_fast(std::string_view text, FastPositions* positions)
{
  auto tree = plain_yaml::parse(text);
  if (!tree) {
    return std::nullopt;
  }
  std::optional<model::Innovation> rec;
  try {
    rec = Reader(*tree).record();
  } catch (const Refused&) {
    return std::nullopt;
  }
  model::upgrade(*rec);
  if (positions) {
    *positions = {};
    for (auto i = tree->first(tree->root()); i != 0; i = tree->next(i)) {
      const Node& v = tree->at(i);
      if (v.key == "id") {
        positions->id_line = v.line;
        positions->id_col = v.col;
      } else if (v.key == "merged_into") {
        positions->merged_into_line = v.line;
        positions->merged_into_col = v.col;
      } else if (v.key == "external_ref") {
        positions->external_ref_line = v.line;
        positions->external_ref_col = v.col;
      } else if (v.key == "links") {
        for (auto j = tree->first(v); j != 0; j = tree->next(j)) {
          const Node& item = tree->at(j);
          std::pair<int, int> at{item.line, item.col};
          for (auto k = tree->first(item); k != 0; k = tree->next(k)) {
            if (tree->at(k).key == "to" && tree->at(k).line != 0) {
              at = {tree->at(k).line, tree->at(k).col};
            }
          }
          positions->link_to.push_back(at);
        }
      }
    }
  }
  return rec;
}

} // namespace innov::store
