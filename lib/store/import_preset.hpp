// Presets of `innov import csv`: what a platform's export looks like, so that one flag replaces the
// column maps, the delimiter and the state map. generic is no preset (every column by --map);
// decidim reads the proposals export of Decidim (its ProposalSerializer, flattened with '/').
#pragma once

#include "lib/store/csv_import.hpp"

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace innov::store {

struct ImportPreset {
  std::string name;
  char delimiter = ',';
  std::vector<ColumnMap> map;                                // the columns it maps
  std::vector<std::pair<std::string, std::string>> defaults; // --set it gives when not given
  std::map<std::string, std::string> states;                 // its state map, before --state
  bool people_by_name = false; // the export names people (author, likes) by display name
};

// The names of the presets: generic, decidim.
const std::vector<std::string>& import_preset_names();

// The preset `name` for an export in `locale` (the suffix of Decidim's translated columns,
// title/fr). Optional columns (scope, category, answer, endorsements, supports, url, state, an
// author) are mapped only when `header` holds them; required ones always are, so that a missing
// one is named. UsageError for an unknown preset or a malformed locale.
ImportPreset import_preset(const std::string& name, const std::string& locale,
                           const std::vector<std::string>& header);

} // namespace innov::store
