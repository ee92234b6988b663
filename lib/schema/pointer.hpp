// JSON pointers (RFC 6901) in instance locations and in "$ref": "#/..." schema references.
#pragma once

#include <string>
#include <yaml-cpp/yaml.h>

namespace innov::schema {

// A property name escaped as one JSON pointer token ("a/b" -> "a~1b", "~" -> "~0").
std::string escape_pointer_token(const std::string& key);

// The node of root designated by a URI fragment reference ("#", "#/definitions/x", with ~0 ~1
// and %25 escapes); an undefined node when ref is not a fragment or designates nothing.
YAML::Node resolve_fragment(const YAML::Node& root, const std::string& ref);

} // namespace innov::schema
