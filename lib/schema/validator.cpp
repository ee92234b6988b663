#include "lib/schema/validator.hpp"

#include "lib/util/date.hpp"
#include "lib/util/text.hpp"
#include "lib/util/utf8.hpp"

#include <cmath>
#include <fmt/format.h>

namespace innov::schema {

namespace {

constexpr int k_max_ref_depth = 200;

std::string escape_pointer(const std::string& key)
{
  std::string out;
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

std::string percent_decode(const std::string& s)
{
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// A short rendering of a value for messages.
std::string show(const YAML::Node& n)
{
  if (n.IsScalar()) {
    std::string s = n.Scalar();
    if (util::utf8_length(s) > 40) {
      s = s.substr(0, 40) + "…";
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

bool type_matches(const std::string& want, JsonType got)
{
  if (want == "number") {
    return is_number(got);
  }
  return want == type_name(got);
}

void collect_patterns(const YAML::Node& schema, std::map<std::string, std::regex>& out)
{
  if (schema.IsMap()) {
    for (const auto& kv : schema) {
      const std::string& key = kv.first.Scalar();
      if (key == "pattern" && kv.second.IsScalar()) {
        out.emplace(kv.second.Scalar(), std::regex(kv.second.Scalar(), std::regex::ECMAScript));
      }
      if (key == "patternProperties" && kv.second.IsMap()) {
        for (const auto& p : kv.second) {
          out.emplace(p.first.Scalar(), std::regex(p.first.Scalar(), std::regex::ECMAScript));
        }
      }
      if (key != "enum" && key != "const") {
        collect_patterns(kv.second, out);
      }
    }
  } else if (schema.IsSequence()) {
    for (const auto& item : schema) {
      collect_patterns(item, out);
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

struct Validator::Walk
{
  const Validator& v;
  int ref_depth = 0;

  void add(std::vector<Violation>& out, const YAML::Node& at, const std::string& ptr, const char* keyword,
           std::string message) const
  {
    Violation viol;
    viol.pointer = ptr;
    viol.keyword = keyword;
    viol.message = std::move(message);
    if (at.IsDefined()) {
      viol.line = at.Mark().line + 1;
      viol.col = at.Mark().column + 1;
    }
    out.push_back(std::move(viol));
  }

  YAML::Node resolve(const std::string& ref) const
  {
    if (ref.empty() || ref[0] != '#') {
      return YAML::Node(YAML::NodeType::Undefined);
    }
    YAML::Node cur = v.m_root;
    std::string path = percent_decode(ref.substr(1));
    if (path.empty()) {
      return cur;
    }
    if (path[0] != '/') {
      return YAML::Node(YAML::NodeType::Undefined);
    }
    for (auto part : util::split(path.substr(1), '/')) {
      std::string key;
      for (std::size_t i = 0; i < part.size(); ++i) {
        if (part[i] == '~' && i + 1 < part.size()) {
          key += part[i + 1] == '1' ? '/' : '~';
          ++i;
        } else {
          key += part[i];
        }
      }
      const YAML::Node c = cur;
      if (c.IsSequence()) {
        std::size_t idx = 0;
        try {
          idx = std::stoul(key);
        } catch (const std::exception&) {
          return YAML::Node(YAML::NodeType::Undefined);
        }
        if (idx >= c.size()) {
          return YAML::Node(YAML::NodeType::Undefined);
        }
        cur.reset(c[idx]);
      } else if (c.IsMap()) {
        YAML::Node next;
        bool found = false;
        for (const auto& kv : c) {
          if (kv.first.Scalar() == key) {
            next.reset(kv.second);
            found = true;
            break;
          }
        }
        if (!found) {
          return YAML::Node(YAML::NodeType::Undefined);
        }
        cur.reset(next);
      } else {
        return YAML::Node(YAML::NodeType::Undefined);
      }
    }
    return cur;
  }

  bool valid(const YAML::Node& schema, const YAML::Node& inst) const
  {
    std::vector<Violation> tmp;
    Walk w{v, ref_depth};
    w.check(schema, inst, "", tmp);
    return tmp.empty();
  }

  void check(const YAML::Node& schema, const YAML::Node& inst, const std::string& ptr,
             std::vector<Violation>& out)
  {
    if (schema.IsScalar()) {
      if (json_type(schema) == JsonType::boolean && (schema.Scalar()[0] == 'f' || schema.Scalar()[0] == 'F')) {
        add(out, inst, ptr, "false", "no value is allowed here");
      }
      return;
    }
    if (!schema.IsMap()) {
      return;
    }
    if (const YAML::Node ref = schema["$ref"]; ref && ref.IsScalar()) {
      if (++ref_depth > k_max_ref_depth) {
        add(out, inst, ptr, "$ref", "schema reference nesting is too deep");
        --ref_depth;
        return;
      }
      YAML::Node target = resolve(ref.Scalar());
      if (target.IsDefined()) {
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

  void check_type(const YAML::Node& schema, const YAML::Node& inst, JsonType t, const std::string& ptr,
                  std::vector<Violation>& out) const
  {
    const YAML::Node type = schema["type"];
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

  void check_enum_const(const YAML::Node& schema, const YAML::Node& inst, const std::string& ptr,
                        std::vector<Violation>& out) const
  {
    if (const YAML::Node e = schema["enum"]; e && e.IsSequence()) {
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
    if (const YAML::Node c = schema["const"]; c.IsDefined() && !json_equal(c, inst)) {
      add(out, inst, ptr, "const", "must be " + show(c) + ", got " + show(inst));
    }
  }

  void check_number(const YAML::Node& schema, const YAML::Node& inst, const std::string& ptr,
                    std::vector<Violation>& out) const
  {
    double x = number_value(inst);
    auto num = [&](const char* key, double& value) {
      const YAML::Node n = schema[key];
      if (n && n.IsScalar() && is_number(json_type(n))) {
        value = number_value(n);
        return true;
      }
      return false;
    };
    double lim = 0;
    if (num("minimum", lim) && x < lim) {
      add(out, inst, ptr, "minimum", fmt::format("{} is less than the minimum {}", inst.Scalar(), lim));
    }
    if (num("maximum", lim) && x > lim) {
      add(out, inst, ptr, "maximum", fmt::format("{} is more than the maximum {}", inst.Scalar(), lim));
    }
    if (num("exclusiveMinimum", lim) && x <= lim) {
      add(out, inst, ptr, "exclusiveMinimum", fmt::format("{} must be more than {}", inst.Scalar(), lim));
    }
    if (num("exclusiveMaximum", lim) && x >= lim) {
      add(out, inst, ptr, "exclusiveMaximum", fmt::format("{} must be less than {}", inst.Scalar(), lim));
    }
    if (num("multipleOf", lim) && lim > 0) {
      double q = x / lim;
      bool ok = std::isfinite(q) && std::fabs(q - std::round(q)) <= 1e-9 * std::max(1.0, std::fabs(q));
      if (!ok) {
        add(out, inst, ptr, "multipleOf", fmt::format("{} is not a multiple of {}", inst.Scalar(), lim));
      }
    }
  }

  void check_string(const YAML::Node& schema, const YAML::Node& inst, const std::string& ptr,
                    std::vector<Violation>& out) const
  {
    const std::string& s = inst.Scalar();
    std::size_t len = util::utf8_length(s);
    if (const YAML::Node n = schema["minLength"]; n && len < static_cast<std::size_t>(number_value(n))) {
      add(out, inst, ptr, "minLength",
          len == 0 ? std::string("must not be empty") : fmt::format("{} is shorter than {} characters", show(inst), n.Scalar()));
    }
    if (const YAML::Node n = schema["maxLength"]; n && len > static_cast<std::size_t>(number_value(n))) {
      add(out, inst, ptr, "maxLength", fmt::format("text is longer than {} characters ({})", n.Scalar(), len));
    }
    if (const YAML::Node p = schema["pattern"]; p && p.IsScalar()) {
      auto it = v.m_regexes->find(p.Scalar());
      if (it != v.m_regexes->end() && !std::regex_search(s, it->second)) {
        add(out, inst, ptr, "pattern", show(inst) + " does not match the pattern " + p.Scalar());
      }
    }
    if (const YAML::Node f = schema["format"]; f && f.IsScalar()) {
      if (f.Scalar() == "date" && !util::parse_date(s)) {
        add(out, inst, ptr, "format", show(inst) + " is not a valid date (YYYY-MM-DD)");
      } else if (f.Scalar() == "date-time" && !util::is_date_time(s)) {
        add(out, inst, ptr, "format", show(inst) + " is not a valid date-time (YYYY-MM-DDTHH:MM:SSZ)");
      }
    }
  }

  void check_array(const YAML::Node& schema, const YAML::Node& inst, const std::string& ptr,
                   std::vector<Violation>& out)
  {
    std::size_t n = inst.size();
    if (const YAML::Node m = schema["minItems"]; m && n < static_cast<std::size_t>(number_value(m))) {
      add(out, inst, ptr, "minItems", fmt::format("expected at least {} item(s), got {}", m.Scalar(), n));
    }
    if (const YAML::Node m = schema["maxItems"]; m && n > static_cast<std::size_t>(number_value(m))) {
      add(out, inst, ptr, "maxItems", fmt::format("expected at most {} item(s), got {}", m.Scalar(), n));
    }
    if (const YAML::Node u = schema["uniqueItems"]; u && u.IsScalar() && (u.Scalar() == "true")) {
      for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = i + 1; j < n; ++j) {
          if (json_equal(inst[i], inst[j])) {
            add(out, inst[j], ptr + "/" + std::to_string(j), "uniqueItems",
                "items must be unique: " + show(inst[j]) + " appears twice");
            i = n;
            break;
          }
        }
      }
    }
    const YAML::Node items = schema["items"];
    std::size_t tuple = 0;
    if (items && items.IsSequence()) {
      tuple = items.size();
      for (std::size_t i = 0; i < n && i < tuple; ++i) {
        check(items[i], inst[i], ptr + "/" + std::to_string(i), out);
      }
      if (const YAML::Node extra = schema["additionalItems"]; extra) {
        for (std::size_t i = tuple; i < n; ++i) {
          check(extra, inst[i], ptr + "/" + std::to_string(i), out);
        }
      }
    } else if (items) {
      for (std::size_t i = 0; i < n; ++i) {
        check(items, inst[i], ptr + "/" + std::to_string(i), out);
      }
    }
    if (const YAML::Node c = schema["contains"]; c) {
      bool any = false;
      for (std::size_t i = 0; i < n && !any; ++i) {
        any = valid(c, inst[i]);
      }
      if (!any) {
        add(out, inst, ptr, "contains", "no item matches what the list must contain");
      }
    }
  }

  void check_object(const YAML::Node& schema, const YAML::Node& inst, const std::string& ptr,
                    std::vector<Violation>& out)
  {
    const YAML::Node props = schema["properties"];
    const YAML::Node pattern_props = schema["patternProperties"];
    const YAML::Node additional = schema["additionalProperties"];
    if (const YAML::Node req = schema["required"]; req && req.IsSequence()) {
      for (const auto& r : req) {
        bool present = false;
        for (const auto& kv : inst) {
          present = present || kv.first.Scalar() == r.Scalar();
        }
        if (!present) {
          add(out, inst, ptr, "required", "missing required field '" + r.Scalar() + "'");
        }
      }
    }
    std::size_t count = inst.size();
    if (const YAML::Node m = schema["minProperties"]; m && count < static_cast<std::size_t>(number_value(m))) {
      add(out, inst, ptr, "minProperties", fmt::format("expected at least {} field(s), got {}", m.Scalar(), count));
    }
    if (const YAML::Node m = schema["maxProperties"]; m && count > static_cast<std::size_t>(number_value(m))) {
      add(out, inst, ptr, "maxProperties", fmt::format("expected at most {} field(s), got {}", m.Scalar(), count));
    }
    std::vector<std::string> known;
    if (props && props.IsMap()) {
      for (const auto& p : props) {
        known.push_back(p.first.Scalar());
      }
    }
    for (const auto& kv : inst) {
      const std::string key = kv.first.Scalar();
      std::string child = ptr + "/" + escape_pointer(key);
      bool matched = false;
      if (props && props.IsMap()) {
        for (const auto& p : props) {
          if (p.first.Scalar() == key) {
            check(p.second, kv.second, child, out);
            matched = true;
          }
        }
      }
      if (pattern_props && pattern_props.IsMap()) {
        for (const auto& p : pattern_props) {
          auto it = v.m_regexes->find(p.first.Scalar());
          if (it != v.m_regexes->end() && std::regex_search(key, it->second)) {
            check(p.second, kv.second, child, out);
            matched = true;
          }
        }
      }
      if (!matched && additional) {
        if (additional.IsScalar() && json_type(additional) == JsonType::boolean &&
            (additional.Scalar()[0] == 'f' || additional.Scalar()[0] == 'F')) {
          add(out, kv.first, child, "additionalProperties",
              "unknown field '" + key + "'" + util::did_you_mean(key, known));
        } else {
          check(additional, kv.second, child, out);
        }
      }
      if (const YAML::Node names = schema["propertyNames"]; names) {
        std::vector<Violation> tmp;
        check(names, kv.first, child, tmp);
        if (!tmp.empty()) {
          add(out, kv.first, child, "propertyNames", "field name '" + key + "' is not allowed: " + tmp.front().message);
        }
      }
    }
  }

  void check_combinators(const YAML::Node& schema, const YAML::Node& inst, const std::string& ptr,
                         std::vector<Violation>& out)
  {
    if (const YAML::Node all = schema["allOf"]; all && all.IsSequence()) {
      for (const auto& s : all) {
        check(s, inst, ptr, out);
      }
    }
    if (const YAML::Node any = schema["anyOf"]; any && any.IsSequence()) {
      std::vector<Violation> best;
      bool ok = false;
      for (const auto& s : any) {
        std::vector<Violation> tmp;
        check(s, inst, ptr, tmp);
        if (tmp.empty()) {
          ok = true;
          break;
        }
        if (best.empty() || tmp.size() < best.size()) {
          best = std::move(tmp);
        }
      }
      if (!ok) {
        std::string msg = best.empty() ? "matches none of the allowed forms" : best.front().message;
        add(out, inst, ptr, "anyOf", msg);
      }
    }
    if (const YAML::Node one = schema["oneOf"]; one && one.IsSequence()) {
      int matches = 0;
      for (const auto& s : one) {
        matches += valid(s, inst) ? 1 : 0;
      }
      if (matches == 0) {
        add(out, inst, ptr, "oneOf", show(inst) + " matches none of the allowed forms");
      } else if (matches > 1) {
        add(out, inst, ptr, "oneOf", show(inst) + " matches more than one of the allowed forms");
      }
    }
    if (const YAML::Node n = schema["not"]; n && valid(n, inst)) {
      add(out, inst, ptr, "not", show(inst) + " is not allowed here");
    }
    if (const YAML::Node cond = schema["if"]; cond) {
      bool holds = valid(cond, inst);
      if (holds) {
        if (const YAML::Node then = schema["then"]; then) {
          check(then, inst, ptr, out);
        }
      } else if (const YAML::Node els = schema["else"]; els) {
        check(els, inst, ptr, out);
      }
    }
  }
};

Validator::Validator(YAML::Node schema)
  : m_root(std::move(schema)), m_regexes(std::make_shared<std::map<std::string, std::regex>>())
{
  collect_patterns(m_root, *m_regexes);
}

std::vector<Violation> Validator::validate(const YAML::Node& instance) const
{
  std::vector<Violation> out;
  Walk w{*this};
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
      k == "multipleOf" || k == "minLength" || k == "maxLength" || k == "minItems" || k == "maxItems" ||
      k == "uniqueItems" || k == "minProperties" || k == "maxProperties") {
    return "E016";
  }
  return "E017";
}

} // namespace innov::schema
