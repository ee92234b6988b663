#include "lib/report/export.hpp"

#include "lib/model/gates.hpp"
#include "lib/report/record_json.hpp"
#include "lib/util/text.hpp"

namespace innov::report {

const std::vector<ExportColumn>& export_columns()
{
  static const std::vector<ExportColumn> k_columns = {
      {"id", "record id"},
      {"kind", "idea or practice"},
      {"status", "lifecycle state"},
      {"title", "title"},
      {"summary", "one-line summary"},
      {"description", "full description (may span lines)"},
      {"author", "who deposited it"},
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
      {"score", "mean weighted rubric score of the qualifications (2 decimals)"},
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

Table export_table(const std::vector<const model::Innovation*>& records,
                   const model::Config& config)
{
  Table t;
  for (const auto& c : export_columns()) {
    t.columns.push_back({c.name, false});
  }
  auto count = [](std::size_t n) { return Cell::num(static_cast<double>(n)); };
  for (const auto* r : records) {
    std::vector<Cell> row;
    for (const auto* text : {&r->id, &r->kind, &r->status, &r->title, &r->summary, &r->description,
                             &r->author, &r->region, &r->unit, &r->source, &r->challenge}) {
      row.push_back(Cell::str(*text));
    }
    row.push_back(Cell::str(util::join(r->themes, ";")));
    row.push_back(Cell::str(r->horizon));
    row.push_back(Cell::str(r->created));
    row.push_back(Cell::str(r->external_ref));
    row.push_back(count(r->likes.size()));
    row.push_back(count(r->comments.size()));
    row.push_back(count(r->qualifications.size()));
    if (r->qualifications.empty()) {
      row.push_back(Cell::none());
    } else {
      double sum = 0;
      for (const auto& q : r->qualifications) {
        sum += model::weighted_score(q, config);
      }
      row.push_back(Cell::num(sum / static_cast<double>(r->qualifications.size()), 2));
    }
    if (r->estimate) {
      row.push_back(Cell::num(r->estimate->amount));
      row.push_back(Cell::str(r->estimate->metric));
      row.push_back(Cell::str(r->estimate->per));
    } else {
      row.push_back(Cell::none());
      row.push_back(Cell::none());
      row.push_back(Cell::none());
    }
    row.push_back(count(r->pocs.size()));
    row.push_back(Cell::str(r->pocs.empty() ? std::string() : r->pocs.back().outcome));
    row.push_back(Cell::str(r->decisions.empty() ? std::string() : r->decisions.back().decision));
    row.push_back(
        Cell::str(r->decisions.empty() ? std::string() : r->decisions.back().at.substr(0, 10)));
    row.push_back(Cell::str(r->merged_into));
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
