#include "lib/schema/validator.hpp"

#include "lib/schema/pointer.hpp"
#include "lib/schema/walk.hpp"
#include "lib/util/date.hpp"
#include "lib/util/text.hpp"
#include "lib/util/utf8.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <stdexcept>
#include <unordered_set>

namespace innov::schema {

using detail::is_false_schema;
using detail::is_number;
using detail::show;

namespace {

constexpr int k_max_ref_depth = 200;
constexpr std::size_t k_shown_chars = 40;

bool type_matches(const std::string& want, JsonType got)
{
  if (want == "number") {
    return is_number(got);
  }
  return want == type_name(got);
}

// x is an integer multiple of d (> 0), allowing for the rounding of decimal fractions in binary
// (0.0075 is a multiple of 0.0001).
bool is_multiple(double x, double d)
{
  double q = x / d;
  if (!std::isfinite(q)) {
    return false;
  }
  if (x == std::floor(x) && d == std::floor(d) && std::fabs(x) <= 0x1p53) {
    return std::fmod(x, d) == 0;
  }
  return std::fabs(q - std::round(q)) <= std::max(1e-9, std::fabs(q) * 1e-15);
}

// Walks a schema document once: compiles every "pattern" and "patternProperties" regex, checks
// that every local "$ref" resolves, and computes the size of every sequence and mapping (yaml-cpp
// caches sizes in mutable members; once computed, validate() only reads the shared schema).
void prepare(const YAML::Node& root, const YAML::Node& schema,
             std::map<std::string, Pattern>& patterns)
{
  if (schema.IsSequence()) {
    schema.size();
    for (const auto& item : schema) {
      prepare(root, item, patterns);
    }
    return;
  }
  if (!schema.IsMap()) {
    return;
  }
  schema.size();
  for (const auto& kv : schema) {
    const std::string& key = kv.first.Scalar();
    const YAML::Node& value = kv.second;
    if (key == "enum" || key == "const" || key == "default" || key == "examples") {
      continue; // values, not schemas
    }
    if (key == "pattern" && value.IsScalar()) {
      patterns.try_emplace(value.Scalar(), value.Scalar());
    } else if (key == "$ref" && value.IsScalar() && util::starts_with(value.Scalar(), "#") &&
               !resolve_fragment(root, value.Scalar()).IsDefined()) {
      throw std::invalid_argument("unresolvable $ref '" + value.Scalar() + "' in schema");
    } else if ((key == "properties" || key == "patternProperties" || key == "definitions" ||
                key == "dependencies") &&
               value.IsMap()) {
      value.size();
      for (const auto& named : value) { // names, then schemas
        if (key == "patternProperties") {
          patterns.try_emplace(named.first.Scalar(), named.first.Scalar());
        }
        prepare(root, named.second, patterns);
      }
    } else {
      prepare(root, value, patterns);
    }
  }
}

// Indexes every mapping and list of the schema document by position. Two nodes at one position
// (a schema built in code has no positions) are left out, and looked up the slow way.
void compile(const YAML::Node& node, std::unordered_map<int, CompiledNode>& out,
             std::unordered_map<int, YAML::Node>& seen, std::unordered_set<int>& ambiguous)
{
  if (!node.IsMap() && !node.IsSequence()) {
    return;
  }
  int pos = node.Mark().pos;
  if (auto it = seen.find(pos); it != seen.end()) {
    if (!it->second.is(node)) {
      ambiguous.insert(pos);
    }
    return; // the same node again (an alias) or a clash
  }
  seen.emplace(pos, node);
  CompiledNode& c = out[pos];
  for (const auto& kv : node) {
    if (node.IsMap()) {
      c.entries.emplace(kv.first.Scalar(), kv.second);
      compile(kv.second, out, seen, ambiguous);
    } else {
      c.items.push_back(kv);
      compile(kv, out, seen, ambiguous);
    }
  }
}

// Every local "$ref" of the schema with its target.
void collect_refs(const YAML::Node& root, const YAML::Node& node,
                  std::map<std::string, YAML::Node>& refs)
{
  if (node.IsSequence()) {
    for (const auto& item : node) {
      collect_refs(root, item, refs);
    }
  } else if (node.IsMap()) {
    for (const auto& kv : node) {
      if (kv.first.Scalar() == "$ref" && kv.second.IsScalar() && !refs.count(kv.second.Scalar())) {
        YAML::Node target = resolve_fragment(root, kv.second.Scalar());
        if (target.IsDefined()) {
          refs.emplace(kv.second.Scalar(), target);
        }
      }
      collect_refs(root, kv.second, refs);
    }
  }
}

std::string list_values(const YAML::Node& values)
{
  std::vector<std::string> out;
  for (const auto& v : values) {
    out.push_back(v.IsScalar() ? v.Scalar() : show(v));
  }
  return util::join(out, ", ");
}

} // namespace

namespace detail {

std::string show(const YAML::Node& n)
{
  if (n.IsScalar()) {
    const std::string& s = n.Scalar();
    std::size_t chars = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
      if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && ++chars > k_shown_chars) {
        return "'" + s.substr(0, i) + "…'";
      }
    }
    return "'" + s + "'";
  }
  if (n.IsSequence()) {
    return "a list";
  }
  if (n.IsMap()) {
    return "a mapping";
  }
  return "null";
}

