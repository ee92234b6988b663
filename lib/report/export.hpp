// `innov export`: records as one flat CSV row each, or as a JSON array of whole records.
#pragma once

#include "lib/model/config.hpp"
#include "lib/model/innovation.hpp"
#include "lib/report/table.hpp"

#include <string>
#include <vector>

namespace innov::report {

// The export columns, in order, each with what it holds (docs/guide.md "Import and export").
struct ExportColumn {
  std::string name;
  std::string meaning;
};
const std::vector<ExportColumn>& export_columns();

// One row per record, columns as export_columns(); lists joined with ';', counts as numbers.
Table export_table(const std::vector<const model::Innovation*>& records,
                   const model::Config& config);

// A JSON array of the whole records (the YAML keys).
std::string export_json(const std::vector<const model::Innovation*>& records);

} // namespace innov::report
