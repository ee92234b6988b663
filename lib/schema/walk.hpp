// Internal to lib/schema: one pass of a Validator over an instance, and the helpers its parts
// share.
#pragma once

#include "lib/schema/validator.hpp"

#include <deque>
#include <string>
#include <utility>
#include <vector>

namespace innov::schema {

namespace detail {

// A short rendering of a value for messages: 'text' (at most 40 code points), a list, a mapping,
// null.
std::string show(const YAML::Node& n);

bool is_number(JsonType t);

// The boolean schema false.
bool is_false_schema(const YAML::Node& schema);

} // namespace detail

struct Validator::Walk {
  const Validator& v;
  int ref_depth = 0;
  // Positions of the keys enclosing the current node (a null mark inside a list): an empty value
  // ("title:" and nothing after) has no position of its own, yaml-cpp gives it the next token's.
  std::vector<YAML::Mark> anchors;
  // Values looked up in schema nodes that are not indexed (kept alive for the references given
  // out).
  mutable std::deque<YAML::Node> scratch;
  mutable std::deque<std::vector<YAML::Node>> scratch_lists;

  // The value of key in a schema mapping: an undefined node when absent.
  const YAML::Node& at(const YAML::Node& schema, const char* key) const;

  // The items of a schema list.
  const std::vector<YAML::Node>& items_of(const YAML::Node& list) const;

  // Appends a violation of keyword at node `at`, located by ptr and at's position.
  void add(std::vector<Violation>& out, const YAML::Node& at, const std::string& ptr,
           const char* keyword, std::string message) const;

  // Validates inst against schema (a schema object or a boolean schema), appending to out.
  void check(const YAML::Node& schema, const YAML::Node& inst, const std::string& ptr,
             std::vector<Violation>& out);

  // Validates a child node: a property value (anchored at its key) or a list item (a null anchor).
  void check_child(const YAML::Node& schema, const YAML::Node& inst, const std::string& ptr,
                   YAML::Mark anchor, std::vector<Violation>& out);

  // The violations of inst against schema, located relative to ptr.
  std::vector<Violation> violations(const YAML::Node& schema, const YAML::Node& inst,
                                    const std::string& ptr);

  // True when inst is valid against schema.
  bool valid(const YAML::Node& schema, const YAML::Node& inst);

  // The keywords of one kind of value (validator.cpp).
  void check_type(const YAML::Node& schema, const YAML::Node& inst, JsonType t,
                  const std::string& ptr, std::vector<Violation>& out) const;
  void check_enum_const(const YAML::Node& schema, const YAML::Node& inst, const std::string& ptr,
                        std::vector<Violation>& out) const;
  void check_number(const YAML::Node& schema, const YAML::Node& inst, const std::string& ptr,
                    std::vector<Violation>& out) const;
  void check_string(const YAML::Node& schema, const YAML::Node& inst, const std::string& ptr,
                    std::vector<Violation>& out) const;

  // Lists, mappings and the combinators allOf, anyOf, oneOf, not, if/then/else (walk_nested.cpp).
  void check_array(const YAML::Node& schema, const YAML::Node& inst, const std::string& ptr,
                   std::vector<Violation>& out);
  void check_object(const YAML::Node& schema, const YAML::Node& inst, const std::string& ptr,
                    std::vector<Violation>& out);
  void check_combinators(const YAML::Node& schema, const YAML::Node& inst, const std::string& ptr,
                         std::vector<Violation>& out);
};

} // namespace innov::schema
