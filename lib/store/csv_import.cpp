#include "lib/store/csv_import.hpp"

#include "lib/model/workflow.hpp"
#include "lib/store/comments.hpp"
#include "lib/store/load.hpp"
#include "lib/store/portfolio.hpp"
#include "lib/store/record_checks.hpp"
#include "lib/store/record_io.hpp"
#include "lib/store/record_yaml.hpp"
#include "lib/util/date.hpp"
#include "lib/util/error.hpp"
#include "lib/util/html_text.hpp"
#include "lib/util/id.hpp"
#include "lib/util/read.hpp"
#include "lib/util/text.hpp"

#include <algorithm>
#include <map>
#include <regex>

namespace innov::store {

namespace {

// The text member an import field fills (every field but theme and likes).
std::string model::Innovation::*text_member(const std::string& field)
{
  static const std::map<std::string, std::string model::Innovation::*> k_text = {
      {"title", &model::Innovation::title},
      {"summary", &model::Innovation::summary},
      {"description", &model::Innovation::description},
      {"author", &model::Innovation::author},
      {"region", &model::Innovation::region},
      {"unit", &model::Innovation::unit},
      {"created", &model::Innovation::created},
      {"kind", &model::Innovation::kind},
      {"source", &model::Innovation::source},
      {"challenge", &model::Innovation::challenge},
      {"horizon", &model::Innovation::horizon},
      {"external_ref", &model::Innovation::external_ref}};
  return k_text.at(field);
}

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
  std::string column;    // as messages name it: the header's name, or "--set FIELD"
  std::string field;
  bool constant = false; // --set: `value` for every row
  std::string value;
};

// A free-text cell holding HTML, as plain text (a title on one line).
std::string plain_text(const std::string& field, std::string value)
{
  if (field != "title" && field != "summary" && field != "description" && field != "answer") {
    return value;
  }
  if (!util::looks_like_html(value)) {
    return value;
  }
  value = util::html_to_text(value);
  if (field == "title") {
    std::replace(value.begin(), value.end(), '\n', ' ');
    value = util::trim(value);
  }
  return value;
}

// The value maps and names of region and theme applied to a value; an unmatched one is a problem
// of its row, and noted for the summary.
std::string resolved(const ValueResolver& resolver, const Mapped& m, const std::string& value,
                     const CsvRow& row, std::size_t row_number, ImportPlan& plan)
{
  auto r = resolver.resolve(m.field, value);
  if (r.unmatched()) {
    plan.problems.push_back({row_number, row.line, m.column, r.problem});
    plan.unmatched_values[m.field].emplace(value, r.problem);
  }
  return r.value;
}

// The items of a list cell (theme, likes): the whole cell when a map or a name knows it (a
// category "Emploi des jeunes" is one theme), else each item split on ';', ',' and spaces.
std::vector<std::string> list_values(const ValueResolver& resolver, const Mapped& m,
                                     const std::string& value, const CsvRow& row,
                                     std::size_t row_number, ImportPlan& plan)
{
  if (value.empty()) {
    return {};
  }
  if (resolver.maps(m.field)) {
    auto whole = resolver.resolve(m.field, value);
    if (!whole.unmatched() && whole.value != value) {
      return list_cell(whole.value);
    }
  }
  std::vector<std::string> out;
  for (const auto& item : list_cell(value)) {
    out.push_back(resolved(resolver, m, item, row, row_number, plan));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// The names of a list of people given by name ("Marie Dupont, Jean Martin"): split on ',' and ';'
// only, since names hold spaces.
std::vector<std::string> name_list(const std::string& text)
{
  std::vector<std::string> out;
  for (const auto& part : util::split(text, ',')) {
    for (const auto& name : util::split(part, ';')) {
      if (!util::trim(name).empty()) {
        out.push_back(util::trim(name));
      }
    }
  }
  return out;
}

// The new record a row describes (before any check); problems found on the way are appended, and
// the first unreadable date of a column adds its note. people, when given, turns the author and the
// likes from names into ids.
model::Innovation record_of(const CsvRow& row, const std::vector<Mapped>& columns,
                            const ValueResolver& resolver, PeopleBook* people,
                            std::size_t row_number, ImportPlan& plan, PlatformFacts& facts)
{
  model::Innovation r;
  r.kind = "idea";
  r.source = "internal";
  for (const auto& m : columns) {
    std::string cell = m.constant                    ? m.value
                       : m.index < row.fields.size() ? row.fields[m.index]
                                                     : std::string();
    bool multiline = m.field == "description" || m.field == "answer";
    std::string value =
        multiline ? plain_text(m.field, cell) : util::trim(plain_text(m.field, cell));
    if (multiline) {
      while (!value.empty() && std::isspace(static_cast<unsigned char>(value.back()))) {
        value.pop_back();
      }
      value.erase(0, std::min(value.find_first_not_of(" \t\r\n"), value.size()));
    }
    if (is_platform_fact_field(m.field)) {
      if ((m.field == "supports" || m.field == "endorsements") && !value.empty() &&
          !all_digits(value)) {
        plan.problems.push_back(
            {row_number, row.line, m.column, "'" + value + "' is not a count of " + m.field});
        continue;
      }
      facts.values[m.field] = value;
      continue;
    }
    if (m.field == "likes" && people) {
      for (const auto& name : name_list(value)) {
        r.likes.push_back({people->id_of(name), ""});
      }
      std::sort(r.likes.begin(), r.likes.end(),
                [](const model::Like& a, const model::Like& b) { return a.by < b.by; });
      r.likes.erase(std::unique(r.likes.begin(), r.likes.end()), r.likes.end());
      continue;
    }
    if (m.field == "author" && people && !value.empty()) {
      r.author = people->id_of(value);
      continue;
    }
    if (m.field == "likes") {
      if (all_digits(value)) {
        plan.problems.push_back({row_number, row.line, m.column,
                                 "'" + value +
                                     "' is a count of likes: innov records who liked, not how "
                                     "many; leave this column unmapped"});
      } else {
        for (auto& person : list_values(resolver, m, value, row, row_number, plan)) {
          r.likes.push_back({std::move(person), ""}); // dated below, on the creation date
        }
      }
      continue;
    }
    if (m.field == "theme") {
      r.themes = list_values(resolver, m, value, row, row_number, plan);
      continue;
    }
    if (value.empty()) {
      continue; // an empty cell leaves the default, or the field out
    }
    if (m.field == "created") {
      auto date = read_import_date(value);
      if (!date) {
        plan.problems.push_back(
            {row_number, row.line, m.column, "cannot read the date '" + value + "'"});
        bool noted = std::any_of(plan.notes.begin(), plan.notes.end(),
                                 [&](const ImportNote& n) { return n.column == m.column; });
        if (!noted) {
          plan.notes.push_back(
              {m.column, std::string("dates are read in these formats only: ") +
                             k_import_date_formats +
                             "; give the column one of them (in a spreadsheet, format its cells "
                             "as yyyy-mm-dd) and import again"});
        }
      }
      r.created = date.value_or(value);
      auto time = read_import_time(value);
      facts.created_at = time && !time->at.empty() ? time->at : r.created;
    } else if (resolver.maps(m.field)) {
      r.*text_member(m.field) = resolved(resolver, m, value, row, row_number, plan);
    } else {
      r.*text_member(m.field) = value;
    }
  }
  if (facts.created_at.empty()) {
    facts.created_at = r.created;
  }
  r.status = "submitted";
  r.history.push_back({facts.created_at, r.author, "", "submitted", "import", r.external_ref});
  for (auto& l : r.likes) {
    l.at = r.created.substr(0, 10); // a spreadsheet names who liked, not when: the record's date
  }
  return r;
}

// Schema and record checks of a record's text, as problems of its row; a column the row's
// problems already name gets no second word.
void check_text(std::size_t row_number, const std::string& rel, const std::string& text,
                const model::Innovation& record, const CsvRow& row,
                const std::map<std::string, std::string>& column_of, const CheckContext& ctx,
                std::size_t first_problem, std::vector<ImportProblem>& problems)
{
  util::Diagnostics diags;
  auto node = load_yaml(text, rel, diags);
  if (node) {
    schema_diagnostics(*node, "innovation", rel, diags);
    if (!util::has_errors(diags)) {
      check_record(*node, record, rel, ctx, diags);
    }
  }
  std::set<std::string> named;
  for (std::size_t i = first_problem; i < problems.size(); ++i) {
    named.insert(problems[i].column);
  }
  for (const auto& d : diags) {
    if (d.severity != util::Severity::error) {
      continue;
    }
    std::string field = field_of_pointer(d.pointer);
    static constexpr std::string_view k_missing = "missing required field '";
    if (field.empty() && d.message.starts_with(k_missing) && d.message.ends_with("'")) {
      // A required field left out is about the column whose empty cells left it out.
      field = field_of_pointer(
          "/" + d.message.substr(k_missing.size(), d.message.size() - k_missing.size() - 1));
    }
    auto it = column_of.find(field);
    std::string column = it == column_of.end() ? "" : it->second;
    if (!column.empty() && named.count(column)) {
      continue;
    }
    problems.push_back({row_number, row.line, column, d.message});
  }
}

// A row of delimiters and blanks only.
bool blank_row(const CsvRow& row)
{
  return std::all_of(row.fields.begin(), row.fields.end(),
                     [](const std::string& f) { return util::trim(f).empty(); });
}

struct Columns {
  std::vector<Mapped> mapped;
  std::map<std::string, std::string> column_of; // field -> column
};

// The --delimiter to suggest when the header reads as one column holding no ',' but a ';' or a tab
// (and the user gave no --delimiter); empty otherwise.
std::string delimiter_hint(const std::vector<std::string>& header, const ImportOptions& options)
{
  if (options.delimiter_given || header.size() != 1 || header[0].find(',') != std::string::npos) {
    return "";
  }
  if (header[0].find(';') != std::string::npos) {
    return "--delimiter ';'";
  }
  return header[0].find('\t') != std::string::npos ? "--delimiter tab" : "";
}

Columns resolve_columns(const std::vector<std::string>& header, const std::vector<ColumnMap>& map,
                        const ImportOptions& options)
{
  Columns out;
  for (const auto& m : map) {
    auto it = std::find(header.begin(), header.end(), m.column);
    if (it == header.end()) {
      std::string hint = delimiter_hint(header, options);
      if (!hint.empty()) {
        throw UsageError("no column '" + m.column + "' in the header: it reads as one column, " +
                             "its names separated by " + (hint.ends_with("tab") ? "tabs" : "';'") +
                             " rather than ','; add " + hint,
                         "innov import csv FILE " + hint + " --map ...");
      }
      throw UsageError("no column '" + m.column + "' in the header" +
                           util::did_you_mean(m.column, header),
                       "columns: " + util::join(header, ", "));
    }
    if (out.column_of.count(m.field)) {
      throw UsageError("field '" + m.field + "' is mapped twice: from '" + out.column_of[m.field] +
                       "' and '" + m.column + "'");
    }
    out.mapped.push_back(
        {static_cast<std::size_t>(it - header.begin()), m.column, m.field, false, ""});
    out.column_of[m.field] = m.column;
  }
  for (const auto& [field, value] : options.constants) {
    std::string label = "--set " + field;
    if (out.column_of.count(field)) {
      throw UsageError("field '" + field + "' is given twice: " +
                       (out.column_of[field].starts_with("--set ")
                            ? std::string("by two --set")
                            : "by --map from '" + out.column_of[field] + "' and by --set"));
    }
    out.mapped.push_back({0, label, field, true, value});
    out.column_of[field] = label;
  }
  for (const auto& f : required_import_fields()) {
    if (!out.column_of.count(f)) {
      throw UsageError("no column is mapped to '" + f + "'",
                       f == "external_ref"
                           ? "external_ref identifies a row, so that importing the file again "
                             "creates no duplicates: map the platform's id column to it"
                           : "add --map COLUMN=" + f + ", or --set " + f +
                                 "=VALUE for the same value in every row");
    }
  }
  return out;
}

// What the portfolio holds that an import needs.
struct Existing {
  model::Config config;
  CheckContext ctx;
  Portfolio portfolio;
  std::map<std::string, std::size_t> by_ref; // external_ref -> the first record holding it
  std::set<std::string> invalid_paths;       // record files with errors of their own
  std::set<std::string> ids;
};

void load_existing(const std::filesystem::path& root, Existing& e)
{
  e.config = require_writable_config(root);
  e.ctx.config = &e.config;
  for (const auto& id : challenge_ids(root)) {
    e.ctx.challenge_ids.insert(id);
  }
  util::Diagnostics diags;
  e.portfolio = load_portfolio(root, diags);
  for (const auto& d : diags) {
    if (d.severity == util::Severity::error && !is_cross_record_code(d.code)) {
      e.invalid_paths.insert(d.path);
    }
  }
  for (std::size_t i = 0; i < e.portfolio.records.size(); ++i) {
    if (!e.portfolio.records[i].external_ref.empty()) {
      e.by_ref.emplace(e.portfolio.records[i].external_ref, i);
    }
  }
  for (const auto& [id, rel] : record_ids(root)) {
    e.ids.insert(id);
  }
}

// The person ids the portfolio's records name (authors, likes, comments, history), which a new
// person's id must not take.
std::set<std::string> people_named(const Portfolio& portfolio)
{
  std::set<std::string> out;
  for (const auto& r : portfolio.records) {
    out.insert(r.author);
    for (const auto& l : r.likes) {
      out.insert(l.by);
    }
    for (const auto& c : r.comments) {
      out.insert(c.author);
    }
    for (const auto& h : r.history) {
      out.insert(h.by);
    }
  }
  return out;
}

// Copies field (one of import_fields()) from `from` into `to`; whether the value changed.
bool assign_field(const std::string& field, const model::Innovation& from, model::Innovation& to)
{
  auto assign = [](auto& target, const auto& value) {
    if (target == value) {
      return false;
    }
    target = value;
    return true;
  };
  if (field == "theme") {
    return assign(to.themes, from.themes);
  }
  if (field == "likes") {
    return assign(to.likes, from.likes);
  }
  if (is_platform_fact_field(field)) {
    return false; // history and comments are not updated from a later export
  }
  return assign(to.*text_member(field), from.*text_member(field));
}

// The update of the record at `index` of the portfolio by a row (whose record is `fresh`): added
// to plan.updates when a mapped field changes, counted as already imported otherwise.
void plan_update(const std::filesystem::path& root, const Existing& e, std::size_t index,
                 const model::Innovation& fresh, const CsvRow& row, std::size_t row_number,
                 const Columns& columns, std::size_t first_problem, const ImportOptions& options,
                 ImportPlan& plan)
{
  const std::string& rel = e.portfolio.record_paths[index];
  if (e.invalid_paths.count(rel)) {
    plan.problems.push_back({row_number, row.line, columns.column_of.at("external_ref"),
                             "the record holding external_ref '" + fresh.external_ref + "', " +
                                 rel + ", is invalid: fix it first (innov validate " + rel + ")"});
    return;
  }
  UpdatedRecord u;
  u.row = row_number;
  u.rel = rel;
  u.record = e.portfolio.records[index];
  for (const auto& field : import_fields()) {
    if (columns.column_of.count(field) && assign_field(field, fresh, u.record)) {
      u.fields.push_back(field);
    }
  }
  if (plan.problems.size() > first_problem) {
    return;
  }
  if (u.fields.empty()) {
    ++plan.already_imported;
    return;
  }
  u.edit = {options.at, options.by, model::changed_keys(e.portfolio.records[index], u.record),
            "import"};
  model::record_edit(u.record, {u.edit.by, u.edit.at}, u.edit.keys, u.edit.via);
  u.before = util::read_file(root / rel, util::k_max_record_bytes, "a record file");
  u.after = keep_comments(u.before, canonical_text(u.record)).text;
  check_text(row_number, rel, u.after, u.record, row, columns.column_of, e.ctx, first_problem,
             plan.problems);
  if (plan.problems.size() == first_problem) {
    plan.updates.push_back(std::move(u));
  }
}

// The new record of a row, added to plan.records when it passes the checks.
void plan_new(Existing& e, model::Innovation record, const CsvRow& row, std::size_t row_number,
              const Columns& columns, std::size_t first_problem, ImportPlan& plan)
{
  ImportedRecord item;
  item.row = row_number;
  item.record = std::move(record);
  do {
    item.record.id = util::new_record_id();
  } while (e.ids.count(item.record.id));
  item.rel = std::string(k_records_dir) + "/" + model::year_of(item.record) + "/" + item.record.id +
             ".yaml";
  item.text = canonical_text(item.record);
  check_text(row_number, item.rel, item.text, item.record, row, columns.column_of, e.ctx,
             first_problem, plan.problems);
  if (plan.problems.size() == first_problem) {
    e.ids.insert(item.record.id);
    plan.records.push_back(std::move(item));
  }
}

} // namespace

const std::vector<std::string>& import_fields()
{
  static const std::vector<std::string> k_fields = {
      "title", "summary", "description", "author",       "region",  "unit",  "created",
      "kind",  "source",  "challenge",   "theme",        "horizon", "likes", "external_ref",
      "state", "answer",  "supports",    "endorsements", "link"};
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
  return {spec.substr(0, eq), import_field_named(spec.substr(eq + 1))};
}

std::string import_field_named(const std::string& name)
{
  if (name == "date") {
    return "created";
  }
  if (name == "themes") {
    return "theme";
  }
  const auto& fields = import_fields();
  if (std::find(fields.begin(), fields.end(), name) == fields.end()) {
    throw UsageError("cannot import into field '" + name + "'" + util::did_you_mean(name, fields),
                     "fields: " + util::join(fields, ", "));
  }
  return name;
}

std::pair<std::string, std::string> parse_field_constant(const std::string& spec)
{
  auto eq = spec.find('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == spec.size()) {
    throw UsageError("--set '" + spec + "' is not FIELD=VALUE",
                     "for example --set author=citoyen-0001 --set source=citizen");
  }
  return {import_field_named(spec.substr(0, eq)), spec.substr(eq + 1)};
}

std::optional<ImportTime> read_import_time(const std::string& text)
{
  static const std::regex k_iso(
      R"(^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)"
      R"((?: ?(Z|UTC|GMT|[+-]\d{2}:?\d{2}))?)?$)");
  static const std::regex k_day_first(R"(^(\d{1,2})/(\d{1,2})/(\d{4})( \d{1,2}:\d{2}(:\d{2})?)?$)");
  std::smatch m;
  if (std::regex_match(text, m, k_day_first)) {
    auto two = [](const std::string& s) { return s.size() == 1 ? "0" + s : s; };
    return ImportTime{m[3].str() + "-" + two(m[2].str()) + "-" + two(m[1].str()), ""};
  }
  if (!std::regex_match(text, m, k_iso)) {
    return std::nullopt;
  }
  std::string date = m[1].str();
  if (!m[5].matched) {
    return ImportTime{date, ""}; // no time, or a time in no stated zone: the date as written
  }
  auto day = util::parse_date(date);
  int hour = std::stoi(m[2].str());
  int minute = std::stoi(m[3].str());
  int second = m[4].matched ? std::stoi(m[4].str()) : 0;
  if (!day || hour > 23 || minute > 59 || second > 59) {
    return std::nullopt;
  }
  std::string zone = m[5].str();
  long offset = 0; // minutes east of UTC
  if (zone[0] == '+' || zone[0] == '-') {
    std::string digits;
    for (char c : zone) {
      if (std::isdigit(static_cast<unsigned char>(c))) {
        digits += c;
      }
    }
    long oh = std::stol(digits.substr(0, 2));
    long om = std::stol(digits.substr(2, 2));
    if (oh > 23 || om > 59) {
      return std::nullopt;
    }
    offset = (zone[0] == '-' ? -1 : 1) * (oh * 60 + om);
  }
  long minutes = util::days_from_civil(*day) * 1440 + hour * 60 + minute - offset;
  long days = minutes >= 0 ? minutes / 1440 : -((-minutes + 1439) / 1440);
  long in_day = minutes - days * 1440;
  std::string utc = util::format_date(util::civil_from_days(days));
  auto two = [](long n) { return std::string(n < 10 ? "0" : "") + std::to_string(n); };
  return ImportTime{utc, utc + "T" + two(in_day / 60) + ":" + two(in_day % 60) + ":" + two(second) +
                             "Z"};
}

std::optional<std::string> read_import_date(const std::string& text)
{
  auto t = read_import_time(text);
  if (!t) {
    return std::nullopt;
  }
  return t->date;
}

std::string import_date(const std::string& text)
{
  return read_import_date(text).value_or(text);
}

ImportPlan plan_import(const std::filesystem::path& root, const std::vector<CsvRow>& rows,
                       const std::vector<ColumnMap>& map, const ImportOptions& options)
{
  if (rows.empty()) {
    throw DataError("the file is empty: a header row naming the columns is expected");
  }
  Columns columns = resolve_columns(rows.front().fields, map, options);
  Existing existing;
  load_existing(root, existing);
  const std::string& ref_column = columns.column_of.at("external_ref");
  ValueResolver resolver(existing.config, options.values);

  ImportPlan plan;
  for (const auto& name : rows.front().fields) {
    bool named =
        std::any_of(map.begin(), map.end(), [&](const ColumnMap& m) { return m.column == name; });
    if (!named && !util::trim(name).empty()) {
      plan.unmapped_columns.push_back(name);
    }
  }
  std::optional<PeopleBook> people;
  if (options.people) {
    people.emplace(root, existing.config, *options.people, people_named(existing.portfolio));
  }
  const Mapped* state_column = nullptr;
  for (const auto& m : columns.mapped) {
    state_column = m.field == "state" ? &m : state_column;
  }
  std::map<std::string, std::size_t> ref_rows; // external_ref -> first row of this file
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const CsvRow& row = rows[i];
    if (blank_row(row)) {
      ++plan.empty_rows;
      continue;
    }
    ++plan.data_rows;
    std::size_t before = plan.problems.size();
    PlatformFacts facts;
    model::Innovation record =
        record_of(row, columns.mapped, resolver, people ? &*people : nullptr, i, plan, facts);
    std::string state_problem = apply_platform_facts(
        record, facts, state_column != nullptr, options.states, options.by, options.decided_at);
    if (!state_problem.empty()) {
      plan.problems.push_back({i, row.line, state_column->column, state_problem});
    }
    const std::string& ref = record.external_ref;
    auto held = existing.by_ref.find(ref);
    if (!ref.empty() && held != existing.by_ref.end() && !options.update) {
      plan.problems.resize(before); // the record exists: its row is not imported again
      ++plan.already_imported;
      continue;
    }
    if (!ref.empty()) {
      auto [it, inserted] = ref_rows.emplace(ref, i);
      if (!inserted) {
        plan.problems.push_back(
            {i, row.line, ref_column,
             "external_ref '" + ref + "' repeats row " + std::to_string(it->second)});
      }
    }
    if (!ref.empty() && held != existing.by_ref.end()) {
      plan_update(root, existing, held->second, record, row, i, columns, before, options, plan);
    } else {
      plan_new(existing, std::move(record), row, i, columns, before, plan);
    }
    if (plan.problems.size() > before) {
      plan.invalid_rows.insert(i);
    }
  }
  if (people) {
    plan.new_people = people->added();
    plan.files = people->files();
  }
  return plan;
}

} // namespace innov::store
