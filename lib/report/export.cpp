#include "lib/report/export.hpp"

#include "lib/report/record_json.hpp"
#include "lib/report/reports.hpp"
#include "lib/util/text.hpp"

#include <optional>
#include <stdexcept>
#include <type_traits>

namespace innov::report {

const std::vector<ExportColumn>& export_columns()
{
  static const std::vector<ExportColumn> k_columns = {
      {"id", "record id"},
      {"kind", "idea, practice or need"},
      {"status", "lifecycle state"},
      {"title", "title"},
      {"summary", "one-line summary"},
      {"description", "full description (may span lines)"},
      {"author", "who deposited it"},
      {"coauthors", "the other authors, joined with ;"},
      {"region", "region code"},
      {"unit", "unit or agency"},
      {"source", "internal, external, citizen, challenge, lab or watch"},
      {"challenge", "challenge id"},
      {"themes", "theme codes, joined with ;"},
      {"horizon", "core, adjacent or transformational"},
      {"created", "date of deposit"},
      {"external_ref", "id in the idea-box platform it was imported from"},
      {"likes", "number of people who liked it"},
      {"comments", "number of comments"},
      {"qualifications", "number of expert qualifications"},
      {"score", "the record score: mean of each expert's latest go, hold or reject weighted score "
                "(2 decimals)"},
      {"estimate_amount", "value estimate: amount"},
      {"estimate_metric", "value estimate: value metric"},
      {"estimate_per", "value estimate: year, month or once"},
      {"pocs", "number of POCs"},
      {"poc_outcome", "outcome of the last POC: success, partial or failure"},
      {"decision", "last governance decision: go, kill, hold or recycle"},
      {"decided", "date of the last decision"},
      {"merged_into", "the record a duplicate was merged into"},
  };
  return k_columns;
}

namespace {

// The cell of a top-level field of the record named `column`, from the field table: a text as is,
// a list of codes joined with ;, a list of people or of items counted; nullopt when no top-level
// field has that name (a column computed from several fields).
std::optional<Cell> field_cell(const model::Innovation& r, std::string_view column)
{
  std::optional<Cell> out;
  model::for_each_field<model::Innovation>([&](const auto& f) {
    using M = typename std::decay_t<decltype(f)>::Member;
    if (f.key != column || !f.group.empty()) {
      return;
    }
    const M& v = f.of(r);
    if constexpr (std::is_same_v<M, std::string>) {
      out = Cell::str(v);
    } else if constexpr (std::is_same_v<M, std::vector<std::string>>) {
      out = f.has(model::k_set) ? Cell::num(static_cast<double>(v.size()))
                                : Cell::str(util::join(v, ";"));
    } else if constexpr (model::DescribedList<M>) {
      out = Cell::num(static_cast<double>(v.size()));
    }
  });
  return out;
}

// The cell of a column that sums up several fields.
Cell summary_cell(const model::Innovation& r, std::string_view column, const model::Config& config)
{
  if (column == "score") {
    return score_cell(r, config);
  }
  if (column.starts_with("estimate_")) {
    if (!r.estimate) {
      return Cell::none();
    }
    std::string_view part = column.substr(9);
    return part == "amount" ? Cell::num(r.estimate->amount)
                            : Cell::str(part == "metric" ? r.estimate->metric : r.estimate->per);
  }
  if (column == "poc_outcome") {
    return Cell::str(r.pocs.empty() ? std::string() : r.pocs.back().outcome);
  }
  if (column == "decision") {
    return Cell::str(r.decisions.empty() ? std::string() : r.decisions.back().decision);
  }
  if (column == "decided") {
    return Cell::str(r.decisions.empty() ? std::string() : r.decisions.back().at.substr(0, 10));
  }
  throw std::logic_error("export column without a value: " + std::string(column));
}

} // namespace

Table export_table(const std::vector<const model::Innovation*>& records,
                   const model::Config& config)
{
  Table t;
  for (const auto& c : export_columns()) {
    t.columns.push_back({c.name, false});
  }
  for (const auto* r : records) {
    std::vector<Cell> row;
    for (const auto& c : export_columns()) {
      auto cell = field_cell(*r, c.name);
      row.push_back(cell ? std::move(*cell) : summary_cell(*r, c.name, config));
    }
    t.add_row(std::move(row));
  }
  return t;
}

std::string export_json(const std::vector<const model::Innovation*>& records)
{
  JsonWriter w;
  w.begin_array();
  for (const auto* r : records) {
    write_record_json(w, *r);
  }
  w.end_array();
  return w.str();
}

} // namespace innov::report
