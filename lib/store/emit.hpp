// The canonical YAML writer (DESIGN.md section 2): block style, 2-space indentation, flow style on
// one line only where the style says, literal blocks for multi-line text, quotes only when needed.
#pragma once

#include <string>
#include <vector>
#include <yaml-cpp/yaml.h>

namespace innov::store {

struct EmitStyle {
  // Pointer-like patterns with * for any index or key ("/pocs/*/territory", "/history/*").
  // A node matched is written in flow style on one line.
  std::vector<std::string> flow_paths;
};

// The flow paths of an innovation record and of a challenge.
const EmitStyle& innovation_style();
const EmitStyle& challenge_style();

// A scalar written as is (numbers, dates, booleans, enum values): Tag "?".
YAML::Node plain_scalar(const std::string& value);
// A text scalar: quoted when it would read as another type or is unsafe plain: Tag "!".
YAML::Node text_scalar(const std::string& value);

// Canonical text of node (maps in their own key order), with exactly one trailing newline.
std::string emit_canonical(const YAML::Node& node, const EmitStyle& style);

} // namespace innov::store