bool is_number(JsonType t)
{
  return t == JsonType::integer || t == JsonType::number;
}

bool is_false_schema(const YAML::Node& schema)
{
  return schema.IsScalar() && json_type(schema) == JsonType::boolean &&
         (schema.Scalar()[0] == 'f' || schema.Scalar()[0] == 'F');
}

} // namespace detail

const Validator::Compiled* Validator::compiled(const YAML::Node& node) const
{
  if (!node.IsDefined() || !(node.IsMap() || node.IsSequence())) {
    return nullptr;
  }
  auto it = m_compiled->find(node.Mark().pos);
  return it == m_compiled->end() ? nullptr : &it->second;
}

const YAML::Node& Validator::Walk::at(const YAML::Node& schema, const char* key) const
{
  static const YAML::Node k_absent(YAML::NodeType::Undefined);
  if (const Compiled* c = v.compiled(schema); c && schema.IsMap()) {
    auto it = c->entries.find(std::string_view(key));
    return it == c->entries.end() ? k_absent : it->second;
  }
  if (!schema.IsMap()) {
    return k_absent;
  }
  scratch.push_back(schema[key]);
  return scratch.back();
}

const std::vector<YAML::Node>& Validator::Walk::items_of(const YAML::Node& list) const
{
  if (const Compiled* c = v.compiled(list); c && list.IsSequence()) {
    return c->items;
  }
  auto& items = scratch_lists.emplace_back();
  for (const auto& item : list) {
    items.push_back(item);
  }
  return items;
}

void Validator::Walk::add(std::vector<Violation>& out, const YAML::Node& at, const std::string& ptr,
                          const char* keyword, std::string message) const
{
  Violation viol;
  viol.pointer = ptr;
  viol.keyword = keyword;
  viol.message = std::move(message);
  if (at.IsDefined()) {
    YAML::Mark mark = at.Mark();
    if (at.IsNull() && !anchors.empty() && !anchors.back().is_null() &&
        (mark.is_null() || mark.line != anchors.back().line)) {
      mark = anchors.back();
    }
    if (!mark.is_null()) {
      viol.line = mark.line + 1;
      viol.col = mark.column + 1;
    }
  }
  out.push_back(std::move(viol));
}

void Validator::Walk::check(const YAML::Node& schema, const YAML::Node& inst,
                            const std::string& ptr, std::vector<Violation>& out)
{
  if (schema.IsScalar()) {
    if (is_false_schema(schema)) {
      add(out, inst, ptr, "false", "no value is allowed here");
    }
    return;
  }
  if (!schema.IsMap()) {
    return;
  }
  if (const YAML::Node& ref = at(schema, "$ref"); ref && ref.IsScalar()) {
    if (++ref_depth > k_max_ref_depth) {
      add(out, inst, ptr, "$ref", "schema reference nesting is too deep");
      --ref_depth;
      return;
    }
    if (auto it = v.m_refs->find(ref.Scalar()); it != v.m_refs->end()) {
      check(it->second, inst, ptr, out);
    } else if (YAML::Node target = resolve_fragment(v.m_root, ref.Scalar()); target.IsDefined()) {
      check(target, inst, ptr, out);
    }
    --ref_depth;
    return; // draft-07: $ref siblings are ignored
  }
  JsonType t = json_type(inst);
  check_type(schema, inst, t, ptr, out);
  check_enum_const(schema, inst, ptr, out);
  if (is_number(t)) {
    check_number(schema, inst, ptr, out);
  }
  if (t == JsonType::string) {
    check_string(schema, inst, ptr, out);
  }
  if (t == JsonType::array) {
    check_array(schema, inst, ptr, out);
  }
  if (t == JsonType::object) {
    check_object(schema, inst, ptr, out);
  }
  check_combinators(schema, inst, ptr, out);
}

