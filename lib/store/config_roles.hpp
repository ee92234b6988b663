// population, experts, bodies and edit of innov.yaml: reading them and checking them against
// each other and the regions (E070-E076, positioned on the file).
#pragma once

#include "lib/model/config.hpp"
#include "lib/util/diagnostic.hpp"

#include <string>
#include <yaml-cpp/yaml.h>

namespace innov::store {

// Reads the roles of a schema-valid innov.yaml into config.roles.
void read_roles(const YAML::Node& node, model::Config& config);

// The checks of docs/roles.md: unknown regions in scopes, headcounts and experts (E070), an
// expert whose id is of another kind (E071), a body without a gate (E072), two kinds whose
// patterns match the same declared id (E073), a pattern that does not compile or does not match
// its example (E074), per-region headcounts that do not sum to headcount (E075), a kind, body or
// expert term declared twice (E076), a signing key declared twice or for two people, a person
// listed twice under signing_keys (E063).
void check_roles(const YAML::Node& node, const model::Config& config, const std::string& rel_path,
                 util::Diagnostics& out);

} // namespace innov::store
