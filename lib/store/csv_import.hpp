// Importing records from a CSV export of an idea-box platform: columns mapped to record fields,
// every row checked as `innov validate` would check the record it makes, rows already imported
// (same external_ref) recognised so that importing a file again creates no duplicates.
#pragma once

#include "lib/model/innovation.hpp"
#include "lib/store/csv.hpp"

#include <filesystem>
#include <set>
#include <string>
#include <vector>

namespace innov::store {

// The record fields a column can fill: title, summary, description, author, region, unit, created
// (alias date), kind, source, challenge, theme (alias themes), horizon, likes, external_ref.
const std::vector<std::string>& import_fields();

// Fields that must be mapped: title, author, region, created, external_ref.
const std::vector<std::string>& required_import_fields();

struct ColumnMap {
  std::string column; // as in the header row
  std::string field;  // one of import_fields(), aliases resolved
};

// Parses COLUMN=FIELD (the last '=' separates them); UsageError for a malformed one or an unknown
// field.
ColumnMap parse_column_map(const std::string& spec);

struct ImportProblem {
  std::size_t row = 0;  // data row, 1 = the first row after the header
  std::size_t line = 0; // line of the file where the row starts
  std::string column;   // the column at fault; empty when the row as a whole is
  std::string message;
};

struct ImportedRecord {
  std::size_t row = 0;
  std::string rel; // innovations/<year>/<id>.yaml
  model::Innovation record;
  std::string text; // canonical YAML
};

struct ImportPlan {
  std::vector<ImportedRecord> records; // the new, valid records
  std::vector<ImportProblem> problems; // every problem of every invalid row
  std::set<std::size_t> invalid_rows;
  std::size_t already_imported = 0; // rows whose external_ref a record of the portfolio holds
};

// What importing `rows` (the first is the header) into the portfolio at root would do. Reads
// innov.yaml, the challenges and the records' external_ref values; writes nothing. UsageError
// when a mapped column is not in the header or a required field is not mapped.
ImportPlan plan_import(const std::filesystem::path& root, const std::vector<CsvRow>& rows,
                       const std::vector<ColumnMap>& map);

// Reads a date as platforms write it: 2016-03-02, 2016-03-02T10:12:00Z, 2016-03-02 10:12,
// 02/03/2016 (day first). Returns YYYY-MM-DD, or the text unchanged when it is none of these.
std::string import_date(const std::string& text);

} // namespace innov::store
