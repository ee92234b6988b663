// Fuzz target: `innov import csv FILE --map ...` without writing: the bytes parsed as CSV (a
// DataError is the only refusal), then planned for import into the base fixture with a fixed column
// map (a UsageError when the header lacks a mapped column). Every record the plan would write must
// load back and satisfy the innovation schema.
#include "lib/store/csv.hpp"
#include "lib/store/csv_import.hpp"
#include "lib/store/load.hpp"
#include "lib/store/portfolio.hpp"
#include "lib/util/error.hpp"

#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

namespace {

namespace store = innov::store;

const std::vector<store::ColumnMap>& column_map()
{
  static const std::vector<store::ColumnMap> map = [] {
    std::vector<store::ColumnMap> out;
    for (const char* spec : {"title=title", "summary=summary", "description=description",
                             "author=author", "region=region", "unit=unit", "date=created",
                             "kind=kind", "source=source", "challenge=challenge", "themes=theme",
                             "horizon=horizon", "likes=likes", "id=external_ref"}) {
      out.push_back(store::parse_column_map(spec));
    }
    return out;
  }();
  return map;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  const auto& map = column_map();
  std::string text(reinterpret_cast<const char*>(data), size);
  std::vector<store::CsvRow> rows;
  try {
    rows = store::parse_csv(text);
  } catch (const innov::DataError&) {
    return 0;
  }
  store::ImportPlan plan;
  try {
    plan = store::plan_import(INNOV_FUZZ_FIXTURE, rows, map);
  } catch (const innov::UsageError&) {
    return 0;
  } catch (const innov::DataError&) {
    return 0;
  }
  for (const auto& item : plan.records) {
    innov::util::Diagnostics diags;
    auto node = store::load_yaml(item.text, item.rel, diags);
    if (node) {
      store::schema_diagnostics(*node, "innovation", item.rel, diags);
    }
    if (!node || innov::util::has_errors(diags)) {
      std::cerr << "fuzz_csv: row " << item.row << " was planned but its record is invalid: "
                << (diags.empty() ? "" : diags.front().message) << "\n"
                << item.text << "\n";
      std::abort();
    }
  }
  return 0;
}
