#include "lib/schema/pointer.hpp"
#include "lib/schema/walk.hpp"
#include "lib/util/text.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <map>
#include <unordered_set>

namespace innov::schema {

using detail::is_false_schema;
using detail::show;

namespace {

// How far a failed anyOf/oneOf branch is from matching: a type mismatch at the instance itself
// first (the branch is for another kind of value), then the number of violations.
std::pair<int, std::size_t> distance(const std::vector<Violation>& violations,
                                     const std::string& ptr)
{
  bool wrong_type = std::any_of(violations.begin(), violations.end(), [&](const Violation& x) {
    return x.pointer == ptr && (x.keyword == "type" || x.keyword == "false");
  });
  return {wrong_type ? 1 : 0, violations.size()};
}

// The first problem of a failed branch, with its location below the instance when deeper.
std::string branch_problem(const std::vector<Violation>& violations, const std::string& ptr)
{
  const Violation& first = violations.front();
  if (first.pointer.size() > ptr.size()) {
    return first.message + " (at " + first.pointer.substr(ptr.size()) + ")";
  }
  return first.message;
}

// A text that two values share exactly when json_equal holds: numbers by value (1 and 1.0 alike),
// mappings with their keys sorted; a NaN equals nothing, so each gets a key of its own.
std::string unique_key(const YAML::Node& node, std::size_t& nan_count)
{
  switch (json_type(node)) {
  case JsonType::null:
    return "z";
  case JsonType::boolean:
    return node.Scalar()[0] == 't' || node.Scalar()[0] == 'T' ? "t" : "f";
  case JsonType::integer:
  case JsonType::number: {
    double v = number_value(node);
    if (std::isnan(v)) {
      return "nan" + std::to_string(++nan_count);
    }
    return fmt::format("n{}", v + 0.0); // + 0.0: -0 and 0 are equal
  }
  case JsonType::string:
    return fmt::format("s{}:{}", node.Scalar().size(), node.Scalar());
  case JsonType::array: {
    std::string key = "a[";
    for (const auto& x : node) {
      std::string k = unique_key(x, nan_count);
      key += std::to_string(k.size()) + ":" + k;
    }
    return key + "]";
  }
  case JsonType::object: {
    std::map<std::string, std::string> fields;
    for (const auto& kv : node) {
      fields[kv.first.Scalar()] = unique_key(kv.second, nan_count);
    }
    std::string key = "o{";
    for (const auto& [name, value] : fields) {
      key += std::to_string(name.size()) + ":" + name + std::to_string(value.size()) + ":" + value;
    }
    return key + "}";
  }
  }
  return {};
}

} // namespace

void Validator::Walk::check_array(const YAML::Node& schema, const YAML::Node& inst,
                                  const std::string& ptr, std::vector<Violation>& out)
{
  std::size_t n = inst.size();
  if (const YAML::Node& m = at(schema, "minItems");
      m && n < static_cast<std::size_t>(number_value(m))) {
    add(out, inst, ptr, "minItems",
        fmt::format("expected at least {} item(s), got {}", m.Scalar(), n));
  }
  if (const YAML::Node& m = at(schema, "maxItems");
      m && n > static_cast<std::size_t>(number_value(m))) {
    add(out, inst, ptr, "maxItems",
        fmt::format("expected at most {} item(s), got {}", m.Scalar(), n));
  }
  if (const YAML::Node& u = at(schema, "uniqueItems"); u && u.IsScalar() && u.Scalar() == "true") {
    // One pass with a set of canonical keys: comparing every pair took minutes on 10,000 likes.
    std::unordered_set<std::string> seen;
    std::size_t nan_count = 0;
    std::size_t j = 0;
    for (const auto& x : inst) {
      if (!seen.insert(unique_key(x, nan_count)).second) {
        add(out, x, ptr + "/" + std::to_string(j), "uniqueItems",
            "items must be unique: " + show(x) + " appears twice");
        break;
      }
      ++j;
    }
  }
  auto item = [&](const YAML::Node& s, std::size_t i) {
    check_child(s, inst[i], ptr + "/" + std::to_string(i), YAML::Mark::null_mark(), out);
  };
  const YAML::Node& items = at(schema, "items");
  if (items && items.IsSequence()) {
    std::size_t tuple = items.size();
    for (std::size_t i = 0; i < n && i < tuple; ++i) {
      item(items[i], i);
    }
    if (const YAML::Node& extra = at(schema, "additionalItems"); extra) {
      for (std::size_t i = tuple; i < n; ++i) {
        item(extra, i);
      }
    }
  } else if (items) {
    for (std::size_t i = 0; i < n; ++i) {
      item(items, i);
    }
  }
  if (const YAML::Node& c = at(schema, "contains"); c) {
    bool any = false;
    for (std::size_t i = 0; i < n && !any; ++i) {
      any = valid(c, inst[i]);
    }
    if (!any) {
      add(out, inst, ptr, "contains",
          n == 0 ? std::string("the list is empty but must contain a matching item")
                 : std::string("no item matches what the list must contain"));
    }
  }
}

void Validator::Walk::check_object(const YAML::Node& schema, const YAML::Node& inst,
                                   const std::string& ptr, std::vector<Violation>& out)
{
  const YAML::Node& props = at(schema, "properties");
  const YAML::Node& pattern_props = at(schema, "patternProperties");
  const YAML::Node& additional = at(schema, "additionalProperties");
  const YAML::Node& names = at(schema, "propertyNames");
  if (const YAML::Node& req = at(schema, "required"); req && req.IsSequence()) {
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
  if (const YAML::Node& m = at(schema, "minProperties");
      m && count < static_cast<std::size_t>(number_value(m))) {
    add(out, inst, ptr, "minProperties",
        fmt::format("expected at least {} field(s), got {}", m.Scalar(), count));
  }
  if (const YAML::Node& m = at(schema, "maxProperties");
      m && count > static_cast<std::size_t>(number_value(m))) {
    add(out, inst, ptr, "maxProperties",
        fmt::format("expected at most {} field(s), got {}", m.Scalar(), count));
  }
  const Compiled* props_index = props && props.IsMap() ? v.compiled(props) : nullptr;
  for (const auto& kv : inst) {
    const std::string key = kv.first.Scalar();
    const std::string child = ptr + "/" + escape_pointer_token(key);
    const YAML::Mark at = kv.first.Mark();
    bool matched = false;
    if (props_index) {
      if (auto it = props_index->entries.find(key); it != props_index->entries.end()) {
        check_child(it->second, kv.second, child, at, out);
        matched = true;
      }
    } else if (props && props.IsMap()) {
      for (const auto& p : props) {
        if (p.first.Scalar() == key) {
          check_child(p.second, kv.second, child, at, out);
          matched = true;
        }
      }
    }
    if (pattern_props && pattern_props.IsMap()) {
      for (const auto& p : pattern_props) {
        if (v.search(p.first.Scalar(), key)) {
          check_child(p.second, kv.second, child, at, out);
          matched = true;
        }
      }
    }
    if (!matched && additional) {
      if (is_false_schema(additional)) {
        std::vector<std::string> known;
        if (props && props.IsMap()) {
          for (const auto& p : props) {
            known.push_back(p.first.Scalar());
          }
        }
        add(out, kv.first, child, "additionalProperties",
            "unknown field '" + key + "'" + util::did_you_mean(key, known));
      } else {
        check_child(additional, kv.second, child, at, out);
      }
    }
    if (names) {
      YAML::Node name(key); // property names are strings, whatever a plain YAML key looks like
      name.SetTag("!");
      std::vector<Violation> tmp = violations(names, name, child);
      if (!tmp.empty()) {
        std::string why = tmp.front().keyword == "false" ? "" : ": " + tmp.front().message;
        add(out, kv.first, child, "propertyNames", "field name '" + key + "' is not allowed" + why);
      }
    }
  }
}

void Validator::Walk::check_combinators(const YAML::Node& schema, const YAML::Node& inst,
                                        const std::string& ptr, std::vector<Violation>& out)
{
  if (const YAML::Node& all = at(schema, "allOf"); all && all.IsSequence()) {
    for (const auto& s : items_of(all)) {
      check(s, inst, ptr, out);
    }
  }
  // The failures of the branch that comes closest to matching, for the message.
  std::vector<Violation> closest;
  auto consider = [&](std::vector<Violation> failed) {
    if (closest.empty() || distance(failed, ptr) < distance(closest, ptr)) {
      closest = std::move(failed);
    }
  };
  if (const YAML::Node& any = at(schema, "anyOf"); any && any.IsSequence()) {
    bool ok = false;
    closest.clear();
    for (const auto& s : items_of(any)) {
      std::vector<Violation> tmp = violations(s, inst, ptr);
      if (tmp.empty()) {
        ok = true;
        break;
      }
      consider(std::move(tmp));
    }
    if (!ok) {
      add(out, inst, ptr, "anyOf",
          closest.empty() ? show(inst) + " matches none of the allowed forms"
                          : branch_problem(closest, ptr));
    }
  }
  if (const YAML::Node& one = at(schema, "oneOf"); one && one.IsSequence()) {
    std::vector<std::size_t> matching;
    closest.clear();
    std::size_t index = 0;
    for (const auto& s : items_of(one)) {
      ++index;
      std::vector<Violation> tmp = violations(s, inst, ptr);
      if (tmp.empty()) {
        matching.push_back(index);
      } else {
        consider(std::move(tmp));
      }
    }
    if (matching.empty()) {
      add(out, inst, ptr, "oneOf",
          show(inst) + " matches none of the allowed forms" +
              (closest.empty() ? std::string() : ": " + branch_problem(closest, ptr)));
    } else if (matching.size() > 1) {
      add(out, inst, ptr, "oneOf",
          fmt::format("{} matches more than one of the allowed forms (#{} and #{})", show(inst),
                      matching[0], matching[1]));
    }
  }
  if (const YAML::Node& n = at(schema, "not"); n && valid(n, inst)) {
    add(out, inst, ptr, "not", show(inst) + " is not allowed here");
  }
  if (const YAML::Node& cond = at(schema, "if"); cond) {
    if (valid(cond, inst)) {
      if (const YAML::Node& then = at(schema, "then"); then) {
        check(then, inst, ptr, out);
      }
    } else if (const YAML::Node& els = at(schema, "else"); els) {
      check(els, inst, ptr, out);
    }
  }
}

} // namespace innov::schema
