// Importing records from a CSV export of an idea-box platform: columns mapped to record fields,
// every row checked as `innov validate` would check the record it makes, rows already imported
// (same external_ref) recognised so that importing a file again creates no duplicates, or, with
// update, the mapped fields of their record brought up to date.
#pragma once

#include "lib/model/innovation.hpp"
#include "lib/store/csv.hpp"
#include "lib/store/import_people.hpp"
#include "lib/store/import_states.hpp"
#include "lib/store/import_values.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace innov::store {

// The record fields a column can fill: title, summary, description, author, region, unit, created
// (alias date), kind, source, challenge, theme (alias themes), horizon, likes, external_ref; and
// what the import turns into history and comments: state (the platform's state, through the state
// map), answer (the platform's answer to the idea: a comment), supports and endorsements (counts
// the platform shows: kept in a comment, never as likes), link (the idea's page on the platform).
const std::vector<std::string>& import_fields();

// Fields that must be mapped: title, author, region, created, external_ref.
const std::vector<std::string>& required_import_fields();

// The import field a name means (date -> created, themes -> theme); UsageError with the fields
// and a "did you mean" for another name.
std::string import_field_named(const std::string& name);

struct ColumnMap {
  std::string column; // as in the header row
  std::string field;  // one of import_fields(), aliases resolved
};

// Parses COLUMN=FIELD (the last '=' separates them); UsageError for a malformed one or an unknown
// field.
ColumnMap parse_column_map(const std::string& spec);

// Parses FIELD=VALUE (--set: the first '=' separates them) into {field, value}; UsageError for a
// malformed one or an unknown field.
std::pair<std::string, std::string> parse_field_constant(const std::string& spec);

struct ImportProblem {
  std::size_t row = 0;  // data row, 1 = the first row after the header
  std::size_t line = 0; // line of the file where the row starts
  std::string column;   // the column at fault; empty when the row as a whole is
  std::string message;
};

// A message about a whole column, given once however many rows it concerns.
struct ImportNote {
  std::string column;
  std::string message;
};

struct ImportedRecord {
  std::size_t row = 0;
  std::string rel; // innovations/<year>/<id>.yaml
  model::Innovation record;
  std::string text; // canonical YAML
};

// A record of the portfolio that a row updates (ImportOptions::update).
struct UpdatedRecord {
  std::size_t row = 0;
  std::string rel;
  std::vector<std::string> fields; // the mapped fields whose value changes, in import_fields order
  model::Edit edit;                // the edit recorded in the record's edits
  std::string before;              // the file as it is
  std::string after;               // the file to write: canonical, its comments kept
  model::Innovation record;        // as written
};

struct ImportPlan {
  std::vector<ImportedRecord> records; // the new, valid records
  std::vector<UpdatedRecord> updates;  // with update: the records whose mapped fields change
  std::vector<ImportProblem> problems; // every problem of every invalid row
  std::vector<ImportNote> notes;       // explanations of a column's problems, once per column
  std::set<std::size_t> invalid_rows;
  // Rows whose external_ref a record of the portfolio holds: without update, not imported again;
  // with update, those whose record already holds every mapped value.
  std::size_t already_imported = 0;
  std::size_t empty_rows = 0; // rows of delimiters and blanks only, skipped
  std::size_t data_rows = 0;  // the rows after the header, but the empty ones
  // Values of region and theme that are no code, no name and not mapped: field -> value -> the
  // message (with its suggestion), for --dry-run's summary.
  std::map<std::string, std::map<std::string, std::string>> unmatched_values;
  std::vector<std::string> unmapped_columns; // header columns no --map names
  // People given by name (ImportOptions::people) met for the first time: id -> name.
  std::map<std::string, std::string> new_people;
  // Files to write before the records: the people's mapping (and key), when it changes.
  std::vector<PendingFile> files;
};

struct ImportOptions {
  // The delimiter came from the user: no hint about another delimiter when a column is missing.
  bool delimiter_given = false;
  // Rows whose external_ref a record holds update that record's mapped fields.
  bool update = false;
  // Who updates and when (a date or UTC date-time): each updated record gets the edit
  // {at, by, fields, via: import} naming the keys the row changed.
  std::string by;
  std::string at;
  // --set FIELD=VALUE: the same value for every row; a field given so needs no column.
  std::vector<std::pair<std::string, std::string>> constants;
  // --value and --values: the platform's values turned into the portfolio's.
  ValueMaps values;
  // --state VALUE=STATE: the platform's state (the state column, trimmed) -> a lifecycle state.
  // A row's state moves its record from submitted to that state by a history entry {via: import,
  // ref: external_ref} dated at decided_at, else at the row's created time; its by is the author
  // for withdrawn, else `by`, who also signs the comments of answers and figures.
  std::map<std::string, std::string> states;
  std::string decided_at;
  // People given by display name (author, likes) become ids of a kind of the population.
  std::optional<PeopleOptions> people;
};

// What importing `rows` (the first is the header) into the portfolio at root would do. Reads
// innov.yaml, the challenges and the records' external_ref values; writes nothing. UsageError
// when a mapped column is not in the header (suggesting --delimiter when the header is one column
// holding ';' or a tab) or a required field is not mapped. A record whose external_ref several
// files hold (E048) is the first file's, as for ids.
ImportPlan plan_import(const std::filesystem::path& root, const std::vector<CsvRow>& rows,
                       const std::vector<ColumnMap>& map, const ImportOptions& options = {});

// The date formats import_date reads, for messages.
inline constexpr const char* k_import_date_formats =
    "2016-03-02, 2016-03-02 10:12, 2016-03-02T10:12:00Z, 2016-03-02 10:12:34 UTC or +0100 (a "
    "time with a zone is converted to UTC), 02/03/2016 (day first)";

// A date, and the instant when the text gives a time with its zone.
struct ImportTime {
  std::string date; // YYYY-MM-DD, in UTC when a zone is given
  std::string at;   // YYYY-MM-DDTHH:MM:SSZ when a time and a zone are given, else empty
};

// Reads a date or time as platforms write it: 2016-03-02; 2016-03-02T10:12:00Z,
// 2016-03-02 10:12:34 UTC, 2016-03-02 10:12:34 +0100, 2016-03-02T10:12+01:00 (a time with a zone:
// converted to UTC, which may change the date); 2016-03-02 10:12 (a time without a zone: the date
// as written); 02/03/2016 (day first, a time after it ignored). nullopt when it is none of these;
// a date of those forms that does not exist, 2016-02-30, is returned as written when it has no
// zone (the record checks refuse it), nullopt with one.
std::optional<ImportTime> read_import_time(const std::string& text);

// The date of read_import_time.
std::optional<std::string> read_import_date(const std::string& text);

// read_import_date, or the text unchanged when it is no date.
std::string import_date(const std::string& text);

} // namespace innov::store
