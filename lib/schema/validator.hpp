// A JSON Schema draft-07 validator over yaml-cpp nodes (the keywords innov's schemas use and the
// official test suite checks; see README "Schemas"). Each violation carries its JSON pointer and
// the line and column of the offending node.
#pragma once

#include "lib/schema/pattern.hpp"

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>
#include <yaml-cpp/yaml.h>

namespace innov::schema {

enum class JsonType { null, boolean, integer, number, string, array, object };

// The JSON type of a node. A quoted scalar (Tag "!") is a string; a plain scalar (Tag "?") follows
// the YAML 1.2 core schema (null, booleans, ints incl. 0o/0x, floats incl. .inf/.nan), else string.
// `integer` is reported for integral plain numbers (1, 1.0).
JsonType json_type(const YAML::Node& node);

// "integer", "string", ...
const char* type_name(JsonType t);

// The JSON type of a plain scalar's text, as json_type gives it for a plain scalar node.
JsonType plain_scalar_type(std::string_view text);

// The numeric value of a plain number scalar.
double number_value(const YAML::Node& node);
double plain_number_value(std::string_view text);

// JSON equality: numbers by value (1 == 1.0), objects regardless of key order.
bool json_equal(const YAML::Node& a, const YAML::Node& b);

struct Violation {
  std::string pointer; // JSON pointer of the instance location, e.g. "/pocs/0/kpis/1/target"
  int line = 0;        // 1-based
  int col = 0;         // 1-based
  std::string keyword; // "required", "additionalProperties", "type", ...
  std::string message; // lowercase, no final period
};

// A mapping or list of a schema document, indexed once by a Validator: a keyword lookup then
// neither scans the mapping nor copies a node (copies of the one shared schema made the threads of
// a parallel validation contend on its reference count).
struct CompiledNode {
  std::map<std::string, YAML::Node, std::less<>> entries; // a mapping's keys and values
  std::vector<YAML::Node> items;                          // a list's items
};

class Validator {
public:
  // schema: the schema document; "$ref": "#..." pointers are resolved against it. Throws
  // std::invalid_argument for a malformed pattern or a "#..." reference that designates nothing.
  explicit Validator(YAML::Node schema);

  // Every violation of instance, not only the first. Thread-safe.
  std::vector<Violation> validate(const YAML::Node& instance) const;

  // True when instance is valid.
  bool is_valid(const YAML::Node& instance) const;

private:
  struct Walk;
  // Whether the schema regex pattern matches somewhere in text (compiled once, at construction).
  bool search(const std::string& pattern, const std::string& text) const;

  using Compiled = CompiledNode;
  // The Compiled form of a schema node, or nullptr (a node built outside the document).
  const Compiled* compiled(const YAML::Node& node) const;

  YAML::Node m_root;
  std::shared_ptr<const std::map<std::string, Pattern>> m_patterns;
  std::shared_ptr<const std::unordered_map<int, Compiled>>
      m_compiled;                                                  // by position in the document
  std::shared_ptr<const std::map<std::string, YAML::Node>> m_refs; // "$ref" value -> its target
};

// The diagnostic code of a violation: required E010, additionalProperties E011, type E013,
// enum/const E014, pattern/format E015, ranges, lengths and counts E016, others E017.
std::string code_for(const Violation& v);

} // namespace innov::schema
