// innov import csv FILE --map COLUMN=FIELD...: records in from an idea-box platform's export.
#include "cmd/commands.hpp"
#include "cmd/mutation.hpp"
#include "lib/store/csv_import.hpp"
#include "lib/store/import_preset.hpp"
#include "lib/store/record_io.hpp"
#include "lib/util/encoding.hpp"
#include "lib/util/error.hpp"
#include "lib/util/escape.hpp"
#include "lib/util/fs.hpp"
#include "lib/util/text.hpp"

#include <algorithm>
#include <iostream>
#include <map>
#include <optional>

namespace innov::cmd {

namespace {

struct ImportOptions {
  std::string format;
  std::string file;
  std::vector<std::string> map;
  std::vector<std::string> set;    // FIELD=VALUE
  std::vector<std::string> value;  // FIELD:VALUE=CODE
  std::vector<std::string> values; // files of FIELD:VALUE=CODE lines
  std::string delimiter;           // empty: ','
  std::string encoding = "utf-8";
  bool skip_invalid = false;
  bool dry_run = false;
  bool update = false;
  std::string preset = "generic";
  std::string locale = "fr";
  std::vector<std::string> state; // VALUE=STATE
  std::string people_kind;        // empty: citizen, when people are given by name
  bool hash_names = false;
  MutationFlags flags; // --by and --at: who updates and when (--update), who decided and when
};

// The file as messages name it.
std::string shown_name(const std::string& file)
{
  return file == "-" ? "<stdin>" : file;
}

void print_problems(const std::string& file, const store::ImportPlan& plan)
{
  for (const auto& p : plan.problems) {
    std::cerr << util::escape_terminal(
                     file + ":" + std::to_string(p.line) + ": error: row " + std::to_string(p.row) +
                     (p.column.empty() ? std::string() : ", column '" + p.column + "'") + ": " +
                     p.message)
              << "\n";
  }
  for (const auto& n : plan.notes) {
    std::cerr << util::escape_terminal(file + ": note: column '" + n.column + "': " + n.message)
              << "\n";
  }
}

char delimiter_of(const std::string& text)
{
  if (text.empty()) {
    return ',';
  }
  if (text == "tab" || text == "\\t") {
    return '\t';
  }
  if (text.size() != 1) {
    throw UsageError("--delimiter must be one character (or 'tab'), not '" + text + "'");
  }
  return text[0];
}

std::string plural(std::size_t n, const std::string& what)
{
  return std::to_string(n) + " " + what + (n == 1 ? "" : "s");
}

std::string summary_of(const store::ImportPlan& plan, const ImportOptions& o)
{
  std::string out;
  if (o.update) {
    out = (o.dry_run ? "dry run: " : "") + std::to_string(plan.records.size()) + " created, " +
          std::to_string(plan.updates.size()) + " updated, " +
          std::to_string(plan.already_imported) + " unchanged, " +
          plural(plan.empty_rows, "empty row") + " skipped";
  } else {
    out = (o.dry_run ? "would import " : "imported ") + plural(plan.records.size(), "record");
    if (plan.already_imported > 0) {
      out += ", " + std::to_string(plan.already_imported) + " already imported";
    }
    if (plan.empty_rows > 0) {
      out += ", " + plural(plan.empty_rows, "empty row") + " skipped";
    }
  }
  if (!plan.invalid_rows.empty()) {
    out += ", " + plural(plan.invalid_rows.size(), "invalid row") + " skipped";
  }
  return out;
}

// What --dry-run prints first: the rows, what becomes of them, the columns left out and the values
// that need a map.
void print_dry_run_summary(const store::ImportPlan& plan, const ImportOptions& o)
{
  std::size_t skipped = plan.already_imported + plan.invalid_rows.size();
  std::cout << "dry run of " << util::escape_terminal(shown_name(o.file)) << ": "
            << plural(plan.data_rows, "row") << " (" << plural(plan.empty_rows, "empty row")
            << " besides)\n"
            << "  records to create: " << plan.records.size() << "\n"
            << "  records to update: " << plan.updates.size() << "\n"
            << "  rows to skip: " << skipped << " (" << plan.already_imported
            << " already imported, " << plan.invalid_rows.size() << " invalid)\n"
            << "  unmapped columns: "
            << (plan.unmapped_columns.empty()
                    ? std::string("none")
                    : util::escape_terminal(util::join(plan.unmapped_columns, ", ")))
            << "\n";
  std::size_t values = 0;
  for (const auto& [field, by_value] : plan.unmatched_values) {
    values += by_value.size();
  }
  std::cout << "  values that need a map: " << (values == 0 ? "none" : std::to_string(values))
            << "\n";
  for (const auto& [field, by_value] : plan.unmatched_values) {
    for (const auto& [value, message] : by_value) {
      std::cout << "    " << util::escape_terminal(message) << "\n";
    }
  }
  if (o.preset != "generic" || !o.people_kind.empty() || o.hash_names) {
    std::cout << "  people to create: "
              << (plan.new_people.empty() ? std::string("none")
                                          : std::to_string(plan.new_people.size()))
              << "\n";
    for (const auto& [id, name] : plan.new_people) {
      std::cout << "    " << util::escape_terminal(id + "  " + name) << "\n";
    }
  }
}

// Refuses a plan with invalid rows, unless --skip-invalid and some row is not invalid.
void check_invalid_rows(const store::ImportPlan& plan, const ImportOptions& o)
{
  std::size_t invalid = plan.invalid_rows.size();
  if (invalid == 0) {
    return;
  }
  if (!o.skip_invalid) {
    throw DataError(std::to_string(invalid) + " of " + std::to_string(plan.data_rows) +
                        " rows are invalid: nothing imported",
                    "fix the rows, or import the valid ones with --skip-invalid");
  }
  if (invalid == plan.data_rows) {
    throw DataError("all " + plural(invalid, "row") + " are invalid: nothing imported",
                    "fix the rows listed above; --skip-invalid leaves out only some rows");
  }
}

std::vector<store::CsvRow> read_rows(const ImportOptions& o, char delimiter)
{
  auto encoding = util::encoding_named(o.encoding);
  if (!encoding) {
    throw UsageError("unknown encoding '" + o.encoding + "'", "use utf-8, cp1252 or latin1");
  }
  try {
    return store::read_csv(o.file, delimiter, *encoding);
  } catch (const DataError& e) {
    throw DataError("'" + shown_name(o.file) + "': " + e.what(), e.hint());
  }
}

void apply_plan(const std::filesystem::path& root, const store::ImportPlan& plan,
                const ImportOptions& o)
{
  for (const auto& f : plan.files) {
    if (o.dry_run) {
      std::cout << "would write " << f.rel << "\n";
    } else {
      util::atomic_write(root / f.rel, f.text);
    }
  }
  for (const auto& item : plan.records) {
    if (o.dry_run) {
      std::cout << "would create " << item.rel << "  " << util::escape_terminal(item.record.title)
                << "\n";
    } else {
      util::atomic_write(root / item.rel, item.text);
    }
  }
  for (const auto& u : plan.updates) {
    if (o.dry_run) {
      std::cout << "would update " << u.rel << "  " << util::escape_terminal(u.record.title) << " ("
                << util::join(u.fields, ", ") << ")\n"
                << util::escape_terminal("  edit: {at: " + u.edit.at + ", by: " + u.edit.by +
                                         ", fields: [" + util::join(u.edit.keys, ", ") +
                                         "], via: " + u.edit.via + "}\n")
                << util::escape_terminal(store::line_diff(u.rel, u.before, u.after));
    } else {
      util::atomic_write(root / u.rel, u.after);
    }
  }
}

// The user's maps and constants, then the preset's for the fields the user leaves out.
void add_preset(const store::ImportPreset& preset, std::vector<store::ColumnMap>& map,
                std::vector<std::pair<std::string, std::string>>& constants)
{
  auto given = [&](const std::string& field) {
    return std::any_of(map.begin(), map.end(),
                       [&](const store::ColumnMap& m) { return m.field == field; }) ||
           std::any_of(constants.begin(), constants.end(),
                       [&](const auto& c) { return c.first == field; });
  };
  std::vector<store::ColumnMap> extra;
  for (const auto& m : preset.map) {
    bool column_used = std::any_of(map.begin(), map.end(),
                                   [&](const store::ColumnMap& u) { return u.column == m.column; });
    if (!given(m.field) && !column_used) {
      extra.push_back(m);
    }
  }
  std::vector<std::pair<std::string, std::string>> defaults;
  for (const auto& d : preset.defaults) {
    if (!given(d.first) && std::none_of(extra.begin(), extra.end(),
                                        [&](const auto& m) { return m.field == d.first; })) {
      defaults.push_back(d);
    }
  }
  map.insert(map.end(), extra.begin(), extra.end());
  constants.insert(constants.end(), defaults.begin(), defaults.end());
}

// Whether the import records facts that need an actor: a state change, an answer, figures.
bool records_facts(const std::vector<store::ColumnMap>& map)
{
  return std::any_of(map.begin(), map.end(), [](const store::ColumnMap& m) {
    return m.field == "state" || m.field == "answer" || m.field == "supports" ||
           m.field == "endorsements" || m.field == "link";
  });
}

// The --state maps: the platform's value -> a lifecycle state; UsageError for one given twice.
std::map<std::string, std::string> state_map(const std::vector<std::string>& specs)
{
  std::map<std::string, std::string> out;
  for (const auto& spec : specs) {
    auto [value, state] = store::parse_state_map(spec);
    auto [it, inserted] = out.emplace(value, state);
    if (!inserted && it->second != state) {
      throw UsageError("--state: '" + value + "' is mapped to both '" + it->second + "' and '" +
                       state + "'");
    }
  }
  return out;
}

int run_import(const Context& ctx, const ImportOptions& o)
{
  auto preset = store::import_preset(o.preset, o.locale, {});
  char delimiter = o.delimiter.empty() ? preset.delimiter : delimiter_of(o.delimiter);
  std::vector<store::ColumnMap> map;
  for (const auto& m : o.map) {
    map.push_back(store::parse_column_map(m));
  }
  std::vector<std::pair<std::string, std::string>> constants;
  for (const auto& c : o.set) {
    constants.push_back(store::parse_field_constant(c));
  }
  auto user_states = state_map(o.state);
  store::ValueMaps values;
  for (const auto& file : o.values) {
    store::read_value_maps(values, file);
  }
  for (const auto& v : o.value) {
    store::add_value_map(values, v, "--value");
  }
  auto root = find_portfolio_root(ctx);
  auto rows = read_rows(o, delimiter);
  if (!rows.empty()) {
    preset = store::import_preset(o.preset, o.locale, rows.front().fields);
  }
  add_preset(preset, map, constants);
  auto states = preset.states;
  for (const auto& [value, state] : user_states) {
    states[value] = state;
  }
  bool facts = records_facts(map);
  if (!o.update && !facts && (!o.flags.by.empty() || !o.flags.at.empty())) {
    throw UsageError(std::string(o.flags.by.empty() ? "--at" : "--by") +
                         " needs --update, or a column mapped to state, answer, supports, "
                         "endorsements or link",
                     "new records take their author and date from the mapped columns; --by and "
                     "--at date the edits of --update and the platform's decisions");
  }
  // --update records an actor in the edits of the records it changes; a state, an answer or
  // figures record who carried the platform's decisions in: refused when malformed or missing
  // before anything is read; new records take their author from the file.
  model::Actor actor;
  if (o.update || facts) {
    actor = actor_of(o.flags);
  }
  std::optional<util::PortfolioLock> lock;
  if (!o.dry_run) {
    lock.emplace(root);
  }
  if (o.update) {
    stamp_now(actor, o.flags);
  }
  store::ImportOptions options;
  options.delimiter_given = !o.delimiter.empty();
  options.update = o.update;
  options.by = actor.by;
  options.at = actor.at;
  options.constants = constants;
  options.values = std::move(values);
  options.states = states;
  options.decided_at = o.flags.at;
  if (preset.people_by_name || !o.people_kind.empty() || o.hash_names) {
    options.people =
        store::PeopleOptions{o.people_kind.empty() ? "citizen" : o.people_kind, o.hash_names};
  }
  auto plan = store::plan_import(root, rows, map, options);
  if (o.dry_run) {
    print_dry_run_summary(plan, o);
  }
  print_problems(shown_name(o.file), plan);
  check_invalid_rows(plan, o);
  apply_plan(root, plan, o);
  if (!ctx.quiet || o.dry_run) {
    std::cout << summary_of(plan, o) << "\n";
  }
  return k_exit_ok;
}

} // namespace

void register_import(CLI::App& app, Context& ctx)
{
  auto opts = std::make_shared<ImportOptions>();
  auto* sub =
      app.add_subcommand("import", "Create records from a CSV export of an idea-box platform");
  sub->add_option("FORMAT", opts->format, "csv")->required()->check(CLI::IsMember({"csv"}));
  sub->add_option("FILE", opts->file,
                  "The CSV file: a header row, then one row per idea ('-' reads standard input)")
      ->required();
  sub->add_option("--map", opts->map,
                  "COLUMN=FIELD: fill FIELD from the column named COLUMN in the header (repeat)");
  sub->add_option("--set", opts->set,
                  "FIELD=VALUE: the same VALUE in every row, e.g. --set source=citizen (repeat)");
  sub->add_option("--value", opts->value,
                  "FIELD:VALUE=CODE: import the platform's VALUE of FIELD as CODE, e.g. "
                  "--value 'region:Nord=hdf' (repeat)");
  sub->add_option("--values", opts->values,
                  "A file of FIELD:VALUE=CODE lines ('#' starts a comment), as --value (repeat)")
      ->check(CLI::ExistingFile);
  sub->add_option("--delimiter", opts->delimiter,
                  "Field separator: one character or tab "
                  "(default ',')");
  sub->add_option("--encoding", opts->encoding,
                  "Encoding of the file: utf-8 (default), cp1252 (Excel on Windows) or latin1")
      ->check(CLI::IsMember({"utf-8", "cp1252", "latin1"}));
  sub->add_option("--preset", opts->preset,
                  "The platform whose export FILE is: generic (every column by --map, the "
                  "default) or decidim (Decidim's proposals export)")
      ->check(CLI::IsMember(store::import_preset_names()));
  sub->add_option("--locale", opts->locale,
                  "With --preset decidim: the language of the columns to read, title/LOCALE "
                  "(default fr)");
  sub->add_option("--state", opts->state,
                  "VALUE=STATE: the platform's state VALUE moves the record to STATE, e.g. "
                  "--state accepted=qualified; '=submitted' for an empty state (repeat)");
  sub->add_option("--people-kind", opts->people_kind,
                  "People are given by display name (author, likes): make them ids of this kind "
                  "of the population (default citizen)");
  sub->add_flag("--hash-names", opts->hash_names,
                "With people given by name: ids are a keyed hash of the name, whose key and "
                "names stay in .innov-import/, out of git");
  sub->add_flag("--update", opts->update,
                "Rows already imported (same external_ref) update their record's mapped fields");
  sub->add_option("--by", opts->flags.by,
                  "With --update: who updates; with a state, answer or figures: who records the "
                  "platform's decisions (default: $INNOV_USER, then $USER)");
  sub->add_option("--at", opts->flags.at,
                  "With --update: when, a date or UTC date-time, to back-fill (default: now); "
                  "with a state: the date of the platform's decisions (default: the row's date)");
  sub->add_flag("--skip-invalid", opts->skip_invalid,
                "Import the valid rows and list the invalid ones (exit 1 if every row is invalid)");
  sub->add_flag("--dry-run", opts->dry_run,
                "Show what would be created, and the diff of what would be updated; write nothing");
  sub->footer("Fields: " + util::join(store::import_fields(), ", ") +
              " (date = created, themes = theme).\n"
              "Required: " +
              util::join(store::required_import_fields(), ", ") +
              " (by --map, or --set FIELD=VALUE for every row).\n"
              "kind defaults to idea, source to internal. Regions and themes may be given by "
              "code or by name\n"
              "(ignoring case and accents); --value FIELD:VALUE=CODE maps any other value. HTML in "
              "title, summary\n"
              "and description becomes plain text (paragraphs, lists, links kept).\n"
              "Lists (likes, theme) are separated by ';', ',' or spaces. A count of likes cannot "
              "be imported:\n"
              "innov keeps who liked; leave such a column unmapped. Dates: " +
              std::string(store::k_import_date_formats) +
              ".\n"
              "A row whose external_ref a record already holds is skipped, so importing the same "
              "file again\n"
              "creates no duplicates; with --update it updates the fields of that record that "
              "differ, and\n"
              "records the edit {at, by, fields, via: import} in the record's edits (--at, --by). "
              "Rows of\n"
              "delimiters and blanks only are skipped. Every bad row is reported with its row, "
              "line and column;\n"
              "nothing is written unless all rows are valid (or --skip-invalid).\n"
              "People given by name (--preset decidim, --people-kind, --hash-names): the author "
              "and the likes\n"
              "(names separated by ',' or ';') become ids of a kind of the population; the same "
              "name, ignoring\n"
              "case, accents and extra blanks, is the same person, kept in import/people.tsv (with "
              "--hash-names\n"
              "in .innov-import/, out of git). A state column moves each record through --state "
              "VALUE=STATE\n"
              "(history entries via: import, dated at the row's date or --at, by --by); answers "
              "and figures\n"
              "become comments. --preset decidim maps Decidim's proposals export (';', "
              "title/LOCALE, body/LOCALE,\n"
              "scope/name/LOCALE, category/name/LOCALE, endorsements, state, answer, supports, "
              "url, reference)\n"
              "with the states evaluating and empty -> submitted, accepted -> qualified, rejected, "
              "withdrawn.\n\n"
              "Examples:\n"
              "  innov import csv ideas.csv --map Id=external_ref --map Titre=title --map "
              "Auteur=author \\\n"
              "      --map Region=region --map Date=created --map Soutiens=likes --dry-run\n"
              "  # A file saved by Excel on Windows (\"CSV (separator: semicolon)\"):\n"
              "  innov import csv idees.csv --encoding cp1252 --delimiter ';' --map "
              "Identifiant=external_ref ...\n"
              "  # No author column, regions by name, one region named otherwise:\n"
              "  innov import csv export.csv --delimiter ';' --map reference=external_ref ... "
              "\\\n"
              "      --set author=citoyen-0001 --set source=citizen --value 'region:Nord=hdf' "
              "--dry-run\n"
              "  # A Decidim proposals export: the author stands for the participants, "
              "endorsers by name:\n"
              "  innov import csv proposals.csv --preset decidim --by agent-1 --dry-run\n"
              "  innov import csv proposals.csv --preset decidim --locale ca --hash-names "
              "--state evaluating=on-hold\n"
              "  # The platform's new export: new rows created, changed rows updated:\n"
              "  curl -s https://ideas.example/export.csv | innov import csv - --update --map "
              "Id=external_ref ...");
  sub->callback([opts, &ctx] { ctx.run = [opts, &ctx] { return run_import(ctx, *opts); }; });
}

} // namespace innov::cmd
