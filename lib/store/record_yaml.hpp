// Conversion between YAML nodes and the model: records, innov.yaml, challenges.
// Readers expect a node that passed the schema; writers build nodes in canonical key order.
#pragma once

#include "lib/model/config.hpp"
#include "lib/model/innovation.hpp"

#include <string>
#include <yaml-cpp/yaml.h>

namespace innov::store {

model::Innovation innovation_from_node(const YAML::Node& node);
YAML::Node to_node(const model::Innovation& rec);

model::Config config_from_node(const YAML::Node& node);

model::Challenge challenge_from_node(const YAML::Node& node);
YAML::Node to_node(const model::Challenge& challenge);

// The canonical text of a record or challenge (DESIGN.md section 2).
std::string canonical_text(const model::Innovation& rec);
std::string canonical_text(const model::Challenge& challenge);

// Shortest text that reads back as the same double: 12000, 3.5, 0.1.
std::string format_number(double value);

} // namespace innov::store
