#include "lib/store/csv_import.hpp"

#include "lib/store/load.hpp"
#include "lib/store/portfolio.hpp"
#include "lib/store/record_checks.hpp"
#include "lib/store/record_io.hpp"
#include "lib/store/record_yaml.hpp"
#include "lib/util/date.hpp"
#include "lib/util/error.hpp"
#include "lib/util/id.hpp"
#include "lib/util/text.hpp"

#include <algorithm>
#include <map>
#include <regex>

namespace innov::store {

namespace {

// Splits a list cell on ';', ',' and white space.
std::vector<std::string> list_cell(const std::string& text)
{
  std::vector<std::string> out;
  std::string item;
  for (char c : text + ";") {
    if (c == ';' || c == ',' || std::isspace(static_cast<unsigned char>(c))) {
      if (!item.empty()) {
        out.push_back(item);
      }
      item.clear();
    } else {
      item += c;
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

bool all_digits(const std::string& text)
{
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); });
}

// The field a diagnostic's JSON pointer is about: "/region" -> region, "/history/0/by" -> author.
std::string field_of_pointer(const std::string& pointer)
{
  auto parts = util::split(pointer, '/');
  if (parts.size() < 2) {
    return "";
  }
  const std::string& top = parts[1];
  if (top == "themes") {
    return "theme";
  }
  if (top == "history" && parts.size() >= 4) {
    return parts[3] == "at" ? "created" : parts[3] == "by" ? "author" : "";
  }
  return top;
}

struct Mapped {
  std::size_t index = 0; // column index in the header
  std::string column;
  std::string field;
};

// The new record a row describes (before any check); problems found on the way are appended.
model::Innovation record_of(const CsvRow& row, const std::vector<Mapped>& columns,
                            std::size_t row_number, std::vector<ImportProblem>& problems)
{
  model::Innovation r;
  r.kind = "idea";
  r.source = "internal";
  for (const auto& m : columns) {
    std::string cell = m.index < row.fields.size() ? row.fields[m.index] : std::string();
    std::string value = m.field == "description" ? cell : util::trim(cell);
    if (m.field == "description") {
      while (!value.empty() && std::isspace(static_cast<unsigned char>(value.back()))) {
        value.pop_back();
      }
    }
    if (m.field == "likes") {
      if (all_digits(value)) {
        problems.push_back({row_number, row.line, m.column,
                            "'" + value +
                                "' is a count of likes: innov records who liked, not how many; "
                                "leave this column unmapped"});
      } else {
        r.likes = list_cell(value);
      }
      continue;
    }
    if (m.field == "theme") {
      r.themes = list_cell(value);
      continue;
    }
    if (value.empty()) {
      continue; // an empty cell leaves the default, or the field out
    }
    static const std::map<std::string, std::string model::Innovation::*> k_text = {
        {"title", &model::Innovation::title},
        {"summary", &model::Innovation::summary},
        {"description", &model::Innovation::description},
        {"author", &model::Innovation::author},
        {"region", &model::Innovation::region},
        {"unit", &model::Innovation::unit},
        {"kind", &model::Innovation::kind},
        {"source", &model::Innovation::source},
        {"challenge", &model::Innovation::challenge},
        {"horizon", &model::Innovation::horizon},
        {"external_ref", &model::Innovation::external_ref}};
    if (m.field == "created") {
      r.created = import_date(value);
    } else {
      r.*(k_text.at(m.field)) = value;
    }
  }
  r.status = "submitted";
  r.history.push_back({r.created, r.author, "", "submitted"});
  return r;
}

// Schema and record checks of a new record, as problems of its row.
void check_new(const ImportedRecord& item, const CsvRow& row,
               const std::map<std::string, std::string>& column_of, const CheckContext& ctx,
               std::vector<ImportProblem>& problems)
{
  util::Diagnostics diags;
  auto node = load_yaml(item.text, item.rel, diags);
  if (node) {
    schema_diagnostics(*node, "innovation", item.rel, diags);
    if (!util::has_errors(diags)) {
      check_record(*node, item.record, item.rel, ctx, diags);
    }
  }
  for (const auto& d : diags) {
    if (d.severity != util::Severity::error) {
      continue;
    }
    auto it = column_of.find(field_of_pointer(d.pointer));
    problems.push_back({item.row, row.line, it == column_of.end() ? "" : it->second, d.message});
  }
}

} // namespace

const std::vector<std::string>& import_fields()
{
  static const std::vector<std::string> k_fields = {
      "title", "summary", "description", "author", "region",  "unit",  "created",
      "kind",  "source",  "challenge",   "theme",  "horizon", "likes", "external_ref"};
  return k_fields;
}

const std::vector<std::string>& required_import_fields()
{
  static const std::vector<std::string> k_required = {"title", "author", "region", "created",
                                                      "external_ref"};
  return k_required;
}

ColumnMap parse_column_map(const std::string& spec)
{
  auto eq = spec.rfind('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == spec.size()) {
    throw UsageError("--map '" + spec + "' is not COLUMN=FIELD",
                     "fields: " + util::join(import_fields(), ", "));
  }
  ColumnMap m{spec.substr(0, eq), spec.substr(eq + 1)};
  if (m.field == "date") {
    m.field = "created";
  } else if (m.field == "themes") {
    m.field = "theme";
  }
  const auto& fields = import_fields();
  if (std::find(fields.begin(), fields.end(), m.field) == fields.end()) {
    throw UsageError("cannot import into field '" + m.field + "'" +
                         util::did_you_mean(m.field, fields),
                     "fields: " + util::join(fields, ", "));
  }
  return m;
}

std::string import_date(const std::string& text)
{
  static const std::regex k_iso(
      R"(^(\d{4}-\d{2}-\d{2})([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$)");
  static const std::regex k_day_first(R"(^(\d{1,2})/(\d{1,2})/(\d{4})( \d{1,2}:\d{2}(:\d{2})?)?$)");
  std::smatch m;
  if (std::regex_match(text, m, k_iso)) {
    return m[1].str();
  }
  if (std::regex_match(text, m, k_day_first)) {
    auto two = [](const std::string& s) { return s.size() == 1 ? "0" + s : s; };
    return m[3].str() + "-" + two(m[2].str()) + "-" + two(m[1].str());
  }
  return text;
}

ImportPlan plan_import(const std::filesystem::path& root, const std::vector<CsvRow>& rows,
                       const std::vector<ColumnMap>& map)
{
  if (rows.empty()) {
    throw DataError("the file is empty: a header row naming the columns is expected");
  }
  const auto& header = rows.front().fields;
  std::vector<Mapped> columns;
  std::map<std::string, std::string> column_of; // field -> column
  for (const auto& m : map) {
    auto it = std::find(header.begin(), header.end(), m.column);
    if (it == header.end()) {
      throw UsageError("no column '" + m.column + "' in the header" +
                           util::did_you_mean(m.column, header),
                       "columns: " + util::join(header, ", "));
    }
    if (column_of.count(m.field)) {
      throw UsageError("field '" + m.field + "' is mapped twice: from '" + column_of[m.field] +
                       "' and '" + m.column + "'");
    }
    columns.push_back({static_cast<std::size_t>(it - header.begin()), m.column, m.field});
    column_of[m.field] = m.column;
  }
  for (const auto& f : required_import_fields()) {
    if (!column_of.count(f)) {
      throw UsageError("no column is mapped to '" + f + "'",
                       f == "external_ref"
                           ? "external_ref identifies a row, so that importing the file again "
                             "creates no duplicates: map the platform's id column to it"
                           : "add --map COLUMN=" + f);
    }
  }
  model::Config config = require_config(root);
  CheckContext ctx;
  ctx.config = &config;
  for (const auto& id : challenge_ids(root)) {
    ctx.challenge_ids.insert(id);
  }
  util::Diagnostics ignore;
  Portfolio existing = load_portfolio(root, ignore);
  std::set<std::string> refs;
  for (const auto& r : existing.records) {
    if (!r.external_ref.empty()) {
      refs.insert(r.external_ref);
    }
  }
  std::set<std::string> ids;
  for (const auto& [id, rel] : record_ids(root)) {
    ids.insert(id);
  }

  ImportPlan plan;
  std::map<std::string, std::size_t> ref_rows; // external_ref -> first row of this file
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const CsvRow& row = rows[i];
    std::size_t before = plan.problems.size();
    ImportedRecord item;
    item.row = i;
    item.record = record_of(row, columns, i, plan.problems);
    const std::string& ref = item.record.external_ref;
    if (!ref.empty() && refs.count(ref)) {
      plan.problems.resize(before); // the record exists: its row is not imported again
      ++plan.already_imported;
      continue;
    }
    if (!ref.empty()) {
      auto [it, inserted] = ref_rows.emplace(ref, i);
      if (!inserted) {
        plan.problems.push_back(
            {i, row.line, column_of["external_ref"],
             "external_ref '" + ref + "' repeats row " + std::to_string(it->second)});
      }
    }
    do {
      item.record.id = util::new_record_id();
    } while (ids.count(item.record.id));
    item.rel = std::string(k_records_dir) + "/" + model::year_of(item.record) + "/" +
               item.record.id + ".yaml";
    item.text = canonical_text(item.record);
    check_new(item, row, column_of, ctx, plan.problems);
    if (plan.problems.size() > before) {
      plan.invalid_rows.insert(i);
      continue;
    }
    ids.insert(item.record.id);
    plan.records.push_back(std::move(item));
  }
  return plan;
}

} // namespace innov::store
