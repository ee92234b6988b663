// poc_formats of innov.yaml: the duration bounds of each POC format.
#pragma once

#include "lib/model/config.hpp"

#include <yaml-cpp/yaml.h>

namespace innov::store {

// Reads poc_formats of a schema-valid innov.yaml into config: each format named there replaces
// its default bounds (model::default_poc_formats); the others keep theirs.
void read_poc_formats(const YAML::Node& node, model::Config& config);

} // namespace innov::store