void Validator::Walk::check_child(const YAML::Node& schema, const YAML::Node& inst,
                                  const std::string& ptr, YAML::Mark anchor,
                                  std::vector<Violation>& out)
{
  anchors.push_back(anchor);
  check(schema, inst, ptr, out);
  anchors.pop_back();
}

std::vector<Violation> Validator::Walk::violations(const YAML::Node& schema, const YAML::Node& inst,
                                                   const std::string& ptr)
{
  std::vector<Violation> tmp;
  check(schema, inst, ptr, tmp);
  return tmp;
}

bool Validator::Walk::valid(const YAML::Node& schema, const YAML::Node& inst)
{
  return violations(schema, inst, "").empty();
}

void Validator::Walk::check_type(const YAML::Node& schema, const YAML::Node& inst, JsonType t,
                                 const std::string& ptr, std::vector<Violation>& out) const
{
  const YAML::Node& type = at(schema, "type");
  if (!type) {
    return;
  }
  std::vector<std::string> wanted;
  if (type.IsScalar()) {
    wanted.push_back(type.Scalar());
  } else if (type.IsSequence()) {
    for (const auto& x : type) {
      wanted.push_back(x.Scalar());
    }
  }
  for (const auto& w : wanted) {
    if (type_matches(w, t)) {
      return;
    }
  }
  std::string got = type_name(t);
  if (t == JsonType::string || is_number(t) || t == JsonType::boolean) {
    got += " " + show(inst);
  }
  add(out, inst, ptr, "type", "expected " + util::join(wanted, " or ") + ", got " + got);
}

void Validator::Walk::check_enum_const(const YAML::Node& schema, const YAML::Node& inst,
                                       const std::string& ptr, std::vector<Violation>& out) const
{
  if (const YAML::Node& e = at(schema, "enum"); e && e.IsSequence()) {
    bool found = false;
    for (const auto& x : e) {
      found = found || json_equal(x, inst);
    }
    if (!found) {
      std::vector<std::string> names;
      for (const auto& x : e) {
        if (x.IsScalar()) {
          names.push_back(x.Scalar());
        }
      }
      std::string hint = inst.IsScalar() ? util::did_you_mean(inst.Scalar(), names) : "";
      add(out, inst, ptr, "enum", show(inst) + " is not one of: " + list_values(e) + hint);
    }
  }
  if (const YAML::Node& c = at(schema, "const"); c.IsDefined() && !json_equal(c, inst)) {
    add(out, inst, ptr, "const", "must be " + show(c) + ", got " + show(inst));
  }
}

void Validator::Walk::check_number(const YAML::Node& schema, const YAML::Node& inst,
                                   const std::string& ptr, std::vector<Violation>& out) const
{
  double x = number_value(inst);
  if (!std::isfinite(x) && at(schema, "type")) {
    // JSON has no infinities or NaN; 1e400 overflows to one. Once per value: at its typed schema.
    add(out, inst, ptr, "finite", fmt::format("{} is not a finite number", inst.Scalar()));
    return;
  }
  auto num = [&](const char* key, double& value) {
    const YAML::Node& n = at(schema, key);
    if (n && n.IsScalar() && is_number(json_type(n))) {
      value = number_value(n);
      return true;
    }
    return false;
  };
  double lim = 0;
  if (num("minimum", lim) && x < lim) {
    add(out, inst, ptr, "minimum",
        fmt::format("{} is less than the minimum {}", inst.Scalar(), lim));
  }
  if (num("maximum", lim) && x > lim) {
    add(out, inst, ptr, "maximum",
        fmt::format("{} is more than the maximum {}", inst.Scalar(), lim));
  }
  if (num("exclusiveMinimum", lim) && x <= lim) {
    add(out, inst, ptr, "exclusiveMinimum",
        fmt::format("{} must be more than {}", inst.Scalar(), lim));
  }
  if (num("exclusiveMaximum", lim) && x >= lim) {
    add(out, inst, ptr, "exclusiveMaximum",
        fmt::format("{} must be less than {}", inst.Scalar(), lim));
  }
  if (num("multipleOf", lim) && lim > 0 && !is_multiple(x, lim)) {
    add(out, inst, ptr, "multipleOf",
        fmt::format("{} is not a multiple of {}", inst.Scalar(), lim));
  }
}

