// Semantic checks beyond the schema (DESIGN.md section 5): references, dates, history, status.
// Each problem is a Diagnostic with its own code and the position of the offending node.
#pragma once

#include "lib/model/config.hpp"
#include "lib/model/innovation.hpp"
#include "lib/util/diagnostic.hpp"

#include <set>
#include <string>
#include <yaml-cpp/yaml.h>

namespace innov::store {

// What a record's references are checked against.
struct CheckContext {
  const model::Config* config = nullptr;
  std::set<std::string> challenge_ids;
};

// Checks a schema-valid record (node and its model) found at rel_path; appends to out.
void check_record(const YAML::Node& node, const model::Innovation& rec, const std::string& rel_path,
                  const CheckContext& ctx, util::Diagnostics& out);

// Checks a schema-valid innov.yaml: unique codes, a usable rubric and scale.
void check_config(const YAML::Node& node, const model::Config& config, const std::string& rel_path,
                  util::Diagnostics& out);

// Checks a schema-valid challenge file.
void check_challenge(const YAML::Node& node, const model::Challenge& challenge,
                     const std::string& rel_path, const model::Config& config,
                     util::Diagnostics& out);

} // namespace innov::store
