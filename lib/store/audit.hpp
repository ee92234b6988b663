// innov audit: every recorded opinion, decision, override and POC step of every record checked
// against the roles of innov.yaml in force on its date (docs/roles.md).
#pragma once

#include "lib/model/config.hpp"
#include "lib/model/innovation.hpp"
#include "lib/util/diagnostic.hpp"

#include <filesystem>
#include <string>
#include <vector>
#include <yaml-cpp/yaml.h>

namespace innov::store {

struct AuditResult {
  util::Diagnostics findings;         // E080-E083, positioned on the record files
  std::size_t records = 0;            // records audited (files that do not load are validate's)
  std::size_t facts = 0;              // opinions, decisions and history entries checked
  std::vector<std::string> unchecked; // roles innov.yaml does not declare: "experts", "bodies"...
  // State changes imported from a platform (history entries via: import, but the first): the
  // platform's decisions, taken as recorded facts and not checked against the roles.
  std::size_t imported = 0;
};

// Audits every record file of the portfolio at root against config's roles.
AuditResult audit_portfolio(const std::filesystem::path& root, const model::Config& config);

// The findings of one record (rel names its file in the findings), from its YAML node.
void audit_record(const model::Innovation& rec, const YAML::Node& node, const std::string& rel,
                  const model::Config& config, AuditResult& out);

} // namespace innov::store