void Validator::Walk::check_string(const YAML::Node& schema, const YAML::Node& inst,
                                   const std::string& ptr, std::vector<Violation>& out) const
{
  const std::string& s = inst.Scalar();
  std::size_t len = util::utf8_length(s);
  if (const YAML::Node& n = at(schema, "minLength");
      n && len < static_cast<std::size_t>(number_value(n))) {
    add(out, inst, ptr, "minLength",
        len == 0 ? std::string("must not be empty")
                 : fmt::format("{} is shorter than {} characters", show(inst), n.Scalar()));
  }
  if (const YAML::Node& n = at(schema, "maxLength");
      n && len > static_cast<std::size_t>(number_value(n))) {
    add(out, inst, ptr, "maxLength",
        fmt::format("text is longer than {} characters ({})", n.Scalar(), len));
  }
  if (const YAML::Node& p = at(schema, "pattern"); p && p.IsScalar() && !v.search(p.Scalar(), s)) {
    add(out, inst, ptr, "pattern", show(inst) + " does not match the pattern " + p.Scalar());
  }
  if (const YAML::Node& f = at(schema, "format"); f && f.IsScalar()) {
    if (f.Scalar() == "date" && !util::parse_date(s)) {
      add(out, inst, ptr, "format", show(inst) + " is not a valid date (YYYY-MM-DD)");
    } else if (f.Scalar() == "date-time" && !util::is_date_time(s)) {
      add(out, inst, ptr, "format",
          show(inst) + " is not a valid date-time (YYYY-MM-DDTHH:MM:SSZ)");
    }
  }
}

Validator::Validator(YAML::Node schema) : m_root(std::move(schema))
{
  auto patterns = std::make_shared<std::map<std::string, Pattern>>();
  prepare(m_root, m_root, *patterns);
  m_patterns = std::move(patterns);
  auto compiled = std::make_shared<std::unordered_map<int, Compiled>>();
  std::unordered_map<int, YAML::Node> seen;
  std::unordered_set<int> ambiguous;
  compile(m_root, *compiled, seen, ambiguous);
  for (int pos : ambiguous) {
    compiled->erase(pos);
  }
  m_compiled = std::move(compiled);
  auto refs = std::make_shared<std::map<std::string, YAML::Node>>();
  collect_refs(m_root, m_root, *refs);
  m_refs = std::move(refs);
}

bool Validator::search(const std::string& pattern, const std::string& text) const
{
  auto it = m_patterns->find(pattern);
  if (it != m_patterns->end()) {
    return it->second.search(text);
  }
  return Pattern(pattern).search(
      text); // reached through a "$ref" into a place prepare() did not walk
}

std::vector<Violation> Validator::validate(const YAML::Node& instance) const
{
  std::vector<Violation> out;
  Walk w{*this, 0, {}, {}, {}};
  w.check(m_root, instance, "", out);
  return out;
}

bool Validator::is_valid(const YAML::Node& instance) const
{
  return validate(instance).empty();
}

std::string code_for(const Violation& v)
{
  const std::string& k = v.keyword;
  if (k == "required") {
    return "E010";
  }
  if (k == "additionalProperties") {
    return "E011";
  }
  if (k == "type") {
    return "E013";
  }
  if (k == "enum" || k == "const") {
    return "E014";
  }
  if (k == "pattern" || k == "format") {
    return "E015";
  }
  if (k == "minimum" || k == "maximum" || k == "exclusiveMinimum" || k == "exclusiveMaximum" ||
      k == "multipleOf" || k == "minLength" || k == "maxLength" || k == "minItems" ||
      k == "maxItems" || k == "uniqueItems" || k == "minProperties" || k == "maxProperties" ||
      k == "finite") {
    return "E016";
  }
  return "E017";
}

} // namespace innov::schema
