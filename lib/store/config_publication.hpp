// publication of innov.yaml: what `innov publish` makes public (docs/publish.md).
#pragma once

#include "lib/model/config.hpp"

#include <yaml-cpp/yaml.h>

namespace innov::store {

// Reads publication of a schema-valid innov.yaml into config (the schema checks its values);
// absent keys keep their defaults (model::Publication).
void read_publication(const YAML::Node& node, model::Config& config);

} // namespace innov::store
